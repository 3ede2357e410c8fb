// tuple.c — tuple: an immutable array of references stored inline, and its
// iterator.
//
// Invariants: items are written only by the creator before the tuple is
// shared; afterwards every item is non-NULL and never changes. The empty
// exact tuple is a static immortal singleton. Hashing follows CPython's
// xxHash-based tuplehash so hash((1, 2)) matches CPython. Being immutable,
// a tuple is read by any thread without a lock; its iterator claims
// positions with a CAS so that a shared iterator yields each item once.
#include "objects/tuple.h"

#include <stdarg.h>

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/genericalias.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/range.h"
#include "objects/str.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

static WfTupleObject empty_tuple = { .ob_base = WF_STATIC_VAR_HEAD(&wf_tuple_type, 0) };

WfObject *wf_tuple_empty(void) { return (WfObject *)&empty_tuple; }

WfObject *wf_tuple_new(wf_ssize size) {
    if (size < 0) return wf_err_bad_internal_call("wf_tuple_new");
    if (size == 0) return (WfObject *)&empty_tuple;
    if ((size_t)size > (SIZE_MAX - sizeof(WfTupleObject)) / sizeof(WfObject *)) return wf_err_no_memory();
    WfObject *t = wf_object_alloc_var(&wf_tuple_type, size);
    if (!t) return wf_err_occurred() ? NULL : wf_err_no_memory();
    memset(((WfTupleObject *)t)->items, 0, (size_t)size * sizeof(WfObject *));
    return t;
}

WfObject *wf_tuple_from_array(WfObject *const *items, wf_ssize n) {
    WfObject *t = wf_tuple_new(n);
    if (!t) return NULL;
    for (wf_ssize i = 0; i < n; i++) ((WfTupleObject *)t)->items[i] = wf_newref(items[i]);
    return t;
}

WfObject *wf_tuple_from_array_take(WfObject **items, wf_ssize n) {
    WfObject *t = wf_tuple_new(n);
    if (!t) {
        for (wf_ssize i = 0; i < n; i++) wf_decref(items[i]);
        return NULL;
    }
    for (wf_ssize i = 0; i < n; i++) ((WfTupleObject *)t)->items[i] = items[i];
    return t;
}

WfObject *wf_tuple_pack(wf_ssize n, ...) {
    WfObject *t = wf_tuple_new(n);
    if (!t) return NULL;
    va_list ap;
    va_start(ap, n);
    for (wf_ssize i = 0; i < n; i++) ((WfTupleObject *)t)->items[i] = wf_newref(va_arg(ap, WfObject *));
    va_end(ap);
    return t;
}

WfObject *wf_tuple_from_iterable(WfObject *iterable) {
    if (wf_tuple_check_exact(iterable)) return wf_newref(iterable);
    if (wf_list_check_exact(iterable)) return wf_list_as_tuple(iterable);
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) return NULL;
    wf_ssize cap = wf_object_length_hint(iterable, 8);
    if (cap < 0) {
        wf_decref(it);
        return NULL;
    }
    if (cap < 8) cap = 8;
    WfObject **buf = wf_mem_malloc((size_t)cap * sizeof(WfObject *));
    if (!buf) {
        wf_decref(it);
        return wf_err_no_memory();
    }
    wf_ssize n = 0;
    for (;;) {
        WfObject *v = wf_iter_next(it);
        if (!v) break;
        if (n == cap) {
            wf_ssize ncap = cap + (cap >> 1) + 8;
            WfObject **nb = wf_mem_realloc(buf, (size_t)ncap * sizeof(WfObject *));
            if (!nb) {
                wf_decref(v);
                wf_err_no_memory();
                goto fail;
            }
            buf = nb;
            cap = ncap;
        }
        buf[n++] = v;
    }
    if (wf_err_occurred()) goto fail;
    wf_decref(it);
    WfObject *t = wf_tuple_from_array_take(buf, n);
    wf_mem_free(buf);
    return t;
