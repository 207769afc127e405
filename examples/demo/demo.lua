-- proxylua demo: a per-client rate limit kept in Redis, map routing, a
-- hashed client key. Runs inside HAProxy (haproxy.cfg beside it, started by
-- scripts/demo) and under busted through proxylua.testing (spec/demo_spec.lua).
--
--   http-request lua.ratelimit <redis host:port> <limit> <window seconds>
--   use_backend %[var(txn.backend)]
--   (each backend) http-request use-service lua.hello
--
-- The client is the X-Client header, or the source address without one. Its
-- key in Redis is a hash of it (proxylua.hash), so no raw address or API key
-- is stored there. Each request counts against the client's fixed window;
-- past `limit` the action answers 429 itself. If Redis cannot be reached the
-- request passes (fail open) and the answer says so.

-- From here on `require "socket"` (redis-lua's too) gets the shim: every
-- wait on Redis yields to HAProxy instead of blocking its thread.
require("proxylua.luasocket").install()
local hash = require "proxylua.hash"
local Map = require "proxylua.map"
local concat = require "proxylua.concat"
local redis = require "redis"   -- Debian's lua-redis, written for LuaSocket

local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local routes = Map.new(dir .. "routes.map", Map._beg)

-- INCR and, for a new window, EXPIRE, atomically, in one round trip.
local COUNT = [[
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return { n, redis.call('TTL', KEYS[1]) }
]]

-- Idle connections stay pooled this long (ms), at most this many per
-- host:port, when the socket can be pooled (the shim's setkeepalive).
local IDLE_MS, POOL_SIZE = 30000, 32

local function client_of(txn)
  local who = txn.sf:req_hdr("x-client")
  if who == "" then who = txn.sf:src() end
  return who, string.format("demo:rl:%016x", hash.xxh64(who))
end

-- hits, seconds left in the window; or nil, error text.
local function count(addr, key, window)
  local host, port = addr:match("^(.*):(%d+)$")
  local ok, client = pcall(redis.connect, host, tonumber(port), 1)
  if not ok then return nil, (tostring(client):gsub("^[^:]*:%d+: ", "")) end
  local sock = client.network.socket
  local done, reply = pcall(client.eval, client, COUNT, 1, key, window)
  if done and sock.setkeepalive then
    sock:setkeepalive(IDLE_MS, POOL_SIZE)
  else
    sock:close()
  end
  if not done then return nil, (tostring(reply):gsub("^[^:]*:%d+: ", "")) end
  return reply[1], reply[2]
end

core.register_action("ratelimit", { "http-req" }, function(txn, addr, limit, window)
  limit, window = tonumber(limit), tonumber(window)
  local who, key = client_of(txn)
  txn:set_var("txn.client", who)
  txn:set_var("txn.client_key", key)
  txn:set_var("txn.backend", routes:lookup(txn.sf:path()) or "be_www")
  local hits, left = count(addr, key, window)
  if not hits then
    txn:Warning("ratelimit: redis unavailable, request passes: " .. tostring(left))
    txn:set_var("txn.ratelimit", "unavailable")
    return
  end
  txn:set_var("txn.ratelimit", string.format("%d/%d", hits, limit))
  if hits > limit then
    local b = concat.new()
    b:addf("rate limit: client %s made %d requests, %d allowed per %d s; retry in %d s\n",
           who, hits, limit, window, left)
    txn:done({ status = 429,
               headers = { ["content-type"] = { "text/plain" },
                           ["retry-after"] = { tostring(left) } },
               body = b:dump() })
  end
end, 3)

-- What each backend answers: who it is and how the request was counted.
core.register_service("hello", "http", function(applet)
  local b = concat.new()
  b:addf("%s answered %s %s\n", applet:get_var("txn.backend") or "?",
         applet.method, applet.path)
  b:addf("client %s (redis key %s), rate limit %s\n",
         applet:get_var("txn.client") or "?", applet:get_var("txn.client_key") or "?",
         applet:get_var("txn.ratelimit") or "?")
  applet:set_status(200)
  applet:add_header("content-type", "text/plain")
  applet:add_header("content-length", #b)
  applet:start_response()
  applet:send(b:dump())
end)
