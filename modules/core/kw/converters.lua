-- HAProxy 2.6 converters (the configuration manual's "Converters" list):
-- encoders and hashes (over proxylua.hash), string and integer operations,
-- arithmetic with variables, dates, regsub, JSON/JWT queries, FIX and MQTT
-- parsing, AES-GCM and JWT verification, set-var/unset-var, map_* (their
-- lookups need a map file: no result under the harness). Rules checked
-- against live HAProxy 2.6.12 (spec/integration/core_kw_haproxy_spec.lua).
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local V = require "proxylua.core.stream.vars"
local VER = require "proxylua.core.state.versions"
local native = require "proxylua.core_native"
local K = require "proxylua.core.kw.vocab"
local E = require "proxylua.core.exec.executor"
local JSON = require "proxylua.core.kw.parse_json"
local FM = require "proxylua.core.kw.parse_fix_mqtt"
local json_query = JSON.query
local fix_validate, fix_value, mqtt_parse, mqtt_value, mqtt_type =
  FM.fix_validate, FM.fix_value, FM.mqtt_parse, FM.mqtt_value, FM.mqtt_type
local fix_id, FIX_NAMES, MQTT_FIELDS = FM.fix_id, FM.FIX_NAMES, FM.MQTT_FIELDS

local select, ipairs, pairs = select, ipairs, pairs
local sformat, sbyte, schar = string.format, string.byte, string.char
local mtointeger = math.tointeger
local cdef, C, NOARG = K.cdef, K.C, K.NOARG
local str, sint, bool, bin = K.str, K.sint, K.bool, K.bin
local hash_fn = K.hash_fn
local backend_of = K.backend_of
local UNITS = K.TIME_UNITS

-- Call proxylua.hash; a raised error is HAProxy's "error in arguments".
local function via_hash(name, out_type, nargs)
  return function(input, a)
    local f = hash_fn(name)
    local ok, r = pcall(f, input.v, table.unpack(a, 1, nargs))
    if not ok then return nil, "error in arguments" end
    if r == nil then return nil end
    return { t = out_type or (math.type(r) == "integer" and "sint" or "bin"), v = r }
  end
end

for _, h in ipairs({ "sdbm", "djb2", "wt6", "crc32", "crc32c", "xxh32", "xxh64", "xxh3" }) do
  cdef(h, "bin", { min = 0, "sint" }, via_hash(h, "sint", 1))
end

cdef("sha1", "bin", NOARG, via_hash("sha1", "bin", 0))
cdef("sha2", "bin", { min = 0, "sint" }, function(input, a)
  if a[1] ~= nil and a[1] ~= 224 and a[1] ~= 256 and a[1] ~= 384 and a[1] ~= 512 then
    return K.bad_args(sformat("Unsupported number of bits: '%d'", a[1]))
  end
  return via_hash("sha2", "bin", 1)(input, a)
end)

-- proxylua.hash puts the algorithm first and takes the HMAC key raw;
-- HAProxy's converter gets it in base64 or as a variable name.
local BAD_DIGEST = "algorithm must be a valid OpenSSL message digest name."
local BAD_B64 = "argument needs to be base64 encoded, and can either be a string or a variable"

-- Arguments taken in base64 or as a variable name (hmac's key, aes_gcm_dec's
-- nonce, key and tag). HAProxy checks them all before converting: a literal
-- that does not decode (an empty one is not checked) is an argument error.
-- From Lua, 2.6 to 3.0 segfault there instead: their Lua binding gives the
-- check no room for its reason and the check reads it anyway (3.2 gives it
-- one, the same change that puts the reason in its argument errors).
local function b64_literal_ok(s, conv, what, v)
  if v == "" or V.parse(v) or hash_fn("b64dec")(v) then return true end
  if s and s.rt and not VER.has(s.rt, "arg_error_details") then
    E.die(s.rt, sformat("txn.c:%s() with a refused %s argument ('%s' is neither base64 nor a "
      .. "variable name): HAProxy %s crashes here (segmentation fault while wording the argument "
      .. "error)", conv, what, v, VER.name(s.rt.version)))
  end
  return false, sformat("failed to parse %s : %s", what, BAD_B64)
end

-- Its value at run time: a variable's content is decoded then, and gives
-- no sample when unset or not base64.
local function b64_value(s, v)
  if V.parse(v) then
    local smp = V.get(s, v)
    return smp and hash_fn("b64dec")(U.smp2str(smp)) or nil
  end
  return hash_fn("b64dec")(v)
end

cdef("digest", "bin", { min = 1, "str" }, function(input, a)
  local f = hash_fn("digest")
  local ok, r = pcall(f, a[1], input.v)
  if not ok then return K.bad_args(BAD_DIGEST) end
  return r and { t = "bin", v = r } or nil
end)

cdef("hmac", "bin", { min = 2, "str", "str" }, function(input, a, s)
  -- HAProxy checks the algorithm before the key
  if not pcall(hash_fn("digest"), a[1], "") then return K.bad_args(BAD_DIGEST) end
  local ok_key, why = b64_literal_ok(s, "hmac", "key", a[2])
  if not ok_key then return K.bad_args(why) end
  local key = b64_value(s, a[2])
  if not key then return nil end
  local ok, r = pcall(hash_fn("hmac"), a[1], key, input.v)
  if not ok then return K.bad_args(BAD_DIGEST) end
  return r and { t = "bin", v = r } or nil
end)

cdef("base64", "bin", NOARG, via_hash("base64", "str", 0))
cdef("ub64enc", "bin", NOARG, via_hash("ub64enc", "str", 0))
cdef("hex", "bin", NOARG, via_hash("hex", "str", 0))
cdef("b64dec", "str", NOARG, via_hash("b64dec", "bin", 0))
cdef("ub64dec", "str", NOARG, via_hash("ub64dec", "bin", 0))
cdef("hex2i", "str", NOARG, via_hash("hex2i", "sint", 0))
cdef("url_dec", "str", { min = 0, "sint" }, via_hash("url_dec", "str", 1))
cdef("url_enc", "str", { min = 1, "str" }, function(input, a)
  if a[1] ~= "query" then return K.bad_args("Unexpected encode type. Allowed value is 'query'") end
  return via_hash("url_enc", "str", 1)(input, a)
end)

local JSON_MODES = { [""] = true, ascii = true, utf8 = true, utf8s = true, utf8p = true, utf8ps = true }

cdef("json", "str", { min = 1, "str" }, function(input, a)
  if not JSON_MODES[a[1]] then
    return K.bad_args("Unexpected input code type. Allowed value are 'ascii', 'utf8', 'utf8s', 'utf8p' and 'utf8ps'")
  end
  return via_hash("json", "str", 1)(input, a)
end)

local function cut(v) return #v >= 16384 and v:sub(1, 16383) or v end

cdef("lower", "str", NOARG, function(i) return str(cut(i.v):lower()) end)
cdef("upper", "str", NOARG, function(i) return str(cut(i.v):upper()) end)
cdef("length", "str", NOARG, function(i) return sint(#i.v) end)
cdef("bytes", "bin", { min = 1, "sint", "sint" }, function(i, a)
  local off, len = a[1], a[2]
  if off < 0 or off >= #i.v then return nil end
  if len and len <= 0 then return nil end
  return { t = "bin", v = i.v:sub(off + 1, len and off + len or #i.v) }
end)

local function field_like(words)
  return function(i, a)
    local idx, delims, count = a[1], a[2], a[3] or 1
    local toks = fmt.tokenize(i.v, delims, words)
    if idx == 0 then return nil end
    if count == 0 then count = #toks end
    local first
    if idx > 0 then first = idx else first = #toks + idx + 1 - (count - 1) end
    if first < 1 or first > #toks then return str("") end
    local last = math.min(#toks, first + count - 1)
    local sep = delims:sub(1, 1)
    return str(table.concat(toks, sep, first, last))
  end
end

cdef("field", "str", { min = 2, "sint", "str", "sint" }, field_like(false))
cdef("word", "str", { min = 2, "sint", "str", "sint" }, field_like(true))
cdef("regsub", "str", { min = 2, "reg", "str", "str" }, function(i, a)
  local re, repl, global = a[1], a[2], (a[3] or ""):find("g", 1, true)
  local s, out, pos = i.v, {}, 1
  while pos <= #s + 1 do
    local m = { re:find(s, pos) }
    if not m[1] then break end
    out[#out + 1] = s:sub(pos, m[1] - 1)
    out[#out + 1] = fmt.expand(s, m, repl)
    if m[2] < m[1] then -- empty match: copy one byte and move on
      out[#out + 1] = s:sub(m[1], m[1])
      pos = m[1] + 1
    else
      pos = m[2] + 1
    end
    if not global then break end
  end
  out[#out + 1] = s:sub(pos)
  return str(table.concat(out))
end)

-- HAProxy maps an IPv6 input to IPv4 before masking (v6tov4): ::ffff:a.b.c.d,
-- and since 2.9 ::a.b.c.d and 6to4's 2002:AABB:CCDD:: too (live); nil: no mapping.
local function v6tov4(b, rt)
  local w1, w2, w3, w4 = string.unpack(">I4I4I4I4", b)
  if w1 == 0 and w2 == 0 and w3 == 0xffff then return w4 end
  if not VER.has(rt, "v6tov4_compat") then return nil end
  if w1 == 0 and w2 == 0 and w3 == 0 then return w4 end
  if w1 >> 16 == 0x2002 then return ((w1 & 0xffff) << 16) | (w2 >> 16) end
  return nil
end

cdef("ipmask", "addr", { min = 1, "msk4", "msk6" }, function(i, a, s)
  local v4 = i.t == "ipv6" and v6tov4(fmt.parse_v6(i.v), s and s.rt or {})
  if v4 then i = { t = "ipv4", v = fmt.v4tostr(v4) } end
  if i.t == "ipv4" then
    return { t = "ipv4", v = fmt.v4tostr(fmt.parse_v4(i.v) & a[1]) }
  end
  if not a[2] then return nil end -- always, from Lua (see msk6 above)
  local b = fmt.parse_v6(i.v)
  local out = {}
  for k = 1, 16 do out[k] = sbyte(b, k) & sbyte(a[2], k) end
  return { t = "ipv6", v = fmt.v6tostr(schar(table.unpack(out))) }
end)

cdef("http_date", "sint", { min = 0, "sint", "str" }, function(i, a)
  local unit = UNITS[a[2] or "s"] or 1
  return str(fmt.format_imf(i.v // unit + (a[1] or 0)))
end)

local function time_fmt(utc)
  return function(i, a)
    return str(os.date((utc and "!" or "") .. a[1], i.v + (a[2] or 0)))
  end
end

cdef("ltime", "sint", { min = 1, "str", "sint" }, time_fmt(false))
cdef("utime", "sint", { min = 1, "str", "sint" }, time_fmt(true))
cdef("bool", "sint", NOARG, function(i) return bool(i.v ~= 0) end)
cdef("not", "sint", NOARG, function(i) return bool(i.v == 0) end)
cdef("odd", "sint", NOARG, function(i) return bool(i.v & 1 == 1) end)
cdef("even", "sint", NOARG, function(i) return bool(i.v & 1 == 0) end)
cdef("neg", "sint", NOARG, function(i) return sint(-i.v) end)
cdef("cpl", "sint", NOARG, function(i) return sint(~i.v) end)

-- Arithmetic takes "a variable name or an integer" given as a string.
local function var_or_int(s, v)
  local n = mtointeger(tonumber(v) or 0)
  if v:match("^%s*[-+]?%d+%s*$") then return n end
  local smp = s.vars_get(v)
  if not smp then return nil end
  local c = U.cast(smp, "sint", fmt)
  return c and c.v
end

local function arith(op)
  return function(i, a, s)
    local b = var_or_int(s, a[1])
    if b == nil then return nil end
    return op(i.v, b)
  end
end

cdef("add", "sint", { min = 1, "str" }, arith(function(x, y) return sint(x + y) end))
cdef("sub", "sint", { min = 1, "str" }, arith(function(x, y) return sint(x - y) end))
cdef("mul", "sint", { min = 1, "str" }, arith(function(x, y) return sint(x * y) end))
cdef("div", "sint", { min = 1, "str" }, arith(function(x, y)
  if y == 0 then return sint(math.maxinteger) end
  local q = x // y
  if (x % y ~= 0) and ((x < 0) ~= (y < 0)) then q = q + 1 end -- C truncation
  return sint(q)
end))

cdef("mod", "sint", { min = 1, "str" }, arith(function(x, y)
  if y == 0 then return sint(0) end
  return sint(math.fmod(x, y))
end))

cdef("and", "sint", { min = 1, "str" }, arith(function(x, y) return sint(x & y) end))
cdef("or", "sint", { min = 1, "str" }, arith(function(x, y) return sint(x | y) end))
cdef("xor", "sint", { min = 1, "str" }, arith(function(x, y) return sint(x ~ y) end))
cdef("strcmp", "str", { min = 1, "str" }, function(i, a, s)
  local v = s.vars_get(a[1])
  if not v then return nil end
  local o = U.smp2str(v)
  return sint(i.v < o and -1 or (i.v > o and 1 or 0))
end)

cdef("concat", "str", { min = 0, "str", "str", "str" }, function(i, a, s)
  local mid = ""
  if a[2] and a[2] ~= "" then
    local v = s.vars_get(a[2])
    mid = v and U.smp2str(v) or ""
  end
  return str(i.v .. (a[1] or "") .. mid .. (a[3] or "")) -- all appended after the input
end)

-- map_*(file[, default]): the default is an integer for map_*_int
for _, m in ipairs({ "map", "map_str", "map_beg", "map_sub", "map_dir", "map_dom", "map_end",
                     "map_reg", "map_regm", "map_int", "map_ip", "map_str_int", "map_str_ip" }) do
  cdef(m, "str", { min = 1, "map", m ~= "map_int" and m:match("_int$") and "sint" or "str" }, function() return nil end)
end

cdef("cut_crlf", "str", NOARG, function(i) return str((i.v:match("^[^\r\n]*"))) end)
cdef("ltrim", "str", { min = 1, "str" }, function(i, a)
  local set = {}
  for k = 1, #a[1] do set[sbyte(a[1], k)] = true end
  local p = 1
  while p <= #i.v and set[sbyte(i.v, p)] do p = p + 1 end
  return str(i.v:sub(p))
end)

cdef("rtrim", "str", { min = 1, "str" }, function(i, a)
  local set = {}
  for k = 1, #a[1] do set[sbyte(a[1], k)] = true end
  local p = #i.v
  while p >= 1 and set[sbyte(i.v, p)] do p = p - 1 end
  return str(i.v:sub(1, p))
end)

cdef("host_only", "str", NOARG, function(i)
  local v = i.v
  if v:sub(1, 1) == "[" then return str(v:match("^(%[[^%]]*%])") or v) end
  return str((v:gsub(":%d*$", "")))
end)

cdef("port_only", "str", NOARG, function(i)
  local p = i.v:match(":(%d+)$")
  return sint(p and tonumber(p) or 0)
end)

cdef("htonl", "sint", NOARG, function(i)
  return { t = "bin", v = string.pack(">I4", i.v & 0xffffffff) }
end)

cdef("iif", "bool", { min = 2, "str", "str" }, function(i, a)
  return str(i.v and a[1] or a[2])
end)

cdef("be2dec", "bin", { min = 2, "str", "sint", "sint" }, function(i, a)
  local sep, size, trunc = a[1], a[2], a[3] or 0
  if size < 1 or size > 8 then return nil end
  local out, b = {}, i.v
  for p = 1, #b, size do
    local chunk = b:sub(p, p + size - 1)
    if #chunk < size and trunc ~= 0 then break end
    local n = 0
    for k = 1, #chunk do n = (n << 8) | sbyte(chunk, k) end
    out[#out + 1] = sformat("%u", n)
  end
  return str(table.concat(out, sep))
end)

cdef("be2hex", "bin", { min = 1, "str", "sint", "sint" }, function(i, a)
  local sep, size, trunc = a[1] or "", a[2] or 1, a[3] or 0
  if size < 1 then size = 1 end
  local out, b = {}, i.v
  for p = 1, #b, size do
    local chunk = b:sub(p, p + size - 1)
    if #chunk < size and trunc ~= 0 then break end
    out[#out + 1] = (chunk:gsub(".", function(c) return sformat("%02X", sbyte(c)) end))
  end
  return str(table.concat(out, sep))
end)

cdef("add_item", "str", { min = 1, "str", "str", "str" }, function(i, a, s)
  local var = ""
  if a[2] and a[2] ~= "" then
    local v = s.vars_get(a[2])
    var = v and U.smp2str(v) or ""
  end
  local suff = a[3] or ""
  local delim = (i.v ~= "" and (var ~= "" or suff ~= "")) and a[1] or ""
  return str(i.v .. delim .. var .. suff)
end)

cdef("secure_memcmp", "str", { min = 1, "str" }, function(i, a, s)
  local v = s.vars_get(a[1])
  if not v then return nil end -- no variable: no sample (live)
  return bool(U.smp2str(v) == i.v)
end)

-- set-var(name[, cond...]): the input is stored and passed on only when
-- every condition holds; otherwise there is no sample (live).
local CONDS = {
  ifexists = function(old) return old ~= nil end,
  ifnotexists = function(old) return old == nil end,
  ifset = function(old) return old ~= nil end,
  ifnotset = function(old) return old == nil end,
  ifempty = function(_, new) return (new.t == "str" or new.t == "bin") and new.v == "" end,
  ifnotempty = function(_, new) return not ((new.t == "str" or new.t == "bin") and new.v == "") end,
  ifgt = function(old, new)
    if not (old and old.t == "sint" and new.t == "sint") then return true end
    return old.v > new.v
  end,
  iflt = function(old, new)
    if not (old and old.t == "sint" and new.t == "sint") then return true end
    return old.v < new.v
  end,
}

cdef("set_var", "any", { min = 1, "str", "str", "str", "str", "str" }, function(i, a, s)
  local old = V.get(s, a[1])
  for k = 2, 5 do
    local cond = a[k] and CONDS[a[k]]
    if a[k] and not cond then return K.bad_args(sformat('unknown condition "%s"', a[k])) end
    if cond and not cond(old, i) then return nil end
  end
  V.set(s, a[1], i)
  return i
end)

cdef("unset_var", "any", { min = 1, "str" }, function(i, a, s)
  V.unset(s, a[1])
  return i
end)

C["set-var"], C["unset-var"] = C.set_var, C.unset_var -- their configuration names

cdef("json_query", "str", { min = 1, "str", "str" }, function(i, a)
  return json_query(i.v, a[1], a[2])
end)

local function jwt_part(n)
  return function(i, a)
    local part = select(n, i.v:match("^([^.]*)%.([^.]*)%.?([^.]*)$"))
    if not part then return nil end
    local dec = K.hash_fn("ub64dec")(part)
    if not dec then return nil end
    if not a[1] then return nil end -- from Lua the path is not optional (live)
    return json_query(dec, a[1], a[2])
  end
end

cdef("jwt_header_query", "str", { min = 0, "str", "str" }, jwt_part(1))
cdef("jwt_payload_query", "str", { min = 0, "str", "str" }, jwt_part(2))
cdef("debug", "any", { min = 0, "str", "str" }, function(i) return i end)

-- language(values[, default]): the Accept-Language entry with the highest
-- q among `values` (";"-separated). Checked live: names compare
-- case-sensitively, "*" is not special, q=0 drops an entry, an unreadable
-- q counts as 1, ties go to the first entry of the header.
cdef("language", "str", { min = 1, "str", "str" }, function(i, a)
  local wanted = {}
  for v in (a[1] .. ";"):gmatch("([^;]*);") do if v ~= "" then wanted[v] = true end end
  local best, best_q
  for item in (i.v .. ","):gmatch("([^,]*),") do
    local lang, params = item:match("^%s*([^;%s]*)%s*(.*)$")
    local q = 1
    local qs = params:match("^;%s*q%s*=%s*([^%s;]*)")
    if qs and qs:match("^[01]%.?%d*$") then q = tonumber(qs) end
    if lang ~= "" and q > 0 and wanted[lang] and (not best_q or q > best_q) then
      best, best_q = lang, q
    end
  end
  return str(best or a[2])
end)

for _, m in ipairs({ "beg", "dir", "dom", "end", "int", "ip", "reg", "str", "sub" }) do
  for _, suffix in ipairs({ "_int", "_ip" }) do
    C["map_" .. m .. suffix] = { name = "map_" .. m .. suffix, input = "str",
                                 spec = { min = 1, "map", suffix == "_int" and "sint" or "str" },
                                 fn = function() return nil end }
  end
end

cdef("fix_is_valid", "bin", K.NOARG, function(i)
  local r = fix_validate(i.v)
  if r == 0 then return nil end
  return bool(r == 1)
end)

cdef("fix_tag_value", "bin", { min = 1, "str" }, function(i, a)
  local tag = a[1]
  local id = fix_id(tag) or FIX_NAMES[tag:lower()]
  if not id then return K.bad_args(sformat("Unknown FIX tag name '%s'", tag)) end
  local v = fix_value(i.v, id)
  return v and bin(v) or nil
end)

cdef("mqtt_is_valid", "bin", K.NOARG, function(i)
  local r = mqtt_parse(i.v)
  if r == 0 then return nil end
  return bool(r == 1)
end)

cdef("mqtt_field_value", "bin", { min = 2, "str", "str" }, function(i, a)
  local ptype = mqtt_type(a[1])
  local field = a[2]:lower()
  if not ptype then return K.bad_args(sformat("Unknown MQTT type '%s'", a[1])) end
  if not MQTT_FIELDS[ptype][field] then
    return K.bad_args(sformat("Unknown MQTT field name '%s' for packet type '%s'", a[2], a[1]))
  end
  local r, pkt = mqtt_parse(i.v)
  if r ~= 1 or pkt.type ~= ptype then return nil end
  return bin(mqtt_value(pkt, field))
end)

-- 2.6's Lua binding has no conversion for a "Protocol buffers field
-- number" argument: both converters always raise from Lua (live).
cdef("protobuf", "bin", { min = 1, "pbuf", "str" }, function() return nil end)
cdef("ungrpc", "bin", { min = 1, "pbuf", "str" }, function() return nil end)

-- Arguments that may name a variable ("txn.x"): HAProxy turns them into
-- variable references when the name parses, and reads them at run time.
local function var_or_literal(s, v)
  if V.parse(v) then
    local smp = V.get(s, v)
    if not smp then return nil, "var" end
    return U.smp2str(smp), "var"
  end
  return v
end

local AES_ARGS = { "bits", "nonce", "key", "aead_tag" }

cdef("aes_gcm_dec", "bin", { min = 4, "sint", "str", "str", "str" }, function(i, a, s)
  if a[1] ~= 128 and a[1] ~= 192 and a[1] ~= 256 then
    return K.bad_args("key size must be 128, 192 or 256 (bits).")
  end
  for k = 2, 4 do
    local ok, why = b64_literal_ok(s, "aes_gcm_dec", AES_ARGS[k], a[k])
    if not ok then return K.bad_args(why) end
  end
  local dec = {}
  for k = 2, 4 do
    dec[k] = b64_value(s, a[k])
    if not dec[k] then return nil end
  end
  return bin(native.aes_gcm_dec(a[1], dec[2], dec[3], dec[4], i.v))
end)

local JWT_DIGEST = { ["256"] = "sha256", ["384"] = "sha384", ["512"] = "sha512" }

local function jwt_alg(alg)
  local fam, bits = alg:match("^([HREP]S)(%d%d%d)$")
  if fam and JWT_DIGEST[bits] then return fam, JWT_DIGEST[bits] end
  if alg == "none" then return "none" end
  return nil
end

cdef("jwt_verify", "bin", { min = 2, "str", "str" }, function(i, a, s)
  -- literal algorithms are checked first (HAProxy's argument check)
  if not V.parse(a[1]) then
    local fam = jwt_alg(a[1])
    if not fam then return K.bad_args("unknown JWT algorithm: " .. a[1]) end
    if fam == "PS" and not VER.has(s.rt, "jwt_ps") then return K.bad_args() end
  end
  local alg = var_or_literal(s, a[1])
  local key = var_or_literal(s, a[2])
  if alg == nil or key == nil then return nil end
  local fam, digest = jwt_alg(alg)
  if not fam then return K.sint(-1) end
  local parts = {}
  for part in (i.v .. "."):gmatch("([^.]*)%.") do parts[#parts + 1] = part end
  -- "none": a two-part token passes, a signed one fails (live)
  if fam == "none" then return K.sint(#parts == 2 and 1 or (#parts == 3 and 0 or -3)) end
  if #parts ~= 3 then return K.sint(-3) end
  local h, p, sig = parts[1], parts[2], parts[3]
  local raw = sig ~= "" and K.hash_fn("ub64dec")(sig)
  if not raw then return K.sint(-3) end
  if fam == "PS" and not VER.has(s.rt, "jwt_ps") then return K.sint(-2) end
  local signed = h .. "." .. p
  if fam == "HS" then
    local mac = K.hash_fn("hmac")(digest, key, signed)
    return K.sint(mac == raw and 1 or 0)
  end
  local f = io.open(key, "rb")
  local pem = f and f:read("a")
  if f then f:close() end
  local r = pem and native.pkey_verify(digest, pem, signed, raw, fam == "ES" or (fam == "PS" and "pss"))
  if r == nil then return K.sint(-5) end
  return K.sint(r)
end)

cdef("nbsrv", "str", K.NOARG, function(i, _, s)
  local px = backend_of(s, i.v)
  if not px then return nil end
  return K.sint(K.nbsrv(px))
end)

-- "backend/server"; a bare server name needs the stream's backend, which
-- a frontend rule does not have yet (live: no sample)
cdef("srv_queue", "str", K.NOARG, function(i, _, s)
  local bname, sname = i.v:match("^([^/]*)/(.*)$")
  if not bname then return nil end
  local px = backend_of(s, bname)
  local sv = px and px.servers and px.servers[sname]
  return sv and K.sint(sv.queue or 0) or nil
end)

-- no capture slot is declared in a harness: the capture fails silently
cdef("capture-req", "str", { min = 1, "sint" }, function() return nil end)
cdef("capture-res", "str", { min = 1, "sint" }, function() return nil end)
