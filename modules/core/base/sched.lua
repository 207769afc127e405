-- The scheduling seam of proxylua.core. Every wait the emulated API makes
-- (core.sleep, core.msleep, core.yield, act.YIELD re-runs, tasks) goes through
-- one scheduler object, so the event loop (proxylua.loop) can replace this
-- default one. Interface:
--   sched:now()             -> sec, usec       the clock core.now() reads
--   sched:sleep(ms)         called inside a yieldable coroutine; suspends it
--   sched:yield()           same, resumed at the next turn
--   sched:wait(co, ...)     the driver got `...` yielded by co through sleep/
--                           yield: come back when it may go on, return what
--                           coroutine.resume(co) returns
--   sched:spawn(co, done)   queue a task coroutine; done(ok, ...) at its end
--   sched:run([max_ms])     run queued tasks until none is left (or the clock
--                           passed max_ms of virtual time)
-- This default scheduler is single threaded and uses a virtual clock: a sleep
-- returns at once and moves the clock forward, so specs never wait.
local native = require "proxylua.core_native"

local schedlib = {}
local SLEEP = setmetatable({}, { __tostring = function() return "proxylua sleep" end })
local YIELD = setmetatable({}, { __tostring = function() return "proxylua yield" end })
schedlib.SLEEP, schedlib.YIELD = SLEEP, YIELD

local Sched = {}
Sched.__index = Sched

function schedlib.new(opts)
  opts = opts or {}
  local self = setmetatable({ offset_us = 0, queue = {}, seq = 0 }, Sched)
  if opts.now then -- a fixed start time (epoch seconds) for reproducible specs
    local sec, usec = native.now()
    self.offset_us = (opts.now - sec) * 1000000 - usec
  end
  return self
end

function Sched:now()
  local sec, usec = native.now()
  local t = sec * 1000000 + usec + self.offset_us
  return t // 1000000, t % 1000000
end

function Sched:now_ms()
  local sec, usec = self:now()
  return sec * 1000 + usec // 1000
end

function Sched:advance(ms)
  if ms > 0 then self.offset_us = self.offset_us + ms * 1000 end
end

function Sched:sleep(ms) -- luacheck: ignore self
  coroutine.yield(SLEEP, ms)
end

function Sched:yield() -- luacheck: ignore self
  coroutine.yield(YIELD)
end

-- Driver side: the coroutine yielded `token, arg`; it is the only runnable
-- work, so waiting means moving the virtual clock.
function Sched:wait(co, token, arg)
  self:pause(token, arg)
  return coroutine.resume(co)
end

-- The waiting part of wait(): the driver resumes co itself afterwards.
function Sched:pause(token, arg)
  if token == SLEEP and type(arg) == "number" and arg > 0 then
    self:advance(arg)
  end
end

function Sched:spawn(co, done)
  self.seq = self.seq + 1
  self.queue[#self.queue + 1] = { co = co, at = self:now_ms(), seq = self.seq, done = done }
end

-- Run tasks: earliest wake time first (registration order on ties).
function Sched:run(max_ms)
  local limit = max_ms and (self:now_ms() + max_ms)
  while #self.queue > 0 do
    table.sort(self.queue, function(a, b)
      if a.at ~= b.at then return a.at < b.at end
      return a.seq < b.seq
    end)
    local t = table.remove(self.queue, 1)
    if limit and t.at > limit then
      table.insert(self.queue, 1, t)
      return false
    end
    local now = self:now_ms()
    if t.at > now then self:advance(t.at - now) end
    local res = table.pack(coroutine.resume(t.co))
    if coroutine.status(t.co) == "suspended" then
      local token, arg = res[2], res[3]
      t.at = self:now_ms() + ((token == SLEEP and type(arg) == "number" and arg > 0) and arg or 0)
      self.seq = self.seq + 1
      t.seq = self.seq
      self.queue[#self.queue + 1] = t
    elseif t.done then
      t.done(table.unpack(res, 1, res.n))
    end
  end
  return true
end

return schedlib
