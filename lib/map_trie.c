/*
 * Byte tries for beg (longest prefix), end (keys reversed: every suffix of
 * the query is one walk) and sub (Aho-Corasick: every key occurring in the
 * query in one pass). Built as a linked trie, then flattened breadth first so
 * a node's children are consecutive and edge j leads to node j + 1.
 */
#include <string.h>
#include "proxylua/map.h"

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

static int build_with(pl_map *m, int reverse, int ac)
{
	pl_trie *t = pl_map_xalloc(m, NULL, 0, sizeof(*t));
	int rc;

	if (t == NULL)
		return PL_MAP_ENOMEM;
	rc = pl_trie_build(t, m->alloc, m->ud, m->n, entry_key, m, reverse, m->icase, ac, 0);
	if (rc != 0) {
		pl_map_xalloc(m, t, sizeof(*t), 0);
		return rc;
	}
	m->idx = t;
	return 0;
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

static inline unsigned char qbyte(const pl_trie *t, const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	return t->icase ? pl_map_fold[c] : c;
}

/* beg: the deepest node holding a key wins (longest prefix); C-string query. */
static int beg_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const pl_trie *t = m->idx;
	uint32_t u = 0, best = t->node[0].best, blen = 0;
	size_t i;

	(void)scratch;
	for (i = 0; i < q->len && q->s[i] != '\0'; i++) {
		u = pl_trie_child(t, u, qbyte(t, q->s, i));
		if (u == PL_TRIE_NONE)
			break;
		if (t->node[u].best != PL_TRIE_NONE) {
			best = t->node[u].best;
			blen = (uint32_t)i + 1;
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
	const pl_trie *t = m->idx;
	uint32_t u = 0, best = t->node[0].best;
	size_t i;

	(void)scratch;
	for (i = q->len; i > 0; i--) {
		u = pl_trie_child(t, u, qbyte(t, q->s, i - 1));
		if (u == PL_TRIE_NONE)
			break;
		if (t->node[u].best < best)
			best = t->node[u].best;
	}
	r->tier = r->len = 0;
	r->idx = best == PL_TRIE_NONE ? SIZE_MAX : best;
	return 0;
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

const pl_map_ops pl_map_beg_ops = { beg_build, trie_free, beg_lookup, NULL, NULL, NULL };
const pl_map_ops pl_map_end_ops = { end_build, trie_free, end_lookup, NULL, NULL, NULL };
const pl_map_ops pl_map_sub_ops = { sub_build, trie_free, sub_lookup, NULL, NULL, NULL };
