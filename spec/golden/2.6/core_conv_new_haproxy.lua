-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_conv_new_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["run_lua 01f5a416ec3a59db #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 01f5a416ec3a59db",
          ["r"] = {
            [1] = "[NOTICE]   (12078) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (12078) : path to executable is /usr/sbin/haproxy\n[ALERT]    (12078) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-header' rule : failed to parse sample expression <str(a=1),param(a)] b> : unknown converter 'param'.\n[ALERT]    (12078) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 047318ac15a41ed0 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 047318ac15a41ed0",
          ["r"] = {
            [1] = "[NOTICE]   (12092) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (12092) : path to executable is /usr/sbin/haproxy\n[ALERT]    (12092) : config : parsing [haproxy.cfg:13] : error detected while parsing an 'http-request deny' condition : unknown converter 'param' in ACL expression 'str(a=1),param(a)'.\n[ALERT]    (12092) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 496acdc338ab1c36 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 496acdc338ab1c36",
          ["r"] = {
            [1] = "[NOTICE]   (12064) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (12064) : path to executable is /usr/sbin/haproxy\n[ALERT]    (12064) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-var(txn.x)' rule : unknown converter 'param'.\n[ALERT]    (12064) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 52f4181c97e4b216 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 52f4181c97e4b216",
          ["r"] = {
            [1] = "[NOTICE]   (12106) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (12106) : path to executable is /usr/sbin/haproxy\n[ALERT]    (12106) : config : parsing [haproxy.cfg:13] : error detected while parsing ACL 'a' : unknown converter 'param' in ACL expression 'str(a=1),param(a)'.\n[ALERT]    (12106) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (12106) : config : Fatal errors found in configuration.\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["start b49bb5517c7ca792 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "have=\"param=nil/nil,rfc7239_field=nil/nil,rfc7239_is_valid=nil/nil,rfc7239_n2nn=nil/nil,rfc7239_n2np=nil/nil,x509_v_err_str=nil/nil,aes_gcm_enc=nil/nil,ms_ltime=nil/nil,ms_utime=nil/nil,us_ltime=nil/nil,us_utime=nil/nil,rfc7239_nn=nil/nil,rfc7239_np=nil/nil,date=nil/nil,when=nil/nil\"\nnil1=ERR \"attempt to call a nil value (method 'param')\"\nnil2=ERR \"attempt to call a nil value (method 'rfc7239_nn')\"\nnil3=ERR \"attempt to call a nil value (method 'aes_gcm_enc')\"\nnil4=ERR \"attempt to call a nil value (method 'date')\"\nnil5=ERR \"attempt to call a nil value (method 'ms_utime')\"\nnil6=ERR \"attempt to call a nil value (method 'when')\"\n",
            [3] = {
              ["content-length"] = "633",
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
        ["DIR"] = "/tmp/proxylua-spec.ptyxTk",
        ["PORT"] = 36559,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
