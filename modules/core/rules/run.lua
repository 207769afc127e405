-- The runners: how HAProxy runs each kind of registered function on a
-- stream and turns its end into what the client, the log and the next rule
-- see. An action's return code becomes a verdict (and, in HTTP, the error
-- page HAProxy sends), a fetch's or converter's return values a sample, a
-- service's calls a response, a CLI command's output the text the CLI client
-- reads. The filter runner is its neighbour (rules/filter.lua). The harness
-- (proxylua.testing) builds the stream, calls these and adds its result
-- tables (logs, variables).
local U = require "proxylua.core.base.util"
local schedlib = require "proxylua.core.base.sched"
local Proc = require "proxylua.core.exec.process"
local E = require "proxylua.core.exec.executor"
local Stream = require "proxylua.core.stream.stream"
local TXN = require "proxylua.core.classes.txn"
local A = require "proxylua.core.classes.applet"

local type, ipairs, pairs = type, ipairs, pairs

local R = {}

-- Action return codes (act.*) -> verdict names.
R.VERDICT = { [0] = "continue", "stop", "yield", "error", "done", "deny", "abort", "invalid" }
local VERDICT = R.VERDICT

----------------------------------------------------------------------------
-- Actions

-- The ruleset an action is registered in, when a spec does not say.
function R.pick_env(rt, name, desc)
  if desc and (desc.ruleset or desc.env) then return desc.ruleset or desc.env end
  for _, e in ipairs({ "http-req", "http-res", "tcp-req", "tcp-res" }) do
    -- a tcp stream cannot run http actions
    local usable = not (desc and desc.mode == "tcp" and e:match("^http"))
    if usable and rt:find_action(e, name) then return e end
  end
  return "http-req"
end

-- The configuration line's checks on an action's arguments (strings):
-- nil, or HAProxy's parse error.
function R.check_action_args(env, a, args)
  local rule = (env:match("^http") and (env == "http-req" and "http-request" or "http-response"))
    or (env == "tcp-req" and "tcp-request content" or "tcp-response content")
  if args.n < a.nargs then
    return string.format("error detected while parsing '%s lua.%s' rule : expect %d arguments.",
                         rule, a.name, a.nargs)
  elseif args.n > a.nargs then
    return string.format("'%s lua.%s' expects either 'if' or 'unless' followed by a condition "
                         .. "but found '%s'.", rule, a.name, args[a.nargs + 1])
  end
end

--[[ R.action(rt, s, txn, env, a, args) -> result: runs registered action a
(rt:find_action) of ruleset env on stream s, until it returns (an
act.YIELD with a wake time runs it again, as HAProxy does), with its
configuration arguments args (packed strings).
  result.verdict  "continue" "stop" "yield" "error" "done" "deny" "abort" "invalid"
  result.code     the integer action code; result.runs: how many runs
  result.reply    the response the client got from this step, if any
                  ({status, reason, headers = {{name, value}...}, body, wire})
  result.closed   txn:done() without a reply: connection closed, no response
  result.error    the logged runtime error text; result.expired: timed out
  result.stalled  yielded with nothing to wait for
  result.sent     TCP: what txn.res:send() put on the way to the client
  result.channels TCP: the stream's channels { req = c, res = c }, c = {
                  input (still in the buffer: goes on to the server or the
                  client after the rules), output (already on its way:
                  send() and forward()), sent (send() only) } ]]
