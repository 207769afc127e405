/* Unit tests for lib/loop.c: timer heap, jobs, descriptors, clocks. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include "proxylua/loop.h"

static int passed, failed;

#define CHECK(cond) do { \
	if (cond) passed++; \
	else { failed++; fprintf(stderr, "%s:%d: FAILED: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

#define MS 1000000LL
#define SEC 1000000000LL

/* Allocator that can be told to fail, and counts live bytes. */
struct alloc_state { long live; int fail_after; };

static void *talloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	struct alloc_state *a = ud;

	if (nsize == 0) {
		if (ptr != NULL)
			a->live -= (long)osize;
		free(ptr);
		return NULL;
	}
	if (a->fail_after == 0)
		return NULL;
	if (a->fail_after > 0)
		a->fail_after--;
	{
		void *np = realloc(ptr, nsize);
		if (np != NULL)
			a->live += (long)nsize - (long)(ptr != NULL ? osize : 0);
		return np;
	}
}

/* Fired timers are logged in order. */
struct tlog { int64_t when[4096]; uint64_t seq[4096]; int id[4096]; int n; };

struct ttimer { pl_timer t; int id; struct tlog *log; };

static void on_timer(pl_loop *l, pl_timer *t)
{
	struct ttimer *tt = t->data;
	struct tlog *g = tt->log;

	(void)l;
	if (g->n < 4096) {
		g->when[g->n] = t->when;
		g->seq[g->n] = t->seq;
		g->id[g->n] = tt->id;
	}
	g->n++;
}

static pl_loop *mkloop(unsigned flags, struct alloc_state *a)
{
	pl_loop *l = NULL;
	int rc = pl_loop_new(&l, flags, talloc, a);

	CHECK(rc == 0 && l != NULL);
	return l;
}

static void test_heap_order(void)
{
	struct alloc_state a = { 0, -1 };
	static struct ttimer tt[2000];
	static struct tlog log;
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	int64_t t0 = pl_loop_now(l);
	int i, ordered = 1, cancelled = 0, rc = 0;

	memset(&log, 0, sizeof(log));
	srand(7);
	for (i = 0; i < 2000; i++) {
		tt[i].id = i;
		tt[i].log = &log;
		pl_timer_init(&tt[i].t, on_timer, &tt[i]);
		rc |= pl_timer_start(l, &tt[i].t, (rand() % 500) * MS);
	}
	CHECK(rc == 0);
	CHECK(pl_loop_timers(l) == 2000);
	/* cancel every third, re-arm every seventh to a new random time */
	for (i = 0; i < 2000; i++) {
		if (i % 3 == 0) {
			pl_timer_stop(l, &tt[i].t);
			cancelled++;
		} else if (i % 7 == 0) {
			pl_timer_start(l, &tt[i].t, (rand() % 500) * MS);
		}
	}
	pl_timer_stop(l, &tt[0].t);   /* second stop is harmless */
	CHECK(pl_loop_timers(l) == (size_t)(2000 - cancelled));
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0);
	CHECK(log.n == 2000 - cancelled);
	for (i = 1; i < log.n; i++)
		if (log.when[i] < log.when[i - 1]
		    || (log.when[i] == log.when[i - 1] && log.seq[i] < log.seq[i - 1]))
			ordered = 0;
	CHECK(ordered);
	for (i = 0; i < log.n; i++)
		if (log.id[i] % 3 == 0)
			ordered = 0;
	CHECK(ordered);
	CHECK(pl_loop_now(l) == log.when[log.n - 1]);
	CHECK(pl_loop_now(l) - t0 < 500 * MS);
	pl_loop_free(l);
	CHECK(a.live == 0);
}

