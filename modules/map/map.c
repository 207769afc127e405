/*
 * proxylua.map: HAProxy 2.6's Lua Map class (Map.new, lookup, slookup and the
 * method constants) over the Lua-free indexes of lib/map_*.c, plus maps from
 * text or tables, -i, updates and listing. File maps are shared by every Lua
 * state of the process (lib/map_cache.c); a state's updates go to its own
 * copy. Every method gets the map metatable as upvalue 1.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lmap.h"

static const char *const method_names[PL_MATCH_NUM] = {
	"found", "bool", "int", "ip", "bin", "len", "str", "beg", "sub", "dir",
	"dom", "end", "reg", "regm"
};

pl_lmap *pl_lmap_check(lua_State *L, const char *fname)
{
	pl_lmap *lm;

	if (lua_type(L, 1) == LUA_TTABLE) {
		lua_rawgeti(L, 1, 1);
		lua_replace(L, 1);
	}
	lm = lua_touserdata(L, 1);
	if (lm != NULL && lua_getmetatable(L, 1)) {
		int same = lua_rawequal(L, -1, lua_upvalueindex(1));
		lua_pop(L, 1);
		if (same)
			return lm;
	}
	/* HAProxy's wording for a self that is not a map: "((null))". */
	luaL_error(L, "bad argument #1 to '%s' ((null))", fname);
	return NULL;
}

static int push_lstring(lua_State *L)
{
	lua_pushlstring(L, lua_touserdata(L, 1), (size_t)lua_tointeger(L, 2));
	return 1;
}

void pl_lmap_push_err(lua_State *L, pl_buf *err)
{
	int st;

	lua_pushcfunction(L, push_lstring);
	lua_pushlightuserdata(L, err->data ? err->data : (void *)(uintptr_t)"");
	lua_pushinteger(L, (lua_Integer)err->len);
	st = lua_pcall(L, 2, 1, 0);
	pl_buf_free(err);
	if (st != LUA_OK)
		lua_error(L);
}

void pl_lmap_forget(lua_State *L, pl_lmap *lm)
{
	int j;

	if (lm->ncached == 0)
		return;
	pl_getuservalue(L, 1, 1);                 /* uv */
	lua_newtable(L);                          /* uv cache */
	for (j = 4; j <= 5; j++) {
		if (lua_rawgeti(L, -2, j) == LUA_TFUNCTION) {
			lua_pushvalue(L, -2);
			(void)lua_setupvalue(L, -2, 3);
		}
		lua_pop(L, 1);
	}
	lua_pop(L, 2);
	lm->ncached = 0;
}

void pl_lmap_release(pl_lmap *lm)
{
	if (lm->sh != NULL) {
		pl_map_cache_put(lm->sh);
	} else if (lm->m != NULL) {
		pl_map_free(lm->m);
		lm->m->alloc(lm->m->ud, lm->m, sizeof(*lm->m), 0);
	}
	lm->m = NULL;
	lm->sh = NULL;
	if (lm->scratch != NULL)
		pl_map_reg_scratch_destroy(lm->scratch);
	lm->scratch = NULL;
}

/* A fresh private map from the state's allocator; raises on OOM. */
static pl_map *new_private(lua_State *L, int method, int icase)
{
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);
	pl_map *m = alloc(ud, NULL, 0, sizeof(*m));

	if (m == NULL)
		pl_memerror(L);
	pl_map_init(m, method, icase, (pl_alloc_fn)alloc, ud);
	return m;
}

pl_map *pl_lmap_own(lua_State *L, pl_lmap *lm)
{
	pl_map *m;
	int rc;

	if (lm->sh == NULL)
		return lm->m;
	m = new_private(L, lm->method, lm->icase);
	rc = pl_map_clone(m, lm->m, m->alloc, m->ud);
	if (rc != 0) {
		pl_map_free(m);
		m->alloc(m->ud, m, sizeof(*m), 0);
		pl_memerror(L);
	}
	/* The copy borrows the shared bytes: it keeps our reference. */
	m->release = pl_map_cache_put;
	m->release_arg = lm->sh;
	lm->sh = NULL;
	lm->m = m;
	return m;
}

void pl_lmap_ready(lua_State *L, pl_lmap *lm)
{
	if (lm->sh == NULL && pl_map_needs_prepare(lm->m) && pl_map_prepare(lm->m) != 0)
		pl_memerror(L);
}

