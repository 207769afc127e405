-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_filter_phase_haproxy_spec.lua.
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
            [1] = "R|start table POST ok ok ok ok ok true true true true false ERR:table:HAProxy class HTTPMessage\nR|headers table PUT ok ok ok ok ok true true true true false ERR:table:HAProxy class HTTPMessage\nR|payload ERR:table:HAProxy class HTTPMessage ERR:table:HAProxy class HTTPMessage ERR:string:1 ERR:string:1 ERR:string:x-none ERR:string:b ERR:string:c ERR:string:/z ERR:string:q=2 ERR:string:PUT true false hello\nR|end ERR:table:HAProxy class HTTPMessage ERR:table:HAProxy class HTTPMessage ERR:string:1 ERR:string:1 ERR:string:x-none ERR:string:b ERR:string:c ERR:string:/z ERR:string:q=2 ERR:string:PUT true false\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.BP6JIf",
        ["PORT"] = 35417,
        ["PORT1"] = 40029,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
