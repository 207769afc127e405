-- proxylua.core: HAProxy's `core` inside HAProxy, an emulation of HAProxy 2.6's
-- Lua globals under stock Lua.
--
-- Inside HAProxy the real `core` global (its functions are C functions) is
-- returned untouched. Under stock Lua the emulated globals (core, act,
-- filter, Map, Regex, CertCache) are installed into _G once and `core` is
-- returned; proxylua.testing builds fresh, isolated copies per loaded script.
local G = _G

local function haproxy_core()
  local c = rawget(G, "core")
  if type(c) ~= "table" then return nil end
  local f = rawget(c, "register_action")
  if type(f) ~= "function" then return nil end
  if debug.getinfo(f, "S").what ~= "C" then return nil end
  return c
end

local real = haproxy_core()
if real then return real end

local RT = require "proxylua.core.state.runtime"

local existing = rawget(G, "core")
if type(existing) == "table" and RT.rt_of[existing] then return existing end

local rt = RT.new({ G = G, echo = true })
return rt.core
