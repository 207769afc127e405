-- A throwaway redis-server for specs and benchmarks: 127.0.0.1 on a free
-- port, no persistence, bounded by timeout(1), waited for until it answers
-- PING, stopped by its pid.
--
--   local R = require "spec.helpers.redis"
--   local r = R.start()            -- r.port, r.pid; opts: timeout (s), hz
--   ... r:stop()
local socket = require "socket"
local H = require "spec.helpers.haproxy"

local R = {}
local Server = {}
Server.__index = Server

local function ping(port)
  local c = socket.tcp()
  c:settimeout(0.5)
  local ok = c:connect("127.0.0.1", port) and c:send("PING\r\n") and c:receive("*l")
  c:close()
  return ok == "+PONG"
end

function R.start(opts)
  opts = opts or {}
  local dir = H.tmpdir()
  local port = H.free_port()
  -- hz 100: blocked-client timeouts (BLPOP) fire within ~10 ms, not 100.
  local cmd = string.format(
    "cd %s && (env -u LD_PRELOAD timeout -k 2 %d redis-server --port %d --bind 127.0.0.1 --save '' " ..
    "--appendonly no --hz %d --dir %s >redis.log 2>&1 </dev/null & echo $! >pid)",
    H.sh_quote(dir), opts.timeout or 120, port, opts.hz or 100, H.sh_quote(dir))
  assert(os.execute(cmd), "could not spawn redis-server")
  local self = setmetatable({ port = port, dir = dir,
                              pid = tonumber(H.read_file(dir .. "/pid")) }, Server)
  local deadline = socket.gettime() + 30
  while socket.gettime() < deadline do
    if ping(port) then return self end
    if not H.alive(self.pid) then break end
    socket.sleep(0.02)
  end
  local log = H.read_file(dir .. "/redis.log") or ""
  self:stop()
  error("redis-server did not answer on " .. port .. ":\n" .. log, 2)
end

-- SIGTERM to the timeout(1) wrapper (it passes it on), SIGKILL after 2 s.
function Server:stop()
  if self.stopped then return end
  self.stopped = true
  H.kill_pid(self.pid)
  os.execute("rm -rf " .. H.sh_quote(self.dir))
end

-- One command over a fresh blocking connection (checks from the spec, in
-- RESP by hand: Debian's redis-lua is there for Lua 5.3 only). Returns a
-- string, an integer, nil (no value) or false, error text.
function Server:command(...)
  local c = socket.tcp()
  c:settimeout(10)
  assert(c:connect("127.0.0.1", self.port))
  local args = table.pack(...)
  local out = { "*" .. args.n .. "\r\n" }
  for i = 1, args.n do
    local a = tostring(args[i])
    out[#out + 1] = "$" .. #a .. "\r\n" .. a .. "\r\n"
  end
  assert(c:send(table.concat(out)))
  local line = assert(c:receive("*l"))
  local kind, rest = line:sub(1, 1), line:sub(2)
  local value
  if kind == "+" then value = rest
  elseif kind == "-" then value = false
  elseif kind == ":" then value = math.tointeger(tonumber(rest))
  elseif kind == "$" and tonumber(rest) >= 0 then value = c:receive(tonumber(rest) + 2):sub(1, -3)
  end
  c:close()
  return value, kind == "-" and rest or nil
end

return R
