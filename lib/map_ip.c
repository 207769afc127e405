/*
 * ip: HAProxy keeps IPv4 networks with contiguous masks in one prefix tree,
 * every IPv6 network in another, and IPv4 networks with other masks in a
 * list. Here each tree is a hash table keyed by (prefix length, network),
 * probed from the longest length present down: the first hit is the longest
 * match, and a slot keeps the earliest entry among equal networks.
 */
#include <arpa/inet.h>
#include <string.h>
#include "proxylua/map.h"

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
 * fine), then anything but a digit or a dot. */
static int lenient_v4(const char *s, size_t n, uint32_t *out)
{
	unsigned parts = 0, cur = 0;
	int saw = 0;
	uint32_t a = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= '0' && c <= '9') {
			cur = cur * 10 + (c - '0');
			if (cur > 255)
				return 0;
			if (!saw) {
				if (parts == 4)
					return 0;
				saw = 1;
			}
		} else if (c == '.') {
			if (!saw || parts == 3)
				return 0;
			a = a << 8 | cur;
			parts++;
			cur = 0;
			saw = 0;
		} else {
			break;
		}
	}
	if (parts != 3 || !saw)
		return 0;
	*out = a << 8 | cur;
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

/* ---- the index ---- */

typedef struct slot4 {
	uint64_t key;         /* plen << 32 | network */
	uint32_t idx;         /* UINT32_MAX: empty */
} slot4;

typedef struct slot6 {
	uint8_t net[16];
	uint32_t plen, idx;
} slot6;

typedef struct ip_idx {
	slot4 *t4;
	size_t mask4;
	slot6 *t6;
	size_t mask6;
	uint8_t lens4[33], lens6[129];   /* lengths present, longest first */
	unsigned n4, n6;
	struct { uint32_t idx, v4, mask; } *list;   /* non-contiguous IPv4 masks, in order */
	size_t nlist, listcap;
} ip_idx;

static size_t pow2_for(size_t n)
{
	size_t s = 8;
	while (s < n * 2 + 2)
		s <<= 1;
	return s;
}

static uint64_t h64(uint64_t x)
{
	x ^= x >> 31;
	x *= 0x9e3779b97f4a7c15ULL;
	x ^= x >> 29;
	return x;
}

static uint64_t h6(const uint8_t *net, uint32_t plen)
{
	uint64_t a, b;
	memcpy(&a, net, 8);
	memcpy(&b, net + 8, 8);
	return h64(a ^ h64(b ^ plen));
}

static void mask6(uint8_t *out, const uint8_t *in, unsigned plen)
{
	unsigned i;
	for (i = 0; i < 16; i++) {
		unsigned b = i * 8;
		out[i] = plen >= b + 8 ? in[i] : plen <= b ? 0 : (uint8_t)(in[i] & (0xff << (8 - (plen - b))));
	}
}

static uint32_t mask4(unsigned plen)
{
	return plen ? 0xffffffffu << (32 - plen) : 0;
}

static uint32_t find4(const ip_idx *x, unsigned plen, uint32_t net)
{
	uint64_t key = (uint64_t)plen << 32 | net;
	size_t j = (size_t)h64(key) & x->mask4;

	for (; x->t4[j].idx != UINT32_MAX; j = (j + 1) & x->mask4)
		if (x->t4[j].key == key)
			return x->t4[j].idx;
	return UINT32_MAX;
}

static uint32_t find6(const ip_idx *x, unsigned plen, const uint8_t *net)
{
	size_t j = (size_t)h6(net, plen) & x->mask6;

	for (; x->t6[j].idx != UINT32_MAX; j = (j + 1) & x->mask6)
		if (x->t6[j].plen == plen && !memcmp(x->t6[j].net, net, 16))
			return x->t6[j].idx;
	return UINT32_MAX;
}

static void ip_free(pl_map *m)
{
	ip_idx *x = m->idx;

	if (x == NULL)
		return;
	if (x->t4)
		pl_map_xalloc(m, x->t4, (x->mask4 + 1) * sizeof(*x->t4), 0);
	if (x->t6)
		pl_map_xalloc(m, x->t6, (x->mask6 + 1) * sizeof(*x->t6), 0);
	if (x->list)
		pl_map_xalloc(m, x->list, x->listcap * sizeof(*x->list), 0);
	pl_map_xalloc(m, x, sizeof(*x), 0);
	m->idx = NULL;
}

