// brc.c — the queues of biased reference counting: objects a non-owner
// released while their shared count was zero wait here for their owner to
// merge them (after CPython's Python/brc.c, with a lock-free stack per thread
// instead of CPython's hashed buckets).
//
// Invariants:
// - ts->brc_queue is NULL, a stack of BrcNodes, or BRC_DEAD. Any thread
//   pushes (CAS, release); only the owner takes the whole stack (exchange,
//   acquire) and only the owner, when it exits, stores BRC_DEAD, after which
//   nothing is ever pushed again. Thread states are never freed, so a pusher
//   may touch a dead owner's state.
// - A queued object is in state WF_REF_SHARED_QUEUED and the queue holds one
//   reference to it: the pusher did not subtract its own release from the
//   shared count. Merging therefore folds local + shared - 1 into the shared
//   count (state MERGED, ob_tid 0) and frees the object when that is zero.
//   Because the queue's reference is counted, the owner's own merge-at-zero
//   never frees an object that is still queued.
// - An object is queued at most once (the DEFAULT -> QUEUED transition is a
//   CAS), so at most one merge runs per queued object.
#include "objects/object.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "vm/eval.h"

#define BRC_DEAD ((void *)1)
#define ONE_SHARED ((intptr_t)1 << WF_SHARED_SHIFT)

typedef struct BrcNode {
    WfObject *obj;
    struct BrcNode *next;
} BrcNode;

// Fold the local count into the shared count and give up ownership. Caller:
// the owner, or any thread once the owner is gone (the owner's last writes to
// ob_ref_local happen-before, through the queue's acquire). Returns the
// merged count; the caller frees the object when it is zero.
static intptr_t explicit_merge(WfObject *o, intptr_t extra) {
    intptr_t local = wf_ref_local_load(o);
    // Relaxed: only the owner (us, or a dead one) writes these; readers use
    // them only to choose the shared path, which the CAS below settles.
    wf_ref_local_store(o, 0);
    __atomic_store_n(&o->ob_tid, 0, __ATOMIC_RELAXED);
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    intptr_t count, new_value;
    do {
        count = (shared >> WF_SHARED_SHIFT) + local + extra;
        new_value = count * ONE_SHARED | WF_REF_SHARED_MERGED;
        // acq_rel: acquire so other threads' releasing decrements are visible
        // before we may free; release so our writes reach a later freer.
    } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, new_value, memory_order_acq_rel,
                                                    memory_order_relaxed));
    return count;
}

static void merge_and_maybe_free(WfObject *o) {
    if (wf_is_immortal(o)) return;  // made immortal while queued: nothing to do
    if (explicit_merge(o, -1) == 0) wf_object_dealloc(o);
}

void wf_brc_queue_object(WfObject *o) {
    uintptr_t tid = wf_tid_load(o);
    if (tid == 0) {
        // The owner merged concurrently (only possible through an explicit
        // merge): the count is shared now, release our reference through it.
        wf_decref(o);
        return;
    }
    WfThreadState *owner = (WfThreadState *)tid;
    BrcNode *n = wf_mem_malloc(sizeof *n);
    if (!n) {
        // Out of memory: the object stays QUEUED with our reference, i.e. it
        // leaks. Never corrupts the count.
        return;
    }
    n->obj = o;
    // acquire: if we see BRC_DEAD, the dead owner's writes to the object's
    // header are visible before we merge it ourselves.
    void *head = atomic_load_explicit(&owner->brc_queue, memory_order_acquire);
    for (;;) {
        if (head == BRC_DEAD) {
            wf_mem_free(n);
            merge_and_maybe_free(o);
            return;
        }
        n->next = head;
        // release: the node's contents reach the owner's acquire exchange.
        // acquire on failure: as the load above.
        if (atomic_compare_exchange_weak_explicit(&owner->brc_queue, &head, n, memory_order_release,
                                                  memory_order_acquire))
            break;
    }
    // release: the owner's acquire load of eval_breaker then sees the node.
    atomic_fetch_or_explicit(&owner->eval_breaker, WF_EVAL_BREAKER_BRC, memory_order_release);
}

static void merge_list(BrcNode *n) {
    while (n) {
        BrcNode *next = n->next;
        WfObject *o = n->obj;
        wf_mem_free(n);
        merge_and_maybe_free(o);
        n = next;
    }
}

// Merge the objects queued to the calling (owner) thread: at its safe points
// (eval breaker) and when it exits. Name kept from refcount.c's first version.
void wf_refcount_merge_queued(WfThreadState *ts) {
    // relaxed: only we store BRC_DEAD; a NULL hint just skips an exchange.
    void *head = atomic_load_explicit(&ts->brc_queue, memory_order_relaxed);
    if (head == NULL || head == BRC_DEAD) return;
    // acquire: pairs with the pushers' release CAS (node contents).
    merge_list(atomic_exchange_explicit(&ts->brc_queue, NULL, memory_order_acquire));
}

void wf_brc_thread_exit(WfThreadState *ts) {
    // Merging may free objects whose deallocation releases more objects we
    // own (owner writes to ob_ref_local), so close the queue only once it is
    // empty: after BRC_DEAD, pushers write our objects' counts themselves.
    for (;;) {
        void *expected = NULL;
        // release: a pusher that sees BRC_DEAD (acquire) sees all our writes
        // to objects we owned. relaxed on failure: the exchange re-reads.
        if (atomic_compare_exchange_strong_explicit(&ts->brc_queue, &expected, BRC_DEAD, memory_order_release,
                                                    memory_order_relaxed))
            return;
        if (expected == BRC_DEAD) return;  // already closed
        // acquire: as in wf_refcount_merge_queued.
        merge_list(atomic_exchange_explicit(&ts->brc_queue, NULL, memory_order_acquire));
    }
}

bool wf_brc_thread_is_dead(WfThreadState *ts) {
    return atomic_load_explicit(&ts->brc_queue, memory_order_acquire) == BRC_DEAD;
}
