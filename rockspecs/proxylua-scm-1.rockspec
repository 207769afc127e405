rockspec_format = "3.0"
package = "proxylua"
version = "scm-1"
source = {
   url = "git+file:///dev/null",  -- built from the checkout: luarocks make rockspecs/proxylua-scm-1.rockspec
}
description = {
   summary = "Fast, non-blocking, testable building blocks for HAProxy Lua scripts",
   detailed = [[
C modules for HAProxy's lua-load scripts that also run under stock Lua 5.3/5.4:
a string builder compatible with core.concat, HAProxy-exact hashes and
encodings, HAProxy map matching, yielding sockets, and an emulation of core.*
so scripts can be unit tested with busted.
]],
   license = "MIT",
   labels = { "haproxy" },
}
dependencies = {
   "lua >= 5.3, < 5.5",
}
external_dependencies = {
   OPENSSL = { header = "openssl/evp.h", library = "crypto" },
   LIBSSL = { header = "openssl/ssl.h", library = "ssl" },    -- TLS sockets
   ZLIB = { header = "zlib.h", library = "z" },
   XXHASH = { header = "xxhash.h", library = "xxhash" },
   PCRE2 = { header = "pcre2.h", library = "pcre2-8" },
   LIBCRYPT = { header = "crypt.h", library = "crypt" },  -- userlist passwords (core)
}
build = {
   type = "make",
   -- One Makefile for `make` and `luarocks make`: LuaRocks passes its own
   -- flags and install directories under the names the Makefile uses.
   build_variables = {
      CFLAGS = "$(CFLAGS)",
      LIBFLAG = "$(LIBFLAG)",
      LUA_INCDIR = "$(LUA_INCDIR)",
      LUA = "$(LUA)",
      ROCK = "1",
      OPENSSL_INCDIR = "$(OPENSSL_INCDIR)",
      ZLIB_INCDIR = "$(ZLIB_INCDIR)",
      XXHASH_INCDIR = "$(XXHASH_INCDIR)",
      PCRE2_INCDIR = "$(PCRE2_INCDIR)",
   },
   install_variables = {
      INST_LIBDIR = "$(LIBDIR)",
      INST_LUADIR = "$(LUADIR)",
      LUA_INCDIR = "$(LUA_INCDIR)",
      ROCK = "1",
      LUACHECK_LUADIR = "",   -- the tree's own Lua finds it in LUADIR
   },
}
test_dependencies = {}
test = {
   type = "command",
   command = "scripts/test-all",
}
