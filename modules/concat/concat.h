/* The builder userdata shared by concat.c and format.c. */
#ifndef PROXYLUA_CONCAT_H
#define PROXYLUA_CONCAT_H

#include "proxylua/compat.h"
#include "proxylua/buf.h"

typedef struct pl_concat {
	pl_buf buf;
} pl_concat;

/* Append or raise "not enough memory", leaving the builder as it was. */
static inline void pl_concat_add(lua_State *L, pl_concat *c, const char *s, size_t n)
{
	if (pl_buf_add(&c->buf, s, n) != 0)
		pl_memerror(L);
}

static inline char *pl_concat_prepare(lua_State *L, pl_concat *c, size_t n)
{
	char *p = pl_buf_prepare(&c->buf, n);
	if (p == NULL)
		pl_memerror(L);
	return p;
}

/* b:addf(fmt, ...): string.format's language written straight into c. */
int pl_concat_addf(lua_State *L, pl_concat *c);

#endif
