// slice.c — slice objects and the index arithmetic every sequence uses to
// apply one (CPython's PySlice_Unpack / PySlice_AdjustIndices /
// _PySlice_GetLongIndices).
//
// Invariant: a slice is immutable; start, stop and step are never NULL (None
// when omitted). Slices are unhashable (as in CPython 3.11).
#include "objects/range.h"

#include "objects/arg.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

WfObject *wf_slice_new(WfObject *start, WfObject *stop, WfObject *step) {
    WfSliceObject *s = (WfSliceObject *)wf_object_alloc(&wf_slice_type);
    if (!s) return NULL;
    s->start = wf_newref(start ? start : wf_None);
    s->stop = wf_newref(stop ? stop : wf_None);
    s->step = wf_newref(step ? step : wf_None);
    return (WfObject *)s;
}

// _PyEval_SliceIndex: an index (clamped to the ssize range) from None-free v.
static int slice_index(WfObject *v, wf_ssize *out) {
    if (wf_is_smallint(v)) {
        *out = wf_smallint_value(v);
        return 0;
    }
    if (!wf_index_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    wf_ssize x = wf_number_as_ssize(v, NULL);
    if (x == -1 && wf_err_occurred()) return -1;
    *out = x;
    return 0;
}

int wf_slice_unpack(WfObject *slice, wf_ssize *start, wf_ssize *stop, wf_ssize *step) {
    WfSliceObject *r = (WfSliceObject *)slice;
    if (r->step == wf_None) {
        *step = 1;
    } else {
        if (slice_index(r->step, step) < 0) return -1;
        if (*step == 0) {
            wf_err_set_string(&wf_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        // Reversing a slice with step INTPTR_MIN would overflow.
        if (*step < -INTPTR_MAX) *step = -INTPTR_MAX;
    }
    if (r->start == wf_None) *start = *step < 0 ? INTPTR_MAX : 0;
    else if (slice_index(r->start, start) < 0) return -1;
    if (r->stop == wf_None) *stop = *step < 0 ? INTPTR_MIN : INTPTR_MAX;
    else if (slice_index(r->stop, stop) < 0) return -1;
    return 0;
}

wf_ssize wf_slice_adjust_indices(wf_ssize length, wf_ssize *start, wf_ssize *stop, wf_ssize step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0) *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0) *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

int wf_slice_get_indices(WfObject *slice, wf_ssize length, wf_ssize *start, wf_ssize *stop, wf_ssize *step,
                         wf_ssize *slicelength) {
    if (wf_slice_unpack(slice, start, stop, step) < 0) return -1;
    *slicelength = wf_slice_adjust_indices(length, start, stop, *step);
    return 0;
}

static WfObject *evaluate_slice_index(WfObject *v) {
    if (wf_index_check(v)) return wf_number_index(v);
    wf_err_set_string(&wf_exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return NULL;
}

// Clamp an index against [lower, upper] after adding length to negatives.
static WfObject *clamp_index(WfObject *v, WfObject *length, WfObject *lower, WfObject *upper) {
    WfObject *x = evaluate_slice_index(v);
    if (!x) return NULL;
    if (wf_int_sign(x) < 0) {
        WfObject *t = wf_number_add(x, length);
        wf_decref(x);
        if (!t) return NULL;
        x = t;
        int c = wf_object_richcompare_bool(x, lower, WF_LT);
        if (c < 0) {
            wf_decref(x);
            return NULL;
        }
        if (c) {
            wf_decref(x);
            x = wf_newref(lower);
        }
    } else {
        int c = wf_object_richcompare_bool(x, upper, WF_GT);
        if (c < 0) {
            wf_decref(x);
            return NULL;
        }
        if (c) {
            wf_decref(x);
            x = wf_newref(upper);
        }
    }
    return x;
}

int wf_slice_get_long_indices(WfObject *slice, WfObject *length, WfObject **start_ptr, WfObject **stop_ptr,
                              WfObject **step_ptr) {
    WfSliceObject *self = (WfSliceObject *)slice;
    WfObject *start = NULL, *stop = NULL, *step, *lower = NULL, *upper = NULL;
    bool negative;
    if (self->step == wf_None) {
        step = wf_smallint_new(1);
        negative = false;
    } else {
        step = evaluate_slice_index(self->step);
        if (!step) return -1;
        int sign = wf_int_sign(step);
        if (sign == 0) {
            wf_decref(step);
            wf_err_set_string(&wf_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        negative = sign < 0;
    }
    if (negative) {
        lower = wf_smallint_new(-1);
        upper = wf_number_add(length, lower);
        if (!upper) goto error;
    } else {
        lower = wf_smallint_new(0);
        upper = wf_newref(length);
    }
    if (self->start == wf_None) start = wf_newref(negative ? upper : lower);
    else start = clamp_index(self->start, length, lower, upper);
    if (!start) goto error;
    if (self->stop == wf_None) stop = wf_newref(negative ? lower : upper);
    else stop = clamp_index(self->stop, length, lower, upper);
    if (!stop) goto error;
    wf_decref(upper);
    *start_ptr = start;
    *stop_ptr = stop;
    *step_ptr = step;
    return 0;
error:
    wf_xdecref(start);
    wf_xdecref(upper);
    wf_decref(step);
    return -1;
}

// ---------------------------------------------------------------------------

static void slice_dealloc(WfObject *o) {
    WfSliceObject *s = (WfSliceObject *)o;
    wf_decref(s->start);
    wf_decref(s->stop);
    wf_decref(s->step);
    wf_object_free(o);
}

static int slice_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    WfSliceObject *s = (WfSliceObject *)o;
    WfObject *parts[3] = {s->start, s->stop, s->step};
    for (int i = 0; i < 3; i++) {
        if (!wf_is_smallint(parts[i])) {
            int r = visit(parts[i], arg);
            if (r) return r;
        }
    }
    return 0;
}

static WfObject *slice_repr(WfObject *o) {
    WfSliceObject *s = (WfSliceObject *)o;
    return wf_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static WfObject *slice_richcompare(WfObject *v, WfObject *w, int op) {
    if (!wf_slice_check(v) || !wf_slice_check(w)) return wf_newref(wf_NotImplemented);
    if (v == w) {
        switch (op) {
        case WF_EQ: case WF_LE: case WF_GE: return wf_True;
        case WF_NE: case WF_LT: case WF_GT: return wf_False;
        }
    }
    WfSliceObject *a = (WfSliceObject *)v, *b = (WfSliceObject *)w;
    WfObject *t1 = wf_tuple_pack(3, a->start, a->stop, a->step);
    if (!t1) return NULL;
    WfObject *t2 = wf_tuple_pack(3, b->start, b->stop, b->step);
    if (!t2) {
        wf_decref(t1);
        return NULL;
    }
    WfObject *res = wf_object_richcompare(t1, t2, op);
    wf_decref(t1);
    wf_decref(t2);
    return res;
}

static WfObject *slice_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (wf_arg_no_kwargs("slice", kwnames) < 0) return NULL;
    if (wf_arg_check_positional("slice", nargs, 1, 3) < 0) return NULL;
    if (nargs == 1) return wf_slice_new(NULL, args[0], NULL);
    return wf_slice_new(args[0], args[1], nargs > 2 ? args[2] : NULL);
}

static WfObject *slice_indices(WfObject *self, WfObject *len_arg) {
    WfObject *length = wf_number_index(len_arg);
    if (!length) return NULL;
    if (wf_int_sign(length) < 0) {
        wf_decref(length);
        wf_err_set_string(&wf_exc_ValueError, "length should not be negative");
        return NULL;
    }
    WfObject *start, *stop, *step;
    int r = wf_slice_get_long_indices(self, length, &start, &stop, &step);
    wf_decref(length);
    if (r < 0) return NULL;
    WfObject *res = wf_tuple_pack(3, start, stop, step);
    wf_decref(start);
    wf_decref(stop);
    wf_decref(step);
    return res;
}

static WfObject *slice_reduce(WfObject *self, WfObject *unused) {
    WfSliceObject *s = (WfSliceObject *)self;
    WfObject *args = wf_tuple_pack(3, s->start, s->stop, s->step);
    if (!args) return NULL;
    WfObject *res = wf_tuple_pack(2, (WfObject *)&wf_slice_type, args);
    wf_decref(args);
    return res;
}

static const WfMethodDef slice_methods[] = {
    WF_METHOD("indices", slice_indices, WF_METH_O,
              "S.indices(len) -> (start, stop, stride)\n\n"
              "Assuming a sequence of length len, calculate the start and stop\n"
              "indices, and the stride length of the extended slice described by\n"
              "S. Out of bounds indices are clipped in a manner consistent with the\n"
              "handling of normal slices."),
    WF_METHOD("__reduce__", slice_reduce, WF_METH_NOARGS, "Return state information for pickling."),
    WF_METHOD_END,
};

static const WfMemberDef slice_members[] = {
    {"start", WF_T_OBJECT, offsetof(WfSliceObject, start), WF_MEMBER_READONLY, NULL},
    {"stop", WF_T_OBJECT, offsetof(WfSliceObject, stop), WF_MEMBER_READONLY, NULL},
    {"step", WF_T_OBJECT, offsetof(WfSliceObject, step), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

WfTypeObject wf_slice_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "slice",
    .tp_basicsize = sizeof(WfSliceObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\n"
              "Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).",
    .tp_dealloc = slice_dealloc,
    .tp_traverse = slice_traverse,
    .tp_repr = slice_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = slice_richcompare,
    .tp_new = slice_new,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
};
