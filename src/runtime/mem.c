// mem.c — thin wrappers over mimalloc. Invariant: every block handed out here is
// a mimalloc block, so wf_mem_free works from any thread.
#include "runtime/mem.h"

#include <mimalloc.h>

void *wf_mem_malloc(size_t size) { return mi_malloc(size); }
void *wf_mem_calloc(size_t count, size_t size) { return mi_calloc(count, size); }
void *wf_mem_realloc(void *p, size_t size) { return mi_realloc(p, size); }
void wf_mem_free(void *p) { mi_free(p); }
char *wf_mem_strdup(const char *s) { return mi_strdup(s); }
char *wf_mem_strndup(const char *s, size_t n) { return mi_strndup(s, n); }
size_t wf_mem_usable_size(const void *p) { return mi_usable_size(p); }