static int ip_build(pl_map *m)
{
	ip_idx *x = pl_map_xalloc(m, NULL, 0, sizeof(*x));
	size_t n4 = 0, n6 = 0, i, j;
	uint8_t has4[33], has6[129];
	int l;

	if (x == NULL)
		return PL_MAP_ENOMEM;
	memset(x, 0, sizeof(*x));
	m->idx = x;
	memset(has4, 0, sizeof(has4));
	memset(has6, 0, sizeof(has6));
	for (i = 0; i < m->n; i++) {
		pl_map_ipkey k;
		if (m->e[i].key == NULL || pl_map_ip_parse(m->e[i].key, pl_map_klen(&m->e[i]), &k, NULL))
			continue;
		n4 += k.kind == 4;
		n6 += k.kind == 6;
	}
	x->mask4 = pow2_for(n4) - 1;
	x->mask6 = pow2_for(n6) - 1;
	x->t4 = pl_map_xalloc(m, NULL, 0, (x->mask4 + 1) * sizeof(*x->t4));
	x->t6 = pl_map_xalloc(m, NULL, 0, (x->mask6 + 1) * sizeof(*x->t6));
	x->listcap = m->n - n4 - n6 + 1;
	x->list = pl_map_xalloc(m, NULL, 0, x->listcap * sizeof(*x->list));
	if (x->t4 == NULL || x->t6 == NULL || x->list == NULL)
		return PL_MAP_ENOMEM;
	for (j = 0; j <= x->mask4; j++)
		x->t4[j].idx = UINT32_MAX;
	for (j = 0; j <= x->mask6; j++)
		x->t6[j].idx = UINT32_MAX;
	for (i = 0; i < m->n; i++) {
		pl_map_ipkey k;
		if (m->e[i].key == NULL || pl_map_ip_parse(m->e[i].key, pl_map_klen(&m->e[i]), &k, NULL))
			continue;
		if (k.kind == 4) {
			uint64_t key = (uint64_t)k.plen << 32 | (k.v4 & mask4(k.plen));
			j = (size_t)h64(key) & x->mask4;
			while (x->t4[j].idx != UINT32_MAX && x->t4[j].key != key)
				j = (j + 1) & x->mask4;
			if (x->t4[j].idx == UINT32_MAX) {     /* equal networks: the first stays */
				x->t4[j].key = key;
				x->t4[j].idx = (uint32_t)i;
			}
			has4[k.plen] = 1;
		} else if (k.kind == 6) {
			uint8_t net[16];
			mask6(net, k.v6, k.plen);
			j = (size_t)h6(net, k.plen) & x->mask6;
			while (x->t6[j].idx != UINT32_MAX &&
			       (x->t6[j].plen != k.plen || memcmp(x->t6[j].net, net, 16)))
				j = (j + 1) & x->mask6;
			if (x->t6[j].idx == UINT32_MAX) {
				memcpy(x->t6[j].net, net, 16);
				x->t6[j].plen = k.plen;
				x->t6[j].idx = (uint32_t)i;
			}
			has6[k.plen] = 1;
		} else {
			x->list[x->nlist].idx = (uint32_t)i;
			x->list[x->nlist].v4 = k.v4;
			x->list[x->nlist++].mask = k.mask4;
		}
	}
	for (l = 32; l >= 0; l--)
		if (has4[l])
			x->lens4[x->n4++] = (uint8_t)l;
	for (l = 128; l >= 0; l--)
		if (has6[l])
			x->lens6[x->n6++] = (uint8_t)l;
	return 0;
}

static int tree4(const ip_idx *x, uint32_t a, pl_map_rank *r)
{
	unsigned i;
	for (i = 0; i < x->n4; i++) {
		uint32_t idx = find4(x, x->lens4[i], a & mask4(x->lens4[i]));
		if (idx != UINT32_MAX) {
			r->idx = idx;
			r->len = x->lens4[i];
			return 1;
		}
	}
	return 0;
}

static int tree6(const ip_idx *x, const uint8_t *a, pl_map_rank *r)
{
	unsigned i;
	uint8_t net[16];

	for (i = 0; i < x->n6; i++) {
		uint32_t idx;
		mask6(net, a, x->lens6[i]);
		idx = find6(x, x->lens6[i], net);
		if (idx != UINT32_MAX) {
			r->idx = idx;
			r->len = x->lens6[i];
			return 1;
		}
	}
	return 0;
}

static int ip_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const ip_idx *x = m->idx;
	size_t i;

	(void)scratch;
	r->idx = SIZE_MAX;
	r->len = 0;
	r->tier = 0;
	if (q->fam == 4) {
		if (tree4(x, q->v4, r))
			return 0;
		r->tier = 1;
		if (tree6(x, q->v6, r))
			return 0;
	} else if (q->fam == 6) {
		if (tree6(x, q->v6, r))
			return 0;
		if (!q->has_v4)
			return 0;
		r->tier = 1;
		if (tree4(x, q->v4, r))
			return 0;
	} else {
		return 0;
	}
	r->tier = 2;
	r->len = 0;
	for (i = 0; i < x->nlist; i++) {
		if (!((q->v4 ^ x->list[i].v4) & x->list[i].mask)) {
			r->idx = x->list[i].idx;
			return 0;
		}
	}
	return 0;
}

const pl_map_ops pl_map_ip_ops = { ip_build, ip_free, ip_lookup, NULL, NULL, NULL };