fail:
    for (wf_ssize i = 0; i < n; i++) wf_decref(buf[i]);
    wf_mem_free(buf);
    wf_decref(it);
    return NULL;
}

WfObject *wf_tuple_slice(WfObject *t, wf_ssize lo, wf_ssize hi) {
    wf_ssize n = wf_tuple_size(t);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    if (lo == 0 && hi == n && wf_tuple_check_exact(t)) return wf_newref(t);
    return wf_tuple_from_array(wf_tuple_items(t) + lo, hi - lo);
}

// ---------------------------------------------------------------------------
// Hash (CPython's tuplehash, 64-bit constants)

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

intptr_t wf_tuple_hash(WfObject *t) {
    wf_ssize len = wf_tuple_size(t);
    WfObject **items = wf_tuple_items(t);
    uint64_t acc = XXPRIME_5;
    for (wf_ssize i = 0; i < len; i++) {
        intptr_t h = wf_object_hash(items[i]);
        if (h == -1) return -1;
        uint64_t lane = (uint64_t)h;
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1) return 1546275796;
    return (intptr_t)acc;
}

// ---------------------------------------------------------------------------
// Slots

static void tuple_dealloc(WfObject *o) {
    if (!wf_containers_dealloc_enter(o)) return;
    WfTupleObject *t = (WfTupleObject *)o;
    for (wf_ssize i = 0; i < t->ob_base.ob_size; i++) wf_xdecref(t->items[i]);
    wf_containers_free(o);
    wf_containers_dealloc_leave();
}

static int tuple_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    WfTupleObject *t = (WfTupleObject *)o;
    for (wf_ssize i = 0; i < t->ob_base.ob_size; i++) {
        WfObject *v = t->items[i];
        if (v && !wf_is_smallint(v)) {
            int r = visit(v, arg);
            if (r) return r;
        }
    }
    return 0;
}

static WfObject *tuple_repr(WfObject *o) {
    wf_ssize n = wf_tuple_size(o);
    if (n == 0) return wf_str_from_cstr("()");
    int r = wf_containers_repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return wf_str_from_cstr("(...)");
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (wf_str_builder_append_char(&b, '(') < 0) goto fail;
    for (wf_ssize i = 0; i < n; i++) {
        if (i > 0 && wf_str_builder_append_ascii(&b, ", ") < 0) goto fail;
        WfObject *s = wf_object_repr(wf_tuple_items(o)[i]);
        if (!s) goto fail;
        int rc = wf_str_builder_append_str(&b, s);
        wf_decref(s);
        if (rc < 0) goto fail;
    }
    if (wf_str_builder_append_ascii(&b, n == 1 ? ",)" : ")") < 0) goto fail;
    wf_containers_repr_leave(o);
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    wf_containers_repr_leave(o);
    return NULL;
}

static wf_ssize tuple_len(WfObject *o) { return wf_tuple_size(o); }

static int tuple_contains(WfObject *o, WfObject *v) {
    wf_ssize n = wf_tuple_size(o);
    for (wf_ssize i = 0; i < n; i++) {
        int r = wf_object_richcompare_bool(wf_tuple_items(o)[i], v, WF_EQ);
        if (r != 0) return r;
    }
    return 0;
}

