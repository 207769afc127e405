/* Unit tests for lib/buf.c: growth, 8-bit cleanliness, allocation failure. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proxylua/buf.h"

static int passed, failed;

#define CHECK(cond) do { \
		if (cond) passed++; \
		else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

struct budget { size_t used, limit; unsigned reallocs; };

static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct budget *b = ud;
	void *p;
	if (nsize == 0) {
		free(ptr);
		b->used -= osize;
		return NULL;
	}
	if (b->limit && b->used - osize + nsize > b->limit)
		return NULL;
	p = realloc(ptr, nsize);
	if (p) {
		b->used = b->used - osize + nsize;
		b->reallocs++;
	}
	return p;
}

static void test_growth(void)
{
	struct budget bud = {0, 0, 0};
	pl_buf b;
	size_t i;
	int errors = 0;

	pl_buf_init(&b, counting_alloc, &bud);
	CHECK(b.data == NULL && b.len == 0);
	for (i = 0; i < 100000; i++)
		errors += pl_buf_add(&b, "0123456789", 10) != 0;
	CHECK(errors == 0);
	CHECK(b.len == 1000000);
	CHECK(memcmp(b.data + 999990, "0123456789", 10) == 0);
	/* Geometric: a few dozen reallocations for a million bytes, not 100000. */
	CHECK(bud.reallocs < 40);
	/* Spare capacity stays under half the contents past 1 MiB. */
	CHECK(b.cap >= b.len && b.cap <= b.len * 2);
	CHECK(bud.used == b.cap);
	pl_buf_free(&b);
	CHECK(bud.used == 0 && b.data == NULL && b.cap == 0);
	pl_buf_free(&b);   /* idempotent */
	CHECK(b.data == NULL);
}

static void test_binary_and_empty(void)
{
	struct budget bud = {0, 0, 0};
	pl_buf b;

	pl_buf_init(&b, counting_alloc, &bud);
	CHECK(pl_buf_add(&b, "", 0) == 0);
	CHECK(b.data != NULL && b.len == 0);   /* NULL only ever means "no memory" */
	CHECK(pl_buf_add(&b, "a\0b", 3) == 0);
	CHECK(b.len == 3 && memcmp(b.data, "a\0b", 3) == 0);
	CHECK(pl_buf_prepare(&b, 0) != NULL);
	pl_buf_free(&b);
}

static void test_failure_keeps_contents(void)
{
	struct budget bud = {0, 4096, 0};
	pl_buf b;
	char big[8192];

	memset(big, 'x', sizeof(big));
	pl_buf_init(&b, counting_alloc, &bud);
	CHECK(pl_buf_add(&b, "keep", 4) == 0);
	CHECK(pl_buf_add(&b, big, sizeof(big)) == -1);
	CHECK(b.len == 4 && memcmp(b.data, "keep", 4) == 0);
	CHECK(pl_buf_grow(&b, (size_t)-1) == -1);   /* overflow is refused, not wrapped */
	CHECK(pl_buf_add(&b, "more", 4) == 0);
	CHECK(b.len == 8 && memcmp(b.data, "keepmore", 8) == 0);
	pl_buf_free(&b);
	CHECK(bud.used == 0);
}

int main(void)
{
	test_growth();
	test_binary_and_empty();
	test_failure_keeps_contents();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
