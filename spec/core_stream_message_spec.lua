-- HTTP messages (modules/core/stream/message.lua): header value splitting and
-- the one header rewrite behind HTTP:*_rep_value/_rep_header and
-- HTTPMessage:rep_value/rep_header. The quoted-comma results are HAProxy
-- 2.6's (spec/integration/core_header_rewrite_haproxy_spec.lua).
local msg = require "proxylua.core.stream.message"
local native = require "proxylua.core_native"
local testing = require "proxylua.testing"

local function rewrite(value, re, repl, per_value)
  local m = { headers = { { "x-q", value }, { "x-other", value } } }
  msg.replace(m, "X-Q", assert(native.regex(re, false)), repl, per_value)
  assert.equal(value, m.headers[2][2]) -- other names untouched
  return m.headers[1][2]
end

describe("header values", function()
  it("segments at commas outside quotes, keeping blanks and escaped quotes", function()
    assert.same({ "a" }, msg.segments("a"))
    assert.same({ '"a,b"', " c", ' "d\\"e,f"', "g" }, msg.segments('"a,b", c, "d\\"e,f",g'))
    assert.same({ '"a,b"', "c", '"d\\"e,f"', "g" }, msg.split('"a,b", c, "d\\"e,f",g'))
    assert.same({ "a", "", "b" }, msg.split("a, ,b"))
  end)

  it("rewrites each value on its own: a replaced value loses its blanks", function()
    assert.equal('"a,b",X, "d\\"e,f",X', rewrite('"a,b", c, "d\\"e,f",g', '^[^"]', "X", true))
    assert.equal("a,<bb>, c", rewrite("a,  bb , c", "^(b+)$", "<\\1>", true))
    assert.equal("a, b", rewrite("a, b", "^z$", "Z", true))
  end)

  it("rewrites a whole line: the result is the replacement, not the match substituted", function()
    assert.equal('z|x,y', rewrite('"x,y", z', '^"(.*)", (.*)$', "\\2|\\1", false))
    assert.equal("Y", rewrite("xyz", "y", "Y", false))
  end)

  it("gives TXN actions and filters the same result", function()
    local h = testing.load_string([[
      core.register_action("rep", { "http-req" }, function(txn)
        txn.http:req_rep_value("x-q", '^[^"]', "X")
      end)
      local F = { id = "rep", flags = filter.FLT_CFG_FL_HTX }
      function F:new() return setmetatable({}, { __index = self }) end
      function F:http_headers(txn, m) if not m:is_resp() then m:rep_value("x-q", '^[^"]', "X") end end
      core.register_filter("rep", F, function() end)
    ]])
    local req = { headers = { 'X-Q: "a,b", c' } }
    local r = h:action("rep", req)
    local f = h:filter("rep", req)
    assert.same({ { "x-q", '"a,b",X' } }, r.request.headers)
    assert.same({ { "x-q", '"a,b",X' } }, f.request.headers)
  end)
end)
