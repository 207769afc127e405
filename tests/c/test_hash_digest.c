/* lib/hash_digest.c: FIPS 180 and RFC 4231 vectors, HAProxy's name rules,
 * context reuse, and an empty OpenSSL error queue after every failure. */
#include <stdio.h>
#include <string.h>
#include <openssl/err.h>
#include "proxylua/hash.h"

static int passed, failed;

#define CHECK(cond) do { \
	if (cond) passed++; \
	else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

static char hexbuf[2 * PL_DIGEST_MAX + 1];

static const char *tohex(const unsigned char *p, int n)
{
	static const char d[] = "0123456789abcdef";
	int i;

	for (i = 0; i < n && i < PL_DIGEST_MAX; i++) {
		hexbuf[2 * i] = d[p[i] >> 4];
		hexbuf[2 * i + 1] = d[p[i] & 15];
	}
	hexbuf[2 * (n < 0 ? 0 : i)] = '\0';
	return hexbuf;
}

static const char *digest(const char *alg, const char *key, const char *msg, size_t n)
{
	unsigned char out[PL_DIGEST_MAX];
	char err[256];
	pl_hctx *c;
	int r = pl_hctx_new(&c, alg, key != NULL, err, sizeof(err));

	if (r != 0)
		return r == PL_HASH_EUNKNOWN ? "UNKNOWN" : "UNAVAIL";
	r = pl_hctx_oneshot(c, key, key ? strlen(key) : 0, msg, n, out, err, sizeof(err));
	pl_hctx_free(c);
	return r < 0 ? "FAIL" : tohex(out, r);
}

int main(void)
{
	unsigned char out[PL_DIGEST_MAX], key20[20];
	char err[256];
	pl_hctx *c;
	int r;

	CHECK(strcmp(digest("sha1", NULL, "abc", 3), "a9993e364706816aba3e25717850c26c9cd0d89d") == 0);
	CHECK(strcmp(digest("SHA256", NULL, "abc", 3),
		"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") == 0);
	CHECK(strcmp(digest("sha-256", NULL, "", 0),
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == 0);
	CHECK(strcmp(digest("SHA2-224", NULL, "abc", 3),
		"23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7") == 0);
	CHECK(strcmp(digest("MD5", NULL, "abc", 3), "900150983cd24fb0d6963f7d28e17f72") == 0);
	CHECK(strcmp(digest("sha3-256", NULL, "abc", 3),
		"3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532") == 0);
	CHECK(strcmp(digest("nope", NULL, "abc", 3), "UNKNOWN") == 0);
	CHECK(strcmp(digest("md4", NULL, "abc", 3), "UNAVAIL") == 0);
	CHECK(ERR_peek_error() == 0);

	/* RFC 4231 test case 2 and HAProxy's empty-key vector. */
	CHECK(strcmp(digest("sha256", "Jefe", "what do ya want for nothing?", 28),
		"5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843") == 0);
	CHECK(strcmp(digest("sha256", "", "abc", 3),
		"fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351") == 0);
	CHECK(strcmp(digest("nope", "k", "abc", 3), "UNKNOWN") == 0);
	CHECK(strcmp(digest("md4", "k", "abc", 3), "UNAVAIL") == 0);
	CHECK(ERR_peek_error() == 0);

	/* RFC 4231 case 1 streamed in pieces, then reset and reused. */
	memset(key20, 0x0b, sizeof(key20));
	r = pl_hctx_new(&c, "sha256", 1, err, sizeof(err));
	CHECK(r == 0 && pl_hctx_size(c) == 32);
	CHECK(pl_hctx_init(c, key20, 20, err, sizeof(err)) == 0);
	CHECK(pl_hctx_update(c, "Hi ", 3, err, sizeof(err)) == 0);
	CHECK(pl_hctx_update(c, "There", 5, err, sizeof(err)) == 0);
	r = pl_hctx_final(c, out, err, sizeof(err));
	CHECK(r == 32 && strcmp(tohex(out, r),
		"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7") == 0);
	CHECK(pl_hctx_init(c, NULL, 0, err, sizeof(err)) == 0);     /* same key */
	CHECK(pl_hctx_update(c, "Hi There", 8, err, sizeof(err)) == 0);
	r = pl_hctx_final(c, out, err, sizeof(err));
	CHECK(r == 32 && strcmp(tohex(out, r),
		"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7") == 0);
	pl_hctx_free(c);

	/* Error messages name the algorithm and the queue is drained. */
	r = pl_hctx_new(&c, "md4", 0, err, sizeof(err));
	CHECK(r == PL_HASH_EUNAVAIL && strstr(err, "'md4'") != NULL && c == NULL);
	CHECK(ERR_peek_error() == 0);
	r = pl_hctx_new(&c, "whatever", 0, err, 8);
	CHECK(r == PL_HASH_EUNKNOWN && strlen(err) == 7);

	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
