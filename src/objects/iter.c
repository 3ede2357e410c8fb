// iter.c — generic iterator types: the sequence iterator (`iterator`, iter()
// over __getitem__), the callable iterator (iter(f, sentinel)) and the
// builtin iterator types enumerate, zip, map, filter and reversed.
//
// Invariants:
// - An iterator keeps the objects it was built from (inner iterators,
//   sequence, function, sentinel) until it is deallocated: dropping them at
//   exhaustion could free them under another thread's concurrent next().
//   Once exhausted it stays exhausted (an atomic flag; CPython's zip and map
//   would call their inputs again).
// - Shared between threads they never crash, and their state updates are
//   atomic: positions (sequence iterator, reversed, enumerate's count) are
//   claimed with a CAS, so each position or count goes to one caller.
//   zip and map over several inputs fetch one round of items inside the
//   iterator's critical section, so a tuple never mixes rounds; the mapped
//   function, filter's predicate and the inner next() of single-input
//   iterators run without any lock of the iterator.
// - Errors other than exhaustion propagate and leave the iterator usable, as
//   in CPython.
#include "objects/iter.h"

#include "objects/arg.h"
#include "objects/containers.h"
#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"

static WfObject *self_iter(WfObject *o) { return wf_newref(o); }

static WfObject *alloc_iter(WfTypeObject *type, WfTypeObject *base) {
    WfObject *o = type == base ? wf_object_alloc(base) : wf_type_generic_alloc(type, 0);
    if (!o && !wf_err_occurred()) wf_err_no_memory();
    return o;
}

static void free_iter(WfObject *o) {
    WfTypeObject *t = o->ob_type;
    if (t->tp_free) t->tp_free(o);
    else wf_object_free(o);
}

static int visit_field(WfObject *o, WfVisitProc visit, void *arg) {
    return o && !wf_is_smallint(o) ? visit(o, arg) : 0;
}

// Exhaustion flags. Relaxed: a flag only short-cuts later calls; the inner
// objects it guards stay valid until dealloc.
static bool is_exhausted(_Atomic(int) *flag) { return atomic_load_explicit(flag, memory_order_relaxed) != 0; }
static void set_exhausted(_Atomic(int) *flag) { atomic_store_explicit(flag, 1, memory_order_relaxed); }

// Claim the position *index (then *index += step) unless it is `stop` or the
// iterator is exhausted (index < 0 for reversed). Relaxed: the CAS only
// hands out positions. Returns false when there is none to claim.
static bool claim_index(_Atomic(wf_ssize) *index, wf_ssize step, wf_ssize *claimed) {
    wf_ssize i = atomic_load_explicit(index, memory_order_relaxed);
    if (!wf_containers_need_lock()) {
        // Single-threaded: a plain update (containers.h, container sections).
        if (i < 0) return false;
        atomic_store_explicit(index, i + step, memory_order_relaxed);
        *claimed = i;
        return true;
    }
    do {
        if (i < 0) return false;
    } while (!atomic_compare_exchange_weak_explicit(index, &i, i + step, memory_order_relaxed, memory_order_relaxed));
    *claimed = i;
    return true;
}

// Give a claimed position back after an error (when nobody claimed the next
// one meanwhile), so a retry sees the same item, as in CPython.
static void unclaim_index(_Atomic(wf_ssize) *index, wf_ssize claimed, wf_ssize step) {
    wf_ssize expected = claimed + step;
    atomic_compare_exchange_strong_explicit(index, &expected, claimed, memory_order_relaxed, memory_order_relaxed);
}

// Exhaustion of a __getitem__ sequence: IndexError or StopIteration.
static bool clear_if_exhausted(void) {
    if (wf_err_matches(&wf_exc_IndexError) || wf_err_matches(&wf_exc_StopIteration)) {
        wf_err_clear();
        return true;
    }
    return false;
}

// ---------------------------------------------------------------------------
// Sequence iterator

typedef struct {
    WfObject ob_base;
    _Atomic(wf_ssize) index;  // next position; -1 once exhausted
    WfObject *seq;
} SeqIter;

