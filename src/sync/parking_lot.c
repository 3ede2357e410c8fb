// parking_lot.c — the parking lot (after WebKit's WTF::ParkingLot and
// CPython's Python/parking_lot.c).
//
// Invariants (see also parking_lot.h):
// - buckets[hash(addr)] holds every waiter parked on addr, in FIFO order, in a
//   doubly linked list (head/tail) guarded by the bucket's `lock`.
// - Waiter.queued is true exactly while the waiter is in a queue; it is read
//   and written only under the bucket lock.
// - Waiter.woken goes 0 -> 1 once, by the thread that dequeued the waiter,
//   after the bucket lock is released; the waiter sleeps on it (futex).
// - The bucket lock is a three-state futex lock (Drepper, "Futexes are
//   tricky"): 0 free, 1 locked, 2 locked with possible sleepers. It never
//   parks in the lot, so the lot has no recursion.
#include "sync/parking_lot.h"

#include "platform/futex.h"
#include "platform/thread.h"
#include "platform/time.h"

#include <stdatomic.h>

typedef struct Waiter {
    struct Waiter *next, *prev;
    const void *addr;
    void *park_data;
    _Atomic uint32_t woken;  // futex word: 0 asleep, 1 dequeued and woken
    bool queued;             // in a bucket queue (bucket lock)
} Waiter;

typedef struct Bucket {
    _Alignas(64) _Atomic uint32_t lock;  // own cache line: buckets are hot and independent
    Waiter *head, *tail;
} Bucket;

#define BUCKET_BITS 8
#define BUCKET_COUNT (1u << BUCKET_BITS)
#define BUCKET_SPINS 100

static Bucket buckets[BUCKET_COUNT];

#ifdef WF_SYNC_TESTING
_Thread_local int64_t wf_parking_lot_testing_timeout_delay_ns;
_Thread_local int64_t wf_parking_lot_testing_wake_delay_ns;
#endif

static Bucket *bucket_for(const void *addr) {
    // Fibonacci hashing: the multiply spreads nearby addresses (adjacent
    // objects' mutex bytes) over all buckets.
    uint64_t h = (uint64_t)(uintptr_t)addr * UINT64_C(0x9E3779B97F4A7C15);
    return &buckets[h >> (64 - BUCKET_BITS)];
}

static void bucket_lock(Bucket *b) {
    uint32_t c = 0;
    // acquire: the holder's queue writes (released by bucket_unlock) are
    // visible to us. relaxed on failure: we read nothing guarded yet.
    if (atomic_compare_exchange_strong_explicit(&b->lock, &c, 1, memory_order_acquire,
                                                memory_order_relaxed))
        return;
    for (int i = 0; i < BUCKET_SPINS && c != 2; i++) {
        wf_thread_spin_pause();
        c = 0;  // same orders as the first CAS
        if (atomic_compare_exchange_weak_explicit(&b->lock, &c, 1, memory_order_acquire,
                                                  memory_order_relaxed))
            return;
    }
    // Mark "possible sleepers" (2) before sleeping, so the unlocker wakes us.
    // acquire: when the exchange returns 0 we own the lock (as above).
    if (c != 2) c = atomic_exchange_explicit(&b->lock, 2, memory_order_acquire);
    while (c != 0) {
        wf_futex_wait(&b->lock, 2, -1);
        c = atomic_exchange_explicit(&b->lock, 2, memory_order_acquire);
    }
}

static void bucket_unlock(Bucket *b) {
    // release: publishes our queue writes to the next holder.
    if (atomic_exchange_explicit(&b->lock, 0, memory_order_release) == 2) wf_futex_wake_one(&b->lock);
}

static void enqueue(Bucket *b, Waiter *w) {
    w->next = NULL;
    w->prev = b->tail;
    if (b->tail)
        b->tail->next = w;
    else
        b->head = w;
    b->tail = w;
    w->queued = true;
}

static void dequeue(Bucket *b, Waiter *w) {
    if (w->prev)
        w->prev->next = w->next;
    else
        b->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    else
        b->tail = w->prev;
    w->next = w->prev = NULL;
    w->queued = false;
}

static bool value_matches(const void *addr, const void *expected, size_t size) {
    // relaxed: we hold the bucket lock, and every writer whose change must
    // stop us from parking calls unpark on addr afterwards, which takes this
    // lock; so either its store happens-before our load through the lock, or
    // our enqueue happens-before its unpark and it finds us.
    switch (size) {
    case 1:
        return atomic_load_explicit((_Atomic uint8_t *)addr, memory_order_relaxed) ==
               *(const uint8_t *)expected;
    case 2:
        return atomic_load_explicit((_Atomic uint16_t *)addr, memory_order_relaxed) ==
               *(const uint16_t *)expected;
    case 4:
        return atomic_load_explicit((_Atomic uint32_t *)addr, memory_order_relaxed) ==
               *(const uint32_t *)expected;
    case 8:
        return atomic_load_explicit((_Atomic uint64_t *)addr, memory_order_relaxed) ==
               *(const uint64_t *)expected;
    default:
        return false;
    }
}

