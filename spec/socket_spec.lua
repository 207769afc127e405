-- proxylua.socket: HAProxy 2.6's Socket (docs/haproxy-socket.md §0-§7) over real
-- sockets. Peers run in the same loop (socket._listen + l:wait + the loop's
-- _read/_write helpers) on 127.0.0.1 with free ports; the TLS peer is a
-- Python ssl echo with a self-signed certificate made at spec time, killed
-- by pid. Timeouts use small values and assert outcomes, never durations;
-- while a task waits on a descriptor the virtual clock flows at real pace,
-- so a timeout that must NOT fire before the peer answers gets a margin of
-- 0.2 s or more (the suite runs 4 times in parallel on 2 cores).
local loop = require "proxylua.loop"
local socket = require "proxylua.socket"

local CLOSED = "connection closed."

-- Run fn(l) as a task of a fresh loop (bounded) and return its results.
local function run(fn, opts)
  opts = opts or {}
  local l = loop.new{ virtual = opts.virtual ~= false }
  local res
  local t = l:spawn({ done = function(...) res = table.pack(...) end }, fn, l)
  l:run(opts.limit or 20)
  if not res then
    local st = t:status()
    l:close()
    error("task did not finish (" .. st .. ")", 2)
  end
  l:close()
  if not res[1] then error(res[2], 0) end
  return table.unpack(res, 2, res.n)
end

