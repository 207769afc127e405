-- An echo peer for the stock-Lua benchmarks: a separate process running an
-- echo on proxylua.loop (every connection echoes until the client closes;
-- backlog 4096 so a thousand clients connect at once), bounded by
-- timeout(1), stopped by pid.
--   local peer = require("bench.echo_peer").start("lua5.3")
--   peer.addr ("127.0.0.1:<port>"), peer.host, peer.port; peer:stop()
local ls = require "socket"

local ECHO = [[
local loop = require "proxylua.loop"
local socket = require "proxylua.socket"
local l = loop.new()
local lfd, addr = socket._listen("127.0.0.1:0", 4096)
local f = io.open(arg[1] .. ".tmp", "w"); f:write(addr); f:close()
os.rename(arg[1] .. ".tmp", arg[1])
l:spawn(function()
  while true do
    local fd = socket._accept(lfd)
    if fd then
      l:spawn(function()
        while true do
          local d, err = loop._read(fd)
          if d == "" then break end
          if d then
            local off = 1
            while off <= #d do
              local n, werr = loop._write(fd, off == 1 and d or d:sub(off))
              if n then off = off + n
              elseif werr == "Resource temporarily unavailable" then l:wait(fd, "w")
              else off = #d + 1 end
            end
          elseif err == "Resource temporarily unavailable" then l:wait(fd, "r")
          else break end
        end
        loop._close(fd)
      end)
    else
      l:wait(lfd, "r")
    end
  end
end)
l:run(300)
]]

local M = {}

function M.start(lua)
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. dir))
  local ef = assert(io.open(dir .. "/echo.lua", "w"))
  ef:write(ECHO)
  ef:close()
  local p = assert(io.popen("timeout 300 " .. lua .. " " .. dir .. "/echo.lua " .. dir .. "/addr"
    .. " >/dev/null 2>&1 & echo $!"))
  local pid = tonumber(p:read("*l"))
  p:close()
  local addr
  for _ = 1, 200 do
    local af = io.open(dir .. "/addr")
    if af then addr = af:read("*a"); af:close() end
    if addr and addr ~= "" then break end
    ls.sleep(0.02)
  end
  assert(addr and addr ~= "", "echo peer did not start")
  local host, port = addr:match("^(.*):(%d+)$")
  return { addr = addr, host = host, port = tonumber(port), stop = function()
    os.execute("kill " .. pid .. " 2>/dev/null")
    os.execute("rm -rf " .. dir)
  end }
end

return M
