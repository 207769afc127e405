-- The harness emulating HAProxy 2.8, 3.0 and 3.2 (docs/versions.md): each
-- API exists from the version that added it on, fails as a missing field
-- before, and answers what the live versions answered.
local testing = require "proxylua.testing"

local function load(code, ver, opts)
  opts = opts or {}
  opts.haproxy, opts.quiet = ver, true
  return testing.load_string(code, opts)
end

-- Results of `expr` evaluated in a fresh load of `ver`, in the body; an
-- error's text comes without its position.
local function body(ver, expr, opts)
  local h = load("R = table.pack(pcall(function() return " .. expr .. " end))", ver, opts)
  local r = h.env.R
  if not r[1] and type(r[2]) == "string" then r[2] = r[2]:gsub("^[^\n]-:%d+: ", "") end
  return r
end

-- A fresh directory holding files { name = content }; returns its path.
local function tmpdir(files)
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir " .. dir))
  for name, content in pairs(files) do
    local f = assert(io.open(dir .. "/" .. name, "w"))
    f:write(content)
    f:close()
  end
  return dir
end

describe("choosing the version", function()
  after_each(function() testing.default_version = nil end)

  it("defaults to 2.6, takes opts.haproxy and testing.default_version", function()
    assert.is_nil(body(nil, "core.queue")[2])
    assert.equal("function", type(body("2.8", "core.queue")[2]))
    testing.default_version = "3.2"
    assert.equal("function", type(body(nil, "core.wait")[2]))
    assert.is_nil(body("2.6", "core.wait")[2]) -- opts.haproxy wins
  end)

  it("refuses a version it does not emulate", function()
    for _, v in ipairs({ "2.4", "2.7", "2.9", "3.1", "3.3", "three" }) do
      assert.has_error(function() load("", v) end, "haproxy version '" .. v .. "': the harness emulates "
        .. "HAProxy 2.6, 2.8, 3.0, 3.2 (a branch such as \"3.2\", or a release of one)")
    end
    -- a release of a supported branch, or its -v line, or the number
    assert.equal(302, load("", "3.2.0").rt.version)
    assert.equal(208, load("", "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/").rt.version)
    assert.equal(300, load("", 300).rt.version)
  end)
end)

describe("core names per version", function()
  local NAMES = { queue = "2.8", event_sub = "2.8", disable_legacy_mailers = "2.8", get_var = "3.0",
                  silent = "3.0", wait = "3.2", get_patref = "3.2" }
  for name, since in pairs(NAMES) do
    it("core." .. name .. " from " .. since .. " on", function()
      for _, ver in ipairs(testing.versions) do
        local v = body(ver, "core." .. name)[2]
        if ver >= since then assert.is_not_nil(v, ver) else assert.is_nil(v, ver) end
      end
    end)
  end

  it("a missing function fails as a missing field", function()
    local r = body("2.8", "core.wait(1)")
    assert.is_false(r[1])
    assert.matches("attempt to call a nil value %(field 'wait'%)", r[2])
  end)

  it("core.silent is -1; core.get_var reads proc variables only", function()
    assert.equal(-1, body("3.0", "core.silent")[2])
    assert.equal("pval", body("3.0", "core.get_var('proc.pv')", { proc_vars = { pv = "pval" } })[2])
    assert.equal("'get_var': Only 'proc.' scope allowed to be retrieved in 'core.get_var()'.",
      body("3.0", "core.get_var('txn.x')")[2])
    assert.equal("'get_var' needs 1 arguments", body("3.2", "core.get_var()")[2])
  end)

  it("core.proxies is nil in a 2.6 body, an empty table from 2.8 on", function()
    assert.is_nil(body("2.6", "core.proxies")[2])
    assert.same({}, body("2.8", "core.proxies")[2])
  end)
end)

describe("register_task arguments", function()
  it("2.6 takes the function alone", function()
    assert.equal("'register_task' needs 1 arguments",
      body("2.6", "core.register_task(function() end, 1)")[2])
  end)

  it("2.8+ passes up to four arguments, with HAProxy's texts past that", function()
    local h = load([[core.register_task(function(...) got = table.pack(...) end, "a", 2, true)]], "2.8")
    h:run_tasks()
    assert.same({ n = 3, "a", 2, true }, h.env.got)
    assert.equal("register_task: no more that 4 optional arguments may be provided",
      body("3.0", "core.register_task(function() end, 1, 2, 3, 4, 5)")[2])
    assert.equal("register_task: <func> argument is required",
      body("3.2", "core.register_task()")[2])
  end)
end)

