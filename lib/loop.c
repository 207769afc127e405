/* The epoll loop behind include/proxylua/loop.h. */
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include "proxylua/loop.h"

#define PL_LOOP_MAXEVENTS 128
#define PL_HEAP_MIN 16

#define IO_REGISTERED 1u   /* epoll holds an entry for the fd */
#define IO_ARMED      2u   /* and it can still report events */

struct pl_hent;

struct pl_loop {
	int epfd;
	unsigned flags;
	int stop;
	int in_timers;          /* timers armed now are pushed past `now` */
	int64_t now;
	pl_alloc_fn alloc;
	void *ud;
	/* timer heap: 1-based array (slot 0 unused) */
	struct pl_hent *heap;
	size_t nheap, capheap;
	size_t nweak;           /* weak timers in the heap: no work */
	uint64_t seq;
	/* jobs: `ready` receives posts, `running` is the batch of this step */
	pl_job ready, running;
	size_t njobs;
	size_t nio;             /* armed watches */
	/* events of the current poll, kept here so that a stop can drop them */
	struct epoll_event ev[PL_LOOP_MAXEVENTS];
	int nev, evpos;
};

int64_t pl_clock_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t pl_clock_thread_cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- timer heap ------------------------------------------------------ */

/* Heap entries carry their keys, so sifting compares contiguous memory
 * instead of chasing a timer pointer per comparison. */
struct pl_hent {
	int64_t when;
	uint64_t seq;
	pl_timer *t;
};

