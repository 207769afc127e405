/*
 * Descriptor waits: l:wait(fd, "r"|"w" [, timeout]) parks the running task
 * until fd is ready. One watcher per fd number (epoll keeps one entry per
 * fd) carries at most one waiting reader and one waiting writer, armed
 * one-shot with the union of their interests, so a hang-up cannot spin.
 * Also tiny pipe helpers (loop._pipe & co) so specs need no socket library.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "lloop.h"

/* Arm w for its waiters, or stop it when none is left. */
static int fd_arm(lfd *w)
{
	unsigned want = (w->reader ? PL_IO_READ : 0u) | (w->writer ? PL_IO_WRITE : 0u);

	if (w->lp->loop == NULL)
		return 0;
	if (want == 0)
		return pl_io_active(&w->io) ? pl_io_stop(w->lp->loop, &w->io) : 0;
	return pl_io_start(w->lp->loop, &w->io, want | PL_IO_ONESHOT);
}

/* The watch could not be rearmed: wake whoever is left, as if ready, so
 * that their next read or write meets the error itself. */
static void fd_fail(lfd *w)
{
	ltask *r = w->reader, *wr = w->writer;

	w->reader = w->writer = NULL;
	if (r != NULL) {
		r->fd = NULL;
		pl_lloop_wake(r, W_READY);
	}
	if (wr != NULL) {
		wr->fd = NULL;
		pl_lloop_wake(wr, W_READY);
	}
}

static void fd_event(pl_loop *loop, pl_io *io, unsigned rev)
{
	lfd *w = io->data;
	ltask *r = NULL, *wr = NULL;

	(void)loop;
	if ((rev & PL_IO_READ) && w->reader != NULL) {
		r = w->reader;
		w->reader = NULL;
		r->fd = NULL;
	}
	if ((rev & PL_IO_WRITE) && w->writer != NULL) {
		wr = w->writer;
		w->writer = NULL;
		wr->fd = NULL;
	}
	if (fd_arm(w) < 0)
		fd_fail(w);
	if (r != NULL)
		pl_lloop_wake(r, W_READY);
	if (wr != NULL)
		pl_lloop_wake(wr, W_READY);
}

void pl_lloop_fd_detach(ltask *t)
{
	lfd *w = t->fd;

	if (w == NULL)
		return;
	if (w->reader == t)
		w->reader = NULL;
	if (w->writer == t)
		w->writer = NULL;
	t->fd = NULL;
	if (fd_arm(w) < 0)
		fd_fail(w);
}

/* The watcher of fd, made on first use (may raise: nothing armed yet). */
static lfd *get_fd(lua_State *L, lloop *lp, int fd)
{
	lfd *w;

	pl_lloop_ctx(L, 1);
	lua_rawgeti(L, -1, CTX_FDS);
	if (lua_rawgeti(L, -1, fd) == LUA_TUSERDATA) {
		w = lua_touserdata(L, -1);
		lua_pop(L, 3);
		return w;
	}
	lua_pop(L, 1);
	w = pl_newuserdata(L, sizeof(*w), 0);
	memset(w, 0, sizeof(*w));
	pl_io_init(&w->io, fd, fd_event, w);
	w->lp = lp;
	lua_rawseti(L, -2, fd);
	lua_pop(L, 2);
	return w;
}

/* Resumed: true when ready, nil, "timeout" when the timer came first. */
static int wait_k(lua_State *L, int status, lua_KContext ctx)
{
	ltask *t = (ltask *)ctx;

	(void)status;
	if (t->wake == W_READY) {
		lua_pushboolean(L, 1);
		return 1;
	}
	pl_pushfail(L);
	lua_pushliteral(L, "timeout");
	return 2;
}

/*
 * l:wait(fd, "r"|"w" [, timeout]): yields the running task until fd is
 * readable / writable (an error or hang-up counts as ready), or until
 * `timeout` seconds pass. Returns true, or nil, "timeout", or nil, msg
 * without yielding when epoll refuses the fd (a regular file, a closed fd).
 */
