-- HAProxy's own CLI commands on servers, as the stats socket answers them
-- (live 2.6.12, 2.8.0, 3.0.0, 3.2.0; docs/testing.md, "Adding and removing
-- servers"): add server, del server, enable/disable server, set server
-- <be>/<srv> state|addr, enable/disable health. They change the proxies'
-- description and objects and, from 2.8 on, publish SERVER_ADD, SERVER_DEL
-- and the state events. h:cli() falls back to them when no Lua command
-- matches the line.
local P = require "proxylua.core.classes.proxy"
local SA = require "proxylua.core.classes.server_addr"
local SE = require "proxylua.core.classes.server_events"
local U = require "proxylua.core.base.util"
local V = require "proxylua.core.state.versions"

local CS = {}

-- What the client reads: the CLI's own messages end with a blank line from
-- 3.0 on (2.6, 2.8: one newline); what a command reports through its user
-- messages (add server) always does; a command without output sends "\n".
local function say(rt, text) return text .. "\n" .. (V.has(rt, "cli_blank_line") and "\n" or "") end
local function usermsg(text) return text .. "\n\n" end -- (and a few messages that carry their own newline)

local function backend(rt, name)
  local d = (rt.process.proxies or {})[name]
  if not d or (d.cap or "listen") == "frontend" then return nil end
  return d
end

-- The Server object of a server description: the script's, else the one
-- the CLI made (a 2.6 script never sees servers added at runtime).
local function object(rt, d)
  local px = rt.core.backends and rt.core.backends[d.proxy]
  local obj = px and px.servers[d.name]
  if obj and P.sv(obj) == d then return obj end
  return rt.cli_servers and rt.cli_servers[d]
end

-- "<be>/<srv>" -> backend and server descriptions, or the error to print.
-- `blank`: the command's lookup always adds a blank line (enable/disable,
-- set server: live 2.6.12 and 2.8.0 too; del server follows the version).
local function find(rt, arg, blank)
  local function err(text) return nil, nil, blank and usermsg(text) or say(rt, text) end
  local be, name = (arg or ""):match("^([^/]*)/(.*)$")
  if not be or name == "" then return err("Require 'backend/server'.") end
  local bd = backend(rt, be)
  if not bd then return err("No such backend.") end
  local sd = (bd.servers or {})[name]
  if not sd then return err("No such server.") end
  return bd, sd
end

-- "<be>/<srv>" -> its description and Server object, or nil and why.
function CS.lookup(rt, arg)
  local bd, sd = find(rt, arg)
  if not bd then return nil, "no server '" .. tostring(arg) .. "' (expected \"backend/server\")" end
  local obj = object(rt, sd)
  if not obj then return nil, "server '" .. tostring(arg) .. "' has no object yet (h:start() first)" end
  return sd, obj
end

local function next_puid(bd)
  local used = {}
  for _, sd in pairs(bd.servers or {}) do used[tonumber(sd.puid) or 0] = true end
  local id = 1
  while used[id] do id = id + 1 end
  return id
end

-- add server <be>/<name> <addr>[:port] [weight N] [maxconn N] [id N] [backup] [check] [rise N] [fall N]
local function add_server(rt, w)
  local be, name = (w[3] or ""):match("^([^/]*)/(.*)$")
  if not be or name == "" then return say(rt, "Require 'backend/server'.") end
  local bd = backend(rt, be)
  if not bd then return say(rt, "No such backend.") end
  local sd = { addr = w[4], dynamic = true, admin = "maint" } -- a dynamic server starts in maintenance
  sd.admin_flags = { FMAINT = true, from = "maint" }
  local checked
  for i = 5, #w do
    local k, v = w[i], tonumber(w[i + 1])
    if k == "weight" then sd.weight = v
    elseif k == "maxconn" then sd.maxconn = v
    elseif k == "id" then sd.puid = v
    elseif k == "rise" then sd.rise = v
    elseif k == "fall" then sd.fall = v
    elseif k == "backup" then sd.backup = true
    elseif k == "check" then checked = true end
  end
  if (bd.servers or {})[name] then
    return usermsg("Already exists a server with the same name in backend.")
  end
  -- a dynamic server's check waits for `enable health` (paused: health 0)
  if checked then sd.check_off = "DOWN" end
  sd.puid = sd.puid or next_puid(bd)
  local proc = rt.process
  proc.srv_reuse = proc.srv_reuse or 0
  if proc.srv_reuse % 2 == 1 then proc.srv_reuse = proc.srv_reuse + 1 end
  sd.rid = proc.srv_reuse // 2
  bd.servers = bd.servers or {}
  bd.servers[name] = sd
  local px = rt.core.backends[be]
  local obj = P.new_server(bd, name, sd, U.st(px).shared)
  if V.has(rt, "servers_live") then
    require("proxylua.core.classes.proxy_later").convert_server(rt, obj)
    px.servers[name] = obj
  else
    rt.cli_servers = rt.cli_servers or setmetatable({}, { __mode = "k" })
    rt.cli_servers[sd] = obj
  end
  SE.emit(rt, obj, sd, { { "SERVER_ADD" } })
  return usermsg("New server registered.")
