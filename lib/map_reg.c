/*
 * reg: PCRE2 regexes compiled as HAProxy 2.6 compiles them (no automatic
 * capture, CASELESS for -i, then JIT); the earliest matching entry wins.
 * Scanning thousands of regexes per lookup is what makes HAProxy slow, so a
 * prefilter first extracts from each regex a literal that every match must
 * contain; one Aho-Corasick pass over the (case-folded) query names the
 * regexes whose literal occurs, and only those, plus the regexes without a
 * usable literal, are run, in entry order.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>
#include "map_internal.h"

typedef struct reg_idx {
	pcre2_general_context *gctx;
	pcre2_compile_context *cctx;
	pcre2_code **code;         /* by entry index; NULL for deleted entries */
	size_t ncode, capcode;
	pl_trie ac;                /* literals, ids chained by ac.same */
	int has_ac;
	uint32_t *always;          /* entries without a literal, ascending */
	size_t nalways;
	size_t built;              /* entries covered by ac/always */
	pl_buf lits;
	pl_alloc_fn alloc;
	void *ud;
} reg_idx;

typedef struct reg_scratch {
	pcre2_match_data *md;
	uint8_t *mark;             /* by entry: already a candidate */
	uint32_t *cand;
	size_t cap;
	uint8_t *nmark;            /* by literal-trie node: its ids already listed */
	uint32_t *nlist;
	size_t ncap;
	pl_alloc_fn alloc;
	void *ud;
} reg_scratch;

/* PCRE2 frees without a size; Lua allocators need it: keep it in front. */
#define HDR 16
static void *gmalloc(PCRE2_SIZE n, void *data)
{
	reg_idx *x = data;
	char *p = x->alloc(x->ud, NULL, 0, n + HDR);
	if (p == NULL)
		return NULL;
	memcpy(p, &n, sizeof(n));
	return p + HDR;
}

static void gfree(void *ptr, void *data)
{
	reg_idx *x = data;
	PCRE2_SIZE n;
	char *p = ptr;

	if (p == NULL)
		return;
	p -= HDR;
	memcpy(&n, p, sizeof(n));
	x->alloc(x->ud, p, n + HDR, 0);
}

static uint32_t flags_for(int icase)
{
	return PCRE2_NO_AUTO_CAPTURE | (icase ? PCRE2_CASELESS : 0);
}

int pl_map_reg_check(const char *key, size_t klen, int icase, pl_buf *errmsg)
{
	int err;
	PCRE2_SIZE off;
	pcre2_code *c = pcre2_compile((PCRE2_SPTR)key, klen, flags_for(icase), &err, &off, NULL);
	PCRE2_UCHAR msg[256];

	if (c != NULL) {
		pcre2_code_free(c);
		return 0;
	}
	if (pcre2_get_error_message(err, msg, sizeof(msg)) < 0)
		strcpy((char *)msg, "unknown error");
	pl_map_errkey(errmsg, "regex '", key, klen, "' is invalid (error=");
	return pl_map_errf(errmsg, "%s, erroffset=%lu)", (const char *)msg, (unsigned long)off);
}

/* ---- scratch: per caller (Lua state), never shared ---- */

void *pl_map_reg_scratch_create(pl_alloc_fn alloc, void *ud)
{
	reg_scratch *s = alloc(ud, NULL, 0, sizeof(*s));

	if (s == NULL)
		return NULL;
	memset(s, 0, sizeof(*s));
	s->alloc = alloc;
	s->ud = ud;
	s->md = pcre2_match_data_create(1, NULL);
	if (s->md == NULL) {
		alloc(ud, s, sizeof(*s), 0);
		return NULL;
	}
	return s;
}

