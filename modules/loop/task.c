/*
 * Tasks: each one a coroutine that the loop resumes from a job. A task
 * gives control back by yielding (sleep, yield, wait), and the count hook
 * can force a yield every N instructions, as HAProxy's forced-yield does,
 * and stop it with "execution timeout" once its Lua running time (sleeps
 * excluded) passes its budget.
 *
 * Nothing here may raise on the state running the loop (lp->L): resume
 * catches the coroutine's own errors, the report runs under lua_pcall, and
 * the other stack operations neither allocate nor grow the stack.
 */
#include <math.h>
#include <string.h>
#include "lloop.h"

/* Registry key (its address): the hooked task being resumed, as a light
 * userdata (NULL when none). The hook only has the lua_State to go on. */
static const char hook_key = 0;

#define HOOK_CHECK_EVERY 1000   /* timeout checks without forced yields */

void pl_lloop_init_hookkey(lua_State *L)
{
	/* Created once, so that later stores never allocate. */
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key) == LUA_TNIL) {
		lua_pushlightuserdata(L, NULL);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
	}
	lua_pop(L, 1);
}

int64_t pl_lloop_secs(lua_Number s)
{
	if (!(s > 0))        /* negative or NaN */
		return 0;
	if (s >= 9.2e9)
		return PL_LOOP_FOREVER;
	return (int64_t)(s * 1e9 + 0.5);
}

static void watchdog_error(lua_State *L, ltask *t)
{
	lua_pushfstring(L, "HAProxy's watchdog would kill the process here: Lua ran "
	                "over %d ms in %s, where execution timeouts do not apply",
	                (int)(t->watchdog / 1000000),
	                t->where != NULL ? t->where : "a coroutine the script created");
	lua_error(L);
}

/*
 * Count hook. Raises "execution timeout" (exactly HAProxy's text, no
 * position) once the budget is spent, at every firing after that too, so a
 * pcall that caught it cannot go on spinning. Otherwise yields the task's
 * own coroutine when it may; a coroutine the script created inside a task
 * inherits the hook but is never yielded (its resumer would get the yield).
 */
static void task_hook(lua_State *L, lua_Debug *ar)
{
	ltask *t;

	(void)ar;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
	t = lua_touserdata(L, -1);
	lua_pop(L, 1);
	if (t == NULL || (t->lp == NULL && t->where == NULL)) {
		/* a coroutine that outlived the task it was created in */
		lua_sethook(L, NULL, 0, 0);
		return;
	}
	if (L != t->co && L != t->alt) {
		/* A coroutine the script created inside the task: HAProxy's hook
		 * neither yields it nor times it out, so an endless loop there
		 * runs until the watchdog kills the whole process. Say so. */
		if (t->watchdog > 0 && pl_clock_mono() - t->slice >= t->watchdog)
			t->watchdog_fired = 1;
		if (t->watchdog_fired)
			watchdog_error(L, t);
		return;
	}
	if (t->watchdog_fired)
		watchdog_error(L, t);
	if (t->budget > 0 && t->used + (pl_clock_mono() - t->slice) >= t->budget) {
		t->timed_out = 1;
		lua_pushliteral(L, "execution timeout");
		lua_error(L);
	}
	if (t->forced_yield > 0 && lua_isyieldable(L)) {
		/* the task's own thread yields to the loop; an attached one to
		 * the harness driving it, which yields the task in turn */
		if (L == t->co)
			t->by_hook = 1;
		else
			t->forced++;
		lua_yield(L, 0);   /* from a hook: returns, and Lua yields after */
	}
}

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

/* t[key] = nil only when present: 5.3 allocates a node for an absent key
 * even to store nil, and nothing here may raise. Table at -1. */
static void clear_key(lua_State *L, const void *key)
{
	int had = lua_rawgetp(L, -1, key) != LUA_TNIL;

	lua_pop(L, 1);
	if (had) {
		lua_pushnil(L);
		lua_rawsetp(L, -2, key);
	}
}

/* Drop the anchors of a finished task: live[t], the task's thread and an
 * attached coroutine. `ctx` is an index of the context table on L; uses 3
 * slots, allocates nothing. */
static void task_drop(lua_State *L, int ctx, ltask *t)
{
	lua_rawgeti(L, ctx, CTX_LIVE);
	if (lua_rawgetp(L, -1, t) != LUA_TNIL) {
		lua_pushnil(L);
		(void)pl_setuservalue(L, -2, 1);
	}
	lua_pop(L, 1);
	clear_key(L, t);
	lua_pop(L, 1);
	lua_rawgeti(L, ctx, CTX_ALT);
	clear_key(L, t);
	lua_pop(L, 1);
	t->alt = NULL;
}

