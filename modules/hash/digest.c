/*
 * Digests and HMAC: digest(alg, s), sha1, sha2(s[, bits]), md5,
 * hmac(alg, key, s), and streaming objects from new(alg) / hmac_new(alg, key).
 * Raw bytes out, as HAProxy's converters give them.
 *
 * Each state keeps one OpenSSL context per algorithm name it has used, in
 * tables held as upvalues (never C globals: HAProxy may run one Lua state
 * per thread). A context is fetched once and re-initialised per message.
 * Upvalues of every function here:
 *   1 digest cache {name = box}   2 HMAC cache {name = box}
 *   3 stream metatable            4 box metatable (__gc only)
 * OpenSSL allocates its contexts with its own allocator, not Lua's.
 */
#include <string.h>
#include "lhash.h"

#define STREAM_MT "proxylua.hash.digest"

typedef struct ctxbox {
	pl_hctx *c;
	int hmac;
	int finished;           /* streams: final() done, reset() needed */
} ctxbox;

/* __gc / __close, with its metatable as upvalue 1: anything else passed
 * in (getmetatable(d).__gc(io.stdout)) is left alone. */
static int box_gc(lua_State *L)
{
	ctxbox *b = lua_touserdata(L, 1);
	int ours = b != NULL && lua_getmetatable(L, 1) && lua_rawequal(L, -1, lua_upvalueindex(1));

	if (ours && b->c != NULL) {
		pl_hctx_free(b->c);
		b->c = NULL;
	}
	return 0;
}

/* Push a fresh box with the given metatable, then create its context, so
 * that a failure after the allocation leaves nothing unowned. Returns the
 * PL_HASH_* code; on PL_HASH_EUNAVAIL the message is pushed instead of the
 * box; unknown names raise an argument error for argument algidx. */
static int new_box(lua_State *L, int algidx, int hmac, int mtidx)
{
	char err[256];
	const char *alg = luaL_checkstring(L, algidx);
	ctxbox *b = pl_newuserdata(L, sizeof(*b), 0);
	int r;

	b->c = NULL;
	b->hmac = hmac;
	b->finished = 0;
	lua_pushvalue(L, mtidx);
	lua_setmetatable(L, -2);
	r = pl_hctx_new(&b->c, alg, hmac, err, sizeof(err));
	switch (r) {
	case PL_HASH_OK:
		return r;
	case PL_HASH_EUNKNOWN:
		return luaL_argerror(L, algidx, err);
	case PL_HASH_ENOMEM:
		return pl_memerror(L);
	default:
		lua_pop(L, 1);
		lua_pushstring(L, err);
		return r;
	}
}

/* The state's context for alg (argument algidx). NULL with the reason on
 * the stack when OpenSSL cannot run it. */
static pl_hctx *cached_ctx(lua_State *L, int algidx, int hmac)
{
	int cache = lua_upvalueindex(hmac ? 2 : 1);
	ctxbox *b;

	lua_pushvalue(L, algidx);
	if (lua_rawget(L, cache) == LUA_TUSERDATA) {
		b = lua_touserdata(L, -1);
		lua_pop(L, 1);
		return b->c;
	}
	lua_pop(L, 1);
	if (new_box(L, algidx, hmac, lua_upvalueindex(4)) != PL_HASH_OK)
		return NULL;
	b = lua_touserdata(L, -1);
	lua_pushvalue(L, algidx);
	lua_pushvalue(L, -2);
	lua_rawset(L, cache);           /* cache[alg] = box */
	lua_pop(L, 1);
	return b->c;
}

/* Runtime failure: nil, message (already on top) */
static int fail_top(lua_State *L)
{
	pl_pushfail(L);
	lua_insert(L, -2);
	return 2;
}

static int push_oneshot(lua_State *L, pl_hctx *c, const char *key, size_t keylen,
                        const char *s, size_t n)
{
	unsigned char out[PL_DIGEST_MAX];
	char err[256];
	int r = pl_hctx_oneshot(c, key, keylen, s, n, out, err, sizeof(err));

	if (r < 0) {
		lua_pushstring(L, err);
		return fail_top(L);
	}
	lua_pushlstring(L, (const char *)out, (size_t)r);
	return 1;
}

