/*
 * The end of a task: its error record or its done callback, then dropping
 * its anchors. Runs inside the loop, where nothing may raise on the state
 * running it: every step that allocates runs under lua_pcall, and a memory
 * error first lets go of the failed thread, then retries once after a full
 * collection.
 */
#include "lloop.h"

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
void pl_lloop_task_drop(lua_State *L, int ctx, ltask *t)
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
void pl_lloop_task_end(lloop *lp, lua_State *L, ltask *t, int st, int nres)
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
			/* let the thread's memory go before recording anything,
			 * and the attached call's (whose garbage it usually is) */
			pl_lloop_task_unlink(t);
			release_thread(L, lp->ctx, t);
			lua_rawgeti(L, lp->ctx, CTX_ALT);
			clear_key(L, t);
			lua_pop(L, 1);
			t->alt = NULL;
		}
		protected_retry(lp, L, t->has_done ? task_done_err : task_report, t);
		pl_lloop_task_unlink(t);
		t->state = T_ERROR;
	}
	pl_lloop_task_drop(L, lp->ctx, t);
}
