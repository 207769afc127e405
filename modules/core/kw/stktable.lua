-- Stick tables from a description: the StickTable class (px.stktable), the
-- table_* / in_table converters and the sc*/src_* fetches. Shapes, values
-- and error texts were checked against live HAProxy 2.6.12
-- (spec/integration/core_kw_haproxy_spec.lua). Description, in a proxy of
-- the harness's `proxies`:
--   stktable = { type = "ip"|"ipv6"|"integer"|"string"|"binary", len = 32,
--                size = 1024, expire = 60000 (ms), nopurge = false,
--                store = { "gpc0", "http_req_rate(10s)", ... },
--                entries = { ["10.0.0.1"] = { gpc0 = 3, http_req_rate = 7,
--                                             use = 1, expire = 5000, idle = 0 } } }
-- `use` is how many streams track the entry; rate counters hold the
-- current rate as a plain integer.
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local K = require "proxylua.core.kw.vocab"
local VER = require "proxylua.core.state.versions"

local sformat, mtointeger = string.format, math.tointeger

local ST = {}

local UNITS = { ms = 1, s = 1000, m = 60000, h = 3600000, d = 86400000 }
local function period_ms(p)
  local n, unit = p:match("^(%d+)(%a*)$")
  if not n then return 0 end
  return tonumber(n) * (UNITS[unit ~= "" and unit or "ms"] or 1)
end

-- store list -> column name -> period (ms) or -1
local function columns(desc)
  if desc._cols then return desc._cols end
  local cols, sizes = {}, {}
  for _, item in ipairs(desc.store or {}) do
    local name, p = item:match("^([%w_]+)%(([^)]*)%)$")
    if name == "gpc" or name == "gpt" then -- arrays: gpc(<n>)
      cols[name], sizes[name] = -1, tonumber(p) or 0
    elseif name == "gpc_rate" then -- gpc_rate(<n>,<period>)
      local n, per = p:match("^(%d+),(.*)$")
      cols[name], sizes[name] = period_ms(per or ""), tonumber(n) or 0
    elseif name then cols[name] = period_ms(p)
    else cols[item] = -1 end
  end
  desc._cols, desc._sizes = cols, sizes
  return cols
end
ST.columns = columns

-- A key as the table stores it (canonical text), or nil when it does not
-- parse for the table's type.
local function norm_key(desc, k)
  local t = desc.type or "ip"
  if t == "ip" then
    if type(k) ~= "string" then return nil end
    local v4 = fmt.parse_v4(k)
    return v4 and fmt.v4tostr(v4) or nil
  elseif t == "ipv6" then
    if type(k) ~= "string" then return nil end
    local v6 = fmt.parse_v6(k)
    return v6 and fmt.v6tostr(v6) or nil
  elseif t == "integer" then
    local n = U.tointeger(k)
    return n and sformat("%d", n) or nil
  end
  if type(k) == "number" then k = sformat("%d", mtointeger(k) or 0) end
  return type(k) == "string" and k or nil
end
ST.norm_key = norm_key

local function entries(desc)
  if not desc._norm then
    local out = {}
    for k, e in pairs(desc.entries or {}) do
      local nk = norm_key(desc, k)
      if nk then out[nk] = e end
    end
    desc.entries, desc._norm = out, true
  end
  return desc.entries
end
ST.entries = entries

function ST.lookup_entry(desc, key)
  local nk = norm_key(desc, key)
  return nk and entries(desc)[nk], nk
end

-- Create (as tracking does) and return the entry of `key`.
function ST.touch(desc, key)
  local e, nk = ST.lookup_entry(desc, key)
  if not nk then return nil end
  if not e then
    e = {}
    entries(desc)[nk] = e
  end
  return e
end

local KEYLEN = { ip = 4, ipv6 = 16, integer = 4 }

----------------------------------------------------------------------------
-- The class

local methods = {}
local mt = U.class("StickTable", methods)
ST.mt = mt

local function desc_of(self)
  U.checkself(self, mt, 2)
  return U.st(self).desc
end

function methods.info(self)
  local d = desc_of(self)
  local t = d.type or "ip"
  local n = 0
  for _ in pairs(entries(d)) do n = n + 1 end
  local data = {}
  for c, p in pairs(columns(d)) do data[c] = p end
  return { type = t, length = KEYLEN[t] or ((d.len or 32) + (t == "string" and 1 or 0)),
           size = d.size or 0, used = n, nopurge = d.nopurge and true or false,
           expire = d.expire or 0, data = data }
