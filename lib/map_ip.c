/*
 * ip: HAProxy keeps IPv4 networks with contiguous masks in one prefix tree,
 * every IPv6 network in another, and IPv4 networks with other masks in a
 * list. Here each tree is a multibit radix tree with longest-prefix match
 * (below, "the index"); equal networks keep their earliest entry.
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

/* ---- the index: one multibit radix tree per family ---- */

/*
 * Addresses are 128-bit (hi, lo) words, IPv4 in the top 32 bits of hi. A
 * tree is a direct-indexed top level on the first `topbits` bits, then nodes
 * of 6- or 8-bit stride compressed poptrie-style. A 64-slot quarter holds
 * `vec`, the slots leading to a child, and `leafvec`, the slots where a new
 * run of equal leaves starts; counting bits below a slot gives its child or
 * leaf. An 8-bit node is four consecutive quarters. Leaves are pushed down
 * (every address range holds the winner of its longest covering prefix), so
 * a lookup reads one quarter per level and stops at the first leaf: for
 * IPv4 with a 16-bit top, at most three nodes (8 + 6 + 6 bits, the last two
 * reading past bit 32 as zeros).
 */
#define NODEREF 0x80000000u   /* top-level slot: a node, not a leaf */
#define NOLEAF  0x7fffffffu   /* no prefix covers the range */

typedef struct pnode {
	uint64_t vec, leafvec;
	uint32_t base0, base1;    /* third leaf; first child (a child spans 1 or 4 quarters) */
	uint32_t lead[2];         /* the first two leaves: in the quarter's cache line */
} pnode;

typedef struct ptree {
	uint32_t *top;            /* 2^topbits slots: NODEREF | node, or a leaf */
	unsigned topbits;
	int hw;                   /* walk with the POPCNT instruction */
	uint8_t stride[136];      /* stride of the nodes at each depth */
	pnode *node;              /* 32-byte quarters from a 64-byte boundary of mem */
	void *mem;
	size_t nn, ncap;
	uint32_t *leaf;
	size_t nl, lcap;
} ptree;

typedef struct pfx {
	uint64_t hi, lo;          /* the network, host bits cleared */
	uint32_t idx;
	uint32_t plen;
} pfx;

typedef struct ip_idx {
	ptree t4, t6;
	uint8_t *plen;            /* by entry: the prefix length of its tree key */
	size_t nplen;
	struct { uint32_t idx, v4, mask; } *list;   /* non-contiguous IPv4 masks, in order */
	size_t nlist, listcap;
} ip_idx;

/* Inline bit counting: without -mpopcnt the builtin is a libgcc call. */
static inline unsigned popc(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ull);
	x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
	x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned)((x * 0x0101010101010101ull) >> 56);
}

/* bits [d, d + k) of the 128-bit word, k <= 32; bits past 128 read as 0 */
static inline uint32_t bits_at(uint64_t hi, uint64_t lo, unsigned d, unsigned k)
{
	if (d + k <= 64)
		return (uint32_t)((hi << d) >> (64 - k));
	if (d >= 64)
		return d >= 128 ? 0 : (uint32_t)((lo << (d - 64)) >> (64 - k));
	return (uint32_t)(((hi << d) >> (64 - k)) | (lo >> (128 - d - k)));
}

/*
 * 8 bits when exactly 16 remain (IPv4 after a 16-bit top: a /24 ends in the
 * first node), else 6. An 8-bit node costs four quarters even when sparse:
 * 8 + 8 for IPv4 was 5% faster on hits than 8 + 6 + 6 but took 55% more
 * memory (100,000 random /16../32 networks: 8.0 MB of nodes against 5.2).
 */
static void set_strides(ptree *t, unsigned width)
{
	unsigned d;

	for (d = 0; d < sizeof(t->stride); d++) {
		unsigned rem = d < width ? width - d : 0;
		t->stride[d] = rem == 16 ? 8 : 6;
	}
}

static int pfx_cmp(const void *a, const void *b)
{
	const pfx *x = a, *y = b;

	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->plen != y->plen)
		return x->plen < y->plen ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

typedef struct builder {
	pl_map *m;
	ptree *t;
	const pfx *p;
} builder;

/* arr (cap elements) with room for need: the array, or NULL (arr kept) */
static void *grow(pl_map *m, void *arr, size_t *cap, size_t need, size_t elem)
{
	size_t ncap = *cap ? *cap : 64;
	void *q;

	if (need <= *cap)
		return arr;
	while (ncap < need)
		ncap *= 2;
	q = pl_map_xalloc(m, arr, *cap * elem, ncap * elem);
	if (q != NULL)
		*cap = ncap;
	return q;
}

