-- The Map class (over proxylua.map) and the pattern references (map and
-- ACL files of the process) that core.set_map/add_acl update.
local U = require "proxylua.core.base.util"

local type, select, pairs = type, select, pairs
local checkstring, raise = U.checkstring, U.raise
local sformat = string.format

local MAP = {}

local METHODS = { found = 0, bool = 1, int = 2, ip = 3, bin = 4, len = 5, str = 6, beg = 7,
                  sub = 8, dir = 9, dom = 10, ["end"] = 11, reg = 12, regm = 13 }
local UNSUPPORTED = { [0] = true, [1] = true, [4] = true, [5] = true, [13] = true }
MAP.METHODS = METHODS

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
MAP.ref_for = ref_for

function MAP.class(rt)
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
function MAP.patref_ops(rt)
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

return MAP
