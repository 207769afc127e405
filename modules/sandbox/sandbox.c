/*
 * proxylua.sandbox: run Lua code in a fresh lua_State whose allocator
 * counts every byte and refuses to go past a limit, as HAProxy's
 * tune.lua.maxmem does. A state cannot change its own allocator, so the
 * limit needs a state of its own: sandbox.run creates it (lua_newstate and
 * luaL_openlibs come from the host, like every lua_* symbol a module uses;
 * the module does not link liblua), runs the code and brings back one plain
 * value (string, number, boolean or nil). Tables travel as strings the code
 * serialises (proxylua.testing's sandbox helper does).
 *
 *   ok, value, peak = sandbox.run(code [, opts])
 *     opts.maxmem  bytes (0 or absent: no limit)
 *     opts.path, opts.cpath  package.path / package.cpath of the new state
 *     opts.args    list of strings passed to the code as ...
 *   Inside: maxmem(bytes) changes the limit, memused() -> bytes in use.
 */
#include <stdlib.h>
#include <string.h>
#include "proxylua/compat.h"
#include "proxylua/memlimit.h"
#include <lualib.h>

#define BOX_MT "proxylua.sandbox.state"

typedef struct sbox {
	lua_State *S;           /* NULL once closed */
	pl_memlimit mem;        /* S's allocator counts here */
} sbox;

static pl_memlimit *mem_of(lua_State *S)
{
	void *ud;

	(void)lua_getallocf(S, &ud);
	return ud;
}

static int sb_maxmem(lua_State *S)
{
	lua_Integer n = luaL_checkinteger(S, 1);

	luaL_argcheck(S, n >= 0, 1, "limit must be >= 0");
	mem_of(S)->limit = (size_t)n;
	return 0;
}

static int sb_memused(lua_State *S)
{
	lua_pushinteger(S, (lua_Integer)mem_of(S)->used);
	return 1;
}

/* Slots of the options table sb_run normalises in the caller. */
enum { OPT_PATH = 1, OPT_CPATH = 2, OPT_ARGS = 3 };

/* What sb_prepare reads from the calling state (no allocation there). */
typedef struct prep {
	lua_State *L;           /* caller: opts at 2 */
	const char *code;
	size_t len;
	int nargs;
} prep;

/* Copy option slot `i` of the caller's normalised options (a string or
 * false) into S, or push nil. Raw reads of plain values: nothing in the
 * caller can raise or allocate while S is in the middle of a call. */
static void push_opt(prep *p, lua_State *S, int i)
{
	size_t len;
	const char *s;

	lua_rawgeti(p->L, 2, i);
	s = lua_type(p->L, -1) == LUA_TSTRING ? lua_tolstring(p->L, -1, &len) : NULL;
	if (s != NULL)
		lua_pushlstring(S, s, len);
	else
		lua_pushnil(S);
	lua_pop(p->L, 1);
}

/* Runs protected in the new state, before any limit: libraries, helpers,
 * package paths, then leaves the loaded code and its arguments on top. */
static int sb_prepare(lua_State *S)
{
	prep *p = lua_touserdata(S, 1);
	int i;

	luaL_openlibs(S);
	lua_register(S, "maxmem", sb_maxmem);
	lua_register(S, "memused", sb_memused);
	lua_getglobal(S, "package");
	push_opt(p, S, OPT_PATH);
	if (!lua_isnil(S, -1))
		lua_setfield(S, -2, "path");
	else
		lua_pop(S, 1);
	push_opt(p, S, OPT_CPATH);
	if (!lua_isnil(S, -1))
		lua_setfield(S, -2, "cpath");
	else
		lua_pop(S, 1);
	lua_settop(S, 0);
	if (luaL_loadbufferx(S, p->code, p->len, "=sandbox", "t") != LUA_OK)
		return lua_error(S);
	p->nargs = 0;
	lua_rawgeti(p->L, 2, OPT_ARGS);
	if (lua_istable(p->L, -1)) {
		int n = (int)lua_rawlen(p->L, -1);
		luaL_checkstack(S, n + 1, "too many arguments");
		for (i = 1; i <= n; i++) {
			size_t alen;
			const char *a;
			lua_rawgeti(p->L, -1, i);
			a = lua_type(p->L, -1) == LUA_TSTRING ? lua_tolstring(p->L, -1, &alen) : NULL;
			if (a == NULL) {
				lua_pop(p->L, 2);
				return luaL_error(S, "sandbox: argument %d is not a string", i);
			}
			lua_pushlstring(S, a, alen);
			lua_pop(p->L, 1);
		}
		p->nargs = n;
	}
	lua_pop(p->L, 1);
	return lua_gettop(S);
}

static void box_close(sbox *b)
{
	if (b->S != NULL) {
		lua_close(b->S);
		b->S = NULL;
	}
}

