-- testing.from_config against HAProxy running the same configuration (2.6 by
-- default; recorded per version in spec/golden/):
-- spec/fixtures/config/app.cfg (setenv & co., lua-load twice with arguments,
-- lua-prepend-path, lua-load-per-thread, nbthread, set-var between Lua
-- rules, a Lua fetch and converter, use-service).
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local APP = "spec/fixtures/config/app.cfg"

describe("testing.from_config against HAProxy " .. H.version(), function()
  it("gives the answers HAProxy gives for the same configuration", function()
    local root = H.capture("pwd"):gsub("%s+$", "") .. "/"
    local text = H.read_file(APP):gsub("spec/fixtures/config/", root .. "spec/fixtures/config/")
    local hap = H.start({ config = text, defaults = false, ports = 2 })
    local real = {}
    local ok, err = pcall(function()
      for _, q in ipairs({ { hap.port, "/api/x" }, { hap.port, "/other" },
                           { hap.vars.PORT1, "/" }, { hap.vars.PORT2, "/" } }) do
        local status, body = H.http({ port = q[1], path = q[2] })
        real[#real + 1] = status .. " " .. body
      end
    end)
    hap:stop()
    assert(ok, err)

    local h = testing.from_config(APP, { quiet = true })
    local tier = h:converter("shout", h:fetch("tier", {}, "t-").value).value
    local api = h:rules("fe", "http-request", { path = "/api/x" })
    assert.equal(real[1], "200 " .. api.vars.txn.first .. "|" .. api.vars.txn.second .. "|" .. tier)
    -- /other: `lua.second if is_api` does not run in HAProxy; the harness
    -- does not evaluate conditions, so the spec leaves the rule out
    local other = h:rules("fe", "http-request", { path = "/other" }, { when = function(rule)
      return rule.cond == nil
    end })
    assert.equal(real[2], "200 " .. other.vars.txn.first .. "||" .. tier)
    local thread = tonumber(real[3]:match("^200 (%d):"))
    assert.truthy(thread == 1 or thread == 2, real[3])
    assert.equal(real[3], "200 " .. h:rules("fe_thread", "http-request", {}, { thread = thread }).vars.txn.thread)
    local svc = h:rules("svc", "http-request", {}).service
    assert.equal(real[4], svc.status .. " " .. svc.body)
  end)
end)
