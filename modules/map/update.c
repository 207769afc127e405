/*
 * Updates, listing and reload. HAProxy's Map has none of these (its updates
 * go through core.set_map and the CLI); they follow HAProxy's set/add/del
 * semantics. A map shared with other states is copied on the first update:
 * the others never see it (docs/map.md, "Sharing").
 */
#include <string.h>
#include "lmap.h"

/*
 * Drop the value cache, then refuse a map that is closed (__close, or an
 * explicit __gc): nothing to update, and HAProxy's lookups word it this way
 * too. Call it after reading the arguments: converting a number key, like
 * the cache's new table, may run a finalizer that releases this very map.
 * From here to the update nothing runs Lua code.
 */
static void forget_check_open(lua_State *L, pl_lmap *lm, const char *fname)
{
	pl_lmap_forget(L, lm);
	if (lm->m == NULL)
		luaL_error(L, "bad argument #1 to '%s' ((null))", fname);
}

static int key_error(lua_State *L, pl_map *m, const char *k, size_t kl)
{
	pl_buf err;

	pl_buf_init(&err, m->alloc, m->ud);
	if (pl_map_check_key(m->method, m->icase, k, kl, &err) == 0)
		return 0;
	pl_pushfail(L);
	pl_lmap_push_err(L, &err);
	return 2;
}

static void check_rc(lua_State *L, int rc)
{
	if (rc == PL_MAP_ENOMEM)
		pl_memerror(L);
	if (rc != 0)
		luaL_error(L, "map too large");
}

/* m:set(key, value): every entry with this key text gets the value, else a
 * new entry is appended. Returns true when it appended; nil, msg for a key
 * the method cannot read. */
int pl_lmap_set(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "set");
	size_t kl, vl;
	const char *k = luaL_checklstring(L, 2, &kl), *v = luaL_checklstring(L, 3, &vl);
	pl_map *m;
	int added = 0, r;

	forget_check_open(L, lm, "set");
	if ((r = key_error(L, lm->m, k, kl)) != 0)
		return r;
	m = pl_lmap_own(L, lm);
	check_rc(L, pl_map_set(m, k, kl, v, vl, &added));
	lua_pushboolean(L, added);
	return 1;
}

/* m:add(key, value): always a new entry, after all others (CLI "add map"). */
int pl_lmap_add(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "add");
	size_t kl, vl;
	const char *k = luaL_checklstring(L, 2, &kl), *v = luaL_checklstring(L, 3, &vl);
	int r;

	forget_check_open(L, lm, "add");
	if ((r = key_error(L, lm->m, k, kl)) != 0)
		return r;
	check_rc(L, pl_map_append(pl_lmap_own(L, lm), k, kl, v, vl));
	lua_pushboolean(L, 1);
	return 1;
}

/* m:del(key): removes every entry with this key text; returns how many. */
int pl_lmap_del(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "del");
	size_t kl;
	const char *k = luaL_checklstring(L, 2, &kl);

	forget_check_open(L, lm, "del");
	lua_pushinteger(L, (lua_Integer)pl_map_del(pl_lmap_own(L, lm), k, kl));
	return 1;
}

int pl_lmap_clear(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "clear");

	forget_check_open(L, lm, "clear");
	if (lm->sh != NULL) {
		/* nothing to copy: drop the reference, start an empty private map */
		void *ud;
		lua_Alloc alloc = lua_getallocf(L, &ud);
		pl_map *m = alloc(ud, NULL, 0, sizeof(*m));
		if (m == NULL)
			return pl_memerror(L);
		pl_map_init(m, lm->method, lm->icase, (pl_alloc_fn)alloc, ud);
		pl_map_cache_put(lm->sh);
		lm->sh = NULL;
		lm->m = m;
	} else {
		pl_map_clear(lm->m);
	}
	return 0;
}

int pl_lmap_count(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "count");
	lua_pushinteger(L, lm->m ? (lua_Integer)lm->m->nlive : 0);
	return 1;
}

