/* The Map userdata shared by the binding's files. */
#ifndef PROXYLUA_LMAP_H
#define PROXYLUA_LMAP_H

#include "proxylua/compat.h"
#include "proxylua/map.h"

#define LMAP_MT "proxylua.map"

typedef struct pl_lmap {
	pl_map *m;             /* what lookups read: sh's copy, or our own */
	pl_map_shared *sh;     /* non-NULL: m is the process-wide shared copy */
	void *scratch;         /* reg: PCRE2 match block, candidate marks */
	int method, icase;
} pl_lmap;

/* self check against the metatable in upvalue 1; `fname` words the error. */
pl_lmap *pl_lmap_check(lua_State *L, const char *fname);
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
