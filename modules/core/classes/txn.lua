-- TXN, HTTP, Reply and Channel objects over an emulated stream
-- (docs/haproxy-runtime.md §3). The stream and its
-- fields: stream/stream.lua.
local U = require "proxylua.core.base.util"
local E = require "proxylua.core.exec.executor"
local Proc = require "proxylua.core.exec.process"
local V = require "proxylua.core.stream.vars"
local msg = require "proxylua.core.stream.message"
local S = require "proxylua.core.kw.samples"
local native = require "proxylua.core_native"

local type, select, tostring, pairs, ipairs = type, select, tostring, pairs, ipairs
local checkstring, checkinteger, nargs, raise = U.checkstring, U.checkinteger, U.nargs, U.raise

local TXN = {}

----------------------------------------------------------------------------
-- Reply (txn:reply): a plain table with methods, no __tostring.

local reply_methods = {}
local reply_mt = { __index = reply_methods }
TXN.reply_mt = reply_mt

function reply_methods.set_status(...)
  local n = select("#", ...)
  local self, code, reason = ...
  code = checkinteger(2, code, n)
  if code < 100 or code > 599 then return false end
  self.status = code
  self.reason = (n >= 3 and reason ~= nil) and checkstring(3, reason, n) or msg.reason(code)
  return true
end

