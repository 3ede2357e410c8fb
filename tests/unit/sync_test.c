// sync_test.c — C unit tests of src/platform (threads, futex, time) and
// src/sync (parking lot, WfMutex, WfOnce, WfEvent, park hooks).
//
// Each test is a function; a test passes when none of its CHECKs failed.
// Threads record failures in an atomic counter, so CHECK is usable anywhere.
// Data "protected" by the primitives under test is plain (non-atomic) on
// purpose: under VARIANT=tsan a missing happens-before edge is a report.
// Prints "sync: N passed, M failed"; exit status 1 if anything failed.
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/futex.h"
#include "platform/thread.h"
#include "platform/time.h"
#include "sync/event.h"
#include "sync/mutex.h"
#include "sync/once.h"
#include "sync/parking_lot.h"
#include "sync/sync.h"

static atomic_int check_failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            atomic_fetch_add(&check_failures, 1);                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define MS WF_TIME_NS_PER_MS

static WfThread spawn(WfThreadFunc fn, void *arg) {
    WfThread t;
    int err = wf_thread_create(&t, fn, arg, 0);
    if (err) {
        fprintf(stderr, "sync_test: cannot create a thread: %s\n", strerror(err));
        exit(2);
    }
    return t;
}

static void *join(WfThread t) {
    void *r = NULL;
    CHECK(wf_thread_join(t, &r) == 0);
    return r;
}

// Wait (bounded) until n threads are parked on addr.
static bool wait_for_waiters(const void *addr, int n) {
    int64_t deadline = wf_time_deadline_ns(2000 * MS);
    while (wf_parking_lot_waiter_count(addr) != n) {
        if (wf_time_remaining_ns(deadline) == 0) return false;
        wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    }
    return true;
}

// A start line: workers spin until released, so they contend from the start.
static atomic_int start_line;
static void wait_start(void) {
    while (!atomic_load_explicit(&start_line, memory_order_acquire)) wf_thread_yield();
}

// ---------------------------------------------------------------------------
// Park hooks: installed once at start-up (as the runtime will), they count
// calls and check that each after_park gets the cookie its before_park made.

static atomic_long hook_before, hook_after, hook_bad_cookie;
static _Thread_local int hook_marker;

static void *before_park(void) {
    atomic_fetch_add(&hook_before, 1);
    return &hook_marker;
}

static void after_park(void *cookie) {
    atomic_fetch_add(&hook_after, 1);
    if (cookie != &hook_marker) atomic_fetch_add(&hook_bad_cookie, 1);
}

// ---------------------------------------------------------------------------
// platform/

static void *return_native_id(void *arg) {
    *(unsigned long *)arg = wf_thread_native_id();
    return (void *)(uintptr_t)wf_thread_ident();
}

static void *report_stack(void *arg) {
    void *low;
    size_t size;
    if (wf_thread_current_stack(&low, &size) != 0) return NULL;
    *(size_t *)arg = size;
    char here;
    return (void *)(uintptr_t)((char *)&here >= (char *)low && (char *)&here < (char *)low + size);
}

static atomic_int detached_ran;
static void *set_flag(void *arg) {
    atomic_store(&detached_ran, 1);
    return NULL;
}

static void test_thread(void) {
    unsigned long native = 0;
    WfThread t = spawn(return_native_id, &native);
    void *r = join(t);
    CHECK(native != 0 && native != wf_thread_native_id());
    CHECK((uintptr_t)r != 0 && (uintptr_t)r != wf_thread_ident());
    CHECK(wf_thread_equal(wf_thread_self(), wf_thread_self()));

    size_t size = 0;
    CHECK(wf_thread_create(&t, report_stack, &size, 256 * 1024) == 0);
    CHECK(join(t) == (void *)1);
    CHECK(size >= 256 * 1024);
    CHECK(wf_thread_create(&t, report_stack, &size, WF_THREAD_STACK_MIN - 1) == EINVAL);

    CHECK(wf_thread_create(&t, set_flag, NULL, 0) == 0);
    CHECK(wf_thread_detach_handle(t) == 0);
    int64_t deadline = wf_time_deadline_ns(2000 * MS);
    while (!atomic_load(&detached_ran) && wf_time_remaining_ns(deadline) > 0) wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    CHECK(atomic_load(&detached_ran));

    CHECK(wf_thread_default_stack_size() >= WF_THREAD_STACK_MIN);
    CHECK(wf_thread_cpu_count() >= 1);
    wf_thread_set_name("weft-sync-test-long-name");
    wf_thread_yield();
    wf_thread_spin_pause();
}

