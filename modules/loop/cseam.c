/*
 * The C seam, the loop's side of include/proxylua/loopseam.h: what
 * proxylua.socket may ask about a loop, answered from lloop's structs, which
 * stay private to this module. (sched.c is the Lua seam.)
 */
#include "lloop.h"

static const void *seam_running(const void *loop, const struct lua_State *L)
{
	const lloop *lp = loop;
	const ltask *t = lp->current;

	return (lp->loop != NULL && t != NULL && t->co == L) ? t : NULL;
}

static const void *seam_current(const void *loop)
{
	return ((const lloop *)loop)->current;
}

static unsigned long seam_resumes(const void *task)
{
	return ((const ltask *)task)->resumes;
}

static double seam_now(const void *loop)
{
	const lloop *lp = loop;

	if (lp->loop == NULL)
		return 0;
	return (double)pl_lloop_wall(lp, pl_loop_now(lp->loop)) / 1e9;
}

static int seam_waiting(lua_State *L, int idx, int fd)
{
	const lloop *lp = lua_touserdata(L, idx);
	int top = lua_gettop(L), n = 0;

	if (lp != NULL && lp->loop != NULL) {
		pl_getuservalue(L, idx, 1);               /* the context */
		if (lua_type(L, -1) == LUA_TTABLE &&
		    lua_rawgeti(L, -1, CTX_FDS) == LUA_TTABLE &&
		    lua_rawgeti(L, -1, fd) == LUA_TUSERDATA) {
			const lfd *w = lua_touserdata(L, -1);
			n = (w->reader != NULL) + (w->writer != NULL);
		}
	}
	lua_settop(L, top);
	return n;
}

static const pl_loopseam seam = {
	seam_running, seam_current, seam_resumes, seam_now, seam_waiting
};

void pl_lloop_register_seam(lua_State *L)
{
	lua_pushlightuserdata(L, (void *)&seam);
	lua_setfield(L, LUA_REGISTRYINDEX, PL_LOOPSEAM_KEY);
}
