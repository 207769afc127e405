-- Builders timed by bench/concat_bench.lua (stock Lua) and
-- bench/haproxy/concat.lua (inside HAProxy). The seed's workload: ROUNDS
-- builds of APPENDS pieces of 10 bytes each.
local M = {}

M.ROUNDS, M.APPENDS = 1000, 1000
local PIECE = "0123456789"

local function best_of(n, f)
  local best = math.huge
  for _ = 1, n do
    local t0 = os.clock()
    f()
    local dt = os.clock() - t0
    if dt < best then best = dt end
  end
  return best
end
M.best_of = best_of

function M.cases(new_builder)
  local R, N, piece = M.ROUNDS, M.APPENDS, PIECE
  local c = {}
  c.proxylua = function()
    for _ = 1, R do
      local b = new_builder()
      for _ = 1, N do b:add(piece) end
      b:dump()
    end
  end
  c.proxylua_reuse = function()
    local b = new_builder()
    for _ = 1, R do
      b:reset()
      for _ = 1, N do b:add(piece) end
      b:dump()
    end
  end
  c.proxylua_variadic10 = function()
    local p = piece
    for _ = 1, R do
      local b = new_builder()
      for _ = 1, N / 10 do b:add(p, p, p, p, p, p, p, p, p, p) end
      b:dump()
    end
  end
  c.table_index = function()
    local concat = table.concat
    for _ = 1, R do
      local t = {}
      for i = 1, N do t[i] = piece end
      concat(t)
    end
  end
  c.table_len = function()
    local concat = table.concat
    for _ = 1, R do
      local t = {}
      for _ = 1, N do t[#t + 1] = piece end
      concat(t)
    end
  end
  c.dotdot = function()
    for _ = 1, R do
      local s = ""
      for _ = 1, N do s = s .. piece end
    end
  end
  -- The floor: one bare C function call from Lua per piece.
  c.c_call_floor = function()
    local len = string.len
    for _ = 1, R do
      for _ = 1, N do len(piece) end
    end
  end
  -- The same call made with method syntax, as b:add(piece) is: a lookup
  -- through the string metatable, then the C call.
  c.c_method_floor = function()
    for _ = 1, R do
      for _ = 1, N do piece:len() end
    end
  end
  return c
end

-- ns per appended piece
function M.ns(seconds)
  return seconds * 1e9 / (M.ROUNDS * M.APPENDS)
end

function M.line(case, ours, base, basename)
  return string.format("%-34s ours %7.1f ns/add, %-14s %7.1f ns/add, ratio %5.2fx",
    case .. ":", M.ns(ours), basename, M.ns(base), base / ours)
end

return M
