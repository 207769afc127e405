-- proxylua.testing: the harness itself (loading, request descriptions,
-- results, scheduler seam), as a user's spec would use it.
local testing = require "proxylua.testing"

local function tmpfile(content)
  local name = os.tmpname()
  local f = assert(io.open(name, "w"))
  f:write(content)
  f:close()
  return name
end

describe("loading", function()
  it("loads a file as lua-load does, with its chunk name in errors", function()
    local file = tmpfile("core.register_action('a', {'http-req'}, function(txn) error('x') end)")
    local h = testing.load(file)
    local r = h:action("a")
    assert.equal(file .. ":1: x", r.error:match("runtime error: (.-) from"))
    os.remove(file)
  end)

  it("runs the first script of the HAProxy docs unchanged", function()
    local h = testing.load_string([[
      core.register_fetches("my-hash", function(txn, salt)
        return txn.sc:sdbm(salt .. txn.sf:req_fhdr("host") .. txn.sf:path() .. txn.sf:src(), 1)
      end)
    ]])
    local r = h:fetch("my-hash", { path = "/a", headers = { Host = "example.com" }, src = "10.0.0.1" }, "s3cr3t")
    local hash = require "proxylua.hash"
    -- txn.sc returns a string: the fetch's sample is a string too
    assert.equal(tostring(hash.sdbm("s3cr3texample.com/a10.0.0.1", 1)), r.value)
    assert.equal("str", r.sample.t)
    assert.equal(r.value, r.text)
  end)

  it("can stop before the end of configuration (start = false)", function()
    local h = testing.load_string("core.register_init(function() inited = true end)", { start = false })
    assert.is_nil(h.env.inited)
    assert.is_nil(h.core.proxies)
    h:start()
    assert.is_true(h.env.inited)
    assert.same({}, h.core.proxies)
  end)

  it("injects globals before the script runs", function()
    local lines = {}
    testing.load_string("print('hello', 1)", { globals = { print = function(...)
      lines[#lines + 1] = table.concat({ ... }, " ") end } })
    assert.same({ "hello 1" }, lines)
  end)

  it("keeps specs isolated: two harnesses share nothing", function()
    local code = [[core.register_action("inc", {"http-req"}, function(txn)
      n = (n or 0) + 1 txn:set_var("txn.n", n) txn:set_var("proc.seen", n) end)]]
    local a, b = testing.load_string(code), testing.load_string(code)
    a:action("inc")
    a:action("inc")
    local r = b:action("inc")
    assert.equal(1, r.tx:get_var("txn.n"))
    assert.equal(1, r.tx:get_var("proc.seen"))
  end)

  it("catches a script that relies on globals shared between threads", function()
    -- counts requests in a global: fine with lua-load, wrong per thread
    local code = [[
      hits = 0
      core.register_action("hit", {"http-req"}, function(txn) hits = hits + 1 txn:set_var("txn.hits", hits) end)
    ]]
    local threads = testing.per_thread(function(o) return testing.load_string(code, o) end, 2)
    threads[1]:action("hit")
    local r = threads[2]:action("hit")
    assert.equal(1, r.tx:get_var("txn.hits")) -- not 2: each thread has its own global
  end)
end)

describe("request descriptions", function()
  local h = testing.load_string([[
    core.register_fetches("all", function(txn)
      local f = txn.sf
      return table.concat({ f:method(), f:url(), f:req_ver(), f:src(), f:src_port(), f:dst(),
        f:dst_port(), f:ssl_fc(), f:ssl_fc_sni(), f:req_hdr_cnt("x-a"), f:req_fhdr("x-a", 1),
        f:req_body(), f:req_hdr("content-length"), f:fe_name(), f:be_name() }, "|")
    end)
  ]])

  it("builds every field HAProxy's fetches read", function()
    local r = h:fetch("all", { method = "PUT", path = "/p", query = "q=1", version = "1.0",
      src = "192.0.2.1", src_port = 1234, dst = "198.51.100.2", dst_port = 443, ssl = true,
      sni = "example.com", headers = { "X-A: 1", "x-a: 2, 3" }, body = "data",
      frontend = "front", backend = "back" })
    assert.equal("PUT|/p?q=1|1.0|192.0.2.1|1234|198.51.100.2|443|1|example.com|3|1|data|4|front|back", r.text)
  end)

  it("takes headers as a map with lists too", function()
    local r = h:fetch("all", { headers = { ["X-A"] = { "1", "2" } } })
    assert.equal("GET|/|1.1|127.0.0.1|40000|127.0.0.1|8080|0||2|1|||fe|be", r.text)
  end)

  it("presets variables", function()
    local h2 = testing.load_string([[core.register_fetches("v", function(txn) return txn:get_var("txn.pre") end)]])
    assert.equal(7, h2:fetch("v", { vars = { ["txn.pre"] = 7 } }).value)
  end)
end)

describe("transactions", function()
  local h = testing.load_string([[
    core.register_action("req", {"http-req"}, function(txn)
      txn.http:req_add_header("x-req", "1")
      txn:set_var("txn.status_seen", 0)
      txn:set_priv("from-request")
    end)
    core.register_action("res", {"http-res"}, function(txn)
      txn.http:res_set_header("x-priv", txn:get_priv())
      txn.http:res_del_header("server")
      txn:Info("status " .. txn.f:status())
    end)
  ]])

  it("runs request then response actions on one stream", function()
    local tx = h:transaction({ path = "/" })
    local r1 = tx:run("http-req", "req")
    assert.equal("continue", r1.verdict)
    assert.same({ { "x-req", "1" } }, tx:request().headers)
    tx:to_response({ status = 200, headers = { Server = "x", ["Content-Type"] = "text/html" } })
    local r2 = tx:run("http-res", "res")
    assert.same({ "content-type: text/html", "x-priv: from-request" }, testing.header_set(tx:response().headers))
    assert.equal("status 200", r2.logs[1].msg)
    assert.equal(6, r2.logs[1].level)
  end)

  it("refuses unknown actions and wrong rulesets", function()
    local tx = h:transaction()
    assert.has_error(function() tx:run("http-req", "res") end,
      "unknown action 'lua.res' in the 'http-req' ruleset")
  end)
end)

describe("services on the wire", function()
  local h = testing.load_string([[
    core.register_service("hello", "http", function(applet)
      applet:add_header("content-type", "text/plain")
      applet:start_response()
      applet:send("hello ")
      applet:send("world")
    end)
    core.register_service("echo", "tcp", function(applet)
      while true do
        local l = applet:getline()
        if l == "" then break end
        applet:send("> " .. l)
      end
    end)
  ]])

  it("renders an HTTP applet's response as HAProxy writes it", function()
    local r = h:service("hello", { path = "/" })
    assert.equal("HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n"
      .. "6\r\nhello \r\n5\r\nworld\r\n0\r\n\r\n", r.wire)
    assert.equal("hello world", r.body)
  end)

  it("drives a TCP service with client bytes", function()
    assert.equal("> a\n> b\n", h:service("echo", { input = "a\nb\n" }).output)
  end)
end)

describe("clock and scheduler seam", function()
  it("starts the virtual clock where a spec wants", function()
    local h = testing.load_string([[core.register_fetches("now", function() return core.now().sec end)
      core.register_fetches("date", function(txn) return txn.f:date() end)]], { now = 784111777 })
    assert.equal(784111777, h:fetch("now").value)
    assert.equal(784111777, h:fetch("date").value)
  end)

  it("bounds the tasks run by virtual time", function()
    local h = testing.load_string([[
      ticks = 0
      core.register_task(function() while true do ticks = ticks + 1 core.msleep(1000) end end)
    ]])
    assert.is_false(h:run_tasks(10500))
    assert.equal(11, h.env.ticks)
  end)

  it("routes core.sleep/yield through a replaceable scheduler", function()
    local calls = {}
    local sched = require("proxylua.core.base.sched").new()
    local seam = setmetatable({
      sleep = function(self, ms) calls[#calls + 1] = "sleep " .. ms return sched.sleep(self, ms) end,
      yield = function(self) calls[#calls + 1] = "yield" return sched.yield(self) end,
    }, { __index = sched })
    local h = testing.load_string([[core.register_action("s", {"http-req"}, function()
      core.msleep(250) core.yield() core.sleep(2) end)]], { sched = seam })
    h:action("s")
    assert.same({ "sleep 250", "yield", "sleep 2000" }, calls)
  end)
end)

describe("helpers", function()
  it("compare headers as multisets", function()
    local a = { { "X-B", "2" }, { "x-a", "1" }, { "x-a", "0" } }
    local b = { { "x-a", "0" }, { "x-b", "2" }, { "X-A", "1" } }
    assert.same(testing.header_set(a), testing.header_set(b))
    assert.same({ ["x-a"] = "1, 0", ["x-b"] = "2" }, testing.header_map(a))
  end)
end)

describe("with proxylua.loop as the scheduler", function()
  local ok, loop_sched = pcall(require, "proxylua.loop_sched")
  local test = ok and it or pending

  test("runs tasks and sleeping actions on the event loop", function()
    local h = testing.load_string([[
      order = {}
      core.register_task(function() order[#order+1] = "t1a" core.sleep(1) order[#order+1] = "t1b" end)
      core.register_task(function() order[#order+1] = "t2" end)
      core.register_action("s", {"http-req"}, function(txn)
        local t0 = core.now() core.msleep(1500) local t1 = core.now()
        slept = (t1.sec - t0.sec) * 1000 + (t1.usec - t0.usec) // 1000
      end)
    ]], { sched = loop_sched.new({ now = 1000 }) })
    h:run_tasks()
    assert.same({ "t1a", "t2", "t1b" }, h.env.order)
    h:action("s")
    assert.equal(1500, h.env.slept)
    assert.equal(1002, h.core.now().sec)
  end)
end)

describe("Map through proxylua.map", function()
  local ok = pcall(require, "proxylua.map")
  local test = ok and it or pending

  test("looks up, and sees core.set_map/del_map from any state of the process", function()
    local file = tmpfile("k1 v1\nk2 v2\n")
    local code = string.format([[
      m = Map.new(%q, Map._str)
      core.register_action("upd", {"http-req"}, function(txn)
        core.set_map(%q, "k9", "v9") core.del_map(%q, "k1") end)
      core.register_fetches("look", function(txn, k) return m:lookup(k) end)
      core.register_fetches("slook", function(txn, k) return m:slookup(k) end)
    ]], file, file, file)
    local t = testing.per_thread(function(o) return testing.load_string(code, o) end, 2)
    assert.equal("v1", t[2]:fetch("look", nil, "k1").value)
    assert.equal("", t[2]:fetch("slook", nil, "zz").value)
    assert.equal("HAProxy class Map", tostring(t[1].env.m))
    t[1]:action("upd")
    assert.equal("v9", t[2]:fetch("look", nil, "k9").value)
    assert.same({ t = "bool", v = false }, t[2]:fetch("look", nil, "k1").sample) -- nil -> false
    os.remove(file)
  end)
end)

describe("examples replayed against their golden files (captured from HAProxy 2.6)", function()
  local X = require "spec.integration.core_examples"
  for _, ex in ipairs(X.EXAMPLES) do
    it(ex.name, function()
      local golden = X.read_golden(ex)
      assert.is_table(golden, "missing " .. X.golden_path(ex))
      local h = testing.load(ex.script, { upstream = ex.upstream })
      for i, req in ipairs(ex.requests) do
        local status, hdrs, body = X.through_harness(h, ex, 0, req)
        local g = golden[i]
        assert.equal(g.status, status, g.head)
        assert.equal(g.body, body, g.head)
        hdrs.date = nil
        assert.same(X.normalise(g.headers), X.normalise(hdrs), g.head)
      end
    end)
  end
end)

describe("filters", function()
  local h = testing.load_string([[
    local F = { id = "f", flags = filter.FLT_CFG_FL_HTX }
    function F:new()
      self.__index = self
      configured = (configured or 0)
      return setmetatable({}, self)
    end
    function F:start_analyze(txn, chn)
      if self.args[1] == "data" then filter.register_data_filter(self, chn) end
      seen_http_req = txn.http_req ~= nil
    end
    function F:http_headers(txn, msg)
      local st = msg:get_stline()
      if msg:is_resp() then
        msg:set_header("x-code", st.code)
        stline_code_type = type(st.code)
      else
        msg:set_header("x-uri", st.uri)
        msg:set_query("b=2")
      end
    end
    function F:http_payload(txn, msg)
      if not msg:is_resp() then
        payload = { msg:body(), msg:input(), msg:eom() }
        msg:append("!")
        msg:prepend(">")
      end
    end
    function F:http_end(txn, msg) ends = (ends or 0) + 1 end
    core.register_filter("f", F, function(class, args) class.args = args confs = (confs or 0) + 1 end)
  ]])

  it("runs the callbacks in HAProxy's order with HTTPMessage objects", function()
    local r = h:filter("f", { path = "/p?a=1", body = "xyz", response = { status = 201 } }, { args = { "data" } })
    assert.same({ "start_analyze:req", "http_headers:req", "http_payload:req", "http_end:req",
                  "start_analyze:res", "http_headers:res", "http_payload:res", "http_end:res" }, r.calls)
    assert.equal("/p?b=2", r.request.uri)
    assert.equal(">xyz!", r.request.body)
    assert.same({ "xyz", 3, true }, h.env.payload)
    assert.same({ "x-code: 201" }, testing.header_set(r.response.headers))
    assert.equal("string", h.env.stline_code_type)
    assert.is_true(h.env.seen_http_req)
    assert.equal(2, h.env.ends)
  end)

  it("skips payload callbacks without register_data_filter; configures once per line", function()
    h:filter("f", { path = "/", body = "b" }, { args = { "nodata" } })
    local r = h:filter("f", { path = "/", body = "b" }, { args = { "nodata" } })
    assert.same({ "start_analyze:req", "http_headers:req", "http_end:req" }, r.calls)
    assert.equal(2, h.env.confs) -- "data" and "nodata" lines
  end)
end)

describe("TCP streams", function()
  local h = testing.load_string([[
    core.register_action("wait12", {"tcp-req"}, function(txn)
      local first = txn.req:input()
      while txn.req:input() < 12 do core.yield() end
      got = { first, txn.req:input(), txn.req:data() }
    end)
    core.register_action("forever", {"tcp-req"}, function(txn) while true do core.yield() end end)
    core.register_action("echo", {"tcp-res"}, function(txn) got2 = { txn.res:input(), txn.res:data() } end)
    local F = {}
    function F:new() self.__index = self return setmetatable({}, self) end
    function F:start_analyze(txn, chn) filter.register_data_filter(self, chn) end
    function F:tcp_payload(txn, chn)
      if not chn:is_resp() then chn:set(chn:data():upper(), 0) end
      return 3
    end
    core.register_filter("up", F, function() end)
  ]])

  it("deliver the client's data chunk by chunk while an action waits", function()
    h:action("wait12", { mode = "tcp", input = { "hello\n", "world\nrest" } })
    assert.same({ 6, 16, "hello\nworld\nrest" }, h.env.got)
    h:action("echo", { mode = "tcp", res_input = { "", "echo:hi\n" } })
    assert.same({ 0, "echo:hi\n" }, h.env.got2)
  end)

  it("give up a wait for data that never comes as an expired inspect-delay", function()
    local r = h:action("forever", { mode = "tcp", input = "x" })
    assert.is_true(r.expired)
    assert.equal("continue", r.verdict)
    assert.equal("Lua function 'forever': aborting Lua processing on expired timeout.", r.logs[1].msg)
  end)

  it("run tcp_payload filters on the channels", function()
    local r = h:filter("up", { mode = "tcp", input = "hello" })
    -- no end_analyze in this filter: only the callbacks it has are called
    assert.same({ "start_analyze:req", "tcp_payload:req", "start_analyze:res", "tcp_payload:res" }, r.calls)
    assert.equal("HEL", r.channels.req.output)
    assert.equal("LO", r.channels.req.input)
  end)
end)

describe("variables in results", function()
  it("are listed by scope after an action", function()
    local h = testing.load_string([[core.register_action("v", {"http-req"}, function(txn)
      txn:set_var("txn.a", 1) txn:set_var("sess.b", "x") txn:set_var("req.c", true) txn:set_var("proc.d", 2.0) end)]])
    local r = h:action("v")
    assert.same({ a = 1 }, r.vars.txn)
    assert.same({ b = "x" }, r.vars.sess)
    assert.same({ c = 1 }, r.vars.req)
    assert.same({ d = 2 }, r.vars.proc)
  end)
end)

describe("core.httpclient() answered by a harness upstream", function()
  local sent = {}
  local function upstream(req)
    sent[#sent + 1] = req
    if req.path == "/down" then return nil end
    return { status = 201, reason = "Made", headers = { "X-Multi: one", "X-Multi: two", "Content-Length: 2" },
             body = "ok" }
  end
  local h = testing.load_string([[
    core.register_action("call", {"http-req"}, function(txn, path)
      local hc = core.httpclient()
      res = hc:get({ url = "http://up.example" .. path, headers = { ["X-A"] = { "1", 2, true }, ["x-s"] = "dropped" } })
      cls = tostring(hc)
    end, 1)
    core.register_action("bad", {"http-req"}, function(txn, which)
      local hc = core.httpclient()
      local cases = {
        function() return hc:get() end,
        function() return hc:post("x") end,
        function() return hc:get({ nope = 1 }) end,
        function() return hc:get({ body = "x" }) end,
        function() return hc:get({ url = 5 }) end,
        function() return hc:get({ url = "http://x", timeout = "1000" }) end,
        function() return hc:get({ url = "/relative" }) end,
      }
      errs = {}
      for i, f in ipairs(cases) do errs[i] = select(2, pcall(f)):gsub("^[^:]*:%d+: ", "") end
    end, 1)
    core.register_fetches("fetch_call", function(txn)
      return core.httpclient():get({ url = "http://up.example/f" }).status
    end)
    core.register_init(function() init_hc = core.httpclient() end)
  ]], { upstream = upstream })

  it("sends the request HAProxy would send and returns 0-based headers", function()
    h:action("call", nil, "/p")
    local req = sent[#sent]
    assert.equal("GET", req.method)
    assert.equal("/p", req.path)
    assert.same({ { "x-a", "1" }, { "x-a", "2" }, { "host", "up.example" }, { "accept", "*/*" },
                  { "user-agent", "HAProxy" } }, req.headers)
    local res = h.env.res
    assert.same({ 201, "Made", "ok" }, { res.status, res.reason, res.body })
    assert.same({ [0] = "one", [1] = "two" }, res.headers["x-multi"])
    assert.equal("HAProxy class HTTPClient", h.env.cls)
    assert.is_nil(h.env.init_hc)
  end)

  it("answers 503 itself when nothing listens", function()
    h:action("call", nil, "/down")
    assert.equal(503, h.env.res.status)
    assert.equal("<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
      h.env.res.body)
  end)

  it("checks the request table with 2.6's texts (all say 'get')", function()
    h:action("bad", nil, "x")
    assert.same({ "'get' needs a table as argument", "'get' needs a table as argument",
                  "'nope' invalid parameter name", "'get' need a 'url' argument",
                  "invalid parameter in 'url', must be a string",
                  "invalid parameter in 'timeout', must be a number", "couldn't start the httpclient" },
                h.env.errs)
  end)

  it("fails a fetch (yield not allowed) after sending the request", function()
    local before = #sent
    local r = h:fetch("fetch_call")
    assert.is_nil(r.sample)
    assert.equal(before + 1, #sent)
    assert.equal("Lua sample-fetch 'fetch_call': yield not allowed.", r.logs[1].msg)
  end)
end)

describe("patterns that crash HAProxy 2.6", function()
  it("report txn:done(reply) caught by pcall instead of sending the reply silently", function()
    local h = testing.load_string([[core.register_action("a", {"http-req"}, function(txn)
      pcall(txn.done, txn, txn:reply({ status = 403 })) end)]])
    -- the harness fails the test: HAProxy would die here
    local ok, err = pcall(h.action, h, "a")
    assert.is_false(ok)
    assert.matches("HAProxy 2.6 crashes %(segfault%) here", err)
  end)
end)

describe("sessions", function()
  it("share sess.* over keep-alive requests; only the first is http_first_req", function()
    local h = testing.load_string([[core.register_action("n", {"http-req"}, function(txn)
      local n = (txn:get_var("sess.n") or 0) + 1
      txn:set_var("sess.n", n)
      txn:set_var("txn.first", txn.f:http_first_req())
    end)]])
    local sess = testing.session()
    local r1 = h:action("n", { session = sess })
    local r2 = h:action("n", { session = sess })
    local r3 = h:action("n", {})
    assert.same({ 1, 2, 1 }, { r1.vars.sess.n, r2.vars.sess.n, r3.vars.sess.n })
    assert.same({ 1, 0 }, { r1.vars.txn.first, r2.vars.txn.first })
  end)
end)

describe("core.tcp() connected to a harness peer", function()
  local store = { k1 = "hello" }
  local function redis(host, port)
    if host ~= "127.0.0.1" or port ~= 6379 then return nil end
    return function(data)
      if not data then return nil end
      local key = data:match("^GET (%S+)\r\n$")
      local v = store[key]
      if v then return "$" .. #v .. "\r\n" .. v .. "\r\n" end
      return "$-1\r\n"
    end
  end
  local h = testing.load_string([[
    core.register_action("get", {"http-req"}, function(txn, key)
      local s = core.tcp()
      local ok, err = s:connect("127.0.0.1", 6379)
      if not ok then txn:set_var("txn.err", err) return end
      s:send("GET " .. key .. "\r\n")
      local line = s:receive("*l")
      local n = tonumber(line:sub(2))
      if n >= 0 then txn:set_var("txn.val", s:receive(n + 2):sub(1, n)) end
      s:close()
    end, 1)
    core.register_action("wait", {"http-req"}, function(txn)
      local s = core.tcp()
      s:connect("127.0.0.1:6379")
      local a, b = s:receive("*l")
      out = { a, b, s:send("x"), s:getpeername() }
    end)
    core.register_fetches("f", function(txn)
      local s = core.tcp()
      return s:connect("127.0.0.1", 6379)
    end)
  ]], { tcp = redis })

  it("speaks the protocol the peer implements", function()
    assert.equal("hello", h:action("get", {}, "k1").vars.txn.val)
    assert.is_nil(h:action("get", {}, "zz").vars.txn.val)
  end)

  it("treats data that never comes as a fired timeout, which kills the socket", function()
    h:action("wait")
    assert.same({ nil, "connection closed.", -1 }, { h.env.out[1], h.env.out[2], h.env.out[3] })
    assert.is_nil(h.env.out[4])
  end)

  it("refuses connections the peer function does not accept", function()
    local h2 = testing.load_string([[core.register_action("get", {"http-req"}, function(txn)
      local s = core.tcp() out = table.pack(s:connect("127.0.0.1", 1)) end)]], { tcp = redis })
    h2:action("get")
    assert.same({ nil, "Can't connect" }, { h2.env.out[1], h2.env.out[2] })
  end)

  it("fails a fetch at connect: yield not allowed", function()
    local r = h:fetch("f")
    assert.is_nil(r.sample)
    assert.equal("Lua sample-fetch 'f': yield not allowed.", r.logs[1].msg)
  end)
end)

describe("TCP services with data arriving over time", function()
  it("wait in getline/receive until the chunks they need arrive", function()
    local h = testing.load_string([[core.register_service("s", "tcp", function(applet)
      local l = applet:getline()
      local five = applet:receive(5)
      local rest = applet:receive()
      applet:send(l .. "|" .. five .. "|" .. rest)
    end)]])
    assert.equal("line one\n|abcde|fgh", h:service("s", { input = { "line ", "one\nab", "cd", "efgh" } }).output)
  end)
end)
