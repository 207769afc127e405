-- HTTP messages of an emulated stream: start line, headers as HAProxy's HTX
-- keeps them (lower-case names, one entry per line, order kept), body.
--   req = { method, uri, version = "1.1", headers = { {name, value}... }, body }
--   res = { status, reason, version, headers, body }
local fmt = require "proxylua.core.base.formats"

local msg = {}

local slower, sfind, ssub = string.lower, string.find, string.sub

-- Build a message's header list from a description: a list of "Name: value"
-- strings or {name, value} pairs (repeats and order kept), or a map
-- name -> value | list of values.
function msg.headers(desc)
  local out = {}
  if desc == nil then return out end
  if desc[1] ~= nil then
    for _, h in ipairs(desc) do
      if type(h) == "string" then
        local n, v = h:match("^([^:]+):%s*(.-)%s*$")
        out[#out + 1] = { slower(n), v }
      else
        out[#out + 1] = { slower(h[1]), tostring(h[2]) }
      end
    end
    return out
  end
  local names = {}
  for n in pairs(desc) do names[#names + 1] = n end
  table.sort(names)
  for _, n in ipairs(names) do
    local v = desc[n]
    if type(v) == "table" then
      for _, x in ipairs(v) do out[#out + 1] = { slower(n), tostring(x) } end
    else
      out[#out + 1] = { slower(n), tostring(v) }
    end
  end
  return out
end

-- Full values (one per header line) of `name`, in order.
function msg.get(m, name)
  name = slower(name)
  local out = {}
  for _, h in ipairs(m.headers) do
    if h[1] == name then out[#out + 1] = h[2] end
  end
  return out
end

-- One header value's comma-separated parts as they stand in the line
-- (blanks kept): commas inside double quotes, and a backslash-escaped
-- character inside them, do not split (HAProxy's header value scanner).
function msg.segments(v)
  if not sfind(v, '[,"]') then return { v } end -- the common case: one value
  local out, start, inq, i = {}, 1, false, 1
  local n = #v
  while i <= n do
    local c = ssub(v, i, i)
    if c == '"' then
      inq = not inq
    elseif c == "\\" and inq then
      i = i + 1
    elseif c == "," and not inq then
      out[#out + 1] = ssub(v, start, i - 1)
      start = i + 1
    end
    i = i + 1
  end
  out[#out + 1] = ssub(v, start)
  return out
end

local function trim(v) return (v:match("^[ \t]*(.-)[ \t]*$")) end

-- Split one header value on commas outside double quotes, trimming blanks
-- (what HAProxy's hdr()/hdr_cnt() see).
function msg.split(v)
  local out = msg.segments(v)
  for i = 1, #out do out[i] = trim(out[i]) end
  return out
end

-- The one header rewrite behind HTTP:req_rep_header/rep_value (and res_) and
-- HTTPMessage:rep_header/rep_value, as HAProxy 2.6 sends both through one
-- function: in every `name` line, a value the regex rx matches is replaced
-- by repl with \0..\9 expanded (not the match alone: the whole value).
-- per_value: each comma-separated value (as msg.segments cuts them) on its
-- own; a replaced value loses the blanks around it, the others keep theirs
-- (docs/core-internals.md#header-rewrites). Otherwise the whole line value.
function msg.replace(m, name, rx, repl, per_value)
  name = slower(name)
  for _, h in ipairs(m.headers) do
    if h[1] == name then
      if per_value then
        local segs = msg.segments(h[2])
        for i, seg in ipairs(segs) do
          local val = trim(seg)
          local pos = { rx:find(val) }
          if pos[1] then segs[i] = fmt.expand(val, pos, repl) end
        end
        h[2] = table.concat(segs, ",")
      else
        local pos = { rx:find(h[2]) }
        if pos[1] then h[2] = fmt.expand(h[2], pos, repl) end
      end
    end
  end
end

function msg.values(m, name)
  local out = {}
  for _, v in ipairs(msg.get(m, name)) do
    for _, x in ipairs(msg.split(v)) do out[#out + 1] = x end
  end
  return out
end

-- HAProxy's occurrence rule: >0 from the first, <0 from the last, 0 = last
-- for hdr/fhdr fetches (default -1).
function msg.pick(list, occ)
  occ = occ or -1
  if occ == 0 then occ = -1 end
  if occ > 0 then return list[occ] end
  return list[#list + 1 + occ]
end

function msg.add(m, name, value)
  m.headers[#m.headers + 1] = { slower(name), value }
end

function msg.del(m, name)
  name = slower(name)
  local out = {}
  for _, h in ipairs(m.headers) do
    if h[1] ~= name then out[#out + 1] = h end
  end
  m.headers = out
end

function msg.set(m, name, value)
  msg.del(m, name)
  msg.add(m, name, value)
end

-- HAProxy's header table (docs/haproxy-runtime.md §3.8): lower-case name ->
-- 0-based list.
function msg.table(m)
  local t = {}
  for _, h in ipairs(m.headers) do
    local l = t[h[1]]
    if not l then
      t[h[1]] = { [0] = h[2] }
    else
      l[#l + 1] = h[2]
    end
  end
  return t
end

-- Path and query of a request target. Absolute URIs keep only their path;
-- nil path for "*" or an authority with no path.
function msg.split_uri(uri)
  local path, q = uri, nil
  local qpos = sfind(uri, "?", 1, true)
  if qpos then path, q = ssub(uri, 1, qpos - 1), ssub(uri, qpos + 1) end
  if path:match("^%a[%w+.-]*://") then
    local p = path:match("^%a[%w+.-]*://[^/]*(/.*)$")
    path = p
  elseif path == "*" then
    path = nil
  end
  return path, q
end

function msg.rebuild_uri(m, path, q)
  local scheme_auth = m.uri:match("^(%a[%w+.-]*://[^/?]*)") or ""
  m.uri = scheme_auth .. (path or "") .. (q and ("?" .. q) or "")
end

-- Standard reason phrases (HAProxy's http_get_reason()).
local REASONS = {
  [100] = "Continue", [101] = "Switching Protocols", [102] = "Processing", [103] = "Early Hints",
  [200] = "OK", [201] = "Created", [202] = "Accepted", [203] = "Non-Authoritative Information",
  [204] = "No Content", [205] = "Reset Content", [206] = "Partial Content",
  [207] = "Multi-Status", [208] = "Already Reported", [226] = "IM Used",
  [300] = "Multiple Choices", [301] = "Moved Permanently", [302] = "Found",
  [303] = "See Other", [304] = "Not Modified", [305] = "Use Proxy",
  [307] = "Temporary Redirect", [308] = "Permanent Redirect",
  [400] = "Bad Request", [401] = "Unauthorized", [402] = "Payment Required",
  [403] = "Forbidden", [404] = "Not Found", [405] = "Method Not Allowed",
  [406] = "Not Acceptable", [407] = "Proxy Authentication Required",
  [408] = "Request Timeout", [409] = "Conflict", [410] = "Gone", [411] = "Length Required",
  [412] = "Precondition Failed", [413] = "Payload Too Large", [414] = "URI Too Long",
  [415] = "Unsupported Media Type", [416] = "Range Not Satisfiable",
  [417] = "Expectation Failed", [418] = "I'm a teapot", [421] = "Misdirected Request",
  [422] = "Unprocessable Entity", [423] = "Locked", [424] = "Failed Dependency",
  [425] = "Too Early", [426] = "Upgrade Required", [428] = "Precondition Required",
  [429] = "Too Many Requests", [431] = "Request Header Fields Too Large",
  [451] = "Unavailable For Legal Reasons",
  [500] = "Internal Server Error", [501] = "Not Implemented", [502] = "Bad Gateway",
  [503] = "Service Unavailable", [504] = "Gateway Timeout",
  [505] = "HTTP Version Not Supported", [506] = "Variant Also Negotiates",
  [507] = "Insufficient Storage", [508] = "Loop Detected", [510] = "Not Extended",
  [511] = "Network Authentication Required",
}

function msg.reason(code)
  local r = REASONS[code]
  if r then return r end
  if code >= 100 and code < 200 then return "Informational" end
  if code >= 200 and code < 300 then return "Success" end
  if code >= 300 and code < 400 then return "Redirection" end
  if code >= 400 and code < 500 then return "Client Error" end
  if code >= 500 and code < 600 then return "Server Error" end
  return "Other"
end

-- Cookie values named `name` in a list of Cookie header lines.
function msg.cookies(lines, name)
  local out = {}
  for _, line in ipairs(lines) do
    for pair in (line .. ";"):gmatch("([^;]*);") do
      local k, v = pair:match("^%s*([^=]-)%s*=%s*(.-)%s*$")
      if k and (name == nil or k == name) then out[#out + 1] = v end
    end
  end
  return out
end

return msg