/* Append the value at `rec` to ctx[CTX_ERRORS] (ctx at index 2). */
static void append_error(lua_State *L, int rec)
{
	lua_rawgeti(L, 2, CTX_ERRORS);
	lua_pushvalue(L, rec);
	lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
	lua_pop(L, 1);
}

/* Call the handler below its nargs arguments; when it fails, keep its
 * error in the errors list as {error = e, handler_error = e}. */
static void call_handler(lua_State *L, int nargs)
{
	int rec;

	if (lua_pcall(L, nargs, 0, 0) == LUA_OK)
		return;
	lua_createtable(L, 0, 2);
	rec = lua_gettop(L);
	lua_pushvalue(L, rec - 1);
	lua_setfield(L, rec, "error");
	lua_pushvalue(L, rec - 1);
	lua_setfield(L, rec, "handler_error");
	append_error(L, rec);
	lua_pop(L, 2);
}

/*
 * Record a task's error: {error, traceback, thread, task, timeout, memory},
 * given to the on_error callback (error, traceback, task) or appended to the
 * errors list. Runs under lua_pcall: 1 = task (light), 2 = context table,
 * 3 = the error value. After a memory error the thread is already released
 * (its garbage may be what fills the limit): no traceback, no thread.
 */
static int task_report(lua_State *L)
{
	ltask *t = lua_touserdata(L, 1);
	const char *msg = NULL;

	lua_settop(L, 3);
	if (t->co == NULL) {
		lua_pushnil(L);                              /* 4: no traceback */
	} else {
		if (lua_type(L, 3) == LUA_TSTRING || lua_type(L, 3) == LUA_TNUMBER) {
			lua_pushvalue(L, 3);
			msg = lua_tostring(L, -1);               /* a copy: keep 3's type */
		}
		luaL_traceback(L, t->co, msg, 0);
		if (msg != NULL)
			lua_remove(L, 4);
	}
	lua_createtable(L, 0, 8);                        /* 5: record */
	lua_pushvalue(L, 3);
	lua_setfield(L, 5, "error");
	lua_pushvalue(L, 4);
	lua_setfield(L, 5, "traceback");
	lua_pushboolean(L, t->timed_out);
	lua_setfield(L, 5, "timeout");
	lua_pushboolean(L, t->watchdog_fired);
	lua_setfield(L, 5, "watchdog");
	lua_pushboolean(L, t->co == NULL);
	lua_setfield(L, 5, "memory");
	lua_rawgeti(L, 2, CTX_LIVE);                     /* 6 */
	lua_rawgetp(L, 6, t);                            /* 7: task */
	lua_pushvalue(L, 7);
	lua_setfield(L, 5, "task");
	pl_getuservalue(L, 7, 1);
	lua_setfield(L, 5, "thread");
	if (lua_rawgeti(L, 2, CTX_ONERROR) == LUA_TFUNCTION) {   /* 8 */
		lua_pushvalue(L, 3);
		lua_pushvalue(L, 4);
		lua_pushvalue(L, 7);
		if (lua_pcall(L, 3, 0, 0) == LUA_OK)
			return 0;
		lua_setfield(L, 5, "handler_error");  /* keep the record */
	}
	append_error(L, 5);
	return 0;
}

/* Push ctx[CTX_DONE][t] and clear it (ctx at index 2). */
static void take_done(lua_State *L, ltask *t)
{
	lua_rawgeti(L, 2, CTX_DONE);
	lua_rawgetp(L, -1, t);
	lua_pushnil(L);
	lua_rawsetp(L, -3, t);
	lua_remove(L, -2);
}

/* done(false, err): 1 = task (light), 2 = context, 3 = error value. */
static int task_done_err(lua_State *L)
{
	ltask *t = lua_touserdata(L, 1);

	lua_settop(L, 3);
	take_done(L, t);
	lua_pushboolean(L, 0);
	lua_pushvalue(L, 3);
	call_handler(L, 2);
	return 0;
}

/* done(true, results...): 1 = task (light), 2 = context, 3 = count; the
 * results are still on the task's thread. */
static int task_done_ok(lua_State *L)
{
	ltask *t = lua_touserdata(L, 1);
	int n = (int)lua_tointeger(L, 3);

	lua_settop(L, 2);
	take_done(L, t);
	if (n > lua_gettop(t->co))   /* moved already by a failed first try */
		n = lua_gettop(t->co);
	luaL_checkstack(L, n + 2, "too many results");
	lua_pushboolean(L, 1);
	lua_xmove(t->co, L, n);
	call_handler(L, n + 1);
	return 0;
}

