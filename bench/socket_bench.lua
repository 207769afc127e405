-- proxylua.socket benchmark: request/response round trips, bulk transfer,
-- connect+close and object creation, ours (a task of a proxylua.loop,
-- yielding at every wait) against blocking LuaSocket 3 in the same process.
-- Both talk to the same echo peer: a separate process running an echo on
-- proxylua.loop (started here, bounded by timeout(1), killed by pid).
-- Wall-clock times (the peer's work is included in both). Run from the repo root:
--   LUA_CPATH="build/5.3/?.so;;" LUA_PATH="build/5.3/?.lua;./?.lua;;" lua5.3 bench/socket_bench.lua
local loop = require "proxylua.loop"
local psock = require "proxylua.socket"
local ls = require "socket"

local now = ls.gettime
io.stdout:setvbuf("line")

local R = require "bench.report"
local report, best = R.report, R.best

-- The echo peer (bench/echo_peer.lua): a separate process, killed by pid.
local peer = require("bench.echo_peer").start(arg[-1] or "lua5.3")
local addr, host, port = peer.addr, peer.host, peer.port
local function cleanup() peer:stop() end

-- Run fn(l) in a task of a fresh loop, return its result.
local function in_loop(fn)
  local l = loop.new()
  local res
  l:spawn({ done = function(ok, v) assert(ok, v); res = v end }, fn, l)
  l:run()
  l:close()
  return res
end

local ok, err = pcall(function()
  -- 1. request/response round trips of a 16-byte line
  local N = 20000
  local msg = ("x"):rep(15) .. "\n"
  local ours = best(3, function()
    return in_loop(function(l)
      local s = psock.tcp(l)
      assert(s:connect(addr) == 1)
      local t0 = now()
      for _ = 1, N do
        s:send(msg)
        s:receive()
      end
      local t = now() - t0
      s:close()
      return t
    end)
  end)
  local base = best(3, function()
    local c = assert(ls.connect(host, port))
    c:setoption("tcp-nodelay", true)
    local t0 = now()
    for _ = 1, N do
      c:send(msg)
      c:receive()
    end
    local t = now() - t0
    c:close()
    return t
  end)
  report("roundtrip 16 B line", ours, base, N)

  -- 2. 1 MiB sent and echoed back (a second task reads while the first sends)
  local M = 20
  local big = ("\0bench\255"):rep(131072)
  ours = best(3, function()
    return in_loop(function(l)
      local s = psock.tcp(l)
      assert(s:connect(addr) == 1)
      local t0 = now()
      for _ = 1, M do
        local back
        l:spawn(function() back = s:receive(#big) end)
        assert(s:send(big) == #big)
        while not back do l:yield() end
        assert(#back == #big)
      end
      local t = now() - t0
      s:close()
      return t
    end)
  end)
  base = best(3, function()
    local c = assert(ls.connect(host, port))
    c:setoption("tcp-nodelay", true)   -- ours sets TCP_NODELAY too
    local t0 = now()
    for _ = 1, M do
      -- blocking: send in 64 KiB slices and read each back, or both sides stall
      local got = 0
      for off = 1, #big, 65536 do
        c:send(big, off, off + 65535)
        local d = c:receive(math.min(65536, #big - off + 1))
        got = got + #d
      end
      assert(got == #big)
    end
    local t = now() - t0
    c:close()
    return t
  end)
  report("echo 1 MiB", ours, base, M, "MiB")

  -- 3. connect + close
  local C = 2000
  ours = best(3, function()
    return in_loop(function(l)
      local t0 = now()
      for _ = 1, C do
        local s = psock.tcp(l)
        assert(s:connect(addr) == 1)
        s:close()
      end
      return now() - t0
    end)
  end)
  base = best(3, function()
    local t0 = now()
    for _ = 1, C do
      local c = ls.tcp()
      assert(c:connect(host, port))
      c:close()
    end
    return now() - t0
  end)
  report("connect+close", ours, base, C)

  -- 4. creating and closing an unconnected object (HAProxy: 3.5-6.3 us)
  local K = 200000
  local l = loop.new()
  ours = best(3, function()
    local t0 = now()
    for _ = 1, K do psock.tcp(l):close() end
    return now() - t0
  end)
  base = best(3, function()
    local t0 = now()
    for _ = 1, K do ls.tcp():close() end
    return now() - t0
  end)
  l:close()
  report("tcp()+close()", ours, base, K)

  -- 5. 100 clients each doing round trips concurrently in one loop, vs the
  -- same number of round trips made one client at a time (blocking)
  local CL, R = 100, 100
  ours = best(3, function()
    return in_loop(function(lp)
      local left = CL
      local t0 = now()
      for _ = 1, CL do
        lp:spawn(function()
          local s = psock.tcp(lp)
          assert(s:connect(addr) == 1)
          for _ = 1, R do
            s:send(msg)
            s:receive()
          end
          s:close()
          left = left - 1
        end)
      end
      while left > 0 do lp:sleep(0.001) end
      return now() - t0
    end)
  end)
  base = best(3, function()
    local t0 = now()
    for _ = 1, CL do
      local c = assert(ls.connect(host, port))
      c:setoption("tcp-nodelay", true)
      for _ = 1, R do
        c:send(msg)
        c:receive()
      end
      c:close()
    end
    return now() - t0
  end)
  report("100 concurrent clients x 100 round trips", ours, base, CL * R)
end)
cleanup()
if not ok then error(err, 0) end
