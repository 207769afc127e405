-- What the Lua part of an HAProxy 2.6 configuration says, read from the
-- lines cfgparse.lua cuts: the lua-load files (in order, with arguments),
-- lua-prepend-path, tune.lua.*, the environment, chroot, nbthread, the
-- proxies and their servers, the map and ACL files, and per frontend/backend
-- the Lua actions, services, filters, fetches and converters with their
-- arguments, with the set-var lines between them. Every line it does not
-- interpret is listed in `skipped` with its file:line and why. Needs nothing
-- from the harness or the core.
local CP = require "proxylua.testing.cfgparse"

local CR = {}

local sformat, concat = string.format, table.concat

local function bad(l, msg)
  error(sformat("parsing [%s]: %s", l.where, msg), 0)
end

local function skip(cfg, l, why)
  cfg.skipped[#cfg.skipped + 1] = { where = l.where, text = l.text:match("^%s*(.-)%s*$"), why = why }
end

----------------------------------------------------------------------------
-- global

local TUNE = {
  ["tune.lua.forced-yield"] = "forced_yield", ["tune.lua.maxmem"] = "maxmem",
  ["tune.lua.session-timeout"] = "session_timeout", ["tune.lua.service-timeout"] = "service_timeout",
  ["tune.lua.task-timeout"] = "task_timeout",
} -- tune.lua.burst-timeout (2.8+) is read with the later keywords below
local ENV_KW = { setenv = true, presetenv = true, resetenv = true, unsetenv = true }

-- tune.lua.* keywords of later versions: the first version that knows
-- each, and the suggestion an earlier one adds to "unknown keyword" (live).
local LATER_TUNE = {
  ["tune.lua.burst-timeout"] = { 208, "tune.lua.task-timeout" },
  ["tune.lua.log.loggers"] = { 209 },
  ["tune.lua.log.stderr"] = { 209, "tune.ssl.keylog" },
  ["tune.lua.bool-sample-conversion"] = { 302, "tune.lua.session-timeout" },
}

local function unknown_later(cfg, l, k)
  local later = LATER_TUNE[k]
  if not later or (cfg.vnum or 206) >= later[1] then return end
  error(sformat("parsing [%s] : unknown keyword '%s' in 'global' section%s", l.where, k,
    later[2] and "; did you mean '" .. later[2] .. "' maybe ?" or ""), 0)
end

-- HAProxy's time values: digits and a unit (ms when none); tune.lua.*
-- settings keep the text, tune.lua converts it.
local MS = { us = 0.001, ms = 1, [""] = 1, s = 1000, m = 60000, h = 3600000, d = 86400000 }
local function timeout_value(l, k, v)
  local n, u = (v or ""):match("^(%d+)(%a*)$")
  if not n or not MS[u] then error(sformat("parsing [%s] : %s: invalid timeout", l.where, k), 0) end
  if tonumber(n) * MS[u] > 2147483647 then
    error(sformat("parsing [%s] : timer overflow in argument <%s> to <%s> (maximum value is "
      .. "2147483647 ms or ~24.8 days)", l.where, v, k), 0)
  end
  return v
end

local function global_line(cfg, l)
  local w = l.words
  local k = w[1]
  if k == "global" then return end
  if k == "stats" and w[2] == "socket" then
    cfg.cli_frontend = true -- its proxy takes the first uuid (see CR.proxies)
  end
  if k == "lua-load" or k == "lua-load-per-thread" then
    if not w[2] or w[2] == "" then bad(l, "'" .. k .. "' expects a file name as parameter.") end
    cfg.loads[#cfg.loads + 1] = { file = w[2], args = { table.unpack(w, 3) },
                                  per_thread = k == "lua-load-per-thread", where = l.where }
  elseif k == "lua-prepend-path" then
    local kind = w[3] or "path"
    if not w[2] or (kind ~= "path" and kind ~= "cpath") then
      bad(l, "'lua-prepend-path' expects a path and optionally 'path' or 'cpath'.")
    end
    cfg.prepend[#cfg.prepend + 1] = { path = w[2], kind = kind, where = l.where }
  elseif TUNE[k] then
    if not w[2] then bad(l, "'" .. k .. "' expects a value.") end
    local v = w[2]
    if k == "tune.lua.forced-yield" or k == "tune.lua.maxmem" then
      v = tonumber(v)
      if not v then bad(l, "'" .. k .. "' expects a number.") end
    end
    cfg.tune[TUNE[k]] = v
    cfg.tune_lines[TUNE[k]] = l
  elseif ENV_KW[k] then
    -- already applied while reading (later lines expand with it)
    cfg.environ_lines[#cfg.environ_lines + 1] = { words = w, where = l.where }
  elseif k == "chroot" then
    cfg.chroot = w[2]
  elseif k == "nbthread" then
    cfg.nbthread = tonumber(w[2])
    if not cfg.nbthread then
      bad(l, "'nbthread' passed a missing or unparsable integer value in '" .. (w[2] or "") .. "'")
    end
  elseif LATER_TUNE[k] then
    unknown_later(cfg, l, k)
    local v = w[2]
    if k == "tune.lua.burst-timeout" then
      cfg.tune.burst_timeout = timeout_value(l, k, v)
    elseif k == "tune.lua.bool-sample-conversion" then
      if v ~= "normal" and v ~= "pre-3.1-bug" then
        error(sformat("parsing [%s] : '%s' expects either 'normal' or 'pre-3.1-bug' but got '%s'.",
          l.where, k, v or ""), 0)
      end
      if cfg.loads[1] then -- too late: the first lua-load took the default
        cfg.warnings[#cfg.warnings + 1] = sformat("config : parsing [%s] : ignored as some Lua was loaded "
          .. "already. \"%s\" must be set before any \"lua-load\" or \"lua-load-per-thread\" directive "
          .. "for it to be considered.", l.where, k)
      else
        cfg.tune.bool_sample_conversion = v
      end
    else
      local stderr = k == "tune.lua.log.stderr"
      if not (v == "on" or v == "off" or (stderr and v == "auto")) then
        error(sformat("parsing [%s] : '%s' expects either %s but got '%s'.", l.where, k,
          stderr and "'on', 'auto', or 'off'" or "'on' or 'off'", v or ""), 0)
      end
      if stderr then cfg.tune.log_stderr = v else cfg.tune.log_loggers = v == "on" end
    end
  elseif k == "log" then
    cfg.loggers.global = true -- where core.* log lines go (2.9+ tune.lua.log.*)
  elseif k:match("^tune%.lua%.") then
    skip(cfg, l, "Lua setting of a later HAProxy version")
  else
    skip(cfg, l, "global setting without effect on Lua")
  end
end

----------------------------------------------------------------------------
-- Sample expressions: Lua fetches and converters, map files.

local MAP_CONV = "map[%w_]*"

local function split_args(s)
  local out = {}
  if s == nil or s == "" then return out end
  for a in (s .. ","):gmatch("(.-),") do out[#out + 1] = a end
  return out
end

-- Lua fetches ("lua.f(a,b)") and converters (",lua.c(x)") named in a word.
local function scan_samples(px, l, word)
  local pos = 1
  while true do
    local s, e, name = word:find("lua%.([%w_%-%.]*[%w_%-])", pos)
    if not s then break end
    local args = word:match("^%b()", e + 1)
    local before = word:sub(1, s - 1):match("(%S)%s*$")
    px.samples[#px.samples + 1] = { kind = before == "," and "converter" or "fetch", name = name,
      args = args and split_args(args:sub(2, -2)) or {}, where = l.where }
    pos = e + 1 + (args and #args or 0)
  end
end

-- HAProxy's own converters a sample expression names (",name" after a
-- fetch or converter): in %[...] parts of any word ("fmt", the text from
-- the expression on), and in the words that are expressions ("expr" after
-- set-var(...) or track-sc*, "cond" after "{", "acl" an acl line's). An
-- HTTP rule's keywords go in `rule`. from_config refuses those the emulated
-- version lacks, in HAProxy's words for each place.
local function note_convs(px, l, expr, kind, text)
  local w = l.words
  for name in expr:gmatch(",%s*([%a_][%w_%.%-]*)") do
    if not name:match("^lua%.") then
      px.converters[#px.converters + 1] = { name = name, where = l.where, kind = kind, text = text,
        rule = w[1]:match("^http%-") and w[2] and (w[1] .. " " .. w[2]) or nil,
        acl = w[1] == "acl" and w[2] or nil }
    end
  end
end

local function scan_converters(px, l)
  local w = l.words
  for j = 2, #w do
    for at, part in w[j]:gmatch("()%%(%b[])") do note_convs(px, l, part, "fmt", w[j]:sub(at + 2)) end
    local prev = w[j - 1]
    if prev == "{" then
      note_convs(px, l, w[j], "cond", w[j])
    elseif w[1] == "acl" and j == 3 then
      note_convs(px, l, w[j], "acl", w[j])
    elseif prev:match("^set%-var%(") or prev:match("^track%-sc") then
      note_convs(px, l, w[j], "expr", w[j])
    end
  end
end

local function note_file(cfg, kind, file, l)
  local t = cfg[kind]
  if not t[file] then
    t[file] = { where = l.where }
    cfg.file_order[#cfg.file_order + 1] = { kind = kind, file = file }
  end
end

-- map(...) converters, set-map/del-map/add-acl/del-acl actions, -f files.
local function scan_files(cfg, l)
  local w = l.words
  local as_map = false
  for _, x in ipairs(w) do if x == "-M" then as_map = true end end
  for j, x in ipairs(w) do
    for file in x:gmatch(MAP_CONV .. "%(([^,%)]+)") do note_file(cfg, "maps", file, l) end
    local act, file = x:match("^(%a+%-%a+)%(([^%)]+)%)$")
    if act == "set-map" or act == "del-map" then note_file(cfg, "maps", file, l) end
    if act == "add-acl" or act == "del-acl" then note_file(cfg, "acls", file, l) end
    if x == "-f" and w[j + 1] then note_file(cfg, as_map and "maps" or "acls", w[j + 1], l) end
  end
end

----------------------------------------------------------------------------
-- Proxies

local RULESETS = {
  ["http-request"] = "http-req", ["http-response"] = "http-res",
  ["tcp-request content"] = "tcp-req", ["tcp-response content"] = "tcp-res",
}
CR.RULESETS = RULESETS

-- "if"/"unless" and what follows: the rule's condition (not evaluated).
local function split_cond(w, from)
  for j = from, #w do
    if w[j] == "if" or w[j] == "unless" then
      return { table.unpack(w, from, j - 1) }, { table.unpack(w, j) }
    end
  end
  return { table.unpack(w, from) }, nil
end

-- A constant sample expression: str(...), int(...), bool(...).
local function constant(expr)
  local f, a = expr:match("^(%a+)(%b())$")
  if not f then return nil end
  a = a:sub(2, -2)
  if f == "str" then return a end
  if f == "int" then return math.tointeger(tonumber(a)) end
  if f == "bool" then
    local b = ({ ["true"] = true, ["1"] = true, ["false"] = false, ["0"] = false })[a:lower()]
    return b
  end
  return nil
end

local function rule_line(cfg, px, l, ruleset, from)
  local w = l.words
  local act = w[from] or ""
  local list = px.rules[ruleset]
  local args, cond = split_cond(w, from + 1)
  local rule = { where = l.where, cond = cond, text = l.text:match("^%s*(.-)%s*$") }
  if act:match("^lua%.") then
    rule.kind, rule.name, rule.args = "lua", act:sub(5), args
  elseif act == "use-service" and (w[from + 1] or ""):match("^lua%.") then
    rule.kind, rule.name = "service", w[from + 1]:sub(5)
  elseif act:match("^set%-var%(") or act:match("^unset%-var%(") or act:match("^set%-var%-fmt%(") then
    local what, var = act:match("^([%a%-]+)%(([^%)]*)%)$")
    if not var or var:find(",", 1, true) then
      return skip(cfg, l, "variable action with conditions is not interpreted")
    end
    local value
    if what == "set-var" then
      value = constant(args[1] or "")
      if value == nil or #args ~= 1 then
        return skip(cfg, l, "set-var with a non-constant expression is not interpreted")
      end
    elseif what == "set-var-fmt" then
      value = args[1] or ""
      if value:find("%", 1, true) or #args ~= 1 then
        return skip(cfg, l, "set-var-fmt with a log-format expression is not interpreted")
      end
    end
    rule.kind, rule.var, rule.value = what == "unset-var" and "unset-var" or "set-var", var, value
  else
    return skip(cfg, l, "non-Lua rule")
  end
  if cond then
    skip(cfg, l, "condition '" .. concat(cond, " ") .. "' not evaluated: the rule runs")
  end
  list[#list + 1] = rule
end

-- server <name> <addr> [params]
local function server_line(px, l)
  local w = l.words
  if not w[2] or not w[3] then bad(l, "'server' expects <name> and <addr>[:<port>] as arguments.") end
  local sd = { addr = w[3], where = l.where, order = #px.server_order + 1 }
  for j = 4, #w do
    local k, v = w[j], w[j + 1]
    if k == "weight" then sd.weight = tonumber(v)
    elseif k == "maxconn" then sd.maxconn = tonumber(v)
    elseif k == "id" then sd.puid = tonumber(v)
    elseif k == "disabled" then sd.admin = "maint"
    elseif k == "backup" then sd.backup = true
    elseif k == "check" then sd.check = true
    elseif k == "rise" then sd.rise = tonumber(v)
    elseif k == "fall" then sd.fall = tonumber(v)
    end
  end
  px.servers[w[2]] = sd
  px.server_order[#px.server_order + 1] = w[2]
end

local PROXY = { frontend = true, backend = true, listen = true }

local function new_proxy(cfg, l, defaults)
  local w = l.words
  local name = w[2]
  if not name or name == "" then bad(l, "'" .. w[1] .. "' expects <name> as an argument.") end
  local other = cfg.proxies[name]
  if other then
    bad(l, sformat("%s '%s' has the same name as %s '%s' declared at %s.", w[1], name, other.cap,
                   name, other.where))
  end
  local px = { cap = w[1], name = name, mode = defaults.mode or "tcp", where = l.where,
               servers = {}, server_order = {}, listeners = {}, samples = {}, filters = {},
               converters = {},
               rules = {}, backends = {} }
  for r in pairs(RULESETS) do px.rules[r] = {} end
  cfg.proxies[name] = px
  cfg.order[#cfg.order + 1] = name
  return px
end

-- The samples a rule's words name, after the action (and a service's name).
local function rule_samples(px, l, at)
  local w = l.words
  local from = at + ((w[at] == "use-service") and 2 or 1)
  for j = from, #w do scan_samples(px, l, w[j]) end
end

local function proxy_line(cfg, px, l)
  local w = l.words
  local k = w[1]
  scan_files(cfg, l)
  scan_converters(px, l)
  if k == "mode" then
    px.mode = w[2]
  elseif k == "server" then
    server_line(px, l)
  elseif k == "bind" then
    px.listeners[#px.listeners + 1] = "sock-" .. (#px.listeners + 1)
    skip(cfg, l, "listener options are not interpreted")
  elseif k == "log" and (w[2] ~= "global" or cfg.loggers.global) then
    cfg.loggers.proxy = true -- where txn:* log lines go (2.9+ tune.lua.log.*)
  elseif k == "default_backend" or k == "use_backend" then
    px.backends[#px.backends + 1] = { name = w[2], where = l.where }
    for j = 2, #w do scan_samples(px, l, w[j]) end
    if k == "use_backend" then skip(cfg, l, "backend switching is not interpreted") end
  elseif k == "filter" and (w[2] or ""):match("^lua%.") then
    px.filters[#px.filters + 1] = { name = w[2]:sub(5), args = { table.unpack(w, 3) }, where = l.where }
  elseif k == "http-request" or k == "http-response" then
    rule_samples(px, l, 2)
    rule_line(cfg, px, l, k, 2)
  elseif (k == "tcp-request" or k == "tcp-response") and w[2] == "content" then
    rule_samples(px, l, 3)
    rule_line(cfg, px, l, k .. " content", 3)
  else
    for j = 2, #w do scan_samples(px, l, w[j]) end
    skip(cfg, l, "proxy setting not interpreted")
  end
end

----------------------------------------------------------------------------

--[[ CR.read(paths, opts) -> cfg. paths: a file or a list of files (as
haproxy -f a -f b). opts.getenv: the process environment (os.getenv);
opts.version, opts.vnum (206...; the tune.lua.* keywords of later
versions are unknown before them), opts.features: for .if. cfg = {
  files, loads = { {file, args, per_thread, where} }, prepend = { {path, kind,
  where} }, tune = { forced_yield, maxmem, session_timeout, ... }, env (the
  environment after the configuration: env:get(name), env:getenv()),
  environ_lines, chroot, nbthread, proxies = { [name] = { cap, name, mode,
  servers = { [name] = {addr, weight, maxconn, puid, admin, backup, check, rise, fall} },
  server_order, listeners, backends, filters, samples = { {kind, name, args,
  where} }, converters = { {name, where, kind, text, rule, acl} } (HAProxy's
  own), rules = {
  ["http-request"] = { {kind = "lua"|"service"|"set-var"|"unset-var", name,
  args, var, value, cond, where} }, ... } } }, order,
  maps = { [file] = {where} }, acls, skipped = { {where, text, why} },
  notices, warnings (HAProxy's startup warnings about the lines) } ]]
function CR.read(paths, opts)
  opts = opts or {}
  if type(paths) == "string" then paths = { paths } end
  local env = CP.environ(opts.getenv)
  local cfg = { files = paths, loads = {}, prepend = {}, tune = {}, tune_lines = {}, loggers = {}, env = env,
                environ_lines = {}, vnum = opts.vnum, warnings = {},
                proxies = {}, order = {}, maps = {}, acls = {}, file_order = {}, skipped = {},
                notices = {} }
  local defaults = {}
  for _, path in ipairs(paths) do
    local popts = { env = env, version = opts.version, vnum = opts.vnum, features = opts.features,
                    notices = cfg.notices }
    local lines = opts.text and CP.read(opts.text[path], path, popts) or CP.read_file(path, popts)
    local px
    for _, l in ipairs(lines) do
      local k = l.words[1]
      if l.scope then
        skip(cfg, l, "scope line")
      elseif CP.SECTIONS[k] then
        px = nil
        if PROXY[k] then
          px = new_proxy(cfg, l, defaults)
        elseif k == "defaults" then
          defaults = {}
          skip(cfg, l, "defaults section: only 'mode' is interpreted")
        elseif k ~= "global" then
          skip(cfg, l, "section '" .. k .. "' is not interpreted")
        end
      elseif l.section == nil then
        bad(l, "unknown keyword '" .. k .. "' out of section.")
      elseif l.section == "global" then
        global_line(cfg, l)
      elseif l.section == "defaults" then
        if k == "mode" then defaults.mode = l.words[2]
        elseif k == "log" and (l.words[2] ~= "global" or cfg.loggers.global) then
          cfg.loggers.proxy = true -- the proxies after it log (2.9+ tune.lua.log.*)
        else skip(cfg, l, "defaults setting not interpreted") end
      elseif px then
        proxy_line(cfg, px, l)
      else
        skip(cfg, l, "section '" .. l.section .. "' is not interpreted")
      end
    end
  end
  return cfg
end

-- The proxies as core.proxies' description (classes/proxy.lua).
function CR.proxies(cfg)
  local out = {}
  -- uuids follow the declaration order, after the CLI's own frontend when
  -- a `stats socket` declared one (live 3.2.0: fe 2, chk 3, dyn 4)
  local uuid = cfg.cli_frontend and 1 or 0
  for _, name in ipairs(cfg.order) do
    local px = cfg.proxies[name]
    uuid = uuid + 1
    local servers = {}
    for sname, sd in pairs(px.servers) do
      servers[sname] = { addr = sd.addr, weight = sd.weight, maxconn = sd.maxconn,
                         puid = sd.puid or sd.order, admin = sd.admin, backup = sd.backup,
                         rise = sd.rise, fall = sd.fall, check = sd.check }
    end
    out[name] = { cap = px.cap, mode = px.mode, servers = servers, listeners = px.listeners, uuid = uuid }
  end
  return out
end

return CR
