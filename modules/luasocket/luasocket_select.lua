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
local type, tonumber, error, pairs, ipairs = type, tonumber, error, pairs, ipairs
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

-- One list (recvt or sendt) into entries { obj, fd } to poll, and the
-- objects that are ready without polling (buffered data, end of stream,
-- a dead connection). probe(o) is luasocket.lua's view of its own objects.
local function collect(t, argn, probe, setsize, descriptor, polled, now, byfd)
  if t == nil then return end
  if type(t) ~= "table" then argerror(argn, "table expected, got " .. type(t)) end
  local reading = argn == 1
  local i = 1
  while true do
    local o = t[i]
    if o == nil then break end
    local ours, tp, buffered, eof, dead = probe(o)
    local fd, ready = nil, false
    if ours then
      if tp then                      -- else closed by the program: ignored
        local f, cbuf, ceof = descriptor(tp)
        if dead or f == nil then
          ready = true                -- its next call reports how it ended
        elseif reading and (buffered + cbuf > 0 or eof or ceof) then
          ready = true
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
      polled[#polled + 1] = fd
      byfd[fd] = o
    end
    i = i + 1
  end
end

-- ascending, each descriptor once, without those already reported
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

-- select(recvt, sendt, timeout) for the stock runtime. probe: see collect;
-- setsize: _SETSIZE.
function SEL.select(rt, probe, setsize, recvt, sendt, timeout)
  local tmo = -1
  if timeout ~= nil then
    tmo = tonumber(timeout)
    if not tmo then argerror(3, "number expected, got " .. type(timeout)) end
  end
  local descriptor = require("proxylua.socket").descriptor
  local rpoll, rnow, wpoll, wnow, byfd = {}, {}, {}, {}, {}
  collect(recvt, 1, probe, setsize, descriptor, rpoll, rnow, byfd)
  collect(sendt, 2, probe, setsize, descriptor, wpoll, wnow, byfd)
  -- a socket reported without polling is not polled for reading (LuaSocket
  -- takes a dirty socket out of the read set)
  local skip = {}
  for _, o in ipairs(rnow) do
    local ours, tp = probe(o)
    local fd = ours and tp and descriptor(tp)
    if fd then skip[fd] = true end
  end
  local rfds, wfds = unique(rpoll, skip), unique(wpoll, {})
  if #rnow > 0 or #wnow > 0 then tmo = 0 end
  local l = rt:loop()
  local ri, wi
  if tmo == 0 then
    ri, wi = l:select(rfds, wfds, 0)
  else
    ri, wi = rt:run(l.select, l, rfds, wfds, tmo >= 0 and tmo or nil)
  end
  if ri == nil and wi ~= "timeout" then error("select failed", 0) end
  local r, w = {}, {}
  for _, o in ipairs(rnow) do
    local n = #r + 1
    r[n], r[o] = o, n + 0.0           -- LuaSocket lists a dirty socket each time it meets it
  end
  for _, o in ipairs(wnow) do add(w, o) end
  if ri then
    for _, k in ipairs(ri) do add(r, byfd[rfds[k]]) end
    for _, k in ipairs(wi) do add(w, byfd[wfds[k]]) end
  end
  if #r == 0 and #w == 0 then return r, w, "timeout" end
  return r, w
end

return SEL
