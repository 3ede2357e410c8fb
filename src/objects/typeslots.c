// typeslots.c — the table linking dunder names to type slots, slot wrappers
// (Python-callable views of a builtin type's C slots: int.__add__), slot
// functions (C slots of classes that look a dunder up and call it:
// nb_add → __add__/__radd__), and keeping a class's slots in sync with its
// dunders (at creation and on `C.__add__ = f`).
//
// Invariants:
// - Entries of wf_slotdefs that share a slot are adjacent; the table ends
//   with a NULL name.
// - A class's slot holds either a builtin C function (when every dunder for
//   that slot found along the MRO is a slot wrapper of that same function)
//   or the generic slot function. Slot words are rewritten only under
//   type_lock with release stores; readers use plain loads (an aligned
//   pointer store is single-copy atomic on every supported platform), so a
//   concurrent caller sees the old or the new function.
#include <stdio.h>

#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Argument checks of wrappers

static int check_num_args(size_t nargs, size_t n) {
    if (nargs == n) return 0;
    wf_err_format(&wf_exc_TypeError, "expected %zd argument%s, got %zd", (wf_ssize)n, n == 1 ? "" : "s",
                  (wf_ssize)nargs);
    return -1;
}

#define CHECK(n)                                     \
    do {                                             \
        if (check_num_args(nargs, (n)) < 0) return NULL; \
    } while (0)

// ---------------------------------------------------------------------------
// Wrappers: call a C slot with Python arguments

static WfObject *wrap_unaryfunc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(0);
    return ((WfUnaryFunc)w)(self);
}

static WfObject *wrap_binaryfunc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    return ((WfBinaryFunc)w)(self, args[0]);
}

static WfObject *wrap_binaryfunc_l(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    return ((WfBinaryFunc)w)(self, args[0]);
}

static WfObject *wrap_binaryfunc_r(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    return ((WfBinaryFunc)w)(args[0], self);
}

static WfObject *wrap_ternaryfunc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    if (nargs < 1 || nargs > 2) {
        return wf_err_format(&wf_exc_TypeError, "expected %s argument%s, got %zd", nargs < 1 ? "at least 1" : "at most 2",
                             nargs < 1 ? "" : "s", (wf_ssize)nargs);
    }
    return ((WfTernaryFunc)w)(self, args[0], nargs > 1 ? args[1] : wf_None);
}

static WfObject *wrap_ternaryfunc_r(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    if (nargs < 1 || nargs > 2) {
        return wf_err_format(&wf_exc_TypeError, "expected %s argument%s, got %zd", nargs < 1 ? "at least 1" : "at most 2",
                             nargs < 1 ? "" : "s", (wf_ssize)nargs);
    }
    return ((WfTernaryFunc)w)(args[0], self, nargs > 1 ? args[1] : wf_None);
}

static WfObject *wrap_inquirypred(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(0);
    int r = ((WfInquiry)w)(self);
    return r < 0 ? NULL : wf_bool_from(r);
}

static WfObject *wrap_lenfunc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(0);
    wf_ssize r = ((WfLenFunc)w)(self);
    if (r == -1 && wf_err_occurred()) return NULL;
    return wf_int_from_ssize(r);
}

static WfObject *wrap_hashfunc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(0);
    intptr_t r = ((WfHashFunc)w)(self);
    if (r == -1 && wf_err_occurred()) return NULL;
    return wf_int_from_ssize(r);
}

static WfObject *wrap_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    return ((WfCallFunc)w)(self, args, nargs, kw);
}

#define RICHCMP_WRAPPER(NAME, OP)                                                                          \
    static WfObject *wrap_##NAME(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) { \
        CHECK(1);                                                                                          \
        return ((WfRichCmpFunc)w)(self, args[0], OP);                                                      \
    }
RICHCMP_WRAPPER(lt, WF_LT)
RICHCMP_WRAPPER(le, WF_LE)
RICHCMP_WRAPPER(eq, WF_EQ)
RICHCMP_WRAPPER(ne, WF_NE)
RICHCMP_WRAPPER(gt, WF_GT)
RICHCMP_WRAPPER(ge, WF_GE)

static WfObject *wrap_next(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(0);
    WfObject *r = ((WfIterNextFunc)w)(self);
    if (!r && !wf_err_occurred()) wf_err_set_none(&wf_exc_StopIteration);
    return r;
}

