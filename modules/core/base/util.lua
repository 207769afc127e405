-- Helpers shared by the proxylua.core files: argument errors worded like
-- lauxlib's (HAProxy's API is C, so its messages are luaL_argerror's), the
-- HAProxy object shape ({[0]=userdata} + class metatable) and the rules that
-- turn Lua values into samples and back (docs/haproxy-runtime.md §2.3, §3.2).
local U = {}

local native = require "proxylua.core_native"
local type, select, tostring, tonumber = type, select, tostring, tonumber
local mtointeger, dgetinfo, sformat = math.tointeger, debug.getinfo, string.format

-- Raise "bad argument #n to 'name' (msg)" as luaL_argerror would if the
-- API function were written in C. Every checker takes `lvl`: how far above
-- the checker's caller the API function sits (1 = the caller is the API
-- function). Never tail-call these: the frame is what names the function.
function U.argerror(narg, extramsg, lvl)
  lvl = lvl or 1
  -- lvl + 1 is the Lua API function, lvl + 2 the C trampoline the script
  -- called (U.export), lvl + 3 the script
  local ar = dgetinfo(lvl + 2, "n")
  local name = ar and ar.name
  if ar and ar.namewhat == "method" then
    narg = narg - 1
    if narg == 0 then
      error(sformat("calling '%s' on bad self (%s)", name, extramsg), lvl + 3)
    end
  end
  error(sformat("bad argument #%d to '%s' (%s)", narg, name or "?", extramsg), lvl + 3)
end
local argerror = U.argerror

local function typename(v, present)
  if not present then return "no value" end
  local mt = getmetatable(v)
  if type(mt) == "table" and type(rawget(mt, "__name")) == "string" then
    return rawget(mt, "__name")
  end
  return type(v)
end
U.typename = typename

function U.typeerror(narg, expected, v, present, lvl)
  argerror(narg, sformat("%s expected, got %s", expected, typename(v, present)), (lvl or 1) + 1)
end

-- luaL_checklstring: strings and numbers (converted); `n` is select('#').
function U.checkstring(narg, v, n, lvl)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then return tostring(v) end
  U.typeerror(narg, "string", v, narg <= n, (lvl or 1) + 1)
end

-- luaL_checkinteger: integers, integral floats, numeric strings.
function U.checkinteger(narg, v, n, lvl)
  local t = type(v)
  if t == "number" or t == "string" then
    local num = tonumber(v)
    if num then
      local i = mtointeger(num)
      if i then return i end
      argerror(narg, "number has no integer representation", (lvl or 1) + 1)
    end
  end
  U.typeerror(narg, "number", v, narg <= n, (lvl or 1) + 1)
end

function U.checknumber(narg, v, n, lvl)
  local num = tonumber(v)
  if (type(v) == "number" or type(v) == "string") and num then return num end
  U.typeerror(narg, "number", v, narg <= n, (lvl or 1) + 1)
end

-- HAProxy's check_args(): "'name' needs N arguments" at the caller's line.
function U.nargs(n, want, name, lvl)
  if n ~= want then
    error(sformat("'%s' needs %d arguments", name, want), (lvl or 1) + 3)
  end
end

function U.nargs_between(n, lo, hi, name, lvl)
  if n < lo or n > hi then
    error(sformat("'%s' needs between %d and %d arguments", name, lo, hi), (lvl or 1) + 3)
  end
end

-- error(msg) positioned at the API function's caller, as luaL_error does.
function U.raise(msg, lvl)
  error(msg, (lvl or 1) + 3)
end

-- Replace every function of t by a C trampoline calling it (see argerror);
-- every table of API functions goes through this once it is filled.
function U.export(t)
  for k, v in pairs(t) do
    if type(v) == "function" then t[k] = native.cfunc(v) end
  end
  return t
end

-- lua_tointeger(): integral numbers and numeric strings, else nil.
function U.tointeger(v)
  if type(v) == "number" then return mtointeger(v) end
  if type(v) == "string" then
    local num = tonumber(v)
    return num and mtointeger(num)
  end
  return nil
end

-- HAProxy classes: a table whose [0] is a userdata-like token, methods in a
-- shared metatable with __tostring "HAProxy class <Name>".
function U.class(name, methods)
  local mt = { __index = methods, __name = nil, __metatable = nil }
  mt.__tostring = function() return "HAProxy class " .. name end
  mt.class_name = name
  return mt
end

-- Per-object private state, out of sight of pairs(obj): HAProxy objects
-- show only their documented keys and [0], a userdata.
local STATE = setmetatable({}, { __mode = "k" })

