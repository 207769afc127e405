-- The Regex class (modules/core/classes/regex.lua). Every rule is asserted
-- against HAProxy 2.6's own outputs.
local C = require "spec.helpers.core"
local state = C.state

describe("Regex", function()
  local Regex = state().env.Regex

  it("new returns two values and takes a case-sensitive flag", function()
    local ok, re = Regex.new("^A+$", false)
    assert.is_true(ok)
    assert.equal("HAProxy class Regex", tostring(re))
    assert.is_true(re:match("aaa"))
    local _, re2 = Regex.new("^A+$", true)
    assert.is_false(re2:match("aaa"))
    assert.same({ false, "regex '(' is invalid (error=missing closing parenthesis, erroffset=1)" },
      { Regex.new("(", true) })
    local e1 = select(2, pcall(function() Regex.new("a") end))
    assert.matches("bad argument #2 to 'new' %(%(null%)%)$", e1)
    local e2 = select(2, pcall(function() Regex.new("a", 1) end))
    assert.matches("bad argument #2 to 'new' %(%(null%)%)$", e2)
    local e3 = select(2, pcall(function() Regex:new("a", true) end))
    assert.matches("calling 'new' on bad self %(string expected, got table%)$", e3)
  end)

  it("exec is unanchored; match stops at the first missing group", function()
    local _, re = Regex.new("b+", true)
    assert.is_true(re:exec("abbbc"))
    assert.same({ true, { "bbb" } }, { re:match("abbbc") })
    local _, re2 = Regex.new("^(a+)(b*)(x)?(c)?$", true)
    assert.same({ true, { "aabc", "aa", "b" } }, { re2:match("aabc") })
    assert.same({ false, {} }, { re2:match("zzz") })
    assert.same({ false, {} }, { re2:match(123) })
    local e = select(2, pcall(function() re2:match(nil) end))
    assert.matches("bad argument #1 to 'match' %(string expected, got nil%)$", e)
  end)
end)
