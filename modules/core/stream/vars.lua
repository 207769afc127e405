-- HAProxy variables as Lua sees them (docs/haproxy-runtime.md §3.4): scopes
-- proc, sess, txn, req, res, check; values stored as samples;
-- set_var/get_var/unset_var with HAProxy's argument counts and results.
local U = require "proxylua.core.base.util"

local V = {}

local SCOPES = { proc = true, sess = true, txn = true, req = true, res = true, check = true }

-- "scope.name" -> scope, name; nil when HAProxy refuses the name (unknown or
-- upper-case scope, no scope, characters outside [A-Za-z0-9._]).
function V.parse(name)
  local scope, rest = name:match("^(%a+)%.(.+)$")
  if not scope or not SCOPES[scope] then return nil end
  if rest:find("[^%w%._]") then return nil end
  return scope, rest
end

-- The store of a scope for a stream: proc lives in the process, sess in the
-- session, the others in the stream. `dir` is the direction the caller runs
-- in ("req" or "res").
function V.store(stream, scope)
  if scope == "proc" then return stream.rt.process.proc_vars end
  local v = stream.vars
  v[scope] = v[scope] or {}
  return v[scope]
end

function V.get(stream, fullname)
  local scope, name = V.parse(fullname)
  if not scope then return nil end
  if scope == "req" and stream.dir == "res" and stream.req_vars_gone then return nil end
  return V.store(stream, scope)[name]
end

function V.set(stream, fullname, smp, ifexist)
  local scope, name = V.parse(fullname)
  if not scope then return false end
  if scope == "res" and stream.dir ~= "res" then return false end
  local store = V.store(stream, scope)
  if ifexist and scope == "proc" and store[name] == nil
     and not stream.rt.process.declared_proc[name] then
    return false
  end
  store[name] = smp
  return true
end

function V.unset(stream, fullname)
  local scope, name = V.parse(fullname)
  if not scope then return false end
  V.store(stream, scope)[name] = nil
  return true
end

-- Methods shared by TXN, AppletHTTP and AppletTCP; `stream_of(self)` finds
-- the stream after checking self.
function V.methods(methods, stream_of)
  function methods.set_var(...)
    local n = select("#", ...)
    local self, name, value, ifexist = ...
    U.nargs_between(n, 3, 4, "set_var")
    local s = stream_of(self)
    name = U.checkstring(2, name, n)
    return V.set(s, name, U.lua2smp(value), n >= 4 and ifexist and true or false)
  end
  function methods.unset_var(...)
    local n = select("#", ...)
    local self, name = ...
    U.nargs(n, 2, "unset_var")
    local s = stream_of(self)
    name = U.checkstring(2, name, n)
    return V.unset(s, name)
  end
  function methods.get_var(...)
    local n = select("#", ...)
    local self, name = ...
    U.nargs(n, 2, "get_var")
    local s = stream_of(self)
    name = U.checkstring(2, name, n)
    return U.smp2lua(V.get(s, name))
  end
end

return V