static void test_time(void) {
    int64_t a = wf_time_monotonic_ns(), b = wf_time_monotonic_ns();
    CHECK(a > 0 && b >= a);
    CHECK(wf_time_wall_ns() > INT64_C(1600000000) * WF_TIME_NS_PER_SEC);
    CHECK(wf_time_process_cpu_ns() > 0);
    CHECK(wf_time_thread_cpu_ns() > 0);
    CHECK(wf_time_deadline_ns(-1) == -1);
    CHECK(wf_time_remaining_ns(-1) == -1);
    CHECK(wf_time_deadline_ns(INT64_MAX) == INT64_MAX);
    CHECK(wf_time_remaining_ns(wf_time_monotonic_ns() - MS) == 0);
    CHECK(wf_time_remaining_ns(wf_time_deadline_ns(1000 * MS)) > 900 * MS);
    a = wf_time_monotonic_ns();
    wf_time_sleep_ns(5 * MS);
    CHECK(wf_time_monotonic_ns() - a >= 5 * MS);
    wf_time_sleep_ns(0);
    wf_time_sleep_ns(-5);
    CHECK(wf_time_sleep_until_ns(wf_time_monotonic_ns() + MS, true));
    CHECK(wf_time_sleep_until_ns(wf_time_monotonic_ns() - MS, true));
}

static _Atomic uint32_t futex_word;

static void *futex_waiter(void *arg) {
    while (atomic_load_explicit(&futex_word, memory_order_acquire) == 0)
        wf_futex_wait(&futex_word, 0, -1);
    return NULL;
}

static void test_futex(void) {
    atomic_store(&futex_word, 0);
    CHECK(wf_futex_wait(&futex_word, 1, -1) == WF_FUTEX_WOKEN);  // value differs
    int64_t t0 = wf_time_monotonic_ns();
    CHECK(wf_futex_wait(&futex_word, 0, 2 * MS) == WF_FUTEX_TIMEOUT);
    CHECK(wf_time_monotonic_ns() - t0 >= 2 * MS);
    CHECK(wf_futex_wait(&futex_word, 0, 0) == WF_FUTEX_TIMEOUT);
    t0 = wf_time_monotonic_ns();
    CHECK(wf_futex_wait_until(&futex_word, 0, t0 + 2 * MS) == WF_FUTEX_TIMEOUT);
    CHECK(wf_time_monotonic_ns() - t0 >= 2 * MS);
    CHECK(wf_futex_wait_until(&futex_word, 0, t0) == WF_FUTEX_TIMEOUT);  // deadline passed
    CHECK(wf_futex_wake_one(&futex_word) == 0);                          // nobody waits

    WfThread t = spawn(futex_waiter, NULL);
    wf_time_sleep_ns(2 * MS);
    atomic_store_explicit(&futex_word, 1, memory_order_release);
    wf_futex_wake_all(&futex_word);
    join(t);
}

// ---------------------------------------------------------------------------
// Parking lot

static _Atomic uint32_t park_word;
static _Atomic uint32_t park_word2;

typedef struct {
    int id;
    WfParkResult result;
} ParkArg;

static void *park_until_set(void *arg) {
    ParkArg *p = arg;
    uint32_t zero = 0;
    p->result = wf_parking_lot_park(&park_word, &zero, 4, -1, &p->id, WF_SYNC_DETACH);
    return NULL;
}

static void *park_on_word2(void *arg) {
    ParkArg *p = arg;
    uint32_t zero = 0;
    p->result = wf_parking_lot_park(&park_word2, &zero, 4, -1, &p->id, WF_SYNC_DONT_DETACH);
    return NULL;
}

typedef struct {
    int calls;
    void *park_data;
    bool more;
} CallbackLog;

static void log_callback(void *arg, void *park_data, bool more) {
    CallbackLog *log = arg;
    log->calls++;
    log->park_data = park_data;
    log->more = more;
}

