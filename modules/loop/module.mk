MODULES += loop
loop_SRCS := modules/loop/loop.c modules/loop/task.c modules/loop/end.c \
	modules/loop/hook.c modules/loop/sched.c modules/loop/wait.c modules/loop/cseam.c lib/loop.c
loop_LIBS :=
loop_LUA  := modules/loop/loop_sched.lua
