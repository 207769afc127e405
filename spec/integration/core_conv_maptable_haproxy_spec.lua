-- Differential specs for the map and stick-table converters HAProxy added
-- after 2.6 (kw/conv_maptable.lua): map_<match>_key and table_glitch_* (3.0),
-- table_inc_gpc* / table_clr_gpc* (3.2). The same probes run inside an
-- http-request action of the HAProxy under test ($HAPROXY; 2.6 by default,
-- where every new name is missing, as under the harness emulating 2.6) and
-- under proxylua.testing emulating that version, and must print the same
-- lines. scripts/record-golden records 2.8, 3.0 and 3.2 built from source.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local PRELUDE = require "spec.helpers.probe"

local VERSION = H.version()
local AT_LEAST_30 = VERSION ~= "2.6" and VERSION ~= "2.8"

-- Presence of each name, then every call with a map file that exists: a
-- Lua converter runs at runtime, when no version loads a map any more.
local MAP_CASES = [==[
local KEYS = { "map_str_key", "map_beg_key", "map_dir_key", "map_dom_key", "map_end_key",
  "map_int_key", "map_ip_key", "map_reg_key", "map_sub_key" }
T("has", function() local out = {} for _, m in ipairs(KEYS) do out[#out + 1] = m .. ":" .. type(txn.c[m]) end return table.concat(out, " ") end)
T("str", function() return txn.c:map_str_key("www.example.com", "k.map") end)
T("beg", function() return txn.c:map_beg_key("/api/v1/x", "k.map") end)
T("dir", function() return txn.c:map_dir_key("/img/a/b.png", "k.map") end)
T("dom", function() return txn.c:map_dom_key("a.example.com", "k.map") end)
T("end", function() return txn.c:map_end_key("pic.png", "k.map") end)
T("int", function() return txn.c:map_int_key(42, "k.map") end)
T("ip", function() return txn.c:map_ip_key("10.1.2.3", "k.map") end)
T("reg", function() return txn.c:map_reg_key("abc123", "k.map") end)
T("sub", function() return txn.c:map_sub_key("xxwwwyy", "k.map") end)
T("miss", function() return txn.c:map_str_key("nothing", "k.map") end)
T("nofile", function() return txn.c:map_str_key("www.example.com", "nope.map") end)
T("sc", function() return txn.sc:map_ip_key("10.1.2.3", "k.map") end)
T("noarg", function() return txn.c:map_str_key("k") end)
T("intarg", function() return txn.c:map_dom_key("k", 5) end)
T("extra", function() return txn.c:map_beg_key("k", "k.map", "x") end)
T("badin", function() return txn.c:map_int_key("abc", "k.map") end)
T("old1", function() return txn.c:map_str("www.example.com", "k.map") end)
T("old2", function() return txn.c:map_str("k", "k.map", "default") end)
T("old3", function() return txn.c:map_str("k", "k.map", "default", "x") end)
T("old4", function() return txn.c:map_str_int("k", "k.map", "x") end)
T("old5", function() return txn.c:map_str_int("k", "k.map", 7) end)
T("old6", function() return txn.c:map_ip("k", 1) end)
T("old7", function() return txn.c:map("k") end)
]==]

local MAP_FILE = table.concat({
  "www.example.com str", "/api beg", "/img dir", "example.com dom", ".png end",
  "42 int", "10.0.0.0/8 ip", "^abc[0-9]+$ reg", "www sub", "" }, "\n")

local MAP_CONFIG = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.probe
    default_backend be
backend be
    server s1 127.0.0.1:1
]]

