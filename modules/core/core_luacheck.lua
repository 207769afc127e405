-- A luacheck standard for HAProxy 2.6's Lua globals. In .luacheckrc:
--   stds.haproxy = require "proxylua.core_luacheck"
--   std = "max+haproxy"
local function fields(list)
  local t = {}
  for _, k in ipairs(list) do t[k] = {} end
  return t
end

return {
  read_globals = {
    core = { fields = fields({
      "emerg", "alert", "crit", "err", "warning", "notice", "info", "debug", "thread",
      "proxies", "frontends", "backends", "log", "Debug", "Info", "Warning", "Alert",
      "add_acl", "del_acl", "del_map", "set_map", "get_info", "now", "http_date", "imf_date",
      "rfc850_date", "asctime_date", "msleep", "sleep", "register_action", "register_converters",
      "register_fetches", "register_filter", "register_service", "register_init", "register_task",
      "register_cli", "set_nice", "tcp", "httpclient", "concat", "done", "yield", "parse_addr",
      "match_addr", "tokenize" }) },
    act = { fields = fields({ "CONTINUE", "STOP", "YIELD", "ERROR", "DONE", "DENY", "ABORT",
                              "INVALID", "wake_time" }) },
    filter = { fields = fields({ "CONTINUE", "WAIT", "ERROR", "FLT_CFG_FL_HTX",
                                 "register_data_filter", "unregister_data_filter", "wake_time" }) },
    Map = { fields = fields({ "new", "_found", "_bool", "_int", "_ip", "_bin", "_len", "_str", "_beg",
                              "_sub", "_dir", "_dom", "_end", "_reg", "_regm", "found", "bool", "int",
                              "ip", "bin", "len", "str", "beg", "sub", "dir", "dom", "end", "reg",
                              "regm" }) },
    Regex = { fields = fields({ "new" }) },
    CertCache = { fields = fields({ "set" }) },
  },
}
