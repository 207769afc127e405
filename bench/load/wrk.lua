-- wrk request script for the load runs: cycles through hosts (known,
-- dynamic and unknown) and paths. wrk.path ("/ours" or "/theirs") picks the
-- service; the rest of the path is what the beg map sees.
local prefix = wrk.path:match("^(/%w+)") or "/ours"
local reqs, i = {}, 0
for n = 1, 512 do
  local host
  if n % 4 == 0 then host = "dyn" .. (n % 1000) .. ".example.com"
  elseif n % 4 == 1 then host = "host" .. (n * 7 % 2000) .. ".example.net"
  elseif n % 4 == 2 then host = "www.zone" .. (n % 200) .. ".example.org"
  else host = "nowhere" .. n .. ".test" end
  local path = prefix .. "/api/v" .. (n % 3) .. "/r" .. (n % 300) .. "/item/" .. n
  reqs[n] = wrk.format("GET", path, { Host = host })
end
request = function()
  i = i % #reqs + 1
  return reqs[i]
end
