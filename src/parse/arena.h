// arena.h — bump allocator owning everything one parse produces.
//
// Invariant: an arena is a singly linked list of malloc'd blocks; every
// pointer handed out by wf_arena_alloc points into exactly one block and
// stays valid until wf_arena_free, which releases all blocks at once.
// Nothing allocated from an arena is ever freed individually.
#ifndef WF_PARSE_ARENA_H
#define WF_PARSE_ARENA_H

#include <stddef.h>

typedef struct WfArena WfArena;

// Returns a new empty arena, or NULL when out of memory.
WfArena *wf_arena_new(void);
// Frees every block of the arena and the arena itself. NULL is allowed.
void wf_arena_free(WfArena *arena);
// Returns `size` bytes aligned for any object (max_align_t), zero-filled,
// or NULL when out of memory.
void *wf_arena_alloc(WfArena *arena, size_t size);
// Copies `len` bytes and appends a NUL; NULL when out of memory.
char *wf_arena_strndup(WfArena *arena, const char *s, size_t len);
// Total bytes obtained from malloc so far (for statistics and tests).
size_t wf_arena_bytes(const WfArena *arena);

#endif
