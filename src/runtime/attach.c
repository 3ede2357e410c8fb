// attach.c — thread status transitions (attach / detach), the sync park
// hooks, thread start and exit, the safe-point poll, and fork (after CPython
// 3.14's _PyThreadState_Attach / _PyThreadState_Detach in Python/pystate.c).
//
// Invariants (see also runtime/threads.h):
// - Only the thread itself moves its status out of ATTACHED (a seq_cst
//   store) and into ATTACHED (a seq_cst CAS from DETACHED); stop-the-world
//   moves DETACHED -> SUSPENDED -> DETACHED. So a thread that reads its own
//   status as ATTACHED reads a stable value.
// - Detach order: suspend critical sections, QSBR offline, status, release the
//   GIL. Attach order: take the GIL, status (waiting while SUSPENDED), QSBR
//   online, resume the innermost critical section. Hence a detached thread
//   holds no object lock and no GIL, and touches no object.
// - wf_tstate_current stays set while detached (it names the state to
//   re-attach); a thread without a state never attaches.
//
// This file must not include vm/eval.h: it holds the strong definition of
// wf_runtime_stw_poll, which eval.h declares weak.
#include <stdio.h>
#include <stdlib.h>

#include "runtime/critical_section.h"
#include "runtime/threads.h"
#include "runtime/threads_internal.h"
#include "sync/parking_lot.h"
#include "sync/qsbr.h"
#include "sync/sync.h"

void wf_threads_fatal(const char *what) {
    fprintf(stderr, "weft: fatal error: %s\n", what);
    abort();
}

// ---------------------------------------------------------------------------
// Detach / attach

void wf_threads_detach_to(WfThreadState *ts, int state) {
    if (ts->critical_section) wf_critical_section_suspend_all(ts);
    if (ts->qsbr) wf_qsbr_offline(ts->qsbr);
    // seq_cst: see wf_stw_notify_detached (Dekker with a requester).
    atomic_store(&ts->status, state);
    if (state == WF_THREAD_DETACHED) wf_stw_notify_detached();
    if (ts->gil_held) wf_gil_drop(ts, false);
}

void wf_thread_detach(void) {
    WfThreadState *ts = wf_tstate_current;
    // relaxed: our own status (stable while ATTACHED, see the invariants).
    if (!ts || atomic_load_explicit(&ts->status, memory_order_relaxed) != WF_THREAD_ATTACHED) return;
    wf_threads_detach_to(ts, WF_THREAD_DETACHED);
}

static bool try_attach(WfThreadState *ts) {
    int expected = WF_THREAD_DETACHED;
    // seq_cst: synchronizes with wf_start_the_world's store (everything the
    // requester did while we were stopped is visible) and races correctly
    // with a requester's DETACHED -> SUSPENDED CAS.
    return atomic_compare_exchange_strong(&ts->status, &expected, WF_THREAD_ATTACHED);
}

static void wait_attach(WfThreadState *ts) {
    do {
        // relaxed: a hint; the CAS decides.
        int st = atomic_load_explicit(&ts->status, memory_order_relaxed);
        if (st == WF_THREAD_SUSPENDED) {
            // Until wf_start_the_world stores DETACHED and unparks us.
            wf_parking_lot_park(&ts->status, &st, sizeof st, -1, NULL, WF_SYNC_DONT_DETACH);
        }
    } while (!try_attach(ts));
}

void wf_thread_attach(void) {
    WfThreadState *ts = wf_tstate_current;
    // relaxed: our own status; only we move it to ATTACHED.
    if (!ts || atomic_load_explicit(&ts->status, memory_order_relaxed) == WF_THREAD_ATTACHED) return;
    for (;;) {
        if (wf_gil_is_enabled() && !ts->gil_held) wf_gil_take(ts);
        if (!try_attach(ts)) wait_attach(ts);
        // The GIL may have been turned on after our check (we were stopped
        // for it): then we are attached without it. Detach and start over.
        if (wf_gil_is_enabled() && !ts->gil_held) {
            atomic_store(&ts->status, WF_THREAD_DETACHED);  // seq_cst, as in detach
            wf_stw_notify_detached();
            continue;
        }
        break;
    }
    if (ts->qsbr) wf_qsbr_online(ts->qsbr);
    if (ts->critical_section & WF_CS_INACTIVE) wf_critical_section_resume(ts);
}

bool wf_thread_is_attached(void) {
    WfThreadState *ts = wf_tstate_current;
    // relaxed: our own status.
    return ts && atomic_load_explicit(&ts->status, memory_order_relaxed) == WF_THREAD_ATTACHED;
}

// ---------------------------------------------------------------------------
// The park hooks: every WfMutex / WfEvent / WfOnce wait with WF_SYNC_DETACH
// (the default) detaches the attached thread while it sleeps.