-- A listener whose connections run handler(conn) in their own tasks.
-- conn: read() -> data ("" at end), write(s), close(), reset(), shut(how).
local function serve(l, handler, addr)
  local lfd, where = socket._listen(addr or "127.0.0.1:0")
  assert(lfd, where)
  local function conn_of(fd)
    local c = { fd = fd }
    function c.read()
      while true do
        local d, err = loop._read(fd)
        if d then return d end
        if err ~= "Resource temporarily unavailable" then return "" end
        l:wait(fd, "r")
      end
    end
    function c.write(s)
      local off = 1
      while off <= #s do
        local n, err = loop._write(fd, s:sub(off, off + 65535))
        if n then off = off + n
        elseif err == "Resource temporarily unavailable" then l:wait(fd, "w")
        else return false end
      end
      return true
    end
    function c.readall()
      local parts = {}
      while true do
        local d = c.read()
        if d == "" then return table.concat(parts) end
        parts[#parts + 1] = d
      end
    end
    function c.close() loop._close(fd) end
    function c.reset() socket._reset(fd) end
    function c.shut(how) socket._shutdown(fd, how) end
    return c
  end
  local srv = { addr = where, lfd = lfd, conns = 0 }
  srv.task = l:spawn(function()
    while true do
      local fd = socket._accept(lfd)
      if fd then
        srv.conns = srv.conns + 1
        l:spawn(handler, conn_of(fd))
      else
        l:wait(lfd, "r")
      end
    end
  end)
  function srv.stop()
    l:cancel(srv.task)
    loop._close(lfd)
  end
  srv.port = tonumber(where:match(":(%d+)$"))
  return srv
end

local function echo(c)
  while true do
    local d = c.read()
    if d == "" then break end
    if not c.write(d) then break end
  end
  c.close()
end

-- Sends `script` items in order: strings are written, numbers sleep (s),
-- functions are conditions waited for (the client says when it has read
-- what it must see alone: a sleep cannot promise that on a loaded machine),
-- "close" / "reset" / "shutw" act on the connection.
local function scripted(l, items)
  return function(c)
    for _, it in ipairs(items) do
      if type(it) == "number" then l:sleep(it)
      elseif type(it) == "function" then while not it() do l:sleep(0.001) end
      elseif it == "close" then c.close() return
      elseif it == "reset" then c.reset() return
      elseif it == "shutw" then c.shut("w")
      elseif it == "hold" then while c.read() ~= "" do end c.close() return
      else c.write(it) end
    end
    while c.read() ~= "" do end
    c.close()
  end
end

local function errmsg(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok)
  return (tostring(err):gsub("^[^:]*:%d+: ", ""))
end

local function pack(...) return table.pack(...) end

describe("proxylua.socket", function()
  describe("object and lifecycle (§1)", function()
    it("is a table with [0], HAProxy's metatable keys and tostring", function()
      run(function(l)
        local s = socket.tcp(l)
        assert.equal("table", type(s))
        assert.equal("userdata", type(s[0]))
        assert.equal("HAProxy class Socket", tostring(s))
        local keys = {}
        for k in pairs(getmetatable(s)) do keys[#keys + 1] = k end
        table.sort(keys)
        assert.same({ "__gc", "__index", "__tostring" }, keys)
        local names = {}
        for k in pairs(getmetatable(s).__index) do names[#names + 1] = k end
        table.sort(names)
        assert.same({ "close", "connect", "connect_ssl", "getpeername", "getsockname",
                      "receive", "send", "setoption", "settimeout" }, names)
      end)
    end)

    it("answers each method in the new state as 2.6 does", function()
      run(function(l)
        local s = socket.tcp(l)
        assert.equal(nil, s:getpeername())
        assert.equal(nil, s:getsockname())
        assert.equal(0, select("#", s:setoption("tcp-nodelay", true)))
        local r = pack(s:settimeout(1))
        assert.equal(1, r.n)
        assert.equal("integer", math.type(r[1]))
        assert.equal(0, select("#", s:close()))
        assert.equal(0, select("#", s:close()))
      end)
    end)

    it("queues a send made before connect and sends it after", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        local n = s:send("early\n")
        assert.equal(6, n)
        assert.equal("integer", math.type(n))
        local r = pack(s:connect(srv.addr))
        assert.equal(1, r.n)
        assert.equal(1, r[1])
        assert.equal("integer", math.type(r[1]))
        assert.equal("early", s:receive())
        s:close()
        srv.stop()
      end)
    end)

    it("kills a new socket that receives: nil, 'connection closed.' then connect returns nil", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        assert.same(pack(nil), pack(s:connect(srv.addr)))
        assert.equal(-1, s:send("x"))
        srv.stop()
      end)
    end)

    it("kills an unconnected socket at its task's first yield (rule 2)", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        s:settimeout(1)
        assert.equal(3, s:send("abc"))       -- neither yields
        l:yield()
        assert.same(pack(nil), pack(s:connect(srv.addr)))
        assert.equal(-1, s:send("abc"))
        local s2 = socket.tcp(l)
        l:sleep(0)
        assert.same(pack(nil), pack(s2:connect(srv.addr)))
        local s3 = socket.tcp(l)
        l:yield()
        assert.equal("socket: not yet initialised, you can't set timeouts.", errmsg(s3.settimeout, s3, 1))
        srv.stop()
      end)
    end)

    it("spares a socket made with yield_kills = false (the harness's sockets)", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l, { yield_kills = false })
        l:yield()
        l:sleep(0)
        assert.equal(1, s:connect(srv.addr))
        assert.equal(4, s:send("abc\n"))
        assert.equal("abc", s:receive())
        s:close()
        local s2 = socket.tcp(l, { yield_kills = true })   -- the default, said out loud
        l:yield()
        assert.same(pack(nil), pack(s2:connect(srv.addr)))
        assert.matches("bad argument #2 to '[%w.]*tcp' %(table expected, got string%)", errmsg(socket.tcp, l, "x"))
        srv.stop()
      end)
    end)

    it("in the dead state: connect nil, send -1 (0 for ''), receive closed or prefix, settimeout raises", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        s:close()
        assert.same(pack(nil), pack(s:connect(srv.addr)))
        assert.same(pack(-1), pack(s:send("abc")))
        assert.same(pack(0), pack(s:send("")))
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        assert.same(pack("PFX"), pack(s:receive("*a", "PFX")))
        assert.equal(nil, s:getpeername())
        assert.equal(nil, s:getsockname())
        assert.equal("socket: not yet initialised, you can't set timeouts.",
          errmsg(s.settimeout, s, 1))
        assert.equal(0, select("#", s:close()))
        srv.stop()
      end)
    end)

    it("closes the connection when the Socket is collected (peer sees the end)", function()
      run(function(l)
        local got
        local srv = serve(l, function(c) got = c.readall(); c.close() end)
        do
          local s = socket.tcp(l)
          assert.equal(1, s:connect(srv.addr))
          assert.equal(3, s:send("bye"))
        end
        collectgarbage()
        collectgarbage()
        while not got do l:sleep(0.01) end   -- bounded by run's limit only
        assert.equal("bye", got)
        srv.stop()
      end)
    end)

    it("survives a loop closed or a task cancelled while waiting, and frees the descriptor", function()
      local l = loop.new{ virtual = true }
      local srv_fd, where = socket._listen("127.0.0.1:0")
      local s, waiting = socket.tcp(l), nil
      local t = l:spawn(function()
        assert(s:connect(where) == 1)
        waiting = true
        s:receive()                            -- never answered
      end)
      -- step until the task is parked in receive (a fixed run(0.05) was too
      -- short once under ASan on a loaded machine)
      for _ = 1, 400 do if waiting then break end l:step(0.05) end
      assert.is_true(waiting)
      assert.equal("waiting", t:status())
      assert.is_true(l:cancel(t))
      assert.equal(0, select("#", s:close()))   -- the stale waiter: shut down, closed at GC
      assert.same(pack(nil, CLOSED), pack(s:receive()))
      -- a second one parked when the loop closes
      local s2 = socket.tcp(l)
      local waiting2
      l:spawn(function() assert(s2:connect(where) == 1); waiting2 = true; s2:receive() end)
      for _ = 1, 400 do if waiting2 then break end l:step(0.05) end
      assert.is_true(waiting2)
      l:close()
      s, s2, t, l = nil, nil, nil, nil
      collectgarbage()
      collectgarbage()
      -- the accepted ends see both connections closed
      local ends = 0
      for _ = 1, 2 do
        local fd = socket._accept(srv_fd)
        if fd then
          for _ = 1, 300 do
            local d, err = loop._read(fd)
            if d == "" then ends = ends + 1 break end
            if not err then break end
            os.execute("sleep 0.01")
          end
          loop._close(fd)
        end
      end
      assert.equal(2, ends)
      loop._close(srv_fd)
    end)
  end)

  describe("arguments (§1, §2, §4, §5, §6)", function()
    it("raises HAProxy's texts, function '?', self counted as #1", function()
      run(function(l)
        local s = socket.tcp(l)
        assert.equal("bad argument #1 to '?' ((null))", errmsg(s.connect, {}, "127.0.0.1:1"))
        assert.equal("bad argument #1 to '?' ((null))", errmsg(s.send, {}, "x"))
        assert.equal("connect: need at least 2 arguments", errmsg(s.connect, s))
        assert.equal("bad argument #2 to '?' (string expected, got nil)", errmsg(s.connect, s, nil))
        assert.equal("bad argument #3 to '?' (number has no integer representation)",
          errmsg(s.connect, s, "127.0.0.1", 23001.5))
        assert.equal("bad argument #3 to '?' (number expected, got string)",
          errmsg(s.connect, s, "127.0.0.1", "x"))
        assert.equal("bad argument #3 to '?' (number expected, got nil)",
          errmsg(s.connect, s, "127.0.0.1", nil))
        assert.equal("'connect_ssl' needs 3 arguments", errmsg(s.connect_ssl, s, "127.0.0.1:1"))
        assert.equal("'send' needs between 2 and 4 arguments", errmsg(s.send, s))
        assert.equal("'send' needs between 2 and 4 arguments", errmsg(s.send, s, "a", 1, 2, 3))
        assert.equal("bad argument #2 to '?' (string expected, got table)", errmsg(s.send, s, {}))
        assert.equal("bad argument #3 to '?' (number expected, got string)", errmsg(s.send, s, "abc", "x"))
        assert.equal("bad argument #4 to '?' (number has no integer representation)",
          errmsg(s.send, s, "abc", 1, 1.5))
        assert.equal("The 'receive' function requires between 1 and 3 arguments.",
          errmsg(s.receive, s, "*l", "p", 1))
        assert.equal("Unsupported pattern.", errmsg(s.receive, s, "*line"))
        assert.equal("Unsupported pattern.", errmsg(s.receive, s, "*all"))
        assert.equal("Unsupported pattern.", errmsg(s.receive, s, "*L"))
        assert.equal("Unsupported pattern.", errmsg(s.receive, s, "5 "))
        assert.equal("Unsupported pattern.", errmsg(s.receive, s, "abc"))
        assert.equal("Unsupported size.", errmsg(s.receive, s, -1))
        assert.equal("Expect a 'string' for the prefix", errmsg(s.receive, s, "*l", 5))
        assert.equal("'settimeout' needs 2 arguments", errmsg(s.settimeout, s))
        assert.equal("'settimeout' needs 2 arguments", errmsg(s.settimeout, s, 1, "b"))
        assert.equal("bad argument #2 to '?' (number expected, got nil)", errmsg(s.settimeout, s, nil))
        assert.equal("bad argument #2 to '?' (number expected, got string)", errmsg(s.settimeout, s, "x"))
        assert.equal("settimeout: cannot set negatives values", errmsg(s.settimeout, s, -1))
        assert.equal("settimeout: cannot set values larger than 2147483647 ms", errmsg(s.settimeout, s, 1e10))
        assert.equal(1, s:settimeout(2147483))
        assert.equal(1, s:settimeout("2"))
        assert.equal("'close' needs 1 arguments", errmsg(s.close, s, 1))
        assert.equal("'getpeername' needs 1 arguments", errmsg(s.getpeername, s, 1))
        assert.equal("'getsockname' needs 1 arguments", errmsg(s.getsockname, s, 1))
        assert.equal("Expect a 'string' for the prefix", errmsg(s.receive, s, "*l", nil))
        assert.equal(1, s:settimeout(0 / 0))
      end)
    end)

    it("names the method and does not count self in a method call, as Lua's own checks do in 2.6", function()
      run(function(l)
        local s = socket.tcp(l)
        assert.equal("bad argument #2 to 'send' (number expected, got nil)",
          errmsg(function() local r = s:send("abc", nil); return r end))
        assert.equal("bad argument #1 to 'send' (string expected, got table)",
          errmsg(function() local r = s:send({}); return r end))
        assert.equal("bad argument #2 to 'connect' (number has no integer representation)",
          errmsg(function() local r = s:connect("127.0.0.1", 1.5); return r end))
        assert.equal("bad argument #1 to 'settimeout' (number expected, got string)",
          errmsg(function() local r = s:settimeout("x"); return r end))
        assert.equal("bad argument #1 to 'connect' ((null))",
          errmsg(function() local r = s.connect({}, "x"); return r end))
        local fake = setmetatable({}, getmetatable(s))
        assert.equal("calling 'connect' on bad self ((null))",
          errmsg(function() local r = fake:connect("x"); return r end))
        -- the position is the calling line's, as luaL_error gives it
        local ok, err = pcall(function() local r = s:connect("localhost:80"); return r end)
        assert.is_false(ok)
        assert.truthy(err:match("^[^:]+:%d+: connect: cannot parse destination address 'localhost:80'$"))
      end)
    end)

    it("parses addresses with HAProxy's rules and no DNS (§2)", function()
      run(function(l)
        local function perr(...)
          local s = socket.tcp(l)
          return errmsg(s.connect, s, ...)
        end
        assert.equal("connect: cannot parse destination address 'localhost:80'", perr("localhost:80"))
        assert.equal("connect: cannot parse destination address 'localhost:'", perr("localhost", 80))
        assert.equal("connect: cannot parse destination address '127.0.0.1:80:'", perr("127.0.0.1:80", 80))
        assert.equal("connect: port missing", perr("127.0.0.1"))
        assert.equal("connect: port missing", perr("127.0.0.1:0"))
        assert.equal("connect: port missing", perr("127.0.0.1", -1))
        assert.equal("connect: cannot parse destination address '::1'", perr("::1"))
        assert.equal("connect: port missing", perr("*"))
        assert.equal("connect: port missing", perr(":"))
        assert.equal("connect: port missing", perr("[::1]"))
        for _, a in ipairs{ "127.1:80", "udp@127.0.0.1:80", "127.0.0.1:80-90", "127.0.0.1:+1",
                            "127.0.0.1:abc", "", "ipv4@::1:80", "ipv6@127.0.0.1:80", "127.0.0.1:70000",
                            "127.0.0.1:65536", "uxdg@/tmp/x", "udp4@127.0.0.1:80", "fd@3", "sockpair@3",
                            "IPV4@127.0.0.1:80", "[127.0.0.1:80", "127.0.0.1]:80", "[]:80", " 127.0.0.1:80",
                            "tcp6@127.0.0.1:80", "tcp4@::1:80" } do
          assert.equal("connect: cannot parse destination address '" .. a .. "'", perr(a))
        end
        assert.equal("connect: cannot parse destination address '123'", perr(123))
        assert.equal("connect: cannot parse destination address 'localhost:'",
          errmsg(function() local s = socket.tcp(l); return s:connect_ssl("localhost", 80) end))
      end)
    end)

    it("accepts every address form and reports the configured peer", function()
      run(function(l)
        local srv = serve(l, echo)
        local P = srv.port
        local forms = {
          { { "127.0.0.1:" .. P } }, { { "127.0.0.1", P } }, { { "127.0.0.1", tostring(P) } },
          { { "127.0.0.1", P + 0.0 } }, { { "ipv4@127.0.0.1:" .. P } }, { { "ipv4@127.0.0.1", P } },
          { { "127.0.0.1:" .. P, 0 } }, { { "127.0.0.1:" .. P .. "abc" } }, { { "127.0.0.1:0" .. P } },
          { { "[127.0.0.1]:" .. P } }, { { "tcp@127.0.0.1:" .. P } }, { { "tcp4@127.0.0.1:" .. P } },
          { { "ip@127.0.0.1:" .. P } }, { { "quic4@127.0.0.1:" .. P } }, { { "127.0.0.1:" .. P .. " " } },
        }
        for _, f in ipairs(forms) do
          local s = socket.tcp(l)
          assert.same(pack(1), pack(s:connect(table.unpack(f[1]))))
          assert.equal("127.0.0.1:" .. P, s:getpeername())
          assert.truthy(s:getsockname():match("^127%.0%.0%.1:%d+$"))
          assert.equal(3, s:send("ok\n"))
          assert.equal("ok", s:receive())
          s:close()
        end
        -- the any-address reaches the local listener; getpeername shows it as configured
        for _, a in ipairs{ ":" .. P, "*:" .. P, "ipv4@:" .. P } do
          local s = socket.tcp(l)
          assert.same(pack(1), pack(s:connect(a)))
          assert.equal("0.0.0.0:" .. P, s:getpeername())
          s:close()
        end
        srv.stop()
      end)
    end)

    it("fails with 'Can't connect' for refused ports, port 0, a wrapped port and missing unix paths", function()
      run(function(l)
        local srv = serve(l, echo)
        local dead = srv.port
        srv.stop()                               -- nothing listens there now
        for _, args in ipairs{ { "127.0.0.1:" .. dead }, { "127.0.0.1", 0 },
                               { "unix@/nonexistent/proxylua.sock" }, { "/nonexistent/p.sock" },
                               { "/tmp", 80 }, { "unix@" }, { "abns@" }, { "/" },
                               { "127.0.0.1", -2 } } do
          local s = socket.tcp(l)
          assert.same(pack(nil, "Can't connect"), pack(s:connect(table.unpack(args))))
          assert.same(pack(nil), pack(s:connect("127.0.0.1:" .. dead)))  -- dead now
          assert.equal(-1, s:send("x"))
          assert.same(pack(nil, CLOSED), pack(s:receive()))
        end
      end)
    end)

    it("wraps ports above 65535 to 16 bits", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.equal(1, s:connect("127.0.0.1", srv.port + 65536))
        assert.equal("127.0.0.1:" .. srv.port, s:getpeername())
        s:close()
        srv.stop()
      end)
    end)

    it("times out a connect to a full backlog with 'Can't connect' after settimeout", function()
      run(function(l)
        local lfd, where = socket._listen("127.0.0.1:0", 0)
        -- fill the accept queue: later SYNs are dropped
        local fill = {}
        for i = 1, 4 do
          fill[i] = socket.tcp(l)
          fill[i]:settimeout(0.05)
          fill[i]:connect(where)
        end
        local s = socket.tcp(l)
        s:settimeout(0.1)
        assert.same(pack(nil, "Can't connect"), pack(s:connect(where)))
        for i = 1, 4 do fill[i]:close() end
        loop._close(lfd)
      end)
    end)

    it("connects over IPv6 with every ::1 form", function()
      run(function(l)
        local ok, srv = pcall(serve, l, echo, "[::1]:0")
        if not ok then return end              -- no IPv6 here: nothing to check
        local P = srv.port
        for _, f in ipairs{ { "[::1]:" .. P }, { "::1", P }, { "[::1]", P }, { "::1:" .. P },
                            { "ipv6@::1", P }, { "ipv6@[::1]:" .. P } } do
          local s = socket.tcp(l)
          assert.same(pack(1), pack(s:connect(table.unpack(f))))
          assert.equal("[::1]:" .. P, s:getpeername())
          assert.truthy(s:getsockname():match("^%[::1%]:%d+$"))
          assert.equal(4, s:send("v6!\n"))
          assert.equal("v6!", s:receive())
          s:close()
        end
        srv.stop()
      end)
    end)

    it("connects to unix sockets (path and unix@), names them 'unix'", function()
      run(function(l)
        local path = os.tmpname()
        os.remove(path)
        local srv = serve(l, echo, "unix@" .. path)
        for _, a in ipairs{ path, "unix@" .. path } do
          local s = socket.tcp(l)
          assert.same(pack(1), pack(s:connect(a)))
          assert.equal("unix", s:getpeername())
          assert.equal("unix", s:getsockname())
          assert.equal(5, s:send("unix\n"))
          assert.equal("unix", s:receive())
          s:close()
        end
        srv.stop()
        os.remove(path)
      end)
    end)

    it("connects to an abstract unix name padded as HAProxy binds them", function()
      run(function(l)
        -- the pid keeps parallel runs apart (5.3's math.random is unseeded:
        -- two runs started in the same second picked the same name)
        local pid = assert(io.open("/proc/self/stat")):read("n")
        local name = "proxylua-spec-" .. pid .. "-" .. tostring(os.time())
        local srv = serve(l, echo, "abns@" .. name)
        local s = socket.tcp(l)
        assert.same(pack(1), pack(s:connect("abns@" .. name)))
        assert.equal("unix", s:getpeername())
        assert.equal(5, s:send("abns\n"))
        assert.equal("abns", s:receive())
        s:close()
        srv.stop()
      end)
    end)

    it("stays on its first peer when connected again", function()
      run(function(l)
        local a = serve(l, scripted(l, { "A\n" }))
        local b = serve(l, scripted(l, { "B\n" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(a.addr))
        assert.same(pack(1), pack(s:connect(b.addr)))
        assert.same(pack(1), pack(s:connect("127.0.0.1", 1)))
        assert.equal(a.addr, s:getpeername())
        assert.equal("A", s:receive())
        assert.equal(0, b.conns)
        s:close()
        a.stop()
        b.stop()
      end)
    end)
  end)

  describe("send (§4)", function()
    it("returns the count of the selected range", function()
      run(function(l)
        local got = {}
        local srv = serve(l, function(c) got[#got + 1] = c.readall(); c.close() end)
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        local cases = {
          { { "abcdef" }, 6 }, { { "abcdef", 3 }, 4 }, { { "abcdef", 2, 4 }, 3 },
          { { "abcdef", -2 }, 2 }, { { "abcdef", -3, -2 }, 2 }, { { "abcdef", 4, 2 }, 0 },
          { { "" }, 0 }, { { "abc", 5 }, 0 }, { { "abc", 0 }, 3 }, { { "abc", 0, 0 }, 0 },
          { { "abc", -10 }, 0 }, { { 123 }, 3 }, { { 1.5 }, 3 },
        }
        for _, c in ipairs(cases) do
          local r = pack(s:send(table.unpack(c[1])))
          assert.equal(1, r.n)
          assert.equal(c[2], r[1])
          assert.equal("integer", math.type(r[1]))
        end
        -- a j past the end is clamped (2.6 would also send the NUL after the string)
        assert.equal(2, s:send("abc", 2, 10))
        s:close()
        while not got[1] do l:sleep(0.01) end
        assert.equal("abcdefcdefbcdefdeabc1231.5bc", got[1])
        srv.stop()
      end)
    end)

    it("keeps sending after the peer's FIN for a while, then -1; -1 right after an RST", function()
      run(function(l)
        local srv = serve(l, scripted(l, { "close" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        local results = {}
        for i = 1, 10 do
          results[i] = s:send("data")
          l:sleep(0.02)
        end
        assert.equal(4, results[1])
        assert.equal(-1, results[10])
        s:close()
        srv.stop()
        local srv2 = serve(l, scripted(l, { "hi\n", "reset" }))
        local s2 = socket.tcp(l)
        assert.equal(1, s2:connect(srv2.addr))
        assert.equal("hi", s2:receive())
        assert.same(pack(nil, CLOSED), pack(s2:receive()))
        assert.equal(-1, s2:send("x"))
        srv2.stop()
      end)
    end)

    it("keeps the cause for socket._error (not HAProxy API): refused, reset, not an orderly close", function()
      run(function(l)
        local srv = serve(l, echo)
        local dead = srv.port
        srv.stop()
        local s = socket.tcp(l)
        assert.same(pack(nil, "Can't connect"), pack(s:connect("127.0.0.1:" .. dead)))
        assert.same(pack("ECONNREFUSED", "Connection refused"), pack(socket._error(s)))
        s = socket.tcp(l)
        assert.same(pack(nil, "Can't connect"), pack(s:connect("unix@/nonexistent/p.sock")))
        assert.same(pack("ENOENT", "No such file or directory"), pack(socket._error(s)))
        local srv2 = serve(l, scripted(l, { "hi\n", "reset" }))
        local s2 = socket.tcp(l)
        assert.equal(1, s2:connect(srv2.addr))
        assert.same(pack(nil), pack(socket._error(s2)))
        assert.equal("hi", s2:receive())
        assert.same(pack(nil, CLOSED), pack(s2:receive()))       -- as HAProxy: a close
        assert.same(pack("ECONNRESET", "Connection reset by peer"), pack(socket._error(s2)))
        srv2.stop()
        local srv3 = serve(l, scripted(l, { "bye\n", "close" }))
        local s3 = socket.tcp(l)
        assert.equal(1, s3:connect(srv3.addr))
        assert.equal("bye", s3:receive())
        assert.same(pack(nil, CLOSED), pack(s3:receive()))
        assert.same(pack(nil), pack(socket._error(s3)))
        s3:close()
        srv3.stop()
        assert.matches("bad argument #1", errmsg(socket._error, {}))
      end)
    end)

    it("tells when the inactivity timer fires (socket._deadline, not HAProxy API)", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.same(pack(nil), pack(socket._deadline(s)))            -- not connected
        assert.equal(1, s:connect(srv.addr))
        assert.same(pack(nil), pack(socket._deadline(s)))            -- no timeout set
        assert.equal(1, s:settimeout(2))
        local d = socket._deadline(s)
        assert.is_true(math.abs(d - (l:now() + 2)) < 0.01)
        s:close()
        assert.same(pack(nil), pack(socket._deadline(s)))
        srv.stop()
      end)
    end)

    it("returns -1 when a peer that never reads lets the send time out", function()
      run(function(l)
        local srv = serve(l, function() l:sleep(5) end)   -- accepts, never reads
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal(1, s:settimeout(0.1))
        assert.same(pack(-1), pack(s:send(("x"):rep(64 * 1024 * 1024))))
        assert.equal(nil, s:getpeername())
        srv.stop()
      end)
    end)

    it("still delivers after the peer half-closes", function()
      run(function(l)
        local got
        local srv = serve(l, function(c) c.write("bye\n"); c.shut("w"); got = c.readall(); c.close() end)
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal("bye\n", s:receive("*a"))
        assert.equal(5, s:send("after"))
        s:close()
        while not got do l:sleep(0.01) end
        assert.equal("after", got)
        srv.stop()
      end)
    end)
  end)

  describe("receive (§5)", function()
    it("reads lines, keeping every \\r but one before \\n", function()
      run(function(l)
        local srv = serve(l, scripted(l, { "line1\r\nline2\nline3\r\r\nmid\rdle\r\n\r\n\nA\nxyz", "close" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal("line1", s:receive("*l"))
        assert.equal("line2", s:receive())
        assert.equal("line3\r", s:receive(nil))
        assert.equal("mid\rdle", s:receive(true))
        assert.equal("", s:receive({}))
        assert.equal("", s:receive("-1"))
        assert.equal("PFX:A", s:receive("*l", "PFX:"))
        assert.same(pack("xyz"), pack(s:receive()))  -- partial line at close: a success
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        assert.same(pack(nil, CLOSED), pack(s:receive("*a")))
        srv.stop()
      end)
    end)

    it("reads counts with prefixes, *a until close, and buffers between calls", function()
      run(function(l)
        local stage = 0
        local function after(n) return function() return stage >= n end end
        local srv = serve(l, scripted(l, { "abcdefgh", after(1), "a\nbb\nccc", 0.02, "part1-", "part2\n\r\n", "close" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal("abcde", s:receive(5))
        assert.equal("fg", s:receive("2"))
        assert.equal("X", s:receive(1, "X"))      -- #prefix == n: waits for a byte, takes none
        assert.equal("PFXh", s:receive(2, "PFX"))  -- #prefix > n: everything buffered
        stage = 1
        assert.equal("a", s:receive("*l"))
        assert.equal("b", s:receive(1))
        assert.equal("b", s:receive())
        assert.equal("", s:receive(0))
        assert.equal("ab", s:receive(2, "ab"))     -- #prefix == n: prefix only, once a byte is there
        assert.equal("", s:receive(2.7))           -- 2.7 -> 0
        assert.equal("c", s:receive(" 1"))
        assert.equal("ZZcc", s:receive(4, "ZZ"))
        assert.equal("part1-part2\n\r\n", s:receive("*a"))
        assert.same(pack(nil, CLOSED), pack(s:receive("*a")))
        assert.same(pack("P"), pack(s:receive(3, "P")))
        srv.stop()
        -- a negative count string other than -1/-2 takes what is buffered
        local srv2 = serve(l, scripted(l, { "abcd", after(2), "efg", "hold" }))
        local s2 = socket.tcp(l)
        assert.equal(1, s2:connect(srv2.addr))
        assert.equal("a", s2:receive(1))
        assert.equal("bcd", s2:receive("-3"))
        stage = 2
        assert.equal("Xefg", s2:receive("-5", "X"))
        s2:close()
        srv2.stop()
      end)
    end)

    it("returns partial data at close as a success", function()
      run(function(l)
        local srv = serve(l, scripted(l, { "abc", "close" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.same(pack("abc"), pack(s:receive(10)))
        assert.same(pack(nil, CLOSED), pack(s:receive(10)))
        srv.stop()
        local srv2 = serve(l, scripted(l, { "close" }))
        local s2 = socket.tcp(l)
        assert.equal(1, s2:connect(srv2.addr))
        assert.same(pack("PFX"), pack(s2:receive("*l", "PFX")))
        srv2.stop()
      end)
    end)

    it("reads 8-bit data and 1 MiB with NULs both ways at once", function()
      run(function(l)
        local srv = serve(l, echo)
        local bytes = {}
        for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
        local all = table.concat(bytes)
        local big = (all .. "\0\0\0"):rep(4096):sub(1, 1024 * 1024)
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        local back
        l:spawn(function() back = s:receive(#big) end)
        assert.equal(#big, s:send(big))
        while not back do l:sleep(0.01) end
        assert.equal(#big, #back)
        assert.is_true(back == big)
        assert.equal(3, s:send("\0\r\n"))
        assert.equal("\0", s:receive())
        s:close()
        srv.stop()
      end)
    end)
  end)

  describe("settimeout (§6)", function()
    -- Timers are armed once the data they race with is known to be
    -- buffered (a first receive(1) waits for it with no timer): a loaded
    -- machine can delay the peer past any fixed margin.
    it("returns a partial count or *a at a timeout, loses a partial *l, then the socket is dead", function()
      run(function(l)
        local srv = serve(l, scripted(l, { "abcd", "hold" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal("a", s:receive(1))
        assert.equal(1, s:settimeout(0.05))
        assert.same(pack("bcd"), pack(s:receive(10)))
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        assert.equal(-1, s:send("x"))
        assert.equal(nil, s:getpeername())
        assert.equal("socket: not yet initialised, you can't set timeouts.", errmsg(s.settimeout, s, 1))
        srv.stop()
        local srv2 = serve(l, scripted(l, { "xyz", "hold" }))
        local s2 = socket.tcp(l)
        assert.equal(1, s2:connect(srv2.addr))
        assert.equal("x", s2:receive(1))
        s2:settimeout(0.05)
        assert.same(pack(nil, CLOSED), pack(s2:receive("*l")))   -- "yz" is lost
        assert.same(pack(nil, CLOSED), pack(s2:receive("*a")))
        srv2.stop()
        local srv3 = serve(l, scripted(l, { "data", "hold" }))
        local s3 = socket.tcp(l)
        assert.equal(1, s3:connect(srv3.addr))
        assert.equal("d", s3:receive(1))
        s3:settimeout(0.05)
        assert.same(pack("ata"), pack(s3:receive("*a")))
        local s4 = socket.tcp(l)
        assert.equal(1, s4:connect(srv3.addr))
        assert.equal("d", s4:receive(1))
        s4:settimeout(0.05)
        assert.same(pack("PFX"), pack(s4:receive("*l", "PFX")))
        srv3.stop()
      end)
    end)

    it("opts.line_lost_raises: losing a partial *l line at a timeout raises instead", function()
      run(function(l)
        local srv = serve(l, scripted(l, { "xyz", "hold" }))
        local s = socket.tcp(l, { line_lost_raises = true })
        assert.equal(1, s:connect(srv.addr))
        assert.equal("x", s:receive(1))
        s:settimeout(0.05)
        assert.equal("proxylua.socket: partial line lost at a timeout", errmsg(s.receive, s, "*l"))
        assert.same(pack(nil, CLOSED), pack(s:receive("*l")))   -- "yz" is gone, so is the socket
        srv.stop()
      end)
    end)

    it("destroys an idle connection: a send after the timeout returns -1", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal(5, s:send("ping\n"))
        assert.equal("ping", s:receive())
        assert.equal(1, s:settimeout(0.2))
        l:sleep(0.3)
        assert.equal(-1, s:send("late\n"))
        assert.equal(nil, s:getpeername())
        srv.stop()
      end)
    end)

    -- The socket's clock is an adapter's, moved by hand, and its waits
    -- carry no timeout: only the script's gaps count, never the machine's.
    it("is kept alive by traffic", function()
      run(function(l)
        local clock = l:now()
        local ad = {
          wait = function(_, fd, mode) return l:wait(fd, mode) end,
          in_task = function() return l:in_task() end,
          now = function() return clock end,
        }
        local srv = serve(l, echo)
        local s = socket.tcp(ad)
        assert.equal(1, s:connect(srv.addr))
        assert.equal(1, s:settimeout(0.6))
        for i = 1, 5 do                        -- 0.75 s in all, each gap 0.15 s
          clock = clock + 0.15
          assert.equal(2, s:send(i .. "\n"))
          assert.equal(tostring(i), s:receive())
        end
        clock = clock + 0.61
        assert.equal(-1, s:send("late\n"))
        s:close()
        srv.stop()
      end)
    end)

    it("takes 0 as 1 ms", function()
      run(function(l)
        local srv = serve(l, scripted(l, { "hold" }))
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.equal(1, s:settimeout(0))
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        srv.stop()
      end)
    end)
  end)

  describe("connect_ssl (§3)", function()
    -- A Python TLS echo (self-signed cert for CN peer.test, made now) that
    -- answers "?info\n" with the SNI it saw and the protocol. Bounded by
    -- timeout(1); stopped by pid.
    local dir, pid, port
    local PEER = [[
import os, socket, ssl, sys
cert, key, portfile = sys.argv[1:4]
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(cert, key)
seen = {}
def on_sni(sock, name, c):
    seen[id(sock)] = name
ctx.sni_callback = on_sni
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen(16)
with open(portfile + ".tmp", "w") as f:
    f.write(str(srv.getsockname()[1]))
os.rename(portfile + ".tmp", portfile)
srv.settimeout(60)
while True:
    try:
        c, _ = srv.accept()
    except socket.timeout:
        break
    try:
        t = ctx.wrap_socket(c, server_side=True)
    except Exception:
        c.close()
        continue
    t.settimeout(10)
    try:
        while True:
            d = t.recv(65536)
            if not d:
                break
            if d == b"?info\n":
                info = "sni=%s proto=%s\n" % (seen.get(id(t)), t.version())
                t.sendall(info.encode())
            else:
                t.sendall(d)
    except Exception:
        pass
    t.close()
]]

    setup(function()
      dir = os.tmpname()
      os.remove(dir)
      assert(os.execute("mkdir -p " .. dir))
      assert(os.execute("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
        .. " -keyout " .. dir .. "/key.pem -out " .. dir .. "/cert.pem -subj /CN=peer.test -days 1"
        .. " >/dev/null 2>&1"))
      local f = assert(io.open(dir .. "/peer.py", "w"))
      f:write(PEER)
      f:close()
      local p = assert(io.popen("timeout 120 python3 " .. dir .. "/peer.py " .. dir .. "/cert.pem "
        .. dir .. "/key.pem " .. dir .. "/port >/dev/null 2>&1 & echo $!"))
      pid = tonumber(p:read("*l"))
      p:close()
      for _ = 1, 600 do                    -- up to 30 s: python under a loaded CI
        local pf = io.open(dir .. "/port")
        if pf then port = tonumber(pf:read("*a")); pf:close() end
        if port then break end
        os.execute("sleep 0.05")
      end
      assert(port, "TLS peer did not start")
    end)

    teardown(function()
      if pid then os.execute("kill " .. pid .. " 2>/dev/null") end
      if dir then os.execute("rm -rf " .. dir) end
    end)

    it("talks TLS to a self-signed peer reached by IP, without SNI, no verification", function()
      run(function(l)
        local s = socket.tcp(l)
        assert.same(pack(1), pack(s:connect_ssl("127.0.0.1", port)))
        assert.equal("127.0.0.1:" .. port, s:getpeername())
        assert.equal(6, s:send("hello\n"))
        assert.equal("hello", s:receive())
        assert.equal(6, s:send("?info\n"))
        assert.equal("sni=None proto=TLSv1.3", s:receive())
        s:close()
      end)
    end)

    it("moves 1 MiB with NULs both ways over TLS", function()
      run(function(l)
        local big = ("\0tls\255\r\n"):rep(131072)
        local s = socket.tcp(l)
        assert.equal(1, s:connect_ssl("127.0.0.1", port))
        local back
        l:spawn(function() back = s:receive(#big) end)
        assert.equal(#big, s:send(big))
        while not back do l:sleep(0.01) end
        assert.equal(#big, #back)
        assert.is_true(back == big)
        s:close()
      end)
    end)

    it("queues early data until the handshake is done", function()
      run(function(l)
        local s = socket.tcp(l)
        assert.equal(6, s:send("early\n"))
        assert.equal(1, s:connect_ssl("127.0.0.1", port))
        assert.equal("early", s:receive())
        s:close()
      end)
    end)

    it("fails with 'Can't connect' against a plain echo or a peer that closes, and leaves the socket dead", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.same(pack(nil, "Can't connect"), pack(s:connect_ssl("127.0.0.1", srv.port)))
        assert.equal(-1, s:send("x"))
        assert.same(pack(nil, CLOSED), pack(s:receive()))
        srv.stop()
        local srv2 = serve(l, scripted(l, { "close" }))
        local s2 = socket.tcp(l)
        assert.same(pack(nil, "Can't connect"), pack(s2:connect_ssl("127.0.0.1", srv2.port)))
        srv2.stop()
        local srv3 = serve(l, scripted(l, { "hold" }))
        local s3 = socket.tcp(l)
        s3:settimeout(0.05)                    -- the handshake counts against it
        assert.same(pack(nil, "Can't connect"), pack(s3:connect_ssl("127.0.0.1", srv3.port)))
        srv3.stop()
      end)
    end)

    it("keeps an already connected plain socket plain", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        assert.equal(1, s:connect(srv.addr))
        assert.same(pack(1), pack(s:connect_ssl("127.0.0.1", port)))
        assert.equal(srv.addr, s:getpeername())
        assert.equal(6, s:send("plain\n"))
        assert.equal("plain", s:receive())
        s:close()
        srv.stop()
      end)
    end)

    it("gives a plain connect to the TLS port 1, then the exchange fails", function()
      run(function(l)
        local s = socket.tcp(l)
        s:settimeout(2)
        assert.equal(1, s:connect("127.0.0.1", port))
        assert.equal(6, s:send("hello\n"))
        assert.same(pack(nil, CLOSED), pack(s:receive("*a")))
      end)
    end)
  end)

  describe("contexts (§8)", function()
    it("raises HAProxy's texts outside a task of the loop", function()
      local l = loop.new{ virtual = true }
      local s = socket.tcp(l)
      assert.equal("The 'write' function is only allowed in 'frontend', 'backend' or 'task'",
        errmsg(s.send, s, "x"))
      assert.equal("The 'receive' function is only allowed in 'frontend', 'backend' or 'task'",
        errmsg(s.receive, s))
      assert.truthy(errmsg(s.connect, s, "127.0.0.1:1"):find("not called from a task of this loop", 1, true))
      -- parse errors come first, as in 2.6
      assert.equal("connect: port missing", errmsg(s.connect, s, "127.0.0.1"))
      local other = loop.new{ virtual = true }
      local msg
      other:spawn(function() msg = errmsg(s.receive, s) end)
      other:run(1)
      assert.equal("The 'receive' function is only allowed in 'frontend', 'backend' or 'task'", msg)
      l:close()
      other:close()
    end)

    it("with opts.outside (proxylua.luasocket's), sends outside a task what goes without waiting", function()
      local l = loop.new{ virtual = true }
      local srv, s, held
      local done = false
      l:spawn(function()
        srv = serve(l, function(c)
          if c.read() == "hold\n" then       -- then read nothing more
            held = true
            while not done do l:sleep(0.01) end
          else
            c.write("got\n")
          end
        end)
        s = socket.tcp(l, { outside = true })
        assert.equal(1, s:connect(srv.addr))
      end)
      l:run(5)
      -- outside any task: the whole string at once, as a send in a task
      assert.equal(5, s:send("ping\n"))
      local got
      l:spawn(function() got = s:receive() end)
      l:run(5)
      assert.equal("got", got)
      -- receive and connect still need a task
      assert.equal("The 'receive' function is only allowed in 'frontend', 'backend' or 'task'",
        errmsg(s.receive, s))
      -- a peer that reads nothing: the count that went before it would wait
      local s2
      l:spawn(function() s2 = socket.tcp(l, { outside = true }); assert.equal(1, s2:connect(srv.addr)) end)
      l:run(5)
      assert.equal(5, s2:send("hold\n"))
      while not held do l:step(0.05) end
      local big = ("x"):rep(32 * 1024 * 1024)
      local n = s2:send(big)
      assert.is_true(n > 0 and n < #big, tostring(n))
      -- not connected yet: HAProxy's error, as without the option
      local s3 = socket.tcp(l, { outside = true })
      assert.equal("The 'write' function is only allowed in 'frontend', 'backend' or 'task'",
        errmsg(s3.send, s3, "x"))
      done = true
      s:close(); s2:close()
      srv.stop()
      l:run(5)
      l:close()
    end)

    it("fails a connect that cannot yield as a fetch does", function()
      run(function(l)
        local srv = serve(l, echo)
        local s = socket.tcp(l)
        local ok, err = loop.call(function() return s:connect(srv.addr) end)
        assert.is_false(ok)
        assert.equal("attempt to yield across a C-call boundary", err)
        srv.stop()
      end)
    end)
  end)

  describe("memory limit (tune.lua.maxmem)", function()
    -- under tests/host/pl-lua, whose allocator enforces a limit: the receive
    -- buffer counts, running out is a Lua error, and the socket goes on
    local script = [[
      local loop = require "proxylua.loop"
      local socket = require "proxylua.socket"
      local l = loop.new{ virtual = true }
      local lfd, addr = socket._listen("127.0.0.1:0")
      local chunk = ("x"):rep(65536)
      l:spawn(function()
        l:wait(lfd, "r")
        local fd = socket._accept(lfd)
        local sent = 0
        while sent < 4 * 1024 * 1024 do
          local n, err = loop._write(fd, chunk)
          if n then sent = sent + n
          elseif err == "Resource temporarily unavailable" then l:wait(fd, "w")
          else break end
        end
        loop._close(fd)
      end)
      local ok, err, rest
      l:spawn(function()
        local s = socket.tcp(l)
        assert(s:connect(addr) == 1)
        collectgarbage(); collectgarbage()
        maxmem(memused() + 1024 * 1024)
        ok, err = pcall(s.receive, s, "*a")
        maxmem(0)
        rest = s:receive("*a")
        s:close()
      end)
      print(l:run(10))
      print(ok, err, rest and #rest >= 4 * 1024 * 1024)
      print(#l:errors())
      loop._close(lfd)
    ]]

    -- Runs code under pl-lua; nil when the host is not built.
    local function host_run(code)
      local out, why = require("spec.helpers.pl_lua").run(code)
      if not out then pending(why) end
      return out
    end

    it("raises 'not enough memory' from receive and the socket keeps its data", function()
      local out = host_run(script)
      if out then assert.equal("true\t0\nfalse\tnot enough memory\ttrue\n0\n", out) end
    end)

    -- The result string (and the prefix joined to it) is allocated after
    -- the data is buffered: running out there must not consume the data.
    -- Limits rise in 16 KiB steps from below the buffer's needs to above
    -- the string's, so some attempts fail at the buffer and some at the
    -- result; the data comes back whole in the end.
    local result_script = [[
      local loop = require "proxylua.loop"
      local socket = require "proxylua.socket"
      local N = 600 * 1024
      local function one(prefix)
        local l = loop.new{ virtual = true }
        local lfd, addr = socket._listen("127.0.0.1:0")
        l:spawn(function()
          l:wait(lfd, "r")
          local fd = socket._accept(lfd)
          local data, off = ("y"):rep(N), 1
          while off <= N do
            local n, err = loop._write(fd, data:sub(off, off + 65535))
            if n then off = off + n
            elseif err == "Resource temporarily unavailable" then l:wait(fd, "w")
            else break end
          end
          loop._close(fd)
        end)
        local fails, got = 0, nil
        l:spawn(function()
          local s = socket.tcp(l)
          assert(s:connect(addr) == 1)
          for extra = 16 * 1024, 4 * N, 16 * 1024 do
            collectgarbage(); collectgarbage()
            maxmem(memused() + extra)
            local ok, d
            if prefix then ok, d = pcall(s.receive, s, N + #prefix, prefix)
            else ok, d = pcall(s.receive, s, N) end
            maxmem(0)
            if ok then got = d break end
            assert(d == "not enough memory", d)
            fails = fails + 1
          end
          s:close()
        end)
        l:run(30)
        print(#l:errors(), fails > 0, got == (prefix or "") .. ("y"):rep(N))
        l:close()
        loop._close(lfd)
      end
      one(nil)
      one("pre\0fix")
    ]]

    it("keeps the data when the result string or the prefix join runs out of memory", function()
      local out = host_run(result_script)
      if out then assert.equal("0\ttrue\ttrue\n0\ttrue\ttrue\n", out) end
    end)
  end)

  describe("adapters", function()
    it("waits through any object with wait, in_task and now", function()
      run(function(l)
        local calls = { wait = 0, in_task = 0, now = 0 }
        local ad = {
          wait = function(_, fd, mode, t) calls.wait = calls.wait + 1; return l:wait(fd, mode, t) end,
          in_task = function() calls.in_task = calls.in_task + 1; return l:in_task() end,
          now = function() calls.now = calls.now + 1; return l:now() end,
        }
        local srv = serve(l, echo)
        local s = socket.tcp(ad)
        s:settimeout(1)
        assert.equal(1, s:connect(srv.addr))
        assert.equal(6, s:send("hello\n"))
        assert.equal("hello", s:receive())
        s:close()
        assert.is_true(calls.wait >= 2)
        assert.is_true(calls.in_task >= 3)
        assert.is_true(calls.now >= 1)
        local s2 = socket.tcp(ad)
        local srv2 = serve(l, scripted(l, { "part", "hold" }))
        assert.equal(1, s2:connect(srv2.addr))
        assert.equal("p", s2:receive(1))       -- the rest is buffered before the timer runs
        s2:settimeout(0.05)
        assert.same(pack("art"), pack(s2:receive(10)))
        assert.equal(-1, s2:send("x"))
        srv.stop()
        srv2.stop()
      end)
      assert.equal("bad argument #1 to 'tcp' (proxylua.loop expected)",
        errmsg(function() local s = socket.tcp(); return s end))
    end)
  end)

  describe("scale", function()
    it("runs 100 concurrent sockets in one loop", function()
      run(function(l)
        local srv = serve(l, echo)
        local got, left = {}, 100
        for i = 1, 100 do
          l:spawn(function()
            local s = socket.tcp(l)
            assert(s:connect(srv.addr) == 1)
            assert(s:send("n" .. i .. "\n") == #("n" .. i .. "\n"))
            got[i] = s:receive()
            s:close()
            left = left - 1
          end)
        end
        while left ~= 0 do l:sleep(0.01) end
        assert.equal(0, left)
        for i = 1, 100 do assert.equal("n" .. i, got[i]) end
        assert.equal(100, srv.conns)
        srv.stop()
      end)
    end)
  end)
end)