int pl_lloop_wait(lua_State *L)
{
	static const char *const modes[] = { "r", "w", NULL };
	lloop *lp = pl_lloop_check(L, 1);
	lua_Integer fd = luaL_checkinteger(L, 2);
	int m = luaL_checkoption(L, 3, NULL, modes);
	lua_Number to = luaL_optnumber(L, 4, -1);
	ltask *t, **slot;
	lfd *w;
	int rc;

	luaL_argcheck(L, fd >= 0 && fd <= INT_MAX, 2, "invalid descriptor");
	t = pl_lloop_yielder(L, lp, "wait");
	w = get_fd(L, lp, (int)fd);
	slot = m == 0 ? &w->reader : &w->writer;
	if (*slot != NULL)
		return luaL_error(L, "descriptor %d already has a waiting %s",
		                  (int)fd, m == 0 ? "reader" : "writer");
	if (to >= 0 && pl_timer_start(lp->loop, &t->timer, pl_lloop_secs(to)) != 0)
		return pl_memerror(L);
	*slot = t;
	rc = fd_arm(w);
	if (rc < 0) {
		*slot = NULL;
		pl_timer_stop(lp->loop, &t->timer);
		if (fd_arm(w) < 0)
			fd_fail(w);
		pl_pushfail(L);
		lua_pushstring(L, strerror(-rc));
		return 2;
	}
	t->fd = w;
	t->wake = W_NONE;
	t->state = T_WAITING;
	return lua_yieldk(L, 0, (lua_KContext)t, wait_k);
}

/* ---- pipe helpers for specs ----------------------------------------- */

static int push_errno(lua_State *L, int e)
{
	pl_pushfail(L);
	lua_pushstring(L, strerror(e));
	lua_pushinteger(L, e);
	return 3;
}

/* loop._pipe() -> rfd, wfd (non-blocking, close-on-exec) */
static int h_pipe(lua_State *L)
{
	int p[2], i;

	if (pipe(p) != 0)
		return push_errno(L, errno);
	for (i = 0; i < 2; i++) {
		fcntl(p[i], F_SETFL, fcntl(p[i], F_GETFL) | O_NONBLOCK);
		fcntl(p[i], F_SETFD, FD_CLOEXEC);
	}
	lua_pushinteger(L, p[0]);
	lua_pushinteger(L, p[1]);
	return 2;
}

/* loop._write(fd, s) -> bytes written | nil, msg, errno */
static int h_write(lua_State *L)
{
	int fd = (int)luaL_checkinteger(L, 1);
	size_t n;
	const char *s = luaL_checklstring(L, 2, &n);
	ssize_t w = write(fd, s, n);

	if (w < 0)
		return push_errno(L, errno);
	lua_pushinteger(L, (lua_Integer)w);
	return 1;
}

/* loop._read(fd [, max]) -> data ("" at end of file) | nil, msg, errno */
static int h_read(lua_State *L)
{
	int fd = (int)luaL_checkinteger(L, 1);
	lua_Integer max = luaL_optinteger(L, 2, LUAL_BUFFERSIZE);
	luaL_Buffer b;
	char *p;
	ssize_t r;

	luaL_argcheck(L, max > 0 && max <= LUAL_BUFFERSIZE, 2, "out of range");
	p = luaL_buffinitsize(L, &b, (size_t)max);
	r = read(fd, p, (size_t)max);
	if (r < 0)
		return push_errno(L, errno);
	luaL_pushresultsize(&b, (size_t)r);
	return 1;
}

static int h_close(lua_State *L)
{
	int fd = (int)luaL_checkinteger(L, 1);

	if (close(fd) != 0)
		return push_errno(L, errno);
	lua_pushboolean(L, 1);
	return 1;
}

/* Add the helpers to the module table at -1. */
void pl_lloop_register_helpers(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{ "_pipe", h_pipe },
		{ "_write", h_write },
		{ "_read", h_read },
		{ "_close", h_close },
		{ NULL, NULL }
	};

	luaL_setfuncs(L, fns, 0);
}
