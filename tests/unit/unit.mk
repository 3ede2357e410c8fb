# unit.mk — C unit tests of the runtime primitives. Each test links only the
# sources it exercises. Run by `make unit` (and by `make asan` / `make tsan`
# with the matching sanitizer flags).
BUILDDIR ?= build
VARIANT ?= release
CC ?= cc
CFLAGS_U := -std=c11 -D_GNU_SOURCE -Isrc -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -g
ifeq ($(VARIANT),asan)
  CFLAGS_U += -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined
else ifeq ($(VARIANT),tsan)
  CFLAGS_U += -O1 -fsanitize=thread
else
  CFLAGS_U += -O2
endif
ifeq ($(CI),true)
  CFLAGS_U += -Werror
endif
OUT := $(BUILDDIR)/unit-$(VARIANT)

.PHONY: run
run: $(OUT)/refcount_test
	$(OUT)/refcount_test

$(OUT)/refcount_test: tests/unit/refcount_test.c src/runtime/refcount.c src/runtime/brc.c src/runtime/thread_state.c src/runtime/mem.c
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ $^ -lmimalloc -lpthread

# sync_test: src/platform + src/sync (parking lot, mutex, once, event), built
# with the white-box test hooks (-DWF_SYNC_TESTING).
# `make -f tests/unit/unit.mk sync` runs it alone; `run` runs it too.
SYNC_SRCS := $(sort $(wildcard src/platform/*.c src/sync/*.c))
SYNC_HDRS := $(sort $(wildcard src/platform/*.h src/sync/*.h))

.PHONY: sync
run: sync
sync: $(OUT)/sync_test
	$(OUT)/sync_test

$(OUT)/sync_test: tests/unit/sync_test.c $(SYNC_SRCS) $(SYNC_HDRS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -DWF_SYNC_TESTING -o $@ tests/unit/sync_test.c $(SYNC_SRCS) -lpthread

# containers_test: C API tests of tuple/list/dict/set/range/slice/iterators.
# Links the whole runtime of this variant (every object but runtime/main.o),
# so build the interpreter first (`make BUILDDIR=... VARIANT=...`).
RUNTIME_OBJS = $(filter-out %/runtime/main.o,$(wildcard $(BUILDDIR)/$(VARIANT)/obj/*/*.o))
# The libraries the interpreter links with (keep in step with the Makefile's
# LDLIBS: runtime/repl.o needs libedit, the numbers need GMP, ...).
RUNTIME_LIBS := -lmimalloc -lgmp -lutf8proc -ledit -lm -lpthread
.PHONY: containers
containers: $(OUT)/containers_test
	$(OUT)/containers_test

$(OUT)/containers_test: tests/unit/containers_test.c $(RUNTIME_OBJS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ tests/unit/containers_test.c $(RUNTIME_OBJS) $(RUNTIME_LIBS)

# typesystem_test: C API tests of type/object/descriptors/classes/protocols.
# Links the whole runtime like containers_test (build the interpreter first).
.PHONY: typesystem
typesystem: $(OUT)/typesystem_test
	$(OUT)/typesystem_test

$(OUT)/typesystem_test: tests/unit/typesystem_test.c $(RUNTIME_OBJS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ tests/unit/typesystem_test.c $(RUNTIME_OBJS) $(RUNTIME_LIBS)

# threads_test: the threads runtime (attach/detach, stop-the-world, critical
# sections, QSBR, GIL, biased-refcount queues) on src/sync + src/platform.
# `make -f tests/unit/unit.mk threads` runs it alone; `run` runs it too.
THREADS_SRCS := src/runtime/attach.c src/runtime/stw.c src/runtime/gil.c src/runtime/critical_section.c \
  src/runtime/brc.c src/runtime/refcount.c src/runtime/thread_state.c src/runtime/mem.c $(SYNC_SRCS)
THREADS_HDRS := src/runtime/threads.h src/runtime/threads_internal.h src/runtime/critical_section.h \
  src/runtime/thread_state.h src/objects/object.h $(SYNC_HDRS)

.PHONY: threads
run: threads
threads: $(OUT)/threads_test
	$(OUT)/threads_test

$(OUT)/threads_test: tests/unit/threads_test.c $(THREADS_SRCS) $(THREADS_HDRS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ tests/unit/threads_test.c $(THREADS_SRCS) -lmimalloc -lpthread

# numbers_test: C API tests of int/bool/float/complex (tagging at the small-int
# boundary, slots, hashing, conversions, parsing, formatting). Links the whole
# runtime like containers_test (build the interpreter first).
.PHONY: numbers
numbers: $(OUT)/numbers_test
	$(OUT)/numbers_test

$(OUT)/numbers_test: tests/unit/numbers_test.c $(RUNTIME_OBJS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ tests/unit/numbers_test.c $(RUNTIME_OBJS) $(RUNTIME_LIBS)

# strings_test: C API tests of str/bytes/bytearray/codecs/hash/interning
# (CPython hash values, UTF-8 and codec errors, wf_str_from_format, format
# specs, %-formatting, repr, threaded interning and bytearray appends).
# Links the whole runtime like containers_test (build the interpreter first).
.PHONY: strings
strings: $(OUT)/strings_test
	$(OUT)/strings_test

$(OUT)/strings_test: tests/unit/strings_test.c $(RUNTIME_OBJS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ tests/unit/strings_test.c $(RUNTIME_OBJS) $(RUNTIME_LIBS)

# vm_test: the VM area (stack references, the frame data stack, running
# compiled code, generators from C, argument binding errors, threads running
# the same code while inline caches specialize). Links the whole runtime like
# containers_test (build the interpreter first).
.PHONY: vm
vm: $(OUT)/vm_test
	$(OUT)/vm_test

$(OUT)/vm_test: tests/unit/vm_test.c $(RUNTIME_OBJS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS_U) -o $@ tests/unit/vm_test.c $(RUNTIME_OBJS) $(RUNTIME_LIBS)
