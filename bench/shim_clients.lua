-- Clients of the stock-Lua benchmarks that go through the shim
-- (proxylua.luasocket): `clients` tasks on one proxylua.loop (the shim's,
-- set with setloop), each connecting to the echo peer and making `rounds`
-- round trips of `msg`. run() returns seconds, from before the connects
-- or, with `connected`, from when every client has connected. plain() is
-- the drop-in use: one client outside any task, each call running the loop
-- until it is done, as blocking LuaSocket would block.
local loop = require "proxylua.loop"
local clock = require("socket").gettime
local ok, shim = pcall(require, "proxylua.luasocket")

local M = { available = ok and shim.setloop ~= nil }
M.why = not M.available and "proxylua.luasocket is not built" or nil

function M.run(peer, clients, rounds, msg, connected)
  local l = loop.new()
  shim.setloop(l)
  local left, ready, t0 = clients, 0, clock()
  for _ = 1, clients do
    l:spawn(function()
      local s = shim.tcp()
      assert(s:connect(peer.host, peer.port))
      s:setoption("tcp-nodelay", true)
      ready = ready + 1
      if connected then
        while ready < clients do l:yield() end
        if ready == clients then t0, ready = clock(), ready + 1 end
      end
      for _ = 1, rounds do
        s:send(msg)
        assert(s:receive())
      end
      s:close()
      left = left - 1
    end)
  end
  l:run()
  assert(left == 0, "a client did not finish")
  local t = clock() - t0
  l:close()
  return t
end

-- The floor under the shim: one client on proxylua.socket itself (HAProxy's
-- Socket API, the transport the shim rides on) in a task of a loop, with no
-- LuaSocket conventions on top: what a nonblocking round trip costs here.
function M.raw(peer, rounds, msg)
  local l = loop.new()
  local t
  l:spawn(function()
    local s = require("proxylua.socket").tcp(l)
    assert(s:connect(peer.host, peer.port))
    local t0 = clock()
    for _ = 1, rounds do
      s:send(msg)
      assert(s:receive("*l"))
    end
    t = clock() - t0
    s:close()
  end)
  l:run()
  l:close()
  return (assert(t, "the raw client did not finish"))
end

function M.plain(peer, rounds, msg)
  shim.setloop(loop.new())
  local s = shim.tcp()
  assert(s:connect(peer.host, peer.port))
  s:setoption("tcp-nodelay", true)
  local t0 = clock()
  for _ = 1, rounds do
    s:send(msg)
    assert(s:receive())
  end
  local t = clock() - t0
  s:close()
  return t
end

return M
