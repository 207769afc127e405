-- Round trip through the shim against raw core.tcp() in the same HAProxy 2.6
-- (issue 14, bench b; target: at most 1.1x), with Debian's blocking
-- LuaSocket in the same service as the loopback floor. N PING/PONG round
-- trips to redis-server on one connection, best of ROUNDS, impls interleaved.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/roundtrip_live.lua
local L = require "bench.live.lib"

local N, ROUNDS = 5000, 9
local CONFIG = [[
frontend rt
    bind 127.0.0.1:${PORT}
    http-request use-service lua.roundtrip
]]

local redis = L.redis()
local hap = L.haproxy("roundtrip.lua", nil, CONFIG)
local best = {}
local ok, err = pcall(function()
  for _ = 1, ROUNDS do
    for _, impl in ipairs({ "raw", "shim", "blocking" }) do
      local status, body = L.H.http({ port = hap.port, timeout = 60,
        path = ("/?impl=%s&n=%d&port=%d"):format(impl, N, redis.port) })
      assert(status == 200, body)
      local us = tonumber(body)
      if us and (not best[impl] or us < best[impl]) then best[impl] = us end
    end
  end
end)
hap:stop()
redis:stop()
assert(ok, err)

local function per(impl) return best[impl] and best[impl] / N end
print(("roundtrip: %d PING/PONG round trips to redis-server on one connection, best of %d")
      :format(N, ROUNDS))
print(("  raw core.tcp()             %7.1f us/round trip"):format(per("raw")))
print(("  Debian blocking LuaSocket  %7.1f us/round trip (floor: no yield to HAProxy's scheduler)")
      :format(per("blocking")))
if best.shim then
  print(("  shim                       %7.1f us/round trip: ratio shim/raw %.2fx (a cost: target <= 1.1x)")
        :format(per("shim"), best.shim / best.raw))
else
  print("  shim: not measured (proxylua.luasocket is not built)")
end
