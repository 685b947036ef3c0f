# postern: every program in src/cmd/ is built into command/.
#
#   src/lib/*.c          shared modules, archived into libpostern.a
#   src/cmd/NAME.c       the main of program NAME
#   src/cmd/NAME/*.c     modules only NAME uses (e.g. one file per IMAP command)
#   src/cmd/NAME.libs    extra link flags for NAME (first line), e.g. -lssl
#   src/cmd/NAME.static  (empty) link NAME statically in the optimised build: a
#                        program exec'd per message starts faster and keeps a
#                        small resident set without ld.so and shared libc pages
#   src/cmd/NAME.musl    (empty) in the optimised build, link NAME statically with
#                        musl when musl-gcc is installed (else .static applies):
#                        glibc's start-up alone costs ~0.7 ms of CPU per exec on
#                        virtual machines (CPUID traps), musl's ~0.04 ms
#   src/cmd/NAME.sh      a shell program; @POSTERN_HOME@ is replaced by conf-home
#   tests/unit/NAME.c    a C unit test printing TAP, built into tests/unit/NAME.t
#   tests/fuzz/NAME.c    a libFuzzer harness, built by `make fuzz` (NAME.uses: programs
#                        whose src/cmd/PROG/ modules it links; NAME.libs: link flags)
#
# make                   optimised build
# make SANITIZE=1        the same with -fsanitize=address,undefined
# make O=/tmp/x ...      build into /tmp/x/build and /tmp/x/command
# make MUSL=0           optimised build without musl (glibc for every program)
# make check             sanitised build, then prove over tests/; then check-optimised and fuzz-smoke
# make check-optimised   optimised build, then prove over tests/ against it
# make fuzz-smoke        builds the libFuzzer harnesses and runs each briefly
# make fuzz              clang + libFuzzer harnesses into tests/fuzz/bin/

CC_CMD   := $(shell head -n 1 conf-cc)
LD_CMD   := $(shell head -n 1 conf-ld)
HOME_DIR := $(shell head -n 1 conf-home)

O ?= .
ifeq ($(FUZZ),1)
  FLAVOUR := fuzz
  CC_CMD  := clang -std=c11 -O1 -g -Wall -Wextra -Werror -D_GNU_SOURCE
  LD_CMD  := clang -g
  SANFLAGS := -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
else ifeq ($(SANITIZE),1)
  FLAVOUR := san
  SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
else
  FLAVOUR := plain
  SANFLAGS :=
endif

B    := $(O)/build/$(FLAVOUR)
# libowfat linked statically: small programs with small resident sets.
LIBOWFAT := -l:libowfat.a
CMD  := $(O)/command
CFLAGS_ALL := $(SANFLAGS) -Isrc/lib -DCONF_HOME='"$(HOME_DIR)"' -MMD -MP

LIB_SRC  := $(sort $(wildcard src/lib/*.c))
LIB_OBJ  := $(patsubst src/%.c,$(B)/%.o,$(LIB_SRC))
LIB      := $(B)/libpostern.a
PROGS    := $(sort $(basename $(notdir $(wildcard src/cmd/*.c))))
SCRIPTS  := $(sort $(basename $(notdir $(wildcard src/cmd/*.sh))))
UNITS    := $(sort $(basename $(notdir $(wildcard tests/unit/*.c))))
FUZZERS  := $(sort $(basename $(notdir $(wildcard tests/fuzz/*.c))))

BINS := $(addprefix $(B)/bin/,$(PROGS) $(SCRIPTS))

# The musl flavour of the optimised build. Debian's libowfat.a is built
# for glibc but calls only system-call wrappers and string functions whose
# x86-64 ABI musl shares, so it links into musl programs; its headers are
# reached through a directory of links, because musl-gcc keeps glibc's
# /usr/include out. Shared modules that need OpenSSL, libcrypt or PAM are
# left out of the musl library: programs that need them stay on glibc.
MUSL ?= 1
MUSL_GCC := $(if $(and $(filter plain,$(FLAVOUR)),$(filter 1,$(MUSL))),$(shell command -v musl-gcc 2>/dev/null))
OWFAT_HEADERS := $(if $(MUSL_GCC),$(shell dpkg-query -L libowfat-dev 2>/dev/null | grep '^/usr/include/[^/]*\.h$$'))
MUSL_GCC := $(if $(OWFAT_HEADERS),$(MUSL_GCC))
MUSL_PROGS := $(if $(MUSL_GCC),$(sort $(basename $(notdir $(wildcard src/cmd/*.musl)))))
MB := $(B)/musl
MUSL_INC := $(MB)/include
# -Wno-cpp: libowfat's iopause.h includes <sys/poll.h>, which musl
# redirects to <poll.h> with a #warning.
MUSL_CC_CMD := $(MUSL_GCC) $(wordlist 2,1000,$(CC_CMD)) -Wno-cpp -isystem $(MUSL_INC)
NOMUSL_RE := ^\#include <(openssl|crypt|security)
NOMUSL_H := $(if $(MUSL_GCC),$(notdir $(shell grep -l -E '$(NOMUSL_RE)' src/lib/*.h)))
MUSL_LIB_SRC := $(if $(MUSL_GCC),$(shell grep -L -E '$(NOMUSL_RE)|^\#include "($(subst $(eval) ,|,$(NOMUSL_H)))"' $(LIB_SRC)))
MUSL_LIB := $(MB)/libpostern.a
LIBOWFAT_A := $(shell gcc -print-file-name=libowfat.a)

.PHONY: all commands check check-optimised unit fuzz clean FORCE
.SECONDEXPANSION:

all: commands

# command/ always mirrors the flavour built last, so `make` after
# `make check` puts the optimised programs back.
commands: $(BINS)
	@mkdir -p $(CMD)
	@for p in $(PROGS) $(SCRIPTS); do ln -f $(B)/bin/$$p $(CMD)/$$p || exit 1; done
	@for f in $(CMD)/*; do n=$${f##*/}; [ -e src/cmd/$$n.c ] || [ -e src/cmd/$$n.sh ] || rm -f "$$f"; done

$(B)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC_CMD) $(CFLAGS_ALL) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

