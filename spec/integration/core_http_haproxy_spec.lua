-- What the client receives: the same script answers the same requests in
-- real HAProxy 2.6 (curl on 127.0.0.1) and through proxylua.testing.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [==[
core.register_action("route", { "http-req" }, function(txn)
  local p = txn.sf:path()
  if p == "/deny" then return act.DENY end
  if p == "/error" then return act.ERROR end
  if p == "/invalid" then return act.INVALID end
  if p == "/str5" then return "5" end
  if p == "/boom" then error("boom") end
  if p == "/reply" then
    local r = txn:reply({ status = 401, headers = { ["www-authenticate"] = { 'Basic realm="x"' },
      ["content-length"] = { "99" } }, body = "who are you?\n" })
    r:add_header("x-two", "2a")
    r:add_header("X-Two", "2b")
    txn:done(r)
  end
  if p == "/plain" then
    txn:done({ status = 999, headers = { ["x-list"] = { "b", "a" }, ["x-str"] = "dropped" } })
  end
  if p == "/nocontent" then txn:done({ status = 204, body = "ignored" }) end
  if p == "/coredone" then core.done(act.DENY) end
  if p == "/hdr" then
    txn.http:req_set_header("x-hello", "world")
    txn.http:req_add_header("x-num", 5)
    txn:set_var("txn.v", txn.sc:sdbm("hello", 1))
  end
end)

core.register_service("svc", "http", function(applet)
  applet:set_status(201, "Made It")
  applet:add_header("content-type", "text/plain")
  applet:add_header("x-path", applet.path .. "?" .. applet.qs)
  applet:start_response()
  applet:send("part1\n")
  applet:send("part2\n")
end)

core.register_service("svc_cl", "http", function(applet)
  applet:add_header("content-length", "6")
  applet:start_response()
  applet:send("fixed\n")
end)

core.register_service("svc_none", "http", function(applet) end)

core.register_service("svc_conn", "http", function(applet)
  applet:add_header("connection", "close")
  applet:add_header("connection", "close")
  applet:add_header("transfer-encoding", "chunked")
  applet:start_response()
  applet:send("bye")
end)

core.register_service("svc_body", "http", function(applet)
  local line = applet:getline()
  local rest = applet:receive()
  applet:add_header("content-type", "text/plain")
  applet:start_response()
  applet:send(applet.method .. "|" .. applet.length .. "|" .. line .. "|" .. rest)
end)
]==]

local CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.route
    http-request use-service lua.svc if { path_beg /svc/ }
    http-request use-service lua.svc_cl if { path /svccl }
    http-request use-service lua.svc_none if { path /svcnone }
    http-request use-service lua.svc_conn if { path /svcconn }
    http-request use-service lua.svc_body if { path /svcbody }
    http-request return status 200 content-type text/plain lf-string "x-hello=%[req.hdr(x-hello)] x-num=%[req.hdr(x-num)] v=%[var(txn.v)]\n"
]]

local SERVICES = { ["/svc/a"] = "svc", ["/svccl"] = "svc_cl", ["/svcnone"] = "svc_none", ["/svcconn"] = "svc_conn",
                   ["/svcbody"] = "svc_body" }

