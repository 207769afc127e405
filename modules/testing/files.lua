-- The files a script opens, as HAProxy's process would find them: after
-- `chroot <dir>` (applied once the configuration is parsed: the lua-load
-- body and init functions still see the real tree, actions, tasks and the
-- rest see <dir> as "/", relative paths from its root) and through
-- opts.path_map, which lets a spec stand a directory of its own for a path
-- the configuration names (/etc/haproxy/ on a production host).
local F = {}

local function prefixes_of(map)
  local list = {}
  for p in pairs(map or {}) do list[#list + 1] = p end
  table.sort(list, function(a, b) return #a > #b end) -- longest prefix first
  return list
end

--[[ F.resolver(opts) -> resolve(path, runtime) -> path, or nil when there is
nothing to change. opts.chroot: directory; opts.path_map: { [prefix] =
replacement } applied to the path HAProxy would open (after chroot). ]]
function F.resolver(opts)
  local chroot, map = opts.chroot, opts.path_map
  if not chroot and not map then return nil end
  local prefixes = prefixes_of(map)
  return function(path, runtime)
    if type(path) ~= "string" then return path end
    if runtime and chroot then
      path = chroot:gsub("/+$", "") .. (path:sub(1, 1) == "/" and "" or "/") .. path
    end
    for _, p in ipairs(prefixes) do
      if path:sub(1, #p) == p then return map[p] .. path:sub(#p + 1) end
    end
    return path
  end
end

-- Error texts name the path the script gave, not the one opened.
local function renamed(orig, real, ok, err, ...)
  if ok == nil and type(err) == "string" and real ~= orig then
    local s, e = err:find(real, 1, true)
    if s then err = err:sub(1, s - 1) .. orig .. err:sub(e + 1) end
  end
  return ok, err, ...
end

--[[ F.install(rt, G, resolve, hooks): the script's io.open, io.lines,
io.input, io.output, os.remove, os.rename, loadfile, dofile and require
(hooks.searchpath) open through resolve; so does Map.new (rt.resolve_file). ]]
function F.install(rt, G, resolve, hooks)
  local function r(p) return resolve(p, rt.phase == "runtime") end
  rt.resolve_file = r
  local io_, os_ = G.io, G.os
  local open, lines, input, output = io_.open, io_.lines, io_.input, io_.output
  io_.open = function(path, ...)
    local real = r(path)
    return renamed(path, real, open(real, ...))
  end
  io_.lines = function(path, ...)
    if path == nil then return lines() end
    return lines(r(path), ...)
  end
  io_.input = function(x)
    if type(x) == "string" then x = r(x) end
    return input(x)
  end
  io_.output = function(x)
    if type(x) == "string" then x = r(x) end
    return output(x)
  end
  local remove, rename = os_.remove, os_.rename
  os_.remove = function(path)
    local real = r(path)
    return renamed(path, real, remove(real))
  end
  os_.rename = function(a, b) return rename(r(a), r(b)) end
  local loadfile_, dofile_ = G.loadfile, G.dofile
  G.loadfile = function(path, ...)
    if path == nil then return loadfile_(path, ...) end
    local real = r(path)
    return renamed(path, real, loadfile_(real, ...))
  end
  G.dofile = function(path)
    if path == nil then return dofile_() end
    return dofile_(r(path))
  end
  hooks.searchpath = function(name, path, ...)
    local list = {}
    for tpl in path:gmatch("[^;]+") do list[#list + 1] = r(tpl) end
    return package.searchpath(name, table.concat(list, ";"), ...)
  end
end

return F
