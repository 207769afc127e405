-- Helpers every integration spec reuses: run real HAProxy (2.6 by default,
-- $HAPROXY otherwise) on 127.0.0.1 with a generated config, run a Lua chunk
-- inside HAProxy's own Lua state, and speak HTTP to it. Every process
-- started here is bounded by `timeout` and stopped by its pid. Under
-- PROXYLUA_RECORD / PROXYLUA_REPLAY every exchange with HAProxy is recorded
-- to / answered from golden files (spec/helpers/golden.lua).
local socket = require "socket"
local G = require "spec.helpers.golden"

local H = {}

local function sh_quote(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end
H.sh_quote = sh_quote

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end
H.read_file = read_file

local function write_file(path, data)
  local f = assert(io.open(path, "wb"))
  f:write(data)
  f:close()
end
H.write_file = write_file

local function capture(cmd)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  local ok, _, code = p:close()
  return out, ok, code
end
H.capture = capture

function H.haproxy_bin()
  return os.getenv("HAPROXY") or "haproxy"
end

-- First line of `haproxy -v` ("HAProxy version 2.6.12-1+deb12u4 2025/..."),
-- or the recorded one when replaying.
function H.version_string()
  if G.replaying then
    return os.getenv("PROXYLUA_REPLAY_VERSION") or "replayed"
  end
  return (capture(H.haproxy_bin() .. " -v 2>&1"):match("[^\n]*"))
end

-- The version under test as "2.6", "3.2"...
function H.version()
  return (H.version_string():match("version (%d+%.%d+)")) or "2.6"
end

H.replaying = G.replaying

-- Absolute path of the module tree under test (the 5.3 build by default:
-- Debian's HAProxy embeds Lua 5.3).
function H.build_dir()
  local dir = os.getenv("PROXYLUA_BUILD") or "build/5.3"
  if dir:sub(1, 1) ~= "/" then
    dir = capture("pwd"):gsub("%s+$", "") .. "/" .. dir
  end
  return dir
end

function H.tmpdir()
  local dir = capture("mktemp -d /tmp/proxylua-spec.XXXXXX"):gsub("%s+$", "")
  assert(dir ~= "", "mktemp failed")
  return dir
end

-- Ask the kernel for an unused port: bind to 0, read it back, release it.
function H.free_port()
  local s = assert(socket.bind("127.0.0.1", 0))
  local _, port = s:getsockname()
  s:close()
  return tonumber(port)
end

-- `paths`: the lua-prepend-path lines; by default the build tree under test.
local function global_section(extra, paths)
  local b = H.build_dir()
  return table.concat({
    "global",
    paths or ("    lua-prepend-path " .. b .. "/?.lua\n" ..
              "    lua-prepend-path " .. b .. "/?.so cpath"),
    extra or "",
  }, "\n") .. "\n"
end
H.global_section = global_section

local DEFAULTS = [[
defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s
]]

local function write_files(dir, files)
  for name, data in pairs(files or {}) do
    write_file(dir .. "/" .. name, data)
  end
end

local function expand(text, vars)
  return (text:gsub("%${(%w+)}", function(k) return vars[k] and tostring(vars[k]) end))
end

local function alive(pid)
  local stat = read_file("/proc/" .. pid .. "/stat")
  return stat ~= nil and not stat:match("^%d+ %b() Z")
end
H.alive = alive

-- Stop a process we started: SIGTERM (or `sig`), SIGKILL if it is still
-- there after `grace` seconds (default 2).
function H.kill_pid(pid, grace, sig)
  os.execute("kill " .. (sig and "-" .. sig .. " " or "") .. pid .. " 2>/dev/null")
  local deadline = socket.gettime() + (grace or 2)
  while alive(pid) and socket.gettime() < deadline do socket.sleep(0.02) end
  if alive(pid) then os.execute("kill -9 " .. pid .. " 2>/dev/null") end
end

local Instance = {}
Instance.__index = Instance

function Instance:output()
  if not self.rec then return read_file(self.dir .. "/haproxy.log") or "" end
  return G.event(self.rec, "output", {}, function() return read_file(self.dir .. "/haproxy.log") or "" end)
end

-- Port -> recorded instance, so H.http finds whose exchange it is.
local by_port = {}

-- Stop by pid: SIGTERM to the `timeout` wrapper (it forwards to HAProxy),
-- then SIGKILL if it is still there after two seconds.
function Instance:stop()
  if self.stopped then return end
  self.stopped = true
  for _, p in pairs(self.vars) do if by_port[p] == self then by_port[p] = nil end end
  if self.rec then G.save(self.rec) end
  if self.replayed then
    if not os.getenv("PROXYLUA_KEEP_TMP") then os.execute("rm -rf " .. sh_quote(self.dir)) end
    return
  end
  H.kill_pid(self.pid)
  if self.child and alive(self.child) then os.execute("kill -9 " .. self.child .. " 2>/dev/null") end
  if not os.getenv("PROXYLUA_KEEP_TMP") then os.execute("rm -rf " .. sh_quote(self.dir)) end
end

local function port_open(port)
  local c = socket.tcp()
  c:settimeout(0.2)
  local ok = c:connect("127.0.0.1", port)
  c:close()
  return ok ~= nil
end

--[[ Start HAProxy.
  opts.config   text after the global section (defaults are added unless
                opts.defaults == false); ${PORT} and ${DIR} are replaced
  opts.global   extra lines for the global section
  opts.files    { name = contents } written into the instance's directory
  opts.timeout  hard bound on the process's life in seconds (default 120)
  opts.ports    number of extra free ports: ${PORT1}, ${PORT2}, ...
  opts.flags    command-line flags (default "-db"; e.g. "-d" for debug mode)
  opts.vars     more ${NAME} values that change from run to run (a test
                peer's address): recorded and replayed by name, the values
                of the run at hand
  opts.run_files  like files, but left out of the recording's key: what
                changes from run to run (the ports of a spec's own peers)
Returns an instance with .port, .dir, .pid, :stop(), :output(). ]]
local function register(self)
  for k, p in pairs(self.vars) do if k:match("^PORT") then by_port[p] = self end end
  return self
end

-- Replaying: the recorded instance comes back with the same ports and
-- directory (the harness half of a spec reads files there, and answers
-- carry the ports), and nothing listens.
local config_text

local function replay_start(opts, rec)
  local e = rec.entry
  if e.failed then error(e.failed, 3) end
  local vars = e.vars
  for k, v in pairs(opts.vars or {}) do vars[k] = v end
  os.execute("mkdir -p " .. sh_quote(vars.DIR))
  write_files(vars.DIR, opts.files)
  write_files(vars.DIR, opts.run_files)
  -- the configuration HAProxy ran, for specs that hand it to from_config
  write_file(vars.DIR .. "/haproxy.cfg", config_text(opts, vars))
  return register(setmetatable({ dir = vars.DIR, port = vars.PORT, vars = vars, rec = rec,
                                 replayed = true }, Instance))
end

local start_live

function H.start(opts)
  if not G.active then return start_live(opts) end
  local names = {}
  for k in pairs(opts.vars or {}) do names[#names + 1] = k end
  table.sort(names)
  local rec = G.open("start", { config = opts.config, global = opts.global or "", files = opts.files or {},
                                defaults = opts.defaults ~= false, ports = opts.ports or 0,
                                flags = opts.flags, vars = names[1] and table.concat(names, ",") or nil })
  if G.replaying then return replay_start(opts, rec) end
  local ok, self = pcall(start_live, opts)
  if not ok then
    rec.entry.failed = tostring(self)
    G.save(rec)
    error(self, 2)
  end
  rec.entry.vars = self.vars
  self.rec = rec
  G.save(rec)
  return register(self)
end

function config_text(opts, vars)
  return global_section(expand(opts.global or "", vars))
    .. (opts.defaults == false and "" or DEFAULTS)
    .. expand(opts.config, vars)
end

function start_live(opts)
  local dir = H.tmpdir()
  local vars = { DIR = dir, PORT = H.free_port() }
  for i = 1, opts.ports or 0 do vars["PORT" .. i] = H.free_port() end
  for k, v in pairs(opts.vars or {}) do vars[k] = v end
  write_files(dir, opts.files)
  write_files(dir, opts.run_files)
  local cfg = config_text(opts, vars)
  write_file(dir .. "/haproxy.cfg", cfg)
  local cmd = string.format(
    "cd %s && (timeout -k 3 %d %s %s -f haproxy.cfg >haproxy.log 2>&1 </dev/null & echo $! >pid)",
    sh_quote(dir), opts.timeout or 120, H.haproxy_bin(), opts.flags or "-db")
  assert(os.execute(cmd), "could not spawn haproxy")
  local self = setmetatable({ dir = dir, port = vars.PORT, vars = vars,
                              pid = tonumber(read_file(dir .. "/pid")) }, Instance)
  local deadline = socket.gettime() + (opts.ready_timeout or 10)
  while socket.gettime() < deadline do
    if port_open(self.port) then
      local kids = capture("pgrep -P " .. self.pid)
      self.child = tonumber(kids:match("%d+"))
      return self
    end
    if not alive(self.pid) then break end
    socket.sleep(0.03)
  end
  local out = self:output()
  self:stop()
  error("haproxy did not start listening on " .. vars.PORT .. ":\n" .. out .. "\nconfig:\n" .. cfg, 2)
end

-- Run `code` as the main chunk of a lua-load script while HAProxy checks its
-- config (`haproxy -c`): it runs in HAProxy's own Lua state, and whatever it
-- prints comes back. Returns output, ok. opts: files, global (extra lines),
-- config (after global), paths (replaces the lua-prepend-path lines).
local run_lua_live

function H.run_lua(code, opts)
  opts = opts or {}
  if not G.active then return run_lua_live(code, opts) end
  return G.call("run_lua", { code = code, files = opts.files or {}, global = opts.global or "",
                             config = opts.config or "", paths = opts.paths or "" },
                function() return run_lua_live(code, opts) end)
end

function run_lua_live(code, opts)
  local dir = H.tmpdir()
  write_files(dir, opts.files)
  write_file(dir .. "/main.lua", code)
  write_file(dir .. "/haproxy.cfg", global_section((opts.global or "") ..
    "\n    lua-load " .. dir .. "/main.lua\n", opts.paths) ..
    -- `-c` never binds, but refuses a config without any listener.
    "listen check\n    mode http\n    bind 127.0.0.1:" .. H.free_port() .. "\n" ..
    "    timeout client 1s\n    timeout connect 1s\n    timeout server 1s\n" .. (opts.config or ""))
  local out, ok = capture(string.format("cd %s && timeout -k 3 %d %s -c -f haproxy.cfg 2>&1",
    sh_quote(dir), opts.timeout or 120, H.haproxy_bin()))
  if not os.getenv("PROXYLUA_KEEP_TMP") then os.execute("rm -rf " .. sh_quote(dir)) end
  return out, ok == true
end

--[[ HTTP request with curl. opts: port, path ("/"), method ("GET"),
  headers ({name = value} or {"Name: value", ...}), body, timeout (10).
  Returns status (number), body, headers (lower-case names; repeated names
  joined with ", "). ]]
local http_live

function H.http(opts)
  local inst = by_port[opts.port]
  if not (G.active and inst and inst.rec) then return http_live(opts) end
  return G.event(inst.rec, "http", { method = opts.method or "GET", path = opts.path or "/",
    headers = opts.headers or {}, body = opts.body or "", host = opts.host or "" },
    function() return http_live(opts) end)
end

-- A raw exchange with a started instance (a TCP or CLI conversation, a curl
-- run): `fn()` live, its results recorded or replayed under `what`.
function H.recorded(hap, what, fn)
  if not (G.active and hap and hap.rec) then return fn() end
  return G.event(hap.rec, "raw", what, fn)
end

-- The live calls themselves, for a spec that records a reduced answer of
-- its own (H.recorded, G.call): a digest where the full answer is megabytes.
function H.http_live(opts) return http_live(opts) end
function H.run_lua_live(code, opts) return run_lua_live(code, opts or {}) end

function http_live(opts)
  local dir = H.tmpdir()
  local args = { "curl", "-s", "-S", "--max-time", tostring(opts.timeout or 10),
                 "-o", dir .. "/body", "-D", dir .. "/headers", "-w", "%{http_code}",
                 "-X", opts.method or "GET" }
  for k, v in pairs(opts.headers or {}) do
    args[#args + 1] = "-H"
    args[#args + 1] = type(k) == "number" and v or (k .. ": " .. v)
  end
  if opts.body then
    write_file(dir .. "/req", opts.body)
    args[#args + 1] = "--data-binary"
    args[#args + 1] = "@" .. dir .. "/req"
  end
  args[#args + 1] = string.format("http://%s:%d%s", opts.host or "127.0.0.1", opts.port, opts.path or "/")
  for i, a in ipairs(args) do args[i] = sh_quote(a) end
  local code = capture(table.concat(args, " ") .. " 2>" .. sh_quote(dir .. "/err"))
  local body = read_file(dir .. "/body") or ""
  local headers = {}
  for line in (read_file(dir .. "/headers") or ""):gmatch("[^\r\n]+") do
    local k, v = line:match("^([^:]+):%s*(.*)$")
    if k then
      k = k:lower()
      headers[k] = headers[k] and (headers[k] .. ", " .. v) or v
    end
  end
  local err = read_file(dir .. "/err")
  os.execute("rm -rf " .. sh_quote(dir))
  return tonumber(code), body, headers, err
end

return H
