// range.c — range objects and their iterators: `range_iterator` over C
// integers (values that are small ints are returned tagged, so iterating a
// small range never allocates) and `longrange_iterator` over big ints.
//
// Invariants: a range is immutable; start, stop, step and length are exact
// ints (tagged when small), step != 0, length >= 0 and equal to the number of
// values. A range_iterator's next value is start + index*step, computed in
// C only when every value of the range fits in a C long.
#include "objects/range.h"

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"

#define RANGE(o) ((WfRangeObject *)(o))

static bool all_small(WfObject *a, WfObject *b, WfObject *c) {
    return wf_is_smallint(a) && wf_is_smallint(b) && wf_is_smallint(c);
}

// Number of values of range(lo, hi, step) (ints; step != 0).
static WfObject *compute_range_length(WfObject *start, WfObject *stop, WfObject *step) {
    if (all_small(start, stop, step)) {
        // Values fit in 62 bits, so differences fit in int64.
        int64_t lo = wf_smallint_value(start), hi = wf_smallint_value(stop), st = wf_smallint_value(step);
        int64_t n = 0;
        if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
        else if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
        return wf_smallint_new(n);
    }
    WfObject *lo, *hi, *st;
    int sign = wf_int_sign(step);
    if (sign > 0) {
        lo = start;
        hi = stop;
        st = wf_newref(step);
    } else {
        lo = stop;
        hi = start;
        st = wf_number_negative(step);
        if (!st) return NULL;
    }
    int cmp = wf_object_richcompare_bool(lo, hi, WF_GE);
    if (cmp != 0) {
        wf_decref(st);
        return cmp < 0 ? NULL : wf_smallint_new(0);
    }
    // (hi - lo - 1) // step + 1
    WfObject *diff = wf_number_subtract(hi, lo);
    WfObject *t = NULL, *q = NULL, *r = NULL;
    if (diff) t = wf_number_subtract(diff, wf_smallint_new(1));
    if (t) q = wf_number_floor_divide(t, st);
    if (q) r = wf_number_add(q, wf_smallint_new(1));
    wf_xdecref(diff);
    wf_xdecref(t);
    wf_xdecref(q);
    wf_decref(st);
    return r;
}

// Steals start, stop, step.
static WfObject *make_range_take(WfObject *start, WfObject *stop, WfObject *step) {
    WfObject *length = compute_range_length(start, stop, step);
    if (!length) goto fail;
    WfRangeObject *r = (WfRangeObject *)wf_object_alloc(&wf_range_type);
    if (!r) {
        wf_decref(length);
        goto fail;
    }
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = length;
    return (WfObject *)r;
fail:
    wf_decref(start);
    wf_decref(stop);
    wf_decref(step);
    return NULL;
}

