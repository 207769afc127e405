/*
 * A growable byte buffer that knows nothing of Lua. Memory comes from an
 * allocator with lua_Alloc's signature, so a binding passes the state's own
 * allocator (lua_getallocf) and HAProxy's tune.lua.maxmem counts the bytes.
 * Growth is geometric: n appends cost O(n) copies in total.
 */
#ifndef PROXYLUA_BUF_H
#define PROXYLUA_BUF_H

#include <stddef.h>
#include <string.h>

typedef void *(*pl_alloc_fn)(void *ud, void *ptr, size_t osize, size_t nsize);

typedef struct pl_buf {
	char *data;
	size_t len;
	size_t cap;
	pl_alloc_fn alloc;
	void *alloc_ud;
} pl_buf;

void pl_buf_init(pl_buf *b, pl_alloc_fn alloc, void *ud);
/* Make room for `extra` more bytes. Returns 0, or -1 when memory ran out
 * (the buffer is then unchanged and still usable). */
int pl_buf_grow(pl_buf *b, size_t extra);
void pl_buf_free(pl_buf *b);

/* Pointer to `n` writable bytes at the end, or NULL when memory ran out;
 * the caller writes and then commits with pl_buf_commit. */
static inline char *pl_buf_prepare(pl_buf *b, size_t n)
{
	/* data is NULL until the first allocation: get one even for n == 0 so
	 * that NULL only ever means "out of memory". */
	if ((b->cap - b->len < n || b->data == NULL) && pl_buf_grow(b, n ? n : 1) != 0)
		return NULL;
	return b->data + b->len;
}

static inline void pl_buf_commit(pl_buf *b, size_t n)
{
	b->len += n;
}

static inline int pl_buf_add(pl_buf *b, const void *p, size_t n)
{
	char *dst = pl_buf_prepare(b, n);
	if (dst == NULL)
		return -1;
	if (n)
		memcpy(dst, p, n);
	b->len += n;
	return 0;
}

#endif
