-- luacheck for the example scripts, with the README's recipe for HAProxy's
-- globals (scripts/test-all runs `luacheck .` here with Debian's luacheck).
stds.haproxy = require "proxylua.core_luacheck"
std = "max+haproxy"
files["**/*_spec.lua"].std = "+busted"
