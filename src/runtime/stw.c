// stw.c — the registry of attachable threads and stop-the-world (after
// CPython 3.14's stop_the_world / park_detached_threads in Python/pystate.c).
//
// Invariants:
// - `reg.head` lists every registered thread state (rt_next/rt_prev), changed
//   only under reg.lock. The stop-the-world fields below are written only
//   under reg.lock; `requested` is also read without it (seq_cst).
// - While requested: `countdown` is the number of registered threads other
//   than the requester that are neither SUSPENDED yet nor unregistered.
//   Every registered thread other than the requester was counted when the
//   request began, except those registered during it, which start SUSPENDED.
//   A counted thread leaves the count exactly once: the requester CASes it
//   DETACHED -> SUSPENDED, it suspends itself at its poll, or it unregisters.
// - The requester waits on `wake_seq` (parking lot) and re-checks under the
//   lock; whoever may end its wait (a thread that detached while requested,
//   the last suspender, an unregistering thread) bumps wake_seq and unparks
//   it, so no wake-up is lost (see wf_stop_the_world for the ordering).
// - Only the requester (holding stw_mutex) restarts the world; until then no
//   counted thread can attach.
#include <stdatomic.h>

#include "runtime/threads.h"
#include "runtime/threads_internal.h"
#include "sync/parking_lot.h"
#include "vm/eval.h"

static struct {
    WfMutex lock;                // the registry lock (never detaches)
    WfThreadState *head;
    WfMutex stw_mutex;           // one stop-the-world at a time
    _Atomic int requested;       // lock to write; seq_cst reads anywhere
    _Atomic int world_stopped;   // lock to write
    int countdown;               // lock
    WfThreadState *requester;    // lock; NULL when the requester is not attached
    _Atomic uint32_t wake_seq;   // bumped to wake the waiting requester
} reg;

static void wake_requester(void) {
    // seq_cst: ordered after our status store / countdown change, so a
    // requester that read wake_seq earlier sees it changed (or is parked and
    // gets the unpark).
    atomic_fetch_add_explicit(&reg.wake_seq, 1, memory_order_seq_cst);
    wf_parking_lot_unpark_all(&reg.wake_seq);
}

void wf_stw_register(WfThreadState *ts) {
    wf_threads_lock(&reg.lock);
    // relaxed reads under the lock: `requested` is written under it.
    // seq_cst store: the status is read by requesters' CAS.
    int stopping = atomic_load_explicit(&reg.requested, memory_order_relaxed);
    atomic_store(&ts->status, stopping ? WF_THREAD_SUSPENDED : WF_THREAD_DETACHED);
    ts->rt_prev = NULL;
    ts->rt_next = reg.head;
    if (reg.head) reg.head->rt_prev = ts;
    reg.head = ts;
    ts->rt_registered = 1;
    wf_mutex_unlock(&reg.lock);
}

void wf_stw_unregister(WfThreadState *ts) {
    bool wake = false;
    wf_threads_lock(&reg.lock);
    if (ts->rt_registered) {
        if (ts->rt_prev) ts->rt_prev->rt_next = ts->rt_next;
        else reg.head = ts->rt_next;
        if (ts->rt_next) ts->rt_next->rt_prev = ts->rt_prev;
        ts->rt_next = ts->rt_prev = NULL;
        ts->rt_registered = 0;
        // relaxed: under the lock (writers hold it); our own status.
        if (atomic_load_explicit(&reg.requested, memory_order_relaxed) && reg.requester != ts &&
            atomic_load_explicit(&ts->status, memory_order_relaxed) != WF_THREAD_SUSPENDED) {
            wake = --reg.countdown == 0;  // counted (see the invariants): stop waiting for us
        }
    }
    atomic_store(&ts->status, WF_THREAD_DETACHED);
    wf_mutex_unlock(&reg.lock);
    if (wake) wake_requester();
}

void wf_stw_notify_detached(void) {
    // seq_cst: Dekker with the requester. It stores requested (seq_cst), then
    // reads the statuses; we stored DETACHED (seq_cst), then read requested.
    // Either it sees DETACHED and CASes us, or we see the request and wake it.
    if (atomic_load(&reg.requested)) wake_requester();
}

// Under reg.lock: suspend the detached threads, flag the attached ones.
static void park_detached_threads(void) {
    for (WfThreadState *t = reg.head; t; t = t->rt_next) {
        if (t == reg.requester) continue;
        // seq_cst: see wf_stw_notify_detached.
        int st = atomic_load(&t->status);
        for (;;) {
            if (st == WF_THREAD_DETACHED) {
                // seq_cst CAS: races with the thread's own DETACHED ->
                // ATTACHED CAS; exactly one wins. On failure st is reloaded.
                if (atomic_compare_exchange_strong(&t->status, &st, WF_THREAD_SUSPENDED)) {
                    reg.countdown--;
                    break;
                }
                continue;
            }
            if (st == WF_THREAD_ATTACHED) {
                // release: the thread's acquire load of its breaker pairs with
                // it (the flag itself is what matters).
                atomic_fetch_or_explicit(&t->eval_breaker, WF_EVAL_BREAKER_STW, memory_order_release);
            }
            break;  // SUSPENDED: already counted down, or registered during this request
        }
    }
}

