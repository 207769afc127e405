/*
 * Byte tries for beg (longest prefix), end (keys reversed: every suffix of
 * the query is one walk) and sub (Aho-Corasick: every key occurring in the
 * query in one pass). Built as a linked trie, then flattened breadth first so
 * a node's children are consecutive and edge j leads to node j + 1.
 */
#include <string.h>
#include "map_internal.h"

typedef struct dnode {
	uint32_t child, sib, best;
	uint8_t lab;
} dnode;

typedef struct dtrie {
	dnode *n;
	size_t len, cap;
	pl_alloc_fn alloc;
	void *ud;
} dtrie;

static uint32_t dnew(dtrie *d, uint8_t lab)
{
	if (d->len == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 64;
		dnode *p;
		if (ncap >= PL_TRIE_NONE)
			return PL_TRIE_NONE;
		p = d->alloc(d->ud, d->n, d->n ? d->cap * sizeof(*p) : 0, ncap * sizeof(*p));
		if (p == NULL)
			return PL_TRIE_NONE;
		d->n = p;
		d->cap = ncap;
	}
	d->n[d->len].child = d->n[d->len].sib = d->n[d->len].best = PL_TRIE_NONE;
	d->n[d->len].lab = lab;
	return (uint32_t)d->len++;
}

/* child of u labelled c, created in sorted sibling order if missing */
static uint32_t dchild(dtrie *d, uint32_t u, uint8_t c)
{
	uint32_t *link = &d->n[u].child, v;

	while (*link != PL_TRIE_NONE && d->n[*link].lab < c)
		link = &d->n[*link].sib;
	if (*link != PL_TRIE_NONE && d->n[*link].lab == c)
		return *link;
	v = dnew(d, c);          /* may move d->n: recompute the link */
	if (v == PL_TRIE_NONE)
		return v;
	link = &d->n[u].child;
	while (*link != PL_TRIE_NONE && d->n[*link].lab < c)
		link = &d->n[*link].sib;
	d->n[v].sib = *link;
	*link = v;
	return v;
}

void pl_trie_free(pl_trie *t)
{
	if (t->node)
		t->alloc(t->ud, t->node, t->nnode * sizeof(*t->node), 0);
	if (t->lab)
		t->alloc(t->ud, t->lab, t->nnode, 0);
	if (t->same)
		t->alloc(t->ud, t->same, t->nsame * sizeof(*t->same), 0);
	t->node = NULL;
	t->lab = NULL;
	t->same = NULL;
}

static int flatten(pl_trie *t, dtrie *d)
{
	uint32_t *order, *newid;
	size_t head = 0, tail = 1, i;

	t->nnode = d->len;
	t->node = t->alloc(t->ud, NULL, 0, d->len * sizeof(*t->node));
	t->lab = t->alloc(t->ud, NULL, 0, d->len);
	order = d->alloc(d->ud, NULL, 0, d->len * sizeof(*order));
	newid = order ? d->alloc(d->ud, NULL, 0, d->len * sizeof(*newid)) : NULL;
	if (t->node == NULL || t->lab == NULL || newid == NULL) {
		if (order)
			d->alloc(d->ud, order, d->len * sizeof(*order), 0);
		return PL_MAP_ENOMEM;
	}
	order[0] = 0;
	newid[0] = 0;
	while (head < tail) {
		uint32_t u = order[head], v, nu = newid[u];
		pl_trie_node *n = &t->node[nu];

		head++;
		n->first = (uint32_t)tail - 1;
		n->cnt = 0;
		n->best = d->n[u].best;
		n->fail = 0;
		n->out = n->best;
		n->dict = PL_TRIE_NONE;
		for (v = d->n[u].child; v != PL_TRIE_NONE; v = d->n[v].sib) {
			newid[v] = (uint32_t)tail;
			t->lab[tail - 1] = d->n[v].lab;
			order[tail++] = v;
			n->cnt++;
		}
	}
	for (i = 0; i < 256; i++)
		t->root[i] = PL_TRIE_NONE;
	for (i = 0; i < t->node[0].cnt; i++)
		t->root[t->lab[i]] = (uint32_t)i + 1;
	d->alloc(d->ud, order, d->len * sizeof(*order), 0);
	d->alloc(d->ud, newid, d->len * sizeof(*newid), 0);
	return 0;
}

