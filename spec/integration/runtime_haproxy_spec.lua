-- HAProxy 2.6's execution model, checked against the real thing: the same
-- script runs in HAProxy and under proxylua.testing, and the client's
-- answers and the logged texts must agree (docs/haproxy-runtime.md
-- §1.1-§1.6). The patterns that crash HAProxy (§1.7) are not run here;
-- spec/runtime_spec.lua checks that the harness fails the test on them.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

-- "[ALERT]    (pid) : Lua ..." lines, pid dropped, distinct and sorted.
local function alerts(text)
  local seen, out = {}, {}
  for line in text:gmatch("[^\n]+") do
    local t = line:match("^%[ALERT%]%s+%(%d+%) : (Lua .*)$")
    if t and not seen[t] then seen[t] = true out[#out + 1] = t end
  end
  table.sort(out)
  return out
end

local function harness_alerts(h)
  local seen, out = {}, {}
  for _, l in ipairs(h:logs()) do
    if l.msg:match("^Lua ") and not seen[l.msg] then seen[l.msg] = true out[#out + 1] = l.msg end
  end
  table.sort(out)
  return out
end

-- Run `fn(hap)` against an HAProxy loading t.lua = script, then
-- `harness(file, output)` while the file still exists; HAProxy is always
-- stopped. Returns what harness returns.
local function with_haproxy(script, global, config, fn, harness, ports)
  local hap = H.start({ files = { ["t.lua"] = script },
                        global = "    nbthread 1\n    lua-load ${DIR}/t.lua\n" .. global,
                        config = config, timeout = 60, ports = ports })
  local res = table.pack(pcall(function()
    fn(hap)
    return harness(hap.dir .. "/t.lua", hap:output())
  end))
  hap:stop()
  assert(res[1], res[2])
  return table.unpack(res, 2, res.n)
end

local CONTEXTS = [==[
core.register_fetches("f_sleep", function(txn) core.msleep(10) return "never" end)
core.register_fetches("f_yield", function(txn) core.yield() return "after-yield" end)
core.register_fetches("f_pcall_sleep", function(txn)
  local ok = pcall(core.msleep, 10)
  return "never:" .. tostring(ok)
end)
core.register_converters("c_sleep", function(s) core.sleep(1) return s end)
core.register_fetches("f_sockconn", function(txn)
  local sock = core.tcp()
  sock:connect("127.0.0.1", 9)
  return "never"
end)
core.register_converters("c_sockconn", function(s)
  local sock = core.tcp()
  sock:connect("127.0.0.1", 9)
  return "never"
end)
core.register_converters("c_yield", function(s) core.yield() return s .. "!" end)
core.register_action("a_usercoro", { "http-req" }, function(txn)
  local r = coroutine.wrap(function() core.msleep(300) return "co-done" end)()
  local y = coroutine.wrap(function() core.yield() return "y" end)()
  txn:set_var("txn.r", r .. "," .. tostring(y))
end)
core.register_action("p", { "http-req" }, function(txn)
  local a = { pcall(core.msleep, 20) }
  local b = { pcall(function() core.msleep(20) return "inner-done" end) }
  local c = { xpcall(function() core.msleep(20) return "inner-done" end, debug.traceback) }
  local mt = setmetatable({}, { __index = function(_, k) core.msleep(10) return k end })
  local d = { pcall(function() return mt.meta end) }
  local e = { pcall(table.sort, { 3, 2, 1 }, function(x, y) core.msleep(10) return x < y end) }
  txn:set_var("txn.out", string.format("%s,%s|%s,%s|%s,%s|%s,%s|%s,%s",
    tostring(a[1]), tostring(a[2]), tostring(b[1]), b[2], tostring(c[1]), c[2],
    tostring(d[1]), d[2], tostring(e[1]), e[2]))
end)
core.register_action("a_err", { "http-req" }, function(txn) error("aboom") end)
core.register_service("s_err", "http", function(applet) error("sboom") end)
core.register_service("s_errmid", "http", function(applet)
  applet:set_status(200)
  applet:add_header("content-length", "100")
  applet:start_response()
  applet:send("part")
  error("late")
end)
]==]

local CONTEXTS_CFG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.s_err if { path /s_err }
    http-request use-service lua.s_errmid if { path /s_errmid }
    http-request lua.a_usercoro if { path /usercoro }
    http-request lua.p if { path /pcall }
    http-request lua.a_err if { path /a_err }
    http-request return status 200 content-type text/plain lf-string "r=%[var(txn.r)] out=%[var(txn.out)]" if { path /usercoro } || { path /pcall } || { path /a_err }
    http-request return status 200 content-type text/plain lf-string "f=%[lua.f_sleep] y=%[lua.f_yield] p=%[lua.f_pcall_sleep] c=%[str(x),lua.c_sleep] cy=%[str(x),lua.c_yield] sf=%[lua.f_sockconn] sc=%[str(x),lua.c_sockconn]"
]]

