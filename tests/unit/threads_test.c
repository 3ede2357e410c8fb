// threads_test.c — C unit tests of the threads runtime: attach/detach,
// stop-the-world, critical sections, QSBR, the GIL and the biased-refcount
// queues (src/runtime/{attach,stw,gil,critical_section,brc}.c, src/sync/qsbr.c).
//
// Worker threads run a "safe point" that does what the VM's eval breaker
// does (merge queued refcounts; call wf_runtime_stw_poll for the STW and
// GIL-drop bits). Data protected by the mechanisms under test is plain
// (non-atomic) on purpose: under VARIANT=tsan a missing happens-before edge
// is a report, under VARIANT=asan an early free is a report.
// The GIL tests run last: they turn the GIL on at run time.
// Prints "threads: N passed, M failed"; exit status 1 if anything failed.
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "objects/object.h"
#include "platform/thread.h"
#include "platform/time.h"
#include "runtime/critical_section.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "runtime/threads_internal.h"
#include "sync/mutex.h"
#include "sync/parking_lot.h"
#include "sync/qsbr.h"
#include "vm/eval.h"

WfTypeObject wf_type_type;  // the test needs only the symbols
WfTypeObject wf_int_type;

static atomic_int check_failures;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        if (!(cond)) {                                                               \
            atomic_fetch_add(&check_failures, 1);                                    \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
        }                                                                            \
    } while (0)

#define MS WF_TIME_NS_PER_MS

// ---------------------------------------------------------------------------
// Helpers

static WfThread spawn(WfThreadFunc fn, void *arg) {
    WfThread t;
    int err = wf_thread_create(&t, fn, arg, 0);
    if (err) {
        fprintf(stderr, "threads_test: cannot create a thread: %s\n", strerror(err));
        exit(2);
    }
    return t;
}

// Join while detached, as a blocking call in the runtime would.
static void join(WfThread t) {
    wf_thread_detach();
    CHECK(wf_thread_join(t, NULL) == 0);
    wf_thread_attach();
}

// What the eval loop does when ts->eval_breaker is nonzero.
static void safe_point(void) {
    WfThreadState *ts = wf_tstate();
    // relaxed first test, as the VM's CHECK_EVAL_BREAKER; acquire below.
    if (!atomic_load_explicit(&ts->eval_breaker, memory_order_relaxed)) return;
    uint32_t bits = atomic_load_explicit(&ts->eval_breaker, memory_order_acquire);
    if (bits & WF_EVAL_BREAKER_BRC) {
        atomic_fetch_and_explicit(&ts->eval_breaker, ~WF_EVAL_BREAKER_BRC, memory_order_acq_rel);
        wf_refcount_merge_queued(ts);
    }
    if (bits & (WF_EVAL_BREAKER_STW | WF_EVAL_BREAKER_GIL_DROP)) {
        atomic_fetch_and_explicit(&ts->eval_breaker, ~(WF_EVAL_BREAKER_STW | WF_EVAL_BREAKER_GIL_DROP),
                                  memory_order_acq_rel);
        wf_runtime_stw_poll();
    }
}

// Wait (bounded, detached) until *flag >= value.
static bool wait_for(atomic_int *flag, int value) {
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    bool attached = wf_thread_is_attached();
    if (attached) wf_thread_detach();
    bool ok = true;
    while (atomic_load(flag) < value) {
        if (wf_time_remaining_ns(deadline) == 0) {
            ok = false;
            break;
        }
        wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    }
    if (attached) wf_thread_attach();
    return ok;
}

// Attached busy-wait that keeps polling (as Python code would).
static bool spin_until(atomic_int *flag, int value) {
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    while (atomic_load(flag) < value) {
        if (wf_time_remaining_ns(deadline) == 0) return false;
        safe_point();
        wf_thread_spin_pause();
    }
    return true;
}

static bool wait_for_waiters(const void *addr, int n) {
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    while (wf_parking_lot_waiter_count(addr) != n) {
        if (wf_time_remaining_ns(deadline) == 0) return false;
        wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    }
    return true;
}

static int status_of(WfThreadState *ts) { return atomic_load(&ts->status); }

// Test objects: a header and a payload; deallocation is counted.
typedef struct {
    WfObject ob_base;
    long value;
} TestObject;

static atomic_int freed;
static void test_dealloc(WfObject *o) {
    atomic_fetch_add(&freed, 1);
    wf_mem_free(o);
}
static WfTypeObject test_type = {.tp_name = "test", .tp_basicsize = sizeof(TestObject), .tp_dealloc = test_dealloc};

static WfObject *new_obj(void) {
    WfObject *o = wf_mem_malloc(sizeof(TestObject));
    wf_object_init_header(o, &test_type);
    ((TestObject *)o)->value = 0;
    return o;
}

// ---------------------------------------------------------------------------
// Attach / detach

static struct {
    atomic_int stopped, main_attaching, main_attached, done;
    WfThreadState *main;
} sm;

static void *sm_requester(void *arg) {
    wf_thread_start_current();
    CHECK(wf_thread_is_attached());
    wf_stop_the_world();
    CHECK(wf_world_is_stopped());
    atomic_store(&sm.stopped, 1);
    // The main thread is detached: it was suspended, and cannot attach.
    CHECK(wait_for(&sm.main_attaching, 1));
    wf_time_sleep_ns(20 * MS);  // we are attached: a plain sleep
    CHECK(atomic_load(&sm.main_attached) == 0);
    CHECK(status_of(sm.main) == WF_THREAD_SUSPENDED);
    wf_start_the_world();
    CHECK(!wf_world_is_stopped());
    wf_thread_exit_current();
    return NULL;
}

