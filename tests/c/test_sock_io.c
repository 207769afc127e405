/* Unit tests for lib/sock_io.c: nonblocking connect/send/recv on loopback. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "proxylua/sock.h"

static int passed, failed;

#define CHECK(cond) do { \
		if (cond) passed++; \
		else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

static void wait_fd(int fd, short ev)
{
	struct pollfd p;

	p.fd = fd;
	p.events = ev;
	p.revents = 0;
	(void)poll(&p, 1, 2000);
}

/* A listener on 127.0.0.1 with a free port; *addr is set to it. */
static int listener(pl_sockaddr *addr)
{
	int lfd = -1;
	socklen_t len = sizeof(addr->ss);

	CHECK(pl_sock_parse("127.0.0.1:0", 11, addr) == 0);
	CHECK(pl_sock_listen(addr, 16, &lfd) == 0);
	CHECK(getsockname(lfd, (struct sockaddr *)&addr->ss, &len) == 0);
	return lfd;
}

static void test_roundtrip(void)
{
	pl_sockaddr a;
	int lfd = listener(&a), c = -1, s, rc;
	char buf[64];
	ssize_t n;

	rc = pl_sock_connect(&a, &c);
	CHECK(c >= 0 && (rc == 0 || rc == PL_SOCK_WANT_WRITE));
	if (rc == PL_SOCK_WANT_WRITE) {
		wait_fd(c, POLLOUT);
		CHECK(pl_sock_connected(c) == 0);
	}
	wait_fd(lfd, POLLIN);
	s = pl_sock_accept(lfd);
	CHECK(s >= 0);
	CHECK(pl_sock_accept(lfd) == PL_SOCK_WANT_READ);
	CHECK(pl_sock_recv(s, buf, sizeof(buf)) == PL_SOCK_WANT_READ);
	CHECK(pl_sock_send(c, "a\0b", 3) == 3);
	wait_fd(s, POLLIN);
	n = pl_sock_recv(s, buf, sizeof(buf));
	CHECK(n == 3 && memcmp(buf, "a\0b", 3) == 0);
	close(c);
	wait_fd(s, POLLIN);
	CHECK(pl_sock_recv(s, buf, sizeof(buf)) == 0);
	/* the peer is gone: sending eventually fails with an errno, no SIGPIPE */
	n = 0;
	for (rc = 0; rc < 20 && n >= 0; rc++) {
		n = pl_sock_send(s, "x", 1);
		(void)poll(NULL, 0, 1);
	}
	CHECK(n == -EPIPE || n == -ECONNRESET);
	close(s);
	close(lfd);
}

static void test_refused(void)
{
	pl_sockaddr a;
	int lfd = listener(&a), c = -1, rc;

	close(lfd);                              /* nothing listens there now */
	rc = pl_sock_connect(&a, &c);
	if (rc == PL_SOCK_WANT_WRITE) {
		wait_fd(c, POLLOUT);
		rc = pl_sock_connected(c);
	}
	CHECK(rc == -ECONNREFUSED);
	if (c >= 0)
		close(c);
}

static void test_fill(void)
{
	pl_sockaddr a;
	int lfd = listener(&a), c = -1, s, rc;
	static char big[65536];
	ssize_t n;
	size_t total = 0;

	rc = pl_sock_connect(&a, &c);
	if (rc == PL_SOCK_WANT_WRITE) {
		wait_fd(c, POLLOUT);
		rc = pl_sock_connected(c);
	}
	CHECK(rc == 0);
	wait_fd(lfd, POLLIN);
	s = pl_sock_accept(lfd);
	/* nobody reads: the kernel buffers fill and send asks to wait */
	do {
		n = pl_sock_send(c, big, sizeof(big));
		if (n > 0)
			total += (size_t)n;
	} while (n > 0 && total < (64u << 20));
	CHECK(n == PL_SOCK_WANT_WRITE);
	CHECK(total > 0);
	close(s);
	close(c);
	close(lfd);
}

static void test_unix_missing(void)
{
	pl_sockaddr a;
	int c = -1;

	CHECK(pl_sock_parse("unix@/nonexistent/dir/s", 23, &a) == 0);
	CHECK(pl_sock_connect(&a, &c) == -ENOENT);
	if (c >= 0)
		close(c);
}

int main(void)
{
	test_roundtrip();
	test_refused();
	test_fill();
	test_unix_missing();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
