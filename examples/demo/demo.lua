-- proxylua demo service: answers every request with a report built by
-- proxylua.concat. Runs inside HAProxy (see haproxy.cfg beside it).
local concat = require "proxylua.concat"

core.register_service("demo", "http", function(applet)
  local b = concat.new()
  b:add("proxylua demo\n", "=============\n")
  b:addf("%-8s %s\n", "method", applet.method)
  b:addf("%-8s %s\n", "path", applet.path)
  b:addf("%-8s %s\n", "query", applet.qs)
  local headers = applet.headers
  local names = {}
  for name in pairs(headers) do names[#names + 1] = name end
  table.sort(names)
  b:add("headers:\n")
  for _, name in ipairs(names) do
    for _, value in pairs(headers[name]) do
      b:addf("  %s: %s\n", name, value)
    end
  end
  b:rep("-", 13); b:char(10)
  b:addf("(%d bytes above, built with proxylua.concat)\n", #b)
  applet:set_status(200)
  applet:add_header("content-type", "text/plain")
  applet:add_header("content-length", #b)
  applet:start_response()
  applet:send(b:dump())
end)
