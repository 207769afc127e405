-- TXN, HTTP, Channel and Reply (modules/core/classes/txn.lua). Every rule is
-- asserted against HAProxy 2.6's own outputs.
local testing = require "proxylua.testing"
local C = require "spec.helpers.core"
local state, PROBE, with_txn, errtext = C.state, C.PROBE, C.with_txn, C.errtext

describe("TXN object", function()
  it("has HAProxy's keys, classes and methods", function()
    local out = with_txn([[
      local keys = {}
      for k in pairs(txn) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      return table.concat(keys, ","), tostring(txn), tostring(txn.f), tostring(txn.sc),
             tostring(txn.http), tostring(txn.req)
    ]])
    assert.same({ "0,c,f,http,req,res,sc,sf", "HAProxy class TXN", "HAProxy class Fetches",
                  "HAProxy class Converters", "HAProxy class HTTP", "HAProxy class Channel" },
                { out[1], out[2], out[3], out[4], out[5], out[6] })
  end)

  it("has no http member in a TCP stream", function()
    local out = with_txn("return txn.http == nil", { mode = "tcp" }, "tcp-req")
    assert.is_true(out[1])
  end)

  it("shifts arguments when a method is called with a dot", function()
    assert.equal("'set_var' needs between 3 and 4 arguments", errtext("txn.set_var('txn.zz', 'v')"))
    assert.equal("calling 'log' on bad self (Invalid loglevel.)", errtext("txn:log(8, 'x')"))
    assert.equal("bad argument #2 to 'log' (string expected, got table)", errtext("txn:log(1, {})"))
  end)
end)

describe("priv", function()
  it("is shared by the stream's actions and fetches, not by services", function()
    local h = state([[
      core.register_action("set", {"http-req"}, function(txn) txn:set_priv({ n = 1 }) end)
      core.register_action("get", {"http-res"}, function(txn) got = txn:get_priv() end)
      core.register_fetches("fp", function(txn) return txn:get_priv().n end)
      core.register_service("svc", "http", function(applet)
        svc_priv = applet:get_priv()
        applet:start_response()
      end)
    ]])
    local tx = h:transaction(PROBE)
    assert.is_nil(tx.txn:get_priv())
    tx:run("http-req", "set")
    assert.equal(1, tx:fetch("fp").value)
    tx:run("http-res", "get")
    assert.equal(1, h.env.got.n)
    h:service("svc", tx)
    assert.is_nil(h.env.svc_priv)
  end)
end)

