-- Socket (core.tcp()) for the harness, two ways (docs/haproxy-socket.md §0-§8):
--
-- * real sockets (SK.network): proxylua.socket on the harness's event loop.
--   The script's calls that wait (connect, connect_ssl, send, receive) run
--   in the loop task driving the call, so a script talks to real peers and
--   other transactions progress meanwhile;
-- * a fake peer the harness describes (SK.class), so that a script talking
--   to a TCP service (Redis, a line protocol...) can be unit tested without
--   any network. The peer:
--   opts.tcp = function(host, port, ssl) -> peer | nil (nil: "Can't connect")
--   peer     = function(data) -> reply [, "close"]
-- called once with nil right after connect (a greeting) and then with every
-- chunk the script sends; replies are queued for receive(). Data that never
-- comes behaves as a fired settimeout (docs/haproxy-socket.md §5): partial
-- counts and "*a" come back as success, a partial "*l" line is lost.
local U = require "proxylua.core.base.util"
local fmt = require "proxylua.core.base.formats"
local E = require "proxylua.core.exec.executor"
local VER = require "proxylua.core.state.versions"

local select, type, tostring, tonumber = select, type, tostring, tonumber
local sformat = string.format
local raise = U.raise

local SK = {}

local CLOSED = "connection closed."

-- 3.0+ (docs/socket.md, "Other versions"): connect on a connected socket
-- raises; closing a socket that never connected kills the process (live
-- in a task: the action's answer goes out first, so only tasks die here);
-- a partial *l line at a timeout never comes back.
local TWICE = "connect: connect already performed\n"

local function check_close(rt)
  local ctx = E.current(rt)
  if ctx and ctx.kind == "task" and VER.has(rt, "tcp_close_crash") then
    E.die(rt, "Socket:close() of a socket that never connected, in a task: HAProxy "
      .. VER.name(rt.version) .. " crashes here (segmentation fault)")
  end
end

-- What proxylua.socket raises for such a line (opts.line_lost_raises).
local LINE_LOST = "proxylua.socket: partial line lost at a timeout"

local function line_hang(rt)
  E.die(rt, "Socket:receive('*l') of a partial line when the timeout fires: HAProxy "
    .. VER.name(rt.version) .. " never returns here")
end

-- Argument errors as luaL_argerror words them in 2.6: named after the
-- script's call ('?' through pcall, 'send' and one less for a method
-- call, 'snd' through a local). lvl counts the frames from badarg's
-- caller up to the method. Never tail-called: the frame names it.
local function badarg(n, msg, lvl)
  U.argerror(n, msg, (lvl or 1) + 1)
end

