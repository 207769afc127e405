-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_strings_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start a8c7b3351e790526 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "6162,43",
            [3] = {
              ["content-length"] = "7",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "x@1,nil",
            [3] = {
              ["content-length"] = "7",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.QFS0UK",
        ["PORT"] = 45733,
        ["PORT1"] = 43449,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
