// qsbr.c — quiescent-state-based reclamation (after CPython's Python/qsbr.c
// and the deferred frees of Objects/obmalloc.c).
//
// Invariants (see also qsbr.h):
// - Slots live in SlotChunks linked from `chunks`; a chunk is prepended (under
//   registry_lock) with a release store after its slots are initialized, and
//   never freed, so scans walk the list without a lock.
// - A slot is on free_list (registry_lock) exactly when it is not allocated;
//   its seq is then WF_QSBR_OFFLINE.
// - A slot's queue (FIFO of ItemBlocks) is touched only by its owner thread,
//   or by whoever holds the slot after fork. Goals in it never decrease.
// - The orphan queue is touched only under orphan_lock; `norphans` mirrors its
//   length (written under the lock, read anywhere as a hint).
// - Every block is from hooks.alloc and freed with hooks.dealloc.
#include "sync/qsbr.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/mutex.h"

#define SLOTS_PER_CHUNK 32
#define ITEMS_PER_BLOCK 126
// A thread processes its queue every PROCESS_EVERY retirements, and asks the
// others for quiescent points each time NUDGE_STEP more items are waiting.
#define PROCESS_EVERY 32
#define NUDGE_STEP 64

typedef struct Item {
    void *ptr;
    WfQsbrFreeFunc free_fn;
    uint64_t goal;
} Item;

typedef struct ItemBlock {
    struct ItemBlock *next;
    uint32_t head, tail;  // live items are items[head..tail)
    Item items[ITEMS_PER_BLOCK];
} ItemBlock;

typedef struct ItemQueue {
    ItemBlock *first, *last;
    size_t count;
} ItemQueue;

struct WfQsbrThread {
    // Own cache line: written by its thread at every quiescent point, read by
    // scanners. OFFLINE or a wr_seq value (qsbr.h).
    _Alignas(64) _Atomic uint64_t seq;
    ItemQueue queue;        // owner only
    size_t nudge_at;        // owner only: backlog that triggers the next nudge
    bool allocated;         // registry_lock
    WfQsbrThread *free_next;  // registry_lock
};

typedef struct SlotChunk {
    struct SlotChunk *next;  // immutable once the chunk is published
    WfQsbrThread slots[SLOTS_PER_CHUNK];
} SlotChunk;

static struct {
    _Alignas(64) _Atomic uint64_t wr_seq;  // bumped by every retirement
    _Alignas(64) _Atomic uint64_t rd_seq;  // cached minimum, only grows
    _Atomic(SlotChunk *) chunks;
    _Atomic int registered;                // allocated slots
    WfMutex registry_lock;                 // free_list, allocation flags, chunk growth
    WfQsbrThread *free_list;
    WfMutex orphan_lock;
    ItemQueue orphans;
    _Atomic size_t norphans;
    WfQsbrHooks hooks;                     // set once at start-up, then read-only
} qsbr = {.wr_seq = WF_QSBR_INITIAL, .rd_seq = WF_QSBR_INITIAL};

static _Thread_local WfQsbrThread *current_slot;

static void fatal(const char *what) {
    fprintf(stderr, "weft: fatal error: qsbr: %s\n", what);
    abort();
}

// Runtime-internal locks: never detach (the callers are inside attach/detach
// or hold no Python state).
static void lock(WfMutex *m) { (void)wf_mutex_lock_ex(m, -1, WF_SYNC_DONT_DETACH); }

void wf_qsbr_init(const WfQsbrHooks *hooks) {
    if (!hooks->alloc || !hooks->dealloc) fatal("wf_qsbr_init needs alloc and dealloc");
    qsbr.hooks = *hooks;
}

static void *alloc(size_t size) {
    if (!qsbr.hooks.alloc) fatal("used before wf_qsbr_init");
    void *p = qsbr.hooks.alloc(size);
    return p;
}

static void block_free(void *p) {
    qsbr.hooks.dealloc(p);
}

// ---------------------------------------------------------------------------
// Item queues (single-threaded data structure; callers provide exclusion)

static bool queue_push(ItemQueue *q, Item item) {
    ItemBlock *b = q->last;
    if (!b || b->tail == ITEMS_PER_BLOCK) {
        b = alloc(sizeof *b);
        if (!b) return false;
        b->next = NULL;
        b->head = b->tail = 0;
        if (q->last) q->last->next = b;
        else q->first = b;
        q->last = b;
    }
    b->items[b->tail++] = item;
    q->count++;
    return true;
}

// The oldest item, or NULL. Drops emptied blocks on the way (keeps the last).
static Item *queue_front(ItemQueue *q) {
    for (;;) {
        ItemBlock *b = q->first;
        if (!b) return NULL;
        if (b->head < b->tail) return &b->items[b->head];
        if (!b->next) {
            b->head = b->tail = 0;
            return NULL;
        }
        q->first = b->next;
        block_free(b);
    }
}

