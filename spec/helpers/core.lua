-- Shared by the proxylua.core specs (spec/core_*_spec.lua): fresh emulated
-- states and one-action runs.
local testing = require "proxylua.testing"

local C = {}

-- A fresh emulated state with `code` as its lua-load body.
function C.state(code, opts)
  return testing.load_string(code or "", opts)
end

-- Run `code` as an http-request action body; returns the result.
function C.in_action(code, req, opts)
  local h = C.state("core.register_action('t', {'http-req'}, function(txn, ...)\n" .. code .. "\nend)", opts)
  return h:action("t", req), h
end

-- A request with a query, headers and a repeated header.
C.PROBE = { method = "GET", path = "/probe_f", query = "a=1&b=2", dst_port = 24001,
            headers = { "Host: 127.0.0.1:24001", "X-Multi: one", "X-Multi: two, three" } }

-- Run `code` (a function body receiving txn) as an action; returns its
-- first return value packed as the action saw it.
function C.with_txn(code, req, env)
  local h = C.state("core.register_action('t', {'" .. (env or "http-req")
    .. "'}, function(txn) out = table.pack((function() " .. code .. " end)()) end)")
  local r = h:action("t", req or C.PROBE)
  if r.error then error(r.error, 0) end
  return h.env.out, r, h
end

-- The error text `code` raises inside an action, without its position.
function C.errtext(code, req, env)
  local h = C.state("core.register_action('t', {'" .. (env or "http-req") .. "'}, function(txn) "
    .. "local ok, e = pcall(function() " .. code .. " end) out = e end)")
  h:action("t", req or C.PROBE)
  return tostring(h.env.out):gsub("^[^:]*:%d+: ", "")
end

return C
