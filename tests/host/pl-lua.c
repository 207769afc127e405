/*
 * pl-lua: a minimal Lua host whose allocator enforces a memory limit, the way
 * HAProxy's tune.lua.maxmem does, so specs can check what happens when a
 * script (and proxylua's own buffers) outgrow it.
 *
 *   pl-lua script.lua [args...]
 *
 * The script gets two extra globals: maxmem(bytes) sets the limit (0 = none)
 * and memused() returns the bytes currently allocated through the state.
 * The allocator is lib/memlimit.c, the one proxylua.sandbox uses.
 */
#include <stdio.h>
#include <stdlib.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "proxylua/memlimit.h"

static pl_memlimit *get_budget(lua_State *L)
{
	void *ud;
	lua_getallocf(L, &ud);
	return ud;
}

static int l_maxmem(lua_State *L)
{
	get_budget(L)->limit = (size_t)luaL_checkinteger(L, 1);
	return 0;
}

static int l_memused(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)get_budget(L)->used);
	return 1;
}

static int report(lua_State *L, int status)
{
	if (status != LUA_OK)
		fprintf(stderr, "pl-lua: %s\n", lua_tostring(L, -1));
	return status;
}

int main(int argc, char **argv)
{
	pl_memlimit budget = {0, 0, 0};
	lua_State *L;
	int status, i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s script.lua [args...]\n", argv[0]);
		return 2;
	}
	L = lua_newstate(pl_memlimit_alloc, &budget);
	if (L == NULL)
		return 1;
	luaL_openlibs(L);
	lua_register(L, "maxmem", l_maxmem);
	lua_register(L, "memused", l_memused);
	lua_newtable(L);
	for (i = 0; i < argc; i++) {
		lua_pushstring(L, argv[i]);
		lua_rawseti(L, -2, i - 1);
	}
	lua_setglobal(L, "arg");
	status = report(L, luaL_loadfile(L, argv[1]));
	if (status == LUA_OK) {
		for (i = 2; i < argc; i++)
			lua_pushstring(L, argv[i]);
		status = report(L, lua_pcall(L, argc - 2, 0, 0));
	}
	lua_close(L);
	return status == LUA_OK ? 0 : 1;
}
