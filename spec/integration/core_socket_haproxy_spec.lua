-- core.tcp() against a harness peer, compared with real HAProxy 2.6 talking
-- to the same protocol (a Lua TCP service in the same HAProxy plays the peer).
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"

local SCRIPT = [==[
-- the peer: greets, echoes lines upper-cased, "quit" ends with a partial line
core.register_service("peer", "tcp", function(applet)
  applet:send("hi\r\n")
  while true do
    local l = applet:getline()
    if l == "" then break end
    if l == "quit\n" then applet:send("bye-no-newline") break end
    applet:send(l:upper())
  end
end)

core.register_action("probe", { "http-req" }, function(txn, port)
  local out = {}
  local function put(...)
    local t = table.pack(...)
    for i = 1, t.n do t[i] = type(t[i]) == "string" and string.format("%q", t[i]) or tostring(t[i]) end
    out[#out + 1] = table.concat(t, ",", 1, t.n)
  end
  local s = core.tcp()
  put(tostring(s), type(s))
  put(pcall(s.connect, s))
  put(pcall(s.connect, s, "localhost", tonumber(port)))
  put(pcall(s.connect, s, "127.0.0.1"))
  put(s:getpeername())
  put(s:send("early\n"))
  put(s:connect("127.0.0.1", tonumber(port)))
  put(s:getpeername())
  put(s:settimeout(2))
  put(s:receive())
  put(s:receive("*l"))
  put(s:send("abcdef\n", 2, 4), s:send("xy\n"))
  put(s:receive(3), s:receive("2", "P"))
  put(s:receive("*l"))
  put(pcall(s.receive, s, "*line"))
  put(pcall(s.receive, s, -5))
  put(pcall(s.receive, s, "*l", 5))
  put(s:send("quit\n"))
  put(s:receive("*l"))
  put(s:receive("*l"))
  put(s:send("more"))
  put(s:getpeername())
  put(pcall(s.settimeout, s, 1))
  s:close()
  s:close()
  local s2 = core.tcp()
  put(s2:connect("127.0.0.1", 1))
  put(s2:connect("127.0.0.1", tonumber(port)))
  txn:done({ status = 200, body = table.concat(out, "\n") .. "\n" })
end, 1)
]==]

-- The same peer for the harness.
local function peer_for(port)
  return function(host, p)
    if host ~= "127.0.0.1" or p ~= port then return nil end
    local pending = ""
    return function(data)
      if data == nil then return "hi\r\n" end
      pending = pending .. data
      local out = {}
      while true do
        local nl = pending:find("\n", 1, true)
        if not nl then break end
        local line = pending:sub(1, nl)
        pending = pending:sub(nl + 1)
        if line == "quit\n" then
          out[#out + 1] = "bye-no-newline"
          return table.concat(out), "close"
        end
        out[#out + 1] = line:upper()
      end
      return table.concat(out)
    end
  end
end

describe("core.tcp() against HAProxy 2.6", function()
  it("gives the same results with the same peer", function()
    local hap = H.start({ files = { ["t.lua"] = SCRIPT }, global = "    lua-load ${DIR}/t.lua", ports = 1,
      config = [[
frontend fe
    bind 127.0.0.1:${PORT}
    http-request lua.probe ${PORT1}
listen peer
    mode tcp
    bind 127.0.0.1:${PORT1}
    tcp-request content use-service lua.peer
]] })
    local status, body
    local ok, err = pcall(function() status, body = H.http({ port = hap.port, path = "/" }) end)
    local port1 = hap.vars.PORT1
    hap:stop()
    assert(ok, err)
    assert.equal(200, status)
    local h = testing.load_string(SCRIPT, { tcp = peer_for(port1) })
    local r = h:action("probe", {}, tostring(port1))
    assert.is_nil(r.error)
    local real, mine = {}, {}
    for l in body:gmatch("[^\n]+") do real[#real + 1] = (l:gsub("[%w/%.%-]+%.lua:%d+: ", "")) end
    for l in r.reply.body:gmatch("[^\n]+") do mine[#mine + 1] = (l:gsub("[%w/%.%-]+%.lua:%d+: ", "")) end
    assert.same(real, mine)
  end)
end)
