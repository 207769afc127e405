-- Differential specs: the same probes run inside real HAProxy 2.6 and under
-- proxylua.testing, and must print the same results.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

-- Shared probe runtime (T(name, f) records "name=<serialised results>").
local PRELUDE = require "spec.helpers.probe"

-- Cases that run in the lua-load body.
local BODY_CASES = [==[
local NARGS = select("#", ...)
T("tok1", function() return core.tokenize("a,b;;c", ",;") end)
T("tok2", function() return core.tokenize(",a,,", ",", true) end)
T("tok3", function() return core.tokenize("", " .") end)
T("tok4", function() return core.tokenize(12345, "3") end)
T("tok5", function() return core.tokenize("abc") end)
T("tok6", function() return core.tokenize("abc", ",", nil) end)
T("date1", function() return core.http_date("Sun, 06 Nov 1994 08:49:37 GMT") end)
T("date2", function() return core.http_date("Sunday, 06-Nov-94 08:49:37 GMT") end)
T("date3", function() return core.http_date("Sun Nov  6 08:49:37 1994") end)
T("date4", function() return core.imf_date("Sunday, 06-Nov-94 08:49:37 GMT") end)
T("date5", function() return core.http_date("Sat, 01 Jan 2050 00:00:00 GMT") end)
T("date6", function() return core.http_date("Wed, 31 Dec 1969 23:59:59 GMT") end)
T("date7", function() return core.asctime_date("Thu Feb 29 12:00:00 2024") end)
T("date8", function() return core.rfc850_date("Friday, 01-Jan-71 00:00:00 GMT") end)
T("date9", function() return core.http_date("Sun, 06 Nov 1994 08:49:37 GMT ") end)
T("addr1", function() return core.match_addr(core.parse_addr("10.0.0.0/8"), core.parse_addr("10.1.2.3")) end)
T("addr2", function() return core.match_addr(core.parse_addr("10.1.2.3"), core.parse_addr("10.0.0.0/8")) end)
T("addr3", function() return core.match_addr(core.parse_addr("10.0.0.0/8"), core.parse_addr("::1")) end)
T("addr4", function() return core.parse_addr("not-an-ip") end)
T("addr5", function() return core.match_addr(core.parse_addr("2001:db8::1/64"), core.parse_addr("2001:db8::2")) end)
T("addr6", function() return core.match_addr(core.parse_addr("192.168.0.0/255.255.0.0"), core.parse_addr("192.168.9.9")) end)
T("addr7", function() return type(core.parse_addr("1.2.3.4")) end)
T("re1", function() local ok, r = Regex.new("^(a+)(b*)(x)?(c)?$", true) return ok, r:match("aabc") end)
T("re2", function() return Regex.new("(", true) end)
T("re3", function() local _, r = Regex.new("^A+$", false) return r:exec("aaa"), tostring(r) end)
T("re4", function() return Regex.new("a") end)
T("re5", function() local _, r = Regex.new("b+", true) return r:match("abbbc") end)
T("re6", function() local _, r = Regex.new("b+", true) return r:match(123) end)
T("cat1", function() local c = core.concat() c:add("a") c:add(5) c:add(1.5) c:add("x", "y") return c:dump(), type(c) end)
T("cat2", function() local c = core.concat() c:add(nil) end)
T("cat3", function() local c = core.concat() c:add() end)
T("log1", function() core.log(8, "x") end)
T("log2", function() core.Info() end)
T("log3", function() core.Info(nil) end)
T("log4", function() return core.Info(12) end)
T("sleep1", function() return core.sleep(0.5) end)
T("sleep2", function() return core.msleep() end)
T("sleep3", function() return core.msleep(1), core.yield(), core.done() end)
T("reg1", function() core.register_action("a", {"http-req"}) end)
T("reg2", function() core.register_action("a", "http-req", function() end) end)
T("reg3", function() core.register_action("a", {"nope"}, function() end) end)
T("reg4", function() core.register_fetches("a") end)
T("reg5", function() core.register_converters("a", 1) end)
T("reg6", function() core.register_service("a", "udp", function() end) end)
T("reg7", function() core.register_init("x") end)
T("reg8", function() core.register_task(function() end, 1) end)
T("reg9", function() core.register_cli("x", "u", function() end) end)
T("reg10", function() core.register_cli({"a","b","c","d","e","f"}, "u", function() end) end)
T("reg11", function() core.register_action("a", {"http-req"}, "f") end)
T("proxies", function() return core.proxies, core.backends, core.frontends end)
T("consts", function() return core.emerg, core.debug, act.INVALID, filter.ERROR, Map._reg, Map.regm, core.thread end)
T("globals", function() return type(core), type(act), type(filter), type(Map), type(Regex), type(CertCache), txn, applet end)
T("now", function() local t = core.now() return math.type(t.sec), math.type(t.usec) end)
T("info", function() local i = core.get_info() return i.Name, math.type(i.Pid), type(i.Tainted) end)
T("args", function() return NARGS end)
T("mapnew1", function() return Map.new("x.map", Map._found) end)
T("mapnew2", function() return Map.new("x.map", 99) end)
T("mapnew3", function() return Map.new("/nonexistent.map") end)
T("tcp", function() return core.tcp() end)
T("wake", function() act:wake_time(1) end)
T("require", function() return require("proxylua.core") == core end)
]==]

