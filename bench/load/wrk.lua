-- wrk request script for the load runs: cycles through hosts (known,
-- dynamic and unknown) and paths, each request with its own item number and
-- browser build in the User-Agent, as real traffic has: HAProxy's pattern
-- cache (tune.pattern.cache-size) would otherwise answer its list scans
-- from memory. wrk.path ("/ours" or "/theirs") picks the service; the rest
-- of the path is what the maps see.
local prefix = wrk.path:match("^(/%w+)") or "/ours"
local i = 0
request = function()
  i = i + 1
  local n = i % 512
  local host
  if n % 4 == 0 then host = "dyn" .. (n % 1000) .. ".example.com"
  elseif n % 4 == 1 then host = "host" .. (n * 7 % 2000) .. ".example.net"
  elseif n % 4 == 2 then host = "www.zone" .. (n % 200) .. ".example.org"
  else host = "nowhere" .. n .. ".test" end
  local path = prefix .. "/api/v" .. (n % 3) .. "/r" .. (n % 300) .. "/item/" .. i
  local ua = n % 8 == 0 and ("Mozilla/5.0 (compatible; crawler-%03d/2.%d)"):format(n % 500, i)
    or ("Mozilla/5.0 (X11; Linux x86_64; rv:109.0) Gecko/20100101 Firefox/115.%d"):format(i)
  return wrk.format("GET", path, { Host = host, ["User-Agent"] = ua })
end
