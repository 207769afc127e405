-- String methods per emulated state. In HAProxy a script's `string` is the
-- very table string values index, so `function string:trim() ... end` in a
-- lua-load body makes `s:trim()` work on every string. Under the harness
-- several emulated states (and the spec itself) share one Lua VM, hence one
-- string metatable, and each state has its own copy of `string`. Here the
-- shared metatable's __index becomes a table holding the host's standard
-- functions (a plain lookup, as fast as before) whose misses ask the state
-- whose code is running now; a standard function a state replaced or removed
-- is taken out of that table, so its lookups go through the same dispatch.
-- Outside script code the host's own `string` answers: it is never changed.
local E = require "proxylua.core.exec.executor"

local S = {}

-- One dispatch per VM, shared by every copy of this module (busted reloads
-- modules for each spec file, the string metatable stays): kept in the
-- registry. Each copy adds its own way to find the running state.
local KEY = "proxylua.core.exec.strings"
local V = debug.getregistry()[KEY]
if V == nil then
  V = { host = string,                 -- the spec's own table, left untouched
        base = {},                     -- name -> host function at install time
        fast = nil,                    -- the metatable's __index table
        overridden = {},               -- standard names some state replaced
        libs = setmetatable({}, { __mode = "k" }),    -- every state's table
        finders = setmetatable({}, { __mode = "k" }) } -- module copy -> finder
  debug.getregistry()[KEY] = V
end
local HOST = V.host

-- The state running code outside any registered function: the lua-load
-- body and the init functions (set by the harness around them).
S.outside = nil

-- The `string` table of the state whose code runs now, or nil.
local function current_lib()
  local co, main = coroutine.running()
  local ctx = E.ctx_all[co] or E.active
  if not ctx then
    if S.outside then return S.outside.string_lib end
    if main then return nil end -- the spec's own code
    ctx = E.running()           -- a coroutine inside a registered task
  end
  return ctx and ctx.rt and ctx.rt.string_lib
end
S.current_lib = current_lib
V.finders[S] = current_lib

local function running_lib()
  for _, find in pairs(V.finders) do
    local lib = find()
    if lib ~= nil then return lib end
  end
end

local function dispatch(_, k)
  local lib = running_lib()
  if lib == nil then return HOST[k] end
  -- the harness's own Lua stands for HAProxy's C, which a script's
  -- replacement of a standard function never reaches
  if V.overridden[k] then
    local ar = debug.getinfo(2, "S")
    if ar and E.internal(ar.source) then return HOST[k] end
  end
  return lib[k]
end

-- Make the string metatable dispatch (once per VM).
function S.install()
  if V.fast then return end
  local mt = getmetatable("")
  if type(mt) ~= "table" or mt.__index ~= HOST then return end -- someone else's: leave it
  local fast = {}
  for k, v in pairs(HOST) do
    V.base[k], fast[k] = v, v
  end
  setmetatable(fast, { __index = dispatch })
  V.fast = fast
  mt.__index = fast
end

-- A state's `string` table (its copy of the library): the one its method
-- calls see. Called when the state is made.
function S.attach(rt, lib)
  S.install()
  rt.string_lib = lib
  V.libs[lib] = true
end

-- After a state's code ran outside a registered function (body, init):
-- the standard functions some live state replaced or removed stop taking
-- the plain lookup; the others (again) take it.
function S.refresh()
  if not V.fast then return end
  local now = {}
  for lib in pairs(V.libs) do
    for k, v in pairs(V.base) do
      if rawget(lib, k) ~= v then now[k] = true end
    end
  end
  for k, v in pairs(V.base) do
    if now[k] ~= V.overridden[k] then rawset(V.fast, k, not now[k] and v or nil) end
  end
  V.overridden = now
end

-- Code of state rt runs outside registered functions (body, init) between
-- S.enter(rt) and S.leave(what S.enter returned).
function S.enter(rt)
  local prev = S.outside
  S.outside = rt
  return prev
end

function S.leave(prev)
  S.outside = prev
  S.refresh()
end

return S