/* Reserves n nodes (quarters); their index in *at. */
static int reserve(const builder *b, size_t n, uint32_t *at)
{
	ptree *t = b->t;
	pnode *q;

	if (t->nn + n >= NODEREF)
		return PL_MAP_ETOOBIG;
	if ((q = grow(b->m, t->node, &t->ncap, t->nn + n, sizeof(*t->node))) == NULL)
		return PL_MAP_ENOMEM;
	t->node = q;
	*at = (uint32_t)t->nn;
	t->nn += n;
	return 0;
}

/*
 * One level at depth d, stride k, over the prefixes [i0, i1) (the networks
 * inside this level's range, sorted): those ending within the level are
 * expanded onto the slots they cover, the longest winning (equal networks
 * were reduced to their earliest entry); val/len start as the inherited
 * winner. has[] marks slots with longer prefixes below.
 */
static void expand(const builder *b, unsigned d, unsigned k, size_t i0, size_t i1,
                   uint32_t *val, uint8_t *len, uint8_t *has)
{
	size_t i;

	for (i = i0; i < i1; i++) {
		const pfx *p = &b->p[i];
		uint32_t s = bits_at(p->hi, p->lo, d, k), j, cnt;

		if (p->plen <= d)
			continue;             /* an ancestor's: already inherited */
		if (p->plen > d + k) {
			has[s] = 1;
			continue;
		}
		cnt = 1u << (d + k - p->plen);
		for (j = s; j < s + cnt; j++)
			if (p->plen > len[j]) {
				val[j] = p->idx;
				len[j] = (uint8_t)p->plen;
			}
	}
}

static int build_node(const builder *b, uint32_t self, unsigned d, size_t i0, size_t i1,
                      uint32_t inh, uint8_t inhlen);

/*
 * Children of a level at depth d, stride k: each slot with longer prefixes
 * gets a node over the run of prefixes whose network lies in that slot
 * (contiguous: they are sorted). Child j starts at node at[j], in slot order.
 */
static int build_children(const builder *b, unsigned d, unsigned k, size_t i0, size_t i1,
                          const uint32_t *val, const uint8_t *len, const uint8_t *has,
                          const uint32_t *at)
{
	size_t i = i0;
	uint32_t next = 0;

	while (i < i1) {
		uint32_t s = bits_at(b->p[i].hi, b->p[i].lo, d, k);
		size_t j = i;
		int rc;

		while (j < i1 && bits_at(b->p[j].hi, b->p[j].lo, d, k) == s)
			j++;
		if (has[s]) {
			if ((rc = build_node(b, at[next++], d + k, i, j, val[s], len[s])) != 0)
				return rc;
		}
		i = j;
	}
	return 0;
}

static int build_node(const builder *b, uint32_t self, unsigned d, size_t i0, size_t i1,
                      uint32_t inh, uint8_t inhlen)
{
	ptree *t = b->t;
	unsigned k = t->stride[d], nslot = 1u << k, q, s;
	unsigned kq = 1u << (t->stride[d + k] - 6);   /* quarters per child */
	uint32_t val[256], at[256], kids = 0, base1 = 0;
	uint8_t len[256], has[256];
	int rc;

	for (s = 0; s < nslot; s++) {
		val[s] = inh;
		len[s] = inhlen;
		has[s] = 0;
	}
	expand(b, d, k, i0, i1, val, len, has);
	for (s = 0; s < nslot; s++)
		kids += has[s];
	if (kids && (rc = reserve(b, (size_t)kids * kq, &base1)) != 0)
		return rc;
	for (s = 0; s < kids; s++)
		at[s] = base1 + s * kq;
	for (q = 0, kids = 0; q < nslot / 64; q++) {
		pnode *n;
		uint64_t vec = 0, leafvec = 0;
		uint32_t base0 = (uint32_t)t->nl, prev = NOLEAF, qkids = kids, lead[2], runs = 0;

		for (s = q * 64; s < q * 64 + 64; s++) {
			if (has[s]) {
				vec |= 1ull << (s & 63);
				kids++;
				continue;
			}
			if (runs == 0 || val[s] != prev) {
				if (runs < 2) {
					lead[runs] = val[s];
				} else {
					uint32_t *l = grow(b->m, t->leaf, &t->lcap, t->nl + 1, sizeof(*l));
					if (l == NULL)
						return PL_MAP_ENOMEM;
					t->leaf = l;
					t->leaf[t->nl++] = val[s];
				}
				runs++;
				leafvec |= 1ull << (s & 63);
				prev = val[s];
			}
		}
		n = &t->node[self + q];
		n->vec = vec;
		n->leafvec = leafvec;
		n->base0 = base0 - 2;   /* leaf rank r >= 2 (from 0) is leaf[base0 + r] */
		n->base1 = base1 + qkids * kq;
		n->lead[0] = runs > 0 ? lead[0] : NOLEAF;
		n->lead[1] = runs > 1 ? lead[1] : NOLEAF;
	}
	return build_children(b, d, k, i0, i1, val, len, has, at);
}

