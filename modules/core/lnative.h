/* Shared by the C parts of proxylua.core_native. */
#ifndef PROXYLUA_LNATIVE_H
#define PROXYLUA_LNATIVE_H

#include <stddef.h>
#include "proxylua/compat.h"

/* Adds `regex` (the PCRE2 constructor) to the module table on top. */
void pl_core_regex_open(lua_State *L);

/* Adds aes_gcm_dec, aes_gcm_enc, pkey_verify (OpenSSL) and crypt (libcrypt) to the module
 * table on top. */
void pl_core_crypto_open(lua_State *L);

#endif
