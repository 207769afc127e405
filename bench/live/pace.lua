-- wrk script (wrk's own LuaJIT, not a lua-load script): paces each
-- connection. Between a response and its next request a connection waits a
-- random whole number of milliseconds, uniform in [mean/2, 3*mean/2], so
-- that the connections do not fire in lockstep and the load is a fixed
-- rate, not "as fast as HAProxy answers".
--   wrk -t1 -c20 -d2s -s bench/live/pace.lua URL -- <mean ms>
local lo, hi = 2, 6

function init(args)   -- luacheck: ignore (wrk's hook)
  local mean = tonumber(args[1]) or 4
  lo, hi = math.max(0, math.floor(mean / 2)), math.ceil(mean * 3 / 2)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function delay()   -- luacheck: ignore (wrk's hook)
  return math.random(lo, hi)
end
