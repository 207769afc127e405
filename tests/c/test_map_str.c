/* Unit tests for lib/map_str.c: exact match, duplicates, -i, NUL, updates. */
#include "map_check.h"

static size_t gkey(char *o) { return rand_word(o, "abAB", 0, 3); }
static size_t gq(char *o)
{
	size_t n = rand_word(o, "abAB", 0, 4);
	if (rnd(8) == 0)
		o[n++] = '\0';
	return n;
}

static size_t find(pl_map *m, const char *q, size_t ql)
{
	pl_map_query pq;
	pl_map_query_init(m, &pq, q, ql, 0);
	return pl_map_lookup(m, &pq, NULL);
}

static void test_basics(void)
{
	struct budget bud = {0, 0};
	pl_map m;
	int added;

	pl_map_init(&m, PL_MATCH_STR, 0, counting_alloc, &bud);
	pl_map_append(&m, "k", 1, "1", 1);
	pl_map_append(&m, "k", 1, "2", 1);
	pl_map_append(&m, "K", 1, "3", 1);
	CHECK(pl_map_prepare(&m) == 0);
	CHECK(find(&m, "k", 1) == 0);
	CHECK(find(&m, "K", 1) == 2);
	CHECK(find(&m, "k\0x", 3) == 0);
	CHECK(find(&m, "", 0) == SIZE_MAX);
	CHECK(pl_map_set(&m, "k", 1, "9", 1, &added) == 0 && !added);
	CHECK(m.e[0].val[0] == '9' && m.e[1].val[0] == '9');
	CHECK(pl_map_del(&m, "k", 1) == 2);
	CHECK(find(&m, "k", 1) == SIZE_MAX);
	CHECK(pl_map_set(&m, "", 0, "e", 1, &added) == 0 && added);
	CHECK(find(&m, "", 0) == 3);
	pl_map_free(&m);
	CHECK(bud.used == 0);

	pl_map_init(&m, PL_MATCH_STR, 1, counting_alloc, &bud);
	pl_map_append(&m, "aB", 2, "1", 1);
	pl_map_append(&m, "Ab", 2, "2", 1);
	CHECK(pl_map_prepare(&m) == 0);
	CHECK(find(&m, "AB", 2) == 0);
	pl_map_del(&m, "aB", 2);            /* removed in place: the next one wins */
	CHECK(!pl_map_needs_prepare(&m));
	CHECK(find(&m, "ab", 2) == 1);
	pl_map_free(&m);
	CHECK(bud.used == 0);
}

static void test_oom(void)
{
	size_t limit, bad = 0;

	/* every allocation failure is reported, never a crash or a leak: one
	 * scenario, one check */
	for (limit = 64; limit < 40000; limit += 997) {
		struct budget bud = {0, limit};
		pl_map m;
		size_t i;
		int rc = 0;

		pl_map_init(&m, PL_MATCH_STR, 0, counting_alloc, &bud);
		for (i = 0; i < 300 && rc == 0; i++) {
			char k[16];
			int kl = snprintf(k, sizeof(k), "key%zu", i);
			rc = pl_map_append(&m, k, (size_t)kl, "v", 1);
		}
		if (rc == 0)
			rc = pl_map_prepare(&m);
		bad += !(rc == 0 || rc == PL_MAP_ENOMEM);
		pl_map_free(&m);
		bad += bud.used != 0;
	}
	CHECK(bad == 0);
}

/* set/del of a sliding window: deleted entries were never dropped (the
 * index updates in place, so no rebuild compacted them) */
static void test_churn_bounded(void)
{
	struct budget bud = {0, 0};
	pl_map m;
	int icase, added;
	size_t i;

	for (icase = 0; icase <= 1; icase++) {
		size_t most = 0;
		pl_map_init(&m, PL_MATCH_STR, icase, counting_alloc, &bud);
		for (i = 0; i < 200000; i++) {
			char k[32];
			int kl = snprintf(k, sizeof(k), "k%zu", i % 1000);
			pl_map_set(&m, k, (size_t)kl, "v", 1, &added);
			kl = snprintf(k, sizeof(k), "k%zu", (i + 1000 - 64) % 1000);
			pl_map_del(&m, k, (size_t)kl);
			if (m.n > most)
				most = m.n;
		}
		CHECK(m.nlive == 64);
		CHECK(most <= 2 * 1024 + 64 + 2);
		CHECK(pl_map_prepare(&m) == 0 && find(&m, "k999", 4) != SIZE_MAX && find(&m, "k935", 4) == SIZE_MAX);
		pl_map_free(&m);
		CHECK(bud.used == 0);
	}
}

int main(void)
{
	test_basics();
	test_churn_bounded();
	test_oom();
	cross_check(PL_MATCH_STR, 0, gkey, gq, 20, 60, 300);
	cross_check(PL_MATCH_STR, 1, gkey, gq, 20, 60, 300);
	return report();
}
