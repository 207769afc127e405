-- Sample fetches and converters of the emulated state: HAProxy keywords with
-- their argument specs, computed from the stream description, and the
-- Fetches / Converters classes behind txn.f, txn.sf, txn.c, txn.sc
-- (runtime.md 3.2, 3.3; hashes.md 1).
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local msg = require "proxylua.core.stream.message"
local native = require "proxylua.core_native"
local V = require "proxylua.core.stream.vars"

local type, select, tostring, ipairs = type, select, tostring, ipairs
local sformat, sbyte, schar = string.format, string.byte, string.char
local mtointeger = math.tointeger

local S = {}

local function str(v) return v ~= nil and { t = "str", v = v } or nil end
local function sint(v) return v ~= nil and { t = "sint", v = v } or nil end
local function bool(v) return { t = "bool", v = v and true or false } end
local function addr(v)
  if v == nil then return nil end
  if fmt.parse_v4(v) then return { t = "ipv4", v = v } end
  return { t = "ipv6", v = v }
end

----------------------------------------------------------------------------
-- Fetch keywords. spec = { min = mandatory args, types... }; http = needs
-- the HTTP parser (refused from services); fn(stream, args) -> sample | nil.

local F = {}
S.fetches = F

-- Once the response is being processed the request's HTX data is gone:
-- request-content fetches have no value there (live: path, req.hdr, url...
-- are nil in http-response rules; method, kept in the transaction, works).
local function reqmsg(s) return s.mode == "http" and s.dir ~= "res" and s.http_req or nil end
local function resmsg(s) return s.mode == "http" and s.http_res or nil end

local function def(name, spec, fn, http) F[name] = { name = name, spec = spec, fn = fn, http = http } end
local NOARG = { min = 0 }

def("src", NOARG, function(s) return addr(s.src) end)
def("src_port", NOARG, function(s) return sint(s.src_port) end)
def("dst", NOARG, function(s) return addr(s.dst) end)
def("dst_port", NOARG, function(s) return sint(s.dst_port) end)
def("fe_name", NOARG, function(s) return str(s.frontend) end)
def("fe_id", NOARG, function(s) return sint(s.fe_id) end)
def("be_name", NOARG, function(s) return str(s.backend) end)
def("be_id", NOARG, function(s) return sint(s.be_id) end)
def("srv_name", NOARG, function(s) return str(s.server) end)
def("ssl_fc", NOARG, function(s) return bool(s.ssl) end)
def("ssl_fc_has_sni", NOARG, function(s) return bool(s.ssl and s.sni) end)
def("ssl_fc_sni", NOARG, function(s) return s.ssl and str(s.sni) or nil end)
def("ssl_fc_alpn", NOARG, function(s) return s.ssl and str(s.alpn) or nil end)
def("ssl_fc_protocol", NOARG, function(s) return s.ssl and str(s.ssl_protocol or "TLSv1.3") or nil end)
def("ssl_c_used", NOARG, function(s) return bool(s.ssl and s.client_cert) end)
def("always_true", NOARG, function() return bool(true) end)
def("always_false", NOARG, function() return bool(false) end)
def("int", { min = 1, "sint" }, function(_, a) return sint(a[1]) end)
def("str", { min = 1, "str" }, function(_, a) return str(a[1]) end)
def("bin", { min = 1, "str" }, function(_, a)
  local h = a[1]
  if #h % 2 == 1 or h:find("[^%x]") then return nil, "error in arguments" end
  return { t = "bin", v = (h:gsub("%x%x", function(x) return schar(tonumber(x, 16)) end)) }
end)
-- bool("true"|"false"|"1"|"0"), case-insensitive; anything else is refused
-- by the argument check (live)
local BOOLS = { ["true"] = true, ["1"] = true, ["false"] = false, ["0"] = false }
def("bool", { min = 1, "str" }, function(_, a)
  local v = BOOLS[a[1]:lower()]
  if v == nil then return nil, "error in arguments" end
  return bool(v)
end)
def("meth", { min = 1, "str" }, function(_, a) return { t = "meth", v = a[1] } end)
def("ipv4", { min = 1, "ipv4" }, function(_, a) return { t = "ipv4", v = a[1] } end)
def("ipv6", { min = 1, "ipv6" }, function(_, a) return { t = "ipv6", v = a[1] } end)
def("env", { min = 1, "str" }, function(s, a) return str((s.env or os.getenv)(a[1])) end)
def("hostname", NOARG, function(s) return str(s.hostname or "localhost") end)
def("nbproc", NOARG, function() return sint(1) end)
def("thread", NOARG, function(s) return sint(math.max(0, s.rt.thread - 1)) end)
def("var", { min = 1, "str", "str" }, function(s, a)
  if not V.parse(a[1]) then return nil, "error in arguments" end -- not a variable name
  local v = s.vars_get(a[1])
  if v == nil and a[2] ~= nil then return str(a[2]) end
  return v
end)

