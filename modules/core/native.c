/*
 * proxylua.core_native: the few things proxylua.core cannot do in plain Lua:
 * the wall clock with microseconds (core.now), the process id (log lines),
 * the C library's strftime (time converters) and PCRE2 regexes (regex.c).
 */
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "lnative.h"

/* now() -> sec, usec of the wall clock, as HAProxy's date. */
static int native_now(lua_State *L)
{
	struct timeval tv;
	gettimeofday(&tv, NULL);
	lua_pushinteger(L, (lua_Integer)tv.tv_sec);
	lua_pushinteger(L, (lua_Integer)tv.tv_usec);
	return 2;
}

static int native_getpid(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)getpid());
	return 1;
}

/*
 * strftime(format, t, utc) -> the C library's strftime of the epoch t in UTC
 * (utc true) or local time, as HAProxy's time converters call it: into a
 * buffer of tune.bufsize (16384) bytes, "" when the text does not fit; nil
 * when the date cannot be represented.
 */
#define PL_STRFTIME_SIZE 16384
static int native_strftime(lua_State *L)
{
	const char *format = luaL_checkstring(L, 1);
	time_t t = (time_t)luaL_checkinteger(L, 2);
	int utc = lua_toboolean(L, 3);
	struct tm tm;
	luaL_Buffer b;
	char *out;
	size_t n;

	if (!(utc ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)))
		return 0;
	out = luaL_buffinitsize(L, &b, PL_STRFTIME_SIZE);
	n = strftime(out, PL_STRFTIME_SIZE, format, &tm);
	luaL_pushresultsize(&b, n);
	return 1;
}

/*
 * box(v) -> userdata carrying v: HAProxy hands some values to Lua as opaque
 * userdata (core.parse_addr), which plain Lua cannot create.
 */
static int native_box(lua_State *L)
{
	luaL_checkany(L, 1);
	pl_newuserdata(L, 1, 1);
	lua_pushvalue(L, 1);
	(void)pl_setuservalue(L, -2, 1);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, -2);
	return 1;
}

/* unbox(u) -> the boxed value, or nil for anything else. */
static int native_unbox(lua_State *L)
{
	if (lua_type(L, 1) != LUA_TUSERDATA || !lua_getmetatable(L, 1))
		return 0;
	if (!lua_rawequal(L, -1, lua_upvalueindex(1)))
		return 0;
	pl_getuservalue(L, 1, 1);
	return 1;
}

/*
 * cfunc(f) -> a C function calling f. The emulated API is Lua, but scripts
 * must see C functions: a tail call to one keeps the caller's frame, so
 * argument errors can name the method as lauxlib does inside HAProxy. The
 * call is made with a continuation, so f may yield (core.sleep in actions).
 */
static int cfunc_k(lua_State *L, int status, lua_KContext ctx)
{
	(void)status;
	(void)ctx;
	return lua_gettop(L);
}

static int cfunc_call(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	lua_callk(L, lua_gettop(L) - 1, LUA_MULTRET, 0, cfunc_k);
	return lua_gettop(L);
}

static int native_cfunc(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TFUNCTION);
	lua_settop(L, 1);
	lua_pushcclosure(L, cfunc_call, 1);
	return 1;
}

static const luaL_Reg native_functions[] = {
	{"cfunc", native_cfunc},
	{"now", native_now},
	{"getpid", native_getpid},
	{"strftime", native_strftime},
	{NULL, NULL}
};

PL_EXPORT int luaopen_proxylua_core_native(lua_State *L);
PL_EXPORT int luaopen_proxylua_core_native(lua_State *L)
{
	luaL_newlib(L, native_functions);
	/* box/unbox share one private metatable as upvalue. */
	lua_newtable(L);
	lua_pushvalue(L, -1);
	lua_pushcclosure(L, native_box, 1);
	lua_setfield(L, -3, "box");
	lua_pushcclosure(L, native_unbox, 1);
	lua_setfield(L, -2, "unbox");
	pl_core_regex_open(L);
	pl_core_crypto_open(L);
	return 1;
}
