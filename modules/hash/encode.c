/*
 * HAProxy's text converters: base64, ub64enc, b64dec, ub64dec, hex, hex2i,
 * url_dec, url_enc, json, lower, upper, bytes. Outputs are built in a
 * luaL_Buffer sized up front (one allocation, one copy). A decoder that
 * meets bad input returns nil and a reason, as txn.c returns nil.
 */
#include <string.h>
#include "lhash.h"

/* Start a result of at most cap bytes; raises on sizes that cannot exist. */
static char *result_init(lua_State *L, luaL_Buffer *b, size_t n, size_t mult)
{
	if (mult > 1 && n > ((size_t)-1) / mult)
		pl_memerror(L);
	return luaL_buffinitsize(L, b, n * mult);
}

/* Drop a started result and return nil, msg instead. */
static int result_fail(lua_State *L, luaL_Buffer *b, const char *msg)
{
	luaL_pushresultsize(b, 0);
	lua_pop(L, 1);
	pl_pushfail(L);
	lua_pushstring(L, msg);
	return 2;
}

static int b64enc(lua_State *L, int url)
{
	char tmp[8];
	size_t n, len;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);
	luaL_Buffer b;
	char *d;

	pl_lhash_maxargs(L, 1);
	if (n > ((size_t)-1) / 2)
		pl_memerror(L);
	len = pl_b64_enc_len(n, url);
	d = luaL_buffinitsize(L, &b, len);
	luaL_pushresultsize(&b, pl_b64_encode(d, s, n, url));
	return 1;
}

static int l_base64(lua_State *L)
{
	return b64enc(L, 0);
}

static int l_ub64enc(lua_State *L)
{
	return b64enc(L, 1);
}

static int b64dec(lua_State *L, int url)
{
	char tmp[32];
	size_t n;
	const char *s = pl_lhash_text(L, 1, &n, tmp);
	luaL_Buffer b;
	char *d;
	long r;

	pl_lhash_maxargs(L, 1);
	d = luaL_buffinitsize(L, &b, pl_b64_dec_len(n));
	r = url ? pl_ub64_decode((unsigned char *)d, s, n) : pl_b64_decode((unsigned char *)d, s, n);
	if (r < 0)
		return result_fail(L, &b, url ? "invalid base64url" : "invalid base64");
	luaL_pushresultsize(&b, (size_t)r);
	return 1;
}

static int l_b64dec(lua_State *L)
{
	return b64dec(L, 0);
}

static int l_ub64dec(lua_State *L)
{
	return b64dec(L, 1);
}

static int l_hex(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);
	luaL_Buffer b;
	char *d;

	pl_lhash_maxargs(L, 1);
	d = result_init(L, &b, n, 2);
	pl_hex_encode(d, s, n);
	luaL_pushresultsize(&b, 2 * n);
	return 1;
}

static int l_hex2i(lua_State *L)
{
	char tmp[32];
	size_t n;
	const char *s = pl_lhash_text(L, 1, &n, tmp);
	int64_t v;

	pl_lhash_maxargs(L, 1);
	if (pl_hex2i(s, n, &v) != PL_HASH_OK) {
		pl_pushfail(L);
		lua_pushliteral(L, "invalid hex digit");
		return 2;
	}
	lua_pushinteger(L, (lua_Integer)v);
	return 1;
}

static int l_url_dec(lua_State *L)
{
	char tmp[32];
	size_t n;
	const char *s = pl_lhash_text(L, 1, &n, tmp);
	int form;
	luaL_Buffer b;
	char *d;
	long r;

	pl_lhash_maxargs(L, 2);
	form = pl_lhash_intarg(L, 2) != 0;
	d = luaL_buffinitsize(L, &b, n);
	r = pl_url_decode(d, s, n, form);
	if (r < 0)
		return result_fail(L, &b, "invalid %-escape");
	luaL_pushresultsize(&b, (size_t)r);
	return 1;
}

