-- lua-load script of the round-trip benchmark (roundtrip_live.lua): a
-- service timing N PING/PONG round trips to redis-server on one connection,
-- through raw core.tcp(), through the shim, or through Debian's blocking
-- LuaSocket (the loopback floor without HAProxy's scheduler).
--   GET /?impl=raw|shim|blocking&n=N&port=P  ->  "<microseconds>"
local blocking = require "socket"   -- Debian's (no install() in this state)
local has_shim, shim = pcall(require, "proxylua.luasocket")

local open = {
  raw = function() return core.tcp() end,
  shim = has_shim and function() return shim.tcp() end or nil,
  blocking = function() return blocking.tcp() end,
}

-- core.now() is HAProxy's cached loop time: it stands still while the
-- blocking client runs. gettimeofday through LuaSocket does not.
local function usec() return math.floor(blocking.gettime() * 1e6) end

core.register_service("roundtrip", "http", function(applet)
  local q = {}
  for k, v in applet.qs:gmatch("(%w+)=(%w+)") do q[k] = v end
  local make, n = open[q.impl], tonumber(q.n)
  local out
  if not make then
    out = "unavailable"
  else
    local s = make()
    s:settimeout(5)
    assert(s:connect("127.0.0.1", tonumber(q.port)))
    local t0 = usec()
    for _ = 1, n do
      s:send("PING\r\n")
      assert(s:receive("*l") == "+PONG")
    end
    out = tostring(usec() - t0)
    s:close()
  end
  applet:set_status(200)
  applet:add_header("content-length", #out)
  applet:start_response()
  applet:send(out)
end)
