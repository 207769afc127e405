-- The small global classes of the emulated state: Map (over proxylua.map),
-- Regex (over PCRE2 in proxylua.core_native), Concat (over proxylua.concat),
-- and the pattern references that core.set_map/add_acl update.
local U = require "proxylua.core.base.util"
local native = require "proxylua.core_native"

local type, select, pairs = type, select, pairs
local checkstring, argerror, raise = U.checkstring, U.argerror, U.raise
local sformat = string.format

local C = {}

----------------------------------------------------------------------------
-- Map

local METHODS = { found = 0, bool = 1, int = 2, ip = 3, bin = 4, len = 5, str = 6, beg = 7,
                  sub = 8, dir = 9, dom = 10, ["end"] = 11, reg = 12, regm = 13 }
local UNSUPPORTED = { [0] = true, [1] = true, [4] = true, [5] = true, [13] = true }
C.MAP_METHODS = METHODS

local function load_maplib()
  local ok, lib = pcall(require, "proxylua.map")
  if not ok or type(lib) ~= "table" or type(lib.new) ~= "function" then
    return nil, "proxylua.core: Map needs proxylua.map, which is not installed ("
      .. tostring(lib) .. ")"
  end
  return lib
end

local function ref_for(rt, file, kind)
  local refs = rt.process.patrefs
  local ref = refs[file]
  if not ref then
    ref = { kind = kind, file = file, maps = setmetatable({}, { __mode = "k" }),
            entries = {}, order = {}, overrides = {} }
    refs[file] = ref
  end
  return ref
end
C.ref_for = ref_for

function C.map_class(rt)
  local Map = {}
  for k, v in pairs(METHODS) do
    Map[k] = v
    Map["_" .. k] = v
  end
  local mt
  local methods = {}

  function Map.new(...)
    local n = select("#", ...)
    local file, method = ...
    if n < 1 or n > 2 then raise("'new' needs between 1 and 2 arguments") end
    file = checkstring(1, file, n)
    method = n >= 2 and U.checkinteger(2, method, n) or 6
    if method < 0 or method > 13 then raise("'new' needs a valid match method.") end
    if UNSUPPORTED[method] then raise("'new' doesn't support this match mode.") end
    if rt.phase == "runtime" then raise("'new': map: cannot load map at runtime.") end
    local path = rt.resolve_file and rt.resolve_file(file) or file
    local fh = io.open(path, "rb")
    if not fh then raise(sformat("'new': failed to open pattern file <%s>.", file)) end
    fh:close()
    local lib, err = load_maplib()
    if not lib then raise(err) end
    local ok, m = pcall(lib.new, path, method)
    if not ok or not m then raise(sformat("'new': %s", tostring(m))) end
    local ref = ref_for(rt, file, "map")
    ref.maps_loaded = true
    -- updates made before this Map existed (core.set_map) apply to it too
    for _, op in ipairs(ref.overrides) do
      if op[1] == "set" and m.set then m:set(op[2], op[3])
      elseif op[1] == "del" and m.del then m:del(op[2]) end
    end
    ref.maps[m] = true
    return U.new(mt, nil, { map = m })
  end

  function methods.lookup(...)
    local n = select("#", ...)
    local self, key = ...
    U.nargs(n, 2, "lookup")
    U.checkself(self, mt)
    if type(key) == "number" then key = tostring(key) end
    key = checkstring(2, key, n)
    return U.st(self).map:lookup(key)
  end

  function methods.slookup(...)
    local n = select("#", ...)
    local self, key = ...
    U.nargs(n, 2, "slookup")
    U.checkself(self, mt)
    if type(key) == "number" then key = tostring(key) end
    key = checkstring(2, key, n)
    return U.st(self).map:lookup(key) or ""
  end

  mt = U.class("Map", U.export(methods))
  return U.export(Map)
end

