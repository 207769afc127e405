-- The Map class (modules/core/classes/map.lua). Every rule is asserted against
-- HAProxy 2.6's own outputs.
local testing = require "proxylua.testing"
local C = require "spec.helpers.core"
local state, in_action = C.state, C.in_action

describe("Map", function()
  it("checks its arguments like 2.6", function()
    local h = testing.load_string("", { start = false }) -- still in the body
    local Map = h.env.Map
    local e = select(2, pcall(function() Map.new("x.map", Map._found) end))
    assert.matches("'new' doesn't support this match mode%.$", e)
    e = select(2, pcall(function() Map.new("x.map", 99) end))
    assert.matches("'new' needs a valid match method%.$", e)
    e = select(2, pcall(function() Map.new("/nonexistent.map") end))
    assert.matches("'new': failed to open pattern file </nonexistent%.map>%.$", e)
  end)

  it("cannot be loaded at runtime", function()
    local r = in_action("Map.new('/etc/hostname')")
    assert.matches("'new': map: cannot load map at runtime%.", r.error)
  end)

  it("set_map/del_map/add_acl/del_acl refuse unknown files", function()
    local r = in_action("core.set_map('nope.map', 'k', 'v')")
    assert.matches("'set_map': unknown map file 'nope%.map'", r.error)
    r = in_action("core.add_acl('nope.acl', 'k')")
    assert.matches("'add_acl': unknown acl file 'nope%.acl'", r.error)
    r = in_action("core.del_map('nope.map', 'k')")
    assert.matches("'del_map': unknown acl file 'nope%.map'", r.error)
    local ok, err = pcall(state, "core.add_acl('a.acl', 'x')", { acls = { ["a.acl"] = {} } })
    assert.is_false(ok)
    assert.equal("Lua runtime error: script.lua:1: 'add_acl': unknown acl file 'a.acl'", err)
    local h = state("", { acls = { ["a.acl"] = { "one" } } })
    h.rt.phase = "runtime"
    h.core.add_acl("a.acl", "two")
    h.core.add_acl("a.acl", "two")
    h.core.del_acl("a.acl", "one")
    assert.same({ "two" }, h.process.patrefs["a.acl"].order)
  end)
end)
