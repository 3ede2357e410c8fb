// dict.h — dict: insertion-ordered hash table (CPython's compact layout).
//
// Invariants (details in dict.c):
// - `keys` points at a WfDictKeys: an index table of 2**log2_size slots
//   (int8/16/32/64 wide by size; -1 empty, -2 dummy) followed by `usable`
//   entries, of which the first `nentries` have been used, in insertion order.
//   A deleted entry has value NULL and keeps its key as a tombstone until
//   the next resize (see dict.c).
// - Entry i's key never changes once set while this keys object is installed;
//   inserting writes the entry, then publishes nentries and the index slot
//   with release stores; resize builds a fresh WfDictKeys and publishes it
//   with a release store; the old one is freed through QSBR and never
//   installed again. Hence a cached (keys, index) pair stays valid while
//   dict->keys == keys and the entry's value is non-NULL (used by
//   LOAD_GLOBAL's cache); such a reader must still take its reference with
//   wf_object_try_incref_compare (containers.h) and re-check dict->keys, as
//   the value may be replaced and released concurrently.
// - All mutation happens inside the dict's critical section. Lookups (d[k],
//   get, in, len) are lock-free: load keys (acquire), probe, load value,
//   try-incref, re-check; the locked lookup only when that races a writer.
// - `used` is written under the lock and read with relaxed loads; `version`
//   increases on every mutation and is written and read under the lock.
#ifndef WF_DICT_H
#define WF_DICT_H

#include "objects/object.h"

typedef struct {
    intptr_t hash;
    WfObject *key;
    _Atomic(WfObject *) value;
} WfDictEntry;

typedef struct WfDictKeys {
    uint8_t log2_size;         // index table has 1 << log2_size slots
    uint8_t log2_index_bytes;  // log2 of the index table size in bytes
    wf_ssize usable;           // capacity of entries[]
    _Atomic(wf_ssize) nentries;
    char indices[];            // index table, then WfDictEntry entries[usable]
} WfDictKeys;

WF_INLINE WfDictEntry *wf_dict_keys_entries(WfDictKeys *k) {
    return (WfDictEntry *)(k->indices + ((size_t)1 << k->log2_index_bytes));
}

typedef struct {
    WfObject ob_base;
    wf_ssize used;                 // number of live items
    _Atomic(WfDictKeys *) keys;
    uint64_t version;
} WfDictObject;

extern WfTypeObject wf_dict_type, wf_dict_keys_type, wf_dict_values_type, wf_dict_items_type;
// Iterators over a dict or its views (containers area).
extern WfTypeObject wf_dict_keyiter_type, wf_dict_valueiter_type, wf_dict_itemiter_type,
    wf_dict_revkeyiter_type, wf_dict_revvalueiter_type, wf_dict_revitemiter_type;

WF_INLINE bool wf_dict_check(WfObject *o) {
    return !wf_is_smallint(o) && wf_type_has_flag(o->ob_type, WF_TPFLAGS_DICT_SUBCLASS);
}
WF_INLINE bool wf_dict_check_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_dict_type; }
// Relaxed atomic load: a snapshot (the dict may change concurrently).
WF_INLINE wf_ssize wf_dict_size(WfObject *d) { return __atomic_load_n(&((WfDictObject *)d)->used, __ATOMIC_RELAXED); }

WfObject *wf_dict_new(void);
WfObject *wf_dict_new_presized(wf_ssize n);
// Lookup. `_borrow` results are valid only while the caller knows the dict is
// not concurrently mutated (single owner / module init); threads use the `_ref` forms.
WfObject *wf_dict_get_item_borrow(WfObject *d, WfObject *key);     // NULL: missing or error (check wf_err_occurred)
int wf_dict_get_item_ref(WfObject *d, WfObject *key, WfObject **result);  // 1 found (new ref), 0 missing, -1 error
WfObject *wf_dict_get_item_cstr_borrow(WfObject *d, const char *key);
int wf_dict_get_item_known_hash(WfObject *d, WfObject *key, intptr_t hash, WfObject **result);  // as _ref
int wf_dict_set_item(WfObject *d, WfObject *key, WfObject *value);      // increfs both
int wf_dict_set_item_take(WfObject *d, WfObject *key, WfObject *value); // steals value only
int wf_dict_set_item_cstr(WfObject *d, const char *key, WfObject *value);
int wf_dict_del_item(WfObject *d, WfObject *key);                       // KeyError if missing
int wf_dict_pop(WfObject *d, WfObject *key, WfObject **result);         // 1 popped (new ref), 0 missing
int wf_dict_contains(WfObject *d, WfObject *key);                       // 1/0/-1
int wf_dict_update(WfObject *d, WfObject *other);                       // d.update(other) (mapping or pairs)
int wf_dict_merge(WfObject *d, WfObject *other, int override);          // override 0: keep existing; 2: raise KeyError on dup
WfObject *wf_dict_copy(WfObject *d);
void wf_dict_clear(WfObject *d);
WfObject *wf_dict_keys_list(WfObject *d);
WfObject *wf_dict_values_list(WfObject *d);
WfObject *wf_dict_items_list(WfObject *d);
// Iteration by position (for C code holding the dict: its critical section,
// or a dict no other thread mutates): returns 1 and borrowed key/value at the
// next live entry after *pos, 0 at the end. Never reads freed storage, but
// the borrowed objects may die if another thread mutates the dict.
int wf_dict_next(WfObject *d, wf_ssize *pos, WfObject **key, WfObject **value);
// As wf_dict_next for any thread: new references (taken under the dict's
// lock) to key and value, and the stored hash (hash may be NULL).
int wf_dict_next_ref(WfObject *d, wf_ssize *pos, WfObject **key, WfObject **value, intptr_t *hash);
// setdefault(key, default) → new ref to the stored value.
WfObject *wf_dict_setdefault(WfObject *d, WfObject *key, WfObject *dflt);
// Index of key's entry in d's current keys (for caches), or -1 (missing, or
// error: check wf_err_occurred).
wf_ssize wf_dict_lookup_index(WfObject *d, WfObject *key);
// For such caches: a new reference to the value of entry `index` when d's
// current keys hold exactly `key` (identity) there and the entry is live,
// else NULL (no exception). Lock-free (try-incref and re-checks, as d[k]);
// safe against a concurrent replacement or deletion of the value.
WfObject *wf_dict_entry_ref_if_key(WfObject *d, wf_ssize index, WfObject *key);
// Containers-area helpers.
int wf_dict_contains_known_hash(WfObject *d, WfObject *key, intptr_t hash);  // 1/0/-1
// As wf_dict_next, also giving the entry's stored hash (any out pointer may be NULL).
int wf_dict_next_with_hash(WfObject *d, wf_ssize *pos, WfObject **key, WfObject **value, intptr_t *hash);
// Views and iterators (dict_views.c).
enum { WF_DICT_ITER_KEYS = 0, WF_DICT_ITER_VALUES = 1, WF_DICT_ITER_ITEMS = 2 };
WfObject *wf_dict_views_new(WfObject *d, WfTypeObject *view_type);          // d.keys()/values()/items()
WfObject *wf_dict_views_iter_new(WfObject *d, int kind, bool reversed);     // iter(d), reversed(d), ...

#endif
