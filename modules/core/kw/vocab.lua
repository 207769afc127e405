-- The shared vocabulary of the keyword files: the two registries (fetches
-- and converters by name), the functions that add to them, the sample
-- constructors, and the few lookups several keyword families use. Every
-- keyword file (converters, internal, l4, l5_l6_tls, l7_http, stktable)
-- takes what it needs from here; kw/samples.lua turns the registries into
-- the Fetches / Converters classes.
local fmt = require "proxylua.core.base.formats"

local K = {}

----------------------------------------------------------------------------
-- Samples: { t = type, v = value }

function K.str(v) return v ~= nil and { t = "str", v = v } or nil end
function K.sint(v) return v ~= nil and { t = "sint", v = v } or nil end
function K.bool(v) return { t = "bool", v = v and true or false } end
function K.bin(v) return v ~= nil and { t = "bin", v = v } or nil end
function K.addr(v)
  if v == nil then return nil end
  if fmt.parse_v4(v) then return { t = "ipv4", v = v } end
  return { t = "ipv6", v = v }
end

----------------------------------------------------------------------------
-- Registries. A fetch: spec = { min = mandatory args, types... }, http =
-- needs the HTTP parser (refused from services), fn(stream, args) -> sample
-- | nil [, error]. A converter: input = input type, spec as for fetches,
-- fn(input, args, stream) -> sample | nil.

K.F, K.C = {}, {}
K.NOARG = { min = 0 }

-- A keyword's argument check refused its arguments: HAProxy's error, with
-- the check's own reason, which 3.2 appends (kw/samples.lua, S.arg_error).
K.ARGS = "error in arguments"
function K.bad_args(why) return nil, K.ARGS, why end

-- Why HAProxy's argument checks refuse a variable name (nil: they accept it).
local SCOPES = { "psess.", "ptxn.", "preq.", "pres.", "proc.", "sess.", "txn.", "req.", "res.", "check." }
function K.var_error(name)
  if name == "" then return "Empty variable name cannot be accepted" end
  for _, p in ipairs(SCOPES) do
    if #name > #p and name:sub(1, #p) == p then
      local bad = name:find("[^%w_.]", #p + 1)
      return bad and string.format("invalid syntax at char '%s'", name:sub(bad)) or nil
    end
  end
  return string.format("invalid variable name '%s'. A variable name must be start by its scope. "
    .. "The scope can be 'proc', '(p)sess', '(p)txn', '(p)req', '(p)res' or 'check'", name)
end

-- Time units of date-like keywords' unit argument, per second.
K.TIME_UNITS = { s = 1, ms = 1000, us = 1000000 }

function K.def(name, spec, fn, http) K.F[name] = { name = name, spec = spec, fn = fn, http = http } end
function K.cdef(name, input, spec, fn) K.C[name] = { name = name, input = input, spec = spec, fn = fn } end

-- Frontend and connection figures: request description fields, with the
-- values one fresh request shows on an idle HAProxy.
function K.figure(name, default)
  K.def(name, K.NOARG, function(s)
    local v = s.desc and s.desc[name]
    if v == nil then v = default end
    return K.sint(v)
  end)
end

----------------------------------------------------------------------------
-- Lookups

-- Once the response is being processed the request's HTX data is gone:
-- request-content fetches have no value there (live: path, req.hdr, url...
-- are nil in http-response rules; method, kept in the transaction, works).
function K.reqmsg(s) return s.mode == "http" and s.dir ~= "res" and s.http_req or nil end
function K.resmsg(s) return s.mode == "http" and s.http_res or nil end

-- Backends and servers named in arguments ("be", "be/srv"), looked up in
-- the harness's proxy description.
function K.proxies(s) return s.rt.process.proxies or {} end
function K.backend_of(s, name)
  local px = K.proxies(s)[name]
  return px and (px.cap or "listen") ~= "frontend" and px or nil
end

--[[ A server's state, from its description (docs/testing.md, "Proxies and
  servers"): admin = "maint" | "drain" (the configuration's `disabled`, or
  set_maint/set_drain), check = the status its health check reports ("UP",
  "DOWN", "NOLB", "UP 1/3"...; true is "UP"), down = true (same as
  check = "DOWN"). No check: "no check", as 2.6 reports (live). ]]
function K.server_status(sv)
  if sv.admin == "maint" then return "MAINT" end
  if sv.admin == "drain" then return "DRAIN" end
  if sv.check == true then return "UP" end
  if sv.check then return tostring(sv.check) end
  if sv.down then return "DOWN" end
  return sv.forced or "no check" -- check_force_down/nolb on an unchecked server
end

local function first_word(sv) return K.server_status(sv):match("^%S*") end

-- Takes new connections (nbsrv, act/bck, connslots): running, not in
-- maintenance or drain, not NOLB, weight above 0 (live: a `weight 0` server
-- and a NOLB one are not counted in a backend's act).
function K.usable(sv)
  local w = first_word(sv)
  return w ~= "MAINT" and w ~= "DRAIN" and w ~= "DOWN" and w ~= "NOLB" and (sv.weight or 1) > 0
end

-- nbsrv: the usable active servers, else 1 if a backup is usable (the
-- first one takes the traffic) or all usable backups with allbackups.
function K.nbsrv(px)
  local act, bck = 0, 0
  for _, sv in pairs(px.servers or {}) do
    if K.usable(sv) then
      if sv.backup then bck = bck + 1 else act = act + 1 end
    end
  end
  if act > 0 then return act end
  if px.allbackups then return bck end
  return bck > 0 and 1 or 0
end

-- srv_is_up: not in maintenance and, for a checked server, not stopped
-- (drain, NOLB and weight 0 are up; live: an unchecked server forced down
-- is still up for srv_is_up, though no longer in nbsrv).
function K.server_up(sv)
  local w = first_word(sv)
  if w == "MAINT" then return false end
  if sv.forced and not sv.check and not sv.check_off then return true end
  return w ~= "DOWN"
end

-- A function of proxylua.hash (encoders, hashes, HMAC), loaded on first use.
local hashlib
function K.hash_fn(name)
  if not hashlib then
    local ok, lib = pcall(require, "proxylua.hash")
    if not ok then
      error("proxylua.core: converter '" .. name .. "' needs proxylua.hash, which is not installed", 0)
    end
    hashlib = lib
  end
  local f = hashlib[name]
  if not f then error("proxylua.core: proxylua.hash has no '" .. name .. "'", 0) end
  return f
end

return K
