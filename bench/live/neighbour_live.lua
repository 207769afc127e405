-- The reason the shim exists, measured (issue 14, bench a): HAProxy 2.6 with
-- nbthread 1 has a *waiting* frontend whose Lua action waits 100 ms on a
-- backend (redis-server's BLPOP timing out) and a *plain* frontend beside
-- it. wrk loads the first while a paced probe measures the second: its
-- p50/p99 latency and rate, with the shim in the action, with Debian's
-- blocking LuaSocket, and with no Lua traffic at all.
--
-- The floor is the same waiting load with no Lua: the measured HAProxy
-- proxies it (server connections reused, as the shim's pool reuses its
-- own) to a separate HAProxy that answers after 100 ms. Same clients, same
-- waits, one client and one server connection per request: what those
-- requests cost the thread without any Lua.
--
-- Method (docs/performance.md, luasocket): HAProxy's thread on a CPU of its
-- own, everything else on the other (lib.lua); a fresh HAProxy per case and
-- round; ROUNDS rounds, the cases taking turns in a rotating order; in each,
-- the waiting load runs WARM s alone, then the probe runs SECS s with it;
-- every figure is the median over the rounds, with its range.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/neighbour_live.lua
-- Both wrk loads are paced (bench/live/pace.lua: a random pause between a
-- response and the connection's next request): the probe offers a fixed
-- rate well below the thread's capacity, so that its p99 shows how long it
-- waits behind the Lua work, not how deep a saturated queue is; the waiting
-- load's 50 connections drift apart instead of waking all at once every
-- 100 ms (started together, unpaced, they stay in lockstep, and the probe's
-- p99 measures the length of that burst, not one action).
-- BENCH_ROUNDS, BENCH_SECS, BENCH_PACE / BENCH_LOAD_PACE (mean ms between a
-- connection's requests, probe / waiting load; 0: as fast as answered),
-- BENCH_CPUS, BENCH_PRIO (lib.lua), BENCH_RAW=1 (wrk's own output for the
-- last round).
local L = require "bench.live.lib"
L.need({ "wrk", "redis-server", L.H.haproxy_bin() })
L.pin("1,0")
L.priority("rt")

local function env(name, default) return tonumber(os.getenv(name)) or default end
local ROUNDS, SECS, WARM = env("BENCH_ROUNDS", 9), env("BENCH_SECS", 2), 1
local LOADERS, PROBES, PACE, LOAD_PACE = 50, 20, env("BENCH_PACE", 4), env("BENCH_LOAD_PACE", 10)

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
    http-reuse always
    server slow 127.0.0.1:${SLOW} maxconn 1000
]]

-- The 100 ms server of the floor: its own process, on the other CPU (it
-- must not share the measured thread).
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

-- case -> the frontend wrk loads with waiting requests (none: nothing)
local LOAD = { none = nil, floor = "PORT2", blocking = "PORT", shim = "PORT" }
local NAME = {
  none = "no Lua traffic",
  floor = "floor: same load proxied, no Lua",
  blocking = "blocking LuaSocket in the action",
  shim = "shim in the action",
}

local function paced(ms) return ms > 0 and ("paced ~" .. ms .. " ms between requests") or "unpaced" end
L.header(("neighbour: a probe of %d wrk connections (%s) on the plain frontend while %d (%s) load the other; " ..
          "nbthread 1; %d rounds of %d s (after %d s of load alone), median (range)")
         :format(PROBES, paced(PACE), LOADERS, paced(LOAD_PACE), ROUNDS, SECS, WARM))

local redis = L.redis({ hz = 500, timeout = 300 })   -- BLPOP timeouts fire within 2 ms
local slow = L.H.start({ config = SLOW, timeout = 300, files = { ["slow.lua"] = SLOW_LUA },
                         global = "    lua-load ${DIR}/slow.lua" })
local results = { none = {}, floor = {}, blocking = {}, shim = {} }

-- One round of one case, in a fresh HAProxy.
local function run(case, round)
  local cfg = CONFIG:gsub("%${REDIS}", redis.port):gsub("%${SLOW}", slow.port)
  local hap = L.haproxy("wait.lua", { BENCH_SOCKET = case }, cfg, 2)
  local ok, err = pcall(function()
    -- the load starts first and ends last: the probe sees only loaded time
    local probe = { url = L.url(hap.vars.PORT1), c = PROBES, d = SECS, latency = true,
                    pace = PACE > 0 and PACE or nil }
    local r
    if not LOAD[case] then
      r = { plain = L.wrk({ probe })[1] }
    else
      probe.after = WARM
      local w = L.wrk({ { url = L.url(hap.vars[LOAD[case]]), c = LOADERS, d = SECS + WARM + 1,
                          pace = LOAD_PACE > 0 and LOAD_PACE or nil }, probe })
      r = { plain = w[2], waits = w[1] }
    end
    results[case][round] = r
  end)
  hap:stop()
  assert(ok, err)
end

local cases = { "none", "floor" }
if L.has_shim() then cases[#cases + 1] = "shim" end
local ok, err = pcall(function()
  L.rounds(cases, ROUNDS, run)
  -- blocking stalls the thread 100 ms per wait: one round shows it
  run("blocking", 1)
end)
slow:stop()
redis:stop()
assert(ok, err)

-- per case: the medians (and ranges) over its rounds
local function over(case, get)
  local t = {}
  for i, r in pairs(results[case]) do t[i] = get(r) end
  return L.stats(t)
end
local function p99(r) return r.plain.requests > 0 and r.plain.p99 or nil end
local S = {}
for _, case in ipairs({ "none", "floor", "blocking", "shim" }) do
  if next(results[case]) then
    S[case] = {
      p50 = over(case, function(r) return r.plain.requests > 0 and r.plain.p50 or nil end),
      p99 = over(case, p99),
      rps = over(case, function(r) return r.plain.rps or 0 end),
      waits = over(case, function(r) return r.waits and r.waits.rps or nil end),
      errors = over(case, function(r) return r.plain.errors + (r.waits and r.waits.errors or 0) end),
    }
  end
end

local function line(case)
  local s = S[case]
  if not s then return end
  local load = s.waits and ("; waiting frontend %s req/s"):format(L.spread(s.waits, "%.0f")) or ""
  if not s.p99 then
    print(("  %-34s no answer within the %d s probe (p99 > %d ms)%s"):format(NAME[case], SECS, SECS * 1000, load))
    return
  end
  print(("  %-34s p50 %s ms  p99 %s ms  %s req/s  %d errors%s"):format(NAME[case],
    L.spread(s.p50, "%.3f"), L.spread(s.p99, "%.3f"), L.spread(s.rps, "%.0f"), s.errors.max, load))
end
for _, case in ipairs({ "none", "floor", "blocking", "shim" }) do line(case) end

-- a ratio of medians, with the range of the same ratio round by round
-- (each round's cases ran minutes apart at most, in turn)
local function ratio(a, b)
  if not (S[a] and S[b] and S[a].p99 and S[b].p99) then return "n/a" end
  local per = {}
  for i, r in pairs(results[a]) do
    local rb = results[b][i]
    if rb and p99(r) and p99(rb) then per[#per + 1] = p99(r) / p99(rb) end
  end
  local s = L.stats(per)
  return ("%.2fx (round by round %.2f–%.2fx)"):format(S[a].p99.median / S[b].p99.median, s.min, s.max)
end
print("  p99 ratios, median over median:")
print(("    floor / no-Lua  %s: what the waiting load costs the neighbour without Lua"):format(ratio("floor", "none")))
if S.shim then
  print(("    shim / no-Lua   %s: target <= 2x"):format(ratio("shim", "none")))
  print(("    shim / floor    %s: the shim's own share (1.0x: no more than the same work without Lua)")
        :format(ratio("shim", "floor")))
else
  print("  shim in the action: not measured (proxylua.luasocket is not built)")
end
print(("  load average at the end %s"):format(L.loadavg()))
if os.getenv("BENCH_RAW") then
  for case, rs in pairs(results) do
    local r = rs[#rs]
    if r then print("== " .. case); print(r.plain.raw); if r.waits then print(r.waits.raw) end end
  end
end
