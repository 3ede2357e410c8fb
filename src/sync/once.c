// once.c — slow path of WfOnce (invariant in once.h).
#include "sync/once.h"

#include "sync/parking_lot.h"

int wf_once_call_slow(WfOnce *once, int (*fn)(void *arg), void *arg) {
    // acquire: when we read DONE we return without running fn and must see
    // its writes (the runner stored DONE with release).
    uint8_t v = atomic_load_explicit(&once->v, memory_order_acquire);
    for (;;) {
        if (v == WF_ONCE_DONE) return 0;
        if (v == 0) {
            // acquire: if the previous runner failed, we run fn after it and
            // see its partial writes (it reset v with release).
            if (!atomic_compare_exchange_weak_explicit(&once->v, &v, WF_ONCE_RUNNING,
                                                       memory_order_acquire, memory_order_acquire))
                continue;
            int r = fn(arg);
            // release: publishes fn's writes to whoever reads DONE (or 0).
            uint8_t old = atomic_exchange_explicit(&once->v, r < 0 ? 0 : WF_ONCE_DONE,
                                                   memory_order_release);
            if (old & WF_ONCE_HAS_PARKED) wf_parking_lot_unpark_all(&once->v);
            return r < 0 ? -1 : 0;
        }
        // Another thread is running fn: ask to be woken, then park.
        uint8_t parked = WF_ONCE_RUNNING | WF_ONCE_HAS_PARKED;
        if (v != parked) {
            // The CAS is ordered against the runner's exchange by v's
            // modification order alone (relaxed would do on success). On
            // failure it re-reads v with acquire, for the DONE case; C11 wants
            // success at least as strong as failure, hence acquire for both.
            if (!atomic_compare_exchange_weak_explicit(&once->v, &v, parked, memory_order_acquire,
                                                       memory_order_acquire))
                continue;
        }
        wf_parking_lot_park(&once->v, &parked, 1, -1, NULL, WF_SYNC_DETACH);
        v = atomic_load_explicit(&once->v, memory_order_acquire);  // acquire: as at the top
    }
}
