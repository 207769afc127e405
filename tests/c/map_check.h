/*
 * Shared by the tests/c/test_map_*.c files: a counting allocator (exact
 * sizes, leaks, injected failures) and a randomized cross-check of a method's
 * index against the reference matcher (lookup_all's first answer), through
 * loads, appends and deletions.
 */
#ifndef MAP_CHECK_H
#define MAP_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "map_internal.h"     /* lib-private: tests see the internals */

static int passed, failed;

#define CHECK(cond) do { \
		if (cond) passed++; \
		else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

struct budget { size_t used, limit; };

/* Keeps a size header to verify that every free passes the size allocated. */
static inline void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct budget *b = ud;
	size_t *p = ptr ? (size_t *)ptr - 2 : NULL;

	if (p && p[0] != osize) {
		fprintf(stderr, "allocator: osize %zu, allocated %zu\n", osize, p[0]);
		abort();
	}
	if (nsize == 0) {
		if (p) {
			b->used -= osize;
			free(p);
		}
		return NULL;
	}
	if (b->limit && b->used - (p ? osize : 0) + nsize > b->limit)
		return NULL;
	p = realloc(p, nsize + 2 * sizeof(size_t));
	if (p == NULL)
		return NULL;
	b->used = b->used - (ptr ? osize : 0) + nsize;
	p[0] = nsize;
	return p + 2;
}

static unsigned long rng_state = 88172645463325252UL;
static inline unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

static inline size_t rand_word(char *out, const char *alpha, size_t lo, size_t hi)
{
	size_t n = lo + rnd((unsigned)(hi - lo + 1)), i, al = strlen(alpha);
	for (i = 0; i < n; i++)
		out[i] = alpha[rnd((unsigned)al)];
	return n;
}

typedef size_t (*gen_fn)(char *out);

/* lookup (index + overflow) must equal the reference's best answer */
static inline int agree(const pl_map *m, const char *q, size_t ql, int64_t iq, void *scratch)
{
	pl_map_query pq;
	size_t *all = NULL, got, want;
	long n;

	if (!pl_map_query_init(m, &pq, q, ql, iq))
		return 1;
	got = pl_map_lookup(m, &pq, scratch);
	n = pl_map_lookup_all(m, &pq, scratch, &all);
	want = n > 0 ? all[0] : SIZE_MAX;
	if (all)
		pl_map_xalloc(m, all, (size_t)n * sizeof(*all), 0);
	if (got != want)
		fprintf(stderr, "method %d query '%.*s' (%lld): index %zu, reference %zu\n",
		        m->method, (int)ql, q, (long long)iq, got, want);
	return got == want;
}

/*
 * rounds x (build nkeys random keys, nq random queries, then a mix of
 * deletions and appends with queries in between). Each round is one
 * scenario and counts as one check: failed builds, wrong answers and leaks
 * are counted inside it (and printed), then checked once.
 */
static inline void cross_check(int method, int icase, gen_fn key, gen_fn query, int rounds,
                        size_t nkeys, size_t nq)
{
	int r;

	for (r = 0; r < rounds; r++) {
		struct budget bud = {0, 0};
		pl_map m;
		size_t i, bad = 0;
		char k[512], q[512];
		void *scratch = pl_map_reg_scratch_create(counting_alloc, &bud);

		pl_map_init(&m, method, icase, counting_alloc, &bud);
		for (i = 0; i < nkeys; i++) {
			size_t kl = key(k);
			char v[16];
			int vl = snprintf(v, sizeof(v), "v%zu", i);
			if (pl_map_check_key(method, icase, k, kl, NULL) == 0)
				pl_map_append(&m, k, kl, v, (size_t)vl);
		}
		if (pl_map_prepare(&m) != 0) {
			fprintf(stderr, "method %d: build failed\n", method);
			bad++;
		}
		for (i = 0; i < nq; i++) {
			size_t ql = query(q);
			bad += !agree(&m, q, ql, (int64_t)(rnd(200)) - 100, scratch);
		}
		/* updates: deletions force rebuilds, appends go to the overflow */
		for (i = 0; i < nq; i++) {
			size_t kl = key(k), ql;
			if (rnd(3) == 0)
				pl_map_del(&m, k, kl);
			else if (pl_map_check_key(method, icase, k, kl, NULL) == 0)
				pl_map_append(&m, k, kl, "new", 3);
			if (pl_map_needs_prepare(&m) && pl_map_prepare(&m) != 0) {
				fprintf(stderr, "method %d: rebuild failed\n", method);
				bad++;
			}
			ql = query(q);
			bad += !agree(&m, q, ql, (int64_t)(rnd(200)) - 100, scratch);
		}
		pl_map_free(&m);
		pl_map_reg_scratch_destroy(scratch);
		if (bud.used != 0) {
			fprintf(stderr, "method %d: %zu bytes leaked\n", method, bud.used);
			bad++;
		}
		CHECK(bad == 0);
	}
}

static inline int report(void)
{
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}

#endif
