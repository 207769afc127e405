-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/testing_multi_haproxy_spec.lua.
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
            [1] = "[NOTICE]   (9134) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (9134) : path to executable is /usr/sbin/haproxy\n[WARNING]  (9134) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (9134) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Jit3hW",
        ["PORT"] = 44279,
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
            [1] = "[NOTICE]   (9208) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (9208) : path to executable is /usr/sbin/haproxy\n[WARNING]  (9208) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (9208) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.0DZu1R",
        ["PORT"] = 35905,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