-- Pattern reference updates: recorded for later Map objects, applied to the
-- live ones (as HAProxy's shared pat_ref does).
function C.patref_ops(rt)
  function rt.patref_set(ref, key, value)
    ref.overrides[#ref.overrides + 1] = { "set", key, value }
    if ref.entries[key] == nil then ref.order[#ref.order + 1] = key end
    ref.entries[key] = value
    for m in pairs(ref.maps) do if m.set then m:set(key, value) end end
  end
  function rt.patref_add(ref, key)
    if ref.entries[key] ~= nil then return end
    ref.entries[key] = true
    ref.order[#ref.order + 1] = key
    for m in pairs(ref.maps) do if m.add then m:add(key, "") end end
  end
  function rt.patref_del(ref, key)
    ref.overrides[#ref.overrides + 1] = { "del", key }
    ref.entries[key] = nil
    for i = #ref.order, 1, -1 do
      if ref.order[i] == key then table.remove(ref.order, i) end
    end
    for m in pairs(ref.maps) do if m.del then m:del(key) end end
  end
end

----------------------------------------------------------------------------
-- Regex

function C.regex_class(rt)
  local _ = rt
  local Regex = {}
  local mt
  local methods = {}

  function Regex.new(...)
    local n = select("#", ...)
    local pat, cs = ...
    pat = checkstring(1, pat, n)
    if type(cs) ~= "boolean" then argerror(2, "(null)") end
    local re, err = native.regex(pat, not cs)
    if not re then return false, err end
    return true, U.new(mt, nil, { re = re })
  end

  function methods.exec(...)
    local n = select("#", ...)
    local self, s = ...
    U.checkself(self, mt)
    s = checkstring(2, s, n)
    if #s >= 16384 then return false end
    return U.st(self).re:exec(s)
  end

  -- true, {whole, g1, ...} stopping at the first group that did not take
  -- part; false, {} without a match.
  function methods.match(...)
    local n = select("#", ...)
    local self, s = ...
    U.checkself(self, mt)
    s = checkstring(2, s, n)
    if #s >= 16384 then return false, {} end
    local pos = { U.st(self).re:find(s) }
    if not pos[1] then return false, {} end
    local out = {}
    for i = 1, #pos, 2 do
      if not pos[i] then break end
      out[#out + 1] = s:sub(pos[i], pos[i + 1])
    end
    return true, out
  end

  mt = U.class("Regex", U.export(methods))
  return U.export(Regex)
end

-- Substitute \0..\9 in repl with the groups of one match (regsub, rep_*).
function C.expand(s, pos, repl)
  return (repl:gsub("\\(%d)", function(d)
    local i = tonumber(d) * 2 + 1
    local a, b = pos[i], pos[i + 1]
    if a then return s:sub(a, b) end
    return ""
  end))
end

----------------------------------------------------------------------------
-- Concat: core.concat() objects over proxylua.concat (one argument added per
-- call, as HAProxy does).

function C.concat_factory(rt)
  local lib = require "proxylua.concat"
  -- built now: under a memory limit there may be no room for it later
  local DEAD = "proxylua: Concat:add() outgrew tune.lua.maxmem: HAProxy 2.6.12 spins there "
    .. "until its watchdog kills the process (checked live)"
  local mt = {}
  local methods = {}
  mt.__index = methods
  mt.__tostring = function(self) return "Concat object: " .. self.addr end

  function methods.add(...)
    local n = select("#", ...)
    local self, s = ...
    if type(s) ~= "string" and type(s) ~= "number" then U.typeerror(2, "string", s, n >= 2) end
    local ok, err = pcall(self[1].add, self[1], s)
    if not ok then
      if err == "not enough memory" then
        rt.dead = rt.dead or DEAD
        error(DEAD, 0)
      end
      error(err, 0)
    end
  end

  function methods.dump(self)
    return self[1]:dump()
  end

  -- the address is taken before the metatable hides it, as "%p" would show
  U.export(methods)
  return function()
    local t = { [0] = native.box(false), [1] = lib() }
    rawset(t, "addr", tostring(t):match("0x%x+") or "0x0")
    return setmetatable(t, mt)
  end
end

return C