static void test_attach_detach(void) {
    WfThreadState *ts = wf_tstate();
    CHECK(ts && status_of(ts) == WF_THREAD_ATTACHED && wf_thread_is_attached());
    CHECK(ts->rt_registered && ts->qsbr);
    wf_thread_detach();
    CHECK(status_of(ts) == WF_THREAD_DETACHED && !wf_thread_is_attached());
    CHECK(wf_qsbr_read_seq(ts->qsbr) == WF_QSBR_OFFLINE);
    wf_thread_detach();  // no-op
    CHECK(status_of(ts) == WF_THREAD_DETACHED);
    wf_thread_attach();
    CHECK(status_of(ts) == WF_THREAD_ATTACHED);
    CHECK(wf_qsbr_read_seq(ts->qsbr) != WF_QSBR_OFFLINE);
    wf_thread_attach();  // no-op
    CHECK(status_of(ts) == WF_THREAD_ATTACHED);

    // A stop-the-world while we are detached suspends us: attach waits.
    memset(&sm, 0, sizeof sm);
    sm.main = ts;
    WfThread t = spawn(sm_requester, NULL);
    wf_thread_detach();
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    while (!atomic_load(&sm.stopped) && wf_time_remaining_ns(deadline)) wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    CHECK(status_of(ts) == WF_THREAD_SUSPENDED);
    atomic_store(&sm.main_attaching, 1);
    wf_thread_attach();  // blocks until the world restarts
    atomic_store(&sm.main_attached, 1);
    CHECK(status_of(ts) == WF_THREAD_ATTACHED);
    CHECK(!wf_world_is_stopped());
    join(t);
}

// ---------------------------------------------------------------------------
// Stop-the-world

enum { STW_SPINNERS = 3 };
static struct {
    atomic_int stop, started;
    atomic_long counter;       // bumped by attached spinners
    atomic_long sleeper_iters; // bumped by a thread that detaches often
    WfThreadState *states[STW_SPINNERS + 1];
} stw;

static void *stw_spinner(void *arg) {
    int i = (int)(intptr_t)arg;
    stw.states[i] = wf_thread_start_current();
    atomic_fetch_add(&stw.started, 1);
    while (!atomic_load(&stw.stop)) {
        atomic_fetch_add_explicit(&stw.counter, 1, memory_order_relaxed);
        safe_point();
    }
    wf_thread_exit_current();
    return NULL;
}

static void *stw_sleeper(void *arg) {
    stw.states[STW_SPINNERS] = wf_thread_start_current();
    atomic_fetch_add(&stw.started, 1);
    while (!atomic_load(&stw.stop)) {
        wf_thread_detach();  // as time.sleep does
        wf_time_sleep_ns(200 * WF_TIME_NS_PER_US);
        wf_thread_attach();
        atomic_fetch_add_explicit(&stw.sleeper_iters, 1, memory_order_relaxed);
        safe_point();
    }
    wf_thread_exit_current();
    return NULL;
}

static bool wait_counter_above(atomic_long *c, long v) {
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    while (atomic_load(c) <= v) {
        if (wf_time_remaining_ns(deadline) == 0) return false;
        wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    }
    return true;
}

static void test_stop_the_world(void) {
    memset(&stw, 0, sizeof stw);
    WfThread t[STW_SPINNERS + 1];
    for (int i = 0; i < STW_SPINNERS; i++) t[i] = spawn(stw_spinner, (void *)(intptr_t)i);
    t[STW_SPINNERS] = spawn(stw_sleeper, NULL);
    CHECK(wait_for(&stw.started, STW_SPINNERS + 1));
    wf_thread_detach();
    CHECK(wait_counter_above(&stw.counter, 1000));
    CHECK(wait_counter_above(&stw.sleeper_iters, 3));
    wf_thread_attach();

    // The world really stops: nobody moves while it is stopped.
    wf_stop_the_world();
    CHECK(wf_world_is_stopped());
    for (int i = 0; i <= STW_SPINNERS; i++) CHECK(status_of(stw.states[i]) == WF_THREAD_SUSPENDED);
    long c1 = atomic_load(&stw.counter), s1 = atomic_load(&stw.sleeper_iters);
    wf_time_sleep_ns(30 * MS);
    CHECK(atomic_load(&stw.counter) == c1);
    CHECK(atomic_load(&stw.sleeper_iters) == s1);
    wf_start_the_world();
    CHECK(!wf_world_is_stopped());
    wf_thread_detach();
    CHECK(wait_counter_above(&stw.counter, c1 + 1000));
    CHECK(wait_counter_above(&stw.sleeper_iters, s1 + 2));
    wf_thread_attach();

    // Many quick rounds (the GC's pattern).
    for (int round = 0; round < 200; round++) {
        wf_stop_the_world();
        long c = atomic_load(&stw.counter);
        for (int i = 0; i <= STW_SPINNERS; i++) CHECK(status_of(stw.states[i]) == WF_THREAD_SUSPENDED);
        CHECK(atomic_load(&stw.counter) == c);
        wf_start_the_world();
    }
    atomic_store(&stw.stop, 1);
    for (int i = 0; i <= STW_SPINNERS; i++) join(t[i]);
}

