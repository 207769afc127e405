-- What the live benchmarks share (real HAProxy 2.6, redis-server, wrk on
-- 127.0.0.1): starting HAProxy with a lua-load script from bench/live/,
-- running wrk bounded and reading its figures. Every process is started
-- through spec/helpers (bounded by timeout(1), stopped by pid).
local socket = require "socket"
local H = require "spec.helpers.haproxy"
local R = require "spec.helpers.redis"

local L = {}
L.redis = R.start
L.H = H
io.stdout:setvbuf("line")

local ROOT = H.capture("pwd"):gsub("%s+$", "")
L.ROOT = ROOT

-- HAProxy (nbthread 1) running bench/live/<script> with `env` set through
-- `setenv` lines before the lua-load (the script reads them with os.getenv);
-- `config` follows spec/helpers' defaults section (mode http, timeouts).
function L.haproxy(script, env, config, ports)
  local g = { "    nbthread 1", "    tune.lua.session-timeout 30s", "    tune.lua.service-timeout 30s" }
  for k, v in pairs(env or {}) do g[#g + 1] = ("    setenv %s %s"):format(k, v) end
  g[#g + 1] = "    lua-load " .. ROOT .. "/bench/live/" .. script
  return H.start({ global = table.concat(g, "\n"), config = config, ports = ports, timeout = 120 })
end

-- Pid of a background command (bounded by timeout(1)); its output in `out`.
local function spawn(cmd, out)
  local p = assert(io.popen(("(timeout -k 2 60 %s >%s 2>&1 </dev/null & echo $!)"):format(cmd, out)))
  local pid = tonumber(p:read("*l"))
  p:close()
  return pid
end

-- Wait up to `secs` for a run to end by itself, then kill it.
local function reap(pid, secs)
  local deadline = socket.gettime() + secs
  while H.alive(pid) and socket.gettime() < deadline do socket.sleep(0.05) end
  H.kill_pid(pid, 1)
end

local UNIT = { us = 1e-3, ms = 1, s = 1e3 }
local function ms(v, u) return tonumber(v) * UNIT[u] end

-- wrk's figures: rps, p50, p99 (ms), requests, errors (non-2xx + socket).
function L.parse_wrk(out)
  local r = { rps = tonumber(out:match("Requests/sec:%s*([%d.]+)")),
              requests = tonumber(out:match("(%d+) requests in")) or 0 }
  local v, u = out:match("\n%s*50%%%s+([%d.]+)(%a+)")
  if v then r.p50 = ms(v, u) end
  v, u = out:match("\n%s*99%%%s+([%d.]+)(%a+)")
  if v then r.p99 = ms(v, u) end
  r.errors = tonumber(out:match("Non%-2xx or 3xx responses: (%d+)")) or 0
  for n in (out:match("Socket errors:([^\n]*)") or ""):gmatch("(%d+)") do r.errors = r.errors + n end
  r.raw = out
  return r
end

-- Run wrk on each url at once: { {url=, c=, d=, latency=true, after=s}, ... }
-- (`after`: start that many seconds after the previous one). Returns their
-- parsed figures in the same order.
function L.wrk(runs)
  local dir = H.tmpdir()
  local pids = {}
  for i, w in ipairs(runs) do
    if w.after then socket.sleep(w.after) end
    local cmd = ("wrk -t1 -c%d -d%ds --timeout 10s %s %s"):format(
      w.c or 10, w.d or 3, w.latency and "--latency" or "", w.url)
    pids[i] = spawn(cmd, dir .. "/wrk" .. i)
  end
  local res = {}
  for i, pid in ipairs(pids) do
    reap(pid, (runs[i].d or 3) + 20)
    res[i] = L.parse_wrk(H.read_file(dir .. "/wrk" .. i) or "")
  end
  os.execute("rm -rf " .. H.sh_quote(dir))
  return res
end

function L.url(port, path) return ("http://127.0.0.1:%d%s"):format(port, path or "/") end

-- Whether the shim can be loaded (benchmarks needing it say so otherwise).
function L.has_shim()
  return (pcall(require, "proxylua.luasocket"))
end

return L
