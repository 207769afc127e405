-- The reason the shim exists, measured (issue 14, bench a): HAProxy 2.6 with
-- nbthread 1 has a frontend whose Lua action waits 100 ms on a backend and a
-- plain frontend beside it. wrk loads the first while measuring the second:
-- its p50/p99 latency and throughput with Debian's blocking LuaSocket in the
-- action, with the shim, and with no Lua traffic at all.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/neighbour_live.lua
local L = require "bench.live.lib"

local SECS, LOADERS, PROBES = 3, 50, 10

local CONFIG = [[
frontend waits
    bind 127.0.0.1:${PORT}
    http-request lua.wait_backend ${REDIS}
    http-request return status 200 content-type text/plain string "waited %[var(txn.waited)]\n"
frontend plain
    bind 127.0.0.1:${PORT1}
    http-request return status 200 content-type text/plain string "plain\n"
]]

local redis = L.redis({ hz = 100 })
local results = {}
local function run(mode)
  local hap = L.haproxy("wait.lua", { BENCH_SOCKET = mode },
                        CONFIG:gsub("%${REDIS}", redis.port), 1)
  local ok, err = pcall(function()
    -- the load starts first and ends last: the probe sees only loaded time
    local probe = { url = L.url(hap.vars.PORT1), c = PROBES, d = SECS, latency = true }
    if mode == "none" then
      results[mode] = { plain = L.wrk({ probe })[1] }
    else
      probe.after = 0.5
      local r = L.wrk({ { url = L.url(hap.port), c = LOADERS, d = SECS + 1 }, probe })
      results[mode] = { plain = r[2], waits = r[1] }
    end
  end)
  hap:stop()
  assert(ok, err)
end

local ok, err = pcall(function()
  run("none")
  run("blocking")
  if L.has_shim() then run("shim") end
end)
redis:stop()
assert(ok, err)

local base = results.none.plain
local function line(name, r)
  local p, w = r.plain, r.waits
  local load = w and ("  | waiting frontend %.0f req/s, %d errors"):format(w.rps or 0, w.errors) or ""
  if not p.p99 then
    print(("%-30s plain: no answer at all within the %d s run (p99 > %d ms)%s"):format(
      name, SECS, SECS * 1000, load))
    return
  end
  print(("%-30s plain p50 %8.2f ms  p99 %8.2f ms  %8.0f req/s  (p99 %.2fx no-Lua, req/s %.2fx)%s"):format(
    name, p.p50, p.p99, p.rps, p.p99 / base.p99, p.rps / base.rps, load))
end
print(("neighbour: %d wrk connections on the plain frontend, %d on the waiting one, %d s each, nbthread 1")
      :format(PROBES, LOADERS, SECS))
line("no Lua traffic", results.none)
line("blocking LuaSocket in action", results.blocking)
if results.shim then
  line("shim in action", results.shim)
else
  print("shim in action: not measured (proxylua.luasocket is not built)")
end
if os.getenv("BENCH_RAW") then
  for mode, r in pairs(results) do print("== " .. mode); print(r.plain.raw); if r.waits then print(r.waits.raw) end end
end
