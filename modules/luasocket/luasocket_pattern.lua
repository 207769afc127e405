-- Pure functions for LuaSocket's receive patterns (no I/O, no state), kept
-- apart so they can be tested and fuzzed alone (docs/luasocket.md §API).
--
-- LuaSocket 3.1 reads a pattern this way: a number is a byte count (its
-- integer part; a negative count reads nothing), a string that converts to
-- a number is that count, any other string must start with "*l" or "*a"
-- ("*line", "*all" are fine), anything else is "invalid receive pattern".
local P = {}

local type, tonumber, math_floor = type, tonumber, math.floor
local sfind, ssub, sbyte, sgsub = string.find, string.sub, string.byte, string.gsub

-- pattern -> "line" | "all" | "count", n  ; or nil when invalid.
-- n is the byte count (an integer >= 0) for "count".
function P.parse(pattern)
  if pattern == nil then return "line" end
  local t = type(pattern)
  if t == "number" or (t == "string" and tonumber(pattern)) then
    local n = tonumber(pattern)
    if n ~= n then return "count", 0 end            -- NaN: (size_t) NaN is 0 in practice
    if n < 0 then return "count", 0 end
    if n >= 2^53 then n = 2^53 end
    return "count", math_floor(n)
  end
  if t ~= "string" then return nil end
  if sbyte(pattern, 1) == 42 then                    -- '*'
    local c = sbyte(pattern, 2)
    if c == 108 then return "line" end               -- 'l'
    if c == 97 then return "all" end                 -- 'a'
  end
  return nil
end

-- A complete line at position pos of buf: the line without its "\n" and
-- with every "\r" removed (LuaSocket drops all of them), and the position
-- after the "\n". nil when buf holds no "\n" from pos. `from` (>= pos,
-- optional) is where to start looking, when the bytes before it are known
-- to hold no "\n".
function P.line(buf, pos, from)
  local nl = sfind(buf, "\n", from or pos, true)
  if not nl then return nil end
  -- the usual "\r\n" ending is cut off without a gsub
  local e = nl - 1
  if e >= pos and sbyte(buf, e) == 13 then e = e - 1 end
  local line = ssub(buf, pos, e)
  if sfind(line, "\r", 1, true) then line = sgsub(line, "\r", "") end
  return line, nl + 1
end

-- What a partial line looks like when the stream ends or times out: the
-- bytes seen so far, "\r" removed as for a full line.
function P.partial_line(buf, pos)
  local s = ssub(buf, pos)
  if sfind(s, "\r", 1, true) then s = sgsub(s, "\r", "") end
  return s
end

-- How many bytes a count read still needs, given the prefix length:
-- LuaSocket counts the prefix in n; 0 means "return the prefix now",
-- except that receive(0) with no prefix waits for one byte (wait = true).
function P.wanted(n, plen)
  if n > plen then return n - plen, false end
  return 0, plen == 0
end

return P
