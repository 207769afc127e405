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
#   <name>_LUA (optional .lua files installed as proxylua/<file>).
MODULES :=
include $(sort $(wildcard modules/*/module.mk))

SOS  := $(foreach m,$(MODULES),$(BUILD)/proxylua/$(m).so)
LUAS := $(foreach m,$(MODULES) $(LUA_ONLY),$(foreach f,$($(m)_LUA),$(BUILD)/proxylua/$(notdir $(f))))

all: $(SOS) $(LUAS)

$(BUILD)/obj/%.o: %.c $(wildcard include/proxylua/*.h modules/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

define module_rule
$(BUILD)/proxylua/$(1).so: $(patsubst %.c,$(BUILD)/obj/%.o,$($(1)_SRCS))
	@mkdir -p $$(dir $$@)
	$(CC) $(LIBFLAG) $(LDSAN) $(LDFLAGS) -o $$@ $$^ $($(1)_LIBS)
endef
$(foreach m,$(MODULES),$(eval $(call module_rule,$(m))))

$(BUILD)/proxylua/%.lua: $(wildcard modules/*/*.lua)
	@mkdir -p $(dir $@)
	cp $(firstword $(wildcard modules/*/$*.lua)) $@

# Lua-free C unit tests (tests/c/test_*.c), run with sanitizers on. Each test
# links against an archive of lib/, so it pulls in only the objects it uses.
CTEST_CFLAGS := -std=c99 -D_POSIX_C_SOURCE=200809L $(WARNINGS) -O1 -g \
	-fsanitize=address,undefined -fno-sanitize-recover=all -Iinclude
CTEST_LIBS := -lssl -lcrypto -lz -lxxhash -lpcre2-8 -lpthread -lm
CTEST_OBJS := $(patsubst lib/%.c,build/ctest/obj/%.o,$(wildcard lib/*.c))
CTESTS := $(patsubst tests/c/%.c,build/ctest/%,$(wildcard tests/c/test_*.c))
build/ctest/obj/%.o: lib/%.c $(wildcard include/proxylua/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CTEST_CFLAGS) -c $< -o $@
build/ctest/libpl.a: $(CTEST_OBJS)
	rm -f $@ && ar rcs $@ $^
# A test may include shared test headers or another test's source.
build/ctest/%: tests/c/%.c $(wildcard tests/c/*.h tests/c/*.c) build/ctest/libpl.a
	$(CC) $(CTEST_CFLAGS) -o $@ $< build/ctest/libpl.a $(CTEST_LIBS)
ctest: $(CTESTS)
	@for t in $(CTESTS); do $$t || exit 1; done

# A tiny Lua host with a memory limit (tune.lua.maxmem), linked against liblua.
$(BUILD)/pl-lua: tests/host/pl-lua.c
	@mkdir -p $(dir $@)
	$(CC) -std=c99 $(WARNINGS) $(CFLAGS) -I$(LUA_INCDIR) -o $@ $< $(LDSAN) \
	  -Wl,-E -llua$(LUA_VERSION) -lm -ldl
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
	for f in $(LUAS); do install -m 0644 $$f $(DESTDIR)$(INST_LUADIR)/proxylua/; done

clean:
	rm -rf build

.PHONY: all ctest host test check bench demo install clean
