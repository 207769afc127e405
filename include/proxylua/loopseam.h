/*
 * The seam between proxylua.loop and a binding that waits on its loops
 * (proxylua.socket): the read-only questions such a binding may ask about a
 * loop userdata, answered by the loop module itself, so that no other module
 * compiles against the loop's private structs (modules/loop/lloop.h) or
 * links a second copy of lib/loop.c.
 *
 * The loop module keeps one constant pl_loopseam and leaves a light userdata
 * pointing at it in the registry under PL_LOOPSEAM_KEY when it is opened; a
 * binding that met a loop (luaL_testudata(L, i, PL_LOOP_MT)) reads it once
 * and keeps the pointer. A loop is passed as the pointer lua_touserdata
 * gives for it. Lua-free: lua_State is only named, never used.
 */
#ifndef PROXYLUA_LOOPSEAM_H
#define PROXYLUA_LOOPSEAM_H

struct lua_State;

#define PL_LOOP_MT      "proxylua.loop"        /* metatable of a loop userdata */
#define PL_LOOPSEAM_KEY "proxylua.loop.seam"   /* registry field */

typedef struct pl_loopseam {
	/* The task of `loop` that is resuming coroutine L right now, or NULL
	 * (no task running, another coroutine, a closed loop). A task is an
	 * identity: compare it, ask resumes() while it runs. */
	const void *(*running)(const void *loop, const struct lua_State *L);
	/* The task `loop` is resuming, whatever coroutine runs, or NULL. */
	const void *(*current)(const void *loop);
	/* How many times `task` was resumed: a change means it yielded. */
	unsigned long (*resumes)(const void *task);
	/* The loop's clock on the wall-clock scale (seconds since the epoch;
	 * virtual time for a virtual loop), 0 once the loop is closed. */
	double (*now)(const void *loop);
	/* How many tasks are parked on descriptor fd (0 to 2: a reader, a
	 * writer), the loop being at stack index idx of L; 0 once closed. */
	int (*waiting)(struct lua_State *L, int idx, int fd);
} pl_loopseam;

#endif
