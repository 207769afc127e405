-- lua-load script of the neighbour benchmark (neighbour_live.lua): an
-- action that waits on a backend answering after 100 ms (redis-server's
-- BLPOP on an empty list with a 0.1 s timeout), through LuaSocket's API.
-- BENCH_SOCKET=shim: through proxylua.luasocket (yields, connections
-- pooled); anything else: Debian's blocking LuaSocket.
if os.getenv("BENCH_SOCKET") == "shim" then require("proxylua.luasocket").install() end
local socket = require "socket"

local BLPOP = "*3\r\n$5\r\nBLPOP\r\n$5\r\nempty\r\n$3\r\n0.1\r\n"

core.register_action("wait_backend", { "http-req" }, function(txn, port)
  local s = socket.tcp()
  s:settimeout(5)
  local ok, err = s:connect("127.0.0.1", tonumber(port))
  if ok then ok, err = s:send(BLPOP) end
  if ok then ok, err = s:receive("*l") end   -- "*-1": nothing came in 0.1 s
  -- the shim keeps the connection for the next request, as a user would
  if not (ok and s.setkeepalive and s:setkeepalive(30000, 100)) then s:close() end
  txn:set_var("txn.waited", ok == "*-1" and "yes" or tostring(err))
end, 1)
