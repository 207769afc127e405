-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/core_filter_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 52c49da8a0265a23 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 946cfb4c295b4f83 /x?q=1",
          ["r"] = {
            [1] = 200,
            [2] = "POST /X?Q=1 HTTP/1.1|/REWRITTEN|5",
            [3] = {
              ["content-length"] = "33",
              ["content-type"] = "text/plain",
              ["x-filtered"] = "A1 200 HTTP/1.1",
              ["x-rep"] = "cd+ab",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.IVDcmF",
        ["PORT"] = 40681,
        ["PORT1"] = 37961,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