end

local function del_server(rt, w)
  local bd, sd, err = find(rt, w[3])
  if not bd then return err end
  local obj = object(rt, sd)
  if not V.has(rt, "servers_live") and not sd.dynamic then
    -- 2.6: a server the script has an object for is pinned (every configured one)
    return say(rt, "This server cannot be removed at runtime due to other configuration elements pointing to it.")
  end
  if sd.admin ~= "maint" then return say(rt, "Only servers in maintenance mode can be deleted.") end
  if (sd.cur or 0) > 0 then return say(rt, "Server still has connections attached to it, cannot remove it.") end
  bd.servers[sd.name] = nil
  local px = rt.core.backends[bd.name]
  if px and px.servers[sd.name] == obj then px.servers[sd.name] = nil end
  rt.process.srv_reuse = (rt.process.srv_reuse or 0) | 1
  SE.emit(rt, nil, sd, { { "SERVER_DEL" } })
  return say(rt, "Server deleted.")
end

-- enable/disable server, set server <be>/<srv> state ...: the Lua methods' steps.
local STATES = { ready = "set_ready", drain = "set_drain", maint = "set_maint" }
local function admin(rt, arg, method)
  local bd, sd, err = find(rt, arg, true)
  if not bd then return err end
  P.server_methods[method](object(rt, sd))
  return "\n"
end

local function health(rt, arg, method)
  local bd, sd, err = find(rt, arg, true)
  if not bd then return err end
  if sd.check == nil and not sd.check_off then
    return usermsg("Health check was not configured on this server, cannot " ..
      (method == "check_enable" and "enable." or "disable."))
  end
  object(rt, sd)[method](object(rt, sd))
  return "\n"
end

-- set server <be>/<srv> addr <addr> [port <port>]: Server:set_addr()'s
-- answer with "stats socket command" as the updater, a blank line after
-- it; a missing "port" value is "" (live, every version).
local function set_addr(rt, w)
  local bd, sd, err = find(rt, w[3], true)
  if not bd then return err end
  if (w[5] or "") == "" then
    return usermsg("set server <b>/<s> addr requires an address and optionally a port.")
  end
  local port = w[6] == "port" and (w[7] or "") or nil
  return usermsg(SA.set_addr(rt, sd, w[5], port, "stats socket command", object(rt, sd)))
end

-- The output of a built-in server command, or nil if the line is not one.
function CS.run(rt, line)
  local w = {}
  for word in line:gmatch("%S+") do w[#w + 1] = word end
  local cmd = (w[1] or "") .. " " .. (w[2] or "")
  if cmd == "add server" or cmd == "del server" or cmd == "enable server" or cmd == "disable server"
    or cmd == "set server" or cmd == "enable health" or cmd == "disable health" then
    if rt.phase == "body" then
      error("proxylua: the CLI answers once the configuration is parsed (h:start())", 3)
    end
  end
  if cmd == "add server" then return add_server(rt, w) end
  if cmd == "del server" then return del_server(rt, w) end
  if cmd == "enable server" then return admin(rt, w[3], "set_ready") end
  if cmd == "disable server" then return admin(rt, w[3], "set_maint") end
  if cmd == "enable health" then return health(rt, w[3], "check_enable") end
  if cmd == "disable health" then return health(rt, w[3], "check_disable") end
  if cmd == "set server" and w[4] == "addr" then return set_addr(rt, w) end
  if cmd == "set server" and w[4] == "state" then
    local m = STATES[w[5] or ""]
    -- (a message that has carried its own newline since 2.6)
    if not m then return usermsg("'set server <srv> state' expects 'ready', 'drain' and 'maint'.") end
    return admin(rt, w[3], m)
  end
  return nil
end

return CS
