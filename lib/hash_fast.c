/*
 * HAProxy 2.6's load-balancing hashes (sdbm, djb2, wt6, crc32 and the
 * avalanche post-mix) and the xxHash family, bit for bit. Definitions:
 * docs/haproxy-hashes.md §2-§4. Bytes are read as unsigned.
 */
#include <zlib.h>
#include "proxylua/hash.h"

/* XXH64 and short XXH3 are compiled in from the official header
 * (BSD-2-Clause, shipped by libxxhash-dev): static inline copies, no call
 * through the PLT for the short keys HAProxy hashes most. XXH32 has its own
 * file (lib/hash_xxh32.c). */
#define XXH_INLINE_ALL
#include <xxhash.h>

/*
 * sdbm and djb2 are polynomial hashes, h = h * P + c (mod 2^32). Eight
 * bytes at a time, h * P^8 + c0 * P^7 + ... + c7 gives the same value with
 * independent multiplies, so the dependency chain is one multiply per 8
 * bytes instead of one per byte: short keys cost a few nanoseconds.
 */
#define POLY8(h, s, p1, p2, p3, p4, p5, p6, p7, p8)                           \
	((h) * (p8) + (uint32_t)(s)[0] * (p7) + (uint32_t)(s)[1] * (p6) +      \
	 (uint32_t)(s)[2] * (p5) + (uint32_t)(s)[3] * (p4) +                   \
	 (uint32_t)(s)[4] * (p3) + (uint32_t)(s)[5] * (p2) +                   \
	 (uint32_t)(s)[6] * (p1) + (uint32_t)(s)[7])

uint32_t pl_hash_sdbm(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 0;

	/* powers of 65599 mod 2^32 */
	for (; n >= 8; n -= 8, s += 8)
		h = POLY8(h, s, 0x1003Fu, 0x7E0F81u, 0x2E86D0BFu, 0x43EC5F01u,
		          0x162C613Fu, 0xD62AEE81u, 0xA311B1BFu, 0xD319BE01u);
	while (n--)
		h = *s++ + (h << 6) + (h << 16) - h;
	return h;
}

uint32_t pl_hash_djb2(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h = 5381;

	/* powers of 33 mod 2^32 */
	for (; n >= 8; n -= 8, s += 8)
		h = POLY8(h, s, 0x21u, 0x441u, 0x8C61u, 0x121881u,
		          0x25528A1u, 0x4CFA3CC1u, 0xEC41D4E1u, 0x747C7101u);
	while (n--)
		h = (h << 5) + h + *s++;
	return h;
}

/* A rotation count of 0 must not shift by 32 (undefined in C). */
static inline uint32_t rotl32(uint32_t x, unsigned r)
{
	return (x << r) | (x >> ((32 - r) & 31));
}

uint32_t pl_hash_wt6(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint32_t h0 = 0xA53C965Au, h1 = 0x5CA6953Au, a, b, t;
	unsigned r0 = 6, r1 = 18;

	while (n--) {
		a = ~(h0 ^ *s);
		b = ~(h1 + *s++);
		h0 = rotl32(b, r0);
		h1 = rotl32(a, r1);
		t = ((h0 >> 16) ^ h1) & 0xFFFF;
		r0 = t & 31;
		r1 = t >> 11;
	}
	return h0 ^ h1;
}

uint32_t pl_hash_adler32(const void *p, size_t n)
{
	const unsigned char *s = p;
	uLong c = 1;            /* adler32(0, Z_NULL, 0) */

	while (n > 0) {
		uInt step = n > 0x40000000u ? 0x40000000u : (uInt)n;
		c = adler32(c, s, step);
		s += step;
		n -= step;
	}
	return (uint32_t)c;
}

/* Jenkins' 6-step integer mix, then the extra multiply HAProxy applies. */
uint32_t pl_hash_avalanche(uint32_t a)
{
	a = (a + 0x7ED55D16u) + (a << 12);
	a = (a ^ 0xC761C23Cu) ^ (a >> 19);
	a = (a + 0x165667B1u) + (a << 5);
	a = (a + 0xD3A2646Cu) ^ (a << 9);
	a = (a + 0xFD7046C5u) + (a << 3);
	a = (a ^ 0xB55A4F09u) ^ (a >> 16);
	return a * 0xC0000001u;
}

uint64_t pl_hash_xxh64(const void *p, size_t n, uint64_t seed)
{
	return XXH64(p, n, seed);
}

#if defined(__x86_64__)
/* libxxhash's runtime-dispatched XXH3 (AVX2/AVX-512 when the CPU has them,
 * twice the SSE2 speed on long inputs); declared here because
 * xxh_x86dispatch.h clashes with XXH_INLINE_ALL. libxxhash picks the
 * variant once, the same for every thread. */
uint64_t XXH3_64bits_withSeed_dispatch(const void *p, size_t n, uint64_t seed);
#endif

uint64_t pl_hash_xxh3(const void *p, size_t n, uint64_t seed)
{
#if defined(__x86_64__)
	/* Only long inputs use the SIMD loop; short ones stay inline. */
	if (n > 240)
		return XXH3_64bits_withSeed_dispatch(p, n, seed);
#endif
	return XXH3_64bits_withSeed(p, n, seed);
}
