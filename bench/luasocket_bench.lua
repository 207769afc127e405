-- The shim (proxylua.luasocket) under stock Lua (issue 14, bench d): one
-- client's round trips against Debian's blocking LuaSocket (a cost: target
-- lower or within 1.1x), and 100 and 1,000 concurrent clients against
-- cqueues (Debian's lua-cqueues; target: at least as fast). Everything talks
-- to the same echo peer (bench/echo_peer.lua, a separate process). Run from
-- the repo root:
--   LUA_CPATH="build/5.3/?.so;;" LUA_PATH="build/5.3/?.lua;./?.lua;;" lua5.3 bench/luasocket_bench.lua
local ls = require "socket"
local cqueues = require "cqueues"
local csock = require "cqueues.socket"
local R = require "bench.report"
local shimrun = require "bench.shim_clients"

local now = ls.gettime
io.stdout:setvbuf("line")
local best = R.best

local MSG = ("x"):rep(15) .. "\n"
local peer = require("bench.echo_peer").start(arg[-1] or "lua5.3")

-- `clients` cqueues coroutines, each connecting and making `rounds` round trips.
local function cqueues_clients(clients, rounds)
  local cq = cqueues.new()
  local t0 = now()
  for _ = 1, clients do
    cq:wrap(function()
      local s = assert(csock.connect(peer.host, peer.port))
      s:setmode("tl", "tn")   -- text lines in, every write sent at once
      for _ = 1, rounds do
        s:write(MSG)
        assert(s:read("*l"))
      end
      s:close()
    end)
  end
  assert(cq:loop())
  return now() - t0
end

local function blocking_client(rounds)
  local c = assert(ls.connect(peer.host, peer.port))
  c:setoption("tcp-nodelay", true)
  local t0 = now()
  for _ = 1, rounds do
    c:send(MSG)
    c:receive()
  end
  local t = now() - t0
  c:close()
  return t
end

local function line(name, ours, base, n, target)
  print(("%s: shim %.1f us/round trip, baseline %.1f us, ratio %.2fx (a cost: %s)")
        :format(name, ours / n * 1e6, base / n * 1e6, ours / base, target))
end

local ok, err = pcall(function()
  local N = 10000
  local function base() return blocking_client(N) end
  if not shimrun.available then
    print(("1 client, blocking LuaSocket: %.1f us/round trip; shim: not measured (%s)")
          :format(best(5, base) / N * 1e6, shimrun.why))
  else
    -- one client: both time the round trips only (connected already)
    local ours, b = R.best_pair(5, function() return shimrun.run(peer, 1, N, MSG, true) end, base)
    line("1 client in a loop task vs blocking LuaSocket", ours, b, N, "target <= 1.1x")
    -- the floor: the same round trips on proxylua.socket itself, in a task
    -- (what the nonblocking transport costs before any LuaSocket convention)
    local fl
    ours, fl = R.best_pair(5, function() return shimrun.run(peer, 1, N, MSG, true) end,
      function() return shimrun.raw(peer, N, MSG) end)
    print(("1 client in a loop task vs the floor, proxylua.socket in a task: shim %.1f us, floor %.1f us, "
      .. "ratio %.2fx; floor vs blocking LuaSocket %.2fx (a cost: target <= 1.2x of the floor where "
      .. "the floor is over 1.1x)"):format(ours / N * 1e6, fl / N * 1e6, ours / fl, fl / b))
    ours, b = R.best_pair(5, function() return shimrun.plain(peer, N, MSG) end, base)
    line("1 client outside any task (drop-in) vs blocking LuaSocket", ours, b, N, "target <= 1.1x")
  end
  for _, case in ipairs({ { 100, 100 }, { 1000, 20 } }) do
    local clients, rounds = case[1], case[2]
    local function cq() return cqueues_clients(clients, rounds) end
    local name = ("%d concurrent clients x %d round trips vs cqueues"):format(clients, rounds)
    if shimrun.available then
      local ours, b = R.best_pair(3, function() return shimrun.run(peer, clients, rounds, MSG) end, cq)
      line(name, ours, b, clients * rounds, "target <= 1.0x")
    else
      print(("%s: cqueues %.1f us/round trip; shim: not measured (%s)")
            :format(name, best(3, cq) / (clients * rounds) * 1e6, shimrun.why))
    end
  end
end)
peer:stop()
if not ok then error(err, 0) end
