-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_header_rewrite_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 132223d953d6659d #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 94187b1edcff631f /",
          ["r"] = {
            [1] = 200,
            [2] = "\"a,b\",X, \"d\\\"e,f\",X|a,<bb>, c|z|x,y",
            [3] = {
              ["content-length"] = "35",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 94187b1edcff631f /",
          ["r"] = {
            [1] = 200,
            [2] = "\"a,b\",X, \"d\\\"e,f\",X|a,<bb>, c|z|x,y",
            [3] = {
              ["content-length"] = "35",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.ZFFSQk",
        ["PORT"] = 36157,
        ["PORT1"] = 34095,
        ["PORT2"] = 34843,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
