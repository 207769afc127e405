/*
 * The reference matcher: does one entry match a query, and how does it rank.
 * Indexes must agree with it; it also serves entries not indexed yet and
 * lookup_all. Rules per method: docs/map.md, "Matching and winners".
 */
#include <string.h>
#include "map_internal.h"

static size_t cut_nul(const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);
	return nul ? (size_t)(nul - s) : len;
}

static int occurs(const char *h, size_t hl, const char *n, size_t nl, int icase)
{
	size_t i;

	if (nl > hl)
		return 0;
	for (i = 0; i + nl <= hl; i++)
		if (pl_map_memeq(h + i, n, nl, icase))
			return 1;
	return 0;
}

/*
 * dir/dom: the key with its delimiters trimmed from both ends must sit in the
 * query between delimiters or the query's ends. An empty trimmed key matches
 * where HAProxy would compare the query's terminating NUL: the empty query,
 * or one whose last byte is a delimiter.
 */
int pl_map_word_match(const char *q, size_t qlen, const char *k, size_t klen,
                      int icase, const char *delims)
{
	size_t c, last;
	int may = 1;

	while (klen > 0 && strchr(delims, k[0]) != NULL && k[0] != '\0') {
		k++;
		klen--;
	}
	while (klen > 0 && strchr(delims, k[klen - 1]) != NULL && k[klen - 1] != '\0')
		klen--;
	if (klen > qlen)
		return 0;
	if (klen == 0)
		return qlen == 0 || (q[qlen - 1] != '\0' && strchr(delims, q[qlen - 1]) != NULL);
	last = qlen - klen;
	for (c = 0; c <= last; c++) {
		if (q[c] != '\0' && strchr(delims, q[c]) != NULL) {
			may = 1;
			continue;
		}
		if (may && pl_map_memeq(q + c, k, klen, icase) &&
		    (c == last || (q[c + klen] != '\0' && strchr(delims, q[c + klen]) != NULL)))
			return 1;
		may = 0;
	}
	return 0;
}

int pl_map_query_init(const pl_map *m, pl_map_query *q, const char *s, size_t len, int64_t i)
{
	q->s = s;
	q->len = len;
	q->i = i;
	q->fam = 0;
	q->has_v4 = 0;
	if (m->method == PL_MATCH_IP) {
		pl_map_ip_query(q, s, len);
		return q->fam != 0;
	}
	return 1;
}

static int prefix_match(const uint8_t *a, const uint8_t *b, unsigned plen)
{
	unsigned full = plen / 8, rest = plen % 8;

	if (full && memcmp(a, b, full) != 0)
		return 0;
	if (rest) {
		uint8_t mask = (uint8_t)(0xff << (8 - rest));
		if ((a[full] ^ b[full]) & mask)
			return 0;
	}
	return 1;
}

static uint32_t v4mask(unsigned plen)
{
	return plen ? 0xffffffffu << (32 - plen) : 0;
}

/* ip ranks: tier 0 the query family's tree, 1 the other tree, 2 the list. */
static int ip_match(const pl_map_entry *e, const pl_map_query *q, pl_map_rank *r)
{
	pl_map_ipkey k;

	if (q->fam == 0 || pl_map_ip_parse(e->key, pl_map_klen(e), &k, NULL) != 0)
		return 0;
	r->len = 0;
	if (k.kind == 6) {
		if (!prefix_match(q->v6, k.v6, k.plen))
			return 0;
		r->tier = q->fam == 6 ? 0 : 1;
		r->len = k.plen;
		return 1;
	}
	if (q->fam == 6 && !q->has_v4)
		return 0;
	if (k.kind == 4) {
		if ((q->v4 ^ k.v4) & v4mask(k.plen))
			return 0;
		r->tier = q->fam == 4 ? 0 : 1;
		r->len = k.plen;
		return 1;
	}
	if ((q->v4 ^ k.v4) & k.mask4)
		return 0;
	r->tier = 2;
	return 1;
}

int pl_map_entry_match(const pl_map *m, size_t i, const pl_map_query *q, void *scratch,
                       pl_map_rank *r)
{
	const pl_map_entry *e = &m->e[i];
	size_t kl = pl_map_klen(e), ql;
	pl_map_range rg;

	r->tier = r->len = 0;
	r->idx = i;
	if (e->key == NULL)
		return 0;
	switch (m->method) {
	case PL_MATCH_STR:
		ql = m->icase ? q->len : cut_nul(q->s, q->len);
		return ql == kl && pl_map_memeq(q->s, e->key, kl, m->icase);
	case PL_MATCH_BEG:
		ql = cut_nul(q->s, q->len);
		/* HAProxy cannot put -i keys in its prefix tree: they go to its list,
		 * where the earliest line wins, not the longest key */
		r->len = m->icase ? 0 : (uint32_t)kl;
		return kl <= ql && pl_map_memeq(q->s, e->key, kl, m->icase);
	case PL_MATCH_END:
		return kl <= q->len && pl_map_memeq(q->s + q->len - kl, e->key, kl, m->icase);
	case PL_MATCH_SUB:
		return occurs(q->s, q->len, e->key, kl, m->icase);
	case PL_MATCH_DIR:
		return pl_map_word_match(q->s, q->len, e->key, kl, m->icase, "/?");
	case PL_MATCH_DOM:
		return pl_map_word_match(q->s, q->len, e->key, kl, m->icase, "/?.:");
	case PL_MATCH_REG:
		return pl_map_reg_match1(m, i, q, scratch);
	case PL_MATCH_INT:
		if (pl_map_int_parse(e->key, kl, &rg, NULL) != 0)
			return 0;
		return rg.lo <= q->i && q->i <= rg.hi;
	case PL_MATCH_IP:
		return ip_match(e, q, r);
	default:
		return 0;
	}
}
