-- The syntax of HAProxy 2.6 configuration files, without meaning: lines cut
-- into words as HAProxy's parser cuts them (quotes, backslash escapes,
-- "${VAR}" expansion inside double quotes, comments), conditional blocks
-- (.if/.elif/.else/.endif), .diag/.notice/.warning/.alert, and the sections
-- the lines belong to. The environment the expansion sees changes as
-- setenv/presetenv/resetenv/unsetenv lines are read, as in HAProxy, which
-- runs them while it parses. Needs nothing from the harness or the core.
--
--   local CP = require "proxylua.testing.cfgparse"
--   local lines = CP.read_file("haproxy.cfg", { env = CP.environ(os.getenv) })
--   -- { { words = { "lua-load", "/etc/a.lua" }, file, line, where = "haproxy.cfg:3",
--   --     section = "global", section_name = nil, text = "    lua-load ..." }, ... }
local CP = {}

local sformat, concat = string.format, table.concat

----------------------------------------------------------------------------
-- The environment: the process's (a getenv function) seen through what the
-- configuration set, unset or reset. HAProxy changes its real environment;
-- this keeps the changes beside it, so nothing else in this process sees them.

local Env = {}
Env.__index = Env

function CP.environ(getenv)
  return setmetatable({ base = getenv or os.getenv, vars = {}, cleared = false }, Env)
end

function Env:get(name)
  local v = self.vars[name]
  if v ~= nil then return v or nil end -- false: unset
  if self.cleared then return nil end
  return self.base(name)
end

function Env:set(name, value) self.vars[name] = value end
function Env:unset(name) self.vars[name] = false end

-- resetenv: only the names kept stay, with their current values.
function Env:reset(keep)
  local vars = {}
  for _, k in ipairs(keep) do vars[k] = self:get(k) or false end
  self.vars, self.cleared = vars, true
end

-- getenv function over this environment (for os.getenv and the env fetch).
function Env:getenv()
  return function(name) return self:get(name) end
end

----------------------------------------------------------------------------
-- Words of one line (HAProxy's parse_line with the options the configuration
-- reader uses). `at` = { file, line, section } for errors and ${.FILE}...

local function fail(at, msg, pos)
  error(sformat("parsing [%s:%d]: %s at position %d", at.file, at.line, msg, pos), 0)
end

local SIMPLE_ESC = { [" "] = " ", ["\\"] = "\\", t = "\t", n = "\n", r = "\r",
                     ["#"] = "#", ["'"] = "'", ['"'] = '"' }

-- ${NAME}, $NAME, ${NAME-default}, ${NAME[*]} starting at i (the '$').
-- Returns the value (nil: not set), whether to split it into words, next i.
local function expand(line, i, env, at)
  i = i + 1
  local brace
  if line:sub(i, i) == "{" then brace, i = i, i + 1 end
  local c = line:sub(i, i)
  if not c:match("^[%a_.]$") then fail(at, "forbidden first char in environment variable name", i) end
  local s = i
  if c == "." then i = i + 1 end
  while line:sub(i, i):match("^[%w_]$") do i = i + 1 end
  local name, value = line:sub(s, i - 1), nil
  if name:sub(1, 1) == "." then
    if name == ".LINE" then value = tostring(at.line)
    elseif name == ".FILE" then value = at.file
    elseif name == ".SECTION" then value = at.section or ""
    else fail(at, "forbidden first char in environment variable name", s) end
  else
    value = env:get(name)
  end
  local split = false
  if brace and line:sub(i, i) == "[" then
    if line:sub(i, i + 2) ~= "[*]" then fail(at, "truncated or invalid word expansion sequence", i) end
    split, i = true, i + 3
  end
  if brace then
    if line:sub(i, i) == "-" then
      local e = line:find("}", i + 1, true)
      if not e then fail(at, "unmatched brace in environment variable name", brace) end
      if value == nil then value = line:sub(i + 1, e - 1) end
      i = e
    elseif line:sub(i, i) ~= "}" then
      fail(at, "unmatched brace in environment variable name", brace)
    end
    i = i + 1
  end
  return value, split, i
end

