-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/testing_multi_haproxy_spec.lua.
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
            [1] = "[NOTICE]   (14277) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (14277) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (14277) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n[WARNING]  (14277) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (14277) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.WV9M3E",
        ["PORT"] = 36491,
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
            [1] = "[NOTICE]   (14315) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (14315) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (14315) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n[WARNING]  (14315) : config : Trying to register action 'lua.x' more than once. This will become a hard error in version 2.5.\n[WARNING]  (14315) : config : Trying to register sample-fetch 'lua.who' more than once. This will become a hard error in version 2.5.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.hOaUks",
        ["PORT"] = 35407,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
