-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/testing_multi_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start b76065ea14a239df #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "b from a|nil b",
            [3] = {
              ["content-length"] = "14",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (10803) : haproxy version is 2.8.0-fdd8154ed\n[NOTICE]   (10803) : path to executable is /work/haproxy-builds/2.8/haproxy\n[WARNING]  (10803) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (10803) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.HZkYlS",
        ["PORT"] = 45043,
      },
    },
    ["start cdacb5d371eb8457 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "a from a|nil a",
            [3] = {
              ["content-length"] = "14",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (10858) : haproxy version is 2.8.0-fdd8154ed\n[NOTICE]   (10858) : path to executable is /work/haproxy-builds/2.8/haproxy\n[WARNING]  (10858) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (10858) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.lfSbP9",
        ["PORT"] = 42053,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
