// mem.c — thin wrappers over mimalloc. Invariant: every block handed out here is
// a mimalloc block (in ThreadSanitizer builds: a block of the sanitizer's own
// allocator, see below), so wf_mem_free works from any thread.
#include "runtime/mem.h"

#if defined(__SANITIZE_THREAD__)

// ThreadSanitizer builds allocate through libc's malloc family, which TSan
// intercepts with its own allocator. mimalloc is not instrumented: a block
// that one thread frees and mimalloc later hands to another thread would look
// like a data race between the old owner's accesses and the new owner's. TSan's
// allocator instead resets the block's shadow state when it hands the block
// out (no happens-before edge is invented, so no real race is hidden), reports
// accesses that race with a free, and handles a block reused at a different
// offset or size, which per-address __tsan_release/__tsan_acquire annotations
// around mi_free/mi_malloc would miss. Nothing in weft depends on mimalloc
// beyond this file, so only the allocator under test changes, never a caller.
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

void *wf_mem_malloc(size_t size) { return malloc(size); }
void *wf_mem_calloc(size_t count, size_t size) { return calloc(count, size); }
void *wf_mem_realloc(void *p, size_t size) { return realloc(p, size); }
void wf_mem_free(void *p) { free(p); }
char *wf_mem_strdup(const char *s) { return strdup(s); }
char *wf_mem_strndup(const char *s, size_t n) { return strndup(s, n); }
size_t wf_mem_usable_size(const void *p) { return p ? malloc_usable_size((void *)p) : 0; }

#else

#include <mimalloc.h>

void *wf_mem_malloc(size_t size) { return mi_malloc(size); }
void *wf_mem_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
void *wf_mem_realloc(void *p, size_t size) { return mi_realloc(p, size); }
void wf_mem_free(void *p) { mi_free(p); }
char *wf_mem_strdup(const char *s) { return mi_strdup(s); }
char *wf_mem_strndup(const char *s, size_t n) { return mi_strndup(s, n); }
size_t wf_mem_usable_size(const void *p) { return mi_usable_size(p); }

#endif