--[[ CP.words(line, env, at) -> list of words. Unquoted blanks separate
words; '#' outside quotes starts a comment; "..." keeps blanks and expands
${VAR} (and \$ is a plain $); '...' keeps everything as written; a backslash
outside single quotes escapes a blank, '#', a quote, a backslash, or gives
\t \n \r \xHH (any other backslash stays). A word made only of quotes is an
empty word. Errors carry "parsing [file:line]" and HAProxy's texts. The
second result: the line has more words than HAProxy keeps (CP.too_many). ]]
function CP.words(line, env, at)
  local out, cur, started, over = {}, {}, false, false
  local i, n = 1, #line
  while i <= n and line:sub(i, i):match("^%s$") do i = i + 1 end
  local squote, dquote, quote_at = false, false, nil
  local function push()
    out[#out + 1] = concat(cur)
    cur, started = {}, false
  end
  while i <= n do
    local c = line:sub(i, i)
    if c == "\n" or c == "\r" then
      break
    elseif c == "#" and not squote and not dquote then
      break
    elseif c == '"' and not squote then
      dquote = not dquote
      quote_at = dquote and i or nil
      started = true
      i = i + 1
    elseif c == "'" and not dquote then
      squote = not squote
      quote_at = squote and i or nil
      started = true
      i = i + 1
    elseif c == "\\" and not squote then
      local d = line:sub(i + 1, i + 1)
      if d == "x" then
        local hex = line:sub(i + 2, i + 3)
        if not hex:match("^%x%x$") then fail(at, "truncated or invalid hexadecimal sequence", i) end
        cur[#cur + 1] = string.char(tonumber(hex, 16))
        i = i + 4
      elseif d == "$" and dquote then
        cur[#cur + 1] = "$"
        i = i + 2
      elseif SIMPLE_ESC[d] then
        cur[#cur + 1] = SIMPLE_ESC[d]
        i = i + 2
      else
        cur[#cur + 1] = "\\"
        i = i + 1
      end
      started = true
    elseif c:match("^%s$") and not squote and not dquote then
      push()
      -- a blank after the last word HAProxy keeps opens one more: too many
      -- even when only blanks or a comment follow (live)
      if #out >= CP.MAX_WORDS then over = true end
      while i <= n and line:sub(i, i):match("^%s$") do i = i + 1 end
    elseif c == "$" and dquote then
      local value, split, ni = expand(line, i, env, at)
      i = ni
      if value and split then
        local first = true
        for w in value:gmatch("%S+") do
          if not first then push() end
          cur[#cur + 1] = w
          first = false
        end
      elseif value then
        cur[#cur + 1] = value
      end
      started = true
    else
      cur[#cur + 1] = c
      started = true
      i = i + 1
    end
  end
  if quote_at then fail(at, "unmatched quote", quote_at) end
  if started or #cur > 0 then push() end
  -- HAProxy's keywords stop at the first empty word
  return out, over or #out > CP.MAX_WORDS
end

-- HAProxy cuts a line into 64 words at most (2.6 to 3.2 alike, live): one
-- more and the line is refused. The position counts the words as they were
-- read (unquoted, one separator each), from 1; the word shown is the 64th.
CP.MAX_WORDS = 64

function CP.too_many(words, where)
  local pos = 1
  for k = 1, CP.MAX_WORDS - 1 do pos = pos + #words[k] + 1 end
  return sformat("parsing [%s]: too many words, truncating after word %d, position %d: <%s>.",
    where, CP.MAX_WORDS, pos, words[CP.MAX_WORDS])
end

----------------------------------------------------------------------------
-- .if / .elif conditions (2.6): defined(NAME), streq(a,b), strneq(a,b),
-- version_atleast(v), version_before(v) (against opts.version, the emulated
-- version's own string), feature(NAME) (from opts.features), strstr(a,b)
-- from 2.8 (opts.vnum),
-- numbers (non-zero is true), with !, &&, || and parentheses.

-- A version as HAProxy's .if reads it: a[.b[.c[.d]]], then an optional
-- -devN / -rcN / -preN tag (a release ranks above them) and a trailing
-- number after the last '-' (a build or commit count; anything else counts
-- 0). nil: not a version.
local function version_parts(s)
  local v, i = { 0, 0, 0, 0, 3, 0, 0 }, 1
  local function num()
    local d = s:match("^%d*", i)
    i = i + #d
    return tonumber(d) or 0
  end
  local function sep()
    local c = s:sub(i, i)
    i = i + 1
    return c
  end
  if s == "" then return nil end
  local tagged = false
  for k = 1, 4 do
    v[k] = num()
    local c = sep()
    if c == "" then return v end
    if c == "-" then tagged = true break end
    if c ~= "." or k == 4 then return nil end
  end
  if not tagged then return nil end
  local rest = s:sub(i)
  local tag, len = nil, 0
  if rest:match("^dev") then tag, len = 1, 3
  elseif rest:match("^rc") then tag, len = 2, 2
  elseif rest:match("^pre") then tag, len = 2, 3 end
  if tag and not rest:match("^%d") then
    v[5], i = tag, i + len
    v[6] = num()
    local c = sep()
    if c == "" then return v end
    if c ~= "-" then return nil end
  end
  rest = s:sub(i)
  local last = rest:match(".*%-(.*)$") or rest
  if last == "" and rest:find("-", 1, true) then return nil end
  v[7] = tonumber(last:match("^%d+$") or "0")
  return v
end

-- -1, 0, 1 as `a` is older, the same, newer than `b`; nil when either is
-- not a version (then version_atleast() holds and version_before() not, as
-- in HAProxy).
local function vercmp(a, b)
  local x, y = version_parts(a), version_parts(b)
  if not x or not y then return nil end
  for k = 1, 7 do
    if x[k] ~= y[k] then return x[k] < y[k] and -1 or 1 end
  end
  return 0
end
CP.vercmp = vercmp

local function condition(expr, env, at, opts)
  local pos = 1
  local function err(msg) error(sformat("parsing [%s:%d]: %s in '.if' at position %d", at.file, at.line, msg, pos), 0) end
  local function skip() pos = expr:find("%S", pos) or #expr + 1 end
  local term, expr_or
  function term()
    skip()
    if expr:sub(pos, pos) == "!" then
      pos = pos + 1
      return not term()
    end
    if expr:sub(pos, pos) == "(" then
      pos = pos + 1
      local v = expr_or()
      skip()
      if expr:sub(pos, pos) ~= ")" then err("expected ')'") end
      pos = pos + 1
      return v
    end
    local num = expr:match("^%-?%d+", pos)
    if num then
      pos = pos + #num
      return tonumber(num) ~= 0
    end
    local name, args = expr:match("^([%a_]+)(%b())", pos)
    if not name then err("unparsable conditional expression") end
    pos = pos + #name + #args
    local a = {}
    for w in args:sub(2, -2):gmatch("[^,]+") do a[#a + 1] = w:match("^%s*(.-)%s*$") end
    if name == "defined" then return env:get(a[1] or "") ~= nil end
    if name == "streq" then return (a[1] or "") == (a[2] or "") end
    if name == "strneq" then return (a[1] or "") ~= (a[2] or "") end
    local version = opts.version or "2.6.12-1+deb12u4"
    if name == "version_atleast" then return (vercmp(version, a[1] or "") or 0) >= 0 end
    if name == "version_before" then return (vercmp(version, a[1] or "") or 0) < 0 end
    if name == "strstr" and (opts.vnum or 206) >= 208 then -- 2.8+
      return (a[1] or ""):find(a[2] or "", 1, true) ~= nil
    end
    if name == "feature" then
      if not opts.features then err("feature() needs opts.features (the build's feature list)") end
      return opts.features[a[1]] == true
    end
    err("unknown predicate '" .. name .. "'")
  end
  function expr_or()
    local v = term()
    while true do
      skip()
      local op = expr:sub(pos, pos + 1)
      if op == "&&" then
        pos = pos + 2
        local w = term()
        v = v and w
      elseif op == "||" then
        pos = pos + 2
        local w = term()
        v = v or w
      else
        return v
      end
    end
  end
  local v = expr_or()
  skip()
  if pos <= #expr then err("unparsable conditional expression") end
  return v
end

----------------------------------------------------------------------------
-- Files into lines with their section.

CP.SECTIONS = { global = true, defaults = true, frontend = true, backend = true, listen = true,
                userlist = true, peers = true, resolvers = true, mailers = true, program = true,
                ["http-errors"] = true, ring = true, cache = true, ["fcgi-app"] = true,
                ["log-forward"] = true }

-- The environment lines run as they are read: later lines expand with them.
local function env_line(w, env)
  local k = w[1]
  if k == "setenv" and w[2] then env:set(w[2], w[3] or "")
  elseif k == "presetenv" and w[2] then
    if env:get(w[2]) == nil then env:set(w[2], w[3] or "") end
  elseif k == "unsetenv" then
    for j = 2, #w do env:unset(w[j]) end
  elseif k == "resetenv" then
    env:reset({ table.unpack(w, 2) })
  end
end

--[[ CP.read(text, name, opts) -> lines: every meaningful line of a
configuration text, in order: { words, file, line, where = "file:line",
text (as written), section ("global", "frontend"...), section_name }.
opts.env: an environment (CP.environ); opts.version (the `-v` version,
"2.6.12-1+deb12u4" by default), opts.vnum (206, 208...) and opts.features
({ LUA = true, ... }) for .if; opts.notices: a list receiving
.diag/.notice/.warning lines. .alert raises, as it stops HAProxy. ]]
function CP.read(text, name, opts)
  opts = opts or {}
  local env = opts.env or CP.environ()
  local out = {}
  local conds = {} -- stack of { taking, taken, else_seen }
  local section, section_name
  local n = 0
  for raw in (text .. (text:sub(-1) == "\n" and "" or "\n")):gmatch("([^\n]*)\n") do
    n = n + 1
    local at = { file = name, line = n, section = section }
    local lead = raw:match("^%s*(.)")
    if lead == "[" then
      out[#out + 1] = { words = { raw:match("^%s*(.-)%s*$") }, file = name, line = n,
                        where = name .. ":" .. n, text = raw, section = section,
                        section_name = section_name, scope = true }
    else
      local w, too_many = CP.words(raw, env, at)
      if too_many then error(CP.too_many(w, name .. ":" .. n), 0) end
      local k = w[1]
      local active = true
      for _, c in ipairs(conds) do active = active and c.taking end
      local outer = true
      for j = 1, #conds - 1 do outer = outer and conds[j].taking end
      if k == ".if" then
        local parent = active
        local v = parent and condition(concat(w, " ", 2), env, at, opts) or false
        conds[#conds + 1] = { taking = v, taken = v or not parent, line = n }
      elseif k == ".elif" or k == ".else" then
        local c = conds[#conds]
        if not c then error(sformat("parsing [%s:%d]: lone '%s' with no matching '.if'.", name, n, k), 0) end
        if c.else_seen then error(sformat("parsing [%s:%d]: '%s' after '.else' is not permitted.", name, n, k), 0) end
        if c.taken then
          c.taking = false
        elseif k == ".else" then
          c.taking, c.taken = true, true
        else
          local v = outer and condition(concat(w, " ", 2), env, at, opts) or false
          c.taking, c.taken = v, v
        end
        if k == ".else" then c.else_seen = true end
      elseif k == ".endif" then
        if not conds[1] then error(sformat("parsing [%s:%d]: lone '.endif' with no matching '.if'.", name, n), 0) end
        conds[#conds] = nil
      elseif k ~= nil and k ~= "" and active then -- not blank, not masked out by a condition
        if k == ".alert" then
          error(sformat("parsing [%s:%d]: '%s'.", name, n, w[2] or ""), 0)
        elseif k == ".diag" or k == ".notice" or k == ".warning" then
          if opts.notices then
            opts.notices[#opts.notices + 1] = { level = k:sub(2), msg = w[2] or "", where = name .. ":" .. n }
          end
        else
          if CP.SECTIONS[k] then
            section, section_name = k, w[2]
            at.section = section
          elseif section == "global" then
            env_line(w, env)
          end
          out[#out + 1] = { words = w, file = name, line = n, where = name .. ":" .. n,
                            text = raw, section = section, section_name = section_name }
        end
      end
    end
  end
  if conds[1] then
    error(sformat("parsing [%s:%d]: non-terminated '.if' block.", name, conds[#conds].line), 0)
  end
  return out
end

function CP.read_file(path, opts)
  local f, err = io.open(path, "rb")
  if not f then error(sformat("Could not open configuration file %s : %s", path, err), 0) end
  local text = f:read("a")
  f:close()
  return CP.read(text, path, opts)
end

return CP
