/* Unit tests for lib/map_trie.c: beg (longest prefix), end (earliest suffix),
 * sub (Aho-Corasick, earliest occurring key), with and without -i. */
#include "map_check.h"

static size_t gkey(char *o) { return rand_word(o, "abcAB", 0, 4); }
/* keys that may hold a NUL byte (from tables or set): beg must then cut
 * queries at their first NUL itself */
static size_t gkeyz(char *o)
{
	size_t n = rand_word(o, "abcAB", 0, 4);
	if (n && rnd(4) == 0)
		o[rnd((unsigned)n)] = '\0';
	return n;
}
static size_t glong(char *o) { return rand_word(o, "ab", 1, 12); }
static size_t gq(char *o)
{
	size_t n = rand_word(o, "abcAB", 0, 10);
	if (n && rnd(6) == 0)
		o[rnd((unsigned)n)] = '\0';
	return n;
}
static size_t gql(char *o) { return rand_word(o, "ab", 0, 40); }

static size_t find(pl_map *m, const char *q)
{
	pl_map_query pq;
	pl_map_query_init(m, &pq, q, strlen(q), 0);
	return pl_map_lookup(m, &pq, NULL);
}

static void load(pl_map *m, int method, struct budget *b, const char *text)
{
	char *copy = counting_alloc(b, NULL, 0, strlen(text) + 1);
	size_t line;
	memcpy(copy, text, strlen(text) + 1);
	pl_map_init(m, method, 0, counting_alloc, b);
	CHECK(pl_map_load_text(m, copy, strlen(text), &line, NULL) == 0);
}

static void test_examples(void)
{
	struct budget bud = {0, 0};
	pl_map m;

	load(&m, PL_MATCH_BEG, &bud, "/api v1\n/api/v1 v2\n/ root\n");
	CHECK(find(&m, "/api/v1/users") == 1);
	CHECK(find(&m, "/api/v2") == 0);
	CHECK(find(&m, "/x") == 2);
	CHECK(find(&m, "x") == SIZE_MAX);
	pl_map_free(&m);
	load(&m, PL_MATCH_END, &bud, "m 1\n.com 2\nexample.com 3\n");
	CHECK(find(&m, "www.example.com") == 0);
	CHECK(find(&m, "x.org") == SIZE_MAX);
	pl_map_free(&m);
	load(&m, PL_MATCH_SUB, &bud, "b 1\nab 2\nzzz 3\n");
	CHECK(find(&m, "xabx") == 0);
	CHECK(find(&m, "zzzz") == 2);
	CHECK(find(&m, "") == SIZE_MAX);
	pl_map_free(&m);
	CHECK(bud.used == 0);
}

int main(void)
{
	int icase;

	test_examples();
	for (icase = 0; icase <= 1; icase++) {
		cross_check(PL_MATCH_BEG, icase, gkey, gq, 15, 80, 300);
		cross_check(PL_MATCH_BEG, icase, gkeyz, gq, 15, 80, 300);
		cross_check(PL_MATCH_END, icase, gkey, gq, 15, 80, 300);
		cross_check(PL_MATCH_SUB, icase, gkey, gq, 15, 80, 300);
		cross_check(PL_MATCH_SUB, icase, glong, gql, 10, 200, 300);
	}
	return report();
}
