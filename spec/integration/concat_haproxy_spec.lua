-- proxylua.concat against HAProxy 2.6's own Concat, inside HAProxy's Lua
-- state, and served over HTTP by a lua-load script.
local H = require "spec.helpers.haproxy"

-- The same calls on a builder `b`; each prints one line. Lua evaluates it in
-- HAProxy for core.concat() and for proxylua.concat.
local EXERCISE = [==[
local function run(label, new)
  local function try(f, ...)
    local ok, err = pcall(f, ...)
    return ok and "ok" or (tostring(err):gsub("^[^:]*:%d+: ", ""))
  end
  local b = new()
  local out = {}
  local function say(s) out[#out + 1] = s end
  say(select("#", b:add("a")))
  b:add("bc"); b:add(5); b:add(1.5); b:add(-7); b:add("bin\0\255")
  say(b:dump())
  b:add("y")
  say(b:dump())
  say(new():dump())
  say(try(function() b:add(nil) end))
  say(try(function() b:add({}) end))
  say(try(function() b:add(true) end))
  say(try(function() b:add() end))
  say(try(function() b:add(function() end) end))
  say(b:dump())
  for i, s in ipairs(out) do print(label .. " " .. i .. " " .. (tostring(s):gsub("%z", "\\0"))) end
end
run("haproxy", core.concat)
run("proxylua", require("proxylua.concat").new)
]==]

describe("proxylua.concat inside HAProxy 2.6", function()
  it("gives the same outputs and error messages as core.concat()", function()
    local out, ok = H.run_lua(EXERCISE)
    assert.is_true(ok, out)
    local theirs, ours = {}, {}
    for who, rest in out:gmatch("(%a+) (%d+ [^\n]*)") do
      if who == "haproxy" then theirs[#theirs + 1] = rest end
      if who == "proxylua" then ours[#ours + 1] = rest end
    end
    assert.equal(10, #theirs)
    assert.same(theirs, ours)
    -- And what HAProxy answers, spelled out.
    assert.equal("2 abc51.5-7bin\\0\255", theirs[2])
    assert.equal("5 bad argument #1 to 'add' (string expected, got nil)", theirs[5])
    assert.equal("8 bad argument #1 to 'add' (string expected, got no value)", theirs[8])
  end)

  it("builds an HTTP response in a lua-load script served by HAProxy", function()
    local hap = H.start{
      global = "    lua-load ${DIR}/hello.lua",
      files = { ["hello.lua"] = [[
local concat = require "proxylua.concat"
core.register_service("hello", "http", function(applet)
  local b = concat.new()
  b:add("method=", applet.method, " path=", applet.path, "\n")
  b:addf("%s x %d = %d\n", "six", 7, 42)
  b:rep("ab", 3, "-")
  b:char(10)
  applet:set_status(200)
  applet:add_header("content-length", #b)
  applet:add_header("x-builder-len", b:len())
  applet:start_response()
  applet:send(b:dump())
end)
]] },
      config = [[
frontend web
    bind 127.0.0.1:${PORT}
    http-request use-service lua.hello
]] }
    finally(function() hap:stop() end)
    local status, body, headers = H.http{ port = hap.port, path = "/demo?x=1" }
    assert.equal(200, status)
    assert.equal("method=GET path=/demo\nsix x 7 = 42\nab-ab-ab\n", body)
    assert.equal(tostring(#body), headers["x-builder-len"])
  end)
end)
