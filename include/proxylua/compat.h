/*
 * Lua 5.3 / 5.4 differences, in one place. This is the only file of the pack
 * allowed to test LUA_VERSION_NUM; everything else calls the pl_* names below.
 */
#ifndef PROXYLUA_COMPAT_H
#define PROXYLUA_COMPAT_H

#include <lua.h>
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#if LUA_VERSION_NUM < 503 || LUA_VERSION_NUM > 504
#error "proxylua supports Lua 5.3 and 5.4"
#endif

/* Only luaopen_* leaves the shared object; every other symbol is hidden. */
#define PL_EXPORT __attribute__((visibility("default")))

#if LUA_VERSION_NUM >= 504
#define pl_newuserdata(L, sz, nuv) lua_newuserdatauv((L), (sz), (nuv))
#define pl_getuservalue(L, idx, n) lua_getiuservalue((L), (idx), (n))
#define pl_setuservalue(L, idx, n) lua_setiuservalue((L), (idx), (n))
#define pl_pushfail(L)             luaL_pushfail(L)
#define PL_HAS_CLOSE 1
static inline int pl_resume(lua_State *co, lua_State *from, int narg, int *nres)
{
	return lua_resume(co, from, narg, nres);
}
#else
/*
 * 5.3 has exactly one uservalue per userdata: callers ask for at most one.
 * pl_resume: 5.3 has no nres, so it reports lua_gettop(co). After a yield
 * made by a count hook that is the interrupted Lua frame's size, not 0:
 * callers must not pop results after a hook yield.
 */
#define pl_newuserdata(L, sz, nuv) lua_newuserdata((L), (sz))
#define pl_getuservalue(L, idx, n) lua_getuservalue((L), (idx))
#define pl_setuservalue(L, idx, n) (lua_setuservalue((L), (idx)), 1)
#define pl_pushfail(L)             lua_pushnil(L)
#define PL_HAS_CLOSE 0
static inline int pl_resume(lua_State *co, lua_State *from, int narg, int *nres)
{
	int st = lua_resume(co, from, narg);
	*nres = lua_gettop(co);
	return st;
}
#endif

/*
 * string.format("%q", x) for a float x that is inf, -inf or nan: 5.4 writes
 * a literal that reads back (1e9999, -1e9999, (0/0)); 5.3 has no special
 * case and writes what "%a" gives (inf, -inf, nan or -nan). NULL: use "%a".
 */
static inline const char *pl_quote_nonfinite(lua_Number x, size_t *len)
{
#if LUA_VERSION_NUM >= 504
	const char *s = x == (lua_Number)HUGE_VAL ? "1e9999"
	              : x == -(lua_Number)HUGE_VAL ? "-1e9999"
	              : x != x ? "(0/0)" : NULL;
	*len = s ? strlen(s) : 0;
	return s;
#else
	(void)x;
	*len = 0;
	return NULL;
#endif
}

/*
 * string.format's spec limits: 5.3 refuses more than five flag characters
 * ("repeated flags"); 5.4 takes any number of them as long as flags, width
 * and precision stay under 21 bytes.
 */
#if LUA_VERSION_NUM >= 504
#define PL_FORMAT_MAX_FLAGS 20
#else
#define PL_FORMAT_MAX_FLAGS 5
#endif
#define PL_FORMAT_MAX_SPEC 20

/* string.format has %p (lua_topointer) from 5.4 on. */
#if LUA_VERSION_NUM >= 504
#define PL_FORMAT_HAS_P 1
#else
#define PL_FORMAT_HAS_P 0
#endif

/* Raise the same error Lua's own allocator failures raise. */
static inline int pl_memerror(lua_State *L)
{
	lua_pushliteral(L, "not enough memory");
	return lua_error(L);
}

/*
 * Set mt.__close = f (with mt as its upvalue 1, the pack's convention for
 * methods) where the running Lua knows to-be-closed variables; 5.3 has none.
 */
static inline void pl_setclose(lua_State *L, int mt, lua_CFunction f)
{
#if LUA_VERSION_NUM >= 504
	mt = lua_absindex(L, mt);
	lua_pushvalue(L, mt);
	lua_pushcclosure(L, f, 1);
	lua_setfield(L, mt, "__close");
#else
	(void)L; (void)mt; (void)f;
#endif
}

/* Same, with the value at index `up` as upvalue 1 instead of mt itself. */
static inline void pl_setclose_up(lua_State *L, int mt, lua_CFunction f, int up)
{
#if LUA_VERSION_NUM >= 504
	mt = lua_absindex(L, mt);
	lua_pushvalue(L, up);
	lua_pushcclosure(L, f, 1);
	lua_setfield(L, mt, "__close");
#else
	(void)L; (void)mt; (void)f; (void)up;
#endif
}

#endif
