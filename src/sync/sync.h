// sync.h — what the whole sync layer shares: the detach/attach hooks a thread
// calls around parking, the flags of blocking calls, and their results.
//
// Invariant: wf_sync_before_park and wf_sync_after_park are one global pair,
// set once at start-up (wf_sync_set_park_hooks) before any second thread
// exists and never changed afterwards, so every thread reads them without
// synchronization (thread creation orders the write before their reads).
// Both are NULL or both are set.
//
// The runtime installs hooks that detach the calling thread from the
// interpreter (before) and re-attach it (after). That is how a thread blocked
// in a lock wait suspends its critical sections and lets stop-the-world
// proceed without waiting for it. The layer itself knows nothing of threads
// states: the cookie is opaque (e.g. the WfThreadState to re-attach, or NULL
// when the thread was not attached).
#ifndef WF_SYNC_SYNC_H
#define WF_SYNC_SYNC_H

typedef void *(*WfSyncBeforePark)(void);
typedef void (*WfSyncAfterPark)(void *cookie);

// Called by a parking thread with WF_SYNC_DETACH, after it is queued and just
// before it sleeps; its result is passed to wf_sync_after_park once it wakes
// (before the blocking call returns). Neither may call back into a blocking
// call with WF_SYNC_DETACH (they may lock a WfMutex with WF_SYNC_DONT_DETACH).
extern WfSyncBeforePark wf_sync_before_park;
extern WfSyncAfterPark wf_sync_after_park;

// Install the pair (both non-NULL, or both NULL to remove them). Call only at
// start-up, while the process has a single thread.
void wf_sync_set_park_hooks(WfSyncBeforePark before, WfSyncAfterPark after);

// Flags of blocking calls (wf_parking_lot_park, wf_mutex_lock_ex, ...).
enum {
    WF_SYNC_DONT_DETACH = 0,    // sleep attached: no hooks (runtime-internal locks)
    WF_SYNC_DETACH = 1,         // call the park hooks around the sleep
    WF_SYNC_INTERRUPTIBLE = 2,  // return WF_SYNC_INTERRUPTED when a signal handler ran
};

// Result of a blocking acquire / wait.
typedef enum {
    WF_SYNC_TIMEOUT = 0,      // not acquired: the timeout passed (or try-lock failed)
    WF_SYNC_OK = 1,           // acquired / the event is set
    WF_SYNC_INTERRUPTED = 2,  // not acquired: a signal arrived (WF_SYNC_INTERRUPTIBLE only)
} WfSyncResult;

#endif
