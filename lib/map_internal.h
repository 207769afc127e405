/*
 * lib/map_*.c among themselves: how the map library is built inside (the
 * key-text hash table, the file splitter, the per-method indexes and key
 * parsers, the byte trie, shared helpers). Private to lib/ and its unit
 * tests (tests/c/); bindings use include/proxylua/map.h only.
 */
#ifndef PROXYLUA_MAP_INTERNAL_H
#define PROXYLUA_MAP_INTERNAL_H

#include "proxylua/map.h"

/* HAProxy reads map lines with fgets() into a 16 KB buffer. */
#define PL_MAP_LINE_CHUNK 16383

/* Open-addressing table of entry indexes by key bytes (duplicates allowed). */
struct pl_map_ht {
	uint32_t *slot;           /* pairs: entry index (or EMPTY/TOMB), hash tag */
	size_t mask, used, live;
	int icase;
};
int pl_map_ht_init(pl_map_ht *h, const pl_map *m, size_t hint, int icase);
void pl_map_ht_free(pl_map_ht *h, const pl_map *m);
int pl_map_ht_insert(pl_map_ht *h, const pl_map *m, size_t i);
void pl_map_ht_remove(pl_map_ht *h, const pl_map *m, size_t i);
/* smallest entry index whose key equals k (SIZE_MAX if none) */
size_t pl_map_ht_find(const pl_map_ht *h, const pl_map *m, const char *k, size_t klen);
/* calls fn for every entry whose key equals k; stops on nonzero */
int pl_map_ht_each(const pl_map_ht *h, const pl_map *m, const char *k, size_t klen,
                   int (*fn)(void *ctx, size_t i), void *ctx);

/* The file splitter: fn gets each entry and its line number. */
typedef int (*pl_map_line_fn)(void *ctx, const char *key, size_t klen,
                              const char *val, size_t vlen, size_t line);
/* Splits text the way HAProxy reads a map file, calling fn per entry. */
int pl_map_parse(const char *text, size_t len, pl_map_line_fn fn, void *ctx);

/* The identity of a file without reading it. */
int pl_map_stat_file(const char *path, pl_map_fileid *id);

/* malloc-backed allocator for maps shared by several Lua states. */
void *pl_map_malloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* Does entry i match, and with which rank (the reference matcher). */
int pl_map_entry_match(const pl_map *m, size_t i, const pl_map_query *q, void *scratch,
                       pl_map_rank *r);
static inline int pl_map_rank_less(const pl_map_rank *a, const pl_map_rank *b)
{
	if (a->tier != b->tier)
		return a->tier < b->tier;
	if (a->len != b->len)
		return a->len > b->len;
	return a->idx < b->idx;
}

/* Per-method pieces (lib/map_<method>.c). */
extern const pl_map_ops pl_map_str_ops, pl_map_beg_ops, pl_map_end_ops,
	pl_map_sub_ops, pl_map_dir_ops, pl_map_dom_ops, pl_map_reg_ops,
	pl_map_int_ops, pl_map_ip_ops;

/* int keys: lo/hi with open ends flagged. */
typedef struct pl_map_range {
	int64_t lo, hi;
} pl_map_range;
int pl_map_int_parse(const char *key, size_t klen, pl_map_range *r, pl_buf *errmsg);

/* ip keys. kind 4: v4 network with a contiguous mask (plen); kind 5: v4 with
 * a non-contiguous mask; kind 6: v6 network (plen). */
typedef struct pl_map_ipkey {
	int kind;
	uint32_t v4, mask4;
	uint8_t v6[16];
	unsigned plen;
} pl_map_ipkey;
int pl_map_ip_parse(const char *key, size_t klen, pl_map_ipkey *k, pl_buf *errmsg);

/* reg: compile check and error text, used by pl_map_check_key. */
int pl_map_reg_check(const char *key, size_t klen, int icase, pl_buf *errmsg);

/* does regex entry i match (its compiled code, kept by the index) */
int pl_map_reg_match1(const pl_map *m, size_t i, const pl_map_query *q, void *scratch);

/*
 * A byte trie (lib/map_trie.c), flattened breadth first with sorted edges.
 * beg walks it forward, end over reversed keys; with ac set it also gets
 * Aho-Corasick failure links for sub and reg's literal prefilter.
 */
#define PL_TRIE_NONE 0xffffffffu
typedef struct pl_trie_node {
	uint32_t first, cnt;  /* edges [first, first + cnt) */
	uint32_t best;        /* smallest id of the keys ending here (with same: any) */
	uint32_t fail;        /* ac: longest proper suffix that is a node */
	uint32_t out;         /* ac: smallest id ending here or along fail links */
	uint32_t dict;        /* ac: next node along fail links where a key ends */
} pl_trie_node;
typedef struct pl_trie {
	pl_trie_node *node;
	size_t nnode;
	uint8_t *lab;         /* edge j leads to node j + 1 (breadth-first order) */
	uint32_t root[256];
	uint32_t *same;       /* optional: next id with the same key, by id */
	size_t nsame;
	int icase;
	pl_alloc_fn alloc;
	void *ud;
} pl_trie;
/* key i: bytes, length and id (ids must be < PL_TRIE_NONE) */
typedef int (*pl_trie_key_fn)(void *ctx, size_t i, const char **k, size_t *klen, uint32_t *id);
int pl_trie_build(pl_trie *t, pl_alloc_fn alloc, void *ud, size_t nkeys, pl_trie_key_fn fn,
                  void *ctx, int reverse, int icase, int ac, size_t nids);
void pl_trie_free(pl_trie *t);
static inline uint32_t pl_trie_child(const pl_trie *t, uint32_t u, unsigned char c)
{
	const pl_trie_node *n;
	uint32_t lo, hi;

	if (u == 0)
		return t->root[c];
	n = &t->node[u];
	lo = n->first;
	hi = lo + n->cnt;
	if (n->cnt <= 8) {
		for (; lo < hi; lo++)
			if (t->lab[lo] == c)
				return lo + 1;
		return PL_TRIE_NONE;
	}
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (t->lab[mid] < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n->first + n->cnt && t->lab[lo] == c ? lo + 1 : PL_TRIE_NONE;
}

/* Shared helpers. */
extern const unsigned char pl_map_fold[256];
uint64_t pl_map_hash(const void *p, size_t n, int icase);
int pl_map_memeq(const void *a, const void *b, size_t n, int icase);
void *pl_map_xalloc(const pl_map *m, void *p, size_t osize, size_t nsize);
int pl_map_errf(pl_buf *errmsg, const char *fmt, ...);
int pl_map_errkey(pl_buf *errmsg, const char *pre, const char *key, size_t klen, const char *post);
int pl_map_word_match(const char *q, size_t qlen, const char *k, size_t klen,
                      int icase, const char *delims);

#endif
