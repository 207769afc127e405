-- The Fetches / Converters classes behind txn.f, txn.sf, txn.c, txn.sc:
-- one method per HAProxy keyword of the registries the keyword files fill
-- (kw/vocab.lua), with HAProxy's argument conversion and checks, and the
-- fetch/convert calls the harness and %[...]-style chains use
-- (docs/haproxy-runtime.md §3.2, §3.3).
local U = require "proxylua.core.base.util"
local VER = require "proxylua.core.state.versions"
local fmt = require "proxylua.core.base.formats"
local native = require "proxylua.core_native"
local K = require "proxylua.core.kw.vocab"
-- the keyword families, named after the configuration manual's sections
require "proxylua.core.kw.converters"
require "proxylua.core.kw.internal"
require "proxylua.core.kw.l4"
require "proxylua.core.kw.l5_l6_tls"
require "proxylua.core.kw.l7_http"
require "proxylua.core.kw.stktable"
require "proxylua.core.kw.conv_maptable" -- converters of later versions
require "proxylua.core.kw.conv_later" -- converters added after 2.6

local type, select, tostring, pairs = type, select, tostring, pairs
local sformat = string.format
local mtointeger = math.tointeger
local F, C = K.F, K.C

local S = {}
S.fetches, S.converters = F, C

----------------------------------------------------------------------------
-- Arguments from Lua (docs/haproxy-hashes.md §1.2): numbers and booleans
-- become integers (non-integral floats 0), strings stay strings, anything
-- else integer 0; then each is checked against the keyword's spec.

local function lua2arg(v)
  local t = type(v)
  if t == "string" then return v end
  if t == "number" then return mtointeger(v) or 0 end
  return 0
end

local function parse_mask4(v)
  if type(v) == "number" then v = tostring(v) end
  if v:match("^%d+$") then
    local n = tonumber(v)
    if n > 32 then return nil end
    return n == 0 and 0 or (0xffffffff << (32 - n)) & 0xffffffff
  end
  return fmt.parse_v4(v)
end

-- Check and convert args[first..] for keyword `kw`; errors name argument
-- numbers as Lua sees them: argument i sits at base + i (base 1 for
-- fetches: self; 2 for converters: self and the input).
-- lvl: level of the Lua-facing method above this function's caller.
-- Converters whose integer arguments became strings (variables allowed)
-- in 3.0: from Lua an integer there fails as any non-string does (live).
local STR_ARGS_SINCE_300 = { bytes = true }

-- The text of a refused argument check: 3.2 appends the check's reason
-- ("error in arguments: <why>", docs/versions.md §2).
function S.arg_error(rt, err, why)
  if err == K.ARGS and why and rt and VER.has(rt, "arg_error_details") then
    return err .. ": " .. why
  end
  return err
end

