-- proxylua.socket lifetimes (review regressions): a socket closed or
-- finalised by hand while a task waits on it, waits that end without their
-- task (cancel, loop closed) and failed waits must each close the
-- descriptor exactly once, at once, and never strand the waiter. Every
-- wait here is on a condition (a task's status, a flag), never a duration:
-- peers are listeners that never accept (the kernel completes the
-- handshake from the backlog), so nothing depends on timing.
local loop = require "proxylua.loop"
local socket = require "proxylua.socket"

local CLOSED = "connection closed."

-- open sockets by inode, for the leak checks
local open_sockets = require "spec.helpers.open_sockets"
local snapshot, opened = open_sockets.snapshot, open_sockets.opened

-- Step l until cond() holds (bounded by a step count, only to fail).
local function step_until(l, cond, what)
  for _ = 1, 1000 do
    if cond() then return end
    l:step(0.01)
  end
  error("never: " .. what, 2)
end

-- t is parked in its socket call once it set flags.ready (after connect)
-- and waits.
local function parked(t, flags)
  return function() return flags.ready and t:status() == "waiting" end
end

describe("proxylua.socket lifetimes", function()
  local lfd, addr
  before_each(function()
    lfd, addr = socket._listen("127.0.0.1:0", 512)
    assert(lfd, addr)
  end)
  after_each(function() loop._close(lfd) end)

  it("wakes an l:select on a socket closed meanwhile; descriptor() then closes the fd", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local s, s2 = socket.tcp(l), socket.tcp(l)
    local got, flags = nil, {}
    local t = l:spawn(function()
      assert.equal(1, s:connect(addr))
      assert.equal(1, s2:connect(addr))
      assert.same({ nil, 0, false }, { socket.descriptor(socket.tcp(l)) })
      local fd, fd2 = socket.descriptor(s), socket.descriptor(s2)
      assert.same({ 0, false }, { select(2, socket.descriptor(s)) })
      flags.ready = true
      got = { l:select({ fd2, fd }, nil, 30) }
      got.after = { socket.descriptor(s) }
    end)
    step_until(l, parked(t, flags), "select parked")
    s:close()
    step_until(l, function() return got ~= nil end, "select woken")
    assert.same({ { 2 }, {}, after = { nil, 0, true } }, got)
    s2:close()
    assert.equal(0, opened(base))
    l:close()
  end)

  it("wakes a waiter when __gc is called by hand on its socket, closing the fd once", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local s = socket.tcp(l)
    local got, flags = nil, {}
    local t = l:spawn(function()
      assert.equal(1, s:connect(addr))
      flags.ready = true
      got = table.pack(s:receive())
    end)
    step_until(l, parked(t, flags), "receive parked")
    getmetatable(s).__gc(s)
    step_until(l, function() return got ~= nil end, "waiter woken")
    assert.same({ nil, CLOSED, n = 2 }, got)
    assert.equal(0, opened(base))
    -- the descriptor number is free again and a new socket can wait on it
    local s2, got2 = socket.tcp(l), nil
    local t2 = l:spawn(function()
      assert.equal(1, s2:connect(addr))
      s2:settimeout(0.05)
      got2 = table.pack(s2:receive())
    end)
    step_until(l, function() return got2 ~= nil end, "second socket done")
    assert.equal("done", t2:status())
    assert.same({ nil, CLOSED, n = 2 }, got2)
    s2:close()
    assert.equal(0, opened(base))
    l:close()
  end)

  it("closes at close() a socket whose waiting task was cancelled", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local keep = {}          -- no collection may close them for us
    for i = 1, 20 do
      local s = socket.tcp(l)
      keep[i] = s
      local flags = {}
      local t = l:spawn(function()
        assert.equal(1, s:connect(addr))
        flags.ready = true
        s:receive()
      end)
      step_until(l, parked(t, flags), "receive parked")
      assert.is_true(l:cancel(t))
      s:close()
    end
    assert.equal(0, opened(base))
    -- reused descriptor numbers wait normally afterwards
    local s = socket.tcp(l)
    local got
    l:spawn(function()
      assert.equal(1, s:connect(addr))
      s:settimeout(0.05)
      got = table.pack(s:receive())
    end)
    step_until(l, function() return got ~= nil end, "receive after cancels")
    assert.same({ nil, CLOSED, n = 2 }, got)
    s:close()
    assert.equal(0, opened(base))
    l:close()
    keep = nil
    collectgarbage(); collectgarbage()
    assert.equal(0, opened(base))
  end)

  it("closes at close() a socket cancelled mid-TLS-handshake or mid-connect", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local keep = {}
    for i = 1, 10 do
      local s = socket.tcp(l)
      keep[i] = s
      local t = l:spawn(function() s:connect_ssl(addr, 0) end)
      step_until(l, parked(t, { ready = true }), "connect_ssl parked")
      assert.is_true(l:cancel(t))
      s:close()
      assert.equal(nil, s:connect(addr))
    end
    assert.equal(0, opened(base))
    l:close()
  end)

  it("close() from another task mid-TLS-handshake fails the connect and frees it all", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local res = {}
    for i = 1, 5 do
      local s = socket.tcp(l)
      local t = l:spawn(function() res[i] = table.pack(s:connect_ssl(addr, 0)) end)
      step_until(l, parked(t, { ready = true }), "connect_ssl parked")
      l:spawn(function() s:close() end)
      step_until(l, function() return res[i] ~= nil end, "connect_ssl ended")
      assert.same({ nil, "Can't connect", n = 2 }, res[i])
      assert.same({ nil, CLOSED }, { s:receive() })
    end
    assert.equal(0, opened(base))
    l:close()
  end)

  it("closes at close() a socket whose loop was closed while a task waited", function()
    local base = snapshot()
    local keep = {}
    for i = 1, 10 do
      local l = loop.new{ virtual = true }
      local s = socket.tcp(l)
      keep[i] = { s, l }
      local flags = {}
      local t = l:spawn(function()
        assert.equal(1, s:connect(addr))
        flags.ready = true
        s:receive("*a")
      end)
      step_until(l, parked(t, flags), "receive parked")
      l:close()
      s:close()
      assert.equal(-1, s:send("x"))
    end
    assert.equal(0, opened(base))
  end)

  it("a second receiver on a busy socket neither strands the count nor leaks the fd", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local s = socket.tcp(l)
    local a, b, flags = nil, nil, {}
    local ta = l:spawn(function()
      assert.equal(1, s:connect(addr))
      flags.ready = true
      a = table.pack(s:receive())
    end)
    step_until(l, parked(ta, flags), "first receiver parked")
    l:spawn(function() b = table.pack(pcall(s.receive, s)) end)
    step_until(l, function() return b ~= nil end, "second receiver done")
    -- the loop has one reader slot per descriptor: the second one raises
    assert.is_false(b[1])
    assert.matches("already has a waiting reader", b[2])
    s:close()
    step_until(l, function() return a ~= nil end, "first receiver woken")
    assert.same({ nil, CLOSED, n = 2 }, a)
    assert.equal(0, opened(base))
    l:close()
  end)

  it("an adapter whose wait raises leaves close() able to close the fd", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local fail = false
    local ad = {
      wait = function(_, fd, mode, t)
        if fail then error("adapter gave up", 0) end
        return l:wait(fd, mode, t)
      end,
      in_task = function() return l:in_task() end,
      now = function() return l:now() end,
    }
    local s = socket.tcp(ad)
    local res
    l:spawn(function()
      assert.equal(1, s:connect(addr))
      fail = true
      res = table.pack(pcall(s.receive, s))
      s:close()
    end)
    step_until(l, function() return res ~= nil end, "receive failed")
    assert.same({ false, "adapter gave up", n = 2 }, res)
    assert.equal(0, opened(base))
    l:close()
  end)

  it("a connect whose wait raises leaves no half-made connection behind", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local ad = {
      wait = function() error("adapter gave up", 0) end,
      in_task = function() return l:in_task() end,
      now = function() return l:now() end,
    }
    local res, after
    local s = socket.tcp(ad)
    l:spawn(function()
      res = table.pack(pcall(s.connect_ssl, s, addr, 0))
      after = table.pack(s:connect(addr))
    end)
    step_until(l, function() return after ~= nil end, "connect_ssl failed")
    assert.same({ false, "adapter gave up", n = 2 }, res)
    -- dead, descriptor (and TLS state) gone without waiting for close()
    assert.same({ nil, n = 1 }, after)
    assert.equal(0, opened(base))
    s:close()
    l:close()
  end)

  it("opens, fails and cancels many sockets with a flat descriptor count", function()
    local base = snapshot()
    local l = loop.new{ virtual = true }
    local refused = "127.0.0.1:1"
    local keep = {}
    for i = 1, 30 do
      local s = socket.tcp(l)
      keep[#keep + 1] = s
      local mode = i % 5
      local t = l:spawn(function()
        if mode == 0 then
          assert.same({ nil, "Can't connect" }, { s:connect(refused) })
        elseif mode == 1 then
          assert.equal(1, s:connect(addr)); s:send("x"); s:close()
        elseif mode == 2 then
          assert.equal(1, s:connect(addr)); s:receive()
        elseif mode == 3 then
          s:settimeout(0.01)
          assert.same({ nil, "Can't connect" }, { s:connect_ssl(addr, 0) })
        else
          assert.same({ nil, "Can't connect" }, { s:connect("unix@/nonexistent/x") })
        end
      end)
      step_until(l, function()
        local st = t:status()
        return st ~= "ready" and st ~= "running" and st ~= "sleeping"
      end, "task " .. i)
      if t:status() == "waiting" then l:cancel(t) end
      s:close()
    end
    assert.equal(0, opened(base))
    keep = nil
    collectgarbage(); collectgarbage()
    assert.equal(0, opened(base))
    l:close()
  end)
end)