function R.action(rt, s, txn, env, a, args)
  if env == "http-res" or env == "tcp-res" then
    if s.dir ~= "res" then Stream.to_response(s) end
  end
  local result = { logs = nil }
  local runs = 0
  while true do
    runs = runs + 1
    local ctx = { kind = "action", name = a.name, stream = s }
    -- each wait lets the next chunk of client/server data arrive; waiting
    -- with nothing left to arrive ends like an expired inspect-delay
    local idle = 0
    ctx.on_wait = function(token)
      -- a forced yield (no token) is no wait of the script's: nothing arrives
      if token == nil then return true end
      local fed = Stream.feed(s)
      if fed or token ~= schedlib.YIELD then idle = 0 return true end
      idle = idle + 1
      return idle <= 1000
    end
    local status, val = E.exec(rt, ctx, a.fn, txn, table.unpack(args, 1, args.n))
    local code = 0
    if status == "ok" then
      code = U.tointeger(val[val.n]) or 0
    elseif status == "done" then
      if val.core then
        code = val.n > 0 and U.tointeger(val.value) or 0
      else
        result.txn_done = true
        if val.caught and val.reply then
          -- docs/haproxy-runtime.md §1.7: HAProxy 2.6.12 segfaulted after
          -- this; later versions too die (versions.md §4)
          local v = rt.version or 206
          error("proxylua: " .. E.prefix(ctx) .. ": txn:done(reply) was caught by pcall and the "
            .. "action went on: HAProxy " .. (v == 206 and "2.6 crashes (segfault) here" or
            (require("proxylua.core.state.versions").name(v) .. " crashes here (the stream stalls, the watchdog kills "
            .. "the process)")), 0)
        end
        if val.reply then
          result.reply = TXN.render_reply(val.reply, s.http_req and s.http_req.version, s.rt)
        else
          result.closed = true
        end
      end
    elseif status == "error" then
      E.report(rt, ctx, val)
      result.error = val
    elseif status == "expired" then
      Proc.alert(rt, E.prefix(ctx) .. ": aborting Lua processing on expired timeout.")
      result.expired = true
    end
    if code == 2 and not result.txn_done and ctx.wake_time and runs < 1000 then
      local l = rt.sched.loop
      if l and l:in_task() then
        l:msleep(ctx.wake_time) -- other transactions run meanwhile
      else
        rt.sched:advance(ctx.wake_time)
      end
    else
      result.code = code
      break
    end
  end
  result.runs = runs
  local code = result.code
  result.verdict = result.txn_done and "done" or VERDICT[code] or "continue"
  if result.verdict == "yield" then result.stalled = true end
  if s.mode == "http" and not result.txn_done then
    local page
    if env == "http-req" then
      page = ({ [3] = 500, [5] = 403, [6] = 503, [7] = 400 })[code]
    elseif env == "http-res" then
      page = ({ [3] = 500, [5] = 200, [7] = 502 })[code]
    end
    if page then result.reply = A.error_page(page) end
  end
  if s.mode == "tcp" then
    result.sent = s.chn.res.sent -- what txn.res:send() put on the way to the client
    result.channels = s.chn
    if result.txn_done then result.closed = true end
  end
  if result.reply then result.reply.wire = A.wire(result.reply) end
  return result
end

----------------------------------------------------------------------------
-- Fetches and converters

-- A registered fetch's or converter's end -> its sample (nil: no sample),
-- error text (docs/haproxy-runtime.md §2.3).
function R.outcome_sample(rt, ctx, status, val)
  if status == "ok" then
    if val.n == 0 then return nil end
    return U.lua2smp(val[val.n])
  elseif status == "done" then
    if val.n == 0 then return { t = "bool", v = false } end
    return U.lua2smp(val.value)
  elseif status == "error" then
    E.report(rt, ctx, val)
    return nil, val
  elseif status == "yield" then
    if ctx.kind == "fetch" then
      Proc.alert(rt, E.prefix(ctx) .. ": yield not allowed.")
    else
      Proc.alert(rt, E.prefix(ctx) .. ": yield functions like core.tcp() or core.sleep() are not allowed.")
    end
    return nil, "yield not allowed"
  end
end

-- R.fetch(rt, s, txn, f, args) -> sample, error text: registered fetch f
-- on stream s with its arguments (packed strings).
function R.fetch(rt, s, txn, f, args)
  local ctx = { kind = "fetch", name = f.name, stream = s }
  local status, val = E.exec(rt, ctx, f.fn, txn, table.unpack(args, 1, args.n))
  return R.outcome_sample(rt, ctx, status, val)
