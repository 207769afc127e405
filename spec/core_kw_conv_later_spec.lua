-- The converters HAProxy added after 2.6 (kw/conv_later.lua) under stock
-- Lua; expected values are what HAProxy 2.8.0, 3.0.0 and 3.2.0 returned for
-- the same calls (spec/integration/core_conv_new_haproxy_spec.lua checks
-- them against each live, and its recordings replay them).
local testing = require "proxylua.testing"
local S = require "proxylua.core.kw.samples"
local native = require "proxylua.core_native"

-- Run f(txn) in an http-request action of a harness emulating `ver`.
local function in_action(ver, f, req)
  local got
  local h = testing.load_string("core.register_action('p', {'http-req'}, function(txn) F(txn) end)",
    { haproxy = ver, quiet = true, globals = { F = function(txn) got = table.pack(f(txn)) end } })
  local r = h:action("p", req or {})
  assert.is_nil(r.error)
  return table.unpack(got, 1, got.n)
end

local function err_of(f, ...)
  local ok, e = pcall(f, ...)
  assert.is_false(ok)
  return type(e) == "string" and e:gsub("^.-:%d+: ", "") or e
end

local NEW = {
  ["2.8"] = { "param", "rfc7239_field", "rfc7239_is_valid", "rfc7239_n2nn", "rfc7239_n2np", "x509_v_err_str" },
  ["3.0"] = { "aes_gcm_enc", "ms_ltime", "ms_utime", "us_ltime", "us_utime" },
  ["3.2"] = { "rfc7239_nn", "rfc7239_np", "date", "when" },
}
local ORDER = { "2.6", "2.8", "3.0", "3.2" }

local K128, N = "AAECAwQFBgcICQoLDA0ODw==", "AAECAwQFBgcICQoL"

describe("converters added after 2.6", function()
  it("are methods from the version that added them on, and nil before", function()
    for vi, ver in ipairs(ORDER) do
      in_action(ver, function(txn)
        for ai, added in ipairs(ORDER) do
          for _, name in ipairs(NEW[added] or {}) do
            local want = ai <= vi and "function" or "nil"
            assert.equal(want, type(txn.c[name]), ver .. " " .. name)
            assert.equal(want, type(txn.sc[name]), ver .. " " .. name)
          end
        end
        -- 2.6's own converters stay
        assert.equal("function", type(txn.c.ltime))
        assert.equal("HAProxy class Converters", tostring(txn.c))
      end)
    end
  end)

  it("called in an older version: a nil method, as HAProxy says it", function()
    local e = in_action("2.8", function(txn) return err_of(function() return txn.c:date("x") end) end)
    assert.equal("attempt to call a nil value (method 'date')", e)
    e = in_action("2.6", function(txn) return err_of(function() return txn.sc:param("a=1", "a") end) end)
    assert.equal("attempt to call a nil value (method 'param')", e)
  end)

  it("by configuration name (S.convert) only in their version", function()
    local h = testing.load_string("", { haproxy = "2.8" })
    local s = h:transaction({}).stream
    local out = S.convert(s, "param", { t = "str", v = "a=1" }, "a")
    assert.same({ t = "str", v = "1" }, out)
    local r, err = S.convert(s, "date", { t = "str", v = "x" })
    assert.is_nil(r)
    assert.equal("unknown converter 'date'", err)
  end)

  it("named in a configuration: unknown before their version (from_config)", function()
    local dir = os.tmpname()
    os.remove(dir)
    os.execute("mkdir -p " .. dir)
    local f = assert(io.open(dir .. "/h.cfg", "wb"))
    f:write("frontend fe\n    mode http\n    bind 127.0.0.1:1\n"
      .. "    http-request set-header x-d %[str(Sun),date,when(normal)]\n"
      .. "    http-request set-var(txn.p) str(a=1),param(a)\n")
    f:close()
    local function refusal(ver)
      local ok, err = pcall(testing.from_config, dir .. "/h.cfg", { haproxy = ver, quiet = true })
      return not ok and err:match("unknown converter '[^']*'") or nil
    end
    assert.equal("unknown converter 'date'", refusal("2.6")) -- the first line naming one
    assert.equal("unknown converter 'date'", refusal("2.8"))
    assert.equal("unknown converter 'date'", refusal("3.0"))
    assert.is_nil(refusal("3.2"))
    local _, err = pcall(testing.from_config, dir .. "/h.cfg", { haproxy = "3.0", quiet = true })
    assert.equal("parsing [" .. dir .. "/h.cfg:4] : error detected in frontend 'fe' while parsing "
      .. "'http-request set-header' rule : failed to parse sample expression <str(Sun),date,when(normal)]> : "
      .. "unknown converter 'date'.", err)
    os.execute("rm -rf " .. dir)
  end)

  it("a method called on something else than a Converters object", function()
    local e = in_action("3.2", function(txn) return err_of(txn.c.param, {}, "a=1", "a") end)
    assert.equal("bad argument #1 to '?' ((null))", e)
  end)
end)

