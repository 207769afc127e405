-- proxylua.luasocket's select() under stock Lua (docs/luasocket.md §select):
-- waits until ANY socket of recvt is readable or any of sendt writable, or
-- the timeout, with the loop's l:select on their descriptors. Nothing is
-- read and nothing is closed when the timeout fires. Results and argument
-- errors are those of Debian's LuaSocket 3.1 (select(2) there, checked
-- live): sockets with buffered data first (in recvt's order), then the
-- ready descriptors in ascending order, each list also a set mapping a
-- socket to its position (a float, as LuaSocket's lua_pushnumber gives).
-- Inside HAProxy (and the harness, which emulates it) luasocket.lua keeps
-- its own wait on one socket.
local type, tonumber, error, pairs, ipairs, next, setmetatable =
  type, tonumber, error, pairs, ipairs, next, setmetatable
local sformat = string.format
local floor = math.floor
local tsort = table.sort

local SEL = {}

-- LuaSocket's are C argument errors: no position
local function argerror(n, msg)
  error(sformat("bad argument #%d to 'socket.select' (%s)", n, msg), 0)
end

-- What LuaSocket's getfd() probe does with a value it cannot index.
local INDEXABLE = { table = true, string = true, userdata = true }

-- Bytes select itself buffered (pull below) are, for LuaSocket, still in
-- the kernel: the socket is ready by descriptor, not "dirty", until the
-- program reads some. pulled[o] is the state select left it in.
local pulled = setmetatable({}, { __mode = "k" })

local function mark(buffered, eof) return buffered .. (eof and "e" or "") end

-- One list (recvt or sendt) into descriptors to poll (polled), descriptors
-- ready without polling (forced), and objects ready before any descriptor
-- (now: buffered data, a dead connection). hooks.probe(o) is
-- luasocket.lua's view of its own objects; fd -> object goes to byfd.
local function collect(t, argn, hooks, setsize, descriptor, polled, forced, now, byfd, tps)
  if t == nil then return end
  if type(t) ~= "table" then argerror(argn, "table expected, got " .. type(t)) end
  local reading = argn == 1
  local i = 1
  while true do
    local o = t[i]
    if o == nil then break end
    local ours, tp, buffered, eof, dead = hooks.probe(o)
    local fd, ready, force = nil, false, false
    if ours then
      if tp then                      -- else closed by the program: skipped
        tps[#tps + 1] = tp
        local f, cbuf, ceof = descriptor(tp)
        if dead or f == nil then
          ready = true                -- its next call reports how it ended
        elseif reading and (buffered + cbuf > 0 or eof or ceof) then
          if pulled[o] == mark(buffered + cbuf, eof or ceof) then force = true else ready = true end
        end
        fd = f
      end
    else
      if not INDEXABLE[type(o)] then error("attempt to index a " .. type(o) .. " value", 0) end
      local getfd = o.getfd
      if getfd ~= nil then
        local v = tonumber(getfd(o))
        if v and v >= 0 then
          fd = floor(v)
          if reading and type(o.dirty) == "function" and o:dirty() then ready = true end
        end
      end
    end
    if fd and fd >= setsize then argerror(argn, "descriptor too large for set size") end
    if ready then
      now[#now + 1] = o
    elseif fd then
      if force then forced[fd] = true else polled[#polled + 1] = fd end
      byfd[fd] = o
    end
    i = i + 1
  end
end

-- ascending, each descriptor once, without those in skip
local function unique(fds, skip)
  local seen, out = {}, {}
  for _, fd in pairs(fds) do
    if not seen[fd] and not skip[fd] then seen[fd] = true; out[#out + 1] = fd end
  end
  tsort(out)
  return out
end

local function add(list, o)
  if list[o] == nil then
    local n = #list + 1
    list[n] = o
    list[o] = n + 0.0
  end
end

-- Bring what arrived on our sockets found readable into their buffers (a
-- wait on a readable descriptor returns at once), so that a receive with
-- timeout 0 sees it, as LuaSocket's sees the kernel's buffer.
local function pull_all(hooks, list, limit, descriptor)
  for _, o in ipairs(list) do
    local ours, tp = hooks.probe(o)
    if ours and tp then
      hooks.pull(o, limit)
      local _, tp2, buffered, eof, dead = hooks.probe(o)
      if tp2 and not dead then
        local _, cbuf, ceof = descriptor(tp2)
        pulled[o] = mark(buffered + cbuf, eof or ceof)
      end
    end
  end
end

-- select(recvt, sendt, timeout) for the stock runtime. hooks: probe (see
-- collect) and pull(o, limit) (buffer what a readable socket received);
-- setsize: _SETSIZE.
function SEL.select(rt, hooks, setsize, recvt, sendt, timeout)
  local tmo = -1
  if timeout ~= nil then
    tmo = tonumber(timeout)
    if not tmo then argerror(3, "number expected, got " .. type(timeout)) end
  end
  local descriptor = require("proxylua.socket").descriptor
  local rpoll, rforced, rnow, wpoll, wnow, byfd, tps = {}, {}, {}, {}, {}, {}, {}
  collect(recvt, 1, hooks, setsize, descriptor, rpoll, rforced, rnow, byfd, tps)
  collect(sendt, 2, hooks, setsize, descriptor, wpoll, {}, wnow, byfd, tps)
  -- what is ready without polling is not polled for reading (LuaSocket
  -- takes a dirty socket out of the read set)
  local skip = {}
  for fd in pairs(rforced) do skip[fd] = true end
  for _, o in ipairs(rnow) do
    local ours, tp = hooks.probe(o)
    local fd = ours and tp and descriptor(tp)
    if fd then skip[fd] = true end
  end
  local rfds, wfds = unique(rpoll, skip), unique(wpoll, {})
  if #rnow > 0 or #wnow > 0 or next(rforced) then tmo = 0 end
  local l = rt:loop()
  local t0 = tmo > 0 and l:now()
  local ri, wi
  if tmo == 0 then
    ri, wi = l:select(rfds, wfds, 0)
  else
    ri, wi = rt:run(l.select, l, rfds, wfds, tmo >= 0 and tmo or nil)
  end
  -- a connection closed meanwhile (by another task) kept its descriptor
  -- for this wait: asking closes it now
  for _, tp in ipairs(tps) do descriptor(tp) end
  if ri == nil and wi ~= "timeout" then error("select failed", 0) end
  ri, wi = ri or {}, wi or {}
  local r, w = {}, {}
  for _, o in ipairs(rnow) do
    local n = #r + 1
    r[n], r[o] = o, n + 0.0           -- LuaSocket lists a dirty socket each time it meets it
  end
  for _, o in ipairs(wnow) do add(w, o) end
  -- then the descriptors, ascending, as select(2)'s sets are read
  local rready, got = {}, {}
  for _, k in ipairs(ri) do rready[#rready + 1] = rfds[k]; got[#got + 1] = byfd[rfds[k]] end
  for fd in pairs(rforced) do rready[#rready + 1] = fd end
  tsort(rready)
  for _, fd in ipairs(rready) do add(r, byfd[fd]) end
  for _, k in ipairs(wi) do add(w, byfd[wfds[k]]) end
  if #got > 0 then
    local limit = t0 and math.max(tmo - (l:now() - t0), 0.001) or nil
    rt:run(pull_all, hooks, got, limit, descriptor)
  end
  if #r == 0 and #w == 0 then return r, w, "timeout" end
  return r, w
end

return SEL