static void tree_free(pl_map *m, ptree *t)
{
	if (t->top)
		pl_map_xalloc(m, t->top, ((size_t)1 << t->topbits) * sizeof(*t->top), 0);
	if (t->mem)
		pl_map_xalloc(m, t->mem, t->ncap * sizeof(*t->node) + 64, 0);
	else if (t->node)
		pl_map_xalloc(m, t->node, t->ncap * sizeof(*t->node), 0);
	if (t->leaf)
		pl_map_xalloc(m, t->leaf, t->lcap * sizeof(*t->leaf), 0);
	memset(t, 0, sizeof(*t));
}

/* The winner's entry index for an address, or NOLEAF. */
#define TREE_FIND(name, count)                                                         \
static uint32_t name(const ptree *t, uint64_t hi, uint64_t lo)                         \
{                                                                                      \
	uint32_t v = t->top[hi >> (64 - t->topbits)];                                      \
	unsigned d;                                                                        \
                                                                                       \
	for (d = t->topbits; v & NODEREF; ) {                                              \
		unsigned k = t->stride[d], s = bits_at(hi, lo, d, k);                         \
		const pnode *n = &t->node[(v & ~NODEREF) + (s >> 6)];                          \
		uint64_t bit = 1ull << (s & 63), upto = bit | (bit - 1);                       \
                                                                                       \
		if (!(n->vec & bit)) {                                                         \
			uint32_t r = count(n->leafvec & upto) - 1;                                 \
			return r < 2 ? n->lead[r] : t->leaf[n->base0 + r];                         \
		}                                                                              \
		d += k;                                                                        \
		v = NODEREF | (n->base1 + ((count(n->vec & upto) - 1) << (t->stride[d] - 6))); \
	}                                                                                  \
	return v;                                                                          \
}

TREE_FIND(find_soft, popc)

/*
 * Counting bits is on every level's critical path: x86 CPUs that have the
 * POPCNT instruction (nearly all) get a copy of the walk compiled for it,
 * chosen when the tree is built.
 */
#if defined(__GNUC__) && defined(__x86_64__) && !defined(PL_MAP_IP_SOFT)
__attribute__((target("popcnt"))) static inline unsigned popc_hw(uint64_t x)
{
	return (unsigned)__builtin_popcountll(x);
}
__attribute__((target("popcnt"))) TREE_FIND(find_hw, popc_hw)
static int have_popcnt(void)
{
	return __builtin_cpu_supports("popcnt");
}
#else
#define find_hw find_soft
static int have_popcnt(void)
{
	return 0;
}
#endif

/*
 * The built arrays, moved to their final place: quarters from a 64-byte
 * boundary (a 32-byte quarter then never straddles two cache lines), no
 * room left for growth.
 */
static int settle(pl_map *m, ptree *t)
{
	size_t bytes = t->nn * sizeof(*t->node) + 64;
	char *mem = t->nn ? pl_map_xalloc(m, NULL, 0, bytes) : NULL;

	if (t->nn && mem == NULL)
		return PL_MAP_ENOMEM;
	if (mem != NULL) {
		pnode *al = (pnode *)(void *)(mem + (64 - (uintptr_t)mem % 64) % 64);
		memcpy(al, t->node, t->nn * sizeof(*t->node));
		pl_map_xalloc(m, t->node, t->ncap * sizeof(*t->node), 0);
		t->node = al;
		t->mem = mem;
		t->ncap = t->nn;
	}
	if (t->nl < t->lcap) {
		uint32_t *l = t->nl ? pl_map_xalloc(m, t->leaf, t->lcap * sizeof(*t->leaf),
		                                    t->nl * sizeof(*t->leaf)) : NULL;
		if (t->nl == 0) {
			pl_map_xalloc(m, t->leaf, t->lcap * sizeof(*t->leaf), 0);
			t->leaf = NULL;
			t->lcap = 0;
		} else if (l != NULL) {
			t->leaf = l;
			t->lcap = t->nl;
		}
	}
	return 0;
}