WfObject *wf_seq_iter_new(WfObject *seq) {
    SeqIter *it = (SeqIter *)wf_object_alloc(&wf_seq_iter_type);
    if (!it) return NULL;
    atomic_store_explicit(&it->index, 0, memory_order_relaxed);
    it->seq = wf_newref(seq);
    return (WfObject *)it;
}

static void seq_iter_dealloc(WfObject *o) {
    wf_xdecref(((SeqIter *)o)->seq);
    wf_object_free(o);
}

static int seq_iter_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    return visit_field(((SeqIter *)o)->seq, visit, arg);
}

static WfObject *seq_iter_next(WfObject *o) {
    SeqIter *it = (SeqIter *)o;
    wf_ssize i;
    if (atomic_load_explicit(&it->index, memory_order_relaxed) == INTPTR_MAX) {
        wf_err_set_string(&wf_exc_OverflowError, "iter index too large");
        return NULL;
    }
    if (!claim_index(&it->index, 1, &i)) return NULL;
    WfObject *idx = wf_int_from_ssize(i);
    WfObject *result = idx ? wf_object_getitem(it->seq, idx) : NULL;
    wf_xdecref(idx);
    if (result) return result;
    if (clear_if_exhausted()) atomic_store_explicit(&it->index, -1, memory_order_relaxed);  // for good
    else unclaim_index(&it->index, i, 1);
    return NULL;
}

static WfObject *seq_iter_length_hint(WfObject *o, WfObject *unused) {
    SeqIter *it = (SeqIter *)o;
    wf_ssize index = atomic_load_explicit(&it->index, memory_order_relaxed);
    if (index >= 0) {
        WfTypeObject *t = wf_type_of(it->seq);
        if (t->tp_len) {
            wf_ssize n = wf_object_len(it->seq);
            if (n < 0) {
                if (!wf_err_matches(&wf_exc_TypeError)) return NULL;
                wf_err_clear();
                return wf_newref(wf_NotImplemented);
            }
            n -= index;
            return wf_int_from_ssize(n < 0 ? 0 : n);
        }
        return wf_newref(wf_NotImplemented);
    }
    return wf_smallint_new(0);
}

static const WfMethodDef seq_iter_methods[] = {
    WF_METHOD("__length_hint__", seq_iter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_seq_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = seq_iter_dealloc,
    .tp_traverse = seq_iter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = seq_iter_next,
    .tp_methods = seq_iter_methods,
};

// ---------------------------------------------------------------------------
// Callable iterator

typedef struct {
    WfObject ob_base;
    WfObject *callable;
    WfObject *sentinel;
    _Atomic(int) exhausted;
} CallIter;

WfObject *wf_callable_iter_new(WfObject *callable, WfObject *sentinel) {
    CallIter *it = (CallIter *)wf_object_alloc(&wf_callable_iter_type);
    if (!it) return NULL;
    it->callable = wf_newref(callable);
    it->sentinel = wf_newref(sentinel);
    atomic_store_explicit(&it->exhausted, 0, memory_order_relaxed);
    return (WfObject *)it;
}

static void call_iter_dealloc(WfObject *o) {
    CallIter *it = (CallIter *)o;
    wf_xdecref(it->callable);
    wf_xdecref(it->sentinel);
    wf_object_free(o);
}

static int call_iter_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    CallIter *it = (CallIter *)o;
    int r = visit_field(it->callable, visit, arg);
    return r ? r : visit_field(it->sentinel, visit, arg);
}

static WfObject *call_iter_next(WfObject *o) {
    CallIter *it = (CallIter *)o;
    if (is_exhausted(&it->exhausted)) return NULL;
    WfObject *result = wf_object_call_noargs(it->callable);
    if (!result) {
        if (wf_err_matches(&wf_exc_StopIteration)) {
            wf_err_clear();
            set_exhausted(&it->exhausted);
        }
        return NULL;
    }
    if (is_exhausted(&it->exhausted)) return result;  // exhausted by a reentrant or concurrent call
    int ok = wf_object_richcompare_bool(it->sentinel, result, WF_EQ);
    if (ok == 0) return result;
    wf_decref(result);
    if (ok > 0) set_exhausted(&it->exhausted);
    return NULL;
}