static void test_parking_lot_basics(void) {
    atomic_store(&park_word, 0);
    uint32_t one = 1;
    CHECK(wf_parking_lot_park(&park_word, &one, 4, -1, NULL, 0) == WF_PARK_AGAIN);
    uint8_t byte = 7, seven = 7;
    uint64_t word = 9, nine = 9;
    CHECK(wf_parking_lot_park(&byte, &seven, 1, MS, NULL, 0) == WF_PARK_TIMEOUT);
    CHECK(wf_parking_lot_park(&word, &nine, 8, 0, NULL, 0) == WF_PARK_TIMEOUT);
    CHECK(wf_parking_lot_waiter_count(&byte) == 0 && wf_parking_lot_waiter_count(&word) == 0);
    int64_t t0 = wf_time_monotonic_ns();
    uint32_t zero = 0;
    CHECK(wf_parking_lot_park(&park_word, &zero, 4, 3 * MS, NULL, 0) == WF_PARK_TIMEOUT);
    CHECK(wf_time_monotonic_ns() - t0 >= 3 * MS);

    CallbackLog log = {0};
    CHECK(!wf_parking_lot_unpark_one(&park_word, log_callback, &log));
    CHECK(log.calls == 1 && log.park_data == NULL && !log.more);
    CHECK(wf_parking_lot_unpark_all(&park_word) == 0);

    // FIFO order and has_more_waiters, through park_data.
    ParkArg a = {.id = 1}, b = {.id = 2};
    WfThread ta = spawn(park_until_set, &a);
    CHECK(wait_for_waiters(&park_word, 1));
    WfThread tb = spawn(park_until_set, &b);
    CHECK(wait_for_waiters(&park_word, 2));
    log = (CallbackLog){0};
    CHECK(wf_parking_lot_unpark_one(&park_word, log_callback, &log));
    CHECK(log.calls == 1 && log.park_data == &a.id && log.more);
    join(ta);
    CHECK(a.result == WF_PARK_OK);
    CHECK(wf_parking_lot_unpark_one(&park_word, log_callback, &log));
    CHECK(log.calls == 2 && log.park_data == &b.id && !log.more);
    join(tb);
    CHECK(b.result == WF_PARK_OK);
}

#define PARKERS 6

static void test_parking_lot_unpark_all(void) {
    atomic_store(&park_word, 0);
    atomic_store(&park_word2, 0);
    ParkArg args[PARKERS], other = {.id = 99};
    WfThread threads[PARKERS];
    WfThread t_other = spawn(park_on_word2, &other);
    for (int i = 0; i < PARKERS; i++) {
        args[i] = (ParkArg){.id = i, .result = WF_PARK_AGAIN};
        threads[i] = spawn(park_until_set, &args[i]);
    }
    CHECK(wait_for_waiters(&park_word, PARKERS));
    CHECK(wait_for_waiters(&park_word2, 1));
    atomic_store(&park_word, 1);
    CHECK(wf_parking_lot_unpark_all(&park_word) == PARKERS);
    for (int i = 0; i < PARKERS; i++) {
        join(threads[i]);
        CHECK(args[i].result == WF_PARK_OK);
    }
    // A waiter on another address (possibly in the same bucket) stays parked.
    CHECK(wf_parking_lot_waiter_count(&park_word2) == 1);
    CHECK(wf_parking_lot_unpark_all(&park_word2) == 1);
    join(t_other);
    CHECK(other.result == WF_PARK_OK);
}

// ---------------------------------------------------------------------------
// WfMutex

static void test_mutex_single_thread(void) {
    WfMutex m = WF_MUTEX_INIT;
    CHECK(!wf_mutex_is_locked(&m));
    wf_mutex_lock(&m);
    CHECK(wf_mutex_is_locked(&m));
    CHECK(!wf_mutex_trylock(&m));
    CHECK(!wf_mutex_lock_timed(&m, 0));
    int64_t t0 = wf_time_monotonic_ns();
    CHECK(!wf_mutex_lock_timed(&m, 2 * MS));  // nobody will unlock it
    CHECK(wf_time_monotonic_ns() - t0 >= 2 * MS);
    CHECK(wf_parking_lot_waiter_count(&m.v) == 0);
    wf_mutex_unlock(&m);  // HAS_PARKED may be left set: the slow path clears it
    CHECK(atomic_load(&m.v) == 0);
    CHECK(wf_mutex_trylock(&m));
    CHECK(wf_mutex_try_unlock(&m) == 0);
    CHECK(wf_mutex_try_unlock(&m) == -1);
    CHECK(wf_mutex_lock_ex(&m, -1, WF_SYNC_DONT_DETACH) == WF_SYNC_OK);
    CHECK(wf_mutex_lock_ex(&m, 0, WF_SYNC_DONT_DETACH) == WF_SYNC_TIMEOUT);
    wf_mutex_unlock(&m);
    CHECK(!wf_mutex_is_locked(&m));
}

#define COUNTER_THREADS 4
#define COUNTER_ITERS 50000

static WfMutex counter_mutex;
static long counter;  // plain: protected by counter_mutex

static void *increment(void *arg) {
    wait_start();
    for (int i = 0; i < COUNTER_ITERS; i++) {
        wf_mutex_lock(&counter_mutex);
        counter++;
        if (i % 256 == 0) wf_thread_yield();  // sometimes hold it long enough to make others park
        wf_mutex_unlock(&counter_mutex);
    }
    return NULL;
}

