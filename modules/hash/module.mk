MODULES += hash
hash_SRCS := modules/hash/hash.c modules/hash/fast.c modules/hash/encode.c \
	modules/hash/digest.c modules/hash/zlib.c \
	lib/hash_fast.c lib/hash_xxh32.c lib/hash_crc32.c lib/hash_crc32c.c lib/hash_encode.c lib/hash_json.c \
	lib/hash_digest.c lib/hash_zlib.c lib/buf.c
hash_LIBS := -lcrypto -lz -lxxhash