describe("HAProxy 2.6 and the harness run a script by the same rules", function()
  it("contexts, pcall and errors", function()
    local real = {}
    local out, h = with_haproxy(CONTEXTS, "", CONTEXTS_CFG, function(hap)
      for _, p in ipairs({ "/ctx", "/usercoro", "/pcall", "/a_err", "/s_err" }) do
        local st, body = H.http({ port = hap.port, path = p })
        real[p] = st .. " " .. body
      end
      local st, body, _, err = H.http({ port = hap.port, path = "/s_errmid" })
      real["/s_errmid"] = st .. " " .. body .. " " .. tostring(err:match("curl: %((%d+)%)"))
    end, function(file, output)
      -- nothing listens on port 9: connect waits all the same
      return output, testing.load(file, { quiet = true, tcp = function() return nil end })
    end)
    local mine = {}
    local function fmt(f, y, p, c, cy, sf, sc)
      return string.format("200 f=%s y=%s p=%s c=%s cy=%s sf=%s sc=%s", f, y, p, c, cy, sf, sc)
    end
    mine["/ctx"] = fmt(h:fetch("f_sleep").text, h:fetch("f_yield").text,
      h:fetch("f_pcall_sleep").text, h:converter("c_sleep", "x").text, h:converter("c_yield", "x").text,
      h:fetch("f_sockconn").text, h:converter("c_sockconn", "x").text)
    local function vars(r) return string.format("200 r=%s out=%s", r.vars.txn.r or "", r.vars.txn.out or "") end
    mine["/usercoro"] = vars(h:action("a_usercoro"))
    mine["/pcall"] = vars(h:action("p"))
    mine["/a_err"] = vars(h:action("a_err"))
    local s = h:service("s_err")
    mine["/s_err"] = s.status .. " " .. s.body
    s = h:service("s_errmid")
    -- curl: (18) transfer closed with outstanding data remaining
    mine["/s_errmid"] = s.status .. " " .. s.body .. " " .. (s.truncated and "18" or "nil")
    assert.same(real, mine)
    assert.equal("200 f= y=after-yield p= c= cy=x! sf= sc=", mine["/ctx"])
    assert.equal("200 r=co-done,y out=", mine["/usercoro"])
    assert.same(alerts(out), harness_alerts(h))
    assert.equal(8, #alerts(out))
  end)

  local TIMEOUTS = [==[
core.register_action("a_loop", { "http-req" }, function(txn)
  while true do end
end)
core.register_action("a_sleepy", { "http-req" }, function(txn)
  core.msleep(150)
  txn:set_var("txn.done", "1")
end)
core.register_action("a_pcall", { "http-req" }, function(txn)
  local ok, err = pcall(function() while true do end end)
  txn:set_var("txn.first", tostring(ok) .. "," .. err)
  local ok2, err2 = pcall(function() for i = 1, 100000 do end end)
  txn:set_var("txn.second", tostring(ok2) .. "," .. err2)
end)
core.register_service("s_loop", "http", function(applet) while true do end end)
core.register_service("s_loopmid", "http", function(applet)
  applet:start_response()
  applet:send("partial\n")
  while true do end
end)
core.register_service("t_loop", "tcp", function(applet)
  applet:send("hello\n")
  while true do end
end)
core.register_task(function() while true do end end)
]==]

  local TIMEOUTS_CFG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.s_loop if { path /s_loop }
    http-request use-service lua.s_loopmid if { path /s_loopmid }
    http-request lua.a_loop if { path /a_loop }
    http-request lua.a_sleepy if { path /a_sleepy }
    http-request lua.a_pcall if { path /a_pcall }
    http-request return status 200 content-type text/plain lf-string "done=%[var(txn.done)] first=%[var(txn.first)] second=%[var(txn.second)]"

frontend tcpfe
    mode tcp
    bind 127.0.0.1:${PORT1}
    tcp-request content use-service lua.t_loop
]]

  -- Everything a TCP service sends until it closes the connection.
  local function tcp_read_all(port)
    local c = require("socket").tcp()
    c:settimeout(5)
    assert(c:connect("127.0.0.1", port))
    local data, err, partial = c:receive("*a")
    c:close()
    return data or (err .. ":" .. partial)
  end

  it("execution timeouts", function()
    local real = {}
    local GLOBAL = "    tune.lua.session-timeout 100ms\n    tune.lua.service-timeout 100ms\n"
      .. "    tune.lua.task-timeout 100ms\n"
    local out, h = with_haproxy(TIMEOUTS, GLOBAL, TIMEOUTS_CFG, function(hap)
      for _, p in ipairs({ "/a_loop", "/a_sleepy", "/a_pcall", "/s_loop" }) do
        local st, body = H.http({ port = hap.port, path = p })
        real[p] = st .. " " .. body
      end
      local st, body, _, err = H.http({ port = hap.port, path = "/s_loopmid" })
      real["/s_loopmid"] = st .. " " .. body .. " " .. tostring(err:match("curl: %((%d+)%)"))
      real.tcp = tcp_read_all(hap.vars.PORT1)
    end, function(file, output)
      return output, testing.load(file, { quiet = true, tune = { session_timeout = "100ms",
        service_timeout = "100ms", task_timeout = "100ms" } })
    end, 1)
    assert.is_true(h:run_tasks())
    local mine = {}
    local function vars(r)
      local v = r.vars.txn
      return string.format("200 done=%s first=%s second=%s", v.done or "", v.first or "", v.second or "")
    end
    for _, a in ipairs({ "a_loop", "a_sleepy", "a_pcall" }) do mine["/" .. a] = vars(h:action(a)) end
    local s = h:service("s_loop")
    mine["/s_loop"] = s.status .. " " .. s.body
    s = h:service("s_loopmid")
    mine["/s_loopmid"] = s.status .. " " .. s.body .. " " .. (s.truncated and "18" or "nil")
    mine.tcp = h:service("t_loop", { input = "" }).output
    assert.same(real, mine)
    assert.equal("hello\n", mine.tcp)
    assert.equal("200 done= first=false,execution timeout second=false,execution timeout", mine["/a_pcall"])
    assert.equal("200 done=1 first= second=", mine["/a_sleepy"])
    local want = alerts(out)
    assert.same(want, harness_alerts(h))
    assert.equal(5, #want) -- a_pcall caught its timeout
  end)

  local MAXMEM = [==[
core.register_action("a_mem", { "http-req" }, function(txn)
  local t = {}
  for i = 1, 1e8 do t[i] = ("x"):rep(64) .. i end
end)
core.register_action("a_memrep", { "http-req" }, function(txn)
  local s = string.rep("x", 50*1024*1024)
end)
core.register_action("a_pcallrep", { "http-req" }, function(txn)
  local ok, e = pcall(string.rep, "x", 50*1024*1024)
  txn:set_var("txn.r", tostring(ok) .. "," .. e)
end)
core.register_action("a_ok", { "http-req" }, function(txn) txn:set_var("txn.r", "ok") end)
core.register_service("s_mem", "http", function(applet) local s = string.rep("x", 50*1024*1024) end)
core.register_fetches("f_memtab", function(txn)
  local t = {}
  for i = 1, 1e8 do t[i] = ("x"):rep(64) .. i end
  return "never"
end)
]==]

  it("maxmem", function()
    local real = {}
    local out, r = with_haproxy(MAXMEM, "    tune.lua.maxmem 20\n", [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.a_mem if { path /a_mem }
    http-request lua.a_memrep if { path /a_memrep }
    http-request lua.a_pcallrep if { path /a_pcallrep }
    http-request lua.a_ok if { path /a_ok }
    http-request use-service lua.s_mem if { path /s_mem }
    http-request return status 200 content-type text/plain lf-string "f=%[lua.f_memtab]" if { path /f_memtab }
    http-request return status 200 content-type text/plain lf-string "r=%[var(txn.r)]"
]], function(hap)
      for _, p in ipairs({ "/a_mem", "/a_memrep", "/a_pcallrep", "/f_memtab", "/s_mem", "/a_ok" }) do
        local st, body = H.http({ port = hap.port, path = p })
        real[p] = st .. " " .. body
      end
    end, function(file, output) return output, testing.sandbox([[
      local testing, file = ...
      local h = testing.load(file, { tune = { maxmem = 20 }, quiet = true })
      local out = {}
      for _, a in ipairs({ "a_mem", "a_memrep", "a_pcallrep", "a_ok" }) do
        out["/" .. a] = "200 r=" .. (h:action(a).vars.txn.r or "")
      end
      out["/f_memtab"] = "200 f=" .. h:fetch("f_memtab").text
      local sv = h:service("s_mem")
      out["/s_mem"] = sv.status .. " " .. sv.body
      local logs = {}
      for _, l in ipairs(h:logs()) do logs[#logs + 1] = l.msg end
      table.sort(logs)
      return out, logs
    ]], { args = { file } }) end)
    assert.same(real, r[1])
    assert.same(alerts(out), r[2])
    assert.equal(4, #r[2])
    local found = false
    for _, l in ipairs(r[2]) do found = found or l == "Lua sample-fetch 'f_memtab': out of memory error." end
    assert.is_true(found)
  end)

  local SPIN = [==[
core.register_action("spin", { "http-req" }, function(txn)
  local t0 = os.clock()
  while os.clock() - t0 < (spin_s or 1.2) do end
  txn:set_var("txn.peer_seen", tostring(peer_runs))
end)
core.register_action("block", { "http-req" }, function(txn)
  os.execute("sleep 1.5")
  txn:set_var("txn.peer_seen", tostring(peer_runs))
end)
core.register_action("peer", { "http-req" }, function(txn)
  peer_runs = (peer_runs or 0) + 1
end)
]==]
  local SPIN_CFG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.spin if { path /spin }
    http-request lua.block if { path /block }
    http-request lua.peer if { path /peer }
    http-request return status 200 content-type text/plain lf-string "%[var(txn.peer_seen)]"
]]

  -- Whether a request to `fast`, sent while `slow` runs, was served before
  -- `slow` finished: `slow` answers with the peer's run count as it saw it at
  -- its end ("1": the peer ran meanwhile, "nil": it waited). Order, not time,
  -- so a loaded CI cannot turn the answer.
  local function fast_during_slow(port, slow, fast)
    local dir = H.tmpdir()
    local url = "http://127.0.0.1:" .. port
    os.execute(string.format("curl -s -m 20 -o %s/slow %s%s & sleep 0.3; "
      .. "curl -s -m 20 -o /dev/null %s%s; wait", dir, url, slow, url, fast))
    local seen = H.read_file(dir .. "/slow")
    os.execute("rm -rf " .. H.sh_quote(dir))
    return seen
  end

  it("forced yields let other streams run; a blocking call stalls them", function()
    local with_fy, blocked
    with_haproxy(SPIN, "", SPIN_CFG, function(hap)
      with_fy = fast_during_slow(hap.port, "/spin", "/peer")
      blocked = fast_during_slow(hap.port, "/block", "/peer")
    end, function() end)
    local without_fy
    with_haproxy(SPIN, "    tune.lua.forced-yield 1000000000\n", SPIN_CFG, function(hap)
      without_fy = fast_during_slow(hap.port, "/spin", "/peer")
    end, function() end)
    assert.equal("1", with_fy)       -- forced yields: the peer ran during the spin
    assert.equal("nil", without_fy)  -- none: it waited for the spin's end
    assert.equal("1", blocked)       -- a blocking call stalls the thread: only the first peer ran
    -- the harness: the same rule for the spin, and the blocking call reported
    local function run(tune)
      local h = testing.load_string(SPIN, { quiet = true, clock = "real", tune = tune,
                                            globals = { spin_s = 0.3 } })
      local spin
      h:spawn(function() spin = h:action("spin") end)
      h:spawn(function() h.loop:msleep(150) h:action("peer") end)
      h:run()
      return spin.vars.txn.peer_seen, h
    end
    assert.equal("1", (run({})))
    assert.equal("nil", (run({ forced_yield = 1000000000 })))
    local _, h = run({})
    h:action("block")
    assert.equal("os.execute() @script.lua:7", h:blocking_calls()[1].call .. " @" .. h:blocking_calls()[1].where)
  end)

  -- One CLI command on HAProxy's stats socket; returns what it answered.
  local function cli(path, line)
    local unix = require "socket.unix"
    local c = assert(unix())
    c:settimeout(5)
    assert(c:connect(path))
    c:send(line .. "\n")
    local out = c:receive("*a")
    c:close()
    return out
  end

  it("a CLI command gets session-timeout (not service-timeout) and errors as HAProxy reports them", function()
    local SCRIPT = [==[
core.register_cli({ "spin" }, "spins", function(applet) applet:send("before\n") while true do end end)
core.register_cli({ "boom" }, "fails", function(applet) error("cliboom") end)
core.register_cli({ "hello" }, "says hello", function(applet, ...)
  applet:send("args:" .. table.concat({ ... }, ",") .. "\n")
end)
]==]
    local real, out, h = {}, nil, nil
    out, h = with_haproxy(SCRIPT, "    tune.lua.session-timeout 100ms\n    tune.lua.service-timeout 3s\n"
      .. "    stats socket ${DIR}/admin.sock level admin\n", [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request return status 200
]], function(hap)
      for _, line in ipairs({ "spin", "boom", "hello a b" }) do
        real[line] = cli(hap.dir .. "/admin.sock", line)
      end
    end, function(file, output)
      return output, testing.load(file, { quiet = true, tune = { session_timeout = "100ms",
                                                                 service_timeout = "3s" } })
    end)
    local mine = {}
    for _, line in ipairs({ "spin", "boom", "hello a b" }) do mine[line] = (h:cli(line)) end
    assert.equal("args:hello,a,b\n\n", real["hello a b"])
    assert.same(real, mine)
    assert.same(alerts(out), harness_alerts(h))
    assert.equal(2, #alerts(out))
  end)
end)
