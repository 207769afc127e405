/*
 * proxylua.socket internals shared by socket.c (object, lifecycle, small
 * methods, waiting), connect.c (connect, connect_ssl, TLS context), io.c
 * (send, receive) and peer.c (test helpers).
 *
 * A Socket is what HAProxy 2.6's core.tcp() returns: a table whose [0] is
 * the userdata below; the userdata's uservalue is the loop it waits on.
 * Methods stack layout: 1 = self table, ..., and the continuation
 * functions find the userdata at the fixed index SK_UD.
 */
#ifndef PROXYLUA_LSOCK_H
#define PROXYLUA_LSOCK_H

#include <stdint.h>
#include "proxylua/compat.h"
#include "proxylua/buf.h"
#include "proxylua/sock.h"
#include "proxylua/loopseam.h"

#define SOCK_MT   "proxylua.socket"       /* the table's metatable */
#define SOCKUD_MT "proxylua.socket.ud"    /* the [0] userdata's */
#define CLOSED_MSG "connection closed."
#define LINE_LOST_MSG "proxylua.socket: partial line lost at a timeout"

enum { SK_NEW, SK_CONNECTING, SK_CONN, SK_DEAD };

typedef struct lsock {
	int fd;                 /* -1 when none */
	int state;              /* SK_* */
	int eof;                /* the peer ended its stream (FIN, RST) */
	int timed_out;          /* killed by the inactivity timeout */
	int err;                /* errno of the failure that ended it, 0: none
	                         * (not HAProxy API: socket._error, for the
	                         * luasocket shim's error strings) */
	int tls_on;             /* tls is set up */
	int waiters;            /* adapters: calls parked in wait (a real loop is asked) */
	int gone;               /* collected: nobody can be parked on it */
	int phase;              /* connect progress */
	pl_tls tls;
	pl_buf rbuf;            /* received, not yet consumed: [rpos, len) */
	size_t rpos;
	pl_buf early;           /* send() before connect */
	size_t early_off;
	long tmo_ms;            /* settimeout value, -1: never set */
	lua_Number deadline;    /* inactivity deadline (l:now() scale), 0: none */
	lua_Number cdeadline;   /* connect + handshake deadline */
	pl_sockaddr dst;        /* the configured destination */
	const pl_loopseam *seam; /* a proxylua.loop's C seam, NULL: an adapter */
	const void *creator;    /* task that made it (rule 2), NULL: none */
	unsigned long resumes;  /* its resume count then */
	int outside;            /* opts.outside: send allowed outside a task, never waiting */
	int line_lost_raises;   /* opts.line_lost_raises: a partial *l line lost at a timeout raises */
} lsock;

/* socket.c */
lsock *pl_sk_self(lua_State *L);                /* checks 1, pushes ud at SK_UD */
int pl_sk_in_task(lua_State *L, lsock *s, int ud);
int pl_sk_rule2_dead(lua_State *L, lsock *s, int ud);
lua_Number pl_sk_now(lua_State *L, int ud);
int pl_sk_expired(lua_State *L, lsock *s, int ud);
void pl_sk_touch(lua_State *L, lsock *s, int ud);
void pl_sk_kill(lua_State *L, lsock *s, int ud, int timed_out);
void pl_sk_release_fd(lua_State *L, lsock *s, int ud);
int pl_sk_wait(lua_State *L, lsock *s, int ud, int want, lua_Number timeout,
               lua_KContext ctx, lua_KFunction k);
int pl_sk_wait_result(lua_State *L, lsock *s, int ud, int *timedout);
void pl_sk_wait_status(lua_State *L, lsock *s, int ud, int status);
lua_Number pl_sk_left(lua_State *L, int ud, lua_Number deadline);

/* connect.c */
int pl_sk_connect(lua_State *L);
int pl_sk_connect_ssl(lua_State *L);

/* io.c */
int pl_sk_send(lua_State *L);
int pl_sk_receive(lua_State *L);
ssize_t pl_sk_write(lsock *s, const char *p, size_t n);

/* peer.c */
void pl_sk_register_helpers(lua_State *L);

#endif
