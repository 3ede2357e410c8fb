// specialize.h — inline caches of adaptive instructions and how they are
// published between threads.
//
// Invariants:
// - Code units (instructions and caches) are only ever read and written with
//   32-bit atomic operations; an instruction's opcode byte is rewritten with a
//   release store after its cache units were written, and every specialized
//   instruction re-validates its cache, so a thread running the same code sees
//   either the old or the new instruction and never acts on a torn cache.
// - Cache unit 0 of LOAD_ATTR / STORE_ATTR is a *key*: the version tag the
//   cache was made for (1..0x7FFFFFFF), WF_CACHE_BUSY while one writer owns the
//   cache, or (generic form) WF_CACHE_COUNTER_BIT | failures << 26 |
//   executions left before the next specialization attempt; 0 (as the
//   assembler leaves it) means "try at the next execution". Each failure
//   doubles the wait; after WF_CACHE_MAX_FAILURES the instruction stays
//   generic for good and its counter is no longer written (a counter written
//   on every execution of code that N threads run is a cache line they all
//   fight over). Writers take the cache by compare-and-swapping unit 0
//   to BUSY, write the other units, then store the key (release) and finally
//   the opcode (release). Readers load the key (acquire), the data (relaxed),
//   fence (acquire) and re-load the key: a seqlock with one writer at a time.
//   Unit 1 carries the specialization kind in its low byte so a reader whose
//   opcode is stale detects a cache written for another kind.
// - LOAD_GLOBAL's caches need no key: unit 1 is an entry index into the
//   globals or builtins dict that the specialized instruction validates by
//   checking that the entry's key is the name (dict.h guarantees an entry's key
//   never changes while its keys object is installed). Unit 0 is the counter.
#ifndef WF_VM_SPECIALIZE_H
#define WF_VM_SPECIALIZE_H

#include "objects/containers.h"
#include "objects/dict.h"
#include "objects/str.h"
#include "vm/frame.h"
#include "vm/opcodes.h"

#define WF_CACHE_BUSY 0xFFFFFFFFu
#define WF_CACHE_COUNTER_BIT 0x80000000u
#define WF_CACHE_KEY_MAX 0x7FFFFFFFu
#define WF_CACHE_BACKOFF 64u     // generic executions before the first retry after a failure / deopt
#define WF_CACHE_FAILURE_SHIFT 26
#define WF_CACHE_COUNT_MASK ((1u << WF_CACHE_FAILURE_SHIFT) - 1)
#define WF_CACHE_MAX_FAILURES 6u
#define WF_CACHE_GAVE_UP (WF_CACHE_COUNTER_BIT | (15u << WF_CACHE_FAILURE_SHIFT))

// Specialization kinds stored in the low byte of LOAD_ATTR/STORE_ATTR unit 1.
enum {
    WF_ATTR_KIND_INSTANCE = 1,
    WF_ATTR_KIND_SLOT,
    WF_ATTR_KIND_CLASS_VALUE,
    WF_ATTR_KIND_METHOD_NO_DICT,
    WF_ATTR_KIND_METHOD_WITH_DICT,
    WF_ATTR_KIND_MODULE,
    WF_ATTR_KIND_TYPE,
    WF_ATTR_KIND_STORE_INSTANCE,
    WF_ATTR_KIND_PROPERTY,
    WF_ATTR_KIND_STORE_SLOT,
};
#define WF_MODULE_CACHE_KEY 1u   // LOAD_ATTR_MODULE's key (the kind byte does the rest)

WF_INLINE uint32_t wf_cache_load(const uint32_t *u) { return __atomic_load_n(u, __ATOMIC_RELAXED); }

// Generic form: count down; true when it is time to try specializing.
WF_INLINE bool wf_cache_should_specialize(uint32_t *cache0) {
    uint32_t c = __atomic_load_n(cache0, __ATOMIC_RELAXED);
    if (WF_LIKELY(c == 0)) return true;
    if ((c & WF_CACHE_COUNTER_BIT) && c != WF_CACHE_BUSY && c != WF_CACHE_GAVE_UP) {
        if ((c & WF_CACHE_COUNT_MASK) == 0) return true;
        // Racy decrement between threads is harmless: it only delays a retry.
        __atomic_store_n(cache0, c - 1, __ATOMIC_RELAXED);
    }
    return false;
}

typedef struct {
    uint32_t aux;
    uintptr_t ptr;
} WfAttrCache;

// Seqlock read of a LOAD_ATTR/STORE_ATTR cache for `key` (units 0..n).
WF_INLINE bool wf_attr_cache_read(const uint32_t *cache, uint32_t key, int with_ptr, WfAttrCache *out) {
    // The data loads are acquire so that the key's re-load cannot move before
    // them (the fence-free form of the seqlock read; plain loads on x86).
    uint32_t k = __atomic_load_n(&cache[0], __ATOMIC_ACQUIRE);
    if (k != key) return false;
    out->aux = __atomic_load_n(&cache[1], __ATOMIC_ACQUIRE);
    if (with_ptr) {
        uint64_t lo = __atomic_load_n(&cache[2], __ATOMIC_ACQUIRE);
        uint64_t hi = __atomic_load_n(&cache[3], __ATOMIC_ACQUIRE);
        out->ptr = (uintptr_t)(lo | (hi << 32));
    }
    return __atomic_load_n(&cache[0], __ATOMIC_RELAXED) == k;
}

