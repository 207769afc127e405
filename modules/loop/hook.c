/*
 * The count hook and what it enforces, as HAProxy's hook does: forced
 * yields every N instructions, the execution timeout on Lua running time,
 * and (where HAProxy has no answer but its watchdog) a clear error for an
 * endless loop that nothing else would stop. Also the limits' parsing,
 * l:attach and loop.call, which decide where the hook applies.
 */
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

static void push_watchdog_text(lua_State *L, int64_t watchdog, const char *where)
{
	lua_pushfstring(L, "HAProxy's watchdog would kill the process here: Lua ran "
	                "over %d ms in %s, where execution timeouts do not apply",
	                (int)(watchdog / 1000000),
	                where != NULL ? where : "a coroutine the script created");
}

/* watchdog_fired: 1 = in a coroutine the script created (or loop.call's
 * function), 2 = a task's or attached call's own code ran that long
 * without yielding (forced yields off, or inside a C call) */
static void push_watchdog(lua_State *L, ltask *t)
{
	if (t->watchdog_fired == 2)
		lua_pushfstring(L, "HAProxy's watchdog would kill the process here: Lua ran "
		                "over %d ms without yielding to the scheduler",
		                (int)(t->watchdog / 1000000));
	else
		push_watchdog_text(L, t->watchdog, t->where);
}

static void watchdog_error(lua_State *L, ltask *t)
{
	push_watchdog(L, t);
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
		if (t->watchdog > 0 && pl_clock_thread_cpu() - t->slice_cpu >= t->watchdog)
			t->watchdog_fired = 1;
		if (t->watchdog_fired)
			watchdog_error(L, t);
		return;
	}
	if (L == t->co && t->alt != NULL)
		return;   /* the harness driving an attached call: not script code */
	if (t->watchdog_fired)
		watchdog_error(L, t);
	if (t->burst > 0 && (t->forced_yield > 0 || t->lp == NULL)
	    && pl_clock_thread_cpu() - t->slice_cpu >= t->burst) {
		/* checked before the running-time budget, as HAProxy does;
		 * true again at every firing, so a pcall cannot go on. Code
		 * that may yield is checked at forced-yield points only: with
		 * them off, HAProxy's hook never looks (its watchdog kills) */
		t->timed_out = 1;
		if (t->burst_named)
			lua_pushliteral(L, "burst timeout");
		else
			lua_pushliteral(L, "execution timeout");
		lua_error(L);
	}
	if (t->budget > 0 && t->used + (pl_clock_mono() - t->slice) >= t->budget) {
		t->timed_out = 1;
		lua_pushliteral(L, "execution timeout");
		lua_error(L);
	}
	if (t->watchdog > 0 && pl_clock_thread_cpu() - t->slice_cpu >= t->watchdog) {
		/* no trip through the scheduler for that long: HAProxy's
		 * watchdog kills the process (checked live with forced yields
		 * off and a 3 s spin in an action); in loop.call, the text
		 * names what cannot yield */
		t->watchdog_fired = t->lp == NULL ? 1 : 2;
		watchdog_error(L, t);
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

/* Before resuming a hooked task: make it the hook's task and (re)set the
 * hook, which restarts the instruction count. Returns the previous task. */
void *pl_lloop_hook_enter(lua_State *L, ltask *t)
{
	void *prev;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
	prev = lua_touserdata(L, -1);
	lua_pop(L, 1);
	lua_pushlightuserdata(L, t);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);   /* existing key: no alloc */
	lua_sethook(t->co, task_hook, LUA_MASKCOUNT,
	            t->forced_yield > 0 ? (int)t->forced_yield : HOOK_CHECK_EVERY);
	t->slice = pl_clock_mono();
	t->slice_cpu = t->watchdog > 0 || t->burst > 0 ? pl_clock_thread_cpu() : 0;
	return prev;
}

