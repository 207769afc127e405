/* Reading map files the way HAProxy 2.6 does (see docs/map.md, "file format"). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "map_internal.h"

static int is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/*
 * HAProxy reads with fgets() into 16,384 bytes: a longer physical line is cut
 * into 16,383-byte pieces, each parsed (and counted) as a line. Each piece is
 * a C string, so it ends at its first NUL.
 */
int pl_map_parse(const char *text, size_t len, pl_map_line_fn fn, void *ctx)
{
	size_t pos = 0, line = 0;

	while (pos < len) {
		size_t lim = len - pos < PL_MAP_LINE_CHUNK ? len - pos : PL_MAP_LINE_CHUNK;
		const char *p = text + pos, *nl = memchr(p, '\n', lim), *end, *nul;
		const char *k, *ke, *v, *ve;
		int rc;

		end = nl ? nl + 1 : p + lim;
		pos = (size_t)(end - text);
		line++;
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul)
			end = nul;
		if (p == end || *p == '#')
			continue;
		while (p < end && is_blank((unsigned char)*p))
			p++;
		if (p == end || *p == '\r' || *p == '\n')
			continue;
		k = p;
		while (p < end && !is_blank((unsigned char)*p) && *p != '\r' && *p != '\n')
			p++;
		ke = p;
		while (p < end && is_blank((unsigned char)*p))
			p++;
		v = p;
		while (p < end && *p != '\r' && *p != '\n')
			p++;
		ve = p;
		while (ve > v && is_blank((unsigned char)ve[-1]))
			ve--;
		rc = fn(ctx, k, (size_t)(ke - k), v, (size_t)(ve - v), line);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static void fill_id(const struct stat *st, pl_map_fileid *id)
{
	id->dev = (uint64_t)st->st_dev;
	id->ino = (uint64_t)st->st_ino;
	id->size = (uint64_t)st->st_size;
	id->mtime_s = (int64_t)st->st_mtim.tv_sec;
	id->mtime_ns = (int64_t)st->st_mtim.tv_nsec;
}

int pl_map_stat_file(const char *path, pl_map_fileid *id)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return errno;
	fill_id(&st, id);
	return 0;
}

int pl_map_read_file(const char *path, pl_alloc_fn alloc, void *ud, char **data, size_t *len,
                     pl_map_fileid *id)
{
	int fd = open(path, O_RDONLY), err = 0;
	struct stat st;
	pl_buf b;

	if (fd < 0)
		return errno;
	pl_buf_init(&b, alloc, ud);
	if (fstat(fd, &st) != 0) {
		err = errno;
		close(fd);
		return err;
	}
	fill_id(&st, id);
	if (S_ISREG(st.st_mode) && pl_buf_grow(&b, (size_t)st.st_size + 1) != 0) {
		close(fd);
		return ENOMEM;
	}
	for (;;) {
		char *dst = pl_buf_prepare(&b, 65536);
		ssize_t r;

		if (dst == NULL) {
			err = ENOMEM;
			break;
		}
		r = read(fd, dst, 65536);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			err = -errno;
			break;
		}
		if (r == 0)
			break;
		pl_buf_commit(&b, (size_t)r);
	}
	close(fd);
	if (err != 0) {
		pl_buf_free(&b);
		return err;
	}
	*data = b.data;
	*len = b.len;
	/* The caller frees with the capacity it cannot know: shrink to len+1. */
	if (b.data != NULL && b.cap != b.len + 1) {
		char *p = alloc(ud, b.data, b.cap, b.len + 1);
		if (p == NULL) {
			pl_buf_free(&b);
			return ENOMEM;
		}
		*data = p;
	}
	return 0;
}
