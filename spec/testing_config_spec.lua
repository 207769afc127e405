-- testing.from_config (modules/testing/config.lua over cfgread.lua): a
-- harness from a real haproxy.cfg. spec/fixtures/config/app.cfg runs in
-- HAProxy 2.6 too (spec/integration/testing_config_haproxy_spec.lua), with
-- the same answers.
local testing = require "proxylua.testing"

local APP = "spec/fixtures/config/app.cfg"
local PROD = "spec/fixtures/config/prod.cfg"

local function from(path, opts)
  opts = opts or {}
  opts.quiet = true
  return testing.from_config(path, opts)
end

local function tmpcfg(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
  return path
end

local function cfg_error(text)
  local path = tmpcfg(text)
  local ok, err = pcall(from, path)
  os.remove(path)
  assert.is_false(ok)
  return (err:gsub(path:gsub("%p", "%%%0"), "t.cfg"))
end

describe("testing.from_config", function()
  local h = from(APP)

  it("loads every lua-load file into one state, in order, the per-thread ones per thread", function()
    assert.equal("first;second;", h.env.loaded)
    assert.equal(0, h.core.thread)
    assert.equal(2, #h.threads)                 -- nbthread 2
    assert.same({ 1, 2 }, { h.threads[1].core.thread, h.threads[2].core.thread })
    assert.is_nil(h.threads[1].env.loaded)      -- a state of its own
    assert.same({ "one", "two words" }, h.config.loads[1].args)
    assert.equal(APP .. ":15", h.config.loads[1].where)
  end)

  it("runs the http-request rules of a frontend in order, with set-var lines between", function()
    local r = h:rules("fe", "http-request", { path = "/api/x" })
    assert.equal("continue", r.verdict)
    assert.equal("label one:X!:gold:0", r.vars.txn.first)  -- 2.6 ignores lua-load arguments
    assert.equal("first;second;|mid|hello gold|eu-west|nil|Y!", r.vars.txn.second)
    local kinds = {}
    for _, s in ipairs(r.steps) do kinds[#kinds + 1] = s.rule.kind .. ":" .. (s.rule.name or s.rule.var) end
    assert.same({ "lua:first", "set-var:txn.between", "lua:second" }, kinds)
  end)

  it("gives the script the environment the configuration left, not this process's", function()
    assert.equal("gold", h.env.os.getenv("APP_TIER"))         -- setenv wins over a later presetenv
    assert.equal("hello gold", h.env.os.getenv("APP_GREETING")) -- expanded while reading
    assert.is_nil(h.env.os.getenv("APP_DROP"))                -- unsetenv
    assert.is_nil(os.getenv("APP_TIER"))
    assert.equal("2.6.12-1+deb12u4", h.env.os.getenv("HAPROXY_STARTUP_VERSION")) -- set by HAProxy
    assert.equal("peer1", from(APP, { localpeer = "peer1" }).env.os.getenv("HAPROXY_LOCALPEER"))
    assert.equal("t-gold", h:fetch("tier", {}, "t-").value)
  end)

  it("reads lua-prepend-path, tune.lua.* and the Lua fetches and converters proxies call", function()
    assert.equal(5000, h.rt.limits.forced_yield)
    assert.equal(2, h.rt.limits.session_timeout)
    assert.equal("spec/fixtures/config/lua/?.lua;", h.env.package.path:sub(1, 31))
    local s = h.config.proxies.fe.samples
    assert.same({ kind = "fetch", name = "tier", args = { "t-" }, where = APP .. ":31" }, s[1])
    assert.same({ kind = "converter", name = "shout", args = {}, where = APP .. ":31" }, s[2])
    assert.equal("T-GOLD!", h:converter("shout", h:fetch("tier", {}, "t-").value).value)
  end)

  it("runs backend rules (escaped arguments), response rules and use-service", function()
    local r = h:rules("be", "http-request", {})
    assert.equal("A B:X!:gold:0", r.vars.txn.first)
    local res = h:rules("be", "http-response", { response = { status = 200 } })
    assert.equal(7, res.vars.res.n)
    assert.matches("^first;second;|none|", res.vars.txn.second)
    local svc = h:rules("svc", "http-request", {})
    assert.equal("service", svc.verdict)
    assert.same({ 200, "hello from gold\n" }, { svc.service.status, svc.service.body })
  end)

  it("continues a transaction from the request rules to the response rules", function()
    local req = h:rules("fe", "http-request", { path = "/api" })
    req.tx:to_response({ status = 200 })
    local res = h:rules("be", "http-response", nil, { tx = req.tx, when = function(rule)
      return rule.kind == "lua"
    end })
    assert.equal("first;second;|mid|hello gold|eu-west|nil|Y!", res.vars.txn.second)
    assert.is_nil(res.vars.res.n)               -- left out by `when`
  end)

  it("runs per-thread actions in a per-thread state", function()
    assert.equal("2:nil", h:rules("fe_thread", "http-request", {}, { thread = 2 }).vars.txn.thread)
    assert.equal("1:nil", h:rules("fe_thread", "http-request", {}).vars.txn.thread)
  end)

  it("describes the proxies and servers for core.proxies", function()
    local be = h.core.proxies.be
    assert.equal("127.0.0.1:9", be.servers.s1:get_addr())
    assert.equal("MAINT", be.servers.s2:get_stats().status)
    assert.equal(10, be.servers.s1:get_weight())
    assert.is_nil(h.core.frontends.be)
    assert.truthy(h.core.frontends.svc and h.core.backends.svc)
  end)

  it("knows the map and ACL files the configuration loads", function()
    assert.same({ where = APP .. ":44" }, h.config.maps["spec/fixtures/config/tiers.map"])
    assert.same({ where = APP .. ":51" }, h.config.acls["spec/fixtures/config/blocked.acl"])
  end)

  it("lists what it does not interpret, with file:line", function()
    local by_line = {}
    for _, s in ipairs(h.config.skipped) do by_line[s.where] = s end
    assert.equal("condition 'if is_api' not evaluated: the rule runs", by_line[APP .. ":30"].why)
    assert.equal("non-Lua rule", by_line[APP .. ":32"].why)
    assert.equal("http-request deny if { path /forbidden }", by_line[APP .. ":32"].text)
    assert.equal("set-var with a non-constant expression is not interpreted", by_line[APP .. ":44"].why)
    assert.equal("proxy setting not interpreted", by_line[APP .. ":27"].why)
  end)

  it("names unknown proxies and rulesets", function()
    assert.has_error(function() h:rules("nope", "http-request", {}) end,
      "no frontend, backend or listen section 'nope' in the configuration")
    assert.has_error(function() h:rules("fe", "http-after-response", {}) end,
      "unknown ruleset 'http-after-response' (http-request, http-response, tcp-request content, tcp-response content)")
  end)
end)

describe("testing.from_config with production paths", function()
  local MAP = { ["/etc/haproxy/"] = "spec/fixtures/config/etc/",
                ["/var/lib/haproxy/"] = "spec/fixtures/config/chroot/" }

  it("opens files through path_map, inside the chroot once the configuration is parsed", function()
    local h = from(PROD, { path_map = MAP })
    local r = h:rules("fe", "http-request", { vars = { ["txn.n"] = 1 } })
    assert.equal("welcome", r.vars.txn.banner)                  -- the body: before chroot
    assert.equal("hi from the chroot", r.vars.txn.read_1)        -- /data/... inside the chroot
    assert.equal("relative to the chroot root", r.vars.txn.read_2)
    assert.equal("missing", r.vars.txn.late)                     -- require searches inside it too
    assert.equal("/var/lib/haproxy", h.config.chroot)
  end)

  it("errors with the configuration's file:line when a lua-load file fails", function()
    local ok, err = pcall(from, PROD)                           -- no path_map: /etc/haproxy is not here
    assert.is_false(ok)
    assert.matches("^parsing %[" .. PROD:gsub("%p", "%%%0") .. ":6%]: error in Lua file '/etc/haproxy/lua/reader.lua'", err)
  end)
end)

describe("testing.from_config in TCP mode", function()
  it("runs tcp-request content rules, a TCP use-service, and knows filters and fetches", function()
    local script = tmpcfg([[
      core.register_action("tcp_tag", { "tcp-req" }, function(txn, v)
        txn:set_var("txn.tag", v .. ":" .. txn.req:data())
      end, 1)
      core.register_service("echo", "tcp", function(applet) applet:send("echo " .. applet:getline()) end)
      core.register_action("tcp_res", { "tcp-res" }, function(txn) txn:set_var("txn.res", "r") end)
      core.register_fetches("pick", function(txn, x) return "bt" end)
      local Trace = { id = "trace" }
      function Trace:new() return setmetatable({}, { __index = self }) end
      core.register_filter("trace", Trace, function(f) return f end)
    ]])
    local path = tmpcfg(([[
global
    lua-load %s
frontend ft
    mode tcp
    tcp-request inspect-delay 1s
    tcp-request content lua.tcp_tag v1
    tcp-request content use-service lua.echo if { req.len gt 0 }
    filter lua.trace A1 A2
    use_backend %%[lua.pick(x)]
backend bt
    mode tcp
    tcp-response content lua.tcp_res
]]):format(script))
    local h = from(path)
    local r = h:rules("ft", "tcp-request content", { input = "hello\n" })
    os.remove(script)
    os.remove(path)
    assert.equal("v1:hello\n", r.vars.txn.tag)
    assert.equal("service", r.verdict)
    assert.equal("echo hello\n", r.service.output)
    assert.same({ { name = "trace", args = { "A1", "A2" }, where = path .. ":8" } }, h.config.proxies.ft.filters)
    assert.same({ { kind = "fetch", name = "pick", args = { "x" }, where = path .. ":9" } },
      h.config.proxies.ft.samples)
    assert.equal("r", h:rules("bt", "tcp-response content", {}).vars.txn.res)
    assert.equal("tcp", h.core.proxies.ft:get_mode())
  end)
end)

describe("testing.from_config checks of the Lua names", function()
  local script
  setup(function()
    script = tmpcfg([[
      core.register_action("one", { "http-req" }, function(txn, a) end, 1)
      core.register_service("svc", "http", function(applet) end)
    ]])
  end)
  teardown(function() os.remove(script) end)

  -- each rule in a frontend of its own configuration, as `haproxy -c` saw them
  local function check(rule)
    return cfg_error("global\n    lua-load " .. script .. "\nfrontend fe\n    mode http\n    "
      .. rule .. "\n")
  end

  -- (for an unknown action HAProxy lists every action keyword it knows:
  -- left out here)
  it("refuses unknown names and wrong argument counts in HAProxy 2.6's words", function()
    assert.equal("parsing [t.cfg:5]: 'http-request' expects a registered action, but got 'lua.nope'.",
      check("http-request lua.nope"))
    assert.equal("parsing [t.cfg:5] : error detected in frontend 'fe' while parsing "
      .. "'http-request lua.one' rule : expect 1 arguments.", check("http-request lua.one"))
    assert.equal("parsing [t.cfg:5]: 'http-request lua.one' expects either 'if' or 'unless' "
      .. "followed by a condition but found 'b'.", check("http-request lua.one a b"))
    assert.equal("parsing [t.cfg:5]: 'http-response' expects a registered action, but got 'lua.one'.",
      check("http-response lua.one a"))
    assert.equal("parsing [t.cfg:5] : error detected in frontend 'fe' while parsing "
      .. "'http-request use-service' rule : 'lua.nosvc' unknown service name..",
      check("http-request use-service lua.nosvc"))
    assert.equal("parsing [t.cfg:5]: unknown fetch method 'lua.nofetch'.",
      check("http-request set-header x %[lua.nofetch]"))
    assert.equal("parsing [t.cfg:5]: unknown converter 'lua.noconv'.",
      check("http-request set-header x %[str(a),lua.noconv]"))
    assert.equal("parsing [t.cfg:5] : 'filter' : unknown keyword 'lua.nofilter'.",
      check("filter lua.nofilter"))
  end)
end)

describe("testing.from_config with several files", function()
  it("reads them in order, as haproxy -f a -f b, into the same states", function()
    local script = tmpcfg([[
      seen = table.pack(...)
      core.register_action("who", { "http-req" }, function(txn) txn:set_var("txn.who", seen[1] or "none") end)
    ]])
    local a = tmpcfg("global\n    setenv WHO first\ndefaults\n    mode http\n")
    local b = tmpcfg(('global\n    lua-load %s "${WHO}"\nfrontend fe\n    http-request lua.who\n'):format(script))
    local h26 = from({ a, b })
    local h27 = from({ a, b }, { haproxy = "2.8" })     -- 2.8 passes lua-load arguments
    os.remove(script)
    os.remove(a)
    os.remove(b)
    assert.equal("none", h26:rules("fe", "http-request", {}).vars.txn.who)
    assert.equal("first", h27:rules("fe", "http-request", {}).vars.txn.who)
    assert.equal("http", h27.config.proxies.fe.mode)  -- the first file's defaults
  end)
end)

describe("testing.from_config and tune.lua.maxmem", function()
  it("lists the limit as skipped outside testing.sandbox, applies it inside", function()
    local path = tmpcfg("global\n    tune.lua.maxmem 64\n")
    local h = from(path)
    local last = h.config.skipped[#h.config.skipped]
    assert.same({ where = path .. ":2", text = "tune.lua.maxmem 64",
                  why = "tune.lua.maxmem needs a state the harness owns: run the spec through testing.sandbox" },
                last)
    local out = testing.sandbox([[
      local testing, path = ...
      local h = testing.from_config(path, { quiet = true })
      local ok, err = pcall(string.rep, "x", 100 * 1048576)
      return #h.config.skipped, ok, tostring(err):match("^not enough memory")
    ]], { args = { path } })
    os.remove(path)
    assert.same({ n = 3, 0, false, "not enough memory" }, out)
  end)
end)

describe("testing.from_config errors", function()
  it("give file:line for lines it cannot read, in HAProxy 2.6's words", function()
    assert.equal("parsing [t.cfg:2]: 'lua-load' expects a file name as parameter.",
      cfg_error("global\n    lua-load\n"))
    assert.equal("parsing [t.cfg:3]: unmatched quote at position 12",
      cfg_error("global\n  nbthread 1\n  lua-load \"x.lua\n"))
    assert.equal("parsing [t.cfg:2]: 'nbthread' passed a missing or unparsable integer value in 'many'",
      cfg_error("global\n  nbthread many\n"))
    assert.equal("parsing [t.cfg:1]: unknown keyword 'lua-load' out of section.",
      cfg_error("lua-load x.lua\n"))
    assert.equal("parsing [t.cfg:4]: frontend 'fe' has the same name as frontend 'fe' declared at t.cfg:1.",
      cfg_error("frontend fe\n  mode http\nbackend be\nfrontend fe\n"))
  end)
end)

describe("testing.from_config and the HAProxy version", function()
  local SCRIPT = [[
core.register_action("probe", { "http-req" }, function(txn)
  txn:set_var("txn.wait", type(core.wait))
end)
]]
  local function run(opts)
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir " .. dir))
    local f = assert(io.open(dir .. "/p.lua", "w")) f:write(SCRIPT) f:close()
    f = assert(io.open(dir .. "/h.cfg", "w"))
    f:write("global\n    lua-load " .. dir .. "/p.lua\nfrontend fe\n    mode http\n"
      .. "    bind 127.0.0.1:8080\n    http-request lua.probe\n")
    f:close()
    opts = opts or {}
    opts.quiet = true
    local ok, r = pcall(function()
      return testing.from_config(dir .. "/h.cfg", opts):rules("fe", "http-request", { path = "/" })
    end)
    os.execute("rm -rf " .. dir)
    assert(ok, r)
    return r.vars.txn.wait
  end

  it("emulates the version named in opts.haproxy, else testing.default_version", function()
    assert.equal("nil", run())                      -- 2.6: no core.wait
    assert.equal("function", run({ haproxy = "3.2" }))
    local saved = testing.default_version
    testing.default_version = "3.2"
    local ok, got = pcall(run)
    testing.default_version = saved
    assert(ok, got)
    assert.equal("function", got)
  end)
end)
