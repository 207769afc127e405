-- The HTTPMessage class Lua filters get (docs/haproxy-runtime.md §8.1, §8.2):
-- headers and start line of one message, and the payload the filter
-- currently sees (st.data) with what it already forwarded.
local U = require "proxylua.core.base.util"
local msg = require "proxylua.core.stream.message"
local native = require "proxylua.core_native"

local select = select
local checkstring, checkinteger, raise = U.checkstring, U.checkinteger, U.raise

local HM = {}

local methods = {}
local mt = U.class("HTTPMessage", methods)
HM.mt = mt

local function st(self) return U.st(U.checkself(self, mt, 2)) end

-- Header and start-line functions work until the body is being forwarded
-- (start_analyze, http_headers); from http_payload on, 2.6 raises with
-- lua_error() on whatever is on top of the stack: the last argument, or the
-- message itself (live). `...` are the call's arguments.
local function headers_phase(s, ...)
  if not s.body_phase then return end
  local n = select("#", ...)
  error((select(n, ...)), 0)
end

function methods.is_resp(self) return st(self).dir == "res" end

function methods.get_stline(self)
  local s = st(self)
  headers_phase(s, self)
  local m = s.m
  if s.dir == "req" then return { method = m.method, uri = m.uri, version = "HTTP/" .. m.version } end
  return { version = "HTTP/" .. m.version, code = tostring(m.status), reason = m.reason }
end

function methods.get_headers(self)
  local s = st(self)
  headers_phase(s, self)
  return msg.table(s.m)
end

function methods.add_header(...)
  local n = select("#", ...)
  local self, name, value = ...
  local s = st(self)
  headers_phase(s, ...)
  msg.add(s.m, checkstring(2, name, n), checkstring(3, value, n))
end

function methods.set_header(...)
  local n = select("#", ...)
  local self, name, value = ...
  local s = st(self)
  headers_phase(s, ...)
  msg.set(s.m, checkstring(2, name, n), checkstring(3, value, n))
end

function methods.del_header(...)
  local n = select("#", ...)
  local self, name = ...
  local s = st(self)
  headers_phase(s, ...)
  msg.del(s.m, checkstring(2, name, n))
end

local function rep(per_value)
  return function(...)
    local n = select("#", ...)
    local self, name, re, repl = ...
    local s = st(self)
    headers_phase(s, ...)
    name, re, repl = checkstring(2, name, n), checkstring(3, re, n), checkstring(4, repl, n)
    local rx = native.regex(re, false)
    if not rx then U.argerror(3, "invalid regex") end
    msg.replace(s.m, name, rx, repl, per_value)
  end
end
methods.rep_header = rep(false)
methods.rep_value = rep(true)

local function req_only(field, apply)
  return function(...)
    local n = select("#", ...)
    local self, v = ...
    local s = st(self)
    headers_phase(s, ...)
    v = checkstring(2, v, n)
    if s.dir ~= "req" then raise("'" .. field .. "' is only available for a request") end
    apply(s.m, v)
    return true
  end
end
methods.set_method = req_only("set_method", function(m, v) m.method = v end)
methods.set_path = req_only("set_path", function(m, v)
  local _, q = msg.split_uri(m.uri)
  msg.rebuild_uri(m, v, q)
end)
methods.set_query = req_only("set_query", function(m, v)
  msg.rebuild_uri(m, (msg.split_uri(m.uri)), v)
end)
methods.set_uri = req_only("set_uri", function(m, v) m.uri = v end)

function methods.set_status(...)
  local n = select("#", ...)
  local self, code, reason = ...
  local s = st(self)
  headers_phase(s, ...)
  code = checkinteger(2, code, n)
  if s.dir ~= "res" then raise("'set_status' is only available for a response") end
  s.m.status = code
  s.m.reason = (n >= 3 and reason ~= nil) and checkstring(3, reason, n) or msg.reason(code)
  return true
end

function methods.is_full(self) st(self) return false end
function methods.may_recv(self) return not st(self).eom end
function methods.eom(self) return st(self).eom and true or false end
function methods.set_eom(self) st(self).eom = true end
function methods.unset_eom(self) st(self).eom = false end
function methods.input(self) return #st(self).data end
function methods.output(self) return #st(self).out end

-- Offsets and lengths relative to the data the filter sees.
local function range(s, off, len, lvl)
  local n = #s.data
  off = off or 0
  if off < 0 then off = n + off end
  if off < 0 or off > n then raise("offset out of range.", lvl + 1) end
  if len == nil or len < 0 or off + len > n then len = n - off end
  return off, len
end

function methods.body(...)
  local n = select("#", ...)
  local self, off, len = ...
  local s = st(self)
  if n < 1 or n > 3 then raise("'body' needs between 1 and 3 arguments") end
  -- outside http_payload 2.6 raises lua_error() on the top of the stack:
  -- the message itself for body() (live)
  if not s.payload then error((select(n, ...)), 0) end
  if #s.data == 0 and s.eom then return nil end
  off, len = range(s, off and checkinteger(2, off, n), len and checkinteger(3, len, n), 1)
  return s.data:sub(off + 1, off + len)
end

local function payload_op(fn)
  return function(...)
    local self = ...
    local s = st(self)
    -- outside http_payload 2.6 raises lua_error() on the top of the stack
    if not s.payload then error((select(select("#", ...), ...)), 0) end
    return fn(s, ...)
  end
end

methods.append = payload_op(function(s, _, v)
  v = checkstring(2, v, 2)
  s.data = s.data .. v
  return #v
end)
methods.prepend = payload_op(function(s, _, v)
  v = checkstring(2, v, 2)
  s.data = v .. s.data
  return #v
end)
methods.insert = payload_op(function(s, _, v, off)
  v = checkstring(2, v, 2)
  off = off and checkinteger(3, off, 3) or 0
  if off < 0 then off = #s.data + off end
  if off < 0 or off > #s.data then raise("offset out of range.", 2) end
  s.data = s.data:sub(1, off) .. v .. s.data:sub(off + 1)
  return #v
end)
methods.remove = payload_op(function(s, _, off, len)
  off, len = range(s, off and checkinteger(2, off, 2), len and checkinteger(3, len, 3), 2)
  s.data = s.data:sub(1, off) .. s.data:sub(off + len + 1)
  return len
end)
methods.set = payload_op(function(s, _, v, off, len)
  v = checkstring(2, v, 2)
  off, len = range(s, off and checkinteger(3, off, 3), len and checkinteger(4, len, 4), 2)
  s.data = s.data:sub(1, off) .. v .. s.data:sub(off + len + 1)
  return #v
end)
methods.send = payload_op(function(s, _, v)
  v = checkstring(2, v, 2)
  s.out = s.out .. v
  return #v
end)
methods.forward = payload_op(function(s, _, n)
  n = math.min(checkinteger(2, n, 2), #s.data)
  s.out = s.out .. s.data:sub(1, n)
  s.data = s.data:sub(n + 1)
  return n
end)

U.export(methods)

function HM.new(m, dir, chn)
  return U.new(mt, { channel = chn }, { m = m, dir = dir, data = "", out = "" })
end

return HM
