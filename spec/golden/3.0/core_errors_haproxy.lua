-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_errors_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 825f8147705d0342 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 5ab4907d11590814 /a_err",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 7df63418fecd0f2e /errnum",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http c57b453392be5f65 /err_runtime",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http f668a9914c18513c /errlevel2",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 096ef71f9652d99a /errapi",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http 74f98d7793c19fd3 /errmethod",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http ca8288cd7c7b991e /errtail",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [8] = {
          ["key"] = "http fd2ee8d164360457 /errtab",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [9] = {
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
        [10] = {
          ["key"] = "http 619153db8647cbdb /other",
          ["r"] = {
            [1] = 200,
            [2] = "f= s= c= d=",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [11] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[ALERT]    (24531) : Lua function 'a_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:2: aboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:2: in function line 1.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'errnum': [state-id 0] runtime error: 42 from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:4: in function line 4.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'err_runtime': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:7: attempt to index a nil value (local 'x') from /tmp/proxylua-spec.emLwAJ/t.lua:7: in function line 5.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'errlevel2': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:9: lvl2 from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:9: in local 'f', /tmp/proxylua-spec.emLwAJ/t.lua:9: in function line 9.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'errapi': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:11: 'info' needs 1 arguments from [C]: in field 'Info', /tmp/proxylua-spec.emLwAJ/t.lua:11: in function line 10.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'errmethod': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:14: 'set_var' needs between 3 and 4 arguments from [C]: in method 'set_var', /tmp/proxylua-spec.emLwAJ/t.lua:14: in function line 13.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'errtail': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:17: bad argument #1 to 'int' (integer expected) from [C]: in method 'int', /tmp/proxylua-spec.emLwAJ/t.lua:17: in function line 16.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua function 'errtab': [state-id 0] unknown runtime error from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:19: in function line 19.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n[ALERT]    (24531) : Lua applet http '<lua.s_err>': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:24: sboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:24: in function line 24.\n[ALERT]    (24531) : Lua sample-fetch 'f_err': [state-id 0] runtime error: fboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:20: in function line 20.\n[ALERT]    (24531) : Lua sample-fetch 'f_sleep': yield not allowed.\n[ALERT]    (24531) : Lua converter 'c_err': [state-id 0] runtime error: /tmp/proxylua-spec.emLwAJ/t.lua:22: cboom from [C]: in global 'error', /tmp/proxylua-spec.emLwAJ/t.lua:22: in function line 22.\n[ALERT]    (24531) : Lua converter 'c_sleep': yield functions like core.tcp() or core.sleep() are not allowed.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.emLwAJ",
        ["PORT"] = 45587,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
