-- What Proxy/Server/Listener:get_stats() answer in HAProxy 2.8 and later
-- (docs/versions.md §6; 2.6's answer is in classes/proxy.lua).
--
-- 2.8.0 fails every call with "table index is nil": one stat column of that
-- release has no name, and the table is built by name (live, in an init
-- function and in a task alike).
--
-- 3.0 and 3.2 fill one stats array that every get_stats call of the process
-- shares, and hand back its non-empty fields. Filling a frontend, a backend
-- or a server writes each column it knows (a value, or empty where that
-- kind has none) and leaves the others as the previous call left them: a
-- backend's table after a server's keeps the server's addr, srid...; one
-- after a frontend's keeps its sess_other. A listener without `option
-- socket-stats` fills nothing. The lists below are those of an idle
-- configuration, checked against the recorded answers of 3.0.0 and 3.2.0.
local V = require "proxylua.core.state.versions"
local E = require "proxylua.core.exec.executor"

local PS = {}

local function set(list)
  local s = {}
  for _, k in ipairs(list) do s[k] = true end
  return s
end

-- The columns each kind fills with a value (3.0.0).
local VALUED = {
  fe = set {
    "bin", "bout", "cache_hits", "cache_lookups", "cli_abrt", "comp_byp", "comp_in", "comp_out",
    "comp_rsp", "conn_rate", "conn_rate_max", "conn_tot", "dcon", "dreq", "dresp", "dses", "eint",
    "ereq", "h1req", "h1sess", "h2req", "h2sess", "h3req", "h3sess", "hrsp_1xx", "hrsp_2xx",
    "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other", "iid", "intercepted", "lbtot", "mode", "pid",
    "pxname", "rate", "rate_lim", "rate_max", "req_other", "req_rate", "req_rate_max", "req_tot",
    "scur", "sess_other", "sid", "slim", "smax", "srv_abrt", "status", "stot", "svname", "type",
    "wrew",
  },
  be = set {
    "act", "agg_check_status", "agg_server_check_status", "agg_server_status", "algo", "bck",
    "bin", "bout", "cache_hits", "cache_lookups", "chkdown", "cli_abrt", "comp_byp", "comp_in",
    "comp_out", "comp_rsp", "connect", "ctime", "ctime_max", "downtime", "dreq", "dresp", "econ",
    "eint", "eresp", "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other",
    "iid", "lastchg", "lastsess", "lbtot", "mode", "pid", "pxname", "qcur", "qmax", "qtime",
    "qtime_max", "rate", "rate_max", "req_tot", "reuse", "rtime", "rtime_max", "scur", "sid",
    "slim", "smax", "srv_abrt", "status", "stot", "svname", "ttime", "ttime_max", "type",
    "uweight", "weight", "wredis", "wretr", "wrew",
  },
  srv = set {
    "act", "addr", "bck", "bin", "bout", "cli_abrt", "connect", "ctime", "ctime_max", "dresp",
    "econ", "eint", "eresp", "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx",
    "hrsp_other", "idle_conn_cur", "iid", "lastchg", "lastsess", "lbtot", "mode", "need_conn_est",
    "pid", "pxname", "qcur", "qmax", "qtime", "qtime_max", "rate", "rate_max", "req_tot", "reuse",
    "rtime", "rtime_max", "safe_conn_cur", "scur", "sid", "slim", "smax", "srid", "srv_abrt",
    "srv_icur", "status", "stot", "svname", "ttime", "ttime_max", "type", "used_conn_cur",
    "uweight", "weight", "wredis", "wretr", "wrew",
  },
}

-- The columns each kind writes empty (3.0.0): the others keep their value.
local CLEARED = {
  fe = set { "econ", "eresp", "wretr", "wredis", "chkfail", "chkdown", "lastchg", "hanafail",
             "lastsess", "connect", "reuse" },
  be = set { "ereq", "chkfail", "hanafail", "req_rate", "cookie", "conn_rate", "conn_tot",
             "intercepted", "dcon", "dses", "h1sess", "h2sess", "h3sess", "req_other", "h1req",
             "h2req", "h3req" },
  srv = set {
    "dreq", "ereq", "chkfail", "chkdown", "downtime", "qlimit", "throttle", "tracked",
    "check_status", "check_code", "check_duration", "hanafail", "req_rate", "comp_in",
    "comp_out", "comp_byp", "comp_rsp", "last_chk", "last_agt", "agent_status", "agent_code",
    "agent_duration", "check_desc", "agent_desc", "check_rise", "check_fall", "check_health",
    "agent_rise", "agent_fall", "agent_health", "cookie", "conn_rate", "conn_tot",
    "intercepted", "dcon", "dses", "cache_lookups", "cache_hits", "src_ilim", "h1sess",
    "h2sess", "h3sess", "req_other", "h1req", "h2req", "h3req",
  },
}

-- 3.2 counts these for backends and servers only: a frontend writes them empty.
local BE_ONLY_32 = { "cli_abrt", "srv_abrt", "lbtot" }

-- Does this runtime's get_stats use the tables of this file?
function PS.applies(rt) return rt ~= nil and V.has(rt, "stats_cols") end

-- 2.8.0: the error every get_stats call raises (from C: no position).
function PS.check_nameless(rt)
  if rt ~= nil and V.has(rt, "stats_nameless") then error("table index is nil", 0) end
end

-- Fill the shared array `last` as a call on a `kind` ("fe", "be", "srv")
-- would, from `values` (what the object's description says, any field) and
-- the description's own `stats` overrides; returns a copy of the result.
function PS.fill(rt, last, kind, values, overrides)
  local valued, cleared = VALUED[kind], CLEARED[kind]
  local be_only = kind == "fe" and V.has(rt, "stats_fe_no_abrt")
  for k in pairs(cleared) do last[k] = nil end
  for k in pairs(valued) do
    local v = values[k]
    if v == nil then v = 0 end
    last[k] = v
  end
  if be_only then
    for _, k in ipairs(BE_ONLY_32) do last[k] = nil end
  end
  if kind == "srv" and (values.slim or 0) <= 0 then last.slim = nil end -- no maxconn
  for k, v in pairs(overrides or {}) do last[k] = v end
  local out = {}
  for k, v in pairs(last) do out[k] = v end
  return out
end

-- 3.2: a get_stats call yields as soon as it is over where its caller may
-- yield (the table is filled first; other tasks run, a set_addr change of
-- the same stretch shows after it). Returns `out`.
function PS.done(rt, out)
  if rt and V.has(rt, "stats_yield") and E.may_yield(rt) then rt.sched:yield() end
  return out
end

return PS
