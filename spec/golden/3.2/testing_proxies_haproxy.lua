-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/testing_proxies_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 73d90d2c3bcb452d #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down UP 1/3 up=1\ns_down2 UP 1/3 up=1\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP 1/3 up=1\ns_up3 UP 1/3 up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=6 bck=1 nbsrv=6\n",
            [3] = {
              ["content-length"] = "200",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down UP 1/3 up=1\ns_down2 UP 1/3 up=1\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP 1/3 up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=6 bck=1 nbsrv=6\n",
            [3] = {
              ["content-length"] = "196",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down UP 1/3 up=1\ns_down2 UP 1/3 up=1\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=6 bck=1 nbsrv=6\n",
            [3] = {
              ["content-length"] = "192",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down DOWN up=0\ns_down2 UP 1/3 up=1\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=5 bck=1 nbsrv=5\n",
            [3] = {
              ["content-length"] = "190",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down DOWN up=0\ns_down2 DOWN up=0\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=4 bck=1 nbsrv=4\n",
            [3] = {
              ["content-length"] = "188",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down DOWN up=0\ns_down2 DOWN up=0\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=4 bck=1 nbsrv=4\n",
            [3] = {
              ["content-length"] = "188",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down DOWN up=0\ns_down2 DOWN up=0\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP 1/3 up=1\nBACKEND UP act=4 bck=1 nbsrv=4\n",
            [3] = {
              ["content-length"] = "188",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [8] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP 1/3 up=1\ns_disabled MAINT up=0\ns_down DOWN up=0\ns_down2 DOWN up=0\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP up=1\nBACKEND UP act=4 bck=1 nbsrv=4\n",
            [3] = {
              ["content-length"] = "184",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [9] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP up=1\ns_disabled MAINT up=0\ns_down DOWN up=0\ns_down2 DOWN up=0\ns_nocheck no check up=1\ns_up UP up=1\ns_up2 UP up=1\ns_up3 UP up=1\ns_w0 UP up=1\nBACKEND UP act=4 bck=1 nbsrv=4\n",
            [3] = {
              ["content-length"] = "180",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [10] = {
          ["key"] = "http 9d9a3908c047a72d /change",
          ["r"] = {
            [1] = 200,
            [2] = "s_bck UP up=1\ns_disabled MAINT up=0\ns_down UP up=1\ns_down2 MAINT up=0\ns_nocheck DOWN up=1\ns_up DOWN up=0\ns_up2 NOLB up=1\ns_up3 no check up=1\ns_w0 DRAIN up=1\nBACKEND UP act=2 bck=1 nbsrv=2\n",
            [3] = {
              ["content-length"] = "188",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.8GT4is",
        ["PORT"] = 34829,
        ["PORT1"] = 44189,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