function reply_methods.add_header(...)
  local n = select("#", ...)
  local self, name, value = ...
  name, value = checkstring(2, name, n), checkstring(3, value, n)
  local l = self.headers[name]
  if not l then
    l = {}
    self.headers[name] = l
  end
  l[#l + 1] = value
  return true
end

function reply_methods.del_header(...)
  local n = select("#", ...)
  local self, name = ...
  name = checkstring(2, name, n)
  self.headers[name] = nil
  return true
end

function reply_methods.set_body(...)
  local n = select("#", ...)
  local self, body = ...
  self.body = checkstring(2, body, n)
  return true
end

function TXN.new_reply(t)
  local r = { status = 200, headers = {} }
  if type(t) == "table" then
    if math.type(t.status) == "integer" or (type(t.status) == "number" and math.tointeger(t.status)) then
      r.status = math.tointeger(t.status)
    end
    if type(t.headers) == "table" then
      for name, v in pairs(t.headers) do
        if type(v) == "string" or type(v) == "number" then
          r.headers[name] = { v }
        elseif type(v) == "table" then
          local l = {}
          for _, x in ipairs(v) do
            if type(x) == "string" or type(x) == "number" then l[#l + 1] = x end
          end
          r.headers[name] = l
        end
      end
    end
    if type(t.body) == "string" then r.body = t.body end
  end
  r.reason = msg.reason(r.status)
  return setmetatable(r, reply_mt)
end

-- What HAProxy sends for a reply table (plain or Reply): status as given (a
-- string status is ignored), header values must be lists, content-length
-- always computed, nothing for 204.
function TXN.render_reply(t, version)
  local status = (type(t.status) == "number" and math.tointeger(t.status)) or 200
  local reason = type(t.reason) == "string" and t.reason or msg.reason(status)
  local res = { status = status, reason = reason, version = version or "1.1", headers = {}, body = "" }
  for name, v in pairs(t.headers or {}) do
    if type(v) == "table" and type(name) == "string" then
      for _, x in ipairs(v) do
        if type(x) == "string" or type(x) == "number" then
          if name:lower() ~= "content-length" then msg.add(res, name, tostring(x)) end
        end
      end
    end
  end
  if status == 204 or status == 304 then
    res.body = ""
  else
    res.body = type(t.body) == "string" and t.body or ""
    msg.add(res, "content-length", tostring(#res.body))
  end
  return res
end

----------------------------------------------------------------------------
-- HTTP (txn.http)

local http_methods = {}
local http_mt = U.class("HTTP", http_methods)

local function http_stream(self, lvl)
  U.checkself(self, http_mt, (lvl or 1) + 1)
  return U.st(self).stream
end

-- Wrong direction: HAProxy raises a value that is not a message.
local function want_dir(s, dir, errval)
  if s.dir ~= dir then error(errval, 0) end
end

local function getter(dir)
  return function(...)
    local n = select("#", ...)
    local self = ...
    nargs(n, 1, dir .. "_get_headers")
    local s = http_stream(self)
    want_dir(s, dir, self)
    return msg.table(dir == "req" and s.http_req or s.http_res)
  end
end
http_methods.req_get_headers = getter("req")
http_methods.res_get_headers = getter("res")

local function two_str(dir, op)
  return function(...)
    local n = select("#", ...)
    local self, name, value = ...
    local s = http_stream(self)
    name = checkstring(2, name, n)
    value = checkstring(3, value, n)
    want_dir(s, dir, value)
    op(dir == "req" and s.http_req or s.http_res, name, value)
  end
end
http_methods.req_add_header = two_str("req", msg.add)
http_methods.res_add_header = two_str("res", msg.add)
http_methods.req_set_header = two_str("req", msg.set)
http_methods.res_set_header = two_str("res", msg.set)

local function deleter(dir)
  return function(...)
    local n = select("#", ...)
    local self, name = ...
    local s = http_stream(self)
    name = checkstring(2, name, n)
    want_dir(s, dir, name)
    msg.del(dir == "req" and s.http_req or s.http_res, name)
  end
end
http_methods.req_del_header = deleter("req")
http_methods.res_del_header = deleter("res")

-- rep_header: the regex runs on each whole value; a matching value is
-- replaced by the expansion of repl. rep_value does it per comma-separated
-- value and joins with "," (the replaced value loses its leading blank).
local function replacer(dir, per_value)
  return function(...)
    local n = select("#", ...)
    local self, name, re, repl = ...
    local s = http_stream(self)
    name, re, repl = checkstring(2, name, n), checkstring(3, re, n), checkstring(4, repl, n)
    local rx = native.regex(re, false)
    if not rx then U.argerror(3, "invalid regex") end
    want_dir(s, dir, repl)
    msg.replace(dir == "req" and s.http_req or s.http_res, name, rx, repl, per_value)
  end
end
http_methods.req_rep_header = replacer("req", false)
http_methods.res_rep_header = replacer("res", false)
http_methods.req_rep_value = replacer("req", true)
http_methods.res_rep_value = replacer("res", true)

local function req_setter(fname, apply)
  return function(...)
    local n = select("#", ...)
    local self, v = ...
    nargs(n, 2, fname)
    local s = http_stream(self)
    v = checkstring(2, v, n)
    want_dir(s, "req", v)
    return apply(s.http_req, v)
  end
end
http_methods.req_set_method = req_setter("req_set_method", function(m, v)
  m.method = v
  return true
end)
http_methods.req_set_path = req_setter("req_set_path", function(m, v)
  local _, q = msg.split_uri(m.uri)
  msg.rebuild_uri(m, v, q)
  return true
end)
http_methods.req_set_query = req_setter("req_set_query", function(m, v)
  if #v >= 16384 then return false end
  local p = msg.split_uri(m.uri)
  msg.rebuild_uri(m, p, v)
  return true
end)
http_methods.req_set_uri = req_setter("req_set_uri", function(m, v)
  m.uri = v
  if v == "" then m.invalid = true end
  return true
end)

function http_methods.res_set_status(...)
  local n = select("#", ...)
  local self, code, reason = ...
  local s = http_stream(self)
  code = checkinteger(2, code, n)
  if n >= 3 and reason ~= nil then reason = checkstring(3, reason, n) else reason = nil end
  want_dir(s, "res", select(n, ...))
  s.http_res.status = code
  s.http_res.reason = reason or msg.reason(code)
end

----------------------------------------------------------------------------
-- Channel (txn.req / txn.res)

local chn_methods = {}
local chn_mt = U.class("Channel", chn_methods)

local HTTP_ERR = "Cannot manipulate HAProxy channels in HTTP mode."

local function chn(self, data_op)
  U.checkself(self, chn_mt, 2)
  local cst = U.st(self)
  local s = cst.stream
  if data_op and s.mode == "http" then raise(HTTP_ERR, 2) end
  s.chn = s.chn or {}
  local c = s.chn[cst.dir]
  if not c then
    c = { input = "", output = "" }
    s.chn[cst.dir] = c
  end
  return c, s
end

-- offset/len as HAProxy reads them: negative offsets from the end of input.
local function range(c, off, len, lvl)
  local n = #c.input
  off = off or 0
  if off < 0 then off = math.max(0, n + off) end
  if off > n then raise("offset out of range.", lvl + 1) end
  if len == nil or len < 0 or off + len > n then len = n - off end
  return off, len
end

function chn_methods.input(self)
  local c, s = chn(self, false)
  if s.mode == "http" then
    local m = U.st(self).dir == "req" and s.http_req or s.http_res
    if not m then return 0 end
    local size = 0
    for _, h in ipairs(m.headers) do size = size + #h[1] + #h[2] + 4 end
    return size + #(m.body or "")
  end
  return #c.input
end
function chn_methods.output(self)
  local c, s = chn(self, false)
  if s.mode == "http" then return 0 end
  return #c.output
end
chn_methods.get_in_len = chn_methods.input
chn_methods.get_out_len = chn_methods.output
function chn_methods.is_full(self) chn(self, false); return false end
function chn_methods.is_resp(self) U.checkself(self, chn_mt); return U.st(self).dir == "res" end
function chn_methods.may_recv(self) local c = chn(self, false); return not c.closed end

-- In an action, reading an empty channel that can still receive waits for
-- data (the harness delivers the next chunk of the description's input).
local function wait_data(self, c, s)
  if #c.input > 0 or not (c.pending and #c.pending > 0) then return end
  local ctx = E.current(s.rt)
  if not ctx or ctx.kind ~= "action" then return end
  while #c.input == 0 and c.pending and #c.pending > 0 do s.rt.sched:yield() end
  local _ = self
end

function chn_methods.data(self, off, len)
  local c, s = chn(self, true)
  wait_data(self, c, s)
  off, len = range(c, off and checkinteger(2, off, 2), len and checkinteger(3, len, 3), 1)
  return c.input:sub(off + 1, off + len)
end
function chn_methods.line(self, off, len)
  local c, s = chn(self, true)
  wait_data(self, c, s)
  off, len = range(c, off and checkinteger(2, off, 2), len and checkinteger(3, len, 3), 1)
  local d = c.input:sub(off + 1, off + len)
  local nl = d:find("\n", 1, true)
  return nl and d:sub(1, nl) or d
end
function chn_methods.dup(self)
  local c = chn(self, true)
  if c.input == "" and c.closed then return nil end
  return c.input
end
function chn_methods.get(self)
  local c = chn(self, true)
  if c.input == "" and c.closed then return nil end
  local d = c.input
  c.input = ""
  return d
end
function chn_methods.getline(self)
  local c, s = chn(self, true)
  wait_data(self, c, s)
  if c.input == "" and c.closed then return nil end
  local nl = c.input:find("\n", 1, true)
  local line = nl and c.input:sub(1, nl) or c.input
  c.input = c.input:sub(#line + 1)
  return line
end
-- 2.6.12 bug kept: append inserts at the start of the input, as prepend.
function chn_methods.prepend(self, s)
  local c = chn(self, true)
  s = checkstring(2, s, 2)
  if c.consumed_all then return -1 end
  c.input = s .. c.input
  return #s
end
chn_methods.append = chn_methods.prepend
function chn_methods.insert(self, s, off)
  local c = chn(self, true)
  s = checkstring(2, s, 2)
  off = off and checkinteger(3, off, 3) or 0
  if off < 0 then off = #c.input + off end
  if off < 0 or off > #c.input then raise("offset out of range.") end
  c.input = c.input:sub(1, off) .. s .. c.input:sub(off + 1)
  return #s
end
function chn_methods.set(self, s, off, len)
  local c = chn(self, true)
  s = checkstring(2, s, 2)
  off, len = range(c, off and checkinteger(3, off, 3), len and checkinteger(4, len, 4), 1)
  c.input = c.input:sub(1, off) .. s .. c.input:sub(off + len + 1)
  return #s
end
function chn_methods.remove(self, off, len)
  local c = chn(self, true)
  off, len = range(c, off and checkinteger(2, off, 2), len and checkinteger(3, len, 3), 1)
  c.input = c.input:sub(1, off) .. c.input:sub(off + len + 1)
  return len
end
function chn_methods.send(self, s)
  local c = chn(self, true)
  s = checkstring(2, s, 2)
  if c.closed_out then return -1 end
  c.output = c.output .. s
  c.sent = (c.sent or "") .. s
  return #s
end
function chn_methods.forward(self, n)
  local c = chn(self, true)
  n = checkinteger(2, n, 2)
  n = math.min(n, #c.input)
  c.output = c.output .. c.input:sub(1, n)
  c.input = c.input:sub(n + 1)
  return n
end

----------------------------------------------------------------------------
-- TXN

local txn_methods = {}
local txn_mt = U.class("TXN", txn_methods)
TXN.txn_mt = txn_mt

-- The stream lives in the [0] token, so pairs(txn) shows HAProxy's keys
-- only (0, c, f, sc, sf, req, res, http).
local function txn_stream(self, lvl)
  U.checkself(self, txn_mt, (lvl or 1) + 1)
  return U.st(self).stream
end

V.methods(txn_methods, function(self) return txn_stream(self, 2) end)

local function log_to(s, level, text)
  Proc.log(s.rt, level, text, "txn")
end

function txn_methods.log(...)
  local n = select("#", ...)
  local self, level, m = ...
  nargs(n, 3, "log")
  local s = txn_stream(self)
  level = checkinteger(2, level, n)
  if level < 0 or level > 7 then U.argerror(1, "Invalid loglevel.") end
  m = checkstring(3, m, n)
  log_to(s, level, m)
end

local function txn_level(name, level)
  return function(...)
    local n = select("#", ...)
    local self, m = ...
    nargs(n, 2, name)
    local s = txn_stream(self)
    m = checkstring(2, m, n)
    log_to(s, level, m)
  end
end
txn_methods.Debug = txn_level("Debug", 7)
txn_methods.Info = txn_level("Info", 6)
txn_methods.Warning = txn_level("Warning", 4)
txn_methods.Alert = txn_level("Alert", 1)

function txn_methods.deflog(...)
  local n = select("#", ...)
  local self, m = ...
  nargs(n, 2, "deflog")
  local s = txn_stream(self)
  m = checkstring(2, m, n)
  log_to(s, s.loglevel or 0, m)
end

function txn_methods.set_loglevel(...)
  local n = select("#", ...)
  local self, level = ...
  nargs(n, 2, "set_loglevel")
  local s = txn_stream(self)
  level = checkinteger(2, level, n)
  if level < 0 or level > 7 then U.argerror(2, "Bad log level. It must be between 0 and 7") end
  s.loglevel = level
end

local function int_setter(name, field, lo, hi)
  txn_methods[name] = function(...)
    local n = select("#", ...)
    local self, v = ...
    nargs(n, 2, name)
    local s = txn_stream(self)
    v = checkinteger(2, v, n)
    if lo then v = math.max(lo, math.min(hi, v)) end
    s[field] = v
  end
end
int_setter("set_tos", "tos")
int_setter("set_mark", "mark")
int_setter("set_priority_class", "priority_class", -2047, 2047)
int_setter("set_priority_offset", "priority_offset", -524287, 524287)

function txn_methods.get_priv(self)
  local s = txn_stream(self)
  return s.priv
end

function txn_methods.set_priv(self, v)
  local s = txn_stream(self)
  s.priv = v
end

function txn_methods.reply(...)
  local n = select("#", ...)
  local self, t = ...
  local s = txn_stream(self)
  if s.mode ~= "http" then raise("txn object is not an HTTP transaction.") end
  return TXN.new_reply(n >= 2 and t or nil)
end

-- txn:done([reply]) never returns: it ends the function with the integer
-- ACT_RET_ABRT (6) as error value, which is what pcall catches in HAProxy.
function txn_methods.done(...)
  local self, r = ...
  local s = txn_stream(self)
  local ctx = E.current(s.rt)
  if not ctx then raise("proxylua: txn:done() called outside of a running Lua function") end
  if ctx.kind == "fetch" or ctx.kind == "converter" then
    ctx.done = { core = true, n = 0 }
  else
    ctx.done = { txn = true, reply = type(r) == "table" and r or nil }
  end
  error(6, 0)
end

U.export(reply_methods)
U.export(http_methods)
U.export(chn_methods)
U.export(txn_methods)

function TXN.new_txn(stream)
  local t = U.new(txn_mt, {
    f = S.new_fetches(stream, false),
    sf = S.new_fetches(stream, true),
    c = S.new_converters(stream, false),
    sc = S.new_converters(stream, true),
    req = U.new(chn_mt, nil, { stream = stream, dir = "req" }),
    res = U.new(chn_mt, nil, { stream = stream, dir = "res" }),
  })
  if stream.mode == "http" then t.http = U.new(http_mt, nil, { stream = stream }) end
  U.st(t).stream = stream
  return t
end

return TXN
