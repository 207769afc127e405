/*
 * HAProxy 2.6's text encoders and decoders: base64, base64url, hex, hex2i,
 * url_dec, url_enc, lower, upper. The quirks (b64dec's mid-stream padding,
 * ub64dec reading '=' as 63, url_dec's '?' rule) are HAProxy's and are kept
 * on purpose; see docs/haproxy-hashes.md §6 and §8.
 */
#include "proxylua/hash.h"

static const char b64_std[64] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[64] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
static const char hex_upper[16] = "0123456789ABCDEF";

/* Decoding tables: 0..63 a letter's value, 64 for '=', 255 otherwise. */
#define X 255
static const unsigned char b64_std_val[256] = {
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, 62, X, X, X, 63,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, 64, X, X,
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, X,
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
};
/* base64url; HAProxy's ub64dec reads '=' as 63, like '_'. */
static const unsigned char b64_url_val[256] = {
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, 62, X, X,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, X, X, X, 63, X, X,
	X, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, X, X, X, X, 63,
	X, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
	X, X, X, X, X, X, X, X, X, X, X, X, X, X, X, X,
};
#undef X

/* Hex digit value, or -1. */
static inline int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

size_t pl_b64_enc_len(size_t n, int url)
{
	return url ? n / 3 * 4 + (n % 3 ? n % 3 + 1 : 0) : (n + 2) / 3 * 4;
}

size_t pl_b64_encode(char *dst, const void *src, size_t n, int url)
{
	const unsigned char *s = src;
	const char *a = url ? b64_url : b64_std;
	char *d = dst;
	uint32_t v;

	for (; n >= 3; n -= 3, s += 3) {
		v = (uint32_t)s[0] << 16 | (uint32_t)s[1] << 8 | s[2];
		d[0] = a[v >> 18];
		d[1] = a[(v >> 12) & 63];
		d[2] = a[(v >> 6) & 63];
		d[3] = a[v & 63];
		d += 4;
	}
	if (n) {
		v = (uint32_t)s[0] << 16 | (n > 1 ? (uint32_t)s[1] << 8 : 0);
		*d++ = a[v >> 18];
		*d++ = a[(v >> 12) & 63];
		if (n > 1)
			*d++ = a[(v >> 6) & 63];
		else if (!url)
			*d++ = '=';
		if (!url)
			*d++ = '=';
	}
	return (size_t)(d - dst);
}

size_t pl_b64_dec_len(size_t n)
{
	return n / 4 * 3 + 2;
}

/* Standard base64, in groups of 4: k >= 1 letters then 4-k '=', giving k-1
 * bytes; padded groups may appear mid-stream; leftover bits are ignored. */
long pl_b64_decode(unsigned char *dst, const char *src, size_t n)
{
	const unsigned char *s = (const unsigned char *)src;
	unsigned char *d = dst;
	size_t i;

	if (n % 4)
		return PL_HASH_EINVAL;
	for (i = 0; i < n; i += 4, s += 4) {
		unsigned v0 = b64_std_val[s[0]], v1 = b64_std_val[s[1]];
		unsigned v2 = b64_std_val[s[2]], v3 = b64_std_val[s[3]];
		uint32_t v;

		if ((v0 | v1 | v2 | v3) < 64) {     /* the common, unpadded group */
			v = v0 << 18 | v1 << 12 | v2 << 6 | v3;
			d[0] = (unsigned char)(v >> 16);
			d[1] = (unsigned char)(v >> 8);
			d[2] = (unsigned char)v;
			d += 3;
			continue;
		}
		if (v0 >= 64 || v1 > 64 || v2 > 64 || v3 > 64)
			return PL_HASH_EINVAL;
		if (v1 == 64) {                     /* "Q===" : nothing */
			if (v2 != 64 || v3 != 64)
				return PL_HASH_EINVAL;
		} else if (v2 == 64) {              /* "QQ==" : 1 byte */
			if (v3 != 64)
				return PL_HASH_EINVAL;
			*d++ = (unsigned char)(v0 << 2 | v1 >> 4);
		} else {                            /* "QUI=" : 2 bytes */
			*d++ = (unsigned char)(v0 << 2 | v1 >> 4);
			*d++ = (unsigned char)(v1 << 4 | v2 >> 2);
		}
	}
	return (long)(d - dst);
}

