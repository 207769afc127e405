/*
 * Every method's query and key parsing on arbitrary bytes: int ranges, ip
 * addresses and networks (with the query-side parser), regexes. The data is
 * checked as a key for each method; keys that parse are loaded into a small
 * map and looked up with the data itself, the index against the reference.
 */
#include "map_internal.h"   /* lib-private: the fuzzers see the internals */
#include "fuzz.h"

static const int methods[] = {
	PL_MATCH_STR, PL_MATCH_BEG, PL_MATCH_END, PL_MATCH_SUB, PL_MATCH_DIR,
	PL_MATCH_DOM, PL_MATCH_REG, PL_MATCH_INT, PL_MATCH_IP,
};

/* a few ordinary keys next to the fuzzed one */
static const char *const base[] = {
	"/a", "example.com", "10.0.0.0/8", "::1", "1:5", "42", "^a.*b$", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t k;

	if (size > 4096)
		return 0;
	for (k = 0; k < 9; k++) {
		struct fuzz_heap heap = {0};
		pl_buf err;
		pl_map m;
		pl_map_query q;
		void *scratch = pl_map_reg_scratch_create(fuzz_alloc, &heap);
		size_t i, *all = NULL, got;
		long n;
		int rc, icase;

		for (icase = 0; icase <= 1; icase++) {
			pl_map_init(&m, methods[k], icase, fuzz_alloc, &heap);
			pl_buf_init(&err, fuzz_alloc, &heap);
			rc = pl_map_check_key(methods[k], icase, s, size, &err);
			FUZZ_ASSERT(rc == 0 || (rc == PL_MAP_EPARSE && err.len > 0));
			pl_buf_free(&err);
			for (i = 0; i < sizeof(base) / sizeof(base[0]); i++)
				if (pl_map_check_key(methods[k], icase, base[i], strlen(base[i]), NULL) == 0)
					FUZZ_ASSERT(pl_map_append(&m, base[i], strlen(base[i]), "b", 1) == 0);
			if (rc == 0)
				FUZZ_ASSERT(pl_map_append(&m, s, size, "f", 1) == 0);
			FUZZ_ASSERT(pl_map_prepare(&m) == 0);
			if (pl_map_query_init(&m, &q, s, size, (int64_t)size - 8)) {
				got = pl_map_lookup(&m, &q, scratch);
				n = pl_map_lookup_all(&m, &q, scratch, &all);
				FUZZ_ASSERT(got == (n > 0 ? all[0] : SIZE_MAX));
				if (all)
					pl_map_xalloc(&m, all, (size_t)n * sizeof(*all), 0);
			}
			pl_map_free(&m);
		}
		pl_map_reg_scratch_destroy(scratch);
		FUZZ_ASSERT(heap.used == 0);
	}
	return 0;
}
