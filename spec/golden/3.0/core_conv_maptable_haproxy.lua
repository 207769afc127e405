-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_conv_maptable_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 44db15637f88e286 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55d73870a2696db1 /p",
          ["r"] = {
            [1] = 200,
            [2] = "has=\"table_glitch_cnt:function table_glitch_rate:function table_inc_gpc:nil table_inc_gpc0:nil table_inc_gpc1:nil table_clr_gpc:nil table_clr_gpc0:nil table_clr_gpc1:nil\"\ngl1=integer:0 integer:0\ngl2=integer:0 integer:0\ngl3=nil nil\ngl4=integer:0 nil\ngl5=ERR \"bad argument #2 to 'table_glitch_cnt' (table doesn't exist)\"\ngl6=ERR \"bad argument #2 to 'table_glitch_cnt' (Mandatory argument expected)\"\ngl7=ERR \"bad argument #2 to 'table_glitch_rate' (string expected)\"\ngl8=ERR \"bad argument #3 to 'table_glitch_cnt' (Last argument expected)\"\ngl9=\"0\"\nin1=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin2=ERR \"attempt to call a nil value (method 'table_clr_gpc0')\"\nin3=ERR \"attempt to call a nil value (method 'table_inc_gpc1')\"\nin4=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin5=ERR \"attempt to call a nil value (method 'table_clr_gpc1')\"\nin6=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nin7=ERR \"attempt to call a nil value (method 'table_clr_gpc')\"\nin8=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nin9=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin10=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nin11=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin12=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin13=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin14=ERR \"attempt to call a nil value (method 'table_inc_gpc1')\"\nbad1=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nbad2=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nbad3=ERR \"attempt to call a nil value (method 'table_clr_gpc0')\"\nbad4=ERR \"attempt to call a nil value (method 'table_inc_gpc1')\"\nbad5=ERR \"attempt to call a nil value (method 'table_clr_gpc1')\"\nold1=ERR \"bad argument #2 to 'table_gpc0' (string expected)\"\nold2=nil nil nil\nold3=integer:0 nil integer:0 nil integer:0 integer:0 nil\nold4=ERR \"bad argument #1 to 'be_conn' (string expected)\"\nold5=ERR \"bad argument #1 to 'srv_conn' (string expected)\"\nold6=ERR \"bad argument #1 to 'http_auth' (string expected)\"\nold7=ERR \"bad argument #1 to 'fe_conn' (string expected)\"\nbad6=ERR \"attempt to call a nil value (method 'table_clr_gpc')\"\n",
            [3] = {
              ["content-length"] = "2199",
            },
            [4] = "",
            ["n"] = 4,
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
        ["DIR"] = "/tmp/proxylua-spec.zRikvR",
        ["PORT"] = 35251,
      },
    },
    ["start 5e3887565a4e4391 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55d73870a2696db1 /p",
          ["r"] = {
            [1] = 200,
            [2] = "has=\"map_str_key:function map_beg_key:function map_dir_key:function map_dom_key:function map_end_key:function map_int_key:function map_ip_key:function map_reg_key:function map_sub_key:function\"\nstr=ERR \"error in arguments\"\nbeg=ERR \"error in arguments\"\ndir=ERR \"error in arguments\"\ndom=ERR \"error in arguments\"\nend=ERR \"error in arguments\"\nint=ERR \"error in arguments\"\nip=ERR \"error in arguments\"\nreg=ERR \"error in arguments\"\nsub=ERR \"error in arguments\"\nmiss=ERR \"error in arguments\"\nnofile=ERR \"error in arguments\"\nsc=ERR \"error in arguments\"\nnoarg=ERR \"bad argument #2 to 'map_str_key' (Mandatory argument expected)\"\nintarg=ERR \"bad argument #2 to 'map_dom_key' (unable to duplicate string arg)\"\nextra=ERR \"bad argument #3 to 'map_beg_key' (Last argument expected)\"\nbadin=ERR \"error in arguments\"\nold1=ERR \"error in arguments\"\nold2=ERR \"error in arguments\"\nold3=ERR \"bad argument #4 to 'map_str' (Last argument expected)\"\nold4=ERR \"bad argument #3 to 'map_str_int' (integer expected)\"\nold5=ERR \"error in arguments\"\nold6=ERR \"bad argument #2 to 'map_ip' (unable to duplicate string arg)\"\nold7=ERR \"bad argument #2 to 'map' (Mandatory argument expected)\"\n",
            [3] = {
              ["content-length"] = "1155",
            },
            [4] = "",
            ["n"] = 4,
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
        ["DIR"] = "/tmp/proxylua-spec.qBs0Z7",
        ["PORT"] = 43073,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