static void test_mutex_counter(void) {
    counter = 0;
    atomic_store(&start_line, 0);
    WfThread t[COUNTER_THREADS];
    for (int i = 0; i < COUNTER_THREADS; i++) t[i] = spawn(increment, NULL);
    atomic_store_explicit(&start_line, 1, memory_order_release);
    for (int i = 0; i < COUNTER_THREADS; i++) join(t[i]);
    CHECK(counter == (long)COUNTER_THREADS * COUNTER_ITERS);
    CHECK(!wf_mutex_is_locked(&counter_mutex));
}

static WfMutex timed_mutex;

static void *try_lock_30ms(void *arg) {
    int64_t t0 = wf_time_monotonic_ns();
    bool got = wf_mutex_lock_timed(&timed_mutex, 30 * MS);
    int64_t dt = wf_time_monotonic_ns() - t0;
    CHECK(!got);
    CHECK(dt >= 30 * MS);
    CHECK(dt < 1000 * MS);
    return NULL;
}

static void *lock_within_2s(void *arg) {
    int64_t t0 = wf_time_monotonic_ns();
    bool got = wf_mutex_lock_timed(&timed_mutex, 2000 * MS);
    CHECK(got);
    CHECK(wf_time_monotonic_ns() - t0 < 2000 * MS);
    if (got) wf_mutex_unlock(&timed_mutex);
    return NULL;
}

static void test_mutex_timed(void) {
    wf_mutex_lock(&timed_mutex);
    join(spawn(try_lock_30ms, NULL));
    WfThread t = spawn(lock_within_2s, NULL);
    CHECK(wait_for_waiters(&timed_mutex.v, 1));
    wf_time_sleep_ns(5 * MS);
    wf_mutex_unlock(&timed_mutex);
    join(t);
    CHECK(!wf_mutex_is_locked(&timed_mutex));
}

// Hand-off: an unlock that finds a waiter parked for more than 1 ms makes it
// the owner directly, so the mutex is still locked when unlock returns.
static WfMutex handoff_mutex;
static atomic_int handoff_owned, handoff_release;

static void *handoff_waiter(void *arg) {
    wf_mutex_lock(&handoff_mutex);
    atomic_store(&handoff_owned, 1);
    while (!atomic_load(&handoff_release)) wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    wf_mutex_unlock(&handoff_mutex);
    return NULL;
}

static void test_mutex_handoff(void) {
    atomic_store(&handoff_owned, 0);
    atomic_store(&handoff_release, 0);
    wf_mutex_lock(&handoff_mutex);
    WfThread t = spawn(handoff_waiter, NULL);
    CHECK(wait_for_waiters(&handoff_mutex.v, 1));
    wf_time_sleep_ns(2 * MS);  // now it has waited more than 1 ms
    wf_mutex_unlock(&handoff_mutex);
    CHECK(wf_mutex_is_locked(&handoff_mutex));  // owned by the waiter already
    CHECK(!wf_mutex_trylock(&handoff_mutex));   // no barging past a hand-off
    int64_t deadline = wf_time_deadline_ns(2000 * MS);
    while (!atomic_load(&handoff_owned) && wf_time_remaining_ns(deadline) > 0) wf_time_sleep_ns(50 * WF_TIME_NS_PER_US);
    CHECK(atomic_load(&handoff_owned));
    atomic_store(&handoff_release, 1);
    join(t);
    CHECK(!wf_mutex_is_locked(&handoff_mutex));
}

// A thread relocking in a tight loop does not starve a waiter. Measured in
// the hog's iterations while the waiter waits (not in wall time, which a
// loaded machine stretches): with hand-off after 1 ms and ~100 us holds that
// is about 10; without it, hundreds.
static WfMutex hog_mutex;
static atomic_int hog_stop;
static atomic_long hog_iterations;

static void *hog(void *arg) {
    while (!atomic_load_explicit(&hog_stop, memory_order_relaxed)) {
        wf_mutex_lock(&hog_mutex);
        atomic_fetch_add_explicit(&hog_iterations, 1, memory_order_relaxed);
        int64_t until = wf_time_monotonic_ns() + 100 * WF_TIME_NS_PER_US;
        while (wf_time_monotonic_ns() < until) {}
        wf_mutex_unlock(&hog_mutex);
    }
    return NULL;
}

static int compare_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return (x > y) - (x < y);
}