/* After the resume: count the slice, give the hook back to prev. */
void pl_lloop_hook_leave(lua_State *L, ltask *t, void *prev)
{
	t->used += pl_clock_mono() - t->slice;
	lua_pushlightuserdata(L, prev);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
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

/* {forced_yield = n, timeout = s, watchdog = s, burst = s, burst_named =
 * bool}: false or 0 turns one off. */
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
	lua_getfield(L, idx, "burst");
	limit_secs(L, idx, "burst", &lim->burst);
	if (lua_getfield(L, idx, "burst_named") != LUA_TNIL)
		lim->burst_named = lua_toboolean(L, -1);
	lua_pop(L, 1);
}


/*
 * l:attach(co | nil [, limits]): from a task, declare co a part of it (a
 * harness's coroutine for one HAProxy call, which the harness resumes
 * itself, not a coroutine the script made): the count hook then yields co
 * at forced-yield points (to its resumer, with no values) and applies the
 * timeout to it. The running-time budget restarts, as it does at each
 * HAProxy call. limits ({forced_yield, timeout, watchdog}, as for spawn)
 * replace the task's own until attach(nil): an action gets
 * session-timeout, a service service-timeout, whatever task drives them.
 * Returns the watchdog's message when it fired during the call that ends
 * (even if a pcall caught it), nothing otherwise.
 */
int pl_lloop_attach(lua_State *L)
{
	lloop *lp = pl_lloop_check(L, 1);
	ltask *t = pl_lloop_running(lp, L);
	lua_State *co = lua_isnoneornil(L, 2) ? NULL : lua_tothread(L, 2);
	int fired;
	int64_t fired_ms;

	if (!lua_isnoneornil(L, 2))
		luaL_checktype(L, 2, LUA_TTHREAD);
	if (!lua_isnoneornil(L, 3))
		luaL_checktype(L, 3, LUA_TTABLE);
	if (t == NULL)
		return luaL_error(L, "attach: not called from a task of this loop");
	/* the call that ends had the watchdog fire (a pcall may have caught
	 * it): HAProxy would be dead, say so to the harness */
	fired = t->alt != NULL ? t->watchdog_fired : 0;
	fired_ms = t->watchdog;
	if (t->overridden) {
		t->forced_yield = t->saved.forced_yield;
		t->budget = t->saved.budget;
		t->watchdog = t->saved.watchdog;
		t->burst = t->saved.burst;
		t->burst_named = t->saved.burst_named;
		t->overridden = 0;
	}
	if (co != NULL && lua_type(L, 3) == LUA_TTABLE) {
		llimits lim;
		lim.forced_yield = t->forced_yield;
		lim.budget = t->budget;
		lim.watchdog = t->watchdog;
		lim.burst = t->burst;
		lim.burst_named = t->burst_named;
		t->saved = lim;
		pl_lloop_limits(L, 3, &lim);
		t->forced_yield = lim.forced_yield;
		t->budget = lim.budget;
		t->watchdog = lim.watchdog;
		t->burst = lim.burst;
		t->burst_named = lim.burst_named;
		t->overridden = 1;
	}
	lua_settop(L, 2);
	pl_lloop_ctx(L, 1);                              /* 3 */
	lua_rawgeti(L, 3, CTX_ALT);                      /* 4 */
	lua_pushvalue(L, 2);
	lua_rawsetp(L, 4, t);
	t->alt = co;
	t->used = 0;
	t->timed_out = 0;
	t->watchdog_fired = 0;
	t->slice = pl_clock_mono();
	t->slice_cpu = t->watchdog > 0 || t->burst > 0 ? pl_clock_thread_cpu() : 0;
	if (co != NULL && (t->forced_yield > 0 || t->budget > 0 || t->watchdog > 0 || t->burst > 0)) {
		lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
		if (lua_touserdata(L, -1) != (void *)t && !t->late) {
			/* the task was not hooked for this resume: hook it now,
			 * task_run gives the hook back when the resume ends */
			t->late_prev = lua_touserdata(L, -1);
			t->late = 1;
			lua_pushlightuserdata(L, t);
			lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
		}
		lua_pop(L, 1);
		lua_sethook(co, task_hook, LUA_MASKCOUNT,
		            t->forced_yield > 0 ? (int)t->forced_yield : HOOK_CHECK_EVERY);
	}
	if (fired == 2) {
		lua_pushfstring(L, "HAProxy's watchdog would kill the process here: Lua ran "
		                "over %d ms without yielding to the scheduler", (int)(fired_ms / 1000000));
		return 1;
	} else if (fired) {
		push_watchdog_text(L, fired_ms, NULL);
		return 1;
	}
	return 0;
}


