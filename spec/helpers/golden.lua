-- Record and replay what a live HAProxy answered to the integration specs.
--
-- PROXYLUA_RECORD=<dir>: every exchange spec/helpers/haproxy.lua has with a
-- live HAProxy (a started instance's ports and directory, each HTTP request,
-- each log read, `haproxy -c` runs, the raw exchanges a spec wraps in
-- H.recorded) is written to <dir>/<spec>.lua as it happens.
-- PROXYLUA_REPLAY=<dir>: no HAProxy runs; the same calls return what was
-- recorded, so the harness half of each differential spec is checked against
-- that version's answers (scripts/record-golden, scripts/replay-golden).
--
-- Exchanges are found by what was asked (a hash of the config, script,
-- request), never by timing; an instance's exchanges are kept in the order
-- they happened. Paths under the working tree are stored as <<PWD>> so a
-- recording replays from any checkout.
local G = {}

G.record_dir = os.getenv("PROXYLUA_RECORD")
G.replay_dir = os.getenv("PROXYLUA_REPLAY")
if G.record_dir == "" then G.record_dir = nil end
if G.replay_dir == "" then G.replay_dir = nil end

local PWD = (io.popen("pwd"):read("l") or "")
local PWD_TOKEN = "<<PWD>>"

local function plain(s) return (s:gsub("%p", "%%%0")) end

-- String values: the checkout's path <-> token.
local function tokenise(v)
  if type(v) == "string" and PWD ~= "" then return (v:gsub(plain(PWD), PWD_TOKEN)) end
  if type(v) == "table" then
    local out = {}
    for k, x in pairs(v) do out[tokenise(k)] = tokenise(x) end
    return out
  end
  return v
end

local function untokenise(v)
  if type(v) == "string" then return (v:gsub(plain(PWD_TOKEN), (PWD:gsub("%%", "%%%%")))) end
  if type(v) == "table" then
    local out = {}
    for k, x in pairs(v) do out[untokenise(k)] = untokenise(x) end
    return out
  end
  return v
end
G.untokenise = untokenise

-- FNV-1a, 64 bits: a short stable name for a long key (scripts, configs).
local function fnv(s)
  local h = -3750763034362895579 -- 0xcbf29ce484222325
  for i = 1, #s do
    h = (h ~ s:byte(i)) * 1099511628211
  end
  return string.format("%016x", h)
end

-- The key material of a call: its parts joined, the checkout's path
-- replaced, tables in sorted key order.
local function material(v)
  local t = type(v)
  if t == "table" then
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local out = {}
    for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. material(v[k]) end
    return "{" .. table.concat(out, ";") .. "}"
  end
  return t .. ":" .. tostring(tokenise(v))
end

function G.key(kind, parts)
  local m = material(parts)
  local label = type(parts) == "table" and (parts.label or parts.path or parts.line) or nil
  return kind .. " " .. fnv(m) .. (label and (" " .. tostring(label):sub(1, 40)) or "")
end

