-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/core_conv_maptable_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 44db15637f88e286 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55d73870a2696db1 /p",
          ["r"] = {
            [1] = 200,
            [2] = "has=\"table_glitch_cnt:function table_glitch_rate:function table_inc_gpc:function table_inc_gpc0:function table_inc_gpc1:function table_clr_gpc:function table_clr_gpc0:function table_clr_gpc1:function\"\ngl1=integer:0 integer:0\ngl2=integer:0 integer:0\ngl3=nil nil\ngl4=integer:0 integer:0\ngl5=ERR \"bad argument #2 to 'table_glitch_cnt' (table doesn't exist)\"\ngl6=ERR \"bad argument #2 to 'table_glitch_cnt' (Mandatory argument expected)\"\ngl7=ERR \"bad argument #2 to 'table_glitch_rate' (string expected)\"\ngl8=ERR \"bad argument #3 to 'table_glitch_cnt' (Last argument expected)\"\ngl9=\"0\"\nin1=integer:1 integer:2 integer:2\nin2=integer:2 integer:0 integer:0\nin3=integer:1 integer:1 integer:0\nin4=integer:0 integer:1 integer:1 integer:1\nin5=integer:0 integer:1\nin6=integer:1 integer:2 integer:2 integer:2\nin7=integer:2 integer:0 integer:2\nin8=integer:0 nil integer:0 nil integer:1 integer:1\nin9=integer:1 integer:1 integer:1 integer:1 integer:1 integer:0\nin10=integer:0 nil\nin11=integer:1 integer:2 integer:2 nil\nin12=integer:0 nil integer:1 integer:0\nin13=integer:0 integer:0 integer:0\nin14=\"1\" \"\"\nbad1=ERR \"bad argument #2 to 'table_inc_gpc' (integer expected)\"\nbad2=ERR \"bad argument #3 to 'table_inc_gpc' (Mandatory argument expected)\"\nbad3=ERR \"bad argument #2 to 'table_clr_gpc0' (table doesn't exist)\"\nbad4=ERR \"bad argument #2 to 'table_inc_gpc1' (Mandatory argument expected)\"\nbad5=ERR \"bad argument #3 to 'table_clr_gpc1' (Last argument expected)\"\nold1=ERR \"bad argument #2 to 'table_gpc0' (string expected)\"\nold2=integer:0 integer:0 nil\nold3=integer:0 nil integer:0 integer:0 integer:0 integer:0 nil\nold4=ERR \"bad argument #1 to 'be_conn' (string expected)\"\nold5=ERR \"bad argument #1 to 'srv_conn' (string expected)\"\nold6=ERR \"bad argument #1 to 'http_auth' (string expected)\"\nold7=ERR \"bad argument #1 to 'fe_conn' (string expected)\"\nbad6=ERR \"bad argument #3 to 'table_clr_gpc' (string expected)\"\n",
            [3] = {
              ["content-length"] = "1900",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (15970) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (15970) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (15970) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.5RjYBn",
        ["PORT"] = 39027,
      },
    },
    ["start 5e3887565a4e4391 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 55d73870a2696db1 /p",
          ["r"] = {
            [1] = 200,
            [2] = "has=\"map_str_key:function map_beg_key:function map_dir_key:function map_dom_key:function map_end_key:function map_int_key:function map_ip_key:function map_reg_key:function map_sub_key:function\"\nstr=ERR \"error in arguments: map: cannot load map at runtime\"\nbeg=ERR \"error in arguments: map: cannot load map at runtime\"\ndir=ERR \"error in arguments: map: cannot load map at runtime\"\ndom=ERR \"error in arguments: map: cannot load map at runtime\"\nend=ERR \"error in arguments: map: cannot load map at runtime\"\nint=ERR \"error in arguments: map: cannot load map at runtime\"\nip=ERR \"error in arguments: map: cannot load map at runtime\"\nreg=ERR \"error in arguments: map: cannot load map at runtime\"\nsub=ERR \"error in arguments: map: cannot load map at runtime\"\nmiss=ERR \"error in arguments: map: cannot load map at runtime\"\nnofile=ERR \"error in arguments: map: cannot load map at runtime\"\nsc=ERR \"error in arguments: map: cannot load map at runtime\"\nnoarg=ERR \"bad argument #2 to 'map_str_key' (Mandatory argument expected)\"\nintarg=ERR \"bad argument #2 to 'map_dom_key' (unable to duplicate string arg)\"\nextra=ERR \"bad argument #3 to 'map_beg_key' (Last argument expected)\"\nbadin=ERR \"error in arguments: map: cannot load map at runtime\"\nold1=ERR \"error in arguments: map: cannot load map at runtime\"\nold2=ERR \"error in arguments: map: cannot load map at runtime\"\nold3=ERR \"bad argument #4 to 'map_str' (Last argument expected)\"\nold4=ERR \"bad argument #3 to 'map_str_int' (integer expected)\"\nold5=ERR \"error in arguments: map: cannot load map at runtime\"\nold6=ERR \"bad argument #2 to 'map_ip' (unable to duplicate string arg)\"\nold7=ERR \"bad argument #2 to 'map' (Mandatory argument expected)\"\n",
            [3] = {
              ["content-length"] = "1683",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (15898) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (15898) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (15898) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.SG1Qj7",
        ["PORT"] = 39257,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