local function check_args(kw, args, n, base, lvl, s)
  local spec = kw.spec
  local out, map_arg = {}, false
  local as_str = STR_ARGS_SINCE_300[kw.name] and s and s.rt and VER.has(s.rt, "str_args")
  for i = 1, n do
    local a = lua2arg(args[i])
    local want = spec[i]
    if as_str and want == "sint" and type(a) ~= "string" then
      U.argerror(base + i, "unable to duplicate string arg", lvl + 1)
    end
    local narg = base + i
    if want == nil then U.argerror(narg, "Last argument expected", lvl + 1) end
    if want == "str" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
    elseif want == "sint" then
      if type(a) ~= "number" then U.argerror(narg, "integer expected", lvl + 1) end
    elseif want == "ipv4" then
      -- Lua can only pass strings and integers; HAProxy wants an address
      U.argerror(narg, "invalid IPv4 address", lvl + 1)
    elseif want == "ipv6" then
      U.argerror(narg, "invalid IPv6 address", lvl + 1)
    elseif want == "msk4" then
      a = parse_mask4(a)
      if not a then U.argerror(narg, "invalid IPv4 mask", lvl + 1) end
    elseif want == "msk6" then
      -- 2.6's Lua binding never builds an IPv6 mask: anything is accepted
      -- and IPv6 input gives no sample (live)
      a = nil
    elseif want == "reg" then
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      local re, err = native.regex(a, false)
      if not re then U.argerror(narg, err, lvl + 1) end
      a = re
    elseif want == "map" then
      -- a string, refused after every argument is checked (below)
      if type(a) ~= "string" then U.argerror(narg, "unable to duplicate string arg", lvl + 1) end
      map_arg = true
    elseif want == "pbuf" then
      -- 2.6's Lua binding cannot build this argument type (live)
      U.argerror(narg, sformat("'Protocol buffers field number' expected, got '%s'",
        type(a) == "string" and "string" or "integer"), lvl + 1)
    elseif want == "be" or want == "fe" then
      -- name arguments (proxy, server, userlist, table) want a string (live)
      if type(a) ~= "string" then U.argerror(narg, "string expected", lvl + 1) end
      local px = s and s.rt.process.proxies and s.rt.process.proxies[a]
      local cap = px and (px.cap or "listen")
      if not px or cap == (want == "be" and "frontend" or "backend") then
        U.argerror(narg, want == "be" and "backend doesn't exist" or "frontend doesn't exist", lvl + 1)
      end
    elseif want == "srv" then
      if type(a) ~= "string" then U.argerror(narg, "string expected", lvl + 1) end
      -- 2.6 cuts the Lua string at its '/' in place: a second call with
      -- the same string no longer finds the server (live)
      local used = s.rt.srv_args_used or {}
      s.rt.srv_args_used = used
      local pxname, sname = a:match("^([^/]*)/(.*)$")
      if not pxname then pxname, sname = s.frontend, a end
      local px = s.rt.process.proxies and s.rt.process.proxies[pxname]
      local sv = not used[a] and px and px.servers and px.servers[sname]
      if a:find("/", 1, true) then used[a] = true end
      if not sv then U.argerror(narg, "server doesn't exist", lvl + 1) end
      a = sv
    elseif want == "userlist" then
      if type(a) ~= "string" then U.argerror(narg, "string expected", lvl + 1) end
      local ul = s.rt.process.userlists
      if not (ul and ul[a]) then U.argerror(narg, "unable to find userlist '" .. a .. "'", lvl + 1) end
    elseif want == "tbl" then
      if type(a) ~= "string" then U.argerror(narg, "string expected", lvl + 1) end
      local px = s and s.rt.process.proxies and s.rt.process.proxies[a]
      if not (px and px.stktable) then U.argerror(narg, "table doesn't exist", lvl + 1) end
    end
    out[i] = a
  end
  if n < spec.min then U.argerror(base + n + 1, "Mandatory argument expected", lvl + 1) end
  if map_arg then
    -- a map file loads only while HAProxy starts (3.2 says so, unplaced)
    if s and s.rt and VER.has(s.rt, "arg_error_details") then
      error("error in arguments: map: cannot load map at runtime", 0)
    end
    U.raise("error in arguments", lvl + 1)
  end
  return out
end

local function mangle(name) return (name:gsub("[%.%-%+]", "_")) end

local fetch_methods, conv_methods = {}, {}

local fetches_mt = U.class("Fetches", fetch_methods)

local converters_mt = U.class("Converters", conv_methods)

S.fetches_mt, S.converters_mt = fetches_mt, converters_mt
-- every method, whatever the version (the annotations, core_types.lua)
S.fetch_methods, S.conv_methods = fetch_methods, conv_methods

for kwname, kw in pairs(F) do
  local mname = mangle(kwname)
  if not fetch_methods[mname] or kwname:find("[%.%-]") then
    fetch_methods[mname] = function(...)
      local n = select("#", ...)
      local self = ...
      U.checkself(self, fetches_mt)
      local st = U.st(self)
      local s = st.stream
      if kw.http and s.applet then
        U.raise(sformat("the sample-fetch '%s' needs an HTTP parser which is not available in Lua services", kwname))
      end
      local args = check_args(kw, { select(2, ...) }, math.max(0, n - 1), 1, 1, s)
      local smp, err, why = kw.fn(s, args)
      if err then U.raise(S.arg_error(s.rt, err, why)) end
      if st.str then return U.smp2str(smp) or "" end
      return U.smp2lua(smp, s.rt)
    end
  end
