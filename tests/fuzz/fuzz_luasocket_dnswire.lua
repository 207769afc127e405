-- Driver of fuzz_luasocket-dnswire: arbitrary bytes as a DNS answer to
-- luasocket_dnswire.parse, which must never raise (docs/luasocket.md) and
-- must answer in its documented shape. The id asked for is the message's
-- own (so the header check passes) unless the input is shorter than 2 bytes.
-- Returns nil, or what went wrong.
local W = require "proxylua.luasocket_dnswire"
local sformat, mtype = string.format, math.type

local ERRS = { malformed = true, nxdomain = true, servfail = true }

local function ttl_ok(t) return mtype(t) == "integer" and t >= 0 and t < 0x80000000 end

local function ip6_ok(s)
  if #s > 39 or s:find("[^0-9a-f:]") then return false end
  local _, dc = s:gsub("::", "")
  if dc > 1 or s:find(":::", 1, true) then return false end
  local n = 0
  for g in s:gmatch("[^:]+") do
    if #g > 4 or (#g > 1 and g:sub(1, 1) == "0") then return false end
    n = n + 1
  end
  return (dc == 0 and n == 8) or (dc == 1 and n <= 6)
end

local function ip4_ok(s)
  local a, b, c, d = s:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  return a and tonumber(a) < 256 and tonumber(b) < 256 and tonumber(c) < 256 and tonumber(d) < 256
end

return function(msg)
  local id = W.get_u16(msg, 1) or 0
  local r, err = W.parse(msg, id)
  if r == nil then
    if not ERRS[err] then return sformat("nil with %q", tostring(err)) end
    return nil
  end
  if type(r) ~= "table" or err ~= nil then return "not a list" end
  if (#r == 0) ~= (r.nodata == true) then return "nodata and the list disagree" end
  if r.negative_ttl ~= nil and not ttl_ok(r.negative_ttl) then return "negative_ttl " .. tostring(r.negative_ttl) end
  for i, a in ipairs(r) do
    if not ttl_ok(a.ttl) then return sformat("answer %d: ttl %s", i, tostring(a.ttl)) end
    if type(a.data) ~= "string" then
      return sformat("answer %d (%s): data is a %s", i, tostring(a.type), type(a.data))
    end
    if a.type == "A" then
      if not ip4_ok(a.data) then return sformat("A %q", a.data) end
    elseif a.type == "AAAA" then
      if not ip6_ok(a.data) then return sformat("AAAA %q", a.data) end
    elseif a.type ~= "CNAME" then
      return sformat("answer %d: type %s", i, tostring(a.type))
    end
  end
  return nil
end
