-- The executor: runs a registered function (action, fetch, converter,
-- service, task, CLI command, filter callback) in its own coroutine under
-- HAProxy's context rules, and turns its end into a status; formats runtime
-- errors and tracebacks as HAProxy does. The lowest layer with a state: it
-- needs only proxylua.core.base and the process log, nothing that builds
-- on it (the globals, the classes, the harness).
local U = require "proxylua.core.base.util"
local schedlib = require "proxylua.core.base.sched"
local Proc = require "proxylua.core.exec.process"
local VER = require "proxylua.core.state.versions"

local TIMEOUT = "execution timeout"  -- what the loop raises when a call ran out of time
local BURST = "burst timeout"        -- 3.2's text when it ran too long without yielding

local type, tostring = type, tostring
local sformat = string.format

local E = {}
E.TIMEOUT = TIMEOUT
E.BURST = BURST

-- Raised by core.done(); recognised by the executor (pcall catches it, as in
-- HAProxy).
local DONE = setmetatable({}, { __tostring = function() return "core.done()" end })
E.DONE = DONE

----------------------------------------------------------------------------
-- Tracebacks as HAProxy formats them (docs/haproxy-runtime.md §0.2). Frames
-- from our own Lua files are hidden: the C trampoline in front of them stands
-- for HAProxy's C function.

-- Our own Lua files, installed (proxylua/core/..., proxylua/testing...) or
-- run from the source tree (modules/core/<layer>/, modules/testing/).
local function internal(src)
  return src:find("proxylua/core/", 1, true) or src:find("modules/core/", 1, true)
    or src:find("proxylua/testing", 1, true) or src:find("modules/testing/", 1, true)
end
E.internal = internal

local function frame_text(ar, as_c)
  local loc
  if as_c then
    loc = "[C]: "
  elseif ar.currentline and ar.currentline > 0 then
    loc = ar.short_src .. ":" .. ar.currentline .. ": "
  else
    loc = ar.short_src .. ": "
  end
  local what
  if ar.namewhat and ar.namewhat ~= "" then
    what = "in " .. ar.namewhat .. " '" .. tostring(ar.name) .. "'"
  elseif ar.what == "main" then
    what = "in main chunk"
  elseif ar.what == "Lua" and not as_c then
    what = "in function line " .. ar.linedefined
  else
    what = "?"
  end
  return loc .. what .. (ar.istailcall and " ..." or "")
end

