/* Unit tests for lib/map_ip_parse.c and lib/map_ip.c: key syntax, the lenient query reader, the two
 * radix trees and the list, against the reference matcher. */
#include "map_check.h"

static size_t gkey(char *o)
{
	unsigned a = rnd(3) * 64, b = rnd(4), c = rnd(3);
	switch (rnd(6)) {
	case 0: return (size_t)sprintf(o, "%u.%u.%u.%u/%u", a, b, c, rnd(4), rnd(33));
	case 1: return (size_t)sprintf(o, "%u.%u.%u.%u", a, b, c, rnd(4));
	case 2: return (size_t)sprintf(o, "%u.%u.0.0/255.%u.255.0", a, b, rnd(2) * 255);
	case 3: return (size_t)sprintf(o, "::ffff:%u.%u.%u.%u/%u", a, b, c, rnd(4), 96 + rnd(33));
	case 4: return (size_t)sprintf(o, "2002:%x%02x:%x::/%u", a, b, c, rnd(60));
	default: return (size_t)sprintf(o, "::%u.%u.%u.%u/%u", a, b, c, rnd(4), rnd(129));
	}
}

static size_t gq(char *o)
{
	unsigned a = rnd(3) * 64, b = rnd(4), c = rnd(3), d = rnd(4);
	switch (rnd(5)) {
	case 0: return (size_t)sprintf(o, "%u.%u.%u.%u", a, b, c, d);
	case 1: return (size_t)sprintf(o, "::ffff:%u.%u.%u.%u", a, b, c, d);
	case 2: return (size_t)sprintf(o, "2002:%x%02x:%x%02x::1", a, b, c, d);
	case 3: return (size_t)sprintf(o, "::%u.%u.%u.%u", a, b, c, d);
	default: return (size_t)sprintf(o, "%u.%u.%u.%u:80", a, b, c, d);
	}
}

/*
 * Dense keys for the radix trees: every prefix length, networks drawn from a
 * small space so that they nest, cross stride boundaries and repeat; IPv6
 * with random bits spread over all 128 (both 64-bit halves).
 */
static unsigned a4(void)
{
	return (10u + rnd(2)) << 24 | rnd(4) << 16 | rnd(256) << 8 | (rnd(2) ? rnd(256) : 0);
}

static size_t v4str(char *o, unsigned a)
{
	return (size_t)sprintf(o, "%u.%u.%u.%u", a >> 24, a >> 16 & 255, a >> 8 & 255, a & 255);
}

static size_t v6str(char *o)
{
	return (size_t)sprintf(o, "2001:db8:%x:%x:%x::%x", rnd(2) * 0x8000 + rnd(3), rnd(3) << rnd(16),
	                       rnd(2), rnd(3));
}

static size_t gdense(char *o)
{
	size_t n;
	switch (rnd(8)) {
	case 0: case 1: case 2:
		n = v4str(o, a4());
		return n + (size_t)sprintf(o + n, "/%u", rnd(33));
	case 3:
		return v4str(o, a4());
	case 4: case 5:
		n = v6str(o);
		return n + (size_t)sprintf(o + n, "/%u", rnd(129));
	case 6:
		n = (size_t)sprintf(o, "::ffff:");
		n += v4str(o + n, a4());
		return n + (size_t)sprintf(o + n, "/%u", 96 + rnd(33));
	default:
		return (size_t)sprintf(o, "%u.%u.0.0/255.%u.0.255", 10 + rnd(2), rnd(4), rnd(2) * 255);
	}
}

static size_t gqdense(char *o)
{
	switch (rnd(4)) {
	case 0: case 1: return v4str(o, a4());
	case 2: return v6str(o);
	default: return (size_t)sprintf(o, "::ffff:") + v4str(o + 7, a4());
	}
}

static int key_ok(const char *k)
{
	pl_map_ipkey ip;
	return pl_map_ip_parse(k, strlen(k), &ip, NULL) == 0;
}

static int query_fam(const char *q, size_t len)
{
	pl_map_query pq;
	pl_map_ip_query(&pq, q, len);
	return pq.fam;
}

