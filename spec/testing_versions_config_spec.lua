-- testing.from_config per emulated version (docs/versions.md "lua-load
-- arguments", "Configuration lines"): the 64-word limit of a line, what
-- .if and HAPROXY_* see of the version, the tune.lua.* lines of later
-- versions. Every text below is what the live builds printed.
local testing = require "proxylua.testing"

local function tmpfile(text)
  local path = os.tmpname()
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
  return path
end

-- from_config on `text` as t.cfg; a Lua file s.lua (SCRIPT) sits beside it.
local SCRIPT = "N = select('#', ...)\nLAST = select(select('#', ...) > 0 and select('#', ...) or 1, ...)\n"
local function from(text, ver, opts)
  local script, cfg = tmpfile(SCRIPT), tmpfile(text)
  opts = opts or {}
  opts.haproxy, opts.quiet = ver, true
  opts.path_map = { ["s.lua"] = script }
  local ok, h = pcall(testing.from_config, cfg, opts)
  os.remove(script)
  os.remove(cfg)
  if not ok then error((tostring(h):gsub(cfg:gsub("%p", "%%%0"), "t.cfg")), 0) end
  return h
end

local function words(n)
  local t = {}
  for i = 1, n do t[i] = tostring(i) end
  return table.concat(t, " ")
end

describe("from_config: a line's 64 words", function()
  it("lua-load takes 62 arguments in every version, 63 is HAProxy's alert", function()
    for _, ver in ipairs(testing.versions) do
      local h = from("global\n  lua-load s.lua " .. words(62) .. "\n", ver)
      assert.equal(ver == "2.6" and 0 or 62, h.env.N, ver)
      assert.has_error(function() from("global\n  lua-load s.lua " .. words(63) .. "\n", ver) end,
        "parsing [t.cfg:2]: too many words, truncating after word 64, position 190: <62>.")
      assert.has_error(function() from("global\n  lua-load-per-thread s.lua " .. words(63) .. "\n", ver) end,
        "parsing [t.cfg:2]: too many words, truncating after word 64, position 201: <62>.")
    end
  end)

  it("counts the words as read: quotes and blanks do not count, any line", function()
    local long = {}
    for i = 1, 63 do long[i] = '  "x' .. i .. '"' end
    assert.has_error(function() from("global\n  lua-load s.lua" .. table.concat(long) .. "\n", "3.2") end,
      "parsing [t.cfg:2]: too many words, truncating after word 64, position 251: <x62>.")
    assert.has_error(function() from("frontend fe\n  http-request deny " .. words(63) .. "\n", "2.6") end,
      "parsing [t.cfg:2]: too many words, truncating after word 64, position 193: <62>.")
  end)

  it("a blank after the 64th word is one word too many, even before a comment; .if 0 does not hide it", function()
    local msg = "parsing [t.cfg:2]: too many words, truncating after word 64, position 190: <62>."
    for _, tail in ipairs({ "   ", " # c", "\t" }) do
      assert.has_error(function() from("global\n  lua-load s.lua " .. words(62) .. tail .. "\n", "2.8") end, msg)
    end
    assert.equal(62, from("global\n  lua-load s.lua " .. words(62) .. "#c\n", "2.8").env.N)
    assert.equal(61, from("global\n  lua-load s.lua " .. words(61) .. " # a b c\n", "2.8").env.N)
    assert.has_error(function() from("global\n.if 0\n  lua-load s.lua " .. words(63) .. "\n.endif\n", "2.6") end,
      "parsing [t.cfg:3]: too many words, truncating after word 64, position 190: <62>.")
  end)

  it("task arguments: four at most from 2.8 (live)", function()
    local h = testing.load_string([[
      OK4 = pcall(core.register_task, function() end, 1, 2, 3, 4)
      OK5, E5 = pcall(core.register_task, function() end, 1, 2, 3, 4, 5)]], { haproxy = "3.2", quiet = true })
    assert.is_true(h.env.OK4)
    assert.is_false(h.env.OK5)
    assert.equal("register_task: no more that 4 optional arguments may be provided", h.env.E5)
  end)
end)

describe("from_config: what the configuration sees of the version", function()
  local CFG = [[
global
  .notice "x"
.if version_atleast(2.8)
  setenv A28 1
.endif
.if version_before(3.0)
  setenv B30 1
.endif
.if version_atleast(3.2-dev1)
  setenv DEV 1
.endif
.if version_atleast(3.2.0-rc1) && version_before(3.2.1)
  setenv RC 1
.endif
.if version_atleast(abc) && !version_before(abc)
  setenv BAD 1
.endif
.if version_before(2.6.13) && version_atleast(2.6.12)
  setenv P26 1
.endif
]]
  local function seen(ver, opts)
    local h = from(CFG, ver, opts)
    local out = {}
    for _, k in ipairs({ "A28", "B30", "DEV", "RC", "BAD", "P26" }) do
      if h.env.os.getenv(k) then out[#out + 1] = k end
    end
    return table.concat(out, " "), h.env.os.getenv("HAPROXY_STARTUP_VERSION"),
      h.env.os.getenv("HAPROXY_BRANCH")
  end

  it("the version's own -v string for .if and HAPROXY_STARTUP_VERSION, its branch from 2.8", function()
    assert.same({ "B30 BAD P26", "2.6.12-1+deb12u4" }, { seen("2.6") })
    assert.same({ "A28 B30 BAD", "2.8.0-fdd8154ed", "2.8" }, { seen("2.8") })
    assert.same({ "A28 BAD", "3.0.0-5590ada47", "3.0" }, { seen("3.0") })
    assert.same({ "A28 DEV RC BAD", "3.2.0-e134140d2", "3.2" }, { seen("3.2") })
    testing.default_version = "2.8"
    local ok, a = pcall(seen)
    testing.default_version = nil
    assert(ok, a)
    assert.equal("A28 B30 BAD", a)
  end)

  it("opts.haproxy_version replaces the string", function()
    assert.same({ "A28 B30 BAD", "2.8.7", "2.8" }, { seen("2.8", { haproxy_version = "2.8.7" }) })
  end)

  it("strstr() from 2.8 on", function()
    local text = "global\n.if strstr(abcd,bc)\n  setenv S 1\n.endif\n"
    assert.equal("1", from(text, "2.8").env.os.getenv("S"))
    assert.has_error(function() from(text, "2.6") end)
  end)
end)

describe("from_config: tune.lua.* lines of later versions", function()
  local function unknown(kw, hint)
    return "parsing [t.cfg:2] : unknown keyword '" .. kw .. "' in 'global' section"
      .. (hint and ("; did you mean '" .. hint .. "' maybe ?") or "")
  end

  it("stop a version that lacks them with its 'unknown keyword'", function()
    local cases = {
      { "tune.lua.burst-timeout 100", "2.8", "tune.lua.task-timeout" },
      { "tune.lua.log.loggers on", "3.0" },
      { "tune.lua.log.stderr auto", "3.0", "tune.ssl.keylog" },
      { "tune.lua.bool-sample-conversion normal", "3.2", "tune.lua.session-timeout" },
    }
    for _, c in ipairs(cases) do
      local kw = c[1]:match("^%S+")
      for _, ver in ipairs(testing.versions) do
        if ver < c[2] then
          assert.has_error(function() from("global\n  " .. c[1] .. "\n", ver) end, unknown(kw, c[3]))
        else
          from("global\n  " .. c[1] .. "\n", ver)
        end
      end
    end
  end)

  it("tune.lua.burst-timeout: HAProxy's time, kept for the harness as the other timeouts", function()
    assert.equal("100", from("global\n  tune.lua.burst-timeout 100\n", "2.8").config.tune.burst_timeout)
    assert.equal("2s", from("global\n  tune.lua.burst-timeout 2s\n", "3.2").config.tune.burst_timeout)
    for _, bad in ipairs({ "abc", "1.5s", "-1", "10x", "" }) do
      assert.has_error(function() from("global\n  tune.lua.burst-timeout " .. bad .. "\n", "3.0") end,
        "parsing [t.cfg:2] : tune.lua.burst-timeout: invalid timeout")
    end
    assert.has_error(function() from("global\n  tune.lua.burst-timeout 5000000000\n", "3.0") end,
      "parsing [t.cfg:2] : timer overflow in argument <5000000000> to <tune.lua.burst-timeout> "
      .. "(maximum value is 2147483647 ms or ~24.8 days)")
  end)

  it("tune.lua.bool-sample-conversion (3.2): before the first lua-load, else ignored with a warning", function()
    local code = "global\n  tune.lua.bool-sample-conversion normal\n  lua-load s.lua\n"
    local h = from(code, "3.2")
    assert.is_true(h.rt.bool_normal)
    assert.same({}, h:logs())
    h = from("global\n  lua-load s.lua\n  tune.lua.bool-sample-conversion normal\n", "3.2")
    assert.is_nil(h.rt.bool_normal)
    local msgs = {}
    for _, l in ipairs(h:logs()) do msgs[#msgs + 1] = l.source .. " " .. l.msg:gsub("%[.-:", "[t.cfg:") end
    assert.same({
      'warning config : hlua: please set "tune.lua.bool-sample-conversion" tunable to either "normal" or '
        .. '"pre-3.1-bug" explicitly to avoid ambiguities. This must be set before any "lua-load" or '
        .. '"lua-load-per-thread" directive. Defaulting to "pre-3.1-bug".',
      'warning config : parsing [t.cfg:3] : ignored as some Lua was loaded already. '
        .. '"tune.lua.bool-sample-conversion" must be set before any "lua-load" or "lua-load-per-thread" '
        .. 'directive for it to be considered.' }, msgs)
    assert.has_error(function() from("global\n  tune.lua.bool-sample-conversion yes\n", "3.2") end,
      "parsing [t.cfg:2] : 'tune.lua.bool-sample-conversion' expects either 'normal' or 'pre-3.1-bug' "
      .. "but got 'yes'.")
  end)

  it("tune.lua.log.*: HAProxy's texts for a bad value", function()
    assert.has_error(function() from("global\n  tune.lua.log.loggers bogus\n", "3.0") end,
      "parsing [t.cfg:2] : 'tune.lua.log.loggers' expects either 'on' or 'off' but got 'bogus'.")
    assert.has_error(function() from("global\n  tune.lua.log.stderr\n", "3.2") end,
      "parsing [t.cfg:2] : 'tune.lua.log.stderr' expects either 'on', 'auto', or 'off' but got ''.")
  end)
end)