-- The frames of coroutine co; or, co nil, those of the running thread from
-- `level` (1: the caller) down to, not including, the frame running
-- `stop` (an xpcall's message handler: the xpcall).
function E.traceback(co, level, stop)
  local frames = {}
  if co then
    level = 0
    while true do
      local ar = debug.getinfo(co, level, "Slnt")
      if not ar then break end
      frames[#frames + 1] = ar
      level = level + 1
    end
  else
    level = level + 1
    while true do
      local ar = debug.getinfo(level, "Slntf")
      if not ar or ar.func == stop then break end
      ar.func = nil
      frames[#frames + 1] = ar
      level = level + 1
    end
  end
  -- From the outermost frame in: mark our own frames, and hide the C
  -- functions they call (error, string.rep...), which HAProxy's C code
  -- would not show.
  local mark, inside = {}, false
  for i = #frames, 1, -1 do
    local ar = frames[i]
    if ar.what ~= "C" and internal(ar.source) then
      mark[i], inside = "ours", true
    elseif inside and ar.what == "C" then
      mark[i] = "hidden"
    elseif ar.what ~= "C" then
      inside = false
    end
  end
  -- our frames stand behind the C trampoline the script called (U.export),
  -- which already shows as "[C]: in field 'name'": drop them
  local out = {}
  for i = 1, #frames do
    if not mark[i] then out[#out + 1] = frame_text(frames[i], false) end
  end
  return table.concat(out, ", ")
end

-- "[state-id N] runtime error: <msg> from <traceback>"
-- (docs/haproxy-runtime.md §0.1).
function E.error_text(rt, err, co)
  -- 2.8+ reports a timeout without state id or traceback
  if (err == TIMEOUT or err == BURST) and VER.has(rt, "timeout_uncatchable") then return err end
  local tb = E.traceback(co)
  if type(err) == "string" or type(err) == "number" then
    return sformat("[state-id %d] runtime error: %s from %s", rt.thread, tostring(err), tb)
  end
  return sformat("[state-id %d] unknown runtime error from %s", rt.thread, tb)
end

----------------------------------------------------------------------------
-- Contexts and the executor.

-- What may yield (docs/haproxy-runtime.md §1.1). Fetches and converters yield
-- only to be resumed at once (core.yield) or to fail (sleep, sockets).
local YIELDABLE = { action = true, service = true, task = true, cli = true }

function E.current(rt)
  local co = coroutine.running()
  return co and rt.ctx_of[co]
end

-- Whether the code running now may yield (an action, a service, a task, a
-- CLI command; not a fetch, a converter, the body or an init function).
function E.may_yield(rt)
  local ctx = E.current(rt)
  return ctx ~= nil and YIELDABLE[ctx.kind] == true
end

-- proxylua.loop, when built: loop.call runs fetches and converters under
-- its watchdog (HAProxy never times them out, its watchdog kills instead).
local okloop, looplib = pcall(require, "proxylua.loop")
local loop_call = okloop and type(looplib) == "table" and looplib.call or nil
local loop_own = loop_call and looplib.own

-- A pattern where real HAProxy 2.6 crashes, hangs or is killed: remember it
-- (the harness raises it at its own level, out of the script's reach) and
-- raise it in the script too, so it stops here.
function E.die(rt, text)
  text = "proxylua: " .. text
  rt.dead = rt.dead or text
  error(text, 0)
end

-- Raised at the harness level once a run hit a fatal pattern.
local function check_dead(rt)
  if rt.dead then
    local text = rt.dead
    rt.dead = nil
    error(text, 0)
  end
end
E.check_dead = check_dead

local WATCHDOG = "HAProxy's watchdog would kill the process here"
local NOMEM = "not enough memory"   -- LUA_ERRMEM's message, no position

-- The function a blocking-call check asks about: the context whose code is
-- being resumed now (also inside coroutines the script created there), and
-- every registered function's coroutine -> its context, for all harnesses.
E.active = nil
E.ctx_all = setmetatable({}, { __mode = "k" })
-- registered tasks: loop task handle -> context, and the loops they run on
E.ctx_by_task = setmetatable({}, { __mode = "k" })
E.loops = setmetatable({}, { __mode = "k" })

-- The registered function running now, if any: the one whose coroutine is
-- running, or the one being resumed (the code runs in a coroutine the script
-- created inside it), or a registered task the loop is running.
function E.running()
  local co = coroutine.running()
  local ctx = (co and E.ctx_all[co]) or E.active
  if ctx then return ctx end
  -- a coroutine created inside a registered task: the loop knows the task
  for l in pairs(E.loops) do
    local ok, t = pcall(l.current, l) -- a closed loop raises
    if ok and t and E.ctx_by_task[t] then return E.ctx_by_task[t] end
  end
end

local function exec_body(rt, ctx, fn, ...)
  local co = coroutine.create(fn)
  ctx.co, ctx.rt = co, rt
  rt.ctx_of[co] = ctx
  E.ctx_all[co] = ctx
  local yieldable = YIELDABLE[ctx.kind]
  local sched = rt.sched
  local attached = yieldable and sched.attach and rt.limits
  if attached then sched:attach(co, rt.limits[ctx.kind])
  elseif not yieldable and loop_own then loop_own(co) end -- loop.call's burst and timeout apply to co
  local prev = E.active
  E.active = ctx
  local res = U.pack(coroutine.resume(co, ...))
  E.active = prev
  local status
  while coroutine.status(co) == "suspended" do
    if yieldable then
      -- the harness may feed data on waits, or give up (inspect-delay)
      if ctx.on_wait and ctx.on_wait(res[2], res[3]) == false then status = "expired" break end
      if sched.pause then
        sched:pause(res[2], res[3])
        E.active = ctx
        res = U.pack(coroutine.resume(co))
        E.active = prev
      else
        res = U.pack(sched:wait(co, table.unpack(res, 2, res.n)))
      end
    elseif res[2] == schedlib.YIELD then
      -- core.yield in a fetch: resumed at once
      E.active = ctx
      res = U.pack(coroutine.resume(co))
      E.active = prev
    else
      status = "yield"
      break
    end
  end
  if attached then
    local fired = sched:attach(nil)
    if fired then error("proxylua: " .. E.prefix(ctx) .. ": " .. fired, 0) end
  end
  check_dead(rt)
  if status then return status end
  if ctx.done then
    -- the function went on after done() (pcall caught it)
    if res[1] then ctx.done.caught = true end
    return "done", ctx.done
  end
  if res[1] then return "ok", U.pack(table.unpack(res, 2, res.n)) end
  local err = res[2]
  if err == NOMEM then
    -- LUA_ERRMEM: HAProxy logs no traceback; let the garbage go first
    rt.ctx_of[co] = nil
    ctx.co, co, res = nil, nil, nil -- luacheck: ignore 311
    collectgarbage()
    return "error", "out of memory error", err
  end
  local wd = type(err) == "string" and err:find(WATCHDOG, 1, true)
  if wd then
    error("proxylua: " .. E.prefix(ctx) .. ": " .. err:sub(wd), 0)
  end
  return "error", E.error_text(rt, err, co), err
end

-- The driver of a call failed (not the script: the harness around it). Out
-- of memory there is the call's own doing (its garbage filled the limit):
-- let it go and report it as HAProxy does. Allocates nothing before that.
function E.finish(rt, ctx, ok, ...)
  if ok then return ... end
  local err = ...
  if err == NOMEM then
    local co = ctx.co
    ctx.co = nil
    if co then rt.ctx_of[co] = nil end
    co = nil -- luacheck: ignore 311
    collectgarbage()
    check_dead(rt)
    return "error", "out of memory error", err
  end
  if type(err) == "string" and err:sub(1, #WATCHDOG) == WATCHDOG then
    err = "proxylua: " .. E.prefix(ctx) .. ": " .. err
  end
  error(err, 0)
end

--[[ Run fn(...) as the registered function of context ctx:
  ctx = { kind = "action"|"fetch"|"converter"|"service"|"task"|"cli"|"filter",
          name = ..., ... }
Returns status, values: "ok", packed results | "done", ctx.done |
"error", text | "yield" (a wait where waiting is not allowed) | "expired"
(ctx.on_wait refused to wait any longer).
Yieldable calls run in a task of the event loop (proxylua.loop_sched), with
the forced yields and the execution timeout of their kind (rt.limits);
fetches and converters run under loop.call, which refuses no yield itself
(the executor does) but stops an endless loop with the watchdog's text. A
pattern that kills HAProxy raises here, at the harness level. ]]
-- When a context that made sockets ends, 2.6 runs a full collection, so a
-- socket the script dropped without close() is closed right then
-- (docs/haproxy-socket.md §7: the peer sees FIN as the action or task
-- returns).
function E.context_ended(ctx, ...)
  if ctx.sockets then collectgarbage() end
  return ...
end

function E.exec(rt, ctx, fn, ...)
  return E.context_ended(ctx, E.exec_context(rt, ctx, fn, ...))
end

function E.exec_context(rt, ctx, fn, ...)
  local sched = rt.sched
  if YIELDABLE[ctx.kind] then
    if sched.run_in_task and not sched.loop:in_task() then
      return E.finish(rt, ctx, pcall(sched.run_in_task, sched, exec_body, rt, ctx, fn, ...))
    end
  elseif loop_call and rt.limits then
    local lim = rt.limits.call or {}
    return E.finish(rt, ctx, loop_call({ where = E.prefix(ctx), watchdog = rt.limits.watchdog,
                                         burst = lim.burst, burst_named = lim.burst_named,
                                         timeout = lim.timeout },
                                       exec_body, rt, ctx, fn, ...))
  end
  return exec_body(rt, ctx, fn, ...)
end

-- The prefix of error logs per context (docs/haproxy-runtime.md §0.1).
function E.prefix(ctx)
  local k = ctx.kind
  if k == "action" then return "Lua function '" .. ctx.name .. "'" end
  if k == "fetch" then return "Lua sample-fetch '" .. ctx.name .. "'" end
  if k == "converter" then return "Lua converter '" .. ctx.name .. "'" end
  if k == "service" then
    return "Lua applet " .. (ctx.mode or "http") .. " '<lua." .. ctx.name .. ">'"
  end
  if k == "task" then return "Lua task" end
  if k == "cli" then return "Lua cli '<lua.cli." .. ctx.name .. ">'" end
  if k == "filter" then return "Lua filter '" .. ctx.name .. "'" end
  return "Lua"
end

-- Log an error the way HAProxy does: stderr alert + send_log at err.
function E.report(rt, ctx, text)
  local prefix = E.prefix(ctx)
  -- 2.8.0 names a CLI command that ran out of time a converter (live)
  if text == TIMEOUT and ctx.kind == "cli" and VER.has(rt, "cli_timeout_label") then
    prefix = "Lua converter '<lua.cli." .. ctx.name .. ">'"
  end
  Proc.alert(rt, prefix .. ": " .. text .. ".")
end

-- Start fn(...) as a task on rt's scheduler (core.register_task, tasks queued
-- at the end of configuration), with task-timeout and forced yields
-- (rt.limits.task) on the event loop. Its errors are logged as HAProxy does.
function E.spawn_task(rt, fn, ...)
  local ctx = { kind = "task", name = "task" }
  local args = U.pack(...)
  local co = coroutine.create(args.n > 0 and function() return fn(table.unpack(args, 1, args.n)) end or fn)
  ctx.co, ctx.rt = co, rt
  rt.ctx_of[co] = ctx
  E.ctx_all[co] = ctx
  local handle = rt.sched:spawn(co, function(ok, err)
    E.context_ended(ctx)
    if ok or ctx.done then return end
    if rt.dead then return end
    if err == NOMEM then
      E.report(rt, ctx, "out of memory error")
    elseif type(err) == "string" and err:sub(1, #WATCHDOG) == WATCHDOG then
      rt.dead = "proxylua: " .. E.prefix(ctx) .. ": " .. err
    else
      E.report(rt, ctx, E.error_text(rt, err, co))
    end
  end, rt.limits and rt.limits.task)
  -- the loop task running this task, for code in coroutines it creates
  if handle ~= nil and rt.sched.loop then
    E.ctx_by_task[handle] = ctx
    E.loops[rt.sched.loop] = true
  end
end

return E
