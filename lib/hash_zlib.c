/*
 * zlib deflate/inflate streams for gzip, zlib and raw deflate, with every
 * byte allocated through a lua_Alloc-style function (so tune.lua.maxmem
 * sees zlib's windows too) and an output limit on inflate: a decompression
 * bomb stops at limit+1 bytes instead of eating memory.
 */
#include <stdio.h>
#include <string.h>
#include <zlib.h>
#include "proxylua/hash.h"

#define ZCHUNK 16384
#define ZMAXOUT ((size_t)1 << 26)
/* zlib's free() gives no size but a lua_Alloc needs the old size: keep it
 * in a header, 16 bytes so that the block stays max-aligned. */
#define ZHDR 16

struct pl_zstream {
	z_stream s;
	pl_alloc_fn alloc;
	void *ud;
	size_t limit;           /* 0: none */
	size_t total;           /* bytes produced so far */
	int inflate;
	int format;
	int ended;              /* Z_STREAM_END seen (last member) */
	int broken;             /* an error happened: the stream is unusable */
	char msg[160];
};

static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
	pl_zstream *z = opaque;
	size_t n = (size_t)items * size;
	unsigned char *p;

	if (size != 0 && n / size != items)
		return Z_NULL;
	p = z->alloc(z->ud, NULL, 0, n + ZHDR);
	if (p == NULL)
		return Z_NULL;
	*(size_t *)(void *)p = n + ZHDR;
	return p + ZHDR;
}

static void z_free(voidpf opaque, voidpf addr)
{
	pl_zstream *z = opaque;
	unsigned char *p = addr;

	if (p == NULL)
		return;
	p -= ZHDR;
	z->alloc(z->ud, p, *(size_t *)(void *)p, 0);
}

static int window_bits(int format, int inflate)
{
	switch (format) {
	case PL_Z_GZIP: return 15 + 16;
	case PL_Z_RAW: return -15;
	case PL_Z_AUTO: return inflate ? 15 + 32 : 15 + 16;
	default: return 15;
	}
}

int pl_z_new(pl_zstream **out, int inflate, int format, int level, size_t limit,
             pl_alloc_fn alloc, void *ud)
{
	pl_zstream *z = alloc(ud, NULL, 0, sizeof(*z));
	int r;

	*out = NULL;
	if (z == NULL)
		return PL_HASH_ENOMEM;
	memset(z, 0, sizeof(*z));
	z->alloc = alloc;
	z->ud = ud;
	z->inflate = inflate;
	z->format = format;
	z->limit = limit;
	z->s.zalloc = z_alloc;
	z->s.zfree = z_free;
	z->s.opaque = z;
	if (inflate)
		r = inflateInit2(&z->s, window_bits(format, 1));
	else
		r = deflateInit2(&z->s, level, Z_DEFLATED, window_bits(format, 0), 8,
		                 Z_DEFAULT_STRATEGY);
	if (r != Z_OK) {
		alloc(ud, z, sizeof(*z), 0);
		return r == Z_MEM_ERROR ? PL_HASH_ENOMEM : PL_HASH_EINVAL;
	}
	*out = z;
	return PL_HASH_OK;
}

void pl_z_free(pl_zstream *z)
{
	if (z == NULL)
		return;
	if (z->inflate)
		inflateEnd(&z->s);
	else
		deflateEnd(&z->s);
	z->alloc(z->ud, z, sizeof(*z), 0);
}

const char *pl_z_error(const pl_zstream *z)
{
	return z->msg;
}

int pl_z_done(const pl_zstream *z)
{
	return z->ended;
}

static int z_fail(pl_zstream *z, int code, const char *what)
{
	snprintf(z->msg, sizeof(z->msg), "%s%s%s", what,
	         z->s.msg ? ": " : "", z->s.msg ? z->s.msg : "");
	z->broken = 1;
	return code;
}

/* Room for the next piece of output; for inflate never more than one byte
 * past the limit, so crossing it costs no big allocation. */
static size_t out_room(const pl_zstream *z, size_t want)
{
	if (z->inflate && z->limit && z->limit - z->total + 1 < want)
		return z->limit - z->total + 1;
	return want;
}

