// refcount.c — the slow paths of biased reference counting.
//
// Invariants (see objects/object.h for the header layout):
// - Only the owner thread (ob_tid == wf_current_tid) writes ob_ref_local.
// - ob_ref_shared = (shared_count << WF_SHARED_SHIFT) | state. Other threads
//   add/subtract (1 << WF_SHARED_SHIFT) atomically.
// - When the owner's local count reaches zero it *merges*: if nobody else holds
//   a reference (shared == 0) the object is freed at once; otherwise ownership is
//   given up (ob_tid = 0, state MERGED) and the shared count becomes the whole
//   count, so the last decrement by any thread frees it.
// - When a non-owner drives the shared count below zero (it released a
//   reference the owner counted locally), the object is queued to its owner,
//   which merges it at its next safe point (runtime/brc.c, with the threads work).
#include <pthread.h>

#include "objects/object.h"
#include "runtime/thread_state.h"

#define ONE_SHARED ((intptr_t)1 << WF_SHARED_SHIFT)

_Thread_local uintptr_t wf_current_tid;

void wf_object_dealloc(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    t->tp_dealloc(o);
}

void wf_refcount_incref_shared(WfObject *o) {
    // Relaxed: an incref only needs atomicity; the reference being copied keeps
    // the object alive, so no ordering with other memory is required.
    atomic_fetch_add_explicit(&o->ob_ref_shared, ONE_SHARED, memory_order_relaxed);
}

// Queue `o` to its owner (the owner merges at its next safe point). Guarded by
// one mutex for now: this path is rare (cross-thread release of an object the
// owner still counts) and is replaced by per-thread lock-free queues in brc.c.
static pthread_mutex_t brc_lock = PTHREAD_MUTEX_INITIALIZER;

typedef struct BrcNode {
    WfObject *obj;
    struct BrcNode *next;
} BrcNode;

static void queue_to_owner(WfObject *o) {
    WfThreadState *owner = (WfThreadState *)wf_tid_load(o);
    BrcNode *n = wf_mem_malloc(sizeof *n);
    if (!n) return;  // leak the object rather than corrupt it
    n->obj = o;
    pthread_mutex_lock(&brc_lock);
    n->next = owner->brc_queue;
    owner->brc_queue = n;
    pthread_mutex_unlock(&brc_lock);
    // Release: the owner's acquire load of eval_breaker then sees the queue.
    atomic_fetch_or_explicit(&owner->eval_breaker, 1u, memory_order_release);
}

void wf_refcount_decref_shared(WfObject *o) {
    intptr_t old = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t new_value;
    bool queue;
    do {
        queue = false;
        new_value = old - ONE_SHARED;
        if ((old & WF_REF_SHARED_STATE_MASK) == WF_REF_SHARED_DEFAULT && (new_value >> WF_SHARED_SHIFT) < 0 &&
            wf_tid_load(o) != 0) {
            new_value = new_value | WF_REF_SHARED_QUEUED;
            queue = true;
        }
        // Release on the decrement orders our prior writes to the object before
        // whichever thread frees it (which performs an acquire below).
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &old, new_value, memory_order_acq_rel,
                                                    memory_order_relaxed));
    if (queue) {
        queue_to_owner(o);
    } else if ((new_value & WF_REF_SHARED_STATE_MASK) == WF_REF_SHARED_MERGED && (new_value >> WF_SHARED_SHIFT) == 0) {
        wf_object_dealloc(o);
    }
}

void wf_refcount_merge_zero(WfObject *o) {
    // Owner's local count is zero. Acquire pairs with other threads' releasing
    // decrements so their writes are visible before we free.
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
    if (shared == 0) {
        wf_object_dealloc(o);
        return;
    }
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    intptr_t new_value;
    do {
        new_value = (shared & ~(intptr_t)WF_REF_SHARED_STATE_MASK) | WF_REF_SHARED_MERGED;
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, new_value, memory_order_acq_rel,
                                                    memory_order_acquire));
    if ((new_value >> WF_SHARED_SHIFT) == 0) wf_object_dealloc(o);
}

// Merge the objects queued to the current thread (called at safe points).
void wf_refcount_merge_queued(WfThreadState *ts) {
    pthread_mutex_lock(&brc_lock);
    BrcNode *n = ts->brc_queue;
    ts->brc_queue = NULL;
    pthread_mutex_unlock(&brc_lock);
    while (n) {
        BrcNode *next = n->next;
        WfObject *o = n->obj;
        wf_mem_free(n);
        // Fold the local count into the shared count and give up ownership.
        intptr_t local = wf_ref_local_load(o);
        wf_ref_local_store(o, 0);
        __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
        intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_acquire);
        intptr_t new_value;
        do {
            new_value = ((shared >> WF_SHARED_SHIFT) + local) * ONE_SHARED | WF_REF_SHARED_MERGED;
        } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, new_value, memory_order_acq_rel,
                                                        memory_order_acquire));
        if ((new_value >> WF_SHARED_SHIFT) == 0) wf_object_dealloc(o);
        n = next;
    }
}

void wf_object_set_immortal(WfObject *o) {
    if (wf_is_smallint(o)) return;
    wf_ref_local_store(o, WF_IMMORTAL_REFCNT);
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
}

void wf_object_set_deferred(WfObject *o) {
    if (wf_is_smallint(o) || wf_is_immortal(o)) return;
    o->ob_gc_bits |= WF_GC_DEFERRED;
}

wf_ssize wf_refcount_get(const WfObject *o) {
    if (wf_is_smallint(o)) return 0;
    uint32_t local = wf_ref_local_load(o);
    if (local == WF_IMMORTAL_REFCNT) return (wf_ssize)WF_IMMORTAL_REFCNT;
    intptr_t shared = atomic_load_explicit(&((WfObject *)o)->ob_ref_shared, memory_order_relaxed);
    return (wf_ssize)local + (shared >> WF_SHARED_SHIFT);
}
