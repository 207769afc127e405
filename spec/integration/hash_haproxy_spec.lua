-- proxylua.hash against a real HAProxy (2.6 by default, $HAPROXY, or the
-- answers recorded from 2.6, 2.8, 3.0 and 3.2: spec/golden/): random inputs
-- go to a Lua service inside HAProxy, which runs HAProxy's own converters
-- on them (applet.c:<conv>(input, args...)) and sends every result back;
-- the spec computes the same with proxylua.hash and compares value and type.
--
-- Transport is 8-bit clean both ways: each input travels as raw bytes after
-- a length header, each result comes back as raw bytes with a length, so
-- NULs, high bytes and empty strings arrive intact.
-- Inputs stay under 2700 bytes so that no converter reaches HAProxy's 16 KiB
-- buffer limits (docs/haproxy-hashes.md §10), which proxylua does not copy.
--
-- Recorded (scripts/record-golden), a batch's answers are kept as digests,
-- one per converter call and block of records (the answers themselves are
-- megabytes per version); replayed, proxylua.hash's answers to the same
-- inputs must give the same digests. Each test draws its inputs from its
-- own seeded generator, so record and replay see the same inputs under Lua
-- 5.3 and 5.4, whichever tests run.
local H = require "spec.helpers.haproxy"
local hash = require "proxylua.hash"

