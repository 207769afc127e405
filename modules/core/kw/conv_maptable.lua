-- Converters HAProxy added after 2.6 to the map and stick-table families:
-- map_<match>_key (3.0), table_glitch_cnt / table_glitch_rate (3.0),
-- table_inc_gpc{,0,1} / table_clr_gpc{,0,1} (3.2). Each keyword carries
-- `since`, a feature of state/versions.lua: kw/samples.lua hides it from a
-- runtime emulating an older version, so a script calling it fails there
-- as that version does (a nil method). Checked live against 2.6.12, 2.8.0,
-- 3.0.0 and 3.2.0 (spec/integration/core_conv_maptable_haproxy_spec.lua;
-- docs/versions.md §5).
local K = require "proxylua.core.kw.vocab"
local VER = require "proxylua.core.state.versions"
local ST = require "proxylua.core.kw.stktable"

local cdef, sint = K.cdef, K.sint

local function since(name, feature) K.C[name].since = feature end

----------------------------------------------------------------------------
-- map_<match>_key(file): the key of the matching entry instead of its
-- value. From Lua they are refused like every map_* converter: a map file
-- is only loaded while HAProxy starts, and a Lua converter call happens at
-- runtime, so no version ever runs one from Lua (live: "error in arguments",
-- with the reason from 3.2 on; kw/samples.lua raises it). The function
-- below is therefore never reached.

local MAP_INPUT = { int = "sint", ip = "addr" }

for _, m in ipairs({ "str", "beg", "dir", "dom", "end", "int", "ip", "reg", "sub" }) do
  local name = "map_" .. m .. "_key"
  cdef(name, MAP_INPUT[m] or "str", { min = 1, "map" }, function() return nil end)
  since(name, "map_key_conv")
end

----------------------------------------------------------------------------
-- Stick tables. Entries and columns as kw/stktable.lua describes them.

-- The entry of the input's key, created (as the inc/clr converters do) or
-- only looked up; no entry and `false` when the input does not cast to the
-- table's key type.
local function entry(i, a, s, create)
  local d = ST.table_desc(s, a[#a])
  local key = ST.smp_key(d, i)
  if key == nil then return d, nil, false end
  if create then return d, ST.touch(d, key), true end
  return d, (ST.lookup_entry(d, key)), true
end

-- table_glitch_cnt/_rate(table): 0 for a key not in the table, no sample
-- for a present key when the table does not store the counter, and for an
-- input that is no key of the table before 3.2 (live).
local function read(col)
  return function(i, a, s)
    local d, e, keyed = entry(i, a, s, false)
    if not keyed and not VER.has(s.rt, "stkey_cast_zero") then return nil end
    if not e then return sint(0) end
    if ST.columns(d)[col] == nil then return nil end
    return sint(e[col] or 0)
  end
end

for _, c in ipairs({ "glitch_cnt", "glitch_rate" }) do
  cdef("table_" .. c, "any", { min = 1, "tbl" }, read(c))
  since("table_" .. c, "glitch_conv")
end

-- Where counter idx lives in entry e: the named column (gpc0, gpc1 and
-- their rates) when the table stores it, else element idx of the array
-- column (gpc / gpc_rate) when it has one; nil, nil when neither.
local function slot(d, e, column, array, idx)
  local cols = ST.columns(d)
  if column and cols[column] ~= nil then return e, column end
  if cols[array] ~= nil and idx < (d._sizes[array] or 0) then
    if type(e[array]) ~= "table" then e[array] = {} end
    return e[array], idx
  end
  return nil, nil
end

-- The index is an unsigned 32-bit number in HAProxy: -1 is out of range.
local function index(v) return v & 0xffffffff end

-- Increment: the rate first, then the counter; the answer is the
-- counter's new value, else the rate's, else 0 (neither stored).
local function inc(d, e, column, idx)
  if not e then return sint(0) end
  local v = 0
  local rt, rk = slot(d, e, column and column .. "_rate", "gpc_rate", idx)
  if rt then rt[rk] = (rt[rk] or 0) + 1; v = rt[rk] end
  local ct, ck = slot(d, e, column, "gpc", idx)
  if ct then ct[ck] = (ct[ck] or 0) + 1; v = ct[ck] end
  return sint(v)
end

-- Clear: the counter's previous value; no sample when it is not stored.
local function clr(d, e, column, idx)
  if not e then return sint(0) end
  local ct, ck = slot(d, e, column, "gpc", idx)
  if not ct then return nil end
  local old = ct[ck] or 0
  ct[ck] = 0
  return sint(old)
end

local OPS = { inc = inc, clr = clr }

for op, fn in pairs(OPS) do
  cdef("table_" .. op .. "_gpc", "any", { min = 2, "sint", "tbl" }, function(i, a, s)
    local d, e = entry(i, a, s, true)
    return fn(d, e, nil, index(a[1]))
  end)
  since("table_" .. op .. "_gpc", "table_gpc_conv")
  for n = 0, 1 do
    local name = "table_" .. op .. "_gpc" .. n
    cdef(name, "any", { min = 1, "tbl" }, function(i, a, s)
      local d, e = entry(i, a, s, true)
      return fn(d, e, "gpc" .. n, n)
    end)
    since(name, "table_gpc_conv")
  end
end
