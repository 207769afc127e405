-- The reason the shim exists, measured (issue 14, bench a): HAProxy 2.6 with
-- nbthread 1 has a frontend whose Lua action waits 100 ms on a backend
-- (redis-server's BLPOP timing out) and a plain frontend beside it. wrk
-- loads the first while measuring the second: its p50/p99 latency and
-- throughput with Debian's blocking LuaSocket in the action, with the shim,
-- and with no Lua traffic at all. The floor: the same load with no Lua,
-- HAProxy itself proxying to a server that answers after 100 ms (a second
-- HAProxy whose service sleeps 100 ms). Best p99 of ROUNDS.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/neighbour_live.lua
local L = require "bench.live.lib"

local SECS, LOADERS, PROBES, ROUNDS = 3, 50, 10, 2

local CONFIG = [[
frontend waits
    bind 127.0.0.1:${PORT}
    http-request lua.wait_backend ${REDIS}
    http-request return status 200 content-type text/plain string "waited %[var(txn.waited)]\n"
frontend plain
    bind 127.0.0.1:${PORT1}
    http-request return status 200 content-type text/plain string "plain\n"
frontend proxied
    bind 127.0.0.1:${PORT2}
    default_backend slow
backend slow
    server slow 127.0.0.1:${SLOW} maxconn 1000
]]

-- The 100 ms server of the floor (its own process: it must not share the
-- measured thread).
local SLOW = [[
frontend slow
    bind 127.0.0.1:${PORT}
    http-request use-service lua.slow
]]
local SLOW_LUA = [[
core.register_service("slow", "http", function(applet)
  core.msleep(100)
  applet:set_status(200)
  applet:add_header("content-length", "5")
  applet:start_response()
  applet:send("slow\n")
end)
]]

-- mode -> which frontend wrk loads (none: nothing)
local LOAD = { none = nil, proxied = "PORT2", blocking = "PORT", shim = "PORT" }

local redis = L.redis({ hz = 500 })   -- BLPOP timeouts fire within 2 ms, not in 10 ms batches
local slow = L.H.start({ config = SLOW, timeout = 120, files = { ["slow.lua"] = SLOW_LUA },
                         global = "    lua-load ${DIR}/slow.lua" })
local results = {}

local function better(a, b)
  if not a then return b end
  if (b.plain.requests > 0) and (a.plain.requests == 0 or b.plain.p99 < a.plain.p99) then return b end
  return a
end

-- One round of one mode, in a fresh HAProxy.
local function run(mode)
  local cfg = CONFIG:gsub("%${REDIS}", redis.port):gsub("%${SLOW}", slow.port)
  local hap = L.haproxy("wait.lua", { BENCH_SOCKET = mode }, cfg, 2)
  local ok, err = pcall(function()
    -- the load starts first and ends last: the probe sees only loaded time
    local probe = { url = L.url(hap.vars.PORT1), c = PROBES, d = SECS, latency = true }
    local r
    if not LOAD[mode] then
      r = { plain = L.wrk({ probe })[1] }
    else
      probe.after = 0.5
      local port = mode == "proxied" and hap.vars.PORT2 or hap.port
      local w = L.wrk({ { url = L.url(port), c = LOADERS, d = SECS + 1 }, probe })
      r = { plain = w[2], waits = w[1] }
    end
    results[mode] = better(results[mode], r)
  end)
  hap:stop()
  assert(ok, err)
end

-- rounds take turns through the modes, so that a busy machine slows all alike
local modes = { "none", "proxied", "blocking" }
if L.has_shim() then modes[#modes + 1] = "shim" end
local ok, err = pcall(function()
  for _ = 1, ROUNDS do
    for _, mode in ipairs(modes) do run(mode) end
  end
end)
slow:stop()
redis:stop()
assert(ok, err)

local base = results.none.plain
local function line(name, r)
  local p, w = r.plain, r.waits
  local load = w and ("  | loaded frontend %.0f req/s, %d errors"):format(w.rps or 0, w.errors) or ""
  if p.requests == 0 then
    print(("  %-36s no answer at all within the %d s run (p99 > %d ms)%s"):format(
      name, SECS, SECS * 1000, load))
    return
  end
  print(("  %-36s p50 %7.2f ms  p99 %7.2f ms  %7.0f req/s  (p99 %.2fx no-Lua)%s"):format(
    name, p.p50, p.p99, p.rps, p.p99 / base.p99, load))
end
print(("neighbour: the plain frontend (%d wrk connections) while %d load the other, %d s, nbthread 1, best p99 of %d")
      :format(PROBES, LOADERS, SECS, ROUNDS))
line("no Lua traffic", results.none)
line("floor: same load proxied, no Lua", results.proxied)
line("blocking LuaSocket in the action", results.blocking)
if results.shim then
  line("shim in the action", results.shim)
  print(("  shim p99 / no-Lua p99 = %.2fx (target <= 2x); shim p99 / floor p99 = %.2fx"):format(
    results.shim.plain.p99 / base.p99, results.shim.plain.p99 / results.proxied.plain.p99))
else
  print("  shim in the action: not measured (proxylua.luasocket is not built)")
end
if os.getenv("BENCH_RAW") then
  for mode, r in pairs(results) do
    print("== " .. mode); print(r.plain.raw); if r.waits then print(r.waits.raw) end
  end
end
