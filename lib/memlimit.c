/*
 * The counting, limited allocator of include/proxylua/memlimit.h. One copy
 * for every Lua state proxylua makes with a memory limit.
 */
#include <stdlib.h>
#include "proxylua/memlimit.h"

void *pl_memlimit_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	pl_memlimit *m = ud;
	void *p;

	if (ptr == NULL)
		osize = 0;      /* for a new block, osize is only a type tag */
	if (nsize == 0) {
		free(ptr);
		m->used -= osize;
		return NULL;
	}
	if (m->limit != 0 && nsize > osize && m->used - osize + nsize > m->limit)
		return NULL;
	p = realloc(ptr, nsize);
	if (p != NULL) {
		m->used = m->used - osize + nsize;
		if (m->used > m->peak)
			m->peak = m->used;
	}
	return p;
}
