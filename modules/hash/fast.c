/*
 * The non-cryptographic hashes: HAProxy's sdbm, djb2, wt6, crc32, crc32c
 * (optional avalanche) and xxh32, xxh64, xxh3 (optional seed), plus zlib's
 * adler32. Results are the Lua integers txn.c gives: 0..2^32-1 for the
 * 32-bit hashes, the 64-bit pattern as a signed integer for xxh64/xxh3.
 * Kept lean: a short-key call costs little more than string.len.
 */
#include "lhash.h"

/* 64-bit hash to lua_Integer, two's complement without relying on the
 * implementation-defined unsigned-to-signed conversion. */
static inline lua_Integer as_signed(uint64_t u)
{
	return u <= (uint64_t)INT64_MAX ? (lua_Integer)u : -(lua_Integer)(~u) - 1;
}

#define HASH32_AV(name)                                                      \
static int l_##name(lua_State *L)                                            \
{                                                                            \
	char tmp[8];                                                         \
	size_t n;                                                            \
	const char *s = pl_lhash_bin(L, 1, &n, tmp);                         \
	uint32_t h = pl_hash_##name(s, n);                                   \
	if (lua_gettop(L) > 1) {                                             \
		pl_lhash_maxargs(L, 2);                                      \
		if (pl_lhash_intarg(L, 2) != 0)                              \
			h = pl_hash_avalanche(h);                            \
	}                                                                    \
	lua_pushinteger(L, (lua_Integer)h);                                  \
	return 1;                                                            \
}

HASH32_AV(sdbm)
HASH32_AV(djb2)
HASH32_AV(wt6)
HASH32_AV(crc32)
HASH32_AV(crc32c)

/* The seed is optional; a missing one is 0. */
static uint64_t seed_arg(lua_State *L)
{
	if (lua_gettop(L) < 2)
		return 0;
	pl_lhash_maxargs(L, 2);
	return (uint64_t)pl_lhash_intarg(L, 2);
}

static int l_xxh32(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);

	/* HAProxy keeps the seed's low 32 bits. */
	lua_pushinteger(L, (lua_Integer)pl_hash_xxh32(s, n, (uint32_t)seed_arg(L)));
	return 1;
}

static int l_xxh64(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);

	lua_pushinteger(L, as_signed(pl_hash_xxh64(s, n, seed_arg(L))));
	return 1;
}

static int l_xxh3(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);

	lua_pushinteger(L, as_signed(pl_hash_xxh3(s, n, seed_arg(L))));
	return 1;
}

static int l_adler32(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);

	pl_lhash_maxargs(L, 1);
	lua_pushinteger(L, (lua_Integer)pl_hash_adler32(s, n));
	return 1;
}

static int l_avalanche(lua_State *L)
{
	lua_Integer v = luaL_checkinteger(L, 1);
	lua_pushinteger(L, (lua_Integer)pl_hash_avalanche((uint32_t)v));
	return 1;
}

static const luaL_Reg fast_functions[] = {
	{ "sdbm", l_sdbm },
	{ "djb2", l_djb2 },
	{ "wt6", l_wt6 },
	{ "crc32", l_crc32 },
	{ "crc32c", l_crc32c },
	{ "xxh32", l_xxh32 },
	{ "xxh64", l_xxh64 },
	{ "xxh3", l_xxh3 },
	{ "adler32", l_adler32 },
	{ "avalanche", l_avalanche },
	{ NULL, NULL }
};

void pl_lhash_open_fast(lua_State *L)
{
	luaL_setfuncs(L, fast_functions, 0);
}