-- Stick tables (and, old1..old7, how the older table_* converters and the
-- name arguments of older keywords answer): st (gpc0, gpc1, and from 3.0 the glitch counters) tracks
-- the client, st2 (gpc/gpc_rate arrays) the x-k header, st3 stores only a
-- gpc0 rate, st4 no counter of these at all.
local TABLE_CASES = [==[
local c = txn.c
local NAMES = { "table_glitch_cnt", "table_glitch_rate", "table_inc_gpc", "table_inc_gpc0",
  "table_inc_gpc1", "table_clr_gpc", "table_clr_gpc0", "table_clr_gpc1" }
T("has", function() local out = {} for _, m in ipairs(NAMES) do out[#out + 1] = m .. ":" .. type(c[m]) end return table.concat(out, " ") end)
T("gl1", function() return c:table_glitch_cnt("127.0.0.1", "st"), c:table_glitch_rate("127.0.0.1", "st") end)
T("gl2", function() return c:table_glitch_cnt("10.9.9.9", "st"), c:table_glitch_rate("10.9.9.9", "st") end)
T("gl3", function() return c:table_glitch_cnt("a", "st2"), c:table_glitch_rate("a", "st2") end)
T("gl4", function() return c:table_glitch_cnt("zz", "st2"), c:table_glitch_cnt("not an ip", "st") end)
T("gl5", function() return c:table_glitch_cnt("127.0.0.1", "nope") end)
T("gl6", function() return c:table_glitch_cnt("127.0.0.1") end)
T("gl7", function() return c:table_glitch_rate("127.0.0.1", 5) end)
T("gl8", function() return c:table_glitch_cnt("127.0.0.1", "st", "x") end)
T("gl9", function() return txn.sc:table_glitch_cnt("127.0.0.1", "st") end)
T("in1", function() return c:table_inc_gpc0("127.0.0.1", "st"), c:table_inc_gpc0("127.0.0.1", "st"), c:table_gpc0("127.0.0.1", "st") end)
T("in2", function() return c:table_clr_gpc0("127.0.0.1", "st"), c:table_gpc0("127.0.0.1", "st"), c:table_clr_gpc0("127.0.0.1", "st") end)
T("in3", function() return c:table_inc_gpc1("127.0.0.1", "st"), c:table_clr_gpc1("127.0.0.1", "st"), c:table_gpc1("127.0.0.1", "st") end)
T("in4", function() return c:in_table("10.1.1.1", "st"), c:table_inc_gpc0("10.1.1.1", "st"), c:in_table("10.1.1.1", "st"), c:table_gpc0("10.1.1.1", "st") end)
T("in5", function() return c:table_clr_gpc1("10.2.2.2", "st"), c:in_table("10.2.2.2", "st") end)
T("in6", function() return c:table_inc_gpc("a", 1, "st2"), c:table_inc_gpc("a", 1, "st2"), c:table_gpc("a", 1, "st2"), c:table_gpc_rate("a", 1, "st2") end)
T("in7", function() return c:table_clr_gpc("a", 1, "st2"), c:table_gpc("a", 1, "st2"), c:table_gpc_rate("a", 1, "st2") end)
T("in8", function() return c:table_inc_gpc("a", 3, "st2"), c:table_clr_gpc("a", 3, "st2"), c:table_inc_gpc("a", -1, "st2"), c:table_clr_gpc("a", -1, "st2"), c:table_inc_gpc("a", 4294967298, "st2"), c:table_gpc("a", 2, "st2") end)
T("in9", function() return c:table_inc_gpc0("a", "st2"), c:table_inc_gpc1("a", "st2"), c:table_gpc("a", 0, "st2"), c:table_gpc("a", 1, "st2"), c:table_clr_gpc0("a", "st2"), c:table_gpc("a", 0, "st2") end)
T("in10", function() return c:table_inc_gpc("127.0.0.1", 0, "st"), c:table_clr_gpc("127.0.0.1", 0, "st") end)
T("in11", function() return c:table_inc_gpc0("127.0.0.1", "st3"), c:table_inc_gpc0("127.0.0.1", "st3"), c:table_gpc0_rate("127.0.0.1", "st3"), c:table_clr_gpc0("127.0.0.1", "st3") end)
T("in12", function() return c:table_inc_gpc0("127.0.0.1", "st4"), c:table_clr_gpc0("127.0.0.1", "st4"), c:in_table("127.0.0.1", "st4"), c:table_conn_cnt("127.0.0.1", "st4") end)
T("in13", function() return c:table_inc_gpc0("not an ip", "st"), c:table_clr_gpc0("not an ip", "st"), c:table_inc_gpc("x", 0, "st3") end)
T("in14", function() return txn.sc:table_inc_gpc1("10.3.3.3", "st"), txn.sc:table_clr_gpc("zz", 2, "st4") end)
T("bad1", function() return c:table_inc_gpc("a", "0", "st2") end)
T("bad2", function() return c:table_inc_gpc("a", 0) end)
T("bad3", function() return c:table_clr_gpc0("a", "nope") end)
T("bad4", function() return c:table_inc_gpc1("a") end)
T("bad5", function() return c:table_clr_gpc1("a", "st2", 1) end)
T("old1", function() return c:table_gpc0("127.0.0.1", 5) end)
T("old2", function() return c:table_gpc0("not an ip", "st"), c:in_table("not an ip", "st"), c:table_gpc("a", 4, "st2") end)
T("old3", function() return c:table_conn_cnt("10.9.9.9", "st"), c:table_conn_cnt("127.0.0.1", "st"), c:table_gpc("zz", 0, "st2"), c:table_gpc("x", 0, "st"), c:table_gpc("zz", 7, "st2"), c:table_gpc("10.9.9.9", 0, "st"), c:table_gpc("127.0.0.1", 0, "st") end)
T("old4", function() return txn.f:be_conn(5) end)
T("old5", function() return txn.f:srv_conn(5) end)
T("old6", function() return txn.f:http_auth(5) end)
T("old7", function() return txn.f:fe_conn(5) end)
T("bad6", function() return c:table_clr_gpc("a", 0, 3) end)
]==]

local function table_config()
  local glitch = AT_LEAST_30 and ",glitch_cnt,glitch_rate(10s)" or ""
  return [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request track-sc0 src table st
    http-request track-sc1 req.hdr(x-k) table st2
    http-request lua.probe
    default_backend be
backend be
    server s1 127.0.0.1:1
backend st
    stick-table type ip size 1k expire 60s store gpc0,gpc1]] .. glitch .. [[

backend st2
    stick-table type string len 32 size 100 expire 30s store gpc(3),gpc_rate(3,10s)
backend st3
    stick-table type ip size 1k expire 60s store gpc0_rate(10s)
backend st4
    stick-table type integer size 10 store conn_cnt
]]
end

-- The same tables for the harness, as tracking leaves them for the probe.
local function table_proxies()
  local store = { "gpc0", "gpc1" }
  if AT_LEAST_30 then store[3], store[4] = "glitch_cnt", "glitch_rate(10s)" end
  return {
    fe = { cap = "frontend" },
    be = { cap = "backend", servers = { s1 = { addr = "127.0.0.1:1" } } },
    st = { cap = "backend", stktable = { type = "ip", size = 1024, expire = 60000, store = store,
      entries = { ["127.0.0.1"] = { use = 1 } } } },
    st2 = { cap = "backend", stktable = { type = "string", len = 32, size = 100, expire = 30000,
      store = { "gpc(3)", "gpc_rate(3,10s)" }, entries = { a = { use = 1 } } } },
    st3 = { cap = "backend", stktable = { type = "ip", size = 1024, expire = 60000, store = { "gpc0_rate(10s)" } } },
    st4 = { cap = "backend", stktable = { type = "integer", size = 10, store = { "conn_cnt" } } },
  }
end

local function script(cases)
  return "core.register_action('probe', {'http-req'}, function(txn)\n" .. PRELUDE .. cases
    .. "\ntxn:done({ status = 200, body = table.concat(results, '\\n') .. '\\n' })\nend)\n"
end

local function lines(s)
  local out = {}
  for l in s:gmatch("[^\n]+") do out[#out + 1] = l end
  return out
end

-- Run the probe in HAProxy and in the harness (emulating the same
-- version); both result lists.
local function both(cases, config, files, proxies)
  local code = script(cases)
  files["probe.lua"] = code
  local hap = H.start({ files = files, global = "    lua-load ${DIR}/probe.lua", config = config })
  local ok, status, body = pcall(H.http, { port = hap.port, path = "/p", headers = { "X-K: a" } })
  local log = hap:output()
  hap:stop()
  assert(ok, status)
  assert.equal(200, status, log)
  local h = testing.load_string(code, { haproxy = VERSION, proxies = proxies })
  local r = h:action("probe", { method = "GET", uri = "/p",
    headers = { "Host: 127.0.0.1:" .. hap.port, "X-K: a" }, track = { [0] = "st", [1] = { "st2", "a" } } })
  assert.is_nil(r.error)
  return lines(body), lines(r.reply.body)
end

describe("map and stick-table converters added after 2.6, against HAProxy " .. VERSION, function()
  it("map_<match>_key from Lua: HAProxy's answers", function()
    local real, ours = both(MAP_CASES, MAP_CONFIG, { ["k.map"] = MAP_FILE })
    assert.equal(24, #real)
    assert.same(real, ours)
  end)

  it("table_glitch_*, table_inc_gpc*, table_clr_gpc*: HAProxy's answers", function()
    local real, ours = both(TABLE_CASES, table_config(), {}, table_proxies())
    assert.equal(37, #real)
    assert.same(real, ours)
  end)
end)
