/* Spot checks of lib/hash_fast.c and lib/hash_crc32c.c against published
 * values and HAProxy 2.6's own outputs (spec/fixtures/hash/hashes.tsv). */
#include <stdio.h>
#include <zlib.h>
#include <string.h>
#include <xxhash.h>
#include "proxylua/hash.h"

static int passed, failed;

#define CHECK(cond) do { \
	if (cond) passed++; \
	else { failed++; fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond); } \
} while (0)

/* The byte-at-a-time definitions of sdbm and djb2. */
static uint32_t sdbm_ref(const unsigned char *s, size_t n)
{
	uint32_t h = 0;
	while (n--)
		h = *s++ + (h << 6) + (h << 16) - h;
	return h;
}

static uint32_t djb2_ref(const unsigned char *s, size_t n)
{
	uint32_t h = 5381;
	while (n--)
		h = h * 33 + *s++;
	return h;
}

/* Bit-at-a-time CRC-32C, the slow but obvious definition. */
static uint32_t crc32c_bitwise(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;
	int k;

	while (n--) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ (c & 1 ? 0x82F63B78u : 0);
	}
	return ~c;
}

int main(void)
{
	unsigned char buf[3000];
	size_t i, n;
	int bad, bad_sdbm, bad_djb2, bad_crc, bad_xxh32, bad_xxh64, bad_xxh3;

	CHECK(pl_hash_crc32("123456789", 9) == 0xCBF43926u);
	CHECK(pl_hash_crc32c("123456789", 9) == 0xE3069283u);
	CHECK(pl_hash_crc32("", 0) == 0 && pl_hash_crc32c("", 0) == 0);
	CHECK(pl_hash_sdbm("abc", 3) == 807794786u);
	CHECK(pl_hash_avalanche(pl_hash_sdbm("abc", 3)) == 659243622u);
	CHECK(pl_hash_avalanche(0) == 2874071335u);
	CHECK(pl_hash_sdbm("a", 1) == 97 && pl_hash_djb2("a", 1) == 177670);
	CHECK(pl_hash_djb2("", 0) == 5381);
	CHECK(pl_hash_wt6("", 0) == 4187620192u);
	CHECK(pl_hash_wt6("a", 1) == 1900802597u);
	CHECK(pl_hash_avalanche(pl_hash_wt6("a", 1)) == 1986649387u);
	CHECK(pl_hash_crc32c("a", 1) == 3251651376u);
	/* Bytes >= 0x80 are unsigned: sdbm("\xff") = 255. */
	CHECK(pl_hash_sdbm("\xff", 1) == 255 && pl_hash_djb2("\xff", 1) == 5381u * 33 + 255);
	CHECK(pl_hash_xxh32("", 0, 0) == 46947589u);
	CHECK(pl_hash_xxh32("", 0, 1) == 187479954u);
	CHECK(pl_hash_xxh32("abc", 3, 12345) == 1853483049u);
	CHECK(pl_hash_xxh32("abc", 3, 0xFFFFFFFFu) == 2989167648u);
	CHECK(pl_hash_xxh64("a", 1, 0) == (uint64_t)-3292477735350538661LL);
	CHECK(pl_hash_xxh64("", 0, 0) == (uint64_t)-1205034819632174695LL);
	CHECK(pl_hash_xxh64("abc", 3, UINT64_MAX) == 2895935887265243510ull);
	CHECK(pl_hash_xxh3("", 0, 0) == 3244421341483603138ull);
	CHECK(pl_hash_xxh3("", 0, 1) == 5604079703740606211ull);
	CHECK(pl_hash_xxh3("abc", 3, UINT64_MAX) == 2962310483463817673ull);
	CHECK(pl_hash_adler32("Wikipedia", 9) == 0x11E60398u);
	/* Hardware and table CRC-32C agree with the definition at every length
	 * and alignment, across the 8-byte steps. */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 131 + 7);
	/* Each sweep below is one check: it counts its own mismatches. */
	bad = 0;
	for (n = 0; n < 70; n++)
		for (i = 0; i < 8; i++)
			bad += pl_hash_crc32c(buf + i, n) != crc32c_bitwise(buf + i, n);
	CHECK(bad == 0);
	CHECK(pl_hash_crc32c(buf, sizeof(buf)) == crc32c_bitwise(buf, sizeof(buf)));
	/* The 8-at-a-time sdbm/djb2 and the short-input CRC-32 agree with the
	 * plain definitions (and zlib) on both sides of their thresholds. */
	bad_sdbm = bad_djb2 = bad_crc = 0;
	for (n = 0; n < 200; n++)
		for (i = 0; i < 8; i++) {
			bad_sdbm += pl_hash_sdbm(buf + i, n) != sdbm_ref(buf + i, n);
			bad_djb2 += pl_hash_djb2(buf + i, n) != djb2_ref(buf + i, n);
			bad_crc += pl_hash_crc32(buf + i, n) != (uint32_t)crc32(0, buf + i, (uInt)n);
		}
	CHECK(bad_sdbm == 0);
	CHECK(bad_djb2 == 0);
	CHECK(bad_crc == 0);
	/* Our XXH32 and the dispatched XXH3 agree with libxxhash at every
	 * length class, alignment and seed. */
	bad_xxh32 = bad_xxh64 = bad_xxh3 = 0;
	for (n = 0; n < sizeof(buf); n += n < 300 ? 1 : 97) {
		uint64_t seeds[3] = { 0, 1, 0xFFFFFFFFFFFFFFFFull };
		for (i = 0; i < 3; i++) {
			const unsigned char *p = buf + (n & 7);
			bad_xxh32 += pl_hash_xxh32(p, n, (uint32_t)seeds[i]) != XXH32(p, n, (XXH32_hash_t)seeds[i]);
			bad_xxh64 += pl_hash_xxh64(p, n, seeds[i]) != XXH64(p, n, seeds[i]);
			bad_xxh3 += pl_hash_xxh3(p, n, seeds[i]) != XXH3_64bits_withSeed(p, n, seeds[i]);
		}
	}
	CHECK(bad_xxh32 == 0);
	CHECK(bad_xxh64 == 0);
	CHECK(bad_xxh3 == 0);
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
