-- require "proxylua.core" in a plain Lua process (modules/core/core.lua).

describe("require 'proxylua.core' in a plain Lua process", function()
  it("installs the emulated globals once and logs to stderr", function()
    local lua = "lua" .. _VERSION:match("%d+%.%d+") -- the interpreter running this spec
    local code = [[local c = require "proxylua.core"
      print(c == core, require("proxylua.core") == c, type(act), type(Map), type(Regex), core.thread)
      core.Info("hello")]]
    local p = io.popen(string.format("%s -e %q 2>&1", lua, code))
    local out = p:read("a")
    p:close()
    assert.matches("^true\ttrue\ttable\ttable\ttable\t0\n", out)
    assert.matches("\n%[info%] %d%d%d/%d%d%d%d%d%d %(%d+%) : hello\n$", out)
  end)
end)
