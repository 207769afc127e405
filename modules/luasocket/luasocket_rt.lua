-- Where proxylua.luasocket runs, and the few primitives it needs from there
-- (docs/luasocket.md §Runtimes and files, §Contexts inside HAProxy):
--
-- * "haproxy": a `core` with tcp()/msleep() is a global of this state, in
--   HAProxy 2.6 or in proxylua.testing's emulated state. Connections are
--   core.tcp() sockets and every wait yields to HAProxy's scheduler (the
--   harness's loop).
-- * "stock": plain Lua 5.3/5.4. Connections are proxylua.socket sockets on a
--   proxylua.loop; inside one of its tasks waits park the task, elsewhere a
--   call runs the loop until it is done (blocking, as LuaSocket does).
--
-- Either way a connection is an object with HAProxy's Socket API
-- (connect, send, receive, settimeout, getpeername, getsockname, close),
-- which luasocket.lua turns into LuaSocket's conventions.
local R = {}

local type, pcall, error = type, pcall, error
local tpack, tunpack = table.pack, table.unpack
local sformat, floor = string.format, math.floor

local function new(env)
  local self = { env = env, noyield = nil }
  local core = env.core
  if type(core) == "table" and type(core.tcp) == "function" and type(core.msleep) == "function" then
    self.kind = "haproxy"
    self.core = core
    -- real HAProxy 2.6 (not proxylua.testing, which registers its core as
    -- "proxylua.core"): its sockets stall after 16 KiB (luasocket.lua)
    local pkg = env.package
    self.stalls = not (pkg and pkg.loaded and pkg.loaded["proxylua.core"] == core)
  else
    self.kind = "stock"
  end
  setmetatable(self, { __index = R })
  -- seconds since the epoch as a float, as a plain function (hot path)
  if self.kind == "haproxy" then
    self.clock = function()
      local t = core.now()
      return t.sec + t.usec / 1e6
    end
    -- In real HAProxy, Debian's LuaSocket's gettime (when installed) reads
    -- the same wall clock without building core.now()'s table: 0.05 us
    -- against 0.3 us, and a call with a timeout reads the clock once or
    -- twice. The harness keeps core.now() (its clock may be virtual).
    if self.stalls then
      local ok, real = pcall(self.luasocket, self)
      if ok and real and type(real.gettime) == "function" then self.clock = real.gettime end
    end
  else
    self.clock = function() return self:loop():now() end
  end
  return self
end

----------------------------------------------------------------------------
-- stock Lua: proxylua.socket on a proxylua.loop

-- outside: a drop-in send (no task) sends what goes at once itself
-- (luasocket.lua); only a call that must wait gets a task
local SOCK_OPTS = { yield_kills = false, outside = true }

function R:loop()
  local l = self.l
  if not l then
    l = assert(require("proxylua.loop").new())
    self.l = l
  end
  return l
end

function R:setloop(l)
  self.l = l
end

-- Run fn(...) where it may wait: directly inside a task of the loop (or in
-- HAProxy), else in a new task while this call runs the loop.
function R:run(fn, ...)
  if self.kind == "haproxy" then return fn(...) end
  local l = self:loop()
  if l:in_task() then return fn(...) end
  if l:current() ~= nil then
    -- a coroutine the program made inside a task: its yields would go to
    -- its own resumer, and the running loop cannot be run from here
    error("proxylua.luasocket: called from a coroutine created inside a task of the loop: "
      .. "call it from the task itself", 3)
  end
  local args, res = tpack(...), nil
  l:spawn(function()
    res = tpack(pcall(fn, tunpack(args, 1, args.n)))
  end)
  while not res do l:step() end
  if not res[1] then error(res[2], 0) end
  return tunpack(res, 2, res.n)
end

-- R:run for a call with exactly three results (send, receive): no
-- argument or result tables, the task gets its arguments from spawn.
local function run3_task(box, fn, s, a, b, c)
  local ok, r1, r2, r3 = pcall(fn, s, a, b, c)
  box.ok, box[1], box[2], box[3], box.done = ok, r1, r2, r3, true
end