// Two requesters at once (serialized), while spinners run; the requesters'
// plain counter is protected only by stop-the-world's mutual exclusion.
static long concurrent_plain;
static void *stw_requester(void *arg) {
    wf_thread_start_current();
    atomic_fetch_add(&stw.started, 1);
    for (int i = 0; i < 100; i++) {
        wf_stop_the_world();
        CHECK(wf_world_is_stopped());
        concurrent_plain++;
        wf_start_the_world();
        safe_point();
    }
    wf_thread_exit_current();
    return NULL;
}

static void test_stop_the_world_concurrent(void) {
    memset(&stw, 0, sizeof stw);
    concurrent_plain = 0;
    WfThread s[2], r[2];
    for (int i = 0; i < 2; i++) s[i] = spawn(stw_spinner, (void *)(intptr_t)i);
    for (int i = 0; i < 2; i++) r[i] = spawn(stw_requester, NULL);
    for (int i = 0; i < 2; i++) join(r[i]);
    wf_stop_the_world();
    CHECK(concurrent_plain == 200);
    wf_start_the_world();
    atomic_store(&stw.stop, 1);
    for (int i = 0; i < 2; i++) join(s[i]);
}

// Threads start and exit while stop-the-world rounds run.
static atomic_int churn_exits;
static void *churn_thread(void *arg) {
    wf_thread_start_current();
    for (int i = 0; i < 100; i++) safe_point();
    atomic_fetch_add(&churn_exits, 1);
    wf_thread_exit_current();
    return NULL;
}

static void *churn_spawner(void *arg) {
    // A plain OS thread without a state: creates and joins short threads.
    for (int i = 0; i < 15; i++) wf_thread_join(spawn(churn_thread, NULL), NULL);
    return NULL;
}

static void test_stop_the_world_thread_churn(void) {
    atomic_store(&churn_exits, 0);
    WfThread sp[3];
    for (int i = 0; i < 3; i++) sp[i] = spawn(churn_spawner, NULL);
    int rounds = 0;
    while (atomic_load(&churn_exits) < 45) {
        wf_stop_the_world();
        wf_start_the_world();
        rounds++;
        wf_thread_detach();
        wf_thread_yield();
        wf_thread_attach();
    }
    for (int i = 0; i < 3; i++) join(sp[i]);
    CHECK(atomic_load(&churn_exits) == 45);
    CHECK(rounds > 0);
}

// ---------------------------------------------------------------------------
// Critical sections

enum { CS_THREADS = 4, CS_ITERS = 20000, CS2_ITERS = 4000 };
static WfObject *cs_obj, *cs_a, *cs_b;
static long cs_count, cs_a_count, cs_b_count;
static WfMutex cs_raw;
static long cs_raw_count;

static void *cs_worker(void *arg) {
    wf_thread_start_current();
    for (int i = 0; i < CS_ITERS; i++) {
        WF_BEGIN_CRITICAL_SECTION(cs_obj);
        cs_count++;
        WF_BEGIN_CRITICAL_SECTION(cs_obj);  // nested on the same object: no relock
        cs_count++;
        WF_END_CRITICAL_SECTION();
        WF_END_CRITICAL_SECTION();
        WF_BEGIN_CRITICAL_SECTION_MUTEX(&cs_raw);
        cs_raw_count++;
        WF_END_CRITICAL_SECTION();
        if ((i & 63) == 0) safe_point();
    }
    wf_thread_exit_current();
    return NULL;
}

static void test_critical_section_counter(void) {
    cs_obj = new_obj();
    cs_count = cs_raw_count = 0;
    WfThread t[CS_THREADS];
    for (int i = 0; i < CS_THREADS; i++) t[i] = spawn(cs_worker, NULL);
    for (int i = 0; i < CS_THREADS; i++) join(t[i]);
    WF_BEGIN_CRITICAL_SECTION(cs_obj);
    CHECK(cs_count == 2L * CS_THREADS * CS_ITERS);
    CHECK(wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_obj)));
    CHECK(wf_tstate()->critical_section == (uintptr_t)&wf_cs_);
    WF_END_CRITICAL_SECTION();
    CHECK(wf_tstate()->critical_section == 0);
    CHECK(!wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_obj)));
    CHECK(cs_raw_count == (long)CS_THREADS * CS_ITERS);
    wf_decref(cs_obj);
}

// (a, b) against (b, a), in both the two-object form and as nested sections.
static void *cs2_worker(void *arg) {
    int reversed = (int)(intptr_t)arg;
    wf_thread_start_current();
    WfObject *x = reversed ? cs_b : cs_a, *y = reversed ? cs_a : cs_b;
    long *xc = reversed ? &cs_b_count : &cs_a_count, *yc = reversed ? &cs_a_count : &cs_b_count;
    for (int i = 0; i < CS2_ITERS; i++) {
        WF_BEGIN_CRITICAL_SECTION2(x, y);
        cs_a_count++;
        cs_b_count++;
        WF_END_CRITICAL_SECTION2();
        WF_BEGIN_CRITICAL_SECTION2(x, x);  // the same object twice: locked once
        (*xc)++;
        WF_END_CRITICAL_SECTION2();
        // Nested, in opposite orders in the two threads: an inner lock wait
        // suspends the outer section, so this cannot deadlock. Only the
        // innermost section's object is protected across the inner begin.
        WF_BEGIN_CRITICAL_SECTION(x);
        (*xc)++;
        WF_BEGIN_CRITICAL_SECTION(y);
        (*yc)++;
        WF_END_CRITICAL_SECTION();
        (*xc)++;  // the outer section is active again
        WF_END_CRITICAL_SECTION();
        // A two-object section inside a one-object section on one of them.
        WF_BEGIN_CRITICAL_SECTION(y);
        WF_BEGIN_CRITICAL_SECTION2(x, y);
        cs_a_count++;
        cs_b_count++;
        WF_END_CRITICAL_SECTION2();
        WF_END_CRITICAL_SECTION();
        if ((i & 63) == 0) safe_point();
    }
    wf_thread_exit_current();
    return NULL;
}

