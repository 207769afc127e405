-- The sockets this process holds open, by inode, for descriptor-leak specs.
-- Other descriptors, and sockets that earlier specs' garbage closes
-- meanwhile, never move the count: `base = O.snapshot()` is a set, and
-- O.opened(base) counts the sockets open now that were not then. Both
-- collect first, until the heap stops shrinking, so that only sockets
-- still referenced count.
local O = {}

local pid = assert(io.open("/proc/self/stat")):read("n")

function O.snapshot()
  local before
  repeat
    before = collectgarbage("count")
    collectgarbage(); collectgarbage()
  until collectgarbage("count") >= before
  local set = {}
  local p = assert(io.popen("ls -l /proc/" .. pid .. "/fd"))
  for line in p:lines() do
    local ino = line:match("socket:%[(%d+)%]")
    if ino then set[ino] = true end
  end
  p:close()
  return set
end

function O.opened(base)
  local n = 0
  for ino in pairs(O.snapshot()) do
    if not base[ino] then n = n + 1 end
  end
  return n
end

return O
