-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/testing_logs_haproxy_spec.lua.
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
            [1] = "[emerg] 339/193545 (9057) : body log 0\n[alert] 339/193545 (9057) : body log 1\n[crit] 339/193545 (9057) : body log 2\n[err] 339/193545 (9057) : body log 3\n[warning] 339/193545 (9057) : body log 4\n[notice] 339/193545 (9057) : body log 5\n[info] 339/193545 (9057) : body log 6\n[debug] 339/193545 (9057) : body log 7\n[debug] 339/193545 (9057) : body Debug\n[info] 339/193545 (9057) : body Info\n[warning] 339/193545 (9057) : body Warning\n[alert] 339/193545 (9057) : body Alert\nNote: setting global.maxconn to 9993.\nAvailable polling systems :\n      epoll : pref=300,  test result OK\n       poll : pref=200,  test result OK\n     select : pref=150,  test result FAILED\nTotal: 3 (2 usable), will use epoll.\n\nAvailable filters :\n\9[CACHE] cache\n\9[COMP] compression\n\9[FCGI] fcgi-app\n\9[  OT] opentracing\n\9[SPOE] spoe\n\9[TRACE] trace\nUsing epoll() as the polling mechanism.\n[debug] 339/193545 (9057) : init Debug\n[info] 339/193545 (9057) : init Info\n[debug] 339/193545 (9057) : task Debug\n[info] 339/193545 (9057) : task Info\n[debug] 339/193545 (9057) : task log debug\n00000000:fe.accept(0005)=0008 from [127.0.0.1:46746] ALPN=<none>\n00000000:fe.clireq[0008:ffffffff]: GET / HTTP/1.1\n00000000:fe.clihdr[0008:ffffffff]: host: 127.0.0.1:46083\n00000000:fe.clihdr[0008:ffffffff]: user-agent: curl/7.88.1\n00000000:fe.clihdr[0008:ffffffff]: accept: */*\n[emerg] 339/193545 (9057) : act log 0\n[alert] 339/193545 (9057) : act log 1\n[crit] 339/193545 (9057) : act log 2\n[err] 339/193545 (9057) : act log 3\n[warning] 339/193545 (9057) : act log 4\n[notice] 339/193545 (9057) : act log 5\n[info] 339/193545 (9057) : act log 6\n[debug] 339/193545 (9057) : act log 7\n[debug] 339/193545 (9057) : act Debug\n[info] 339/193545 (9057) : act Info\n[debug] 339/193545 (9057) : txn Debug\n[info] 339/193545 (9057) : txn Info\n[debug] 339/193545 (9057) : txn log debug\n[info] 339/193545 (9057) : txn log info\n00000000:fe.clicls[0008:ffff]\n00000000:fe.closed[0008:ffff]\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[emerg] 339/193545 (9057) : body log 0\n[alert] 339/193545 (9057) : body log 1\n[crit] 339/193545 (9057) : body log 2\n[err] 339/193545 (9057) : body log 3\n[warning] 339/193545 (9057) : body log 4\n[notice] 339/193545 (9057) : body log 5\n[info] 339/193545 (9057) : body log 6\n[debug] 339/193545 (9057) : body log 7\n[debug] 339/193545 (9057) : body Debug\n[info] 339/193545 (9057) : body Info\n[warning] 339/193545 (9057) : body Warning\n[alert] 339/193545 (9057) : body Alert\nNote: setting global.maxconn to 9993.\nAvailable polling systems :\n      epoll : pref=300,  test result OK\n       poll : pref=200,  test result OK\n     select : pref=150,  test result FAILED\nTotal: 3 (2 usable), will use epoll.\n\nAvailable filters :\n\9[CACHE] cache\n\9[COMP] compression\n\9[FCGI] fcgi-app\n\9[  OT] opentracing\n\9[SPOE] spoe\n\9[TRACE] trace\nUsing epoll() as the polling mechanism.\n[debug] 339/193545 (9057) : init Debug\n[info] 339/193545 (9057) : init Info\n[debug] 339/193545 (9057) : task Debug\n[info] 339/193545 (9057) : task Info\n[debug] 339/193545 (9057) : task log debug\n00000000:fe.accept(0005)=0008 from [127.0.0.1:46746] ALPN=<none>\n00000000:fe.clireq[0008:ffffffff]: GET / HTTP/1.1\n00000000:fe.clihdr[0008:ffffffff]: host: 127.0.0.1:46083\n00000000:fe.clihdr[0008:ffffffff]: user-agent: curl/7.88.1\n00000000:fe.clihdr[0008:ffffffff]: accept: */*\n[emerg] 339/193545 (9057) : act log 0\n[alert] 339/193545 (9057) : act log 1\n[crit] 339/193545 (9057) : act log 2\n[err] 339/193545 (9057) : act log 3\n[warning] 339/193545 (9057) : act log 4\n[notice] 339/193545 (9057) : act log 5\n[info] 339/193545 (9057) : act log 6\n[debug] 339/193545 (9057) : act log 7\n[debug] 339/193545 (9057) : act Debug\n[info] 339/193545 (9057) : act Info\n[debug] 339/193545 (9057) : txn Debug\n[info] 339/193545 (9057) : txn Info\n[debug] 339/193545 (9057) : txn log debug\n[info] 339/193545 (9057) : txn log info\n00000000:fe.clicls[0008:ffff]\n00000000:fe.closed[0008:ffff]\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.tmZ3Ga",
        ["PORT"] = 46083,
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
            [1] = "[emerg] 339/193544 (8993) : body log 0\n[alert] 339/193544 (8993) : body log 1\n[crit] 339/193544 (8993) : body log 2\n[err] 339/193544 (8993) : body log 3\n[warning] 339/193544 (8993) : body log 4\n[notice] 339/193544 (8993) : body log 5\n[info] 339/193544 (8993) : body log 6\n[info] 339/193544 (8993) : body Info\n[warning] 339/193544 (8993) : body Warning\n[alert] 339/193544 (8993) : body Alert\n[info] 339/193544 (8993) : init Info\n[info] 339/193544 (8993) : task Info\n[emerg] 339/193545 (8993) : act log 0\n[alert] 339/193545 (8993) : act log 1\n[crit] 339/193545 (8993) : act log 2\n[err] 339/193545 (8993) : act log 3\n[warning] 339/193545 (8993) : act log 4\n[notice] 339/193545 (8993) : act log 5\n[info] 339/193545 (8993) : act log 6\n[info] 339/193545 (8993) : act Info\n[info] 339/193545 (8993) : txn Info\n[info] 339/193545 (8993) : txn log info\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[emerg] 339/193544 (8993) : body log 0\n[alert] 339/193544 (8993) : body log 1\n[crit] 339/193544 (8993) : body log 2\n[err] 339/193544 (8993) : body log 3\n[warning] 339/193544 (8993) : body log 4\n[notice] 339/193544 (8993) : body log 5\n[info] 339/193544 (8993) : body log 6\n[info] 339/193544 (8993) : body Info\n[warning] 339/193544 (8993) : body Warning\n[alert] 339/193544 (8993) : body Alert\n[info] 339/193544 (8993) : init Info\n[info] 339/193544 (8993) : task Info\n[emerg] 339/193545 (8993) : act log 0\n[alert] 339/193545 (8993) : act log 1\n[crit] 339/193545 (8993) : act log 2\n[err] 339/193545 (8993) : act log 3\n[warning] 339/193545 (8993) : act log 4\n[notice] 339/193545 (8993) : act log 5\n[info] 339/193545 (8993) : act log 6\n[info] 339/193545 (8993) : act Info\n[info] 339/193545 (8993) : txn Info\n[info] 339/193545 (8993) : txn log info\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.SJEERV",
        ["PORT"] = 38713,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
