-- Fetches and converters through txn.f/sf/c/sc (modules/core/kw/). Every rule
-- is asserted against HAProxy 2.6's own outputs.
local C = require "spec.helpers.core"
local with_txn, errtext = C.with_txn, C.errtext

describe("fetches (txn.f / txn.sf)", function()
  it("return HAProxy's values and types", function()
    local out = with_txn([[
      local f, sf = txn.f, txn.sf
      return f:src(), math.type(f:src_port()), f:method(), f:path(), f:query(), f:url(),
        f:req_ver(), f:req_hdr("Host"), f:req_hdr("x-multi"), f:req_hdr("x-multi", 1),
        f:req_hdr_cnt("x-multi"), f:req_fhdr("x-multi"), f:dst_port(), sf:dst_port(),
        f:ssl_fc(), sf:ssl_fc(), f:always_true(), f:int(5), f:str("abc"), f:bin("414243"),
        f:req_hdr("x-missing"), sf:req_hdr("x-missing"), f:url_param("zz"), f:env("NOPE_X_PL"),
        f:var("txn.nope"), f:unique_id(), f:req_hdr(), f:fe_name(), math.type(f:date()),
        f:base(), f:hdr("host")
    ]])
    assert.same({ "127.0.0.1", "integer", "GET", "/probe_f", "a=1&b=2", "/probe_f?a=1&b=2", "1.1",
      "127.0.0.1:24001", "three", "one", 3, "two, three", 24001, "24001", 0, "0", 1, 5, "abc",
      "ABC", nil, "", nil, nil, nil, nil, nil, "fe", "integer", "127.0.0.1:24001/probe_f",
      "127.0.0.1:24001" }, { table.unpack(out, 1, out.n) })
  end)

  it("give the raw header block and cookies", function()
    local out = with_txn([[return txn.f:req_hdrs(), txn.f:req_cook("b"), txn.f:req_cook_cnt()]],
      { headers = { "Host: h", "Cookie: a=1; b=2", "Cookie: b=3" } })
    assert.equal("host: h\r\ncookie: a=1; b=2\r\ncookie: b=3\r\n\r\n", out[1])
    assert.equal("3", out[2])
    assert.equal(3, out[3])
  end)

  it("raise HAProxy's argument errors", function()
    assert.equal("bad argument #1 to 'int' (integer expected)", errtext("txn.f:int('5')"))
    assert.equal("bad argument #1 to 'int' (Mandatory argument expected)", errtext("txn.f:int()"))
    assert.equal("bad argument #1 to 'req_hdr' (unable to duplicate string arg)", errtext("txn.f:req_hdr(1)"))
    assert.equal("bad argument #1 to 'str' (unable to duplicate string arg)", errtext("txn.f:str(nil)"))
    assert.equal("bad argument #1 to 'src' (Last argument expected)", errtext("txn.f:src(1, 2)"))
    assert.equal("bad argument #1 to 'src' ((null))", errtext("txn.f.src(nil)"))
    assert.equal("bad argument #1 to 'ipv4' (invalid IPv4 address)", errtext("txn.f:ipv4('1.2.3.4')"))
    assert.equal("attempt to call a nil value (method 'lua_myf')", errtext("txn.f:lua_myf()"))
    assert.equal("attempt to call a nil value (method 'nonexistent')", errtext("txn.f:nonexistent()"))
  end)

  it("keep only the underscore names", function()
    local out = with_txn([[return txn.f["req.hdr"] == nil, type(txn.f.req_hdr)]])
    assert.same({ true, "function" }, { out[1], out[2] })
  end)

  it("return nil for HTTP fetches in a TCP stream", function()
    local out = with_txn("return txn.f:path(), txn.sf:path(), txn.f:src()", { mode = "tcp" }, "tcp-req")
    assert.same({ nil, "", "127.0.0.1" }, { out[1], out[2], out[3] })
  end)
end)