describe("HTTP object", function()
  it("returns 0-based header tables keyed by lower-case name", function()
    local out = with_txn([[
      local h = txn.http:req_get_headers()
      return h["x-multi"][0], h["x-multi"][1], #h["x-multi"], h["X-Multi"], h["host"][0]
    ]])
    assert.same({ "one", "two, three", 1, nil, "127.0.0.1:24001" }, { table.unpack(out, 1, out.n) })
  end)

  it("edits the request as HAProxy forwards it", function()
    local _, r = with_txn([[
      txn.http:req_set_header("X-Multi", "only")
      txn.http:req_add_header("x-num", 5)
      txn.http:req_add_header("x-num", "6")
      txn.http:req_del_header("host")
      txn.http:req_add_header("x-rep", "ab-cd")
      txn.http:req_rep_header("x-rep", "(\\w+)-(\\w+)", "\\2_\\1")
      txn.http:req_add_header("x-val", "a, b, c")
      txn.http:req_rep_value("x-val", "^b$", "B")
      return txn.http:req_set_path("/new/path"), txn.http:req_set_method("POST"), txn.f:method()
    ]])
    local req = r.request
    assert.same({ { "x-multi", "only" }, { "x-num", "5" }, { "x-num", "6" }, { "x-rep", "cd_ab" },
                  { "x-val", "a,B, c" } }, req.headers)
    assert.equal("/new/path?a=1&b=2", req.uri)
    assert.equal("POST", req.method)
  end)

  it("keeps HAProxy's query quirks", function()
    local _, r = with_txn([[txn.http:req_set_query("")]])
    assert.equal("/probe_f?", r.request.uri)
    _, r = with_txn([[txn.http:req_set_query("?a=b")]])
    assert.equal("/probe_f??a=b", r.request.uri)
    _, r = with_txn([[txn.http:req_set_uri("/via/uri?z=9")]])
    assert.equal("/via/uri?z=9", r.request.uri)
  end)

  it("raises a non-message value in the wrong direction", function()
    local out = with_txn([[
      local ok1, e1 = pcall(txn.http.res_get_headers, txn.http)
      local ok2, e2 = pcall(txn.http.res_set_status, txn.http, 201)
      return ok1, tostring(e1), ok2, e2
    ]])
    assert.same({ false, "HAProxy class HTTP", false, 201 }, { table.unpack(out, 1, out.n) })
  end)

  it("sets the response status without validation", function()
    local h = state([[
      core.register_action("s", {"http-res"}, function(txn) txn.http:res_set_status(418) end)
      core.register_action("c", {"http-res"}, function(txn) txn.http:res_set_status(299, "Custom Reason") end)
      core.register_action("x", {"http-res"}, function(txn) txn.http:res_set_status(1000) end)
    ]])
    local r = h:action("s", { response = { status = 200 } })
    assert.same({ 418, "I'm a teapot" }, { r.response.status, r.response.reason })
    r = h:action("c", { response = { status = 200 } })
    assert.same({ 299, "Custom Reason" }, { r.response.status, r.response.reason })
    r = h:action("x", { response = { status = 200 } })
    assert.same({ 1000, "Other" }, { r.response.status, r.response.reason })
  end)

  it("refuses channel data in HTTP mode", function()
    assert.equal("Cannot manipulate HAProxy channels in HTTP mode.", errtext("txn.req:data()"))
    assert.equal("Cannot manipulate HAProxy channels in HTTP mode.", errtext("txn.res:send('x')"))
    local out = with_txn("return txn.req:is_resp(), txn.res:is_resp(), math.type(txn.req:input())")
    assert.same({ false, true, "integer" }, { out[1], out[2], out[3] })
  end)
end)

