/*
 * proxylua.core_native, OpenSSL part: what the aes_gcm_dec, aes_gcm_enc and
 * jwt_verify converters compute and proxylua.hash does not offer (AEAD
 * encryption and decryption, public-key signature checks). Argument parsing
 * and HAProxy's rules stay in Lua (kw/converters.lua, kw/conv_later.lua);
 * these functions only run the algorithm.
 */
#include <string.h>
#include <crypt.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/ecdsa.h>
#include <openssl/rsa.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include "lnative.h"

static const EVP_CIPHER *gcm_cipher(lua_Integer bits)
{
	switch (bits) {
	case 128: return EVP_aes_128_gcm();
	case 192: return EVP_aes_192_gcm();
	case 256: return EVP_aes_256_gcm();
	default: return NULL;
	}
}

/*
 * One AES-GCM pass (enc 1: encrypt, 0: decrypt). Arguments: bits, nonce,
 * key, the tag when decrypting, the data. Pushes the output and, when
 * encrypting, the 16-byte tag; nil when an input has an unusable size (the
 * key must hold bits/8 bytes, the nonce at least one, a tag 1..16 bytes) or
 * the tag does not authenticate the data.
 */
static int gcm_crypt(lua_State *L, int enc)
{
	size_t nlen, klen, tlen = 16, dlen;
	lua_Integer bits = luaL_checkinteger(L, 1);
	const char *nonce = luaL_checklstring(L, 2, &nlen);
	const char *key = luaL_checklstring(L, 3, &klen);
	const char *tag = enc ? NULL : luaL_checklstring(L, 4, &tlen);
	const char *data = luaL_checklstring(L, enc ? 4 : 5, &dlen);
	const EVP_CIPHER *cipher = gcm_cipher(bits);
	luaL_Buffer b;
	unsigned char *out;
	EVP_CIPHER_CTX *ctx;
	unsigned char tagbuf[16];
	int len = 0, fin = 0, ok;

	if (!cipher || klen < (size_t)EVP_CIPHER_key_length(cipher) || nlen == 0 ||
	    nlen > (size_t)0x7fffffff || tlen == 0 || tlen > 16 || dlen > (size_t)0x7fffffff) {
		lua_pushnil(L);
		return 1;
	}
	if (tag)
		memcpy(tagbuf, tag, tlen); /* OpenSSL takes a non-const pointer */
	/* the Lua buffer first: a memory error must not leak the context */
	out = (unsigned char *)luaL_buffinitsize(L, &b, dlen + 16);
	ctx = EVP_CIPHER_CTX_new();
	if (!ctx)
		return pl_memerror(L);
	ok = EVP_CipherInit_ex(ctx, cipher, NULL, NULL, NULL, enc) == 1 &&
	     EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, (int)nlen, NULL) == 1 &&
	     EVP_CipherInit_ex(ctx, NULL, NULL, (const unsigned char *)key,
	                       (const unsigned char *)nonce, enc) == 1 &&
	     EVP_CipherUpdate(ctx, out, &len, (const unsigned char *)data, (int)dlen) == 1 &&
	     (enc || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, (int)tlen, tagbuf) == 1) &&
	     EVP_CipherFinal_ex(ctx, out + len, &fin) == 1 &&
	     (!enc || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16, tagbuf) == 1);
	EVP_CIPHER_CTX_free(ctx);
	ERR_clear_error();
	if (!ok) {
		lua_pushnil(L);
		return 1;
	}
	luaL_pushresultsize(&b, (size_t)len + (size_t)fin);
	if (!enc)
		return 1;
	lua_pushlstring(L, (const char *)tagbuf, sizeof(tagbuf));
	return 2;
}

/* aes_gcm_dec(bits, nonce, key, tag, data) -> plaintext | nil */
static int native_aes_gcm_dec(lua_State *L)
{
	return gcm_crypt(L, 0);
}

/* aes_gcm_enc(bits, nonce, key, data) -> ciphertext, tag | nil */
static int native_aes_gcm_enc(lua_State *L)
{
	return gcm_crypt(L, 1);
}

/* The public key of a PEM text holding a public key or a certificate. */
static EVP_PKEY *load_pubkey(const char *pem, size_t n)
{
	BIO *bio = BIO_new_mem_buf(pem, (int)n);
	EVP_PKEY *pkey;
	X509 *crt;

	if (!bio)
		return NULL;
	pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
	if (!pkey) {
		(void)BIO_reset(bio);
		crt = PEM_read_bio_X509(bio, NULL, NULL, NULL);
		if (crt) {
			pkey = X509_get_pubkey(crt);
			X509_free(crt);
		}
	}
	BIO_free(bio);
	ERR_clear_error();
	return pkey;
}

