-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/testing_config_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 0ad31224ac736b90 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 37b7800ecdb5ffa0 /api/x",
          ["r"] = {
            [1] = 200,
            [2] = "label one:X!:gold:2|first;second;|mid|hello gold|eu-west|nil|Y!|T-GOLD!",
            [3] = {
              ["content-length"] = "71",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 619153db8647cbdb /other",
          ["r"] = {
            [1] = 200,
            [2] = "label one:X!:gold:2||T-GOLD!",
            [3] = {
              ["content-length"] = "28",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "1:nil",
            [3] = {
              ["content-length"] = "5",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "hello from gold\n",
            [3] = {
              ["content-length"] = "16",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.SXAuEY",
        ["PORT"] = 41939,
        ["PORT1"] = 37077,
        ["PORT2"] = 39845,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
