-- HTTPClient (core.httpclient()) answered by an upstream the harness
-- describes: a function(request) -> response, so that scripts making
-- subrequests can be unit tested without a server (docs/haproxy-socket.md §9).
--   request  = { method, url, path, headers = { {name, value}... } (lower-case,
--                user headers then host/accept/user-agent defaults), body,
--                timeout, dst }
--   response = { status, reason, headers = { name = value | {values} }, body }
--              or nil: nothing listens (HAProxy answers 503 itself)
local U = require "proxylua.core.base.util"
local msg = require "proxylua.core.stream.message"
local E = require "proxylua.core.exec.executor"

local type, pairs, select, tostring = type, pairs, select, tostring
local raise = U.raise

local HC = {}

local KEYS = { url = "string", body = "string", headers = "table", timeout = "number", dst = "string" }
local PAGES = {
  [503] = "<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n",
}

-- HAProxy's own answer when the request could not be served.
local function failure(code)
  local body = PAGES[code]
  return { status = code, reason = msg.reason(code), body = body,
           headers = { ["cache-control"] = { [0] = "no-cache" },
                       ["content-length"] = { [0] = tostring(#body) },
                       ["content-type"] = { [0] = "text/html" } } }
end

local function build_request(method, t)
  local req = { method = method, headers = {}, body = t.body or "" }
  req.url = t.url
  req.path = t.url:match("^https?://[^/]*(/.*)$") or "/"
  req.timeout = t.timeout and (math.tointeger(t.timeout) or 0) or nil
  req.dst = t.dst
  local user = {}
  for name, values in pairs(t.headers or {}) do
    -- a plain string value is dropped; list entries (and [0]) are sent
    if type(values) == "table" then
      local lname = tostring(name):lower()
      user[lname] = true
      local keys = {}
      for k in pairs(values) do if math.type(k) == "integer" then keys[#keys + 1] = k end end
      table.sort(keys)
      for _, k in ipairs(keys) do
        local v = values[k]
        if type(v) == "string" or type(v) == "number" then
          req.headers[#req.headers + 1] = { lname, tostring(v) }
        end
      end
    end
  end
  local authority = t.url:match("^https?://([^/]*)")
  if not user.host then req.headers[#req.headers + 1] = { "host", authority } end
  if not user.accept then req.headers[#req.headers + 1] = { "accept", "*/*" } end
  if not user["user-agent"] then req.headers[#req.headers + 1] = { "user-agent", "HAProxy" } end
  if #req.body > 0 and not user["content-length"] then
    req.headers[#req.headers + 1] = { "transfer-encoding", "chunked" }
  end
  return req
end

-- Response headers as HAProxy returns them: lower-case, 0-based lists.
local function response_table(r, method)
  local headers = {}
  local list = msg.headers(r.headers)
  for _, h in ipairs(list) do
    local l = headers[h[1]]
    if l then l[#l + 1] = h[2] else headers[h[1]] = { [0] = h[2] } end
  end
  local status = r.status or 200
  local body = r.body or ""
  if method == "HEAD" or status == 204 then body = "" end
  return { status = status, reason = r.reason or msg.reason(status), headers = headers, body = body }
end

function HC.class(rt)
  local methods = {}
  local mt = U.class("HTTPClient", methods)

  local function request(method)
    return function(...)
      local n = select("#", ...)
      local self, t = ...
      U.checkself(self, mt)
      -- every method's messages say 'get' in 2.6
      if n ~= 2 or type(t) ~= "table" then raise("'get' needs a table as argument") end
      for k, v in pairs(t) do
        local want = KEYS[k]
        if not want then raise(string.format("'%s' invalid parameter name", tostring(k))) end
        if type(v) ~= want then
          raise(string.format("invalid parameter in '%s', must be a %s", k, want))
        end
      end
      if not t.url then raise("'get' need a 'url' argument") end
      if not t.url:match("^https?://") then raise("couldn't start the httpclient") end
      local ctx = E.current(rt)
      if not ctx then
        raise("The 'get' function is only allowed in 'frontend', 'backend' or 'task'")
      end
      local req = build_request(method, t)
      local r = rt.upstream and rt.upstream(req)
      -- the request is sent even where the wait for the answer then fails
      -- (a fetch: a real wait, unlike core.yield which fetches tolerate)
      rt.sched:sleep(0)
      if r == nil then return failure(503) end
      return response_table(r, method)
    end
  end
  for _, m in ipairs({ "get", "head", "put", "post", "delete" }) do
    methods[m] = request(m:upper())
  end
  U.export(methods)
  return function() return U.new(mt) end
end

return HC
