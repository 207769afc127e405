/*
 * Unit tests for lib/map_reg.c: messages, and above all the literal
 * prefilter: random regexes (groups, classes, escapes, quantifiers, inline
 * options, alternations) must give the answer of trying every regex in order.
 */
#include "map_check.h"

static const char *atoms[] = {
	"a", "b", "c", "ab", "\\.", ".", "[ab]", "[^a]", "\\d", "\\x61", "(?:a|b)", "(?i)a",
	"^", "$", "\\b", "(?=a)", "\\Qa.\\E", "(?<n>b)\\k<n>", "[[:alpha:]]", "a{2}", "b{1,2}",
	"\\w", "(?:ab)+", "x|a", "(?x) a", "(*ANY)b", "\\ca", "\\k{n}", "{", "{1", "a(?i)b", "\\}"
};
static const char *quants[] = { "", "", "", "*", "+", "?", "{0,1}", "+?", "*+", "{2,}" };

static size_t gkey(char *o)
{
	size_t n = 0, i, parts = 1 + rnd(4);
	for (i = 0; i < parts; i++) {
		const char *a = atoms[rnd(sizeof(atoms) / sizeof(*atoms))];
		const char *q = quants[rnd(sizeof(quants) / sizeof(*quants))];
		memcpy(o + n, a, strlen(a));
		n += strlen(a);
		if (strcmp(a, "^") && strcmp(a, "$") && strcmp(a, "\\b")) {
			memcpy(o + n, q, strlen(q));
			n += strlen(q);
		}
	}
	return n;
}

static size_t gq(char *o) { return rand_word(o, "abcAB.x1 \n", 0, 8); }

static void test_messages(void)
{
	pl_buf err;

	pl_buf_init(&err, pl_map_malloc, NULL);
	CHECK(pl_map_reg_check("[a-", 3, 0, &err) == PL_MAP_EPARSE);
	CHECK(err.len == strlen("regex '[a-' is invalid (error=missing terminating ] for character class, erroffset=3)") &&
	      !memcmp(err.data, "regex '[a-' is invalid (error=missing terminating ] for character class, erroffset=3)", err.len));
	err.len = 0;
	CHECK(pl_map_reg_check("(a)\\1", 5, 0, &err) == PL_MAP_EPARSE);   /* no auto capture */
	CHECK(pl_map_reg_check("(?<x>a)\\k<x>", 12, 0, NULL) == 0);
	CHECK(pl_map_reg_check("a\0b", 3, 0, NULL) == 0);
	pl_buf_free(&err);
}

int main(void)
{
	int icase;

	test_messages();
	for (icase = 0; icase <= 1; icase++) {
		cross_check(PL_MATCH_REG, icase, gkey, gq, 30, 40, 300);
		cross_check(PL_MATCH_REG, icase, gkey, gq, 3, 600, 300);
	}
	return report();
}
