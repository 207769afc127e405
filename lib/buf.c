/* Geometric growth for pl_buf; see include/proxylua/buf.h. */
#include <stdint.h>
#include "proxylua/buf.h"

#define PL_BUF_MIN 64
#define PL_BUF_BIG ((size_t)1 << 20)

void pl_buf_init(pl_buf *b, pl_alloc_fn alloc, void *ud)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->alloc = alloc;
	b->alloc_ud = ud;
}

int pl_buf_grow(pl_buf *b, size_t extra)
{
	size_t need, ncap;
	void *p;

	if (extra > SIZE_MAX - b->len)
		return -1;
	need = b->len + extra;
	if (need <= b->cap)
		return 0;
	ncap = b->cap ? b->cap : PL_BUF_MIN;
	/* Double while small (fewer reallocs), then grow by half so that a large
	 * result never holds more than 1.5x its size in spare capacity. */
	while (ncap < need) {
		size_t step = ncap < PL_BUF_BIG ? ncap : ncap / 2;
		ncap = ncap > SIZE_MAX - step ? need : ncap + step;
	}
	/* Lua allocators take osize 0 for a fresh block (ptr == NULL). */
	p = b->alloc(b->alloc_ud, b->data, b->data ? b->cap : 0, ncap);
	if (p == NULL)
		return -1;
	b->data = p;
	b->cap = ncap;
	return 0;
}

void pl_buf_free(pl_buf *b)
{
	if (b->data != NULL)
		b->alloc(b->alloc_ud, b->data, b->cap, 0);
	b->data = NULL;
	b->len = b->cap = 0;
}
