/*
 * TLS for proxylua.socket. OpenSSL talks to a BIO pair; we move the
 * ciphertext between the pair and the nonblocking descriptor ourselves, so
 * no OpenSSL call ever blocks or raises SIGPIPE, and a "want read/write"
 * always means our descriptor has to become ready.
 */
#include <errno.h>
#include <limits.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include "proxylua/sock.h"

#define PAIR_SIZE (64 * 1024)

int pl_tls_ctx_client(pl_tls_ctx **out)
{
	SSL_CTX *c = SSL_CTX_new(TLS_client_method());

	if (c == NULL)
		return -ENOMEM;
	/* HAProxy 2.6's Lua socket server line says "verify none" */
	SSL_CTX_set_verify(c, SSL_VERIFY_NONE, NULL);
	SSL_CTX_set_mode(c, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	*out = c;
	return 0;
}

int pl_tls_ctx_server(pl_tls_ctx **out, const char *cert, const char *key)
{
	SSL_CTX *c = SSL_CTX_new(TLS_server_method());

	if (c == NULL)
		return -ENOMEM;
	SSL_CTX_set_mode(c, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
	if (SSL_CTX_use_certificate_chain_file(c, cert) != 1 ||
	    SSL_CTX_use_PrivateKey_file(c, key, SSL_FILETYPE_PEM) != 1) {
		ERR_clear_error();
		SSL_CTX_free(c);
		return -EINVAL;
	}
	*out = c;
	return 0;
}

void pl_tls_ctx_free(pl_tls_ctx *ctx)
{
	SSL_CTX_free(ctx);
}

int pl_tls_new(pl_tls *t, pl_tls_ctx *ctx, int server)
{
	BIO *inner = NULL;

	t->net = NULL;
	t->eof = 0;
	t->ssl = SSL_new(ctx);
	if (t->ssl == NULL)
		return -ENOMEM;
	if (BIO_new_bio_pair(&inner, PAIR_SIZE, &t->net, PAIR_SIZE) != 1) {
		SSL_free(t->ssl);
		t->ssl = NULL;
		return -ENOMEM;
	}
	SSL_set_bio(t->ssl, inner, inner);
	if (server)
		SSL_set_accept_state(t->ssl);
	else
		SSL_set_connect_state(t->ssl);
	return 0;
}

void pl_tls_free(pl_tls *t)
{
	if (t->ssl != NULL)
		SSL_free(t->ssl);       /* frees the inner half */
	if (t->net != NULL)
		BIO_free(t->net);
	t->ssl = NULL;
	t->net = NULL;
}

int pl_tls_flush(pl_tls *t, int fd)
{
	for (;;) {
		char *p;
		int n = BIO_nread0(t->net, &p);
		ssize_t w;

		if (n <= 0)
			return 0;
		w = pl_sock_send(fd, p, (size_t)n);
		if (w < 0)
			return (int)w;
		BIO_nread(t->net, &p, (int)w);
	}
}

/* Ciphertext from the descriptor into the pair: > 0, 0 at end of stream
 * (the pair then reports EOF to OpenSSL), PL_SOCK_WANT_READ or -errno. */
static ssize_t fill(pl_tls *t, int fd)
{
	char *p;
	int room;
	ssize_t r;

	if (t->eof)
		return 0;
	room = BIO_nwrite0(t->net, &p);
	if (room <= 0)
		return 1;               /* full: OpenSSL has input to chew on */
	r = pl_sock_recv(fd, p, (size_t)room);
	if (r > 0) {
		BIO_nwrite(t->net, &p, (int)r);
	} else if (r == 0) {
		t->eof = 1;
		(void)BIO_shutdown_wr(t->net);
	}
	return r;
}

/*
 * After an SSL call returned ret <= 0: move ciphertext the way it asked.
 * Returns 1 to call it again, or the code for the caller.
 */
static ssize_t pump(pl_tls *t, int fd, int ret, int eof_code)
{
	int e = SSL_get_error(t->ssl, ret), f;
	ssize_t r;

	f = pl_tls_flush(t, fd);
	if (f < 0 && f != PL_SOCK_WANT_WRITE)
		return f;
	switch (e) {
	case SSL_ERROR_WANT_READ:
		if (f == PL_SOCK_WANT_WRITE)
			return f;
		r = fill(t, fd);
		if (r > 0)
			return 1;
		return r == 0 ? eof_code : r;
	case SSL_ERROR_WANT_WRITE:
		return f == PL_SOCK_WANT_WRITE ? f : 1;
	case SSL_ERROR_ZERO_RETURN:
		return eof_code;
	case SSL_ERROR_SYSCALL:
		if (t->eof)
			return eof_code;
		return -ECONNRESET;
	default:
		return -EPROTO;
	}
}

int pl_tls_handshake(pl_tls *t, int fd)
{
	for (;;) {
		int r;
		ssize_t p;

		ERR_clear_error();
		r = SSL_do_handshake(t->ssl);
		if (r == 1) {
			ERR_clear_error();
			return pl_tls_flush(t, fd);
		}
		p = pump(t, fd, r, -ECONNRESET);
		ERR_clear_error();
		if (p != 1)
			return (int)p;
	}
}

ssize_t pl_tls_send(pl_tls *t, int fd, const void *buf, size_t n)
{
	int chunk = n > INT_MAX ? INT_MAX : (int)n;

	for (;;) {
		int r;
		ssize_t p;

		ERR_clear_error();
		r = SSL_write(t->ssl, buf, chunk);
		if (r > 0) {
			int f = pl_tls_flush(t, fd);
			if (f < 0 && f != PL_SOCK_WANT_WRITE)
				return f;
			return r;
		}
		p = pump(t, fd, r, -EPIPE);
		ERR_clear_error();
		if (p != 1)
			return p;
	}
}

ssize_t pl_tls_recv(pl_tls *t, int fd, void *buf, size_t n)
{
	int chunk = n > INT_MAX ? INT_MAX : (int)n;

	for (;;) {
		int r;
		ssize_t p;

		ERR_clear_error();
		r = SSL_read(t->ssl, buf, chunk);
		if (r > 0)
			return r;
		p = pump(t, fd, r, 0);
		ERR_clear_error();
		if (p != 1)
			return p;
	}
}

void pl_tls_close_notify(pl_tls *t, int fd)
{
	ERR_clear_error();
	(void)SSL_shutdown(t->ssl);
	ERR_clear_error();
	(void)pl_tls_flush(t, fd);
}
