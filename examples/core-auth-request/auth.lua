-- Authentication by subrequest: every request is checked by an auth
-- service before it goes on. `http-request lua.auth <auth-url>`.
--   200 from the auth service -> forward, with the user it returned
--   401/403                   -> the client gets that status
--   anything else             -> 503
core.register_action("auth", { "http-req" }, function(txn, url)
  local token = txn.f:req_hdr("authorization")
  if not token then
    return txn:done({ status = 401, headers = { ["www-authenticate"] = { 'Bearer realm="api"' } } })
  end
  local hc = core.httpclient()
  local res = hc:get({ url = url, headers = { ["authorization"] = { token },
                                              ["x-original-uri"] = { txn.sf:url() } } })
  if res.status == 200 then
    local user = res.headers["x-user"] and res.headers["x-user"][0]
    txn.http:req_set_header("x-user", user or "")
    txn:set_var("txn.user", user)
    return act.CONTINUE
  end
  if res.status == 401 or res.status == 403 then
    return txn:done({ status = res.status, headers = { ["content-type"] = { "text/plain" } },
                      body = "denied by auth: " .. res.body })
  end
  txn:Warning("auth service answered " .. res.status)
  txn:done({ status = 503, body = "auth unavailable\n" })
end, 1)
