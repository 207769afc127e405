-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_conv_new_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["run_lua 12f46483d994814b #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 12f46483d994814b",
          ["r"] = {
            [1] = "[NOTICE]   (10705) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (10705) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (10705) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-var(txn.x)' rule : unknown converter 'rfc7239_nn'.\n[ALERT]    (10705) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 5934c820df36e915 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 5934c820df36e915",
          ["r"] = {
            [1] = "[NOTICE]   (10789) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (10789) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (10789) : config : parsing [haproxy.cfg:13] : error detected while parsing ACL 'a' : unknown converter 'rfc7239_nn' in ACL expression 'str(x),rfc7239_nn'.\n[ALERT]    (10789) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (10789) : config : Fatal errors found in configuration.\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 899399c31e774ac3 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 899399c31e774ac3",
          ["r"] = {
            [1] = "[NOTICE]   (10762) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (10762) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (10762) : config : parsing [haproxy.cfg:13] : error detected while parsing an 'http-request deny' condition : unknown converter 'rfc7239_nn' in ACL expression 'str(x),rfc7239_nn'.\n[ALERT]    (10762) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 97ac88e8da218e62 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 97ac88e8da218e62",
          ["r"] = {
            [1] = "[NOTICE]   (10732) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (10732) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (10732) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-header' rule : failed to parse sample expression <str(x),rfc7239_nn] b> : unknown converter 'rfc7239_nn'.\n[ALERT]    (10732) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["start 02e26ac7a32c365f #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 6897336b3bede6dd /p",
          ["r"] = {
            [1] = 0,
            [2] = "",
            [3] = {},
            [4] = "curl: (52) Empty reply from server\n",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.83Rb81",
        ["PORT"] = 43429,
      },
    },
    ["start 355d8da2428882f9 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "a1=\"FB09CBA209\" \"iSpSkOahzFxEdnHS/bOZ8A==\"\na2=\"round trip\"\na3=\"9E\" \"pokjtUsJ//AnbVXJs2w/XQ==\" \"\" \"Q1uboS11pL6Kl36jzQEYkA==\"\na4=ERR \"error in arguments\"\na5=\"FB09CBA209\" \"iSpSkOahzFxEdnHS/bOZ8A==\"\na6=nil nil nil\na10=ERR \"bad argument #5 to 'aes_gcm_enc' (Mandatory argument expected)\"\na11=ERR \"bad argument #2 to 'aes_gcm_enc' (integer expected)\"\na12=\"C2CDFFF2F6\" \"Hhg0ZlSNElNLVdEzTN0Nzw==\" nil nil\na14=\"936CA7CE661BF758\" \"FB09CBA209\" \"“l§Îf\\27÷T\"\na15=\":Q1uboS11pL6Kl36jzQEYkA==|BB21D5:aDdQWO5TL1n5hmu+PO4GAQ==|B83CD254D9FF:i8ckroL71+M4GssU0Z9BJQ==|BD3FDF53A4FCFB651D:14q/60EJfgGOjmmL+qClRA==|A23ADC6EA3F1F86012ACC242:mVnuFrV/KJjKGq40R6WUzA==|A735D96DAEF6E5631753C741C6B64A:5JEXFBY9oxM0kZj1UyETTw==|A4302668ADEBE26E1456C844C5BB4D6A348A:RdeMIeKFx7hw0IOfaxFCcQ==|A9332367A8E8EF692955CD5BC0B8306D3989CE1F4D:uPkkLuFxqjSbqgfeGF5RxA==|AE0E2062B7EDEC142E58CE5ECFBD33603E94CD1A72AB9666:2MaDpTs/+LDb3OgGa37gnA==|D3092D61B2E2E917235FD35DCA8236632393C01977A493655EFCF3:X01eRtTEDL2QjHB/ma7DSA==|D0042A7CB1E7D6122042D450C9873966209EC7E474A18C605DC1F4075B30:2UInonR/p9uSSuEzEE48XA==|D507377BBCE4D31D2541D95734843C79259DFAE379A2896F58C2F90046333EAD63:PrxwaUjpTpw1W132pqQQTQ==|DA023476BB19D0183A44DA6A33893F7C2A98F9EE7EBF8A6A27C7FA1D413E3DA86CAAE8AF:/KPoq4PmdFir3cq+7B3Rmw==|DF1D3175861EDD1B3F4BDF693E8E227F2FE7FCED63B8876922C8FF1E4C3900AB69B5EDAC74257D:WifW6B22ksuaBDIUXUu2+A==\"\nt1=\"2023-11-14 22:13:20.123\" \"123000000|123000||123000000|1|123\" \"1700000010\" \"1699999990\"\nt2=\"22:13:20.123456 123456000\" \"1970 184467440\" \"1969-12-31 23:59:59 184467440\" \"%000000000\" \"%Q 005 1 00500%\"\nt3=\"2023 123\" \"2023 123456\" \"2023\" \"000001000\"\nt4=\"2023\" \"1970\" \"0 001000000\" \"no spec\" \"\"\nt10=\"427%7427000000%1/084%9084427000%1|184467440       %9/184467440       %9|N314000000314000000314000000/N740314000740314000740314000|%/%|527819583%/527819%|N700000000700000000391901175700000000/N175700000175700000391901175700000|9195#2956748094/9192#3592458059|184467440-364825094/184467440-364825|xx184467440N%1/xx184467440N%1|333%333333000000/261%261261333000|-4570013/-4570|9196#2071790776/9196#2071790776|Nx1958-356906070/Nx1969-356906| 1-514449543/ 1-514449| 196810-43968131184467440/ 196931-43968184467440|%%/%%|        %1702000000/        %1035702000|4186000000/1174186000|-680421041/-680421|20653000000/8882653000|xN/xN|%-846955540%s/%-846955%s|1844674401844674409184467440N/18446744018446744030184467440N|x885475656/x885475|23100000000        %/2329100000        %|N/N|1957/1969| -876736630%/ -876736%|        %Y/        %Y|%/%|        %%/        %%|09800000028098000000N098000000/5830980003583098000N583098000|184467440/184467440|20/1|92#2198890614/99#1980434653|815#3607627415/227#2133595269|4320000008/5854320003|184467440x184467440       %9/184467440x184467440       %9| 05/28/641964/ 12/29/691969|5170000001988/7155170001970|1944/1969|184467440/184467440|184467440%1 24/184467440%1 24|/|%s-396424189184467440/%s-396424184467440|%s/%s|533000000 01/23/80533000000/952533000 01/04/70952533000|1996791000000833599500/1970500791000833599|/|%/%|747000000747000000/691747000691747000|47900000025479000000/91747900012917479000|/|%32700000012/%2593270009|184467440-265232795184467440 184467440/184467440-265232184467440 184467440|%184467440/%184467440|/| 1998/ 1970| / |  -682729048        %1/  -682729        %1|430000000430000000/707430000707430000|184/184|992000000%/559992000%|        %%/        %%|184467440%1/184467440%1|828000000/790828000|448000000/873448000|7/24|%/%|        %xx/        %xx|184467440-5822217427       %9/184467440-5822231       %9|x/x|199119916657889975/197019706657888|/|184/184|N19671967 %/N19691969 %|119777359331000000 N/119777359331000 N|%/%| 774000000%/ 297774000%|%19401/%19691|1607#786966170/1309#2579654431|NN-571664714/NN-571664|16-243382730/29-243382|/|%/%|30733NN/6490NN|-239518718/-239518|1818-337876013/2828-337876|/|3/12|N679000000/N879679000|098/173|%111000000/%485111000|x647000000/x842647000|194510184/196922184|%1844674401944/%1844674401969|%/%|/|/|396000000396000000%1988/737396000737396000%1970|/|%1 %1/%1 %1|N24184467440%/N26184467440%|x/x|796000000/810796000|%9706000000/%9831706000|%184467440184467440184/%184467440184467440184|  /  |184%Y14/184%Y20|197/324|        %sx%%/        %sx%%|521000000 03/10/80x%/964521000 01/04/70x%|103 /745 |%Y184467440%/%Y184467440%|N/N|184x184467440%1/184x184467440%1|1844674401947/1844674401969|13%/22%| 27 / 21 |1967184467440/1969184467440|         %1% /         %1% |184467440/184467440|N1944      %9 1944/N1969      %9 1969|%/%|%-dN/%-dN|/|%1 184467440/%1 184467440| 1981673N1981/ 1970091N1970|698267094795000000%%1/698267094795000%%1|/|        %225000000N /        %702225000N |3659000000/11635659000|197000000%1/919197000%1|424897274x424897274/424897x424897|/|633000000%/139633000%|2/31| / |960000000%/397960000%|1430#580654780/1650#1650346408|715000000715000000x/191715000191715000x|13100000008/23/72/25013100001/01/70|/|1190#1052942667/1190#3222429367|%/%|184467440184467440N184467440N/184467440184467440N184467440N|184467440%/184467440%|007000000 xx/306007000 xx|184184467440N-75540526623/184184467440N-75540523|3741971%374/1721970%172\"\nt5=ERR \"bad argument #2 to 'ms_utime' (Mandatory argument expected)\"\nt6=\"1970\"\nt7=ERR \"bad argument #3 to 'ms_utime' (integer expected)\"\nt8=ERR \"bad argument #2 to 'us_utime' (unable to duplicate string arg)\"\nt9=ERR \"bad argument #4 to 'us_ltime' (Last argument expected)\"\n",
            [3] = {
              ["content-length"] = "5363",
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
        ["DIR"] = "/tmp/proxylua-spec.5BGGHg",
        ["PORT"] = 39781,
      },
    },
    ["start 76ff9014628de631 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "rg1=integer:279 \"0----|1_a:9example.com:8080unknown:_bhttps|1-a.b.cunknown:_b-|1--unknown:_b-|11.2.3.4:80-[::1]:443http|0----|11.2.3.4:80[::1]:80--|0----|0----|1--_proxy-1-|11.2.3.4:80-[::1]:443-|1_xa.b.c10.0.0.1https|1_x[::1]:80_proxy-1http|11.2.3.4a.b.c10.0.0.1https|1--[::1]:443https|0----|1-0xample.com:8080--|0----|11.2.3.4:80example.com:8080--|1unknown-10.0.0.1-|1---http|0----|1---http|0----|1_x--https|1unknowna.b.c_proxy-1-|0----|1[::1]a.b.c_proxy-1http|1unknowna.b.cunknown:_b-|11.2.3.4:80-https|1_a:9[::1]:80_proxy-1https|1-a.b.c_0roxy-1http|1-a.b.c--|0----|1unknownexample.com_proxy-1-|1_a:9---|1unknown-_proxy-1https|1unknownexample.com:8080_proxy-1http|1_x[::1]:80_proxy-1https|0----|0----|0----|1[2001:db8::1]:_pexample.com-https|1_a:9_proxy-1-|1[2001:db8::1]:_pexample.com10.0.0.1-|1---http|0----|1[2001:db8::1]:_p-unknown:_bhttps|1[::1]a.b.c[::1]:443http|1_a:9[::1]:8010.0.0.1-|0----|1-a.b.c--|0----|0----|1--_proxy-1https|1_x[::1]:8010.0.0.1-|1[::1]-10.0.0.1http|1unknown---|1[::1]-10.0.0.1-|0----|1[2001:db8::1]:_p---|11.2.3.4:80a.b.c[::1]:443http|1--https|0----|1--10.0.0.1-|1-a.b.c[::1]:443https|1_x--http|1_x-10.0.0.1-|1_a:9---|1--10.0.0.1-|0----|11.2.3.4:80[::1]:80_proxy-1http|0----|0----|11.2.3.4a.b.c_proxy-1http|11.2.3.4:80[::1]:80_proxy-1http|1[2001:db8::1]:_pexample.comunknown:_b-|1unknown-_proxy-1-|1unknownexample.com-http|1---https|1unknown---|1[2001:db8::1]:_pexample.comunknown:_bhttp|1---https|0----|0----|1-example.com_proxy-1http|0----|1_xa.b.c10.0.0.1http|0----|1_a:9example.com:8080_proxy-1https|0----|1--_xroxy-1-|11.2.3.4:80[::1]:80[::1]:443http|1[2001:db8::1]:_p10.0.0.1https|1--10.0.0.1-|1-a.b.c--|1-example.com:8080-http|0----|0----|1unknown[::1]:80[::1]:443https|11.2.3.4-unknown:_bhttp|1_xexample.com:808010.0.0.1https|0----|0----|1[2001:db8::1]:_p---|1--_proxy-1-|0----|1--_proxy-1http|0----|1[::1]example.com-https|11.2.3.4:80a.b.0--|11.2.3.410.0.0.1https|1[2001:db8::1]:_p[::1]:80[::1]:443http|1-a.b.c10.0.0.1http|0----|11.2.3.4:80[::1]:80-https|1---http|0----|0----|0----|1_a:9example.com:8080unknown:_b-|0----|11.2.3.4example.com--|0----|0----|0----|0----|11.2.3.4:80-10.0.0.1http|11.2.3.4example.com--|1[2001:db8::1]:_pexample.com_proxy-1-|11.2.3.4:80_proxy-1http|1-[::1]:80--|1[::1]-10.0.0.1http|0----|0----|0----|1---http|0----|1_a:9example.com:808010.0.0.1https|1_x_proxy-1http|0----|11.2.3.4_prhttp|1-a.b0cunknown:_b-|0----|0----|0----|11.2.3.4:80-unknown:_b-|1--unknown:_b-|1--http|11.2.3.4-10.0.0.1-|1unknown---|1-example.com:808010.0.0.1http|1-[::1]:8010.0.0.1https|0----|0----|1---http|1[2001:db8::1]:_pexample.com_proxy-1-|1---https|11.2.3.4[::1]:80unknown:_b-|1-example.com:808010.0.0.1https|1[2001:db8::1]:_p-[::1]:443-|1_x[::1]:80unknown:_bhttps|1-[::1]:443-|0----|0----|1unknownexample.com:8080-http|1--_proxy-1-|0----|1--10.0.0.1http|11.2.3.4unknown:_b-|1---http|1---http|1unknownexample.com:808010.0.0.1https|1_xexample.com:8080_proxy-1http|1[2001:db8::1]:_p--https|11.2.3.4-[::1]:443http|1unknown-10.0.0.1-|1[2001:db8::1]:_pexample.com:8080_proxy-1http|1[2001:db8::1]:_pexample.com-http|1[::1]-10.0.0.1https|0----|1--unknown:_b-|1-x.b.c-https|0----|1_xexample.com:880-https|1---http|1_a:9a.b.c_proxy-1https|1unknowna.b.cunknown:_bhttp|1[2001:db8::1]:_pexample.com_proxy-1http|0----|1unknowna.b.cunknown:_bhttp|1[::1][::1]:80unknown:_bhttps|1unknown[::1]:443http|0----|1--10.0.0.1-|1[2001:db8::1]:_pexample.com:8080unknown:_bhttp|1---http|1-[::1]:80-http|1unknownexample.com--|0----|0----|0----|1_xa.b.cunknown:_b-|11.2.3.4a.b.cunknown:_bhttp|1[2001:db8::1]:_p[::1]:80unknown:_bhttps|11.2.3.4example.com--|1unknown-unknown:_b-|11.2.3.4:80[::1]:8010.0.0.1https|0----|1---http|11.2.3.4:80---|0----|11.2.3.4example.com:808010.0.0.1http|1--10.0.0.1-|0----|1[2001:db8::1]:_pexample.comunknown:_bhttps|0----|0----|0----|0----|0----|1[::1]a.b.c-http|0----|1--10.0.0.1-|0----|0----|0----|1-[::1]:80unknown:_b-|0----|1unknowna.b.c_proxy-1https|1_a:9-_proxy-1https|11.2.3.4a.b.c-http|1unknown[::1]:80[::1]:443http|1--[::1]:443-|1[2001:db8::1]:_pa.b.c10.0.0.1https|1[::1]a.b.c-http|11.2.3.4---|0----|1_a:9-_proxy-1-|1-example.com:8080[::1]:443https|1-example.com10.0.0.1-|11.2.3.4:80---|1_xexample.com:808010.0.0.1https|1-[::1]:80-http|1[2001:db8::1]:_p-_proxy-1-|1_x-_proxy-1https|1-unknown:_bhttp|0----|1-a.b.cunknown:_b-|1_a:9-[::1]:443http|11.2.3.4example.com:808010.0.0.1-|0----|0----|1_xexample.com-http|1[2001:db8::1]:_p-_proxy-1https|1-example.com:8080_proxy-1-|1unknown[::1]:80_proxy-1https|1[::1]example.com:8080-https|0----|1---http|1-example.com:8080[::1]:443-|1_xexample.com10.0.0.1https|0----|11.2.3.4example.comunknown:_bhttps|1[::1]example.com:8080[::1]:443http|11.2.3.4_proxy-1http|1-a.b.c[::1]:443https|1[::1][::1]:8010.0.0.1https|11.2.3.4:80example.com--|1_a:9example.com:808010.0.0.1https|11.2.3.4:80example.com:8080unknown:_bhttps|1_a:9--http|11.2.3.4:80[::1]:80--|11.2.3.4-10.0.0.1http|1_xexample.com10.0.0.1https|0----|1---https|1-[::1]:8010.0.0.1-|1--10.0.0.1-|0----|11.2.3.4--https|1[2001:db8::1]:_p10.0.0.1https|1---https|1_xexample.com--|1[2001:db8::1]:_p[::1]:80[::1]:443http|0----|1_a:9a.b.c[::1]:443http|1unknown-10.0.0.1http|0----|11.2.3.4:80-[::1]:443-|1-a.b.c--|0----|0----|1-example.com--|0----|0----|1_a:9-10.0.0.1https|11.2.3.4[::1]:443https|0----|1-[::1]:443https|1[::1]---|11.2.3.4-unknown:_bhttps|0----|1-a.b.c-https|0----|1_xexample.com--|1-[::1]:80unknown:_b-|0----|0----|0----|1-example.com_proxy-1-|1--[::1]:443http|1---https|1-example.com:808010.0.0.1-|1--https|1-examplexcom--|0----|0----|1-a.b.c--|11.2.3.4:80[::1]:80_proxy-1https|0----|1-a.b.c--|1-example.com:8080--|1-a.b.[::1]:443http|1unknownexample.com10.0.0.1http|1[::1]---|0----|1unknown--https|11.2.3.4:80example.com:8080unknown:_bhttps|0----|0----|0----|1--_proxy-1http|1--unknown:_b-|1unknown[::1]:80-http|1[::1][::1]:80-http|1-example.com--|11.2.3.4:80--http|1_a:9example.com_proxy-1-|1_x---|0----|0----|11.2.3.4-unknown:_b-|1--[::1]:443-|1[2001:db8::1]:_pa.b.c_proxy-1https|1-example.com--|1_x---|0----|1_a:9--http|0----|1_x-[::1]:443https|1_a:9-https|1[2001:db8::1]:_pa.b.c--|1[2001:db8::1]:_pexample.com:8080_proxy-1-|1_x-_proxy-1https|1--10.0.0.1http|0----|0----|1_a:9example.comunknown:_bhttps|1_a:9a.b.c10.0.0.1http|0----|1-example.com--|1unknowna.b.c[::1]:443http|0----|1-example.com:8080[::1]:443-|0----|0----|1[::1]example.comunknown:_bhttp|0----|11.2.3.4:80-[::1]:443http|1[2001:db8::1]:_pa.b.c-http|1-a.b.c-https|1unknown-[::1]:443http|0----|1_a:9--https|11.2.3.4:80a.b.c-https|1--10.0.0.1-|0----|1--unknown:_b-|1[::1]example.comunknown:_bhttp|1-[::1]:80--|0----|1-a.b.c10.0.0.1-|1[::1]example.com:8080unknown:_b-|1[::1]a.b.c-http|1unknown-[::1]:443-|0----|1-examle.com:8080--|1---http|0----|1unknownexample.com10.0.0.1-|1[::1]-unknown:_bhttps|0----|1---https|1unknown-[::1]:443-|0----|1[2001:db8::1]:_p-http|1_a:9--https|0----|1unknownexample.com--\"\nrf1=integer:11 \"0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1--[2001:db8::1]:65535-|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|11.2.3.4---|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1-256.1.1.1--|0----|0----|0----|1-unknown--|0----|0----|0----|0----|0----|1unknown:65535---|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1-[::1]:65535--|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1-unknownx--|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1-1.2.3.4.5--|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1-1.2.3.4--|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1--[2001:db8::1]:65535-|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|1[::1]---|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----|0----\"\nrf2=\"-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|::1/80|-/-|-/-|-/-|unknown/-|-/-|-/-|1.2.3.4/_p|unknown/-|-/-|-/-|_hid-den/80|-/-|-/-|-/-|-/-|-/-|_hid-den/65535|-/-|-/-|-/-|unknown/-|-/-|-/-|-/-|_hid-den/_p|unknown/_pxyz|-/-|unknown/-|::1/-|unknown/65535|unknown/-|-/-|-/-|-/-|-/-|1.2.3.4/65535|-/-|-/-|-/-|-/-|2001:db8::1/80|-/-|unknown/65535|-/-|-/-|unknown/-|-/-|unknown/-|unknown/-|-/-|-/-|-/-|-/-|-/-|2001:db8::1/65535|-/-|-/-|-/-|-/-|unknown/-|unknown/-|-/-|1.2.3.4/-|2001:db8::1/-|-/-|1.2.3.4/-|unknown/-|-/-|2001:db8::1/65535|-/-|2001:db8::1/-|1.2.3.4/80|-/-|1.2.3.4/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|::1/80|_hid-den/65535|unknown/-|-/-|-/-|-/-|unknown/-|-/-|-/-|-/-|::1/-|-/-|unknown/65535|-/-|-/-|-/-|_hid-den/-|-/-|-/-|-/-|-/-|1.2.3.4/80|unknown/-|-/-|-/-|-/-|-/-|unknown/-|-/-|unknown/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|_hid-denxyz/-|1.2.3.4/65535|-/-|-/-|unknown/-|-/-|unknown/-|-/-|-/-|-/-|1.2.3.4/-|-/-|_hid-den/-|2001:db8::1/65535|-/-|-/-|-/-|-/-|-/-|unknown/-|-/-|-/-|2001:db8::1/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|_hid-den/-|-/-|-/-|unknown/80|unknown/-|-/-|-/-|-/-|-/-|2001:db8::1/80|-/-|unknown/-|-/-|-/-|_hid-den/80|-/-|::1/65535|::1/80|-/-|unknown/-|-/-|_hid-denxyz/-|-/-|-/-|-/-|2001:db8::1/-|-/-|-/-|-/-|-/-|-/-|unknown/-|-/-|-/-|-/-|unknown/-|-/-|unknown/-|_hid-den/-|1.2.3.4/65535|-/-|unknown/-|-/-|_hid-den/_pxyz|unknown/_pxyz|-/-|-/-|-/-|-/-|1.2.3.4/65535|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|2001:db8::1/_pxyz|unknown/-|1.2.3.4/80|-/-|unknown/_pxyz|-/-|-/-|-/-|-/-|-/-|-/-|-/-|::1/_p|-/-|unknown/-|unknown/80|-/-|-/-|-/-|-/-|-/-|-/-|-/-|unknown/-|-/-|-/-|_hid-den/-|-/-|_hid-den/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|1.2.3.4/80|unknown/-|1.2.3.4/80|-/-|-/-|-/-|unknown/80|::1/-|_hid-den/65535|-/-|-/-|_hid-den/_p|-/-|-/-|::1/-|unknown/-|unknown/-|-/-|-/-|unknown/-|-/-|-/-|-/-|-/-|-/-|2001:db8::1/-|unknown/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-\"\nrp1=\"-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|1;/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|1;;a=1;=/1|-/-|-/-|/-|-/|-/-|-/-|-/-|-/-|-/-|/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|-/-|-/-|-/-|1;/1|-/-|-/-|-/-|-/-|1;/1|-/-|/|-/x&ba=1|-/-|-/-|-/1|-/-|b;=/b|-/-|-/-|x/x&b=x&=ba=b=x&=&|/-|-/-|-/-|-/-|-/-|-/-|x/x&a=1|x/x&a|-/-|b;=/b|-/-|/-|-/-|-/-|-/bb=|-/-|-/-|-/-|b=x/b=x&|/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|-/-|-/-|-/-|-/-|/-|-/x&&&=b&=b|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|-/|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|-/-|=a=/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|b;/b|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|x/x&&&&&&&a=|-/-|-/-|-/-|-/-|-/-|-/-|-/-|x/x&=b&&|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|1;;ba=b/1|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|/-|-/-|1;a=/&b|-/-|-/-|a/-|/-|b;/b|-/-|-/-|/|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|a=1;/a=1|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|/-|-/-|/-|-/-|x/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|x/-|-/-|b=x/b=x&|-/-|-/-|x/-|-/-|-/-|-/-|-/-|=b/-|-/-|-/-|-/-|/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/x&&&|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|-/-|x/x&|-/x&|/-|-/-|-/-|-/-|-/-|-/-|-/-|/|-/-|/-|1;/1|-/-|-/-|-/-|-/-|-/-|/-|-/-|x/-|-/-|-/-|-/-|-/|-/-|ba=/-|-/-|==/==|-/-|/-|-/-|-/-|-/-|-/-|b=x/b=x&=ba=1|-/-\"\nrx1=\"18446744073709551567|97|X509_V_ERR_CRL_HAS_EXPIRED|X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA|X509_V_ERR_OCSP_VERIFY_FAILED|110|144|18446744073709551585|102|X509_V_ERR_OUT_OF_MEM|18446744073709551615|112|139|X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION|114|18446744073709551580|136|X509_V_ERR_CA_KEY_TOO_SMALL|18446744073709551583|18446744073709551581|116|145|18446744073709551569|18446744073709551582|98|138|X509_V_ERR_OCSP_VERIFY_FAILED|111|X509_V_ERR_OUT_OF_MEM|X509_V_ERR_CERT_REVOKED|18446744073709551594|X509_V_ERR_CA_MD_TOO_WEAK|102|X509_V_OK|18446744073709551582|X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER|100|121|105|X509_V_ERR_CRL_PATH_VALIDATION_ERROR|X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY|111|X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED|X509_V_ERR_INVALID_NON_CA|147|X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT|130|112|18446744073709551604|149|18446744073709551599|141|18446744073709551609|143|X509_V_ERR_CERT_UNTRUSTED|X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL|X509_V_ERR_UNNESTED_RESOURCE|X509_V_ERR_NO_EXPLICIT_POLICY|103|18446744073709551579|X509_V_ERR_NO_EXPLICIT_POLICY|18446744073709551572|138|X509_V_ERR_UNSUPPORTED_NAME_SYNTAX|X509_V_ERR_EC_KEY_EXPLICIT_PARAMS|130|18446744073709551598|18446744073709551601|18446744073709551579|113|X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE|136|108|137|X509_V_ERR_CA_MD_TOO_WEAK|18446744073709551610|X509_V_ERR_ISSUER_NAME_EMPTY|X509_V_ERR_HOSTNAME_MISMATCH|102|18446744073709551569|18446744073709551576|X509_V_ERR_SUBTREE_MINMAX|X509_V_ERR_INVALID_CA|18446744073709551602|18446744073709551611|X509_V_ERR_CERT_REVOKED|X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD|113|X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED|X509_V_ERR_OCSP_VERIFY_FAILED|143|X509_V_ERR_OUT_OF_MEM|97|18446744073709551603|18446744073709551577|X509_V_ERR_UNSPECIFIED|X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER|X509_V_ERR_EMAIL_MISMATCH|18446744073709551573|X509_V_ERR_EE_KEY_TOO_SMALL\"\n",
            [3] = {
              ["content-length"] = "14419",
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
        ["DIR"] = "/tmp/proxylua-spec.BmpJDT",
        ["PORT"] = 40081,
      },
    },
    ["start 82cc151ec1bd3a47 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "p1=\"b\" \"\" \"\" \"2\"\np2=nil nil \"2\" \"\" \"1\" \"3\"\np3=\"v\" nil \"\" nil\np4=ERR \"error in arguments\"\np5=ERR \"error in arguments\"\np6=ERR \"bad argument #2 to 'param' (Mandatory argument expected)\"\np7=ERR \"bad argument #2 to 'param' (unable to duplicate string arg)\"\np8=\"\" nil \"\" nil \"x\" \"\" \"a%20b\"\np9=ERR \"bad argument #4 to 'param' (Last argument expected)\"\nv1=integer:1 integer:0 integer:0 integer:1 integer:0 integer:1 integer:0\nv2=integer:1 integer:1 integer:0 integer:1 integer:0 integer:0 integer:0\nv3=integer:0 integer:0 integer:0 integer:1 integer:1 integer:0 integer:0 integer:1\nv4=integer:0 integer:0 integer:0 integer:0 integer:0 integer:1 integer:1 integer:0\nv5=integer:0 integer:1 integer:1 integer:1 integer:0 integer:0 \"1\" integer:0\nf1=\"haproxy.org:80\" \"127.0.0.1:9999\" \"https\" nil\nf2=nil nil nil \"\"\nf3=\"example.com\" \"[::1]:8080\" \"unknown\" \"_a:_b\" \"http\" \"\"\nf4=ERR \"bad argument #2 to 'rfc7239_field' (Mandatory argument expected)\"\nn1=\"127.0.0.1\" \"ab:cd:ff:ff:ff:ff:ff:ff\" \"_name\" \"unknown\" \"::1\" \"1.2.3.4\"\nn2=nil nil nil \"unknown\" \"1.2.3.4\" \"1.2.3.4\" nil \"::1\"\nn3=integer:9999 \"_port\" nil nil integer:65535 nil integer:80 \"_x-y\" integer:1 \"81\"\nn4=ERR \"bad argument #2 to 'rfc7239_n2np' (Last argument expected)\"\nx1=\"18446744073709551614 18446744073709551615 X509_V_OK X509_V_ERR_UNSPECIFIED X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT X509_V_ERR_UNABLE_TO_GET_CRL X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY X509_V_ERR_CERT_SIGNATURE_FAILURE X509_V_ERR_CRL_SIGNATURE_FAILURE X509_V_ERR_CERT_NOT_YET_VALID X509_V_ERR_CERT_HAS_EXPIRED X509_V_ERR_CRL_NOT_YET_VALID X509_V_ERR_CRL_HAS_EXPIRED X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD X509_V_ERR_OUT_OF_MEM X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE X509_V_ERR_CERT_CHAIN_TOO_LONG X509_V_ERR_CERT_REVOKED X509_V_ERR_NO_ISSUER_PUBLIC_KEY X509_V_ERR_PATH_LENGTH_EXCEEDED X509_V_ERR_INVALID_PURPOSE X509_V_ERR_CERT_UNTRUSTED X509_V_ERR_CERT_REJECTED X509_V_ERR_SUBJECT_ISSUER_MISMATCH X509_V_ERR_AKID_SKID_MISMATCH X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH X509_V_ERR_KEYUSAGE_NO_CERTSIGN X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION X509_V_ERR_KEYUSAGE_NO_CRL_SIGN X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION X509_V_ERR_INVALID_NON_CA X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE X509_V_ERR_PROXY_CERTIFICATES_NOT_ALLOWED X509_V_ERR_INVALID_EXTENSION X509_V_ERR_INVALID_POLICY_EXTENSION X509_V_ERR_NO_EXPLICIT_POLICY X509_V_ERR_DIFFERENT_CRL_SCOPE X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE X509_V_ERR_UNNESTED_RESOURCE X509_V_ERR_PERMITTED_VIOLATION X509_V_ERR_EXCLUDED_VIOLATION X509_V_ERR_SUBTREE_MINMAX X509_V_ERR_APPLICATION_VERIFICATION X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX X509_V_ERR_UNSUPPORTED_NAME_SYNTAX X509_V_ERR_CRL_PATH_VALIDATION_ERROR X509_V_ERR_PATH_LOOP X509_V_ERR_SUITE_B_INVALID_VERSION X509_V_ERR_SUITE_B_INVALID_ALGORITHM X509_V_ERR_SUITE_B_INVALID_CURVE X509_V_ERR_SUITE_B_INVALID_SIGNATURE_ALGORITHM X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED X509_V_ERR_SUITE_B_CANNOT_SIGN_P_384_WITH_P_256 X509_V_ERR_HOSTNAME_MISMATCH X509_V_ERR_EMAIL_MISMATCH X509_V_ERR_IP_ADDRESS_MISMATCH X509_V_ERR_DANE_NO_MATCH X509_V_ERR_EE_KEY_TOO_SMALL X509_V_ERR_CA_KEY_TOO_SMALL X509_V_ERR_CA_MD_TOO_WEAK X509_V_ERR_INVALID_CALL X509_V_ERR_STORE_LOOKUP X509_V_ERR_NO_VALID_SCTS X509_V_ERR_PROXY_SUBJECT_NAME_VIOLATION X509_V_ERR_OCSP_VERIFY_NEEDED X509_V_ERR_OCSP_VERIFY_FAILED X509_V_ERR_OCSP_CERT_UNKNOWN X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY X509_V_ERR_INVALID_CA X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA X509_V_ERR_ISSUER_NAME_EMPTY X509_V_ERR_SUBJECT_NAME_EMPTY X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER X509_V_ERR_EMPTY_SUBJECT_ALT_NAME X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL X509_V_ERR_CA_BCONS_NOT_CRITICAL X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL X509_V_ERR_CA_CERT_MISSING_KEY_USAGE X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3 X509_V_ERR_EC_KEY_EXPLICIT_PARAMS 95 96\"\nx2=\"X509_V_OK\" \"X509_V_ERR_CERT_HAS_EXPIRED\" \"X509_V_ERR_CERT_REVOKED\" \"X509_V_OK\" \"X509_V_OK\" \"X509_V_ERR_UNSPECIFIED\"\nx3=\"X509_V_OK\"\n",
            [3] = {
              ["content-length"] = "4654",
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
        ["DIR"] = "/tmp/proxylua-spec.XS6Yat",
        ["PORT"] = 42385,
      },
    },
    ["start 9c6d2d71c28111b0 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 6897336b3bede6dd /p",
          ["r"] = {
            [1] = 0,
            [2] = "",
            [3] = {},
            [4] = "curl: (52) Empty reply from server\n",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.QPMhva",
        ["PORT"] = 34831,
      },
    },
    ["start a61f09ae7610def3 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 6897336b3bede6dd /p",
          ["r"] = {
            [1] = 0,
            [2] = "",
            [3] = {},
            [4] = "curl: (52) Empty reply from server\n",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.0N3t3p",
        ["PORT"] = 33607,
      },
    },
    ["start b49bb5517c7ca792 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "have=\"param=function/function,rfc7239_field=function/function,rfc7239_is_valid=function/function,rfc7239_n2nn=function/function,rfc7239_n2np=function/function,x509_v_err_str=function/function,aes_gcm_enc=function/function,ms_ltime=function/function,ms_utime=function/function,us_ltime=function/function,us_utime=function/function,rfc7239_nn=nil/nil,rfc7239_np=nil/nil,date=nil/nil,when=nil/nil\"\nnil1=\"1\"\nnil2=ERR \"attempt to call a nil value (method 'rfc7239_nn')\"\nnil3=\"ë\"\nnil4=ERR \"attempt to call a nil value (method 'date')\"\nnil5=\"1970\"\nnil6=ERR \"attempt to call a nil value (method 'when')\"\n",
            [3] = {
              ["content-length"] = "596",
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
        ["DIR"] = "/tmp/proxylua-spec.ixcUOI",
        ["PORT"] = 36267,
      },
    },
    ["start f5f5b6dfc4e841a3 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http 6897336b3bede6dd /p",
          ["r"] = {
            [1] = 0,
            [2] = "",
            [3] = {},
            [4] = "curl: (52) Empty reply from server\n",
            ["n"] = 4,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.VAuPQy",
        ["PORT"] = 37723,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
