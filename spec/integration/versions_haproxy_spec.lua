-- What differs between HAProxy versions, asked of the real one: the probe
-- script spec/fixtures/versions_probe.lua runs inside HAProxy ($HAPROXY,
-- 2.6 by default; scripts/record-golden records 2.8, 3.0, 3.2 built from
-- source) and under proxylua.testing emulating the same version; every
-- probe line, the startup warnings, the bytes of a few replies on the
-- client's HTTP/1 connection, a TCP service's reads and how booleans become
-- samples must agree. docs/versions.md lists the differences found.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = assert(H.read_file("spec/fixtures/versions_probe.lua"))

local CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.probe ${PORT2} if { path /probe }
    http-request set-header x-m %[req.hdr(host),map(${DIR}/p.map)]
    http-request lua.r204 if { path /r204 }
    http-request lua.r200 if { path /r200 }
    http-request lua.r599 if { path /r599 }
    http-request lua.r418 if { path /r418 }
    http-request lua.r304 if { path /r304 }
    http-request lua.r302 if { path /r302 }
    http-request return status 200 content-type text/plain lf-string "%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]" if { path /samples }
    default_backend be
backend be
    server s1 127.0.0.1:${PORT2}
listen tcprobe
    mode tcp
    bind 127.0.0.1:${PORT1}
    tcp-request content use-service lua.tcprobe
backend evbe
    server e1 127.0.0.1:${PORT2}
listen origin
    bind 127.0.0.1:${PORT2}
    http-request return status 200 content-type text/plain string "origin"
]]

local TCP_INPUT = "hello world\nline2\nrest"

