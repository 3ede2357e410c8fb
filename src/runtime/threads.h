// threads.h — the threads runtime: attaching and detaching threads, thread
// start and exit, stop-the-world, the optional GIL, and the biased-refcount
// queues (docs/threads.md). Critical sections: runtime/critical_section.h.
// QSBR: sync/qsbr.h.
//
// Invariants:
// - A thread that runs Python code has a WfThreadState whose status is
//   ATTACHED while it may touch objects and DETACHED while it blocks in C.
//   Only the thread itself leaves ATTACHED, and goes DETACHED -> ATTACHED
//   (CAS). SUSPENDED is set by a stop-the-world: by the requester on a
//   DETACHED thread (CAS) or by the thread itself at its eval-breaker poll;
//   only wf_start_the_world leaves it. A SUSPENDED thread cannot attach.
// - Stop-the-world sees only the threads in its registry: the main thread
//   (wf_threads_runtime_init) and those started with wf_thread_start_current
//   (or registered with wf_threads_register_current), until
//   wf_thread_exit_current.
// - In GIL mode (wf_runtime.gil_enabled) an attached thread holds the GIL.
#ifndef WF_RUNTIME_THREADS_H
#define WF_RUNTIME_THREADS_H

#include <stdbool.h>
#include <stdint.h>

#include "objects/object.h"
#include "runtime/thread_state.h"

// --- Start-up ---------------------------------------------------------------

// Call once from the main thread right after its WfThreadState exists and
// wf_runtime.gil_enabled / switch_interval are set, before any other thread:
// registers the main thread (attached; it takes the GIL in GIL mode),
// installs the sync park hooks (every blocking WfMutex/WfEvent/WfOnce wait
// detaches), and initializes QSBR (bookkeeping and storage via wf_mem_*).
// Returns 0, or -1 when out of memory (no exception: the runtime is not up).
int wf_threads_runtime_init(void);

// --- Thread lifecycle -------------------------------------------------------

// In a new OS thread: create its state (wf_thread_state_new_current),
// register it, and attach (waiting out a stop-the-world; taking the GIL in
// GIL mode). Returns the state, or NULL when out of memory.
WfThreadState *wf_thread_start_current(void);
// Register a state created by wf_thread_state_new_current (attached) with the
// threads runtime; wf_thread_start_current does this itself. 0 or -1 (OOM).
int wf_threads_register_current(void);
// Last call of a thread that ran Python (it must be attached, outside every
// critical section): merges the objects queued to it and closes its queue
// (later releases of objects it still owns merge at once: their ob_tid keeps
// naming this dead state, which is never reused), hands its pending QSBR
// frees over, unregisters from stop-the-world, releases the GIL, and deletes
// the state (wf_thread_state_delete_current). The thread must not touch
// objects afterwards.
void wf_thread_exit_current(void);

// --- Attach / detach ------------------------------------------------------------

// Detach the calling thread (it is about to block in C): suspend its critical
// sections, go QSBR-offline, status DETACHED, release the GIL. No-op when it
// has no state or is not attached.
void wf_thread_detach(void);
// Re-attach: take the GIL (GIL mode), wait while a stop-the-world holds the
// thread SUSPENDED, status ATTACHED, QSBR online, relock the innermost
// critical section. No-op when it has no state or is attached.
void wf_thread_attach(void);
// Whether the calling thread is attached.
bool wf_thread_is_attached(void);

// --- Stop-the-world -------------------------------------------------------------

// Stop every other registered thread: attached ones at their next eval-breaker
// poll, detached ones at once (they cannot re-attach). Returns once all are
// SUSPENDED. The caller may be attached (it stays attached and is not waited
// for) or detached / without state. Concurrent requests are serialized (a
// waiting requester is detached meanwhile, so the first one stops it too).
// Not re-entrant: one thread must not nest two requests.
void wf_stop_the_world(void);
// Restart the threads stopped by the calling thread's wf_stop_the_world.
void wf_start_the_world(void);
// Call `visit` on every registered thread state (the caller's included).
// Only while the calling thread has the world stopped.
void wf_stw_visit_threads(void (*visit)(WfThreadState *ts, void *arg), void *arg);
// Whether a stop-the-world is in effect (for assertions, e.g. in the GC).
bool wf_world_is_stopped(void);

// The safe-point poll (the eval breaker calls it for WF_EVAL_BREAKER_STW and
// WF_EVAL_BREAKER_GIL_DROP; it replaces eval.h's weak reference): parks for a
// stop-the-world, hands the GIL over when another thread asked for it, reports
// a QSBR quiescent point and frees what the thread's QSBR queue allows. The
// calling thread must be attached.
void wf_runtime_stw_poll(void);

// --- GIL mode ---------------------------------------------------------------

// Turn the GIL on while threads may be running (importing an extension module
// without free-threading support): stops the world, enables, restarts.
// Returns 1 if this call enabled it, 0 if it was already on. The caller must
// be attached and outside critical sections' assumptions (it detaches).
int wf_gil_enable_at_runtime(void);
// Whether the GIL is enabled (sys._is_gil_enabled()).
bool wf_gil_is_enabled(void);
// sys.setswitchinterval / getswitchinterval (seconds; > 0 checked by caller).
void wf_gil_set_switch_interval(double seconds);
double wf_gil_get_switch_interval(void);
// Number of GIL hand-overs so far (diagnostics, tests).
uint64_t wf_gil_switch_number(void);

// --- Biased reference counting (runtime/brc.c) ---------------------------------

// Queue o to its owner (called by wf_refcount_decref_shared after moving o
// to QUEUED); merges at once when the owner has exited.
void wf_brc_queue_object(WfObject *o);
// Merge the objects queued to ts (the calling thread, its owner): the eval
// breaker's WF_EVAL_BREAKER_BRC branch.
void wf_refcount_merge_queued(WfThreadState *ts);
// Merge what is queued and close the queue (thread exit; owner only).
void wf_brc_thread_exit(WfThreadState *ts);
bool wf_brc_thread_is_dead(WfThreadState *ts);

// --- fork ---------------------------------------------------------------------

// Around fork(): before stops the world (the caller must be attached); in the
// parent, after restarts it; in the child, after makes the forking thread the
// only registered one (the other states stay allocated but dead), resets the
// runtime locks and the parking lot, and restarts.
void wf_threads_before_fork(void);
void wf_threads_after_fork_parent(void);
void wf_threads_after_fork_child(void);

#endif
