-- Keep-alive pool for proxylua.luasocket (OpenResty's setkeepalive /
-- getreusedtimes): idle connections per "host:port", per Lua state, each
-- closed after its idle time. docs/luasocket.md §Pool.
local Pool = {}
Pool.__index = Pool

local DEFAULT_IDLE_MS, DEFAULT_SIZE = 60000, 30
local pcall, tremove = pcall, table.remove

function Pool.new(rt)
  return setmetatable({ rt = rt, lists = {} }, Pool)
end

-- "ok", "dead" or "foreign". HAProxy 2.6 runs one lua-load state on every
-- thread, but a socket only works on the thread that made it (any method
-- raises "cannot use socket on other thread" and core.thread is 0 on all of
-- them, docs/haproxy-socket.md §13): such a connection stays for its own
-- thread. One its idle timer destroyed has no peer name any more; one the
-- peer closed still has (§13): its first read shows it (luasocket.lua's
-- replay).
local function state(tp)
  local ok, name = pcall(tp.getpeername, tp)
  if not ok then
    if type(name) == "string" and name:find("other thread", 1, true) then return "foreign" end
    return "dead"
  end
  return name ~= nil and "ok" or "dead"
end

-- Drop the expired and dead entries this thread can see.
function Pool.expire(_, list, now)
  local k = 1
  while k <= #list do
    local e = list[k]
    local st = state(e.tp)
    if st == "dead" or (e.deadline <= now and st == "ok") then
      tremove(list, k)
      Pool.disarm(e)
      pcall(e.tp.close, e.tp)
    elseif st == "foreign" and e.deadline + 1 <= now then
      tremove(list, k)            -- its own timer has closed it by now
    else
      k = k + 1
    end
  end
end

-- Put an idle connection: true, or nil, err (the caller closes it).
function Pool:put(key, tp, meta, idle_ms, size)
  if not key then return nil, "not a pooled connection" end
  idle_ms = tonumber(idle_ms) or DEFAULT_IDLE_MS
  size = tonumber(size) or DEFAULT_SIZE
  if idle_ms <= 0 then idle_ms = DEFAULT_IDLE_MS end
  local list = self.lists[key]
  if not list then list = {}; self.lists[key] = list end
  local now = self.rt:now()
  self:expire(list, now)
  local mine = 0
  for _, e in ipairs(list) do if state(e.tp) == "ok" then mine = mine + 1 end end
  if mine >= size then
    for k, e in ipairs(list) do
      if state(e.tp) == "ok" then tremove(list, k); Pool.disarm(e); pcall(e.tp.close, e.tp); break end
    end
  end
  -- the idle time is the connection's inactivity timer: when it fires
  -- the connection is closed, as OpenResty closes idle ones
  pcall(tp.settimeout, tp, idle_ms / 1000)
  local e = { tp = tp, meta = meta, deadline = now + idle_ms / 1000 }
  list[#list + 1] = e
  self:arm(list, e, idle_ms / 1000)
  return true
end

-- Under stock Lua nothing closes an idle socket whose timer ran out
-- (proxylua.socket checks it at the next use): a background task of the
-- loop (it keeps no run() going) sleeps for the idle time and closes the
-- entry if it is still in the pool. It fires whenever the loop runs (a
-- plain program's loop runs only inside the module's calls). Inside
-- HAProxy, HAProxy's own timer does it (and the harness's core.tcp()).
function Pool:arm(list, e, sec)
  local rt = self.rt
  if rt.kind ~= "stock" then return end
  local l = rt:loop()
  e.loop = l
  e.timer = l:spawn({ background = true }, function()
    l:sleep(sec)
    e.timer = nil
    for k = 1, #list do
      if list[k] == e then
        tremove(list, k)
        pcall(e.tp.close, e.tp)
        return
      end
    end
  end)
end

local function disarm(e)
  local t = e.timer
  if t then
    e.timer = nil
    pcall(e.loop.cancel, e.loop, t)
  end
end

-- An idle connection for key (most recent first), or nil.
function Pool:take(key)
  local list = self.lists[key]
  if not list then return nil end
  self:expire(list, self.rt:now())
  for k = #list, 1, -1 do
    local e = list[k]
    if state(e.tp) == "ok" then
      tremove(list, k)
      Pool.disarm(e)
      pcall(e.tp.settimeout, e.tp, 2147483)
      return e.tp, e.meta
    end
  end
  return nil
end

Pool.disarm = disarm

function Pool:size(key)
  local list = self.lists[key]
  return list and #list or 0
end

return Pool
