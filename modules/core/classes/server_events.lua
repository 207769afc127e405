-- Server events of HAProxy 2.8+ (SERVER_ADMIN, SERVER_DOWN, SERVER_UP,
-- SERVER_STATE): a Server method that changes the server's state publishes
-- them, and the subscriptions of core.event_sub / Server:event_sub get
-- (event, data, sub, when) later, in a task, one event after the other, the
-- server's own subscriptions first (live 2.8.0, 3.0.0, 3.2.0; what each
-- state change publishes is in docs/versions.md, "Server events").

local SE = {}

local ADMIN_FLAGS = { "MAINT", "FMAINT", "IMAINT", "RMAINT", "CMAINT", "DRAIN", "FDRAIN", "IDRAIN" }

-- The admin flags a Lua call can set: set_maint forces MAINT, set_drain DRAIN.
local function admin_matrix(admin, extra)
  local m = {}
  for _, f in ipairs(ADMIN_FLAGS) do m[f] = false end
  local function set(a)
    if a == "maint" then m.MAINT, m.FMAINT = true, true end
    if a == "drain" then m.DRAIN, m.FDRAIN = true, true end
  end
  set(admin)
  set(extra)
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

function SE.snapshot(d) return { admin = d.admin, op = op_state(d) } end

-- The events one change publishes, in HAProxy's order: the admin change,
-- then DOWN or UP and STATE if the operational state moved; entering
-- maintenance from drain sets MAINT first and drops DRAIN after.
function SE.diff(before, after)
  local evs = {}
  local via_admin = before.admin ~= after.admin
  local from_drain = via_admin and before.admin == "drain" and after.admin == "maint"
  if via_admin then
    local new = from_drain and admin_matrix("drain", "maint") or admin_matrix(after.admin)
    evs[#evs + 1] = { "SERVER_ADMIN", admin = { cause = "", old_admin = admin_matrix(before.admin),
                                              new_admin = new, requeued = 0 } }
  end
  if before.op ~= after.op then
    if after.op == "STOPPED" then evs[#evs + 1] = { "SERVER_DOWN" }
    elseif before.op == "STOPPED" then evs[#evs + 1] = { "SERVER_UP" } end
    evs[#evs + 1] = { "SERVER_STATE", state = { admin = via_admin,
      cause = via_admin and "" or "changed from Lua script",
      old_state = before.op, new_state = after.op, requeued = 0 } }
  end
  if from_drain then
    evs[#evs + 1] = { "SERVER_ADMIN", admin = { cause = "", old_admin = admin_matrix("drain", "maint"),
                                              new_admin = admin_matrix("maint"), requeued = 0 } }
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
  list[#list + 1] = st
end

local function wants(st, ev)
  return st.active and type(st.fn) == "function" and (st.type_set[ev] or st.type_set.SERVER)
end

local function deliver(rt)
  local s = subs(rt)
  while #s.queue > 0 do
    local item = table.remove(s.queue, 1)
    if item.st.active then item.st.fn(item.ev, item.data, item.sub, item.when) end
  end
  s.running = false
end

-- Publish what `before` -> the server's current state means. `server` is
-- the Server object (data.reference), `d` its description.
function SE.publish(rt, server, d, before)
  local s = rt.event_subs
  if not s then return end
  local evs = SE.diff(before, SE.snapshot(d))
  if #evs == 0 then return end
  local when = math.floor(rt.sched:now())
  for _, e in ipairs(evs) do
    local ev = e[1]
    for _, list in ipairs({ s.by_server[d] or {}, s.core }) do
      for _, st in ipairs(list) do
        if wants(st, ev) then
          local data = { name = d.name, puid = tonumber(d.puid) or 0, rid = 0,
                         proxy_name = d.proxy, proxy_uuid = tonumber(d.proxy_uuid) or 0,
                         reference = server, admin = e.admin, state = e.state }
          s.queue[#s.queue + 1] = { st = st, ev = ev, data = data, sub = st.obj, when = when }
        end
      end
    end
  end
  if #s.queue > 0 and not s.running then
    s.running = true
    rt:start_task(deliver, rt)
  end
end

-- The Server methods that change state, wrapped to publish.
SE.CHANGERS = { "set_maint", "set_drain", "set_ready", "check_force_up", "check_force_down",
                "check_force_nolb", "check_enable", "check_disable" }

function SE.wrap(rt, method, desc_of)
  return function(self, ...)
    local ok, d = pcall(desc_of, self)
    if not ok then return method(self, ...) end -- its own argument error
    local before = SE.snapshot(d)
    local r = table.pack(method(self, ...))
    SE.publish(rt, self, d, before)
    return table.unpack(r, 1, r.n)
  end
end

return SE
