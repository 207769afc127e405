-- Less common HAProxy 2.6 fetches and converters (authentication headers,
-- value fetches, JSON/JWT queries, byte-order and trimming converters,
-- set-var/unset-var...). Called by core_samples.lua with its helpers.
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local msg = require "proxylua.core.stream.message"
local V = require "proxylua.core.stream.vars"

local sformat, sbyte = string.format, string.byte

----------------------------------------------------------------------------
-- A JSON path lookup as HAProxy's json_query (mjson) does it: "$", ".key",
-- "[n]". Returns kind, raw token text.

local function skip_ws(s, i)
  return s:find("[^ \t\r\n]", i) or #s + 1
end

local scan_value

local function scan_string(s, i) -- s:sub(i, i) == '"'
  local j = i + 1
  while j <= #s do
    local c = s:sub(j, j)
    if c == "\\" then j = j + 2
    elseif c == '"' then return j
    else j = j + 1 end
  end
  return nil
end

-- Returns kind, first, last of the value starting at i (after blanks).
function scan_value(s, i)
  i = skip_ws(s, i)
  local c = s:sub(i, i)
  if c == '"' then
    local e = scan_string(s, i)
    return e and "string", i, e
  elseif c == "{" or c == "[" then
    local close = c == "{" and "}" or "]"
    local j = skip_ws(s, i + 1)
    if s:sub(j, j) == close then return c == "{" and "object" or "array", i, j end
    while true do
      if c == "{" then
        if s:sub(j, j) ~= '"' then return nil end
        local ke = scan_string(s, j)
        if not ke then return nil end
        j = skip_ws(s, ke + 1)
        if s:sub(j, j) ~= ":" then return nil end
        j = j + 1
      end
      local k, _, e = scan_value(s, j)
      if not k then return nil end
      j = skip_ws(s, e + 1)
      local d = s:sub(j, j)
      if d == close then return c == "{" and "object" or "array", i, j end
      if d ~= "," then return nil end
      j = skip_ws(s, j + 1)
    end
  elseif s:sub(i, i + 3) == "true" then return "true", i, i + 3
  elseif s:sub(i, i + 4) == "false" then return "false", i, i + 4
  elseif s:sub(i, i + 3) == "null" then return "null", i, i + 3
  else
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    if num and #num > 0 then return "number", i, i + #num - 1 end
  end
  return nil
end

-- Find the member `key` (string) or element `idx` (integer) of the
-- container spanning [i, e].
local function child(s, kind, i, key)
  local j = skip_ws(s, i + 1)
  local n = 0
  while true do
    local c = s:sub(j, j)
    if c == "}" or c == "]" or c == "" then return nil end
    local name
    if kind == "object" then
      local ke = scan_string(s, j)
      if not ke then return nil end
      name = s:sub(j + 1, ke - 1)
      j = skip_ws(s, ke + 1) + 1 -- past ':'
    end
    local vk, vi, ve = scan_value(s, j)
    if not vk then return nil end
    if (kind == "object" and name == key) or (kind == "array" and n == key) then
      return vk, vi, ve
    end
    n = n + 1
    j = skip_ws(s, ve + 1)
    if s:sub(j, j) == "," then j = skip_ws(s, j + 1) end
  end
end

local function json_find(s, path)
  if path:sub(1, 1) ~= "$" then return nil end
  local kind, i, e = scan_value(s, 1)
  local p = 2
  while kind and p <= #path do
    local key, np = path:match("^%.([^%.%[]+)()", p)
    if key then
      if kind ~= "object" then return nil end
      kind, i, e = child(s, kind, i, key)
    else
      local idx
      idx, np = path:match("^%[(%d+)%]()", p)
      if not idx or kind ~= "array" then return nil end
      kind, i, e = child(s, kind, i, tonumber(idx))
    end
    p = np
  end
  if not kind then return nil end
  return kind, s:sub(i, e)
end