/* digest(alg, s) */
static int l_digest(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 2, &n, tmp);
	pl_hctx *c;

	pl_lhash_maxargs(L, 2);
	c = cached_ctx(L, 1, 0);
	return c ? push_oneshot(L, c, NULL, 0, s, n) : fail_top(L);
}

/* Shortcut for a fixed algorithm name already pushed on top. */
static int named_digest(lua_State *L, const char *s, size_t n)
{
	pl_hctx *c = cached_ctx(L, lua_gettop(L), 0);
	return c ? push_oneshot(L, c, NULL, 0, s, n) : fail_top(L);
}

static int l_sha1(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);

	pl_lhash_maxargs(L, 1);
	lua_pushliteral(L, "sha1");
	return named_digest(L, s, n);
}

static int l_md5(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);

	pl_lhash_maxargs(L, 1);
	lua_pushliteral(L, "md5");
	return named_digest(L, s, n);
}

/* sha2(s[, bits]): 256 when absent; 224, 256, 384 or 512 otherwise (an
 * explicit 0 raises, as in HAProxy). */
static int l_sha2(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);
	lua_Integer bits = 256;

	pl_lhash_maxargs(L, 2);
	if (!lua_isnoneornil(L, 2))
		bits = pl_lhash_intarg(L, 2);
	switch (bits) {
	case 224: lua_pushliteral(L, "sha224"); break;
	case 256: lua_pushliteral(L, "sha256"); break;
	case 384: lua_pushliteral(L, "sha384"); break;
	case 512: lua_pushliteral(L, "sha512"); break;
	default:
		return luaL_argerror(L, 2, "bits must be 224, 256, 384 or 512");
	}
	return named_digest(L, s, n);
}

/* hmac(alg, key, s): the key is raw bytes (HAProxy's converter takes it in
 * base64; decode it with b64dec first). */
static int l_hmac(lua_State *L)
{
	char tmp[8];
	size_t keylen, n;
	const char *key = luaL_checklstring(L, 2, &keylen);
	const char *s = pl_lhash_bin(L, 3, &n, tmp);
	pl_hctx *c;

	pl_lhash_maxargs(L, 3);
	c = cached_ctx(L, 1, 1);
	return c ? push_oneshot(L, c, key, keylen, s, n) : fail_top(L);
}

/* ---- streaming objects ---- */

static ctxbox *check_stream(lua_State *L)
{
	ctxbox *b = lua_touserdata(L, 1);

	if (b == NULL || !lua_getmetatable(L, 1) || !lua_rawequal(L, -1, lua_upvalueindex(1)))
		b = luaL_checkudata(L, 1, STREAM_MT);   /* raises with lauxlib's words */
	else
		lua_pop(L, 1);
	if (b->c == NULL)
		luaL_error(L, "digest object is closed");
	return b;
}

/* new(alg) / hmac_new(alg, key): the object, or nil, msg if OpenSSL knows
 * the name but cannot run it. */
static int start_stream(lua_State *L, int hmac)
{
	char err[256];
	size_t keylen = 0;
	const char *key = hmac ? luaL_checklstring(L, 2, &keylen) : NULL;
	ctxbox *b;

	pl_lhash_maxargs(L, hmac ? 2 : 1);
	if (new_box(L, 1, hmac, lua_upvalueindex(3)) != PL_HASH_OK)
		return fail_top(L);
	b = lua_touserdata(L, -1);
	if (pl_hctx_init(b->c, hmac ? key : NULL, keylen, err, sizeof(err)) != PL_HASH_OK) {
		lua_pushstring(L, err);
		return fail_top(L);
	}
	return 1;
}

static int l_new(lua_State *L)
{
	return start_stream(L, 0);
}

static int l_hmac_new(lua_State *L)
{
	return start_stream(L, 1);
}

