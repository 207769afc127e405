-- Unit tests for cors.lua under stock Lua (see docs/testing.md):
--   busted examples/core-cors/cors_spec.lua
local testing = require "proxylua.testing"

describe("cors.lua", function()
  local h = testing.load("examples/core-cors/cors.lua")

  it("answers an allowed preflight with 204 and the CORS headers", function()
    local r = h:action("cors_request", { method = "OPTIONS", path = "/api",
      headers = { Origin = "https://app.example.com", ["Access-Control-Request-Headers"] = "x-token" } })
    assert.equal("done", r.verdict)
    assert.equal(204, r.reply.status)
    local hdr = testing.header_map(r.reply.headers)
    assert.equal("https://app.example.com", hdr["access-control-allow-origin"])
    assert.equal("x-token", hdr["access-control-allow-headers"])
  end)

  it("refuses a preflight from another origin", function()
    local r = h:action("cors_request", { method = "OPTIONS", headers = { Origin = "https://evil.test" } })
    assert.equal(403, r.reply.status)
  end)

  it("marks the response of an allowed origin", function()
    local tx = h:transaction({ path = "/api", headers = { Origin = "https://admin.example.com" } })
    assert.equal("continue", tx:run("http-req", "cors_request").verdict)
    tx:to_response({ status = 200, headers = { ["Content-Type"] = "application/json" } })
    tx:run("http-res", "cors_response")
    assert.same({ "access-control-allow-origin: https://admin.example.com",
                  "content-type: application/json", "vary: origin" },
                testing.header_set(tx:response().headers))
  end)
end)
