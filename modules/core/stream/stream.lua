-- The stream: what HAProxy keeps for one client transaction, as the table
-- every layer above reads (keywords, TXN/HTTP/Channel, applets, filters, the
-- runners). This file is its one owner: Stream.new builds it from a request
-- description, and the fields below are all the layers may rely on.
local U = require "proxylua.core.base.util"
local msg = require "proxylua.core.stream.message"
local V = require "proxylua.core.stream.vars"

local type, pairs, tostring = type, pairs, tostring

local Stream = {}

--[[ Fields of a stream (s):
  rt            the runtime object of the state running the stream
  mode          "http" | "tcp"
  dir           "req" | "res": the side being processed (Stream.to_response)
  desc          the request description it was built from; fetches of less
                common facts read it directly (desc.httplog, desc.track,
                desc.fe_conn, desc.proxy_protocol; desc.tls, desc.ssl_protocol
                and desc.ssl_cipher for the ssl_* fetches...)
  -- connection
  src, src_port, dst, dst_port   client and listener addresses (strings,
                integers; default 127.0.0.1:40000 -> 127.0.0.1:8080)
  ssl           the client connection is TLS (false)
  sni, alpn, client_cert         TLS details (nil)
  frontend, backend              proxy names ("fe", "be"); fe_id, be_id (1)
  server        the server name srv_name returns (nil)
  hostname      what the hostname fetch returns (nil: "localhost")
  priority_class, priority_offset  set-priority-* values (nil: 0)
  unique_id     the unique-id the frontend would generate (nil)
  not_first     not the first request of its connection (session reuse)
  env           desc.env: the ruleset h:action runs in ("http-req"...), and
                also, when a function, what the env fetch calls instead of
                os.getenv (the two uses of one field collide)
  -- content
  http_req      HTTP mode: the request message (stream/message.lua shape)
  http_res      the response message, once there is one
  chn           { req = channel, res = channel }; channel = { input, output,
                pending = { chunks arriving one per wait }, sent }
  -- state kept for the script
  vars          variables by scope { txn = {}, req = {}, res = {}, sess = {} }
                (proc lives in rt.process), values as samples
  vars_get      function(name) -> sample: the variables as fetches see them
  req_vars_gone the response side started: req.* variables are gone
  loglevel      txn:set_loglevel's level (0)
  priv          txn:set_priv's value
  applet        the stream is served by an applet (service, CLI command) ]]

-- TCP input: a string, or a list of chunks arriving one per wait.
local function channel(input)
  if type(input) == "table" then
    local pending = {}
    for i = 2, #input do pending[#pending + 1] = input[i] end
    return { input = input[1] or "", output = "", pending = pending }
  end
  return { input = input or "", output = "" }
end

--[[ Stream.new(rt, desc): a stream from a request description:
  method ("GET"), path ("/") or uri, query, version ("1.1"), headers (list of
  "Name: value" or {name, value}, or a map name -> value|list), body,
  src, src_port, dst, dst_port, ssl, sni, alpn, client_cert, mode ("http" |
  "tcp"), frontend, backend, fe_id, be_id,
  server, hostname, priority_class, priority_offset, unique_id, env,
  not_first, vars ({["txn.x"] = v}), input / res_input (tcp: bytes, or a
  list of chunks), response (the server's response: {status, reason,
  headers, body}), session (one connection for several requests: sess.*
  variables, not_first). ]]
function Stream.new(rt, desc)
  desc = desc or {}
  local mode = desc.mode or "http"
  local s = {
    rt = rt, mode = mode, dir = "req", vars = {},
    src = desc.src or "127.0.0.1", src_port = desc.src_port or 40000,
    dst = desc.dst or "127.0.0.1", dst_port = desc.dst_port or 8080,
    ssl = desc.ssl or false, sni = desc.sni, alpn = desc.alpn, client_cert = desc.client_cert,
    frontend = desc.frontend or "fe", backend = desc.backend or "be",
    fe_id = desc.fe_id or 1, be_id = desc.be_id or 1, loglevel = 0,
    server = desc.server, hostname = desc.hostname,
    priority_class = desc.priority_class, priority_offset = desc.priority_offset,
    unique_id = desc.unique_id, env = desc.env, not_first = desc.not_first,
    desc = desc,
  }
  if mode == "http" then
    local uri = desc.uri
    if not uri then
      uri = desc.path or "/"
      if desc.query then uri = uri .. "?" .. desc.query end
    end
    s.http_req = { method = desc.method or "GET", uri = uri, version = desc.version or "1.1",
                   headers = msg.headers(desc.headers), body = desc.body or "" }
    if desc.body and #desc.body > 0 and #msg.get(s.http_req, "content-length") == 0
       and #msg.get(s.http_req, "transfer-encoding") == 0 then
      msg.add(s.http_req, "content-length", tostring(#desc.body))
    end
  end
  s.chn = { req = channel(desc.input), res = channel(desc.res_input) }
  s.vars_get = function(name) return V.get(s, name) end
  for name, v in pairs(desc.vars or {}) do V.set(s, name, U.lua2smp(v)) end
  if desc.session then
    local sess = desc.session
    sess.vars = sess.vars or {}
    sess.requests = (sess.requests or 0) + 1
    s.vars.sess = sess.vars
    s.not_first = sess.requests > 1
  end
  if desc.response then Stream.set_response(s, desc.response) end
  return s
end

-- The server's response, for http-response rules.
function Stream.set_response(s, r)
  s.http_res = { status = r.status or 200, reason = r.reason or msg.reason(r.status or 200),
                 version = r.version or "1.1", headers = msg.headers(r.headers), body = r.body or "" }
  return s
end

-- Move to the response side: req.* variables are gone
-- (docs/haproxy-runtime.md §3.4).
function Stream.to_response(s, r)
  if r or not s.http_res then Stream.set_response(s, r or {}) end
  s.dir = "res"
  s.vars.req = nil
  s.req_vars_gone = true
  return s
end

-- What a TCP stream's channel holds (the data the client has not sent yet
-- arrives one chunk per wait): move the next chunk in; true when one moved.
function Stream.feed(s)
  local fed = false
  for _, c in pairs(s.chn) do
    if c.pending and #c.pending > 0 then
      c.input = c.input .. table.remove(c.pending, 1)
      fed = true
    end
  end
  return fed
end

return Stream
