-- A fake Redis for the harness's fake-peer option (opts.tcp): parses the
-- RESP commands a client sends and answers the few the demo uses (PING,
-- EVAL of the demo's counting script, GET, SET, DEL), keeping its data in a
-- Lua table. No network at all.
--
--   local F = require "spec.helpers.fake_redis"
--   local fake = F.new()
--   testing.load(script, { tcp = fake:tcp() })   -- fake.connects, fake.commands
local F = {}
local Fake = {}
Fake.__index = Fake

function F.new()
  return setmetatable({ data = {}, connects = 0, commands = {} }, Fake)
end

local function bulk(s)
  if s == nil then return "$-1\r\n" end
  return "$" .. #s .. "\r\n" .. s .. "\r\n"
end

-- One command from the front of `buf`: the argument list and the rest, or
-- nil while the command is incomplete.
local function parse(buf)
  local n, pos = buf:match("^%*(%d+)\r\n()")
  if not n then return nil end
  local args = {}
  for i = 1, tonumber(n) do
    local len, at = buf:match("^%$(%d+)\r\n()", pos)
    if not len or #buf < at + len + 1 then return nil end
    args[i] = buf:sub(at, at + len - 1)
    pos = at + len + 2
  end
  return args, buf:sub(pos)
end

function Fake:answer(args)
  local cmd = args[1]:upper()
  self.commands[#self.commands + 1] = cmd
  if cmd == "PING" then return "+PONG\r\n"
  elseif cmd == "GET" then return bulk(self.data[args[2]])
  elseif cmd == "SET" then self.data[args[2]] = args[3]; return "+OK\r\n"
  elseif cmd == "DEL" then
    local had = self.data[args[2]] ~= nil
    self.data[args[2]] = nil
    return had and ":1\r\n" or ":0\r\n"
  elseif cmd == "EVAL" then
    -- the demo's script: INCR KEYS[1], a new key expires in ARGV[1] s
    local key, window = args[4], tonumber(args[5])
    local n = (tonumber(self.data[key]) or 0) + 1
    self.data[key] = tostring(n)
    return string.format("*2\r\n:%d\r\n:%d\r\n", n, window)
  end
  return "-ERR unknown command '" .. args[1] .. "'\r\n"
end

-- The opts.tcp function: every connection gets its own input buffer.
function Fake:tcp()
  return function()
    self.connects = self.connects + 1
    local buf = ""
    return function(data)
      if not data then return nil end
      buf = buf .. data
      local out = {}
      while true do
        local args, rest = parse(buf)
        if not args then break end
        buf = rest
        out[#out + 1] = self:answer(args)
      end
      if #out > 0 then return table.concat(out) end
    end
  end
end

return F
