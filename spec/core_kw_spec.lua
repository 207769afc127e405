-- Less common converters and fetches, stick tables, get_stats and the
-- HTTPMessage phases under stock Lua; expected values are what HAProxy
-- 2.6.12 returned for the same calls (spec/integration/core_kw_haproxy_spec.lua
-- and core_filter_phase_haproxy_spec.lua check them against it live).
local testing = require "proxylua.testing"

local KEYS = "spec/fixtures/core_jwt/"
local function read(f)
  local h = assert(io.open(KEYS .. f, "rb"))
  local s = h:read("a")
  h:close()
  return s
end

local PROXIES = {
  fe = { cap = "frontend" },
  be = { cap = "backend", servers = { s1 = { addr = "127.0.0.1:1", weight = 5, maxconn = 10 },
    s2 = { addr = "127.0.0.1:2", admin = "maint" }, s3 = { addr = "127.0.0.1:3" } } },
  st = { cap = "backend", stktable = { type = "ip", size = 1024, expire = 60000,
    store = { "gpc0", "conn_cnt", "http_req_rate(10s)", "gpc(3)" },
    entries = { ["127.0.0.1"] = { gpc0 = 2, conn_cnt = 1, http_req_rate = 1, use = 1, gpc = { [1] = 4 } },
                ["10.0.0.9"] = { gpc0 = 7 } } } },
  st2 = { cap = "backend", stktable = { type = "string", len = 32, size = 100, nopurge = true,
    store = { "gpc0" }, entries = { abc = { gpc0 = 1 } } } },
  bin = { cap = "backend", stktable = { type = "binary", store = { "gpc0" } } },
}

-- Run f(txn) in an http-request action; returns its results.
local function in_action(f, req, opts)
  local got
  local h = testing.load_string("core.register_action('p', {'http-req'}, function(txn) F(txn, core) end)",
    { globals = { F = function(txn, core) got = table.pack(f(txn, core)) end }, proxies = PROXIES,
      userlists = { ul = { users = { alice = { password = "secret" } } },
        ul2 = { users = { alice = { hash = "$5$abcdefgh$gruCpC7VkOTspMQTTSAR8mtlO9Upms.fwqE5y16JVM." } } } } })
  local r = h:action("p", req or {})
  assert.is_nil(r.error)
  for k, v in pairs(opts or {}) do r[k] = v end
  return table.unpack(got, 1, got.n)
end

-- pcall(obj.method, obj, ...) is not a method call: lauxlib then says
-- "bad argument #<n+1> to '?'", in HAProxy as here
local function err_of(f, ...)
  local ok, e = pcall(f, ...)
  assert.is_false(ok)
  return type(e) == "string" and e:gsub("^.-:%d+: ", "") or e
end

