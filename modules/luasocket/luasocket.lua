-- proxylua.luasocket: LuaSocket 3.1's API over sockets that yield instead of
-- blocking: core.tcp() inside HAProxy (and under proxylua.testing),
-- proxylua.socket on a proxylua.loop under stock Lua. docs/luasocket.md.
local RT = require "proxylua.luasocket_rt"
local P = require "proxylua.luasocket_pattern"
local DNS = require "proxylua.luasocket_dns"
local POOL = require "proxylua.luasocket_pool"
local SEL = require "proxylua.luasocket_select"

local type, tostring, tonumber, error, pcall, setmetatable, getmetatable =
  type, tostring, tonumber, error, pcall, setmetatable, getmetatable
local sformat, ssub, sfind, sbyte, sgsub = string.format, string.sub, string.find, string.byte, string.gsub
local tconcat = table.concat
local floor = math.floor

local rt = RT.new(_ENV or _G)
local dns = DNS.new(rt)
local pool = POOL.new(rt)
rt.dns = dns
-- the hot path calls these directly (no method lookup)
local now = rt.clock
local direct = rt.kind == "haproxy"     -- every call may wait where it runs

local M = { _VERSION = "LuaSocket 3.0.0", _SETSIZE = 1024, BLOCKSIZE = 2048,
            _DATAGRAMSIZE = 8192, _SOCKETINVALID = -1, _PROXYLUA = true }

-- a read that returns at least this much may have filled HAProxy 2.6's
-- buffer: kick the stream so that it reads again (docs/haproxy-socket.md §13)
M.config = { kick_at = 1024 }

local MAX_TIMEOUT = 2147483          -- seconds: the largest HAProxy accepts
local READ_SOME = "-3"               -- Socket:receive: whatever is buffered, >= 1 byte

----------------------------------------------------------------------------
-- objects

local CLASS = { master = "tcp{master}", client = "tcp{client}" }
local methods = {}
local MT = {
  master = { __index = methods, __name = "tcp{master}" },
  client = { __index = methods, __name = "tcp{client}" },
}
local MT_CLIENT = MT.client
-- the address in tostring is the object's own, read when first asked for
-- (not at creation: tostring of a table costs a formatted string)
local function ident(self)
  local id = rawget(self, "id")
  if not id then
    local mt = getmetatable(self)
    setmetatable(self, nil)
    id = tostring(self):match("0x%x+") or "0x0"
    setmetatable(self, mt)
    self.id = id
  end
  return id
end
for _, mt in pairs(MT) do
  mt.__tostring = function(self) return sformat("%s: %s", self.class, ident(self)) end
end
local UNIX_CLASS = "unixstream{client}"

local function is_sock(s)
  local mt = getmetatable(s)
  return mt == MT.master or mt == MT.client
end

local function badself(name, want)
  error(sformat("bad argument #1 to '%s' (%s expected)", name, want), 3)
end

local function check(s, name, client)
  if not is_sock(s) then badself(name, client and "tcp{client}" or "tcp{any}") end
  if client and getmetatable(s) ~= MT.client then badself(name, "tcp{client}") end
  return s
end

-- s.tpto is the timeout last set on the connection s.tp (MAX_TIMEOUT:
-- none, or lifted), so that settimeout is called only when it changes.
-- s.opts (options) is made by the first setoption.
local function new_sock(family)
  return setmetatable({ family = family or "inet", rbuf = "", rpos = 1,
                        block = -1, total = -1, rx = 0, tx = 0, reused = 0,
                        tpto = MAX_TIMEOUT, birth = now(),
                        class = family == "unix" and "unixstream{master}" or CLASS.master },
                      MT.master)
end

-- In HAProxy's lua-load body and init functions there are no HAProxy
-- sockets and blocking is allowed: Debian's LuaSocket objects are returned.
local function maker(fname, family)
  local what = "socket." .. fname .. "()"
  return function()
    if rt:guard(what) then return rt:blocking(what)[fname]() end
    return new_sock(family)
  end
end
M.tcp, M.tcp4, M.tcp6 = maker("tcp", "inet"), maker("tcp4", "inet"), maker("tcp6", "inet6")

