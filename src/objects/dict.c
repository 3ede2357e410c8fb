// dict.c — dict: CPython's compact, insertion-ordered hash table.
//
// Invariants (see also dict.h):
// - mp->keys is `empty_keys` (static, usable 0) or a WfDictKeys from
//   new_keys(): an index table of 2**log2_size slots (DKIX_EMPTY -1,
//   DKIX_DUMMY -2, else an entry index) followed by `usable` entries of which
//   the first `nentries` are used, in insertion order.
// - A live entry has key and value non-NULL and exactly one index slot
//   pointing at it. Deleting sets the slot to DKIX_DUMMY and the value to
//   NULL, and keeps the key (a tombstone, still owned by the keys object)
//   until the keys object is replaced: entry i's key never changes while its
//   keys object is installed, so a cached (keys, i) stays valid while the
//   value is non-NULL (LOAD_GLOBAL's cache, wf_dict_lookup_index). Entries
//   are never reused (popitem does not shrink nentries, unlike CPython 3.11).
// - Every key of entries [0, nentries) of the installed keys object is owned
//   by it (live or tombstone); every non-NULL value is owned by it.
// - Growing or compacting builds a fresh keys object, publishes it with a
//   release store, and only then releases the old one (its tombstone keys are
//   decref'd after the critical section, its memory goes through
//   wf_qsbr_free_storage). A keys object is installed at most once.
// - Every mutation runs inside the dict's critical section. A new entry is
//   written (hash, key, value) before nentries (release) and its index slot
//   (release) publish it; values and index slots are atomic; `used` is
//   stored relaxed (len() reads it without the lock). Replaced values and
//   keys are released after the section ends (DictGarbage) for single-item
//   mutations; bulk ones (merge) release after each insertion completes.
//   Lookups under the lock call __eq__, which may suspend the section: the
//   probe restarts when the keys object or the slot changed meanwhile.
// - Lock-free lookups (d[k], get, `in`, lookups by the VM): load keys
//   (acquire), probe (index slots acquire). A key is compared by identity
//   first; otherwise it is try-incref'd and the keys object re-checked to
//   still be installed before its contents are read (then the keys object
//   owned it all along). The value is try-incref'd, its entry re-checked,
//   then the keys object. Any race falls back to the locked lookup. Since
//   keys objects are never re-installed, "installed at the first load and
//   at the re-check" means installed throughout (containers.h).
// - popitem hint: while nentries < usable, the unused entry at index
//   nentries may hold {key = POPITEM_MARK, hash = j}, meaning entries
//   [j, nentries) are all dead, so repeated popitem() does not rescan the
//   tail. It stays true while nentries is unchanged (entries never revive);
//   whatever makes an entry the new "entry at nentries" clears its key first
//   (new_keys, dict_resize, insert_new). Nothing else reads past nentries.
// - used == number of live entries; version increases on every mutation
//   (written under the lock only).
// - Probing is CPython's: i = hash & mask, then i = (5*i + perturb + 1) & mask
//   with perturb >>= 5, so growth and iteration order match CPython.
#include "objects/dict.h"

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/genericalias.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "sync/qsbr.h"

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define DKIX_RETRY (-4)  // a lock-free lookup raced a writer: use the lock
#define PERTURB_SHIFT 5
#define LOG2_MINSIZE 3
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define DICT(o) ((WfDictObject *)(o))

static WfDictKeys empty_keys = {
    .log2_size = LOG2_MINSIZE,
    .log2_index_bytes = LOG2_MINSIZE,
    .usable = 0,
    .nentries = 0,
    .indices = {-1, -1, -1, -1, -1, -1, -1, -1},
};

static char popitem_mark;
#define POPITEM_MARK ((WfObject *)&popitem_mark)

// Acquire: the entries a lock-free reader reaches through these keys were
// written before the release store that published them.
static inline __attribute__((always_inline)) WfDictKeys *load_keys(WfDictObject *mp) { return atomic_load_explicit(&mp->keys, memory_order_acquire); }

static inline __attribute__((always_inline)) WfDictEntry *entries_of(WfDictKeys *k) { return wf_dict_keys_entries(k); }

// Acquire: entries below the count were written before its release store.
static inline __attribute__((always_inline)) wf_ssize nentries_of(WfDictKeys *k) { return atomic_load_explicit(&k->nentries, memory_order_acquire); }

static inline __attribute__((always_inline)) WfObject *entry_value(WfDictEntry *ep) { return atomic_load_explicit(&ep->value, memory_order_acquire); }

// Relaxed: len() is a snapshot; writers hold the lock.
static inline __attribute__((always_inline)) wf_ssize used_of(WfDictObject *mp) { return __atomic_load_n(&mp->used, __ATOMIC_RELAXED); }
static inline __attribute__((always_inline)) void set_used(WfDictObject *mp, wf_ssize n) { __atomic_store_n(&mp->used, n, __ATOMIC_RELAXED); }

// Index slots are read with acquire (the entry they point at was written
// before the slot's release store) and written with release.
static inline __attribute__((always_inline)) wf_ssize get_index(WfDictKeys *k, size_t i) {
    uint8_t s = k->log2_size;
    if (s < 8) return __atomic_load_n(&((int8_t *)k->indices)[i], __ATOMIC_ACQUIRE);
    if (s < 16) return __atomic_load_n(&((int16_t *)k->indices)[i], __ATOMIC_ACQUIRE);
    if (s < 32) return __atomic_load_n(&((int32_t *)k->indices)[i], __ATOMIC_ACQUIRE);
    return __atomic_load_n(&((int64_t *)k->indices)[i], __ATOMIC_ACQUIRE);
}

static inline __attribute__((always_inline)) void set_index(WfDictKeys *k, size_t i, wf_ssize ix) {
    uint8_t s = k->log2_size;
    if (s < 8) __atomic_store_n(&((int8_t *)k->indices)[i], (int8_t)ix, __ATOMIC_RELEASE);
    else if (s < 16) __atomic_store_n(&((int16_t *)k->indices)[i], (int16_t)ix, __ATOMIC_RELEASE);
    else if (s < 32) __atomic_store_n(&((int32_t *)k->indices)[i], (int32_t)ix, __ATOMIC_RELEASE);
    else __atomic_store_n(&((int64_t *)k->indices)[i], (int64_t)ix, __ATOMIC_RELEASE);
}

static inline __attribute__((always_inline)) size_t dk_mask(WfDictKeys *k) { return ((size_t)1 << k->log2_size) - 1; }

static uint8_t bit_length(size_t x) {
    uint8_t n = 0;
    while (x) {
        n++;
        x >>= 1;
    }
    return n;
}

// Smallest log2 size with 2**log2 >= minsize, at least LOG2_MINSIZE.
static uint8_t calculate_log2_keysize(wf_ssize minsize) {
    size_t m = ((size_t)minsize | 8) - 1;
    return bit_length(m | 7);
}

