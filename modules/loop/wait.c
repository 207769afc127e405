/*
 * Descriptor waits: l:wait(fd, "r"|"w" [, timeout]) parks the running task
 * until fd is ready; l:select(rfds, wfds [, timeout]) until any of several
 * is. One watcher per fd number (epoll keeps one entry per fd) carries at
 * most one waiting reader and one waiting writer, armed one-shot with the
 * union of their interests, so a hang-up cannot spin. A task in l:select
 * sits in the slots of every watcher it waits on; whichever fires first
 * takes it out of all of them.
 * Also tiny pipe helpers (loop._pipe & co) so specs need no socket library.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include "lloop.h"

static void fd_fail(lfd *w);

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

/* Out of every slot of a select's watchers, each rearmed for who is left. */
static void detach_all(ltask *t)
{
	lfd **ws = t->fds;
	int i, n = t->nfds;

	t->fds = NULL;
	t->nfds = 0;
	for (i = 0; i < n; i++) {
		lfd *w = ws[i];
		if (w->reader != t && w->writer != t)
			continue;                 /* a duplicate, done already */
		if (w->reader == t)
			w->reader = NULL;
		if (w->writer == t)
			w->writer = NULL;
		if (fd_arm(w) < 0)
			fd_fail(w);
	}
}

/* t leaves the watcher that woke it (already out of that slot). */
static void take(ltask *t)
{
	if (t->fds != NULL)
		detach_all(t);
	t->fd = NULL;
}

/* The watch could not be rearmed: wake whoever is left, as if ready, so
 * that their next read or write meets the error itself. */
