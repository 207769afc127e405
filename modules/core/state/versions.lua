-- Which HAProxy version a runtime emulates, and what that version has that
-- 2.6 does not. Versions are numbers major*100+minor (2.6 -> 206, 3.2 ->
-- 302); a feature is present from the version in SINCE on (docs/versions.md
-- lists where each was checked live). The other modules ask V.has(rt, name)
-- instead of comparing numbers themselves.
local V = {}

-- The versions checked live against a build of their own (docs/versions.md).
V.KNOWN = { "2.6", "2.8", "3.0", "3.2" }

V.SINCE = {
  lua_load_args = 207,      -- lua-load <file> <args>... arrive as `...`
  task_args = 208,          -- core.register_task(f, a1..a4)
  queue = 208,              -- core.queue(), class Queue
  event_sub = 208,          -- core.event_sub, Server:event_sub, class EventSub
  mailers = 208,            -- core.disable_legacy_mailers, Proxy:get_mailers
  px_getters = 208,         -- Proxy/Server get_* methods, name/uuid/puid deprecated
  draining_bool = 208,      -- Server:is_draining() returns a boolean
  proxies_in_body = 208,    -- core.proxies/frontends/backends are tables in the body
  timeout_uncatchable = 208, -- pcall does not catch an execution timeout
  burst_timeout = 208,      -- tune.lua.burst-timeout (1s): Lua time between two yields, fetches too
  burst_named = 302,        -- it is reported as "burst timeout" (2.8, 3.0: "execution timeout")
  servers_live = 208,       -- Lua's servers tables follow add/del server; a Lua object no longer pins a server
  jwt_ps = 208,             -- jwt_verify accepts PS256/384/512 (RSASSA-PSS)
  register_body_only = 208, -- core.register_* but task at runtime: "...: not available outside of body context"
  get_var = 209,            -- core.get_var("proc.x")
  lua_log_route = 209,      -- tune.lua.log.loggers / tune.lua.log.stderr
  reason_302_found = 209,   -- 302's reason phrase is "Found" (2.6, 2.8: "Moved Temporarily")
  v6tov4_compat = 209,      -- IPv6 -> IPv4 also maps ::a.b.c.d and 6to4 (2002::/16) addresses
  conv_208 = 208,           -- converters param, rfc7239_*, x509_v_err_str (kw/conv_later.lua)
  silent = 300,             -- core.silent (-1)
  map_key_conv = 300,       -- converters map_<match>_key
  glitch_conv = 300,        -- converters table_glitch_cnt, table_glitch_rate
  fc_tos = 300,             -- TXN:set_fc_tos, TXN:set_fc_mark
  http_after_res = 300,     -- register_action(..., { "http-after-res" }, ...)
  tcp_body_nothing = 300,   -- core.tcp() in the body returns nothing (2.6: an error)
  str_args = 300,           -- bytes() takes string arguments (an integer from Lua fails)
  stats_cols = 300,         -- get_stats: 3.0's columns, a shared array each kind fills in part
  set_addr_later = 300,     -- Server:set_addr() applies from a task, "nothing changed", no "by" on errors
  event_inetaddr = 300,     -- event type SERVER_INETADDR (set_addr, set server addr)
  reply204_close = 300,     -- a 204 reply closes the client connection (3.0)
  cli_blank_line = 300,     -- the CLI's own messages end with a blank line
  uuid_v7 = 300,            -- uuid(7)
  tcp_early_send_fails = 300, -- Socket:send() before connect returns -1, nothing is queued
  tcp_connect_twice = 300,  -- Socket:connect() on a connected socket raises "connect already performed"
  tcp_close_crash = 300,    -- closing a never connected Socket kills the process (checked in tasks)
  tcp_line_hang = 300,      -- a *l receive of a partial line never returns at the timeout
  tcp_eos_hang = 300,       -- a TCP applet reading past a half-closed end never returns
  conv_300 = 300,           -- converters aes_gcm_enc, ms_/us_ltime, ms_/us_utime
  wait = 302,               -- core.wait([ms])
  stkey_cast_zero = 302,    -- table_* converters: an input no key of the table is absent (0)
  table_gpc_conv = 302,     -- converters table_inc_gpc{,0,1}, table_clr_gpc{,0,1}
  patref = 302,             -- core.get_patref, class Patref
  queue_alarm = 302,        -- Queue:alarm()
  applet_timeout = 302,     -- AppletTCP:receive(size, timeout), try_receive()
  set_body_len = 302,       -- HTTPMessage:set_body_len
  httpclient_once = 302,    -- an HTTPClient sends at most one request
  bool_conversion = 302,    -- tune.lua.bool-sample-conversion (and its warning)
  reply204_length = 302,    -- a 204 reply carries content-length: 0
  arg_error_details = 302,  -- "error in arguments: <why>"
  conv_302 = 302,           -- converters rfc7239_nn, rfc7239_np, date, when
  debug_conv_crash = 302,   -- txn.c:debug() at runtime kills the process (3.2.0)
  stats_fe_no_abrt = 302,   -- a frontend's get_stats has no cli_abrt, srv_abrt, lbtot
  stats_yield = 302,        -- get_stats() yields once over where its caller may yield
}

-- Behaviour of some versions only: { first, last }.
V.ONLY = {
  http_read_hang = { 208, 208 }, -- AppletHTTP:receive()/getline() never return (2.8.0)
  cli_hang = { 300, 300 },       -- a Lua CLI command never answers (3.0.0)
  cli_timeout_label = { 208, 208 }, -- a CLI command's timeout is logged as a converter's
  stats_nameless = { 208, 208 },    -- every get_stats raises 'table index is nil' (2.8.0)
  aes_arg_crash = { 300, 300 }, -- aes_gcm_enc refusing its nonce, key or tag argument segfaults (3.0.0)
}

-- "3.2", "3.2.0", 3.2, "HAProxy version 3.2.0-..." -> 302. Only the
-- branches of V.KNOWN: 2.7, 2.9 and 3.1 were never checked live, so they are
-- refused rather than guessed.
function V.num(v)
  if v == nil then return 206 end
  local a, b
  if math.type(v) == "integer" and v >= 200 then a, b = v // 100, v % 100
  else a, b = tostring(v):match("(%d+)%.(%d+)") end
  local n = a and tonumber(a) * 100 + tonumber(b)
  for _, k in ipairs(V.KNOWN) do
    if n and V.name(n) == k then return n end
  end
  error(string.format("haproxy version '%s': the harness emulates HAProxy %s (a branch such as \"3.2\", "
    .. "or a release of one)", tostring(v), table.concat(V.KNOWN, ", ")), 3)
end

function V.name(n) return string.format("%d.%d", n // 100, n % 100) end

function V.has(rt, feature)
  local only = V.ONLY[feature]
  if only then
    local v = rt.version or 206
    return v >= only[1] and v <= only[2]
  end
  local since = V.SINCE[feature]
  assert(since, "unknown version feature " .. tostring(feature))
  return (rt.version or 206) >= since
end

return V
