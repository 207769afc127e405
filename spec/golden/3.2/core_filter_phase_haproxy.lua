-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/core_filter_phase_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start bf2e7a537666e54e #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 946cfb4c295b4f83 /x?q=1",
          ["r"] = {
            [1] = 200,
            [2] = "hello",
            [3] = {
              ["content-length"] = "5",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (6540) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (6540) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (6540) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\nR|start table POST ok ok ok ok ok true true true true false ERR:table:HAProxy class HTTPMessage\nR|headers table PUT ok ok ok ok ok true true true true false ERR:table:HAProxy class HTTPMessage\nR|payload ERR:table:HAProxy class HTTPMessage ERR:table:HAProxy class HTTPMessage ERR:string:1 ERR:string:1 ERR:string:x-none ERR:string:b ERR:string:c ERR:string:/z ERR:string:q=2 ERR:string:PUT true false hello\nR|end ERR:table:HAProxy class HTTPMessage ERR:table:HAProxy class HTTPMessage ERR:string:1 ERR:string:1 ERR:string:x-none ERR:string:b ERR:string:c ERR:string:/z ERR:string:q=2 ERR:string:PUT true false\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.k9iiIF",
        ["PORT"] = 44263,
        ["PORT1"] = 38821,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
