// event.h — WfEvent: a one-shot event. Threads wait until it is set; once
// set it stays set.
//
// Invariants on the byte v: 0 (unset) -> HAS_PARKED (unset, threads may be
// parked on &v) -> SET, or 0 -> SET directly. SET is final. Everything the
// setter wrote before wf_event_set happens-before the return of every wait
// that reports the event set.
// All-zero is the unset state: zero-initialized memory is a valid WfEvent.
#ifndef WF_SYNC_EVENT_H
#define WF_SYNC_EVENT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "sync/sync.h"

#define WF_EVENT_SET 1
#define WF_EVENT_HAS_PARKED 2

typedef struct WfEvent {
    _Atomic uint8_t v;
} WfEvent;

#define WF_EVENT_INIT {0}

// Set the event and wake every waiter. Setting twice is harmless.
void wf_event_set(WfEvent *event);

// Whether the event is set.
static inline bool wf_event_is_set(WfEvent *event) {
    // acquire: a true answer must make the setter's writes visible.
    return atomic_load_explicit(&event->v, memory_order_acquire) == WF_EVENT_SET;
}

// Wait until set, for at most timeout_ns (< 0: forever, 0: just test).
// Returns WF_SYNC_OK (set), WF_SYNC_TIMEOUT or, with WF_SYNC_INTERRUPTIBLE,
// WF_SYNC_INTERRUPTED. flags as for wf_parking_lot_park.
WfSyncResult wf_event_wait_ex(WfEvent *event, int64_t timeout_ns, int flags);

// Wait forever (detached while parked).
static inline void wf_event_wait(WfEvent *event) { (void)wf_event_wait_ex(event, -1, WF_SYNC_DETACH); }

// Wait at most timeout_ns (detached while parked); true if the event is set.
static inline bool wf_event_wait_timed(WfEvent *event, int64_t timeout_ns) {
    return wf_event_wait_ex(event, timeout_ns, WF_SYNC_DETACH) == WF_SYNC_OK;
}

#endif
