-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/core_header_rewrite_haproxy_spec.lua.
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
        ["DIR"] = "/tmp/proxylua-spec.JTesxu",
        ["PORT"] = 41953,
        ["PORT1"] = 33095,
        ["PORT2"] = 40527,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
