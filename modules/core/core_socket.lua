-- Socket (core.tcp()) connected to a peer the harness describes, so that a
-- script talking to a TCP service (Redis, a line protocol...) can be unit
-- tested (socket.md §0-7). The peer:
--   opts.tcp = function(host, port, ssl) -> peer | nil (nil: "Can't connect")
--   peer     = function(data) -> reply [, "close"]
-- called once with nil right after connect (a greeting) and then with every
-- chunk the script sends; replies are queued for receive(). Data that never
-- comes behaves as a fired settimeout (socket.md §5): partial counts and
-- "*a" come back as success, a partial "*l" line is lost.
local U = require "proxylua.core_util"
local misc = require "proxylua.core_misc"

local select, type, tostring, tonumber = select, type, tostring, tonumber
local sformat = string.format
local raise = U.raise

local SK = {}

local CLOSED = "connection closed."

-- Socket errors name the function '?' and count self as #1 (socket.md §1).
local function badarg(n, msg, lvl)
  error(sformat("bad argument #%d to '?' (%s)", n, msg), (lvl or 1) + 3)
end

-- "ip:port", "[v6]:port", "v6:port" (last colon), ipv4@/ipv6@/unix@/abns@
-- prefixes, "/path". Returns kind, host, port or raises 2.6's texts.
local function parse_dest(addr, shown)
  local prefix, rest = addr:match("^(%w+)@(.*)$")
  if prefix == "unix" or prefix == "abns" then return "unix", rest, 0 end
  if addr:sub(1, 1) == "/" then return "unix", addr, 0 end
  if prefix and prefix ~= "ipv4" and prefix ~= "ipv6" then
    raise(sformat("connect: cannot parse destination address '%s'", shown), 2)
  end
  rest = rest or addr
  local host, port = rest:match("^%[(.*)%]:(.*)$")
  if not host then host, port = rest:match("^(.*):(.*)$") end
  if not host then host = rest end
  local is_v4, is_v6 = misc.parse_v4(host), misc.parse_v6(host)
  if not (is_v4 or is_v6) then
    raise(sformat("connect: cannot parse destination address '%s'", shown), 2)
  end
  if port == nil or port == "" then raise("connect: port missing", 2) end
  if not port:match("^%d+$") then
    raise(sformat("connect: cannot parse destination address '%s'", shown), 2)
  end
  port = tonumber(port)
  if port == 0 then raise("connect: port missing", 2) end
  return is_v4 and "ipv4" or "ipv6", host, port & 0xffff
end

function SK.class(rt)
  local methods = {}
  local mt = U.class("Socket", methods)

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
      -- runtime.md 1.7: connect returns nothing, then the watchdog aborts
      require("proxylua.core_env").die(rt, "Socket:connect() in an init function: HAProxy 2.6 "
        .. "hangs there and its watchdog kills the process about 2 s after startup")
    end
    if s.state == "dead" then return nil end
    if s.state == "connected" then return 1 end
    port = port or 0
    -- 2.6 appends ":" to the address and parses the port separately; its
    -- messages show the address with that colon only
    local shown = addr
    if port > 0 then addr, shown = addr .. ":" .. port, addr .. ":" end
    local kind, host, p = parse_dest(addr, shown)
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
    local n = select("#", ...)
    local self, addr, port = ...
    if n < 2 then raise("connect: need at least 2 arguments") end
    st(self)
    if type(addr) ~= "string" and type(addr) ~= "number" then
      badarg(2, "string expected, got " .. U.typename(addr, true))
    end
    if n >= 3 and port ~= nil then
      local num = tonumber(port)
      if not num then badarg(3, "number expected, got " .. U.typename(port, true)) end
      port = math.tointeger(num)
      if not port then badarg(3, "number has no integer representation") end
    else
      port = nil
    end
    return do_connect(self, tostring(addr), port, false)
  end

  function methods.connect_ssl(...)
    local n = select("#", ...)
    local self, addr, port = ...
    if n ~= 3 then raise("'connect_ssl' needs 3 arguments") end
    st(self)
    return do_connect(self, tostring(addr), math.tointeger(tonumber(port) or 0) or 0, true)
  end

  function methods.send(...)
    local n = select("#", ...)
    local self, data, i, j = ...
    if n < 2 or n > 4 then raise("'send' needs between 2 and 4 arguments") end
    local s = st(self)
    if type(data) == "number" then data = tostring(data) end
    if type(data) ~= "string" then badarg(2, "string expected, got " .. U.typename(data, true)) end
    local len = #data
    local function norm(k, default)
      if k == nil then return default end
      k = math.tointeger(tonumber(k))
      if not k then badarg(3, "number expected", 2) end
      if k < 0 then k = len + k + 1 end
      if k > len or k < 0 then k = len + 1 end
      if k == 0 then k = 1 end
      return k
    end
    i, j = norm(i, 1), norm(j, len)
    if s.state ~= "connected" then
      if s.state == nil then -- queued until connect
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
    local n = select("#", ...)
    local self, pat, prefix = ...
    if n > 3 then raise("The 'receive' function requires between 1 and 3 arguments.") end
    local s = st(self)
    if prefix ~= nil and type(prefix) ~= "string" then raise("Expect a 'string' for the prefix") end
    -- pattern: *l, *a, or a byte count (socket.md §5)
    local mode, count = "l", nil
    if type(pat) == "string" then
      if pat == "*l" then mode = "l"
      elseif pat == "*a" then mode = "a"
      else
        local v = pat:match("^%s*(-?%d+)$")
        if not v then raise("Unsupported pattern.") end
        v = tonumber(v)
        if v == -1 then mode = "l" elseif v == -2 then mode = "a"
        elseif v < 0 then raise("Unsupported size.")
        else mode, count = "n", v end
      end
    elseif type(pat) == "number" then
      count = math.tointeger(pat) or 0
      if count < 0 then raise("Unsupported size.") end
      mode = "n"
    end
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
    local n = select("#", ...)
    local self, t = ...
    if n ~= 2 then raise("'settimeout' needs 2 arguments") end
    local s = st(self)
    local num = tonumber(t)
    if num == nil then badarg(2, "number expected, got " .. U.typename(t, true)) end
    if num < 0 then raise("settimeout: cannot set negatives values") end
    if num * 1000 > 2147483647 then raise("settimeout: cannot set values larger than 2147483647 ms") end
    if s.state == "dead" then raise("socket: not yet initialised, you can't set timeouts.") end
    s.timeout = num
    return 1
  end

  function methods.setoption() end

  U.export(methods)
  return function() return U.new(mt, nil, { buf = "" }) end
end

return SK
