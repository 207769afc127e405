-- The stream (modules/core/stream/stream.lua): what Stream.new builds from a
-- request description, and the moves the runners make on it.
local Stream = require "proxylua.core.stream.stream"
local V = require "proxylua.core.stream.vars"

describe("Stream.new", function()
  it("fills the documented defaults", function()
    local rt = {}
    local s = Stream.new(rt, {})
    assert.equal(rt, s.rt)
    assert.same({ "http", "req", "127.0.0.1", 40000, "127.0.0.1", 8080, false, "fe", "be", 1, 1, 0 },
      { s.mode, s.dir, s.src, s.src_port, s.dst, s.dst_port, s.ssl, s.frontend, s.backend,
        s.fe_id, s.be_id, s.loglevel })
    assert.same({ method = "GET", uri = "/", version = "1.1", headers = {}, body = "" }, s.http_req)
    assert.is_nil(s.http_res)
    assert.same({ req = { input = "", output = "" }, res = { input = "", output = "" } }, s.chn)
  end)

  it("builds the request line and adds content-length for a body", function()
    local s = Stream.new({}, { method = "POST", path = "/p", query = "a=1", body = "hello",
                               headers = { "Host: x" } })
    assert.equal("/p?a=1", s.http_req.uri)
    assert.same({ { "host", "x" }, { "content-length", "5" } }, s.http_req.headers)
    local chunked = Stream.new({}, { body = "hi", headers = { "Transfer-Encoding: chunked" } })
    assert.same({ { "transfer-encoding", "chunked" } }, chunked.http_req.headers)
  end)

  it("has no HTTP message in a TCP stream, and queues input chunks", function()
    local s = Stream.new({}, { mode = "tcp", input = { "a", "b", "c" } })
    assert.is_nil(s.http_req)
    assert.equal("a", s.chn.req.input)
    assert.is_true(Stream.feed(s))
    assert.is_true(Stream.feed(s))
    assert.is_false(Stream.feed(s))
    assert.equal("abc", s.chn.req.input)
  end)

  it("shares sess.* variables across the requests of one session", function()
    local sess = {}
    local first = Stream.new({}, { session = sess })
    V.set(first, "sess.n", { t = "sint", v = 1 })
    local second = Stream.new({}, { session = sess })
    assert.is_false(first.not_first)
    assert.is_true(second.not_first)
    assert.same({ t = "sint", v = 1 }, V.get(second, "sess.n"))
  end)

  it("drops req.* variables when it moves to the response side", function()
    local s = Stream.new({}, { vars = { ["req.a"] = "x", ["txn.b"] = "y" } })
    assert.is_table(V.get(s, "req.a"))
    Stream.to_response(s, { status = 404 })
    assert.equal("res", s.dir)
    assert.is_true(s.req_vars_gone)
    assert.is_nil(V.get(s, "req.a"))
    assert.same({ t = "str", v = "y" }, V.get(s, "txn.b"))
    assert.same({ 404, "Not Found", "1.1" }, { s.http_res.status, s.http_res.reason, s.http_res.version })
  end)
end)