static void test_critical_section_two_objects(void) {
    cs_a = new_obj();
    cs_b = new_obj();
    cs_a_count = cs_b_count = 0;
    WfThread t[2];
    for (int i = 0; i < 2; i++) t[i] = spawn(cs2_worker, (void *)(intptr_t)i);
    for (int i = 0; i < 2; i++) join(t[i]);
    // Per iteration, the thread whose x is a adds 5 to a and 3 to b (pairs 2,
    // x twice 1, nested 2 + 0, nested pair 1 + 1); the other one the reverse.
    CHECK(cs_a_count == 8L * CS2_ITERS);
    CHECK(cs_b_count == 8L * CS2_ITERS);
    CHECK(!wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_a)) && !wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_b)));
    wf_decref(cs_a);
    wf_decref(cs_b);
}

// A thread blocked (parked on another mutex) inside a section lets another
// thread into the object, and holds the object again when it resumes.
static WfMutex cs_block;
static atomic_int cs_entered, cs_blocked_done;
static void *cs_blocker(void *arg) {
    wf_thread_start_current();
    WF_BEGIN_CRITICAL_SECTION(cs_obj);
    ((TestObject *)cs_obj)->value = 1;
    wf_mutex_lock(&cs_block);  // parks: detaches, which suspends the section
    CHECK(atomic_load(&cs_entered) == 1);
    CHECK(wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_obj)));  // resumed on attach
    CHECK(((TestObject *)cs_obj)->value == 2);
    ((TestObject *)cs_obj)->value = 3;
    wf_mutex_unlock(&cs_block);
    WF_END_CRITICAL_SECTION();
    atomic_store(&cs_blocked_done, 1);
    wf_thread_exit_current();
    return NULL;
}

static void *cs_enterer(void *arg) {
    wf_thread_start_current();
    WF_BEGIN_CRITICAL_SECTION(cs_obj);
    CHECK(((TestObject *)cs_obj)->value == 1);
    ((TestObject *)cs_obj)->value = 2;
    atomic_store(&cs_entered, 1);
    WF_END_CRITICAL_SECTION();
    wf_thread_exit_current();
    return NULL;
}

static void test_critical_section_suspended_on_block(void) {
    cs_obj = new_obj();
    atomic_store(&cs_entered, 0);
    atomic_store(&cs_blocked_done, 0);
    wf_mutex_lock(&cs_block);
    WfThread b = spawn(cs_blocker, NULL);
    wf_thread_detach();
    CHECK(wait_for_waiters(&cs_block.v, 1));
    wf_thread_attach();
    WfThread e = spawn(cs_enterer, NULL);
    CHECK(wait_for(&cs_entered, 1));
    CHECK(atomic_load(&cs_blocked_done) == 0);
    wf_mutex_unlock(&cs_block);
    join(e);
    join(b);
    CHECK(((TestObject *)cs_obj)->value == 3);
    CHECK(!wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_obj)));
    wf_decref(cs_obj);
}

// A thread suspended by stop-the-world inside a section releases the lock:
// the requester can take the object.
static atomic_int cs_stw_in, cs_stw_stop;
static void *cs_stw_worker(void *arg) {
    wf_thread_start_current();
    WF_BEGIN_CRITICAL_SECTION(cs_obj);
    atomic_store(&cs_stw_in, 1);
    while (!atomic_load(&cs_stw_stop)) safe_point();
    CHECK(wf_mutex_is_locked(WF_OBJECT_MUTEX(cs_obj)));
    WF_END_CRITICAL_SECTION();
    wf_thread_exit_current();
    return NULL;
}

static void test_critical_section_stop_the_world(void) {
    cs_obj = new_obj();
    atomic_store(&cs_stw_in, 0);
    atomic_store(&cs_stw_stop, 0);
    WfThread t = spawn(cs_stw_worker, NULL);
    CHECK(wait_for(&cs_stw_in, 1));
    wf_stop_the_world();
    CHECK(wf_mutex_trylock(WF_OBJECT_MUTEX(cs_obj)));
    wf_mutex_unlock(WF_OBJECT_MUTEX(cs_obj));
    wf_start_the_world();
    atomic_store(&cs_stw_stop, 1);
    join(t);
    wf_decref(cs_obj);
}

// ---------------------------------------------------------------------------
// QSBR

static atomic_int qs_freed;
static void qs_free(void *p) {
    atomic_fetch_add(&qs_freed, 1);
    wf_mem_free(p);
}

static struct {
    atomic_int ready, quiesce, quiesced, go_offline, offline, finish;
} qr;

