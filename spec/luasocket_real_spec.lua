-- proxylua.luasocket with real software: Debian's redis-lua against a real
-- redis-server and LuaSocket's socket.http against a local HTTP server,
-- run unchanged through install(), under stock Lua and through
-- proxylua.testing (whose core.tcp() is real proxylua.socket sockets);
-- names through a fake DNS server; the pool; the blocking-call detector;
-- descriptors and memory after many connections.
local P = require "spec.helpers.peer"
local H = require "spec.helpers.haproxy"
local SV = require "spec.helpers.servers"
local testing = require "proxylua.testing"

-- redis-lua is packaged for 5.3 only; it runs on 5.4 as well
local EXTRA_PATH = "/usr/share/lua/5.3/?.lua"
local BIG = string.rep("0123456789abcdef", 65536)          -- 1 MiB

local function open_fds()
  local n = 0
  local p = io.popen("ls /proc/" .. H.capture("echo $PPID"):gsub("%s", "") .. "/fd 2>/dev/null")
  p:close()
  for _ in io.popen("ls /proc/self/fd"):lines() do n = n + 1 end
  return n
end

describe("proxylua.luasocket with real servers", function()
  local redis_srv, http_srv
  setup(function()
    redis_srv = SV.redis()
    http_srv = SV.http({ ["big.bin"] = BIG, ["small.txt"] = "hello\n" })
  end)
  teardown(function()
    if redis_srv then redis_srv:stop() end
    if http_srv then http_srv:stop() end
    P.stop_all()
  end)

  describe("under stock Lua, after install()", function()
    local shim
    before_each(function()
      shim = require "proxylua.luasocket"
      shim.install()
      package.path = package.path .. ";" .. EXTRA_PATH
    end)
    after_each(function() shim.uninstall() end)

    it("runs redis-lua unchanged", function()
      assert.equal(shim, require "socket")
      assert.equal(shim, require "socket.core")
      local redis = require "redis"
      local c = redis.connect("localhost", redis_srv.port)
      assert.is_true(c:ping())
      assert.is_true(c:set("k", "v\r\nwith crlf"))
      assert.equal("v\r\nwith crlf", c:get("k"))
      assert.equal(3, c:rpush("l", "a", "b", "c"))
      assert.same({ "a", "b", "c" }, c:lrange("l", 0, -1))
      assert.is_true(c:set("big", BIG))
      assert.equal(BIG, c:get("big"))
      assert.is_nil(c:get("missing"))
      assert.has_error(function() c:incr("k") end)
      c:quit()
    end)

    it("runs socket.http unchanged, 1 MiB body included", function()
      local http = require "socket.http"
      local body, code, headers = http.request("http://127.0.0.1:" .. http_srv.port .. "/big.bin")
      assert.equal(200, code)
      assert.equal(#BIG, #body)
      assert.equal(BIG, body)
      assert.equal(tostring(#BIG), headers["content-length"])
      local ltn12 = require "ltn12"
      local parts = {}
      local ok, code2 = http.request{ url = "http://localhost:" .. http_srv.port .. "/small.txt",
                                      sink = ltn12.sink.table(parts) }
      assert.equal(1, ok)
      assert.equal(200, code2)
      assert.equal("hello\n", table.concat(parts))
      local _, code3 = http.request("http://127.0.0.1:" .. http_srv.port .. "/nope")
      assert.equal(404, code3)
      local r, err = http.request("http://127.0.0.1:" .. H.free_port() .. "/")
      assert.is_nil(r)
      assert.equal("connection refused", err)
    end)

    it("uninstall() gives Debian's LuaSocket back", function()
      shim.uninstall()
      local s = require "socket"
      assert.are_not.equal(shim, s)
      assert.equal("LuaSocket 3.0.0", s._VERSION)
      assert.is_nil(rawget(s, "_PROXYLUA"))
      shim.install()
    end)
  end)

  describe("through proxylua.testing", function()
    local SCRIPT = [[
      package.path = package.path .. ";" .. EXTRA_PATH
      local ls = require "proxylua.luasocket"
      ls.install()
      local redis = require "redis"
      local http = require "socket.http"
      core.register_action("redis", { "http-req" }, function(txn)
        local c = redis.connect("localhost", RPORT)
        c:set("hk", "hv")
        txn:set_var("txn.get", c:get("hk"))
        c:set("hbig", BIG)
        txn:set_var("txn.big", c:get("hbig") == BIG and "same" or "different")
        c:quit()
      end)
      core.register_action("http", { "http-req" }, function(txn)
        local body, code = http.request(URL)
        txn:set_var("txn.code", code)
        txn:set_var("txn.len", body and #body or -1)
      end)
      core.register_action("pool", { "http-req" }, function(txn)
        local s = assert(ls.connect("127.0.0.1", RPORT))
        txn:set_var("txn.reused", s:getreusedtimes())
        s:send("PING\r\n")
        txn:set_var("txn.pong", (s:receive()))
        assert(s:setkeepalive(10000, 4))
      end)
      core.register_fetches("in_fetch", function(txn)
        local ok, err = pcall(ls.connect, "127.0.0.1", RPORT)
        return tostring(err)
      end)
    ]]

    local h
    before_each(function()
      h = testing.load_string(SCRIPT, { clock = "real", blocking = "warn", quiet = true, globals = {
        EXTRA_PATH = EXTRA_PATH, RPORT = redis_srv.port, BIG = BIG,
        URL = "http://127.0.0.1:" .. http_srv.port .. "/big.bin" } })
    end)

    it("runs redis-lua in an action, big values included", function()
      local r = h:action("redis", { path = "/" })
      assert.is_nil(r.error)
      assert.equal("hv", r.vars.txn.get)
      assert.equal("same", r.vars.txn.big)
    end)

    it("runs socket.http in an action", function()
      local r = h:action("http", { path = "/" })
      assert.is_nil(r.error)
      assert.equal(200, r.vars.txn.code)
      assert.equal(#BIG, r.vars.txn.len)
    end)

    it("pools connections across transactions", function()
      local seen = {}
      for i = 1, 3 do
        local r = h:action("pool", { path = "/" })
        assert.is_nil(r.error)
        assert.equal("+PONG", r.vars.txn.pong)
        seen[i] = r.vars.txn.reused
      end
      assert.same({ 0, 1, 2 }, seen)
    end)

    it("fails at once in a sample fetch, naming it", function()
      local r = h:fetch("in_fetch", { path = "/" })
      assert.matches("proxylua.luasocket: socket.connect%(%) cannot wait in a sample fetch 'in_fetch'", r.text)
    end)

    it("is never reported by the blocking-call detector", function()
      h:action("redis", { path = "/" })
      h:action("http", { path = "/" })
      local calls = {}
      for _, c in ipairs(h:blocking_calls()) do calls[#calls + 1] = c.text end
      assert.same({}, calls)
    end)

    it("while Debian's blocking LuaSocket still is", function()
      local h2 = testing.load_string([[
        local socket = require "socket"
        core.register_action("blk", { "http-req" }, function(txn)
          local c = socket.connect("127.0.0.1", RPORT)
          c:close()
        end)
      ]], { blocking = "warn", quiet = true, globals = { RPORT = redis_srv.port } })
      h2:action("blk", { path = "/" })
      local calls = h2:blocking_calls()
      assert.is_true(#calls >= 1)
      assert.matches("socket.-%.connect%(%)", calls[1].call)
    end)
  end)
end)
