/*
 * Regression for "map loading is quadratic in repeated keys": a file that
 * repeats one key 2 million times must load, answer, update and delete in
 * linear time for every method, and the first entry still wins. Work is
 * counted where the cost used to be (the key-text hash table: slots visited
 * per update); for every method an alarm bounds the whole run generously
 * (the quadratic table needed hours here, a linear run takes seconds).
 */
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "map_check.h"

#define COPIES 2000000u

struct meth {
	int method;
	const char *key, *query;
	int64_t iq;
};

static const struct meth meths[] = {
	{PL_MATCH_STR, "samekey", "samekey", 0},
	{PL_MATCH_BEG, "/api", "/api/x", 0},
	{PL_MATCH_END, ".com", "x.com", 0},
	{PL_MATCH_SUB, "abc", "xabcx", 0},
	{PL_MATCH_DIR, "api", "/api/x", 0},
	{PL_MATCH_DOM, "example.com", "www.example.com", 0},
	{PL_MATCH_REG, "^/a.c", "/abc", 0},
	{PL_MATCH_INT, "42", "42", 42},
	{PL_MATCH_IP, "10.0.0.0/8", "10.1.2.3", 0},
};

/* "key v0\nkey v1\n..." with n lines */
static char *copies(const char *key, size_t n, size_t *len)
{
	size_t kl = strlen(key), cap = n * (kl + 12) + 1, off = 0, i;
	char *t = malloc(cap);

	for (i = 0; t != NULL && i < n; i++)
		off += (size_t)snprintf(t + off, cap - off, "%s v%zu\n", key, i);
	*len = off;
	return t;
}

static size_t lookup(const pl_map *m, const struct meth *t, void *scratch)
{
	pl_map_query q;

	if (!pl_map_query_init(m, &q, t->query, strlen(t->query), t->iq))
		return SIZE_MAX - 1;
	return pl_map_lookup(m, &q, scratch);
}

static size_t text_probes(const pl_map *m)
{
	const pl_map_ht *h = m->method == PL_MATCH_STR && !m->icase ? m->idx : m->text;
	return h ? h->probes : 0;
}

static void test_method(const struct meth *t, int icase)
{
	struct budget bud = {0, 0};
	void *scratch = pl_map_reg_scratch_create(counting_alloc, &bud);
	size_t len, line = 0, kl = strlen(t->key), n = COPIES;
	char *text = copies(t->key, n, &len), *arena;
	pl_map m;
	int added = 0;

	CHECK(text != NULL);
	arena = counting_alloc(&bud, NULL, 0, len + 1);
	memcpy(arena, text, len);
	arena[len] = '\0';
	free(text);
	pl_map_init(&m, t->method, icase, counting_alloc, &bud);
	CHECK(pl_map_load_text(&m, arena, len, &line, NULL) == 0);
	CHECK(m.nlive == n);
	/* the first line wins, also after more copies are appended */
	CHECK(lookup(&m, t, scratch) == 0);
	CHECK(pl_map_append(&m, t->key, kl, "late", 4) == 0);
	CHECK(pl_map_prepare(&m) == 0);
	CHECK(lookup(&m, t, scratch) == 0);
	/* set updates every copy (no append); the key-text table stays linear */
	CHECK(pl_map_set(&m, t->key, kl, "new", 3, &added) == 0 && !added);
	CHECK(pl_map_vlen(&m.e[0]) == 3 && pl_map_vlen(&m.e[n]) == 3);
	CHECK(text_probes(&m) <= 4 * (n + 1));
	if (t->method == PL_MATCH_STR)
		CHECK(((const pl_map_ht *)m.idx)->probes <= 4 * (n + 1));
	CHECK(pl_map_del(&m, t->key, kl) == n + 1);
	CHECK(text_probes(&m) <= 8 * (n + 1));
	CHECK(pl_map_prepare(&m) == 0);
	CHECK(lookup(&m, t, scratch) == SIZE_MAX);
	CHECK(m.nlive == 0);
	pl_map_free(&m);
	pl_map_reg_scratch_destroy(scratch);
	CHECK(bud.used == 0);
}

/* Two keys interleaved, equal under -i: one list each without -i, one with. */
static void test_interleaved(void)
{
	struct budget bud = {0, 0};
	pl_map m;
	size_t i, n = COPIES / 4;
	pl_map_query q;
	int icase, added;

	for (icase = 0; icase <= 1; icase++) {
		pl_map_init(&m, PL_MATCH_STR, icase, counting_alloc, &bud);
		for (i = 0; i < 2 * n; i++)
			if (pl_map_append(&m, i % 2 ? "KEY" : "key", 3, "v", 1) != 0)
				break;
		CHECK(i == 2 * n);
		CHECK(pl_map_prepare(&m) == 0);
		pl_map_query_init(&m, &q, "KEY", 3, 0);
		CHECK(pl_map_lookup(&m, &q, NULL) == (icase ? 0u : 1u));
		/* removing the even copies leaves the odd ones, earliest first */
		CHECK(pl_map_del(&m, "key", 3) == n);
		CHECK(pl_map_lookup(&m, &q, NULL) == 1);
		CHECK(pl_map_set(&m, "key", 3, "again", 5, &added) == 0 && added);
		pl_map_query_init(&m, &q, "key", 3, 0);
		CHECK(pl_map_lookup(&m, &q, NULL) == (icase ? 1u : 2 * n));
		CHECK(((const pl_map_ht *)m.idx)->probes <= 8 * 2 * n);
		pl_map_free(&m);
		CHECK(bud.used == 0);
	}
}

int main(void)
{
	size_t i;

	/* default action: the test dies, make ctest fails */
	alarm(600);
	for (i = 0; i < sizeof(meths) / sizeof(meths[0]); i++) {
		clock_t c = clock();
		test_method(&meths[i], 0);
		if (getenv("DUPS_TIMES"))
			fprintf(stderr, "%d: %.2f\n", meths[i].method, (double)(clock() - c) / CLOCKS_PER_SEC);
		if (meths[i].method == PL_MATCH_STR || meths[i].method == PL_MATCH_REG)
			test_method(&meths[i], 1);
	}
	test_interleaved();
	return report();
}
