-- Pure functions behind core's utilities: log line format, HTTP date parsers,
-- tokenize, IPv4/IPv6 parsing and matching (docs/haproxy-runtime.md
-- §5.2-§5.5).
local fmt = {}

local sbyte, schar, sformat, ssub = string.byte, string.char, string.format, string.sub

----------------------------------------------------------------------------
-- Logs

fmt.LEVELS = { [0] = "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug" }

-- HAProxy's cleanup of a log message: stop at NUL, every byte that is not
-- printable ASCII becomes '.', cut to 16383 characters ending in " ...".
function fmt.clean(msg)
  local nul = msg:find("\0", 1, true)
  if nul then msg = ssub(msg, 1, nul - 1) end
  msg = msg:gsub("[^\32-\126]", ".")
  if #msg > 16383 then msg = ssub(msg, 1, 16379) .. " ..." end
  return msg
end

-- "[info] 327/132612 (pid) : msg": day of year 0-based, local time.
function fmt.format_log(level, msg, pid, t)
  local d = os.date("*t", t)
  return sformat("[%s] %03d/%02d%02d%02d (%d) : %s", fmt.LEVELS[level], d.yday - 1,
                 d.hour, d.min, d.sec, pid, msg)
end

-- "[ALERT]    (pid) : text": tag left-justified in 10 columns.
function fmt.format_alert(tag, msg, pid)
  return sformat("%-10s (%d) : %s", "[" .. tag .. "]", pid, msg)
end

----------------------------------------------------------------------------
-- HTTP dates: parse into an epoch, wrapped to 32 bits as 2.6 pushes it.

local MONTHS = { Jan = 1, Feb = 2, Mar = 3, Apr = 4, May = 5, Jun = 6, Jul = 7, Aug = 8,
                 Sep = 9, Oct = 10, Nov = 11, Dec = 12 }
local DAYS = { Mon = true, Tue = true, Wed = true, Thu = true, Fri = true, Sat = true, Sun = true }
local LONGDAYS = { Monday = true, Tuesday = true, Wednesday = true, Thursday = true,
                   Friday = true, Saturday = true, Sunday = true }

local function days_from_civil(y, m, d)
  y = m <= 2 and y - 1 or y
  local era = (y >= 0 and y or y - 399) // 400
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = (153 * mp + 2) // 5 + d - 1
  local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
  return era * 146097 + doe - 719468
end

function fmt.timegm(y, mo, d, h, mi, s)
  return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s
end

local function wrap32(n)
  n = n & 0xffffffff
  if n >= 0x80000000 then n = n - 0x100000000 end
  return n
end

local function finish(y, mon, d, h, mi, s)
  mon = MONTHS[mon]
  y, d, h, mi, s = tonumber(y), tonumber(d), tonumber(h), tonumber(mi), tonumber(s)
  -- no range checks: 2.6 normalises (24:00:00 is the next day, 32 Nov is
  -- 2 Dec) and ignores what follows the date
  if not mon then return nil end
  return wrap32(fmt.timegm(y, mon, d, h, mi, s))
end

function fmt.imf_date(s)
  if type(s) ~= "string" then return nil end
  local dn, d, mon, y, h, mi, sec =
    s:match("^(%a%a%a), (%d%d) (%a%a%a) (%d%d%d%d) (%d%d):(%d%d):(%d%d) GMT")
  if not dn or not DAYS[dn] then return nil end
  return finish(y, mon, d, h, mi, sec)
end

function fmt.rfc850_date(s)
  if type(s) ~= "string" then return nil end
  local dn, d, mon, y, h, mi, sec =
    s:match("^(%a+), (%d%d)%-(%a%a%a)%-(%d%d) (%d%d):(%d%d):(%d%d) GMT")
  if not dn or not LONGDAYS[dn] then return nil end
  y = tonumber(y) + 1900 -- 2.6 has no century pivot: "69" is 1969
  return finish(y, mon, d, h, mi, sec)
end

function fmt.asctime_date(s)
  if type(s) ~= "string" then return nil end
  local dn, mon, d, h, mi, sec, y =
    s:match("^(%a%a%a) (%a%a%a) ([ %d]%d) (%d%d):(%d%d):(%d%d) (%d%d%d%d)")
  if not dn or not DAYS[dn] then return nil end
  return finish(y, mon, d:gsub(" ", ""), h, mi, sec)
end

