-- A Redis GET per request through the shim's pool against a new connection
-- per request (issue 14, bench c; target: at least 2x the requests per
-- second). HAProxy 2.6 nbthread 1, redis-lua unchanged.
--
-- Per HTTP request (the issue's figure): wrk on five frontends of one
-- HAProxy, in two variants. redis-lua: its GET, pooled or a new connection
-- (what a user's unchanged redis-lua script sees; redis-lua's connect()
-- builds a new client with its ~200 commands every time, pooled or not,
-- which costs as much as the GET). Raw: the same GET written by hand on the
-- shim's socket (send, receive "*l", receive n + 2), pooled or new: the
-- pool's own effect, without redis-lua. And the ceiling, the same action
-- without touching Redis (no pool can make a GET request faster than it: its
-- rate over the new-connection rate is the best ratio possible here). Two rates
-- each: requests per second of wall-clock time (what wrk saw), and requests
-- per CPU-second of HAProxy's process (its CPU time from /proc): the rate
-- the thread would serve with a CPU to itself, which other users of a
-- shared machine do not move.
-- The pool alone (a second, clearly separate figure): a service doing N GETs
-- in one task, pooled against a new connection per GET, and all on one kept
-- connection (the floor of a pooled GET's cost), timed inside HAProxy (wall
-- time and HAProxy's CPU time): no HTTP, no wrk.
--
-- Method (docs/performance.md, luasocket): HAProxy's thread on a CPU of its
-- own, wrk and redis-server on the other (lib.lua); a warm-up run of each
-- case first (not counted); then ROUNDS rounds, the cases taking turns in a
-- rotating order; every figure is the median over the rounds, with its range.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/redis_pool_live.lua
-- BENCH_ROUNDS, BENCH_SECS, BENCH_CPUS (lib.lua).
local L = require "bench.live.lib"
L.need({ "wrk", "redis-server", L.H.haproxy_bin() })
L.pin("1,0")
L.priority("nice")

local function env(name, default) return tonumber(os.getenv(name)) or default end
local ROUNDS, SECS, CONNS, N = env("BENCH_ROUNDS", 7), env("BENCH_SECS", 2), 20, 2000
local CONFIG = [[
frontend pooled
    bind 127.0.0.1:${PORT}
    http-request lua.redis_get ${REDIS} pool
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend new
    bind 127.0.0.1:${PORT1}
    http-request lua.redis_get ${REDIS} new
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend ceiling
    bind 127.0.0.1:${PORT2}
    http-request lua.redis_get ${REDIS} none
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend loop
    bind 127.0.0.1:${PORT3}
    http-request use-service lua.redis_loop
frontend raw_pooled
    bind 127.0.0.1:${PORT4}
    http-request lua.raw_get ${REDIS} pool
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend raw_new
    bind 127.0.0.1:${PORT5}
    http-request lua.raw_get ${REDIS} new
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend floor
    bind 127.0.0.1:${PORT6}
    http-request lua.redis_get ${REDIS} floor
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
]]
local CASES = { "pooled", "new", "floor", "raw_pooled", "raw_new", "ceiling" }

L.header(("redis_pool: HAProxy 2.6 nbthread 1, a Redis GET through the shim (redis-lua, and raw); %d rounds, %s")
  :format(ROUNDS, "median (range)"))
local redis = L.redis({ timeout = 300 })
redis:command("set", "bench:key", "value")
local hap = L.haproxy("redis_pool.lua", nil, CONFIG:gsub("%${REDIS}", redis.port), 6)
local PORT = { pooled = hap.port, new = hap.vars.PORT1, ceiling = hap.vars.PORT2,
               raw_pooled = hap.vars.PORT4, raw_new = hap.vars.PORT5, floor = hap.vars.PORT6 }
local function accepted() return redis:command("info", "stats"):match("total_connections_received:(%d+)") end

local http, conns, pooled_requests = {}, {}, {}
for _, case in ipairs(CASES) do http[case], conns[case], pooled_requests[case] = {}, 0, 0 end
local loop = { pool = {}, new = {}, kept = {} }
local ok, err = pcall(function()
  local function wrk(case)
    local c0 = L.cpu(hap)
    local r = L.wrk({ { url = L.url(PORT[case]), c = CONNS, d = SECS, latency = true } })[1]
    r.cps = r.requests / math.max(L.cpu(hap) - c0, 1e-3)
    return r
  end
  for _, case in ipairs(CASES) do wrk(case) end   -- warm-up
  L.rounds(CASES, ROUNDS, function(case, round)
    local before = accepted()
    local r = wrk(case)
    -- minus the connection asking for the figure
    conns[case] = conns[case] + accepted() - before - 1
    pooled_requests[case] = pooled_requests[case] + r.requests
    http[case][round] = r
  end)
  local function time(mode)
    local status, body = L.H.http({ port = hap.vars.PORT3, timeout = 60,
      path = ("/?mode=%s&n=%d&port=%d"):format(mode, N, redis.port) })
    assert(status == 200, body)
    local wall, cpu = body:match("^(%d+) (%d+)$")
    return wall and { wall = wall / N, cpu = cpu / N }
  end
  for _, mode in ipairs({ "pool", "new", "kept" }) do time(mode) end   -- warm-up
  L.rounds({ "pool", "new", "kept" }, ROUNDS, function(mode, round) loop[mode][round] = time(mode) end)
end)
hap:stop()
redis:stop()
assert(ok, err)

local function usable(r) return r.requests > 0 and r.errors < r.requests end
if not (http.pooled[1] and usable(http.pooled[1])) then
  print("  not measured: the shim (with setkeepalive) is not available in this build")
  return
end
local function col(t, key)
  local out = {}
  for i, r in pairs(t) do out[i] = r[key] end
  return L.stats(out)
end
-- "A / B  2.00x (round by round 1.90–2.10x)": the ratio of the medians, and
-- the same ratio taken round by round
local function ratio(a, b, key, invert)
  local per = {}
  for i, r in pairs(a) do if b[i] then per[#per + 1] = invert and b[i][key] / r[key] or r[key] / b[i][key] end end
  local s, ma, mb = L.stats(per), col(a, key).median, col(b, key).median
  return ("%.2fx (round by round %.2f–%.2fx)"):format(invert and mb / ma or ma / mb, s.min, s.max)
end

print(("  per HTTP request: one GET per request, wrk %d connections, %d s per round (after a warm-up run of each)")
      :format(CONNS, SECS))
-- per second over per CPU-second: the share of the round HAProxy was on
-- its CPU (below 100%: the limit was elsewhere, wrk or redis-server)
local function line(name, case, extra)
  local t = http[case]
  extra = ("; HAProxy busy %.0f%%"):format(100 * col(t, "rps").median / col(t, "cps").median) .. (extra or "")
  print(("    %-30s %s req/s, %s req per CPU-second;  p50 %s ms  p99 %s ms  %d errors%s"):format(name,
    L.spread(col(t, "rps"), "%.0f"), L.spread(col(t, "cps"), "%.0f"), L.spread(col(t, "p50"), "%.2f"),
    L.spread(col(t, "p99"), "%.2f"), col(t, "errors").max, extra or ""))
end
local function opened(case)
  return (", %d connections to redis in %d requests"):format(conns[case], pooled_requests[case])
end
print("    redis-lua, unchanged (what a user's script sees; its connect() costs as much as the GET):")
line("pooled (setkeepalive)", "pooled", opened("pooled"))
line("new connection per request", "new")
line("floor: kept sockets, no pool", "floor")
print("    raw GET on the shim's socket (no redis-lua: the pool's own effect):")
line("pooled (setkeepalive)", "raw_pooled", opened("raw_pooled"))
line("new connection per request", "raw_new")
line("ceiling: same action, no Redis", "ceiling")
print(("    redis-lua pooled / new, per CPU-second  %s: target >= 2x"):format(ratio(http.pooled, http.new, "cps")))
print(("    redis-lua pooled / new, per second      %s"):format(ratio(http.pooled, http.new, "rps")))
print(("    redis-lua floor / new, per CPU-second   %s: the most any pool could give redis-lua (a pooled request"
  .. " can cost no less than redis-lua's connect() and the GET)"):format(ratio(http.floor, http.new, "cps")))
print(("    redis-lua floor / pooled, per CPU-second %s: the pool's own cost over that floor (where the floor is"
  .. " under 2x, the target is held to 1.2x of it)"):format(ratio(http.floor, http.pooled, "cps")))
print(("    raw pooled / new, per CPU-second        %s: target >= 2x")
      :format(ratio(http.raw_pooled, http.raw_new, "cps")))
print(("    raw pooled / new, per second            %s"):format(ratio(http.raw_pooled, http.raw_new, "rps")))
print(("    ceiling / redis-lua new, per CPU-second %s: the most any pool could give redis-lua here")
      :format(ratio(http.ceiling, http.new, "cps")))
print(("    ceiling / raw new, per CPU-second       %s: the most any pool could give here")
      :format(ratio(http.ceiling, http.raw_new, "cps")))

print(("  the pool alone: %d GETs in one HAProxy task (a Lua service), timed inside HAProxy, no HTTP, per GET:")
      :format(N))
local function lline(name, mode, extra)
  print(("    %-30s %s us wall, %s us of HAProxy's CPU%s"):format(name, L.spread(col(loop[mode], "wall"), "%.1f"),
    L.spread(col(loop[mode], "cpu"), "%.1f"), extra or ""))
end
lline("pooled connection per GET", "pool")
lline("new connection per GET", "new")
lline("one connection kept (no pool)", "kept", ": the least a pooled GET can cost")
print(("    pooled / new, GETs per CPU-second   %s: the pool's own speed-up")
      :format(ratio(loop.pool, loop.new, "cpu", true)))
print(("    pooled / new, GETs per second       %s"):format(ratio(loop.pool, loop.new, "wall", true)))
print(("    kept / pooled, GETs per CPU-second  %s: what redis-lua's connect() and the pool cost a GET")
      :format(ratio(loop.kept, loop.pool, "cpu", true)))
print(("  load average at the end %s"):format(L.loadavg()))
