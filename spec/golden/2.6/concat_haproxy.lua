-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/concat_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["run_lua 4f8a7284ef1eb782 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 4f8a7284ef1eb782",
          ["r"] = {
            [1] = "haproxy 1 0\nhaproxy 2 abc51.5-7bin\\0ÿ\nhaproxy 3 abc51.5-7bin\\0ÿy\nhaproxy 4 \nhaproxy 5 bad argument #1 to 'add' (string expected, got nil)\nhaproxy 6 bad argument #1 to 'add' (string expected, got table)\nhaproxy 7 bad argument #1 to 'add' (string expected, got boolean)\nhaproxy 8 bad argument #1 to 'add' (string expected, got no value)\nhaproxy 9 bad argument #1 to 'add' (string expected, got function)\nhaproxy 10 abc51.5-7bin\\0ÿy\nproxylua 1 0\nproxylua 2 abc51.5-7bin\\0ÿ\nproxylua 3 abc51.5-7bin\\0ÿy\nproxylua 4 \nproxylua 5 bad argument #1 to 'add' (string expected, got nil)\nproxylua 6 bad argument #1 to 'add' (string expected, got table)\nproxylua 7 bad argument #1 to 'add' (string expected, got boolean)\nproxylua 8 bad argument #1 to 'add' (string expected, got no value)\nproxylua 9 bad argument #1 to 'add' (string expected, got function)\nproxylua 10 abc51.5-7bin\\0ÿy\nConfiguration file is valid\n",
            [2] = true,
            ["n"] = 2,
          },
        },
      },
    },
    ["start 97f6a1d97ee3e726 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 90da2f1be9bfe15f /demo?x=1",
          ["r"] = {
            [1] = 200,
            [2] = "method=GET path=/demo\nsix x 7 = 42\nab-ab-ab\n",
            [3] = {
              ["content-length"] = "44",
              ["x-builder-len"] = "44",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.crGYBR",
        ["PORT"] = 44383,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
