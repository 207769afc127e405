-- proxylua.luasocket under stock Lua: the same scenarios run through
-- Debian's LuaSocket 3.1 (the reference, live) and through the shim, and
-- must give the same values; then what LuaSocket cannot show (patterns
-- on pure functions, exceptions that yield, names, the pool).
local P = require "spec.helpers.peer"
local SV = require "spec.helpers.servers"
local H = require "spec.helpers.haproxy"
local real = require "socket"
local shim = require "proxylua.luasocket"
local pattern = require "proxylua.luasocket_pattern"

-- values as comparable strings: floats with an integral value as integers
-- (LuaSocket returns 1.0 where the shim returns 1), tables by kind
local function norm(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if math.type(v) == "float" and math.tointeger(v) then v = math.tointeger(v) end
    if type(v) == "table" then v = "<table>" end
    out[#out + 1] = type(v) .. ":" .. tostring(v)
  end
  return table.concat(out, " ")
end

local function perr(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return norm(table.unpack(r, 2, r.n)) end
  return "error:" .. tostring(r[2]):gsub("^.-:%d+: ", ""):gsub("to '[^']*'", "to '?'")
end

-- each scenario: peer options and steps(sock, lib) -> list of results
local SCENARIOS = {
  lines = { peer = { mode = "sendclose", data = "l1\r\nl2\nmid\rdle\r\nabcdefgh\n\n", delay = 100 },
    steps = function(c)
      return { norm(c:receive()), norm(c:receive("*l")), norm(c:receive("*line")),
               norm(c:receive(3, "PP")), norm(c:receive(2, "PPPP")), norm(c:receive("2")),
               norm(c:receive(2.7)), norm(c:receive("*l")), norm(c:receive()),
               norm(c:receive("*a")), norm(c:receive()), norm(c:receive(5, "x")) }
    end },
  long_line = { peer = { mode = "sendclose", data = string.rep("y", 999) .. "\r", ["repeat"] = 300 },
    steps = function(c)
      local d, e, p = c:receive("*l", "P")
      return { tostring(d), tostring(e), #p, p:sub(1, 3), p:find("\r", 1, true) }
    end },
  partial_line = { peer = { mode = "sendclose", data = "one\nx\ryz", delay = 50 },
    steps = function(c) return { norm(c:receive()), norm(c:receive("*l", "P:")), norm(c:receive()) } end },
  partial_count = { peer = { mode = "sendclose", data = "abc", delay = 50 },
    steps = function(c) return { norm(c:receive(10, "P")), norm(c:receive(1)) } end },
  all = { peer = { mode = "sendclose", data = string.rep("0123456789", 3000), delay = 50 },
    steps = function(c)
      local d, e, p = c:receive("*a")
      return { #(d or ""), tostring(e), #(p or ""), norm(c:receive("*a", "pre")) }
    end },
  receive0 = { peer = { mode = "sendclose", data = "q", delay = 100 },
    steps = function(c) return { norm(c:receive(0)), norm(c:receive(1)), norm(c:receive(0)) } end },
  timeout_line = { peer = { mode = "stall", data = "zz", hold = 3000 },
    steps = function(c) c:settimeout(0.3); return { norm(c:receive()) } end },
  timeout_count = { peer = { mode = "stall", data = "12345", hold = 3000 },
    steps = function(c) c:settimeout(0.3, "t"); return { norm(c:receive(10, "ab")) } end },
  timeout_all = { peer = { mode = "stall", data = "abc", hold = 3000 },
    steps = function(c) c:settimeout(0.3); return { norm(c:receive("*a")) } end },
  timeout_zero = { peer = { mode = "stall", data = "", hold = 3000 },
    steps = function(c) c:settimeout(0); return { norm(c:receive(1)), norm(c:receive()) } end },
  send = { peer = { mode = "echo" },
    steps = function(c)
      local r = { norm(c:send("abcdef")), norm(c:send("abcdef", 3)), norm(c:send("abcdef", 2, 4)),
                  norm(c:send("abcdef", 4, 2)), norm(c:send("")), norm(c:send("abc", 2, 10)),
                  norm(c:send("abc", -2)), norm(c:send("abcdef", -3, -2)), norm(c:send(123)),
                  norm(c:send("abc", 0)) }
      r[#r + 1] = norm(c:receive(6 + 4 + 3 + 2 + 2 + 2 + 3 + 3))
      return r
    end },
  closed = { peer = { mode = "echo" },
    steps = function(c)
      return { norm(c:close()), norm(c:close()), norm(c:send("x")), norm(c:receive()),
               norm(c:receive(3, "ab")), norm(c:getpeername()), tostring(c):match("^[^:]+") }
    end },
  names = { peer = { mode = "echo" },
    steps = function(c, _, port)
      local ip, p, fam = c:getpeername()
      local sip, sport, sfam = c:getsockname()
      return { ip, p == port, math.type(p), fam, sip, type(sport), sfam,
               tostring(c):match("^[^:]+"), norm(c:getstats()) ~= nil, norm(c:dirty()) }
    end },
  options = { peer = { mode = "echo" },
    steps = function(c)
      return { norm(c:setoption("tcp-nodelay", true)), norm(c:getoption("tcp-nodelay")),
               norm(c:setoption("keepalive", true)), norm(c:getoption("keepalive")),
               perr(c.setoption, c, "bogus", 1), norm(c:settimeout(0.5)), norm(c:gettimeout()),
               norm(c:settimeout(2, "t")), norm(c:gettimeout()), norm(c:settimeout(nil)),
               norm(c:gettimeout()), perr(c.settimeout, c, 1, "x") }
    end },
  -- a peer that resets (SO_LINGER 0) after sending: LuaSocket's "*a" is no
  -- success then, whatever came before; lines and counts end as at a close
  reset_all = { peer = { mode = "reset", data = "ab", delay = 50, hold = 100 },
    steps = function(c) c:settimeout(5); return { norm(c:receive("*a")), norm(c:receive("*a")) } end },
  reset_line = { peer = { mode = "reset", data = "l1\r\npart", delay = 50, hold = 100 },
    steps = function(c) c:settimeout(5); return { norm(c:receive()), norm(c:receive()), norm(c:receive()) } end },
  reset_count = { peer = { mode = "reset", data = "abc", delay = 50, hold = 100 },
    steps = function(c) c:settimeout(5); return { norm(c:receive(10, "P")), norm(c:receive(1)) } end },
  reset_send = { peer = { mode = "reset", data = "", hold = 50 },
    steps = function(c)
      c:settimeout(5)
      local r = { norm(c:receive()) }
      r[#r + 1] = norm(c:send("x"))
      return r
    end },
  patterns = { peer = { mode = "echo" },
    steps = function(c)
      return { perr(c.receive, c, "x"), perr(c.receive, c, "l"), perr(c.receive, c, "*L"),
               perr(c.receive, c, -1), perr(c.receive, c, {}) }
    end },
}

local peers
local function run(lib, name)
  local sc = SCENARIOS[name]
  local port = peers.ports[name]
  local c = lib.tcp()
  assert(c:connect("127.0.0.1", port))
  local r = sc.steps(c, lib, port)
  c:close()
  return r
end

describe("proxylua.luasocket against Debian's LuaSocket 3.1 (live)", function()
  setup(function()
    local specs = { blackhole = { mode = "blackhole" }, six = { mode = "echo", host = "::1" } }
    for name, sc in pairs(SCENARIOS) do specs[name] = sc.peer end
    peers = SV.peers(specs, P.json)
  end)
  teardown(function() peers:stop() end)

  for name in pairs(SCENARIOS) do
    it("gives the same values: " .. name, function()
      local want = run(real, name)
      local got = run(shim, name)
      assert.same(want, got)
    end)
  end

  it("has LuaSocket's module fields and object methods", function()
    for _, k in ipairs({ "tcp", "tcp4", "tcp6", "connect", "gettime", "sleep", "select", "skip",
                         "newtry", "protect", "try", "dns", "_VERSION", "_SETSIZE", "BLOCKSIZE" }) do
      assert.equal(type(real[k]), type(shim[k]), k)
    end
    assert.equal(real._VERSION, shim._VERSION)
    assert.equal(real._SETSIZE, shim._SETSIZE)
    local m = getmetatable(real.tcp()).__index
    local s = shim.tcp()
    for _, k in ipairs({ "connect", "send", "receive", "settimeout", "gettimeout", "close",
                         "shutdown", "getpeername", "getsockname", "setoption", "getoption",
                         "getstats", "setstats", "dirty", "getfamily" }) do
      assert.equal(type(m[k]), type(s[k]), k)
    end
    assert.equal("tcp{master}", tostring(s):match("^[^:]+"))
  end)

  it("reports a refused connection as LuaSocket does", function()
    local port = H.free_port()
    assert.same({ norm(real.connect("127.0.0.1", port)) }, { norm(shim.connect("127.0.0.1", port)) })
    local a, b = real.tcp(), shim.tcp()
    assert.equal(norm(a:connect("127.0.0.1", port)), norm(b:connect("127.0.0.1", port)))
    assert.equal("nil:nil string:connection refused", norm(b:connect("127.0.0.1", port)))
  end)

  -- "Network is unreachable" without leaving loopback: a network namespace
  -- of our own (unshare -rn), whose lo is down, has no route to 127.0.0.1
  -- (and ::1 is no address there). Where namespaces are not allowed the
  -- case cannot be made on loopback: pending.
  it("reports an unreachable network as LuaSocket does (a namespace whose lo is down)", function()
    if os.execute("unshare -rn true >/dev/null 2>&1") ~= true then
      pending("unshare -rn is not allowed here: no way to make an unreachable network on loopback")
      return
    end
    local code = [[
      local real, shim = require "socket", require "proxylua.luasocket"
      local out = {}
      for _, lib in ipairs({ real, shim }) do
        for _, host in ipairs({ "127.0.0.1", "::1" }) do
          local c = host == "::1" and lib.tcp6() or lib.tcp()
          c:settimeout(2)
          out[#out + 1] = tostring(select(2, c:connect(host, 80)))
          out[#out + 1] = tostring(select(2, lib.connect(host, 80)))
        end
      end
      io.write(table.concat(out, "|"))
    ]]
    local lua = "lua" .. _VERSION:match("%d+%.%d+")
    local p = io.popen("unshare -rn " .. lua .. " -e " .. H.sh_quote(code) .. " 2>&1")
    local text = p:read("a")
    p:close()
    local want = "Network is unreachable|Network is unreachable|"
      .. "Cannot assign requested address|Cannot assign requested address"
    assert.equal(want .. "|" .. want, text)
  end)

  it("reports a connect timeout as LuaSocket does", function()
    local port = peers.ports.blackhole
    local function go(lib, mode)
      local c = lib.tcp()
      c:settimeout(0.3, mode)
      local r = norm(c:connect("127.0.0.1", port))
      c:close()
      return r
    end
    assert.equal("nil:nil string:timeout", go(real))
    assert.equal(go(real), go(shim))
    assert.equal(go(real, "t"), go(shim, "t"))
  end)

  it("connects to ::1 with tcp6() and by name", function()
    local port = peers.ports.six
    local function go(lib)
      local c = lib.tcp6()
      local r = { norm(c:connect("::1", port)) }
      r[#r + 1] = norm(c:send("hi\n"))
      r[#r + 1] = norm(c:receive())
      local ip, p, fam = c:getpeername()
      r[#r + 1] = norm(ip, p == port, fam)
      c:close()
      return r
    end
    assert.same(go(real), go(shim))
    local c = assert(shim.connect("localhost", peers.ports.send))
    assert.equal("127.0.0.1", (c:getpeername()))
    c:close()
  end)

  it("talks over unix sockets as socket.unix does", function()
    local unix = require "socket.unix"
    local path = os.tmpname()
    os.remove(path)
    local srv = assert(unix())
    assert(srv:bind(path))
    assert(srv:listen(4))
    local c = shim.unix()
    assert.equal("unixstream{master}", tostring(c):match("^[^:]+"))
    local done
    local l = require("proxylua.loop").new()
    shim.setloop(l)
    l:spawn(function()
      done = { c:connect(path) }
      done[2] = tostring(c):match("^[^:]+")
      c:send("over unix\n")
    end)
    l:step(0)
    local a = srv:accept()
    l:run()
    a:settimeout(5)
    assert.equal("over unix", a:receive())
    assert.same({ 1, "unixstream{client}" }, done)
    shim.setloop(nil)
    c:close(); a:close(); srv:close(); os.remove(path)
    assert.same({ nil, "No such file or directory" }, { shim.unix():connect(path) })
    assert.equal(select(2, unix.stream():connect(path)), select(2, shim.unix():connect(path)))
  end)

  it("raises LuaSocket's argument errors", function()
    local m = shim.tcp()
    assert.matches("tcp{client} expected", perr(m.send, m, "x"))
    assert.matches("string expected, got no value", perr(shim.connect, "127.0.0.1"))
    assert.equal(perr(real.skip, 1, "a", "b"), perr(shim.skip, 1, "a", "b"))
  end)

  it("try / newtry / protect behave as LuaSocket's", function()
    local function body(lib) return lib.protect(function() lib.try(nil, "boom") end)() end
    assert.equal(norm(body(real)), norm(body(shim)))
    local fin = 0
    local t = shim.newtry(function() fin = fin + 1 end)
    assert.same({ nil, "x" }, { shim.protect(function() t(false, "x") end)() })
    assert.equal(1, fin)
    assert.same({ 1, 2 }, { shim.protect(function() return t(1, 2) end)() })
    local ok, e = pcall(shim.protect(function() error("plain") end))
    assert.is_false(ok)
    assert.matches("plain", e)
  end)
end)

describe("proxylua.luasocket patterns (pure functions)", function()
  it("parses receive patterns as LuaSocket 3.1", function()
    assert.same({ "line" }, { pattern.parse(nil) })
    assert.same({ "line" }, { pattern.parse("*l") })
    assert.same({ "line" }, { pattern.parse("*line") })
    assert.same({ "all" }, { pattern.parse("*all") })
    assert.same({ "count", 5 }, { pattern.parse(5) })
    assert.same({ "count", 2 }, { pattern.parse(2.7) })
    assert.same({ "count", 12 }, { pattern.parse("12") })
    assert.same({}, { pattern.parse("l") })
    assert.same({}, { pattern.parse("*L") })
    assert.same({}, { pattern.parse({}) })
  end)

  it("splits lines dropping every CR", function()
    assert.same({ "abc", 6 }, { pattern.line("ab\rc\n", 1) })
    assert.same({ "", 2 }, { pattern.line("\nx", 1) })
    assert.same({}, { pattern.line("abc", 1) })
    assert.same({ "abcdef", 8 }, { pattern.line("abcdef\nx", 1, 4) })   -- searched from 4
    assert.equal("xyz", pattern.partial_line("a\nx\ry\rz", 3))
  end)
end)

describe("proxylua.luasocket DNS messages (pure functions)", function()
  local W = require "proxylua.luasocket_dnswire"
  local D = require "proxylua.luasocket_dns"

  -- an answer as a server sends it: header, the question, then records
  local function answer(id, q, records, rcode)
    local parts = { W.u16(id), W.u16(0x8180 | (rcode or 0)), W.u16(1), W.u16(#records),
                    W.u16(0), W.u16(0), q:sub(13) }
    for _, r in ipairs(records) do
      parts[#parts + 1] = "\192\12" .. W.u16(r[1]) .. "\0\1" .. string.pack(">I4", r[2])
        .. W.u16(#r[3]) .. r[3]
    end
    return table.concat(parts)
  end

  it("builds a query and reads A, AAAA and CNAME answers with their TTLs", function()
    local q = W.query(0x1234, "redis.spec.test", "A")
    assert.equal("\18\52\1\0\0\1\0\0\0\0\0\0\5redis\4spec\4test\0\0\1\0\1", q)
    local msg = answer(0x1234, q, { { 1, 300, "\127\0\0\1" }, { 1, 60, "\10\0\0\2" },
                                    { 28, 30, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\1" },
                                    { 5, 10, "\3www\192\12" } })
    assert.same({ { type = "A", ttl = 300, data = "127.0.0.1" }, { type = "A", ttl = 60, data = "10.0.0.2" },
                  { type = "AAAA", ttl = 30, data = "::1" },
                  { type = "CNAME", ttl = 10, data = "www.redis.spec.test" } }, W.parse(msg, 0x1234))
    assert.same({ nil, "nxdomain" }, { W.parse(answer(0x1234, q, {}, 3), 0x1234) })
    assert.same({ nil, "malformed" }, { W.parse(msg, 0x4321) })      -- another id
  end)

  it("asks nothing for a name that cannot exist (a label over 63 bytes, a name over 255)", function()
    assert.equal(string.char(63) .. ("x"):rep(63) .. "\0",
      W.query(1, ("x"):rep(63), "A"):sub(13, 13 + 64))
    assert.is_nil(W.query(1, ("x"):rep(64) .. ".test", "A"))   -- was a 0 length, then 63 bytes
    assert.is_nil(W.query(1, (("x"):rep(60) .. "."):rep(5), "A"))
  end)

  it("skips a CNAME whose target is malformed or runs past its record (found by fuzz_luasocket-dnswire)", function()
    local q = W.query(9, "www.examxle.test", "A")
    -- an empty CNAME record: its target would be read from the next record
    local msg = answer(9, q, { { 5, 0, "" }, { 1, 30, "\127\0\0\2" } })
    assert.same({ { type = "A", ttl = 30, data = "127.0.0.2" } }, W.parse(msg, 9))
    -- a target that ends past the message, then a pointer out of it
    assert.same({ nodata = true }, W.parse(answer(9, q, { { 5, 7, "\3www\5ab" } }), 9))
    assert.same({ nodata = true }, W.parse(answer(9, q, { { 5, 2, "\192\200" } }), 9))
    -- a pointer inside the record is fine
    assert.same({ { type = "CNAME", ttl = 2, data = "www.examxle.test" } },
      W.parse(answer(9, q, { { 5, 2, "\192\12" } }), 9))
  end)

  it("never raises on malformed answers", function()
    local q = W.query(7, "a.b", "AAAA")
    local good = answer(7, q, { { 28, 5, ("\32\1"):rep(8) } })
    assert.equal("2001:2001:2001:2001:2001:2001:2001:2001", W.parse(good, 7)[1].data)
    local rnd = 12345
    local function rand(n) rnd = (rnd * 1103515245 + 12345) % 2147483648; return rnd % n end
    for _ = 1, 3000 do
      local b = { good:byte(1, -1) }
      for _ = 1, 1 + rand(4) do b[1 + rand(#b)] = rand(256) end
      local cut = rand(#b + 1)
      local msg = string.char(table.unpack(b, 1, cut))
      local ok, r, e = pcall(W.parse, msg, 7)
      assert.is_true(ok, r)
      assert.is_true(type(r) == "table" or type(e) == "string")
    end
  end)

  it("reads /etc/hosts and resolv.conf", function()
    local hosts = D.parse_hosts("127.0.0.1 localhost lo # comment\n::1 localhost six\nbad line\n")
    assert.same({ "127.0.0.1" }, hosts.localhost.v4)
    assert.same({ "::1" }, hosts.localhost.v6)
    assert.same({ "127.0.0.1" }, hosts.lo.v4)
    local conf = D.parse_resolv("nameserver 127.0.0.1\nnameserver ::1\nsearch a.test b.test\n"
      .. "options ndots:2 timeout:3 attempts:4\nnameserver not-an-ip\n")
    assert.same({ "127.0.0.1", "::1" }, conf.servers)
    assert.same({ "a.test", "b.test" }, conf.search)
    assert.same({ 2, 3, 4 }, { conf.ndots, conf.timeout, conf.attempts })
  end)
end)

describe("proxylua.luasocket over the harness's fake peers (opts.tcp)", function()
  it("runs redis-lua against a scripted Redis", function()
    local testing = require "proxylua.testing"
    local seen = {}
    local h = testing.load_string([[
      package.path = package.path .. ";/usr/share/lua/5.3/?.lua"
      require("proxylua.luasocket").install()
      local redis = require "redis"
      core.register_action("a", { "http-req" }, function(txn)
        local c = redis.connect("localhost", 6379)
        txn:set_var("txn.r", tostring(c:ping()) .. " " .. c:incr("k") .. " " .. c:incr("k"))
      end)
    ]], { quiet = true, tcp = function(host, port)
      seen[#seen + 1] = host .. ":" .. port
      local n = 0
      return function(data)
        if data == nil then return "" end
        if data:find("PING", 1, true) then return "+PONG\r\n" end
        n = n + 1
        return ":" .. n .. "\r\n"
      end
    end })
    local r = h:action("a", { path = "/" })
    assert.is_nil(r.error)
    assert.equal("true 1 2", r.vars.txn.r)
    assert.same({ "127.0.0.1:6379" }, seen)
  end)
end)

describe("proxylua.luasocket in the lua-load body without Debian's LuaSocket", function()
  it("raises a clear error instead of blocking nowhere", function()
    local testing = require "proxylua.testing"
    local ok, err = pcall(testing.load_string, [[
      package.cpath = ""                 -- as if lua-socket were not installed
      local ls = require "proxylua.luasocket"
      ls.connect("127.0.0.1", 1)
    ]], { quiet = true })
    assert.is_false(ok)
    assert.matches("proxylua.luasocket: socket.connect%(%) in the lua%-load body needs Debian's "
      .. "blocking LuaSocket %(lua%-socket%), which is not installed", err)
  end)
end)

describe("proxylua.luasocket on a loop of the program's own", function()
  it("runs many clients at once in tasks of one loop", function()
    local p = SV.peers({ line = { mode = "echo" } }, P.json)
    p.port = p.ports.line
    local loop = require "proxylua.loop"
    local l = loop.new()
    shim.setloop(l)
    local got = {}
    for i = 1, 20 do
      l:spawn(function()
        local c = assert(shim.connect("127.0.0.1", p.port))
        c:send("hello " .. i .. "\n")
        got[i] = c:receive()
        shim.sleep(0.01)
        c:close()
      end)
    end
    l:run()
    -- a coroutine of the program's own inside a task cannot wait on the loop
    local err
    l:spawn(function()
      local co = coroutine.create(function() return shim.connect("127.0.0.1", p.port) end)
      err = select(2, coroutine.resume(co))
    end)
    l:run()
    shim.setloop(nil)
    p:stop()
    for i = 1, 20 do assert.equal("hello " .. i, got[i]) end
    assert.matches("called from a coroutine created inside a task of the loop", err)
  end)
end)
