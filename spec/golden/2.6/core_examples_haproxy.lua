-- What HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/ answered to spec/integration/core_examples_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["start 7da4b6eae2fb06ce #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 9cf745ba3b305770 /a/1",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 9ced45ba3b2802eb /a/2",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http af16c2979898ba67 /b",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 648e6818e872196a /metrics",
          ["r"] = {
            [1] = 200,
            [2] = "# TYPE http_requests_total counter\nhttp_requests_total{method=\"GET\",prefix=\"/a\"} 2\nhttp_requests_total{method=\"GET\",prefix=\"/metrics\"} 1\nhttp_requests_total{method=\"POST\",prefix=\"/b\"} 1\n",
            [3] = {
              ["content-type"] = "text/plain; version=0.0.4",
              ["transfer-encoding"] = "chunked",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.qJ44iQ",
        ["PORT"] = 34899,
        ["PORT1"] = 41687,
      },
    },
    ["start c653be4094d97a04 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 68d12f6b3c1f5858 /a",
          ["r"] = {
            [1] = 401,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
              ["www-authenticate"] = "Bearer realm=\"api\"",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 6f0b311f384bdb29 /b",
          ["r"] = {
            [1] = 200,
            [2] = "hello alice",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http af064af1fa921262 /c",
          ["r"] = {
            [1] = 403,
            [2] = "denied by auth: bad token",
            [3] = {
              ["content-length"] = "25",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 58a2cd05076a3340 /d",
          ["r"] = {
            [1] = 503,
            [2] = "auth unavailable\n",
            [3] = {
              ["content-length"] = "17",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.CChbal",
        ["PORT"] = 44001,
        ["PORT1"] = 38631,
        ["PORT2"] = 44055,
      },
    },
    ["start ddb5bf121ebcb41f #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http bb3e6ad75fb5032c /api/items",
          ["r"] = {
            [1] = 200,
            [2] = "[{\"id\":1,\"name\":\"first\"},{\"id\":2,\"name\":\"second\"}]\n",
            [3] = {
              ["content-length"] = "51",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 1b1874c76efa8837 /api/items/2",
          ["r"] = {
            [1] = 200,
            [2] = "{\"id\":2,\"name\":\"second\"}\n",
            [3] = {
              ["content-length"] = "25",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http 1b3d74c76f19a474 /api/items/9",
          ["r"] = {
            [1] = 404,
            [2] = "{\"error\":\"no such item\"}\n",
            [3] = {
              ["content-length"] = "25",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http a4d2374a8b26e9c5 /api/items",
          ["r"] = {
            [1] = 201,
            [2] = "{\"id\":3,\"name\":\"third\"}\n",
            [3] = {
              ["content-length"] = "24",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http bb3e6ad75fb5032c /api/items",
          ["r"] = {
            [1] = 200,
            [2] = "[{\"id\":1,\"name\":\"first\"},{\"id\":2,\"name\":\"second\"},{\"id\":3,\"name\":\"third\"}]\n",
            [3] = {
              ["content-length"] = "75",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [6] = {
          ["key"] = "http 04ed3010d1dc759e /api/items",
          ["r"] = {
            [1] = 400,
            [2] = "{\"error\":\"name required\"}\n",
            [3] = {
              ["content-length"] = "26",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [7] = {
          ["key"] = "http 03835e543ec3b3d9 /nope",
          ["r"] = {
            [1] = 404,
            [2] = "{\"error\":\"not found\"}\n",
            [3] = {
              ["content-length"] = "22",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.fDRBTR",
        ["PORT"] = 39425,
        ["PORT1"] = 42241,
      },
    },
    ["start df0c92eb0298a739 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http c58bcfd4ea3ae0ef /api",
          ["r"] = {
            [1] = 204,
            [2] = "",
            [3] = {
              ["access-control-allow-headers"] = "x-token",
              ["access-control-allow-methods"] = "GET, POST, PUT, DELETE",
              ["access-control-allow-origin"] = "https://app.example.com",
              ["access-control-max-age"] = "600",
              ["vary"] = "origin",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http b96b6624e5c16827 /api",
          ["r"] = {
            [1] = 403,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http c691e6075798e4a5 /api",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["access-control-allow-origin"] = "https://admin.example.com",
              ["content-length"] = "11",
              ["content-type"] = "application/json",
              ["vary"] = "origin",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 11f02cbb0e96026d /api",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.HTXLIf",
        ["PORT"] = 44035,
        ["PORT1"] = 34841,
      },
    },
    ["start ef95f7542ea66d27 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "raw b669472a248fe7b3 tcp echo",
          ["r"] = {
            [1] = "hello 127.0.0.1\nHI\nTHERE\nbye\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.mWg6oK",
        ["PORT"] = 36325,
      },
    },
    ["start f2f6a3e6e79bbefb #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 12baf48f810cf314 /login",
          ["r"] = {
            [1] = 302,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
              ["location"] = "/",
              ["set-cookie"] = "session=alice.F69F4A5B8D7D47AF64073FB070BF19ADBDCF8620C4DF65D7421683CBEA5E3551; HttpOnly",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 58794f4499a8da9a /login",
          ["r"] = {
            [1] = 401,
            [2] = "bad credentials\n",
            [3] = {
              ["content-length"] = "16",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http 8c52be5de08a5e0d /private/x",
          ["r"] = {
            [1] = 303,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
              ["location"] = "/login",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http 840856315f0d1859 /private/x",
          ["r"] = {
            [1] = 303,
            [2] = "",
            [3] = {
              ["content-length"] = "0",
              ["location"] = "/login",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [5] = {
          ["key"] = "http 3e18a133ba3ee8a6 /public",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.jr1UBu",
        ["PORT"] = 44833,
        ["PORT1"] = 45703,
      },
    },
    ["start f586922a7aaa5d0f #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 1b0b90322657d9af /",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "http 47de066bafbfbdfc /x",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [3] = {
          ["key"] = "http e06e4cd7a00aa7a6 /static/a.css",
          ["r"] = {
            [1] = 200,
            [2] = "{\"ok\":true}",
            [3] = {
              ["content-length"] = "11",
              ["content-type"] = "application/json",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [4] = {
          ["key"] = "http aba9be86c14ff08a /",
          ["r"] = {
            [1] = 421,
            [2] = "unknown host other.test\n",
            [3] = {
              ["content-length"] = "24",
              ["content-type"] = "text/plain",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.s7fTJY",
        ["PORT"] = 37857,
        ["PORT1"] = 39299,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.3",
    ["haproxy"] = "HAProxy version 2.6.12-1+deb12u4 2026/10/17 - https://haproxy.org/",
  },
}
