-- make bench: proxylua.concat against what a Lua user writes today, in one
-- run of stock Lua. Ratios > 1 mean proxylua is faster.
--   lua bench/concat_bench.lua            the append workloads
--   lua bench/concat_bench.lua big WHO    one 100 MB build (run in its own process)
local concat = require "proxylua.concat"
local common = require "bench.concat_common"

local function peak_rss_kib()
  local f = io.open("/proc/self/status")
  local s = f:read("a"); f:close()
  return tonumber(s:match("VmHWM:%s*(%d+)"))
end

local BIG_PIECES, PIECE_1K = 100 * 1024, string.rep("k", 1024)  -- 100 MiB

if arg[1] == "big" then
  local base = peak_rss_kib()
  local t0 = os.clock()
  local s
  if arg[2] == "proxylua" then
    local b = concat.new()
    for _ = 1, BIG_PIECES do b:add(PIECE_1K) end
    s = b:dump()
  else
    local t = {}
    for i = 1, BIG_PIECES do t[i] = PIECE_1K end
    s = table.concat(t)
  end
  local dt = os.clock() - t0
  assert(#s == BIG_PIECES * 1024)
  print(string.format("%.3f %d", dt, (peak_rss_kib() - base) // 1024))
  os.exit(0)
end

local c = common.cases(concat.new)
local t = {}
for _, name in ipairs{ "c_call_floor", "c_method_floor", "proxylua", "proxylua_reuse", "proxylua_variadic10",
                       "table_index", "table_len", "dotdot" } do
  t[name] = common.best_of(name == "dotdot" and 1 or 3, c[name])
end
print(string.format("concat (%s, %d builds x %d appends of 10 bytes)", _VERSION, common.ROUNDS, common.APPENDS))
for _, case in ipairs{ "proxylua", "proxylua_reuse", "proxylua_variadic10" } do
  print(common.line(case .. " vs t[i]=", t[case], t.table_index, "t[i]=;concat"))
  print(common.line(case .. " vs t[#t+1]=", t[case], t.table_len, "t[#t+1]="))
  print(common.line(case .. " vs ..", t[case], t.dotdot, "s=s..p"))
end
print(string.format("%-34s ours %7.1f ns/add, %-14s %7.1f ns/add, cost %5.2fx the floor",
  "per-add cost vs bare C call:", common.ns(t.proxylua), "string.len", common.ns(t.c_call_floor),
  t.proxylua / t.c_call_floor))
print(string.format("%-34s ours %7.1f ns/add, %-14s %7.1f ns/add, cost %5.2fx the floor",
  "per-add cost vs bare C method call:", common.ns(t.proxylua), "p:len()", common.ns(t.c_method_floor),
  t.proxylua / t.c_method_floor))

local lua = arg[-1]
local function big(who)
  local p = assert(io.popen(string.format("%s bench/concat_bench.lua big %s", lua, who)))
  local out = p:read("a"); p:close()
  local secs, mib = out:match("([%d.]+) (%d+)")
  return tonumber(secs), tonumber(mib)
end
local os_, om = big("proxylua")
local ts, tm = big("table")
print(string.format("%-34s ours %.3f s peak +%d MiB, table.concat %.3f s peak +%d MiB, ratio %.2fx time, %.2fx memory",
  "100 MiB from 1 KiB pieces:", os_, om, ts, tm, ts / os_, tm / om))
