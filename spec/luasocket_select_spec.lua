-- proxylua.luasocket's select() under stock Lua: it waits for ANY socket of
-- recvt / sendt (the loop's l:select), as LuaSocket's select(2) does. Each
-- scenario runs through Debian's LuaSocket 3.1 (the reference, live) and
-- through the shim against the same loopback peers and must give the same
-- values; then what only the shim can show (other tasks run meanwhile).
local P = require "spec.helpers.peer"
local real = require "socket"
local shim = require "proxylua.luasocket"
local loop = require "proxylua.loop"

-- values as comparable strings (LuaSocket's set values are floats)
local function norm(...)
  local out = {}
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    if type(v) == "table" then v = "<table>" end
    out[#out + 1] = (math.type(v) or type(v)) .. ":" .. tostring(v)
  end
  return table.concat(out, " ")
end

local function perr(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return "ok:" .. norm(table.unpack(r, 2, r.n)) end
  -- LuaSocket names the function as found in package.loaded ("socket" or
  -- "socket.core", whichever the traversal meets first)
  return "error:" .. tostring(r[2]):gsub("'socket%.core%.select'", "'socket.select'")
end

-- a select's results as names: "r=b,a w=a e=nil n=2"
local function show(names, ...)
  local n = select("#", ...)
  local r, w, e = ...
  local function list(t)
    local out = {}
    for i, o in ipairs(t) do
      out[i] = (names[o] or "?") .. "@" .. norm(t[o])
    end
    return table.concat(out, ",")
  end
  return string.format("r=%s w=%s e=%s n=%d", list(r), list(w), tostring(e), n)
end

local peers = {}

-- connect one socket of lib to a peer, checked
local function conn(lib, name)
  local c = assert(lib.tcp())
  assert(c:connect("127.0.0.1", peers[name].port))
  return c
end

local SCENARIOS = {
  -- b gets data while a stays idle: select wakes for b, a stays usable
  second_readable = function(lib)
    local a, b = conn(lib, "echo"), conn(lib, "late")
    local names = { [a] = "a", [b] = "b" }
    local out = { show(names, lib.select({ a, b }, nil, 10)) }
    out[#out + 1] = norm(b:receive())
    out[#out + 1] = show(names, lib.select({ a }, nil, 0))
    a:send("ping\n")
    out[#out + 1] = norm(a:receive())
    a:close(); b:close()
    return out
  end,
  writable = function(lib)
    local a, b = conn(lib, "echo"), conn(lib, "silent")
    local names = { [a] = "a", [b] = "b" }
    local out = { show(names, lib.select(nil, { a, b }, 10)) }
    out[#out + 1] = show(names, lib.select({ a }, { b }, 10))
    a:close(); b:close()
    return out
  end,
  -- a timeout neither reads nor closes anything
  timeout = function(lib)
    local a, b = conn(lib, "echo"), conn(lib, "silent")
    local names = { [a] = "a", [b] = "b" }
    local out = { show(names, lib.select({ a, b }, nil, 0.3)) }
    a:send("still\n")
    out[#out + 1] = norm(a:receive())
    out[#out + 1] = show(names, lib.select({}, {}, 0.05))
    out[#out + 1] = show(names, lib.select(nil, nil, 0.05))
    a:close(); b:close()
    return out
  end,
  closed_peer = function(lib)
    local a, c = conn(lib, "echo"), conn(lib, "close")
    local names = { [a] = "a", [c] = "c" }
    local out = { show(names, lib.select({ a, c }, nil, 10)) }
    out[#out + 1] = norm(c:receive())
    out[#out + 1] = show(names, lib.select({ a, c }, nil, 10))   -- still readable
    a:close(); c:close()
    return out
  end,
  zero = function(lib)
    local a = conn(lib, "echo")
    local names = { [a] = "a" }
    local out = { show(names, lib.select({ a }, nil, 0)), show(names, lib.select({ a }, { a }, 0)) }
    a:send("x\n")
    assert(lib.select({ a }, nil, 10)[1] == a)
    out[#out + 1] = show(names, lib.select({ a }, nil, 0))
    out[#out + 1] = norm(a:receive())
    a:close()
    return out
  end,
  -- the classic nonblocking loop: settimeout(0), select, then receive
  -- what select found (the shim must not leave it unseen in the kernel)
  nonblocking = function(lib)
    local a, b = conn(lib, "echo"), conn(lib, "late")
    local names = { [a] = "a", [b] = "b" }
    a:send("hello\n")                -- (the shim's send with timeout 0 sends nothing)
    a:settimeout(0); b:settimeout(0)
    -- (no receive before the select: whether the echo is back yet is a race)
    local out = { show(names, lib.select({ a }, nil, 10)) }
    out[#out + 1] = norm(a:receive(3))
    out[#out + 1] = norm(a:receive())
    out[#out + 1] = norm(a:receive())
    out[#out + 1] = show(names, lib.select({ b }, nil, 10))
    out[#out + 1] = norm(b:receive())
    a:close(); b:close()
    return out
  end,
  -- buffered data first (recvt's order), then the ready descriptors
  buffered = function(lib)
    local a, b = conn(lib, "echo"), conn(lib, "echo")
    local names = { [a] = "a", [b] = "b" }
    b:send("one\ntwo\n")
    local out = { norm(b:receive()) }                -- "two\n" stays buffered
    a:send("x\n")
    assert(lib.select({ a }, nil, 10)[1] == a)       -- a's line arrived, unread
    out[#out + 1] = show(names, lib.select({ a, b }, nil, 0))
    out[#out + 1] = show(names, lib.select({ a, b }, { a }, 5))
    out[#out + 1] = norm(b:receive())
    out[#out + 1] = show(names, lib.select({ b, a }, nil, 5))
    out[#out + 1] = norm(a:receive())
    out[#out + 1] = show(names, lib.select({ a, b }, nil, 0))
    a:close(); b:close()
    return out
  end,
  closed_and_duplicates = function(lib)
    local a, b = conn(lib, "echo"), conn(lib, "echo")
    local names = { [a] = "a", [b] = "b" }
    local out = { show(names, lib.select({ b, b }, { b, b }, 0)) }
    a:close()
    out[#out + 1] = show(names, lib.select({ a }, { a }, 0))
    out[#out + 1] = show(names, lib.select({ a, b }, { a, b }, 0))
    out[#out + 1] = show(names, lib.select({ lib.tcp() }, { lib.tcp() }, 0))   -- never connected
    b:close()
    return out
  end,
  bad_arguments = function(lib)
    local a = conn(lib, "echo")
    local names = { [a] = "a" }
    local out = {
      perr(lib.select, "x", nil, 0), perr(lib.select, {}, 1, 0), perr(lib.select, {}, {}, true),
      perr(lib.select, { 5 }, nil, 0), perr(lib.select, { a, true }, nil, 0),
      show(names, lib.select({ "x", {}, a }, { a, nil, 7 }, "0")),   -- ignored entries, a list ends at nil
    }
    a:close()
    return out
  end,
  -- LuaSocket's select(2) refuses descriptors >= _SETSIZE
  setsize = function(lib)
    local files = {}
    for i = 1, lib._SETSIZE do files[i] = assert(io.open("/dev/null")) end
    local a = conn(lib, "echo")
    local out = { perr(lib.select, { a }, nil, 0), perr(lib.select, nil, { a }, 0) }
    a:close()
    for _, f in ipairs(files) do f:close() end
    return out
  end,
}

describe("proxylua.luasocket select() under stock Lua", function()
  setup(function()
    peers.echo = P.start{ mode = "echo" }
    peers.silent = P.start{ mode = "silent" }
    peers.late = P.start{ mode = "sendclose", data = "late\n", delay = 300 }
    peers.close = P.start{ mode = "close" }
  end)
  teardown(function() P.stop_all() end)

  it("runs on the stock runtime", function()
    assert.equal("stock", shim.runtime())
  end)

  for name, steps in pairs(SCENARIOS) do
    it("gives LuaSocket's values: " .. name, function()
      local want = steps(real)
      local got = steps(shim)
      assert.same(want, got)
    end)
  end

  it("waits on every socket, with the scenario's values", function()
    assert.same({ "r=b@float:1.0 w= e=nil n=2", "string:late nil:nil nil:nil",
                  "r= w= e=timeout n=3", "string:ping nil:nil nil:nil" }, SCENARIOS.second_readable(shim))
    assert.same({ "string:one nil:nil nil:nil", "r=b@float:1.0,a@float:2.0 w= e=nil n=2",
                  "r=b@float:1.0,a@float:2.0 w=a@float:1.0 e=nil n=2", "string:two nil:nil nil:nil",
                  "r=a@float:1.0 w= e=nil n=2", "string:x nil:nil nil:nil", "r= w= e=timeout n=3" },
                SCENARIOS.buffered(shim))
    assert.same({ "error:bad argument #1 to 'socket.select' (descriptor too large for set size)",
                  "error:bad argument #2 to 'socket.select' (descriptor too large for set size)" },
                SCENARIOS.setsize(shim))
  end)

  it("waits on Debian LuaSocket sockets mixed with its own", function()
    local a, d = conn(shim, "echo"), conn(real, "late")
    local names = { [a] = "a", [d] = "d" }
    assert.equal("r=d@float:1.0 w= e=nil n=2", show(names, shim.select({ a, d }, nil, 10)))
    assert.same({ "late" }, { d:receive() })
    a:close(); d:close()
  end)

  it("lets the other tasks of the loop run while it waits", function()
    local l = loop.new()
    shim.setloop(l)
    local got, ticks = nil, 0
    l:spawn(function()
      local a, b = conn(shim, "echo"), conn(shim, "late")
      local r, _, e = shim.select({ a, b }, nil, 10)
      got = { r[1] == b, e, ticks > 0, b:receive() }
      a:close(); b:close()
    end)
    l:spawn(function()
      while not got do ticks = ticks + 1; l:sleep(0.01) end
    end)
    assert.is_true((l:run(30)))
    shim.setloop(nil)
    assert.same({ true, nil, true, "late" }, got)
    assert.same({}, l:errors())
  end)
end)
