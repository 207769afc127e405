-- The map and stick-table converters added after 2.6 (kw/conv_maptable.lua)
-- under stock Lua, per emulated version; expected values are what HAProxy
-- 2.6.12, 2.8.0, 3.0.0 and 3.2.0 returned for the same calls
-- (spec/integration/core_conv_maptable_haproxy_spec.lua checks them live).
local testing = require "proxylua.testing"
local S = require "proxylua.core.kw.samples"

local function proxies()
  return {
    fe = { cap = "frontend" },
    st = { cap = "backend", stktable = { type = "ip", size = 1024, expire = 60000,
      store = { "gpc0", "gpc1", "glitch_cnt", "glitch_rate(10s)" },
      entries = { ["127.0.0.1"] = { gpc0 = 5, glitch_cnt = 3, glitch_rate = 2, use = 1 } } } },
    arr = { cap = "backend", stktable = { type = "string", len = 32, size = 100,
      store = { "gpc(3)", "gpc_rate(3,10s)" }, entries = { a = { gpc = { [0] = 4, [2] = 9 } } } } },
    rate = { cap = "backend", stktable = { type = "ip", size = 10, store = { "gpc0_rate(10s)" } } },
    none = { cap = "backend", stktable = { type = "integer", size = 10, store = { "conn_cnt" } } },
  }
end

-- Run f(txn) in an http-request action of a runtime emulating `version`.
local function in_action(version, f)
  local got
  local h = testing.load_string("core.register_action('p', {'http-req'}, function(txn) F(txn) end)",
    { haproxy = version, proxies = proxies(),
      globals = { F = function(txn) got = table.pack(f(txn)) end } })
  local r = h:action("p", {})
  assert.is_nil(r.error)
  return table.unpack(got, 1, got.n)
end

local function err_of(f)
  local ok, e = pcall(f)
  assert.is_false(ok)
  return (e:gsub("^[^\n]-:%d+: ", ""))
end

local MAP_KEYS = { "map_str_key", "map_beg_key", "map_dir_key", "map_dom_key", "map_end_key",
                   "map_int_key", "map_ip_key", "map_reg_key", "map_sub_key" }
local GLITCH = { "table_glitch_cnt", "table_glitch_rate" }
local GPC_OPS = { "table_inc_gpc", "table_inc_gpc0", "table_inc_gpc1",
                  "table_clr_gpc", "table_clr_gpc0", "table_clr_gpc1" }

local function types(version, names)
  return { in_action(version, function(txn)
    local out = {}
    for i, n in ipairs(names) do out[i] = type(txn.c[n]) .. "/" .. type(txn.sc[n]) end
    return table.unpack(out)
  end) }
end

local function all(v, n)
  local out = {}
  for i = 1, n do out[i] = v end
  return out
end

describe("converters of later versions exist from their version on", function()
  it("map_<match>_key and table_glitch_* from 3.0, table_inc/clr_gpc* from 3.2", function()
    for _, v in ipairs({ "2.6", "2.8" }) do
      assert.same(all("nil/nil", 9), types(v, MAP_KEYS))
      assert.same(all("nil/nil", 2), types(v, GLITCH))
    end
    for _, v in ipairs({ "3.0", "3.2" }) do
      assert.same(all("function/function", 9), types(v, MAP_KEYS))
      assert.same(all("function/function", 2), types(v, GLITCH))
    end
    assert.same(all("nil/nil", 6), types("3.0", GPC_OPS))
    assert.same(all("function/function", 6), types("3.2", GPC_OPS))
  end)

  it("a script calling one fails as the older version does", function()
    assert.equal("attempt to call a nil value (method 'map_str_key')",
      in_action("2.8", function(txn) return err_of(function() return txn.c:map_str_key("k", "f.map") end) end))
    assert.equal("attempt to call a nil value (method 'table_inc_gpc0')",
      in_action("3.0", function(txn) return err_of(function() return txn.c:table_inc_gpc0("k", "st") end) end))
  end)

  it("are unknown to S.convert before their version", function()
    local h = testing.load_string("", { haproxy = "3.0", proxies = proxies() })
    local tx = h:transaction({})
    local s = tx.stream
    assert.same({ nil, "unknown converter 'table_inc_gpc0'" },
      { S.convert(s, "table_inc_gpc0", { t = "str", v = "127.0.0.1" }, "st") })
    assert.same({ t = "sint", v = 3 }, S.convert(s, "table_glitch_cnt", { t = "str", v = "127.0.0.1" }, "st"))
  end)
end)

