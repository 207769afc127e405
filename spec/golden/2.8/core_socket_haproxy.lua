-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/core_socket_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 6958eaeb347c5f41 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "\"HAProxy class Socket\",\"table\"\nfalse,\"connect: need at least 2 arguments\"\nfalse,\"connect: cannot parse destination address 'localhost:'\"\nfalse,\"connect: port missing\"\nnil\n6\n1\n\"127.0.0.1:46825\"\n1\n\"hi\"\n\"EARLY\"\n3,3\n\"BCD\",\"PX\"\n\"Y\"\nfalse,\"Unsupported pattern.\"\nfalse,\"Unsupported size.\"\nfalse,\"Expect a 'string' for the prefix\"\n5\n\"bye-no-newline\"\nnil,\"connection closed.\"\n4\n\"127.0.0.1:46825\"\ntrue,1\nnil,\"Can't connect\"\nnil\n",
            [3] = {
              ["content-length"] = "418",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Uaxl5O",
        ["PORT"] = 45393,
        ["PORT1"] = 46825,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