WfTypeObject wf_callable_iter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = call_iter_dealloc,
    .tp_traverse = call_iter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = call_iter_next,
};

// ---------------------------------------------------------------------------
// enumerate

typedef struct {
    WfObject ob_base;
    _Atomic(wf_ssize) index;  // next count while it fits; INTPTR_MAX: use longindex
    WfObject *it;
    WfObject *longindex;      // next count once past INTPTR_MAX (under the critical section), else NULL
    _Atomic(int) exhausted;
} EnumObject;

static WfObject *enumerate_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"enumerate", "O|O", {"iterable", "start", NULL}};
    WfObject *iterable = NULL, *start = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &iterable, &start) < 0) return NULL;
    wf_ssize index = 0;
    WfObject *longindex = NULL;
    if (start) {
        start = wf_number_index(start);
        if (!start) return NULL;
        int overflow = 0;
        long long v = wf_int_as_long_long_overflow(start, &overflow);
        if (overflow || v > INTPTR_MAX || v < INTPTR_MIN) {
            longindex = start;
        } else {
            index = (wf_ssize)v;
            wf_decref(start);
        }
    }
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) {
        wf_xdecref(longindex);
        return NULL;
    }
    EnumObject *en = (EnumObject *)alloc_iter(type, &wf_enumerate_type);
    if (!en) {
        wf_decref(it);
        wf_xdecref(longindex);
        return NULL;
    }
    atomic_store_explicit(&en->index, longindex ? INTPTR_MAX : index, memory_order_relaxed);
    en->it = it;
    en->longindex = longindex;
    atomic_store_explicit(&en->exhausted, 0, memory_order_relaxed);
    return (WfObject *)en;
}

static void enumerate_dealloc(WfObject *o) {
    EnumObject *en = (EnumObject *)o;
    wf_xdecref(en->it);
    wf_xdecref(en->longindex);
    free_iter(o);
}

static int enumerate_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    EnumObject *en = (EnumObject *)o;
    int r = visit_field(en->it, visit, arg);
    return r ? r : visit_field(en->longindex, visit, arg);
}

// The count past INTPTR_MAX (int objects): under the iterator's lock. Int
// arithmetic runs no Python code.
static WfObject *enumerate_long_count(EnumObject *en) {
    WfObject *idx = NULL;
    WF_CONTAINER_BEGIN(en);
    if (!en->longindex) en->longindex = wf_int_from_ssize(INTPTR_MAX);
    if (en->longindex) {
        WfObject *next = wf_number_add(en->longindex, wf_smallint_new(1));
        if (next) {
            idx = en->longindex;
            en->longindex = next;
        }
    }
    WF_CONTAINER_END();
    return idx;
}

static WfObject *enumerate_next(WfObject *o) {
    EnumObject *en = (EnumObject *)o;
    if (is_exhausted(&en->exhausted)) return NULL;
    // The inner next() runs without any lock of ours.
    WfObject *item = wf_iter_next(en->it);
    if (!item) {
        if (!wf_err_occurred()) set_exhausted(&en->exhausted);
        return NULL;
    }
    // Take the count after the item, so counts are handed out in order.
    WfObject *idx;
    wf_ssize i = atomic_load_explicit(&en->index, memory_order_relaxed);
    bool atomic = wf_containers_need_lock();  // else single-threaded: plain
    for (;;) {
        if (i == INTPTR_MAX) {
            idx = enumerate_long_count(en);
            break;
        }
        if (!atomic) {
            atomic_store_explicit(&en->index, i + 1, memory_order_relaxed);
            idx = wf_int_from_ssize(i);
            break;
        }
        // relaxed: the CAS only hands out counts.
        if (atomic_compare_exchange_weak_explicit(&en->index, &i, i + 1, memory_order_relaxed, memory_order_relaxed)) {
            idx = wf_int_from_ssize(i);
            break;
        }
    }
    if (!idx) {
        wf_decref(item);
        return NULL;
    }
    WfObject *res = wf_tuple_new(2);
    if (!res) {
        wf_decref(idx);
        wf_decref(item);
        return NULL;
    }
    wf_tuple_set_take(res, 0, idx);
    wf_tuple_set_take(res, 1, item);
    return res;
}

