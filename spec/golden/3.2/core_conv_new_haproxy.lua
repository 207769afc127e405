-- What HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/ answered to spec/integration/core_conv_new_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["run_lua 0ff32b075578605f #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 0ff32b075578605f",
          ["r"] = {
            [1] = "[NOTICE]   (26099) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26099) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26099) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\nWarnings were found.\n",
            [2] = true,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 1a8857e84dbd7122 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 1a8857e84dbd7122",
          ["r"] = {
            [1] = "[NOTICE]   (26202) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26202) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26202) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\nWarnings were found.\n",
            [2] = true,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 79ae0e20fabc2db2 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 79ae0e20fabc2db2",
          ["r"] = {
            [1] = "[NOTICE]   (26038) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26038) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26038) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\nWarnings were found.\n",
            [2] = true,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua fa99b4a445cd1d3c #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua fa99b4a445cd1d3c",
          ["r"] = {
            [1] = "[NOTICE]   (26159) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26159) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26159) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\nWarnings were found.\n",
            [2] = true,
            ["n"] = 2,
          },
        },
      },
    },
    ["start 27bd1e77ceabff04 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "s1=\"x\" \"x\" nil \"1\"\n",
            [3] = {
              ["content-length"] = "19",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (26656) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26656) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26656) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.MriEtx",
        ["PORT"] = 44057,
      },
    },
    ["start 2812903e1a89d54f #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "a1=\"FB09CBA209\" \"iSpSkOahzFxEdnHS/bOZ8A==\"\na2=\"round trip\"\na3=\"9E\" \"pokjtUsJ//AnbVXJs2w/XQ==\" \"\" \"Q1uboS11pL6Kl36jzQEYkA==\"\na4=ERR \"error in arguments: key size must be 128, 192 or 256 (bits).\"\na5=\"FB09CBA209\" \"iSpSkOahzFxEdnHS/bOZ8A==\"\na6=nil nil nil\na10=ERR \"bad argument #5 to 'aes_gcm_enc' (Mandatory argument expected)\"\na11=ERR \"bad argument #2 to 'aes_gcm_enc' (integer expected)\"\na12=\"C2CDFFF2F6\" \"Hhg0ZlSNElNLVdEzTN0Nzw==\" nil nil\na14=\"936CA7CE661BF758\" \"FB09CBA209\" \"“l§Îf\\27÷T\"\nt1=\"2023-11-14 22:13:20.123\" \"123000000|123000||123000000|1|123\" \"1700000010\" \"1699999990\"\nt2=\"22:13:20.123456 123456000\" \"1970 184467440\" \"1969-12-31 23:59:59 184467440\" \"%000000000\" \"%Q 005 1 00500%\"\nt3=\"2023 123\" \"2023 123456\" \"2023\" \"000001000\"\nt4=\"2023\" \"1970\" \"0 001000000\" \"no spec\" \"\"\nt5=ERR \"bad argument #2 to 'ms_utime' (Mandatory argument expected)\"\nt6=\"1970\"\nt7=ERR \"bad argument #3 to 'ms_utime' (integer expected)\"\nt8=ERR \"bad argument #2 to 'us_utime' (unable to duplicate string arg)\"\nt9=ERR \"bad argument #4 to 'us_ltime' (Last argument expected)\"\n",
            [3] = {
              ["content-length"] = "1054",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (26379) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26379) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26379) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.JIQWqR",
        ["PORT"] = 36227,
      },
    },
    ["start 2d70413dbc0e856c #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "r1=\"x\" \"x\" nil nil \"x\"\n",
            [3] = {
              ["content-length"] = "23",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (26588) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26588) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26588) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.GTduPQ",
        ["PORT"] = 40901,
        ["PORT1"] = 41009,
      },
    },
    ["start 3d8c09f4f91f2406 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "a7=ERR \"error in arguments: failed to parse aead_tag : invalid variable name 'tag'. A variable name must be start by its scope. The scope can be 'proc', '(p)sess', '(p)txn', '(p)req', '(p)res' or 'check'\"\na8=ERR \"error in arguments: failed to parse nonce : argument needs to be base64 encoded, and can either be a string or a variable\"\na9=ERR \"error in arguments: failed to parse key : argument needs to be base64 encoded, and can either be a string or a variable\"\na13=ERR \"error in arguments: failed to parse aead_tag : invalid syntax at char '-b'\"\n",
            [3] = {
              ["content-length"] = "550",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (26462) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26462) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26462) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.qq3hIO",
        ["PORT"] = 34529,
      },
    },
    ["start 7a8794452dc3550d #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "nn1=\"_x\" \"unknown\" nil \"_1.2.3.4\" \"_12\" nil \"__x\" \"_a-b.c_d\" \"\"\nnn2=\"12\" \"_test\" nil \"4294967295\" \"1\" \"_8080\" nil \"\"\nnn3=ERR \"bad argument #2 to 'rfc7239_nn' (Last argument expected)\"\nd1=integer:784111777 integer:784111777 integer:784111777 integer:1920185377 integer:2866956577 integer:371084917106977 integer:784111777\nd2=integer:371085169567777 integer:-86400 integer:784111777 nil nil integer:1709431321 nil\nd3=nil nil integer:784111777 nil nil integer:784111777 nil integer:951868800 integer:4107542400 integer:371023007155200 integer:253402300799 \"\"\nd4=ERR \"bad argument #2 to 'date' (Last argument expected)\"\nw1=\"x\" nil nil \"x\" nil \"x\" nil nil nil \"x\"\nw2=ERR \"error in arguments: expects a supported keyword among {stopping,normal,error,forwarded,toapplet,processed,acl} but got 'bogus'\"\nw3=ERR \"bad argument #2 to 'when' (Mandatory argument expected)\"\nw4=ERR \"error in arguments: 'acl' selector requires an extra argument with the ACL name\"\nw5=ERR \"error in arguments: 'acl' selector may only be used in the context of a proxy\"\nw6=integer:5 integer:1 \"7\" \"\" \"x\"\nw7=ERR \"bad argument #5 to 'when' (Last argument expected)\"\nw8=ERR \"error in arguments: 'acl' selector requires an extra argument with the ACL name\"\n",
            [3] = {
              ["content-length"] = "1219",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (26526) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26526) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26526) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.5Hg532",
        ["PORT"] = 45087,
      },
    },
    ["start 82cc151ec1bd3a47 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "p1=\"b\" \"\" \"\" \"2\"\np2=nil nil \"2\" \"\" \"1\" \"3\"\np3=\"v\" nil \"\" nil\np4=ERR \"error in arguments: Delimiter must be exactly 1 character.\"\np5=ERR \"error in arguments: Delimiter must be exactly 1 character.\"\np6=ERR \"bad argument #2 to 'param' (Mandatory argument expected)\"\np7=ERR \"bad argument #2 to 'param' (unable to duplicate string arg)\"\np8=\"\" nil \"\" nil \"x\" \"\" \"a%20b\"\np9=ERR \"bad argument #4 to 'param' (Last argument expected)\"\nv1=integer:1 integer:0 integer:0 integer:1 integer:0 integer:1 integer:0\nv2=integer:1 integer:1 integer:0 integer:1 integer:0 integer:0 integer:0\nv3=integer:0 integer:0 integer:0 integer:1 integer:1 integer:0 integer:0 integer:1\nv4=integer:0 integer:0 integer:0 integer:0 integer:0 integer:1 integer:1 integer:0\nv5=integer:0 integer:1 integer:1 integer:1 integer:0 integer:0 \"1\" integer:0\nf1=\"haproxy.org:80\" \"127.0.0.1:9999\" \"https\" nil\nf2=nil nil nil \"\"\nf3=\"example.com\" \"[::1]:8080\" \"unknown\" \"_a:_b\" \"http\" \"\"\nf4=ERR \"bad argument #2 to 'rfc7239_field' (Mandatory argument expected)\"\nn1=\"127.0.0.1\" \"ab:cd:ff:ff:ff:ff:ff:ff\" \"_name\" \"unknown\" \"::1\" \"1.2.3.4\"\nn2=nil nil nil \"unknown\" \"1.2.3.4\" \"1.2.3.4\" nil \"::1\"\nn3=integer:9999 \"_port\" nil nil integer:65535 nil integer:80 \"_x-y\" integer:1 \"81\"\nn4=ERR \"bad argument #2 to 'rfc7239_n2np' (Last argument expected)\"\nx1=\"18446744073709551614 18446744073709551615 X509_V_OK X509_V_ERR_UNSPECIFIED X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT X509_V_ERR_UNABLE_TO_GET_CRL X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY X509_V_ERR_CERT_SIGNATURE_FAILURE X509_V_ERR_CRL_SIGNATURE_FAILURE X509_V_ERR_CERT_NOT_YET_VALID X509_V_ERR_CERT_HAS_EXPIRED X509_V_ERR_CRL_NOT_YET_VALID X509_V_ERR_CRL_HAS_EXPIRED X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD X509_V_ERR_OUT_OF_MEM X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE X509_V_ERR_CERT_CHAIN_TOO_LONG X509_V_ERR_CERT_REVOKED X509_V_ERR_NO_ISSUER_PUBLIC_KEY X509_V_ERR_PATH_LENGTH_EXCEEDED X509_V_ERR_INVALID_PURPOSE X509_V_ERR_CERT_UNTRUSTED X509_V_ERR_CERT_REJECTED X509_V_ERR_SUBJECT_ISSUER_MISMATCH X509_V_ERR_AKID_SKID_MISMATCH X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH X509_V_ERR_KEYUSAGE_NO_CERTSIGN X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION X509_V_ERR_KEYUSAGE_NO_CRL_SIGN X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION X509_V_ERR_INVALID_NON_CA X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE X509_V_ERR_PROXY_CERTIFICATES_NOT_ALLOWED X509_V_ERR_INVALID_EXTENSION X509_V_ERR_INVALID_POLICY_EXTENSION X509_V_ERR_NO_EXPLICIT_POLICY X509_V_ERR_DIFFERENT_CRL_SCOPE X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE X509_V_ERR_UNNESTED_RESOURCE X509_V_ERR_PERMITTED_VIOLATION X509_V_ERR_EXCLUDED_VIOLATION X509_V_ERR_SUBTREE_MINMAX X509_V_ERR_APPLICATION_VERIFICATION X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX X509_V_ERR_UNSUPPORTED_NAME_SYNTAX X509_V_ERR_CRL_PATH_VALIDATION_ERROR X509_V_ERR_PATH_LOOP X509_V_ERR_SUITE_B_INVALID_VERSION X509_V_ERR_SUITE_B_INVALID_ALGORITHM X509_V_ERR_SUITE_B_INVALID_CURVE X509_V_ERR_SUITE_B_INVALID_SIGNATURE_ALGORITHM X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED X509_V_ERR_SUITE_B_CANNOT_SIGN_P_384_WITH_P_256 X509_V_ERR_HOSTNAME_MISMATCH X509_V_ERR_EMAIL_MISMATCH X509_V_ERR_IP_ADDRESS_MISMATCH X509_V_ERR_DANE_NO_MATCH X509_V_ERR_EE_KEY_TOO_SMALL X509_V_ERR_CA_KEY_TOO_SMALL X509_V_ERR_CA_MD_TOO_WEAK X509_V_ERR_INVALID_CALL X509_V_ERR_STORE_LOOKUP X509_V_ERR_NO_VALID_SCTS X509_V_ERR_PROXY_SUBJECT_NAME_VIOLATION X509_V_ERR_OCSP_VERIFY_NEEDED X509_V_ERR_OCSP_VERIFY_FAILED X509_V_ERR_OCSP_CERT_UNKNOWN X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY X509_V_ERR_INVALID_CA X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA X509_V_ERR_ISSUER_NAME_EMPTY X509_V_ERR_SUBJECT_NAME_EMPTY X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER X509_V_ERR_EMPTY_SUBJECT_ALT_NAME X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL X509_V_ERR_CA_BCONS_NOT_CRITICAL X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL X509_V_ERR_CA_CERT_MISSING_KEY_USAGE X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3 X509_V_ERR_EC_KEY_EXPLICIT_PARAMS 95 96\"\nx2=\"X509_V_OK\" \"X509_V_ERR_CERT_HAS_EXPIRED\" \"X509_V_ERR_CERT_REVOKED\" \"X509_V_OK\" \"X509_V_OK\" \"X509_V_ERR_UNSPECIFIED\"\nx3=\"X509_V_OK\"\n",
            [3] = {
              ["content-length"] = "4734",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (26261) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (26261) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (26261) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.IQlW2o",
        ["PORT"] = 34127,
      },
    },
    ["start b49bb5517c7ca792 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "have=\"param=function/function,rfc7239_field=function/function,rfc7239_is_valid=function/function,rfc7239_n2nn=function/function,rfc7239_n2np=function/function,x509_v_err_str=function/function,aes_gcm_enc=function/function,ms_ltime=function/function,ms_utime=function/function,us_ltime=function/function,us_utime=function/function,rfc7239_nn=function/function,rfc7239_np=function/function,date=function/function,when=function/function\"\nnil1=\"1\"\nnil2=\"_x\"\nnil3=\"ë\"\nnil4=integer:784111777\nnil5=\"1970\"\nnil6=\"x\"\n",
            [3] = {
              ["content-length"] = "507",
            },
            [4] = "",
            ["n"] = 4,
          },
        },
        [2] = {
          ["key"] = "output 08f44b07b5901a25",
          ["r"] = {
            [1] = "[NOTICE]   (25957) : haproxy version is 3.2.0-e134140d2\n[NOTICE]   (25957) : path to executable is /work/haproxy-builds/3.2/haproxy\n[WARNING]  (25957) : config : hlua: please set \"tune.lua.bool-sample-conversion\" tunable to either \"normal\" or \"pre-3.1-bug\" explicitly to avoid ambiguities. This must be set before any \"lua-load\" or \"lua-load-per-thread\" directive. Defaulting to \"pre-3.1-bug\".\n",
            ["n"] = 1,
          },
        },
      },
      ["vars"] = {
        ["DIR"] = "/tmp/proxylua-spec.c3QiL6",
        ["PORT"] = 33741,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 3.2.0-e134140d2 2025/05/28 - https://haproxy.org/",
  },
}
