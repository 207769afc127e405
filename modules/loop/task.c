/*
 * Tasks: each one a coroutine that the loop resumes from a job. A task
 * gives control back by yielding (sleep, yield, wait) or at a forced yield
 * of the count hook (hook.c); end.c files how it ended.
 *
 * Nothing in the job callback may raise on the state running the loop
 * (lp->L): resume catches the coroutine's own errors, and the stack
 * operations here neither allocate nor grow the stack.
 */
#include <string.h>
#include "lloop.h"

void pl_lloop_wake(ltask *t, int why)
{
	pl_timer_stop(t->lp->loop, &t->timer);
	t->wake = why;
	t->state = T_READY;
	pl_job_post(t->lp->loop, &t->job);
}

/* Take t out of every C structure; its Lua anchors are the caller's. */
void pl_lloop_task_unlink(ltask *t)
{
	lloop *lp = t->lp;

	if (lp == NULL)
		return;
	if (lp->loop != NULL) {
		pl_timer_stop(lp->loop, &t->timer);
		pl_job_cancel(lp->loop, &t->job);
		pl_lloop_fd_detach(t);
	}
	if (t->co != NULL)
		lua_sethook(t->co, NULL, 0, 0);
	t->co = NULL;
	t->lp = NULL;
	lp->ntasks--;
}

/* Job callback: resume the task once, then file it by how it stopped. */
static void task_run(pl_loop *loop, pl_job *job)
{
	ltask *t = job->data, *prev;
	lloop *lp = t->lp;
	lua_State *L = lp->L, *co = t->co;
	void *prevhook = NULL;
	/* an attached call is always hooked: its watchdog needs each
	 * resume's start */
	int st, nres = 0, hooked = t->forced_yield > 0 || t->budget > 0 || t->alt != NULL;

	(void)loop;
	prev = lp->current;
	lp->current = t;
	t->state = T_RUNNING;
	t->by_hook = 0;
	t->resumes++;
	if (hooked)
		prevhook = pl_lloop_hook_enter(L, t);
	st = pl_resume(co, L, t->nargs, &nres);
	t->nargs = 0;
	if (hooked) {
		pl_lloop_hook_leave(L, t, prevhook);
	} else if (t->late) {
		pl_lloop_hook_leave(L, t, t->late_prev);
	}
	t->late = 0;
	lp->current = prev;
	if (st == LUA_YIELD) {
		/* After a hook's yield, 5.3's stack top is the interrupted Lua
		 * frame's: nothing to pop. A bare coroutine.yield's values go. */
		if (t->by_hook)
			t->forced++;
		else
			lua_pop(co, nres);
		if (t->state == T_RUNNING) {   /* not a loop wait: run again soon */
			t->state = T_READY;
			pl_job_post(lp->loop, &t->job);
		}
		return;
	}
	pl_lloop_task_end(lp, L, t, st, nres);
}

static void task_timer(pl_loop *loop, pl_timer *tm)
{
	ltask *t = tm->data;

	(void)loop;
	if (t->state == T_WAITING) {
		pl_lloop_fd_detach(t);
		pl_lloop_wake(t, W_TIMEOUT);
	} else {
		pl_lloop_wake(t, W_NONE);
	}
}

ltask *pl_lloop_running(lloop *lp, lua_State *L)
{
	ltask *t = lp->current;

	return (t != NULL && t->co == L) ? t : NULL;
}

/* The task that may yield to lp here, or raise (before anything is armed). */
ltask *pl_lloop_yielder(lua_State *L, lloop *lp, const char *what)
{
	ltask *t = pl_lloop_running(lp, L);

	if (t == NULL)
		luaL_error(L, "%s: not called from a task of this loop", what);
	if (!lua_isyieldable(L)) {
		/* Lua's own words, without a position, as HAProxy's pcall sees them */
		lua_pushliteral(L, "attempt to yield across a C-call boundary");
		lua_error(L);
	}
	return t;
}