/* Failure links in breadth-first order: a node's fail target is shallower. */
static void link_ac(pl_trie *t)
{
	size_t u;

	for (u = 0; u < t->nnode; u++) {
		pl_trie_node *n = &t->node[u];
		uint32_t j;

		for (j = n->first; j < n->first + n->cnt; j++) {
			uint32_t v = j + 1, f, w = PL_TRIE_NONE;
			pl_trie_node *vn = &t->node[v], *fn;

			if (u != 0) {
				for (f = n->fail;; f = t->node[f].fail) {
					w = pl_trie_child(t, f, t->lab[j]);
					if (w != PL_TRIE_NONE || f == 0)
						break;
				}
			}
			vn->fail = w == PL_TRIE_NONE ? 0 : w;
			fn = &t->node[vn->fail];
			if (fn->out < vn->out)
				vn->out = fn->out;
			vn->dict = fn->best != PL_TRIE_NONE ? vn->fail : fn->dict;
		}
	}
	t->node[0].dict = PL_TRIE_NONE;
}

int pl_trie_build(pl_trie *t, pl_alloc_fn alloc, void *ud, size_t nkeys, pl_trie_key_fn fn,
                  void *ctx, int reverse, int icase, int ac, size_t nids)
{
	dtrie d;
	size_t i;
	int rc = 0;

	memset(t, 0, sizeof(*t));
	t->alloc = alloc;
	t->ud = ud;
	t->icase = icase;
	d.n = NULL;
	d.len = d.cap = 0;
	d.alloc = alloc;
	d.ud = ud;
	if (nids) {
		t->nsame = nids;
		t->same = alloc(ud, NULL, 0, nids * sizeof(*t->same));
		if (t->same == NULL)
			return PL_MAP_ENOMEM;
	}
	if (dnew(&d, 0) == PL_TRIE_NONE)
		rc = PL_MAP_ENOMEM;
	for (i = 0; rc == 0 && i < nkeys; i++) {
		const char *k;
		size_t kl, p;
		uint32_t id, u = 0;

		if (!fn(ctx, i, &k, &kl, &id))
			continue;
		for (p = 0; p < kl && u != PL_TRIE_NONE; p++) {
			unsigned char c = (unsigned char)k[reverse ? kl - 1 - p : p];
			u = dchild(&d, u, icase ? pl_map_fold[c] : c);
		}
		if (u == PL_TRIE_NONE) {
			rc = PL_MAP_ENOMEM;
			break;
		}
		if (t->same) {
			t->same[id] = d.n[u].best;
			d.n[u].best = id;
		} else if (id < d.n[u].best) {
			d.n[u].best = id;
		}
	}
	if (rc == 0)
		rc = flatten(t, &d);
	if (d.n)
		alloc(ud, d.n, d.cap * sizeof(*d.n), 0);
	if (rc == 0 && ac)
		link_ac(t);
	if (rc != 0)
		pl_trie_free(t);
	return rc;
}

/* ---- beg, end, sub over the map's entries ---- */

static int entry_key(void *ctx, size_t i, const char **k, size_t *klen, uint32_t *id)
{
	const pl_map *m = ctx;

	if (m->e[i].key == NULL)
		return 0;
	*k = m->e[i].key;
	*klen = pl_map_klen(&m->e[i]);
	*id = (uint32_t)i;
	return 1;
}

/*
 * beg and end walk a path-compressed copy: a chain of single-child nodes
 * where no key ends becomes one node holding the chain's bytes, so a walk
 * touches a few nodes instead of one per byte.
 */
#define RINLINE 12
typedef struct rnode {
	uint32_t seg, len;        /* bytes in pool: the chain leading here */
	uint32_t first, cnt;      /* children, consecutive; labels = first bytes */
	uint32_t best;
	uint8_t in[RINLINE];      /* the chain itself when short (one cache line less);
	                           * in[0] is always its first byte */
} rnode;

static inline const uint8_t *rseg(const uint8_t *pool, const rnode *n)
{
	return n->len <= RINLINE ? n->in : pool + n->seg;
}

typedef struct rtrie {
	rnode *n;
	size_t nn;
	uint8_t *lab;             /* first byte of child j's chain, by node index */
	uint8_t *pool;
	size_t npool;
	uint32_t root[256];
	int icase;
	int has_nul;              /* some key holds a NUL byte */
} rtrie;

static void rtrie_free(pl_map *m, rtrie *r)
{
	if (r->n)
		pl_map_xalloc(m, r->n, r->nn * sizeof(*r->n), 0);
	if (r->lab)
		pl_map_xalloc(m, r->lab, r->nn, 0);
	if (r->pool)
		pl_map_xalloc(m, r->pool, r->npool, 0);
	pl_map_xalloc(m, r, sizeof(*r), 0);
}

