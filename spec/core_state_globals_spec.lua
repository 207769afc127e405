-- The globals an emulated state installs (modules/core/state/globals.lua):
-- core, act, filter, CertCache, registrations, logging, core utilities. Every
-- rule is asserted against HAProxy 2.6's own outputs.
local testing = require "proxylua.testing"
local C = require "spec.helpers.core"
local state, in_action = C.state, C.in_action

describe("proxylua.core globals", function()
  it("installs HAProxy 2.6's globals and nothing else", function()
    local h = state()
    local g = h.env
    for _, k in ipairs({ "core", "act", "filter", "Map", "Regex", "CertCache" }) do
      assert.is_table(g[k])
    end
    assert.is_nil(g.txn)
    assert.is_nil(g.applet)
    assert.is_nil(g.socket)
    assert.is_nil(getmetatable(g.core))
  end)

  it("has the log level and action constants", function()
    local c, act = state().core, state().env.act
    assert.same({ 0, 1, 2, 3, 4, 5, 6, 7 },
      { c.emerg, c.alert, c.crit, c.err, c.warning, c.notice, c.info, c.debug })
    assert.same({ 0, 1, 2, 3, 4, 5, 6, 7 }, { act.CONTINUE, act.STOP, act.YIELD, act.ERROR,
      act.DONE, act.DENY, act.ABORT, act.INVALID })
    local f = state().env.filter
    assert.same({ 1, 0, -1, 1 }, { f.CONTINUE, f.WAIT, f.ERROR, f.FLT_CFG_FL_HTX })
  end)

  it("has every core function 2.6 has, and none it lacks", function()
    local c = state().core
    for _, k in ipairs({ "Alert", "Debug", "Info", "Warning", "add_acl", "asctime_date", "concat",
      "del_acl", "del_map", "done", "get_info", "http_date", "httpclient", "imf_date", "log",
      "match_addr", "msleep", "now", "parse_addr", "register_action", "register_cli",
      "register_converters", "register_fetches", "register_filter", "register_init",
      "register_service", "register_task", "rfc850_date", "set_map", "set_nice", "sleep", "tcp",
      "tokenize", "yield" }) do
      assert.is_function(c[k], k)
    end
    assert.is_nil(c.get_var)
    assert.is_nil(c.Regex)
    assert.is_nil(c.silent)
    assert.equal(0, c.thread)
  end)

  it("Map has both spellings of every method constant", function()
    local Map = state().env.Map
    local want = { found = 0, bool = 1, int = 2, ip = 3, bin = 4, len = 5, str = 6, beg = 7,
                   sub = 8, dir = 9, dom = 10, ["end"] = 11, reg = 12, regm = 13 }
    for k, v in pairs(want) do
      assert.equal(v, Map[k])
      assert.equal(v, Map["_" .. k])
    end
  end)

  it("core.proxies is nil in the body and filled before init", function()
    local h = testing.load_string([[
      body_proxies = core.proxies
      core.register_init(function() init_proxies = core.proxies end)
    ]], { proxies = { fe = { cap = "frontend", mode = "http" }, be = { cap = "backend",
          servers = { s1 = { addr = "127.0.0.1:8080", weight = 10, maxconn = 100 } } },
          l = { cap = "listen" } } })
    assert.is_nil(h.env.body_proxies)
    local p = h.env.init_proxies
    assert.is_table(p.fe)
    assert.equal("frontend", p.fe:get_cap())
    assert.equal("backend", p.be:get_cap())
    assert.equal("proxy", p.l:get_cap())
    assert.is_nil(h.core.backends.fe)
    assert.is_table(h.core.backends.l)
    assert.is_table(h.core.frontends.l)
    assert.equal("string", type(p.be.uuid))
    local s1 = p.be.servers.s1
    assert.equal("string", type(s1.puid))
    assert.equal("127.0.0.1:8080", s1:get_addr())
    assert.equal(10, s1:get_weight())
    assert.equal(0, s1:is_draining())
    s1:set_drain()
    assert.equal(1, s1:is_draining())
    assert.is_nil(s1:set_weight("50"))
    assert.equal("Empty weight string empty or preceded by garbage", s1:set_weight("abc"))
    assert.equal("no need to change the addr, no need to change the port by 'Lua script'",
      s1:set_addr("127.0.0.1", 8080))
    assert.equal("HAProxy class Proxy", tostring(p.fe))
    assert.equal("HAProxy class Server", tostring(s1))
  end)
end)