// Size for a dict expected to hold n items without resizing.
static uint8_t estimate_log2_keysize(wf_ssize n) { return calculate_log2_keysize((n * 3 + 1) / 2); }

static WfDictKeys *new_keys(uint8_t log2_size) {
    if (log2_size >= (uint8_t)(sizeof(size_t) * 8 - 4)) {
        wf_err_no_memory();
        return NULL;
    }
    uint8_t log2_bytes = log2_size < 8 ? log2_size : log2_size < 16 ? log2_size + 1 : log2_size < 32 ? log2_size + 2 : log2_size + 3;
    wf_ssize usable = USABLE_FRACTION((wf_ssize)1 << log2_size);
    size_t sz = sizeof(WfDictKeys) + ((size_t)1 << log2_bytes) + (size_t)usable * sizeof(WfDictEntry);
    WfDictKeys *k = wf_mem_malloc(sz);
    if (!k) {
        wf_err_no_memory();
        return NULL;
    }
    k->log2_size = log2_size;
    k->log2_index_bytes = log2_bytes;
    k->usable = usable;
    atomic_store_explicit(&k->nentries, 0, memory_order_relaxed);
    memset(k->indices, 0xff, (size_t)1 << log2_bytes);
    if (usable > 0) entries_of(k)[0].key = NULL;  // no popitem hint
    return k;
}

// Release a keys object that is no longer installed: its tombstone keys and
// its memory (through QSBR: a lock-free reader may still be probing it).
// Live entries' references were moved to the new keys object.
static void release_old_keys(WfDictKeys *old) {
    if (!old || old == &empty_keys) return;
    WfDictEntry *ep = entries_of(old);
    wf_ssize n = nentries_of(old);
    for (wf_ssize i = 0; i < n; i++) {
        if (ep[i].key && !entry_value(&ep[i])) wf_decref(ep[i].key);
    }
    wf_qsbr_free_storage(old);
}

// What a mutation replaced, released once its critical section has ended
// (a decref may run arbitrary code, which must see a consistent dict).
typedef struct {
    WfObject *refs[2];
    int n;
    WfDictKeys *keys;  // a replaced keys object (release_old_keys)
} DictGarbage;

static void garbage_init(DictGarbage *g) {
    g->n = 0;
    g->keys = NULL;
}

static inline __attribute__((always_inline)) void garbage_release(DictGarbage *g) {
    while (g->n > 0) wf_decref(g->refs[--g->n]);
    if (WF_UNLIKELY(g->keys != NULL)) {
        WfDictKeys *k = g->keys;
        g->keys = NULL;
        release_old_keys(k);
    }
}

static __attribute__((noinline)) void garbage_flush(DictGarbage *g) { garbage_release(g); }

// Keep o for release. One insertion adds at most two; a bulk mutation that
// gets here with the buffer full has completed its previous insertion (and
// locked its section for real), so what it holds may go now.
static inline __attribute__((always_inline)) void garbage_add(DictGarbage *g, WfObject *o) {
    if (WF_UNLIKELY(g->n == 2)) garbage_flush(g);
    g->refs[g->n++] = o;
}

static void garbage_add_keys(DictGarbage *g, WfDictKeys *k) {
    if (g->keys) garbage_release(g);
    g->keys = k;
}

// First slot in the probe sequence of `hash` that holds no live entry.
static size_t find_empty_slot(WfDictKeys *k, intptr_t hash) {
    size_t mask = dk_mask(k);
    size_t i = (size_t)hash & mask;
    wf_ssize ix = get_index(k, i);
    for (size_t perturb = (size_t)hash; ix >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = get_index(k, i);
    }
    return i;
}