/* Compress t (breadth first: a node's children stay consecutive). */
static int compress(pl_map *m, const pl_trie *t, rtrie **out)
{
	rtrie *r = pl_map_xalloc(m, NULL, 0, sizeof(*r));
	uint32_t *start = NULL;
	size_t head = 1, tail = 1, used = 0, i;

	if (r == NULL)
		return PL_MAP_ENOMEM;
	memset(r, 0, sizeof(*r));
	r->icase = t->icase;
	r->nn = t->nnode;
	r->npool = t->nnode;
	r->n = pl_map_xalloc(m, NULL, 0, r->nn * sizeof(*r->n));
	r->lab = pl_map_xalloc(m, NULL, 0, r->nn);
	r->pool = pl_map_xalloc(m, NULL, 0, r->npool);
	start = pl_map_xalloc(m, NULL, 0, r->nn * sizeof(*start));
	if (r->n == NULL || r->lab == NULL || r->pool == NULL || start == NULL) {
		if (start)
			pl_map_xalloc(m, start, r->nn * sizeof(*start), 0);
		rtrie_free(m, r);
		return PL_MAP_ENOMEM;
	}
	/* node 0: the root, no chain; start[k]: first trie node of node k */
	r->n[0].seg = r->n[0].len = 0;
	r->n[0].best = t->node[0].best;
	r->n[0].first = 1;
	r->n[0].cnt = t->node[0].cnt;
	for (i = 0; i < t->node[0].cnt; i++) {
		start[tail] = (uint32_t)i + 1;
		r->lab[tail++] = t->lab[i];
	}
	while (head < tail) {
		rnode *x = &r->n[head];
		uint32_t u = start[head];
		const pl_trie_node *tn;

		x->seg = (uint32_t)used;
		r->pool[used++] = t->lab[u - 1];
		while (t->node[u].cnt == 1 && t->node[u].best == PL_TRIE_NONE) {
			u = t->node[u].first + 1;
			r->pool[used++] = t->lab[u - 1];
		}
		tn = &t->node[u];
		x->len = (uint32_t)(used - x->seg);
		if (x->len <= RINLINE)
			memcpy(x->in, r->pool + x->seg, x->len);
		else
			x->in[0] = r->pool[x->seg];   /* the label, read by rchild */
		x->best = tn->best;
		x->first = (uint32_t)tail;
		x->cnt = tn->cnt;
		for (i = 0; i < tn->cnt; i++) {
			start[tail] = tn->first + (uint32_t)i + 1;
			r->lab[tail++] = t->lab[tn->first + i];
		}
		head++;
	}
	pl_map_xalloc(m, start, r->nn * sizeof(*start), 0);
	r->has_nul = memchr(r->pool, 0, used) != NULL;
	for (i = 0; i < 256; i++)
		r->root[i] = PL_TRIE_NONE;
	for (i = 1; i < 1 + r->n[0].cnt; i++)
		r->root[r->lab[i]] = (uint32_t)i;
	*out = r;
	return 0;
}