static void test_mutex_no_starvation(void) {
    enum { ROUNDS = 21 };
    long behind[ROUNDS];
    atomic_store(&hog_stop, 0);
    WfThread t = spawn(hog, NULL);
    for (int i = 0; i < ROUNDS; i++) {
        wf_time_sleep_ns(MS);
        long before = atomic_load_explicit(&hog_iterations, memory_order_relaxed);
        wf_mutex_lock(&hog_mutex);
        behind[i] = atomic_load_explicit(&hog_iterations, memory_order_relaxed) - before;
        wf_mutex_unlock(&hog_mutex);
    }
    atomic_store(&hog_stop, 1);
    join(t);
    qsort(behind, ROUNDS, sizeof behind[0], compare_long);
    CHECK(behind[ROUNDS / 2] <= 30);
    if (getenv("SYNC_TEST_VERBOSE") || behind[ROUNDS / 2] > 30)
        fprintf(stderr, "  hog iterations while waiting: median %ld, max %ld\n", behind[ROUNDS / 2],
                behind[ROUNDS - 1]);
}

// Several threads hammering one mutex for a while: every one makes progress.
#define FAIR_THREADS 4
static WfMutex fair_mutex;
static long fair_total;  // plain: protected by fair_mutex

typedef struct {
    long count;
    int64_t worst_wait;
} FairStats;

static void *fair_worker(void *arg) {
    FairStats *s = arg;
    wait_start();
    int64_t end = wf_time_monotonic_ns() + 200 * MS;
    for (;;) {
        int64_t t0 = wf_time_monotonic_ns();
        if (t0 >= end) break;
        wf_mutex_lock(&fair_mutex);
        int64_t dt = wf_time_monotonic_ns() - t0;
        fair_total++;
        for (volatile int k = 0; k < 50; k++) {}  // a small critical section
        wf_mutex_unlock(&fair_mutex);
        s->count++;
        if (dt > s->worst_wait) s->worst_wait = dt;
    }
    return NULL;
}

static void test_mutex_fairness(void) {
    FairStats stats[FAIR_THREADS] = {0};
    WfThread t[FAIR_THREADS];
    fair_total = 0;
    atomic_store(&start_line, 0);
    for (int i = 0; i < FAIR_THREADS; i++) t[i] = spawn(fair_worker, &stats[i]);
    atomic_store_explicit(&start_line, 1, memory_order_release);
    long sum = 0, min = -1;
    int64_t worst = 0;
    for (int i = 0; i < FAIR_THREADS; i++) {
        join(t[i]);
        sum += stats[i].count;
        if (min < 0 || stats[i].count < min) min = stats[i].count;
        if (stats[i].worst_wait > worst) worst = stats[i].worst_wait;
    }
    CHECK(sum == fair_total);
    CHECK(min >= 10);  // nobody starved
    CHECK(worst < 150 * MS);
    if (min < 10 || worst >= 150 * MS)
        fprintf(stderr, "  fairness: min %ld of %ld acquisitions, worst wait %lld ms\n", min, sum,
                (long long)(worst / MS));
}

// Timed acquisitions racing with unlocks (timeouts that find themselves
// already dequeued and handed the lock must still own it).
#define MIXED_THREADS 4
#define MIXED_ITERS 3000
static WfMutex mixed_mutex;
static long mixed_total;  // plain: protected by mixed_mutex

typedef struct {
    int index;
    long acquired;
} MixedArg;

static void *mixed_worker(void *arg) {
    MixedArg *a = arg;
    long *mine = &a->acquired;
    // Timeouts around the 1 ms hand-off point make hand-offs race with
    // timeouts: a waiter that times out just as it is handed the mutex must
    // still take it (else the mutex stays locked forever).
    static const int64_t timeouts[] = {0, 1000, 20000, 200000, 1000000, 1100000, 1500000, -1};
    enum { NTIMEOUTS = sizeof timeouts / sizeof timeouts[0] };
    wait_start();
    for (int i = 0; i < MIXED_ITERS; i++) {
        int64_t timeout = timeouts[(i * 7 + a->index) % NTIMEOUTS];
        if (!wf_mutex_lock_timed(&mixed_mutex, timeout)) continue;
        CHECK(wf_mutex_is_locked(&mixed_mutex));
        mixed_total++;
        for (volatile int k = 0; k < 200; k++) {}  // long enough to make others wait
        if (i % 16 == 0) wf_thread_yield();
        if (i % 64 == 0) {  // now and then hold it ~1 ms: waiters reach the hand-off point
            int64_t until = wf_time_monotonic_ns() + MS;
            while (wf_time_monotonic_ns() < until) {}
        }
        (*mine)++;
        wf_mutex_unlock(&mixed_mutex);
    }
    return NULL;
}

