-- examples/demo (its haproxy.cfg and demo.lua, unchanged) inside real
-- HAProxy 2.6 against a redis-server this spec starts: the rate limit, the
-- routing, and (through the shim) pooled Redis connections.
local H = require "spec.helpers.haproxy"
local R = require "spec.helpers.redis"

local function demo_config(redis_port)
  local cfg = assert(H.read_file("examples/demo/haproxy.cfg"))
  local vars = { DEMO_PORT = "${PORT}", REDIS_PORT = redis_port, DEMO_LIMIT = 3, DEMO_WINDOW = 10,
                 PROXYLUA_BUILD = H.build_dir(),
                 PROXYLUA_EXAMPLES = H.capture("pwd"):gsub("%s+$", "") .. "/examples" }
  return (cfg:gsub("%${([%w_]+)}", function(k) return vars[k] and tostring(vars[k]) end))
end

local with_shim = pcall(require, "proxylua.luasocket") and it or pending

describe("examples/demo inside HAProxy 2.6 with redis-server", function()
  local redis, hap
  setup(function()
    redis = R.start()
    hap = H.start({ config = demo_config(redis.port), defaults = false, timeout = 120 })
  end)
  teardown(function()
    if hap then hap:stop() end
    redis:stop()
  end)

  local function get(who, path)
    return H.http({ port = hap.port, path = path, headers = who and { ["X-Client"] = who } })
  end

  it("passes three requests of a client, answers the fourth 429, counts others apart", function()
    redis:command("flushall")
    for i = 1, 3 do
      local status, body = get("dave", "/api/orders")
      assert.equal(200, status)
      assert.equal("be_api answered GET /api/orders\n", body:match("^[^\n]*\n"))
      assert.matches("rate limit " .. i .. "/3\n$", body)
    end
    local status, body, headers = get("dave", "/api/orders")
    assert.equal(429, status)
    local left = tonumber(headers["retry-after"])   -- what the window has left
    assert.is_true(left > 0 and left <= 10, headers["retry-after"])
    assert.equal("rate limit: client dave made 4 requests, 3 allowed per 10 s; retry in "
                 .. left .. " s\n", body)
    status, body = get("erin", "/static/x.js")
    assert.equal(200, status)
    assert.equal("be_static answered GET /static/x.js\n", body:match("^[^\n]*\n"))
    assert.matches("client erin %(redis key demo:rl:%x+%), rate limit 1/3\n$", body)
    -- without X-Client the source address is the client
    status, body = get(nil, "/")
    assert.equal(200, status)
    assert.matches("^be_www answered GET /\nclient 127%.0%.0%.1 %(", body)
  end)

  it("keeps the count in Redis under the hashed key, expiring with the window", function()
    redis:command("flushall")
    get("frank", "/")
    get("frank", "/")
    local key = redis:command("randomkey")   -- the only key
    assert.equal(string.format("demo:rl:%016x", require("proxylua.hash").xxh64("frank")), key)
    assert.equal("2", redis:command("get", key))
    local ttl = redis:command("ttl", key)
    assert.is_true(ttl > 0 and ttl <= 10, tostring(ttl))
  end)

  with_shim("keeps a few pooled connections to Redis, not one per request", function()
    local before = redis:command("info", "stats"):match("total_connections_received:(%d+)")
    for i = 1, 20 do get("pool" .. i, "/") end
    local after = redis:command("info", "stats"):match("total_connections_received:(%d+)")
    -- minus the connection asking for `after`: one per HAProxy thread (a
    -- state each, lua-load-per-thread) once warm; 20 without the pool
    local made = after - before - 1
    assert.is_true(made <= 4, tostring(made))
  end)
end)
