MODULES += map
map_SRCS := modules/map/map.c modules/map/lookup.c modules/map/update.c \
	lib/map_load.c lib/map_store.c lib/map_match.c lib/map_util.c lib/map_str.c \
	lib/map_trie.c lib/map_word.c lib/map_reg.c lib/map_int.c lib/map_ip_parse.c lib/map_ip.c \
	lib/map_cache.c lib/buf.c
map_LIBS := -lpcre2-8 -lpthread