static void test_syntax(void)
{
	pl_map_ipkey k;

	CHECK(key_ok("10.0.0.0/8") && key_ok("10.0.0.0/08") && key_ok("10.0.0.0/+8"));
	CHECK(key_ok("10.0.0.0/-0") && key_ok("1.2.3.4/255.0.255.0") && key_ok("::1/032"));
	CHECK(key_ok("2001:DB8::1") && key_ok("::ffff:1.2.3.4"));
	CHECK(!key_ok("300.1.1.1") && !key_ok("1.2.3.4/33") && !key_ok("::1/129"));
	CHECK(!key_ok("foo") && !key_ok("010.1.2.3") && !key_ok("10.0.0.0/") && !key_ok("127.1"));
	CHECK(!key_ok("::1/-1") && !key_ok("::1/"));
	CHECK(pl_map_ip_parse("10.9.9.9/8", 10, &k, NULL) == 0 && k.kind == 4 && k.plen == 8);
	CHECK(pl_map_ip_parse("10.1.0.0/255.0.255.0", 20, &k, NULL) == 0 && k.kind == 5);
	CHECK(query_fam("10.1.2.3", 8) == 4 && query_fam("10.1.2.3 ", 9) == 4);
	CHECK(query_fam("010.001.002.003", 15) == 4 && query_fam("10.1.2.3\0x", 10) == 4);
	CHECK(query_fam("10.1.2.3:8080", 13) == 4 && query_fam("10.1.2.3/24", 11) == 4);
	CHECK(query_fam("10.1.2", 6) == 0 && query_fam("10.1.2.3.", 9) == 0);
	CHECK(query_fam("10.1.2.3.4", 10) == 0 && query_fam("10.1.2.256", 10) == 0);
	CHECK(query_fam(" 10.1.2.3", 9) == 0 && query_fam("[::1]", 5) == 0);
	CHECK(query_fam("1..2.3", 6) == 0 && query_fam("1.2.3.4a", 8) == 4 && query_fam("", 0) == 0);
	CHECK(query_fam("1.2.3.0255", 10) == 4 && query_fam("1.2.3.2555", 10) == 0);
	CHECK(query_fam("1.2.3.", 6) == 0 && query_fam(".1.2.3", 6) == 0);
	CHECK(query_fam("::1\0junk", 8) == 6 && query_fam("::1%eth0", 8) == 0);
	CHECK(query_fam("::1\0jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj", 58) == 0);
}

/* every allocation failure while building the trees is reported, never a
 * crash or a leak: one scenario, one check */
static void test_oom(void)
{
	size_t limit, bad = 0, built = 0;

	for (limit = 4096; limit < 600000; limit = limit * 5 / 4) {
		struct budget bud = {0, limit};
		pl_map m;
		size_t i;
		int rc = 0;
		char k[128];

		rng_state = 7;
		pl_map_init(&m, PL_MATCH_IP, 0, counting_alloc, &bud);
		for (i = 0; i < 1500 && rc == 0; i++) {
			size_t kl = gdense(k);
			if (pl_map_check_key(PL_MATCH_IP, 0, k, kl, NULL) == 0)
				rc = pl_map_append(&m, k, kl, "v", 1);
		}
		if (rc == 0)
			rc = pl_map_prepare(&m);
		built += rc == 0;
		bad += !(rc == 0 || rc == PL_MAP_ENOMEM);
		pl_map_free(&m);
		bad += bud.used != 0;
	}
	CHECK(bad == 0 && built > 0);
}

int main(void)
{
	test_syntax();
	test_oom();
	cross_check(PL_MATCH_IP, 0, gkey, gq, 30, 60, 400);
	cross_check(PL_MATCH_IP, 0, gkey, gq, 3, 3000, 400);
	/* top levels of 6, 12 and 16 bits (by tree size) */
	cross_check(PL_MATCH_IP, 0, gdense, gqdense, 30, 100, 300);
	cross_check(PL_MATCH_IP, 0, gdense, gqdense, 5, 2000, 300);
	cross_check(PL_MATCH_IP, 0, gdense, gqdense, 1, 16000, 60);
	return report();
}
