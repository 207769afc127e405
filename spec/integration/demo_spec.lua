-- The README's demo command works: it starts redis-server and HAProxy, shows
-- the rate limit at work (the fourth request of a client is refused), and
-- with --once stops both again.
local H = require "spec.helpers.haproxy"

describe("scripts/demo", function()
  it("shows routing and the rate limit through real HAProxy and redis-server, then stops them", function()
    local out, ok = H.capture("timeout -k 2 60 scripts/demo --once 2>&1")
    assert.is_true(ok, out)
    local rport = assert(out:match("redis%-server [%d.]+ on 127%.0%.0%.1:(%d+) %(pid %d+%)"), out)
    local port = assert(out:match("serving examples/demo on 127%.0%.0%.1:(%d+)"), out)
    local base = "http://127%.0%.0%.1:" .. port
    assert.matches("curl %-si %-H 'X%-Client: alice' " .. base .. "/api/users\n", out)
    -- the seconds the window has left (1..10: Redis counts down in real time)
    local retry = assert(out:match("retry in (%d+) s"), out)
    assert.is_true(tonumber(retry) >= 1 and tonumber(retry) <= 10, retry)
    local answers = {}
    for cmd, status, first in out:gmatch("\n%$ (curl [^\n]*)\n(%d+) ([^\n]*)") do
      answers[#answers + 1] = { cmd:match("X%-Client: (%w+)") .. " " .. cmd:match(base .. "(%S*)"),
                                status, first }
    end
    assert.same({
      { "alice /api/users", "200", "be_api answered GET /api/users" },
      { "alice /api/users", "200", "be_api answered GET /api/users" },
      { "alice /api/users", "200", "be_api answered GET /api/users" },
      { "alice /api/users", "429", "rate limit: client alice made 4 requests, 3 allowed per 10 s; retry in "
                                   .. retry .. " s" },
      { "bob /static/logo.png", "200", "be_static answered GET /static/logo.png" },
      { "bob /", "200", "be_www answered GET /" },
    }, answers)
    assert.matches("\n    client bob %(redis key demo:rl:%x+%), rate limit 2/3\n", out)
    -- Nothing listens any more: both were stopped.
    assert.is_nil((require "socket").connect("127.0.0.1", tonumber(port)))
    assert.is_nil((require "socket").connect("127.0.0.1", tonumber(rport)))
  end)
end)