local UNITS = { s = 1, ms = 1000, us = 1000000 }
def("date", { min = 0, "sint", "str" }, function(s, a)
  if a[2] and not UNITS[a[2]] then return nil, "error in arguments" end
  local sec, usec = s.rt.sched:now()
  local mul = UNITS[a[2] or "s"] or 1
  local t = sec * mul + (mul == 1 and 0 or (usec * mul // 1000000))
  return sint(t + (a[1] or 0) * mul)
end)
def("rand", { min = 0, "sint" }, function(_, a)
  local r = math.random(0, 0xffffffff)
  if a[1] then r = (r * a[1]) >> 32 end
  return sint(r)
end)
def("uuid", { min = 0, "sint" }, function(_, a)
  if a[1] and a[1] ~= 4 then return nil, "error in arguments" end -- only version 4 in 2.6
  local b = {}
  for i = 1, 16 do b[i] = math.random(0, 255) end
  b[7] = (b[7] & 0x0f) | 0x40
  b[9] = (b[9] & 0x3f) | 0x80
  return str(sformat("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
    table.unpack(b)))
end)

-- HTTP request
def("method", NOARG, function(s)
  local m = s.mode == "http" and s.http_req
  return m and { t = "meth", v = m.method } or nil
end, true)
def("path", NOARG, function(s)
  local m = reqmsg(s)
  return m and str((msg.split_uri(m.uri)))
end, true)
def("pathq", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  local p, q = msg.split_uri(m.uri)
  return p and str(p .. (q and ("?" .. q) or ""))
end, true)
def("query", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  local _, q = msg.split_uri(m.uri)
  return str(q)
end, true)
def("url", NOARG, function(s) local m = reqmsg(s); return m and str(m.uri) end, true)
def("base", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  local p = msg.split_uri(m.uri) or ""
  local host = msg.get(m, "host")[1]
  return str((host or "") .. p)
end, true)
def("req.ver", NOARG, function(s) local m = reqmsg(s); return m and str(m.version) end, true)
F.req_ver = F["req.ver"]
-- Parameters start after the first '?' (or <delim> when given) and end
-- before '&', ';' or <delim>; names are case-sensitive.
def("url_param", { min = 0, "str", "str" }, function(s, a)
  local m = reqmsg(s)
  if not m then return nil end
  local d = a[2] and a[2] ~= "" and a[2]:sub(1, 1) or "?"
  local start = m.uri:find(d, 1, true)
  if not start then return nil end
  local q = m.uri:sub(start + 1)
  local seps = "[&;" .. d:gsub("%p", "%%%0") .. "]"
  for part in (q .. "&"):gmatch("(.-)" .. seps) do
    local k, v = part:match("^([^=]*)=(.*)$") -- a name without '=' has no value
    if k and k ~= "" and (a[1] == nil or k == a[1]) then return str(v) end
  end
  return nil
end, true)
F.urlp = F.url_param

local function hdr_fetch(which, full)
  return function(s, a)
    local m = which(s)
    if not m or a[1] == nil then return nil end
    local list = full and msg.get(m, a[1]) or msg.values(m, a[1])
    return str(msg.pick(list, a[2]))
  end
end
local function hdr_cnt(which, full)
  return function(s, a)
    local m = which(s)
    if not m then return nil end
    local list
    if a[1] == nil then -- every header; hdr_cnt counts comma-separated values
      list = {}
      for _, h in ipairs(m.headers) do
        local vals = full and { h[2] } or msg.split(h[2])
        for _, v in ipairs(vals) do list[#list + 1] = v end
      end
    else
      list = full and msg.get(m, a[1]) or msg.values(m, a[1])
    end
    return sint(#list)
  end
end
local HDRSPEC = { min = 0, "str", "sint" }
def("req.hdr", HDRSPEC, hdr_fetch(reqmsg, false), true)
def("req.fhdr", HDRSPEC, hdr_fetch(reqmsg, true), true)
def("req.hdr_cnt", { min = 0, "str" }, hdr_cnt(reqmsg, false), true)
def("req.fhdr_cnt", { min = 0, "str" }, hdr_cnt(reqmsg, true), true)
def("res.hdr", HDRSPEC, hdr_fetch(resmsg, false), true)
def("res.fhdr", HDRSPEC, hdr_fetch(resmsg, true), true)
def("res.hdr_cnt", { min = 0, "str" }, hdr_cnt(resmsg, false), true)
def("res.fhdr_cnt", { min = 0, "str" }, hdr_cnt(resmsg, true), true)
F.hdr, F.hdr_cnt = F["req.hdr"], F["req.hdr_cnt"]
F.shdr, F.shdr_cnt = F["res.hdr"], F["res.hdr_cnt"]
def("req.hdr_ip", HDRSPEC, function(s, a)
  local v = hdr_fetch(reqmsg, false)(s, a)
  return v and addr((fmt.parse_v4(v.v) or fmt.parse_v6(v.v)) and v.v or nil)
end, true)
F.hdr_ip = F["req.hdr_ip"]
def("req.hdrs", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  local out = {}
  for _, h in ipairs(m.headers) do out[#out + 1] = h[1] .. ": " .. h[2] .. "\r\n" end
  return str(table.concat(out) .. "\r\n")
end, true)
def("req.hdr_names", { min = 0, "str" }, function(s, a)
  local m = reqmsg(s)
  if not m then return nil end
  local out = {}
  for _, h in ipairs(m.headers) do out[#out + 1] = h[1] end
  return str(table.concat(out, a[1] or ","))
end, true)
local function cook(which, hname)
  return function(s, a)
    local m = which(s)
    if not m then return nil end
    local list = msg.cookies(msg.get(m, hname), a[1])
    return str(list[#list])
  end
end
local function cook_cnt(which, hname)
  return function(s, a)
    local m = which(s)
    if not m then return nil end
    return sint(#msg.cookies(msg.get(m, hname), a[1]))
  end
end
def("req.cook", { min = 0, "str" }, cook(reqmsg, "cookie"), true)
def("req.cook_cnt", { min = 0, "str" }, cook_cnt(reqmsg, "cookie"), true)
def("req.cook_val", { min = 0, "str" }, function(s, a)
  local v = cook(reqmsg, "cookie")(s, a)
  return v and sint(U.str2int(v.v))
end, true)
def("res.cook", { min = 0, "str" }, cook(resmsg, "set-cookie"), true)
F.cook, F.cook_cnt, F.cook_val, F.scook = F["req.cook"], F["req.cook_cnt"], F["req.cook_val"], F["res.cook"]
def("req.body", NOARG, function(s) local m = reqmsg(s); return m and { t = "bin", v = m.body or "" } end, true)
def("req.body_len", NOARG, function(s) local m = reqmsg(s); return m and sint(#(m.body or "")) end, true)
def("req.body_size", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  local cl = msg.get(m, "content-length")[1]
  return sint(cl and tonumber(cl) or #(m.body or ""))
end, true)
def("req.body_param", { min = 0, "str" }, function(s, a)
  local m = reqmsg(s)
  if not m or not m.body then return nil end
  for part in (m.body .. "&"):gmatch("([^&]*)&") do
    local k, v = part:match("^([^=]*)=?(.*)$")
    if k ~= "" and (a[1] == nil or k == a[1]) then return str(v) end
  end
  return nil
end, true)
def("http_first_req", NOARG, function(s) return bool(not s.not_first) end, true)
def("status", NOARG, function(s) local m = resmsg(s); return m and sint(m.status) end, true)
def("res.ver", NOARG, function(s) local m = resmsg(s); return m and str(m.version) end, true)
F.resp_ver = F["res.ver"]
def("res.body", NOARG, function(s) local m = resmsg(s); return m and { t = "bin", v = m.body or "" } end, true)
def("unique_id", NOARG, function(s) return str(s.unique_id) end, true)
-- the request line is only captured for logs (option httplog): nil in
-- rules otherwise (live); `httplog = true` in the description turns it on
local function logged(s) return s.desc and s.desc.httplog end
def("capture.req.method", NOARG, function(s)
  local m = reqmsg(s); return m and logged(s) and str(m.method) or nil
end, true)
def("capture.req.uri", NOARG, function(s)
  local m = reqmsg(s); return m and logged(s) and str(m.uri) or nil
end, true)
def("capture.req.ver", NOARG, function(s) local m = reqmsg(s); return m and str("HTTP/" .. m.version) end, true)
def("req.len", NOARG, function(s)
  local c = s.chn and s.chn.req
  return sint(c and #c.input or 0)
end)
F.req_len = F["req.len"]
def("req.payload", { min = 2, "sint", "sint" }, function(s, a)
  local c = s.chn and s.chn.req
  if not c then return nil end
  local d = c.input
  if a[1] + a[2] > #d then return nil end
  return { t = "bin", v = d:sub(a[1] + 1, a[2] == 0 and #d or a[1] + a[2]) }
end)

----------------------------------------------------------------------------
-- Converters: in = input type, spec as for fetches, fn(input, args, stream)
-- -> sample | nil. Encoders and hashes are proxylua.hash's functions.

local C = {}
S.converters = C

local function cdef(name, input, spec, fn) C[name] = { name = name, input = input, spec = spec, fn = fn } end

local hashlib
local function hash_fn(name)
  if not hashlib then
    local ok, lib = pcall(require, "proxylua.hash")
    if not ok then
      error("proxylua.core: converter '" .. name .. "' needs proxylua.hash, which is not installed", 0)
    end
    hashlib = lib
  end
  local f = hashlib[name]
  if not f then error("proxylua.core: proxylua.hash has no '" .. name .. "'", 0) end
  return f
end

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
    return nil, "error in arguments"
  end
  return via_hash("sha2", "bin", 1)(input, a)
end)
-- proxylua.hash puts the algorithm first and takes the HMAC key raw;
-- HAProxy's converter gets it in base64 (an invalid one crashes 2.6.12:
-- refused here as an argument error).
cdef("digest", "bin", { min = 1, "str" }, function(input, a)
  local f = hash_fn("digest")
  local ok, r = pcall(f, a[1], input.v)
  if not ok then return nil, "error in arguments" end
  return r and { t = "bin", v = r } or nil
end)
cdef("hmac", "bin", { min = 2, "str", "str" }, function(input, a)
  local key = hash_fn("b64dec")(a[2])
  if not key then return nil, "error in arguments" end
  local ok, r = pcall(hash_fn("hmac"), a[1], key, input.v)
  if not ok then return nil, "error in arguments" end
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
  if a[1] ~= "query" then return nil, "error in arguments" end
  return via_hash("url_enc", "str", 1)(input, a)
end)
local JSON_MODES = { [""] = true, ascii = true, utf8 = true, utf8s = true, utf8p = true, utf8ps = true }
cdef("json", "str", { min = 1, "str" }, function(input, a)
  if not JSON_MODES[a[1]] then return nil, "error in arguments" end
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
cdef("ipmask", "addr", { min = 1, "msk4", "msk6" }, function(i, a)
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
for _, m in ipairs({ "map", "map_str", "map_beg", "map_sub", "map_dir", "map_dom", "map_end",
                     "map_reg", "map_regm", "map_int", "map_ip", "map_str_int", "map_str_ip" }) do
  cdef(m, "str", { min = 1, "map" }, function() return nil end)
end

-- Less common keywords live in their own file.
require("proxylua.core.kw.extra")({
  def = def, cdef = cdef, str = str, sint = sint, bool = bool, addr = addr,
  reqmsg = reqmsg, resmsg = resmsg, hash_fn = hash_fn, F = F, C = C, NOARG = NOARG,
  hdr_fetch = hdr_fetch, cook = cook, cook_cnt = cook_cnt, var_or_int = var_or_int,
})
require("proxylua.core.kw.proto")({ cdef = cdef, str = str, sint = sint, bool = bool,
  NOARG = NOARG, hash_fn = hash_fn })
require("proxylua.core.kw.more")({ def = def, str = str, sint = sint, bool = bool, F = F,
  NOARG = NOARG, reqmsg = reqmsg, hash_fn = hash_fn })
require("proxylua.core.kw.stktable").install({ cdef = cdef, def = def, sint = sint, bool = bool })

----------------------------------------------------------------------------
-- Arguments from Lua (runtime.md 2.2): numbers and booleans become integers
-- (non-integral floats 0), strings stay strings, anything else integer 0;
-- then each is checked against the keyword's spec.

local function lua2arg(v)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then return mtointeger(v) or 0 end
  return 0
end

local function parse_mask4(v)
  if type(v) == "number" then v = tostring(v) end
  if v:match("^%d+$") then
    local n = tonumber(v)
    if n > 32 then return nil end
    return n == 0 and 0 or (0xffffffff << (32 - n)) & 0xffffffff
  end
  return fmt.parse_v4(v)
end

-- Check and convert args[first..] for keyword `kw`; errors name argument
-- numbers as Lua sees them: argument i sits at base + i (base 1 for
-- fetches: self; 2 for converters: self and the input).
-- lvl: level of the Lua-facing method above this function's caller.
local function check_args(kw, args, n, base, lvl, s)
  local spec = kw.spec
  local out = {}
  for i = 1, n do
    local a = lua2arg(args[i])
    local want = spec[i]
    local narg = base + i
    if want == nil then U.argerror(narg, "Last argument expected", lvl + 1) end
    if want == "str" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
    elseif want == "sint" then
      if type(a) ~= "number" then U.argerror(narg, "integer expected", lvl + 1) end
    elseif want == "ipv4" then
      -- Lua can only pass strings and integers; HAProxy wants an address
      U.argerror(narg, "invalid IPv4 address", lvl + 1)
    elseif want == "ipv6" then
      U.argerror(narg, "invalid IPv6 address", lvl + 1)
    elseif want == "msk4" then
      a = parse_mask4(a)
      if not a then U.argerror(narg, "invalid IPv4 mask", lvl + 1) end
    elseif want == "msk6" then
      -- 2.6's Lua binding never builds an IPv6 mask: anything is accepted
      -- and IPv6 input gives no sample (live)
      a = nil
    elseif want == "reg" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      local re, err = native.regex(a, false)
      if not re then U.argerror(narg, err, lvl + 1) end
      a = re
    elseif want == "map" then
      U.raise("error in arguments", lvl + 1)
    elseif want == "pbuf" then
      -- 2.6's Lua binding cannot build this argument type (live)
      U.argerror(narg, sformat("'Protocol buffers field number' expected, got '%s'",
        type(a) == "string" and "string" or "integer"), lvl + 1)
    elseif want == "be" or want == "fe" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      local px = s and s.rt.process.proxies and s.rt.process.proxies[a]
      local cap = px and (px.cap or "listen")
      if not px or cap == (want == "be" and "frontend" or "backend") then
        U.argerror(narg, want == "be" and "backend doesn't exist" or "frontend doesn't exist", lvl + 1)
      end
    elseif want == "srv" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      -- 2.6 cuts the Lua string at its '/' in place: a second call with
      -- the same string no longer finds the server (live)
      local used = s.rt.srv_args_used or {}
      s.rt.srv_args_used = used
      local pxname, sname = a:match("^([^/]*)/(.*)$")
      if not pxname then pxname, sname = s.frontend, a end
      local px = s.rt.process.proxies and s.rt.process.proxies[pxname]
      local sv = not used[a] and px and px.servers and px.servers[sname]
      if a:find("/", 1, true) then used[a] = true end
      if not sv then U.argerror(narg, "server doesn't exist", lvl + 1) end
      a = sv
    elseif want == "userlist" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      local ul = s.rt.process.userlists
      if not (ul and ul[a]) then U.argerror(narg, "unable to find userlist '" .. a .. "'", lvl + 1) end
    elseif want == "tbl" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      local px = s and s.rt.process.proxies and s.rt.process.proxies[a]
      if not (px and px.stktable) then U.argerror(narg, "table doesn't exist", lvl + 1) end
    end
    out[i] = a
  end
  if n < spec.min then U.argerror(base + n + 1, "Mandatory argument expected", lvl + 1) end
  return out
end

----------------------------------------------------------------------------
-- The classes. An object is { [0] = { stream = s, str = bool } }.

local function mangle(name) return (name:gsub("[%.%-%+]", "_")) end

local fetch_methods, conv_methods = {}, {}
local fetches_mt = U.class("Fetches", fetch_methods)
local converters_mt = U.class("Converters", conv_methods)
S.fetches_mt, S.converters_mt = fetches_mt, converters_mt

for kwname, kw in pairs(F) do
  local mname = mangle(kwname)
  if not fetch_methods[mname] or kwname:find("[%.%-]") then
    fetch_methods[mname] = function(...)
      local n = select("#", ...)
      local self = ...
      U.checkself(self, fetches_mt)
      local st = U.st(self)
      local s = st.stream
      if kw.http and s.applet then
        U.raise(sformat("the sample-fetch '%s' needs an HTTP parser which is not available in Lua services", kwname))
      end
      local args = check_args(kw, { select(2, ...) }, math.max(0, n - 1), 1, 1, s)
      local smp, err = kw.fn(s, args)
      if err then U.raise(err) end
      if st.str then return U.smp2str(smp) or "" end
      return U.smp2lua(smp)
    end
  end
end

-- Lua value -> converter input: strings as they are; other values become a
-- sample (2.3's rule) cast to the converter's input type (binary takes
-- integers as 8 big-endian bytes, hashes.md 1.3).
local function conv_input(v, want)
  local smp = U.lua2smp(v)
  if want == "bin" and (smp.t == "sint" or smp.t == "bool") then
    local n = smp.t == "sint" and smp.v or (smp.v and 1 or 0)
    return { t = "bin", v = string.pack(">i8", n) }
  end
  return U.cast(smp, want, fmt)
end
S.conv_input = conv_input

for cname, cv in pairs(C) do
  conv_methods[mangle(cname)] = function(...)
    local n = select("#", ...)
    local self, input = ...
    U.checkself(self, converters_mt)
    local args = check_args(cv, { select(3, ...) }, math.max(0, n - 2), 2, 1, U.st(self).stream)
    local smp = conv_input(input, cv.input)
    if not smp then U.raise("error during the input argument casting") end
    local out, err = cv.fn(smp, args, U.st(self).stream)
    if err then U.raise(err) end
    if U.st(self).str then return U.smp2str(out) or "" end
    return U.smp2lua(out)
  end
end

-- The object's state lives in its [0] token: method names (str, bool...)
-- would shadow fields.
local function new_obj(mt, stream, as_string)
  return U.new(mt, nil, { stream = stream, str = as_string or nil })
end

U.export(fetch_methods)
U.export(conv_methods)

function S.new_fetches(stream, as_string) return new_obj(fetches_mt, stream, as_string) end
function S.new_converters(stream, as_string) return new_obj(converters_mt, stream, as_string) end

-- For the harness and %[...]-style chains: run a fetch/converter by its
-- configuration name on a stream.
-- Arguments go through the same checks as from Lua (backend, server and
-- table names become what the keyword expects); a refusal is nil, msg.
function S.fetch(stream, name, ...)
  local kw = F[name]
  if not kw then return nil, "unknown fetch method '" .. name .. "'" end
  local ok, args = pcall(check_args, kw, { ... }, select("#", ...), 0, 1, stream)
  if not ok then return nil, args end
  return kw.fn(stream, args)
end

function S.convert(stream, name, smp, ...)
  local cv = C[name]
  if not cv then return nil, "unknown converter '" .. name .. "'" end
  local ok, args = pcall(check_args, cv, { ... }, select("#", ...), 0, 1, stream)
  if not ok then return nil, args end
  local input = U.cast(smp, cv.input, fmt)
  if not input then return nil end
  return cv.fn(input, args, stream)
end

return S
