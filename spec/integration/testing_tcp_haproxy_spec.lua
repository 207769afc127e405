-- A TCP action's channels in HAProxy 2.6: the client gets r.sent first, the
-- server (an echo peer) gets r.channels.req.output then .input, which it
-- echoes back (spec/fixtures/tcp_hello.lua, spec/testing_tcp_spec.lua); and
-- a core.tcp() connect to a UNIX path, in HAProxy and in the harness.
local H = require "spec.helpers.haproxy"
local P = require "spec.helpers.peer"
local socket = require "socket"
local testing = require "proxylua.testing"

local FIXTURE = "spec/fixtures/tcp_hello.lua"

describe("TCP actions in HAProxy 2.6 and the harness", function()
  local hap, echo, line
  setup(function()
    echo = P.start({ mode = "echo" })
    line = P.start({ mode = "line", unix = true })
    hap = H.start({ files = { ["t.lua"] = H.read_file(FIXTURE) }, timeout = 60, ports = 1,
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
    http-request lua.unix_ask ]] .. line.path .. [[

    http-request return status 200 content-type text/plain lf-string "%[var(txn.answer)] %[var(txn.peer)]"
backend echo
    mode tcp
    server s1 ]] .. echo.addr .. "\n" })
  end)
  teardown(function()
    if hap then hap:stop() end
    P.stop_all()
  end)

  it("the client reads r.sent, then the server's echo of req.output .. req.input", function()
    local h = testing.load(FIXTURE, { quiet = true })
    local r = h:action("hello", { mode = "tcp", input = "hello\nrest\n" })
    local expected = r.sent .. r.channels.req.output .. r.channels.req.input
    assert.equal("hi hello\nfrom-lua\nrest\n", expected)
    local c = assert(socket.connect("127.0.0.1", hap.port))
    c:settimeout(10)
    assert(c:send("hello\nrest\n"))
    local got, err, partial = c:receive(#expected)
    c:close()
    assert.equal(expected, got or (tostring(err) .. ": " .. tostring(partial)))
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
