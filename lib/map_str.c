/*
 * str: exact match, the earliest entry among equal keys. An open-addressing
 * table (8 bytes a slot: entry index + hash tag) with one slot per distinct
 * key; entries sharing a key hang off it in a circular list kept in index
 * order, so the slot's entry is the earliest and a file repeating one key
 * a million times loads in linear time (a slot per entry made every insert
 * walk the whole run of its duplicates). The same table, without folding,
 * finds entries by key text for set/del.
 */
#include <string.h>
#include "map_internal.h"

#define EMPTY 0xffffffffu
#define TOMB  0xfffffffeu
/* the equal-key list; NEXT == EMPTY: entry not in the table */
#define NEXT(h, i) ((h)->link[2 * (size_t)(i)])
#define PREV(h, i) ((h)->link[2 * (size_t)(i) + 1])

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
	h->link = NULL;
	h->lcap = 0;
	h->probes = 0;
	return ht_alloc(h, m, slots_for(hint));
}

void pl_map_ht_free(pl_map_ht *h, const pl_map *m)
{
	if (h->slot != NULL)
		pl_map_xalloc(m, h->slot, (h->mask + 1) * 2 * sizeof(uint32_t), 0);
	h->slot = NULL;
	if (h->link != NULL)
		pl_map_xalloc(m, h->link, h->lcap * 2 * sizeof(uint32_t), 0);
	h->link = NULL;
	h->lcap = 0;
}

/* Room in link for entry i (sized like the entry array, which grows alike). */
static int links_for(pl_map_ht *h, const pl_map *m, size_t i)
{
	size_t ncap, j;
	uint32_t *l;

	if (i < h->lcap)
		return 0;
	ncap = m->cap > i ? m->cap : i + 1;
	if (ncap < h->lcap + h->lcap / 2)
		ncap = h->lcap + h->lcap / 2;
	l = pl_map_xalloc(m, h->link, h->lcap * 2 * sizeof(*l), ncap * 2 * sizeof(*l));
	if (l == NULL)
		return PL_MAP_ENOMEM;
	for (j = h->lcap; j < ncap; j++)
		l[2 * j] = l[2 * j + 1] = EMPTY;
	h->link = l;
	h->lcap = ncap;
	return 0;
}

/*
 * The slot of key k, or SIZE_MAX; *reuse gets the first slot on the way a
 * new key may take (a tombstone or the empty slot that ends the run).
 * *steps counts slots visited.
 */
static size_t probe(const pl_map_ht *h, const pl_map *m, uint64_t hv, const char *k,
                    size_t klen, size_t *reuse, size_t *steps)
{
	uint32_t tag = tag_of(hv);
	size_t j = (size_t)hv & h->mask, r = SIZE_MAX, n = 0;

	for (;; j = (j + 1) & h->mask) {
		uint32_t i = h->slot[2 * j];
		const pl_map_entry *e;

		n++;
		if (i == EMPTY) {
			if (r == SIZE_MAX)
				r = j;
			break;
		}
		if (i == TOMB) {
			if (r == SIZE_MAX)
				r = j;
			continue;
		}
		if (h->slot[2 * j + 1] != tag)
			continue;
		e = &m->e[i];
		if (pl_map_klen(e) == klen && pl_map_memeq(e->key, k, klen, h->icase)) {
			if (steps != NULL)
				*steps += n;
			return j;
		}
	}
	if (steps != NULL)
		*steps += n;
	if (reuse != NULL)
		*reuse = r;
	return SIZE_MAX;
}

static uint64_t hash_entry(const pl_map_ht *h, const pl_map *m, size_t i)
{
	return pl_map_hash(m->e[i].key, pl_map_klen(&m->e[i]), h->icase);
}