describe("2.8: param", function()
  it("finds the first name=value segment, '' for a bare name, nil when absent", function()
    assert.same({ "b", "", "", "2" }, { in_action("2.8", function(txn) local c = txn.c
      return c:param("a=b&c=d&a=r", "a"), c:param("a&b=c", "a"), c:param("a=&b&c=a", "b"),
        c:param("a=1;b=2;c=4", "b", ";") end) })
    local a, b, c, d, e, f = in_action("2.8", function(txn) local c = txn.c
      return c:param("a=1", "b"), c:param("", "a"), c:param("ab=1&a=2", "a"), c:param("x&a", "a"),
        c:param("a&b", "a&b"), txn.sc:param("a=1", "b") end)
    assert.is_nil(a)
    assert.is_nil(b)
    assert.same({ "2", "", "", "" }, { c, d, e, f })
  end)

  it("wants a one-byte delimiter (3.2 says why)", function()
    assert.equal("error in arguments", in_action("2.8", function(txn)
      return err_of(function() return txn.c:param("a=1", "a", ";;") end) end))
    assert.equal("error in arguments: Delimiter must be exactly 1 character.", in_action("3.2", function(txn)
      return err_of(function() return txn.c:param("a=1", "a", "") end) end))
    assert.equal("bad argument #2 to 'param' (Mandatory argument expected)", in_action("2.8", function(txn)
      return err_of(function() return txn.c:param("a=1") end) end))
  end)
end)

describe("2.8: rfc7239_*", function()
  it("rfc7239_is_valid trusts for/by/host/proto=http(s) once each, ports and IPv6 quoted", function()
    local valid = { "for=127.0.0.1;proto=http", 'for="[::1]:80"', 'for="127.0.0.1:9999"', "host=example.com",
      'host="example.com:8080"', "by=_hidden;for=unknown", "for=_a-b.c_d", 'for="_x:_y"', 'for="[::1]"',
      "host=;proto=http", "for=1.2.3.4;by=1.2.3.4;host=a;proto=http;garbage" }
    local invalid = { "proto=custom", "", "for=[::1]", "for=127.0.0.1:9999", "host=ex_ample",
      "for=unknown;for=1.2.3.4", "proto=https;proto=http", "for=01.2.3.4", "FOR=1.2.3.4", "for=1.2.3.4;",
      " for=1.2.3.4", 'for="1.2.3.4:0"', 'for="1.2.3.4:65536"', 'for="[zz::1]"', "proto=httpx",
      'proto="http"', "host=", "for=", 'for="1.2.3.4:80', "for=_", 'for="1.2.3.4:_"', "for=unknownx" }
    in_action("2.8", function(txn)
      for _, h in ipairs(valid) do assert.equal(1, txn.c:rfc7239_is_valid(h), h) end
      for _, h in ipairs(invalid) do assert.equal(0, txn.c:rfc7239_is_valid(h), h) end
    end)
  end)

  it("rfc7239_field gives a parameter's raw value from a valid element", function()
    local h = 'proto=https;host="haproxy.org:80";for="127.0.0.1:9999"'
    local a, b, c, d, e, f = in_action("2.8", function(txn) local c = txn.c
      return c:rfc7239_field(h, "host"), c:rfc7239_field(h, "for"), c:rfc7239_field(h, "proto"),
        c:rfc7239_field(h, "by"), c:rfc7239_field("for=1.2.3.4", "bogus"),
        c:rfc7239_field('host="[::1]:8080"', "host") end)
    assert.same({ "haproxy.org:80", "127.0.0.1:9999", "https" }, { a, b, c })
    assert.is_nil(d)
    assert.is_nil(e)
    assert.equal("[::1]:8080", f)
  end)

  it("rfc7239_n2nn and n2np split a node", function()
    assert.same({ "127.0.0.1", "ab:cd:ff:ff:ff:ff:ff:ff", "_name", "unknown", "::1", "1.2.3.4" },
      { in_action("2.8", function(txn) local c = txn.c
        return c:rfc7239_n2nn("127.0.0.1:9999"), c:rfc7239_n2nn("[ab:cd:ff:ff:ff:ff:ff:ff]:9998"),
          c:rfc7239_n2nn("_name:_port"), c:rfc7239_n2nn("unknownxyz"), c:rfc7239_n2nn("[::0001]"),
          c:rfc7239_n2nn("1.2.3.4:80xyz") end) })
    local a, b, c, d, e, f = in_action("2.8", function(txn) local c = txn.c
      return c:rfc7239_n2np("127.0.0.1:9999"), c:rfc7239_n2np("_name:_port"), c:rfc7239_n2np("1.2.3.4"),
        c:rfc7239_n2np("1.2.3.4:080"), c:rfc7239_n2np("1.2.3.4:0"), c:rfc7239_n2nn("01.2.3.4") end)
    assert.equal(9999, a)
    assert.equal("_port", b)
    assert.is_nil(c)
    assert.equal(80, d)
    assert.is_nil(e)
    assert.is_nil(f)
  end)
end)