static inline uint32_t rchild(const rtrie *r, uint32_t x, unsigned char c)
{
	const rnode *n;
	uint32_t lo, hi;

	if (x == 0)
		return r->root[c];
	n = &r->n[x];
	lo = n->first;
	hi = lo + n->cnt;
	/* one or two children: their own first bytes, in the lines the walk
	 * reads next anyway, instead of one more line of labels */
	if (n->cnt <= 2) {
		for (; lo < hi; lo++)
			if (r->n[lo].in[0] == c)
				return lo;
		return PL_TRIE_NONE;
	}
	if (n->cnt <= 8) {
		for (; lo < hi; lo++)
			if (r->lab[lo] == c)
				return lo;
		return PL_TRIE_NONE;
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (r->lab[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n->first + n->cnt && r->lab[lo] == c ? lo : PL_TRIE_NONE;
}

static int build_with(pl_map *m, int reverse, int ac)
{
	pl_trie *t = pl_map_xalloc(m, NULL, 0, sizeof(*t));
	rtrie *r;
	int rc;

	if (t == NULL)
		return PL_MAP_ENOMEM;
	rc = pl_trie_build(t, m->alloc, m->ud, m->n, entry_key, m, reverse, m->icase, ac, 0);
	if (rc != 0) {
		pl_map_xalloc(m, t, sizeof(*t), 0);
		return rc;
	}
	if (ac) {
		m->idx = t;
		return 0;
	}
	rc = compress(m, t, &r);
	pl_trie_free(t);
	pl_map_xalloc(m, t, sizeof(*t), 0);
	if (rc == 0)
		m->idx = r;
	return rc;
}

static int beg_build(pl_map *m) { return build_with(m, 0, 0); }
static int end_build(pl_map *m) { return build_with(m, 1, 0); }
static int sub_build(pl_map *m) { return build_with(m, 0, 1); }

static void trie_free(pl_map *m)
{
	if (m->idx != NULL) {
		pl_trie_free(m->idx);
		pl_map_xalloc(m, m->idx, sizeof(pl_trie), 0);
	}
	m->idx = NULL;
}

static void rtrie_drop(pl_map *m)
{
	if (m->idx != NULL)
		rtrie_free(m, m->idx);
	m->idx = NULL;
}

static inline unsigned char fb(int icase, unsigned char c)
{
	return icase ? pl_map_fold[c] : c;
}

/* beg: the deepest node holding a key wins (longest prefix); with -i the
 * earliest, as in HAProxy's list. The query is a C string: it ends at its
 * first NUL, which matters only when a key holds one (else no walk can get
 * past a NUL anyway). */
static int beg_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const rtrie *t = m->idx;
	const unsigned char *s = (const unsigned char *)q->s;
	const char *nul = t->has_nul ? memchr(q->s, '\0', q->len) : NULL;
	size_t ql = nul ? (size_t)(nul - q->s) : q->len, i = 0;
	uint32_t x = 0, best = t->n[0].best, blen = 0;

	(void)scratch;
	while (i < ql) {
		const rnode *n;
		const uint8_t *seg;
		uint32_t j;

		x = rchild(t, x, fb(t->icase, s[i]));
		if (x == PL_TRIE_NONE)
			break;
		n = &t->n[x];
		if (n->len > ql - i)
			break;
		seg = rseg(t->pool, n);
		for (j = 1; j < n->len; j++)
			if (fb(t->icase, s[i + j]) != seg[j])
				break;
		if (j < n->len)
			break;
		i += n->len;
		if (n->best != PL_TRIE_NONE && (!t->icase || n->best < best)) {
			best = n->best;
			blen = t->icase ? 0 : (uint32_t)i;
		}
	}
	r->tier = 0;
	r->len = blen;
	r->idx = best == PL_TRIE_NONE ? SIZE_MAX : best;
	return 0;
}

/* end: every key that ends the query lies on one walk from its last byte. */
static int end_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const rtrie *t = m->idx;
	const unsigned char *s = (const unsigned char *)q->s;
	size_t ql = q->len, i = 0;
	uint32_t x = 0, best = t->n[0].best;

	(void)scratch;
	while (i < ql) {
		const rnode *n;
		const uint8_t *seg;
		uint32_t j;

		x = rchild(t, x, fb(t->icase, s[ql - 1 - i]));
		if (x == PL_TRIE_NONE)
			break;
		n = &t->n[x];
		if (n->len > ql - i)
			break;
		seg = rseg(t->pool, n);
		for (j = 1; j < n->len; j++)
			if (fb(t->icase, s[ql - 1 - i - j]) != seg[j])
				break;
		if (j < n->len)
			break;
		i += n->len;
		if (n->best < best)
			best = n->best;
	}
	r->tier = r->len = 0;
	r->idx = best == PL_TRIE_NONE ? SIZE_MAX : best;
	return 0;
}

static inline unsigned char qbyte(const pl_trie *t, const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return t->icase ? pl_map_fold[c] : c;
}

/* sub: Aho-Corasick; out[] already folds in every key ending at a state. */
static int sub_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const pl_trie *t = m->idx;
	uint32_t u = 0, best = t->node[0].out;
	size_t i;

	(void)scratch;
	for (i = 0; i < q->len && best != 0; i++) {
		unsigned char c = qbyte(t, q->s, i);
		uint32_t v;

		for (;;) {
			v = pl_trie_child(t, u, c);
			if (v != PL_TRIE_NONE || u == 0)
				break;
			u = t->node[u].fail;
		}
		u = v == PL_TRIE_NONE ? 0 : v;
		if (t->node[u].out < best)
			best = t->node[u].out;
	}
	r->tier = r->len = 0;
	r->idx = best == PL_TRIE_NONE ? SIZE_MAX : best;
	return 0;
}

const pl_map_ops pl_map_beg_ops = { beg_build, rtrie_drop, beg_lookup, NULL, NULL, NULL };
const pl_map_ops pl_map_end_ops = { end_build, rtrie_drop, end_lookup, NULL, NULL, NULL };
const pl_map_ops pl_map_sub_ops = { sub_build, trie_free, sub_lookup, NULL, NULL, NULL };
