-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_socket_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 6958eaeb347c5f41 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "\"HAProxy class Socket\",\"table\"\nfalse,\"connect: need at least 2 arguments\"\nfalse,\"connect: cannot parse destination address 'localhost:'\"\nfalse,\"connect: port missing\"\nnil\n6\n1\n\"127.0.0.1:35667\"\n1\n\"hi\"\n\"EARLY\"\n3,3\n\"BCD\",\"PX\"\n\"Y\"\nfalse,\"Unsupported pattern.\"\nfalse,\"Unsupported size.\"\nfalse,\"Expect a 'string' for the prefix\"\n5\n\"bye-no-newline\"\nnil,\"connection closed.\"\n4\n\"127.0.0.1:35667\"\ntrue,1\nnil,\"Can't connect\"\nnil\n",
            [3] = {
              ["content-length"] = "418",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.oXl9QU",
        ["PORT"] = 42197,
        ["PORT1"] = 35667,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
