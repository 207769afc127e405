#define _GNU_SOURCE   /* accept4 */
/*
 * Nonblocking stream sockets: connect, send, recv, and a listener for tests.
 * Every call maps EAGAIN to the PL_SOCK_WANT_* code of the direction to
 * wait for and retries EINTR itself.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>
#include "proxylua/sock.h"

int pl_sock_connect(const pl_sockaddr *a, int *fd)
{
	int s, one = 1;

	*fd = -1;
	s = socket(a->ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -errno;
	*fd = s;
	/* request/response scripts would otherwise wait on Nagle */
	if (a->kind == PL_SA_INET || a->kind == PL_SA_INET6)
		(void)setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	while (connect(s, (const struct sockaddr *)&a->ss, a->len) != 0) {
		if (errno == EINTR)
			continue;
		if (errno == EINPROGRESS)
			return PL_SOCK_WANT_WRITE;
		return -errno;
	}
	return 0;
}

int pl_sock_connected(int fd)
{
	int err = 0;
	socklen_t len = sizeof(err);

	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
		return -errno;
	return err ? -err : 0;
}

ssize_t pl_sock_send(int fd, const void *p, size_t n)
{
	for (;;) {
		ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
		if (w >= 0)
			return w;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return PL_SOCK_WANT_WRITE;
		return -errno;
	}
}

ssize_t pl_sock_recv(int fd, void *p, size_t n)
{
	for (;;) {
		ssize_t r = recv(fd, p, n, 0);
		if (r >= 0)
			return r;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return PL_SOCK_WANT_READ;
		return -errno;
	}
}

int pl_sock_listen(const pl_sockaddr *a, int backlog, int *fd)
{
	int s, one = 1, e;

	*fd = -1;
	s = socket(a->ss.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (s < 0)
		return -errno;
	(void)setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(s, (const struct sockaddr *)&a->ss, a->len) != 0 || listen(s, backlog) != 0) {
		e = errno;
		close(s);
		return -e;
	}
	*fd = s;
	return 0;
}

int pl_sock_accept(int lfd)
{
	for (;;) {
		int s = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC), one = 1;
		if (s >= 0) {
			/* test peers answer at once, as the client side sends */
			(void)setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
			return s;
		}
		if (errno == EINTR || errno == ECONNABORTED)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return PL_SOCK_WANT_READ;
		return -errno;
	}
}
