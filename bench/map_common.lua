-- Maps and queries timed by bench/map_bench.lua (stock Lua) and
-- bench/haproxy/map.lua (inside HAProxy): per method a generated map file
-- of the size the issue names, hit queries (drawn from the keys) and miss
-- queries (same shape, absent).
local M = {}

M.SIZES = { str = 100000, beg = 100000, ip = 100000, sub = 10000, dom = 10000, dir = 10000,
            ["end"] = 10000, int = 10000, reg = 2000 }
M.ORDER = { "str", "beg", "end", "sub", "dir", "dom", "reg", "int", "ip" }

-- A linear congruential generator modulo 2^31: its low bits repeat with a
-- short period (the low 8 bits every 256 draws), so draws use the high bits.
local seed = 12345
local function r(n)
  seed = (seed * 1103515245 + 12345) % 2147483648
  return (seed >> 8) % n + 1
end
M.r = r

local function word(n)
  local t = {}
  for i = 1, n do t[i] = string.char(96 + r(26)) end
  return table.concat(t)
end

-- Returns keys (array), hit queries, miss queries; reg also returns Lua
-- patterns equivalent to its regexes (for the pure-Lua baseline).
local GEN = {}
function GEN.str(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = "host-" .. word(6) .. i .. ".example.com" end
  for i = 1, 1000 do hits[i] = keys[r(n)]; miss[i] = "host-" .. word(6) .. "x.example.com" end
  return keys, hits, miss
end
function GEN.beg(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = "/svc" .. r(500) .. "/" .. word(3) .. i .. (r(2) == 1 and "/" or "") end
  for i = 1, 1000 do
    hits[i] = keys[r(n)] .. "/items/" .. r(1000)
    miss[i] = "/other" .. r(500) .. "/" .. word(3) .. "/items"
  end
  return keys, hits, miss
end
GEN["end"] = function(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = "." .. word(5) .. i .. ".example.com" end
  for i = 1, 1000 do
    hits[i] = "www." .. keys[r(n)]:sub(2)
    miss[i] = "www." .. word(5) .. ".example.org"
  end
  return keys, hits, miss
end
function GEN.sub(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = word(4) .. i .. word(2) end
  for i = 1, 1000 do
    hits[i] = "/search?q=" .. word(10) .. keys[r(n)] .. word(10)
    miss[i] = "/search?q=" .. word(30)
  end
  return keys, hits, miss
end
function GEN.dir(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = word(4) .. i .. (r(3) == 1 and ("/" .. word(3)) or "") end
  for i = 1, 1000 do
    hits[i] = "/static/" .. word(3) .. "/" .. keys[r(n)] .. "/img.png"
    miss[i] = "/static/" .. word(3) .. "/" .. word(6) .. "/img.png"
  end
  return keys, hits, miss
end
function GEN.dom(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = word(5) .. i .. "." .. (r(2) == 1 and "example.com" or "example.org") end
  for i = 1, 1000 do
    hits[i] = "www." .. keys[r(n)]
    miss[i] = "www." .. word(6) .. ".example.com"
  end
  return keys, hits, miss
end
function GEN.reg(n)
  local keys, pats, hits, miss = {}, {}, {}, {}
  for i = 1, n do
    local w = word(4) .. i
    keys[i] = "^/" .. w .. "/v[0-9]+/item/[0-9]+$"
    pats[i] = "^/" .. w .. "/v%d+/item/%d+$"
  end
  for i = 1, 1000 do
    local k = keys[r(n)]:match("^%^/([^/]+)")
    hits[i] = "/" .. k .. "/v" .. r(9) .. "/item/" .. r(99999)
    miss[i] = "/" .. word(4) .. "/v" .. r(9) .. "/item/" .. r(99999)
  end
  return keys, hits, miss, pats
end
function GEN.int(n)
  local keys, hits, miss = {}, {}, {}
  for i = 1, n do keys[i] = (i * 100) .. ":" .. (i * 100 + 49) end
  for i = 1, 1000 do hits[i] = r(n) * 100 + r(50) - 1; miss[i] = r(n) * 100 + 50 + r(49) end
  return keys, hits, miss
end
function GEN.ip(n)
  local keys, hits, miss = {}, {}, {}
  local plen = { 16, 20, 24, 24, 24, 28, 32, 32 }
  for i = 1, n do
    keys[i] = string.format("%d.%d.%d.%d/%d", 10 + r(100), r(256) - 1, r(256) - 1, 0, plen[r(#plen)])
  end
  for i = 1, 1000 do
    local a, b, c = keys[r(n)]:match("^(%d+)%.(%d+)%.(%d+)")
    hits[i] = string.format("%s.%s.%s.%d", a, b, c, 0)
    miss[i] = string.format("%d.%d.%d.%d", 150 + r(100), r(256) - 1, r(256) - 1, r(256) - 1)
  end
  return keys, hits, miss
end

-- One hit query per key (str, beg, ip), in key order.
function M.hit_every_key(method, keys)
  local qs = {}
  for i, k in ipairs(keys) do
    if method == "beg" then
      qs[i] = k .. "/items/1"
    elseif method == "ip" then
      qs[i] = k:match("^[^/]+")
    else
      qs[i] = k
    end
  end
  return qs
end

function M.generate(method)
  seed = 12345
  return GEN[method](M.SIZES[method])
end

-- Writes keys as a map file (value "v<i>") and returns its path.
function M.write(method, keys)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  local t = {}
  for i, k in ipairs(keys) do t[#t + 1] = k .. " v" .. i .. "\n" end
  f:write(table.concat(t))
  f:close()
  return path
end

-- ns per m:lookup(q) over queries, the call written inline as a script
-- would (no wrapper function), each run at least `min` seconds.
function M.time_lookup(m, queries, min)
  local n, total, t0 = 0, 0, os.clock()
  repeat
    for i = 1, #queries do local _ = m:lookup(queries[i]) end
    n = n + #queries
    total = os.clock() - t0
  until total >= min
  return total / n * 1e9
end

-- Best of `runs` runs for each of two maps on the same queries, the runs
-- interleaved (a, b, a, b, ...) so that drift in machine load hits both.
function M.best_pair(a, b, queries, runs, min)
  local ta, tb = math.huge, math.huge
  for _ = 1, runs do
    ta = math.min(ta, M.time_lookup(a, queries, min))
    tb = math.min(tb, M.time_lookup(b, queries, min))
  end
  return ta, tb
end

-- ns per call of f(q) over queries, repeated until at least `min` seconds.
function M.time(f, queries, min)
  local n, total, t0 = 0, 0, os.clock()
  repeat
    for i = 1, #queries do f(queries[i]) end
    n = n + #queries
    total = os.clock() - t0
  until total >= (min or 0.2)
  return total / n * 1e9
end

function M.line(case, ours, base, label)
  return string.format("%s: ours %.0f ns/op, %s %.0f ns/op, ratio %.2fx", case, ours,
    label or "baseline", base, base / ours)
end

function M.rss_kb()
  local f = io.open("/proc/self/status")
  if not f then return 0 end
  local s = f:read("a")
  f:close()
  return tonumber(s:match("VmRSS:%s*(%d+)")) or 0
end

-- A 1,000,000-entry str map file.
function M.write_million()
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  for chunk = 0, 99 do
    local t = {}
    for i = chunk * 10000 + 1, chunk * 10000 + 10000 do
      t[#t + 1] = string.format("key-%07d.example.com backend-%d\n", i, i % 97)
    end
    f:write(table.concat(t))
  end
  f:close()
  return path
end

return M
