-- An inline login: POST /login with user=...&pass=... checked against a
-- table; success sets a session cookie and redirects, failure answers 401.
-- Protected paths need the cookie. Used as `http-request lua.login`.
local users = { alice = "wonderland" }
local secret = "change-me"

local function sign(txn, user)
  return user .. "." .. txn.sc:hex(txn.c:hmac(user, "sha256", txn.sc:base64(secret)))
end

core.register_action("login", { "http-req" }, function(txn)
  local path = txn.sf:path()
  if path == "/login" and txn.f:method() == "POST" then
    local body = txn.sf:req_body()
    local user = body:match("user=([^&]*)")
    local pass = body:match("pass=([^&]*)")
    if user and users[user] == pass then
      txn:done({ status = 302, headers = {
        ["location"] = { "/" },
        ["set-cookie"] = { "session=" .. sign(txn, user) .. "; HttpOnly" } } })
    end
    txn:Warning("login failed for " .. tostring(user))
    txn:done({ status = 401, headers = { ["content-type"] = { "text/plain" } },
               body = "bad credentials\n" })
  end
  if path:sub(1, 9) == "/private/" then
    local cookie = txn.f:req_cook("session")
    local user = cookie and cookie:match("^([^.]+)%.")
    if not user or cookie ~= sign(txn, user) then
      local reply = txn:reply({ status = 303 })
      reply:add_header("location", "/login")
      txn:done(reply)
    end
    txn.http:req_set_header("x-user", user)
  end
end)
