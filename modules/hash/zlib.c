/*
 * zlib: compress/decompress in one call and deflate()/inflate() streaming
 * objects, for gzip, zlib and raw deflate. zlib's memory comes from the
 * state's allocator. Inflate stops with nil, msg once its output would pass
 * a limit (64 MiB unless told otherwise), so a bomb costs at most that.
 *
 * The stream and its output buffer live in a userdata: when a Lua error
 * (memory) interrupts a call, __gc still frees everything.
 */
#include <string.h>
#include "lhash.h"

#define ZSTREAM_MT "proxylua.hash.zstream"
#define DEFAULT_LIMIT ((size_t)64 << 20)

typedef struct zbox {
	pl_zstream *z;
	pl_buf out;             /* reused between writes */
	int inflate;
} zbox;

typedef struct zopts {
	int format;
	int level;
	size_t limit;
} zopts;

static int format_by_name(const char *name, int inflate)
{
	if (strcmp(name, "gzip") == 0)
		return PL_Z_GZIP;
	if (strcmp(name, "zlib") == 0)
		return PL_Z_ZLIB;
	if (strcmp(name, "raw") == 0)
		return PL_Z_RAW;
	if (inflate && strcmp(name, "auto") == 0)
		return PL_Z_AUTO;
	return -1;
}

static void check_format(lua_State *L, int arg, const char *name, int inflate, zopts *o)
{
	o->format = format_by_name(name, inflate);
	if (o->format < 0)
		luaL_argerror(L, arg, lua_pushfstring(L, "unknown format '%s' (%s)", name,
			inflate ? "gzip, zlib, raw or auto" : "gzip, zlib or raw"));
}

/* opts: nil, a format name, or {format=, level=, limit=}. */
static void parse_opts(lua_State *L, int arg, int inflate, zopts *o)
{
	o->format = inflate ? PL_Z_AUTO : PL_Z_GZIP;
	o->level = -1;
	o->limit = DEFAULT_LIMIT;
	switch (lua_type(L, arg)) {
	case LUA_TNONE:
	case LUA_TNIL:
		return;
	case LUA_TSTRING:
		check_format(L, arg, lua_tostring(L, arg), inflate, o);
		return;
	case LUA_TTABLE:
		break;
	default:
		luaL_argerror(L, arg, "options table or format name expected");
		return;
	}
	if (lua_getfield(L, arg, "format") != LUA_TNIL) {
		if (lua_type(L, -1) != LUA_TSTRING)
			luaL_argerror(L, arg, "format must be a string");
		check_format(L, arg, lua_tostring(L, -1), inflate, o);
	}
	lua_pop(L, 1);
	if (lua_getfield(L, arg, "level") != LUA_TNIL) {
		int isint;
		lua_Integer v = lua_tointegerx(L, -1, &isint);
		if (!isint || v < -1 || v > 9)
			luaL_argerror(L, arg, "level must be an integer from -1 to 9");
		o->level = (int)v;
	}
	lua_pop(L, 1);
	if (lua_getfield(L, arg, "limit") != LUA_TNIL) {
		int isint;
		lua_Integer v = lua_tointegerx(L, -1, &isint);
		if (lua_type(L, -1) == LUA_TBOOLEAN && !lua_toboolean(L, -1))
			o->limit = 0;           /* limit = false: none */
		else if (!isint || v < 1)
			luaL_argerror(L, arg, "limit must be a positive integer or false");
		else
			o->limit = (lua_Unsigned)v > (size_t)-1 ? (size_t)-1 : (size_t)v;
	}
	lua_pop(L, 1);
}

/* __gc, __close and close(), with the metatable as upvalue 1: anything
 * else passed in (getmetatable(z).__gc(io.stdout)) is left alone. */
static int zbox_gc(lua_State *L)
{
	zbox *zb = lua_touserdata(L, 1);

	if (zb != NULL && lua_getmetatable(L, 1) && lua_rawequal(L, -1, lua_upvalueindex(1))) {
		pl_z_free(zb->z);
		zb->z = NULL;
		pl_buf_free(&zb->out);
	}
	return 0;
}

/* Push a zbox (metatable from upvalue 1) holding a new stream. */
static zbox *new_zbox(lua_State *L, int inflate, const zopts *o)
{
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);
	zbox *zb = pl_newuserdata(L, sizeof(*zb), 0);
	int r;

	zb->z = NULL;
	zb->inflate = inflate;
	pl_buf_init(&zb->out, (pl_alloc_fn)alloc, ud);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, -2);
	r = pl_z_new(&zb->z, inflate, o->format, o->level, o->limit, (pl_alloc_fn)alloc, ud);
	if (r == PL_HASH_ENOMEM)
		pl_memerror(L);
	else if (r != PL_HASH_OK)
		luaL_error(L, "zlib refused its parameters");
	return zb;
}

