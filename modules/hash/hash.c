/*
 * proxylua.hash: HAProxy 2.6's hash, digest, encoding and zlib converters
 * for stock Lua. This file holds the value conversions every function
 * shares and luaopen; the functions live in fast.c (non-cryptographic
 * hashes), digest.c, encode.c and zlib.c, over the Lua-free lib/hash_*.c.
 */
#include <stdio.h>
#include "lhash.h"

/* A number as HAProxy turns it into an integer sample: integral values
 * (1.0, 1e10) are kept, anything else (0.5, out of range) becomes 0. */
static lua_Integer number_as_int(lua_State *L, int idx)
{
	int isnum;
	lua_Integer v = lua_tointegerx(L, idx, &isnum);
	return isnum ? v : 0;
}

const char *pl_lhash_bin_other(lua_State *L, int idx, size_t *n, char tmp[8])
{
	uint64_t u;
	int i;

	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
		u = (uint64_t)number_as_int(L, idx);
		break;
	case LUA_TBOOLEAN:
		u = (uint64_t)lua_toboolean(L, idx);
		break;
	default:
		return luaL_checklstring(L, idx, n);    /* raises */
	}
	for (i = 7; i >= 0; i--, u >>= 8)
		tmp[i] = (char)(u & 0xFF);
	*n = 8;
	return tmp;
}

const char *pl_lhash_text(lua_State *L, int idx, size_t *n, char tmp[32])
{
	int w;

	switch (lua_type(L, idx)) {
	case LUA_TSTRING:
		return lua_tolstring(L, idx, n);
	case LUA_TNUMBER:
		w = snprintf(tmp, 32, LUA_INTEGER_FMT, (LUAI_UACINT)number_as_int(L, idx));
		break;
	case LUA_TBOOLEAN:
		w = snprintf(tmp, 32, "%d", lua_toboolean(L, idx));
		break;
	default:
		return luaL_checklstring(L, idx, n);    /* raises */
	}
	*n = w > 0 ? (size_t)w : 0;
	return tmp;
}

lua_Integer pl_lhash_intarg(lua_State *L, int idx)
{
	switch (lua_type(L, idx)) {
	case LUA_TNUMBER:
		return number_as_int(L, idx);
	case LUA_TSTRING:
		return luaL_argerror(L, idx, "integer expected");
	default:
		return 0;       /* nil, booleans, tables: HAProxy reads 0 */
	}
}

void pl_lhash_maxargs(lua_State *L, int max)
{
	if (lua_gettop(L) > max)
		luaL_argerror(L, max + 1, "Last argument expected");
}

PL_EXPORT int luaopen_proxylua_hash(lua_State *L);
PL_EXPORT int luaopen_proxylua_hash(lua_State *L)
{
	lua_newtable(L);
	pl_lhash_open_fast(L);
	pl_lhash_open_encode(L);
	pl_lhash_open_digest(L);
	pl_lhash_open_zlib(L);
	lua_pushliteral(L, "proxylua.hash (HAProxy 2.6 converters)");
	lua_setfield(L, -2, "_DESCRIPTION");
	return 1;
}
