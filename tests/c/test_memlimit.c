/* Unit tests for lib/memlimit.c: counting, the limit, peaks, and lua_Alloc's
 * contract (osize is a type tag for a new block, shrinking never fails). */
#include <stdio.h>
#include <string.h>
#include "proxylua/memlimit.h"

static int passed, failed;

#define CHECK(cond) do { \
		if (cond) passed++; \
		else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

/* lua_Alloc passes the new object's type as osize when ptr is NULL. */
#define TAG_STRING 4

static void test_counting(void)
{
	pl_memlimit m = {0, 0, 0};
	char *a, *b;

	a = pl_memlimit_alloc(&m, NULL, TAG_STRING, 100);
	CHECK(a != NULL && m.used == 100 && m.peak == 100);
	b = pl_memlimit_alloc(&m, NULL, 0, 50);
	CHECK(b != NULL && m.used == 150 && m.peak == 150);
	memcpy(a, "a\0\377z", 4);
	a = pl_memlimit_alloc(&m, a, 100, 1000);        /* grow keeps the bytes */
	CHECK(a != NULL && memcmp(a, "a\0\377z", 4) == 0);
	CHECK(m.used == 1050 && m.peak == 1050);
	a = pl_memlimit_alloc(&m, a, 1000, 10);         /* shrink */
	CHECK(a != NULL && m.used == 60 && m.peak == 1050);
	CHECK(pl_memlimit_alloc(&m, a, 10, 0) == NULL);
	CHECK(pl_memlimit_alloc(&m, b, 50, 0) == NULL);
	CHECK(m.used == 0 && m.peak == 1050);
	CHECK(pl_memlimit_alloc(&m, NULL, TAG_STRING, 0) == NULL);  /* free(NULL) */
	CHECK(m.used == 0);
}

static void test_limit(void)
{
	pl_memlimit m = {0, 1000, 0};
	char *a, *b;

	a = pl_memlimit_alloc(&m, NULL, 0, 600);
	CHECK(a != NULL && m.used == 600);
	CHECK(pl_memlimit_alloc(&m, NULL, 0, 401) == NULL);   /* past the limit */
	CHECK(m.used == 600);
	b = pl_memlimit_alloc(&m, NULL, 0, 400);               /* exactly at it */
	CHECK(b != NULL && m.used == 1000);
	memcpy(a, "keep", 4);
	CHECK(pl_memlimit_alloc(&m, a, 600, 700) == NULL);     /* a failed grow... */
	CHECK(m.used == 1000 && memcmp(a, "keep", 4) == 0);    /* ...changes nothing */
	m.limit = 500;                                         /* lowered below use */
	a = pl_memlimit_alloc(&m, a, 600, 100);                /* shrinking still works */
	CHECK(a != NULL && m.used == 500 && memcmp(a, "keep", 4) == 0);
	CHECK(pl_memlimit_alloc(&m, a, 100, 101) == NULL);     /* growing does not */
	m.limit = 0;                                           /* 0: no limit */
	a = pl_memlimit_alloc(&m, a, 100, 1 << 20);
	CHECK(a != NULL && m.used == 400 + (1 << 20));
	pl_memlimit_alloc(&m, a, 1 << 20, 0);
	pl_memlimit_alloc(&m, b, 400, 0);
	CHECK(m.used == 0 && m.peak == 400 + (1 << 20));
}

int main(void)
{
	test_counting();
	test_limit();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