/* JWS ES* signatures are r||s; OpenSSL verifies DER. NULL if malformed. */
static unsigned char *ecdsa_der(const unsigned char *sig, size_t n, int *derlen)
{
	ECDSA_SIG *es;
	BIGNUM *r, *s;
	unsigned char *der = NULL;

	if (n == 0 || n % 2 != 0)
		return NULL;
	es = ECDSA_SIG_new();
	r = BN_bin2bn(sig, (int)(n / 2), NULL);
	s = BN_bin2bn(sig + n / 2, (int)(n / 2), NULL);
	if (!es || !r || !s || ECDSA_SIG_set0(es, r, s) != 1) {
		BN_free(r);
		BN_free(s);
		ECDSA_SIG_free(es);
		return NULL;
	}
	*derlen = i2d_ECDSA_SIG(es, &der);
	ECDSA_SIG_free(es);
	if (*derlen <= 0)
		return NULL;
	return der;
}

/*
 * pkey_verify(digest, pem, data, sig, mode) -> 1 (valid), 0 (invalid),
 * or nil when the PEM text holds no usable public key. mode: true for an
 * ECDSA signature as JWT writes it (R||S), "pss" for RSASSA-PSS, else
 * RSA PKCS#1 v1.5.
 */
static int native_pkey_verify(lua_State *L)
{
	size_t plen, dlen, slen;
	const char *md_name = luaL_checkstring(L, 1);
	const char *pem = luaL_checklstring(L, 2, &plen);
	const char *data = luaL_checklstring(L, 3, &dlen);
	const char *sig = luaL_checklstring(L, 4, &slen);
	int pss = lua_type(L, 5) == LUA_TSTRING && strcmp(lua_tostring(L, 5), "pss") == 0;
	int ecdsa = !pss && lua_toboolean(L, 5);
	EVP_PKEY_CTX *pctx = NULL;
	const EVP_MD *md = EVP_get_digestbyname(md_name);
	EVP_PKEY *pkey;
	EVP_MD_CTX *ctx;
	unsigned char *der = NULL;
	const unsigned char *s = (const unsigned char *)sig;
	int derlen = 0, ok = 0;

	if (!md)
		return luaL_argerror(L, 1, "unknown digest");
	pkey = load_pubkey(pem, plen);
	if (!pkey) {
		lua_pushnil(L);
		return 1;
	}
	if (ecdsa) {
		der = ecdsa_der(s, slen, &derlen);
		s = der;
		slen = (size_t)derlen;
	}
	ctx = EVP_MD_CTX_new();
	if (ctx && s)
		ok = EVP_DigestVerifyInit(ctx, &pctx, md, NULL, pkey) == 1 &&
		     (!pss || EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) > 0) &&
		     EVP_DigestVerify(ctx, s, slen, (const unsigned char *)data, dlen) == 1;
	EVP_MD_CTX_free(ctx);
	OPENSSL_free(der);
	EVP_PKEY_free(pkey);
	ERR_clear_error();
	lua_pushinteger(L, ok ? 1 : 0);
	return 1;
}

/*
 * crypt(pass, hash) -> true when crypt(3) of pass with hash's salt gives
 * hash (userlist `password <hash>`). The work area lives in a userdata:
 * crypt_rn is reentrant, crypt() is not.
 */
static int native_crypt(lua_State *L)
{
	const char *pass = luaL_checkstring(L, 1);
	const char *hash = luaL_checkstring(L, 2);
	struct crypt_data *cd = (struct crypt_data *)pl_newuserdata(L, sizeof(*cd), 0);
	const char *out;

	memset(cd, 0, sizeof(*cd));
	out = crypt_rn(pass, hash, cd, (int)sizeof(*cd));
	lua_pushboolean(L, out != NULL && out[0] != '*' && strcmp(out, hash) == 0);
	return 1;
}

static const luaL_Reg crypto_functions[] = {
	{"crypt", native_crypt},
	{"aes_gcm_dec", native_aes_gcm_dec},
	{"aes_gcm_enc", native_aes_gcm_enc},
	{"pkey_verify", native_pkey_verify},
	{NULL, NULL}
};

void pl_core_crypto_open(lua_State *L)
{
	luaL_setfuncs(L, crypto_functions, 0);
}
