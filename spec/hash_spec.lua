-- proxylua.hash: every vector HAProxy 2.6 gave (spec/fixtures/hash/*.tsv,
-- described in docs/haproxy-hashes.md), published digest/HMAC vectors,
-- xxHash's and zlib's own tools, and the failure cases.
-- The differential against a live HAProxy is spec/integration/hash_haproxy_spec.lua.
local hash = require "proxylua.hash"
local PL = require "spec.helpers.pl_lua"

local FIX = "spec/fixtures/hash/"

local function unhex(h)
  return (h:gsub("%x%x", function(x) return string.char(tonumber(x, 16)) end))
end

local function tohex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local function read_tsv(name)
  local rows, header = {}, nil
  for line in io.lines(FIX .. name) do
    local cells = {}
    for cell in (line .. "\t"):gmatch("(.-)\t") do cells[#cells + 1] = cell end
    if not header then header = cells else rows[#rows + 1] = cells end
  end
  return header, rows
end

local function errmsg(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok)
  return (tostring(err):gsub("^[^:]*:%d+: ", ""))
end

-- What one hashes.tsv column holds for input s, rendered as the file does.
local COLUMN = {
  sdbm = function(s) return hash.sdbm(s) end,
  sdbm_av = function(s) return hash.sdbm(s, 1) end,
  djb2 = function(s) return hash.djb2(s) end,
  djb2_av = function(s) return hash.djb2(s, 1) end,
  wt6 = function(s) return hash.wt6(s) end,
  wt6_av = function(s) return hash.wt6(s, 1) end,
  crc32 = function(s) return hash.crc32(s) end,
  crc32_av = function(s) return hash.crc32(s, 1) end,
  crc32c = function(s) return hash.crc32c(s) end,
  crc32c_av = function(s) return hash.crc32c(s, 1) end,
  xxh32 = function(s) return hash.xxh32(s) end,
  xxh32_s1 = function(s) return hash.xxh32(s, 1) end,
  xxh64 = function(s) return hash.xxh64(s) end,
  xxh64_s1 = function(s) return hash.xxh64(s, 1) end,
  xxh3 = function(s) return hash.xxh3(s) end,
  xxh3_s1 = function(s) return hash.xxh3(s, 1) end,
  sha1_hex = function(s) return tohex(hash.sha1(s)) end,
  sha2_224_hex = function(s) return tohex(hash.sha2(s, 224)) end,
  sha2_256_hex = function(s) return tohex(hash.sha2(s)) end,
  sha2_384_hex = function(s) return tohex(hash.sha2(s, 384)) end,
  sha2_512_hex = function(s) return tohex(hash.sha2(s, 512)) end,
  md5_hex = function(s) return tohex(hash.digest("md5", s)) end,
  hmac_sha256_secret_hex = function(s) return tohex(hash.hmac("sha256", "secret", s)) end,
  base64 = function(s) return hash.base64(s) end,
  ub64enc = function(s) return hash.ub64enc(s) end,
  hex = function(s) return hash.hex(s) end,
  url_enc = function(s) return hash.url_enc(s) end,
  url_dec_hex = function(s)
    local r = hash.url_dec(s); return r and tohex(r) or "FAIL"
  end,
  url_dec_form_hex = function(s)
    local r = hash.url_dec(s, 1); return r and tohex(r) or "FAIL"
  end,
  json = function(s) return hash.json(s) end,
}

describe("proxylua.hash", function()
  describe("vectors/hashes.tsv (HAProxy 2.6 on 245 inputs)", function()
    local header, rows = read_tsv("hashes.tsv")
    it("has the expected shape", function()
      assert.equal(31, #header)
      assert.equal(245, #rows)
    end)
    for col = 2, #header do
      local name = header[col]
      it(name .. " matches on every row", function()
        local f = assert(COLUMN[name], "no mapping for column " .. name)
        local bad, checked = {}, 0
        for _, row in ipairs(rows) do
          local want = row[col]
          if want ~= "-" then
            local got = f(unhex(row[1]))
            if math.type(got) == "integer" then
              -- integer columns: same value and an integer, not a float
              got = string.format("%d", got)
            end
            checked = checked + 1
            if got ~= want then bad[#bad + 1] = row[1]:sub(1, 40) .. ": " .. tostring(got) .. " ~= " .. want end
          end
        end
        assert.same({}, bad)
        assert.is_true(checked > 100)
      end)
    end
  end)

  describe("vectors/decodes.tsv (HAProxy 2.6 decoders, modes, argument rules)", function()
    local _, rows = read_tsv("decodes.tsv")
    local function parse_args(a)
      local out = {}
      for w in a:gmatch("%S+") do
        if w:match("^%-?%d+$") then out[#out + 1] = math.tointeger(tonumber(w))
        elseif w == '""' then out[#out + 1] = ""
        else out[#out + 1] = w end
      end
      return out
    end
    -- txn.c:<conv>(s, args...) in proxylua's argument order
    local function call(conv, s, args)
      if conv == "digest" then return hash.digest(args[1], s) end
      if conv == "hmac" then
        local key = hash.b64dec(args[2])
        if not key then error("bad base64 key") end
        return hash.hmac(args[1], key, s)
      end
      return assert(hash[conv], conv)(s, table.unpack(args))
    end
    it("every row agrees", function()
      local bad = {}
      for _, r in ipairs(rows) do
        local conv, args, input, want = r[1], parse_args(r[2]), unhex(r[3]), r[4]
        local ok, v = pcall(call, conv, input, args)
        local got
        if not ok then got = "ERROR"
        elseif v == nil then got = "FAIL"
        elseif math.type(v) == "integer" then got = string.format("%d", v)
        else got = tohex(v) end
        if got ~= want then
          bad[#bad + 1] = conv .. " " .. r[2] .. " " .. r[3] .. ": " .. got .. " ~= " .. want
        end
      end
      assert.same({}, bad)
      assert.equal(381, #rows)
    end)
  end)

  describe("input values as HAProxy converts them", function()
    it("hashes a number input as 8 big-endian bytes", function()
      assert.equal(2733995997, hash.crc32(123))
      assert.equal(123, hash.sdbm(123))
      assert.equal("FFFFFFFFFFFFFFFF", hash.hex(-1))
      assert.equal(hash.sha2("\0\0\0\0\0\0\0\1"), hash.sha2(true))
      assert.equal(hash.crc32("\0\0\0\0\0\0\0\0"), hash.crc32(false))
      assert.equal(hash.crc32(0), hash.crc32(0.5))   -- non-integral: 0
      assert.equal(hash.crc32(3), hash.crc32(3.0))
    end)
    it("feeds a number to a text converter as its decimal text", function()
      assert.equal(597, hash.hex2i(255))
      assert.equal("123", hash.lower(123))
      assert.equal("-7", hash.upper(-7))
      assert.equal("1", hash.lower(true))
    end)
    it("reads the avalanche and seed arguments as HAProxy does", function()
      local plain, av = 807794786, 659243622
      assert.equal(av, hash.sdbm("abc", 1))
      assert.equal(av, hash.sdbm("abc", -1))
      assert.equal(av, hash.sdbm("abc", 1.0))
      assert.equal(av, hash.sdbm("abc", 1e10))
      assert.equal(plain, hash.sdbm("abc", true))   -- booleans are 0
      assert.equal(plain, hash.sdbm("abc", 0.5))    -- non-integral floats are 0
      assert.equal(plain, hash.sdbm("abc", nil))
      assert.equal(plain, hash.sdbm("abc", 0))
      assert.equal(hash.xxh32("abc", 1), hash.xxh32("abc", 4294967297))
      assert.equal(hash.xxh32("abc", 4294967295), hash.xxh32("abc", -1))
      assert.equal(hash.xxh3("abc"), hash.xxh3("abc", 0))
    end)
    it("returns 32-bit hashes as non-negative integers, 64-bit ones signed", function()
      for _, f in ipairs { "sdbm", "djb2", "wt6", "crc32", "crc32c", "xxh32" } do
        local v = hash[f]("\255\254\253", 1)
        assert.equal("integer", math.type(v))
        assert.is_true(v >= 0 and v <= 0xFFFFFFFF)
      end
      assert.equal(-3292477735350538661, hash.xxh64("a"))
      assert.equal(-1205034819632174695, hash.xxh64(""))
    end)
  end)

  describe("published digest and HMAC vectors", function()
    local abc448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
    local million = string.rep("a", 1000000)
    it("FIPS 180-4 / NIST examples", function()
      assert.equal("a9993e364706816aba3e25717850c26c9cd0d89d", tohex(hash.sha1("abc")))
      assert.equal("84983e441c3bd26ebaae4aa1f95129e5e54670f1", tohex(hash.sha1(abc448)))
      assert.equal("34aa973cd4c4daa4f61eeb2bdbad27316534016f", tohex(hash.sha1(million)))
      assert.equal("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", tohex(hash.sha2("abc", 224)))
      assert.equal("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1", tohex(hash.sha2(abc448)))
      assert.equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", tohex(hash.sha2(million)))
      assert.equal("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
        tohex(hash.sha2("abc", 384)))
      assert.equal("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
        .. "454d4423643ce80e2a9ac94fa54ca49f", tohex(hash.sha2("abc", 512)))
      assert.equal("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532", tohex(hash.digest("sha3-256", "abc")))
      assert.equal("5c8875ae474a3634ba4fd55ec85bffd661f32aca75c6d699d0cdcb6c115891c1", tohex(hash.digest("sha3-256", million)))
    end)
    it("RFC 1321 MD5 suite", function()
      local suite = {
        [""] = "d41d8cd98f00b204e9800998ecf8427e",
        a = "0cc175b9c0f1b6a831c399e269772661",
        abc = "900150983cd24fb0d6963f7d28e17f72",
        ["message digest"] = "f96b697d7cb7938d525a2f31aaf161d0",
        abcdefghijklmnopqrstuvwxyz = "c3fcd3d76192e4007dfb496cca67e13b",
        ["12345678901234567890123456789012345678901234567890123456789012345678901234567890"] =
          "57edf4a22be3c955ac49da2e2107b67a",
      }
      for s, want in pairs(suite) do assert.equal(want, tohex(hash.md5(s))) end
    end)
    it("OpenSSL names, aliases and sizes as HAProxy's digest accepts them", function()
      local sha256abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
      for _, name in ipairs { "sha256", "SHA256", "sha-256", "SHA2-256" } do
        assert.equal(sha256abc, tohex(hash.digest(name, "abc")))
      end
      assert.equal(64, #hash.digest("blake2b512", "abc"))
      assert.equal(36, #hash.digest("md5-sha1", "abc"))
      assert.equal(16, #hash.digest("shake128", "abc"))
      assert.equal(32, #hash.digest("shake256", "abc"))
      assert.equal(20, #hash.digest("ripemd160", "abc"))
    end)
    -- RFC 4231 test cases 1, 2, 3, 4, 6 and 7 (case 5 is truncated output).
    local rfc4231 = {
      { string.rep("\11", 20), "Hi There",
        "896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22",
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4"
          .. "be9d914eeb61f1702e696c203a126854" },
      { "Jefe", "what do ya want for nothing?",
        "a30e01098bc6dbbf45690f3a7e9e6d0f8bbea2a39e6148008fd05e44",
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
          .. "caeab1a34d4a6b4b636e070a38bce737" },
      { string.rep("\170", 20), string.rep("\221", 50),
        "7fb3cb3588c6c1f6ffa9694d7d6ad2649365b0c1f65d69d1ec8333ea",
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807"
          .. "b946a337bee8942674278859e13292fb" },
      { unhex("0102030405060708090a0b0c0d0e0f10111213141516171819"), string.rep("\205", 50),
        "6c11506874013cac6a2abc1bb382627cec6a90d86efc012de7afec5a",
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
        "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063"
          .. "a5f19741120c4f2de2adebeb10a298dd" },
      { string.rep("\170", 131), "Test Using Larger Than Block-Size Key - Hash Key First",
        "95e9a0db962095adaebe9b2d6f0dbce2d499f112f2d2b7273fa6870e",
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e52"
          .. "95e64f73f63f0aec8b915a985d786598" },
      { string.rep("\170", 131),
        "This is a test using a larger than block-size key and a larger than block-size data. "
          .. "The key needs to be hashed before being used by the HMAC algorithm.",
        "3a854166ac5d9f023f54d517d0b39dbd946770db9c2b95c9f6f565d1",
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
        "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15"
          .. "134676fb6de0446065c97440fa8c6a58" },
    }
    it("RFC 4231 HMAC-SHA-224/256/384/512", function()
      for i, c in ipairs(rfc4231) do
        for j, alg in ipairs { "sha224", "sha256", "sha384", "sha512" } do
          assert.equal(c[2 + j], tohex(hash.hmac(alg, c[1], c[2])), "case " .. i .. " " .. alg)
        end
      end
    end)
    it("RFC 2202 HMAC-MD5 and HMAC-SHA1", function()
      assert.equal("9294727a3638bb1c13f48ef8158bfc9d", tohex(hash.hmac("md5", string.rep("\11", 16), "Hi There")))
      assert.equal("750c783e6ab0b503eaa86e310a5db738", tohex(hash.hmac("md5", "Jefe", "what do ya want for nothing?")))
      assert.equal("b617318655057264e28bc0b6fb378c8ef146be00", tohex(hash.hmac("sha1", string.rep("\11", 20), "Hi There")))
      assert.equal("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", tohex(hash.hmac("sha1", "Jefe", "what do ya want for nothing?")))
    end)
  end)

  describe("streaming digests", function()
    it("update is chainable and final equals the one-shot digest", function()
      local d = hash.new("sha256")
      assert.equal(d, d:update("a"))
      local parts = { "", "b", "c", string.rep("x", 100000), "\0" }
      for _, p in ipairs(parts) do d:update(p) end
      assert.equal(hash.sha2("abc" .. string.rep("x", 100000) .. "\0"), d:final())
    end)
    it("hexfinal is lowercase hex; reset starts a new message", function()
      local d = hash.new("md5")
      assert.equal("900150983cd24fb0d6963f7d28e17f72", d:update("abc"):hexfinal())
      assert.equal("d41d8cd98f00b204e9800998ecf8427e", d:reset():hexfinal())
      assert.equal(16, d:size())
    end)
    it("hmac_new keeps its key across reset (RFC 4231 case 2)", function()
      local m = hash.hmac_new("sha256", "Jefe")
      local want = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
      assert.equal(want, m:update("what do ya "):update("want for nothing?"):hexfinal())
      assert.equal(want, m:reset():update("what do ya want for nothing?"):hexfinal())
    end)
    it("refuses use after final and after close", function()
      local d = hash.new("sha1")
      d:final()
      assert.matches("already finalized", errmsg(d.update, d, "x"))
      assert.matches("already finalized", errmsg(d.final, d))
      getmetatable(d).__gc(d)
      getmetatable(d).__gc(d)        -- idempotent
      assert.matches("closed", errmsg(d.update, d, "x"))
      assert.matches("bad argument", errmsg(d.update, {}, "x"))
      -- metamethods called by hand on something else leave it alone
      local mt = getmetatable(hash.new("md5"))
      mt.__gc(io.stdout); mt.__gc(5)
      assert.matches("bad argument", errmsg(mt.__tostring, io.stdout))
      assert.matches("^proxylua.hash.digest", tostring(hash.new("md5")))
      assert.matches("^proxylua.hash.hmac", tostring(hash.hmac_new("md5", "k")))
      assert.is_true(io.stdout:write("") == io.stdout)
    end)
    it("names unknown algorithms, and returns nil, msg for unavailable ones", function()
      assert.matches("unknown digest 'nope'", errmsg(hash.new, "nope"))
      assert.matches("unknown digest 'nope'", errmsg(hash.hmac_new, "nope", "k"))
      local d, msg = hash.new("md4")
      assert.is_nil(d)
      assert.matches("md4", msg)
      assert.matches("unsupported", msg)    -- OpenSSL's own reason, drained
    end)
    if _VERSION == "Lua 5.4" then
      it("closes with <close> under Lua 5.4", function()
        local f = assert(load([[
          local hash, keep = ...
          do local d <close> = hash.new("sha256"); keep.d = d end
          return keep.d
        ]]))
        local d = f(hash, {})
        assert.matches("closed", errmsg(d.final, d))
      end)
    end
  end)

  describe("xxHash against its own values and xxhsum", function()
    it("empty-input values from the xxHash specification", function()
      assert.equal(0x02CC5D05, hash.xxh32(""))
      assert.equal(string.format("%d", 0xEF46DB3751D8E999), string.format("%d", hash.xxh64("")))
      assert.equal(0x2D06800538D394C2, hash.xxh3(""))
    end)
    it("xxHash's own sanity vectors (its test buffer, seeds 0 and PRIME32)", function()
      -- the buffer xxHash's sanity check builds: the top byte of a 64-bit
      -- generator started at PRIME32 and multiplied by PRIME64 each step
      local prime32, prime64 = 0x9E3779B1, 0x9E3779B185EBCA8D   -- 11400714785074694797, wrapped
      local t, gen = {}, prime32
      for i = 1, 222 do
        t[i] = string.char((gen >> 56) & 0xFF)
        gen = gen * prime64
      end
      local buf = table.concat(t)
      local v32 = { { 0, 0, 0x02CC5D05 }, { 0, prime32, 0x36B78AE7 }, { 1, 0, 0xCF65B03E },
                    { 1, prime32, 0xB4545AA4 }, { 14, 0, 0x1208E7E2 }, { 14, prime32, 0x6AF1D1FE },
                    { 222, 0, 0x5BD11DBD }, { 222, prime32, 0x58803C5F } }
      -- 64-bit hex literals wrap to the signed integer proxylua returns
      local v64 = { { 0, 0, 0xEF46DB3751D8E999 }, { 0, prime32, 0xAC75FDA2929B17EF },
                    { 1, 0, 0xE934A84ADB052768 }, { 1, prime32, 0x5014607643A9B4C3 },
                    { 4, 0, 0x9136A0DCA57457EE }, { 14, 0, 0x8282DCC4994E35C8 },
                    { 14, prime32, 0xC3BD6BF63DEB6DF0 }, { 222, 0, 0xB641AE8CB691C174 },
                    { 222, prime32, 0x20CB8AB7AE10C14A } }
      for _, v in ipairs(v32) do
        assert.equal(v[3], hash.xxh32(buf:sub(1, v[1]), v[2]), "xxh32 len " .. v[1])
      end
      for _, v in ipairs(v64) do
        assert.equal(v[3], hash.xxh64(buf:sub(1, v[1]), v[2]), "xxh64 len " .. v[1])
      end
    end)
    local have = os.execute("command -v xxhsum >/dev/null 2>&1")
    it("agrees with xxhsum on inputs of every length class", function()
      if not have then pending("xxhsum not installed") return end
      local dir = os.tmpname(); os.remove(dir); assert(os.execute("mkdir " .. dir))
      local lens = { 0, 1, 3, 4, 8, 9, 16, 17, 128, 129, 240, 241, 1000, 1024, 1025, 5000, 100000 }
      local files, inputs = {}, {}
      local seed = 12345
      for i, n in ipairs(lens) do
        local t = {}
        for k = 1, n do seed = (seed * 1103515245 + 12345) % 2147483648; t[k] = string.char(seed % 256) end
        inputs[i] = table.concat(t)
        files[i] = dir .. "/f" .. i
        local f = assert(io.open(files[i], "wb")); f:write(inputs[i]); f:close()
      end
      local function sums(alg)
        local p = assert(io.popen("xxhsum -H" .. alg .. " " .. table.concat(files, " ")))
        local out = {}
        for line in p:lines() do out[#out + 1] = line:match("= (%x+)") or line:match("^(%x+)") end
        p:close()
        return out
      end
      local s32, s64, s3 = sums(0), sums(1), sums(3)
      os.execute("rm -rf " .. dir)
      for i = 1, #lens do
        local s = inputs[i]
        assert.equal(s32[i], string.format("%08x", hash.xxh32(s)), "xxh32 len " .. lens[i])
        assert.equal(s64[i], string.format("%016x", hash.xxh64(s)), "xxh64 len " .. lens[i])
        assert.equal(s3[i], string.format("%016x", hash.xxh3(s)), "xxh3 len " .. lens[i])
      end
    end)
  end)

  describe("zlib", function()
    local text = string.rep("The quick brown fox jumps over the lazy dog. ", 2000)
    local binary = {}
    for i = 1, 70000 do binary[i] = string.char((i * 7919) % 251) end
    binary = table.concat(binary)

    it("adler32 and crc32 match zlib's published values", function()
      assert.equal(0x11E60398, hash.adler32("Wikipedia"))
      assert.equal(1, hash.adler32(""))
      assert.equal(0xCBF43926, hash.crc32("123456789"))
    end)
    -- Regression: "auto" used to treat a zlib stream like a gzip member, so a
    -- second zlib stream was accepted and trailing bytes got zlib's header
    -- error instead of ours.
    it("auto mode applies the detected format's end-of-stream rule", function()
      local z, g = hash.compress("abc", "zlib"), hash.compress("abc", "gzip")
      assert.same({ nil, "trailing data after end of stream" }, { hash.decompress(z .. z) })
      assert.same({ nil, "trailing data after end of stream" }, { hash.decompress(z .. "x") })
      assert.same({ nil, "trailing data after end of stream" }, { hash.decompress(z .. ("x"):rep(30)) })
      assert.equal("abcabc", hash.decompress(g .. g))   -- gzip members concatenate
      local inf = hash.inflate()
      assert.equal("", inf:write(z:sub(1, 1)))           -- detected from the first byte alone
      assert.equal("abc", inf:write(z:sub(2)))
      assert.same({ nil, "trailing data after end of stream" }, { inf:finish("zz") })
    end)
    it("round-trips gzip, zlib and raw, one-shot and at every level", function()
      for _, fmt in ipairs { "gzip", "zlib", "raw" } do
        for _, data in ipairs { "", "x", text, binary } do
          for _, level in ipairs { -1, 0, 1, 9 } do
            local c = hash.compress(data, { format = fmt, level = level })
            assert.equal(data, hash.decompress(c, fmt))
          end
        end
      end
      -- formats are told apart: gzip and zlib both open with "auto"
      assert.equal(text, hash.decompress(hash.compress(text, "zlib")))
      assert.equal("\31\139", hash.compress(text):sub(1, 2))
      assert.equal(120, hash.compress(text, "zlib"):byte(1))
    end)
    it("streams in small pieces both ways", function()
      local d = hash.deflate { format = "gzip", level = 6 }
      local out = {}
      for i = 1, #text, 777 do out[#out + 1] = d:write(text:sub(i, i + 776)) end
      out[#out + 1] = d:finish()
      local gz = table.concat(out)
      assert.equal(text, hash.decompress(gz))
      local inf = hash.inflate("gzip")
      local back = {}
      for i = 1, #gz, 13 do back[#back + 1] = assert(inf:write(gz:sub(i, i + 12))) end
      back[#back + 1] = assert(inf:finish())
      assert.equal(text, table.concat(back))
      local ok, msg = d:write("more")
      assert.is_nil(ok)
      assert.matches("finished", msg)
    end)
    it("interoperates with the gzip tool both ways", function()
      if not os.execute("command -v gzip >/dev/null 2>&1") then pending("gzip not installed") return end
      local name = os.tmpname()
      local f = assert(io.open(name, "wb")); f:write(hash.compress(binary)); f:close()
      local p = assert(io.popen("gzip -dc < " .. name)); local back = p:read("a"); p:close()
      assert.equal(binary, back)
      f = assert(io.open(name, "wb")); f:write(text); f:close()
      p = assert(io.popen("gzip -6 -c < " .. name)); local gz = p:read("a"); p:close()
      os.remove(name)
      assert.equal(text, hash.decompress(gz, "gzip"))
      -- two members, as `cat a.gz b.gz` makes
      assert.equal(text .. text, hash.decompress(gz .. gz))
    end)
    it("returns nil, msg on corrupt, truncated or trailing input", function()
      local gz = hash.compress(text)
      local r, msg = hash.decompress("not compressed at all")
      assert.is_nil(r); assert.matches("corrupt", msg)
      r, msg = hash.decompress(gz:sub(1, -5))
      assert.is_nil(r); assert.matches("truncated", msg)
      r, msg = hash.decompress("")
      assert.is_nil(r); assert.matches("truncated", msg)
      r, msg = hash.decompress(hash.compress(text, "zlib") .. "junk", "zlib")
      assert.is_nil(r); assert.matches("trailing", msg)
      local bad = gz:sub(1, 20) .. string.char((gz:byte(21) + 1) % 256) .. gz:sub(22)
      r, msg = hash.decompress(bad)
      assert.is_nil(r); assert.is_string(msg)
      local inf = hash.inflate()
      r, msg = inf:write("garbage!")
      assert.is_nil(r); assert.matches("corrupt", msg)
      r, msg = inf:write(gz)
      assert.is_nil(r); assert.matches("unusable", msg)
    end)
    it("stops a decompression bomb at the limit (default 64 MiB)", function()
      -- 128 MiB of zeros, compressed in pieces without building the string
      local d = hash.deflate { format = "gzip", level = 9 }
      local zeros, parts = string.rep("\0", 1 << 20), {}
      for _ = 1, 128 do parts[#parts + 1] = d:write(zeros) end
      parts[#parts + 1] = d:finish()
      local bomb = table.concat(parts)
      assert.is_true(#bomb < 200 * 1024)
      local r, msg = hash.decompress(bomb)
      assert.is_nil(r)
      assert.matches("exceeds the limit of 67108864 bytes", msg)
      r, msg = hash.decompress(bomb, { limit = 1000 })
      assert.is_nil(r); assert.matches("limit of 1000 bytes", msg)
      -- streaming: the limit counts everything the stream produced
      local inf = hash.inflate { limit = 3 << 20 }
      local total, err = 0, nil
      for i = 1, #bomb, 4096 do
        local out, e = inf:write(bomb:sub(i, i + 4095))
        if not out then err = e break end
        total = total + #out
      end
      assert.matches("limit", err)
      assert.is_true(total <= 3 << 20)
      -- exactly at the limit is fine
      local small = hash.compress(string.rep("a", 5000))
      assert.equal(5000, #hash.decompress(small, { limit = 5000 }))
      assert.is_nil(hash.decompress(small, { limit = 4999 }))
      assert.equal(5000, #hash.decompress(small, { limit = false }))
    end)
    it("close() frees a stream now; metamethods leave other values alone", function()
      local inf = hash.inflate()
      inf:close(); inf:close()
      assert.matches("closed", errmsg(inf.write, inf, "x"))
      local mt = getmetatable(hash.deflate())
      mt.__gc(io.stdout); mt.__index.close(io.stdout); mt.__gc(5)
      assert.matches("bad argument", errmsg(mt.__tostring, io.stdout))
      assert.matches("^proxylua.hash.deflate", tostring(hash.deflate()))
      assert.is_true(io.stdout:write("") == io.stdout)
    end)
    it("checks its options", function()
      assert.matches("unknown format 'lz4'", errmsg(hash.compress, "x", "lz4"))
      assert.matches("unknown format 'auto'", errmsg(hash.compress, "x", { format = "auto" }))
      assert.matches("level", errmsg(hash.compress, "x", { level = 10 }))
      assert.matches("limit", errmsg(hash.decompress, "x", { limit = 0 }))
      assert.matches("limit", errmsg(hash.inflate, { limit = -5 }))
      assert.matches("options table", errmsg(hash.deflate, 5))
      assert.matches("string expected", errmsg(hash.compress, nil))
    end)
    it("under a memory limit, raises Lua's memory error and frees everything", function()
      local out, why = PL.run_file("spec/fixtures/hash_maxmem.lua")
      if not out then return pending(why) end
      assert.equal("false\tnot enough memory\nfalse\tnot enough memory\ntrue\ttrue\n", out)
    end)
    it("a stream closed by a finalizer while write/finish convert a number says so", function()
      -- in a fresh small state (spec/fixtures/finalizer_reentry.lua), where
      -- an eager collector runs the finalizers inside the calls
      local function reentry(which)
        return PL.run_file("spec/fixtures/finalizer_reentry.lua", which)
      end
      assert.equal("zlib stream is closed\ntrue\n", reentry("zlib_write"))
      assert.equal("zlib stream is closed\ntrue\n", reentry("zlib_finish"))
    end)
  end)

  describe("argument errors, as HAProxy raises them", function()
    it("unknown algorithms and modes name the value", function()
      assert.matches("unknown digest 'nope'", errmsg(hash.digest, "nope", "abc"))
      assert.matches("unknown digest 'nope'", errmsg(hash.hmac, "nope", "key", "abc"))
      assert.matches("unknown json mode 'UTF8'", errmsg(hash.json, "x", "UTF8"))
      assert.matches("unknown url_enc type 'path'", errmsg(hash.url_enc, "x", "path"))
      assert.matches("224, 256, 384 or 512", errmsg(hash.sha2, "x", 0))
      assert.matches("224, 256, 384 or 512", errmsg(hash.sha2, "x", 100))
      assert.matches("224, 256, 384 or 512", errmsg(hash.sha2, "x", true))
    end)
    it("digest md4 is a runtime failure, not an argument error", function()
      local r, msg = hash.digest("md4", "abc")
      assert.is_nil(r)
      assert.matches("digest unavailable 'md4'", msg)
      r, msg = hash.hmac("md4", "k", "abc")
      assert.is_nil(r)
      assert.matches("md4", msg)
      -- and the next call is clean (OpenSSL's error queue was drained)
      assert.equal("900150983cd24fb0d6963f7d28e17f72", tohex(hash.digest("md5", "abc")))
    end)
    it("wrong types and counts", function()
      assert.matches("integer expected", errmsg(hash.sdbm, "x", "1"))
      assert.matches("integer expected", errmsg(hash.xxh64, "x", "1"))
      assert.matches("Last argument expected", errmsg(hash.crc32, "abc", 1, 2))
      assert.matches("Last argument expected", errmsg(hash.sha1, "abc", 1))
      assert.matches("Mandatory argument expected", errmsg(hash.bytes, "abc"))
      assert.matches("string expected", errmsg(hash.sdbm, nil))
      assert.matches("string expected", errmsg(hash.sdbm, {}))
      assert.matches("string expected", errmsg(hash.b64dec))
      assert.matches("string expected", errmsg(hash.digest, "sha1", nil))
      assert.matches("string expected", errmsg(hash.hmac, "sha1", nil, "x"))
    end)
    it("decoders fail with nil and a reason, never a partial value", function()
      local cases = {
        { hash.b64dec, "QQ=A", "invalid base64" },
        { hash.ub64dec, "Q", "invalid base64url" },
        { hash.hex2i, "0x10", "invalid hex" },
        { hash.url_dec, "abc%4", "invalid %%%-escape" },
        { hash.json, "\255", "invalid UTF%-8", "utf8" },
      }
      for _, c in ipairs(cases) do
        local r, msg
        if c[4] then r, msg = c[1](c[2], c[4]) else r, msg = c[1](c[2]) end
        assert.is_nil(r)
        assert.matches(c[3], msg)
      end
    end)
  end)

  describe("8-bit clean, large inputs", function()
    it("keeps NULs and high bytes through every encoder and back", function()
      local all = {}
      for i = 0, 255 do all[#all + 1] = string.char(i) end
      all = table.concat(all):rep(50)
      assert.equal(all, hash.b64dec(hash.base64(all)))
      assert.equal(all, hash.ub64dec(hash.ub64enc(all)))
      assert.equal(all, hash.url_dec(hash.url_enc(all)))
      assert.equal(string.upper(tohex(all)), hash.hex(all))
      assert.equal(all:lower(), hash.lower(all))
      assert.equal(all:upper(), hash.upper(all))
    end)
    it("handles inputs past HAProxy's 16 KiB buffer without its limits", function()
      local big = string.rep("a\0\255", 100000)
      assert.equal(600000, #hash.hex(big))
      assert.equal(400000, #hash.base64(big))
      assert.equal(big, hash.b64dec(hash.base64(big)))
      assert.equal(6 * 200000 + 100000, #hash.json(big))
    end)
  end)
end)