static int push_code_error(lua_State *L, int rc, const char *fname)
{
	if (rc == PL_MAP_ENOMEM)
		return pl_memerror(L);
	lua_pushfstring(L, "%s: map too large", fname);
	return 1;
}

/* "<fname>: <reason> at line N of file '<PATH>'." as HAProxy words it */
static int push_parse_error(lua_State *L, const char *fname, pl_buf *err, size_t line,
                            const char *where, const char *path)
{
	luaL_Buffer b;
	int reason;

	pl_lmap_push_err(L, err);                 /* first: err is freed */
	reason = lua_gettop(L);
	luaL_buffinit(L, &b);
	luaL_addstring(&b, fname);
	luaL_addstring(&b, ": ");
	lua_pushvalue(L, reason);
	luaL_addvalue(&b);
	lua_pushfstring(L, " at line %d of %s", (int)line, where);
	luaL_addvalue(&b);
	if (path != NULL) {
		luaL_addstring(&b, " '");
		luaL_addstring(&b, path);
		luaL_addchar(&b, '\'');
	}
	luaL_addchar(&b, '.');
	luaL_pushresult(&b);
	lua_remove(L, reason);
	return 1;
}

static int load_file(lua_State *L, pl_lmap *lm, const char *path, int shared, const char *fname)
{
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);
	pl_buf err;
	size_t line = 0;
	int rc;

	pl_buf_init(&err, (pl_alloc_fn)alloc, ud);
	if (shared) {
		const pl_map *m;
		rc = pl_map_cache_get(path, lm->method, lm->icase, &lm->sh, &m, &line, &err);
		if (rc == 0)
			lm->m = (pl_map *)(uintptr_t)m;   /* read only while sh is set */
	} else {
		char *data = NULL;
		size_t len = 0;
		pl_map_fileid id;

		lm->m = new_private(L, lm->method, lm->icase);
		rc = pl_map_read_file(path, lm->m->alloc, lm->m->ud, &data, &len, &id);
		if (rc == 0)
			rc = pl_map_load_text(lm->m, data, len, &line, &err);
	}
	if (rc == 0)
		return 0;
	if (rc == ENOMEM || rc == PL_MAP_ENOMEM) {
		pl_buf_free(&err);
		return pl_memerror(L);
	}
	if (rc > 0) {
		lua_pushfstring(L, "%s: failed to open pattern file %s (%s).", fname, path, strerror(rc));
	} else if (rc == PL_MAP_EPARSE) {
		return push_parse_error(L, fname, &err, line, "file", path);
	} else if (rc < 0 && rc > -1000 && rc != PL_MAP_ENOMEM && rc != PL_MAP_ETOOBIG) {
		lua_pushfstring(L, "%s: error encountered while reading  %s : %s.", fname, path,
		                strerror(-rc));
	} else {
		pl_buf_free(&err);
		return push_code_error(L, rc, fname);
	}
	pl_buf_free(&err);
	return 1;
}

static int load_text(lua_State *L, pl_lmap *lm, int src, const char *fname)
{
	size_t len, line = 0;
	const char *s = lua_tolstring(L, src, &len);
	pl_map *m = new_private(L, lm->method, lm->icase);
	char *copy;
	pl_buf err;
	int rc;

	lm->m = m;
	copy = m->alloc(m->ud, NULL, 0, len + 1);
	if (copy == NULL)
		return pl_memerror(L);
	memcpy(copy, s, len);
	copy[len] = '\0';
	pl_buf_init(&err, m->alloc, m->ud);
	rc = pl_map_load_text(m, copy, len, &line, &err);
	if (rc == 0)
		return 0;
	if (rc == PL_MAP_EPARSE)
		return push_parse_error(L, fname, &err, line, "map text", NULL);
	pl_buf_free(&err);
	return push_code_error(L, rc, fname);
}

static const char *entry_string(lua_State *L, int idx, size_t *len)
{
	int t = lua_type(L, idx);
	if (t != LUA_TSTRING && t != LUA_TNUMBER)
		return NULL;
	return lua_tolstring(L, idx, len);
}