function fmt.http_date(s)
  return fmt.imf_date(s) or fmt.rfc850_date(s) or fmt.asctime_date(s)
end

-- The http_date converter's output: IMF-fixdate of an epoch (+ offset).
local DAYNAMES = { [0] = "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" }
local MONNAMES = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }
function fmt.format_imf(t)
  local d = os.date("!*t", t)
  return sformat("%s, %02d %s %04d %02d:%02d:%02d GMT", DAYNAMES[d.wday - 1], d.day,
                 MONNAMES[d.month], d.year, d.hour, d.min, d.sec)
end

----------------------------------------------------------------------------
-- tokenize: every byte of seps separates; empty tokens kept unless noblank.

function fmt.tokenize(s, seps, noblank)
  local out, n = {}, 0
  local set = {}
  for i = 1, #seps do set[sbyte(seps, i)] = true end
  local start = 1
  for i = 1, #s + 1 do
    local b = sbyte(s, i)
    if b == nil or set[b] then
      local tok = ssub(s, start, i - 1)
      if not noblank or tok ~= "" then
        n = n + 1
        out[n] = tok
      end
      start = i + 1
    end
  end
  return out
end

----------------------------------------------------------------------------
-- Addresses: IPv4 as a 32-bit integer, IPv6 as 16 bytes (a string).

function fmt.parse_v4(s)
  if type(s) ~= "string" then return nil end
  local a, b, c, d = s:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if not a then return nil end
  a, b, c, d = tonumber(a), tonumber(b), tonumber(c), tonumber(d)
  if a > 255 or b > 255 or c > 255 or d > 255 then return nil end
  return (a << 24) | (b << 16) | (c << 8) | d
end

function fmt.v4tostr(n)
  return sformat("%d.%d.%d.%d", (n >> 24) & 255, (n >> 16) & 255, (n >> 8) & 255, n & 255)
end

function fmt.v4toint(s) return fmt.parse_v4(s) end
function fmt.inttov4(n) return fmt.v4tostr(n & 0xffffffff) end

