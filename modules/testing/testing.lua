-- proxylua.testing: load an HAProxy Lua script the way `lua-load` does and
-- drive what it registers (actions, fetches, converters, services, tasks,
-- CLI commands) with described requests, under stock Lua and busted.
--
--   local testing = require "proxylua.testing"
--   local h = testing.load("auth.lua", { proxies = {...} })
--   local r = h:action("auth", { path = "/x", headers = { Authorization = "..." } })
--   assert.equal("deny", r.verdict)
local E = require "proxylua.core.exec.executor"
local Proc = require "proxylua.core.exec.process"
local RT = require "proxylua.core.state.runtime"
local U = require "proxylua.core.base.util"
local V = require "proxylua.core.stream.vars"
local TXN = require "proxylua.core.classes.txn"
local Stream = require "proxylua.core.stream.stream"
local R = require "proxylua.core.rules.run"
local FL = require "proxylua.core.rules.filter"
local MAP = require "proxylua.core.classes.map"
local B = require "proxylua.testing.blocking"
local globals_guard = require "proxylua.testing.globals_guard"
local logview = require "proxylua.testing.logs"
local SK = require "proxylua.core.classes.socket"
local STR = require "proxylua.core.exec.strings"
local FS = require "proxylua.testing.files"
local ENV = require "proxylua.testing.env"
local TUNE = require "proxylua.testing.tune"
local SBX = require "proxylua.testing.sandboxed"
local CP = require "proxylua.testing.cfgparse"
local VER = require "proxylua.core.state.versions"
local VR = require "proxylua.testing.version_rules"
local CS = require "proxylua.core.rules.cli_server"
local P = require "proxylua.core.classes.proxy"
local SC = require "proxylua.core.classes.server_check"
local K = require "proxylua.core.kw.vocab"
local okls, loop_sched = pcall(require, "proxylua.loop_sched")
if not okls then loop_sched = nil end

local T = {}

-- Debian's HAProxy 2.6 (Lua 5.3) package paths, for opts.haproxy_paths.
T.HAPROXY_PATH, T.HAPROXY_CPATH = ENV.HAPROXY_PATH, ENV.HAPROXY_CPATH
-- tune.lua.* defaults (see proxylua/testing/tune.lua)
T.TUNE_DEFAULTS = TUNE.DEFAULTS

T.act = { CONTINUE = 0, STOP = 1, YIELD = 2, ERROR = 3, DONE = 4, DENY = 5, ABORT = 6, INVALID = 7 }

----------------------------------------------------------------------------
-- Harness

local H = {}
H.__index = H

-- The HAProxy version to emulate: opts.haproxy, else testing.default_version
-- (set once by a spec helper), else $PROXYLUA_HAPROXY, else 2.6; as a
-- number (state/versions.lua).
T.default_version = nil
local function vnum(v)
  if v == nil then v = T.default_version end
  if v == nil then
    local env = os.getenv("PROXYLUA_HAPROXY")
    if env and env ~= "" then v = env end
  end
  return VER.num(v or "2.6")
end
T.versions = VER.KNOWN
T.version_number = vnum -- (config.lua)

