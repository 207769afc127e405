/*
 * proxylua.socket: HAProxy 2.6's Socket (core.tcp()) as a real nonblocking
 * TCP/TLS socket whose blocking points yield through a proxylua.loop.
 *
 *   local s = require("proxylua.socket").tcp(l)
 *
 * This file: the object (a table whose [0] is the userdata, as in HAProxy),
 * its lifecycle, the small methods, and the waiting seam: every wait is a
 * call of l:wait(fd, "r"|"w", timeout) made with lua_callk, so the task
 * yields inside the loop's own wait and the method resumes in a
 * continuation. `l` may also be an adapter (any object with wait, in_task
 * and now methods), for a harness that drives coroutines of its own.
 *
 * With a real proxylua.loop the task checks (in a task? resumed since the
 * socket was made?) and the clock are asked of the loop module through its
 * C seam (include/proxylua/loopseam.h), plain function calls: they run on
 * every call.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "lsock.h"

/* Check self (index 1) and push its userdata. Argument errors use Lua's
 * own luaL_argerror, as 2.6 does: "bad argument #2 to 'send'" for a method
 * call, "bad argument #3 to '?'" through pcall(s.send, s, ...), and a bad
 * self reads "calling 'connect' on bad self ((null))" (checked live). */
lsock *pl_sk_self(lua_State *L)
{
	if (lua_type(L, 1) == LUA_TTABLE && lua_getmetatable(L, 1)) {
		int same = lua_rawequal(L, -1, lua_upvalueindex(1));
		lua_pop(L, 1);
		if (same) {
			lsock *s;
			lua_rawgeti(L, 1, 0);
			s = lua_touserdata(L, -1);
			if (s != NULL && lua_getmetatable(L, -1)) {
				same = lua_rawequal(L, -1, lua_upvalueindex(2));
				lua_pop(L, 1);
				if (same)
					return s;
			}
			lua_pop(L, 1);
		}
	}
	luaL_argerror(L, 1, NULL);
	return NULL;
}

/* ---- the loop seam ---------------------------------------------------- */

/* The proxylua.loop the socket waits on (its userdata's address). */
static const void *real_loop(lua_State *L, int ud)
{
	const void *lp;

	pl_getuservalue(L, ud, 1);
	lp = lua_touserdata(L, -1);
	lua_pop(L, 1);
	return lp;
}

/* Call l:<name>() with one result left on the stack. */
static void call_method(lua_State *L, int ud, const char *name)
{
	pl_getuservalue(L, ud, 1);
	lua_getfield(L, -1, name);
	lua_insert(L, -2);
	lua_call(L, 1, 1);
}

int pl_sk_in_task(lua_State *L, lsock *s, int ud)
{
	int in;

	if (s->seam != NULL)
		return s->seam->running(real_loop(L, ud), L) != NULL;
	call_method(L, ud, "in_task");
	in = lua_toboolean(L, -1);
	lua_pop(L, 1);
	return in;
}

lua_Number pl_sk_now(lua_State *L, int ud)
{
	lua_Number now;
	lsock *s = lua_touserdata(L, ud);

	if (s->seam != NULL)
		return (lua_Number)s->seam->now(real_loop(L, ud));
	call_method(L, ud, "now");
	now = lua_tonumber(L, -1);
	lua_pop(L, 1);
	return now;
}

/* Rule 2 (docs/haproxy-socket.md §0): a socket made in a task dies at that
 * task's first yield unless it connected before. True when it just died that
 * way. */
int pl_sk_rule2_dead(lua_State *L, lsock *s, int ud)
{
	const void *cur;

	if (s->state != SK_NEW || s->creator == NULL || s->seam == NULL)
		return 0;
	cur = s->seam->current(real_loop(L, ud));
	if (cur == s->creator && s->seam->resumes(cur) == s->resumes)
		return 0;
	pl_sk_kill(L, s, ud, 0);
	return 1;
}

/* Seconds left until deadline (>= 0), or -1 for no deadline. */
lua_Number pl_sk_left(lua_State *L, int ud, lua_Number deadline)
{
	lua_Number d;

	if (deadline <= 0)
		return -1;
	d = deadline - pl_sk_now(L, ud);
	return d < 0 ? 0 : d;
}

/* The inactivity timeout fired while nobody was waiting: destroy now. */
int pl_sk_expired(lua_State *L, lsock *s, int ud)
{
	if (s->deadline > 0 && s->state == SK_CONN && pl_sk_now(L, ud) >= s->deadline) {
		pl_sk_kill(L, s, ud, 1);
		return 1;
	}
	return 0;
}

