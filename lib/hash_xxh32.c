/*
 * XXH32 (xxHash's 32-bit hash), written out here rather than taken from
 * xxhash.h: GCC vectorises the header's four-lane loop into SSE multiplies
 * that run at half the scalar speed, so this copy keeps each lane in a
 * register (the empty asm below is the same guard xxHash uses elsewhere).
 * Outputs are checked against libxxhash in tests/c/test_hash_fast.c.
 */
#include <string.h>
#include "proxylua/hash.h"

#define P1 0x9E3779B1u
#define P2 0x85EBCA77u
#define P3 0xC2B2AE3Du
#define P4 0x27D4EB2Fu
#define P5 0x165667B1u

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define LANE_GUARD(v) __asm__("" : "+r"(v))
#else
#define LANE_GUARD(v) (void)0
#endif

static inline uint32_t rotl(uint32_t x, int r)
{
	return (x << r) | (x >> (32 - r));
}

/* Little-endian load (xxHash is defined on little-endian words). */
static inline uint32_t rd32(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
#else
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
#endif
}

static inline uint32_t round32(uint32_t a, uint32_t w)
{
	a += w * P2;
	a = rotl(a, 13) * P1;
	LANE_GUARD(a);
	return a;
}

uint32_t pl_hash_xxh32(const void *in, size_t n, uint32_t seed)
{
	const unsigned char *p = in, *end = p + n;
	uint32_t h;

	if (n >= 16) {
		uint32_t v1 = seed + P1 + P2, v2 = seed + P2, v3 = seed, v4 = seed - P1;
		const unsigned char *last = end - 16;
		do {
			v1 = round32(v1, rd32(p));
			v2 = round32(v2, rd32(p + 4));
			v3 = round32(v3, rd32(p + 8));
			v4 = round32(v4, rd32(p + 12));
			p += 16;
		} while (p <= last);
		h = rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18);
	} else {
		h = seed + P5;
	}
	h += (uint32_t)n;
	while (end - p >= 4) {
		h += rd32(p) * P3;
		h = rotl(h, 17) * P4;
		p += 4;
	}
	while (p < end) {
		h += *p++ * P5;
		h = rotl(h, 11) * P1;
	}
	h ^= h >> 15;
	h *= P2;
	h ^= h >> 13;
	h *= P3;
	h ^= h >> 16;
	return h;
}