static int l_url_enc(lua_State *L)
{
	char tmp[32];
	size_t n;
	const char *s = pl_lhash_text(L, 1, &n, tmp);
	luaL_Buffer b;
	char *d;

	pl_lhash_maxargs(L, 2);
	/* "query" is HAProxy's only type, and the default. */
	if (!lua_isnoneornil(L, 2) && strcmp(luaL_checkstring(L, 2), "query") != 0)
		return luaL_argerror(L, 2, lua_pushfstring(L, "unknown url_enc type '%s'",
		                                           lua_tostring(L, 2)));
	d = result_init(L, &b, n, 3);
	luaL_pushresultsize(&b, pl_url_encode(d, s, n));
	return 1;
}

static int l_json(lua_State *L)
{
	char tmp[32];
	size_t n;
	const char *s = pl_lhash_text(L, 1, &n, tmp);
	int mode = PL_JSON_ASCII;
	luaL_Buffer b;
	char *d;
	long r;

	pl_lhash_maxargs(L, 2);
	if (!lua_isnoneornil(L, 2)) {
		const char *name = luaL_checkstring(L, 2);
		mode = pl_json_mode(name);
		if (mode < 0)
			return luaL_argerror(L, 2, lua_pushfstring(L, "unknown json mode '%s'", name));
	}
	d = result_init(L, &b, n, 6);
	r = pl_json_escape(d, s, n, mode);
	if (r < 0)
		return result_fail(L, &b, "invalid UTF-8");
	luaL_pushresultsize(&b, (size_t)r);
	return 1;
}

static int change_case(lua_State *L, int upper)
{
	char tmp[32];
	size_t n;
	const char *s = pl_lhash_text(L, 1, &n, tmp);
	luaL_Buffer b;
	char *d;

	pl_lhash_maxargs(L, 1);
	d = luaL_buffinitsize(L, &b, n);
	if (upper)
		pl_ascii_upper(d, s, n);
	else
		pl_ascii_lower(d, s, n);
	luaL_pushresultsize(&b, n);
	return 1;
}

static int l_lower(lua_State *L)
{
	return change_case(L, 0);
}

static int l_upper(lua_State *L)
{
	return change_case(L, 1);
}

/* bytes(s, offset[, length]): HAProxy compares both unsigned, so a negative
 * offset is past the end and a negative length is no limit. */
static int l_bytes(lua_State *L)
{
	char tmp[8];
	size_t n;
	const char *s = pl_lhash_bin(L, 1, &n, tmp);
	lua_Integer off, len;

	pl_lhash_maxargs(L, 3);
	if (lua_isnoneornil(L, 2))
		return luaL_argerror(L, 2, "Mandatory argument expected");
	off = pl_lhash_intarg(L, 2);
	len = lua_isnoneornil(L, 3) ? -1 : pl_lhash_intarg(L, 3);
	if (off < 0 || (lua_Unsigned)off >= n) {
		lua_pushliteral(L, "");
		return 1;
	}
	n -= (size_t)off;
	if (len >= 0 && (lua_Unsigned)len < n)
		n = (size_t)len;
	lua_pushlstring(L, s + off, n);
	return 1;
}

static const luaL_Reg encode_functions[] = {
	{ "base64", l_base64 },
	{ "ub64enc", l_ub64enc },
	{ "b64dec", l_b64dec },
	{ "ub64dec", l_ub64dec },
	{ "hex", l_hex },
	{ "hex2i", l_hex2i },
	{ "url_dec", l_url_dec },
	{ "url_enc", l_url_enc },
	{ "json", l_json },
	{ "lower", l_lower },
	{ "upper", l_upper },
	{ "bytes", l_bytes },
	{ NULL, NULL }
};

void pl_lhash_open_encode(lua_State *L)
{
	luaL_setfuncs(L, encode_functions, 0);
}
