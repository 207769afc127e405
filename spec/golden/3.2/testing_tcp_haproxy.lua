-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/testing_tcp_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start af6e8a3353cd9f64 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw e5eb31eb564b3a8a tcp hello",
          ["r"] = {
            [1] = "hi hello\nfrom-lua\nrest\n",
            ["n"] = 1,
          },
        },
        [2] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "ping unix",
            [3] = {
              ["content-length"] = "9",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.YOroaK",
        ["ECHO"] = "127.0.0.1:43395",
        ["LINE"] = "/tmp/proxylua-spec.kOpuzS/peer.sock",
        ["PORT"] = 39665,
        ["PORT1"] = 34963,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