/* Traffic moved: the inactivity timer starts again. */
void pl_sk_touch(lua_State *L, lsock *s, int ud)
{
	if (s->tmo_ms >= 0)
		s->deadline = pl_sk_now(L, ud) + (lua_Number)s->tmo_ms / 1000;
}

/*
 * Park the task on l:wait(fd, "r"|"w", timeout) and continue in k, which
 * then finds the wait's two results above SK_UD (the stack top must be ud
 * here). Returns what k returns. The call is protected: a wait that
 * raises (a second reader on the descriptor, an adapter's error, out of
 * memory) reaches k with its error status, which pl_sk_wait_status
 * settles before raising it again.
 */
int pl_sk_wait(lua_State *L, lsock *s, int ud, int want, lua_Number timeout,
               lua_KContext ctx, lua_KFunction k)
{
	int rc;

	pl_getuservalue(L, ud, 1);
	lua_getfield(L, -1, "wait");
	lua_insert(L, -2);
	lua_pushinteger(L, s->fd);
	lua_pushstring(L, want == PL_SOCK_WANT_READ ? "r" : "w");
	if (timeout >= 0)
		lua_pushnumber(L, timeout);
	else
		lua_pushnil(L);
	s->waiters++;
	rc = lua_pcallk(L, 4, 2, 0, ctx, k);
	return k(L, rc, ctx);
}

/* First thing in a continuation: a wait that raised is no wait any more;
 * its error goes on up (the error object is on top). A connect it broke
 * off is a failed one: its descriptor and TLS state go now. */
void pl_sk_wait_status(lua_State *L, lsock *s, int ud, int status)
{
	if (status == LUA_OK || status == LUA_YIELD)
		return;
	s->waiters--;
	if (s->state == SK_CONNECTING)
		pl_sk_kill(L, s, ud, 0);
	if (s->state == SK_DEAD)
		pl_sk_release_fd(L, s, ud);
	lua_error(L);
}

/* In a continuation: take the wait's results off the stack. 1: ready;
 * 0: not (timed out, *timedout set, or the loop refused the fd). A socket
 * closed meanwhile gets its descriptor closed now unless another task
 * still waits on it. */
int pl_sk_wait_result(lua_State *L, lsock *s, int ud, int *timedout)
{
	int ok = lua_toboolean(L, -2);
	const char *msg = lua_tostring(L, -1);

	*timedout = !ok && msg != NULL && strcmp(msg, "timeout") == 0;
	lua_pop(L, 2);
	s->waiters--;
	if (s->state == SK_DEAD)
		pl_sk_release_fd(L, s, ud);
	return ok;
}

/* ---- lifecycle -------------------------------------------------------- */

/*
 * Is a task parked on the descriptor? A real loop is asked (its watcher
 * for the fd has a reader or a writer): a count of our own would go stale
 * when a waiting task is cancelled or its loop closed, and keep the fd
 * open forever. An adapter's waits are counted. Nobody waits on a
 * collected socket.
 */
static int busy(lua_State *L, lsock *s, int ud)
{
	int n;

	if (s->fd < 0 || s->gone)
		return 0;
	if (s->seam == NULL)
		return s->waiters > 0;
	pl_getuservalue(L, ud, 1);                        /* the loop */
	n = s->seam->waiting(L, lua_gettop(L), s->fd);
	lua_pop(L, 1);
	return n;
}

void pl_sk_release_fd(lua_State *L, lsock *s, int ud)
{
	if (s->fd >= 0 && !busy(L, s, ud)) {
		close(s->fd);
		s->fd = -1;
	}
}

/* Destroy the connection (close, failed connect, timeout). Data already
 * received stays readable after a timeout (docs/haproxy-socket.md §5). */
void pl_sk_kill(lua_State *L, lsock *s, int ud, int timed_out)
{
	if (s->state == SK_DEAD)
		return;
	s->state = SK_DEAD;
	s->timed_out = timed_out;
	s->deadline = 0;
	if (s->tls_on) {
		pl_tls_free(&s->tls);
		s->tls_on = 0;
	}
	if (s->fd >= 0 && busy(L, s, ud))
		(void)shutdown(s->fd, SHUT_RDWR);   /* wakes the waiter, which closes */
	pl_sk_release_fd(L, s, ud);
	pl_buf_free(&s->early);
	s->early_off = 0;
}