end

local function row(d, e)
  local out = {}
  for c in pairs(columns(d)) do out[c] = e[c] or 0 end
  return out
end

function methods.lookup(self, key)
  local d = desc_of(self)
  local e = ST.lookup_entry(d, key)
  if not e then return nil end
  local out = row(d, e)
  out.use = e.use or 0
  out.expire = e.expire or d.expire or 0
  return out
end

local OPS = {
  eq = function(a, b) return a == b end, ne = function(a, b) return a ~= b end,
  le = function(a, b) return a <= b end, lt = function(a, b) return a < b end,
  ge = function(a, b) return a >= b end, gt = function(a, b) return a > b end,
}

-- Errors are returned, not raised (live).
function methods.dump(self, filter)
  local d = desc_of(self)
  local cols = columns(d)
  local conds = {}
  if filter ~= nil then
    if type(filter) ~= "table" then return nil, "filter table expected" end
    for i, f in ipairs(filter) do
      if i > 4 then return nil, "Filter table too large (len > 4)" end
      if type(f) ~= "table" or f[1] == nil or f[2] == nil or f[3] == nil or f[4] ~= nil then
        return nil, sformat('Filter table entry must be a triplet: {"data_col", "op", val} (entry #%d)', i)
      end
      if not cols[f[1]] then
        return nil, sformat("Filter table data column not present in stick table (entry #%d)", i)
      end
      if not OPS[f[2]] then return nil, sformat("Unknown operator in filter table (entry #%d)", i) end
      conds[i] = { f[1], OPS[f[2]], U.tointeger(f[3]) or 0 }
    end
  end
  local t = d.type or "ip"
  if t == "binary" then return nil, "Unsupported stick table key type" end
  local out = {}
  for k, e in pairs(entries(d)) do
    local ok = true
    for _, c in ipairs(conds) do
      if not c[2](e[c[1]] or 0, c[3]) then ok = false break end
    end
    if ok then out[t == "integer" and mtointeger(tonumber(k)) or k] = row(d, e) end
  end
  return out
end

U.export(methods)

function ST.new(desc) return U.new(mt, {}, { desc = desc }) end

----------------------------------------------------------------------------
-- Converters and fetches

-- Names of the counters each sc*/src_* fetch and table_* converter reads.
local COUNTERS = { "bytes_in_rate", "bytes_out_rate", "conn_cnt", "conn_cur", "conn_rate",
  "gpc0", "gpc0_rate", "gpc1", "gpc1_rate", "gpt0", "http_err_cnt", "http_err_rate",
  "http_fail_cnt", "http_fail_rate", "http_req_cnt", "http_req_rate", "kbytes_in", "kbytes_out",
  "sess_cnt", "sess_rate", "server_id" }

-- kbytes_in/out read the byte counters, in KiB
local KBYTES = { kbytes_in = "bytes_in_cnt", kbytes_out = "bytes_out_cnt" }

local function table_desc(s, name)
  local px = s.rt.process.proxies and s.rt.process.proxies[name]
  return px and px.stktable
end
ST.table_desc = table_desc