// The value of `d`'s entry `index` if its key is `name`, as a stack
// reference, or NULL bits when it is absent or could not be referenced
// without the dict's lock (the caller's generic path then locks). A small
// int needs nothing. An immortal or deferred value is borrowed once the slot
// is seen to still hold it after its bits were read: a deferred object is
// freed only by the deferred sweep, which needs a safe point, and this
// thread is not at one. Any other value is counted by try-incref with the
// same re-check (containers.h).
WF_INLINE WfStackRef wf_dict_entry_stackref(WfObject *d, uint32_t index, WfObject *name) {
    WfDictKeys *keys = atomic_load_explicit(&((WfDictObject *)d)->keys, memory_order_acquire);
    if (WF_UNLIKELY(keys == NULL)) return WF_STACKREF_NULL;
    if ((wf_ssize)index >= atomic_load_explicit(&keys->nentries, memory_order_acquire)) return WF_STACKREF_NULL;
    WfDictEntry *e = &wf_dict_keys_entries(keys)[index];
    if (e->key != name) return WF_STACKREF_NULL;
    WfObject *v = atomic_load_explicit(&e->value, memory_order_acquire);
    if (WF_UNLIKELY(v == NULL)) return WF_STACKREF_NULL;
    if (wf_is_smallint(v)) return wf_stackref_steal(v);
    if (WF_LIKELY(wf_object_can_borrow_speculative(v))) {
        // acquire: orders the bit reads above before the re-check.
        if (atomic_load_explicit(&e->value, memory_order_acquire) != v) return WF_STACKREF_NULL;
        return (WfStackRef){(uintptr_t)v | WF_STACKREF_BORROWED};
    }
    if (!wf_object_try_incref_compare((WfObject *const *)&e->value, v)) return WF_STACKREF_NULL;
    return wf_stackref_steal(v);
}

// Rewrite the opcode byte of `instr` (release: cache units written before are
// visible to a thread that sees the new opcode).
WF_INLINE void wf_specialize_set_opcode(uint32_t *instr, int op) {
    uint32_t u = __atomic_load_n(instr, __ATOMIC_RELAXED);
    __atomic_store_n(instr, (u & ~0xffu) | (uint32_t)op, __ATOMIC_RELEASE);
}

// Lock-free probe of dict `d` for the exact str `name` (hash already
// computed, e.g. an interned identifier): 1 present (live value), 0 absent,
// -1 unsure (a different key with the same hash, or no cached hash: use the
// dict's own lookup). Follows dict.c's documented layout and probing
// (CPython's: i = hash & mask, i = 5*i + perturb + 1, perturb >>= 5; index
// slots of 1 << (log2_index_bytes - log2_size) bytes; -1 empty, -2 dummy).
WF_INLINE int wf_dict_probe_str(WfObject *d, WfObject *name) {
    intptr_t hash = atomic_load_explicit(&((WfStrObject *)name)->hash, memory_order_relaxed);
    if (WF_UNLIKELY(hash == -1)) return -1;
    WfDictKeys *k = atomic_load_explicit(&((WfDictObject *)d)->keys, memory_order_acquire);
    size_t mask = ((size_t)1 << k->log2_size) - 1;
    int width = k->log2_index_bytes - k->log2_size;  // log2 of bytes per slot
    WfDictEntry *entries = wf_dict_keys_entries(k);
    size_t perturb = (size_t)hash, i = (size_t)hash & mask;
    for (;;) {
        wf_ssize ix;
        switch (width) {
        case 0: ix = __atomic_load_n(&((int8_t *)k->indices)[i], __ATOMIC_ACQUIRE); break;
        case 1: ix = __atomic_load_n(&((int16_t *)k->indices)[i], __ATOMIC_ACQUIRE); break;
        case 2: ix = __atomic_load_n(&((int32_t *)k->indices)[i], __ATOMIC_ACQUIRE); break;
        default: ix = __atomic_load_n(&((int64_t *)k->indices)[i], __ATOMIC_ACQUIRE); break;
        }
        if (ix == -1) return 0;
        if (ix >= 0) {
            WfDictEntry *e = &entries[ix];
            if (e->key == name) return atomic_load_explicit(&e->value, memory_order_acquire) ? 1 : 0;
            if (e->hash == hash) return -1;
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

// Whether `name` is absent from dict `d` (no exception).
WF_INLINE bool wf_dict_lacks_str(WfObject *d, WfObject *name) {
    int r = wf_dict_probe_str(d, name);
    if (WF_LIKELY(r >= 0)) return r == 0;
    return wf_dict_lookup_index(d, name) < 0;
}

// Specializers (vm/specialize.c). `instr` is the instruction's unit; its
// caches follow. They never raise (errors are cleared) and leave the
// instruction generic (with a backoff counter) when they cannot specialize.
void wf_specialize_load_global(uint32_t *instr, WfFrame *f, WfObject *name);
void wf_specialize_load_attr(uint32_t *instr, WfObject *owner, WfObject *name, int method_form);
void wf_specialize_store_attr(uint32_t *instr, WfObject *owner, WfObject *name);
// Return a specialized instruction to its generic form with a backoff.
void wf_specialize_deopt(uint32_t *instr, int generic_op);
// LOAD_GLOBAL_*: count a miss; deoptimize after a few.
void wf_specialize_global_miss(uint32_t *instr);

#endif
