/*
 * Lua-free HAProxy 2.6 maps, the contract a binding uses: the entry store
 * (load, update, clone), lookups for every match method, and the
 * process-wide cache of file maps. Every function returns 0 / an index, or a
 * negative PL_MAP_E* code; nothing here knows lua.h. Memory comes from a
 * lua_Alloc-compatible function (the state's; the cache's shared copies use
 * malloc). How the library builds its indexes (hash table, tries, per-method
 * parsers, shared helpers) is private to lib/: lib/map_internal.h.
 */
#ifndef PROXYLUA_MAP_H
#define PROXYLUA_MAP_H

#include <stddef.h>
#include <stdint.h>
#include "proxylua/buf.h"

/* HAProxy's match-method numbers (PAT_MATCH_*), the values of Map._xxx. */
enum {
	PL_MATCH_FOUND, PL_MATCH_BOOL, PL_MATCH_INT, PL_MATCH_IP, PL_MATCH_BIN,
	PL_MATCH_LEN, PL_MATCH_STR, PL_MATCH_BEG, PL_MATCH_SUB, PL_MATCH_DIR,
	PL_MATCH_DOM, PL_MATCH_END, PL_MATCH_REG, PL_MATCH_REGM, PL_MATCH_NUM
};

#define PL_MAP_ENOMEM  (-1)
#define PL_MAP_EPARSE  (-2)   /* a key the method cannot read; see errmsg */
#define PL_MAP_ETOOBIG (-3)

/* The high bit of klen/vlen marks bytes this entry owns (allocated apart). */
#define PL_MAP_OWN   0x80000000u
#define PL_MAP_LMASK 0x7fffffffu

typedef struct pl_map_entry {
	const char *key;          /* NULL: deleted */
	const char *val;
	uint32_t klen, vlen;      /* with PL_MAP_OWN flags */
} pl_map_entry;

/* A query, parsed once for the method (int and ip read it before matching). */
typedef struct pl_map_query {
	const char *s;
	size_t len;
	int64_t i;
	int fam;                  /* ip: 0 none, 4 or 6 */
	uint32_t v4;              /* ip: the IPv4 address, or the one an IPv6 maps to */
	int has_v4;               /* ip, IPv6 query: v4 is set (::a.b.c.d, ::ffff:, 6to4) */
	uint8_t v6[16];           /* ip: the IPv6 address (::ffff:v4 for an IPv4 query) */
} pl_map_query;

/* Where a match ranks: smaller wins (tier, then longer len, then earlier). */
typedef struct pl_map_rank {
	uint32_t tier, len;
	size_t idx;
} pl_map_rank;

typedef struct pl_map pl_map;
typedef struct pl_map_ht pl_map_ht;   /* lib-private: the key-text index */

/* Method-specific index: build over entries [0, n), look up the winner. */
typedef struct pl_map_ops {
	int (*build)(pl_map *m);
	void (*free)(pl_map *m);
	/* best match among indexed entries, or 0 with r->idx = SIZE_MAX */
	int (*lookup)(const pl_map *m, const pl_map_query *q, void *scratch, pl_map_rank *r);
	/* optional: per-entry data for entries appended since the build */
	int (*extend)(pl_map *m);
	/* optional: incremental updates (else: scanned overflow, lazy rebuild) */
	int (*insert)(pl_map *m, size_t i);
	void (*remove)(pl_map *m, size_t i);
} pl_map_ops;

struct pl_map {
	pl_alloc_fn alloc;
	void *ud;
	int method, icase;
	char *arena;              /* file or text bytes the entries point into */
	size_t arena_len;
	void (*release)(void *);  /* called on free: keeps borrowed bytes alive */
	void *release_arg;
	pl_map_entry *e;
	size_t n, cap, nlive;
	size_t built;             /* the index covers entries [0, built) */
	int dirty;                /* deleted entries since the index was built */
	const pl_map_ops *ops;
	void *idx;
	pl_map_ht *text;          /* key text -> entries, built on the first set/del */
	size_t ndead;
};

/* File identity, for the shared cache: a changed file is a new map. */
typedef struct pl_map_fileid {
	uint64_t dev, ino, size;
	int64_t mtime_s, mtime_ns;
} pl_map_fileid;
/* Reads a whole file into memory from alloc. 0, an errno when it cannot be
 * opened, or minus an errno when it cannot be read (a directory). */
int pl_map_read_file(const char *path, pl_alloc_fn alloc, void *ud, char **data, size_t *len,
                     pl_map_fileid *id);