static void *qsbr_reader(void *arg) {
    wf_thread_start_current();
    atomic_store(&qr.ready, 1);
    // Attached, holding (in spirit) pointers: no quiescent point until told.
    while (!atomic_load(&qr.quiesce)) wf_thread_spin_pause();
    wf_qsbr_quiescent(wf_tstate()->qsbr);
    atomic_store(&qr.quiesced, 1);
    while (!atomic_load(&qr.go_offline)) wf_thread_spin_pause();
    wf_thread_detach();  // offline
    atomic_store(&qr.offline, 1);
    while (!atomic_load(&qr.finish)) wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    wf_thread_attach();
    wf_thread_exit_current();
    return NULL;
}

static void test_qsbr_grace_period(void) {
    memset(&qr, 0, sizeof qr);
    atomic_store(&qs_freed, 0);
    WfQsbrThread *me = wf_tstate()->qsbr;
    WfThread r = spawn(qsbr_reader, NULL);
    CHECK(wait_for(&qr.ready, 1));

    uint64_t w0 = wf_qsbr_write_seq();
    wf_qsbr_free(me, wf_mem_malloc(64), qs_free);
    CHECK(wf_qsbr_write_seq() == w0 + WF_QSBR_INCR);
    CHECK(wf_qsbr_pending(me) == 1);
    wf_runtime_stw_poll();  // our own quiescent point + processing
    CHECK(atomic_load(&qs_freed) == 0);  // the reader has not passed one
    CHECK(!wf_qsbr_poll(w0 + WF_QSBR_INCR));
    CHECK(wf_qsbr_pending(me) == 1);
    // wf_qsbr_free_storage defers too while another thread is registered.
    wf_qsbr_free_storage(wf_mem_malloc(32));
    CHECK(wf_qsbr_pending(me) == 2);

    atomic_store(&qr.quiesce, 1);
    CHECK(wait_for(&qr.quiesced, 1));
    CHECK(wf_qsbr_poll(w0 + WF_QSBR_INCR));
    wf_runtime_stw_poll();
    CHECK(atomic_load(&qs_freed) == 1);  // both retired before the reader's point
    CHECK(wf_qsbr_pending(me) == 0);

    // An offline (detached) reader holds nothing up.
    atomic_store(&qr.go_offline, 1);
    CHECK(wait_for(&qr.offline, 1));
    wf_qsbr_free(me, wf_mem_malloc(64), qs_free);
    wf_runtime_stw_poll();
    CHECK(atomic_load(&qs_freed) == 2);
    CHECK(wf_qsbr_pending(me) == 0);

    atomic_store(&qr.finish, 1);
    join(r);
    // Alone again: storage is freed at once.
    CHECK(wf_qsbr_registered() == 1);
    wf_qsbr_free_storage(wf_mem_malloc(32));
    CHECK(wf_qsbr_pending(me) == 0);
}

// A thread that exits with pending frees hands them over (orphans).
static atomic_int orphan_go;
static void *qsbr_orphaner(void *arg) {
    wf_thread_start_current();
    for (int i = 0; i < 5; i++) wf_qsbr_free(wf_tstate()->qsbr, wf_mem_malloc(16), qs_free);
    wf_thread_exit_current();
    return NULL;
}

static void *qsbr_blocker(void *arg) {
    // Online without quiescent points until told: holds the orphans back.
    wf_thread_start_current();
    atomic_store(&qr.ready, 1);
    while (!atomic_load(&orphan_go)) wf_thread_spin_pause();
    wf_qsbr_quiescent(wf_tstate()->qsbr);
    atomic_store(&qr.quiesced, 1);
    while (!atomic_load(&qr.finish)) wf_thread_spin_pause();
    wf_thread_exit_current();
    return NULL;
}

static void test_qsbr_orphans(void) {
    memset(&qr, 0, sizeof qr);
    atomic_store(&qs_freed, 0);
    atomic_store(&orphan_go, 0);
    WfThread b = spawn(qsbr_blocker, NULL);
    CHECK(wait_for(&qr.ready, 1));
    join(spawn(qsbr_orphaner, NULL));
    CHECK(wf_qsbr_orphans() == 5);
    wf_runtime_stw_poll();
    CHECK(atomic_load(&qs_freed) == 0);
    atomic_store(&orphan_go, 1);
    CHECK(wait_for(&qr.quiesced, 1));
    wf_runtime_stw_poll();  // processes the orphans too
    CHECK(atomic_load(&qs_freed) == 5);
    CHECK(wf_qsbr_orphans() == 0);
    atomic_store(&qr.finish, 1);
    join(b);
}

// Stress: readers follow a published pointer and read the block; a writer
// replaces it and retires the old one through QSBR. The free function
// scribbles on the block first, so an early free is a wrong value (and an
// ASan / TSan report). Readers only run the safe point: the writer's backlog
// nudges them (WF_EVAL_BREAKER_STW) to pass quiescent points.
typedef struct {
    long a, b;
} Block;
static _Atomic(Block *) qs_published;
static atomic_int qs_stop, qs_bad, qs_readers_started;
static atomic_long qs_reads;

static void scribble_free(void *p) {
    Block *blk = p;
    blk->a = -1;
    blk->b = -2;
    atomic_fetch_add(&qs_freed, 1);
    wf_mem_free(p);
}

