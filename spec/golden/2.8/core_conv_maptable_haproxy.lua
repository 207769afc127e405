-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/core_conv_maptable_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 50471f7f6afb582c #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55d73870a2696db1 /p",
          ["r"] = {
            [1] = 200,
            [2] = "has=\"table_glitch_cnt:nil table_glitch_rate:nil table_inc_gpc:nil table_inc_gpc0:nil table_inc_gpc1:nil table_clr_gpc:nil table_clr_gpc0:nil table_clr_gpc1:nil\"\ngl1=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl2=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl3=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl4=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl5=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl6=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl7=ERR \"attempt to call a nil value (method 'table_glitch_rate')\"\ngl8=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\ngl9=ERR \"attempt to call a nil value (method 'table_glitch_cnt')\"\nin1=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin2=ERR \"attempt to call a nil value (method 'table_clr_gpc0')\"\nin3=ERR \"attempt to call a nil value (method 'table_inc_gpc1')\"\nin4=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin5=ERR \"attempt to call a nil value (method 'table_clr_gpc1')\"\nin6=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nin7=ERR \"attempt to call a nil value (method 'table_clr_gpc')\"\nin8=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nin9=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin10=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nin11=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin12=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin13=ERR \"attempt to call a nil value (method 'table_inc_gpc0')\"\nin14=ERR \"attempt to call a nil value (method 'table_inc_gpc1')\"\nbad1=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nbad2=ERR \"attempt to call a nil value (method 'table_inc_gpc')\"\nbad3=ERR \"attempt to call a nil value (method 'table_clr_gpc0')\"\nbad4=ERR \"attempt to call a nil value (method 'table_inc_gpc1')\"\nbad5=ERR \"attempt to call a nil value (method 'table_clr_gpc1')\"\nold1=ERR \"bad argument #2 to 'table_gpc0' (string expected)\"\nold2=nil nil nil\nold3=integer:0 nil integer:0 nil integer:0 integer:0 nil\nold4=ERR \"bad argument #1 to 'be_conn' (string expected)\"\nold5=ERR \"bad argument #1 to 'srv_conn' (string expected)\"\nold6=ERR \"bad argument #1 to 'http_auth' (string expected)\"\nold7=ERR \"bad argument #1 to 'fe_conn' (string expected)\"\nbad6=ERR \"attempt to call a nil value (method 'table_clr_gpc')\"\n",
            [3] = {
              ["content-length"] = "2410",
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
        ["DIR"] = "/tmp/proxylua-spec.KqNlFL",
        ["PORT"] = 45167,
      },
    },
    ["start 5e3887565a4e4391 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55d73870a2696db1 /p",
          ["r"] = {
            [1] = 200,
            [2] = "has=\"map_str_key:nil map_beg_key:nil map_dir_key:nil map_dom_key:nil map_end_key:nil map_int_key:nil map_ip_key:nil map_reg_key:nil map_sub_key:nil\"\nstr=ERR \"attempt to call a nil value (method 'map_str_key')\"\nbeg=ERR \"attempt to call a nil value (method 'map_beg_key')\"\ndir=ERR \"attempt to call a nil value (method 'map_dir_key')\"\ndom=ERR \"attempt to call a nil value (method 'map_dom_key')\"\nend=ERR \"attempt to call a nil value (method 'map_end_key')\"\nint=ERR \"attempt to call a nil value (method 'map_int_key')\"\nip=ERR \"attempt to call a nil value (method 'map_ip_key')\"\nreg=ERR \"attempt to call a nil value (method 'map_reg_key')\"\nsub=ERR \"attempt to call a nil value (method 'map_sub_key')\"\nmiss=ERR \"attempt to call a nil value (method 'map_str_key')\"\nnofile=ERR \"attempt to call a nil value (method 'map_str_key')\"\nsc=ERR \"attempt to call a nil value (method 'map_ip_key')\"\nnoarg=ERR \"attempt to call a nil value (method 'map_str_key')\"\nintarg=ERR \"attempt to call a nil value (method 'map_dom_key')\"\nextra=ERR \"attempt to call a nil value (method 'map_beg_key')\"\nbadin=ERR \"attempt to call a nil value (method 'map_int_key')\"\nold1=ERR \"error in arguments\"\nold2=ERR \"error in arguments\"\nold3=ERR \"bad argument #4 to 'map_str' (Last argument expected)\"\nold4=ERR \"bad argument #3 to 'map_str_int' (integer expected)\"\nold5=ERR \"error in arguments\"\nold6=ERR \"bad argument #2 to 'map_ip' (unable to duplicate string arg)\"\nold7=ERR \"bad argument #2 to 'map' (Mandatory argument expected)\"\n",
            [3] = {
              ["content-length"] = "1490",
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
        ["DIR"] = "/tmp/proxylua-spec.NmBoFB",
        ["PORT"] = 32783,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
