-- Names for proxylua.luasocket, resolved without blocking: /etc/hosts, then
-- the name servers of /etc/resolv.conf asked over TCP (RFC 7766) through the
-- module's own sockets, with a cache per Lua state that honours the TTLs.
-- (HAProxy 2.6's core.tcp() takes addresses only, and has no UDP.)
-- docs/luasocket.md §Names.
local WIRE = require "proxylua.luasocket_dnswire"

local D = {}
D.__index = D

local tostring, tonumber, pairs, ipairs = tostring, tonumber, pairs, ipairs

-- LuaSocket's texts (getaddrinfo's EAI_NONAME, EAI_AGAIN)
local NOT_FOUND = "host or service not provided, or not known"
local AGAIN_TEXT = "temporary failure in name resolution"
D.AGAIN = "again"

local function is_v4(s)
  local a, b, c, d = s:match("^(%d+)%.(%d+)%.(%d+)%.(%d+)$")
  if not a then return false end
  for _, x in ipairs({ a, b, c, d }) do
    if #x > 3 or tonumber(x) > 255 then return false end
  end
  return true
end

local function is_v6(s)
  if not s:find(":", 1, true) then return false end
  if not s:match("^[%x:%.]+$") then return false end
  local _, n = s:gsub("::", "")
  return n <= 1
end
D.is_v4, D.is_v6 = is_v4, is_v6