-- "R|name=value" lines, sorted by name (tasks and the action interleave).
local function probe_lines(text)
  local out = {}
  for l in text:gmatch("[^\n]+") do
    local r = l:match("R|(.*)$")
    if r then out[#out + 1] = r end
  end
  table.sort(out)
  return out
end

-- Startup warnings/notices/alerts about Lua, pid and paths dropped.
local function startup(text)
  local out = {}
  for l in text:gmatch("[^\n]+") do
    local lvl, msg = l:match("^%[(%u+)%]%s+%(%d+%) : (.*)$")
    -- (not the server state changes the events probe makes "from Lua script")
    if lvl and msg:lower():match("lua") and not msg:match("^Server ") then out[#out + 1] = lvl .. " " .. msg end
  end
  return out
end

-- A warning's text without where it came from: paths, and the traceback
-- deprecation warnings end with.
local function normalise(list)
  local out = {}
  for _, l in ipairs(list) do
    out[#out + 1] = (l:gsub("/tmp/proxylua%-spec%.%w+/", ""):gsub("(function instead): .*$", "%1"))
  end
  table.sort(out)
  return out
end

-- The raw bytes of one response on a keep-alive HTTP/1.1 connection (what
-- HAProxy adds, e.g. "connection: close", is part of the answer), the Date
-- header dropped; then whether HAProxy closed the connection after it.
local function raw_http(port, path)
  local socket = require "socket"
  local c = assert(socket.connect("127.0.0.1", port))
  c:settimeout(5)
  c:send("GET " .. path .. " HTTP/1.1\r\nHost: x\r\n\r\n")
  local head, len = {}, 0
  while true do
    local l, err = c:receive("*l")
    if not l then head[#head + 1] = "<" .. err .. ">" break end
    if not l:lower():match("^date:") then head[#head + 1] = l end
    len = tonumber(l:lower():match("^content%-length:%s*(%d+)")) or len
    if l == "" then break end
  end
  local body = len > 0 and (c:receive(len) or "") or ""
  c:settimeout(0.5)
  local _, err = c:receive(1)
  c:close()
  return table.concat(head, "\r\n") .. "\r\n" .. body .. "<after: " .. tostring(err) .. ">"
end

local function raw_tcp(port, input)
  local socket = require "socket"
  local c = assert(socket.connect("127.0.0.1", port))
  c:settimeout(5)
  c:send(input)
  c:shutdown("send")
  local data, _, partial = c:receive("*a")
  c:close()
  return data or partial
end

local WIRES = { "/r204", "/r200", "/r599", "/r418", "/r304", "/r302" }

-- The harness's reply bytes in the same shape (it keeps the connection).
local function harness_wire(wire)
  local head, body = wire:match("^(.-\r\n)\r\n(.*)$")
  local lines = {}
  for l in head:gmatch("([^\r\n]*)\r\n") do
    if not l:lower():match("^date:") then lines[#lines + 1] = l end
  end
  lines[#lines + 1] = ""
  local closes = head:lower():match("\r\nconnection: close\r\n") and "closed" or "timeout"
  return table.concat(lines, "\r\n") .. "\r\n" .. body .. "<after: " .. closes .. ">"
end

local MAP = "k1 v1\nk3 v3\n"

local harness

-- HAProxy's answers, then the harness's while the script's directory (with
-- the map file) still exists.
local function live()
  local hap = H.start({ files = { ["t.lua"] = SCRIPT, ["p.map"] = MAP }, ports = 2,
                        global = "    set-var proc.pv str(pval)\n    lua-load ${DIR}/t.lua", config = CONFIG })
  local real = { wires = {} }
  local ok, err = pcall(function()
    real.probe_status = H.http({ port = hap.port, path = "/probe" })
    local _, body = H.http({ port = hap.port, path = "/samples" })
    real.samples = body
    for _, p in ipairs(WIRES) do
      real.wires[p] = H.recorded(hap, { label = "wire", path = p }, function() return raw_http(hap.port, p) end)
    end
    real.tcp = H.recorded(hap, { label = "tcp", input = TCP_INPUT },
      function() return raw_tcp(hap.vars.PORT1, TCP_INPUT) end)
    real.log = hap:output()
  end)
  local ok2, mine = pcall(harness, hap.dir, hap.vars.PORT2)
  hap:stop()
  assert(ok, err)
  assert(ok2, mine)
  return real, mine
end

function harness(dir, port2)
  local printed = {}
  local h = testing.load(dir .. "/t.lua", {
    maps = { [dir .. "/p.map"] = true },
    haproxy = H.version(), quiet = true,
    globals = { print = function(...) printed[#printed + 1] = table.concat({ ... }, "\t") end },
    proc_vars = { pv = "pval" },
    proxies = { fe = { cap = "frontend" },
                be = { cap = "backend", servers = { s1 = { addr = "127.0.0.1:" .. port2 } } },
                evbe = { cap = "backend", servers = { e1 = { addr = "127.0.0.1:" .. port2 } } } },
    upstream = function() return { status = 200, headers = { "content-type: text/plain" }, body = "origin" } end,
  })
  h:run_tasks()
  local r = h:action("probe", { path = "/probe" }, tostring(port2))
  local mine = { probe_status = r.reply and r.reply.status, wires = {} }
  mine.lines = probe_lines(table.concat(printed, "\n"))
  local logs = {}
  for _, l in ipairs(h:logs()) do logs[#logs + 1] = l end
  mine.h = h
  return mine
end

describe("HAProxy " .. H.version() .. " and the harness emulating it", function()
  local real, mine

  setup(function()
    real, mine = live()
  end)

  it("probe results: names, return values, errors, task arguments", function()
    assert.equal(200, real.probe_status, real.log)
    assert.same(probe_lines(real.log), mine.lines)
  end)

  it("booleans and integers as samples", function()
    local h = mine.h
    local function conv(v) return h:converter("c_type", v).text end
    -- bool(1), always_true and lua.f_true are boolean samples, int(7) an integer one
    local got = table.concat({ h:fetch("f_true").text, h:fetch("f_false").text,
      conv(true), conv(true), conv(true), conv(7) }, " ")
    assert.equal(real.samples, got)
  end)

  it("replies on the client's HTTP/1 connection", function()
    for _, p in ipairs(WIRES) do
      local r = mine.h:action(p:sub(2), { path = p })
      assert.equal(real.wires[p], r.reply and harness_wire(r.reply.wire), p)
    end
  end)

  it("startup warnings about Lua", function()
    local ours = {}
    for _, l in ipairs(mine.h:logs()) do
      if l.source == "warning" or l.source == "alert" or l.source == "notice" then
        ours[#ours + 1] = l.source:upper() .. " " .. l.msg
      end
    end
    table.sort(ours)
    assert.same(normalise(startup(real.log)), normalise(ours))
  end)

  it("a TCP service's reads", function()
    local ok, res = pcall(mine.h.service, mine.h, "tcprobe", { input = TCP_INPUT })
    if real.tcp:match("\nrest=") then
      assert(ok, res)
      assert.equal(real.tcp, res.output)
    else
      -- this version never answered the last read: the harness says so
      assert.is_false(ok)
      assert.matches("never returns here", res)
    end
  end)
end)

-- Global tune.lua.* lines of later versions, each in an HAProxy of its own:
-- a version that lacks the keyword refuses to start (the harness's
-- from_config must refuse it with the same text), one that has it answers
-- as the harness does with the same configuration.
local TUNE_SCRIPT = [[
core.register_fetches("f_true", function() return true end)
core.register_fetches("f_false", function() return false end)
core.register_converters("c_type", function(v) return type(v) .. ":" .. tostring(v) end)
core.register_action("lg", { "http-req" }, function(txn)
  -- a boolean sample handed to Lua: a fetch's, and a variable's
  local b = txn.f:always_true()
  txn:set_var("txn.b", true)
  local v = txn:get_var("txn.b")
  core.Info("bools=" .. type(b) .. ":" .. tostring(b) .. " " .. type(v) .. ":" .. tostring(v))
  core.Info("core-line")
  txn:Info("txn-line")
  txn:done({ status = 200, body = "ok" })
end)
]]

local TUNE_CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    log global
    http-request return status 200 content-type text/plain lf-string "%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]" if { path /samples }
    http-request lua.lg if { path /log }
]]

-- The text after "parsing [file:line] : " of the first alert.
local function alert_text(s) return tostring(s):match("parsing %[[^%]]*%] : ([^\n]*)") end

-- HAProxy with `lines` before the lua-load, or its startup error.
local function tune_live(lines, fn)
  local ok, hap = pcall(H.start, { files = { ["t.lua"] = TUNE_SCRIPT }, config = TUNE_CONFIG,
                                   global = lines .. "\n    lua-load ${DIR}/t.lua" })
  if not ok then return { failed = alert_text(hap) } end
  local got = { pcall(fn, hap) }
  got.log = hap:output()
  local ok2, h = pcall(testing.from_config, hap.dir .. "/haproxy.cfg", { haproxy = H.version(), quiet = true })
  hap:stop()
  assert(got[1], got[2])
  assert(ok2, h)
  return got, h
end

-- The harness refusing the same lines, in a configuration of its own.
local function tune_refused(lines)
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write("global\n" .. lines .. "\n")
  f:close()
  local ok, err = pcall(testing.from_config, path, { haproxy = H.version(), quiet = true })
  os.remove(path)
  assert.is_false(ok)
  return alert_text(err)
end

describe("HAProxy " .. H.version() .. " and the harness: tune.lua.* lines of later versions", function()
  it("tune.lua.bool-sample-conversion normal (3.2: booleans, no warning)", function()
    local lines = "    tune.lua.bool-sample-conversion normal"
    local got, h = tune_live(lines, function(hap)
      local _, body = H.http({ port = hap.port, path = "/samples" })
      H.http({ port = hap.port, path = "/log" })
      return body
    end)
    if got.failed then return assert.equal(got.failed, tune_refused(lines)) end
    -- in a log-format and into a Lua converter (whose input is a string)
    local function conv(v) return h:converter("c_type", v).text end
    assert.equal(got[2], table.concat({ h:fetch("f_true").text, h:fetch("f_false").text,
      conv(true), conv(true), conv(true), conv(7) }, " "))
    -- into Lua
    h:rules("fe", "http-request", { path = "/log" }, { when = function(rule) return rule.kind == "lua" end })
    local mine
    for _, l in ipairs(h:logs()) do mine = mine or l.msg:match("^bools=.*") end
    assert.equal(got.log:match("%(%d+%) : (bools=[^\n]*)"), mine)
    local warned = {}
    for _, l in ipairs(h:logs()) do if l.source == "warning" then warned[#warned + 1] = l.msg end end
    assert.same(normalise(startup(got.log)), normalise(warned))
  end)

  -- where core.* and txn:* log lines go: to the `log` target (a raw line on
  -- stdout) and/or printed on stderr ("[info] ... : line")
  local function routes(text)
    local out = {}
    for l in text:gmatch("[^\n]+") do
      local printed = l:match("^%[info%] .- : (%l+%-line)$")
      if printed then out[#out + 1] = "stderr " .. printed end
      if l:match("^%l+%-line$") then out[#out + 1] = "sent " .. l end
    end
    table.sort(out)
    return out
  end
  local function harness_routes(h)
    local r = h:rules("fe", "http-request", { path = "/log" }, { when = function(rule) return rule.kind == "lua" end })
    assert.equal("done", r.verdict)
    local out = {}
    for _, l in ipairs(h:logs({ level = 6 })) do
      if l.msg:match("%-line$") then
        if l.sent then out[#out + 1] = "sent " .. l.msg end
        if l.stderr then out[#out + 1] = "stderr " .. l.msg end
      end
    end
    table.sort(out)
    return out
  end
  for _, lines in ipairs({ "    tune.lua.log.loggers off", "    tune.lua.log.stderr on",
                           "    tune.lua.log.stderr off" }) do
    it(lines:match("%S.*") .. " (2.9+)", function()
      lines = "    log stdout format raw local0\n" .. lines
      local got, h = tune_live(lines, function(hap)
        local status = H.http({ port = hap.port, path = "/log" })
        return status
      end)
      if got.failed then return assert.equal(got.failed, tune_refused(lines)) end
      assert.equal(200, got[2])
      assert.same(routes(got.log), harness_routes(h))
    end)
  end
end)