function U.new(mt, fields, state)
  fields = fields or {}
  fields[0] = native.box(false)
  STATE[fields] = state or {}
  return setmetatable(fields, mt)
end

function U.st(obj) return STATE[obj] end

function U.is(obj, mt)
  return type(obj) == "table" and getmetatable(obj) == mt
end

-- Check `self` of a method: HAProxy's hlua_check* ("bad argument #1 to '?'"
-- style texts come from luaL_checkudata on [0]).
function U.checkself(self, mt, lvl)
  if type(self) ~= "table" or getmetatable(self) ~= mt then
    argerror(1, "(null)", (lvl or 1) + 1)
  end
  return self
end

----------------------------------------------------------------------------
-- Samples: { t = type, v = value }. Types as HAProxy names them: bool, sint,
-- ipv4, ipv6, str, bin, meth.

-- Lua value -> sample (docs/haproxy-runtime.md §2.3): numbers through
-- lua_tointeger (non-integral floats become 0), booleans stay booleans,
-- strings are strings, anything else is boolean false.
function U.lua2smp(v)
  local t = type(v)
  if t == "number" then
    return { t = "sint", v = mtointeger(v) or 0 }
  elseif t == "string" then
    return { t = "str", v = v }
  elseif t == "boolean" then
    return { t = "bool", v = v }
  end
  return { t = "bool", v = false }
end

-- sample -> Lua for txn.f / txn.c / get_var: booleans are 0/1 integers.
function U.smp2lua(s)
  if s == nil then return nil end
  local t = s.t
  if t == "sint" then return s.v end
  if t == "bool" then return s.v and 1 or 0 end
  return s.v
end

-- sample -> string for txn.sf / txn.sc; nil stays nil (callers give "").
function U.smp2str(s)
  if s == nil then return nil end
  local t = s.t
  if t == "bool" then return s.v and "1" or "0" end
  if t == "sint" then return sformat("%d", s.v) end
  return s.v
end

-- read_int64 as c_str2int uses it: optional sign, leading digits.
function U.str2int(s)
  if #s == 0 then return nil end
  local sign, digits = s:match("^([+-]?)(%d*)")
  local n = 0
  for i = 1, #digits do
    n = n * 10 + (digits:byte(i) - 48)
  end
  if sign == "-" then n = -n end
  return n
end

-- Cast a sample to the type a converter or fetch argument wants; nil when
-- HAProxy's cast table has no way (or the value does not parse).
function U.cast(s, want, addr)
  local t = s.t
  if want == "any" or t == want then return s end
  if want == "str" or want == "bin" then
    local str = U.smp2str(s)
    return { t = want, v = str }
  end
  if want == "sint" then
    if t == "bool" then return { t = "sint", v = s.v and 1 or 0 } end
    if t == "str" or t == "bin" or t == "meth" then
      local n = U.str2int(s.v)
      return n and { t = "sint", v = n }
    end
    if t == "ipv4" and addr then return { t = "sint", v = addr.v4toint(s.v) } end
    return nil
  end
  if want == "bool" then
    if t == "sint" then return { t = "bool", v = s.v ~= 0 } end
    if t == "str" or t == "bin" then
      local n = U.str2int(s.v)
      return n and { t = "bool", v = n ~= 0 }
    end
    return nil
  end
  if want == "ipv4" then
    if t == "str" and addr and addr.parse_v4(s.v) then return { t = "ipv4", v = s.v } end
    if t == "sint" and addr then return { t = "ipv4", v = addr.inttov4(s.v) } end
    return nil
  end
  if want == "ipv6" then
    if t == "str" and addr and addr.parse_v6(s.v) then return { t = "ipv6", v = s.v } end
    if t == "ipv4" then return { t = "ipv6", v = "::ffff:" .. s.v } end
    return nil
  end
  if want == "addr" then
    if t == "ipv4" or t == "ipv6" then return s end
    if t == "sint" and addr then return { t = "ipv4", v = addr.inttov4(s.v) } end
    if t == "str" and addr then
      if addr.parse_v4(s.v) then return { t = "ipv4", v = s.v } end
      if addr.parse_v6(s.v) then return { t = "ipv6", v = s.v } end
    end
    return nil
  end
  if want == "meth" then
    if t == "str" then return { t = "meth", v = s.v } end
  end
  return nil
end

-- A shallow copy of a table.
function U.copy(t)
  local o = {}
  for k, v in pairs(t) do o[k] = v end
  return o
end

function U.pack(...)
  return { n = select("#", ...), ... }
end

return U
