-- Sample fetches, converters and sockets whose answers changed between the
-- versions the harness emulates (docs/versions.md §2, §3, §6): each answer
-- below is what the live 2.6.12, 2.8.0, 3.0.0 and 3.2.0 builds gave.
local testing = require "proxylua.testing"

local KEYS = "spec/fixtures/core_jwt/"

-- Runs `expr` in an http-request action of a fresh load of `ver`; returns
-- pcall's results, an error without its position.
local function run(ver, expr, req, opts)
  opts = opts or {}
  opts.haproxy, opts.quiet = ver, true
  local h = testing.load_string([[
    core.register_action("probe", { "http-req", "tcp-req" }, function(txn)
      local c, f = txn.c, txn.f
      R = table.pack(pcall(function() return ]] .. expr .. [[ end))
    end)]], opts)
  local r = h:action("probe", req or {})
  assert.is_nil(r.error)
  local out = h.env.R
  if not out[1] and type(out[2]) == "string" then out[2] = out[2]:gsub("^[^\n]-:%d+: ", "") end
  return out
end

-- The error a run of `expr` fails the test with (where HAProxy dies).
local function crash(ver, expr)
  local h = testing.load_string([[
    core.register_action("probe", { "http-req" }, function(txn)
      local c = txn.c
      R = table.pack(pcall(function() return ]] .. expr .. [[ end))
    end)]], { haproxy = ver, quiet = true })
  local ok, e = pcall(h.action, h, "probe", {})
  assert.is_false(ok, ver .. " " .. expr)
  return e
end

local function err(ver, expr, req, opts)
  local r = run(ver, expr, req, opts)
  assert.is_false(r[1], expr)
  return r[2]
end

