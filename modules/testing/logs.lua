-- Which log records HAProxy 2.6 prints on stderr. The harness records every
-- record a script emits (rt.logs); HAProxy prints debug-level ones
-- (core.Debug, txn:Debug, core.log(core.debug, ...), level 7) only when
-- started with -d, while its log servers (`log` lines) get every level
-- whatever -d says (checked live, docs/testing.md §5). A spec asks for what
-- an operator sees on a default start with h:logs({ printed = true }).
-- From 2.9 on tune.lua.log.loggers/stderr decide where a line goes: each
-- record says whether it was `sent` to a logger and printed on `stderr`
-- (core/exec/process.lua); h:logs({ sent = true }) selects the sent ones.
local L = {}

local DEBUG = 7

--[[ The records of `list` selected by opts (nil: all of them, the same
  table). opts.printed = true: what HAProxy prints without -d (no level-7
  records); opts.printed = "-d": everything, as with -d; both leave out
  what tune.lua.log.stderr kept off stderr (2.9+). opts.sent = true: the
  records a logger got (false: the others). opts.level: only that level. ]]
function L.select(list, opts)
  if opts == nil then return list end
  if type(opts) ~= "table" then
    error("bad argument #1 to 'logs' (table expected, got " .. type(opts) .. ")", 3)
  end
  local printed, level, sent = opts.printed, opts.level, opts.sent
  if printed ~= nil and printed ~= true and printed ~= false and printed ~= "-d" then
    error("logs: printed must be true, false or \"-d\" (got " .. tostring(printed) .. ")", 3)
  end
  local out = {}
  for _, r in ipairs(list) do
    local shown = not (printed == true and r.level == DEBUG)
    if printed and r.stderr == false then shown = false end
    if sent ~= nil and (r.sent == true) ~= (sent == true) then shown = false end
    if shown and (level == nil or r.level == level) then out[#out + 1] = r end
  end
  return out
end

return L