-- Input sample -> key of the table (cast to the table's type; IPs as text).
local function smp_key(d, smp)
  local t = d.type or "ip"
  if t == "ip" then
    local c = U.cast(smp, "ipv4", fmt)
    return c and c.v
  elseif t == "ipv6" then
    local c = U.cast(smp, "ipv6", fmt)
    return c and c.v
  elseif t == "integer" then
    local c = U.cast(smp, "sint", fmt)
    return c and c.v
  end
  return U.smp2str(smp)
end
ST.smp_key = smp_key

-- Registered when this file loads (kw/samples.lua requires it).
do
  local cdef, def, sint, bool = K.cdef, K.def, K.sint, K.bool

  local function conv(fn, c)
    return function(i, a, s)
      local tname = a[#a]
      local d = table_desc(s, tname)
      local key = smp_key(d, i)
      if key == nil then
        -- 3.2 takes an input that is no key of the table as an absent key
        if not VER.has(s.rt, "stkey_cast_zero") then return nil end
        return fn(d, nil, a)
      end
      return fn(d, ST.lookup_entry(d, key), a)
    end
  end
  cdef("in_table", "any", { min = 1, "tbl" }, conv(function(_, e) return bool(e ~= nil) end))
  for _, c in ipairs(COUNTERS) do
    local col, shift = KBYTES[c] or c, KBYTES[c] and 10 or 0
    cdef("table_" .. c, "any", { min = 1, "tbl" }, conv(function(d, e)
      if not e then return sint(0) end -- even when not stored (live)
      if columns(d)[col] == nil then return nil end
      return sint((e[col] or 0) >> shift)
    end))
  end
  -- the converter's own reference counts as a tracker (live: 1 + use)
  cdef("table_trackers", "any", { min = 1, "tbl" }, conv(function(_, e)
    return sint(e and (e.use or 0) + 1 or 0)
  end))
  cdef("table_expire", "any", { min = 1, "tbl", "sint" }, function(i, a, s)
    local d = table_desc(s, a[1])
    local key = smp_key(d, i)
    if key == nil then return nil end
    local e = ST.lookup_entry(d, key)
    if not e then return a[2] and sint(a[2]) or nil end
    return sint(e.expire or d.expire or 0)
  end)
  cdef("table_idle", "any", { min = 1, "tbl", "sint" }, function(i, a, s)
    local d = table_desc(s, a[1])
    local key = smp_key(d, i)
    if key == nil then return nil end
    local e = ST.lookup_entry(d, key)
    if not e then return a[2] and sint(a[2]) or nil end
    return sint(e.idle or 0)
  end)
  local function gpc_conv(prefix)
    return function(i, a, s)
      local d = table_desc(s, a[2])
      local key = smp_key(d, i)
      if key == nil then return VER.has(s.rt, "stkey_cast_zero") and sint(0) or nil end
      local e = ST.lookup_entry(d, key)
      if not e then return sint(0) end -- an absent key: 0, whatever the table stores (live)
      if columns(d)[prefix] == nil then return nil end
      if a[1] < 0 or a[1] >= (d._sizes[prefix] or 0) then return nil end
      local arr = e[prefix]
      return sint(type(arr) == "table" and arr[a[1]] or 0)
    end
  end
  cdef("table_gpc", "any", { min = 2, "sint", "tbl" }, gpc_conv("gpc"))
  cdef("table_gpc_rate", "any", { min = 2, "sint", "tbl" }, gpc_conv("gpc_rate"))
  cdef("table_gpt", "any", { min = 2, "sint", "tbl" }, gpc_conv("gpt"))

  -- Tracked counters: request description `track = { [0] = "st" }` (key =
  -- the client address) or `{ [0] = { "st", key } }`.
  local function tracked(s, n)
    local t = s.desc and s.desc.track and s.desc.track[n]
    if not t then return nil end
    local tname, key = t, s.src
    if type(t) == "table" then tname, key = t[1], t[2] end
    local d = table_desc(s, tname)
    if not d then return nil end
    local e = ST.touch(d, key)
    if not e then return nil end
    return d, e
  end
  -- what a fetch does with the entry: read a counter, or change it
  local ACTIONS = {}
  for _, c in ipairs(COUNTERS) do
    local col, shift = KBYTES[c] or c, KBYTES[c] and 10 or 0
    ACTIONS[c] = function(d, e)
      if columns(d)[col] == nil then return nil end
      return sint((e[col] or 0) >> shift)
    end
  end
  for _, g in ipairs({ "gpc0", "gpc1", "gpt0" }) do
    ACTIONS["get_" .. g] = ACTIONS[g]
  end
  for _, g in ipairs({ "gpc0", "gpc1" }) do
    ACTIONS["inc_" .. g] = function(d, e)
      if columns(d)[g] == nil then return nil end
      e[g] = (e[g] or 0) + 1
      return sint(e[g])
    end
    ACTIONS["clr_" .. g] = function(d, e)
      if columns(d)[g] == nil then return nil end
      local old = e[g] or 0
      e[g] = 0
      return sint(old)
    end
  end
  ACTIONS.trackers = function(_, e) return sint(e.use or 0) end
  ACTIONS.tracked = function() return bool(true) end

  -- gpc0, gpc1, gpt0 and server_id are read through get_* (or not at all)
  -- by the fetches: HAProxy has no sc_gpc0 or src_server_id
  for _, c in ipairs({ "gpc0", "gpc1", "gpt0", "server_id" }) do ACTIONS[c] = nil end
  for name, act in pairs(ACTIONS) do
    -- sc_<x>(ctr[,table]) and sc0_/sc1_/sc2_<x>([table])
    def("sc_" .. name, { min = 1, "sint", "tbl" }, function(s, a)
      local d, e = tracked(s, a[1])
      if not d then return name == "tracked" and bool(false) or nil end
      if a[2] then d = table_desc(s, a[2]); e = ST.touch(d, s.src) end
      return act(d, e)
    end)
    for n = 0, 2 do
      def("sc" .. n .. "_" .. name, { min = 0, "tbl" }, function(s, a)
        local d, e = tracked(s, n)
        if not d then return name == "tracked" and bool(false) or nil end
        if a[1] then d = table_desc(s, a[1]); e = ST.touch(d, s.src) end
        return act(d, e)
      end)
    end
    -- src_<x>(table): the client address looked up in the table; the
    -- table is mandatory from Lua (live)
    if name ~= "tracked" and name ~= "trackers" then
      def("src_" .. name, { min = 1, "tbl" }, function(s, a)
        local d = table_desc(s, a[1])
        local e = ST.lookup_entry(d, s.src)
        if not e then
          if name:match("^inc_") then e = ST.touch(d, s.src) else return sint(0) end
        end
        return act(d, e)
      end)
    end
  end
  -- The gpc/gpt arrays: entry.gpc = { [0] = n, ... }; idx is the first
  -- argument (0..99).
  local function in_arr(d, prefix, idx)
    return columns(d)[prefix] ~= nil and idx >= 0 and idx < (d._sizes[prefix] or 0)
  end
  local function arr_get(prefix)
    return function(d, e, idx)
      if not in_arr(d, prefix, idx) then return nil end
      local arr = e[prefix]
      return sint(type(arr) == "table" and arr[idx] or 0)
    end
  end
  local ARR = {
    get_gpc = arr_get("gpc"), get_gpt = arr_get("gpt"), gpc_rate = arr_get("gpc_rate"),
    inc_gpc = function(d, e, idx)
      if not in_arr(d, "gpc", idx) then return nil end
      e.gpc = type(e.gpc) == "table" and e.gpc or {}
      e.gpc[idx] = (e.gpc[idx] or 0) + 1
      return sint(e.gpc[idx])
    end,
    clr_gpc = function(d, e, idx)
      if not in_arr(d, "gpc", idx) then return nil end
      e.gpc = type(e.gpc) == "table" and e.gpc or {}
      local old = e.gpc[idx] or 0
      e.gpc[idx] = 0
      return sint(old)
    end,
  }
  for name, act in pairs(ARR) do
    def("sc_" .. name, { min = 2, "sint", "sint", "tbl" }, function(s, a)
      local d, e = tracked(s, a[2])
      if not d then return nil end
      if a[3] then d = table_desc(s, a[3]); e = ST.touch(d, s.src) end
      return act(d, e, a[1])
    end)
    -- of the sc<n>_ forms, 2.6 only has sc1_clr_gpc
    if name == "clr_gpc" then
      def("sc1_clr_gpc", { min = 1, "sint", "tbl" }, function(s, a)
        local d, e = tracked(s, 1)
        if not d then return nil end
        if a[2] then d = table_desc(s, a[2]); e = ST.touch(d, s.src) end
        return act(d, e, a[1])
      end)
    end
    def("src_" .. name, { min = 2, "sint", "tbl" }, function(s, a)
      local d = table_desc(s, a[2])
      local e = ST.lookup_entry(d, s.src)
      if not e then
        if name:match("^inc_") then e = ST.touch(d, s.src) else return sint(0) end
      end
      return act(d, e, a[1])
    end)
  end
  -- src_updt_conn_cnt(table): counts a connection for the client address
  def("src_updt_conn_cnt", { min = 1, "tbl" }, function(s, a)
    local d = table_desc(s, a[1])
    local e = ST.touch(d, s.src)
    if not e then return nil end
    e.conn_cnt = (e.conn_cnt or 0) + 1
    return sint(e.conn_cnt)
  end)
  def("table_cnt", { min = 1, "tbl" }, function(s, a)
    local n = 0
    for _ in pairs(entries(table_desc(s, a[1]))) do n = n + 1 end
    return sint(n)
  end)
  def("table_avl", { min = 1, "tbl" }, function(s, a)
    local d = table_desc(s, a[1])
    local n = 0
    for _ in pairs(entries(d)) do n = n + 1 end
    return sint((d.size or 0) - n)
  end)
end

return ST