describe("argument errors", function()
  -- expression -> 3.2's reason (live)
  local CASES = {
    { 'c:sha2("x", 100)', "Unsupported number of bits: '100'" },
    { 'c:digest("x", "nope")', "algorithm must be a valid OpenSSL message digest name." },
    { 'c:hmac("x", "nope", "AAAA")', "algorithm must be a valid OpenSSL message digest name." },
    { 'c:hmac("x", "sha256", "abc")',
      "failed to parse key : argument needs to be base64 encoded, and can either be a string or a variable" },
    { 'c:url_enc("x", "nope")', "Unexpected encode type. Allowed value is 'query'" },
    { 'c:json("x", "UTF8")',
      "Unexpected input code type. Allowed value are 'ascii', 'utf8', 'utf8s', 'utf8p' and 'utf8ps'" },
    { 'c:set_var("x", "txn.x", "ifbogus")', 'unknown condition "ifbogus"' },
    { 'c:map("k", "x.map")', "map: cannot load map at runtime" },
    { 'c:fix_tag_value("x", "Bogus")', "Unknown FIX tag name 'Bogus'" },
    { 'c:mqtt_field_value("x", "bogus", "flags")', "Unknown MQTT type 'bogus'" },
    { 'c:mqtt_field_value("x", "connect", "BOGUS")', "Unknown MQTT field name 'BOGUS' for packet type 'connect'" },
    { 'c:aes_gcm_dec("x", 100, "AAECAwQFBgcICQoL", "AAECAwQFBgcICQoLDA0ODw==", "SbCF5jLkilmZu4QnEjVlbQ==")',
      "key size must be 128, 192 or 256 (bits)." },
    { 'c:aes_gcm_dec("x", 128, "abc", "AAECAwQFBgcICQoLDA0ODw==", "SbCF5jLkilmZu4QnEjVlbQ==")',
      "failed to parse nonce : argument needs to be base64 encoded, and can either be a string or a variable" },
    { 'c:aes_gcm_dec("x", 128, "AAECAwQFBgcICQoL", "AAECAwQFBgcICQoLDA0ODw==", "abc")',
      "failed to parse aead_tag : argument needs to be base64 encoded, and can either be a string or a variable" },
    { 'c:jwt_verify("a.b.c", "XX", "k")', "unknown JWT algorithm: XX" },
    { 'f:bool("abc")', "Expects 'true', 'false', '0' or '1'" },
    { 'f:var("bad")', "invalid variable name 'bad'. A variable name must be start by its scope. "
      .. "The scope can be 'proc', '(p)sess', '(p)txn', '(p)req', '(p)res' or 'check'" },
    { 'f:var("txn.a-b")', "invalid syntax at char '-b'" },
    { 'f:var("")', "Empty variable name cannot be accepted" },
    { 'f:bin("4z1")', "an even number of hex digit is expected" },
    { 'f:bin("41zq")', "an hex digit is expected (found 'z')" },
    { 'f:date(0, "xx")', "expects 's', 'ms' or 'us', got 'xx'" },
    { 'f:uuid(5)', "Unsupported UUID version: '5'" },
    { 'f:fc_rttvar()', "Unexpected arg type" },
    { 'f:fc_rtt("xx")', "expects 'us' or 'ms', got 'xx'" },
    { 'f:internal_htx_blk_type("bogus")', "invalid block position" },
    { 'f:internal_htx_blk_type("")', "a block position is expected (> 0) or a special block name (head, tail, first)" },
    { 'f:req_payload_lv(-1, 2)', "payload offset1 must be positive" },
    { 'f:req_payload_lv(0, 0, "3")', "payload length must be > 0" },
    { 'f:req_payload_lv(0, 2, "x3")', "payload offset2 is not a number" },
    { 'f:req_payload_lv(0, 2, "-5")', "payload offset2 too negative" },
  }

  it("are 'error in arguments' up to 3.0", function()
    for _, ver in ipairs({ "2.6", "2.8", "3.0" }) do
      for _, c in ipairs(CASES) do
        if not c[2]:find("base64", 1, true) then -- crashes: below
          assert.equal("error in arguments", err(ver, c[1]), ver .. " " .. c[1])
        end
      end
    end
  end)

  it("2.6 to 3.0 crash on an undecodable base64 literal: the test fails saying so", function()
    for _, ver in ipairs({ "2.6", "2.8", "3.0" }) do
      for _, c in ipairs(CASES) do
        if c[2]:find("base64", 1, true) then
          local conv, what = c[1]:match("^c:([%w_]+)%("), c[2]:match("^failed to parse ([%w_]+) :")
          assert.equal("proxylua: txn.c:" .. conv .. "() with a refused " .. what .. " argument ('abc' "
            .. "is neither base64 nor a variable name): HAProxy " .. ver .. " crashes here "
            .. "(segmentation fault while wording the argument error)", crash(ver, c[1]), ver .. " " .. c[1])
        end
      end
    end
  end)

  it("carry the check's reason in 3.2", function()
    for _, c in ipairs(CASES) do
      assert.equal("error in arguments: " .. c[2], err("3.2", c[1]), c[1])
    end
  end)

  it("in TCP fetches too", function()
    assert.equal("error in arguments: token name must be exactly 4 characters",
      err("3.2", 'f:distcc_param("TOOLONG")', { mode = "tcp", input = "x" }))
    assert.equal("error in arguments", err("3.0", 'f:distcc_param("TOOLONG")', { mode = "tcp", input = "x" }))
  end)
end)

