/* The Map userdata shared by the binding's files. */
#ifndef PROXYLUA_LMAP_H
#define PROXYLUA_LMAP_H

#include "proxylua/compat.h"
#include "proxylua/map.h"

#define LMAP_MT "proxylua.map"

/*
 * A map is a table, as HAProxy's Map objects are: [1] holds the userdata
 * below (the resource, with __gc), and the fields `lookup` and `slookup` are
 * C closures bound to it, so `m:lookup(k)` is one table read and a C call
 * with no metatable walk and no userdata check. Their upvalues: 1 the
 * userdata metatable, 2 the userdata, 3 the value cache (entry index + 1 ->
 * value as a Lua string, so a hit does not intern the value again), 4 the
 * map table. The userdata's uservalue is { source, text?, shared?,
 * lookup closure, slookup closure } (reload reads 1-3, updates 4-5).
 */
typedef struct pl_lmap {
	pl_map *m;             /* what lookups read: sh's copy, or our own */
	pl_map_shared *sh;     /* non-NULL: m is the process-wide shared copy */
	void *scratch;         /* reg: PCRE2 match block, candidate marks */
	int method, icase;
	size_t ncached;        /* values in the cache: 0 means nothing to drop */
	int finalized;         /* __gc ran: a resurrected map may not reload */
} pl_lmap;

/* self check against the userdata metatable in upvalue 1 (self: the map
 * table, or its userdata); replaces stack slot 1 with the userdata. `fname`
 * words the error. */
pl_lmap *pl_lmap_check(lua_State *L, const char *fname);
/* Pushes err's bytes as a Lua string and frees err, also when the push
 * runs out of memory (then raises, err already freed). */
void pl_lmap_push_err(lua_State *L, pl_buf *err);
/* Drops the value cache after entries changed (userdata at slot 1). */
void pl_lmap_forget(lua_State *L, pl_lmap *lm);
/* The bound closures (upvalues above). */
int pl_lmap_bound_lookup(lua_State *L);
int pl_lmap_bound_slookup(lua_State *L);
/* Drops content and scratch; idempotent (__gc). */
void pl_lmap_release(pl_lmap *lm);
/* Makes lm's map private (copy-on-write) and returns it; raises on OOM. */
pl_map *pl_lmap_own(lua_State *L, pl_lmap *lm);
/* Loads source at index src into lm (empty). On failure pushes the message
 * and returns nonzero; `fname` prefixes it ("'new'"). */
int pl_lmap_load(lua_State *L, pl_lmap *lm, int src, int is_text, int shared, const char *fname);
/* Builds the index if updates left it stale; raises on OOM. */
void pl_lmap_ready(lua_State *L, pl_lmap *lm);

int pl_lmap_lookup(lua_State *L);
int pl_lmap_slookup(lua_State *L);
int pl_lmap_lookup_all(lua_State *L);
int pl_lmap_set(lua_State *L);
int pl_lmap_add(lua_State *L);
int pl_lmap_del(lua_State *L);
int pl_lmap_clear(lua_State *L);
int pl_lmap_reload(lua_State *L);
int pl_lmap_count(lua_State *L);
int pl_lmap_pairs(lua_State *L);
int pl_lmap_refs(lua_State *L);

#endif