cmd_objs = $(B)/cmd/$(1).o $(patsubst src/%.c,$(B)/%.o,$(wildcard src/cmd/$(1)/*.c))
cmd_libs = $(shell test -f src/cmd/$(1).libs && head -n 1 src/cmd/$(1).libs)
cmd_static = $(if $(filter plain,$(FLAVOUR)),$(if $(wildcard src/cmd/$(1).static),-static))

$(B)/bin/%: $$(call cmd_objs,%) $(LIB)
	@mkdir -p $(dir $@)
	$(LD_CMD) $(SANFLAGS) $(call cmd_static,$*) -o $@ $(call cmd_objs,$*) $(LIB) $(call cmd_libs,$*) $(LIBOWFAT)

$(MUSL_INC)/.made:
	@mkdir -p $(MUSL_INC)
	@for h in $(OWFAT_HEADERS); do ln -sf $$h $(MUSL_INC)/; done
	@touch $@

$(MB)/%.o: src/%.c | $(MUSL_INC)/.made
	@mkdir -p $(dir $@)
	$(MUSL_CC_CMD) $(CFLAGS_ALL) -c -o $@ $<

$(MUSL_LIB): $(patsubst src/%.c,$(MB)/%.o,$(MUSL_LIB_SRC))
	rm -f $@ && ar rcs $@ $^

musl_objs = $(MB)/cmd/$(1).o $(patsubst src/%.c,$(MB)/%.o,$(wildcard src/cmd/$(1)/*.c))
define musl_prog
$(B)/bin/$(1): $(call musl_objs,$(1)) $(MUSL_LIB)
	@mkdir -p $$(dir $$@)
	$(MUSL_GCC) -g -static -o $$@ $(call musl_objs,$(1)) $(MUSL_LIB) $(LIBOWFAT_A)
endef
$(foreach p,$(MUSL_PROGS),$(eval $(call musl_prog,$(p))))

$(B)/bin/%: src/cmd/%.sh conf-home
	@mkdir -p $(dir $@)
	sed 's|@POSTERN_HOME@|$(HOME_DIR)|g' $< > $@.tmp && chmod 755 $@.tmp && mv $@.tmp $@

# Unit tests: tests/unit/NAME.c plus tests/unit/NAME.libs if present.
tests/unit/%.t: $(B)/unit/%.o $(LIB)
	$(LD_CMD) $(SANFLAGS) -o $@ $< $(LIB) $(shell test -f tests/unit/$*.libs && head -n 1 tests/unit/$*.libs) $(LIBOWFAT)

$(B)/unit/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC_CMD) $(CFLAGS_ALL) -Itests/unit -c -o $@ $<

unit: $(addprefix tests/unit/,$(addsuffix .t,$(UNITS)))

# The sanitised build first, then the same tests against the optimised
# programs users run (with the musl flavour, different binaries).
check:
	$(MAKE) SANITIZE=1 commands unit
	POSTERN_COMMAND_DIR=$(abspath $(CMD)) prove --exec '' -j2 tests/*.t tests/unit/*.t
	$(MAKE) check-optimised
	$(MAKE) fuzz-smoke

check-optimised:
	$(MAKE) commands
	POSTERN_COMMAND_DIR=$(abspath $(O)/build/plain/bin) prove --exec '' -j2 tests/*.t

# libFuzzer harnesses: tests/fuzz/NAME.c linked with the fuzz-flavoured library.
fuzz:
	$(MAKE) FUZZ=1 fuzzers

fuzzers: $(addprefix tests/fuzz/bin/,$(FUZZERS))

# Part of make check: every harness builds and survives a short run, so
# none rots unseen between fuzzing campaigns. A fixed seed keeps the check
# repeatable; campaigns (make fuzz, then run a harness) use random seeds.
fuzz-smoke: fuzz
	@for f in $(FUZZERS); do tests/fuzz/bin/$$f -runs=3000 -seed=1 -artifact_prefix=tests/fuzz/bin/ >tests/fuzz/bin/$$f.log 2>&1 || { tail -n 40 tests/fuzz/bin/$$f.log; echo "fuzz-smoke: $$f failed"; exit 1; }; done; echo "fuzz-smoke: $(words $(FUZZERS)) harnesses ran 3000 inputs each"

# tests/fuzz/NAME.uses names programs whose src/cmd/PROG/*.c modules the
# harness links (their parsers live there, not in the library).
fuzz_objs = $(foreach p,$(shell test -f tests/fuzz/$(1).uses && cat tests/fuzz/$(1).uses),$(patsubst src/%.c,$(B)/%.o,$(wildcard src/cmd/$(p)/*.c)))

tests/fuzz/bin/%: tests/fuzz/%.c $(LIB) $$(call fuzz_objs,%)
	@mkdir -p $(dir $@)
	$(CC_CMD) -fsanitize=fuzzer,address,undefined -Isrc/lib -o $@ $< $(call fuzz_objs,$*) $(LIB) $(shell test -f tests/fuzz/$*.libs && head -n 1 tests/fuzz/$*.libs) $(LIBOWFAT)

clean:
	rm -rf $(O)/build $(CMD) tests/unit/*.t tests/fuzz/bin

.PRECIOUS: $(B)/%.o $(B)/unit/%.o $(MB)/%.o
-include $(shell find $(B) -name '*.d' 2>/dev/null)
