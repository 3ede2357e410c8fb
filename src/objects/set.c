// set.c — set and frozenset: CPython's open-addressing hash table (linear
// probing in runs of LINEAR_PROBES=9, then perturbed jumps), so iteration
// order matches CPython; and the set iterator.
//
// Invariants:
// - table is `smalltable` (8 slots) or a wf_mem_malloc'd array of mask+1
//   entries. An entry is unused (key NULL, hash 0), active, or dummy (key ==
//   &dummy_struct, hash -1). fill = active + dummy; used = active; the table
//   always keeps an unused slot so probes terminate (fill*5 < mask*3 after
//   every insertion).
// - A resize builds a new table and installs it before freeing the old one
//   (wf_qsbr_free_storage); it never calls out.
// - A set (or set subclass instance) is read and written only inside its
//   critical section (lock_set / lock_sets below), except `used`, which is
//   stored and loaded with relaxed atomics so that len() needs no lock. A
//   frozenset is immutable once its constructor returns (nobody else can see
//   it before), so it is read without a lock; its cached `hash` is computed
//   idempotently and accessed with relaxed atomics.
// - Operations on two sets hold both locks (address order); operations that
//   iterate an arbitrary iterable take the set's lock once per item, so the
//   iterable's code runs without it. Comparisons (__eq__) may run while a
//   lock is held: they can suspend it, and the probe re-validates the table
//   and the entry afterwards (restarting when they changed), as for this
//   thread's own re-entrant mutations. A key removed by discard/remove/pop
//   is released after the section ends; bulk operations release each one
//   after its removal is complete.
// - The iterator's state is guarded by its set's critical section, and the
//   iterator keeps its set until it is deallocated.
#include "objects/set.h"

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/genericalias.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "sync/qsbr.h"

#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8
#define SET(o) ((WfSetObject *)(o))

static WfObject dummy_struct = WF_STATIC_HEAD(&wf_object_type);
#define dummy (&dummy_struct)

// A replaced table (a reader under another thread's suspended section, or a
// future lock-free reader, may still hold it).
static void free_storage(void *p) { wf_qsbr_free_storage(p); }

static bool is_set_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_set_type; }
static bool is_frozenset_exact(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_frozenset_type; }
static bool is_set(WfObject *o) { return !wf_is_smallint(o) && wf_type_check(o, &wf_set_type); }

// Relaxed: len() is a snapshot; writers hold the lock.
static void set_used(WfSetObject *so, wf_ssize n) { __atomic_store_n(&so->used, n, __ATOMIC_RELAXED); }
static wf_ssize used_of(WfSetObject *so) { return __atomic_load_n(&so->used, __ATOMIC_RELAXED); }
static intptr_t hash_cache(WfSetObject *so) { return __atomic_load_n(&so->hash, __ATOMIC_RELAXED); }

// ---------------------------------------------------------------------------
// Locking: sets and dicts lock, frozensets (immutable) do not.

static bool needs_lock(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    if (t == &wf_set_type) return true;
    if (t == &wf_frozenset_type) return false;
    return !wf_type_is_subtype(t, &wf_frozenset_type);
}

// A container section (containers.h: elided while single-threaded) on the
// objects that need one.
typedef struct {
    WfContainerSection sec;
    bool active;
} SetLock;

static void lock_set(SetLock *l, WfObject *a) {
    l->active = needs_lock(a);
    if (l->active) wf_container_section_begin(&l->sec, a, NULL);
}

// Both (address order), or the one that needs it.
static void lock_sets(SetLock *l, WfObject *a, WfObject *b) {
    bool la = needs_lock(a), lb = needs_lock(b);
    l->active = la || lb;
    if (la && lb) wf_container_section_begin(&l->sec, a, b);
    else if (la || lb) wf_container_section_begin(&l->sec, la ? a : b, NULL);
}

static void unlock_sets(SetLock *l) {
    if (l->active) wf_container_section_end(&l->sec);
}

static intptr_t hash_of(WfObject *key) {
    if (wf_str_check_exact(key)) {
        intptr_t h = atomic_load_explicit(&((WfStrObject *)key)->hash, memory_order_relaxed);
        if (h != -1) return h;
    }
    return wf_object_hash(key);
}

// ---------------------------------------------------------------------------
// Probing

static WfSetEntry *set_lookkey(WfSetObject *so, WfObject *key, intptr_t hash) {
    WfSetEntry *table, *entry;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    int probes, cmp;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) return entry;
            if (entry->hash == hash) {
                WfObject *startkey = entry->key;
                if (startkey == key) return entry;
                if (wf_str_check_exact(startkey) && wf_str_check_exact(key) && wf_str_equal(startkey, key))
                    return entry;
                if (!(wf_is_smallint(startkey) && wf_is_smallint(key))) {
                    wf_containers_before_callout();  // __eq__ is Python code
                    table = so->table;
                    wf_incref(startkey);
                    cmp = wf_object_richcompare_bool(startkey, key, WF_EQ);
                    wf_decref(startkey);
                    if (cmp < 0) return NULL;
                    if (table != so->table || entry->key != startkey) return set_lookkey(so, key, hash);
                    if (cmp > 0) return entry;
                    mask = (size_t)so->mask;
                }
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

// Insert into a table known to hold no dummies and not `key`.
static void set_insert_clean(WfSetEntry *table, size_t mask, WfObject *key, intptr_t hash) {
    WfSetEntry *entry;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL) goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL) goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

