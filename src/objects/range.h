// range.h — range, slice, and their helpers. Both immutable.
#ifndef WF_RANGE_H
#define WF_RANGE_H

#include "objects/object.h"

typedef struct {
    WfObject ob_base;
    WfObject *start, *stop, *step, *length;  // ints (tagged or big)
} WfRangeObject;

typedef struct {
    WfObject ob_base;
    WfObject *start, *stop, *step;           // any objects (None when omitted)
} WfSliceObject;

extern WfTypeObject wf_range_type, wf_range_iter_type, wf_long_range_iter_type, wf_slice_type;

WfObject *wf_range_new(WfObject *start, WfObject *stop, WfObject *step);
WfObject *wf_slice_new(WfObject *start, WfObject *stop, WfObject *step);  // NULL → None
WF_INLINE bool wf_slice_check(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_slice_type; }
// slice.indices(length) in C: 0 ok / -1 error; *slicelength set (CPython's
// PySlice_GetIndicesEx = Unpack + AdjustIndices).
int wf_slice_unpack(WfObject *slice, wf_ssize *start, wf_ssize *stop, wf_ssize *step);
wf_ssize wf_slice_adjust_indices(wf_ssize length, wf_ssize *start, wf_ssize *stop, wf_ssize step);
int wf_slice_get_indices(WfObject *slice, wf_ssize length, wf_ssize *start, wf_ssize *stop, wf_ssize *step, wf_ssize *slicelength);
// slice.indices() for arbitrary int lengths (CPython's _PySlice_GetLongIndices):
// new references to clamped start/stop and the step (ints). 0 ok / -1 error.
int wf_slice_get_long_indices(WfObject *slice, WfObject *length, WfObject **start, WfObject **stop, WfObject **step);

#endif
