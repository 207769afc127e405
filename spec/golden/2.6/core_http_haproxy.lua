-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_http_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 87e54464a0f192d5 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 593509731412db0b /deny",
          ["r"] = {
            [1] = 403,
            [2] = "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "93",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 85d9ea5ecac59a07 /error",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http 3ce8d83ecf024278 /invalid",
          ["r"] = {
            [1] = 400,
            [2] = "<html><body><h1>400 Bad request</h1>\nYour browser sent an invalid request.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["connection"] = "close",
              ["content-length"] = "90",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 547c99cfda2f7d3b /str5",
          ["r"] = {
            [1] = 403,
            [2] = "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "93",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 289c20a7e320fe30 /boom",
          ["r"] = {
            [1] = 200,
            [2] = "x-hello= x-num= v=\n",
            [3] = {
              ["content-length"] = "19",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http cce70debbaa1ef75 /reply",
          ["r"] = {
            [1] = 401,
            [2] = "who are you?\n",
            [3] = {
              ["content-length"] = "13",
              ["www-authenticate"] = "Basic realm=\"x\"",
              ["x-two"] = "2b, 2a",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http e5240ef11c6d2f2d /plain",
          ["r"] = {
            [1] = 999,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
              ["x-list"] = "b, a",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [8] = {
          ["key"] = "http d9863f41ea4f0f8d /nocontent",
          ["r"] = {
            [1] = 204,
            [2] = "",
            [3] = {},
            [4] = "",
            ["n"] = 4,
          },
        },
        [9] = {
          ["key"] = "http 628cb67516a1c0f8 /coredone",
          ["r"] = {
            [1] = 403,
            [2] = "<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "93",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [10] = {
          ["key"] = "http 4a21f6f706cc36bf /hdr",
          ["r"] = {
            [1] = 200,
            [2] = "x-hello=world x-num=5 v=2061535398\n",
            [3] = {
              ["content-length"] = "35",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [11] = {
          ["key"] = "http de01888ab2c13214 /svc/a?x=1",
          ["r"] = {
            [1] = 201,
            [2] = "part1\npart2\n",
            [3] = {
              ["content-type"] = "text/plain",
              ["transfer-encoding"] = "chunked",
              ["x-path"] = "/svc/a?x=1",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [12] = {
          ["key"] = "http 67036023ae111abe /svccl",
          ["r"] = {
            [1] = 200,
            [2] = "fixed\n",
            [3] = {
              ["content-length"] = "6",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [13] = {
          ["key"] = "http 01f33155c22a02a5 /svcnone",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [14] = {
          ["key"] = "http e643db384504c8c1 /svcconn",
          ["r"] = {
            [1] = 200,
            [2] = "bye",
            [3] = {
              ["connection"] = "close",
              ["transfer-encoding"] = "chunked",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [15] = {
          ["key"] = "http fc0ac87d8c6bc43e /svcbody",
          ["r"] = {
            [1] = 200,
            [2] = "POST|10|line1\n|rest",
            [3] = {
              ["content-type"] = "text/plain",
              ["transfer-encoding"] = "chunked",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.CeL2KZ",
        ["PORT"] = 36349,
      },
    },
    ["start ec99f271ed11ec7c #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 593509731412db0b /deny",
          ["r"] = {
            [1] = 200,
            [2] = "<html><body><h1>200 OK</h1>\nService ready.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "58",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 85d9ea5ecac59a07 /error",
          ["r"] = {
            [1] = 500,
            [2] = "<html><body><h1>500 Internal Server Error</h1>\nAn internal server error occurred.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "97",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http 3ce8d83ecf024278 /invalid",
          ["r"] = {
            [1] = 502,
            [2] = "<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n",
            [3] = {
              ["cache-control"] = "no-cache",
              ["content-length"] = "107",
              ["content-type"] = "text/html",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 4ac5426d48a810a7 /abort",
          ["r"] = {
            [1] = 200,
            [2] = "origin",
            [3] = {
              ["content-length"] = "6",
              ["content-type"] = "text/plain",
              ["x-drop"] = "yes",
              ["x-rep"] = "aabb",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http c9242da3c9397519 /done",
          ["r"] = {
            [1] = 503,
            [2] = "replaced\n",
            [3] = {
              ["content-length"] = "9",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http 4230837a39adf81f /status",
          ["r"] = {
            [1] = 418,
            [2] = "origin",
            [3] = {
              ["content-length"] = "6",
              ["content-type"] = "text/plain",
              ["x-drop"] = "yes",
              ["x-rep"] = "aabb",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http 4a21f6f706cc36bf /hdr",
          ["r"] = {
            [1] = 200,
            [2] = "origin",
            [3] = {
              ["content-length"] = "6",
              ["content-type"] = "text/plain",
              ["x-rep"] = "bbaa",
              ["x-res"] = "1",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [8] = {
          ["key"] = "http e5240ef11c6d2f2d /plain",
          ["r"] = {
            [1] = 200,
            [2] = "origin",
            [3] = {
              ["content-length"] = "6",
              ["content-type"] = "text/plain",
              ["x-drop"] = "yes",
              ["x-rep"] = "aabb",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.YJV00C",
        ["PORT"] = 34815,
        ["PORT1"] = 42055,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
