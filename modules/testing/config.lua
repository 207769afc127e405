-- testing.from_config: a harness built from a real haproxy.cfg (what
-- cfgread.lua reads from it), and h:rules, which runs the Lua rules one
-- frontend or backend calls, in the configuration's order.
local CR = require "proxylua.testing.cfgread"
local FS = require "proxylua.testing.files"
local Proc = require "proxylua.core.exec.process"
local U = require "proxylua.core.base.util"
local SC = require "proxylua.core.classes.server_check"
local S = require "proxylua.core.kw.samples"
local VER = require "proxylua.core.state.versions"

local CF = {}

-- Options of from_config that are not the harness's.
local OWN = { haproxy_version = true, features = true, start = true, nbthread = true,
              localpeer = true }

local function hostname()
  local f = io.open("/proc/sys/kernel/hostname", "rb")
  local name = f and f:read("l")
  if f then f:close() end
  return name or "localhost"
end

-- What each emulated version calls itself (`haproxy -v`, the builds of
-- docs/versions.md §1): .if version_atleast()/version_before() and
-- HAPROXY_STARTUP_VERSION see it.
CF.VERSION_STRINGS = { [206] = "2.6.12-1+deb12u4", [208] = "2.8.0-fdd8154ed",
                       [300] = "3.0.0-5590ada47", [302] = "3.2.0-e134140d2" }

-- The environment HAProxy parses its configuration in: the process's, plus
-- the names it sets at startup (checked live): HAPROXY_LOCALPEER,
-- HAPROXY_STARTUP_VERSION, and from 2.8 HAPROXY_BRANCH ("3.2").
local function start_env(opts, vnum, vstring)
  local base = opts.getenv or os.getenv
  local own = { HAPROXY_LOCALPEER = opts.localpeer or hostname(),
                HAPROXY_STARTUP_VERSION = vstring,
                HAPROXY_BRANCH = vnum >= 208 and VER.name(vnum) or nil }
  return function(name)
    if own[name] then return own[name] end
    return base(name)
  end
end

