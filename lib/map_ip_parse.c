/*
 * ip keys and queries: the text forms HAProxy accepts for a network in a map
 * file (address, address/bits, address/mask) and for an address looked up
 * (its lenient string-to-IPv4 cast). The index over the parsed networks is
 * in map_ip.c.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include "map_internal.h"

static int pton(int af, const char *s, size_t n, void *out)
{
	char tmp[64];

	if (n >= sizeof(tmp) || memchr(s, '\0', n) != NULL)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	return inet_pton(af, tmp, out) == 1;
}

/* A mask bit count as strtol reads it: blanks, sign, digits; "-0" only. */
static int bits(const char *s, size_t n, unsigned limit, unsigned *out)
{
	size_t i = 0;
	unsigned v = 0;
	int neg = 0, any = 0;

	while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
		i++;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < n; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d > 9)
			return 0;
		any = 1;
		if (v <= limit)
			v = v * 10 + d;
	}
	if (!any || v > limit || (neg && v != 0))
		return 0;
	*out = v;
	return 1;
}

static unsigned popcount32(uint32_t m)
{
	unsigned c = 0;
	for (; m; m &= m - 1)
		c++;
	return c;
}

int pl_map_ip_parse(const char *key, size_t klen, pl_map_ipkey *k, pl_buf *errmsg)
{
	const char *slash = NULL, *mask;
	size_t alen = klen, mlen = 0, i;
	uint32_t m4 = 0xffffffffu;
	int m4ok = 1;
	unsigned plen;
	unsigned char a4[4], mk[4];

	for (i = klen; i > 0; i--)
		if (key[i - 1] == '/') {
			slash = key + i - 1;
			break;
		}
	mask = slash ? slash + 1 : NULL;
	if (slash) {
		alen = (size_t)(slash - key);
		mlen = klen - alen - 1;
		if (memchr(mask, '.', mlen)) {
			m4ok = pton(AF_INET, mask, mlen, mk);
			if (m4ok)
				m4 = (uint32_t)mk[0] << 24 | (uint32_t)mk[1] << 16 | (uint32_t)mk[2] << 8 | mk[3];
		} else {
			m4ok = bits(mask, mlen, 32, &plen);
			if (m4ok)
				m4 = plen ? 0xffffffffu << (32 - plen) : 0;
		}
	}
	if (m4ok && pton(AF_INET, key, alen, a4)) {
		k->v4 = (uint32_t)a4[0] << 24 | (uint32_t)a4[1] << 16 | (uint32_t)a4[2] << 8 | a4[3];
		k->mask4 = m4;
		/* contiguous: m + lowest set bit wraps to 0 */
		if (((m4 + (m4 & (0u - m4))) & 0xffffffffu) == 0) {
			k->kind = 4;
			k->plen = popcount32(m4);
		} else {
			k->kind = 5;
			k->plen = 0;
		}
		return 0;
	}
	plen = 128;
	if ((slash && !bits(mask, mlen, 128, &plen)) || !pton(AF_INET6, key, alen, k->v6))
		return pl_map_errkey(errmsg, "'", key, klen, "' is not a valid IPv4 or IPv6 address");
	k->kind = 6;
	k->plen = plen;
	return 0;
}

/* HAProxy's string-to-IPv4 cast: four decimal parts <= 255 (leading zeros
 * fine) separated by dots, then anything but a digit or a dot. */
static int lenient_v4(const char *s, size_t n, uint32_t *out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	uint32_t a = 0;
	int part;

	for (part = 0; part < 4; part++) {
		unsigned v, d;

		if (part > 0) {
			if (p == end || *p != '.')
				return 0;
			p++;
		}
		if (p == end || (v = (unsigned)*p - '0') > 9)
			return 0;
		for (p++; p < end && (d = (unsigned)*p - '0') <= 9; p++)
			if ((v = v * 10 + d) > 255)
				return 0;
		a = a << 8 | v;
	}
	if (p < end && *p == '.')
		return 0;
	*out = a;
	return 1;
}

void pl_map_ip_query(pl_map_query *q, const char *s, size_t len)
{
	uint32_t a;
	const uint8_t *v;
	const char *nul;

	q->fam = 0;
	q->has_v4 = 0;
	if (lenient_v4(s, len, &a)) {
		q->fam = 4;
		q->v4 = a;
		memset(q->v6, 0, 10);
		q->v6[10] = q->v6[11] = 0xff;
		q->v6[12] = (uint8_t)(a >> 24);
		q->v6[13] = (uint8_t)(a >> 16);
		q->v6[14] = (uint8_t)(a >> 8);
		q->v6[15] = (uint8_t)a;
		return;
	}
	if (len > 46)
		return;
	nul = memchr(s, '\0', len);
	if (!pton(AF_INET6, s, nul ? (size_t)(nul - s) : len, q->v6))
		return;
	q->fam = 6;
	v = q->v6;
	if (!memcmp(v, "\0\0\0\0\0\0\0\0", 8) &&
	    ((v[8] | v[9] | v[10] | v[11]) == 0 || (!(v[8] | v[9]) && v[10] == 0xff && v[11] == 0xff))) {
		q->has_v4 = 1;
		q->v4 = (uint32_t)v[12] << 24 | (uint32_t)v[13] << 16 | (uint32_t)v[14] << 8 | v[15];
	} else if (v[0] == 0x20 && v[1] == 0x02) {
		q->has_v4 = 1;
		q->v4 = (uint32_t)v[2] << 24 | (uint32_t)v[3] << 16 | (uint32_t)v[4] << 8 | v[5];
	}
}
