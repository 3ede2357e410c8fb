// threads_internal.h — what runtime/attach.c, stw.c and gil.c share; not for
// other areas (they use runtime/threads.h).
//
// Lock order: stop-the-world's serializing mutex (may detach while waiting)
// before the registry lock; object mutexes before the registry lock (the
// registry lock is never held while taking an object lock). The registry
// lock and the GIL's mutex are never held together, and never detach.
#ifndef WF_RUNTIME_THREADS_INTERNAL_H
#define WF_RUNTIME_THREADS_INTERNAL_H

#include <stdbool.h>

#include "runtime/thread_state.h"
#include "sync/mutex.h"

// Runtime-internal locking: never detaches (see docs/sync.md).
static inline void wf_threads_lock(WfMutex *m) { (void)wf_mutex_lock_ex(m, -1, WF_SYNC_DONT_DETACH); }

void wf_threads_fatal(const char *what) __attribute__((noreturn));

// attach.c: detach the calling (attached) thread into `state` (DETACHED or
// SUSPENDED): suspend critical sections, QSBR offline, status, drop the GIL.
void wf_threads_detach_to(WfThreadState *ts, int state);

// stw.c: the registry and stop-the-world.
// Add ts (the calling thread's state) with status DETACHED, or SUSPENDED
// while a stop-the-world is in effect; the caller then attaches.
void wf_stw_register(WfThreadState *ts);
// Remove ts (the calling thread, attached); an ongoing stop-the-world stops
// waiting for it.
void wf_stw_unregister(WfThreadState *ts);
// After a thread stored DETACHED (seq_cst): wake a requester that may be
// waiting for it.
void wf_stw_notify_detached(void);
// At the poll: if a stop-the-world (not ours) is requested, detach into
// SUSPENDED, count ourselves stopped and return true (the caller attaches,
// which waits for the restart).
bool wf_stw_suspend_if_requested(WfThreadState *ts);
// Ask every attached thread to run the poll soon (sets WF_EVAL_BREAKER_STW;
// the poll then only reports a QSBR quiescent point): QSBR's nudge.
void wf_stw_request_poll_all(void);
// In the child after fork: ts (the forking thread, or NULL) becomes the only
// registered thread; `dead` runs on every other registered state first.
void wf_stw_after_fork_child(WfThreadState *ts, void (*dead)(WfThreadState *t));

// gil.c (the GIL's mutex never detaches; take/drop run while detached).
void wf_gil_init(void);
void wf_gil_take(WfThreadState *ts);
// final: the thread exits (no forced-switch wait).
void wf_gil_drop(WfThreadState *ts, bool final);
bool wf_gil_drop_requested(void);
void wf_gil_after_fork_child(WfThreadState *ts);

#endif
