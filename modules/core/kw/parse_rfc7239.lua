-- RFC 7239 "Forwarded" values as HAProxy 2.8+ reads them (the rfc7239_*
-- converters of kw/conv_later.lua): one element of for=, by=, host= and
-- proto= parameters, each at most once, separated by ';'. Only proto=http
-- or https; a port or an IPv6 address only inside quotes; parsing stops
-- once all four parameters were seen. Checked live against 2.8.0 and 3.2.0
-- (spec/integration/core_conv_new_haproxy_spec.lua).
local fmt = require "proxylua.core.base.formats"

local sbyte, ssub = string.byte, string.sub

local P = {}

-- The byte at i, "\0" past the end (HAProxy's strings end with a NUL).
local function at(s, i) return i <= #s and ssub(s, i, i) or "\0" end

local function is_digit(c) return c >= "0" and c <= "9" end
local function is_alnum(c) return c:match("^%w$") ~= nil end

-- inet_pton(AF_INET): four decimal octets, no leading zero.
local function v4(s)
  local parts = { s:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$") }
  if #parts ~= 4 then return false end
  for _, p in ipairs(parts) do
    if #p > 3 or tonumber(p) > 255 or (#p > 1 and sbyte(p, 1) == 48) then return false end
  end
  return true
end

-- A port: digits up to 65535, not 0. Returns the port, the next position.
local function port(s, i)
  local n, j = 0, i
  while is_digit(at(s, j)) do
    n = n * 10 + sbyte(s, j) - 48
    if n > 65535 then return nil end
    j = j + 1
  end
  if n == 0 then return nil end
  return n, j
end

-- An obfuscated identifier (after its '_'): at least one of [A-Za-z0-9._-].
local function obfs(s, i)
  local j = i
  while at(s, j):match("^[%w%._%-]$") do j = j + 1 end
  if j == i then return nil end
  return ssub(s, i, j - 1), j
end

-- "[v6]" at i: up to 45 address bytes, then ']'.
local function v6(s, i)
  local j = i + 1
  while j - i - 1 < 45 and (is_alnum(at(s, j)) or at(s, j) == ":") do j = j + 1 end
  if at(s, j) ~= "]" then return nil end
  local addr = ssub(s, i + 1, j - 1)
  if not fmt.parse_v6(addr) then return nil end
  return addr, j + 1
end

-- A node name at i: "_obfs", "unknown", "[v6]" (quoted only) or an IPv4
-- address. Returns { name, name_type }, the next position.
local function nodename(s, i, quoted)
  local c = at(s, i)
  if i > #s then return nil end
  if c == "_" then
    local o, j = obfs(s, i + 1)
    if not o then return nil end
    return { name = "_" .. o, name_type = "obfs" }, j
  elseif c == "u" then
    if ssub(s, i, i + 6) ~= "unknown" then return nil end
    return { name = "unknown", name_type = "unknown" }, i + 7
  elseif quoted and c == "[" then
    local addr, j = v6(s, i)
    if not addr then return nil end
    return { name = fmt.v6tostr(fmt.parse_v6(addr)), name_type = "ipv6" }, j
  elseif c ~= "\0" then
    local j = i
    while j - i < 15 and (is_digit(at(s, j)) or at(s, j) == ".") do j = j + 1 end
    if not v4(ssub(s, i, j - 1)) then return nil end
    return { name = ssub(s, i, j - 1), name_type = "ipv4" }, j
  end
  return nil
end

-- A node at i: a name, then ":port" or ":_obfs" (quoted only). Returns
-- the node ({ name, name_type, port (integer, "_obfs" or nil), raw }) and
-- the next position.
function P.node(s, i, quoted)
  local node, j = nodename(s, i, quoted)
  if not node then return nil end
  if at(s, j) == ":" then
    if not quoted then return nil end
    j = j + 1
    if at(s, j) == "_" then
      local o, k = obfs(s, j + 1)
      if not o then return nil end
      node.port, j = "_" .. o, k
    else
      local p, k = port(s, j)
      if not p then return nil end
      node.port, j = p, k
    end
  end
  node.raw = ssub(s, i, j - 1)
  return node, j
end

-- A host at i: "[v6]" (quoted only) or [A-Za-z0-9.]* (maybe empty), then
-- ":port" (quoted only).
local function host(s, i, quoted)
  if i > #s then return nil end
  local j = i
  if quoted and at(s, i) == "[" then
    local addr
    addr, j = v6(s, i)
    if not addr then return nil end
  else
    while j <= #s and (is_alnum(at(s, j)) or at(s, j) == ".") do j = j + 1 end
  end
  if at(s, j) == ":" then
    if not quoted then return nil end
    local p, k = port(s, j + 1)
    if not p then return nil end
    j = k
  end
  return ssub(s, i, j - 1), j
end

local function starts(s, i, word)
  return #s - i + 1 > #word and ssub(s, i, i + #word - 1) == word
end

-- A Forwarded element: { proto = "http"|"https", host = text, ["for"] =
-- node text, by = node text } with the parameters it holds, or nil when
-- HAProxy would not trust it.
function P.validate(h)
  local out, seen, i, first = {}, 0, 1, true
  while i <= #h and seen < 4 do
    if not first then
      if at(h, i) ~= ";" then return nil end
      i = i + 1
    end
    first = false
    local quoted, key = false, nil
    for _, k in ipairs({ "for", "by", "host", "proto" }) do
      if out[k] == nil and starts(h, i, k .. "=") then key = k break end
    end
    if not key then return nil end
    i = i + #key + 1
    if key == "proto" then
      if ssub(h, i, i + 3) ~= "http" then return nil end
      i = i + 4
      if at(h, i) == "s" then out.proto, i = "https", i + 1 else out.proto = "http" end
    else
      if at(h, i) == '"' then quoted, i = true, i + 1 end
      local v, j
      if key == "host" then
        v, j = host(h, i, quoted)
      else
        local node
        node, j = P.node(h, i, quoted)
        v = node and node.raw
      end
      if not v then return nil end
      out[key], i = v, j
      if quoted then
        if at(h, i) ~= '"' then return nil end
        i = i + 1
      end
    end
    seen = seen + 1
  end
  if seen == 0 then return nil end
  return out
end

return P
