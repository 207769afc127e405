# proxylua.core: mostly Lua (core_LUA), plus a small C helper for what plain
# Lua lacks (microsecond clock, pid, PCRE2), built as proxylua/core_native.so.
# The Lua files sit in layer folders (see docs/architecture.md); the top-level
# core*.lua are the public names.
core_LUA := $(wildcard modules/core/*.lua modules/core/*/*.lua)
MODULES += core_native
core_native_SRCS := modules/core/native.c modules/core/regex.c modules/core/crypto.c
core_native_LIBS := -lpcre2-8 -lcrypto -lcrypt
core_native_LUA := $(core_LUA)
