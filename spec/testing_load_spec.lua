-- lua-load as the harness plays it (modules/testing/testing.lua): arguments,
-- fresh globals per load, package paths. Every rule is asserted against
-- HAProxy 2.6's own outputs.
local testing = require "proxylua.testing"
local C = require "spec.helpers.core"
local state = C.state

describe("lua-load emulation", function()
  it("ignores lua-load arguments in 2.6 and passes them as ... from 2.8", function()
    local code = "n = select('#', ...) first = ..."
    local h = testing.load_string(code, { args = { "foo", "bar" } })
    assert.equal(0, h.env.n)
    local h7 = testing.load_string(code, { args = { "foo", "bar" }, haproxy = "2.8" })
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