/* a fresh table (no tombstones) takes key head at the end of its run */
static void put_head(pl_map_ht *h, uint64_t hv, uint32_t i)
{
	size_t j = (size_t)hv & h->mask;

	while (h->slot[2 * j] != EMPTY)
		j = (j + 1) & h->mask;
	h->used++;
	h->live++;
	h->slot[2 * j] = i;
	h->slot[2 * j + 1] = tag_of(hv);
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
			put_head(h, hash_entry(h, m, i), i);
	}
	pl_map_xalloc(m, old.slot, (old.mask + 1) * 2 * sizeof(uint32_t), 0);
	return 0;
}

/* Entry i joins the list whose first entry sits in slot j, in index order.
 * Entries come in increasing order (loads, appends): after the last. */
static void join(pl_map_ht *h, size_t j, uint32_t i)
{
	uint32_t head = h->slot[2 * j], after = PREV(h, head);

	if (i < head) {
		h->slot[2 * j] = i;               /* before the first = after the last */
	} else if (i < after) {
		while (after > i)
			after = PREV(h, after);
		if (after == i)
			return;                       /* already there */
	} else if (i == after) {
		return;
	}
	NEXT(h, i) = NEXT(h, after);
	PREV(h, i) = after;
	PREV(h, NEXT(h, after)) = i;
	NEXT(h, after) = i;
}

int pl_map_ht_insert(pl_map_ht *h, const pl_map *m, size_t i)
{
	const pl_map_entry *e;
	uint64_t hv;
	size_t j, reuse;

	if (i >= TOMB)
		return PL_MAP_ETOOBIG;
	if (links_for(h, m, i) != 0)
		return PL_MAP_ENOMEM;
	e = &m->e[i];
	hv = hash_entry(h, m, i);
	j = probe(h, m, hv, e->key, pl_map_klen(e), &reuse, &h->probes);
	if (j != SIZE_MAX) {
		join(h, j, (uint32_t)i);
		return 0;
	}
	if ((h->used + 1) * 10 > (h->mask + 1) * 7) {
		if (rehash(h, m, h->live + 1) != 0)
			return PL_MAP_ENOMEM;
		probe(h, m, hv, e->key, pl_map_klen(e), &reuse, &h->probes);
	}
	if (h->slot[2 * reuse] == EMPTY)
		h->used++;
	h->live++;
	h->slot[2 * reuse] = (uint32_t)i;
	h->slot[2 * reuse + 1] = tag_of(hv);
	NEXT(h, i) = PREV(h, i) = (uint32_t)i;
	return 0;
}

void pl_map_ht_remove(pl_map_ht *h, const pl_map *m, size_t i)
{
	const pl_map_entry *e = &m->e[i];
	uint32_t next;
	size_t j;

	if (i >= h->lcap || NEXT(h, i) == EMPTY)
		return;
	j = probe(h, m, hash_entry(h, m, i), e->key, pl_map_klen(e), NULL, &h->probes);
	if (j == SIZE_MAX)
		return;
	next = NEXT(h, i);
	if (next == i) {
		h->slot[2 * j] = TOMB;
		h->live--;
	} else {
		PREV(h, next) = PREV(h, i);
		NEXT(h, PREV(h, i)) = next;
		if (h->slot[2 * j] == i)
			h->slot[2 * j] = next;
	}
	NEXT(h, i) = PREV(h, i) = EMPTY;
}

int pl_map_ht_each(const pl_map_ht *h, const pl_map *m, const char *k, size_t klen,
                   int (*fn)(void *ctx, size_t i), void *ctx)
{
	size_t j = probe(h, m, pl_map_hash(k, klen, h->icase), k, klen, NULL, NULL);
	uint32_t head, i;

	if (j == SIZE_MAX)
		return 0;
	head = i = h->slot[2 * j];
	do {
		uint32_t next = NEXT(h, i);
		int rc = fn(ctx, i);
		if (rc != 0)
			return rc;
		i = next;
	} while (i != head);
	return 0;
}

size_t pl_map_ht_find(const pl_map_ht *h, const pl_map *m, const char *k, size_t klen)
{
	size_t j = probe(h, m, pl_map_hash(k, klen, h->icase), k, klen, NULL, NULL);

	return j == SIZE_MAX ? SIZE_MAX : h->slot[2 * j];
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