// Rebuild the table with the smallest power-of-two size > minused.
static int set_table_resize(WfSetObject *so, wf_ssize minused) {
    WfSetEntry *oldtable = so->table, *newtable, *entry;
    wf_ssize oldmask = so->mask;
    WfSetEntry small_copy[SET_MINSIZE];
    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused) newsize <<= 1;
    bool old_malloced = oldtable != so->smalltable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used) return 0;
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)INTPTR_MAX / sizeof(WfSetEntry)) {
            wf_err_no_memory();
            return -1;
        }
        newtable = wf_mem_malloc(sizeof(WfSetEntry) * newsize);
        if (!newtable) {
            wf_err_no_memory();
            return -1;
        }
    }
    memset(newtable, 0, sizeof(WfSetEntry) * newsize);
    size_t newmask = newsize - 1;
    if (so->fill == so->used) {
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL) set_insert_clean(newtable, newmask, entry->key, entry->hash);
    } else {
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL && entry->key != dummy) set_insert_clean(newtable, newmask, entry->key, entry->hash);
    }
    so->fill = so->used;
    so->mask = (wf_ssize)newmask;
    // Release: a reader that loads the new table sees its entries.
    __atomic_store_n(&so->table, newtable, __ATOMIC_RELEASE);
    if (old_malloced) free_storage(oldtable);
    return 0;
}

// Lock held. Add key (incref'd here) with its hash.
static int set_add_entry(WfSetObject *so, WfObject *key, intptr_t hash) {
    WfSetEntry *table, *freeslot, *entry;
    size_t perturb, mask, i;
    int probes, cmp;
    // Keep the key alive while comparisons run arbitrary code.
    wf_incref(key);
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                WfObject *startkey = entry->key;
                if (startkey == key) goto found_active;
                if (wf_str_check_exact(startkey) && wf_str_check_exact(key) && wf_str_equal(startkey, key))
                    goto found_active;
                if (!(wf_is_smallint(startkey) && wf_is_smallint(key))) {
                    wf_containers_before_callout();  // __eq__ is Python code
                    table = so->table;
                    wf_incref(startkey);
                    cmp = wf_object_richcompare_bool(startkey, key, WF_EQ);
                    wf_decref(startkey);
                    if (cmp > 0) goto found_active;
                    if (cmp < 0) goto comparison_error;
                    if (table != so->table || entry->key != startkey) goto restart;
                    mask = (size_t)so->mask;
                }
            } else if (entry->hash == -1) {
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot == NULL) goto found_unused;
    set_used(so, so->used + 1);
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
found_unused:
    so->fill++;
    set_used(so, so->used + 1);
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    wf_decref(key);
    return 0;
comparison_error:
    wf_decref(key);
    return -1;
}

static int set_contains_entry(WfSetObject *so, WfObject *key, intptr_t hash) {
    WfSetEntry *entry = set_lookkey(so, key, hash);
    if (!entry) return -1;
    return entry->key != NULL;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

// Lock held. The removed key goes to *removed (the caller releases it once
// the removal is complete).
static int set_discard_entry(WfSetObject *so, WfObject *key, intptr_t hash, WfObject **removed) {
    WfSetEntry *entry = set_lookkey(so, key, hash);
    if (!entry) return -1;
    if (entry->key == NULL) return DISCARD_NOTFOUND;
    *removed = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    set_used(so, so->used - 1);
    return DISCARD_FOUND;
}

// Lock held: discard and release at once (bulk operations; the removal is
// complete, and the section is locked for real before the decref).
static int set_discard_entry_now(WfSetObject *so, WfObject *key, intptr_t hash) {
    WfObject *removed;
    int r = set_discard_entry(so, key, hash, &removed);
    if (r == DISCARD_FOUND) {
        wf_containers_before_callout();
        wf_decref(removed);
    }
    return r;
}

// The key-level operations hash outside the lock (__hash__ may run code) and
// lock the set around the table operation.
static int set_add_key(WfSetObject *so, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    SetLock l;
    int r;
    lock_set(&l, (WfObject *)so);
    r = set_add_entry(so, key, hash);
    unlock_sets(&l);
    return r;
}

static int set_contains_key(WfSetObject *so, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    SetLock l;
    int r;
    lock_set(&l, (WfObject *)so);
    r = set_contains_entry(so, key, hash);
    unlock_sets(&l);
    return r;
}

static int set_discard_key(WfSetObject *so, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    SetLock l;
    WfObject *removed = NULL;
    int r;
    lock_set(&l, (WfObject *)so);
    r = set_discard_entry(so, key, hash, &removed);
    unlock_sets(&l);
    if (r == DISCARD_FOUND) wf_decref(removed);
    return r;
}

static void set_empty_to_minsize(WfSetObject *so) {
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    set_used(so, 0);
    so->mask = SET_MINSIZE - 1;
    __atomic_store_n(&so->table, so->smalltable, __ATOMIC_RELEASE);
    so->hash = -1;
}

static int set_clear_internal(WfSetObject *so) {
    SetLock l;
    WfSetEntry small_copy[SET_MINSIZE];
    lock_set(&l, (WfObject *)so);
    WfSetEntry *table = so->table;
    wf_ssize used = so->used;
    bool malloced = table != so->smalltable;
    // Empty the set first: the decrefs below (after the section) may run
    // code that uses it.
    if (malloced) {
        set_empty_to_minsize(so);
    } else if (so->fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
        set_empty_to_minsize(so);
    }
    unlock_sets(&l);
    for (WfSetEntry *entry = table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            wf_decref(entry->key);
        }
    }
    if (malloced) free_storage(table);
    return 0;
}

static int set_next_entry(WfSetObject *so, wf_ssize *pos, WfSetEntry **entry_ptr) {
    wf_ssize i = *pos, mask = so->mask;
    WfSetEntry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask) return 0;
    *entry_ptr = entry;
    return 1;
}

// ---------------------------------------------------------------------------
// Construction and bulk updates

// Both locks held (lock_sets).
static int set_merge(WfSetObject *so, WfObject *otherset) {
    WfSetObject *other = SET(otherset);
    WfObject *key;
    if (other == so || other->used == 0) return 0;
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0) return -1;
    }
    WfSetEntry *so_entry = so->table, *other_entry = other->table;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (wf_ssize i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            key = other_entry->key;
            if (key != NULL) {
                so_entry->key = wf_newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        set_used(so, other->used);
        return 0;
    }
    if (so->fill == 0) {
        WfSetEntry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        set_used(so, other->used);
        for (wf_ssize i = other->mask + 1; i > 0; i--, other_entry++) {
            key = other_entry->key;
            if (key != NULL && key != dummy) set_insert_clean(newtable, newmask, wf_newref(key), other_entry->hash);
        }
        return 0;
    }
    for (wf_ssize i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        key = other_entry->key;
        if (key != NULL && key != dummy) {
            if (set_add_entry(so, key, other_entry->hash)) return -1;
        }
    }
    return 0;
}