static void test_fifo_equal_deadlines(void)
{
	struct alloc_state a = { 0, -1 };
	static struct ttimer tt[100];
	static struct tlog log;
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	int i, fifo = 1;

	memset(&log, 0, sizeof(log));
	for (i = 0; i < 100; i++) {
		tt[i].id = i;
		tt[i].log = &log;
		pl_timer_init(&tt[i].t, on_timer, &tt[i]);
		pl_timer_start(l, &tt[i].t, 100 * MS);
	}
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0);
	CHECK(log.n == 100);
	for (i = 0; i < 100; i++)
		if (log.id[i] != i)
			fifo = 0;
	CHECK(fifo);
	pl_loop_free(l);
}

static void test_virtual_clock_and_deadline(void)
{
	struct alloc_state a = { 0, -1 };
	struct tlog *log = calloc(1, sizeof(*log));
	struct ttimer t1, t2;
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	int64_t start = pl_loop_now(l), real0 = pl_clock_mono();

	t1.id = 1; t1.log = log;
	t2.id = 2; t2.log = log;
	pl_timer_init(&t1.t, on_timer, &t1);
	pl_timer_init(&t2.t, on_timer, &t2);
	pl_timer_start(l, &t1.t, 60 * SEC);
	pl_timer_start(l, &t2.t, 3600 * SEC);
	CHECK(pl_loop_pending(l) == 2);
	CHECK(pl_loop_next_timer(l) == start + 60 * SEC);
	/* run until start+120s: t1 fires, t2 does not, clock stops at the deadline */
	CHECK(pl_loop_run(l, start + 120 * SEC) == 1);
	CHECK(log->n == 1 && log->id[0] == 1);
	CHECK(pl_loop_now(l) == start + 120 * SEC);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0);
	CHECK(log->n == 2 && pl_loop_now(l) == start + 3600 * SEC);
	CHECK(pl_clock_mono() - real0 < 2 * SEC);   /* an hour passed in no real time */
	CHECK(pl_loop_advance(l, 5 * SEC) == 0 && pl_loop_now(l) == start + 3605 * SEC);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 0);   /* nothing left */
	pl_loop_free(l);
	free(log);
}

static void test_real_clock(void)
{
	struct alloc_state a = { 0, -1 };
	struct tlog *log = calloc(1, sizeof(*log));
	struct ttimer t1;
	pl_loop *l = mkloop(0, &a);
	int64_t real0 = pl_clock_mono();
	int64_t s0 = pl_loop_now(l);

	t1.id = 1; t1.log = log;
	pl_timer_init(&t1.t, on_timer, &t1);
	CHECK(pl_loop_advance(l, SEC) == -EINVAL);
	pl_timer_start(l, &t1.t, 30 * MS);
	/* a 10 ms deadline comes first: the timer is still armed */
	CHECK(pl_loop_run(l, s0 + 10 * MS) == 1);
	CHECK(log->n == 0 && pl_timer_active(&t1.t));
	CHECK(pl_loop_now(l) >= s0 + 10 * MS);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0);
	CHECK(log->n == 1);
	CHECK(pl_clock_mono() - real0 >= 30 * MS);   /* never early */
	CHECK(pl_loop_now(l) >= t1.t.when);
	pl_loop_free(l);
	free(log);
}

/* Jobs: FIFO, and a job re-posting itself runs once per step. */
struct tjob { pl_job j; int runs; int repost; };

static void on_job(pl_loop *l, pl_job *j)
{
	struct tjob *t = j->data;

	t->runs++;
	if (t->repost-- > 0)
		pl_job_post(l, j);
}

static void test_jobs(void)
{
	struct alloc_state a = { 0, -1 };
	struct tjob j1 = { { 0, 0, 0, 0 }, 0, 3 }, j2 = { { 0, 0, 0, 0 }, 0, 0 };
	pl_loop *l = mkloop(0, &a);

	pl_job_init(&j1.j, on_job, &j1);
	pl_job_init(&j2.j, on_job, &j2);
	pl_job_post(l, &j1.j);
	pl_job_post(l, &j1.j);   /* already queued: keeps one place */
	pl_job_post(l, &j2.j);
	CHECK(pl_loop_pending(l) == 2);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1);
	CHECK(j1.runs == 1 && j2.runs == 1);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1);
	CHECK(j1.runs == 2);
	pl_job_cancel(l, &j1.j);
	pl_job_cancel(l, &j1.j);
	CHECK(pl_loop_pending(l) == 0);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 0);
	pl_loop_free(l);
}