describe("converters (txn.c / txn.sc)", function()
  it("map types and inputs as 2.6", function()
    local out = with_txn([[
      local c, sc = txn.c, txn.sc
      return c:bool(5), c:length("abcd"), c:lower(nil), c:lower(123), c:lower(true), c:lower({}),
        c:upper("aBc"), sc:length("abc"), c:bytes("abcdef", 2, 3), c:field("a,b,c", 2, ","),
        c:word("a,,b", 2, ","), c:regsub("aXbXc", "X", "-", "g"), c:ipmask("192.168.1.77", 24),
        c:add(5, "3"), c:http_date(784111777), c:field("a,b,c", -1, ","), c:strcmp("x", "txn.none")
    ]])
    assert.same({ 1, 4, "0", "123", "1", "0", "ABC", "3", "cde", "b", "b", "a-b-c",
      "192.168.1.0", 8, "Sun, 06 Nov 1994 08:49:37 GMT", "c", nil }, { table.unpack(out, 1, out.n) })
  end)

  it("use proxylua.hash with HAProxy's binary input rules", function()
    local out = with_txn([[
      local c = txn.c
      return c:crc32(123), c:sdbm(123), c:hex(-1), c:hex2i(255), c:xxh64("a"), txn.sc:xxh64("a")
    ]])
    assert.same({ 2733995997, 123, "FFFFFFFFFFFFFFFF", 597, -3292477735350538661,
                  "-3292477735350538661" }, { table.unpack(out, 1, out.n) })
  end)

  it("raise HAProxy's argument errors", function()
    assert.equal("bad argument #2 to 'add' (unable to duplicate string arg)", errtext("txn.c:add(5, 3)"))
    assert.equal("bad argument #2 to 'json' (Mandatory argument expected)", errtext("txn.c:json('x')"))
    assert.equal("error in arguments", errtext("txn.c:map('k9', 'm.map')"))
    assert.equal("error in arguments", errtext("txn.c:sha2('x', 100)"))
    assert.equal("attempt to call a nil value (method 'lua_conv')", errtext("txn.c:lua_conv('x')"))
  end)
end)

describe("less common keywords (values checked live)", function()
  it("read Authorization headers", function()
    local out = with_txn([[local f = txn.f
      return f:http_auth_pass(), f:http_auth_user(), f:http_auth_type(), f:http_auth_bearer()]],
      { headers = { "Authorization: basic YWxpY2U6c2VjcmV0" } })
    assert.same({ "secret", "alice", "Basic" }, { out[1], out[2], out[3] })
    out = with_txn("return txn.f:http_auth_type(), txn.f:http_auth_bearer()",
      { headers = { "Authorization: Bearer tok123" } })
    assert.same({ "Bearer", "tok123" }, { out[1], out[2] })
    out = with_txn("return txn.f:http_auth_type()", { headers = { "Authorization: Basic !!!" } })
    assert.is_nil(out[1])
  end)

  it("query JSON and JWTs as mjson does", function()
    local out = with_txn([==[local c, j = txn.c, '{"a":{"b":[1,2.5,"x\\"y"]},"t":true,"n":null,"s":"\\u00e9","u":"\\u20ac"}'
      return c:json_query(j, "$.a.b[1]"), c:json_query(j, "$.a.b[0]", "int"), c:json_query(j, "$.a.b[2]"),
        c:json_query(j, "$.t"), c:json_query(j, "$.n"), c:json_query(j, "$.a"), c:json_query(j, "$.s"),
        c:json_query(j, "$.u")]==])
    assert.same({ "2.5", 1, 'x"y', 1, nil, nil, "\233", nil }, { table.unpack(out, 1, out.n) })
    local jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.x"
    out = with_txn("local j = '" .. jwt .. "' return txn.c:jwt_header_query(j, '$.alg'), "
      .. "txn.c:jwt_payload_query(j, '$.iat', 'int'), txn.c:jwt_header_query(j)")
    assert.same({ "HS256", 1516239022, nil }, { out[1], out[2], out[3] })
  end)

  it("convert bytes, hosts and items", function()
    local out = with_txn([[local c = txn.c
      txn:set_var("txn.v", "hello")
      return c:be2dec("\1\2\3\4\5", ",", 2), c:be2dec("\1\2\3\4\5", ",", 2, 1), c:be2hex("\1\2\3", ":", 1),
        c:hex(c:htonl(258)), c:host_only("[::1]:80"), c:port_only("example.com:8080"), c:port_only("x"),
        c:add_item("a", ",", "txn.v", "!"), c:add_item("", ",", "txn.v"), c:secure_memcmp("x", "txn.none"),
        c:ltrim("xxabxx", "x"), c:rtrim("xxabxx", "x"), c:cut_crlf("ab\r\ncd"), c:iif(0, "y", "n")]])
    assert.same({ "258,772,5", "258,772", "01:02:03", "00000102", "[::1]", 8080, 0, "a,hello!", "hello",
                  nil, "abxx", "xxab", "ab", "n" }, { table.unpack(out, 1, out.n) })
  end)

  it("have no url_port for an origin-form target", function()
    local out = with_txn("return txn.f:url_port()", { uri = "/p" })
    assert.is_nil(out[1])
    out = with_txn("return txn.f:url_port(), txn.f:url_ip()", { uri = "http://10.0.0.1:81/p" })
    assert.same({ 81, "10.0.0.1" }, { out[1], out[2] })
  end)
end)
