-- proxylua.hash against HAProxy's own converters, inside HAProxy (the build
-- that runs this file: 2.6 by default, any other with HAPROXY=<bin>
-- scripts/run-bench haproxy/), in one process: a Lua loop over txn.c:xxh32(), txn.c:sdbm(), txn.c:sha2() and the
-- same loop over proxylua.hash on the same inputs. "ratio" is txn.c's time /
-- ours (> 1: proxylua is faster).
--
-- Converters need a transaction, and a lua-load main chunk (what
-- scripts/run-bench runs under `haproxy -c`) has none. So this file plays two
-- parts:
--   * as the main chunk under `haproxy -c` (or any HAProxy), it starts a
--     second HAProxy, the same binary, in the foreground on a UNIX socket in
--     a temp dir, with a config that lua-loads this same file with
--     PL_HASH_BENCH=serve set and the modules of the build tree for the Lua
--     that binary links (build/5.3 or build/5.4, from _VERSION);
--     sends it one request with curl; prints the reply; stops it by its pid.
--   * with PL_HASH_BENCH=serve, it registers the `hash_bench` http-request
--     action: it runs the loops with txn.c and proxylua.hash and stores the
--     report in txn.bench, which the hash_bench_out service sends back.
-- tune.lua.forced-yield is raised so that neither loop is cut into slices
-- by HAProxy's scheduler while it is being timed; the action yields itself
-- between loops.

local function serve()
  package.cpath = (os.getenv("PL_BENCH_CPATH") or "") .. ";" .. package.cpath
  package.path = (os.getenv("PL_BENCH_PATH") or "") .. ";" .. package.path
  local hash = require "proxylua.hash"

  local function time_txn(n, f, c, s)
    local t0 = os.clock()
    for _ = 1, n do f(c, s) end
    return (os.clock() - t0) / n
  end
  local function time_ours(n, f, s)
    local t0 = os.clock()
    for _ = 1, n do f(s) end
    return (os.clock() - t0) / n
  end
  -- a yield between timed loops (never inside one): 3.2's watchdog kills a
  -- process whose thread runs Lua for about a second without giving back
  local function best(k, f, ...)
    local b = math.huge
    for _ = 1, k do
      b = math.min(b, f(...))
      core.yield()
    end
    return b
  end

  core.register_action("hash_bench", { "http-req" }, function(txn)
    local c = txn.c
    local key16 = "GET /api/v1/item"
    local kib = string.rep("0123456789abcdef", 64)
    local out = { string.format("proxylua.hash vs txn.c inside HAProxy %s (%s)",
      core.get_info().Version or "?", _VERSION) }
    for _, input in ipairs { { "16B", key16, 200000 }, { "1KiB", kib, 50000 } } do
      local s, n = input[2], input[3]
      for _, conv in ipairs { "xxh32", "sdbm", "sha2" } do
        -- same value from both, or the timing means nothing
        assert(c[conv](c, s) == hash[conv](s), conv .. " differs")
        local theirs = best(3, time_txn, n, c[conv], c, s)
        local ours = best(3, time_ours, n, hash[conv], s)
        out[#out + 1] = string.format("%s %s: ours %.1f ns/op, baseline txn.c:%s() %.1f ns/op, ratio %.2fx",
          conv, input[1], ours * 1e9, conv, theirs * 1e9, theirs / ours)
      end
    end
    txn:set_var("txn.bench", table.concat(out, "\n") .. "\n")
  end)

  core.register_service("hash_bench_out", "http", function(applet)
    local body = applet:get_var("txn.bench") or "no report\n"
    applet:set_status(200)
    applet:add_header("content-length", tostring(#body))
    applet:start_response()
    applet:send(body)
  end)
end

local function drive()
  local function sh(cmd)
    local p = assert(io.popen(cmd))
    local r = p:read("a")
    p:close()
    return r
  end
  local self = debug.getinfo(1, "S").source:gsub("^@", "")
  if self:sub(1, 1) ~= "/" then self = sh("pwd"):gsub("%s+$", "") .. "/" .. self end
  -- the HAProxy running this chunk is the shell's parent: start the same
  -- binary, with the modules built for the Lua it links
  local bin = sh("readlink /proc/$PPID/exe 2>/dev/null"):gsub("%s+$", "")
  if bin == "" then bin = os.getenv("HAPROXY") or "haproxy" end
  local root = self:gsub("/bench/haproxy/[^/]*$", "")
  local build = root .. "/build/" .. _VERSION:match("%d+%.%d+")
  local cpath = build .. "/?.so;" .. package.cpath
  local lpath = build .. "/?.lua;" .. root .. "/?.lua;" .. package.path
  local dir = sh("mktemp -d /tmp/proxylua-hash-bench.XXXXXX"):gsub("%s+$", "")
  local sock = dir .. "/bench.sock"
  local cfg = table.concat({
    "global",
    '    setenv PL_HASH_BENCH serve',
    '    setenv PL_BENCH_CPATH "' .. cpath .. '"',
    '    setenv PL_BENCH_PATH "' .. lpath .. '"',
    "    tune.lua.session-timeout 120s",
    "    tune.lua.forced-yield 100000000",
    "    lua-load " .. self,
    "defaults",
    "    mode http",
    "    timeout client 120s",
    "    timeout server 120s",
    "    timeout connect 5s",
    "frontend bench",
    "    bind unix@" .. sock,
    "    http-request lua.hash_bench",
    "    http-request use-service lua.hash_bench_out",
    "",
  }, "\n")
  local f = assert(io.open(dir .. "/h.cfg", "w"))
  f:write(cfg)
  f:close()
  local pid = sh(string.format("timeout -k 3 180 '%s' -db -f %s/h.cfg >%s/log 2>&1 </dev/null & echo $!",
    bin, dir, dir)):match("%d+")
  for _ = 1, 100 do
    if os.execute("test -S " .. sock) then break end
    os.execute("sleep 0.05")
  end
  local body = sh(string.format("curl -s --max-time 150 --unix-socket %s http://bench/", sock))
  os.execute("kill " .. pid .. " 2>/dev/null")
  if body == "" then
    io.write("hash bench: no reply from the inner HAProxy; its log:\n", sh("cat " .. dir .. "/log"))
  else
    io.write(body)
  end
  os.execute("rm -rf " .. dir)
end

if os.getenv("PL_HASH_BENCH") == "serve" then serve() else drive() end
