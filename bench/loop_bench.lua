-- proxylua.loop benchmark: what a resume and a timer cost through the loop,
-- against a bare coroutine.resume in the same process, and what 100,000
-- sleeping tasks hold in memory. Virtual clock throughout, so sleeps cost
-- their bookkeeping only. Run from the repo root:
--   LUA_CPATH="build/5.3/?.so;;" LUA_PATH="build/5.3/?.lua;./?.lua;;" lua5.3 bench/loop_bench.lua
local loop = require "proxylua.loop"

local clock = os.clock

local R = require "bench.report"
local report, best = R.report, R.best

local N = 200000

-- baseline: one coroutine yielding N times, resumed by a Lua loop
local function bare_resume()
  local co = coroutine.create(function() for _ = 1, N do coroutine.yield() end end)
  local resume = coroutine.resume
  local t0 = clock()
  for _ = 1, N + 1 do resume(co) end
  return clock() - t0
end

-- ours: one task yielding N times to the loop (job queue, resume, requeue)
local function loop_yield(opts)
  return function()
    local l = loop.new{ virtual = true }
    l:spawn(opts or {}, function() for _ = 1, N do l:yield() end end)
    local t0 = clock()
    l:run()
    return clock() - t0
  end
end

-- ours: one task sleeping N times (timer heap insert + pop + resume)
local function loop_sleep()
  local l = loop.new{ virtual = true }
  l:spawn(function() for _ = 1, N do l:msleep(1) end end)
  local t0 = clock()
  l:run()
  return clock() - t0
end

-- ours: many tasks yielding round robin (a fuller run queue)
local function loop_many(tasks)
  return function()
    local l = loop.new{ virtual = true }
    local per = N // tasks
    for _ = 1, tasks do
      l:spawn(function() for _ = 1, per do l:yield() end end)
    end
    local t0 = clock()
    l:run()
    return clock() - t0
  end
end

-- ours: N/4 tasks asleep at once on spread deadlines: each costs a resume
-- that arms its timer, a heap pop among 50k and a final resume
local function loop_heap()
  local l = loop.new{ virtual = true }
  local n = N // 4
  for i = 1, n do
    l:spawn(function() l:msleep((i * 7919) % 10007) end)
  end
  local t0 = clock()
  l:run()
  return (clock() - t0) * 4 / 2   -- per resume, scaled to N
end

-- ours: spawning (task userdata + thread + anchor + job) vs coroutine.create
local function loop_spawn()
  local l = loop.new{ virtual = true }
  local f = function() end
  local n = N // 4
  local t0 = clock()
  for _ = 1, n do l:spawn(f) end
  local dt = clock() - t0
  l:close()
  return dt * 4
end

local function bare_create()
  local create = coroutine.create
  local f = function() end
  local n, keep = N // 4, {}
  local t0 = clock()
  for i = 1, n do keep[i] = create(f) end   -- held, as the loop holds tasks
  return (clock() - t0) * 4
end

local base = best(3, bare_resume)
report("resume via l:yield()", best(3, loop_yield()), base, N)
report("resume via l:yield(), forced_yield hook on", best(3, loop_yield{ forced_yield = 10000 }), base, N)
report("resume via l:yield(), 1000 tasks round robin", best(3, loop_many(1000)), base, N)
report("timer via l:msleep(1)", best(3, loop_sleep), base, N, "timer")
report("resume with a timer on a 50k-timer heap", best(3, loop_heap), base, N)
report("spawn vs coroutine.create (both held)", best(3, loop_spawn), best(3, bare_create), N, "task")

-- 100,000 sleeping tasks: memory held per task
do
  local M = 100000
  local l = loop.new{ virtual = true }
  collectgarbage(); collectgarbage()
  local k0 = collectgarbage("count")
  for _ = 1, M do
    l:spawn(function() l:sleep(60) end)
  end
  l:step(0)   -- every task has started and sleeps on its timer
  collectgarbage(); collectgarbage()
  local k1 = collectgarbage("count")
  assert(l:count() == M)

  local cos = {}
  collectgarbage(); collectgarbage()
  local b0 = collectgarbage("count")
  for i = 1, M do
    local co = coroutine.create(function() coroutine.yield() end)
    coroutine.resume(co)
    cos[i] = co
  end
  collectgarbage(); collectgarbage()
  local b1 = collectgarbage("count")

  local t0 = clock()
  l:run()
  local dt = clock() - t0
  assert(l:count() == 0)
  local ours, bare = (k1 - k0) * 1024 / M, (b1 - b0) * 1024 / M
  print(("100000 sleeping tasks held: ours %.0f bytes/task, baseline %.0f bytes/coroutine, ratio %.2fx")
    :format(ours, bare, ours / bare))
  print(("100000 sleeping tasks woken and finished: %.1f ns/task"):format(dt / M * 1e9))
  cos = nil
end
