/*
 * proxylua.luasocket's pure-Lua parsers, through liblua5.3 and a driver
 * tests/fuzz/fuzz_luasocket_<FUZZ_PART>.lua with the modules of build/5.3
 * (PROXYLUA_BUILD overrides): "receive" (patterns and buffered chunks
 * through the socket's receive, against a model of LuaSocket's answers) and
 * "dnswire" (DNS answers, which must never raise). One binary per part.
 */
#include "fuzz_lua.h"

#ifndef FUZZ_PART
#error "FUZZ_PART (receive or dnswire) is set by the Makefile"
#endif
#define FUZZ_STR2(x) #x
#define FUZZ_STR(x) FUZZ_STR2(x)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_lua_driver_input("fuzz_luasocket_" FUZZ_STR(FUZZ_PART) ".lua", data, size);
	return 0;
}