static int box_gc(lua_State *L)
{
	box_close(luaL_checkudata(L, 1, BOX_MT));
	return 0;
}

/* The new state's result (at its top) or error message, copied to L. */
static void copy_value(lua_State *L, lua_State *S)
{
	size_t len;
	const char *s;

	switch (lua_type(S, -1)) {
	case LUA_TNIL:
	case LUA_TNONE:
		lua_pushnil(L);
		break;
	case LUA_TBOOLEAN:
		lua_pushboolean(L, lua_toboolean(S, -1));
		break;
	case LUA_TNUMBER:
		if (lua_isinteger(S, -1))
			lua_pushinteger(L, lua_tointeger(S, -1));
		else
			lua_pushnumber(L, lua_tonumber(S, -1));
		break;
	case LUA_TSTRING:
		s = lua_tolstring(S, -1, &len);
		lua_pushlstring(L, s, len);
		break;
	default:
		lua_pushfstring(L, "(%s)", luaL_typename(S, -1));
		break;
	}
}

/*
 * Read path, cpath and args from the caller's opts (index 2) now, before S
 * exists: a metamethod or a memory error there raises in the caller, which
 * is harmless at this point. Index 2 is replaced by a plain array
 * {path|false, cpath|false, {args...}|false}; numbers become strings, any
 * other argument value is kept as is for sb_prepare to refuse.
 */
static void normalise_opts(lua_State *L)
{
	int i, n;

	lua_createtable(L, 3, 0);
	for (i = OPT_PATH; i <= OPT_CPATH; i++) {
		lua_getfield(L, 2, i == OPT_PATH ? "path" : "cpath");
		if (lua_type(L, -1) == LUA_TNUMBER)
			lua_tostring(L, -1);
		if (lua_type(L, -1) != LUA_TSTRING) {
			lua_pop(L, 1);
			lua_pushboolean(L, 0);
		}
		lua_rawseti(L, -2, i);
	}
	lua_getfield(L, 2, "args");
	if (lua_istable(L, -1)) {
		n = (int)lua_rawlen(L, -1);
		lua_createtable(L, n, 0);
		for (i = 1; i <= n; i++) {
			lua_rawgeti(L, -2, i);
			if (lua_type(L, -1) == LUA_TNUMBER)
				lua_tostring(L, -1);
			lua_rawseti(L, -2, i);
		}
		lua_remove(L, -2);
	} else {
		lua_pop(L, 1);
		lua_pushboolean(L, 0);
	}
	lua_rawseti(L, -2, OPT_ARGS);
	lua_replace(L, 2);
}

static int sb_run(lua_State *L)
{
	prep p;
	lua_Integer limit = 0;
	int st;
	sbox *b;
	lua_State *S;

	p.L = L;
	p.code = luaL_checklstring(L, 1, &p.len);
	p.nargs = 0;
	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		lua_getfield(L, 2, "maxmem");
		if (!lua_isnil(L, -1)) {
			int isint;
			limit = lua_tointegerx(L, -1, &isint);
			luaL_argcheck(L, isint && limit >= 0, 2, "maxmem must be a non-negative integer");
		}
		lua_pop(L, 1);
	} else {
		lua_settop(L, 1);
		lua_newtable(L);
	}
	lua_settop(L, 2);
	luaL_checkstack(L, 8, "sandbox");
	normalise_opts(L);
	b = pl_newuserdata(L, sizeof(*b), 0);    /* 3: closes S if L raises */
	memset(b, 0, sizeof(*b));
	luaL_setmetatable(L, BOX_MT);
	b->S = S = lua_newstate(pl_memlimit_alloc, &b->mem);
	if (S == NULL)
		return pl_memerror(L);
	lua_pushcfunction(S, sb_prepare);        /* light C function: no allocation */
	lua_pushlightuserdata(S, &p);
	st = lua_pcall(S, 1, LUA_MULTRET, 0);
	if (st == LUA_OK) {
		b->mem.limit = (size_t)limit;
		st = lua_pcall(S, p.nargs, 1, 0);
	}
	lua_pushboolean(L, st == LUA_OK);
	if (lua_gettop(S) == 0)
		lua_pushnil(L);
	else
		copy_value(L, S);
	lua_pushinteger(L, (lua_Integer)b->mem.peak);
	box_close(b);
	return 3;
}

PL_EXPORT int luaopen_proxylua_sandbox(lua_State *L);
int luaopen_proxylua_sandbox(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "run", sb_run },
		{ NULL, NULL }
	};

	if (luaL_newmetatable(L, BOX_MT)) {
		lua_pushcfunction(L, box_gc);
		lua_setfield(L, -2, "__gc");
		pl_setclose(L, lua_gettop(L), box_gc);
	}
	lua_pop(L, 1);
	luaL_newlib(L, fns);
	return 1;
}
