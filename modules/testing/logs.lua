-- Which log records HAProxy 2.6 prints on stderr. The harness records every
-- record a script emits (rt.logs); HAProxy prints debug-level ones
-- (core.Debug, txn:Debug, core.log(core.debug, ...), level 7) only when
-- started with -d, while its log servers (`log` lines) get every level
-- whatever -d says (checked live, docs/testing.md §5). A spec asks for what
-- an operator sees on a default start with h:logs({ printed = true }).
local L = {}

local DEBUG = 7

--[[ The records of `list` selected by opts (nil: all of them, the same
  table). opts.printed = true: what HAProxy prints without -d (no level-7
  records); opts.printed = "-d": everything, as with -d. opts.level: only
  that level. ]]
function L.select(list, opts)
  if opts == nil then return list end
  if type(opts) ~= "table" then
    error("bad argument #1 to 'logs' (table expected, got " .. type(opts) .. ")", 3)
  end
  local printed, level = opts.printed, opts.level
  if printed ~= nil and printed ~= true and printed ~= false and printed ~= "-d" then
    error("logs: printed must be true, false or \"-d\" (got " .. tostring(printed) .. ")", 3)
  end
  local out = {}
  for _, r in ipairs(list) do
    local shown = not (printed == true and r.level == DEBUG)
    if shown and (level == nil or r.level == level) then out[#out + 1] = r end
  end
  return out
end

return L
