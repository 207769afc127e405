-- The Regex class (over PCRE2 in proxylua.core_native).
local U = require "proxylua.core.base.util"
local native = require "proxylua.core_native"

local type, select = type, select
local checkstring, argerror = U.checkstring, U.argerror

local RX = {}

function RX.class(rt)
  local _ = rt
  local Regex = {}
  local mt
  local methods = {}

  function Regex.new(...)
    local n = select("#", ...)
    local pat, cs = ...
    pat = checkstring(1, pat, n)
    if type(cs) ~= "boolean" then argerror(2, "(null)") end
    local re, err = native.regex(pat, not cs)
    if not re then return false, err end
    return true, U.new(mt, nil, { re = re })
  end

  function methods.exec(...)
    local n = select("#", ...)
    local self, s = ...
    U.checkself(self, mt)
    s = checkstring(2, s, n)
    if #s >= 16384 then return false end
    return U.st(self).re:exec(s)
  end

  -- true, {whole, g1, ...} stopping at the first group that did not take
  -- part; false, {} without a match.
  function methods.match(...)
    local n = select("#", ...)
    local self, s = ...
    U.checkself(self, mt)
    s = checkstring(2, s, n)
    if #s >= 16384 then return false, {} end
    local pos = { U.st(self).re:find(s) }
    if not pos[1] then return false, {} end
    local out = {}
    for i = 1, #pos, 2 do
      if not pos[i] then break end
      out[#out + 1] = s:sub(pos[i], pos[i + 1])
    end
    return true, out
  end

  mt = U.class("Regex", U.export(methods))
  return U.export(Regex)
end

return RX
