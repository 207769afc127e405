/* Map lookups: HAProxy's lookup/slookup (arguments, messages) and lookup_all. */
#include <string.h>
#include "lmap.h"

/*
 * Reads the key the way HAProxy's Map does: Lua's integer check for int
 * maps, Lua's string check for the others (numbers become strings). `narg`
 * is HAProxy's exact count check. Returns 0 when the query cannot match.
 */
static int read_query(lua_State *L, pl_lmap *lm, pl_map_query *q, const char *fname)
{
	const char *s = "";
	size_t len = 0;
	lua_Integer i = 0;

	if (lm->method == PL_MATCH_INT)
		i = luaL_checkinteger(L, 2);
	else
		s = luaL_checklstring(L, 2, &len);
	if (lm->m == NULL)
		luaL_error(L, "bad argument #1 to '%s' ((null))", fname);
	pl_lmap_ready(L, lm);
	return pl_map_query_init(lm->m, q, s, len, (int64_t)i);
}

static size_t find(lua_State *L, const char *fname)
{
	pl_lmap *lm;
	pl_map_query q;

	if (lua_gettop(L) != 2)
		luaL_error(L, "'lookup' needs 2 arguments");
	lm = pl_lmap_check(L, fname);
	if (!read_query(L, lm, &q, fname))
		return SIZE_MAX;
	return pl_map_lookup(lm->m, &q, lm->scratch);
}

static void push_value(lua_State *L, const pl_map_entry *e)
{
	lua_pushlstring(L, e->val ? e->val : "", pl_map_vlen(e));
}

/* m:lookup(key): the winner's value, or nil. */
int pl_lmap_lookup(lua_State *L)
{
	size_t i = find(L, "lookup");
	pl_lmap *lm = lua_touserdata(L, 1);

	if (i == SIZE_MAX)
		lua_pushnil(L);
	else
		push_value(L, &lm->m->e[i]);
	return 1;
}

/* m:slookup(key): the same, "" for no match (HAProxy says 'lookup' too). */
int pl_lmap_slookup(lua_State *L)
{
	size_t i = find(L, "lookup");
	pl_lmap *lm = lua_touserdata(L, 1);

	if (i == SIZE_MAX)
		lua_pushliteral(L, "");
	else
		push_value(L, &lm->m->e[i]);
	return 1;
}

/*
 * The hit's value as a Lua string: from the cache (upvalue 3) when an
 * earlier hit interned it, else interned now and cached, so repeated hits
 * cost a table read instead of hashing and allocating a string.
 */
static int push_cached(lua_State *L, pl_lmap *lm, size_t i)
{
	if (lua_rawgeti(L, lua_upvalueindex(3), (lua_Integer)i + 1) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	/* the cache as it is now: should the string's allocation run a
	 * finalizer that updates the map, the value goes to the cache that
	 * update dropped, not to its fresh one */
	lua_pushvalue(L, lua_upvalueindex(3));
	push_value(L, &lm->m->e[i]);
	lua_pushvalue(L, -1);
	lua_rawseti(L, -3, (lua_Integer)i + 1);
	lm->ncached++;
	return 1;
}

/*
 * m:lookup(key) / m:slookup(key) through the closures bound to one map
 * (upvalues in map.h). The fast path needs self to be that map and a key
 * of the right type; anything else (wrong count, another self, a bad key,
 * a closed map) takes the generic path, which raises HAProxy's errors.
 */
static int bound(lua_State *L, int empty)
{
	pl_lmap *lm = lua_touserdata(L, lua_upvalueindex(2));
	pl_map_query q;
	const char *s = "";
	size_t len = 0, i;
	lua_Integer n = 0;

	if (lua_gettop(L) != 2 || !lua_rawequal(L, 1, lua_upvalueindex(4)) || lm->m == NULL)
		return empty ? pl_lmap_slookup(L) : pl_lmap_lookup(L);
	if (lm->method == PL_MATCH_INT) {
		int isnum;
		n = lua_tointegerx(L, 2, &isnum);
		if (!isnum)
			return empty ? pl_lmap_slookup(L) : pl_lmap_lookup(L);
	} else if ((s = lua_tolstring(L, 2, &len)) == NULL) {
		return empty ? pl_lmap_slookup(L) : pl_lmap_lookup(L);
	}
	/* converting a number key may have run a finalizer that released
	 * this map: the generic path says so */
	if (lm->m == NULL)
		return empty ? pl_lmap_slookup(L) : pl_lmap_lookup(L);
	pl_lmap_ready(L, lm);
	i = pl_map_query_fast(lm->m, &q, s, len, (int64_t)n) ? pl_map_lookup_fast(lm->m, &q, lm->scratch)
	                                                     : SIZE_MAX;
	if (i != SIZE_MAX)
		return push_cached(L, lm, i);
	if (empty)
		lua_pushliteral(L, "");
	else
		lua_pushnil(L);
	return 1;
}

int pl_lmap_bound_lookup(lua_State *L)
{
	return bound(L, 0);
}

int pl_lmap_bound_slookup(lua_State *L)
{
	return bound(L, 1);
}

/* Under lua_pcall: 1 the map's userdata (light), 2 the ids (light), 3 their
 * count -> values, keys. A finalizer run by an allocation here may update
 * or release the map: each id is checked against the map as it is now. */
static int copy_out(lua_State *L)
{
	pl_lmap *lm = lua_touserdata(L, 1);
	const size_t *ids = lua_touserdata(L, 2);
	lua_Integer n = lua_tointeger(L, 3), j, k = 0;

	lua_createtable(L, (int)n, 0);
	lua_createtable(L, (int)n, 0);
	for (j = 0; j < n; j++) {
		const pl_map_entry *e;
		if (lm->m == NULL || ids[j] >= lm->m->n || lm->m->e[ids[j]].key == NULL)
			continue;
		k++;
		e = &lm->m->e[ids[j]];
		push_value(L, e);
		lua_rawseti(L, -3, k);
		e = &lm->m->e[ids[j]];
		lua_pushlstring(L, e->key, pl_map_klen(e));
		lua_rawseti(L, -2, k);
	}
	return 2;
}

/* m:lookup_all(key) -> { values... }, { keys... }: every match, best first. */
int pl_lmap_lookup_all(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "lookup_all");
	pl_map_query q;
	size_t *ids = NULL;
	long n = 0;
	pl_alloc_fn alloc;
	void *ud;
	int st;

	lua_settop(L, 2);
	if (read_query(L, lm, &q, "lookup_all")) {
		n = pl_map_lookup_all(lm->m, &q, lm->scratch, &ids);
		if (n < 0)
			return pl_memerror(L);
	}
	/* the tables are built under lua_pcall: a memory error there must not
	 * leak ids, which only this frame holds */
	alloc = lm->m->alloc;
	ud = lm->m->ud;
	lua_pushcfunction(L, copy_out);
	lua_pushlightuserdata(L, lm);
	lua_pushlightuserdata(L, ids);
	lua_pushinteger(L, (lua_Integer)n);
	st = lua_pcall(L, 3, 2, 0);
	if (ids != NULL)
		alloc(ud, ids, (size_t)n * sizeof(*ids), 0);
	if (st != LUA_OK)
		return lua_error(L);
	return 2;
}
