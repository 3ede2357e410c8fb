// tuple.h — tuple: immutable array of references, items inline.
// Invariant: after wf_tuple_new returns to Python code every item is non-NULL;
// items are set only by the creator before the tuple is shared, so any thread
// reads a shared tuple without a lock. Its iterator claims positions
// atomically (each item once when shared between threads).
#ifndef WF_TUPLE_H
#define WF_TUPLE_H

#include "objects/object.h"

typedef struct {
    WfVarObject ob_base;   // ob_size: number of items
    WfObject *items[];
} WfTupleObject;

extern WfTypeObject wf_tuple_type, wf_tuple_iter_type;

WF_INLINE bool wf_tuple_check(WfObject *o) {
    return !wf_is_smallint(o) && wf_type_has_flag(o->ob_type, WF_TPFLAGS_TUPLE_SUBCLASS);
}
WF_INLINE bool wf_tuple_check_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_tuple_type; }
WF_INLINE wf_ssize wf_tuple_size(WfObject *t) { return ((WfVarObject *)t)->ob_size; }
WF_INLINE WfObject **wf_tuple_items(WfObject *t) { return ((WfTupleObject *)t)->items; }
WF_INLINE WfObject *wf_tuple_get_borrow(WfObject *t, wf_ssize i) { return ((WfTupleObject *)t)->items[i]; }
// Set item i of a fresh tuple; steals v.
WF_INLINE void wf_tuple_set_take(WfObject *t, wf_ssize i, WfObject *v) { ((WfTupleObject *)t)->items[i] = v; }

WfObject *wf_tuple_new(wf_ssize size);                                // items NULL; fill with wf_tuple_set_take
WfObject *wf_tuple_empty(void);                                       // () (immortal)
WfObject *wf_tuple_from_array(WfObject *const *items, wf_ssize n);    // increfs items
WfObject *wf_tuple_from_array_take(WfObject **items, wf_ssize n);     // steals items
WfObject *wf_tuple_pack(wf_ssize n, ...);                             // increfs
WfObject *wf_tuple_from_iterable(WfObject *iterable);                 // tuple(x)
WfObject *wf_tuple_slice(WfObject *t, wf_ssize lo, wf_ssize hi);
intptr_t wf_tuple_hash(WfObject *t);                                  // CPython's xxHash-based tuplehash

#endif
