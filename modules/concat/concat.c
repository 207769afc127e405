/*
 * proxylua.concat: a string builder with the API of HAProxy's core.concat()
 * object (add, dump) plus extensions. Bytes live in a pl_buf whose memory
 * comes from the state's allocator, so tune.lua.maxmem limits it.
 */
#include <limits.h>
#include "lconcat.h"

#define BUFFER_MT "proxylua.concat.buffer"

/*
 * Shape, for speed: a builder is a table (as HAProxy's Concat is) holding
 * its buffer userdata at [1] and, as its own field, an `add` closure bound
 * to that buffer. `b:add(s)` is then one table lookup and a C call, with no
 * metatable walk and no self check; the other methods come from the class
 * metatable and find the buffer through b[1].
 *
 * Methods get the buffer metatable as upvalue 1: checking b[1] is one
 * pointer comparison instead of a registry lookup by name.
 */
static pl_concat *check_self(lua_State *L)
{
	if (lua_type(L, 1) == LUA_TTABLE && lua_rawgeti(L, 1, 1) == LUA_TUSERDATA &&
	    lua_getmetatable(L, -1)) {
		int same = lua_rawequal(L, -1, lua_upvalueindex(1));
		pl_concat *c = lua_touserdata(L, -2);
		if (same) {
			/* the buffer itself takes stack slot 1, so it stays alive
			 * even if Lua code run by the call (a __tostring, a
			 * finalizer) replaces b[1] */
			lua_pop(L, 1);
			lua_replace(L, 1);
			return c;
		}
		lua_pop(L, 2);
	}
	luaL_argerror(L, 1, lua_pushfstring(L, "proxylua.concat expected, got %s", luaL_typename(L, 1)));
	return NULL;
}

static int concat_add(lua_State *L);

/*
 * Lua's collector does not see memory taken through lua_getallocf, so a
 * script that drops many builders would keep their buffers until some
 * unrelated allocation triggers a cycle. Report each growth as the
 * allocation it is, so garbage builders are reclaimed at Lua's own pace
 * (their memory is reused while still warm in cache).
 */
void pl_concat_grow(lua_State *L, pl_concat *c, size_t n)
{
	size_t before = c->buf.cap;

	/* memory taken after __gc would never be given back */
	if (c->finalized)
		luaL_error(L, "proxylua.concat: builder used after it was collected");
	if (pl_buf_grow(&c->buf, n ? n : 1) != 0)
		pl_memerror(L);
	if (c->buf.cap - before >= 1024) {
		lua_gc(L, LUA_GCSTEP, (int)((c->buf.cap - before) >> 10));
		/* The step may run finalizers, and one may have closed or
		 * filled this very builder: make sure the room is still there. */
		if ((c->buf.cap - c->buf.len < n || c->buf.data == NULL) &&
		    pl_buf_grow(&c->buf, n ? n : 1) != 0)
			pl_memerror(L);
	}
}

/* new(): upvalue 1 is the buffer metatable, upvalue 2 the class metatable. */
static int concat_new(lua_State *L)
{
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);
	pl_concat *c;

	lua_createtable(L, 1, 1);                 /* b */
	c = pl_newuserdata(L, sizeof(*c), 0);     /* b buf */
	pl_buf_init(&c->buf, (pl_alloc_fn)alloc, ud);
	c->finalized = 0;
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, -2);
	lua_pushvalue(L, -1);                     /* b buf buf */
	lua_rawseti(L, -3, 1);                    /* b buf */
	lua_pushcclosure(L, concat_add, 1);       /* b add */
	lua_setfield(L, -2, "add");               /* b */
	lua_pushvalue(L, lua_upvalueindex(2));
	lua_setmetatable(L, -2);
	return 1;
}

/* concat(...) calls the module table: drop the table and build. */
static int module_call(lua_State *L)
{
	return concat_new(L);
}

/*
 * b:add(s, ...): like HAProxy's add for one argument (strings and numbers,
 * "string expected" otherwise); unlike HAProxy, every further argument is
 * appended too. Returns nothing, as HAProxy does. Bound to its builder by
 * upvalue 1 (the buffer), so self is not looked at.
 */
static int concat_add(lua_State *L)
{
	pl_concat *c = lua_touserdata(L, lua_upvalueindex(1));
	int top = lua_gettop(L), i;
	size_t n;
	const char *s;

	if (top <= 2) {
		s = lua_tolstring(L, 2, &n);
		if (s == NULL)
			s = luaL_checklstring(L, 2, &n);
		pl_concat_add(L, c, s, n);
		return 0;
	}
	for (i = 2; i <= top; i++) {
		s = lua_tolstring(L, i, &n);
		if (s == NULL)
			s = luaL_checklstring(L, i, &n);
		pl_concat_add(L, c, s, n);
	}
	return 0;
}

/* The class's add, reached when the builder's own field is gone (b.add =
 * nil) or through getmetatable(b).__index: its upvalue is the buffer
 * metatable, not a buffer, so self must be checked. */
static int concat_add_method(lua_State *L)
{
	pl_concat *c = check_self(L);
	int top = lua_gettop(L), i;

	for (i = 2; i <= top || i == 2; i++) {
		size_t n;
		const char *s = luaL_checklstring(L, i, &n);
		pl_concat_add(L, c, s, n);
	}
	return 0;
}

