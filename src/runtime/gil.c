// gil.c — the optional global interpreter lock (PYTHON_GIL=1 / -X gil=1, or
// turned on at run time for an extension without free-threading support),
// after CPython's Python/ceval_gil.c with FORCE_SWITCHING, built on the
// parking lot instead of condition variables.
//
// Invariants:
// - gil.locked is 1 exactly while some thread holds the GIL (that thread has
//   gil_held set); both change only under gil.mutex. Waiters park on
//   &gil.locked expecting 1; every release unparks one of them.
// - gil.holder is the last thread that took the GIL; gil.switch_number counts
//   the times the holder changed. Both change only under gil.mutex, when a
//   thread takes the GIL; afterwards it unparks the threads waiting on
//   &gil.switch_number.
// - gil.drop_request is set (under gil.mutex) by a waiter that waited a whole
//   switch interval without any hand-over; it then also sets
//   WF_EVAL_BREAKER_GIL_DROP on the holder. The next thread to take the GIL
//   clears it. A holder that releases while it is set waits until another
//   thread has taken the GIL before it may compete again (forced switching).
// - In GIL mode a thread takes the GIL before it becomes ATTACHED and
//   releases it after it stopped being ATTACHED, so at most one thread is
//   attached. GIL operations run while the thread is detached; gil.mutex is
//   runtime-internal (never detaches).
// - wf_runtime.gil_enabled goes 0 -> 1 only, under a stop-the-world
//   (wf_gil_enable_at_runtime) or before threads exist; read relaxed.
#include <stdatomic.h>

#include "platform/time.h"
#include "runtime/threads.h"
#include "runtime/threads_internal.h"
#include "sync/parking_lot.h"
#include "vm/eval.h"

#define MIN_INTERVAL_NS (1000)  // 1 us, as CPython's lower bound

static struct {
    WfMutex mutex;
    _Atomic uint32_t locked;          // mutex to write; parked on
    _Atomic uint32_t switch_number;   // mutex to write; droppers park on it
    _Atomic(WfThreadState *) holder;  // mutex to write
    _Atomic int drop_request;         // mutex to write; relaxed reads anywhere
    _Atomic int64_t interval_ns;      // sys.setswitchinterval
} gil = {.interval_ns = 5 * WF_TIME_NS_PER_MS};

void wf_gil_init(void) {
    double s = wf_runtime.switch_interval;  // single-threaded start-up
    if (s > 0) atomic_store_explicit(&gil.interval_ns, (int64_t)(s * 1e9), memory_order_relaxed);
}

bool wf_gil_is_enabled(void) { return __atomic_load_n(&wf_runtime.gil_enabled, __ATOMIC_RELAXED) != 0; }

void wf_gil_set_switch_interval(double seconds) {
    int64_t ns = (int64_t)(seconds * 1e9);
    if (ns < MIN_INTERVAL_NS) ns = MIN_INTERVAL_NS;
    // relaxed: an independent setting; waiters pick it up at their next wait.
    atomic_store_explicit(&gil.interval_ns, ns, memory_order_relaxed);
    __atomic_store(&wf_runtime.switch_interval, &seconds, __ATOMIC_RELAXED);
}

double wf_gil_get_switch_interval(void) {
    double s;
    __atomic_load(&wf_runtime.switch_interval, &s, __ATOMIC_RELAXED);
    return s;
}

uint64_t wf_gil_switch_number(void) {
    return atomic_load_explicit(&gil.switch_number, memory_order_relaxed);  // a statistic
}

bool wf_gil_drop_requested(void) {
    // relaxed: a hint for the poll; the hand-over itself is ordered by gil.mutex.
    return atomic_load_explicit(&gil.drop_request, memory_order_relaxed) != 0;
}

