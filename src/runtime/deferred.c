// deferred.c — shared deferred objects: the registry and the sweep.
//
// Invariants:
// - A shared object has WF_GC_DEFERRED | WF_GC_SHARED in ob_gc_bits and one
//   counted reference that stands for all its uncounted (borrowed) stack
//   references; it is listed exactly once in `reg.items`, which owns that
//   reference.
// - Borrowed stack references to a shared object live only in frame slots of
//   frames that a thread is executing (its data stack, or a running
//   generator's frame on its current_frame chain). A frame that leaves those
//   places (a generator suspends or is created, a frame object copies its
//   frame) first turns them into counted references (wf_frame_own_borrowed).
// - The sweep runs with the world stopped. A shared object whose counts
//   (local + shared) add up to 1 is referenced by the registry only, plus
//   possibly by frames; one that no word of any such frame points at is
//   unreachable, and nothing can make it reachable again (reaching it would
//   need a counted reference or a frame slot). Its bits are cleared and the
//   registry's reference is dropped after the world restarts, so finalizers
//   run as usual.
// - The scan is conservative: it looks at every word of the used data stack
//   (dead slots above a frame's stack pointer included), so it may keep a
//   dead object for one more sweep, never free a live one.
// - `reg.lock` guards the registry outside a sweep; it never detaches and is
//   never held across a safe point, so a stopped world finds it free.
#include "runtime/deferred.h"

#include <stdatomic.h>
#include <string.h>

#include "runtime/mem.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "sync/mutex.h"
#include "vm/frame.h"

#define MIN_SWEEP_AT 1024

static struct {
    WfMutex lock;
    WfObject **items;
    wf_ssize n, cap;
    wf_ssize sweep_at;  // sweep when n reaches it (twice the survivors)
    _Atomic int sweeping;
} reg = {.sweep_at = MIN_SWEEP_AT};

// Relaxed: an independent flag; a sweep a little early or late is harmless.
static _Atomic bool automatic = true;

void wf_deferred_set_automatic(bool on) { atomic_store_explicit(&automatic, on, memory_order_relaxed); }
bool wf_deferred_automatic(void) { return atomic_load_explicit(&automatic, memory_order_relaxed); }

static void reg_lock(void) { (void)wf_mutex_lock_ex(&reg.lock, -1, WF_SYNC_DONT_DETACH); }

wf_ssize wf_deferred_shared_count(void) {
    reg_lock();
    wf_ssize n = reg.n;
    wf_mutex_unlock(&reg.lock);
    return n;
}

void wf_deferred_share(WfObject *o) {
    // Sweep first, while our reference to `o` is still counted.
    // Relaxed: a heuristic; the sweep itself re-synchronizes.
    if (__atomic_load_n(&reg.n, __ATOMIC_RELAXED) >= __atomic_load_n(&reg.sweep_at, __ATOMIC_RELAXED) &&
        wf_deferred_automatic())
        (void)wf_deferred_sweep();
    wf_deferred_retire(o);
}

void wf_deferred_retire(WfObject *o) {
    if (wf_is_smallint(o) || wf_is_immortal(o)) return;
    uint8_t bits = __atomic_load_n(&o->ob_gc_bits, __ATOMIC_RELAXED);
    do {
        if (bits & WF_GC_DEFERRED) {
            // Deferred already: the object keeps its own reference for
            // borrowers, so ours is not the last one.
            wf_decref(o);
            return;
        }
        // Release: our reference (counted before) is visible to a thread
        // that sees the bit and then drops a counted reference of its own.
    } while (!__atomic_compare_exchange_n(&o->ob_gc_bits, &bits, (uint8_t)(bits | WF_GC_DEFERRED | WF_GC_SHARED), true,
                                          __ATOMIC_RELEASE, __ATOMIC_RELAXED));
    reg_lock();
    if (reg.n == reg.cap) {
        wf_ssize cap = reg.cap ? reg.cap * 2 : 256;
        WfObject **items = wf_mem_realloc(reg.items, (size_t)cap * sizeof *items);
        if (!items) {
            // Out of memory: the object stays deferred but unlisted, so it
            // is never swept (kept alive, never freed early).
            wf_mutex_unlock(&reg.lock);
            return;
        }
        reg.items = items;
        reg.cap = cap;
    }
    reg.items[reg.n] = o;
    __atomic_store_n(&reg.n, reg.n + 1, __ATOMIC_RELAXED);
    wf_mutex_unlock(&reg.lock);
}

// --- The sweep ---------------------------------------------------------------

typedef struct {
    WfObject **slots;  // open addressing by address; NULL empty
    uint8_t *seen;
    size_t mask;
} CandidateSet;

static size_t slot_of(const CandidateSet *s, uintptr_t p) { return (size_t)((p >> 4) * 0x9E3779B97F4A7C15u) & s->mask; }

static void set_add(CandidateSet *s, WfObject *o) {
    size_t i = slot_of(s, (uintptr_t)o);
    while (s->slots[i]) i = (i + 1) & s->mask;
    s->slots[i] = o;
}

