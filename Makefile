# proxylua: build every module for one Lua version into build/<version>[-san]/.
# Variable names follow LuaRocks (LUA_INCDIR, LIBFLAG, INST_LIBDIR, ...) so that
# `make` and `luarocks make` agree.

# LuaRocks passes LUA_INCDIR but no version: read it from that lua.h.
ifeq ($(origin LUA_VERSION),undefined)
ifneq ($(LUA_INCDIR),)
LUA_VERSION := $(shell awk '/define LUA_VERSION_MAJOR/ {gsub(/"/,"",$$3); m=$$3} \
	/define LUA_VERSION_MINOR/ {gsub(/"/,"",$$3); print m "." $$3}' $(LUA_INCDIR)/lua.h)
endif
endif
LUA_VERSION ?= 5.3
LUA         ?= lua$(LUA_VERSION)
LUA_INCDIR  ?= /usr/include/lua$(LUA_VERSION)
CC          ?= cc
CFLAGS      ?= -O2 -g
LIBFLAG     ?= -shared
PREFIX      ?= /usr/local
INST_LIBDIR ?= $(PREFIX)/lib/lua/$(LUA_VERSION)
INST_LUADIR ?= $(PREFIX)/share/lua/$(LUA_VERSION)
# Debian's luacheck (lua-check) runs on Lua 5.1: the luacheck standard, plain
# data any Lua can load, also goes where 5.1 looks, so a .luacheckrc can
# `require "proxylua.core_luacheck"`. Empty: not installed there (LuaRocks).
LUACHECK_LUADIR ?= $(PREFIX)/share/lua/5.1

# SANITIZE=1 builds with AddressSanitizer + UBSan into a separate tree.
ifeq ($(SANITIZE),1)
BUILD     ?= build/$(LUA_VERSION)-san
SANFLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CFLAGS    := -O1 -g $(SANFLAGS)
LDSAN     := $(SANFLAGS)
else ifeq ($(ROCK),1)
BUILD     ?= build/rock-$(LUA_VERSION)
else
BUILD     ?= build/$(LUA_VERSION)
endif

WARNINGS := -Wall -Wextra -Werror -pedantic -Wshadow -Wmissing-prototypes \
	-Wstrict-prototypes -Wdeclaration-after-statement -Wpointer-arith \
	-Wundef -Wwrite-strings -Wredundant-decls -Wnested-externs \
	-Wformat=2 -Wno-format-nonliteral -Wcast-align -Wvla -Wmissing-declarations
# -fno-plt: modules call into the host's Lua API on every operation; calling
# through the GOT saves a jump per call.
ALL_CFLAGS := -std=c99 -D_POSIX_C_SOURCE=200809L -fPIC -fvisibility=hidden -fno-plt \
	$(WARNINGS) $(CFLAGS) -Iinclude -I$(LUA_INCDIR)

