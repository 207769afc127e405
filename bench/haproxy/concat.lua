-- Run inside HAProxy by `haproxy -c` (scripts/run-bench): the main chunk of
-- a lua-load script runs in HAProxy's own Lua while the config is parsed.
local concat = require "proxylua.concat"
local common = require "bench.concat_common"

local ours = common.cases(concat.new)
local theirs = common.cases(core.concat)
local t = {
  proxylua = common.best_of(3, ours.proxylua),
  variadic = common.best_of(3, ours.proxylua_variadic10),
  haproxy = common.best_of(3, theirs.proxylua),  -- same loop, core.concat()
  table_index = common.best_of(3, ours.table_index),
}
print(string.format("concat inside HAProxy (%s, %d builds x %d appends)", _VERSION, common.ROUNDS, common.APPENDS))
print(common.line("proxylua vs core.concat()", t.proxylua, t.haproxy, "core.concat"))
print(common.line("proxylua vs t[i]=", t.proxylua, t.table_index, "t[i]=;concat"))
print(common.line("proxylua variadic10 vs core.concat()", t.variadic, t.haproxy, "core.concat"))
