-- Layer 5 fetches (TLS session: ssl_*, from the request description) and
-- layer 6 fetches (buffer contents: req.len, payloads, the TLS ClientHello
-- of a TCP stream, RDP cookies, distcc), the configuration manual's
-- "Fetching samples at Layer 5" and "from buffer contents (Layer 6)".
local U = require "proxylua.core.base.util"
local K = require "proxylua.core.kw.vocab"

local type, tostring, ipairs = type, tostring, ipairs
local sbyte = string.byte
local def, F, NOARG = K.def, K.F, K.NOARG
local str, sint, bool = K.str, K.sint, K.bool

def("ssl_fc", NOARG, function(s) return bool(s.ssl) end)
def("ssl_fc_has_sni", NOARG, function(s) return bool(s.ssl and s.sni) end)
def("ssl_fc_sni", NOARG, function(s) return s.ssl and str(s.sni) or nil end)
def("ssl_fc_alpn", NOARG, function(s) return s.ssl and str(s.alpn) or nil end)
def("ssl_c_used", NOARG, function(s) return bool(s.ssl and s.client_cert) end)
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

def("req.proto_http", NOARG, function(s) return bool(s.mode == "http") end, true)
def("ssl_fc_has_crt", NOARG, function(s) return bool(s.ssl and s.client_cert) end)
def("ssl_fc_is_resumed", NOARG, function(s) return bool(false and s) end)
F.payload = F["req.payload"]

local function u16(d, p) local a, b = sbyte(d, p, p + 1) return b and (a << 8 | b) end

local function u24(d, p) local a, b, c = sbyte(d, p, p + 2) return c and (a << 16 | b << 8 | c) end

