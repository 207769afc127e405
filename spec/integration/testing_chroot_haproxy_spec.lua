-- chroot as HAProxy applies it to a Lua script (2.6 by default; recorded per
-- version in spec/golden/): the body and init functions open files in the
-- real tree, actions inside the chroot, relative paths from its root; and as
-- testing.from_config plays it from the very configuration HAProxy ran.
-- chroot needs root: started by another user, HAProxy does not start (2.6 to
-- 3.2: "[ALERT] ... Cannot chroot(<dir>).", exit 1), so the live test is
-- pending then; a replay needs no root (the harness only maps paths).
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [[
local dir = os.getenv("SPEC_DIR")
local body = io.open(dir .. "/outside.txt"):read("l")
local init
core.register_init(function()
  local f = io.open(dir .. "/outside.txt")
  init = f and f:read("l") or "nil"
end)
core.register_action("read", { "http-req" }, function(txn)
  local function read(path)
    local f = io.open(path)
    if not f then return "nil" end
    local s = f:read("l")
    f:close()
    return s
  end
  txn:set_var("txn.v", table.concat({ body, init, read("/inside.txt"), read("inside.txt"),
                                      read(dir .. "/outside.txt") }, "|"))
end)
]]

local is_root = H.capture("id -u"):match("^0") ~= nil

describe("chroot against HAProxy " .. H.version(), function()
  local test = (is_root or H.replaying) and it or pending
  test("applies from the end of configuration on, for HAProxy and from_config alike", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT, ["outside.txt"] = "outside\n",
                                    ["inside.txt"] = "inside\n" },
      global = "    setenv SPEC_DIR ${DIR}\n    chroot ${DIR}\n    lua-load ${DIR}/t.lua",
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.read
    http-request return status 200 content-type text/plain lf-string "%[var(txn.v)]"
]] })
    local ok, real, mine = pcall(function()
      local status, body = H.http({ port = hap.port })
      local h = testing.from_config(hap.dir .. "/haproxy.cfg", { quiet = true })
      return status .. " " .. body, "200 " .. h:rules("fe", "http-request", {}).vars.txn.v
    end)
    hap:stop()
    assert(ok, real)
    assert.equal("200 outside|outside|inside|inside|nil", real)
    assert.equal(real, mine)
  end)
end)
