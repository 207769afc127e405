MODULES += concat
concat_SRCS := modules/concat/concat.c modules/concat/format.c lib/buf.c
concat_LIBS :=
