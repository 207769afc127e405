-- LuaSocket's skip and exception helpers for proxylua.luasocket: an error
-- raised by try is a table that protect turns back into nil, err. Plain
-- Lua, so a protected function may yield (pcall is yieldable since 5.2).
local select, error, pcall, setmetatable, getmetatable = select, error, pcall, setmetatable, getmetatable

return function(M)
  function M.skip(d, ...)
    return select(d + 1, ...)
  end

  local EXC = {}

  function M.newtry(finalizer)
    return function(...)
      if not (...) then
        if finalizer then pcall(finalizer) end
        error(setmetatable({ (select(2, ...)) }, EXC), 0)
      end
      return ...
    end
  end
  M.try = M.newtry()

  local function unwrap(ok, ...)
    if ok then return ... end
    local e = ...
    if getmetatable(e) == EXC then return nil, e[1] end
    error(e, 0)
  end

  function M.protect(f)
    return function(...) return unwrap(pcall(f, ...)) end
  end
end
