-- Log records as HAProxy 2.6 prints them: every level is recorded, and
-- h:logs({ printed = true }) keeps what HAProxy prints on stderr without -d
-- (no debug level). spec/integration/testing_logs_haproxy_spec.lua checks
-- the same fixture against HAProxy with and without -d.
local testing = require "proxylua.testing"

local NAMES = { [0] = "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug" }

local function lines(records)
  local out = {}
  for _, r in ipairs(records) do out[#out + 1] = "[" .. NAMES[r.level] .. "] " .. r.msg end
  return out
end

local function run()
  local h = testing.load("spec/fixtures/log_levels.lua", { quiet = true })
  h:run_tasks()
  local r = h:action("a", {})
  return h, r
end

describe("log records HAProxy prints", function()
  it("records every level, debug included", function()
    local h = run()
    assert.equal(31, #h:logs())
    assert.equal(9, #h:logs({ level = 7 }))
    assert.same({ "body log 7", "body Debug", "init Debug", "task Debug", "task log debug",
                  "act log 7", "act Debug", "txn Debug", "txn log debug" }, h:log_messages(7))
  end)

  it("printed = true drops the debug level, as HAProxy without -d", function()
    local h, r = run()
    -- the lines HAProxy 2.6.12 printed for this fixture, started with -db
    assert.same({
      "[emerg] body log 0", "[alert] body log 1", "[crit] body log 2", "[err] body log 3",
      "[warning] body log 4", "[notice] body log 5", "[info] body log 6",
      "[info] body Info", "[warning] body Warning", "[alert] body Alert",
      "[info] init Info", "[info] task Info",
      "[emerg] act log 0", "[alert] act log 1", "[crit] act log 2", "[err] act log 3",
      "[warning] act log 4", "[notice] act log 5", "[info] act log 6",
      "[info] act Info", "[info] txn Info", "[info] txn log info",
    }, lines(h:logs({ printed = true })))
    -- one call's records (r.logs) through testing.printed_logs
    assert.same({ "[emerg] act log 0", "[alert] act log 1", "[crit] act log 2",
                  "[err] act log 3", "[warning] act log 4", "[notice] act log 5",
                  "[info] act log 6", "[info] act Info", "[info] txn Info",
                  "[info] txn log info" }, lines(testing.printed_logs(r.logs)))
  end)

  it("printed = '-d' is everything, as HAProxy -d prints", function()
    local h = run()
    assert.same(lines(h:logs()), lines(h:logs({ printed = "-d" })))
    assert.same({ "body log 6", "body Info", "init Info", "task Info", "act log 6",
                  "act Info", "txn Info", "txn log info" }, h:log_messages(6, { printed = true }))
    assert.same({}, h:log_messages(7, { printed = true }))
  end)

  it("refuses what it does not know", function()
    local h = run()
    assert.has_error(function() h:logs({ printed = "-q" }) end,
      'logs: printed must be true, false or "-d" (got -q)')
    assert.has_error(function() h:logs("printed") end,
      "bad argument #1 to 'logs' (table expected, got string)")
  end)
end)
