-- Several lua-load files in one state, and lua-load-per-thread with several
-- files (docs/testing.md §2). What HAProxy 2.6.12 answered for the two
-- fixtures loaded by two lua-load lines is pinned here and checked live by
-- spec/integration/testing_multi_haproxy_spec.lua: "b from a|nil b" and two
-- registration warnings.
local testing = require "proxylua.testing"

local A, B = "spec/fixtures/multi_a.lua", "spec/fixtures/multi_b.lua"

local WARNINGS = {
  "config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.",
  "config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.",
}

-- the frontend of the live check: lua.x, lua.y, then %[lua.who]
local function answer(h)
  local tx = h:transaction({})
  tx:run("http-req", "x")
  tx:run("http-req", "y")
  return tx:get_var("txn.x") .. " " .. tx:get_var("txn.y") .. " " .. tx:fetch("who").text
end

local function warnings(h)
  local out = {}
  for _, l in ipairs(h:logs()) do
    if l.source == "warning" then out[#out + 1] = l.msg end
  end
  return out
end

describe("several lua-load files in one state", function()
  it("testing.new, h:load per file in order, h:start", function()
    local h = testing.new({ quiet = true })
    assert.equal(h, h:load(A))
    assert.equal(h, h:load(B))
    assert.is_nil(h.core.proxies)     -- still the body: no end of configuration yet
    assert.equal(h, h:start())
    assert.equal("b from a|nil b", answer(h))
    assert.same(WARNINGS, warnings(h))
  end)

  it("testing.load with a list of files does the same", function()
    local h = testing.load({ A, B }, { quiet = true })
    assert.equal("b from a|nil b", answer(h))
    assert.same(WARNINGS, warnings(h))
  end)

  it("in the other order, the other registration wins; the global is there by runtime", function()
    local h = testing.load({ B, A }, { quiet = true })
    assert.equal("a from a|nil a", answer(h))
  end)

  it("h:load_string adds a chunk to the same state", function()
    local h = testing.new({ quiet = true }):load(A)
    h:load_string([[core.register_fetches("shared", function() return shared end)]], "c.lua")
    h:start()
    assert.equal("from a", h:fetch("shared", {}).value)
  end)

  it("an error names the file that raised it", function()
    local h = testing.new({ quiet = true }):load(A)
    local ok, err = pcall(h.load_string, h, "error('boom')", "broken.lua")
    assert.is_false(ok)
    assert.equal("Lua runtime error: broken.lua:1: boom", err)
  end)

  it("entries { file, arg... } carry their lua-load arguments (2.7 and later)", function()
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p " .. dir))
    local f = assert(io.open(dir .. "/args.lua", "w"))
    f:write("local name = ...\ncore.register_fetches('arg_' .. tostring(name), function() return name end)\n")
    f:close()
    local h = testing.load({ { dir .. "/args.lua", "one" }, { dir .. "/args.lua", "two" } },
                           { haproxy = "2.8", quiet = true })
    os.execute("rm -rf " .. dir)
    assert.equal("one", h:fetch("arg_one", {}).value)
    assert.equal("two", h:fetch("arg_two", {}).value)
  end)
end)

describe("lua-load-per-thread with several files", function()
  it("loads every file into each thread's state, in order", function()
    local threads = testing.per_thread({ A, B }, 2, { quiet = true })
    assert.equal(2, #threads)
    for i, h in ipairs(threads) do
      assert.equal(i, h.core.thread)
      assert.equal("b from a|nil b", answer(h))
    end
    assert.are_not.equal(threads[1].env, threads[2].env)
  end)

  it("a function builds each thread's harness from the options it gets", function()
    local threads = testing.per_thread(function(o)
      return testing.new(o):load(A):load(B):start()
    end, 2, { quiet = true })
    assert.equal("b from a|nil b", answer(threads[2]))
    -- one process: proc variables are shared between the threads
    assert.equal(threads[1].process, threads[2].process)
  end)
end)
