// typeobject.c — the `type` type: readying types (dict, MRO, inherited
// slots), attribute lookup through the MRO with version tags and a lock-free
// method cache, the subclass lists, type.__getattribute__/__setattr__/__call__,
// and the attributes of types.
//
// Invariants:
// - tp_version_tag is 0 (invalid) or a value taken once from the global
//   counter `next_version_tag`, which only increases: a tag is never reused,
//   so a cache entry recorded under tag V can only match lookups that read V.
// - Whenever something a lookup on type T could observe changes (T's dict or
//   a dict of a type in T's MRO), the mutator first changes the dict and then
//   stores 0 into the tag of that type and of every subclass (release), with
//   no early exit. A thread assigning a tag does so with a compare-and-swap
//   (acq_rel) and only then reads the dicts; it thereby either is overwritten
//   by the invalidation or synchronizes with it and sees the new dict.
// - The method cache is a fixed array of entries, each guarded by a sequence
//   counter (seqlock): writers make it odd with a CAS, store the fields with
//   relaxed atomics after a release fence, and make it even with a release
//   store; readers load it (acquire), load the fields (relaxed), fence
//   (acquire) and re-check it. Only interned (immortal) names are cached, so
//   a name pointer identifies one string forever.
// - Subclass lists hold raw pointers (weak references): a heap type removes
//   itself from its bases' lists in its dealloc. They are read and written
//   under type_lock only.
#include <pthread.h>
#include <stdio.h>

#include "objects/containers.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/deferred.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"

// ---------------------------------------------------------------------------
// type_lock

static pthread_mutex_t type_mutex = PTHREAD_MUTEX_INITIALIZER;
void wf_type_lock(void) { pthread_mutex_lock(&type_mutex); }
void wf_type_unlock(void) { pthread_mutex_unlock(&type_mutex); }

// Private per-type data kept in tp_cache.
typedef struct {
    WfTypeObject **subclasses;
    wf_ssize nsub, capsub;
} TypeExtra;

static TypeExtra *type_extra(WfTypeObject *t) {
    if (!t->tp_cache) t->tp_cache = wf_mem_calloc(1, sizeof(TypeExtra));
    return t->tp_cache;
}

static int add_subclass_locked(WfTypeObject *base, WfTypeObject *sub) {
    TypeExtra *x = type_extra(base);
    if (!x) return -1;
    if (x->nsub == x->capsub) {
        wf_ssize ncap = x->capsub ? x->capsub * 2 : 4;
        WfTypeObject **n = wf_mem_realloc(x->subclasses, (size_t)ncap * sizeof(WfTypeObject *));
        if (!n) return -1;
        x->subclasses = n;
        x->capsub = ncap;
    }
    x->subclasses[x->nsub++] = sub;
    return 0;
}

static void remove_subclass_locked(WfTypeObject *base, WfTypeObject *sub) {
    TypeExtra *x = base->tp_cache;
    if (!x) return;
    for (wf_ssize i = 0; i < x->nsub; i++) {
        if (x->subclasses[i] == sub) {
            memmove(&x->subclasses[i], &x->subclasses[i + 1], (size_t)(x->nsub - i - 1) * sizeof(WfTypeObject *));
            x->nsub--;
            return;
        }
    }
}

void wf_type_for_each_subclass_locked(WfTypeObject *t, void (*fn)(WfTypeObject *sub, void *arg), void *arg) {
    TypeExtra *x = t->tp_cache;
    if (!x) return;
    for (wf_ssize i = 0; i < x->nsub; i++) fn(x->subclasses[i], arg);
}

WfObject *wf_type_subclasses(WfTypeObject *t) {
    wf_type_lock();
    TypeExtra *x = t->tp_cache;
    wf_ssize n = x ? x->nsub : 0;
    WfObject *list = wf_list_new(n);
    if (list) {
        for (wf_ssize i = 0; i < n; i++) wf_list_set_take_unsafe(list, i, wf_newref((WfObject *)x->subclasses[i]));
    }
    wf_type_unlock();
    return list;
}

// ---------------------------------------------------------------------------
// Version tags and the method cache

static _Atomic(uint32_t) next_version_tag = 1;

