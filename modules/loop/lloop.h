/*
 * proxylua.loop internals shared by loop.c (the loop object), task.c
 * (task lifecycle, sleeps), end.c (error records, done callbacks), hook.c
 * (forced yields, timeouts, watchdog), sched.c (the Lua seam: functions a
 * scheduler table holds), wait.c (descriptors) and cseam.c (the C seam:
 * what proxylua.socket may ask, include/proxylua/loopseam.h; no other module
 * sees these structs).
 *
 * Ownership: the loop userdata's uservalue is a context table (CTX_*) that
 * anchors every live task, fd watcher, collected error and the scheduler
 * table. C structs point at each other with raw pointers; the anchors keep
 * the memory alive, and finishing a task unlinks it from every C list
 * before dropping its anchor.
 */
#ifndef PROXYLUA_LLOOP_H
#define PROXYLUA_LLOOP_H

#include "proxylua/compat.h"
#include "proxylua/loop.h"
#include "proxylua/loopseam.h"

#define LOOP_MT PL_LOOP_MT
#define TASK_MT "proxylua.loop.task"

/* fields of the context table */
enum { CTX_LIVE = 1, CTX_FDS, CTX_ERRORS, CTX_ONERROR, CTX_SCHED, CTX_DONE, CTX_ALT,
       CTX_N = CTX_ALT };

typedef struct ltask ltask;
typedef struct lfd lfd;

/* Per-task limits (spawn options, loop defaults). */
typedef struct llimits {
	lua_Integer forced_yield;   /* instructions between forced yields, 0: none */
	int64_t budget;         /* Lua running time allowed (ns), 0: none */
	int64_t watchdog;       /* longest run inside a script's own coroutine */
	int64_t burst;          /* CPU time between two trips through the
	                         * scheduler (HAProxy 2.8+'s burst timeout), 0: none */
	int burst_named;        /* raise "burst timeout" (3.2), else "execution timeout" */
} llimits;

typedef struct lloop {
	pl_loop *loop;          /* NULL once closed */
	lua_State *L;           /* state inside run()/step(), else NULL */
	int ctx;                /* stack index of the context table on L */
	ltask *current;         /* task being resumed */
	size_t ntasks;          /* spawned and not finished */
	int64_t wall;           /* CLOCK_REALTIME - loop clock at creation */
	llimits defaults;       /* for spawn */
	unsigned long lost;     /* errors that could not be recorded (OOM) */
} lloop;

enum { T_READY, T_RUNNING, T_SLEEPING, T_WAITING, T_DONE, T_ERROR, T_CANCELLED };
enum { W_NONE, W_READY, W_TIMEOUT };

struct ltask {
	pl_job job;             /* queued when runnable */
	pl_timer timer;         /* sleep / wait timeout */
	lloop *lp;              /* NULL once finished */
	lua_State *co;
	lua_State *alt;         /* attached coroutine, anchored in ctx[CTX_ALT] */
	lfd *fd;                /* watcher waited on */
	lfd **fds;              /* l:select: the watchers waited on (an array on
	                         * the task's own stack), or NULL */
	int nfds;
	int state;
	int wake;               /* W_*: why the last wait ended */
	int by_hook;            /* the last yield came from the count hook */
	int timed_out;
	int nargs;              /* arguments for the first resume */
	int has_done;           /* ctx[CTX_DONE][task] is its done callback */
	lua_Integer forced_yield;
	int64_t budget;
	int64_t watchdog;
	int64_t burst;
	int burst_named;
	int watchdog_fired;
	const char *where;      /* loop.call: what runs, for the watchdog text */
	int64_t used;           /* Lua running time spent so far (ns) */
	llimits saved;          /* the task's own limits while attach overrides them */
	int overridden;         /* saved holds them */
	int late;               /* attach hooked the task in mid-resume */
	void *late_prev;        /* the hook's previous task, for that resume */
	int64_t slice;          /* start of the current slice */
	int64_t slice_cpu;      /* the thread's CPU clock then (watchdog, burst) */
	unsigned long resumes, forced;
};

struct lfd {
	pl_io io;
	lloop *lp;
	ltask *reader, *writer;
};

/* The loop clock `now` on the wall-clock scale; a virtual clock advanced
 * to its end (INT64_MAX) stays there instead of overflowing. */
static inline int64_t pl_lloop_wall(const lloop *lp, int64_t now)
{
	if (lp->wall > 0 && now > INT64_MAX - lp->wall)
		return INT64_MAX;
	return now + lp->wall;
}

/* loop.c */
lloop *pl_lloop_check(lua_State *L, int idx);
void pl_lloop_ctx(lua_State *L, int idx);

/* task.c: lifecycle, sleeps, spawn, cancel, task handles */
int pl_lloop_spawn(lua_State *L);
int pl_lloop_sleep(lua_State *L);
int pl_lloop_msleep(lua_State *L);
int pl_lloop_yield(lua_State *L);
int pl_lloop_cancel(lua_State *L);
ltask *pl_lloop_running(lloop *lp, lua_State *L);
ltask *pl_lloop_yielder(lua_State *L, lloop *lp, const char *what);
void pl_lloop_arm_sleep(lua_State *L, lloop *lp, ltask *t, int64_t ns);
void pl_lloop_wake(ltask *t, int why);
void pl_lloop_task_unlink(ltask *t);
void pl_lloop_register_task(lua_State *L);

/* end.c: error records, done callbacks, anchors */
void pl_lloop_task_end(lloop *lp, lua_State *L, ltask *t, int st, int nres);
void pl_lloop_task_drop(lua_State *L, int ctx, ltask *t);

/* hook.c: count hook, limits, attach, loop.call */
void pl_lloop_init_hookkey(lua_State *L);
void *pl_lloop_hook_enter(lua_State *L, ltask *t);
void pl_lloop_hook_leave(lua_State *L, ltask *t, void *prev);
void pl_lloop_limits(lua_State *L, int idx, llimits *lim);
int64_t pl_lloop_secs(lua_Number s);
int pl_lloop_attach(lua_State *L);
int pl_lloop_call(lua_State *L);
int pl_lloop_own(lua_State *L);

/* sched.c */
void pl_lloop_push_scheduler(lua_State *L, int loopidx);

/* cseam.c */
void pl_lloop_register_seam(lua_State *L);

/* wait.c */
int pl_lloop_wait(lua_State *L);
int pl_lloop_select(lua_State *L);
void pl_lloop_fd_detach(ltask *t);
void pl_lloop_register_helpers(lua_State *L);

#endif