/* Free everything; idempotent (close, __gc of the table and the ud). A
 * socket already dead may still hold its fd for a waiter that is gone
 * now: released here too. */
static void sk_free(lua_State *L, lsock *s, int ud)
{
	if (s->state == SK_CONN && s->tls_on && s->fd >= 0 && !busy(L, s, ud))
		pl_tls_close_notify(&s->tls, s->fd);
	pl_sk_kill(L, s, ud, 0);
	pl_sk_release_fd(L, s, ud);
	pl_buf_free(&s->rbuf);
	s->rpos = 0;
}

/* ---- small methods ---------------------------------------------------- */

static int sk_close(lua_State *L)
{
	if (lua_gettop(L) != 1)
		return luaL_error(L, "'close' needs 1 arguments");
	sk_free(L, pl_sk_self(L), 2);
	return 0;
}

/* Socket table __gc: the userdata's own __gc would do it too, later. */
static int sk_table_gc(lua_State *L)
{
	lsock *s;

	if (lua_type(L, 1) != LUA_TTABLE)
		return 0;
	lua_rawgeti(L, 1, 0);
	s = luaL_testudata(L, -1, SOCKUD_MT);
	if (s != NULL)       /* maybe called by hand: a waiter is woken, not robbed */
		sk_free(L, s, lua_gettop(L));
	return 0;
}

/* Collected: no task can be parked on it any more (a waiting task holds
 * it), so the descriptor goes now. */
static int sk_ud_gc(lua_State *L)
{
	lsock *s = lua_touserdata(L, 1);

	s->gone = 1;
	sk_free(L, s, 1);
	return 0;
}

static int sk_tostring(lua_State *L)
{
	lua_pushliteral(L, "HAProxy class Socket");
	return 1;
}

/* The configured destination ("0.0.0.0:P" stays that,
 * docs/haproxy-socket.md §2, §7). */
static int sk_getpeername(lua_State *L)
{
	lsock *s;
	char buf[80];

	if (lua_gettop(L) != 1)
		return luaL_error(L, "'getpeername' needs 1 arguments");
	s = pl_sk_self(L);
	if (s->state != SK_CONN || pl_sk_expired(L, s, 2))
		return pl_pushfail(L), 1;
	pl_sock_format((const struct sockaddr *)&s->dst.ss, s->dst.len, buf, sizeof(buf));
	lua_pushstring(L, buf);
	return 1;
}

static int sk_getsockname(lua_State *L)
{
	lsock *s;
	char buf[80];
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	if (lua_gettop(L) != 1)
		return luaL_error(L, "'getsockname' needs 1 arguments");
	s = pl_sk_self(L);
	if (s->state != SK_CONN || pl_sk_expired(L, s, 2) ||
	    getsockname(s->fd, (struct sockaddr *)&ss, &len) != 0)
		return pl_pushfail(L), 1;
	pl_sock_format((const struct sockaddr *)&ss, len, buf, sizeof(buf));
	lua_pushstring(L, buf);
	return 1;
}

/* HAProxy accepts anything and does nothing. */
static int sk_setoption(lua_State *L)
{
	(void)L;
	return 0;
}

/* settimeout(t): seconds, to whole ms, at least 1 ms; an inactivity timer
 * armed now, and the connect + handshake timeout (docs/haproxy-socket.md §6). */
static int sk_settimeout(lua_State *L)
{
	lsock *s;
	lua_Number t;

	if (lua_gettop(L) != 2)
		return luaL_error(L, "'settimeout' needs 2 arguments");
	s = pl_sk_self(L);
	t = luaL_checknumber(L, 2) * 1000;
	if (t < 0)
		return luaL_error(L, "settimeout: cannot set negatives values");
	if (t > 2147483647.0)
		return luaL_error(L, "settimeout: cannot set values larger than 2147483647 ms");
	if (s->state == SK_CONN)
		(void)pl_sk_expired(L, s, 3);
	(void)pl_sk_rule2_dead(L, s, 3);
	if (s->state == SK_DEAD)
		return luaL_error(L, "socket: not yet initialised, you can't set timeouts.");
	if (t != t) {
		/* NaN passes 2.6's checks and leaves no usable timer: none */
		s->tmo_ms = -1;
		s->deadline = 0;
	} else {
		s->tmo_ms = (long)t < 1 ? 1 : (long)t;
		pl_sk_touch(L, s, 3);
	}
	lua_pushinteger(L, 1);
	return 1;
}

