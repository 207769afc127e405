-- proxylua.map against naive pure-Lua maps (stock Lua), per method at the
-- issue's sizes, hits and misses; then the load time and resident memory of
-- a 1,000,000-entry str map. Run: lua5.3 bench/map_bench.lua
local Map = require "proxylua.map"
local C = require "bench.map_common"
local socket_ok, socket = pcall(require, "socket")
local now = socket_ok and socket.gettime or os.clock

-- The baselines: what a script would write without proxylua.
local NAIVE = {}
function NAIVE.str(keys)
  local t = {}
  for i = #keys, 1, -1 do t[keys[i]] = "v" .. i end
  return function(q) return t[q] end
end
function NAIVE.beg(keys)
  return function(q)
    local best, bl
    for i = 1, #keys do
      local k = keys[i]
      if #k > (bl or -1) and q:sub(1, #k) == k then best, bl = i, #k end
    end
    return best
  end
end
NAIVE["end"] = function(keys)
  return function(q)
    for i = 1, #keys do local k = keys[i]; if q:sub(-#k) == k then return i end end
  end
end
function NAIVE.sub(keys)
  return function(q)
    for i = 1, #keys do if q:find(keys[i], 1, true) then return i end end
  end
end
local function word_naive(delims)
  return function(keys)
    local class = "[" .. delims:gsub("%p", "%%%0") .. "]"
    return function(q)
      for i = 1, #keys do
        local k = keys[i]
        local s = 1
        while true do
          local a, b = q:find(k, s, true)
          if not a then break end
          local before, after = q:sub(a - 1, a - 1), q:sub(b + 1, b + 1)
          if (a == 1 or before:find(class)) and (b == #q or after:find(class)) then return i end
          s = a + 1
        end
      end
    end
  end
end
NAIVE.dir = word_naive("/?")
NAIVE.dom = word_naive("/?.:")
function NAIVE.reg(_, pats)
  return function(q)
    for i = 1, #pats do if q:find(pats[i]) then return i end end
  end
end
function NAIVE.int(keys)
  local lo, hi = {}, {}
  for i, k in ipairs(keys) do
    local a, b = k:match("^(%d+):(%d+)$")
    lo[i], hi[i] = tonumber(a), tonumber(b)
  end
  return function(q)
    for i = 1, #lo do if q >= lo[i] and q <= hi[i] then return i end end
  end
end
function NAIVE.ip(keys)
  local net, mask = {}, {}
  for i, k in ipairs(keys) do
    local a, b, c, d, p = k:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)/(%d+)$")
    a, b, c, d, p = math.tointeger(a), math.tointeger(b), math.tointeger(c), math.tointeger(d), math.tointeger(p)
    mask[i] = p == 0 and 0 or (0xffffffff << (32 - p)) & 0xffffffff
    net[i] = ((a << 24) | (b << 16) | (c << 8) | d) & mask[i]
  end
  return function(q)
    local a, b, c, d = q:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)")
    if not a then return nil end
    local x = (math.tointeger(a) << 24) | (math.tointeger(b) << 16) | (math.tointeger(c) << 8) | math.tointeger(d)
    local best, bm
    for i = 1, #net do
      if x & mask[i] == net[i] and (bm == nil or mask[i] > bm) then best, bm = i, mask[i] end
    end
    return best
  end
end

print(string.format("map (%s): proxylua.map vs naive pure Lua", _VERSION))
for _, meth in ipairs(C.ORDER) do
  local keys, hits, miss, pats = C.generate(meth)
  local path = C.write(meth, keys)
  local m = Map.new(path, Map["_" .. meth])
  os.remove(path)
  local naive = NAIVE[meth](keys, pats)
  local few_h, few_m = {}, {}
  for i = 1, 100 do few_h[i], few_m[i] = hits[i], miss[i] end
  for _, case in ipairs{ { "hit", hits, few_h }, { "miss", miss, few_m } } do
    local ours = C.time(function(q) return m:lookup(q) end, case[2], 0.2)
    local base = C.time(naive, meth == "str" and case[2] or case[3], 0.2)
    print(C.line(string.format("%s %d %s", meth, #keys, case[1]), ours, base, "naive Lua"))
  end
end

-- 1,000,000 entries: load time and resident memory per entry
local path = C.write_million()
collectgarbage(); collectgarbage()
local rss0, t0 = C.rss_kb(), now()
local big = Map.new(path)
local dt = now() - t0
local rss1 = C.rss_kb()
assert(big:lookup("key-0500000.example.com") == "backend-" .. 500000 % 97)
print(string.format("str 1000000 load: %.3f s, %.0f bytes of RSS per entry (shared copy)",
  dt, (rss1 - rss0) * 1024 / 1e6))
big = nil
collectgarbage(); collectgarbage()
rss0, t0 = C.rss_kb(), now()
local t = {}
for line in io.lines(path) do
  local k, v = line:match("^(%S+)%s+(.*)$")
  if t[k] == nil then t[k] = v end
end
dt = now() - t0
print(string.format("str 1000000 naive Lua table load: %.3f s, %.0f bytes of RSS per entry",
  dt, (C.rss_kb() - rss0) * 1024 / 1e6))
os.remove(path)
