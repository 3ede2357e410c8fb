// list.h — list: a mutable array of references.
//
// Invariants (details in list.c):
// - ob_item is NULL (empty, no storage) or points at the `items` of a
//   WfListArray whose `allocated` >= ob_size; slots past ob_size are NULL.
//   Storage is never resized in place nor installed twice: growing allocates
//   a new array, copies, publishes it with a release store, and frees the old
//   one through QSBR (so a lock-free reader that loaded the old pointer can
//   still read it).
// - All mutation happens inside the list's critical section (its ob_mutex),
//   with atomic stores into installed storage. Readers of one item (lst[i],
//   len) need no lock: load ob_item (acquire), bounds-check against its
//   array's `allocated`, load the item, try-incref, re-check slot and ob_item.
// - wf_list_get_borrow_unsafe / wf_list_set_take_unsafe touch the array
//   directly: only for a list no other thread can reach yet (being built) or
//   while holding its critical section.
#ifndef WF_LIST_H
#define WF_LIST_H

#include "objects/object.h"

typedef struct {
    wf_ssize allocated;
    WfObject *items[];
} WfListArray;

typedef struct {
    WfVarObject ob_base;   // ob_size: length
    WfObject **ob_item;
} WfListObject;

extern WfTypeObject wf_list_type, wf_list_iter_type, wf_list_reviter_type;

WF_INLINE bool wf_list_check(WfObject *o) {
    return !wf_is_smallint(o) && wf_type_has_flag(o->ob_type, WF_TPFLAGS_LIST_SUBCLASS);
}
WF_INLINE bool wf_list_check_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_list_type; }
// Relaxed atomic load: the size may change concurrently (a snapshot).
WF_INLINE wf_ssize wf_list_size(WfObject *l) { return __atomic_load_n(&((WfVarObject *)l)->ob_size, __ATOMIC_RELAXED); }
// Borrowed item without bounds check; only for code holding the list (its owner
// thread or its critical section).
WF_INLINE WfObject *wf_list_get_borrow_unsafe(WfObject *l, wf_ssize i) { return ((WfListObject *)l)->ob_item[i]; }

WfObject *wf_list_new(wf_ssize size);                 // size NULL items (caller fills with wf_list_set_take_unsafe)
WF_INLINE void wf_list_set_take_unsafe(WfObject *l, wf_ssize i, WfObject *v) { ((WfListObject *)l)->ob_item[i] = v; }
WfObject *wf_list_get_item(WfObject *l, wf_ssize i);  // new ref; IndexError "list index out of range"
int wf_list_set_item_take(WfObject *l, wf_ssize i, WfObject *v);
int wf_list_append(WfObject *l, WfObject *v);         // increfs v
int wf_list_append_take(WfObject *l, WfObject *v);    // steals v
int wf_list_extend(WfObject *l, WfObject *iterable);
int wf_list_insert(WfObject *l, wf_ssize i, WfObject *v);
WfObject *wf_list_from_iterable(WfObject *iterable);  // list(x)
WfObject *wf_list_from_array(WfObject *const *items, wf_ssize n);
WfObject *wf_list_as_tuple(WfObject *l);
int wf_list_sort(WfObject *l, WfObject *key, bool reverse);  // stable; key may be NULL
int wf_list_reverse(WfObject *l);
WfObject *wf_list_slice(WfObject *l, wf_ssize lo, wf_ssize hi);
// The sort algorithm (list_sort.c) on a detached array: CPython's timsort
// (powersort merge policy), `<` comparisons only, key called once per item.
// On error the array is some permutation of its input. Used by wf_list_sort.
int wf_list_sort_array(WfObject **items, wf_ssize n, WfObject *key, bool reverse);

#endif