/* One table entry: check the key for the method, append. pos counts from 1. */
static int add_entry(lua_State *L, pl_map *m, int kidx, int vidx, size_t pos, const char *fname)
{
	size_t kl, vl = 0;
	const char *k = entry_string(L, kidx, &kl), *v = "";
	pl_buf err;
	int rc;

	if (vidx != 0 && !lua_isnil(L, vidx) && (v = entry_string(L, vidx, &vl)) == NULL)
		v = NULL;
	if (k == NULL || v == NULL) {
		lua_pushfstring(L, "%s: entry %d of the table: strings or numbers expected", fname,
		                (int)pos);
		return 1;
	}
	pl_buf_init(&err, m->alloc, m->ud);
	rc = pl_map_check_key(m->method, m->icase, k, kl, &err);
	if (rc == 0)
		rc = pl_map_append(m, k, kl, v, vl);
	if (rc == 0)
		return 0;
	if (rc == PL_MAP_EPARSE) {
		luaL_Buffer b;
		int reason;
		pl_lmap_push_err(L, &err);            /* first: err is freed */
		reason = lua_gettop(L);
		luaL_buffinit(L, &b);
		luaL_addstring(&b, fname);
		luaL_addstring(&b, ": ");
		lua_pushvalue(L, reason);
		luaL_addvalue(&b);
		lua_pushfstring(L, " at entry %d of the table.", (int)pos);
		luaL_addvalue(&b);
		luaL_pushresult(&b);
		lua_remove(L, reason);
		return 1;
	}
	pl_buf_free(&err);
	return push_code_error(L, rc, fname);
}

struct skey {
	const char *s;
	size_t len;
	lua_Integer i;
};

static int skey_cmp(const void *a, const void *b)
{
	const struct skey *x = a, *y = b;
	int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/*
 * A table source: its array part, in order, holds {key, value} pairs (or bare
 * keys); its other string or number keys follow, sorted by their bytes, each
 * mapped to its value.
 */
static int load_table(lua_State *L, pl_lmap *lm, int src, const char *fname)
{
	pl_map *m = new_private(L, lm->method, lm->icase);
	lua_Integer n = (lua_Integer)lua_rawlen(L, src), i, nk = 0;
	size_t pos = 0;
	int keys;

	lm->m = m;
	for (i = 1; i <= n; i++) {
		int r;
		lua_rawgeti(L, src, i);
		pos++;
		if (lua_type(L, -1) == LUA_TTABLE) {
			lua_rawgeti(L, -1, 1);
			lua_rawgeti(L, -2, 2);
			r = add_entry(L, m, -2, -1, pos, fname);
			if (r)
				return 1;
			lua_pop(L, 3);
		} else {
			r = add_entry(L, m, -1, 0, pos, fname);
			if (r)
				return 1;
			lua_pop(L, 1);
		}
	}
	/* collect the other keys, as strings, then sort them */
	lua_newtable(L);
	keys = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, src) != 0) {
		lua_pop(L, 1);
		if (lua_type(L, -1) == LUA_TNUMBER && lua_isinteger(L, -1) &&
		    lua_tointeger(L, -1) >= 1 && lua_tointeger(L, -1) <= n)
			continue;
		if (lua_type(L, -1) != LUA_TSTRING && lua_type(L, -1) != LUA_TNUMBER) {
			lua_pushfstring(L, "%s: table keys must be strings or numbers", fname);
			return 1;
		}
		lua_pushvalue(L, -1);
		lua_rawseti(L, keys, ++nk);
	}
	/* string forms at nk + i, sorted by bytes through a C array */
	if (nk > 0) {
		struct skey *sk = lua_newuserdata(L, (size_t)nk * sizeof(*sk));
		for (i = 1; i <= nk; i++) {
			lua_rawgeti(L, keys, i);
			sk[i - 1].s = lua_tolstring(L, -1, &sk[i - 1].len);
			sk[i - 1].i = i;
			lua_rawseti(L, keys, i + nk);     /* anchors the string form */
		}
		qsort(sk, (size_t)nk, sizeof(*sk), skey_cmp);
		for (i = 0; i < nk; i++) {
			int r;
			lua_rawgeti(L, keys, sk[i].i);      /* the original key */
			lua_pushvalue(L, -1);
			lua_rawget(L, src);
			pos++;
			r = add_entry(L, m, -2, -1, pos, fname);
			if (r)
				return 1;
			lua_pop(L, 2);
		}
	}
	lua_settop(L, keys - 1);
	if (pl_map_prepare(m) != 0)
		pl_memerror(L);
	return 0;
}

