// str_intern.c — the global intern table: one canonical, immortal str per
// distinct text, for identifiers, attribute names and sys.intern().
//
// Invariants:
// - `intern_table` points at an open-addressing (linear probing) table of
//   atomically published str pointers. A slot goes from NULL to a string once
//   and never changes afterwards; strings are never removed (interned strings
//   are immortal), so probing needs no tombstones.
// - Lookups are lock-free: load the table (acquire), probe slots (acquire).
//   A reader that misses a string being inserted concurrently falls back to
//   the locked path, which looks again before inserting.
// - Insertions and growth hold `intern_lock`. Growth builds a new table,
//   publishes it with a release store and retires the old one through QSBR
//   (a lock-free reader may still be probing it until its next quiescent
//   point).
// - The lock is a plain pthread mutex: it guards a short, non-blocking
//   critical section (no Python code, no allocation that can run the GC, no
//   waiting on other locks), interning can run before the runtime's own
//   mutexes and thread states exist, and lookups — the hot path — never take it.
#include <pthread.h>

#include "objects/str_internal.h"
#include "runtime/error.h"
#include "sync/qsbr.h"

typedef struct {
    wf_ssize mask;                 // capacity - 1 (capacity a power of two)
    _Atomic(WfObject *) slots[];
} InternTable;

static _Atomic(InternTable *) intern_table;
static wf_ssize intern_used;       // guarded by intern_lock
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;

static WfObject *table_lookup(InternTable *t, WfObject *s, intptr_t hash) {
    size_t i = (size_t)hash & (size_t)t->mask;
    for (;;) {
        // Acquire pairs with the release store that published the slot: the
        // string's contents and hash are visible once its pointer is.
        WfObject *e = atomic_load_explicit(&t->slots[i], memory_order_acquire);
        if (!e) return NULL;
        if (wf_str_hash(e) == hash && wf_str_equal(e, s)) return e;
        i = (i + 1) & (size_t)t->mask;
    }
}

static void table_insert(InternTable *t, WfObject *s, intptr_t hash) {
    size_t i = (size_t)hash & (size_t)t->mask;
    while (atomic_load_explicit(&t->slots[i], memory_order_relaxed)) i = (i + 1) & (size_t)t->mask;
    atomic_store_explicit(&t->slots[i], s, memory_order_release);
}

static InternTable *table_new(wf_ssize capacity) {
    InternTable *t = wf_mem_calloc(1, sizeof(InternTable) + (size_t)capacity * sizeof(WfObject *));
    if (t) t->mask = capacity - 1;
    return t;
}

// Called with intern_lock held. 0 ok, -1 out of memory (no exception set).
static int ensure_room(void) {
    InternTable *t = atomic_load_explicit(&intern_table, memory_order_relaxed);
    if (t && (intern_used + 1) * 2 <= t->mask + 1) return 0;
    wf_ssize cap = t ? (t->mask + 1) * 2 : 1024;
    InternTable *nt = table_new(cap);
    if (!nt) return -1;
    if (t) {
        for (wf_ssize i = 0; i <= t->mask; i++) {
            WfObject *e = atomic_load_explicit(&t->slots[i], memory_order_relaxed);
            if (e) table_insert(nt, e, wf_str_hash(e));
        }
    }
    // Release: readers that load the new table see its filled slots.
    atomic_store_explicit(&intern_table, nt, memory_order_release);
    wf_qsbr_free_storage(t);
    return 0;
}

WfObject *wf_str_intern_take(WfObject *s) {
    if (!wf_str_check_exact(s)) return s;  // only exact str are interned (as CPython)
    WfStrObject *o = wf_str_obj(s);
    if (__atomic_load_n(&o->interned, __ATOMIC_RELAXED)) return s;
    wf_ssize len = o->length;
    if (len == 0 || (len == 1 && wf_str_char_at(s, 0) < 256)) {
        WfObject *canon = len == 0 ? wf_str_empty() : wf_str_from_char(wf_str_char_at(s, 0));
        wf_decref(s);
        return canon;  // static and immortal
    }
    intptr_t hash = wf_str_hash(s);
    InternTable *t = atomic_load_explicit(&intern_table, memory_order_acquire);
    WfObject *found = t ? table_lookup(t, s, hash) : NULL;
    if (found) {
        wf_decref(s);
        return found;
    }
    pthread_mutex_lock(&intern_lock);
    t = atomic_load_explicit(&intern_table, memory_order_relaxed);
    found = t ? table_lookup(t, s, hash) : NULL;
    if (!found) {
        if (ensure_room() < 0) {
            pthread_mutex_unlock(&intern_lock);
            return s;  // not interned, but still a valid string
        }
        wf_object_set_immortal(s);
        __atomic_store_n(&o->interned, 1, __ATOMIC_RELAXED);
        table_insert(atomic_load_explicit(&intern_table, memory_order_relaxed), s, hash);
        intern_used++;
        found = s;
        s = NULL;
    }
    pthread_mutex_unlock(&intern_lock);
    if (s) wf_decref(s);
    return found;
}

WfObject *wf_str_intern_cstr(const char *cs) {
    WfObject *s = wf_str_from_cstr(cs);
    if (!s) return NULL;
    return wf_str_intern_take(s);
}