# Each modules/<name>/module.mk appends <name> to MODULES and sets
#   <name>_SRCS (its .c files, plus the lib/*.c it uses), <name>_LIBS (-l...),
#   <name>_LUA (optional .lua files, see LUA_DEST below).
# A folder with Lua files only (modules/testing) appends to LUA_ONLY instead.
MODULES :=
LUA_ONLY :=
include $(sort $(wildcard modules/*/module.mk))

# Where modules/<dir>/<path>.lua installs: a file named <dir>.lua or
# <dir>_*.lua at the top of its folder is a public name, proxylua/<file>
# (require "proxylua.core"); every other file is an internal of that module,
# proxylua/<dir>/<path> (require "proxylua.core.exec.executor").
lua_dir  = $(word 2,$(subst /, ,$(1)))
lua_path = $(patsubst modules/$(call lua_dir,$(1))/%,%,$(1))
lua_flat = $(filter $(call lua_dir,$(1)).lua $(call lua_dir,$(1))_%.lua,$(call lua_path,$(1)))
LUA_DEST = $(if $(call lua_flat,$(1)),$(call lua_path,$(1)),$(call lua_dir,$(1))/$(call lua_path,$(1)))

SOS      := $(foreach m,$(MODULES),$(BUILD)/proxylua/$(m).so)
LUA_SRCS := $(sort $(foreach m,$(MODULES) $(LUA_ONLY),$($(m)_LUA)))
LUA_RELS := $(foreach f,$(LUA_SRCS),$(call LUA_DEST,$(f)))
LUAS     := $(addprefix $(BUILD)/proxylua/,$(LUA_RELS))

all: $(SOS) $(LUAS)

$(BUILD)/obj/%.o: %.c $(wildcard include/proxylua/*.h lib/*.h modules/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

define module_rule
$(BUILD)/proxylua/$(1).so: $(patsubst %.c,$(BUILD)/obj/%.o,$($(1)_SRCS))
	@mkdir -p $$(dir $$@)
	$(CC) $(LIBFLAG) $(LDSAN) $(LDFLAGS) -o $$@ $$^ $($(1)_LIBS)
endef
$(foreach m,$(MODULES),$(eval $(call module_rule,$(m))))

define lua_rule
$(BUILD)/proxylua/$(call LUA_DEST,$(1)): $(1)
	@mkdir -p $$(dir $$@)
	cp $$< $$@
endef
$(foreach f,$(LUA_SRCS),$(eval $(call lua_rule,$(f))))

# Lua-free C unit tests (tests/c/test_*.c), run with sanitizers on. Each test
# links against an archive of lib/, so it pulls in only the objects it uses.
# Tests may include lib's private headers (-Ilib); bindings may not.
CTEST_CFLAGS := -std=c99 -D_POSIX_C_SOURCE=200809L $(WARNINGS) -O1 -g \
	-fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude -Ilib
CTEST_LIBS := -lssl -lcrypto -lz -lxxhash -lpcre2-8 -lpthread -lm
CTEST_OBJS := $(patsubst lib/%.c,build/ctest/obj/%.o,$(wildcard lib/*.c))
CTESTS := $(patsubst tests/c/%.c,build/ctest/%,$(wildcard tests/c/test_*.c))
build/ctest/obj/%.o: lib/%.c $(wildcard include/proxylua/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CTEST_CFLAGS) -c $< -o $@
build/ctest/libpl.a: $(CTEST_OBJS)
	rm -f $@ && ar rcs $@ $^
# A test may include shared test headers or another test's source.
build/ctest/%: tests/c/%.c $(wildcard tests/c/*.h tests/c/*.c) build/ctest/libpl.a
	$(CC) $(CTEST_CFLAGS) -o $@ $< build/ctest/libpl.a $(CTEST_LIBS)
ctest: $(CTESTS)
	@for t in $(CTESTS); do $$t || exit 1; done

# libFuzzer targets (tests/fuzz/fuzz_*.c), built with clang, ASan and UBSan;
# lib/ is instrumented for coverage. fuzz_addf is built once per Lua version
# (against liblua5.x); fuzz_http and fuzz_luasocket-<part> (one binary per
# driver tests/fuzz/fuzz_luasocket_<part>.lua) call the modules of build/5.3.
# `make fuzz FUZZ_SECONDS=N` runs every target N seconds (README.md, "Fuzzing").
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS  := -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -O1 -g $(FUZZ_SAN) -Iinclude -Ilib
FUZZ_OBJS    := $(patsubst lib/%.c,build/fuzz/obj/%.o,$(wildcard lib/*.c))
FUZZ_LIB_TARGETS := fuzz_map_load fuzz_map_query fuzz_decode fuzz_inflate fuzz_sock_addr
FUZZ_TARGETS := $(FUZZ_LIB_TARGETS) fuzz_addf-5.3 fuzz_addf-5.4 fuzz_http \
                fuzz_luasocket-receive fuzz_luasocket-dnswire
build/fuzz/obj/%.o: lib/%.c $(wildcard include/proxylua/*.h lib/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@
build/fuzz/libpl.a: $(FUZZ_OBJS)
	rm -f $@ && ar rcs $@ $^
$(addprefix build/fuzz/,$(FUZZ_LIB_TARGETS)): build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h build/fuzz/libpl.a
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< build/fuzz/libpl.a $(CTEST_LIBS)
build/fuzz/fuzz_addf-%: tests/fuzz/fuzz_addf.c tests/fuzz/fuzz.h tests/fuzz/fuzz_lua.h $(concat_SRCS) $(wildcard modules/concat/*.h include/proxylua/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -I/usr/include/lua$* -o $@ $< $(concat_SRCS) -llua$* -lm
build/fuzz/fuzz_http: tests/fuzz/fuzz_http.c tests/fuzz/fuzz.h tests/fuzz/fuzz_lua.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -I/usr/include/lua5.3 -o $@ $< -Wl,-E -llua5.3 -lm -ldl
build/fuzz/fuzz_luasocket-%: tests/fuzz/fuzz_luasocket.c tests/fuzz/fuzz.h tests/fuzz/fuzz_lua.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -DFUZZ_PART=$* -I/usr/include/lua5.3 -o $@ $< -Wl,-E -llua5.3 -lm -ldl
fuzz-build: $(addprefix build/fuzz/,$(FUZZ_TARGETS))
	$(MAKE) LUA_VERSION=5.3 all
fuzz: fuzz-build
	scripts/run-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)
print-fuzz-targets:
	@echo $(FUZZ_TARGETS)

# A tiny Lua host with a memory limit (tune.lua.maxmem), linked against liblua.
# Its allocator is lib/memlimit.c, the one proxylua.sandbox uses.
$(BUILD)/pl-lua: tests/host/pl-lua.c lib/memlimit.c include/proxylua/memlimit.h
	@mkdir -p $(dir $@)
	$(CC) -std=c99 $(WARNINGS) $(CFLAGS) -Iinclude -I$(LUA_INCDIR) -o $@ \
	  tests/host/pl-lua.c lib/memlimit.c $(LDSAN) -Wl,-E -llua$(LUA_VERSION) -lm -ldl
host: $(BUILD)/pl-lua

test: all host
	scripts/run-specs $(LUA_VERSION) $(BUILD)

check:
	scripts/test-all

bench: all
	scripts/run-bench

demo:
	scripts/demo

install: all
	mkdir -p $(DESTDIR)$(INST_LIBDIR)/proxylua $(DESTDIR)$(INST_LUADIR)/proxylua
	for m in $(MODULES); do install -m 0755 $(BUILD)/proxylua/$$m.so $(DESTDIR)$(INST_LIBDIR)/proxylua/; done
	for f in $(LUA_RELS); do install -D -m 0644 $(BUILD)/proxylua/$$f $(DESTDIR)$(INST_LUADIR)/proxylua/$$f; done
	[ -z "$(LUACHECK_LUADIR)" ] || install -D -m 0644 $(BUILD)/proxylua/core_luacheck.lua $(DESTDIR)$(LUACHECK_LUADIR)/proxylua/core_luacheck.lua

clean:
	rm -rf build

.PHONY: all ctest host test check bench demo install clean fuzz fuzz-build print-fuzz-targets
