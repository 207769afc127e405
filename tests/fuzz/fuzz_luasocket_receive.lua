-- Driver of fuzz_luasocket-receive: a pattern and a stream of bytes through
-- proxylua.luasocket's receive, over a scripted connection (a fake `core`
-- with tcp(): the shim's "haproxy" runtime, no I/O), checked call by call
-- against a model of LuaSocket 3.1's answers (docs/luasocket.md §API).
--
-- Input: [flags] [pattern length] [chunk size] [pattern] [stream bytes].
-- flags: bit 0 the pattern as a number when it converts, bit 1 no pattern
-- (nil), bit 2 a prefix, bits 3-4 how many calls (1..4). The stream comes
-- in chunks of (chunk size + 1) bytes, then the peer closes. A pattern may
-- raise only "invalid receive pattern". Returns nil, or what went wrong.
local sformat, sbyte, ssub, sfind, sgsub = string.format, string.byte, string.sub, string.find, string.gsub
local floor = math.floor

local feed                                  -- the chunks the connection returns, in order
local conn = {}
function conn.connect() return 1 end
function conn.send(_, d) return #d end
function conn.settimeout() return 1 end
function conn.close() return 1 end
function conn.receive(self)
  local i = self.i + 1
  self.i = i
  return feed and feed[i] or nil
end
local CONN_MT = { __index = conn }
core = {                                    -- luacheck: ignore (the runtime is chosen by this global)
  tcp = function() return setmetatable({ i = 0 }, CONN_MT) end,
  msleep = function() end,
  now = function() return { sec = 0, usec = 0 } end,
}
local ls = require "proxylua.luasocket"

local BAD = "bad argument #2 to 'receive' (invalid receive pattern)"
local PREFIX = "p\rq"

-- the model: what LuaSocket answers for kind/n at pos of stream (closed at
-- its end) with prefix p -> results table, new pos
local function model(kind, n, p, stream, pos)
  local rest = ssub(stream, pos)
  if kind == "count" then
    local want = n - #p
    if want <= 0 then
      if n == 0 and #p == 0 and #rest == 0 then return { nil, "closed", "" }, pos end
      return { p }, pos
    end
    if #rest >= want then return { p .. ssub(rest, 1, want) }, pos + want end
    return { nil, "closed", p .. rest }, #stream + 1
  elseif kind == "line" then
    local nl = sfind(rest, "\n", 1, true)
    if nl then return { p .. (sgsub(ssub(rest, 1, nl - 1), "\r", "")) }, pos + nl end
    return { nil, "closed", p .. (sgsub(rest, "\r", "")) }, #stream + 1
  end
  if #rest > 0 then return { p .. rest }, #stream + 1 end
  return { nil, "closed", p }, pos
end

-- what a pattern means to LuaSocket: kind, n; or nil (invalid)
local function meaning(pat)
  if pat == nil then return "line" end
  local v = tonumber(pat)
  if v then
    if type(pat) == "number" and v < 0 then return nil end
    if v ~= v or v < 0 then return "count", 0 end
    return "count", floor(math.min(v, 2^53))
  end
  local h = ssub(pat, 1, 2)
  if h == "*l" then return "line" end
  if h == "*a" then return "all" end
  return nil
end

local function show(t) return sformat("%s, %s, %s", tostring(t[1]), tostring(t[2]), tostring(t[3])) end

return function(s)
  if #s < 3 then return nil end
  local flags, plen, csize = sbyte(s, 1, 3)
  local pat = ssub(s, 4, 3 + plen)
  local stream = ssub(s, 4 + plen)
  if flags & 2 ~= 0 then pat = nil
  elseif flags & 1 ~= 0 and tonumber(pat) then pat = tonumber(pat) end
  local prefix = flags & 4 ~= 0 and PREFIX or nil
  local calls = ((flags >> 3) & 3) + 1
  feed = {}
  for i = 1, #stream, csize + 1 do feed[#feed + 1] = ssub(stream, i, i + csize) end
  local c = assert(ls.connect("127.0.0.1", 80))
  local kind, n = meaning(pat)
  local pos = 1
  for call = 1, calls do
    local r = table.pack(pcall(c.receive, c, pat, prefix))
    if not kind then
      if r[1] then return sformat("pattern %q accepted", tostring(pat)) end
      if not tostring(r[2]):find(BAD, 1, true) then return sformat("pattern %q: %s", tostring(pat), tostring(r[2])) end
      return nil
    end
    if not r[1] then return sformat("call %d, pattern %q: %s", call, tostring(pat), tostring(r[2])) end
    local want
    want, pos = model(kind, n, prefix or "", stream, pos)
    local got = { r[2], r[3], r[4] }
    if got[1] ~= want[1] or got[2] ~= want[2] or got[3] ~= want[3] then
      return sformat("call %d, pattern %q, prefix %s: got %s, want %s", call, tostring(pat),
        tostring(prefix), show(got), show(want))
    end
  end
  return nil
end