describe("map_<match>_key from Lua", function()
  it("is refused at runtime like every map converter, after the argument checks", function()
    local function probe(txn)
      return err_of(function() return txn.c:map_str_key("k", "f.map") end),
        err_of(function() return txn.sc:map_ip_key("10.0.0.1", "f.map") end),
        err_of(function() return txn.c:map_str_key("k") end),
        err_of(function() return txn.c:map_dom_key("k", 5) end),
        err_of(function() return txn.c:map_beg_key("k", "f.map", "x") end),
        err_of(function() return txn.c:map_str_int("k", "f.map", "x") end),
        err_of(function() return txn.c:map_str("k", "f.map", "d", "x") end)
    end
    local common = { "bad argument #2 to 'map_str_key' (Mandatory argument expected)",
      "bad argument #2 to 'map_dom_key' (unable to duplicate string arg)",
      "bad argument #3 to 'map_beg_key' (Last argument expected)",
      "bad argument #3 to 'map_str_int' (integer expected)",
      "bad argument #4 to 'map_str' (Last argument expected)" }
    assert.same({ "error in arguments", "error in arguments", table.unpack(common) },
                { in_action("3.0", probe) })
    -- 3.2 gives the reason, with no position
    local r = { in_action("3.2", probe) }
    assert.same({ "error in arguments: map: cannot load map at runtime",
                  "error in arguments: map: cannot load map at runtime", table.unpack(common) }, r)
    assert.equal("error in arguments: map: cannot load map at runtime",
      in_action("3.2", function(txn) return select(2, pcall(txn.c.map_str_key, txn.c, "k", "f.map")) end))
  end)
end)

describe("table_glitch_cnt and table_glitch_rate", function()
  it("read the stored counters; 0 for an absent key, nil when not stored", function()
    local r = { in_action("3.0", function(txn)
      local c = txn.c
      return c:table_glitch_cnt("127.0.0.1", "st"), c:table_glitch_rate("127.0.0.1", "st"),
        c:table_glitch_cnt("10.9.9.9", "st"), c:table_glitch_cnt("a", "arr"), c:table_glitch_rate("zz", "arr"),
        txn.sc:table_glitch_cnt("127.0.0.1", "st"), c:table_glitch_cnt("not an ip", "st")
    end) }
    assert.same({ 3, 2, 0, nil, 0, "3", nil }, { table.unpack(r, 1, 7) })
    -- 3.2 takes an input that is no key of the table as an absent key
    assert.equal(0, in_action("3.2", function(txn) return txn.c:table_glitch_cnt("not an ip", "st") end))
  end)

  it("check their table argument as HAProxy does", function()
    local r = { in_action("3.0", function(txn)
      local c = txn.c
      return err_of(function() return c:table_glitch_cnt("k", "nope") end),
        err_of(function() return c:table_glitch_cnt("k") end),
        err_of(function() return c:table_glitch_rate("k", 5) end),
        err_of(function() return c:table_glitch_cnt("k", "st", "x") end)
    end) }
    assert.same({ "bad argument #2 to 'table_glitch_cnt' (table doesn't exist)",
                  "bad argument #2 to 'table_glitch_cnt' (Mandatory argument expected)",
                  "bad argument #2 to 'table_glitch_rate' (string expected)",
                  "bad argument #3 to 'table_glitch_cnt' (Last argument expected)" }, r)
  end)
end)