/* Descriptors */
struct tio { pl_io io; unsigned rev; int calls; struct tio *victim; pl_loop *l; };

static void on_io(pl_loop *l, pl_io *io, unsigned rev)
{
	struct tio *t = io->data;

	t->rev |= rev;
	t->calls++;
	if (t->victim != NULL)
		pl_io_stop(l, &t->victim->io);
}

static void test_pipe_readiness(void)
{
	struct alloc_state a = { 0, -1 };
	pl_loop *l = mkloop(0, &a);
	struct tio r;
	int p[2];
	char c = 'x';
	int64_t t0;

	CHECK(pipe(p) == 0);
	memset(&r, 0, sizeof(r));
	pl_io_init(&r.io, p[0], on_io, &r);
	CHECK(pl_io_start(l, &r.io, PL_IO_READ | PL_IO_ONESHOT) == 0);
	CHECK(pl_io_active(&r.io) && pl_loop_pending(l) == 1);
	/* nothing written: a bounded step returns without an event */
	t0 = pl_loop_now(l);
	CHECK(pl_loop_run(l, t0 + 20 * MS) == 1);
	CHECK(r.calls == 0);
	CHECK(write(p[1], &c, 1) == 1);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 0);   /* one-shot: no work left */
	CHECK(r.calls == 1 && r.rev == PL_IO_READ);
	CHECK(!pl_io_active(&r.io));
	/* re-arm: still readable (level-triggered), fires again */
	CHECK(pl_io_start(l, &r.io, PL_IO_READ | PL_IO_ONESHOT) == 0);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 0 && r.calls == 2);
	CHECK(read(p[0], &c, 1) == 1);
	/* hang-up: closing the writer wakes the reader with READ|ERROR */
	r.rev = 0;
	CHECK(pl_io_start(l, &r.io, PL_IO_READ | PL_IO_ONESHOT) == 0);
	close(p[1]);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 0);
	CHECK(r.calls == 3 && (r.rev & PL_IO_READ) && (r.rev & PL_IO_ERROR));
	CHECK(pl_io_stop(l, &r.io) == 0);
	close(p[0]);
	pl_loop_free(l);
}

static void test_socketpair_rw(void)
{
	struct alloc_state a = { 0, -1 };
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	struct tio s;
	int sv[2];

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	memset(&s, 0, sizeof(s));
	pl_io_init(&s.io, sv[0], on_io, &s);
	/* persistent watch: writable at once, stays armed */
	CHECK(pl_io_start(l, &s.io, PL_IO_READ | PL_IO_WRITE) == 0);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1);
	CHECK(s.calls == 1 && s.rev == PL_IO_WRITE);
	CHECK(write(sv[1], "hi", 2) == 2);
	s.rev = 0;
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1);
	CHECK(s.rev == (PL_IO_READ | PL_IO_WRITE));
	/* changing the interest replaces it */
	CHECK(pl_io_start(l, &s.io, PL_IO_WRITE) == 0);
	CHECK(s.io.want == PL_IO_WRITE);
	CHECK(pl_io_stop(l, &s.io) == 0 && pl_loop_pending(l) == 0);
	CHECK(pl_io_stop(l, &s.io) == 0);   /* twice is fine */
	close(sv[0]);
	close(sv[1]);
	pl_loop_free(l);
}

