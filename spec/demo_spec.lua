-- examples/demo/demo.lua (the script scripts/demo runs inside HAProxy),
-- unchanged, through the harness: against a real redis-server this spec
-- starts, and against a fake Redis peer (opts.tcp) with no network.
local testing = require "proxylua.testing"
local hash = require "proxylua.hash"
local H = require "spec.helpers.haproxy"
local R = require "spec.helpers.redis"
local F = require "spec.helpers.fake_redis"

local SCRIPT = "examples/demo/demo.lua"
-- The fake peer answers core.tcp(), the pool is the shim's, and the
-- detector's silence is the shim's: those cases need proxylua.luasocket.
local with_shim = pcall(require, "proxylua.luasocket") and it or pending
local LIMIT, WINDOW = "3", "10"

-- Debian ships redis-lua for Lua 5.3 only; it is plain Lua, so 5.4 gets
-- it from a directory holding just that file.
local redis_dir = H.tmpdir()
os.execute("ln -s /usr/share/lua/5.3/redis.lua " .. redis_dir .. "/redis.lua")
local function load(opts)
  opts = opts or {}
  opts.prepend_path = redis_dir .. "/?.lua"
  opts.quiet = true
  return testing.load(SCRIPT, opts)
end

local function key_of(who) return string.format("demo:rl:%016x", hash.xxh64(who)) end

local function request(who, path)
  return { path = path or "/api/users", src = "192.0.2.7",
           headers = who and { ["X-Client"] = who } or {} }
end

-- The same checks against either Redis: three requests pass, the fourth is
-- answered 429 by the action itself.
-- `ttl`: the seconds the peer says are left (a real Redis counts down).
local function check_limit(h, addr, ttl)
  for i = 1, 3 do
    local r = h:action("ratelimit", request("alice"), addr, LIMIT, WINDOW)
    assert.equal("continue", r.verdict)
    assert.equal(i .. "/3", r.vars.txn.ratelimit)
    assert.equal(key_of("alice"), r.vars.txn.client_key)
  end
  local r = h:action("ratelimit", request("alice"), addr, LIMIT, WINDOW)
  assert.equal("done", r.verdict)
  assert.equal(429, r.reply.status)
  local left = testing.header_map(r.reply.headers)["retry-after"]
  assert.matches(ttl, left)
  assert.equal("rate limit: client alice made 4 requests, 3 allowed per 10 s; retry in "
               .. left .. " s\n", r.reply.body)
  -- another client has its own window
  r = h:action("ratelimit", request("bob"), addr, LIMIT, WINDOW)
  assert.equal("1/3", r.vars.txn.ratelimit)
end

describe("examples/demo/demo.lua against a real redis-server", function()
  local redis, addr
  setup(function()
    redis = R.start()
    addr = "127.0.0.1:" .. redis.port
  end)
  teardown(function() redis:stop() end)
  before_each(function() redis:command("flushall") end)

  it("counts each client in Redis and answers 429 past the limit", function()
    check_limit(load(), addr, "^%d+$")
    assert.equal("4", redis:command("get", key_of("alice")))
    local ttl = redis:command("ttl", key_of("alice"))
    assert.is_true(ttl > 0 and ttl <= 10, tostring(ttl))
  end)

  with_shim("reuses one pooled connection for every request", function()
    local h = load()
    local before = redis:command("info", "stats"):match("total_connections_received:(%d+)")
    for _ = 1, 5 do h:action("ratelimit", request("gina"), addr, "10", WINDOW) end
    local after = redis:command("info", "stats"):match("total_connections_received:(%d+)")
    -- the script's one connection, and the one asking for `after`
    assert.equal(2, after - before)
  end)

  with_shim("makes no call the blocking-call detector reports", function()
    local h = load()
    for _ = 1, 2 do h:action("ratelimit", request("hank"), addr, LIMIT, WINDOW) end
    assert.same({}, h:blocking_calls())
  end)

  it("keys a request without X-Client by a hash of its source address", function()
    local r = load():action("ratelimit", request(nil), addr, LIMIT, WINDOW)
    assert.equal("192.0.2.7", r.vars.txn.client)
    assert.equal(key_of("192.0.2.7"), r.vars.txn.client_key)
    assert.equal("1", redis:command("get", key_of("192.0.2.7")))
  end)

  it("routes by the longest path prefix in routes.map", function()
    local h = load()
    local function backend(path)
      return h:action("ratelimit", request("carol", path), addr, "100", WINDOW).vars.txn.backend
    end
    assert.equal("be_api", backend("/api/users"))
    assert.equal("be_static", backend("/static/logo.png"))
    assert.equal("be_www", backend("/"))
    assert.equal("be_www", backend("/apiary"))
  end)

  it("answers from the chosen backend with what the action counted", function()
    local h = load()
    local r = h:action("ratelimit", request("alice", "/static/a.css"), addr, LIMIT, WINDOW)
    local res = h:service("hello", { path = "/static/a.css", vars = {
      ["txn.backend"] = r.vars.txn.backend, ["txn.client"] = r.vars.txn.client,
      ["txn.client_key"] = r.vars.txn.client_key, ["txn.ratelimit"] = r.vars.txn.ratelimit } })
    assert.equal(200, res.status)
    assert.equal("be_static answered GET /static/a.css\nclient alice (redis key "
                 .. key_of("alice") .. "), rate limit 1/3\n", res.body)
  end)
end)

describe("examples/demo/demo.lua against a fake Redis peer", function()
  with_shim("counts and limits the same way, with no network", function()
    local fake = F.new()
    check_limit(load({ tcp = fake:tcp() }), "127.0.0.1:6379", "^10$")
    assert.equal("4", fake.data[key_of("alice")])
    assert.same({ "EVAL", "EVAL", "EVAL", "EVAL", "EVAL" }, fake.commands)
  end)

  with_shim("reuses one pooled connection with the fake peer too", function()
    local fake = F.new()
    local h = load({ tcp = fake:tcp() })
    for _ = 1, 5 do h:action("ratelimit", request("ivan"), "127.0.0.1:6379", LIMIT, WINDOW) end
    assert.equal(1, fake.connects)
    assert.equal("5", fake.data[key_of("ivan")])
  end)

  with_shim("lets requests pass, and says so, when Redis cannot be reached", function()
    local h = load({ tcp = false })
    local r = h:action("ratelimit", request("alice"), "127.0.0.1:6379", LIMIT, WINDOW)
    assert.equal("continue", r.verdict)
    assert.equal("unavailable", r.vars.txn.ratelimit)
    assert.equal("be_api", r.vars.txn.backend)
    assert.matches("^ratelimit: redis unavailable, request passes: could not connect to "
                   .. "127%.0%.0%.1:6379 %[connection refused%]", r.logs[1].msg)
  end)
end)