describe("2.8: x509_v_err_str", function()
  it("names OpenSSL 3.0's codes, prints others as unsigned 64-bit numbers", function()
    assert.same({ "X509_V_OK", "X509_V_ERR_CERT_HAS_EXPIRED", "X509_V_ERR_EC_KEY_EXPLICIT_PARAMS", "95",
      "18446744073709551615", "X509_V_OK", "X509_V_ERR_CERT_REVOKED" },
      { in_action("2.8", function(txn) local c = txn.c
        return c:x509_v_err_str(0), c:x509_v_err_str(10), c:x509_v_err_str(94), c:x509_v_err_str(95),
          c:x509_v_err_str(-1), c:x509_v_err_str(4294967296), c:x509_v_err_str("23") end) })
  end)
end)

describe("3.0: aes_gcm_enc", function()
  it("encrypts (HAProxy 3.0.0's bytes) and stores the tag base64-encoded", function()
    local ct, tag, back = in_action("3.0", function(txn) local c = txn.c
      local out = c:aes_gcm_enc("hello", 128, N, K128, "txn.tag")
      return out, txn:get_var("txn.tag"), c:aes_gcm_dec(out, 128, N, K128, txn:get_var("txn.tag"))
    end)
    assert.equal("\251\t\203\162\t", ct)
    assert.equal("iSpSkOahzFxEdnHS/bOZ8A==", tag)
    assert.equal("hello", back)
  end)

  it("reads nonce and key variables; no result when one is unset or undecodable", function()
    local a, b, c = in_action("3.0", function(txn)
      txn:set_var("txn.n", N)
      txn:set_var("txn.bad", "!!!!")
      return txn.c:aes_gcm_enc("hello", 128, "txn.n", K128, "txn.t"),
        txn.c:aes_gcm_enc("hello", 128, "txn.nope", K128, "txn.t"),
        txn.c:aes_gcm_enc("hello", 128, "txn.bad", K128, "txn.t")
    end)
    assert.equal("\251\t\203\162\t", a)
    assert.is_nil(b)
    assert.is_nil(c)
  end)

  it("refuses bad arguments: 3.2 says why, 3.0.0 crashes on nonce, key and tag", function()
    assert.equal("error in arguments: failed to parse aead_tag : invalid syntax at char '-b'",
      in_action("3.2", function(txn)
        return err_of(function() return txn.c:aes_gcm_enc("x", 128, N, K128, "txn.a-b") end) end))
    assert.equal("error in arguments: failed to parse nonce : argument needs to be base64 encoded, and can "
      .. "either be a string or a variable",
      in_action("3.2", function(txn)
        return err_of(function() return txn.c:aes_gcm_enc("x", 128, "AAA", K128, "txn.t") end) end))
    assert.equal("error in arguments", in_action("3.0", function(txn)
      return err_of(function() return txn.c:aes_gcm_enc("x", 100, N, K128, "txn.t") end) end))
    local h = testing.load_string("core.register_action('p', {'http-req'}, function(txn) "
      .. "txn.c:aes_gcm_enc('x', 128, 'AAECAwQFBgcICQoL', 'AAECAwQFBgcICQoLDA0ODw==', 'tag') end)",
      { haproxy = "3.0", quiet = true })
    local ok, err = pcall(h.action, h, "p", {})
    assert.is_false(ok)
    assert.matches("HAProxy 3.0 crashes here", err, 1, true)
  end)
end)

