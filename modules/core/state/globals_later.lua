-- What later HAProxy versions add to (or change in) the `core` table of
-- state/globals.lua, applied per the runtime's version (state/versions.lua):
-- task arguments (2.8), core.queue and core.event_sub (2.8),
-- core.disable_legacy_mailers (2.8), core.get_var (2.9), core.silent (3.0),
-- core.wait and core.get_patref (3.2). Texts as the versions print them
-- (docs/versions.md).
local U = require "proxylua.core.base.util"
local E = require "proxylua.core.exec.executor"
local V = require "proxylua.core.state.versions"
local Q = require "proxylua.core.classes.queue"
local PR = require "proxylua.core.classes.patref"
local SE = require "proxylua.core.classes.server_events"

local select, type = select, type

local GLX = {}

function GLX.extend(rt, core)
  rt.alarmed = setmetatable({}, { __mode = "k" })

  if V.has(rt, "task_args") then
    local reg = rt.reg
    function core.register_task(...)
      local n = select("#", ...)
      local fn = ...
      if n < 1 then U.raise("register_task: <func> argument is required") end
      if n > 5 then U.raise("register_task: no more that 4 optional arguments may be provided") end
      if type(fn) ~= "function" then U.typeerror(1, "function", fn, true) end
      local task = { fn = fn, args = U.pack(select(2, ...)) }
      reg.tasks[#reg.tasks + 1] = task
      if rt.phase == "runtime" then rt:start_task(fn, table.unpack(task.args, 1, task.args.n)) end
    end
  end

  if V.has(rt, "proxies_in_body") then
    -- empty until the configuration is parsed (2.6: nil)
    core.proxies, core.frontends, core.backends = {}, {}, {}
  end

  if V.has(rt, "queue") then core.queue = Q.queue_factory(rt) end

  if V.has(rt, "event_sub") then
    local new_sub = Q.eventsub_factory()
    rt.new_eventsub = new_sub
    function core.event_sub(types, fn)
      local list = Q.check_event_types(rt, types)
      if type(fn) ~= "function" then U.argerror(2, "function expected") end
      local sub, st = new_sub(list, fn)
      SE.subscribe(rt, st)
      return sub
    end
  end

  if V.has(rt, "mailers") then
    function core.disable_legacy_mailers()
      if rt.phase ~= "body" then
        U.raise("disable_legacy_mailers: not available outside of body context")
      end
      rt.legacy_mailers_disabled = true
    end
  end

  if V.has(rt, "get_var") then
    function core.get_var(...)
      local n = select("#", ...)
      U.nargs(n, 1, "get_var")
      local name = U.checkstring(1, (...), n)
      local short = name:match("^proc%.(.+)$")
      if not short then
        U.raise("'get_var': Only 'proc.' scope allowed to be retrieved in 'core.get_var()'.")
      end
      return U.smp2lua(rt.process.proc_vars[short], rt)
    end
  end

  if V.has(rt, "silent") then core.silent = -1 end

  if V.has(rt, "wait") then
    -- Back to the scheduler until a Queue alarm fires or `ms` passed;
    -- in the body, init or outside a task it returns at once.
    function core.wait(...)
      local ms = ...
      if select("#", ...) > 0 and ms ~= nil then ms = U.checkinteger(1, ms, select("#", ...)) end
      if not E.current(rt) then return end
      local co = coroutine.running()
      local function now_ms()
        local sec, usec = rt.sched:now()
        return sec * 1000 + (usec or 0) // 1000
      end
      local deadline = ms and (now_ms() + ms)
      while not rt.alarmed[co] do
        if deadline and now_ms() >= deadline then break end
        rt.sched:sleep(1)
      end
      rt.alarmed[co] = nil
    end
  end

  if V.has(rt, "patref") then core.get_patref = PR.factory(rt) end
end

return GLX
