-- Golden files of examples/core-*: what real HAProxy answers to each
-- example's requests (curl on 127.0.0.1): golden.txt for 2.6, golden-<v>.txt
-- for the version under test ($HAPROXY, or a replayed recording). The file
-- is (re)written when it is missing or PROXYLUA_REGEN=1; then the live
-- answers must equal it, and so must the harness's emulating that version
-- (spec/testing_spec.lua replays every version's files under 5.3/5.4).
local H = require "spec.helpers.haproxy"
local testing = require "proxylua.testing"
local X = require "spec.integration.core_examples"

local read, write = H.read_file, H.write_file

describe("examples against HAProxy 2.6", function()
  for _, ex in ipairs(X.EXAMPLES) do
    it(ex.name .. ": live answers match the golden file and the harness", function()
      local script = assert(read(ex.script))
      local files = { ["t.lua"] = script }
      -- scripts that read files next to themselves (map-routing)
      local dir = ex.script:match("^(.*/)")
      for _, extra in ipairs({ "routes.map" }) do
        local data = read(dir .. extra)
        if data then files[extra] = data end
      end
      local hap = H.start({ files = files, global = "    lua-load ${DIR}/t.lua",
                            config = X.config(ex), ports = ex.ports or 1 })
      local blocks = {}
      local ok, err = pcall(function()
        for _, req in ipairs(ex.requests) do
          local headers = {}
          for _, h in ipairs(req.headers or {}) do headers[#headers + 1] = h end
          if req.host then headers[#headers + 1] = "Host: " .. req.host end
          local status, body, hdrs = H.http({ port = hap.port, path = req.path, method = req.method,
                                             body = req.body, headers = headers })
          blocks[#blocks + 1] = X.block(req, status, hdrs, body)
        end
      end)
      hap:stop()
      assert(ok, err)
      local live = table.concat(blocks)
      local ver = H.version()
      local path = X.golden_path(ex, ver)
      if os.getenv("PROXYLUA_REGEN") == "1" or not read(path) then write(path, live) end
      assert.equal(read(path), live)

      local h = testing.load(ex.script, { upstream = ex.upstream, haproxy = ver })
      X.check(h, ex, hap.port, X.read_golden(ex, ver))
    end)
  end

  it("tcp-echo: a TCP service answers the same bytes", function()
    local socket = require "socket"
    local script = assert(read("examples/core-tcp-echo/echo.lua"))
    local hap = H.start({ files = { ["t.lua"] = script }, global = "    lua-load ${DIR}/t.lua",
      defaults = false, config = [[
defaults
    mode tcp
    timeout connect 5s
    timeout client 10s
    timeout server 10s
listen echo
    bind 127.0.0.1:${PORT}
    tcp-request content use-service lua.echo
]] })
    local got
    local ok, err = pcall(function()
      got = H.recorded(hap, { label = "tcp echo" }, function()
        local c = assert(socket.tcp())
        c:settimeout(5)
        assert(c:connect("127.0.0.1", hap.port))
        c:send("hi\nthere\r\nbye\nignored\n")
        local data = c:receive("*a")
        c:close()
        return data
      end)
    end)
    hap:stop()
    assert(ok, err)
    local h = testing.load("examples/core-tcp-echo/echo.lua")
    assert.equal(got, h:service("echo", { input = "hi\nthere\r\nbye\nignored\n" }).output)
    assert.equal("hello 127.0.0.1\nHI\nTHERE\nbye\n", got)
  end)
end)
