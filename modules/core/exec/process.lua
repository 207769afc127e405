-- The process record and the log of an emulated HAProxy: what every state
-- of one process shares, and every log line a state emits (kept in rt.logs,
-- echoed to stderr when asked). Needs nothing above proxylua.core.base.
local fmt = require "proxylua.core.base.formats"
local native = require "proxylua.core_native"

local Proc = {}

-- Process: what every state of one HAProxy process shares (lua-load and all
-- lua-load-per-thread copies): proc variables, pattern references, proxies.

function Proc.new(opts)
  opts = opts or {}
  local sec = native.now()
  return {
    pid = opts.pid or native.getpid(),
    start = sec,
    proc_vars = {},
    declared_proc = {},      -- names the config mentions (set-var proc.x ...)
    patrefs = {},            -- file -> { kind, maps (weak), entries, overrides }
    proxies = opts.proxies,  -- description, see classes/proxy.lua
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
  if rt.echo and rec.stderr ~= false and (rec.level ~= 7 or rt.debug) then
    io.stderr:write(line, "\n")
  end
end

-- Where a Lua log line goes (rt.log_route, from the harness's options):
-- `sent` to the loggers of its context (core.*: the global `log` lines;
-- txn:*: its backend's), `stderr` whether HAProxy prints it (debug level
-- aside). Before 2.9 both always happen; 2.9's tune.lua.log.loggers (on)
-- and tune.lua.log.stderr (auto: only when no logger takes the line) choose
-- (live 3.0.0, 3.2.0; docs/versions.md).
local function route(rt, rec)
  local r = rt.log_route or {}
  local ctx = rec.source == "txn" and "proxy" or "global"
  local has_logger = r.loggers_conf and r.loggers_conf[ctx] or false
  local loggers_on = r.loggers ~= false
  rec.sent = loggers_on and has_logger
  local stderr = r.stderr or "on"
  rec.stderr = stderr == "on" or (stderr == "auto" and not rec.sent)
end

-- core.log family and txn:log: "[level] ddd/hhmmss (pid) : msg".
function Proc.log(rt, level, msg, source)
  msg = fmt.clean(msg)
  local sec = rt.sched:now()
  local rec = { level = level, msg = msg, source = source or "core" }
  route(rt, rec)
  emit(rt, rec, fmt.format_log(level, msg, rt.process.pid, sec))
end

-- Errors and warnings HAProxy prints itself ("[ALERT]    (pid) : text").
function Proc.alert(rt, text, tag)
  tag = tag or "ALERT"
  emit(rt, { level = tag == "WARNING" and 4 or 3, msg = text, source = tag:lower() },
       fmt.format_alert(tag, text, rt.process.pid))
end

return Proc
