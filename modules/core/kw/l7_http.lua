-- Layer 7 fetches (the configuration manual's "Fetching HTTP samples"):
-- request and response line, headers, cookies, bodies, URL parameters,
-- authentication headers and userlists, captures, cache and compression.
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local msg = require "proxylua.core.stream.message"
local native = require "proxylua.core_native"
local K = require "proxylua.core.kw.vocab"

local select, ipairs = select, ipairs
local def, F, NOARG = K.def, K.F, K.NOARG
local str, sint, bool, addr = K.str, K.sint, K.bool, K.addr
local reqmsg, resmsg = K.reqmsg, K.resmsg

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

-- Values of headers read as integers (strl2ic: sign and leading digits).
local function val_fetch(which)
  local h = hdr_fetch(which, false)
  return function(s, a)
    local v = h(s, a)
    return v and sint(U.str2int(v.v) or 0)
  end
end


def("req.hdr_val", HDRSPEC, val_fetch(reqmsg), true)
def("res.hdr_val", HDRSPEC, val_fetch(resmsg), true)
F.hdr_val, F.shdr_val = F["req.hdr_val"], F["res.hdr_val"]
def("res.hdr_ip", HDRSPEC, function(s, a)
  local v = hdr_fetch(resmsg, false)(s, a)
  return v and K.addr((fmt.parse_v4(v.v) or fmt.parse_v6(v.v)) and v.v or nil)
end, true)

F.shdr_ip = F["res.hdr_ip"]
def("res.hdrs", NOARG, function(s)
  local m = resmsg(s)
  if not m then return nil end
  local out = {}
  for _, h in ipairs(m.headers) do out[#out + 1] = h[1] .. ": " .. h[2] .. "\r\n" end
  return str(table.concat(out) .. "\r\n")
end, true)

def("res.hdr_names", { min = 0, "str" }, function(s, a)
  local m = resmsg(s)
  if not m then return nil end
  local out = {}
  for _, h in ipairs(m.headers) do out[#out + 1] = h[1] end
  return str(table.concat(out, a[1] or ","))
end, true)

def("res.cook_cnt", { min = 0, "str" }, cook_cnt(resmsg, "set-cookie"), true)
def("res.cook_val", { min = 0, "str" }, function(s, a)
  local v = cook(resmsg, "set-cookie")(s, a)
  return v and sint(U.str2int(v.v) or 0)
end, true)

F.scook_cnt, F.scook_val = F["res.cook_cnt"], F["res.cook_val"]
def("res.body_len", NOARG, function(s) local m = resmsg(s); return m and sint(#(m.body or "")) end, true)
def("res.body_size", NOARG, function(s)
  local m = resmsg(s)
  if not m then return nil end
  local cl = msg.get(m, "content-length")[1]
  return sint(cl and tonumber(cl) or #(m.body or ""))
end, true)

-- Authorization header (Basic, Bearer, Digest).
local function auth(s)
  local m = reqmsg(s)
  if not m then return nil end
  local v = msg.get(m, "authorization")[1]
  if not v then return nil end
  local method, data = v:match("^(%S+)%s+(.*)$")
  if not method then return nil end
  return method:lower(), data
end

local AUTH_NAMES = { basic = "Basic", digest = "Digest", bearer = "Bearer" }

local function basic(s)
  local m, data = auth(s)
  if m ~= "basic" then return nil end
  local dec = K.hash_fn("b64dec")(data)
  if not dec then return nil end
  return dec:match("^([^:]*):(.*)$")
end

-- a Basic header that does not decode to "user:pass" has no type (live)
def("http_auth_type", NOARG, function(s)
  local m = auth(s)
  if m == "basic" and not basic(s) then return nil end
  return m and str(AUTH_NAMES[m]) or nil
end, true)

def("http_auth_user", NOARG, function(s) return str((basic(s))) end, true)
def("http_auth_pass", NOARG, function(s) return str(select(2, basic(s))) end, true)
def("http_auth_bearer", { min = 0, "str" }, function(s, a)
  local m = reqmsg(s)
  if not m then return nil end
  local v = msg.get(m, a[1] or "authorization")[1]
  local tok = v and v:match("^[Bb][Ee][Aa][Rr][Ee][Rr]%s+(.*)$")
  return str(tok)
end, true)

def("baseq", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  local p, q = msg.split_uri(m.uri)
  local host = msg.get(m, "host")[1]
  return str((host or "") .. (p or "") .. (q and ("?" .. q) or ""))
end, true)

def("urlp_val", { min = 0, "str", "str" }, function(s, a)
  local v = F.url_param.fn(s, a)
  return v and sint(U.str2int(v.v) or 0)
end, true)

def("url_ip", NOARG, function(s)
  local m = reqmsg(s)
  local ip = m and m.uri:match("^%a[%w+.-]*://([%d%.]+)[:/]?")
  return ip and fmt.parse_v4(ip) and { t = "ipv4", v = ip } or nil
end, true)

def("url_port", NOARG, function(s)
  local m = reqmsg(s)
  if not m then return nil end
  if not m.uri:match("^%a[%w+.-]*://") then return nil end -- origin-form: no port
  local port = m.uri:match("^%a[%w+.-]*://[^/:]*:(%d+)")
  return sint(port and tonumber(port) or 80)
end, true)

-- base32/url32: sdbm with the avalanche (checked live); *_src appends
-- the client address bytes.
local function src_bytes(s)
  local v4 = fmt.parse_v4(s.src)
  if v4 then return string.pack(">I4", v4) end
  return fmt.parse_v6(s.src) or ""
end

local function hashed(fetch)
  return function(s)
    local v = fetch(s, {})
    return v and sint(K.hash_fn("sdbm")(v.v, 1))
  end
end

local function hashed_src(fetch32)
  return function(s)
    local h = F[fetch32].fn(s, {})
    return h and { t = "bin", v = string.pack(">I4", h.v) .. src_bytes(s) }
  end
end

local function host_uri(s)
  local m = reqmsg(s)
  if not m then return nil end
  return str((msg.get(m, "host")[1] or "") .. m.uri)
end

def("base32", NOARG, hashed(F.base.fn), true)
def("url32", NOARG, hashed(host_uri), true)
def("base32+src", NOARG, hashed_src("base32"), true)
def("url32+src", NOARG, hashed_src("url32"), true)

-- req.hdrs_bin: varint length-prefixed names and values, then two 0 bytes.
local function varint(n)
  if n < 240 then return string.char(n) end
  local out = { string.char((n & 0xff) | 240) }
  n = (n - 240) >> 4
  while n >= 128 do
    out[#out + 1] = string.char((n & 0xff) | 128)
    n = (n - 128) >> 7
  end
  out[#out + 1] = string.char(n)
  return table.concat(out)
end

local function hdrs_bin(which)
  return function(s)
    local m = which(s)
    if not m then return nil end
    local out = {}
    for _, h in ipairs(m.headers) do
      out[#out + 1] = varint(#h[1]) .. h[1] .. varint(#h[2]) .. h[2]
    end
    return { t = "bin", v = table.concat(out) .. "\0\0" }
  end
end

def("req.hdrs_bin", NOARG, hdrs_bin(reqmsg), true)
def("res.hdrs_bin", NOARG, hdrs_bin(resmsg), true)

-- no capture slots are declared in a harness: always empty
def("capture.req.hdr", { min = 1, "sint" }, function() return nil end, true)
def("capture.res.hdr", { min = 1, "sint" }, function() return nil end, true)
def("capture.res.ver", NOARG, function(s) local m = resmsg(s); return m and str("HTTP/" .. m.version) end, true)

-- The legacy `cookie` is req.cook; `req_proto_http` is req.proto_http.
F.cookie = F["req.cook"]
F["unique-id"] = F.unique_id

-- FastCGI parameters exist only on fcgi-app backends
def("fcgi.docroot", NOARG, function() return nil end)
def("fcgi.index", NOARG, function() return nil end)
def("res.cache_hit", NOARG, function() return bool(false) end, true)
def("res.cache_name", NOARG, function() return nil end, true)
def("res.comp", NOARG, function() return bool(false) end, true)
def("res.comp_algo", NOARG, function() return nil end, true)

-- Userlists (opts.userlists of the harness): { ul = { users = { alice =
-- { password = "secret" }, bob = { hash = "$6$salt$..." } } } }.
local function basic_user(s, a)
  local m = K.reqmsg(s)
  local v = m and msg.get(m, "authorization")[1]
  local b64 = v and v:match("^[Bb][Aa][Ss][Ii][Cc]%s+(%S+)")
  local dec = b64 and K.hash_fn("b64dec")(b64)
  local user, pass = (dec or ""):match("^([^:]*):(.*)$")
  if not user then return nil end
  local ul = s.rt.process.userlists[a[1]]
  local u = ul.users and ul.users[user]
  if not u then return user, false end
  -- `password = "..."` is insecure-password; `hash = "$6$..."` is crypt(3)
  if u.hash then return user, native.crypt(pass, u.hash) end
  return user, u.password == pass
end

def("http_auth", { min = 1, "userlist" }, function(s, a)
  local user, ok = basic_user(s, a)
  if not user then return nil end
  return bool(ok)
end, true)

def("http_auth_group", { min = 1, "userlist" }, function(s, a)
  local user, ok = basic_user(s, a)
  return ok and str(user) or nil
end, true)
