-- The harness's part of emulating a later HAProxy version (the API itself
-- is proxylua.core's, state/versions.lua): tune.lua.bool-sample-conversion
-- and its startup warning (3.2), and 2.8+'s execution timeouts that the
-- script's pcall cannot catch. Part of proxylua.testing.
local VER = require "proxylua.core.state.versions"
local Proc = require "proxylua.core.exec.process"
local E = require "proxylua.core.exec.executor"

local VR = {}

-- tune.lua.bool-sample-conversion (3.2): "normal" turns boolean samples
-- into Lua booleans; unset, 3.2 warns once and keeps integers
-- ("pre-3.1-bug"). Earlier versions have no such keyword.
function VR.bool_conversion(rt, mode)
  if mode == nil then
    if VER.has(rt, "bool_conversion") and not rt.process.bool_warned then
      rt.process.bool_warned = true
      Proc.alert(rt, 'config : hlua: please set "tune.lua.bool-sample-conversion" tunable to either '
        .. '"normal" or "pre-3.1-bug" explicitly to avoid ambiguities. This must be set before any '
        .. '"lua-load" or "lua-load-per-thread" directive. Defaulting to "pre-3.1-bug".', "WARNING")
    end
    return
  end
  if not VER.has(rt, "bool_conversion") then
    error("tune.bool_sample_conversion: HAProxy " .. VER.name(rt.version)
      .. " has no tune.lua.bool-sample-conversion (3.2 and later)", 3)
  end
  if mode == "normal" then rt.bool_normal = true
  elseif mode ~= "pre-3.1-bug" then
    error(string.format("'tune.lua.bool-sample-conversion' expects either 'normal' or 'pre-3.1-bug' "
      .. "but got '%s'.", tostring(mode)), 3)
  end
end

-- tune.lua.log.loggers (default on) and tune.lua.log.stderr ("auto",
-- "on", "off"), 2.9 and later, as opts.tune.log_loggers / log_stderr;
-- opts.loggers says which contexts have a `log` target: true (all), or
-- { global = bool, proxy = bool } (core.* lines use the global ones, txn:*
-- lines their backend's). Before 2.9 every line goes to both.
function VR.log_route(rt, tune, loggers)
  tune = tune or {}
  local lg, se = tune.log_loggers, tune.log_stderr
  local has = VER.has(rt, "lua_log_route")
  if (lg ~= nil or se ~= nil) and not has then
    error("tune.log_" .. (lg ~= nil and "loggers" or "stderr") .. ": HAProxy " .. VER.name(rt.version)
      .. " has no tune.lua.log." .. (lg ~= nil and "loggers" or "stderr") .. " (2.9 and later)", 3)
  end
  if lg ~= nil and type(lg) ~= "boolean" then
    error("tune.log_loggers: true or false expected (on/off)", 3)
  end
  if se ~= nil and se ~= "on" and se ~= "auto" and se ~= "off" then
    error("tune.log_stderr: \"on\", \"auto\" or \"off\" expected (got " .. tostring(se) .. ")", 3)
  end
  local conf = loggers == true and { global = true, proxy = true } or loggers or {}
  rt.log_route = { loggers = lg, stderr = has and (se or "auto") or "on", loggers_conf = conf }
end

-- 2.8 and later abort a call that ran out of time even under pcall: the
-- script's pcall/xpcall hand the timeout on instead of returning it.
function VR.uncatchable_timeouts(G)
  local pcall_, xpcall_ = G.pcall, G.xpcall
  local function pass(ok, ...)
    if not ok and ((...) == E.TIMEOUT or (...) == E.BURST) then error((...), 0) end
    return ok, ...
  end
  G.pcall = function(f, ...) return pass(pcall_(f, ...)) end
  G.xpcall = function(f, h, ...)
    return pass(xpcall_(f, function(e)
      if e == E.TIMEOUT or e == E.BURST then return e end
      return h(e)
    end, ...))
  end
end

return VR