describe("3.0: ms_/us_ time converters", function()
  it("format the seconds with strftime and %N with the fraction", function()
    assert.same({ "2023-11-14 22:13:20.123", "123000000|123000||123000000|1|123", "1700000010",
      "22:13:20.123456 123456000", "1969-12-31 23:59:59 184467440", "%Q 005 1 00500%" },
      { in_action("3.0", function(txn) local c = txn.c
        return c:ms_utime(1700000000123, "%Y-%m-%d %H:%M:%S.%3N"),
          c:ms_utime(1700000000123, "%N|%6N|%0N|%12N|%1N|%0003N"),
          c:ms_utime(1700000000123, "%s", 10), -- the offset counts seconds
          c:us_utime(1700000000123456, "%T.%6N %N"), c:ms_utime(-1500, "%Y-%m-%d %H:%M:%S %N"),
          c:ms_utime(5, "%Q %3N %-d %5N%") end) })
  end)

  it("native.strftime: the C library's, \"\" past 16 KiB", function()
    assert.equal("1970-01-01 00:00:05", native.strftime("%Y-%m-%d %H:%M:%S", 5, true))
    assert.equal("", native.strftime(string.rep("x", 20000), 0, true))
  end)
end)

describe("3.2: rfc7239_nn, rfc7239_np, date, when", function()
  it("rfc7239_nn/np build node names and ports", function()
    local out = { in_action("3.2", function(txn) local c = txn.c
      return c:rfc7239_nn("x"), c:rfc7239_nn(""), c:rfc7239_nn(12), c:rfc7239_np(12), c:rfc7239_np(-1),
        c:rfc7239_np(4294967297), c:rfc7239_np("8080"), c:rfc7239_nn("a b"), c:rfc7239_np("") end) }
    assert.same({ "_x", "unknown", "_12", "12", "4294967295", "1", "_8080" }, { table.unpack(out, 1, 7) })
    assert.is_nil(out[8])
    assert.is_nil(out[9])
  end)

  it("date reads the three HTTP date forms with HAProxy's own timegm", function()
    assert.same({ 784111777, 784111777, 784111777, 1920185377, 784111777, 371085169567777, -86400, 784111777 },
      { in_action("3.2", function(txn) local c = txn.c
        return c:date("Sun, 06 Nov 1994 08:49:37 GMT"), c:date("Sunday, 06-Nov-94 08:49:37 GMT"),
          c:date("Sun Nov  6 08:49:37 1994"), c:date("Sunday, 06-Nov-30 08:49:37 GMT"),
          c:date("Sunday, 06-Nov-1994 08:49:37 GMT"), c:date("Sun, 06 Nov 1969 08:49:37 GMT"), -- a 32-bit day count
          c:date("Thu, 00 Jan 1970 00:00:00 GMT"), c:date("Sun, 06 Nov 1994 08:49:37 GMT trailing") end) })
    assert.is_nil(in_action("3.2", function(txn) return txn.c:date("sun, 06 Nov 1994 08:49:37 GMT") end))
  end)

  it("when passes the input on when its condition holds", function()
    local out = { in_action("3.2", function(txn) local c = txn.c
      return c:when("x", "normal"), c:when("x", "!error"), c:when(5, "!stopping"), c:when("x", "error"),
        c:when("x", "forwarded") end) }
    assert.same({ "x", "x", 5 }, { table.unpack(out, 1, 3) })
    assert.is_nil(out[4])
    assert.is_nil(out[5])
    assert.equal("error in arguments: expects a supported keyword among {stopping,normal,error,forwarded,"
      .. "toapplet,processed,acl} but got 'bogus'", in_action("3.2", function(txn)
        return err_of(function() return txn.c:when("x", "bogus") end) end))
    assert.equal("error in arguments: 'acl' selector may only be used in the context of a proxy",
      in_action("3.2", function(txn) return err_of(function() return txn.c:when("x", "acl", "a") end) end))
  end)
end)