static void queue_pop(ItemQueue *q) {
    q->first->head++;
    q->count--;
}

static void queue_append(ItemQueue *dst, ItemQueue *src) {
    if (!src->first) return;
    if (dst->last) dst->last->next = src->first;
    else dst->first = src->first;
    dst->last = src->last;
    dst->count += src->count;
    *src = (ItemQueue){0};
}

static void queue_release_blocks(ItemQueue *q) {
    for (ItemBlock *b = q->first, *next; b; b = next) {
        next = b->next;
        block_free(b);
    }
    *q = (ItemQueue){0};
}

// Free every item now (only when no other thread can be reading).
static void queue_free_all(ItemQueue *q) {
    Item *it;
    while ((it = queue_front(q))) {
        Item item = *it;
        queue_pop(q);
        item.free_fn(item.ptr);
    }
    queue_release_blocks(q);
}

// ---------------------------------------------------------------------------
// Registration

WfQsbrThread *wf_qsbr_register(void) {
    lock(&qsbr.registry_lock);
    WfQsbrThread *t = qsbr.free_list;
    if (!t) {
        SlotChunk *c = alloc(sizeof *c);
        if (!c) {
            wf_mutex_unlock(&qsbr.registry_lock);
            return NULL;
        }
        memset(c, 0, sizeof *c);  // every seq OFFLINE, queues empty
        for (int i = SLOTS_PER_CHUNK - 1; i >= 0; i--) {
            c->slots[i].free_next = qsbr.free_list;
            qsbr.free_list = &c->slots[i];
        }
        // relaxed: only registry_lock holders write `chunks`.
        c->next = atomic_load_explicit(&qsbr.chunks, memory_order_relaxed);
        // release: a scanner that loads the new head (acquire) sees the
        // chunk's initialized slots and next pointer.
        atomic_store_explicit(&qsbr.chunks, c, memory_order_release);
        t = qsbr.free_list;
    }
    qsbr.free_list = t->free_next;
    t->free_next = NULL;
    t->allocated = true;
    wf_mutex_unlock(&qsbr.registry_lock);
    t->nudge_at = NUDGE_STEP;
    // relaxed RMW + seq_cst fence: pairs with the fence in
    // wf_qsbr_free_storage (store-buffering): either the freeing thread sees
    // this registration and defers, or this thread's later loads of shared
    // pointers see the freeing thread's unpublishing store.
    atomic_fetch_add_explicit(&qsbr.registered, 1, memory_order_relaxed);
    atomic_thread_fence(memory_order_seq_cst);
    current_slot = t;
    return t;
}

void wf_qsbr_unregister(WfQsbrThread *t) {
    if (!t) return;
    // relaxed: our own store.
    if (atomic_load_explicit(&t->seq, memory_order_relaxed) != WF_QSBR_OFFLINE)
        fatal("unregistering a slot that is online");
    // seq_cst fence + relaxed load: as in wf_qsbr_free_storage, a thread
    // registering concurrently either is counted here or cannot reach what
    // we retired (it was unpublished before our fence).
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load_explicit(&qsbr.registered, memory_order_relaxed) <= 1) {
        queue_free_all(&t->queue);
    } else if (t->queue.count) {
        lock(&qsbr.orphan_lock);
        queue_append(&qsbr.orphans, &t->queue);
        // relaxed: a hint for wf_qsbr_process; the list itself is read under the lock.
        atomic_store_explicit(&qsbr.norphans, qsbr.orphans.count, memory_order_relaxed);
        wf_mutex_unlock(&qsbr.orphan_lock);
    } else {
        queue_release_blocks(&t->queue);
    }
    if (current_slot == t) current_slot = NULL;
    lock(&qsbr.registry_lock);
    t->allocated = false;
    t->free_next = qsbr.free_list;
    qsbr.free_list = t;
    wf_mutex_unlock(&qsbr.registry_lock);
    // relaxed: only a heuristic count for frees (see wf_qsbr_free_storage).
    atomic_fetch_sub_explicit(&qsbr.registered, 1, memory_order_relaxed);
}

WfQsbrThread *wf_qsbr_current(void) { return current_slot; }

// ---------------------------------------------------------------------------
// Thread states

static uint64_t shared_current(void) {
    // acquire: pairs with the release of wf_qsbr_advance, so every pointer
    // unpublished before a goal <= the value read is seen unpublished by our
    // later loads.
    return atomic_load_explicit(&qsbr.wr_seq, memory_order_acquire);
}

