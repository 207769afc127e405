-- proxylua.socket out of memory at every allocation: under tests/host/pl-lua
-- (an allocator with a limit, as tune.lua.maxmem), make, connect, send and
-- receive (with a NUL-carrying prefix) run with the limit a little higher
-- each round, from nothing spare to plenty. Every failure must be a Lua
-- error, never a crash (the suite also runs under ASan), the data must come
-- back whole once memory suffices, and no descriptor may leak whatever
-- failed where. A unix socket connects at once and the peer's bytes are
-- in the kernel before receive runs, so nothing waits under the limit (a
-- wait would put the loop's own machinery under it too).
local script = [[
  local loop = require "proxylua.loop"
  local socket = require "proxylua.socket"
  local open_sockets = require "spec.helpers.open_sockets"   -- by inode, after collecting
  local snapshot, opened = open_sockets.snapshot, open_sockets.opened
  local base = snapshot()
  local l = loop.new{ virtual = true }
  local path = os.tmpname()
  os.remove(path)
  local lfd = assert(socket._listen("unix@" .. path, 512))
  local addr = "unix@" .. path
  local rounds, good, bad, errs = 0, 0, 0, {}
  -- fn under a limit of `spare` bytes above what is in use now
  local function limited(spare, fn, ...)
    collectgarbage(); collectgarbage()
    maxmem(memused() + spare)
    local ok, x, y, z = pcall(fn, ...)     -- nothing may allocate before
    maxmem(0)                              -- the limit is lifted
    if not ok then errs[tostring(x)] = true end
    return { ok, x, y, z }
  end
  l:spawn(function()
    for spare = 2048, 48 * 1024, 256 do  -- below 2 KiB pcall itself cannot start
      rounds = rounds + 1
      local r = limited(spare, function()
        local s = socket.tcp(l)
        local ok = s:connect(addr)
        return s, ok
      end)
      local s = r[1] and r[2]
      local pfd = socket._accept(lfd)
      if s and r[3] == 1 and pfd then
        loop._write(pfd, "hello\n\0tail")
        local out = limited(spare, function()
          local a = s:send("ping\n")
          local b = s:receive()
          local c = s:receive(7, "p\0")
          return a, b, c
        end)
        if out[1] then
          assert(out[2] == 5 and out[3] == "hello" and out[4] == "p\0\0tail", "wrong data")
          good = good + 1
        else
          bad = bad + 1
          -- what is left is an unbroken tail of the stream: a failed
          -- receive consumed nothing
          loop._close(pfd)
          pfd = nil
          local rest = s:receive("*a") or ""
          local full = "hello\n\0tail"
          assert(full:sub(-#rest) == rest and (#rest == #full or #rest == 5 or #rest == 0),
            "tail " .. #rest)
        end
      end
      if s then s:close() end
      if pfd then loop._close(pfd) end
    end
  end)
  l:run(60)
  local lerrs = l:errors()
  l:close()
  loop._close(lfd)
  os.remove(path)
  local names = {}
  for k in pairs(errs) do names[#names + 1] = k end
  table.sort(names)
  print(#lerrs, rounds, good > 0, bad > 0, table.concat(names, "|"))
  print(opened(base))
]]

local PL = require "spec.helpers.pl_lua"

describe("proxylua.socket out of memory", function()
  it("fails cleanly at every allocation, keeps data whole, leaks no descriptor", function()
    local out, why = PL.run(script)
    if not out then return pending(why) end
    assert.equal("0\t185\ttrue\ttrue\tnot enough memory\n0\n", out)
  end)
end)
