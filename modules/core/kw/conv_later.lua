-- Converters HAProxy added after 2.6, each a method of txn.c / txn.sc only
-- in a runtime emulating a version that has it (the `since` field names a
-- feature of state/versions.lua; kw/samples.lua leaves the others out, so a
-- script calls a nil method as it would in the older HAProxy). Behaviour as
-- docs/versions.md §5 records it, checked against 2.8.0, 3.0.0 and 3.2.0
-- (spec/integration/core_conv_new_haproxy_spec.lua).
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local VER = require "proxylua.core.state.versions"
local V = require "proxylua.core.stream.vars"
local native = require "proxylua.core_native"
local K = require "proxylua.core.kw.vocab"
local RFC = require "proxylua.core.kw.parse_rfc7239"

local sformat, sbyte = string.format, string.byte
local str, sint = K.str, K.sint
local NOARG = K.NOARG

local function later(feature, name, input, spec, fn)
  K.cdef(name, input, spec, fn)
  K.C[name].since = feature
end

-- A validator's refusal: "error in arguments", with its reason from 3.2 on.
local function arg_error(s, why)
  if s and s.rt and VER.has(s.rt, "arg_error_details") then
    return nil, "error in arguments: " .. why
  end
  return nil, "error in arguments"
end

-- An unsigned 64-bit integer in decimal (C's %llu).
local function u64(n)
  if n >= 0 then return sformat("%d", n) end
  local q = (n >> 1) // 5
  return sformat("%d%d", q, n - q * 10)
end

----------------------------------------------------------------------------
-- 2.8

-- param(name[, delim]): the value of the first `name=value` segment, ""
-- for a bare `name`, no sample when absent. The scan compares `name` at
-- the start of each segment and looks at the byte right after it, so a
-- name holding the delimiter can match across segments (as in HAProxy).
later("conv_208", "param", "str", { min = 1, "str", "str" }, function(i, a, s)
  local delim = a[2]
  if delim and #delim ~= 1 then return arg_error(s, "Delimiter must be exactly 1 character.") end
  delim = delim or "&"
  local v, name = i.v, a[1]
  local n, len, pos = #name, #v, 1
  while pos <= len do
    local after = pos + n -- the byte after the name
    if after > len + 1 then break end
    local c = v:sub(after, after)
    if after == len + 1 or c == delim then
      if v:sub(pos, after - 1) == name then return str("") end
      pos = after + 1
    elseif c == "=" and v:sub(pos, after - 1) == name then
      local stop = v:find(delim, after + 1, true)
      return str(v:sub(after + 1, (stop or len + 1) - 1))
    else
      local nxt = v:find(delim, pos, true)
      if not nxt then break end
      pos = nxt + 1
    end
  end
  return nil
end)

later("conv_208", "rfc7239_is_valid", "str", NOARG, function(i)
  return K.bool(RFC.validate(i.v) ~= nil)
end)

local FIELDS = { proto = true, host = true, ["for"] = true, by = true }

later("conv_208", "rfc7239_field", "str", { min = 1, "str" }, function(i, a)
  if not FIELDS[a[1]] then return nil end
  local h = RFC.validate(i.v)
  return h and str(h[a[1]]) or nil
end)

-- A node ("for"/"by" value without quotes): its name as an address or a
-- string, its port as an integer or a string; what follows the node is
-- ignored.
later("conv_208", "rfc7239_n2nn", "str", NOARG, function(i)
  local node = RFC.node(i.v, 1, true)
  if not node then return nil end
  if node.name_type == "ipv4" or node.name_type == "ipv6" then
    return { t = node.name_type, v = node.name }
  end
  return str(node.name)
end)

later("conv_208", "rfc7239_n2np", "str", NOARG, function(i)
  local node = RFC.node(i.v, 1, true)
  if not node or node.port == nil then return nil end
  if math.type(node.port) == "integer" then return sint(node.port) end
  return str(node.port)
end)

-- The X509_V_ERR_* names of the OpenSSL (3.0) these versions were built
-- with, by code; an unknown code prints as an unsigned 64-bit number.
local X509_NAMES = {
  [0] = "OK", "UNSPECIFIED", "UNABLE_TO_GET_ISSUER_CERT", "UNABLE_TO_GET_CRL",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE", "UNABLE_TO_DECRYPT_CRL_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", "CERT_SIGNATURE_FAILURE", "CRL_SIGNATURE_FAILURE",
  "CERT_NOT_YET_VALID", "CERT_HAS_EXPIRED", "CRL_NOT_YET_VALID", "CRL_HAS_EXPIRED",
  "ERROR_IN_CERT_NOT_BEFORE_FIELD", "ERROR_IN_CERT_NOT_AFTER_FIELD",
  "ERROR_IN_CRL_LAST_UPDATE_FIELD", "ERROR_IN_CRL_NEXT_UPDATE_FIELD", "OUT_OF_MEM",
  "DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "CERT_CHAIN_TOO_LONG", "CERT_REVOKED", "NO_ISSUER_PUBLIC_KEY", "PATH_LENGTH_EXCEEDED",
  "INVALID_PURPOSE", "CERT_UNTRUSTED", "CERT_REJECTED", "SUBJECT_ISSUER_MISMATCH",
  "AKID_SKID_MISMATCH", "AKID_ISSUER_SERIAL_MISMATCH", "KEYUSAGE_NO_CERTSIGN",
  "UNABLE_TO_GET_CRL_ISSUER", "UNHANDLED_CRITICAL_EXTENSION", "KEYUSAGE_NO_CRL_SIGN",
  "UNHANDLED_CRITICAL_CRL_EXTENSION", "INVALID_NON_CA", "PROXY_PATH_LENGTH_EXCEEDED",
  "KEYUSAGE_NO_DIGITAL_SIGNATURE", "PROXY_CERTIFICATES_NOT_ALLOWED", "INVALID_EXTENSION",
  "INVALID_POLICY_EXTENSION", "NO_EXPLICIT_POLICY", "DIFFERENT_CRL_SCOPE",
  "UNSUPPORTED_EXTENSION_FEATURE", "UNNESTED_RESOURCE", "PERMITTED_VIOLATION",
  "EXCLUDED_VIOLATION", "SUBTREE_MINMAX", "APPLICATION_VERIFICATION",
  "UNSUPPORTED_CONSTRAINT_TYPE", "UNSUPPORTED_CONSTRAINT_SYNTAX", "UNSUPPORTED_NAME_SYNTAX",
  "CRL_PATH_VALIDATION_ERROR", "PATH_LOOP", "SUITE_B_INVALID_VERSION",
  "SUITE_B_INVALID_ALGORITHM", "SUITE_B_INVALID_CURVE", "SUITE_B_INVALID_SIGNATURE_ALGORITHM",
  "SUITE_B_LOS_NOT_ALLOWED", "SUITE_B_CANNOT_SIGN_P_384_WITH_P_256", "HOSTNAME_MISMATCH",
  "EMAIL_MISMATCH", "IP_ADDRESS_MISMATCH", "DANE_NO_MATCH", "EE_KEY_TOO_SMALL",
  "CA_KEY_TOO_SMALL", "CA_MD_TOO_WEAK", "INVALID_CALL", "STORE_LOOKUP", "NO_VALID_SCTS",
  "PROXY_SUBJECT_NAME_VIOLATION", "OCSP_VERIFY_NEEDED", "OCSP_VERIFY_FAILED",
  "OCSP_CERT_UNKNOWN", "UNSUPPORTED_SIGNATURE_ALGORITHM", "SIGNATURE_ALGORITHM_MISMATCH",
  "SIGNATURE_ALGORITHM_INCONSISTENCY", "INVALID_CA", "PATHLEN_INVALID_FOR_NON_CA",
  "PATHLEN_WITHOUT_KU_KEY_CERT_SIGN", "KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA",
  "ISSUER_NAME_EMPTY", "SUBJECT_NAME_EMPTY", "MISSING_AUTHORITY_KEY_IDENTIFIER",
  "MISSING_SUBJECT_KEY_IDENTIFIER", "EMPTY_SUBJECT_ALT_NAME", "EMPTY_SUBJECT_SAN_NOT_CRITICAL",
  "CA_BCONS_NOT_CRITICAL", "AUTHORITY_KEY_IDENTIFIER_CRITICAL",
  "SUBJECT_KEY_IDENTIFIER_CRITICAL", "CA_CERT_MISSING_KEY_USAGE",
  "EXTENSIONS_REQUIRE_VERSION_3", "EC_KEY_EXPLICIT_PARAMS",
}

later("conv_208", "x509_v_err_str", "sint", NOARG, function(i)
  -- the code is looked up as a C int: the low 32 bits, signed
  local code = i.v & 0xffffffff
  if code >= 0x80000000 then code = code - 0x100000000 end
  local name = X509_NAMES[code]
  if name then return str(code == 0 and "X509_V_OK" or "X509_V_ERR_" .. name) end
  return str(u64(i.v))
end)

----------------------------------------------------------------------------
-- 3.0

-- A nonce or key argument: a variable name (read and decoded at run time;
-- no sample when unset or undecodable) or base64 decoded at check time
-- (a refusal then). HAProxy's base64 wants whole quads, padding only last.
local function b64(v)
  if #v % 4 ~= 0 or not v:match("^[%w+/]*=?=?$") then return nil end
  return K.hash_fn("b64dec")(v)
end

local function crypto_arg(s, v, what)
  if V.parse(v) then
    local smp = V.get(s, v)
    local dec = smp and b64(U.smp2str(smp))
    return dec or false
  end
  if v == "" then return v end
  local dec = b64(v)
  if not dec then
    return nil, "failed to parse " .. what .. " : argument needs to be base64 encoded, "
      .. "and can either be a string or a variable"
  end
  return dec
end

-- Why HAProxy (3.2's words) refuses a variable name.
local function var_name_error(name)
  if name == "" then return "Empty variable name cannot be accepted" end
  local rest
  for _, scope in ipairs({ "proc", "sess", "txn", "req", "res", "check" }) do
    if #name > #scope + 1 and name:sub(1, #scope + 1) == scope .. "." then rest = #scope + 2 break end
  end
  if not rest then
    return "invalid variable name '" .. name .. "'. A variable name must be start by its scope. "
      .. "The scope can be 'proc', '(p)sess', '(p)txn', '(p)req', '(p)res' or 'check'"
  end
  local bad = name:find("[^%w_%.]", rest)
  return "invalid syntax at char '" .. name:sub(bad or rest) .. "'"
end

-- 3.0.0 formats these refusals from a reason Lua calls do not collect:
-- the process dies (segfault, live).
local function crypto_arg_error(s, why)
  if s and s.rt and VER.has(s.rt, "aes_arg_crash") then
    require("proxylua.core.exec.executor").die(s.rt, "txn.c:aes_gcm_enc() with a refused nonce, key "
      .. "or aead_tag argument: HAProxy " .. VER.name(s.rt.version) .. " crashes here (segmentation "
      .. "fault while wording the argument error)")
  end
  return arg_error(s, why)
end

later("conv_300", "aes_gcm_enc", "bin", { min = 4, "sint", "str", "str", "str" }, function(i, a, s)
  local bits = a[1]
  if bits ~= 128 and bits ~= 192 and bits ~= 256 then
    return arg_error(s, "key size must be 128, 192 or 256 (bits).")
  end
  local nonce, err = crypto_arg(s, a[2], "nonce")
  if nonce == nil then return crypto_arg_error(s, err) end
  local key
  key, err = crypto_arg(s, a[3], "key")
  if key == nil then return crypto_arg_error(s, err) end
  if not V.parse(a[4]) then return crypto_arg_error(s, "failed to parse aead_tag : " .. var_name_error(a[4])) end
  if not nonce or not key then return nil end
  local ct, tag = native.aes_gcm_enc(bits, nonce, key, i.v)
  if not ct then return nil end
  -- the tag goes to its variable base64-encoded; if it cannot be set
  -- (res.* while the request is processed) there is no result
  if not V.set(s, a[4], str(K.hash_fn("base64")(tag))) then return nil end
  return K.bin(ct)
end)

-- Time converters over milliseconds or microseconds: the integer part
-- goes to strftime, %N (optional width, at most 9) to the fraction in
-- nanoseconds, printed as an unsigned number of at least 9 digits.
local function with_ns(format, ns)
  local digits = sformat("%09d", ns)
  if ns < 0 then digits = u64(ns):sub(1, 9) end
  local out, p = {}, 1
  while true do
    local pct = format:find("%", p, true)
    if not pct then break end
    local q = pct + 1
    while q <= #format and sbyte(format, q) >= 48 and sbyte(format, q) <= 57 do q = q + 1 end
    if format:sub(q, q) == "N" then
      local w = q > pct + 1 and (tonumber(format:sub(pct + 1, q - 1)) or 9) or 9
      if w > 9 then w = 9 end
      out[#out + 1] = format:sub(p, pct - 1) .. digits:sub(1, w)
      p = q + 1
    else
      -- not a %N: look again from the byte that ended the digits
      out[#out + 1] = format:sub(p, q - 1)
      p = q
    end
  end
  out[#out + 1] = format:sub(p)
  return table.concat(out)
end

local function sub_second(per_s, utc)
  local ns_per_unit = 1000000000 // per_s
  return function(i, a)
    -- C division: truncated toward zero, the remainder keeps the sign
    local secs = i.v // per_s
    local rem = math.fmod(i.v, per_s)
    if rem ~= 0 and i.v < 0 then secs = secs + 1 end
    secs = secs + (a[2] or 0)
    local format = a[1]:match("^[^\0]*")
    if format:find("%", 1, true) then format = with_ns(format, rem * ns_per_unit) end
    return str(native.strftime(format, secs, utc) or "")
  end
end

later("conv_300", "ms_ltime", "sint", { min = 1, "str", "sint" }, sub_second(1000, false))
later("conv_300", "ms_utime", "sint", { min = 1, "str", "sint" }, sub_second(1000, true))
later("conv_300", "us_ltime", "sint", { min = 1, "str", "sint" }, sub_second(1000000, false))
later("conv_300", "us_utime", "sint", { min = 1, "str", "sint" }, sub_second(1000000, true))

----------------------------------------------------------------------------
-- 3.2

-- rfc7239_nn / rfc7239_np: build a node name or port. A string becomes an
-- obfuscated identifier ("_" + the string, which must use the RFC's
-- characters); an empty name is "unknown", an empty port nothing.
local function obfuscated(v)
  if v == "" or v:find("[^%w%._%-]") then return nil end
  return str("_" .. v)
end

later("conv_302", "rfc7239_nn", "any", NOARG, function(i)
  if i.t == "ipv4" then return str(i.v) end
  if i.t == "ipv6" then return str("[" .. fmt.v6tostr(fmt.parse_v6(i.v)) .. "]") end
  local v = U.smp2str(i)
  if v == "" then return str("unknown") end
  return obfuscated(v)
end)

later("conv_302", "rfc7239_np", "any", NOARG, function(i)
  if i.t == "sint" then return str(sformat("%d", i.v & 0xffffffff)) end
  return obfuscated(U.smp2str(i))
end)

-- date: an HTTP date (IMF-fixdate, RFC 850 or asctime; exact spacing and
-- case, what follows is ignored) to epoch seconds, with HAProxy's own
-- timegm: fields are not range-checked, and a year before 1970 wraps its
-- day count as a 32-bit unsigned number.
local DAYS = { Mon = true, Tue = true, Wed = true, Thu = true, Fri = true, Sat = true, Sun = true }
local LONG_DAYS = { Monday = true, Tuesday = true, Wednesday = true, Thursday = true,
                    Friday = true, Saturday = true, Sunday = true }
local MONTHS = { Jan = 0, Feb = 1, Mar = 2, Apr = 3, May = 4, Jun = 5, Jul = 6, Aug = 7,
                 Sep = 8, Oct = 9, Nov = 10, Dec = 11 }
local MONTH_EXTRA = { [0] = 0, 3, 3, 6, 8, 11, 13, 16, 19, 21, 24, 26 } -- days past 28 per month before

local function days_since_zero(y)
  return y * 365 + (y + 399) // 4 - (y + 399) // 100 + (y + 399) // 400 - 96
end

local function epoch(y, mon, d, h, mi, sec)
  local days = (days_since_zero(y) - days_since_zero(1970)) & 0xffffffff
  days = days + 28 * mon + MONTH_EXTRA[mon] + d - 1
  if mon > 1 and y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0) then days = days + 1 end
  return days * 86400 + h * 3600 + mi * 60 + sec
end

local function num(...)
  local out = {}
  for k, v in ipairs({ ... }) do out[k] = tonumber(v) end
  return table.unpack(out)
end

local function http_date(v)
  local dn, d, mon, y, h, mi, sec = v:match("^(%a%a%a), (%d%d) (%a%a%a) (%d%d%d%d) (%d%d):(%d%d):(%d%d) GMT")
  if dn and DAYS[dn] and MONTHS[mon] then
    return epoch(num(y), MONTHS[mon], num(d, h, mi, sec))
  end
  local ld, rest
  ld, d, mon, y, rest = v:match("^(%a+), (%d%d)%-(%a%a%a)%-(%d%d)(.*)$")
  if ld and LONG_DAYS[ld] and MONTHS[mon] then
    local y2, tail = rest:match("^(%d%d)( .*)$")
    y = num(y)
    if y2 then y, rest = y * 100 + num(y2), tail
    elseif y <= 60 then y = y + 2000 else y = y + 1900 end
    h, mi, sec = rest:match("^ (%d%d):(%d%d):(%d%d) GMT")
    if h then return epoch(y, MONTHS[mon], num(d, h, mi, sec)) end
  end
  local sp
  dn, mon, sp, d, h, mi, sec, y = v:match("^(%a%a%a) (%a%a%a) ( ?)(%d%d?) (%d%d):(%d%d):(%d%d) (%d%d%d%d)")
  if dn and DAYS[dn] and MONTHS[mon] and (#sp + #d == 2) then
    return epoch(num(y), MONTHS[mon], num(d, h, mi, sec))
  end
  return nil
end

later("conv_302", "date", "str", NOARG, function(i)
  return sint(http_date(i.v))
end)

-- when(cond[, acl]): the input when the condition holds. From Lua there is
-- no proxy to look an ACL up in, so "acl" is refused.
local WHEN = { "stopping", "normal", "error", "forwarded", "toapplet", "processed", "acl" }
local WHEN_SET = {}
for _, w in ipairs(WHEN) do WHEN_SET[w] = true end

local function when_holds(s, cond)
  local res = s.dir == "res"
  if cond == "stopping" then return false end -- as the `stopping` fetch: never while a spec runs
  if cond == "error" or cond == "normal" then
    local st = s.mode == "http" and s.http_res and s.http_res.status
    local err = s.redispatched or (st and st >= 500) or false
    if cond == "normal" then return not err end
    return err
  end
  if cond == "forwarded" then return res and not s.applet end
  if cond == "toapplet" then return s.applet ~= nil end
  if cond == "processed" then return res or s.applet ~= nil end
  return false
end

later("conv_302", "when", "any", { min = 1, "str", "str", "str" }, function(i, a, s)
  local neg, kw = a[1]:match("^(!?)(.*)$")
  if not WHEN_SET[kw] then
    return arg_error(s, "expects a supported keyword among {" .. table.concat(WHEN, ",")
      .. "} but got '" .. kw .. "'")
  end
  if kw == "acl" then
    if not a[2] or a[2] == "" then
      return arg_error(s, "'acl' selector requires an extra argument with the ACL name")
    end
    return arg_error(s, "'acl' selector may only be used in the context of a proxy")
  end
  local ok = when_holds(s, kw)
  if neg == "!" then ok = not ok end
  return ok and i or nil
end)
