-- Local test peers for socket specs: each one is a python3 process
-- (spec/fixtures/socket_peer.py) listening on 127.0.0.1, ::1 or a unix
-- path with one named behaviour, bounded by timeout(1), waited for until it
-- listens and stopped by its pid. The same peers serve HAProxy and stock
-- Lua runs.
--
--   local P = require "spec.helpers.peer"
--   local p = P.start{ mode = "echo" }           -- p.port (the peer picks it), p.addr = "127.0.0.1:<port>"
--   local t = P.start{ mode = "echo", tls = true }
--   local u = P.start{ mode = "echo", unix = true } -- u.path, u.addr = "unix@<path>"
--   ... p:received() -> { {n = 1, recv = "bytes", sni = nil}, ... }
--   p:stop()   (P.stop_all() stops every peer still running)
--
-- Modes (socket_peer.py has the details): echo, line (echo each line),
-- upper (each line upper-cased), greet (send `data`, then echo),
-- sendclose (send `data`, then FIN; `rst = true`: RST; `delay` ms first),
-- stall (send `data`, keep the connection `hold` ms without answering),
-- close (close at once; `rst`), slowaccept (accept after `delay` ms, then
-- echo), silent (read, never answer), script (`steps`: {op, arg} list).
local socket = require "socket"
local H = require "spec.helpers.haproxy"

local P = {}

local HERE = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "spec/helpers"
if HERE:sub(1, 1) ~= "/" then HERE = H.capture("pwd"):gsub("%s+$", "") .. "/" .. HERE end
local SCRIPT = HERE .. "/../fixtures/socket_peer.py"

