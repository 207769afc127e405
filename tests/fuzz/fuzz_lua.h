/*
 * For the targets that call Lua (liblua5.3 / liblua5.4 from Debian): one
 * state per process, and Lua line coverage handed to libFuzzer through its
 * extra-counters section, so that the fuzzer also steers by the Lua lines
 * an input reaches (liblua itself is not instrumented).
 */
#ifndef PL_FUZZ_LUA_H
#define PL_FUZZ_LUA_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "fuzz.h"

#define FUZZ_LUA_COUNTERS (1u << 14)
__attribute__((used, section("__libfuzzer_extra_counters")))
static uint8_t fuzz_lua_cov[FUZZ_LUA_COUNTERS];

static void fuzz_lua_hook(lua_State *L, lua_Debug *ar)
{
	uintptr_t h;

	if (!lua_getinfo(L, "S", ar))
		return;
	h = ((uintptr_t)ar->source >> 4) * 2654435761u + (uintptr_t)ar->currentline * 40503u;
	fuzz_lua_cov[h % FUZZ_LUA_COUNTERS]++;
}

/* Calls the function on top with the input as a string; a Lua error or a
 * non-nil result (a mismatch the driver describes) is a finding. */
static inline void fuzz_lua_call(lua_State *L, int fn, const uint8_t *data, size_t size)
{
	lua_pushvalue(L, fn);
	lua_pushlstring(L, (const char *)data, size);
	if (lua_pcall(L, 1, 1, 0) != LUA_OK || !lua_isnil(L, -1)) {
		fprintf(stderr, "finding: %s\n", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(not a string)");
		abort();
	}
	lua_pop(L, 1);
}

#endif