describe("Queue, core.wait and alarms", function()
  it("push/pop/size, and nil refused", function()
    local r = body("2.8", "(function() local q = core.queue() q:push(1) q:push('two') "
      .. "return q:size(), q:pop(), q:pop(), q:pop(), q:size() end)()")
    assert.same({ true, 2, 1, "two", nil, 0, n = 6 }, r)
    assert.equal("unexpected argument", body("2.8", "core.queue():push(nil)")[2])
  end)

  it("3.2: a task waiting with Queue:alarm() and core.wait() wakes on a push", function()
    local h = load([[
      local q = core.queue()
      core.register_task(function() q:alarm() core.wait(3000) got = q:pop() end)
      core.register_task(function() core.msleep(100) q:push("pushed") end)
    ]], "3.2")
    h:run_tasks()
    assert.equal("pushed", h.env.got)
  end)

  it("alarm is 3.2's; tostring shows a plain table before", function()
    assert.is_nil(body("3.0", "core.queue().alarm")[2])
    assert.equal("HAProxy class Queue", body("3.2", "tostring(core.queue())")[2])
    assert.matches("^table: ", body("3.0", "tostring(core.queue())")[2])
  end)
end)

describe("event subscriptions", function()
  it("return an EventSub that unsubscribes; unknown types are refused", function()
    local r = body("2.8", "(function() local s = core.event_sub({ 'SERVER_DOWN' }, function() end) "
      .. "return tostring(s), s:unsub() end)()")
    assert.equal("HAProxy class EventSub", r[2])
    assert.matches("'NOPE' event type is unknown", body("2.8", "core.event_sub({ 'NOPE' }, print)")[2])
  end)

  -- live 2.8.0 and 3.0.0: `bad argument #1 to '?' ('PAT_REF_ADD' event type
  -- is unknown)`; 3.2.0 accepts the PAT_REF family (and core's subscription
  -- never gets one: they are published on the pattern reference only)
  it("know the PAT_REF family from 3.2 on only", function()
    for _, ver in ipairs({ "2.8", "3.0" }) do
      for _, t in ipairs({ "PAT_REF_ADD", "PAT_REF" }) do
        assert.matches("'" .. t .. "' event type is unknown",
          body(ver, "core.event_sub({ '" .. t .. "' }, print)")[2], 1, true)
      end
    end
    assert.equal("HAProxy class EventSub", tostring(body("3.2", "core.event_sub({ 'PAT_REF_ADD' }, print)")[2]))
  end)

  -- What 2.8.0 and 3.2.0 delivered live (spec/golden/<ver>/versions_haproxy.lua)
  it("fire when a Server method changes the server's state, the server's own first", function()
    for _, ver in ipairs({ "2.8", "3.2" }) do
      local h = load([[
        got = {}
        local function note(tag)
          return function(ev, data, sub, when)
            got[#got + 1] = { tag, ev, data.name, data.proxy_name, data.puid, data.rid,
                              data.reference:get_name(), tostring(sub), math.type(when),
                              data.state and data.state.new_state, data.state and data.state.cause,
                              data.admin and data.admin.new_admin.FMAINT }
          end
        end
        local all = core.event_sub({ "SERVER" }, note("core"))
        core.register_task(function()
          local sv = core.backends.be.servers.s1
          local one = sv:event_sub({ "SERVER_DOWN" }, note("server"))
          sv:set_maint()
          sv:set_maint()   -- no change, no event
          core.msleep(10)
          sv:set_ready()
          core.msleep(10)
          one:unsub()
          sv:check_force_down()
          core.msleep(10)
          all:unsub()
          sv:check_force_up()
        end)
      ]], ver, { proxies = { be = { cap = "backend", servers = { s1 = { addr = "127.0.0.1:1" } } } } })
      h:run_tasks()
      local S = "HAProxy class EventSub"
      assert.same({
        { "core", "SERVER_ADMIN", "s1", "be", 1, 0, "s1", S, "integer", nil, nil, true },
        { "server", "SERVER_DOWN", "s1", "be", 1, 0, "s1", S, "integer" },
        { "core", "SERVER_DOWN", "s1", "be", 1, 0, "s1", S, "integer" },
        { "core", "SERVER_STATE", "s1", "be", 1, 0, "s1", S, "integer", "STOPPED", "" },
        { "core", "SERVER_ADMIN", "s1", "be", 1, 0, "s1", S, "integer", nil, nil, false },
        { "core", "SERVER_UP", "s1", "be", 1, 0, "s1", S, "integer" },
        { "core", "SERVER_STATE", "s1", "be", 1, 0, "s1", S, "integer", "RUNNING", "" },
        { "core", "SERVER_DOWN", "s1", "be", 1, 0, "s1", S, "integer" },
        { "core", "SERVER_STATE", "s1", "be", 1, 0, "s1", S, "integer", "STOPPED", "changed from Lua script" },
      }, h.env.got, ver)
    end
  end)
end)