void wf_qsbr_online(WfQsbrThread *t) {
    // relaxed store + seq_cst fence: a scanner (fence, then loads of seq)
    // either sees us online with this seq, or our subsequent loads of shared
    // pointers see what it unpublished before its fence (store-buffering
    // pattern with fences on both sides).
    atomic_store_explicit(&t->seq, shared_current(), memory_order_relaxed);
    atomic_thread_fence(memory_order_seq_cst);
}

void wf_qsbr_offline(WfQsbrThread *t) {
    // release: our reads of retired memory happen-before the free by a
    // scanner that sees OFFLINE (its acquire load).
    atomic_store_explicit(&t->seq, WF_QSBR_OFFLINE, memory_order_release);
}

void wf_qsbr_quiescent(WfQsbrThread *t) {
    // release: as in wf_qsbr_offline; the acquire in shared_current orders
    // our later reads after the retirements we acknowledge.
    atomic_store_explicit(&t->seq, shared_current(), memory_order_release);
}

uint64_t wf_qsbr_advance(void) {
    // release: the caller's unpublishing store precedes the new value, so a
    // thread that reads wr_seq >= goal (acquire) no longer sees the pointer.
    return atomic_fetch_add_explicit(&qsbr.wr_seq, WF_QSBR_INCR, memory_order_release) + WF_QSBR_INCR;
}

// The minimum seq over online slots (or wr_seq when none is lower), folded
// into the cached rd_seq.
static uint64_t scan(void) {
    // seq_cst fence: pairs with the fence in wf_qsbr_online (see there).
    atomic_thread_fence(memory_order_seq_cst);
    uint64_t min = shared_current();
    // acquire: pairs with the release store that published each chunk.
    for (SlotChunk *c = atomic_load_explicit(&qsbr.chunks, memory_order_acquire); c; c = c->next) {
        for (int i = 0; i < SLOTS_PER_CHUNK; i++) {
            // acquire: pairs with the release of quiescent/offline, so the
            // reader's accesses to retired memory happen-before our free.
            uint64_t s = atomic_load_explicit(&c->slots[i].seq, memory_order_acquire);
            if (s != WF_QSBR_OFFLINE && s < min) min = s;
        }
    }
    // acquire on load/failure, release on success: rd_seq carries the
    // happens-before edges gathered above to threads that only read the cache.
    uint64_t rd = atomic_load_explicit(&qsbr.rd_seq, memory_order_acquire);
    while (rd < min) {
        if (atomic_compare_exchange_weak_explicit(&qsbr.rd_seq, &rd, min, memory_order_acq_rel,
                                                  memory_order_acquire))
            return min;
    }
    return rd;
}

bool wf_qsbr_poll(uint64_t goal) {
    // acquire: see scan().
    if (goal <= atomic_load_explicit(&qsbr.rd_seq, memory_order_acquire)) return true;
    return goal <= scan();
}

// ---------------------------------------------------------------------------
// Deferred frees

static void free_now_synchronized(void *ptr, WfQsbrFreeFunc free_fn) {
    // No memory to queue the item: wait for every other thread instead. If
    // the runtime cannot do that either, leaking beats a use-after-free.
    if (qsbr.hooks.synchronize) {
        qsbr.hooks.synchronize();
        free_fn(ptr);
    }
}

static void orphan(Item item) {
    lock(&qsbr.orphan_lock);
    bool ok = queue_push(&qsbr.orphans, item);
    // relaxed: a hint (see wf_qsbr_unregister).
    atomic_store_explicit(&qsbr.norphans, qsbr.orphans.count, memory_order_relaxed);
    wf_mutex_unlock(&qsbr.orphan_lock);
    if (!ok) free_now_synchronized(item.ptr, item.free_fn);
}

void wf_qsbr_free(WfQsbrThread *t, void *ptr, WfQsbrFreeFunc free_fn) {
    if (!ptr) return;
    Item item = {ptr, free_fn, wf_qsbr_advance()};
    if (!t) {
        orphan(item);
        return;
    }
    if (!queue_push(&t->queue, item)) {
        free_now_synchronized(ptr, free_fn);
        return;
    }
    if (t->queue.count % PROCESS_EVERY == 0) wf_qsbr_process(t);
    if (t->queue.count >= t->nudge_at) {
        t->nudge_at = t->queue.count + NUDGE_STEP;
        if (qsbr.hooks.request_quiescence) qsbr.hooks.request_quiescence();
    }
}

void wf_qsbr_free_storage(void *ptr) {
    if (!ptr) return;
    if (!qsbr.hooks.dealloc) fatal("wf_qsbr_free_storage before wf_qsbr_init");
    // seq_cst fence: pairs with the one in wf_qsbr_register (see there); the
    // caller's unpublishing store precedes it.
    atomic_thread_fence(memory_order_seq_cst);
    int n = atomic_load_explicit(&qsbr.registered, memory_order_relaxed);
    WfQsbrThread *t = current_slot;
    if (n == 0 || (n == 1 && t)) {
        qsbr.hooks.dealloc(ptr);  // nobody else can be reading
        return;
    }
    wf_qsbr_free(t, ptr, qsbr.hooks.dealloc);
}