-- The harness run of the same rules: lua.route, then a service or the
-- final `http-request return` (emulated from the transaction's state).
local function through_harness(h, port, req)
  local desc = { method = req.method or "GET", uri = req.path, body = req.body,
                 headers = { "Host: 127.0.0.1:" .. port, "User-Agent: curl", "Accept: */*" } }
  if req.body then desc.headers[#desc.headers + 1] = "Content-Type: application/x-www-form-urlencoded" end
  local tx = h:transaction(desc)
  local r = tx:run("http-req", "route")
  if r.reply then return r.reply.status, r.reply.body, testing.header_map(r.reply.headers) end
  if r.closed then return 0, "", {} end
  local path = req.path:match("^[^?]*")
  local svc = SERVICES[path]
  if svc then
    local res = h:service(svc, tx)
    return res.status, res.body, testing.header_map(res.headers)
  end
  local body = string.format("x-hello=%s x-num=%s v=%s\n", tx.txn.sf:req_hdr("x-hello"),
    tx.txn.sf:req_hdr("x-num"), tostring(tx:get_var("txn.v") or ""))
  return 200, body, { ["content-type"] = "text/plain", ["content-length"] = tostring(#body) }
end

local REQUESTS = {
  { path = "/deny" }, { path = "/error" }, { path = "/invalid" }, { path = "/str5" }, { path = "/boom" },
  { path = "/reply" }, { path = "/plain" }, { path = "/nocontent" }, { path = "/coredone" },
  { path = "/hdr" }, { path = "/svc/a?x=1" }, { path = "/svccl" }, { path = "/svcnone" }, { path = "/svcconn" },
  { path = "/svcbody", method = "POST", body = "line1\nrest" },
}

-- Header maps with repeated names joined by ", ". The values of one name
-- keep their wire order (a reply's value list is sent in list order), except
-- for names given under two keys of the reply table ("x-two" and "X-Two"),
-- which come in Lua table order: those compare as a multiset.
local UNORDERED = { ["x-two"] = true }
local function multiset(map, unordered)
  local out = {}
  for k, v in pairs(map) do
    local parts = {}
    for p in (v .. ", "):gmatch("(.-), ") do parts[#parts + 1] = p end
    if not unordered or unordered[k] then table.sort(parts) end
    out[k] = table.concat(parts, ", ")
  end
  return out
end

describe("HTTP answers of proxylua.testing against HAProxy 2.6", function()
  it("match status, headers (as a set) and body", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT }, global = "    lua-load ${DIR}/t.lua",
                          config = CONFIG })
    local real = {}
    local ok, err = pcall(function()
      for i, req in ipairs(REQUESTS) do
        local status, body, headers = H.http({ port = hap.port, path = req.path,
          method = req.method, body = req.body })
        real[i] = { status, body, headers }
      end
    end)
    hap:stop()
    assert(ok, err)
    local h = testing.load_string(SCRIPT, { haproxy = H.version(), quiet = true })
    for i, req in ipairs(REQUESTS) do
      local ok, status, body, headers = pcall(through_harness, h, hap.port, req)
      local rs, rb, rh = real[i][1], real[i][2], real[i][3]
      if rs == 0 then
        -- this version never answered (curl gave up): the harness says so
        assert.is_false(ok, req.path)
        assert.matches("never returns", tostring(status), 1, true)
      else
        assert(ok, status)
        assert.equal(rs, status, req.path)
        assert.equal(rb, body, req.path)
        assert.same(multiset(rh, UNORDERED), multiset(headers, UNORDERED), req.path)
      end
    end
  end)
end)

local RES_SCRIPT = [==[
core.register_action("resp", { "http-res" }, function(txn)
  local p = txn:get_var("txn.path")
  if p == "/deny" then return act.DENY end
  if p == "/error" then return act.ERROR end
  if p == "/invalid" then return act.INVALID end
  if p == "/abort" then return act.ABORT end
  if p == "/done" then txn:done({ status = 503, body = "replaced\n" }) end
  if p == "/status" then txn.http:res_set_status(418) end
  if p == "/hdr" then
    txn.http:res_set_header("x-res", "1")
    txn.http:res_del_header("x-drop")
    txn.http:res_rep_header("x-rep", "^(a+)(b+)$", "\\2\\1")
  end
end)
core.register_action("rememb", { "http-req" }, function(txn) txn:set_var("txn.path", txn.sf:path()) end)
]==]

describe("http-response actions against HAProxy 2.6", function()
  it("give the client the same answers", function()
    local hap = H.start({ files = { ["t.lua"] = RES_SCRIPT }, global = "    lua-load ${DIR}/t.lua", ports = 1,
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.rememb
    http-response lua.resp
    default_backend be
backend be
    server s1 127.0.0.1:${PORT1}
listen origin
    bind 127.0.0.1:${PORT1}
    http-request return status 200 content-type text/plain hdr x-drop yes hdr x-rep aabb string "origin"
]] })
    local paths = { "/deny", "/error", "/invalid", "/abort", "/done", "/status", "/hdr", "/plain" }
    local real = {}
    local ok, err = pcall(function()
      for i, p in ipairs(paths) do real[i] = { H.http({ port = hap.port, path = p }) } end
    end)
    hap:stop()
    assert(ok, err)
    local h = testing.load_string(RES_SCRIPT)
    for i, p in ipairs(paths) do
      local tx = h:transaction({ path = p })
      tx:run("http-req", "rememb")
      tx:to_response({ status = 200, headers = { "content-type: text/plain", "x-drop: yes", "x-rep: aabb",
                                                 "content-length: 6" }, body = "origin" })
      local r = tx:run("http-res", "resp")
      local res = r.reply or tx:response()
      assert.equal(real[i][1], res.status, p)
      assert.equal(real[i][2], res.body, p)
      assert.same(multiset(real[i][3]), multiset(testing.header_map(res.headers)), p)
    end
  end)
end)