void pl_map_reg_scratch_destroy(void *p)
{
	reg_scratch *s = p;

	if (s == NULL)
		return;
	pcre2_match_data_free(s->md);
	if (s->mark)
		s->alloc(s->ud, s->mark, s->cap, 0);
	if (s->cand)
		s->alloc(s->ud, s->cand, s->cap * sizeof(*s->cand), 0);
	if (s->nmark)
		s->alloc(s->ud, s->nmark, s->ncap, 0);
	if (s->nlist)
		s->alloc(s->ud, s->nlist, s->ncap * sizeof(*s->nlist), 0);
	s->alloc(s->ud, s, sizeof(*s), 0);
}

static int scratch_fit_nodes(reg_scratch *s, size_t n)
{
	uint8_t *mark;
	uint32_t *list;

	if (n <= s->ncap)
		return 0;
	mark = s->alloc(s->ud, NULL, 0, n);
	list = mark ? s->alloc(s->ud, NULL, 0, n * sizeof(*list)) : NULL;
	if (list == NULL) {
		if (mark)
			s->alloc(s->ud, mark, n, 0);
		return -1;
	}
	memset(mark, 0, n);
	if (s->nmark)
		s->alloc(s->ud, s->nmark, s->ncap, 0);
	if (s->nlist)
		s->alloc(s->ud, s->nlist, s->ncap * sizeof(*s->nlist), 0);
	s->nmark = mark;
	s->nlist = list;
	s->ncap = n;
	return 0;
}

static int scratch_fit(reg_scratch *s, size_t n)
{
	uint8_t *mark;
	uint32_t *cand;

	if (n <= s->cap)
		return 0;
	mark = s->alloc(s->ud, NULL, 0, n);
	cand = mark ? s->alloc(s->ud, NULL, 0, n * sizeof(*cand)) : NULL;
	if (cand == NULL) {
		if (mark)
			s->alloc(s->ud, mark, n, 0);
		return -1;
	}
	memset(mark, 0, n);
	if (s->mark)
		s->alloc(s->ud, s->mark, s->cap, 0);
	if (s->cand)
		s->alloc(s->ud, s->cand, s->cap * sizeof(*s->cand), 0);
	s->mark = mark;
	s->cand = cand;
	s->cap = n;
	return 0;
}

static int run(pcre2_code *c, const pl_map_query *q, reg_scratch *s, pcre2_match_data **tmp)
{
	pcre2_match_data *md = s ? s->md : NULL;
	int rc;

	if (md == NULL) {
		if (*tmp == NULL)
			*tmp = pcre2_match_data_create(1, NULL);
		md = *tmp;
		if (md == NULL)
			return 0;
	}
	/* HAProxy treats any failure (no match, JIT stack limit) as no match. */
	rc = pcre2_match(c, (PCRE2_SPTR)q->s, q->len, 0, 0, md, NULL);
	return rc >= 0;
}

int pl_map_reg_match1(const pl_map *m, size_t i, const pl_map_query *q, void *scratch)
{
	const reg_idx *x = m->idx;
	pcre2_match_data *tmp = NULL;
	int r;

	if (x == NULL || i >= x->ncode || x->code[i] == NULL)
		return 0;
	r = run(x->code[i], q, scratch, &tmp);
	if (tmp)
		pcre2_match_data_free(tmp);
	return r;
}

/* ---- literal extraction ---- */

static int is_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t skip_class(const char *p, size_t n, size_t i)
{
	i++;
	if (i < n && p[i] == '^')
		i++;
	if (i < n && p[i] == ']')
		i++;
	while (i < n && p[i] != ']') {
		if (p[i] == '\\')
			i += 2;
		else if (p[i] == '[' && i + 1 < n && p[i + 1] == ':') {
			const char *e = NULL;
			size_t j;
			for (j = i + 2; j + 1 < n; j++)
				if (p[j] == ':' && p[j + 1] == ']') {
					e = p + j;
					break;
				}
			i = e ? (size_t)(e - p) + 2 : i + 1;
		} else
			i++;
	}
	return i + 1;
}

