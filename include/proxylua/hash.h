/*
 * HAProxy 2.6's hash, digest, encoding and zlib primitives, without Lua.
 * proxylua.hash binds them, and the emulated txn.c converters call the same
 * functions, so each value has exactly one implementation.
 *
 * Conventions: sizes are size_t, inputs are byte ranges (8-bit clean), and
 * functions that can fail return a negative PL_HASH_E* code. Callers size
 * output buffers with the *_len() helpers before calling.
 */
#ifndef PROXYLUA_HASH_H
#define PROXYLUA_HASH_H

#include <stddef.h>
#include <stdint.h>
#include "proxylua/buf.h"

enum {
	PL_HASH_OK = 0,
	PL_HASH_EINVAL = -1,    /* undecodable input (bad base64, hex, escape, UTF-8) */
	PL_HASH_ENOMEM = -2,    /* the allocator said no */
	PL_HASH_EUNKNOWN = -3,  /* algorithm name unknown to OpenSSL */
	PL_HASH_EUNAVAIL = -4,  /* name known, but no provider can run it (md4) */
	PL_HASH_ECRYPTO = -5,   /* any other OpenSSL failure */
	PL_HASH_ELIMIT = -6,    /* inflate output past its limit */
	PL_HASH_EDATA = -7      /* corrupt or truncated compressed stream */
};

/* ---- HAProxy's hashes (lib/hash_fast.c, hash_crc32.c, hash_crc32c.c,
 * hash_xxh32.c): the values its converters compute, as unsigned C types ---- */
uint32_t pl_hash_sdbm(const void *p, size_t n);
uint32_t pl_hash_djb2(const void *p, size_t n);
uint32_t pl_hash_wt6(const void *p, size_t n);
uint32_t pl_hash_crc32(const void *p, size_t n);
uint32_t pl_hash_crc32c(const void *p, size_t n);
/* HAProxy's post-mix for the five above ("avalanche" argument). */
uint32_t pl_hash_avalanche(uint32_t h);
uint32_t pl_hash_xxh32(const void *p, size_t n, uint32_t seed);
uint64_t pl_hash_xxh64(const void *p, size_t n, uint64_t seed);
uint64_t pl_hash_xxh3(const void *p, size_t n, uint64_t seed);
uint32_t pl_hash_adler32(const void *p, size_t n);

/* ---- encodings (lib/hash_encode.c, lib/hash_json.c) ---- */
/* base64 output size; with url set, the unpadded base64url size. */
size_t pl_b64_enc_len(size_t n, int url);
size_t pl_b64_encode(char *dst, const void *src, size_t n, int url);
/* Worst-case decoded size for n input characters. */
size_t pl_b64_dec_len(size_t n);
/* b64dec / ub64dec semantics (docs/haproxy-hashes.md §8): decoded length or PL_HASH_EINVAL. */
long pl_b64_decode(unsigned char *dst, const char *src, size_t n);
long pl_ub64_decode(unsigned char *dst, const char *src, size_t n);
/* Uppercase hex, 2n characters. */
void pl_hex_encode(char *dst, const void *src, size_t n);
/* hex2i: 0 and *out, or PL_HASH_EINVAL on a non-hex character. */
int pl_hex2i(const char *src, size_t n, int64_t *out);
/* url_dec: stops at the first NUL of src; dst holds n bytes. */
long pl_url_decode(char *dst, const char *src, size_t n, int in_form);
/* url_enc("query"): dst holds 3n bytes; returns the length written. */
size_t pl_url_encode(char *dst, const char *src, size_t n);
void pl_ascii_lower(char *dst, const char *src, size_t n);
void pl_ascii_upper(char *dst, const char *src, size_t n);

enum pl_json_mode {
	PL_JSON_ASCII, PL_JSON_UTF8, PL_JSON_UTF8S, PL_JSON_UTF8P, PL_JSON_UTF8PS
};
/* Mode by HAProxy's name ("" = ascii); -1 for an unknown name. */
int pl_json_mode(const char *name);
/* Largest output for n input bytes (every byte as \u00XX). */
size_t pl_json_len(size_t n);
/* json(mode): dst holds pl_json_len(n); length or PL_HASH_EINVAL. */
long pl_json_escape(char *dst, const char *src, size_t n, int mode);

/* ---- digests and HMAC through OpenSSL 3 (lib/hash_digest.c) ---- */
#define PL_DIGEST_MAX 64        /* EVP_MAX_MD_SIZE */

/* A digest or HMAC context: the algorithm is fetched once, the context is
 * reused for every message. Not shareable between threads. */
typedef struct pl_hctx pl_hctx;

/* alg is looked up as EVP_get_digestbyname does (case-insensitive, OpenSSL
 * aliases): PL_HASH_EUNKNOWN if it does not know the name, PL_HASH_EUNAVAIL
 * if no loaded provider can run it (md4 without the legacy provider). err
 * (may be NULL) receives a message naming the algorithm and OpenSSL's
 * reasons; OpenSSL's error queue is left empty. */
int pl_hctx_new(pl_hctx **c, const char *alg, int hmac, char *err, size_t errlen);
void pl_hctx_free(pl_hctx *c);
size_t pl_hctx_size(const pl_hctx *c);
/* Start a message; key is used by HMAC only (NULL = keep the previous key). */
int pl_hctx_init(pl_hctx *c, const void *key, size_t keylen, char *err, size_t errlen);
int pl_hctx_update(pl_hctx *c, const void *p, size_t n, char *err, size_t errlen);
/* Finish into out (PL_DIGEST_MAX bytes); digest length or negative. */
int pl_hctx_final(pl_hctx *c, unsigned char *out, char *err, size_t errlen);
/* init + update + final in one call. */
int pl_hctx_oneshot(pl_hctx *c, const void *key, size_t keylen, const void *p,
                    size_t n, unsigned char *out, char *err, size_t errlen);

/* Move OpenSSL's error queue into err as "what; reason; reason" and clear
 * it (err may be NULL: the queue is only cleared). */
void pl_crypto_error(char *err, size_t errlen, const char *what);

/* ---- zlib streams with an allocator and an output limit (lib/hash_zlib.c) ---- */
enum pl_z_format { PL_Z_GZIP, PL_Z_ZLIB, PL_Z_RAW, PL_Z_AUTO };
typedef struct pl_zstream pl_zstream;

/* level -1..9 (deflate only); limit 0 = none (inflate only). */
int pl_z_new(pl_zstream **z, int inflate, int format, int level, size_t limit,
             pl_alloc_fn alloc, void *ud);
/* Feed n bytes and append whatever comes out to out. finish set: end the
 * stream (deflate), or require that it ended (inflate). Returns 0 or
 * PL_HASH_EDATA / ELIMIT / ENOMEM; the message is pl_z_error(). */
int pl_z_feed(pl_zstream *z, const void *p, size_t n, int finish, pl_buf *out);
/* 1 once the (last) compressed stream has ended (inflate). */
int pl_z_done(const pl_zstream *z);
const char *pl_z_error(const pl_zstream *z);
void pl_z_free(pl_zstream *z);

#endif
