-- Keep-alive pool for proxylua.luasocket (OpenResty's setkeepalive /
-- getreusedtimes): idle connections per "host:port", per Lua state, each
-- closed after its idle time. docs/luasocket.md §Pool.
local Pool = {}
Pool.__index = Pool

local DEFAULT_IDLE_MS, DEFAULT_SIZE = 60000, 30

function Pool.new(rt)
  return setmetatable({ rt = rt, lists = {}, count = 0 }, Pool)
end

local function alive(tp)
  -- a connection the peer or a timer closed has no peer any more
  local ok, name = pcall(tp.getpeername, tp)
  return ok and name ~= nil
end

-- Put an idle connection: true, or nil, err (the caller closes it).
function Pool:put(key, tp, meta, idle_ms, size)
  if not key then return nil, "not a pooled connection" end
  idle_ms = tonumber(idle_ms) or DEFAULT_IDLE_MS
  size = tonumber(size) or DEFAULT_SIZE
  if idle_ms == 0 then idle_ms = DEFAULT_IDLE_MS end
  local list = self.lists[key]
  if not list then list = {}; self.lists[key] = list end
  local now = self.rt:now()
  self:expire(list, now)
  if #list >= size then
    local old = table.remove(list, 1)
    pcall(old.tp.close, old.tp)
  end
  -- the idle time is the connection's inactivity timer: when it fires
  -- the connection is closed, as OpenResty closes idle ones
  pcall(tp.settimeout, tp, idle_ms / 1000)
  list[#list + 1] = { tp = tp, meta = meta, deadline = now + idle_ms / 1000 }
  return true
end

function Pool:expire(list, now)
  local k = 1
  while k <= #list do
    local e = list[k]
    if e.deadline <= now or not alive(e.tp) then
      table.remove(list, k)
      pcall(e.tp.close, e.tp)
    else
      k = k + 1
    end
  end
end

-- An idle connection for key (most recent first), or nil.
function Pool:take(key)
  local list = self.lists[key]
  if not list then return nil end
  self:expire(list, self.rt:now())
  local e = table.remove(list)
  if not e then return nil end
  pcall(e.tp.settimeout, e.tp, 2147483)
  return e.tp, e.meta
end

function Pool:size(key)
  local list = self.lists[key]
  return list and #list or 0
end

return Pool