-- Serialise a value as Lua source (sorted keys, exact numbers).
local function ser(v, indent)
  local t = type(v)
  if t == "string" then return (string.format("%q", v):gsub("\\\n", "\\n")) end
  if t == "number" then
    if math.type(v) == "integer" then return string.format("%d", v) end
    if v ~= v then return "0/0" end
    if v == math.huge then return "math.huge" end
    if v == -math.huge then return "-math.huge" end
    return (string.format("%.17g", v):gsub("^(%-?%d+)$", "%1.0"))
  end
  if t == "boolean" or t == "nil" then return tostring(v) end
  assert(t == "table", "cannot record a " .. t)
  indent = indent or ""
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b)
    if type(a) == type(b) and type(a) ~= "table" then return a < b end
    return type(a) < type(b)
  end)
  local inner = indent .. "  "
  local out = {}
  for _, k in ipairs(keys) do
    out[#out + 1] = inner .. "[" .. ser(k) .. "] = " .. ser(v[k], inner) .. ","
  end
  if #out == 0 then return "{}" end
  return "{\n" .. table.concat(out, "\n") .. "\n" .. indent .. "}"
end
G.serialise = ser

-- Which spec file is calling: its base name names the golden file.
local function spec_name()
  for level = 2, 40 do
    local info = debug.getinfo(level, "S")
    if not info then break end
    local name = info.source:match("spec/integration/([%w_]+)_spec%.lua$")
    if name then return name end
  end
  return "other"
end

local files = {}     -- spec name -> { meta, calls }
local seen = {}      -- key -> times asked in this process

local function header()
  local h = require "spec.helpers.haproxy"
  local v = h.version_string()
  return { haproxy = v, build = tokenise(h.build_dir()) }
end

local function golden_file(name)
  local dir = G.record_dir or G.replay_dir
  return dir .. "/" .. name .. ".lua"
end

local function load_file(name)
  if files[name] then return files[name] end
  local data
  if G.replay_dir then
    local chunk = loadfile(golden_file(name), "t", { math = math })
    data = chunk and chunk() or { calls = {} }
  else
    data = { meta = header(), calls = {} }
  end
  files[name] = data
  return data
end

local function save(name)
  local data = files[name]
  local f = assert(io.open(golden_file(name), "wb"))
  f:write("-- What ", data.meta.haproxy, " answered to spec/integration/", name,
          "_spec.lua.\n-- Written by scripts/record-golden; replayed by scripts/replay-golden.\n",
          "return ", ser(data), "\n")
  f:close()
end

-- A new call site: key with its occurrence number in this process.
local function occurrence(key)
  seen[key] = (seen[key] or 0) + 1
  return key .. " #" .. seen[key]
end

-- Open an entry for `key` (a started instance, a run): recording, a fresh
-- table; replaying, the recorded one (an error if there is none).
function G.open(kind, parts)
  local name = spec_name()
  local data = load_file(name)
  local key = occurrence(G.key(kind, parts))
  if G.record_dir then
    local e = { events = {} }
    data.calls[key] = e
    return { name = name, entry = e, pos = 0 }
  end
  local e = data.calls[key]
  if not e then
    error(string.format("no recorded answer in %s for %s (re-record with scripts/record-golden)",
      golden_file(name), key), 3)
  end
  return { name = name, entry = untokenise(e), pos = 0 }
end

function G.save(handle)
  if G.record_dir then save(handle.name) end
end

-- One exchange within an opened entry, in order: record fn's results, or
-- return the recorded ones (checking that the same thing is asked).
function G.event(handle, kind, parts, fn)
  local key = G.key(kind, parts)
  if G.record_dir then
    local r = table.pack(fn())
    handle.entry.events[#handle.entry.events + 1] = { key = key, r = tokenise(r) }
    -- written when the instance stops (rewriting a large file per request
    -- would slow the live exchange down past HAProxy's bounds)
    if handle.save_each then save(handle.name) end
    return table.unpack(r, 1, r.n)
  end
  handle.pos = handle.pos + 1
  local ev = handle.entry.events[handle.pos]
  if not ev then error("replay: nothing was recorded for " .. key .. " (event " .. handle.pos .. ")", 3) end
  if ev.key ~= untokenise(key) and ev.key ~= key then
    error(string.format("replay out of step: recorded %s, asked %s", ev.key, key), 3)
  end
  return table.unpack(ev.r, 1, ev.r.n)
end

-- A call not tied to an instance (haproxy -c runs, raw exchanges).
function G.call(kind, parts, fn)
  local handle = G.open(kind, parts)
  handle.save_each = true
  local r = table.pack(G.event(handle, kind, parts, fn))
  return table.unpack(r, 1, r.n)
end

G.active = G.record_dir ~= nil or G.replay_dir ~= nil
G.replaying = G.replay_dir ~= nil

return G
