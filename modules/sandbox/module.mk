MODULES += sandbox
sandbox_SRCS := modules/sandbox/sandbox.c
sandbox_LIBS :=
