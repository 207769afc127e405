-- A server's health check as a counter (docs/testing.md, "Health checks"):
-- `health` runs from 0 to rise+fall-1. A passed check adds one (at `rise`
-- it jumps to the top), a failed one takes one away (below `rise` it drops
-- to 0). Whether the server runs is kept apart, as HAProxy keeps it: a
-- pass that reaches `rise` starts a stopped server, a failure that leaves
-- 0 stops a running one, and nothing else moves it (live 2.8.0-3.2.0: a
-- dynamic server enabled before its check runs at health 0, "UP -2/2" with
-- rise 3 and fall 2, and its first passes report 1, 2, then 4 without a
-- state change). The description's
-- `check` text ("UP", "UP 1/3", "DOWN 1/2", "DOWN") holds both, is what
-- get_stats().status shows and is kept in step with the counter, so a spec
-- may still set either. Checks do not run while the server is in
-- maintenance or its check is disabled. Facts checked live (2.6.12, 2.8.0,
-- 3.0.0, 3.2.0; docs/versions.md).
local SC = {}

-- Short name -> description and result, as a check reports them; `code`
-- exists for the layer 7 and external statuses only.
SC.STATUSES = {
  SOCKERR = { "Socket error", "FAILED" },
  L4OK = { "Layer4 check passed", "PASSED" },
  L4TOUT = { "Layer4 timeout", "FAILED" },
  L4CON = { "Layer4 connection problem", "FAILED" },
  L6OK = { "Layer6 check passed", "PASSED" },
  L6TOUT = { "Layer6 timeout", "FAILED" },
  L6RSP = { "Layer6 invalid response", "FAILED" },
  L7TOUT = { "Layer7 timeout", "FAILED" },
  L7RSP = { "Layer7 invalid response", "FAILED" },
  L7OK = { "Layer7 check passed", "PASSED", code = true },
  L7OKC = { "Layer7 check conditionally passed", "CONDPASS", code = true },
  L7STS = { "Layer7 wrong status", "FAILED", code = true },
  PROCERR = { "External check error", "FAILED", code = true },
  PROCTOUT = { "External check timeout", "FAILED", code = true },
  PROCOK = { "External check passed", "PASSED", code = true },
}

local function bounds(d) return d.rise or 2, d.fall or 3 end

-- The status text of a health value; `up`: whether the server runs (by
-- default, whether the health reached `rise`). A running server below the
-- top shows "UP <health-rise+1>/<fall>", down to "UP -1/3" at 0 (rise 2,
-- fall 3).
function SC.text(d, health, up)
  local rise, fall = bounds(d)
  local top = rise + fall - 1
  if up == nil then up = health >= rise end
  if up then
    return health >= top and "UP" or string.format("UP %d/%d", health - rise + 1, fall)
  end
  return health <= 0 and "DOWN" or string.format("DOWN %d/%d", health, rise)
end

-- The health value a status text stands for (what a spec wrote in `check`).
local function from_text(d)
  local rise, fall = bounds(d)
  local c = d.check
  if c == true then return rise + fall - 1 end
  local word, a = tostring(c):match("^(%S*)%s*(%-?%d*)")
  a = tonumber(a)
  if word == "DOWN" then return a or 0 end
  if a then return a + rise - 1 end
  return rise + fall - 1 -- "UP", "NOLB"
end

-- The current health (the counter, unless the text was changed since).
function SC.health(d)
  if d.health and d.health_text == d.check then return d.health end
  return from_text(d)
end

-- Whether the check sees the server running (its text says so).
function SC.up(d)
  return d.check == true or tostring(d.check):match("^%S*") ~= "DOWN"
end

function SC.set(d, health, up)
  d.health = health
  d.check = SC.text(d, health, up)
  d.health_text = d.check
end

-- Maintenance pauses the check and zeroes the health; leaving it restarts
-- at `rise` (up, one failure from down: "UP 1/3").
function SC.pause(d) if d.check then SC.set(d, 0, false) end end
function SC.resume(d) if d.check then SC.set(d, (bounds(d)), true) end end

-- A disabled check enabled again (d.check just restored): its health as it
-- was, the server's state as it is now (`state`: "DOWN", "NOLB" or nil for
-- running). Enabling changes neither (live 3.2.0).
function SC.enable(d, state)
  if state == "NOLB" then return end
  SC.set(d, SC.health(d), state ~= "DOWN")
end

-- One check result: `passed` and its status name; returns the check table
-- a SERVER_CHECK event carries, or nil when nothing changed (HAProxy
-- reports a check only when its status or the health changed).
function SC.apply(d, passed, status, opts)
  local rise, fall = bounds(d)
  local top = rise + fall - 1
  local before, up = SC.health(d), SC.up(d)
  local h = before
  if passed then
    if h < top then
      h = h + 1
      if h >= rise then h = top end
    end
    if h >= rise then up = true end
  else
    if h > 0 then
      h = h - 1
      if h < rise then h = 0 end
    end
    if h == 0 then up = false end
  end
  local report = h ~= before or d.check_status ~= status
  d.check_status = status
  if h ~= before or not tostring(d.check):match("^NOLB") then SC.set(d, h, up) end
  if not report then return nil end
  local st = SC.STATUSES[status]
  local reason = { short = status, desc = st[1] }
  if st.code then reason.code = math.tointeger(opts.code) or (passed and 200 or 503) end
  return { agent = false, result = st[2], duration = math.tointeger(opts.duration) or 0,
           reason = reason, health = { cur = h, rise = rise, fall = fall } }
end

-- Whether a check runs on this server now: not without one (an error for
-- the caller), not while disabled or in maintenance (HAProxy pauses it).
function SC.runs(d, maint)
  if d.check == nil and not d.check_off then return nil, "has no health check (no 'check' keyword)" end
  return not d.check_off and not maint
end

return SC
