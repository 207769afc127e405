/*
 * str: exact match, the earliest entry among equal keys. An open-addressing
 * table of entry indexes (8 bytes a slot: index + hash tag); equal keys may
 * take several slots, a lookup keeps the smallest index of its probe run.
 * The same table, without folding, finds entries by key text for set/del.
 */
#include <string.h>
#include "map_internal.h"

#define EMPTY 0xffffffffu
#define TOMB  0xfffffffeu

static uint32_t tag_of(uint64_t h)
{
	return (uint32_t)(h >> 32);
}

static int ht_alloc(pl_map_ht *h, const pl_map *m, size_t nslots)
{
	size_t i;

	h->slot = pl_map_xalloc(m, NULL, 0, nslots * 2 * sizeof(uint32_t));
	if (h->slot == NULL)
		return PL_MAP_ENOMEM;
	for (i = 0; i < nslots; i++) {
		h->slot[2 * i] = EMPTY;
		h->slot[2 * i + 1] = 0;
	}
	h->mask = nslots - 1;
	h->used = h->live = 0;
	return 0;
}

static size_t slots_for(size_t n)
{
	size_t s = 16;
	while (s < n * 2 + 2)
		s <<= 1;
	return s;
}

int pl_map_ht_init(pl_map_ht *h, const pl_map *m, size_t hint, int icase)
{
	h->icase = icase;
	return ht_alloc(h, m, slots_for(hint));
}

void pl_map_ht_free(pl_map_ht *h, const pl_map *m)
{
	if (h->slot != NULL)
		pl_map_xalloc(m, h->slot, (h->mask + 1) * 2 * sizeof(uint32_t), 0);
	h->slot = NULL;
}

static void put(pl_map_ht *h, uint64_t hv, size_t i)
{
	size_t j = (size_t)hv & h->mask;

	while (h->slot[2 * j] != EMPTY && h->slot[2 * j] != TOMB)
		j = (j + 1) & h->mask;
	if (h->slot[2 * j] == EMPTY)
		h->used++;
	h->slot[2 * j] = (uint32_t)i;
	h->slot[2 * j + 1] = tag_of(hv);
	h->live++;
}

static uint64_t hash_entry(const pl_map_ht *h, const pl_map *m, size_t i)
{
	return pl_map_hash(m->e[i].key, pl_map_klen(&m->e[i]), h->icase);
}

static int rehash(pl_map_ht *h, const pl_map *m, size_t want)
{
	pl_map_ht old = *h;
	size_t j;

	if (ht_alloc(h, m, slots_for(want)) != 0) {
		*h = old;
		return PL_MAP_ENOMEM;
	}
	for (j = 0; j <= old.mask; j++) {
		uint32_t i = old.slot[2 * j];
		if (i != EMPTY && i != TOMB)
			put(h, hash_entry(h, m, i), i);
	}
	pl_map_ht_free(&old, m);
	return 0;
}

int pl_map_ht_insert(pl_map_ht *h, const pl_map *m, size_t i)
{
	if (i >= TOMB)
		return PL_MAP_ETOOBIG;
	if ((h->used + 1) * 10 > (h->mask + 1) * 7 && rehash(h, m, h->live + 1) != 0)
		return PL_MAP_ENOMEM;
	put(h, hash_entry(h, m, i), i);
	return 0;
}

void pl_map_ht_remove(pl_map_ht *h, const pl_map *m, size_t i)
{
	size_t j = (size_t)hash_entry(h, m, i) & h->mask;

	while (h->slot[2 * j] != EMPTY) {
		if (h->slot[2 * j] == (uint32_t)i) {
			h->slot[2 * j] = TOMB;
			h->live--;
			return;
		}
		j = (j + 1) & h->mask;
	}
}

int pl_map_ht_each(const pl_map_ht *h, const pl_map *m, const char *k, size_t klen,
                   int (*fn)(void *ctx, size_t i), void *ctx)
{
	uint64_t hv = pl_map_hash(k, klen, h->icase);
	uint32_t tag = tag_of(hv);
	size_t j = (size_t)hv & h->mask;

	for (; h->slot[2 * j] != EMPTY; j = (j + 1) & h->mask) {
		uint32_t i = h->slot[2 * j];
		const pl_map_entry *e;
		int rc;

		if (i == TOMB || h->slot[2 * j + 1] != tag)
			continue;
		e = &m->e[i];
		if (pl_map_klen(e) != klen || !pl_map_memeq(e->key, k, klen, h->icase))
			continue;
		if ((rc = fn(ctx, i)) != 0)
			return rc;
	}
	return 0;
}

size_t pl_map_ht_find(const pl_map_ht *h, const pl_map *m, const char *k, size_t klen)
{
	uint64_t hv = pl_map_hash(k, klen, h->icase);
	uint32_t tag = tag_of(hv);
	size_t j = (size_t)hv & h->mask, best = SIZE_MAX;

	for (; h->slot[2 * j] != EMPTY; j = (j + 1) & h->mask) {
		uint32_t i = h->slot[2 * j];
		const pl_map_entry *e;

		if (i == TOMB || h->slot[2 * j + 1] != tag || i >= best)
			continue;
		e = &m->e[i];
		if (pl_map_klen(e) == klen && pl_map_memeq(e->key, k, klen, h->icase))
			best = i;
	}
	return best;
}

/* ---- the str method ---- */

static int str_build(pl_map *m)
{
	pl_map_ht *h = pl_map_xalloc(m, NULL, 0, sizeof(*h));
	size_t i;

	if (h == NULL)
		return PL_MAP_ENOMEM;
	if (pl_map_ht_init(h, m, m->nlive, m->icase) != 0) {
		pl_map_xalloc(m, h, sizeof(*h), 0);
		return PL_MAP_ENOMEM;
	}
	m->idx = h;
	for (i = 0; i < m->n; i++)
		if (m->e[i].key != NULL && pl_map_ht_insert(h, m, i) != 0)
			return PL_MAP_ENOMEM;
	return 0;
}

static void str_free(pl_map *m)
{
	pl_map_ht *h = m->idx;

	if (h != NULL) {
		pl_map_ht_free(h, m);
		pl_map_xalloc(m, h, sizeof(*h), 0);
	}
	m->idx = NULL;
}

/*
 * HAProxy looks str keys up in its tree as C strings: the query ends at its
 * first NUL. With -i the keys sit in its list, compared over the query's
 * whole length instead.
 */
static int str_lookup(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r)
{
	const char *nul = m->icase ? NULL : memchr(q->s, '\0', q->len);
	size_t len = nul ? (size_t)(nul - q->s) : q->len;

	(void)scratch;
	r->tier = r->len = 0;
	r->idx = pl_map_ht_find(m->idx, m, q->s, len);
	return 0;
}

static int str_insert(pl_map *m, size_t i)
{
	return pl_map_ht_insert(m->idx, m, i);
}

static void str_remove(pl_map *m, size_t i)
{
	pl_map_ht_remove(m->idx, m, i);
}

const pl_map_ops pl_map_str_ops = {
	str_build, str_free, str_lookup, NULL, str_insert, str_remove
};
