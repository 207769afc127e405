-- Scripts that extend `string` (modules/core/exec/strings.lua): in HAProxy a
-- script's `string` is the table string values index, so functions it adds
-- (or replaces) are string methods. Under the harness each emulated state
-- sees its own additions, and the spec's own `string` never changes.
-- spec/integration/core_strings_haproxy_spec.lua runs the same script in
-- HAProxy 2.6.
local testing = require "proxylua.testing"

local EXTEND = [[
function string.to_hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
function string:trim() return (self:gsub("^%s+", ""):gsub("%s+$", "")) end
]]

local function run(code, req)
  local h = testing.load_string(code)
  return h, h:action("t", req or {})
end

describe("string methods a script adds", function()
  it("work on string values in actions, the body, init, tasks, fetches and converters", function()
    local h, r = run(EXTEND .. [[
      local at_load = ("ab"):to_hex()
      core.register_init(function() core.Info("init " .. ("  x  "):trim()) end)
      core.register_task(function() core.Info("task " .. ("t"):to_hex()) end)
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.v", ("AB"):to_hex() .. "|" .. at_load .. "|" .. ("  y "):trim())
      end)
      core.register_fetches("hex", function(txn, s) return s:to_hex() end)
      core.register_converters("trim", function(s) return s:trim() end)
    ]])
    assert.is_nil(r.error)
    assert.equal("4142|6162|y", r.vars.txn.v)
    assert.equal("7a", h:fetch("hex", {}, "z").value)
    assert.equal("a b", h:converter("trim", "  a b ").value)
    h:run_tasks()
    assert.same({ "init x", "task 74" }, h:log_messages(6))
  end)

  it("work in coroutines the script creates, in actions and in tasks", function()
    local h, r = run(EXTEND .. [[
      core.register_action("t", { "http-req" }, function(txn)
        local co = coroutine.wrap(function() coroutine.yield(("A"):to_hex()) end)
        txn:set_var("txn.v", co())
      end)
      core.register_task(function()
        local co = coroutine.create(function() core.Info(("B"):to_hex()) end)
        coroutine.resume(co)
      end)
    ]])
    assert.equal("41", r.vars.txn.v)
    h:run_tasks()
    assert.same({ "42" }, h:log_messages(6))
  end)

  it("leave the spec's own string table and string values alone", function()
    run(EXTEND .. [[core.register_action("t", { "http-req" }, function() end)]])
    assert.is_nil(rawget(string, "to_hex"))
    assert.is_nil(string.to_hex) -- luacheck: ignore 143
    assert.is_nil(("x").to_hex)
    assert.has_error(function() return ("x"):trim() end)
  end)

  it("are seen by every later lua-load into the same state", function()
    local h = testing.new()
    h:load_string(EXTEND, "a.lua")
    h:load_string([[
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.v", (" C "):trim():to_hex())
      end)
    ]], "b.lua")
    h:start()
    assert.equal("43", h:action("t", {}).vars.txn.v)
  end)

  it("stay in their state: lua-load-per-thread states and other loads do not share them", function()
    local code = [[
      function string.tag(s) return s .. "@" .. core.thread end
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.v", ("x"):tag())
      end)
    ]]
    local threads = testing.per_thread(function(o) return testing.load_string(code, o) end, 2)
    assert.equal("x@1", threads[1]:action("t", {}).vars.txn.v)
    assert.equal("x@2", threads[2]:action("t", {}).vars.txn.v)
    local _, r = run([[
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.v", tostring(("x").tag))
      end)
    ]])
    assert.equal("nil", r.vars.txn.v)
    assert.is_nil(("x").tag)
  end)

  it("run concurrent transactions of two states each with its own additions", function()
    local function state(tagged)
      return testing.load_string([[
        function string.mark(s) return "]] .. tagged .. [[" .. s end
        core.register_action("t", { "http-req" }, function(txn)
          local a = ("1"):mark()
          core.sleep(1)
          txn:set_var("txn.v", a .. ("2"):mark())
        end)
      ]])
    end
    local a, b = state("a"), state("b")
    local out = {}
    for i = 1, 4 do
      local h = i % 2 == 0 and a or b
      h:spawn(function() out[i] = h:action("t", {}).vars.txn.v end)
    end
    a:run()
    b:run()
    assert.same({ "b1b2", "a1a2", "b1b2", "a1a2" }, out)
  end)
end)

describe("standard string functions a script replaces or removes", function()
  -- a replaced standard name takes the slower dispatch while any state that
  -- replaced it lives: let those states go before later specs run
  teardown(function()
    collectgarbage()
    collectgarbage()
    testing.load_string("")
    assert.equal(string.lower, rawget(getmetatable("").__index, "lower"))
  end)

  it("are what the script's method calls get, not the spec's", function()
    local _, r = run([[
      local upper = string.upper
      function string.upper(s) return "U:" .. upper(s) end
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.v", ("ab"):upper())
      end)
    ]])
    assert.equal("U:AB", r.vars.txn.v)
    assert.equal("AB", ("ab"):upper())
    assert.equal("AB", string.upper("ab"))
  end)

  it("do not reach the harness's own code, which stands for HAProxy's C", function()
    local _, r = run([[
      string.lower = function() return "broken" end
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.h", txn.f:req_hdr("X-Name"))
        txn:set_var("txn.v", ("AB"):lower())
      end)
    ]], { headers = { ["X-Name"] = "yes" } })
    assert.is_nil(r.error)
    assert.equal("yes", r.vars.txn.h)
    assert.equal("broken", r.vars.txn.v)
    assert.equal("ab", ("AB"):lower())
  end)

  it("raise HAProxy's error when the script removed the method", function()
    local _, r = run([[
      string.reverse = nil
      core.register_action("t", { "http-req" }, function(txn)
        txn:set_var("txn.v", ("ab"):reverse())
      end)
    ]])
    assert.matches("attempt to call a nil value %(method 'reverse'%)", r.error)
    assert.equal("ba", ("ab"):reverse())
  end)
end)