/*
 * loop.call([opts,] fn, ...) -> true, results... | false, err: a protected
 * call that may not yield, under the watchdog alone, as HAProxy runs
 * sample fetches and converters (no forced yield, no execution timeout;
 * an endless loop gets the process killed). opts: burst and timeout (as
 * for spawn: they apply to the coroutine loop.own names), watchdog (seconds,
 * default 2), where (text for the message, default "a function that
 * cannot yield"). Any hook already set on the calling thread is restored.
 */
int pl_lloop_call(lua_State *L)
{
	llimits lim = { 0, 0, 2000000000, 0, 0 };
	lua_Hook oldhook = lua_gethook(L);
	int oldmask = lua_gethookmask(L), oldcount = lua_gethookcount(L);
	int fi = 1, st;
	void *prevtask;
	ltask t;

	memset(&t, 0, sizeof(t));
	t.where = "a function that cannot yield";
	if (lua_type(L, 1) == LUA_TTABLE) {
		pl_lloop_limits(L, 1, &lim);
		/* an __index may hand out a fresh string: anchor it at 1,
		 * in place of opts, which is read already */
		if (lua_getfield(L, 1, "where") == LUA_TSTRING) {
			t.where = lua_tostring(L, -1);
			lua_replace(L, 1);
		} else {
			lua_pop(L, 1);
		}
		fi = 2;
	}
	luaL_checktype(L, fi, LUA_TFUNCTION);
	t.watchdog = lim.watchdog;
	t.budget = lim.budget;
	t.burst = lim.burst;
	t.burst_named = lim.burst_named;
	lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
	prevtask = lua_touserdata(L, -1);
	lua_pop(L, 1);
	lua_pushlightuserdata(L, &t);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
	if (t.watchdog > 0 || t.budget > 0 || t.burst > 0)
		lua_sethook(L, task_hook, LUA_MASKCOUNT, HOOK_CHECK_EVERY);
	lua_pushboolean(L, 0);          /* the status goes below the results */
	lua_insert(L, fi);
	t.slice = pl_clock_mono();
	t.slice_cpu = t.watchdog > 0 || t.burst > 0 ? pl_clock_thread_cpu() : 0;
	st = lua_pcall(L, lua_gettop(L) - fi - 1, LUA_MULTRET, 0);
	if (st == LUA_OK && t.watchdog_fired) {
		/* a pcall inside caught it: HAProxy would be dead all the same */
		lua_settop(L, fi);
		push_watchdog(L, &t);
		st = LUA_ERRRUN;
	}
	lua_sethook(L, oldhook, oldmask, oldcount);
	lua_pushlightuserdata(L, prevtask);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &hook_key);
	lua_pushboolean(L, st == LUA_OK);
	lua_replace(L, fi);
	return lua_gettop(L) - fi + 1;
}



/*
 * loop.own(co) -> boolean: inside loop.call, co runs the call's own code
 * (the coroutine a harness made for it, not one the script created): the
 * call's burst and timeout apply to it, as HAProxy's hook applies them to
 * a fetch's or converter's own coroutine. false outside loop.call.
 */
int pl_lloop_own(lua_State *L)
{
	ltask *t;

	luaL_checktype(L, 1, LUA_TTHREAD);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &hook_key);
	t = lua_touserdata(L, -1);
	lua_pop(L, 1);
	if (t == NULL || t->lp != NULL || t->where == NULL) {
		lua_pushboolean(L, 0);
		return 1;
	}
	t->alt = lua_tothread(L, 1);    /* anchored by the caller for the call */
	if (t->watchdog > 0 || t->budget > 0 || t->burst > 0)
		lua_sethook(t->alt, task_hook, LUA_MASKCOUNT, HOOK_CHECK_EVERY);
	lua_pushboolean(L, 1);
	return 1;
}
