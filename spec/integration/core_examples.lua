-- The examples in examples/core-*: their HAProxy configuration, the
-- requests of their golden files, and the same flow through
-- proxylua.testing. Shared by spec/integration/core_examples_haproxy_spec.lua
-- (which captures golden files from real HAProxy) and spec/testing_spec.lua
-- (which replays them under stock Lua 5.3 and 5.4).
local X = {}

local function curl_headers(port, req)
  local hs = { "Host: " .. (req.host or ("127.0.0.1:" .. port)), "User-Agent: curl", "Accept: */*" }
  for _, h in ipairs(req.headers or {}) do hs[#hs + 1] = h end
  if req.body then hs[#hs + 1] = "Content-Type: application/x-www-form-urlencoded" end
  return hs
end
X.curl_headers = curl_headers

-- What the origin server answers (`listen origin` in the configuration).
local ORIGIN = { status = 200, headers = { "content-type: application/json", "content-length: 11" },
                 body = '{"ok":true}' }

-- The auth service of the auth-request example, as a harness upstream
-- (the HAProxy configuration has the same rules in `listen authsvc`).
local function auth_upstream(req)
  local auth
  for _, h in ipairs(req.headers) do if h[1] == "authorization" then auth = h[2] end end
  if auth == "Bearer good" then
    return { status = 200, headers = { "content-type: text/plain", "x-user: alice", "content-length: 2" }, body = "ok" }
  end
  if auth == "Bearer bad" then
    return { status = 403, headers = { "content-type: text/plain", "content-length: 9" }, body = "bad token" }
  end
  return { status = 500, headers = { "content-type: text/plain", "content-length: 4" }, body = "boom" }
end

X.EXAMPLES = {
  {
    name = "cors", script = "examples/core-cors/cors.lua",
    req_actions = { "cors_request" }, res_actions = { "cors_response" },
    requests = {
      { method = "OPTIONS", path = "/api", headers = { "Origin: https://app.example.com",
        "Access-Control-Request-Headers: x-token" } },
      { method = "OPTIONS", path = "/api", headers = { "Origin: https://evil.test" } },
      { path = "/api", headers = { "Origin: https://admin.example.com" } },
      { path = "/api" },
    },
  },
  {
    name = "login", script = "examples/core-login/login.lua",
    req_actions = { "login" },
    requests = {
      { path = "/login", method = "POST", body = "user=alice&pass=wonderland" },
      { path = "/login", method = "POST", body = "user=alice&pass=nope" },
      { path = "/private/x" },
      { path = "/private/x", headers = { "Cookie: session=alice.00" } },
      { path = "/public" },
    },
  },
  {
    name = "json-api", script = "examples/core-json-api/api.lua",
    service = "api",
    requests = {
      { path = "/api/items" }, { path = "/api/items/2" }, { path = "/api/items/9" },
      { path = "/api/items", method = "POST", body = "name=third" }, { path = "/api/items" },
      { path = "/api/items", method = "POST", body = "x=1" }, { path = "/nope" },
    },
  },
  {
    name = "metrics", script = "examples/core-metrics/metrics.lua",
    req_actions = { "count" }, service = "metrics", service_path = "/metrics",
    requests = { { path = "/a/1" }, { path = "/a/2" }, { path = "/b", method = "POST", body = "x" },
                 { path = "/metrics" } },
  },
  {
    name = "auth-request", script = "examples/core-auth-request/auth.lua",
    req_actions = { "auth" }, action_args = { auth = { "http://127.0.0.1:${PORT2}/check" } },
    upstream = auth_upstream, ports = 2,
    extra_config = [[
listen authsvc
    bind 127.0.0.1:${PORT2}
    http-request return status 200 content-type text/plain hdr x-user alice string "ok" if { req.hdr(authorization) -m str "Bearer good" }
    http-request return status 403 content-type text/plain string "bad token" if { req.hdr(authorization) -m str "Bearer bad" }
    http-request return status 500 content-type text/plain string "boom"
]],
    origin_echo = true,
    requests = { { path = "/a" }, { path = "/b", headers = { "Authorization: Bearer good" } },
                 { path = "/c", headers = { "Authorization: Bearer bad" } },
                 { path = "/d", headers = { "Authorization: Bearer other" } } },
  },
  {
    name = "map-routing", script = "examples/core-map-routing/routing.lua",
    req_actions = { "route" },
    requests = { { path = "/", host = "api.example.com" }, { path = "/x", host = "www.example.com" },
                 { path = "/static/a.css", host = "api.example.com" },
                 { path = "/", host = "other.test" } },
  },
}

-- HAProxy configuration for an example; lua-load is added by the caller.
function X.config(ex)
  local lines = { "frontend fe", "    bind 127.0.0.1:${PORT}" }
  for _, a in ipairs(ex.req_actions or {}) do
    local args = ex.action_args and ex.action_args[a]
    lines[#lines + 1] = "    http-request lua." .. a .. (args and (" " .. table.concat(args, " ")) or "")
  end
  if ex.service then
    local cond = ex.service_path and (" if { path " .. ex.service_path .. " }") or ""
    lines[#lines + 1] = "    http-request use-service lua." .. ex.service .. cond
  end
  for _, a in ipairs(ex.res_actions or {}) do lines[#lines + 1] = "    http-response lua." .. a end
  lines[#lines + 1] = "    default_backend be"
  lines[#lines + 1] = "backend be"
  lines[#lines + 1] = "    server origin 127.0.0.1:${PORT1}"
  lines[#lines + 1] = "listen origin"
  lines[#lines + 1] = "    bind 127.0.0.1:${PORT1}"
  if ex.origin_echo then
    lines[#lines + 1] = [[    http-request return status 200 content-type text/plain lf-string "hello %[req.hdr(x-user)]"]]
  else
    lines[#lines + 1] = [[    http-request return status 200 content-type application/json string '{"ok":true}']]
  end
  return table.concat(lines, "\n") .. "\n" .. (ex.extra_config or "")
end

-- One answer as a golden block: request line, status, sorted headers
-- (date dropped), then the body with its length (bodies may hold anything).
function X.block(req, status, headers, body)
  local hs = {}
  for k, v in pairs(headers) do
    if k ~= "date" then hs[#hs + 1] = k .. ": " .. v end
  end
  table.sort(hs)
  return string.format("### %s %s%s\n%d\n%s%s-- body %d bytes\n%s\n", req.method or "GET", req.path,
    req.host and (" host=" .. req.host) or "", status, table.concat(hs, "\n"), #hs > 0 and "\n" or "",
    #body, body)
end

local function header_map(list)
  local out = {}
  for _, h in ipairs(list) do
    local k, v = h[1]:lower(), h[2]
    out[k] = out[k] and (out[k] .. ", " .. v) or v
  end
  return out
end

-- Headers as a multiset (repeated names, any order) for comparisons.
local function normalise(map)
  local out = {}
  for k, v in pairs(map) do
    local parts = {}
    for p in (v .. ", "):gmatch("(.-), ") do parts[#parts + 1] = p end
    table.sort(parts)
    out[k] = table.concat(parts, ", ")
  end
  return out
end
X.normalise = normalise

-- The example's flow through the harness: request actions, then the
-- service or the origin, then response actions. Returns status, header map,
-- body as the client gets them.
function X.through_harness(h, ex, port, req)
  local tx = h:transaction({ method = req.method or "GET", uri = req.path, body = req.body,
                             headers = curl_headers(port, req) })
  for _, a in ipairs(ex.req_actions or {}) do
    local args = ex.action_args and ex.action_args[a] or {}
    local r = tx:run("http-req", a, table.unpack(args))
    if r.reply then return r.reply.status, header_map(r.reply.headers), r.reply.body end
    if r.closed then return 0, {}, "" end
  end
  local res
  if ex.service and (not ex.service_path or req.path == ex.service_path) then
    local out = h:service(ex.service, tx)
    if out.empty then return 0, {}, "" end
  elseif ex.origin_echo then
    local body = "hello " .. (tx.txn.sf:req_hdr("x-user"))
    tx:to_response({ status = 200, headers = { "content-type: text/plain", "content-length: " .. #body },
                     body = body })
  else
    local hs = {}
    for _, l in ipairs(ORIGIN.headers) do hs[#hs + 1] = l end
    tx:to_response({ status = ORIGIN.status, headers = hs, body = ORIGIN.body })
  end
  for _, a in ipairs(ex.res_actions or {}) do
    local r = tx:run("http-res", a)
    if r.reply then return r.reply.status, header_map(r.reply.headers), r.reply.body end
  end
  res = tx:response()
  return res.status, header_map(res.headers), res.body
end

-- The golden transcript of an example for one HAProxy version: golden.txt
-- is 2.6 (Debian's), golden-<version>.txt the others (spec/golden/README).
X.VERSIONS = { "2.6", "2.8", "3.0", "3.2" }
function X.golden_path(ex, version)
  local suffix = (version == nil or version == "2.6") and "" or ("-" .. version)
  return "examples/core-" .. ex.name .. "/golden" .. suffix .. ".txt"
end

-- The example's requests through the harness `h`, checked against the
-- golden blocks of one version. Status 0 is a request that version never
-- answered (curl gave up): the harness must fail it, saying so.
function X.check(h, ex, port, golden)
  local assert = require "luassert"
  for i, req in ipairs(ex.requests) do
    local g = golden[i]
    local ok, status, hdrs, body = pcall(X.through_harness, h, ex, port, req)
    if g.status == 0 then
      assert.is_false(ok, g.head .. ": the harness answered where HAProxy never did")
      assert.matches("never returns", tostring(status), 1, true)
    else
      assert(ok, status)
      assert.equal(g.status, status, g.head)
      assert.equal(g.body, body, g.head)
      local mine = {}
      for k, v in pairs(hdrs) do if k ~= "date" then mine[k] = v end end
      assert.same(normalise(g.headers), normalise(mine), g.head)
    end
  end
end

-- Parse a golden file back into blocks { head, status, headers map, body }.
function X.read_golden(ex, version)
  local f = io.open(X.golden_path(ex, version), "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  local out, pos = {}, 1
  while pos <= #text do
    local head, status, hdrs, len, stop = text:match("^### ([^\n]*)\n(%d+)\n(.-)%-%- body (%d+) bytes\n()", pos)
    assert(head, "bad golden file " .. X.golden_path(ex, version))
    local body = text:sub(stop, stop + tonumber(len) - 1)
    pos = stop + tonumber(len) + 1
    local map = {}
    for l in hdrs:gmatch("([^\n]*)\n") do
      local k, v = l:match("^([^:]+): (.*)$")
      if k then map[k] = v end
    end
    out[#out + 1] = { head = head, status = tonumber(status), headers = map, body = body }
  end
  return out
end

return X
