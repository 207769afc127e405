-- The accidental-global mistake in real HAProxy (2.6 by default; recorded
-- per version in spec/golden/): the action of
-- spec/fixtures/globals_greet.lua assigns `str` without `local`, so two
-- requests in flight at once read each other's data; with `local` they do
-- not. The harness gives the same mixed result and reports both sites
-- (spec/testing_globals_spec.lua has more).
local H = require "spec.helpers.haproxy"
local socket = require "socket"
local testing = require "proxylua.testing"

local FIXTURE = "spec/fixtures/globals_greet.lua"

local CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.greet if { path /greet }
    http-request lua.greet_local if { path /local }
    http-request return status 200 content-type text/plain lf-string "%[var(txn.greeting)]"
]]

-- Send both requests before reading either answer, so both actions are in
-- their msleep at once; returns the two bodies.
local function both_live(port, path)
  local conns = {}
  for _, name in ipairs({ "alice", "bob" }) do
    local c = assert(socket.connect("127.0.0.1", port))
    c:settimeout(10)
    assert(c:send("GET " .. path .. " HTTP/1.1\r\nHost: x\r\nX-Name: " .. name
      .. "\r\nConnection: close\r\n\r\n"))
    conns[#conns + 1] = c
  end
  local bodies = {}
  for i, c in ipairs(conns) do
    local all = assert(c:receive("*a"))
    c:close()
    bodies[i] = all:match("\r\n\r\n(.*)$")
  end
  return bodies[1], bodies[2]
end

local function both(hap, path)
  return H.recorded(hap, { label = "both", path = path }, function() return both_live(hap.port, path) end)
end

describe("accidental globals in HAProxy " .. H.version(), function()
  local hap, greet
  setup(function()
    hap = H.start({ files = { ["t.lua"] = H.read_file(FIXTURE) }, timeout = 60,
                    global = "    nbthread 1\n    lua-load ${DIR}/t.lua\n", config = CONFIG })
  end)
  teardown(function() if hap then hap:stop() end end)

  it("two requests in flight through `str = str .. x` without local mix their data", function()
    local alice, bob = both(hap, "/greet")
    greet = { alice = alice, bob = bob }
    -- whichever wakes second appends its name to the other's
    local mixed = (alice == "hello alice" and bob == "hello alicebob")
      or (alice == "hello bobalice" and bob == "hello bob")
    assert(mixed, "got alice=" .. tostring(alice) .. " bob=" .. tostring(bob))
  end)

  it("with local, each request keeps its own", function()
    local alice, bob = both(hap, "/local")
    assert.equal("hello alice", alice)
    assert.equal("hello bob", bob)
  end)

  it("the harness gives the same mixed result and reports the two sites", function()
    local h = testing.load(FIXTURE, { quiet = true })
    local out = {}
    for _, name in ipairs({ "alice", "bob" }) do
      h:spawn(function() out[name] = h:action("greet", { headers = { ["X-Name"] = name } }) end)
    end
    h:run()
    -- HAProxy woke alice or bob first; the harness wakes them in order
    local live = assert(greet, "the live test did not run")
    if live.alice == "hello bobalice" and live.bob == "hello bob" then
      live = { alice = "hello alice", bob = "hello alicebob" }
    end
    assert.equal(live.alice, out.alice.vars.txn.greeting)
    assert.equal(live.bob, out.bob.vars.txn.greeting)
    local where = {}
    for _, w in ipairs(h:global_writes()) do where[#where + 1] = w.global .. "@" .. w.where end
    assert.same({ "str@" .. FIXTURE .. ":7", "str@" .. FIXTURE .. ":9" }, where)
  end)
end)