describe("base64-or-variable arguments (hmac's key, aes_gcm_dec's nonce, key, tag)", function()
  local ALL = { "2.6", "2.8", "3.0", "3.2" }
  local function hex(ver, expr, pre)
    local r = run(ver, "(function() " .. (pre or "") .. " local v = " .. expr .. [[
      return v and (v:gsub(".", function(ch) return ("%02x"):format(ch:byte()) end)) end)()]])
    assert.is_true(r[1], tostring(r[2]))
    return r[2]
  end
  -- HMAC-SHA256 of "x" with an empty key (live; zero bytes pad the same)
  local EMPTY_KEY = "4cbc96099a6467ce002461f10549b4898265ebe6188b45efacc44293516e62c4"

  it("crash 2.6 to 3.0 on any literal that is neither base64 nor a variable name (live)", function()
    for _, key in ipairs({ "ab!d", "=AAA", "AA=A", "AAAA====", "txn", "txn.", "txn.a-b" }) do
      for _, ver in ipairs({ "2.6", "2.8", "3.0" }) do
        assert.matches("txn.c:hmac() with a refused key argument ('" .. key .. "' is neither base64 nor a "
          .. "variable name): HAProxy " .. ver .. " crashes here", crash(ver, 'c:hmac("x", "sha256", "' .. key .. '")'),
          1, true)
      end
      assert.equal("error in arguments: failed to parse key : argument needs to be base64 encoded, "
        .. "and can either be a string or a variable", err("3.2", 'c:hmac("x", "sha256", "' .. key .. '")'))
    end
  end)

  it("are checked after the digest and the key size: no crash there", function()
    for _, ver in ipairs({ "2.6", "3.0" }) do
      assert.equal("error in arguments", err(ver, 'c:hmac("x", "nope", "abc")'))
      assert.equal("error in arguments", err(ver, 'c:aes_gcm_dec("x", 100, "abc", "abc", "abc")'))
    end
  end)

  it("are all checked before any variable is read", function()
    local expr = 'c:aes_gcm_dec("x", 128, "txn.unset", "abc", "SbCF5jLkilmZu4QnEjVlbQ==")'
    assert.matches("refused key argument ('abc' is neither base64 nor a variable name): HAProxy 2.8 crashes",
      crash("2.8", expr), 1, true)
    assert.equal("error in arguments: failed to parse key : argument needs to be base64 encoded, "
      .. "and can either be a string or a variable", err("3.2", expr))
  end)

  it("take an empty or padded-out literal", function()
    for _, ver in ipairs(ALL) do
      assert.equal(EMPTY_KEY, hex(ver, 'c:hmac("x", "sha256", "")'), ver)
      assert.equal(EMPTY_KEY, hex(ver, 'c:hmac("x", "sha256", "A===")'), ver)
      assert.equal(EMPTY_KEY, hex(ver, 'c:hmac("x", "sha256", "AAAA")'), ver)
    end
  end)

  it("read a variable at run time: decoded, no sample when unset or not base64", function()
    for _, ver in ipairs(ALL) do
      assert.equal("4fc3b7eaf34d7e594a6f51d9517ba543abf41067b27587ffd82ba3584e4d3cdd",
        hex(ver, 'c:hmac("x", "sha256", "txn.k")', 'txn:set_var("txn.k", "a2V5")'), ver) -- key "key"
      assert.is_nil(hex(ver, 'c:hmac("x", "sha256", "txn.k")'), ver)
      assert.is_nil(hex(ver, 'c:hmac("x", "sha256", "txn.k")', 'txn:set_var("txn.k", "abc")'), ver)
    end
  end)
end)

describe("uuid(7)", function()
  it("is refused before 3.0, a version 7 UUID from 3.0 on", function()
    assert.equal("error in arguments", err("2.8", "f:uuid(7)"))
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local u = run(ver, "f:uuid(7)")[2]
      assert.matches("^%x%x%x%x%x%x%x%x%-%x%x%x%x%-7%x%x%x%-[89ab]%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$", u)
    end
  end)
end)

