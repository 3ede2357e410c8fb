// once.h — WfOnce: run an initialization function exactly once, successfully.
//
// Invariants on the byte v:
// - 0 (not done) -> RUNNING (one thread runs fn) -> DONE, or back to 0 when fn
//   failed (a later caller retries). DONE is final.
// - HAS_PARKED is set (with RUNNING) while threads may be parked on &v
//   waiting for the runner; the runner wakes them all when it finishes.
// - fn's writes happen-before every wf_once_call that returns 0 and every
//   wf_once_is_done that returns true (release by the runner, acquire by them).
// All-zero is the initial state: zero-initialized memory is a valid WfOnce.
#ifndef WF_SYNC_ONCE_H
#define WF_SYNC_ONCE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#define WF_ONCE_RUNNING 1
#define WF_ONCE_HAS_PARKED 2
#define WF_ONCE_DONE 4

typedef struct WfOnce {
    _Atomic uint8_t v;
} WfOnce;

#define WF_ONCE_INIT {0}

// Slow path (once.c): call wf_once_call.
int wf_once_call_slow(WfOnce *once, int (*fn)(void *arg), void *arg);

// Run fn(arg) if no call has succeeded yet; concurrent callers wait (parked,
// detached) for the running one. fn returns 0 on success, -1 on failure
// (then the WfOnce stays not-done and the next caller runs fn again).
// Returns 0 once initialization is done, -1 if this caller's fn failed.
// fn must not call wf_once_call on the same WfOnce (it would wait forever).
static inline int wf_once_call(WfOnce *once, int (*fn)(void *arg), void *arg) {
    // acquire: pairs with the runner's release, so fn's writes are visible.
    if (atomic_load_explicit(&once->v, memory_order_acquire) == WF_ONCE_DONE) return 0;
    return wf_once_call_slow(once, fn, arg);
}

// Whether initialization has completed (fn's writes are then visible).
static inline bool wf_once_is_done(WfOnce *once) {
    // acquire: as in wf_once_call.
    return atomic_load_explicit(&once->v, memory_order_acquire) == WF_ONCE_DONE;
}

#endif
