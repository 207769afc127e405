/* lib/hash_zlib.c: round trips in the three formats, streaming in small
 * pieces, corrupt and truncated input, the inflate limit, and that every
 * byte zlib took through the allocator is given back with its right size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proxylua/hash.h"

static int passed, failed;

#define CHECK(cond) do { \
	if (cond) passed++; \
	else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

/* A lua_Alloc that counts live bytes; a wrong osize shows as a non-zero
 * balance at the end. */
static void *count_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	long *live = ud;

	if (ptr != NULL)
		*live -= (long)osize;
	if (nsize == 0) {
		free(ptr);
		return NULL;
	}
	ptr = realloc(ptr, nsize);
	if (ptr != NULL)
		*live += (long)nsize;
	return ptr;
}

static long live;

static int run(int inflate, int format, const void *p, size_t n, size_t piece,
               size_t limit, pl_buf *out, const char **msg)
{
	pl_zstream *z;
	const unsigned char *s = p;
	int r = pl_z_new(&z, inflate, format, 6, limit, count_alloc, &live);

	*msg = "";
	if (r != 0)
		return r;
	while (r == 0 && n > piece) {
		r = pl_z_feed(z, s, piece, 0, out);
		s += piece;
		n -= piece;
	}
	if (r == 0)
		r = pl_z_feed(z, s, n, 1, out);
	if (r != 0) {
		static char keep[160];
		snprintf(keep, sizeof(keep), "%s", pl_z_error(z));
		*msg = keep;
	}
	pl_z_free(z);
	return r;
}

int main(void)
{
	static unsigned char data[200000];
	pl_buf c, d;
	const char *msg;
	size_t i, piece;
	int fmt, r;

	for (i = 0; i < sizeof(data); i++)     /* compressible, not trivial */
		data[i] = (unsigned char)("abcdefgh"[i % 8] ^ (i / 1000 % 7));
	for (fmt = PL_Z_GZIP; fmt <= PL_Z_RAW; fmt++) {
		for (piece = 7; piece < 300000; piece *= 97) {
			pl_buf_init(&c, count_alloc, &live);
			pl_buf_init(&d, count_alloc, &live);
			r = run(0, fmt, data, sizeof(data), piece, 0, &c, &msg);
			CHECK(r == 0 && c.len > 0 && c.len < sizeof(data) / 4);
			r = run(1, fmt, c.data, c.len, piece, 0, &d, &msg);
			CHECK(r == 0 && d.len == sizeof(data) && memcmp(d.data, data, d.len) == 0);
			if (fmt == PL_Z_GZIP) {
				pl_buf_free(&d);
				r = run(1, PL_Z_AUTO, c.data, c.len, piece, 0, &d, &msg);
				CHECK(r == 0 && d.len == sizeof(data));
				/* the limit: exactly the size passes, one less fails */
				pl_buf_free(&d);
				r = run(1, fmt, c.data, c.len, piece, sizeof(data), &d, &msg);
				CHECK(r == 0 && d.len == sizeof(data));
				pl_buf_free(&d);
				r = run(1, fmt, c.data, c.len, piece, sizeof(data) - 1, &d, &msg);
				CHECK(r == PL_HASH_ELIMIT && strstr(msg, "limit") != NULL);
				CHECK(d.len <= sizeof(data));
				/* truncated */
				pl_buf_free(&d);
				r = run(1, fmt, c.data, c.len - 3, piece, 0, &d, &msg);
				CHECK(r == PL_HASH_EDATA && strstr(msg, "truncated") != NULL);
				/* corrupt header */
				pl_buf_free(&d);
				c.data[0] ^= 0xFF;
				r = run(1, fmt, c.data, c.len, piece, 0, &d, &msg);
				CHECK(r == PL_HASH_EDATA && strstr(msg, "corrupt") != NULL);
				c.data[0] ^= 0xFF;
			}
			pl_buf_free(&c);
			pl_buf_free(&d);
		}
	}
	/* Two gzip members decode as their concatenation; a zlib stream with
	 * trailing bytes does not decode. */
	pl_buf_init(&c, count_alloc, &live);
	pl_buf_init(&d, count_alloc, &live);
	CHECK(run(0, PL_Z_GZIP, "hello ", 6, 100, 0, &c, &msg) == 0);
	CHECK(run(0, PL_Z_GZIP, "world", 5, 100, 0, &c, &msg) == 0);
	CHECK(run(1, PL_Z_GZIP, c.data, c.len, 5, 0, &d, &msg) == 0);
	CHECK(d.len == 11 && memcmp(d.data, "hello world", 11) == 0);
	pl_buf_free(&c);
	pl_buf_free(&d);
	CHECK(run(0, PL_Z_ZLIB, "hello", 5, 100, 0, &c, &msg) == 0);
	CHECK(pl_buf_add(&c, "xx", 2) == 0);
	CHECK(run(1, PL_Z_ZLIB, c.data, c.len, 100, 0, &d, &msg) == PL_HASH_EDATA);
	CHECK(strstr(msg, "trailing") != NULL);
	pl_buf_free(&c);
	pl_buf_free(&d);
	/* Empty input is a truncated stream; empty data compresses. */
	CHECK(run(1, PL_Z_GZIP, "", 0, 100, 0, &d, &msg) == PL_HASH_EDATA);
	CHECK(run(0, PL_Z_GZIP, "", 0, 100, 0, &c, &msg) == 0 && c.len == 20);
	pl_buf_free(&c);
	pl_buf_free(&d);
	/* A 10 MB run of zeros compresses to ~10 KB; a 1 MB limit stops it
	 * without building more than the limit. */
	{
		unsigned char *zeros = calloc(1, 10000000);
		CHECK(zeros != NULL);
		CHECK(run(0, PL_Z_GZIP, zeros, 10000000, 10000000, 0, &c, &msg) == 0);
		free(zeros);
		CHECK(c.len < 20000);
		r = run(1, PL_Z_GZIP, c.data, c.len, c.len, 1000000, &d, &msg);
		CHECK(r == PL_HASH_ELIMIT && d.len <= 1000001);
		pl_buf_free(&c);
		pl_buf_free(&d);
	}
	CHECK(live == 0);

	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
