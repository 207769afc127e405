/*
 * The map-file reader and every method's key parsing and index: the first
 * byte picks the method (str ... ip, reg included) and -i, the rest is map
 * text. Each loaded key, cut and reused as a query, must get the index's
 * answer equal to the reference matcher's (lookup_all's first), and the
 * map must give all its memory back.
 */
#include "map_internal.h"   /* lib-private: the fuzzers see the internals */
#include "fuzz.h"

static const int methods[] = {
	PL_MATCH_STR, PL_MATCH_BEG, PL_MATCH_END, PL_MATCH_SUB, PL_MATCH_DIR,
	PL_MATCH_DOM, PL_MATCH_REG, PL_MATCH_INT, PL_MATCH_IP,
};

static void check_query(pl_map *m, const char *q, size_t ql, void *scratch)
{
	pl_map_query pq;
	size_t *all = NULL, got;
	long n;
	int64_t iq = 0;

	if (m->method == PL_MATCH_INT) {
		/* a number the key texts may hold */
		pl_map_range r;
		if (pl_map_int_parse(q, ql, &r, NULL) == 0)
			iq = r.lo;
	}
	if (!pl_map_query_init(m, &pq, q, ql, iq))
		return;
	got = pl_map_lookup(m, &pq, scratch);
	n = pl_map_lookup_all(m, &pq, scratch, &all);
	FUZZ_ASSERT(n >= 0);
	FUZZ_ASSERT(got == (n > 0 ? all[0] : SIZE_MAX));
	if (all)
		pl_map_xalloc(m, all, (size_t)n * sizeof(*all), 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_heap heap = {0};
	pl_map m;
	pl_buf err;
	char *text;
	size_t line, i, len;
	void *scratch;
	int rc, added;

	if (size < 1 || size > 65536)
		return 0;
	scratch = pl_map_reg_scratch_create(fuzz_alloc, &heap);
	pl_map_init(&m, methods[data[0] % 9], (data[0] / 9) & 1, fuzz_alloc, &heap);
	len = size - 1;
	text = fuzz_alloc(&heap, NULL, 0, len + 1);
	FUZZ_ASSERT(text != NULL);
	memcpy(text, data + 1, len);
	text[len] = '\0';
	pl_buf_init(&err, fuzz_alloc, &heap);
	rc = pl_map_load_text(&m, text, len, &line, &err);
	FUZZ_ASSERT(rc == 0 || rc == PL_MAP_EPARSE);
	FUZZ_ASSERT(rc == 0 || err.len > 0);
	pl_buf_free(&err);
	if (rc == 0) {
		size_t n = m.n < 64 ? m.n : 64;
		for (i = 0; i < n; i++) {
			const pl_map_entry *e = &m.e[i];
			size_t kl = pl_map_klen(e);
			check_query(&m, e->key, kl, scratch);
			if (kl > 1)
				check_query(&m, e->key + 1, kl - 1, scratch);
			check_query(&m, e->val, pl_map_vlen(e), scratch);
		}
		/* updates by key text, then the answers again */
		for (i = 0; i < n; i += 2) {
			const pl_map_entry *e = &m.e[i];
			char k[64];
			size_t kl = pl_map_klen(e) < sizeof(k) ? pl_map_klen(e) : sizeof(k);
			if (e->key == NULL)
				continue;
			memcpy(k, e->key, kl);
			if (i % 4 == 0)
				pl_map_del(&m, k, kl);
			else if (pl_map_check_key(m.method, m.icase, k, kl, NULL) == 0)
				FUZZ_ASSERT(pl_map_set(&m, k, kl, "x", 1, &added) == 0);
			FUZZ_ASSERT(pl_map_prepare(&m) == 0);
			check_query(&m, k, kl, scratch);
		}
	}
	pl_map_free(&m);
	pl_map_reg_scratch_destroy(scratch);
	FUZZ_ASSERT(heap.used == 0);
	return 0;
}
