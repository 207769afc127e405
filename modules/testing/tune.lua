-- HAProxy's tune.lua.* settings as the harness takes them (opts.tune), and
-- the limits the executor applies per kind of function (rt.limits). Part of
-- the harness (proxylua.testing).
local VER = require "proxylua.core.state.versions"

local TUNE = {}

-- "100ms", "4s", "1m", or a number of seconds -> seconds; false/0: none.
local UNITS = { us = 1e-6, ms = 1e-3, s = 1, m = 60, h = 3600, d = 86400 }
local function duration(v, what)
  if v == nil or v == false then return false end
  if type(v) == "number" then return v > 0 and v or false end
  local n, u = tostring(v):match("^%s*([%d.]+)%s*(%a*)%s*$")
  local f = UNITS[u == "" and "ms" or u] -- HAProxy's default time unit is ms
  if not n or not f then error("tune." .. what .. ": bad time '" .. tostring(v) .. "'", 0) end
  local sec = tonumber(n) * f
  return sec > 0 and sec or false
end

--[[ HAProxy's tune.lua.* settings (docs/haproxy-runtime.md §1.4-§1.6), as
opts.tune:
  forced_yield     instructions between forced yields (10000; false: off)
  session_timeout  Lua running time per action or CLI command (4s; fetches
                   and converters never time out in 2.6)
  service_timeout  per service call (4s)
  task_timeout     per task (none)
  burst_timeout    2.8+: CPU time Lua may run between two trips through the
                   scheduler, in every kind of function, fetches and
                   converters included (1s; false: off). 2.8 and 3.0 report
                   it as "execution timeout", 3.2 as "burst timeout"
  watchdog         how long a fetch, converter or a script's own coroutine
                   may run before the harness says HAProxy's watchdog would
                   kill the process (2s; HAProxy's watchdog fires after ~2s)
  maxmem           bytes; only where the harness owns the Lua state
                   (testing.sandbox) ]]
TUNE.DEFAULTS = { forced_yield = 10000, session_timeout = 4, service_timeout = 4,
                    task_timeout = false, watchdog = 2, burst_timeout = 1 }

-- Every opts.tune key (the harness's own rules take the last four).
local KNOWN = { forced_yield = true, session_timeout = true, service_timeout = true,
                task_timeout = true, watchdog = true, burst_timeout = true, maxmem = true,
                bool_sample_conversion = true, log_loggers = true, log_stderr = true }

-- version: the emulated HAProxy's number (versions.lua), 206 when nil.
function TUNE.limits(tune, explicit_sched, version)
  tune = tune or {}
  for k in pairs(tune) do
    if not KNOWN[k] then
      error("tune." .. tostring(k) .. ": unknown tune.lua setting (see proxylua.testing's opts.tune)", 0)
    end
  end
  local v = { version = version }
  if tune.burst_timeout ~= nil and not VER.has(v, "burst_timeout") then
    error("tune.burst_timeout: HAProxy " .. VER.name(version or 206)
      .. " has no tune.lua.burst-timeout (2.8 and later)", 0)
  end
  local function get(k)
    if tune[k] ~= nil then return tune[k] end
    return TUNE.DEFAULTS[k]
  end
  local fy = get("forced_yield")
  fy = (fy and fy ~= 0) and math.tointeger(fy) or false
  local watchdog = duration(get("watchdog"), "watchdog") or false
  local session = duration(get("session_timeout"), "session_timeout")
  -- 2.8+: the burst timeout, and fetches and converters run under
  -- session-timeout too (from the source: HAProxy's hook checks both where
  -- it cannot yield; 2.6 checks neither there)
  local burst, named, call = false, false, { watchdog = watchdog }
  if VER.has(v, "burst_timeout") then
    burst = duration(get("burst_timeout"), "burst_timeout") or false
    named = VER.has(v, "burst_named")
    call = { watchdog = watchdog, burst = burst, burst_named = named, timeout = session }
  end
  if explicit_sched and next(tune) == nil then
    -- a scheduler the spec built keeps its own limits
    return { watchdog = watchdog, call = call }
  end
  local service = duration(get("service_timeout"), "service_timeout")
  local task = duration(get("task_timeout"), "task_timeout")
  local function l(t) return { forced_yield = fy, timeout = t, watchdog = watchdog, burst = burst,
                               burst_named = named } end
  -- CLI commands get session-timeout (live; the reference said service-timeout)
  return { action = l(session), service = l(service), cli = l(session), task = l(task), call = call,
           watchdog = watchdog, forced_yield = fy, session_timeout = session,
           service_timeout = service, task_timeout = task, burst_timeout = burst }
end

return TUNE