-- Patterns of an ACL file: one a line, blank lines and comments left out.
local function acl_patterns(path)
  local f = io.open(path, "rb")
  if not f then return true end
  local out = {}
  for line in f:lines() do
    local p = line:match("^%s*(.-)%s*$")
    if p ~= "" and p:sub(1, 1) ~= "#" then out[#out + 1] = p end
  end
  f:close()
  return out
end

-- A checked server as HAProxy has just started it: up, one failed check
-- from down ("UP 1/3": health at `rise`), or paused at 0 when `disabled`
-- (live; core/classes/server_check.lua).
local function started(proxies)
  for _, px in pairs(proxies) do
    for _, sd in pairs(px.servers) do
      if sd.check then sd.check = SC.text(sd, sd.admin == "maint" and 0 or (sd.rise or 2)) end
    end
  end
  return proxies
end

-- The harness options a configuration gives (the spec's own win).
local function harness_opts(cfg, opts, here)
  local o = {}
  for k, v in pairs(opts) do if not OWN[k] then o[k] = v end end
  o.getenv = cfg.env:getenv() -- over opts.getenv (the starting environment)
  o.chroot = opts.chroot or cfg.chroot
  local path, cpath = {}, {}
  for _, p in ipairs(cfg.prepend) do
    local list = p.kind == "cpath" and cpath or path
    list[#list + 1] = here(p.path)
  end
  for _, p in ipairs(type(opts.prepend_path) == "string" and { opts.prepend_path } or opts.prepend_path or {}) do
    path[#path + 1] = p
  end
  for _, p in ipairs(type(opts.prepend_cpath) == "string" and { opts.prepend_cpath } or opts.prepend_cpath or {}) do
    cpath[#cpath + 1] = p
  end
  o.prepend_path, o.prepend_cpath = path, cpath
  o.tune = {}
  for k, v in pairs(cfg.tune) do o.tune[k] = v end
  for k, v in pairs(opts.tune or {}) do o.tune[k] = v end
  if o.tune.maxmem and not (opts.tune and opts.tune.maxmem) and type(rawget(_G, "maxmem")) ~= "function" then
    -- a memory limit needs a state whose allocator counts (testing.sandbox)
    local l = cfg.tune_lines.maxmem
    cfg.skipped[#cfg.skipped + 1] = { where = l.where, text = l.text:match("^%s*(.-)%s*$"),
      why = "tune.lua.maxmem needs a state the harness owns: run the spec through testing.sandbox" }
    o.tune.maxmem = nil
  end
  if opts.loggers == nil then o.loggers = cfg.loggers end
  o.proxies = opts.proxies or started(CR.proxies(cfg))
  o.maps, o.acls = {}, {}
  for file in pairs(cfg.maps) do o.maps[file] = true end
  for file in pairs(cfg.acls) do o.acls[file] = acl_patterns(here(file)) end
  for k, v in pairs(opts.maps or {}) do o.maps[k] = v end
  for k, v in pairs(opts.acls or {}) do o.acls[k] = v end
  o.proc_vars = {}
  for _, px in pairs(cfg.proxies) do
    for _, list in pairs(px.rules) do
      for _, r in ipairs(list) do
        if r.var and r.var:match("^proc%.") then o.proc_vars[r.var:sub(6)] = true end
      end
    end
  end
  for k, v in pairs(opts.proc_vars or {}) do o.proc_vars[k] = v end
  o.start = false
  return o
end

local function load_all(h, loads, per_thread, here)
  for _, l in ipairs(loads) do
    if l.per_thread == per_thread then
      local ok, err = pcall(h.load, h, here(l.file), l.args)
      if not ok then error("parsing [" .. l.where .. "]: " .. tostring(err), 0) end
    end
  end
end

-- What HAProxy checks while it parses the proxies (the lua-load bodies have
-- run by then): every Lua action, service, fetch, converter and filter the
-- configuration names is registered, with the number of arguments it takes.
-- Texts as 2.6 prints them (checked with haproxy -c).
local function registered(states, what, env, name)
  for _, st in ipairs(states) do
    local reg = st.rt.reg
    if what == "action" then
      local a = st.rt:find_action(env, name)
      if a then return a end
    elseif reg[what][name] then
      return reg[what][name]
    end
  end
end

-- A converter of a later version than the one emulated (kw/conv_later.lua)
-- is unknown there; HAProxy's texts per place (2.6.12 to 3.0.0 alike, -c).
local function later_converter(px, pname, cv)
  local at, unknown = "parsing [" .. cv.where .. "] : ", "unknown converter '" .. cv.name .. "'"
  local msg
  if cv.kind == "acl" then
    msg = string.format("error detected while parsing ACL '%s' : %s in ACL expression '%s'.",
      cv.acl, unknown, cv.text)
  elseif cv.kind == "cond" and cv.rule then
    msg = string.format("error detected while parsing an '%s' condition : %s in ACL expression '%s'.",
      cv.rule, unknown, cv.text)
  elseif cv.rule then
    msg = string.format("error detected in %s '%s' while parsing '%s' rule : %s%s.",
      px.cap == "listen" and "proxy" or px.cap, pname, cv.rule,
      cv.kind == "fmt" and "failed to parse sample expression <" .. cv.text .. "> : " or "", unknown)
  else
    msg = unknown
  end
  error(at .. msg, 0)
end

function CF.check(cfg, states)
  for _, pname in ipairs(cfg.order) do
    local px = cfg.proxies[pname]
    for ruleset, list in pairs(px.rules) do
      local env = CR.RULESETS[ruleset]
      for _, rule in ipairs(list) do
        local at = "parsing [" .. rule.where .. "]"
        if rule.kind == "lua" then
          local a = registered(states, "action", env, rule.name)
          if not a then
            error(string.format("%s: '%s' expects a registered action, but got 'lua.%s'.", at,
                                ruleset, rule.name), 0)
          elseif #rule.args < a.nargs then
            error(string.format("%s : error detected in %s '%s' while parsing '%s lua.%s' rule : "
              .. "expect %d arguments.", at, px.cap, pname, ruleset, rule.name, a.nargs), 0)
          elseif #rule.args > a.nargs then
            error(string.format("%s: '%s lua.%s' expects either 'if' or 'unless' followed by a "
              .. "condition but found '%s'.", at, ruleset, rule.name, rule.args[a.nargs + 1]), 0)
          end
        elseif rule.kind == "service" and not registered(states, "services", nil, rule.name) then
          error(string.format("%s : error detected in %s '%s' while parsing '%s use-service' rule : "
            .. "'lua.%s' unknown service name..", at, px.cap, pname, ruleset, rule.name), 0)
        end
      end
    end
    for _, smp in ipairs(px.samples) do
      local kind = smp.kind == "fetch" and "fetches" or "converters"
      if not registered(states, kind, nil, smp.name) then
        error(string.format("parsing [%s]: unknown %s 'lua.%s'.", smp.where,
          smp.kind == "fetch" and "fetch method" or "converter", smp.name), 0)
      end
    end
    local rt = states[1] and states[1].rt
    for _, cv in ipairs(px.converters or {}) do
      local kw = S.converters[cv.name]
      if rt and kw and kw.since and not VER.has(rt, kw.since) then later_converter(px, pname, cv) end
    end
    for _, f in ipairs(px.filters) do
      if not registered(states, "filters", nil, f.name) then
        error(string.format("parsing [%s] : 'filter' : unknown keyword 'lua.%s'.", f.where, f.name), 0)
      end
    end
  end
end

--[[ testing.from_config(paths, opts) -> h: the lua-load state (core.thread
0) with every lua-load file loaded in order, h.threads: the
lua-load-per-thread states (nbthread of them, core.thread 1..n), h.config:
what was read (cfgread.lua), h.config.skipped: what was not interpreted.
opts: harness options (they win over the configuration's), plus path_map
(where the configuration's paths are on this machine), getenv (the
environment HAProxy starts with: os.getenv, plus HAPROXY_LOCALPEER =
opts.localpeer or the host name, HAPROXY_STARTUP_VERSION, 2.8+'s
HAPROXY_BRANCH), nbthread (when the configuration has none: 1),
haproxy_version (the version string .if and HAPROXY_STARTUP_VERSION see:
the emulated version's own, CF.VERSION_STRINGS, by default) and features
(for .if), start
= false (stop before the end of configuration: h:start_all()). ]]
function CF.from_config(T, paths, opts)
  opts = opts or {}
  local vnum = T.version_number(opts.haproxy)
  local vstring = opts.haproxy_version or CF.VERSION_STRINGS[vnum]
  local cfg = CR.read(paths, { getenv = start_env(opts, vnum, vstring), version = vstring,
                               vnum = vnum, features = opts.features })
  local static = FS.resolver({ path_map = opts.path_map })
  local function here(p) return static and static(p, false) or p end
  local o = harness_opts(cfg, opts, here)
  local nbthread = cfg.nbthread or opts.nbthread or 1
  o.process = Proc.new({ nbthread = nbthread, proxies = o.proxies })
  local h = T.new(o)
  for _, w in ipairs(cfg.warnings) do Proc.alert(h.rt, w, "WARNING") end
  load_all(h, cfg.loads, false, here)
  local threads = {}
  local per_thread = false
  for _, l in ipairs(cfg.loads) do per_thread = per_thread or l.per_thread end
  if per_thread then
    for i = 1, nbthread do
      local ot = U.copy(o)
      ot.thread = i
      threads[i] = T.new(ot)
      load_all(threads[i], cfg.loads, true, here)
    end
  end
  local states = { h }
  for _, t in ipairs(threads) do states[#states + 1] = t end
  CF.check(cfg, states)
  h.config, h.threads = cfg, threads
  h.rules = CF.rules
  h.start_all = CF.start_all
  if opts.start ~= false then h:start_all() end
  return h
end

-- The end of configuration for every state of the configuration.
function CF.start_all(h)
  h:start()
  for _, t in ipairs(h.threads) do t:start() end
  return h
end

-- The state a stream's Lua rules run in: 2.6 keeps the state of the first
-- Lua rule for the whole stream.
local function state_for(h, env, list, thread)
  for _, rule in ipairs(list) do
    if rule.kind == "lua" or rule.kind == "service" then
      if (rule.kind == "lua" and h.rt:find_action(env, rule.name))
         or (rule.kind == "service" and h.rt.reg.services[rule.name]) then
        return h
      end
      local t = h.threads[thread or 1]
      if t then return t end
      return h
    end
  end
  return h
end

--[[ h:rules(proxy, ruleset, request, ropts) -> result: the Lua rules of
`ruleset` ("http-request", "http-response", "tcp-request content",
"tcp-response content") of frontend/backend/listen `proxy`, in order, on one
transaction: lua.<name> actions with their arguments, set-var/unset-var lines
with constant values, use-service lua.<name>. Conditions are not evaluated
(every rule runs, see h.config.skipped); ropts.when(rule) -> false leaves a
rule out. The first verdict other than "continue" ends the ruleset, as in
HAProxy. ropts.tx continues a transaction (e.g. the response rules after
the request rules: r.tx:to_response(...) first); ropts.thread chooses the
lua-load-per-thread state (1). result = { tx, steps = { {rule, result} },
verdict, reply, service (the response of use-service), request, response,
vars }. ]]
function CF.rules(h, proxy, ruleset, req, ropts)
  ropts = ropts or {}
  local px = h.config.proxies[proxy]
  if not px then error("no frontend, backend or listen section '" .. tostring(proxy) .. "' in the configuration", 2) end
  local list, env = px.rules[ruleset], CR.RULESETS[ruleset]
  if not list then
    error("unknown ruleset '" .. tostring(ruleset) .. "' (http-request, http-response, "
      .. "tcp-request content, tcp-response content)", 2)
  end
  local tx = ropts.tx
  if not tx then
    local desc = U.copy(req or {})
    if px.cap ~= "backend" then desc.frontend = desc.frontend or proxy end
    if px.cap ~= "frontend" then desc.backend = desc.backend or proxy end
    desc.mode = desc.mode or (px.mode == "tcp" and "tcp" or nil)
    tx = state_for(h, env, list, ropts.thread):transaction(desc)
    if env == "http-res" then tx:to_response(desc.response) end
  end
  local state = tx.h
  local out = { tx = tx, steps = {}, verdict = "continue" }
  for _, rule in ipairs(list) do
    if not (ropts.when and not ropts.when(rule)) then
      if rule.kind == "lua" then
        if not state.rt:find_action(env, rule.name) then
          error(string.format("%s: lua.%s is not registered in the state this stream runs in "
            .. "(2.6 runs all Lua rules of a stream in the state of its first one)", rule.where, rule.name), 2)
        end
        local r = tx:run(env, rule.name, table.unpack(rule.args))
        out.steps[#out.steps + 1] = { rule = rule, result = r }
        out.verdict, out.reply = r.verdict, r.reply or out.reply
        if r.verdict ~= "continue" then break end
      elseif rule.kind == "set-var" then
        tx:set_var(rule.var, rule.value)
        out.steps[#out.steps + 1] = { rule = rule }
      elseif rule.kind == "unset-var" then
        tx:set_var(rule.var, nil)
        out.steps[#out.steps + 1] = { rule = rule }
      elseif rule.kind == "service" then
        local svc, res = state.rt.reg.services[rule.name]
        if svc and svc.mode == "tcp" then
          -- a TCP service reads what the client sent and the rules left
          local c = tx.stream.chn.req
          res = state:service(rule.name, { input = { c.input, table.unpack(c.pending or {}) },
                                           src = tx.stream.src, src_port = tx.stream.src_port,
                                           dst = tx.stream.dst, dst_port = tx.stream.dst_port })
        else
          res = state:service(rule.name, tx)
        end
        out.steps[#out.steps + 1] = { rule = rule, result = res }
        out.verdict, out.service = "service", res
        break
      end
    end
  end
  out.request, out.response, out.vars = tx:request(), tx:response(), tx:vars()
  return out
end

return CF