static void *qsbr_stress_reader(void *arg) {
    wf_thread_start_current();
    atomic_fetch_add(&qs_readers_started, 1);
    while (!atomic_load(&qs_stop)) {
        // acquire: pairs with the writer's release publication.
        Block *blk = atomic_load_explicit(&qs_published, memory_order_acquire);
        long a = blk->a;
        for (int k = 0; k < 20; k++) wf_thread_spin_pause();  // widen the window
        long b = blk->b;
        if (a != b || a < 0) atomic_fetch_add(&qs_bad, 1);
        atomic_fetch_add_explicit(&qs_reads, 1, memory_order_relaxed);
        safe_point();
    }
    wf_thread_exit_current();
    return NULL;
}

static void test_qsbr_stress(void) {
    atomic_store(&qs_freed, 0);
    atomic_store(&qs_stop, 0);
    atomic_store(&qs_bad, 0);
    atomic_store(&qs_readers_started, 0);
    Block *first = wf_mem_malloc(sizeof *first);
    first->a = first->b = 0;
    atomic_store(&qs_published, first);
    WfThread r[2];
    for (int i = 0; i < 2; i++) r[i] = spawn(qsbr_stress_reader, NULL);
    CHECK(wait_for(&qs_readers_started, 2));
    WfQsbrThread *me = wf_tstate()->qsbr;
    enum { REPLACEMENTS = 3000 };
    for (long i = 1; i <= REPLACEMENTS; i++) {
        Block *blk = wf_mem_malloc(sizeof *blk);
        blk->a = blk->b = i;
        // release: the block's contents before its publication.
        Block *old = atomic_exchange_explicit(&qs_published, blk, memory_order_acq_rel);
        wf_qsbr_free(me, old, scribble_free);
        safe_point();
    }
    // Everything retired is eventually freed (the readers keep polling).
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    while (wf_qsbr_pending(me) && wf_time_remaining_ns(deadline)) {
        wf_runtime_stw_poll();
        wf_stw_request_poll_all();  // nudge the readers (what the backlog hook does)
        wf_thread_detach();
        wf_time_sleep_ns(200 * WF_TIME_NS_PER_US);
        wf_thread_attach();
    }
    CHECK(wf_qsbr_pending(me) == 0);
    CHECK(atomic_load(&qs_freed) == REPLACEMENTS);
    atomic_store(&qs_stop, 1);
    for (int i = 0; i < 2; i++) join(r[i]);
    CHECK(atomic_load(&qs_bad) == 0);
    CHECK(atomic_load(&qs_reads) > 0);
    wf_mem_free(atomic_load(&qs_published));
}

// ---------------------------------------------------------------------------
// Biased reference counting: lock-free queues and dead owners

static WfObject *brc_objs[4000];
static atomic_int brc_ready, brc_done;

static void *brc_owner_exits(void *arg) {
    int n = (int)(intptr_t)arg;
    wf_thread_start_current();
    for (int i = 0; i < n; i++) {
        brc_objs[i] = new_obj();
        wf_incref(brc_objs[i]);  // one reference for the main thread, counted locally
    }
    for (int i = 0; i < n; i++) wf_decref(brc_objs[i]);  // drop our own: local 1 (main's)
    atomic_store(&brc_ready, 1);
    for (int i = 0; i < 50; i++) safe_point();  // may merge some, queued meanwhile
    wf_thread_exit_current();  // merges the rest queued so far; later ones merge at once
    return NULL;
}

static void test_brc_dead_owner(void) {
    // One object, released only after its owner exited.
    atomic_store(&freed, 0);
    atomic_store(&brc_ready, 0);
    WfThread t = spawn(brc_owner_exits, (void *)(intptr_t)1);
    join(t);
    WfObject *o = brc_objs[0];
    CHECK(atomic_load(&freed) == 0);
    CHECK(wf_tid_load(o) != 0 && wf_tid_load(o) != wf_current_tid);
    CHECK(wf_brc_thread_is_dead((WfThreadState *)wf_tid_load(o)));
    wf_decref(o);  // queued to a dead owner: merged and freed right here
    CHECK(atomic_load(&freed) == 1);

    // Many objects released while their owner is exiting.
    atomic_store(&freed, 0);
    atomic_store(&brc_ready, 0);
    enum { N = 2000 };
    t = spawn(brc_owner_exits, (void *)(intptr_t)N);
    CHECK(wait_for(&brc_ready, 1));
    for (int i = 0; i < N; i++) wf_decref(brc_objs[i]);
    join(t);
    CHECK(atomic_load(&freed) == N);
}

enum { BRC_PUSHERS = 4, BRC_PER = 1000 };
static void *brc_pusher(void *arg) {
    int k = (int)(intptr_t)arg;
    wf_thread_start_current();
    for (int i = k * BRC_PER; i < (k + 1) * BRC_PER; i++) wf_decref(brc_objs[i]);
    atomic_fetch_add(&brc_done, 1);
    wf_thread_exit_current();
    return NULL;
}