static WfObject *tuple_getitem(WfObject *o, WfObject *key) {
    wf_ssize n = wf_tuple_size(o);
    if (wf_is_smallint(key) || wf_index_check(key)) {
        wf_ssize i = wf_is_smallint(key) ? wf_smallint_value(key) : wf_number_as_ssize(key, &wf_exc_IndexError);
        if (i == -1 && wf_err_occurred()) return NULL;
        if (i < 0) i += n;
        if (i < 0 || i >= n) {
            wf_err_set_string(&wf_exc_IndexError, "tuple index out of range");
            return NULL;
        }
        return wf_newref(wf_tuple_items(o)[i]);
    }
    if (wf_slice_check(key)) {
        wf_ssize start, stop, step;
        if (wf_slice_unpack(key, &start, &stop, &step) < 0) return NULL;
        wf_ssize len = wf_slice_adjust_indices(n, &start, &stop, step);
        if (len <= 0) return wf_tuple_new(0);
        if (step == 1) return wf_tuple_slice(o, start, stop);
        WfObject *r = wf_tuple_new(len);
        if (!r) return NULL;
        for (wf_ssize i = 0, cur = start; i < len; i++, cur += step)
            ((WfTupleObject *)r)->items[i] = wf_newref(wf_tuple_items(o)[cur]);
        return r;
    }
    return wf_err_format(&wf_exc_TypeError, "tuple indices must be integers or slices, not %T", key);
}

static WfObject *tuple_richcompare(WfObject *v, WfObject *w, int op) {
    if (!wf_tuple_check(v) || !wf_tuple_check(w)) return wf_newref(wf_NotImplemented);
    wf_ssize vlen = wf_tuple_size(v), wlen = wf_tuple_size(w);
    wf_ssize i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = wf_object_richcompare_bool(wf_tuple_items(v)[i], wf_tuple_items(w)[i], WF_EQ);
        if (k < 0) return NULL;
        if (!k) break;
    }
    if (i >= vlen || i >= wlen) {
        bool r;
        switch (op) {
        case WF_LT: r = vlen < wlen; break;
        case WF_LE: r = vlen <= wlen; break;
        case WF_EQ: r = vlen == wlen; break;
        case WF_NE: r = vlen != wlen; break;
        case WF_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return wf_bool_from(r);
    }
    if (op == WF_EQ) return wf_False;
    if (op == WF_NE) return wf_True;
    return wf_object_richcompare(wf_tuple_items(v)[i], wf_tuple_items(w)[i], op);
}

static intptr_t tuple_hash_slot(WfObject *o) { return wf_tuple_hash(o); }

static WfObject *tuple_concat(WfObject *a, WfObject *b) {
    if (!wf_tuple_check(a) || !wf_tuple_check(b)) return wf_newref(wf_NotImplemented);
    wf_ssize na = wf_tuple_size(a), nb = wf_tuple_size(b);
    if (nb == 0 && wf_tuple_check_exact(a)) return wf_newref(a);
    if (na == 0 && wf_tuple_check_exact(b)) return wf_newref(b);
    if (na > INTPTR_MAX / 2 - nb) return wf_err_no_memory();
    WfObject *r = wf_tuple_new(na + nb);
    if (!r) return NULL;
    for (wf_ssize i = 0; i < na; i++) ((WfTupleObject *)r)->items[i] = wf_newref(wf_tuple_items(a)[i]);
    for (wf_ssize i = 0; i < nb; i++) ((WfTupleObject *)r)->items[na + i] = wf_newref(wf_tuple_items(b)[i]);
    return r;
}

static WfObject *tuple_repeat_n(WfObject *t, wf_ssize n) {
    wf_ssize size = wf_tuple_size(t);
    if (size == 0 || n == 1) {
        if (wf_tuple_check_exact(t)) return wf_newref(t);
        if (size == 0) return wf_tuple_new(0);
    }
    if (n <= 0 || size == 0) return wf_tuple_new(0);
    if (size > INTPTR_MAX / 8 / n) return wf_err_no_memory();
    WfObject *r = wf_tuple_new(size * n);
    if (!r) return NULL;
    WfObject **dst = ((WfTupleObject *)r)->items;
    for (wf_ssize k = 0; k < n; k++) {
        for (wf_ssize i = 0; i < size; i++) *dst++ = wf_newref(wf_tuple_items(t)[i]);
    }
    return r;
}