/* Stopping a watch from another watch's callback drops its fetched event. */
static void test_stop_during_dispatch(void)
{
	struct alloc_state a = { 0, -1 };
	pl_loop *l = mkloop(0, &a);
	struct tio x, y;
	int p[2], q[2];

	CHECK(pipe(p) == 0 && pipe(q) == 0);
	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	x.victim = &y;
	y.victim = &x;
	pl_io_init(&x.io, p[0], on_io, &x);
	pl_io_init(&y.io, q[0], on_io, &y);
	CHECK(pl_io_start(l, &x.io, PL_IO_READ) == 0);
	CHECK(pl_io_start(l, &y.io, PL_IO_READ) == 0);
	CHECK(write(p[1], "a", 1) == 1 && write(q[1], "b", 1) == 1);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1);   /* the survivor stays armed */
	CHECK(x.calls + y.calls == 1);   /* whichever ran first stopped the other */
	CHECK(pl_loop_pending(l) == 1);
	pl_io_stop(l, &x.io);
	pl_io_stop(l, &y.io);
	CHECK(pl_loop_pending(l) == 0);
	close(p[0]); close(p[1]); close(q[0]); close(q[1]);
	pl_loop_free(l);
}

static void test_errors(void)
{
	struct alloc_state a = { 0, -1 };
	pl_loop *l = mkloop(0, &a);
	pl_loop *none = (pl_loop *)1;
	struct ttimer tt[40];
	struct tlog *log = calloc(1, sizeof(*log));
	struct tio f;
	int i, fd, rc = 0;

	/* a regular file cannot be watched */
	fd = open("/dev/null", O_RDONLY);
	fd = fd >= 0 ? fd : open(__FILE__, O_RDONLY);
	memset(&f, 0, sizeof(f));
	pl_io_init(&f.io, fd, on_io, &f);
	rc = pl_io_start(l, &f.io, PL_IO_READ);
	CHECK(rc == -EPERM || rc == 0);   /* /dev/null is a char device: epoll says EPERM */
	pl_io_stop(l, &f.io);
	close(fd);
	pl_io_init(&f.io, 12345, on_io, &f);
	CHECK(pl_io_start(l, &f.io, PL_IO_READ) == -EBADF);
	CHECK(pl_loop_pending(l) == 0);

	/* the heap cannot grow: -ENOMEM, and the loop stays usable */
	for (i = 0; i < 40; i++) {
		tt[i].id = i;
		tt[i].log = log;
		pl_timer_init(&tt[i].t, on_timer, &tt[i]);
	}
	a.fail_after = 0;
	CHECK(pl_timer_start(l, &tt[0].t, MS) == -ENOMEM);
	CHECK(!pl_timer_active(&tt[0].t));
	a.fail_after = 1;
	for (i = 0, rc = 0; i < 40 && rc == 0; i++)
		rc = pl_timer_start(l, &tt[i].t, MS);
	CHECK(rc == -ENOMEM && pl_loop_timers(l) == 15);
	a.fail_after = -1;
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0 && log->n == 15);

	/* the loop itself cannot be allocated */
	a.fail_after = 0;
	CHECK(pl_loop_new(&none, 0, talloc, &a) == -ENOMEM && none == NULL);
	a.fail_after = -1;
	pl_loop_free(NULL);
	pl_loop_free(l);
	CHECK(a.live == 0);
	free(log);
}

/* A timer callback re-arming at "now" waits for the next step. */
struct rearm { pl_timer t; int n; };

static void on_rearm(pl_loop *l, pl_timer *t)
{
	struct rearm *r = t->data;

	if (++r->n < 5)
		pl_timer_start(l, t, 0);
}

static void test_rearm_now(void)
{
	struct alloc_state a = { 0, -1 };
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	struct rearm r = { { 0, 0, 0, 0, 0, 0 }, 0 };

	pl_timer_init(&r.t, on_rearm, &r);
	pl_timer_start(l, &r.t, 0);
	CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1 && r.n == 1);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0 && r.n == 5);
	pl_loop_free(l);
}

