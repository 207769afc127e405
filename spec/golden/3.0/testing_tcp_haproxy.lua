-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/testing_tcp_haproxy_spec.lua.
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
        ["DIR"] = "/tmp/proxylua-spec.5PGmQP",
        ["ECHO"] = "127.0.0.1:33879",
        ["LINE"] = "/tmp/proxylua-spec.lcycf0/peer.sock",
        ["PORT"] = 36821,
        ["PORT1"] = 39939,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
