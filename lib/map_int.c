/*
 * int: ranges, the earliest entry containing the query wins. The index cuts
 * the integer line at every range end into elementary segments and stores
 * each segment's winner; a lookup is one binary search.
 */
#include <stdlib.h>
#include <string.h>
#include "map_internal.h"

/* Plain decimal, '-' allowed first, within int64; a lone "-" reads as 0. */
static int to_int(const char *s, size_t n, int64_t *out)
{
	uint64_t v = 0, lim;
	int neg = 0;
	size_t i = 0;

	if (n == 0)
		return -1;
	if (s[0] == '-') {
		neg = 1;
		i = 1;
		if (n == 1) {
			*out = 0;
			return 0;
		}
	}
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; i < n; i++) {
		unsigned d = (unsigned char)s[i] - '0';
		if (d > 9 || v > (lim - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
	return 0;
}

int pl_map_int_parse(const char *key, size_t klen, pl_map_range *r, pl_buf *errmsg)
{
	size_t sep = 0;
	const char *hi_s;
	size_t hi_n;

	while (sep < klen && key[sep] != ':' && key[sep] != '-')
		sep++;
	if (sep == klen) {
		if (to_int(key, klen, &r->lo) != 0)
			return pl_map_errkey(errmsg, "'", key, klen, "' is not a number");
		r->hi = r->lo;
		return 0;
	}
	hi_s = key + sep + 1;
	hi_n = klen - sep - 1;
	if (sep == 0 && hi_n > 0) {                 /* ":B", "-B": at most B */
		r->lo = INT64_MIN;
		if (to_int(hi_s, hi_n, &r->hi) == 0)
			return 0;
	} else if (hi_n == 0) {                     /* "A:", "A-": at least A */
		r->hi = INT64_MAX;
		if (sep > 0 && to_int(key, sep, &r->lo) == 0)
			return 0;
	} else if (to_int(key, sep, &r->lo) == 0 && to_int(hi_s, hi_n, &r->hi) == 0 &&
	           r->lo <= r->hi) {
		return 0;
	}
	return pl_map_errkey(errmsg, "'", key, klen, "' is not a valid number range");
}

typedef struct int_idx {
	int64_t *b;       /* segment starts, ascending */
	uint32_t *win;    /* winner entry per segment, or UINT32_MAX */
	size_t k, cap;
} int_idx;

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return x < y ? -1 : x > y;
}

/* index of the last segment starting at or before v, or SIZE_MAX */
static size_t seg_of(const int_idx *x, int64_t v)
{
	size_t lo = 0, hi = x->k;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->b[mid] <= v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? SIZE_MAX : lo - 1;
}

static size_t find_next(uint32_t *nxt, size_t j)
{
	size_t r = j;
	while (nxt[r] != r)
		r = nxt[r];
	while (nxt[j] != r) {      /* path compression */
		size_t t = nxt[j];
		nxt[j] = (uint32_t)r;
		j = t;
	}
	return r;
}

static void int_free(pl_map *m)
{
	int_idx *x = m->idx;

	if (x == NULL)
		return;
	pl_map_xalloc(m, x->b, x->cap * sizeof(*x->b), 0);
	pl_map_xalloc(m, x->win, x->cap * sizeof(*x->win), 0);
	pl_map_xalloc(m, x, sizeof(*x), 0);
	m->idx = NULL;
}

static int int_build(pl_map *m)
{
	int_idx *x = pl_map_xalloc(m, NULL, 0, sizeof(*x));
	size_t i, k = 0, cap = 2 * m->n + 1, j;
	uint32_t *nxt;

	if (x == NULL)
		return PL_MAP_ENOMEM;
	memset(x, 0, sizeof(*x));
	m->idx = x;
	x->cap = cap;
	x->b = pl_map_xalloc(m, NULL, 0, cap * sizeof(*x->b));
	x->win = pl_map_xalloc(m, NULL, 0, cap * sizeof(*x->win));
	if (x->b == NULL || x->win == NULL)
		return PL_MAP_ENOMEM;
	for (i = 0; i < m->n; i++) {
		pl_map_range r;
		if (m->e[i].key == NULL || pl_map_int_parse(m->e[i].key, pl_map_klen(&m->e[i]), &r, NULL))
			continue;
		x->b[k++] = r.lo;
		if (r.hi < INT64_MAX)
			x->b[k++] = r.hi + 1;
	}
	qsort(x->b, k, sizeof(*x->b), cmp_i64);
	for (i = j = 0; i < k; i++)
		if (j == 0 || x->b[j - 1] != x->b[i])
			x->b[j++] = x->b[i];
	k = j;
	x->k = k;
	nxt = pl_map_xalloc(m, NULL, 0, (k + 1) * sizeof(*nxt));
	if (nxt == NULL)
		return PL_MAP_ENOMEM;
	for (j = 0; j <= k; j++)
		nxt[j] = (uint32_t)j;
	for (j = 0; j < k; j++)
		x->win[j] = UINT32_MAX;
	/* Paint segments in entry order: a segment keeps its first painter. */
	for (i = 0; i < m->n; i++) {
		pl_map_range r;
		size_t a, z;
		if (m->e[i].key == NULL || pl_map_int_parse(m->e[i].key, pl_map_klen(&m->e[i]), &r, NULL))
			continue;
		a = seg_of(x, r.lo);
		z = r.hi < INT64_MAX ? seg_of(x, r.hi) : k - 1;
		for (j = find_next(nxt, a); j <= z; j = find_next(nxt, j)) {
			x->win[j] = (uint32_t)i;
			nxt[j] = (uint32_t)(j + 1);
		}
	}
	pl_map_xalloc(m, nxt, (k + 1) * sizeof(*nxt), 0);
	return 0;
}

static int int_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const int_idx *x = m->idx;
	size_t j = seg_of(x, q->i);

	(void)scratch;
	r->tier = r->len = 0;
	r->idx = (j == SIZE_MAX || x->win[j] == UINT32_MAX) ? SIZE_MAX : x->win[j];
	return 0;
}

const pl_map_ops pl_map_int_ops = { int_build, int_free, int_lookup, NULL, NULL, NULL };
