-- Round trip through the shim against raw core.tcp() in the same HAProxy 2.6
-- (issue 14, bench b; target: at most 1.1x), with Debian's blocking
-- LuaSocket in the same service as the loopback floor. PING/PONG round
-- trips to redis-server, one connection per implementation, timed inside
-- HAProxy.
--
-- Method (docs/performance.md, luasocket): HAProxy's thread and redis-server
-- pinned to one CPU (lib.lua; on two, each round trip pays two cross-CPU
-- wake-ups, which on this VM cost more than the work compared, and the
-- ratio shrinks towards 1 for no merit of the shim); inside each call the
-- three take turns in batches of B round trips (roundtrip.lua: the median
-- batch of each); a warm-up call first (not counted); then ROUNDS calls;
-- every figure is the median over the calls, with its range.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/roundtrip_live.lua
-- BENCH_ROUNDS, BENCH_CPUS, BENCH_PRIO (lib.lua).
local L = require "bench.live.lib"
L.need({ "redis-server", "curl", L.H.haproxy_bin() })
L.pin("1,1")
L.priority("rt")

local N, B, ROUNDS = 6000, 100, tonumber(os.getenv("BENCH_ROUNDS")) or 9
local CONFIG = [[
frontend rt
    bind 127.0.0.1:${PORT}
    http-request use-service lua.roundtrip
]]

L.header(("roundtrip: PING/PONG round trips to redis-server, %d per implementation in batches of %d " ..
          "taking turns; %d calls, median (range)"):format(N, B, ROUNDS))
local redis = L.redis({ timeout = 300 })
local hap = L.haproxy("roundtrip.lua", nil, CONFIG)
local us = { raw = {}, shim = {}, blocking = {} }
local ok, err = pcall(function()
  local function call()
    local status, body = L.H.http({ port = hap.port, timeout = 60,
      path = ("/?n=%d&b=%d&port=%d"):format(N, B, redis.port) })
    assert(status == 200, body)
    return body
  end
  call()   -- warm-up
  for round = 1, ROUNDS do
    for impl, med in call():gmatch("(%a+) ([%d.]+)") do us[impl][round] = tonumber(med) end
  end
end)
hap:stop()
redis:stop()
assert(ok, err)

local S = { raw = L.stats(us.raw), shim = L.stats(us.shim), blocking = L.stats(us.blocking) }
print(("  raw core.tcp()             %s us/round trip"):format(L.spread(S.raw, "%.1f")))
print(("  Debian blocking LuaSocket  %s us/round trip (floor: no yield to HAProxy's scheduler)")
      :format(L.spread(S.blocking, "%.1f")))
if S.shim then
  local per = {}
  for i, v in pairs(us.shim) do if us.raw[i] then per[#per + 1] = v / us.raw[i] end end
  local r = L.stats(per)
  print(("  shim                       %s us/round trip"):format(L.spread(S.shim, "%.1f")))
  print(("  shim / raw %.2fx (call by call %.2f–%.2fx): a cost, target <= 1.1x; the shim adds %.1f us")
        :format(S.shim.median / S.raw.median, r.min, r.max, S.shim.median - S.raw.median))
  print(("  raw / blocking %.2fx: what yielding to HAProxy's scheduler costs a round trip")
        :format(S.raw.median / S.blocking.median))
else
  print("  shim: not measured (proxylua.luasocket is not built)")
end
print(("  load average at the end %s"):format(L.loadavg()))
