/*
 * A counting allocator with a limit, knowing nothing of Lua: the way
 * HAProxy's tune.lua.maxmem bounds a Lua state, for a state proxylua creates
 * itself (proxylua.sandbox, the tests/host/pl-lua host). Its signature is
 * lua_Alloc's: pass pl_memlimit_alloc and a pl_memlimit to lua_newstate.
 */
#ifndef PROXYLUA_MEMLIMIT_H
#define PROXYLUA_MEMLIMIT_H

#include <stddef.h>

typedef struct pl_memlimit {
	size_t used;    /* bytes allocated now */
	size_t limit;   /* 0: none; may change at any time */
	size_t peak;    /* highest `used` seen */
} pl_memlimit;

/* realloc/free with lua_Alloc's contract, counting into ud (a pl_memlimit).
 * A request that would take `used` past `limit` fails (NULL) unless it
 * shrinks a block: Lua assumes shrinking never fails. */
void *pl_memlimit_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

#endif