-- JSON for the peer's configuration: strings carry bytes (\u00XX for
-- anything outside printable ASCII, read back as latin-1).
local function json(v)
  local t = type(v)
  if t == "string" then
    return '"' .. v:gsub('[%c"\\\128-\255]', function(c)
      return string.format("\\u%04x", c:byte())
    end) .. '"'
  elseif t == "number" then
    return math.type(v) == "integer" and string.format("%d", v) or string.format("%.17g", v)
  elseif t == "boolean" then
    return tostring(v)
  elseif t == "nil" then
    return "null"
  elseif t == "table" then
    if #v > 0 or next(v) == nil then
      local out = {}
      for i = 1, #v do out[i] = json(v[i]) end
      return "[" .. table.concat(out, ",") .. "]"
    end
    local keys, out = {}, {}
    for k in pairs(v) do keys[#keys + 1] = tostring(k) end
    table.sort(keys)
    for _, k in ipairs(keys) do out[#out + 1] = json(k) .. ":" .. json(v[k]) end
    return "{" .. table.concat(out, ",") .. "}"
  end
  error("json: cannot encode a " .. t)
end
P.json = json

-- The few JSON values the peer's log holds: objects of strings, integers,
-- booleans and null.
local function unjson(s)
  local pos = 1
  local function ws() pos = s:find("[^ \t\r\n]", pos) or #s + 1 end
  local value
  local function str()
    local out = {}
    pos = pos + 1
    while true do
      local c = s:sub(pos, pos)
      if c == '"' then pos = pos + 1 break end
      if c == "\\" then
        local e = s:sub(pos + 1, pos + 1)
        if e == "u" then
          local code = tonumber(s:sub(pos + 2, pos + 5), 16)
          out[#out + 1] = code < 256 and string.char(code) or utf8.char(code)
          pos = pos + 6
        else
          out[#out + 1] = ({ n = "\n", r = "\r", t = "\t", b = "\b", f = "\f" })[e] or e
          pos = pos + 2
        end
      else
        out[#out + 1] = c
        pos = pos + 1
      end
    end
    return table.concat(out)
  end
  function value()
    ws()
    local c = s:sub(pos, pos)
    if c == "{" then
      local o = {}
      pos = pos + 1
      ws()
      if s:sub(pos, pos) == "}" then pos = pos + 1 return o end
      while true do
        ws()
        local k = str()
        ws()
        pos = pos + 1 -- ':'
        o[k] = value()
        ws()
        local d = s:sub(pos, pos)
        pos = pos + 1
        if d == "}" then return o end
      end
    elseif c == '"' then
      return str()
    elseif s:sub(pos, pos + 3) == "null" then
      pos = pos + 4
      return nil
    elseif s:sub(pos, pos + 3) == "true" then
      pos = pos + 4
      return true
    elseif s:sub(pos, pos + 4) == "false" then
      pos = pos + 5
      return false
    end
    local num = s:match("^-?%d+", pos)
    pos = pos + #num
    return math.tointeger(tonumber(num))
  end
  return value()
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() return true end
  return false
end

local function alive(pid)
  local stat = H.read_file("/proc/" .. pid .. "/stat")
  return stat ~= nil and not stat:match("^%d+ %b() Z")
end

local running = {}

local Peer = {}
Peer.__index = Peer

-- Every finished connection so far: { n = index, recv = bytes, sni = name }.
function Peer:received()
  local out = {}
  for line in (H.read_file(self.log) or ""):gmatch("[^\n]+") do
    out[#out + 1] = unjson(line)
  end
  table.sort(out, function(a, b) return a.n < b.n end)
  return out
end

-- Wait until `count` connections have finished (max `secs`, default 30:
-- a bound for failures only, a loaded CI can be slow).
function Peer:wait_received(count, secs)
  local deadline = socket.gettime() + (secs or 30)
  local got = self:received()
  while #got < count and socket.gettime() < deadline do
    socket.sleep(0.02)
    got = self:received()
  end
  return got
end

-- Stop by pid: TERM to timeout(1), which passes it on; KILL if needed.
function Peer:stop()
  if self.stopped then return end
  self.stopped = true
  running[self] = nil
  os.execute("kill " .. self.pid .. " 2>/dev/null")
  local deadline = socket.gettime() + 2
  while alive(self.pid) and socket.gettime() < deadline do socket.sleep(0.01) end
  if alive(self.pid) then os.execute("kill -9 " .. self.pid .. " 2>/dev/null") end
  if not os.getenv("PROXYLUA_KEEP_TMP") then os.execute("rm -rf " .. H.sh_quote(self.dir)) end
end

function P.stop_all()
  local list = {}
  for p in pairs(running) do list[#list + 1] = p end
  for _, p in ipairs(list) do p:stop() end
end

-- A throwaway self-signed certificate (CN peer.test), made once per run.
local cert_cache
function P.cert()
  if cert_cache and exists(cert_cache.cert) then return cert_cache.cert, cert_cache.key end
  local dir = H.tmpdir()
  local cmd = string.format("env -u LD_PRELOAD openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
    .. "-nodes -days 2 -subj /CN=peer.test -keyout %s/key.pem -out %s/cert.pem >/dev/null 2>&1",
    H.sh_quote(dir), H.sh_quote(dir))
  assert(os.execute(cmd), "openssl req failed")
  cert_cache = { cert = dir .. "/cert.pem", key = dir .. "/key.pem", dir = dir }
  return cert_cache.cert, cert_cache.key
end

--[[ P.start(opts) -> peer
  opts.mode      behaviour (above; default "echo")
  opts.tls       true: TLS with P.cert()
  opts.unix      true: a unix socket in the peer's directory (p.path)
  opts.host      "127.0.0.1" (default) or "::1"
  opts.data, opts.delay, opts.hold, opts.rst, opts.steps: per mode
  opts.timeout   hard bound on the process's life in seconds (120) ]]
local function spawn(opts)
  opts = opts or {}
  local dir = H.tmpdir()
  local cfg = { mode = opts.mode or "echo", data = opts.data, delay = opts.delay,
                hold = opts.hold, rst = opts.rst, steps = opts.steps,
                log = dir .. "/log", ready = dir .. "/ready" }
  local self = setmetatable({ dir = dir, log = cfg.log, mode = cfg.mode, ready = cfg.ready }, Peer)
  if opts.unix then
    cfg.path = dir .. "/peer.sock"
    self.path, self.addr = cfg.path, "unix@" .. cfg.path
  else
    -- the peer binds port 0 and reports the port: no race with other
    -- processes picking "free" ports at the same time
    cfg.host = opts.host or "127.0.0.1"
    cfg.port = opts.port or 0
    self.host = cfg.host
  end
  if opts.tls then
    local cert, key = P.cert()
    cfg.tls = { cert = cert, key = key }
  end
  -- not under the sanitizers the spec run may preload
  local cmd = string.format("cd %s && (env -u LD_PRELOAD timeout -k 2 %d python3 %s %s >peer.out 2>&1 </dev/null & echo $! >pid)",
    H.sh_quote(dir), opts.timeout or 120, H.sh_quote(SCRIPT), H.sh_quote(json(cfg)))
  assert(os.execute(cmd), "could not spawn the peer")
  self.pid = tonumber(H.read_file(dir .. "/pid"))
  running[self] = true
  return self
end

-- Wait until the peer listens (its ready file), or fail with its output.
local function wait_ready(self, lvl)
  local deadline = socket.gettime() + 60  -- several pythons starting on a loaded CI
  while socket.gettime() < deadline do
    local ready = exists(self.ready) and H.read_file(self.ready)
    if ready then
      if self.host then
        self.port = tonumber(ready:match("^%d+ (%d+)"))
        self.addr = self.host:find(":", 1, true) and ("[" .. self.host .. "]:" .. self.port)
          or (self.host .. ":" .. self.port)
      end
      return self
    end
    if not alive(self.pid) then break end
    socket.sleep(0.01)
  end
  local out = H.read_file(self.dir .. "/peer.out") or ""
  self:stop()
  error("peer (" .. self.mode .. ") did not start listening:\n" .. out, lvl + 1)
end

function P.start(opts)
  return wait_ready(spawn(opts), 2)
end

-- Several peers at once: P.start_all{ echo = {mode = "echo"}, ... } ->
-- { echo = peer, ... } (started concurrently: python's start-up is the cost).
function P.start_all(specs)
  local out = {}
  for name, opts in pairs(specs) do out[name] = spawn(opts) end
  for _, p in pairs(out) do wait_ready(p, 2) end
  return out
end

return P
