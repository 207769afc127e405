-- Accidental-global detector for proxylua.testing. One HAProxy Lua state
-- serves every stream of its thread: a variable an action, fetch, converter,
-- service, task or CLI command assigns without `local` is one global shared
-- by every request in flight, so two requests that yield in between (a
-- core.msleep, a socket wait) read each other's data. The lua-load body and
-- the init functions may create globals (that is how a script declares
-- shared state on purpose); once the state serves, each site that assigns a
-- global the body did not create is reported with the script's file:line and
-- the registered function: a warning (h:global_writes(), and a line on
-- stderr), or, in strict mode, an error that fails the test.
--
-- How: the state's global table gets a metatable. __newindex sees every
-- assignment to a name the table does not hold. Before runtime the value is
-- stored in the table (declared). At runtime it is kept in a side table
-- instead, so that later assignments to the same name, from other lines,
-- still reach __newindex and are reported too; __index reads it back.
local E = require "proxylua.core.exec.executor"
local B = require "proxylua.testing.blocking"

local GG = {}

local function report(rt, guard, name)
  local ctx = B.running_ctx()
  if not ctx or ctx.rt ~= nil and ctx.rt ~= rt then return false end
  local where = B.site() -- levels: site, report, __newindex, the assignment
  if not where then return false end
  local key = name .. "\0" .. where
  if guard.seen[key] then return true end
  guard.seen[key] = true
  local prefix = E.prefix(ctx)
  local text = string.format("global variable '%s' assigned at %s in %s: every request in "
    .. "flight in this Lua state shares it (make it local, or create it in the lua-load body "
    .. "if it is meant to be shared)", name, where, prefix)
  local list = guard.writes
  list[#list + 1] = { global = name, where = where, context = prefix, kind = ctx.kind,
                      name = ctx.name, text = text }
  if guard.mode == "error" then
    E.die(rt, text)
  elseif not guard.quiet then
    io.stderr:write("[proxylua] warning: ", text, "\n")
  end
  return true
end

--[[ Install the detector on the state's globals G: rt.globals_guard =
  { mode, writes, seen, quiet }. mode "warn" (default), "error" (strict:
  the test fails) or "off" (G is left alone). A metatable G already has is
  kept: its __index/__newindex still answer what the detector does not. ]]
function GG.install(rt, G, mode, quiet)
  local guard = { mode = mode or "warn", writes = {}, seen = {}, quiet = quiet }
  rt.globals_guard = guard
  if guard.mode == "off" then return guard end
  local late = {}   -- globals first assigned at runtime (name -> value)
  guard.late = late
  local mt = getmetatable(G) or {}
  local old_index, old_newindex = mt.__index, mt.__newindex
  mt.__newindex = function(t, k, v)
    if rt.phase == "runtime" and type(k) == "string" and report(rt, guard, k) then
      late[k] = v
    elseif old_newindex then
      old_newindex(t, k, v)
    else
      rawset(t, k, v)
    end
  end
  mt.__index = function(t, k)
    local v = late[k]
    if v ~= nil then return v end
    if type(old_index) == "function" then return old_index(t, k) end
    if old_index ~= nil then return old_index[k] end
    return nil
  end
  setmetatable(G, mt)
  return guard
end

-- Options as the harness takes them: opts.global_writes = "warn" | "error"
-- | "off"; opts.strict_globals = true (or opts.strict = true) is "error".
function GG.mode_of(opts)
  if opts.strict_globals or opts.strict then return "error" end
  return opts.global_writes
end

return GG
