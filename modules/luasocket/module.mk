# proxylua.luasocket: LuaSocket's API over proxylua.socket / core.tcp(), all
# Lua (installed as proxylua/luasocket*.lua, no shared object of its own).
LUA_ONLY += luasocket
luasocket_LUA := $(wildcard modules/luasocket/*.lua)
