-- AppletHTTP and AppletTCP over an emulated stream (docs/haproxy-runtime.md
-- §4). The response is recorded, not written:
--   applet[0].out = { status, reason, headers (ordered), chunks = {...},
--                     started, chunked, broken }
local U = require "proxylua.core.base.util"
local V = require "proxylua.core.stream.vars"
local msg = require "proxylua.core.stream.message"
local S = require "proxylua.core.kw.samples"

local select, tostring = select, tostring
local checkstring, checkinteger, raise = U.checkstring, U.checkinteger, U.raise

local A = {}

local http_methods, tcp_methods = {}, {}
local http_mt = U.class("AppletHTTP", http_methods)
local tcp_mt = U.class("AppletTCP", tcp_methods)
A.http_mt, A.tcp_mt = http_mt, tcp_mt

local function state(self, mt, lvl)
  U.checkself(self, mt, (lvl or 1) + 1)
  return U.st(self)
end

-- Variables act on the stream (request direction); priv is the applet's own
-- Lua context (docs/haproxy-runtime.md §3.5, §4.1).
local function vars_for(methods, mt)
  V.methods(methods, function(self) return state(self, mt, 2).stream end)
  methods.get_priv = function(self) return state(self, mt).priv end
  methods.set_priv = function(self, v) state(self, mt).priv = v end
end
vars_for(http_methods, http_mt)
vars_for(tcp_methods, tcp_mt)
A.vars_for = vars_for

----------------------------------------------------------------------------
-- AppletHTTP

function http_methods.set_status(...)
  local n = select("#", ...)
  local self, code, reason = ...
  local st = state(self, http_mt)
  code = checkinteger(2, code, n)
  if n >= 3 and reason ~= nil then reason = checkstring(3, reason, n) else reason = nil end
  if code < 100 or code > 599 then return false end
  if st.out.started then return true end
  st.out.status, st.out.reason = code, reason
  return true
end