// Both locks held: add the keys of dict `other` (borrowed under its lock).
static int set_update_dict_lock_held(WfSetObject *so, WfObject *other) {
    wf_ssize dictsize = wf_dict_size(other);
    if ((so->fill + dictsize) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + dictsize) * 2) != 0) return -1;
    }
    wf_ssize pos = 0;
    WfObject *key;
    intptr_t hash;
    while (wf_dict_next_with_hash(other, &pos, &key, NULL, &hash)) {
        if (set_add_entry(so, key, hash)) return -1;
    }
    return 0;
}

static int set_update_internal(WfSetObject *so, WfObject *other) {
    if (wf_anyset_check(other) || wf_dict_check_exact(other)) {
        SetLock l;
        int r;
        lock_sets(&l, (WfObject *)so, other);
        r = wf_anyset_check(other) ? set_merge(so, other) : set_update_dict_lock_held(so, other);
        unlock_sets(&l);
        return r;
    }
    WfObject *it = wf_object_get_iter(other);
    if (!it) return -1;
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        int r = set_add_key(so, key);
        wf_decref(key);
        if (r) {
            wf_decref(it);
            return -1;
        }
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

static WfObject *make_new_set(WfTypeObject *type, WfObject *iterable) {
    WfTypeObject *base = wf_type_is_subtype(type, &wf_set_type) ? &wf_set_type : &wf_frozenset_type;
    WfObject *o = wf_containers_alloc(type, base, 0);
    if (!o) return NULL;
    WfSetObject *so = SET(o);
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    if (iterable && set_update_internal(so, iterable)) {
        wf_decref(o);
        return NULL;
    }
    return o;
}

static WfObject *make_new_set_basetype(WfTypeObject *type, WfObject *iterable) {
    if (type != &wf_set_type && type != &wf_frozenset_type)
        type = wf_type_is_subtype(type, &wf_set_type) ? &wf_set_type : &wf_frozenset_type;
    return make_new_set(type, iterable);
}

static WfObject *make_new_frozenset(WfTypeObject *type, WfObject *iterable) {
    if (type != &wf_frozenset_type) return make_new_set(type, iterable);
    if (iterable && is_frozenset_exact(iterable)) return wf_newref(iterable);
    return make_new_set(type, iterable);
}

// Exchange the contents of two sets (used to install an intermediate result):
// a's lock held, b private.
static void set_swap_bodies(WfSetObject *a, WfSetObject *b) {
    wf_ssize t;
    WfSetEntry tab[SET_MINSIZE];
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; set_used(a, b->used); set_used(b, t);
    t = a->mask; a->mask = b->mask; b->mask = t;
    WfSetEntry *u = a->table == a->smalltable ? b->smalltable : a->table;
    a->table = b->table == b->smalltable ? a->smalltable : b->table;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (wf_type_is_subtype(a->ob_base.ob_type, &wf_frozenset_type) &&
        wf_type_is_subtype(b->ob_base.ob_type, &wf_frozenset_type)) {
        intptr_t h = a->hash;
        a->hash = b->hash;
        b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

// ---------------------------------------------------------------------------
// Public C API

WfObject *wf_set_new(WfObject *iterable) { return make_new_set(&wf_set_type, iterable); }
WfObject *wf_frozenset_new(WfObject *iterable) { return make_new_set(&wf_frozenset_type, iterable); }

int wf_set_add(WfObject *s, WfObject *key) { return set_add_key(SET(s), key); }
int wf_set_discard(WfObject *s, WfObject *key) { return set_discard_key(SET(s), key); }
int wf_set_contains(WfObject *s, WfObject *key) { return set_contains_key(SET(s), key); }
wf_ssize wf_set_size(WfObject *s) { return used_of(SET(s)); }
int wf_set_update(WfObject *s, WfObject *iterable) { return set_update_internal(SET(s), iterable); }

// Borrowed iteration for C code holding the set (its lock, or a set no other
// thread can reach).
int wf_set_next(WfObject *s, wf_ssize *pos, WfObject **key) {
    WfSetEntry *entry;
    if (!set_next_entry(SET(s), pos, &entry)) return 0;
    *key = entry->key;
    return 1;
}

// ---------------------------------------------------------------------------
// Algebra

static WfObject *set_copy(WfObject *so) { return make_new_set_basetype(wf_type_of(so), so); }

// Both locks held: result (private) gets the keys in both so and other.
static int intersection_sets_lock_held(WfSetObject *so, WfSetObject *other, WfSetObject *result) {
    wf_ssize pos = 0;
    WfSetEntry *entry;
    WfSetObject *big = so, *small = other;
    if (small->used > big->used) {
        WfSetObject *t = big;
        big = small;
        small = t;
    }
    while (set_next_entry(small, &pos, &entry)) {
        WfObject *key = wf_newref(entry->key);
        intptr_t hash = entry->hash;
        int rv = set_contains_entry(big, key, hash);
        if (rv > 0) rv = set_add_entry(result, key, hash) ? -1 : 1;
        wf_decref(key);
        if (rv < 0) return -1;
    }
    return 0;
}

WfObject *wf_set_intersection(WfObject *so_obj, WfObject *other) {
    WfSetObject *so = SET(so_obj);
    if (so_obj == other) return set_copy(so_obj);
    WfObject *result = make_new_set_basetype(wf_type_of(so_obj), NULL);
    if (!result) return NULL;
    if (wf_anyset_check(other)) {
        SetLock l;
        int r;
        lock_sets(&l, so_obj, other);
        r = intersection_sets_lock_held(so, SET(other), SET(result));
        unlock_sets(&l);
        if (r < 0) {
            wf_decref(result);
            return NULL;
        }
        return result;
    }
    WfObject *it = wf_object_get_iter(other);
    if (!it) {
        wf_decref(result);
        return NULL;
    }
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        intptr_t hash = hash_of(key);
        int rv = -1;
        if (hash != -1) {
            SetLock l;
            lock_set(&l, so_obj);
            rv = set_contains_entry(so, key, hash);
            unlock_sets(&l);
        }
        if (rv > 0) {
            rv = set_add_entry(SET(result), key, hash) ? -1 : 1;
            if (rv > 0 && SET(result)->used >= used_of(so)) {
                wf_decref(key);
                break;
            }
        }
        wf_decref(key);
        if (rv < 0) {
            wf_decref(it);
            wf_decref(result);
            return NULL;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *set_intersection_multi(WfObject *so, WfObject *const *args, size_t nargs) {
    if (nargs == 0) return set_copy(so);
    WfObject *result = wf_newref(so);
    for (size_t i = 0; i < nargs; i++) {
        WfObject *n = wf_set_intersection(result, args[i]);
        wf_decref(result);
        if (!n) return NULL;
        result = n;
    }
    return result;
}

// Install tmp's contents (a private set) in so; tmp gets so's old contents,
// released with it after the section.
static void set_install(WfObject *so, WfObject *tmp) {
    SetLock l;
    lock_set(&l, so);
    set_swap_bodies(SET(so), SET(tmp));
    unlock_sets(&l);
    wf_decref(tmp);
}

static int set_intersection_update(WfObject *so, WfObject *other) {
    WfObject *tmp = wf_set_intersection(so, other);
    if (!tmp) return -1;
    set_install(so, tmp);
    return 0;
}

// Both locks held: remove other's keys from so.
static int difference_update_sets_lock_held(WfSetObject *so, WfSetObject *other) {
    WfSetEntry *entry;
    wf_ssize pos = 0;
    while (set_next_entry(other, &pos, &entry)) {
        WfObject *key = wf_newref(entry->key);
        int r = set_discard_entry_now(so, key, entry->hash);
        wf_decref(key);
        if (r < 0) return -1;
    }
    return 0;
}

// Lock held: resize when more than 1/4th of the entries are dummies.
static int shrink_dummies_lock_held(WfSetObject *so) {
    if ((size_t)(so->fill - so->used) <= (size_t)so->mask / 4) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

int wf_set_difference_update(WfObject *so_obj, WfObject *other) {
    WfSetObject *so = SET(so_obj);
    if (so_obj == other) return set_clear_internal(so);
    if (wf_anyset_check(other)) {
        // When other is much larger, iterate the (smaller) intersection.
        if ((used_of(SET(other)) >> 3) > used_of(so)) {
            other = wf_set_intersection(so_obj, other);
            if (!other) return -1;
        } else {
            wf_incref(other);
        }
        SetLock l;
        int r;
        lock_sets(&l, so_obj, other);
        r = difference_update_sets_lock_held(so, SET(other));
        unlock_sets(&l);
        wf_decref(other);
        if (r < 0) return -1;
    } else {
        WfObject *it = wf_object_get_iter(other);
        if (!it) return -1;
        for (;;) {
            WfObject *key = wf_iter_next(it);
            if (!key) break;
            int r = set_discard_key(so, key);
            wf_decref(key);
            if (r < 0) {
                wf_decref(it);
                return -1;
            }
        }
        wf_decref(it);
        if (wf_err_occurred()) return -1;
    }
    // If more than 1/4th are dummies, then resize them away.
    SetLock l;
    int r;
    lock_set(&l, so_obj);
    r = shrink_dummies_lock_held(so);
    unlock_sets(&l);
    return r;
}

static WfObject *set_copy_and_difference(WfObject *so, WfObject *other) {
    WfObject *result = set_copy(so);
    if (!result) return NULL;
    if (wf_set_difference_update(result, other) == 0) return result;
    wf_decref(result);
    return NULL;
}

// Locks of so and other held: result (private) gets so's keys not in other.
static int difference_lock_held(WfSetObject *so, WfObject *other, WfSetObject *result) {
    wf_ssize pos = 0;
    WfSetEntry *entry;
    bool is_dict = wf_dict_check_exact(other);
    while (set_next_entry(so, &pos, &entry)) {
        WfObject *key = wf_newref(entry->key);
        intptr_t hash = entry->hash;
        int rv = is_dict ? wf_dict_contains_known_hash(other, key, hash) : set_contains_entry(SET(other), key, hash);
        if (rv == 0) rv = set_add_entry(result, key, hash) ? -1 : 0;
        wf_decref(key);
        if (rv < 0) return -1;
    }
    return 0;
}

static WfObject *set_difference(WfObject *so_obj, WfObject *other) {
    WfSetObject *so = SET(so_obj);
    wf_ssize other_size;
    if (wf_anyset_check(other)) other_size = used_of(SET(other));
    else if (wf_dict_check_exact(other)) other_size = wf_dict_size(other);
    else return set_copy_and_difference(so_obj, other);
    if ((used_of(so) >> 2) > other_size) return set_copy_and_difference(so_obj, other);
    WfObject *result = make_new_set_basetype(wf_type_of(so_obj), NULL);
    if (!result) return NULL;
    SetLock l;
    int r;
    lock_sets(&l, so_obj, other);
    r = difference_lock_held(so, other, SET(result));
    unlock_sets(&l);
    if (r < 0) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *set_difference_multi(WfObject *so, WfObject *const *args, size_t nargs) {
    if (nargs == 0) return set_copy(so);
    WfObject *result = set_difference(so, args[0]);
    if (!result) return NULL;
    for (size_t i = 1; i < nargs; i++) {
        if (wf_set_difference_update(result, args[i])) {
            wf_decref(result);
            return NULL;
        }
    }
    return result;
}

// Both locks held: so ^= the keys of dict `other`.
static int symmetric_update_dict_lock_held(WfSetObject *so, WfObject *other) {
    wf_ssize pos = 0;
    WfObject *key;
    intptr_t hash;
    while (wf_dict_next_with_hash(other, &pos, &key, NULL, &hash)) {
        wf_incref(key);
        int rv = set_discard_entry_now(so, key, hash);
        if (rv == DISCARD_NOTFOUND) rv = set_add_entry(so, key, hash) ? -1 : 0;
        wf_decref(key);
        if (rv < 0) return -1;
    }
    return 0;
}

// Both locks held: so ^= otherset.
static int symmetric_update_set_lock_held(WfSetObject *so, WfSetObject *otherset) {
    wf_ssize pos = 0;
    WfSetEntry *entry;
    while (set_next_entry(otherset, &pos, &entry)) {
        WfObject *key = wf_newref(entry->key);
        intptr_t hash = entry->hash;
        int rv = set_discard_entry_now(so, key, hash);
        if (rv == DISCARD_NOTFOUND) rv = set_add_entry(so, key, hash) ? -1 : 0;
        wf_decref(key);
        if (rv < 0) return -1;
    }
    return 0;
}

int wf_set_symmetric_difference_update(WfObject *so_obj, WfObject *other) {
    WfSetObject *so = SET(so_obj);
    if (so_obj == other) return set_clear_internal(so);
    SetLock l;
    int r;
    if (wf_dict_check_exact(other)) {
        lock_sets(&l, so_obj, other);
        r = symmetric_update_dict_lock_held(so, other);
        unlock_sets(&l);
        return r;
    }
    WfObject *otherset;
    if (wf_anyset_check(other)) otherset = wf_newref(other);
    else {
        otherset = make_new_set_basetype(wf_type_of(so_obj), other);
        if (!otherset) return -1;
    }
    lock_sets(&l, so_obj, otherset);
    r = symmetric_update_set_lock_held(so, SET(otherset));
    unlock_sets(&l);
    wf_decref(otherset);
    return r;
}

static WfObject *set_symmetric_difference(WfObject *so, WfObject *other) {
    WfObject *otherset = make_new_set_basetype(wf_type_of(so), other);
    if (!otherset) return NULL;
    if (wf_set_symmetric_difference_update(otherset, so) < 0) {
        wf_decref(otherset);
        return NULL;
    }
    return otherset;
}

// Both locks held: 1 if so <= other (other a set), 0, -1.
static int set_issubset_internal(WfSetObject *so, WfSetObject *other) {
    if (so->used > other->used) return 0;
    wf_ssize pos = 0;
    WfSetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        WfObject *key = wf_newref(entry->key);
        int rv = set_contains_entry(other, key, entry->hash);
        wf_decref(key);
        if (rv <= 0) return rv;
    }
    return 1;
}

static WfObject *set_issubset(WfObject *so, WfObject *other) {
    int r;
    if (!wf_anyset_check(other)) {
        WfObject *tmp = wf_set_intersection(so, other);
        if (!tmp) return NULL;
        r = SET(tmp)->used == used_of(SET(so));
        wf_decref(tmp);
        return wf_bool_from(r);
    }
    SetLock l;
    lock_sets(&l, so, other);
    r = set_issubset_internal(SET(so), SET(other));
    unlock_sets(&l);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static WfObject *set_issuperset(WfObject *so, WfObject *other) {
    if (wf_anyset_check(other)) return set_issubset(other, so);
    WfObject *it = wf_object_get_iter(other);
    if (!it) return NULL;
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        int rv = set_contains_key(SET(so), key);
        wf_decref(key);
        if (rv <= 0) {
            wf_decref(it);
            return rv < 0 ? NULL : wf_False;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_True;
}

// Both locks held: 1 if no key is in both, 0 if one is, -1.
static int isdisjoint_sets_lock_held(WfSetObject *big, WfSetObject *small) {
    if (small->used > big->used) {
        WfSetObject *t = big;
        big = small;
        small = t;
    }
    wf_ssize pos = 0;
    WfSetEntry *entry;
    while (set_next_entry(small, &pos, &entry)) {
        WfObject *key = wf_newref(entry->key);
        int rv = set_contains_entry(big, key, entry->hash);
        wf_decref(key);
        if (rv) return rv < 0 ? -1 : 0;
    }
    return 1;
}

static WfObject *set_isdisjoint(WfObject *so_obj, WfObject *other) {
    if (so_obj == other) return wf_bool_from(used_of(SET(so_obj)) == 0);
    if (is_set_exact(other) || is_frozenset_exact(other)) {
        SetLock l;
        int r;
        lock_sets(&l, so_obj, other);
        r = isdisjoint_sets_lock_held(SET(so_obj), SET(other));
        unlock_sets(&l);
        if (r < 0) return NULL;
        return wf_bool_from(r);
    }
    WfObject *it = wf_object_get_iter(other);
    if (!it) return NULL;
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        int rv = set_contains_key(SET(so_obj), key);
        wf_decref(key);
        if (rv) {
            wf_decref(it);
            return rv < 0 ? NULL : wf_False;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_True;
}

// ---------------------------------------------------------------------------
// Slots

static void set_dealloc(WfObject *o) {
    if (!wf_containers_dealloc_enter(o)) return;
    WfSetObject *so = SET(o);
    wf_ssize used = so->used;
    for (WfSetEntry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            wf_decref(entry->key);
        }
    }
    // At once: no thread can be reading a set nobody references.
    if (so->table != so->smalltable) wf_mem_free(so->table);
    wf_containers_free(o);
    wf_containers_dealloc_leave();
}

static int set_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    wf_ssize pos = 0;
    WfSetEntry *entry;
    while (set_next_entry(SET(o), &pos, &entry)) {
        if (!wf_is_smallint(entry->key)) {
            int r = visit(entry->key, arg);
            if (r) return r;
        }
    }
    return 0;
}

static int set_tp_clear(WfObject *o) { return set_clear_internal(SET(o)); }

static WfObject *set_repr(WfObject *o) {
    const char *name = o->ob_type->tp_name;
    int r = wf_containers_repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return wf_str_from_format("%s(...)", name);
    if (used_of(SET(o)) == 0) {
        wf_containers_repr_leave(o);
        return wf_str_from_format("%s()", name);
    }
    WfStrBuilder b;
    wf_str_builder_init(&b);
    bool exact = is_set_exact(o);
    if (!exact && (wf_str_builder_append_utf8(&b, name, (wf_ssize)strlen(name)) < 0 ||
                   wf_str_builder_append_char(&b, '(') < 0))
        goto fail;
    if (wf_str_builder_append_char(&b, '{') < 0) goto fail;
    // Snapshot the elements first, under the lock (their reprs may mutate
    // the set).
    WfObject *keys;
    wf_ssize j = 0;
    {
        SetLock l;
        lock_set(&l, o);
        keys = wf_tuple_new(SET(o)->used);
        if (keys) {
            wf_ssize pos = 0;
            WfSetEntry *entry;
            while (j < wf_tuple_size(keys) && set_next_entry(SET(o), &pos, &entry))
                wf_tuple_set_take(keys, j++, wf_newref(entry->key));
        }
        unlock_sets(&l);
    }
    if (!keys) goto fail;
    {
        for (wf_ssize i = 0; i < j; i++) {
            if (i > 0 && wf_str_builder_append_ascii(&b, ", ") < 0) goto fail_keys;
            WfObject *s = wf_object_repr(wf_tuple_items(keys)[i]);
            if (!s) goto fail_keys;
            int rc = wf_str_builder_append_str(&b, s);
            wf_decref(s);
            if (rc < 0) goto fail_keys;
        }
    }
    wf_decref(keys);
    if (wf_str_builder_append_char(&b, '}') < 0) goto fail;
    if (!exact && wf_str_builder_append_char(&b, ')') < 0) goto fail;
    wf_containers_repr_leave(o);
    return wf_str_builder_finish(&b);
fail_keys:
    wf_decref(keys);
fail:
    wf_str_builder_discard(&b);
    wf_containers_repr_leave(o);
    return NULL;
}

static wf_ssize set_len(WfObject *o) { return used_of(SET(o)); }

// `key in s`; an unhashable set key is looked up as a frozenset.
static int set_contains(WfObject *o, WfObject *key) {
    int rv = set_contains_key(SET(o), key);
    if (rv < 0) {
        if (!is_set(key) || !wf_err_matches(&wf_exc_TypeError)) return -1;
        wf_err_clear();
        WfObject *tmp = make_new_set(&wf_frozenset_type, key);
        if (!tmp) return -1;
        rv = set_contains_key(SET(o), tmp);
        wf_decref(tmp);
    }
    return rv;
}

static WfObject *set_richcompare(WfObject *v, WfObject *w, int op) {
    if (!wf_anyset_check(w)) return wf_newref(wf_NotImplemented);
    WfSetObject *a = SET(v), *b = SET(w);
    int r;
    switch (op) {
    case WF_EQ:
    case WF_NE: {
        SetLock l;
        lock_sets(&l, v, w);
        if (a->used != b->used) r = 0;
        else if (hash_cache(a) != -1 && hash_cache(b) != -1 && hash_cache(a) != hash_cache(b)) r = 0;
        else r = set_issubset_internal(a, b);
        unlock_sets(&l);
        if (r < 0) return NULL;
        return wf_bool_from(op == WF_EQ ? r : !r);
    }
    case WF_LE:
        return set_issubset(v, w);
    case WF_GE:
        return set_issuperset(v, w);
    case WF_LT:
        if (used_of(a) >= used_of(b)) return wf_False;
        return set_issubset(v, w);
    case WF_GT:
        if (used_of(a) <= used_of(b)) return wf_False;
        return set_issuperset(v, w);
    }
    return wf_newref(wf_NotImplemented);
}

static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

// Frozensets are immutable: no lock. Threads racing here compute and store
// the same value (relaxed atomics keep that race-free).
static intptr_t frozenset_hash(WfObject *o) {
    WfSetObject *so = SET(o);
    intptr_t cached = hash_cache(so);
    if (cached != -1) return cached;
    uint64_t hash = 0;
    for (WfSetEntry *entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= shuffle_bits((uint64_t)entry->hash);
    // Remove the effect of an odd number of unused and dummy entries.
    if ((so->mask + 1 - so->fill) & 1) hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1) hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    __atomic_store_n(&so->hash, (intptr_t)hash, __ATOMIC_RELAXED);
    return (intptr_t)hash;
}

static WfObject *set_or(WfObject *a, WfObject *b) {
    if (!wf_anyset_check(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    WfObject *result = set_copy(a);
    if (!result) return NULL;
    if (a == b) return result;
    if (set_update_internal(SET(result), b)) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *set_and(WfObject *a, WfObject *b) {
    if (!wf_anyset_check(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    return wf_set_intersection(a, b);
}

static WfObject *set_sub(WfObject *a, WfObject *b) {
    if (!wf_anyset_check(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    return set_difference(a, b);
}

static WfObject *set_xor(WfObject *a, WfObject *b) {
    if (!wf_anyset_check(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    return set_symmetric_difference(a, b);
}

static WfObject *set_ior(WfObject *a, WfObject *b) {
    if (!is_set(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    if (set_update_internal(SET(a), b)) return NULL;
    return wf_newref(a);
}

static WfObject *set_iand(WfObject *a, WfObject *b) {
    if (!is_set(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    if (set_intersection_update(a, b) < 0) return NULL;
    return wf_newref(a);
}

static WfObject *set_isub(WfObject *a, WfObject *b) {
    if (!is_set(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    if (wf_set_difference_update(a, b)) return NULL;
    return wf_newref(a);
}

static WfObject *set_ixor(WfObject *a, WfObject *b) {
    if (!is_set(a) || !wf_anyset_check(b)) return wf_newref(wf_NotImplemented);
    if (wf_set_symmetric_difference_update(a, b) < 0) return NULL;
    return wf_newref(a);
}

static WfNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static WfNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

// ---------------------------------------------------------------------------
// Methods

static WfObject *set_add_meth(WfObject *so, WfObject *key) {
    if (set_add_key(SET(so), key)) return NULL;
    return wf_None;
}

static WfObject *set_clear_meth(WfObject *so, WfObject *unused) {
    set_clear_internal(SET(so));
    return wf_None;
}

static WfObject *set_contains_meth(WfObject *so, WfObject *key) {
    int r = set_contains(so, key);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static WfObject *set_copy_meth(WfObject *so, WfObject *unused) { return set_copy(so); }

static WfObject *frozenset_copy_meth(WfObject *so, WfObject *unused) {
    if (is_frozenset_exact(so)) return wf_newref(so);
    return set_copy(so);
}

// Discard with the set→frozenset retry of remove()/discard(): 1/0/-1.
static int discard_with_retry(WfObject *so, WfObject *key) {
    int rv = set_discard_key(SET(so), key);
    if (rv < 0) {
        if (!is_set(key) || !wf_err_matches(&wf_exc_TypeError)) return -1;
        wf_err_clear();
        WfObject *tmp = make_new_set(&wf_frozenset_type, key);
        if (!tmp) return -1;
        rv = set_discard_key(SET(so), tmp);
        wf_decref(tmp);
    }
    return rv;
}

static WfObject *set_discard_meth(WfObject *so, WfObject *key) {
    if (discard_with_retry(so, key) < 0) return NULL;
    return wf_None;
}

static WfObject *set_remove_meth(WfObject *so, WfObject *key) {
    int rv = discard_with_retry(so, key);
    if (rv < 0) return NULL;
    if (rv == DISCARD_NOTFOUND) {
        wf_containers_key_error(key);
        return NULL;
    }
    return wf_None;
}

static WfObject *set_pop_meth(WfObject *o, WfObject *unused) {
    WfSetObject *so = SET(o);
    WfObject *key = NULL;
    SetLock l;
    lock_set(&l, o);
    if (so->used > 0) {
        WfSetEntry *entry = so->table + (so->finger & so->mask);
        WfSetEntry *limit = so->table + so->mask;
        while (entry->key == NULL || entry->key == dummy) {
            entry++;
            if (entry > limit) entry = so->table;
        }
        key = entry->key;  // the set's reference becomes the caller's
        entry->key = dummy;
        entry->hash = -1;
        set_used(so, so->used - 1);
        so->finger = entry - so->table + 1;
    }
    unlock_sets(&l);
    if (!key) wf_err_set_string(&wf_exc_KeyError, "pop from an empty set");
    return key;
}

static WfObject *set_union_meth(WfObject *so, WfObject *const *args, size_t nargs) {
    WfObject *result = set_copy(so);
    if (!result) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        if (args[i] == so) continue;
        if (set_update_internal(SET(result), args[i])) {
            wf_decref(result);
            return NULL;
        }
    }
    return result;
}

static WfObject *set_update_meth(WfObject *so, WfObject *const *args, size_t nargs) {
    for (size_t i = 0; i < nargs; i++)
        if (set_update_internal(SET(so), args[i])) return NULL;
    return wf_None;
}

static WfObject *set_intersection_meth(WfObject *so, WfObject *const *args, size_t nargs) {
    return set_intersection_multi(so, args, nargs);
}

static WfObject *set_intersection_update_meth(WfObject *so, WfObject *const *args, size_t nargs) {
    WfObject *tmp = set_intersection_multi(so, args, nargs);
    if (!tmp) return NULL;
    set_install(so, tmp);
    return wf_None;
}

static WfObject *set_difference_meth(WfObject *so, WfObject *const *args, size_t nargs) {
    return set_difference_multi(so, args, nargs);
}

static WfObject *set_difference_update_meth(WfObject *so, WfObject *const *args, size_t nargs) {
    for (size_t i = 0; i < nargs; i++)
        if (wf_set_difference_update(so, args[i])) return NULL;
    return wf_None;
}

static WfObject *set_symmetric_difference_meth(WfObject *so, WfObject *other) {
    return set_symmetric_difference(so, other);
}

static WfObject *set_symmetric_difference_update_meth(WfObject *so, WfObject *other) {
    if (wf_set_symmetric_difference_update(so, other) < 0) return NULL;
    return wf_None;
}

static WfObject *set_sizeof_meth(WfObject *o, WfObject *unused) {
    size_t res = sizeof(WfSetObject);
    SetLock l;
    lock_set(&l, o);
    if (SET(o)->table != SET(o)->smalltable) res += (size_t)(SET(o)->mask + 1) * sizeof(WfSetEntry);
    unlock_sets(&l);
    return wf_int_from_size_t(res);
}

#define COMMON_SET_METHODS                                                                                       \
    WF_METHOD("__contains__", set_contains_meth, WF_METH_O | WF_METH_COEXIST, "x.__contains__(y) <==> y in x."),  \
    WF_METHOD("difference", set_difference_meth, WF_METH_FASTCALL,                                              \
              "Return the difference of two or more sets as a new set.\n\n"                                      \
              "(i.e. all elements that are in this set but not the others.)"),                                   \
    WF_METHOD("intersection", set_intersection_meth, WF_METH_FASTCALL,                                          \
              "Return the intersection of two sets as a new set.\n\n"                                            \
              "(i.e. all elements that are in both sets.)"),                                                     \
    WF_METHOD("isdisjoint", set_isdisjoint, WF_METH_O, "Return True if two sets have a null intersection."),    \
    WF_METHOD("issubset", set_issubset, WF_METH_O, "Report whether another set contains this set."),            \
    WF_METHOD("issuperset", set_issuperset, WF_METH_O, "Report whether this set contains another set."),        \
    WF_METHOD("__sizeof__", set_sizeof_meth, WF_METH_NOARGS, "S.__sizeof__() -> size of S in memory, in bytes"), \
    WF_METHOD("symmetric_difference", set_symmetric_difference_meth, WF_METH_O,                                 \
              "Return the symmetric difference of two sets as a new set.\n\n"                                    \
              "(i.e. all elements that are in exactly one of the sets.)"),                                       \
    WF_METHOD("union", set_union_meth, WF_METH_FASTCALL,                                                        \
              "Return the union of sets as a new set.\n\n(i.e. all elements that are in either set.)")

static const WfMethodDef set_methods[] = {
    COMMON_SET_METHODS,
    WF_METHOD("add", set_add_meth, WF_METH_O,
              "Add an element to a set.\n\nThis has no effect if the element is already present."),
    WF_METHOD("clear", set_clear_meth, WF_METH_NOARGS, "Remove all elements from this set."),
    WF_METHOD("copy", set_copy_meth, WF_METH_NOARGS, "Return a shallow copy of a set."),
    WF_METHOD("discard", set_discard_meth, WF_METH_O,
              "Remove an element from a set if it is a member.\n\n"
              "Unlike set.remove(), the discard() method does not raise\n"
              "an exception when an element is missing from the set."),
    WF_METHOD("difference_update", set_difference_update_meth, WF_METH_FASTCALL,
              "Remove all elements of another set from this set."),
    WF_METHOD("intersection_update", set_intersection_update_meth, WF_METH_FASTCALL,
              "Update a set with the intersection of itself and another."),
    WF_METHOD("pop", set_pop_meth, WF_METH_NOARGS,
              "Remove and return an arbitrary set element.\nRaises KeyError if the set is empty."),
    WF_METHOD("remove", set_remove_meth, WF_METH_O,
              "Remove an element from a set; it must be a member.\n\n"
              "If the element is not a member, raise a KeyError."),
    WF_METHOD("symmetric_difference_update", set_symmetric_difference_update_meth, WF_METH_O,
              "Update a set with the symmetric difference of itself and another."),
    WF_METHOD("update", set_update_meth, WF_METH_FASTCALL, "Update a set with the union of itself and others."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static const WfMethodDef frozenset_methods[] = {
    COMMON_SET_METHODS,
    WF_METHOD("copy", frozenset_copy_meth, WF_METH_NOARGS, "Return a shallow copy of a set."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static WfObject *set_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return make_new_set(type, NULL);
}

static int set_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (wf_arg_no_kwargs("set", kwnames) < 0) return -1;
    if (wf_arg_check_positional(wf_type_of(self)->tp_name, nargs, 0, 1) < 0) return -1;
    WfSetObject *so = SET(self);
    set_clear_internal(so);
    __atomic_store_n(&so->hash, -1, __ATOMIC_RELAXED);
    if (nargs == 0) return 0;
    return set_update_internal(so, args[0]);
}

static WfObject *frozenset_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if ((type == &wf_frozenset_type || type->tp_init == wf_frozenset_type.tp_init) &&
        wf_arg_no_kwargs("frozenset", kwnames) < 0)
        return NULL;
    if (wf_arg_check_positional(type->tp_name, nargs, 0, 1) < 0) return NULL;
    return make_new_frozenset(type, nargs ? args[0] : NULL);
}

// ---------------------------------------------------------------------------
// Iterator

typedef struct {
    WfObject ob_base;
    WfObject *set;  // kept until dealloc
    // Guarded by the set's critical section (frozensets: immutable, but the
    // iterator itself may be shared, so it is locked anyway):
    wf_ssize used;
    wf_ssize pos;
    wf_ssize len;
    bool exhausted;
} SetIter;

static WfObject *set_iter(WfObject *o) {
    SetIter *si = (SetIter *)wf_object_alloc(&wf_set_iter_type);
    if (!si) return NULL;
    si->set = wf_newref(o);
    si->pos = 0;
    si->exhausted = false;
    WF_CONTAINER_BEGIN(o);
    si->used = SET(o)->used;
    si->len = SET(o)->used;
    WF_CONTAINER_END();
    return (WfObject *)si;
}

static void setiter_dealloc(WfObject *o) {
    wf_xdecref(((SetIter *)o)->set);
    wf_object_free(o);
}

static int setiter_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    SetIter *si = (SetIter *)o;
    return si->set ? visit(si->set, arg) : 0;
}

// The set's lock held.
static WfObject *setiter_next_lock_held(SetIter *si) {
    WfSetObject *so = SET(si->set);
    if (si->exhausted) return NULL;
    if (si->used != so->used) {
        wf_err_set_string(&wf_exc_RuntimeError, "Set changed size during iteration");
        si->used = -1;  // sticky
        return NULL;
    }
    wf_ssize i = si->pos, mask = so->mask;
    WfSetEntry *entry = so->table;
    while (i <= mask && (entry[i].key == NULL || entry[i].key == dummy)) i++;
    si->pos = i + 1;
    if (i > mask) {
        si->exhausted = true;
        return NULL;
    }
    si->len--;
    return wf_newref(entry[i].key);
}

// The iterator's state lives under the set's lock (a frozenset's too: its
// table is immutable, but a shared iterator must hand out each key once).
static WfObject *setiter_next(WfObject *o) {
    SetIter *si = (SetIter *)o;
    WfObject *r;
    WF_CONTAINER_BEGIN(si->set);
    r = setiter_next_lock_held(si);
    WF_CONTAINER_END();
    return r;
}

static WfObject *setiter_length_hint(WfObject *o, WfObject *unused) {
    SetIter *si = (SetIter *)o;
    wf_ssize len = 0;
    WF_CONTAINER_BEGIN(si->set);
    if (!si->exhausted && si->used == SET(si->set)->used) len = si->len;
    WF_CONTAINER_END();
    return wf_int_from_ssize(len);
}

static WfObject *self_iter(WfObject *o) { return wf_newref(o); }

static const WfMethodDef setiter_methods[] = {
    WF_METHOD("__length_hint__", setiter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_set_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = setiter_dealloc,
    .tp_traverse = setiter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

WfTypeObject wf_set_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "set",
    .tp_basicsize = sizeof(WfSetObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_init = set_init,
    .tp_new = set_new,
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_as_number = &set_as_number,
    .tp_len = set_len,
    .tp_contains = set_contains,
    .tp_methods = set_methods,
};

WfTypeObject wf_frozenset_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(WfSetObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\n"
              "Build an immutable unordered collection of unique elements.",
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_hash = frozenset_hash,
    .tp_richcompare = set_richcompare,
    .tp_iter = set_iter,
    .tp_new = frozenset_new,
    .tp_traverse = set_traverse,
    .tp_as_number = &frozenset_as_number,
    .tp_len = set_len,
    .tp_contains = set_contains,
    .tp_methods = frozenset_methods,
};
