-- HTTPMessage's phases in real HAProxy 2.6 and through proxylua.testing:
-- which functions work in which filter callback, and what the others raise
-- (2.6 calls lua_error() on the top of the stack: an argument or the
-- message object, not a text).
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [==[
local P = {}
P.id = "p"
P.flags = filter.FLT_CFG_FL_HTX
function P:new() self.__index = self return setmetatable({}, self) end
local function probe(where, msg, with_body)
  local out = {}
  local calls = {
    function() return type(msg:get_headers()) end,
    function() return msg:get_stline().method end,
    function() msg:add_header("x-" .. where, "1") return "ok" end,
    function() msg:set_header("x-set", "1") return "ok" end,
    function() msg:del_header("x-none") return "ok" end,
    function() msg:rep_header("x-none", "a", "b") return "ok" end,
    function() msg:rep_value("x-none", "a", "c") return "ok" end,
    function() return msg:set_path("/z") end,
    function() return msg:set_query("q=2") end,
    function() return msg:set_method("PUT") end,
    function() return msg:eom() end,
    function() return msg:is_resp() end,
  }
  if with_body then calls[#calls + 1] = function() return msg:body() end end
  for _, f in ipairs(calls) do
    local ok, e = pcall(f)
    if type(e) == "string" then e = e:gsub("^.-:%d+: ", "") end
    out[#out + 1] = ok and tostring(e) or ("ERR:" .. type(e) .. ":" .. tostring(e))
  end
  print("R|" .. where .. " " .. table.concat(out, " "))
end
function P:start_analyze(txn, chn)
  if chn:is_resp() then return end
  filter.register_data_filter(self, chn)
  probe("start", txn.http_req, true)
end
function P:http_headers(txn, msg) if not msg:is_resp() then probe("headers", msg, true) end end
function P:http_payload(txn, msg) if not msg:is_resp() then probe("payload", msg, true) end end
function P:http_end(txn, msg) if not msg:is_resp() then probe("end", msg) end end
core.register_filter("p", P, function() end)
]==]

describe("HTTPMessage phases against HAProxy 2.6", function()
  it("header functions work until the body is forwarded, then raise", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT }, global = "    lua-load ${DIR}/t.lua", ports = 1,
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    filter lua.p
    default_backend be
backend be
    server s1 127.0.0.1:${PORT1}
listen origin
    bind 127.0.0.1:${PORT1}
    http-request return status 200 content-type text/plain string "hello"
]] })
    local ok, err = pcall(H.http, { port = hap.port, path = "/x?q=1", method = "POST", body = "hello" })
    local log = hap:output()
    hap:stop()
    assert(ok, err)
    local real = {}
    for l in log:gmatch("R|([^\n]*)") do real[#real + 1] = l end
    local ours = {}
    local h = testing.load_string(SCRIPT, { globals = { print = function(l) ours[#ours + 1] = l:sub(3) end } })
    h:filter("p", { method = "POST", uri = "/x?q=1", body = "hello", headers = { "Host: x" },
      response = function() return { status = 200, headers = { "content-length: 5" }, body = "hello" } end })
    assert.equal(4, #real)
    assert.same(real, ours)
  end)
end)
