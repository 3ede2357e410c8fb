// thread.h — what the files of the _thread module share (thread.c: the
// module, thread start/exit, thread handles, shutdown; thread_lock.c: lock
// and RLock; thread_local.c: _local). Not a public API: other areas use
// threading / _thread through Python.
//
// Invariant: a blocking wait of this module goes through
// wf_thread_wait_mutex / wf_thread_wait_event, which detach the thread
// while it is parked (critical sections suspended, stop-the-world and the
// GIL not held up) and run signal handlers when a signal interrupts them.
#ifndef WF_MODULES_THREAD_H
#define WF_MODULES_THREAD_H

#include <stdint.h>

#include "objects/object.h"
#include "sync/event.h"
#include "sync/mutex.h"

// --- thread.c -----------------------------------------------------------------

// The _thread module (registered in modules/registry.c).
WfObject *wf_thread_module_new(void);

// Convert a timeout object (int or float seconds) to nanoseconds: -1 stays
// -1 (meaning "forever" for acquire), other negatives are rejected by the
// caller. OverflowError past TIMEOUT_MAX, TypeError for other types.
// 0 or -1 (with an exception).
int wf_thread_timeout_ns(WfObject *timeout, int64_t *ns);

// Parse lock.acquire(blocking=True, timeout=-1) into a timeout in ns: -1
// forever, 0 try once, > 0 bounded. CPython's checks and messages. 0 / -1.
int wf_thread_parse_acquire(const char *fname, WfObject *const *args, size_t nargs, WfObject *kwnames,
                            int64_t *timeout_ns);

// Acquire m within timeout_ns (-1 forever, 0 try). Detaches while parked;
// when a signal interrupts the wait, runs the handlers (an exception they
// raise, e.g. KeyboardInterrupt, is returned as -1) and waits for the time
// left. 1 acquired, 0 timed out, -1 exception.
int wf_thread_wait_mutex(WfMutex *m, int64_t timeout_ns);
// The same for waiting until an event is set: 1 set, 0 timed out, -1 exception.
int wf_thread_wait_event(WfEvent *e, int64_t timeout_ns);

// The calling thread's ident (threading.get_ident()).
unsigned long wf_thread_current_ident(void);

// In the child after fork() (for os.fork, after wf_threads_after_fork_child):
// marks the handles of the threads that did not survive as done, resets the
// thread count and this module's locks.
void wf_thread_after_fork_child(void);

// --- thread_lock.c ------------------------------------------------------------

extern WfTypeObject wf_thread_lock_type;   // _thread.lock / LockType
extern WfTypeObject wf_thread_rlock_type;  // _thread.RLock
// allocate_lock(): a new unlocked lock.
WfObject *wf_thread_lock_new(void);

// --- thread_local.c -----------------------------------------------------------

extern WfTypeObject wf_thread_local_type;  // _thread._local
// Called by a thread started by this module just before it leaves the
// runtime (attached, no exception pending): drops its per-thread dicts of
// every _local (their values' __del__ may run here).
void wf_thread_local_thread_exit(void);
// After fork() in the child: resets the registry lock.
void wf_thread_local_after_fork_child(void);

#endif