void pl_lloop_arm_sleep(lua_State *L, lloop *lp, ltask *t, int64_t ns)
{
	if (pl_timer_start(lp->loop, &t->timer, ns) != 0)
		pl_memerror(L);
	t->state = T_SLEEPING;
}

/* l:sleep(seconds) / l:msleep(ms): yield until the timer fires; nothing
 * is returned, as core.sleep returns nothing. */
int pl_lloop_sleep(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	lua_Number s = luaL_checknumber(L, 2);

	pl_lloop_arm_sleep(L, lp, pl_lloop_yielder(L, lp, "sleep"), pl_lloop_secs(s));
	return lua_yield(L, 0);
}

int pl_lloop_msleep(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	lua_Number ms = luaL_checknumber(L, 2);

	pl_lloop_arm_sleep(L, lp, pl_lloop_yielder(L, lp, "msleep"), pl_lloop_secs(ms / 1000));
	return lua_yield(L, 0);
}

/* l:yield(): back of the run queue; timers and I/O get their turn first. */
int pl_lloop_yield(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	ltask *t = pl_lloop_yielder(L, lp, "yield");

	t->state = T_READY;
	pl_job_post(lp->loop, &t->job);
	return lua_yield(L, 0);
}

/* A coroutine spawn may adopt: never started, or suspended in a yield. */
static int resumable(lua_State *L, lua_State *co)
{
	lua_Debug ar;

	if (co == L)
		return 0;
	if (lua_status(co) == LUA_YIELD)
		return 1;
	return lua_status(co) == LUA_OK && lua_getstack(co, 0, &ar) == 0
	       && lua_gettop(co) > 0;
}

/*
 * l:spawn([opts,] fn | co, ...): a task that runs fn(...) (or resumes the
 * coroutine co with ...) once the loop runs. opts: forced_yield, timeout,
 * done = function(ok, ...) called at the end instead of collecting errors,
 * background = true: its sleeps keep no run() going (weak timer).
 * The thread is the task's uservalue and live[task] anchors the task;
 * nothing is armed until every allocation has succeeded.
 */
int pl_lloop_spawn(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	llimits lim = lp->defaults;
	int fi = 2, top, i, has_done = 0, background = 0;
	ltask *t;
	lua_State *co;

	if (lp->loop == NULL)
		return luaL_error(L, "loop is closed");
	if (lua_type(L, 2) == LUA_TTABLE) {
		pl_lloop_limits(L, 2, &lim);
		lua_getfield(L, 2, "background");
		background = lua_toboolean(L, -1);
		lua_pop(L, 1);
		lua_getfield(L, 2, "done");
		has_done = !lua_isnil(L, -1);
		luaL_argcheck(L, !has_done || lua_isfunction(L, -1), 2, "done must be a function");
		lua_pop(L, 1);
		fi = 3;
	}
	if (lua_type(L, fi) == LUA_TTHREAD) {
		luaL_argcheck(L, resumable(L, lua_tothread(L, fi)), fi,
		              "coroutine is not suspended");
	} else {
		luaL_checktype(L, fi, LUA_TFUNCTION);
	}
	top = lua_gettop(L);
	luaL_checkstack(L, top - fi + 4, "too many arguments");
	t = pl_newuserdata(L, sizeof(*t), 1);            /* top+1 */
	memset(t, 0, sizeof(*t));
	t->state = T_DONE;          /* until it is armed below */
	lua_pushvalue(L, lua_upvalueindex(2));
	lua_setmetatable(L, -2);
	if (lua_type(L, fi) == LUA_TTHREAD) {
		co = lua_tothread(L, fi);
		lua_pushvalue(L, fi);                        /* top+2 */
		fi++;                   /* the arguments only */
	} else {
		co = lua_newthread(L);                       /* top+2 */
	}
	lua_sethook(co, NULL, 0, 0);   /* not the spawner's, if it had one */
	if (!lua_checkstack(co, top - fi + 1))
		return luaL_error(L, "too many arguments");
	(void)pl_setuservalue(L, top + 1, 1);
	pl_lloop_ctx(L, 1);                              /* top+2 */
	lua_rawgeti(L, -1, CTX_LIVE);                    /* top+3 */
	lua_pushvalue(L, top + 1);
	lua_rawsetp(L, -2, t);
	if (has_done) {
		lua_rawgeti(L, top + 2, CTX_DONE);
		lua_getfield(L, 2, "done");
		lua_rawsetp(L, -2, t);
	}
	lua_settop(L, top + 1);
	for (i = fi; i <= top; i++)
		lua_pushvalue(L, i);
	lua_xmove(L, co, top - fi + 1);

	/* the allocations above may have run a finalizer that closed the
	 * loop (its anchors go with it) */
	if (lp->loop == NULL)
		return luaL_error(L, "loop is closed");
	t->lp = lp;
	t->co = co;
	/* a fresh thread gets fn's arguments; a yielded one, resume values */
	t->nargs = lua_status(co) == LUA_YIELD ? top - fi + 1 : lua_gettop(co) - 1;
	t->has_done = has_done;
	t->forced_yield = lim.forced_yield;
	t->budget = lim.budget;
	t->watchdog = lim.watchdog;
	t->burst = lim.burst;
	t->burst_named = lim.burst_named;
	t->state = T_READY;
	pl_job_init(&t->job, task_run, t);
	pl_timer_init(&t->timer, task_timer, t);
	pl_timer_set_weak(lp->loop, &t->timer, background);
	lp->ntasks++;
	pl_job_post(lp->loop, &t->job);
	return 1;
}

