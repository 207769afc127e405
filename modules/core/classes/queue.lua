-- Classes HAProxy 2.8 added for tasks talking to each other and to events:
-- Queue (core.queue(): push, pop, pop_wait, size; alarm from 3.2) and
-- EventSub (what core.event_sub and Server:event_sub return; the server
-- events themselves are classes/server_events.lua).
local U = require "proxylua.core.base.util"
local E = require "proxylua.core.exec.executor"
local V = require "proxylua.core.state.versions"

local select, type = select, type

local Q = {}

-- Event types, each with the version feature that brings it (2.8: the
-- SERVER family); others, or one of a later version, are refused.
Q.EVENT_TYPES = { SERVER = "event_sub", SERVER_ADD = "event_sub", SERVER_DEL = "event_sub",
                  SERVER_DOWN = "event_sub", SERVER_UP = "event_sub", SERVER_STATE = "event_sub",
                  SERVER_ADMIN = "event_sub", SERVER_CHECK = "event_sub", SERVER_INETADDR = "event_inetaddr",
                  PAT_REF = "patref", PAT_REF_ADD = "patref", PAT_REF_DEL = "patref", PAT_REF_SET = "patref",
                  PAT_REF_CLEAR = "patref", PAT_REF_COMMIT = "patref" }

-- The Queue class of one runtime. 2.8 and 3.0 show it as a plain table
-- ("table: 0x..."), 3.2 as "HAProxy class Queue".
function Q.queue_factory(rt)
  local methods = {}
  local mt = U.class("Queue", methods)
  if not V.has(rt, "queue_alarm") then mt.__tostring = nil end

  local function st(self) return U.st(U.checkself(self, mt, 2)) end

  function methods.size(self) return #st(self).items end

  function methods.push(...)
    local self, item = ...
    local s = st(self)
    if select("#", ...) < 2 or item == nil then U.raise("unexpected argument") end
    s.items[#s.items + 1] = item
    for co in pairs(s.alarms) do s.alarms[co] = nil; rt.alarmed[co] = true end
    return true
  end

  function methods.pop(self)
    local s = st(self)
    if #s.items == 0 then return nil end
    return table.remove(s.items, 1)
  end

  function methods.pop_wait(self)
    local s = st(self)
    if not E.current(rt) then U.raise("pop_wait() may only be used within task context "
      .. "(requires yielding)") end
    while #s.items == 0 do rt.sched:sleep(1) end
    return table.remove(s.items, 1)
  end

  if V.has(rt, "queue_alarm") then
    function methods.alarm(self)
      local s = st(self)
      local ctx = E.current(rt)
      if not ctx then U.raise("alarm() may only be used within task context "
        .. "(requires yielding)") end
      s.alarms[coroutine.running()] = true
    end
  end

  U.export(methods)
  return function()
    return U.new(mt, {}, { items = {}, alarms = {} })
  end
end

-- EventSub objects: unsub() cancels. The object is its state's `obj` (the
-- `sub` argument of the callbacks).
function Q.eventsub_factory()
  local methods = {}
  local mt = U.class("EventSub", methods)
  function methods.unsub(self)
    local s = U.st(U.checkself(self, mt, 2))
    s.active = false
  end
  U.export(methods)
  return function(types, fn)
    local st = { types = types, fn = fn, active = true }
    st.obj = U.new(mt, {}, st)
    return st.obj, st
  end
end

-- core.event_sub(types, fn) / Server:event_sub(types, fn) argument checks.
function Q.check_event_types(rt, types)
  if type(types) ~= "table" then U.argerror(1, "table expected", 2) end
  local list = {}
  for _, t in ipairs(types) do
    local since = type(t) == "string" and Q.EVENT_TYPES[t]
    if not (since and V.has(rt, since)) then
      U.argerror(1, string.format("'%s' event type is unknown", tostring(t)), 2)
    end
    list[#list + 1] = t
  end
  if #list == 0 then U.raise("event_sub: no valid event types were provided", 2) end
  return list
end

return Q
