-- testing.sandbox: spec code run in a fresh Lua state made by
-- proxylua.sandbox (an allocator that counts, so tune.lua.maxmem can be
-- played), and the plain-data serialisation its results cross back with.
-- Part of the harness (proxylua.testing).
local SBX = {}

-- Lua source for a value made of strings, numbers, booleans and tables
-- (other values become their tostring, repeated tables "<cycle>").
function SBX.serialize(v)
  local out, seen = {}, {}
  local function put(x)
    local t = type(x)
    if t == "string" then
      out[#out + 1] = string.format("%q", x)
    elseif t == "number" then
      if math.type(x) == "integer" then out[#out + 1] = string.format("%d", x)
      elseif x ~= x then out[#out + 1] = "0/0"
      elseif x == math.huge then out[#out + 1] = "math.huge"
      elseif x == -math.huge then out[#out + 1] = "-math.huge"
      else out[#out + 1] = string.format("%.17g", x) end
    elseif t == "boolean" or t == "nil" then
      out[#out + 1] = tostring(x)
    elseif t == "table" then
      if seen[x] then out[#out + 1] = '"<cycle>"' return end
      seen[x] = true
      out[#out + 1] = "{"
      for k, val in pairs(x) do
        local kt = type(k)
        if kt == "string" or kt == "number" or kt == "boolean" then
          out[#out + 1] = "["
          put(k)
          out[#out + 1] = "]="
          put(val)
          out[#out + 1] = ","
        end
      end
      out[#out + 1] = "}"
      seen[x] = nil
    else
      out[#out + 1] = string.format("%q", tostring(x))
    end
  end
  put(v)
  return table.concat(out)
end

function SBX.deserialize(s)
  local f = assert(load("return " .. s, "=serialized", "t", { math = math }))
  return f()
end

--[[ testing.sandbox(code, opts) -> what code returns, as plain data
Runs `code` (a Lua chunk; `...` is the testing module, then opts.args) in a
fresh Lua state made by proxylua.sandbox, whose allocator counts every byte:
there, testing.load(..., { tune = { maxmem = MB } }) limits memory as
tune.lua.maxmem does. The chunk's return values come back serialised
(tables of strings, numbers, booleans), as a list { n = count, ... }; an
error in the chunk is raised here. opts.maxmem (bytes) limits the whole
sandbox state from the start. ]]
function SBX.run(code, opts)
  opts = opts or {}
  local sb = require "proxylua.sandbox"
  local prelude = [==[
    local code = ...
    local testing = require "proxylua.testing"
    local f = assert(load(code, "=sandboxed", "t"))
    local r = table.pack(pcall(f, testing, select(2, ...)))
    maxmem(0)
    collectgarbage()
    if not r[1] then error(r[2], 0) end
    return testing.serialize(table.pack(table.unpack(r, 2, r.n)))
  ]==]
  local args = { code }
  for _, a in ipairs(opts.args or {}) do args[#args + 1] = tostring(a) end
  local ok, v = sb.run(prelude, { maxmem = opts.maxmem, path = package.path,
                                  cpath = package.cpath, args = args })
  if not ok then error("sandbox: " .. tostring(v), 2) end
  return SBX.deserialize(v)
end

return SBX
