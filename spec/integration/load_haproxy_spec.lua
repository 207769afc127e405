-- Load inside real HAProxy 2.6 (nbthread 2), driven by wrk on loopback:
-- bench/load/service.lua (proxylua.map, .hash, .concat in an HTTP service)
-- under lua-load and under lua-load-per-thread, while a Lua task updates the
-- proxylua map every millisecond and this spec updates maps over the stats
-- socket (add/set/del map on HAProxy's copy, a Lua CLI command on ours).
-- Every response must be a 200, with no socket error, no Lua error or alert
-- in HAProxy's log and no crash; the RSS growth over the second half of
-- each run is reported and must stay near 0. About 45 s in all.
local H = require "spec.helpers.haproxy"
local L = require "bench.load.common"
local socket = require "socket"

local WARM, HALF = 4, 6 -- seconds of wrk: warm-up (heaps reach their size), each half
-- kB over the second half: allocator and GC noise stay well under this; a
-- leak of a few bytes per request or per update does not (spec/map_spec.lua
-- bounds the map's own memory exactly)
local RSS_SLACK = 1024

local function problems(log)
  local out = {}
  for line in log:gmatch("[^\n]+") do
    if line:find("ALERT", 1, true) or line:find("runtime error", 1, true) or line:find("Lua", 1, true) then
      out[#out + 1] = line
    end
  end
  return out
end

-- CLI updates until wrk ends: HAProxy's map through add/set/del map, ours
-- through the Lua command; a sliding window of 32 keys.
local function update_while(hap, w)
  local n, file = 0, hap.dir .. "/hosts.map"
  while L.alive(w.pid) do
    n = n + 1
    L.cli(hap, ("add map %s cli%d.example.com be%d"):format(file, n % 100, n % 5))
    L.cli(hap, ("set map %s cli%d.example.com be%d"):format(file, (n - 8) % 100, n % 3))
    L.cli(hap, ("del map %s cli%d.example.com"):format(file, (n - 32) % 100))
    L.cli(hap, ("plmap set cli%d.example.com be%d"):format(n % 100, n % 5))
    L.cli(hap, ("plmap del cli%d.example.com"):format((n - 32) % 100))
    socket.sleep(0.005)
  end
  return n
end

local function get(hap, path, host)
  local status, body = H.http({ port = hap.port, path = path, headers = { Host = host } })
  return status, body
end

for _, mode in ipairs({ "lua-load", "lua-load-per-thread" }) do
  describe("under load in HAProxy 2.6, nbthread 2, " .. mode, function()
    it("answers every request 200 with no Lua error, while maps change at runtime; RSS flat", function()
      local hap = L.start(mode, nil, 90)
      local ok, err = pcall(function()
        -- the two services compute the same thing
        local status, body = H.http({ port = hap.port, path = "/ours/x",
          headers = { Host = "h", ["User-Agent"] = "Mozilla/5.0 (compatible; crawler-042/2.1)" } })
        assert.are.equal(200, status)
        assert.matches(" bot=bot42 ", body)
        for _, q in ipairs({ { "/api/v1/r7/item/1", "host14.example.net" }, { "/api/v0/r9/item/12", "h" },
                             { "/api/v2/r299/x", "www.zone5.example.org" },
                             { "/nothing", "nowhere.test" } }) do
          local s1, b1 = get(hap, "/ours" .. q[1], q[2])
          local s2, b2 = get(hap, "/theirs" .. q[1], q[2])
          assert.are.equal(200, s1)
          assert.are.equal(200, s2)
          assert.are.equal(b1, b2)
        end
        assert.matches("^backend=be0 route=route9 zone=none bot=none rule=rule3 h=%d+ x=%d+\n$",
          select(2, get(hap, "/ours/api/v0/r9/item/1", "host14.example.net")))
        -- warm-up, first half, second half: updates run through all three
        local w0 = L.wrk_start(hap, "/ours", WARM)
        update_while(hap, w0)
        assert.are.equal(0, L.wait(w0).non2xx)
        local w1 = L.wrk_start(hap, "/ours", HALF)
        local n1 = update_while(hap, w1)
        local r1 = L.wait(w1)
        local rss1 = L.rss_kb(hap)
        local w2 = L.wrk_start(hap, "/ours", HALF)
        local n2 = update_while(hap, w2)
        local r2 = L.wait(w2)
        local rss2 = L.rss_kb(hap)
        print(("\n%s: %d + %d requests, %.0f / %.0f req/s, %d + %d CLI rounds, RSS %d kB then %d kB (%+d kB over the second half)")
          :format(mode, r1.requests, r2.requests, r1.rps, r2.rps, n1, n2, rss1, rss2, rss2 - rss1))
        for _, r in ipairs({ r1, r2 }) do
          assert.is_true(r.requests > 0, r.text)
          assert.are.equal(0, r.non2xx, r.text)
          assert.are.equal(0, r.errors, r.text)
        end
        assert.is_true(n1 > 0 and n2 > 0)
        assert.is_true(rss2 - rss1 < RSS_SLACK, ("RSS grew %d kB"):format(rss2 - rss1))
        -- the updates took: HAProxy's copy through the CLI, ours through Lua
        L.cli(hap, ("add map %s late.example.com beCLI"):format(hap.dir .. "/hosts.map"))
        assert.matches("^backend=beCLI ", select(2, get(hap, "/theirs/x", "late.example.com")))
        if mode == "lua-load" then  -- one Lua state: the CLI command updated it
          L.cli(hap, "plmap set late.example.com beLua")
          assert.matches("^backend=beLua ", select(2, get(hap, "/ours/x", "late.example.com")))
        end
        assert.is_true(L.alive(hap.child or hap.pid), "HAProxy exited:\n" .. hap:output())
        assert.are.same({}, problems(hap:output()))
      end)
      local out = hap:output()
      hap:stop()
      assert(ok, tostring(err) .. "\nHAProxy's output:\n" .. out:sub(-3000))
    end)
  end)
end
