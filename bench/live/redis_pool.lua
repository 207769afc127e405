-- lua-load script of the pool benchmark (redis_pool_live.lua), Debian's
-- redis-lua through the shim.
-- Per HTTP request, one GET, the connection given back to the shim's pool
-- (setkeepalive) or closed:
--   http-request lua.redis_get <port> pool|new|none  (none: no Redis at all)
--   http-request lua.raw_get <port> pool|new  (the same GET written by hand
--     on the shim's socket: no redis-lua, whose connect() costs as much as
--     the GET itself, pooled or not; what is left is the pool's own effect)
-- The pool alone, without HTTP: a service doing N GETs in one task, each on a
-- pooled connection, each on a new one, or all on one connection it keeps
-- (no pool: the least a pooled GET can cost):
--   GET /?mode=pool|new|kept&n=N&port=P  ->  "<wall us> <cpu us>"
-- (wall: gettimeofday, waits included; cpu: os.clock, the CPU time of
-- HAProxy's process, one thread here, spent meanwhile)
-- Without the shim (or its pool) every request is answered 503.
local clock = require("socket").gettime   -- Debian's gettimeofday, taken before install()
local ok, shim = pcall(require, "proxylua.luasocket")
local redis
if ok then
  shim.install()
  redis = require "redis"
end

-- One GET on a connection from the pool (pool) or a new one (new); nil, err
-- when this build has no pool.
local function get(port, mode)
  local c = redis.connect("127.0.0.1", port, 5)
  local v = c:get("bench:key")
  local sock = c.network.socket
  if mode == "pool" then
    if not sock.setkeepalive then sock:close(); return nil, "no setkeepalive" end
    sock:setkeepalive(30000, 64)
  else
    sock:close()
  end
  return v
end

-- The floor of any pool for redis-lua: connected sockets kept by this script
-- in a plain list (a pop and a push, no pool bookkeeping, no idle timers),
-- each handed to redis.connect{ socket = s }: what is left is redis-lua's own
-- per-connect work (its client table) and the GET.
local kept = {}
local function floor_get(port)
  local s = table.remove(kept)
  if not s then
    s = shim.tcp()
    s:settimeout(5)
    if not s:connect("127.0.0.1", port) then return nil end
  end
  local v = redis.connect({ socket = s }):get("bench:key")
  kept[#kept + 1] = s
  return v
end

-- The GET as RESP on a socket of the shim: "$<n>" then n bytes and CRLF.
local GET = "*2\r\n$3\r\nGET\r\n$9\r\nbench:key\r\n"
local function raw_get(port, mode)
  local s = shim.tcp()
  if mode == "pool" and not s.setkeepalive then s:close(); return nil, "no setkeepalive" end
  s:settimeout(5)
  local sent, err = s:connect("127.0.0.1", port)
  local v
  if sent then sent, err = s:send(GET) end
  if sent then
    local head
    head, err = s:receive("*l")
    local n = head and tonumber(head:match("^%$(%-?%d+)$"))
    if n and n >= 0 then
      local body
      body, err = s:receive(n + 2)
      v = body and body:sub(1, n)
    elseif head then
      err = "unexpected reply " .. head   -- $-1 (no key) or an error: not the bench's key
    end
  end
  if v and mode == "pool" then
    s:setkeepalive(30000, 64)
  else
    s:close()
  end
  return v, err
end

core.register_action("raw_get", { "http-req" }, function(txn, port, mode)
  if not redis then return txn:done({ status = 503 }) end
  local v = raw_get(tonumber(port), mode)
  if not v then return txn:done({ status = 503 }) end
  txn:set_var("txn.value", v)
end, 2)

core.register_action("redis_get", { "http-req" }, function(txn, port, mode)
  if not redis then return txn:done({ status = 503 }) end
  if mode == "none" then return txn:set_var("txn.value", "none") end
  local v
  if mode == "floor" then v = floor_get(tonumber(port)) else v = get(tonumber(port), mode) end
  if not v then return txn:done({ status = 503 }) end
  txn:set_var("txn.value", v)
end, 2)

core.register_service("redis_loop", "http", function(applet)
  local q = {}
  for k, v in applet.qs:gmatch("(%w+)=(%w+)") do q[k] = v end
  local n, port, out = tonumber(q.n), tonumber(q.port), nil
  if not (redis and n and port) then
    out = "unavailable"
  elseif q.mode == "kept" then
    local c = redis.connect("127.0.0.1", port, 5)
    local t0, c0 = clock(), os.clock()
    for _ = 1, n do assert(c:get("bench:key") == "value") end
    out = ("%.0f %.0f"):format((clock() - t0) * 1e6, (os.clock() - c0) * 1e6)
    c.network.socket:close()
  else
    get(port, q.mode)   -- the pool holds one connection before the clock starts
    local t0, c0 = clock(), os.clock()
    for _ = 1, n do
      if get(port, q.mode) ~= "value" then out = "unavailable"; break end
    end
    out = out or ("%.0f %.0f"):format((clock() - t0) * 1e6, (os.clock() - c0) * 1e6)
  end
  applet:set_status(200)
  applet:add_header("content-length", #out)
  applet:start_response()
  applet:send(out)
end)