describe("table_inc_gpc* and table_clr_gpc* (3.2)", function()
  local function run(f) return { in_action("3.2", f) } end

  it("increment and clear gpc0/gpc1, creating the entry", function()
    -- (3.2 turns booleans into integers by default: in_table gives 0/1)
    assert.same({ 6, 7, 7, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1 }, run(function(txn)
      local c = txn.c
      return c:table_inc_gpc0("127.0.0.1", "st"), c:table_inc_gpc0("127.0.0.1", "st"),
        c:table_clr_gpc0("127.0.0.1", "st"), c:table_gpc0("127.0.0.1", "st"),
        c:table_inc_gpc1("127.0.0.1", "st"), c:table_clr_gpc1("127.0.0.1", "st"), c:table_gpc1("127.0.0.1", "st"),
        c:in_table("10.1.1.1", "st"), c:table_inc_gpc0("10.1.1.1", "st"), c:in_table("10.1.1.1", "st"),
        c:table_gpc0("10.1.1.1", "st"), c:table_clr_gpc1("10.2.2.2", "st"), c:in_table("10.2.2.2", "st")
    end))
  end)

  it("work on the gpc array, its rate, and gpc0/gpc1 fall back on it", function()
    assert.same({ 5, 1, 1, 1, 0, 2, 9, 0, 1, 2, 1, 0 }, run(function(txn)
      local c = txn.c
      return c:table_inc_gpc("a", 0, "arr"), c:table_inc_gpc("a", 1, "arr"), c:table_gpc("a", 1, "arr"),
        c:table_gpc_rate("a", 1, "arr"), c:table_clr_gpc("zz", 1, "arr"), c:table_inc_gpc1("a", "arr"),
        c:table_clr_gpc("a", 2, "arr"), c:table_gpc("a", 2, "arr"), c:table_gpc_rate("a", 0, "arr"),
        c:table_gpc("a", 1, "arr"), c:table_inc_gpc0("b", "arr"), c:table_clr_gpc0("a", "arr") - 5
    end))
  end)

  it("answer 0 or nil where a counter is not stored", function()
    local r = run(function(txn)
      local c = txn.c
      return c:table_inc_gpc("a", 3, "arr"), c:table_clr_gpc("a", 3, "arr"),
        c:table_inc_gpc("a", -1, "arr"), c:table_clr_gpc("a", -1, "arr"),
        c:table_inc_gpc("a", 4294967298, "arr"), c:table_gpc("a", 2, "arr"),
        c:table_inc_gpc0("127.0.0.1", "rate"), c:table_inc_gpc0("127.0.0.1", "rate"),
        c:table_gpc0_rate("127.0.0.1", "rate"), c:table_clr_gpc0("127.0.0.1", "rate"),
        c:table_inc_gpc0("7", "none"), c:table_clr_gpc0("7", "none"), c:in_table("7", "none"),
        c:table_inc_gpc0("not an ip", "st"), c:table_clr_gpc0("not an ip", "st"),
        txn.sc:table_clr_gpc("z", 2, "none"), c:table_inc_gpc("127.0.0.1", 0, "st"),
        c:table_clr_gpc("127.0.0.1", 0, "st")
    end)
    assert.same({ 0, nil, 0, nil, 10, 10, 1, 2, 2, nil, 0, nil, 1, 0, 0, "", 0, nil }, { table.unpack(r, 1, 18) })
  end)

  it("check their arguments as HAProxy does", function()
    assert.same({ "bad argument #2 to 'table_inc_gpc' (integer expected)",
                  "bad argument #3 to 'table_inc_gpc' (Mandatory argument expected)",
                  "bad argument #2 to 'table_clr_gpc0' (table doesn't exist)",
                  "bad argument #3 to 'table_clr_gpc1' (Last argument expected)",
                  "bad argument #3 to 'table_clr_gpc' (string expected)" }, run(function(txn)
      local c = txn.c
      return err_of(function() return c:table_inc_gpc("a", "0", "arr") end),
        err_of(function() return c:table_inc_gpc("a", 0) end),
        err_of(function() return c:table_clr_gpc0("a", "nope") end),
        err_of(function() return c:table_clr_gpc1("a", "arr", 1) end),
        err_of(function() return c:table_clr_gpc("a", 0, 3) end)
    end))
  end)
end)