local function client_hello(d)
  if #d < 5 or sbyte(d, 1) ~= 22 then return nil end
  local rec_end = 5 + u16(d, 4)
  if #d < 9 or sbyte(d, 6) ~= 1 then return nil end
  local hs_end = 9 + u24(d, 7)
  local stop = math.min(#d, rec_end, hs_end)
  local h = { version = u16(d, 10) }
  local p = 12 + 32 -- client version + random
  if p > stop then return nil end
  local sid = sbyte(d, p)
  p = p + 1 + sid
  local cs = u16(d, p)
  if not cs then return nil end
  p = p + 2 + cs
  local comp = sbyte(d, p)
  if not comp then return nil end
  p = p + 1 + comp
  local ext_len = u16(d, p)
  if not ext_len then return h end
  p = p + 2
  local ext_end = math.min(stop, p + ext_len - 1)
  h.ext = {}
  while p + 3 <= ext_end do
    local t, l = u16(d, p), u16(d, p + 2)
    h.ext[t] = d:sub(p + 4, p + 3 + l)
    p = p + 4 + l
  end
  return h
end

local function sni_of(ext)
  local e = ext and ext[0]
  if not e or #e < 5 or sbyte(e, 3) ~= 0 then return nil end
  local len = u16(e, 4)
  return e:sub(6, 5 + len)
end

local function alpn_of(ext)
  local e = ext and ext[16]
  if not e or #e < 3 then return nil end
  local n = sbyte(e, 3)
  return e:sub(4, 3 + n)
end

F.req_proto_http = F["req.proto_http"]
def("wait_end", NOARG, function() return nil end)

-- TCP payload fetches
local function input(s, res)
  local c = s.chn and s.chn[res and "res" or "req"]
  return c and c.input or ""
end

-- payload_lv(off, len[, off2]): off2 "+n"/"-n" is relative to the end of
-- the length field; a plain off2 is absolute but 2.6 halves it (it keeps
-- a flag in the low bit and shifts every value, live).
local function payload_lv(res)
  return function(s, a)
    local d = input(s, res)
    local off, len = a[1], a[2]
    -- the argument check (live: a negative offset1 is refused without offset2 too)
    if off < 0 then return K.bad_args("payload offset1 must be positive") end
    if len == 0 then return K.bad_args("payload length must be > 0") end
    local start = off + len
    if a[3] and a[3] ~= "" then
      local v = U.str2int(a[3])
      if not a[3]:match("^[+-]?%d+$") then return K.bad_args("payload offset2 is not a number") end
      if off + len + v < 0 then return K.bad_args("payload offset2 too negative") end
      if a[3]:match("^[+-]") then start = off + len + v else start = v >> 1 end
    end
    if off < 0 or len < 1 or len > 4 or off + len > #d then return nil end
    local n = 0
    for k = off + 1, off + len do n = (n << 8) | sbyte(d, k) end
    if n == 0 or start < 0 or start + n > #d then return nil end
    return { t = "bin", v = d:sub(start + 1, start + n) }
  end
end

def("req.payload_lv", { min = 2, "sint", "sint", "str" }, payload_lv(false))
F.payload_lv = F["req.payload_lv"]
def("res.len", NOARG, function(s) return sint(#input(s, true)) end)
def("res.payload", { min = 2, "sint", "sint" }, function(s, a)
  local d = input(s, true)
  if a[1] + a[2] > #d then return nil end
  return { t = "bin", v = d:sub(a[1] + 1, a[2] == 0 and #d or a[1] + a[2]) }
end)

def("res.payload_lv", { min = 2, "sint", "sint", "str" }, payload_lv(true))

local function hello(s) return s.mode == "tcp" and client_hello(input(s)) or nil end

def("req.ssl_hello_type", NOARG, function(s)
  local d = input(s)
  if s.mode ~= "tcp" or #d < 6 or sbyte(d, 1) ~= 22 then return nil end
  return sint(sbyte(d, 6))
end)

F.req_ssl_hello_type = F["req.ssl_hello_type"]
def("res.ssl_hello_type", NOARG, function(s)
  local d = input(s, true)
  if #d < 6 or sbyte(d, 1) ~= 22 then return nil end
  return sint(sbyte(d, 6))
end)

F.rep_ssl_hello_type = F["res.ssl_hello_type"]
def("req.ssl_ver", NOARG, function(s)
  local h = hello(s)
  return h and sint(((h.version >> 8) << 16) | (h.version & 0xff)) or nil
end)

F.req_ssl_ver = F["req.ssl_ver"]
def("req.ssl_sni", NOARG, function(s) local h = hello(s) return h and str(sni_of(h.ext)) end)
F.req_ssl_sni = F["req.ssl_sni"]
def("req.ssl_alpn", NOARG, function(s) local h = hello(s) return h and str(alpn_of(h.ext)) end)
def("req.ssl_st_ext", NOARG, function(s) local h = hello(s) return h and bool(h.ext and h.ext[35]) end)
def("req.ssl_ec_ext", NOARG, function(s) local h = hello(s) return h and bool(h.ext and h.ext[10]) end)

-- distcc: 12-byte tokens (4 letters, 8 hex digits of parameter); all but
-- ARGC DIST NFIL STAT DONE are followed by a body of <param> bytes.
local NO_BODY = { ARGC = true, DIST = true, NFIL = true, STAT = true, DONE = true }

local function distcc(s, a)
  if #a[1] ~= 4 then return K.bad_args("token name must be exactly 4 characters") end
  local d = input(s, s.dir == "res")
  local ofs, occ = 1, 0
  while ofs + 11 <= #d do
    local tok, hex = d:sub(ofs, ofs + 3), d:sub(ofs + 4, ofs + 11)
    if not hex:match("^%x+$") then return false end
    local param = tonumber(hex, 16)
    ofs = ofs + 12
    local body = NO_BODY[tok] and 0 or param
    if tok == a[1] then
      occ = occ + 1
      if not a[2] or a[2] == 0 or a[2] == occ then return param, d:sub(ofs, ofs + body - 1) end
    end
    ofs = ofs + body
  end
  return false -- not there (yet)
end

def("distcc_param", { min = 1, "str", "sint" }, function(s, a)
  local p, err, why = distcc(s, a)
  if err and not p then return nil, err, why end
  return p and sint(p) or nil
end)

def("distcc_body", { min = 1, "str", "sint" }, function(s, a)
  local p, body, why = distcc(s, a)
  if body and not p then return nil, body, why end
  return p and { t = "bin", v = body } or nil
end)

-- RDP cookie "Cookie: mstshash=<value>\r\n" at the start of a TCP stream.
local function rdp(s, a)
  local d = input(s)
  -- too short: may change, no sample (HTTP streams hold HTX data: not RDP)
  if #d <= 11 and s.mode ~= "http" then return nil, "short" end
  local name, value = d:match("^\3\0..[^\r]-Cookie: ([^=\r]+)=([^\r]*)\r\n")
  if not name or (a[1] and a[1] ~= "" and a[1]:lower() ~= name:lower()) then return nil end
  return value
end

def("req.rdp_cookie", { min = 0, "str" }, function(s, a) return str(rdp(s, a)) end)
def("req.rdp_cookie_cnt", { min = 0, "str" }, function(s, a)
  local v, short = rdp(s, a)
  if short then return nil end
  return sint(v and 1 or 0)
end)

F.rdp_cookie, F.rdp_cookie_cnt = F["req.rdp_cookie"], F["req.rdp_cookie_cnt"]

-- TLS connection details: the request description's `tls` table gives
-- any ssl_* value by fetch name (tls = { ssl_f_s_dn = "/CN=x" }). On a
-- TLS connection the values a TLSv1.3 handshake without client
-- certificate shows are the defaults (live); without TLS there is none.
local TLS_DEFAULTS = { ssl_fc_cipher = "TLS_AES_256_GCM_SHA384", ssl_fc_use_keysize = 256,
  ssl_fc_alg_keysize = 256, ssl_fc_err = 0, ssl_c_verify = 0, ssl_c_err = 0, ssl_c_ca_err = 0,
  ssl_c_ca_err_depth = 0, ssl_fc_has_early = false, ssl_fc_session_id = string.rep("\0", 32),
  ssl_fc_protocol = "TLSv1.3" }

-- without TLS these still answer false
local PLAIN_FLAGS = { ssl_bc = true, ssl_fc = true }

local SSL_INTS = { ssl_c_verify = true, ssl_c_err = true, ssl_c_ca_err = true,
                   ssl_c_ca_err_depth = true, ssl_c_version = true, ssl_f_version = true,
                   ssl_s_version = true, ssl_fc_use_keysize = true, ssl_fc_alg_keysize = true,
                   ssl_bc_use_keysize = true, ssl_bc_alg_keysize = true, ssl_fc_err = true,
                   ssl_bc_err = true }

local SSL_BIN = { ssl_c_der = true, ssl_f_der = true, ssl_s_der = true, ssl_c_serial = true,
                  ssl_f_serial = true, ssl_s_serial = true, ssl_c_sha1 = true, ssl_f_sha1 = true,
                  ssl_s_sha1 = true, ssl_fc_session_id = true, ssl_bc_session_id = true,
                  ssl_fc_unique_id = true, ssl_bc_unique_id = true, ssl_fc_client_random = true,
                  ssl_fc_server_random = true, ssl_bc_client_random = true,
                  ssl_bc_server_random = true, ssl_fc_session_key = true,
                  ssl_bc_session_key = true, ssl_c_chain_der = true, ssl_s_chain_der = true,
                  ssl_fc_cipherlist_bin = true, ssl_fc_ecformats_bin = true,
                  ssl_fc_eclist_bin = true, ssl_fc_extlist_bin = true }

-- "/C=FR/CN=a/CN=b" with an entry: its value; occ counts from the first
-- (positive) or the last (negative, the default -1)
local function dn_entry(dn, entry, occ)
  local vals = {}
  for k, v in dn:gmatch("/([^=/]+)=([^/]*)") do
    if k == entry then vals[#vals + 1] = v end
  end
  occ = occ or -1
  if occ < 0 then occ = #vals + occ + 1 end
  return vals[occ]
end

for _, name in ipairs({ "ssl_bc", "ssl_bc_alg_keysize", "ssl_bc_alpn", "ssl_bc_cipher",
  "ssl_bc_client_random", "ssl_bc_err", "ssl_bc_err_str", "ssl_bc_is_resumed", "ssl_bc_npn",
  "ssl_bc_protocol", "ssl_bc_server_random", "ssl_bc_session_id", "ssl_bc_session_key",
  "ssl_bc_unique_id", "ssl_bc_use_keysize", "ssl_c_ca_err", "ssl_c_ca_err_depth",
  "ssl_c_chain_der", "ssl_c_der", "ssl_c_err", "ssl_c_i_dn", "ssl_c_key_alg", "ssl_c_notafter",
  "ssl_c_notbefore", "ssl_c_s_dn", "ssl_c_serial", "ssl_c_sha1", "ssl_c_sig_alg", "ssl_c_verify",
  "ssl_c_version", "ssl_f_der", "ssl_f_i_dn", "ssl_f_key_alg", "ssl_f_notafter",
  "ssl_f_notbefore", "ssl_f_s_dn", "ssl_f_serial", "ssl_f_sha1", "ssl_f_sig_alg",
  "ssl_f_version", "ssl_fc_alg_keysize", "ssl_fc_cipherlist_bin", "ssl_fc_cipherlist_hex",
  "ssl_fc_cipherlist_str", "ssl_fc_cipherlist_xxh", "ssl_fc_client_early_traffic_secret",
  "ssl_fc_client_handshake_traffic_secret", "ssl_fc_client_random",
  "ssl_fc_client_traffic_secret_0", "ssl_fc_early_exporter_secret", "ssl_fc_ecformats_bin",
  "ssl_fc_eclist_bin", "ssl_fc_err", "ssl_fc_err_str", "ssl_fc_exporter_secret",
  "ssl_fc_extlist_bin", "ssl_fc_has_early", "ssl_fc_npn", "ssl_fc_protocol_hello_id",
  "ssl_fc_server_handshake_traffic_secret", "ssl_fc_server_random",
  "ssl_fc_server_traffic_secret_0", "ssl_fc_session_id", "ssl_fc_session_key",
  "ssl_fc_unique_id", "ssl_fc_use_keysize", "ssl_s_chain_der", "ssl_s_der", "ssl_s_i_dn",
  "ssl_s_key_alg", "ssl_s_notafter", "ssl_s_notbefore", "ssl_s_s_dn", "ssl_s_serial",
  "ssl_s_sha1", "ssl_s_sig_alg", "ssl_s_version", "ssl_fc_cipher", "ssl_fc_protocol" }) do
  local dn = name:match("_dn$")
  local spec = dn and { min = 0, "str", "sint", "str" } or NOARG
  def(name, spec, function(s, a)
    local backend = name:match("^ssl_bc") or name:match("^ssl_s_")
    local tls = s.desc and s.desc.tls or {}
    local v = tls[name]
    if v == nil and name == "ssl_fc_protocol" then v = s.desc and s.desc.ssl_protocol end
    if v == nil and name == "ssl_fc_cipher" then v = s.desc and s.desc.ssl_cipher end
    if v == nil then
      if not s.ssl or backend then return PLAIN_FLAGS[name] and bool(false) or nil end
      v = TLS_DEFAULTS[name]
      if v == nil then return nil end
    end
    if type(v) == "boolean" then return bool(v) end
    if SSL_INTS[name] then return sint(U.tointeger(v) or 0) end
    v = tostring(v)
    if dn and a[1] then v = dn_entry(v, a[1], a[2]) if not v then return nil end end
    return { t = SSL_BIN[name] and "bin" or "str", v = v }
  end)
end