local SERVICE = [=[
-- Arguments: integers in decimal, "" for an empty string, $A $B $V for the
-- record's own values, any other word as a string.
local function parse_calls(line)
  local calls = {}
  for spec in line:gmatch("[^;]+") do
    local words = {}
    for w in spec:gmatch("%S+") do words[#words + 1] = w end
    calls[#calls + 1] = words
  end
  return calls
end

local function encode(out, ok, r)
  if not ok then
    local msg = tostring(r)
    out[#out + 1] = "E" .. #msg .. ":" .. msg
  elseif r == nil then
    out[#out + 1] = "N"
  elseif math.type(r) == "integer" then
    out[#out + 1] = "i" .. r .. ";"
  elseif type(r) == "string" then
    out[#out + 1] = "s" .. #r .. ":" .. r
  else
    local t = type(r) .. ":" .. tostring(r)
    out[#out + 1] = "?" .. #t .. ":" .. t
  end
end

local function reply(applet, res)
  applet:set_status(200)
  applet:add_header("content-length", tostring(#res))
  applet:start_response()
  applet:send(res)
end

-- The request body, read by its length: 2.8.0's receive() without a size
-- never returns in an HTTP service (docs/versions.md §4).
local function body_of(applet)
  local cl = applet.headers["content-length"]
  local n = cl and tonumber(cl[0])
  if not n then return applet:receive() or "" end
  local parts, got = {}, 0
  while got < n do
    local part = applet:receive(n - got)
    if not part or part == "" then break end
    parts[#parts + 1] = part
    got = got + #part
  end
  return table.concat(parts)
end

-- Body: "call;call;...\n" then records "<len> <A> <B> <V>\n<len raw bytes>".
core.register_service("conv", "http", function(applet)
  local body = body_of(applet)
  local nl = body:find("\n", 1, true)
  local calls = parse_calls(body:sub(1, nl - 1))
  local c, out, pos = applet.c, {}, nl + 1
  while pos <= #body do
    local e = body:find("\n", pos, true)
    local len, a, b, v = body:sub(pos, e - 1):match("^(%d+) (%S+) (%S+) (%S+)$")
    len = tonumber(len)
    local s = body:sub(e + 1, e + len)
    pos = e + len + 1
    local vars = { A = math.tointeger(tonumber(a)), B = math.tointeger(tonumber(b)),
                   V = math.tointeger(tonumber(v)) }
    for _, words in ipairs(calls) do
      local args = {}
      for i = 2, #words do
        local w = words[i]
        if w:sub(1, 1) == "$" then args[i - 1] = vars[w:sub(2)]
        elseif w:match("^%-?%d+$") then args[i - 1] = math.tointeger(tonumber(w))
        elseif w == '""' then args[i - 1] = ""
        else args[i - 1] = w end
      end
      encode(out, pcall(c[words[1]], c, s, table.unpack(args, 1, #words - 1)))
    end
  end
  reply(applet, table.concat(out))
end)

-- Body: one Lua expression per line, in terms of `c` (the converters).
core.register_service("expr", "http", function(applet)
  local body = body_of(applet)
  local out = {}
  for line in body:gmatch("[^\n]+") do
    local f = assert(load("local c = ... return " .. line))
    encode(out, pcall(f, applet.c))
  end
  reply(applet, table.concat(out))
end)

-- proxylua.hash loaded inside HAProxy's own Lua (lua-prepend-path from the
-- helper), compared there with the converters on a few inputs.
core.register_service("inside", "http", function(applet)
  local hash = require "proxylua.hash"
  local c, n, bad = applet.c, 0, {}
  local function check(what, a, b)
    n = n + 1
    if a ~= b then bad[#bad + 1] = what end
  end
  for _, s in ipairs { "", "a", "abc", "\0\255", string.rep("xyz", 400) } do
    for _, conv in ipairs { "sdbm", "djb2", "wt6", "crc32", "crc32c" } do
      check(conv, c[conv](c, s), hash[conv](s))
      check(conv .. " 1", c[conv](c, s, 1), hash[conv](s, 1))
    end
    for _, conv in ipairs { "xxh32", "xxh64", "xxh3" } do
      check(conv, c[conv](c, s), hash[conv](s))
      check(conv .. " -1", c[conv](c, s, -1), hash[conv](s, -1))
    end
    for _, conv in ipairs { "sha1", "sha2", "base64", "hex", "ub64enc", "lower" } do
      check(conv, c[conv](c, s), hash[conv](s))
    end
    check("digest", c:digest(s, "sha3-256"), hash.digest("sha3-256", s))
    check("hmac", c:hmac(s, "sha256", "c2VjcmV0"), hash.hmac("sha256", "secret", s))
    check("stream", c:sha2(s, 512), hash.new("sha512"):update(s):final())
    check("zlib", s, hash.decompress(hash.compress(s)))
  end
  reply(applet, n .. ":" .. table.concat(bad, ","))
end)
]=]

local CONFIG = [[
frontend conv
    bind 127.0.0.1:${PORT}
    http-request use-service lua.conv if { path /conv }
    http-request use-service lua.expr if { path /expr }
    http-request use-service lua.inside if { path /inside }
]]

-- Decode the service's reply into a list of {kind, value}.
local function decode(res)
  local out, pos = {}, 1
  while pos <= #res do
    local tag = res:sub(pos, pos)
    if tag == "N" then
      out[#out + 1] = { "N" }; pos = pos + 1
    elseif tag == "i" then
      local e = res:find(";", pos, true)
      out[#out + 1] = { "i", math.tointeger(tonumber(res:sub(pos + 1, e - 1))) }
      pos = e + 1
    else
      local colon = res:find(":", pos, true)
      local len = tonumber(res:sub(pos + 1, colon - 1))
      out[#out + 1] = { tag, res:sub(colon + 1, colon + len) }
      pos = colon + len + 1
    end
  end
  return out
end

-- Same rendering for proxylua's results.
local function ours(ok, r)
  if not ok then return { "E" } end
  if r == nil then return { "N" } end
  if math.type(r) == "integer" then return { "i", r } end
  if type(r) == "string" then return { "s", r } end
  return { "?", type(r) .. ":" .. tostring(r) }
end

-- From 3.0 on, HAProxy's Converters class refuses integer arguments to
-- bytes() from Lua ("unable to duplicate ..."; docs/versions.md §6): the
-- converter itself is unchanged, the call from Lua fails.
local major, minor = H.version():match("^(%d+)%.(%d+)")
local BYTES_INT_ARGS_FAIL = tonumber(major) * 100 + tonumber(minor) >= 300

local function same(a, b)
  if a[1] == "E" or b[1] == "E" then return a[1] == b[1] end   -- messages differ
  return a[1] == b[1] and a[2] == b[2]
end

-- Replay: one digest per call and block of BLOCK records, over the answers
-- as `same` sees them (an error's message is not compared).
local BLOCK = 100
local function answer_bytes(v)
  if v[1] == "E" or v[1] == "N" then return v[1] end
  if v[1] == "i" then return "i" .. v[2] .. ";" end
  return v[1] .. #tostring(v[2]) .. ":" .. tostring(v[2])
end
local function block_digests(answers, ncalls)
  local parts = {}
  for ci = 1, ncalls do parts[ci] = {} end
  for k, v in ipairs(answers) do
    local ri, ci = (k - 1) // ncalls + 1, (k - 1) % ncalls + 1
    local bi = (ri - 1) // BLOCK + 1
    local p = parts[ci][bi] or {}
    parts[ci][bi] = p
    p[#p + 1] = answer_bytes(v)
  end
  local out = {}
  for ci = 1, ncalls do
    out[ci] = {}
    for bi, p in ipairs(parts[ci]) do out[ci][bi] = hash.hex(hash.sha2(table.concat(p))):sub(1, 16) end
  end
  return out
end

-- Answers of a version that are HAProxy bugs, not converter results:
-- KNOWN[version][batch]["<record> <call>"] = the kind it answers ("N" nil,
-- "E" an error).
--
-- 2.8.0 under Lua 5.4 (5.4.4 here): after a forced yield (the count hook,
-- every tune.lua.forced-yield instructions) HAProxy resumes the service with
-- the argument count of its first start (1, the applet) instead of 0, and
-- Lua 5.4.3+ takes that many values off the stack on such a resume: one
-- value of the interrupted code is lost. Here a converter's result or
-- argument goes missing, so the call answers nil. Fixed in 2.9-dev6 ("BUG/MEDIUM:
-- hlua: don't pass stale nargs argument to lua_resume()", in 3.0.0). Which
-- call is hit depends only on the instruction count, so it is the same on
-- every run of these inputs (with a huge forced-yield none is; with 20000
-- others are). docs/versions.md §4.
local KNOWN = {
  ["2.8"] = {
    binary = { ["150 crc32c"] = "N", ["430 crc32c"] = "N", ["710 crc32c"] = "N", ["990 crc32c"] = "N" },
    json = { ["53 json utf8ps"] = "N" },
  },
}

local function show(v)
  if v[2] == nil then return v[1] end
  local s = tostring(v[2])
  if #s > 40 then s = s:sub(1, 40) .. "..." end
  return v[1] .. ":" .. s:gsub("[^%g ]", function(ch) return string.format("\\x%02x", ch:byte()) end)
end

-- proxylua's equivalent of applet.c:<conv>(s, args...).
local function call_ours(conv, s, args)
  if conv == "digest" then return hash.digest(args[1], s) end
  if conv == "hmac" then return hash.hmac(args[1], assert(hash.b64dec(args[2])), s) end
  return hash[conv](s, table.unpack(args))
end

local function resolve(words, rec)
  local args = {}
  for i = 2, #words do
    local w = words[i]
    if w:sub(1, 1) == "$" then args[i - 1] = rec[w:sub(2)]
    elseif w:match("^%-?%d+$") then args[i - 1] = math.tointeger(tonumber(w))
    elseif w == '""' then args[i - 1] = ""
    else args[i - 1] = w end
  end
  return args
end

-- Random values: each test seeds its own xorshift64* generator (the same
-- numbers under Lua 5.3 and 5.4). rand() a float in [0, 1), rand(n) 1..n,
-- rand(m, n) m..n (a span of at most 2^32).
local rand
local function seed(k)
  local x = k * 0x9E3779B97F4A7C15 + 1
  local function next32()
    x = x ~ (x >> 12); x = x ~ (x << 25); x = x ~ (x >> 27)
    return ((x * 0x2545F4914F6CDD1D) >> 32) & 0xFFFFFFFF
  end
  rand = function(m, n)
    if m == nil then return next32() / 4294967296 end
    if n == nil then m, n = 1, m end
    return m + next32() % (n - m + 1)
  end
end
local function rint64()
  -- any 64-bit pattern, including negatives and values past 2^32
  return (rand(0, 0xFFFFFFFF) << 32) | rand(0, 0xFFFFFFFF)
end
local function rbytes(n, alphabet)
  local t = {}
  for i = 1, n do
    if alphabet then
      local k = rand(1, #alphabet); t[i] = alphabet:sub(k, k)
    else
      t[i] = string.char(rand(0, 255))
    end
  end
  return table.concat(t)
end
local function rlen()
  local r = rand()
  if r < 0.05 then return 0 end
  if r < 0.60 then return rand(1, 32) end
  if r < 0.90 then return rand(33, 300) end
  return rand(301, 2700)
end

local function records(inputs)
  local recs = {}
  for i, s in ipairs(inputs) do
    local v = ({ 0, 1, -1, 2, rint64() })[rand(1, 5)]
    recs[i] = { s = s, A = rint64(), B = rint64(), V = v }
  end
  return recs
end

describe("proxylua.hash against HAProxy's converters", function()
  local hap
  setup(function()
    hap = H.start {
      global = "    tune.lua.service-timeout 60s\n    lua-load ${DIR}/conv.lua",
      config = CONFIG,
      files = { ["conv.lua"] = SERVICE },
      timeout = 120,
    }
  end)
  teardown(function()
    if hap then hap:stop() end
  end)

  -- Send the records with the calls, compare every result; returns the
  -- number of records compared. `label` names the batch in the recording
  -- and in KNOWN.
  local function compare(label, calls, recs)
    local body = { table.concat(calls, ";") .. "\n" }
    for _, r in ipairs(recs) do
      body[#body + 1] = string.format("%d %d %d %d\n", #r.s, r.A, r.B, r.V) .. r.s
    end
    body = table.concat(body)
    local parsed = {}
    for i, c in ipairs(calls) do
      local words = {}
      for w in c:gmatch("%S+") do words[#words + 1] = w end
      parsed[i] = words
    end
    -- what HAProxy should answer: proxylua.hash, and the version's known
    -- differences
    local known = (KNOWN[H.version()] or {})[label] or {}
    local want = {}
    for ri, r in ipairs(recs) do
      for ci, words in ipairs(parsed) do
        local got = ours(pcall(call_ours, words[1], r.s, resolve(words, r)))
        if BYTES_INT_ARGS_FAIL and words[1] == "bytes" then got = { "E" } end
        local kd = known[ri .. " " .. calls[ci]]
        if kd then got = { kd } end
        want[#want + 1] = got
      end
    end
    local theirs   -- every answer, when HAProxy is asked live
    local status, n, digests = H.recorded(hap, { label = "conv " .. label, body = hash.hex(hash.sha2(body)) },
      function()
        local st, res = H.http_live { port = hap.port, path = "/conv", method = "POST", body = body, timeout = 60 }
        if st ~= 200 then return st, 0, {} end
        theirs = decode(res)
        return st, #theirs, block_digests(theirs, #calls)
      end)
    assert.equal(200, status, hap:output())
    local bad = {}
    if theirs then
      for k, got in ipairs(want) do
        local ri, ci = (k - 1) // #calls + 1, (k - 1) % #calls + 1
        local r, h = recs[ri], theirs[k] or { "missing" }
        if not same(got, h) and #bad < 20 then
          bad[#bad + 1] = "[" .. ri .. " " .. calls[ci] .. "] on " .. show({ "s", r.s })
            .. " (A=" .. r.A .. " B=" .. r.B .. " V=" .. r.V .. "): expected " .. show(got)
            .. ", HAProxy " .. show(h)
        end
      end
    else
      -- replayed: the digests of the expected answers must be the recorded ones
      local ours_d = block_digests(want, #calls)
      for ci, call in ipairs(calls) do
        for bi, d in ipairs(ours_d[ci]) do
          if (digests[ci] or {})[bi] ~= d and #bad < 20 then
            bad[#bad + 1] = string.format("%s on records %d-%d: not what %s answered (run live for the values)",
              call, (bi - 1) * BLOCK + 1, math.min(bi * BLOCK, #recs), H.version_string())
          end
        end
      end
    end
    assert.same({}, bad)
    assert.equal(#recs * #calls, n)
    return #recs
  end

  it("the hashes, digests and encoders on 1000 random binary inputs", function()
    seed(1)
    local inputs = { "", "", "a", "abc", "\0", "\0\0\0", "\255", string.rep("\128", 17) }
    local all = {}
    for i = 0, 255 do all[#all + 1] = string.char(i) end
    inputs[#inputs + 1] = table.concat(all)
    while #inputs < 1000 do inputs[#inputs + 1] = rbytes(rlen()) end
    local k1 = hash.base64(rbytes(rand(1, 100)))
    local k2 = hash.base64(rbytes(rand(100, 200)))     -- longer than a block
    local calls = {
      "sdbm", "sdbm 1", "sdbm $V", "djb2", "djb2 1", "djb2 $V", "wt6", "wt6 1", "wt6 $V",
      "crc32", "crc32 1", "crc32 $V", "crc32c", "crc32c 1", "crc32c $V",
      "xxh32", "xxh32 1", "xxh32 $A", "xxh64", "xxh64 1", "xxh64 $A", "xxh3", "xxh3 1", "xxh3 $B",
      "sha1", "sha2", "sha2 224", "sha2 256", "sha2 384", "sha2 512",
      "digest md5", "digest SHA256", "digest sha3-512", "digest blake2b512", "digest sha512-256",
      "hmac sha256 " .. k1, "hmac sha1 " .. k2, "hmac sha512 " .. k1, 'hmac md5 ""',
      "base64", "ub64enc", "hex", "url_enc query", "lower", "upper",
      "bytes $V", "bytes 3 $V", "json ascii",
    }
    local n = compare("binary", calls, records(inputs))
    assert.is_true(n >= 1000)
  end)

  it("b64dec and ub64dec on 1000 well- and ill-formed strings", function()
    seed(2)
    local inputs = { "", "Q===", "QQ==QUJD", "====", "QQ==", "Zm9vYg", "Q" }
    local alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    local ualpha = alpha:sub(1, 62) .. "-_"
    while #inputs < 1000 do
      local r = rand()
      local s
      if r < 0.3 then s = hash.base64(rbytes(rlen() // 4))
      elseif r < 0.5 then s = hash.ub64enc(rbytes(rlen() // 4))
      elseif r < 0.7 then s = rbytes(rand(0, 40), alpha .. "==")
      elseif r < 0.85 then s = rbytes(rand(0, 40), ualpha .. "=")
      else
        s = hash.base64(rbytes(rand(1, 30)))
        local p = rand(1, #s)
        s = s:sub(1, p - 1) .. rbytes(1, "=-_+/ \n\0\128@") .. s:sub(p + 1)
      end
      inputs[#inputs + 1] = s
    end
    assert.is_true(compare("b64", { "b64dec", "ub64dec" }, records(inputs)) >= 1000)
  end)

  it("hex2i on 1000 hex strings, valid, long and broken", function()
    seed(3)
    local inputs = { "", "0", "FFFFFFFFFFFFFFFF", "8000000000000000", "10000000000000000" }
    while #inputs < 1000 do
      local s = rbytes(rand(0, 20), "0123456789abcdefABCDEF")
      if rand() < 0.2 then
        local p = rand(1, #s + 1)
        s = s:sub(1, p - 1) .. rbytes(1, "gxX -+\0\n\255") .. s:sub(p)
      end
      inputs[#inputs + 1] = s
    end
    assert.is_true(compare("hex2i", { "hex2i" }, records(inputs)) >= 1000)
  end)

  it("url_dec with and without in_form on 1000 URL-like strings", function()
    seed(4)
    local inputs = { "", "a+b?c+d", "%", "%00x", "a\0b%zz", "100%" }
    local alpha = "abcAZ09%%%%%%++??&=/ .~-_\0\128\255"
    while #inputs < 1000 do
      local s = rbytes(rand(0, 60), alpha)
      -- mostly well-formed escapes, sometimes broken ones
      s = s:gsub("%%", function()
        if rand() < 0.8 then return "%" .. rbytes(2, "0123456789abcdefABCDEF") end
      end)
      inputs[#inputs + 1] = s
    end
    assert.is_true(compare("url", { "url_dec", "url_dec 1", "url_dec $V", "url_enc query" },
                           records(inputs)) >= 1000)
  end)

  it("json in all five modes on 1000 strings of valid and broken UTF-8", function()
    seed(5)
    local pieces = {
      "a", "/", "\\", '"', "\n", "\t", "\0", "\127", "\195\169", "\226\130\172", "\240\159\152\128",
      "\192\128", "\193\129", "\224\128\128", "\240\128\128\128", "\237\160\128", "\239\191\191",
      "\239\191\190", "\248\136\128\128\128", "\252\132\128\128\128\128", "\248\128\128\129\129",
      "\195", "\226\130", "\128", "\191", "\254", "\255", "\195A",
    }
    local inputs = { "" }
    for _, p in ipairs(pieces) do inputs[#inputs + 1] = p end
    while #inputs < 1000 do
      local t = {}
      for i = 1, rand(0, 30) do
        if rand() < 0.2 then t[i] = rbytes(1) else t[i] = pieces[rand(1, #pieces)] end
      end
      inputs[#inputs + 1] = table.concat(t)
    end
    assert.is_true(compare("json", { "json ascii", "json utf8", "json utf8s", "json utf8p", "json utf8ps",
                             'json ""' }, records(inputs)) >= 1000)
  end)

  it("proxylua.hash loaded inside HAProxy agrees with the converters there", function()
    local status, res = H.http { port = hap.port, path = "/inside", timeout = 30 }
    assert.equal(200, status, hap:output())
    assert.equal("130:", res)   -- 26 checks on each of 5 inputs, no mismatch
  end)

  it("converts Lua values and arguments the way txn.c does", function()
    local exprs = {
      "c:crc32(123)", "c:sdbm(123)", "c:hex(-1)", "c:hex(1.5)", "c:hex(2^53)", "c:hex(true)",
      "c:hex(false)", "c:crc32(true)", "c:xxh64(-1)", "c:xxh3(0)", "c:sha2(7)",
      "c:hex2i(255)", "c:lower(123)", "c:upper(-7)", "c:lower(true)", "c:lower(1.5)",
      "c:sdbm('abc', true)", "c:sdbm('abc', 1.5)", "c:sdbm('abc', 1e10)", "c:sdbm('abc', 1.0)",
      "c:sdbm('abc', -1)", "c:xxh32('abc', 4294967297)", "c:xxh32('abc', -1)",
      "c:xxh64('abc', 2^63)", "c:url_dec('a+b', true)", "c:url_dec('a+b', 2)",
      "c:bytes('abcdef', 2, -1)", "c:bytes('abcdef', -1)", "c:bytes('abcdef', 1, 0)",
      "c:bytes('abcdef', 4, 100)", "c:json('a/b', '')", "c:sha2('abc', 512)",
      "c:sdbm('abc', '1')", "c:crc32('abc', 1, 2)", "c:sha2('abc', 0)", "c:sha2('abc', 100)",
      "c:json('x', 'UTF8')", "c:url_enc('x', 'path')", "c:digest('abc', 'nope')",
      "c:digest('abc', 'md4')", "c:b64dec('QQ=A')", "c:hex2i('0x1')",
    }
    local shim = setmetatable({}, { __index = function(_, conv)
      return function(_, s, ...)
        if conv == "digest" then return hash.digest((...), s) end
        return hash[conv](s, ...)
      end
    end })
    local status, res = H.http { port = hap.port, path = "/expr", method = "POST",
                                 body = table.concat(exprs, "\n"), timeout = 30 }
    assert.equal(200, status)
    local theirs, bad = decode(res), {}
    for i, e in ipairs(exprs) do
      local f = assert(load("local c = ... return " .. e))
      local got = ours(pcall(f, shim))
      if BYTES_INT_ARGS_FAIL and e:match("^c:bytes%(") then got = { "E" } end
      if not same(got, theirs[i] or { "missing" }) then
        bad[#bad + 1] = e .. ": ours " .. show(got) .. ", HAProxy " .. show(theirs[i] or { "missing" })
      end
    end
    assert.same({}, bad)
  end)
end)
