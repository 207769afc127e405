/*
 * send and receive with HAProxy 2.6's results (docs/haproxy-socket.md §4,
 * §5): send gives the count of the selected range or -1; receive gives the
 * data, or nil, "connection closed.", partial data at close and at a timeout
 * coming back as a success (except a partial *l line at a timeout, which is lost).
 * Both wait through the loop (socket.c) and resume in a continuation.
 *
 * A socket made with opts.outside also takes a send outside a task (the
 * stack then holds one value more, NOWAIT): it sends what goes without
 * waiting and returns the count sent so far.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "lsock.h"

#define SUD 5                   /* send stack: self, data, i, j, ud */
#define RUD 4                   /* receive stack: self, pattern, prefix, ud */
#define NOWAIT 1                /* stack slots above SUD: a send outside a task */
#define READ_CHUNK (16 * 1024)
#define KEEP_CAP (256 * 1024)   /* an empty receive buffer larger than this is freed */

enum { RM_LINE, RM_ALL, RM_COUNT };

ssize_t pl_sk_write(lsock *s, const char *p, size_t n)
{
	if (s->tls_on)
		return pl_tls_send(&s->tls, s->fd, p, n);
	return pl_sock_send(s->fd, p, n);
}

static ssize_t sk_read(lsock *s, char *p, size_t n)
{
	if (s->tls_on)
		return pl_tls_recv(&s->tls, s->fd, p, n);
	return pl_sock_recv(s->fd, p, n);
}

/* ---- send --------------------------------------------------------------- */

static int push_count(lua_State *L, lua_Integer n)
{
	lua_pushinteger(L, n);
	return 1;
}

/* ctx: bytes of the range already sent */
static int send_k(lua_State *L, int status, lua_KContext ctx)
{
	lsock *s = lua_touserdata(L, SUD);
	size_t off = (size_t)ctx;
	const char *p = lua_tostring(L, 2) + lua_tointeger(L, 3) - 1;
	size_t n = (size_t)(lua_tointeger(L, 4) - lua_tointeger(L, 3) + 1);
	int moved = 0;

	pl_sk_wait_status(L, s, SUD, status);
	if (lua_gettop(L) == SUD + 2) {
		int to;
		if (!pl_sk_wait_result(L, s, SUD, &to)) {
			pl_sk_kill(L, s, SUD, to);
			return push_count(L, -1);
		}
		if (s->state != SK_CONN)
			return push_count(L, -1);
	}
	for (;;) {
		ssize_t w;

		if (off < n) {
			w = pl_sk_write(s, p + off, n - off);
			if (w > 0) {
				off += (size_t)w;
				moved = 1;
				continue;
			}
		} else if (s->tls_on) {
			w = pl_tls_flush(&s->tls, s->fd);
		} else {
			w = 0;
		}
		if (w == 0 && off >= n)
			break;
		if (w == PL_SOCK_WANT_READ || w == PL_SOCK_WANT_WRITE) {
			lua_Number left;
			if (moved)
				pl_sk_touch(L, s, SUD);
			if (lua_gettop(L) == SUD + NOWAIT)
				return push_count(L, (lua_Integer)off);
			left = pl_sk_left(L, SUD, s->deadline);
			if (left == 0) {
				pl_sk_kill(L, s, SUD, 1);
				return push_count(L, -1);
			}
			return pl_sk_wait(L, s, SUD, (int)w, left, (lua_KContext)off, send_k);
		}
		if (w < 0 && s->err == 0)
			s->err = (int)-w;
		pl_sk_kill(L, s, SUD, 0);
		return push_count(L, -1);
	}
	pl_sk_touch(L, s, SUD);
	return push_count(L, (lua_Integer)n);
}

/* One range end, as 2.6 normalises it; an end past the string is clamped
 * to it (2.6 would send the string's terminating NUL: not copied). */
static lua_Integer norm(lua_Integer k, lua_Integer len, int is_i)
{
	if (k < 0)
		k = len + k + 1;
	if (k > len || k < 0)
		k = is_i ? len + 1 : len;
	if (is_i && k == 0)
		k = 1;
	return k;
}

