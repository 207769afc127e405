-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/testing_globals_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start d7f5472a09c7e8a5 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw ed1f38aecd7d54e8 both",
          ["r"] = {
            [1] = "hello alice",
            [2] = "hello alicebob",
            ["n"] = 2,
          },
        },
        [2] = {
          ["key"] = "raw 886438179dea25ae both",
          ["r"] = {
            [1] = "hello alice",
            [2] = "hello bob",
            ["n"] = 2,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.eYth6z",
        ["PORT"] = 35267,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
