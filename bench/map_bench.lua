-- proxylua.map against naive pure-Lua maps (stock Lua), per method at the
-- issue's sizes, hits and misses; then the load time and resident memory of
-- a 1,000,000-entry str map, and the load time of repeated keys.
-- Run: lua5.3 bench/map_bench.lua
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

-- Repeated keys (docs/map.md): one key repeated N times loads in the time
-- of N distinct keys or less, for every method (a slot per copy made it
-- quadratic: 80,000 copies of one str key took 1.2 s, 2,000,000 never
-- finished). reg at a tenth of N: each distinct regex is compiled.
do
  local KEYS = { str = "samekey", beg = "/api", ["end"] = ".com", sub = "abc", dir = "api",
                 dom = "example.com", reg = "^/a.c", int = "42", ip = "10.0.0.0/8" }
  local N = 200000
  local function load_ns(text, meth, n)
    local best = math.huge
    for _ = 1, 2 do
      local t0 = now()
      local m = Map.new(text, Map["_" .. meth], { text = true })
      m:lookup(meth == "int" and 42 or "x")
      best = math.min(best, (now() - t0) / n * 1e9)
      m = nil
      collectgarbage()
    end
    return best
  end
  print(string.format("load, ns per entry: one key repeated / distinct keys (%d entries)", N))
  for _, meth in ipairs(C.ORDER) do
    local k, n = KEYS[meth], meth == "reg" and N // 10 or N
    local same = string.rep(k .. " v\n", n)
    local parts = {}
    for i = 1, n do
      parts[i] = meth == "int" and tostring(i) or meth == "ip" and
        ("10.%d.%d.%d"):format(i >> 16 & 255, i >> 8 & 255, i & 255) or
        meth == "reg" and ("^/a%dc"):format(i) or (k .. i)
    end
    local distinct = table.concat(parts, " v\n") .. " v\n"
    parts = nil
    print(string.format("  %-4s %6.0f / %6.0f%s", meth, load_ns(same, meth, n), load_ns(distinct, meth, n),
      n ~= N and (" (%d entries)"):format(n) or ""))
  end
end
