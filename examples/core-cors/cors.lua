-- CORS for an API: answers preflight requests itself and marks the
-- response of allowed origins. Used as:
--   http-request lua.cors_request
--   http-response lua.cors_response
local allowed = { ["https://app.example.com"] = true, ["https://admin.example.com"] = true }

core.register_action("cors_request", { "http-req" }, function(txn)
  local origin = txn.f:req_hdr("origin")
  if origin and allowed[origin] then
    txn:set_var("txn.cors_origin", origin)
  end
  if txn.f:method() == "OPTIONS" and origin then
    local reply = txn:reply({ status = allowed[origin] and 204 or 403 })
    if allowed[origin] then
      reply:add_header("access-control-allow-origin", origin)
      reply:add_header("access-control-allow-methods", "GET, POST, PUT, DELETE")
      reply:add_header("access-control-allow-headers",
        txn.sf:req_hdr("access-control-request-headers") ~= "" and
        txn.sf:req_fhdr("access-control-request-headers") or "content-type")
      reply:add_header("access-control-max-age", "600")
      reply:add_header("vary", "origin")
    end
    txn:done(reply)
  end
end)

core.register_action("cors_response", { "http-res" }, function(txn)
  local origin = txn:get_var("txn.cors_origin")
  if origin then
    txn.http:res_set_header("access-control-allow-origin", origin)
    txn.http:res_add_header("vary", "origin")
  end
end)