-- "ip:port", "[v6]:port", "v6:port" (last colon), ipv4@/ipv6@/unix@/abns@
-- prefixes, "/path". Returns kind, host, port or raises 2.6's texts.
-- Errors (here and in the checks below) point at the script's line: `d`
-- counts the Lua frames from the raising function's caller up to the
-- method (the method's C trampoline and the script come next).
local function parse_dest(addr, shown, d, port0)
  local prefix, rest = addr:match("^(%w+)@(.*)$")
  if prefix == "unix" or prefix == "abns" then return "unix", rest, 0 end
  if addr:sub(1, 1) == "/" then return "unix", addr, 0 end
  if prefix and prefix ~= "ipv4" and prefix ~= "ipv6" then
    raise(sformat("connect: cannot parse destination address '%s'", shown), d)
  end
  rest = rest or addr
  local host, port = rest:match("^%[(.*)%]:(.*)$")
  if not host then host, port = rest:match("^(.*):(.*)$") end
  if not host then host = rest end
  local is_v4, is_v6 = fmt.parse_v4(host), fmt.parse_v6(host)
  if not (is_v4 or is_v6) then
    raise(sformat("connect: cannot parse destination address '%s'", shown), d)
  end
  -- an explicit port 0 adds no colon: the address is used with port 0,
  -- which fails later (Can't connect); an absent or negative one is missing
  if (port == nil or port == "") and port0 then return is_v4 and "ipv4" or "ipv6", host, 0 end
  if port == nil or port == "" then raise("connect: port missing", d) end
  if not port:match("^%d+$") then
    raise(sformat("connect: cannot parse destination address '%s'", shown), d)
  end
  port = tonumber(port)
  if port == 0 then raise("connect: port missing", d) end
  return is_v4 and "ipv4" or "ipv6", host, port & 0xffff
end

-- connect(...)'s arguments as 2.6 checks them -> address string, port
-- (nil when absent). An explicit nil port is checked (and refused).
local function connect_args(...)
  local n = select("#", ...)
  local _, addr, port = ...
  if n < 2 then raise("connect: need at least 2 arguments", 2) end
  if type(addr) ~= "string" and type(addr) ~= "number" then
    badarg(2, "string expected, got " .. U.typename(addr, true), 2)
  end
  if n >= 3 then
    local num = tonumber(port)
    if not num then badarg(3, "number expected, got " .. U.typename(port, true), 2) end
    port = math.tointeger(num)
    if not port then badarg(3, "number has no integer representation", 2) end
  else
    port = nil
  end
  return tostring(addr), port
end

-- 2.6 appends ":" to the address when a port is given and parses the
-- result; its messages show the address with that colon only.
local function dest(addr, port, d)
  local shown = addr
  if port and port > 0 then addr, shown = addr .. ":" .. port, addr .. ":" end
  -- not a tail call: the frame counts for the error's level
  local kind, host, p = parse_dest(addr, shown, d + 1, port == 0)
  return kind, host, p
end

-- send(data [, i [, j]]) -> data, i, j normalised (docs/haproxy-socket.md §4).
local function send_args(...)
  local n = select("#", ...)
  local _, data, i, j = ...
  if n < 2 or n > 4 then raise("'send' needs between 2 and 4 arguments", 2) end
  if type(data) == "number" then data = tostring(data) end
  if type(data) ~= "string" then badarg(2, "string expected, got " .. U.typename(data, true), 2) end
  local len = #data
  local function norm(k, default, argn, present)
    if not present then return default end
    local num = tonumber(k)
    if num == nil then badarg(argn, "number expected, got " .. U.typename(k, true), 3) end
    k = math.tointeger(num)
    if not k then badarg(argn, "number has no integer representation", 3) end
    if k < 0 then k = len + k + 1 end
    if k > len or k < 0 then k = len + 1 end
    if k == 0 then k = 1 end
    return k
  end
  i, j = norm(i, 1, 3, n >= 3), norm(j, len, 4, n >= 4)
  return data, i, j
end

-- connect_ssl(address, port): exactly these two, checked as 2.6 does.
local function connect_ssl_args(...)
  local n = select("#", ...)
  local _, addr, port = ...
  if n ~= 3 then raise("'connect_ssl' needs 3 arguments", 2) end
  if type(addr) ~= "string" and type(addr) ~= "number" then
    badarg(2, "string expected, got " .. U.typename(addr, true), 2)
  end
  local num = tonumber(port)
  if not num then badarg(3, "number expected, got " .. U.typename(port, true), 2) end
  port = math.tointeger(num)
  if not port then badarg(3, "number has no integer representation", 2) end
  return tostring(addr), port
end

-- settimeout(t) -> t in seconds.
local function settimeout_args(...)
  local n = select("#", ...)
  local _, t = ...
  if n ~= 2 then raise("'settimeout' needs 2 arguments", 2) end
  local num = tonumber(t)
  if num == nil then badarg(2, "number expected, got " .. U.typename(t, true), 2) end
  if num < 0 then raise("settimeout: cannot set negatives values", 2) end
  if num * 1000 > 2147483647 then raise("settimeout: cannot set values larger than 2147483647 ms", 2) end
  return num
end

-- receive([pattern [, prefix]]) -> mode ("l", "a", "n"), count, prefix.
-- A string holding a negative count other than -1 reads like "*a".
local function receive_args(...)
  local n = select("#", ...)
  local _, pat, prefix = ...
  if n > 3 then raise("The 'receive' function requires between 1 and 3 arguments.", 2) end
  if prefix ~= nil and type(prefix) ~= "string" then raise("Expect a 'string' for the prefix", 2) end
  local mode, count = "l", nil
  if type(pat) == "string" then
    if pat == "*l" then mode = "l"
    elseif pat == "*a" then mode = "a"
    else
      local v = pat:match("^%s*(-?%d+)$")
      if not v then raise("Unsupported pattern.", 2) end
      v = tonumber(v)
      -- -1 is *l, -2 *a; a lower count takes whatever is buffered once a
      -- byte is there, as 2.6 and proxylua.socket do (docs/socket.md)
      if v == -1 then mode = "l" elseif v == -2 then mode = "a"
      else mode, count = "n", v end
    end
  elseif type(pat) == "number" then
    count = math.tointeger(pat) or 0
    if count < 0 then raise("Unsupported size.", 2) end
    mode = "n"
  end
  return mode, count, prefix
end

-- The metatable of HAProxy's Socket: __gc, __index and __tostring only.
local function socket_mt(methods, gc)
  return { __index = methods, __gc = gc,
           __tostring = function() return "HAProxy class Socket" end }
end

-- The fake: core.tcp() objects connected to the harness peer rt.tcp_peer.
local function fake_class(rt)
  local methods = {}
  local mt = socket_mt(methods)

  local function st(self)
    if type(self) ~= "table" or getmetatable(self) ~= mt then badarg(1, "(null)", 2) end
    return U.st(self)
  end

  -- The peer's answers so far, appended to the read buffer.
  local function feed(s, data)
    if not s.peer or s.peer_closed then return end
    local reply, close = s.peer(data)
    if type(reply) == "string" then s.buf = s.buf .. reply end
    if close == "close" then s.peer_closed = true end
  end

  local function do_connect(self, addr, port, ssl)
    local s = st(self)
    if rt.phase == "init" then
      -- docs/haproxy-runtime.md §1.7: connect returns nothing, then the
      -- watchdog aborts
      E.die(rt, "Socket:connect() in an init function: HAProxy 2.6 "
        .. "hangs there and its watchdog kills the process about 2 s after startup")
    end
    if s.state == "dead" then return nil end
    if s.state == "connected" then
      if VER.has(rt, "tcp_connect_twice") then raise(TWICE, 1) end
      return 1
    end
    local kind, host, p = dest(addr, port, 2) -- the methods tail-call do_connect
    local connect = rt.tcp_peer
    local peer = connect and connect(host, p, ssl)
    rt.sched:sleep(0) -- connecting waits (a fetch fails here)
    if not peer then
      s.state = "dead"
      return nil, "Can't connect"
    end
    s.state, s.peer, s.buf = "connected", peer, ""
    s.peername = kind == "unix" and "unix" or (kind == "ipv6" and ("[" .. host .. "]:" .. p) or (host .. ":" .. p))
    s.sockname = kind == "unix" and "unix" or (kind == "ipv6" and "[::1]:40001" or "127.0.0.1:40001")
    feed(s, nil)
    if s.early then -- sent before connect: goes out now
      feed(s, s.early)
      s.early = nil
    end
    return 1
  end

  function methods.connect(...)
    local addr, port = connect_args(...)
    st((...))
    return do_connect((...), addr, port, false)
  end

  function methods.connect_ssl(...)
    local addr, port = connect_ssl_args(...)
    st((...))
    return do_connect((...), addr, port, true)
  end

  local function io_phase(what)
    if rt.phase == "init" then
      raise(sformat("The '%s' function is only allowed in 'frontend', 'backend' or 'task'", what), 2)
    end
  end

  function methods.send(...)
    local s = st((...))
    local data, i, j = send_args(...)
    io_phase("write")
    if s.state ~= "connected" then
      if s.state == nil and not VER.has(rt, "tcp_early_send_fails") then -- queued until connect
        s.early = (s.early or "") .. data:sub(i, j)
        return i > j and 0 or j - i + 1
      end
      return -1
    end
    if i > j then return 0 end
    local chunk = data:sub(i, j)
    feed(s, chunk) -- after the peer closed, the bytes just go nowhere
    return #chunk
  end

  -- No more data: if the peer closed, the connection stays (sends still
  -- succeed, getpeername answers); otherwise this is a fired timeout, which
  -- destroys it.
  local function gone(s)
    if not s.peer_closed then s.state = "dead" end
  end

  local function dead_result(prefix)
    if prefix then return prefix end
    return nil, CLOSED
  end

  function methods.receive(...)
    local mode, count, prefix = receive_args(...)
    local s = st((...))
    io_phase("receive")
    if s.state ~= "connected" then
      s.state = "dead"
      return dead_result(prefix)
    end
    rt.sched:sleep(0) -- receiving waits (a fetch fails here)
    local pre = prefix or ""
    if mode == "l" then
      local nl = s.buf:find("\n", 1, true)
      if nl then
        local line = s.buf:sub(1, nl - 1)
        s.buf = s.buf:sub(nl + 1)
        if line:sub(-1) == "\r" then line = line:sub(1, -2) end
        return pre .. line
      end
      local rest = s.buf
      s.buf = ""
      gone(s)
      if s.peer_closed and #rest > 0 then return pre .. rest end
      if #rest > 0 and VER.has(rt, "tcp_line_hang") then line_hang(rt) end
      return dead_result(prefix)
    elseif mode == "a" then
      local all = s.buf
      s.buf = ""
      gone(s)
      if #all == 0 then return dead_result(prefix) end
      return pre .. all
    end
    local want = count - #pre
    if want <= 0 then
      if #s.buf == 0 then gone(s) return dead_result(prefix) end
      if want == 0 then return pre end
      local all = s.buf
      s.buf = ""
      return pre .. all
    end
    if #s.buf >= want then
      local d = s.buf:sub(1, want)
      s.buf = s.buf:sub(want + 1)
      return pre .. d
    end
    local part = s.buf
    s.buf = ""
    gone(s)
    if #part == 0 then return dead_result(prefix) end
    return pre .. part
  end

  function methods.close(...)
    local n = select("#", ...)
    if n ~= 1 then raise("'close' needs 1 arguments") end
    local s = st((...))
    if s.state == nil then check_close(rt) end
    s.state = "dead"
  end

  function methods.getpeername(...)
    if select("#", ...) ~= 1 then raise("'getpeername' needs 1 arguments") end
    local s = st((...))
    return s.state == "connected" and s.peername or nil
  end

  function methods.getsockname(...)
    if select("#", ...) ~= 1 then raise("'getsockname' needs 1 arguments") end
    local s = st((...))
    return s.state == "connected" and s.sockname or nil
  end

  function methods.settimeout(...)
    local num = settimeout_args(...)
    local s = st((...))
    if s.state == "dead" then raise("socket: not yet initialised, you can't set timeouts.") end
    s.timeout = num
    return 1
  end

  function methods.setoption() end

  U.export(methods)
  return function() return U.new(mt, nil, { buf = "" }) end
end

----------------------------------------------------------------------------
-- Real sockets

-- rt.tcp_peer when the harness talks to the network (testing.lua sets it).
SK.NETWORK = setmetatable({}, { __tostring = function() return "proxylua network" end })

-- What an attached call yields to its driver so that the driver (the loop
-- task) runs a socket operation for it: coroutine.yield(SK.WAIT, thunk).
SK.WAIT = setmetatable({}, { __tostring = function() return "proxylua socket wait" end })

-- Teach a loop scheduler's driver side about SK.WAIT: proxylua.core's
-- executor passes every wait of an attached call to sched:pause(token,
-- arg). Idempotent; returns false when the scheduler has no loop.
function SK.install(sched)
  if type(sched) ~= "table" or not sched.loop or not sched.pause then return false end
  if rawget(sched, "pl_socket_wait") then return true end
  local base = sched.pause
  sched.pl_socket_wait = true
  sched.pause = function(self, token, arg)
    if token ~= SK.WAIT then return base(self, token, arg) end
    if self.loop:in_task() then return arg() end
    return self:run_in_task(arg)
  end
  return true
end

-- Contexts where HAProxy lets a socket wait (docs/haproxy-runtime.md §1.1).
local YIELDABLE = { action = true, service = true, task = true, cli = true }

local function network_class(rt)
  local ok, lib = pcall(require, "proxylua.socket")
  if not ok or type(lib) ~= "table" or type(lib.tcp) ~= "function" then
    raise("proxylua: core.tcp() needs proxylua.socket, or a harness peer (opts.tcp)", 2)
  end
  local sched = rt.sched
  if not SK.install(sched) then
    raise("proxylua: real sockets need the event loop scheduler (proxylua.loop)", 2)
  end
  local l = sched.loop
  local methods = {}
  -- an object collected while open closes its connection, as in HAProxy
  local mt = socket_mt(methods, function(self)
    local s = U.st(self)
    if s and s.sock then pcall(s.sock.close, s.sock) end
  end)

  local function st(self)
    if type(self) ~= "table" or getmetatable(self) ~= mt then badarg(1, "(null)", 2) end
    return U.st(self)
  end

  -- Raise msg from the line of the script that called the method, as
  -- HAProxy's luaL_error does (no position when pcall called it): found
  -- by walking up to the method's trampoline (methods tail-call helpers,
  -- so frames cannot be counted).
  local trampolines = {}
  local function fail(msg)
    local level = 2
    while true do
      local info = debug.getinfo(level, "f")
      if not info then error(msg, 0) end
      if trampolines[info.func] then error(msg, level + 1) end
      level = level + 1
    end
  end

  -- An error of the real socket, raised again from the script's line (it
  -- came from a call in this file, or from the driver's pcall).
  local function reraise(err)
    if err == LINE_LOST then line_hang(rt) end
    if type(err) ~= "string" then error(err, 0) end
    fail((err:gsub("^[^\n]-%.lua:%d+: ", "", 1)))
  end

  local function call(f, sock, ...)
    local r = table.pack(pcall(f, sock, ...))
    if not r[1] then reraise(r[2]) end
    return table.unpack(r, 2, r.n)
  end

  local function can_wait()
    if l:in_task() then return "task" end
    local ctx = E.current(rt)
    if not ctx then return nil end
    return YIELDABLE[ctx.kind] and "attached" or "refused"
  end

  -- Run method `name` of the real socket, its arguments checked already.
  -- A loop task calls it itself; an attached call (action, service, CLI)
  -- has its driver run it, so that the wait parks the loop task; a fetch
  -- or a converter yields, which fails it as HAProxy does ("yield not
  -- allowed").
  local function wait_call(s, name, ...)
    local sock = s.sock
    local f = sock[name]
    local how = can_wait()
    if how == "task" then return call(f, sock, ...) end
    if how == nil then
      fail(sformat("proxylua: Socket:%s() outside a registered function or in a coroutine "
        .. "the script created: HAProxy's wait would resume the wrong coroutine", name))
    end
    if how == "refused" then
      coroutine.yield(SK.WAIT) -- the executor refuses it: the call ends here
      fail("proxylua: a socket wait was resumed in a context that cannot yield")
    end
    local args = table.pack(...)
    local res
    coroutine.yield(SK.WAIT, function()
      res = table.pack(pcall(f, sock, table.unpack(args, 1, args.n)))
    end)
    if not res then fail("proxylua: the socket call was not run by the harness") end
    if not res[1] then reraise(res[2]) end
    return table.unpack(res, 2, res.n)
  end

  local function die_in_init(what)
    E.die(rt, "Socket:" .. what .. "() in an init function: HAProxy 2.6 "
      .. "hangs there and its watchdog kills the process about 2 s after startup")
  end

  -- Run the connect, remembering whether it succeeded (3.0+ refuses a
  -- second one then, until close).
  local function connected(s, name, ...)
    if s.up and VER.has(rt, "tcp_connect_twice") then fail(TWICE) end
    s.tried = true
    local r = table.pack(wait_call(s, name, select(2, ...)))
    s.up = r[1] == 1
    return table.unpack(r, 1, r.n)
  end

  -- Arguments are checked here, before any wait and with the script's
  -- call naming the method, as 2.6's checks run; the real socket then
  -- does the work.
  function methods.connect(...)
    local addr, port = connect_args(...)
    local s = st((...))
    dest(addr, port, 2)
    if rt.phase == "init" then die_in_init("connect") end
    return connected(s, "connect", ...)
  end

  function methods.connect_ssl(...)
    local addr, port = connect_ssl_args(...)
    local s = st((...))
    dest(addr, port, 2)
    if rt.phase == "init" then die_in_init("connect_ssl") end
    return connected(s, "connect_ssl", ...)
  end

  function methods.send(...)
    local n = select("#", ...)
    if n < 2 or n > 4 then raise("'send' needs between 2 and 4 arguments") end
    local s = st((...))
    send_args(...)
    if rt.phase == "init" then
      raise("The 'write' function is only allowed in 'frontend', 'backend' or 'task'")
    end
    -- 3.0+: nothing is queued before connect (docs/versions.md §3)
    if not s.tried and VER.has(rt, "tcp_early_send_fails") then return -1 end
    return wait_call(s, "send", select(2, ...))
  end

  function methods.receive(...)
    receive_args(...)
    local s = st((...))
    if rt.phase == "init" then
      raise("The 'receive' function is only allowed in 'frontend', 'backend' or 'task'")
    end
    return wait_call(s, "receive", select(2, ...))
  end

  -- HAProxy's inactivity timer fires on its own, also while nobody uses
  -- the socket (an idle pooled connection closes then); proxylua.socket
  -- only looks at it when the socket is next used. A background task of
  -- the loop (it keeps no run() going) pokes the socket at its deadline.
  -- It holds the socket weakly: a dropped socket is still collected.
  local function deadline_of(ref)
    local sock = ref[1]
    return sock and lib._deadline(sock)
  end
  local function poke(ref)
    local sock = ref[1]
    if sock then pcall(sock.getpeername, sock) end -- closes it if expired
  end
  local function watch(s)
    if s.watching or type(lib._deadline) ~= "function" then return end
    s.watching = true
    local ref = setmetatable({ s.sock }, { __mode = "v" })
    l:spawn({ background = true, forced_yield = false, timeout = false, done = function()
      s.watching = false
    end }, function()
      while true do
        local d = deadline_of(ref)
        if not d then return end
        local left = d - l:now()
        if left <= 0 then
          poke(ref)
          if not deadline_of(ref) then return end
          left = 0.001
        end
        l:sleep(left)
      end
    end)
  end

  function methods.settimeout(...)
    settimeout_args(...)
    local s = st((...))
    local sock = s.sock
    local r = call(sock.settimeout, sock, select(2, ...))
    watch(s)
    return r
  end

  function methods.close(...)
    local s = st((...))
    if not s.tried and select("#", ...) == 1 then check_close(rt) end
    s.up = false
    local sock = s.sock
    return call(sock.close, sock, select(2, ...))
  end

  -- Calls that never wait go straight to the real socket.
  for _, name in ipairs({ "getpeername", "getsockname", "setoption" }) do
    methods[name] = function(...)
      local sock = st((...)).sock
      return call(sock[name], sock, select(2, ...))
    end
  end

  U.export(methods)
  for _, f in pairs(methods) do trampolines[f] = true end
  -- Exempt from proxylua.socket's rule 2 (a yield before connect kills the
  -- socket): 2.6 counts forced yields too (checked live), and the harness's
  -- own Lua between core.tcp() and connect would move them, killing sockets
  -- at random. Actions and tasks behave alike.
  local SOCKET_OPTS = { yield_kills = false, line_lost_raises = VER.has(rt, "tcp_line_hang") }
  return function()
    return U.new(mt, nil, { sock = lib.tcp(l, SOCKET_OPTS) })
  end
end

-- The constructor core.tcp() uses for harness rt: real sockets when the
-- harness talks to the network, the fake peer otherwise.
function SK.class(rt)
  if rt.tcp_peer == SK.NETWORK then return network_class(rt) end
  return fake_class(rt)
end

return SK
