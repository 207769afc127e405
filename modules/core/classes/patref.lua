-- Patref (HAProxy 3.2): core.get_patref(name) gives the pattern reference
-- behind a map or ACL file the configuration loads, editable entry by entry
-- or in a transaction (prepare, edits, commit or giveup). Edits go through
-- the process's pattern references (classes/map.lua), so Map objects and
-- core.set_map see them. Answers checked live against 3.2.0
-- (docs/versions.md, Patref).
local U = require "proxylua.core.base.util"
local MAP = require "proxylua.core.classes.map"
local Q = require "proxylua.core.classes.queue"

local select, type, tostring = select, type, tostring

local PR = {}

-- The file's own entries, read once: a reference knows what it started with.
local function seed(rt, ref)
  if ref.seeded then return end
  ref.seeded = true
  local path = rt.resolve_file and rt.resolve_file(ref.file) or ref.file
  local fh = io.open(path, "rb")
  if not fh then return end
  for line in fh:lines() do
    local key, value = line:match("^%s*([^%s#]%S*)%s*(.-)%s*$")
    if key and ref.entries[key] == nil then
      ref.entries[key] = ref.kind == "map" and value or true
      ref.order[#ref.order + 1] = key
    end
  end
  fh:close()
end

function PR.factory(rt)
  local methods = {}
  local mt = U.class("Patref", methods)
  local new_sub = Q.eventsub_factory()

  local function st(self) return U.st(U.checkself(self, mt, 2)) end

  -- An edit now, or kept for commit while a transaction is open.
  local function edit(s, op, key, value)
    if s.pending then
      s.pending[#s.pending + 1] = { op, key, value }
      return true
    end
    local ref = s.ref
    if op == "set" or op == "add" then
      if ref.kind == "map" then rt.patref_set(ref, key, value or "") else rt.patref_add(ref, key) end
      return true
    end
    if ref.entries[key] == nil then return false end
    rt.patref_del(ref, key)
    return true
  end

  function methods.get_name(self) return st(self).ref.file end
  function methods.is_map(self) return st(self).ref.kind == "map" end

  function methods.add(...)
    local n = select("#", ...)
    local self, key, value = ...
    local s = st(self)
    key = U.checkstring(2, key, n)
    if s.ref.kind == "map" and value ~= nil then value = U.checkstring(3, value, n) end
    return edit(s, "add", key, value)
  end

  function methods.set(...)
    local n = select("#", ...)
    local self, key, value = ...
    local s = st(self)
    key = U.checkstring(2, key, n)
    value = U.checkstring(3, value, n)
    return edit(s, "set", key, value)
  end

  function methods.del(...)
    local n = select("#", ...)
    local self, key = ...
    local s = st(self)
    key = U.checkstring(2, key, n)
    return edit(s, "del", key)
  end

  function methods.add_bulk(self, t)
    local s = st(self)
    if type(t) ~= "table" then U.argerror(2, "table expected") end
    for k, v in pairs(t) do
      if type(k) == "number" then edit(s, "add", tostring(v)) else edit(s, "set", tostring(k), tostring(v)) end
    end
    return true
  end

  function methods.prepare(self)
    st(self).pending = {}
  end

  function methods.giveup(self)
    st(self).pending = nil
  end

  function methods.commit(self)
    local s = st(self)
    local ops = s.pending or {}
    s.pending = nil
    if s.purge_pending then
      s.purge_pending = nil
      for i = #s.ref.order, 1, -1 do rt.patref_del(s.ref, s.ref.order[i]) end
    end
    for _, op in ipairs(ops) do edit(s, op[1], op[2], op[3]) end
    return true
  end

  function methods.purge(self)
    local s = st(self)
    if s.pending then s.purge_pending = true return true end
    for i = #s.ref.order, 1, -1 do rt.patref_del(s.ref, s.ref.order[i]) end
    return true
  end

  function methods.event_sub(self, types, fn)
    st(self)
    local list = Q.check_event_types(rt, types)
    return (new_sub(list, fn))
  end

  U.export(methods)

  -- core.get_patref(name)
  return function(...)
    local n = select("#", ...)
    local name = ...
    U.nargs(n, 1, "get_patref")
    name = U.checkstring(1, name, n)
    local ref = rt.process.patrefs[name]
    if not ref then U.raise(string.format("'get_patref': unknown pattern reference '%s'", name)) end
    seed(rt, ref)
    return U.new(mt, {}, { ref = ref })
  end
end

PR.seed = seed
return PR