static const WfMethodDef enumerate_methods[] = {
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

WfTypeObject wf_enumerate_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(EnumObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "enumerate(iterable, start=0)\n--\n\n"
              "Return an enumerate object.\n\n"
              "  iterable\n    an object supporting iteration\n\n"
              "The enumerate object yields pairs containing a count (from start, which\n"
              "defaults to zero) and a value yielded by the iterable argument.\n\n"
              "enumerate is useful for obtaining an indexed list:\n"
              "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
    .tp_dealloc = enumerate_dealloc,
    .tp_traverse = enumerate_traverse,
    .tp_iter = self_iter,
    .tp_iternext = enumerate_next,
    .tp_new = enumerate_new,
    .tp_methods = enumerate_methods,
};

// ---------------------------------------------------------------------------
// zip

typedef struct {
    WfObject ob_base;
    WfObject *iters;  // tuple of iterators
    int strict;
    _Atomic(int) exhausted;
} ZipObject;

static WfObject *zip_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    int strict = 0;
    if (kwnames) {
        wf_ssize nk = wf_tuple_size(kwnames);
        for (wf_ssize i = 0; i < nk; i++) {
            WfObject *name = wf_tuple_items(kwnames)[i];
            if (!wf_str_equal_cstr(name, "strict"))
                return wf_err_format(&wf_exc_TypeError, "zip() got an unexpected keyword argument '%U'", name);
            int t = wf_object_is_true(args[nargs + (size_t)i]);
            if (t < 0) return NULL;
            strict = t;
        }
    }
    WfObject *iters = wf_tuple_new((wf_ssize)nargs);
    if (!iters) return NULL;
    for (size_t i = 0; i < nargs; i++) {
        WfObject *it = wf_object_get_iter(args[i]);
        if (!it) {
            wf_decref(iters);
            return NULL;
        }
        wf_tuple_set_take(iters, (wf_ssize)i, it);
    }
    ZipObject *z = (ZipObject *)alloc_iter(type, &wf_zip_type);
    if (!z) {
        wf_decref(iters);
        return NULL;
    }
    z->iters = iters;
    z->strict = strict;
    atomic_store_explicit(&z->exhausted, 0, memory_order_relaxed);
    return (WfObject *)z;
}

static void zip_dealloc(WfObject *o) {
    wf_xdecref(((ZipObject *)o)->iters);
    free_iter(o);
}

static int zip_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    return visit_field(((ZipObject *)o)->iters, visit, arg);
}

static void zip_exhaust(ZipObject *z) { set_exhausted(&z->exhausted); }

// After iterator i ran out in strict mode: raise if the others disagree.
static WfObject *zip_strict_check(ZipObject *z, WfObject *iters, wf_ssize i) {
    if (wf_err_occurred()) return NULL;  // a real error from iterator i
    wf_ssize n = wf_tuple_size(iters);
    if (i) {
        const char *plural = i == 1 ? " " : "s 1-";
        zip_exhaust(z);
        return wf_err_format(&wf_exc_ValueError, "zip() argument %zd is shorter than argument%s%zd", i + 1, plural, i);
    }
    for (i = 1; i < n; i++) {
        WfObject *item = wf_iter_next(wf_tuple_items(iters)[i]);
        if (item) {
            wf_decref(item);
            const char *plural = i == 1 ? " " : "s 1-";
            zip_exhaust(z);
            return wf_err_format(&wf_exc_ValueError, "zip() argument %zd is longer than argument%s%zd", i + 1, plural, i);
        }
        if (wf_err_occurred()) return NULL;
    }
    zip_exhaust(z);
    return NULL;
}