static int full_gc(lua_State *L)
{
	lua_gc(L, LUA_GCCOLLECT, 0);
	return 0;
}

/* fn(task, ctx, value at the top) under lua_pcall; when that fails (out of
 * memory while recording), collect and try once more, then count the
 * error as lost. Pops the value. */
static void protected_retry(lloop *lp, lua_State *L, lua_CFunction fn, ltask *t)
{
	int try;

	for (try = 0; try < 2; try++) {
		lua_pushcfunction(L, fn);
		lua_pushlightuserdata(L, t);
		lua_pushvalue(L, lp->ctx);
		lua_pushvalue(L, -4);
		if (lua_pcall(L, 3, 0, 0) == LUA_OK) {
			lua_pop(L, 1);
			return;
		}
		lua_pop(L, 1);
		lua_pushcfunction(L, full_gc);
		if (lua_pcall(L, 0, 0, 0) != LUA_OK)
			lua_pop(L, 1);
	}
	lua_pop(L, 1);
	lp->lost++;
}

/* Set the task's uservalue (its thread) to nil, keeping live[t]. */
static void release_thread(lua_State *L, int ctx, ltask *t)
{
	lua_rawgeti(L, ctx, CTX_LIVE);
	if (lua_rawgetp(L, -1, t) != LUA_TNIL) {
		lua_pushnil(L);
		(void)pl_setuservalue(L, -2, 1);
	}
	lua_pop(L, 2);
}

/* The task's body ended with status st (nres results on its thread). */
static void task_end(lloop *lp, lua_State *L, ltask *t, int st, int nres)
{
	if (st == LUA_OK) {
		if (t->has_done) {
			lua_pushinteger(L, nres);
			protected_retry(lp, L, task_done_ok, t);
		}
		pl_lloop_task_unlink(t);
		t->state = T_DONE;
	} else {
		lua_xmove(t->co, L, 1);                      /* the error value */
		if (st == LUA_ERRMEM) {
			/* let the thread's memory go before recording anything */
			pl_lloop_task_unlink(t);
			release_thread(L, lp->ctx, t);
		}
		protected_retry(lp, L, t->has_done ? task_done_err : task_report, t);
		pl_lloop_task_unlink(t);
		t->state = T_ERROR;
	}
	task_drop(L, lp->ctx, t);
}

/* Job callback: resume the task once, then file it by how it stopped. */
static void task_run(pl_loop *loop, pl_job *job)
{
	ltask *t = job->data, *prev;
	lloop *lp = t->lp;
	lua_State *L = lp->L, *co = t->co;
	void *prevhook = NULL;
	int st, nres = 0, hooked = t->forced_yield > 0 || t->budget > 0;
	int64_t t0 = 0;

	(void)loop;
	prev = lp->current;
	lp->current = t;
	t->state = T_RUNNING;
	t->by_hook = 0;
	t->resumes++;
	if (hooked) {
		lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
		prevhook = lua_touserdata(L, -1);
		lua_pop(L, 1);
		lua_pushlightuserdata(L, t);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
		/* set at every resume: the instruction count restarts per slice */
		lua_sethook(co, task_hook, LUA_MASKCOUNT,
		            t->forced_yield > 0 ? (int)t->forced_yield : HOOK_CHECK_EVERY);
		t->slice = t0 = pl_clock_mono();
	}
	st = pl_resume(co, L, t->nargs, &nres);
	t->nargs = 0;
	if (hooked) {
		t->used += pl_clock_mono() - t0;
		lua_pushlightuserdata(L, prevhook);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
	}
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
	task_end(lp, L, t, st, nres);
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

static void arm_sleep(lua_State *L, lloop *lp, ltask *t, int64_t ns)
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

	arm_sleep(L, lp, pl_lloop_yielder(L, lp, "sleep"), pl_lloop_secs(s));
	return lua_yield(L, 0);
}