// The slot holding entry index `ix` (whose hash is `hash`).
static size_t find_slot_of(WfDictKeys *k, intptr_t hash, wf_ssize ix) {
    size_t mask = dk_mask(k);
    size_t i = (size_t)hash & mask;
    for (size_t perturb = (size_t)hash;;) {
        wf_ssize cur = get_index(k, i);
        if (cur == ix) return i;
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Lock held. Replace mp's keys by a compacted table of 2**log2 slots. The
// previous keys object goes to g (released after the section).
static int dict_resize(WfDictObject *mp, uint8_t log2, DictGarbage *g) {
    WfDictKeys *oldkeys = load_keys(mp);
    wf_ssize used = mp->used;
    while (USABLE_FRACTION((wf_ssize)1 << log2) < used) log2++;
    WfDictKeys *nk = new_keys(log2);
    if (!nk) return -1;
    WfDictEntry *src = entries_of(oldkeys), *dst = entries_of(nk);
    wf_ssize n = nentries_of(oldkeys), j = 0;
    size_t mask = dk_mask(nk);
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *v = entry_value(&src[i]);
        if (!v) continue;
        dst[j].hash = src[i].hash;
        dst[j].key = src[i].key;
        atomic_store_explicit(&dst[j].value, v, memory_order_relaxed);
        size_t slot = (size_t)src[i].hash & mask;
        for (size_t perturb = (size_t)src[i].hash; get_index(nk, slot) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            slot = (slot * 5 + perturb + 1) & mask;
        }
        set_index(nk, slot, j);
        j++;
    }
    if (j < nk->usable) dst[j].key = NULL;  // no popitem hint
    atomic_store_explicit(&nk->nentries, j, memory_order_relaxed);
    // Release: readers that load the new keys see its entries and indices.
    atomic_store_explicit(&mp->keys, nk, memory_order_release);
    garbage_add_keys(g, oldkeys);
    return 0;
}

static inline __attribute__((always_inline)) bool keys_equal_fast(WfObject *a, WfObject *b, int *eq) {
    if (a == b) {
        *eq = 1;
        return true;
    }
    if (wf_is_smallint(a) && wf_is_smallint(b)) {
        *eq = 0;
        return true;
    }
    if (wf_str_check_exact(a) && wf_str_check_exact(b)) {
        *eq = wf_str_equal(a, b);
        return true;
    }
    return false;
}

// Lock held. Find `key`: returns its entry index (and its value, borrowed, in
// *value) or DKIX_EMPTY (*value NULL), or DKIX_ERROR. Comparisons may run
// Python code that mutates the dict (this thread, or another while the
// section is suspended); the probe restarts when that happened.
static wf_ssize lookup(WfDictObject *mp, WfObject *key, intptr_t hash, WfObject **value) {
restart:;
    WfDictKeys *dk = load_keys(mp);
    size_t mask = dk_mask(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        wf_ssize ix = get_index(dk, i);
        if (ix == DKIX_EMPTY) {
            *value = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            WfDictEntry *ep = &entries_of(dk)[ix];
            WfObject *startkey = ep->key;
            if (startkey == key) {
                *value = entry_value(ep);
                return ix;
            }
            if (ep->hash == hash) {
                int cmp;
                if (keys_equal_fast(startkey, key, &cmp)) {
                    if (cmp) {
                        *value = entry_value(ep);
                        return ix;
                    }
                } else {
                    wf_containers_before_callout();  // __eq__ is Python code
                    wf_incref(startkey);
                    cmp = wf_object_richcompare_bool(startkey, key, WF_EQ);
                    wf_decref(startkey);
                    if (cmp < 0) {
                        *value = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != load_keys(mp) || ep->key != startkey || get_index(dk, i) != ix) goto restart;
                    if (cmp > 0) {
                        *value = entry_value(ep);
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Lock-free lookup: entry index with *value a NEW reference, DKIX_EMPTY
// (*value NULL), DKIX_ERROR (a comparison raised), or DKIX_RETRY (raced a
// writer or could not take a reference: use lookup_ref, which locks).
static inline __attribute__((always_inline)) wf_ssize lookup_unlocked(WfDictObject *mp, WfObject *key, intptr_t hash,
                                                                       WfObject **value) {
    *value = NULL;
    WfDictKeys *dk = load_keys(mp);
    size_t mask = dk_mask(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    WfDictEntry *ep;
    wf_ssize ix;
    for (;;) {
        ix = get_index(dk, i);
        if (ix == DKIX_EMPTY) return DKIX_EMPTY;
        if (ix >= 0) {
            ep = &entries_of(dk)[ix];
            // Plain reads: hash and key were written before the index slot we
            // acquired, and never change afterwards.
            WfObject *startkey = ep->key;
            if (startkey == key) break;
            if (ep->hash == hash && !(wf_is_smallint(startkey) && wf_is_smallint(key))) {
                // The key may be released once dk is replaced: hold it, then
                // check dk is still installed (so dk owned it all along).
                if (!wf_object_try_incref(startkey)) return DKIX_RETRY;
                if (load_keys(mp) != dk) {
                    wf_decref(startkey);
                    return DKIX_RETRY;
                }
                int cmp;
                if (wf_str_check_exact(startkey) && wf_str_check_exact(key)) {
                    cmp = wf_str_equal(startkey, key);
                } else {
                    wf_containers_before_callout();  // when called inside a section
                    cmp = wf_object_richcompare_bool(startkey, key, WF_EQ);
                }
                wf_decref(startkey);
                if (cmp < 0) return DKIX_ERROR;
                // __eq__ may have mutated the dict.
                if (load_keys(mp) != dk || get_index(dk, i) != ix) return DKIX_RETRY;
                if (cmp > 0) break;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    WfObject *v = entry_value(ep);
    if (!v) return DKIX_EMPTY;  // deleted meanwhile: absent at that moment
    if (WF_LIKELY(wf_object_try_incref_fast(v))) {
        // No re-check needed: v was the entry's value when read (containers.h).
        *value = v;
        return ix;
    }
    if (!wf_object_try_incref_compare((WfObject *const *)&ep->value, v)) return DKIX_RETRY;
    if (load_keys(mp) != dk) {
        wf_decref(v);
        return DKIX_RETRY;
    }
    *value = v;
    return ix;
}

static __attribute__((noinline)) wf_ssize lookup_locked_ref(WfDictObject *mp, WfObject *key, intptr_t hash,
                                                             WfObject **value) {
    WfObject *v;
    wf_ssize ix;
    WF_CONTAINER_BEGIN(mp);
    ix = lookup(mp, key, hash, &v);
    *value = v ? wf_object_newref_with_lock(v) : NULL;
    WF_CONTAINER_END();
    return ix;
}

// Lookup with *value a new reference: lock-free, or under the lock when the
// lock-free attempt raced a writer. DKIX_EMPTY, DKIX_ERROR or the index.
static inline __attribute__((always_inline)) wf_ssize lookup_ref(WfDictObject *mp, WfObject *key, intptr_t hash,
                                                                  WfObject **value) {
    wf_ssize ix = lookup_unlocked(mp, key, hash, value);
    if (WF_LIKELY(ix != DKIX_RETRY)) return ix;
    return lookup_locked_ref(mp, key, hash, value);
}

static inline __attribute__((always_inline)) intptr_t hash_of(WfObject *key) {
    if (wf_str_check_exact(key)) {
        intptr_t h = atomic_load_explicit(&((WfStrObject *)key)->hash, memory_order_relaxed);
        if (h != -1) return h;
    }
    return wf_object_hash(key);
}

// Lock held (or mp not shared yet). Append a new entry for `key` (known
// absent). Steals key and value (to g on failure).
static int insert_new(WfDictObject *mp, WfObject *key, intptr_t hash, WfObject *value, DictGarbage *g) {
    WfDictKeys *dk = load_keys(mp);
    if (nentries_of(dk) >= dk->usable) {
        if (dict_resize(mp, calculate_log2_keysize(mp->used * 3), g) < 0) {
            garbage_add(g, key);
            garbage_add(g, value);
            return -1;
        }
        dk = load_keys(mp);
    }
    size_t slot = find_empty_slot(dk, hash);
    wf_ssize n = nentries_of(dk);
    WfDictEntry *ep = &entries_of(dk)[n];
    if (n + 1 < dk->usable) ep[1].key = NULL;  // the next entry carries no popitem hint
    ep->hash = hash;
    ep->key = key;
    atomic_store_explicit(&ep->value, value, memory_order_relaxed);
    // Release (both): a reader that sees the count or the slot sees the entry.
    atomic_store_explicit(&dk->nentries, n + 1, memory_order_release);
    set_index(dk, slot, n);
    set_used(mp, mp->used + 1);
    mp->version++;
    return 0;
}

// Lock held. d[key] = value; steals key and value (what it replaces, and
// what it drops on failure, goes to g).
static int insert_take(WfDictObject *mp, WfObject *key, intptr_t hash, WfObject *value, DictGarbage *g) {
    WfObject *old_value;
    wf_ssize ix = lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR) {
        garbage_add(g, key);
        garbage_add(g, value);
        return -1;
    }
    if (ix == DKIX_EMPTY) return insert_new(mp, key, hash, value, g);
    WfDictEntry *ep = &entries_of(load_keys(mp))[ix];
    // Release: a reader that sees the new value sees the object's contents.
    atomic_store_explicit(&ep->value, value, memory_order_release);
    mp->version++;
    garbage_add(g, old_value);
    garbage_add(g, key);
    return 0;
}

// Lock held. Remove the live entry ix; returns its value (the caller's
// reference now).
static WfObject *delete_entry(WfDictObject *mp, intptr_t hash, wf_ssize ix) {
    WfDictKeys *dk = load_keys(mp);
    size_t slot = find_slot_of(dk, hash, ix);
    set_index(dk, slot, DKIX_DUMMY);
    WfDictEntry *ep = &entries_of(dk)[ix];
    WfObject *old = entry_value(ep);
    atomic_store_explicit(&ep->value, NULL, memory_order_release);
    set_used(mp, mp->used - 1);
    mp->version++;
    return old;
}

// ---------------------------------------------------------------------------
// Public C API

static WfObject *dict_alloc(WfTypeObject *type) {
    WfObject *o = wf_containers_alloc(type, &wf_dict_type, 0);
    if (!o) return NULL;
    DICT(o)->used = 0;
    atomic_store_explicit(&DICT(o)->keys, &empty_keys, memory_order_relaxed);
    DICT(o)->version = 0;
    return o;
}

WfObject *wf_dict_new(void) { return dict_alloc(&wf_dict_type); }

WfObject *wf_dict_new_presized(wf_ssize n) {
    WfObject *d = wf_dict_new();
    if (!d || n <= USABLE_FRACTION(8)) return d;
    WfDictKeys *k = new_keys(estimate_log2_keysize(n));
    if (!k) {
        wf_decref(d);
        return NULL;
    }
    atomic_store_explicit(&DICT(d)->keys, k, memory_order_relaxed);
    return d;
}

int wf_dict_get_item_known_hash(WfObject *d, WfObject *key, intptr_t hash, WfObject **result) {
    wf_ssize ix = lookup_ref(DICT(d), key, hash, result);
    if (ix == DKIX_ERROR) {
        *result = NULL;
        return -1;
    }
    return *result != NULL;
}

int wf_dict_get_item_ref(WfObject *d, WfObject *key, WfObject **result) {
    intptr_t hash = hash_of(key);
    if (hash == -1) {
        *result = NULL;
        return -1;
    }
    return wf_dict_get_item_known_hash(d, key, hash, result);
}

WfObject *wf_dict_get_item_borrow(WfObject *d, WfObject *key) {
    WfObject *v;
    if (wf_dict_get_item_ref(d, key, &v) <= 0) return NULL;
    // Borrowed: the dict keeps it alive while the caller knows it is not
    // mutated (dict.h).
    wf_decref(v);
    return v;
}

WfObject *wf_dict_get_item_cstr_borrow(WfObject *d, const char *key) {
    WfObject *k = wf_str_from_cstr(key);
    if (!k) return NULL;
    WfObject *v = wf_dict_get_item_borrow(d, k);
    wf_decref(k);
    return v;
}

wf_ssize wf_dict_lookup_index(WfObject *d, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    WfObject *v;
    wf_ssize ix;
    WF_CONTAINER_BEGIN(d);
    ix = lookup(DICT(d), key, hash, &v);
    WF_CONTAINER_END();
    return ix >= 0 && v ? ix : -1;
}

WfObject *wf_dict_entry_ref_if_key(WfObject *d, wf_ssize index, WfObject *key) {
    WfDictObject *mp = DICT(d);
    for (int attempt = 0; attempt < 2; attempt++) {
        WfDictKeys *dk = load_keys(mp);
        if (index < 0 || index >= nentries_of(dk)) return NULL;
        WfDictEntry *ep = &entries_of(dk)[index];
        if (ep->key != key) return NULL;  // written before nentries was published
        WfObject *v = entry_value(ep);
        if (!v) return NULL;
        if (wf_object_try_incref_fast(v)) return v;
        if (!wf_object_try_incref_compare((WfObject *const *)&ep->value, v)) continue;
        if (load_keys(mp) == dk) return v;
        wf_decref(v);
    }
    WfObject *r = NULL;
    WF_CONTAINER_BEGIN(d);
    WfDictKeys *dk = load_keys(mp);
    if (index >= 0 && index < nentries_of(dk) && entries_of(dk)[index].key == key) {
        WfObject *v = entry_value(&entries_of(dk)[index]);
        if (v) r = wf_object_newref_with_lock(v);
    }
    WF_CONTAINER_END();
    return r;
}

int wf_dict_set_item_take(WfObject *d, WfObject *key, WfObject *value) {
    intptr_t hash = hash_of(key);
    if (hash == -1) {
        wf_decref(value);
        return -1;
    }
    DictGarbage g;
    garbage_init(&g);
    int r;
    wf_incref(key);
    WF_CONTAINER_BEGIN(d);
    r = insert_take(DICT(d), key, hash, value, &g);
    WF_CONTAINER_END();
    garbage_release(&g);
    return r;
}

int wf_dict_set_item(WfObject *d, WfObject *key, WfObject *value) {
    return wf_dict_set_item_take(d, key, wf_newref(value));
}

int wf_dict_set_item_cstr(WfObject *d, const char *key, WfObject *value) {
    WfObject *k = wf_str_intern_cstr(key);
    if (!k) return -1;
    int r = wf_dict_set_item(d, k, value);
    wf_decref(k);
    return r;
}

// Remove key: 1 with its value in *result (new reference), 0 if absent, -1.
static int pop_known_hash(WfObject *d, WfObject *key, intptr_t hash, WfObject **result) {
    WfObject *v;
    wf_ssize ix;
    *result = NULL;
    WF_CONTAINER_BEGIN(d);
    ix = lookup(DICT(d), key, hash, &v);
    if (ix >= 0 && v) *result = delete_entry(DICT(d), hash, ix);
    WF_CONTAINER_END();
    if (ix == DKIX_ERROR) return -1;
    return *result != NULL;
}

int wf_dict_del_item(WfObject *d, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    WfObject *old;
    int r = pop_known_hash(d, key, hash, &old);
    if (r < 0) return -1;
    if (r == 0) {
        wf_containers_key_error(key);
        return -1;
    }
    wf_decref(old);
    return 0;
}

int wf_dict_pop(WfObject *d, WfObject *key, WfObject **result) {
    *result = NULL;
    if (used_of(DICT(d)) == 0) return 0;
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    return pop_known_hash(d, key, hash, result);
}

int wf_dict_contains(WfObject *d, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return -1;
    return wf_dict_contains_known_hash(d, key, hash);
}

// Contains with a known hash (for sets and views).
int wf_dict_contains_known_hash(WfObject *d, WfObject *key, intptr_t hash) {
    WfObject *v;
    wf_ssize ix = lookup_ref(DICT(d), key, hash, &v);
    if (ix == DKIX_ERROR) return -1;
    if (!v) return 0;
    wf_decref(v);
    return 1;
}

void wf_dict_clear(WfObject *d) {
    WfDictObject *mp = DICT(d);
    WfDictKeys *old;
    WF_CONTAINER_BEGIN(d);
    old = load_keys(mp);
    if (old != &empty_keys) {
        atomic_store_explicit(&mp->keys, &empty_keys, memory_order_release);
        set_used(mp, 0);
        mp->version++;
    }
    WF_CONTAINER_END();
    if (old == &empty_keys) return;
    // Unpublished: nobody mutates it any more; drop its references.
    WfDictEntry *ep = entries_of(old);
    wf_ssize n = nentries_of(old);
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *v = entry_value(&ep[i]);
        wf_xdecref(ep[i].key);
        wf_xdecref(v);
    }
    wf_qsbr_free_storage(old);
}

int wf_dict_next(WfObject *d, wf_ssize *pos, WfObject **key, WfObject **value) {
    return wf_dict_next_with_hash(d, pos, key, value, NULL);
}

// As wf_dict_next, also giving the stored hash (for set construction).
int wf_dict_next_with_hash(WfObject *d, wf_ssize *pos, WfObject **key, WfObject **value, intptr_t *hash) {
    WfDictKeys *dk = load_keys(DICT(d));
    wf_ssize i = *pos, n = nentries_of(dk);
    if (i < 0) return 0;
    WfDictEntry *ep = entries_of(dk);
    while (i < n) {
        WfObject *v = entry_value(&ep[i]);
        if (v) {
            if (key) *key = ep[i].key;
            if (value) *value = v;
            if (hash) *hash = ep[i].hash;
            *pos = i + 1;
            return 1;
        }
        i++;
    }
    *pos = i;
    return 0;
}

// The next live entry at or after *pos, with new references (taken under the
// lock, so they stay valid while the dict changes), and its hash.
int wf_dict_next_ref(WfObject *d, wf_ssize *pos, WfObject **key, WfObject **value, intptr_t *hash) {
    int found;
    WF_CONTAINER_BEGIN(d);
    WfObject *k, *v;
    found = wf_dict_next_with_hash(d, pos, &k, &v, hash);
    if (found) {
        *key = wf_object_newref_with_lock(k);
        *value = wf_object_newref_with_lock(v);
    }
    WF_CONTAINER_END();
    return found;
}

WfObject *wf_dict_setdefault(WfObject *d, WfObject *key, WfObject *dflt) {
    WfDictObject *mp = DICT(d);
    intptr_t hash = hash_of(key);
    if (hash == -1) return NULL;
    WfObject *v = NULL;
    DictGarbage g;
    garbage_init(&g);
    WF_CONTAINER_BEGIN(d);
    wf_ssize ix = lookup(mp, key, hash, &v);
    if (v) {
        v = wf_object_newref_with_lock(v);
    } else if (ix != DKIX_ERROR && insert_new(mp, wf_newref(key), hash, wf_newref(dflt), &g) == 0) {
        v = wf_newref(dflt);
    }
    WF_CONTAINER_END();
    garbage_release(&g);
    return v;
}

// Lock held: a list of the keys (0), values (1) or (key, value) pairs (2).
static WfObject *build_list_lock_held(WfObject *d, int what) {
    wf_ssize n = DICT(d)->used;
    WfObject *l = wf_list_new(n);
    if (!l) return NULL;
    wf_ssize pos = 0, j = 0;
    WfObject *k, *v;
    while (j < n && wf_dict_next(d, &pos, &k, &v)) {
        WfObject *item;
        if (what == 0) item = wf_newref(k);
        else if (what == 1) item = wf_newref(v);
        else if (!(item = wf_tuple_pack(2, k, v))) break;
        wf_list_set_take_unsafe(l, j++, item);
    }
    if (j < n) {
        // Only when building a pair failed (the list is still private).
        ((WfVarObject *)l)->ob_size = j;
        wf_decref(l);
        return NULL;
    }
    return l;
}

static WfObject *dict_build_list(WfObject *d, int what) {
    WfObject *l;
    WF_CONTAINER_BEGIN(d);
    l = build_list_lock_held(d, what);
    WF_CONTAINER_END();
    return l;
}

WfObject *wf_dict_keys_list(WfObject *d) { return dict_build_list(d, 0); }
WfObject *wf_dict_values_list(WfObject *d) { return dict_build_list(d, 1); }
WfObject *wf_dict_items_list(WfObject *d) { return dict_build_list(d, 2); }

WfObject *wf_dict_copy(WfObject *d) {
    WfObject *copy;
    DictGarbage g;
    garbage_init(&g);
    WF_CONTAINER_BEGIN(d);
    copy = wf_dict_new_presized(DICT(d)->used);
    if (copy) {
        // The copy is private: no lock needed on it.
        wf_ssize pos = 0;
        WfObject *k, *v;
        intptr_t h;
        while (wf_dict_next_with_hash(d, &pos, &k, &v, &h)) {
            if (insert_new(DICT(copy), wf_newref(k), h, wf_newref(v), &g) < 0) {
                wf_decref(copy);
                copy = NULL;
                break;
            }
        }
    }
    WF_CONTAINER_END();
    garbage_release(&g);
    return copy;
}

static WfObject *dict_iter_slot(WfObject *d);

// Both locks held: merge dict b into a (override as wf_dict_merge). The
// comparisons in a's lookups may suspend the section: b's size is re-checked
// after every insertion, and each insertion re-reads a.
static int merge_dict_lock_held(WfDictObject *mp, WfObject *b, int override) {
    wf_containers_before_callout();  // releases garbage as it goes
    WfDictObject *other = DICT(b);
    DictGarbage g;
    garbage_init(&g);
    WfDictKeys *dk = load_keys(mp);
    if (USABLE_FRACTION((wf_ssize)1 << dk->log2_size) < other->used) {
        if (dict_resize(mp, estimate_log2_keysize(mp->used + other->used), &g) < 0) return -1;
    }
    wf_ssize orig_size = other->used;
    wf_ssize pos = 0;
    WfObject *k, *v;
    intptr_t h;
    int err = 0;
    while (!err && wf_dict_next_with_hash(b, &pos, &k, &v, &h)) {
        wf_incref(k);
        wf_incref(v);
        if (override == 1) {
            err = insert_take(mp, k, h, v, &g);
        } else {
            WfObject *cur;
            wf_ssize ix = lookup(mp, k, h, &cur);
            if (ix == DKIX_ERROR) {
                err = -1;
            } else if (cur) {
                if (override == 2) {
                    wf_containers_key_error(k);
                    err = -1;
                }
            } else {
                err = insert_new(mp, k, h, v, &g);
                k = v = NULL;  // stolen
            }
            if (k) garbage_add(&g, k);
            if (v) garbage_add(&g, v);
        }
        // Each insertion is complete: what it replaced may go now.
        garbage_release(&g);
        if (!err && orig_size != other->used) {
            wf_err_set_string(&wf_exc_RuntimeError, "dict mutated during update");
            err = -1;
        }
    }
    garbage_release(&g);
    return err;
}

// d.update(other) / dict(other) / merge: `other` a mapping. override: 1 replace,
// 0 keep existing, 2 KeyError on a duplicate key.
int wf_dict_merge(WfObject *a, WfObject *b, int override) {
    if (wf_dict_check(b) && wf_type_of(b)->tp_iter == dict_iter_slot) {
        if (a == b || used_of(DICT(b)) == 0) return 0;
        int r;
        WF_CONTAINER_BEGIN2(a, b);
        r = merge_dict_lock_held(DICT(a), b, override);
        WF_CONTAINER_END();
        return r;
    }
    // Generic mapping: for key in b.keys(): a[key] = b[key]
    WfObject *keys = wf_object_call_method(b, WF_ID(keys), NULL, 0);
    if (!keys) return -1;
    WfObject *it = wf_object_get_iter(keys);
    wf_decref(keys);
    if (!it) return -1;
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        if (override != 1) {
            int c = wf_dict_contains(a, key);
            if (c != 0) {
                if (c > 0 && override == 2) {
                    wf_containers_key_error(key);
                    c = -1;
                }
                if (c < 0) {
                    wf_decref(key);
                    wf_decref(it);
                    return -1;
                }
                wf_decref(key);
                continue;
            }
        }
        WfObject *value = wf_object_getitem(b, key);
        if (!value) {
            wf_decref(key);
            wf_decref(it);
            return -1;
        }
        int r = wf_dict_set_item_take(a, key, value);
        wf_decref(key);
        if (r < 0) {
            wf_decref(it);
            return -1;
        }
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
}

// d.update(seq) where seq yields pairs.
static int merge_from_seq2(WfObject *d, WfObject *seq2, int override) {
    WfObject *it = wf_object_get_iter(seq2);
    if (!it) return -1;
    for (wf_ssize i = 0;; i++) {
        WfObject *item = wf_iter_next(it);
        if (!item) break;
        WfObject *fast;
        if (wf_tuple_check_exact(item)) {
            fast = wf_newref(item);
        } else if (wf_list_check_exact(item)) {
            fast = wf_list_as_tuple(item);  // a snapshot: the list may be shared
            if (!fast) {
                wf_decref(item);
                goto fail;
            }
        } else {
            WfObject *iit = wf_object_get_iter(item);
            if (!iit) {
                if (wf_err_matches(&wf_exc_TypeError))
                    wf_err_format(&wf_exc_TypeError,
                                  "cannot convert dictionary update sequence element #%zd to a sequence", i);
                wf_decref(item);
                goto fail;
            }
            fast = wf_tuple_from_iterable(iit);
            wf_decref(iit);
            if (!fast) {
                wf_decref(item);
                goto fail;
            }
        }
        wf_decref(item);
        wf_ssize n = wf_tuple_size(fast);
        if (n != 2) {
            wf_err_format(&wf_exc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, n);
            wf_decref(fast);
            goto fail;
        }
        WfObject **items = wf_tuple_items(fast);
        WfObject *key = wf_newref(items[0]), *value = wf_newref(items[1]);
        wf_decref(fast);
        int r;
        if (override) {
            r = wf_dict_set_item(d, key, value);
        } else {
            WfObject *got = wf_dict_setdefault(d, key, value);
            r = got ? 0 : -1;
            wf_xdecref(got);
        }
        wf_decref(key);
        wf_decref(value);
        if (r < 0) goto fail;
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
fail:
    wf_decref(it);
    return -1;
}

// dict.update's positional argument: a dict, anything with keys(), or pairs.
int wf_dict_update(WfObject *d, WfObject *arg) {
    if (wf_dict_check_exact(arg)) return wf_dict_merge(d, arg, 1);
    WfObject *keys;
    int r = wf_object_lookup_attr(arg, WF_ID(keys), &keys);
    if (r < 0) return -1;
    if (r > 0) {
        wf_decref(keys);
        return wf_dict_merge(d, arg, 1);
    }
    return merge_from_seq2(d, arg, 1);
}

// update(*args, **kwargs) shared by dict.__init__ and dict.update.
static int update_common(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames, const char *name) {
    if (nargs > 1) {
        wf_err_format(&wf_exc_TypeError, "%s expected at most 1 argument, got %zu", name, nargs);
        return -1;
    }
    if (nargs == 1 && wf_dict_update(self, args[0]) < 0) return -1;
    if (kwnames) {
        wf_ssize nk = wf_tuple_size(kwnames);
        for (wf_ssize i = 0; i < nk; i++) {
            if (wf_dict_set_item(self, wf_tuple_items(kwnames)[i], args[nargs + (size_t)i]) < 0) return -1;
        }
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Slots

static void dict_dealloc(WfObject *o) {
    if (!wf_containers_dealloc_enter(o)) return;
    WfDictObject *mp = DICT(o);
    WfDictKeys *k = load_keys(mp);
    if (k != &empty_keys) {
        WfDictEntry *ep = entries_of(k);
        wf_ssize n = nentries_of(k);
        for (wf_ssize i = 0; i < n; i++) {
            wf_xdecref(ep[i].key);
            wf_xdecref(entry_value(&ep[i]));
        }
        // At once: no thread can be reading a dict nobody references.
        wf_mem_free(k);
    }
    wf_containers_free(o);
    wf_containers_dealloc_leave();
}

static int dict_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    wf_ssize pos = 0;
    WfObject *k, *v;
    while (wf_dict_next(o, &pos, &k, &v)) {
        if (!wf_is_smallint(k)) {
            int r = visit(k, arg);
            if (r) return r;
        }
        if (!wf_is_smallint(v)) {
            int r = visit(v, arg);
            if (r) return r;
        }
    }
    return 0;
}

static int dict_tp_clear(WfObject *o) {
    wf_dict_clear(o);
    return 0;
}

static WfObject *dict_repr(WfObject *o) {
    int r = wf_containers_repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return wf_str_from_cstr("{...}");
    if (used_of(DICT(o)) == 0) {
        wf_containers_repr_leave(o);
        return wf_str_from_cstr("{}");
    }
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_append_char(&b, '{') < 0) goto fail;
    wf_ssize pos = 0;
    WfObject *k, *v;
    intptr_t h;
    bool first = true;
    // The reprs run without the lock and may change the dict.
    while (wf_dict_next_ref(o, &pos, &k, &v, &h)) {
        WfObject *ks = NULL, *vs = NULL;
        int rc = -1;
        if ((first || wf_str_builder_append_ascii(&b, ", ") == 0) && (ks = wf_object_repr(k)) &&
            wf_str_builder_append_str(&b, ks) == 0 && wf_str_builder_append_ascii(&b, ": ") == 0 &&
            (vs = wf_object_repr(v)) && wf_str_builder_append_str(&b, vs) == 0)
            rc = 0;
        first = false;
        wf_xdecref(ks);
        wf_xdecref(vs);
        wf_decref(k);
        wf_decref(v);
        if (rc < 0) goto fail;
    }
    if (wf_str_builder_append_char(&b, '}') < 0) goto fail;
    wf_containers_repr_leave(o);
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    wf_containers_repr_leave(o);
    return NULL;
}

static wf_ssize dict_len(WfObject *o) { return used_of(DICT(o)); }

static int dict_contains_slot(WfObject *o, WfObject *key) { return wf_dict_contains(o, key); }

static WfObject *dict_getitem(WfObject *o, WfObject *key) {
    intptr_t hash = hash_of(key);
    if (hash == -1) return NULL;
    WfObject *v;
    wf_ssize ix = lookup_ref(DICT(o), key, hash, &v);
    if (ix == DKIX_ERROR) return NULL;
    if (v) return v;
    if (!wf_dict_check_exact(o)) {
        WfTypeObject *t = wf_type_of(o);
        WfObject *missing = wf_type_lookup_ref(t, WF_ID(__missing__));
        if (missing) {
            WfObject *res;
            WfDescrGetFunc get = wf_type_of(missing)->tp_descr_get;
            if (get) {
                WfObject *bound = get(missing, o, (WfObject *)t);
                wf_decref(missing);
                if (!bound) return NULL;
                res = wf_object_call_one(bound, key);
                wf_decref(bound);
            } else {
                res = wf_object_call_one(missing, key);
                wf_decref(missing);
            }
            return res;
        }
        if (wf_err_occurred()) return NULL;
    }
    wf_containers_key_error(key);
    return NULL;
}

static int dict_setitem(WfObject *o, WfObject *key, WfObject *value) {
    if (value) return wf_dict_set_item(o, key, value);
    return wf_dict_del_item(o, key);
}

// 1 equal, 0 different, -1 error. Entries of a are read one at a time under
// its lock; lookups in b and value comparisons run without locks.
static int dict_equal(WfDictObject *a, WfDictObject *b) {
    if (used_of(a) != used_of(b)) return 0;
    wf_ssize pos = 0;
    WfObject *key, *aval;
    intptr_t hash;
    while (wf_dict_next_ref((WfObject *)a, &pos, &key, &aval, &hash)) {
        WfObject *bval;
        wf_ssize ix = lookup_ref(b, key, hash, &bval);
        wf_decref(key);
        if (ix == DKIX_ERROR || !bval) {
            wf_decref(aval);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        int cmp = wf_object_richcompare_bool(aval, bval, WF_EQ);
        wf_decref(aval);
        wf_decref(bval);
        if (cmp <= 0) return cmp;
    }
    return 1;
}

static WfObject *dict_richcompare(WfObject *v, WfObject *w, int op) {
    if (!wf_dict_check(v) || !wf_dict_check(w) || (op != WF_EQ && op != WF_NE))
        return wf_newref(wf_NotImplemented);
    int cmp = dict_equal(DICT(v), DICT(w));
    if (cmp < 0) return NULL;
    return wf_bool_from((cmp > 0) == (op == WF_EQ));
}

static WfObject *dict_or(WfObject *a, WfObject *b) {
    if (!wf_dict_check(a) || !wf_dict_check(b)) return wf_newref(wf_NotImplemented);
    WfObject *r = wf_dict_copy(a);
    if (!r) return NULL;
    if (wf_dict_update(r, b) < 0) {
        wf_decref(r);
        return NULL;
    }
    return r;
}

static WfObject *dict_ior(WfObject *a, WfObject *b) {
    if (wf_dict_update(a, b) < 0) return NULL;
    return wf_newref(a);
}

static WfNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static WfObject *dict_iter_slot(WfObject *d) { return wf_dict_views_iter_new(d, WF_DICT_ITER_KEYS, false); }

// ---------------------------------------------------------------------------
// Methods

static WfObject *dict_get_meth(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
    WfObject *v;
    int r = wf_dict_get_item_ref(self, args[0], &v);
    if (r < 0) return NULL;
    if (r > 0) return v;
    return wf_newref(nargs > 1 ? args[1] : wf_None);
}

static WfObject *dict_setdefault_meth(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("setdefault", nargs, 1, 2) < 0) return NULL;
    return wf_dict_setdefault(self, args[0], nargs > 1 ? args[1] : wf_None);
}

static WfObject *dict_pop_meth(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("pop", nargs, 1, 2) < 0) return NULL;
    WfObject *v;
    int r = wf_dict_pop(self, args[0], &v);
    if (r < 0) return NULL;
    if (r > 0) return v;
    if (nargs > 1) return wf_newref(args[1]);
    wf_containers_key_error(args[0]);
    return NULL;
}

// Lock held: remove the last live entry into res (a fresh 2-tuple); false
// when the dict is empty.
static bool popitem_lock_held(WfDictObject *mp, WfObject *res, DictGarbage *g) {
    if (mp->used == 0) return false;
    WfDictKeys *dk = load_keys(mp);
    wf_ssize n = nentries_of(dk), i = n - 1;
    WfDictEntry *ep = entries_of(dk);
    if (n < dk->usable && ep[n].key == POPITEM_MARK) i = ep[n].hash - 1;  // skip the known dead tail
    while (i >= 0 && !entry_value(&ep[i])) i--;
    if (i < 0) {  // defensive: a stale hint; scan everything
        for (i = n - 1; i >= 0 && !entry_value(&ep[i]); i--) {
        }
    }
    WfObject *key = wf_newref(ep[i].key);
    WfObject *value = delete_entry(mp, ep[i].hash, i);
    wf_tuple_set_take(res, 0, key);
    wf_tuple_set_take(res, 1, value);
    // Entries are never reused, so the tail [i, n) is now dead: remember it
    // in the unused entry at n (unreachable by readers), or compact when
    // there is no room for the hint.
    if (n < dk->usable) {
        ep[n].hash = i;
        ep[n].key = POPITEM_MARK;
    } else if (n - i > 16) {
        if (dict_resize(mp, estimate_log2_keysize(mp->used), g) < 0) wf_err_clear();
    }
    return true;
}

static WfObject *dict_popitem_meth(WfObject *self, WfObject *unused) {
    WfDictObject *mp = DICT(self);
    if (used_of(mp) == 0) {
        wf_err_set_string(&wf_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    WfObject *res = wf_tuple_new(2);
    if (!res) return NULL;
    DictGarbage g;
    garbage_init(&g);
    bool ok;
    WF_CONTAINER_BEGIN(self);
    ok = popitem_lock_held(mp, res, &g);
    WF_CONTAINER_END();
    garbage_release(&g);
    if (!ok) {
        wf_decref(res);
        wf_err_set_string(&wf_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    return res;
}

static WfObject *dict_keys_meth(WfObject *self, WfObject *unused) { return wf_dict_views_new(self, &wf_dict_keys_type); }
static WfObject *dict_values_meth(WfObject *self, WfObject *unused) { return wf_dict_views_new(self, &wf_dict_values_type); }
static WfObject *dict_items_meth(WfObject *self, WfObject *unused) { return wf_dict_views_new(self, &wf_dict_items_type); }

static WfObject *dict_update_meth(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (update_common(self, args, nargs, kwnames, "update") < 0) return NULL;
    return wf_None;
}

static WfObject *dict_clear_meth(WfObject *self, WfObject *unused) {
    wf_dict_clear(self);
    return wf_None;
}

static WfObject *dict_copy_meth(WfObject *self, WfObject *unused) { return wf_dict_copy(self); }

static WfObject *dict_fromkeys_meth(WfObject *cls, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("fromkeys", nargs, 1, 2) < 0) return NULL;
    WfObject *iterable = args[0], *value = nargs > 1 ? args[1] : wf_None;
    WfObject *d = wf_object_call_noargs(cls);
    if (!d) return NULL;
    bool exact = wf_dict_check_exact(d);
    if (exact && used_of(DICT(d)) == 0 && (wf_dict_check_exact(iterable) || wf_anyset_check(iterable))) {
        wf_ssize n = wf_dict_check_exact(iterable) ? used_of(DICT(iterable)) : wf_set_size(iterable);
        DictGarbage g;
        garbage_init(&g);
        int r = 0;
        WF_CONTAINER_BEGIN(d);
        WfDictKeys *dk = load_keys(DICT(d));
        if (USABLE_FRACTION((wf_ssize)1 << dk->log2_size) < n) r = dict_resize(DICT(d), estimate_log2_keysize(n), &g);
        WF_CONTAINER_END();
        garbage_release(&g);
        if (r < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) {
        wf_decref(d);
        return NULL;
    }
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        int r = exact ? wf_dict_set_item(d, key, value) : wf_object_setitem(d, key, value);
        wf_decref(key);
        if (r < 0) {
            wf_decref(it);
            wf_decref(d);
            return NULL;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_decref(d);
        return NULL;
    }
    return d;
}

static WfObject *dict_reversed_meth(WfObject *self, WfObject *unused) {
    return wf_dict_views_iter_new(self, WF_DICT_ITER_KEYS, true);
}

static WfObject *dict_sizeof_meth(WfObject *self, WfObject *unused) {
    WfDictKeys *k = load_keys(DICT(self));  // readable even if replaced meanwhile (QSBR)
    size_t res = sizeof(WfDictObject);
    if (k != &empty_keys)
        res += sizeof(WfDictKeys) + ((size_t)1 << k->log2_index_bytes) + (size_t)k->usable * sizeof(WfDictEntry);
    return wf_int_from_size_t(res);
}

static WfObject *dict_contains_meth(WfObject *self, WfObject *key) {
    int r = wf_dict_contains(self, key);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static const WfMethodDef dict_methods[] = {
    WF_METHOD("__contains__", dict_contains_meth, WF_METH_O | WF_METH_COEXIST,
              "__contains__($self, key, /)\n--\n\nTrue if the dictionary has the specified key, else False."),
    WF_METHOD("__sizeof__", dict_sizeof_meth, WF_METH_NOARGS, "D.__sizeof__() -> size of D in memory, in bytes"),
    WF_METHOD("get", dict_get_meth, WF_METH_FASTCALL,
              "get($self, key, default=None, /)\n--\n\n"
              "Return the value for key if key is in the dictionary, else default."),
    WF_METHOD("setdefault", dict_setdefault_meth, WF_METH_FASTCALL,
              "setdefault($self, key, default=None, /)\n--\n\n"
              "Insert key with a value of default if key is not in the dictionary.\n\n"
              "Return the value for key if key is in the dictionary, else default."),
    WF_METHOD("pop", dict_pop_meth, WF_METH_FASTCALL,
              "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\n"
              "If the key is not found, return the default if given; otherwise,\nraise a KeyError."),
    WF_METHOD("popitem", dict_popitem_meth, WF_METH_NOARGS,
              "popitem($self, /)\n--\n\nRemove and return a (key, value) pair as a 2-tuple.\n\n"
              "Pairs are returned in LIFO (last-in, first-out) order.\n"
              "Raises KeyError if the dict is empty."),
    WF_METHOD("keys", dict_keys_meth, WF_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"),
    WF_METHOD("items", dict_items_meth, WF_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"),
    WF_METHOD("values", dict_values_meth, WF_METH_NOARGS, "D.values() -> an object providing a view on D's values"),
    WF_METHOD("update", dict_update_meth, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n"
              "If E is present and has a .keys() method, then does:  for k in E: D[k] = E[k]\n"
              "If E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = v\n"
              "In either case, this is followed by: for k in F:  D[k] = F[k]"),
    WF_METHOD("fromkeys", dict_fromkeys_meth, WF_METH_FASTCALL | WF_METH_CLASS,
              "fromkeys($type, iterable, value=None, /)\n--\n\n"
              "Create a new dictionary with keys from iterable and values set to value."),
    WF_METHOD("clear", dict_clear_meth, WF_METH_NOARGS, "D.clear() -> None.  Remove all items from D."),
    WF_METHOD("copy", dict_copy_meth, WF_METH_NOARGS, "D.copy() -> a shallow copy of D"),
    WF_METHOD("__reversed__", dict_reversed_meth, WF_METH_NOARGS,
              "__reversed__($self, /)\n--\n\nReturn a reverse iterator over the dict keys."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static WfObject *dict_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return dict_alloc(type);
}

static int dict_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return update_common(self, args, nargs, kwnames, "dict");
}

WfTypeObject wf_dict_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "dict",
    .tp_basicsize = sizeof(WfDictObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_MAPPING | WF_TPFLAGS_DICT_SUBCLASS |
                WF_TPFLAGS_HAVE_GC,
    .tp_doc = "dict() -> new empty dictionary\n"
              "dict(mapping) -> new dictionary initialized from a mapping object's\n"
              "    (key, value) pairs\n"
              "dict(iterable) -> new dictionary initialized as if via:\n"
              "    d = {}\n"
              "    for k, v in iterable:\n"
              "        d[k] = v\n"
              "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n"
              "    in the keyword argument list.  For example:  dict(one=1, two=2)",
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter_slot,
    .tp_init = dict_init,
    .tp_new = dict_new,
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_as_number = &dict_as_number,
    .tp_len = dict_len,
    .tp_getitem = dict_getitem,
    .tp_setitem = dict_setitem,
    .tp_contains = dict_contains_slot,
    .tp_methods = dict_methods,
};
