-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/core_socket_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 6958eaeb347c5f41 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "\"HAProxy class Socket\",\"table\"\nfalse,\"connect: need at least 2 arguments\"\nfalse,\"connect: cannot parse destination address 'localhost:'\"\nfalse,\"connect: port missing\"\nnil\n-1\n1\n\"127.0.0.1:45515\"\n1\n\"hi\"\nnil,\"connection closed.\"\n-1,-1\nnil,\"P\"\nnil,\"connection closed.\"\nfalse,\"Unsupported pattern.\"\nfalse,\"Unsupported size.\"\nfalse,\"Expect a 'string' for the prefix\"\n-1\nnil,\"connection closed.\"\nnil,\"connection closed.\"\n-1\nnil\nfalse,\"socket: not yet initialised, you can't set timeouts.\"\nnil,\"Can't connect\"\nnil\n",
            [3] = {
              ["content-length"] = "506",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.GsSALc",
        ["PORT"] = 43027,
        ["PORT1"] = 45515,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
