-- Layer 4 fetches (the configuration manual's "Fetching samples at Layer
-- 4"): addresses and ports of the client and backend connections, frontend,
-- backend and server names and ids, connection figures and timeouts,
-- PROXY protocol details. Stick-counter fetches (sc*_, src_*) are in
-- kw/stktable.lua with the tables they read.
local K = require "proxylua.core.kw.vocab"

local ipairs = ipairs
local def, figure, F, NOARG = K.def, K.figure, K.F, K.NOARG
local str, sint, bool, addr = K.str, K.sint, K.bool, K.addr

def("src", NOARG, function(s) return addr(s.src) end)
def("src_port", NOARG, function(s) return sint(s.src_port) end)
def("dst", NOARG, function(s) return addr(s.dst) end)
def("dst_port", NOARG, function(s) return sint(s.dst_port) end)
def("fe_name", NOARG, function(s) return str(s.frontend) end)
def("fe_id", NOARG, function(s) return sint(s.fe_id) end)
def("be_name", NOARG, function(s) return str(s.backend) end)
def("be_id", NOARG, function(s) return sint(s.be_id) end)
def("srv_name", NOARG, function(s) return str(s.server) end)

local function is_local(field)
  return function(s)
    local ip = s[field]
    return bool(ip and (ip:match("^127%.") or ip == "::1"))
  end
end

def("src_is_local", NOARG, is_local("src"))
def("dst_is_local", NOARG, is_local("dst"))
F.fc_src, F.fc_dst, F.fc_src_port, F.fc_dst_port = F.src, F.dst, F.src_port, F.dst_port
F.fc_src_is_local, F.fc_dst_is_local = F.src_is_local, F.dst_is_local
def("fe_defbe", NOARG, function(s) return str(s.backend) end)

-- no server is chosen while request rules run
def("srv_id", NOARG, function(s) return s.desc and s.desc.srv_id and sint(s.desc.srv_id) or nil end)
figure("dst_conn", 1)
figure("fc_http_major", 1)
figure("fe_client_timeout", 30000)
figure("be_server_timeout", 0)
figure("be_tunnel_timeout", 0)
figure("cur_server_timeout", 0)
figure("cur_tunnel_timeout", 0)
figure("fc_err", 0)
figure("so_id", 1)
def("fc_err_str", NOARG, function(s) return str(s.desc and s.desc.fc_err_str or "Success") end)
def("fc_rcvd_proxy", NOARG, function(s) return bool(s.desc and s.desc.proxy_protocol) end)
def("fc_pp_authority", NOARG, function(s) return str(s.desc and s.desc.pp_authority) end)
def("fc_pp_unique_id", NOARG, function(s) return str(s.desc and s.desc.pp_unique_id) end)
def("so_name", NOARG, function(s) return str(s.desc and s.desc.so_name) end)

-- nothing is connected to a server while request rules run
for _, name in ipairs({ "bc_dst", "bc_src", "bc_dst_port", "bc_src_port", "bc_err",
                        "bc_err_str", "bc_http_major" }) do
  def(name, NOARG, function() return nil end)
end

-- TCP_INFO figures of the client connection: from Lua the unit argument
-- is required ("error in arguments" without it, live); values come from
-- the description in milliseconds (`fc_rtt = 12`)
for _, name in ipairs({ "fc_rtt", "fc_rttvar", "fc_unacked", "fc_sacked", "fc_retrans",
                        "fc_fackets", "fc_lost", "fc_reordering" }) do
  def(name, { min = 0, "str" }, function(s, a)
    local timed = name == "fc_rtt" or name == "fc_rttvar"
    if timed and a[1] ~= "ms" and a[1] ~= "us" then
      return K.bad_args(a[1] and string.format("expects 'us' or 'ms', got '%s'", a[1]) or "Unexpected arg type")
    end
    local v = s.desc and s.desc[name] or 0
    return sint(a[1] == "us" and v * 1000 or v)
  end)
end
