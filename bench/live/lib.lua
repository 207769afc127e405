-- What the live benchmarks share (real HAProxy 2.6, redis-server, wrk on
-- 127.0.0.1): the tools check, CPU pinning, starting HAProxy with a lua-load
-- script from bench/live/, running wrk bounded and reading its figures, and
-- the medians and spreads every driver prints. Every process is started
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

-- A benchmark that lacks a tool says so and ends cleanly (exit 0): `make
-- bench` goes on with the others.
function L.need(tools)
  local missing = {}
  for _, t in ipairs(tools) do
    if not select(2, H.capture("command -v " .. t .. " >/dev/null 2>&1")) then missing[#missing + 1] = t end
  end
  if #missing > 0 then
    print(("  skipped: %s not found (scripts/deps installs it)"):format(table.concat(missing, ", ")))
    os.exit(0)
  end
end

function L.loadavg()
  return ((H.read_file("/proc/loadavg") or "?"):match("^(%S+ %S+ %S+)"))
end

--[[ CPU pinning, L.pin(default). HAProxy's one thread gets a CPU (`cpu-map`);
this driver pins itself to another, so that everything it starts after
(wrk, redis-server, the floor's slow server) runs there and never competes
with the measured thread. default "H,O" names the two CPUs (HAProxy on H,
the rest on O; H == O puts everything on one CPU, for a ping-pong where a
cross-CPU wake-up would cost more than the work measured). BENCH_CPUS
overrides it; BENCH_CPUS=none turns pinning off. Other users' processes can
still run on either CPU: pinning only keeps ours apart (see L.priority). ]]
L.pin_note = "off"
function L.pin(default)
  local want = os.getenv("BENCH_CPUS") or default
  if want == "none" then L.pin_note = "off (BENCH_CPUS=none)"; return end
  local hcpu, ocpu = want:match("^(%d+),(%d+)$")
  if not hcpu then L.pin_note = "off (BENCH_CPUS must be H,O)"; return end
  local n = tonumber((H.capture("nproc 2>/dev/null"):match("%d+"))) or 1
  if tonumber(hcpu) >= n or tonumber(ocpu) >= n or (n < 2 and hcpu ~= ocpu) then
    L.pin_note = ("off (%d CPU(s) usable)"):format(n)
    return
  end
  -- /proc/self read from inside this process: the driver's own pid
  local pid = (H.read_file("/proc/self/stat") or ""):match("^(%d+)")
  if not (pid and select(2, H.capture(("taskset -p -c %s %s >/dev/null 2>&1"):format(ocpu, pid)))) then
    L.pin_note = "off (taskset failed or missing)"
    return
  end
  L.pinned = { haproxy = tonumber(hcpu), rest = tonumber(ocpu) }
  L.pin_note = hcpu == ocpu and ("HAProxy and everything else on CPU " .. hcpu)
    or ("HAProxy's thread on CPU %s; wrk, redis-server and the slow server on CPU %s"):format(hcpu, ocpu)
end

--[[ Priority. Pinning keeps our processes apart, not other users' out: on a
shared machine their processes still preempt HAProxy, wrk or redis-server
for milliseconds, which is more than the sub-millisecond latencies measured.
L.priority(kind) raises this driver, and so everything it starts after, above
them: "rt" (SCHED_FIFO 10, chrt: runs as soon as it is woken; for loads
that leave the CPUs mostly idle, since a busy real-time process starves the
others, down to the kernel's 5% reserve), "nice" (nice -10: a larger share,
for saturating loads), "none". BENCH_PRIO overrides the driver's choice.
Without the permission (not root, no CAP_SYS_NICE) it stays as it is, and
says so. ]]
function L.priority(kind)
  kind = os.getenv("BENCH_PRIO") or kind
  local pid = (H.read_file("/proc/self/stat") or ""):match("^(%d+)")
  local cmd = ({ rt = "chrt -f -p 10 %s", nice = "renice -n -10 -p %s" })[kind]
  local note
  if not cmd then
    note = "normal priority"
  elseif select(2, H.capture(cmd:format(pid) .. " >/dev/null 2>&1")) then
    note = kind == "rt" and "real-time priority (SCHED_FIFO 10)" or "nice -10"
  else
    note = ("normal priority (%s not permitted)"):format(kind == "rt" and "SCHED_FIFO" or "nice -10")
  end
  L.pin_note = L.pin_note .. "; " .. note
end

-- The line every driver prints first: what is pinned where, and the load.
function L.header(title)
  print(title)
  print(("  pinning: %s; load average %s at start"):format(L.pin_note, L.loadavg()))
end

-- HAProxy (nbthread 1, on its CPU when pinned) running bench/live/<script>
-- with `env` set through `setenv` lines before the lua-load (the script reads
-- them with os.getenv); `config` follows spec/helpers' defaults section.
function L.haproxy(script, env, config, ports)
  local g = { "    nbthread 1", "    tune.lua.session-timeout 30s", "    tune.lua.service-timeout 30s" }
  -- 2.6.12 in the foreground ignores `cpu-map 1/1 N` but applies 1/all
  if L.pinned then g[#g + 1] = "    cpu-map 1/all " .. L.pinned.haproxy end
  for k, v in pairs(env or {}) do g[#g + 1] = ("    setenv %s %s"):format(k, v) end
  g[#g + 1] = "    lua-load " .. ROOT .. "/bench/live/" .. script
  local hap = H.start({ global = table.concat(g, "\n"), config = config, ports = ports, timeout = 300 })
  if L.pinned then
    -- checked, not trusted: a build that ignored cpu-map is pinned from outside
    local pid, cpu = hap.child or hap.pid, tostring(L.pinned.haproxy)
    local status = H.read_file(("/proc/%d/status"):format(pid)) or ""
    if status:match("Cpus_allowed_list:%s*(%S+)") ~= cpu then
      os.execute(("taskset -a -p -c %s %d >/dev/null 2>&1"):format(cpu, pid))
    end
  end
  return hap
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
  while H.alive(pid) and socket.gettime() < deadline do socket.sleep(0.02) end
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

-- Run wrk on each url at once: { {url=, c=, d=, latency=true, after=s,
-- pace=ms}, ... } (`after`: start that many seconds after the previous one;
-- `pace`: each connection waits about that many ms between a response and
-- its next request, bench/live/pace.lua). Durations are whole seconds
-- (wrk's unit). Returns the parsed figures in the same order.
function L.wrk(runs)
  local dir = H.tmpdir()
  local pids = {}
  for i, w in ipairs(runs) do
    if w.after then socket.sleep(w.after) end
    local script = w.pace and ("-s %s/bench/live/pace.lua"):format(ROOT) or ""
    local cmd = ("wrk -t1 -c%d -d%ds --timeout 10s %s %s %s%s"):format(
      w.c or 10, w.d or 3, w.latency and "--latency" or "", script, w.url,
      w.pace and (" -- %d"):format(w.pace) or "")
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

-- CPU seconds (user + system) a HAProxy instance's process has used so far:
-- a rate per CPU-second of its thread does not depend on how much of the CPU
-- other users left it, unlike a rate per wall-clock second.
local TICK = tonumber((H.capture("getconf CLK_TCK 2>/dev/null"):match("%d+"))) or 100
function L.cpu(hap)
  local stat = H.read_file("/proc/" .. tostring(hap.child or hap.pid) .. "/stat") or ""
  local fields = {}
  for f in (stat:match("%) (.*)$") or ""):gmatch("%S+") do fields[#fields + 1] = f end
  -- after the name: state is field 3 of the full line, utime 14, stime 15
  return ((tonumber(fields[12]) or 0) + (tonumber(fields[13]) or 0)) / TICK
end

function L.url(port, path) return ("http://127.0.0.1:%d%s"):format(port, path or "/") end

-- Whether the shim can be loaded (benchmarks needing it say so otherwise).
function L.has_shim()
  return (pcall(require, "proxylua.luasocket"))
end

-- Each case takes its turn in every round, starting one further each round,
-- so that neither a busy moment of the machine nor a place in the order
-- favours one case. run(case, round) is called len(cases) * rounds times.
function L.rounds(cases, rounds, run)
  for r = 1, rounds do
    for i = 1, #cases do run(cases[(i + r - 2) % #cases + 1], r) end
  end
end

-- Median and spread of a list of numbers (nils left out).
function L.stats(list)
  local t = {}
  for _, v in pairs(list) do if v == v then t[#t + 1] = v end end
  table.sort(t)
  local n = #t
  if n == 0 then return nil end
  local med = n % 2 == 1 and t[(n + 1) / 2] or (t[n / 2] + t[n / 2 + 1]) / 2
  return { median = med, min = t[1], max = t[n], n = n }
end

-- "1.23 (1.10–1.40)" with `fmt` for each figure.
function L.spread(s, fmt)
  if not s then return "n/a" end
  fmt = fmt or "%.2f"
  return (fmt .. " (" .. fmt .. "–" .. fmt .. ")"):format(s.median, s.min, s.max)
end

return L