describe("converters computed from their input", function()
  it("aes_gcm_dec decrypts, authenticates and reads variables", function()
    local ct = "\251\t\203\162\t;\128;9\190\5"
    local a, b, c, d = in_action(function(txn)
      txn:set_var("txn.nonce", "AAECAwQFBgcICQoL")
      return txn.c:aes_gcm_dec(ct, 128, "AAECAwQFBgcICQoL", "AAECAwQFBgcICQoLDA0ODw==", "SbCF5jLkilmZu4QnEjVlbQ=="),
        txn.c:aes_gcm_dec(ct, 128, "txn.nonce", "AAECAwQFBgcICQoLDA0ODw==", "SbCF5jLk"),
        txn.c:aes_gcm_dec(ct, 128, "AAECAwQFBgcICQoL", "AAECAwQFBgcI", "SbCF5jLkilmZu4QnEjVlbQ=="),
        err_of(txn.c.aes_gcm_dec, txn.c, ct, 100, "AAAA", "AAAA", "AAAA")
    end)
    assert.equal("hello world", a)
    assert.equal("hello world", b) -- a 6-byte tag still authenticates
    assert.is_nil(c)
    assert.equal("error in arguments", d)
  end)

  it("jwt_verify returns HAProxy's codes", function()
    local hs = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      .. ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
      .. ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
    local rs, es, esder = read("rs256.jwt"), read("es256.jwt"), read("es256der.jwt")
    local r = { in_action(function(txn)
      local c = txn.c
      return c:jwt_verify(hs, "HS256", "your-256-bit-secret"), c:jwt_verify(hs, "HS256", "wrong"),
        c:jwt_verify(rs, "RS256", KEYS .. "rsa.pub.pem"),
        c:jwt_verify(es, "ES256", KEYS .. "ec.pub.pem"),
        c:jwt_verify(esder, "ES256", KEYS .. "ec.pub.pem"),
        c:jwt_verify(rs, "RS256", KEYS .. "missing.pem"),
        c:jwt_verify("a.b", "none", "x"), c:jwt_verify("a.b.c", "HS256", "x"),
        err_of(c.jwt_verify, c, hs, "PS256", "x")
    end) }
    assert.same({ 1, 0, 1, 1, 0, -5, 1, -3, "error in arguments" }, r)
  end)

  it("parses FIX and MQTT", function()
    local body = "35=A\00149=SERVER\00156=CLIENT\00134=1\00152=20190101-00:00:00\00198=0\001108=30\001"
    local head = "8=FIX.4.4\0019=" .. #body .. "\001"
    local sum = 0
    for i = 1, #(head .. body) do sum = sum + (head .. body):byte(i) end
    local fix = head .. body .. string.format("10=%03d\001", sum % 256)
    local connect = "\16\36\0\4MQTT\5\194\0\60\8\17\0\0\0\30\33\0\10\0\3abc\0\4user\0\4pass"
    local r = { in_action(function(txn)
      local c = txn.c
      return c:fix_is_valid(fix), c:fix_tag_value(fix, "SenderCompID"), c:fix_tag_value(fix, "108"),
        txn.sc:fix_is_valid(fix:sub(1, 30)), c:mqtt_is_valid(connect),
        c:mqtt_field_value(connect, "CONNECT", "17"), c:mqtt_field_value(connect, "connect", "username"),
        c:mqtt_field_value(connect, "1", "flags"), c:mqtt_is_valid("\32\2\0\0"),
        c:mqtt_field_value("\32\2\0\0", "connack", "protocol_version"),
        err_of(c.mqtt_field_value, c, connect, "bogus", "flags")
    end) }
    assert.same({ 1, "SERVER", "30", "", 1, "30", "user", "194", 1, "4", "error in arguments" }, r)
  end)

  it("protobuf and ungrpc cannot be called from Lua in 2.6", function()
    local a, b = in_action(function(txn)
      return err_of(txn.c.protobuf, txn.c, "\8\150\1", "1"), err_of(txn.c.ungrpc, txn.c, "x", 1, "int32")
    end)
    assert.equal("bad argument #3 to '?' ('Protocol buffers field number' expected, got 'string')", a)
    assert.equal("bad argument #3 to '?' ('Protocol buffers field number' expected, got 'integer')", b)
  end)

  it("set_var conditions, nbsrv, srv_queue", function()
    local r = { in_action(function(txn)
      local c = txn.c
      txn:set_var("txn.n", 5)
      return c:set_var(3, "txn.n", "ifgt"), c:set_var(9, "txn.n", "ifgt"), c:set_var("x", "txn.new", "ifexists"),
        c:set_var("a", "txn.e", "ifnotempty", "ifnotset"), err_of(c.set_var, c, "x", "txn.x", "bogus"),
        c:nbsrv("be"), c:nbsrv("fe"), c:srv_queue("be/s1"), c:srv_queue("s1")
    end) }
    assert.same({ 3, nil, nil, "a", "error in arguments", 2, nil, 0, nil }, { table.unpack(r, 1, 9) })
  end)
end)