int pl_lmap_load(lua_State *L, pl_lmap *lm, int src, int is_text, int shared, const char *fname)
{
	src = lua_absindex(L, src);
	if (lua_type(L, src) == LUA_TTABLE)
		return load_table(L, lm, src, fname);
	if (is_text)
		return load_text(L, lm, src, fname);
	return load_file(L, lm, lua_tostring(L, src), shared, fname);
}

static void read_opts(lua_State *L, int idx, int *icase, int *is_text, int *shared)
{
	*icase = *is_text = 0;
	*shared = 1;
	if (lua_type(L, idx) != LUA_TTABLE)
		return;
	lua_getfield(L, idx, "ignore_case");
	*icase = lua_toboolean(L, -1);
	lua_getfield(L, idx, "text");
	*is_text = lua_toboolean(L, -1);
	lua_getfield(L, idx, "shared");
	*shared = lua_isnil(L, -1) || lua_toboolean(L, -1);
	lua_pop(L, 3);
}

static void make_scratch(lua_State *L, pl_lmap *lm)
{
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);

	if (lm->method == PL_MATCH_REG && lm->scratch == NULL) {
		lm->scratch = pl_map_reg_scratch_create((pl_alloc_fn)alloc, ud);
		if (lm->scratch == NULL)
			pl_memerror(L);
	}
}

/* The map table's field `name`: f bound to the userdata at ud (upvalues in
 * map.h), also kept in the uservalue at uvslot. */
static void bind(lua_State *L, int ud, int obj, int cache, const char *name, lua_CFunction f,
                 int uvslot)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushvalue(L, ud);
	lua_pushvalue(L, cache);
	lua_pushvalue(L, obj);
	lua_pushcclosure(L, f, 4);
	lua_pushvalue(L, -1);
	lua_setfield(L, obj, name);
	pl_getuservalue(L, ud, 1);
	lua_insert(L, -2);
	lua_rawseti(L, -2, uvslot);
	lua_pop(L, 1);
}

/*
 * Map.new(source [, method [, opts]]): HAProxy's argument checks and
 * messages first, then the source: a file name, map text (opts.text) or a
 * table. The source and options are kept as the uservalue for reload().
 * Upvalues: 1 the userdata metatable, 2 the map table's metatable.
 */
static int map_new(lua_State *L)
{
	int top = lua_gettop(L), icase, is_text, shared, stype, ud;
	lua_Integer method = PL_MATCH_STR;
	pl_lmap *lm;

	if (top < 1 || top > 3 || (top == 3 && !lua_isnil(L, 3) && !lua_istable(L, 3)))
		return luaL_error(L, "'new' needs at least 1 argument.");
	stype = lua_type(L, 1);
	if (stype != LUA_TTABLE)
		luaL_checkstring(L, 1);
	if (top >= 2)
		method = luaL_checkinteger(L, 2);
	if (method < 0 || method >= PL_MATCH_NUM)
		return luaL_error(L, "'new' needs a valid match method.");
	if (method == PL_MATCH_FOUND || method == PL_MATCH_BOOL || method == PL_MATCH_BIN ||
	    method == PL_MATCH_LEN || method == PL_MATCH_REGM)
		return luaL_error(L, "'new' doesn't support this match mode.");
	read_opts(L, 3, &icase, &is_text, &shared);

	lm = pl_newuserdata(L, sizeof(*lm), 1);
	memset(lm, 0, sizeof(*lm));
	lm->method = (int)method;
	lm->icase = icase;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, -2);
	make_scratch(L, lm);
	if (pl_lmap_load(L, lm, 1, is_text, shared, "'new'") != 0) {
		/* as luaL_error: the calling Lua code's position first */
		luaL_where(L, 1);
		lua_insert(L, -2);
		lua_concat(L, 2);
		return lua_error(L);
	}
	/* uservalue: { source, text?, shared?, lookup, slookup } */
	lua_createtable(L, 5, 0);
	lua_pushvalue(L, 1);
	lua_rawseti(L, -2, 1);
	lua_pushboolean(L, is_text);
	lua_rawseti(L, -2, 2);
	lua_pushboolean(L, shared);
	lua_rawseti(L, -2, 3);
	(void)pl_setuservalue(L, -2, 1);
	ud = lua_gettop(L);
	lua_createtable(L, 1, 2);                 /* ud obj */
	lua_pushvalue(L, ud);
	lua_rawseti(L, -2, 1);
	lua_newtable(L);                          /* ud obj cache */
	bind(L, ud, ud + 1, ud + 2, "lookup", pl_lmap_bound_lookup, 4);
	bind(L, ud, ud + 1, ud + 2, "slookup", pl_lmap_bound_slookup, 5);
	lua_pop(L, 1);
	lua_pushvalue(L, lua_upvalueindex(2));
	lua_setmetatable(L, -2);
	return 1;
}

