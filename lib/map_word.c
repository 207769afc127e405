/*
 * dir and dom: a key, trimmed of delimiters at both ends, must equal a run of
 * the query that starts at the query's start or after a delimiter and ends
 * at its end or before one. The index hashes trimmed keys (earliest entry per
 * text); a lookup hashes every such run of the query, as long as it holds no
 * more delimiters than the most any key holds.
 */
#include <string.h>
#include "map_internal.h"

#define EMPTY 0xffffffffu

typedef struct word_idx {
	uint32_t *slot;        /* pairs: entry index, hash tag */
	size_t mask;
	size_t maxdelim, maxlen;
	uint32_t empty;        /* earliest key made only of delimiters */
	uint8_t isdelim[256];
} word_idx;

static const char *trim(const word_idx *x, const char *k, size_t *klen)
{
	size_t n = *klen;

	while (n > 0 && x->isdelim[(unsigned char)k[0]]) {
		k++;
		n--;
	}
	while (n > 0 && x->isdelim[(unsigned char)k[n - 1]])
		n--;
	*klen = n;
	return k;
}

/* byte-wise so that a lookup can extend a run one byte at a time */
static inline uint64_t step(uint64_t h, unsigned char c)
{
	return (h ^ c) * 0x100000001b3ULL;
}

static inline uint64_t fin(uint64_t h)
{
	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	h ^= h >> 32;
	return h;
}

static void word_free(pl_map *m)
{
	word_idx *x = m->idx;

	if (x == NULL)
		return;
	if (x->slot)
		pl_map_xalloc(m, x->slot, (x->mask + 1) * 2 * sizeof(uint32_t), 0);
	pl_map_xalloc(m, x, sizeof(*x), 0);
	m->idx = NULL;
}

static int word_build(pl_map *m, const char *delims)
{
	word_idx *x = pl_map_xalloc(m, NULL, 0, sizeof(*x));
	size_t size = 16, i, j;

	if (x == NULL)
		return PL_MAP_ENOMEM;
	memset(x, 0, sizeof(*x));
	m->idx = x;
	for (; *delims; delims++)
		x->isdelim[(unsigned char)*delims] = 1;
	x->empty = EMPTY;
	while (size < m->nlive * 2 + 2)
		size <<= 1;
	x->slot = pl_map_xalloc(m, NULL, 0, size * 2 * sizeof(uint32_t));
	if (x->slot == NULL)
		return PL_MAP_ENOMEM;
	x->mask = size - 1;
	for (j = 0; j < size; j++)
		x->slot[2 * j] = EMPTY;
	for (i = 0; i < m->n; i++) {
		size_t kl = pl_map_klen(&m->e[i]), d = 0, p;
		const char *k;
		uint64_t h = 0xcbf29ce484222325ULL;

		if (m->e[i].key == NULL)
			continue;
		k = trim(x, m->e[i].key, &kl);
		if (kl == 0) {
			if (x->empty == EMPTY)
				x->empty = (uint32_t)i;
			continue;
		}
		for (p = 0; p < kl; p++) {
			unsigned char c = (unsigned char)k[p];
			d += x->isdelim[c];
			h = step(h, m->icase ? pl_map_fold[c] : c);
		}
		h = fin(h);
		if (d > x->maxdelim)
			x->maxdelim = d;
		if (kl > x->maxlen)
			x->maxlen = kl;
		for (j = (size_t)h & x->mask; x->slot[2 * j] != EMPTY; j = (j + 1) & x->mask) {
			size_t ol = pl_map_klen(&m->e[x->slot[2 * j]]);
			const char *o = trim(x, m->e[x->slot[2 * j]].key, &ol);
			if (x->slot[2 * j + 1] == (uint32_t)(h >> 32) && ol == kl &&
			    pl_map_memeq(o, k, kl, m->icase))
				break;              /* same text: the earlier entry stays */
		}
		if (x->slot[2 * j] == EMPTY) {
			x->slot[2 * j] = (uint32_t)i;
			x->slot[2 * j + 1] = (uint32_t)(h >> 32);
		}
	}
	return 0;
}

static uint32_t probe(const pl_map *m, const word_idx *x, uint64_t h, const char *s, size_t n)
{
	size_t j;

	for (j = (size_t)h & x->mask; x->slot[2 * j] != EMPTY; j = (j + 1) & x->mask) {
		size_t kl;
		const char *k;

		if (x->slot[2 * j + 1] != (uint32_t)(h >> 32))
			continue;
		kl = pl_map_klen(&m->e[x->slot[2 * j]]);
		k = trim(x, m->e[x->slot[2 * j]].key, &kl);
		if (kl == n && pl_map_memeq(k, s, n, m->icase))
			return x->slot[2 * j];
	}
	return EMPTY;
}

static int word_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const word_idx *x = m->idx;
	const unsigned char *s = (const unsigned char *)q->s;
	size_t n = q->len, st;
	uint32_t best = EMPTY;

	(void)scratch;
	if (x->empty != EMPTY && (n == 0 || x->isdelim[s[n - 1]]))
		best = x->empty;
	for (st = 0; st < n; st++) {
		uint64_t h = 0xcbf29ce484222325ULL;
		size_t e, d = 0;

		if (x->isdelim[s[st]] || (st > 0 && !x->isdelim[s[st - 1]]))
			continue;
		for (e = st; e < n && e - st < x->maxlen; ) {
			unsigned char c = s[e];
			h = step(h, m->icase ? pl_map_fold[c] : c);
			e++;
			if (e == n || x->isdelim[s[e]]) {
				uint32_t i = probe(m, x, fin(h), q->s + st, e - st);
				if (i < best)
					best = i;
			}
			if (e < n && x->isdelim[s[e]] && ++d > x->maxdelim)
				break;
		}
	}
	r->tier = r->len = 0;
	r->idx = best == EMPTY ? SIZE_MAX : best;
	return 0;
}

static int dir_build(pl_map *m) { return word_build(m, "/?"); }
static int dom_build(pl_map *m) { return word_build(m, "/?.:"); }

const pl_map_ops pl_map_dir_ops = { dir_build, word_free, word_lookup, NULL, NULL, NULL };
const pl_map_ops pl_map_dom_ops = { dom_build, word_free, word_lookup, NULL, NULL, NULL };