static size_t skip_group(const char *p, size_t n, size_t i)
{
	int depth = 0;

	while (i < n) {
		if (p[i] == '\\')
			i += 2;
		else if (p[i] == '[')
			i = skip_class(p, n, i);
		else {
			if (p[i] == '(')
				depth++;
			else if (p[i] == ')' && --depth == 0)
				return i + 1;
			i++;
		}
	}
	return n;
}

/* {n}, {n,}, {n,m}: a quantifier (PCRE2 10.42 reads anything else literally) */
static size_t quant_brace(const char *p, size_t n, size_t i)
{
	size_t j = i + 1, d1 = 0;

	while (j < n && p[j] >= '0' && p[j] <= '9') { j++; d1++; }
	if (d1 == 0)
		return 0;
	if (j < n && p[j] == ',') {
		j++;
		while (j < n && p[j] >= '0' && p[j] <= '9')
			j++;
	}
	return j < n && p[j] == '}' ? j + 1 - i : 0;
}

/* Patterns whose text we do not read: extended mode, \Q..\E, verbs. */
static int opaque(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		if (p[i] == '\\') {
			if (p[i + 1] == 'Q')
				return 1;
			i++;
			continue;
		}
		if (p[i] == '(' && p[i + 1] == '*')
			return 1;
		if (p[i] == '(' && p[i + 1] == '?') {
			size_t j;
			for (j = i + 2; j < n && strchr("imnsxJU^-", p[j]) && p[j]; j++)
				if (p[j] == 'x')
					return 1;
		}
	}
	return 0;
}

/*
 * The longest run of plain bytes every match must contain, read at the top
 * level only (groups, classes and escapes end a run; a quantifier takes its
 * byte back). Returns 0 when the pattern offers none we can trust.
 */
static int literal_of(const char *p, size_t n, char *out, size_t *olen)
{
	char run[256];
	size_t rl = 0, bl = 0, i = 0, q;

	if (opaque(p, n))
		return 0;
	while (i < n) {
		unsigned char c = (unsigned char)p[i];
		int lit = -1;

		if (c == '\\') {
			if (i + 1 >= n)
				return 0;
			if (!is_alnum((unsigned char)p[i + 1]))
				lit = (unsigned char)p[i + 1];
			else if (p[i + 1] == 'c')
				i++;                  /* \cX: X is any byte */
			i += 2;
			/* \xhh, \ddd, \x{..}, \p{..}: skip whatever may be arguments */
			if (lit < 0) {
				while (i < n && is_alnum((unsigned char)p[i]))
					i++;
				if (i < n && (p[i] == '{' || p[i] == '<' || p[i] == '\'')) {
					char close = p[i] == '{' ? '}' : p[i] == '<' ? '>' : '\'';
					i++;
					while (i < n && p[i++] != close)
						;
				}
			}
		} else if (c == '[') {
			i = skip_class(p, n, i);
		} else if (c == '(') {
			i = skip_group(p, n, i);
		} else if (c == '|' || c == ')') {
			return 0;
		} else if (c == '.' || c == '^' || c == '$') {
			i++;
		} else if (c == '*' || c == '?' || c == '+' || (c == '{' && (q = quant_brace(p, n, i)))) {
			/* the previous byte may be absent or repeated: not in this run */
			if (rl > 0)
				rl--;
			if (rl > bl) {
				memcpy(out, run, rl);
				bl = rl;
			}
			rl = 0;
			i += c == '{' ? quant_brace(p, n, i) : 1;
			if (i < n && (p[i] == '?' || p[i] == '+'))
				i++;
			continue;
		} else {
			lit = c;
			i++;
		}
		if (lit >= 0) {
			if (rl < sizeof(run))
				run[rl++] = (char)lit;
			continue;
		}
		if (rl > bl) {
			memcpy(out, run, rl);
			bl = rl;
		}
		rl = 0;
	}
	if (rl > bl) {
		memcpy(out, run, rl);
		bl = rl;
	}
	*olen = bl;
	return bl > 0;
}

/* ---- the index ---- */

