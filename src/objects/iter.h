// iter.h — generic iterator types: the sequence iterator (iter() over
// __getitem__), the callable iterator (iter(f, sentinel)), and the builtin
// iterator types enumerate, zip, map, filter, reversed.
// Invariant: an exhausted iterator stays exhausted; it keeps its references
// until deallocated (so a concurrent next() never uses a freed input).
// Shared between threads, these iterators never crash: positions and counts
// are claimed atomically, and multi-input zip/map fetch each round under the
// iterator's critical section (see iter.c).
#ifndef WF_ITER_H
#define WF_ITER_H

#include "objects/object.h"

extern WfTypeObject wf_seq_iter_type, wf_callable_iter_type, wf_enumerate_type, wf_zip_type,
    wf_map_type, wf_filter_type, wf_reversed_type;

WfObject *wf_seq_iter_new(WfObject *seq);
WfObject *wf_callable_iter_new(WfObject *callable, WfObject *sentinel);

#endif