end

-- R.converter(rt, c, input, args) -> sample, error text: the input sample
-- is cast to a string first, as HAProxy does.
function R.converter(rt, c, input, args)
  local smp = type(input) == "table" and input or U.lua2smp(input)
  local str = U.smp2str(smp)
  local ctx = { kind = "converter", name = c.name }
  local status, val = E.exec(rt, ctx, c.fn, str, table.unpack(args, 1, args.n))
  return R.outcome_sample(rt, ctx, status, val)
end

----------------------------------------------------------------------------
-- Services

-- R.tcp_service(rt, s, svc, input) -> { output = bytes sent, error }: the
-- client's input is a string or a list of chunks arriving one per wait.
function R.tcp_service(rt, s, svc, input)
  s.applet = true
  local a = A.new_tcp(s, input)
  local ctx = { kind = "service", name = svc.name, mode = "tcp", stream = s }
  local ast = U.st(a)
  ctx.on_wait = function() -- the next chunk of client data arrives
    if ast.pending and #ast.pending > 0 then
      ast.input = ast.input .. table.remove(ast.pending, 1)
    end
    return true
  end
  local status, val = E.exec(rt, ctx, svc.fn, a)
  local r = { output = table.concat(U.st(a).out.chunks) }
  if status == "error" then
    E.report(rt, ctx, val)
    r.error = val
  end
  return r
end

--[[ R.http_service(rt, s, svc) -> the response the client gets:
  { status, reason, version, headers = {{name, value}...}, body, chunks, wire,
    chunked, truncated, empty (connection closed with nothing), broken, error }
The response is left on the stream (http-response rules may follow). ]]
function R.http_service(rt, s, svc)
  s.applet = true
  local a = A.new_http(s)
  local ctx = { kind = "service", name = svc.name, mode = "http", stream = s }
  local status, val = E.exec(rt, ctx, svc.fn, a)
  local out = U.st(a).out
  local res
  if status == "error" then
    E.report(rt, ctx, val)
  end
  if out.broken then
    res = { empty = true, broken = out.broken }
  elseif not out.started then
    res = A.error_page(500)
  else
    local body = table.concat(out.chunks)
    res = { status = out.status, reason = out.reason, version = out.version,
            headers = out.headers, body = body, chunks = out.chunks, chunked = out.chunked }
    if status == "error" then res.truncated = true end
    if out.content_length then
      if #body > out.content_length then
        res = { empty = true, broken = "more data than content-length: nothing reaches the client" }
      elseif #body < out.content_length then
        res.truncated = true
      end
    end
    if s.http_req.method == "HEAD" and not res.empty then
      res.body, res.chunks = "", {}
    end
  end
  if not res.empty then res.wire = A.wire(res) end
  if status == "error" then res.error = val end
  if not res.empty then
    Stream.set_response(s, { status = res.status, reason = res.reason, headers = res.headers,
                             body = res.body })
  end
  return res
end

----------------------------------------------------------------------------
-- CLI commands

-- The registered command a CLI line runs (the longest matching word path),
-- and the line's words.
function R.find_cli(rt, line)
  local words = {}
  for w in line:gmatch("%S+") do words[#words + 1] = w end
  local best, blen
  for _, c in pairs(rt.reg.cli) do
    local ok = #c.words <= #words
    for i = 1, #c.words do if ok and c.words[i] ~= words[i] then ok = false end end
    if ok and (not blen or #c.words > blen) then best, blen = c, #c.words end
  end
  return best, words
end

-- R.cli(rt, s, c, words, input) -> output as the CLI client reads it, error.
function R.cli(rt, s, c, words, input)
  s.applet = true
  local a = A.new_tcp(s, input)
  local ctx = { kind = "cli", name = c.name, stream = s }
  local status, val = E.exec(rt, ctx, c.fn, a, table.unpack(words))
  if status == "error" then E.report(rt, ctx, val) end
  return table.concat(U.st(a).out.chunks) .. "\n", status == "error" and val or nil
end

return R