static bool is_woken(Waiter *w) {
    // acquire: pairs with wake()'s release, so everything the waker did
    // before waking us (the callback's writes to park_data, a handed-off
    // lock's protected data) is visible once we see 1.
    return atomic_load_explicit(&w->woken, memory_order_acquire) != 0;
}

static void wake(Waiter *w) {
    // release: see is_woken. After this store the waiter may return and its
    // frame vanish; only its address is used below (see platform/futex.h).
    atomic_store_explicit(&w->woken, 1, memory_order_release);
    wf_futex_wake_one(&w->woken);
}

WfParkResult wf_parking_lot_park(const void *addr, const void *expected, size_t size,
                                 int64_t timeout_ns, void *park_data, int flags) {
    Bucket *b = bucket_for(addr);
    Waiter w = {.addr = addr, .park_data = park_data};
    atomic_init(&w.woken, 0);

    bucket_lock(b);
    if (!value_matches(addr, expected, size)) {
        bucket_unlock(b);
        return WF_PARK_AGAIN;
    }
    enqueue(b, &w);
    bucket_unlock(b);

    int64_t deadline = wf_time_deadline_ns(timeout_ns);
    void *cookie = NULL;
    bool detach = (flags & WF_SYNC_DETACH) && wf_sync_before_park;
    if (detach) cookie = wf_sync_before_park();

    WfParkResult result = WF_PARK_OK;
    while (!is_woken(&w)) {
        int r = wf_futex_wait_until(&w.woken, 0, deadline);
        if (r == WF_FUTEX_TIMEOUT) {
            result = WF_PARK_TIMEOUT;
            break;
        }
        if (r == WF_FUTEX_INTERRUPTED && (flags & WF_SYNC_INTERRUPTIBLE)) {
            result = WF_PARK_INTERRUPTED;
            break;
        }
    }
#ifdef WF_SYNC_TESTING
    if (result != WF_PARK_OK) wf_time_sleep_ns(wf_parking_lot_testing_timeout_delay_ns);
#endif
    if (result != WF_PARK_OK && !is_woken(&w)) {
        bucket_lock(b);
        bool still_queued = w.queued;
        if (still_queued) dequeue(b, &w);
        bucket_unlock(b);
        if (!still_queued) {
            // An unpark dequeued us and is about to wake us: it counts as
            // unparked (its callback may have handed us a lock), and we must
            // not return before it has written w.woken.
            while (!is_woken(&w)) wf_futex_wait(&w.woken, 0, -1);
            result = WF_PARK_OK;
        }
    } else if (result != WF_PARK_OK) {
        result = WF_PARK_OK;  // woken just as the wait gave up
    }

    if (detach) wf_sync_after_park(cookie);
    return result;
}

bool wf_parking_lot_unpark_one(const void *addr, WfUnparkCallback callback, void *arg) {
    Bucket *b = bucket_for(addr);
    bucket_lock(b);
    Waiter *w = b->head;
    while (w && w->addr != addr) w = w->next;
    bool more = false;
    if (w) {
        for (Waiter *o = w->next; o; o = o->next) {
            if (o->addr == addr) {
                more = true;
                break;
            }
        }
        dequeue(b, w);
    }
    if (callback) callback(arg, w ? w->park_data : NULL, more);
    bucket_unlock(b);
#ifdef WF_SYNC_TESTING
    if (w) wf_time_sleep_ns(wf_parking_lot_testing_wake_delay_ns);
#endif
    if (w) wake(w);
    return w != NULL;
}

int wf_parking_lot_unpark_all(const void *addr) {
    Bucket *b = bucket_for(addr);
    Waiter *woken_head = NULL, **woken_tail = &woken_head;
    bucket_lock(b);
    for (Waiter *w = b->head, *next; w; w = next) {
        next = w->next;
        if (w->addr != addr) continue;
        dequeue(b, w);
        *woken_tail = w;  // chain through `next`, in FIFO order
        woken_tail = &w->next;
    }
    bucket_unlock(b);
    int n = 0;
    for (Waiter *w = woken_head, *next; w; w = next) {
        next = w->next;  // read before wake(): w may vanish after it
        wake(w);
        n++;
    }
    return n;
}

int wf_parking_lot_waiter_count(const void *addr) {
    Bucket *b = bucket_for(addr);
    int n = 0;
    bucket_lock(b);
    for (Waiter *w = b->head; w; w = w->next) n += w->addr == addr;
    bucket_unlock(b);
    return n;
}

void wf_parking_lot_after_fork(void) {
    // Single-threaded now: plain resets suffice (relaxed stores; fork orders
    // them before any thread the child creates later).
    for (unsigned i = 0; i < BUCKET_COUNT; i++) {
        atomic_store_explicit(&buckets[i].lock, 0, memory_order_relaxed);
        buckets[i].head = buckets[i].tail = NULL;
    }
}
