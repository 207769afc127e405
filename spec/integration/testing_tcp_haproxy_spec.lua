-- A TCP action's channels in HAProxy (2.6 by default; recorded per version
-- in spec/golden/, the test peers run in replays too): the client gets
-- r.sent first, the server (an echo peer) gets r.channels.req.output then
-- .input, which it echoes back (spec/fixtures/tcp_hello.lua,
-- spec/testing_tcp_spec.lua); and a core.tcp() connect to a UNIX path, in
-- HAProxy and in the harness.
local H = require "spec.helpers.haproxy"
local P = require "spec.helpers.peer"
local socket = require "socket"
local testing = require "proxylua.testing"

local FIXTURE = "spec/fixtures/tcp_hello.lua"
local HELLO = "hi hello\nfrom-lua\nrest\n"  -- what 2.6 sends back

describe("TCP actions in HAProxy " .. H.version() .. " and the harness", function()
  local hap, echo, line
  setup(function()
    echo = P.start({ mode = "echo" })
    line = P.start({ mode = "line", unix = true })
    hap = H.start({ files = { ["t.lua"] = H.read_file(FIXTURE) }, timeout = 60, ports = 1,
                    vars = { ECHO = echo.addr, LINE = line.path },
                    global = "    nbthread 1\n    lua-load ${DIR}/t.lua\n", config = [[
frontend ft
    mode tcp
    bind 127.0.0.1:${PORT}
    tcp-request inspect-delay 2s
    tcp-request content lua.hello
    default_backend echo
frontend fu
    mode http
    bind 127.0.0.1:${PORT1}
    http-request lua.unix_ask ${LINE}
    http-request return status 200 content-type text/plain lf-string "%[var(txn.answer)] %[var(txn.peer)]"
backend echo
    mode tcp
    server s1 ${ECHO}
]] })
  end)
  teardown(function()
    if hap then hap:stop() end
    P.stop_all()
  end)

  it("the client reads r.sent, then the server's echo of req.output .. req.input", function()
    local h = testing.load(FIXTURE, { quiet = true })
    local r = h:action("hello", { mode = "tcp", input = "hello\nrest\n" })
    local expected = r.sent .. r.channels.req.output .. r.channels.req.input
    assert.equal(HELLO, expected)
    -- as many bytes as 2.6 sends (a shorter answer shows after the timeout)
    local got = H.recorded(hap, { label = "tcp hello" }, function()
      local c = assert(socket.connect("127.0.0.1", hap.port))
      c:settimeout(10)
      assert(c:send("hello\nrest\n"))
      local all, err, partial = c:receive(#HELLO)
      c:close()
      return all or (tostring(err) .. ": " .. tostring(partial))
    end)
    assert.equal(expected, got)
  end)

  it("core.tcp() connects to a UNIX path and names the peer 'unix'", function()
    local status, body = H.http({ port = hap.vars.PORT1 })
    assert.equal(200, status)
    assert.equal("ping unix", body)
    local h = testing.load(FIXTURE, { quiet = true })
    local r = h:action("unix_ask", {}, line.path)
    assert.equal(body, r.vars.txn.answer .. " " .. r.vars.txn.peer)
  end)
end)
