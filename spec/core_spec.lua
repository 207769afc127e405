-- proxylua.core under stock Lua: every rule asserted against HAProxy 2.6's
-- own outputs (shared/reference/runtime.md, haproxy-lua-api.md).
local testing = require "proxylua.testing"

-- A fresh emulated state with `code` as its lua-load body.
local function state(code, opts)
  return testing.load_string(code or "", opts)
end

-- Run `code` as an http-request action body; returns the result.
local function in_action(code, req, opts)
  local h = state("core.register_action('t', {'http-req'}, function(txn, ...)\n" .. code .. "\nend)", opts)
  return h:action("t", req), h
end

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
    assert.equal("Lua init: runtime error: 'script.lua:1: initboom'", err)
    local ok2, err2 = pcall(state, "core.register_init(function() error({}) end)")
    assert.is_false(ok2)
    assert.equal("Lua init: unknown runtime error", err2)
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

describe("lua-load emulation", function()
  it("ignores lua-load arguments in 2.6 and passes them as ... from 2.7", function()
    local code = "n = select('#', ...) first = ..."
    local h = testing.load_string(code, { args = { "foo", "bar" } })
    assert.equal(0, h.env.n)
    local h7 = testing.load_string(code, { args = { "foo", "bar" }, haproxy = "2.7" })
    assert.equal(2, h7.env.n)
    assert.equal("foo", h7.env.first)
  end)

  it("gives each load fresh globals", function()
    local a = state("shared = (shared or 0) + 1")
    local b = state("shared = (shared or 0) + 1")
    assert.equal(1, a.env.shared)
    assert.equal(1, b.env.shared)
    assert.is_nil(rawget(_G, "shared"))
    assert.are_not.equal(a.core, b.core)
  end)

  it("imitates lua-load-per-thread: one state per thread, proc vars shared", function()
    local hs = testing.per_thread(function(o)
      return testing.load_string([[
        counter = 0
        core.register_action("count", {"http-req"}, function(txn)
          counter = counter + 1
          txn:set_var("txn.n", counter)
          txn:set_var("proc.last", core.thread)
        end)
      ]], o)
    end, 2)
    assert.equal(1, hs[1].core.thread)
    assert.equal(2, hs[2].core.thread)
    local r1 = hs[1]:action("count")
    hs[1]:action("count")
    local r3 = hs[2]:action("count")
    assert.equal(1, r1.tx:get_var("txn.n"))
    assert.equal(1, r3.tx:get_var("txn.n")) -- thread 2 has its own counter
    assert.equal(2, r3.tx:get_var("proc.last"))
  end)

  it("resolves the script's require through its own package.path (+ lua-prepend-path)", function()
    local dir = os.tmpname()
    os.remove(dir)
    os.execute("mkdir -p " .. dir)
    local f = assert(io.open(dir .. "/mylib.lua", "w"))
    f:write("count = (count or 0) + 1\nreturn { answer = 42, loads = count }")
    f:close()
    local h = testing.load_string("local m = require 'mylib' answer = m.answer again = require 'mylib'",
      { prepend_path = dir .. "/?.lua" })
    assert.equal(42, h.env.answer)
    assert.equal(h.env.package.loaded.mylib, h.env.again)
    assert.equal(1, h.env.count) -- the module ran in the script's globals
    assert.is_nil(rawget(_G, "count"))
    assert.equal(dir .. "/?.lua;", h.env.package.path:sub(1, #dir + 7))
    local ok, err = pcall(testing.load_string, "require 'surely_not_there'")
    assert.is_false(ok)
    assert.matches("module 'surely_not_there' not found", err)
    os.execute("rm -rf " .. dir)
  end)

  it("returns the emulated core from require 'proxylua.core' inside a script", function()
    local h = state("c = require 'proxylua.core'")
    assert.equal(h.core, h.env.c)
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

describe("Regex", function()
  local Regex = state().env.Regex

  it("new returns two values and takes a case-sensitive flag", function()
    local ok, re = Regex.new("^A+$", false)
    assert.is_true(ok)
    assert.equal("HAProxy class Regex", tostring(re))
    assert.is_true(re:match("aaa"))
    local _, re2 = Regex.new("^A+$", true)
    assert.is_false(re2:match("aaa"))
    assert.same({ false, "regex '(' is invalid (error=missing closing parenthesis, erroffset=1)" },
      { Regex.new("(", true) })
    local e1 = select(2, pcall(function() Regex.new("a") end))
    assert.matches("bad argument #2 to 'new' %(%(null%)%)$", e1)
    local e2 = select(2, pcall(function() Regex.new("a", 1) end))
    assert.matches("bad argument #2 to 'new' %(%(null%)%)$", e2)
    local e3 = select(2, pcall(function() Regex:new("a", true) end))
    assert.matches("calling 'new' on bad self %(string expected, got table%)$", e3)
  end)

  it("exec is unanchored; match stops at the first missing group", function()
    local _, re = Regex.new("b+", true)
    assert.is_true(re:exec("abbbc"))
    assert.same({ true, { "bbb" } }, { re:match("abbbc") })
    local _, re2 = Regex.new("^(a+)(b*)(x)?(c)?$", true)
    assert.same({ true, { "aabc", "aa", "b" } }, { re2:match("aabc") })
    assert.same({ false, {} }, { re2:match("zzz") })
    assert.same({ false, {} }, { re2:match(123) })
    local e = select(2, pcall(function() re2:match(nil) end))
    assert.matches("bad argument #1 to 'match' %(string expected, got nil%)$", e)
  end)
end)

describe("Map", function()
  it("checks its arguments like 2.6", function()
    local h = testing.load_string("", { start = false }) -- still in the body
    local Map = h.env.Map
    local e = select(2, pcall(function() Map.new("x.map", Map._found) end))
    assert.matches("'new' doesn't support this match mode%.$", e)
    e = select(2, pcall(function() Map.new("x.map", 99) end))
    assert.matches("'new' needs a valid match method%.$", e)
    e = select(2, pcall(function() Map.new("/nonexistent.map") end))
    assert.matches("'new': failed to open pattern file </nonexistent%.map>%.$", e)
  end)

  it("cannot be loaded at runtime", function()
    local r = in_action("Map.new('/etc/hostname')")
    assert.matches("'new': map: cannot load map at runtime%.", r.error)
  end)

  it("set_map/del_map/add_acl/del_acl refuse unknown files", function()
    local r = in_action("core.set_map('nope.map', 'k', 'v')")
    assert.matches("'set_map': unknown map file 'nope%.map'", r.error)
    r = in_action("core.add_acl('nope.acl', 'k')")
    assert.matches("'add_acl': unknown acl file 'nope%.acl'", r.error)
    r = in_action("core.del_map('nope.map', 'k')")
    assert.matches("'del_map': unknown acl file 'nope%.map'", r.error)
    local ok, err = pcall(state, "core.add_acl('a.acl', 'x')", { acls = { ["a.acl"] = {} } })
    assert.is_false(ok)
    assert.equal("Lua runtime error: script.lua:1: 'add_acl': unknown acl file 'a.acl'", err)
    local h = state("", { acls = { ["a.acl"] = { "one" } } })
    h.rt.phase = "runtime"
    h.core.add_acl("a.acl", "two")
    h.core.add_acl("a.acl", "two")
    h.core.del_acl("a.acl", "one")
    assert.same({ "two" }, h.process.patrefs["a.acl"].order)
  end)
end)

----------------------------------------------------------------------------
-- TXN

local PROBE = { method = "GET", path = "/probe_f", query = "a=1&b=2", dst_port = 24001,
                headers = { "Host: 127.0.0.1:24001", "X-Multi: one", "X-Multi: two, three" } }

-- Run `code` (a function body receiving txn) as an action; returns its
-- first return value packed as the action saw it.
local function with_txn(code, req, env)
  local h = state("core.register_action('t', {'" .. (env or "http-req")
    .. "'}, function(txn) out = table.pack((function() " .. code .. " end)()) end)")
  local r = h:action("t", req or PROBE)
  if r.error then error(r.error, 0) end
  return h.env.out, r, h
end

local function errtext(code, req, env)
  local h = state("core.register_action('t', {'" .. (env or "http-req") .. "'}, function(txn) "
    .. "local ok, e = pcall(function() " .. code .. " end) out = e end)")
  h:action("t", req or PROBE)
  return tostring(h.env.out):gsub("^[^:]*:%d+: ", "")
end

describe("TXN object", function()
  it("has HAProxy's keys, classes and methods", function()
    local out = with_txn([[
      local keys = {}
      for k in pairs(txn) do keys[#keys + 1] = tostring(k) end
      table.sort(keys)
      return table.concat(keys, ","), tostring(txn), tostring(txn.f), tostring(txn.sc),
             tostring(txn.http), tostring(txn.req)
    ]])
    assert.same({ "0,c,f,http,req,res,sc,sf", "HAProxy class TXN", "HAProxy class Fetches",
                  "HAProxy class Converters", "HAProxy class HTTP", "HAProxy class Channel" },
                { out[1], out[2], out[3], out[4], out[5], out[6] })
  end)

  it("has no http member in a TCP stream", function()
    local out = with_txn("return txn.http == nil", { mode = "tcp" }, "tcp-req")
    assert.is_true(out[1])
  end)

  it("shifts arguments when a method is called with a dot", function()
    assert.equal("'set_var' needs between 3 and 4 arguments", errtext("txn.set_var('txn.zz', 'v')"))
    assert.equal("calling 'log' on bad self (Invalid loglevel.)", errtext("txn:log(8, 'x')"))
    assert.equal("bad argument #2 to 'log' (string expected, got table)", errtext("txn:log(1, {})"))
  end)
end)

describe("fetches (txn.f / txn.sf)", function()
  it("return HAProxy's values and types", function()
    local out = with_txn([[
      local f, sf = txn.f, txn.sf
      return f:src(), math.type(f:src_port()), f:method(), f:path(), f:query(), f:url(),
        f:req_ver(), f:req_hdr("Host"), f:req_hdr("x-multi"), f:req_hdr("x-multi", 1),
        f:req_hdr_cnt("x-multi"), f:req_fhdr("x-multi"), f:dst_port(), sf:dst_port(),
        f:ssl_fc(), sf:ssl_fc(), f:always_true(), f:int(5), f:str("abc"), f:bin("414243"),
        f:req_hdr("x-missing"), sf:req_hdr("x-missing"), f:url_param("zz"), f:env("NOPE_X_PL"),
        f:var("txn.nope"), f:unique_id(), f:req_hdr(), f:fe_name(), math.type(f:date()),
        f:base(), f:hdr("host")
    ]])
    assert.same({ "127.0.0.1", "integer", "GET", "/probe_f", "a=1&b=2", "/probe_f?a=1&b=2", "1.1",
      "127.0.0.1:24001", "three", "one", 3, "two, three", 24001, "24001", 0, "0", 1, 5, "abc",
      "ABC", nil, "", nil, nil, nil, nil, nil, "fe", "integer", "127.0.0.1:24001/probe_f",
      "127.0.0.1:24001" }, { table.unpack(out, 1, out.n) })
  end)

  it("give the raw header block and cookies", function()
    local out = with_txn([[return txn.f:req_hdrs(), txn.f:req_cook("b"), txn.f:req_cook_cnt()]],
      { headers = { "Host: h", "Cookie: a=1; b=2", "Cookie: b=3" } })
    assert.equal("host: h\r\ncookie: a=1; b=2\r\ncookie: b=3\r\n\r\n", out[1])
    assert.equal("3", out[2])
    assert.equal(3, out[3])
  end)

  it("raise HAProxy's argument errors", function()
    assert.equal("bad argument #1 to 'int' (integer expected)", errtext("txn.f:int('5')"))
    assert.equal("bad argument #1 to 'int' (Mandatory argument expected)", errtext("txn.f:int()"))
    assert.equal("bad argument #1 to 'req_hdr' (unable to duplicate string arg)", errtext("txn.f:req_hdr(1)"))
    assert.equal("bad argument #1 to 'str' (unable to duplicate string arg)", errtext("txn.f:str(nil)"))
    assert.equal("bad argument #1 to 'src' (Last argument expected)", errtext("txn.f:src(1, 2)"))
    assert.equal("bad argument #1 to 'src' ((null))", errtext("txn.f.src(nil)"))
    assert.equal("bad argument #1 to 'ipv4' (invalid IPv4 address)", errtext("txn.f:ipv4('1.2.3.4')"))
    assert.equal("attempt to call a nil value (method 'lua_myf')", errtext("txn.f:lua_myf()"))
    assert.equal("attempt to call a nil value (method 'nonexistent')", errtext("txn.f:nonexistent()"))
  end)

  it("keep only the underscore names", function()
    local out = with_txn([[return txn.f["req.hdr"] == nil, type(txn.f.req_hdr)]])
    assert.same({ true, "function" }, { out[1], out[2] })
  end)

  it("return nil for HTTP fetches in a TCP stream", function()
    local out = with_txn("return txn.f:path(), txn.sf:path(), txn.f:src()", { mode = "tcp" }, "tcp-req")
    assert.same({ nil, "", "127.0.0.1" }, { out[1], out[2], out[3] })
  end)
end)

describe("converters (txn.c / txn.sc)", function()
  it("map types and inputs as 2.6", function()
    local out = with_txn([[
      local c, sc = txn.c, txn.sc
      return c:bool(5), c:length("abcd"), c:lower(nil), c:lower(123), c:lower(true), c:lower({}),
        c:upper("aBc"), sc:length("abc"), c:bytes("abcdef", 2, 3), c:field("a,b,c", 2, ","),
        c:word("a,,b", 2, ","), c:regsub("aXbXc", "X", "-", "g"), c:ipmask("192.168.1.77", 24),
        c:add(5, "3"), c:http_date(784111777), c:field("a,b,c", -1, ","), c:strcmp("x", "txn.none")
    ]])
    assert.same({ 1, 4, "0", "123", "1", "0", "ABC", "3", "cde", "b", "b", "a-b-c",
      "192.168.1.0", 8, "Sun, 06 Nov 1994 08:49:37 GMT", "c", nil }, { table.unpack(out, 1, out.n) })
  end)

  it("use proxylua.hash with HAProxy's binary input rules", function()
    local out = with_txn([[
      local c = txn.c
      return c:crc32(123), c:sdbm(123), c:hex(-1), c:hex2i(255), c:xxh64("a"), txn.sc:xxh64("a")
    ]])
    assert.same({ 2733995997, 123, "FFFFFFFFFFFFFFFF", 597, -3292477735350538661,
                  "-3292477735350538661" }, { table.unpack(out, 1, out.n) })
  end)

  it("raise HAProxy's argument errors", function()
    assert.equal("bad argument #2 to 'add' (unable to duplicate string arg)", errtext("txn.c:add(5, 3)"))
    assert.equal("bad argument #2 to 'json' (Mandatory argument expected)", errtext("txn.c:json('x')"))
    assert.equal("error in arguments", errtext("txn.c:map('k9', 'm.map')"))
    assert.equal("error in arguments", errtext("txn.c:sha2('x', 100)"))
    assert.equal("attempt to call a nil value (method 'lua_conv')", errtext("txn.c:lua_conv('x')"))
  end)
end)

describe("variables", function()
  it("follow 2.6's scope rules in a request action", function()
    local out = with_txn([[
      return txn:set_var("proc.p", 1), txn:set_var("sess.s", 2), txn:set_var("txn.t", 3),
        txn:set_var("req.r", 4), txn:set_var("res.x", 5), txn:get_var("res.x"),
        txn:set_var("invalid.a", 1), txn:set_var("noscope", 1), txn:set_var("TXN.up", 1),
        txn:set_var("txn.a-b", 1), txn:set_var("txn.a.b", 1), txn:get_var("txn.t"),
        txn:set_var("proc.never", 1, true), txn:set_var("txn.fresh", 1, true),
        txn:set_var("proc.newone", 1), txn:unset_var("txn.nothere"), txn:unset_var("bad.x")
    ]])
    assert.same({ true, true, true, true, false, nil, false, false, false, false, true, 3,
                  false, true, true, true, false }, { table.unpack(out, 1, out.n) })
  end)

  it("read back values converted as 2.6 stores them", function()
    local out = with_txn([[
      local t = {}
      for i, v in ipairs({ "hello", "a\0b", 42, true, false, 1.5, 2.0, {} }) do
        txn:set_var("txn.v" .. i, v)
        t[i] = txn:get_var("txn.v" .. i)
      end
      local ok = txn:set_var("txn.nil", nil)
      return t, ok, txn:get_var("txn.nil"), math.type(t[6])
    ]])
    assert.same({ "hello", "a\0b", 42, 1, 0, 0, 2, 0 }, out[1])
    assert.same({ true, 0, "integer" }, { out[2], out[3], out[4] })
  end)

  it("honour ifexist for proc names the config declares", function()
    local h = state([[core.register_action("t", {"http-req"}, function(txn)
      r1 = txn:set_var("proc.declared", 1, true) end)]], { proc_vars = { declared = true } })
    h:action("t")
    assert.is_true(h.env.r1)
  end)

  it("drop req.* on the response side, where res.* can be set", function()
    local h = state([[
      core.register_action("rq", {"http-req"}, function(txn) txn:set_var("req.a", 1) txn:set_var("txn.b", 2) end)
      core.register_action("rs", {"http-res"}, function(txn)
        out = { txn:get_var("req.a"), txn:get_var("txn.b"), txn:set_var("res.c", 3) } end)
    ]])
    local tx = h:transaction(PROBE)
    tx:run("http-req", "rq")
    tx:run("http-res", "rs")
    assert.same({ nil, 2, true }, { h.env.out[1], h.env.out[2], h.env.out[3] })
  end)

  it("check argument counts", function()
    assert.equal("'get_var' needs 2 arguments", errtext("txn:get_var()"))
    assert.equal("'set_var' needs between 3 and 4 arguments", errtext("txn:set_var('txn.x')"))
  end)
end)

describe("priv", function()
  it("is shared by the stream's actions and fetches, not by services", function()
    local h = state([[
      core.register_action("set", {"http-req"}, function(txn) txn:set_priv({ n = 1 }) end)
      core.register_action("get", {"http-res"}, function(txn) got = txn:get_priv() end)
      core.register_fetches("fp", function(txn) return txn:get_priv().n end)
      core.register_service("svc", "http", function(applet)
        svc_priv = applet:get_priv()
        applet:start_response()
      end)
    ]])
    local tx = h:transaction(PROBE)
    assert.is_nil(tx.txn:get_priv())
    tx:run("http-req", "set")
    assert.equal(1, tx:fetch("fp").value)
    tx:run("http-res", "get")
    assert.equal(1, h.env.got.n)
    h:service("svc", tx)
    assert.is_nil(h.env.svc_priv)
  end)
end)

describe("HTTP object", function()
  it("returns 0-based header tables keyed by lower-case name", function()
    local out = with_txn([[
      local h = txn.http:req_get_headers()
      return h["x-multi"][0], h["x-multi"][1], #h["x-multi"], h["X-Multi"], h["host"][0]
    ]])
    assert.same({ "one", "two, three", 1, nil, "127.0.0.1:24001" }, { table.unpack(out, 1, out.n) })
  end)

  it("edits the request as HAProxy forwards it", function()
    local _, r = with_txn([[
      txn.http:req_set_header("X-Multi", "only")
      txn.http:req_add_header("x-num", 5)
      txn.http:req_add_header("x-num", "6")
      txn.http:req_del_header("host")
      txn.http:req_add_header("x-rep", "ab-cd")
      txn.http:req_rep_header("x-rep", "(\\w+)-(\\w+)", "\\2_\\1")
      txn.http:req_add_header("x-val", "a, b, c")
      txn.http:req_rep_value("x-val", "^b$", "B")
      return txn.http:req_set_path("/new/path"), txn.http:req_set_method("POST"), txn.f:method()
    ]])
    local req = r.request
    assert.same({ { "x-multi", "only" }, { "x-num", "5" }, { "x-num", "6" }, { "x-rep", "cd_ab" },
                  { "x-val", "a,B, c" } }, req.headers)
    assert.equal("/new/path?a=1&b=2", req.uri)
    assert.equal("POST", req.method)
  end)

  it("keeps HAProxy's query quirks", function()
    local _, r = with_txn([[txn.http:req_set_query("")]])
    assert.equal("/probe_f?", r.request.uri)
    _, r = with_txn([[txn.http:req_set_query("?a=b")]])
    assert.equal("/probe_f??a=b", r.request.uri)
    _, r = with_txn([[txn.http:req_set_uri("/via/uri?z=9")]])
    assert.equal("/via/uri?z=9", r.request.uri)
  end)

  it("raises a non-message value in the wrong direction", function()
    local out = with_txn([[
      local ok1, e1 = pcall(txn.http.res_get_headers, txn.http)
      local ok2, e2 = pcall(txn.http.res_set_status, txn.http, 201)
      return ok1, tostring(e1), ok2, e2
    ]])
    assert.same({ false, "HAProxy class HTTP", false, 201 }, { table.unpack(out, 1, out.n) })
  end)

  it("sets the response status without validation", function()
    local h = state([[
      core.register_action("s", {"http-res"}, function(txn) txn.http:res_set_status(418) end)
      core.register_action("c", {"http-res"}, function(txn) txn.http:res_set_status(299, "Custom Reason") end)
      core.register_action("x", {"http-res"}, function(txn) txn.http:res_set_status(1000) end)
    ]])
    local r = h:action("s", { response = { status = 200 } })
    assert.same({ 418, "I'm a teapot" }, { r.response.status, r.response.reason })
    r = h:action("c", { response = { status = 200 } })
    assert.same({ 299, "Custom Reason" }, { r.response.status, r.response.reason })
    r = h:action("x", { response = { status = 200 } })
    assert.same({ 1000, "Other" }, { r.response.status, r.response.reason })
  end)

  it("refuses channel data in HTTP mode", function()
    assert.equal("Cannot manipulate HAProxy channels in HTTP mode.", errtext("txn.req:data()"))
    assert.equal("Cannot manipulate HAProxy channels in HTTP mode.", errtext("txn.res:send('x')"))
    local out = with_txn("return txn.req:is_resp(), txn.res:is_resp(), math.type(txn.req:input())")
    assert.same({ false, true, "integer" }, { out[1], out[2], out[3] })
  end)
end)

describe("Channel in a TCP stream", function()
  it("reads and edits the input as 2.6 does (append is prepend)", function()
    local req = { mode = "tcp", input = "hello\nworld\nrest" }
    local out = with_txn([[
      local r = txn.req
      local t = { r:input(), r:output(), r:data(), r:data(6), r:data(6, 3), r:data(-3), r:line(),
        r:line(6), r:dup(), r:is_full(), r:may_recv(), r:getline(), r:input() }
      t[#t + 1] = r:prepend("PRE:")
      t[#t + 1] = r:data()
      t[#t + 1] = r:append(":APP")
      t[#t + 1] = r:data()
      t[#t + 1] = r:insert("INS", 2)
      t[#t + 1] = r:data()
      local ok, e = pcall(r.data, r, 100)
      t[#t + 1] = e
      t[#t + 1] = txn.res:send("to-client\n")
      t[#t + 1] = r:forward(2)
      t[#t + 1] = r:output()
      return t
    ]], req, "tcp-req")
    assert.same({ 16, 0, "hello\nworld\nrest", "world\nrest", "wor", "est", "hello\n", "world\n",
      "hello\nworld\nrest", false, true, "hello\n", 10, 4, "PRE:world\nrest", 4,
      ":APPPRE:world\nrest", 3, ":AINSPPPRE:world\nrest", "offset out of range.", 10, 2, 2 }, out[1])
  end)
end)

describe("reply and done", function()
  it("builds Reply objects like 2.6", function()
    local out = with_txn([[
      local r1 = txn:reply()
      local r2 = txn:reply({ status = 404 })
      local r3 = txn:reply({ status = "404" })
      local r4 = txn:reply({ status = 599, reason = "Custom" })
      local r5 = txn:reply({ headers = { a = "b", c = { "d", "e" } }, body = 5 })
      local r = txn:reply()
      local t = { r:set_status(999), r:set_status("200"), r:set_status(200, "OK!"), r.reason,
                  r:add_header("n", 5), r.headers.n[1], r:set_body(5), r.body, r:del_header("missing") }
      return { r1.status, r1.reason, r1.body, r2.status, r2.reason, r3.status, r4.reason },
             r5.headers, r5.body, t, tostring(r1):match("^table: ") ~= nil
    ]])
    assert.same({ 200, "OK", nil, 404, "Not Found", 200, "Server Error" }, out[1])
    assert.same({ a = { "b" }, c = { "d", "e" } }, out[2])
    assert.is_nil(out[3])
    assert.same({ false, true, true, "OK!", true, "5", true, "5", true }, out[4])
    assert.is_true(out[5])
  end)

  it("txn:done(reply) sends it with a computed content-length and stops the action", function()
    local h = state([[
      core.register_action("d", {"http-req"}, function(txn)
        local r = txn:reply({ status = 401, headers = { ["content-length"] = { "99" },
          ["X-Two"] = { "2a" }, ["x-str"] = "plain" }, body = "nope!\n" })
        r.reason = "Who"
        r:add_header("x-two", "2b")
        txn:done(r)
        after = true
      end)
    ]])
    local r = h:action("d", PROBE)
    assert.equal("done", r.verdict)
    assert.is_nil(h.env.after)
    assert.equal(401, r.reply.status)
    assert.equal("Who", r.reply.reason)
    assert.equal("nope!\n", r.reply.body)
    assert.same({ "content-length: 6", "x-str: plain", "x-two: 2a", "x-two: 2b" },
      testing.header_set(r.reply.headers))
  end)

  it("a plain table passed to done is not range-checked; a string status is ignored", function()
    local h = state([[
      core.register_action("a", {"http-req"}, function(txn) txn:done({ status = 999, headers = { ["x-str"] = "plain" } }) end)
      core.register_action("b", {"http-req"}, function(txn) txn:done({ status = "503" }) end)
      core.register_action("c", {"http-req"}, function(txn) txn:done({ status = 204, body = "x" }) end)
    ]])
    local r = h:action("a")
    assert.same({ 999, "Other" }, { r.reply.status, r.reply.reason })
    assert.same({ "content-length: 0" }, testing.header_set(r.reply.headers))
    assert.equal(200, h:action("b").reply.status)
    r = h:action("c")
    assert.same({ 204, "" }, { r.reply.status, r.reply.body })
    assert.same({}, r.reply.headers)
  end)

  it("txn:done() without reply closes the connection", function()
    local h = state([[core.register_action("a", {"http-req"}, function(txn) txn:done() end)]])
    local r = h:action("a")
    assert.is_true(r.closed)
    assert.is_nil(r.reply)
  end)

  it("pcall catches txn:done as the integer 6", function()
    local out = with_txn("return pcall(txn.done, txn, 'x')")
    assert.same({ false, 6 }, { out[1], out[2] })
  end)

  it("reply refuses TCP streams", function()
    assert.equal("txn object is not an HTTP transaction.", errtext("txn:reply()", { mode = "tcp" }, "tcp-req"))
  end)
end)

describe("actions", function()
  local h = state([[
    for _, c in ipairs({ "CONTINUE", "STOP", "YIELD", "ERROR", "DONE", "DENY", "ABORT", "INVALID" }) do
      core.register_action("r_" .. c, {"http-req", "http-res"}, function(txn) return act[c] end)
    end
    core.register_action("r_str", {"http-req"}, function() return "5" end)
    core.register_action("r_true", {"http-req"}, function() return true end)
    core.register_action("r_99", {"http-req"}, function() return 99 end)
    core.register_action("r_done", {"http-req"}, function() core.done(act.DENY) after = 1 end)
    core.register_action("r_err", {"http-req"}, function() error("aboom") end)
    core.register_action("args", {"http-req"}, function(txn, a, b) got = { a, b } end, 2)
    core.register_action("wake", {"http-req"}, function(txn)
      calls = (calls or 0) + 1
      if calls < 3 then act.wake_time(100) return act.YIELD end
    end)
    core.register_action("sleepy", {"http-req"}, function(txn)
      local t0 = core.now()
      core.msleep(1500)
      local t1 = core.now()
      slept = (t1.sec - t0.sec) * 1000 + (t1.usec - t0.usec) // 1000
    end)
  ]])

  it("map return codes to what the client sees in http-request", function()
    local function v(name) local r = h:action(name, { env = "http-req" }) return r.verdict, r.reply and r.reply.status end
    assert.same({ "continue" }, { v("r_CONTINUE") })
    assert.same({ "stop" }, { v("r_STOP") })
    assert.same({ "error", 500 }, { v("r_ERROR") })
    assert.same({ "done" }, { v("r_DONE") })
    assert.same({ "deny", 403 }, { v("r_DENY") })
    assert.same({ "abort", 503 }, { v("r_ABORT") })
    assert.same({ "invalid", 400 }, { v("r_INVALID") })
    assert.same({ "deny", 403 }, { v("r_str") })
    assert.same({ "continue" }, { v("r_true") })
    assert.same({ "continue" }, { v("r_99") })
    local r = h:action("r_YIELD", { env = "http-req" })
    assert.same({ "yield", true }, { r.verdict, r.stalled })
  end)

  it("map return codes in http-response (DENY gives 200, 2.6 quirk)", function()
    local function v(name)
      local r = h:action(name, { env = "http-res", response = { status = 200 } })
      return r.verdict, r.reply and r.reply.status
    end
    assert.same({ "error", 500 }, { v("r_ERROR") })
    assert.same({ "deny", 200 }, { v("r_DENY") })
    assert.same({ "abort" }, { v("r_ABORT") })
    assert.same({ "invalid", 502 }, { v("r_INVALID") })
  end)

  it("sends HAProxy's own error pages", function()
    local r = h:action("r_DENY", { env = "http-req" })
    assert.equal("<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n", r.reply.body)
    assert.same({ "cache-control: no-cache", "content-length: 93", "content-type: text/html" },
      testing.header_set(r.reply.headers))
  end)

  it("core.done(v) makes v the action code", function()
    local r = h:action("r_done")
    assert.equal("deny", r.verdict)
    assert.is_nil(h.env.after)
  end)

  it("logs errors and continues", function()
    local r = h:action("r_err")
    assert.equal("continue", r.verdict)
    assert.matches("^%[state%-id 0%] runtime error: script%.lua:%d+: aboom from %[C%]: in global 'error', script%.lua:%d+: in function line %d+$", r.error)
    assert.matches("^Lua function 'r_err': %[state%-id 0%] runtime error: .*%.$", r.logs[1].msg)
  end)

  it("receives exactly nb_args string arguments", function()
    h:action("args", nil, "one", 2)
    assert.same({ "one", "2" }, h.env.got)
    local ok, err = pcall(h.action, h, "args", nil, "one")
    assert.is_false(ok)
    assert.matches("expect 2 arguments%.$", err)
    err = select(2, pcall(h.action, h, "args", nil, "a", "b", "three"))
    assert.matches("expects either 'if' or 'unless' followed by a condition but found 'three'%.$", err)
  end)

  it("re-runs a YIELD after act.wake_time", function()
    local r = h:action("wake")
    assert.equal(3, r.runs)
    assert.equal("continue", r.verdict)
  end)

  it("sleeps on the virtual clock", function()
    h:action("sleepy")
    assert.is_true(h.env.slept >= 1500 and h.env.slept < 1600)
  end)
end)

describe("registered fetches and converters", function()
  local h = state([[
    core.register_fetches("f_str", function() return "s" end)
    core.register_fetches("f_int", function() return 42 end)
    core.register_fetches("f_int3", function() return 3.0 end)
    core.register_fetches("f_float", function() return 4.7 end)
    core.register_fetches("f_true", function() return true end)
    core.register_fetches("f_nil", function() return nil end)
    core.register_fetches("f_tab", function() return {} end)
    core.register_fetches("f_none", function() end)
    core.register_fetches("f_multi", function() return "a", "b" end)
    core.register_fetches("f_args", function(txn, ...) return table.concat({ ... }, "|") end)
    core.register_fetches("f_done", function() core.done("val") return "no" end)
    core.register_fetches("f_done0", function() core.done() end)
    core.register_fetches("f_txndone", function(txn) txn:done() end)
    core.register_fetches("f_sleep", function() core.msleep(10) return 1 end)
    core.register_fetches("f_yield", function() core.yield() return "y" end)
    core.register_converters("c_in", function(s, ...) return type(s) .. ":" .. s .. ":" .. select("#", ...) end)
    core.register_converters("c_sleep", function(s) core.sleep(1) return s end)
  ]])

  it("turn Lua return values into samples as 2.6", function()
    local function f(n) local r = h:fetch(n) return r.sample and r.sample.t, r.text end
    assert.same({ "str", "s" }, { f("f_str") })
    assert.same({ "sint", "42" }, { f("f_int") })
    assert.same({ "sint", "3" }, { f("f_int3") })
    assert.same({ "sint", "0" }, { f("f_float") })
    assert.same({ "bool", "1" }, { f("f_true") })
    assert.same({ "bool", "0" }, { f("f_nil") })
    assert.same({ "bool", "0" }, { f("f_tab") })
    assert.same({ nil, "" }, { f("f_none") })
    assert.same({ "str", "b" }, { f("f_multi") })
    assert.equal("a|1||b c", h:fetch("f_args", nil, "a", "1", "", "b c").text)
    assert.equal("val", h:fetch("f_done").text)
    assert.same({ "bool", "0" }, { f("f_done0") })
    assert.same({ "bool", "0" }, { f("f_txndone") })
  end)

  it("fail sleeps with 'yield not allowed' and tolerate core.yield", function()
    local r = h:fetch("f_sleep")
    assert.is_nil(r.sample)
    assert.equal("Lua sample-fetch 'f_sleep': yield not allowed.", r.logs[1].msg)
    assert.equal("y", h:fetch("f_yield").text)
    local c = h:converter("c_sleep", "x")
    assert.is_nil(c.sample)
    assert.equal("Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.",
      c.logs[1].msg)
  end)

  it("give converters a string input and string arguments", function()
    assert.equal("string:7:2", h:converter("c_in", 7, "a", 1).text)
    assert.equal("string:1:0", h:converter("c_in", true).text)
  end)
end)

describe("logs from TXN", function()
  it("log at the documented levels; deflog at emerg unless set_loglevel", function()
    local out, r = with_txn([[
      txn:Info("i") txn:Debug("d") txn:Warning("w") txn:Alert("a") txn:log(core.notice, 42)
      txn:deflog("def")
      txn:set_loglevel(core.err)
      txn:deflog("def2")
      local ok, e = pcall(function() txn:set_loglevel(9) end)
      local ok2, e2 = pcall(function() txn:set_priority_class("x") end)
      txn:set_tos(1) txn:set_mark(2) txn:set_priority_class(99999) txn:set_priority_offset(-1)
      return e, e2
    ]])
    local lv = {}
    for _, l in ipairs(r.logs) do lv[#lv + 1] = l.level .. ":" .. l.msg end
    assert.same({ "6:i", "7:d", "4:w", "1:a", "5:42", "0:def", "3:def2" }, lv)
    assert.matches("bad argument #1 to 'set_loglevel' %(Bad log level%. It must be between 0 and 7%)$", out[1])
    assert.matches("bad argument #1 to 'set_priority_class' %(number expected, got string%)$", out[2])
  end)
end)

describe("services", function()
  local h = state([[
    core.register_service("echo", "http", function(applet)
      local t = { applet.method, applet.version, applet.path, applet.qs, applet.length,
                  applet.headers["x-a"][0], tostring(applet) }
      local line = applet:getline()
      local three = applet:receive(3)
      local line2 = applet:getline()
      local rest = applet:receive()
      local again = applet:receive()
      applet:set_status(201, "Made It")
      applet:add_header("X-Info", table.concat(t, "|"))
      applet:add_header("x-n", 5)
      applet:start_response()
      applet:send(line .. three .. line2 .. rest .. again)
      sent = applet:send("")
    end)
    core.register_service("cl", "http", function(applet)
      applet:add_header("content-length", "5")
      applet:start_response()
      applet:send("hello")
    end)
    core.register_service("nostart", "http", function(applet) end)
    core.register_service("early", "http", function(applet) applet:send("x") end)
    core.register_service("boom", "http", function(applet)
      applet:start_response() applet:send("partial\n") error("late") end)
    core.register_service("badstatus", "http", function(applet)
      st = { applet:set_status(99), applet:set_status(1000) }
      applet:start_response()
    end)
    core.register_service("tcp", "tcp", function(applet)
      local l = applet:getline()
      local a = applet:receive(3)
      local rest = applet:receive()
      applet:send(l .. "|" .. a .. "|" .. rest .. "|" .. applet:receive() .. "|" .. applet:getline())
      tcp_name = tostring(applet)
    end)
    core.register_service("tcp_http_fetch", "tcp", function(applet)
      local ok, e = pcall(function() return applet.f:path() end)
      ferr = e
      src = applet.f:src()
    end)
  ]])

  it("AppletHTTP sees the raw request and answers chunked", function()
    local r = h:service("echo", { method = "POST", path = "/a%20b/./c/../d", query = "x=%41&y",
      headers = { "X-A: 1" }, body = "line1\nabcline2\nrest!" })
    assert.equal(201, r.status)
    assert.equal("Made It", r.reason)
    local info = testing.header_map(r.headers)["x-info"]
    assert.equal("POST|HTTP/1.1|/a%20b/./c/../d|x=%41&y|20|1|HAProxy class AppletHTTP", info)
    assert.equal("line1\nabcline2\nrest!", r.body)
    assert.equal(0, h.env.sent)
    assert.is_true(r.chunked)
    assert.equal("transfer-encoding: chunked", testing.header_set(r.headers)[1])
    assert.matches("^HTTP/1%.1 201 Made It\r\n", r.wire)
    assert.matches("\r\n\r\n14\r\nline1\nabcline2\nrest!\r\n0\r\n\r\n$", r.wire)
  end)

  it("keeps a declared content-length and does not chunk; HTTP/1.0 gets no chunks", function()
    local r = h:service("cl", {})
    assert.is_nil(r.chunked)
    assert.equal("hello", r.body)
    r = h:service("echo", { version = "1.0", headers = { "X-A: 1" } })
    assert.is_nil(r.chunked)
    assert.equal("1.0", r.version)
  end)

  it("answers 500 when nothing was started, and errors like 2.6", function()
    local r = h:service("nostart")
    assert.equal(500, r.status)
    assert.equal("<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n", r.body)
    r = h:service("early")
    assert.equal(500, r.status)
    assert.matches("Lua: 'send' you must call start_response%(%) before sending data%.", r.error)
    assert.matches("^Lua applet http '<lua%.early>': ", r.logs[1].msg)
    r = h:service("boom")
    assert.equal(200, r.status)
    assert.is_true(r.truncated)
    assert.equal("partial\n", r.body)
    assert.not_matches("0\r\n\r\n$", r.wire)
  end)

  it("refuses out-of-range status codes", function()
    local r = h:service("badstatus")
    assert.same({ false, false }, h.env.st)
    assert.equal(200, r.status)
  end)

  it("AppletTCP reads lines and sizes and sends bytes", function()
    local r = h:service("tcp", { input = "first line\nabcREST" })
    assert.equal("first line\n|abc|REST||", r.output)
    assert.equal("HAProxy class AppletTCP", h.env.tcp_name)
  end)

  it("refuses HTTP fetches from a service but allows L4 ones", function()
    h:service("tcp_http_fetch", {})
    assert.matches("the sample%-fetch 'path' needs an HTTP parser which is not available in Lua services$", h.env.ferr)
    assert.equal("127.0.0.1", h.env.src)
  end)
end)

describe("tasks and cli", function()
  it("runs tasks interleaved on the virtual clock", function()
    local h = state([[
      order = {}
      core.register_task(function() order[#order+1] = "t1a" core.sleep(1) order[#order+1] = "t1b" end)
      core.register_task(function() order[#order+1] = "t2" end)
      core.register_task(function() error("taskboom") end)
    ]])
    h:run_tasks()
    assert.same({ "t1a", "t2", "t1b" }, h.env.order)
    local found
    for _, l in ipairs(h:logs()) do
      if l.msg:match("^Lua task: %[state%-id 0%] runtime error: script%.lua:%d+: taskboom from") then found = true end
    end
    assert.is_true(found)
  end)

  it("passes every CLI word and adds an empty line", function()
    local h = state([[core.register_cli({"hello"}, "say hello", function(applet, ...)
      applet:send("args:" .. table.concat({ ... }, ",") .. "\n") end)]])
    assert.equal("args:hello,a,b\n\n", h:cli("hello a b"))
  end)
end)

describe("less common keywords (values checked live)", function()
  it("read Authorization headers", function()
    local out = with_txn([[local f = txn.f
      return f:http_auth_pass(), f:http_auth_user(), f:http_auth_type(), f:http_auth_bearer()]],
      { headers = { "Authorization: basic YWxpY2U6c2VjcmV0" } })
    assert.same({ "secret", "alice", "Basic" }, { out[1], out[2], out[3] })
    out = with_txn("return txn.f:http_auth_type(), txn.f:http_auth_bearer()",
      { headers = { "Authorization: Bearer tok123" } })
    assert.same({ "Bearer", "tok123" }, { out[1], out[2] })
    out = with_txn("return txn.f:http_auth_type()", { headers = { "Authorization: Basic !!!" } })
    assert.is_nil(out[1])
  end)

  it("query JSON and JWTs as mjson does", function()
    local out = with_txn([==[local c, j = txn.c, '{"a":{"b":[1,2.5,"x\\"y"]},"t":true,"n":null,"s":"\\u00e9","u":"\\u20ac"}'
      return c:json_query(j, "$.a.b[1]"), c:json_query(j, "$.a.b[0]", "int"), c:json_query(j, "$.a.b[2]"),
        c:json_query(j, "$.t"), c:json_query(j, "$.n"), c:json_query(j, "$.a"), c:json_query(j, "$.s"),
        c:json_query(j, "$.u")]==])
    assert.same({ "2.5", 1, 'x"y', 1, nil, nil, "\233", nil }, { table.unpack(out, 1, out.n) })
    local jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.x"
    out = with_txn("local j = '" .. jwt .. "' return txn.c:jwt_header_query(j, '$.alg'), "
      .. "txn.c:jwt_payload_query(j, '$.iat', 'int'), txn.c:jwt_header_query(j)")
    assert.same({ "HS256", 1516239022, nil }, { out[1], out[2], out[3] })
  end)

  it("convert bytes, hosts and items", function()
    local out = with_txn([[local c = txn.c
      txn:set_var("txn.v", "hello")
      return c:be2dec("\1\2\3\4\5", ",", 2), c:be2dec("\1\2\3\4\5", ",", 2, 1), c:be2hex("\1\2\3", ":", 1),
        c:hex(c:htonl(258)), c:host_only("[::1]:80"), c:port_only("example.com:8080"), c:port_only("x"),
        c:add_item("a", ",", "txn.v", "!"), c:add_item("", ",", "txn.v"), c:secure_memcmp("x", "txn.none"),
        c:ltrim("xxabxx", "x"), c:rtrim("xxabxx", "x"), c:cut_crlf("ab\r\ncd"), c:iif(0, "y", "n")]])
    assert.same({ "258,772,5", "258,772", "01:02:03", "00000102", "[::1]", 8080, 0, "a,hello!", "hello",
                  nil, "abxx", "xxab", "ab", "n" }, { table.unpack(out, 1, out.n) })
  end)

  it("have no url_port for an origin-form target", function()
    local out = with_txn("return txn.f:url_port()", { uri = "/p" })
    assert.is_nil(out[1])
    out = with_txn("return txn.f:url_port(), txn.f:url_ip()", { uri = "http://10.0.0.1:81/p" })
    assert.same({ 81, "10.0.0.1" }, { out[1], out[2] })
  end)
end)

describe("editor support files", function()
  local function read(name)
    local path = package.searchpath(name, package.path)
    local f = assert(io.open(path, "r"))
    local s = f:read("a")
    f:close()
    return s
  end

  it("the luacheck standard lists every global and core member", function()
    local std = require "proxylua.core_luacheck"
    local h = state()
    for _, g in ipairs({ "core", "act", "filter", "Map", "Regex", "CertCache" }) do
      local want = std.read_globals[g]
      assert.is_table(want, g)
      for k in pairs(h.env[g]) do assert.is_table(want.fields[k], g .. "." .. k) end
    end
  end)

  -- PROXYLUA_REGEN=1 rewrites the Fetches/Converters part of
  -- modules/core/core_types.lua from the emulation's keyword tables.
  local function regen()
    local S = require "proxylua.core.kw.samples"
    local function names(t)
      local o = {}
      for k in pairs(t) do o[#o + 1] = k end
      table.sort(o)
      return o
    end
    local out = { "---@class Fetches" }
    for _, n in ipairs(names(getmetatable(S.new_fetches({})).__index)) do
      out[#out + 1] = "---@field " .. n .. " fun(self: Fetches, ...: string|integer): any"
    end
    out[#out + 1] = "\n---@class Converters"
    for _, n in ipairs(names(getmetatable(S.new_converters({})).__index)) do
      out[#out + 1] = "---@field " .. n .. " fun(self: Converters, input: any, ...: string|integer): any"
    end
    local path = "modules/core/core_types.lua"
    local f = assert(io.open(path, "rb"))
    local text = f:read("a")
    f:close()
    text = text:sub(1, text:find("---@class Fetches", 1, true) - 1) .. table.concat(out, "\n") .. "\n"
    f = assert(io.open(path, "wb"))
    f:write(text)
    f:close()
  end

  it("the LuaLS annotations cover core and every fetch and converter method", function()
    if os.getenv("PROXYLUA_REGEN") == "1" then regen() end
    local text = read("proxylua.core_types")
    local h = state()
    for k, v in pairs(h.core) do
      if type(v) == "function" then assert.truthy(text:find("function core." .. k .. "(", 1, true), k) end
    end
    local S = require "proxylua.core.kw.samples"
    for k in pairs(getmetatable(S.new_fetches({})).__index) do
      assert.truthy(text:find("---@field " .. k .. " fun(self: Fetches", 1, true), k)
    end
    for k in pairs(getmetatable(S.new_converters({})).__index) do
      assert.truthy(text:find("---@field " .. k .. " fun(self: Converters", 1, true), k)
    end
  end)
end)

describe("require 'proxylua.core' in a plain Lua process", function()
  it("installs the emulated globals once and logs to stderr", function()
    local lua = "lua" .. _VERSION:match("%d+%.%d+") -- the interpreter running this spec
    local code = [[local c = require "proxylua.core"
      print(c == core, require("proxylua.core") == c, type(act), type(Map), type(Regex), core.thread)
      core.Info("hello")]]
    local p = io.popen(string.format("%s -e %q 2>&1", lua, code))
    local out = p:read("a")
    p:close()
    assert.matches("^true\ttrue\ttable\ttable\ttable\t0\n", out)
    assert.matches("\n%[info%] %d%d%d/%d%d%d%d%d%d %(%d+%) : hello\n$", out)
  end)
end)
