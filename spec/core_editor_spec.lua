-- The editor support files (modules/core/core_luacheck.lua, core_types.lua).
local C = require "spec.helpers.core"
local state = C.state

describe("editor support files", function()
  local function read(name)
    local path = package.searchpath(name, package.path)
    local f = assert(io.open(path, "r"))
    local s = f:read("a")
    f:close()
    return s
  end

  it("the luacheck standard lists every global and core member", function()
    local std = require "proxylua.core_luacheck"
    local h = state()
    for _, g in ipairs({ "core", "act", "filter", "Map", "Regex", "CertCache" }) do
      local want = std.read_globals[g]
      assert.is_table(want, g)
      for k in pairs(h.env[g]) do assert.is_table(want.fields[k], g .. "." .. k) end
    end
  end)

  -- scripts/gen-core-types rewrites the Fetches/Converters part of
  -- modules/core/core_types.lua when this fails after a keyword was added.
  it("the LuaLS annotations cover core and every fetch and converter method", function()
    local text = read("proxylua.core_types")
    local h = state()
    for k, v in pairs(h.core) do
      if type(v) == "function" then assert.truthy(text:find("function core." .. k .. "(", 1, true), k) end
    end
    local S = require "proxylua.core.kw.samples"
    for k in pairs(S.fetch_methods) do
      assert.truthy(text:find("---@field " .. k .. " fun(self: Fetches", 1, true), k)
    end
    for k in pairs(S.conv_methods) do
      assert.truthy(text:find("---@field " .. k .. " fun(self: Converters", 1, true), k)
    end
  end)
end)