describe("jwt_verify with PS256/384/512", function()
  local TOKEN = 'io.open("' .. KEYS .. 'ps256.jwt"):read("a")'
  local PEM = '"' .. KEYS .. 'ps.pub.pem"'
  it("is an argument error in 2.6", function()
    assert.equal("error in arguments", err("2.6", "c:jwt_verify(" .. TOKEN .. ', "PS256", ' .. PEM .. ")"))
  end)

  it("verifies RSASSA-PSS from 2.8 on (1 valid, 0 invalid, -5 no key)", function()
    for _, ver in ipairs({ "2.8", "3.0", "3.2" }) do
      assert.equal(1, run(ver, "c:jwt_verify(" .. TOKEN .. ', "PS256", ' .. PEM .. ")")[2], ver)
      assert.equal(0, run(ver, "c:jwt_verify(" .. TOKEN .. ', "PS384", ' .. PEM .. ")")[2], ver)
      assert.equal(0, run(ver, "c:jwt_verify(" .. TOKEN .. ', "RS256", ' .. PEM .. ")")[2], ver)
      assert.equal(0, run(ver, "c:jwt_verify(" .. TOKEN .. ':sub(1, -3) .. "AA", "PS256", ' .. PEM .. ")")[2], ver)
      assert.equal(-5, run(ver, "c:jwt_verify(" .. TOKEN .. ', "PS256", "' .. KEYS .. 'nope.pem")')[2], ver)
      -- an RS256 token checked as PS256 (core_kw's jw6)
      assert.equal(0, run(ver, 'c:jwt_verify(io.open("' .. KEYS .. 'rs256.jwt"):read("a"), "PS256", "'
        .. KEYS .. 'rsa.pub.pem")')[2], ver)
    end
  end)
end)

describe("ipmask on an IPv6 input", function()
  local INPUTS = { "::ffff:1.2.3.4", "2002:102:304::1", "::1.2.3.4", "2001:db8::1", "::" }
  local function masks(ver)
    local out = {}
    for _, a in ipairs(INPUTS) do
      local r = run(ver, 'c:ipmask("' .. a .. '", 24), c:ipmask("' .. a .. '", "255.255.0.0", 64)')
      out[#out + 1] = tostring(r[2]) .. " " .. tostring(r[3])
    end
    return out
  end

  it("maps ::ffff:a.b.c.d to IPv4 up to 2.8", function()
    for _, ver in ipairs({ "2.6", "2.8" }) do
      assert.same({ "1.2.3.0 1.2.0.0", "nil nil", "nil nil", "nil nil", "nil nil" }, masks(ver))
    end
  end)

  it("maps ::a.b.c.d and 6to4 addresses too from 3.0 (2.9) on", function()
    for _, ver in ipairs({ "3.0", "3.2" }) do
      assert.same({ "1.2.3.0 1.2.0.0", "1.2.3.0 1.2.0.0", "1.2.3.0 1.2.0.0", "nil nil", "0.0.0.0 0.0.0.0" },
        masks(ver))
    end
  end)
end)

describe("stick-table counter converters on a key the table cannot hold", function()
  local PROXIES = { st = { cap = "backend",
    stktable = { type = "ip", size = 10, store = { "gpc0", "http_req_cnt" } } } }
  it("give no sample up to 3.0 and 0 in 3.2", function()
    for _, ver in ipairs({ "2.6", "2.8", "3.0" }) do
      local r = run(ver, 'c:table_gpc0("x", "st"), c:table_http_req_cnt("x", "st"), c:table_gpc("x", 0, "st")',
        {}, { proxies = PROXIES })
      assert.same({ true, nil, nil, nil }, { r[1], r[2], r[3], r[4] }, ver)
    end
    local r = run("3.2", 'c:table_gpc0("x", "st"), c:table_http_req_cnt("x", "st"), c:in_table("x", "st")',
      {}, { proxies = PROXIES })
    -- in_table answers false there (3.2 converts the boolean to 0), as the
    -- live recording core_conv_maptable_haproxy "old2" shows
    assert.same({ true, 0, 0, 0 }, { r[1], r[2], r[3], r[4] })
  end)
end)

describe("Socket:send() before connect", function()
  local function peer() return function(data) return data and data:upper() or "hi\n" end end
  local EXPR = [[(function()
    local s = core.tcp()
    local early = s:send("early\n")
    local ok = s:connect("127.0.0.1", 9)
    return early, ok, s:receive("*l"), s:send("x\n"), s:receive("*l")
  end)()]]
  it("queues the data until connect up to 2.8", function()
    for _, ver in ipairs({ "2.6", "2.8" }) do
      local r = run(ver, EXPR, {}, { tcp = peer })
      assert.same({ true, 6, 1, "hi", 2, "EARLY" }, { r[1], r[2], r[3], r[4], r[5], r[6] }, ver)
    end
  end)

  it("returns -1 and drops it from 3.0 on; the socket still connects", function()
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local r = run(ver, EXPR, {}, { tcp = peer })
      assert.same({ true, -1, 1, "hi", 2, "X" }, { r[1], r[2], r[3], r[4], r[5], r[6] }, ver)
    end
  end)
end)

describe("Socket patterns 3.0 changed (docs/socket.md, \"Other versions\")", function()
  local function peer() return function(data) return data and data:upper() or "abc" end end

  it("a second connect on a connected socket: 1 up to 2.8, raises from 3.0 on", function()
    local EXPR = [[(function()
      local s = core.tcp()
      local first = s:connect("127.0.0.1", 9)
      local ok, err = pcall(s.connect, s, "127.0.0.1", 9)
      s:close()
      return first, ok, err, s:connect("127.0.0.1", 9)
    end)()]]
    for _, ver in ipairs({ "2.6", "2.8" }) do
      local r = run(ver, EXPR, {}, { tcp = peer })
      assert.same({ true, 1, true, 1, nil }, { r[1], r[2], r[3], r[4], r[5] }, ver)
    end
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local r = run(ver, EXPR, {}, { tcp = peer })
      -- after close, connect answers nil as in 2.6 (live 3.0.0)
      assert.same({ true, 1, false, "connect: connect already performed\n", nil },
                  { r[1], r[2], r[3], r[4], r[5] }, ver)
    end
  end)

  local LINE = [[(function()
    local s = core.tcp()
    s:settimeout(1)
    s:connect("127.0.0.1", 9)
    return s:receive("*l")
  end)()]]

  it("a partial *l line at the timeout: lost up to 2.8, never returns from 3.0 on", function()
    for _, ver in ipairs({ "2.6", "2.8" }) do
      local r = run(ver, LINE, {}, { tcp = peer })
      assert.same({ true, nil, "connection closed." }, { r[1], r[2], r[3] }, ver)
    end
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local h = testing.load_string([[
        core.register_action("probe", { "http-req" }, function(txn)
          R = table.pack(pcall(function() return ]] .. LINE .. [[ end))
        end)]], { haproxy = ver, quiet = true, tcp = peer })
      local ok, e = pcall(h.action, h, "probe", {})
      assert.is_false(ok, ver)
      assert.equal("proxylua: Socket:receive('*l') of a partial line when the timeout fires: HAProxy "
        .. ver .. " never returns here", e)
    end
  end)

  local TASK = [[
    core.register_task(function()
      local s = core.tcp()
      s:settimeout(5)
      s:close()
      DONE = true
    end)]]
  local ACTION = [[
    core.register_action("probe", { "http-req" }, function(txn)
      local s = core.tcp()
      s:close()
      ACTION = true
    end)]]

  it("closing a socket that never connected: the process dies in a task from 3.0 on", function()
    for _, ver in ipairs({ "2.6", "2.8", "3.0", "3.2" }) do
      local ha = testing.load_string(ACTION, { haproxy = ver, quiet = true, tcp = peer })
      -- in an action 3.0.0 answers before it dies: the harness lets it pass
      ha:action("probe", {})
      assert.is_true(ha.env.ACTION, ver)
      local h = testing.load_string(TASK, { haproxy = ver, quiet = true, tcp = peer })
      local ok, e = pcall(h.run_tasks, h)
      if ver == "2.6" or ver == "2.8" then
        assert.is_true(ok, ver)
        assert.is_true(h.env.DONE, ver)
      else
        assert.is_false(ok, ver)
        assert.equal("proxylua: Socket:close() of a socket that never connected, in a task: HAProxy "
          .. ver .. " crashes here (segmentation fault)", e)
        assert.is_nil(h.env.DONE, ver)
      end
    end
  end)
end)
