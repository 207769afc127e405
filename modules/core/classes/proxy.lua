-- Proxy, Server and Listener objects built from a description the harness
-- (or a spec) gives, installed in core.proxies/frontends/backends when the
-- body has run (docs/haproxy-runtime.md §5.12). Description:
--   { fe = { cap = "frontend"|"backend"|"listen", mode = "http"|"tcp", uuid = 2,
--            listeners = { "sock-1" },
--            servers = { s1 = { addr = "127.0.0.1:8080", weight = 1, maxconn = 0,
--                               puid = 1, check = "UP" } } } }
-- (every field: docs/testing.md, "Proxies and servers"). The objects read
-- the description on each call, so a spec may change it between calls.
local U = require "proxylua.core.base.util"
local V = require "proxylua.core.state.versions"
local ST = require "proxylua.core.kw.stktable"
local K = require "proxylua.core.kw.vocab"
local SE = require "proxylua.core.classes.server_events"
local SC = require "proxylua.core.classes.server_check"
local PS = require "proxylua.core.classes.proxy_stats"
local SA = require "proxylua.core.classes.server_addr"

local P = {}

-- `show stat` fields (management.txt) that 2.6.12's get_stats returns for
-- a frontend, a backend (and a listen section) and a server, as listed live.
local FE_FIELDS = {
  "bin", "bout", "cache_hits", "cache_lookups", "comp_byp", "comp_in", "comp_out", "comp_rsp",
  "conn_rate", "conn_rate_max", "conn_tot", "dcon", "dreq", "dresp", "dses", "eint", "ereq",
  "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other", "iid",
  "intercepted", "mode", "pid", "pxname", "rate", "rate_lim", "rate_max", "req_rate",
  "req_rate_max", "req_tot", "scur", "sid", "slim", "smax", "status", "stot", "svname", "type",
  "wrew",
}
local BE_FIELDS = {
  "act", "agg_check_status", "agg_server_check_status", "agg_server_status", "algo", "bck",
  "bin", "bout", "cache_hits", "cache_lookups", "chkdown", "cli_abrt", "comp_byp", "comp_in",
  "comp_out", "comp_rsp", "conn_rate", "conn_rate_max", "conn_tot", "connect", "ctime",
  "ctime_max", "dcon", "downtime", "dreq", "dresp", "dses", "econ", "eint", "ereq", "eresp",
  "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other", "iid",
  "intercepted", "lastchg", "lastsess", "lbtot", "mode", "pid", "pxname", "qcur", "qmax",
  "qtime", "qtime_max", "rate", "rate_lim", "rate_max", "req_rate", "req_rate_max", "req_tot",
  "reuse", "rtime", "rtime_max", "scur", "sid", "slim", "smax", "srv_abrt", "status", "stot",
  "svname", "ttime", "ttime_max", "type", "uweight", "weight", "wredis", "wretr", "wrew",
}
local SRV_FIELDS = {
  "act", "addr", "agg_check_status", "agg_server_check_status", "agg_server_status", "algo",
  "bck", "bin", "bout", "cache_hits", "cache_lookups", "cli_abrt", "comp_byp", "comp_in",
  "comp_out", "comp_rsp", "conn_rate", "conn_rate_max", "conn_tot", "connect", "ctime",
  "ctime_max", "dcon", "dreq", "dresp", "dses", "econ", "eint", "ereq", "eresp", "hrsp_1xx",
  "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other", "idle_conn_cur", "iid",
  "intercepted", "lastchg", "lastsess", "lbtot", "mode", "need_conn_est", "pid", "pxname",
  "qcur", "qmax", "qtime", "qtime_max", "rate", "rate_lim", "rate_max", "req_rate",
  "req_rate_max", "req_tot", "reuse", "rtime", "rtime_max", "safe_conn_cur", "scur", "sid",
  "smax", "srv_abrt", "srv_icur", "status", "stot", "svname", "ttime", "ttime_max", "type",
  "used_conn_cur", "uweight", "weight", "wredis", "wretr", "wrew",
}


local usable = K.usable

-- Fields default to 0; the description's `stats` table overrides any field.
local function fill(fields, base, overrides)
  local out = {}
  for _, f in ipairs(fields) do out[f] = 0 end
  for k, v in pairs(base) do out[k] = v end
  for k, v in pairs(overrides or {}) do out[k] = v end
  return out
end

