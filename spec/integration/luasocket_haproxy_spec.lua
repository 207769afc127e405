-- proxylua.luasocket inside HAProxy 2.6: redis-lua and socket.http run
-- unchanged through install() in http-request actions against a real
-- redis-server and a local HTTP server, with replies far above the 16 KiB
-- that stall 2.6's own socket; the fetch, body and init contexts; names
-- through a fake DNS server; the pool across requests; descriptors and
-- memory after many connections.
local H = require "spec.helpers.haproxy"
local P = require "spec.helpers.peer"
local SV = require "spec.helpers.servers"

local BIG_N = 65536                       -- x16 bytes: 1 MiB

local SCRIPT = [==[
package.path = package.path .. ";/usr/share/lua/5.3/?.lua"
local ls = require "proxylua.luasocket"
local cfg = dofile(os.getenv("SPEC_DIR") .. "/cfg.lua")
ls.dns.configure{ resolv = cfg.resolv, hosts = cfg.hosts, port = cfg.dns }

-- the lua-load body: Debian's blocking LuaSocket
do
  local c = ls.connect("127.0.0.1", cfg.redis)
  c:send("SET body-was-here yes\r\n")
  BODY = c:receive()
  c:close()
end
core.register_init(function()
  local c = ls.connect("127.0.0.1", cfg.redis)
  c:send("PING\r\n")
  INIT = c:receive()
  c:close()
end)

ls.install()
local redis = require "redis"
local http = require "socket.http"
local BIG = string.rep("0123456789abcdef", cfg.big_n)

local function ms_since(t0)
  local t1 = core.now()
  return (t1.sec - t0.sec) * 1000 + (t1.usec - t0.usec) // 1000
end

local A = {}
function A.redis()
  local c = redis.connect("redis.spec.test", cfg.redis)
  c:set("big", BIG)
  local got = c:get("big")
  local out = { "ping=" .. tostring(c:ping()), "body=" .. tostring(c:get("body-was-here")),
                "big=" .. tostring(got == BIG), "len=" .. #got }
  c:quit()
  return table.concat(out, " ")
end
function A.unix()
  local c = redis.connect("unix://" .. cfg.unix)
  c:set("ubig", BIG)
  local ok = c:get("ubig") == BIG
  c:quit()
  return "unix=" .. tostring(ok)
end
function A.http()
  local t0 = core.now()
  local body, code = http.request("http://localhost:" .. cfg.http .. "/big.bin")
  return "code=" .. tostring(code) .. " same=" .. tostring(body == BIG) .. " len=" .. #(body or "")
end
function A.all()
  local c = assert(ls.connect("127.0.0.1", cfg.sendclose))
  local d, e = c:receive("*a")
  c:close()
  return "len=" .. #(d or "") .. " err=" .. tostring(e)
end
function A.lines()
  -- 2,000 lines of 100 bytes read one by one: 200 KB through "*l"
  local c = assert(ls.connect("127.0.0.1", cfg.lines))
  local n, bytes = 0, 0
  while true do
    local l = c:receive("*l")
    if not l then break end
    n, bytes = n + 1, bytes + #l
  end
  c:close()
  return "lines=" .. n .. " bytes=" .. bytes
end
function A.errors()
  local out = {}
  out[#out + 1] = "refused=" .. tostring(select(2, ls.connect("127.0.0.1", cfg.closed)))
  out[#out + 1] = "noname=" .. tostring(select(2, ls.connect("nope.spec.test", 1)))
  local c = ls.tcp(); c:settimeout(0.3)
  assert(c:connect("127.0.0.1", cfg.stall))
  local d, e, part = c:receive(100)
  out[#out + 1] = "timeout=" .. tostring(e) .. ":" .. tostring(part)
  out[#out + 1] = "after=" .. tostring(select(2, c:receive(1)))
  local t0 = core.now(); ls.sleep(0.1)
  out[#out + 1] = "slept=" .. tostring(ms_since(t0) >= 90)
  return table.concat(out, " ")
end
function A.idle()
  -- a timeout covers calls, not the idle time between them
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  c:settimeout(0.3)
  c:send("PING\r\n")
  local a = c:receive()
  ls.sleep(0.6)
  c:send("PING\r\n")
  local b = c:receive()
  c:close()
  return tostring(a) .. " " .. tostring(b)
end
function A.pool()
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  local reused = c:getreusedtimes()
  c:send("PING\r\n")
  local pong = c:receive()
  assert(c:setkeepalive(10000, 8))
  return "reused=" .. reused .. " pong=" .. tostring(pong)
end
function A.poolid()
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  c:send("CLIENT ID\r\n")
  local id = c:receive()
  assert(c:setkeepalive(10000, 8))
  return id
end
function A.ctx()
  return "body=" .. tostring(BODY) .. " init=" .. tostring(INIT)
end
function A.park()
  -- pooled with a 300 ms idle time: HAProxy's timer closes it
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  c:send("CLIENT SETNAME idle2_6\r\n")
  local r = c:receive()
  assert(c:setkeepalive(300))
  return r
end
function A.reused()
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  local n = c:getreusedtimes()
  c:close()
  return "reused=" .. n
end
function A.quiet()
  local missing = cfg.unix .. ".missing"
  return "host=" .. tostring(ls.dns.gethostname() == HOSTNAME)
    .. " unix=" .. tostring(select(2, ls.unix():connect(missing)))
end
function A.task()
  return "task=" .. tostring(TASK)
end
HOSTNAME = (io.open("/proc/sys/kernel/hostname"):read("a"):gsub("%s+$", ""))
local churn = dofile(cfg.churn_file)
function A.churn(n)
  return string.format("kb=%d", churn(ls, cfg.closed, cfg.redis, tonumber(n) or cfg.churn))
end

core.register_action("t", { "http-req" }, function(txn)
  local name, arg = txn.sf:path():match("^/(%w+)/?(%d*)")
  local ok, r = pcall(A[name], arg)
  txn:set_var("txn.r", ok and r or ("error: " .. tostring(r)))
end)
core.register_fetches("in_fetch", function(txn)
  local ok, err = pcall(ls.connect, "127.0.0.1", cfg.redis)
  return tostring(err)
end)
core.register_converters("in_conv", function(v)
  local ok, err = pcall(ls.connect, "127.0.0.1", cfg.redis)
  return tostring(ok) .. " " .. tostring(err)
end)
-- the last thing registered, long after the module loaded
core.register_fetches("late", function(txn)
  local ok, err = pcall(ls.sleep, 0.1)
  return tostring(ok) .. " " .. tostring(err)
end)
core.register_task(function()
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  c:send("PING\r\n")
  TASK = c:receive()
  c:close()
end)
core.register_service("svc", "http", function(applet)
  local c = assert(ls.connect("127.0.0.1", cfg.redis))
  c:send("PING\r\n")
  local r = c:receive()
  c:close()
  applet:set_status(200)
  applet:add_header("content-length", tostring(#r))
  applet:start_response()
  applet:send(r)
end)
]==]

describe("proxylua.luasocket inside HAProxy 2.6", function()
  local hp, redis_srv, http_srv, dns, peers
  local BIG = string.rep("0123456789abcdef", BIG_N)

  setup(function()
    redis_srv = SV.redis()
    http_srv = SV.http({ ["big.bin"] = BIG })
    dns = SV.dns({ ["redis.spec.test"] = { A = { "127.0.0.1" }, ttl = 300 } }, P.json)
    peers = SV.peers({ sendclose = { mode = "sendclose", data = "0123456789abcdef", ["repeat"] = BIG_N },
                       lines = { mode = "sendclose", data = string.rep("l", 99) .. "\n", ["repeat"] = 2000 },
                       stall = { mode = "stall", data = "part", hold = 5000 } }, P.json)
    local dir = H.tmpdir()
    H.write_file(dir .. "/cfg.lua", string.format(
      "return { redis = %d, http = %d, resolv = %q, hosts = %q, big_n = %d, sendclose = %d, "
      .. "lines = %d, stall = %d, closed = %d, churn = %d, dns = %d, churn_file = %q, unix = %q }",
      redis_srv.port, http_srv.port, dns.resolv, dns.hosts, BIG_N, peers.ports.sendclose,
      peers.ports.lines, peers.ports.stall, H.free_port(), 10000, dns.port,
      H.capture("pwd"):gsub("%s+$", "") .. "/spec/fixtures/luasocket_churn.lua", redis_srv.unix))
    hp = H.start{
      files = { ["s.lua"] = SCRIPT },
      global = "    nbthread 1\n    tune.lua.session-timeout 60s\n"
        .. "    setenv SPEC_DIR " .. dir .. "\n    lua-load ${DIR}/s.lua",
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.svc if { path /svc }
    http-request lua.t
    http-request return status 200 content-type text/plain lf-string "%[var(txn.r)]|%[lua.in_fetch]" unless { path /conv }
    http-request return status 200 content-type text/plain lf-string "%[str(x),lua.in_conv]|%[lua.late]"
]],
      timeout = 240,
    }
  end)
  teardown(function()
    if hp then hp:stop() end
    for _, s in ipairs({ redis_srv, http_srv, dns, peers }) do if s then s:stop() end end
  end)

  local function get(path, timeout)
    local code, body = H.http{ port = hp.port, path = path, timeout = timeout or 20 }
    assert.equal(200, code, hp:output())
    return body:match("^(.-)|") or body, body:match("|(.*)$")
  end

  it("runs redis-lua through install() in an action, 1 MiB values whole", function()
    assert.equal("ping=true body=yes big=true len=" .. #BIG, get("/redis"))
  end)

  it("runs redis-lua over a unix socket (require 'socket.unix')", function()
    assert.equal("unix=true", get("/unix"))
  end)

  it("runs socket.http: a 1 MiB body arrives whole", function()
    assert.equal("code=200 same=true len=" .. #BIG, get("/http"))
  end)

  it("reads 1 MiB with *a and 2,000 lines with *l despite 2.6's 16 KiB stall", function()
    assert.equal("len=" .. #BIG .. " err=nil", get("/all"))
    assert.equal("lines=2000 bytes=198000", get("/lines"))
  end)

  it("reports errors with LuaSocket's strings", function()
    assert.equal("refused=connection refused noname=host or service not provided, or not known "
      .. "timeout=timeout:part after=closed slept=true", get("/errors"))
  end)

  it("keeps an idle connection whose timeout is shorter than the pause", function()
    assert.equal("+PONG +PONG", get("/idle"))
  end)

  it("fails at once in a sample fetch, naming it", function()
    local _, f = get("/ctx")
    assert.matches("cannot wait in a sample fetch 'in_fetch'", f)
  end)

  it("fails at once in a converter and a fetch registered last; tasks and services work", function()
    local conv, late = get("/conv")
    assert.equal("false proxylua.luasocket: socket.connect() cannot wait in a converter 'in_conv': "
      .. "HAProxy 2.6 cannot yield there (do the I/O in an action or a task and pass the result "
      .. "in a variable)", conv)
    assert.matches("^false proxylua.luasocket: sleep%(%) cannot wait in a sample fetch 'late'", late)
    assert.equal("task=+PONG", (get("/task")))
    local code, body = H.http{ port = hp.port, path = "/svc", timeout = 20 }
    assert.equal(200, code)
    assert.equal("+PONG", body)
  end)

  it("reads no file at runtime: gethostname() and a failed unix connect", function()
    -- HAProxy says "Can't connect" whatever the cause: the shim cannot
    -- name a missing path there (docs/luasocket.md §Timeouts)
    assert.equal("host=true unix=connection refused", (get("/quiet")))
  end)

  it("lets HAProxy close an idle pooled connection after its idle time", function()
    assert.equal("+OK", (get("/park")))
    assert.is_true(SV.has_client(redis_srv.port, "idle2_6"))
    assert.is_true(SV.gone(redis_srv.port, "idle2_6"))   -- bounded: 5 s for a 300 ms idle time
    assert.equal("reused=0", (get("/reused")))
  end)

  it("uses Debian's blocking LuaSocket in the body and in init", function()
    assert.equal("body=+OK init=+PONG", (get("/ctx")))
  end)

  it("pools connections across requests", function()
    local seen = {}
    for i = 1, 3 do seen[i] = get("/pool") end
    assert.same({ "reused=0 pong=+PONG", "reused=1 pong=+PONG", "reused=2 pong=+PONG" }, seen)
    -- the very same connection (redis' client id) after a pause: HAProxy
    -- leaves an idle Lua socket alone (live, also with 1 s frontend and
    -- backend timeouts: they do not apply to Lua sockets)
    local id1 = get("/poolid")
    require("socket").sleep(1.5)
    assert.matches("^:%d+$", id1)
    assert.equal(id1, get("/poolid"))
    -- the server closes its idle clients: the pooled one is not handed out
    local killer = require("socket").connect("127.0.0.1", redis_srv.port)
    killer:send("CLIENT KILL TYPE normal SKIPME yes\r\n")
    assert.matches("^:[1-9]%d*$", killer:receive())
    killer:close()
    require("socket").sleep(0.2)
    -- it is handed out (nothing tells it is closed before a read: its
    -- count says 5), and the PING goes again on a new connection, which
    -- is the one pooled next
    assert.equal("reused=5 pong=+PONG", get("/pool"))
    assert.equal("reused=1 pong=+PONG", get("/pool"))
  end)

  it("keeps descriptors and memory flat over 10,000 failed and 10,000 good connections", function()
    local function fds()
      local n = 0
      for _ in io.popen("ls /proc/" .. hp.child .. "/fd"):lines() do n = n + 1 end
      return n
    end
    -- a warm-up round fills the pool and the allocator's free lists
    local kb1 = tonumber(get("/churn/2000", 120):match("kb=(%d+)"))
    local fd1 = fds()
    local kb2 = tonumber(get("/churn", 120):match("kb=(%d+)"))
    local fd2 = fds()
    assert.is_true(fd2 <= fd1 + 2, fd1 .. " -> " .. fd2)
    assert.is_true(kb2 <= kb1 * 1.1 + 64, kb1 .. " -> " .. kb2)
  end)
end)
