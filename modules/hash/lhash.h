/*
 * Shared pieces of the proxylua.hash binding: how Lua values become
 * converter inputs and arguments (HAProxy's rules, docs/haproxy-hashes.md
 * §1.2, §1.3), and each file's registration function. The binding's names
 * are pl_lhash_*; pl_hash_* belongs to the library (include/proxylua/hash.h).
 */
#ifndef PROXYLUA_LHASH_H
#define PROXYLUA_LHASH_H

#include "proxylua/compat.h"
#include "proxylua/hash.h"

/* Slow path of pl_lhash_bin: numbers become 8 big-endian bytes in tmp,
 * booleans 1 or 0 the same way; anything else raises. */
const char *pl_lhash_bin_other(lua_State *L, int idx, size_t *n, char tmp[8]);

/* Input of a binary converter (hashes, digests, base64, hex). */
static inline const char *pl_lhash_bin(lua_State *L, int idx, size_t *n, char tmp[8])
{
	if (lua_type(L, idx) == LUA_TSTRING)
		return lua_tolstring(L, idx, n);
	return pl_lhash_bin_other(L, idx, n, tmp);
}

/* Input of a string converter (decoders, json, lower...): numbers become
 * decimal text, booleans "1"/"0"; anything else raises. tmp holds 32. */
const char *pl_lhash_text(lua_State *L, int idx, size_t *n, char tmp[32]);

/* Integer argument as HAProxy reads it from Lua: numbers with an integral
 * value as themselves, other numbers and non-strings 0, strings raise. */
lua_Integer pl_lhash_intarg(lua_State *L, int idx);

/* Raise HAProxy's "Last argument expected" when more than max are given. */
void pl_lhash_maxargs(lua_State *L, int max);

/* Each adds its functions to the table on top of the stack. */
void pl_lhash_open_fast(lua_State *L);
void pl_lhash_open_digest(lua_State *L);
void pl_lhash_open_encode(lua_State *L);
void pl_lhash_open_zlib(lua_State *L);

#endif
