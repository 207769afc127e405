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

-- descriptors of this process (ls runs as a child: /proc/<our pid>)
local function open_fds()
  local pid = H.read_file("/proc/self/stat"):match("^(%d+)")
  local n = 0
  local p = io.popen("ls /proc/" .. pid .. "/fd")
  for _ in p:lines() do n = n + 1 end
  p:close()
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

    it("runs redis-lua over pooled connections (redis.connect{ socket = s })", function()
      local redis = require "redis"
      local reused = {}
      for i = 1, 3 do
        local s = assert(shim.connect("127.0.0.1", redis_srv.port))
        reused[i] = s:getreusedtimes()
        local c = redis.connect{ socket = s }
        assert.equal(i, c:incr("pooled-counter"))
        assert.equal(1, s:setkeepalive(10000, 4))
      end
      assert.same({ 0, 1, 2 }, reused)
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

    it("is not reported for gethostname() or a unix connect that fails", function()
      local missing = os.tmpname()
      os.remove(missing)
      local h2 = testing.load_string([[
        local ls = require "proxylua.luasocket"
        core.register_action("quiet", { "http-req" }, function(txn)
          txn:set_var("txn.host", ls.dns.gethostname())
          txn:set_var("txn.unix", select(2, ls.unix():connect(MISSING)))
        end)
      ]], { blocking = "warn", quiet = true, clock = "real", globals = { MISSING = missing } })
      local r = h2:action("quiet", { path = "/" })
      assert.is_nil(r.error)
      local want = H.read_file("/proc/sys/kernel/hostname"):gsub("%s+$", "")
      assert.equal(want, r.vars.txn.host)
      -- HAProxy's Socket says "Can't connect" for every cause (the harness
      -- is faithful): the shim cannot name a missing path there
      assert.equal("connection refused", r.vars.txn.unix)
      assert.same({}, h2:blocking_calls())
    end)

    it("closes an idle pooled connection when its idle time runs out, as HAProxy does", function()
      local h2 = testing.load_string([[
        local ls = require "proxylua.luasocket"
        core.register_action("park", { "http-req" }, function(txn)
          local c = assert(ls.connect("127.0.0.1", RPORT))
          c:send("CLIENT SETNAME idleh\r\n")
          txn:set_var("txn.r", (c:receive()))
          assert(c:setkeepalive(300))
        end)
        -- other streams keep HAProxy (the harness's loop) running meanwhile
        core.register_action("pause", { "http-req" }, function(txn) core.msleep(1500) end)
        core.register_action("again", { "http-req" }, function(txn)
          local c = assert(ls.connect("127.0.0.1", RPORT))
          txn:set_var("txn.r", c:getreusedtimes())
          c:close()
        end)
      ]], { quiet = true, clock = "real", globals = { RPORT = redis_srv.port } })
      local pr = h2:action("park", { path = "/" })
      assert.is_nil(pr.error)
      assert.equal("+OK", pr.vars.txn.r)
      assert.is_true(SV.has_client(redis_srv.port, "idleh"))
      assert.is_nil(h2:action("pause", { path = "/" }).error)
      assert.is_true(SV.gone(redis_srv.port, "idleh"))          -- redis saw the FIN
      assert.equal(0, h2:action("again", { path = "/" }).vars.txn.r)
    end)

    it("fails at once in a converter and a late fetch, works in tasks and services", function()
      local h2 = testing.load_string([[
        local ls = require "proxylua.luasocket"
        local function ping()
          local c = assert(ls.connect("127.0.0.1", RPORT))
          c:send("PING\r\n")
          local r = c:receive()
          c:close()
          return r
        end
        core.register_converters("in_conv", function(v)
          local ok, err = pcall(ls.connect, "127.0.0.1", RPORT)
          return tostring(ok) .. " " .. tostring(err)
        end)
        core.register_fetches("late", function(txn)
          local ok, err = pcall(ls.sleep, 0.1)
          return tostring(ok) .. " " .. tostring(err)
        end)
        core.register_task(function() TASK = ping() end)
        core.register_service("svc", "http", function(applet)
          local r = ping()
          applet:set_status(200)
          applet:start_response()
          applet:send(r)
        end)
      ]], { quiet = true, clock = "real", globals = { RPORT = redis_srv.port } })
      local c = h2:converter("in_conv", "x")
      assert.equal("false proxylua.luasocket: socket.connect() cannot wait in a converter 'in_conv': "
        .. "HAProxy 2.6 cannot yield there (do the I/O in an action or a task and pass the result "
        .. "in a variable)", c.text)
      h2:start()
      local f = h2:fetch("late", { path = "/" })
      assert.matches("^false proxylua.luasocket: sleep%(%) cannot wait in a sample fetch 'late'", f.text)
      h2:run_tasks(5000)
      assert.equal("+PONG", h2.env.TASK)
      local r = h2:service("svc", { path = "/" })
      assert.equal(200, r.status)
      assert.equal("+PONG", r.body)
    end)

    it("uses Debian's blocking LuaSocket in the body and in init", function()
      local h2 = testing.load_string([[
        local ls = require "proxylua.luasocket"
        local function ping()
          local c = assert(ls.connect("127.0.0.1", RPORT))
          c:send("PING\r\n")
          local r = c:receive()
          c:close()
          return r, tostring(c):match("^[^:]+")
        end
        BODY = { ping() }
        BODY[3] = ls.dns.toip("localhost")
        core.register_init(function() INIT = { ping() } end)
        core.register_fetches("dns", function(txn) return select(2, pcall(ls.dns.toip, "x.test")) end)
      ]], { quiet = true, globals = { RPORT = redis_srv.port } })
      assert.same({ "+PONG", "tcp{client}", "127.0.0.1" }, h2.env.BODY)
      assert.matches("socket.dns.toip%(%) cannot wait in a sample fetch 'dns'", h2:fetch("dns", { path = "/" }).text)
      assert.same({ "+PONG", "tcp{client}" }, h2.env.INIT)
    end)

    it("select: buffered data first, else waits on one socket", function()
      local h2 = testing.load_string([[
        local ls = require "proxylua.luasocket"
        core.register_action("sel", { "http-req" }, function(txn)
          local a = assert(ls.connect("127.0.0.1", RPORT))
          local b = assert(ls.connect("127.0.0.1", RPORT))
          b:send("PING\r\nPING\r\n")
          local r, w, e = ls.select({ b }, { a }, 2)         -- writable at once
          local out = { #r, #w, w[a] == true, tostring(e) }
          r, w, e = ls.select({ b }, nil, 2)                 -- waits for b's data
          out[#out + 1] = #r .. tostring(r[b]) .. tostring(e)
          out[#out + 1] = b:receive()
          r, w, e = ls.select({ a, b }, nil, 2)              -- b has a line buffered
          out[#out + 1] = #r .. tostring(r[1] == b) .. tostring(e)
          r, w, e = ls.select({ a }, nil, 0)                 -- never waits
          out[#out + 1] = #r .. tostring(e)
          a:send("PING\r\n")
          out[#out + 1] = a:receive()                        -- a still works
          a:close(); b:close()
          RESULT = out
        end)
      ]], { quiet = true, clock = "real", globals = { RPORT = redis_srv.port } })
      local r = h2:action("sel", { path = "/" })
      assert.is_nil(r.error)
      assert.same({ 0, 1, true, "nil", "1truenil", "+PONG", "1truenil", "0timeout", "+PONG" }, h2.env.RESULT)
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

  describe("under stock Lua", function()
    local shim = require "proxylua.luasocket"

    it("resolves names through /etc/hosts and DNS over TCP, cached for the TTL", function()
      local dns = SV.dns({ ["redis.spec.test"] = { A = { "127.0.0.1" }, ttl = 1 },
                           ["six.spec.test"] = { AAAA = { "::1" }, ttl = 60 } }, P.json)
      finally(function()
        dns:stop()
        shim.dns.configure{ resolv = "/etc/resolv.conf", hosts = "/etc/hosts", port = 53 }
      end)
      shim.dns.configure{ resolv = dns.resolv, hosts = dns.hosts, port = dns.port }
      local c = assert(shim.connect("redis.spec.test", redis_srv.port))
      c:send("PING\r\n")
      assert.equal("+PONG", c:receive())
      c:close()
      c = assert(shim.connect("redis.spec.test", redis_srv.port))
      c:close()
      assert.same({ "redis.spec.test 1" }, SV.queries(dns))      -- cached
      assert.equal("127.0.0.1", (shim.dns.toip("redis.spec.test")))
      assert.same({ { family = "inet6", addr = "::1" } }, shim.dns.getaddrinfo("six.spec.test"))
      assert.equal("127.0.0.1", (shim.dns.toip("localhost")))      -- hosts: no question
      -- localhost is 127.0.0.1 and ::1 there: a peer on ::1 only is reached
      local six = SV.peers({ six = { mode = "echo", host = "::1" } }, P.json)
      local c6 = assert(shim.connect("localhost", six.ports.six))
      assert.same({ "::1", six.ports.six, "inet6" }, { c6:getpeername() })
      c6:close()
      six:stop()
      assert.same({ nil, "host or service not provided, or not known" },
                  { shim.connect("nope.spec.test", 1) })
      assert.same({ nil, "host not found" }, { shim.dns.toip("nope.spec.test") })
      shim.sleep(1.2)                                              -- the TTL runs out
      c = assert(shim.connect("redis.spec.test", redis_srv.port))
      c:close()
      local n = 0
      for _, q in ipairs(SV.queries(dns)) do if q == "redis.spec.test 1" then n = n + 1 end end
      assert.equal(2, n)
    end)

    it("bounds a lookup by the socket's timeout (a silent name server)", function()
      local dns = SV.dns({ ["name.spec.test"] = { silent = true } }, P.json)
      finally(function()
        dns:stop()
        shim.dns.configure{ resolv = "/etc/resolv.conf", hosts = "/etc/hosts", port = 53 }
      end)
      -- 5 s per question, 2 attempts: A then AAAA would take 20 s
      local slow = dns.dir .. "/slow.conf"
      H.write_file(slow, "nameserver 127.0.0.1\noptions timeout:5 attempts:2\n")
      shim.dns.configure{ resolv = slow, hosts = dns.hosts, port = dns.port }
      local c = shim.tcp()
      c:settimeout(0.3)
      local t0 = shim.gettime()
      -- getaddrinfo's EAI_AGAIN, as Debian's LuaSocket words it
      assert.same({ nil, "temporary failure in name resolution" },
                  { c:connect("name.spec.test", 80) })
      local spent = shim.gettime() - t0
      assert.is_true(spent < 4.5, "took " .. spent .. " s")     -- a failure path: generous
      assert.same({ "name.spec.test 1" }, SV.queries(dns))      -- no AAAA after the time ran out
      -- cut short by the caller: not cached
      c = shim.tcp()
      c:settimeout(0.3)
      assert.same({ nil, "temporary failure in name resolution" },
                  { c:connect("name.spec.test", 80) })
      assert.equal(2, #SV.queries(dns))
      -- no timeout: the servers' own (1 s here) ends it; that failure is
      -- cached (briefly: UNREACHABLE_TTL) and asked no more meanwhile
      shim.dns.configure{ resolv = dns.resolv, hosts = dns.hosts, port = dns.port }
      H.write_file(dns.resolv, "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
      shim.dns.configure{ resolv = dns.resolv }
      assert.same({ nil, "temporary failure in name resolution" },
                  { shim.connect("name.spec.test", 80) })
      local n = #SV.queries(dns)
      assert.equal(4, n)                                        -- A, then AAAA
      assert.same({ nil, "temporary failure in name resolution" },
                  { shim.connect("name.spec.test", 80) })
      assert.same({ nil, "Host name lookup failure" }, { shim.dns.toip("name.spec.test") })
      assert.equal(n, #SV.queries(dns))
      assert.equal(5, require("proxylua.luasocket_dns").UNREACHABLE_TTL)
    end)

    it("closes an idle pooled connection when its idle time runs out", function()
      local c = assert(shim.connect("127.0.0.1", redis_srv.port))
      c:send("CLIENT SETNAME idle300\r\n")
      assert.equal("+OK", c:receive())
      assert.equal(1, c:setkeepalive(300))
      assert.is_true(SV.has_client(redis_srv.port, "idle300"))
      shim.sleep(1.5)                   -- the loop runs: the pool's timer fires
      assert.is_true(SV.gone(redis_srv.port, "idle300"))        -- redis saw the FIN
      local d = assert(shim.connect("127.0.0.1", redis_srv.port))
      assert.equal(0, d:getreusedtimes())
      d:close()
    end)

    it("keeps an idle connection whose timeout is shorter than the pause", function()
      local c = assert(shim.connect("127.0.0.1", redis_srv.port))
      c:settimeout(0.3)
      c:send("PING\r\n")
      assert.equal("+PONG", c:receive())
      shim.sleep(0.6)
      c:send("PING\r\n")
      assert.equal("+PONG", c:receive())
      c:close()
    end)

    it("pools connections per host:port and never hands out one the peer closed", function()
      local c = assert(shim.connect("127.0.0.1", redis_srv.port))
      assert.equal(0, c:getreusedtimes())
      assert.equal(1, c:setkeepalive(5000, 2))
      assert.same({ nil, "closed" }, { c:getreusedtimes() })
      local d = assert(shim.connect("127.0.0.1", redis_srv.port))
      assert.equal(1, d:getreusedtimes())
      d:send("CLIENT SETNAME pooled\r\n")
      assert.equal("+OK", d:receive())
      assert.equal(1, d:setkeepalive())
      local e = assert(shim.connect("127.0.0.1", redis_srv.port))
      assert.equal(2, e:getreusedtimes())
      e:send("CLIENT GETNAME\r\n")
      assert.equal("$6", e:receive())
      assert.equal("pooled", e:receive())
      -- unread data: not pooled
      e:send("PING\r\n")
      shim.sleep(0.05)
      local f = assert(shim.connect("127.0.0.1", redis_srv.port))
      f:send("PING\r\nPING\r\n")
      assert.equal("+PONG", f:receive())
      shim.sleep(0.05)
      shim.select({ f }, nil, 1)
      assert.same({ nil, "unread data in buffer" }, { f:setkeepalive() })
      f:close()
      e:close()
      -- the server closes idle clients: the pooled one is not handed out
      local g = assert(shim.connect("127.0.0.1", redis_srv.port))
      g:send("CLIENT SETNAME victim\r\n")
      assert.equal("+OK", g:receive())
      assert.equal(1, g:setkeepalive())
      local killer = require("socket").connect("127.0.0.1", redis_srv.port)
      killer:send("CLIENT KILL TYPE normal SKIPME yes\r\n")
      assert.matches("^:[1-9]%d*$", killer:receive())
      killer:close()
      shim.sleep(0.1)
      -- nothing tells a pooled connection the peer closed until it is
      -- read: the request is sent again on a new connection then
      local k = assert(shim.connect("127.0.0.1", redis_srv.port))
      k:send("CLIENT GETNAME\r\n")
      assert.equal("$-1", k:receive())         -- a new client: no name
      assert.equal(0, k:getreusedtimes())
      k:close()
    end)

    it("keeps descriptors and memory flat over 10,000 failed and 10,000 good connections", function()
      local port = H.free_port()
      local run = dofile("spec/fixtures/luasocket_churn.lua")
      local function churn(n)
        local kb = run(shim, port, redis_srv.port, n)
        return open_fds(), kb
      end
      local fd1, kb1 = churn(1000)
      local fd2, kb2 = churn(10000)
      assert.is_true(fd2 <= fd1 + 1, fd1 .. " -> " .. fd2)
      assert.is_true(kb2 <= kb1 * 1.1 + 64, kb1 .. " -> " .. kb2)
    end)
  end)
end)
