/*
 * b:addf(fmt, ...) against string.format (built once per Lua version:
 * fuzz_addf-5.3, fuzz_addf-5.4). The input is a format and up to eight
 * arguments (integers, floats, strings, booleans, nil); fuzz_addf.lua
 * says what must agree (docs/concat.md: same output wherever
 * string.format accepts the format).
 */
#include "fuzz_lua.h"

int luaopen_proxylua_concat(lua_State *L);

static lua_State *L;
static int check;

static void init(void)
{
	const char *dir = getenv("PL_FUZZ_DIR");
	char path[4096];

	L = luaL_newstate();
	luaL_openlibs(L);
	luaL_requiref(L, "proxylua.concat", luaopen_proxylua_concat, 0);
	snprintf(path, sizeof(path), "%s/fuzz_addf.lua", dir ? dir : "tests/fuzz");
	if (luaL_loadfile(L, path) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		abort();
	}
	lua_insert(L, -2);
	if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
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
	if (++runs % 256 == 0)
		lua_gc(L, LUA_GCCOLLECT, 0);
	return 0;
}
