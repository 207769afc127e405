/*
 * Digests and HMAC through OpenSSL 3's EVP layer. An algorithm is fetched
 * once (EVP_MD_fetch / EVP_MAC_fetch) and its context reused, which avoids
 * the per-call implicit fetch that makes OpenSSL 3's one-shot helpers slow.
 * Name lookup follows EVP_get_digestbyname, as HAProxy's digest and hmac
 * converters do, so the same names are accepted and refused.
 */
#include <stdio.h>
#include <string.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include "proxylua/hash.h"

struct pl_hctx {
	EVP_MD *md;             /* fetched digest (both kinds) */
	EVP_MD_CTX *mdctx;      /* digest mode */
	EVP_MAC *mac;           /* HMAC mode */
	EVP_MAC_CTX *macctx;
	size_t size;
};

void pl_crypto_error(char *err, size_t errlen, const char *what)
{
	unsigned long e;
	size_t len = 0;

	if (err != NULL && errlen > 0) {
		int w = snprintf(err, errlen, "%s", what);
		len = w < 0 ? 0 : (size_t)w < errlen ? (size_t)w : errlen - 1;
	}
	while ((e = ERR_get_error()) != 0) {
		char one[256];
		int w;

		if (err == NULL || len + 1 >= errlen)
			continue;       /* keep draining: the queue must end empty */
		ERR_error_string_n(e, one, sizeof(one));
		w = snprintf(err + len, errlen - len, "%s%s", len ? "; " : "", one);
		if (w > 0)
			len += (size_t)w < errlen - len ? (size_t)w : errlen - len - 1;
	}
	ERR_clear_error();
}

static int fail(char *err, size_t errlen, int code, const char *what, const char *alg)
{
	char msg[160];

	snprintf(msg, sizeof(msg), "%s '%s'", what, alg);
	pl_crypto_error(err, errlen, msg);
	return code;
}

int pl_hctx_new(pl_hctx **out, const char *alg, int hmac, char *err, size_t errlen)
{
	pl_hctx *c;

	*out = NULL;
	/* The name must be one EVP_get_digestbyname knows (HAProxy's check);
	 * then a provider must be able to run it. */
	if (EVP_get_digestbyname(alg) == NULL)
		return fail(err, errlen, PL_HASH_EUNKNOWN, "unknown digest", alg);
	c = OPENSSL_zalloc(sizeof(*c));
	if (c == NULL)
		return fail(err, errlen, PL_HASH_ENOMEM, "out of memory for", alg);
	c->md = EVP_MD_fetch(NULL, alg, NULL);
	if (c->md == NULL) {
		pl_hctx_free(c);
		return fail(err, errlen, PL_HASH_EUNAVAIL, "digest unavailable", alg);
	}
	c->size = (size_t)EVP_MD_get_size(c->md);
	if (!hmac) {
		c->mdctx = EVP_MD_CTX_new();
		if (c->mdctx == NULL) {
			pl_hctx_free(c);
			return fail(err, errlen, PL_HASH_ENOMEM, "out of memory for", alg);
		}
	} else {
		OSSL_PARAM params[2];

		c->mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
		c->macctx = c->mac ? EVP_MAC_CTX_new(c->mac) : NULL;
		/* Set the digest now so that each message only re-keys. */
		params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
			(char *)EVP_MD_get0_name(c->md), 0);
		params[1] = OSSL_PARAM_construct_end();
		if (c->macctx == NULL || !EVP_MAC_CTX_set_params(c->macctx, params)) {
			pl_hctx_free(c);
			return fail(err, errlen, PL_HASH_EUNAVAIL, "HMAC unavailable for", alg);
		}
	}
	if (c->size == 0 || c->size > PL_DIGEST_MAX) {
		pl_hctx_free(c);
		return fail(err, errlen, PL_HASH_EUNAVAIL, "unsupported digest size for", alg);
	}
	*out = c;
	return PL_HASH_OK;
}

void pl_hctx_free(pl_hctx *c)
{
	if (c == NULL)
		return;
	EVP_MD_CTX_free(c->mdctx);
	EVP_MAC_CTX_free(c->macctx);
	EVP_MAC_free(c->mac);
	EVP_MD_free(c->md);
	OPENSSL_free(c);
}

size_t pl_hctx_size(const pl_hctx *c)
{
	return c->size;
}

int pl_hctx_init(pl_hctx *c, const void *key, size_t keylen, char *err, size_t errlen)
{
	int ok;

	if (c->mdctx != NULL) {
		ok = EVP_DigestInit_ex(c->mdctx, c->md, NULL);
	} else {
		/* HMAC: a NULL key keeps the current one (reset). OpenSSL wants a
		 * non-NULL pointer even for an empty key. */
		if (key == NULL && keylen == 0)
			ok = EVP_MAC_init(c->macctx, NULL, 0, NULL);
		else
			ok = EVP_MAC_init(c->macctx, key ? key : (const void *)"", keylen, NULL);
	}
	if (!ok) {
		pl_crypto_error(err, errlen, c->mdctx ? "digest init failed" : "HMAC init failed");
		return PL_HASH_ECRYPTO;
	}
	return PL_HASH_OK;
}

int pl_hctx_update(pl_hctx *c, const void *p, size_t n, char *err, size_t errlen)
{
	int ok = c->mdctx ? EVP_DigestUpdate(c->mdctx, p, n) : EVP_MAC_update(c->macctx, p, n);

	if (!ok) {
		pl_crypto_error(err, errlen, "digest update failed");
		return PL_HASH_ECRYPTO;
	}
	return PL_HASH_OK;
}

int pl_hctx_final(pl_hctx *c, unsigned char *out, char *err, size_t errlen)
{
	unsigned int ulen = 0;
	size_t slen = 0;
	int ok;

	if (c->mdctx != NULL) {
		ok = EVP_DigestFinal_ex(c->mdctx, out, &ulen);
		slen = ulen;
	} else {
		ok = EVP_MAC_final(c->macctx, out, &slen, PL_DIGEST_MAX);
	}
	if (!ok) {
		pl_crypto_error(err, errlen, "digest final failed");
		return PL_HASH_ECRYPTO;
	}
	return (int)slen;
}

int pl_hctx_oneshot(pl_hctx *c, const void *key, size_t keylen, const void *p,
                    size_t n, unsigned char *out, char *err, size_t errlen)
{
	int r = pl_hctx_init(c, key ? key : (const void *)"", keylen, err, errlen);

	if (r == PL_HASH_OK)
		r = pl_hctx_update(c, p, n, err, errlen);
	if (r == PL_HASH_OK)
		r = pl_hctx_final(c, out, err, errlen);
	return r;
}
