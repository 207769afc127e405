/*
 * PCRE2 regular expressions for proxylua.core: the engine behind the emulated
 * Regex class, the regsub converter and the HTTP rep_header/rep_value
 * methods. HAProxy 2.6 (Debian) compiles with PCRE2 too, so patterns behave
 * the same. PCRE2 allocates through the state's allocator (general context),
 * so tune.lua.maxmem-style limits see the compiled code.
 */
#include <string.h>
#include "lnative.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#define REGEX_MT "proxylua.core.regex"
/* HAProxy keeps at most this many groups (whole match included). */
#define REGEX_MAX_MATCH 20

typedef struct pl_regex {
	lua_Alloc alloc;
	void *aud;
	pcre2_general_context *gctx;
	pcre2_code *code;
	pcre2_match_data *md;
} pl_regex;

/* Blocks carry their size in front: lua_Alloc needs the old size to free. */
typedef union hdr {
	size_t size;
	long double ld;
	void *p;
} hdr;

static void *re_malloc(PCRE2_SIZE size, void *data)
{
	pl_regex *r = data;
	hdr *h = r->alloc(r->aud, NULL, 0, sizeof(hdr) + size);
	if (h == NULL)
		return NULL;
	h->size = sizeof(hdr) + size;
	return h + 1;
}

static void re_free(void *p, void *data)
{
	pl_regex *r = data;
	hdr *h;
	if (p == NULL)
		return;
	h = (hdr *)p - 1;
	r->alloc(r->aud, h, h->size, 0);
}

static void regex_release(pl_regex *r)
{
	if (r->md != NULL)
		pcre2_match_data_free(r->md);
	if (r->code != NULL)
		pcre2_code_free(r->code);
	if (r->gctx != NULL)
		pcre2_general_context_free(r->gctx);
	r->md = NULL;
	r->code = NULL;
	r->gctx = NULL;
}

static pl_regex *check_regex(lua_State *L)
{
	return luaL_checkudata(L, 1, REGEX_MT);
}

/*
 * new(pattern, caseless) -> regex | nil, message. The message is worded as
 * HAProxy's: "regex '<p>' is invalid (error=<pcre2 text>, erroffset=<n>)".
 */
static int regex_new(lua_State *L)
{
	size_t plen;
	const char *pat = luaL_checklstring(L, 1, &plen);
	int caseless = lua_toboolean(L, 2);
	pl_regex *r = pl_newuserdata(L, sizeof(*r), 0);
	int err;
	PCRE2_SIZE off;
	PCRE2_UCHAR msg[256];

	memset(r, 0, sizeof(*r));
	luaL_setmetatable(L, REGEX_MT);
	r->alloc = lua_getallocf(L, &r->aud);
	r->gctx = pcre2_general_context_create(re_malloc, re_free, r);
	if (r->gctx == NULL)
		return pl_memerror(L);
	{
		pcre2_compile_context *cctx = pcre2_compile_context_create(r->gctx);
		if (cctx == NULL)
			return pl_memerror(L);
		r->code = pcre2_compile((PCRE2_SPTR)pat, plen,
		                        caseless ? PCRE2_CASELESS : 0, &err, &off, cctx);
		pcre2_compile_context_free(cctx);
	}
	if (r->code == NULL) {
		if (err == PCRE2_ERROR_NOMEMORY)
			return pl_memerror(L);
		pcre2_get_error_message(err, msg, sizeof(msg));
		regex_release(r);
		lua_pushnil(L);
		lua_pushfstring(L, "regex '%s' is invalid (error=%s, erroffset=%d)",
		                pat, (const char *)msg, (int)off);
		return 2;
	}
	/* JIT is an optimisation only: a failure leaves the interpreter. */
	(void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
	r->md = pcre2_match_data_create(REGEX_MAX_MATCH, r->gctx);
	if (r->md == NULL)
		return pl_memerror(L);
	return 1;
}

/* Run the pattern at byte offset init; <0 means no match or error. */
static int run(lua_State *L, pl_regex *r, const char *s, size_t n, size_t init)
{
	int rc;
	if (r->code == NULL)
		return luaL_error(L, "regex already freed");
	rc = pcre2_match(r->code, (PCRE2_SPTR)s, n, init, 0, r->md, NULL);
	if (rc == PCRE2_ERROR_NOMEMORY)
		return pl_memerror(L);
	return rc;
}

/* re:exec(s) -> boolean (unanchored search). */
static int regex_exec(lua_State *L)
{
	pl_regex *r = check_regex(L);
	size_t n;
	const char *s = luaL_checklstring(L, 2, &n);
	lua_pushboolean(L, run(L, r, s, n, 0) >= 0);
	return 1;
}

/*
 * re:find(s [, init]) -> nil | s0, e0, s1, e1, ... (1-based, inclusive ends;
 * false for groups that did not take part). Searches from init (1-based).
 */
static int regex_find(lua_State *L)
{
	pl_regex *r = check_regex(L);
	size_t n, i;
	const char *s = luaL_checklstring(L, 2, &n);
	lua_Integer init = luaL_optinteger(L, 3, 1);
	PCRE2_SIZE *ov;
	int rc, groups;

	if (init < 1 || (size_t)(init - 1) > n) {
		lua_pushnil(L);
		return 1;
	}
	rc = run(L, r, s, n, (size_t)(init - 1));
	if (rc < 0) {
		lua_pushnil(L);
		return 1;
	}
	groups = rc == 0 ? REGEX_MAX_MATCH : rc;
	ov = pcre2_get_ovector_pointer(r->md);
	luaL_checkstack(L, 2 * groups, "too many captures");
	for (i = 0; i < (size_t)groups; i++) {
		if (ov[2 * i] == PCRE2_UNSET) {
			lua_pushboolean(L, 0);
			lua_pushboolean(L, 0);
		} else {
			lua_pushinteger(L, (lua_Integer)ov[2 * i] + 1);
			lua_pushinteger(L, (lua_Integer)ov[2 * i + 1]);
		}
	}
	return 2 * groups;
}

static int regex_gc(lua_State *L)
{
	regex_release(check_regex(L));
	return 0;
}

static const luaL_Reg regex_methods[] = {
	{"exec", regex_exec},
	{"find", regex_find},
	{NULL, NULL}
};

void pl_core_regex_open(lua_State *L)
{
	luaL_newmetatable(L, REGEX_MT);
	luaL_newlib(L, regex_methods);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, regex_gc);
	lua_setfield(L, -2, "__gc");
	pl_setclose(L, -1, regex_gc);
	lua_pop(L, 1);
	lua_pushcfunction(L, regex_new);
	lua_setfield(L, -2, "regex");
}
