/* The builder userdata shared by concat.c and format.c. */
#ifndef PROXYLUA_LCONCAT_H
#define PROXYLUA_LCONCAT_H

#include <stdint.h>
#include <string.h>
#include "proxylua/compat.h"
#include "proxylua/buf.h"

typedef struct pl_concat {
	pl_buf buf;
	int finalized;          /* __gc ran: a resurrected builder may not grow */
} pl_concat;

/* Slow path: grow for n more bytes, or raise "not enough memory" leaving
 * the builder as it was. */
void pl_concat_grow(lua_State *L, pl_concat *c, size_t n);

/* Room for n more bytes at the end; the caller commits what it wrote. */
static inline char *pl_concat_prepare(lua_State *L, pl_concat *c, size_t n)
{
	if (c->buf.cap - c->buf.len < n || c->buf.data == NULL)
		pl_concat_grow(L, c, n);
	return c->buf.data + c->buf.len;
}

/* Typical pieces are a few bytes: copy those inline (two overlapping
 * fixed-size moves) instead of calling memcpy through the PLT. */
static inline void pl_concat_add(lua_State *L, pl_concat *c, const char *s, size_t n)
{
	char *dst = pl_concat_prepare(L, c, n);

	if (n >= 8 && n <= 16) {
		uint64_t head, tail;
		memcpy(&head, s, 8);
		memcpy(&tail, s + n - 8, 8);
		memcpy(dst, &head, 8);
		memcpy(dst + n - 8, &tail, 8);
	} else if (n < 8) {
		size_t i;
		for (i = 0; i < n; i++)
			dst[i] = s[i];
	} else {
		memcpy(dst, s, n);
	}
	c->buf.len += n;
}

/* b:addf(fmt, ...): string.format's language written straight into c. */
int pl_concat_addf(lua_State *L, pl_concat *c);

#endif
