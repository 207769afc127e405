-- The load runs' plumbing, shared by spec/integration/load_haproxy_spec.lua
-- and bench/haproxy_load.lua: map files, an HAProxy running
-- bench/load/service.lua with nbthread 2 (lua-load or lua-load-per-thread),
-- wrk against it, its RSS, and the stats socket.
local H = require "spec.helpers.haproxy"
local socket = require "socket"

local L = {}

local function here()
  return (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "bench/load")
end

-- hosts (str, 2000), routes (beg, 300 path prefixes), zones (dom, 200),
-- agents (sub, 500 bot signatures), rules (reg, 100 path rules); scale
-- multiplies every size (the bench also runs 10: maps of production size).
function L.files(scale)
  local k = scale or 1
  local hosts, routes, zones, agents, rules = {}, {}, {}, {}, {}
  for n = 0, 2000 * k - 1 do hosts[#hosts + 1] = ("host%d.example.net be%d"):format(n, n % 7) end
  for n = 0, 300 * k - 1 do routes[#routes + 1] = ("/api/v%d/r%d route%d"):format(n % 3, n, n) end
  for n = 0, 200 * k - 1 do zones[#zones + 1] = ("zone%d.example.org z%d"):format(n, n) end
  for n = 0, 500 * k - 1 do agents[#agents + 1] = ("crawler-%03d/ bot%d"):format(n, n) end
  for n = 0, 100 * k - 1 do rules[#rules + 1] = ("^/api/v%d/r%d/item/[0-9]+$ rule%d"):format(n % 3, n * 3, n) end
  local src = H.read_file(here() .. "/service.lua")
  return { ["hosts.map"] = table.concat(hosts, "\n") .. "\n",
           ["routes.map"] = table.concat(routes, "\n") .. "\n",
           ["zones.map"] = table.concat(zones, "\n") .. "\n",
           ["agents.map"] = table.concat(agents, "\n") .. "\n",
           ["rules.map"] = table.concat(rules, "\n") .. "\n",
           ["service.lua"] = src, ["wrk.lua"] = H.read_file(here() .. "/wrk.lua") }
end

-- mode: "lua-load" or "lua-load-per-thread"; extra: more global lines.
function L.start(mode, extra, timeout, scale)
  return H.start({
    files = L.files(scale), timeout = timeout or 120, ports = 1,
    global = "    nbthread 2\n    " .. mode .. " ${DIR}/service.lua\n" ..
             "    stats socket ipv4@127.0.0.1:${PORT1} level admin\n" .. (extra or ""),
    config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.ours if { path_beg /ours }
    http-request use-service lua.theirs if { path_beg /theirs }
    http-request return status 404
]],
  })
end

-- Starts wrk in the background; returns a handle for L.wait.
function L.wrk_start(hap, path, seconds, conns)
  local out = hap.dir .. "/wrk-" .. path:gsub("%W", "") .. "-" .. tostring(socket.gettime()):gsub("%D", "")
  local cmd = ("timeout -k 3 %d wrk -t 2 -c %d -d %ds --timeout 5s -s %s http://127.0.0.1:%d%s >%s 2>&1 & echo $!")
    :format(seconds + 20, conns or 16, seconds, H.sh_quote(hap.dir .. "/wrk.lua"), hap.port, path,
            H.sh_quote(out))
  local pid = tonumber((H.capture(cmd)))
  return { pid = pid, out = out }
end

local function alive(pid)
  local stat = H.read_file("/proc/" .. pid .. "/stat")
  return stat ~= nil and not stat:match("^%d+ %b() Z")
end
L.alive = alive

-- Waits for wrk; returns its figures: requests, rps, non2xx, errors
-- (connect + read + write + timeout), and the raw text.
function L.wait(w)
  while alive(w.pid) do socket.sleep(0.05) end
  local text = H.read_file(w.out) or ""
  local r = { text = text }
  r.requests = tonumber(text:match("(%d+) requests in")) or 0
  r.rps = tonumber(text:match("Requests/sec:%s*([%d.]+)")) or 0
  r.non2xx = tonumber(text:match("Non%-2xx or 3xx responses: (%d+)")) or 0
  local c, rd, wr, to = text:match("Socket errors: connect (%d+), read (%d+), write (%d+), timeout (%d+)")
  r.errors = (tonumber(c) or 0) + (tonumber(rd) or 0) + (tonumber(wr) or 0) + (tonumber(to) or 0)
  return r
end

function L.run_wrk(hap, path, seconds, conns)
  return L.wait(L.wrk_start(hap, path, seconds, conns))
end

-- Resident set of the HAProxy process, in kB.
function L.rss_kb(hap)
  local st = H.read_file("/proc/" .. (hap.child or hap.pid) .. "/status") or ""
  return tonumber(st:match("VmRSS:%s*(%d+)")) or 0
end

-- CPU seconds HAProxy has used so far (user + system, all threads).
function L.cpu_s(hap)
  local st = H.read_file("/proc/" .. (hap.child or hap.pid) .. "/stat") or ""
  local rest = st:match("^%d+ %b() (.*)$") or ""
  local f = {}
  for x in rest:gmatch("%S+") do f[#f + 1] = x end
  -- fields 14 and 15 of stat (utime, stime), counted after the name: 12, 13
  return ((tonumber(f[12]) or 0) + (tonumber(f[13]) or 0)) / 100
end

-- One command over the stats socket; returns the answer.
function L.cli(hap, line)
  local c = socket.tcp()
  c:settimeout(2)
  local ok = c:connect("127.0.0.1", hap.vars.PORT1)
  if not ok then c:close() return nil end
  c:send(line .. "\n")
  local out = c:receive("*a")
  c:close()
  return out
end

return L