-- inet_pton(AF_INET6): returns the 16 raw bytes or nil.
function fmt.parse_v6(s)
  if type(s) ~= "string" or not s:find(":", 1, true) then return nil end
  local head, tail = s, nil
  local dc = s:find("::", 1, true)
  if dc then
    head, tail = ssub(s, 1, dc - 1), ssub(s, dc + 2)
    if tail:find("::", 1, true) then return nil end
  end
  local function groups(part, allow_v4)
    local out = {}
    if part == "" then return out end
    local fields = {}
    for f in (part .. ":"):gmatch("([^:]*):") do fields[#fields + 1] = f end
    for i, f in ipairs(fields) do
      if allow_v4 and i == #fields and f:find(".", 1, true) then
        local v4 = fmt.parse_v4(f)
        if not v4 then return nil end
        out[#out + 1] = v4 >> 16
        out[#out + 1] = v4 & 0xffff
      else
        if not f:match("^%x%x?%x?%x?$") then return nil end
        out[#out + 1] = tonumber(f, 16)
      end
    end
    return out
  end
  local h = groups(head, tail == nil)
  local t = {}
  if tail then t = groups(tail, true) end
  if not h or not t then return nil end
  local words = {}
  if dc then
    local fill = 8 - #h - #t
    if fill < 1 then return nil end
    for _, w in ipairs(h) do words[#words + 1] = w end
    for _ = 1, fill do words[#words + 1] = 0 end
    for _, w in ipairs(t) do words[#words + 1] = w end
  else
    if #h ~= 8 then return nil end
    words = h
  end
  local bytes = {}
  for i = 1, 8 do
    bytes[2 * i - 1] = words[i] >> 8
    bytes[2 * i] = words[i] & 255
  end
  return schar(table.unpack(bytes))
end

-- RFC 5952 text form, as inet_ntop prints it.
function fmt.v6tostr(b)
  local w = {}
  for i = 1, 8 do w[i] = (sbyte(b, 2 * i - 1) << 8) | sbyte(b, 2 * i) end
  if w[1] == 0 and w[2] == 0 and w[3] == 0 and w[4] == 0 and w[5] == 0 and w[6] == 0xffff then
    return "::ffff:" .. fmt.v4tostr((w[7] << 16) | w[8])
  end
  local best, blen, cur, clen = nil, 1, nil, 0
  for i = 1, 8 do
    if w[i] == 0 then
      if not cur then cur, clen = i, 0 end
      clen = clen + 1
      if clen > blen then best, blen = cur, clen end
    else
      cur = nil
    end
  end
  local parts = {}
  local i = 1
  while i <= 8 do
    if i == best then
      parts[#parts + 1] = (i == 1) and ":" or ""
      i = i + blen
      if i > 8 then parts[#parts + 1] = "" end
    else
      parts[#parts + 1] = sformat("%x", w[i])
      i = i + 1
    end
  end
  return (table.concat(parts, ":"):gsub(":::", "::"))
end

-- inet_aton's shorter decimal forms, which 2.6's parser accepts too:
-- "a.b.c" (c is 16 bits), "a.b" (b is 24 bits).
local function parse_v4_loose(s)
  local v = fmt.parse_v4(s)
  if v then return v end
  local a, b, c = s:match("^(%d+)%.(%d+)%.(%d+)$")
  if a then
    a, b, c = tonumber(a), tonumber(b), tonumber(c)
    if a > 255 or b > 255 or c > 65535 then return nil end
    return (a << 24) | (b << 16) | c
  end
  a, b = s:match("^(%d+)%.(%d+)$")
  if a then
    a, b = tonumber(a), tonumber(b)
    if a > 255 or b > 0xffffff then return nil end
    return (a << 24) | b
  end
  return nil
end

-- Host names: 2.6 resolves them; without DNS we read /etc/hosts.
local function hosts_lookup(name)
  if not name:match("^[%w][%w%.%-]*$") or name:match("^[%d%.]+$") then return nil end
  local f = io.open("/etc/hosts", "r")
  if not f then return nil end
  for line in f:lines() do
    line = line:gsub("#.*", "")
    local addr, names = line:match("^%s*(%S+)%s+(.+)$")
    if addr and fmt.parse_v4(addr) then
      for n in names:gmatch("%S+") do
        if n == name then f:close() return fmt.parse_v4(addr) end
      end
    end
  end
  f:close()
  return nil
end

-- core.parse_addr: "a.b.c.d[/len|/mask]" or "v6[/len]" -> address record.
function fmt.parse_net(s)
  if type(s) ~= "string" then return nil end
  local ip, mask = s:match("^([^/]*)/(.*)$")
  ip = ip or s
  local v4 = parse_v4_loose(ip) or hosts_lookup(ip)
  if v4 then
    local m = 0xffffffff
    if mask then
      local len = mask:match("^%d+$") and tonumber(mask)
      if len then
        if len > 32 then return nil end
        m = len == 0 and 0 or (0xffffffff << (32 - len)) & 0xffffffff
      else
        m = fmt.parse_v4(mask)
        if not m then return nil end
      end
    end
    return { family = 4, ip = v4, mask = m }
  end
  local v6 = fmt.parse_v6(ip)
  if v6 then
    local len = 128
    if mask then
      len = mask:match("^%d+$") and tonumber(mask)
      if not len or len > 128 then return nil end
    end
    local mb = {}
    for i = 1, 16 do
      local bits = math.max(0, math.min(8, len - (i - 1) * 8))
      mb[i] = (0xff << (8 - bits)) & 0xff
    end
    return { family = 6, ip = v6, mask = schar(table.unpack(mb)) }
  end
  return nil
end

local function and6(a, m)
  local out = {}
  for i = 1, 16 do out[i] = sbyte(a, i) & sbyte(m, i) end
  return schar(table.unpack(out))
end

-- 2.6's test (checked live): a under b's mask equals b under a's mask. So
-- a network matches its hosts, but "/0" matches nothing more specific.
function fmt.match_net(a, b)
  if a.family ~= b.family then return false end
  if a.family == 4 then
    return (a.ip & b.mask) == (b.ip & a.mask)
  end
  return and6(a.ip, b.mask) == and6(b.ip, a.mask)
end

----------------------------------------------------------------------------
-- Regex replacement strings

-- Substitute \0..\9 in repl with the groups of one match (regsub, rep_*):
-- pos is the list of start, end positions a regex find returned.
function fmt.expand(s, pos, repl)
  return (repl:gsub("\\(%d)", function(d)
    local i = tonumber(d) * 2 + 1
    local a, b = pos[i], pos[i + 1]
    if a then return s:sub(a, b) end
    return ""
  end))
end


return fmt
