# weft — build, test, sanitizer builds. `make` builds build/weft.
# Objects are built per variant under build/<variant>/obj.

CC ?= cc
BUILDDIR ?= build
SRC_DIRS := src/platform src/sync src/parse src/compile src/vm src/objects src/runtime src/modules
SRCS := $(sort $(foreach d,$(SRC_DIRS),$(wildcard $(d)/*.c)))
LIB_PY := $(sort $(wildcard lib/*.py lib/*/*.py lib/*/*/*.py))

CFLAGS_BASE := -std=c11 -D_GNU_SOURCE -Isrc -I$(BUILDDIR)/gen -Wall -Wextra -Wno-unused-parameter \
  -Wno-missing-field-initializers -fno-strict-aliasing -g
ifeq ($(CI),true)
  WERROR := 1
endif
ifeq ($(WERROR),1)
  CFLAGS_BASE += -Werror
endif
LDLIBS := -lmimalloc -lgmp -lutf8proc -ledit -lm -lpthread

VARIANT ?= release
ifeq ($(VARIANT),release)
  OPT := -O2 -fno-plt
  SAN :=
  EXE := $(BUILDDIR)/weft
else ifeq ($(VARIANT),asan)
  OPT := -O1 -fno-omit-frame-pointer
  SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined
  EXE := $(BUILDDIR)/weft-asan
else ifeq ($(VARIANT),tsan)
  OPT := -O1 -fno-omit-frame-pointer
  SAN := -fsanitize=thread
  # GCC warns (-Wtsan) at each atomic_thread_fence, which TSan does not model.
  # Kept visible but not fatal under -Werror: the fenced seqlock in
  # objects/typeobject.c's method cache accesses only atomics, so TSan has
  # nothing to report there (see docs/threads.md, "Sanitizers").
  SAN += $(shell $(CC) -Werror -Wno-error=tsan -E -x c /dev/null >/dev/null 2>&1 && echo -Wno-error=tsan)
  EXE := $(BUILDDIR)/weft-tsan
else ifeq ($(VARIANT),debug)
  OPT := -O0 -DWF_DEBUG=1
  SAN :=
  EXE := $(BUILDDIR)/weft-debug
endif

OBJDIR := $(BUILDDIR)/$(VARIANT)/obj
OBJS := $(patsubst src/%.c,$(OBJDIR)/%.o,$(SRCS)) $(OBJDIR)/gen/frozen.o
CFLAGS_ALL := $(CFLAGS_BASE) $(OPT) $(SAN) $(CFLAGS)

.PHONY: all deps objects test asan tsan debug clean bench unit demo parse-check

all: deps
	@$(MAKE) --no-print-directory $(EXE)

deps:
	@./tools/deps.sh

$(EXE): $(OBJS)
	$(CC) $(CFLAGS_ALL) -o $@ $(OBJS) $(LDLIBS)

objects: $(OBJS)

$(OBJDIR)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -MMD -MP -c $< -o $@

$(BUILDDIR)/gen/frozen.c: $(LIB_PY) tools/freeze.sh
	@mkdir -p $(BUILDDIR)/gen
	./tools/freeze.sh $@ $(LIB_PY)

$(OBJDIR)/gen/frozen.o: $(BUILDDIR)/gen/frozen.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c $< -o $@

-include $(OBJS:.o=.d)

# Tests: the C unit tests, the parser's differential check against CPython's
# ast module, and the differential Python suite (tests/run.py), which needs the
# whole interpreter. INTERPRETER_READY stays 0 until every area of issue 2 has
# landed and build/weft links; until then `make test` runs the suites that
# exist and says that the Python suite was not run.
INTERPRETER_READY ?= 1

test: unit parse-check
ifeq ($(INTERPRETER_READY),1)
	@$(MAKE) --no-print-directory all
	/usr/bin/python3 tests/run.py --weft $(EXE)
else
	@echo "tests/run.py not run: the interpreter does not link yet (issue 2 in progress; set INTERPRETER_READY=1 once it does)"
endif

unit: deps
	@$(MAKE) --no-print-directory -f tests/unit/unit.mk VARIANT=$(VARIANT) BUILDDIR=$(BUILDDIR)

parse-check: deps
	@if [ -x tests/parse/check.sh ]; then tests/parse/check.sh; else echo "parse-check: tests/parse/check.sh not present"; fi

asan: deps
	@$(MAKE) --no-print-directory -f tests/unit/unit.mk VARIANT=asan BUILDDIR=$(BUILDDIR)
ifeq ($(INTERPRETER_READY),1)
	@$(MAKE) --no-print-directory VARIANT=asan $(BUILDDIR)/weft-asan
	ASAN_OPTIONS=detect_leaks=0 /usr/bin/python3 tests/run.py --weft $(BUILDDIR)/weft-asan --timeout 300
endif

# ThreadSanitizer: the C unit tests, then the folders of tests/run.py that run
# threads. Any report fails the test that produced it (halt_on_error). See
# docs/threads.md ("Sanitizers") for how allocator reuse and the lock-free
# readers are made visible to TSan; tests/tsan.supp is kept empty.
# The tests run with address randomization off where setarch allows it: GCC
# 12's TSan runtime aborts ("unexpected memory mapping") on kernels that
# randomize mmap with more bits (vm.mmap_rnd_bits = 32).
TSAN_FOLDERS := threads/ stress/ queue/ futures/ contextvars/ freethreading/ atexit/ vm/
TSAN_RUN = $(shell setarch $$(uname -m) -R true >/dev/null 2>&1 && echo setarch $$(uname -m) -R)
tsan: deps
	@$(TSAN_RUN) $(MAKE) --no-print-directory -f tests/unit/unit.mk VARIANT=tsan BUILDDIR=$(BUILDDIR)
ifeq ($(INTERPRETER_READY),1)
	@$(MAKE) --no-print-directory VARIANT=tsan $(BUILDDIR)/weft-tsan
	TSAN_OPTIONS="suppressions=$(CURDIR)/tests/tsan.supp halt_on_error=1" $(TSAN_RUN) /usr/bin/python3 tests/run.py --weft $(BUILDDIR)/weft-tsan --timeout 300 $(TSAN_FOLDERS)
endif

debug: deps
	@$(MAKE) --no-print-directory VARIANT=debug $(BUILDDIR)/weft-debug

demo: all
	$(EXE) examples/cpu_threads.py

bench: all
	/usr/bin/python3 bench/run.py

clean:
	rm -rf build
