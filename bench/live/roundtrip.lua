-- lua-load script of the round-trip benchmark (roundtrip_live.lua): a
-- service timing PING/PONG round trips to redis-server through raw
-- core.tcp(), through the shim, and through Debian's blocking LuaSocket
-- (the loopback floor without HAProxy's scheduler), one connection each.
-- The three take turns in batches of B round trips (the order rotating),
-- so that a busy moment of the machine falls on all three alike; each
-- answers with the median, min and max over its batches, in microseconds
-- per round trip:
--   GET /?n=N&b=B&port=P  ->  "raw <med> <min> <max>\nshim ...\nblocking ...\n"
local blocking = require "socket"   -- Debian's (no install() in this state)
local has_shim, shim = pcall(require, "proxylua.luasocket")

local open = {
  raw = function() return core.tcp() end,
  shim = has_shim and function() return shim.tcp() end or nil,
  blocking = function() return blocking.tcp() end,
}
local IMPLS = { "raw", "shim", "blocking" }

-- core.now() is HAProxy's cached loop time: it stands still while the
-- blocking client runs. gettimeofday through LuaSocket does not.
local clock = blocking.gettime

local function median(t)
  table.sort(t)
  local n = #t
  return n % 2 == 1 and t[(n + 1) / 2] or (t[n / 2] + t[n / 2 + 1]) / 2, t[1], t[n]
end

core.register_service("roundtrip", "http", function(applet)
  local q = {}
  for k, v in applet.qs:gmatch("(%w+)=(%w+)") do q[k] = v end
  local n, b, port = tonumber(q.n), tonumber(q.b), tonumber(q.port)
  local socks, times, out = {}, {}, {}
  for _, impl in ipairs(IMPLS) do
    if open[impl] then
      local s = open[impl]()
      s:settimeout(5)
      assert(s:connect("127.0.0.1", port))
      socks[impl], times[impl] = s, {}
    end
  end
  for batch = 1, n // b do
    for i = 1, #IMPLS do
      local impl = IMPLS[(i + batch - 2) % #IMPLS + 1]
      local s = socks[impl]
      if s then
        local t0 = clock()
        for _ = 1, b do
          s:send("PING\r\n")
          assert(s:receive("*l") == "+PONG")
        end
        local t = times[impl]
        t[#t + 1] = (clock() - t0) * 1e6 / b
      end
    end
  end
  for _, impl in ipairs(IMPLS) do
    if socks[impl] then
      socks[impl]:close()
      out[#out + 1] = ("%s %.2f %.2f %.2f\n"):format(impl, median(times[impl]))
    end
  end
  out = table.concat(out)
  applet:set_status(200)
  applet:add_header("content-length", #out)
  applet:start_response()
  applet:send(out)
end)