local function read_file(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local data = f:read("a")
  f:close()
  return data
end

-- /etc/hosts -> { name = { v4 = {...}, v6 = {...} } } (lower-case names)
function D.parse_hosts(text)
  local map = {}
  for line in (text or ""):gmatch("[^\n]+") do
    line = line:gsub("#.*", "")
    local addr, rest = line:match("^%s*(%S+)%s+(.+)$")
    if addr and (is_v4(addr) or is_v6(addr)) then
      for name in rest:gmatch("%S+") do
        name = name:lower()
        local e = map[name] or { v4 = {}, v6 = {}, canon = name }
        map[name] = e
        local list = is_v4(addr) and e.v4 or e.v6
        list[#list + 1] = addr
      end
    end
  end
  return map
end

-- resolv.conf -> { servers = {...}, search = {...}, ndots = n, timeout = s }
function D.parse_resolv(text)
  local conf = { servers = {}, search = {}, ndots = 1, timeout = 5, attempts = 2 }
  for line in (text or ""):gmatch("[^\n]+") do
    line = line:gsub("[#;].*", "")
    local key, rest = line:match("^%s*(%S+)%s*(.*)$")
    if key == "nameserver" then
      local ip = rest:match("^(%S+)")
      if ip and (is_v4(ip) or is_v6(ip)) then conf.servers[#conf.servers + 1] = ip end
    elseif key == "search" or key == "domain" then
      conf.search = {}
      for d in rest:gmatch("%S+") do conf.search[#conf.search + 1] = d end
    elseif key == "options" then
      for o in rest:gmatch("%S+") do
        local k, v = o:match("^(%w+):(%d+)$")
        if k == "ndots" then conf.ndots = tonumber(v)
        elseif k == "timeout" then conf.timeout = tonumber(v)
        elseif k == "attempts" then conf.attempts = tonumber(v) end
      end
    end
  end
  return conf
end

function D.new(rt)
  local self = setmetatable({ rt = rt, cache = {}, config = {
    hosts = "/etc/hosts", resolv = "/etc/resolv.conf", port = 53 } }, D)
  self.api = self:make_api()
  self:reload()
  return self
end

-- (Re)read /etc/hosts and resolv.conf. Done when the module loads (the
-- lua-load body, where reading files is fine) and when a path changes.
function D:reload()
  self.hosts = D.parse_hosts(read_file(self.config.hosts))
  self.resolv = D.parse_resolv(read_file(self.config.resolv))
  -- read here, not in gethostname(): a file read at runtime blocks the
  -- thread inside HAProxy (the harness's detector reports it)
  local n = read_file("/proc/sys/kernel/hostname") or read_file("/etc/hostname") or "localhost"
  self.hostname = (n:gsub("%s+$", ""))
  self.cache = {}
end

-- Ask one server over TCP, waiting at most `wait` seconds: answers
-- { {type="A"|"AAAA"|"CNAME", data=, ttl=} } or nil, err
function D:query(server, name, qtype, wait)
  local id = (self.next_id or 0x1234) % 65536
  local msg = WIRE.query(id, name, qtype)
  if not msg then return nil, "nxdomain" end -- a label over 63 bytes
  self.next_id = id + 7919
  local rt = self.rt
  local tp = rt:tcp()
  pcall(tp.settimeout, tp, wait)
  local ok = tp:connect(server, self.config.port)
  if ok ~= 1 then pcall(tp.close, tp); return nil, "unreachable" end
  if tp:send(WIRE.u16(#msg) .. msg) ~= #msg + 2 then pcall(tp.close, tp); return nil, "send" end
  local hdr = tp:receive(2)
  local len = hdr and #hdr == 2 and WIRE.get_u16(hdr, 1)
  local body = len and tp:receive(len)
  pcall(tp.close, tp)
  if not body or #body ~= len then return nil, "no answer" end
  return WIRE.parse(body, id)
end

local function first_of(answers, want)
  local out, ttl = {}, nil
  for _, a in ipairs(answers) do
    if a.type == want then
      out[#out + 1] = a.data
      if not ttl or a.ttl < ttl then ttl = a.ttl end
    end
  end
  return out, ttl
end

-- How long an answer without addresses is kept: the SOA's negative TTL, else
-- NEGATIVE_TTL; when no server answered at all, UNREACHABLE_TTL (short: the
-- servers may be back soon, and meanwhile every lookup would wait for them).
-- A lookup cut short by the caller's timeout is not cached.
local NEGATIVE_TTL, UNREACHABLE_TTL = 30, 5
D.NEGATIVE_TTL, D.UNREACHABLE_TTL = NEGATIVE_TTL, UNREACHABLE_TTL

-- name -> list of addresses of one family ("A" / "AAAA"), cached, then nil
-- or the error: NOT_FOUND (the servers said so) or AGAIN (no server
-- answered, or `deadline` (l:now() scale, nil: none) passed first), then
-- true when the deadline cut it short
function D:lookup(name, qtype, deadline)
  local key = qtype .. " " .. name
  local rt = self.rt
  local now = rt:now()
  local c = self.cache[key]
  if c and c.expires > now then return c.list, c.err end
  local servers = self.resolv.servers
  if #servers == 0 then servers = { "127.0.0.1" } end
  local names = { name }
  if not name:find("%.$") then
    local _, dots = name:gsub("%.", "")
    local list = {}
    if dots >= self.resolv.ndots then list[1] = name end
    for _, d in ipairs(self.resolv.search) do list[#list + 1] = name .. "." .. d end
    if dots < self.resolv.ndots then list[#list + 1] = name end
    names = list
  end
  local result, ttl, answered, cut = {}, nil, false, false
  for _, n in ipairs(names) do
    local done = false
    for _ = 1, self.resolv.attempts do
      for _, srv in ipairs(servers) do
        local wait, limited = self.resolv.timeout, false
        if deadline then
          local rest = deadline - rt:now()
          if rest <= 0 then cut = true; break end
          if rest < wait then wait, limited = rest, true end
        end
        local answers, qerr = self:query(srv, n:gsub("%.$", ""), qtype, wait)
        if answers then
          answered = true
          local list, t = first_of(answers, qtype)
          if #list > 0 then result, ttl = list, t
          else ttl = answers.negative_ttl or NEGATIVE_TTL end
          done = true
          break
        end
        if qerr == "nxdomain" or qerr == "nodata" then
          answered, done = true, true
          ttl = NEGATIVE_TTL
          break
        end
        -- the wait was the caller's rest and ran out (timers are whole ms)
        if limited and rt:now() >= deadline - 0.002 then cut = true; break end
      end
      if done or cut then break end
    end
    if #result > 0 or cut then break end
  end
  if #result > 0 then
    self.cache[key] = { list = result, expires = now + (ttl or 0) }
    return result, nil
  end
  local err = answered and NOT_FOUND or D.AGAIN
  if not cut then
    self.cache[key] = { list = result, err = err,
                        expires = now + (answered and ttl or UNREACHABLE_TTL) }
  end
  return result, err, cut
end

-- host -> the addresses to try in turn for connect (family "inet6": IPv6
-- only; otherwise IPv4 first, then IPv6), or nil, err. /etc/hosts first;
-- DNS is asked for IPv6 only when it has no IPv4 address. `limit`: the
-- seconds the caller may still wait (its LuaSocket timeout), nil: none.
-- err is LuaSocket's (getaddrinfo's) text: a name the servers do not know,
-- or "temporary failure in name resolution" when none answered in time.
-- host -> { host } for an address, false for a name (a connect per
-- request asks again for the same few hosts); bounded
local literals, nliterals = {}, 0

function D:resolve(host, family, limit)
  local lit = literals[host]
  if lit == nil then
    lit = (is_v4(host) or is_v6(host)) and { host } or false
    if nliterals >= 256 then literals, nliterals = {}, 0 end
    literals[host], nliterals = lit, nliterals + 1
  end
  if lit then return lit end
  local lname = host:lower()
  local h = self.hosts[lname]
  local out = {}
  local function add(list)
    for _, a in ipairs(list) do out[#out + 1] = a end
  end
  if h then
    if family ~= "inet6" then add(h.v4) end
    add(h.v6)
    if out[1] then return out end
  end
  local deadline = limit and self.rt:now() + limit
  local err, cut
  if family ~= "inet6" then
    local list, e
    list, e, cut = self:lookup(lname, "A", deadline)
    add(list)
    err = e
  end
  if not out[1] and not cut then
    local list, e = self:lookup(lname, "AAAA", deadline)
    add(list)
    if err ~= D.AGAIN then err = e end
  end
  if out[1] then return out end
  return nil, err == D.AGAIN and AGAIN_TEXT or NOT_FOUND
end

-- socket.dns: toip, tohostname, getaddrinfo, gethostname (LuaSocket's)
function D:make_api()
  local self_ = self
  local api = {}
  local function info(name, ips)
    return { name = name, alias = {}, ip = ips }
  end
  local function run(fn, ...)
    return self_.rt:run(fn, ...)
  end
  -- In HAProxy's body and init: Debian's blocking resolver (LuaSocket's);
  -- in a fetch or a converter: an error naming it (luasocket_rt.lua).
  local function blocking(name)
    if self_.rt:guard("socket.dns." .. name .. "()") then
      return self_.rt:blocking("socket.dns." .. name .. "()").dns[name]
    end
  end
  function api.toip(host)
    local b = blocking("toip")
    if b then return b(host) end
    host = tostring(host)
    if is_v4(host) then return host, info(host, { host }) end
    local h = self_.hosts[host:lower()]
    if h and h.v4[1] then return h.v4[1], info(h.canon, h.v4) end
    local list, err = run(self_.lookup, self_, host:lower(), "A")
    -- gethostbyname's words, as LuaSocket's toip gives them
    if not list[1] then return nil, err == D.AGAIN and "Host name lookup failure" or "host not found" end
    return list[1], info(host, list)
  end
  function api.tohostname(addr)
    local b = blocking("tohostname")
    if b then return b(addr) end
    addr = tostring(addr)
    for name, e in pairs(self_.hosts) do
      for _, a in ipairs(e.v4) do if a == addr then return name, info(name, e.v4) end end
      for _, a in ipairs(e.v6) do if a == addr then return name, info(name, e.v6) end end
    end
    if is_v4(addr) or is_v6(addr) then return nil, "host not found" end
    local ip = api.toip(addr)
    if not ip then return nil, "host not found" end
    return addr, info(addr, { ip })
  end
  function api.getaddrinfo(host)
    local b = blocking("getaddrinfo")
    if b then return b(host) end
    host = tostring(host)
    if is_v4(host) then return { { family = "inet", addr = host } } end
    if is_v6(host) then return { { family = "inet6", addr = host } } end
    local out = {}
    local h = self_.hosts[host:lower()]
    local v4, v6
    if h and (h.v4[1] or h.v6[1]) then
      v4, v6 = h.v4, h.v6
    else
      local e4, e6
      v4, e4 = run(self_.lookup, self_, host:lower(), "A")
      v6, e6 = run(self_.lookup, self_, host:lower(), "AAAA")
      if not v4[1] and not v6[1] and (e4 == D.AGAIN or e6 == D.AGAIN) then
        return nil, AGAIN_TEXT
      end
    end
    for _, a in ipairs(v4) do out[#out + 1] = { family = "inet", addr = a } end
    for _, a in ipairs(v6) do out[#out + 1] = { family = "inet6", addr = a } end
    if #out == 0 then return nil, NOT_FOUND end
    return out
  end
  function api.getnameinfo(addr)
    local name, err = api.tohostname(addr)
    if not name then return nil, err end
    return { name }
  end
  function api.gethostname()
    return self_.hostname
  end
  -- proxylua: where names come from (files re-read), the resolvers' port
  function api.configure(opts)
    for k, v in pairs(opts or {}) do self_.config[k] = v end
    self_:reload()
  end
  function api.flush() self_.cache = {} end
  return api
end

D.NOT_FOUND = NOT_FOUND
return D