/* socket._error(s) -> name, text of the errno that ended the connection
 * (a failed connect, a reset, a failed send), or nil: the FIN of an
 * orderly close, a timeout of the inactivity timer, close() or nothing
 * yet. Not HAProxy API (its Socket tells no cause): for
 * proxylua.luasocket's error strings under stock Lua. */
static int sk_error(lua_State *L)
{
	static const struct { int e; const char *name; } names[] = {
		{ ECONNREFUSED, "ECONNREFUSED" }, { ECONNRESET, "ECONNRESET" },
		{ ECONNABORTED, "ECONNABORTED" }, { ETIMEDOUT, "ETIMEDOUT" },
		{ EPIPE, "EPIPE" }, { ENETUNREACH, "ENETUNREACH" },
		{ EHOSTUNREACH, "EHOSTUNREACH" }, { ENOENT, "ENOENT" },
		{ EACCES, "EACCES" }, { EADDRINUSE, "EADDRINUSE" },
		{ EADDRNOTAVAIL, "EADDRNOTAVAIL" }, { EISCONN, "EISCONN" },
	};
	lsock *s = pl_sk_self(L);
	size_t i;

	if (s->err == 0)
		return pl_pushfail(L), 1;
	lua_pushliteral(L, "E?");
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == s->err) {
			lua_pushstring(L, names[i].name);
			lua_replace(L, -2);
			break;
		}
	lua_pushstring(L, strerror(s->err));
	return 2;
}

/* socket._deadline(s) -> when its inactivity timer fires (l:now() scale),
 * or nil (none, not connected). Not HAProxy API: the harness's core.tcp()
 * closes an idle socket at that time, as HAProxy's own timer does. */
static int sk_deadline(lua_State *L)
{
	lsock *s = pl_sk_self(L);

	if (s->state != SK_CONN || s->deadline <= 0)
		return pl_pushfail(L), 1;
	lua_pushnumber(L, s->deadline);
	return 1;
}

/* socket.descriptor(s) -> fd | nil, buffered, eof: what a select over
 * several sockets needs (proxylua.luasocket's select waits on the fds with
 * l:select). fd is nil unless connected; buffered counts received bytes not
 * yet consumed (they make the socket readable without the fd being so);
 * eof is true once the peer ended its stream or the socket died. A TLS
 * connection's bytes that OpenSSL holds decrypted are not counted.
 * A socket closed while an l:select waited on its fd keeps the fd for
 * that waiter (as for a wait of its own): asked again once the select
 * returned, this closes it. */
static int sk_descriptor(lua_State *L)
{
	lsock *s;

	lua_settop(L, 1);
	s = pl_sk_self(L);
	if (s->state == SK_DEAD)
		pl_sk_release_fd(L, s, 2);

	if (s->state == SK_CONN && s->fd >= 0)
		lua_pushinteger(L, s->fd);
	else
		lua_pushnil(L);
	lua_pushinteger(L, (lua_Integer)(s->rbuf.len > s->rpos ? s->rbuf.len - s->rpos : 0));
	lua_pushboolean(L, s->eof || s->state == SK_DEAD);
	return 3;
}

/* ---- construction ----------------------------------------------------- */

/* socket.tcp(l [, opts]): a new, unconnected Socket waiting through loop
 * l. opts.yield_kills = false exempts it from rule 2 (a harness whose own
 * Lua runs between core.tcp() and connect would otherwise move the yields).
 * opts.outside = true (not HAProxy's: proxylua.luasocket's drop-in calls)
 * lets send run outside a task as far as it can without waiting (io.c).
 * opts.line_lost_raises = true (the harness emulating 3.0+, where that read
 * never returns) makes a *l receive that loses a partial line at a timeout
 * raise LINE_LOST_MSG instead of answering nil, "connection closed.". */
