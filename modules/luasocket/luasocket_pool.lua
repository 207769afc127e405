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

local function drop(list, k)
  local e = tremove(list, k)
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
        tremove(list, k)            -- its own timer has closed it by now
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
