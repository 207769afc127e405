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
static unsigned runs;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (L == NULL)
		L = fuzz_lua_open("fuzz_addf.lua", NULL, "proxylua.concat", luaopen_proxylua_concat, &check);
	fuzz_lua_input(L, check, data, size, &runs, 256);
	return 0;
}