static WfObject *wrap_descr_get(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    if (nargs < 1 || nargs > 2) {
        return wf_err_format(&wf_exc_TypeError, "expected %s argument%s, got %zd", nargs < 1 ? "at least 1" : "at most 2",
                             nargs < 1 ? "" : "s", (wf_ssize)nargs);
    }
    WfObject *obj = args[0], *type = nargs > 1 ? args[1] : NULL;
    if (obj == wf_None) obj = NULL;
    if (type == wf_None) type = NULL;
    if (!obj && !type) {
        wf_err_set_string(&wf_exc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((WfDescrGetFunc)w)(self, obj, type);
}

static WfObject *wrap_descr_set(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(2);
    if (((WfDescrSetFunc)w)(self, args[0], args[1]) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_descr_delete(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    if (((WfDescrSetFunc)w)(self, args[0], NULL) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    if (((WfInitFunc)w)(self, args, nargs, kw) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_setattr(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(2);
    if (((WfSetAttrFunc)w)(self, args[0], args[1]) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_delattr(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    if (((WfSetAttrFunc)w)(self, args[0], NULL) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_objobjargproc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(2);
    if (((WfObjObjArgProc)w)(self, args[0], args[1]) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_delitem(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    if (((WfObjObjArgProc)w)(self, args[0], NULL) < 0) return NULL;
    return wf_None;
}

static WfObject *wrap_objobjproc(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(1);
    int r = ((WfObjObjProc)w)(self, args[0]);
    return r < 0 ? NULL : wf_bool_from(r);
}

static WfObject *wrap_del(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw, void *w) {
    CHECK(0);
    ((WfDestructor)w)(self);
    if (wf_err_occurred()) return NULL;
    return wf_None;
}

// ---------------------------------------------------------------------------
// Slot functions for classes

// Call type(self).name(self, *args); *found = 0 when absent.
static WfObject *call_method_maybe(WfObject *self, WfObject *name, WfObject *const *args, size_t nargs, int *found) {
    return wf_object_call_special(self, name, args, nargs, found);
}

// Like call_method_maybe, but a missing method raises AttributeError(name).
static WfObject *call_method(WfObject *self, WfObject *name, WfObject *const *args, size_t nargs) {
    int found;
    WfObject *r = call_method_maybe(self, name, args, nargs, &found);
    if (!found) wf_err_set_object(&wf_exc_AttributeError, name);
    return r;
}

static WfObject *call_or_notimplemented(WfObject *self, WfObject *name, WfObject *const *args, size_t nargs) {
    int found;
    WfObject *r = call_method_maybe(self, name, args, nargs, &found);
    if (!found) return wf_NotImplemented;
    return r;
}

// Does type(self) define `name` differently from type(other)? (CPython's method_is_overloaded)
static int method_is_overloaded(WfObject *left, WfObject *right, WfObject *name) {
    WfObject *b = wf_type_lookup(wf_type_of(right), name);
    if (!b) return 0;
    WfObject *a = wf_type_lookup(wf_type_of(left), name);
    if (!a) return 1;
    return a != b;
}

// CPython's SLOT1BINFULL: binary operator with reflected operand.
static WfObject *binary_slot(WfObject *self, WfObject *other, WfObject *op, WfObject *rop, size_t slot_offset,
                             void *this_fn) {
    WfTypeObject *st = wf_type_of(self), *ot = wf_type_of(other);
    bool do_other = st != ot && ot->tp_as_number &&
                    *(void **)((char *)ot->tp_as_number + slot_offset) == this_fn;
    if (st->tp_as_number && *(void **)((char *)st->tp_as_number + slot_offset) == this_fn) {
        WfObject *r;
        if (do_other && wf_type_is_subtype(ot, st)) {
            if (method_is_overloaded(self, other, rop)) {
                WfObject *a[1] = {self};
                r = call_or_notimplemented(other, rop, a, 1);
                if (r != wf_NotImplemented) return r;
                do_other = false;
            }
        }
        WfObject *a[1] = {other};
        r = call_or_notimplemented(self, op, a, 1);
        if (r != wf_NotImplemented || ot == st) return r;
    }
    if (do_other) {
        WfObject *a[1] = {self};
        return call_or_notimplemented(other, rop, a, 1);
    }
    return wf_NotImplemented;
}

#define NBOFF(f) offsetof(WfNumberMethods, f)

#define SLOT_BINARY(FUNC, SLOT, OP, ROP)                                                   \
    static WfObject *FUNC(WfObject *self, WfObject *other) {                               \
        return binary_slot(self, other, WF_ID(OP), WF_ID(ROP), NBOFF(SLOT), (void *)FUNC); \
    }
SLOT_BINARY(slot_nb_add, nb_add, __add__, __radd__)
SLOT_BINARY(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT_BINARY(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT_BINARY(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT_BINARY(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT_BINARY(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT_BINARY(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT_BINARY(slot_nb_and, nb_and, __and__, __rand__)
SLOT_BINARY(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT_BINARY(slot_nb_or, nb_or, __or__, __ror__)
SLOT_BINARY(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT_BINARY(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)
SLOT_BINARY(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)

static WfObject *slot_nb_power(WfObject *self, WfObject *other, WfObject *mod);

static WfObject *slot_nb_power_binary(WfObject *self, WfObject *other) {
    return binary_slot(self, other, WF_ID(__pow__), WF_ID(__rpow__), NBOFF(nb_power), (void *)slot_nb_power);
}

static WfObject *slot_nb_power(WfObject *self, WfObject *other, WfObject *mod) {
    if (mod == wf_None) return slot_nb_power_binary(self, other);
    // Three-argument power does not try __rpow__.
    WfTypeObject *st = wf_type_of(self);
    if (st->tp_as_number && st->tp_as_number->nb_power == slot_nb_power) {
        WfObject *a[2] = {other, mod};
        return call_or_notimplemented(self, WF_ID(__pow__), a, 2);
    }
    return wf_NotImplemented;
}

#define SLOT_INPLACE(FUNC, OP)                                      \
    static WfObject *FUNC(WfObject *self, WfObject *other) {        \
        WfObject *a[1] = {other};                                   \
        return call_or_notimplemented(self, WF_ID(OP), a, 1);       \
    }
SLOT_INPLACE(slot_nb_inplace_add, __iadd__)
SLOT_INPLACE(slot_nb_inplace_subtract, __isub__)
SLOT_INPLACE(slot_nb_inplace_multiply, __imul__)
SLOT_INPLACE(slot_nb_inplace_remainder, __imod__)
SLOT_INPLACE(slot_nb_inplace_lshift, __ilshift__)
SLOT_INPLACE(slot_nb_inplace_rshift, __irshift__)
SLOT_INPLACE(slot_nb_inplace_and, __iand__)
SLOT_INPLACE(slot_nb_inplace_xor, __ixor__)
SLOT_INPLACE(slot_nb_inplace_or, __ior__)
SLOT_INPLACE(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT_INPLACE(slot_nb_inplace_true_divide, __itruediv__)
SLOT_INPLACE(slot_nb_inplace_matrix_multiply, __imatmul__)

static WfObject *slot_nb_inplace_power(WfObject *self, WfObject *other, WfObject *mod) {
    WfObject *a[1] = {other};
    return call_or_notimplemented(self, WF_ID(__ipow__), a, 1);
}

#define SLOT_UNARY(FUNC, OP) \
    static WfObject *FUNC(WfObject *self) { return call_method(self, WF_ID(OP), NULL, 0); }
SLOT_UNARY(slot_nb_negative, __neg__)
SLOT_UNARY(slot_nb_positive, __pos__)
SLOT_UNARY(slot_nb_absolute, __abs__)
SLOT_UNARY(slot_nb_invert, __invert__)
SLOT_UNARY(slot_nb_int, __int__)
SLOT_UNARY(slot_nb_float, __float__)
SLOT_UNARY(slot_nb_index, __index__)
SLOT_UNARY(slot_tp_str, __str__)

static WfObject *slot_tp_repr(WfObject *self) {
    int found;
    WfObject *r = call_method_maybe(self, WF_ID(__repr__), NULL, 0, &found);
    if (found) return r;
    return wf_str_from_format("<%s object at %p>", wf_type_of(self)->tp_name, (void *)self);
}

static int slot_nb_bool(WfObject *self) {
    int found;
    WfObject *r = call_method_maybe(self, WF_ID(__bool__), NULL, 0, &found);
    if (found) {
        if (!r) return -1;
        if (r == wf_True || r == wf_False) return r == wf_True;
        wf_err_format(&wf_exc_TypeError, "__bool__ should return bool, returned %.200s", WF_TYPE(r)->tp_name);
        wf_decref(r);
        return -1;
    }
    r = call_method_maybe(self, WF_ID(__len__), NULL, 0, &found);
    if (!found) return 1;
    if (!r) return -1;
    wf_ssize n = wf_number_as_ssize(r, &wf_exc_OverflowError);
    wf_decref(r);
    if (n == -1 && wf_err_occurred()) return -1;
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n > 0;
}

static wf_ssize slot_tp_len(WfObject *self) {
    WfObject *r = call_method(self, WF_ID(__len__), NULL, 0);
    if (!r) return -1;
    wf_ssize n = wf_number_as_ssize(r, &wf_exc_OverflowError);
    wf_decref(r);
    if (n == -1 && wf_err_occurred()) return -1;
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    return n;
}

static WfObject *slot_tp_getitem(WfObject *self, WfObject *key) {
    WfObject *a[1] = {key};
    return call_method(self, WF_ID(__getitem__), a, 1);
}

static int slot_tp_setitem(WfObject *self, WfObject *key, WfObject *value) {
    WfObject *r;
    if (value) {
        WfObject *a[2] = {key, value};
        r = call_method(self, WF_ID(__setitem__), a, 2);
    } else {
        WfObject *a[1] = {key};
        r = call_method(self, WF_ID(__delitem__), a, 1);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static int slot_tp_contains(WfObject *self, WfObject *value) {
    WfObject *func = wf_type_lookup(wf_type_of(self), WF_ID(__contains__));
    if (func == wf_None) {
        wf_err_format(&wf_exc_TypeError, "'%.200s' object is not a container", wf_type_of(self)->tp_name);
        return -1;
    }
    int found;
    WfObject *a[1] = {value};
    WfObject *r = call_method_maybe(self, WF_ID(__contains__), a, 1, &found);
    if (!found) {
        // __contains__ was removed: fall back to iteration.
        WfObject *it = wf_object_get_iter(self);
        if (!it) return -1;
        for (;;) {
            WfObject *item = wf_iter_next(it);
            if (!item) {
                wf_decref(it);
                return wf_err_occurred() ? -1 : 0;
            }
            int eq = wf_object_richcompare_bool(item, value, WF_EQ);
            wf_decref(item);
            if (eq != 0) {
                wf_decref(it);
                return eq;
            }
        }
    }
    if (!r) return -1;
    int t = wf_object_is_true(r);
    wf_decref(r);
    return t;
}

static intptr_t slot_tp_hash(WfObject *self) {
    WfObject *func = wf_type_lookup(wf_type_of(self), WF_ID(__hash__));
    if (!func || func == wf_None) return wf_object_hash_not_implemented(self);
    WfObject *r = call_method(self, WF_ID(__hash__), NULL, 0);
    if (!r) return -1;
    if (!wf_int_check(r)) {
        wf_err_set_string(&wf_exc_TypeError, "__hash__ method should return an integer");
        wf_decref(r);
        return -1;
    }
    int overflow = 0;
    long long h = wf_int_as_long_long_overflow(r, &overflow);
    if (overflow) h = wf_int_hash(r);
    wf_decref(r);
    if (h == -1) h = -2;
    return (intptr_t)h;
}

// Call `func` (found on type(self)) as a method of self, keyword arguments allowed.
static WfObject *call_with_self(WfObject *func, WfObject *self, WfObject *const *args, size_t nargs,
                                WfObject *kwnames) {
    WfTypeObject *ft = wf_type_of(func);
    if (ft->tp_flags & WF_TPFLAGS_METHOD_DESCRIPTOR) {
        size_t total = nargs + (kwnames ? (size_t)wf_tuple_size(kwnames) : 0);
        WfObject *stack[9];
        WfObject **buf = stack;
        if (total + 1 > 9) {
            buf = wf_mem_malloc((total + 1) * sizeof(WfObject *));
            if (!buf) return wf_err_no_memory();
        }
        buf[0] = self;
        for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
        WfObject *r = wf_object_call(func, buf, nargs + 1, kwnames);
        if (buf != stack) wf_mem_free(buf);
        return r;
    }
    if (ft->tp_descr_get) {
        WfObject *bound = ft->tp_descr_get(func, self, (WfObject *)wf_type_of(self));
        if (!bound) return NULL;
        WfObject *r = wf_object_call(bound, args, nargs, kwnames);
        wf_decref(bound);
        return r;
    }
    return wf_object_call(func, args, nargs, kwnames);
}

static WfObject *slot_tp_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *func = wf_type_lookup(wf_type_of(self), WF_ID(__call__));
    if (!func) return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not callable", wf_type_of(self)->tp_name);
    wf_incref(func);
    WfObject *r = call_with_self(func, self, args, nargs, kwnames);
    wf_decref(func);
    return r;
}

static WfObject *slot_tp_getattr_hook(WfObject *self, WfObject *name) {
    WfTypeObject *tp = wf_type_of(self);
    WfObject *getattr = wf_type_lookup(tp, WF_ID(__getattr__));
    WfObject *getattribute = wf_type_lookup(tp, WF_ID(__getattribute__));
    WfObject *res;
    bool generic = getattribute && wf_type_of(getattribute) == &wf_wrapper_descr_type &&
                   ((WfWrapperDescrObject *)getattribute)->wrapped == (void *)wf_object_generic_getattr;
    if (!getattr) {
        if (generic || !getattribute) return wf_object_generic_getattr(self, name);
        WfObject *a[1] = {name};
        return call_method(self, WF_ID(__getattribute__), a, 1);
    }
    wf_incref(getattr);
    if (generic || !getattribute) {
        res = wf_object_generic_getattr_suppress(self, name);
        if (res || wf_err_occurred()) {
            wf_decref(getattr);
            return res;
        }
    } else {
        WfObject *a[1] = {name};
        res = call_method(self, WF_ID(__getattribute__), a, 1);
        if (res || !wf_err_matches(&wf_exc_AttributeError)) {
            wf_decref(getattr);
            return res;
        }
        wf_err_clear();
    }
    // Call __getattr__(self, name), binding it like a method.
    WfDescrGetFunc f = wf_type_of(getattr)->tp_descr_get;
    if (wf_type_of(getattr)->tp_flags & WF_TPFLAGS_METHOD_DESCRIPTOR) {
        WfObject *a[2] = {self, name};
        res = wf_object_call(getattr, a, 2, NULL);
    } else if (f) {
        WfObject *bound = f(getattr, self, (WfObject *)tp);
        res = bound ? wf_object_call_one(bound, name) : NULL;
        wf_xdecref(bound);
    } else {
        res = wf_object_call_one(getattr, name);
    }
    wf_decref(getattr);
    return res;
}

static int slot_tp_setattro(WfObject *self, WfObject *name, WfObject *value) {
    WfObject *r;
    if (value) {
        WfObject *a[2] = {name, value};
        r = call_method(self, WF_ID(__setattr__), a, 2);
    } else {
        WfObject *a[1] = {name};
        r = call_method(self, WF_ID(__delattr__), a, 1);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static WfObject *slot_tp_richcompare(WfObject *self, WfObject *other, int op) {
    WfObject *name;
    switch (op) {
    case WF_LT: name = WF_ID(__lt__); break;
    case WF_LE: name = WF_ID(__le__); break;
    case WF_EQ: name = WF_ID(__eq__); break;
    case WF_NE: name = WF_ID(__ne__); break;
    case WF_GT: name = WF_ID(__gt__); break;
    default: name = WF_ID(__ge__); break;
    }
    WfObject *a[1] = {other};
    int found;
    WfObject *r = call_method_maybe(self, name, a, 1, &found);
    if (!found) return wf_NotImplemented;
    return r;
}

static WfObject *slot_tp_iter(WfObject *self) {
    WfObject *func = wf_type_lookup(wf_type_of(self), WF_ID(__iter__));
    if (func == wf_None) {
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not iterable", wf_type_of(self)->tp_name);
    }
    int found;
    WfObject *r = call_method_maybe(self, WF_ID(__iter__), NULL, 0, &found);
    if (found) return r;
    // No __iter__: a class with __getitem__ iterates by index.
    if (wf_type_lookup(wf_type_of(self), WF_ID(__getitem__))) return wf_seq_iter_new(self);
    return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not iterable", wf_type_of(self)->tp_name);
}

static WfObject *slot_tp_iternext(WfObject *self) {
    WfObject *r = call_method(self, WF_ID(__next__), NULL, 0);
    if (!r && wf_err_matches(&wf_exc_StopIteration)) wf_err_clear();
    return r;
}

static WfObject *slot_tp_descr_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfTypeObject *tp = wf_type_of(self);
    WfObject *get = wf_type_lookup(tp, WF_ID(__get__));
    if (!get) return wf_newref(self);  // __get__ was removed: behave as a plain attribute
    WfObject *a[2] = {obj ? obj : wf_None, type ? type : wf_None};
    return call_method(self, WF_ID(__get__), a, 2);
}

static int slot_tp_descr_set(WfObject *self, WfObject *target, WfObject *value) {
    WfObject *r;
    if (value) {
        WfObject *a[2] = {target, value};
        r = call_method(self, WF_ID(__set__), a, 2);
    } else {
        WfObject *a[1] = {target};
        r = call_method(self, WF_ID(__delete__), a, 1);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

static int slot_tp_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *func = wf_type_lookup(wf_type_of(self), WF_ID(__init__));
    if (!func) {
        wf_err_set_object(&wf_exc_AttributeError, WF_ID(__init__));
        return -1;
    }
    wf_incref(func);
    WfObject *r = call_with_self(func, self, args, nargs, kwnames);
    wf_decref(func);
    if (!r) return -1;
    if (r != wf_None) {
        wf_err_format(&wf_exc_TypeError, "__init__() should return None, not '%.200s'", WF_TYPE(r)->tp_name);
        wf_decref(r);
        return -1;
    }
    return 0;
}

WfObject *wf_slot_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *func = wf_object_getattr((WfObject *)type, WF_ID(__new__));
    if (!func) return NULL;
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    WfObject *stack[9];
    WfObject **buf = stack;
    if (nargs + nkw + 1 > 9) {
        buf = wf_mem_malloc((nargs + nkw + 1) * sizeof(WfObject *));
        if (!buf) {
            wf_decref(func);
            return wf_err_no_memory();
        }
    }
    buf[0] = (WfObject *)type;
    for (size_t i = 0; i < nargs + nkw; i++) buf[i + 1] = args[i];
    WfObject *r = wf_object_call(func, buf, nargs + 1, kwnames);
    if (buf != stack) wf_mem_free(buf);
    wf_decref(func);
    return r;
}

static void slot_tp_finalize(WfObject *self) {
    int found;
    WfObject *r = call_method_maybe(self, WF_ID(__del__), NULL, 0, &found);
    if (!found) return;
    if (!r) wf_err_write_unraisable(self);
    else wf_decref(r);
}

// ---------------------------------------------------------------------------
// The table

#define TPOFF(f) offsetof(WfTypeObject, f)
#define TPSLOT(NAME, SLOT, FUNC, WRAPPER, DOC) {NAME, TPOFF(SLOT), 0, (void *)(FUNC), WRAPPER, DOC, 0, NULL}
#define TPSLOTKW(NAME, SLOT, FUNC, WRAPPER, DOC) \
    {NAME, TPOFF(SLOT), 0, (void *)(FUNC), WRAPPER, DOC, WF_SLOTDEF_KEYWORDS, NULL}
#define NBSLOT(NAME, SLOT, FUNC, WRAPPER, DOC) {NAME, NBOFF(SLOT), 1, (void *)(FUNC), WRAPPER, DOC, 0, NULL}
#define UNSLOT(NAME, SLOT, FUNC, DOC) NBSLOT(NAME, SLOT, FUNC, wrap_unaryfunc, NAME "($self, /)\n--\n\n" DOC)
#define BINSLOT(NAME, SLOT, FUNC, SIGN) \
    NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc_l, NAME "($self, value, /)\n--\n\nReturn self" SIGN "value.")
#define RBINSLOT(NAME, SLOT, FUNC, SIGN) \
    NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc_r, NAME "($self, value, /)\n--\n\nReturn value" SIGN "self.")
#define IBSLOT(NAME, SLOT, FUNC, SIGN) \
    NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc, NAME "($self, value, /)\n--\n\nReturn self" SIGN "value.")

WfSlotDef wf_slotdefs[] = {
    TPSLOT("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
           "__getattribute__($self, name, /)\n--\n\nReturn getattr(self, name)."),
    TPSLOT("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, ""),
    TPSLOT("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr,
           "__setattr__($self, name, value, /)\n--\n\nImplement setattr(self, name, value)."),
    TPSLOT("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr,
           "__delattr__($self, name, /)\n--\n\nImplement delattr(self, name)."),
    TPSLOT("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "__repr__($self, /)\n--\n\nReturn repr(self)."),
    TPSLOT("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "__hash__($self, /)\n--\n\nReturn hash(self)."),
    TPSLOTKW("__call__", tp_call, slot_tp_call, wrap_call,
             "__call__($self, /, *args, **kwargs)\n--\n\nCall self as a function."),
    TPSLOT("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "__str__($self, /)\n--\n\nReturn str(self)."),
    TPSLOT("__lt__", tp_richcompare, slot_tp_richcompare, wrap_lt, "__lt__($self, value, /)\n--\n\nReturn self<value."),
    TPSLOT("__le__", tp_richcompare, slot_tp_richcompare, wrap_le, "__le__($self, value, /)\n--\n\nReturn self<=value."),
    TPSLOT("__eq__", tp_richcompare, slot_tp_richcompare, wrap_eq, "__eq__($self, value, /)\n--\n\nReturn self==value."),
    TPSLOT("__ne__", tp_richcompare, slot_tp_richcompare, wrap_ne, "__ne__($self, value, /)\n--\n\nReturn self!=value."),
    TPSLOT("__gt__", tp_richcompare, slot_tp_richcompare, wrap_gt, "__gt__($self, value, /)\n--\n\nReturn self>value."),
    TPSLOT("__ge__", tp_richcompare, slot_tp_richcompare, wrap_ge, "__ge__($self, value, /)\n--\n\nReturn self>=value."),
    TPSLOT("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "__iter__($self, /)\n--\n\nImplement iter(self)."),
    TPSLOT("__next__", tp_iternext, slot_tp_iternext, wrap_next, "__next__($self, /)\n--\n\nImplement next(self)."),
    TPSLOT("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
           "__get__($self, instance, owner=None, /)\n--\n\nReturn an attribute of instance, which is of type owner."),
    TPSLOT("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set,
           "__set__($self, instance, value, /)\n--\n\nSet an attribute of instance to value."),
    TPSLOT("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
           "__delete__($self, instance, /)\n--\n\nDelete an attribute of instance."),
    TPSLOTKW("__init__", tp_init, slot_tp_init, wrap_init,
             "__init__($self, /, *args, **kwargs)\n--\n\nInitialize self.  See help(type(self)) for accurate signature."),
    TPSLOTKW("__new__", tp_new, wf_slot_tp_new, NULL,
             "__new__(type, /, *args, **kwargs)\n--\n\nCreate and return new object.  See help(type) for accurate signature."),
    TPSLOT("__del__", tp_finalize, slot_tp_finalize, wrap_del, ""),
    BINSLOT("__add__", nb_add, slot_nb_add, "+"),
    RBINSLOT("__radd__", nb_add, slot_nb_add, "+"),
    BINSLOT("__sub__", nb_subtract, slot_nb_subtract, "-"),
    RBINSLOT("__rsub__", nb_subtract, slot_nb_subtract, "-"),
    BINSLOT("__mul__", nb_multiply, slot_nb_multiply, "*"),
    RBINSLOT("__rmul__", nb_multiply, slot_nb_multiply, "*"),
    BINSLOT("__mod__", nb_remainder, slot_nb_remainder, "%"),
    RBINSLOT("__rmod__", nb_remainder, slot_nb_remainder, "%"),
    NBSLOT("__divmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_l,
           "__divmod__($self, value, /)\n--\n\nReturn divmod(self, value)."),
    NBSLOT("__rdivmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_r,
           "__rdivmod__($self, value, /)\n--\n\nReturn divmod(value, self)."),
    NBSLOT("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc,
           "__pow__($self, value, mod=None, /)\n--\n\nReturn pow(self, value, mod)."),
    NBSLOT("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r,
           "__rpow__($self, value, mod=None, /)\n--\n\nReturn pow(value, self, mod)."),
    UNSLOT("__neg__", nb_negative, slot_nb_negative, "-self"),
    UNSLOT("__pos__", nb_positive, slot_nb_positive, "+self"),
    UNSLOT("__abs__", nb_absolute, slot_nb_absolute, "abs(self)"),
    NBSLOT("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "__bool__($self, /)\n--\n\nTrue if self else False"),
    UNSLOT("__invert__", nb_invert, slot_nb_invert, "~self"),
    BINSLOT("__lshift__", nb_lshift, slot_nb_lshift, "<<"),
    RBINSLOT("__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    BINSLOT("__rshift__", nb_rshift, slot_nb_rshift, ">>"),
    RBINSLOT("__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    BINSLOT("__and__", nb_and, slot_nb_and, "&"),
    RBINSLOT("__rand__", nb_and, slot_nb_and, "&"),
    BINSLOT("__xor__", nb_xor, slot_nb_xor, "^"),
    RBINSLOT("__rxor__", nb_xor, slot_nb_xor, "^"),
    BINSLOT("__or__", nb_or, slot_nb_or, "|"),
    RBINSLOT("__ror__", nb_or, slot_nb_or, "|"),
    UNSLOT("__int__", nb_int, slot_nb_int, "int(self)"),
    UNSLOT("__float__", nb_float, slot_nb_float, "float(self)"),
    IBSLOT("__iadd__", nb_inplace_add, slot_nb_inplace_add, "+="),
    IBSLOT("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBSLOT("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBSLOT("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, "%="),
    NBSLOT("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc,
           "__ipow__($self, value, /)\n--\n\nReturn self**=value."),
    IBSLOT("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBSLOT("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBSLOT("__iand__", nb_inplace_and, slot_nb_inplace_and, "&="),
    IBSLOT("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, "^="),
    IBSLOT("__ior__", nb_inplace_or, slot_nb_inplace_or, "|="),
    BINSLOT("__floordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    RBINSLOT("__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    BINSLOT("__truediv__", nb_true_divide, slot_nb_true_divide, "/"),
    RBINSLOT("__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    IBSLOT("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBSLOT("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    NBSLOT("__index__", nb_index, slot_nb_index, wrap_unaryfunc,
           "__index__($self, /)\n--\n\nReturn self converted to an integer, if self is suitable for use as an index into a list."),
    BINSLOT("__matmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    RBINSLOT("__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBSLOT("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),
    TPSLOT("__len__", tp_len, slot_tp_len, wrap_lenfunc, "__len__($self, /)\n--\n\nReturn len(self)."),
    TPSLOT("__getitem__", tp_getitem, slot_tp_getitem, wrap_binaryfunc,
           "__getitem__($self, key, /)\n--\n\nReturn self[key]."),
    TPSLOT("__setitem__", tp_setitem, slot_tp_setitem, wrap_objobjargproc,
           "__setitem__($self, key, value, /)\n--\n\nSet self[key] to value."),
    TPSLOT("__delitem__", tp_setitem, slot_tp_setitem, wrap_delitem,
           "__delitem__($self, key, /)\n--\n\nDelete self[key]."),
    TPSLOT("__contains__", tp_contains, slot_tp_contains, wrap_objobjproc,
           "__contains__($self, key, /)\n--\n\nReturn key in self."),
    {NULL, 0, 0, NULL, NULL, NULL, 0, NULL},
};

static _Atomic(int) slotdefs_ready;

int wf_slotdefs_init(void) {
    // Acquire pairs with the release below: a thread that sees 1 sees the names.
    if (atomic_load_explicit(&slotdefs_ready, memory_order_acquire)) return 0;
    for (WfSlotDef *p = wf_slotdefs; p->name; p++) {
        if (!p->name_obj) {
            p->name_obj = wf_str_intern_cstr(p->name);
            if (!p->name_obj) return -1;
        }
    }
    atomic_store_explicit(&slotdefs_ready, 1, memory_order_release);
    return 0;
}

static void **slot_ptr(WfTypeObject *t, const WfSlotDef *p) {
    if (p->number) {
        if (!t->tp_as_number) return NULL;
        return (void **)((char *)t->tp_as_number + p->offset);
    }
    return (void **)((char *)t + p->offset);
}

// ---------------------------------------------------------------------------
// Slot wrappers of static types

// Builtin sequences concatenate through nb_add, which CPython keeps in
// sq_concat: they have __add__ but no __radd__.
static bool concatenates_only(WfTypeObject *t, const WfSlotDef *p) {
    if (p->offset != NBOFF(nb_add) || !p->number || p->wrapper != wrap_binaryfunc_r) return false;
    return (t->tp_flags & (WF_TPFLAGS_STR_SUBCLASS | WF_TPFLAGS_BYTES_SUBCLASS | WF_TPFLAGS_LIST_SUBCLASS |
                           WF_TPFLAGS_TUPLE_SUBCLASS)) ||
           t == &wf_bytearray_type;
}

int wf_type_add_operators(WfTypeObject *t) {
    WfObject *dict = t->tp_dict;
    for (WfSlotDef *p = wf_slotdefs; p->name; p++) {
        if (!p->wrapper || concatenates_only(t, p)) continue;
        void **ptr = slot_ptr(t, p);
        if (!ptr || !*ptr) continue;
        if (wf_dict_get_item_borrow(dict, p->name_obj)) continue;
        if (*ptr == (void *)wf_object_hash_not_implemented) {
            if (wf_dict_set_item(dict, p->name_obj, wf_None) < 0) return -1;
            continue;
        }
        WfObject *descr = wf_descr_new_wrapper(t, p, *ptr);
        if (!descr || wf_dict_set_item_take(dict, p->name_obj, descr) < 0) return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Slots of classes

// Update the slot of the run of entries starting at p; returns the entry after the run.
static const WfSlotDef *update_one_slot(WfTypeObject *type, const WfSlotDef *p) {
    int offset = p->offset, number = p->number;
    void **ptr = slot_ptr(type, p);
    if (!ptr) {
        do p++;
        while (p->name && p->offset == offset && p->number == number);
        return p;
    }
    void *specific = NULL, *generic = NULL;
    bool use_generic = false;
    do {
        WfObject *descr = wf_type_find_in_mro(type, p->name_obj);
        if (!descr) continue;
        WfTypeObject *dt = wf_type_of(descr);
        if (dt == &wf_wrapper_descr_type && ((const WfSlotDef *)((WfDescrObject *)descr)->def)->name_obj == p->name_obj) {
            WfWrapperDescrObject *d = (WfWrapperDescrObject *)descr;
            const WfSlotDef *dp = d->base.def;
            generic = p->function;
            if ((!specific || specific == d->wrapped) && dp->wrapper == p->wrapper &&
                wf_type_is_subtype(type, d->base.type)) {
                specific = d->wrapped;
            } else {
                use_generic = true;
            }
        } else if (dt == &wf_builtin_function_type && ((WfBuiltinFunctionObject *)descr)->def == &wf_tp_new_wrapper_def &&
                   ptr == (void **)&type->tp_new) {
            WfTypeObject *owner = (WfTypeObject *)((WfBuiltinFunctionObject *)descr)->self;
            specific = (void *)owner->tp_new;
        } else if (descr == wf_None && ptr == (void **)&type->tp_hash) {
            specific = (void *)wf_object_hash_not_implemented;
        } else {
            use_generic = true;
            generic = p->function;
        }
    } while ((++p)->name && p->offset == offset && p->number == number);
    void *value = (specific && !use_generic) ? specific : generic;
    // Release: see the file invariant (single writer under type_lock).
    __atomic_store_n(ptr, value, __ATOMIC_RELEASE);
    return p;
}

void wf_type_fixup_slot_dispatchers(WfTypeObject *t) {
    wf_type_lock();
    for (const WfSlotDef *p = wf_slotdefs; p->name;) p = update_one_slot(t, p);
    wf_type_unlock();
}

typedef struct {
    WfObject *name;
    const WfSlotDef *groups[8];
    int ngroups;
} UpdateArgs;

static void update_subclass_slots(WfTypeObject *t, void *arg);

static void update_type_slots(WfTypeObject *t, UpdateArgs *u) {
    if (!wf_type_is_heap(t)) return;
    for (int i = 0; i < u->ngroups; i++) update_one_slot(t, u->groups[i]);
    wf_type_for_each_subclass_locked(t, update_subclass_slots, u);
}

static void update_subclass_slots(WfTypeObject *sub, void *arg) {
    UpdateArgs *u = arg;
    // A subclass that defines the name itself is not affected.
    if (sub->tp_dict && wf_dict_get_item_borrow(sub->tp_dict, u->name)) return;
    update_type_slots(sub, u);
}

int wf_type_update_slot(WfTypeObject *t, WfObject *name) {
    UpdateArgs u = {.name = name, .ngroups = 0};
    const WfSlotDef *group = NULL;
    for (const WfSlotDef *p = wf_slotdefs; p->name; p++) {
        if (!group || p->offset != group->offset || p->number != group->number) group = p;
        if (p->name_obj == name || wf_str_equal(p->name_obj, name)) {
            if (u.ngroups == 0 || u.groups[u.ngroups - 1] != group) {
                if (u.ngroups < 8) u.groups[u.ngroups++] = group;
            }
        }
    }
    if (!u.ngroups) return 0;
    wf_type_lock();
    update_type_slots(t, &u);
    wf_type_unlock();
    return 0;
}