uint32_t wf_type_version(WfTypeObject *t) {
    // Acquire pairs with the CAS below in other threads (see invariants).
    uint32_t v = atomic_load_explicit(&t->tp_version_tag, memory_order_acquire);
    if (v) return v;
    if (!(t->tp_flags & WF_TPFLAGS_READY)) return 0;
    // Relaxed: the counter only needs uniqueness.
    uint32_t fresh = atomic_fetch_add_explicit(&next_version_tag, 1, memory_order_relaxed);
    if (fresh == 0 || fresh == UINT32_MAX) {
        atomic_store_explicit(&next_version_tag, UINT32_MAX, memory_order_relaxed);
        return 0;  // exhausted: lookups of this type stay uncached
    }
    uint32_t expected = 0;
    // acq_rel: acquire synchronizes with an invalidating release store that
    // this CAS reads from, so the dicts read afterwards are current.
    if (atomic_compare_exchange_strong_explicit(&t->tp_version_tag, &expected, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    return expected;
}

static void modified_locked(WfTypeObject *t) {
    // Release: orders the dict mutation before the invalidation (see invariants).
    atomic_store_explicit(&t->tp_version_tag, 0, memory_order_release);
    TypeExtra *x = t->tp_cache;
    if (!x) return;
    for (wf_ssize i = 0; i < x->nsub; i++) modified_locked(x->subclasses[i]);
}

void wf_type_modified(WfTypeObject *t) {
    wf_type_lock();
    modified_locked(t);
    wf_type_unlock();
}

#define MCACHE_BITS 12
#define MCACHE_SIZE (1u << MCACHE_BITS)

typedef struct {
    _Atomic(uint32_t) sequence;  // odd while a writer fills the entry
    _Atomic(uint32_t) version;
    _Atomic(WfObject *) name;
    _Atomic(WfObject *) value;
} CacheEntry;

static CacheEntry method_cache[MCACHE_SIZE];

WF_INLINE uint32_t mcache_index(uint32_t version, WfObject *name) {
    uintptr_t p = (uintptr_t)name;
    return (uint32_t)((version * 0x9E3779B1u) ^ (uint32_t)(p >> 4) ^ (uint32_t)(p >> 13)) & (MCACHE_SIZE - 1);
}

static void pending_flush_needed(void);

WfObject *wf_type_find_in_mro(WfTypeObject *t, WfObject *name) {
    WfObject *mro = t->tp_mro;
    if (WF_UNLIKELY(!mro)) {
        // Not ready yet (startup): search the base chain's dicts if any.
        for (WfTypeObject *b = t; b; b = b->tp_base) {
            if (!b->tp_dict) continue;
            WfObject *res = wf_dict_get_item_borrow(b->tp_dict, name);
            if (res) return res;
            if (wf_err_occurred()) wf_err_clear();
        }
        return NULL;
    }
    wf_ssize n = wf_tuple_size(mro);
    for (wf_ssize i = 0; i < n; i++) {
        WfTypeObject *base = (WfTypeObject *)wf_tuple_get_borrow(mro, i);
        WfObject *dict = base->tp_dict;
        if (!dict) continue;
        WfObject *res = wf_dict_get_item_borrow(dict, name);
        if (res) return res;
        if (WF_UNLIKELY(wf_err_occurred())) wf_err_clear();
    }
    return NULL;
}

static WfObject *lookup_slow(WfTypeObject *t, WfObject *name) {
    if (WF_UNLIKELY(!(t->tp_flags & WF_TPFLAGS_READY))) pending_flush_needed();
    uint32_t v = wf_type_version(t);
    WfObject *res = wf_type_find_in_mro(t, name);
    if (v && wf_str_check_exact(name) && ((WfStrObject *)name)->interned) {
        CacheEntry *e = &method_cache[mcache_index(v, name)];
        uint32_t s = atomic_load_explicit(&e->sequence, memory_order_relaxed);
        if (!(s & 1) && atomic_compare_exchange_strong_explicit(&e->sequence, &s, s + 1, memory_order_relaxed,
                                                                  memory_order_relaxed)) {
            // Release fence: the odd sequence becomes visible before the field stores.
            atomic_thread_fence(memory_order_release);
            atomic_store_explicit(&e->version, v, memory_order_relaxed);
            atomic_store_explicit(&e->name, name, memory_order_relaxed);
            atomic_store_explicit(&e->value, res, memory_order_relaxed);
            // Release: the fields are visible to a reader that sees s + 2.
            atomic_store_explicit(&e->sequence, s + 2, memory_order_release);
        }
    }
    return res;
}

WfObject *wf_type_lookup(WfTypeObject *t, WfObject *name) {
    uint32_t v = atomic_load_explicit(&t->tp_version_tag, memory_order_acquire);
    if (WF_LIKELY(v != 0)) {
        CacheEntry *e = &method_cache[mcache_index(v, name)];
        uint32_t s1 = atomic_load_explicit(&e->sequence, memory_order_acquire);
        if (WF_LIKELY(!(s1 & 1))) {
            uint32_t ev = atomic_load_explicit(&e->version, memory_order_relaxed);
            WfObject *en = atomic_load_explicit(&e->name, memory_order_relaxed);
            WfObject *val = atomic_load_explicit(&e->value, memory_order_relaxed);
            // Acquire fence: the field loads happen before the re-check below.
            atomic_thread_fence(memory_order_acquire);
            uint32_t s2 = atomic_load_explicit(&e->sequence, memory_order_relaxed);
            if (WF_LIKELY(s1 == s2 && ev == v && en == name)) return val;
        }
    }
    return lookup_slow(t, name);
}

WfObject *wf_type_lookup_ref(WfTypeObject *t, WfObject *name) {
    WfObject *r = wf_type_lookup(t, name);
    return r ? wf_newref(r) : NULL;
}

// ---------------------------------------------------------------------------
// Subtype checks, names

int wf_type_is_subtype(WfTypeObject *a, WfTypeObject *b) {
    if (a == b || b == &wf_object_type) return 1;
    WfObject *mro = a->tp_mro;
    if (mro) {
        wf_ssize n = wf_tuple_size(mro);
        WfObject **items = wf_tuple_items(mro);
        for (wf_ssize i = 0; i < n; i++)
            if (items[i] == (WfObject *)b) return 1;
        return 0;
    }
    for (; a; a = a->tp_base)
        if (a == b) return 1;
    return 0;
}

const char *wf_type_name(WfTypeObject *t) {
    if (wf_type_is_heap(t)) return t->tp_name;
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

static WfObject *type_name_obj(WfTypeObject *t) {
    if (wf_type_is_heap(t) && t->tp_name_obj) return wf_newref(t->tp_name_obj);
    return wf_str_from_cstr(wf_type_name(t));
}

WfObject *wf_type_qualname(WfTypeObject *t) {
    if (wf_type_is_heap(t) && t->tp_qualname_obj) return wf_newref(t->tp_qualname_obj);
    return type_name_obj(t);
}

WfObject *wf_type_module(WfTypeObject *t) {
    if (wf_type_is_heap(t)) {
        WfObject *mod = NULL;
        if (t->tp_dict && wf_dict_get_item_ref(t->tp_dict, WF_ID(__module__), &mod) < 0) return NULL;
        if (mod) return mod;
        return wf_err_format(&wf_exc_AttributeError, "__module__");
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot) return wf_str_from_utf8(t->tp_name, dot - t->tp_name);
    return wf_str_intern_cstr("builtins");
}

// ---------------------------------------------------------------------------
// MRO (C3 linearization)

static WfObject *class_name(WfObject *cls) {
    WfObject *name;
    if (wf_object_lookup_attr(cls, WF_ID(__name__), &name) <= 0) {
        wf_err_clear();
        return wf_object_repr(cls);
    }
    return name;
}

static int tail_contains(WfObject *list, wf_ssize whence, WfObject *o) {
    wf_ssize n = wf_tuple_size(list);
    for (wf_ssize j = whence + 1; j < n; j++)
        if (wf_tuple_get_borrow(list, j) == o) return 1;
    return 0;
}

static void set_mro_error(WfObject **to_merge, wf_ssize n, wf_ssize *remain) {
    WfObject *seen = wf_dict_new();
    if (!seen) return;
    for (wf_ssize i = 0; i < n; i++) {
        if (remain[i] < wf_tuple_size(to_merge[i])) {
            if (wf_dict_set_item(seen, wf_tuple_get_borrow(to_merge[i], remain[i]), wf_None) < 0) {
                wf_decref(seen);
                return;
            }
        }
    }
    WfStrBuilder b;
    wf_str_builder_init(&b);
    wf_str_builder_append_ascii(&b, "Cannot create a consistent method resolution\norder (MRO) for bases");
    wf_ssize pos = 0, k = 0, total = wf_dict_size(seen);
    WfObject *key, *value;
    while (wf_dict_next(seen, &pos, &key, &value)) {
        WfObject *name = class_name(key);
        wf_str_builder_append_char(&b, ' ');
        if (name && wf_str_check(name)) wf_str_builder_append_str(&b, name);
        else wf_str_builder_append_ascii(&b, "?");
        wf_xdecref(name);
        if (++k < total) wf_str_builder_append_char(&b, ',');
    }
    wf_decref(seen);
    WfObject *msg = wf_str_builder_finish(&b);
    if (msg) {
        wf_err_set_object(&wf_exc_TypeError, msg);
        wf_decref(msg);
    }
}

static int pmerge(WfObject *acc, WfObject **to_merge, wf_ssize n) {
    wf_ssize *remain = wf_mem_calloc((size_t)n, sizeof(wf_ssize));
    if (!remain) {
        wf_err_no_memory();
        return -1;
    }
    int res = 0;
again:;
    wf_ssize empty = 0;
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *cur = to_merge[i];
        if (remain[i] >= wf_tuple_size(cur)) {
            empty++;
            continue;
        }
        WfObject *candidate = wf_tuple_get_borrow(cur, remain[i]);
        for (wf_ssize j = 0; j < n; j++)
            if (tail_contains(to_merge[j], remain[j], candidate)) goto skip;
        if (wf_list_append(acc, candidate) < 0) {
            res = -1;
            goto done;
        }
        for (wf_ssize j = 0; j < n; j++) {
            if (remain[j] < wf_tuple_size(to_merge[j]) && wf_tuple_get_borrow(to_merge[j], remain[j]) == candidate)
                remain[j]++;
        }
        goto again;
    skip:;
    }
    if (empty != n) {
        set_mro_error(to_merge, n, remain);
        res = -1;
    }
done:
    wf_mem_free(remain);
    return res;
}

static WfObject *mro_implementation(WfTypeObject *type) {
    WfObject *bases = type->tp_bases;
    wf_ssize n = wf_tuple_size(bases);
    for (wf_ssize i = 0; i < n; i++) {
        WfTypeObject *b = (WfTypeObject *)wf_tuple_get_borrow(bases, i);
        if (!b->tp_mro) return wf_err_format(&wf_exc_TypeError, "Cannot extend an incomplete type '%.100s'", b->tp_name);
    }
    if (n == 1) {
        WfObject *bmro = ((WfTypeObject *)wf_tuple_get_borrow(bases, 0))->tp_mro;
        wf_ssize k = wf_tuple_size(bmro);
        WfObject *res = wf_tuple_new(k + 1);
        if (!res) return NULL;
        wf_tuple_set_take(res, 0, wf_newref((WfObject *)type));
        for (wf_ssize i = 0; i < k; i++) wf_tuple_set_take(res, i + 1, wf_newref(wf_tuple_get_borrow(bmro, i)));
        return res;
    }
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *b = wf_tuple_get_borrow(bases, i);
        for (wf_ssize j = i + 1; j < n; j++) {
            if (wf_tuple_get_borrow(bases, j) == b) {
                WfObject *name = class_name(b);
                if (name) {
                    wf_err_format(&wf_exc_TypeError, "duplicate base class %U", name);
                    wf_decref(name);
                }
                return NULL;
            }
        }
    }
    WfObject **to_merge = wf_mem_malloc((size_t)(n + 1) * sizeof(WfObject *));
    if (!to_merge) return wf_err_no_memory();
    for (wf_ssize i = 0; i < n; i++) to_merge[i] = ((WfTypeObject *)wf_tuple_get_borrow(bases, i))->tp_mro;
    to_merge[n] = bases;
    WfObject *acc = wf_list_new(0);
    if (!acc || wf_list_append(acc, (WfObject *)type) < 0 || pmerge(acc, to_merge, n + 1) < 0) {
        wf_mem_free(to_merge);
        wf_xdecref(acc);
        return NULL;
    }
    wf_mem_free(to_merge);
    WfObject *res = wf_list_as_tuple(acc);
    wf_decref(acc);
    return res;
}

static WfObject *type_mro_method(WfObject *self, WfObject *unused) {
    WfObject *t = mro_implementation((WfTypeObject *)self);
    if (!t) return NULL;
    WfObject *l = wf_list_from_iterable(t);
    wf_decref(t);
    return l;
}

// The MRO of a new type: C3, or the metaclass's overridden mro().
static WfObject *compute_mro(WfTypeObject *type) {
    WfTypeObject *meta = wf_type_of((WfObject *)type);
    if (meta != &wf_type_type) {
        WfObject *mro_meth = wf_type_lookup(meta, WF_ID(mro));
        WfObject *base_meth = wf_type_lookup(&wf_type_type, WF_ID(mro));
        if (mro_meth && mro_meth != base_meth) {
            WfObject *r = wf_object_call_method((WfObject *)type, WF_ID(mro), NULL, 0);
            if (!r) return NULL;
            WfObject *t = wf_tuple_from_iterable(r);
            wf_decref(r);
            if (!t) return NULL;
            for (wf_ssize i = 0; i < wf_tuple_size(t); i++) {
                WfObject *c = wf_tuple_get_borrow(t, i);
                if (!wf_type_check_type(c)) {
                    wf_err_format(&wf_exc_TypeError, "mro() returned a non-class ('%.500s')", WF_TYPE(c)->tp_name);
                    wf_decref(t);
                    return NULL;
                }
            }
            return t;
        }
    }
    return mro_implementation(type);
}

// ---------------------------------------------------------------------------
// Readying

#define SUBCLASS_FLAGS                                                                                  \
    (WF_TPFLAGS_INT_SUBCLASS | WF_TPFLAGS_LIST_SUBCLASS | WF_TPFLAGS_TUPLE_SUBCLASS |                   \
     WF_TPFLAGS_BYTES_SUBCLASS | WF_TPFLAGS_STR_SUBCLASS | WF_TPFLAGS_DICT_SUBCLASS |                   \
     WF_TPFLAGS_BASE_EXC_SUBCLASS | WF_TPFLAGS_TYPE_SUBCLASS)

bool wf_type_system_names_ready(void) { return wf_identifiers.id___init__ != NULL; }

// Types readied before the identifiers exist wait here (startup is single-threaded).
static WfTypeObject *pending[128];
static int npending;
static int ready_full(WfTypeObject *t);

static int flush_pending(void) {
    while (npending > 0) {
        WfTypeObject *t = pending[0];
        memmove(&pending[0], &pending[1], (size_t)(npending - 1) * sizeof(pending[0]));
        npending--;
        if (ready_full(t) < 0) return -1;
    }
    return 0;
}

static void pending_flush_needed(void) {
    if (npending && wf_type_system_names_ready()) {
        if (flush_pending() < 0) wf_err_clear();
    }
}

static bool overrides_hash(WfTypeObject *t) {
    WfObject *d = t->tp_dict;
    if (!d) return false;
    return wf_dict_get_item_borrow(d, WF_ID(__eq__)) || wf_dict_get_item_borrow(d, WF_ID(__hash__));
}

#define COPYSLOT(slot) \
    if (!t->slot && b->slot) t->slot = b->slot
#define COPYNUM(slot) \
    if (!t->tp_as_number->slot && b->tp_as_number->slot) t->tp_as_number->slot = b->tp_as_number->slot

static void inherit_slots(WfTypeObject *t, WfTypeObject *b) {
    if (t->tp_as_number && b->tp_as_number && t->tp_as_number != b->tp_as_number) {
        COPYNUM(nb_add); COPYNUM(nb_subtract); COPYNUM(nb_multiply); COPYNUM(nb_remainder);
        COPYNUM(nb_divmod); COPYNUM(nb_power); COPYNUM(nb_negative); COPYNUM(nb_positive);
        COPYNUM(nb_absolute); COPYNUM(nb_bool); COPYNUM(nb_invert); COPYNUM(nb_lshift);
        COPYNUM(nb_rshift); COPYNUM(nb_and); COPYNUM(nb_xor); COPYNUM(nb_or); COPYNUM(nb_int);
        COPYNUM(nb_float); COPYNUM(nb_inplace_add); COPYNUM(nb_inplace_subtract);
        COPYNUM(nb_inplace_multiply); COPYNUM(nb_inplace_remainder); COPYNUM(nb_inplace_power);
        COPYNUM(nb_inplace_lshift); COPYNUM(nb_inplace_rshift); COPYNUM(nb_inplace_and);
        COPYNUM(nb_inplace_xor); COPYNUM(nb_inplace_or); COPYNUM(nb_floor_divide);
        COPYNUM(nb_true_divide); COPYNUM(nb_inplace_floor_divide); COPYNUM(nb_inplace_true_divide);
        COPYNUM(nb_index); COPYNUM(nb_matrix_multiply); COPYNUM(nb_inplace_matrix_multiply);
    }
    COPYSLOT(tp_dealloc);
    COPYSLOT(tp_free);
    COPYSLOT(tp_repr);
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    if (!t->tp_getattro && !wf_type_is_heap(t)) t->tp_getattro = b->tp_getattro;
    if (!t->tp_setattro && !wf_type_is_heap(t)) t->tp_setattro = b->tp_setattro;
    if (wf_type_is_heap(t)) {
        COPYSLOT(tp_getattro);
        COPYSLOT(tp_setattro);
    }
    if (!t->tp_richcompare && !t->tp_hash && !overrides_hash(t)) {
        t->tp_richcompare = b->tp_richcompare;
        t->tp_hash = b->tp_hash;
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_init);
    COPYSLOT(tp_finalize);
    COPYSLOT(tp_len);
    COPYSLOT(tp_getitem);
    COPYSLOT(tp_setitem);
    COPYSLOT(tp_contains);
    if ((t->tp_flags & WF_TPFLAGS_HAVE_GC) == (b->tp_flags & WF_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_traverse);
        COPYSLOT(tp_clear);
    }
}

// Add tp_methods / tp_members / tp_getset descriptors to the type dict.
static int add_descriptors(WfTypeObject *t) {
    WfObject *dict = t->tp_dict;
    if (t->tp_methods) {
        for (const WfMethodDef *m = t->tp_methods; m->name; m++) {
            WfObject *name = wf_str_intern_cstr(m->name);
            if (!name) return -1;
            if (!(m->flags & WF_METH_COEXIST) && wf_dict_get_item_borrow(dict, name)) continue;
            WfObject *descr;
            if (m->flags & WF_METH_CLASS) {
                descr = wf_descr_new_classmethod(t, m);
            } else if (m->flags & WF_METH_STATIC) {
                // CPython binds static methods of types to the type (shown in the repr).
                WfObject *f = wf_builtin_function_new(m, (WfObject *)t, NULL);
                descr = f ? wf_staticmethod_new(f) : NULL;
                wf_xdecref(f);
            } else {
                descr = wf_descr_new_method(t, m);
            }
            if (!descr || wf_dict_set_item_take(dict, name, descr) < 0) return -1;
        }
    }
    if (t->tp_members) {
        for (const WfMemberDef *m = t->tp_members; m->name; m++) {
            WfObject *name = wf_str_intern_cstr(m->name);
            if (!name) return -1;
            if (wf_dict_get_item_borrow(dict, name)) continue;
            WfObject *descr = wf_descr_new_member(t, m);
            if (!descr || wf_dict_set_item_take(dict, name, descr) < 0) return -1;
        }
    }
    if (t->tp_getset) {
        for (const WfGetSetDef *g = t->tp_getset; g->name; g++) {
            WfObject *name = wf_str_intern_cstr(g->name);
            if (!name) return -1;
            if (wf_dict_get_item_borrow(dict, name)) continue;
            WfObject *descr = wf_descr_new_getset(t, g);
            if (!descr || wf_dict_set_item_take(dict, name, descr) < 0) return -1;
        }
    }
    return 0;
}

// Structural setup that needs no objects: base, flags, sizes.
static void ready_structure(WfTypeObject *t) {
    WfTypeObject *base = t->tp_base;
    if (!base && t != &wf_object_type) base = t->tp_base = &wf_object_type;
    if (!t->ob_base.ob_base.ob_type) t->ob_base.ob_base.ob_type = base ? wf_type_of((WfObject *)base) : &wf_type_type;
    if (base) {
        if (!t->tp_basicsize) t->tp_basicsize = base->tp_basicsize;
        if (!t->tp_itemsize) t->tp_itemsize = base->tp_itemsize;
        if (!t->tp_dictoffset) t->tp_dictoffset = base->tp_dictoffset;
        if (!t->tp_weaklistoffset) t->tp_weaklistoffset = base->tp_weaklistoffset;
        t->tp_flags |= base->tp_flags & (SUBCLASS_FLAGS | WF_TPFLAGS_PREHEADER);
        if (!(t->tp_flags & (WF_TPFLAGS_SEQUENCE | WF_TPFLAGS_MAPPING)))
            t->tp_flags |= base->tp_flags & (WF_TPFLAGS_SEQUENCE | WF_TPFLAGS_MAPPING);
    }
    if (!wf_type_is_heap(t)) {
        t->tp_flags |= WF_TPFLAGS_IMMUTABLETYPE;
        if (!t->tp_new && base == &wf_object_type) t->tp_flags |= WF_TPFLAGS_DISALLOW_INSTANTIATION;
    }
}

static WfObject *doc_object(WfTypeObject *t) {
    if (!t->tp_doc) return wf_None;
    return wf_descr_doc_from_internal(wf_type_name(t), t->tp_doc);
}

static int ready_full(WfTypeObject *t) {
    WfTypeObject *base = t->tp_base;
    if (base && !(base->tp_flags & WF_TPFLAGS_READY) && ready_full(base) < 0) return -1;
    if (t->tp_flags & WF_TPFLAGS_READY) return 0;
    bool heap = wf_type_is_heap(t);
    if (wf_slotdefs_init() < 0) return -1;
    if (!t->tp_bases) {
        t->tp_bases = base ? wf_tuple_pack(1, (WfObject *)base) : wf_newref(wf_tuple_empty());
        if (!t->tp_bases) return -1;
        if (!heap) wf_object_set_immortal(t->tp_bases);
    }
    if (!t->tp_dict) {
        t->tp_dict = wf_dict_new();
        if (!t->tp_dict) return -1;
        if (!heap) wf_object_set_immortal(t->tp_dict);
    }
    // MRO
    if (!t->tp_mro) {
        WfObject *mro = heap ? compute_mro(t) : mro_implementation(t);
        if (!mro && base == NULL) mro = wf_tuple_pack(1, (WfObject *)t);
        if (!mro) return -1;
        t->tp_mro = mro;
        if (!heap) wf_object_set_immortal(mro);
    }
    // tp_new (static types): disallowed, own (expose __new__), or inherited.
    if (!heap) {
        if (t->tp_flags & WF_TPFLAGS_DISALLOW_INSTANTIATION) {
            t->tp_new = NULL;
        } else if (t->tp_new) {
            if (!wf_dict_get_item_borrow(t->tp_dict, WF_ID(__new__))) {
                WfObject *f = wf_builtin_function_new(&wf_tp_new_wrapper_def, (WfObject *)t, NULL);
                if (!f || wf_dict_set_item_take(t->tp_dict, WF_ID(__new__), f) < 0) return -1;
            }
        } else if (base) {
            t->tp_new = base->tp_new;
        }
        if (wf_type_add_operators(t) < 0) return -1;
    } else if (!t->tp_new && base) {
        t->tp_new = base->tp_new;
    }
    if (add_descriptors(t) < 0) return -1;
    if (!wf_dict_get_item_borrow(t->tp_dict, WF_ID(__doc__))) {
        WfObject *doc = heap ? wf_None : doc_object(t);
        if (!doc || wf_dict_set_item_take(t->tp_dict, WF_ID(__doc__), doc) < 0) return -1;
    }
    // Inherit slots from the MRO (static types without a number struct share their base's).
    if (!heap && !t->tp_as_number && base) t->tp_as_number = base->tp_as_number;
    wf_ssize n = wf_tuple_size(t->tp_mro);
    for (wf_ssize i = 1; i < n; i++) inherit_slots(t, (WfTypeObject *)wf_tuple_get_borrow(t->tp_mro, i));
    if (!t->tp_free) t->tp_free = wf_object_free;
    if (!t->tp_hash && !wf_dict_get_item_borrow(t->tp_dict, WF_ID(__hash__))) {
        if (wf_dict_set_item(t->tp_dict, WF_ID(__hash__), wf_None) < 0) return -1;
        t->tp_hash = wf_object_hash_not_implemented;
    }
    // Register with the bases.
    wf_type_lock();
    wf_ssize nb = wf_tuple_size(t->tp_bases);
    int err = 0;
    for (wf_ssize i = 0; i < nb && !err; i++)
        err = add_subclass_locked((WfTypeObject *)wf_tuple_get_borrow(t->tp_bases, i), t);
    wf_type_unlock();
    if (err) {
        wf_err_no_memory();
        return -1;
    }
    if (heap) {
        wf_type_fixup_slot_dispatchers(t);
    } else {
        // A static type's attributes (method descriptors, slot wrappers, ...)
        // live as long as the type: immortal, so that threads calling
        // list.append or dict.get never write to a shared refcount.
        wf_ssize pos = 0;
        WfObject *k, *v;
        while (wf_dict_next(t->tp_dict, &pos, &k, &v)) wf_object_set_immortal(v);
    }
    t->tp_flags = (t->tp_flags & ~WF_TPFLAGS_READYING) | WF_TPFLAGS_READY;
    return 0;
}

int wf_type_ready(WfTypeObject *t) {
    if (t->tp_flags & WF_TPFLAGS_READY) return 0;
    if (!(t->tp_flags & WF_TPFLAGS_READYING)) {
        if (t->tp_base && !(t->tp_base->tp_flags & (WF_TPFLAGS_READY | WF_TPFLAGS_READYING)) &&
            wf_type_ready(t->tp_base) < 0)
            return -1;
        t->tp_flags |= WF_TPFLAGS_READYING;
        ready_structure(t);
        if (!wf_type_system_names_ready()) {
            if (npending == (int)(sizeof pending / sizeof pending[0])) {
                wf_err_set_string(&wf_exc_SystemError, "too many types readied before the identifiers");
                return -1;
            }
            pending[npending++] = t;
            return 0;
        }
    }
    if (!wf_type_system_names_ready()) return 0;  // still pending
    if (flush_pending() < 0) return -1;
    if (t->tp_flags & WF_TPFLAGS_READY) return 0;
    return ready_full(t);
}

int wf_type_ready_heap(WfTypeObject *t) {
    if (flush_pending() < 0) return -1;
    t->tp_flags |= WF_TPFLAGS_READYING;
    ready_structure(t);
    return ready_full(t);
}

// ---------------------------------------------------------------------------
// type.__getattribute__ / __setattr__

static WfObject *type_getattro(WfObject *self, WfObject *name) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!wf_str_check(name)) {
        return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
    }
    WfTypeObject *meta = wf_type_of(self);
    WfObject *meta_attr = wf_type_lookup(meta, name);
    WfDescrGetFunc meta_get = NULL;
    if (meta_attr) {
        wf_incref(meta_attr);
        meta_get = wf_type_of(meta_attr)->tp_descr_get;
        if (meta_get && wf_type_of(meta_attr)->tp_descr_set) {
            WfObject *res = meta_get(meta_attr, self, (WfObject *)meta);
            wf_decref(meta_attr);
            return res;
        }
    }
    WfObject *attr = wf_type_lookup(type, name);
    if (attr) {
        wf_incref(attr);
        wf_xdecref(meta_attr);
        WfDescrGetFunc local_get = wf_type_of(attr)->tp_descr_get;
        if (local_get) {
            WfObject *res = local_get(attr, NULL, self);
            wf_decref(attr);
            return res;
        }
        return attr;
    }
    if (meta_get) {
        WfObject *res = meta_get(meta_attr, self, (WfObject *)meta);
        wf_decref(meta_attr);
        return res;
    }
    if (meta_attr) return meta_attr;
    wf_err_format(&wf_exc_AttributeError, "type object '%.100s' has no attribute '%U'", type->tp_name, name);
    WfObject *exc = wf_err_occurred_borrow();
    if (exc && wf_type_of(exc) == &wf_exc_AttributeError) {
        WfAttributeErrorObject *ae = (WfAttributeErrorObject *)exc;
        if (!ae->name) ae->name = wf_newref(name);
        if (!ae->obj) ae->obj = wf_newref(self);
    }
    return NULL;
}

