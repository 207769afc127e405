-- Fetches of HAProxy's internal states (the configuration manual's
-- "Fetching samples from internal states"): constants, environment, dates,
-- random numbers, variables, process and thread, backend and server state
-- (over the harness's proxy description), CPU and latency figures, HTX
-- internals.
local msg = require "proxylua.core.stream.message"
local V = require "proxylua.core.stream.vars"
local K = require "proxylua.core.kw.vocab"
local VER = require "proxylua.core.state.versions"

local select, tostring, ipairs, pairs = select, tostring, ipairs, pairs
local sformat, schar = string.format, string.char
local def, figure, NOARG = K.def, K.figure, K.NOARG
local str, sint, bool = K.str, K.sint, K.bool
local backend_of, usable = K.backend_of, K.usable

def("always_true", NOARG, function() return bool(true) end)
def("always_false", NOARG, function() return bool(false) end)
def("int", { min = 1, "sint" }, function(_, a) return sint(a[1]) end)
def("str", { min = 1, "str" }, function(_, a) return str(a[1]) end)
def("bin", { min = 1, "str" }, function(_, a)
  local h = a[1]
  if #h % 2 == 1 then return K.bad_args("an even number of hex digit is expected") end
  local bad = h:find("[^%x]")
  if bad then return K.bad_args(sformat("an hex digit is expected (found '%s')", h:sub(bad, bad))) end
  return { t = "bin", v = (h:gsub("%x%x", function(x) return schar(tonumber(x, 16)) end)) }
end)

-- bool("true"|"false"|"1"|"0"), case-insensitive; anything else is refused
-- by the argument check (live)
local BOOLS = { ["true"] = true, ["1"] = true, ["false"] = false, ["0"] = false }

def("bool", { min = 1, "str" }, function(_, a)
  local v = BOOLS[a[1]:lower()]
  if v == nil then return K.bad_args("Expects 'true', 'false', '0' or '1'") end
  return bool(v)
end)

def("meth", { min = 1, "str" }, function(_, a) return { t = "meth", v = a[1] } end)
def("ipv4", { min = 1, "ipv4" }, function(_, a) return { t = "ipv4", v = a[1] } end)
def("ipv6", { min = 1, "ipv6" }, function(_, a) return { t = "ipv6", v = a[1] } end)
-- the environment the configuration left (setenv...: rt.getenv), else the process's
def("env", { min = 1, "str" }, function(s, a) return str((s.rt.getenv or os.getenv)(a[1])) end)
def("hostname", NOARG, function(s) return str(s.hostname or "localhost") end)
def("nbproc", NOARG, function() return sint(1) end)
def("thread", NOARG, function(s) return sint(math.max(0, s.rt.thread - 1)) end)
def("var", { min = 1, "str", "str" }, function(s, a)
  if not V.parse(a[1]) then return K.bad_args(K.var_error(a[1])) end -- not a variable name
  local v = s.vars_get(a[1])
  if v == nil and a[2] ~= nil then return str(a[2]) end
  return v
end)

local UNITS = K.TIME_UNITS

def("date", { min = 0, "sint", "str" }, function(s, a)
  if a[2] and not UNITS[a[2]] then return K.bad_args(sformat("expects 's', 'ms' or 'us', got '%s'", a[2])) end
  local sec, usec = s.rt.sched:now()
  local mul = UNITS[a[2] or "s"] or 1
  local t = sec * mul + (mul == 1 and 0 or (usec * mul // 1000000))
  return sint(t + (a[1] or 0) * mul)
end)

def("rand", { min = 0, "sint" }, function(_, a)
  local r = math.random(0, 0xffffffff)
  if a[1] then r = (r * a[1]) >> 32 end
  return sint(r)
end)

def("uuid", { min = 0, "sint" }, function(s, a)
  local v7 = a[1] == 7 and VER.has(s.rt, "uuid_v7")
  if a[1] and a[1] ~= 4 and not v7 then -- only version 4 in 2.6 and 2.8
    return K.bad_args(sformat("Unsupported UUID version: '%d'", a[1]))
  end
  local b = {}
  for i = 1, 16 do b[i] = math.random(0, 255) end
  if v7 then -- 48 bits of Unix time in ms first
    local sec, usec = s.rt.sched:now()
    local ms = sec * 1000 + usec // 1000
    for i = 1, 6 do b[i] = (ms >> (8 * (6 - i))) & 0xff end
  end
  b[7] = (b[7] & 0x0f) | (v7 and 0x70 or 0x40)
  b[9] = (b[9] & 0x3f) | 0x80
  return str(sformat("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
    table.unpack(b)))
end)

def("date_us", NOARG, function(s) return sint(select(2, s.rt.sched:now())) end)
def("proc", NOARG, function() return sint(1) end)
def("stopping", NOARG, function() return bool(false) end)
def("prio_class", NOARG, function(s) return sint(s.priority_class or 0) end)
def("prio_offset", NOARG, function(s) return sint(s.priority_offset or 0) end)

-- "backend doesn't exist" is raised by the argument check: type "be".
local function be_fetch(fn)
  return function(s, a) return fn(backend_of(s, a[1]), s) end
end

def("be_conn", { min = 1, "be" }, be_fetch(function(px) return sint(px.conn or 0) end))
def("be_conn_free", { min = 1, "be" }, be_fetch(function(px)
  local free, unlimited = 0, false
  for _, sv in pairs(px.servers or {}) do
    if usable(sv) then
      if (sv.maxconn or 0) == 0 then unlimited = true else free = free + sv.maxconn - (sv.cur or 0) end
    end
  end
  return sint(unlimited and -1 or free)
end))

def("be_sess_rate", { min = 1, "be" }, be_fetch(function(px) return sint(px.sess_rate or 0) end))
def("connslots", { min = 1, "be" }, be_fetch(function(px)
  local n, unlimited = 0, false
  for _, sv in pairs(px.servers or {}) do
    if usable(sv) then
      if (sv.maxconn or 0) == 0 then unlimited = true else n = n + sv.maxconn - (sv.cur or 0) end
    end
  end
  return sint(unlimited and -1 or n)
end))

def("avg_queue", { min = 1, "be" }, be_fetch(function(px) return sint(px.avg_queue or 0) end))
def("queue", { min = 1, "be" }, be_fetch(function(px) return sint(px.queue or 0) end))
def("nbsrv", { min = 1, "be" }, be_fetch(function(px) return sint(K.nbsrv(px)) end))

local function srv_fetch(fn)
  return function(s, a) return fn(a[1], s) end
end

def("srv_conn", { min = 1, "srv" }, srv_fetch(function(sv) return sint(sv.cur or 0) end))
def("srv_conn_free", { min = 1, "srv" }, srv_fetch(function(sv)
  if (sv.maxconn or 0) == 0 then return sint(-1) end
  return sint(sv.maxconn - (sv.cur or 0))
end))

def("srv_is_up", { min = 1, "srv" }, srv_fetch(function(sv) return bool(K.server_up(sv)) end))
def("srv_queue", { min = 1, "srv" }, srv_fetch(function(sv) return sint(sv.queue or 0) end))
def("srv_sess_rate", { min = 1, "srv" }, srv_fetch(function(sv) return sint(sv.sess_rate or 0) end))
def("srv_weight", { min = 1, "srv" }, srv_fetch(function(sv) return sint(sv.weight or 1) end))
def("srv_uweight", { min = 1, "srv" }, srv_fetch(function(sv) return sint(sv.weight or 1) end))
def("srv_iweight", { min = 1, "srv" }, srv_fetch(function(sv) return sint(sv.iweight or sv.weight or 1) end))
figure("fe_req_rate", 1)
figure("fe_sess_rate", 1)
figure("cpu_calls", 1)
figure("cpu_ns_avg", 0)
figure("cpu_ns_tot", 0)
figure("lat_ns_avg", 0)
figure("lat_ns_tot", 0)
def("fe_conn", { min = 0, "fe" }, function(s) return sint(s.desc and s.desc.fe_conn or 1) end)
def("last_rule_file", NOARG, function() return nil end)
def("last_rule_line", NOARG, function() return nil end)

-- HTX internals of the message in the current direction, modelled on
-- 2.6's layout (checked live): a start-line block (20 bytes + the three
-- strings), one block per header (name + value), EOH (1 byte), one DATA
-- block for the body; 8 bytes of metadata per block in a 16336-byte area.
local HTX_SIZE = 16336

local function htx_msg(s)
  if s.mode ~= "http" then return nil end
  return s.dir == "res" and s.http_res or s.http_req
end

local function htx_blocks(s)
  local m = htx_msg(s)
  if not m then return nil end
  local res = m == s.http_res
  local a, b, c
  if res then a, b, c = "HTTP/" .. m.version, tostring(m.status), m.reason or msg.reason(m.status)
  else a, b, c = m.method, m.uri, "HTTP/" .. m.version end
  local blks = { { type = res and "HTX_BLK_RES_SL" or "HTX_BLK_REQ_SL", size = 20 + #a + #b + #c,
                   sl = a .. " " .. b .. " " .. c } }
  for _, h in ipairs(m.headers) do
    blks[#blks + 1] = { type = "HTX_BLK_HDR", size = #h[1] + #h[2], name = h[1], value = h[2] }
  end
  blks[#blks + 1] = { type = "HTX_BLK_EOH", size = 1 }
  if m.body and #m.body > 0 then blks[#blks + 1] = { type = "HTX_BLK_DATA", size = #m.body, data = m.body } end
  return blks
end

local function htx_totals(s)
  local blks = htx_blocks(s)
  if not blks then return nil end
  local data = 0
  for _, b in ipairs(blks) do data = data + b.size end
  return { data = data, used = data + 8 * #blks, nbblks = #blks }
end

local function htx_figure(name, fn)
  def("internal.htx." .. name, NOARG, function(s)
    local t = htx_totals(s)
    return t and fn(t) or nil
  end, true)
end

htx_figure("data", function(t) return sint(t.data) end)
htx_figure("used", function(t) return sint(t.used) end)
htx_figure("size", function() return sint(HTX_SIZE) end)
htx_figure("free", function(t) return sint(HTX_SIZE - t.used) end)
htx_figure("free_data", function(t) return sint(math.max(0, HTX_SIZE - t.used - 8)) end)
htx_figure("nbblks", function(t) return sint(t.nbblks) end)
htx_figure("has_eom", function() return bool(true) end) -- the harness holds whole messages

def("internal.strm.is_htx", NOARG, function(s) return bool(s.mode == "http") end)

-- <idx>: a block number or head / tail / first; anything else is refused
local function blk(s, a)
  local blks = htx_blocks(s)
  if not blks then return nil end
  local i
  if a[1] == "head" or a[1] == "first" then i = 1
  elseif a[1] == "tail" then i = #blks
  elseif a[1]:match("^%d+$") then i = tonumber(a[1]) + 1
  else
    return K.bad_args(a[1] == "" and "a block position is expected (> 0) or a special block name (head, tail, first)"
      or "invalid block position")
  end
  return blks[i] or { type = "HTX_BLK_UNUSED", size = 0 }
end

local function blk_fetch(name, fn)
  def("internal.htx_blk." .. name, { min = 1, "str" }, function(s, a)
    local b, err, why = blk(s, a)
    if err then return nil, err, why end
    return b and fn(b) or nil
  end, true)
end

blk_fetch("type", function(b) return str(b.type) end)
blk_fetch("size", function(b) return sint(b.size) end)
blk_fetch("hdrname", function(b) return str(b.name or "") end)
blk_fetch("hdrval", function(b) return str(b.value or "") end)
blk_fetch("data", function(b) return { t = "bin", v = b.data or "" } end)
blk_fetch("start_line", function(b) return str(b.sl or "") end)
