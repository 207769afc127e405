-- Server events of HAProxy 2.8+ (SERVER_ADMIN, SERVER_DOWN, SERVER_UP,
-- SERVER_STATE, SERVER_CHECK, SERVER_ADD, SERVER_DEL; 3.0+ SERVER_INETADDR
-- from classes/server_addr.lua): a Server method, a health check result
-- (h:health_check) or a CLI command (add/del/enable/disable server, set
-- server addr) that changes a server publishes them, and the
-- subscriptions of core.event_sub / Server:event_sub get (event, data, sub,
-- when) later, in a task, one event after the other, the server's own
-- subscriptions first (live 2.8.0, 3.0.0, 3.2.0; what each
-- state change publishes is in docs/versions.md, "Server events").

local SE = {}

local ADMIN_FLAGS = { "MAINT", "FMAINT", "IMAINT", "RMAINT", "CMAINT", "DRAIN", "FDRAIN", "IDRAIN" }

-- The admin matrix of the flags the harness keeps (classes/proxy.lua:
-- FMAINT forced maintenance, CMAINT the configuration's `disabled`, FDRAIN
-- forced drain); MAINT and DRAIN are what they amount to.
local function admin_matrix(f)
  local m = {}
  for _, k in ipairs(ADMIN_FLAGS) do m[k] = false end
  m.FMAINT, m.CMAINT, m.FDRAIN = f.FMAINT == true, f.CMAINT == true, f.FDRAIN == true
  m.MAINT, m.DRAIN = m.FMAINT, m.FDRAIN
  return m
end

-- The operational state: maintenance stops a server; otherwise what its
-- check (or a check_force_* on it) says. Drain leaves it running.
local function op_state(d)
  if d.admin == "maint" then return "STOPPED" end
  local w
  if d.check == true then w = "UP"
  elseif d.check then w = tostring(d.check):match("^%S*")
  elseif d.down then w = "DOWN"
  else w = d.forced or "UP" end
  if w == "DOWN" then return "STOPPED" end
  if w == "NOLB" then return "STOPPING" end
  return "RUNNING"
end

function SE.snapshot(d, flags)
  local f = flags or {}
  return { flags = { FMAINT = f.FMAINT, CMAINT = f.CMAINT, FDRAIN = f.FDRAIN }, op = op_state(d) }
end

local function same_flags(a, b)
  return (a.FMAINT or false) == (b.FMAINT or false) and (a.CMAINT or false) == (b.CMAINT or false)
    and (a.FDRAIN or false) == (b.FDRAIN or false)
end

-- The events one change publishes, in HAProxy's order: the admin change,
-- then DOWN or UP and STATE if the operational state moved. A change made
-- by a health check carries its check table and an empty cause; one made
-- by check_force_* says "changed from Lua script". (A Server method that
-- touches two flags is two changes: classes/proxy.lua.)
function SE.diff(before, after, check)
  local evs = {}
  local via_admin = not same_flags(before.flags, after.flags)
  if via_admin then
    evs[#evs + 1] = { "SERVER_ADMIN", admin = { cause = "", old_admin = admin_matrix(before.flags),
                                              new_admin = admin_matrix(after.flags), requeued = 0 } }
  end
  if before.op ~= after.op then
    if after.op == "STOPPED" then evs[#evs + 1] = { "SERVER_DOWN" }
    elseif before.op == "STOPPED" then evs[#evs + 1] = { "SERVER_UP" } end
    evs[#evs + 1] = { "SERVER_STATE", state = { admin = via_admin,
      cause = (via_admin or check) and "" or "changed from Lua script", check = not via_admin and check or nil,
      old_state = before.op, new_state = after.op, requeued = 0 } }
  end
  return evs
end

-- Subscriptions of one runtime: rt.event_subs, core's and each server's.
local function subs(rt)
  local s = rt.event_subs
  if not s then
    s = { core = {}, by_server = setmetatable({}, { __mode = "k" }), queue = {} }
    rt.event_subs = s
  end
  return s
end

-- Record a subscription (state of an EventSub: types list, fn, active).
-- The newest comes first: each event reaches the latest subscription of a
-- list before the earlier ones (live 2.8.0, 3.0.0, 3.2.0).
function SE.subscribe(rt, st, server_desc)
  local s = subs(rt)
  local list = s.core
  if server_desc then
    list = s.by_server[server_desc] or {}
    s.by_server[server_desc] = list
  end
  local types = {}
  for _, t in ipairs(st.types) do types[t] = true end
  st.type_set = types
  table.insert(list, 1, st)
end

local function wants(st, ev)
  return st.active and type(st.fn) == "function" and (st.type_set[ev] or st.type_set.SERVER)
end

-- Events published before the process runs (the body, init functions)
-- wait for the first turn of the script's tasks (live 3.0.0, 3.2.0).
local function deliver(rt, startup)
  if startup then rt.sched:yield() end
  local s = subs(rt)
  while #s.queue > 0 do
    local item = table.remove(s.queue, 1)
    if item.st.active then item.st.fn(item.ev, item.data, item.sub, item.when) end
  end
  s.running = false
end

-- Queue events for the subscriptions: the server's own first, then core's.
-- `server` is the Server object (data.reference; nil once deleted), `d` its
-- description, `evs` { { type, admin = ..., state = ..., check = ... } }.
function SE.emit(rt, server, d, evs)
  local s = rt.event_subs
  if not s or #evs == 0 then return end
  local when = math.floor(rt.sched:now())
  for _, e in ipairs(evs) do
    local ev = e[1]
    for _, list in ipairs({ s.by_server[d] or {}, s.core }) do
      for _, st in ipairs(list) do
        if wants(st, ev) then
          local data = { name = d.name, puid = tonumber(d.puid) or 0, rid = d.rid or 0,
                         proxy_name = d.proxy, proxy_uuid = tonumber(d.proxy_uuid) or 0,
                         reference = server, admin = e.admin, state = e.state, check = e.check }
          s.queue[#s.queue + 1] = { st = st, ev = ev, data = data, sub = st.obj, when = when }
        end
      end
    end
  end
  SE.post(rt)
end

-- Queue one delivery cb(a, b, c) for subscription st (nil: none) and make
-- sure the delivering task runs. Pattern reference events come this way too.
function SE.post(rt, st, a, b, c)
  local s = subs(rt)
  if st then s.queue[#s.queue + 1] = { st = st, ev = a, data = b, sub = c } end
  if #s.queue > 0 and not s.running then
    s.running = true
    rt:start_task(deliver, rt, rt.phase ~= "runtime")
  end
end

-- Publish what `before` -> the server's current state means (`check`: the
-- check table when a health check made the change).
function SE.publish(rt, server, d, before, flags, check)
  if not rt.event_subs then return end
  SE.emit(rt, server, d, SE.diff(before, SE.snapshot(d, flags), check))
end

-- The Server methods that change state, wrapped to publish.
-- (set_maint, set_drain and set_ready publish each flag they change.)
SE.CHANGERS = { "check_force_up", "check_force_down", "check_force_nolb", "check_enable", "check_disable" }

function SE.wrap(rt, method, desc_of, flags_of)
  return function(self, ...)
    local ok, d = pcall(desc_of, self)
    if not ok then return method(self, ...) end -- its own argument error
    local before = SE.snapshot(d, flags_of(d))
    local r = table.pack(method(self, ...))
    SE.publish(rt, self, d, before, flags_of(d))
    return table.unpack(r, 1, r.n)
  end
end

return SE