int pl_lloop_msleep(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	lua_Number ms = luaL_checknumber(L, 2);

	arm_sleep(L, lp, pl_lloop_yielder(L, lp, "msleep"), pl_lloop_secs(ms / 1000));
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

/* Read a number of seconds at -1 into *ns: false turns the limit off. */
static void limit_secs(lua_State *L, int idx, const char *what, int64_t *ns)
{
	int ty = lua_type(L, -1);

	if (ty == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
		*ns = 0;
	} else if (ty != LUA_TNIL) {
		if (ty != LUA_TNUMBER || lua_tonumber(L, -1) < 0)
			luaL_argerror(L, idx, lua_pushfstring(L,
			              "%s must be a non-negative number of seconds", what));
		*ns = pl_lloop_secs(lua_tonumber(L, -1));
	}
	lua_pop(L, 1);
}

/* {forced_yield = n, timeout = s, watchdog = s}: false or 0 turns one off. */
void pl_lloop_limits(lua_State *L, int idx, llimits *lim)
{
	int ty = lua_getfield(L, idx, "forced_yield");

	if (ty == LUA_TBOOLEAN && !lua_toboolean(L, -1)) {
		lim->forced_yield = 0;
	} else if (ty != LUA_TNIL) {
		int isint;
		lua_Integer n = lua_tointegerx(L, -1, &isint);
		if (!isint || n < 0)
			luaL_argerror(L, idx, "forced_yield must be a non-negative integer");
		lim->forced_yield = n > 0x7fffffff ? 0x7fffffff : n;
	}
	lua_pop(L, 1);
	lua_getfield(L, idx, "timeout");
	limit_secs(L, idx, "timeout", &lim->budget);
	lua_getfield(L, idx, "watchdog");
	limit_secs(L, idx, "watchdog", &lim->watchdog);
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
 * done = function(ok, ...) called at the end instead of collecting errors.
 * The thread is the task's uservalue and live[task] anchors the task;
 * nothing is armed until every allocation has succeeded.
 */
int pl_lloop_spawn(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	llimits lim = lp->defaults;
	int fi = 2, top, i, has_done = 0;
	ltask *t;
	lua_State *co;

	if (lp->loop == NULL)
		return luaL_error(L, "loop is closed");
	if (lua_type(L, 2) == LUA_TTABLE) {
		pl_lloop_limits(L, 2, &lim);
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

	t->lp = lp;
	t->co = co;
	/* a fresh thread gets fn's arguments; a yielded one, resume values */
	t->nargs = lua_status(co) == LUA_YIELD ? top - fi + 1 : lua_gettop(co) - 1;
	t->has_done = has_done;
	t->forced_yield = lim.forced_yield;
	t->budget = lim.budget;
	t->watchdog = lim.watchdog;
	t->state = T_READY;
	pl_job_init(&t->job, task_run, t);
	pl_timer_init(&t->timer, task_timer, t);
	lp->ntasks++;
	pl_job_post(lp->loop, &t->job);
	return 1;
}

/*
 * l:attach(co | nil): from a task, declare co a part of it (a harness's
 * coroutine for one HAProxy call, which the harness resumes itself, not a
 * coroutine the script made): the count hook then yields co at forced-yield
 * points (to its resumer, with no values) and applies the timeout to it.
 * The running-time budget restarts, as it does at each HAProxy call.
 */
int pl_lloop_attach(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	ltask *t = pl_lloop_running(lp, L);
	lua_State *co = lua_isnoneornil(L, 2) ? NULL : lua_tothread(L, 2);

	if (!lua_isnoneornil(L, 2))
		luaL_checktype(L, 2, LUA_TTHREAD);
	if (t == NULL)
		return luaL_error(L, "attach: not called from a task of this loop");
	lua_settop(L, 2);
	pl_lloop_ctx(L, 1);                              /* 3 */
	lua_rawgeti(L, 3, CTX_ALT);                      /* 4 */
	lua_pushvalue(L, 2);
	lua_rawsetp(L, 4, t);
	t->alt = co;
	t->used = 0;
	t->timed_out = 0;
	t->slice = pl_clock_mono();
	return 0;
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
	pl_lloop_ctx(L, 1);
	pl_lloop_task_unlink(t);
	t->state = T_CANCELLED;
	task_drop(L, lua_gettop(L), t);
	lua_pushboolean(L, 1);
	return 1;
}

/*
 * loop.call([opts,] fn, ...) -> true, results... | false, err: a protected
 * call that may not yield, under the watchdog alone, as HAProxy runs
 * sample fetches and converters (no forced yield, no execution timeout;
 * an endless loop gets the process killed). opts: watchdog (seconds,
 * default 2), where (text for the message, default "a function that
 * cannot yield"). Any hook already set on the calling thread is restored.
 */
int pl_lloop_call(lua_State *L)
{
	llimits lim = { 0, 0, 2000000000 };
	lua_Hook oldhook = lua_gethook(L);
	int oldmask = lua_gethookmask(L), oldcount = lua_gethookcount(L);
	int fi = 1, st;
	void *prevtask;
	ltask t;

	memset(&t, 0, sizeof(t));
	t.where = "a function that cannot yield";
	if (lua_type(L, 1) == LUA_TTABLE) {
		pl_lloop_limits(L, 1, &lim);
		if (lua_getfield(L, 1, "where") == LUA_TSTRING)
			t.where = lua_tostring(L, -1);   /* anchored by opts, at 1 */
		lua_pop(L, 1);
		fi = 2;
	}
	luaL_checktype(L, fi, LUA_TFUNCTION);
	t.watchdog = lim.watchdog;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
	prevtask = lua_touserdata(L, -1);
	lua_pop(L, 1);
	lua_pushlightuserdata(L, &t);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
	if (t.watchdog > 0)
		lua_sethook(L, task_hook, LUA_MASKCOUNT, HOOK_CHECK_EVERY);
	lua_pushboolean(L, 0);          /* the status goes below the results */
	lua_insert(L, fi);
	t.slice = pl_clock_mono();
	st = lua_pcall(L, lua_gettop(L) - fi - 1, LUA_MULTRET, 0);
	lua_sethook(L, oldhook, oldmask, oldcount);
	lua_pushlightuserdata(L, prevtask);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
	lua_pushboolean(L, st == LUA_OK);
	lua_replace(L, fi);
	return lua_gettop(L) - fi + 1;
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

/* ---- scheduler: the seam proxylua.core plugs core.sleep & co into ---- */

static int sched_true_k(lua_State *L, int status, lua_KContext ctx)
{
	(void)status;
	(void)ctx;
	lua_pushboolean(L, 1);
	return 1;
}

static lloop *sched_loop(lua_State *L)
{
	return lua_touserdata(L, lua_upvalueindex(1));
}

/* Outside a task of this loop (main chunk, a script's own coroutine) the
 * seam answers false, "not in a task" and the caller decides (HAProxy
 * makes such sleeps silent no-ops). */
static int not_in_task(lua_State *L)
{
	lua_pushboolean(L, 0);
	lua_pushliteral(L, "not in a task");
	return 2;
}

static int sched_sleep(lua_State *L)
{
	lloop *lp = sched_loop(L);
	lua_Number ms = luaL_checknumber(L, 1);
	ltask *t = lp->loop != NULL ? pl_lloop_running(lp, L) : NULL;

	if (t == NULL)
		return not_in_task(L);
	(void)pl_lloop_yielder(L, lp, "sleep");
	arm_sleep(L, lp, t, pl_lloop_secs(ms / 1000));
	return lua_yieldk(L, 0, 0, sched_true_k);
}

static int sched_yield(lua_State *L)
{
	lloop *lp = sched_loop(L);
	ltask *t = lp->loop != NULL ? pl_lloop_running(lp, L) : NULL;

	if (t == NULL)
		return not_in_task(L);
	(void)pl_lloop_yielder(L, lp, "yield");
	t->state = T_READY;
	pl_job_post(lp->loop, &t->job);
	return lua_yieldk(L, 0, 0, sched_true_k);
}

static int sched_now(lua_State *L)
{
	lloop *lp = sched_loop(L);
	int64_t now = lp->loop != NULL ? pl_loop_now(lp->loop) : 0;

	lua_pushnumber(L, (lua_Number)(now + lp->wall) / 1e9);
	return 1;
}

static int sched_in_task(lua_State *L)
{
	lloop *lp = sched_loop(L);

	lua_pushboolean(L, lp->loop != NULL && pl_lloop_running(lp, L) != NULL);
	return 1;
}

/* Push the scheduler table of the loop at loopidx (made once, cached). */
void pl_lloop_push_scheduler(lua_State *L, int loopidx)
{
	static const luaL_Reg fns[] = {
		{ "sleep", sched_sleep },
		{ "yield", sched_yield },
		{ "now", sched_now },
		{ "in_task", sched_in_task },
		{ NULL, NULL }
	};

	loopidx = lua_absindex(L, loopidx);
	pl_lloop_ctx(L, loopidx);
	if (lua_rawgeti(L, -1, CTX_SCHED) == LUA_TTABLE) {
		lua_remove(L, -2);
		return;
	}
	lua_pop(L, 1);
	lua_createtable(L, 0, 4);
	lua_pushvalue(L, loopidx);
	luaL_setfuncs(L, fns, 1);
	lua_pushvalue(L, -1);
	lua_rawseti(L, -3, CTX_SCHED);
	lua_remove(L, -2);
}