static int concat_dump(lua_State *L)
{
	pl_concat *c = check_self(L);
	lua_pushlstring(L, c->buf.data ? c->buf.data : "", c->buf.len);
	return 1;
}

static int concat_len(lua_State *L)
{
	pl_concat *c = check_self(L);
	lua_pushinteger(L, (lua_Integer)c->buf.len);
	return 1;
}

/* Forget the contents, keep the memory for the next build. */
static int concat_reset(lua_State *L)
{
	check_self(L)->buf.len = 0;
	return 0;
}

/* b:reserve(n): room for n more bytes without further allocation. */
static int concat_reserve(lua_State *L)
{
	pl_concat *c = check_self(L);
	lua_Integer n = luaL_checkinteger(L, 2);

	luaL_argcheck(L, n >= 0, 2, "size must not be negative");
	if ((lua_Unsigned)n > (lua_Unsigned)((size_t)-1 >> 1))
		pl_memerror(L);
	if (c->buf.cap - c->buf.len < (size_t)n)
		pl_concat_grow(L, c, (size_t)n);
	return 0;
}

/* b:rep(s, n[, sep]): append n copies of s, separated by sep. */
static int concat_rep(lua_State *L)
{
	pl_concat *c = check_self(L);
	size_t ls, lsep = 0, total;
	const char *s = luaL_checklstring(L, 2, &ls);
	lua_Integer n = luaL_checkinteger(L, 3);
	const char *sep = luaL_optlstring(L, 4, "", &lsep);
	char *dst;

	/* nothing to append: no loop of n empty copies (n may be 2^63-1) */
	if (n <= 0 || (ls == 0 && lsep == 0))
		return 0;
	if (ls + lsep < ls || (lua_Unsigned)n > ((size_t)-1 >> 1) / (ls + lsep + 1))
		return luaL_error(L, "resulting string too large");
	total = (size_t)n * ls + (size_t)(n - 1) * lsep;
	dst = pl_concat_prepare(L, c, total);
	while (n-- > 0) {
		memcpy(dst, s, ls);
		dst += ls;
		if (n > 0 && lsep) {
			memcpy(dst, sep, lsep);
			dst += lsep;
		}
	}
	pl_buf_commit(&c->buf, total);
	return 0;
}

/* b:char(...): append bytes given as integers, like string.char. */
static int concat_char(lua_State *L)
{
	pl_concat *c = check_self(L);
	int top = lua_gettop(L), i;
	char *dst = pl_concat_prepare(L, c, (size_t)(top > 1 ? top - 1 : 0));

	for (i = 2; i <= top; i++) {
		lua_Integer v = luaL_checkinteger(L, i);
		luaL_argcheck(L, v >= 0 && v <= UCHAR_MAX, i, "value out of range");
		dst[i - 2] = (char)(unsigned char)v;
	}
	pl_buf_commit(&c->buf, (size_t)(top > 1 ? top - 1 : 0));
	return 0;
}

static int concat_addf(lua_State *L)
{
	return pl_concat_addf(L, check_self(L));
}

static int concat_tostring(lua_State *L)
{
	return concat_dump(L);
}

/* __close (5.4): free now, idempotently; the builder stays usable, empty. */
static int concat_close(lua_State *L)
{
	pl_buf_free(&check_self(L)->buf);
	return 0;
}

/* __gc of the buffer userdata; anything else passed in
 * (getmetatable(b[1]).__gc(io.stdout)) is left alone. */
static int buffer_gc(lua_State *L)
{
	pl_concat *c = luaL_testudata(L, 1, BUFFER_MT);
	if (c != NULL) {
		pl_buf_free(&c->buf);
		c->finalized = 1;
	}
	return 0;
}

static const luaL_Reg concat_methods[] = {
	{"add", concat_add_method},
	{"dump", concat_dump},
	{"len", concat_len},
	{"reset", concat_reset},
	{"reserve", concat_reserve},
	{"rep", concat_rep},
	{"char", concat_char},
	{"addf", concat_addf},
	{"close", concat_close},
	{NULL, NULL}
};

static const luaL_Reg concat_metamethods[] = {
	{"__len", concat_len},
	{"__tostring", concat_tostring},
	{NULL, NULL}
};

PL_EXPORT int luaopen_proxylua_concat(lua_State *L);

int luaopen_proxylua_concat(lua_State *L)
{
	luaL_newmetatable(L, BUFFER_MT);          /* bufmt */
	lua_pushcfunction(L, buffer_gc);
	lua_setfield(L, -2, "__gc");

	lua_newtable(L);                          /* bufmt class */
	lua_pushvalue(L, -2);
	luaL_setfuncs(L, concat_metamethods, 1);
	pl_setclose_up(L, -1, concat_close, -2);
	lua_newtable(L);                          /* bufmt class methods */
	lua_pushvalue(L, -3);
	luaL_setfuncs(L, concat_methods, 1);
	lua_setfield(L, -2, "__index");           /* bufmt class */

	lua_newtable(L);                          /* bufmt class module */
	lua_pushvalue(L, -3);
	lua_pushvalue(L, -3);
	lua_pushcclosure(L, concat_new, 2);
	lua_setfield(L, -2, "new");
	lua_newtable(L);                          /* bufmt class module modmt */
	lua_pushvalue(L, -4);
	lua_pushvalue(L, -4);
	lua_pushcclosure(L, module_call, 2);
	lua_setfield(L, -2, "__call");
	lua_setmetatable(L, -2);                  /* bufmt class module */
	return 1;
}