--[[ testing.new(opts): an empty emulated state (no script loaded yet).
  opts.haproxy        the HAProxy version emulated: "2.6" (default, or
                      testing.default_version, or $PROXYLUA_HAPROXY), "2.8",
                      "3.0", "3.2" (docs/versions.md); lua-load arguments
                      arrive as `...` from 2.8 on (2.6 ignores them)
  opts.prepend_path   string or list: lua-prepend-path <s> (path)
  opts.prepend_cpath  string or list: lua-prepend-path <s> cpath
  opts.haproxy_paths  start from Debian HAProxy's package.path/cpath instead
                      of this Lua's
  opts.proxies        core.proxies description (see core/classes/proxy.lua)
  opts.maps, opts.acls  { [file] = true } pattern files the "config" loads
  opts.proc_vars      { name = value } proc variables the config declares
  opts.process        share a process with another harness (per-thread)
  opts.thread         core.thread (default 0)
  opts.echo, opts.debug  copy log lines to stderr
  opts.now            start the clock at this epoch (seconds)
  opts.clock          "virtual" (default: sleeps take no real time) or "real"
  opts.tune           tune.lua.* settings (see T.TUNE_DEFAULTS; 3.2:
                      bool_sample_conversion = "normal" | "pre-3.1-bug";
                      2.9+: log_loggers = bool, log_stderr = "on" | "auto"
                      | "off")
  opts.loggers        the configuration's `log` targets: true, or
                      { global = bool, proxy = bool } (where 2.9+'s
                      tune.lua.log.* send Lua log lines, logs.lua)
  opts.scheduler      "loop" (default when proxylua.loop is built: the epoll
                      event loop) or "simple" (core/base/sched.lua, pure Lua)
  opts.sched          a scheduler object replacing the default
  opts.blocking       blocking-call detector: "warn" (default), "error"
                      (strict: the call fails the test) or "off";
                      opts.strict = true is "error"; opts.quiet: no stderr
  opts.global_writes  accidental-global detector (globals_guard.lua): "warn"
                      (default), "error" (also opts.strict_globals = true or
                      opts.strict = true), "off"
  opts.globals        { name = value } set in the script's globals before
                      it runs (e.g. a print that collects lines)
  opts.upstream       function(request) -> response answering
                      core.httpclient() requests (see core/classes/httpclient.lua);
                      returning nil is a refused connection (503)
  opts.tcp            core.tcp() sockets: absent (or "network"): real
                      connections through proxylua.socket on the harness's
                      loop; function(host, port, ssl) -> peer | nil: a fake
                      peer, peer(data) -> reply[, "close"] (see
                      core/classes/socket.lua); false: no network, every connect
                      fails with "Can't connect" ]]
function T.new(opts)
  opts = opts or {}
  local G, hooks = ENV.new(opts, T.HAPROXY_PATH, T.HAPROXY_CPATH)
  local process = opts.process or Proc.new(opts)
  local limits = TUNE.limits(opts.tune, opts.sched ~= nil, vnum(opts.haproxy))
  local sched = opts.sched
  if not sched and loop_sched and opts.scheduler ~= "simple" then
    sched = loop_sched.new{ virtual = opts.clock ~= "real", now = opts.now,
                            forced_yield = limits.forced_yield, timeout = false }
  end
  local version = vnum(opts.haproxy)
  local rt = RT.new({ G = G, process = process, thread = opts.thread, sched = sched, version = version,
                     echo = opts.echo, debug = opts.debug, now = opts.now })
  rt.limits = limits
  STR.attach(rt, G.string) -- method calls on strings see this state's `string`
  if opts.getenv then
    -- the environment the configuration left (setenv...), for this state only
    G.os.getenv, rt.getenv = opts.getenv, opts.getenv
  end
  local resolve = FS.resolver(opts)
  if resolve then FS.install(rt, G, resolve, hooks) end -- chroot, path_map
  VR.bool_conversion(rt, opts.tune and opts.tune.bool_sample_conversion)
  VR.log_route(rt, opts.tune, opts.loggers)
  if VER.has(rt, "timeout_uncatchable") then VR.uncatchable_timeouts(G) end
  B.install(rt, G, opts.strict and "error" or opts.blocking, opts.quiet)
  globals_guard.install(rt, G, globals_guard.mode_of(opts), opts.quiet)
  local mb = opts.tune and opts.tune.maxmem
  if mb and mb ~= 0 then
    -- tune.lua.maxmem (MB): only a state whose allocator counts can be
    -- limited (testing.sandbox, tests/host/pl-lua). The limit is what the
    -- script may add to what the harness holds now.
    local setmax, used = rawget(_G, "maxmem"), rawget(_G, "memused")
    if type(setmax) ~= "function" or type(used) ~= "function" then
      error("tune.maxmem needs a Lua state the harness owns: run the spec code through "
        .. "testing.sandbox() (or tests/host/pl-lua)", 2)
    end
    collectgarbage()
    setmax(math.floor(used() + mb * 1048576))
  end
  for k, v in pairs(opts.globals or {}) do G[k] = v end
  G.package.loaded["proxylua.core"] = rt.core
  local self = setmetatable({ rt = rt, env = G, core = rt.core, opts = opts,
                              process = process, version = version }, H)
  self.sched = rt.sched
  self.loop = rt.sched.loop
  rt.resolve_file = rt.resolve_file or function(f) return f end
  rt.upstream = opts.upstream
  if opts.tcp == nil or opts.tcp == "network" then
    rt.tcp_peer = SK.NETWORK
  elseif opts.tcp == false then
    rt.tcp_peer = function() return nil end
  else
    rt.tcp_peer = opts.tcp
  end
  for file in pairs(opts.maps or {}) do
    MAP.ref_for(rt, file, "map").maps_loaded = true
  end
  for file, content in pairs(opts.acls or {}) do
    local ref = MAP.ref_for(rt, file, "acl")
    if type(content) == "table" then
      for _, k in ipairs(content) do rt.patref_add(ref, k) end
    end
  end
  for name, v in pairs(opts.proc_vars or {}) do
    process.declared_proc[name] = true
    if v ~= true then process.proc_vars[name] = U.lua2smp(v) end
  end
  if opts.proxies then process.proxies = opts.proxies end
  if opts.userlists then process.userlists = opts.userlists end
  return self
