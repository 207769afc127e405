-- Blocking-call detector for proxylua.testing. Inside HAProxy a script runs
-- in the event loop of its thread: io.*, file handles, os.execute & co.,
-- print, require of a module not loaded yet and LuaSocket's own sockets block
-- every stream of that thread while they wait. Fine in the lua-load body and
-- in init functions, a production outage at runtime (it works with one
-- request, then collapses under load). Under the harness such a call made by
-- an action, fetch, converter, service, task or CLI command is reported with
-- the script's file and line: a warning (h:blocking_calls(), and a line on
-- stderr), or, in strict mode, an error that fails the test.
local E = require "proxylua.core.exec.executor"

local B = {}

-- Our own files: their calls (log echo...) are the harness's, not the script's.
local function internal(src)
  return E.internal(src)
    or src:find("proxylua/loop_sched", 1, true) or src:find("modules/loop/loop_sched", 1, true)
end

-- The registered function running now, if any: the one whose coroutine is
-- running, or the one being resumed (the call comes from a coroutine the
-- script created inside it).
local function running_ctx()
  local co = coroutine.running()
  local ctx = (co and E.ctx_all[co]) or E.active
  if ctx then return ctx end
  -- a coroutine created inside a registered task: the loop knows the task
  for l in pairs(E.loops) do
    local ok, t = pcall(l.current, l) -- a closed loop raises
    if ok and t and E.ctx_by_task[t] then return E.ctx_by_task[t] end
  end
end
B.running_ctx = running_ctx -- the accidental-global detector asks it too

-- "file:line" of the first script frame above the wrapper (levels: 1 site,
-- 2 check, 3 the wrapper, 4 its caller); nil when the caller is proxylua.
-- The accidental-global detector calls it with the same depth (site,
-- report, __newindex, the assignment).
local function site()
  for level = 4, 60 do
    local ar = debug.getinfo(level, "Sl")
    if not ar then break end
    if ar.what ~= "C" then
      if internal(ar.source) then return nil end
      return ar.short_src .. ":" .. (ar.currentline or 0)
    end
  end
  return "?"
end

B.site = site

-- record_only: the caller fails the call itself (os.exit), with its own text.
local function check(what, rt, record_only)
  local ctx = running_ctx()
  if not ctx then return end
  rt = rt or ctx.rt
  if not rt or rt.phase ~= "runtime" or not rt.blocking or rt.blocking.mode == "off" then return end
  local where = site()
  if not where then return end
  local prefix = E.prefix(ctx)
  local text = string.format("blocking call %s at %s in %s: HAProxy runs Lua inside its event "
    .. "loop, so under load this stalls every stream of the thread", what, where, prefix)
  local list = rt.blocking.calls
  list[#list + 1] = { call = what, where = where, context = prefix, kind = ctx.kind,
                      name = ctx.name, text = text }
  if rt.blocking.mode == "error" then
    if not record_only then E.die(rt, text) end
  elseif not rt.blocking.quiet then
    io.stderr:write("[proxylua] warning: ", text, "\n")
  end
end
B.check = check

local wrappers = setmetatable({}, { __mode = "k" })
local function wrap(fn, what, rt)
  if wrappers[fn] then return fn end -- socket.lua re-exports socket.core's
  local w = function(...)
    check(what, rt)
    return fn(...)
  end
  wrappers[w] = true
  return w
end

local IO = { "close", "input", "lines", "open", "output", "popen", "read", "tmpfile", "write" }
local OS = { "execute", "remove", "rename", "tmpname" }
local FILE_METHODS = { "read", "write", "lines", "seek", "flush", "close", "setvbuf" }
local SOCKET_FNS = { "tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "connect", "connect4",
                     "connect6", "bind", "select", "sleep", "request" }
local SOCKET_CLASSES = { "tcp{master}", "tcp{client}", "tcp{server}", "udp{connected}",
                         "udp{unconnected}" }