/* __gc of the userdata; idempotent, shared with __close. */
static int map_gc(lua_State *L)
{
	/* anything else passed in (getmetatable(m[1]).__gc(io.stdout)) is
	 * left alone */
	pl_lmap *lm = luaL_testudata(L, 1, LMAP_MT);

	if (lm != NULL) {
		pl_lmap_release(lm);
		lm->finalized = 1;
	}
	return 0;
}

/* __close of the map table (Lua 5.4's <close>). */
static int map_close(lua_State *L)
{
	pl_lmap_release(pl_lmap_check(L, "__close"));
	return 0;
}

static int map_tostring(lua_State *L)
{
	pl_lmap *lm = pl_lmap_check(L, "__tostring");
	lua_pushfstring(L, "proxylua.map (%s, %d entries%s)", method_names[lm->method],
	                lm->m ? (int)lm->m->nlive : 0, lm->sh ? ", shared" : "");
	return 1;
}

static int map_shared_count(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)pl_map_cache_count());
	return 1;
}

static const luaL_Reg map_methods[] = {
	{"lookup", pl_lmap_lookup},
	{"slookup", pl_lmap_slookup},
	{"lookup_all", pl_lmap_lookup_all},
	{"set", pl_lmap_set},
	{"add", pl_lmap_add},
	{"del", pl_lmap_del},
	{"clear", pl_lmap_clear},
	{"reload", pl_lmap_reload},
	{"count", pl_lmap_count},
	{"pairs", pl_lmap_pairs},
	{"_refs", pl_lmap_refs},
	{NULL, NULL}
};

static const luaL_Reg map_metamethods[] = {
	{"__tostring", map_tostring},
	{"__len", pl_lmap_count},
	{NULL, NULL}
};

PL_EXPORT int luaopen_proxylua_map(lua_State *L);

int luaopen_proxylua_map(lua_State *L)
{
	int i;

	luaL_newmetatable(L, LMAP_MT);            /* udmt */
	lua_pushcfunction(L, map_gc);
	lua_setfield(L, -2, "__gc");
	lua_newtable(L);                          /* udmt mt: the map tables' */
	lua_pushvalue(L, -2);
	luaL_setfuncs(L, map_metamethods, 1);
	pl_setclose_up(L, -1, map_close, -2);
	lua_newtable(L);                          /* udmt mt methods */
	lua_pushvalue(L, -3);
	luaL_setfuncs(L, map_methods, 1);
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, "__index");           /* udmt mt methods */

	lua_newtable(L);                          /* udmt mt methods Map */
	for (i = 0; i < PL_MATCH_NUM; i++) {
		lua_pushinteger(L, i);
		lua_setfield(L, -2, method_names[i]);
		lua_pushfstring(L, "_%s", method_names[i]);
		lua_pushinteger(L, i);
		lua_rawset(L, -3);
	}
	lua_pushvalue(L, -4);
	lua_pushvalue(L, -4);
	lua_pushcclosure(L, map_new, 2);
	lua_setfield(L, -2, "new");
	lua_pushcfunction(L, map_shared_count);
	lua_setfield(L, -2, "_shared_count");
	/* Like HAProxy's Map: Map.lookup etc. resolve through __index. */
	lua_newtable(L);                          /* udmt mt methods Map Mapmt */
	lua_pushvalue(L, -3);
	lua_setfield(L, -2, "__index");
	lua_setmetatable(L, -2);                  /* udmt mt methods Map */
	return 1;
}
