/*
 * proxylua.loop: HAProxy's scheduling model under stock Lua. Tasks are
 * coroutines resumed by a Lua-free epoll loop (lib/loop.c) when their timer
 * fires, their descriptor is ready or they yielded; with {virtual = true}
 * the clock jumps to the next timer when nothing else can run, so a spec's
 * core.sleep(60) takes no real time.
 *
 * Every method gets the loop metatable (upvalue 1) and the task metatable
 * (upvalue 2): checking self is a pointer comparison.
 */
#include <errno.h>
#include <string.h>
#include <time.h>
#include "lloop.h"

lloop *pl_lloop_check(lua_State *L, int idx)
{
	lloop *lp = lua_touserdata(L, idx);

	if (lp != NULL && lua_getmetatable(L, idx)) {
		int same = lua_rawequal(L, -1, lua_upvalueindex(1));
		lua_pop(L, 1);
		if (same)
			return lp;
	}
	return luaL_checkudata(L, idx, LOOP_MT);
}

/* Push the context table of the loop at idx. */
void pl_lloop_ctx(lua_State *L, int idx)
{
	pl_getuservalue(L, idx, 1);
}

static lloop *check_open(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	if (lp->loop == NULL)
		luaL_error(L, "loop is closed");
	return lp;
}

/* loop.new{virtual=, forced_yield=, timeout=, on_error=} */
static int loop_new(lua_State *L)
{
	llimits lim = { 0, 0, 2000000000, 0, 0 };   /* HAProxy's watchdog: ~2 s */
	int virt = 0, rc;
	lloop *lp;
	void *ud;
	lua_Alloc alloc = lua_getallocf(L, &ud);
	struct timespec rt;

	lua_settop(L, 1);
	if (!lua_isnil(L, 1)) {
		luaL_checktype(L, 1, LUA_TTABLE);
		lua_getfield(L, 1, "virtual");
		virt = lua_toboolean(L, -1);
		lua_getfield(L, 1, "on_error");
		if (!lua_isnil(L, -1))
			luaL_argcheck(L, lua_isfunction(L, -1), 1, "on_error must be a function");
		pl_lloop_limits(L, 1, &lim);
	} else {
		lua_pushnil(L);
		lua_pushnil(L);
	}
	/* 2: virtual, 3: on_error */
	lp = pl_newuserdata(L, sizeof(*lp), 1);              /* 4 */
	memset(lp, 0, sizeof(*lp));
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_setmetatable(L, 4);
	lua_createtable(L, CTX_N, 0);                        /* 5: context */
	lua_newtable(L);
	lua_rawseti(L, 5, CTX_LIVE);
	lua_newtable(L);
	lua_rawseti(L, 5, CTX_FDS);
	lua_newtable(L);
	lua_rawseti(L, 5, CTX_ERRORS);
	lua_pushvalue(L, 3);
	lua_rawseti(L, 5, CTX_ONERROR);
	lua_newtable(L);
	lua_rawseti(L, 5, CTX_DONE);
	lua_newtable(L);
	lua_rawseti(L, 5, CTX_ALT);
	(void)pl_setuservalue(L, 4, 1);

	rc = pl_loop_new(&lp->loop, virt ? PL_LOOP_VIRTUAL : 0, (pl_alloc_fn)alloc, ud);
	if (rc == -ENOMEM)
		return pl_memerror(L);
	if (rc < 0) {
		pl_pushfail(L);
		lua_pushstring(L, strerror(-rc));
		return 2;
	}
	lp->defaults = lim;
	/* now() reads as wall-clock seconds that follow the loop clock */
	clock_gettime(CLOCK_REALTIME, &rt);
	lp->wall = (int64_t)rt.tv_sec * 1000000000 + rt.tv_nsec - pl_loop_now(lp->loop);
	return 1;
}

/* Forget every task and free the loop. Tasks are not resumed again; their
 * handles report "cancelled". Also __gc and __close. */
static int loop_close(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	if (lp->loop == NULL)
		return 0;
	if (lp->L != NULL)
		return luaL_error(L, "cannot close a running loop");
	pl_lloop_ctx(L, 1);
	lua_rawgeti(L, -1, CTX_LIVE);
	lua_pushnil(L);
	while (lua_next(L, -2)) {
		ltask *t = lua_touserdata(L, -1);
		if (t != NULL && t->lp == lp) {
			pl_lloop_task_unlink(t);
			t->state = T_CANCELLED;
		}
		lua_pop(L, 1);
	}
	pl_loop_free(lp->loop);
	lp->loop = NULL;
	return 0;
}

