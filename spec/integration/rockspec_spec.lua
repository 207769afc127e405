-- `luarocks make --tree=DIR` builds and installs every module, and the two
-- lua-prepend-path lines the README shows make HAProxy find them.
local H = require "spec.helpers.haproxy"

describe("rockspec", function()
  local tree
  setup(function()
    tree = H.tmpdir()
    local out, ok = H.capture(string.format(
      "luarocks --lua-version=5.3 make --tree=%s rockspecs/proxylua-scm-1.rockspec 2>&1", H.sh_quote(tree)))
    assert(ok, out)
  end)
  teardown(function() os.execute("rm -rf " .. H.sh_quote(tree)) end)

  it("installs proxylua.concat where stock Lua finds it", function()
    local out = H.capture(string.format(
      "LUA_CPATH='%s/lib/lua/5.3/?.so' LUA_PATH='%s/share/lua/5.3/?.lua' lua5.3 -e " ..
      "'local b = require(\"proxylua.concat\")(); b:add(\"from \", \"tree\"); io.write(b:dump())'", tree, tree))
    assert.equal("from tree", out)
  end)

  it("is found by HAProxy through the README's two lua-prepend-path lines", function()
    local out, ok = H.run_lua([[
      local b = require("proxylua.concat").new()
      b:add("haproxy ", "tree")
      print(b:dump(), package.searchpath("proxylua.concat", package.cpath))
    ]], { paths = "    lua-prepend-path " .. tree .. "/share/lua/5.3/?.lua\n" ..
                  "    lua-prepend-path " .. tree .. "/lib/lua/5.3/?.so cpath" })
    assert.is_true(ok, out)
    assert.matches("haproxy tree\t" .. tree:gsub("%p", "%%%0") .. "/lib/lua/5.3/proxylua/concat.so", out)
  end)
end)