----------------------------------------------------------------------------
-- timeouts (LuaSocket: "b" limits each wait, "t" the whole call; nil or a
-- negative value is no limit, 0 never waits)

-- The clock is read only when a timeout is set, and once per wait: the
-- reading of start() (total timeout) serves the call's first wait (s.tnow).
local function start(s)
  if s.total >= 0 then
    local t = now()
    s.t0, s.tnow = t, t
  end
end

-- seconds this call may still wait (nil: no limit), and the clock reading
-- it was computed with (nil when no timeout is set)
local function left(s)
  local b, t = s.block, s.total
  if b < 0 and t < 0 then return nil, nil end
  local c = s.tnow or now()
  s.tnow = nil
  local l
  if b >= 0 then l = b end
  if t >= 0 then
    local r = t - (c - s.t0)
    if r < 0 then r = 0 end
    if not l or r < l then l = r end
  end
  return l, c
end

-- Arm the connection's inactivity timer for one wait. HAProxy 2.6's
-- settimeout is an inactivity timer that destroys the connection when it
-- fires: a fired timeout is reported as "timeout" and the socket is closed.
-- Nothing is called when the timer already has that value.
local function arm(s, l)
  local v = MAX_TIMEOUT
  if l then v = l < 0.001 and 0.001 or l end
  if v ~= s.tpto then
    s.tpto = v
    local tp = s.tp
    pcall(tp.settimeout, tp, v)
  end
end

-- After a call: an armed timer would go on running while the socket is
-- idle between calls and destroy it (a client kept across requests), so it
-- is lifted. Costs a settimeout per call, only when a timeout is set.
local function lift(s)
  s.tnow = nil
  if s.tpto ~= MAX_TIMEOUT then
    s.tpto = MAX_TIMEOUT
    local tp = s.tp
    if tp then pcall(tp.settimeout, tp, MAX_TIMEOUT) end
  end
end

local function settle(s, ...)
  lift(s)
  return ...
end

-- After a wait that failed: was it the timer?
local function timed_out(l, t1)
  return l ~= nil and (now() - t1) >= l - 0.002
end

----------------------------------------------------------------------------
-- reading: s.rbuf (unread bytes from s.rpos) is filled by read-some waits

local function buffered(s) return #s.rbuf - s.rpos + 1 end

-- A connection taken from the pool may have been closed by the peer while
-- idle, which neither HAProxy's Socket nor proxylua.socket can tell without
-- reading. If it fails before any byte came back, what was sent on it is
-- sent again on a new connection (s.replay, at most REPLAY_MAX bytes).
local REPLAY_MAX = 65536

