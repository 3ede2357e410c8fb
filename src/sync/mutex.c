// mutex.c — slow paths of WfMutex: spin, park, fair hand-off, unpark (after
// CPython's Python/lock.c and WebKit's WTF::Lock).
//
// Invariant: see mutex.h. Every waiter parks on &m->v with expected value
// LOCKED|HAS_PARKED, carrying a MutexWaiter in park_data; the unlocker's
// unpark callback decides, under the bucket lock, between hand-off (the
// waiter waited > 1 ms: v stays LOCKED, waiter->handed_off = true) and
// release (v = 0, or HAS_PARKED if more waiters remain).
#include "sync/mutex.h"

#include "platform/thread.h"
#include "platform/time.h"
#include "sync/parking_lot.h"

#include <stdio.h>
#include <stdlib.h>

// Spinning: rounds of 2, 4, ..., 2^SPIN_ROUNDS CPU pauses (~10 us in all),
// only with more than one CPU. Not sched_yield: on a loaded machine each
// yield can give a whole time slice to another process while the waiter is
// not yet parked, so it can neither sleep nor be handed the lock.
#define SPIN_ROUNDS 7
#define TIME_TO_BE_FAIR_NS WF_TIME_NS_PER_MS

// 0: not known yet; else 1 + (number of CPUs > 1). relaxed: every thread
// computes the same value, so a race only repeats the computation.
static _Atomic int multi_cpu;

static bool should_spin(void) {
    int v = atomic_load_explicit(&multi_cpu, memory_order_relaxed);
    if (v == 0) {
        v = 1 + (wf_thread_cpu_count() > 1);
        atomic_store_explicit(&multi_cpu, v, memory_order_relaxed);
    }
    return v == 2;
}

typedef struct MutexWaiter {
    int64_t time_to_be_fair;  // monotonic ns after which the unlocker hands off
    bool handed_off;          // written by the unlocker under the bucket lock,
                              // read by the waiter after the park's acquire
} MutexWaiter;

WfSyncResult wf_mutex_lock_slow(WfMutex *m, int64_t timeout_ns, int flags) {
    // relaxed: only a hint for the loop below; acquisition is by CAS.
    uint8_t v = atomic_load_explicit(&m->v, memory_order_relaxed);
    if (timeout_ns == 0) return wf_mutex_trylock(m) ? WF_SYNC_OK : WF_SYNC_TIMEOUT;

    int64_t now = wf_time_monotonic_ns();
    int64_t deadline = timeout_ns < 0 ? -1 : (timeout_ns > INT64_MAX - now ? INT64_MAX : now + timeout_ns);
    MutexWaiter waiter = {.time_to_be_fair = now + TIME_TO_BE_FAIR_NS, .handed_off = false};
    int spins = should_spin() ? 0 : SPIN_ROUNDS;

    for (;;) {
        if (!(v & WF_MUTEX_LOCKED)) {
            // acquire on success: see wf_mutex_lock_ex. Keep HAS_PARKED.
            if (atomic_compare_exchange_weak_explicit(&m->v, &v, v | WF_MUTEX_LOCKED,
                                                      memory_order_acquire, memory_order_relaxed))
                return WF_SYNC_OK;
            continue;
        }
        if (!(v & WF_MUTEX_HAS_PARKED) && spins < SPIN_ROUNDS) {
            // Nobody parked yet: the owner may be about to unlock.
            spins++;
            for (int i = 0; i < (1 << spins); i++) wf_thread_spin_pause();
            v = atomic_load_explicit(&m->v, memory_order_relaxed);  // a hint, as above
            continue;
        }
        uint8_t parked = v | WF_MUTEX_HAS_PARKED;
        if (!(v & WF_MUTEX_HAS_PARKED)) {
            // relaxed: this RMW only has to be ordered against other RMWs of
            // v, which its single modification order does: an unlocker's
            // fast-path CAS (expecting LOCKED) fails after it, so it takes the
            // slow path through the bucket lock.
            if (!atomic_compare_exchange_weak_explicit(&m->v, &v, parked, memory_order_relaxed,
                                                       memory_order_relaxed))
                continue;
        }
        int64_t left = wf_time_remaining_ns(deadline);
        WfParkResult r = wf_parking_lot_park(&m->v, &parked, 1, left, &waiter, flags);
        if (r == WF_PARK_OK && waiter.handed_off) return WF_SYNC_OK;  // the unlocker made us owner
        if (r == WF_PARK_INTERRUPTED) return WF_SYNC_INTERRUPTED;
        if (r == WF_PARK_TIMEOUT) return WF_SYNC_TIMEOUT;
        if (deadline >= 0 && wf_time_remaining_ns(deadline) == 0) {
            // One last try, then give up (a timeout of 0 left means try-lock).
            return wf_mutex_trylock(m) ? WF_SYNC_OK : WF_SYNC_TIMEOUT;
        }
        v = atomic_load_explicit(&m->v, memory_order_relaxed);  // a hint, as above
    }
}

// Runs under the bucket lock of &m->v (see WfUnparkCallback).
static void unpark_callback(void *arg, void *park_data, bool has_more_waiters) {
    WfMutex *m = arg;
    MutexWaiter *waiter = park_data;
    uint8_t v = 0;
    if (waiter) {
        if (wf_time_monotonic_ns() > waiter->time_to_be_fair) {
            // Hand off: v keeps LOCKED and the woken waiter owns the mutex.
            waiter->handed_off = true;
            v |= WF_MUTEX_LOCKED;
        }
        if (has_more_waiters) v |= WF_MUTEX_HAS_PARKED;
    }
    // release: our critical section's writes reach the next acquirer (a
    // barging CAS with acquire; after a hand-off the waiter gets them through
    // the parking lot's release/acquire on its wake word). A plain store is
    // safe: with LOCKED|HAS_PARKED set nobody else changes v (mutex.h).
    atomic_store_explicit(&m->v, v, memory_order_release);
}

int wf_mutex_try_unlock(WfMutex *m) {
    // relaxed: a first guess for the CAS below, which re-reads on failure.
    uint8_t v = atomic_load_explicit(&m->v, memory_order_relaxed);
    for (;;) {
        if (!(v & WF_MUTEX_LOCKED)) return -1;
        if (v & WF_MUTEX_HAS_PARKED) {
            wf_parking_lot_unpark_one(&m->v, unpark_callback, m);
            return 0;
        }
        // release: as in wf_mutex_unlock.
        if (atomic_compare_exchange_weak_explicit(&m->v, &v, 0, memory_order_release,
                                                  memory_order_relaxed))
            return 0;
    }
}

void wf_mutex_unlock_slow(WfMutex *m) {
    if (wf_mutex_try_unlock(m) < 0) {
        fputs("weft: fatal error: unlocking a WfMutex that is not locked\n", stderr);
        abort();
    }
}
