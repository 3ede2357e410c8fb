// mem.h — the allocator seam. All of weft's memory comes from mimalloc:
// thread-local heaps, fast free from other threads, and a way to visit every
// block (for the cycle collector later). Nothing else calls malloc directly.
#ifndef WF_MEM_H
#define WF_MEM_H

#include <stddef.h>

// Raw allocation. wf_mem_malloc/calloc/realloc return NULL on failure and set
// no exception (callers raise MemoryError with wf_err_no_memory()).
void *wf_mem_malloc(size_t size);
void *wf_mem_calloc(size_t count, size_t size);
void *wf_mem_realloc(void *p, size_t size);
void wf_mem_free(void *p);
char *wf_mem_strdup(const char *s);
char *wf_mem_strndup(const char *s, size_t n);
size_t wf_mem_usable_size(const void *p);

#endif