static void test_brc_concurrent_queue(void) {
    atomic_store(&freed, 0);
    atomic_store(&brc_done, 0);
    for (int i = 0; i < BRC_PUSHERS * BRC_PER; i++) {
        brc_objs[i] = new_obj();
        wf_incref(brc_objs[i]);  // local 2: ours and the pusher's
    }
    WfThread t[BRC_PUSHERS];
    for (int i = 0; i < BRC_PUSHERS; i++) t[i] = spawn(brc_pusher, (void *)(intptr_t)i);
    CHECK(spin_until(&brc_done, BRC_PUSHERS));  // merging concurrently with the pushes
    for (int i = 0; i < BRC_PUSHERS; i++) join(t[i]);
    wf_refcount_merge_queued(wf_tstate());
    CHECK(atomic_load(&freed) == 0);
    int ok = 1;
    for (int i = 0; i < BRC_PUSHERS * BRC_PER; i++) {
        ok &= wf_refcount_get(brc_objs[i]) == 1 && wf_tid_load(brc_objs[i]) == 0;
        wf_decref(brc_objs[i]);  // merged: the shared count is the count
    }
    CHECK(ok);
    CHECK(atomic_load(&freed) == BRC_PUSHERS * BRC_PER);
}

// ---------------------------------------------------------------------------
// fork: the world is stopped around it; in the child only the forking thread
// is left, and stop-the-world, critical sections and QSBR work there.

static void test_fork(void) {
    memset(&stw, 0, sizeof stw);
    WfThread t[2];
    for (int i = 0; i < 2; i++) t[i] = spawn(stw_spinner, (void *)(intptr_t)i);
    CHECK(wait_for(&stw.started, 2));
    WfObject *o = new_obj();
    wf_threads_before_fork();
    pid_t pid = fork();
    if (pid == 0) {
        wf_threads_after_fork_child();
        int bad = 0;
        bad |= !wf_thread_is_attached();
        bad |= wf_qsbr_registered() != 1;
        wf_stop_the_world();  // nobody else to wait for
        bad |= !wf_world_is_stopped();
        wf_start_the_world();
        WF_BEGIN_CRITICAL_SECTION(o);
        ((TestObject *)o)->value = 7;
        WF_END_CRITICAL_SECTION();
        wf_qsbr_free_storage(wf_mem_malloc(16));  // alone: freed at once
        bad |= wf_qsbr_pending(wf_tstate()->qsbr) != 0;
        _exit(bad ? 3 : 0);
    }
    wf_threads_after_fork_parent();
    CHECK(pid > 0);
    int status = -1;
    wf_thread_detach();
    CHECK(waitpid(pid, &status, 0) == pid);
    wf_thread_attach();
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    atomic_store(&stw.stop, 1);
    for (int i = 0; i < 2; i++) join(t[i]);
    wf_decref(o);
}

// ---------------------------------------------------------------------------
// GIL mode (turned on at run time; these tests run last)

static struct {
    atomic_int stop, started, inside, violations;
    long shared;  // plain: protected by the GIL alone
    atomic_long own[2];
    int64_t first_ns[2];
} gl;

static void *gil_worker(void *arg) {
    int i = (int)(intptr_t)arg;
    WfThreadState *ts = wf_thread_start_current();
    CHECK(ts->gil_held);
    gl.first_ns[i] = wf_time_monotonic_ns();  // published by the increment below
    atomic_fetch_add(&gl.started, 1);
    while (!atomic_load(&gl.stop)) {
        if (atomic_fetch_add(&gl.inside, 1) != 0) atomic_fetch_add(&gl.violations, 1);
        gl.shared++;
        atomic_fetch_sub(&gl.inside, 1);
        atomic_fetch_add_explicit(&gl.own[i], 1, memory_order_relaxed);
        safe_point();  // where the holder hands the GIL over on request
    }
    wf_thread_exit_current();
    return NULL;
}

static void test_gil_enable(void) {
    WfThreadState *ts = wf_tstate();
    CHECK(!wf_gil_is_enabled());
    CHECK(!ts->gil_held);
    CHECK(wf_gil_enable_at_runtime() == 1);
    CHECK(wf_gil_is_enabled());
    CHECK(ts->gil_held && wf_thread_is_attached());
    CHECK(wf_gil_enable_at_runtime() == 0);
    wf_thread_detach();
    CHECK(!ts->gil_held);
    wf_thread_attach();
    CHECK(ts->gil_held);
}

