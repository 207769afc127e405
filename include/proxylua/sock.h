/*
 * Lua-free socket helpers for proxylua.socket: HAProxy 2.6's destination
 * address syntax (docs/haproxy-socket.md §2), nonblocking TCP/unix connect, send and
 * receive, and TLS over a BIO pair so that every byte goes through our own
 * send(MSG_NOSIGNAL)/recv (no SIGPIPE, no blocking inside OpenSSL).
 *
 * Functions return 0 / a byte count on success, -errno on failure, or one
 * of the PL_SOCK_WANT_* codes when the descriptor must become readable /
 * writable first.
 */
#ifndef PROXYLUA_SOCK_H
#define PROXYLUA_SOCK_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>

/* Beyond any errno: "wait until readable / writable, then call again". */
#define PL_SOCK_WANT_READ  (-100001)
#define PL_SOCK_WANT_WRITE (-100002)

/* Address parse results besides 0. */
#define PL_SOCK_EPARSE  (-100010)   /* "cannot parse destination address" */
#define PL_SOCK_ENOPORT (-100011)   /* "port missing" */

enum { PL_SA_INET = 1, PL_SA_INET6, PL_SA_UNIX, PL_SA_ABNS };

typedef struct pl_sockaddr {
	struct sockaddr_storage ss;
	socklen_t len;
	int kind;            /* PL_SA_* */
	int has_port;        /* the string carried a non-zero port */
} pl_sockaddr;

/*
 * Parse an HAProxy destination (s, n bytes; embedded NULs make it
 * unparsable): "ip:port", "[v6]:port", "v6:port" (the last colon splits),
 * ipv4@/ipv6@/unix@/abns@ prefixes, "/path". No DNS. An IP address with no
 * port (or port 0) parses with has_port = 0: the caller decides whether
 * that means "port missing". Returns 0 or PL_SOCK_EPARSE.
 */
int pl_sock_parse(const char *s, size_t n, pl_sockaddr *out);
/* Set the port of an IP address (truncated to 16 bits, as 2.6 does). */
void pl_sock_setport(pl_sockaddr *a, long port);
/* "127.0.0.1:80", "[::1]:80" or "unix" into buf (at least 64 bytes). */
void pl_sock_format(const struct sockaddr *sa, socklen_t len, char *buf, size_t size);

/*
 * Open a nonblocking, close-on-exec stream socket for `a` and start
 * connecting. *fd is set whenever a descriptor was opened (close it even
 * on failure). Returns 0 (connected), PL_SOCK_WANT_WRITE (in progress:
 * wait for writability, then pl_sock_connected) or -errno.
 */
int pl_sock_connect(const pl_sockaddr *a, int *fd);
/* Outcome of a connect in progress: 0 or -errno (SO_ERROR). */
int pl_sock_connected(int fd);

/* One send(MSG_NOSIGNAL) / recv: count, 0 at end of stream (recv),
 * PL_SOCK_WANT_WRITE / PL_SOCK_WANT_READ, or -errno. */
ssize_t pl_sock_send(int fd, const void *p, size_t n);
ssize_t pl_sock_recv(int fd, void *p, size_t n);

/* Listening socket for tests (nonblocking, SO_REUSEADDR); port 0 picks a
 * free one. Returns 0 or -errno. */
int pl_sock_listen(const pl_sockaddr *a, int backlog, int *fd);
/* Accept one connection (nonblocking): fd >= 0, PL_SOCK_WANT_READ, -errno. */
int pl_sock_accept(int lfd);

/* ---- TLS (OpenSSL) ------------------------------------------------- */

typedef struct ssl_ctx_st pl_tls_ctx;
typedef struct pl_tls {
	struct ssl_st *ssl;
	struct bio_st *net;    /* our end of the BIO pair */
	int eof;               /* the descriptor reached end of stream */
} pl_tls;

/* A client context as HAProxy 2.6 builds the Lua socket's: no
 * verification, no SNI. Returns 0 or -ENOMEM. */
int pl_tls_ctx_client(pl_tls_ctx **out);
/* A server context from PEM files (tests). 0 or -EINVAL / -ENOMEM. */
int pl_tls_ctx_server(pl_tls_ctx **out, const char *cert, const char *key);
void pl_tls_ctx_free(pl_tls_ctx *ctx);

int pl_tls_new(pl_tls *t, pl_tls_ctx *ctx, int server);
void pl_tls_free(pl_tls *t);
/* Drive the handshake: 0 done, PL_SOCK_WANT_*, or -errno (-EPROTO for a
 * TLS failure, -ECONNRESET when the peer closed). */
int pl_tls_handshake(pl_tls *t, int fd);
/* Like pl_sock_send / pl_sock_recv, through TLS. */
ssize_t pl_tls_send(pl_tls *t, int fd, const void *p, size_t n);
ssize_t pl_tls_recv(pl_tls *t, int fd, void *p, size_t n);
/* Send the ciphertext still queued: 0 when none is left, PL_SOCK_WANT_WRITE
 * or -errno. pl_tls_send may leave some queued: flush before waiting for
 * an answer. */
int pl_tls_flush(pl_tls *t, int fd);
/* Queue a close_notify and send what fits without waiting. */
void pl_tls_close_notify(pl_tls *t, int fd);

#endif
