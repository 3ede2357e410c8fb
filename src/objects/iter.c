// iter.c — generic iterator types: the sequence iterator (`iterator`, iter()
// over __getitem__), the callable iterator (iter(f, sentinel)) and the
// builtin iterator types enumerate, zip, map, filter and reversed.
//
// Invariants: an iterator's next function is one function that updates its
// state in one place (a per-object critical section can wrap it); once
// exhausted an iterator drops its references (NULL fields) and stays
// exhausted. Errors other than exhaustion propagate and leave the iterator
// usable, as in CPython.
#include "objects/iter.h"

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/genericalias.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
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
    wf_ssize index;
    WfObject *seq;  // NULL when exhausted
} SeqIter;

WfObject *wf_seq_iter_new(WfObject *seq) {
    SeqIter *it = (SeqIter *)wf_object_alloc(&wf_seq_iter_type);
    if (!it) return NULL;
    it->index = 0;
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
    WfObject *seq = it->seq;
    if (!seq) return NULL;
    if (it->index == INTPTR_MAX) {
        wf_err_set_string(&wf_exc_OverflowError, "iter index too large");
        return NULL;
    }
    WfObject *idx = wf_int_from_ssize(it->index);
    if (!idx) return NULL;
    WfObject *result = wf_object_getitem(seq, idx);
    wf_decref(idx);
    if (result) {
        it->index++;
        return result;
    }
    if (clear_if_exhausted()) {
        it->seq = NULL;
        wf_decref(seq);
    }
    return NULL;
}