// One round: an item from each input (several inputs: inside the zip's
// critical section, so concurrent callers never mix rounds).
static WfObject *zip_round(ZipObject *z, WfObject *result) {
    wf_containers_before_callout();  // the inputs' next() may be Python code
    WfObject *iters = z->iters;
    wf_ssize n = wf_tuple_size(iters);
    if (is_exhausted(&z->exhausted)) return NULL;
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *item = wf_iter_next(wf_tuple_items(iters)[i]);
        if (!item) {
            if (z->strict) zip_strict_check(z, iters, i);
            else if (!wf_err_occurred()) zip_exhaust(z);
            return NULL;
        }
        wf_tuple_set_take(result, i, item);
    }
    return result;
}

static WfObject *zip_next(WfObject *o) {
    ZipObject *z = (ZipObject *)o;
    if (is_exhausted(&z->exhausted)) return NULL;
    wf_ssize n = wf_tuple_size(z->iters);
    if (n == 0) return NULL;
    WfObject *result = wf_tuple_new(n);
    if (!result) return NULL;
    WfObject *r;
    if (n == 1) {
        r = zip_round(z, result);
    } else {
        WF_CONTAINER_BEGIN(o);
        r = zip_round(z, result);
        WF_CONTAINER_END();
    }
    if (!r) wf_decref(result);  // a partly filled tuple: its dealloc skips NULLs
    return r;
}

WfTypeObject wf_zip_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "zip",
    .tp_basicsize = sizeof(ZipObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
              "   >>> list(zip('abcdefg', range(3), range(4)))\n"
              "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
              "The zip object yields n-length tuples, where n is the number of iterables\n"
              "passed as positional arguments to zip().  The i-th element in every tuple\n"
              "comes from the i-th iterable argument to zip().  This continues until the\n"
              "shortest argument is exhausted.\n\n"
              "If strict is true and one of the arguments is exhausted before the others,\n"
              "raise a ValueError.",
    .tp_dealloc = zip_dealloc,
    .tp_traverse = zip_traverse,
    .tp_iter = self_iter,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
};

// ---------------------------------------------------------------------------
// map

typedef struct {
    WfObject ob_base;
    WfObject *iters;  // tuple of iterators
    WfObject *func;
    _Atomic(int) exhausted;
} MapObject;

static WfObject *map_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_map_type && wf_arg_no_kwargs("map", kwnames) < 0) return NULL;
    if (nargs < 2) {
        wf_err_set_string(&wf_exc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    WfObject *iters = wf_tuple_new((wf_ssize)nargs - 1);
    if (!iters) return NULL;
    for (size_t i = 1; i < nargs; i++) {
        WfObject *it = wf_object_get_iter(args[i]);
        if (!it) {
            wf_decref(iters);
            return NULL;
        }
        wf_tuple_set_take(iters, (wf_ssize)i - 1, it);
    }
    MapObject *m = (MapObject *)alloc_iter(type, &wf_map_type);
    if (!m) {
        wf_decref(iters);
        return NULL;
    }
    m->iters = iters;
    m->func = wf_newref(args[0]);
    atomic_store_explicit(&m->exhausted, 0, memory_order_relaxed);
    return (WfObject *)m;
}

static void map_dealloc(WfObject *o) {
    MapObject *m = (MapObject *)o;
    wf_xdecref(m->iters);
    wf_xdecref(m->func);
    free_iter(o);
}

static int map_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    MapObject *m = (MapObject *)o;
    int r = visit_field(m->iters, visit, arg);
    return r ? r : visit_field(m->func, visit, arg);
}

// One round of arguments into stack: how many were fetched (n when all).
static wf_ssize map_round(MapObject *m, WfObject **stack, wf_ssize n) {
    wf_containers_before_callout();  // the inputs' next() may be Python code
    if (is_exhausted(&m->exhausted)) return 0;
    wf_ssize got = 0;
    for (; got < n; got++) {
        WfObject *item = wf_iter_next(wf_tuple_items(m->iters)[got]);
        if (!item) {
            if (!wf_err_occurred()) set_exhausted(&m->exhausted);
            break;
        }
        stack[got] = item;
    }
    return got;
}