static int z_deflate(pl_zstream *z, int finish, pl_buf *out)
{
	int r;

	do {
		size_t room = ZCHUNK + (size_t)z->s.avail_in / 2;
		char *dst = pl_buf_prepare(out, room);

		if (dst == NULL)
			return z_fail(z, PL_HASH_ENOMEM, "out of memory");
		z->s.next_out = (Bytef *)dst;
		z->s.avail_out = (uInt)room;
		r = deflate(&z->s, finish ? Z_FINISH : Z_NO_FLUSH);
		pl_buf_commit(out, room - z->s.avail_out);
		if (r == Z_STREAM_ERROR)
			return z_fail(z, PL_HASH_EDATA, "deflate failed");
	} while (z->s.avail_out == 0 || (finish && r != Z_STREAM_END));
	if (finish)
		z->ended = 1;
	return PL_HASH_OK;
}

static int z_inflate(pl_zstream *z, pl_buf *out)
{
	/* "auto": zlib tells gzip from zlib by itself, but what may follow the
	 * end depends on which it was. 0x1f can never start a zlib stream (its
	 * low nibble would name a method other than deflate), so the first byte
	 * decides. */
	if (z->format == PL_Z_AUTO && z->s.avail_in > 0 && z->s.total_in == 0)
		z->format = z->s.next_in[0] == 0x1f ? PL_Z_GZIP : PL_Z_ZLIB;
	for (;;) {
		size_t room, got;
		char *dst;
		int r;

		if (z->ended) {
			if (z->s.avail_in == 0)
				return PL_HASH_OK;
			/* More input after the end: another gzip member (what gzip
			 * itself accepts), or garbage. */
			if (z->format == PL_Z_ZLIB || z->format == PL_Z_RAW)
				return z_fail(z, PL_HASH_EDATA, "trailing data after end of stream");
			if (inflateReset(&z->s) != Z_OK)
				return z_fail(z, PL_HASH_EDATA, "inflate reset failed");
			z->ended = 0;
		}
		/* Guess 4x the input, within one zlib call's reach. */
		room = (size_t)z->s.avail_in * 4;
		room = out_room(z, room < ZCHUNK ? ZCHUNK : room > ZMAXOUT ? ZMAXOUT : room);
		dst = pl_buf_prepare(out, room);
		if (dst == NULL)
			return z_fail(z, PL_HASH_ENOMEM, "out of memory");
		z->s.next_out = (Bytef *)dst;
		z->s.avail_out = (uInt)room;
		r = inflate(&z->s, Z_NO_FLUSH);
		got = room - z->s.avail_out;
		pl_buf_commit(out, got);
		z->total += got;
		if (z->limit && z->total > z->limit) {
			char what[96];
			snprintf(what, sizeof(what), "inflated size exceeds the limit of %zu bytes", z->limit);
			z->s.msg = NULL;
			return z_fail(z, PL_HASH_ELIMIT, what);
		}
		switch (r) {
		case Z_STREAM_END:
			z->ended = 1;
			break;
		case Z_OK:
			break;
		case Z_BUF_ERROR:       /* no progress: all input used */
			return PL_HASH_OK;
		case Z_MEM_ERROR:
			return z_fail(z, PL_HASH_ENOMEM, "out of memory");
		case Z_NEED_DICT:
			z->s.msg = NULL;
			return z_fail(z, PL_HASH_EDATA, "corrupt stream: needs a preset dictionary");
		default:
			return z_fail(z, PL_HASH_EDATA, "corrupt stream");
		}
		if (z->s.avail_in == 0 && z->s.avail_out != 0 && !z->ended)
			return PL_HASH_OK;
	}
}

int pl_z_feed(pl_zstream *z, const void *p, size_t n, int finish, pl_buf *out)
{
	const unsigned char *s = p;
	int r = PL_HASH_OK;

	if (z->broken) {
		snprintf(z->msg, sizeof(z->msg), "stream is unusable after an error");
		return PL_HASH_EDATA;
	}
	if (!z->inflate && z->ended) {
		snprintf(z->msg, sizeof(z->msg), "stream already finished");
		return PL_HASH_EDATA;
	}
	/* zlib counts in uInt: feed very large inputs in slices. */
	do {
		uInt step = n > 0x40000000u ? 0x40000000u : (uInt)n;
		int last = step == n;

		z->s.next_in = (Bytef *)(uintptr_t)s;
		z->s.avail_in = step;
		r = z->inflate ? z_inflate(z, out) : z_deflate(z, finish && last, out);
		s += step;
		n -= step;
	} while (r == PL_HASH_OK && n > 0);
	z->s.next_in = Z_NULL;
	z->s.avail_in = 0;
	if (r == PL_HASH_OK && finish && z->inflate && !z->ended) {
		z->s.msg = NULL;
		r = z_fail(z, PL_HASH_EDATA, "truncated stream");
	}
	return r;
}
