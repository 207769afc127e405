-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/testing_multi_haproxy_spec.lua.
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
            [1] = "[NOTICE]   (12574) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (12574) : path to executable is /work/haproxy-builds/3.0/haproxy\n[WARNING]  (12574) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (12574) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.PRfSFl",
        ["PORT"] = 41537,
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
            [1] = "[NOTICE]   (12624) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (12624) : path to executable is /work/haproxy-builds/3.0/haproxy\n[WARNING]  (12624) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (12624) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.zUPDfw",
        ["PORT"] = 45843,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