local ESC = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }
-- mjson's unescape: \u00XX becomes that byte; any other \uXXXX fails.
local function unescape(tok)
  local body = tok:sub(2, -2)
  local bad = false
  local out = body:gsub("\\(.)(%x?%x?%x?%x?)", function(c, hex)
    if c == "u" then
      if #hex < 4 or hex:sub(1, 2) ~= "00" then bad = true return "" end
      return string.char(tonumber(hex:sub(3), 16))
    end
    return (ESC[c] or c) .. hex
  end)
  if bad then return nil end
  return out
end

local function json_query(input, path, out_type)
  local kind, tok = json_find(input, path)
  if not kind then return nil end
  if kind == "number" then
    if out_type == "int" then
      return { t = "sint", v = math.tointeger(tonumber(tok:match("^-?%d+"))) }
    end
    return { t = "str", v = sformat("%g", tonumber(tok)) }
  elseif kind == "true" or kind == "false" then
    return { t = "bool", v = kind == "true" }
  elseif kind == "string" then
    local v = unescape(tok)
    return v and { t = "str", v = v }
  end
  return nil -- null, objects and arrays give no sample (live)
end

----------------------------------------------------------------------------

return function(K)
  local def, cdef, str, sint, bool = K.def, K.cdef, K.str, K.sint, K.bool
  local reqmsg, resmsg, F, C, NOARG = K.reqmsg, K.resmsg, K.F, K.C, K.NOARG

  -- Values of headers read as integers (strl2ic: sign and leading digits).
  local function val_fetch(which)
    local h = K.hdr_fetch(which, false)
    return function(s, a)
      local v = h(s, a)
      return v and sint(U.str2int(v.v) or 0)
    end
  end
  local HDRSPEC = { min = 0, "str", "sint" }
  def("req.hdr_val", HDRSPEC, val_fetch(reqmsg), true)
  def("res.hdr_val", HDRSPEC, val_fetch(resmsg), true)
  F.hdr_val, F.shdr_val = F["req.hdr_val"], F["res.hdr_val"]
  def("res.hdr_ip", HDRSPEC, function(s, a)
    local v = K.hdr_fetch(resmsg, false)(s, a)
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
  def("res.cook_cnt", { min = 0, "str" }, K.cook_cnt(resmsg, "set-cookie"), true)
  def("res.cook_val", { min = 0, "str" }, function(s, a)
    local v = K.cook(resmsg, "set-cookie")(s, a)
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
  def("req.proto_http", NOARG, function(s) return bool(s.mode == "http") end, true)

  def("date_us", NOARG, function(s) return sint(select(2, s.rt.sched:now())) end)
  local function is_local(field)
    return function(s)
      local ip = s[field]
      return bool(ip and (ip:match("^127%.") or ip == "::1"))
    end
  end
  def("src_is_local", NOARG, is_local("src"))
  def("dst_is_local", NOARG, is_local("dst"))
  F.fc_src, F.fc_dst, F.fc_src_port, F.fc_dst_port = F.src, F.dst, F.src_port, F.dst_port
  F.fc_src_is_local, F.fc_dst_is_local = F.src_is_local, F.dst_is_local
  def("proc", NOARG, function() return sint(1) end)
  def("stopping", NOARG, function() return bool(false) end)
  def("prio_class", NOARG, function(s) return sint(s.priority_class or 0) end)
  def("prio_offset", NOARG, function(s) return sint(s.priority_offset or 0) end)
  def("fe_defbe", NOARG, function(s) return str(s.backend) end)
  def("ssl_fc_cipher", NOARG, function(s) return s.ssl and str(s.ssl_cipher) or nil end)
  def("ssl_fc_has_crt", NOARG, function(s) return bool(s.ssl and s.client_cert) end)
  def("ssl_fc_is_resumed", NOARG, function(s) return bool(false and s) end)
  F.payload = F["req.payload"]

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

  ----------------------------------------------------------------------------
  -- Converters

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
      if a[k] and not cond then return nil, "error in arguments" end
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
                                   spec = { min = 1, "map" }, fn = function() return nil end }
    end
  end
end
