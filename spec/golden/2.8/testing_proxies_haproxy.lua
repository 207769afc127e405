-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/testing_proxies_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 73d90d2c3bcb452d #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 9d9a3908c047a72d /change",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.9PIRl3",
        ["PORT"] = 42497,
        ["PORT1"] = 45207,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
