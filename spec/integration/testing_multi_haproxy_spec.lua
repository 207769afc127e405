-- Two lua-load lines in HAProxy (2.6 by default; recorded per version in
-- spec/golden/) and the same two files in one harness state
-- (spec/testing_multi_spec.lua): the same answer and the same configuration
-- warnings, in both orders.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local A, B = "spec/fixtures/multi_a.lua", "spec/fixtures/multi_b.lua"

local CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.x
    http-request lua.y
    http-request return status 200 content-type text/plain lf-string "%[var(txn.x)] %[var(txn.y)] %[lua.who]"
]]

local function live(first, second)
  local hap = H.start({ files = { ["1.lua"] = H.read_file(first), ["2.lua"] = H.read_file(second) },
                        timeout = 60, config = CONFIG,
                        global = "    nbthread 1\n    lua-load ${DIR}/1.lua\n    lua-load ${DIR}/2.lua\n" })
  local ok, status, body = pcall(H.http, { port = hap.port })
  local out = hap:output()
  hap:stop()
  assert(ok, status)
  assert.equal(200, status)
  local warnings = {}
  for w in out:gmatch("%[WARNING%]%s+%(%d+%) : (config : [^\n]*)") do
    warnings[#warnings + 1] = w
  end
  return body, warnings
end

local function harness(files)
  local h = testing.load(files, { quiet = true })
  local tx = h:transaction({})
  tx:run("http-req", "x")
  tx:run("http-req", "y")
  local warnings = {}
  for _, l in ipairs(h:logs()) do
    if l.source == "warning" then warnings[#warnings + 1] = l.msg end
  end
  return tx:get_var("txn.x") .. " " .. tx:get_var("txn.y") .. " " .. tx:fetch("who").text, warnings
end

describe("several lua-load files in HAProxy " .. H.version() .. " and in one harness state", function()
  for _, order in ipairs({ { A, B }, { B, A } }) do
    it(order[1] .. " then " .. order[2], function()
      local body, warnings = live(order[1], order[2])
      local hbody, hwarnings = harness(order)
      assert.equal(body, hbody)
      assert.same(warnings, hwarnings)
      local twice = 0
      for _, w in ipairs(warnings) do
        if w:find("Trying to register", 1, true) then twice = twice + 1 end
      end
      assert.equal(2, twice)
    end)
  end
end)
