/*
 * The HTTP pieces proxylua.testing parses (modules/core: header lines,
 * comma-split values, request targets, url and body parameters, cookies),
 * through liblua5.3 and the Lua driver fuzz_http.lua, with the modules of
 * build/5.3 (PROXYLUA_BUILD overrides).
 */
#include "fuzz_lua.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lua_driver_input("fuzz_http.lua", data, size);
	return 0;
}