static void *before_park(void) {
    WfThreadState *ts = wf_tstate_current;
    if (!ts || atomic_load_explicit(&ts->status, memory_order_relaxed) != WF_THREAD_ATTACHED) return NULL;
    wf_threads_detach_to(ts, WF_THREAD_DETACHED);
    return ts;
}

static void after_park(void *cookie) {
    if (cookie) wf_thread_attach();
}

// ---------------------------------------------------------------------------
// QSBR hooks

static void qsbr_request_quiescence(void) { wf_stw_request_poll_all(); }

static void qsbr_synchronize(void) {
    // After a stop-the-world every other thread has been offline (detached or
    // suspended) since the call began. Inside our own stop there is nothing to do.
    if (wf_world_is_stopped()) return;
    wf_stop_the_world();
    wf_start_the_world();
}

// ---------------------------------------------------------------------------
// Start-up, thread start and exit

int wf_threads_register_current(void) {
    WfThreadState *ts = wf_tstate_current;
    if (!ts) return -1;
    if (ts->rt_registered) return 0;
    if (!ts->qsbr) {
        ts->qsbr = wf_qsbr_register();
        if (!ts->qsbr) return -1;
    }
    // Treat the thread as detached while it registers (the state was created
    // ATTACHED but nobody could see it yet), then attach properly: that waits
    // out a stop-the-world in progress and takes the GIL in GIL mode.
    atomic_store(&ts->status, WF_THREAD_DETACHED);
    wf_stw_register(ts);
    wf_thread_attach();
    return 0;
}

int wf_threads_runtime_init(void) {
    static const WfQsbrHooks hooks = {
        .alloc = wf_mem_malloc,
        .dealloc = wf_mem_free,
        .request_quiescence = qsbr_request_quiescence,
        .synchronize = qsbr_synchronize,
    };
    wf_qsbr_init(&hooks);
    wf_gil_init();
    wf_sync_set_park_hooks(before_park, after_park);
    return wf_threads_register_current();
}

WfThreadState *wf_thread_start_current(void) {
    WfThreadState *ts = wf_thread_state_new_current();
    if (!ts) return NULL;
    if (wf_threads_register_current() < 0) {
        wf_thread_state_delete_current();
        return NULL;
    }
    return ts;
}

void wf_thread_exit_current(void) {
    WfThreadState *ts = wf_tstate_current;
    if (!ts) return;
    wf_thread_attach();  // merging may free objects
    if (ts->critical_section) wf_threads_fatal("thread exits inside a critical section");
    // Merge what is queued to us and close the queue: from now on whoever
    // releases an object we still own merges it (its ob_tid names this state,
    // which is never freed or reused, so it matches no live thread).
    wf_brc_thread_exit(ts);
    // Leave: QSBR (pending frees become orphans), the registry (an ongoing
    // stop-the-world stops waiting for us), the GIL (no forced switch).
    if (ts->qsbr) {
        wf_qsbr_offline(ts->qsbr);
        wf_qsbr_unregister(ts->qsbr);
        ts->qsbr = NULL;
    }
    wf_stw_unregister(ts);  // status DETACHED
    if (ts->gil_held) wf_gil_drop(ts, true);
    wf_thread_state_delete_current();
}

// ---------------------------------------------------------------------------
// The safe-point poll (eval breaker: WF_EVAL_BREAKER_STW / _GIL_DROP)

void wf_runtime_stw_poll(void) {
    WfThreadState *ts = wf_tstate_current;
    if (!ts || atomic_load_explicit(&ts->status, memory_order_relaxed) != WF_THREAD_ATTACHED) return;
    // Stop-the-world: we went SUSPENDED; attaching waits for the restart.
    if (wf_stw_suspend_if_requested(ts)) wf_thread_attach();
    // Another thread waited a whole switch interval for the GIL: hand it over
    // (the drop waits until someone else took it) and queue up again.
    if (ts->gil_held && wf_gil_drop_requested()) {
        wf_thread_detach();
        wf_thread_attach();
    }
    if (ts->qsbr) {
        wf_qsbr_quiescent(ts->qsbr);
        wf_qsbr_process(ts->qsbr);
    }
}

// ---------------------------------------------------------------------------
// fork

void wf_threads_before_fork(void) { wf_stop_the_world(); }

void wf_threads_after_fork_parent(void) { wf_start_the_world(); }

static void thread_died_in_fork(WfThreadState *t) {
    // Single-threaded: we may merge the objects queued to the dead thread.
    wf_brc_thread_exit(t);
    t->qsbr = NULL;  // its slot is released by wf_qsbr_after_fork
    t->gil_held = 0;
}

void wf_threads_after_fork_child(void) {
    WfThreadState *ts = wf_tstate_current;
    wf_parking_lot_after_fork();
    wf_stw_after_fork_child(ts, thread_died_in_fork);
    wf_qsbr_after_fork(ts ? ts->qsbr : NULL);
    wf_gil_after_fork_child(ts);
}
