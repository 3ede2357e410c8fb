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
// - When a non-owner releases a reference while the shared count is zero
//   (the reference was counted locally by the owner), it does not subtract:
//   it moves the state to QUEUED and hands its reference to the owner's queue
//   (runtime/brc.c), which merges local + shared - 1 at the owner's next safe
//   point, or at once when the owner has exited.
#include "objects/object.h"
#include "runtime/thread_state.h"

void wf_brc_queue_object(WfObject *o);  // runtime/brc.c (runtime/threads.h)

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

void wf_refcount_decref_shared(WfObject *o) {
    intptr_t old = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t new_value;
    bool queue;
    do {
        // Shared count zero in the default state (or MAYBE_WEAKREF, which a
        // locked container read sets: containers.h), owner alive: the
        // reference we release was counted by the owner. Queue it (keeping
        // the count: the queue now holds our reference) rather than go
        // negative.
        queue = (old == WF_REF_SHARED_DEFAULT || old == WF_REF_SHARED_MAYBE_WEAKREF) && wf_tid_load(o) != 0;
        new_value = queue ? WF_REF_SHARED_QUEUED : old - ONE_SHARED;
        // Release on the decrement orders our prior writes to the object before
        // whichever thread frees it (which performs an acquire below).
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &old, new_value, memory_order_acq_rel,
                                                    memory_order_relaxed));
    if (queue) {
        wf_brc_queue_object(o);
    } else if (new_value == WF_REF_SHARED_MERGED) {  // merged and the count reached zero
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

void wf_object_set_immortal(WfObject *o) {
    if (wf_is_smallint(o)) return;
    wf_ref_local_store(o, WF_IMMORTAL_REFCNT);
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_relaxed);
}

// Deferred objects are referenced from evaluation stacks and frames without
// a count (the VM pushes them as borrowed stack refs). The object therefore
// carries one extra reference on behalf of all those borrowers; the cycle
// collector will drop it once it can prove no stack holds the object. Until
// the collector exists, deferred objects are never freed (design brief §1.5).
void wf_object_set_deferred(WfObject *o) {
    if (wf_is_smallint(o) || wf_is_immortal(o)) return;
    if (o->ob_gc_bits & WF_GC_DEFERRED) return;
    wf_incref(o);
    o->ob_gc_bits |= WF_GC_DEFERRED;
}

wf_ssize wf_refcount_get(const WfObject *o) {
    if (wf_is_smallint(o)) return 0;
    uint32_t local = wf_ref_local_load(o);
    if (local == WF_IMMORTAL_REFCNT) return (wf_ssize)WF_IMMORTAL_REFCNT;
    intptr_t shared = atomic_load_explicit(&((WfObject *)o)->ob_ref_shared, memory_order_relaxed);
    return (wf_ssize)local + (shared >> WF_SHARED_SHIFT);
}