/* obj:update(s): returns obj, for chaining. */
static int m_update(lua_State *L)
{
	ctxbox *b = check_stream(L);
	char tmp[8], err[256];
	size_t n;
	const char *s = pl_lhash_bin(L, 2, &n, tmp);

	if (b->finished)
		return luaL_error(L, "digest already finalized (call reset)");
	if (pl_hctx_update(b->c, s, n, err, sizeof(err)) != PL_HASH_OK) {
		lua_pushstring(L, err);
		return fail_top(L);
	}
	lua_settop(L, 1);
	return 1;
}

static int finish(lua_State *L, int hex)
{
	static const char digits[] = "0123456789abcdef";
	ctxbox *b = check_stream(L);
	unsigned char out[PL_DIGEST_MAX];
	char err[256], text[2 * PL_DIGEST_MAX];
	int r, i;

	if (b->finished)
		return luaL_error(L, "digest already finalized (call reset)");
	r = pl_hctx_final(b->c, out, err, sizeof(err));
	b->finished = 1;
	if (r < 0) {
		lua_pushstring(L, err);
		return fail_top(L);
	}
	if (!hex) {
		lua_pushlstring(L, (const char *)out, (size_t)r);
		return 1;
	}
	for (i = 0; i < r; i++) {
		text[2 * i] = digits[out[i] >> 4];
		text[2 * i + 1] = digits[out[i] & 15];
	}
	lua_pushlstring(L, text, 2 * (size_t)r);
	return 1;
}

static int m_final(lua_State *L)
{
	return finish(L, 0);
}

static int m_hexfinal(lua_State *L)
{
	return finish(L, 1);
}

/* obj:reset(): a new message, same algorithm and key. */
static int m_reset(lua_State *L)
{
	ctxbox *b = check_stream(L);
	char err[256];

	if (pl_hctx_init(b->c, NULL, 0, err, sizeof(err)) != PL_HASH_OK) {
		lua_pushstring(L, err);
		return fail_top(L);
	}
	b->finished = 0;
	lua_settop(L, 1);
	return 1;
}

static int m_size(lua_State *L)
{
	ctxbox *b = check_stream(L);
	lua_pushinteger(L, (lua_Integer)pl_hctx_size(b->c));
	return 1;
}

static int m_tostring(lua_State *L)
{
	ctxbox *b = luaL_checkudata(L, 1, STREAM_MT);
	lua_pushfstring(L, "%s (%p)", b->hmac ? "proxylua.hash.hmac" : STREAM_MT, (void *)b);
	return 1;
}

static const luaL_Reg stream_methods[] = {
	{ "update", m_update },
	{ "final", m_final },
	{ "hexfinal", m_hexfinal },
	{ "reset", m_reset },
	{ "size", m_size },
	{ NULL, NULL }
};

static const luaL_Reg digest_functions[] = {
	{ "digest", l_digest },
	{ "sha1", l_sha1 },
	{ "sha2", l_sha2 },
	{ "md5", l_md5 },
	{ "hmac", l_hmac },
	{ "new", l_new },
	{ "hmac_new", l_hmac_new },
	{ NULL, NULL }
};

void pl_lhash_open_digest(lua_State *L)
{
	int mt;

	lua_newtable(L);                        /* t dcache */
	lua_newtable(L);                        /* t dcache hcache */
	luaL_newmetatable(L, STREAM_MT);        /* t dcache hcache smt */
	mt = lua_gettop(L);
	lua_newtable(L);                        /* ... smt methods */
	lua_pushvalue(L, mt);
	luaL_setfuncs(L, stream_methods, 1);
	lua_setfield(L, mt, "__index");
	lua_pushvalue(L, mt);
	lua_pushcclosure(L, box_gc, 1);
	lua_setfield(L, mt, "__gc");
	lua_pushcfunction(L, m_tostring);
	lua_setfield(L, mt, "__tostring");
	pl_setclose(L, mt, box_gc);
	lua_newtable(L);                        /* t dcache hcache smt boxmt */
	lua_pushvalue(L, -1);
	lua_pushcclosure(L, box_gc, 1);
	lua_setfield(L, -2, "__gc");
	lua_pushliteral(L, "private");
	lua_setfield(L, -2, "__metatable");
	luaL_setfuncs(L, digest_functions, 4);  /* t */
}
