-- The filter runner: plays a `filter lua.<name>` line of a Lua filter
-- (core.register_filter) on a stream. The registration function runs once per
-- configuration, every stream gets an instance from Class:new(), and the
-- callbacks run in HAProxy's order with HTTPMessage objects
-- (classes/http_message.lua). Callbacks cannot yield (they are always
-- "final" in 2.6). The other runners are in rules/run.lua.
local U = require "proxylua.core.base.util"
local E = require "proxylua.core.exec.executor"
local Stream = require "proxylua.core.stream.stream"
local HM = require "proxylua.core.classes.http_message"

local type, pairs, ipairs, tostring = type, pairs, ipairs, tostring

local FL = {}

----------------------------------------------------------------------------
-- Running a filter

-- The per-`filter`-line copy of the class, after the registration function
-- ran with the line's arguments (its return value is ignored in 2.6).
function FL.configure(rt, name, args)
  local f = rt.reg.filters[name]
  if not f then error("unknown filter 'lua." .. name .. "'", 3) end
  local copy = {}
  for k, v in pairs(f.class) do copy[k] = v end
  setmetatable(copy, getmetatable(f.class))
  local a = {}
  for i, v in ipairs(args or {}) do a[i] = tostring(v) end
  f.fn(copy, a)
  return copy
end

-- Call inst:<cb>(...) as a filter callback; nil when absent. Errors are
-- logged and count as filter.ERROR.
local function call(rt, name, inst, cb, ...)
  local fn = inst[cb]
  if type(fn) ~= "function" then return nil end
  local ctx = { kind = "filter", name = name }
  local status, val = E.exec(rt, ctx, fn, inst, ...)
  if status == "ok" then return val[1], true end
  if status == "error" then
    E.report(rt, ctx, val)
    return -1, true, val
  end
  if status == "yield" then return 0, true end
  return nil, true
end

--[[ Run the filter on HTTP stream s (its TXN object: txn), for the request
and, if the stream has one, the response; origin(request) -> response, when
given, is the server answering the request as the filter left it. Returns
{ instance, calls = { "start_analyze:req", ... }, errors = {...} }. ]]
function FL.run_http(rt, name, conf, s, txn, origin)
  local out = { calls = {}, errors = {}, msgs = {} }
  local ctx = { kind = "filter", name = name }
  local status, val = E.exec(rt, ctx, conf.new, conf)
  if status ~= "ok" or type(val[1]) ~= "table" then
    if status == "error" then E.report(rt, ctx, val) end
    return out -- no instance: the filter is skipped for this stream
  end
  local inst = val[1]
  out.instance = inst
  local function run_dir(dir)
    local m = dir == "req" and s.http_req or s.http_res
    if not m then return end
    local saved = s.dir
    s.dir = dir
    local chn = txn[dir]
    local hmsg = HM.new(m, dir, chn)
    -- the harness holds whole messages: the end is already known
    U.st(hmsg).eom = true
    -- in callbacks the TXN carries both messages that exist so far
    out.msgs[dir] = hmsg
    rawset(txn, "http_req", out.msgs.req)
    rawset(txn, "http_res", out.msgs.res)
    local function step(cb, arg)
      local r, called, err = call(rt, name, inst, cb, txn, arg)
      if called then out.calls[#out.calls + 1] = cb .. ":" .. dir end
      if err then out.errors[#out.errors + 1] = err end
      return r
    end
    step("start_analyze", chn)
    step("http_headers", hmsg)
    local data_on = rt.data_filters[inst] and rt.data_filters[inst][dir]
    if data_on then
      local hs = U.st(hmsg)
      hs.payload, hs.data, hs.eom = true, m.body or "", true
      hs.body_phase = true
      local fwd = step("http_payload", hmsg)
      fwd = math.tointeger(fwd) or #hs.data
      m.body = hs.out .. hs.data
      hs.payload = false
      out[dir .. "_forwarded"] = fwd
    end
    U.st(hmsg).body_phase = true
    step("http_end", hmsg)
    step("end_analyze", chn)
    rawset(txn, "http_req", nil)
    rawset(txn, "http_res", nil)
    s.dir = saved
  end
  run_dir("req")
  if origin then -- the server answers the request as the filter left it
    Stream.set_response(s, origin(s.http_req))
  end
  if s.http_res then
    s.req_vars_gone, s.vars.req = true, nil
    run_dir("res")
  end
  return out
end

-- TCP streams: start_analyze, tcp_payload (with data filters) and
-- end_analyze on each channel; the payload is the channel's input.
function FL.run_tcp(rt, name, conf, s, txn)
  local out = { calls = {}, errors = {} }
  local ctx = { kind = "filter", name = name }
  local status, val = E.exec(rt, ctx, conf.new, conf)
  if status ~= "ok" or type(val[1]) ~= "table" then
    if status == "error" then E.report(rt, ctx, val) end
    return out
  end
  local inst = val[1]
  out.instance = inst
  for _, dir in ipairs({ "req", "res" }) do
    s.dir = dir
    local chn = txn[dir]
    local function step(cb)
      local r, called, err = call(rt, name, inst, cb, txn, chn)
      if called then out.calls[#out.calls + 1] = cb .. ":" .. dir end
      if err then out.errors[#out.errors + 1] = err end
      return r
    end
    step("start_analyze")
    if rt.data_filters[inst] and rt.data_filters[inst][dir] then
      local c = s.chn[dir]
      local fwd = math.tointeger(step("tcp_payload")) or #c.input
      fwd = math.max(0, math.min(fwd, #c.input))
      c.output = c.output .. c.input:sub(1, fwd)
      c.input = c.input:sub(fwd + 1)
    end
    step("end_analyze")
  end
  return out
end

return FL
