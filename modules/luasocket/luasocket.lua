-- proxylua.luasocket: LuaSocket 3.1's API over sockets that yield instead of
-- blocking: core.tcp() inside HAProxy (and under proxylua.testing),
-- proxylua.socket on a proxylua.loop under stock Lua. docs/luasocket.md.
local RT = require "proxylua.luasocket_rt"
local P = require "proxylua.luasocket_pattern"
local DNS = require "proxylua.luasocket_dns"
local POOL = require "proxylua.luasocket_pool"

local type, tostring, tonumber, error, pcall, setmetatable, getmetatable =
  type, tostring, tonumber, error, pcall, setmetatable, getmetatable
local sformat, ssub = string.format, string.sub
local tconcat = table.concat
local floor = math.floor

local rt = RT.new(_ENV or _G)
local dns = DNS.new(rt)
local pool = POOL.new(rt)
rt.dns = dns

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
for _, mt in pairs(MT) do
  mt.__tostring = function(self) return sformat("%s: %s", self.class, self.id) end
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

local function new_sock(family)
  local s = setmetatable({ family = family or "inet", rbuf = "", rpos = 1,
                           block = -1, total = -1, rx = 0, tx = 0,
                           opts = {}, reused = 0 }, MT.master)
  s.id = tostring({}):match("0x%x+") or "0x0"
  s.birth = rt:now()
  s.class = family == "unix" and "unixstream{master}" or CLASS.master
  return s
end

-- In HAProxy's lua-load body and init functions there are no HAProxy
-- sockets and blocking is allowed: Debian's LuaSocket objects are returned.
local function maker(fname, family)
  return function()
    if rt:guard("socket." .. fname .. "()") then return rt:blocking("socket." .. fname .. "()")[fname]() end
    return new_sock(family)
  end
end
M.tcp, M.tcp4, M.tcp6 = maker("tcp", "inet"), maker("tcp4", "inet"), maker("tcp6", "inet6")

----------------------------------------------------------------------------
-- timeouts (LuaSocket: "b" limits each wait, "t" the whole call; nil or a
-- negative value is no limit, 0 never waits)

local function start(s)
  if s.total >= 0 then s.t0 = rt:now() end
end

-- seconds this call may still wait, or nil for no limit
local function left(s)
  local b, t = s.block, s.total
  local l
  if b >= 0 then l = b end
  if t >= 0 then
    local r = t - (rt:now() - s.t0)
    if r < 0 then r = 0 end
    if not l or r < l then l = r end
  end
  return l
end

-- Arm the connection's inactivity timer for one wait. HAProxy 2.6's
-- settimeout is an inactivity timer that destroys the connection when it
-- fires: a fired timeout is reported as "timeout" and the socket is closed.
local function arm(s, l)
  local tp = s.tp
  if l then
    if l < 0.001 then l = 0.001 end
    s.armed = true
    pcall(tp.settimeout, tp, l)
  elseif s.armed then
    s.armed = false
    pcall(tp.settimeout, tp, MAX_TIMEOUT)
  end
end

-- After a call: an armed timer would go on running while the socket is
-- idle between calls and destroy it (a client kept across requests), so it
-- is lifted. Costs a settimeout per call, only when a timeout is set.
local function settle(s, ...)
  if s.armed and s.tp then
    s.armed = false
    pcall(s.tp.settimeout, s.tp, MAX_TIMEOUT)
  end
  return ...
end

-- After a wait that failed: was it the timer?
local function timed_out(_, l, t1)
  return l ~= nil and (rt:now() - t1) >= l - 0.002
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
  if l then pcall(tp.settimeout, tp, l < 0.001 and 0.001 or l) end
  if connect_to(tp, s.kick) ~= 1 then
    pcall(tp.close, tp)
    return false
  end
  s.tp, s.eof, s.dead, s.armed, s.reused = tp, nil, nil, l ~= nil, 0
  s.rbuf, s.rpos = "", 1
  return data == "" or tp:send(data) == #data
end

-- One wait for more bytes: true, or "timeout" / "closed" (the connection
-- is then gone).
local function fill(s)
  if s.eof and not s.replay then return "closed" end
  local l = left(s)
  if l == 0 then return "timeout" end
  local tp = s.tp
  arm(s, l)
  local t1 = l and rt:now()
  local data = tp:receive(READ_SOME)
  if not data or data == "" then
    s.eof = true
    if timed_out(s, l, t1) then s.dead = "timeout"; return "timeout" end
    if s.replay and reconnect(s) then return fill(s) end
    s.reset = rt:was_reset(tp)         -- *a: a reset is no end of data
    return "closed"
  end
  s.replay = nil
  s.rx = s.rx + #data
  if s.rpos > #s.rbuf then
    s.rbuf, s.rpos = data, 1
  else
    s.rbuf = ssub(s.rbuf, s.rpos) .. data
    s.rpos = 1
  end
  -- HAProxy 2.6 stops reading once its buffer was full until the stream
  -- task runs again; connect() on a connected socket wakes it.
  if rt.stalls and #data >= M.config.kick_at then pcall(connect_to, tp, s.kick) end
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

