-- A Redis GET per request through the shim's pool against a new connection
-- per request (issue 14, bench c; target: at least 2x the requests per
-- second). HAProxy 2.6 nbthread 1, redis-lua unchanged, wrk on each
-- frontend in turn, ROUNDS times (the best of each). The ceiling: a third
-- frontend runs the same action without touching Redis, so no pool can make
-- a GET request faster than it; its rate over the new-connection rate is
-- the best ratio possible here.
--   LUA_PATH="build/5.3/?.lua;./?.lua;;" LUA_CPATH="build/5.3/?.so;;" lua5.3 bench/live/redis_pool_live.lua
local L = require "bench.live.lib"

local SECS, CONNS, ROUNDS = 2, 20, 2
local CONFIG = [[
frontend pooled
    bind 127.0.0.1:${PORT}
    http-request lua.redis_get ${REDIS} pool
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend fresh
    bind 127.0.0.1:${PORT1}
    http-request lua.redis_get ${REDIS} new
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
frontend ceiling
    bind 127.0.0.1:${PORT2}
    http-request lua.redis_get ${REDIS} none
    http-request return status 200 content-type text/plain string "%[var(txn.value)]\n"
]]

local redis = L.redis()
redis:command("set", "bench:key", "value")
local hap = L.haproxy("redis_pool.lua", nil, CONFIG:gsub("%${REDIS}", redis.port), 2)
local pooled, fresh, ceiling, conns
local function stat() return redis:command("info", "stats"):match("total_connections_received:(%d+)") end
local function faster(a, b) return (not a or b.rps > a.rps) and b or a end
local ok, err = pcall(function()
  for _ = 1, ROUNDS do
    local before = stat()
    local p = L.wrk({ { url = L.url(hap.port), c = CONNS, d = SECS, latency = true } })[1]
    -- minus the connection asking for the second figure
    p.conns = stat() - before - 1
    pooled = faster(pooled, p)
    fresh = faster(fresh, L.wrk({ { url = L.url(hap.vars.PORT1), c = CONNS, d = SECS, latency = true } })[1])
    ceiling = faster(ceiling, L.wrk({ { url = L.url(hap.vars.PORT2), c = CONNS, d = SECS, latency = true } })[1])
  end
  conns = pooled.conns
end)
hap:stop()
redis:stop()
assert(ok, err)

print(("redis_pool: GET per request, %d wrk connections, %d s each, nbthread 1, best of %d")
      :format(CONNS, SECS, ROUNDS))
if pooled.requests == 0 or pooled.errors >= pooled.requests then
  print("  not measured: the shim (with setkeepalive) is not available in this build")
  return
end
local function line(name, r, extra)
  print(("  %-28s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  %d errors%s"):format(
    name, r.rps, r.p50 or -1, r.p99 or -1, r.errors, extra or ""))
end
line("pooled (setkeepalive)", pooled, (", %d connections to redis in %d requests"):format(conns, pooled.requests))
line("new connection per request", fresh)
line("ceiling: same action, no Redis", ceiling)
print(("  ratio pooled/new %.2fx (target >= 2x); ceiling/new %.2fx (the most any pool could give)")
      :format(pooled.rps / fresh.rps, ceiling.rps / fresh.rps))
