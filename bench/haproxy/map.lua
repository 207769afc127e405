-- Run inside HAProxy by `haproxy -c` (scripts/run-bench): proxylua.map
-- against HAProxy's own Map:lookup on the same map files and the same
-- queries, per method at the issue's sizes, hits and misses; then the
-- resident memory per entry of a 1,000,000-entry str map, ours and HAProxy's.
-- Both sides run the same inline loop (`local _ = m:lookup(q)`), best of 5
-- interleaved runs; every hit query hits and every miss query misses.
local PMap = require "proxylua.map"
local C = require "bench.map_common"

print(string.format("map inside HAProxy (%s): proxylua.map vs HAProxy's Map:lookup", _VERSION))
-- The floor: the same loop calling a C function that does nothing useful
-- (rawlen through a method call), i.e. what any lookup costs before it starts.
do
  local qs = {}
  for i = 1, 1000 do qs[i] = "q" .. i end
  local floor = C.best_pair({ lookup = rawlen }, { lookup = rawlen }, qs, 5, 0.05)
  print(string.format("call floor: %.0f ns/op (m:lookup(q) on a C function that returns at once)", floor))
end
local only = os.getenv("MAP_BENCH_ONLY")   -- e.g. "ip": one method, no load test
for _, meth in ipairs(C.ORDER) do
  if only and only ~= meth then goto next end
  local keys, hits, miss = C.generate(meth)
  local path = C.write(meth, keys)
  local ours = PMap.new(path, PMap["_" .. meth])
  local theirs = Map.new(path, Map["_" .. meth])
  -- HAProxy scans sub/dom/dir/end/int/reg entry by entry: fewer queries there
  local slow = meth ~= "str" and meth ~= "beg" and meth ~= "ip"
  for _, case in ipairs{ { "hit", hits }, { "miss", miss } } do
    local qs = case[2]
    local few = {}
    for i = 1, slow and 50 or #qs do few[i] = qs[i] end
    for i = 1, #few do
      local v = ours:lookup(few[i])
      assert(v == theirs:lookup(few[i]), meth .. " differs")
      assert((v ~= nil) == (case[1] == "hit"), meth .. " " .. case[1] .. " query " .. few[i])
    end
    local t_ours, t_theirs = C.best_pair(ours, theirs, few, 5, 0.05)
    print(C.line(string.format("%s %d %s", meth, #keys, case[1]), t_ours, t_theirs, "HAProxy Map"))
  end
  if not slow then
    -- One hit on every key, in file order: the working set exceeds the CPU
    -- caches, and each of our hits is the first on its entry (a fresh map of
    -- the same file shares the index but starts with an empty value cache).
    local all = C.hit_every_key(meth, keys)
    local t_ours, t_theirs = math.huge, math.huge
    for _ = 1, 3 do
      local fresh = PMap.new(path, PMap["_" .. meth])
      collectgarbage()
      local t = os.clock()
      for i = 1, #all do local _ = fresh:lookup(all[i]) end
      t_ours = math.min(t_ours, (os.clock() - t) / #all * 1e9)
      t = os.clock()
      for i = 1, #all do local _ = theirs:lookup(all[i]) end
      t_theirs = math.min(t_theirs, (os.clock() - t) / #all * 1e9)
    end
    print(C.line(string.format("%s %d every key once", meth, #keys), t_ours, t_theirs, "HAProxy Map"))
  end
  os.remove(path)
  ::next::
end
if only then return end

local path = C.write_million()
collectgarbage(); collectgarbage()
local rss0, t0 = C.rss_kb(), os.clock()
local ours = PMap.new(path)
local t_ours, rss1 = os.clock() - t0, C.rss_kb()
t0 = os.clock()
local theirs = Map.new(path, Map._str)
local t_theirs, rss2 = os.clock() - t0, C.rss_kb()
assert(ours:lookup("key-0500000.example.com") == theirs:lookup("key-0500000.example.com"))
print(string.format("str 1000000 load: ours %.3f s, %.0f bytes RSS/entry; HAProxy %.3f s, %.0f bytes RSS/entry",
  t_ours, (rss1 - rss0) * 1024 / 1e6, t_theirs, (rss2 - rss1) * 1024 / 1e6))
os.remove(path)
