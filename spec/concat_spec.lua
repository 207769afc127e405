-- proxylua.concat: HAProxy's Concat API (add, dump) and the extensions.
-- HAProxy's own answers for add/dump are in spec/integration/concat_haproxy_spec.lua.
local concat = require "proxylua.concat"
local PL = require "spec.helpers.pl_lua"

-- Errors of a method call as a script writes it (b:name(...)), so that Lua
-- names the method and counts arguments from the first after self.
local function merr(b, call)
  local f = assert(load("local b = ... ; " .. call))
  local ok, err = pcall(f, b)
  assert.is_false(ok)
  return (tostring(err):gsub("^%[string .-%]:%d+: ", ""))
end

local function errmsg(f, ...)
  local ok, err = pcall(f, ...)
  assert.is_false(ok)
  return (tostring(err):gsub("^[^:]*:%d+: ", ""))
end

describe("proxylua.concat", function()
  it("builds with new() and by calling the module", function()
    local a, b = concat.new(), concat()
    a:add("x"); b:add("y")
    assert.equal("x", a:dump())
    assert.equal("y", b:dump())
    -- A table, as HAProxy's Concat is, holding its buffer at [1].
    assert.equal("table", type(a))
    assert.equal(1, rawlen(a))
  end)

  it("the class's add checks self (builder field removed, or reached through the metatable)", function()
    local b = concat.new()
    b:add("a")
    local class_add = getmetatable(b).__index.add
    class_add(b, "b", 1)
    b.add = nil
    b:add("c")
    assert.equal("ab1c", b:dump())
    local ok, err = pcall(class_add, {}, "x")
    assert.is_false(ok)
    assert.matches("proxylua.concat expected, got table", err, 1, true)
    ok, err = pcall(class_add, b)
    assert.is_false(ok)
    assert.matches("string expected, got no value", err, 1, true)
  end)

  it("a finalizer run by growth's collection step may close or fill the same builder", function()
    for _, act in ipairs({ "close", "add" }) do
      local b = concat.new()
      collectgarbage("stop")
      for _ = 1, 200 do
        setmetatable({}, { __gc = function() if act == "close" then b:close() else b:add(("z"):rep(3000)) end end })
      end
      collectgarbage("restart")
      local big = ("x"):rep(100000)
      for _ = 1, 50 do b:add(big) end
      b:add("end")
      local s = b:dump()
      assert.equal("end", s:sub(-3))
      assert.equal(0, (#s - 3) % 1000)
      assert.is_true(#s >= 100003)
    end
  end)

  it("the buffer's __gc leaves other userdata alone", function()
    local b = concat.new()
    b:add("x")
    local f = io.tmpfile()
    getmetatable(b[1]).__gc(f)
    getmetatable(b[1]).__gc({})
    assert.is_true(f:write("ok") == f)
    f:close()
    b:add("y")
    assert.equal("xy", b:dump())
  end)

  it("a __tostring run by addf that drops b[1] does not free the buffer under the call", function()
    local b = concat.new()
    b:add("<")
    b.add = nil              -- the bound add holds the buffer too
    local evil = setmetatable({}, { __tostring = function()
      b[1] = nil
      collectgarbage(); collectgarbage()
      return "y"
    end })
    local class_addf = getmetatable(b).__index.addf
    class_addf(b, "%s%s>", evil, ("z"):rep(1000))
    assert.is_nil(rawget(b, 1))
    assert.has_error(function() b:dump() end)
  end)

  describe("HAProxy-compatible add/dump", function()
    it("appends strings and converts numbers as HAProxy does", function()
      local b = concat.new()
      assert.equal(0, select("#", b:add("a")))
      b:add("bc"); b:add(5); b:add(1.5); b:add(-0.0); b:add(math.mininteger)
      assert.equal("abc51.5-0.0" .. tostring(math.mininteger), b:dump())
    end)

    it("dump does not reset and an empty builder dumps ''", function()
      local b = concat.new()
      assert.equal("", b:dump())
      b:add("x"); assert.equal("x", b:dump())
      b:add("y"); assert.equal("xy", b:dump())
    end)

    it("is 8-bit clean, empty strings included", function()
      local b = concat.new()
      b:add("a\0b"); b:add(""); b:add("\0"); b:add("\255\254")
      assert.equal("a\0b\0\255\254", b:dump())
      assert.equal(6, #b)
    end)

    it("raises HAProxy's argument errors", function()
      local b = concat.new()
      assert.equal("bad argument #1 to 'add' (string expected, got nil)", errmsg(function() b:add(nil) end))
      assert.equal("bad argument #1 to 'add' (string expected, got table)", errmsg(function() b:add({}) end))
      assert.equal("bad argument #1 to 'add' (string expected, got boolean)", errmsg(function() b:add(true) end))
      assert.equal("bad argument #1 to 'add' (string expected, got no value)", errmsg(function() b:add() end))
      assert.equal("", b:dump())
    end)

    it("refuses a foreign self", function()
      local b = concat.new()
      assert.matches("bad argument #1 to 'dump' %(proxylua.concat expected, got table%)", errmsg(function() b.dump({}) end))
      assert.matches("bad argument #1 to 'len' %(proxylua.concat expected, got userdata%)", errmsg(function() b.len(io.stdout) end))
      -- A look-alike table holding some other userdata is refused too.
      assert.matches("proxylua.concat expected, got table",
        errmsg(function() b.dump(setmetatable({ io.stdout }, getmetatable(b))) end))
    end)

    it("binds add to its builder: self is not consulted", function()
      local a, b = concat.new(), concat.new()
      a.add(b, "x")
      assert.equal("x", a:dump())
      assert.equal("", b:dump())
    end)
  end)

  describe("extensions", function()
    it("add takes several pieces (HAProxy keeps only the first)", function()
      local b = concat.new()
      b:add("a", "b", 3, "\0")
      assert.equal("ab3\0", b:dump())
      assert.equal("bad argument #3 to 'add' (string expected, got table)", errmsg(function() b:add("x", "y", {}) end))
    end)

    it("len, # and tostring", function()
      local b = concat.new()
      b:add("hello", "\0")
      assert.equal(6, b:len()); assert.equal(6, #b)
      assert.equal("hello\0", tostring(b))
    end)

    it("reset empties and keeps working", function()
      local b = concat.new()
      b:add(string.rep("z", 10000)); b:reset()
      assert.equal(0, #b); assert.equal("", b:dump())
      b:add("again"); assert.equal("again", b:dump())
    end)

    it("reserve leaves contents alone and checks its argument", function()
      local b = concat.new()
      b:add("a"); b:reserve(1 << 20); b:reserve(0)
      assert.equal("a", b:dump())
      assert.equal("bad argument #1 to 'reserve' (size must not be negative)", merr(b, [[b:reserve(-1)]]))
      assert.matches("number expected, got string", merr(b, [[b:reserve("x")]]))
    end)

    it("rep repeats with an optional separator", function()
      local b = concat.new()
      b:rep("ab", 3); b:add("|"); b:rep("x\0", 2, ", "); b:rep("q", 0); b:rep("q", -3)
      assert.equal("ababab|x\0, x\0", b:dump())
      assert.equal(string.rep("x\0", 2, ", "), ("x\0, x\0"))
      assert.matches("number expected", merr(b, [[b:rep("a")]]))
      assert.matches("too large", merr(b, [[b:rep("ab", math.maxinteger)]]))
      local e = concat.new(); e:add("<"); e:rep("", math.maxinteger); e:rep("", 1e15, ""); e:add(">")
      assert.equal("<>", e:dump())        -- at once: no 2^63 empty copies
    end)

    it("char appends bytes like string.char", function()
      local b = concat.new()
      b:char(104, 0, 255); b:char()
      assert.equal("h\0\255", b:dump())
      assert.equal("bad argument #2 to 'char' (value out of range)", merr(b, [[b:char(1, 256)]]))
      assert.equal("bad argument #1 to 'char' (value out of range)", merr(b, [[b:char(-1)]]))
      assert.equal("h\0\255", b:dump())
    end)

    -- addf must produce exactly what string.format produces.
    local formats = {
      function() return "plain" end,
      function() return "%%" end,
      function() return "%d|%5d|%-5d|%05d|%+d", 42, 42, 42, -42, 7 end,
      function() return "%i %u", -1, 12 end,
      function() return "%x %X %#x %o", 255, 255, 255, 8 end,
      function() return "%d", math.mininteger end,
      function() return "%d", 3.0 end,
      function() return "%c%c%c", 76, 0, 255 end,
      function() return "%f %.3f %10.2f %-10.1f| %e %E %g %G", 1.5, math.pi, -2.25, 1/3, 12345.678, 1e-10, 0.0001, 1e20 end,
      function() return "%a %A", 1.0, 0.5 end,
      function() return "%5.1f", 1e308 end,
      function() return "%99.99f", -1e308 end,
      function() return "%s %s %s %s", "s", 12, 1.5, true end,
      function() return "%s", nil end,
      function() return "%10s|%-10s|%.2s", "abc", "abc", "abcdef" end,
      function() return "%5s", string.rep("y", 150) end,
      function() return "%s", "nul\0inside" end,
      function() return "%q", "a\n\0b\"\\\r\1272\0009" end,
      function() return "%q", 17 end,
      function() return "%q", math.mininteger end,
      function() return "%q", 0.1 end,
      function() return "%q %q %q", true, false, nil end,
      -- regression: %q of inf, -inf and nan printed 5.4's literals under 5.3
      function() return "%q|%q|%q|%q", 1/0, -1/0, 0/0, -(0/0) end,
      function() return "%q %q", math.huge, -math.huge end,
      function() return "x\0y %d\0", 1 end,
    }
    for i, case in ipairs(formats) do
      it("addf matches string.format #" .. i .. " " .. case():gsub("%z", "\\0"), function()
        local b = concat.new()
        b:add("<")
        b:addf(case())
        assert.equal("<" .. string.format(case()), b:dump())
      end)
    end

    it("addf %q of inf, -inf and nan prints this Lua's string.format forms (5.3 printed 5.4's)", function()
      local want = _VERSION == "Lua 5.3" and { "inf", "-inf" } or { "1e9999", "-1e9999" }
      local b = concat.new()
      b:addf("%q %q", 1/0, -1/0)
      assert.equal(want[1] .. " " .. want[2], b:dump())
      for _, x in ipairs({ 0/0, -(0/0) }) do
        local n = concat.new()
        n:addf("%q", x)
        assert.equal(string.format("%q", x), n:dump())
        assert.is_true(n:dump():find("nan", 1, true) ~= nil or n:dump() == "(0/0)")
      end
    end)

    -- found by tests/fuzz/fuzz_addf-5.4: addf refused repeated flags, which 5.4 accepts
    it("addf takes repeated flags as this Lua's string.format does (5.3: at most five; 5.4: any, in 20 bytes)", function()
      for _, f in ipairs({ "%------s", "%-----5s", "%--5d", "%++d", "%##x", "%00005d", "%-------------------5s" }) do
        local b = concat.new()
        local ok1, r1 = pcall(string.format, f, 12)
        local ok2, r2 = pcall(b.addf, b, f, 12)
        assert.equal(ok1, ok2, f)
        if ok1 then assert.equal(r1, b:dump(), f) end
        if _VERSION == "Lua 5.3" and not ok1 then assert.matches("invalid format %(repeated flags%)", r2) end
      end
      local b = concat.new()
      if _VERSION ~= "Lua 5.3" then
        assert.equal("invalid format string to 'addf'", merr(b, [[b:addf("%---------------------d", 1)]]))
      end
    end)

    -- found by tests/fuzz/fuzz_addf-5.4: addf refused %p, which 5.4's string.format has
    it("addf %p prints what string.format prints (5.4), and is refused like an unknown conversion (5.3)", function()
      local t, f = {}, function() end
      local b = concat.new()
      if _VERSION == "Lua 5.3" then
        assert.equal("invalid conversion '%p' to 'addf'", merr(b, [[b:addf("%p", {})]]))
        return
      end
      b:addf("[%p][%20p][%-20p][%p][%p]", nil, 1, t, f, true)
      assert.equal(string.format("[%p][%20p][%-20p][%p][%p]", nil, 1, t, f, true), b:dump())
      assert.equal("[(null)][              (null)][", b:dump():sub(1, 31))
      assert.equal("invalid conversion specification: '%.3p'", merr(b, [[b:addf("%.3p", {})]]))
      assert.equal("invalid conversion specification: '%+p'", merr(b, [[b:addf("%+p", {})]]))
    end)

    it("addf %s uses __tostring", function()
      local b = concat.new()
      b:addf("%s", setmetatable({}, { __tostring = function() return "obj" end }))
      assert.equal("obj", b:dump())
    end)

    it("addf raises string.format's errors under its own name", function()
      local b = concat.new()
      assert.equal("bad argument #2 to 'addf' (number has no integer representation)", merr(b, [[b:addf("%d", 1.5)]]))
      assert.equal("bad argument #2 to 'addf' (no value)", merr(b, [[b:addf("%d")]]))
      assert.equal("bad argument #3 to 'addf' (number expected, got string)", merr(b, [[b:addf("%d %f", 1, "x")]]))
      assert.equal("bad argument #2 to 'addf' (string contains zeros)", merr(b, [[b:addf("%5s", "a\0")]]))
      assert.equal("bad argument #2 to 'addf' (value has no literal form)", merr(b, [[b:addf("%q", {})]]))
      assert.equal("invalid conversion '%y' to 'addf'", merr(b, [[b:addf("%y", 1)]]))
      assert.equal("invalid format (width or precision too long)", merr(b, [[b:addf("%100d", 1)]]))
      if _VERSION == "Lua 5.3" then
        assert.equal("invalid format (repeated flags)", merr(b, [[b:addf("%------d", 1)]]))
      end
      assert.equal("specifier '%q' cannot have modifiers", merr(b, [[b:addf("%5q", "a")]]))
      assert.equal("bad argument #1 to 'addf' (string expected, got no value)", merr(b, [[b:addf()]]))
    end)
  end)

  describe("memory", function()
    it("grows geometrically: 1 MB from 10-byte pieces, exact result", function()
      local b = concat.new()
      for i = 1, 100000 do b:add("0123456789") end
      local s = b:dump()
      assert.equal(1000000, #s)
      assert.equal(string.rep("0123456789", 100000), s)
    end)

    it("__gc frees, and a collected builder leaves no trace", function()
      for _ = 1, 50 do local b = concat.new(); b:rep("x", 100000) end
      collectgarbage(); collectgarbage()
      assert.is_true(collectgarbage("count") < 10 * 1024)
    end)

    it("a builder resurrected by a finalizer after its __gc cannot take memory again", function()
      local keep
      do
        local b = concat.new()
        b:add("x")
        setmetatable({}, { __gc = function() keep = b end })
      end
      collectgarbage(); collectgarbage()
      assert.is_table(keep)
      assert.equal("", keep:dump())
      assert.has_error(function() keep:add(("y"):rep(100)) end,
        "proxylua.concat: builder used after it was collected")
      assert.equal(0, #keep)
    end)

    it("close frees now, idempotently, and leaves an empty, usable builder", function()
      local b = concat.new()
      b:rep("x", 100000)
      b:close(); b:close()
      assert.equal("", b:dump())
      b:add("ok"); assert.equal("ok", b:dump())
    end)

    if _VERSION ~= "Lua 5.3" then
      it("__close (5.4 to-be-closed variables) frees the same way", function()
        local b = concat.new()
        local f = load([[
          local b = ...
          do local c <close> = b; b:add("inside") end
          return b
        ]])
        f(b)
        assert.equal("", b:dump())
        getmetatable(b).__close(b)
        b:add("ok"); assert.equal("ok", b:dump())
      end)
    end

    it("outgrowing tune.lua.maxmem raises a memory error and stays usable", function()
      local out = PL.run_file("spec/fixtures/concat_maxmem.lua")
      assert.equal(table.concat({
        "false\tnot enough memory",
        "true",
        "true",
        "false\tnot enough memory\ttrue",
        "after",
        tostring(5 + 1024 * 1024),
      }, "\n") .. "\n", out)
    end)
  end)
end)
