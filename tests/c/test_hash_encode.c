/* lib/hash_encode.c and lib/hash_json.c against HAProxy 2.6's outputs
 * (spec/fixtures/hash/decodes.tsv), including its quirks. */
#include <stdio.h>
#include <string.h>
#include "proxylua/hash.h"

static int passed, failed;

#define CHECK(cond) do { \
	if (cond) passed++; \
	else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

static char out[4096];

/* Result as a string, "FAIL" for an error. */
static const char *b64dec(const char *s, int url)
{
	long n = url ? pl_ub64_decode((unsigned char *)out, s, strlen(s))
	             : pl_b64_decode((unsigned char *)out, s, strlen(s));
	if (n < 0)
		return "FAIL";
	out[n] = '\0';
	return out;
}

static const char *urldec(const char *s, size_t n, int form)
{
	long r = pl_url_decode(out, s, n, form);
	if (r < 0)
		return "FAIL";
	out[r] = '\0';
	return out;
}

static const char *json(const char *s, const char *mode)
{
	long r = pl_json_escape(out, s, strlen(s), pl_json_mode(mode));
	if (r < 0)
		return "FAIL";
	out[r] = '\0';
	return out;
}

static int hex2i(const char *s, size_t n, int64_t want)
{
	int64_t v = 12345;
	return pl_hex2i(s, n, &v) == 0 && v == want;
}

