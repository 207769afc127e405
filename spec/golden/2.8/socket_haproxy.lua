-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/socket_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 166eba081abfab86 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 26a8391b9cc2c898 /object",
          ["r"] = {
            [1] = 200,
            [2] = "[3] \"HAProxy class Socket\", \"table\", \"userdata\"\n__gc __index __tostring\nclose:function connect:function connect_ssl:function getpeername:function getsockname:function receive:function send:function setoption:function settimeout:function\nERR bad argument #1 to '?' ((null))\nERR bad argument #1 to '?' ((null))\n",
            [3] = {
              ["content-length"] = "309",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.7A8s9R",
        ["PORT"] = 45607,
      },
    },
    ["start 166eba081abfab86 #10"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http c2fe1b87fe41b137 /receive_prefix",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:9\n[1] \"PFX\"\n[1] \"ababc\"\n[1] \"PFXdefgh\\10\"\n[1] i:5\n[1] \"\"\n[1] i:1\n[1] \"12345\"\n",
            [3] = {
              ["content-length"] = "91",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.n11Sx7",
        ["PORT"] = 41957,
      },
    },
    ["start 166eba081abfab86 #11"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d1575c32d8fbf03c /receive_args",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\nERR Unsupported pattern.\nERR Unsupported pattern.\nERR Unsupported pattern.\nERR Unsupported pattern.\nERR Unsupported pattern.\nERR Unsupported size.\nERR Expect a 'string' for the prefix\nERR The 'receive' function requires between 1 and 3 arguments.\nERR Expect a 'string' for the prefix\n",
            [3] = {
              ["content-length"] = "292",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.caH0px",
        ["PORT"] = 34971,
      },
    },
    ["start 166eba081abfab86 #12"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55626b0338150988 /receive_negative_string",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:7\n[1] \"abc\\10def\"\n[2] nil, \"connection closed.\"\n",
            [3] = {
              ["content-length"] = "62",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.B7Gt7S",
        ["PORT"] = 36701,
      },
    },
    ["start 166eba081abfab86 #13"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b578306a92a167d1 /peer_closes",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] \"xyz\"\n[2] nil, \"connection closed.\"\n[1] \"P\"\n[1] \"127.0.0.1:<xyz>\"\n[1] i:1\n[1] \"xyz\"\n[2] nil, \"connection closed.\"\n[1] i:1\n[1] \"xyz\"\n[2] nil, \"connection closed.\"\n[1] i:1\n[1] \"ab\"\n[1] \"xyz\"\n[1] \"PP\"\n[1] i:1\n[2] nil, \"connection closed.\"\n[1] i:1\n[1] \"pre\"\n[1] i:1\n[2] nil, \"connection closed.\"\n[1] i:1\n[2] nil, \"connection closed.\"\n[1] i:-1\n",
            [3] = {
              ["content-length"] = "351",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Kl8FA1",
        ["PORT"] = 44677,
      },
    },
    ["start 166eba081abfab86 #14"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 7513b6b545758029 /timeout_partial_line",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] \"abc\"\n[2] nil, \"connection closed.\"\n[1] i:-1\n[1] \"127.0.0.1:<stall>\"\n[1] i:1\n",
            [3] = {
              ["content-length"] = "89",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.pTc08R",
        ["PORT"] = 43049,
      },
    },
    ["start 166eba081abfab86 #15"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d81d19ea7dcd13d2 /timeout_partial",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:1\n[1] \"abc\"\n[2] nil, \"connection closed.\"\n[1] i:1\n[1] i:1\n[1] \"abc\"\n[1] i:1\n[1] i:1\n[1] \"pp\"\n[1] i:1\n[1] i:1\n[2] nil, \"connection closed.\"\n",
            [3] = {
              ["content-length"] = "153",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Ww7uLF",
        ["PORT"] = 39367,
      },
    },
    ["start 166eba081abfab86 #16"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http f493ed8718478e8a /settimeout_args",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:1\nERR 'settimeout' needs 2 arguments\nERR 'settimeout' needs 2 arguments\nERR bad argument #2 to '?' (number expected, got nil)\nERR bad argument #2 to '?' (number expected, got string)\n[1] i:1\nERR settimeout: cannot set negatives values\nERR settimeout: cannot set values larger than 2147483647 ms\n[1] i:1\n[1] i:1\nERR bad argument #2 to '?' (number expected, got table)\nERR settimeout: cannot set values larger than 2147483647 ms\n[1] i:1\n[1] i:3\n[1] \"ok\"\n",
            [3] = {
              ["content-length"] = "466",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.RaMfDk",
        ["PORT"] = 39447,
      },
    },
    ["start 166eba081abfab86 #17"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 60c43273180ac6ab /dead",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[0] \n[0] \n[1] nil\n[1] nil\n[1] i:-1\n[1] i:0\n[2] nil, \"connection closed.\"\n[1] \"P\"\n[1] \"P\"\n[1] nil\n[1] nil\nERR socket: not yet initialised, you can't set timeouts.\n[0] \nERR 'close' needs 1 arguments\nERR 'getpeername' needs 1 arguments\nERR 'getsockname' needs 1 arguments\n[2] nil, \"Can't connect\"\n[1] i:-1\n[2] nil, \"connection closed.\"\n[1] nil\nERR socket: not yet initialised, you can't set timeouts.\n",
            [3] = {
              ["content-length"] = "406",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.ziTDU7",
        ["PORT"] = 33577,
      },
    },
    ["start 166eba081abfab86 #18"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d052807aaef64cad /fresh",
          ["r"] = {
            [1] = 200,
            [2] = "[1] nil\n[1] nil\n[0] \n[0] \n[1] i:1\n[1] i:1\n[0] \n[1] i:6\n[1] \"after\"\n",
            [3] = {
              ["content-length"] = "67",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Qqer4M",
        ["PORT"] = 38767,
      },
    },
    ["start 166eba081abfab86 #19"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 53dd8a03990874ef /half_close",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] \"part1-part2\\10\"\n[1] i:4\n[2] nil, \"connection closed.\"\n",
            [3] = {
              ["content-length"] = "67",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.NuUMjo",
        ["PORT"] = 34521,
      },
    },
    ["start 166eba081abfab86 #2"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 01067bf004644a8f /connect_forms",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"127.0.0.1:<echo>\", \"127.0.0.1:<port>\"\n[1] i:1\n[2] \"[::1]:<echo6>\", \"[::1]:<port>\"\n[1] i:1\n[2] \"[::1]:<echo6>\", \"[::1]:<port>\"\n[1] i:1\n[2] \"[::1]:<echo6>\", \"[::1]:<port>\"\n[1] i:1\n[2] \"[::1]:<echo6>\", \"[::1]:<port>\"\n[1] i:1\n[2] \"[::1]:<echo6>\", \"[::1]:<port>\"\n[1] i:1\n[2] \"[::1]:<echo6>\", \"[::1]:<port>\"\n[1] i:1\n[2] \"unix\", \"unix\"\n[1] i:1\n[2] \"unix\", \"unix\"\n",
            [3] = {
              ["content-length"] = "726",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.T9FRN7",
        ["PORT"] = 35533,
      },
    },
    ["start 166eba081abfab86 #20"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http cc9e53e7c33f9634 /line_protocol",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:10\n[1] \"GET KEY1\"\n[1] i:14\n[1] \"SET KEY2 V\\0X\"\n[1] i:2\n[1] \"\"\n[1] i:6\n[1] \"QUIT\"\n",
            [3] = {
              ["content-length"] = "95",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.KMjRhE",
        ["PORT"] = 40901,
      },
    },
    ["start 166eba081abfab86 #21"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http a980d7a371683c7f /big",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:10000\n[2] i:10000, true\n[1] i:3001\n[1] i:3000\n",
            [3] = {
              ["content-length"] = "60",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.en2rmc",
        ["PORT"] = 40507,
      },
    },
    ["start 166eba081abfab86 #22"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d9a0079bc885c3fc /two_sockets",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:1\n[2] i:7, i:7\n[2] \"from a\", \"FROM B\"\n[2] i:6, \"AGAIN\"\n",
            [3] = {
              ["content-length"] = "69",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.h78LBc",
        ["PORT"] = 43523,
      },
    },
    ["start 166eba081abfab86 #23"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http caba920d98ee843e /tls",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] \"127.0.0.1:<tls>\"\n[1] i:7\n[1] \"secret\"\n[1] i:4\n[1] \"x\\0y\"\n[1] i:1\n[2] i:9, \"str port\"\n[2] nil, \"Can't connect\"\n[1] i:-1\n[2] nil, \"connection closed.\"\n[2] nil, \"Can't connect\"\n[2] nil, \"Can't connect\"\n[1] i:1\n[1] i:6\n[2] nil, \"connection closed.\"\n",
            [3] = {
              ["content-length"] = "258",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "raw 676569f39cbd731c tls sni",
          ["r"] = {
            [1] = {
              [1] = "3",
              [2] = "false false false",
            },
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.yl8ywA",
        ["PORT"] = 43615,
      },
    },
    ["start 166eba081abfab86 #24"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 5adcb940ca8f27bf /slow_accept",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:5\n[1] \"late\"\n[1] i:1\n[1] \"+OK hello\"\n[1] i:6\n[1] \"PING\"\n",
            [3] = {
              ["content-length"] = "70",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.ohYaeS",
        ["PORT"] = 34101,
      },
    },
    ["start 166eba081abfab86 #25"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 3be5c8d11563882b /settimeout_inactivity",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:1\n[1] i:-1\n[2] nil, \"connection closed.\"\n[1] nil\n[1] i:1\n[1] i:1\n[1] \"1,2,3,4,5,6,7,8,9,10,11,12\"\n",
            [3] = {
              ["content-length"] = "112",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.DCYK00",
        ["PORT"] = 41513,
      },
    },
    ["start 166eba081abfab86 #26"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d261f337e0d7bc01 /yield_before_connect",
          ["r"] = {
            [1] = 200,
            [2] = "[1] nil\n[1] i:-1\n[1] nil\n",
            [3] = {
              ["content-length"] = "25",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.OtwYwt",
        ["PORT"] = 41657,
      },
    },
    ["start 166eba081abfab86 #27"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http e40818679c4c1e96 /send_past_end",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:3\n[1] i:4\n[1] i:1\n",
            [3] = {
              ["content-length"] = "32",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.XWr3sD",
        ["PORT"] = 38559,
      },
    },
    ["start 166eba081abfab86 #28"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http c9dfeb874bce36cd /svc",
          ["r"] = {
            [1] = 0,
            [2] = "",
            [3] = {},
            [4] = "curl: (28) Operation timed out after 15001 milliseconds with 0 bytes received\n",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "raw 65b6f7bfcb453fc4 alive after svc",
          ["r"] = {
            [1] = true,
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.HWIBcq",
        ["PORT"] = 44659,
      },
    },
    ["start 166eba081abfab86 #29"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 2aca354e22b6e815 /fetch",
          ["r"] = {
            [1] = 200,
            [2] = "f=",
            [3] = {
              ["content-length"] = "2",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http ad6cba2feac3f3cd /fetch_err",
          ["r"] = {
            [1] = 200,
            [2] = "connect: need at least 2 arguments\n",
            [3] = {
              ["content-length"] = "35",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[ALERT]    (28251) : Lua sample-fetch 'f_conn': yield not allowed.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.qjG3fC",
        ["PORT"] = 45235,
      },
    },
    ["start 166eba081abfab86 #3"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 2497059b625a885c /connect_fail",
          ["r"] = {
            [1] = 200,
            [2] = "[2] nil, \"Can't connect\"\n[1] nil\n[1] nil\n[2] nil, \"Can't connect\"\n[1] nil\n[1] nil\n[2] nil, \"Can't connect\"\n[1] nil\n[1] nil\n[2] nil, \"Can't connect\"\n[1] nil\n[1] nil\n[2] nil, \"Can't connect\"\n[1] nil\n[1] nil\n",
            [3] = {
              ["content-length"] = "205",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.WAQaJW",
        ["PORT"] = 35797,
      },
    },
    ["start 166eba081abfab86 #4"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http bdea198e105ba0ed /connect_errors",
          ["r"] = {
            [1] = 200,
            [2] = "ERR connect: need at least 2 arguments\nERR connect: cannot parse destination address 'localhost:<echo>'\nERR connect: cannot parse destination address 'localhost:'\nERR connect: cannot parse destination address '127.0.0.1:<echo>:'\nERR connect: port missing\nERR connect: port missing\nERR connect: port missing\nERR connect: cannot parse destination address '::1'\nERR connect: cannot parse destination address '127.1:<echo>'\nERR connect: cannot parse destination address 'udp@127.0.0.1:<echo>'\nERR connect: cannot parse destination address '127.0.0.1:abc'\nERR connect: cannot parse destination address ''\nERR connect: cannot parse destination address '123'\nERR bad argument #3 to '?' (number has no integer representation)\nERR bad argument #3 to '?' (number expected, got string)\nERR connect: cannot parse destination address '127.0.0.1:+1'\nERR bad argument #2 to '?' (string expected, got nil)\nERR bad argument #2 to '?' (string expected, got table)\nERR bad argument #3 to '?' (number expected, got nil)\nERR 'connect_ssl' needs 3 arguments\nERR connect: cannot parse destination address 'localhost:'\n",
            [3] = {
              ["content-length"] = "1095",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Myg9tF",
        ["PORT"] = 33581,
      },
    },
    ["start 166eba081abfab86 #5"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 5d02a2e3b21591bc /arg_names",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\nERR t.lua:135: bad argument #1 to 'send' (string expected, got nil)\nERR t.lua:136: bad argument #2 to 'send' (string expected, got table)\nERR t.lua:137: bad argument #3 to 'snd' (number expected, got string)\nERR t.lua:138: bad argument #3 to 'send' (number has no integer representation)\nERR t.lua:139: bad argument #2 to 'connect' (number has no integer representation)\nERR t.lua:140: bad argument #2 to 'connect_ssl' (number expected, got string)\nERR t.lua:141: bad argument #1 to 'settimeout' (number expected, got string)\nERR t.lua:142: 'settimeout' needs 2 arguments\nERR t.lua:143: Unsupported pattern.\nERR t.lua:144: Unsupported size.\nERR t.lua:145: Expect a 'string' for the prefix\nERR t.lua:146: bad argument #1 to 'connect' ((null))\nERR t.lua:147: bad argument #1 to 'send' ((null))\nERR t.lua:148: bad argument #1 to 'gp' ((null))\nERR t.lua:149: bad argument #1 to 'receive' ((null))\nERR t.lua:150: 'close' needs 1 arguments\nERR t.lua:153: bad argument #1 to 'connect' (string expected, got nil)\nERR t.lua:154: connect: need at least 2 arguments\nERR t.lua:155: bad argument #1 to 'connect' (string expected, got table)\nERR t.lua:156: bad argument #2 to 'connect' (number expected, got table)\n",
            [3] = {
              ["content-length"] = "1209",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.HNuVIb",
        ["PORT"] = 41309,
      },
    },
    ["start 166eba081abfab86 #6"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 9c7ad29af4e5f829 /connected_twice",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:1\n[1] i:1\n[1] \"127.0.0.1:<echo>\"\n[1] i:6\n[1] \"still\"\n",
            [3] = {
              ["content-length"] = "67",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.x0iHuR",
        ["PORT"] = 37385,
      },
    },
    ["start 166eba081abfab86 #7"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b861f4419133360c /send_counts",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:6\n[1] i:4\n[1] i:3\n[1] i:2\n[1] i:2\n[1] i:0\n[1] i:0\n[1] i:0\n[1] i:3\n[1] i:0\n[1] i:0\n[1] i:3\n[1] i:3\n[1] i:3\n[1] i:2\n[1] i:2\n[1] i:2\n[1] \"abcdefcdefbcdefdeabc1231.5a\\0byzyz|\"\nERR 'send' needs between 2 and 4 arguments\nERR 'send' needs between 2 and 4 arguments\nERR bad argument #2 to '?' (string expected, got nil)\nERR bad argument #2 to '?' (string expected, got table)\nERR bad argument #3 to '?' (number expected, got string)\nERR bad argument #4 to '?' (number expected, got string)\nERR bad argument #3 to '?' (number has no integer representation)\n",
            [3] = {
              ["content-length"] = "562",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.mzncPM",
        ["PORT"] = 33787,
      },
    },
    ["start 166eba081abfab86 #8"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b7b3b0ee00e867a2 /send_before_connect",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:6\n[1] i:3\n[2] nil, nil\n[1] i:1\n[1] \"early\"\n[1] \"ore\"\n",
            [3] = {
              ["content-length"] = "59",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.KwZHR4",
        ["PORT"] = 46845,
      },
    },
    ["start 166eba081abfab86 #9"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 387a05739b255676 /receive_lines",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] \"line1\"\n[1] \"line2\"\n[1] \"line3\\13\"\n[1] \"mid\\13dle\"\n[1] \"\"\n[1] \"\"\n[1] \"PFX:A\"\n[1] \"abcde\"\n[1] \"fg\"\n[1] \"h\"\n[1] \"\"\n[1] \"P\"\n[1] \"\"\n[2] nil, \"connection closed.\"\n[1] \"P\"\n[2] nil, \"connection closed.\"\n",
            [3] = {
              ["content-length"] = "208",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.u76bfd",
        ["PORT"] = 39689,
      },
    },
    ["start 29e9847a19dfa513 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b139e002826b4b62 /task",
          ["r"] = {
            [1] = 200,
            [2] = "[1] i:1\n[1] i:10\n[1] \"GET KEY1\"\n[1] i:14\n[1] \"SET KEY2 V\\0X\"\n[1] i:2\n[1] \"\"\n[1] i:6\n[1] \"QUIT\"\n[1] i:1\n[1] \"127.0.0.1:<tls>\"\n[1] i:7\n[1] \"secret\"\n[1] i:4\n[1] \"x\\0y\"\n[1] i:1\n[2] i:9, \"str port\"\n[2] nil, \"Can't connect\"\n[1] i:-1\n[2] nil, \"connection closed.\"\n[2] nil, \"Can't connect\"\n[2] nil, \"Can't connect\"\n[1] i:1\n[1] i:6\n[2] nil, \"connection closed.\"\n",
            [3] = {
              ["content-length"] = "353",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.jSmBNs",
        ["PORT"] = 37185,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
