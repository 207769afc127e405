-- Clients of the stock-Lua benchmarks that go through the shim
-- (proxylua.luasocket): `clients` tasks on one loop, each connecting to the
-- echo peer and making `rounds` round trips. run() returns seconds, from
-- before the connects or, with `connected`, from after them.
local ok, shim = pcall(require, "proxylua.luasocket")

local M = { available = ok, why = not ok and "proxylua.luasocket is not built" or nil }

function M.run()
  error("the shim's stock-Lua loop API is not wired in yet")
end

return M