end

-- Lua value -> converter input: strings as they are; other values become a
-- sample (2.3's rule) cast to the converter's input type (binary takes
-- integers as 8 big-endian bytes, docs/haproxy-hashes.md §1.3).
local function conv_input(v, want)
  local smp = U.lua2smp(v)
  if want == "bin" and (smp.t == "sint" or smp.t == "bool") then
    local n = smp.t == "sint" and smp.v or (smp.v and 1 or 0)
    return { t = "bin", v = string.pack(">i8", n) }
  end
  return U.cast(smp, want, fmt)
end

S.conv_input = conv_input

-- Converters of later versions (cv.since, a feature of state/versions.lua)
-- are methods only of the Converters objects of a runtime emulating one:
-- one metatable per emulated version, all methods without a runtime.
local conv_since, conv_mts, is_conv_mt = {}, {}, { [converters_mt] = true }

local function conv_mt(rt)
  local key = rt and (rt.version or 206) or "all"
  local mt = conv_mts[key]
  if not mt then
    local methods = {}
    for m, f in pairs(conv_methods) do
      if not (rt and conv_since[m] and not VER.has(rt, conv_since[m])) then methods[m] = f end
    end
    mt = U.class("Converters", methods)
    conv_mts[key], is_conv_mt[mt] = mt, true
  end
  return mt
end

for cname, cv in pairs(C) do
  conv_since[mangle(cname)] = cv.since
  conv_methods[mangle(cname)] = function(...)
    local n = select("#", ...)
    local self, input = ...
    if not is_conv_mt[getmetatable(self)] then U.checkself(self, converters_mt) end
    local stream = U.st(self).stream
    if cname == "debug" and stream and stream.rt and VER.has(stream.rt, "debug_conv_crash") then
      -- live 3.2.0: FATAL bug condition in sink_find_early, the process dies
      require("proxylua.core.exec.executor").die(stream.rt, "txn.c:debug() from Lua: HAProxy "
        .. VER.name(stream.rt.version) .. " crashes here (BUG_ON in sink.c: the debug "
        .. "converter looks its sink up at runtime)")
    end
    local args = check_args(cv, { select(3, ...) }, math.max(0, n - 2), 2, 1, U.st(self).stream)
    local smp = conv_input(input, cv.input)
    if not smp then U.raise("error during the input argument casting") end
    local out, err, why = cv.fn(smp, args, stream)
    if err then U.raise(S.arg_error(stream and stream.rt, err, why)) end
    if U.st(self).str then return U.smp2str(out) or "" end
    return U.smp2lua(out, U.st(self).stream.rt)
  end
end

-- The object's state lives in its [0] token: method names (str, bool...)
-- would shadow fields.
local function new_obj(mt, stream, as_string)
  return U.new(mt, nil, { stream = stream, str = as_string or nil })
end

U.export(fetch_methods)

U.export(conv_methods)

function S.new_fetches(stream, as_string) return new_obj(fetches_mt, stream, as_string) end

function S.new_converters(stream, as_string) return new_obj(conv_mt(stream.rt), stream, as_string) end

-- For the harness and %[...]-style chains: run a fetch/converter by its
-- configuration name on a stream.
-- Arguments go through the same checks as from Lua (backend, server and
-- table names become what the keyword expects); a refusal is nil, msg.
function S.fetch(stream, name, ...)
  local kw = F[name]
  if not kw then return nil, "unknown fetch method '" .. name .. "'" end
  local ok, args = pcall(check_args, kw, { ... }, select("#", ...), 0, 1, stream)
  if not ok then return nil, args end
  return kw.fn(stream, args)
end

function S.convert(stream, name, smp, ...)
  local cv = C[name]
  if cv and cv.since and not VER.has(stream.rt, cv.since) then cv = nil end
  if not cv then return nil, "unknown converter '" .. name .. "'" end
  local ok, args = pcall(check_args, cv, { ... }, select("#", ...), 0, 1, stream)
  if not ok then return nil, args end
  local input = U.cast(smp, cv.input, fmt)
  if not input then return nil end
  return cv.fn(input, args, stream)
end

return S