static void test_mutex_timed_stress(void) {
    MixedArg mine[MIXED_THREADS];
    WfThread t[MIXED_THREADS];
    mixed_total = 0;
    atomic_store(&start_line, 0);
    for (int i = 0; i < MIXED_THREADS; i++) {
        mine[i] = (MixedArg){.index = i};
        t[i] = spawn(mixed_worker, &mine[i]);
    }
    atomic_store_explicit(&start_line, 1, memory_order_release);
    long sum = 0;
    for (int i = 0; i < MIXED_THREADS; i++) {
        join(t[i]);
        sum += mine[i].acquired;
    }
    CHECK(sum == mixed_total);
    CHECK(sum >= MIXED_ITERS);  // the untimed (-1) attempts alone always succeed
    CHECK(!wf_mutex_is_locked(&mixed_mutex));
    CHECK(wf_parking_lot_waiter_count(&mixed_mutex.v) == 0);
}

// A timed lock whose wait times out just as the unlocker hands it the mutex
// still owns it (and reports success): otherwise the mutex would stay locked
// with no owner. The test hooks make the unlock land in each window:
// (1) the wait timed out, the waiter is still queued, the unlock dequeues
//     and wakes it before it leaves the queue;
// (2) the unlock has dequeued it (hand-off decided) but not yet woken it when
//     the wait times out and finds itself no longer queued.
static WfMutex race_mutex;

static void *lock_timed_slow_exit(void *arg) {
#ifdef WF_SYNC_TESTING
    wf_parking_lot_testing_timeout_delay_ns = 30 * MS;
#endif
    bool *got = arg;
    *got = wf_mutex_lock_timed(&race_mutex, 2 * MS);
    if (*got) wf_mutex_unlock(&race_mutex);
    return NULL;
}

static void *lock_timed_100ms(void *arg) {
    bool *got = arg;
    *got = wf_mutex_lock_timed(&race_mutex, 100 * MS);
    if (*got) wf_mutex_unlock(&race_mutex);
    return NULL;
}

static void test_mutex_timeout_handoff_race(void) {
#ifdef WF_SYNC_TESTING
    bool got = false;
    wf_mutex_lock(&race_mutex);
    WfThread t = spawn(lock_timed_slow_exit, &got);
    CHECK(wait_for_waiters(&race_mutex.v, 1));
    wf_time_sleep_ns(8 * MS);  // its wait has timed out; it is still queued
    CHECK(wf_parking_lot_waiter_count(&race_mutex.v) == 1);
    wf_mutex_unlock(&race_mutex);  // hands off: it waited > 1 ms
    join(t);
    CHECK(got);
    CHECK(!wf_mutex_is_locked(&race_mutex));

    got = false;
    wf_mutex_lock(&race_mutex);
    t = spawn(lock_timed_100ms, &got);
    CHECK(wait_for_waiters(&race_mutex.v, 1));
    wf_time_sleep_ns(2 * MS);
    wf_parking_lot_testing_wake_delay_ns = 150 * MS;  // wake it after its timeout
    wf_mutex_unlock(&race_mutex);
    wf_parking_lot_testing_wake_delay_ns = 0;
    join(t);
    CHECK(got);
    CHECK(!wf_mutex_is_locked(&race_mutex));
#else
    fprintf(stderr, "  (mutex_timeout_handoff_race needs -DWF_SYNC_TESTING)\n");
#endif
}

// Blocking with WF_SYNC_INTERRUPTIBLE returns when a signal handler runs;
// without it the wait goes on.
static WfMutex signal_mutex;
static atomic_int signal_seen;
static void on_signal(int sig) { atomic_fetch_add(&signal_seen, 1); }

static void *lock_plain(void *arg) {
    WfSyncResult *r = arg;
    *r = wf_mutex_lock_ex(&signal_mutex, -1, WF_SYNC_DETACH);
    if (*r == WF_SYNC_OK) wf_mutex_unlock(&signal_mutex);
    return NULL;
}

static atomic_int interruptible_done;

static void *lock_interruptible(void *arg) {
    WfSyncResult *r = arg;
    *r = wf_mutex_lock_ex(&signal_mutex, -1, WF_SYNC_DETACH | WF_SYNC_INTERRUPTIBLE);
    if (*r == WF_SYNC_OK) wf_mutex_unlock(&signal_mutex);
    atomic_store(&interruptible_done, 1);
    return NULL;
}