static void reg_free(pl_map *m)
{
	reg_idx *x = m->idx;
	size_t i;

	if (x == NULL)
		return;
	for (i = 0; i < x->ncode; i++)
		if (x->code[i])
			pcre2_code_free(x->code[i]);
	if (x->code)
		pl_map_xalloc(m, x->code, x->capcode * sizeof(*x->code), 0);
	if (x->has_ac)
		pl_trie_free(&x->ac);
	if (x->always)
		pl_map_xalloc(m, x->always, x->built * sizeof(*x->always) + 1, 0);
	pl_buf_free(&x->lits);
	if (x->cctx)
		pcre2_compile_context_free(x->cctx);
	if (x->gctx)
		pcre2_general_context_free(x->gctx);
	pl_map_xalloc(m, x, sizeof(*x), 0);
	m->idx = NULL;
}

/* Compile entries [ncode, n): new entries wait in the overflow scan. */
static int reg_extend(pl_map *m)
{
	reg_idx *x = m->idx;

	if (m->n > x->capcode) {
		size_t ncap = m->n + m->n / 2 + 8;
		pcre2_code **c = pl_map_xalloc(m, x->code, x->capcode * sizeof(*c), ncap * sizeof(*c));
		if (c == NULL)
			return PL_MAP_ENOMEM;
		x->code = c;
		x->capcode = ncap;
	}
	while (x->ncode < m->n) {
		const pl_map_entry *e = &m->e[x->ncode];
		pcre2_code *c = NULL;
		int err;
		PCRE2_SIZE off;

		if (e->key != NULL) {
			c = pcre2_compile((PCRE2_SPTR)e->key, pl_map_klen(e), flags_for(m->icase),
			                  &err, &off, x->cctx);
			if (c == NULL)
				return err == PCRE2_ERROR_NOMEMORY || err == PCRE2_ERROR_HEAPLIMIT
				       ? PL_MAP_ENOMEM : PL_MAP_EPARSE;
			pcre2_jit_compile(c, PCRE2_JIT_COMPLETE);   /* no JIT: interpreted */
		}
		x->code[x->ncode++] = c;
	}
	return 0;
}

struct lit_ctx {
	const pl_map *m;
	const reg_idx *x;
	uint32_t *off, *len;
};

static int lit_key(void *ctx, size_t i, const char **k, size_t *klen, uint32_t *id)
{
	struct lit_ctx *c = ctx;

	if (c->len[i] == 0)
		return 0;
	*k = c->x->lits.data + c->off[i];
	*klen = c->len[i];
	*id = (uint32_t)i;
	return 1;
}

static int reg_build(pl_map *m)
{
	reg_idx *x = pl_map_xalloc(m, NULL, 0, sizeof(*x));
	struct lit_ctx lc;
	size_t i, n = m->n;
	int rc;

	if (x == NULL)
		return PL_MAP_ENOMEM;
	memset(x, 0, sizeof(*x));
	m->idx = x;
	x->alloc = m->alloc;
	x->ud = m->ud;
	pl_buf_init(&x->lits, m->alloc, m->ud);
	x->gctx = pcre2_general_context_create(gmalloc, gfree, x);
	x->cctx = x->gctx ? pcre2_compile_context_create(x->gctx) : NULL;
	if (x->cctx == NULL)
		return PL_MAP_ENOMEM;
	if ((rc = reg_extend(m)) != 0)
		return rc;
	x->built = n;
	x->always = pl_map_xalloc(m, NULL, 0, n * sizeof(*x->always) + 1);
	lc.off = pl_map_xalloc(m, NULL, 0, (n + 1) * sizeof(uint32_t));
	lc.len = pl_map_xalloc(m, NULL, 0, (n + 1) * sizeof(uint32_t));
	rc = x->always && lc.off && lc.len ? 0 : PL_MAP_ENOMEM;
	for (i = 0; rc == 0 && i < n; i++) {
		const pl_map_entry *e = &m->e[i];
		char lit[256];
		size_t ll;

		lc.len[i] = 0;
		if (e->key == NULL)
			continue;
		if (!literal_of(e->key, pl_map_klen(e), lit, &ll)) {
			x->always[x->nalways++] = (uint32_t)i;
			continue;
		}
		lc.off[i] = (uint32_t)x->lits.len;
		lc.len[i] = (uint32_t)ll;
		if (pl_buf_add(&x->lits, lit, ll) != 0)
			rc = PL_MAP_ENOMEM;
	}
	if (rc == 0) {
		lc.m = m;
		lc.x = x;
		/* folded always: a case-sensitive literal is also present folded */
		rc = pl_trie_build(&x->ac, m->alloc, m->ud, n, lit_key, &lc, 0, 1, 1, n ? n : 1);
		x->has_ac = rc == 0;
	}
	if (lc.off)
		pl_map_xalloc(m, lc.off, (n + 1) * sizeof(uint32_t), 0);
	if (lc.len)
		pl_map_xalloc(m, lc.len, (n + 1) * sizeof(uint32_t), 0);
	return rc;
}