static int sk_tcp(lua_State *L)
{
	const void *lp = luaL_testudata(L, 1, PL_LOOP_MT);
	const pl_loopseam *seam = NULL;
	lsock *s;
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);
	int yield_kills = 1, outside = 0, line_lost_raises = 0;

	if (!lua_isnoneornil(L, 2)) {
		luaL_checktype(L, 2, LUA_TTABLE);
		lua_getfield(L, 2, "yield_kills");
		if (!lua_isnil(L, -1))
			yield_kills = lua_toboolean(L, -1);
		lua_pop(L, 1);
		lua_getfield(L, 2, "outside");
		outside = lua_toboolean(L, -1);
		lua_pop(L, 1);
		lua_getfield(L, 2, "line_lost_raises");
		line_lost_raises = lua_toboolean(L, -1);
		lua_pop(L, 1);
	}

	if (lp != NULL) {
		lua_getfield(L, LUA_REGISTRYINDEX, PL_LOOPSEAM_KEY);
		seam = lua_touserdata(L, -1);
		lua_pop(L, 1);
		if (seam == NULL)
			return luaL_error(L, "proxylua.loop has no C seam (modules built apart?)");
	} else {
		int t = lua_type(L, 1);
		if (t != LUA_TTABLE && t != LUA_TUSERDATA)
			return luaL_argerror(L, 1, "proxylua.loop expected");
		lua_getfield(L, 1, "wait");
		if (!lua_isfunction(L, -1))
			return luaL_argerror(L, 1, "proxylua.loop (or an object with wait, in_task and now) expected");
		lua_pop(L, 1);
	}
	lua_settop(L, 1);
	lua_createtable(L, 0, 1);                          /* 2: the Socket */
	s = pl_newuserdata(L, sizeof(*s), 1);              /* 3 */
	memset(s, 0, sizeof(*s));
	s->fd = -1;
	s->state = SK_NEW;
	s->tmo_ms = -1;
	s->seam = seam;
	s->outside = outside;
	s->line_lost_raises = line_lost_raises;
	pl_buf_init(&s->rbuf, (pl_alloc_fn)alloc, ud);
	pl_buf_init(&s->early, (pl_alloc_fn)alloc, ud);
	lua_pushvalue(L, lua_upvalueindex(2));
	lua_setmetatable(L, 3);
	lua_pushvalue(L, 1);
	(void)pl_setuservalue(L, 3, 1);
	lua_rawseti(L, 2, 0);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, 2);
	if (seam != NULL && yield_kills) {
		const void *t = seam->running(lp, L);
		if (t != NULL) {
			s->creator = t;
			s->resumes = seam->resumes(t);
		}
	}
	return 1;
}

PL_EXPORT int luaopen_proxylua_socket(lua_State *L);
int luaopen_proxylua_socket(lua_State *L)
{
	static const luaL_Reg methods[] = {
		{ "close", sk_close },
		{ "connect", pl_sk_connect },
		{ "connect_ssl", pl_sk_connect_ssl },
		{ "getpeername", sk_getpeername },
		{ "getsockname", sk_getsockname },
		{ "receive", pl_sk_receive },
		{ "send", pl_sk_send },
		{ "setoption", sk_setoption },
		{ "settimeout", sk_settimeout },
		{ NULL, NULL }
	};

	lua_settop(L, 0);
	lua_newtable(L);                                   /* 1: module */
	/* the Socket's metatable holds exactly __gc, __index and __tostring
	 * (no __name), as HAProxy's: registered by hand */
	lua_newtable(L);                                   /* 2 */
	lua_pushvalue(L, 2);
	lua_setfield(L, LUA_REGISTRYINDEX, SOCK_MT);
	luaL_newmetatable(L, SOCKUD_MT);                   /* 3 */
	lua_pushcfunction(L, sk_ud_gc);
	lua_setfield(L, 3, "__gc");
	lua_pushliteral(L, "HAProxy class Socket");
	lua_setfield(L, 3, "__metatable");
	lua_newtable(L);                                   /* 4: methods */
	lua_pushvalue(L, 2);
	lua_pushvalue(L, 3);
	luaL_setfuncs(L, methods, 2);
	lua_setfield(L, 2, "__index");
	lua_pushcfunction(L, sk_table_gc);
	lua_setfield(L, 2, "__gc");
	lua_pushcfunction(L, sk_tostring);
	lua_setfield(L, 2, "__tostring");
	lua_pushvalue(L, 2);
	lua_pushvalue(L, 3);
	lua_pushcclosure(L, sk_tcp, 2);
	lua_setfield(L, 1, "tcp");
	lua_pushvalue(L, 2);
	lua_pushvalue(L, 3);
	lua_pushcclosure(L, sk_error, 2);
	lua_setfield(L, 1, "_error");
	lua_pushvalue(L, 2);
	lua_pushvalue(L, 3);
	lua_pushcclosure(L, sk_deadline, 2);
	lua_setfield(L, 1, "_deadline");
	lua_pushvalue(L, 2);
	lua_pushvalue(L, 3);
	lua_pushcclosure(L, sk_descriptor, 2);
	lua_setfield(L, 1, "descriptor");
	lua_settop(L, 1);
	pl_sk_register_helpers(L);
	return 1;
}
