-- A JSON path lookup as HAProxy's json_query converter (over mjson) does it,
-- for json_query and the jwt_*_query converters.
local sformat = string.format

local function skip_ws(s, i)
  return s:find("[^ \t\r\n]", i) or #s + 1
end

local scan_value

local function scan_string(s, i) -- s:sub(i, i) == '"'
  local j = i + 1
  while j <= #s do
    local c = s:sub(j, j)
    if c == "\\" then j = j + 2
    elseif c == '"' then return j
    else j = j + 1 end
  end
  return nil
end

-- Returns kind, first, last of the value starting at i (after blanks).
function scan_value(s, i)
  i = skip_ws(s, i)
  local c = s:sub(i, i)
  if c == '"' then
    local e = scan_string(s, i)
    return e and "string", i, e
  elseif c == "{" or c == "[" then
    local close = c == "{" and "}" or "]"
    local j = skip_ws(s, i + 1)
    if s:sub(j, j) == close then return c == "{" and "object" or "array", i, j end
    while true do
      if c == "{" then
        if s:sub(j, j) ~= '"' then return nil end
        local ke = scan_string(s, j)
        if not ke then return nil end
        j = skip_ws(s, ke + 1)
        if s:sub(j, j) ~= ":" then return nil end
        j = j + 1
      end
      local k, _, e = scan_value(s, j)
      if not k then return nil end
      j = skip_ws(s, e + 1)
      local d = s:sub(j, j)
      if d == close then return c == "{" and "object" or "array", i, j end
      if d ~= "," then return nil end
      j = skip_ws(s, j + 1)
    end
  elseif s:sub(i, i + 3) == "true" then return "true", i, i + 3
  elseif s:sub(i, i + 4) == "false" then return "false", i, i + 4
  elseif s:sub(i, i + 3) == "null" then return "null", i, i + 3
  else
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    if num and #num > 0 then return "number", i, i + #num - 1 end
  end
  return nil
end

-- Find the member `key` (string) or element `idx` (integer) of the
-- container spanning [i, e].
local function child(s, kind, i, key)
  local j = skip_ws(s, i + 1)
  local n = 0
  while true do
    local c = s:sub(j, j)
    if c == "}" or c == "]" or c == "" then return nil end
    local name
    if kind == "object" then
      local ke = scan_string(s, j)
      if not ke then return nil end
      name = s:sub(j + 1, ke - 1)
      j = skip_ws(s, ke + 1) + 1 -- past ':'
    end
    local vk, vi, ve = scan_value(s, j)
    if not vk then return nil end
    if (kind == "object" and name == key) or (kind == "array" and n == key) then
      return vk, vi, ve
    end
    n = n + 1
    j = skip_ws(s, ve + 1)
    if s:sub(j, j) == "," then j = skip_ws(s, j + 1) end
  end
end

local function json_find(s, path)
  if path:sub(1, 1) ~= "$" then return nil end
  local kind, i, e = scan_value(s, 1)
  local p = 2
  while kind and p <= #path do
    local key, np = path:match("^%.([^%.%[]+)()", p)
    if key then
      if kind ~= "object" then return nil end
      kind, i, e = child(s, kind, i, key)
    else
      local idx
      idx, np = path:match("^%[(%d+)%]()", p)
      if not idx or kind ~= "array" then return nil end
      kind, i, e = child(s, kind, i, tonumber(idx))
    end
    p = np
  end
  if not kind then return nil end
  return kind, s:sub(i, e)
end

local ESC = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f", n = "\n", r = "\r", t = "\t" }

-- mjson's unescape: \u00XX becomes that byte; any other \uXXXX fails.
local function unescape(tok)
  local body = tok:sub(2, -2)
  local bad = false
  local out = body:gsub("\\(.)(%x?%x?%x?%x?)", function(c, hex)
    if c == "u" then
      if #hex < 4 or hex:sub(1, 2) ~= "00" then bad = true return "" end
      return string.char(tonumber(hex:sub(3), 16))
    end
    return (ESC[c] or c) .. hex
  end)
  if bad then return nil end
  return out
end

local function json_query(input, path, out_type)
  local kind, tok = json_find(input, path)
  if not kind then return nil end
  if kind == "number" then
    if out_type == "int" then
      return { t = "sint", v = math.tointeger(tonumber(tok:match("^-?%d+"))) }
    end
    return { t = "str", v = sformat("%g", tonumber(tok)) }
  elseif kind == "true" or kind == "false" then
    return { t = "bool", v = kind == "true" }
  elseif kind == "string" then
    local v = unescape(tok)
    return v and { t = "str", v = v }
  end
  return nil -- null, objects and arrays give no sample (live)
end

return { query = json_query }