/* Store life cycle. */
int pl_map_init(pl_map *m, int method, int icase, pl_alloc_fn alloc, void *ud);
void pl_map_free(pl_map *m);
/* Takes ownership of text (allocated from m's allocator) and loads it.
 * On PL_MAP_EPARSE, *line and errmsg say where and why. */
int pl_map_load_text(pl_map *m, char *text, size_t len, size_t *line, pl_buf *errmsg);
/* Checks that key is valid for the method (PL_MAP_EPARSE + errmsg if not). */
int pl_map_check_key(int method, int icase, const char *key, size_t klen, pl_buf *errmsg);
/* Appends an entry, copying key and value. */
int pl_map_append(pl_map *m, const char *key, size_t klen, const char *val, size_t vlen);
/* HAProxy's set_map: update every entry with this key text, else append.
 * *added tells which. */
int pl_map_set(pl_map *m, const char *key, size_t klen, const char *val, size_t vlen, int *added);
/* Removes every entry with this key text; returns how many. */
size_t pl_map_del(pl_map *m, const char *key, size_t klen);
void pl_map_clear(pl_map *m);
/* Copies m's entries (not its arena: the copy borrows it) into a fresh map. */
int pl_map_clone(pl_map *dst, const pl_map *src, pl_alloc_fn alloc, void *ud);
/* Builds (or rebuilds) the index; lookups call it when needed. */
int pl_map_prepare(pl_map *m);
int pl_map_needs_prepare(const pl_map *m);

/* Parses a query for m's method; returns 0 when it cannot match (ip: not an
 * address). */
int pl_map_query_init(const pl_map *m, pl_map_query *q, const char *s, size_t len, int64_t i);
/* The winner's entry index, or SIZE_MAX. m must be prepared. */
size_t pl_map_lookup(const pl_map *m, const pl_map_query *q, void *scratch);
/* Every matching entry, best first, into out (malloc'd from m's allocator);
 * returns the count or a negative code. */
long pl_map_lookup_all(const pl_map *m, const pl_map_query *q, void *scratch, size_t **out);

/* Reads an ip query (what pl_map_query_init does for an ip map). */
void pl_map_ip_query(pl_map_query *q, const char *s, size_t len);

/*
 * Inline forms of pl_map_query_init and pl_map_lookup for the bindings' hot
 * path (one call less each): same answers.
 */
static inline int pl_map_query_fast(const pl_map *m, pl_map_query *q, const char *s, size_t len,
                                    int64_t i)
{
	q->s = s;
	q->len = len;
	q->i = i;
	q->fam = 0;
	q->has_v4 = 0;
	if (m->method != PL_MATCH_IP)
		return 1;
	pl_map_ip_query(q, s, len);
	return q->fam != 0;
}
static inline size_t pl_map_lookup_fast(const pl_map *m, const pl_map_query *q, void *scratch)
{
	pl_map_rank r;

	if (m->idx == NULL || m->built != m->n || m->n == 0)
		return pl_map_lookup(m, q, scratch);
	r.idx = SIZE_MAX;
	r.tier = r.len = 0;
	m->ops->lookup(m, q, scratch, &r);
	return r.idx;
}

/* Scratch for reg lookups (a PCRE2 match block, candidate marks): one per
 * caller (Lua state), never shared; NULL works, slower. */
void *pl_map_reg_scratch_create(pl_alloc_fn alloc, void *ud);
void pl_map_reg_scratch_destroy(void *s);

/*
 * The process-wide cache of file maps (lib/map_cache.c): one immutable,
 * reference-counted copy per (file identity, method, -i), shared by every Lua
 * state of the process; malloc'd, guarded by one mutex.
 */
typedef struct pl_map_shared pl_map_shared;
/* 0 (and *sh, *m), or: > 0 an errno from open, < 0 minus an errno from read,
 * or PL_MAP_EPARSE/ENOMEM/ETOOBIG (then *line, errmsg). */
int pl_map_cache_get(const char *path, int method, int icase, pl_map_shared **sh,
                     const pl_map **m, size_t *line, pl_buf *errmsg);
void pl_map_cache_put(void *sh);
size_t pl_map_cache_count(void);
size_t pl_map_cache_refs(const pl_map_shared *sh);

/* An entry's key and value lengths, without the ownership flag. */
static inline uint32_t pl_map_klen(const pl_map_entry *e) { return e->klen & PL_MAP_LMASK; }
static inline uint32_t pl_map_vlen(const pl_map_entry *e) { return e->vlen & PL_MAP_LMASK; }

#endif
