/*
 * l:scheduler(): plain functions a seam can hold (sleep(ms), yield(), now(),
 * in_task()), answering false, "not in a task" instead of raising outside a
 * task of the loop. proxylua.core's own seam interface is loop_sched.lua.
 */
#include "lloop.h"

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
	pl_lloop_arm_sleep(L, lp, t, pl_lloop_secs(ms / 1000));
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

	lua_pushnumber(L, (lua_Number)pl_lloop_wall(lp, now) / 1e9);
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