static void test_gil_switching(void) {
    memset(&gl, 0, sizeof gl);
    wf_gil_set_switch_interval(0.002);
    CHECK(wf_gil_get_switch_interval() == 0.002);
    uint64_t sw0 = wf_gil_switch_number();
    WfThread t[2];
    for (int i = 0; i < 2; i++) t[i] = spawn(gil_worker, (void *)(intptr_t)i);
    wf_thread_detach();  // let them have the GIL
    int64_t deadline = wf_time_deadline_ns(5000 * MS);
    while (atomic_load(&gl.started) < 2 && wf_time_remaining_ns(deadline)) wf_time_sleep_ns(100 * WF_TIME_NS_PER_US);
    CHECK(atomic_load(&gl.started) == 2);
    // Both make progress within a few switch intervals of each other.
    int64_t gap = gl.first_ns[0] - gl.first_ns[1];
    if (gap < 0) gap = -gap;
    CHECK(gap < 500 * MS);  // generous: sanitizers and loaded machines
    // Both keep making progress: from any moment, each advances again after
    // a few switch intervals (bounded generously: the machines are shared and
    // a runnable thread may wait long for a CPU).
    for (int round = 0; round < 3; round++) {
        long a0 = atomic_load(&gl.own[0]), b0 = atomic_load(&gl.own[1]);
        uint64_t s0 = wf_gil_switch_number();
        int64_t t0 = wf_time_monotonic_ns();
        deadline = wf_time_deadline_ns(3000 * MS);
        while ((atomic_load(&gl.own[0]) == a0 || atomic_load(&gl.own[1]) == b0 || wf_gil_switch_number() < s0 + 2) &&
               wf_time_remaining_ns(deadline))
            wf_time_sleep_ns(200 * WF_TIME_NS_PER_US);
        CHECK(atomic_load(&gl.own[0]) > a0 && atomic_load(&gl.own[1]) > b0 && wf_gil_switch_number() >= s0 + 2);
        if (getenv("THREADS_TEST_VERBOSE"))
            fprintf(stderr, "    both advanced in %lld us\n", (long long)((wf_time_monotonic_ns() - t0) / 1000));
    }
    atomic_store(&gl.stop, 1);
    for (int i = 0; i < 2; i++) CHECK(wf_thread_join(t[i], NULL) == 0);
    wf_thread_attach();
    CHECK(atomic_load(&gl.violations) == 0);
    CHECK(gl.shared == atomic_load(&gl.own[0]) + atomic_load(&gl.own[1]));
    CHECK(wf_gil_switch_number() - sw0 >= 4);
    wf_gil_set_switch_interval(0.005);
}

// A thread that waits on a lock releases the GIL.
static WfMutex gil_lock;
static atomic_int gil_waiter_got;
static void *gil_lock_waiter(void *arg) {
    WfThreadState *ts = wf_thread_start_current();
    CHECK(ts->gil_held);
    wf_mutex_lock(&gil_lock);  // parks: detaches, releasing the GIL
    CHECK(ts->gil_held && wf_thread_is_attached());
    atomic_store(&gil_waiter_got, 1);
    wf_mutex_unlock(&gil_lock);
    wf_thread_exit_current();
    return NULL;
}

static void test_gil_released_while_waiting(void) {
    WfThreadState *ts = wf_tstate();
    atomic_store(&gil_waiter_got, 0);
    wf_mutex_lock(&gil_lock);
    WfThread t = spawn(gil_lock_waiter, NULL);
    wf_thread_detach();  // the waiter needs the GIL to start
    CHECK(wait_for_waiters(&gil_lock.v, 1));
    wf_thread_attach();  // would hang if the waiter kept the GIL
    CHECK(ts->gil_held);
    CHECK(atomic_load(&gil_waiter_got) == 0);
    wf_mutex_unlock(&gil_lock);
    join(t);
    CHECK(atomic_load(&gil_waiter_got) == 1);
    CHECK(ts->gil_held);

    // Stop-the-world in GIL mode: the requester holds the GIL.
    wf_stop_the_world();
    CHECK(ts->gil_held && wf_world_is_stopped());
    wf_start_the_world();
}

// ---------------------------------------------------------------------------

static const struct {
    const char *name;
    void (*fn)(void);
} tests[] = {
    {"attach_detach", test_attach_detach},
    {"stop_the_world", test_stop_the_world},
    {"stop_the_world_concurrent", test_stop_the_world_concurrent},
    {"stop_the_world_thread_churn", test_stop_the_world_thread_churn},
    {"critical_section_counter", test_critical_section_counter},
    {"critical_section_two_objects", test_critical_section_two_objects},
    {"critical_section_suspended_on_block", test_critical_section_suspended_on_block},
    {"critical_section_stop_the_world", test_critical_section_stop_the_world},
    {"qsbr_grace_period", test_qsbr_grace_period},
    {"qsbr_orphans", test_qsbr_orphans},
    {"qsbr_stress", test_qsbr_stress},
    {"brc_dead_owner", test_brc_dead_owner},
    {"brc_concurrent_queue", test_brc_concurrent_queue},
    {"fork", test_fork},
    {"gil_enable", test_gil_enable},
    {"gil_switching", test_gil_switching},
    {"gil_released_while_waiting", test_gil_released_while_waiting},
};

int main(int argc, char **argv) {
    // As the runtime's start-up does: the main thread's state, then the threads runtime.
    if (!wf_thread_state_new_current() || wf_threads_runtime_init() < 0) {
        fprintf(stderr, "threads_test: initialization failed\n");
        return 2;
    }
    int passed = 0, failed = 0;
    int64_t t_all = wf_time_monotonic_ns();
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        // A filter skips tests, but never the GIL switch-on before GIL tests.
        if (argc > 1 && !strstr(tests[i].name, argv[1]) && tests[i].fn != test_gil_enable) continue;
        int before = atomic_load(&check_failures);
        int64_t t0 = wf_time_monotonic_ns();
        tests[i].fn();
        int64_t ms = (wf_time_monotonic_ns() - t0) / MS;
        if (atomic_load(&check_failures) == before) {
            passed++;
        } else {
            failed++;
            fprintf(stderr, "FAIL %s (%lld ms)\n", tests[i].name, (long long)ms);
        }
        if (getenv("THREADS_TEST_VERBOSE")) fprintf(stderr, "  %-36s %5lld ms\n", tests[i].name, (long long)ms);
    }
    if (getenv("THREADS_TEST_VERBOSE"))
        fprintf(stderr, "  total %lld ms\n", (long long)((wf_time_monotonic_ns() - t_all) / MS));
    printf("threads: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