-- connect tp to a remembered destination: { addr, port } or { "unix@path" }
-- (HAProxy's connect checks a port argument when one is passed, even nil)
local function connect_to(tp, dest)
  if dest[2] then return tp:connect(dest[1], dest[2]) end
  return tp:connect(dest[1])
end

local function reconnect(s)
  local data = tconcat(s.replay)
  s.replay = nil
  pcall(s.tp.close, s.tp)
  local tp = rt:tcp()
  local l = left(s)
  local v = MAX_TIMEOUT
  if l then
    v = l < 0.001 and 0.001 or l
    pcall(tp.settimeout, tp, v)
  end
  if connect_to(tp, s.kick) ~= 1 then
    pcall(tp.close, tp)
    return false
  end
  s.tp, s.eof, s.dead, s.tpto, s.reused = tp, nil, nil, v, 0
  s.rbuf, s.rpos = "", 1
  return data == "" or tp:send(data) == #data
end

-- One wait for more bytes: true, or "timeout" / "closed" (the connection
-- is then gone).
local stalls = rt.stalls
local config = M.config

-- (left() and arm() written out: inside HAProxy every VM instruction goes
-- through its count hook, so the hot path keeps to few calls)
local function fill(s)
  if s.eof and not s.replay then return "closed" end
  local tp = s.tp
  local b, t = s.block, s.total
  local l, t1
  if b >= 0 or t >= 0 then
    t1 = s.tnow or now()
    s.tnow = nil
    if b >= 0 then l = b end
    if t >= 0 then
      local r = t - (t1 - s.t0)
      if r < 0 then r = 0 end
      if not l or r < l then l = r end
    end
    if l == 0 then return "timeout" end
    local v = l < 0.001 and 0.001 or l
    if v ~= s.tpto then
      s.tpto = v
      pcall(tp.settimeout, tp, v)
    end
  elseif s.tpto ~= MAX_TIMEOUT then
    s.tpto = MAX_TIMEOUT
    pcall(tp.settimeout, tp, MAX_TIMEOUT)
  end
  local data = tp:receive(READ_SOME)
  if not data or data == "" then
    s.eof = true
    if timed_out(l, t1) then s.dead = "timeout"; return "timeout" end
    if s.replay and reconnect(s) then return fill(s) end
    s.reset = rt:was_reset(tp)         -- *a: a reset is no end of data
    return "closed"
  end
  s.replay = nil
  local n = #data
  s.rx = s.rx + n
  local rbuf, rpos = s.rbuf, s.rpos
  if rpos > #rbuf then
    s.rbuf, s.rpos = data, 1
  else
    s.rbuf = ssub(rbuf, rpos) .. data
    s.rpos = 1
  end
  -- HAProxy 2.6 stops reading once its buffer was full until the stream
  -- task runs again; connect() on a connected socket wakes it.
  if stalls and n >= config.kick_at then pcall(connect_to, tp, s.kick) end
  return true
end

local function take(s, n)
  local p = s.rpos
  local out = ssub(s.rbuf, p, p + n - 1)
  s.rpos = p + n
  return out
end

local function take_all(s)
  local out = ssub(s.rbuf, s.rpos)
  s.rbuf, s.rpos = "", 1
  return out
end

local function do_receive(s, kind, n, prefix)
  local plen = #prefix
  if kind == "count" then
    local want, wait1 = P.wanted(n, plen)
    if want == 0 and not wait1 then return prefix, nil, nil end
    if wait1 then
      while buffered(s) == 0 do
        local err = fill(s)
        if err ~= true then return nil, err, prefix end
      end
      return prefix, nil, nil
    end
    -- all of it buffered already (a reply read with its header line)
    local rpos = s.rpos
    if #s.rbuf - rpos + 1 >= want then
      s.rpos = rpos + want
      return prefix .. ssub(s.rbuf, rpos, rpos + want - 1), nil, nil
    end
    -- chunks are kept in a list: a large count is not copied at each read
    local parts, have = { prefix }, 0
    while true do
      local b = buffered(s)
      if have + b >= want then
        parts[#parts + 1] = take(s, want - have)
        return tconcat(parts), nil, nil
      end
      if b > 0 then
        parts[#parts + 1] = take_all(s)
        have = have + b
      end
      local err = fill(s)
      if err ~= true then return nil, err, tconcat(parts) .. take_all(s) end
    end
  elseif kind == "line" then
    -- bytes of a line still without its "\n" wait in a list (CRs already
    -- dropped): a long line is neither searched nor copied again per read
    local parts
    while true do
      local line, nxt = P.line(s.rbuf, s.rpos)
      if line then
        s.rpos = nxt
        if parts then
          parts[#parts + 1] = line
          line = tconcat(parts)
        end
        return prefix .. line, nil, nil
      end
      if buffered(s) > 0 then
        parts = parts or {}
        parts[#parts + 1] = P.partial_line(s.rbuf, s.rpos)
        s.rbuf, s.rpos = "", 1
      end
      local err = fill(s)
      if err ~= true then
        local part = (parts and tconcat(parts) or "") .. P.partial_line(s.rbuf, s.rpos)
        s.rbuf, s.rpos = "", 1
        return nil, err, prefix .. part
      end
    end
  else -- all
    local parts, got = {}, 0
    while true do
      if buffered(s) > 0 then
        local d = take_all(s)
        parts[#parts + 1] = d
        got = got + #d
      end
      local err = fill(s)
      if err ~= true then
        local data = prefix .. tconcat(parts)
        if err == "closed" and got > 0 and not s.reset then return data, nil, nil end
        return nil, err, data
      end
    end
  end
end

-- Run fn where it may wait: at once in HAProxy and in a task of the loop,
-- else through rt:run (stock Lua, a plain program: runs the loop).
local function run(fn, s, a, b, c)
  if direct then return fn(s, a, b, c) end
  local l = rt.l
  if l and l:in_task() then return fn(s, a, b, c) end
  return rt:run3(fn, s, a, b, c)
end

-- the same for calls whose count of results varies (connect)
local function runv(fn, ...)
  if direct then return fn(...) end
  return rt:run(fn, ...)
end

-- a line at rpos of rbuf ending at nl ("\n"): LuaSocket drops every "\r"
local function cut(s, rbuf, rpos, nl)
  s.rpos = nl + 1
  local e = nl - 1
  if e >= rpos and sbyte(rbuf, e) == 13 then e = e - 1 end
  local line = ssub(rbuf, rpos, e)
  if sfind(line, "\r", 1, true) then line = sgsub(line, "\r", "") end
  return line, nil, nil
end

-- The first wait of a call (the fast paths below): its limit is min(block,
-- total), no time having passed yet; armed on the connection. Returns the
-- limit (nil: none) and the clock reading, or false when the call may not
-- wait at all (0: left to the general code).
local function arm_first(s, tp)
  local l = s.block
  if l < 0 then l = nil end
  local t = s.total
  if t >= 0 and (not l or t < l) then l = t end
  if not l then
    if s.tpto ~= MAX_TIMEOUT then
      s.tpto = MAX_TIMEOUT
      pcall(tp.settimeout, tp, MAX_TIMEOUT)
    end
    return nil, nil
  end
  if l == 0 then return false end
  local t1 = now()
  s.t0, s.tnow = t1, nil
  local v = l < 0.001 and 0.001 or l
  if v ~= s.tpto then
    s.tpto = v
    pcall(tp.settimeout, tp, v)
  end
  return l, t1
end

-- receive("*l") without a prefix, the common case: a line already buffered,
-- or the reply of a request arriving in one read. This is fill() written
-- out for the first wait of a call (few calls: see fill); its limit is
-- min(block, total), no time having passed yet. What it does not
-- cover goes on in do_receive. nil when this path does not apply.
local function line_fast(s)
  local rbuf, rpos = s.rbuf, s.rpos
  local nl
  if rpos <= #rbuf then
    nl = sfind(rbuf, "\n", rpos, true)
    if nl then return cut(s, rbuf, rpos, nl) end
    return nil
  end
  if s.eof or s.replay then return nil end
  local tp = s.tp
  -- a drop-in call (no task) reads in a task: a reply is seldom there yet
  -- when asked for, and trying first would cost a read that finds nothing
  if not direct and not (rt.l and rt.l:in_task()) then return nil end
  local l, t1 = arm_first(s, tp)
  if l == false then return nil end
  local data = tp:receive(READ_SOME)
  local r1, r2, r3
  if data and data ~= "" then
    local n = #data
    s.rx = s.rx + n
    s.rbuf, s.rpos = data, 1
    if stalls and n >= config.kick_at then pcall(connect_to, tp, s.kick) end
    nl = sfind(data, "\n", 1, true)
    if nl then r1, r2, r3 = cut(s, data, 1, nl)
    else r1, r2, r3 = do_receive(s, "line", nil, "") end
  else
    s.eof = true
    if l ~= nil and (now() - t1) >= l - 0.002 then
      s.dead = "timeout"
      r1, r2, r3 = nil, "timeout", ""
    else
      r1, r2, r3 = nil, "closed", ""
    end
  end
  if s.tpto ~= MAX_TIMEOUT or s.tnow then lift(s) end
  return r1, r2, r3
end

function methods.receive(s, pattern, prefix)
  if getmetatable(s) == MT_CLIENT and prefix == nil and s.tp then
    if pattern == "*l" or pattern == nil then
      local r1, r2, r3 = line_fast(s)
      if r1 or r2 then return r1, r2, r3 end
    elseif type(pattern) == "number" then
      -- a count already buffered (a reply's body after its header line)
      local rpos = s.rpos
      if pattern >= 1 and #s.rbuf - rpos + 1 >= pattern and pattern == floor(pattern) then
        s.rpos = rpos + pattern
        return ssub(s.rbuf, rpos, rpos + pattern - 1), nil, nil
      end
    end
  end
  if getmetatable(s) ~= MT_CLIENT then check(s, "receive", true) end
  -- the common patterns skip parsing
  local kind, n
  if pattern == "*l" or pattern == nil then kind = "line"
  elseif type(pattern) == "number" and pattern >= 0 and pattern < 2^53 and pattern == floor(pattern) then
    kind, n = "count", floor(pattern)
  else
    kind, n = P.parse(pattern)
  end
  if not kind then
    if type(pattern) ~= "string" and type(pattern) ~= "number" then
      error(sformat("bad argument #2 to 'receive' (string expected, got %s)", type(pattern)), 2)
    end
    error("bad argument #2 to 'receive' (invalid receive pattern)", 2)
  end
  if kind == "count" and type(pattern) == "number" and pattern < 0 then
    error("bad argument #2 to 'receive' (invalid receive pattern)", 2)
  end
  if prefix ~= nil and type(prefix) ~= "string" then
    if type(prefix) ~= "number" then
      error(sformat("bad argument #3 to 'receive' (string expected, got %s)", type(prefix)), 2)
    end
    prefix = tostring(prefix)
  end
  prefix = prefix or ""
  if not s.tp then return nil, "closed", prefix end
  start(s)
  local r1, r2, r3 = run(do_receive, s, kind, n, prefix)
  if s.tpto ~= MAX_TIMEOUT or s.tnow then lift(s) end
  return r1, r2, r3
end

----------------------------------------------------------------------------
-- sending

local function do_send(s, data, i, j)
  local tp = s.tp
  local l, t1
  if s.block >= 0 or s.total >= 0 then
    l, t1 = left(s)
    if l == 0 then return nil, "timeout", i - 1 end
    arm(s, l)
  elseif s.tpto ~= MAX_TIMEOUT then
    arm(s, nil)
  end
  local n = j - i + 1
  local chunk = n == #data and data or ssub(data, i, j)
  local r = tp:send(chunk)
  local rp = s.replay
  if rp then
    rp.n = rp.n + n
    if rp.n > REPLAY_MAX then s.replay = nil else rp[#rp + 1] = chunk end
    if r ~= n and s.replay and reconnect(s) then r = n end
  end
  if r == n then
    s.tx = s.tx + n
    return j, nil, nil
  end
  if timed_out(l, t1) then
    s.dead = "timeout"
    return nil, "timeout", i - 1
  end
  s.dead = "closed"
  return nil, "closed", i - 1
end

function methods.send(s, data, i, j)
  -- the whole of a string, the common case: do_send written out (few
  -- calls: see fill); a failure goes on in do_send's own code
  local tp = getmetatable(s) == MT_CLIENT and s.tp
  if tp and i == nil and j == nil and type(data) == "string"
      and not s.dead and not s.replay and (direct or rt.l and rt.l:in_task()) then
    local n = #data
    local l, t1
    if n > 0 then l, t1 = arm_first(s, tp) end
    if n > 0 and l ~= false then
      local r = tp:send(data)
      local r1, r2, r3 = n, nil, nil
      if r == n then
        s.tx = s.tx + n
      elseif l ~= nil and (now() - t1) >= l - 0.002 then
        s.dead = "timeout"
        r1, r2, r3 = nil, "timeout", 0
      else
        s.dead = "closed"
        r1, r2, r3 = nil, "closed", 0
      end
      if s.tpto ~= MAX_TIMEOUT or s.tnow then lift(s) end
      return r1, r2, r3
    end
  elseif tp and i == nil and j == nil and type(data) == "string" and not s.dead
      and not s.replay and #data > 0 and rt:outside() then
    -- a drop-in call: what goes at once is sent without a task; only the
    -- rest waits in one (with the call's timeouts)
    local n = #data
    local r = tp:send(data)
    if r == n then
      s.tx = s.tx + n
      return n, nil, nil
    end
    if r >= 0 then
      s.tx = s.tx + r
      start(s)
      local r1, r2, r3 = run(do_send, s, data, r + 1, n)
      if s.tpto ~= MAX_TIMEOUT or s.tnow then lift(s) end
      return r1, r2, r3
    end
  end
  if getmetatable(s) ~= MT_CLIENT then check(s, "send", true) end
  if type(data) ~= "string" then
    if type(data) ~= "number" then
      error(sformat("bad argument #2 to 'send' (string expected, got %s)",
        data == nil and "no value" or type(data)), 2)
    end
    data = tostring(data)
  end
  local size = #data
  if i == nil and j == nil then
    i, j = 1, size
  else
    i = i == nil and 1 or tonumber(i)
    j = j == nil and -1 or tonumber(j)
    if not i then error("bad argument #3 to 'send' (number expected)", 2) end
    if not j then error("bad argument #4 to 'send' (number expected)", 2) end
    i = i < 0 and floor(size + i + 1) or floor(i)
    j = j < 0 and floor(size + j + 1) or floor(j)
    if i < 1 then i = 1 end
    if j > size then j = size end
  end
  if not s.tp or s.dead then return nil, "closed", i - 1 end
  if i > j then return i - 1, nil, nil end
  start(s)
  local r1, r2, r3 = run(do_send, s, data, i, j)
  if s.tpto ~= MAX_TIMEOUT or s.tnow then lift(s) end
  return r1, r2, r3
end

----------------------------------------------------------------------------
-- connecting

-- where a connection comes from: the pool, names, addresses in turn; and
-- connect's argument checks (luasocket_connect.lua)
local do_connect, check_host, check_port, local_ok = require("proxylua.luasocket_connect")({
  rt = rt, dns = dns, pool = pool, left = left, timed_out = timed_out,
  max_timeout = MAX_TIMEOUT, client = MT.client, class = CLASS.client, unix_class = UNIX_CLASS })

function methods.connect(s, host, port)
  check(s, "connect")
  if getmetatable(s) == MT.client and s.tp then return 1 end
  host = check_host(host, "connect", 2)
  if s.family ~= "unix" then port = check_port(port, "connect", 3) end
  if rt:guard("connect()") then
    return nil, "proxylua.luasocket: this socket was made at runtime and cannot connect in "
      .. "the lua-load body or an init function"
  end
  start(s)
  return settle(s, runv(do_connect, s, host, port))
end

-- module-level connect: a new client, or nil, err
function M.connect(host, port, laddr, lport, family)
  host = check_host(host, "socket.connect", 1)
  port = check_port(port, "socket.connect", 2)
  if rt:guard("socket.connect()") then
    return rt:blocking("socket.connect()").connect(host, port, laddr, lport, family)
  end
  if not local_ok(laddr, lport) then
    return nil, "proxylua.luasocket: binding a local address is not supported"
  end
  local s = new_sock(family == "inet6" and "inet6" or "inet")
  start(s)
  local ok, err = settle(s, runv(do_connect, s, host, port))
  if not ok then return nil, err end
  return s
end
function M.connect4(host, port, laddr, lport) return M.connect(host, port, laddr, lport, "inet") end
function M.connect6(host, port, laddr, lport) return M.connect(host, port, laddr, lport, "inet6") end

----------------------------------------------------------------------------
-- the rest of the object

function methods.settimeout(s, t, mode)
  check(s, "settimeout")
  local v = t == nil and -1 or tonumber(t)
  if v == nil then error(sformat("bad argument #2 to 'settimeout' (number expected, got %s)", type(t)), 2) end
  if v < 0 then v = -1 end
  mode = mode == nil and "b" or mode
  s.tnow = nil
  if mode == "b" then s.block = v
  elseif mode == "t" or mode == "r" then s.total = v
  else error("bad argument #3 to 'settimeout' (invalid timeout mode)", 2) end
  return 1
end

function methods.gettimeout(s)
  check(s, "gettimeout")
  return s.block, s.total
end

local function dispose(s)
  local tp = s.tp
  s.tp = nil
  s.rbuf, s.rpos = "", 1
  if tp then pcall(tp.close, tp) end
end

function methods.close(s)
  check(s, "close")
  dispose(s)
  return 1
end

function methods.shutdown(s, how)
  check(s, "shutdown", true)
  how = how or "both"
  if how ~= "both" and how ~= "send" and how ~= "receive" then
    error(sformat("bad argument #2 to 'shutdown' (invalid option '%s')", tostring(how)), 2)
  end
  -- HAProxy's Socket has no half-close: "send" cannot be told to the peer
  if how == "both" then dispose(s) elseif how == "receive" then s.eof = true end
  return 1
end

-- names, options, statistics, the server calls (luasocket_info.lua)
require("proxylua.luasocket_info")(methods, { check = check, buffered = buffered,
                                              now = now, master = MT.master })

-- the connection pool (OpenResty's cosocket API, luasocket_pool.lua)
function methods.setkeepalive(s, idle_ms, size)
  check(s, "setkeepalive")
  if not s.tp or s.dead or s.eof then return nil, "closed" end
  if buffered(s) > 0 then return nil, "unread data in buffer" end
  local tp = s.tp
  local e = s.entry or {}
  s.entry = nil
  e.kick, e.count = s.kick, s.reused + 1
  local ok, err = pool:put(s.key, tp, e, idle_ms, size)
  s.tp = nil
  if not ok then pcall(tp.close, tp); return nil, err end
  return 1
end

function methods.getreusedtimes(s)
  check(s, "getreusedtimes")
  if not s.tp then return nil, "closed" end
  return s.reused
end

----------------------------------------------------------------------------
-- module functions

function M.gettime() return now() end

function M.sleep(sec)
  sec = tonumber(sec)
  if not sec or sec <= 0 then return end
  if rt:guard("sleep()") then return rt:blocking("sleep()").sleep(sec) end
  rt:run(rt.sleep, rt, sec)
end

-- skip, try, newtry, protect (luasocket_except.lua)
require("proxylua.luasocket_except")(M)

-- what luasocket_select.lua asks of an object: ours?, its connection (nil
-- once closed), bytes buffered here, end of stream seen, connection dead;
-- and, once its descriptor is readable, to buffer what arrived (so that a
-- receive with timeout 0 sees it, as LuaSocket's sees the kernel's buffer)
local SEL_HOOKS = {
  probe = function(s)
    if not is_sock(s) then return false end
    return true, s.tp, buffered(s), s.eof, s.dead
  end,
  pull = function(s, limit)
    local sb, st = s.block, s.total
    s.block, s.total = limit or -1, -1
    fill(s)
    s.block, s.total = sb, st
  end,
}

-- select inside HAProxy: sockets of this module. A socket with buffered data is readable;
-- a connected one is writable. Otherwise it waits on the first socket of
-- recvt (HAProxy can wait on one socket per call; docs/luasocket.md).
function M.select(recvt, sendt, timeout)
  if rt:guard("socket.select()") then return rt:blocking("socket.select()").select(recvt, sendt, timeout) end
  if rt.kind == "stock" then return SEL.select(rt, SEL_HOOKS, M._SETSIZE, recvt, sendt, timeout) end
  local r, w = {}, {}
  local function add(list, s) list[#list + 1] = s; list[s] = true end
  for _, s in ipairs(sendt or {}) do
    if is_sock(s) and s.tp and not s.dead then add(w, s) end
  end
  local cand
  for _, s in ipairs(recvt or {}) do
    if is_sock(s) then
      if buffered(s) > 0 or (s.tp and s.eof) or (getmetatable(s) == MT.client and not s.tp) then
        add(r, s)
      elseif s.tp and not cand then cand = s end
    end
  end
  if #r > 0 or #w > 0 then return r, w, nil end
  timeout = tonumber(timeout)
  if timeout and timeout < 0 then timeout = nil end
  if not cand then
    if timeout and timeout > 0 then M.sleep(timeout) end
    return r, w, "timeout"
  end
  if timeout == 0 then return r, w, "timeout" end
  local sb, st = cand.block, cand.total
  cand.block, cand.total = timeout or -1, -1
  start(cand)
  local err = run(fill, cand)
  lift(cand)
  cand.block, cand.total = sb, st
  if err == "timeout" and not cand.dead then return r, w, "timeout" end
  add(r, cand)
  return r, w, nil
end

M.dns = dns.api

function M.unix()
  local s = new_sock("unix")
  return s
end

----------------------------------------------------------------------------
-- install() / uninstall() and "socket.unix" (luasocket_install.lua)
require("proxylua.luasocket_install")(M, rt, _ENV or _G)

-- stock Lua: the loop the sockets wait on (default: one of the module's own)
function M.setloop(l) rt:setloop(l) end
function M.runtime() return rt.kind end

rt:watch_contexts()
return M
