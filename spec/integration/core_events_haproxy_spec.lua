-- Server events from health checks, from the CLI's add/del/enable/disable
-- server, and set_drain() on a server in maintenance, asked of a live
-- HAProxy ($HAPROXY, 2.6 by default; scripts/record-golden records 2.8, 3.0
-- and 3.2) and of the harness emulating the same version, step by step.
-- HAProxy checks a real server: a listener this spec starts and stops on
-- 127.0.0.1 (its own process, killed by pid); the harness is told each
-- check's result with h:health_check(). The script (spec/fixtures/
-- core_events.lua) keeps every event it gets and answers, over HTTP, what
-- it got and what the Server getters say. 2.6 has no core.event_sub: the
-- same steps run, without events.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"
local socket = require "socket"

local SCRIPT = assert(H.read_file("spec/fixtures/core_events.lua"))

-- ${PORT1}: the checked server (the spec's listener), ${PORT2}: never
-- connected to, ${PORT3}: the stats socket.
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
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.step
backend chk
    server c1 127.0.0.1:${PORT1} check inter 100
backend dyn
    server d1 127.0.0.1:${PORT2}
    server d2 127.0.0.1:${PORT2} disabled
    server d3 127.0.0.1:${PORT2} weight 0
]]

local LUA = _VERSION == "Lua 5.3" and "lua5.3" or "lua5.4"
local TARGET = [[local s = require("socket") local l = assert(s.bind("127.0.0.1", %d))
while true do local c = l:accept() if c then c:close() end end]]

-- The checked server: a listener that accepts and closes, bounded to 120 s.
local function start_target(dir, port)
  local pidfile = dir .. "/target.pid"
  assert(os.execute(string.format("(timeout -k 2 120 %s -e %s >/dev/null 2>&1 </dev/null & echo $! >%s)",
    LUA, H.sh_quote(TARGET:format(port)), H.sh_quote(pidfile))))
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

-- One line to the stats socket, the whole answer.
local function cli_live(port, line)
  local c = assert(socket.connect("127.0.0.1", port))
  c:settimeout(5)
  c:send(line .. "\n")
  local all, _, partial = c:receive("*a")
  c:close()
  return all or partial
end

-- Live only (not recorded): wait until the server's operational state
-- (0 stopped, 2 running) and check health (`show servers state`) are these.
local function settle(hap, srv, op, health)
  if H.replaying then return end
  local be, name = srv:match("^(.-)/(.*)$")
  local deadline = socket.gettime() + 15
  repeat
    local out = cli_live(hap.vars.PORT3, "show servers state " .. be)
    for l in out:gmatch("[^\n]+") do
      local w = {}
      for x in l:gmatch("%S+") do w[#w + 1] = x end
      if w[4] == name and tonumber(w[6]) == op and tonumber(w[13]) == health then
        socket.sleep(0.3) -- the events' task runs after the change
        return
      end
    end
    socket.sleep(0.05)
  until socket.gettime() > deadline
  error(string.format("%s never reached state %d, health %d", srv, op, health))
end

-- Let the events' task run (live), then read what the script got.
local function pause() if not H.replaying then socket.sleep(0.3) end end

-- The steps, each asked of HAProxy and of the harness. `target`: the
-- checked server goes up or down (the harness: that many check results);
-- `http`: a request to the script; `cli`: a line to the stats socket;
-- `settle`: wait for a state (live), `wait`: for checks to run (live).
local function steps(P2)
  return {
    { "events", "start, checked server down" , settle = { "chk/c1", 0, 0 }, checks = "fail" },
    { "target", true, settle = { "chk/c1", 2, 4 } },
    { "events", "checked server up" },
    { "target", false, settle = { "chk/c1", 0, 0 } },
    { "events", "checked server down" },
    { "target", true, settle = { "chk/c1", 2, 4 } },
    { "events", "checked server up again" },
    { "http", "/call?srv=chk/c1&m=set_maint" },
    { "events", "maintenance" },
    { "target", false, wait = 0.6 },
    { "events", "checked server down in maintenance" },
    { "http", "/call?srv=chk/c1&m=set_ready", settle = { "chk/c1", 0, 0 }, checks = "fail" },
    { "events", "ready while the checked server is down" },
    { "target", true, settle = { "chk/c1", 2, 4 } },
    { "events", "checked server up after maintenance" },
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
    { "http", "/" },
  }
end

local function label(i, st) return string.format("%02d %s %s", i, st[1], tostring(st[2])) end

-- HAProxy's answers, step by step.
local function live(hap)
  local out, target = {}, nil
  local ok, err = pcall(function()
    for i, st in ipairs(steps(hap.vars.PORT2)) do
      local kind, what = st[1], st[2]
      if kind == "target" then
        if not H.replaying then
          if what then target = start_target(hap.dir, hap.vars.PORT1)
          else H.kill_pid(target) target = nil end
        end
        if st.settle then settle(hap, table.unpack(st.settle)) end
        if st.wait and not H.replaying then socket.sleep(st.wait) end
      elseif kind == "events" then
        -- what the script got once the change settled and its task ran
        if st.settle then settle(hap, table.unpack(st.settle)) else pause() end
        out[i] = select(2, H.http({ port = hap.port, path = "/events" }))
      elseif kind == "http" then
        out[i] = select(2, H.http({ port = hap.port, path = what }))
        if st.settle then settle(hap, table.unpack(st.settle)) end
      elseif kind == "cli" then
        out[i] = H.recorded(hap, { label = "cli", line = what }, function() return cli_live(hap.vars.PORT3, what) end)
      end
    end
  end)
  if target then H.kill_pid(target) end
  assert(ok, err)
  return out
end

-- The harness's answers to the same steps, from the same configuration.
local function harness(hap)
  -- the configuration HAProxy read, written again (a replay has no copy)
  local function expand(text) return (text:gsub("%${(%w+)}", function(k) return tostring(hap.vars[k]) end)) end
  local cfg = hap.dir .. "/harness.cfg"
  H.write_file(cfg, H.global_section(expand(GLOBAL)) .. expand(CONFIG))
  local h = testing.from_config(cfg, { haproxy = H.version(), quiet = true })
  local out = {}
  local function checks(result) h:health_check("chk/c1", result, { times = 5 }) end
  for i, st in ipairs(steps(hap.vars.PORT2)) do
    local kind, what = st[1], st[2]
    if kind == "target" then
      checks(what and "pass" or "fail")
    elseif kind == "http" then
      out[i] = h:service("step", { uri = what }).body
      if st.checks then checks(st.checks) end
    elseif kind == "events" then
      if st.checks then checks(st.checks) end
      h:run_tasks()
      out[i] = h:service("step", { path = "/events" }).body
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
    local hap = H.start({ files = { ["ev.lua"] = SCRIPT }, ports = 3, global = GLOBAL, config = CONFIG,
                          defaults = false, timeout = 120 })
    local ok, r = pcall(live, hap)
    local ok2, m = pcall(harness, hap)
    list = steps(hap.vars.PORT2)
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
    same(25, #list)
  end)
end)
