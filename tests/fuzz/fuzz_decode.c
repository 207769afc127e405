/*
 * The text decoders and escapers on arbitrary bytes: base64 and ub64
 * (decode, and encode-then-decode gives the bytes back), hex (hex2i; hex
 * encoding has twice the length), url_dec (never longer than its input;
 * url_enc then url_dec is the identity: NUL is encoded too), json in every
 * mode (within its documented bound).
 */
#include "proxylua/hash.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	size_t n = size, big = pl_json_len(n) + 3 * n + pl_b64_enc_len(n, 0) + 64, i;
	unsigned char *d = malloc(big), *d2 = malloc(big);
	char *e = malloc(big);
	long r;
	int64_t v;
	int url, mode;

	FUZZ_ASSERT(d && d2 && e);
	/* decoders on the raw bytes */
	r = pl_b64_decode(d, s, n);
	FUZZ_ASSERT(r == PL_HASH_EINVAL || (r >= 0 && (size_t)r <= pl_b64_dec_len(n)));
	r = pl_ub64_decode(d, s, n);
	FUZZ_ASSERT(r == PL_HASH_EINVAL || (r >= 0 && (size_t)r <= pl_b64_dec_len(n + 3)));
	(void)pl_hex2i(s, n, &v);
	for (url = 0; url <= 1; url++) {
		r = pl_url_decode((char *)d, s, n, url);
		FUZZ_ASSERT(r == PL_HASH_EINVAL || (r >= 0 && (size_t)r <= n));
	}
	for (mode = 0; mode < 5; mode++) {
		r = pl_json_escape(e, s, n, mode);
		FUZZ_ASSERT(r == PL_HASH_EINVAL || (r >= 0 && (size_t)r <= pl_json_len(n)));
	}
	/* round trips */
	for (url = 0; url <= 1; url++) {
		size_t el = pl_b64_encode(e, data, n, url);
		FUZZ_ASSERT(el <= pl_b64_enc_len(n, url));
		r = url ? pl_ub64_decode(d2, e, el) : pl_b64_decode(d2, e, el);
		FUZZ_ASSERT(r == (long)n && (n == 0 || memcmp(d2, data, n) == 0));
	}
	pl_hex_encode(e, data, n);
	for (i = 0; i < 2 * n; i++)
		FUZZ_ASSERT((e[i] >= '0' && e[i] <= '9') || (e[i] >= 'A' && e[i] <= 'F'));
	{
		size_t el = pl_url_encode(e, s, n);
		FUZZ_ASSERT(el <= 3 * n);
		r = pl_url_decode((char *)d2, e, el, 0);
		FUZZ_ASSERT(r == (long)n && (n == 0 || memcmp(d2, data, n) == 0));
	}
	free(d);
	free(d2);
	free(e);
	return 0;
}
