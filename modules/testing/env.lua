-- The globals of one emulated Lua state, as a lua-load script gets them:
-- the standard library (each library table a copy), its own package table
-- and a require, load, loadfile and dofile over it, so two loads share
-- nothing but C modules. Part of the harness (proxylua.testing).
local U = require "proxylua.core.base.util"

local ENV = {}

-- Debian's HAProxy 2.6 (Lua 5.3) package paths, for opts.haproxy_paths.
ENV.HAPROXY_PATH = "/usr/local/share/lua/5.3/?.lua;/usr/local/share/lua/5.3/?/init.lua;"
  .. "/usr/local/lib/lua/5.3/?.lua;/usr/local/lib/lua/5.3/?/init.lua;/usr/share/lua/5.3/?.lua;"
  .. "/usr/share/lua/5.3/?/init.lua;./?.lua;./?/init.lua"
ENV.HAPROXY_CPATH = "/usr/local/lib/lua/5.3/?.so;/usr/lib/x86_64-linux-gnu/lua/5.3/?.so;"
  .. "/usr/lib/lua/5.3/?.so;/usr/local/lib/lua/5.3/loadall.so;./?.so"

local STDLIB = { "assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs",
                 "load", "loadfile", "next", "pairs", "pcall", "print", "rawequal", "rawget",
                 "rawlen", "rawset", "select", "setmetatable", "tonumber", "tostring", "type",
                 "xpcall", "_VERSION" }
local LIBS = { "coroutine", "debug", "io", "math", "os", "string", "table", "utf8", "bit32" }

local function prepend(base, list)
  if list == nil then return base end
  if type(list) == "string" then list = { list } end
  -- lua-prepend-path: later lines win, each puts "<s>;" in front
  for _, p in ipairs(list) do base = p .. ";" .. base end
  return base
end

-- ENV.new(opts, haproxy_path, haproxy_cpath) -> the globals table;
-- opts.haproxy_paths starts package.path/cpath from the given HAProxy
-- paths, opts.prepend_path / prepend_cpath play lua-prepend-path lines.
function ENV.new(opts, haproxy_path, haproxy_cpath)
  local env = {}
  for _, k in ipairs(STDLIB) do env[k] = _G[k] end
  for _, k in ipairs(LIBS) do
    if _G[k] ~= nil then env[k] = U.copy(_G[k]) end
  end
  env._G = env
  local pkg = {
    path = prepend(opts.haproxy_paths and haproxy_path or package.path, opts.prepend_path),
    cpath = prepend(opts.haproxy_paths and haproxy_cpath or package.cpath, opts.prepend_cpath),
    config = package.config, preload = {}, loaded = {}, searchpath = package.searchpath,
    loadlib = package.loadlib,
  }
  for _, k in ipairs(LIBS) do pkg.loaded[k] = env[k] end
  pkg.loaded._G = env
  pkg.loaded.package = pkg
  env.package = pkg

  function env.load(chunk, name, mode, e)
    return load(chunk, name, mode, e == nil and env or e)
  end
  function env.loadfile(file, mode, e)
    return loadfile(file, mode, e == nil and env or e)
  end
  function env.dofile(file)
    local f = assert(loadfile(file, "bt", env))
    return f()
  end

  -- require as HAProxy's state has it, over this state's package table.
  function env.require(name)
    name = U.checkstring(1, name, 1)
    local v = pkg.loaded[name]
    if v ~= nil then return v end
    local loader, extra
    if pkg.preload[name] then
      loader, extra = pkg.preload[name], ":preload:"
    else
      local file = package.searchpath(name, pkg.path)
      if file then
        loader = assert(loadfile(file, "bt", env))
        extra = file
      else
        local cfile, err = package.searchpath(name, pkg.cpath)
        if not cfile then
          local base = name:match("^([^.]+)")
          cfile = base and package.searchpath(base, pkg.cpath)
          if not cfile then
            local perr = select(2, package.searchpath(name, pkg.path))
            error("module '" .. name .. "' not found:\n\tno field package.preload['" .. name
              .. "']" .. (perr or "") .. (err or ""), 2)
          end
        end
        local sym = "luaopen_" .. name:gsub("^[^-]*%-", ""):gsub("%.", "_")
        loader = assert(package.loadlib(cfile, sym))
        extra = cfile
      end
    end
    local r = loader(name, extra)
    if r ~= nil then pkg.loaded[name] = r end
    if pkg.loaded[name] == nil then pkg.loaded[name] = true end
    return pkg.loaded[name]
  end
  return env
end

return ENV
