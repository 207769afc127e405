-- Server state changes a spec drives: health check results
-- (h:health_check), HAProxy's own CLI server commands (h:cli), the admin
-- flags of set_maint/set_drain/set_ready, and the server events they
-- publish from 2.8 on. Expected values are what 2.6.12, 2.8.0, 3.0.0 and
-- 3.2.0 answered live (spec/golden/<ver>/core_events_haproxy.lua).
local testing = require "proxylua.testing"

-- A state that notes every server event as "TYPE name detail".
local NOTE = [[
  got = {}
  if core.event_sub then
    core.event_sub({ "SERVER" }, function(ev, d)
      local x = ""
      if d.check then
        x = string.format(" %s %s %d/%d/%d", d.check.result, d.check.reason.short, d.check.health.cur,
                          d.check.health.rise, d.check.health.fall)
      elseif d.state then
        x = " " .. d.state.old_state .. ">" .. d.state.new_state .. " [" .. d.state.cause .. "]"
          .. (d.state.check and (" " .. d.state.check.result) or "")
      elseif d.admin then
        local function flags(m)
          local out = {}
          for _, k in ipairs({ "FMAINT", "CMAINT", "FDRAIN" }) do if m[k] then out[#out + 1] = k end end
          return table.concat(out, "+")
        end
        x = " " .. flags(d.admin.old_admin) .. ">" .. flags(d.admin.new_admin)
      elseif ev == "SERVER_INETADDR" then
        x = " " .. d.reference:get_addr() -- the address when the callback runs
      end
      got[#got + 1] = ev .. " " .. d.name .. x .. (d.reference and "" or " (no reference)")
    end)
  end
]]

local function load(ver, servers, opts)
  opts = opts or {}
  opts.haproxy, opts.quiet = ver, true
  opts.proxies = opts.proxies or { be = { cap = "backend", servers = servers } }
  return testing.load_string(NOTE .. (opts.code or ""), opts)
end

-- The events delivered since the last call.
local function events(h)
  h:run_tasks()
  local got = h.env.got
  h.env.got = {}
  return got
end

describe("h:health_check", function()
  it("moves the health counter as HAProxy does, whatever the version", function()
    for _, ver in ipairs(testing.versions) do
      local h = load(ver, { s1 = { check = "UP" } })
      local seen = {}
      for _, r in ipairs({ "fail", "fail", "fail", "fail", "pass", "pass", "pass" }) do
        seen[#seen + 1] = h:health_check("be/s1", r)
      end
      assert.same({ "UP 2/3", "UP 1/3", "DOWN", "DOWN", "DOWN 1/2", "UP", "UP" }, seen, ver)
    end
  end)

  it("follows rise and fall, and a `check` text a spec wrote", function()
    local desc = { check = "UP", rise = 3, fall = 2 }
    local h = load("3.2", { s1 = desc })
    assert.equal("UP 1/2", h:health_check("be/s1", "fail"))
    assert.equal("DOWN", h:health_check("be/s1", "fail"))
    assert.equal("DOWN 2/3", h:health_check("be/s1", "pass", { times = 2 }))
    desc.check = "DOWN 1/3" -- the spec moves it itself
    assert.equal("DOWN 2/3", h:health_check("be/s1", "pass"))
    assert.equal("UP", h:health_check("be/s1", "pass"))
  end)

  it("2.8+: SERVER_CHECK when the status or the health changed, then DOWN/UP and STATE", function()
    local h = load("2.8", { s1 = { check = "UP" } })
    h:health_check("be/s1", "fail", { times = 4 })
    assert.same({
      "SERVER_CHECK s1 FAILED L4CON 3/2/3",
      "SERVER_CHECK s1 FAILED L4CON 2/2/3",
      "SERVER_CHECK s1 FAILED L4CON 0/2/3",
      "SERVER_DOWN s1",
      "SERVER_STATE s1 RUNNING>STOPPED [] FAILED",
    }, events(h))
    h:health_check("be/s1", "fail", { status = "L4TOUT" }) -- a new status alone is reported
    h:health_check("be/s1", "fail", { status = "L4TOUT" }) -- the same one is not
    assert.same({ "SERVER_CHECK s1 FAILED L4TOUT 0/2/3" }, events(h))
    h:health_check("be/s1", "pass", { times = 3 })
    assert.same({
      "SERVER_CHECK s1 PASSED L4OK 1/2/3",
      "SERVER_CHECK s1 PASSED L4OK 4/2/3",
      "SERVER_UP s1",
      "SERVER_STATE s1 STOPPED>RUNNING [] PASSED",
    }, events(h))
  end)

  it("gives the check table HAProxy gives, with a code for layer 7 statuses", function()
    local h = load("3.2", { s1 = { check = "UP" } }, { code = [[
      core.event_sub({ "SERVER_CHECK" }, function(_, d) check = d.check end)
    ]] })
    h:health_check("be/s1", "fail", { status = "L7STS", code = 503, duration = 12 })
    h:run_tasks()
    assert.same({ agent = false, result = "FAILED", duration = 12,
                  reason = { short = "L7STS", desc = "Layer7 wrong status", code = 503 },
                  health = { cur = 3, rise = 2, fall = 3 } }, h.env.check)
  end)

  it("does nothing while the server is in maintenance; leaving it restarts at rise", function()
    local h = load("3.2", { s1 = { check = "UP" } })
    local sv = h.core.backends.be.servers.s1
    sv:set_maint()
    events(h)
    assert.equal("MAINT", h:health_check("be/s1", "fail", { times = 5 }))
    assert.same({}, events(h))
    sv:set_ready()
    assert.equal("UP 1/3", sv:get_stats().status)
    assert.equal("DOWN", h:health_check("be/s1", "fail"))
    assert.same({
      "SERVER_ADMIN s1 FMAINT>",
      "SERVER_UP s1",
      "SERVER_STATE s1 STOPPED>RUNNING []",
      "SERVER_CHECK s1 FAILED L4CON 0/2/3",
      "SERVER_DOWN s1",
      "SERVER_STATE s1 RUNNING>STOPPED [] FAILED",
    }, events(h))
  end)

  it("does nothing while the check is disabled", function()
    local h = load("2.6", { s1 = { check = "UP" } })
    h.core.backends.be.servers.s1:check_disable()
    assert.equal("no check", h:health_check("be/s1", "fail", { times = 3 }))
  end)

  it("refuses what cannot be checked", function()
    local h = load("3.2", { s1 = {}, s2 = { check = "UP" } })
    assert.has_error(function() h:health_check("be/s1", "fail") end,
      "h:health_check: server 'be/s1' has no health check (no 'check' keyword)")
    assert.has_error(function() h:health_check("be/nope", "fail") end,
      "h:health_check: no server 'be/nope' (expected \"backend/server\")")
    assert.has_error(function() h:health_check("be/s2", "down") end,
      "h:health_check: result must be \"pass\" or \"fail\", got down")
    assert.has_error(function() h:health_check("be/s2", "pass", { status = "L4CON" }) end,
      "h:health_check: status L4CON is not a passed check")
    assert.has_error(function() h:health_check("be/s2", "fail", { status = "NOPE" }) end,
      "h:health_check: unknown check status 'NOPE'")
  end)
end)

describe("admin flags", function()
  it("set_drain on a server in maintenance drains it, then takes it out (two ADMIN events)", function()
    local h = load("3.0", { d1 = {}, d2 = { admin = "maint" } })
    local d1, d2 = h.core.backends.be.servers.d1, h.core.backends.be.servers.d2
    d1:set_maint()
    events(h)
    d1:set_drain()
    assert.same({ "SERVER_ADMIN d1 FMAINT>FMAINT+FDRAIN", "SERVER_ADMIN d1 FMAINT+FDRAIN>FDRAIN",
                  "SERVER_UP d1", "SERVER_STATE d1 STOPPED>RUNNING []" }, events(h))
    assert.equal("DRAIN", d1:get_stats().status)
    assert.is_true(d1:is_draining())
    -- the configuration's `disabled` (CMAINT) stays marked
    d2:set_drain()
    assert.same({ "SERVER_ADMIN d2 FMAINT+CMAINT>FMAINT+CMAINT+FDRAIN",
                  "SERVER_ADMIN d2 FMAINT+CMAINT+FDRAIN>CMAINT+FDRAIN",
                  "SERVER_UP d2", "SERVER_STATE d2 STOPPED>RUNNING []" }, events(h))
    d1:set_ready()
    assert.same({ "SERVER_ADMIN d1 FDRAIN>" }, events(h))
  end)

  it("a weight of 0 is draining (2.6: 1; 2.8+: true), not DRAIN", function()
    local h6 = load("2.6", { s = { weight = 0 } })
    assert.equal(1, h6.core.backends.be.servers.s:is_draining())
    local h = load("3.2", { s = { weight = 0 } })
    assert.is_true(h.core.backends.be.servers.s:is_draining())
    assert.equal("no check", h.core.backends.be.servers.s:get_stats().status)
  end)

  it("the description's admin string follows the flags, and the flags follow it", function()
    local desc = { be = { cap = "backend", servers = { s = {} } } }
    local h = load("3.2", nil, { proxies = desc })
    local sv = h.core.backends.be.servers.s
    sv:set_maint()
    assert.equal("maint", desc.be.servers.s.admin)
    desc.be.servers.s.admin = "drain" -- a spec's own edit
    assert.is_true(sv:is_draining())
    assert.equal("DRAIN", sv:get_stats().status)
  end)

  it("2.8.0's get_stats() raises", function()
    local h = load("2.8", { s = {} })
    assert.same({ false, "table index is nil" },
      { pcall(h.core.backends.be.servers.s.get_stats, h.core.backends.be.servers.s) })
    assert.same({ false, "table index is nil" }, { pcall(h.core.backends.be.get_stats, h.core.backends.be) })
    assert.equal("no check", load("3.0", { s = {} }).core.backends.be.servers.s:get_stats().status)
  end)
end)

describe("a check's state apart from its health", function()
  it("a dynamic server enabled before its check stays up while the health climbs from 0", function()
    for _, ver in ipairs({ "2.8", "3.0", "3.2" }) do
      local h = load(ver, {})
      h:cli("add server be/n3 127.0.0.1:1 check rise 3 fall 2")
      h:cli("enable server be/n3")
      events(h)
      assert.equal("\n", h:cli("enable health be/n3"))
      assert.same({}, events(h), ver)
      assert.equal("UP -2/2", h:health_check("be/n3", "fail", { times = 0 }), ver) -- (live 3.2.0, `show stat`)
      assert.equal("UP -1/2", h:health_check("be/n3", "pass"))
      assert.equal("UP 0/2", h:health_check("be/n3", "pass"))
      assert.equal("UP", h:health_check("be/n3", "pass", { times = 3 }))
      assert.same({ "SERVER_CHECK n3 PASSED L4OK 1/3/2", "SERVER_CHECK n3 PASSED L4OK 2/3/2",
                    "SERVER_CHECK n3 PASSED L4OK 4/3/2" }, events(h), ver)
    end
  end)

  it("a failure that leaves the health at 0 stops a running server", function()
    local h = load("3.2", {})
    h:cli("add server be/n3 127.0.0.1:1 check")
    h:cli("enable server be/n3")
    h:cli("enable health be/n3")
    events(h)
    assert.equal("DOWN", h:health_check("be/n3", "fail"))
    assert.same({ "SERVER_CHECK n3 FAILED L4CON 0/2/3", "SERVER_DOWN n3",
                  "SERVER_STATE n3 RUNNING>STOPPED [] FAILED" }, events(h))
  end)

  it("disabling and enabling the check keeps its health and the server's state", function()
    local h = load("3.2", {})
    local sv
    h:cli("add server be/n3 127.0.0.1:1 check")
    h:cli("enable server be/n3")
    h:cli("enable health be/n3")
    assert.equal("UP 0/3", h:health_check("be/n3", "pass"))
    sv = h.core.backends.be.servers.n3
    h:cli("disable health be/n3")
    assert.equal("no check", sv:get_stats().status)
    h:cli("enable health be/n3")
    assert.equal("UP 0/3", sv:get_stats().status)
    events(h)
    sv:check_force_down()
    sv:check_disable()
    sv:check_enable()
    assert.equal("DOWN", sv:get_stats().status)
    assert.same({ "SERVER_DOWN n3", "SERVER_STATE n3 RUNNING>STOPPED [changed from Lua script]" }, events(h))
  end)
end)

describe("delivery order", function()
  it("each event reaches the server's subscriptions, then core's, the newest of each first", function()
    local h = load("3.0", { d1 = {} }, { code = [[
      log = {}
      core.event_sub({ "SERVER" }, function(ev) log[#log + 1] = "A " .. ev end)
      core.event_sub({ "SERVER" }, function(ev) log[#log + 1] = "B " .. ev end)
    ]] })
    local sv = h.core.backends.be.servers.d1
    sv:event_sub({ "SERVER" }, function(ev) h.env.log[#h.env.log + 1] = "S1 " .. ev end)
    sv:event_sub({ "SERVER" }, function(ev) h.env.log[#h.env.log + 1] = "S2 " .. ev end)
    sv:set_maint()
    h:run_tasks()
    -- (live 2.8.0, 3.0.0, 3.2.0: two core and two server subscriptions)
    assert.same({ "S2 SERVER_ADMIN", "S1 SERVER_ADMIN", "B SERVER_ADMIN", "A SERVER_ADMIN",
                  "S2 SERVER_DOWN", "S1 SERVER_DOWN", "B SERVER_DOWN", "A SERVER_DOWN",
                  "S2 SERVER_STATE", "S1 SERVER_STATE", "B SERVER_STATE", "A SERVER_STATE" }, h.env.log)
  end)
end)

describe("SERVER_INETADDR (3.0+)", function()
  local function servers() return { d1 = { addr = "127.0.0.1:80" } } end

  it("set_addr publishes it once the change shows, with the server's fields only", function()
    for _, ver in ipairs({ "3.0", "3.2" }) do
      local h = load(ver, servers(), { code = [[
        core.event_sub({ "SERVER_INETADDR" }, function(ev, d) data = d end)
        core.register_task(function()
          local sv = core.backends.be.servers.d1
          seen = { sv:set_addr("127.0.0.2", "81"), sv:get_addr() }
          core.yield()
          seen[#seen + 1] = sv:get_addr()
          seen[#seen + 1] = sv:set_addr("127.0.0.2", "81")
          seen[#seen + 1] = sv:set_addr("x")
        end)
      ]] })
      h:run_tasks()
      assert.same({ "IP changed from '127.0.0.1' to '127.0.0.2', port changed from '80' to '81' by 'Lua script'",
                    "127.0.0.1:80", "127.0.0.2:81", "nothing changed", "Invalid addr 'x'" }, h.env.seen)
      assert.same({ "SERVER_INETADDR d1 127.0.0.2:81" }, events(h), ver)
      local d = h.env.data
      assert.same({ "d1", 1, 0, "be" }, { d.name, d.puid, d.rid, d.proxy_name })
      assert.equal(h.core.backends.be.servers.d1, d.reference)
      assert.is_nil(d.check or d.state or d.admin)
    end
  end)

  it("2.8 knows no such event type; 2.6 and 2.8 change the address at once and publish nothing", function()
    local h = load("2.8", servers())
    assert.has_error(function() h.env.core.event_sub({ "SERVER_INETADDR" }, print) end,
      "bad argument #1 to 'event_sub' ('SERVER_INETADDR' event type is unknown)")
    assert.equal("IP changed from '127.0.0.1' to '127.0.0.2' by 'Lua script'",
      h.core.backends.be.servers.d1:set_addr("127.0.0.2"))
    assert.equal("127.0.0.2:80", h.core.backends.be.servers.d1:get_addr())
    assert.same({}, events(h))
  end)

  it("a change made in an init function arrives after the first turn of the tasks", function()
    local h = load("3.2", servers(), { code = [[
      seen = {}
      core.register_init(function() core.backends.be.servers.d1:set_addr("127.0.0.5") end)
      core.event_sub({ "SERVER_INETADDR" }, function(ev, d) seen[#seen + 1] = "event " .. d.reference:get_addr() end)
      core.register_task(function()
        seen[#seen + 1] = "task " .. core.backends.be.servers.d1:get_addr()
        core.yield()
        seen[#seen + 1] = "task " .. core.backends.be.servers.d1:get_addr()
      end)
    ]] })
    h:run_tasks()
    assert.same({ "task 127.0.0.1:80", "event 127.0.0.5:80", "task 127.0.0.5:80" }, h.env.seen)
  end)

  it("3.2: get_stats() yields where it may, so a change shows after it (3.0: not before a yield)", function()
    for ver, want in pairs({ ["3.0"] = "127.0.0.1:80", ["3.2"] = "127.0.0.2:80" }) do
      local h = load(ver, servers(), { code = [[
        core.register_task(function()
          local sv = core.backends.be.servers.d1
          sv:set_addr("127.0.0.2")
          seen = { sv:get_stats().addr, sv:get_addr() }
        end)
      ]] })
      h:run_tasks()
      assert.same({ "127.0.0.1:80", want }, h.env.seen, ver)
    end
  end)

  it("the CLI's set server addr: the same answers by 'stats socket command', a blank line after", function()
    local h6 = load("2.6", servers())
    assert.equal("IP changed from '127.0.0.1' to '127.0.0.3', port changed from '80' to '82'"
      .. " by 'stats socket command'\n\n", h6:cli("set server be/d1 addr 127.0.0.3 port 82"))
    assert.equal("no need to change the addr by 'stats socket command'\n\n", h6:cli("set server be/d1 addr 127.0.0.3"))
    assert.equal("No such server.\n\n", h6:cli("set server be/nope addr 127.0.0.3"))
    local h = load("3.0", servers())
    assert.equal("IP changed from '127.0.0.1' to '127.0.0.3' by 'stats socket command'\n\n",
      h:cli("set server be/d1 addr 127.0.0.3 prt 9"))
    assert.equal("problem converting port '' to an int\n\n", h:cli("set server be/d1 addr 127.0.0.4 port"))
    assert.equal("set server <b>/<s> addr requires an address and optionally a port.\n\n",
      h:cli("set server be/d1 addr"))
    assert.same({ "SERVER_INETADDR d1 127.0.0.3:80" }, events(h))
  end)
end)

describe("h:cli: HAProxy's server commands", function()
  local function servers(h)
    local out = {}
    for name in pairs(h.core.backends.be.servers) do out[#out + 1] = name end
    table.sort(out)
    return table.concat(out, ",")
  end

  it("add server: a dynamic server in maintenance, SERVER_ADD, listed from 2.8 on", function()
    local h = load("3.2", { s1 = { puid = 1 }, s3 = { puid = 3 } })
    assert.equal("New server registered.\n\n", h:cli("add server be/n1 127.0.0.1:8080 weight 7"))
    assert.same({ "SERVER_ADD n1" }, events(h))
    local n1 = h.core.backends.be.servers.n1
    assert.same({ "2", "0", true, "MAINT", 7 }, { n1:get_puid(), n1:get_rid(), n1:is_dynamic(),
                                                 n1:get_stats().status, n1:get_weight() })
    assert.equal("Already exists a server with the same name in backend.\n\n",
      h:cli("add server be/n1 127.0.0.1:8080"))
    assert.equal("No such backend.\n\n", h:cli("add server nope/x 127.0.0.1:1"))
    assert.equal("Require 'backend/server'.\n\n", h:cli("add server be 127.0.0.1:1"))
    local h6 = load("2.6", { s1 = {} })
    assert.equal("New server registered.\n\n", h6:cli("add server be/n1 127.0.0.1:8080"))
    assert.equal("s1", servers(h6)) -- 2.6's table lists the servers of the configuration only
  end)

  it("enable/disable server, set server state: the Lua methods' events", function()
    local h = load("2.8", {})
    h:cli("add server be/n1 127.0.0.1:8080")
    events(h)
    assert.equal("\n", h:cli("enable server be/n1"))
    assert.same({ "SERVER_ADMIN n1 FMAINT>", "SERVER_UP n1", "SERVER_STATE n1 STOPPED>RUNNING []" }, events(h))
    assert.equal("\n", h:cli("set server be/n1 state drain"))
    assert.same({ "SERVER_ADMIN n1 >FDRAIN" }, events(h))
    assert.equal("'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n\n",
      h:cli("set server be/n1 state nope"))
    assert.equal("\n", h:cli("disable server be/n1"))
    assert.same({ "SERVER_ADMIN n1 FDRAIN>FMAINT+FDRAIN", "SERVER_DOWN n1",
                  "SERVER_STATE n1 RUNNING>STOPPED []", "SERVER_ADMIN n1 FMAINT+FDRAIN>FMAINT" }, events(h))
    assert.equal("Health check was not configured on this server, cannot enable.\n\n",
      h:cli("enable health be/n1"))
  end)

  it("del server: in maintenance only; SERVER_DEL without reference; a later add gets a new rid", function()
    for _, ver in ipairs({ "2.8", "3.0" }) do
      local nl = ver == "2.8" and "\n" or "\n\n" -- 3.0 ends the CLI's messages with a blank line
      local h = load(ver, { s1 = {} })
      h:cli("add server be/n1 127.0.0.1:8080")
      h:cli("enable server be/n1")
      assert.equal("Only servers in maintenance mode can be deleted." .. nl, h:cli("del server be/n1"))
      h:cli("disable server be/n1")
      events(h)
      assert.equal("Server deleted." .. nl, h:cli("del server be/n1"))
      assert.same({ "SERVER_DEL n1 (no reference)" }, events(h))
      assert.equal("s1", servers(h))
      assert.equal("No such server." .. nl, h:cli("del server be/n1"))
      h:cli("add server be/n2 127.0.0.1:8080")
      assert.same({ "2", "1" }, { h.core.backends.be.servers.n2:get_puid(), h.core.backends.be.servers.n2:get_rid() })
      -- a server of the configuration goes too, once in maintenance
      h.core.backends.be.servers.s1:set_maint()
      assert.equal("Server deleted." .. nl, h:cli("del server be/s1"))
    end
  end)

  it("2.6: a server the script has an object for cannot be deleted", function()
    local h = load("2.6", { s1 = { admin = "maint" } })
    assert.equal("This server cannot be removed at runtime due to other configuration elements pointing to it.\n",
      h:cli("del server be/s1"))
    h:cli("add server be/n1 127.0.0.1:1")
    assert.equal("Server deleted.\n", h:cli("del server be/n1"))
  end)

  it("answers once the configuration is parsed", function()
    local h = testing.load_string("", { haproxy = "3.2", start = false, quiet = true,
                                        proxies = { be = { cap = "backend", servers = {} } } })
    assert.has_error(function() h:cli("add server be/n1 127.0.0.1:1") end,
      "proxylua: the CLI answers once the configuration is parsed (h:start())")
    h:start()
    assert.equal("New server registered.\n\n", h:cli("add server be/n1 127.0.0.1:1"))
  end)

  it("a line that is neither a Lua command nor a server command is unknown", function()
    assert.has_error(function() load("3.2", {}):cli("show nothing") end, "Unknown command: 'show nothing'")
  end)
end)

describe("from_config", function()
  local function cfg(text)
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write(text)
    f:close()
    return path
  end

  it("reads check, rise, fall; a checked server starts at rise, a disabled one paused", function()
    local path = cfg([[
global
    stats socket 127.0.0.1:1 level admin
backend be
    server s1 127.0.0.1:1 check rise 3 fall 2
    server s2 127.0.0.1:1 check disabled
    server s3 127.0.0.1:1
backend other
]])
    local h = testing.from_config(path, { haproxy = "3.2", quiet = true })
    os.remove(path)
    local be = h.core.backends.be
    assert.same({ "UP 1/2", "MAINT", "no check" },
      { be.servers.s1:get_stats().status, be.servers.s2:get_stats().status, be.servers.s3:get_stats().status })
    assert.equal("DOWN", h:health_check("be/s1", "fail"))
    be.servers.s2:set_ready()
    assert.equal("UP 1/3", be.servers.s2:get_stats().status)
    -- uuids in declaration order, after the stats socket's own frontend
    assert.same({ "2", "3" }, { be:get_uuid(), h.core.backends.other:get_uuid() })
  end)
end)