/* Seconds from now on the loop clock, or forever. */
static int64_t deadline_arg(lua_State *L, lloop *lp, int idx)
{
	int64_t ns;

	if (lua_isnoneornil(L, idx))
		return PL_LOOP_FOREVER;
	ns = pl_lloop_secs(luaL_checknumber(L, idx));
	pl_loop_update(lp->loop);
	if (ns > PL_LOOP_FOREVER - pl_loop_now(lp->loop))
		return PL_LOOP_FOREVER;
	return pl_loop_now(lp->loop) + ns;
}

/* Make L the state the loop resumes from, with the context at index 3. */
static void enter(lua_State *L, lloop *lp)
{
	if (lp->L != NULL)
		luaL_error(L, "loop is already running");
	lua_settop(L, 2);
	pl_lloop_ctx(L, 1);                 /* 3 */
	luaL_checkstack(L, 16, NULL);
	lp->L = L;
	lp->ctx = 3;
}

/* done (no work left), pending task count */
static int leave(lua_State *L, lloop *lp, int rc)
{
	lp->L = NULL;
	if (rc < 0)
		return luaL_error(L, "loop: %s", strerror(-rc));
	lua_pushboolean(L, rc == 0);
	lua_pushinteger(L, (lua_Integer)lp->ntasks);
	return 2;
}

/* l:run([seconds]) -> done, pending: until no work is left or the time is up */
static int loop_run(lua_State *L)
{
	lloop *lp = check_open(L);
	int64_t deadline = deadline_arg(L, lp, 2);

	enter(L, lp);
	return leave(L, lp, pl_loop_run(lp->loop, deadline));
}

/* l:step([seconds]) -> done, pending: one iteration, waiting at most
 * `seconds` (default: until something happens) */
static int loop_step(lua_State *L)
{
	lloop *lp = check_open(L);
	int64_t deadline = deadline_arg(L, lp, 2);

	enter(L, lp);
	return leave(L, lp, pl_loop_step(lp->loop, deadline));
}

static int loop_stop(lua_State *L)
{
	lloop *lp = check_open(L);

	pl_loop_stop(lp->loop);
	return 0;
}

/* l:now() -> seconds, wall-clock based, following the loop clock (cached
 * per iteration, as HAProxy's own now is) */
static int loop_now(lua_State *L)
{
	lloop *lp = check_open(L);

	lua_pushnumber(L, (lua_Number)pl_lloop_wall(lp, pl_loop_now(lp->loop)) / 1e9);
	return 1;
}

/* l:advance(seconds): move a virtual clock; due timers fire at the next step */
static int loop_advance(lua_State *L)
{
	lloop *lp = check_open(L);
	int64_t ns = pl_lloop_secs(luaL_checknumber(L, 2));

	if (pl_loop_advance(lp->loop, ns) != 0)
		return luaL_error(L, "advance needs a virtual clock");
	return 0;
}

static int loop_count(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	lua_pushinteger(L, (lua_Integer)lp->ntasks);
	return 1;
}

/* l:clock() -> sec, usec: the loop clock on the wall-clock scale, in
 * integers (what core.now() returns, with no float rounding) */
static int loop_clock(lua_State *L)
{
	lloop *lp = check_open(L);
	int64_t ns = pl_lloop_wall(lp, pl_loop_now(lp->loop));

	lua_pushinteger(L, (lua_Integer)(ns / 1000000000));
	lua_pushinteger(L, (lua_Integer)(ns % 1000000000 / 1000));
	return 2;
}

/* l:in_task() -> true when called from a task of this loop (its own
 * coroutine, not one the task created) */
static int loop_in_task(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	lua_pushboolean(L, lp->loop != NULL && pl_lloop_running(lp, L) != NULL);
	return 1;
}

static int loop_is_virtual(lua_State *L)
{
	lloop *lp = check_open(L);

	lua_pushboolean(L, pl_loop_is_virtual(lp->loop));
	return 1;
}

