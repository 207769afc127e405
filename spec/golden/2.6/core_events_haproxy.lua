-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_events_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 6dc1795c5f15bc0e #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 4763385507ef2775 /call?srv=chk/c1&m=set_maint",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=MAINT draining=integer:0 weight=integer:1",
            [3] = {
              ["content-length"] = "57",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [8] = {
          ["key"] = "http 14aad2774040298d /call?srv=chk/c1&m=set_ready",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=UP 1/3 draining=integer:0 weight=integer:1",
            [3] = {
              ["content-length"] = "58",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [9] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [10] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [11] = {
          ["key"] = "http 601b5a54a7470fb7 /call?srv=dyn/d1&m=set_maint",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=MAINT draining=integer:0 weight=integer:1",
            [3] = {
              ["content-length"] = "57",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [12] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [13] = {
          ["key"] = "http 360575f4beda2a30 /call?srv=dyn/d1&m=set_drain",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=DRAIN draining=integer:1 weight=integer:1",
            [3] = {
              ["content-length"] = "57",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [14] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [15] = {
          ["key"] = "http 026c28f9a99d82ef /call?srv=dyn/d2&m=set_drain",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=DRAIN draining=integer:1 weight=integer:1",
            [3] = {
              ["content-length"] = "57",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [16] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [17] = {
          ["key"] = "http 030734bec856b844 /about?srv=dyn/d3",
          ["r"] = {
            [1] = 200,
            [2] = "status=no check draining=integer:1 weight=integer:0",
            [3] = {
              ["content-length"] = "51",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [18] = {
          ["key"] = "http 9ddd5b17590dd04f /call?srv=dyn/d1&m=set_ready",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=no check draining=integer:0 weight=integer:1",
            [3] = {
              ["content-length"] = "60",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [19] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [20] = {
          ["key"] = "raw e8b3466b7c799fa4 cli",
          ["r"] = {
            [1] = "New server registered.\n\n",
            ["n"] = 1,
          },
        },
        [21] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [22] = {
          ["key"] = "http a4292a17ab2c5e77 /servers?be=dyn",
          ["r"] = {
            [1] = 200,
            [2] = "d1,d2,d3",
            [3] = {
              ["content-length"] = "8",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [23] = {
          ["key"] = "http ce9b3ebeaa8560b8 /about?srv=dyn/n1",
          ["r"] = {
            [1] = 200,
            [2] = "no such server",
            [3] = {
              ["content-length"] = "14",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [24] = {
          ["key"] = "raw e8b3466b7c799fa4 cli",
          ["r"] = {
            [1] = "Already exists a server with the same name in backend.\n\n",
            ["n"] = 1,
          },
        },
        [25] = {
          ["key"] = "raw 701192b9e803be9b cli",
          ["r"] = {
            [1] = "This server cannot be removed at runtime due to other configuration elements pointing to it.\n",
            ["n"] = 1,
          },
        },
        [26] = {
          ["key"] = "raw 85fb5b7a0ab20fa1 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [27] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [28] = {
          ["key"] = "raw aca89693177e30ca cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [29] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [30] = {
          ["key"] = "raw 1971fcb9b6f27815 cli",
          ["r"] = {
            [1] = "Server deleted.\n",
            ["n"] = 1,
          },
        },
        [31] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [32] = {
          ["key"] = "http a4292a17ab2c5e77 /servers?be=dyn",
          ["r"] = {
            [1] = 200,
            [2] = "d1,d2,d3",
            [3] = {
              ["content-length"] = "8",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [33] = {
          ["key"] = "raw 40ae8e85dbb9b037 cli",
          ["r"] = {
            [1] = "New server registered.\n\n",
            ["n"] = 1,
          },
        },
        [34] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [35] = {
          ["key"] = "http ce903ebeaa7b5933 /about?srv=dyn/n2",
          ["r"] = {
            [1] = 200,
            [2] = "no such server",
            [3] = {
              ["content-length"] = "14",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [36] = {
          ["key"] = "raw a6b3e18172618065 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [37] = {
          ["key"] = "raw 802ca428c95ab837 cli",
          ["r"] = {
            [1] = "'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n\n",
            ["n"] = 1,
          },
        },
        [38] = {
          ["key"] = "raw 5bc6437de00c87c6 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [39] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [40] = {
          ["key"] = "raw 03ae309348e6314e cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [41] = {
          ["key"] = "raw 701796b9e8083115 cli",
          ["r"] = {
            [1] = "This server cannot be removed at runtime due to other configuration elements pointing to it.\n",
            ["n"] = 1,
          },
        },
        [42] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [43] = {
          ["key"] = "http a4292a17ab2c5e77 /servers?be=dyn",
          ["r"] = {
            [1] = 200,
            [2] = "d1,d2,d3",
            [3] = {
              ["content-length"] = "8",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [44] = {
          ["key"] = "raw 29bc9d84bed3ac3a cli",
          ["r"] = {
            [1] = "Health check was not configured on this server, cannot enable.\n\n",
            ["n"] = 1,
          },
        },
        [45] = {
          ["key"] = "raw e9965ada7c983026 cli",
          ["r"] = {
            [1] = "No such server.\n",
            ["n"] = 1,
          },
        },
        [46] = {
          ["key"] = "raw d282481641e8f05f cli",
          ["r"] = {
            [1] = "No such backend.\n",
            ["n"] = 1,
          },
        },
        [47] = {
          ["key"] = "raw 708be8aa90aa1406 cli",
          ["r"] = {
            [1] = "No such backend.\n",
            ["n"] = 1,
          },
        },
        [48] = {
          ["key"] = "raw 00b2e5053a9440a1 cli",
          ["r"] = {
            [1] = "Require 'backend/server'.\n",
            ["n"] = 1,
          },
        },
        [49] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "event_sub=nil",
            [3] = {
              ["content-length"] = "13",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.iRMSvY",
        ["PORT"] = 42235,
        ["PORT1"] = 37489,
        ["PORT2"] = 32995,
        ["PORT3"] = 41875,
        ["PORT4"] = 39751,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
