-- The runtime object: one emulated HAProxy Lua state (its globals, the
-- registrations its script made, its phase: body, init, runtime), and what
-- HAProxy does once the configuration is parsed (proxies, init functions,
-- tasks). proxylua.core installs one into _G; the harness makes one per load.
local U = require "proxylua.core.base.util"
local schedlib = require "proxylua.core.base.sched"
local Proc = require "proxylua.core.exec.process"
local E = require "proxylua.core.exec.executor"
local GL = require "proxylua.core.state.globals"
local MAP = require "proxylua.core.classes.map"
local RX = require "proxylua.core.classes.regex"
local CC = require "proxylua.core.classes.concat"
local P = require "proxylua.core.classes.proxy"
local V = require "proxylua.core.state.versions"
local GLX = require "proxylua.core.state.globals_later"

local tostring, ipairs = tostring, ipairs
local sformat = string.format

local RT = {}
RT.__index = RT

-- core table -> its runtime (weak), so `require "proxylua.core"` under stock
-- Lua can tell its own emulated core from a foreign one.
RT.rt_of = setmetatable({}, { __mode = "k" })

--[[ RT.new(opts): a fresh emulated state.
  opts.G        table receiving the globals (default: a new table)
  opts.process  shared process (Proc.new), default: a new one
  opts.thread   core.thread (0 = lua-load, 1..n = lua-load-per-thread)
  opts.sched    scheduler (core_sched interface), default: virtual clock
  opts.echo     write log lines to stderr (default false)
  opts.debug    echo debug-level lines too (HAProxy's -d)
  opts.version  the HAProxy version emulated (state/versions.lua; 2.6) ]]
function RT.new(opts)
  opts = opts or {}
  local rt = setmetatable({
    G = opts.G or {},
    process = opts.process or Proc.new(opts),
    thread = opts.thread or 0,
    sched = opts.sched or schedlib.new({ now = opts.now }),
    echo = opts.echo, debug = opts.debug,
    phase = "body",
    logs = {},
    ctx_of = setmetatable({}, { __mode = "k" }),
    reg = { actions = {}, fetches = {}, converters = {}, services = {}, init = {},
            tasks = {}, cli = {}, filters = {} },
  }, RT)
  rt.version = V.num(opts.version)
  rt.core = GL.core(rt)
  GLX.extend(rt, rt.core)
  rt.act = GL.act(rt)
  rt.filter = GL.filter(rt)
  rt.CertCache = GL.certcache()
  rt.Map = MAP.class(rt)
  rt.Regex = RX.class(rt)
  rt.new_concat = CC.factory(rt)
  MAP.patref_ops(rt)
  U.export(rt.core)
  U.export(rt.act)
  U.export(rt.filter)
  U.export(rt.CertCache)
  RT.rt_of[rt.core] = rt
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
  local info = {
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
  } -- the 69 names 2.6.12 returns; later versions' names below (live)
  if V.has(self, "px_getters") then -- 2.8: 74 names (one renamed)
    info.TotalSplicdedBytesOut, info.TotalSplicedBytesOut = nil, 0
    info.BootTime_ms, info.MaxZlibMemUsage, info.MaxconnReached = 0, 0, 0
    info.TotalWarnings, info.ZlibMemUsage = 0, 0
  end
  if V.has(self, "silent") then info.Niced_tasks = 0 end -- 3.0: 75
  if V.has(self, "wait") then -- 3.2: 78
    info.BlockedTrafficWarnings, info.CumStreams, info.CurrStreams = 0, 0, 0
  end
  return info
end

-- Start a task coroutine on the scheduler (register_task, run_init), with
-- task-timeout and forced yields (rt.limits.task) on the event loop.
function RT:start_task(fn, ...)
  E.spawn_task(self, fn, ...)
end

-- After the body: what HAProxy does once the configuration is parsed.
-- Fills core.proxies/frontends/backends, runs init functions in order
-- (errors are fatal: returned as nil, text), queues the tasks.
function RT:start()
  if self.phase ~= "body" then return true end
  P.install(self)
  self.phase = "init"
  for _, fn in ipairs(self.reg.init) do
    -- the traceback as HAProxy prints it, down to the init function
    local ok, err = xpcall(fn, function(e) return { e = e, tb = E.traceback(nil, 2, xpcall) } end)
    if not ok then
      -- quoted, " from " and the traceback, no final period (2.6 to 3.2 alike)
      local e = err.e
      local text
      if type(e) == "string" or type(e) == "number" then
        text = "Lua init: runtime error: '" .. tostring(e) .. "' from " .. err.tb
      else
        text = "Lua init: unknown runtime error from " .. err.tb
      end
      Proc.alert(self, text)
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

return RT
