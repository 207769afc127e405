/*
 * The HTTP pieces proxylua.testing parses (modules/core: header lines,
 * comma-split values, request targets, url and body parameters, cookies),
 * through liblua5.3 and the Lua driver fuzz_http.lua, with the modules of
 * build/5.3 (PROXYLUA_BUILD overrides).
 */
#include "fuzz_lua.h"

static lua_State *L;
static int check;

static void init(void)
{
	const char *dir = getenv("PL_FUZZ_DIR"), *build = getenv("PROXYLUA_BUILD");
	char path[4096];

	if (build == NULL)
		build = "build/5.3";
	L = luaL_newstate();
	luaL_openlibs(L);
	lua_getglobal(L, "package");
	lua_pushfstring(L, "%s/?.lua;./?.lua", build);
	lua_setfield(L, -2, "path");
	lua_pushfstring(L, "%s/?.so", build);
	lua_setfield(L, -2, "cpath");
	lua_pop(L, 1);
	snprintf(path, sizeof(path), "%s/fuzz_http.lua", dir ? dir : "tests/fuzz");
	if (luaL_loadfile(L, path) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		abort();
	}
	check = lua_gettop(L);
	lua_sethook(L, fuzz_lua_hook, LUA_MASKLINE, 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned runs;

	if (L == NULL)
		init();
	if (size > 4096)
		return 0;
	fuzz_lua_call(L, check, data, size);
	if (++runs % 64 == 0)
		lua_gc(L, LUA_GCCOLLECT, 0);
	return 0;
}