/* base64url without padding: 4k+2 and 4k+3 tails give 1 and 2 bytes. */
long pl_ub64_decode(unsigned char *dst, const char *src, size_t n)
{
	const unsigned char *s = (const unsigned char *)src;
	unsigned char *d = dst;
	unsigned v[4];
	size_t i, k, rem = n % 4;

	if (rem == 1)
		return PL_HASH_EINVAL;
	for (i = 0; i < n; i += 4) {
		size_t m = n - i < 4 ? n - i : 4;
		uint32_t w;

		v[1] = v[2] = v[3] = 0;
		for (k = 0; k < m; k++) {
			v[k] = b64_url_val[s[i + k]];
			if (v[k] > 63)
				return PL_HASH_EINVAL;
		}
		w = v[0] << 18 | v[1] << 12 | v[2] << 6 | v[3];
		*d++ = (unsigned char)(w >> 16);
		if (m > 2)
			*d++ = (unsigned char)(w >> 8);
		if (m > 3)
			*d++ = (unsigned char)w;
	}
	return (long)(d - dst);
}

void pl_hex_encode(char *dst, const void *src, size_t n)
{
	const unsigned char *s = src;

	while (n--) {
		*dst++ = hex_upper[*s >> 4];
		*dst++ = hex_upper[*s++ & 15];
	}
}

/* Modulo 2^64, read as signed: "FFFFFFFFFFFFFFFF" is -1. */
int pl_hex2i(const char *src, size_t n, int64_t *out)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		int h = hexval((unsigned char)src[i]);
		if (h < 0)
			return PL_HASH_EINVAL;
		v = v << 4 | (unsigned)h;
	}
	/* Two's complement reinterpretation without implementation-defined
	 * conversion of an out-of-range unsigned value. */
	*out = v <= INT64_MAX ? (int64_t)v : -(int64_t)(~v) - 1;
	return PL_HASH_OK;
}

/* HAProxy treats the input as a C string (stops at NUL); '%XX' decodes
 * (even to NUL); '+' is a space in form mode, which a raw '?' turns on. */
long pl_url_decode(char *dst, const char *src, size_t n, int in_form)
{
	char *d = dst;
	size_t i;

	for (i = 0; i < n && src[i] != '\0'; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c == '%') {
			int hi, lo;
			if (n - i < 3)
				return PL_HASH_EINVAL;
			hi = hexval((unsigned char)src[i + 1]);
			lo = hexval((unsigned char)src[i + 2]);
			if (hi < 0 || lo < 0)
				return PL_HASH_EINVAL;
			*d++ = (char)(hi << 4 | lo);
			i += 2;
			continue;
		}
		if (c == '?')
			in_form = 1;
		else if (c == '+' && in_form)
			c = ' ';
		*d++ = (char)c;
	}
	return (long)(d - dst);
}

size_t pl_url_encode(char *dst, const char *src, size_t n)
{
	char *d = dst;

	while (n--) {
		unsigned char c = (unsigned char)*src++;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
			*d++ = (char)c;
		} else {
			d[0] = '%';
			d[1] = hex_upper[c >> 4];
			d[2] = hex_upper[c & 15];
			d += 3;
		}
	}
	return (size_t)(d - dst);
}

void pl_ascii_lower(char *dst, const char *src, size_t n)
{
	while (n--) {
		unsigned char c = (unsigned char)*src++;
		*dst++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
}

void pl_ascii_upper(char *dst, const char *src, size_t n)
{
	while (n--) {
		unsigned char c = (unsigned char)*src++;
		*dst++ = (char)(c >= 'a' && c <= 'z' ? c - 32 : c);
	}
}