/* l:cancel(task): true when it was pending and is now gone. */
int pl_lloop_cancel(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	ltask *t = luaL_checkudata(L, 2, TASK_MT);

	if (t->lp != lp) {
		lua_pushboolean(L, 0);
		return 1;
	}
	if (t == lp->current)
		return luaL_error(L, "cannot cancel the running task");
	if (t->state == T_RUNNING) {
		/* finishing: its done or on_error handler is running, and the
		 * end of task_run still uses it */
		lua_pushboolean(L, 0);
		return 1;
	}
	pl_lloop_ctx(L, 1);
	pl_lloop_task_unlink(t);
	t->state = T_CANCELLED;
	pl_lloop_task_drop(L, lua_gettop(L), t);
	lua_pushboolean(L, 1);
	return 1;
}

/* ---- task handle ----------------------------------------------------- */

static const char *const state_names[] = {
	"ready", "running", "sleeping", "waiting", "done", "error", "cancelled"
};

static int task_status(lua_State *L)
{
	ltask *t = luaL_checkudata(L, 1, TASK_MT);

	lua_pushstring(L, state_names[t->state]);
	return 1;
}

/* t:stats() -> {resumes, forced_yields, run_time (s, measured while a
 * forced yield or a timeout hooks the task), timed_out} */
static int task_stats(lua_State *L)
{
	ltask *t = luaL_checkudata(L, 1, TASK_MT);

	lua_createtable(L, 0, 4);
	lua_pushinteger(L, (lua_Integer)t->resumes);
	lua_setfield(L, -2, "resumes");
	lua_pushinteger(L, (lua_Integer)t->forced);
	lua_setfield(L, -2, "forced_yields");
	lua_pushnumber(L, (lua_Number)t->used / 1e9);
	lua_setfield(L, -2, "run_time");
	lua_pushboolean(L, t->timed_out);
	lua_setfield(L, -2, "timed_out");
	return 1;
}

static int task_tostring(lua_State *L)
{
	ltask *t = luaL_checkudata(L, 1, TASK_MT);

	lua_pushfstring(L, "proxylua.loop.task (%s): %p", state_names[t->state], (void *)t);
	return 1;
}

static const luaL_Reg task_methods[] = {
	{ "status", task_status },
	{ "stats", task_stats },
	{ NULL, NULL }
};

/* Fill the task metatable at -1. */
void pl_lloop_register_task(lua_State *L)
{
	luaL_newlib(L, task_methods);
	lua_setfield(L, -2, "__index");
	lua_pushcfunction(L, task_tostring);
	lua_setfield(L, -2, "__tostring");
}

