-- tune.lua.maxmem inside real HAProxy 2.6.12 (docs/runtime.md, "maxmem
-- inside HAProxy"): an allocation of proxylua's that would pass the limit
-- fails its request cleanly (a 500, "not enough memory" in the log) and
-- HAProxy goes on serving; and HAProxy's own defect, pinned: once plain Lua
-- has filled the state to the limit, the next HTTP applet aborts the whole
-- process (lua_newthread raises outside any protected call).
local H = require "spec.helpers.haproxy"

local SCRIPT = [==[
local concat = require "proxylua.concat"
local PMap = require "proxylua.map"
local hold = {}
local function reply(applet, body)
  applet:set_status(200)
  applet:add_header("content-length", #body)
  applet:start_response()
  applet:send(body)
end
local function arg(applet) return tonumber(applet.path:match("/(%d+)$")) or 0 end
core.register_service("grow", "http", function(applet)        -- one big builder
  local b = concat.new()
  b:reserve(arg(applet))
  b:add("grown ", arg(applet))
  reply(applet, b:dump())
end)
core.register_service("map", "http", function(applet)         -- a map, entry by entry
  local m = PMap.new({}, PMap._str)
  for i = 1, arg(applet) do m:add("key" .. i, "value") end
  reply(applet, "entries " .. m:count())
end)
core.register_service("fill", "http", function(applet)        -- plain Lua, kept
  local ok, err = pcall(function() while true do hold[#hold + 1] = {} end end)
  reply(applet, "filled: " .. tostring(err))
end)
core.register_service("ok", "http", function(applet)
  collectgarbage()
  reply(applet, "ok")
end)
]==]

local CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request use-service lua.grow if { path_beg /grow }
    http-request use-service lua.map if { path_beg /map }
    http-request use-service lua.fill if { path_beg /fill }
    http-request use-service lua.ok
]]

local function start()
  return H.start({ files = { ["m.lua"] = SCRIPT }, timeout = 60, config = CONFIG,
                   global = "    tune.lua.maxmem 4\n    lua-load ${DIR}/m.lua\n" })
end

local function alive(pid)
  local stat = H.read_file("/proc/" .. pid .. "/stat")
  return stat ~= nil and not stat:match("^%d+ %b() Z")
end

describe("tune.lua.maxmem 4 inside HAProxy 2.6", function()
  it("fails a request whose proxylua allocation passes the limit with a 500 and the memory error logged; HAProxy serves on", function()
    local hap = start()
    finally(function() hap:stop() end)
    local function get(path) return H.http({ port = hap.port, path = path }) end
    local cases = {
      { "/grow/100000000", "in method 'reserve'" },  -- 100 MB at once
      { "/map/1000000", "in method 'add'" },         -- the limit reached entry by entry
      { "/grow/4200000", "in method 'reserve'" },    -- just past the 4 MB limit
    }
    for _, c in ipairs(cases) do
      local status, body = get(c[1])
      assert.are.equal(500, status, body)
      -- and the next request is served: the state got its memory back
      status, body = get("/ok")
      assert.are.equal(200, status)
      assert.are.equal("ok", body)
    end
    local status, body = get("/grow/1000")
    assert.are.equal(200, status)
    assert.are.equal("grown 1000", body)
    assert.are.equal("entries 1000", select(2, get("/map/1000")))
    assert.is_true(alive(hap.child or hap.pid))
    local log = hap:output()
    for _, c in ipairs(cases) do
      local name = c[1]:match("^/(%a+)")
      assert.truthy(log:find("Lua applet http '<lua." .. name .. ">': [state-id 0] runtime error: not enough memory from [C]: "
        .. c[2], 1, true), log)
    end
    assert.is_nil(log:find("PANIC", 1, true))
  end)

  it("HAProxy 2.6.12's defect: when plain Lua fills the state to the limit, the next HTTP applet aborts the process", function()
    local hap = start()
    finally(function() hap:stop() end)
    -- /fill's own answer needs memory too: it is sent (200), fails (500)
    -- or HAProxy already aborts there (no answer)
    local status = H.http({ port = hap.port, path = "/fill", timeout = 5 })
    assert.is_true(status == 200 or status == 500 or status == 0, tostring(status))
    -- the next request never gets an answer: HAProxy aborts creating its coroutine
    status = H.http({ port = hap.port, path = "/ok", timeout = 5 })
    assert.are.equal(0, status)
    local pid = hap.child or hap.pid
    local deadline = os.time() + 5
    while alive(pid) and os.time() < deadline do os.execute("sleep 0.05") end
    assert.is_false(alive(pid))
  end)
end)