// Repetition count of `n` for seq * n: -1 with exception on error. Returns
// -2 (no exception) when `n` is not an index (caller returns NotImplemented).
static wf_ssize repeat_count(WfObject *n) {
    if (wf_is_smallint(n)) return wf_smallint_value(n) < 0 ? 0 : wf_smallint_value(n);
    if (!wf_index_check(n)) return -2;
    wf_ssize c = wf_number_as_ssize(n, &wf_exc_OverflowError);
    if (c == -1 && wf_err_occurred()) return -1;
    return c < 0 ? 0 : c;
}

static WfObject *tuple_multiply(WfObject *a, WfObject *b) {
    WfObject *seq, *n;
    if (wf_tuple_check(a)) { seq = a; n = b; }
    else if (wf_tuple_check(b)) { seq = b; n = a; }
    else return wf_newref(wf_NotImplemented);
    wf_ssize c = repeat_count(n);
    if (c == -2) return wf_newref(wf_NotImplemented);
    if (c == -1) return NULL;
    return tuple_repeat_n(seq, c);
}

static WfNumberMethods tuple_as_number = {
    .nb_add = tuple_concat,
    .nb_multiply = tuple_multiply,
};

// ---------------------------------------------------------------------------
// Methods

// Clamp a start/stop argument for index() like CPython's _PyEval_SliceIndex.
static int slice_index_arg(WfObject *v, wf_ssize *out) {
    if (wf_is_smallint(v)) {
        *out = wf_smallint_value(v);
        return 0;
    }
    if (!wf_index_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "slice indices must be integers or have an __index__ method");
        return -1;
    }
    wf_ssize x = wf_number_as_ssize(v, NULL);
    if (x == -1 && wf_err_occurred()) return -1;
    *out = x;
    return 0;
}