local SOCKET_METHODS = { "connect", "send", "receive", "accept", "sendto", "receivefrom",
                         "listen", "bind" }

-- Process-wide, once: methods shared by every state of this Lua (file
-- handles, LuaSocket objects) check the running registered function.
local patched = setmetatable({}, { __mode = "k" })
local function patch_methods(index, names, prefix)
  if type(index) ~= "table" or patched[index] then return end
  patched[index] = true
  for _, m in ipairs(names) do
    local f = rawget(index, m)
    if type(f) == "function" then index[m] = wrap(f, prefix .. m .. "()") end
  end
end

local function patch_luasocket()
  local reg = debug.getregistry()
  for _, cls in ipairs(SOCKET_CLASSES) do
    local mt = reg[cls]
    if type(mt) == "table" then patch_methods(mt.__index, SOCKET_METHODS, cls .. ":") end
  end
end

-- LuaSocket modules as the script sees them: same fields, the blocking
-- functions checked.
local function socket_view(name, mod, rt)
  if type(mod) ~= "table" then return mod end
  patch_luasocket()
  local view = {}
  for k, v in pairs(mod) do view[k] = v end
  for _, k in ipairs(SOCKET_FNS) do
    if type(mod[k]) == "function" then view[k] = wrap(mod[k], name .. "." .. k .. "()", rt) end
  end
  if type(mod.dns) == "table" then
    view.dns = {}
    for k, v in pairs(mod.dns) do
      view.dns[k] = type(v) == "function" and wrap(v, name .. ".dns." .. k .. "()", rt) or v
    end
  end
  return view
end

--[[ Install the detector in a harness: rt.blocking = { mode, calls }.
  mode "warn" (default), "error" (strict: the test fails) or "off". The
  script's globals G get checking copies of io.*, os.*, print and require. ]]
function B.install(rt, G, mode, quiet)
  rt.blocking = { mode = mode or "warn", calls = {}, quiet = quiet }
  -- os.exit at runtime would end the test run itself: never passed on,
  -- whatever the mode (HAProxy exits, the test fails with that text)
  local exit = G.os.exit
  G.os.exit = function(...)
    local ctx = running_ctx()
    if ctx and rt.phase == "runtime" then
      check("os.exit()", rt, true)
      E.die(rt, "os.exit() called from " .. E.prefix(ctx) .. ": HAProxy exits here")
    end
    return exit(...)
  end
  if mode == "off" then return end
  patch_methods(getmetatable(io.stdout).__index, FILE_METHODS, "file:")
  for _, k in ipairs(IO) do
    if type(G.io[k]) == "function" then G.io[k] = wrap(G.io[k], "io." .. k .. "()", rt) end
  end
  for _, k in ipairs(OS) do
    if type(G.os[k]) == "function" then G.os[k] = wrap(G.os[k], "os." .. k .. "()", rt) end
  end
  if G.print == print then G.print = wrap(print, "print()", rt) end
  -- loading a file reads it
  G.dofile = wrap(G.dofile, "dofile()", rt)
  G.loadfile = wrap(G.loadfile, "loadfile()", rt)
  local req = G.require
  local pkg = G.package
  G.require = function(name, ...)
    if pkg.loaded[name] == nil then check("require('" .. tostring(name) .. "') of a module not loaded yet", rt) end
    local mod = req(name, ...)
    -- proxylua.luasocket, or LuaSocket's Lua modules (socket.http...) over
    -- it once installed as "socket.core": they yield instead of blocking
    local core = pkg.loaded["socket.core"]
    if type(core) == "table" and rawget(core, "_PROXYLUA") then return mod end
    if type(mod) == "table" and rawget(mod, "_PROXYLUA") then return mod end
    if type(name) == "string" and (name == "socket" or name:match("^socket%.")) then
      return socket_view(name, mod, rt)
    end
    return mod
  end
end

return B