static int ent_less(const struct pl_hent *a, const struct pl_hent *b)
{
	return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void heap_place(pl_loop *l, size_t i, const struct pl_hent *e)
{
	l->heap[i] = *e;
	e->t->slot = i;
}

static void sift_up(pl_loop *l, size_t i, struct pl_hent e)
{
	while (i > 1 && ent_less(&e, &l->heap[i / 2])) {
		heap_place(l, i, &l->heap[i / 2]);
		i /= 2;
	}
	heap_place(l, i, &e);
}

static void sift_down(pl_loop *l, size_t i, struct pl_hent e)
{
	size_t n = l->nheap;

	for (;;) {
		size_t c = 2 * i;
		if (c > n)
			break;
		if (c < n && ent_less(&l->heap[c + 1], &l->heap[c]))
			c++;
		if (!ent_less(&l->heap[c], &e))
			break;
		heap_place(l, i, &l->heap[c]);
		i = c;
	}
	heap_place(l, i, &e);
}

static int heap_reserve(pl_loop *l)
{
	size_t ncap;
	void *p;

	if (l->nheap + 1 < l->capheap)
		return 0;
	ncap = l->capheap ? l->capheap * 2 : PL_HEAP_MIN;
	if (ncap > SIZE_MAX / sizeof(struct pl_hent))
		return -ENOMEM;
	p = l->alloc(l->ud, l->heap, l->heap ? l->capheap * sizeof(struct pl_hent) : 0,
	             ncap * sizeof(struct pl_hent));
	if (p == NULL)
		return -ENOMEM;
	l->heap = p;
	l->capheap = ncap;
	return 0;
}

/* Take the entry in slot i out of the heap, keeping the heap property. */
static void heap_remove(pl_loop *l, size_t i)
{
	struct pl_hent last = l->heap[l->nheap--];

	if (l->heap[i].t->weak)
		l->nweak--;
	l->heap[i].t->slot = 0;
	if (i > l->nheap)
		return;
	if (i > 1 && ent_less(&last, &l->heap[i / 2]))
		sift_up(l, i, last);
	else
		sift_down(l, i, last);
}

void pl_timer_init(pl_timer *t, pl_timer_cb cb, void *data)
{
	t->when = 0;
	t->seq = 0;
	t->slot = 0;
	t->cb = cb;
	t->data = data;
	t->weak = 0;
}

void pl_timer_set_weak(pl_loop *l, pl_timer *t, int weak)
{
	weak = weak != 0;
	if (t->slot && t->weak != weak) {
		if (weak)
			l->nweak++;
		else
			l->nweak--;
	}
	t->weak = weak;
}

int pl_timer_start_at(pl_loop *l, pl_timer *t, int64_t when)
{
	struct pl_hent e;
	int rc;

	/* A timer armed by a firing timer waits for the next step, so a
	 * callback re-arming at "now" cannot spin the timer phase forever. */
	if (l->in_timers && when <= l->now)
		when = l->now + 1;
	if (!t->slot && (rc = heap_reserve(l)) != 0)
		return rc;
	t->when = e.when = when;
	t->seq = e.seq = l->seq++;
	e.t = t;
	if (t->slot) {
		size_t i = t->slot;
		if (i > 1 && ent_less(&e, &l->heap[i / 2]))
			sift_up(l, i, e);
		else
			sift_down(l, i, e);
		return 0;
	}
	l->nheap++;
	if (t->weak)
		l->nweak++;
	sift_up(l, l->nheap, e);
	return 0;
}

int pl_timer_start(pl_loop *l, pl_timer *t, int64_t delay)
{
	if (delay < 0)
		delay = 0;
	if (delay > PL_LOOP_FOREVER - l->now)
		return pl_timer_start_at(l, t, PL_LOOP_FOREVER);
	return pl_timer_start_at(l, t, l->now + delay);
}

void pl_timer_stop(pl_loop *l, pl_timer *t)
{
	if (t->slot)
		heap_remove(l, t->slot);
}

/* ---- jobs ------------------------------------------------------------ */

static void list_init(pl_job *head)
{
	head->prev = head->next = head;
}

static int list_empty(const pl_job *head)
{
	return head->next == head;
}

static void list_unlink(pl_job *j)
{
	j->prev->next = j->next;
	j->next->prev = j->prev;
	j->prev = j->next = NULL;
}

static void list_append(pl_job *head, pl_job *j)
{
	j->prev = head->prev;
	j->next = head;
	head->prev->next = j;
	head->prev = j;
}

void pl_job_init(pl_job *j, pl_job_cb cb, void *data)
{
	j->prev = j->next = NULL;
	j->cb = cb;
	j->data = data;
}

void pl_job_post(pl_loop *l, pl_job *j)
{
	if (j->next != NULL)
		return;
	list_append(&l->ready, j);
	l->njobs++;
}

void pl_job_cancel(pl_loop *l, pl_job *j)
{
	if (j->next == NULL)
		return;
	list_unlink(j);
	l->njobs--;
}

/* Run the jobs queued before this call; posts made meanwhile wait, so a
 * job that re-posts itself (a yield) lets timers and I/O in. */
static void run_jobs(pl_loop *l)
{
	if (!list_empty(&l->ready)) {
		/* splice ready onto the tail of running */
		pl_job *first = l->ready.next, *last = l->ready.prev;
		first->prev = l->running.prev;
		l->running.prev->next = first;
		last->next = &l->running;
		l->running.prev = last;
		list_init(&l->ready);
	}
	while (!list_empty(&l->running)) {
		pl_job *j = l->running.next;
		list_unlink(j);
		l->njobs--;
		j->cb(l, j);
	}
}

/* ---- descriptors ----------------------------------------------------- */

void pl_io_init(pl_io *io, int fd, pl_io_cb cb, void *data)
{
	io->fd = fd;
	io->want = 0;
	io->state = 0;
	io->cb = cb;
	io->data = data;
}

/* Forget events already fetched for io: it may be freed after a stop. */
static void drop_pending(pl_loop *l, const pl_io *io)
{
	int i;

	for (i = l->evpos; i < l->nev; i++)
		if (l->ev[i].data.ptr == io)
			l->ev[i].data.ptr = NULL;
}

static void io_disarm(pl_loop *l, pl_io *io)
{
	if (io->state & IO_ARMED) {
		io->state &= ~IO_ARMED;
		l->nio--;
	}
}

int pl_io_start(pl_loop *l, pl_io *io, unsigned events)
{
	struct epoll_event ev;
	int op, rc;

	if (!(events & (PL_IO_READ | PL_IO_WRITE)))
		return pl_io_stop(l, io);
	ev.events = 0;
	if (events & PL_IO_READ)
		ev.events |= EPOLLIN;
	if (events & PL_IO_WRITE)
		ev.events |= EPOLLOUT;
	if (events & PL_IO_ONESHOT)
		ev.events |= EPOLLONESHOT;
	ev.data.ptr = io;
	op = (io->state & IO_REGISTERED) ? EPOLL_CTL_MOD : EPOLL_CTL_ADD;
	rc = epoll_ctl(l->epfd, op, io->fd, &ev);
	/* The fd may have been closed and reopened behind our back, or
	 * registered by an earlier pl_io: switch to the other operation. */
	if (rc != 0 && op == EPOLL_CTL_MOD && errno == ENOENT)
		rc = epoll_ctl(l->epfd, EPOLL_CTL_ADD, io->fd, &ev);
	else if (rc != 0 && op == EPOLL_CTL_ADD && errno == EEXIST)
		rc = epoll_ctl(l->epfd, EPOLL_CTL_MOD, io->fd, &ev);
	if (rc != 0) {
		int e = errno;
		io->state &= ~IO_REGISTERED;
		io_disarm(l, io);
		return -e;
	}
	/* An event fetched under the old interest must not be delivered. */
	drop_pending(l, io);
	io->want = events;
	io->state |= IO_REGISTERED;
	if (!(io->state & IO_ARMED)) {
		io->state |= IO_ARMED;
		l->nio++;
	}
	return 0;
}

int pl_io_stop(pl_loop *l, pl_io *io)
{
	int rc = 0;

	if (io->state & IO_REGISTERED) {
		struct epoll_event ev = { 0, { 0 } };
		if (epoll_ctl(l->epfd, EPOLL_CTL_DEL, io->fd, &ev) != 0
		    && errno != ENOENT && errno != EBADF)
			rc = -errno;
	}
	io->state &= ~IO_REGISTERED;
	io_disarm(l, io);
	io->want = 0;
	drop_pending(l, io);
	return rc;
}

static void dispatch_io(pl_loop *l)
{
	while (l->evpos < l->nev) {
		struct epoll_event *e = &l->ev[l->evpos++];
		pl_io *io = e->data.ptr;
		unsigned rev = 0;

		if (io == NULL)
			continue;
		if (e->events & EPOLLIN)
			rev |= PL_IO_READ;
		if (e->events & EPOLLOUT)
			rev |= PL_IO_WRITE;
		if (e->events & (EPOLLERR | EPOLLHUP))
			rev |= PL_IO_ERROR | (io->want & (PL_IO_READ | PL_IO_WRITE));
		if (io->want & PL_IO_ONESHOT)
			io_disarm(l, io);
		io->cb(l, io, rev);
	}
	l->nev = l->evpos = 0;
}

/* ---- loop ------------------------------------------------------------ */

int pl_loop_new(pl_loop **out, unsigned flags, pl_alloc_fn alloc, void *ud)
{
	pl_loop *l = alloc(ud, NULL, 0, sizeof(*l));

	*out = NULL;
	if (l == NULL)
		return -ENOMEM;
	memset(l, 0, sizeof(*l));
	l->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (l->epfd < 0) {
		int e = errno;
		alloc(ud, l, sizeof(*l), 0);
		return -e;
	}
	l->flags = flags;
	l->alloc = alloc;
	l->ud = ud;
	l->now = pl_clock_mono();
	list_init(&l->ready);
	list_init(&l->running);
	*out = l;
	return 0;
}

void pl_loop_free(pl_loop *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 1; i <= l->nheap; i++)
		l->heap[i].t->slot = 0;
	if (l->heap != NULL)
		l->alloc(l->ud, l->heap, l->capheap * sizeof(struct pl_hent), 0);
	close(l->epfd);
	l->alloc(l->ud, l, sizeof(*l), 0);
}