describe("registration", function()
  local function reg_err(code)
    local ok, err = pcall(testing.load_string, code)
    assert.is_false(ok)
    return err
  end

  it("register_action checks its arguments with HAProxy's texts", function()
    assert.equal("Lua runtime error: script.lua:1: 'register_action' needs between 3 and 4 arguments",
      reg_err("core.register_action('a', {'http-req'})"))
    assert.equal("Lua runtime error: script.lua:1: register_action: second argument must be a table of strings",
      reg_err("core.register_action('a', 'http-req', function() end)"))
    assert.equal("Lua runtime error: script.lua:1: register_action: second argument must be a table of strings",
      reg_err("core.register_action('a', {1}, function() end)"))
    assert.equal("Lua runtime error: script.lua:1: bad argument #3 to 'register_action' (function expected, got string)",
      reg_err("core.register_action('a', {'http-req'}, 'f')"))
    assert.equal("Lua runtime error: script.lua:1: Lua action environment 'http-after-res' is unknown. "
      .. "'tcp-req', 'tcp-res', 'http-req' or 'http-res' are expected.",
      reg_err("core.register_action('a', {'http-after-res'}, function() end)"))
  end)

  it("register_fetches/converters/service/init/task/cli check arguments", function()
    assert.equal("Lua runtime error: script.lua:1: 'register_fetches' needs 2 arguments",
      reg_err("core.register_fetches('a')"))
    assert.equal("Lua runtime error: script.lua:1: bad argument #2 to 'register_fetches' (function expected, got string)",
      reg_err("core.register_fetches('a', 'x')"))
    assert.equal("Lua runtime error: script.lua:1: bad argument #2 to 'register_converters' (function expected, got number)",
      reg_err("core.register_converters('a', 1)"))
    assert.equal("Lua runtime error: script.lua:1: 'register_service' needs 3 arguments",
      reg_err("core.register_service('a', 'http')"))
    assert.equal("Lua runtime error: script.lua:1: Lua service environment 'udp' is unknown. 'tcp' or 'http' are expected.",
      reg_err("core.register_service('a', 'udp', function() end)"))
    assert.equal("Lua runtime error: script.lua:1: 'register_init' needs 1 arguments",
      reg_err("core.register_init()"))
    assert.equal("Lua runtime error: script.lua:1: bad argument #1 to 'register_init' (function expected, got string)",
      reg_err("core.register_init('x')"))
    assert.equal("Lua runtime error: script.lua:1: 'register_task' needs 1 arguments",
      reg_err("core.register_task(function() end, 1)"))
    assert.equal("Lua runtime error: bad argument #1 to '?' (function expected, got string)",
      reg_err("local ok, e = pcall(core.register_task, 'x') error(e, 0)"))
    assert.equal("Lua runtime error: script.lua:1: bad argument #1 to 'register_cli' (1st argument must be a table)",
      reg_err("core.register_cli('x', 'u', function() end)"))
    assert.equal("Lua runtime error: script.lua:1: bad argument #1 to 'register_cli' (1st argument must be a table with a maximum of 5 entries)",
      reg_err("core.register_cli({'a','b','c','d','e','f'}, 'u', function() end)"))
  end)

  it("reports body errors as configuration errors", function()
    assert.equal("Lua runtime error: script.lua:1: mainboom", reg_err("error('mainboom')"))
    assert.equal("error in Lua file 'script.lua': script.lua:1: unexpected symbol near '='",
      reg_err("= 1"))
  end)

  it("warns on a second registration and keeps the last one", function()
    local h = state([[
      core.register_fetches("x", function() return 1 end)
      core.register_fetches("x", function() return 2 end)
    ]])
    assert.equal(2, h:fetch("x").value)
    local l = h:logs()[1]
    assert.equal("config : Trying to register sample-fetch 'lua.x' more than once. "
      .. "This will become a hard error in version 2.5.", l.msg)
    assert.equal("warning", l.source)
  end)

  it("runs init functions after the body, in order; an init error is fatal", function()
    local h = state([[
      order = {}
      core.register_init(function() order[#order + 1] = "init1" end)
      core.register_init(function() order[#order + 1] = "init2" end)
      order[#order + 1] = "body"
    ]])
    assert.same({ "body", "init1", "init2" }, h.env.order)
    local ok, err = pcall(state, "core.register_init(function() error('initboom') end)")
    assert.is_false(ok)
    -- quoted, then " from " and the traceback, no final period (live 2.6 to 3.2)
    assert.equal("Lua init: runtime error: 'script.lua:1: initboom' from [C]: in global 'error', "
      .. "script.lua:1: in function line 1", err)
    local ok2, err2 = pcall(state, "core.register_init(function() error({}) end)")
    assert.is_false(ok2)
    assert.equal("Lua init: unknown runtime error from [C]: in global 'error', script.lua:1: in function line 1",
      err2)
  end)

  it("reports a non-string error in the body as HAProxy prints it: (null)", function()
    local testing = require "proxylua.testing"
    for _, ver in ipairs({ "2.6", "3.2" }) do
      for _, code in ipairs({ "error({})", "error(nil)", "error(setmetatable({}, { __tostring = function() return 'x' end }))" }) do
        local ok, err = pcall(testing.load_string, code, { haproxy = ver, quiet = true })
        assert.is_false(ok)
        assert.equal("Lua runtime error: (null)", err, code)
      end
      assert.equal("Lua runtime error: 42", select(2, pcall(testing.load_string, "error(42)", { haproxy = ver, quiet = true })))
    end
  end)

  it("reports an init error with HAProxy's traceback, the same in 2.6 to 3.2 (live)", function()
    local testing = require "proxylua.testing"
    local CASES = {
      { "local function inner() local t = {} t[nil] = 1 end\ncore.register_init(function()\n  inner()\nend)",
        "'script.lua:1: table index is nil' from script.lua:1: in upvalue 'inner', script.lua:3: in function line 2" },
      { "local function inner() error('deep') end\ncore.register_init(function() return inner() end)",
        "'script.lua:1: deep' from [C]: in global 'error', script.lua:1: in function line 1 ..." },
      { "core.register_init(function()\n  core.Info({})\nend)",
        "'script.lua:2: bad argument #1 to 'Info' (string expected, got table)' from [C]: in field 'Info', "
        .. "script.lua:2: in function line 1" },
      { "core.register_init(function() error('initboom', 0) end)",
        "'initboom' from [C]: in global 'error', script.lua:1: in function line 1" },
    }
    for _, ver in ipairs({ "2.6", "2.8", "3.0", "3.2" }) do
      for _, c in ipairs(CASES) do
        local ok, err = pcall(testing.load_string, c[1], { haproxy = ver, quiet = true })
        assert.is_false(ok)
        assert.equal("Lua init: runtime error: " .. c[2], err, ver)
      end
    end
  end)

  it("ignores register_action/fetches at runtime but starts tasks", function()
    local h = state([[
      core.register_action("a", {"http-req"}, function(txn)
        core.register_fetches("late", function() return 1 end)
        core.register_task(function() ran = true end)
      end)
    ]])
    h:action("a")
    assert.is_nil(h.rt.reg.fetches.late)
    h:run_tasks()
    assert.is_true(h.env.ran)
  end)

  it("refuses register_init at runtime (HAProxy 2.6 segfaults there)", function()
    -- the harness fails the test: HAProxy would die here
    local ok, err = pcall(in_action, "core.register_init(function() end)")
    assert.is_false(ok)
    assert.matches("HAProxy 2.6 crashes", err)
  end)
end)

describe("core.log and friends", function()
  it("log checks level and argument count", function()
    local h = state()
    local c = h.core
    local ok, err = pcall(c.log, 8, "x")
    assert.is_false(ok)
    assert.equal("bad argument #1 to '?' (Invalid loglevel.)", err)
    err = select(2, pcall(function() c.log(8, "x") end))
    assert.matches("bad argument #1 to 'log' %(Invalid loglevel%.%)$", err)
    err = select(2, pcall(function() c.Info() end))
    assert.matches(":%d+: 'info' needs 1 arguments$", err)
    err = select(2, pcall(function() c.Info(nil) end))
    assert.matches("bad argument #1 to 'Info' %(string expected, got nil%)$", err)
    err = select(2, pcall(function() c.log(1) end))
    assert.matches("'log' needs 2 arguments$", err)
  end)

  it("formats lines as HAProxy does and cleans messages", function()
    local h = state()
    local lines = {}
    h.rt.on_log = function(_, line) lines[#lines + 1] = line end
    h.core.Info(12)
    h.core.Warning("h\195\169llo\tx\r\n")
    h.core.Alert("before\0after")
    h.core.log(h.core.err, ("x"):rep(20000))
    h.core.Debug("dbg")
    local pid = h.process.pid
    assert.matches("^%[info%] %d%d%d/%d%d%d%d%d%d %(" .. pid .. "%) : 12$", lines[1])
    assert.matches("^%[warning%] .* : h%.%.llo%.x%.%.$", lines[2])
    assert.matches("^%[alert%] .* : before$", lines[3])
    local recs = h:logs()
    assert.equal(16383, #recs[4].msg)
    assert.equal(" ...", recs[4].msg:sub(-4))
    assert.same({ 6, 4, 1, 3, 7 }, { recs[1].level, recs[2].level, recs[3].level, recs[4].level, recs[5].level })
  end)
end)

describe("core utilities", function()
  local c = state().core

  it("parses HTTP dates like 2.6", function()
    assert.equal(784111777, c.http_date("Sun, 06 Nov 1994 08:49:37 GMT"))
    assert.equal(784111777, c.http_date("Sunday, 06-Nov-94 08:49:37 GMT"))
    assert.equal(784111777, c.http_date("Sun Nov  6 08:49:37 1994"))
    assert.equal(784111777, c.imf_date("Sun, 06 Nov 1994 08:49:37 GMT"))
    assert.is_nil(c.imf_date("Sunday, 06-Nov-94 08:49:37 GMT"))
    assert.equal(784111777, c.rfc850_date("Sunday, 06-Nov-94 08:49:37 GMT"))
    assert.equal(784111777, c.asctime_date("Sun Nov  6 08:49:37 1994"))
    assert.equal(784111777, c.http_date("Mon, 06 Nov 1994 08:49:37 GMT"))
    assert.is_nil(c.http_date("Sun, 06 Nov 1994 08:49:37"))
    assert.is_nil(c.http_date("Sun, 06 nov 1994 08:49:37 GMT"))
    assert.is_nil(c.http_date("garbage"))
    assert.is_nil(c.http_date(12))
    assert.equal(-1770359296, c.http_date("Sat, 01 Jan 2050 00:00:00 GMT"))
    assert.equal(-1, c.http_date("Wed, 31 Dec 1969 23:59:59 GMT"))
  end)

  it("tokenizes like 2.6", function()
    assert.same({ "a", "b", "", "c" }, c.tokenize("a,b;;c", ",;"))
    assert.same({ "a", "b", "c" }, c.tokenize("a,b;;c", ",;", true))
    assert.same({ "", "a", "", "" }, c.tokenize(",a,,", ",", false))
    assert.same({ "a" }, c.tokenize(",a,,", ",", true))
    assert.same({ "a", "b", "" }, c.tokenize("a,b,", ","))
    assert.same({ "" }, c.tokenize("", ","))
    assert.same({ "" }, c.tokenize("", " ."))
    assert.same({}, c.tokenize("", " .", true))
    assert.same({ "abc" }, c.tokenize("abc", ""))
    assert.same({ "Bearer", "", "tok", "en" }, c.tokenize("Bearer  tok.en", " ."))
    assert.same({ "12", "45" }, c.tokenize(12345, "3"))
    local _, err = pcall(function() c.tokenize("abc") end)
    assert.matches("bad argument #2 to 'tokenize' %(string expected, got no value%)$", err)
    err = select(2, pcall(function() c.tokenize("abc", ",", 1) end))
    assert.matches("bad argument #3 to 'tokenize' %(boolean expected%)$", err)
    err = select(2, pcall(function() c.tokenize("abc", ",", nil) end))
    assert.matches("bad argument #3 to 'tokenize' %(boolean expected%)$", err)
  end)

  it("parses and matches addresses like 2.6", function()
    local a = c.parse_addr("10.0.0.0/8")
    assert.equal("userdata", type(a))
    assert.matches("^userdata: 0x", tostring(a))
    assert.is_nil(c.parse_addr("not-an-ip"))
    assert.is_true(c.match_addr(a, c.parse_addr("10.1.2.3")))
    assert.is_true(c.match_addr(c.parse_addr("10.1.2.3"), a))
    assert.is_false(c.match_addr(a, c.parse_addr("11.1.2.3")))
    assert.is_false(c.match_addr(a, c.parse_addr("::1")))
    assert.is_false(c.match_addr("10.0.0.0/8", "10.1.1.1"))
    assert.is_true(c.match_addr(c.parse_addr("2001:db8::/64"), c.parse_addr("2001:db8::ffff")))
    -- 2.6 compares a under b's mask with b under a's mask (checked live):
    assert.is_false(c.match_addr(c.parse_addr("2001:db8::1/64"), c.parse_addr("2001:db8::ffff")))
    assert.is_false(c.match_addr(c.parse_addr("10.0.0.0/0"), c.parse_addr("99.1.1.1")))
    assert.is_true(c.match_addr(c.parse_addr("localhost"), c.parse_addr("127.0.0.1")))
    assert.is_false(c.match_addr(c.parse_addr("2001:db8::1/64"), c.parse_addr("2001:db9::1")))
    assert.is_true(c.match_addr(c.parse_addr("192.168.1.0/255.255.255.0"), c.parse_addr("192.168.1.77")))
    -- the address is not masked at parse time: a host with a mask matches
    -- nothing else (live)
    assert.is_false(c.match_addr(c.parse_addr("192.168.1.5/24"), c.parse_addr("192.168.1.77")))
  end)

  it("core.now gives integer sec/usec; get_info has show-info names", function()
    local t = c.now()
    assert.equal("integer", math.type(t.sec))
    assert.equal("integer", math.type(t.usec))
    local i = c.get_info()
    assert.equal("HAProxy", i.Name)
    assert.equal("integer", math.type(i.Pid))
    assert.equal("integer", math.type(i.Nbthread))
    assert.equal("string", type(i.Tainted))
    assert.equal("integer", math.type(i.Uptime_sec))
  end)

  it("core.concat adds one string or number per call", function()
    local b = c.concat("init")
    assert.equal("", b:dump())
    b:add("a")
    b:add(5)
    b:add(1.5)
    b:add("x", "y", "z")
    assert.equal("a51.5x", b:dump())
    assert.equal("a51.5x", b:dump())
    assert.equal("table", type(b))
    assert.matches("^Concat object: 0x", tostring(b))
    local _, err = pcall(function() b:add(nil) end)
    assert.matches("bad argument #1 to 'add' %(string expected, got nil%)$", err)
    err = select(2, pcall(function() b:add() end))
    assert.matches("bad argument #1 to 'add' %(string expected, got no value%)$", err)
    err = select(2, pcall(function() b:add({}) end))
    assert.matches("got table%)$", err)
    local bin = c.concat()
    bin:add("a\0b")
    assert.equal("a\0b", bin:dump())
  end)

  it("sleep, msleep, yield and done are silent no-ops in the body", function()
    local h = state([[
      local t0 = core.now()
      core.sleep(1)
      core.msleep(1000)
      core.yield()
      core.done()
      after_done = true
      local t1 = core.now()
      elapsed = (t1.sec - t0.sec) * 1000000 + t1.usec - t0.usec
      local ok, e = pcall(core.sleep, 0.5)
      sleep_err = e
      local ok2, e2 = pcall(function() core.msleep() end)
      msleep_err = e2
    ]])
    assert.is_true(h.env.after_done)
    assert.is_true(h.env.elapsed < 500000)
    assert.equal("bad argument #1 to '?' (number has no integer representation)", h.env.sleep_err)
    assert.matches("'msleep' needs 1 arguments$", h.env.msleep_err)
  end)

  it("core.tcp() raises in the body; core.httpclient() is nil in init", function()
    local ok, err = pcall(state, "core.tcp()")
    assert.is_false(ok)
    assert.equal("Lua runtime error: script.lua:1: socket: uninitialized pools.", err)
    local h = state("core.register_init(function() hc = core.httpclient() end)")
    assert.is_nil(h.env.hc)
  end)

  it("act.wake_time needs exactly one argument in an action, and is a no-op in the body", function()
    local act = state().env.act
    assert.is_true(pcall(function() act:wake_time(100) end))
    local r = in_action("act:wake_time(100)")
    assert.matches("'wake_time' needs 1 arguments from", r.error)
  end)
end)