/* m:_refs(): how many maps use this map's shared copy (0 if private). */
int pl_lmap_refs(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "_refs");
	lua_pushinteger(L, lm->sh ? (lua_Integer)pl_map_cache_refs(lm->sh) : 0);
	return 1;
}

/* pairs iterator: upvalue 1 the map metatable, state the map, control a
 * position; yields key, value in HAProxy's order. */
static int pairs_next(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "pairs");
	lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));

	while (lm->m != NULL && (size_t)i < lm->m->n) {
		const pl_map_entry *e = &lm->m->e[i++];
		const char *key = e->key;
		if (key == NULL)
			continue;
		lua_pushlstring(L, key, pl_map_klen(e));
		/* that allocation may have run a finalizer that changed or
		 * released the map: skip the entry if it is gone */
		if (lm->m == NULL || (size_t)i > lm->m->n || lm->m->e[i - 1].key != key) {
			lua_pop(L, 1);
			continue;
		}
		e = &lm->m->e[i - 1];
		lua_pushlstring(L, e->val ? e->val : "", pl_map_vlen(e));
		lua_pushinteger(L, i);
		lua_replace(L, lua_upvalueindex(2));
		return 2;
	}
	lua_pushinteger(L, i);
	lua_replace(L, lua_upvalueindex(2));
	return 0;
}

/* for key, value in m:pairs() do ... end (do not update m inside the loop) */
int pl_lmap_pairs(lua_State *L)
{
	pl_lmap_check(L, "pairs");
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushinteger(L, 0);
	lua_pushcclosure(L, pairs_next, 2);
	lua_pushvalue(L, 1);
	return 2;
}

/*
 * m:reload([source [, opts]]): loads into a scratch map first and swaps only
 * on success, so a failed reload keeps the old content. Without arguments,
 * the source given to Map.new (file, text or table) is read again.
 * Returns true, or nil and the message.
 */
int pl_lmap_reload(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "reload"), *tmp, swap;
	int is_text = 0, shared = 1, src;

	/* memory (or a shared copy's reference) taken after __gc would never
	 * be given back */
	if (lm->finalized)
		return luaL_error(L, "bad argument #1 to 'reload' ((null))");

	lua_settop(L, 3);
	pl_getuservalue(L, 1, 1);                 /* self source opts uv */
	if (lua_isnil(L, 2)) {
		lua_rawgeti(L, 4, 1);
		lua_replace(L, 2);
		lua_rawgeti(L, 4, 2);
		is_text = lua_toboolean(L, -1);
		lua_rawgeti(L, 4, 3);
		shared = lua_toboolean(L, -1);
		lua_pop(L, 2);
	} else {
		if (lua_type(L, 2) != LUA_TTABLE)
			luaL_checkstring(L, 2);
		if (lua_istable(L, 3)) {
			lua_getfield(L, 3, "text");
			is_text = lua_toboolean(L, -1);
			lua_getfield(L, 3, "shared");
			shared = lua_isnil(L, -1) || lua_toboolean(L, -1);
			lua_pop(L, 2);
		}
	}
	src = 2;
	tmp = pl_newuserdata(L, sizeof(*tmp), 0);
	memset(tmp, 0, sizeof(*tmp));
	tmp->method = lm->method;
	tmp->icase = lm->icase;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, -2);
	if (pl_lmap_load(L, tmp, src, is_text, shared, "'reload'") != 0) {
		pl_pushfail(L);
		lua_insert(L, -2);
		return 2;
	}
	/* swap contents (scratch stays with lm), free the old content now */
	pl_lmap_forget(L, lm);
	swap = *lm;
	lm->m = tmp->m;
	lm->sh = tmp->sh;
	tmp->m = swap.m;
	tmp->sh = swap.sh;
	pl_lmap_release(tmp);
	/* remember the new source (the uservalue also holds the bound closures) */
	lua_pushvalue(L, src);
	lua_rawseti(L, 4, 1);
	lua_pushboolean(L, is_text);
	lua_rawseti(L, 4, 2);
	lua_pushboolean(L, shared);
	lua_rawseti(L, 4, 3);
	lua_pushboolean(L, 1);
	return 1;
}
