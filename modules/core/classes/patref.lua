-- Patref (HAProxy 3.2): core.get_patref(name) gives the pattern reference
-- behind a map or ACL file the configuration loads, editable entry by entry
-- or in a transaction (prepare, edits, commit or giveup). Edits go through
-- the process's pattern references (classes/map.lua), so Map objects and
-- core.set_map see them. Answers checked live against 3.2.0
-- (docs/versions.md, Patref).
local U = require "proxylua.core.base.util"
local Q = require "proxylua.core.classes.queue"
local SE = require "proxylua.core.classes.server_events"
local E = require "proxylua.core.exec.executor"

local select, type = select, type

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

-- Generations (live 3.2.0): prepare() opens a new, empty generation that
-- this object's edits fill; commit() makes it the whole content (what the
-- transaction did not add is gone). set() and del() in a transaction see
-- only its own entries. giveup() empties the generation but the object
-- keeps writing there (a later commit() publishes it). purge() clears every
-- generation at once, even inside a transaction.
local function may_commit(s)
  return s.tx ~= nil and s.tx.id > (s.ref.gen or 0)
end

-- The subscriptions of a reference get each event, the latest subscription
-- first, as cb(event, sub, when): no data table (live 3.2.0). core.event_sub
-- accepts the PAT_REF types but gets none of them.
local function publish(rt, ref, ev)
  local subs = ref.subs
  if not subs then return end
  local when = math.floor(rt.sched:now())
  for i = #subs, 1, -1 do
    local st = subs[i]
    if st.active and type(st.fn) == "function" and (st.type_set[ev] or st.type_set.PAT_REF) then
      SE.post(rt, st, ev, st.obj, when)
    end
  end
end

function PR.factory(rt)
  local methods = {}
  local mt = U.class("Patref", methods)
  local new_sub = Q.eventsub_factory()

  local function st(self)
    local s = U.st(U.checkself(self, mt, 2))
    if s.ref.locked then
      E.die(rt, "Patref: an edit after add_bulk() failed on '" .. s.ref.file .. "': HAProxy 3.2.0 left the "
        .. "reference locked and never returns here (its watchdog kills the process)")
    end
    return s
  end

  local function live_add(ref, key, value)
    if ref.entries[key] == nil then
      if ref.kind == "map" then rt.patref_set(ref, key, value or "") else rt.patref_add(ref, key) end
    end -- a duplicate: lookups still find the first one
    publish(rt, ref, "PAT_REF_ADD")
  end

  local function clear_live(ref)
    for i = #ref.order, 1, -1 do rt.patref_del(ref, ref.order[i]) end
  end

  local function tx_del(tx, key)
    tx.entries[key] = nil
    for i = #tx.order, 1, -1 do if tx.order[i] == key then table.remove(tx.order, i) end end
  end

  local function add(s, key, value)
    if may_commit(s) then
      local tx = s.tx
      if tx.entries[key] == nil then
        tx.entries[key] = value or ""
        tx.order[#tx.order + 1] = key
      end
      return true
    end
    live_add(s.ref, key, value)
    return true
  end

  function methods.get_name(self) return st(self).ref.file end
  function methods.is_map(self) return st(self).ref.kind == "map" end

  function methods.add(...)
    local n = select("#", ...)
    local self, key, value = ...
    local s = st(self)
    key = U.checkstring(2, key, n)
    if n >= 3 then value = U.checkstring(3, value, n) end
    return add(s, key, value)
  end

  function methods.set(...)
    local n = select("#", ...)
    local self, key, value = ...
    local s = st(self)
    key = U.checkstring(2, key, n)
    value = U.checkstring(3, value, n)
    if may_commit(s) then
      if s.tx.entries[key] == nil then return nil, "entry not found" end
      s.tx.entries[key] = value
      return true
    end
    local ref = s.ref
    if ref.entries[key] == nil then return nil, "entry not found" end
    rt.patref_set(ref, key, value)
    publish(rt, ref, "PAT_REF_SET")
    return true
  end

  function methods.del(...)
    local n = select("#", ...)
    local self, key = ...
    local s = st(self)
    key = U.checkstring(2, key, n)
    local ref = s.ref
    if may_commit(s) then
      if s.tx.entries[key] == nil then return false end
      tx_del(s.tx, key)
    else
      if ref.entries[key] == nil then return false end
      rt.patref_del(ref, key)
    end
    publish(rt, ref, "PAT_REF_DEL") -- in a transaction too (live)
    return true
  end

  -- A map takes key = value pairs, an ACL a list of strings. A wrong type
  -- raises with the reference still locked in 3.2.0: its next edit hangs.
  function methods.add_bulk(self, t)
    local s = st(self)
    if type(t) ~= "table" then U.argerror(2, "table expected") end
    local map = s.ref.kind == "map"
    for k, v in pairs(t) do
      local bad = map and (type(k) ~= "string" and k or type(v) ~= "string" and v)
        or (not map and type(v) ~= "string" and v)
      if bad ~= false and bad ~= nil then
        s.ref.locked = true
        U.argerror(-2, "string expected, got " .. type(bad))
      end
      if map then add(s, k, v) else add(s, v) end
    end
    return true
  end

  function methods.prepare(self)
    local s = st(self)
    local ref = s.ref
    ref.next_gen = math.max(ref.next_gen or 0, ref.gen or 0) + 1
    s.tx = { id = ref.next_gen, entries = {}, order = {} }
  end

  function methods.giveup(self)
    local s = st(self)
    if s.tx then s.tx.entries, s.tx.order = {}, {} end
  end

  function methods.commit(self)
    local s = st(self)
    local tx = s.tx
    if not tx then return nil, "Nothing to do" end
    s.tx = nil
    if not may_commit({ tx = tx, ref = s.ref }) then return nil, "Commit failed" end
    local ref = s.ref
    ref.gen = tx.id
    clear_live(ref)
    for _, key in ipairs(tx.order) do
      if ref.kind == "map" then rt.patref_set(ref, key, tx.entries[key]) else rt.patref_add(ref, key) end
    end
    publish(rt, ref, "PAT_REF_COMMIT")
    return true
  end

  function methods.purge(self)
    local s = st(self)
    clear_live(s.ref)
    if s.tx then s.tx.entries, s.tx.order = {}, {} end
    publish(rt, s.ref, "PAT_REF_CLEAR")
    return true
  end

  function methods.event_sub(self, types, fn)
    local s = st(self)
    local list = Q.check_event_types(rt, types)
    local sub, sst = new_sub(list, fn)
    sst.type_set = {}
    for _, t in ipairs(list) do sst.type_set[t] = true end
    s.ref.subs = s.ref.subs or {}
    s.ref.subs[#s.ref.subs + 1] = sst
    return sub
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
