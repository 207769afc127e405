-- Scripts that extend `string`, in real HAProxy (2.6 by default; recorded
-- per version in spec/golden/) and through proxylua.testing emulating it
-- (modules/core/exec/strings.lua): functions a lua-load adds to `string` are
-- methods of every string value in that state, later lua-load files of the
-- state see them, and lua-load-per-thread states (states of their own) do
-- not.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local A = [[
function string.to_hex(s)
  return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end
function string:trim() return (self:gsub("^%s+", ""):gsub("%s+$", "")) end
]]

local B = [[
local at_load = ("ab"):to_hex()
core.register_action("b", { "http-req" }, function(txn)
  txn:set_var("txn.b", at_load .. "," .. (" C "):trim():to_hex())
end)
]]

local P = [[
function string.tag(s) return s .. "@" .. core.thread end
core.register_action("p", { "http-req" }, function(txn)
  txn:set_var("txn.p", ("x"):tag() .. "," .. tostring(("x").to_hex))
end)
]]

describe("scripts extending string against HAProxy " .. H.version(), function()
  it("see their additions as string methods, per state", function()
    local hap = H.start({ files = { ["a.lua"] = A, ["b.lua"] = B, ["p.lua"] = P },
      global = "    nbthread 2\n    lua-load ${DIR}/a.lua\n    lua-load ${DIR}/b.lua\n"
        .. "    lua-load-per-thread ${DIR}/p.lua",
      ports = 1,
      -- one stream per kind of state: 2.6 runs a stream's Lua actions in the
      -- state its first Lua action used (a per-thread action after a shared
      -- one fails there with "attempt to call a nil value", checked live)
      config = [[
frontend fe_shared
    bind 127.0.0.1:${PORT}
    http-request lua.b
    http-request return status 200 content-type text/plain lf-string "%[var(txn.b)]"
frontend fe_thread
    bind 127.0.0.1:${PORT1}
    http-request lua.p
    http-request return status 200 content-type text/plain lf-string "%[var(txn.p)]"
]] })
    local ok, err = pcall(function()
      local s1, b1 = H.http({ port = hap.port })
      local s2, b2 = H.http({ port = hap.vars.PORT1 })
      assert.equal(200, s1)
      assert.equal(200, s2)
      return b1 .. "|" .. b2
    end)
    hap:stop()
    assert(ok, err)
    local body = err
    local thread = body:match("x@(%d)")
    assert.truthy(thread == "1" or thread == "2", body)
    assert.equal("6162,43|x@" .. thread .. ",nil", body)

    local h = testing.new()
    h:load_string(A, "a.lua"):load_string(B, "b.lua"):start()
    local threads = testing.per_thread(function(o) return testing.load_string(P, o) end, 2)
    local tx = h:transaction({})
    tx:run("http-req", "b")
    local p = threads[tonumber(thread)]:action("p", {})
    assert.equal(body, tx:get_var("txn.b") .. "|" .. p.vars.txn.p)
  end)
end)
