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
local SLEEP = setmetatable({}, { __tostring = function() return "proxylua sleep" end })
local YIELD = setmetatable({}, { __tostring = function() return "proxylua yield" end })
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
  return coroutine.resume(co)
end

-- The harness made co for one yieldable call (action, service) and will
-- resume it itself from a loop task: forced yields and the execution
-- timeout apply to it, with a fresh budget. No-op outside a loop task.
function Sched:attach(co)
  if self.loop:in_task() then self.loop:attach(co) end
end

-- Queue a task coroutine; done(ok, ...) gets coroutine.resume's returns.
function Sched:spawn(co, done)
  return self.loop:spawn({ done = done }, co)
end

-- Run until no task is left (true) or max_ms of loop time passed (false).
function Sched:run(max_ms)
  return (self.loop:run(max_ms and max_ms / 1000))
end

return S
