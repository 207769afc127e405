/*
 * The entry store under every method: entries in HAProxy's order (file lines,
 * then runtime additions), one method index over them, and the updates
 * HAProxy's set_map/del_map make. Entries appended after the index was built
 * are scanned by the reference matcher until there are enough of them to
 * make a rebuild worth it; deletions rebuild the index lazily unless the
 * method updates in place (str).
 */
#include <stdlib.h>
#include <string.h>
#include "map_internal.h"

static const pl_map_ops *ops_for(int method)
{
	switch (method) {
	case PL_MATCH_STR: return &pl_map_str_ops;
	case PL_MATCH_BEG: return &pl_map_beg_ops;
	case PL_MATCH_END: return &pl_map_end_ops;
	case PL_MATCH_SUB: return &pl_map_sub_ops;
	case PL_MATCH_DIR: return &pl_map_dir_ops;
	case PL_MATCH_DOM: return &pl_map_dom_ops;
	case PL_MATCH_REG: return &pl_map_reg_ops;
	case PL_MATCH_INT: return &pl_map_int_ops;
	case PL_MATCH_IP:  return &pl_map_ip_ops;
	default: return NULL;
	}
}

int pl_map_init(pl_map *m, int method, int icase, pl_alloc_fn alloc, void *ud)
{
	memset(m, 0, sizeof(*m));
	m->alloc = alloc;
	m->ud = ud;
	m->method = method;
	m->icase = icase != 0;
	m->ops = ops_for(method);
	return m->ops ? 0 : PL_MAP_EPARSE;
}

static void free_bytes(pl_map *m, const char *p, uint32_t len)
{
	if ((len & PL_MAP_OWN) && p != NULL)
		pl_map_xalloc(m, (void *)(uintptr_t)p, len & PL_MAP_LMASK, 0);
}

static void drop_indexes(pl_map *m)
{
	if (m->idx != NULL)
		m->ops->free(m);
	m->idx = NULL;
	if (m->text != NULL) {
		pl_map_ht_free(m->text, m);
		pl_map_xalloc(m, m->text, sizeof(*m->text), 0);
		m->text = NULL;
	}
	m->built = 0;
	m->dirty = 0;
}

static void drop_entries(pl_map *m)
{
	size_t i;

	for (i = 0; i < m->n; i++) {
		free_bytes(m, m->e[i].key, m->e[i].klen);
		free_bytes(m, m->e[i].val, m->e[i].vlen);
	}
	if (m->e != NULL)
		pl_map_xalloc(m, m->e, m->cap * sizeof(*m->e), 0);
	m->e = NULL;
	m->n = m->cap = m->nlive = m->ndead = 0;
}

void pl_map_free(pl_map *m)
{
	if (m->ops == NULL)
		return;
	drop_indexes(m);
	drop_entries(m);
	if (m->arena != NULL)
		pl_map_xalloc(m, m->arena, m->arena_len + 1, 0);
	m->arena = NULL;
	if (m->release != NULL)
		m->release(m->release_arg);
	m->release = NULL;
	m->ops = NULL;
}

void pl_map_clear(pl_map *m)
{
	drop_indexes(m);
	drop_entries(m);
}

static int push(pl_map *m, const char *k, uint32_t kl, const char *v, uint32_t vl)
{
	pl_map_entry *e;

	if (m->n == m->cap) {
		size_t ncap = m->cap ? m->cap + m->cap / 2 : 16;
		if (ncap >= 0xfffffff0u / 2)
			return PL_MAP_ETOOBIG;
		e = pl_map_xalloc(m, m->e, m->cap * sizeof(*e), ncap * sizeof(*e));
		if (e == NULL)
			return PL_MAP_ENOMEM;
		m->e = e;
		m->cap = ncap;
	}
	e = &m->e[m->n++];
	e->key = k;
	e->klen = kl;
	e->val = v;
	e->vlen = vl;
	m->nlive++;
	return 0;
}

