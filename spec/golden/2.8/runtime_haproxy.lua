-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/runtime_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 2b5aa24d6513fbf8 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw 0214a156851ef287 spin",
          ["r"] = {
            [1] = 3.5192640000000002,
            ["n"] = 1,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.uery24",
        ["PORT"] = 42293,
      },
    },
    ["start 6271cc487b3915e2 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw dadee62f7ecc995c cli",
          ["r"] = {
            [1] = "before\n\n",
            ["n"] = 1,
          },
        },
        [2] = {
          ["key"] = "raw 926388c9b3ee9d45 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "raw 40b72871afa2cae1 cli",
          ["r"] = {
            [1] = "args:hello,a,b\n\n",
            ["n"] = 1,
          },
        },
        [4] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[ALERT]    (14505) : Lua converter '<lua.cli.spin>': execution timeout.\n[ALERT]    (14505) : Lua cli '<lua.cli.boom>': [state-id 0] runtime error: /tmp/proxylua-spec.McYQ0b/t.lua:2: cliboom from [C]: in global 'error', /tmp/proxylua-spec.McYQ0b/t.lua:2: in function line 2.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.McYQ0b",
        ["PORT"] = 40351,
      },
    },
    ["start 9fc70f2842d44fe3 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 59a8bd3667eeffc2 /a_mem",
          ["r"] = {
            [1] = 200,
            [2] = "r=",
            [3] = {
              ["content-length"] = "2",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 8537d336d243b2f9 /a_memrep",
          ["r"] = {
            [1] = 200,
            [2] = "r=",
            [3] = {
              ["content-length"] = "2",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http edfbea8eadea273c /a_pcallrep",
          ["r"] = {
            [1] = 200,
            [2] = "r=false,not enough memory",
            [3] = {
              ["content-length"] = "25",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http d329f366eba7c6f8 /f_memtab",
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
        [5] = {
          ["key"] = "http 98d746ecb7d18334 /s_mem",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http 389a1d0f657da4bf /a_ok",
          ["r"] = {
            [1] = 200,
            [2] = "r=ok",
            [3] = {
              ["content-length"] = "4",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[ALERT]    (13312) : Lua function 'a_mem': out of memory error.\n[ALERT]    (13312) : Lua function 'a_memrep': out of memory error.\n[ALERT]    (13312) : Lua sample-fetch 'f_memtab': out of memory error.\n[ALERT]    (13312) : Lua applet http '<lua.s_mem>': out of memory error.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Pquoy5",
        ["PORT"] = 35073,
      },
    },
    ["start a46a6eb9846c3940 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 99bbbca9b1307592 /ctx",
          ["r"] = {
            [1] = 200,
            [2] = "f= y=after-yield p= c= cy=x! sf= sc=",
            [3] = {
              ["content-length"] = "36",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http d7ff3e536571621b /usercoro",
          ["r"] = {
            [1] = 200,
            [2] = "r=co-done,y out=",
            [3] = {
              ["content-length"] = "16",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http e70818b804dcf9b1 /pcall",
          ["r"] = {
            [1] = 200,
            [2] = "r= out=true,nil|true,inner-done|true,inner-done|true,meta|false,attempt to yield across a C-call boundary",
            [3] = {
              ["content-length"] = "105",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 5ab4907d11590814 /a_err",
          ["r"] = {
            [1] = 200,
            [2] = "r= out=",
            [3] = {
              ["content-length"] = "7",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 4fe9c5aafdecede6 /s_err",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http fc610e3259f2b122 /s_errmid",
          ["r"] = {
            [1] = 200,
            [2] = "part",
            [3] = {
              ["content-length"] = "100",
            },
            [4] = "curl: (18) transfer closed with 96 bytes remaining to read\n",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[ALERT]    (12839) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (12839) : Lua sample-fetch 'f_pcall_sleep': yield not allowed.\n[ALERT]    (12839) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (12839) : Lua sample-fetch 'f_sockconn': yield not allowed.\n[ALERT]    (12839) : Lua converter 'c_sockconn': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (12839) : Lua function 'a_err': [state-id 0] runtime error: /tmp/proxylua-spec.D3Sktp/t.lua:35: aboom from [C]: in global 'error', /tmp/proxylua-spec.D3Sktp/t.lua:35: in function line 35.\n[ALERT]    (12839) : Lua applet http '<lua.s_err>': [state-id 0] runtime error: /tmp/proxylua-spec.D3Sktp/t.lua:36: sboom from [C]: in global 'error', /tmp/proxylua-spec.D3Sktp/t.lua:36: in function line 36.\n[ALERT]    (12839) : Lua applet http '<lua.s_errmid>': [state-id 0] runtime error: /tmp/proxylua-spec.D3Sktp/t.lua:42: late from [C]: in global 'error', /tmp/proxylua-spec.D3Sktp/t.lua:42: in function line 37.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.D3Sktp",
        ["PORT"] = 40371,
      },
    },
    ["start d26d04cda96bf310 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw 0214a156851ef287 spin",
          ["r"] = {
            [1] = 2.7372770000000002,
            ["n"] = 1,
          },
        },
        [2] = {
          ["key"] = "raw 258914b06454b7fc block",
          ["r"] = {
            [1] = 0.43793100000000001,
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.5HMjhP",
        ["PORT"] = 36075,
      },
    },
    ["start f1e5d7c2ab610396 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 26aa15757236093b /a_loop",
          ["r"] = {
            [1] = 200,
            [2] = "done= first= second=",
            [3] = {
              ["content-length"] = "20",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http eebd8328e2051d0f /a_sleepy",
          ["r"] = {
            [1] = 200,
            [2] = "done=1 first= second=",
            [3] = {
              ["content-length"] = "21",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http a4148ff80ce8e709 /a_pcall",
          ["r"] = {
            [1] = 200,
            [2] = "done= first= second=",
            [3] = {
              ["content-length"] = "20",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 3dc6e28b9a6ac4b9 /s_loop",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 99228563dcc46be3 /s_loopmid",
          ["r"] = {
            [1] = 200,
            [2] = "partial\n",
            [3] = {
              ["transfer-encoding"] = "chunked",
            },
            [4] = "curl: (18) transfer closed with outstanding read data remaining\n",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "raw 6090ab55d19ae4a0 tcp read",
          ["r"] = {
            [1] = "hello\n",
            ["n"] = 1,
          },
        },
        [7] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[ALERT]    (13009) : Lua task: execution timeout.\n[ALERT]    (13009) : Lua function 'a_loop': execution timeout.\n[ALERT]    (13009) : Lua function 'a_pcall': execution timeout.\n[ALERT]    (13009) : Lua applet http '<lua.s_loop>': execution timeout.\n[ALERT]    (13009) : Lua applet http '<lua.s_loopmid>': execution timeout.\n[ALERT]    (13009) : Lua applet tcp '<lua.t_loop>': execution timeout.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.wANUF4",
        ["PORT"] = 41757,
        ["PORT1"] = 43985,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
