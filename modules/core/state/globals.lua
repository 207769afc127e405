-- The globals HAProxy 2.6 installs in a Lua state, built per state over
-- its runtime object: `core` (registrations, logging, dates, addresses,
-- sleeps, sockets, httpclient, maps and ACLs), `act`, `filter` and
-- `CertCache`. Map, Regex and the Concat factory come from
-- proxylua.core.classes.
local U = require "proxylua.core.base.util"
local VER = require "proxylua.core.state.versions"
local fmt = require "proxylua.core.base.formats"
local native = require "proxylua.core_native"
local Proc = require "proxylua.core.exec.process"
local E = require "proxylua.core.exec.executor"
local SK = require "proxylua.core.classes.socket"
local HC = require "proxylua.core.classes.httpclient"

local type, select, tostring, pairs, ipairs = type, select, tostring, pairs, ipairs
local argerror, checkstring, checkinteger = U.argerror, U.checkstring, U.checkinteger
local nargs, raise = U.nargs, U.raise
local sformat = string.format

local GL = {}

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
  Proc.alert(rt, sformat("config : Trying to register %s 'lua.%s' more than once. "
    .. "This will become a hard error in version 2.5.", what, name), "WARNING")
end

function GL.core(rt)
  local core = {}
  local reg = rt.reg

  for i = 0, 7 do core[fmt.LEVELS[i]] = i end
  core.thread = rt.thread

  -- Registration ---------------------------------------------------------

  local function runtime_noop()
    return rt.phase == "runtime"
  end

  -- At runtime 2.6 ignores a registration (register_init crashes it); 2.8+
  -- refuse it after counting the arguments (live; register_task works).
  local function body_only(name)
    if rt.phase == "runtime" and VER.has(rt, "register_body_only") then
      raise(name .. ": not available outside of body context", 2)
    end
  end

  function core.register_action(...)
    local n = select("#", ...)
    local name, envs, fn, nb = ...
    if n < 3 or n > 4 then raise("'register_action' needs between 3 and 4 arguments") end
    body_only("register_action")
    name = checkstring(1, name, n)
    if type(envs) ~= "table" then raise("register_action: second argument must be a table of strings") end
    if type(fn) ~= "function" then U.typeerror(3, "function", fn, true) end
    nb = n >= 4 and checkinteger(4, nb, n) or 0
    local list = {}
    for _, e in pairs(envs) do
      if type(e) ~= "string" then raise("register_action: second argument must be a table of strings") end
      list[#list + 1] = e
    end
    local after_res = VER.has(rt, "http_after_res")
    for _, e in ipairs(list) do
      if after_res and e == "http-after-res" then
        -- 3.0: http-after-response rules may call Lua actions
      elseif not ACTION_ENVS[e] then
        raise(sformat("Lua action environment '%s' is unknown. 'tcp-req', 'tcp-res', "
          .. (after_res and "'http-req', 'http-res' or 'http-after-res'" or "'http-req' or 'http-res'")
          .. " are expected.", e))
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
    body_only("register_fetches")
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
    body_only("register_converters")
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
    body_only("register_service")
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
    body_only("register_init")
    if type(fn) ~= "function" then U.typeerror(1, "function", fn, true) end
    if rt.phase == "runtime" then
      E.die(rt, sformat("core.register_init() called at runtime: HAProxy %s crashes (segfault) here",
        VER.name(rt.version or 206)))
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
    body_only("register_cli")
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
      -- docs/haproxy-runtime.md §1.7: {"show", "info"} segfaulted 2.6.12 at
      -- startup
      E.die(rt, sformat("core.register_cli() of the built-in command '%s': HAProxy %s crashes "
        .. "(segfault) at startup", table.concat(words, " "), VER.name(rt.version or 206)))
    end
    reg.cli[table.concat(words, " ")] = { fn = fn, words = words, usage = usage,
                                          name = table.concat(words, ".") }
  end

  function core.register_filter(...)
    local n = select("#", ...)
    local name, class, fn = ...
    nargs(n, 3, "register_filter")
    body_only("register_filter")
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
    Proc.log(rt, level, msg)
  end

  local function level_fn(lname, level)
    return function(...)
      local n = select("#", ...)
      local msg = ...
      nargs(n, 1, lname)
      msg = checkstring(1, msg, n)
      Proc.log(rt, level, msg)
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
  core.http_date = date_fn(fmt.http_date)
  core.imf_date = date_fn(fmt.imf_date)
  core.rfc850_date = date_fn(fmt.rfc850_date)
  core.asctime_date = date_fn(fmt.asctime_date)

  -- Strings and addresses ------------------------------------------------------

  function core.tokenize(...)
    local n = select("#", ...)
    local s, seps, noblank = ...
    s = checkstring(1, s, n)
    seps = checkstring(2, seps, n)
    if n >= 3 and type(noblank) ~= "boolean" then argerror(3, "boolean expected") end
    return fmt.tokenize(s, seps, noblank)
  end

  function core.parse_addr(...)
    local n = select("#", ...)
    local s = checkstring(1, (...), n)
    local a = fmt.parse_net(s)
    return a and native.box(a) or nil
  end

  function core.match_addr(a, b)
    a, b = native.unbox(a), native.unbox(b)
    if type(a) ~= "table" or type(b) ~= "table" then return false end
    return fmt.match_net(a, b)
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
    error(E.DONE)
  end

  -- Sockets: a harness peer (opts.tcp) answers; otherwise proxylua.socket's
  -- real sockets on the scheduler's loop (core_socket raises a clear error
  -- when the scheduler has no loop).
  function core.tcp()
    if rt.phase == "body" then
      -- 3.0: no socket and no error in the body (live: nothing returned)
      if VER.has(rt, "tcp_body_nothing") then return end
      raise("socket: uninitialized pools.")
    end
    local ctx = E.current(rt)
    if ctx then ctx.sockets = true end
    if not rt.new_socket then
      rt.tcp_peer = rt.tcp_peer or SK.NETWORK
      rt.new_socket = SK.class(rt)
    end
    return rt.new_socket()
  end

  -- A harness upstream (opts.upstream) answers subrequests; otherwise the
  -- real client of proxylua.httpclient, when installed.
  function core.httpclient()
    if rt.phase ~= "runtime" then return nil end
    if rt.upstream then
      rt.new_httpclient = rt.new_httpclient or HC.class(rt)
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

function GL.act(rt)
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
function GL.filter(rt)
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

function GL.certcache()
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
return GL