static void test_mutex_interruptible(void) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;  // no SA_RESTART
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, &old);
    atomic_store(&interruptible_done, 0);

    wf_mutex_lock(&signal_mutex);
    WfSyncResult r1 = WF_SYNC_OK, r2 = WF_SYNC_TIMEOUT;
    WfThread t1 = spawn(lock_interruptible, &r1);
    CHECK(wait_for_waiters(&signal_mutex.v, 1));
    // The waiter may not be inside the futex call yet when a signal arrives
    // (then the handler runs and it sleeps on): signal until it returns.
    int64_t deadline = wf_time_deadline_ns(2000 * MS);
    while (!atomic_load(&interruptible_done) && wf_time_remaining_ns(deadline) > 0) {
        pthread_kill(t1.handle, SIGUSR1);
        wf_time_sleep_ns(MS);
    }
    CHECK(atomic_load(&interruptible_done));
    if (!atomic_load(&interruptible_done)) wf_mutex_unlock(&signal_mutex), wf_mutex_lock(&signal_mutex);
    join(t1);
    CHECK(r1 == WF_SYNC_INTERRUPTED);

    WfThread t2 = spawn(lock_plain, &r2);
    CHECK(wait_for_waiters(&signal_mutex.v, 1));
    for (int i = 0; i < 3; i++) {
        pthread_kill(t2.handle, SIGUSR1);
        wf_time_sleep_ns(2 * MS);
    }
    CHECK(wf_parking_lot_waiter_count(&signal_mutex.v) == 1);  // still waiting
    wf_mutex_unlock(&signal_mutex);
    join(t2);
    CHECK(r2 == WF_SYNC_OK);
    sigaction(SIGUSR1, &old, NULL);
}

// ---------------------------------------------------------------------------
// WfOnce

#define ONCE_THREADS 8
static WfOnce once;
static atomic_int once_calls;
static int once_value;  // plain: written by the init function only

static int init_value(void *arg) {
    atomic_fetch_add(&once_calls, 1);
    wf_time_sleep_ns(10 * MS);  // keep the others waiting (parked)
    once_value = *(int *)arg;
    return 0;
}

static void *call_once(void *arg) {
    wait_start();
    CHECK(wf_once_call(&once, init_value, arg) == 0);
    CHECK(wf_once_is_done(&once));
    CHECK(once_value == 42);
    return NULL;
}

static int fail_first_calls;  // plain: touched only inside once functions
static int fail_first(void *arg) {
    atomic_fetch_add(&once_calls, 1);
    wf_time_sleep_ns(5 * MS);
    if (fail_first_calls++ == 0) return -1;
    once_value = 7;
    return 0;
}

static atomic_int once_failures;
static void *call_once_failing(void *arg) {
    wait_start();
    if (wf_once_call(&once, fail_first, NULL) < 0) {
        atomic_fetch_add(&once_failures, 1);
        CHECK(wf_once_call(&once, fail_first, NULL) == 0);  // retry succeeds
    }
    CHECK(once_value == 7);
    return NULL;
}

static void test_once(void) {
    int value = 42;
    WfThread t[ONCE_THREADS];
    atomic_store(&start_line, 0);
    for (int i = 0; i < ONCE_THREADS; i++) t[i] = spawn(call_once, &value);
    atomic_store_explicit(&start_line, 1, memory_order_release);
    for (int i = 0; i < ONCE_THREADS; i++) join(t[i]);
    CHECK(atomic_load(&once_calls) == 1);
    CHECK(wf_once_call(&once, init_value, &value) == 0);
    CHECK(atomic_load(&once_calls) == 1);

    // A failing initialization leaves it not done; exactly one caller sees
    // the failure and a later run succeeds.
    once = (WfOnce)WF_ONCE_INIT;
    atomic_store(&once_calls, 0);
    atomic_store(&once_failures, 0);
    once_value = 0;
    fail_first_calls = 0;
    atomic_store(&start_line, 0);
    for (int i = 0; i < 4; i++) t[i] = spawn(call_once_failing, NULL);
    atomic_store_explicit(&start_line, 1, memory_order_release);
    for (int i = 0; i < 4; i++) join(t[i]);
    CHECK(atomic_load(&once_failures) == 1);
    CHECK(atomic_load(&once_calls) == 2);
    CHECK(wf_once_is_done(&once));
}

// ---------------------------------------------------------------------------
// WfEvent

#define EVENT_THREADS 5
static WfEvent event;
static int event_payload;  // plain: written before wf_event_set

static void *wait_event(void *arg) {
    wf_event_wait(&event);
    CHECK(wf_event_is_set(&event));
    CHECK(event_payload == 123);
    return NULL;
}

static void *wait_event_timed(void *arg) {
    CHECK(wf_event_wait_timed(&event, 5000 * MS));
    CHECK(event_payload == 123);
    return NULL;
}

