-- Keep-alive pool for proxylua.luasocket (OpenResty's setkeepalive /
-- getreusedtimes): idle connections per "host:port", per Lua state, each
-- closed after its idle time. docs/luasocket.md §Pool.
--
-- Taking and putting cost O(1) HAProxy calls however many connections are
-- idle: only the connection handed out is asked whether it is alive, an
-- expiry pass runs only once the earliest deadline has passed, and the
-- per-thread count is made only when the list is full.
local Pool = {}
Pool.__index = Pool

local DEFAULT_IDLE_MS, DEFAULT_SIZE = 60000, 30
local MAX_TIMEOUT = 2147483
local pcall, tremove, type, tonumber = pcall, table.remove, type, tonumber
local huge = math.huge

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

-- Under stock Lua nothing closes an idle socket whose timer ran out
-- (proxylua.socket checks it at the next use): a background task of the
-- loop (it keeps no run() going) sleeps for the idle time and closes the
-- entry if it is still in the pool. It fires whenever the loop runs (a
-- plain program's loop runs only inside the module's calls). Inside
-- HAProxy, HAProxy's own timer does it (and the harness's core.tcp()).
local function arm(rt, list, e, sec)
  if rt.kind ~= "stock" then return end
  local l = rt:loop()
  e.loop = l
  e.timer = l:spawn({ background = true }, function()
    l:sleep(sec)
    e.timer = nil
    for k = 1, #list do
      if list[k] == e then
        tremove(list, k)
        local tp = e.tp
        e.tp = nil
        pcall(tp.close, tp)
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

local function drop(list, k)
  local e = tremove(list, k)
  disarm(e)
  pcall(e.tp.close, e.tp)
end

-- Drop the expired entries this thread can see (and, with `all`, the dead
-- ones too); list.next is the earliest deadline left.
function Pool.expire(_, list, now, all)
  if not all and now < list.next then return end
  local k, nxt = 1, huge
  while k <= #list do
    local e = list[k]
    local d = e.deadline
    if d <= now or all then
      local st = state(e.tp)
      if st == "dead" or (d <= now and st == "ok") then
        drop(list, k)
      elseif st == "foreign" and d + 1 <= now then
        disarm(tremove(list, k))    -- its own timer has closed it by now
      else
        if d < nxt then nxt = d end
        k = k + 1
      end
    else
      if d < nxt then nxt = d end
      k = k + 1
    end
  end
  list.next = nxt
end

-- Put an idle connection: true, or nil, err (the caller closes it).
-- e: { kick = ..., count = ... } (kept as the pool's entry)
function Pool:put(key, tp, e, idle_ms, size)
  if not key then return nil, "not a pooled connection" end
  idle_ms = tonumber(idle_ms) or DEFAULT_IDLE_MS
  size = tonumber(size) or DEFAULT_SIZE
  if idle_ms <= 0 then idle_ms = DEFAULT_IDLE_MS end
  local list = self.lists[key]
  if not list then list = { next = huge }; self.lists[key] = list end
  local now = self.rt.clock()
  self:expire(list, now)
  if #list >= size then
    -- full for some thread: count this thread's live ones (dead ones go)
    self:expire(list, now, true)
    local mine = 0
    for _, o in ipairs(list) do if state(o.tp) == "ok" then mine = mine + 1 end end
    if mine >= size then
      for k, o in ipairs(list) do
        if state(o.tp) == "ok" then drop(list, k); break end
      end
    end
  end
  -- the idle time is the connection's inactivity timer: when it fires
  -- the connection is closed, as OpenResty closes idle ones
  pcall(tp.settimeout, tp, idle_ms / 1000)
  e.tp, e.deadline = tp, now + idle_ms / 1000
  list[#list + 1] = e
  if e.deadline < list.next then list.next = e.deadline end
  arm(self.rt, list, e, idle_ms / 1000)
  return true
end

-- An idle connection for key (most recent first) and its entry, or nil.
function Pool:take(key)
  local list = self.lists[key]
  if not list or #list == 0 then return nil end
  self:expire(list, self.rt.clock())
  for k = #list, 1, -1 do
    local e = list[k]
    local st = state(e.tp)
    if st == "ok" then
      tremove(list, k)
      disarm(e)
      local tp = e.tp
      e.tp = nil
      pcall(tp.settimeout, tp, MAX_TIMEOUT)
      return tp, e
    elseif st == "dead" then
      drop(list, k)
    end
  end
  return nil
end

function Pool:size(key)
  local list = self.lists[key]
  return list and #list or 0
end

return Pool
