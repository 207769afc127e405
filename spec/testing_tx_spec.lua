-- The harness's transaction (modules/testing/testing.lua) between rules:
-- tx:set_var plays a configuration `set-var` line between two Lua actions;
-- the request description's ruleset field does not shadow fetch names.
local testing = require "proxylua.testing"

local SCRIPT = [[
core.register_action("first", { "http-req" }, function(txn)
  txn:set_var("txn.seen", tostring(txn:get_var("txn.cfg")))
end)
core.register_action("second", { "http-req" }, function(txn)
  local n = txn:get_var("txn.n")
  txn:set_var("txn.out", txn:get_var("txn.cfg") .. "/" .. math.type(n) .. ":" .. n)
end)
core.register_action("home", { "http-req", "http-res" }, function(txn)
  txn:set_var("txn.home", txn.f:env("PROXYLUA_TX_SPEC") or "unset")
end)
]]

describe("tx:set_var between rules", function()
  it("sets what the next action reads, with the sample type of the value", function()
    local h = testing.load_string(SCRIPT)
    local tx = h:transaction({})
    tx:run("http-req", "first")
    tx:set_var("txn.cfg", "from-config")   -- http-request set-var(txn.cfg) str(from-config)
    tx:set_var("txn.n", 42)                -- http-request set-var(txn.n) int(42)
    local r = tx:run("http-req", "second")
    assert.equal("nil", r.vars.txn.seen)
    assert.equal("from-config/integer:42", r.vars.txn.out)
    assert.equal(42, tx:get_var("txn.n"))
  end)

  it("unsets with nil and refuses names HAProxy refuses", function()
    local h = testing.load_string(SCRIPT)
    local tx = h:transaction({ vars = { ["txn.cfg"] = "x" } })
    tx:set_var("txn.cfg", nil)
    assert.is_nil(tx:get_var("txn.cfg"))
    assert.has_error(function() tx:set_var("nope", 1) end, "tx:set_var: bad variable name 'nope'")
    assert.has_error(function() tx:set_var("res.x", 1) end,
      "tx:set_var: 'res.x' cannot be set here (res.* exists on the response side only)")
    tx:to_response({ status = 200 })
    tx:set_var("res.x", 1)
    assert.equal(1, tx:get_var("res.x"))
  end)
end)

describe("the request description", function()
  it("chooses the ruleset without shadowing the env fetch", function()
    local h = testing.load_string(SCRIPT, { getenv = function(n)
      if n == "PROXYLUA_TX_SPEC" then return "set" end
    end })
    for _, field in ipairs({ "env", "ruleset" }) do
      local r = h:action("home", { [field] = "http-res", response = { status = 200 } })
      assert.is_nil(r.error)
      assert.equal("set", r.vars.txn.home)
    end
    local r = h:action("home", { env = "http-req" })
    assert.is_nil(r.error)
    assert.equal("set", r.vars.txn.home)
  end)

  it("reads the process environment when no configuration changed it", function()
    local h = testing.load_string(SCRIPT)
    local r = h:action("home", { env = "http-req" })
    assert.is_nil(r.error)
    assert.equal("unset", r.vars.txn.home) -- not in this process's environment
    local home = testing.load_string([[
      core.register_action("h", { "http-req" }, function(txn) txn:set_var("txn.h", txn.f:env("HOME")) end)
    ]]):action("h", { env = "http-req" })
    assert.equal(os.getenv("HOME"), home.vars.txn.h)
  end)
end)
