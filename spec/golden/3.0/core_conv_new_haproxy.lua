-- What HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/ answered to spec/integration/core_conv_new_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["run_lua 12f46483d994814b #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 12f46483d994814b",
          ["r"] = {
            [1] = "[NOTICE]   (25277) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (25277) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (25277) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-var(txn.x)' rule : unknown converter 'rfc7239_nn'.\n[ALERT]    (25277) : config : Error(s) found in configuration file : haproxy.cfg\n",
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
            [1] = "[NOTICE]   (25406) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (25406) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (25406) : config : parsing [haproxy.cfg:13] : error detected while parsing ACL 'a' : unknown converter 'rfc7239_nn' in ACL expression 'str(x),rfc7239_nn'.\n[ALERT]    (25406) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (25406) : config : Fatal errors found in configuration.\n",
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
            [1] = "[NOTICE]   (25349) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (25349) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (25349) : config : parsing [haproxy.cfg:13] : error detected while parsing an 'http-request deny' condition : unknown converter 'rfc7239_nn' in ACL expression 'str(x),rfc7239_nn'.\n[ALERT]    (25349) : config : Error(s) found in configuration file : haproxy.cfg\n",
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
            [1] = "[NOTICE]   (25308) : haproxy version is 3.0.0-5590ada47\n[NOTICE]   (25308) : path to executable is /work/haproxy-builds/3.0/haproxy\n[ALERT]    (25308) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-header' rule : failed to parse sample expression <str(x),rfc7239_nn] b> : unknown converter 'rfc7239_nn'.\n[ALERT]    (25308) : config : Error(s) found in configuration file : haproxy.cfg\n",
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
        ["DIR"] = "/tmp/proxylua-spec.RDKhHu",
        ["PORT"] = 43647,
      },
    },
    ["start 2812903e1a89d54f #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "a1=\"FB09CBA209\" \"iSpSkOahzFxEdnHS/bOZ8A==\"\na2=\"round trip\"\na3=\"9E\" \"pokjtUsJ//AnbVXJs2w/XQ==\" \"\" \"Q1uboS11pL6Kl36jzQEYkA==\"\na4=ERR \"error in arguments\"\na5=\"FB09CBA209\" \"iSpSkOahzFxEdnHS/bOZ8A==\"\na6=nil nil nil\na10=ERR \"bad argument #5 to 'aes_gcm_enc' (Mandatory argument expected)\"\na11=ERR \"bad argument #2 to 'aes_gcm_enc' (integer expected)\"\na12=\"C2CDFFF2F6\" \"Hhg0ZlSNElNLVdEzTN0Nzw==\" nil nil\na14=\"936CA7CE661BF758\" \"FB09CBA209\" \"“l§Îf\\27÷T\"\nt1=\"2023-11-14 22:13:20.123\" \"123000000|123000||123000000|1|123\" \"1700000010\" \"1699999990\"\nt2=\"22:13:20.123456 123456000\" \"1970 184467440\" \"1969-12-31 23:59:59 184467440\" \"%000000000\" \"%Q 005 1 00500%\"\nt3=\"2023 123\" \"2023 123456\" \"2023\" \"000001000\"\nt4=\"2023\" \"1970\" \"0 001000000\" \"no spec\" \"\"\nt5=ERR \"bad argument #2 to 'ms_utime' (Mandatory argument expected)\"\nt6=\"1970\"\nt7=ERR \"bad argument #3 to 'ms_utime' (integer expected)\"\nt8=ERR \"bad argument #2 to 'us_utime' (unable to duplicate string arg)\"\nt9=ERR \"bad argument #4 to 'us_ltime' (Last argument expected)\"\n",
            [3] = {
              ["content-length"] = "1012",
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
        ["DIR"] = "/tmp/proxylua-spec.V9zbWe",
        ["PORT"] = 44591,
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
        ["DIR"] = "/tmp/proxylua-spec.NZo3OF",
        ["PORT"] = 40591,
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
        ["DIR"] = "/tmp/proxylua-spec.xupDyw",
        ["PORT"] = 41111,
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
        ["DIR"] = "/tmp/proxylua-spec.J5a6j3",
        ["PORT"] = 40363,
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
        ["DIR"] = "/tmp/proxylua-spec.y836lb",
        ["PORT"] = 43701,
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
        ["DIR"] = "/tmp/proxylua-spec.GQhVNV",
        ["PORT"] = 40685,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.0.0-5590ada47 2024/05/29 - https://haproxy.org/",
  },
}
