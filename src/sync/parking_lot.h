// parking_lot.h — park threads on any address; the slow path of every lock.
//
// A fixed hash table of buckets keyed by address. Each bucket has a small
// futex lock and a FIFO queue of waiting threads; each waiter sleeps on its
// own futex word (on its own stack). Because the queue lives here, a lock
// needs no storage of its own beyond a byte (WfMutex, WfOnce, WfEvent).
//
// Invariants:
// - A waiter is in exactly one bucket queue (the one addr hashes to) from the
//   moment park enqueues it until an unpark or its own timeout dequeues it;
//   queues are touched only under their bucket's lock.
// - park enqueues only if the value at addr equals *expected when checked
//   under the bucket lock. A thread that changes that value and then calls
//   unpark_* on addr therefore never misses a waiter: either the waiter saw the
//   new value (WF_PARK_AGAIN) or it was queued before unpark took the lock.
// - An unpark dequeues the waiter, runs the callback, releases the bucket lock,
//   and only then wakes the waiter. A waiter that timed out but was already
//   dequeued waits for that wake before returning (reporting WF_PARK_OK), so
//   the waker never writes to a frame that is gone.
#ifndef WF_SYNC_PARKING_LOT_H
#define WF_SYNC_PARKING_LOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sync/sync.h"

typedef enum {
    WF_PARK_OK = 0,           // unparked by wf_parking_lot_unpark_one / _all
    WF_PARK_AGAIN = 1,        // *addr differed from *expected: not parked
    WF_PARK_TIMEOUT = 2,      // the timeout passed first
    WF_PARK_INTERRUPTED = 3,  // a signal handler ran (WF_SYNC_INTERRUPTIBLE only)
} WfParkResult;

// Park the calling thread on addr if the `size`-byte value there (size 1, 2, 4
// or 8, naturally aligned, read atomically) equals *expected. Sleeps until
// unparked, for at most timeout_ns (< 0: no limit). park_data is handed to the
// unpark_one callback that wakes this thread. flags: WF_SYNC_DETACH (call the
// park hooks around the sleep), WF_SYNC_INTERRUPTIBLE. Locks: the bucket of
// addr, briefly; never while sleeping.
WfParkResult wf_parking_lot_park(const void *addr, const void *expected, size_t size,
                                 int64_t timeout_ns, void *park_data, int flags);

// Called by wf_parking_lot_unpark_one under the bucket lock, after the waiter
// (if any) was dequeued and before it is woken: park_data is the woken
// waiter's (NULL if no thread was parked on addr) and has_more_waiters tells
// whether others remain parked on addr. It must not block or park.
typedef void (*WfUnparkCallback)(void *arg, void *park_data, bool has_more_waiters);

// Wake the thread that parked first on addr, if any, calling callback (if not
// NULL) as described above. Returns whether a thread was woken.
bool wf_parking_lot_unpark_one(const void *addr, WfUnparkCallback callback, void *arg);

// Wake every thread parked on addr. Returns how many were woken.
int wf_parking_lot_unpark_all(const void *addr);

// How many threads are parked on addr now (diagnostics and tests).
int wf_parking_lot_waiter_count(const void *addr);

#ifdef WF_SYNC_TESTING
// White-box hooks, compiled only into test builds; each widens one race
// window so tests/unit/sync_test.c can race hand-off against timeout
// deterministically. Per thread, 0 by default:
// - timeout_delay: when a park's wait times out (or is interrupted), sleep
//   this long before taking the bucket lock to leave the queue;
// - wake_delay: in unpark_one, sleep this long between releasing the bucket
//   lock and waking the dequeued waiter.
extern _Thread_local int64_t wf_parking_lot_testing_timeout_delay_ns;
extern _Thread_local int64_t wf_parking_lot_testing_wake_delay_ns;
#endif

// In the child after fork(): only the forking thread survives, so every queue
// is emptied and every bucket lock released. Call before any other sync call.
void wf_parking_lot_after_fork(void);

#endif