/* l:errors() -> list of error records collected so far (and clears it);
 * the count of errors lost to memory exhaustion comes second. */
static int loop_errors(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	lua_settop(L, 1);
	pl_lloop_ctx(L, 1);                 /* 2 */
	lua_rawgeti(L, 2, CTX_ERRORS);      /* 3 */
	lua_newtable(L);
	lua_rawseti(L, 2, CTX_ERRORS);
	lua_pushinteger(L, (lua_Integer)lp->lost);
	lp->lost = 0;
	return 2;
}

/* l:on_error(fn | nil): fn(err, traceback, task) instead of collecting */
static int loop_on_error(lua_State *L)
{
	(void)pl_lloop_check(L, 1);
	if (!lua_isnoneornil(L, 2))
		luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_settop(L, 2);
	pl_lloop_ctx(L, 1);
	lua_pushvalue(L, 2);
	lua_rawseti(L, 3, CTX_ONERROR);
	return 0;
}

/* l:current() -> the running task of this loop, or nil */
static int loop_current(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	if (lp->current == NULL)
		return 0;
	pl_lloop_ctx(L, 1);
	lua_rawgeti(L, -1, CTX_LIVE);
	lua_rawgetp(L, -1, lp->current);
	return 1;
}

static int loop_scheduler(lua_State *L)
{
	(void)check_open(L);
	pl_lloop_push_scheduler(L, 1);
	return 1;
}

static int loop_tostring(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);

	lua_pushfstring(L, "proxylua.loop (%s): %p",
	                lp->loop == NULL ? "closed" :
	                pl_loop_is_virtual(lp->loop) ? "virtual" : "real", (void *)lp);
	return 1;
}

static const luaL_Reg loop_methods[] = {
	{ "spawn", pl_lloop_spawn },
	{ "sleep", pl_lloop_sleep },
	{ "msleep", pl_lloop_msleep },
	{ "yield", pl_lloop_yield },
	{ "wait", pl_lloop_wait },
	{ "select", pl_lloop_select },
	{ "cancel", pl_lloop_cancel },
	{ "attach", pl_lloop_attach },
	{ "run", loop_run },
	{ "step", loop_step },
	{ "stop", loop_stop },
	{ "now", loop_now },
	{ "clock", loop_clock },
	{ "in_task", loop_in_task },
	{ "advance", loop_advance },
	{ "count", loop_count },
	{ "is_virtual", loop_is_virtual },
	{ "errors", loop_errors },
	{ "on_error", loop_on_error },
	{ "current", loop_current },
	{ "scheduler", loop_scheduler },
	{ "close", loop_close },
	{ NULL, NULL }
};

static const luaL_Reg loop_metamethods[] = {
	{ "__gc", loop_close },
	{ "__tostring", loop_tostring },
	{ NULL, NULL }
};

PL_EXPORT int luaopen_proxylua_loop(lua_State *L);
PL_EXPORT int luaopen_proxylua_loop(lua_State *L)
{
	lua_settop(L, 0);
	pl_lloop_init_hookkey(L);
	pl_lloop_register_seam(L);
	luaL_newmetatable(L, LOOP_MT);                /* 1 */
	luaL_newmetatable(L, TASK_MT);                /* 2 */
	pl_lloop_register_task(L);

	lua_newtable(L);                              /* 3: methods */
	lua_pushvalue(L, 1);
	lua_pushvalue(L, 2);
	luaL_setfuncs(L, loop_methods, 2);
	lua_setfield(L, 1, "__index");
	lua_pushvalue(L, 1);                          /* metamethods on 1 */
	lua_pushvalue(L, 1);
	lua_pushvalue(L, 2);
	luaL_setfuncs(L, loop_metamethods, 2);
	lua_pop(L, 1);
	pl_setclose(L, 1, loop_close);

	lua_newtable(L);                              /* 3: module */
	lua_pushvalue(L, 1);
	lua_pushvalue(L, 2);
	lua_pushcclosure(L, loop_new, 2);
	lua_setfield(L, 3, "new");
	lua_pushcfunction(L, pl_lloop_call);
	lua_setfield(L, 3, "call");
	lua_pushcfunction(L, pl_lloop_own);
	lua_setfield(L, 3, "own");
	pl_lloop_register_helpers(L);
	return 1;
}