-- What a server's stats say (any version), before the field list.
function P.server_values(d)
  return {
    pxname = d.proxy, svname = d.name, addr = d.addr, mode = d.mode or "http",
    status = K.server_status(d), act = d.backup and 0 or 1,
    bck = d.backup and 1 or 0, weight = d.weight or 1, uweight = d.weight or 1,
    iid = d.proxy_uuid or 0, sid = tonumber(d.puid) or 0, pid = 1, type = 2, lastsess = -1,
    algo = d.algo or "roundrobin", slim = (d.maxconn or 0) > 0 and d.maxconn or nil,
    -- the counters srv_conn, srv_queue, srv_sess_rate read
    scur = d.cur or 0, qcur = d.queue or 0, rate = d.sess_rate or 0,
  }
end

function P.server_stats(d)
  return fill(SRV_FIELDS, P.server_values(d), d.stats)
end

-- What a proxy's stats say (any version): "fe" or "be" (a listen section
-- fills as a backend), and the values before the field list.
function P.proxy_values(d)
  if d.cap == "frontend" then
    return "fe", { pxname = d.name, svname = "FRONTEND", mode = d.mode or "http",
      status = d.paused and "PAUSED" or (d.stopped and "STOP" or "OPEN"), iid = tonumber(d.uuid) or 0,
      pid = 1, type = 0, slim = d.maxconn or 0 }
  end
  local act, bck, weight = 0, 0, 0
  for _, sv in pairs(d.servers or {}) do
    if usable(sv) then
      if sv.backup then bck = bck + 1 else act = act + 1; weight = weight + (sv.weight or 1) end
    end
  end
  return "be", { pxname = d.name, svname = "BACKEND", mode = d.mode or "http",
    status = (act + bck > 0) and "UP" or "DOWN", algo = d.algo or "roundrobin", act = act,
    bck = bck, weight = weight, uweight = weight, iid = tonumber(d.uuid) or 0, pid = 1, type = 1,
    lastsess = -1, slim = d.fullconn or 1000,
    -- the counters be_conn, queue, be_sess_rate read
    scur = d.conn or 0, qcur = d.queue or 0, rate = d.sess_rate or 0 }
end

function P.proxy_stats(d)
  local kind, base = P.proxy_values(d)
  return fill(kind == "fe" and FE_FIELDS or BE_FIELDS, base, d.stats)
end

local server_methods, proxy_methods, listener_methods = {}, {}, {}
local server_mt = U.class("Server", server_methods)
local proxy_mt = U.class("Proxy", proxy_methods)
local listener_mt = U.class("Listener", listener_methods)

-- The objects of a 2.8+ runtime have metatables of their own
-- (classes/proxy_later.lua); the methods accept both.
P.later = setmetatable({}, { __mode = "k" }) -- metatable -> "proxy" | "server"
local function check(self, mt, kind)
  if type(self) == "table" and P.later[getmetatable(self)] == kind then return self end
  return (U.checkself(self, mt, 3)) -- not a tail call: argerror counts frames
end

local function sv(self) return U.st(check(self, server_mt, "server")).desc end

-- A backend losing its last usable server counts a transition to DOWN
-- (chkdown). mutate(d, fn) runs one state change of a server.
local function mutate(d, fn)
  local be = d.backend_desc
  local function any_up()
    for _, o in pairs(be and be.servers or {}) do
      if usable(o) then return true end
    end
    return false
  end
  local was = be and any_up()
  fn(d)
  if be and was and not any_up() then
    be.stats = be.stats or {}
    be.stats.chkdown = (be.stats.chkdown or 0) + 1
  end
end
local function change(d, key, value)
  mutate(d, function()
    d[key] = value
    if key == "check" or key == "forced" then d.down = nil end
  end)
end
P.mutate = mutate

