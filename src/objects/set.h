// set.h — set and frozenset: open-addressing hash tables of keys (CPython's
// algorithm, so iteration order of ints matches). A set is read and mutated
// inside its critical section (a container section, containers.h), except
// `used` (len), which is read with a relaxed atomic load; frozensets are
// immutable after construction and read without a lock. Replaced tables are
// freed through QSBR. See set.c for the details.
#ifndef WF_SET_H
#define WF_SET_H

#include "objects/object.h"

typedef struct {
    WfObject *key;      // NULL: empty; a dummy sentinel: deleted
    intptr_t hash;
} WfSetEntry;

typedef struct {
    WfObject ob_base;
    wf_ssize fill;      // active + dummy
    wf_ssize used;      // active
    wf_ssize mask;      // table size - 1
    WfSetEntry *table;
    intptr_t hash;      // frozenset hash cache (-1)
    wf_ssize finger;    // pop() search start
    WfSetEntry smalltable[8];
} WfSetObject;

extern WfTypeObject wf_set_type, wf_frozenset_type, wf_set_iter_type;

WF_INLINE bool wf_anyset_check(WfObject *o) {
    return !wf_is_smallint(o) && (wf_type_check(o, &wf_set_type) || wf_type_check(o, &wf_frozenset_type));
}
WfObject *wf_set_new(WfObject *iterable);        // iterable may be NULL
WfObject *wf_frozenset_new(WfObject *iterable);
int wf_set_add(WfObject *s, WfObject *key);
int wf_set_discard(WfObject *s, WfObject *key);  // 1 removed, 0 absent
int wf_set_contains(WfObject *s, WfObject *key);
wf_ssize wf_set_size(WfObject *s);
int wf_set_update(WfObject *s, WfObject *iterable);
int wf_set_next(WfObject *s, wf_ssize *pos, WfObject **key);  // borrowed iteration for C code
// Containers-area helpers (set methods for dict views):
int wf_set_difference_update(WfObject *s, WfObject *other);            // s -= other (any iterable)
int wf_set_symmetric_difference_update(WfObject *s, WfObject *other);  // s ^= other (any iterable)
WfObject *wf_set_intersection(WfObject *s, WfObject *other);           // s.intersection(other)

#endif
