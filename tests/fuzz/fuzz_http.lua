-- Driver of fuzz_http.c: the HTTP pieces the harness (proxylua.testing)
-- parses, on arbitrary bytes. The input is a request description: method,
-- target and header lines ("Name: value"), an empty line, then the body.
-- Header values go through HAProxy's comma splitting; the target through
-- path/query splitting and url_param; cookies and body parameters are
-- parsed too. Returns nil, or what went wrong.
local T = require "proxylua.testing"
local msg = require "proxylua.core.stream.message"
local sformat = string.format

local h = T.load_string([[
core.register_fetches("probe", function(txn, which, arg)
  local f = txn.f
  local v
  if arg then v = f[which](f, arg) else v = f[which](f) end
  return v == nil and "<nil>" or tostring(v)
end)
]])

local FETCHES = {
  { "path" }, { "query" }, { "url" }, { "base" }, { "url_param" }, { "url_param", "a" },
  { "req_hdrs" }, { "req_hdr_cnt" }, { "hdr", "x" }, { "req_fhdr", "x" }, { "hdr_cnt", "x" },
  { "req_cook", "a" }, { "req_cook_cnt" }, { "req_body_param", "a" }, { "req_body_param" },
}

-- commas outside double quotes (a backslash inside quotes escapes)
local function top_commas(v)
  local n, inq, i = 0, false, 1
  while i <= #v do
    local c = v:sub(i, i)
    if c == '"' then inq = not inq
    elseif c == "\\" and inq then i = i + 1
    elseif c == "," and not inq then n = n + 1 end
    i = i + 1
  end
  return n
end

return function(s)
  local head, body = s:match("^(.-)\n\n(.*)$")
  head = head or s
  local lines = {}
  for l in (head .. "\n"):gmatch("([^\n]*)\n") do lines[#lines + 1] = l end
  local method, uri = (lines[1] or ""):match("^(%S*) ?(.*)$")
  if not method or method == "" then method = "GET" end
  if not uri or uri == "" then uri = "/" end
  local headers = {}
  for i = 2, #lines do
    local ok, r = pcall(msg.headers, { lines[i] })
    if ok then
      headers[#headers + 1] = lines[i]
      local hv = r[1][2]
      local parts = msg.split(hv)
      if #parts ~= top_commas(hv) + 1 then
        return sformat("split(%q) gave %d parts", hv, #parts)
      end
    elseif not lines[i]:find("^[^:]+:") and r:find("is not \"Name: value\"", 1, true) then
      -- a line without a name: refused by name (checked: not a crash)
    else
      return sformat("headers{%q}: %s", lines[i], tostring(r))
    end
  end
  local path, q = msg.split_uri(uri)
  if q and not uri:find("?", 1, true) then return "a query without '?'" end
  if path and #path > #uri then return "path longer than the target" end
  msg.cookies(headers, nil)
  local tx = h:transaction({ method = method, uri = uri, headers = headers, body = body })
  for _, f in ipairs(FETCHES) do
    local r = tx:fetch("probe", table.unpack(f))
    if r.error then return sformat("%s(%s): %s", f[1], tostring(f[2]), tostring(r.error)) end
    if type(r.value) ~= "string" then return sformat("%s: a %s", f[1], type(r.value)) end
  end
  return nil
end