int main(void)
{
	size_t n;

	n = pl_b64_encode(out, "foobar", 6, 0);
	CHECK(n == 8 && memcmp(out, "Zm9vYmFy", 8) == 0 && pl_b64_enc_len(6, 0) == 8);
	n = pl_b64_encode(out, "foob", 4, 0);
	CHECK(n == 8 && memcmp(out, "Zm9vYg==", 8) == 0 && pl_b64_enc_len(4, 0) == 8);
	n = pl_b64_encode(out, "A", 1, 1);
	CHECK(n == 2 && memcmp(out, "QQ", 2) == 0 && pl_b64_enc_len(1, 1) == 2);
	n = pl_b64_encode(out, "\xfb\xff\xbf", 3, 1);
	CHECK(n == 4 && memcmp(out, "-_-_", 4) == 0);
	CHECK(pl_b64_enc_len(0, 0) == 0 && pl_b64_enc_len(5, 1) == 7);

	CHECK(strcmp(b64dec("Zm9vYg==", 0), "foob") == 0);
	CHECK(strcmp(b64dec("Q===", 0), "") == 0);
	CHECK(strcmp(b64dec("QQ==QUJD", 0), "AABC") == 0);
	CHECK(strcmp(b64dec("QR==", 0), "A") == 0);
	CHECK(strcmp(b64dec("", 0), "") == 0);
	CHECK(strcmp(b64dec("QQ", 0), "FAIL") == 0);
	CHECK(strcmp(b64dec("====", 0), "FAIL") == 0);
	CHECK(strcmp(b64dec("=AAA", 0), "FAIL") == 0);
	CHECK(strcmp(b64dec("Q=Q=", 0), "FAIL") == 0);
	CHECK(strcmp(b64dec("QQ=A", 0), "FAIL") == 0);
	CHECK(strcmp(b64dec("-_-_", 0), "FAIL") == 0);
	CHECK(strcmp(b64dec("QUJ\x80", 0), "FAIL") == 0);

	CHECK(strcmp(b64dec("Zm9vYg", 1), "foob") == 0);
	CHECK(strcmp(b64dec("QQ==", 1), "A\x0f\xff") == 0);
	CHECK(strcmp(b64dec("QUI=", 1), "AB?") == 0);
	CHECK(strcmp(b64dec("Q===", 1), "C\xff\xff") == 0);
	CHECK(strcmp(b64dec("QR", 1), "A") == 0);
	CHECK(strcmp(b64dec("Q", 1), "FAIL") == 0);
	CHECK(strcmp(b64dec("+/+/", 1), "FAIL") == 0);
	CHECK(strcmp(b64dec("QUJD\n", 1), "FAIL") == 0);

	pl_hex_encode(out, "\0\1\177\200\377abc", 8);
	CHECK(memcmp(out, "00017F80FF616263", 16) == 0);

	CHECK(hex2i("", 0, 0));
	CHECK(hex2i("deadBEEF", 8, 3735928559LL));
	CHECK(hex2i("FFFFFFFFFFFFFFFF", 16, -1));
	CHECK(hex2i("8000000000000000", 16, INT64_MIN));
	CHECK(hex2i("10000000000000000", 17, 0));
	CHECK(hex2i("123456789abcdef01", 17, 2541551405711093505LL));
	{
		int64_t v;
		CHECK(pl_hex2i("0x10", 4, &v) == PL_HASH_EINVAL);
		CHECK(pl_hex2i("1\0", 2, &v) == PL_HASH_EINVAL);
		CHECK(pl_hex2i("-1", 2, &v) == PL_HASH_EINVAL);
	}

	CHECK(strcmp(urldec("a+b?c+d", 7, 0), "a+b?c d") == 0);
	CHECK(strcmp(urldec("a+b?c+d", 7, 1), "a b?c d") == 0);
	CHECK(strcmp(urldec("a%2fb%2F", 8, 0), "a/b/") == 0);
	CHECK(strcmp(urldec("a\0b%zz", 6, 0), "a") == 0);
	CHECK(pl_url_decode(out, "x%00", 4, 0) == 2 && out[1] == '\0');
	CHECK(strcmp(urldec("100%", 4, 0), "FAIL") == 0);
	CHECK(strcmp(urldec("%4", 2, 1), "FAIL") == 0);
	CHECK(strcmp(urldec("%%41", 4, 0), "FAIL") == 0);
	CHECK(strcmp(urldec("%+1", 3, 0), "FAIL") == 0);

	n = pl_url_encode(out, "a b+c&d=e/f?g~h-i.j_k", 21);
	out[n] = '\0';
	CHECK(strcmp(out, "a%20b%2Bc%26d%3De%2Ff%3Fg~h-i.j_k") == 0);
	n = pl_url_encode(out, "\0\1\177\200\377", 5);
	CHECK(n == 15 && memcmp(out, "%00%01%7F%80%FF", 15) == 0);

	pl_ascii_lower(out, "\0Az\xc3\x89\xff", 6);
	CHECK(memcmp(out, "\0az\xc3\x89\xff", 6) == 0);
	pl_ascii_upper(out, "\0Az\xc3\x89\xff", 6);
	CHECK(memcmp(out, "\0AZ\xc3\x89\xff", 6) == 0);

	CHECK(pl_json_mode("") == PL_JSON_ASCII && pl_json_mode("utf8ps") == PL_JSON_UTF8PS);
	CHECK(pl_json_mode("UTF8") == -1 && pl_json_mode("bogus") == -1);
	CHECK(strcmp(json("a\"b\\c/d", "ascii"), "a\\\"b\\\\c\\/d") == 0);
	CHECK(strcmp(json("\b\f\n\r\t", "utf8"), "\\b\\f\\n\\r\\t") == 0);
	CHECK(strcmp(json("\x01\x1f\x7f", "ascii"), "\\u0001\\u001f\\u007f") == 0);
	CHECK(strcmp(json("\xc3\xa9", "ascii"), "\\u00c3\\u00a9") == 0);
	CHECK(strcmp(json("\xc3\xa9", "utf8"), "\\u00e9") == 0);
	CHECK(strcmp(json("\xe2\x82\xac", "utf8s"), "\\u20ac") == 0);
	CHECK(strcmp(json("\xf0\x9f\x98\x80", "utf8"), "FAIL") == 0);
	CHECK(strcmp(json("\xf0\x9f\x98\x80", "utf8ps"), "") == 0);
	CHECK(strcmp(json("\xc0\x80", "utf8p"), "\\u0000") == 0);
	CHECK(strcmp(json("\xc1\x81", "utf8ps"), "A") == 0);
	CHECK(strcmp(json("\xc1\x81", "utf8s"), "") == 0);
	CHECK(strcmp(json("\xc3\x41", "utf8s"), "A") == 0);
	CHECK(strcmp(json("\xed\xa0\x80", "utf8p"), "FAIL") == 0);
	CHECK(strcmp(json("\xf8\x80\x80\x81\x81", "utf8p"), "A") == 0);
	CHECK(strcmp(json("x\xe9y\xc3\xa9z", "utf8s"), "xy\\u00e9z") == 0);
	CHECK(pl_json_escape(out, "a\0b", 3, PL_JSON_UTF8) == 8 && memcmp(out, "a\\u0000b", 8) == 0);
	CHECK(pl_json_len(3) == 18);

	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