int pl_sk_send(lua_State *L)
{
	int n = lua_gettop(L);
	lsock *s;
	size_t len;
	lua_Integer i = 1, j;

	if (n < 2 || n > 4)
		return luaL_error(L, "'send' needs between 2 and 4 arguments");
	lua_settop(L, 4);
	s = pl_sk_self(L);                                 /* SUD */
	(void)luaL_checklstring(L, 2, &len);
	j = (lua_Integer)len;
	if (n >= 3)
		i = norm(luaL_checkinteger(L, 3), (lua_Integer)len, 1);
	if (n >= 4)
		j = norm(luaL_checkinteger(L, 4), (lua_Integer)len, 0);
	if (i > j)
		return push_count(L, 0);
	if (s->state == SK_DEAD || s->state == SK_CONNECTING || pl_sk_rule2_dead(L, s, SUD))
		return push_count(L, -1);
	if (!pl_sk_in_task(L, s, SUD)) {
		if (!s->outside || s->state != SK_CONN)
			return luaL_error(L, "The 'write' function is only allowed in 'frontend', 'backend' or 'task'");
		lua_pushboolean(L, 1);                     /* NOWAIT */
	}
	if (s->state == SK_NEW) {   /* queued, goes out after connect */
		if (pl_buf_add(&s->early, lua_tostring(L, 2) + i - 1, (size_t)(j - i + 1)) != 0)
			return pl_memerror(L);
		return push_count(L, j - i + 1);
	}
	if (pl_sk_expired(L, s, SUD))
		return push_count(L, -1);
	lua_pushinteger(L, i);
	lua_replace(L, 3);
	lua_pushinteger(L, j);
	lua_replace(L, 4);
	return send_k(L, LUA_OK, 0);
}

/* ---- receive ------------------------------------------------------------ */

/* Return the n buffered bytes at rpos after the prefix, consuming `eat`.
 * The string (and the prefix join) is made first: running out of memory
 * there raises with the data still buffered. A finalizer run by those
 * allocations may close the socket (its buffer gone): nothing is consumed
 * then. */
static int result(lua_State *L, lsock *s, size_t n, size_t eat)
{
	if (!lua_isnil(L, 3))
		lua_pushvalue(L, 3);
	lua_pushlstring(L, s->rbuf.data + s->rpos, n);   /* copies before anything can run */
	if (!lua_isnil(L, 3))
		lua_concat(L, 2);
	if (eat > 0 && s->rbuf.len - s->rpos >= eat) {
		s->rpos += eat;
		if (s->rpos == s->rbuf.len)
			s->rpos = s->rbuf.len = 0;
		/* after a big read, give the memory back */
		if (s->rbuf.len == 0 && s->rbuf.cap > KEEP_CAP)
			pl_buf_free(&s->rbuf);
		if (s->state == SK_CONN)
			pl_sk_touch(L, s, RUD);
	}
	return 1;
}

/* The connection is over: what is left, then the prefix, then the error. */
static int final(lua_State *L, lsock *s, int mode)
{
	size_t avail = s->rbuf.len - s->rpos;

	if (avail > 0) {
		if (!(mode == RM_LINE && s->timed_out))
			return result(L, s, avail, avail);
		s->rpos = s->rbuf.len = 0;          /* a partial line is lost */
		if (s->line_lost_raises) {
			lua_pushliteral(L, LINE_LOST_MSG);
			return lua_error(L);
		}
	}
	if (!lua_isnil(L, 3)) {
		lua_pushvalue(L, 3);
		return 1;
	}
	pl_pushfail(L);
	lua_pushliteral(L, CLOSED_MSG);
	return 2;
}

static ssize_t read_more(lua_State *L, lsock *s)
{
	pl_buf *b = &s->rbuf;
	char *p;
	ssize_t r;

	if (s->rpos > 0 && s->rpos >= b->cap / 2) {
		memmove(b->data, b->data + s->rpos, b->len - s->rpos);
		b->len -= s->rpos;
		s->rpos = 0;
	}
	p = pl_buf_prepare(b, READ_CHUNK);
	if (p == NULL)
		pl_memerror(L);
	r = sk_read(s, p, b->cap - b->len);
	if (r > 0)
		pl_buf_commit(b, (size_t)r);
	return r;
}

