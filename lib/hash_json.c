/*
 * HAProxy 2.6's json converter: escape a string for a JSON string literal,
 * ASCII output only. The utf8 modes decode the old 1-to-6-byte UTF-8 scheme
 * and fail (utf8, utf8p) or drop (utf8s, utf8ps) what is bad; the "p" modes
 * accept overlong forms. See docs/haproxy-hashes.md §7.
 */
#include <string.h>
#include "proxylua/hash.h"

#define U_BAD      1    /* broken sequence */
#define U_OVERLONG 2
#define U_RANGE    4    /* surrogate, U+FFFE or U+FFFF */

static const char hex_lower[16] = "0123456789abcdef";

int pl_json_mode(const char *name)
{
	static const char *const names[] = { "ascii", "utf8", "utf8s", "utf8p", "utf8ps" };
	int i;

	if (name[0] == '\0')
		return PL_JSON_ASCII;
	for (i = 0; i < 5; i++)
		if (strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

size_t pl_json_len(size_t n)
{
	return n * 6;
}

/* Decode one sequence at s[0..n): code point in *cp, flags in *fl, returns
 * the number of bytes consumed (at least 1). */
static size_t utf8_next(const unsigned char *s, size_t n, uint32_t *cp, unsigned *fl)
{
	unsigned c0 = s[0];
	size_t need, k;
	uint32_t c;

	*fl = 0;
	if (c0 < 0x80) {
		*cp = c0;
		return 1;
	}
	if (c0 < 0xC0 || c0 >= 0xFE) {
		*fl = U_BAD;
		return 1;
	}
	need = c0 < 0xE0 ? 1 : c0 < 0xF0 ? 2 : c0 < 0xF8 ? 3 : c0 < 0xFC ? 4 : 5;
	if (n < need + 1) {
		*fl = U_BAD;
		return 1;
	}
	c = c0 & (0x3Fu >> need);
	for (k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80) {
			*fl = U_BAD;    /* the offending byte starts the next sequence */
			return k;
		}
		c = (c << 6) | (s[k] & 0x3F);
	}
	k = need + 1;
	if ((c <= 0x7F && k > 1) || (c >= 0x80 && c <= 0x7FF && k > 2) ||
	    (c >= 0x800 && c <= 0xFFFF && k > 3) || (c >= 0x10000 && c <= 0x1FFFFF && k > 4))
		*fl |= U_OVERLONG;
	if ((c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
		*fl |= U_RANGE;
	*cp = c;
	return k;
}

static char *put_cp(char *d, uint32_t c)
{
	switch (c) {
	case '"': *d++ = '\\'; *d++ = '"'; return d;
	case '\\': *d++ = '\\'; *d++ = '\\'; return d;
	case '/': *d++ = '\\'; *d++ = '/'; return d;
	case '\b': *d++ = '\\'; *d++ = 'b'; return d;
	case '\f': *d++ = '\\'; *d++ = 'f'; return d;
	case '\n': *d++ = '\\'; *d++ = 'n'; return d;
	case '\r': *d++ = '\\'; *d++ = 'r'; return d;
	case '\t': *d++ = '\\'; *d++ = 't'; return d;
	default:
		break;
	}
	if (c >= 0x20 && c < 0x7F) {
		*d++ = (char)c;
		return d;
	}
	d[0] = '\\';
	d[1] = 'u';
	d[2] = hex_lower[(c >> 12) & 15];
	d[3] = hex_lower[(c >> 8) & 15];
	d[4] = hex_lower[(c >> 4) & 15];
	d[5] = hex_lower[c & 15];
	return d + 6;
}

long pl_json_escape(char *dst, const char *src, size_t n, int mode)
{
	const unsigned char *s = (const unsigned char *)src;
	char *d = dst;
	int fail = mode == PL_JSON_UTF8 || mode == PL_JSON_UTF8P;
	unsigned reject = mode == PL_JSON_UTF8P || mode == PL_JSON_UTF8PS ?
		U_BAD | U_RANGE : U_BAD | U_RANGE | U_OVERLONG;

	if (mode == PL_JSON_ASCII) {
		while (n--)
			d = put_cp(d, *s++);
		return (long)(d - dst);
	}
	while (n) {
		uint32_t c = 0;
		unsigned fl;
		size_t k = utf8_next(s, n, &c, &fl);

		s += k;
		n -= k;
		if ((fl & reject) || c > 0xFFFF) {
			if (fail)
				return PL_HASH_EINVAL;
			continue;
		}
		d = put_cp(d, c);
	}
	return (long)(d - dst);
}