static void test_event(void) {
    WfEvent local = WF_EVENT_INIT;
    CHECK(!wf_event_is_set(&local));
    CHECK(wf_event_wait_ex(&local, 0, WF_SYNC_DONT_DETACH) == WF_SYNC_TIMEOUT);
    int64_t t0 = wf_time_monotonic_ns();
    CHECK(!wf_event_wait_timed(&local, 10 * MS));
    CHECK(wf_time_monotonic_ns() - t0 >= 10 * MS);
    wf_event_set(&local);
    wf_event_set(&local);
    CHECK(wf_event_is_set(&local));
    CHECK(wf_event_wait_timed(&local, 0));
    wf_event_wait(&local);

    WfThread t[EVENT_THREADS];
    for (int i = 0; i < EVENT_THREADS; i++) t[i] = spawn(i % 2 ? wait_event_timed : wait_event, NULL);
    CHECK(wait_for_waiters(&event.v, EVENT_THREADS));
    event_payload = 123;
    wf_event_set(&event);
    for (int i = 0; i < EVENT_THREADS; i++) join(t[i]);
    CHECK(wf_parking_lot_waiter_count(&event.v) == 0);
}

// ---------------------------------------------------------------------------
// Park hooks

static WfMutex hook_mutex;
static void *lock_detached(void *arg) {
    wf_mutex_lock(&hook_mutex);
    wf_mutex_unlock(&hook_mutex);
    return NULL;
}
static void *lock_attached(void *arg) {
    wf_mutex_lock_ex(&hook_mutex, -1, WF_SYNC_DONT_DETACH);
    wf_mutex_unlock(&hook_mutex);
    return NULL;
}

static void test_park_hooks(void) {
    long before0 = atomic_load(&hook_before), after0 = atomic_load(&hook_after);
    wf_mutex_lock(&hook_mutex);
    WfThread t = spawn(lock_attached, NULL);
    CHECK(wait_for_waiters(&hook_mutex.v, 1));
    wf_mutex_unlock(&hook_mutex);
    join(t);
    CHECK(atomic_load(&hook_before) == before0 && atomic_load(&hook_after) == after0);

    wf_mutex_lock(&hook_mutex);
    t = spawn(lock_detached, NULL);
    CHECK(wait_for_waiters(&hook_mutex.v, 1));
    wf_mutex_unlock(&hook_mutex);
    join(t);
    CHECK(atomic_load(&hook_before) > before0);
    CHECK(atomic_load(&hook_before) == atomic_load(&hook_after));
    CHECK(atomic_load(&hook_bad_cookie) == 0);
}

// ---------------------------------------------------------------------------

typedef struct {
    const char *name;
    void (*fn)(void);
} Test;

static const Test tests[] = {
    {"thread", test_thread},
    {"time", test_time},
    {"futex", test_futex},
    {"parking_lot_basics", test_parking_lot_basics},
    {"parking_lot_unpark_all", test_parking_lot_unpark_all},
    {"mutex_single_thread", test_mutex_single_thread},
    {"mutex_counter", test_mutex_counter},
    {"mutex_timed", test_mutex_timed},
    {"mutex_handoff", test_mutex_handoff},
    {"mutex_no_starvation", test_mutex_no_starvation},
    {"mutex_fairness", test_mutex_fairness},
    {"mutex_timed_stress", test_mutex_timed_stress},
    {"mutex_timeout_handoff_race", test_mutex_timeout_handoff_race},
    {"mutex_interruptible", test_mutex_interruptible},
    {"once", test_once},
    {"event", test_event},
    {"park_hooks", test_park_hooks},
};

int main(int argc, char **argv) {
    // As the runtime will: install the hooks once, before any thread.
    wf_sync_set_park_hooks(before_park, after_park);
    int passed = 0, failed = 0;
    int64_t t_all = wf_time_monotonic_ns();
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        if (argc > 1 && !strstr(tests[i].name, argv[1])) continue;
        int before = atomic_load(&check_failures);
        long parks0 = atomic_load(&hook_before);
        int64_t t0 = wf_time_monotonic_ns();
        tests[i].fn();
        int64_t ms = (wf_time_monotonic_ns() - t0) / MS;
        if (atomic_load(&check_failures) == before) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s (%lld ms)\n", tests[i].name, (long long)ms);
        }
        if (getenv("SYNC_TEST_VERBOSE"))
            fprintf(stderr, "  %-24s %4lld ms, parked %ld times (detached)\n", tests[i].name, (long long)ms,
                    atomic_load(&hook_before) - parks0);
    }
    CHECK(atomic_load(&hook_before) == atomic_load(&hook_after));
    if (getenv("SYNC_TEST_VERBOSE"))
        fprintf(stderr, "  total %lld ms\n", (long long)((wf_time_monotonic_ns() - t_all) / MS));
    printf("sync: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
