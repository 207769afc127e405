-- install() / uninstall() for proxylua.luasocket: `require "socket"`,
-- "socket.core" and "socket.unix" give the shim for the rest of the Lua
-- state, so that LuaSocket's own Lua modules (socket.http, socket.url,
-- ltn12, mime) and libraries on them (redis-lua) run unchanged over it.
local type, pcall, pairs, ipairs, setmetatable, loadfile = type, pcall, pairs, ipairs, setmetatable, loadfile

local NAMES = { "socket.core", "socket", "socket.unix" }
-- modules that hold the shim once loaded over it: loaded again after uninstall
local OVER = { "socket.http", "socket.url", "socket.headers", "socket.tp", "socket.ftp",
               "socket.smtp", "redis" }

return function(M, rt, env)
  local saved

  -- require "socket.unix" as LuaSocket 3.1 has it: a table with stream(),
  -- also callable as 3.0's was
  M.unix_module = setmetatable({ stream = M.unix }, { __call = function() return M.unix() end })

  function M.install()
    if saved then return M end
    local pkg = env.package
    saved = {}
    for _, n in ipairs(NAMES) do saved[n] = pkg.loaded[n] or false end
    local core = pkg.loaded["socket.core"]
    if type(core) == "table" and core ~= M then rt.real = rt.real or core end
    pkg.loaded["socket.core"] = M
    -- LuaSocket's socket.lua adds connect4/6, bind, choose, sink, source...
    -- to socket.core and returns it: run it over this module, once
    local file = pkg.searchpath and pkg.searchpath("socket", pkg.path)
    if file and not M.sink then
      local chunk = loadfile(file, "bt", env)
      if chunk then pcall(chunk, "socket") end
      -- keep ours: socket.lua's call connect with a family argument
      M.connect4 = function(h, p, la, lp) return M.connect(h, p, la, lp, "inet") end
      M.connect6 = function(h, p, la, lp) return M.connect(h, p, la, lp, "inet6") end
    end
    pkg.loaded["socket"] = M
    pkg.loaded["socket.unix"] = M.unix_module
    return M
  end

  function M.uninstall()
    if not saved then return M end
    local pkg = env.package
    for n, v in pairs(saved) do pkg.loaded[n] = v or nil end
    for _, n in ipairs(OVER) do pkg.loaded[n] = nil end
    saved = nil
    return M
  end
end
