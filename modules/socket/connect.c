/*
 * connect(addr [, port]) and connect_ssl(addr, port) as HAProxy 2.6 does
 * them (docs/haproxy-socket.md §2, §3): parse with HAProxy's rules (errors
 * raise), then connect, handshake and flush what send() queued before,
 * yielding through the loop; any failure is nil, "Can't connect" and leaves
 * the socket dead. The connect timeout (TCP plus TLS) is settimeout's
 * value, else 5 s.
 */
#include <errno.h>
#include <string.h>
#include "lsock.h"

#define CUD 4                   /* stack: self, addr, port, ud */
#define DEFAULT_CONNECT_MS 5000

enum { PH_TCP, PH_TLS, PH_EARLY };

/* The state's client TLS context, made at the first connect_ssl and freed
 * with the state (registry[&ctx_key], a userdata with __gc). */
static const char ctx_key = 'k';

static int ctx_gc(lua_State *L)
{
	pl_tls_ctx **c = lua_touserdata(L, 1);

	if (*c != NULL)
		pl_tls_ctx_free(*c);
	*c = NULL;
	return 0;
}

static pl_tls_ctx *tls_ctx(lua_State *L)
{
	pl_tls_ctx **c;

	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &ctx_key) == LUA_TUSERDATA) {
		c = lua_touserdata(L, -1);
		lua_pop(L, 1);
		return *c;
	}
	lua_pop(L, 1);
	c = pl_newuserdata(L, sizeof(*c), 0);
	*c = NULL;
	lua_createtable(L, 0, 1);
	lua_pushcfunction(L, ctx_gc);
	lua_setfield(L, -2, "__gc");
	lua_setmetatable(L, -2);
	if (pl_tls_ctx_client(c) != 0)
		pl_memerror(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &ctx_key);
	return *c;
}

/* e: the errno behind it (0: unknown), kept for socket._error */
static int fail(lua_State *L, lsock *s, int e)
{
	if (s->err == 0)
		s->err = e;
	pl_sk_kill(L, s, CUD, 0);
	pl_pushfail(L);
	lua_pushliteral(L, "Can't connect");
	return 2;
}

/* Wait for `want` until the connect deadline, or fail when it passed. */
static int cwait(lua_State *L, lsock *s, int want, lua_KContext ctx, lua_KFunction k)
{
	lua_Number left = pl_sk_left(L, CUD, s->cdeadline);

	if (left <= 0)
		return fail(L, s, ETIMEDOUT);
	return pl_sk_wait(L, s, CUD, want, left, ctx, k);
}

static int connect_k(lua_State *L, int status, lua_KContext ctx)
{
	lsock *s = lua_touserdata(L, CUD);
	int rc, tls = (int)ctx;

	pl_sk_wait_status(L, s, CUD, status);
	if (lua_gettop(L) == CUD + 2) {
		int to;
		if (!pl_sk_wait_result(L, s, CUD, &to) || s->state != SK_CONNECTING)
			return fail(L, s, to ? ETIMEDOUT : 0);
	}
	for (;;) {
		switch (s->phase) {
		case PH_TCP:
			rc = s->fd < 0 ? pl_sock_connect(&s->dst, &s->fd) : pl_sock_connected(s->fd);
			if (rc == PL_SOCK_WANT_WRITE)
				return cwait(L, s, rc, ctx, connect_k);
			if (rc < 0)
				return fail(L, s, -rc);
			if (tls) {
				if (pl_tls_new(&s->tls, tls_ctx(L), 0) != 0)
					return fail(L, s, 0);
				s->tls_on = 1;
			}
			s->phase = tls ? PH_TLS : PH_EARLY;
			break;
		case PH_TLS:
			rc = pl_tls_handshake(&s->tls, s->fd);
			if (rc == PL_SOCK_WANT_READ || rc == PL_SOCK_WANT_WRITE)
				return cwait(L, s, rc, ctx, connect_k);
			if (rc < 0)
				return fail(L, s, -rc);
			s->phase = PH_EARLY;
			break;
		default:
			/* data sent before connect goes out first (docs/haproxy-socket.md §1) */
			while (s->early_off < s->early.len) {
				ssize_t w = pl_sk_write(s, s->early.data + s->early_off,
				                        s->early.len - s->early_off);
				if (w > 0) {
					s->early_off += (size_t)w;
					continue;
				}
				if (w == PL_SOCK_WANT_READ || w == PL_SOCK_WANT_WRITE)
					return cwait(L, s, (int)w, ctx, connect_k);
				return fail(L, s, w < 0 ? (int)-w : 0);
			}
			if (s->tls_on) {
				rc = pl_tls_flush(&s->tls, s->fd);
				if (rc == PL_SOCK_WANT_WRITE)
					return cwait(L, s, rc, ctx, connect_k);
				if (rc < 0)
					return fail(L, s, -rc);
			}
			pl_buf_free(&s->early);
			s->early_off = 0;
			s->state = SK_CONN;
			lua_pushinteger(L, 1);
			return 1;
		}
	}
}

static int do_connect(lua_State *L, int tls)
{
	int n = lua_gettop(L), rc;
	lsock *s;
	const char *addr;
	lua_Integer port = -1;
	pl_sockaddr dst;

	if (tls && n != 3)
		return luaL_error(L, "'connect_ssl' needs 3 arguments");
	if (n < 2)
		return luaL_error(L, "connect: need at least 2 arguments");
	lua_settop(L, 3);
	s = pl_sk_self(L);                                 /* CUD */
	addr = luaL_checkstring(L, 2);
	if (n >= 3)
		port = luaL_checkinteger(L, 3);
	if (s->state == SK_DEAD || s->state == SK_CONNECTING || pl_sk_rule2_dead(L, s, CUD)) {
		lua_pushnil(L);
		return 1;
	}
	/* 2.6 appends ':' so that "::1" with a port parses; the texts show it */
	if (port > 0)
		addr = lua_pushfstring(L, "%s:", addr);
	rc = pl_sock_parse(addr, strlen(addr), &dst);
	if (rc != 0)
		return luaL_error(L, "connect: cannot parse destination address '%s'", addr);
	if ((dst.kind == PL_SA_INET || dst.kind == PL_SA_INET6) && !dst.has_port) {
		if (port == -1)
			return luaL_error(L, "connect: port missing");
		pl_sock_setport(&dst, (long)port);
	}
	if (s->state == SK_CONN) {      /* stays on its first peer */
		lua_pushinteger(L, 1);
		return 1;
	}
	if (!pl_sk_in_task(L, s, CUD))
		return luaL_error(L, "connect: not called from a task of this loop "
		                  "(HAProxy 2.6 hangs on a connect outside a task: in an init "
		                  "function its watchdog kills the process)");
	if (!lua_isyieldable(L)) {
		lua_pushliteral(L, "attempt to yield across a C-call boundary");
		return lua_error(L);
	}
	if (tls)
		(void)tls_ctx(L);       /* may raise: before any descriptor exists */
	s->dst = dst;
	s->state = SK_CONNECTING;
	s->phase = PH_TCP;
	s->cdeadline = pl_sk_now(L, CUD) +
		(lua_Number)(s->tmo_ms >= 0 ? s->tmo_ms : DEFAULT_CONNECT_MS) / 1000;
	lua_settop(L, CUD);
	return connect_k(L, LUA_OK, (lua_KContext)tls);
}

int pl_sk_connect(lua_State *L)
{
	return do_connect(L, 0);
}

int pl_sk_connect_ssl(lua_State *L)
{
	return do_connect(L, 1);
}