static size_t process_orphans(void) {
    if (!wf_mutex_trylock(&qsbr.orphan_lock)) return 0;  // someone else is at it
    ItemQueue all = qsbr.orphans;
    qsbr.orphans = (ItemQueue){0};
    atomic_store_explicit(&qsbr.norphans, 0, memory_order_relaxed);  // a hint
    wf_mutex_unlock(&qsbr.orphan_lock);

    // Goals from different threads are interleaved: check every item.
    uint64_t rd = scan();
    ItemQueue keep = {0};
    size_t freed = 0;
    Item *it;
    while ((it = queue_front(&all))) {
        Item item = *it;
        queue_pop(&all);
        if (item.goal <= rd) {
            item.free_fn(item.ptr);
            freed++;
        } else if (!queue_push(&keep, item)) {
            free_now_synchronized(item.ptr, item.free_fn);
        }
    }
    queue_release_blocks(&all);
    if (keep.count) {
        lock(&qsbr.orphan_lock);
        queue_append(&qsbr.orphans, &keep);
        atomic_store_explicit(&qsbr.norphans, qsbr.orphans.count, memory_order_relaxed);
        wf_mutex_unlock(&qsbr.orphan_lock);
    }
    return freed;
}

size_t wf_qsbr_process(WfQsbrThread *t) {
    size_t freed = 0;
    // relaxed: a hint; the list is read under its lock.
    if (atomic_load_explicit(&qsbr.norphans, memory_order_relaxed)) freed += process_orphans();
    if (!t) return freed;
    Item *it = queue_front(&t->queue);
    if (!it) return freed;
    // acquire: see scan().
    uint64_t rd = atomic_load_explicit(&qsbr.rd_seq, memory_order_acquire);
    if (it->goal > rd) rd = scan();
    while ((it = queue_front(&t->queue)) && it->goal <= rd) {
        Item item = *it;
        queue_pop(&t->queue);  // before the call: free_fn may retire more
        item.free_fn(item.ptr);
        freed++;
    }
    if (t->queue.count + NUDGE_STEP < t->nudge_at) t->nudge_at = t->queue.count + NUDGE_STEP;
    return freed;
}

bool wf_qsbr_has_pending(const WfQsbrThread *t) { return t && t->queue.count != 0; }

size_t wf_qsbr_pending(const WfQsbrThread *t) { return t ? t->queue.count : 0; }

size_t wf_qsbr_orphans(void) {
    lock(&qsbr.orphan_lock);
    size_t n = qsbr.orphans.count;
    wf_mutex_unlock(&qsbr.orphan_lock);
    return n;
}

int wf_qsbr_registered(void) { return atomic_load_explicit(&qsbr.registered, memory_order_relaxed); }

uint64_t wf_qsbr_write_seq(void) { return atomic_load_explicit(&qsbr.wr_seq, memory_order_relaxed); }

uint64_t wf_qsbr_read_seq(const WfQsbrThread *t) {
    return atomic_load_explicit(&((WfQsbrThread *)t)->seq, memory_order_relaxed);
}

void wf_qsbr_after_fork(WfQsbrThread *keep) {
    // Single-threaded: plain resets (relaxed) suffice; the other threads'
    // locks may have been held at fork, so reset them first.
    qsbr.registry_lock = (WfMutex)WF_MUTEX_INIT;
    qsbr.orphan_lock = (WfMutex)WF_MUTEX_INIT;
    qsbr.free_list = NULL;
    int n = 0;
    for (SlotChunk *c = atomic_load_explicit(&qsbr.chunks, memory_order_relaxed); c; c = c->next) {
        for (int i = SLOTS_PER_CHUNK - 1; i >= 0; i--) {
            WfQsbrThread *t = &c->slots[i];
            queue_free_all(&t->queue);
            if (t == keep) {
                n++;
                continue;
            }
            t->allocated = false;
            atomic_store_explicit(&t->seq, WF_QSBR_OFFLINE, memory_order_relaxed);
            t->free_next = qsbr.free_list;
            qsbr.free_list = t;
        }
    }
    queue_free_all(&qsbr.orphans);
    atomic_store_explicit(&qsbr.norphans, 0, memory_order_relaxed);
    atomic_store_explicit(&qsbr.registered, n, memory_order_relaxed);
    atomic_store_explicit(&qsbr.rd_seq, atomic_load_explicit(&qsbr.wr_seq, memory_order_relaxed),
                          memory_order_relaxed);
    current_slot = keep;
}
