-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/testing_logs_haproxy_spec.lua.
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
            [1] = "[NOTICE]   (14215) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (14215) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (14215) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n[emerg] 339/193629 (14215) : body log 0\n[alert] 339/193629 (14215) : body log 1\n[crit] 339/193629 (14215) : body log 2\n[err] 339/193629 (14215) : body log 3\n[warning] 339/193629 (14215) : body log 4\n[notice] 339/193629 (14215) : body log 5\n[info] 339/193629 (14215) : body log 6\n[debug] 339/193629 (14215) : body log 7\n[debug] 339/193629 (14215) : body Debug\n[info] 339/193629 (14215) : body Info\n[warning] 339/193629 (14215) : body Warning\n[alert] 339/193629 (14215) : body Alert\nNote: setting global.maxconn to 9993.\nAvailable polling systems :\n      epoll : pref=300,  test result OK\n       poll : pref=200,  test result OK\n     select : pref=150,  test result FAILED\nTotal: 3 (2 usable), will use epoll.\n\nAvailable filters :\n\9[BWLIM] bwlim-in\n\9[BWLIM] bwlim-out\n\9[CACHE] cache\n\9[COMP] compression\n\9[FCGI] fcgi-app\n\9[SPOE] spoe\n\9[TRACE] trace\nUsing epoll() as the polling mechanism.\n[debug] 339/193629 (14215) : init Debug\n[info] 339/193629 (14215) : init Info\n[debug] 339/193629 (14215) : task Debug\n[info] 339/193629 (14215) : task Info\n[debug] 339/193629 (14215) : task log debug\n00000000:fe.accept(0005)=0009 from [127.0.0.1:56788] ALPN=<none>\n00000000:fe.clireq[0009:ffffffff]: GET / HTTP/1.1\n00000000:fe.clihdr[0009:ffffffff]: host: 127.0.0.1:39117\n00000000:fe.clihdr[0009:ffffffff]: user-agent: curl/7.88.1\n00000000:fe.clihdr[0009:ffffffff]: accept: */*\n[emerg] 339/193630 (14215) : act log 0\n[alert] 339/193630 (14215) : act log 1\n[crit] 339/193630 (14215) : act log 2\n[err] 339/193630 (14215) : act log 3\n[warning] 339/193630 (14215) : act log 4\n[notice] 339/193630 (14215) : act log 5\n[info] 339/193630 (14215) : act log 6\n[debug] 339/193630 (14215) : act log 7\n[debug] 339/193630 (14215) : act Debug\n[info] 339/193630 (14215) : act Info\n[debug] 339/193630 (14215) : txn Debug\n[info] 339/193630 (14215) : txn Info\n[debug] 339/193630 (14215) : txn log debug\n[info] 339/193630 (14215) : txn log info\n00000000:fe.clicls[0009:ffff]\n00000000:fe.closed[0009:ffff]\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (14215) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (14215) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (14215) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n[emerg] 339/193629 (14215) : body log 0\n[alert] 339/193629 (14215) : body log 1\n[crit] 339/193629 (14215) : body log 2\n[err] 339/193629 (14215) : body log 3\n[warning] 339/193629 (14215) : body log 4\n[notice] 339/193629 (14215) : body log 5\n[info] 339/193629 (14215) : body log 6\n[debug] 339/193629 (14215) : body log 7\n[debug] 339/193629 (14215) : body Debug\n[info] 339/193629 (14215) : body Info\n[warning] 339/193629 (14215) : body Warning\n[alert] 339/193629 (14215) : body Alert\nNote: setting global.maxconn to 9993.\nAvailable polling systems :\n      epoll : pref=300,  test result OK\n       poll : pref=200,  test result OK\n     select : pref=150,  test result FAILED\nTotal: 3 (2 usable), will use epoll.\n\nAvailable filters :\n\9[BWLIM] bwlim-in\n\9[BWLIM] bwlim-out\n\9[CACHE] cache\n\9[COMP] compression\n\9[FCGI] fcgi-app\n\9[SPOE] spoe\n\9[TRACE] trace\nUsing epoll() as the polling mechanism.\n[debug] 339/193629 (14215) : init Debug\n[info] 339/193629 (14215) : init Info\n[debug] 339/193629 (14215) : task Debug\n[info] 339/193629 (14215) : task Info\n[debug] 339/193629 (14215) : task log debug\n00000000:fe.accept(0005)=0009 from [127.0.0.1:56788] ALPN=<none>\n00000000:fe.clireq[0009:ffffffff]: GET / HTTP/1.1\n00000000:fe.clihdr[0009:ffffffff]: host: 127.0.0.1:39117\n00000000:fe.clihdr[0009:ffffffff]: user-agent: curl/7.88.1\n00000000:fe.clihdr[0009:ffffffff]: accept: */*\n[emerg] 339/193630 (14215) : act log 0\n[alert] 339/193630 (14215) : act log 1\n[crit] 339/193630 (14215) : act log 2\n[err] 339/193630 (14215) : act log 3\n[warning] 339/193630 (14215) : act log 4\n[notice] 339/193630 (14215) : act log 5\n[info] 339/193630 (14215) : act log 6\n[debug] 339/193630 (14215) : act log 7\n[debug] 339/193630 (14215) : act Debug\n[info] 339/193630 (14215) : act Info\n[debug] 339/193630 (14215) : txn Debug\n[info] 339/193630 (14215) : txn Info\n[debug] 339/193630 (14215) : txn log debug\n[info] 339/193630 (14215) : txn log info\n00000000:fe.clicls[0009:ffff]\n00000000:fe.closed[0009:ffff]\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.iV4n3L",
        ["PORT"] = 39117,
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
            [1] = "[NOTICE]   (14144) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (14144) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (14144) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n[emerg] 339/193629 (14144) : body log 0\n[alert] 339/193629 (14144) : body log 1\n[crit] 339/193629 (14144) : body log 2\n[err] 339/193629 (14144) : body log 3\n[warning] 339/193629 (14144) : body log 4\n[notice] 339/193629 (14144) : body log 5\n[info] 339/193629 (14144) : body log 6\n[info] 339/193629 (14144) : body Info\n[warning] 339/193629 (14144) : body Warning\n[alert] 339/193629 (14144) : body Alert\n[info] 339/193629 (14144) : init Info\n[info] 339/193629 (14144) : task Info\n[emerg] 339/193629 (14144) : act log 0\n[alert] 339/193629 (14144) : act log 1\n[crit] 339/193629 (14144) : act log 2\n[err] 339/193629 (14144) : act log 3\n[warning] 339/193629 (14144) : act log 4\n[notice] 339/193629 (14144) : act log 5\n[info] 339/193629 (14144) : act log 6\n[info] 339/193629 (14144) : act Info\n[info] 339/193629 (14144) : txn Info\n[info] 339/193629 (14144) : txn log info\n",
            ["n"] = 1,
          },
        },
        [3] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (14144) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (14144) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (14144) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n[emerg] 339/193629 (14144) : body log 0\n[alert] 339/193629 (14144) : body log 1\n[crit] 339/193629 (14144) : body log 2\n[err] 339/193629 (14144) : body log 3\n[warning] 339/193629 (14144) : body log 4\n[notice] 339/193629 (14144) : body log 5\n[info] 339/193629 (14144) : body log 6\n[info] 339/193629 (14144) : body Info\n[warning] 339/193629 (14144) : body Warning\n[alert] 339/193629 (14144) : body Alert\n[info] 339/193629 (14144) : init Info\n[info] 339/193629 (14144) : task Info\n[emerg] 339/193629 (14144) : act log 0\n[alert] 339/193629 (14144) : act log 1\n[crit] 339/193629 (14144) : act log 2\n[err] 339/193629 (14144) : act log 3\n[warning] 339/193629 (14144) : act log 4\n[notice] 339/193629 (14144) : act log 5\n[info] 339/193629 (14144) : act log 6\n[info] 339/193629 (14144) : act Info\n[info] 339/193629 (14144) : txn Info\n[info] 339/193629 (14144) : txn log info\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.zBllIZ",
        ["PORT"] = 44509,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
