// arena.c — bump allocator for the parser.
//
// Invariant: `head` is the block currently being filled; `used <= cap` for
// it; older blocks are full (or were abandoned for a large request) and are
// reachable through `next`. Allocations are rounded up to ALIGN bytes so
// every returned pointer is suitably aligned. The arena holds no global
// state, so different threads may use different arenas concurrently.
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#define ALIGN (alignof(max_align_t))
#define BLOCK_SIZE (64 * 1024)

typedef struct WfArenaBlock {
    struct WfArenaBlock *next;
    size_t cap;
    size_t used;
    alignas(max_align_t) unsigned char data[];
} WfArenaBlock;

struct WfArena {
    WfArenaBlock *head;
    size_t total;
};

static WfArenaBlock *block_new(size_t cap) {
    WfArenaBlock *b = malloc(sizeof(WfArenaBlock) + cap);
    if (b == NULL) return NULL;
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

WfArena *wf_arena_new(void) {
    WfArena *a = malloc(sizeof(WfArena));
    if (a == NULL) return NULL;
    a->head = block_new(BLOCK_SIZE);
    if (a->head == NULL) {
        free(a);
        return NULL;
    }
    a->total = sizeof(WfArenaBlock) + BLOCK_SIZE;
    return a;
}

void wf_arena_free(WfArena *arena) {
    if (arena == NULL) return;
    WfArenaBlock *b = arena->head;
    while (b != NULL) {
        WfArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    free(arena);
}

void *wf_arena_alloc(WfArena *arena, size_t size) {
    if (size > ((size_t)-1) / 2) return NULL;
    size = (size + ALIGN - 1) & ~(ALIGN - 1);
    if (size == 0) size = ALIGN;
    WfArenaBlock *b = arena->head;
    if (b->cap - b->used < size) {
        if (size > BLOCK_SIZE / 4) {
            // Large request: give it its own block behind the head so the
            // head's remaining space is not wasted.
            WfArenaBlock *big = block_new(size);
            if (big == NULL) return NULL;
            big->used = size;
            big->next = b->next;
            b->next = big;
            arena->total += sizeof(WfArenaBlock) + size;
            memset(big->data, 0, size);
            return big->data;
        }
        WfArenaBlock *nb = block_new(BLOCK_SIZE);
        if (nb == NULL) return NULL;
        nb->next = b;
        arena->head = nb;
        arena->total += sizeof(WfArenaBlock) + BLOCK_SIZE;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *wf_arena_strndup(WfArena *arena, const char *s, size_t len) {
    char *p = wf_arena_alloc(arena, len + 1);
    if (p == NULL) return NULL;
    if (len > 0) memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

size_t wf_arena_bytes(const WfArena *arena) {
    return arena->total;
}
