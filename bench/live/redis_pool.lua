-- lua-load script of the pool benchmark (redis_pool_live.lua): one Redis GET
-- per request with Debian's redis-lua through the shim, keeping the
-- connection in the shim's pool (setkeepalive) or closing it.
--   http-request lua.redis_get <port> pool|new|none  (none: no Redis at all)
-- Without the shim (or its pool) every request is answered 503.
local ok, shim = pcall(require, "proxylua.luasocket")
local redis
if ok then
  shim.install()
  redis = require "redis"
end

core.register_action("redis_get", { "http-req" }, function(txn, port, mode)
  if not redis then return txn:done({ status = 503 }) end
  if mode == "none" then return txn:set_var("txn.value", "none") end
  local c = redis.connect("127.0.0.1", tonumber(port), 5)
  local v = c:get("bench:key")
  local sock = c.network.socket
  if mode == "pool" then
    if not sock.setkeepalive then return txn:done({ status = 503 }) end
    sock:setkeepalive(30000, 64)
  else
    sock:close()
  end
  txn:set_var("txn.value", v)
end, 2)