--[[ Admin flags, as HAProxy keeps them: FMAINT (set_maint, `disable
  server`), CMAINT (the configuration's `disabled`, a mark that stays),
  FDRAIN (set_drain). The description's `admin` says what they amount to
  ("maint", else "drain", else nil); a spec may still set `admin` itself
  ("maint" is the configuration's `disabled`): the flags follow it. ]]
function P.flags(d)
  local f = d.admin_flags
  if not f or f.from ~= d.admin then
    f = { FMAINT = d.admin == "maint" or nil, CMAINT = d.admin == "maint" or nil,
          FDRAIN = d.admin == "drain" or nil }
    f.from = d.admin
    d.admin_flags = f
  end
  return f
end

-- Set or clear one flag: what HAProxy does in one step (and publishes as
-- one change, 2.8+: the object's `publish` hook, classes/proxy_later.lua).
-- Maintenance pauses the health check; leaving it restarts the check at
-- `rise` (live: "UP 1/3" after set_ready).
function P.admin_step(self, d, flag, on)
  local f = P.flags(d)
  if (f[flag] or false) == on then return end
  local pub = U.st(self).publish
  local before = pub and SE.snapshot(d, f)
  mutate(d, function()
    f[flag] = on or nil
    d.admin = f.FMAINT and "maint" or (f.FDRAIN and "drain" or nil)
    f.from = d.admin
    if flag == "FMAINT" then
      if on then SC.pause(d) else SC.resume(d) end
    end
  end)
  if pub then pub(before) end
end

function server_methods.get_addr(self)
  local d = sv(self)
  SA.settle(U.st(self).shared.rt, d)
  return d.addr or "<unknown>"
end
function server_methods.get_weight(self) return sv(self).weight or 1 end
function server_methods.get_maxconn(self) return sv(self).maxconn or 0 end
-- One health check result (h:health_check): the counter moves, and 2.8+
-- publishes SERVER_CHECK then what the server's state did.
function P.health_check(self, d, passed, status, opts)
  local f = P.flags(d)
  local runs, err = SC.runs(d, f.FMAINT)
  if runs == nil then return nil, err end
  if not runs then return true end
  local pub = U.st(self).publish
  local before = SE.snapshot(d, f)
  local result
  mutate(d, function() result = SC.apply(d, passed, status, opts or {}) end)
  if pub and result then pub(before, result) end
  return true
end

-- Draining: the drain flag, even under maintenance, or a weight of 0 (live).
function P.draining(d) return P.flags(d).FDRAIN == true or (d.weight or 1) == 0 end
function server_methods.is_draining(self) return P.draining(sv(self)) and 1 or 0 end
-- Each sets one flag and clears the other, in HAProxy's order (live: set_drain
-- on a server in maintenance drains it, then takes it out of maintenance).
function server_methods.set_drain(self)
  local d = sv(self)
  P.admin_step(self, d, "FDRAIN", true)
  P.admin_step(self, d, "FMAINT", false)
end
function server_methods.set_maint(self)
  local d = sv(self)
  P.admin_step(self, d, "FMAINT", true)
  P.admin_step(self, d, "FDRAIN", false)
end
function server_methods.set_ready(self)
  local d = sv(self)
  P.admin_step(self, d, "FDRAIN", false)
  P.admin_step(self, d, "FMAINT", false)
end
function server_methods.shut_sess(self) sv(self) end
-- What the check methods do (live, 2.6.12): on a checked server
-- force_up/down/nolb make get_stats().status "UP", "DOWN", "NOLB";
-- check_disable shows "no check" (state kept), check_enable the status
-- again. An unchecked server forced down shows "DOWN" and leaves the
-- backend's usable servers; forced up it is "no check" again.
local function force(status)
  return function(self)
    local d = sv(self)
    if d.check then
      change(d, "check", status)
    else -- unchecked, or its check disabled: "no check" while running
      if d.check_off then d.check_off = status end
      change(d, "forced", status ~= "UP" and status or nil)
    end
  end
end
server_methods.check_force_up = force("UP")
server_methods.check_force_down = force("DOWN")
server_methods.check_force_nolb = force("NOLB")
function server_methods.check_disable(self)
  local d = sv(self)
  if not d.check then return end
  local st = K.server_status(d):match("^%S*")
  d.check_off, d.check = d.check, nil
  d.forced = (st == "DOWN" or st == "NOLB") and st or nil
end
function server_methods.check_enable(self)
  local d = sv(self)
  if not d.check_off then return end
  local state = d.forced
  d.check, d.check_off, d.forced = d.check_off, nil, nil
  SC.enable(d, state)
end
for _, m in ipairs({ "agent_enable", "agent_disable", "agent_force_up",
                     "agent_force_down" }) do
  server_methods[m] = function(self) sv(self) end
end

function server_methods.set_weight(self, v)
  local d = sv(self)
  local s = tostring(v)
  local num, pct = s:match("^(%d+)(%%?)$")
  if not num then return "Empty weight string empty or preceded by garbage" end
  num = tonumber(num)
  if pct == "%" then
    num = (d.iweight or d.weight or 1) * num // 100
    if num > 256 then return "Relative weight too large." end
  elseif num > 256 then
    return "Absolute weight can only be between 0 and 256 inclusive."
  end
  d.weight = num
  return nil
end

function server_methods.set_maxconn(self, v)
  local d = sv(self)
  local num = tonumber(v)
  if not num or math.tointeger(num) == nil then return "maxconn string empty or preceded by garbage" end
  d.maxconn = math.tointeger(num)
  return nil
end

-- Messages and when the change shows: classes/server_addr.lua.
function server_methods.set_addr(self, ...)
  local d = sv(self)
  local n = select("#", ...)
  local addr, port = ...
  addr = U.checkstring(2, addr, n + 1)
  if n >= 2 then port = U.checkstring(3, port, n + 1) else port = nil end
  return SA.set_addr(U.st(self).shared.rt, d, addr, port, "Lua script", self)
end

function server_methods.get_stats(self)
  local d = sv(self)
  local shared = U.st(self).shared
  PS.check_nameless(shared.rt)
  SA.settle(shared.rt, d)
  if PS.applies(shared.rt) then
    shared.last = shared.last or {}
    return PS.done(shared.rt, PS.fill(shared.rt, shared.last, "srv", P.server_values(d), d.stats))
  end
  local out = P.server_stats(d)
  local copy = {}
  for k, v in pairs(out) do copy[k] = v end
  shared.last = copy
  return out
end

local function px(self) return U.st(check(self, proxy_mt, "proxy")).desc end

function proxy_methods.get_cap(self)
  local cap = px(self).cap or "proxy"
  return cap == "listen" and "proxy" or cap
end
function proxy_methods.get_mode(self) return px(self).mode or "http" end
function proxy_methods.pause(self) px(self).paused = true end
function proxy_methods.resume(self) px(self).paused = nil end
function proxy_methods.stop(self) px(self).stopped = true end
function proxy_methods.shut_bcksess(self) px(self) end
-- 2.6 fills proxy stats into one static array without clearing it first,
-- so fields of the previous call (a server's addr...) stay in the result
-- (live); server stats clear it. 2.8+: classes/proxy_stats.lua.
function proxy_methods.get_stats(self)
  local d = px(self)
  local shared = U.st(self).shared
  PS.check_nameless(shared.rt)
  if PS.applies(shared.rt) then
    shared.last = shared.last or {}
    local kind, values = P.proxy_values(d)
    return PS.done(shared.rt, PS.fill(shared.rt, shared.last, kind, values, d.stats))
  end
  local out = {}
  for k, v in pairs(shared.last or {}) do out[k] = v end
  for k, v in pairs(P.proxy_stats(d)) do out[k] = v end
  shared.last = out
  local copy = {}
  for k, v in pairs(out) do copy[k] = v end
  return copy
end

-- Without `option socket-stats` a listener has no counters of its own and
-- HAProxy hands back the stats table the previous get_stats call filled
-- (live: a listener's stats came out as a server's).
function listener_methods.get_stats(self)
  U.checkself(self, listener_mt, 2)
  local st = U.st(self)
  PS.check_nameless(st.shared.rt)
  local out = {}
  for k, v in pairs(st.shared.last or {}) do out[k] = v end
  return PS.done(st.shared.rt, out)
end

U.export(server_methods)
U.export(proxy_methods)
U.export(listener_methods)

-- The Server object of server `sname` (description `sd`) of proxy `d`.
function P.new_server(d, sname, sd, shared)
  sd.name, sd.proxy = sname, d.name
  sd.proxy_uuid, sd.algo, sd.mode = d.uuid, d.algo, sd.mode or d.mode
  sd.backend_desc = d
  sd.iweight = sd.weight
  return U.new(server_mt, { name = sname, puid = tostring(sd.puid) }, { desc = sd, shared = shared })
end

function P.build(desc, rt)
  local proxies, frontends, backends = {}, {}, {}
  local uuid = 1
  local shared = { rt = rt } -- what the objects of one configuration share
  local names = {}
  for name in pairs(desc or {}) do names[#names + 1] = name end
  table.sort(names)
  for _, name in ipairs(names) do
    local d = desc[name]
    d.name = name
    uuid = uuid + 1
    d.uuid = d.uuid or uuid
    local servers, listeners = {}, {}
    local i = 0
    for sname, sd in pairs(d.servers or {}) do
      i = i + 1
      sd.puid = sd.puid or i
      servers[sname] = P.new_server(d, sname, sd, shared)
    end
    for li, lname in ipairs(d.listeners or {}) do
      lname = type(lname) == "string" and lname or ("sock-" .. li)
      listeners[lname] = U.new(listener_mt, {}, { name = lname, proxy = name, shared = shared })
    end
    local p = U.new(proxy_mt, { name = name, uuid = tostring(d.uuid or uuid), servers = servers,
                                listeners = listeners,
                                stktable = d.stktable and ST.new(d.stktable) or nil }, { desc = d, shared = shared })
    proxies[name] = p
    local cap = d.cap or "listen"
    if cap ~= "backend" then frontends[name] = p end
    if cap ~= "frontend" then backends[name] = p end
  end
  return proxies, frontends, backends
end

P.server_methods, P.proxy_methods = server_methods, proxy_methods
P.sv, P.px = sv, px

function P.install(rt)
  local proxies, fe, be = P.build(rt.process.proxies, rt)
  if V.has(rt, "px_getters") then require("proxylua.core.classes.proxy_later").convert(rt, proxies) end
  rt.core.proxies, rt.core.frontends, rt.core.backends = proxies, fe, be
end

return P
