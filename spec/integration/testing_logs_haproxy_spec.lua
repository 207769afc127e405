-- Which log records HAProxy prints on stderr (2.6 by default; recorded per
-- version in spec/golden/), with and without -d, for
-- spec/fixtures/log_levels.lua (every level from the body, init, a task and
-- an action), against what the harness gives for h:logs({ printed = ... }).
local H = require "spec.helpers.haproxy"
local socket = require "socket"
local testing = require "proxylua.testing"

local FIXTURE = "spec/fixtures/log_levels.lua"
local NAMES = { [0] = "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug" }

-- "[level] msg" for each Lua log line HAProxy printed, in order, and its
-- own configuration warnings about Lua (3.2's about bool samples) as
-- "[warning] config : ...", as the harness records them.
local function printed(flags)
  local hap = H.start({ files = { ["t.lua"] = H.read_file(FIXTURE) }, flags = flags,
                        timeout = 60, global = "    nbthread 1\n    lua-load ${DIR}/t.lua\n",
                        config = "frontend fe\n    bind 127.0.0.1:${PORT}\n"
                          .. "    http-request lua.a\n    http-request return status 200\n" })
  local ok, err = pcall(function()
    assert.equal(200, (H.http({ port = hap.port })))
    -- the last line the action logs is on stderr once the answer is back
    local deadline = socket.gettime() + 10
    while not hap:output():find("txn log info", 1, true) and socket.gettime() < deadline do
      if not H.replaying then socket.sleep(0.05) end
    end
  end)
  local out = hap:output()
  hap:stop()
  assert(ok, err)
  local lines, lua = {}, 0
  for line in out:gmatch("[^\n]+") do
    local level, msg = line:match("^%[(%l+)%] %d+/%d+ %(%d+%) : (.*)$")
    if level then lua = lua + 1 end
    if not level then
      msg = line:match("^%[WARNING%]%s+%(%d+%) : (config : .*)$")
      level = msg and "warning"
    end
    if level then lines[#lines + 1] = "[" .. level .. "] " .. msg end
  end
  return lines, lua
end

local function harness(opts)
  local h = testing.load(FIXTURE, { quiet = true })
  h:run_tasks()
  h:action("a", {})
  local out = {}
  for _, r in ipairs(h:logs(opts)) do out[#out + 1] = "[" .. NAMES[r.level] .. "] " .. r.msg end
  return out
end

describe("log records printed by HAProxy " .. H.version(), function()
  it("without -d: no debug level, as h:logs({ printed = true })", function()
    local got, lua = printed("-db")
    assert.equal(22, lua)
    assert.same(harness({ printed = true }), got)
  end)

  it("with -d: every level, as h:logs({ printed = '-d' })", function()
    local got, lua = printed("-d")
    assert.equal(31, lua)
    assert.same(harness({ printed = "-d" }), got)
  end)
end)
