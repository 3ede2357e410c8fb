// containers.h — the containers area: startup, plus helpers shared by the
// container types (tuple, list, dict, set, range, slice, iterators).
//
// Invariants:
// - The repr guard is a per-thread set of the containers whose repr is being
//   computed on that thread (CPython's Py_ReprEnter); it is empty whenever no
//   repr is running, and its storage is then freed.
// - The deallocation limiter bounds the C recursion of container deallocs
//   (CPython's trashcan): past a fixed nesting depth, exact-type containers
//   are parked on a per-thread list and deallocated once the outermost dealloc
//   returns. Parked objects are dead (count zero); only their ob_tid word is
//   reused as the link.
#ifndef WF_CONTAINERS_H
#define WF_CONTAINERS_H

#include "objects/object.h"

// Ready every container type (tuple, list, dict + views + iterators, set,
// frozenset, range, slice, iterator types). 0 ok, -1 with an exception.
int wf_containers_init(void);

// Repr guard: 0 entered (call leave afterwards), 1 already being repr'd on
// this thread (print "[...]" and do not call leave), -1 error.
int wf_containers_repr_enter(WfObject *o);
void wf_containers_repr_leave(WfObject *o);

// Deallocation limiter. Use in a container's tp_dealloc:
//   if (!wf_containers_dealloc_enter(o)) return;  // parked, runs later
//   ... release contents ...
//   wf_containers_dealloc_leave();
// Only instances of static (non-heap) types are parked: their tp_dealloc is
// the caller itself, which runs again when the parked object is drained.
bool wf_containers_dealloc_enter(WfObject *o);
void wf_containers_dealloc_leave(void);

// Release an object's memory after its dealloc released its contents: the
// type's tp_free, or wf_object_free.
void wf_containers_free(WfObject *o);

// KeyError(key) with the key as its only argument (tuples are not unpacked).
void wf_containers_key_error(WfObject *key);

// Allocate an instance of `type` (a container type or a subclass of one):
// exact static types use wf_object_alloc(_var), subclasses the generic alloc.
WfObject *wf_containers_alloc(WfTypeObject *type, WfTypeObject *base, wf_ssize nitems);

#endif
