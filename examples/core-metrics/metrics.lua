-- Request counters exposed in Prometheus' text format, built with
-- core.concat(). `http-request lua.count` counts, `use-service lua.metrics`
-- serves them (chunked: no content-length is set).
local counts = {}

core.register_action("count", { "http-req" }, function(txn)
  local key = txn.f:method() .. " " .. (txn.sf:path():match("^/[^/]*") or "/")
  counts[key] = (counts[key] or 0) + 1
end)

core.register_service("metrics", "http", function(applet)
  local keys = {}
  for k in pairs(counts) do keys[#keys + 1] = k end
  table.sort(keys)
  local c = core.concat()
  c:add("# TYPE http_requests_total counter\n")
  for _, k in ipairs(keys) do
    local method, prefix = k:match("^(%S+) (.*)$")
    c:add(string.format('http_requests_total{method="%s",prefix="%s"} %d\n', method, prefix, counts[k]))
  end
  applet:add_header("content-type", "text/plain; version=0.0.4")
  applet:start_response()
  applet:send(c:dump())
end)
