-- Concat: core.concat() objects over proxylua.concat (one argument added per
-- call, as HAProxy does).
local U = require "proxylua.core.base.util"
local native = require "proxylua.core_native"

local type, select, tostring = type, select, tostring

local CC = {}

function CC.factory(rt)
  local lib = require "proxylua.concat"
  -- built now: under a memory limit there may be no room for it later
  local DEAD = "proxylua: Concat:add() outgrew tune.lua.maxmem: HAProxy 2.6.12 spins there "
    .. "until its watchdog kills the process (checked live)"
  local mt = {}
  local methods = {}
  mt.__index = methods
  mt.__tostring = function(self) return "Concat object: " .. self.addr end

  function methods.add(...)
    local n = select("#", ...)
    local self, s = ...
    if type(s) ~= "string" and type(s) ~= "number" then U.typeerror(2, "string", s, n >= 2) end
    local ok, err = pcall(self[1].add, self[1], s)
    if not ok then
      if err == "not enough memory" then
        rt.dead = rt.dead or DEAD
        error(DEAD, 0)
      end
      error(err, 0)
    end
  end

  function methods.dump(self)
    return self[1]:dump()
  end

  -- the address is taken before the metatable hides it, as "%p" would show
  U.export(methods)
  return function()
    local t = { [0] = native.box(false), [1] = lib() }
    rawset(t, "addr", tostring(t):match("0x%x+") or "0x0")
    return setmetatable(t, mt)
  end
end

return CC
