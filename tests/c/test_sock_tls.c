/* Unit tests for lib/sock_tls.c: a client and a server (throwaway EC
 * certificate made here) over a nonblocking socketpair, driven by hand. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include "proxylua/sock.h"

static int passed, failed;

#define CHECK(cond) do { \
		if (cond) passed++; \
		else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
	} while (0)

static char certf[64], keyf[64];

/* Self-signed P-256 certificate for CN peer.test into two temp files. */
static int make_cert(void)
{
	EVP_PKEY *k = EVP_EC_gen("P-256");
	X509 *x = X509_new();
	X509_NAME *n;
	FILE *f;
	int fd, ok = 0;

	if (k == NULL || x == NULL)
		goto out;
	X509_set_version(x, 2);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
	X509_gmtime_adj(X509_getm_notBefore(x), 0);
	X509_gmtime_adj(X509_getm_notAfter(x), 86400);
	X509_set_pubkey(x, k);
	n = X509_get_subject_name(x);
	X509_NAME_add_entry_by_txt(n, "CN", MBSTRING_ASC, (const unsigned char *)"peer.test", -1, -1, 0);
	X509_set_issuer_name(x, n);
	if (X509_sign(x, k, EVP_sha256()) == 0)
		goto out;
	strcpy(certf, "/tmp/pl_tls_certXXXXXX");
	strcpy(keyf, "/tmp/pl_tls_keyXXXXXX");
	if ((fd = mkstemp(certf)) < 0 || (f = fdopen(fd, "w")) == NULL)
		goto out;
	PEM_write_X509(f, x);
	fclose(f);
	if ((fd = mkstemp(keyf)) < 0 || (f = fdopen(fd, "w")) == NULL)
		goto out;
	PEM_write_PrivateKey(f, k, NULL, NULL, 0, NULL, NULL);
	fclose(f);
	ok = 1;
out:
	X509_free(x);
	EVP_PKEY_free(k);
	return ok;
}

static void nonblock(int fd)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static int want(int rc)
{
	return rc == PL_SOCK_WANT_READ || rc == PL_SOCK_WANT_WRITE;
}

static void test_session(pl_tls_ctx *cctx, pl_tls_ctx *sctx)
{
	int sv[2], rc_c = 1, rc_s = 1, i;
	pl_tls c, s;
	char *big = malloc(1 << 20), *got = malloc(1 << 20);
	size_t sent = 0, recvd = 0;

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	nonblock(sv[0]);
	nonblock(sv[1]);
	CHECK(pl_tls_new(&c, cctx, 0) == 0);
	CHECK(pl_tls_new(&s, sctx, 1) == 0);
	for (i = 0; i < 100 && (rc_c != 0 || rc_s != 0); i++) {
		if (rc_c != 0)
			rc_c = pl_tls_handshake(&c, sv[0]);
		if (rc_s != 0)
			rc_s = pl_tls_handshake(&s, sv[1]);
		CHECK(rc_c == 0 || want(rc_c));
		CHECK(rc_s == 0 || want(rc_s));
	}
	CHECK(rc_c == 0 && rc_s == 0);
	/* 1 MiB of 8-bit data, pumped both ways until it all arrived */
	for (i = 0; i < (1 << 20); i++)
		big[i] = (char)(i * 7);
	for (i = 0; i < 100000 && recvd < (1u << 20); i++) {
		ssize_t r;
		if (sent < (1u << 20)) {
			r = pl_tls_send(&c, sv[0], big + sent, (1u << 20) - sent);
			CHECK(r > 0 || want((int)r));
			if (r > 0)
				sent += (size_t)r;
		} else {
			(void)pl_tls_flush(&c, sv[0]);
		}
		r = pl_tls_recv(&s, sv[1], got + recvd, (1u << 20) - recvd);
		CHECK(r > 0 || want((int)r));
		if (r > 0)
			recvd += (size_t)r;
	}
	CHECK(recvd == (1u << 20) && memcmp(big, got, 1u << 20) == 0);
	/* close_notify reads as the end of the stream */
	pl_tls_close_notify(&c, sv[0]);
	{
		char b[16];
		ssize_t r = pl_tls_recv(&s, sv[1], b, sizeof(b));
		CHECK(r == 0);
	}
	pl_tls_free(&c);
	pl_tls_free(&s);
	pl_tls_free(&s);                         /* idempotent */
	close(sv[0]);
	close(sv[1]);
	free(big);
	free(got);
}

/* A plain peer that echoes the ClientHello back: a TLS failure, not a hang. */
static void test_garbage(pl_tls_ctx *cctx)
{
	int sv[2], rc, i;
	pl_tls c;
	char buf[4096];

	CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
	nonblock(sv[0]);
	nonblock(sv[1]);
	CHECK(pl_tls_new(&c, cctx, 0) == 0);
	rc = pl_tls_handshake(&c, sv[0]);
	CHECK(rc == PL_SOCK_WANT_READ);
	CHECK(write(sv[1], "HTTP/1.0 400 Bad request\r\n\r\n", 28) == 28);
	for (i = 0; i < 10 && want(rc); i++)
		rc = pl_tls_handshake(&c, sv[0]);
	CHECK(rc == -EPROTO);
	pl_tls_free(&c);
	/* peer closes during the handshake */
	CHECK(pl_tls_new(&c, cctx, 0) == 0);
	while (read(sv[1], buf, sizeof(buf)) > 0)
		;
	close(sv[1]);
	rc = pl_tls_handshake(&c, sv[0]);
	CHECK(rc < 0 && !want(rc));
	pl_tls_free(&c);
	close(sv[0]);
}

int main(void)
{
	pl_tls_ctx *cctx = NULL, *sctx = NULL;

	CHECK(make_cert());
	CHECK(pl_tls_ctx_client(&cctx) == 0);
	CHECK(pl_tls_ctx_server(&sctx, certf, keyf) == 0);
	{
		pl_tls_ctx *bad = NULL;
		CHECK(pl_tls_ctx_server(&bad, "/nonexistent", keyf) == -EINVAL && bad == NULL);
	}
	if (cctx && sctx) {
		test_session(cctx, sctx);
		test_garbage(cctx);
	}
	pl_tls_ctx_free(cctx);
	pl_tls_ctx_free(sctx);
	unlink(certf);
	unlink(keyf);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