/* Feed s and push what came out, or nil, msg. */
static int feed(lua_State *L, zbox *zb, const char *s, size_t n, int finish)
{
	int r;

	zb->out.len = 0;
	r = pl_z_feed(zb->z, s, n, finish, &zb->out);
	if (r == PL_HASH_ENOMEM)
		return pl_memerror(L);
	if (r != PL_HASH_OK) {
		pl_pushfail(L);
		lua_pushstring(L, pl_z_error(zb->z));
		return 2;
	}
	lua_pushlstring(L, zb->out.data ? zb->out.data : "", zb->out.len);
	/* Do not hold a big buffer between writes. */
	if (zb->out.cap > ((size_t)1 << 20))
		pl_buf_free(&zb->out);
	return 1;
}

static int oneshot(lua_State *L, int inflate)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);
	zopts o;
	zbox *zb;
	int nres;

	pl_lhash_maxargs(L, 2);
	parse_opts(L, 2, inflate, &o);
	zb = new_zbox(L, inflate, &o);
	nres = feed(L, zb, s, n, 1);
	/* Release zlib's windows now rather than at the next collection. */
	pl_z_free(zb->z);
	zb->z = NULL;
	pl_buf_free(&zb->out);
	return nres;
}

static int l_compress(lua_State *L)
{
	return oneshot(L, 0);
}

static int l_decompress(lua_State *L)
{
	return oneshot(L, 1);
}

static int l_deflate(lua_State *L)
{
	zopts o;

	pl_lhash_maxargs(L, 1);
	parse_opts(L, 1, 0, &o);
	new_zbox(L, 0, &o);
	return 1;
}

static int l_inflate(lua_State *L)
{
	zopts o;

	pl_lhash_maxargs(L, 1);
	parse_opts(L, 1, 1, &o);
	new_zbox(L, 1, &o);
	return 1;
}

static zbox *check_zbox(lua_State *L)
{
	zbox *zb = lua_touserdata(L, 1);

	if (zb == NULL || !lua_getmetatable(L, 1) || !lua_rawequal(L, -1, lua_upvalueindex(1)))
		zb = luaL_checkudata(L, 1, ZSTREAM_MT);
	else
		lua_pop(L, 1);
	if (zb->z == NULL)
		luaL_error(L, "zlib stream is closed");
	return zb;
}

/* obj:write(chunk): the output produced so far (maybe ""), or nil, msg. */
static int m_write(lua_State *L)
{
	zbox *zb = check_zbox(L);
	size_t n;
	const char *s = luaL_checklstring(L, 2, &n);

	if (zb->z == NULL)      /* closed by a finalizer the conversion ran */
		return luaL_error(L, "zlib stream is closed");
	return feed(L, zb, s, n, 0);
}

/* obj:finish([chunk]): the rest of the output; for inflate, nil, msg if the
 * compressed stream did not end. */
static int m_finish(lua_State *L)
{
	zbox *zb = check_zbox(L);
	size_t n = 0;
	const char *s = lua_isnoneornil(L, 2) ? "" : luaL_checklstring(L, 2, &n);
	int nres;

	if (zb->z == NULL)      /* closed by a finalizer the conversion ran */
		return luaL_error(L, "zlib stream is closed");
	nres = feed(L, zb, s, n, 1);

	pl_buf_free(&zb->out);
	return nres;
}

static int m_tostring(lua_State *L)
{
	zbox *zb = luaL_checkudata(L, 1, ZSTREAM_MT);
	lua_pushfstring(L, "proxylua.hash.%s (%p)", zb->inflate ? "inflate" : "deflate", (void *)zb);
	return 1;
}

static const luaL_Reg zstream_methods[] = {
	{ "write", m_write },
	{ "finish", m_finish },
	{ "close", zbox_gc },
	{ NULL, NULL }
};

static const luaL_Reg zlib_functions[] = {
	{ "compress", l_compress },
	{ "decompress", l_decompress },
	{ "deflate", l_deflate },
	{ "inflate", l_inflate },
	{ NULL, NULL }
};

void pl_lhash_open_zlib(lua_State *L)
{
	int mt;

	luaL_newmetatable(L, ZSTREAM_MT);       /* t mt */
	mt = lua_gettop(L);
	lua_newtable(L);
	lua_pushvalue(L, mt);
	luaL_setfuncs(L, zstream_methods, 1);
	lua_setfield(L, mt, "__index");
	lua_pushvalue(L, mt);
	lua_pushcclosure(L, zbox_gc, 1);
	lua_setfield(L, mt, "__gc");
	lua_pushcfunction(L, m_tostring);
	lua_setfield(L, mt, "__tostring");
	pl_setclose(L, mt, zbox_gc);
	luaL_setfuncs(L, zlib_functions, 1);    /* t */
}
