# proxylua.testing: the harness that runs an HAProxy Lua script under busted
# (pure Lua, over proxylua.core). testing.lua is the public name; the rest
# installs as proxylua/testing/<file>.
LUA_ONLY += testing
testing_LUA := $(wildcard modules/testing/*.lua)
