-- Where a proxylua.luasocket connection comes from (docs/luasocket.md
-- §Names, §Pool): an idle one of the pool of host:port, else each address
-- of the name in turn (resolved without blocking) until one answers; and
-- connect's argument checks, in LuaSocket's words.
local type, tostring, tonumber, error, pcall, setmetatable, ipairs =
  type, tostring, tonumber, error, pcall, setmetatable, ipairs
local sformat, floor = string.format, math.floor

-- x: the module's rt, dns, pool, left(s), timed_out(l, t1), max_timeout,
-- and the client metatable, class and unix class names
return function(x)
  local rt, dns, pool, left, timed_out = x.rt, x.dns, x.pool, x.left, x.timed_out
  local MAX, CLIENT, CLASS, UNIX_CLASS = x.max_timeout, x.client, x.class, x.unix_class

  local function attach(s, tp, kick, key)
    s.tp, s.kick, s.key = tp, kick, key
    s.eof, s.dead, s.tpto, s.replay, s.reset = nil, nil, MAX, nil, nil
    s.class = s.family == "unix" and UNIX_CLASS or CLASS
    setmetatable(s, CLIENT)
  end

  -- "host:port", the pool's key, made once per destination
  local keys, nkeys = {}, 0
  local function pool_key(host, port)
    local byport = keys[host]
    if not byport then
      if nkeys >= 1024 then keys, nkeys = {}, 0 end
      byport = {}
      keys[host], nkeys = byport, nkeys + 1
    end
    local key = byport[port]
    if not key then
      key = host .. ":" .. port
      byport[port] = key
    end
    return key
  end

  -- host name -> address, resolved without blocking (luasocket_dns.lua)
  local function do_connect(s, host, port)
    if s.family == "unix" then
      local tp = rt:tcp()
      local ok = tp:connect("unix@" .. host)
      if ok ~= 1 then
        pcall(tp.close, tp)
        -- the cause ("No such file or directory"...) is known under stock
        -- Lua only; HAProxy says "Can't connect" for all (no file is looked
        -- at: a read at runtime would block HAProxy's thread)
        return nil, rt:failure(tp) or "connection refused"
      end
      attach(s, tp, { "unix@" .. host }, nil)
      return 1
    end
    local key = pool_key(host, port)
    local tp, reused = pool:take(key)
    if tp then
      attach(s, tp, reused.kick, key)
      s.reused = reused.count
      s.entry = reused                    -- the pool's entry, reused by setkeepalive
      s.replay = { n = 0 }
      return 1
    end
    -- the lookup gets what is left of the caller's timeout (§Names)
    local addrs, err = dns:resolve(host, s.family, (left(s)))
    if not addrs then return nil, err end
    local cause
    -- each address in turn, as LuaSocket does, until one answers
    for _, addr in ipairs(addrs) do
      local l, t1 = left(s)
      if l and l == 0 then return nil, "timeout" end
      tp = rt:tcp()
      local v = MAX
      if l then
        v = l < 0.001 and 0.001 or l
        pcall(tp.settimeout, tp, v)
      end
      if tp:connect(addr, port) == 1 then
        attach(s, tp, { addr, port }, key)
        s.tpto = v
        s.reused = 0
        return 1
      end
      pcall(tp.close, tp)
      if timed_out(l, t1) then return nil, "timeout" end
      cause = rt:failure(tp)
    end
    return nil, cause or "connection refused"
  end

  local function check_port(port, fname, argn)
    local p = tonumber(port)
    if p == nil then
      error(sformat("bad argument #%d to '%s' (string expected, got %s)", argn, fname,
        port == nil and "no value" or type(port)), 3)
    end
    return floor(p)
  end

  local function check_host(host, fname, argn)
    if type(host) ~= "string" then
      if type(host) ~= "number" then
        error(sformat("bad argument #%d to '%s' (string expected, got %s)", argn, fname,
          host == nil and "no value" or type(host)), 3)
      end
      host = tostring(host)
    end
    return host
  end

  local function local_ok(laddr, lport)
    if laddr == nil or laddr == "*" or laddr == "0.0.0.0" or laddr == "::" then
      return lport == nil or tonumber(lport) == 0
    end
    return false
  end
  return do_connect, check_host, check_port, local_ok
end
