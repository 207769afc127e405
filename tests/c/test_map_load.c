/* Unit tests for lib/map_load.c and lib/map_cache.c: HAProxy's line rules,
 * 16,383-byte pieces, file errors, and the shared copy (several threads
 * loading one file get one copy; a changed file is a new one). */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include "map_check.h"

struct seen { char k[64][32], v[64][32]; size_t line[64], n; };

static int collect(void *ctx, const char *k, size_t kl, const char *v, size_t vl, size_t line)
{
	struct seen *s = ctx;
	if (s->n < 64) {
		snprintf(s->k[s->n], 32, "%.*s", (int)kl, k);
		snprintf(s->v[s->n], 32, "%.*s", (int)vl, v);
		s->line[s->n++] = line;
	}
	return 0;
}

static void test_lines(void)
{
	static const char text[] = "# c\n  #lead v\nk1 v1\r\nk2   a  b \t \n\n  \rfoo bar\n"
	                           "k9\rv9\nk # n\nk15 a\0b\n\0k17 v\nlast v-last";
	struct seen s;

	memset(&s, 0, sizeof(s));
	CHECK(pl_map_parse(text, sizeof(text) - 1, collect, &s) == 0);
	CHECK(s.n == 7);
	CHECK(!strcmp(s.k[0], "#lead") && !strcmp(s.v[0], "v") && s.line[0] == 2);
	CHECK(!strcmp(s.k[1], "k1") && !strcmp(s.v[1], "v1"));
	CHECK(!strcmp(s.k[2], "k2") && !strcmp(s.v[2], "a  b"));
	CHECK(!strcmp(s.k[3], "k9") && !strcmp(s.v[3], ""));
	CHECK(!strcmp(s.k[4], "k") && !strcmp(s.v[4], "# n"));
	CHECK(!strcmp(s.k[5], "k15") && !strcmp(s.v[5], "a"));
	CHECK(!strcmp(s.k[6], "last") && !strcmp(s.v[6], "v-last") && s.line[6] == 11);
}

static void test_pieces(void)
{
	size_t n = 16390 + 9;
	char *t = malloc(n);
	struct seen s;

	memset(t, 'c', 16390);
	memcpy(t + 16390, " tailval\n", 9);
	memset(&s, 0, sizeof(s));
	pl_map_parse(t, n, collect, &s);
	CHECK(s.n == 2 && s.line[1] == 2 && !strcmp(s.k[1], "ccccccc") && !strcmp(s.v[1], "tailval"));
	free(t);
}

static char path[64];

static void write_file(const char *text)
{
	FILE *f = fopen(path, "wb");
	fputs(text, f);
	fclose(f);
}

static void *loader(void *arg)
{
	pl_map_shared *sh = NULL;
	const pl_map *m;
	size_t line;
	(void)arg;
	if (pl_map_cache_get(path, PL_MATCH_STR, 0, &sh, &m, &line, NULL) != 0)
		return NULL;
	return sh;
}

static void test_files(void)
{
	pl_map_shared *sh[8], *other;
	const pl_map *m;
	pthread_t th[8];
	size_t line, i;
	char *data;
	size_t len;
	pl_map_fileid id;
	pl_buf err;

	CHECK(pl_map_read_file("/nonexistent/x", pl_map_malloc, NULL, &data, &len, &id) == ENOENT);
	CHECK(pl_map_read_file("/tmp", pl_map_malloc, NULL, &data, &len, &id) == -EISDIR);
	snprintf(path, sizeof(path), "/tmp/test_map_load.%ld", (long)getpid());
	write_file("a 1\nb 2\n");
	for (i = 0; i < 8; i++)
		pthread_create(&th[i], NULL, loader, NULL);
	for (i = 0; i < 8; i++)
		pthread_join(th[i], (void **)&sh[i]);
	for (i = 1; i < 8 && sh[i] == sh[0]; i++)
		;
	CHECK(sh[0] != NULL && i == 8);
	CHECK(pl_map_cache_count() == 1 && pl_map_cache_refs(sh[0]) == 8);
	/* another method is another copy */
	CHECK(pl_map_cache_get(path, PL_MATCH_BEG, 0, &other, &m, &line, NULL) == 0);
	CHECK(other != sh[0] && pl_map_cache_count() == 2);
	pl_map_cache_put(other);
	/* a changed file is a new copy */
	write_file("a 1\nb 2\nc 3 longer\n");
	CHECK(pl_map_cache_get(path, PL_MATCH_STR, 0, &other, &m, &line, NULL) == 0);
	CHECK(other != sh[0] && m->nlive == 3);
	pl_map_cache_put(other);
	for (i = 0; i < 8; i++)
		pl_map_cache_put(sh[i]);
	CHECK(pl_map_cache_count() == 0);
	/* parse errors name the line */
	write_file("1 a\nx b\n");
	pl_buf_init(&err, pl_map_malloc, NULL);
	CHECK(pl_map_cache_get(path, PL_MATCH_INT, 0, &other, &m, &line, &err) == PL_MAP_EPARSE);
	CHECK(line == 2 && err.len == 19 && !memcmp(err.data, "'x' is not a number", 19));
	CHECK(pl_map_cache_count() == 0);
	pl_buf_free(&err);
	unlink(path);
}

int main(void)
{
	test_lines();
	test_pieces();
	test_files();
	return report();
}