describe("stick tables", function()
  it("StickTable info, lookup and dump", function()
    local info, look, miss, dump, filtered = in_action(function(_, core)
      local st = core.backends.st.stktable
      return st:info(), st:lookup("127.0.0.1"), st:lookup(12), st:dump(), st:dump({ { "gpc0", "gt", 5 } })
    end)
    assert.same({ type = "ip", length = 4, size = 1024, used = 2, nopurge = false, expire = 60000,
                  data = { gpc0 = -1, conn_cnt = -1, http_req_rate = 10000, gpc = -1 } }, info)
    assert.same({ gpc0 = 2, conn_cnt = 1, http_req_rate = 1, gpc = 0, use = 1, expire = 60000 },
                { gpc0 = look.gpc0, conn_cnt = look.conn_cnt, http_req_rate = look.http_req_rate,
                  gpc = 0, use = look.use, expire = look.expire })
    assert.is_nil(miss)
    assert.equal(7, dump["10.0.0.9"].gpc0)
    assert.same({ "10.0.0.9" }, (function() local k = {} for x in pairs(filtered) do k[#k + 1] = x end return k end)())
    local s2 = in_action(function(_, core) return core.backends.st2.stktable:info() end)
    assert.equal(33, s2.length)
    assert.is_true(s2.nopurge)
  end)

  it("dump reports filter errors as nil, msg", function()
    local r = { in_action(function(_, core)
      local st = core.backends.st.stktable
      return select(2, st:dump({ { "nope", "eq", 2 } })), select(2, st:dump({ { "gpc0", "xx", 2 } })),
        select(2, st:dump({ { "gpc0", "eq" } })), select(2, st:dump("x")),
        select(2, core.backends.bin.stktable:dump())
    end) }
    assert.same({ "Filter table data column not present in stick table (entry #1)",
                  "Unknown operator in filter table (entry #1)",
                  'Filter table entry must be a triplet: {"data_col", "op", val} (entry #1)',
                  "filter table expected", "Unsupported stick table key type" }, r)
  end)

  it("table_* converters and sc*/src_* fetches", function()
    local r = { in_action(function(txn)
      local c, f = txn.c, txn.f
      return c:in_table("127.0.0.1", "st"), c:in_table(2130706433, "st"), c:table_gpc0("9.9.9.9", "st"),
        c:table_gpc0("x", "st"), c:table_trackers("127.0.0.1", "st"), c:table_expire("9.9.9.9", "st", 77),
        c:table_gpc("127.0.0.1", 1, "st"), c:table_gpc("127.0.0.1", 7, "st"),
        err_of(c.in_table, c, "x", "nope"), f:sc_get_gpc0(0), f:sc_inc_gpc0(0), f:sc0_clr_gpc0(),
        f:sc0_get_gpc0(), f:src_get_gpc0("st"), f:sc_tracked(1), f:table_cnt("st"), f:table_avl("st"),
        err_of(f.src_get_gpc0, f), f:sc_get_gpc(1, 0)
    end, { track = { [0] = "st" } }) }
    assert.same({ 1, 1, 0, nil, 2, 77, 4, nil, "bad argument #3 to '?' (table doesn't exist)",
                  2, 3, 3, 0, 0, 0, 2, 1022, "bad argument #2 to '?' (Mandatory argument expected)", 4 },
                { table.unpack(r, 1, 19) })
  end)

  it("absent keys, uncastable keys and table arguments as 2.6 answers them", function()
    local r = { in_action(function(txn)
      local c = txn.c
      return c:table_conn_cnt("9.9.9.9", "st2"), c:table_gpc("9.9.9.9", 0, "st2"),
        c:table_gpc("9.9.9.9", 9, "st"), c:table_gpc0("not an ip", "st"), c:in_table("not an ip", "st"),
        err_of(c.table_gpc0, c, "x", 5),
        err_of(c.map_str, c, "k", "f.map", "d", "x"), err_of(c.map_str_int, c, "k", "f.map", "d"),
        err_of(c.map_str, c, "k", "f.map", "d")
    end) }
    -- (spec/integration/core_conv_maptable_haproxy_spec.lua, old1..old3)
    assert.same({ 0, 0, 0, nil, nil, "bad argument #3 to '?' (string expected)",
                  "bad argument #5 to '?' (Last argument expected)", "bad argument #4 to '?' (integer expected)",
                  "error in arguments" }, { table.unpack(r, 1, 9) })
  end)
end)

describe("fetches", function()
  it("backends, servers and userlists", function()
    local r = { in_action(function(txn)
      local f = txn.f
      return f:be_conn("be"), f:be_conn_free("be"), f:connslots("be"), f:nbsrv("be"),
        err_of(f.nbsrv, f), err_of(f.be_conn, f, "nope"), f:srv_conn("be/s1"),
        err_of(f.srv_conn, f, "be/s1"), -- 2.6 cut the string at '/' the first time
        f:srv_is_up("be/s2"), f:srv_iweight("be/s3"), f:http_auth("ul"), f:http_auth_group("ul"),
        err_of(f.http_auth, f, "x"), f:http_auth("ul2")
    end, { headers = { "Authorization: Basic YWxpY2U6c2VjcmV0" } }) }
    assert.same({ 0, -1, -1, 2, "bad argument #2 to '?' (Mandatory argument expected)",
                  "bad argument #2 to '?' (backend doesn't exist)", 0,
                  "bad argument #2 to '?' (server doesn't exist)", 0, 1, 1, "alice",
                  "bad argument #2 to '?' (unable to find userlist 'x')", 1 }, r)
  end)

  it("TLS ClientHello, RDP cookie and payload_lv on TCP streams", function()
    local function u16(n) return string.char(n >> 8, n & 255) end
    local function ext(t, d) return u16(t) .. u16(#d) .. d end
    local exts = ext(0, u16(14) .. "\0" .. u16(11) .. "example.com") .. ext(16, u16(3) .. "\2h2")
    local body = "\3\3" .. string.rep("r", 32) .. "\0" .. u16(2) .. "\19\1" .. "\1\0" .. u16(#exts) .. exts
    local hs = "\1" .. string.char(0, #body >> 8, #body & 255) .. body
    local hello = "\22\3\1" .. u16(#hs) .. hs
    local a, b, c, d = in_action(function(txn)
      return txn.f:req_ssl_sni(), txn.f:req_ssl_ver(), txn.f:req_ssl_alpn(), txn.f:req_ssl_hello_type()
    end, { mode = "tcp", input = hello })
    assert.same({ "example.com", 196611, "h2", 1 }, { a, b, c, d })
    local r = { in_action(function(txn)
      local f = txn.f
      return f:req_payload_lv(0, 2), f:payload_lv(0, 2, "2"), f:payload_lv(0, 2, "-1"), f:rdp_cookie_cnt()
    end, { mode = "tcp", input = "\0\3abcdef" }) }
    assert.same({ "abc", "\3ab", "\3ab" }, r) -- too short for RDP: no count
  end)
end)

describe("get_stats", function()
  it("has 2.6's field sets", function()
    local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
    local fe, be, sv = in_action(function(_, core)
      return core.frontends.fe:get_stats(), core.backends.be:get_stats(), core.backends.be.servers.s1:get_stats()
    end)
    assert.equal(43, count(fe))
    assert.equal("FRONTEND", fe.svname)
    assert.equal(74, count(be))
    assert.same({ "UP", 2, 6, "roundrobin" }, { be.status, be.act, be.weight, be.algo })
    assert.equal(78, count(sv)) -- 77 and slim, its maxconn (live: absent without one)
    assert.same({ "no check", "127.0.0.1:1", 5, 2, 10 }, { sv.status, sv.addr, sv.weight, sv.type, sv.slim })
  end)
end)

describe("HTTPMessage phases", function()
  it("header functions raise once the body is forwarded", function()
    local seen = {}
    local h = testing.load_string([[
      local P = { flags = filter.FLT_CFG_FL_HTX }
      function P:new() self.__index = self return setmetatable({}, self) end
      function P:start_analyze(txn, chn) filter.register_data_filter(self, chn) end
      function P:http_headers(txn, msg) if not msg:is_resp() then SEEN(msg, "headers") end end
      function P:http_payload(txn, msg) if not msg:is_resp() then SEEN(msg, "payload") end end
      core.register_filter("p", P, function() end)
    ]], { globals = { SEEN = function(msg, where)
      local ok1, e1 = pcall(msg.add_header, msg, "x-a", "v1")
      local ok2, e2 = pcall(msg.get_headers, msg)
      local ok3, e3 = pcall(msg.body, msg)
      seen[where] = { ok1, e1, ok2, type(e2), ok3, type(e3) == "table" and tostring(e3) or e3, msg:eom() }
    end } })
    h:filter("p", { method = "POST", body = "hello" })
    assert.same({ true, nil, true, "table", false, "HAProxy class HTTPMessage", true }, seen.headers)
    assert.same({ false, "v1", false, "table", true, "hello", true }, seen.payload)
  end)
end)
