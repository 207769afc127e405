-- HAProxy 2.6's configuration syntax as modules/testing/cfgparse.lua reads
-- it. Every expected word and error text below was checked with
-- `haproxy -c` (2.6.12) on the same line, through .notice, which prints its
-- one argument after parsing (a word split by ${VAR[*]} makes .notice
-- refuse the extra words: the split is HAProxy's).
local CP = require "proxylua.testing.cfgparse"

local function env_of(vars)
  return CP.environ(function(name) return vars[name] end)
end

local function words(line, vars)
  return CP.words(line, env_of(vars or {}), { file = "t.cfg", line = 7, section = "global" })
end

local function err(line, vars)
  local ok, e = pcall(words, line, vars)
  assert.is_false(ok)
  return e
end

describe("configuration words", function()
  it("split at blanks, keep quoted blanks, stop at comments", function()
    assert.same({ "lua-load", "/a b.lua", "x" }, words('  lua-load "/a b.lua" x  # comment'))
    assert.same({ "a b", "c#d" }, words("'a b' c\\#d"))
    assert.same({ "a b" }, words("a\\ b"))
    assert.same({ "ab" }, words([["a"'b']]))
    assert.same({}, words("   # only a comment"))
    assert.same({ "a", "" }, words([[a ""]]))
  end)

  it("expand ${VAR} in double quotes only, with defaults and pseudo-variables", function()
    local vars = { FOO = "bar", LIST = "a  b c" }
    assert.same({ "${FOO}" }, words("${FOO}", vars))
    assert.same({ "bar" }, words('"${FOO}"', vars))
    assert.same({ "${FOO}" }, words("'${FOO}'", vars))
    assert.same({ "abarb" }, words('"a${FOO-def}b"', vars))
    assert.same({ "dflt" }, words('"${NOPE-dflt}"', vars))
    assert.same({ "" }, words('"${NOPE}"', vars))
    assert.same({ "bar" }, words('"$FOO"', vars))
    assert.same({ "x", "a", "b", "c", "y" }, words('x "${LIST[*]}" y', vars))
    assert.same({ "7 global t.cfg" }, words('"${.LINE} ${.SECTION} ${.FILE}"'))
  end)

  it("unescape \\$ in double quotes, \\xHH, \\t and leave other backslashes", function()
    assert.same({ "x$yA\ty" }, words('"x\\$y\\x41\\ty"'))
    assert.same({ "\\$y" }, words("\\$y"))
    assert.same({ "\\1" }, words("\\1"))
    assert.same({ "a\\b" }, words("'a\\b'"))
  end)

  it("report HAProxy's errors with file:line and position", function()
    assert.equal("parsing [t.cfg:7]: unmatched quote at position 13",
      err('    .notice "abc'))
    assert.equal("parsing [t.cfg:7]: unmatched brace in environment variable name at position 15",
      err('    .notice "${FOO"'))
    assert.equal("parsing [t.cfg:7]: forbidden first char in environment variable name at position 16",
      err('    .notice "${1X}"'))
    assert.equal("parsing [t.cfg:7]: truncated or invalid hexadecimal sequence at position 14",
      err('    .notice "\\xZZ"'))
    assert.equal("parsing [t.cfg:7]: truncated or invalid word expansion sequence at position 17",
      err('    .notice "${A[x]}"'))
    assert.equal("parsing [t.cfg:7]: forbidden first char in environment variable name at position 14",
      err('  .notice "${.NOPE}"'))
  end)
end)

describe("configuration files", function()
  local function read(text, opts)
    opts = opts or {}
    opts.env = opts.env or env_of({})
    return CP.read(text, "t.cfg", opts)
  end

  it("give each line its words, file:line and section", function()
    local lines = read("global\n  nbthread 2\n\nfrontend fe\n  mode http\n")
    assert.same({ "global", "nbthread", "frontend", "mode" },
      { lines[1].words[1], lines[2].words[1], lines[3].words[1], lines[4].words[1] })
    assert.equal("t.cfg:2", lines[2].where)
    assert.equal("global", lines[2].section)
    assert.same({ "frontend", "fe" }, { lines[4].section, lines[4].section_name })
  end)

  it("run setenv, presetenv, unsetenv and resetenv as they are read", function()
    local env = env_of({ HOME = "/root", KEEP = "k" })
    local notices = {}
    read([[
global
    setenv FOO bar
    .notice "${FOO}"
    presetenv FOO other
    presetenv NEW n
    .notice "${FOO} ${NEW}"
    unsetenv FOO
    .notice "${FOO}|${HOME}"
    resetenv KEEP NEW
    .notice "${KEEP}|${HOME}|${NEW}"
]], { env = env, notices = notices })
    local msgs = {}
    for _, n in ipairs(notices) do msgs[#msgs + 1] = n.where .. " " .. n.msg end
    assert.same({ "t.cfg:3 bar", "t.cfg:6 bar n", "t.cfg:8 |/root", "t.cfg:10 k||n" }, msgs)
    assert.is_nil(env:get("HOME"))
    assert.equal("k", env:get("KEEP"))
  end)

  it("keep the lines of the .if branches taken, with nesting", function()
    local lines = read([[
global
.if defined(NOPE)
    nbthread 1
.elif streq(a,a) && !version_before(2.4)
    nbthread 2
  .if 0
    nbthread 3
  .else
    nbthread 4
  .endif
.else
    nbthread 5
.endif
.if version_atleast(2.7) || strneq(x,x)
    nbthread 6
.endif
]])
    local got = {}
    for _, l in ipairs(lines) do got[#got + 1] = table.concat(l.words, " ") end
    assert.same({ "global", "nbthread 2", "nbthread 4" }, got)
  end)

  it("refuse what HAProxy refuses around .if and .alert", function()
    local function e(text)
      local ok, msg = pcall(read, text)
      assert.is_false(ok)
      return msg
    end
    assert.equal("parsing [t.cfg:2]: lone '.endif' with no matching '.if'.", e("global\n.endif\n"))
    assert.equal("parsing [t.cfg:2]: 'stop here'.", e("global\n.alert \"stop here\"\n"))
    assert.equal("parsing [t.cfg:2]: non-terminated '.if' block.", e("global\n.if 1\n  nbthread 1\n"))
    assert.matches("feature%(%) needs opts.features", e("global\n.if feature(LUA)\n.endif\n"))
  end)
end)
