-- The name proxylua.loop's loop_sched looks for to share the scheduler's wait
-- tokens (YIELD, SLEEP); the scheduler itself is proxylua.core.base.sched.
return require "proxylua.core.base.sched"
