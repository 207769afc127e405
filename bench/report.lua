-- Shared by the loop and socket benchmarks: the report line every bench
-- prints, and a best-of-N runner.
local R = {}

-- `<name>: ours X ns/op, baseline Y ns/op, ratio Z.ZZx` for n operations
-- that took `ours` and `base` seconds.
function R.report(name, ours, base, n, unit)
  local o, b = ours / n * 1e9, base / n * 1e9
  print(("%s: ours %.1f ns/%s, baseline %.1f ns/%s, ratio %.2fx")
    :format(name, o, unit or "op", b, unit or "op", o / b))
end

-- The smallest of `rounds` timings that f() returns, each after a full
-- collection, to shed scheduler noise.
function R.best(rounds, f)
  local m = math.huge
  for _ = 1, rounds do
    collectgarbage()
    local t = f()
    if t < m then m = t end
  end
  return m
end

-- best() for two contenders taking turns, so that a busy machine slows
-- both alike: the smallest timing of each, ours then the baseline.
function R.best_pair(rounds, ours, base)
  local a, b = math.huge, math.huge
  for _ = 1, rounds do
    collectgarbage()
    a = math.min(a, ours())
    collectgarbage()
    b = math.min(b, base())
  end
  return a, b
end

return R
