-- Run Lua in a fresh state under tests/host/pl-lua, the small host whose
-- allocator has a tune.lua.maxmem-like limit (globals maxmem/memused), for
-- the memory and finalizer specs. Modules come from the build under test.
local H = require "spec.helpers.haproxy"

local PL = {}

function PL.build()
  return os.getenv("PROXYLUA_BUILD") or ("build/" .. _VERSION:sub(5))
end

-- Output (stdout and stderr) of `pl-lua file args...`, or nil and a reason
-- when the host is not built (`make host`): the caller marks the spec pending.
function PL.run_file(file, ...)
  local build = PL.build()
  local host = build .. "/pl-lua"
  local f = io.open(host)
  if not f then return nil, "no " .. host .. " (make host)" end
  f:close()
  local args = { H.sh_quote(file) }
  for i = 1, select("#", ...) do args[#args + 1] = H.sh_quote(tostring((select(i, ...)))) end
  local cmd = ("LUA_CPATH=%s LUA_PATH=%s timeout 120 %s %s 2>&1"):format(
    H.sh_quote(build .. "/?.so"), H.sh_quote(build .. "/?.lua;./?.lua"), H.sh_quote(host),
    table.concat(args, " "))
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  p:close()
  return out
end

-- The same for a chunk of code, through a temporary file.
function PL.run(code, ...)
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write(code)
  f:close()
  local out, why = PL.run_file(path, ...)
  os.remove(path)
  return out, why
end

return PL