-- True when a call here is a drop-in one (stock Lua, outside any task of
-- the loop, and not in a coroutine of one): its socket takes calls that do
-- not wait (proxylua.socket's opts.outside: send).
function R:outside()
  local l = self.l
  return l ~= nil and self.kind == "stock" and not l:in_task() and l:current() == nil
end

function R:run3(fn, s, a, b, c)
  local l = self:loop()
  if l:in_task() then return fn(s, a, b, c) end
  if l:current() ~= nil then
    error("proxylua.luasocket: called from a coroutine created inside a task of the loop: "
      .. "call it from the task itself", 4)
  end
  local box = {}
  l:spawn(run3_task, box, fn, s, a, b, c)
  while not box.done do l:step() end
  if not box.ok then error(box[1], 0) end
  return box[1], box[2], box[3]
end

----------------------------------------------------------------------------
-- HAProxy: where may a call wait?

local PHASE_TEXT = {
  body = "the lua-load body",
  init = "an init function (core.register_init)",
}

-- "runtime", "body" or "init". core.tcp() raises in the body; in init it
-- works but a send raises (HAProxy 2.6 has no task there; send("") does
-- not, docs/haproxy-socket.md §13). Once seen at runtime the state never
-- goes back.
function R:phase()
  if self.runtime_seen then return "runtime" end
  local ok, s = pcall(self.core.tcp)
  if not ok then return "body" end
  local ok2 = pcall(s.send, s, "x")   -- queued, never sent: no connect follows
  pcall(s.close, s)
  if not ok2 then return "init" end
  self.runtime_seen = true
  return "runtime"
end

-- Debian's blocking LuaSocket (socket.core), for the body and init where
-- HAProxy's sockets cannot be used and blocking is allowed.
-- The module table, or false when it is not installed.
function R:luasocket()
  if self.real == nil then
    local pkg = self.env.package
    local cur = pkg and pkg.loaded["socket.core"]
    if type(cur) == "table" and not cur._PROXYLUA then
      self.real = cur
    else
      local path = pkg and pkg.searchpath and pkg.searchpath("socket.core", pkg.cpath)
      local open = path and pkg.loadlib(path, "luaopen_socket_core")
      self.real = open and open("socket.core") or false
    end
  end
  return self.real
end

function R:blocking(what)
  if not self:luasocket() then
    error(sformat("proxylua.luasocket: %s in %s needs Debian's blocking LuaSocket "
      .. "(lua-socket), which is not installed: HAProxy has no sockets there", what,
      PHASE_TEXT[self:phase()] or "this context"), 3)
  end
  return self.real
end

-- nil when the call may wait here; else "blocking" (use R:blocking()).
-- Raises in a context that cannot yield (a sample fetch or a converter).
function R:guard(what)
  if self.kind ~= "haproxy" then return nil end
  if self.noyield then
    error(sformat("proxylua.luasocket: %s cannot wait in %s: HAProxy 2.6 cannot yield "
      .. "there (do the I/O in an action or a task and pass the result in a variable)",
      what, self.noyield), 3)
  end
  if self.runtime_seen then return nil end
  local ph = self:phase()
  if ph == "runtime" then return nil end
  return "blocking"
end

-- Wrap core.register_fetches / register_converters so that a fetch or a
-- converter registered after the module was loaded is known to be one
-- while it runs (it cannot yield: nothing else runs meanwhile).
function R:watch_contexts()
  local core = self.core
  if not core or self.watching then return end
  self.watching = true
  local rt = self
  local function wrap(regname, label)
    local reg = core[regname]
    if type(reg) ~= "function" then return end
    core[regname] = function(name, fn, ...)
      if type(fn) == "function" then
        local f, where = fn, sformat("%s '%s'", label, tostring(name))
        fn = function(...)
          local saved = rt.noyield
          rt.noyield = where
          local r = tpack(pcall(f, ...))
          rt.noyield = saved
          if not r[1] then error(r[2], 0) end
          return tunpack(r, 2, r.n)
        end
      end
      return reg(name, fn, ...)
    end
  end
  wrap("register_fetches", "a sample fetch")
  wrap("register_converters", "a converter")
end

----------------------------------------------------------------------------
-- primitives

-- a new connection object (HAProxy's Socket API)
function R:tcp()
  if self.kind == "haproxy" then return self.core.tcp() end
  local sock = self.sockmod
  if not sock then
    sock = require("proxylua.socket")
    self.sockmod = sock
  end
  return sock.tcp(self:loop(), SOCK_OPTS)
end

-- LuaSocket's words for an errno (its socket_strerror); others are the
-- system's own text
local LUASOCKET_ERR = {
  ECONNREFUSED = "connection refused", ECONNRESET = "closed", ECONNABORTED = "closed",
  EPIPE = "closed", ETIMEDOUT = "timeout", EACCES = "permission denied",
  EADDRINUSE = "address already in use", EISCONN = "already connected",
}

-- Why connection tp failed, in LuaSocket's words, or nil when that cannot
-- be known: HAProxy's Socket (and the harness's, which is faithful to it)
-- reports every cause as one "Can't connect" and a reset as a close;
-- proxylua.socket keeps the errno (socket._error, stock Lua only).
function R:failure(tp)
  if self.kind ~= "stock" then return nil end
  local name, text = require("proxylua.socket")._error(tp)
  if not name then return nil end
  return LUASOCKET_ERR[name] or text
end

-- Did the peer reset tp (rather than close it in order)? Never known
-- inside HAProxy (docs/luasocket.md §Differences).
function R:was_reset(tp)
  if self.kind ~= "stock" then return false end
  local name = require("proxylua.socket")._error(tp)
  return name == "ECONNRESET" or name == "ECONNABORTED"
end

-- seconds since the epoch, as a float
function R:now()
  return self.clock()
end

-- wait (yielding) for sec seconds
function R:sleep(sec)
  if self.kind == "haproxy" then
    self.core.msleep(floor(sec * 1000 + 0.5))
  else
    self:loop():sleep(sec)
  end
end

R.new = new
return R