static void scan_words(const uintptr_t *begin, const uintptr_t *end, void *arg) {
    CandidateSet *s = arg;
    for (const uintptr_t *w = begin; w < end; w++) {
        uintptr_t v = *w;
        if (v & 1) continue;  // a tagged int
        v &= ~(uintptr_t)3;   // a borrowed stack reference's tag
        if (!v) continue;
        for (size_t i = slot_of(s, v);; i = (i + 1) & s->mask) {
            WfObject *c = s->slots[i];
            if (!c) break;
            if ((uintptr_t)c == v) {
                s->seen[i] = 1;
                break;
            }
        }
    }
}

static void scan_thread(WfThreadState *ts, void *arg) {
    wf_frame_datastack_visit(ts, scan_words, arg);
    // Frames that do not live on the data stack (running generators).
    for (WfFrame *f = ts->current_frame; f; f = f->previous) {
        if (f->owner == WF_FRAME_OWNED_BY_THREAD) continue;
        const uintptr_t *b = (const uintptr_t *)f;
        scan_words(b, b + wf_frame_size_slots(f->code), arg);
    }
}

static wf_ssize total_count(WfObject *o) {
    // The world is stopped: the counts are stable. Relaxed loads suffice
    // (stopping the world synchronized with every thread).
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    return (wf_ssize)wf_ref_local_load(o) + (wf_ssize)(shared >> WF_SHARED_SHIFT);
}

wf_ssize wf_deferred_sweep(void) {
    int expected = 0;
    if (!atomic_compare_exchange_strong(&reg.sweeping, &expected, 1)) return 0;
    wf_stop_the_world();
    // Candidates (listed objects that only the registry counts) move to the
    // end of the list; the others stay in front.
    wf_ssize keep = 0;
    for (wf_ssize i = 0; i < reg.n; i++) {
        if (total_count(reg.items[i]) <= 1) continue;
        WfObject *t = reg.items[keep];
        reg.items[keep++] = reg.items[i];
        reg.items[i] = t;
    }
    WfObject **cand = reg.items + keep;
    wf_ssize ncand = reg.n - keep;
    WfObject **dead = NULL;
    wf_ssize ndead = 0;
    if (ncand > 0) {
        size_t size = 16;
        while (size < (size_t)ncand * 2) size <<= 1;
        CandidateSet set = {wf_mem_calloc(size, sizeof(WfObject *)), wf_mem_calloc(size, 1), size - 1};
        dead = wf_mem_malloc((size_t)ncand * sizeof *dead);
        if (set.slots && set.seen && dead) {
            for (wf_ssize i = 0; i < ncand; i++) set_add(&set, cand[i]);
            wf_stw_visit_threads(scan_thread, &set);
            // Candidates a frame points at stay listed; the rest are
            // unreachable and leave the registry.
            for (wf_ssize i = 0; i < ncand; i++) {
                WfObject *o = cand[i];
                size_t j = slot_of(&set, (uintptr_t)o);
                while (set.slots[j] != o) j = (j + 1) & set.mask;
                if (set.seen[j]) {
                    reg.items[keep++] = o;
                } else {
                    // Relaxed: no other thread runs until the restart, which
                    // publishes the cleared bits.
                    __atomic_fetch_and(&o->ob_gc_bits, (uint8_t)~(WF_GC_DEFERRED | WF_GC_SHARED), __ATOMIC_RELAXED);
                    dead[ndead++] = o;
                }
            }
            // Relaxed: read only as a heuristic outside the lock.
            __atomic_store_n(&reg.n, keep, __ATOMIC_RELAXED);
        }
        wf_mem_free(set.slots);
        wf_mem_free(set.seen);
    }
    wf_ssize next = reg.n * 2;
    __atomic_store_n(&reg.sweep_at, next < MIN_SWEEP_AT ? MIN_SWEEP_AT : next, __ATOMIC_RELAXED);
    wf_start_the_world();
    // Outside the stop: deallocation may run finalizers (Python code).
    for (wf_ssize i = 0; i < ndead; i++) wf_decref(dead[i]);
    wf_mem_free(dead);
    atomic_store(&reg.sweeping, 0);
    return ndead;
}

void wf_deferred_unshare_all(void) {
    for (;;) {
        reg_lock();
        if (reg.n == 0) {
            wf_mutex_unlock(&reg.lock);
            return;
        }
        WfObject *o = reg.items[reg.n - 1];
        // Relaxed: reg.n is also read outside the lock as a heuristic.
        __atomic_store_n(&reg.n, reg.n - 1, __ATOMIC_RELAXED);
        wf_mutex_unlock(&reg.lock);
        // Relaxed RMW: no other thread runs; atomic for form's sake.
        __atomic_fetch_and(&o->ob_gc_bits, (uint8_t)~(WF_GC_DEFERRED | WF_GC_SHARED), __ATOMIC_RELAXED);
        wf_decref(o);  // may run a finalizer, which may share objects again: loop
    }
}
