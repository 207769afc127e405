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

/*
 * A state with the standard libraries, package.path/cpath on build (NULL:
 * leave them), and `open` preloaded as `name` (NULL: none); then the driver
 * tests/fuzz/<driver> (PL_FUZZ_DIR overrides the folder) runs with the
 * preloaded module as its argument and returns the checking function, left
 * on the stack at the returned index. Line coverage goes to libFuzzer.
 */
static inline lua_State *fuzz_lua_open(const char *driver, const char *build, const char *name,
                                       lua_CFunction open, int *fn)
{
	const char *dir = getenv("PL_FUZZ_DIR");
	char path[4096];
	lua_State *L = luaL_newstate();
	int nargs = 0;

	luaL_openlibs(L);
	if (build != NULL) {
		lua_getglobal(L, "package");
		lua_pushfstring(L, "%s/?.lua;./?.lua", build);
		lua_setfield(L, -2, "path");
		lua_pushfstring(L, "%s/?.so", build);
		lua_setfield(L, -2, "cpath");
		lua_pop(L, 1);
	}
	snprintf(path, sizeof(path), "%s/%s", dir ? dir : "tests/fuzz", driver);
	if (luaL_loadfile(L, path) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		abort();
	}
	if (name != NULL) {
		luaL_requiref(L, name, open, 0);
		nargs = 1;
	}
	if (lua_pcall(L, nargs, 1, 0) != LUA_OK) {
		fprintf(stderr, "%s\n", lua_tostring(L, -1));
		abort();
	}
	*fn = lua_gettop(L);
	lua_sethook(L, fuzz_lua_hook, LUA_MASKLINE, 0);
	return L;
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

/* One input: inputs over 4 KB are skipped, a full collection every gc_every. */
static inline void fuzz_lua_input(lua_State *L, int fn, const uint8_t *data, size_t size,
                                  unsigned *runs, unsigned gc_every)
{
	if (size > 4096)
		return;
	fuzz_lua_call(L, fn, data, size);
	if (++*runs % gc_every == 0)
		lua_gc(L, LUA_GCCOLLECT, 0);
}

/* A whole target that checks each input with one driver on the modules of
 * build/5.3 (PROXYLUA_BUILD overrides): the state is made at the first input. */
static inline void fuzz_lua_driver_input(const char *driver, const uint8_t *data, size_t size)
{
	static lua_State *L;
	static int fn;
	static unsigned runs;

	if (L == NULL) {
		const char *build = getenv("PROXYLUA_BUILD");
		L = fuzz_lua_open(driver, build ? build : "build/5.3", NULL, NULL, &fn);
	}
	fuzz_lua_input(L, fn, data, size, &runs, 64);
}

#endif
