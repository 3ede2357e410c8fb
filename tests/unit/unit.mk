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

$(OUT)/refcount_test: tests/unit/refcount_test.c src/runtime/refcount.c src/runtime/thread_state.c src/runtime/mem.c
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