describe("Channel in a TCP stream", function()
  it("reads and edits the input as 2.6 does (append is prepend)", function()
    local req = { mode = "tcp", input = "hello\nworld\nrest" }
    local out = with_txn([[
      local r = txn.req
      local t = { r:input(), r:output(), r:data(), r:data(6), r:data(6, 3), r:data(-3), r:line(),
        r:line(6), r:dup(), r:is_full(), r:may_recv(), r:getline(), r:input() }
      t[#t + 1] = r:prepend("PRE:")
      t[#t + 1] = r:data()
      t[#t + 1] = r:append(":APP")
      t[#t + 1] = r:data()
      t[#t + 1] = r:insert("INS", 2)
      t[#t + 1] = r:data()
      local ok, e = pcall(r.data, r, 100)
      t[#t + 1] = e
      t[#t + 1] = txn.res:send("to-client\n")
      t[#t + 1] = r:forward(2)
      t[#t + 1] = r:output()
      return t
    ]], req, "tcp-req")
    assert.same({ 16, 0, "hello\nworld\nrest", "world\nrest", "wor", "est", "hello\n", "world\n",
      "hello\nworld\nrest", false, true, "hello\n", 10, 4, "PRE:world\nrest", 4,
      ":APPPRE:world\nrest", 3, ":AINSPPPRE:world\nrest", "offset out of range.", 10, 2, 2 }, out[1])
  end)
end)

describe("reply and done", function()
  it("builds Reply objects like 2.6", function()
    local out = with_txn([[
      local r1 = txn:reply()
      local r2 = txn:reply({ status = 404 })
      local r3 = txn:reply({ status = "404" })
      local r4 = txn:reply({ status = 599, reason = "Custom" })
      local r5 = txn:reply({ headers = { a = "b", c = { "d", "e" } }, body = 5 })
      local r = txn:reply()
      local t = { r:set_status(999), r:set_status("200"), r:set_status(200, "OK!"), r.reason,
                  r:add_header("n", 5), r.headers.n[1], r:set_body(5), r.body, r:del_header("missing") }
      return { r1.status, r1.reason, r1.body, r2.status, r2.reason, r3.status, r4.reason },
             r5.headers, r5.body, t, tostring(r1):match("^table: ") ~= nil
    ]])
    assert.same({ 200, "OK", nil, 404, "Not Found", 200, "Server Error" }, out[1])
    assert.same({ a = { "b" }, c = { "d", "e" } }, out[2])
    assert.is_nil(out[3])
    assert.same({ false, true, true, "OK!", true, "5", true, "5", true }, out[4])
    assert.is_true(out[5])
  end)

  it("txn:done(reply) sends it with a computed content-length and stops the action", function()
    local h = state([[
      core.register_action("d", {"http-req"}, function(txn)
        local r = txn:reply({ status = 401, headers = { ["content-length"] = { "99" },
          ["X-Two"] = { "2a" }, ["x-str"] = "plain" }, body = "nope!\n" })
        r.reason = "Who"
        r:add_header("x-two", "2b")
        txn:done(r)
        after = true
      end)
    ]])
    local r = h:action("d", PROBE)
    assert.equal("done", r.verdict)
    assert.is_nil(h.env.after)
    assert.equal(401, r.reply.status)
    assert.equal("Who", r.reply.reason)
    assert.equal("nope!\n", r.reply.body)
    assert.same({ "content-length: 6", "x-str: plain", "x-two: 2a", "x-two: 2b" },
      testing.header_set(r.reply.headers))
  end)

  it("a plain table passed to done is not range-checked; a string status is ignored", function()
    local h = state([[
      core.register_action("a", {"http-req"}, function(txn) txn:done({ status = 999, headers = { ["x-str"] = "plain" } }) end)
      core.register_action("b", {"http-req"}, function(txn) txn:done({ status = "503" }) end)
      core.register_action("c", {"http-req"}, function(txn) txn:done({ status = 204, body = "x" }) end)
    ]])
    local r = h:action("a")
    assert.same({ 999, "Other" }, { r.reply.status, r.reply.reason })
    assert.same({ "content-length: 0" }, testing.header_set(r.reply.headers))
    assert.equal(200, h:action("b").reply.status)
    r = h:action("c")
    assert.same({ 204, "" }, { r.reply.status, r.reply.body })
    assert.same({}, r.reply.headers)
  end)

  it("txn:done() without reply closes the connection", function()
    local h = state([[core.register_action("a", {"http-req"}, function(txn) txn:done() end)]])
    local r = h:action("a")
    assert.is_true(r.closed)
    assert.is_nil(r.reply)
  end)

  it("pcall catches txn:done as the integer 6", function()
    local out = with_txn("return pcall(txn.done, txn, 'x')")
    assert.same({ false, 6 }, { out[1], out[2] })
  end)

  it("reply refuses TCP streams", function()
    assert.equal("txn object is not an HTTP transaction.", errtext("txn:reply()", { mode = "tcp" }, "tcp-req"))
  end)
end)

describe("logs from TXN", function()
  it("log at the documented levels; deflog at emerg unless set_loglevel", function()
    local out, r = with_txn([[
      txn:Info("i") txn:Debug("d") txn:Warning("w") txn:Alert("a") txn:log(core.notice, 42)
      txn:deflog("def")
      txn:set_loglevel(core.err)
      txn:deflog("def2")
      local ok, e = pcall(function() txn:set_loglevel(9) end)
      local ok2, e2 = pcall(function() txn:set_priority_class("x") end)
      txn:set_tos(1) txn:set_mark(2) txn:set_priority_class(99999) txn:set_priority_offset(-1)
      return e, e2
    ]])
    local lv = {}
    for _, l in ipairs(r.logs) do lv[#lv + 1] = l.level .. ":" .. l.msg end
    assert.same({ "6:i", "7:d", "4:w", "1:a", "5:42", "0:def", "3:def2" }, lv)
    assert.matches("bad argument #1 to 'set_loglevel' %(Bad log level%. It must be between 0 and 7%)$", out[1])
    assert.matches("bad argument #1 to 'set_priority_class' %(number expected, got string%)$", out[2])
  end)
end)