int pl_map_check_key(int method, int icase, const char *key, size_t klen, pl_buf *errmsg)
{
	pl_map_range r;
	pl_map_ipkey ip;

	switch (method) {
	case PL_MATCH_INT: return pl_map_int_parse(key, klen, &r, errmsg);
	case PL_MATCH_IP: return pl_map_ip_parse(key, klen, &ip, errmsg);
	case PL_MATCH_REG: return pl_map_reg_check(key, klen, icase, errmsg);
	default: return 0;
	}
}

struct load_ctx {
	pl_map *m;
	size_t *line;
	pl_buf *errmsg;
};

static int load_line(void *ctx, const char *k, size_t kl, const char *v, size_t vl, size_t line)
{
	struct load_ctx *c = ctx;
	int rc = pl_map_check_key(c->m->method, c->m->icase, k, kl, c->errmsg);

	if (rc == 0)
		rc = push(c->m, k, (uint32_t)kl, v, (uint32_t)vl);
	if (rc != 0)
		*c->line = line;
	return rc;
}

int pl_map_load_text(pl_map *m, char *text, size_t len, size_t *line, pl_buf *errmsg)
{
	struct load_ctx c;
	int rc;

	m->arena = text;
	m->arena_len = len;
	c.m = m;
	c.line = line;
	c.errmsg = errmsg;
	*line = 0;
	if (len > PL_MAP_LMASK)
		return PL_MAP_ETOOBIG;
	rc = pl_map_parse(text, len, load_line, &c);
	if (rc == 0)
		rc = pl_map_prepare(m);
	return rc;
}

static int copy_bytes(pl_map *m, const char *s, size_t n, const char **out, uint32_t *olen)
{
	char *p;

	if (n > PL_MAP_LMASK)
		return PL_MAP_ETOOBIG;
	if (n == 0) {
		*out = "";
		*olen = 0;
		return 0;
	}
	p = pl_map_xalloc(m, NULL, 0, n);
	if (p == NULL)
		return PL_MAP_ENOMEM;
	memcpy(p, s, n);
	*out = p;
	*olen = (uint32_t)n | PL_MAP_OWN;
	return 0;
}

/* str without -i: its own index already finds entries by key text */
static int text_is_idx(const pl_map *m)
{
	return m->method == PL_MATCH_STR && !m->icase;
}

static int text_index(pl_map *m)
{
	size_t i;

	if (text_is_idx(m))
		return m->idx != NULL && !m->dirty && m->built == m->n ? 0 : pl_map_prepare(m);
	if (m->text != NULL)
		return 0;
	m->text = pl_map_xalloc(m, NULL, 0, sizeof(*m->text));
	if (m->text == NULL)
		return PL_MAP_ENOMEM;
	if (pl_map_ht_init(m->text, m, m->nlive, 0) != 0) {
		pl_map_xalloc(m, m->text, sizeof(*m->text), 0);
		m->text = NULL;
		return PL_MAP_ENOMEM;
	}
	for (i = 0; i < m->n; i++)
		if (m->e[i].key != NULL && pl_map_ht_insert(m->text, m, i) != 0)
			return PL_MAP_ENOMEM;
	return 0;
}

int pl_map_append(pl_map *m, const char *key, size_t klen, const char *val, size_t vlen)
{
	const char *k, *v = NULL;
	uint32_t kl, vl = 0;
	int rc;

	if ((rc = copy_bytes(m, key, klen, &k, &kl)) != 0)
		return rc;
	if ((rc = copy_bytes(m, val, vlen, &v, &vl)) != 0 || (rc = push(m, k, kl, v, vl)) != 0) {
		free_bytes(m, k, kl);
		free_bytes(m, v, vl);
		return rc;
	}
	if (m->text != NULL && pl_map_ht_insert(m->text, m, m->n - 1) != 0) {
		/* rebuilt on the next set/del */
		pl_map_ht_free(m->text, m);
		pl_map_xalloc(m, m->text, sizeof(*m->text), 0);
		m->text = NULL;
	}
	/* In-place index: keep it complete; else the entry waits in the overflow. */
	if (m->idx != NULL && m->ops->insert != NULL && m->built == m->n - 1 && !m->dirty) {
		if (m->ops->insert(m, m->n - 1) == 0)
			m->built = m->n;
		else
			m->dirty = 1;
	}
	return 0;
}

