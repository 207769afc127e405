-- The header rewrite behind HTTP:req_rep_value/req_rep_header and
-- HTTPMessage:rep_value/rep_header, in real HAProxy (2.6 by default;
-- recorded per version in spec/golden/) and through proxylua.testing: one
-- function in HAProxy, one in the emulation (stream/message.lua). The case
-- that pins it: values with commas inside double quotes, and an escaped
-- quote inside them.
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [==[
local function edit(rep_value, rep_header)
  rep_value("x-q", '^[^"]', "X")          -- every unquoted value
  rep_value("x-w", "^(b+)$", "<\\1>")     -- one value of several, blanks around it
  rep_header("x-h", '^"(.*)", (.*)$', "\\2|\\1") -- the whole line
end

core.register_action("rep", { "http-req" }, function(txn)
  local h = txn.http
  edit(function(...) h:req_rep_value(...) end, function(...) h:req_rep_header(...) end)
end)

local Rep = { id = "rep", flags = filter.FLT_CFG_FL_HTX }
function Rep:new() return setmetatable({}, { __index = self }) end
function Rep:http_headers(txn, msg)
  if msg:is_resp() then return end
  edit(function(...) msg:rep_value(...) end, function(...) msg:rep_header(...) end)
end
core.register_filter("rep", Rep, function() end)
]==]

local HEADERS = { 'X-Q: "a,b", c, "d\\"e,f",g', "X-W: a,  bb , c", 'X-H: "x,y", z' }
local ECHO = '%[req.fhdr(x-q)]|%[req.fhdr(x-w)]|%[req.fhdr(x-h)]'

local function header(req, name)
  for _, h in ipairs(req.headers) do if h[1] == name then return h[2] end end
end
local function echo(req)
  return header(req, "x-q") .. "|" .. header(req, "x-w") .. "|" .. header(req, "x-h")
end

describe("header rewrites against HAProxy " .. H.version(), function()
  it("split values at unquoted commas, the same for TXN actions and filters", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT }, global = "    lua-load ${DIR}/t.lua", ports = 2,
      config = [[
frontend fe_action
    bind 127.0.0.1:${PORT}
    http-request lua.rep
    default_backend origin
frontend fe_filter
    bind 127.0.0.1:${PORT2}
    filter lua.rep
    default_backend origin
backend origin
    server s1 127.0.0.1:${PORT1}
listen echo
    bind 127.0.0.1:${PORT1}
    http-request return status 200 content-type text/plain lf-string "]] .. ECHO .. [["
]] })
    local real = {}
    local ok, err = pcall(function()
      for name, port in pairs({ action = hap.port, filter = hap.vars.PORT2 }) do
        local status, body = H.http({ port = port, headers = HEADERS })
        real[name] = status .. " " .. body
      end
    end)
    hap:stop()
    assert(ok, err)
    local want = '200 "a,b",X, "d\\"e,f",X|a,<bb>, c|z|x,y'
    assert.equal(want, real.action)
    assert.equal(want, real.filter)

    local h = testing.load_string(SCRIPT)
    local r = h:action("rep", { headers = HEADERS })
    assert.equal(real.action, "200 " .. echo(r.request))
    local f = h:filter("rep", { headers = HEADERS, response = function(req)
      return { status = 200, body = echo(req) }
    end })
    assert.same({}, f.errors)
    assert.equal(real.filter, f.response.status .. " " .. f.response.body)
  end)
end)
