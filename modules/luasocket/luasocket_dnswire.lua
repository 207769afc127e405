-- DNS messages (RFC 1035) for proxylua.luasocket's resolver: build a query,
-- parse an answer. Pure functions on byte strings; any malformed input gives
-- nil, "malformed" (never an error), so they can be fuzzed alone.
local W = {}

local sbyte, schar, ssub, sformat = string.byte, string.char, string.sub, string.format
local tconcat = table.concat

local TYPES = { A = 1, AAAA = 28, CNAME = 5 }
local NAMES = { [1] = "A", [28] = "AAAA", [5] = "CNAME" }

function W.u16(n) return schar((n >> 8) & 255, n & 255) end
function W.get_u16(s, i)
  local a, b = sbyte(s, i, i + 1)
  if not b then return nil end
  return a * 256 + b
end
local function get_u32(s, i)
  local a, b, c, d = sbyte(s, i, i + 3)
  if not d then return nil end
  return ((a * 256 + b) * 256 + c) * 256 + d
end

-- a query for name (no trailing dot) and type "A"/"AAAA", recursion desired
function W.query(id, name, qtype)
  local parts = { W.u16(id), "\1\0", "\0\1", "\0\0", "\0\0", "\0\0" }
  local size = 1
  for label in name:gmatch("[^.]+") do
    -- a label is at most 63 bytes and a name 255 on the wire: no such name
    -- can exist, so there is nothing to ask
    size = size + 1 + #label
    if #label > 63 or size > 255 then return nil end
    parts[#parts + 1] = schar(#label) .. label
  end
  parts[#parts + 1] = "\0" .. W.u16(TYPES[qtype] or 1) .. "\0\1"
  return tconcat(parts)
end

-- a (possibly compressed) name at i -> name, next index; nil when malformed
local function read_name(msg, i)
  local labels, jumps, after = {}, 0, nil
  while true do
    local len = sbyte(msg, i)
    if not len then return nil end
    if len == 0 then
      i = i + 1
      break
    elseif len >= 192 then
      local b = sbyte(msg, i + 1)
      if not b then return nil end
      jumps = jumps + 1
      if jumps > 32 then return nil end
      after = after or i + 2
      i = (len - 192) * 256 + b + 1
    elseif len >= 64 then
      return nil
    else
      local label = ssub(msg, i + 1, i + len)
      if #label < len then return nil end
      labels[#labels + 1] = label
      i = i + 1 + len
    end
  end
  return tconcat(labels, "."), after or i
end
W.read_name = read_name

local function ip6(rd)
  local g = {}
  for k = 1, 16, 2 do g[#g + 1] = sformat("%x", sbyte(rd, k) * 256 + sbyte(rd, k + 1)) end
  -- the longest run of zero groups becomes "::"
  local best, blen, cur, clen = nil, 1, nil, 0
  for k = 1, 8 do
    if g[k] == "0" then
      if not cur then cur, clen = k, 0 end
      clen = clen + 1
      if clen > blen then best, blen = cur, clen end
    else cur = nil end
  end
  if not best then return tconcat(g, ":") end
  return tconcat(g, ":", 1, best - 1) .. "::" .. tconcat(g, ":", best + blen, 8)
end

-- an answer for query id -> list of { type=, data=, ttl= } (plus
-- negative_ttl from the SOA of an empty answer), or nil, "nxdomain" |
-- "nodata" | "servfail" | "malformed"
function W.parse(msg, id)
  if #msg < 12 then return nil, "malformed" end
  if W.get_u16(msg, 1) ~= id then return nil, "malformed" end
  local flags = W.get_u16(msg, 3)
  if flags & 0x8000 == 0 then return nil, "malformed" end
  local rcode = flags & 15
  if rcode == 3 then return nil, "nxdomain" end
  if rcode ~= 0 then return nil, "servfail" end
  local qd, an, ns = W.get_u16(msg, 5), W.get_u16(msg, 7), W.get_u16(msg, 9)
  local i = 13
  for _ = 1, qd do
    local _, nx = read_name(msg, i)
    if not nx then return nil, "malformed" end
    i = nx + 4
  end
  local out = {}
  for k = 1, an + ns do
    local _, nx = read_name(msg, i)
    if not nx then return nil, "malformed" end
    local t, ttl, rdlen = W.get_u16(msg, nx), get_u32(msg, nx + 4), W.get_u16(msg, nx + 8)
    if not rdlen then return nil, "malformed" end
    local rd = ssub(msg, nx + 10, nx + 9 + rdlen)
    if #rd < rdlen then return nil, "malformed" end
    if ttl >= 0x80000000 then ttl = 0 end
    if k <= an then
      if t == 1 and rdlen == 4 then
        out[#out + 1] = { type = "A", ttl = ttl, data = sformat("%d.%d.%d.%d", sbyte(rd, 1, 4)) }
      elseif t == 28 and rdlen == 16 then
        out[#out + 1] = { type = "AAAA", ttl = ttl, data = ip6(rd) }
      elseif t == 5 then
        -- a target that is malformed or runs past its record is skipped (as
        -- glibc's resolver skips it): the other answers stay usable
        local name, after = read_name(msg, nx + 10)
        if name and after <= nx + 10 + rdlen then
          out[#out + 1] = { type = "CNAME", ttl = ttl, data = name }
        end
      end
    elseif t == 6 then
      out.negative_ttl = ttl
    end
    i = nx + 10 + rdlen
  end
  if #out == 0 then out.nodata = true end
  return out
end

W.TYPES, W.NAMES = TYPES, NAMES
return W
