-- proxylua.loop_sched: proxylua.core's scheduling seam (the interface of
-- proxylua/core_sched.lua) served by a proxylua.loop, so core.sleep,
-- core.msleep, core.yield and registered tasks run on the epoll loop with
-- forced yields, execution timeouts and an optional virtual clock.
--
--   local sched = require("proxylua.loop_sched").new{ virtual = true,
--                   forced_yield = 10000, timeout = 4, now = <epoch s>, loop = <l> }
--
-- Inside a loop task, sleep/yield suspend the task on the loop. Elsewhere
-- (a coroutine the harness resumes itself) they yield a token, and the
-- driver's wait() lets the loop run for that long before resuming it.
local loop = require "proxylua.loop"

local S = {}
-- the same tokens as proxylua.core_sched's, when it is there: the harness
-- tells a sleep from a yield by them, whichever scheduler it runs
local okcs, cs = pcall(require, "proxylua.core_sched")
local SLEEP = okcs and cs.SLEEP or setmetatable({}, { __tostring = function() return "proxylua sleep" end })
local YIELD = okcs and cs.YIELD or setmetatable({}, { __tostring = function() return "proxylua yield" end })
S.SLEEP, S.YIELD = SLEEP, YIELD

local Sched = {}
Sched.__index = Sched

function S.new(opts)
  opts = opts or {}
  local l = opts.loop or loop.new{
    virtual = opts.virtual ~= false,
    forced_yield = opts.forced_yield,
    timeout = opts.timeout,
  }
  local self = setmetatable({ loop = l, offset_us = 0 }, Sched)
  if opts.now then -- a fixed start time (epoch seconds) for reproducible specs
    local sec, usec = l:clock()
    self.offset_us = math.floor((opts.now - sec) * 1000000) - usec
  end
  return self
end

function Sched:now()
  local sec, usec = self.loop:clock()
  local t = sec * 1000000 + usec + self.offset_us
  return t // 1000000, t % 1000000
end

function Sched:now_ms()
  local sec, usec = self:now()
  return sec * 1000 + usec // 1000
end

-- Move the clock: the loop's own when virtual (due timers fire at the next
-- step), an offset of now() otherwise.
function Sched:advance(ms)
  if ms <= 0 then return end
  if self.loop:is_virtual() then
    self.loop:advance(ms / 1000)
  else
    self.offset_us = self.offset_us + math.floor(ms * 1000)
  end
end

function Sched:sleep(ms)
  if self.loop:in_task() then return self.loop:msleep(ms) end
  coroutine.yield(SLEEP, ms)
end

function Sched:yield()
  if self.loop:in_task() then return self.loop:yield() end
  coroutine.yield(YIELD)
end

-- Driver side: co yielded `token, arg` through sleep/yield outside a loop
-- task (or, with no token, at a forced yield of an attached coroutine).
-- Let the loop run other work for that long, then resume co.
function Sched:wait(co, token, arg)
  self:pause(token, arg)
  return coroutine.resume(co)
end

-- The waiting part of wait(): the driver resumes co itself afterwards.
function Sched:pause(token, arg)
  local l = self.loop
  if token == SLEEP and type(arg) == "number" and arg > 0 then
    if l:in_task() then
      l:msleep(arg)
    else
      l:spawn(function() l:msleep(arg) end)
      l:run(arg / 1000)
    end
  elseif token == YIELD or token == nil then
    if l:in_task() then l:yield() else l:step(0) end
  end
end

-- The harness made co for one yieldable call (action, service) and will
-- resume it itself from a loop task: forced yields and the execution
-- timeout apply to it, with a fresh budget. limits ({forced_yield, timeout},
-- as for l:spawn) replace the task's own for this call: an action gets
-- session-timeout, a service service-timeout. attach(nil) ends the call
-- and returns the watchdog's message if it fired meanwhile (even caught).
-- No-op outside a loop task.
function Sched:attach(co, limits)
  if self.loop:in_task() then return self.loop:attach(co, limits) end
end

-- Run fn(...) in a task of its own and step the loop until it ends (other
-- tasks progress meanwhile, as other streams do in HAProxy). The task has
-- no limits of its own: the harness attaches the call it drives with the
-- call's limits. Errors fn raises are raised here.
function Sched:run_in_task(fn, ...)
  local l, res, failed, err = self.loop, nil, false, nil
  -- the failure path allocates nothing: after an out-of-memory error the
  -- memory is only given back once the caller lets the call's garbage go
  local t = l:spawn({ forced_yield = false, timeout = false, done = function(ok, ...)
    if ok then res = table.pack(...) else failed, err = true, ... end
  end }, fn, ...)
  while not res and not failed do
    l:step()
    -- The task can end without calling done: the loop counts a report it
    -- could not make even after a collection (the call's garbage is still
    -- held by its caller), or someone cancelled it. Stepping on would spin.
    if not res and not failed then
      local st = t:status()
      if st == "cancelled" then error("proxylua: the task running the call was cancelled", 0) end
      if st == "done" or st == "error" then error("not enough memory", 0) end
    end
  end
  if failed then error(err, 0) end
  return table.unpack(res, 1, res.n)
end

-- Queue a task coroutine; done(ok, ...) gets coroutine.resume's returns.
-- limits: {forced_yield, timeout, burst, burst_named} for this task
-- (default: the loop's).
function Sched:spawn(co, done, limits)
  local o = { done = done }
  if limits then
    o.forced_yield, o.timeout = limits.forced_yield, limits.timeout
    o.burst, o.burst_named = limits.burst, limits.burst_named
  end
  return self.loop:spawn(o, co)
end

-- Run until no task is left (true) or max_ms of loop time passed (false).
function Sched:run(max_ms)
  return (self.loop:run(max_ms and max_ms / 1000))
end

return S
