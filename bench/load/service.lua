-- lua-load (or lua-load-per-thread) script for the load runs inside real
-- HAProxy: spec/integration/load_haproxy_spec.lua and `make bench`
-- (bench/haproxy_load.lua). Two services do the same work per request:
--   lua.ours    proxylua.map (str, beg, dom), proxylua.hash, proxylua.concat
--   lua.theirs  HAProxy's Map, applet.c converters, core.concat()
-- (look the Host header up in a str map, the path in a beg map, the host's
-- zone in a dom map, the User-Agent in a sub map of 500 bot signatures, the
-- path in a reg map of 100 rules, hash path and host, build the body piece
-- by piece).
-- A task keeps updating the proxylua host map while requests look it up;
-- the CLI command "plmap set|del <key> [value]" updates it too, and the
-- stats socket's add/set/del map update HAProxy's own copy. The map files
-- sit next to this script (bench/load/common.lua writes them).
local PMap = require "proxylua.map"
local concat = require "proxylua.concat"
local hash = require "proxylua.hash"

local dir = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local ours = {
  hosts = PMap.new(dir .. "/hosts.map", PMap._str),
  routes = PMap.new(dir .. "/routes.map", PMap._beg),
  zones = PMap.new(dir .. "/zones.map", PMap._dom),
  agents = PMap.new(dir .. "/agents.map", PMap._sub),
  rules = PMap.new(dir .. "/rules.map", PMap._reg),
}
local theirs = {
  hosts = Map.new(dir .. "/hosts.map", Map._str),
  routes = Map.new(dir .. "/routes.map", Map._beg),
  zones = Map.new(dir .. "/zones.map", Map._dom),
  agents = Map.new(dir .. "/agents.map", Map._sub),
  rules = Map.new(dir .. "/rules.map", Map._reg),
}

local function reply(applet, body)
  applet:set_status(200)
  applet:add_header("content-length", #body)
  applet:add_header("content-type", "text/plain")
  applet:start_response()
  applet:send(body)
end

local function header(applet, name)
  local h = applet.headers[name]
  return h and h[0] or ""
end

-- the path after the service's own prefix (/ours, /theirs)
local function path_of(applet)
  return applet.path:match("^/%w+(.*)$") or applet.path
end

core.register_service("ours", "http", function(applet)
  local path, host, ua = path_of(applet), header(applet, "host"), header(applet, "user-agent")
  local b = concat.new()
  b:add("backend=", ours.hosts:lookup(host) or "default",
        " route=", ours.routes:lookup(path) or "none",
        " zone=", ours.zones:lookup(host) or "none",
        " bot=", ours.agents:lookup(ua) or "none",
        " rule=", ours.rules:lookup(path) or "none",
        " h=", hash.crc32(path), " x=", hash.xxh32(host), "\n")
  reply(applet, b:dump())
end)

core.register_service("theirs", "http", function(applet)
  local path, host, ua = path_of(applet), header(applet, "host"), header(applet, "user-agent")
  local b = core.concat()
  b:add("backend=")
  b:add(theirs.hosts:lookup(host) or "default")
  b:add(" route=")
  b:add(theirs.routes:lookup(path) or "none")
  b:add(" zone=")
  b:add(theirs.zones:lookup(host) or "none")
  b:add(" bot=")
  b:add(theirs.agents:lookup(ua) or "none")
  b:add(" rule=")
  b:add(theirs.rules:lookup(path) or "none")
  b:add(" h=")
  b:add(tostring(applet.c:crc32(path)))
  b:add(" x=")
  b:add(tostring(applet.c:xxh32(host)))
  b:add("\n")
  reply(applet, b:dump())
end)

-- Runtime updates of the proxylua map, interleaved with the lookups above:
-- a window of 64 dynamic hosts moves on every millisecond or so.
core.register_task(function()
  local i = 0
  while true do
    i = i + 1
    ours.hosts:set("dyn" .. (i % 1000) .. ".example.com", "be" .. (i % 7))
    ours.hosts:del("dyn" .. ((i - 64) % 1000) .. ".example.com")
    core.msleep(1)
  end
end)

core.register_cli({ "plmap" }, "plmap set|del <key> [value]: update the proxylua host map",
  function(applet, ...)
    -- HAProxy passes the CLI applet, then the command's words
    local w = { ... }
    if w[1] == "plmap" then table.remove(w, 1) end
    if w[1] == "set" and w[2] then
      ours.hosts:set(w[2], w[3] or "")
    elseif w[1] == "del" and w[2] then
      ours.hosts:del(w[2])
    end
  end)
