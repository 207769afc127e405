-- A line-based TCP service: `tcp-request content use-service lua.echo`.
-- Answers each line upper-cased, "bye" closes.
core.register_service("echo", "tcp", function(applet)
  applet:send("hello " .. applet.sf:src() .. "\n")
  while true do
    local line = applet:getline()
    if line == "" then break end
    line = line:gsub("\r?\n$", "")
    if line == "bye" then
      applet:send("bye\n")
      break
    end
    applet:send(line:upper() .. "\n")
  end
end)