function http_methods.add_header(...)
  local n = select("#", ...)
  local self, name, value = ...
  local st = state(self, http_mt)
  name, value = checkstring(2, name, n), checkstring(3, value, n)
  if st.out.started then return true end
  local l = self.response[name]
  if not l then
    l = {}
    self.response[name] = l
  end
  l[#l + 1] = value
  st.out.headers[#st.out.headers + 1] = { name:lower(), value }
  return true
end

-- Status line and headers; chunked for HTTP/1.1 without content-length
-- (status >= 200, not 204/304); HTTP/1.0 clients get no chunking.
function http_methods.start_response(self)
  local st = state(self, http_mt)
  local out = st.out
  if out.started then
    out.broken = "start_response() called twice: the client gets an empty reply"
    return
  end
  out.started = true
  out.status = out.status or 200
  out.reason = out.reason or msg.reason(out.status)
  out.version = st.version == "1.0" and "1.0" or "1.1"
  local has_cl, close, clean = false, false, {}
  for _, h in ipairs(out.headers) do
    if h[1] == "content-length" then
      has_cl = true
      out.content_length = tonumber(h[2])
    end
    if h[1] == "connection" and h[2]:lower():find("close", 1, true) then close = true end
    -- HAProxy regenerates transfer-encoding/connection itself
    if h[1] ~= "transfer-encoding" and h[1] ~= "connection" then clean[#clean + 1] = h end
  end
  out.headers = clean
  if close then out.headers[#out.headers + 1] = { "connection", "close" } end
  if not has_cl and out.version == "1.1" and out.status >= 200
     and out.status ~= 204 and out.status ~= 304 then
    out.chunked = true
    out.headers[#out.headers + 1] = { "transfer-encoding", "chunked" }
  end
  if out.version == "1.0" then out.close = true end
end

function http_methods.send(...)
  local n = select("#", ...)
  local self, data = ...
  local st = state(self, http_mt)
  data = checkstring(2, data, n)
  if not st.out.started then raise("Lua: 'send' you must call start_response() before sending data.") end
  st.out.chunks[#st.out.chunks + 1] = data
  return #data
end

local function body_reader(st)
  return st.body or ""
end

-- The next line of `b` from the applet's read position, newline included
-- ("" at the end); advances the position. Shared by both applet kinds.
local function next_line(st, b)
  local pos = st.pos or 1
  if pos > #b then return "" end
  local nl = b:find("\n", pos, true)
  local line = b:sub(pos, nl or #b)
  st.pos = pos + #line
  return line
end

function http_methods.getline(self)
  local st = state(self, http_mt)
  return next_line(st, body_reader(st))
end

function http_methods.receive(...)
  local n = select("#", ...)
  local self, size = ...
  local st = state(self, http_mt)
  local b = body_reader(st)
  local pos = st.pos or 1
  local len = #b - pos + 1
  if n >= 2 and size ~= nil then
    size = checkinteger(2, size, n)
    if size >= 0 and size < len then len = size end
  end
  local d = b:sub(pos, pos + len - 1)
  st.pos = pos + #d
  return d
end

----------------------------------------------------------------------------
-- AppletTCP

-- Client data may arrive in chunks (st.pending, delivered by the harness one
-- per wait): reads wait while what they need is not there yet.
local function tcp_wait(st, enough)
  while st.pending and #st.pending > 0 and not enough() do
    st.rt.sched:yield()
  end
end

function tcp_methods.getline(self)
  local st = state(self, tcp_mt)
  tcp_wait(st, function() return (st.input or ""):find("\n", st.pos or 1, true) end)
  return next_line(st, st.input or "")
end

-- receive(): everything until the client closes; receive(n): n bytes, or
-- what is left at close.
function tcp_methods.receive(...)
  local n = select("#", ...)
  local self, size = ...
  if n > 2 then raise("The 'recv' function requires between 1 and 2 arguments.") end
  local st = state(self, tcp_mt)
  if n >= 2 and size ~= nil then size = checkinteger(2, size, n) end
  if size and size >= 0 then
    tcp_wait(st, function() return #(st.input or "") - (st.pos or 1) + 1 >= size end)
  else
    tcp_wait(st, function() return false end)
  end
  local b = st.input or ""
  local pos = st.pos or 1
  local len = #b - pos + 1
  if size and size >= 0 and size < len then len = size end
  local d = b:sub(pos, pos + len - 1)
  st.pos = pos + #d
  return d
end

function tcp_methods.send(...)
  local n = select("#", ...)
  local self, data = ...
  local st = state(self, tcp_mt)
  data = checkstring(2, data, n)
  st.out.chunks[#st.out.chunks + 1] = data
  return #data
end

----------------------------------------------------------------------------

local function common(stream, st)
  return {
    f = S.new_fetches(stream, false),
    sf = S.new_fetches(stream, true),
    c = S.new_converters(stream, false),
    sc = S.new_converters(stream, true),
  }, st
end

-- An AppletHTTP for the stream's request (fields as docs/haproxy-runtime.md §4.1).
U.export(http_methods)
U.export(tcp_methods)

function A.new_http(stream)
  local req = stream.http_req
  local path, qs = msg.split_uri(req.uri)
  local fields = common(stream)
  fields.method = req.method
  fields.version = "HTTP/" .. req.version
  fields.path = path
  fields.qs = path and (qs or "") or nil
  fields.length = #(req.body or "")
  fields.headers = msg.table(req)
  fields.response = {}
  local a = U.new(http_mt, fields)
  local st = U.st(a)
  st.stream, st.body, st.version = stream, req.body or "", req.version
  st.out = { headers = {}, chunks = {} }
  return a
end

function A.new_tcp(stream, input)
  local a = U.new(tcp_mt, common(stream))
  local st = U.st(a)
  st.stream, st.rt = stream, stream.rt
  if type(input) == "table" then
    st.input, st.pending = input[1] or "", { table.unpack(input, 2) }
  else
    st.input = input or ""
  end
  st.out = { chunks = {} }
  return a
end

-- HAProxy's built-in error pages (2.6 texts).
local PAGES = {
  [400] = "<html><body><h1>400 Bad request</h1>\nYour browser sent an invalid request.\n</body></html>\n",
  [403] = "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n",
  [500] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
  [502] = "<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n",
  [503] = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
  [200] = "<html><body><h1>200 OK</h1>\nService ready.\n</body></html>\n",
}
A.PAGES = PAGES

function A.error_page(code)
  local body = PAGES[code]
  local res = { status = code, reason = msg.reason(code), version = "1.1", body = body,
                headers = { { "content-length", tostring(#body) }, { "cache-control", "no-cache" },
                            { "content-type", "text/html" } } }
  if code == 400 then res.headers[#res.headers + 1] = { "connection", "close" } end
  return res
end

-- The bytes HAProxy writes for a recorded HTTP applet response.
function A.wire(res)
  local out = { string.format("HTTP/%s %d %s\r\n", res.version or "1.1", res.status, res.reason) }
  for _, h in ipairs(res.headers) do out[#out + 1] = h[1] .. ": " .. h[2] .. "\r\n" end
  out[#out + 1] = "\r\n"
  if res.chunks and res.chunked then
    for _, c in ipairs(res.chunks) do
      if #c > 0 then out[#out + 1] = string.format("%x\r\n%s\r\n", #c, c) end
    end
    if not res.truncated then out[#out + 1] = "0\r\n\r\n" end
  else
    out[#out + 1] = res.body or ""
  end
  return table.concat(out)
end

return A
