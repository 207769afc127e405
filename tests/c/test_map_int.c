/* Unit tests for lib/map_int.c: key syntax, messages, interval winners. */
#include "map_check.h"

static size_t gkey(char *o)
{
	int a = (int)rnd(200) - 100, b = a + (int)rnd(40);
	switch (rnd(6)) {
	case 0: return (size_t)sprintf(o, "%d", a < 0 ? -a : a);
	case 1: return (size_t)sprintf(o, "%d:%d", a < 0 ? 0 : a, b < 0 ? 0 : b);
	case 2: return (size_t)sprintf(o, "%d-", a < 0 ? -a : a);
	case 3: return (size_t)sprintf(o, "-%d", a < 0 ? -a : a);
	case 4: return (size_t)sprintf(o, ":%d", a);
	default: return (size_t)sprintf(o, "%d-%d", a < 0 ? -a : a, (a < 0 ? -a : a) + 3);
	}
}
static size_t gq(char *o) { (void)o; return 0; }

static int parse(const char *k, int64_t *lo, int64_t *hi)
{
	pl_map_range r;
	if (pl_map_int_parse(k, strlen(k), &r, NULL) != 0)
		return 0;
	*lo = r.lo;
	*hi = r.hi;
	return 1;
}

static void test_syntax(void)
{
	int64_t lo, hi;
	pl_buf err;

	CHECK(parse("007", &lo, &hi) && lo == 7 && hi == 7);
	CHECK(parse("-5", &lo, &hi) && lo == INT64_MIN && hi == 5);
	CHECK(parse(":-5", &lo, &hi) && hi == -5);
	CHECK(parse("--5", &lo, &hi) && hi == -5);
	CHECK(parse("--", &lo, &hi) && hi == 0);
	CHECK(parse("5:", &lo, &hi) && lo == 5 && hi == INT64_MAX);
	CHECK(parse("1-10", &lo, &hi) && lo == 1 && hi == 10);
	CHECK(parse("9223372036854775807", &lo, &hi) && lo == INT64_MAX);
	CHECK(parse(":-9223372036854775808", &lo, &hi) && hi == INT64_MIN);
	CHECK(!parse("9223372036854775808", &lo, &hi));
	CHECK(!parse("+5", &lo, &hi));
	CHECK(!parse("5:1", &lo, &hi));
	CHECK(!parse("-", &lo, &hi));
	CHECK(!parse(":", &lo, &hi));
	CHECK(!parse("1:2:3", &lo, &hi));
	CHECK(!parse("-389:-120", &lo, &hi));
	pl_buf_init(&err, pl_map_malloc, NULL);
	pl_map_int_parse("abc", 3, &(pl_map_range){0, 0}, &err);
	CHECK(err.len == 21 && memcmp(err.data, "'abc' is not a number", 21) == 0);
	err.len = 0;
	pl_map_int_parse("1:x", 3, &(pl_map_range){0, 0}, &err);
	CHECK(err.len == 33 && memcmp(err.data, "'1:x' is not a valid number range", 33) == 0);
	pl_buf_free(&err);
}

int main(void)
{
	test_syntax();
	cross_check(PL_MATCH_INT, 0, gkey, gq, 30, 50, 400);
	cross_check(PL_MATCH_INT, 0, gkey, gq, 5, 2000, 400);
	return report();
}
