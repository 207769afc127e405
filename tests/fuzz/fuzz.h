/*
 * Shared by the libFuzzer targets (tests/fuzz/fuzz_*.c): a size-checking
 * allocator with lua_Alloc's signature (a wrong osize or a leak is a crash
 * the fuzzer reports) and an invariant check that aborts.
 */
#ifndef PL_FUZZ_H
#define PL_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An invariant that fails is a finding: abort so libFuzzer saves the input. */
#define FUZZ_ASSERT(c) do { \
		if (!(c)) { fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #c); abort(); } \
	} while (0)

struct fuzz_heap { size_t used; };

static inline void *fuzz_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct fuzz_heap *h = ud;
	size_t *p = ptr ? (size_t *)ptr - 2 : NULL;

	FUZZ_ASSERT(p == NULL || p[0] == osize);
	if (nsize == 0) {
		if (p) {
			h->used -= osize;
			free(p);
		}
		return NULL;
	}
	p = realloc(p, nsize + 2 * sizeof(size_t));
	if (p == NULL)
		return NULL;
	h->used = h->used - (ptr ? osize : 0) + nsize;
	p[0] = nsize;
	return p + 2;
}

/* Splits data at the first occurrence of sep: the head and the rest. */
static inline void fuzz_split(const uint8_t *d, size_t n, uint8_t sep, const uint8_t **head,
                              size_t *hlen, const uint8_t **rest, size_t *rlen)
{
	const uint8_t *p = memchr(d, sep, n);
	*head = d;
	*hlen = p ? (size_t)(p - d) : n;
	*rest = p ? p + 1 : d + n;
	*rlen = p ? n - *hlen - 1 : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
