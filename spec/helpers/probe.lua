-- The probe runtime the differential specs prepend to scripts that run both
-- inside real HAProxy and under proxylua.testing: T(name, f) records
-- "name=<serialised results>" in `results`. Serialisation is deterministic
-- (sorted keys, typed numbers, no addresses), and positions ("file:line:")
-- are stripped from error texts since chunk names differ between the runs.
return [==[
local results = {}
local function ser(v, depth)
  local t = type(v)
  if t == "string" then return string.format("%q", v) end
  if t == "number" then return math.type(v) .. ":" .. tostring(v) end
  if t == "table" then
    if depth and depth > 2 then return "{...}" end
    local keys = {}
    for k in pairs(v) do keys[#keys + 1] = k end
    table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
    local out = {}
    for _, k in ipairs(keys) do out[#out + 1] = tostring(k) .. "=" .. ser(v[k], (depth or 0) + 1) end
    return "{" .. table.concat(out, ",") .. "}"
  end
  if t == "userdata" then return "userdata" end
  if t == "function" then return "function" end
  return tostring(v)
end
local function T(name, f)
  local r = table.pack(pcall(f))
  local out = {}
  if not r[1] then
    local e = r[2]
    if type(e) == "string" then e = e:gsub("^[^\n]-:%d+: ", "") end
    out[1] = "ERR " .. ser(e)
  else
    for i = 2, r.n do out[#out + 1] = ser(r[i]) end
  end
  results[#results + 1] = name .. "=" .. table.concat(out, " ")
end
]==]