void wf_gil_take(WfThreadState *ts) {
    wf_threads_lock(&gil.mutex);
    // All fields are read under gil.mutex below (relaxed: the mutex orders them).
    while (atomic_load_explicit(&gil.locked, memory_order_relaxed)) {
        uint32_t saved = atomic_load_explicit(&gil.switch_number, memory_order_relaxed);
        int64_t interval = atomic_load_explicit(&gil.interval_ns, memory_order_relaxed);
        wf_mutex_unlock(&gil.mutex);
        uint32_t one = 1;
        WfParkResult r = wf_parking_lot_park(&gil.locked, &one, sizeof one, interval, NULL, WF_SYNC_DONT_DETACH);
        wf_threads_lock(&gil.mutex);
        if (r == WF_PARK_TIMEOUT && atomic_load_explicit(&gil.locked, memory_order_relaxed) &&
            atomic_load_explicit(&gil.switch_number, memory_order_relaxed) == saved) {
            // A whole interval without a hand-over: ask the holder to drop it.
            WfThreadState *holder = atomic_load_explicit(&gil.holder, memory_order_relaxed);
            atomic_store_explicit(&gil.drop_request, 1, memory_order_relaxed);
            // release: pairs with the holder's acquire load of its breaker.
            if (holder) atomic_fetch_or_explicit(&holder->eval_breaker, WF_EVAL_BREAKER_GIL_DROP, memory_order_release);
        }
    }
    atomic_store_explicit(&gil.locked, 1, memory_order_relaxed);  // under the mutex
    ts->gil_held = 1;
    bool switched = atomic_load_explicit(&gil.holder, memory_order_relaxed) != ts;
    if (switched) {
        atomic_store_explicit(&gil.holder, ts, memory_order_relaxed);
        atomic_fetch_add_explicit(&gil.switch_number, 1, memory_order_relaxed);
    }
    atomic_store_explicit(&gil.drop_request, 0, memory_order_relaxed);  // served
    wf_mutex_unlock(&gil.mutex);
    // The release of gil.mutex above orders our writes; the dropper re-reads
    // switch_number in the parking lot under the bucket lock.
    if (switched) wf_parking_lot_unpark_all(&gil.switch_number);
}

void wf_gil_drop(WfThreadState *ts, bool final) {
    wf_threads_lock(&gil.mutex);
    atomic_store_explicit(&gil.locked, 0, memory_order_relaxed);  // under the mutex
    ts->gil_held = 0;
    bool forced = !final && atomic_load_explicit(&gil.drop_request, memory_order_relaxed) &&
                  atomic_load_explicit(&gil.holder, memory_order_relaxed) == ts;
    uint32_t sn = atomic_load_explicit(&gil.switch_number, memory_order_relaxed);
    wf_mutex_unlock(&gil.mutex);
    // Everything the holder wrote reaches the next holder through gil.mutex
    // (our unlock's release, its lock's acquire).
    wf_parking_lot_unpark_one(&gil.locked, NULL, NULL);
    if (!forced) return;
    // Forced switching: another thread asked; do not re-take the GIL before
    // it (or anyone else) got it. The waiter only leaves take after taking.
    for (;;) {
        // relaxed: the parking lot re-checks under its bucket lock, and the
        // taker unparks after changing the number.
        if (atomic_load_explicit(&gil.switch_number, memory_order_relaxed) != sn) break;
        wf_parking_lot_park(&gil.switch_number, &sn, sizeof sn, -1, NULL, WF_SYNC_DONT_DETACH);
    }
}

void wf_gil_after_fork_child(WfThreadState *ts) {
    // Single-threaded: the forking thread keeps the GIL if it held it.
    gil.mutex = (WfMutex)WF_MUTEX_INIT;
    int held = ts && ts->gil_held;
    atomic_store_explicit(&gil.locked, held ? 1 : 0, memory_order_relaxed);
    atomic_store_explicit(&gil.holder, held ? ts : NULL, memory_order_relaxed);
    atomic_store_explicit(&gil.drop_request, 0, memory_order_relaxed);
}

int wf_gil_enable_at_runtime(void) {
    if (wf_gil_is_enabled()) return 0;
    // Enabling changes what "attached" means, so no thread may be attached
    // meanwhile: detach, stop everyone, flip, restart, attach (taking the
    // GIL; another thread may take it first, which is harmless).
    bool was_attached = wf_thread_is_attached();
    if (was_attached) wf_thread_detach();
    wf_stop_the_world();
    int enabled_now = !wf_gil_is_enabled();
    // relaxed: the restart (seq_cst status stores, and each thread's attach
    // CAS) orders it before any thread runs again.
    if (enabled_now) __atomic_store_n(&wf_runtime.gil_enabled, 1, __ATOMIC_RELAXED);
    wf_start_the_world();
    if (was_attached) wf_thread_attach();
    return enabled_now;
}