static void fd_fail(lfd *w)
{
	ltask *r = w->reader, *wr = w->writer;

	w->reader = w->writer = NULL;
	if (r != NULL) {
		take(r);
		pl_lloop_wake(r, W_READY);
	}
	if (wr != NULL && wr != r) {
		take(wr);
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
	}
	if ((rev & PL_IO_WRITE) && w->writer != NULL) {
		wr = w->writer;
		w->writer = NULL;
	}
	if (wr == r)
		wr = NULL;                        /* one select, both slots */
	if (r != NULL)
		take(r);
	if (wr != NULL)
		take(wr);
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

	if (t->fds != NULL) {
		detach_all(t);
		return;
	}
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

/* ---- l:select: several descriptors -------------------------------- */

/* Stack of l:select while it runs and while its task is parked (absolute
 * indices: values a resume appends come after them). */
enum { SEL_R = 2, SEL_W, SEL_TO, SEL_POLL, SEL_WATCH, SEL_DEADLINE };

#define SEL_MAX (1 << 20)   /* descriptors in one call */

/* A list of descriptors: nil or a sequence of integers. */
static int sel_count(lua_State *L, int idx)
{
	lua_Integer i, n;

	if (lua_isnoneornil(L, idx))
		return 0;
	luaL_checktype(L, idx, LUA_TTABLE);
	n = (lua_Integer)lua_rawlen(L, idx);
	luaL_argcheck(L, n <= SEL_MAX, idx, "too many descriptors");
	for (i = 1; i <= n; i++) {
		lua_Integer fd;
		int ok;
		lua_rawgeti(L, idx, i);
		fd = lua_tointegerx(L, -1, &ok);
		lua_pop(L, 1);
		luaL_argcheck(L, ok && fd >= 0 && fd <= INT_MAX, idx, "invalid descriptor");
	}
	return (int)n;
}

/* Zero-timeout poll(2) of the descriptors. Pushes the positions ready in
 * each list (two sequences) and returns how many, or -errno (nothing
 * pushed): EBADF for a descriptor that is not open. An error or hang-up
 * counts as ready both ways, as for l:wait. */
static int sel_poll(lua_State *L, struct pollfd *p, int nr, int nw)
{
	int i, n = 0, rc;

	for (i = 0; i < nr + nw; i++)
		p[i].revents = 0;
	do
		rc = poll(p, (nfds_t)(nr + nw), 0);
	while (rc < 0 && errno == EINTR);
	if (rc < 0)
		return -errno;
	for (i = 0; i < nr + nw; i++)
		if (p[i].revents & POLLNVAL)
			return -EBADF;
	lua_createtable(L, 0, 0);
	lua_createtable(L, 0, 0);
	for (i = 0; i < nr + nw; i++) {
		int r = i < nr;
		short want = r ? POLLIN : POLLOUT;
		if (p[i].revents & (want | POLLERR | POLLHUP)) {
			n++;
			lua_pushinteger(L, r ? i + 1 : i - nr + 1);
			lua_rawseti(L, r ? -3 : -2, (lua_Integer)lua_rawlen(L, r ? -3 : -2) + 1);
		}
	}
	if (n == 0)
		lua_pop(L, 2);
	return n;
}

/* What sel_poll found, as l:select returns it: 2 values pushed (the lists,
 * or nil, msg), or 0 when nothing is ready. */
static int sel_ready(lua_State *L, struct pollfd *p, int nr, int nw)
{
	int rc = sel_poll(L, p, nr, nw);

	if (rc > 0)
		return 2;
	if (rc < 0) {
		pl_pushfail(L);
		lua_pushstring(L, strerror(-rc));
		return 2;
	}
	return 0;
}

static int sel_k(lua_State *L, int status, lua_KContext ctx);

/* Put t in the slots of every watcher and park it until `when` (loop ns,
 * or -1). Returns what sel_k returns, or nil, msg when epoll refused one. */
static int sel_park(lua_State *L, lloop *lp, ltask *t, int n, int nr, int64_t when)
{
	lfd **ws = lua_touserdata(L, SEL_WATCH);
	int i, rc = 0;

	for (i = 0; i < n; i++) {
		lfd *w = ws[i];
		ltask **slot = i < nr ? &w->reader : &w->writer;
		if (*slot != NULL && *slot != t)
			break;
		*slot = t;
	}
	t->fds = ws;
	t->nfds = i;
	if (i < n) {
		const struct pollfd *p = lua_touserdata(L, SEL_POLL);
		detach_all(t);
		return luaL_error(L, "descriptor %d already has a waiting %s",
		                  p[i].fd, i < nr ? "reader" : "writer");
	}
	for (i = 0; i < n && rc >= 0; i++)
		rc = fd_arm(ws[i]);
	if (rc < 0) {
		detach_all(t);
		pl_pushfail(L);
		lua_pushstring(L, strerror(-rc));
		return 2;
	}
	if (when >= 0 && pl_timer_start_at(lp->loop, &t->timer, when) != 0) {
		detach_all(t);
		return pl_memerror(L);
	}
	t->wake = W_NONE;
	t->state = T_WAITING;
	return lua_yieldk(L, 0, (lua_KContext)t, sel_k);
}

/* Resumed: the lists of what is ready now; a wake-up with nothing ready
 * (another task read it first) parks again until the same deadline. */
static int sel_k(lua_State *L, int status, lua_KContext ctx)
{
	ltask *t = (ltask *)ctx;
	struct pollfd *p = lua_touserdata(L, SEL_POLL);
	int nr = (int)lua_tointeger(L, SEL_R), nw = (int)lua_tointeger(L, SEL_W);

	(void)status;
	if (t->wake == W_TIMEOUT || t->lp == NULL || t->lp->loop == NULL) {
		pl_pushfail(L);
		lua_pushliteral(L, "timeout");
		return 2;
	}
	if (sel_ready(L, p, nr, nw))
		return 2;
	return sel_park(L, t->lp, t, nr + nw, nr, (int64_t)lua_tointeger(L, SEL_DEADLINE));
}

/*
 * l:select(rfds, wfds [, timeout]): the positions in rfds of the
 * descriptors readable and in wfds of those writable (two sequences, at
 * least one not empty), or nil, "timeout". Nothing is read or written. What
 * is ready already returns at once, from anywhere; else the running task is
 * parked until one is ready (an error or hang-up counts) or `timeout`
 * seconds pass (nil or negative: no limit; 0: never waits). nil, msg when
 * a descriptor is not open or epoll refuses it (a regular file).
 */
int pl_lloop_select(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	int nr = sel_count(L, SEL_R), nw = sel_count(L, SEL_W), n = nr + nw, i;
	lua_Number to = luaL_optnumber(L, SEL_TO, -1);
	struct pollfd *p;
	lfd **ws;
	ltask *t;
	int64_t when = -1;

	lua_settop(L, SEL_TO);
	p = pl_newuserdata(L, sizeof(*p) * (size_t)(n > 0 ? n : 1), 0);   /* SEL_POLL */
	for (i = 0; i < n; i++) {
		int r = i < nr;
		lua_rawgeti(L, r ? SEL_R : SEL_W, r ? i + 1 : i - nr + 1);
		p[i].fd = (int)lua_tointeger(L, -1);
		p[i].events = r ? POLLIN : POLLOUT;
		lua_pop(L, 1);
	}
	if (sel_ready(L, p, nr, nw))
		return 2;
	if (to == 0 || (to > 0 && pl_lloop_secs(to) == 0)) {
		pl_pushfail(L);
		lua_pushliteral(L, "timeout");
		return 2;
	}
	t = pl_lloop_yielder(L, lp, "select");
	ws = pl_newuserdata(L, sizeof(*ws) * (size_t)(n > 0 ? n : 1), 0);  /* SEL_WATCH */
	for (i = 0; i < n; i++)
		ws[i] = get_fd(L, lp, p[i].fd);
	if (to >= 0) {
		int64_t now = pl_loop_now(lp->loop), d = pl_lloop_secs(to);
		when = d > INT64_MAX - now ? PL_LOOP_FOREVER : now + d;
	}
	lua_pushinteger(L, (lua_Integer)when);                          /* SEL_DEADLINE */
	/* the counts take the lists' places: the descriptors are in SEL_POLL */
	lua_pushinteger(L, nr);
	lua_replace(L, SEL_R);
	lua_pushinteger(L, nw);
	lua_replace(L, SEL_W);
	return sel_park(L, lp, t, n, nr, when);
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