/* ctx: mode | (count + 1) << 2, count >= -1 */
static int recv_k(lua_State *L, int status, lua_KContext ctx)
{
	lsock *s = lua_touserdata(L, RUD);
	int mode = (int)(ctx & 3);
	lua_Integer count = (lua_Integer)(ctx >> 2) - 1, want = 0;
	size_t plen = 0;

	pl_sk_wait_status(L, s, RUD, status);
	if (!lua_isnil(L, 3))
		(void)lua_tolstring(L, 3, &plen);
	want = count - (lua_Integer)plen;
	if (lua_gettop(L) == RUD + 2) {
		int to;
		if (!pl_sk_wait_result(L, s, RUD, &to))
			pl_sk_kill(L, s, RUD, to);
	}
	for (;;) {
		size_t avail = s->rbuf.len - s->rpos;
		const char *b = avail ? s->rbuf.data + s->rpos : "";
		ssize_t r;
		lua_Number left;

		if (mode == RM_LINE) {
			const char *nl = avail ? memchr(b, '\n', avail) : NULL;
			if (nl != NULL) {
				size_t n = (size_t)(nl - b);
				/* one \r before the \n goes, others stay (docs/haproxy-socket.md §5) */
				return result(L, s, n - (n > 0 && b[n - 1] == '\r'), n + 1);
			}
		} else if (mode == RM_COUNT) {
			/* a prefix as long as the count, or receive(0): one byte
			 * must be buffered; a longer one takes everything */
			if (want <= 0 && avail > 0)
				return result(L, s, want == 0 ? 0 : avail, want == 0 ? 0 : avail);
			if (want > 0 && (lua_Integer)avail >= want)
				return result(L, s, (size_t)want, (size_t)want);
		}
		if (s->state != SK_CONN || s->eof)
			return final(L, s, mode);
		if (pl_sk_expired(L, s, RUD))
			continue;
		r = read_more(L, s);
		if (r > 0)
			continue;
		if (r != PL_SOCK_WANT_READ && r != PL_SOCK_WANT_WRITE) {
			s->eof = 1;                 /* FIN or RST: both end the stream */
			if (r < 0 && s->err == 0)   /* which one: socket._error */
				s->err = (int)-r;
			continue;
		}
		left = pl_sk_left(L, RUD, s->deadline);
		if (left == 0) {
			pl_sk_kill(L, s, RUD, 1);
			continue;
		}
		return pl_sk_wait(L, s, RUD, (int)r, left, ctx, recv_k);
	}
}

int pl_sk_receive(lua_State *L)
{
	int n = lua_gettop(L), mode = RM_LINE;
	lsock *s;
	lua_Integer count = 0;

	if (n > 3)
		return luaL_error(L, "The 'receive' function requires between 1 and 3 arguments.");
	lua_settop(L, 3);
	s = pl_sk_self(L);                                 /* RUD */
	if (lua_type(L, 2) == LUA_TSTRING) {
		/* C string rules, as 2.6: exact "*a" / "*l", else strtoll */
		const char *p = lua_tostring(L, 2);
		char *end;
		long long v;
		if (strcmp(p, "*a") == 0) {
			mode = RM_ALL;
		} else if (strcmp(p, "*l") != 0) {
			v = strtoll(p, &end, 10);
			if (*end != '\0')
				return luaL_error(L, "Unsupported pattern.");
			/* -1 is *l, -2 *a; a lower count takes whatever is
			 * buffered once a byte is there (checked live) */
			if (v == -2)
				mode = RM_ALL;
			else if (v != -1)
				mode = RM_COUNT, count = v < 0 ? -1 : (lua_Integer)v;
		}
	} else if (lua_type(L, 2) == LUA_TNUMBER) {
		count = lua_tointeger(L, 2);   /* 2.7 -> 0, as lua_tointeger */
		if (count < 0)
			return luaL_error(L, "Unsupported size.");
		mode = RM_COUNT;
	}
	if (n >= 3 && lua_type(L, 3) != LUA_TSTRING)    /* nil too (live) */
		return luaL_error(L, "Expect a 'string' for the prefix");
	if (count > ((lua_Integer)1 << 58))
		count = (lua_Integer)1 << 58;
	if (s->state != SK_DEAD && !pl_sk_in_task(L, s, RUD))
		return luaL_error(L, "The 'receive' function is only allowed in 'frontend', 'backend' or 'task'");
	if (s->state == SK_NEW || s->state == SK_CONNECTING) {
		/* its yield kills an unconnected socket (docs/haproxy-socket.md §1) */
		if (s->state == SK_NEW)
			pl_sk_kill(L, s, RUD, 0);
		return final(L, s, mode);
	}
	return recv_k(L, LUA_OK, (lua_KContext)((count + 1) << 2 | mode));
}
