-- Proxy and Server objects as HAProxy 2.8 and later show them: every
-- method is a field of the object (pairs() lists them), the getters 2.8
-- added (get_name, get_uuid, get_puid, get_rid, is_backup, ...) exist,
-- is_draining() answers a boolean, and the old attributes name/uuid/puid
-- are served by __index with a deprecation warning, once per process and
-- attribute (live 2.8.0, 3.0.0, 3.2.0; docs/versions.md).
local U = require "proxylua.core.base.util"
local P = require "proxylua.core.classes.proxy"
local Q = require "proxylua.core.classes.queue"
local SE = require "proxylua.core.classes.server_events"
local Proc = require "proxylua.core.exec.process"

local PL = {}

-- "[C]: in ..., file:line: in ..." as HAProxy's hlua_traceback joins it.
local function traceback()
  local parts = {}
  for line in debug.traceback("", 3):gmatch("\n\t([^\n]+)") do
    if not line:match("^%[C%]: in %?") then parts[#parts + 1] = line end
  end
  return table.concat(parts, ", ")
end

local function deprecated(rt, kind, attr, getter)
  local warned = rt.process.deprecation_warned
  if not warned then warned = {} rt.process.deprecation_warned = warned end
  local key = kind .. "." .. attr
  if warned[key] then return end
  warned[key] = true
  Proc.alert(rt, string.format("hlua: use of %s '%s' attribute is deprecated and will eventually "
    .. "be removed, please use %s() function instead: %s", kind, attr, getter, traceback()), "WARNING")
end

local function later_mt(rt, kind, hidden)
  local mt = { __tostring = function() return "HAProxy class " .. (kind == "proxy" and "Proxy" or "Server") end }
  mt.__index = function(obj, k)
    local h = hidden[obj]
    if h and h[k] ~= nil then
      deprecated(rt, kind, k, k == "name" and "get_name" or (k == "uuid" and "get_uuid" or "get_puid"))
      return h[k]
    end
    return nil
  end
  return mt
end

-- Methods 2.8 added (over the 2.6 methods' private state).
local function server_getters(rt, proxies_by_name)
  local m = {}
  local new_sub = rt.new_eventsub or Q.eventsub_factory()
  function m.get_name(self) return P.sv(self).name end
  function m.get_puid(self) return tostring(P.sv(self).puid) end
  function m.get_rid(self) return tostring(P.sv(self).rid or 0) end
  function m.is_draining(self) return P.draining(P.sv(self)) end
  function m.is_backup(self) return P.sv(self).backup == true end
  function m.is_dynamic(self) return P.sv(self).dynamic == true end
  function m.get_cur_sess(self) return P.sv(self).cur_sess or 0 end
  function m.get_pend_conn(self) return P.sv(self).pend_conn or 0 end
  function m.tracking(self) P.sv(self) return nil end
  function m.get_trackers(self) P.sv(self) return {} end
  function m.get_proxy(self) return proxies_by_name[P.sv(self).proxy] end
  function m.event_sub(self, types, fn)
    local d = P.sv(self)
    local list = Q.check_event_types(rt, types)
    local sub, st = new_sub(list, fn)
    SE.subscribe(rt, st, d)
    return sub
  end
  for _, k in ipairs(SE.CHANGERS) do m[k] = SE.wrap(rt, P.server_methods[k], P.sv, P.flags) end
  return U.export(m)
end

local function proxy_getters()
  local m = {}
  function m.get_name(self) return P.px(self).name end
  function m.get_uuid(self) return tostring(P.px(self).uuid) end
  function m.get_srv_act(self)
    local n = 0
    for _, sd in pairs(P.px(self).servers or {}) do if not sd.backup then n = n + 1 end end
    return n
  end
  function m.get_srv_bck(self)
    local n = 0
    for _, sd in pairs(P.px(self).servers or {}) do if sd.backup then n = n + 1 end end
    return n
  end
  function m.get_mailers(self) P.px(self) return nil end
  return U.export(m)
end

-- A Server object in the 2.8 shape: the methods as fields, name/puid
-- hidden behind the deprecation warning, state changes published.
local function convert_server(rt, s)
  local c = rt.later_shape
  c.hidden[s] = { name = s.name, puid = s.puid }
  s.name, s.puid = nil, nil
  for k, f in pairs(P.server_methods) do s[k] = f end
  for k, f in pairs(c.sget) do s[k] = f end
  setmetatable(s, c.smt)
  local d = P.sv(s)
  U.st(s).publish = function(before, check)
    if check then SE.emit(rt, s, d, { { "SERVER_CHECK", check = check } }) end
    SE.publish(rt, s, d, before, P.flags(d), check)
  end
  return s
end
PL.convert_server = convert_server

-- Turn the 2.6-shaped objects of P.build into 2.8-shaped ones, in place
-- (their private state stays attached to the same tables).
function PL.convert(rt, proxies)
  local hidden = setmetatable({}, { __mode = "k" })
  local pmt = later_mt(rt, "proxy", hidden)
  local smt = later_mt(rt, "server", hidden)
  P.later[pmt], P.later[smt] = "proxy", "server"
  rt.later_shape = { hidden = hidden, smt = smt, sget = server_getters(rt, proxies) }
  local pget = proxy_getters()
  for _, p in pairs(proxies) do
    hidden[p] = { name = p.name, uuid = p.uuid }
    p.name, p.uuid = nil, nil
    for k, f in pairs(P.proxy_methods) do p[k] = f end
    for k, f in pairs(pget) do p[k] = f end
    setmetatable(p, pmt)
    for _, s in pairs(p.servers or {}) do convert_server(rt, s) end
  end
end

return PL
