-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_kw_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 6bb2c964b6450c1b #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw 8cf4509a9615cbe4 tls curl",
          ["r"] = {
            [1] = "s1=integer:1 \"proxylua.test\" integer:1 \"TLSv1.3\" \"TLS_AES_256_GCM_SHA384\" \"http/1.1\" integer:256 integer:256 integer:0 integer:0 integer:0\ns2=\"/CN=proxylua.test\" \"/CN=proxylua.test\" integer:3 \"1234\" \"ecdsa-with-SHA256\" \"id-ecPublicKey\" \"240101000000Z\" \"340101000000Z\" \"proxylua.test\" integer:289 \"5E65FE3D110FDF7BBCEE7AA4F73EE9364089F75D\"\ns3=nil nil integer:0 nil integer:0 nil integer:0 nil true integer:0 nil\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.v16Qqf",
        ["PORT"] = 34687,
      },
    },
    ["start 6c7d97552155082b #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 49984c9cc7136e69 /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "r1=integer:201 \"1.1\" \"1.1\" \"three\" \"one\" integer:3 \"three\" integer:2\nr2=\"three\" integer:8 integer:42 integer:42 \"10.1.2.3\" \"10.1.2.3\" \"x-multi,x-num,x-ip,set-cookie,x-multi,content-length,content-type\"\nr3=\"1\" integer:2 nil \"1\" integer:1 nil\nr4=\"hello body\" integer:10 integer:10 \"x-multi: one, two\\13\\\nx-num: 42z\\13\\\nx-ip: 10.1.2.3\\13\\\nset-cookie: a=1; Path=/\\13\\\nx-multi: three\\13\\\ncontent-length: 10\\13\\\ncontent-type: text/plain\\13\\\n\\13\\\n\" \"\\7x-multi\\8one, two\\5x-num\\00342z\\4x-ip\\00810.1.2.3\\\nset-cookie\\11a=1; Path=/\\7x-multi\\5three\\14content-length\\00210\\12content-type\\\ntext/plain\\0\\0\"\nr5=integer:0 nil integer:0 nil \"HTTP/1.1\" nil nil nil\nr6=\"GET\" nil nil nil nil\n",
            [3] = {
              ["content-length"] = "671",
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
        ["DIR"] = "/tmp/proxylua-spec.06yMiP",
        ["PORT"] = 33005,
        ["PORT1"] = 41151,
      },
    },
    ["start 7012cef4efc92356 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw fd110a5b97dc3190 tcp",
          ["r"] = {
            ["n"] = 0,
          },
        },
        [2] = {
          ["key"] = "raw 0297ff64b194b4dd tcp",
          ["r"] = {
            ["n"] = 0,
          },
        },
        [3] = {
          ["key"] = "raw 7f0aec0cccddd5f7 tcp",
          ["r"] = {
            ["n"] = 0,
          },
        },
        [4] = {
          ["key"] = "raw a82a75230cbfcea0 tcp",
          ["r"] = {
            ["n"] = 0,
          },
        },
        [5] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "R|t1=integer:1 integer:196611 \"example.com\" \"h2\" integer:1 integer:1 true\nR|t2=nil nil nil integer:0 integer:0\nR|t4=nil nil nil nil nil nil\nR|t5=ERR \"error in arguments\"\nR|t3=nil nil nil \"\\3\\1\\0X\\1\\0\\0T\\3\\3rrrrrrrrrrrr\" \"\\3\\1\\0\" integer:93\nR|t1=nil nil nil nil nil nil true\nR|t2=\"alice\" \"alice\" nil integer:1 integer:1\nR|t4=nil nil nil nil nil nil\nR|t5=ERR \"error in arguments\"\nR|t3=nil nil nil \"\\0\\0(\" \"\\0\\0(\" integer:43\nR|t1=nil nil nil nil nil nil true\nR|t2=nil nil nil nil nil\nR|t4=nil nil nil nil nil nil\nR|t5=ERR \"error in arguments\"\nR|t3=\"abc\" \"\\3ab\" \"\\3ab\" nil \"\\3ab\" integer:8\nR|t1=nil nil nil nil nil nil true\nR|t2=nil nil nil integer:0 integer:0\nR|t4=integer:1 integer:5 \"hello\" \"-c\" nil integer:2\nR|t5=ERR \"error in arguments\"\nR|t3=nil nil nil \"IST00000001ARGC00000002ARGV00000002ccARGV00000002-cDOTI00000005hello\" \"IST\" integer:69\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.mHKoMt",
        ["PORT"] = 35015,
      },
    },
    ["start a10f46062c1a0a39 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http d64395ec222672d3 /a/b?x=1&y=&z",
          ["r"] = {
            [1] = 200,
            [2] = "q1=\"/a/b\" \"x=1&y=&z\" \"/a/b?x=1&y=&z\" \"127.0.0.1:44839/a/b\" \"127.0.0.1:44839/a/b?x=1&y=&z\" \"/a/b?x=1&y=&z\" \"\" nil nil\nq2=\"10.0.0.3\" \"10.0.0.3\" \"10.0.0.2\" \"10.0.0.2\" integer:3 \"10.0.0.1, 10.0.0.2\" \"10.0.0.1\"\nq3=\"3\" integer:2 integer:5 \"\\\"q v\\\"\" integer:42 nil\nq4=\"\" integer:1 \"\\\"a,b\\\", c\" \"c\" integer:2\nq5=\"k=v&m=2&k=w\" integer:11 integer:11 \"v\" \"2\" \"v\"\nh1=integer:273 integer:385 integer:16336 integer:15951 integer:15943 integer:1 integer:14 integer:1\nh4=ERR \"error in arguments\"\nh5=ERR \"bad argument #1 to 'internal_htx_blk_type' (Mandatory argument expected)\"\nh2=\"HTX_BLK_REQ_SL:45:=/ HTX_BLK_HDR:19:host=127.0.0.1:44839/ HTX_BLK_HDR:9:accept=*/*/ HTX_BLK_HDR:14:user-agent=curl/ HTX_BLK_HDR:33:x-forwarded-for=10.0.0.1, 10.0.0.2/ HTX_BLK_HDR:23:x-forwarded-for=10.0.0.3/ HTX_BLK_HDR:14:cookie=a=1; b=2/ HTX_BLK_HDR:25:cookie=a=3; c=\\\"q v\\\"; n=42x/ HTX_BLK_HDR:7:x-empty=/ HTX_BLK_HDR:11:x-q=\\\"a,b\\\", c/ HTX_BLK_HDR:45:content-type=application/x-www-form-urlencoded/ HTX_BLK_HDR:16:content-length=11/ HTX_BLK_EOH:1:=/\"\nh3=\"HTX_BLK_REQ_SL\" \"HTX_BLK_DATA\" \"HTX_BLK_REQ_SL\" integer:11 \"POST /a/b?x=1&y=&z HTTP/1.1\"\nh6=\"HTX_BLK_UNUSED\" integer:0 \"\"\nq6=integer:1411775318 integer:776439475 nil integer:1 \"host;accept;user-agent;x-forwarded-for;x-forwarded-for;cookie;cookie;x-empty;x-q;content-type;content-length\"\n",
            [3] = {
              ["content-length"] = "1312",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.qMg5Tc",
        ["PORT"] = 44839,
      },
    },
    ["start b38daabc04bdc407 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "R|fe 53 bin=integer:0 bout=integer:0 cache_hits=integer:0 cache_lookups=integer:0 cli_abrt=integer:0 comp_byp=integer:0 comp_in=integer:0 comp_out=integer:0 comp_rsp=integer:0 conn_rate=integer:0 conn_rate_max=integer:0 conn_tot=integer:0 dcon=integer:0 dreq=integer:0 dresp=integer:0 dses=integer:0 eint=integer:0 ereq=integer:0 h1req=integer:0 h1sess=integer:0 h2req=integer:0 h2sess=integer:0 h3req=integer:0 h3sess=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 iid=integer:1 intercepted=integer:0 lbtot=integer:0 mode=string:http pid=integer:1 pxname=string:fe rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_other=integer:0 req_rate=integer:0 req_rate_max=integer:0 req_tot=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:0 smax=integer:0 srv_abrt=integer:0 status=string:OPEN stot=integer:0 svname=string:FRONTEND type=integer:0 wrew=integer:0\nR|be 67 act=integer:1 agg_check_status=integer:0 agg_server_check_status=integer:0 agg_server_status=integer:0 algo=string:roundrobin bck=integer:0 bin=integer:0 bout=integer:0 cache_hits=integer:0 cache_lookups=integer:0 chkdown=integer:0 cli_abrt=integer:0 comp_byp=integer:0 comp_in=integer:0 comp_out=integer:0 comp_rsp=integer:0 conn_rate_max=integer:0 connect=integer:0 ctime=integer:0 ctime_max=integer:0 downtime=integer:0 dreq=integer:0 dresp=integer:0 econ=integer:0 eint=integer:0 eresp=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 iid=integer:2 lastchg=integer:0 lastsess=integer:-1 lbtot=integer:0 mode=string:http pid=integer:1 pxname=string:be qcur=integer:0 qmax=integer:0 qtime=integer:0 qtime_max=integer:0 rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_rate_max=integer:0 req_tot=integer:0 reuse=integer:0 rtime=integer:0 rtime_max=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:0 smax=integer:0 srv_abrt=integer:0 status=string:UP stot=integer:0 svname=string:BACKEND ttime=integer:0 ttime_max=integer:0 type=integer:1 uweight=integer:3 weight=integer:3 wredis=integer:0 wretr=integer:0 wrew=integer:0\nR|listen 67 act=integer:1 agg_check_status=integer:0 agg_server_check_status=integer:0 agg_server_status=integer:0 algo=string:roundrobin bck=integer:0 bin=integer:0 bout=integer:0 cache_hits=integer:0 cache_lookups=integer:0 chkdown=integer:0 cli_abrt=integer:0 comp_byp=integer:0 comp_in=integer:0 comp_out=integer:0 comp_rsp=integer:0 conn_rate_max=integer:0 connect=integer:0 ctime=integer:0 ctime_max=integer:0 downtime=integer:0 dreq=integer:0 dresp=integer:0 econ=integer:0 eint=integer:0 eresp=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 iid=integer:3 lastchg=integer:0 lastsess=integer:-1 lbtot=integer:0 mode=string:http pid=integer:1 pxname=string:li qcur=integer:0 qmax=integer:0 qtime=integer:0 qtime_max=integer:0 rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_rate_max=integer:0 req_tot=integer:0 reuse=integer:0 rtime=integer:0 rtime_max=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:0 smax=integer:0 srv_abrt=integer:0 status=string:UP stot=integer:0 svname=string:BACKEND ttime=integer:0 ttime_max=integer:0 type=integer:1 uweight=integer:1 weight=integer:1 wredis=integer:0 wretr=integer:0 wrew=integer:0\nR|srv 65 act=integer:1 addr=string:127.0.0.1:1 agg_check_status=integer:0 agg_server_check_status=integer:0 agg_server_status=integer:0 algo=string:roundrobin bck=integer:0 bin=integer:0 bout=integer:0 cli_abrt=integer:0 conn_rate_max=integer:0 connect=integer:0 ctime=integer:0 ctime_max=integer:0 dresp=integer:0 econ=integer:0 eint=integer:0 eresp=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 idle_conn_cur=integer:0 iid=integer:2 lastchg=integer:0 lastsess=integer:-1 lbtot=integer:0 mode=string:http need_conn_est=integer:0 pid=integer:1 pxname=string:be qcur=integer:0 qmax=integer:0 qtime=integer:0 qtime_max=integer:0 rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_rate_max=integer:0 req_tot=integer:0 reuse=integer:0 rtime=integer:0 rtime_max=integer:0 safe_conn_cur=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:1 smax=integer:0 srid=integer:0 srv_abrt=integer:0 srv_icur=integer:0 status=string:no check stot=integer:0 svname=string:s1 ttime=integer:0 ttime_max=integer:0 type=integer:2 used_conn_cur=integer:0 uweight=integer:3 weight=integer:3 wredis=integer:0 wretr=integer:0 wrew=integer:0\nR|lst 65 act=integer:1 addr=string:127.0.0.1:1 agg_check_status=integer:0 agg_server_check_status=integer:0 agg_server_status=integer:0 algo=string:roundrobin bck=integer:0 bin=integer:0 bout=integer:0 cli_abrt=integer:0 conn_rate_max=integer:0 connect=integer:0 ctime=integer:0 ctime_max=integer:0 dresp=integer:0 econ=integer:0 eint=integer:0 eresp=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 idle_conn_cur=integer:0 iid=integer:2 lastchg=integer:0 lastsess=integer:-1 lbtot=integer:0 mode=string:http need_conn_est=integer:0 pid=integer:1 pxname=string:be qcur=integer:0 qmax=integer:0 qtime=integer:0 qtime_max=integer:0 rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_rate_max=integer:0 req_tot=integer:0 reuse=integer:0 rtime=integer:0 rtime_max=integer:0 safe_conn_cur=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:1 smax=integer:0 srid=integer:0 srv_abrt=integer:0 srv_icur=integer:0 status=string:no check stot=integer:0 svname=string:s1 ttime=integer:0 ttime_max=integer:0 type=integer:2 used_conn_cur=integer:0 uweight=integer:3 weight=integer:3 wredis=integer:0 wretr=integer:0 wrew=integer:0\nR|maint 65 act=integer:1 addr=string:127.0.0.1:1 agg_check_status=integer:0 agg_server_check_status=integer:0 agg_server_status=integer:0 algo=string:roundrobin bck=integer:0 bin=integer:0 bout=integer:0 cli_abrt=integer:0 conn_rate_max=integer:0 connect=integer:0 ctime=integer:0 ctime_max=integer:0 dresp=integer:0 econ=integer:0 eint=integer:0 eresp=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 idle_conn_cur=integer:0 iid=integer:2 lastchg=integer:0 lastsess=integer:-1 lbtot=integer:0 mode=string:http need_conn_est=integer:0 pid=integer:1 pxname=string:be qcur=integer:0 qmax=integer:0 qtime=integer:0 qtime_max=integer:0 rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_rate_max=integer:0 req_tot=integer:0 reuse=integer:0 rtime=integer:0 rtime_max=integer:0 safe_conn_cur=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:1 smax=integer:0 srid=integer:0 srv_abrt=integer:0 srv_icur=integer:0 status=string:MAINT stot=integer:0 svname=string:s1 ttime=integer:0 ttime_max=integer:0 type=integer:2 used_conn_cur=integer:0 uweight=integer:3 weight=integer:3 wredis=integer:0 wretr=integer:0 wrew=integer:0\nR|be-down 74 act=integer:0 addr=string:127.0.0.1:1 agg_check_status=integer:0 agg_server_check_status=integer:0 agg_server_status=integer:0 algo=string:roundrobin bck=integer:0 bin=integer:0 bout=integer:0 cache_hits=integer:0 cache_lookups=integer:0 chkdown=integer:1 cli_abrt=integer:0 comp_byp=integer:0 comp_in=integer:0 comp_out=integer:0 comp_rsp=integer:0 conn_rate_max=integer:0 connect=integer:0 ctime=integer:0 ctime_max=integer:0 downtime=integer:0 dreq=integer:0 dresp=integer:0 econ=integer:0 eint=integer:0 eresp=integer:0 hrsp_1xx=integer:0 hrsp_2xx=integer:0 hrsp_3xx=integer:0 hrsp_4xx=integer:0 hrsp_5xx=integer:0 hrsp_other=integer:0 idle_conn_cur=integer:0 iid=integer:2 lastchg=integer:0 lastsess=integer:-1 lbtot=integer:0 mode=string:http need_conn_est=integer:0 pid=integer:1 pxname=string:be qcur=integer:0 qmax=integer:0 qtime=integer:0 qtime_max=integer:0 rate=integer:0 rate_lim=integer:0 rate_max=integer:0 req_rate_max=integer:0 req_tot=integer:0 reuse=integer:0 rtime=integer:0 rtime_max=integer:0 safe_conn_cur=integer:0 scur=integer:0 sess_other=integer:0 sid=integer:0 smax=integer:0 srid=integer:0 srv_abrt=integer:0 srv_icur=integer:0 status=string:DOWN stot=integer:0 svname=string:BACKEND ttime=integer:0 ttime_max=integer:0 type=integer:1 used_conn_cur=integer:0 uweight=integer:0 weight=integer:0 wredis=integer:0 wretr=integer:0 wrew=integer:0\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.O2qrFY",
        ["PORT"] = 46827,
        ["PORT1"] = 33465,
      },
    },
    ["start cc4706925b9a57c8 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http de1091097743561a /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "all1=integer:0 integer:0 integer:1 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:0 integer:2\nall_sc0_=integer:0 integer:0 integer:1 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:1 integer:0 integer:0 integer:0 integer:1\nall_sc1_=nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil integer:0\nall_sc2_=nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil integer:0\nall_sc=integer:0 integer:0 integer:1 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:1 integer:0 integer:0 integer:0 integer:1\nall_src=integer:0 integer:0 integer:1 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:1 integer:1 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0 integer:0\nall_info={bytes_in_cnt=integer:-1,bytes_in_rate=integer:10000,bytes_out_cnt=integer:-1,bytes_out_rate=integer:10000,conn_cnt=integer:-1,conn_cur=integer:-1,conn_rate=integer:10000,gpc0=integer:-1,gpc0_rate=integer:10000,gpc1=integer:-1,gpc1_rate=integer:10000,gpt0=integer:-1,http_err_cnt=integer:-1,http_err_rate=integer:10000,http_fail_cnt=integer:-1,http_fail_rate=integer:10000,http_req_cnt=integer:-1,http_req_rate=integer:10000,server_id=integer:-1,sess_cnt=integer:-1,sess_rate=integer:10000} {bytes_in_cnt=integer:0,bytes_in_rate=integer:0,bytes_out_cnt=integer:0,bytes_out_rate=integer:0,conn_cnt=integer:1,conn_cur=integer:1,conn_rate=integer:1,expire=integer:60000,gpc0=integer:0,gpc0_rate=integer:0,gpc1=integer:0,gpc1_rate=integer:0,gpt0=integer:0,http_err_cnt=integer:0,http_err_rate=integer:0,http_fail_cnt=integer:0,http_fail_rate=integer:0,http_req_cnt=integer:1,http_req_rate=integer:1,server_id=integer:0,sess_cnt=integer:0,sess_rate=integer:0,use=integer:1}\n",
            [3] = {
              ["content-length"] = "2073",
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
        ["DIR"] = "/tmp/proxylua-spec.2p6YHF",
        ["PORT"] = 35561,
      },
    },
    ["start cc9a7ea6e7853a92 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http de1091097743561a /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "b1=integer:0\nb2=integer:-1\nb3=integer:0\nb4=integer:-1\nb5=integer:0 integer:0 integer:2\nb6=ERR \"bad argument #1 to 'nbsrv' (Mandatory argument expected)\"\nb7=integer:0\nb8=ERR \"bad argument #1 to 'srv_conn_free' (server doesn't exist)\"\nb9=integer:1 integer:0\nb10=integer:0 integer:0\nb11=integer:1 integer:5 integer:1\nb12=nil\nb13=ERR \"bad argument #1 to 'be_conn' (backend doesn't exist)\"\nb14=ERR \"bad argument #1 to 'srv_conn' (server doesn't exist)\"\nb15=ERR \"bad argument #1 to 'srv_conn' (server doesn't exist)\"\nb16=integer:-1\nb17=integer:1 \"alice\"\nb17c=integer:1 \"alice\" integer:0 nil\nb17b=ERR \"bad argument #1 to 'http_auth' (unable to find userlist 'nope')\"\nb19=integer:-1\nb20=ERR \"bad argument #1 to 'be_conn' (backend doesn't exist)\"\nb21=nil nil nil\na3=integer:1 integer:1 integer:30000 integer:0 integer:0 integer:0 integer:0 integer:1\na3b=ERR \"bad argument #1 to 'fe_conn' (frontend doesn't exist)\"\na4=integer:1 nil integer:1 integer:0 nil nil integer:0 \"Success\" nil nil nil\na5=nil integer:1 nil nil nil nil nil nil\na6=nil nil nil nil nil nil nil integer:0\na7=nil nil nil nil integer:0 nil nil nil nil\na8=\"integer\" \"integer\" \"integer\" nil integer:0 nil integer:0 nil\na12=true integer:1 integer:0 true true true\nr1=integer:0 integer:0 integer:0 nil true\nr2=ERR \"error in arguments\"\nb1=integer:1\nb2=integer:1 integer:0 integer:0\nb3=ERR \"error in arguments\"\nb4=integer:1\nd1=\"integer\" \"integer\" \"integer\"\nv1=\"dflt\"\nv2=ERR \"error in arguments\"\nv3=ERR \"error in arguments\"\nm1=\"GET\" \"FOO\"\nm2=\"\"\nm3=\"AB\"\nm4=ERR \"error in arguments\"\nm5=ERR \"error in arguments\"\nm6=ERR \"bad argument #1 to 'str' (unable to duplicate string arg)\"\nm7=integer:-3 \"\"\nu1=\"1\" nil \"1\"\ne1=nil\nk4=integer:36 \"7\" \"xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx\"\nk5=ERR \"error in arguments\"\na13=\"127.0.0.1\" integer:0 integer:0 nil nil nil \"HTTP/1.1\"\n",
            [3] = {
              ["content-length"] = "1809",
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
        ["DIR"] = "/tmp/proxylua-spec.mPoF9C",
        ["PORT"] = 36731,
      },
    },
    ["start d87bf07bb11c5325 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http de1091097743561a /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "o1=\"0,get_cap,get_mailers,get_mode,get_name,get_srv_act,get_srv_bck,get_stats,get_uuid,listeners,pause,resume,servers,shut_bcksess,stop\" \"0,agent_disable,agent_enable,agent_force_down,agent_force_up,check_disable,check_enable,check_force_down,check_force_nolb,check_force_up,event_sub,get_addr,get_cur_sess,get_maxconn,get_name,get_pend_conn,get_proxy,get_puid,get_rid,get_stats,get_trackers,get_weight,is_backup,is_draining,is_dynamic,set_addr,set_drain,set_maint,set_maxconn,set_ready,set_weight,shut_sess,tracking\" \"HAProxy class Proxy\" \"HAProxy class Server\" \"userdata\" \"userdata\"\no2=\"0\" \"HAProxy class Listener\" \"userdata\"\no3=\"be,be2,be3,fe\" \"fe\" \"be,be2,be3\"\no4=\"backend\" \"http\" \"frontend\"\no5=nil nil nil nil nil nil nil nil nil\no6=nil nil\no7=false \"bad argument #1 to '?' ((null))\"\no8=nil integer:2047 nil integer:-524287 nil\no9=nil\n",
            [3] = {
              ["content-length"] = "840",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[WARNING]  (25944) : Server be/s1 is stopping, changed from Lua script. 0 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.\n[ALERT]    (25944) : backend 'be' has no server available!\n[WARNING]  (25944) : Server be/s1 is DOWN, changed from Lua script. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.rCPy5Z",
        ["PORT"] = 42993,
      },
    },
    ["start de49fc2a3c46ba82 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http de1091097743561a /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "aes1=\"hello world\"\naes2=\"secret256\"\naes3=ERR \"error in arguments\"\naes4=nil\naes5=\"hello world\"\naes7=nil\naes8=\"hello world\"\naes9=ERR \"bad argument #2 to 'aes_gcm_dec' (integer expected)\"\naes10=ERR \"bad argument #5 to 'aes_gcm_dec' (Mandatory argument expected)\"\njw2=integer:1\njw3=integer:1\njw4=integer:0\njw5=integer:-5\njw6=integer:0\njw7=ERR \"error in arguments\"\njw8=integer:-3\njw9=integer:0\njw10=integer:0\njw11=integer:0\njw12=integer:0\njw13=integer:-3\njw14=integer:0\njw15=integer:-3\nsv1=nil\nsv2=\"x\" \"x\"\nfx1=ERR \"error in arguments\"\nfx2=nil\nmq3=ERR \"error in arguments\"\nmq4=\"4\" \"60\" nil\nmq5=ERR \"error in arguments\"\nmq6=ERR \"bad argument #2 to 'mqtt_field_value' (unable to duplicate string arg)\"\npb1=ERR \"bad argument #2 to 'protobuf' ('Protocol buffers field number' expected, got 'string')\"\npb2=ERR \"bad argument #2 to 'protobuf' ('Protocol buffers field number' expected, got 'string')\"\npb3=ERR \"bad argument #2 to 'protobuf' ('Protocol buffers field number' expected, got 'integer')\"\ngr1=ERR \"bad argument #2 to 'ungrpc' ('Protocol buffers field number' expected, got 'string')\"\naes1=nil\nfix1=integer:0\nfix2=\"A\"\nfix3=ERR \"bad argument #2 to 'fix_tag_value' (unable to duplicate string arg)\"\nmq1=integer:1\nmq2=\"MQTT\"\njw1=integer:1\nnb1=integer:1 integer:0 nil\ncap1=nil\nj1=integer:-3 integer:0 integer:1 integer:0 integer:-3\nj2=integer:-3 integer:-1 nil integer:-3\nj3=integer:-3 integer:-3\nfx3=nil \"FIX.4.4\"\nfx4=integer:1 integer:0 \"SERVER\" \"CLIENT\" \"30\" \"181\" nil \"\"\nfx5=integer:0 integer:0 nil nil\nmq7=integer:1 \"30\" \"10\" \"abc\" \"user\" \"pass\" \"0\" \"194\" nil\nmq8=integer:1 \"0\" \"4\" integer:1 \"1\" \"z\" \"1\" nil\nmq9=nil nil integer:0 integer:0 nil integer:1 integer:0\nmq10=integer:1 \"topic\" \"msg\" nil\nnb2=integer:2 nil nil nil integer:0 integer:0 nil\nar1=integer:8 integer:15 integer:6 \"hi\" \"x\" integer:5\nmp0=\"error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments\"\nmp8=\"error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments\"\nmp16=\"error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments\"\nmp24=\"error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments|error in arguments\"\nx1=ERR \"error during the input argument casting\"\nx2=integer:0\nx3=integer:1\nx4=\"\\0\\0\\0\\12\"\nx5=\"Thu, 01 Jan 1970 00:00:00 GMT\"\nx6=\"0.0.0.0\" \"0.0.0.0\"\nx7=\"0.0.0.0\" \"1.2.0.0\"\nx8=ERR \"error during the input argument casting\"\ny1=integer:-1\ny2=ERR \"error during the input argument casting\"\ny3=integer:1\ny4=\"0.0.0.0\"\ny5=nil\ny6=nil\ny7=\"0\" integer:1\ny8=integer:0\ny9=integer:0\ny10=\"1970\"\nsv3=integer:3 integer:3 nil \"\" nil \"a\" nil integer:4 integer:4\n",
            [3] = {
              ["content-length"] = "2853",
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
        ["DIR"] = "/tmp/proxylua-spec.L4m1XD",
        ["PORT"] = 37799,
      },
    },
    ["start e3111dd36401fe88 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (25491) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (25491) : path to executable is /work/haproxy-builds/3.0/haproxy\n[WARNING]  (25491) : hlua: use of proxy 'name' attribute is deprecated and will eventually be removed, please use get_name() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.mNbcx3/t.lua:9: in function line 9, [C]: in global 'pcall', /tmp/proxylua-spec.mNbcx3/t.lua:3: in local 'T', /tmp/proxylua-spec.mNbcx3/t.lua:9: in function line 1\n[WARNING]  (25491) : hlua: use of proxy 'uuid' attribute is deprecated and will eventually be removed, please use get_uuid() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.mNbcx3/t.lua:9: in function line 9, [C]: in global 'pcall', /tmp/proxylua-spec.mNbcx3/t.lua:3: in local 'T', /tmp/proxylua-spec.mNbcx3/t.lua:9: in function line 1\nR|px boolean:true string:be string:2 string:backend string:http string:proxy string:tcp string:frontend\nR|lst boolean:true string:named,sock-1\n[WARNING]  (25491) : hlua: use of server 'name' attribute is deprecated and will eventually be removed, please use get_name() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.mNbcx3/t.lua:11: in function line 11, [C]: in global 'pcall', /tmp/proxylua-spec.mNbcx3/t.lua:3: in local 'T', /tmp/proxylua-spec.mNbcx3/t.lua:11: in function line 1\n[WARNING]  (25491) : hlua: use of server 'puid' attribute is deprecated and will eventually be removed, please use get_puid() function instead: [C]: in metamethod 'index', /tmp/proxylua-spec.mNbcx3/t.lua:11: in function line 11, [C]: in global 'pcall', /tmp/proxylua-spec.mNbcx3/t.lua:3: in local 'T', /tmp/proxylua-spec.mNbcx3/t.lua:11: in function line 1\nR|sv1 boolean:true string:s1 string:1 string:127.0.0.1:1 integer:3 integer:0 boolean:false\nR|sv2 boolean:true string:Empty weight string empty or preceded by garbage nil:nil integer:50 nil:nil integer:1 string:Absolute weight can only be between 0 and 256 inclusive.\nR|sv3 boolean:true string:maxconn string empty or preceded by garbage nil:nil integer:20 nil:nil\nR|sv4 boolean:true string:IP changed from '127.0.0.1' to '127.0.0.2', port changed from '1' to '8080' by 'Lua script' string:127.0.0.1:1 string:IP changed from '127.0.0.1' to '127.0.0.2' by 'Lua script' string:Invalid addr 'bad addr'\n[WARNING]  (25491) : Server be/s1 is UP (leaving forced drain).\nR|sv5 boolean:true boolean:true boolean:false\nR|sv6 boolean:true string:/tmp/x.sock\nR|info boolean:true string:ActivePeers,BootTime_ms,Build info,BusyPolling,BytesOutRate,CompressBpsIn,CompressBpsOut,CompressBpsRateLim,ConnRate,ConnRateLimit,ConnectedPeers,CumConns,CumRecvLogs,CumReq,CumSslConns,CurrConns,CurrSslConns,DebugCommandsIssued,DroppedLogs,FailedResolutions,Hard_maxconn,Idle_pct,Jobs,Listeners,MaxConnRate,MaxSessRate,MaxSslConns,MaxSslRate,MaxZlibMemUsage,Maxconn,MaxconnReached,Maxpipes,Maxsock,Memmax_MB,Memmax_bytes,Name,Nbproc,Nbthread,Niced_tasks,Pid,PipesFree,PipesUsed,PoolAlloc_MB,PoolAlloc_bytes,PoolFailed,PoolUsed_MB,PoolUsed_bytes,Process_num,Release_date,Run_queue,SessRate,SessRateLimit,SslBackendKeyRate,SslBackendMaxKeyRate,SslCacheLookups,SslCacheMisses,SslFrontendKeyRate,SslFrontendMaxKeyRate,SslFrontendSessionReuse_pct,SslRate,SslRateLimit,Start_time_sec,Stopping,Tainted,Tasks,TotalBytesOut,TotalSplicedBytesOut,TotalWarnings,Ulimit-n,Unstoppable Jobs,Uptime,Uptime_sec,Version,ZlibMemUsage,node\nR|st boolean:true nil:nil nil:nil\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.mNbcx3",
        ["PORT"] = 41613,
        ["PORT1"] = 36939,
        ["PORT2"] = 46427,
        ["PORT3"] = 42023,
      },
    },
    ["start e8d5ef49ebf8c5b5 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http de1091097743561a /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "st0=nil \"HAProxy class StickTable\"\nst1={data={bytes_in_rate=integer:60000,conn_cnt=integer:-1,gpc0=integer:-1,gpt0=integer:-1,http_req_cnt=integer:-1,http_req_rate=integer:10000,server_id=integer:-1},expire=integer:60000,length=integer:4,nopurge=false,size=integer:1024,type=\"ip\",used=integer:1}\nst2={data={gpc0=integer:-1,http_req_cnt=integer:-1},expire=integer:30000,length=integer:33,nopurge=true,size=integer:100,type=\"string\",used=integer:1} {data={gpc0=integer:-1},expire=integer:0,length=integer:4,nopurge=false,size=integer:10,type=\"integer\",used=integer:0}\nst3={bytes_in_rate=integer:0,conn_cnt=integer:1,expire=integer:60000,gpc0=integer:2,gpt0=integer:0,http_req_cnt=integer:1,http_req_rate=integer:1,server_id=integer:0,use=integer:1} nil nil\nst4={expire=integer:30000,gpc0=integer:0,http_req_cnt=integer:1,use=integer:1}\nst5={127.0.0.1={bytes_in_rate=integer:0,conn_cnt=integer:1,gpc0=integer:2,gpt0=integer:0,http_req_cnt=integer:1,http_req_rate=integer:1,server_id=integer:0}}\nst6={127.0.0.1={bytes_in_rate=integer:0,conn_cnt=integer:1,gpc0=integer:2,gpt0=integer:0,http_req_cnt=integer:1,http_req_rate=integer:1,server_id=integer:0}} {}\nst7=nil \"Filter table data column not present in stick table (entry #1)\"\nst8=nil \"Unknown operator in filter table (entry #1)\"\nst9=nil \"Filter table entry must be a triplet: {\\\"data_col\\\", \\\"op\\\", val} (entry #1)\"\nst10=nil \"Filter table entry must be a triplet: {\\\"data_col\\\", \\\"op\\\", val} (entry #1)\"\nst11=nil \"filter table expected\"\nst12={1={gpc0=integer:0,http_req_cnt=integer:1}}\nst13=nil nil\nst14={data={bytes_in_rate=integer:60000,conn_cnt=integer:-1,gpc0=integer:-1,gpt0=integer:-1,http_req_cnt=integer:-1,http_req_rate=integer:10000,server_id=integer:-1},expire=integer:60000,length=integer:4,nopurge=false,size=integer:1024,type=\"ip\",used=integer:1}\nst15={127.0.0.1={bytes_in_rate=integer:0,conn_cnt=integer:1,gpc0=integer:2,gpt0=integer:0,http_req_cnt=integer:1,http_req_rate=integer:1,server_id=integer:0}} {127.0.0.1={bytes_in_rate=integer:0,conn_cnt=integer:1,gpc0=integer:2,gpt0=integer:0,http_req_cnt=integer:1,http_req_rate=integer:1,server_id=integer:0}}\nst16={} nil\ntc1=integer:1 integer:0 integer:2 integer:0\ntc2=integer:0 integer:1 integer:1 integer:1 integer:2 integer:60000 integer:0\ntc3=ERR \"bad argument #2 to 'table_gpc' (integer expected)\"\ntc4=nil integer:77 integer:88 integer:0 integer:0\ntc5=nil integer:1\nfe1=integer:2 integer:2 integer:1 integer:2 integer:1 integer:1023 integer:1 integer:1 integer:1\nga1=integer:1 nil integer:1 integer:2 integer:2 integer:2 integer:0 integer:0 nil integer:2\nga2=integer:0 integer:0 nil {conn_cnt=integer:-1,gpc=integer:-1,gpt=integer:-1}\nfe2=integer:0 integer:1 integer:1 integer:1 nil integer:0 integer:3 integer:3 integer:3 integer:0\n",
            [3] = {
              ["content-length"] = "2754",
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
        ["DIR"] = "/tmp/proxylua-spec.3LIHf7",
        ["PORT"] = 39595,
      },
    },
    ["start fa97f766e43679b9 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "a1=ERR \"the sample-fetch 'http_auth' needs an HTTP parser which is not available in Lua services\"\na2=ERR \"the sample-fetch 'res.comp' needs an HTTP parser which is not available in Lua services\"\na3=ERR \"the sample-fetch 'res.comp' needs an HTTP parser which is not available in Lua services\"\na4=ERR \"the sample-fetch 'capture.req.hdr' needs an HTTP parser which is not available in Lua services\"\na5=nil integer:0 integer:0 integer:1\na6=ERR \"the sample-fetch 'http_auth_group' needs an HTTP parser which is not available in Lua services\"\na7=ERR \"the sample-fetch 'res.cache_hit' needs an HTTP parser which is not available in Lua services\"\na8=ERR \"the sample-fetch 'cookie' needs an HTTP parser which is not available in Lua services\"\na9=ERR \"the sample-fetch 'url_param' needs an HTTP parser which is not available in Lua services\"\n",
            [3] = {
              ["content-length"] = "832",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.2ezF3i",
        ["PORT"] = 36067,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
