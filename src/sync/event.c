// event.c — WfEvent on the parking lot (invariant in event.h).
#include "sync/event.h"

#include "platform/time.h"
#include "sync/parking_lot.h"

void wf_event_set(WfEvent *event) {
    // release: publishes the setter's writes to waiters (their acquire
    // loads). acquire is not needed: we read nothing the waiters wrote.
    uint8_t old = atomic_exchange_explicit(&event->v, WF_EVENT_SET, memory_order_release);
    if (old == WF_EVENT_HAS_PARKED) wf_parking_lot_unpark_all(&event->v);
}

WfSyncResult wf_event_wait_ex(WfEvent *event, int64_t timeout_ns, int flags) {
    int64_t deadline = wf_time_deadline_ns(timeout_ns);
    for (;;) {
        // acquire: see wf_event_is_set.
        uint8_t v = atomic_load_explicit(&event->v, memory_order_acquire);
        if (v == WF_EVENT_SET) return WF_SYNC_OK;
        int64_t left = wf_time_remaining_ns(deadline);
        if (left == 0) return WF_SYNC_TIMEOUT;
        if (v == 0) {
            // relaxed: ordered against wf_event_set's exchange by v's
            // modification order; on failure we loop and re-read with acquire.
            uint8_t expected = 0;
            if (!atomic_compare_exchange_strong_explicit(&event->v, &expected, WF_EVENT_HAS_PARKED,
                                                         memory_order_relaxed, memory_order_relaxed))
                continue;
        }
        uint8_t parked = WF_EVENT_HAS_PARKED;
        WfParkResult r = wf_parking_lot_park(&event->v, &parked, 1, left, NULL, flags);
        if (r == WF_PARK_INTERRUPTED) return wf_event_is_set(event) ? WF_SYNC_OK : WF_SYNC_INTERRUPTED;
        if (r == WF_PARK_TIMEOUT) return wf_event_is_set(event) ? WF_SYNC_OK : WF_SYNC_TIMEOUT;
    }
}