/* Builds a tree over n prefixes (sorted in place, equal networks reduced). */
static int tree_build(pl_map *m, ptree *t, pfx *p, size_t n, unsigned width)
{
	builder b;
	size_t i, w, ntop = 0;
	uint32_t inh = NOLEAF, *val = NULL, *at = NULL;
	uint8_t *len = NULL, *has = NULL;
	int rc = PL_MAP_ENOMEM;

	memset(t, 0, sizeof(*t));
	if (n == 0)
		return 0;
	qsort(p, n, sizeof(*p), pfx_cmp);
	for (i = 0, w = 0; i < n; i++)
		if (w == 0 || p[i].hi != p[w - 1].hi || p[i].lo != p[w - 1].lo || p[i].plen != p[w - 1].plen)
			p[w++] = p[i];
	n = w;
	/* a /0 covers everything: the inherited winner of every slot */
	for (i = 0; i < n; i++)
		if (p[i].plen == 0 && p[i].idx < inh)
			inh = p[i].idx;
	/* small maps get a small top level: a table of 2^16 slots is 256 KB */
	t->topbits = n < 256 ? 6 : n < 8192 ? 12 : 16;
	set_strides(t, width);
	t->hw = have_popcnt();
	ntop = (size_t)1 << t->topbits;
	t->top = pl_map_xalloc(m, NULL, 0, ntop * sizeof(*t->top));
	val = pl_map_xalloc(m, NULL, 0, ntop * sizeof(*val));
	at = pl_map_xalloc(m, NULL, 0, ntop * sizeof(*at));
	len = pl_map_xalloc(m, NULL, 0, ntop);
	has = pl_map_xalloc(m, NULL, 0, ntop);
	if (t->top == NULL || val == NULL || at == NULL || len == NULL || has == NULL)
		goto out;
	for (i = 0; i < ntop; i++) {
		val[i] = inh;
		len[i] = 0;
		has[i] = 0;
	}
	b.m = m;
	b.t = t;
	b.p = p;
	expand(&b, 0, t->topbits, 0, n, val, len, has);
	for (i = 0, w = 0; i < ntop; i++) {
		if (!has[i]) {
			t->top[i] = val[i];
			continue;
		}
		if ((rc = reserve(&b, (size_t)1 << (t->stride[t->topbits] - 6), &at[w])) != 0)
			goto out;
		t->top[i] = NODEREF | at[w++];
	}
	if ((rc = build_children(&b, 0, t->topbits, 0, n, val, len, has, at)) == 0)
		rc = settle(m, t);
out:
	if (val)
		pl_map_xalloc(m, val, ntop * sizeof(*val), 0);
	if (at)
		pl_map_xalloc(m, at, ntop * sizeof(*at), 0);
	if (len)
		pl_map_xalloc(m, len, ntop, 0);
	if (has)
		pl_map_xalloc(m, has, ntop, 0);
	return rc;
}

static inline uint32_t tree_find(const ptree *t, uint64_t hi, uint64_t lo)
{
	if (t->top == NULL)
		return NOLEAF;
	return t->hw ? find_hw(t, hi, lo) : find_soft(t, hi, lo);
}

static void ip_free(pl_map *m)
{
	ip_idx *x = m->idx;

	if (x == NULL)
		return;
	tree_free(m, &x->t4);
	tree_free(m, &x->t6);
	if (x->plen)
		pl_map_xalloc(m, x->plen, x->nplen, 0);
	if (x->list)
		pl_map_xalloc(m, x->list, x->listcap * sizeof(*x->list), 0);
	pl_map_xalloc(m, x, sizeof(*x), 0);
	m->idx = NULL;
}

static void v6_words(const uint8_t *a, uint64_t *hi, uint64_t *lo)
{
	unsigned i;

	*hi = *lo = 0;
	for (i = 0; i < 8; i++) {
		*hi = *hi << 8 | a[i];
		*lo = *lo << 8 | a[i + 8];
	}
}

