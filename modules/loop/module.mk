MODULES += loop
loop_SRCS := modules/loop/loop.c modules/loop/task.c modules/loop/wait.c lib/loop.c
loop_LIBS :=