static WfObject *map_next(WfObject *o) {
    MapObject *m = (MapObject *)o;
    if (is_exhausted(&m->exhausted)) return NULL;
    wf_ssize n = wf_tuple_size(m->iters);
    WfObject *small[8];
    WfObject **stack = small;
    if (n > 8) {
        stack = wf_mem_malloc((size_t)n * sizeof(WfObject *));
        if (!stack) return wf_err_no_memory();
    }
    wf_ssize got;
    if (n == 1) {
        got = map_round(m, stack, n);
    } else {
        // Several inputs: fetch the round under the lock (never mixed).
        WF_CONTAINER_BEGIN(o);
        got = map_round(m, stack, n);
        WF_CONTAINER_END();
    }
    // The function runs without the lock.
    WfObject *result = got == n ? wf_object_call(m->func, stack, (size_t)n, NULL) : NULL;
    for (wf_ssize i = 0; i < got; i++) wf_decref(stack[i]);
    if (stack != small) wf_mem_free(stack);
    return result;
}

WfTypeObject wf_map_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "map",
    .tp_basicsize = sizeof(MapObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "map(func, *iterables) --> map object\n\n"
              "Make an iterator that computes the function using arguments from\n"
              "each of the iterables.  Stops when the shortest iterable is exhausted.",
    .tp_dealloc = map_dealloc,
    .tp_traverse = map_traverse,
    .tp_iter = self_iter,
    .tp_iternext = map_next,
    .tp_new = map_new,
};

// ---------------------------------------------------------------------------
// filter

typedef struct {
    WfObject ob_base;
    WfObject *func;  // None or bool: truthiness of the item
    WfObject *it;
    _Atomic(int) exhausted;
} FilterObject;

static WfObject *filter_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_filter_type && wf_arg_no_kwargs("filter", kwnames) < 0) return NULL;
    if (nargs != 2) return wf_err_format(&wf_exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
    WfObject *it = wf_object_get_iter(args[1]);
    if (!it) return NULL;
    FilterObject *f = (FilterObject *)alloc_iter(type, &wf_filter_type);
    if (!f) {
        wf_decref(it);
        return NULL;
    }
    f->func = wf_newref(args[0]);
    f->it = it;
    atomic_store_explicit(&f->exhausted, 0, memory_order_relaxed);
    return (WfObject *)f;
}

static void filter_dealloc(WfObject *o) {
    FilterObject *f = (FilterObject *)o;
    wf_xdecref(f->func);
    wf_xdecref(f->it);
    free_iter(o);
}

static int filter_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    FilterObject *f = (FilterObject *)o;
    int r = visit_field(f->func, visit, arg);
    return r ? r : visit_field(f->it, visit, arg);
}

static WfObject *filter_next(WfObject *o) {
    FilterObject *f = (FilterObject *)o;
    if (is_exhausted(&f->exhausted)) return NULL;
    WfObject *it = f->it, *func = f->func;  // kept alive by f until dealloc
    bool checktrue = func == wf_None || func == (WfObject *)&wf_bool_type;
    WfObject *result = NULL;
    for (;;) {
        WfObject *item = wf_iter_next(it);
        if (!item) {
            if (!wf_err_occurred()) set_exhausted(&f->exhausted);
            break;
        }
        int ok;
        if (checktrue) {
            ok = wf_object_is_true(item);
        } else {
            WfObject *good = wf_object_call_one(func, item);
            if (!good) {
                wf_decref(item);
                break;
            }
            ok = wf_object_is_true(good);
            wf_decref(good);
        }
        if (ok > 0) {
            result = item;
            break;
        }
        wf_decref(item);
        if (ok < 0) break;
    }
    return result;
}

