-- make bench (scripts/run-bench): requests per second through real HAProxy
-- 2.6 (nbthread 2) of the same per-request logic written with proxylua
-- (lua.ours) and with HAProxy's own Concat, converters and Map (lua.theirs),
-- bench/load/service.lua, under lua-load and lua-load-per-thread, in one
-- run: wrk alternates between the two paths, best of ROUNDS runs each.
-- Besides requests per second (which wrk, sharing the CPUs, and any other
-- load on the machine blur), HAProxy's own CPU time per request.
-- Needs build/5.3 and wrk; run from the repository's root.
local L = require "bench.load.common"

local SECONDS = tonumber(os.getenv("LOAD_SECONDS")) or 5
local ROUNDS = tonumber(os.getenv("LOAD_ROUNDS")) or 2

print(("load inside HAProxy 2.6, nbthread 2, wrk -t2 -c16, %d s x best of %d per figure"):format(SECONDS, ROUNDS))
print("maps x1: str 2000, beg 300, dom 200, sub 500, reg 100 entries; x10: ten times that")
for _, run in ipairs({ { "lua-load", 1 }, { "lua-load-per-thread", 1 }, { "lua-load", 10 }, { "lua-load-per-thread", 10 } }) do
  local mode, scale = run[1], run[2]
  local hap = L.start(mode, nil, 2 * ROUNDS * (SECONDS + 10) + 30, scale)
  local ok, err = pcall(function()
    L.run_wrk(hap, "/ours", 1)
    L.run_wrk(hap, "/theirs", 1)
    local best, cpu = { ours = 0, theirs = 0 }, { ours = math.huge, theirs = math.huge }
    for _ = 1, ROUNDS do
      for _, side in ipairs({ "ours", "theirs" }) do
        local c0 = L.cpu_s(hap)
        local r = L.run_wrk(hap, "/" .. side, SECONDS)
        local us = (L.cpu_s(hap) - c0) / r.requests * 1e6
        assert(r.non2xx == 0 and r.errors == 0 and r.requests > 0, r.text)
        if r.rps > best[side] then best[side] = r.rps end
        if us < cpu[side] then cpu[side] = us end
      end
    end
    print(("%-20s x%-2d proxylua %7.0f req/s %5.1f us CPU/req | HAProxy Concat/converters/Map %7.0f req/s %5.1f us CPU/req | x%.2f req/s, x%.2f CPU")
      :format(mode, scale, best.ours, cpu.ours, best.theirs, cpu.theirs, best.ours / best.theirs, cpu.theirs / cpu.ours))
  end)
  hap:stop()
  assert(ok, err)
end
