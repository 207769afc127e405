-- The methods of proxylua.luasocket's objects that do no I/O: peer and
-- local names, options (remembered, not applied), statistics, and the
-- server calls a client-only module refuses. docs/luasocket.md §API.
local type, tostring, tonumber, error, getmetatable = type, tostring, tonumber, error, getmetatable
local sformat = string.format

-- x: the module's check(s, name [, client]), buffered(s), now() and the
-- metatable of unconnected objects
return function(methods, x)
  local check, buffered, now, MASTER = x.check, x.buffered, x.now, x.master

  -- "127.0.0.1:80", "[::1]:80", "unix" -> ip, port
  local function split_name(str)
    if type(str) ~= "string" then return nil end
    local ip, port = str:match("^%[(.*)%]:(%d+)$")
    if ip then return ip, tonumber(port), "inet6" end
    ip, port = str:match("^(.*):(%d+)$")
    if ip then return ip, tonumber(port), "inet" end
    return str, nil, "unix"
  end

  function methods.getpeername(s)
    check(s, "getpeername")
    if not s.tp then
      if getmetatable(s) == MASTER then return nil, "Transport endpoint is not connected" end
      return nil, "Bad file descriptor"
    end
    local ip, port, fam = split_name(s.tp:getpeername())
    if not ip then return nil, "Transport endpoint is not connected" end
    return ip, port, fam
  end

  function methods.getsockname(s)
    check(s, "getsockname")
    if not s.tp then
      if getmetatable(s) == MASTER then
        return s.family == "inet6" and "::" or "0.0.0.0", "0", s.family
      end
      return nil, "Bad file descriptor"
    end
    local ip, port, fam = split_name(s.tp:getsockname())
    if not ip then return nil, "Bad file descriptor" end
    return ip, port and tostring(port), fam
  end

  local OPTIONS = { keepalive = "boolean", linger = "table", reuseaddr = "boolean",
                    reuseport = "boolean", ["tcp-nodelay"] = "boolean",
                    ["tcp-keepidle"] = "number", ["tcp-keepcnt"] = "number",
                    ["tcp-keepintvl"] = "number", ["ipv6-v6only"] = "boolean",
                    ["tcp-defer-accept"] = "number", ["tcp-fastopen"] = "number",
                    ["tcp-fastopen-connect"] = "number" }

  -- Options are remembered and reported, not applied: HAProxy 2.6's Socket
  -- sets none (proxylua.socket always sets TCP_NODELAY).
  function methods.setoption(s, name, value)
    check(s, "setoption")
    if type(name) ~= "string" or not OPTIONS[name] then
      error(sformat("bad argument #2 to 'setoption' (unsupported option `%s')", tostring(name)), 2)
    end
    local opts = s.opts
    if not opts then
      if value == nil then return 1 end      -- redis-lua sets tcp-nodelay to nil
      opts = {}
      s.opts = opts
    end
    opts[name] = value
    return 1
  end

  function methods.getoption(s, name)
    check(s, "getoption")
    if type(name) ~= "string" or not OPTIONS[name] then
      error(sformat("bad argument #2 to 'getoption' (unsupported option `%s')", tostring(name)), 2)
    end
    local v = s.opts and s.opts[name]
    if v == nil then
      if OPTIONS[name] == "boolean" then v = name == "tcp-nodelay"
      elseif OPTIONS[name] == "table" then v = { on = false, timeout = 0 }
      else v = 0 end
    end
    return v
  end

  function methods.getstats(s)
    check(s, "getstats")
    return s.rx, s.tx, now() - s.birth
  end

  function methods.setstats(s, rx, tx, age)
    check(s, "setstats")
    s.rx, s.tx = tonumber(rx) or s.rx, tonumber(tx) or s.tx
    if tonumber(age) then s.birth = now() - tonumber(age) end
    return 1
  end

  function methods.dirty(s)
    check(s, "dirty")
    return buffered(s) > 0
  end

  function methods.getfamily(s) check(s, "getfamily"); return s.family end
  function methods.getfd(s) check(s, "getfd"); return -1 end
  function methods.setfd(s) check(s, "setfd") end

  local function unsupported(name)
    return function(s)
      check(s, name)
      return nil, "proxylua.luasocket: " .. name .. "() is not supported (client sockets only)"
    end
  end
  methods.bind = unsupported("bind")
  methods.listen = unsupported("listen")
  methods.accept = unsupported("accept")
end
