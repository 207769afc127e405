/*
 * One copy of a map file per process. HAProxy's lua-load-per-thread runs one
 * Lua state per thread and each loads the same files: without this, memory
 * grows with the thread count. Copies are keyed by the file's identity (dev,
 * inode, size, mtime) plus method and -i, so a changed file is a new copy.
 * The list is the pack's one deliberate piece of process-wide mutable state;
 * every access holds `lock`. Copies are immutable once published: a state
 * that updates its map first clones it into its own allocator.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "map_internal.h"

struct pl_map_shared {
	pl_map_shared *next;
	pl_map_fileid id;
	int method, icase;
	size_t refs;
	pl_map map;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pl_map_shared *head;

static int same_id(const pl_map_fileid *a, const pl_map_fileid *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	       a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

/* with lock held: a matching copy, its count raised */
static pl_map_shared *find(const pl_map_fileid *id, int method, int icase)
{
	pl_map_shared *s;

	for (s = head; s != NULL; s = s->next)
		if (s->method == method && s->icase == icase && same_id(&s->id, id)) {
			s->refs++;
			return s;
		}
	return NULL;
}

int pl_map_cache_get(const char *path, int method, int icase, pl_map_shared **sh,
                     const pl_map **m, size_t *line, pl_buf *errmsg)
{
	pl_map_fileid id;
	pl_map_shared *s = NULL, *other;
	char *data = NULL;
	size_t len = 0;
	int rc;

	icase = icase != 0;
	*line = 0;
	if (pl_map_stat_file(path, &id) == 0) {
		pthread_mutex_lock(&lock);
		s = find(&id, method, icase);
		pthread_mutex_unlock(&lock);
		if (s != NULL)
			goto done;
	}
	/* Read and index outside the lock: that is the slow part. */
	s = malloc(sizeof(*s));
	if (s == NULL)
		return PL_MAP_ENOMEM;
	if ((rc = pl_map_init(&s->map, method, icase, pl_map_malloc, NULL)) != 0) {
		free(s);
		return rc;
	}
	rc = pl_map_read_file(path, pl_map_malloc, NULL, &data, &len, &s->id);
	if (rc == 0)
		rc = pl_map_load_text(&s->map, data, len, line, errmsg);
	if (rc != 0) {
		pl_map_free(&s->map);
		free(s);
		return rc;
	}
	s->method = method;
	s->icase = icase;
	s->refs = 1;
	pthread_mutex_lock(&lock);
	other = find(&s->id, method, icase);     /* another state won the race */
	if (other == NULL) {
		s->next = head;
		head = s;
	}
	pthread_mutex_unlock(&lock);
	if (other != NULL) {
		pl_map_free(&s->map);
		free(s);
		s = other;
	}
done:
	*sh = s;
	*m = &s->map;
	return 0;
}

void pl_map_cache_put(void *p)
{
	pl_map_shared *s = p, **link;
	int last = 0;

	if (s == NULL)
		return;
	pthread_mutex_lock(&lock);
	if (--s->refs == 0) {
		for (link = &head; *link != NULL; link = &(*link)->next)
			if (*link == s) {
				*link = s->next;
				break;
			}
		last = 1;
	}
	pthread_mutex_unlock(&lock);
	if (last) {
		pl_map_free(&s->map);
		free(s);
	}
}

size_t pl_map_cache_count(void)
{
	size_t n = 0;
	pl_map_shared *s;

	pthread_mutex_lock(&lock);
	for (s = head; s != NULL; s = s->next)
		n++;
	pthread_mutex_unlock(&lock);
	return n;
}

size_t pl_map_cache_refs(const pl_map_shared *sh)
{
	size_t n;

	pthread_mutex_lock(&lock);
	n = sh->refs;
	pthread_mutex_unlock(&lock);
	return n;
}