bool wf_is_dunder_name(WfObject *name) {
    wf_ssize n = wf_str_length(name);
    if (n < 5 || wf_str_kind(name) != 1) return false;
    const uint8_t *d = wf_str_data(name);
    return d[0] == '_' && d[1] == '_' && d[n - 1] == '_' && d[n - 2] == '_';
}

static int type_setattro(WfObject *self, WfObject *name, WfObject *value) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!wf_str_check(name)) {
        wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
        return -1;
    }
    if (type->tp_flags & WF_TPFLAGS_IMMUTABLETYPE) {
        wf_err_format(&wf_exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, type->tp_name);
        return -1;
    }
    wf_incref(name);
    if (wf_str_check_exact(name) && !((WfStrObject *)name)->interned) name = wf_str_intern_take(name);
    // The value being replaced: other threads may hold it borrowed from a
    // lookup (wf_type_lookup, the method cache) until their next safe point,
    // so it is retired rather than released (runtime/deferred.h).
    WfObject *old = NULL;
    if (type->tp_dict && wf_dict_get_item_ref(type->tp_dict, name, &old) < 0) {
        wf_decref(name);
        return -1;
    }
    int r = wf_object_generic_setattr(self, name, value);
    if (r == 0) {
        wf_type_modified(type);
        if (wf_is_dunder_name(name)) r = wf_type_update_slot(type, name);
    }
    if (old && wf_containers_need_lock()) wf_deferred_retire(old);
    else wf_xdecref(old);
    wf_decref(name);
    return r;
}