struct set_ctx {
	pl_map *m;
	const char *v;
	size_t vlen;
	int rc, found;
};

static int set_one(void *ctx, size_t i)
{
	struct set_ctx *c = ctx;
	pl_map_entry *e = &c->m->e[i];
	const char *v;
	uint32_t vl;

	c->found = 1;
	if ((c->rc = copy_bytes(c->m, c->v, c->vlen, &v, &vl)) != 0)
		return 1;
	free_bytes(c->m, e->val, e->vlen);
	e->val = v;
	e->vlen = vl;
	return 0;
}

int pl_map_set(pl_map *m, const char *key, size_t klen, const char *val, size_t vlen, int *added)
{
	struct set_ctx c;
	int rc;

	*added = 0;
	if ((rc = text_index(m)) != 0)
		return rc;
	c.m = m;
	c.v = val;
	c.vlen = vlen;
	c.rc = c.found = 0;
	pl_map_ht_each(text_is_idx(m) ? m->idx : m->text, m, key, klen, set_one, &c);
	if (c.found)
		return c.rc;
	*added = 1;
	return pl_map_append(m, key, klen, val, vlen);
}

struct del_ctx {
	size_t ids[64];
	size_t n;
};

static int del_collect(void *ctx, size_t i)
{
	struct del_ctx *c = ctx;
	c->ids[c->n++] = i;
	return c->n == 64;
}

size_t pl_map_del(pl_map *m, const char *key, size_t klen)
{
	size_t total = 0;

	if (text_index(m) != 0) {
		/* No memory for the text index: scan. */
		size_t i;
		for (i = 0; i < m->n; i++) {
			pl_map_entry *e = &m->e[i];
			if (e->key == NULL || pl_map_klen(e) != klen || !pl_map_memeq(e->key, key, klen, 0))
				continue;
			if (m->idx != NULL && i < m->built) {
				if (m->ops->remove)
					m->ops->remove(m, i);
				else
					m->dirty = 1;
			}
			free_bytes(m, e->key, e->klen);
			free_bytes(m, e->val, e->vlen);
			e->key = e->val = NULL;
			e->klen = e->vlen = 0;
			m->nlive--;
			m->ndead++;
			total++;
		}
		return total;
	}
	for (;;) {
		struct del_ctx c;
		size_t j;

		c.n = 0;
		pl_map_ht_each(text_is_idx(m) ? m->idx : m->text, m, key, klen, del_collect, &c);
		for (j = 0; j < c.n; j++) {
			size_t i = c.ids[j];
			pl_map_entry *e = &m->e[i];

			if (m->text != NULL)
				pl_map_ht_remove(m->text, m, i);
			if (m->idx != NULL && i < m->built) {
				if (m->ops->remove)
					m->ops->remove(m, i);
				else
					m->dirty = 1;
			}
			free_bytes(m, e->key, e->klen);
			free_bytes(m, e->val, e->vlen);
			e->key = e->val = NULL;
			e->klen = e->vlen = 0;
			m->nlive--;
			m->ndead++;
		}
		total += c.n;
		if (c.n < 64)
			return total;
	}
}

int pl_map_clone(pl_map *dst, const pl_map *src, pl_alloc_fn alloc, void *ud)
{
	size_t i;
	int rc;

	if ((rc = pl_map_init(dst, src->method, src->icase, alloc, ud)) != 0)
		return rc;
	if (src->nlive > 0) {
		dst->e = pl_map_xalloc(dst, NULL, 0, (src->nlive + 16) * sizeof(*dst->e));
		if (dst->e == NULL)
			return PL_MAP_ENOMEM;
		dst->cap = src->nlive + 16;
	}
	for (i = 0; i < src->n; i++) {
		const pl_map_entry *e = &src->e[i];
		const char *k = e->key, *v = e->val;
		uint32_t kl = e->klen, vl = e->vlen;

		if (k == NULL)
			continue;
		if ((kl & PL_MAP_OWN) && (rc = copy_bytes(dst, k, kl & PL_MAP_LMASK, &k, &kl)) != 0)
			return rc;
		if ((vl & PL_MAP_OWN) && (rc = copy_bytes(dst, v, vl & PL_MAP_LMASK, &v, &vl)) != 0) {
			free_bytes(dst, k, kl);
			return rc;
		}
		if ((rc = push(dst, k, kl, v, vl)) != 0) {
			free_bytes(dst, k, kl);
			free_bytes(dst, v, vl);
			return rc;
		}
	}
	return pl_map_prepare(dst);
}