int pl_loop_is_virtual(const pl_loop *l)
{
	return (l->flags & PL_LOOP_VIRTUAL) != 0;
}

int64_t pl_loop_now(const pl_loop *l)
{
	return l->now;
}

void pl_loop_update(pl_loop *l)
{
	if (!(l->flags & PL_LOOP_VIRTUAL))
		l->now = pl_clock_mono();
}

int pl_loop_advance(pl_loop *l, int64_t ns)
{
	if (!(l->flags & PL_LOOP_VIRTUAL) || ns < 0)
		return -EINVAL;
	l->now = ns > PL_LOOP_FOREVER - l->now ? PL_LOOP_FOREVER : l->now + ns;
	return 0;
}

size_t pl_loop_pending(const pl_loop *l)
{
	return l->nheap - l->nweak + l->njobs + l->nio;
}

size_t pl_loop_timers(const pl_loop *l)
{
	return l->nheap;
}

int64_t pl_loop_next_timer(const pl_loop *l)
{
	return l->nheap ? l->heap[1].when : PL_LOOP_FOREVER;
}

void pl_loop_stop(pl_loop *l)
{
	l->stop = 1;
}

static void run_timers(pl_loop *l)
{
	l->in_timers = 1;
	while (l->nheap && l->heap[1].when <= l->now) {
		pl_timer *t = l->heap[1].t;
		heap_remove(l, 1);
		t->cb(l, t);
	}
	l->in_timers = 0;
}