static size_t scan_all(const pl_map *m, const reg_idx *x, const pl_map_query *q,
                       reg_scratch *s, pcre2_match_data **tmp)
{
	size_t i;

	for (i = 0; i < x->built; i++)
		if (x->code[i] && run(x->code[i], q, s, tmp))
			return i;
	(void)m;
	return SIZE_MAX;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static size_t filtered(const reg_idx *x, const pl_map_query *q, reg_scratch *s,
                       pcre2_match_data **tmp)
{
	const pl_trie *t = &x->ac;
	size_t nc = 0, nn = 0, i, a = 0, c = 0, res = SIZE_MAX;
	uint32_t u = 0;

	for (i = 0; i < q->len; i++) {
		unsigned char ch = pl_map_fold[(unsigned char)q->s[i]];
		uint32_t v, d;

		for (;;) {
			v = pl_trie_child(t, u, ch);
			if (v != PL_TRIE_NONE || u == 0)
				break;
			u = t->node[u].fail;
		}
		u = v == PL_TRIE_NONE ? 0 : v;
		/* a node seen before had its whole dict chain listed then */
		for (d = t->node[u].best != PL_TRIE_NONE ? u : t->node[u].dict;
		     d != PL_TRIE_NONE && !s->nmark[d]; d = t->node[d].dict) {
			uint32_t id;
			s->nmark[d] = 1;
			s->nlist[nn++] = d;
			for (id = t->node[d].best; id != PL_TRIE_NONE; id = t->same[id])
				if (!s->mark[id]) {
					s->mark[id] = 1;
					s->cand[nc++] = id;
				}
		}
	}
	if (nc > 1)
		qsort(s->cand, nc, sizeof(*s->cand), cmp_u32);
	/* merge the hits with the literal-less regexes, in entry order */
	while (a < nc || c < x->nalways) {
		uint32_t id;
		if (c >= x->nalways || (a < nc && s->cand[a] < x->always[c]))
			id = s->cand[a++];
		else
			id = x->always[c++];
		if (x->code[id] && run(x->code[id], q, s, tmp)) {
			res = id;
			break;
		}
	}
	for (i = 0; i < nc; i++)
		s->mark[s->cand[i]] = 0;
	for (i = 0; i < nn; i++)
		s->nmark[s->nlist[i]] = 0;
	return res;
}

static int reg_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const reg_idx *x = m->idx;
	reg_scratch *s = scratch;
	pcre2_match_data *tmp = NULL;

	r->tier = r->len = 0;
	if (x->has_ac && s != NULL && scratch_fit(s, x->built) == 0 &&
	    scratch_fit_nodes(s, x->ac.nnode) == 0)
		r->idx = filtered(x, q, s, &tmp);
	else
		r->idx = scan_all(m, x, q, s, &tmp);
	if (tmp)
		pcre2_match_data_free(tmp);
	return 0;
}

const pl_map_ops pl_map_reg_ops = { reg_build, reg_free, reg_lookup, reg_extend, NULL, NULL };