static WfObject *seq_iter_length_hint(WfObject *o, WfObject *unused) {
    SeqIter *it = (SeqIter *)o;
    if (it->seq) {
        WfTypeObject *t = wf_type_of(it->seq);
        if (t->tp_len) {
            wf_ssize n = wf_object_len(it->seq);
            if (n < 0) {
                if (!wf_err_matches(&wf_exc_TypeError)) return NULL;
                wf_err_clear();
                return wf_newref(wf_NotImplemented);
            }
            n -= it->index;
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
    WfObject *callable;  // NULL when exhausted
    WfObject *sentinel;
} CallIter;

WfObject *wf_callable_iter_new(WfObject *callable, WfObject *sentinel) {
    CallIter *it = (CallIter *)wf_object_alloc(&wf_callable_iter_type);
    if (!it) return NULL;
    it->callable = wf_newref(callable);
    it->sentinel = wf_newref(sentinel);
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

static void call_iter_exhaust(CallIter *it) {
    WfObject *c = it->callable, *s = it->sentinel;
    it->callable = NULL;
    it->sentinel = NULL;
    wf_xdecref(c);
    wf_xdecref(s);
}

static WfObject *call_iter_next(WfObject *o) {
    CallIter *it = (CallIter *)o;
    if (!it->callable) return NULL;
    WfObject *callable = wf_newref(it->callable);
    WfObject *result = wf_object_call_noargs(callable);
    wf_decref(callable);
    if (!result) {
        if (wf_err_matches(&wf_exc_StopIteration)) {
            wf_err_clear();
            call_iter_exhaust(it);
        }
        return NULL;
    }
    if (!it->sentinel) return result;  // exhausted by a reentrant call
    int ok = wf_object_richcompare_bool(it->sentinel, result, WF_EQ);
    if (ok == 0) return result;
    wf_decref(result);
    if (ok > 0) call_iter_exhaust(it);
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
    wf_ssize index;       // next index while it fits
    WfObject *it;         // NULL when exhausted
    WfObject *longindex;  // next index once past INTPTR_MAX, else NULL
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
    en->index = index;
    en->it = it;
    en->longindex = longindex;
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

static WfObject *enumerate_next(WfObject *o) {
    EnumObject *en = (EnumObject *)o;
    WfObject *it = en->it;
    if (!it) return NULL;
    WfObject *item = wf_iter_next(it);
    if (!item) {
        if (!wf_err_occurred()) {
            en->it = NULL;
            wf_decref(it);
        }
        return NULL;
    }
    WfObject *idx;
    if (!en->longindex && en->index == INTPTR_MAX) en->longindex = wf_int_from_ssize(INTPTR_MAX);
    if (en->longindex) {
        idx = en->longindex;
        WfObject *next = wf_number_add(idx, wf_smallint_new(1));
        if (!next) {
            wf_decref(item);
            return NULL;
        }
        en->longindex = next;
    } else {
        idx = wf_int_from_ssize(en->index);
        if (!idx) {
            wf_decref(item);
            return NULL;
        }
        en->index++;
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
    WfObject *iters;  // tuple of iterators; NULL when exhausted
    int strict;
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
    return (WfObject *)z;
}

static void zip_dealloc(WfObject *o) {
    wf_xdecref(((ZipObject *)o)->iters);
    free_iter(o);
}

static int zip_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    return visit_field(((ZipObject *)o)->iters, visit, arg);
}

static void zip_exhaust(ZipObject *z) {
    WfObject *iters = z->iters;
    z->iters = NULL;
    wf_xdecref(iters);
}

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

static WfObject *zip_next(WfObject *o) {
    ZipObject *z = (ZipObject *)o;
    WfObject *iters = z->iters;
    if (!iters) return NULL;
    wf_ssize n = wf_tuple_size(iters);
    if (n == 0) return NULL;
    WfObject *result = wf_tuple_new(n);
    if (!result) return NULL;
    wf_incref(iters);
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *item = wf_iter_next(wf_tuple_items(iters)[i]);
        if (!item) {
            wf_decref(result);
            WfObject *r = NULL;
            if (z->strict) r = zip_strict_check(z, iters, i);
            else if (!wf_err_occurred()) zip_exhaust(z);
            wf_decref(iters);
            return r;
        }
        wf_tuple_set_take(result, i, item);
    }
    wf_decref(iters);
    return result;
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
    WfObject *iters;  // tuple of iterators; NULL when exhausted
    WfObject *func;
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

static WfObject *map_next(WfObject *o) {
    MapObject *m = (MapObject *)o;
    WfObject *iters = m->iters;
    if (!iters) return NULL;
    wf_ssize n = wf_tuple_size(iters);
    WfObject *small[8];
    WfObject **stack = small;
    if (n > 8) {
        stack = wf_mem_malloc((size_t)n * sizeof(WfObject *));
        if (!stack) return wf_err_no_memory();
    }
    wf_incref(iters);
    WfObject *func = wf_newref(m->func);
    WfObject *result = NULL;
    wf_ssize got = 0;
    for (; got < n; got++) {
        WfObject *item = wf_iter_next(wf_tuple_items(iters)[got]);
        if (!item) {
            if (!wf_err_occurred() && m->iters == iters) {
                m->iters = NULL;
                wf_decref(iters);
                WfObject *f = m->func;
                m->func = NULL;
                wf_decref(f);
            }
            goto done;
        }
        stack[got] = item;
    }
    result = wf_object_call(func, stack, (size_t)n, NULL);
done:
    for (wf_ssize i = 0; i < got; i++) wf_decref(stack[i]);
    if (stack != small) wf_mem_free(stack);
    wf_decref(func);
    wf_decref(iters);
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
    WfObject *it;    // NULL when exhausted
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
    if (!f->it) return NULL;
    WfObject *it = wf_newref(f->it);
    WfObject *func = wf_newref(f->func);
    bool checktrue = func == wf_None || func == (WfObject *)&wf_bool_type;
    WfObject *result = NULL;
    for (;;) {
        WfObject *item = wf_iter_next(it);
        if (!item) {
            if (!wf_err_occurred() && f->it == it) {
                f->it = NULL;
                wf_decref(it);
            }
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
    wf_decref(it);
    wf_decref(func);
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
    wf_ssize index;
    WfObject *seq;  // NULL when exhausted
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
    ro->index = n - 1;
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
    WfObject *seq = ro->seq;
    if (!seq) return NULL;
    if (ro->index >= 0) {
        WfObject *idx = wf_int_from_ssize(ro->index);
        if (!idx) return NULL;
        WfObject *item = wf_object_getitem(seq, idx);
        wf_decref(idx);
        if (item) {
            ro->index--;
            return item;
        }
        if (!clear_if_exhausted()) return NULL;
    }
    ro->index = -1;
    ro->seq = NULL;
    wf_decref(seq);
    return NULL;
}

static WfObject *reversed_length_hint(WfObject *o, WfObject *unused) {
    ReversedObject *ro = (ReversedObject *)o;
    if (!ro->seq) return wf_smallint_new(0);
    wf_ssize n = wf_object_len(ro->seq);
    if (n < 0) return NULL;
    wf_ssize position = ro->index + 1;
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
