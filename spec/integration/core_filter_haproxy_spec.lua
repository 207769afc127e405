-- A Lua filter in real HAProxy 2.6 and through proxylua.testing: the same
-- request and response edits reach the client.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [==[
local Trace = {}
Trace.id = "trace"
Trace.flags = filter.FLT_CFG_FL_HTX

function Trace:new()
  self.__index = self
  return setmetatable({}, self)
end

function Trace:start_analyze(txn, chn)
  filter.register_data_filter(self, chn)
end

function Trace:http_headers(txn, msg)
  if msg:is_resp() then
    local st = msg:get_stline()
    msg:set_header("x-filtered", (self.args[1] or "none") .. " " .. st.code .. " " .. st.version)
    msg:del_header("x-drop")
    msg:rep_header("x-rep", "^(.*)-(.*)$", "\\2+\\1")
  else
    local st = msg:get_stline()
    msg:add_header("x-seen", st.method .. " " .. st.uri .. " " .. st.version)
    msg:set_path("/rewritten")
  end
end

function Trace:http_payload(txn, msg)
  local b = msg:body()
  if b and msg:is_resp() then msg:set(b:upper(), 0) end
end

core.register_filter("trace", Trace, function(class, args) class.args = args end)
]==]

describe("Lua filters against HAProxy 2.6", function()
  it("edit requests and responses the same way", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT }, global = "    lua-load ${DIR}/t.lua", ports = 1,
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    filter lua.trace A1
    default_backend be
backend be
    server s1 127.0.0.1:${PORT1}
listen origin
    bind 127.0.0.1:${PORT1}
    http-request return status 200 content-type text/plain hdr x-drop yes hdr x-rep ab-cd lf-string "%[req.hdr(x-seen)]|%[path]|%[req.hdr(content-length)]"
]] })
    local status, body, headers
    local ok, err = pcall(function()
      status, body, headers = H.http({ port = hap.port, path = "/x?q=1", method = "POST", body = "hello" })
    end)
    hap:stop()
    assert(ok, err)
    local h = testing.load_string(SCRIPT)
    local r = h:filter("trace", { method = "POST", uri = "/x?q=1", body = "hello",
      headers = { "Host: 127.0.0.1", "User-Agent: curl", "Accept: */*",
                  "Content-Type: application/x-www-form-urlencoded" },
      response = function(req)
        local t = { path = req.uri:match("^[^?]*") }
        local seen, cl
        for _, hd in ipairs(req.headers) do
          if hd[1] == "x-seen" then seen = hd[2] end
          if hd[1] == "content-length" then cl = hd[2] end
        end
        local b = seen .. "|" .. t.path .. "|" .. cl
        return { status = 200, headers = { "content-type: text/plain", "x-drop: yes", "x-rep: ab-cd",
                                           "content-length: " .. #b }, body = b }
      end }, { args = { "A1" } })
    assert.same({}, r.errors)
    assert.equal(status, r.response.status)
    assert.equal(body, r.response.body)
    assert.equal("POST /X?Q=1 HTTP/1.1|/REWRITTEN|5", body)
    local mine = testing.header_map(r.response.headers)
    assert.same(headers, mine)
  end)
end)