local EPILOGUE_BODY = [==[
for _, l in ipairs(results) do print("R|" .. l) end
]==]

local function lines_of(text)
  local out = {}
  for l in text:gmatch("[^\n]+") do
    local r = l:match("^R|(.*)$")
    if r then out[#out + 1] = r end
  end
  return out
end

local function harness_body(code)
  local printed = {}
  local function p(...)
    local t = table.pack(...)
    for i = 1, t.n do t[i] = tostring(t[i]) end
    printed[#printed + 1] = table.concat(t, "\t")
  end
  -- HAProxy got no lua-load arguments here; 2.6 ignores them, so the 2.6
  -- harness is given one to show that
  testing.load_string(code, { globals = { print = p }, args = H.version() == "2.6" and { "x" } or nil })
  return lines_of(table.concat(printed, "\n"))
end

-- Cases that run inside an http-request action (txn available).
local TXN_CASES = [==[
T("f1", function() local f = txn.f return f:src(), f:method(), f:path(), f:query(), f:url(), f:req_ver() end)
T("f2", function() local f = txn.f return f:req_hdr("x-multi"), f:req_hdr("x-multi", 1), f:req_hdr_cnt("x-multi"), f:req_fhdr("x-multi") end)
T("f3", function() return txn.f:ssl_fc(), txn.sf:ssl_fc(), txn.f:always_true(), txn.f:int(5), txn.f:str("abc"), txn.f:bin("414243") end)
T("f4", function() return txn.f:req_hdr("x-missing"), txn.sf:req_hdr("x-missing"), txn.f:url_param("zz"), txn.f:var("txn.nope"), txn.f:req_hdr() end)
T("f5", function() return txn.f:base(), txn.f:url_param("b"), txn.f:req_cook("b"), txn.f:req_cook_cnt(), txn.f:req_body() end)
T("f6", function() return txn.f:hdr("host"), txn.f:hdr_cnt(), txn.f:req_hdr_names(), txn.f:pathq() end)
T("fe1", function() return txn.f:int("5") end)
T("fe2", function() return txn.f:int() end)
T("fe3", function() return txn.f:req_hdr(1) end)
T("fe4", function() return txn.f:src(1, 2) end)
T("fe5", function() return txn.f.src(nil) end)
T("fe6", function() return txn.f:ipv4("1.2.3.4") end)
T("fe7", function() return txn.f:nonexistent() end)
T("fe8", function() return txn.f["req.hdr"] end)
T("c1", function() local c = txn.c return c:bool(5), c:length("abcd"), c:lower(nil), c:lower(123), c:lower(true), c:lower({}) end)
T("c2", function() local c = txn.c return c:upper("aBc"), txn.sc:length("abc"), c:bytes("abcdef", 2, 3), c:field("a,b,c", 2, ","), c:word("a,,b", 2, ",") end)
T("c3", function() local c = txn.c return c:regsub("aXbXc", "X", "-", "g"), c:regsub("aXbXc", "X", "-"), c:ipmask("192.168.1.77", 24), c:add(5, "3") end)
T("c4", function() local c = txn.c return c:http_date(784111777), c:field("a,b,c", -1, ","), c:field("a,b,c,d", 2, ",", 2), c:word("a b  c", -1, " ") end)
T("c5", function() local c = txn.c return c:crc32(123), c:sdbm(123), c:hex(-1), c:hex2i(255), c:xxh64("a"), txn.sc:xxh64("a") end)
T("c6", function() local c = txn.c return c:sdbm("hello", 1), c:djb2("hello"), c:wt6("hello"), c:crc32c("hello"), c:xxh32("hello", 1) end)
T("c7", function() local c = txn.c return c:base64("hello"), c:b64dec("aGVsbG8="), c:url_dec("a%20b+c"), c:json("a\"b/c", "ascii"), c:hex("AB") end)
T("c8", function() local c = txn.c return c:neg(5), c:cpl(0), c:odd(3), c:even(3), c["not"](c, 0), c:sub(10, "3"), c:mul(4, "-2"), c:div(7, "2"), c:mod(-7, "2"), c:div(-7, "2") end)
T("c9", function() local c = txn.c return c:hex(c:digest("abc", "sha256")), c:hex(c:hmac("abc", "sha256", "c2VjcmV0")), c:hex(c:sha1("abc")), c:hex(c:sha2("abc", 512)), c:ub64enc("\255\254"), c:url_enc("a b&c", "query") end)
T("c10", function() local c = txn.c return c:b64dec("!!"), txn.sc:b64dec("!!"), c:hex2i("zz"), c:json("\233", "utf8"), c:json("\195\169", "utf8"), c:url_dec("%zz") end)
T("c11", function() local c = txn.c return c:ltime(784111777, "%Y"), c:utime(784111777, "%Y-%m-%d %H:%M:%S"), c:concat("x", "a", "txn.none", "b"), c:strcmp("a", "txn.v1") end)
T("ce5", function() return txn.c:digest("x", "nope") end)
T("ce6", function() return txn.c:json("x", "UTF8") end)
T("ce7", function() return txn.c:bytes("x") end)
T("ce1", function() return txn.c:add(5, 3) end)
T("ce2", function() return txn.c:json("x") end)
T("ce3", function() return txn.c:map("k9", "m.map") end)
T("ce4", function() return txn.c:sha2("x", 100) end)
T("v1", function() return txn:set_var("proc.p", 1), txn:set_var("sess.s", 2), txn:set_var("txn.t", 3), txn:set_var("req.r", 4), txn:set_var("res.x", 5), txn:get_var("res.x") end)
T("v2", function() return txn:set_var("invalid.a", 1), txn:set_var("noscope", 1), txn:set_var("TXN.up", 1), txn:set_var("txn.a-b", 1), txn:set_var("txn.a.b", 1) end)
T("v3", function() return txn:set_var("proc.never", 1, true), txn:set_var("txn.fresh", 1, true), txn:unset_var("txn.nothere"), txn:unset_var("bad.x") end)
T("v4", function()
  local t = {}
  for i, v in ipairs({ "hello", "a\0b", 42, true, false, 1.5, 2.0, {} }) do
    txn:set_var("txn.v" .. i, v)
    t[i] = txn:get_var("txn.v" .. i)
  end
  return t, txn:set_var("txn.nil", nil), txn:get_var("txn.nil")
end)
T("v5", function() return txn:get_var() end)
T("v6", function() return txn.set_var("txn.zz", "v") end)
T("r1", function() local r = txn:reply() return r, getmetatable(r) ~= nil end)
T("r2", function() return txn:reply({ status = 404 }), txn:reply({ status = "404" }), txn:reply({ status = 599, reason = "Custom" }) end)
T("r3", function() return txn:reply({ headers = { a = "b", c = { "d", "e" }, n = { 5, true } }, body = 5 }) end)
T("r4", function() local r = txn:reply() return r:set_status(999), r:set_status("200"), r:set_status(200, "OK!"), r:add_header("n", 5), r:set_body(5), r:del_header("x"), r end)
T("h1", function() local h = txn.http:req_get_headers() return h["x-multi"][0], h["x-multi"][1], #h["x-multi"], h["X-Multi"] end)
T("h2", function() return txn.http:req_set_path("/p2"), txn.http:req_set_query("q=1"), txn.http:req_set_method("POST"), txn.f:method(), txn.f:path() end)
T("h3", function() return pcall(txn.http.res_get_headers, txn.http) end)
T("h4", function() return txn.req:data() end)
T("h5", function() return txn.req:is_resp(), txn.res:is_resp() end)
T("t1", function() return tostring(txn), tostring(txn.f), tostring(txn.c), tostring(txn.http), tostring(txn.req) end)
T("t2", function() local k = {} for key in pairs(txn) do k[#k + 1] = tostring(key) end table.sort(k) return table.concat(k, ",") end)
T("t3", function() return txn:log(8, "x") end)
T("t4", function() return txn:set_loglevel(9) end)
T("t5", function() return txn:set_priority_class("x") end)
T("t6", function() return txn:get_priv(), txn:set_priv(5), txn:get_priv() end)
-- http_auth_pass is left out: in this long action 2.6.12 returned nil for it
-- (a reused buffer; alone it gives the password), which is not emulated.
T("x1", function() local f = txn.f return f:http_auth_user(), f:http_auth_type(), f:baseq(), f:urlp_val("b"), f:req_hdr_val("x-num"), f:hdr_val("x-num") end)
T("x2", function() local f = txn.f return f:src_is_local(), f:proc(), f:stopping(), f:prio_class(), f:req_proto_http(), f:url_port(), f:url_ip(), f:http_auth_bearer() end)
T("x3", function() local c = txn.c return c:cut_crlf("ab\r\ncd"), c:ltrim("xxabxx", "x"), c:rtrim("xxabxx", "x"), c:host_only("example.com:8080"), c:host_only("[::1]:80"), c:port_only("example.com:8080"), c:port_only("example.com") end)
T("x4", function() local c = txn.c return c:hex(c:htonl(258)), c:iif(1, "yes", "no"), c:iif(0, "yes", "no"), c:be2dec("\1\2\3\4\5", ",", 2), c:be2dec("\1\2\3\4\5", ",", 2, 1), c:be2hex("\1\2\3", ":", 1), c:be2hex("\1\2\3") end)
T("x5", function() local c = txn.c return c:add_item("a", ",", "txn.v1", "!"), c:add_item("", ",", "txn.v1"), c:add_item("a", ",", "txn.none"), c:secure_memcmp("hello", "txn.v1"), c:secure_memcmp("x", "txn.none"), c:set_var("abc", "txn.sv"), txn:get_var("txn.sv"), c:unset_var("q", "txn.sv"), txn:get_var("txn.sv") end)
T("x6", function() local c, j = txn.c, '{"a":{"b":[1,2.5,"x\\"y"]},"t":true,"f":false,"n":null,"s":"\\u00e9"}' return c:json_query(j, "$.a.b[1]"), c:json_query(j, "$.a.b[0]", "int"), c:json_query(j, "$.a.b[2]"), c:json_query(j, "$.t"), c:json_query(j, "$.f"), c:json_query(j, "$.n"), c:json_query(j, "$.a"), c:json_query(j, "$.s"), c:json_query(j, "$.zz") end)
T("x7", function() local jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" return txn.c:jwt_header_query(jwt, "$.alg"), txn.c:jwt_payload_query(jwt, "$.sub"), txn.c:jwt_payload_query(jwt, "$.iat", "int"), txn.c:jwt_header_query(jwt) end)
T("x8", function() local f = txn.f return f:base32(), f:url32(), f:base32_src(), f:url32_src(), f:req_hdrs_bin(), f:capture_req_hdr(0) end)
T("x9", function() local c, al = txn.c, "fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5" return c:language(al, "es;fr;en"), c:language(al, "EN;FR"), c:language(al, "es", "dflt"), c:language("en;q=0.5, fr;q=0.5", "fr;en"), c:language("en ; q=0.3 , fr", "en;fr"), c:language("en;q=abc, fr;q=0.1", "en;fr"), c:language("en;q=0, fr", "en;de") end)
T("t7", function() return pcall(txn.done, txn, "x") end)
]==]

local TXN_SCRIPT = "core.register_action('probe', {'http-req'}, function(txn)\n" .. PRELUDE
  .. TXN_CASES .. "\ntxn:done({ status = 200, body = table.concat(results, '\\n') .. '\\n' })\nend)\n"

local REQUEST = { path = "/probe_f?a=1&b=2", method = "POST", body = "k=v",
                  headers = { ["X-Multi"] = "two, three", Cookie = "a=1; b=2" } }

-- Edge cases for the date parsers and address helpers, checked the same way.
local DATES = { "Sun, 06 Nov 1994 08:49:37 GMT ", "Sun, 06 Nov 1994 08:49:37 GMTxyz",
  "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 6 Nov 1994 08:49:37 GMT", "Sun,  06 Nov 1994 08:49:37 GMT",
  "Xyz, 06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 1994 23:60:00 GMT",
  "Sun, 06 Nov 1994 23:59:60 GMT", "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT",
  "Sun, 31 Feb 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT x", "Sun Nov 06 08:49:37 1994",
  "Sun Nov  6 08:49:37 1994 ", "Sunday, 06-Nov-69 08:49:37 GMT", "Sunday, 06-Nov-70 08:49:37 GMT",
  "Sun, 06 Nov 94 08:49:37 GMT", "Sun, 06 Nov 1994 8:49:37 GMT", "Sund, 06 Nov 1994 08:49:37 GMT",
  "Sun,06 Nov 1994 08:49:37 GMT", "Mon Nov  6 08:49:37 1994", "Sun Nov 6 08:49:37 1994",
  "Sun, 06 Nov 19940 08:49:37 GMT", "Monday, 06-Nov-94 08:49:37 GMT", "Mon, 06-Nov-94 08:49:37 GMT",
  "Sun, 06 Nov 0000 00:00:00 GMT", "Sun, 06 Nov 9999 23:59:59 GMT", "Sun, 29 Feb 2023 08:49:37 GMT" }
local ADDRS = { { "10.0.0.0/8", "10.1.2.3" }, { "10.0.0.1", "10.0.0.1" }, { "10.0.0.1", "10.0.0.2" },
  { "10.0.0.0/33", "10.0.0.1" }, { "10.0.0.0/0", "99.1.1.1" }, { "256.1.1.1", "1.1.1.1" },
  { "1.2.3", "1.2.3.0" }, { "::ffff:10.0.0.1", "10.0.0.1" }, { "::/0", "2001::1" },
  { "2001:db8::/32", "2001:db8:ffff::1" }, { "fe80::1%eth0", "fe80::1" },
  { "10.0.0.0/255.0.0.0", "10.9.9.9" }, { "10.0.0.0/255.0.255.0", "10.1.0.1" },
  { " 10.0.0.1", "10.0.0.1" }, { "10.0.0.1 ", "10.0.0.1" }, { "01.2.3.4", "1.2.3.4" },
  { "1.2.3.4/", "1.2.3.4" }, { "::1/129", "::1" }, { "1.2.3.4/-1", "1.2.3.4" },
  { "localhost", "127.0.0.1" }, { "0x7f.0.0.1", "127.0.0.1" }, { "2001:db8::1/64", "2001:db8::2/128" },
  { "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8" }, { "1:2:3:4:5:6:7:8:9", "1::" } }

local function edge_cases()
  local code = {}
  for i, d in ipairs(DATES) do
    code[#code + 1] = string.format("T('d%d', function() local s = %q return core.http_date(s), "
      .. "core.imf_date(s), core.rfc850_date(s), core.asctime_date(s) end)", i, d)
  end
  for i, a in ipairs(ADDRS) do
    code[#code + 1] = string.format("T('a%d', function() local a, b = core.parse_addr(%q), "
      .. "core.parse_addr(%q) return a ~= nil, b ~= nil, a and b and core.match_addr(a, b) end)",
      i, a[1], a[2])
  end
  return table.concat(code, "\n") .. "\n"
end

describe("proxylua.core against HAProxy 2.6", function()
  it("body-level functions give the same results", function()
    local code = PRELUDE .. BODY_CASES .. edge_cases() .. EPILOGUE_BODY
    local out, ok = H.run_lua(code)
    assert.is_true(ok, out)
    local real = lines_of(out)
    local ours = harness_body(code)
    assert.is_true(#real > 100)
    assert.same(real, ours)
  end)

  it("txn functions give the same results in an http-request action", function()
    local hap = H.start({
      files = { ["probe.lua"] = TXN_SCRIPT },
      global = "    lua-load ${DIR}/probe.lua",
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.probe
    default_backend be
backend be
    server s1 127.0.0.1:1
]] })
    local status, body
    local ok, err = pcall(function()
      -- curl joins repeated names; send X-Multi twice with a raw header list
      status, body = H.http({ port = hap.port, path = REQUEST.path, method = REQUEST.method,
        body = REQUEST.body, headers = { "User-Agent: curl", "X-Multi: one", "X-Multi: two, three", "Cookie: a=1; b=2",
        "Content-Type: application/x-www-form-urlencoded", "Authorization: Basic YWxpY2U6c2VjcmV0",
        "X-Num: 42abc" } })
    end)
    local log = hap:output()
    hap:stop()
    assert(ok, err)
    assert.equal(200, status, log)
    local h = testing.load_string(TXN_SCRIPT)
    local r = h:action("probe", { method = "POST", uri = REQUEST.path, body = REQUEST.body,
      headers = { "Host: 127.0.0.1:" .. hap.port, "Accept: */*", "User-Agent: curl",
                  "X-Multi: one", "X-Multi: two, three", "Cookie: a=1; b=2",
                  "Content-Type: application/x-www-form-urlencoded", "Authorization: Basic YWxpY2U6c2VjcmV0",
                  "X-Num: 42abc" } })
    local real, ours = {}, {}
    for l in body:gmatch("[^\n]+") do real[#real + 1] = l end
    for l in r.reply.body:gmatch("[^\n]+") do ours[#ours + 1] = l end
    -- the user-agent differs (curl's version): drop the lines that show it
    local function clean(list)
      local out = {}
      for _, l in ipairs(list) do out[#out + 1] = l:gsub('curl/[%d%.]+', "curl") end
      return out
    end
    assert.same(clean(real), clean(ours))
  end)
end)
