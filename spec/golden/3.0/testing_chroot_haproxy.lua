-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/testing_chroot_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 3524ba102394ee7a #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "outside|outside|inside|inside|nil",
            [3] = {
              ["content-length"] = "33",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.90RCuh",
        ["PORT"] = 41913,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
