-- Real servers for the luasocket specs, each started here on 127.0.0.1,
-- waited for until ready, bounded by timeout(1) and stopped by its pid:
--   S.redis()          redis-server on a free port (no persistence), and on
--                      a unix socket (self.unix)
--   S.http(files)      python3's http.server over a directory of files
--   S.dns(records)     spec/fixtures/fake_dns.py (DNS over TCP)
--   S.gone(port, name) waits (bounded) until redis has no client of that
--                      name (CLIENT LIST): it saw the connection's close
-- each returns { port =, pid =, dir =, stop = function }.
local socket = require "socket"
local H = require "spec.helpers.haproxy"

local S = {}

local HERE = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "spec/helpers"
if HERE:sub(1, 1) ~= "/" then HERE = H.capture("pwd"):gsub("%s+$", "") .. "/" .. HERE end

local alive = H.alive

local function stop(self)
  if self.stopped then return end
  self.stopped = true
  os.execute("kill " .. self.pid .. " 2>/dev/null")
  local deadline = socket.gettime() + 2
  while alive(self.pid) and socket.gettime() < deadline do socket.sleep(0.01) end
  if alive(self.pid) then os.execute("kill -9 " .. self.pid .. " 2>/dev/null") end
  os.execute("rm -rf " .. H.sh_quote(self.dir))
end

local function spawn(dir, cmd, secs)
  local line = string.format("cd %s && (env -u LD_PRELOAD timeout -k 2 %d %s >out.log 2>&1 </dev/null & echo $! >pid)",
    H.sh_quote(dir), secs or 300, cmd)
  assert(os.execute(line), "could not spawn: " .. cmd)
  return tonumber(H.read_file(dir .. "/pid"))
end

local function wait_port(self, port, secs)
  local deadline = socket.gettime() + (secs or 30)
  while socket.gettime() < deadline do
    local c = socket.tcp()
    c:settimeout(0.2)
    local ok = c:connect("127.0.0.1", port)
    c:close()
    if ok then return true end
    if not alive(self.pid) then break end
    socket.sleep(0.02)
  end
  error("server did not start: " .. (H.read_file(self.dir .. "/out.log") or ""))
end

function S.redis()
  local dir = H.tmpdir()
  local port = H.free_port()
  local self = { dir = dir, port = port, stop = stop }
  self.unix = dir .. "/redis.sock"
  self.pid = spawn(dir, string.format("redis-server --port %d --bind 127.0.0.1 --save '' "
    .. "--appendonly no --dir %s --unixsocket %s", port, H.sh_quote(dir), H.sh_quote(self.unix)))
  wait_port(self, port)
  return self
end

local function has_client(port, name)
  local r = assert(socket.connect("127.0.0.1", port))
  r:settimeout(5)
  r:send("CLIENT LIST\r\n")
  local n = tonumber(r:receive():match("^%$(%d+)"))
  local body = r:receive(n + 2)
  r:close()
  return body:find("name=" .. name .. " ", 1, true) ~= nil
end
S.has_client = has_client

-- true once redis lists no client `name`, false if one is still there
-- after `secs` (default 5): a failure path, so the bound is generous
function S.gone(port, name, secs)
  local deadline = socket.gettime() + (secs or 5)
  repeat
    if not has_client(port, name) then return true end
    socket.sleep(0.05)
  until socket.gettime() > deadline
  return false
end

function S.http(files)
  local dir = H.tmpdir()
  for name, data in pairs(files or {}) do H.write_file(dir .. "/" .. name, data) end
  local port = H.free_port()
  local self = { dir = dir, port = port, stop = stop }
  self.pid = spawn(dir, string.format("python3 -m http.server %d --bind 127.0.0.1", port))
  wait_port(self, port)
  return self
end

function S.dns(records, json)
  local dir = H.tmpdir()
  local self = { dir = dir, stop = stop, log = dir .. "/queries" }
  H.write_file(self.log, "")
  self.pid = spawn(dir, string.format("python3 %s %s %s %s", H.sh_quote(HERE .. "/../fixtures/fake_dns.py"),
    H.sh_quote(json(records)), H.sh_quote(dir .. "/ready"), H.sh_quote(self.log)))
  local deadline = socket.gettime() + 30
  while not H.read_file(dir .. "/ready") and socket.gettime() < deadline do socket.sleep(0.02) end
  self.port = tonumber(H.read_file(dir .. "/ready"))
  assert(self.port, "fake DNS did not start")
  -- a resolv.conf pointing at it
  self.resolv = dir .. "/resolv.conf"
  H.write_file(self.resolv, "nameserver 127.0.0.1\noptions timeout:2 attempts:1\n")
  self.hosts = dir .. "/hosts"
  H.write_file(self.hosts, "127.0.0.1 localhost\n::1 localhost ip6-localhost\n")
  return self
end

-- spec/fixtures/luasocket_peer.py: one process, one port per behaviour
-- (specs: { name = { mode =, data =, delay =, hold = } }) -> self.ports[name]
function S.peers(specs, json)
  local dir = H.tmpdir()
  local self = { dir = dir, stop = stop }
  self.pid = spawn(dir, string.format("python3 %s %s %s", H.sh_quote(HERE .. "/../fixtures/luasocket_peer.py"),
    H.sh_quote(json(specs)), H.sh_quote(dir .. "/ready")))
  local deadline = socket.gettime() + 30
  while not H.read_file(dir .. "/ready") and socket.gettime() < deadline do socket.sleep(0.02) end
  local text = H.read_file(dir .. "/ready")
  assert(text, "peers did not start: " .. (H.read_file(dir .. "/out.log") or ""))
  self.ports = {}
  for k, v in text:gmatch('"([^"]+)": (%d+)') do self.ports[k] = tonumber(v) end
  return self
end

-- questions the fake DNS got: list of "name type"
function S.queries(self)
  local out = {}
  for line in (H.read_file(self.log) or ""):gmatch("[^\n]+") do out[#out + 1] = line end
  return out
end

return S