void wf_stop_the_world(void) {
    WfThreadState *me = wf_tstate_current;
    // Detaches while waiting when attached: an earlier requester then stops us.
    wf_mutex_lock(&reg.stw_mutex);
    wf_threads_lock(&reg.lock);
    reg.requester = me && atomic_load_explicit(&me->status, memory_order_relaxed) == WF_THREAD_ATTACHED ? me : NULL;
    // seq_cst: see wf_stw_notify_detached.
    atomic_store(&reg.requested, 1);
    reg.countdown = 0;
    for (WfThreadState *t = reg.head; t; t = t->rt_next)
        if (t != reg.requester) reg.countdown++;
    for (;;) {
        // Read wake_seq before scanning: a thread that detaches after our
        // scan read its status bumps wake_seq after this read (seq_cst), so
        // the park below returns at once or is woken.
        uint32_t seq = atomic_load(&reg.wake_seq);
        park_detached_threads();
        if (reg.countdown == 0) break;
        wf_mutex_unlock(&reg.lock);
        wf_parking_lot_park(&reg.wake_seq, &seq, sizeof seq, -1, NULL, WF_SYNC_DONT_DETACH);
        wf_threads_lock(&reg.lock);
    }
    atomic_store_explicit(&reg.world_stopped, 1, memory_order_relaxed);  // lock-guarded write
    wf_mutex_unlock(&reg.lock);
}

void wf_start_the_world(void) {
    wf_threads_lock(&reg.lock);
    atomic_store(&reg.requested, 0);
    atomic_store_explicit(&reg.world_stopped, 0, memory_order_relaxed);
    for (WfThreadState *t = reg.head; t; t = t->rt_next) {
        if (t == reg.requester) continue;
        // seq_cst store: a thread's attach CAS that reads DETACHED
        // synchronizes with it, so what we did while the world was stopped
        // happens-before the thread runs again. Then wake it.
        atomic_store(&t->status, WF_THREAD_DETACHED);
        wf_parking_lot_unpark_all(&t->status);
    }
    reg.requester = NULL;
    wf_mutex_unlock(&reg.lock);
    wf_mutex_unlock(&reg.stw_mutex);
}

bool wf_world_is_stopped(void) {
    // acquire: a true answer comes after the stop completed.
    return atomic_load_explicit(&reg.world_stopped, memory_order_acquire) != 0;
}

bool wf_stw_suspend_if_requested(WfThreadState *ts) {
    // seq_cst: cheap check first (the common case is "no request").
    if (!atomic_load(&reg.requested)) return false;
    wf_threads_lock(&reg.lock);
    bool mine = atomic_load_explicit(&reg.requested, memory_order_relaxed) && reg.requester != ts &&
                ts->rt_registered;
    wf_mutex_unlock(&reg.lock);
    if (!mine) return false;
    // We are attached and counted (see the invariants), so the request cannot
    // end before we count ourselves down.
    wf_threads_detach_to(ts, WF_THREAD_SUSPENDED);
    wf_threads_lock(&reg.lock);
    bool wake = --reg.countdown == 0;
    wf_mutex_unlock(&reg.lock);
    if (wake) wake_requester();
    return true;
}

void wf_stw_request_poll_all(void) {
    wf_threads_lock(&reg.lock);
    for (WfThreadState *t = reg.head; t; t = t->rt_next) {
        // relaxed: a detached thread is offline and needs no nudge; a thread
        // that attaches meanwhile comes online with a fresh sequence anyway.
        if (atomic_load_explicit(&t->status, memory_order_relaxed) == WF_THREAD_ATTACHED)
            atomic_fetch_or_explicit(&t->eval_breaker, WF_EVAL_BREAKER_STW, memory_order_release);
    }
    wf_mutex_unlock(&reg.lock);
}

void wf_stw_after_fork_child(WfThreadState *ts, void (*dead)(WfThreadState *t)) {
    // Single-threaded now. The forking thread held stw_mutex (it stopped the
    // world before fork); a thread may have held the registry lock for a
    // moment (registering). The other states stay allocated (their objects'
    // ob_tid keeps naming them) but leave the registry, after `dead` ran on
    // each of them.
    reg.lock = (WfMutex)WF_MUTEX_INIT;
    reg.stw_mutex = (WfMutex)WF_MUTEX_INIT;
    for (WfThreadState *t = reg.head, *next; t; t = next) {
        next = t->rt_next;
        t->rt_next = t->rt_prev = NULL;
        t->rt_registered = 0;
        if (t != ts) dead(t);
    }
    reg.head = NULL;
    atomic_store_explicit(&reg.requested, 0, memory_order_relaxed);
    atomic_store_explicit(&reg.world_stopped, 0, memory_order_relaxed);
    reg.countdown = 0;
    reg.requester = NULL;
    if (ts) {
        ts->rt_registered = 1;
        reg.head = ts;
    }
}

void wf_stw_visit_threads(void (*visit)(WfThreadState *ts, void *arg), void *arg) {
    // The world is stopped by the caller: no registered thread runs. A new
    // thread may still register (SUSPENDED, before running any Python) and
    // an exiting one unregister, so walk under the registry lock (held by
    // nobody across a safe point, so taking it here cannot deadlock).
    wf_threads_lock(&reg.lock);
    for (WfThreadState *t = reg.head; t; t = t->rt_next) visit(t, arg);
    wf_mutex_unlock(&reg.lock);
}