/* Drop deleted entries; indexes hold positions, so they go too. */
static void compact(pl_map *m)
{
	size_t i, j = 0;

	drop_indexes(m);
	for (i = 0; i < m->n; i++)
		if (m->e[i].key != NULL)
			m->e[j++] = m->e[i];
	m->n = j;
	m->ndead = 0;
}

static int overflow_big(const pl_map *m)
{
	return m->n - m->built > 32 + m->built / 8;
}

int pl_map_needs_prepare(const pl_map *m)
{
	return m->idx == NULL || m->dirty || overflow_big(m) ||
	       (m->ops->extend != NULL && m->built < m->n);
}

int pl_map_prepare(pl_map *m)
{
	int rc;

	if (m->idx != NULL && !m->dirty && !overflow_big(m)) {
		if (m->ops->extend != NULL && m->built < m->n)
			return m->ops->extend(m);
		return 0;
	}
	if (m->ndead > 1024 && m->ndead > m->nlive)
		compact(m);
	if (m->idx != NULL)
		m->ops->free(m);
	m->idx = NULL;
	m->dirty = 0;
	m->built = 0;
	if ((rc = m->ops->build(m)) != 0) {
		if (m->idx != NULL)
			m->ops->free(m);
		m->idx = NULL;
		return rc;
	}
	m->built = m->n;
	return 0;
}

size_t pl_map_lookup(const pl_map *m, const pl_map_query *q, void *scratch)
{
	pl_map_rank best, r;
	size_t i;

	best.idx = SIZE_MAX;
	best.tier = best.len = 0;
	if (m->idx != NULL && m->built > 0)
		m->ops->lookup(m, q, scratch, &best);
	for (i = m->built; i < m->n; i++)
		if (m->e[i].key != NULL && pl_map_entry_match(m, i, q, scratch, &r) &&
		    (best.idx == SIZE_MAX || pl_map_rank_less(&r, &best)))
			best = r;
	return best.idx;
}

static int rank_cmp(const void *a, const void *b)
{
	const pl_map_rank *x = a, *y = b;
	return pl_map_rank_less(x, y) ? -1 : pl_map_rank_less(y, x) ? 1 : 0;
}

long pl_map_lookup_all(const pl_map *m, const pl_map_query *q, void *scratch, size_t **out)
{
	pl_map_rank *rk = NULL;
	size_t n = 0, cap = 0, i;
	size_t *res;

	for (i = 0; i < m->n; i++) {
		pl_map_rank r;
		if (m->e[i].key == NULL || !pl_map_entry_match(m, i, q, scratch, &r))
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			pl_map_rank *p = pl_map_xalloc(m, rk, cap * sizeof(*rk), ncap * sizeof(*rk));
			if (p == NULL) {
				pl_map_xalloc(m, rk, cap * sizeof(*rk), 0);
				return PL_MAP_ENOMEM;
			}
			rk = p;
			cap = ncap;
		}
		rk[n++] = r;
	}
	*out = NULL;
	if (n == 0)
		return 0;
	qsort(rk, n, sizeof(*rk), rank_cmp);
	res = pl_map_xalloc(m, NULL, 0, n * sizeof(*res));
	if (res == NULL) {
		pl_map_xalloc(m, rk, cap * sizeof(*rk), 0);
		return PL_MAP_ENOMEM;
	}
	for (i = 0; i < n; i++)
		res[i] = rk[i].idx;
	pl_map_xalloc(m, rk, cap * sizeof(*rk), 0);
	*out = res;
	return (long)n;
}