end

-- Run a chunk as a lua-load body. Errors are configuration errors, raised
-- with HAProxy's wording.
function H:load_chunk(chunk, err, name, args)
  if not chunk then
    error(string.format("error in Lua file '%s': %s", name, err), 0)
  end
  -- the line "lua-load <file> <args>..." is cut into at most 64 words in
  -- every version (2.6 to 3.2, live): 62 arguments at most
  local nargs = args and (args.n or #args) or 0
  if nargs > CP.MAX_WORDS - 2 then
    local words = { "lua-load", name }
    for i = 1, nargs do words[i + 2] = tostring(args[i]) end
    error("config : " .. CP.too_many(words, "lua-load"), 0)
  end
  local ok, e
  local prev = STR.enter(self.rt)
  if VER.has(self.rt, "lua_load_args") and args then
    ok, e = pcall(chunk, table.unpack(args, 1, args.n or #args))
  else
    ok, e = pcall(chunk)
  end
  STR.leave(prev)
  E.check_dead(self.rt)
  -- HAProxy prints the message lua_tostring gives: a non-string, non-number
  -- error object (nil, a table) shows as glibc's "(null)" (live, 2.6 to 3.2)
  if not ok then
    local t = type(e)
    error("Lua runtime error: " .. ((t == "string" or t == "number") and tostring(e) or "(null)"), 0)
  end
  return self
end

function H:load(file, args)
  local chunk, err = loadfile(file, "bt", self.env)
  return self:load_chunk(chunk, err, file, args)
end

function H:load_string(code, name, args)
  name = name or "script.lua"
  local chunk, err = load(code, "@" .. name, "t", self.env)
  return self:load_chunk(chunk, err, name, args)
end

--[[ testing.load(file, opts): new harness, run the file as lua-load, then
the end of configuration (core.proxies filled, init functions, tasks
queued) unless opts.start == false. opts.args: lua-load arguments.
file may be a list of files loaded in order into the one state, as several
lua-load lines do; an entry { file, arg... } carries its own arguments. ]]
function T.load(file, opts)
  opts = opts or {}
  local h = T.new(opts)
  if type(file) == "table" then
    for _, f in ipairs(file) do
      if type(f) == "table" then h:load(f[1], table.pack(table.unpack(f, 2))) else h:load(f) end
    end
  else
    h:load(file, opts.args)
  end
  if opts.start ~= false then h:start() end
  return h
end

function T.load_string(code, opts)
  opts = opts or {}
  local h = T.new(opts):load_string(code, opts.name, opts.args)
  if opts.start ~= false then h:start() end
  return h
end

-- lua-load-per-thread: n independent states (core.thread 1..n) of one
-- process (shared proc variables, pattern references and proxies). file: a
-- file, a list of files (as testing.load), or function(opts) -> harness.
function T.per_thread(file, n, opts)
  opts = opts or {}
  local process = Proc.new(opts)
  local list = {}
  for i = 1, n do
    local o = U.copy(opts)
    o.process, o.thread = process, i
    list[i] = (type(file) == "function") and file(o) or T.load(file, o)
  end
  return list
end

-- End of configuration: proxies, init functions, tasks. An init error is
-- fatal in HAProxy: raised here with its text.
function H:start()
  local prev = STR.enter(self.rt)
  local pok, ok, err = pcall(self.rt.start, self.rt)
  STR.leave(prev)
  if not pok then error(ok, 0) end
  E.check_dead(self.rt)
  if not ok then error(err, 0) end
  return self
end

-- Every log record ({ level, msg, source }); h:logs({ printed = true }):
-- only those HAProxy prints without -d (proxylua/testing/logs.lua).
function H:logs(opts) return logview.select(self.rt.logs, opts) end
T.printed_logs = function(list) return logview.select(list, { printed = true }) end

-- Log lines as text ("[info] ... : msg" style message only).
function H:log_messages(level, opts)
  local out = {}
  for _, r in ipairs(logview.select(self.rt.logs, opts)) do
    if level == nil or r.level == level then out[#out + 1] = r.msg end
  end
  return out
end

function H:clear_logs() self.rt.logs = {} end

-- Run the registered tasks (and anything spawned on the loop) until every
-- one ended (true) or max_ms of clock time passed (false).
function H:run_tasks(max_ms)
  local done = self.rt.sched:run(max_ms)
  E.check_dead(self.rt)
  return done
end

-- Blocking calls the detector saw at runtime: { call, where = "file:line",
-- context = "Lua function 'x'", kind, name, text }.
function H:blocking_calls() return self.rt.blocking.calls end

-- Globals assigned at runtime (proxylua/testing/globals_guard.lua), one
-- record per site: { global, where = "file:line", context, kind, name, text }.
function H:global_writes() return self.rt.globals_guard.writes end

--[[ Transactions in flight at once. h:spawn(fn, ...) runs fn(...) in its own
task of the event loop (fn typically calls h:action / h:service); h:run()
runs the loop until all tasks ended (or max_ms of clock time passed) and
raises the first error a spawned function raised.
  for i = 1, 1000 do h:spawn(function() out[i] = h:action("a", {...}) end) end
  h:run() ]]
function H:spawn(fn, ...)
  local l = self.loop
  if not l then error("h:spawn needs the event loop scheduler (proxylua.loop)", 2) end
  self.spawn_errors = self.spawn_errors or {}
  local errs = self.spawn_errors
  return l:spawn({ forced_yield = false, timeout = false, done = function(ok, err)
    if not ok then errs[#errs + 1] = err end
  end }, fn, ...)
end

function H:run(max_ms)
  local done = self.rt.sched:run(max_ms)
  local errs = self.spawn_errors or {}
  self.spawn_errors = {}
  E.check_dead(self.rt)
  if errs[1] ~= nil then error(errs[1], 0) end
  return done
end

----------------------------------------------------------------------------
-- Transactions: a stream built from a request description.

local Tx = {}
Tx.__index = Tx

-- h:transaction(request) -> tx: a stream built from a request description
-- (see Stream.new in proxylua/core/stream/stream.lua for its fields) and the
-- TXN object a script gets for it.
function H:transaction(desc)
  local s = Stream.new(self.rt, desc)
  local tx = setmetatable({ h = self, stream = s, steps = {} }, Tx)
  tx.txn = TXN.new_txn(s)
  return tx
end

-- The server's response, for http-res actions.
function Tx:set_response(r)
  Stream.set_response(self.stream, r)
  return self
end

-- Move to the response side: req.* variables are gone.
function Tx:to_response(r)
  Stream.to_response(self.stream, r)
  return self
end

-- A client connection for several requests: pass it as request.session.
function T.session() return { vars = {} } end

-- What the request looks like when HAProxy forwards it.
function Tx:request() return self.stream.http_req end
function Tx:response() return self.stream.http_res end
function Tx:get_var(name) return U.smp2lua(V.get(self.stream, name)) end

-- What a configuration line `http-request set-var(<name>) <expr>` between two
-- rules does: value is a string, an integer, a boolean or a float (a
-- sample of that type); nil unsets it (unset-var).
function Tx:set_var(name, value)
  if type(name) ~= "string" or not V.parse(name) then
    error("tx:set_var: bad variable name '" .. tostring(name) .. "'", 2)
  end
  if value == nil then V.unset(self.stream, name) return self end
  if not V.set(self.stream, name, U.lua2smp(value)) then
    error("tx:set_var: '" .. name .. "' cannot be set here (res.* exists on the response side only)", 2)
  end
  return self
end

-- Every variable the stream can see: { txn = { name = value }, sess = ...,
-- req = ..., res = ..., proc = ... }, values as get_var returns them.
function Tx:vars()
  local out = {}
  local s = self.stream
  for _, scope in ipairs({ "proc", "sess", "txn", "req", "res", "check" }) do
    local store = V.store(s, scope)
    local t = {}
    for k, smp in pairs(store) do t[k] = U.smp2lua(smp) end
    out[scope] = t
  end
  return out
end
function Tx:priv() return self.stream.priv end

local function new_logs(h, from)
  local out = {}
  for i = from + 1, #h.rt.logs do out[#out + 1] = h.rt.logs[i] end
  return out
end

-- Run action `name` of ruleset env ("http-req", "http-res", "tcp-req",
-- "tcp-res") with its configuration arguments (strings); the result is
-- R.action's (proxylua/core/rules/run.lua) plus logs and vars.
function Tx:run(env, name, ...)
  local rt = self.h.rt
  local a = rt:find_action(env, name)
  if not a then
    error(string.format("unknown action 'lua.%s' in the '%s' ruleset", name, env), 2)
  end
  local args = table.pack(...)
  for i = 1, args.n do args[i] = tostring(args[i]) end
  local bad = R.check_action_args(env, a, args)
  if bad then error(bad, 2) end
  local log_from = #rt.logs
  local result = R.action(rt, self.stream, self.txn, env, a, args)
  result.logs = new_logs(self.h, log_from)
  result.vars = self:vars()
  self.steps[#self.steps + 1] = result
  self.client = result.reply or self.client
  return result
end

--[[ h:action(name, request, arg...) -> result
  result.verdict  "continue" "stop" "yield" "error" "done" "deny" "abort" "invalid"
  result.code     the integer action code
  result.reply    the response the client got from this step, if any
                  ({status, reason, headers = {{name, value}...}, body, wire})
  result.closed   txn:done() without a reply: connection closed, no response
  result.error    the logged runtime error text, if the action failed
  result.logs     log records emitted during the call
  result.vars     the variables after the call, by scope ({ txn = {...}, ... })
  result.tx       the transaction (request as forwarded, variables...) ]]
function H:action(name, desc, ...)
  local tx = self:transaction(desc)
  local r = tx:run(R.pick_env(self.rt, name, desc), name, ...)
  r.tx = tx
  r.request = tx.stream.http_req
  r.response = tx.stream.http_res
  return r
end

-- How a sample prints in a log-format / header (%[...]).
local function render(smp)
  if smp == nil then return "" end
  return U.smp2str(smp)
end
T.render = render

--[[ tx:fetch(name, arg...) / h:fetch(name, request, arg...) -> result
  result.sample  {t = type, v = value} or nil (no sample)
  result.value   the sample as Lua sees it through txn.f (booleans 0/1)
  result.text    as %[lua.name] prints it ("" without a sample)
  result.error   logged error text, if any ]]
function Tx:fetch(name, ...)
  local rt = self.h.rt
  local f = rt.reg.fetches[name]
  if not f then error("unknown fetch method 'lua." .. name .. "'", 2) end
  local args = table.pack(...)
  if args.n > 12 then error("fetch method 'lua." .. name .. "': too many arguments", 2) end
  for i = 1, args.n do args[i] = tostring(args[i]) end
  local log_from = #rt.logs
  local smp, err = R.fetch(rt, self.stream, self.txn, f, args)
  return { sample = smp, value = U.smp2lua(smp), text = render(smp), error = err,
           logs = new_logs(self.h, log_from) }
end

function H:fetch(name, desc, ...)
  return self:transaction(desc):fetch(name, ...)
end

-- h:converter(name, input, arg...): input is cast to a string first, as
-- HAProxy does; the result is a sample as for fetches.
function H:converter(name, input, ...)
  local rt = self.rt
  local c = rt.reg.converters[name]
  if not c then error("unknown converter 'lua." .. name .. "'", 2) end
  local args = table.pack(...)
  for i = 1, args.n do args[i] = tostring(args[i]) end
  local log_from = #rt.logs
  local out, err = R.converter(rt, c, input, args)
  return { sample = out, value = U.smp2lua(out), text = render(out), error = err,
           logs = new_logs(self, log_from) }
end

--[[ h:service(name, request) -> response the client gets
  { status, reason, version, headers = {{name, value}...}, body, wire,
    chunked, truncated, empty (connection closed with nothing), error, logs }
For a "tcp" service, request.input is what the client sends and the result
is { output = bytes sent, error, logs }. ]]
function H:service(name, desc)
  local rt = self.rt
  local svc = rt.reg.services[name]
  if not svc then error("unknown service 'lua." .. name .. "'", 2) end
  desc = desc or {}
  local log_from = #rt.logs
  if svc.mode == "tcp" then
    local tx = self:transaction({ mode = "tcp", src = desc.src, dst = desc.dst,
                                  src_port = desc.src_port, dst_port = desc.dst_port })
    local r = R.tcp_service(rt, tx.stream, svc, desc.input)
    r.logs = new_logs(self, log_from)
    return r
  end
  local tx = desc.stream and desc or self:transaction(desc)
  local res = R.http_service(rt, tx.stream, svc)
  res.logs = new_logs(self, log_from)
  -- http-response rules may follow: the response stays on the transaction
  if not res.empty then res.tx = tx end
  return res
end

--[[ h:filter(name, request, opts) -> result: plays `filter lua.<name>
<args...>` on an HTTP transaction. opts.args: the filter line's arguments;
request.response: the server's response (then the response side runs too),
or a function(request) returning it, called after the request side.
result = { tx, request, response, calls = { "http_headers:req", ... },
errors, logs }. The filter's configuration (the registration function's
run) is kept per argument list, as HAProxy runs it once per filter line. ]]
function H:filter(name, desc, opts)
  opts = opts or {}
  local rt = self.rt
  local key = name .. "\0" .. table.concat(opts.args or {}, "\0")
  self.filter_confs = self.filter_confs or {}
  local conf = self.filter_confs[key]
  if not conf then
    conf = FL.configure(rt, name, opts.args)
    self.filter_confs[key] = conf
  end
  local log_from = #rt.logs
  local origin = type(desc.response) == "function" and desc.response or nil
  if origin then
    desc = U.copy(desc)
    desc.response = nil
  end
  local tx = self:transaction(desc)
  local r
  if tx.stream.mode == "tcp" then
    r = FL.run_tcp(rt, name, conf, tx.stream, tx.txn)
  else
    r = FL.run_http(rt, name, conf, tx.stream, tx.txn, origin)
  end
  r.tx, r.request, r.response = tx, tx.stream.http_req, tx.stream.http_res
  r.channels = tx.stream.chn -- TCP: { req = { input, output }, res = ... }
  r.logs = new_logs(self, log_from)
  return r
end

-- h:cli("word word ...", input) -> output as the CLI client reads it: a
-- command the script registered, else one of HAProxy's own server commands
-- (add/del server, enable/disable server, set server <be>/<srv> state,
-- enable/disable health: core/rules/cli_server.lua).
function H:cli(line, input)
  local best, words = R.find_cli(self.rt, line)
  if not best then
    local out = CS.run(self.rt, line)
    if out then
      E.check_dead(self.rt)
      return out
    end
    error("Unknown command: '" .. line .. "'", 2)
  end
  if VER.has(self.rt, "cli_hang") then
    E.die(self.rt, string.format("Lua cli '<lua.cli.%s>': HAProxy %s never answers a Lua CLI "
      .. "command (the client waits with nothing)", table.concat(best.path or words, "."),
      VER.name(self.rt.version)))
  end
  local tx = self:transaction({ mode = "tcp" })
  return R.cli(self.rt, tx.stream, best, words, input)
end

--[[ h:health_check("be/srv", "pass" | "fail", opts) -> the server's status
  text after (get_stats().status: "UP", "UP 2/3", "DOWN 1/2", "DOWN"...).
  One result of the server's health check (it needs `check` in its
  description or configuration line): its health counter moves as
  HAProxy's does (`rise`, `fall`: 2 and 3 unless set), and from 2.8 on the
  subscriptions get SERVER_CHECK (when the status or the health changed)
  and SERVER_DOWN/UP + SERVER_STATE when the server crossed, at the next
  h:run_tasks(). A server in maintenance or with its check disabled is not
  checked (nothing happens).
  opts.times    that many results in a row (default 1)
  opts.status   the check status: "L4OK" / "L4CON" (defaults), "L4TOUT",
                "L7OK", "L7STS", ... (core/classes/server_check.lua)
  opts.code, opts.duration  the event's reason.code (layer 7) and duration ]]
function H:health_check(server, result, opts)
  opts = opts or {}
  if result ~= "pass" and result ~= "fail" then
    error("h:health_check: result must be \"pass\" or \"fail\", got " .. tostring(result), 2)
  end
  local status = opts.status or (result == "pass" and "L4OK" or "L4CON")
  local st = SC.STATUSES[status]
  if not st then error("h:health_check: unknown check status '" .. tostring(status) .. "'", 2) end
  if (st[2] ~= "FAILED") ~= (result == "pass") then
    error(string.format("h:health_check: status %s is not a %s check", status,
      result == "pass" and "passed" or "failed"), 2)
  end
  local d, obj = CS.lookup(self.rt, server)
  if not d then error("h:health_check: " .. obj, 2) end
  for _ = 1, opts.times or 1 do
    local ok, err = P.health_check(obj, d, result == "pass", status, opts)
    if not ok then error("h:health_check: server '" .. server .. "' " .. err, 2) end
  end
  E.check_dead(self.rt)
  return K.server_status(d)
end

----------------------------------------------------------------------------
-- Plain data across states (proxylua/testing/sandboxed.lua)

T.serialize, T.deserialize, T.sandbox = SBX.serialize, SBX.deserialize, SBX.run

-- testing.from_config(paths, opts): states from a haproxy.cfg (config.lua).
function T.from_config(paths, opts)
  return require("proxylua.testing.config").from_config(T, paths, opts)
end

----------------------------------------------------------------------------
-- Comparing responses

-- Headers as "name: value" lines, names sorted, the values of a repeated
-- name in wire order: HAProxy's replies put names in Lua table order (not
-- stable), but the order of one name's values is what the client sees.
function T.header_set(headers, ignore)
  local names, values = {}, {}
  for _, h in ipairs(headers or {}) do
    local n = h[1]:lower()
    if not (ignore and ignore[n]) then
      if not values[n] then
        names[#names + 1] = n
        values[n] = {}
      end
      local v = values[n]
      v[#v + 1] = h[2]
    end
  end
  table.sort(names)
  local out = {}
  for _, n in ipairs(names) do
    for _, v in ipairs(values[n]) do out[#out + 1] = n .. ": " .. v end
  end
  return out
end

-- name -> value (repeats joined with ", "), like H.http's headers table.
function T.header_map(headers)
  local out = {}
  for _, h in ipairs(headers or {}) do
    local n = h[1]:lower()
    out[n] = out[n] and (out[n] .. ", " .. h[2]) or h[2]
  end
  return out
end

return T
