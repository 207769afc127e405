-- What HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/ answered to spec/integration/core_conv_new_haproxy_spec.lua.
-- Written by scripts/record-golden; replayed by scripts/replay-golden.
return {
  ["calls"] = {
    ["run_lua 306c56638c65e32a #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 306c56638c65e32a",
          ["r"] = {
            [1] = "[NOTICE]   (24881) : haproxy version is 2.8.0-fdd8154ed\n[NOTICE]   (24881) : path to executable is /work/haproxy-builds/2.8/haproxy\n[ALERT]    (24881) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-header' rule : failed to parse sample expression <int(1),us_utime(%Y)] b> : unknown converter 'us_utime'.\n[ALERT]    (24881) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 3a877260143e535d #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 3a877260143e535d",
          ["r"] = {
            [1] = "[NOTICE]   (24930) : haproxy version is 2.8.0-fdd8154ed\n[NOTICE]   (24930) : path to executable is /work/haproxy-builds/2.8/haproxy\n[ALERT]    (24930) : config : parsing [haproxy.cfg:13] : error detected while parsing ACL 'a' : unknown converter 'us_utime' in ACL expression 'int(1),us_utime(%Y)'.\n[ALERT]    (24930) : config : Error(s) found in configuration file : haproxy.cfg\n[ALERT]    (24930) : config : Fatal errors found in configuration.\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 3dc97671c9238c23 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 3dc97671c9238c23",
          ["r"] = {
            [1] = "[NOTICE]   (24858) : haproxy version is 2.8.0-fdd8154ed\n[NOTICE]   (24858) : path to executable is /work/haproxy-builds/2.8/haproxy\n[ALERT]    (24858) : config : parsing [haproxy.cfg:13] : error detected in proxy 'check' while parsing 'http-request set-var(txn.x)' rule : unknown converter 'us_utime'.\n[ALERT]    (24858) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
      },
    },
    ["run_lua 843c7fdfc34d3fab #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "run_lua 843c7fdfc34d3fab",
          ["r"] = {
            [1] = "[NOTICE]   (24902) : haproxy version is 2.8.0-fdd8154ed\n[NOTICE]   (24902) : path to executable is /work/haproxy-builds/2.8/haproxy\n[ALERT]    (24902) : config : parsing [haproxy.cfg:13] : error detected while parsing an 'http-request deny' condition : unknown converter 'us_utime' in ACL expression 'int(1),us_utime(%Y)'.\n[ALERT]    (24902) : config : Error(s) found in configuration file : haproxy.cfg\n",
            [2] = false,
            ["n"] = 2,
          },
        },
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
        ["DIR"] = "/tmp/proxylua-spec.CVL5pq",
        ["PORT"] = 37483,
      },
    },
    ["start b49bb5517c7ca792 #1"] = {
      ["events"] = {
        [1] = {
          ["key"] = "http b799ddc36be0276b /p?a=1",
          ["r"] = {
            [1] = 200,
            [2] = "have=\"param=function/function,rfc7239_field=function/function,rfc7239_is_valid=function/function,rfc7239_n2nn=function/function,rfc7239_n2np=function/function,x509_v_err_str=function/function,aes_gcm_enc=nil/nil,ms_ltime=nil/nil,ms_utime=nil/nil,us_ltime=nil/nil,us_utime=nil/nil,rfc7239_nn=nil/nil,rfc7239_np=nil/nil,date=nil/nil,when=nil/nil\"\nnil1=\"1\"\nnil2=ERR \"attempt to call a nil value (method 'rfc7239_nn')\"\nnil3=ERR \"attempt to call a nil value (method 'aes_gcm_enc')\"\nnil4=ERR \"attempt to call a nil value (method 'date')\"\nnil5=ERR \"attempt to call a nil value (method 'ms_utime')\"\nnil6=ERR \"attempt to call a nil value (method 'when')\"\n",
            [3] = {
              ["content-length"] = "646",
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
        ["DIR"] = "/tmp/proxylua-spec.CMaPc4",
        ["PORT"] = 34409,
      },
    },
  },
  ["meta"] = {
    ["build"] = "<<PWD>>/build/5.4",
    ["haproxy"] = "HAProxy version 2.8.0-fdd8154ed 2023/05/31 - https://haproxy.org/",
  },
}
