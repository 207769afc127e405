-- Host-based routing from a map file, with a path override:
--   http-request lua.route
--   use_backend %[var(txn.backend)]
-- The map file sits next to this script.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local routes = Map.new(dir .. "routes.map", Map._dom)

core.register_action("route", { "http-req" }, function(txn)
  local host = (txn.sf:req_hdr("host"):gsub(":%d+$", ""))
  local backend = routes:lookup(host)
  if txn.sf:path():sub(1, 8) == "/static/" then backend = "be_static" end
  if not backend then
    txn:done({ status = 421, headers = { ["content-type"] = { "text/plain" } },
               body = "unknown host " .. host .. "\n" })
  end
  txn:set_var("txn.backend", backend)
  txn.http:req_set_header("x-routed-to", backend)
end)
