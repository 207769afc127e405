-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_events_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start c221650e68b53b91 #1"] = {
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
          ["key"] = "raw 04a4f6d316331f92 cli",
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
          ["key"] = "raw 04a4f6d316331f92 cli",
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
          ["key"] = "raw 825e2ac971af6b2d cli",
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
          ["key"] = "raw 8e0a5d70d599407c cli",
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
          ["key"] = "http 05fef1d4969da7ad /call?srv=dyn/d1&m=set_addr&arg=127.0.0.",
          ["r"] = {
            [1] = 200,
            [2] = "true \"IP changed from '127.0.0.1' to '127.0.0.3' by 'Lua script'\" status=no check draining=integer:0 weight=integer:1 addr=127.0.0.3:39017",
            [3] = {
              ["content-length"] = "138",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [50] = {
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
        [51] = {
          ["key"] = "http 5cd890ca8fe4bb71 /call?srv=dyn/d1&m=set_addr&arg=127.0.0.",
          ["r"] = {
            [1] = 200,
            [2] = "true \"no need to change the addr, port changed from '39017' to '8081' by 'Lua script'\" status=no check draining=integer:0 weight=integer:1 addr=127.0.0.3:8081",
            [3] = {
              ["content-length"] = "158",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [52] = {
          ["key"] = "http 5cd890ca8fe4bb71 /call?srv=dyn/d1&m=set_addr&arg=127.0.0.",
          ["r"] = {
            [1] = 200,
            [2] = "true \"no need to change the addr, no need to change the port by 'Lua script'\" status=no check draining=integer:0 weight=integer:1 addr=127.0.0.3:8081",
            [3] = {
              ["content-length"] = "149",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [53] = {
          ["key"] = "http 5889a93edb25391c /call?srv=dyn/d1&m=set_addr&arg=x",
          ["r"] = {
            [1] = 200,
            [2] = "true \"Invalid addr 'x' by 'Lua script'\" status=no check draining=integer:0 weight=integer:1 addr=127.0.0.3:8081",
            [3] = {
              ["content-length"] = "111",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [54] = {
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
        [55] = {
          ["key"] = "raw 486a63771d037490 cli",
          ["r"] = {
            [1] = "IP changed from '127.0.0.3' to '127.0.0.4', port changed from '8081' to '8082' by 'stats socket command'\n\n",
            ["n"] = 1,
          },
        },
        [56] = {
          ["key"] = "raw d30f43b554d3e2a1 cli",
          ["r"] = {
            [1] = "no need to change the addr by 'stats socket command'\n\n",
            ["n"] = 1,
          },
        },
        [57] = {
          ["key"] = "raw 9134a8e47469f317 cli",
          ["r"] = {
            [1] = "set server <b>/<s> addr requires an address and optionally a port.\n\n",
            ["n"] = 1,
          },
        },
        [58] = {
          ["key"] = "raw e81c131680a26662 cli",
          ["r"] = {
            [1] = "No such server.\n\n",
            ["n"] = 1,
          },
        },
        [59] = {
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
        [60] = {
          ["key"] = "http 25c9d0749f85f2bd /call?srv=dyn/d1&m=get_addr",
          ["r"] = {
            [1] = 200,
            [2] = "true \"127.0.0.4:8082\" status=no check draining=integer:0 weight=integer:1 addr=127.0.0.4:8082",
            [3] = {
              ["content-length"] = "93",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [61] = {
          ["key"] = "raw 268f021d518739ac cli",
          ["r"] = {
            [1] = "New server registered.\n\n",
            ["n"] = 1,
          },
        },
        [62] = {
          ["key"] = "raw 85f4577a0aabea27 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [63] = {
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
        [64] = {
          ["key"] = "raw 80c13784f039f9be cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [65] = {
          ["key"] = "http ce9442beaa7f48d6 /about?srv=dyn/n3",
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
        [66] = {
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
        [67] = {
          ["key"] = "http ce9442beaa7f48d6 /about?srv=dyn/n3",
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
        [68] = {
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
        ["DIR"] = "/tmp/proxylua-spec.ssWtvo",
        ["PORT"] = 38965,
        ["PORT1"] = 35019,
        ["PORT2"] = 39017,
        ["PORT3"] = 44973,
        ["PORT4"] = 38259,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
