-- Proxy, Server and Listener objects built from a description the harness
-- (or a spec) gives, installed in core.proxies/frontends/backends when the
-- body has run (runtime.md 5.12). Description:
--   { fe = { cap = "frontend"|"backend"|"listen", mode = "http"|"tcp", uuid = 2,
--            listeners = { "sock-1" },
--            servers = { s1 = { addr = "127.0.0.1:8080", weight = 1, maxconn = 0,
--                               puid = 1 } } } }
local U = require "proxylua.core_util"
local ST = require "proxylua.core_stktable"

local P = {}

local server_methods, proxy_methods, listener_methods = {}, {}, {}
local server_mt = U.class("Server", server_methods)
local proxy_mt = U.class("Proxy", proxy_methods)
local listener_mt = U.class("Listener", listener_methods)

local function sv(self) return U.st(U.checkself(self, server_mt, 2)).desc end

function server_methods.get_addr(self) return sv(self).addr or "<unknown>" end
function server_methods.get_weight(self) return sv(self).weight or 1 end
function server_methods.get_maxconn(self) return sv(self).maxconn or 0 end
function server_methods.is_draining(self) return sv(self).admin == "drain" and 1 or 0 end
function server_methods.set_drain(self) sv(self).admin = "drain" end
function server_methods.set_maint(self) sv(self).admin = "maint" end
function server_methods.set_ready(self) sv(self).admin = nil end
function server_methods.shut_sess(self) sv(self) end
for _, m in ipairs({ "check_enable", "check_disable", "check_force_up", "check_force_nolb",
                     "check_force_down", "agent_enable", "agent_disable", "agent_force_up",
                     "agent_force_down" }) do
  server_methods[m] = function(self) sv(self) end
end

function server_methods.set_weight(self, v)
  local d = sv(self)
  local s = tostring(v)
  local num, pct = s:match("^(%d+)(%%?)$")
  if not num then return "Empty weight string empty or preceded by garbage" end
  num = tonumber(num)
  if pct == "%" then num = (d.iweight or d.weight or 1) * num // 100 end
  if num > 256 then return "Relative weight too large." end
  d.weight = num
  return nil
end

function server_methods.set_maxconn(self, v)
  local d = sv(self)
  local num = tonumber(v)
  if not num or math.tointeger(num) == nil then return "Integer value expected." end
  d.maxconn = math.tointeger(num)
  return nil
end

function server_methods.set_addr(self, addr, port)
  local d = sv(self)
  local old_ip, old_port = (d.addr or ""):match("^(.*):(%d+)$")
  local msgs = {}
  if addr == old_ip then msgs[#msgs + 1] = "no need to change the addr"
  else msgs[#msgs + 1] = "IP changed from '" .. tostring(old_ip) .. "' to '" .. tostring(addr) .. "'" end
  port = port and tostring(port) or old_port
  if port == old_port then msgs[#msgs + 1] = "no need to change the port"
  else msgs[#msgs + 1] = "port changed from '" .. tostring(old_port) .. "' to '" .. tostring(port) .. "'" end
  d.addr = tostring(addr) .. ":" .. tostring(port)
  return table.concat(msgs, ", ") .. " by 'Lua script'"
end

function server_methods.get_stats(self)
  local d = sv(self)
  return { pxname = d.proxy, svname = d.name, status = d.admin == "maint" and "MAINT" or "no check",
           addr = d.addr, mode = d.mode or "http", weight = d.weight or 1, scur = 0, stot = 0,
           lastsess = -1, hrsp_2xx = 0 }
end

local function px(self) return U.st(U.checkself(self, proxy_mt, 2)).desc end

function proxy_methods.get_cap(self)
  local cap = px(self).cap or "proxy"
  return cap == "listen" and "proxy" or cap
end
function proxy_methods.get_mode(self) return px(self).mode or "http" end
function proxy_methods.pause(self) px(self).paused = true end
function proxy_methods.resume(self) px(self).paused = nil end
function proxy_methods.stop(self) px(self).stopped = true end
function proxy_methods.shut_bcksess(self) px(self) end
function proxy_methods.get_stats(self)
  local d = px(self)
  return { pxname = d.name, svname = (d.cap == "frontend") and "FRONTEND" or "BACKEND",
           status = "UP", algo = "roundrobin", scur = 0, stot = 0 }
end

function listener_methods.get_stats(self)
  U.checkself(self, listener_mt, 2)
  local st = U.st(self)
  return { pxname = st.proxy, svname = st.name, status = "OPEN" }
end

U.export(server_methods)
U.export(proxy_methods)
U.export(listener_methods)

function P.build(desc)
  local proxies, frontends, backends = {}, {}, {}
  local uuid = 1
  local names = {}
  for name in pairs(desc or {}) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local d = desc[name]
    d.name = name
    uuid = uuid + 1
    local servers, listeners = {}, {}
    local i = 0
    for sname, sd in pairs(d.servers or {}) do
      i = i + 1
      sd.name, sd.proxy = sname, name
      sd.iweight = sd.weight
      servers[sname] = U.new(server_mt, { name = sname, puid = tostring(sd.puid or i) }, { desc = sd })
    end
    for li, lname in ipairs(d.listeners or {}) do
      lname = type(lname) == "string" and lname or ("sock-" .. li)
      listeners[lname] = U.new(listener_mt, {}, { name = lname, proxy = name })
    end
    local p = U.new(proxy_mt, { name = name, uuid = tostring(d.uuid or uuid), servers = servers,
                                listeners = listeners,
                                stktable = d.stktable and ST.new(d.stktable) or nil }, { desc = d })
    proxies[name] = p
    local cap = d.cap or "listen"
    if cap ~= "backend" then frontends[name] = p end
    if cap ~= "frontend" then backends[name] = p end
  end
  return proxies, frontends, backends
end

function P.install(rt)
  local proxies, fe, be = P.build(rt.process.proxies)
  rt.core.proxies, rt.core.frontends, rt.core.backends = proxies, fe, be
end

return P
