-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/versions_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 1c2568e9732c1cb7 #1"] = {
      ["events"] = {},
      ["failed"] = "haproxy did not start listening on 38961:\n[NOTICE]   (20138) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (20138) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (20138) : config : parsing [haproxy.cfg:4] : unknown keyword 'tune.lua.bool-sample-conversion' in 'global' section; did you mean 'tune.lua.session-timeout' maybe ?\n[ALERT]    (20138) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (20138) : config : Fatal errors found in configuration.\n\nconfig:\nglobal\n    lua-prepend-path /work/wt/fix13b/build/5.4/?.lua\n    lua-prepend-path /work/wt/fix13b/build/5.4/?.so cpath\n    tune.lua.bool-sample-conversion normal\n    lua-load /tmp/proxylua-spec.n0li0L/t.lua\ndefaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\nfrontend fe\n    bind 127.0.0.1:38961\n    log global\n    http-request return status 200 content-type text/plain lf-string \"%[lua.f_true] %[lua.f_false] %[bool(1),lua.c_type] %[always_true,lua.c_type] %[lua.f_true,lua.c_type] %[int(7),lua.c_type]\" if { path /samples }\n    http-request lua.lg if { path /log }\n",
    },
    ["start a6ff8cb9358ed29c #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http e27965d2e6c540d3 /log",
          ["r"] = {
            [1] = 200,
            [2] = "ok",
            [3] = {
              ["content-length"] = "2",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "Connect from 127.0.0.1:36520 to 127.0.0.1:41749 (fe/HTTP)\nbools=number:1 number:1\n[info] 339/202458 (20252) : bools=number:1 number:1\ncore-line\n[info] 339/202458 (20252) : core-line\ntxn-line\n[info] 339/202458 (20252) : txn-line\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.fKnqVm",
        ["PORT"] = 41749,
      },
    },
    ["start c42027ff450ba178 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http e27965d2e6c540d3 /log",
          ["r"] = {
            [1] = 200,
            [2] = "ok",
            [3] = {
              ["content-length"] = "2",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "Connect from 127.0.0.1:53080 to 127.0.0.1:35019 (fe/HTTP)\nbools=number:1 number:1\ncore-line\ntxn-line\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Z2GeLF",
        ["PORT"] = 35019,
      },
    },
    ["start daad2202540b1945 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http e27965d2e6c540d3 /log",
          ["r"] = {
            [1] = 200,
            [2] = "ok",
            [3] = {
              ["content-length"] = "2",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "Connect from 127.0.0.1:46426 to 127.0.0.1:35703 (fe/HTTP)\n[info] 339/202458 (20175) : bools=number:1 number:1\n[info] 339/202458 (20175) : core-line\n[info] 339/202458 (20175) : txn-line\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.q6geC3",
        ["PORT"] = 35703,
      },
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
            [1] = "HTTP/1.1 204 No Content\13\nconnection: close\13\n\13\n<after: closed>",
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
            [1] = "HTTP/1.1 302 Found\13\nlocation: /x\13\ncontent-length: 0\13\n\13\n<after: timeout>",
            ["n"] = 1,
          },
        },
        [9] = {
          ["key"] = "raw b9f752e25909f433 tcp",
          ["r"] = {
            [1] = "recv5=true \"hello\"\nrecv_timeout=false \"The 'recv' function requires between 1 and 2 arguments.\"\ntry=false \"attempt to call a nil value (method 'try_receive')\"\ngetline=true \" world\\\n\"\n",
            ["n"] = 1,
          },
        },
        [10] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "R|body.core=\"add_acl:function del_acl:function del_map:function set_map:function get_info:function now:function http_date:function imf_date:function rfc850_date:function asctime_date:function msleep:function sleep:function yield:function wait:nil done:function log:function Debug:function Info:function Warning:function Alert:function register_action:function register_cli:function register_converters:function register_fetches:function register_filter:function register_init:function register_service:function register_task:function set_nice:function tcp:function httpclient:function concat:function tokenize:function parse_addr:function match_addr:function get_var:function queue:function event_sub:function disable_legacy_mailers:function get_patref:nil silent:number proxies:table frontends:table backends:table thread:number emerg:number alert:number crit:number err:number warning:number notice:number info:number debug:number\"\nR|body.globals=\"core:table act:table filter:table Map:table Regex:table CertCache:table Queue:nil Patref:nil EventSub:nil txn:nil applet:nil Concat:nil Socket:nil HTTPClient:nil\"\nR|body.silent=integer:-1\nR|body.log_silent=ERR \"bad argument #1 to 'log' (Invalid loglevel.)\"\nR|body.task_none=ERR \"register_task: <func> argument is required\"\nR|body.task_5=ERR \"register_task: no more that 4 optional arguments may be provided\"\nR|body.task_4=\nR|body.get_var=\"pval\"\nR|body.get_var_txn=ERR \"'get_var': Only 'proc.' scope allowed to be retrieved in 'core.get_var()'.\"\nR|body.get_var_none=ERR \"'get_var' needs 1 arguments\"\nR|body.wait=ERR \"attempt to call a nil value (field 'wait')\"\nR|body.queue=\"table\" integer:2 integer:1 integer:1 \"two\" nil integer:0 \"push:function pop:function pop_wait:function size:function alarm:nil\" true\nR|body.queue_push_nil=ERR \"unexpected argument\"\nR|body.event_sub_bad=ERR \"bad argument #1 to 'event_sub' ('NOPE' event type is unknown)\"\nR|body.event_sub=\"table\" \"HAProxy class EventSub\" \"unsub:function\"\nR|body.httpclient=\"nil\"\nR|body.patref=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|body.concat=\"add:function dump:function\"\n[NOTICE]   (19377) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (19377) : path to executable is /work/haproxy-builds/3.0/haproxy\n[WARNING]  (19377) : hlua: use of proxy 'name' attribute is deprecated and will eventually be removed, please use get_name() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 41, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 38, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:25: in upvalue 'T', /tmp/proxylua-spec.76eMf9/t.lua:105: in function line 102\n[WARNING]  (19377) : hlua: use of proxy 'uuid' attribute is deprecated and will eventually be removed, please use get_uuid() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 41, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 38, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:25: in upvalue 'T', /tmp/proxylua-spec.76eMf9/t.lua:105: in function line 102\nR|init.proxy=\"get_name:function get_uuid:function get_srv_act:function get_srv_bck:function get_mailers:function pause:function resume:function stop:function shut_bcksess:function get_cap:function get_mode:function get_stats:function name:string uuid:string servers:table stktable:nil listeners:table\"\n[WARNING]  (19377) : hlua: use of server 'name' attribute is deprecated and will eventually be removed, please use get_name() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 41, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 38, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:25: in upvalue 'T', /tmp/proxylua-spec.76eMf9/t.lua:106: in function line 102\n[WARNING]  (19377) : hlua: use of server 'puid' attribute is deprecated and will eventually be removed, please use get_puid() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 41, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:41: in function line 38, [C]: in global 'pcall', /tmp/proxylua-spec.76eMf9/t.lua:25: in upvalue 'T', /tmp/proxylua-spec.76eMf9/t.lua:106: in function line 102\nR|init.server=\"get_name:function get_puid:function get_rid:function is_draining:function is_backup:function is_dynamic:function get_cur_sess:function get_pend_conn:function set_maxconn:function get_maxconn:function set_weight:function get_weight:function set_addr:function get_addr:function get_stats:function get_proxy:function shut_sess:function set_drain:function set_maint:function set_ready:function check_enable:function check_disable:function check_force_up:function check_force_nolb:function check_force_down:function agent_enable:function agent_disable:function agent_force_up:function agent_force_down:function tracking:function get_trackers:function event_sub:function name:string puid:string\"\nR|init.proxy_get=\"be\" \"2\" \"number\" \"number\" \"nil\"\nR|init.proxy_old=\"be\" \"2\"\nR|init.server_get=\"s1\" \"1\" \"0\" false false integer:0 integer:0 nil \"table\" \"be\"\nR|init.server_old=\"s1\" \"1\"\nR|init.draining=\"boolean\" false\nR|init.register=\nR|init.get_var=\"pval\"\nR|init.server_event_sub=\"table\"\nR|init.patref=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|init.patref_edit=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|init.patref_unknown=ERR \"attempt to call a nil value (field 'get_patref')\"\nR|task.args=integer:4 \"a\" integer:2 true {k=\"v\"}\nR|task.alarm=ERR \"attempt to call a nil value (method 'alarm')\"\n[WARNING]  (19377) : Server evbe/e1 is going DOWN for maintenance. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\n[ALERT]    (19377) : backend 'evbe' has no server available!\nR|event.01=\"1 set_maint\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.02=\"1 set_maint\" \"server\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.03=\"1 set_maint\" \"core\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.04=\"1 set_maint\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is UP/READY (leaving forced maintenance).\nR|event.05=\"3 set_ready\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.06=\"3 set_ready\" \"server\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.07=\"3 set_ready\" \"core\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.08=\"3 set_ready\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\nR|task.wait=ERR \"attempt to call a nil value (field 'wait')\"\n[WARNING]  (19377) : Server evbe/e1 enters drain state. 0 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\n[ALERT]    (19377) : backend 'evbe' has no server available!\nR|event.09=\"4 set_drain\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is going DOWN for maintenance. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\nR|event.10=\"5 set_maint\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.11=\"5 set_maint\" \"server\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.12=\"5 set_maint\" \"core\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.13=\"5 set_maint\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\nR|event.14=\"5 set_maint\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|act.txn=\"set_fc_tos:function set_fc_mark:function set_tos:function set_mark:function set_var:function get_var:function unset_var:function set_priv:function get_priv:function done:function reply:function log:function set_loglevel:function set_priority_class:function set_priority_offset:function deflog:function Debug:function Info:function Warning:function Alert:function get_priv:function\"\nR|act.http=\"req_get_headers:function res_get_headers:function req_add_header:function req_set_header:function req_del_header:function req_rep_header:function req_rep_value:function req_set_method:function req_set_path:function req_set_query:function req_set_uri:function res_set_status:function res_add_header:function\"\nR|act.http_msg=\"nil\" \"nil\"\nR|act.fc=nil\nR|act.bool_fetch=\"number\" integer:1\nR|act.bool_conv=\"number\" integer:1\nR|act.bool_var=\"number\" integer:1 integer:1\nR|act.get_var=\"pval\"\nR|act.wait=ERR \"attempt to call a nil value (field 'wait')\"\nR|act.reply=\"set_status:function add_header:function del_header:function set_body:function\"\nR|act.httpclient=integer:200 integer:200\nR|act.patref=ERR \"attempt to call a nil value (field 'get_patref')\"\n[WARNING]  (19377) : Server evbe/e1 is UP/READY (leaving forced maintenance).\nR|event.15=\"6 set_ready\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.16=\"6 set_ready\" \"server\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.17=\"6 set_ready\" \"core\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.18=\"6 set_ready\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is DOWN, changed from Lua script. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\n[ALERT]    (19377) : backend 'evbe' has no server available!\nR|event.19=\"7 check_force_down\" \"server\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.20=\"7 check_force_down\" \"core\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.21=\"7 check_force_down\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=false,cause=\"changed from Lua script\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is stopping, changed from Lua script. 0 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\nR|event.22=\"8 check_force_nolb\" \"server\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.23=\"8 check_force_nolb\" \"core\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.24=\"8 check_force_nolb\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=false,cause=\"changed from Lua script\",new_state=\"STOPPING\",old_state=\"STOPPED\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is UP, changed from Lua script. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\nR|event.25=\"9 check_force_up\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=false,cause=\"changed from Lua script\",new_state=\"RUNNING\",old_state=\"STOPPING\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 enters drain state. 0 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\n[ALERT]    (19377) : backend 'evbe' has no server available!\nR|event.26=\"10 set_drain\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is DOWN, changed from Lua script. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\nR|event.27=\"11 check_force_down\" \"server\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.28=\"11 check_force_down\" \"core\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.29=\"11 check_force_down\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=false,cause=\"changed from Lua script\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is DOWN (leaving forced drain).\nR|event.30=\"12 set_ready\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is UP, changed from Lua script. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\nR|event.31=\"13 check_force_up\" \"server\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.32=\"13 check_force_up\" \"core\" \"SERVER_UP\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.33=\"13 check_force_up\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=false,cause=\"changed from Lua script\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is going DOWN for maintenance. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\n[ALERT]    (19377) : backend 'evbe' has no server available!\nR|event.34=\"unsub server\" \"core\" \"SERVER_ADMIN\" {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.35=\"unsub server\" \"core\" \"SERVER_DOWN\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0} \"HAProxy class EventSub\" \"integer\"\nR|event.36=\"unsub server\" \"core\" \"SERVER_STATE\" {name=\"e1\",proxy_name=\"evbe\",proxy_uuid=true,puid=integer:1,reference=\"e1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} \"HAProxy class EventSub\" \"integer\"\n[WARNING]  (19377) : Server evbe/e1 is UP/READY (leaving forced maintenance).\nR|event.steps=integer:36\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.76eMf9",
        ["PORT"] = 43245,
        ["PORT1"] = 39013,
        ["PORT2"] = 40875,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
