-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_events_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start c221650e68b53b91 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"h2\",proxy_name=\"hbad\",proxy_uuid=integer:5,puid=integer:1,reference=\"Server h2\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"h2\",proxy_name=\"hbad\",proxy_uuid=integer:5,puid=integer:1,reference=\"Server h2\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h2\",proxy_name=\"hbad\",proxy_uuid=integer:5,puid=integer:1,reference=\"Server h2\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "2540",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h2\",proxy_name=\"hbad\",proxy_uuid=integer:5,puid=integer:1,reference=\"Server h2\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "2629",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:3,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:3,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:2,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:2,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "2963",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "2310",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 4763385507ef2775 /call?srv=chk/c1&m=set_maint",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=MAINT draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "84",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "782",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:3,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:2,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={code=integer:503,desc=\"Layer7 wrong status\",short=\"L7STS\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "1503",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [8] = {
          ["key"] = "http 14aad2774040298d /call?srv=chk/c1&m=set_ready",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=UP 1/3 draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "85",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [9] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:0,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 connection problem\",short=\"L4CON\"},result=\"FAILED\"},new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "1626",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [10] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"c1\",proxy_name=\"chk\",proxy_uuid=integer:3,puid=integer:1,reference=\"Server c1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"h1\",proxy_name=\"hok\",proxy_uuid=integer:4,puid=integer:1,reference=\"Server h1\",rid=integer:0,state={admin=false,cause=\"\",check={agent=false,duration=integer,health={cur=integer:4,fall=integer:3,rise=integer:2},reason={code=integer:200,desc=\"Layer7 check passed\",short=\"L7OK\"},result=\"PASSED\"},new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "2310",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [11] = {
          ["key"] = "http 601b5a54a7470fb7 /call?srv=dyn/d1&m=set_maint",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=MAINT draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "84",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [12] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "782",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [13] = {
          ["key"] = "http 360575f4beda2a30 /call?srv=dyn/d1&m=set_drain",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=DRAIN draining=true weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "83",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [14] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "1179",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [15] = {
          ["key"] = "http 026c28f9a99d82ef /call?srv=dyn/d2&m=set_drain",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=DRAIN draining=true weight=integer:1 puid=\"2\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "83",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [16] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=true,DRAIN=true,FDRAIN=true,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=true,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"d2\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:2,reference=\"Server d2\",rid=integer:0} HAProxy class EventSub integer\nSERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=true,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=true,DRAIN=true,FDRAIN=true,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"d2\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:2,reference=\"Server d2\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"d2\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:2,reference=\"Server d2\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"d2\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:2,reference=\"Server d2\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "1175",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [17] = {
          ["key"] = "http 030734bec856b844 /about?srv=dyn/d3",
          ["r"] = {
            [1] = 200,
            [2] = "status=no check draining=true weight=integer:0 puid=\"3\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "77",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [18] = {
          ["key"] = "http 9ddd5b17590dd04f /call?srv=dyn/d1&m=set_ready",
          ["r"] = {
            [1] = 200,
            [2] = "true nil status=no check draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false",
            [3] = {
              ["content-length"] = "87",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [19] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "406",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [20] = {
          ["key"] = "raw 61af0dcd6a91e923 cli",
          ["r"] = {
            [1] = "New server registered.\n\n",
            ["n"] = 1,
          },
        },
        [21] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADD {name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "142",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [22] = {
          ["key"] = "http a4292a17ab2c5e77 /servers?be=dyn",
          ["r"] = {
            [1] = 200,
            [2] = "d1,d2,d3,n1",
            [3] = {
              ["content-length"] = "11",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [23] = {
          ["key"] = "http ce9b3ebeaa8560b8 /about?srv=dyn/n1",
          ["r"] = {
            [1] = 200,
            [2] = "status=MAINT draining=false weight=integer:1 puid=\"4\" rid=\"0\" dynamic=true",
            [3] = {
              ["content-length"] = "74",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [24] = {
          ["key"] = "raw 61af0dcd6a91e923 cli",
          ["r"] = {
            [1] = "Already exists a server with the same name in backend.\n\n",
            ["n"] = 1,
          },
        },
        [25] = {
          ["key"] = "raw 701192b9e803be9b cli",
          ["r"] = {
            [1] = "Only servers in maintenance mode can be deleted.\n\n",
            ["n"] = 1,
          },
        },
        [26] = {
          ["key"] = "raw 85fb5b7a0ab20fa1 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [27] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_UP {name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "780",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [28] = {
          ["key"] = "raw aca89693177e30ca cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [29] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n1\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "782",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [30] = {
          ["key"] = "raw 1971fcb9b6f27815 cli",
          ["r"] = {
            [1] = "Server deleted.\n\n",
            ["n"] = 1,
          },
        },
        [31] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_DEL {name=\"n1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"none\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "137",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [32] = {
          ["key"] = "http a4292a17ab2c5e77 /servers?be=dyn",
          ["r"] = {
            [1] = 200,
            [2] = "d1,d2,d3",
            [3] = {
              ["content-length"] = "8",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [33] = {
          ["key"] = "raw 969c1b380b978a38 cli",
          ["r"] = {
            [1] = "New server registered.\n\n",
            ["n"] = 1,
          },
        },
        [34] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADD {name=\"n2\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:4,reference=\"Server n2\",rid=integer:1} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "142",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [35] = {
          ["key"] = "http ce903ebeaa7b5933 /about?srv=dyn/n2",
          ["r"] = {
            [1] = 200,
            [2] = "status=MAINT draining=false weight=integer:1 puid=\"4\" rid=\"1\" dynamic=true",
            [3] = {
              ["content-length"] = "74",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [36] = {
          ["key"] = "raw a6b3e18172618065 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [37] = {
          ["key"] = "raw 802ca428c95ab837 cli",
          ["r"] = {
            [1] = "'set server <srv> state' expects 'ready', 'drain' and 'maint'.\n\n",
            ["n"] = 1,
          },
        },
        [38] = {
          ["key"] = "raw 5bc6437de00c87c6 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [39] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer\nSERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=true,FDRAIN=true,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "813",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [40] = {
          ["key"] = "raw 03ae309348e6314e cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [41] = {
          ["key"] = "raw 701796b9e8083115 cli",
          ["r"] = {
            [1] = "Server deleted.\n\n",
            ["n"] = 1,
          },
        },
        [42] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},requeued=integer:0},name=\"d3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server d3\",rid=integer:0} HAProxy class EventSub integer\nSERVER_DOWN {name=\"d3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server d3\",rid=integer:0} HAProxy class EventSub integer\nSERVER_STATE {name=\"d3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server d3\",rid=integer:0,state={admin=true,cause=\"\",new_state=\"STOPPED\",old_state=\"RUNNING\",requeued=integer:0}} HAProxy class EventSub integer\nSERVER_DEL {name=\"d3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"none\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "920",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [43] = {
          ["key"] = "http a4292a17ab2c5e77 /servers?be=dyn",
          ["r"] = {
            [1] = 200,
            [2] = "d1,d2,n2",
            [3] = {
              ["content-length"] = "8",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [44] = {
          ["key"] = "raw 29bc9d84bed3ac3a cli",
          ["r"] = {
            [1] = "Health check was not configured on this server, cannot enable.\n\n",
            ["n"] = 1,
          },
        },
        [45] = {
          ["key"] = "raw e9965ada7c983026 cli",
          ["r"] = {
            [1] = "No such server.\n\n",
            ["n"] = 1,
          },
        },
        [46] = {
          ["key"] = "raw d282481641e8f05f cli",
          ["r"] = {
            [1] = "No such backend.\n\n",
            ["n"] = 1,
          },
        },
        [47] = {
          ["key"] = "raw 4ffc52bc3e96e015 cli",
          ["r"] = {
            [1] = "No such backend.\n\n",
            ["n"] = 1,
          },
        },
        [48] = {
          ["key"] = "raw 00b2e5053a9440a1 cli",
          ["r"] = {
            [1] = "Require 'backend/server'.\n\n",
            ["n"] = 1,
          },
        },
        [49] = {
          ["key"] = "http 05fef1d4969da7ad /call?srv=dyn/d1&m=set_addr&arg=127.0.0.",
          ["r"] = {
            [1] = 200,
            [2] = "true \"IP changed from '127.0.0.1' to '127.0.0.3' by 'Lua script'\" status=no check draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false addr=127.0.0.1:44265",
            [3] = {
              ["content-length"] = "165",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [50] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_INETADDR {addr_now=\"127.0.0.3:44265\",name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "174",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [51] = {
          ["key"] = "http 5cd890ca8fe4bb71 /call?srv=dyn/d1&m=set_addr&arg=127.0.0.",
          ["r"] = {
            [1] = 200,
            [2] = "true \"port changed from '44265' to '8081' by 'Lua script'\" status=no check draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false addr=127.0.0.3:44265",
            [3] = {
              ["content-length"] = "158",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [52] = {
          ["key"] = "http 5cd890ca8fe4bb71 /call?srv=dyn/d1&m=set_addr&arg=127.0.0.",
          ["r"] = {
            [1] = 200,
            [2] = "true \"nothing changed\" status=no check draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false addr=127.0.0.3:8081",
            [3] = {
              ["content-length"] = "121",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [53] = {
          ["key"] = "http 5889a93edb25391c /call?srv=dyn/d1&m=set_addr&arg=x",
          ["r"] = {
            [1] = 200,
            [2] = "true \"Invalid addr 'x'\" status=no check draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false addr=127.0.0.3:8081",
            [3] = {
              ["content-length"] = "122",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [54] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_INETADDR {addr_now=\"127.0.0.3:8081\",name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "173",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [55] = {
          ["key"] = "raw 486a63771d037490 cli",
          ["r"] = {
            [1] = "IP changed from '127.0.0.3' to '127.0.0.4', port changed from '8081' to '8082' by 'stats socket command'\n\n",
            ["n"] = 1,
          },
        },
        [56] = {
          ["key"] = "raw d30f43b554d3e2a1 cli",
          ["r"] = {
            [1] = "nothing changed\n\n",
            ["n"] = 1,
          },
        },
        [57] = {
          ["key"] = "raw 9134a8e47469f317 cli",
          ["r"] = {
            [1] = "set server <b>/<s> addr requires an address and optionally a port.\n\n",
            ["n"] = 1,
          },
        },
        [58] = {
          ["key"] = "raw e81c131680a26662 cli",
          ["r"] = {
            [1] = "No such server.\n\n",
            ["n"] = 1,
          },
        },
        [59] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_INETADDR {addr_now=\"127.0.0.4:8082\",name=\"d1\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:1,reference=\"Server d1\",rid=integer:0} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "173",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [60] = {
          ["key"] = "http 25c9d0749f85f2bd /call?srv=dyn/d1&m=get_addr",
          ["r"] = {
            [1] = 200,
            [2] = "true \"127.0.0.4:8082\" status=no check draining=false weight=integer:1 puid=\"1\" rid=\"0\" dynamic=false addr=127.0.0.4:8082",
            [3] = {
              ["content-length"] = "120",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [61] = {
          ["key"] = "raw ca1d9f9636189843 cli",
          ["r"] = {
            [1] = "New server registered.\n\n",
            ["n"] = 1,
          },
        },
        [62] = {
          ["key"] = "raw 85f4577a0aabea27 cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [63] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_ADD {name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2} HAProxy class EventSub integer\nSERVER_ADMIN {admin={cause=\"\",new_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=false,IDRAIN=false,IMAINT=false,MAINT=false,RMAINT=false},old_admin={CMAINT=false,DRAIN=false,FDRAIN=false,FMAINT=true,IDRAIN=false,IMAINT=false,MAINT=true,RMAINT=false},requeued=integer:0},name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2} HAProxy class EventSub integer\nSERVER_UP {name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2} HAProxy class EventSub integer\nSERVER_STATE {name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2,state={admin=true,cause=\"\",new_state=\"RUNNING\",old_state=\"STOPPED\",requeued=integer:0}} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "923",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [64] = {
          ["key"] = "raw 80c13784f039f9be cli",
          ["r"] = {
            [1] = "\n",
            ["n"] = 1,
          },
        },
        [65] = {
          ["key"] = "http ce9442beaa7f48d6 /about?srv=dyn/n3",
          ["r"] = {
            [1] = 200,
            [2] = "status=UP -2/2 draining=false weight=integer:1 puid=\"3\" rid=\"2\" dynamic=true",
            [3] = {
              ["content-length"] = "76",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [66] = {
          ["key"] = "http 7054585246e36ada /events",
          ["r"] = {
            [1] = 200,
            [2] = "SERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:1,fall=integer:2,rise=integer:3},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:2,fall=integer:2,rise=integer:3},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2} HAProxy class EventSub integer\nSERVER_CHECK {check={agent=false,duration=integer,health={cur=integer:4,fall=integer:2,rise=integer:3},reason={desc=\"Layer4 check passed\",short=\"L4OK\"},result=\"PASSED\"},name=\"n3\",proxy_name=\"dyn\",proxy_uuid=integer:6,puid=integer:3,reference=\"Server n3\",rid=integer:2} HAProxy class EventSub integer",
            [3] = {
              ["content-length"] = "899",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [67] = {
          ["key"] = "http ce9442beaa7f48d6 /about?srv=dyn/n3",
          ["r"] = {
            [1] = 200,
            [2] = "status=UP draining=false weight=integer:1 puid=\"3\" rid=\"2\" dynamic=true",
            [3] = {
              ["content-length"] = "71",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [68] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "event_sub=function",
            [3] = {
              ["content-length"] = "18",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.Ygu8Tw",
        ["PORT"] = 44025,
        ["PORT1"] = 34273,
        ["PORT2"] = 44265,
        ["PORT3"] = 38385,
        ["PORT4"] = 34307,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
