/*
 * A Lua-free event loop: epoll readiness, a binary min-heap of timers and a
 * FIFO of ready jobs. Bindings (proxylua.loop, the socket module) embed the
 * pl_timer / pl_io / pl_job structs in their own objects, so arming a timer
 * or a wait allocates nothing but the heap's pointer array, which grows
 * geometrically through a lua_Alloc-compatible allocator.
 *
 * Time is in nanoseconds on the loop clock: CLOCK_MONOTONIC, or with
 * PL_LOOP_VIRTUAL a clock that jumps to the next timer whenever nothing else
 * is runnable (and flows at real pace while some descriptor is waited on).
 *
 * Functions returning int give 0 (or a count) on success and -errno on
 * failure. Callbacks must not longjmp out of the loop (a Lua binding resumes
 * coroutines, which catch their own errors, and protects what else may
 * raise); the loop keeps its in-flight state in the struct so that an escape
 * would at worst delay, never corrupt.
 */
#ifndef PROXYLUA_LOOP_H
#define PROXYLUA_LOOP_H

#include <stddef.h>
#include <stdint.h>
#include "proxylua/buf.h"

typedef struct pl_loop pl_loop;
typedef struct pl_timer pl_timer;
typedef struct pl_io pl_io;
typedef struct pl_job pl_job;

typedef void (*pl_timer_cb)(pl_loop *loop, pl_timer *t);
typedef void (*pl_io_cb)(pl_loop *loop, pl_io *io, unsigned revents);
typedef void (*pl_job_cb)(pl_loop *loop, pl_job *job);

/* A one-shot timer. Fields are the loop's; read `data` only. */
struct pl_timer {
	int64_t when;       /* deadline, loop ns */
	uint64_t seq;       /* tie-break: equal deadlines fire in arming order */
	size_t slot;        /* heap index + 1, 0 when not armed */
	pl_timer_cb cb;
	void *data;
	int weak;           /* set with pl_timer_set_weak */
};

/* A descriptor watch. One pl_io per fd (epoll holds one entry per fd);
 * read and write interest share it. */
struct pl_io {
	int fd;
	unsigned want;      /* PL_IO_READ|PL_IO_WRITE|PL_IO_ONESHOT as armed */
	unsigned state;     /* loop-private: registered / armed bits */
	pl_io_cb cb;
	void *data;
};

/* A "run soon" entry: queued jobs run in FIFO order, once per post. */
struct pl_job {
	pl_job *prev, *next;  /* next == NULL when not queued */
	pl_job_cb cb;
	void *data;
};

#define PL_IO_READ    1u
#define PL_IO_WRITE   2u
#define PL_IO_ERROR   4u   /* revents only: error or hang-up */
#define PL_IO_ONESHOT 8u   /* disarm after the first event (rearm with start) */

#define PL_LOOP_VIRTUAL 1u

#define PL_LOOP_FOREVER INT64_MAX

/* Real CLOCK_MONOTONIC in ns (not the loop clock). */
int64_t pl_clock_mono(void);
/* CPU time of the calling thread in ns: what HAProxy's watchdog counts, so
 * a thread the OS kept waiting on a loaded machine is not "stuck". */
int64_t pl_clock_thread_cpu(void);

int pl_loop_new(pl_loop **out, unsigned flags, pl_alloc_fn alloc, void *ud);
/* Frees the loop; armed timers, ios and jobs are simply forgotten. */
void pl_loop_free(pl_loop *loop);

int pl_loop_is_virtual(const pl_loop *loop);
/* The loop clock as of the last update (cached, like libuv's uv_now). */
int64_t pl_loop_now(const pl_loop *loop);
/* Refresh the cached clock from CLOCK_MONOTONIC (no-op when virtual). */
void pl_loop_update(pl_loop *loop);
/* Move a virtual clock forward by ns (>= 0); -EINVAL on a real clock. */
int pl_loop_advance(pl_loop *loop, int64_t ns);

/* Armed timers + queued jobs + armed descriptor watches. */
size_t pl_loop_pending(const pl_loop *loop);
size_t pl_loop_timers(const pl_loop *loop);
/* Deadline of the earliest timer, or PL_LOOP_FOREVER. */
int64_t pl_loop_next_timer(const pl_loop *loop);

/*
 * One iteration: wait for I/O (not at all when jobs are queued or a timer
 * is due; at most until the next timer or `deadline`), then fire due timers,
 * then run the jobs queued so far (jobs posted meanwhile wait for the next
 * step). Returns 1 when work remains, 0 when none is left, -errno.
 */
int pl_loop_step(pl_loop *loop, int64_t deadline);
/* Step until no work is left (0), `deadline` passes or pl_loop_stop (1). */
int pl_loop_run(pl_loop *loop, int64_t deadline);
/* Make the current pl_loop_run return after this step. */
void pl_loop_stop(pl_loop *loop);

void pl_timer_init(pl_timer *t, pl_timer_cb cb, void *data);
/* Arm (or re-arm) for an absolute loop time / a delay from now. O(log n). */
int pl_timer_start_at(pl_loop *loop, pl_timer *t, int64_t when);
int pl_timer_start(pl_loop *loop, pl_timer *t, int64_t delay);
/* Disarm; harmless when not armed. O(log n). */
void pl_timer_stop(pl_loop *loop, pl_timer *t);
/* A weak timer fires when due while the loop runs, but is no work of its
 * own: a loop whose only armed timers are weak has nothing left to do
 * (pl_loop_step returns 0). For housekeeping such as closing idle
 * connections, which must not keep a program's run() going. */
void pl_timer_set_weak(pl_loop *loop, pl_timer *t, int weak);
static inline int pl_timer_active(const pl_timer *t) { return t->slot != 0; }

void pl_io_init(pl_io *io, int fd, pl_io_cb cb, void *data);
/* Watch for `events` (PL_IO_READ/WRITE, optionally PL_IO_ONESHOT), replacing
 * the previous interest; events without READ/WRITE stop the watch.
 * -EPERM for descriptors epoll cannot watch (regular files). */
int pl_io_start(pl_loop *loop, pl_io *io, unsigned events);
/* Stop watching (call before closing the fd). */
int pl_io_stop(pl_loop *loop, pl_io *io);
static inline int pl_io_active(const pl_io *io) { return (io->state & 2u) != 0; }

void pl_job_init(pl_job *j, pl_job_cb cb, void *data);
/* Queue at the tail; a job already queued keeps its place. */
void pl_job_post(pl_loop *loop, pl_job *j);
void pl_job_cancel(pl_loop *loop, pl_job *j);
static inline int pl_job_queued(const pl_job *j) { return j->next != NULL; }

#endif
