-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/testing_logs_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 59ac553bce578191 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[emerg] 339/193559 (10700) : body log 0\n[alert] 339/193559 (10700) : body log 1\n[crit] 339/193559 (10700) : body log 2\n[err] 339/193559 (10700) : body log 3\n[warning] 339/193559 (10700) : body log 4\n[notice] 339/193559 (10700) : body log 5\n[info] 339/193559 (10700) : body log 6\n[debug] 339/193559 (10700) : body log 7\n[debug] 339/193559 (10700) : body Debug\n[info] 339/193559 (10700) : body Info\n[warning] 339/193559 (10700) : body Warning\n[alert] 339/193559 (10700) : body Alert\nNote: setting global.maxconn to 9993.\nAvailable polling systems :\n      epoll : pref=300,  test result OK\n       poll : pref=200,  test result OK\n     select : pref=150,  test result FAILED\nTotal: 3 (2 usable), will use epoll.\n\nAvailable filters :\n\9[BWLIM] bwlim-in\n\9[BWLIM] bwlim-out\n\9[CACHE] cache\n\9[COMP] compression\n\9[FCGI] fcgi-app\n\9[SPOE] spoe\n\9[TRACE] trace\nUsing epoll() as the polling mechanism.\n[debug] 339/193559 (10700) : init Debug\n[info] 339/193559 (10700) : init Info\n[debug] 339/193559 (10700) : task Debug\n[info] 339/193559 (10700) : task Info\n[debug] 339/193559 (10700) : task log debug\n00000000:fe.accept(0006)=0009 from [127.0.0.1:52068] ALPN=<none>\n00000000:fe.clireq[0009:ffffffff]: GET / HTTP/1.1\n00000000:fe.clihdr[0009:ffffffff]: host: 127.0.0.1:33213\n00000000:fe.clihdr[0009:ffffffff]: user-agent: curl/7.88.1\n00000000:fe.clihdr[0009:ffffffff]: accept: */*\n[emerg] 339/193559 (10700) : act log 0\n[alert] 339/193559 (10700) : act log 1\n[crit] 339/193559 (10700) : act log 2\n[err] 339/193559 (10700) : act log 3\n[warning] 339/193559 (10700) : act log 4\n[notice] 339/193559 (10700) : act log 5\n[info] 339/193559 (10700) : act log 6\n[debug] 339/193559 (10700) : act log 7\n[debug] 339/193559 (10700) : act Debug\n[info] 339/193559 (10700) : act Info\n[debug] 339/193559 (10700) : txn Debug\n[info] 339/193559 (10700) : txn Info\n[debug] 339/193559 (10700) : txn log debug\n[info] 339/193559 (10700) : txn log info\n00000000:fe.clicls[0009:ffff]\n00000000:fe.closed[0009:ffff]\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[emerg] 339/193559 (10700) : body log 0\n[alert] 339/193559 (10700) : body log 1\n[crit] 339/193559 (10700) : body log 2\n[err] 339/193559 (10700) : body log 3\n[warning] 339/193559 (10700) : body log 4\n[notice] 339/193559 (10700) : body log 5\n[info] 339/193559 (10700) : body log 6\n[debug] 339/193559 (10700) : body log 7\n[debug] 339/193559 (10700) : body Debug\n[info] 339/193559 (10700) : body Info\n[warning] 339/193559 (10700) : body Warning\n[alert] 339/193559 (10700) : body Alert\nNote: setting global.maxconn to 9993.\nAvailable polling systems :\n      epoll : pref=300,  test result OK\n       poll : pref=200,  test result OK\n     select : pref=150,  test result FAILED\nTotal: 3 (2 usable), will use epoll.\n\nAvailable filters :\n\9[BWLIM] bwlim-in\n\9[BWLIM] bwlim-out\n\9[CACHE] cache\n\9[COMP] compression\n\9[FCGI] fcgi-app\n\9[SPOE] spoe\n\9[TRACE] trace\nUsing epoll() as the polling mechanism.\n[debug] 339/193559 (10700) : init Debug\n[info] 339/193559 (10700) : init Info\n[debug] 339/193559 (10700) : task Debug\n[info] 339/193559 (10700) : task Info\n[debug] 339/193559 (10700) : task log debug\n00000000:fe.accept(0006)=0009 from [127.0.0.1:52068] ALPN=<none>\n00000000:fe.clireq[0009:ffffffff]: GET / HTTP/1.1\n00000000:fe.clihdr[0009:ffffffff]: host: 127.0.0.1:33213\n00000000:fe.clihdr[0009:ffffffff]: user-agent: curl/7.88.1\n00000000:fe.clihdr[0009:ffffffff]: accept: */*\n[emerg] 339/193559 (10700) : act log 0\n[alert] 339/193559 (10700) : act log 1\n[crit] 339/193559 (10700) : act log 2\n[err] 339/193559 (10700) : act log 3\n[warning] 339/193559 (10700) : act log 4\n[notice] 339/193559 (10700) : act log 5\n[info] 339/193559 (10700) : act log 6\n[debug] 339/193559 (10700) : act log 7\n[debug] 339/193559 (10700) : act Debug\n[info] 339/193559 (10700) : act Info\n[debug] 339/193559 (10700) : txn Debug\n[info] 339/193559 (10700) : txn Info\n[debug] 339/193559 (10700) : txn log debug\n[info] 339/193559 (10700) : txn log info\n00000000:fe.clicls[0009:ffff]\n00000000:fe.closed[0009:ffff]\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.6O76Zg",
        ["PORT"] = 33213,
      },
    },
    ["start dc5e8d10f58459e9 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http ca12dfef2e0a95d1 /",
          ["r"] = {
            [1] = 200,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[emerg] 339/193558 (10646) : body log 0\n[alert] 339/193558 (10646) : body log 1\n[crit] 339/193558 (10646) : body log 2\n[err] 339/193558 (10646) : body log 3\n[warning] 339/193558 (10646) : body log 4\n[notice] 339/193558 (10646) : body log 5\n[info] 339/193558 (10646) : body log 6\n[info] 339/193558 (10646) : body Info\n[warning] 339/193558 (10646) : body Warning\n[alert] 339/193558 (10646) : body Alert\n[info] 339/193558 (10646) : init Info\n[info] 339/193558 (10646) : task Info\n[emerg] 339/193558 (10646) : act log 0\n[alert] 339/193558 (10646) : act log 1\n[crit] 339/193558 (10646) : act log 2\n[err] 339/193558 (10646) : act log 3\n[warning] 339/193558 (10646) : act log 4\n[notice] 339/193558 (10646) : act log 5\n[info] 339/193558 (10646) : act log 6\n[info] 339/193558 (10646) : act Info\n[info] 339/193558 (10646) : txn Info\n[info] 339/193558 (10646) : txn log info\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[emerg] 339/193558 (10646) : body log 0\n[alert] 339/193558 (10646) : body log 1\n[crit] 339/193558 (10646) : body log 2\n[err] 339/193558 (10646) : body log 3\n[warning] 339/193558 (10646) : body log 4\n[notice] 339/193558 (10646) : body log 5\n[info] 339/193558 (10646) : body log 6\n[info] 339/193558 (10646) : body Info\n[warning] 339/193558 (10646) : body Warning\n[alert] 339/193558 (10646) : body Alert\n[info] 339/193558 (10646) : init Info\n[info] 339/193558 (10646) : task Info\n[emerg] 339/193558 (10646) : act log 0\n[alert] 339/193558 (10646) : act log 1\n[crit] 339/193558 (10646) : act log 2\n[err] 339/193558 (10646) : act log 3\n[warning] 339/193558 (10646) : act log 4\n[notice] 339/193558 (10646) : act log 5\n[info] 339/193558 (10646) : act log 6\n[info] 339/193558 (10646) : act Info\n[info] 339/193558 (10646) : txn Info\n[info] 339/193558 (10646) : txn log info\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.QQFvOt",
        ["PORT"] = 38429,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
