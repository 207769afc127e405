-- The accidental-global detector (modules/testing/globals_guard.lua): a
-- global assigned at runtime is reported once per site with file:line and
-- the registered function; globals the body or an init function created are
-- not; strict mode fails the test. spec/integration/testing_globals_haproxy_spec.lua
-- shows that the same fixture mixes two requests' data in real HAProxy 2.6.
local testing = require "proxylua.testing"

local FIXTURE = "spec/fixtures/globals_greet.lua"

local function greet_both(h, action)
  local out = {}
  h:spawn(function() out.alice = h:action(action, { headers = { ["X-Name"] = "alice" } }) end)
  h:spawn(function() out.bob = h:action(action, { headers = { ["X-Name"] = "bob" } }) end)
  h:run()
  return out.alice.vars.txn.greeting, out.bob.vars.txn.greeting
end

local function errmsg(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok, "expected an error")
  return tostring(err)
end

describe("accidental globals", function()
  it("two overlapping requests through `str = str .. x` without local mix their data, "
     .. "and both sites are reported", function()
    local h = testing.load(FIXTURE, { quiet = true })
    local alice, bob = greet_both(h, "greet")
    -- both set str = "hello ", both sleep; alice appends her name, then bob
    -- appends his to what alice left
    assert.equal("hello alice", alice)
    assert.equal("hello alicebob", bob)
    local w = h:global_writes()
    assert.equal(2, #w)   -- two sites, each once, though two requests ran them
    assert.same({ global = "str", where = FIXTURE .. ":7", context = "Lua function 'greet'",
                  kind = "action", name = "greet" },
                { global = w[1].global, where = w[1].where, context = w[1].context,
                  kind = w[1].kind, name = w[1].name })
    assert.equal(FIXTURE .. ":9", w[2].where)
    assert.equal("global variable 'str' assigned at " .. FIXTURE .. ":7 in Lua function "
      .. "'greet': every request in flight in this Lua state shares it (make it local, or "
      .. "create it in the lua-load body if it is meant to be shared)", w[1].text)
  end)

  it("with local, each request keeps its own data and nothing is reported", function()
    local h = testing.load(FIXTURE, { quiet = true })
    local alice, bob = greet_both(h, "greet_local")
    assert.equal("hello alice", alice)
    assert.equal("hello bob", bob)
    assert.same({}, h:global_writes())
  end)

  it("does not report globals created by the body or init functions", function()
    local h = testing.load(FIXTURE, { quiet = true })
    assert.equal("hello ", h.env.greeting)
    assert.is_true(h.env.started)
    h:action("greet_local", { headers = { ["X-Name"] = "x" } })
    assert.same({}, h:global_writes())
  end)

  it("reports a fetch's global once however often it runs; the value stays shared", function()
    local h = testing.load(FIXTURE, { quiet = true })
    assert.equal(1, h:fetch("count_calls", {}).value)
    assert.equal(2, h:fetch("count_calls", {}).value)
    assert.equal(3, h:fetch("count_calls", {}).value)
    local w = h:global_writes()
    assert.equal(1, #w)
    assert.equal("calls", w[1].global)
    assert.equal(FIXTURE .. ":22", w[1].where)
    assert.equal("Lua sample-fetch 'count_calls'", w[1].context)
    assert.equal("fetch", w[1].kind)
    -- the script reads what it wrote, as in HAProxy
    assert.equal(3, h.env.calls)
  end)

  it("names the kind for converters, services, tasks and CLI commands", function()
    local h = testing.load_string([[
      core.register_converters("conv", function(s) last_conv = s return s end)
      core.register_service("svc", "http", function(applet)
        last_svc = applet.path
        applet:set_status(200)
        applet:start_response()
      end)
      core.register_task(function() task_ran = true end)
      core.register_cli({ "show", "g" }, "", function() cli_ran = true end)
      core.register_action("nested", { "http-req" }, function()
        local co = coroutine.wrap(function() in_co = 1 end)
        co()
      end)
    ]], { quiet = true, name = "kinds.lua" })
    h:run_tasks()
    h:converter("conv", "x")
    h:service("svc", { path = "/p" })
    h:cli("show g")
    h:action("nested", {})
    local got = {}
    for _, w in ipairs(h:global_writes()) do got[w.global] = w.context .. " @ " .. w.where end
    assert.same({
      task_ran = "Lua task @ kinds.lua:7",
      last_conv = "Lua converter 'conv' @ kinds.lua:1",
      last_svc = "Lua applet http '<lua.svc>' @ kinds.lua:3",
      cli_ran = "Lua cli '<lua.cli.show.g>' @ kinds.lua:8",
      in_co = "Lua function 'nested' @ kinds.lua:10",
    }, got)
  end)

  it("a global the body declared may be reassigned at runtime (shared on purpose)", function()
    local h = testing.load_string([[
      hits = 0
      core.register_action("hit", { "http-req" }, function(txn)
        hits = hits + 1
        txn:set_var("txn.hits", hits)
      end)
    ]], { quiet = true })
    h:action("hit", {})
    assert.equal(2, h:action("hit", {}).vars.txn.hits)
    assert.same({}, h:global_writes())
  end)

  it("rawset(_G, ...) at runtime is deliberate and not reported", function()
    local h = testing.load_string([[
      core.register_action("set", { "http-req" }, function() rawset(_G, "flag", true) end)
    ]], { quiet = true })
    h:action("set", {})
    assert.same({}, h:global_writes())
    assert.is_true(h.env.flag)
  end)

  it("strict mode (strict_globals = true or strict = true) fails the test", function()
    for _, opts in ipairs({ { strict_globals = true }, { strict = true },
                            { global_writes = "error" } }) do
      local h = testing.load(FIXTURE, opts)
      local err = errmsg(h.action, h, "greet", { headers = { ["X-Name"] = "a" } })
      assert.equal("proxylua: global variable 'str' assigned at " .. FIXTURE .. ":7 in Lua "
        .. "function 'greet': every request in flight in this Lua state shares it (make it "
        .. "local, or create it in the lua-load body if it is meant to be shared)", err)
    end
  end)

  it("global_writes = 'off' leaves the globals table alone", function()
    local h = testing.load(FIXTURE, { global_writes = "off" })
    h:fetch("count_calls", {})
    assert.same({}, h:global_writes())
    assert.is_nil(getmetatable(h.env))
    assert.equal(1, rawget(h.env, "calls"))
  end)

  it("keeps a metatable the script set on _G in the body", function()
    local h = testing.load_string([[
      setmetatable(_G, { __index = function(_, k) return "default:" .. k end })
      core.register_action("a", { "http-req" }, function(txn)
        txn:set_var("txn.v", undefined_name)
      end)
    ]], { quiet = true })
    assert.equal("default:undefined_name", h:action("a", {}).vars.txn.v)
  end)

  it("warns on stderr unless quiet", function()
    local lines = {}
    local real = io.stderr
    local h = testing.load(FIXTURE)
    io.stderr = { write = function(_, ...) lines[#lines + 1] = table.concat({ ... }) end }
    local ok, err = pcall(h.fetch, h, "count_calls", {})
    io.stderr = real
    assert(ok, err)
    assert.equal(1, #lines)
    assert.truthy(lines[1]:find("[proxylua] warning: global variable 'calls' assigned at "
      .. FIXTURE .. ":22 in Lua sample-fetch 'count_calls'", 1, true))
  end)
end)