/* With a descriptor watched, a virtual clock flows at real pace: a timer
 * is not reached instantly while I/O could still come. */
static void test_virtual_with_io(void)
{
	struct alloc_state a = { 0, -1 };
	struct tlog *log = calloc(1, sizeof(*log));
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	struct ttimer t1;
	struct tio r;
	int p[2], steps = 0;
	int64_t v0 = pl_loop_now(l), real0 = pl_clock_mono();

	CHECK(pipe(p) == 0);
	memset(&r, 0, sizeof(r));
	pl_io_init(&r.io, p[0], on_io, &r);
	CHECK(pl_io_start(l, &r.io, PL_IO_READ) == 0);
	t1.id = 1; t1.log = log;
	pl_timer_init(&t1.t, on_timer, &t1);
	pl_timer_start(l, &t1.t, 30 * MS);
	while (log->n == 0 && steps++ < 100)
		CHECK(pl_loop_step(l, PL_LOOP_FOREVER) == 1);
	CHECK(log->n == 1);
	CHECK(pl_clock_mono() - real0 >= 30 * MS);
	CHECK(pl_loop_now(l) - v0 >= 30 * MS);
	pl_io_stop(l, &r.io);
	/* without the watch the clock jumps again */
	real0 = pl_clock_mono();
	pl_timer_start(l, &t1.t, 3600 * SEC);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0 && log->n == 2);
	CHECK(pl_clock_mono() - real0 < SEC);
	close(p[0]);
	close(p[1]);
	pl_loop_free(l);
	free(log);
}

/* A weak timer is no work: alone it ends run(); with other work it fires
 * when due; cleared or stopped, the count of work is exact again. */
static void test_weak_timer(void)
{
	struct alloc_state a = { 0, -1 };
	struct tlog *log = calloc(1, sizeof(*log));
	pl_loop *l = mkloop(PL_LOOP_VIRTUAL, &a);
	struct ttimer w, t;
	int64_t start = pl_loop_now(l);

	w.id = 1; w.log = log;
	t.id = 2; t.log = log;
	pl_timer_init(&w.t, on_timer, &w);
	pl_timer_init(&t.t, on_timer, &t);
	pl_timer_set_weak(l, &w.t, 1);
	pl_timer_start(l, &w.t, 10 * SEC);
	CHECK(pl_loop_pending(l) == 0 && pl_loop_timers(l) == 1);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0 && log->n == 0);
	pl_timer_start(l, &t.t, 60 * SEC);
	CHECK(pl_loop_pending(l) == 1);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0);
	CHECK(log->n == 2 && log->id[0] == 1 && log->id[1] == 2);
	CHECK(pl_loop_now(l) == start + 60 * SEC);
	pl_timer_start(l, &w.t, SEC);
	pl_timer_set_weak(l, &w.t, 0);          /* armed: the count follows */
	CHECK(pl_loop_pending(l) == 1);
	pl_timer_set_weak(l, &w.t, 1);
	CHECK(pl_loop_pending(l) == 0);
	pl_timer_stop(l, &w.t);
	CHECK(pl_loop_pending(l) == 0 && pl_loop_timers(l) == 0);
	pl_timer_set_weak(l, &w.t, 0);
	pl_timer_start(l, &w.t, SEC);
	CHECK(pl_loop_pending(l) == 1);
	CHECK(pl_loop_run(l, PL_LOOP_FOREVER) == 0 && log->n == 3);
	pl_loop_free(l);
	free(log);
}

int main(void)
{
	test_heap_order();
	test_fifo_equal_deadlines();
	test_virtual_clock_and_deadline();
	test_real_clock();
	test_jobs();
	test_pipe_readiness();
	test_socketpair_rw();
	test_stop_during_dispatch();
	test_errors();
	test_rearm_now();
	test_weak_timer();
	test_virtual_with_io();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
