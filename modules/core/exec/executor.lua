-- One emulated HAProxy Lua state: the globals HAProxy 2.6 installs (core, act,
-- filter, Map, Regex, CertCache), the registrations a script makes, and the
-- executor that runs registered functions in coroutines with HAProxy's
-- context rules (runtime.md 1.1, 2.1-2.5, 5).
local U = require "proxylua.core.base.util"
local misc = require "proxylua.core.base.formats"
local schedlib = require "proxylua.core.base.sched"
local native = require "proxylua.core_native"

local type, select, tostring, pairs, ipairs = type, select, tostring, pairs, ipairs
local argerror, checkstring, checkinteger = U.argerror, U.checkstring, U.checkinteger
local nargs, raise = U.nargs, U.raise
local sformat = string.format

local E = {}

-- core table -> its runtime (weak), so `require "proxylua.core"` under stock
-- Lua can tell its own emulated core from a foreign one.
E.rt_of = setmetatable({}, { __mode = "k" })

-- Raised by core.done(); recognised by the executor (pcall catches it, as in
-- HAProxy).
local DONE = setmetatable({}, { __tostring = function() return "core.done()" end })
E.DONE = DONE

----------------------------------------------------------------------------
-- Process: what every state of one HAProxy process shares (lua-load and all
-- lua-load-per-thread copies): proc variables, pattern references, proxies.

function E.new_process(opts)
  opts = opts or {}
  local sec = native.now()
  return {
    pid = opts.pid or native.getpid(),
    start = sec,
    proc_vars = {},
    declared_proc = {},      -- names the config mentions (set-var proc.x ...)
    patrefs = {},            -- file -> { kind, maps (weak), entries, overrides }
    proxies = opts.proxies,  -- description, see core_proxy
    nbthread = opts.nbthread or 1,
    version = opts.version or "2.6.12-1+deb12u4",
    node = opts.node or "proxylua",
  }
end

----------------------------------------------------------------------------
-- Logging: every line is recorded in rt.logs; echoed to stderr when asked.

