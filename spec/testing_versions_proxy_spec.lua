-- Proxy/Server/Listener get_stats() and Server:set_addr() per emulated
-- version (docs/versions.md §6): the field names HAProxy 3.0.0 and 3.2.0
-- recorded (spec/golden/<ver>/core_kw_haproxy.lua), 2.8.0's error, and the
-- set_addr answers 2.6.12, 2.8.0, 3.0.0 and 3.2.0 gave live.
local testing = require "proxylua.testing"

local PROXIES = {
  fe = { cap = "frontend", uuid = 1, listeners = { "sock-1" } },
  be = { cap = "backend", uuid = 2, servers = {
    s1 = { addr = "127.0.0.1:1", weight = 3, puid = 1 },
    s3 = { addr = "127.0.0.1:3", puid = 3, check = "UP" },
    s4 = { addr = "127.0.0.1:4", puid = 4, check = "UP", check_port = 9 },
    s9 = { addr = "/tmp/x.sock", puid = 9 },
    sm = { addr = "127.0.0.1:5", puid = 5, maxconn = 10 } } },
}

-- Load `code` for `ver` (fresh proxies), start it and run its tasks; what
-- it printed comes back, one string per print call.
local function run(ver, code)
  local out = {}
  local function print_(...)
    local t = table.pack(...)
    for i = 1, t.n do t[i] = tostring(t[i]) end
    out[#out + 1] = table.concat(t, " ", 1, t.n)
  end
  local proxies = {}
  for name, d in pairs(PROXIES) do
    local servers = {}
    for sn, sd in pairs(d.servers or {}) do
      local c = {}
      for k, v in pairs(sd) do c[k] = v end
      servers[sn] = c
    end
    proxies[name] = { cap = d.cap, uuid = d.uuid, listeners = d.listeners, servers = servers }
  end
  local h = testing.load_string(code, { haproxy = ver, quiet = true, proxies = proxies,
                                         globals = { print = print_ } })
  h:run_tasks()
  return out, h
end

-- "<count> <sorted names>" of a get_stats table.
local NAMES = [[
local function names(t)
  local n = {}
  for k in pairs(t) do if k ~= "slim" then n[#n + 1] = k end end
  table.sort(n)
  return #n .. " " .. table.concat(n, " ")
end
]]

describe("get_stats per version", function()
  local FE30 = "53 bin bout cache_hits cache_lookups cli_abrt comp_byp comp_in comp_out comp_rsp "
    .. "conn_rate conn_rate_max conn_tot dcon dreq dresp dses eint ereq h1req h1sess h2req h2sess "
    .. "h3req h3sess hrsp_1xx hrsp_2xx hrsp_3xx hrsp_4xx hrsp_5xx hrsp_other iid intercepted lbtot "
    .. "mode pid pxname rate rate_lim rate_max req_other req_rate req_rate_max req_tot scur "
    .. "sess_other sid smax srv_abrt status stot svname type wrew"
  local BE = "67 act agg_check_status agg_server_check_status agg_server_status algo bck bin bout "
    .. "cache_hits cache_lookups chkdown cli_abrt comp_byp comp_in comp_out comp_rsp conn_rate_max "
    .. "connect ctime ctime_max downtime dreq dresp econ eint eresp hrsp_1xx hrsp_2xx hrsp_3xx "
    .. "hrsp_4xx hrsp_5xx hrsp_other iid lastchg lastsess lbtot mode pid pxname qcur qmax qtime "
    .. "qtime_max rate rate_lim rate_max req_rate_max req_tot reuse rtime rtime_max scur sess_other "
    .. "sid smax srv_abrt status stot svname ttime ttime_max type uweight weight wredis wretr wrew"
  local SRV = "65 act addr agg_check_status agg_server_check_status agg_server_status algo bck bin "
    .. "bout cli_abrt conn_rate_max connect ctime ctime_max dresp econ eint eresp hrsp_1xx hrsp_2xx "
    .. "hrsp_3xx hrsp_4xx hrsp_5xx hrsp_other idle_conn_cur iid lastchg lastsess lbtot mode "
    .. "need_conn_est pid pxname qcur qmax qtime qtime_max rate rate_lim rate_max req_rate_max "
    .. "req_tot reuse rtime rtime_max safe_conn_cur scur sess_other sid smax srid srv_abrt srv_icur "
    .. "status stot svname ttime ttime_max type used_conn_cur uweight weight wredis wretr wrew"
  local SEQ = NAMES .. [[
core.register_init(function()
  print(names(core.frontends.fe:get_stats()))
  print(names(core.backends.be:get_stats()))
  print(names(core.backends.be.servers.s1:get_stats()))
  print(names(core.frontends.fe.listeners["sock-1"]:get_stats()))
  print(names(core.backends.be:get_stats()))
  print(names(core.frontends.fe:get_stats()))
end)
]]

  it("3.0: a frontend's 53 fields, a backend's 67, a server's 65, leftovers from the call before", function()
    local out = run("3.0", SEQ)
    assert.equal(FE30, out[1])
    assert.equal(BE, out[2]) -- sess_other, conn_rate_max, rate_lim, req_rate_max: the frontend's
    assert.equal(SRV, out[3])
    assert.equal(SRV, out[4]) -- a listener without socket-stats: the previous table
    -- a backend after a server keeps addr, srid and the connection counts
    assert.equal("74", out[5]:match("^%d+"))
    for _, k in ipairs({ "addr", "srid", "idle_conn_cur", "need_conn_est", "safe_conn_cur",
                         "srv_icur", "used_conn_cur" }) do
      assert.truthy(out[5]:find(" " .. k .. " ", 1, true) or out[5]:find(" " .. k .. "$"), k)
    end
    assert.equal("79", out[6]:match("^%d+")) -- live: a frontend after that keeps 26 more
  end)

  it("3.2: a frontend no longer has cli_abrt, srv_abrt, lbtot", function()
    local out = run("3.2", SEQ)
    local fe32 = FE30:gsub(" cli_abrt", ""):gsub(" lbtot", ""):gsub(" srv_abrt", ""):gsub("^53", "50")
    assert.equal(fe32, out[1])
    assert.equal(BE, out[2])
    assert.equal(SRV, out[3])
    assert.equal("74", out[5]:match("^%d+"))
    assert.equal("76", out[6]:match("^%d+"))
  end)

  it("3.0: the values and their types", function()
    local out = run("3.0", [[
      local function show(t, keys)
        local o = {}
        for _, k in ipairs(keys) do o[#o + 1] = k .. "=" .. (math.type(t[k]) or type(t[k])) .. ":" .. tostring(t[k]) end
        print(table.concat(o, " "))
      end
      core.register_init(function()
        local be = core.backends.be
        show(core.frontends.fe:get_stats(), { "pxname", "svname", "status", "type", "sess_other", "h2req", "lastsess" })
        show(be:get_stats(), { "svname", "status", "act", "weight", "lastsess", "srid", "h2req" })
        show(be.servers.s1:get_stats(), { "svname", "addr", "status", "weight", "sid", "srid", "slim", "algo" })
        show(be.servers.sm:get_stats(), { "svname", "slim" })
      end)
    ]])
    assert.same({
      "pxname=string:fe svname=string:FRONTEND status=string:OPEN type=integer:0 sess_other=integer:0 "
        .. "h2req=integer:0 lastsess=nil:nil",
      -- five usable servers, weights 3+1+1+1+1
      "svname=string:BACKEND status=string:UP act=integer:5 weight=integer:7 lastsess=integer:-1 "
        .. "srid=nil:nil h2req=nil:nil",
      "svname=string:s1 addr=string:127.0.0.1:1 status=string:no check weight=integer:3 sid=integer:1 "
        .. "srid=integer:0 slim=nil:nil algo=string:roundrobin",
      "svname=string:sm slim=integer:10", -- a server's slim is its maxconn, when it has one (live)
    }, out)
  end)

  it("2.8.0: every get_stats raises 'table index is nil'; in an init function HAProxy stops", function()
    local out = run("2.8", [[
      core.register_task(function()
        for _, f in ipairs({
          function() return core.frontends.fe:get_stats() end,
          function() return core.backends.be:get_stats() end,
          function() return core.backends.be.servers.s1:get_stats() end,
          function() return core.frontends.fe.listeners["sock-1"]:get_stats() end }) do
          print(select(2, pcall(f)))
        end
      end)
    ]])
    assert.same({ "table index is nil", "table index is nil", "table index is nil", "table index is nil" }, out)
    local ok, err = pcall(run, "2.8", "core.register_init(function() core.backends.be:get_stats() end)")
    assert.is_false(ok)
    assert.equal("Lua init: runtime error: 'table index is nil' from [C]: in method 'get_stats', "
      .. "script.lua:1: in function line 1", err)
  end)

  it("2.6 keeps its own lists (43 frontend fields, then the shared leftovers)", function()
    local out = run("2.6", SEQ)
    assert.equal("42", out[1]:match("^%d+"))
    assert.equal("73", out[2]:match("^%d+"))
    assert.equal("77", out[3]:match("^%d+"))
  end)
end)

describe("Server:set_addr per version", function()
  -- The same calls in an init function and a task; live answers below.
  local CALLS = [[
local function T(name, f)
  local r = table.pack(pcall(f))
  local out = {}
  for i = 1, r.n do out[#out + 1] = tostring(r[i]):gsub("^[^\n]-:%d+: ", "") end
  print(name .. " " .. table.concat(out, " | "))
end
core.register_init(function()
  local s1, s3, s4 = core.backends.be.servers.s1, core.backends.be.servers.s3, core.backends.be.servers.s4
  T("i1", function() return s1:set_addr("::ffff:1.2.3.4", " 81"), s1:get_addr() end)
  T("i2", function() return s3:set_addr("127.0.0.1", "+5"), s3:get_addr() end)
  T("i3", function() return s3:set_addr("127.0.0.9", "-5"), s3:get_addr() end)
  T("i4", function() return s4:set_addr("127.0.0.1", "+5"), s4:get_addr() end)
  T("e1", function() return s1:set_addr() end)
  T("e2", function() return s1:set_addr("1.2.3.4", nil) end)
  T("e4", function() return s1:set_addr(12) end)
  T("e5", function() return s1:set_addr("1.2.3.4", "99999999999999999999") end)
  T("e6", function() return s1:set_addr("1.2.3.4", "70000") end)
  T("e8", function() return core.backends.be.servers.s9:set_addr("127.0.0.1", 1) end)
end)
core.register_task(function()
  local s1, s3, s4 = core.backends.be.servers.s1, core.backends.be.servers.s3, core.backends.be.servers.s4
  T("t0", function() return s1:get_addr(), s3:get_addr(), s4:get_addr() end)
  T("t1", function() return s3:set_addr("127.0.0.3", "-5"), s3:get_addr() end)
  core.yield()
  T("t2", function() return s3:get_addr(), s3:set_addr("127.0.0.3", "+7"), s3:set_addr("127.0.0.3", "7") end)
  core.yield()
  T("t3", function() return s3:get_addr(), s4:set_addr("2001:db8::1", "-3"), s4:set_addr("2001:0db8:0:0::1", "8") end)
  core.yield()
  T("t4", function() return s4:get_addr(), s4:set_addr("2001:db8::1", "8"), s4:set_addr("0:0:0:0:0:0:0:0", "8") end)
  core.yield()
  T("t5", function() return s4:get_addr(), s1:set_addr(""), s1:set_addr("*"), s1:set_addr("localhost") end)
end)
]]
  local NO_MAP = "can't change <port> to port map because it is incompatible with current health "
    .. "check port configuration (use 'port' statement from the 'server' directive"
  local BY = " by 'Lua script'"

  for _, ver in ipairs({ "2.6", "2.8" }) do
    it(ver .. ": each part described, the text given echoed, applied at once", function()
      assert.same({
        "i1 true | IP changed from '127.0.0.1' to '::ffff:1.2.3.4', port changed from '1' to '81'" .. BY
          .. " | ::ffff:1.2.3.4:81",
        "i2 true | no need to change the addr, " .. NO_MAP .. "." .. BY .. " | 127.0.0.1:3",
        "i3 true | IP changed from '127.0.0.1' to '127.0.0.9', " .. NO_MAP .. "." .. BY .. " | 127.0.0.9:3",
        "i4 true | no need to change the addr, port changed from '4' to '+5'" .. BY .. " | 127.0.0.1:5",
        "e1 false | bad argument #1 to 'set_addr' (string expected, got no value)",
        "e2 false | bad argument #2 to 'set_addr' (string expected, got nil)",
        "e4 true | Invalid addr '12'" .. BY,
        "e5 true | IP changed from '::ffff:1.2.3.4' to '1.2.3.4', problem converting port "
          .. "'99999999999999999999' to an int" .. BY,
        "e6 true | no need to change the addr, port changed from '81' to '4464'" .. BY,
        "e8 true | Update for the current server address family is only supported through "
          .. "configuration file" .. BY,
        "t0 true | 1.2.3.4:4464 | 127.0.0.9:3 | 127.0.0.1:5",
        "t1 true | IP changed from '127.0.0.9' to '127.0.0.3', " .. NO_MAP .. "." .. BY .. " | 127.0.0.3:3",
        "t2 true | 127.0.0.3:3 | no need to change the addr, " .. NO_MAP .. "." .. BY
          .. " | no need to change the addr, port changed from '3' to '7'" .. BY,
        "t3 true | 127.0.0.3:7 | IP changed from '127.0.0.1' to '2001:db8::1', port changed from '+5' to '-3'"
          .. BY .. " | no need to change the addr, port changed from '+65533' to '8'" .. BY,
        "t4 true | 2001:db8::1:8 | no need to change the addr, no need to change the port" .. BY
          .. " | IP changed from '2001:db8::1' to '0:0:0:0:0:0:0:0', no need to change the port" .. BY,
        "t5 true | :::8 | IP changed from '1.2.3.4' to ''" .. BY .. " | no need to change the addr" .. BY
          .. " | Invalid addr 'localhost'" .. BY,
      }, (run(ver, CALLS)))
    end)
  end

  for _, ver in ipairs({ "3.0", "3.2" }) do
    it(ver .. ": only changes described, applied from a task (not in init, not in a task's first turn)", function()
      assert.same({
        "i1 true | IP changed from '127.0.0.1' to '::ffff:1.2.3.4', port changed from '1' to '81'" .. BY
          .. " | 127.0.0.1:1",
        "i2 true | nothing changed | 127.0.0.1:3",
        "i3 true | IP changed from '127.0.0.1' to '127.0.0.9', " .. NO_MAP .. ")." .. BY .. " | 127.0.0.1:3",
        "i4 true | port changed from '4' to '+5'" .. BY .. " | 127.0.0.1:4",
        "e1 false | bad argument #1 to 'set_addr' (string expected, got no value)",
        "e2 false | bad argument #2 to 'set_addr' (string expected, got nil)",
        "e4 true | Invalid addr '12'",
        "e5 true | problem converting port '99999999999999999999' to an int",
        "e6 true | IP changed from '127.0.0.1' to '1.2.3.4', port changed from '1' to '4464'" .. BY,
        "e8 true | Update for the current server address family is only supported through "
          .. "configuration file.",
        "t0 true | 127.0.0.1:1 | 127.0.0.1:3 | 127.0.0.1:4",
        "t1 true | IP changed from '127.0.0.1' to '127.0.0.3', " .. NO_MAP .. ")." .. BY .. " | 127.0.0.1:3",
        -- the refused port map went with the address all the same
        "t2 true | 127.0.0.3:65531 | port changed from '+65531' to '+7'" .. BY
          .. " | port changed from '+65531' to '7'" .. BY,
        "t3 true | 127.0.0.3:7 | IP changed from '127.0.0.1' to '2001:db8::1', port changed from '+5' to '+65533'"
          .. BY .. " | IP changed from '127.0.0.1' to '2001:db8::1', port changed from '+5' to '8'" .. BY,
        "t4 true | 2001:db8::1:8 | nothing changed | IP changed from '2001:db8::1' to '::'" .. BY,
        "t5 true | :::8 | IP changed from '1.2.3.4' to '0.0.0.0'" .. BY
          .. " | IP changed from '1.2.3.4' to '0.0.0.0'" .. BY .. " | Invalid addr 'localhost'",
      }, (run(ver, CALLS)))
    end)
  end

  it("3.0: an action sees its change after a yield, the next request sees it too", function()
    local h = testing.load_string([[
      core.register_action("p", { "http-req" }, function(txn)
        local sv = core.backends.be.servers.s1
        local a = sv:get_addr()
        local m = sv:set_addr("127.0.0.7", "77")
        local b, st = sv:get_addr(), sv:get_stats().addr
        core.yield()
        txn:set_var("req.r", table.concat({ a, m, b, st, sv:get_addr() }, " | "))
      end)
    ]], { haproxy = "3.0", quiet = true,
          proxies = { be = { cap = "backend", servers = { s1 = { addr = "127.0.0.1:1" } } } } })
    assert.equal("127.0.0.1:1 | IP changed from '127.0.0.1' to '127.0.0.7', port changed from '1' to '77'"
      .. BY .. " | 127.0.0.1:1 | 127.0.0.1:1 | 127.0.0.7:77", h:action("p", { path = "/" }).vars.req.r)
    assert.equal("127.0.0.7:77 | nothing changed | 127.0.0.7:77 | 127.0.0.7:77 | 127.0.0.7:77",
      h:action("p", { path = "/" }).vars.req.r)
  end)
end)
