-- The `proxies` option (docs/testing.md, "Proxies and servers"): its format,
-- the plain health flag `check` (the statuses HAProxy 2.6 reported live for
-- checked servers: spec/integration/testing_proxies_haproxy_spec.lua), and
-- how a spec changes proxy and server state between calls.
local testing = require "proxylua.testing"

local SCRIPT = [[
core.register_service("st", "http", function(applet)
  local out = {}
  local be = core.backends.be
  for _, n in ipairs({ "a", "b", "c" }) do
    local st = be.servers[n]:get_stats()
    out[#out + 1] = n .. "=" .. st.status .. "/" .. st.scur
  end
  local st = be:get_stats()
  out[#out + 1] = "be=" .. st.status .. " act=" .. st.act .. " scur=" .. st.scur
    .. " nbsrv=" .. applet.f:nbsrv("be") .. " be_conn=" .. applet.f:be_conn("be")
  local body = table.concat(out, " ")
  applet:set_status(200)
  applet:add_header("content-length", #body)
  applet:start_response()
  applet:send(body)
end)
core.register_action("maint", { "http-req" }, function(txn, name)
  core.backends.be.servers[name]:set_maint()
end, 1)
]]

local function state(h) return h:service("st", {}).body end

describe("the proxies option", function()
  it("check = status text: what a checked server's get_stats().status says", function()
    local cases = {
      { {}, "no check" }, { { check = "UP" }, "UP" }, { { check = true }, "UP" },
      { { check = "DOWN" }, "DOWN" }, { { check = "NOLB" }, "NOLB" },
      { { check = "UP 1/3" }, "UP 1/3" }, { { check = "DOWN 1/2" }, "DOWN 1/2" },
      { { down = true }, "DOWN" }, { { check = "UP", admin = "maint" }, "MAINT" },
      { { check = "UP", admin = "drain" }, "DRAIN" },
    }
    for _, c in ipairs(cases) do
      local h = testing.load_string("", { proxies = { be = { cap = "backend",
        servers = { s = c[1] } } } })
      assert.equal(c[2], h.core.backends.be.servers.s:get_stats().status)
    end
  end)

  it("usable servers (act, nbsrv) leave out DOWN, NOLB, MAINT, DRAIN and weight 0", function()
    local h = testing.load_string("", { proxies = { be = { cap = "backend", servers = {
      up = { check = "UP" }, going = { check = "UP 1/3" }, nocheck = {},
      down = { check = "DOWN" }, rising = { check = "DOWN 1/2" }, nolb = { check = "NOLB" },
      maint = { admin = "maint" }, drain = { admin = "drain" }, zero = { check = "UP", weight = 0 },
      bck = { check = "UP", backup = true } } } } })
    local st = h.core.backends.be:get_stats()
    assert.same({ "UP", 3, 1 }, { st.status, st.act, st.bck })   -- up, going, nocheck
  end)

  it("nbsrv counts the active servers, else 1 for the backups (all with allbackups)", function()
    local function nbsrv(servers, allbackups)
      local h = testing.load_string([[
        core.register_fetches("n", function(txn) return txn.f:nbsrv("be") end)
      ]], { proxies = { be = { cap = "backend", servers = servers, allbackups = allbackups } } })
      return h:fetch("n", {}).value
    end
    assert.equal(2, nbsrv({ a = {}, b = {}, c = { backup = true } }))
    assert.equal(1, nbsrv({ a = { check = "DOWN" }, b = { backup = true }, c = { backup = true } }))
    assert.equal(2, nbsrv({ a = { check = "DOWN" }, b = { backup = true }, c = { backup = true } }, true))
    assert.equal(0, nbsrv({ a = { check = "DOWN" }, b = { backup = true, admin = "maint" } }))
  end)
end)

describe("changing proxy and server state between calls", function()
  local desc, h
  before_each(function()
    desc = { be = { cap = "backend", conn = 0,
                    servers = { a = { check = "UP" }, b = { check = "UP" }, c = {} } } }
    h = testing.load_string(SCRIPT, { proxies = desc, quiet = true })
  end)

  it("the description is read on each call: a spec edits it in place", function()
    assert.equal("a=UP/0 b=UP/0 c=no check/0 be=UP act=3 scur=0 nbsrv=3 be_conn=0", state(h))
    desc.be.servers.a.check = "DOWN"       -- a health check failed
    desc.be.servers.b.cur = 4              -- current sessions (srv_conn, scur)
    desc.be.conn = 4                       -- the backend's (be_conn, scur)
    assert.equal("a=DOWN/0 b=UP/4 c=no check/0 be=UP act=2 scur=4 nbsrv=2 be_conn=4", state(h))
    desc.be.servers.b.stats = { status = "UP 2/3" }  -- any get_stats field, verbatim
    assert.equal("a=DOWN/0 b=UP 2/3/4 c=no check/0 be=UP act=2 scur=4 nbsrv=2 be_conn=4", state(h))
  end)

  it("the spec calls the Server/Proxy methods the script would", function()
    h.core.backends.be.servers.c:set_maint()
    h.core.backends.be.servers.a:check_force_down()
    assert.equal("a=DOWN/0 b=UP/0 c=MAINT/0 be=UP act=1 scur=0 nbsrv=1 be_conn=0", state(h))
    h.core.backends.be.servers.c:set_ready()
    h.core.backends.be.servers.a:check_force_up()
    assert.equal("a=UP/0 b=UP/0 c=no check/0 be=UP act=3 scur=0 nbsrv=3 be_conn=0", state(h))
  end)

  it("what the script changes stays for the next calls, and shows in the description", function()
    h:action("maint", {}, "a")
    h:action("maint", {}, "b")
    assert.equal("maint", desc.be.servers.b.admin)
    assert.equal("a=MAINT/0 b=MAINT/0 c=no check/0 be=UP act=1 scur=0 nbsrv=1 be_conn=0", state(h))
  end)

  it("per_thread states share one description, as one process's threads do", function()
    local threads = testing.per_thread(function(o) return testing.load_string(SCRIPT, o) end, 2,
                                       { proxies = desc, quiet = true })
    threads[1]:action("maint", {}, "a")
    assert.equal("a=MAINT/0 b=UP/0 c=no check/0 be=UP act=2 scur=0 nbsrv=2 be_conn=0",
                 state(threads[2]))
  end)

  it("check_disable shows 'no check', check_enable the status again (live)", function()
    local a = h.core.backends.be.servers.a
    a:check_disable()
    assert.equal("no check", a:get_stats().status)
    a:check_enable()
    assert.equal("UP", a:get_stats().status)
    local c = h.core.backends.be.servers.c   -- unchecked: forced down, then up
    c:check_force_down()
    assert.equal("DOWN", c:get_stats().status)
    c:check_force_up()
    assert.equal("no check", c:get_stats().status)
  end)
end)
