-- proxylua.testing with real sockets: without opts.tcp, core.tcp() is a
-- proxylua.socket socket on the harness's loop, talking to local peers
-- (spec/helpers/peer.lua). Actions, services, tasks and 50 concurrent
-- transactions; the contexts where HAProxy refuses a socket wait; and the
-- scenario catalogue of spec/fixtures/socket_scenarios.lua held to what
-- HAProxy 2.6 answered (spec/fixtures/socket_expect.lua).
local testing = require "proxylua.testing"
local H = require "spec.helpers.haproxy"
local P = require "spec.helpers.peer"
local S = require "spec.fixtures.socket_scenarios"

local have_socket = pcall(require, "proxylua.socket")
local describe_real = have_socket and describe or function(name) pending(name) end

-- Timeouts here must never fire (peers answer at once): 10 s leaves any
-- loaded CI room, and costs nothing when they answer.
describe_real("core.tcp() with real sockets in the harness", function()
  local peers

  setup(function()
    peers = P.start_all(S.peers)
  end)

  teardown(function() P.stop_all() end)

  local function load(code, opts)
    opts = opts or {}
    opts.quiet = true
    return testing.load_string(code:gsub("%${(%w+)}", function(k)
      local name, field = k:match("^(%l+)(%u%l*)$")
      local p = peers[name or k]
      if field == "Port" then return tostring(p.port) end
      return p.addr
    end), opts)
  end

  it("an action talks to a line-protocol peer", function()
    local h = load([[
      core.register_action("ask", { "http-req" }, function(txn, word)
        local s = core.tcp()
        local ok, err = s:connect("127.0.0.1", ${upperPort})
        if not ok then txn:set_var("txn.err", err) return end
        s:settimeout(10)
        local sent = s:send(word .. "\r\n")
        txn:set_var("txn.sent", sent)
        txn:set_var("txn.answer", s:receive("*l"))
        txn:set_var("txn.peer", s:getpeername())
        s:close()
      end, 1)
    ]])
    local r = h:action("ask", {}, "get k\0ey")
    assert.equal("GET K\0EY", r.vars.txn.answer)
    assert.equal(10, r.vars.txn.sent)
    assert.equal(math.type(1), math.type(r.vars.txn.sent))
    assert.equal(peers.upper.addr, r.vars.txn.peer)
    assert.equal("continue", r.verdict)
    local got = peers.upper:wait_received(1)
    assert.equal("get k\0ey\r\n", got[#got].recv)
  end)

  it("a greeting peer: the greeting is read first, as from HAProxy", function()
    local h = load([[
      core.register_action("greet", { "http-req" }, function(txn)
        local s = core.tcp()
        s:connect("${greet}")
        s:settimeout(10)
        local hello = s:receive("*l")
        s:send("PING\r\n")
        txn:set_var("txn.out", hello .. "|" .. s:receive(6))
        s:close()
      end)
    ]])
    assert.equal("+OK hello|PING\r\n", h:action("greet").vars.txn.out)
  end)

  it("a task with a socket", function()
    local h = load([[
      core.register_task(function(word)
        local s = core.tcp()
        RESULT = { s:connect("${echo}") }
        s:settimeout(10)
        RESULT[2] = s:send(word .. "\n")
        core.msleep(10)
        RESULT[3] = s:receive("*l")
        s:close()
        RESULT[4] = s:send("x")
      end, "from-task")
    ]], { haproxy = "2.8" }) -- 2.6 ignores task arguments
    assert.is_true(h:run_tasks(10000))
    assert.same({ 1, 10, "from-task", -1 }, h.env.RESULT)
  end)

  it("a task's socket outlives a yield before connect, as an action's does", function()
    local h = load([[
      core.register_task(function()
        local s = core.tcp()
        core.msleep(10)
        local x = 0
        for i = 1, 100000 do x = x + i end -- forced yields too
        TASK = { s:connect("${echo}") }
        s:close()
      end)
    ]])
    assert.is_true(h:run_tasks(10000))
    assert.same({ 1 }, h.env.TASK)
  end)

  it("a service proxying the request body to an echo peer", function()
    local h = load([[
      core.register_service("proxy", "http", function(applet)
        local body = applet:receive()
        local s = core.tcp()
        if not s:connect("${echo}") then
          applet:set_status(502)
          applet:start_response()
          return
        end
        s:settimeout(10)
        s:send(body)
        local back = s:receive(#body)
        s:close()
        applet:set_status(200)
        applet:add_header("content-length", tostring(#back))
        applet:start_response()
        applet:send(back)
      end)
    ]])
    local body = string.rep("0123456789", 1000) .. "\0\255"
    local res = h:service("proxy", { method = "POST", path = "/", body = body })
    assert.equal(200, res.status)
    assert.equal(body, res.body)
  end)

  it("50 concurrent transactions, each with its own socket, on one loop", function()
    local h = load([[
      core.register_action("ask", { "http-req" }, function(txn, n)
        local s = core.tcp()
        s:connect("${upper}")
        s:settimeout(10)
        core.msleep(20)            -- every transaction is in flight at once
        s:send("req " .. n .. "\n")
        txn:set_var("txn.answer", s:receive())
        s:close()
      end, 1)
    ]])
    local out = {}
    for i = 1, 50 do
      h:spawn(function() out[i] = h:action("ask", {}, tostring(i)).vars.txn.answer end)
    end
    assert.is_true(h:run(30000))
    for i = 1, 50 do assert.equal("REQ " .. i, out[i]) end
  end)

  it("a CLI command and a real clock", function()
    local h = load([[
      core.register_cli({ "peer", "ask" }, "ask the peer", function(applet, _, _, word)
        local s = core.tcp()
        s:connect("${upper}")
        s:settimeout(10)
        s:send(word .. "\n")
        applet:send(s:receive() .. "\n")
        s:close()
      end)
    ]], { clock = "real" })
    assert.equal("HELLO\n\n", h:cli("peer ask hello"))
  end)

  it("fails a fetch and a converter at the wait, as HAProxy does; argument errors still raise first", function()
    local h = load([[
      core.register_fetches("conn", function(txn)
        local s = core.tcp()
        s:settimeout(1)
        s:connect("${echo}")
        return "never"
      end)
      core.register_fetches("badarg", function(txn)
        local s = core.tcp()
        local ok, err = pcall(s.connect, s)
        return err
      end)
      core.register_fetches("badssl", function(txn)
        local s = core.tcp()
        local ok, err = pcall(s.connect_ssl, s, "127.0.0.1:1")
        return err
      end)
      core.register_converters("cconn", function(v)
        local s = core.tcp()
        s:connect("${echo}")
        return "never"
      end)
    ]])
    local r = h:fetch("conn")
    assert.is_nil(r.sample)
    assert.equal("Lua sample-fetch 'conn': yield not allowed.", r.logs[1].msg)
    assert.equal("connect: need at least 2 arguments", h:fetch("badarg").value)
    assert.equal("'connect_ssl' needs 3 arguments", h:fetch("badssl").value)
    local c = h:converter("cconn", "x")
    assert.is_nil(c.sample)
    assert.equal("Lua converter 'cconn': yield functions like core.tcp() or core.sleep() are not allowed.",
      c.logs[1].msg)
  end)

  it("refuses sockets in the body and connect in init, as HAProxy 2.6 fails there", function()
    local ok, err = pcall(load, "core.tcp()")
    assert.is_false(ok)
    assert.equal("Lua runtime error: socket: uninitialized pools.", (err:gsub("[%w_]+%.lua:%d+: ", "")))
    ok, err = pcall(load, [[core.register_init(function() core.tcp():connect("${echo}") end)]])
    assert.is_false(ok)
    assert.equal("proxylua: Socket:connect() in an init function: HAProxy 2.6 hangs there and its "
      .. "watchdog kills the process about 2 s after startup", err)
    local h = load([[core.register_init(function()
      local s = core.tcp()
      INIT = { s:settimeout(1), select(2, pcall(s.send, s, "x")), select(2, pcall(s.receive, s)) }
    end)]])
    assert.same({ 1, "The 'write' function is only allowed in 'frontend', 'backend' or 'task'",
                  "The 'receive' function is only allowed in 'frontend', 'backend' or 'task'" },
      { h.env.INIT[1], (h.env.INIT[2]:gsub("^script%.lua:%d+: ", "")), (h.env.INIT[3]:gsub("^script%.lua:%d+: ", "")) })
  end)

  it("closes a socket the script dropped once it is collected", function()
    local silent = P.start({ mode = "silent" })
    local h = load(([[core.register_action("drop", { "http-req" }, function(txn)
      local s = core.tcp()
      DROPPED = s:connect("%s")
      s:send("bye")
    end)]]):format(silent.addr))
    h:action("drop")
    assert.equal(1, h.env.DROPPED)
    collectgarbage()
    collectgarbage()
    local got = silent:wait_received(1)
    silent:stop()
    assert.same({ "bye" }, { got[1] and got[1].recv })
  end)

  it("closes a dropped socket when its action or task ends, as 2.6's end-of-context collection does", function()
    local silent = P.start({ mode = "silent" })
    local h = load(([[
      core.register_action("drop", { "http-req" }, function(txn)
        local s = core.tcp()
        DROPPED = s:connect("%s")
        s:send("from action")
      end)
      core.register_action("keep", { "http-req" }, function(txn)
        KEPT = core.tcp()                       -- still referenced: stays open
        KEPT:connect("%s")
        KEPT:send("kept")
      end)
    ]]):format(silent.addr, silent.addr))
    h:action("keep")
    h:action("drop")
    assert.equal(1, h.env.DROPPED)
    -- no collectgarbage() here: the end of the action closed it
    local got = silent:wait_received(1, 10)
    assert.same({ "from action" }, { got[1] and got[1].recv })
    assert.equal(1, #silent:received())        -- the kept one is still open
    assert.equal(silent.addr, h.env.KEPT:getpeername())
    h.env.KEPT:close()
    assert.same({ "from action", "kept" }, (function()
      local all, out = silent:wait_received(2, 10), {}
      for i, c in ipairs(all) do out[i] = c.recv end
      table.sort(out)                          -- listed in accept order
      return out
    end)())
    silent:stop()
  end)

  it("closes a dropped socket when its task ends", function()
    local silent = P.start({ mode = "silent" })
    local h = load(([[
      core.register_task(function()
        local s = core.tcp()
        DROPPED = s:connect("%s")
        s:send("from task")
      end)
    ]]):format(silent.addr))
    assert.is_true(h:run_tasks(10000))
    assert.equal(1, h.env.DROPPED)
    local got = silent:wait_received(1, 10)
    silent:stop()
    assert.same({ "from task" }, { got[1] and got[1].recv })
  end)

  it("opts.tcp = false: no network, every connect fails", function()
    local h = load([[core.register_action("a", { "http-req" }, function(txn)
      local s = core.tcp()
      OUT = table.pack(s:connect("${echo}"))
    end)]], { tcp = false })
    h:action("a")
    assert.same({ n = 2, nil, "Can't connect" }, h.env.OUT)
  end)

  it("reports no blocking call for proxylua sockets", function()
    local h = load([[core.register_action("a", { "http-req" }, function(txn)
      local s = core.tcp()
      s:connect("${echo}")
      s:send("x\n")
      s:receive()
      s:close()
    end)]], { blocking = "error" })
    local r = h:action("a")
    assert.is_nil(r.error)
    assert.same({}, h:blocking_calls())
  end)

  describe("answers what HAProxy 2.6 answered (spec/fixtures/socket_expect.lua)", function()
    local expect = dofile("spec/fixtures/socket_expect.lua")
    local h
    local function harness()
      if not h then
        local closed = H.free_port()
        h = testing.load_string(S.script(peers, closed), { quiet = true, name = "t.lua" })
      end
      return h
    end
    local lines = S.lines
    for _, name in ipairs(S.names) do
      if S.known_gaps[name] then
        pending(name .. " (known gap: " .. S.known_gaps[name] .. ")")
      elseif not S.haproxy_only[name] then
        it(name, function()
          local r = harness():action("probe", { path = "/" .. name })
          assert.same(expect[name], lines(r.reply.body))
        end)
      elseif S.proxylua[name] then
        it(name .. " (a 2.6 bug proxylua does not copy)", function()
          local r = harness():action("probe", { path = "/" .. name })
          assert.same(S.proxylua[name], lines(r.reply.body))
          if name == "send_past_end" then
            local got = peers.record:wait_received(1)
            assert.equal("bcabc|", got[#got].recv) -- no terminating NUL on the wire
          end
        end)
      end
    end
    it("task", function()
      harness():run_tasks(20000)
      assert.same(expect.task, lines(harness():action("task_result", { path = "/task" }).reply.body))
    end)
    it("svc", function()
      local res = harness():service("svc", { method = "POST", path = "/svc", body = "hello svc" })
      assert.same(expect.svc, lines(res.body))
    end)
  end)
end)