static void clear_host(uint64_t *hi, uint64_t *lo, unsigned plen)
{
	if (plen == 0) {
		*hi = *lo = 0;
	} else if (plen < 64) {
		*hi &= ~0ull << (64 - plen);
		*lo = 0;
	} else if (plen < 128) {
		*lo &= plen == 64 ? 0 : ~0ull << (128 - plen);
	}
}

static int ip_build(pl_map *m)
{
	ip_idx *x = pl_map_xalloc(m, NULL, 0, sizeof(*x));
	pfx *p4 = NULL, *p6 = NULL;
	size_t n4 = 0, n6 = 0, c4 = 0, c6 = 0, i;
	int rc = PL_MAP_ENOMEM;

	if (x == NULL)
		return PL_MAP_ENOMEM;
	memset(x, 0, sizeof(*x));
	m->idx = x;
	if (m->n >= NOLEAF)
		return PL_MAP_ETOOBIG;
	for (i = 0; i < m->n; i++) {
		pl_map_ipkey k;
		if (m->e[i].key == NULL || pl_map_ip_parse(m->e[i].key, pl_map_klen(&m->e[i]), &k, NULL))
			continue;
		n4 += k.kind == 4;
		n6 += k.kind == 6;
	}
	x->nplen = m->n ? m->n : 1;
	x->plen = pl_map_xalloc(m, NULL, 0, x->nplen);
	x->listcap = m->n - n4 - n6 + 1;
	x->list = pl_map_xalloc(m, NULL, 0, x->listcap * sizeof(*x->list));
	p4 = pl_map_xalloc(m, NULL, 0, (n4 + 1) * sizeof(*p4));
	p6 = pl_map_xalloc(m, NULL, 0, (n6 + 1) * sizeof(*p6));
	if (x->plen == NULL || x->list == NULL || p4 == NULL || p6 == NULL)
		goto out;
	for (i = 0; i < m->n; i++) {
		pl_map_ipkey k;
		pfx *p;
		if (m->e[i].key == NULL || pl_map_ip_parse(m->e[i].key, pl_map_klen(&m->e[i]), &k, NULL))
			continue;
		x->plen[i] = (uint8_t)k.plen;
		if (k.kind == 5) {
			x->list[x->nlist].idx = (uint32_t)i;
			x->list[x->nlist].v4 = k.v4;
			x->list[x->nlist++].mask = k.mask4;
			continue;
		}
		p = k.kind == 4 ? &p4[c4++] : &p6[c6++];
		if (k.kind == 4) {
			p->hi = (uint64_t)k.v4 << 32;
			p->lo = 0;
		} else {
			v6_words(k.v6, &p->hi, &p->lo);
		}
		clear_host(&p->hi, &p->lo, k.plen);
		p->plen = k.plen;
		p->idx = (uint32_t)i;
	}
	if ((rc = tree_build(m, &x->t4, p4, c4, 32)) == 0)
		rc = tree_build(m, &x->t6, p6, c6, 128);
out:
	if (p4)
		pl_map_xalloc(m, p4, (n4 + 1) * sizeof(*p4), 0);
	if (p6)
		pl_map_xalloc(m, p6, (n6 + 1) * sizeof(*p6), 0);
	return rc;
}

/* The rank's length only matters against entries appended since the build
 * (pl_map_lookup compares them): the per-entry table is read only then. */
static int found(const pl_map *m, uint32_t idx, pl_map_rank *r)
{
	const ip_idx *x = m->idx;

	if (idx == NOLEAF)
		return 0;
	r->idx = idx;
	r->len = m->built < m->n ? x->plen[idx] : 0;
	return 1;
}

static int tree4(const pl_map *m, uint32_t a, pl_map_rank *r)
{
	const ip_idx *x = m->idx;

	return found(m, tree_find(&x->t4, (uint64_t)a << 32, 0), r);
}

static int tree6(const pl_map *m, const uint8_t *a, pl_map_rank *r)
{
	const ip_idx *x = m->idx;
	uint64_t hi, lo;

	if (x->t6.top == NULL)
		return 0;
	v6_words(a, &hi, &lo);
	return found(m, tree_find(&x->t6, hi, lo), r);
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
		if (tree4(m, q->v4, r))
			return 0;
		r->tier = 1;
		if (tree6(m, q->v6, r))
			return 0;
	} else if (q->fam == 6) {
		if (tree6(m, q->v6, r))
			return 0;
		if (!q->has_v4)
			return 0;
		r->tier = 1;
		if (tree4(m, q->v4, r))
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