WfTypeObject wf_filter_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "filter",
    .tp_basicsize = sizeof(FilterObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "filter(function or None, iterable) --> filter object\n\n"
              "Return an iterator yielding those items of iterable for which function(item)\n"
              "is true. If function is None, return the items that are true.",
    .tp_dealloc = filter_dealloc,
    .tp_traverse = filter_traverse,
    .tp_iter = self_iter,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
};

// ---------------------------------------------------------------------------
// reversed

typedef struct {
    WfObject ob_base;
    _Atomic(wf_ssize) index;  // next position (counting down); -1 once exhausted
    WfObject *seq;
} ReversedObject;

static WfObject *reversed_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_reversed_type && wf_arg_no_kwargs("reversed", kwnames) < 0) return NULL;
    if (wf_arg_check_positional("reversed", nargs, 1, 1) < 0) return NULL;
    WfObject *seq = args[0];
    WfTypeObject *st = wf_type_of(seq);
    WfObject *meth = wf_type_lookup_ref(st, WF_ID(__reversed__));
    if (meth == wf_None) {
        wf_decref(meth);
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not reversible", st->tp_name);
    }
    if (meth) {
        WfObject *res;
        WfDescrGetFunc get = wf_type_of(meth)->tp_descr_get;
        if (get) {
            WfObject *bound = get(meth, seq, (WfObject *)st);
            wf_decref(meth);
            if (!bound) return NULL;
            res = wf_object_call_noargs(bound);
            wf_decref(bound);
        } else {
            res = wf_object_call_noargs(meth);
            wf_decref(meth);
        }
        return res;
    }
    if (wf_err_occurred()) return NULL;
    if (!st->tp_getitem || wf_dict_check(seq))
        return wf_err_format(&wf_exc_TypeError, "'%s' object is not reversible", st->tp_name);
    wf_ssize n = wf_object_len(seq);
    if (n < 0) return NULL;
    ReversedObject *ro = (ReversedObject *)alloc_iter(type, &wf_reversed_type);
    if (!ro) return NULL;
    atomic_store_explicit(&ro->index, n - 1, memory_order_relaxed);
    ro->seq = wf_newref(seq);
    return (WfObject *)ro;
}

static void reversed_dealloc(WfObject *o) {
    wf_xdecref(((ReversedObject *)o)->seq);
    free_iter(o);
}

static int reversed_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    return visit_field(((ReversedObject *)o)->seq, visit, arg);
}

static WfObject *reversed_next(WfObject *o) {
    ReversedObject *ro = (ReversedObject *)o;
    wf_ssize i;
    if (!claim_index(&ro->index, -1, &i)) return NULL;
    WfObject *idx = wf_int_from_ssize(i);
    WfObject *item = idx ? wf_object_getitem(ro->seq, idx) : NULL;
    wf_xdecref(idx);
    if (item) return item;
    if (clear_if_exhausted()) atomic_store_explicit(&ro->index, -1, memory_order_relaxed);  // for good
    else unclaim_index(&ro->index, i, -1);
    return NULL;
}

static WfObject *reversed_length_hint(WfObject *o, WfObject *unused) {
    ReversedObject *ro = (ReversedObject *)o;
    wf_ssize index = atomic_load_explicit(&ro->index, memory_order_relaxed);
    if (index < 0) return wf_smallint_new(0);
    wf_ssize n = wf_object_len(ro->seq);
    if (n < 0) return NULL;
    wf_ssize position = index + 1;
    return wf_int_from_ssize(n < position ? 0 : position);
}

static const WfMethodDef reversed_methods[] = {
    WF_METHOD("__length_hint__", reversed_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

WfTypeObject wf_reversed_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "reversed",
    .tp_basicsize = sizeof(ReversedObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "reversed(sequence, /)\n--\n\nReturn a reverse iterator over the values of the given sequence.",
    .tp_dealloc = reversed_dealloc,
    .tp_traverse = reversed_traverse,
    .tp_iter = self_iter,
    .tp_iternext = reversed_next,
    .tp_new = reversed_new,
    .tp_methods = reversed_methods,
};