/* epoll_wait for up to `ns` (< 0: forever), ceiling to whole ms so that a
 * wake-up never comes before the timer it waits for. */
static int poll_io(pl_loop *l, int64_t ns)
{
	int ms, n;

	if (ns < 0)
		ms = -1;
	else if (ns >= (int64_t)INT_MAX * 1000000)
		ms = INT_MAX;
	else
		ms = (int)((ns + 999999) / 1000000);
	n = epoll_wait(l->epfd, l->ev, PL_LOOP_MAXEVENTS, ms);
	if (n < 0) {
		if (errno == EINTR)
			return 0;
		return -errno;
	}
	l->nev = n;
	l->evpos = 0;
	return n;
}

/* How long the poll may block: 0 when something can run now. */
static int64_t wait_budget(const pl_loop *l, int64_t deadline)
{
	int64_t until = pl_loop_next_timer(l);

	if (l->njobs)
		return 0;
	if (deadline < until)
		until = deadline;
	if (until == PL_LOOP_FOREVER)
		return -1;
	return until > l->now ? until - l->now : 0;
}

int pl_loop_step(pl_loop *l, int64_t deadline)
{
	int64_t budget;
	int rc = 0;

	l->in_timers = 0;
	if (l->evpos < l->nev)      /* events left by an escaped callback */
		dispatch_io(l);
	if (pl_loop_pending(l) == 0)
		return 0;
	pl_loop_update(l);
	budget = wait_budget(l, deadline);

	if (!(l->flags & PL_LOOP_VIRTUAL)) {
		if (l->nio || budget != 0)
			rc = poll_io(l, budget);
		pl_loop_update(l);
	} else if (l->nio) {
		/* Waiting on descriptors: virtual time flows at real pace. */
		int64_t t0 = pl_clock_mono(), dt;
		rc = poll_io(l, budget);
		dt = pl_clock_mono() - t0;
		/* saturate: a clock advanced to its end stays there */
		if (budget != 0)
			l->now = dt > PL_LOOP_FOREVER - l->now ? PL_LOOP_FOREVER : l->now + dt;
	} else if (budget > 0) {
		l->now += budget;   /* nothing runnable: jump to the next event */
	}
	if (rc < 0)
		return rc;
	dispatch_io(l);
	run_timers(l);
	run_jobs(l);
	return pl_loop_pending(l) ? 1 : 0;
}

int pl_loop_run(pl_loop *l, int64_t deadline)
{
	l->stop = 0;
	for (;;) {
		int rc = pl_loop_step(l, deadline);
		if (rc <= 0)
			return rc;
		if (l->stop) {
			l->stop = 0;
			return 1;
		}
		if (deadline != PL_LOOP_FOREVER && l->now >= deadline)
			return 1;
	}
}
