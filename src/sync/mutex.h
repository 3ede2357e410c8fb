// mutex.h — WfMutex, the 1-byte lock (the per-object lock of critical
// sections, the lock of runtime tables, and threading.Lock).
//
// Invariants on the byte v:
// - WF_MUTEX_LOCKED is set exactly while some thread owns the mutex. A mutex
//   is owned by a thread, not by a scope, but nothing records which thread:
//   unlocking from another thread is allowed (threading.Lock needs that).
// - WF_MUTEX_HAS_PARKED is set while threads may be parked on &v in the
//   parking lot (it may stay set a little after the last one left after a
//   timeout; the next unlock clears it). It is set only by a would-be waiter,
//   with a CAS, while LOCKED is set; it is cleared only by an unlocking owner,
//   inside the parking lot's unpark callback under the bucket lock.
// - While both bits are set no other thread can change v (acquirers need
//   LOCKED clear, waiters find HAS_PARKED already set), so the callback's
//   plain store of the new value loses no update.
// - Fairness: a waiter that has waited more than 1 ms is handed the lock
//   directly by the unlocker (v stays LOCKED and the waiter owns it), so a
//   thread relocking in a loop cannot starve it. Otherwise the lock is
//   released and the woken waiter competes (barging keeps throughput high).
// All-zero is the unlocked state: zero-initialized memory is a valid mutex.
#ifndef WF_SYNC_MUTEX_H
#define WF_SYNC_MUTEX_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "sync/sync.h"

#define WF_MUTEX_LOCKED 1
#define WF_MUTEX_HAS_PARKED 2

typedef struct WfMutex {
    _Atomic uint8_t v;
} WfMutex;

_Static_assert(sizeof(WfMutex) == 1, "WfMutex must be one byte (object header)");

#define WF_MUTEX_INIT {0}

// Slow paths (mutex.c); call the inline functions below instead.
WfSyncResult wf_mutex_lock_slow(WfMutex *m, int64_t timeout_ns, int flags);
void wf_mutex_unlock_slow(WfMutex *m);

// Acquire, or return WF_SYNC_TIMEOUT after timeout_ns (< 0: wait forever;
// 0: try once, no waiting). Uncontended: one CAS. Contended: a short spin,
// then the thread parks on &m->v (flags: WF_SYNC_DETACH to detach from the
// interpreter while parked, WF_SYNC_INTERRUPTIBLE to return
// WF_SYNC_INTERRUPTED when a signal handler ran).
static inline WfSyncResult wf_mutex_lock_ex(WfMutex *m, int64_t timeout_ns, int flags) {
    uint8_t expected = 0;
    // acquire: the previous owner's writes (released by its unlock) become
    // visible to us. relaxed on failure: the slow path re-reads.
    if (atomic_compare_exchange_strong_explicit(&m->v, &expected, WF_MUTEX_LOCKED,
                                                memory_order_acquire, memory_order_relaxed))
        return WF_SYNC_OK;
    return wf_mutex_lock_slow(m, timeout_ns, flags);
}

// Acquire, waiting as long as needed; detaches while parked.
static inline void wf_mutex_lock(WfMutex *m) { (void)wf_mutex_lock_ex(m, -1, WF_SYNC_DETACH); }

// Acquire within timeout_ns (< 0: forever, 0: try); true if acquired.
// Detaches while parked. (threading.Lock.acquire(timeout=) uses lock_ex with
// WF_SYNC_INTERRUPTIBLE, to run signal handlers and retry.)
static inline bool wf_mutex_lock_timed(WfMutex *m, int64_t timeout_ns) {
    return wf_mutex_lock_ex(m, timeout_ns, WF_SYNC_DETACH) == WF_SYNC_OK;
}

// Acquire only if free now (never spins or parks).
static inline bool wf_mutex_trylock(WfMutex *m) {
    // relaxed: a first guess for the CAS, which re-reads on failure.
    uint8_t v = atomic_load_explicit(&m->v, memory_order_relaxed);
    // acquire on success: as in wf_mutex_lock_ex. HAS_PARKED may be set while
    // unlocked (after a timed-out waiter left), so keep it.
    while (!(v & WF_MUTEX_LOCKED)) {
        if (atomic_compare_exchange_weak_explicit(&m->v, &v, v | WF_MUTEX_LOCKED,
                                                  memory_order_acquire, memory_order_relaxed))
            return true;
    }
    return false;
}

// Release. The mutex must be locked (fatal error otherwise).
static inline void wf_mutex_unlock(WfMutex *m) {
    uint8_t expected = WF_MUTEX_LOCKED;
    // release: our writes under the lock reach the next owner (its acquire).
    if (atomic_compare_exchange_strong_explicit(&m->v, &expected, 0, memory_order_release,
                                                memory_order_relaxed))
        return;
    wf_mutex_unlock_slow(m);
}

// Release if locked and return 0; return -1 (and change nothing) if the mutex
// was not locked (threading.Lock.release's "release unlocked lock").
int wf_mutex_try_unlock(WfMutex *m);

// Whether some thread holds the mutex now (a snapshot: may change at once).
static inline bool wf_mutex_is_locked(const WfMutex *m) {
    // relaxed: a snapshot for assertions and Lock.locked(); it orders nothing.
    return (atomic_load_explicit((_Atomic uint8_t *)&m->v, memory_order_relaxed) & WF_MUTEX_LOCKED) != 0;
}

#endif