local function emit(rt, rec, line)
  rt.logs[#rt.logs + 1] = rec
  if rt.on_log then rt.on_log(rec, line) end
  if rt.echo and (rec.level ~= 7 or rt.debug) then
    io.stderr:write(line, "\n")
  end
end

-- core.log family and txn:log: "[level] ddd/hhmmss (pid) : msg".
function E.log(rt, level, msg, source)
  msg = misc.clean(msg)
  local sec = rt.sched:now()
  emit(rt, { level = level, msg = msg, source = source or "core" },
       misc.format_log(level, msg, rt.process.pid, sec))
end

-- Errors and warnings HAProxy prints itself ("[ALERT]    (pid) : text").
function E.alert(rt, text, tag)
  tag = tag or "ALERT"
  emit(rt, { level = tag == "WARNING" and 4 or 3, msg = text, source = tag:lower() },
       misc.format_alert(tag, text, rt.process.pid))
end

----------------------------------------------------------------------------
-- Tracebacks as HAProxy formats them (runtime.md 0.2). Frames from our own
-- Lua files are hidden: the C trampoline in front of them stands for
-- HAProxy's C function.

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

function E.traceback(co)
  local frames, level = {}, 0
  while true do
    local ar = debug.getinfo(co, level, "Slnt")
    if not ar then break end
    frames[#frames + 1] = ar
    level = level + 1
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

-- "[state-id N] runtime error: <msg> from <traceback>" (runtime.md 0.1).
function E.error_text(rt, err, co)
  local tb = E.traceback(co)
  if type(err) == "string" or type(err) == "number" then
    return sformat("[state-id %d] runtime error: %s from %s", rt.thread, tostring(err), tb)
  end
  return sformat("[state-id %d] unknown runtime error from %s", rt.thread, tb)
end

----------------------------------------------------------------------------
-- Contexts and the executor.

-- What may yield (runtime.md 1.1). Fetches and converters yield only to be
-- resumed at once (core.yield) or to fail (sleep, sockets).
local YIELDABLE = { action = true, service = true, task = true, cli = true }

function E.current(rt)
  local co = coroutine.running()
  return co and rt.ctx_of[co]
end

-- proxylua.loop, when built: loop.call runs fetches and converters under
-- its watchdog (HAProxy never times them out, its watchdog kills instead).
local okloop, looplib = pcall(require, "proxylua.loop")
local loop_call = okloop and type(looplib) == "table" and looplib.call or nil

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

local function exec_body(rt, ctx, fn, ...)
  local co = coroutine.create(fn)
  ctx.co, ctx.rt = co, rt
  rt.ctx_of[co] = ctx
  E.ctx_all[co] = ctx
  local yieldable = YIELDABLE[ctx.kind]
  local sched = rt.sched
  local attached = yieldable and sched.attach and rt.limits
  if attached then sched:attach(co, rt.limits[ctx.kind]) end
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
-- socket the script dropped without close() is closed right then (socket.md
-- §7: the peer sees FIN as the action or task returns).
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
    return E.finish(rt, ctx, loop_call({ where = E.prefix(ctx), watchdog = rt.limits.watchdog },
                                       exec_body, rt, ctx, fn, ...))
  end
  return exec_body(rt, ctx, fn, ...)
end

-- The prefix of error logs per context (runtime.md 0.1).
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
  E.alert(rt, E.prefix(ctx) .. ": " .. text .. ".")
end

----------------------------------------------------------------------------
-- Globals

local ACTION_ENVS = { ["tcp-req"] = true, ["tcp-res"] = true, ["http-req"] = true, ["http-res"] = true }

-- HAProxy 2.6's own CLI commands (keyword paths): a Lua command with the
-- same words crashes it at startup (seen live with "show info").
local BUILTIN_CLI = {}
for _, c in ipairs({ "help", "prompt", "quit", "show info", "show stat", "show sess",
    "show errors", "show env", "show table", "show servers state", "show servers conn",
    "show backend", "show pools", "show profiling", "show tasks", "show threads", "show fd",
    "show activity", "show cli sockets", "show cli level", "show map", "show acl",
    "show resolvers", "show ssl cert", "show ssl crt-list", "show ssl ca-file",
    "show ssl crl-file", "show startup-logs", "show trace", "show peers", "show schema json",
    "show version", "show events", "set maxconn frontend", "set maxconn global",
    "set maxconn server", "set rate-limit", "set server", "set weight", "set timeout cli",
    "set severity-output", "set profiling", "set table", "set map", "set ssl cert",
    "set dynamic-cookie-key backend", "get weight", "get map", "get acl", "get var",
    "enable server", "disable server", "enable frontend", "disable frontend", "enable agent",
    "disable agent", "enable health", "disable health", "add map", "add acl", "add server",
    "del map", "del acl", "del server", "clear map", "clear acl", "clear counters",
    "clear table", "shutdown session", "shutdown sessions server", "shutdown frontend",
    "trace", "operator", "user", "expert-mode", "experimental-mode" }) do
  BUILTIN_CLI[c] = true
end

local function warn_twice(rt, what, name)
  E.alert(rt, sformat("config : Trying to register %s 'lua.%s' more than once. "
    .. "This will become a hard error in version 2.5.", what, name), "WARNING")
end

local function new_core(rt)
  local core = {}
  local reg = rt.reg

  for i = 0, 7 do core[misc.LEVELS[i]] = i end
  core.thread = rt.thread

  -- Registration ---------------------------------------------------------

  local function runtime_noop()
    return rt.phase == "runtime"
  end

  function core.register_action(...)
    local n = select("#", ...)
    local name, envs, fn, nb = ...
    if n < 3 or n > 4 then raise("'register_action' needs between 3 and 4 arguments") end
    name = checkstring(1, name, n)
    if type(envs) ~= "table" then raise("register_action: second argument must be a table of strings") end
    if type(fn) ~= "function" then U.typeerror(3, "function", fn, true) end
    nb = n >= 4 and checkinteger(4, nb, n) or 0
    local list = {}
    for _, e in pairs(envs) do
      if type(e) ~= "string" then raise("register_action: second argument must be a table of strings") end
      list[#list + 1] = e
    end
    for _, e in ipairs(list) do
      if not ACTION_ENVS[e] then
        raise(sformat("Lua action environment '%s' is unknown. 'tcp-req', 'tcp-res', "
          .. "'http-req' or 'http-res' are expected.", e))
      end
    end
    if runtime_noop() then return end
    for _, e in ipairs(list) do
      reg.actions[e] = reg.actions[e] or {}
      if reg.actions[e][name] then warn_twice(rt, "action", name) end
      reg.actions[e][name] = { fn = fn, nargs = nb, name = name }
    end
  end

  function core.register_fetches(...)
    local n = select("#", ...)
    local name, fn = ...
    nargs(n, 2, "register_fetches")
    name = checkstring(1, name, n)
    if type(fn) ~= "function" then U.typeerror(2, "function", fn, true) end
    if runtime_noop() then return end
    if reg.fetches[name] then warn_twice(rt, "sample-fetch", name) end
    reg.fetches[name] = { fn = fn, name = name }
  end

  function core.register_converters(...)
    local n = select("#", ...)
    local name, fn = ...
    nargs(n, 2, "register_converters")
    name = checkstring(1, name, n)
    if type(fn) ~= "function" then U.typeerror(2, "function", fn, true) end
    if runtime_noop() then return end
    if reg.converters[name] then warn_twice(rt, "converter", name) end
    reg.converters[name] = { fn = fn, name = name }
  end

  function core.register_service(...)
    local n = select("#", ...)
    local name, mode, fn = ...
    nargs(n, 3, "register_service")
    name = checkstring(1, name, n)
    mode = checkstring(2, mode, n)
    if type(fn) ~= "function" then U.typeerror(3, "function", fn, true) end
    if mode ~= "tcp" and mode ~= "http" then
      raise(sformat("Lua service environment '%s' is unknown. 'tcp' or 'http' are expected.", mode))
    end
    if runtime_noop() then return end
    if reg.services[name] then warn_twice(rt, "service", name) end
    reg.services[name] = { fn = fn, mode = mode, name = name }
  end

  function core.register_init(...)
    local n = select("#", ...)
    local fn = ...
    nargs(n, 1, "register_init")
    if type(fn) ~= "function" then U.typeerror(1, "function", fn, true) end
    if rt.phase == "runtime" then
      E.die(rt, "core.register_init() called at runtime: HAProxy 2.6 crashes (segfault) here")
    end
    reg.init[#reg.init + 1] = fn
  end

  -- 2.6 takes the function alone; 2.7+ passes up to 4 arguments to it
  function core.register_task(...)
    local n = select("#", ...)
    local fn = ...
    if (rt.version or 206) >= 207 then
      if n < 1 or n > 5 then raise("'register_task' needs between 1 and 5 arguments") end
    else
      nargs(n, 1, "register_task")
    end
    if type(fn) ~= "function" then U.typeerror(1, "function", fn, true) end
    local task = { fn = fn, args = U.pack(select(2, ...)) }
    reg.tasks[#reg.tasks + 1] = task
    if rt.phase == "runtime" then rt:start_task(fn, table.unpack(task.args, 1, task.args.n)) end
  end

  function core.register_cli(...)
    local n = select("#", ...)
    local path, usage, fn = ...
    nargs(n, 3, "register_cli")
    if type(path) ~= "table" then argerror(1, "1st argument must be a table") end
    local words = {}
    for i, w in ipairs(path) do
      if i > 5 then argerror(1, "1st argument must be a table with a maximum of 5 entries") end
      if type(w) ~= "string" then argerror(1, "1st argument must be a table filled with strings") end
      words[i] = w
    end
    if #words == 0 then argerror(1, "1st argument must be a table filled with strings") end
    usage = checkstring(2, usage, n)
    if type(fn) ~= "function" then U.typeerror(3, "function", fn, true) end
    if runtime_noop() then return end
    if BUILTIN_CLI[table.concat(words, " ")] then
      -- runtime.md 1.7: {"show", "info"} segfaulted 2.6.12 at startup
      E.die(rt, sformat("core.register_cli() of the built-in command '%s': HAProxy 2.6 crashes "
        .. "(segfault) at startup", table.concat(words, " ")))
    end
    reg.cli[table.concat(words, " ")] = { fn = fn, words = words, usage = usage,
                                          name = table.concat(words, ".") }
  end

  function core.register_filter(...)
    local n = select("#", ...)
    local name, class, fn = ...
    nargs(n, 3, "register_filter")
    name = checkstring(1, name, n)
    if type(class) ~= "table" then U.typeerror(2, "table", class, true) end
    if type(fn) ~= "function" then U.typeerror(3, "function", fn, true) end
    if runtime_noop() then return end
    reg.filters[name] = { class = class, fn = fn, name = name }
  end

  -- Logging ----------------------------------------------------------------

  function core.log(...)
    local n = select("#", ...)
    local level, msg = ...
    nargs(n, 2, "log")
    level = checkinteger(1, level, n)
    msg = checkstring(2, msg, n)
    if level < 0 or level > 7 then argerror(1, "Invalid loglevel.") end
    E.log(rt, level, msg)
  end

  local function level_fn(lname, level)
    return function(...)
      local n = select("#", ...)
      local msg = ...
      nargs(n, 1, lname)
      msg = checkstring(1, msg, n)
      E.log(rt, level, msg)
    end
  end
  core.Debug = level_fn("debug", 7)
  core.Info = level_fn("info", 6)
  core.Warning = level_fn("warning", 4)
  core.Alert = level_fn("alert", 1)

  -- Time and dates -----------------------------------------------------------

  function core.now()
    local sec, usec = rt.sched:now()
    return { sec = sec, usec = usec }
  end

  local function date_fn(parse)
    return function(...)
      local n = select("#", ...)
      local s = checkstring(1, (...), n)
      return parse(s)
    end
  end
  core.http_date = date_fn(misc.http_date)
  core.imf_date = date_fn(misc.imf_date)
  core.rfc850_date = date_fn(misc.rfc850_date)
  core.asctime_date = date_fn(misc.asctime_date)

  -- Strings and addresses ------------------------------------------------------

  function core.tokenize(...)
    local n = select("#", ...)
    local s, seps, noblank = ...
    s = checkstring(1, s, n)
    seps = checkstring(2, seps, n)
    if n >= 3 and type(noblank) ~= "boolean" then argerror(3, "boolean expected") end
    return misc.tokenize(s, seps, noblank)
  end

  function core.parse_addr(...)
    local n = select("#", ...)
    local s = checkstring(1, (...), n)
    local a = misc.parse_net(s)
    return a and native.box(a) or nil
  end

  function core.match_addr(a, b)
    a, b = native.unbox(a), native.unbox(b)
    if type(a) ~= "table" or type(b) ~= "table" then return false end
    return misc.match_net(a, b)
  end

  function core.get_info()
    return rt:info()
  end

  function core.concat()
    return rt.new_concat()
  end

  -- Yields and done --------------------------------------------------------------

  local function wait_ms(ms)
    local ctx = E.current(rt)
    if not ctx then return end -- body, init, user coroutines: no-op
    if ms < 0 then ms = 0 end
    rt.sched:sleep(ms)
  end

  function core.msleep(...)
    local n = select("#", ...)
    nargs(n, 1, "msleep")
    wait_ms(checkinteger(1, (...), n))
  end

  function core.sleep(...)
    local n = select("#", ...)
    nargs(n, 1, "sleep")
    wait_ms(checkinteger(1, (...), n) * 1000)
  end

  function core.yield()
    if E.current(rt) then rt.sched:yield() end
  end

  function core.set_nice(...)
    local n = select("#", ...)
    nargs(n, 1, "set_nice")
    checkinteger(1, (...), n)
  end

  function core.done(...)
    local ctx = E.current(rt)
    if not ctx then return end -- body and init: no-op, code after it runs
    ctx.done = { core = true, n = select("#", ...), value = (...) }
    error(DONE)
  end

  -- Sockets: a harness peer (opts.tcp) answers; otherwise proxylua.socket's
  -- real sockets on the scheduler's loop (core_socket raises a clear error
  -- when the scheduler has no loop).
  function core.tcp()
    if rt.phase == "body" then raise("socket: uninitialized pools.") end
    local ctx = E.current(rt)
    if ctx then ctx.sockets = true end
    if not rt.new_socket then
      local sockets = require "proxylua.core.classes.socket"
      rt.tcp_peer = rt.tcp_peer or sockets.NETWORK
      rt.new_socket = sockets.class(rt)
    end
    return rt.new_socket()
  end

  -- A harness upstream (opts.upstream) answers subrequests; otherwise the
  -- real client of proxylua.httpclient, when installed.
  function core.httpclient()
    if rt.phase ~= "runtime" then return nil end
    if rt.upstream then
      rt.new_httpclient = rt.new_httpclient or require("proxylua.core.classes.httpclient").class(rt)
      return rt.new_httpclient()
    end
    local ok, hc = pcall(require, "proxylua.httpclient")
    if not ok or type(hc) ~= "table" or not hc.new then
      raise("proxylua: core.httpclient() needs proxylua.httpclient, or a harness upstream (opts.upstream)")
    end
    return hc.new(rt)
  end

  -- Maps and ACLs (pattern references shared by the process) ----------------------

  local function patref(fname, file, kind_word)
    local ref = rt.process.patrefs[file]
    if not ref or (kind_word == "acl" and ref.kind ~= "acl" and not ref.maps_loaded) then
      if rt.phase == "body" and fname == "set_map" then return nil end
      raise(sformat("'%s': unknown %s file '%s'", fname, kind_word, file), 2)
    end
    return ref
  end

  function core.set_map(...)
    local n = select("#", ...)
    local file, key, value = ...
    nargs(n, 3, "set_map")
    file, key, value = checkstring(1, file, n), checkstring(2, key, n), checkstring(3, value, n)
    local ref = patref("set_map", file, "map")
    if ref then rt.patref_set(ref, key, value) end
  end

  function core.del_map(...)
    local n = select("#", ...)
    local file, key = ...
    nargs(n, 2, "del_map")
    file, key = checkstring(1, file, n), checkstring(2, key, n)
    local ref = patref("del_map", file, "acl")
    rt.patref_del(ref, key)
  end

  function core.add_acl(...)
    local n = select("#", ...)
    local file, key = ...
    nargs(n, 2, "add_acl")
    file, key = checkstring(1, file, n), checkstring(2, key, n)
    if rt.phase == "body" then raise(sformat("'add_acl': unknown acl file '%s'", file)) end
    local ref = patref("add_acl", file, "acl")
    rt.patref_add(ref, key)
  end

  function core.del_acl(...)
    local n = select("#", ...)
    local file, key = ...
    nargs(n, 2, "del_acl")
    file, key = checkstring(1, file, n), checkstring(2, key, n)
    local ref = patref("del_acl", file, "acl")
    rt.patref_del(ref, key)
  end

  return core
end

local function new_act(rt)
  local act = { CONTINUE = 0, STOP = 1, YIELD = 2, ERROR = 3, DONE = 4, DENY = 5, ABORT = 6, INVALID = 7 }
  -- Outside a running function (body, init) 2.6 returns before any check.
  function act.wake_time(...)
    local ctx = E.current(rt)
    if not ctx then return end
    local n = select("#", ...)
    nargs(n, 1, "wake_time")
    local ms = checkinteger(1, (...), n)
    if ctx.kind == "action" then ctx.wake_time = ms end
  end
  return act
end

-- Data filters are remembered per filter instance and channel direction
-- (rt.data_filters[instance][dir]), out of the script's tables.
local function new_filter(rt)
  local filter = { CONTINUE = 1, WAIT = 0, ERROR = -1, FLT_CFG_FL_HTX = 1 }
  rt.data_filters = setmetatable({}, { __mode = "k" })
  local function mark(flt, chn, on)
    local st = type(chn) == "table" and U.st(chn)
    if type(flt) ~= "table" or not st or not st.dir then return end
    local t = rt.data_filters[flt] or {}
    rt.data_filters[flt] = t
    t[st.dir] = on or nil
  end
  function filter.register_data_filter(...)
    local n = select("#", ...)
    nargs(n, 2, "register_data_filter")
    local flt, chn = ...
    mark(flt, chn, true)
    return chn
  end
  function filter.unregister_data_filter(...)
    local n = select("#", ...)
    nargs(n, 2, "unregister_data_filter")
    local flt, chn = ...
    mark(flt, chn, false)
    return chn
  end
  function filter.wake_time(...)
    local n = select("#", ...)
    nargs(n, 1, "wake_time")
    local ms = checkinteger(1, (...), n)
    local ctx = E.current(rt)
    if ctx then ctx.wake_time = ms end
  end
  return filter
end

local function new_certcache()
  local CertCache = {}
  function CertCache.set(...)
    local n = select("#", ...)
    local t = ...
    if n ~= 1 or type(t) ~= "table" then raise("'CertCache.set' needs a table as argument") end
    local known = { filename = true, crt = true, key = true, ocsp = true, issuer = true, sctl = true }
    for k in pairs(t) do
      if not known[k] then raise(sformat("Unsupported field '%s'", tostring(k))) end
    end
    raise("proxylua: CertCache.set() has no certificate store to update under stock Lua")
  end
  return CertCache
end

----------------------------------------------------------------------------
-- The runtime object

local RT = {}
RT.__index = RT

--[[ E.new(opts): a fresh emulated state.
  opts.G        table receiving the globals (default: a new table)
  opts.process  shared process (E.new_process), default: a new one
  opts.thread   core.thread (0 = lua-load, 1..n = lua-load-per-thread)
  opts.sched    scheduler (core_sched interface), default: virtual clock
  opts.echo     write log lines to stderr (default false)
  opts.debug    echo debug-level lines too (HAProxy's -d) ]]
function E.new(opts)
  opts = opts or {}
  local rt = setmetatable({
    G = opts.G or {},
    process = opts.process or E.new_process(opts),
    thread = opts.thread or 0,
    sched = opts.sched or schedlib.new({ now = opts.now }),
    echo = opts.echo, debug = opts.debug,
    phase = "body",
    logs = {},
    ctx_of = setmetatable({}, { __mode = "k" }),
    reg = { actions = {}, fetches = {}, converters = {}, services = {}, init = {},
            tasks = {}, cli = {}, filters = {} },
  }, RT)
  rt.core = new_core(rt)
  rt.act = new_act(rt)
  rt.filter = new_filter(rt)
  rt.CertCache = new_certcache()
  local classes = require "proxylua.core.classes.map"
  rt.Map = classes.map_class(rt)
  rt.Regex = classes.regex_class(rt)
  rt.new_concat = classes.concat_factory(rt)
  classes.patref_ops(rt)
  U.export(rt.core)
  U.export(rt.act)
  U.export(rt.filter)
  U.export(rt.CertCache)
  E.rt_of[rt.core] = rt
  local G = rt.G
  G.core, G.act, G.filter, G.Map, G.Regex, G.CertCache =
    rt.core, rt.act, rt.filter, rt.Map, rt.Regex, rt.CertCache
  return rt
end

-- core.get_info(): `show info` names; numbers are integers.
function RT:info()
  local p = self.process
  local now = self.sched:now()
  local up = now - p.start
  return {
    Name = "HAProxy", Version = p.version, ["Build info"] = p.version,
    Release_date = "2023/02/14", Nbthread = p.nbthread, Nbproc = 1, Process_num = 1,
    Pid = p.pid, Uptime = sformat("%dd %dh%02dm%02ds", up // 86400, up // 3600 % 24, up // 60 % 60, up % 60),
    Uptime_sec = up, Start_time_sec = p.start, Memmax_MB = 0, Memmax_bytes = 0,
    PoolAlloc_MB = 0, PoolAlloc_bytes = 0, PoolUsed_MB = 0, PoolUsed_bytes = 0, PoolFailed = 0,
    ["Ulimit-n"] = 4096, Maxsock = 4096, Maxconn = 2000,
    Hard_maxconn = 2000, CurrConns = 0, CumConns = 0, CumReq = 0, MaxSslConns = 0,
    CurrSslConns = 0, CumSslConns = 0, Maxpipes = 0, PipesUsed = 0, PipesFree = 0,
    ConnRate = 0, ConnRateLimit = 0, MaxConnRate = 0, SessRate = 0, SessRateLimit = 0,
    MaxSessRate = 0, SslRate = 0, SslRateLimit = 0, MaxSslRate = 0, SslFrontendKeyRate = 0,
    SslFrontendMaxKeyRate = 0, SslFrontendSessionReuse_pct = 0, SslBackendKeyRate = 0,
    SslBackendMaxKeyRate = 0, SslCacheLookups = 0, SslCacheMisses = 0,
    CompressBpsIn = 0, CompressBpsOut = 0, CompressBpsRateLim = 0, Tasks = 0, Run_queue = 0,
    Idle_pct = 100, node = p.node, Stopping = 0, Jobs = 0, ["Unstoppable Jobs"] = 0,
    Listeners = 0, ActivePeers = 0, ConnectedPeers = 0, DroppedLogs = 0, BusyPolling = 0,
    FailedResolutions = 0, TotalBytesOut = 0, TotalSplicdedBytesOut = 0, BytesOutRate = 0,
    DebugCommandsIssued = 0, CumRecvLogs = 0, Tainted = "0",
  } -- the 69 names 2.6.12 returns (TotalWarnings, BootTime_ms... came later)
end

-- Start a task coroutine on the scheduler (register_task, run_init), with
-- task-timeout and forced yields (rt.limits.task) on the event loop.
function RT:start_task(fn, ...)
  local ctx = { kind = "task", name = "task" }
  local rt = self
  local args = U.pack(...)
  local co = coroutine.create(args.n > 0 and function() return fn(table.unpack(args, 1, args.n)) end or fn)
  ctx.co, ctx.rt = co, self
  self.ctx_of[co] = ctx
  E.ctx_all[co] = ctx
  local handle = self.sched:spawn(co, function(ok, err)
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
  end, self.limits and self.limits.task)
  -- the loop task running this task, for code in coroutines it creates
  if handle ~= nil and self.sched.loop then
    E.ctx_by_task[handle] = ctx
    E.loops[self.sched.loop] = true
  end
end

-- After the body: what HAProxy does once the configuration is parsed.
-- Fills core.proxies/frontends/backends, runs init functions in order
-- (errors are fatal: returned as nil, text), queues the tasks.
function RT:start()
  if self.phase ~= "body" then return true end
  local proxy = require "proxylua.core.classes.proxy"
  proxy.install(self)
  self.phase = "init"
  for _, fn in ipairs(self.reg.init) do
    local ok, err = xpcall(fn, function(e)
      local tb = debug.traceback("", 2)
      return { e = e, tb = tb }
    end)
    if not ok then
      local e = err.e
      local text
      if type(e) == "string" or type(e) == "number" then
        text = "Lua init: runtime error: '" .. tostring(e) .. "'"
      else
        text = "Lua init: unknown runtime error"
      end
      E.alert(self, text)
      self.phase = "failed"
      return nil, text
    end
  end
  self.phase = "runtime"
  for _, t in ipairs(self.reg.tasks) do self:start_task(t.fn, table.unpack(t.args, 1, t.args.n)) end
  return true
end

function RT:find_action(env, name)
  local t = self.reg.actions[env]
  return t and t[name]
end

return E
