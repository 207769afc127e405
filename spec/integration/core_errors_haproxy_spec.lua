-- Error reports: the same failing functions in real HAProxy 2.6 and in the
-- harness must log the same text (prefix, state id, message, traceback).
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [==[
core.register_action("a_err", { "http-req" }, function(txn)
  error("aboom")
end)
core.register_action("errnum", { "http-req" }, function(txn) error(42) end)
core.register_action("err_runtime", { "http-req" }, function(txn)
  local x
  return x.field
end)
core.register_action("errlevel2", { "http-req" }, function(txn) local function f() error("lvl2") end f() end)
core.register_action("errapi", { "http-req" }, function(txn)
  core.Info()
end)
core.register_action("errmethod", { "http-req" }, function(txn)
  txn:set_var("txn.x")
end)
core.register_action("errtail", { "http-req" }, function(txn)
  return txn.f:int("5")
end)
core.register_action("errtab", { "http-req" }, function(txn) error({}) end)
core.register_fetches("f_err", function(txn) error("fboom", 0) end)
core.register_fetches("f_sleep", function(txn) core.msleep(10) return "x" end)
core.register_converters("c_err", function(s) error("cboom") end)
core.register_converters("c_sleep", function(s) core.sleep(1) return s end)
core.register_service("s_err", "http", function(applet) error("sboom") end)
]==]

local ACTIONS = { "a_err", "errnum", "err_runtime", "errlevel2", "errapi", "errmethod", "errtail", "errtab" }

local CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.a_err if { path /a_err }
    http-request lua.errnum if { path /errnum }
    http-request lua.err_runtime if { path /err_runtime }
    http-request lua.errlevel2 if { path /errlevel2 }
    http-request lua.errapi if { path /errapi }
    http-request lua.errmethod if { path /errmethod }
    http-request lua.errtail if { path /errtail }
    http-request lua.errtab if { path /errtab }
    http-request use-service lua.s_err if { path /s_err }
    http-request return status 200 content-type text/plain lf-string "f=%[lua.f_err] s=%[lua.f_sleep] c=%[str(x),lua.c_err] d=%[str(x),lua.c_sleep]"
]]

-- Distinct texts, sorted (HAProxy evaluates the final rule's fetches for
-- every request that reaches it).
local function distinct(list)
  local seen, out = {}, {}
  for _, t in ipairs(list) do
    if not seen[t] then seen[t] = true out[#out + 1] = t end
  end
  table.sort(out)
  return out
end

-- "[ALERT]    (pid) : <text>" lines about Lua, pid dropped.
local function alerts(text)
  local out = {}
  for line in text:gmatch("[^\n]+") do
    local t = line:match("^%[ALERT%]%s+%(%d+%) : (Lua .*)$")
    if t then out[#out + 1] = t end
  end
  return distinct(out)
end

describe("error reports against HAProxy 2.6", function()
  it("have the same text", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT }, global = "    lua-load ${DIR}/t.lua",
                          config = CONFIG })
    local ok, err = pcall(function()
      for _, a in ipairs(ACTIONS) do H.http({ port = hap.port, path = "/" .. a }) end
      H.http({ port = hap.port, path = "/s_err" })
      H.http({ port = hap.port, path = "/other" })
    end)
    -- the harness loads the very same file, so chunk names are equal
    local file = hap.dir .. "/t.lua"
    local h = ok and testing.load(file)
    local real = alerts(hap:output())
    hap:stop()
    assert(ok, err)
    for _, a in ipairs(ACTIONS) do h:action(a, { path = "/" .. a }) end
    h:service("s_err", { path = "/s_err" })
    h:fetch("f_err")
    h:fetch("f_sleep")
    h:converter("c_err", "x")
    h:converter("c_sleep", "x")
    local mine = {}
    for _, l in ipairs(h:logs()) do
      if l.msg:match("^Lua ") then mine[#mine + 1] = l.msg end
    end
    assert.same(real, distinct(mine))
    assert.equal(13, #real)
  end)
end)
