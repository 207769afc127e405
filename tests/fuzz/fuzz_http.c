/*
 * The HTTP pieces proxylua.testing parses (modules/core: header lines,
 * comma-split values, request targets, url and body parameters, cookies),
 * through liblua5.3 and the Lua driver fuzz_http.lua, with the modules of
 * build/5.3 (PROXYLUA_BUILD overrides).
 */
#include "fuzz_lua.h"

static lua_State *L;
static int check;
static unsigned runs;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (L == NULL) {
		const char *build = getenv("PROXYLUA_BUILD");
		L = fuzz_lua_open("fuzz_http.lua", build ? build : "build/5.3", NULL, NULL, &check);
	}
	fuzz_lua_input(L, check, data, size, &runs, 64);
	return 0;
}
