/* Unit tests for lib/map_word.c: dir and dom (delimiters, delimiter-only
 * keys, keys holding delimiters), against the reference matcher. */
#include "map_check.h"

static size_t gdir(char *o) { return rand_word(o, "ab/?", 0, 5); }
static size_t gdom(char *o) { return rand_word(o, "ab.:/?", 0, 5); }
static size_t gq(char *o) { return rand_word(o, "ab/?.:", 0, 10); }

static size_t find(pl_map *m, const char *q)
{
	pl_map_query pq;
	pl_map_query_init(m, &pq, q, strlen(q), 0);
	return pl_map_lookup(m, &pq, NULL);
}

static void test_examples(void)
{
	struct budget bud = {0, 0};
	const char *text = "/a/ A\na?b B\n// D\n";
	char *copy = counting_alloc(&bud, NULL, 0, strlen(text) + 1);
	size_t line;
	pl_map m;

	memcpy(copy, text, strlen(text) + 1);
	pl_map_init(&m, PL_MATCH_DIR, 0, counting_alloc, &bud);
	CHECK(pl_map_load_text(&m, copy, strlen(text), &line, NULL) == 0);
	CHECK(find(&m, "x?a?y") == 0);
	CHECK(find(&m, "xa/") == 2);          /* ends with a delimiter: "//" */
	CHECK(find(&m, "xa") == SIZE_MAX);
	CHECK(find(&m, "x/a?b/y") == 0);      /* "a" sits between delimiters too */
	CHECK(find(&m, "a?b") == 0);
	CHECK(find(&m, "xa?b") == SIZE_MAX);
	CHECK(find(&m, "") == 2);
	CHECK(find(&m, "q/") == 2);
	CHECK(find(&m, "q") == SIZE_MAX);
	pl_map_free(&m);
	CHECK(bud.used == 0);
	CHECK(pl_map_word_match("www.example.com:80", 18, ":example.com:", 13, 0, "/?.:"));
	CHECK(!pl_map_word_match("example:com", 11, "example.com", 11, 0, "/?.:"));
}

int main(void)
{
	int icase;

	test_examples();
	for (icase = 0; icase <= 1; icase++) {
		cross_check(PL_MATCH_DIR, icase, gdir, gq, 15, 60, 300);
		cross_check(PL_MATCH_DOM, icase, gdom, gq, 15, 60, 300);
	}
	return report();
}
