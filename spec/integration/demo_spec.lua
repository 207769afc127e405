-- The README's demo command works: it starts HAProxy, shows one response
-- built by proxylua.concat, and (with --once) stops it again.
local H = require "spec.helpers.haproxy"

describe("scripts/demo", function()
  it("serves the demo page through real HAProxy and stops it", function()
    local out, ok = H.capture("timeout -k 2 60 scripts/demo --once 2>&1")
    assert.is_true(ok, out)
    local port = assert(out:match("serving examples/demo on 127%.0%.0%.1:(%d+)"), out)
    assert.matches("curl %-s 'http://127%.0%.0%.1:" .. port .. "/hello%?name=proxylua'", out)
    assert.matches("\nmethod   GET\npath     /hello\nquery    name=proxylua\n", out)
    assert.matches("  x%-demo: yes\n", out)
    local above = tonumber(out:match("%((%d+) bytes above, built with proxylua.concat%)"))
    local body = out:match("\n(proxylua demo\n.-)%(%d+ bytes above")
    assert.equal(#body, above)
    -- Nothing listens any more: HAProxy was stopped.
    assert.is_nil((require "socket").connect("127.0.0.1", tonumber(port)))
  end)
end)
