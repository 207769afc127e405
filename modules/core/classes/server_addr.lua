-- Server:set_addr(addr [, port]): the message each version answers and
-- when the new address shows (docs/versions.md §6, checked live against
-- 2.6.12, 2.8.0, 3.0.0 and 3.2.0).
--
-- 2.6 and 2.8 change the server at once and describe each part ("no need
-- to change the addr", "IP changed from ... to <the text given>"), always
-- followed by " by 'Lua script'". 3.0 and later describe only a change
-- (addresses as inet_ntop prints them, "nothing changed" otherwise, errors
-- without the " by ...") and apply it later, from a task: until then
-- get_addr() and get_stats() show the old address (in an init function,
-- until the init functions are over). A change also publishes
-- SERVER_INETADDR from 3.0 on, with the usual server fields only (HAProxy
-- hands Lua none of the addresses): the subscriptions get it once the
-- change shows. The CLI's `set server <be>/<srv> addr` takes the same
-- path with "stats socket command" for "Lua script" (rules/cli_server.lua).
local fmt = require "proxylua.core.base.formats"
local V = require "proxylua.core.state.versions"
local E = require "proxylua.core.exec.executor"
local SE = require "proxylua.core.classes.server_events"

local SA = {}
local NOT_INET = "Update for the current server address family is only supported through configuration file"
local NO_MAP = "can't change <port> to port map because it is incompatible with current health check "
  .. "port configuration (use 'port' statement from the 'server' directive"

-- str2ip2 without name resolution: IPv4, IPv6, and "" or "*" for any.
-- Returns the address as inet_ntop prints it.
local function parse_ip(s)
  if s == "" or s == "*" then return "0.0.0.0" end
  local v4 = fmt.parse_v4(s)
  if v4 then return fmt.v4tostr(v4) end
  local v6 = fmt.parse_v6(s)
  if v6 then return fmt.v6tostr(v6) end
  return nil
end

-- The server's address as { ip, port } when it is an IPv4/IPv6 one.
local function current(d)
  local ip, port = tostring(d.addr or ""):match("^(.*):(%d+)$")
  ip = ip and parse_ip(ip)
  if not ip or ip == "" then return nil end
  return { ip = ip, port = tonumber(port), map = d.port_map == true }
end

-- strtol(port, 10) as HAProxy reads it: leading blanks, a sign, digits (the
-- rest ignored); the value kept as a 16-bit port. nil: not a number.
local function parse_port(p)
  local sign, digits = p:match("^[ \t\n\v\f\r]*([+-]?)(%d+)")
  if not digits then return nil end
  local n = tonumber(digits)
  if not n or n > math.maxinteger then return nil end -- ERANGE
  if sign == "-" then n = -n end
  return n & 0xffff, p:sub(1, 1)
end

-- 2.6 / 2.8: applied at once.
local function set_now(d, addr, port, by)
  local new_ip = parse_ip(addr)
  if not new_ip then return "Invalid addr '" .. addr .. "'" .. by end
  local cur = current(d)
  if not cur then return NOT_INET .. by end
  local msg
  if new_ip == cur.ip then msg = "no need to change the addr"
  else
    msg = "IP changed from '" .. cur.ip .. "' to '" .. addr .. "'"
    d.addr = new_ip .. ":" .. cur.port
  end
  if port == nil then return msg .. by end
  msg = msg .. ", "
  local new_port, sign = parse_port(port)
  if not new_port then return msg .. "problem converting port '" .. port .. "' to an int" .. by end
  local mapped = sign == "-" or sign == "+"
  local change
  if mapped and not cur.map then
    if not d.check_port then return msg .. NO_MAP .. "." .. by end
    change = true
  else
    change = cur.port ~= new_port
  end
  if not change then return msg .. "no need to change the port" .. by end
  msg = msg .. "port changed from '" .. (cur.map and "+" or "") .. cur.port .. "' to '"
  if sign == "-" then
    msg = msg .. "-" .. ((-new_port) & 0xffff)
  else
    msg = msg .. (sign == "+" and "+" or "") .. new_port
  end
  d.addr = (d.addr:match("^(.*):%d+$")) .. ":" .. new_port
  d.port_map = mapped or nil
  return msg .. "'" .. by
end

-- Which stretch of execution a change was made in: the running context,
-- or the phase outside one (the body, init functions).
local function stretch(rt)
  return E.current(rt) or rt.phase
end

-- Apply the changes 3.0+ queued for d, in order.
local function apply(d)
  local list = d.addr_pending
  d.addr_pending = nil
  for _, c in ipairs(list or {}) do
    d.addr, d.port_map = c.ip .. ":" .. c.port, c.map or nil
  end
end

-- Make the queued changes show once the stretch that made them is over:
-- HAProxy's task has run by then. Changes made before the tasks started
-- show from the second stretch of a task on (live: a task's first run sees
-- the old address), and in anything else that runs then.
function SA.settle(rt, d)
  local list = d.addr_pending
  if not (list and rt) then return end
  local now = stretch(rt)
  if now == list.by then return end
  if type(list.by) == "string" and (rt.phase ~= "runtime" or (type(now) == "table" and now.kind == "task")) then
    return -- the applying task's own turn comes
  end
  apply(d)
end

-- 3.0+: a change is described, then applied later.
local function set_later(rt, d, addr, port, by, server)
  SA.settle(rt, d)
  local cur = current(d)
  if not cur then return NOT_INET .. "." end
  -- compared with the server as it is: queued changes do not count yet
  local new_ip = parse_ip(addr)
  if not new_ip then return "Invalid addr '" .. addr .. "'" end
  local new = { ip = new_ip, port = cur.port, map = cur.map or false }
  if port ~= nil then
    local n, sign = parse_port(port)
    if not n then return "problem converting port '" .. port .. "' to an int" end
    new.port, new.map = n, sign == "-" or sign == "+"
  end
  local parts = {}
  local ip_change = new.ip ~= cur.ip
  if ip_change then parts[1] = "IP changed from '" .. cur.ip .. "' to '" .. new.ip .. "'" end
  local port_change = false
  if new.map and not cur.map and d.check and not d.check_off and not d.check_port then
    -- refused in words, yet the port goes with an address change (live)
    parts[#parts + 1] = NO_MAP .. ")."
  else
    port_change = new.map ~= (cur.map or false) or new.port ~= cur.port
  end
  if port_change then
    parts[#parts + 1] = "port changed from '" .. (cur.map and "+" or "") .. cur.port .. "' to '"
      .. (new.map and "+" or "") .. new.port .. "'"
  end
  if not (ip_change or port_change) then return "nothing changed" end
  local list = d.addr_pending
  if not list then
    list = { by = stretch(rt) }
    d.addr_pending = list
    local startup = rt.phase ~= "runtime"
    rt:start_task(function()
      if startup then rt.sched:yield() end -- after the first turn of the script's tasks
      apply(d)
    end)
  end
  list[#list + 1] = new
  -- published now, delivered from a task (after the change's own task)
  SE.emit(rt, server, d, { { "SERVER_INETADDR" } })
  return table.concat(parts, ", ") .. by
end

-- `updater`: who asks ("Lua script", "stats socket command"); `server`:
-- the Server object the events carry.
function SA.set_addr(rt, d, addr, port, updater, server)
  local by = " by '" .. (updater or "Lua script") .. "'"
  if rt and V.has(rt, "set_addr_later") then return set_later(rt, d, addr, port, by, server) end
  return set_now(d, addr, port, by)
end

return SA
