-- A small JSON API as an HTTP service: `http-request use-service lua.api`.
--   GET  /api/items        -> the list
--   GET  /api/items/<id>   -> one item or 404
--   POST /api/items        -> 201 with the created item (body: name=<text>)
local items = { { id = 1, name = "first" }, { id = 2, name = "second" } }

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

local function item_json(it)
  return string.format('{"id":%d,"name":%s}', it.id, json_string(it.name))
end

local function reply(applet, status, body)
  applet:set_status(status)
  applet:add_header("content-type", "application/json")
  applet:add_header("content-length", tostring(#body))
  applet:start_response()
  applet:send(body)
end

core.register_service("api", "http", function(applet)
  local path, method = applet.path, applet.method
  if path == "/api/items" and method == "GET" then
    local out = {}
    for i, it in ipairs(items) do out[i] = item_json(it) end
    return reply(applet, 200, "[" .. table.concat(out, ",") .. "]\n")
  end
  local id = path:match("^/api/items/(%d+)$")
  if id and method == "GET" then
    for _, it in ipairs(items) do
      if it.id == tonumber(id) then return reply(applet, 200, item_json(it) .. "\n") end
    end
    return reply(applet, 404, '{"error":"no such item"}\n')
  end
  if path == "/api/items" and method == "POST" then
    local name = applet:receive():match("name=([^&]*)")
    if not name or name == "" then return reply(applet, 400, '{"error":"name required"}\n') end
    local it = { id = #items + 1, name = name }
    items[#items + 1] = it
    return reply(applet, 201, item_json(it) .. "\n")
  end
  reply(applet, 404, '{"error":"not found"}\n')
end)