WfObject *wf_range_new(WfObject *start, WfObject *stop, WfObject *step) {
    WfObject *a = wf_number_index(start ? start : wf_smallint_new(0));
    if (!a) return NULL;
    WfObject *b = wf_number_index(stop);
    if (!b) {
        wf_decref(a);
        return NULL;
    }
    WfObject *c = wf_number_index(step ? step : wf_smallint_new(1));
    if (!c) {
        wf_decref(a);
        wf_decref(b);
        return NULL;
    }
    if (wf_int_sign(c) == 0) {
        wf_decref(a);
        wf_decref(b);
        wf_decref(c);
        wf_err_set_string(&wf_exc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return make_range_take(a, b, c);
}

static WfObject *range_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (wf_arg_no_kwargs("range", kwnames) < 0) return NULL;
    if (wf_arg_check_positional("range", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return wf_range_new(NULL, args[0], NULL);
    return wf_range_new(args[0], args[1], nargs > 2 ? args[2] : NULL);
}

static void range_dealloc(WfObject *o) {
    WfRangeObject *r = RANGE(o);
    wf_decref(r->start);
    wf_decref(r->stop);
    wf_decref(r->step);
    wf_decref(r->length);
    wf_object_free(o);
}

// start + i * step
static WfObject *compute_item(WfRangeObject *r, WfObject *i) {
    if (all_small(r->start, r->step, i)) {
        __int128 v = (__int128)wf_smallint_value(r->start) + (__int128)wf_smallint_value(i) * wf_smallint_value(r->step);
        if (v >= WF_SMALLINT_MIN && v <= WF_SMALLINT_MAX) return wf_smallint_new((intptr_t)v);
    }
    WfObject *t = wf_number_multiply(i, r->step);
    if (!t) return NULL;
    WfObject *res = wf_number_add(r->start, t);
    wf_decref(t);
    return res;
}

static WfObject *range_repr(WfObject *o) {
    WfRangeObject *r = RANGE(o);
    if (wf_is_smallint(r->step) && wf_smallint_value(r->step) == 1)
        return wf_str_from_format("range(%R, %R)", r->start, r->stop);
    return wf_str_from_format("range(%R, %R, %R)", r->start, r->stop, r->step);
}

static wf_ssize range_len(WfObject *o) { return wf_int_as_ssize(RANGE(o)->length); }

static int range_bool(WfObject *o) { return wf_int_sign(RANGE(o)->length) != 0; }

// ob (an exact int or bool) in r: 1/0/-1.
static int range_contains_long(WfRangeObject *r, WfObject *ob) {
    int cmp2, cmp3;
    if (wf_int_sign(r->step) > 0) {
        cmp2 = wf_object_richcompare_bool(r->start, ob, WF_LE);
        cmp3 = wf_object_richcompare_bool(ob, r->stop, WF_LT);
    } else {
        cmp2 = wf_object_richcompare_bool(ob, r->start, WF_LE);
        cmp3 = wf_object_richcompare_bool(r->stop, ob, WF_LT);
    }
    if (cmp2 < 0 || cmp3 < 0) return -1;
    if (cmp2 == 0 || cmp3 == 0) return 0;
    WfObject *t1 = wf_number_subtract(ob, r->start);
    if (!t1) return -1;
    WfObject *t2 = wf_number_remainder(t1, r->step);
    wf_decref(t1);
    if (!t2) return -1;
    int res = wf_int_sign(t2) == 0;
    wf_decref(t2);
    return res;
}

static bool is_exact_int_or_bool(WfObject *o) { return wf_int_check_exact(o) || wf_bool_check(o); }

// Linear search through iteration (CPython's _PySequence_IterSearch).
enum { SEARCH_COUNT, SEARCH_INDEX, SEARCH_CONTAINS };
static wf_ssize iter_search(WfObject *seq, WfObject *obj, int op) {
    WfObject *it = wf_object_get_iter(seq);
    if (!it) return -1;
    wf_ssize n = 0;
    for (wf_ssize i = 0;; i++) {
        WfObject *item = wf_iter_next(it);
        if (!item) break;
        int cmp = wf_object_richcompare_bool(item, obj, WF_EQ);
        wf_decref(item);
        if (cmp < 0) goto fail;
        if (cmp > 0) {
            if (op == SEARCH_COUNT) n++;
            else {
                wf_decref(it);
                return op == SEARCH_INDEX ? i : 1;
            }
        }
    }
    if (wf_err_occurred()) goto fail;
    wf_decref(it);
    if (op == SEARCH_INDEX) {
        wf_err_set_string(&wf_exc_ValueError, "sequence.index(x): x not in sequence");
        return -1;
    }
    return n;
fail:
    wf_decref(it);
    return -1;
}

static int range_contains(WfObject *o, WfObject *ob) {
    if (is_exact_int_or_bool(ob)) return range_contains_long(RANGE(o), ob);
    return (int)iter_search(o, ob, SEARCH_CONTAINS);
}

static WfObject *range_getitem(WfObject *o, WfObject *key) {
    WfRangeObject *r = RANGE(o);
    if (wf_slice_check(key)) {
        WfObject *start, *stop, *step;
        if (wf_slice_get_long_indices(key, r->length, &start, &stop, &step) < 0) return NULL;
        WfObject *substep = wf_number_multiply(r->step, step);
        WfObject *substart = substep ? compute_item(r, start) : NULL;
        WfObject *substop = substart ? compute_item(r, stop) : NULL;
        wf_decref(start);
        wf_decref(stop);
        wf_decref(step);
        if (!substop) {
            wf_xdecref(substep);
            wf_xdecref(substart);
            return NULL;
        }
        return make_range_take(substart, substop, substep);
    }
    if (!wf_index_check(key))
        return wf_err_format(&wf_exc_TypeError, "range indices must be integers or slices, not %T", key);
    WfObject *i = wf_number_index(key);
    if (!i) return NULL;
    if (wf_int_sign(i) < 0) {
        WfObject *t = wf_number_add(i, r->length);
        wf_decref(i);
        if (!t) return NULL;
        i = t;
    }
    int ok = wf_int_sign(i) >= 0;
    if (ok) {
        ok = wf_object_richcompare_bool(i, r->length, WF_LT);
        if (ok < 0) {
            wf_decref(i);
            return NULL;
        }
    }
    if (!ok) {
        wf_decref(i);
        wf_err_set_string(&wf_exc_IndexError, "range object index out of range");
        return NULL;
    }
    WfObject *res = compute_item(r, i);
    wf_decref(i);
    return res;
}

// 1 equal, 0 not, -1 error (CPython's range_equals).
static int range_equals(WfRangeObject *r0, WfRangeObject *r1) {
    if (r0 == r1) return 1;
    int c = wf_object_richcompare_bool(r0->length, r1->length, WF_EQ);
    if (c != 1) return c;
    if (wf_int_sign(r0->length) == 0) return 1;
    c = wf_object_richcompare_bool(r0->start, r1->start, WF_EQ);
    if (c != 1) return c;
    c = wf_object_richcompare_bool(r0->length, wf_smallint_new(1), WF_EQ);
    if (c != 0) return c;
    return wf_object_richcompare_bool(r0->step, r1->step, WF_EQ);
}

static WfObject *range_richcompare(WfObject *v, WfObject *w, int op) {
    if (wf_type_of(w) != &wf_range_type || (op != WF_EQ && op != WF_NE)) return wf_newref(wf_NotImplemented);
    int r = range_equals(RANGE(v), RANGE(w));
    if (r < 0) return NULL;
    return wf_bool_from(op == WF_EQ ? r : !r);
}

static intptr_t range_hash(WfObject *o) {
    WfRangeObject *r = RANGE(o);
    WfObject *t;
    if (wf_int_sign(r->length) == 0) t = wf_tuple_pack(3, r->length, wf_None, wf_None);
    else if (wf_is_smallint(r->length) && wf_smallint_value(r->length) == 1)
        t = wf_tuple_pack(3, r->length, r->start, wf_None);
    else t = wf_tuple_pack(3, r->length, r->start, r->step);
    if (!t) return -1;
    intptr_t h = wf_object_hash(t);
    wf_decref(t);
    return h;
}

static WfNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

// ---------------------------------------------------------------------------
// Iterators

// The fast iterator's state is one atomic counter of values handed out, so a
// shared iterator yields each value once with a single CAS per value; the
// long iterator (values beyond 64 bits) updates its objects inside its own
// critical section.
typedef struct {
    WfObject ob_base;
    long start, step, len;         // immutable: the values are start + k*step, k < len
    _Atomic(long) index;           // values handed out so far
} RangeIter;

typedef struct {
    WfObject ob_base;
    WfObject *start, *step, *len;
} LongRangeIter;

static WfObject *fast_range_iter(long start, long step, long len) {
    RangeIter *it = (RangeIter *)wf_object_alloc(&wf_range_iter_type);
    if (!it) return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    return (WfObject *)it;
}

static WfObject *long_range_iter(WfObject *start, WfObject *step, WfObject *len) {
    LongRangeIter *it = (LongRangeIter *)wf_object_alloc(&wf_long_range_iter_type);
    if (!it) {
        wf_decref(start);
        wf_decref(step);
        wf_decref(len);
        return NULL;
    }
    it->start = start;
    it->step = step;
    it->len = len;
    return (WfObject *)it;
}

// Whether every value of the range (start .. start+(len-1)*step) fits a long.
static bool fits_long(WfObject *start, WfObject *step, WfObject *len, long *s, long *st, long *n) {
    if (!all_small(start, step, len)) return false;
    __int128 a = wf_smallint_value(start), b = wf_smallint_value(step), l = wf_smallint_value(len);
    __int128 last = a + (l > 0 ? (l - 1) * b : 0);
    __int128 next_after = last + b;  // the iterator computes one step past the end
    if (last < INT64_MIN || last > INT64_MAX || next_after < INT64_MIN || next_after > INT64_MAX) return false;
    *s = (long)a;
    *st = (long)b;
    *n = (long)l;
    return true;
}

static WfObject *range_iter(WfObject *o) {
    WfRangeObject *r = RANGE(o);
    long s, st, n;
    if (fits_long(r->start, r->step, r->length, &s, &st, &n)) return fast_range_iter(s, st, n);
    return long_range_iter(wf_newref(r->start), wf_newref(r->step), wf_newref(r->length));
}

static WfObject *range_reversed(WfObject *o, WfObject *unused) {
    WfRangeObject *r = RANGE(o);
    // reversed(range(start, stop, step)) starts at start + (len-1)*step, steps -step.
    WfObject *lenm1 = wf_number_subtract(r->length, wf_smallint_new(1));
    if (!lenm1) return NULL;
    WfObject *last = compute_item(r, lenm1);
    wf_decref(lenm1);
    if (!last) return NULL;
    WfObject *negstep = wf_number_negative(r->step);
    if (!negstep) {
        wf_decref(last);
        return NULL;
    }
    long s, st, n;
    if (fits_long(last, negstep, r->length, &s, &st, &n)) {
        wf_decref(last);
        wf_decref(negstep);
        return fast_range_iter(s, st, n);
    }
    return long_range_iter(last, negstep, wf_newref(r->length));
}

static WfObject *range_iter_next(WfObject *o) {
    RangeIter *it = (RangeIter *)o;
    // relaxed: the CAS only hands out positions; the rest is immutable.
    long k = atomic_load_explicit(&it->index, memory_order_relaxed);
    if (!wf_containers_need_lock()) {
        // Single-threaded: a plain update (containers.h, container sections).
        if (k >= it->len) return NULL;
        atomic_store_explicit(&it->index, k + 1, memory_order_relaxed);
    } else {
        do {
            if (k >= it->len) return NULL;
        } while (!atomic_compare_exchange_weak_explicit(&it->index, &k, k + 1, memory_order_relaxed,
                                                        memory_order_relaxed));
    }
    // fits_long checked that every value (and one step past) fits a long.
    long v = (long)((unsigned long)it->start + (unsigned long)k * (unsigned long)it->step);
    if (wf_smallint_fits(v)) return wf_smallint_new(v);
    return wf_int_from_long_long(v);
}

static WfObject *range_iter_length_hint(WfObject *o, WfObject *unused) {
    RangeIter *it = (RangeIter *)o;
    long left = it->len - atomic_load_explicit(&it->index, memory_order_relaxed);
    return wf_int_from_long_long(left > 0 ? left : 0);
}

static void long_range_iter_dealloc(WfObject *o) {
    LongRangeIter *it = (LongRangeIter *)o;
    wf_decref(it->start);
    wf_decref(it->step);
    wf_decref(it->len);
    wf_object_free(o);
}

// Iterator's lock held. Int arithmetic on ints calls no Python code.
static WfObject *long_range_iter_next_lock_held(LongRangeIter *it, WfObject **dead) {
    if (wf_int_sign(it->len) <= 0) return NULL;
    WfObject *nstart = wf_number_add(it->start, it->step);
    if (!nstart) return NULL;
    WfObject *nlen = wf_number_subtract(it->len, wf_smallint_new(1));
    if (!nlen) {
        wf_decref(nstart);
        return NULL;
    }
    WfObject *result = it->start;
    it->start = nstart;
    *dead = it->len;
    it->len = nlen;
    return result;
}

static WfObject *long_range_iter_next(WfObject *o) {
    WfObject *r, *dead = NULL;
    WF_CONTAINER_BEGIN(o);
    r = long_range_iter_next_lock_held((LongRangeIter *)o, &dead);
    WF_CONTAINER_END();
    wf_xdecref(dead);
    return r;
}

static WfObject *long_range_iter_length_hint(WfObject *o, WfObject *unused) {
    WfObject *r;
    WF_CONTAINER_BEGIN(o);
    r = wf_newref(((LongRangeIter *)o)->len);
    WF_CONTAINER_END();
    return r;
}

static WfObject *self_iter(WfObject *o) { return wf_newref(o); }

// ---------------------------------------------------------------------------
// Methods

static WfObject *range_count(WfObject *o, WfObject *ob) {
    if (is_exact_int_or_bool(ob)) {
        int r = range_contains_long(RANGE(o), ob);
        if (r < 0) return NULL;
        return wf_smallint_new(r);
    }
    wf_ssize n = iter_search(o, ob, SEARCH_COUNT);
    if (n < 0) return NULL;
    return wf_int_from_ssize(n);
}

static WfObject *range_index(WfObject *o, WfObject *ob) {
    WfRangeObject *r = RANGE(o);
    if (!is_exact_int_or_bool(ob)) {
        wf_ssize i = iter_search(o, ob, SEARCH_INDEX);
        if (i < 0) return NULL;
        return wf_int_from_ssize(i);
    }
    int c = range_contains_long(r, ob);
    if (c < 0) return NULL;
    if (!c) return wf_err_format(&wf_exc_ValueError, "%R is not in range", ob);
    WfObject *idx = wf_number_subtract(ob, r->start);
    if (!idx) return NULL;
    WfObject *res = wf_number_floor_divide(idx, r->step);
    wf_decref(idx);
    return res;
}

static WfObject *range_reduce(WfObject *o, WfObject *unused) {
    WfRangeObject *r = RANGE(o);
    WfObject *args = wf_tuple_pack(3, r->start, r->stop, r->step);
    if (!args) return NULL;
    WfObject *res = wf_tuple_pack(2, (WfObject *)&wf_range_type, args);
    wf_decref(args);
    return res;
}

static const WfMethodDef range_methods[] = {
    WF_METHOD("__reversed__", range_reversed, WF_METH_NOARGS,
              "Return a reverse iterator."),
    WF_METHOD("__reduce__", range_reduce, WF_METH_NOARGS, NULL),
    WF_METHOD("count", range_count, WF_METH_O, "rangeobject.count(value) -> integer -- return number of occurrences of value"),
    WF_METHOD("index", range_index, WF_METH_O,
              "rangeobject.index(value) -> integer -- return index of value.\n"
              "Raise ValueError if the value is not present."),
    WF_METHOD_END,
};

static const WfMemberDef range_members[] = {
    {"start", WF_T_OBJECT, offsetof(WfRangeObject, start), WF_MEMBER_READONLY, NULL},
    {"stop", WF_T_OBJECT, offsetof(WfRangeObject, stop), WF_MEMBER_READONLY, NULL},
    {"step", WF_T_OBJECT, offsetof(WfRangeObject, step), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static const WfMethodDef range_iter_methods[] = {
    WF_METHOD("__length_hint__", range_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

static const WfMethodDef long_range_iter_methods[] = {
    WF_METHOD("__length_hint__", long_range_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_range_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(RangeIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = wf_object_free,
    .tp_iter = self_iter,
    .tp_iternext = range_iter_next,
    .tp_methods = range_iter_methods,
};

WfTypeObject wf_long_range_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "longrange_iterator",
    .tp_basicsize = sizeof(LongRangeIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = long_range_iter_dealloc,
    .tp_iter = self_iter,
    .tp_iternext = long_range_iter_next,
    .tp_methods = long_range_iter_methods,
};

WfTypeObject wf_range_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "range",
    .tp_basicsize = sizeof(WfRangeObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_SEQUENCE,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
              "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
              "These are exactly the valid indices for a list of 4 elements.\n"
              "When step is given, it specifies the increment (or decrement).",
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_hash = range_hash,
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_new = range_new,
    .tp_as_number = &range_as_number,
    .tp_len = range_len,
    .tp_getitem = range_getitem,
    .tp_contains = range_contains,
    .tp_methods = range_methods,
    .tp_members = range_members,
};
