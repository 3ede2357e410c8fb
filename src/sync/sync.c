// sync.c — the park hooks (see sync.h for their invariant: set once at
// start-up, before threads, then read-only).
#include "sync/sync.h"

#include <stddef.h>

WfSyncBeforePark wf_sync_before_park = NULL;
WfSyncAfterPark wf_sync_after_park = NULL;

void wf_sync_set_park_hooks(WfSyncBeforePark before, WfSyncAfterPark after) {
    if (!before || !after) before = NULL, after = NULL;
    wf_sync_before_park = before;
    wf_sync_after_park = after;
}