// ---------------------------------------------------------------------------
// type.__call__, __new__, __init__, __repr__

WfObject *wf_type_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfTypeObject *type = (WfTypeObject *)self;
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    if (type == &wf_type_type) {
        if (nargs == 1 && nkw == 0) return wf_newref((WfObject *)wf_type_of(args[0]));
        if (nargs != 3) {
            wf_err_set_string(&wf_exc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (!type->tp_new) return wf_err_format(&wf_exc_TypeError, "cannot create '%s' instances", type->tp_name);
    WfObject *obj = type->tp_new(type, args, nargs, kwnames);
    if (!obj) return NULL;
    if (!wf_type_check(obj, type)) return obj;
    WfTypeObject *ot = wf_type_of(obj);
    if (ot->tp_init) {
        if (ot->tp_init(obj, args, nargs, kwnames) < 0) {
            wf_decref(obj);
            return NULL;
        }
    }
    return obj;
}

static WfObject *type_new(WfTypeObject *metatype, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_type_new_impl(metatype, args, nargs, kwnames);
}

static int type_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    if (nargs == 1 && nkw != 0) {
        wf_err_set_string(&wf_exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (nargs != 1 && nargs != 3) {
        wf_err_set_string(&wf_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

static WfObject *type_repr(WfObject *self) {
    WfTypeObject *type = (WfTypeObject *)self;
    WfObject *mod = wf_type_module(type);
    if (!mod) wf_err_clear();
    else if (!wf_str_check(mod)) WF_CLEAR(mod);
    WfObject *name = wf_type_qualname(type);
    if (!name) {
        wf_xdecref(mod);
        return NULL;
    }
    WfObject *r;
    if (mod && !wf_str_equal_cstr(mod, "builtins")) r = wf_str_from_format("<class '%U.%U'>", mod, name);
    else r = wf_str_from_format("<class '%s'>", type->tp_name);
    wf_xdecref(mod);
    wf_decref(name);
    return r;
}

static void type_dealloc(WfObject *self) {
    WfTypeObject *t = (WfTypeObject *)self;
    if (!wf_type_is_heap(t)) return;  // static types are immortal
    wf_type_lock();
    if (t->tp_bases) {
        for (wf_ssize i = 0; i < wf_tuple_size(t->tp_bases); i++)
            remove_subclass_locked((WfTypeObject *)wf_tuple_get_borrow(t->tp_bases, i), t);
    }
    wf_type_unlock();
    WfHeapTypeObject *ht = (WfHeapTypeObject *)t;
    WF_CLEAR(t->tp_bases);
    WF_CLEAR(t->tp_mro);
    WF_CLEAR(t->tp_dict);
    WF_CLEAR(t->tp_name_obj);
    WF_CLEAR(t->tp_qualname_obj);
    WF_CLEAR(t->tp_module_obj);
    WF_CLEAR(ht->slots);
    wf_mem_free(ht->members);
    if (t->tp_base) wf_decref((WfObject *)t->tp_base);
    TypeExtra *x = t->tp_cache;
    if (x) {
        wf_mem_free(x->subclasses);
        wf_mem_free(x);
    }
    wf_type_of(self)->tp_free(self);
}

// ---------------------------------------------------------------------------
// Attributes of types

static int check_set_special(WfTypeObject *type, WfObject *value, const char *name) {
    if (type->tp_flags & WF_TPFLAGS_IMMUTABLETYPE) {
        wf_err_format(&wf_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name, type->tp_name);
        return 0;
    }
    if (!value) {
        wf_err_format(&wf_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, type->tp_name);
        return 0;
    }
    return 1;
}

static WfObject *type_get_name(WfObject *self, void *c) { return type_name_obj((WfTypeObject *)self); }

static int type_set_name(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!check_set_special(type, value, "__name__")) return -1;
    if (!wf_str_check(value)) {
        wf_err_format(&wf_exc_TypeError, "can only assign string to %s.__name__, not '%s'", type->tp_name,
                      WF_TYPE(value)->tp_name);
        return -1;
    }
    wf_ssize len;
    const char *utf8 = wf_str_as_utf8(value, &len);
    if (!utf8) return -1;
    if ((wf_ssize)strlen(utf8) != len) {
        wf_err_set_string(&wf_exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    wf_incref(value);
    WfObject *old = type->tp_name_obj;
    type->tp_name_obj = value;
    type->tp_name = utf8;
    wf_xdecref(old);
    return 0;
}

static WfObject *type_get_qualname(WfObject *self, void *c) { return wf_type_qualname((WfTypeObject *)self); }

static int type_set_qualname(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!check_set_special(type, value, "__qualname__")) return -1;
    if (!wf_str_check(value)) {
        wf_err_format(&wf_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'", type->tp_name,
                      WF_TYPE(value)->tp_name);
        return -1;
    }
    WF_SETREF(type->tp_qualname_obj, wf_newref(value));
    return 0;
}

static WfObject *type_get_module(WfObject *self, void *c) { return wf_type_module((WfTypeObject *)self); }

static int type_set_module(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!check_set_special(type, value, "__module__")) return -1;
    int r = wf_dict_set_item(type->tp_dict, WF_ID(__module__), value);
    wf_type_modified(type);
    return r;
}

static WfObject *type_get_bases(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    return wf_newref(t->tp_bases ? t->tp_bases : wf_tuple_empty());
}

static int type_set_bases(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!check_set_special(type, value, "__bases__")) return -1;
    if (!wf_tuple_check(value)) {
        wf_err_format(&wf_exc_TypeError, "can only assign tuple to %s.__bases__, not %s", type->tp_name,
                      WF_TYPE(value)->tp_name);
        return -1;
    }
    if (wf_tuple_size(value) == 0) {
        wf_err_format(&wf_exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", type->tp_name);
        return -1;
    }
    for (wf_ssize i = 0; i < wf_tuple_size(value); i++) {
        WfObject *b = wf_tuple_get_borrow(value, i);
        if (!wf_type_check_type(b)) {
            wf_err_format(&wf_exc_TypeError, "%s.__bases__ must be tuple of classes, not '%s'", type->tp_name,
                          WF_TYPE(b)->tp_name);
            return -1;
        }
        if (wf_type_is_subtype((WfTypeObject *)b, type)) {
            wf_err_set_string(&wf_exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    WfObject *old_bases = type->tp_bases, *old_mro = type->tp_mro;
    type->tp_bases = wf_newref(value);
    WfObject *mro = compute_mro(type);
    if (!mro) {
        wf_decref(type->tp_bases);
        type->tp_bases = old_bases;
        return -1;
    }
    wf_type_lock();
    for (wf_ssize i = 0; i < wf_tuple_size(old_bases); i++)
        remove_subclass_locked((WfTypeObject *)wf_tuple_get_borrow(old_bases, i), type);
    for (wf_ssize i = 0; i < wf_tuple_size(value); i++)
        add_subclass_locked((WfTypeObject *)wf_tuple_get_borrow(value, i), type);
    type->tp_mro = mro;
    wf_type_unlock();
    wf_type_modified(type);
    wf_decref(old_bases);
    wf_decref(old_mro);
    wf_type_fixup_slot_dispatchers(type);
    return 0;
}

static WfObject *type_get_mro(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    return wf_newref(t->tp_mro ? t->tp_mro : wf_None);
}

static WfObject *type_get_base(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    return wf_newref(t->tp_base ? (WfObject *)t->tp_base : wf_None);
}

static WfObject *type_get_dict(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    if (!t->tp_dict) return wf_None;
    return wf_mappingproxy_new(t->tp_dict);
}

static WfObject *type_get_doc(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    if (!wf_type_is_heap(t)) return doc_object(t);
    WfObject *doc = NULL;
    if (wf_dict_get_item_ref(t->tp_dict, WF_ID(__doc__), &doc) < 0) return NULL;
    if (!doc) return wf_None;
    WfDescrGetFunc f = wf_type_of(doc)->tp_descr_get;
    if (f) {
        WfObject *r = f(doc, NULL, self);
        wf_decref(doc);
        return r;
    }
    return doc;
}

static int type_set_doc(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (!check_set_special(type, value, "__doc__")) return -1;
    int r = wf_dict_set_item(type->tp_dict, WF_ID(__doc__), value);
    wf_type_modified(type);
    return r;
}

static WfObject *type_get_text_signature(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    if (!t->tp_doc) return wf_None;
    return wf_descr_text_signature_from_internal(wf_type_name(t), t->tp_doc);
}

static WfObject *abstractmethods_name(void) { return wf_str_intern_cstr("__abstractmethods__"); }

static WfObject *type_get_abstractmethods(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    WfObject *res = NULL;
    if (t != &wf_type_type && t->tp_dict && wf_dict_get_item_ref(t->tp_dict, abstractmethods_name(), &res) < 0)
        return NULL;
    if (!res) {
        WfObject *name = abstractmethods_name();
        wf_err_set_object(&wf_exc_AttributeError, name);
    }
    return res;
}

static int type_set_abstractmethods(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    int abstract = 0, r;
    if (value) {
        abstract = wf_object_is_true(value);
        if (abstract < 0) return -1;
        r = wf_dict_set_item(type->tp_dict, abstractmethods_name(), value);
    } else {
        r = wf_dict_del_item(type->tp_dict, abstractmethods_name());
        if (r < 0 && wf_err_matches(&wf_exc_KeyError)) {
            wf_err_clear();
            wf_err_set_object(&wf_exc_AttributeError, abstractmethods_name());
        }
    }
    if (r < 0) return -1;
    wf_type_modified(type);
    if (abstract) type->tp_flags |= WF_TPFLAGS_ABSTRACT;
    else type->tp_flags &= ~WF_TPFLAGS_ABSTRACT;
    return 0;
}

static WfObject *annotations_name(void) { return WF_ID(__annotations__); }

static WfObject *type_get_annotations(WfObject *self, void *c) {
    WfTypeObject *t = (WfTypeObject *)self;
    if (!wf_type_is_heap(t)) {
        return wf_err_format(&wf_exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->tp_name);
    }
    WfObject *ann = NULL;
    if (wf_dict_get_item_ref(t->tp_dict, annotations_name(), &ann) < 0) return NULL;
    if (ann) {
        WfDescrGetFunc f = wf_type_of(ann)->tp_descr_get;
        if (f) {
            WfObject *r = f(ann, NULL, self);
            wf_decref(ann);
            return r;
        }
        return ann;
    }
    ann = wf_dict_new();
    if (!ann) return NULL;
    if (wf_dict_set_item(t->tp_dict, annotations_name(), ann) < 0) {
        wf_decref(ann);
        return NULL;
    }
    wf_type_modified(t);
    return ann;
}

static int type_set_annotations(WfObject *self, WfObject *value, void *c) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (type->tp_flags & WF_TPFLAGS_IMMUTABLETYPE) {
        wf_err_format(&wf_exc_TypeError, "cannot set '__annotations__' attribute of immutable type '%s'",
                      type->tp_name);
        return -1;
    }
    int r;
    if (value) {
        r = wf_dict_set_item(type->tp_dict, annotations_name(), value);
    } else {
        r = wf_dict_del_item(type->tp_dict, annotations_name());
        if (r < 0 && wf_err_matches(&wf_exc_KeyError)) {
            wf_err_clear();
            wf_err_set_string(&wf_exc_AttributeError, "__annotations__");
        }
    }
    if (r == 0) wf_type_modified(type);
    return r;
}

static WfObject *type_flags_get(WfObject *self, void *c) {
    return wf_int_from_unsigned_long_long(((WfTypeObject *)self)->tp_flags);
}

static const WfGetSetDef type_getset[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__flags__", type_flags_get, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const WfMemberDef type_members[] = {
    {"__basicsize__", WF_T_SSIZE, offsetof(WfTypeObject, tp_basicsize), WF_MEMBER_READONLY, NULL},
    {"__itemsize__", WF_T_SSIZE, offsetof(WfTypeObject, tp_itemsize), WF_MEMBER_READONLY, NULL},
    {"__dictoffset__", WF_T_SSIZE, offsetof(WfTypeObject, tp_dictoffset), WF_MEMBER_READONLY, NULL},
    {"__weakrefoffset__", WF_T_SSIZE, offsetof(WfTypeObject, tp_weaklistoffset), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static WfObject *type_subclasses_method(WfObject *self, WfObject *unused) {
    return wf_type_subclasses((WfTypeObject *)self);
}

static WfObject *type_prepare(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_dict_new();
}

static WfObject *type_instancecheck(WfObject *self, WfObject *inst);
static WfObject *type_subclasscheck(WfObject *self, WfObject *sub);

static WfObject *type_sizeof(WfObject *self, WfObject *unused) {
    WfTypeObject *t = (WfTypeObject *)self;
    wf_ssize size = wf_type_is_heap(t) ? (wf_ssize)sizeof(WfHeapTypeObject) : (wf_ssize)sizeof(WfTypeObject);
    return wf_int_from_ssize(size);
}


static const WfMethodDef type_methods[] = {
    WF_METHOD("mro", type_mro_method, WF_METH_NOARGS, "mro($self, /)\n--\n\nReturn a type's method resolution order."),
    WF_METHOD("__subclasses__", type_subclasses_method, WF_METH_NOARGS,
              "__subclasses__($self, /)\n--\n\nReturn a list of immediate subclasses."),
    WF_METHOD("__prepare__", type_prepare, WF_METH_FASTCALL | WF_METH_KEYWORDS | WF_METH_CLASS,
              "__prepare__() -> dict\nused to create the namespace for the class statement"),
    WF_METHOD("__instancecheck__", type_instancecheck, WF_METH_O,
              "__instancecheck__($self, instance, /)\n--\n\nCheck if an object is an instance."),
    WF_METHOD("__subclasscheck__", type_subclasscheck, WF_METH_O,
              "__subclasscheck__($self, subclass, /)\n--\n\nCheck if a class is a subclass."),
    WF_METHOD("__dir__", wf_type_dir_method, WF_METH_NOARGS, "__dir__($self, /)\n--\n\nSpecialized __dir__ implementation for types."),
    WF_METHOD("__sizeof__", type_sizeof, WF_METH_NOARGS,
              "__sizeof__($self, /)\n--\n\nReturn memory consumption of the type object."),
    WF_METHOD_END,
};


// The instance/subclass checks live in abstract.c; these are the default
// __instancecheck__ / __subclasscheck__ of type.
int wf_object_real_isinstance(WfObject *inst, WfObject *cls);
int wf_object_real_issubclass(WfObject *derived, WfObject *cls);

static WfObject *type_instancecheck(WfObject *self, WfObject *inst) {
    int r = wf_object_real_isinstance(inst, self);
    return r < 0 ? NULL : wf_bool_from(r);
}

static WfObject *type_subclasscheck(WfObject *self, WfObject *sub) {
    int r = wf_object_real_issubclass(sub, self);
    return r < 0 ? NULL : wf_bool_from(r);
}

// type | other → types.UnionType (typeunion.c).
static WfNumberMethods type_as_number = {.nb_or = wf_union_type_or};

WfTypeObject wf_type_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "type",
    .tp_basicsize = sizeof(WfHeapTypeObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
    .tp_dealloc = type_dealloc,
    .tp_repr = type_repr,
    .tp_call = wf_type_call,
    .tp_getattro = type_getattro,
    .tp_setattro = type_setattro,
    .tp_init = type_init,
    .tp_new = type_new,
    .tp_methods = type_methods,
    .tp_members = type_members,
    .tp_getset = type_getset,
    .tp_dictoffset = offsetof(WfTypeObject, tp_dict),
    .tp_as_number = &type_as_number,
};

// ---------------------------------------------------------------------------
// Startup

extern WfTypeObject wf_method_descr_type, wf_classmethod_descr_type, wf_member_descr_type, wf_getset_descr_type,
    wf_wrapper_descr_type, wf_method_wrapper_type, wf_staticmethod_type, wf_classmethod_type, wf_property_type;

int wf_typesystem_init(void) {
    WfTypeObject *types[] = {
        &wf_object_type, &wf_type_type, &wf_none_type, &wf_notimplemented_type, &wf_ellipsis_type,
        &wf_method_descr_type, &wf_classmethod_descr_type, &wf_member_descr_type, &wf_getset_descr_type,
        &wf_wrapper_descr_type, &wf_method_wrapper_type, &wf_staticmethod_type, &wf_classmethod_type,
        &wf_property_type, &wf_super_type, &wf_module_type, &wf_mappingproxy_type, &wf_union_type,
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        if (wf_type_ready(types[i]) < 0) return -1;
    }
    return 0;
}