function methods.receive(s, pattern, prefix)
  check(s, "receive", true)
  local kind, n = P.parse(pattern)
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
  return settle(s, rt:run(do_receive, s, kind, n, prefix))
end

----------------------------------------------------------------------------
-- sending

local function do_send(s, data, i, j)
  local tp = s.tp
  local l = left(s)
  if l == 0 then return nil, "timeout", i - 1 end
  arm(s, l)
  local t1 = l and rt:now()
  local chunk = (i == 1 and j == #data) and data or ssub(data, i, j)
  local r = tp:send(chunk)
  local rp = s.replay
  if rp then
    rp.n = rp.n + #chunk
    if rp.n > REPLAY_MAX then s.replay = nil else rp[#rp + 1] = chunk end
    if r ~= #chunk and s.replay and reconnect(s) then r = #chunk end
  end
  if r == #chunk then
    s.tx = s.tx + r
    return j, nil, nil
  end
  if timed_out(s, l, t1) then
    s.dead = "timeout"
    return nil, "timeout", i - 1
  end
  s.dead = "closed"
  return nil, "closed", i - 1
end

function methods.send(s, data, i, j)
  check(s, "send", true)
  if type(data) ~= "string" then
    if type(data) ~= "number" then
      error(sformat("bad argument #2 to 'send' (string expected, got %s)",
        data == nil and "no value" or type(data)), 2)
    end
    data = tostring(data)
  end
  local size = #data
  i = i == nil and 1 or tonumber(i)
  j = j == nil and -1 or tonumber(j)
  if not i then error("bad argument #3 to 'send' (number expected)", 2) end
  if not j then error("bad argument #4 to 'send' (number expected)", 2) end
  i = i < 0 and floor(size + i + 1) or floor(i)
  j = j < 0 and floor(size + j + 1) or floor(j)
  if i < 1 then i = 1 end
  if j > size then j = size end
  if not s.tp or s.dead then return nil, "closed", i - 1 end
  if i > j then return i - 1, nil, nil end
  start(s)
  return settle(s, rt:run(do_send, s, data, i, j))
end

----------------------------------------------------------------------------
-- connecting

local function attach(s, tp, kick, key)
  s.tp, s.kick, s.key = tp, kick, key
  s.eof, s.dead, s.armed, s.replay, s.reset = nil, nil, false, nil, nil
  s.class = s.family == "unix" and UNIX_CLASS or CLASS.client
  setmetatable(s, MT.client)
end

-- host name -> address, resolved without blocking (luasocket_dns.lua)
local function do_connect(s, host, port)
  if s.family == "unix" then
    local tp = rt:tcp()
    local ok = tp:connect("unix@" .. host)
    if ok ~= 1 then
      pcall(tp.close, tp)
      -- the cause ("No such file or directory"...) is known under stock
      -- Lua only; HAProxy says "Can't connect" for all (no file is looked
      -- at: a read at runtime would block HAProxy's thread)
      return nil, rt:failure(tp) or "connection refused"
    end
    attach(s, tp, { "unix@" .. host }, nil)
    return 1
  end
  local key = host .. ":" .. port
  local tp, reused = pool:take(key)
  if tp then
    attach(s, tp, reused.kick, key)
    s.reused = reused.count
    s.replay = { n = 0 }
    return 1
  end
  -- the lookup gets what is left of the caller's timeout (docs/luasocket.md §Names)
  local addrs, err = dns:resolve(host, s.family, left(s))
  if not addrs then return nil, err end
  local cause
  -- each address in turn, as LuaSocket does, until one answers
  for _, addr in ipairs(addrs) do
    local l = left(s)
    if l and l == 0 then return nil, "timeout" end
    tp = rt:tcp()
    if l then pcall(tp.settimeout, tp, l < 0.001 and 0.001 or l) end
    local t1 = l and rt:now()
    if tp:connect(addr, port) == 1 then
      attach(s, tp, { addr, port }, key)
      s.armed = l ~= nil
      s.reused = 0
      return 1
    end
    pcall(tp.close, tp)
    if timed_out(s, l, t1) then return nil, "timeout" end
    cause = rt:failure(tp)
  end
  return nil, cause or "connection refused"
end

local function check_port(port, fname, argn)
  local p = tonumber(port)
  if p == nil then
    error(sformat("bad argument #%d to '%s' (string expected, got %s)", argn, fname,
      port == nil and "no value" or type(port)), 3)
  end
  return floor(p)
end

local function check_host(host, fname, argn)
  if type(host) ~= "string" then
    if type(host) ~= "number" then
      error(sformat("bad argument #%d to '%s' (string expected, got %s)", argn, fname,
        host == nil and "no value" or type(host)), 3)
    end
    host = tostring(host)
  end
  return host
end

local function local_ok(laddr, lport)
  if laddr == nil or laddr == "*" or laddr == "0.0.0.0" or laddr == "::" then
    return lport == nil or tonumber(lport) == 0
  end
  return false
end

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
  return settle(s, rt:run(do_connect, s, host, port))
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
  local ok, err = settle(s, rt:run(do_connect, s, host, port))
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

-- "127.0.0.1:80", "[::1]:80", "unix" -> ip, port
local function split_name(str)
  if type(str) ~= "string" then return nil end
  local ip, port = str:match("^%[(.*)%]:(%d+)$")
  if ip then return ip, tonumber(port), "inet6" end
  ip, port = str:match("^(.*):(%d+)$")
  if ip then return ip, tonumber(port), "inet" end
  return str, nil, "unix"
end

function methods.getpeername(s)
  check(s, "getpeername")
  if not s.tp then
    if getmetatable(s) == MT.master then return nil, "Transport endpoint is not connected" end
    return nil, "Bad file descriptor"
  end
  local ip, port, fam = split_name(s.tp:getpeername())
  if not ip then return nil, "Transport endpoint is not connected" end
  return ip, port, fam
end

function methods.getsockname(s)
  check(s, "getsockname")
  if not s.tp then
    if getmetatable(s) == MT.master then
      return s.family == "inet6" and "::" or "0.0.0.0", "0", s.family
    end
    return nil, "Bad file descriptor"
  end
  local ip, port, fam = split_name(s.tp:getsockname())
  if not ip then return nil, "Bad file descriptor" end
  return ip, port and tostring(port), fam
end

local OPTIONS = { keepalive = "boolean", linger = "table", reuseaddr = "boolean",
                  reuseport = "boolean", ["tcp-nodelay"] = "boolean",
                  ["tcp-keepidle"] = "number", ["tcp-keepcnt"] = "number",
                  ["tcp-keepintvl"] = "number", ["ipv6-v6only"] = "boolean",
                  ["tcp-defer-accept"] = "number", ["tcp-fastopen"] = "number",
                  ["tcp-fastopen-connect"] = "number" }

-- Options are remembered and reported, not applied: HAProxy 2.6's Socket
-- sets none (proxylua.socket always sets TCP_NODELAY).
function methods.setoption(s, name, value)
  check(s, "setoption")
  if type(name) ~= "string" or not OPTIONS[name] then
    error(sformat("bad argument #2 to 'setoption' (unsupported option `%s')", tostring(name)), 2)
  end
  s.opts[name] = value
  return 1
end

function methods.getoption(s, name)
  check(s, "getoption")
  if type(name) ~= "string" or not OPTIONS[name] then
    error(sformat("bad argument #2 to 'getoption' (unsupported option `%s')", tostring(name)), 2)
  end
  local v = s.opts[name]
  if v == nil then
    if OPTIONS[name] == "boolean" then v = name == "tcp-nodelay"
    elseif OPTIONS[name] == "table" then v = { on = false, timeout = 0 }
    else v = 0 end
  end
  return v
end

function methods.getstats(s)
  check(s, "getstats")
  return s.rx, s.tx, rt:now() - s.birth
end

function methods.setstats(s, rx, tx, age)
  check(s, "setstats")
  s.rx, s.tx = tonumber(rx) or s.rx, tonumber(tx) or s.tx
  if tonumber(age) then s.birth = rt:now() - tonumber(age) end
  return 1
end

function methods.dirty(s)
  check(s, "dirty")
  return buffered(s) > 0
end

function methods.getfamily(s) check(s, "getfamily"); return s.family end
function methods.getfd(s) check(s, "getfd"); return -1 end
function methods.setfd(s) check(s, "setfd") end

local function unsupported(name)
  return function(s)
    check(s, name)
    return nil, "proxylua.luasocket: " .. name .. "() is not supported (client sockets only)"
  end
end
methods.bind = unsupported("bind")
methods.listen = unsupported("listen")
methods.accept = unsupported("accept")

-- the connection pool (OpenResty's cosocket API, luasocket_pool.lua)
function methods.setkeepalive(s, idle_ms, size)
  check(s, "setkeepalive")
  if not s.tp or s.dead or s.eof then return nil, "closed" end
  if buffered(s) > 0 then return nil, "unread data in buffer" end
  local tp = s.tp
  local ok, err = pool:put(s.key, tp, { kick = s.kick, count = s.reused + 1 }, idle_ms, size)
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

function M.gettime() return rt:now() end

function M.sleep(sec)
  sec = tonumber(sec)
  if not sec or sec <= 0 then return end
  if rt:guard("sleep()") then return rt:blocking("sleep()").sleep(sec) end
  rt:run(rt.sleep, rt, sec)
end

-- skip, try, newtry, protect (luasocket_except.lua)
require("proxylua.luasocket_except")(M)

-- select: sockets of this module. A socket with buffered data is readable;
-- a connected one is writable. Otherwise it waits on the first socket of
-- recvt (HAProxy can wait on one socket per call; docs/luasocket.md).
function M.select(recvt, sendt, timeout)
  if rt:guard("socket.select()") then return rt:blocking("socket.select()").select(recvt, sendt, timeout) end
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
  local err = rt:run(fill, cand)
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
