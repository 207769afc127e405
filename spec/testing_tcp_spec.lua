-- What a TCP action leaves behind (r.sent, r.channels) and core.tcp() over
-- UNIX-path sockets, with a fake peer and a real one (docs/testing.md §4).
local testing = require "proxylua.testing"
local P = require "spec.helpers.peer"

local FIXTURE = "spec/fixtures/tcp_hello.lua"
local have_socket = pcall(require, "proxylua.socket")

describe("a TCP action's channels", function()
  it("r.sent is what went to the client; r.channels.req what goes on to the server", function()
    local h = testing.load(FIXTURE, { quiet = true })
    local r = h:action("hello", { mode = "tcp", input = "hello\nrest\n" })
    assert.equal("continue", r.verdict)
    assert.equal("hi hello\n", r.sent)
    assert.same({ input = "rest\n", output = "from-lua\n", sent = "from-lua\n" }, r.channels.req)
    assert.equal("hi hello\n", r.channels.res.output)
    -- the server gets what was sent ahead, then what stayed in the buffer
    assert.equal("from-lua\nrest\n", r.channels.req.output .. r.channels.req.input)
  end)

  it("forward() moves input to output without copying it to sent", function()
    local h = testing.load_string([[
      core.register_action("fwd", { "tcp-req" }, function(txn) txn.req:forward(3) end)
      core.register_action("bye", { "tcp-req" }, function(txn) txn:done() end)
    ]], { quiet = true })
    local r = h:action("fwd", { mode = "tcp", input = "abcdef" })
    assert.same({ input = "def", output = "abc" }, r.channels.req)
    assert.is_nil(r.sent)
    assert.is_true(h:action("bye", { mode = "tcp", input = "x" }).closed)
  end)
end)

describe("core.tcp() to UNIX-path sockets", function()
  it("a fake peer gets the path and port 0, for /path and unix@path", function()
    local seen = {}
    local h = testing.load(FIXTURE, { quiet = true, tcp = function(host, port)
      seen[#seen + 1] = host .. " " .. port
      return function(data) if data then return "pong:" .. data end end
    end })
    for _, path in ipairs({ "/run/app.sock", "unix@/run/app.sock" }) do
      local r = h:action("unix_ask", { mode = "tcp" }, path)
      assert.equal("pong:ping", r.vars.txn.answer)
      assert.equal("unix", r.vars.txn.peer)
    end
    assert.same({ "/run/app.sock 0", "/run/app.sock 0" }, seen)
  end)

  it("tcp = false refuses it like a missing path", function()
    local h = testing.load(FIXTURE, { quiet = true, tcp = false })
    assert.equal("refused", h:action("unix_ask", { mode = "tcp" }, "/run/app.sock").vars.txn.answer)
  end)

  local it_real = have_socket and it or pending
  it_real("a real peer listening on a path answers through proxylua.socket", function()
    local u = P.start({ mode = "line", unix = true })
    local ok, err = pcall(function()
      local h = testing.load(FIXTURE, { quiet = true })
      for _, addr in ipairs({ u.path, u.addr }) do
        local r = h:action("unix_ask", { mode = "tcp" }, addr)
        assert.equal("ping", r.vars.txn.answer)
        assert.equal("unix", r.vars.txn.peer)
      end
      local missing = h:action("unix_ask", { mode = "tcp" }, u.path .. ".missing")
      assert.equal("refused", missing.vars.txn.answer)
    end)
    u:stop()
    assert(ok, err)
  end)
end)
