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

-- 2.8 and later abort a call that ran out of time even under pcall: the
-- script's pcall/xpcall hand the timeout on instead of returning it.
function VR.uncatchable_timeouts(G)
  local pcall_, xpcall_ = G.pcall, G.xpcall
  local function pass(ok, ...)
    if not ok and (...) == E.TIMEOUT then error(E.TIMEOUT, 0) end
    return ok, ...
  end
  G.pcall = function(f, ...) return pass(pcall_(f, ...)) end
  G.xpcall = function(f, h, ...)
    return pass(xpcall_(f, function(e)
      if e == E.TIMEOUT then return e end
      return h(e)
    end, ...))
  end
end

return VR