static WfObject *tuple_index(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("index", nargs, 1, 3) < 0) return NULL;
    wf_ssize n = wf_tuple_size(self);
    wf_ssize start = 0, stop = INTPTR_MAX;
    if (nargs > 1 && slice_index_arg(args[1], &start) < 0) return NULL;
    if (nargs > 2 && slice_index_arg(args[2], &stop) < 0) return NULL;
    if (start < 0) {
        start += n;
        if (start < 0) start = 0;
    }
    if (stop < 0) stop += n;
    else if (stop > n) stop = n;
    for (wf_ssize i = start; i < stop && i < wf_tuple_size(self); i++) {
        int r = wf_object_richcompare_bool(wf_tuple_items(self)[i], args[0], WF_EQ);
        if (r < 0) return NULL;
        if (r) return wf_int_from_ssize(i);
    }
    wf_err_set_string(&wf_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static WfObject *tuple_count(WfObject *self, WfObject *v) {
    wf_ssize c = 0;
    for (wf_ssize i = 0; i < wf_tuple_size(self); i++) {
        int r = wf_object_richcompare_bool(wf_tuple_items(self)[i], v, WF_EQ);
        if (r < 0) return NULL;
        c += r;
    }
    return wf_int_from_ssize(c);
}

static WfObject *tuple_getnewargs(WfObject *self, WfObject *unused) {
    WfObject *copy = wf_tuple_from_array(wf_tuple_items(self), wf_tuple_size(self));
    if (!copy) return NULL;
    WfObject *r = wf_tuple_pack(1, copy);
    wf_decref(copy);
    return r;
}

static const WfMethodDef tuple_methods[] = {
    WF_METHOD("__getnewargs__", tuple_getnewargs, WF_METH_NOARGS, NULL),
    WF_METHOD("index", tuple_index, WF_METH_FASTCALL,
              "index($self, value, start=0, stop=sys.maxsize, /)\n--\n\n"
              "Return first index of value.\n\nRaises ValueError if the value is not present."),
    WF_METHOD("count", tuple_count, WF_METH_O,
              "count($self, value, /)\n--\n\nReturn number of occurrences of value."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static WfObject *tuple_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_tuple_type && wf_arg_no_kwargs("tuple", kwnames) < 0) return NULL;
    if (wf_arg_check_positional("tuple", nargs, 0, 1) < 0) return NULL;
    WfObject *tmp = nargs ? wf_tuple_from_iterable(args[0]) : wf_tuple_new(0);
    if (!tmp || type == &wf_tuple_type) return tmp;
    wf_ssize n = wf_tuple_size(tmp);
    WfObject *r = wf_containers_alloc(type, &wf_tuple_type, n);
    if (!r) {
        wf_decref(tmp);
        return NULL;
    }
    for (wf_ssize i = 0; i < n; i++) ((WfTupleObject *)r)->items[i] = wf_newref(wf_tuple_items(tmp)[i]);
    wf_decref(tmp);
    return r;
}

// ---------------------------------------------------------------------------
// Iterator

// A shared iterator hands out each position once: positions are claimed
// with a CAS on `index`; -1 marks it exhausted for good. The tuple is kept
// until dealloc (dropping it at exhaustion could free it under a concurrent
// next() still reading it).
typedef struct {
    WfObject ob_base;
    _Atomic(wf_ssize) index;  // next position; -1: exhausted
    WfObject *seq;
} TupleIter;

static WfObject *tuple_iter(WfObject *o) {
    TupleIter *it = (TupleIter *)wf_object_alloc(&wf_tuple_iter_type);
    if (!it) return NULL;
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    it->seq = wf_newref(o);
    return (WfObject *)it;
}

static void tuple_iter_dealloc(WfObject *o) {
    wf_xdecref(((TupleIter *)o)->seq);
    wf_object_free(o);
}

static WfObject *tuple_iter_next(WfObject *o) {
    TupleIter *it = (TupleIter *)o;
    WfObject *seq = it->seq;
    wf_ssize n = wf_tuple_size(seq);
    // relaxed: the CAS only hands out positions; the tuple is immutable.
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    bool atomic = wf_containers_need_lock();  // else single-threaded: plain
    for (;;) {
        if (i < 0) return NULL;
        wf_ssize next = i < n ? i + 1 : -1;
        if (!atomic) {
            atomic_store_explicit(&it->index, next, memory_order_relaxed);
            break;
        }
        if (atomic_compare_exchange_weak_explicit(&it->index, &i, next, memory_order_relaxed, memory_order_relaxed))
            break;
    }
    if (i >= n) return NULL;
    return wf_newref(wf_tuple_items(seq)[i]);
}

static WfObject *self_iter(WfObject *o) { return wf_newref(o); }

static WfObject *tuple_iter_length_hint(WfObject *o, WfObject *unused) {
    TupleIter *it = (TupleIter *)o;
    wf_ssize i = atomic_load_explicit(&it->index, memory_order_relaxed);
    wf_ssize n = i < 0 ? 0 : wf_tuple_size(it->seq) - i;
    return wf_int_from_ssize(n < 0 ? 0 : n);
}

static const WfMethodDef tuple_iter_methods[] = {
    WF_METHOD("__length_hint__", tuple_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_tuple_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = tuple_iter_dealloc,
    .tp_iter = self_iter,
    .tp_iternext = tuple_iter_next,
    .tp_methods = tuple_iter_methods,
};

WfTypeObject wf_tuple_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "tuple",
    .tp_basicsize = sizeof(WfTupleObject),
    .tp_itemsize = sizeof(WfObject *),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_SEQUENCE |
                WF_TPFLAGS_TUPLE_SUBCLASS | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "tuple(iterable=(), /)\n--\n\n"
              "Built-in immutable sequence.\n\n"
              "If no argument is given, the constructor returns an empty tuple.\n"
              "If iterable is specified the tuple is initialized from iterable's items.\n\n"
              "If the argument is a tuple, the return value is the same object.",
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_hash = tuple_hash_slot,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_new = tuple_new,
    .tp_traverse = tuple_traverse,
    .tp_as_number = &tuple_as_number,
    .tp_len = tuple_len,
    .tp_getitem = tuple_getitem,
    .tp_contains = tuple_contains,
    .tp_methods = tuple_methods,
};
