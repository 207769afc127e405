/*
 * inflate with an output limit, for gzip, zlib, raw and auto: the first byte
 * picks the format and the limit, the second how the input is cut into
 * feeds. The output never passes the limit by more than one byte, an error
 * has a message, and everything allocated is given back. A deflate of the
 * input then inflates back to it.
 */
#include "proxylua/buf.h"
#include "proxylua/hash.h"
#include "fuzz.h"

static int inflate_all(int format, size_t limit, const uint8_t *p, size_t n, size_t chunk,
                       struct fuzz_heap *heap, pl_buf *out)
{
	pl_zstream *z = NULL;
	size_t off = 0;
	int rc;

	rc = pl_z_new(&z, 1, format, 0, limit, fuzz_alloc, heap);
	FUZZ_ASSERT(rc == 0);
	do {
		size_t k = n - off < chunk ? n - off : chunk;
		rc = pl_z_feed(z, p + off, k, off + k == n, out);
		off += k;
	} while (rc == 0 && off < n);
	FUZZ_ASSERT(rc == 0 || (pl_z_error(z) != NULL && *pl_z_error(z) != '\0'));
	FUZZ_ASSERT(rc == 0 || rc == PL_HASH_EDATA || rc == PL_HASH_ELIMIT);
	FUZZ_ASSERT(limit == 0 || out->len <= limit + 1);
	FUZZ_ASSERT(rc != PL_HASH_ELIMIT || out->len > limit);
	pl_z_free(z);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int formats[] = { PL_Z_GZIP, PL_Z_ZLIB, PL_Z_RAW, PL_Z_AUTO };
	struct fuzz_heap heap = {0};
	pl_buf out;
	size_t limit, chunk;
	pl_zstream *z = NULL;
	int format, rc;

	if (size < 2 || size > 65536)
		return 0;
	format = formats[data[0] & 3];
	limit = (data[0] >> 2) == 0 ? 0 : (size_t)(data[0] >> 2) * 97;
	chunk = data[1] ? data[1] : 4096;
	pl_buf_init(&out, fuzz_alloc, &heap);
	inflate_all(format, limit, data + 2, size - 2, chunk, &heap, &out);
	pl_buf_free(&out);
	FUZZ_ASSERT(heap.used == 0);

	/* deflate the input, inflate it back */
	if (format != PL_Z_AUTO) {
		pl_buf packed;
		pl_buf_init(&packed, fuzz_alloc, &heap);
		FUZZ_ASSERT(pl_z_new(&z, 0, format, data[1] % 10, 0, fuzz_alloc, &heap) == 0);
		FUZZ_ASSERT(pl_z_feed(z, data + 2, size - 2, 1, &packed) == 0);
		pl_z_free(z);
		pl_buf_init(&out, fuzz_alloc, &heap);
		rc = inflate_all(format, 0, (const uint8_t *)packed.data, packed.len, chunk, &heap, &out);
		FUZZ_ASSERT(rc == 0 && out.len == size - 2 &&
		            (out.len == 0 || memcmp(out.data, data + 2, out.len) == 0));
		pl_buf_free(&out);
		pl_buf_free(&packed);
		FUZZ_ASSERT(heap.used == 0);
	}
	return 0;
}