describe("Proxy and Server from 2.8 on", function()
  local function PROXIES() return { be = { cap = "backend", servers = { s1 = { addr = "127.0.0.1:1" } } } } end
  local SCRIPT = [[
    core.register_init(function()
      local be = core.backends.be
      local sv = be.servers.s1
      r = { be:get_name(), be:get_uuid(), be:get_srv_act(), be:get_srv_bck(), sv:get_name(),
            sv:get_puid(), sv:get_rid(), sv:is_backup(), sv:is_dynamic(), sv:get_proxy():get_name(),
            sv:is_draining(), be.name, sv.puid }
      sv:set_drain()
      drained = sv:is_draining()
    end)
  ]]

  it("have getters, a boolean is_draining and warn once on the old attributes", function()
    local h = load(SCRIPT, "2.8", { proxies = PROXIES() })
    assert.same({ "be", "2", 1, 0, "s1", "1", "0", false, false, "be", false, "be", "1" }, h.env.r)
    assert.is_true(h.env.drained)
    local warned = {}
    for _, l in ipairs(h:logs()) do
      if l.source == "warning" then warned[#warned + 1] = l.msg:match("^(.-instead)") end
    end
    assert.same({
      "hlua: use of proxy 'name' attribute is deprecated and will eventually be removed, please use get_name() function instead",
      "hlua: use of server 'puid' attribute is deprecated and will eventually be removed, please use get_puid() function instead",
    }, warned)
  end)

  it("2.6 has neither the getters nor the warning", function()
    local h = testing.load_string([[
      core.register_init(function() r = { core.backends.be.get_name, core.backends.be.servers.s1:is_draining() } end)
    ]], { proxies = PROXIES() })
    assert.same({ nil, 0 }, h.env.r)
  end)
end)

describe("Patref (3.2)", function()
  it("edits a map's reference, in transactions too", function()
    local dir = tmpdir({ ["p.map"] = "k1 v1\nk3 v3\n" })
    local file = dir .. "/p.map"
    local h = load(string.format([[
      local path = %q
      core.register_init(function()
        local ref = core.get_patref(path)
        local m = Map.new(path, Map._str)
        r = { ref:is_map(), ref:add("k2", "v2"), ref:set("k1", "v1b"), ref:del("k3"), ref:del("nope"),
              m:lookup("k1"), m:lookup("k2"), m:lookup("k3") }
        ref:prepare()
        ref:add("k9", "v9")
        before = m:lookup("k9")
        ref:commit()
        after = m:lookup("k9")
        ref:purge()
        purged = m:lookup("k1")
        ok, err = pcall(core.get_patref, "nope.map")
      end)
    ]], file), "3.2", { maps = { [file] = true } })
    os.execute("rm -rf " .. dir)
    assert.same({ true, true, true, true, false, "v1b", "v2" }, h.env.r)
    assert.is_nil(h.env.before)
    assert.equal("v9", h.env.after)
    assert.is_nil(h.env.purged)
    assert.matches("'get_patref': unknown pattern reference 'nope.map'", h.env.err)
  end)
end)

describe("Patref events and generations (3.2)", function()
  -- Every expected value below is what 3.2.0 answered live to the same
  -- calls (a task editing a two-entry map, a subscription printing what it
  -- got; docs/versions.md §2, 3.2).
  local function run(steps)
    local dir = tmpdir({ ["m.map"] = "k1 v1\nk2 v2\n" })
    local file = dir .. "/m.map"
    local h = load(string.format([[
      local path = %q
      out, got = {}, {}
      local m = Map.new(path, Map._str)
      core.register_task(function()
        local pr = core.get_patref(path)
        local function cb(tag)
          return function(e, a, b, c)
            got[#got + 1] = table.concat({ tag, e, tostring(a), math.type(b) or type(b), type(c) }, " ")
          end
        end
        pr:event_sub({ "PAT_REF_ADD", "PAT_REF_SET", "PAT_REF_DEL", "PAT_REF_COMMIT", "PAT_REF_CLEAR" }, cb("sub"))
        pr:event_sub({ "PAT_REF" }, cb("fam"))
        core.event_sub({ "PAT_REF_ADD" }, cb("core"))
        local function L() return (m:lookup("k1") or "-") .. "," .. (m:lookup("k2") or "-") .. "," .. (m:lookup("t") or "-") end
        %s
      end)
    ]], file, steps), "3.2", { maps = { [file] = true } })
    h:run_tasks()
    os.execute("rm -rf " .. dir)
    return h.env.out, h.env.got
  end

  it("are delivered to the reference's subscriptions, the latest first, as (event, sub, when)", function()
    local out, got = run([[
      out[#out + 1] = tostring(pr:add("k3", "v3"))
      out[#out + 1] = tostring(pr:set("k1", "x"))
      out[#out + 1] = table.concat({ tostring(pr:set("zz", "x")) , select(2, pr:set("zz", "x")) }, " ")
      out[#out + 1] = tostring(pr:del("k2"))
      out[#out + 1] = tostring(pr:del("nope"))
      out[#out + 1] = tostring(pr:add_bulk({ b1 = "1" }))
      out[#out + 1] = tostring(pr:purge())
      out[#out + 1] = L()
    ]])
    assert.same({ "true", "true", "nil entry not found", "true", "false", "true", "true", "-,-,-" }, out)
    local E = " HAProxy class EventSub integer nil"
    assert.same({ "fam PAT_REF_ADD" .. E, "sub PAT_REF_ADD" .. E, "fam PAT_REF_SET" .. E, "sub PAT_REF_SET" .. E,
                  "fam PAT_REF_DEL" .. E, "sub PAT_REF_DEL" .. E, "fam PAT_REF_ADD" .. E, "sub PAT_REF_ADD" .. E,
                  "fam PAT_REF_CLEAR" .. E, "sub PAT_REF_CLEAR" .. E }, got)
  end)

  it("a transaction builds the whole new content; only its del and the commit publish", function()
    local out, got = run([[
      pr:prepare()
      out[#out + 1] = tostring(pr:del("k1"))          -- not in the new generation
      out[#out + 1] = tostring(pr:set("k2", "X"))
      out[#out + 1] = tostring(pr:add("t", "T"))
      out[#out + 1] = tostring(pr:set("t", "T1"))
      out[#out + 1] = tostring(pr:add("u", "U"))
      out[#out + 1] = tostring(pr:del("u"))
      out[#out + 1] = L()
      out[#out + 1] = tostring(pr:commit())
      out[#out + 1] = L()
      out[#out + 1] = tostring(pr:add("t", "T2"))     -- a duplicate: the first still answers
      out[#out + 1] = L()
      out[#out + 1] = table.concat({ tostring(pr:commit()), select(2, pr:commit()) }, " ")
      pr:prepare(); pr:add("k1", "n"); pr:giveup()
      pr:add("k2", "g")                                -- still in the given-up generation
      out[#out + 1] = L()
      out[#out + 1] = tostring(pr:commit())
      out[#out + 1] = L()
    ]])
    assert.same({ "false", "nil", "true", "true", "true", "true", "v1,v2,-", "true", "-,-,T1", "true", "-,-,T1",
                  "nil Nothing to do", "-,-,T1", "true", "-,g,-" }, out)
    local E = " HAProxy class EventSub integer nil"
    assert.same({ "fam PAT_REF_DEL" .. E, "sub PAT_REF_DEL" .. E, "fam PAT_REF_COMMIT" .. E, "sub PAT_REF_COMMIT" .. E,
                  "fam PAT_REF_ADD" .. E, "sub PAT_REF_ADD" .. E, "fam PAT_REF_COMMIT" .. E, "sub PAT_REF_COMMIT" .. E }, got)
  end)

  -- live 3.2.0: `bad argument #-2 to '?' (string expected, got number)`
  -- (through pcall), then the next edit of the reference hangs
  it("add_bulk with a list on a map raises, and the next edit fails the test", function()
    local ok, err = pcall(run, [[
      out[1] = select(2, pcall(pr.add_bulk, pr, { "x1" }))
      pr:add("k9", "9")
    ]])
    assert.is_false(ok)
    assert.matches("HAProxy 3.2.0 left the reference locked and never returns here", err, 1, true)
  end)
end)

describe("tune.lua.burst-timeout (2.8+)", function()
  -- Live: 2.8.0 with the default (1 s) stops a sample fetch spinning 1.5 s
  -- with `Lua sample-fetch 'spin': execution timeout.`; 3.2.0 with
  -- `tune.lua.burst-timeout 50` says `... burst timeout.` (and the same
  -- after about 1 s unset). The time counts from the last trip through the
  -- scheduler, so a forced yield starts it again (docs/versions.md §3).
  local SPIN = [[
    core.register_fetches("spin", function() while true do end end)
    core.register_action("a", { "http-req" }, function() while true do end end)
    core.register_action("caught", { "http-req" }, function()
      local ok = pcall(function() while true do end end)
      core.Info("went on " .. tostring(ok))
    end)
    core.register_action("busy", { "http-req" }, function()
      local x = 0
      for i = 1, 20000000 do x = x + i end
      core.Info("done " .. x)
    end)
  ]]

  -- 3.2 warns when bool-sample-conversion is unset: set it
  local function tn(ver, t)
    if ver == "3.2" then t.bool_sample_conversion = "normal" end
    return t
  end

  it("stops a fetch: execution timeout in 2.8 and 3.0, burst timeout in 3.2", function()
    for ver, text in pairs({ ["2.8"] = "execution timeout", ["3.0"] = "execution timeout", ["3.2"] = "burst timeout" }) do
      local h = load(SPIN, ver, { tune = tn(ver, { burst_timeout = "50ms" }) })
      local r = h:fetch("spin")
      assert.equal(text, r.error)
      assert.same({ "Lua sample-fetch 'spin': " .. text .. "." }, h:log_messages())
    end
  end)

  -- live 2.8.0 and 3.2.0 with tune.lua.forced-yield 1000000000 and
  -- burst-timeout 50: no timeout, the watchdog aborts the process
  it("is checked at forced yields only in code that may yield: none, and the watchdog kills", function()
    local h = load(SPIN, "3.2", { tune = tn("3.2", { burst_timeout = "50ms", forced_yield = false,
                                                     watchdog = "200ms" }) })
    local ok, err = pcall(h.action, h, "caught", {})
    assert.is_false(ok)
    assert.matches("HAProxy's watchdog would kill the process here", err, 1, true)
  end)

  it("starts again at each forced yield", function()
    local h = load(SPIN, "3.2", { tune = tn("3.2", { burst_timeout = "20ms", forced_yield = 1000 }) })
    h:action("busy", {})
    assert.same({ "done 200000010000000" }, h:log_messages())
  end)

  it("off (false): a fetch runs to session-timeout in 2.8+", function()
    local h = load(SPIN, "3.2", { tune = tn("3.2", { burst_timeout = false, session_timeout = "60ms" }) })
    assert.equal("execution timeout", h:fetch("spin").error)
  end)

  it("is unknown to 2.6; an unknown tune key is an error naming it", function()
    assert.has_error(function() load(SPIN, "2.6", { tune = tn("2.6", { burst_timeout = "1s" }) }) end,
      "tune.burst_timeout: HAProxy 2.6 has no tune.lua.burst-timeout (2.8 and later)")
    assert.has_error(function() load(SPIN, "3.2", { tune = tn("3.2", { burst = "1s" }) }) end,
      "tune.burst: unknown tune.lua setting (see proxylua.testing's opts.tune)")
  end)

  it("comes from the configuration", function()
    local dir = tmpdir({ ["s.lua"] = SPIN })
    local f = assert(io.open(dir .. "/h.cfg", "w"))
    f:write("global\n  tune.lua.burst-timeout 50\n  tune.lua.bool-sample-conversion normal\n  lua-load " .. dir .. "/s.lua\n")
    f:close()
    local h = testing.from_config(dir .. "/h.cfg", { haproxy = "3.2", quiet = true })
    os.execute("rm -rf " .. dir)
    assert.equal("burst timeout", h:fetch("spin").error)
  end)
end)

describe("transactions and replies", function()
  local SCRIPT = [[
    core.register_action("fc", { "http-req" }, function(txn) r = { txn.set_fc_tos, txn.set_fc_mark } end)
    core.register_action("r204", { "http-req" }, function(txn) txn:done(txn:reply({ status = 204, body = "ignored" })) end)
    core.register_action("hc", { "http-req" }, function(txn)
      local hc = core.httpclient()
      first = hc:get({ url = "http://127.0.0.1/" }).status
      ok, err = pcall(hc.get, hc, { url = "http://127.0.0.1/" })
    end)
    core.register_action("bool", { "http-req" }, function(txn) b = txn.f:always_true() end)
  ]]
  local function upstream() return { status = 200, headers = {}, body = "" } end

  it("TXN:set_fc_tos/set_fc_mark from 3.0 on", function()
    local h = load(SCRIPT, "2.8")
    h:action("fc")
    assert.same({}, h.env.r)
    h = load(SCRIPT, "3.0")
    h:action("fc")
    assert.equal("function", type(h.env.r[1]))
  end)

  it("a 204 on HTTP/1: nothing added (2.6, 2.8), connection: close (3.0), its dropped body's length (3.2)", function()
    local want = { ["2.6"] = {}, ["2.8"] = {}, ["3.0"] = { "connection: close" }, ["3.2"] = { "content-length: 7" } }
    for _, ver in ipairs(testing.versions) do
      local r = load(SCRIPT, ver):action("r204")
      assert.equal(204, r.reply.status)
      assert.equal("", r.reply.body)
      assert.same(want[ver], testing.header_set(r.reply.headers), ver)
    end
  end)

  it("one request per HTTPClient in 3.2", function()
    local h = load(SCRIPT, "3.0", { upstream = upstream })
    h:action("hc")
    assert.is_true(h.env.ok)
    h = load(SCRIPT, "3.2", { upstream = upstream })
    h:action("hc")
    assert.equal(200, h.env.first)
    assert.is_false(h.env.ok)
    assert.matches("httpclient instance cannot be reused. It must process at most one request", h.env.err)
  end)

  it("3.2: booleans stay integers unless tune.lua.bool-sample-conversion is normal, and it warns when unset", function()
    local h = load(SCRIPT, "3.2")
    h:action("bool")
    assert.equal(1, h.env.b)
    assert.matches('please set "tune.lua.bool-sample-conversion"', h:logs()[1].msg, 1, true)
    h = load(SCRIPT, "3.2", { tune = { bool_sample_conversion = "normal" } })
    h:action("bool")
    assert.is_true(h.env.b)
    assert.equal(0, #h:logs())
    assert.has_error(function() load(SCRIPT, "3.0", { tune = { bool_sample_conversion = "normal" } }) end)
  end)
end)

describe("applets", function()
  local SCRIPT = [[
    core.register_service("t", "tcp", function(applet)
      applet:send(tostring(applet:receive(3, 50)) .. "|" .. tostring(applet:try_receive()) .. "|")
    end)
    core.register_service("all", "tcp", function(applet) applet:send(applet:receive()) end)
    core.register_service("h", "http", function(applet)
      local b = applet:receive()
      applet:set_status(200)
      applet:start_response()
      applet:send(b)
    end)
  ]]

  it("3.2: receive(size, timeout) and try_receive()", function()
    assert.equal("hel|lo world|", load(SCRIPT, "3.2"):service("t", { input = { "hello world" } }).output)
  end)

  it("before 3.2 try_receive is missing and receive takes two arguments", function()
    local ok, err = pcall(function() return load(SCRIPT, "3.0"):service("t", { input = "hello" }) end)
    local out = ok and err.error or err
    assert.matches("The 'recv' function requires between 1 and 2 arguments.", tostring(out), 1, true)
  end)

  it("3.0/3.2: reading to the end of a closed stream fails the test (HAProxy never returns)", function()
    assert.equal("hi", load(SCRIPT, "2.8"):service("all", { input = "hi" }).output)
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local ok, err = pcall(function() return load(SCRIPT, ver):service("all", { input = "hi" }) end)
      assert.is_false(ok)
      assert.matches("AppletTCP:receive() at the end of the client's data: HAProxy " .. ver
        .. " never returns here", err, 1, true)
    end
  end)

  -- live (a fresh process per connection, a TCP service calling getline()
  -- twice): 2.6.12 and 2.8.0 answer "[hi\n][]" however the client closes;
  -- 3.0.0 and 3.2.0 never answer the second getline() when the close comes
  -- after the service started waiting (a close alone: nothing at all), and
  -- answer "[hi\n][]" only sometimes when "hi\n" and the close arrive
  -- together (a race). So both fail the test.
  it("getline() at the end of a closed stream: \"\" up to 2.8, fails the test in 3.0 and 3.2", function()
    local LINES = [[
      core.register_service("l", "tcp", function(applet)
        local a, b = applet:getline(), applet:getline()
        applet:send("[" .. a .. "][" .. b .. "]")
      end)
    ]]
    for _, ver in ipairs({ "2.6", "2.8" }) do
      assert.equal("[hi\n][]", load(LINES, ver):service("l", { input = "hi\n" }).output)
    end
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local ok, err = pcall(function() return load(LINES, ver):service("l", { input = "hi\n" }) end)
      assert.is_false(ok)
      assert.matches("AppletTCP:getline() at the end of the client's data: HAProxy " .. ver
        .. " never returns here", err, 1, true)
    end
  end)

  it("2.8.0: an HTTP service's receive() fails the test (HAProxy never returns)", function()
    assert.equal("body", load(SCRIPT, "3.0"):service("h", { method = "POST", body = "body" }).body)
    local ok, err = pcall(function() return load(SCRIPT, "2.8"):service("h", { method = "POST", body = "body" }) end)
    assert.is_false(ok)
    assert.matches("AppletHTTP:receive(): HAProxy 2.8 never returns here", err, 1, true)
  end)
end)

describe("HTTPMessage:set_body_len (3.2)", function()
  local SCRIPT = [[
    local F = { id = "f", flags = filter.FLT_CFG_FL_HTX }
    function F:new() return setmetatable({}, { __index = self }) end
    function F:http_headers(txn, msg)
      if msg:is_resp() then return end
      has = msg.set_body_len ~= nil
      if has then r = { msg:set_body_len(3), pcall(msg.set_body_len, msg, -1) } end
    end
    core.register_filter("f", F, function() end)
  ]]

  it("sets the length header in 3.2, is absent before", function()
    local h = load(SCRIPT, "3.2")
    local res = h:filter("f", { method = "POST", path = "/", body = "abc", headers = { "Transfer-Encoding: chunked" } })
    assert.is_true(h.env.has)
    assert.is_true(h.env.r[1])
    assert.is_false(h.env.r[2])
    assert.matches("expects a positive integer or the string 'chunked'", h.env.r[3])
    assert.same({ "content-length: 3" }, testing.header_set(res.request.headers, { "host" }))
    h = load(SCRIPT, "3.0")
    h:filter("f", { method = "POST", path = "/", body = "abc" })
    assert.is_false(h.env.has)
  end)
end)

describe("3.2's crash on the debug converter", function()
  it("fails the test where 3.2.0 dies; earlier versions answer", function()
    local code = [[core.register_action("d", { "http-req" }, function(txn) r = txn.c:debug("x") end)]]
    local h = load(code, "3.0")
    h:action("d")
    assert.equal("x", h.env.r)
    local ok, err = pcall(function() return load(code, "3.2"):action("d") end)
    assert.is_false(ok)
    assert.matches("txn.c:debug() from Lua: HAProxy 3.2 crashes here", err, 1, true)
  end)
end)

describe("registrations at runtime", function()
  -- live: 2.6.12 ignores them (register_init segfaults); 2.8.0, 3.0.0 and
  -- 3.2.0 raise once the arguments are counted; register_task works in all
  local function at_runtime(ver, call)
    local h = load('core.register_action("probe", { "http-req" }, function(txn)\n  ' .. call .. "\nend)", ver)
    local ok, r = pcall(h.action, h, "probe", {})
    if not ok then return "died", r end
    return r.logs[1] and r.logs[1].msg, h
  end

  it("2.6 ignores them, except register_init, which crashes it", function()
    local msg, h = at_runtime("2.6", 'core.register_fetches("late", function() return 1 end)')
    assert.is_nil(msg)
    assert.is_nil(h.rt.reg.fetches.late)
    local died, err = at_runtime("2.6", "core.register_init(function() end)")
    assert.equal("died", died)
    assert.equal("proxylua: core.register_init() called at runtime: HAProxy 2.6 crashes (segfault) here", err)
  end)

  it("2.8 and later raise 'not available outside of body context'", function()
    for _, ver in ipairs({ "2.8", "3.0", "3.2" }) do
      for _, call in ipairs({ 'register_action("late", { "http-req" }, function() end)',
          'register_fetches("late", function() return 1 end)', 'register_converters("late", function() end)',
          'register_service("late", "http", function() end)', "register_init(function() end)",
          'register_cli({ "late" }, "", function() end)', 'register_filter("late", {}, function() end)' }) do
        local name = call:match("^[%w_]+")
        assert.equal("Lua function 'probe': [state-id 0] runtime error: script.lua:2: " .. name
          .. ": not available outside of body context from [C]: in field '" .. name
          .. "', script.lua:2: in function line 1.", (at_runtime(ver, "core." .. call)), ver .. " " .. name)
      end
      -- the argument count is checked first
      assert.equal("Lua function 'probe': [state-id 0] runtime error: script.lua:2: 'register_action' needs "
        .. "between 3 and 4 arguments from [C]: in field 'register_action', script.lua:2: in function line 1.",
        (at_runtime(ver, "core.register_action(1)")))
      local msg, h = at_runtime(ver, "core.register_task(function() ran = true end)")
      assert.is_nil(msg)
      h:run_tasks(100)
      assert.is_true(h.env.ran)
    end
  end)

  it("txn:done(reply) caught by pcall: every version dies, the text names it", function()
    local code = [[core.register_action("a", {"http-req"}, function(txn)
      pcall(txn.done, txn, txn:reply({ status = 403 })) end)]]
    for _, ver in ipairs({ "2.8", "3.0", "3.2" }) do
      local h = load(code, ver)
      local ok, err = pcall(h.action, h, "a")
      assert.is_false(ok)
      assert.equal("proxylua: Lua function 'a': txn:done(reply) was caught by pcall and the action went on: "
        .. "HAProxy " .. ver .. " crashes here (the stream stalls, the watchdog kills the process)", err)
    end
  end)

  it("a built-in CLI command crashes every version at startup", function()
    for _, ver in ipairs({ "2.6", "3.2" }) do
      local ok, err = pcall(load, 'core.register_cli({ "show", "info" }, "x", function() end)', ver)
      assert.is_false(ok)
      assert.equal("proxylua: core.register_cli() of the built-in command 'show info': HAProxy " .. ver
        .. " crashes (segfault) at startup", err)
    end
  end)
end)

describe("lua-load arguments", function()
  local function args(n) local t = {} for i = 1, n do t[i] = tostring(i) end return t end
  local CODE = "N = select('#', ...)"

  it("2.6 ignores them; 2.8+ passes them; 62 at most in every version (live)", function()
    assert.equal(0, load(CODE, "2.6", { args = args(3) }).env.N)
    assert.equal(62, load(CODE, "2.8", { args = args(62) }).env.N)
    assert.equal(62, load(CODE, "3.2", { args = args(62) }).env.N)
    assert.equal(0, load(CODE, "2.6", { args = args(62) }).env.N)
    for _, ver in ipairs(testing.versions) do
      -- the words as HAProxy counts them: "lua-load", the file, 62 arguments
      assert.has_error(function() load(CODE, ver, { args = args(63), name = "s.lua" }) end,
        "config : parsing [lua-load]: too many words, truncating after word 64, position 190: <62>.")
    end
  end)
end)

describe("reason phrases", function()
  local CODE = [[core.register_action("st", { "http-req" }, function(txn, s)
    txn:done(txn:reply({ status = tonumber(s) })) end, 1)]]
  local function line(ver, code)
    return load(CODE, ver):action("st", {}, tostring(code)).reply.wire:match("^(.-)\r\n")
  end

  it("are HAProxy's own (live, the same in every version)", function()
    assert.equal("HTTP/1.1 504 Gateway Time-out", line("2.6", 504))
    assert.equal("HTTP/1.1 413 Request Entity Too Large", line("3.2", 413))
    assert.equal("HTTP/1.1 103 Informational", line("2.8", 103))
    assert.equal("HTTP/1.1 520 Web server is returning an unknown error", line("3.0", 520))
  end)

  it("but 302 is Moved Temporarily until 2.8 and Found from 3.0 (2.9) on", function()
    assert.equal("HTTP/1.1 302 Moved Temporarily", line("2.6", 302))
    assert.equal("HTTP/1.1 302 Moved Temporarily", line("2.8", 302))
    assert.equal("HTTP/1.1 302 Found", line("3.0", 302))
    assert.equal("HTTP/1.1 302 Found", line("3.2", 302))
  end)
end)

-- Where core.log lines go (live 2.8.0, 3.0.0, 3.2.0; docs/versions.md):
-- 2.9's tune.lua.log.stderr "auto" prints a line only when no logger took it.
describe("tune.lua.log.loggers and tune.lua.log.stderr", function()
  local SCRIPT = "core.Info('hello')"
  local function route(ver, opts)
    local h = load(SCRIPT, ver, opts)
    local r = h:logs({ level = 6 })[1]
    return { #h:logs({ printed = true, level = 6 }), #h:logs({ sent = true, level = 6 }), r.stderr, r.sent }
  end

  it("before 2.9 every line is printed and sent", function()
    assert.same({ 1, 1, true, true }, route("2.8", { loggers = true }))
    assert.same({ 1, 0, true, false }, route("2.6"))
    assert.has_error(function() load(SCRIPT, "2.8", { tune = { log_stderr = "on" } }) end,
      "tune.log_stderr: HAProxy 2.8 has no tune.lua.log.stderr (2.9 and later)")
  end)

  it("from 2.9 on, auto prints only what no logger took", function()
    for _, ver in ipairs({ "3.0", "3.2" }) do
      assert.same({ 1, 0, true, false }, route(ver))
      assert.same({ 0, 1, false, true }, route(ver, { loggers = true }))
      assert.same({ 1, 1, true, true }, route(ver, { loggers = true, tune = { log_stderr = "on" } }))
      assert.same({ 1, 0, true, false }, route(ver, { loggers = true, tune = { log_loggers = false } }))
      assert.same({ 0, 0, false, false }, route(ver, { tune = { log_stderr = "off" } }))
      -- core.* lines use the global loggers only
      assert.same({ 1, 0, true, false }, route(ver, { loggers = { proxy = true } }))
    end
  end)

  it("txn:log lines use their backend's loggers", function()
    local h = load("core.register_action('a', { 'http-req' }, function(txn) txn:Info('t') end)", "3.2",
                   { loggers = { proxy = true } })
    h:action("a", { path = "/" })
    local r = h:logs({ level = 6 })[1]
    assert.same({ "t", true, false }, { r.msg, r.sent, r.stderr })
  end)

  it("come from the configuration", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/t.lua", "w")) f:write(SCRIPT) f:close()
    f = assert(io.open(dir .. "/h.cfg", "w"))
    f:write("global\n    log 127.0.0.1:514 local0\n    tune.lua.log.stderr on\n    lua-load " .. dir
      .. "/t.lua\n")
    f:close()
    local h = testing.from_config(dir .. "/h.cfg", { haproxy = "3.2", quiet = true })
    os.execute("rm -r " .. dir)
    local r = h:logs({ level = 6 })[1]
    assert.same({ "hello", true, true }, { r.msg, r.sent, r.stderr })
  end)
end)
