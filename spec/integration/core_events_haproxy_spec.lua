-- Server events from health checks, from the CLI's add/del/enable/disable
-- server, and set_drain() on a server in maintenance, asked of a live
-- HAProxy ($HAPROXY, 2.6 by default; scripts/record-golden records 2.8, 3.0
-- and 3.2) and of the harness emulating the same version, step by step.
-- HAProxy checks real servers this spec starts on 127.0.0.1 (processes of
-- their own, killed by pid): a listener for a TCP check, stopped and
-- started again, and an HTTP responder for two HTTP checks, told to answer
-- 503 or not (killing it could cut a check short: a timing-dependent
-- "Socket error"). The harness is told each check's result with
-- h:health_check(). The script (spec/fixtures/core_events.lua) keeps every
-- event it gets and answers, over HTTP, what it got and what the Server
-- getters say. 2.6 has no core.event_sub: the same steps run, without
-- events.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"
local socket = require "socket"

local SCRIPT = assert(H.read_file("spec/fixtures/core_events.lua"))

-- ${PORT1}: the TCP-checked server, ${PORT4}: the HTTP-checked one (both
-- the spec's), ${PORT2}: never connected to, ${PORT3}: the stats socket.
local GLOBAL = [[
    nbthread 1
    stats socket 127.0.0.1:${PORT3} level admin
    lua-load ${DIR}/ev.lua]]
local CONFIG = [[
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
    timeout check 10s
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.step
backend chk
    server c1 127.0.0.1:${PORT1} check inter 100
backend hok
    option httpchk GET /200
    server h1 127.0.0.1:${PORT4} check inter 100
backend hbad
    option httpchk GET /503
    server h2 127.0.0.1:${PORT4} check inter 100
backend dyn
    server d1 127.0.0.1:${PORT2}
    server d2 127.0.0.1:${PORT2} disabled
    server d3 127.0.0.1:${PORT2} weight 0
]]

local LUA = _VERSION == "Lua 5.3" and "lua5.3" or "lua5.4"
-- A listener that accepts and closes.
local TCP_TARGET = [[local s = require("socket") local l = assert(s.bind("127.0.0.1", %d))
while true do local c = l:accept() if c then c:close() end end]]
-- An HTTP responder: the status the path names (GET /503), or 503 for
-- every check after "MODE down" (until "MODE up"); one connection at a time.
local HTTP_TARGET = [[local s = require("socket") local l = assert(s.bind("127.0.0.1", %d)) local down = false
while true do local c = l:accept() if c then c:settimeout(2) local r = c:receive("*l")
local m = r and r:match("^MODE (%%a+)") local code = r and r:match("^%%u+ /(%%d%%d%%d)")
if m then down = m == "down" c:send("OK\n")
elseif code then c:send("HTTP/1.0 " .. (down and "503" or code) .. " X\r\n\r\n") end
c:close() end end]]

-- Start one of them on `port`, bounded to 120 s; its pid.
local function start_target(dir, script, port)
  local pidfile = dir .. "/target.pid"
  assert(os.execute(string.format("(timeout -k 2 120 %s -e %s >/dev/null 2>&1 </dev/null & echo $! >%s)",
    LUA, H.sh_quote(script:format(port)), H.sh_quote(pidfile))))
  local pid = assert(tonumber(H.read_file(pidfile)))
  local deadline = socket.gettime() + 10
  repeat
    local c = socket.connect("127.0.0.1", port)
    if c then c:close() return pid end
    socket.sleep(0.02)
  until socket.gettime() > deadline
  H.kill_pid(pid)
  error("the checked server did not listen on " .. port)
end

-- Tell the HTTP responder to fail every check (or not).
local function http_mode(port, mode)
  local c = assert(socket.connect("127.0.0.1", port))
  c:settimeout(5)
  c:send("MODE " .. mode .. "\n")
  local ok = c:receive("*l")
  c:close()
  assert(ok == "OK", "the HTTP-checked server did not take the mode")
end

-- One line to the stats socket, the whole answer.
local function cli_live(port, line)
  local c = assert(socket.connect("127.0.0.1", port))
  c:settimeout(5)
  c:send(line .. "\n")
  local all, _, partial = c:receive("*a")
  c:close()
  return all or partial
end

-- Live only (not recorded): wait until each server's operational state
-- (0 stopped, 2 running), check health and, if given, check status number
-- (`show servers state`: 6 L4OK, 8 L4CON, 17 L7STS) are these.
local function settle(hap, list)
  if H.replaying then return end
  local deadline = socket.gettime() + 15
  for _, want in ipairs(list) do
    local be, name = want[1]:match("^(.-)/(.*)$")
    local done = false
    repeat
      local out = cli_live(hap.vars.PORT3, "show servers state " .. be)
      for l in out:gmatch("[^\n]+") do
        local w = {}
        for x in l:gmatch("%S+") do w[#w + 1] = x end
        if w[4] == name and tonumber(w[6]) == want[2] and tonumber(w[13]) == want[3]
           and (not want[4] or tonumber(w[11]) == want[4]) then
          done = true
        end
      end
      if not done then socket.sleep(0.05) end
    until done or socket.gettime() > deadline
    if not done then error(string.format("%s never reached state %d, health %d", want[1], want[2], want[3])) end
  end
end

-- Where the checked servers end up: before the spec's servers exist
-- (every check refused: 8 L4CON), with them up, and down (the TCP one
-- stopped, the HTTP one answering 503: 17 L7STS).
local SETTLED = {
  start = { { "chk/c1", 0, 0 }, { "hok/h1", 0, 0, 8 }, { "hbad/h2", 0, 0, 8 } },
  up = { { "chk/c1", 2, 4 }, { "hok/h1", 2, 4 }, { "hbad/h2", 0, 0, 17 } },
  down = { { "chk/c1", 0, 0 }, { "hok/h1", 0, 0, 17 }, { "hbad/h2", 0, 0, 17 } },
  -- the dynamic server of the TCP-checked one (rise 3, fall 2), up at the top
  n3 = { { "dyn/n3", 2, 4 } },
}
-- What the harness is told each check found.
local L7STS = { status = "L7STS", code = 503 }
local RESULTS = {
  start = { { "chk/c1", "fail" }, { "hok/h1", "fail" }, { "hbad/h2", "fail" } },
  up = { { "chk/c1", "pass" }, { "hok/h1", "pass", { status = "L7OK", code = 200 } }, { "hbad/h2", "fail", L7STS } },
  down = { { "chk/c1", "fail" }, { "hok/h1", "fail", L7STS }, { "hbad/h2", "fail", L7STS } },
  n3 = { { "dyn/n3", "pass" } },
}

-- Live only (not recorded): wait until the script holds `n` events (as
-- many as the harness gave for the step; the events' task runs after the
-- change), or 10 s passed: then what it got is read.
local function await(hap, n)
  if H.replaying then return end
  local deadline = socket.gettime() + 10
  repeat
    local c = socket.connect("127.0.0.1", hap.port)
    local count = 0
    if c then
      c:settimeout(5)
      c:send("GET /count HTTP/1.0\r\n\r\n")
      local all = c:receive("*a") or ""
      c:close()
      count = tonumber(all:match("\r\n\r\n(%d+)$")) or 0
    end
    if count >= n then return end
    socket.sleep(0.05)
  until socket.gettime() > deadline
end

local function count_lines(text)
  local n = 0
  for _ in (text or ""):gmatch("[^\n]+") do n = n + 1 end
  return n
end

-- The steps, each asked of HAProxy and of the harness. `target`: the
-- checked servers' servers go "up" or "down" (the harness: five results of
-- each check, RESULTS); `http`: a request to the script; `cli`: a line to
-- the stats socket; `events`: what the script got. `settle` (live): wait
-- for the checked servers to be as SETTLED says after the step; `checks`:
-- the harness gets five results of each check as RESULTS says.
local function steps(P2, P1)
  return {
    { "events", "start, no checked server yet" , settle = "start", checks = "start" },
    { "target", "up", settle = "up" },
    { "events", "checked servers up" },
    { "target", "down", settle = "down" },
    { "events", "checked servers down" },
    { "target", "up", settle = "up" },
    { "events", "checked servers up again" },
    { "http", "/call?srv=chk/c1&m=set_maint" },
    { "events", "maintenance" },
    { "target", "down", settle = "down" },
    { "events", "checked servers down, c1 in maintenance" },
    { "http", "/call?srv=chk/c1&m=set_ready", settle = "down", checks = "down" },
    { "events", "ready while the checked server is down" },
    { "target", "up", settle = "up" },
    { "events", "checked servers up after maintenance" },
    { "http", "/call?srv=dyn/d1&m=set_maint" },
    { "events", "d1 maintenance" },
    { "http", "/call?srv=dyn/d1&m=set_drain" },
    { "events", "d1 set_drain in maintenance" },
    { "http", "/call?srv=dyn/d2&m=set_drain" },
    { "events", "d2 (disabled) set_drain" },
    { "http", "/about?srv=dyn/d3" },
    { "http", "/call?srv=dyn/d1&m=set_ready" },
    { "events", "d1 ready" },
    { "cli", "add server dyn/n1 127.0.0.1:" .. P2 },
    { "events", "add server" },
    { "http", "/servers?be=dyn" },
    { "http", "/about?srv=dyn/n1" },
    { "cli", "add server dyn/n1 127.0.0.1:" .. P2 },
    { "cli", "del server dyn/d1" },
    { "cli", "enable server dyn/n1" },
    { "events", "enable server" },
    { "cli", "disable server dyn/n1" },
    { "events", "disable server" },
    { "cli", "del server dyn/n1" },
    { "events", "del server" },
    { "http", "/servers?be=dyn" },
    { "cli", "add server dyn/n2 127.0.0.1:" .. P2 },
    { "events", "add server again" },
    { "http", "/about?srv=dyn/n2" },
    { "cli", "set server dyn/d1 state drain" },
    { "cli", "set server dyn/d1 state nope" },
    { "cli", "set server dyn/d1 state ready" },
    { "events", "set server state" },
    { "cli", "disable server dyn/d3" },
    { "cli", "del server dyn/d3" },
    { "events", "del server of the configuration" },
    { "http", "/servers?be=dyn" },
    { "cli", "enable health dyn/d1" },
    { "cli", "del server dyn/nope" },
    { "cli", "del server nope/x" },
    { "cli", "add server nope/x 127.0.0.1:" .. P2 },
    { "cli", "del server dyn" },
    -- set_addr and the CLI's set server addr: SERVER_INETADDR from 3.0 on
    { "http", "/call?srv=dyn/d1&m=set_addr&arg=127.0.0.3" },
    { "events", "set_addr" },
    { "http", "/call?srv=dyn/d1&m=set_addr&arg=127.0.0.3&arg2=8081" },
    { "http", "/call?srv=dyn/d1&m=set_addr&arg=127.0.0.3&arg2=8081" },
    { "http", "/call?srv=dyn/d1&m=set_addr&arg=x" },
    { "events", "set_addr: a port, nothing, an error" },
    { "cli", "set server dyn/d1 addr 127.0.0.4 port 8082" },
    { "cli", "set server dyn/d1 addr 127.0.0.4" },
    { "cli", "set server dyn/d1 addr" },
    { "cli", "set server dyn/nope addr 127.0.0.4" },
    { "events", "set server addr" },
    { "http", "/call?srv=dyn/d1&m=get_addr" },
    -- a dynamic server whose check starts once it runs: it stays up while
    -- its health climbs from 0 (checks every second: the status is read
    -- before the first one)
    { "cli", "add server dyn/n3 127.0.0.1:" .. P1 .. " check inter 1000 rise 3 fall 2" },
    { "cli", "enable server dyn/n3" },
    { "events", "checked dynamic server enabled" },
    { "cli", "enable health dyn/n3" },
    { "http", "/about?srv=dyn/n3" },
    { "events", "its check climbs from 0", settle = "n3", checks = "n3" },
    { "http", "/about?srv=dyn/n3" },
    { "http", "/" },
  }
end

-- Events of several servers interleave as their checks happen to run:
-- each server's own events, in order, server after server.
local function by_server(text)
  local names, lines = {}, {}
  for l in (text or ""):gmatch("[^\n]+") do
    local name = l:match('name="([^"]*)"') or ""
    if not lines[name] then names[#names + 1] = name lines[name] = {} end
    table.insert(lines[name], l)
  end
  table.sort(names)
  local out = {}
  for _, n in ipairs(names) do out[#out + 1] = table.concat(lines[n], "\n") end
  return table.concat(out, "\n")
end

local function label(i, st) return string.format("%02d %s %s", i, st[1], tostring(st[2])) end

-- HAProxy's answers, step by step (`mine`: the harness's, run first).
local function live(hap, mine)
  local out, tcp, http = {}, nil, nil
  local ok, err = pcall(function()
    for i, st in ipairs(steps(hap.vars.PORT2, hap.vars.PORT1)) do
      local kind, what = st[1], st[2]
      if kind == "target" then
        if not H.replaying then
          if what == "up" then
            tcp = tcp or start_target(hap.dir, TCP_TARGET, hap.vars.PORT1)
            http = http or start_target(hap.dir, HTTP_TARGET, hap.vars.PORT4)
          else
            if tcp then H.kill_pid(tcp) end
            tcp = nil
          end
          http_mode(hap.vars.PORT4, what)
        end
        if st.settle ~= nil then settle(hap, SETTLED[st.settle]) end
      elseif kind == "events" then
        -- what the script got once the change settled and its task ran
        if st.settle ~= nil then settle(hap, SETTLED[st.settle]) end
        await(hap, count_lines(mine[i]))
        out[i] = by_server(select(2, H.http({ port = hap.port, path = "/events" })))
      elseif kind == "http" then
        out[i] = select(2, H.http({ port = hap.port, path = what }))
        if st.settle ~= nil then settle(hap, SETTLED[st.settle]) end
      elseif kind == "cli" then
        out[i] = H.recorded(hap, { label = "cli", line = what }, function() return cli_live(hap.vars.PORT3, what) end)
      end
    end
  end)
  if tcp then H.kill_pid(tcp) end
  if http then H.kill_pid(http) end
  assert(ok, err)
  return out
end

-- The harness's answers to the same steps, from the same configuration.
local function harness(hap)
  -- the configuration HAProxy read (a replay writes it again)
  local h = testing.from_config(hap.dir .. "/haproxy.cfg", { haproxy = H.version(), quiet = true })
  local out = {}
  local function checks(up)
    for _, r in ipairs(RESULTS[up]) do
      local opts = { times = 5 }
      for k, v in pairs(r[3] or {}) do opts[k] = v end
      h:health_check(r[1], r[2], opts)
    end
  end
  for i, st in ipairs(steps(hap.vars.PORT2, hap.vars.PORT1)) do
    local kind, what = st[1], st[2]
    if kind == "target" then
      checks(what)
    elseif kind == "http" then
      out[i] = h:service("step", { uri = what }).body
      if st.checks ~= nil then checks(st.checks) end
    elseif kind == "events" then
      if st.checks ~= nil then checks(st.checks) end
      h:run_tasks()
      out[i] = by_server(h:service("step", { path = "/events" }).body)
    elseif kind == "cli" then
      out[i] = h:cli(what)
    end
    h:run_tasks()
  end
  return out
end

describe("server events in HAProxy " .. H.version() .. " and the harness emulating it", function()
  local real, mine, list

  setup(function()
    local hap = H.start({ files = { ["ev.lua"] = SCRIPT }, ports = 4, global = GLOBAL, config = CONFIG,
                          defaults = false, timeout = 120 })
    local ok2, m = pcall(harness, hap)
    local ok, r = pcall(live, hap, ok2 and m or {})
    list = steps(hap.vars.PORT2, hap.vars.PORT1)
    hap:stop()
    assert(ok, r)
    assert(ok2, m)
    real, mine = r, m
  end)

  local function same(from, to)
    for i = from, to do
      local st = list[i]
      if real[i] ~= nil or mine[i] ~= nil then
        assert.equal(real[i], mine[i], label(i, st))
      end
    end
  end

  it("core.event_sub exists from 2.8 on", function()
    assert.equal(real[#list], mine[#list])
    assert.equal(H.version() == "2.6" and "event_sub=nil" or "event_sub=function", real[#list])
  end)

  it("health checks: SERVER_CHECK, and the DOWN/UP/STATE a check causes", function()
    same(1, 7)
  end)

  it("maintenance pauses checks; leaving it restarts them at rise", function()
    same(8, 15)
  end)

  it("set_drain() on a server in maintenance, and a weight of 0", function()
    same(16, 24)
  end)

  it("the CLI's add/del/enable/disable/set server: answers and SERVER_ADD/SERVER_DEL", function()
    same(25, 53)
  end)

  it("set_addr and set server addr: SERVER_INETADDR from 3.0 on, once the change shows", function()
    same(54, 65)
  end)

  it("a checked dynamic server enabled before its check stays up while its health climbs", function()
    same(66, #list)
  end)
end)
