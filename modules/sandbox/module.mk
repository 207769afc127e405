MODULES += sandbox
sandbox_SRCS := modules/sandbox/sandbox.c lib/memlimit.c
sandbox_LIBS :=
