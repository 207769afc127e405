-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/versions_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 1c2568e9732c1cb7 #1"] = {
      ["events"] = {},
      ["failed"] = "haproxy did not start listening on 43637:\n[NOTICE]   (18496) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (18496) : path to executable is /usr/sbin/haproxy\n[ALERT]    (18496) : config : parsing [haproxy.cfg:4] : unknown keyword 'tune.lua.bool-sample-conversion' in 'global' section; did you mean 'tune.lua.session-timeout' maybe ?\n[ALERT]    (18496) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (18496) : config : Fatal errors found in configuration.\n\nconfig:\nglobal\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.lua\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.so cpath\n    tune.lua.bool-sample-conversion normal\n    lua-load /tmp/proxylua-spec.aBYL6f/t.lua\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend fe\n    bind 127.0.0.1:43637\n    log global\n    http-request return status 200 content-type text/plain lf-string \"%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]\" if { path /samples }\n    http-request lua.lg if { path /log }\n",
    },
    ["start a6ff8cb9358ed29c #1"] = {
      ["events"] = {},
      ["failed"] = "haproxy did not start listening on 36493:\n[NOTICE]   (18593) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (18593) : path to executable is /usr/sbin/haproxy\n[ALERT]    (18593) : config : parsing [haproxy.cfg:5] : unknown keyword 'tune.lua.log.stderr' in 'global' section; did you mean 'tune.ssl.keylog' maybe ?\n[ALERT]    (18593) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (18593) : config : Fatal errors found in configuration.\n\nconfig:\nglobal\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.lua\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.so cpath\n    log stdout format raw local0\n    tune.lua.log.stderr on\n    lua-load /tmp/proxylua-spec.x7Sad6/t.lua\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend fe\n    bind 127.0.0.1:36493\n    log global\n    http-request return status 200 content-type text/plain lf-string \"%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]\" if { path /samples }\n    http-request lua.lg if { path /log }\n",
    },
    ["start c42027ff450ba178 #1"] = {
      ["events"] = {},
      ["failed"] = "haproxy did not start listening on 33019:\n[NOTICE]   (18621) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (18621) : path to executable is /usr/sbin/haproxy\n[ALERT]    (18621) : config : parsing [haproxy.cfg:5] : unknown keyword 'tune.lua.log.stderr' in 'global' section; did you mean 'tune.ssl.keylog' maybe ?\n[ALERT]    (18621) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (18621) : config : Fatal errors found in configuration.\n\nconfig:\nglobal\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.lua\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.so cpath\n    log stdout format raw local0\n    tune.lua.log.stderr off\n    lua-load /tmp/proxylua-spec.HNk5Xj/t.lua\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend fe\n    bind 127.0.0.1:33019\n    log global\n    http-request return status 200 content-type text/plain lf-string \"%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]\" if { path /samples }\n    http-request lua.lg if { path /log }\n",
    },
    ["start daad2202540b1945 #1"] = {
      ["events"] = {},
      ["failed"] = "haproxy did not start listening on 39301:\n[NOTICE]   (18556) : haproxy version is 2.6.12-1+deb12u4\n[NOTICE]   (18556) : path to executable is /usr/sbin/haproxy\n[ALERT]    (18556) : config : parsing [haproxy.cfg:5] : unknown keyword 'tune.lua.log.loggers' in 'global' section\n[ALERT]    (18556) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (18556) : config : Fatal errors found in configuration.\n\nconfig:\nglobal\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.lua\n    lua-prepend-path /work/wt/fix13b/build/5.3/?.so cpath\n    log stdout format raw local0\n    tune.lua.log.loggers off\n    lua-load /tmp/proxylua-spec.G9kKn6/t.lua\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend fe\n    bind 127.0.0.1:39301\n    log global\n    http-request return status 200 content-type text/plain lf-string \"%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]\" if { path /samples }\n    http-request lua.lg if { path /log }\n",
    },
    ["start eac677d14146822e #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d5aa8d544581455f /probe",
          ["r"] = {
            [1] = 200,
            [2] = "probed\n",
            [3] = {
              ["content-length"] = "7",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 9b20ed1ab3382a58 /samples",
          ["r"] = {
            [1] = 200,
            [2] = "1 0 string:1 string:1 string:1 string:7",
            [3] = {
              ["content-length"] = "39",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "raw 0c777a9f433df8e9 wire",
          ["r"] = {
            [1] = "HTTP/1.1 204 No Content\13\n\13\n<after: timeout>",
            ["n"] = 1,
          },
        },
        [4] = {
          ["key"] = "raw 0c847a9f43488345 wire",
          ["r"] = {
            [1] = "HTTP/1.1 200 OK\13\ncontent-length: 2\13\n\13\nok<after: timeout>",
            ["n"] = 1,
          },
        },
        [5] = {
          ["key"] = "raw 9d82577567190940 wire",
          ["r"] = {
            [1] = "HTTP/1.1 599 Server Error\13\ncontent-length: 0\13\n\13\n<after: timeout>",
            ["n"] = 1,
          },
        },
        [6] = {
          ["key"] = "raw 3f2a7b6ca51f6a1c wire",
          ["r"] = {
            [1] = "HTTP/1.1 418 I'm a teapot\13\ncontent-length: 0\13\n\13\n<after: timeout>",
            ["n"] = 1,
          },
        },
        [7] = {
          ["key"] = "raw 6c766ca5c2165dcc wire",
          ["r"] = {
            [1] = "HTTP/1.1 304 Not Modified\13\ncontent-length: 0\13\n\13\n<after: timeout>",
            ["n"] = 1,
          },
        },
        [8] = {
          ["key"] = "raw 6c7d70a5c21c8346 wire",
          ["r"] = {
            [1] = "HTTP/1.1 302 Moved Temporarily\13\nlocation: /x\13\ncontent-length: 0\13\n\13\n<after: timeout>",
            ["n"] = 1,
          },
        },
        [9] = {
          ["key"] = "raw b9f752e25909f433 tcp",
          ["r"] = {
            [1] = "recv5=true \"hello\"\nrecv_timeout=false \"The 'recv' function requires between 1 and 2 arguments.\"\ntry=false \"attempt to call a nil value (method 'try_receive')\"\ngetline=true \" world\\\n\"\nrest=true \"line2\\\nrest\"\n",
            ["n"] = 1,
          },
        },
        [10] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "R|body.core=\"add_acl:function del_acl:function del_map:function set_map:function get_info:function now:function http_date:function imf_date:function rfc850_date:function asctime_date:function msleep:function sleep:function yield:function wait:nil done:function log:function Debug:function Info:function Warning:function Alert:function register_action:function register_cli:function register_converters:function register_fetches:function register_filter:function register_init:function register_service:function register_task:function set_nice:function tcp:function httpclient:function concat:function tokenize:function parse_addr:function match_addr:function get_var:nil queue:nil event_sub:nil disable_legacy_mailers:nil get_patref:nil silent:nil proxies:nil frontends:nil backends:nil thread:number emerg:number alert:number crit:number err:number warning:number notice:number info:number debug:number\"\nR|body.globals=\"core:table act:table filter:table Map:table Regex:table CertCache:table Queue:nil Patref:nil EventSub:nil txn:nil applet:nil Concat:nil Socket:nil HTTPClient:nil\"\nR|body.silent=nil\nR|body.log_silent=ERR \"bad argument #1 to 'log' (Invalid loglevel.)\"\nR|body.task_none=ERR \"'register_task' needs 1 arguments\"\nR|body.task_5=ERR \"'register_task' needs 1 arguments\"\nR|body.task_4=ERR \"'register_task' needs 1 arguments\"\nR|body.get_var=ERR \"attempt to call a nil value (field 'get_var')\"\nR|body.get_var_txn=ERR \"attempt to call a nil value (field 'get_var')\"\nR|body.get_var_none=ERR \"attempt to call a nil value (field 'get_var')\"\nR|body.wait=ERR \"attempt to call a nil value (field 'wait')\"\nR|body.queue=ERR \"attempt to call a nil value (field 'queue')\"\nR|body.queue_push_nil=ERR \"attempt to call a nil value (field 'queue')\"\nR|body.event_sub_bad=ERR \"attempt to call a nil value (field 'event_sub')\"\nR|body.event_sub=ERR \"attempt to call a nil value (field 'event_sub')\"\nR|body.httpclient=\"nil\"\nR|body.patref=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|body.concat=\"add:function dump:function\"\nR|init.proxy=\"get_name:nil get_uuid:nil get_srv_act:nil get_srv_bck:nil get_mailers:nil pause:function resume:function stop:function shut_bcksess:function get_cap:function get_mode:function get_stats:function name:string uuid:string servers:table stktable:nil listeners:table\"\nR|init.server=\"get_name:nil get_puid:nil get_rid:nil is_draining:function is_backup:nil is_dynamic:nil get_cur_sess:nil get_pend_conn:nil set_maxconn:function get_maxconn:function set_weight:function get_weight:function set_addr:function get_addr:function get_stats:function get_proxy:nil shut_sess:function set_drain:function set_maint:function set_ready:function check_enable:function check_disable:function check_force_up:function check_force_nolb:function check_force_down:function agent_enable:function agent_disable:function agent_force_up:function agent_force_down:function tracking:nil get_trackers:nil event_sub:nil name:string puid:string\"\nR|init.proxy_get=ERR \"attempt to call a nil value (method 'get_name')\"\nR|init.proxy_old=\"be\" \"2\"\nR|init.server_get=ERR \"attempt to call a nil value (method 'get_name')\"\nR|init.server_old=\"s1\" \"1\"\nR|init.draining=\"number\" integer:0\nR|init.register=\nR|init.get_var=ERR \"attempt to call a nil value (field 'get_var')\"\nR|init.server_event_sub=ERR \"attempt to call a nil value (method 'event_sub')\"\nR|init.patref=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|init.patref_edit=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|init.patref_unknown=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|task.alarm=ERR \"attempt to index a nil value (upvalue 'Q')\"\nR|task.wait=ERR \"attempt to call a nil value (field 'wait')\"\nR|act.txn=\"set_fc_tos:nil set_fc_mark:nil set_tos:function set_mark:function set_var:function get_var:function unset_var:function set_priv:function get_priv:function done:function reply:function log:function set_loglevel:function set_priority_class:function set_priority_offset:function deflog:function Debug:function Info:function Warning:function Alert:function get_priv:function\"\nR|act.http=\"req_get_headers:function res_get_headers:function req_add_header:function req_set_header:function req_del_header:function req_rep_header:function req_rep_value:function req_set_method:function req_set_path:function req_set_query:function req_set_uri:function res_set_status:function res_add_header:function\"\nR|act.http_msg=\"nil\" \"nil\"\nR|act.fc=ERR \"attempt to call a nil value (method 'set_fc_tos')\"\nR|act.bool_fetch=\"number\" integer:1\nR|act.bool_conv=\"number\" integer:1\nR|act.bool_var=\"number\" integer:1 integer:1\nR|act.get_var=ERR \"attempt to call a nil value (field 'get_var')\"\nR|act.wait=ERR \"attempt to call a nil value (field 'wait')\"\nR|act.reply=\"set_status:function add_header:function del_header:function set_body:function\"\nR|act.httpclient=integer:200 integer:200\nR|act.patref=ERR \"attempt to call a nil value (field 'get_patref')\"\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.QeAkRw",
        ["PORT"] = 38395,
        ["PORT1"] = 33817,
        ["PORT2"] = 44967,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
