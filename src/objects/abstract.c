// abstract.c — the generic object protocols of object.h: repr/str/ascii/
// format, hashing, truth, rich comparison, attribute access, calls, item
// access, length, containment, iteration, isinstance/issubclass.
// Numbers are in number.c.
//
// Invariant: these functions only dispatch through type slots and never
// keep state; every error path leaves exactly one exception set.
#include <stdio.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"
#include "vm/eval.h"

// ---------------------------------------------------------------------------
// repr, str, ascii, format

WfObject *wf_object_repr(WfObject *o) {
    WfTypeObject *tp = wf_type_of(o);
    if (!tp->tp_repr) return wf_str_from_format("<%s object at %p>", tp->tp_name, (void *)o);
    if (wf_enter_recursive_call(" while getting the repr of an object") < 0) return NULL;
    WfObject *res = tp->tp_repr(o);
    wf_leave_recursive_call();
    if (res && !wf_str_check(res)) {
        wf_err_format(&wf_exc_TypeError, "__repr__ returned non-string (type %.200s)", WF_TYPE(res)->tp_name);
        wf_decref(res);
        return NULL;
    }
    return res;
}

WfObject *wf_object_str(WfObject *o) {
    if (wf_str_check_exact(o)) return wf_newref(o);
    WfTypeObject *tp = wf_type_of(o);
    if (!tp->tp_str) return wf_object_repr(o);
    if (wf_enter_recursive_call(" while getting the str of an object") < 0) return NULL;
    WfObject *res = tp->tp_str(o);
    wf_leave_recursive_call();
    if (res && !wf_str_check(res)) {
        wf_err_format(&wf_exc_TypeError, "__str__ returned non-string (type %.200s)", WF_TYPE(res)->tp_name);
        wf_decref(res);
        return NULL;
    }
    return res;
}

WfObject *wf_object_ascii(WfObject *o) {
    WfObject *repr = wf_object_repr(o);
    if (!repr) return NULL;
    if (((WfStrObject *)repr)->ascii) return repr;
    WfStrBuilder b;
    wf_str_builder_init(&b);
    wf_ssize n = wf_str_length(repr);
    static const char hex[] = "0123456789abcdef";
    for (wf_ssize i = 0; i < n; i++) {
        uint32_t c = wf_str_char_at(repr, i);
        int ok;
        if (c < 128) {
            ok = wf_str_builder_append_char(&b, c);
        } else {
            char buf[12];
            int len;
            if (c <= 0xff) {
                len = 4;
                buf[0] = '\\'; buf[1] = 'x';
                buf[2] = hex[c >> 4]; buf[3] = hex[c & 15];
            } else if (c <= 0xffff) {
                len = 6;
                buf[0] = '\\'; buf[1] = 'u';
                for (int k = 0; k < 4; k++) buf[2 + k] = hex[(c >> (12 - 4 * k)) & 15];
            } else {
                len = 10;
                buf[0] = '\\'; buf[1] = 'U';
                for (int k = 0; k < 8; k++) buf[2 + k] = hex[(c >> (28 - 4 * k)) & 15];
            }
            buf[len] = 0;
            ok = wf_str_builder_append_ascii(&b, buf);
        }
        if (ok < 0) {
            wf_str_builder_discard(&b);
            wf_decref(repr);
            return NULL;
        }
    }
    wf_decref(repr);
    return wf_str_builder_finish(&b);
}

WfObject *wf_object_format(WfObject *o, WfObject *spec) {
    if (spec && !wf_str_check(spec)) {
        return wf_err_format(&wf_exc_TypeError, "Format specifier must be a string, not %.200s", WF_TYPE(spec)->tp_name);
    }
    bool empty = !spec || wf_str_length(spec) == 0;
    if (empty) {
        if (wf_str_check_exact(o)) return wf_newref(o);
        if (wf_int_check_exact(o)) return wf_object_str(o);
    }
    if (!spec) spec = wf_str_empty();
    WfObject *meth = wf_object_lookup_special(o, WF_ID(__format__));
    if (!meth) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "Type %.100s doesn't define __format__", wf_type_of(o)->tp_name);
        return NULL;
    }
    WfObject *res = wf_object_call_one(meth, spec);
    wf_decref(meth);
    if (res && !wf_str_check(res)) {
        wf_err_format(&wf_exc_TypeError, "__format__ must return a str, not %.200s", WF_TYPE(res)->tp_name);
        wf_decref(res);
        return NULL;
    }
    return res;
}

// ---------------------------------------------------------------------------
// hash, truth

intptr_t wf_object_hash_not_implemented(WfObject *o) {
    wf_err_format(&wf_exc_TypeError, "unhashable type: '%.200s'", wf_type_of(o)->tp_name);
    return -1;
}

intptr_t wf_object_hash(WfObject *o) {
    WfTypeObject *tp = wf_type_of(o);
    if (WF_LIKELY(tp->tp_hash != NULL)) return tp->tp_hash(o);
    if (!(tp->tp_flags & WF_TPFLAGS_READY)) {
        if (wf_type_ready(tp) < 0) return -1;
        if (tp->tp_hash) return tp->tp_hash(o);
    }
    return wf_object_hash_not_implemented(o);
}

int wf_object_is_true(WfObject *o) {
    if (o == wf_True) return 1;
    if (o == wf_False || o == wf_None) return 0;
    if (wf_is_smallint(o)) return wf_smallint_value(o) != 0;
    WfTypeObject *tp = o->ob_type;
    if (tp->tp_as_number && tp->tp_as_number->nb_bool) {
        int r = tp->tp_as_number->nb_bool(o);
        return r > 0 ? 1 : r;
    }
    if (tp->tp_len) {
        wf_ssize n = tp->tp_len(o);
        if (n < 0) return -1;
        return n > 0;
    }
    return 1;
}

int wf_object_not(WfObject *o) {
    int r = wf_object_is_true(o);
    return r < 0 ? r : !r;
}

// ---------------------------------------------------------------------------
// Rich comparison

static const int swapped_op[] = {WF_GT, WF_GE, WF_EQ, WF_NE, WF_LT, WF_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static WfObject *do_richcompare(WfObject *v, WfObject *w, int op) {
    WfTypeObject *vt = wf_type_of(v), *wt = wf_type_of(w);
    WfRichCmpFunc f;
    bool checked_reverse = false;
    WfObject *res;
    if (vt != wt && wf_type_is_subtype(wt, vt) && (f = wt->tp_richcompare) != NULL) {
        checked_reverse = true;
        res = f(w, v, swapped_op[op]);
        if (res != wf_NotImplemented) return res;
    }
    if ((f = vt->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != wf_NotImplemented) return res;
    }
    if (!checked_reverse && (f = wt->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != wf_NotImplemented) return res;
    }
    switch (op) {
    case WF_EQ: return wf_bool_from(v == w);
    case WF_NE: return wf_bool_from(v != w);
    default:
        return wf_err_format(&wf_exc_TypeError, "'%s' not supported between instances of '%.100s' and '%.100s'",
                             opstrings[op], vt->tp_name, wt->tp_name);
    }
}

WfObject *wf_object_richcompare(WfObject *a, WfObject *b, int op) {
    if (wf_is_smallint(a) && wf_is_smallint(b)) {
        intptr_t x = wf_smallint_value(a), y = wf_smallint_value(b);
        bool r;
        switch (op) {
        case WF_LT: r = x < y; break;
        case WF_LE: r = x <= y; break;
        case WF_EQ: r = x == y; break;
        case WF_NE: r = x != y; break;
        case WF_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return wf_bool_from(r);
    }
    if (wf_enter_recursive_call(" in comparison") < 0) return NULL;
    WfObject *res = do_richcompare(a, b, op);
    wf_leave_recursive_call();
    return res;
}

int wf_object_richcompare_bool(WfObject *a, WfObject *b, int op) {
    if (a == b) {
        if (op == WF_EQ) return 1;
        if (op == WF_NE) return 0;
    }
    WfObject *res = wf_object_richcompare(a, b, op);
    if (!res) return -1;
    int ok = res == wf_True ? 1 : res == wf_False ? 0 : wf_object_is_true(res);
    wf_decref(res);
    return ok;
}

int wf_object_eq(WfObject *a, WfObject *b) { return wf_object_richcompare_bool(a, b, WF_EQ); }

// ---------------------------------------------------------------------------
// Attributes

static WfObject *name_type_error(WfObject *name) {
    return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
}

WfObject *wf_object_getattr(WfObject *o, WfObject *name) {
    if (WF_UNLIKELY(!wf_str_check(name))) return name_type_error(name);
    WfTypeObject *tp = wf_type_of(o);
    if (WF_LIKELY(tp->tp_getattro != NULL)) return tp->tp_getattro(o, name);
    return wf_object_attribute_error(o, name);
}

WfObject *wf_object_getattr_cstr(WfObject *o, const char *name) {
    WfObject *n = wf_str_intern_cstr(name);
    if (!n) return NULL;
    return wf_object_getattr(o, n);
}

int wf_object_lookup_attr(WfObject *o, WfObject *name, WfObject **result) {
    *result = NULL;
    if (!wf_str_check(name)) {
        name_type_error(name);
        return -1;
    }
    WfTypeObject *tp = wf_type_of(o);
    if (tp->tp_getattro == wf_object_generic_getattr) {
        *result = wf_object_generic_getattr_suppress(o, name);
        if (*result) return 1;
        return wf_err_occurred() ? -1 : 0;
    }
    if (!tp->tp_getattro) return 0;
    *result = tp->tp_getattro(o, name);
    if (*result) return 1;
    if (wf_err_matches(&wf_exc_AttributeError)) {
        wf_err_clear();
        return 0;
    }
    return -1;
}

int wf_object_hasattr(WfObject *o, WfObject *name) {
    WfObject *r;
    int found = wf_object_lookup_attr(o, name, &r);
    if (found > 0) wf_decref(r);
    return found;
}

int wf_object_setattr(WfObject *o, WfObject *name, WfObject *value) {
    if (!wf_str_check(name)) {
        name_type_error(name);
        return -1;
    }
    WfTypeObject *tp = wf_type_of(o);
    if (tp->tp_setattro) return tp->tp_setattro(o, name, value);
    if (!tp->tp_getattro) {
        wf_err_format(&wf_exc_TypeError, "'%.100s' object has no attributes (%s .%U)", tp->tp_name,
                      value ? "assign to" : "del", name);
    } else {
        wf_err_format(&wf_exc_TypeError, "'%.100s' object has only read-only attributes (%s .%U)", tp->tp_name,
                      value ? "assign to" : "del", name);
    }
    return -1;
}

int wf_object_setattr_cstr(WfObject *o, const char *name, WfObject *value) {
    WfObject *n = wf_str_intern_cstr(name);
    if (!n) return -1;
    return wf_object_setattr(o, n, value);
}

// ---------------------------------------------------------------------------
// Calls

WfObject *wf_object_call(WfObject *callable, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfCallFunc call = wf_type_of(callable)->tp_call;
    if (WF_UNLIKELY(!call)) {
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not callable", wf_type_of(callable)->tp_name);
    }
    if (kwnames && wf_tuple_size(kwnames) == 0) kwnames = NULL;
    return call(callable, args, nargs, kwnames);
}

WfObject *wf_object_call_noargs(WfObject *callable) { return wf_object_call(callable, NULL, 0, NULL); }

WfObject *wf_object_call_one(WfObject *callable, WfObject *arg) {
    WfObject *args[1] = {arg};
    return wf_object_call(callable, args, 1, NULL);
}

WfObject *wf_object_call_tuple_dict(WfObject *callable, WfObject *args_tuple, WfObject *kwargs_dict) {
    wf_ssize n = args_tuple ? wf_tuple_size(args_tuple) : 0;
    wf_ssize nkw = kwargs_dict ? wf_dict_size(kwargs_dict) : 0;
    if (nkw == 0) return wf_object_call(callable, n ? wf_tuple_items(args_tuple) : NULL, (size_t)n, NULL);
    WfObject *stack_buf[16];
    WfObject **stack = stack_buf;
    if (n + nkw > 16) {
        stack = wf_mem_malloc((size_t)(n + nkw) * sizeof(WfObject *));
        if (!stack) return wf_err_no_memory();
    }
    WfObject *kwnames = wf_tuple_new(nkw);
    WfObject *res = NULL;
    if (!kwnames) goto done;
    for (wf_ssize i = 0; i < n; i++) stack[i] = wf_tuple_get_borrow(args_tuple, i);
    wf_ssize pos = 0, k = 0;
    WfObject *key, *value;
    while (k < nkw && wf_dict_next(kwargs_dict, &pos, &key, &value)) {
        if (!wf_str_check(key)) {
            wf_err_set_string(&wf_exc_TypeError, "keywords must be strings");
            // fill the rest so the tuple can be freed
            for (wf_ssize j = k; j < nkw; j++) wf_tuple_set_take(kwnames, j, wf_None);
            goto done;
        }
        wf_tuple_set_take(kwnames, k, wf_newref(key));
        stack[n + k] = value;
        k++;
    }
    for (wf_ssize j = k; j < nkw; j++) wf_tuple_set_take(kwnames, j, wf_None);
    // Values are borrowed from the dict; keep them alive across the call.
    for (wf_ssize j = 0; j < k; j++) wf_incref(stack[n + j]);
    res = wf_object_call(callable, stack, (size_t)n, kwnames);
    for (wf_ssize j = 0; j < k; j++) wf_decref(stack[n + j]);
done:
    wf_xdecref(kwnames);
    if (stack != stack_buf) wf_mem_free(stack);
    return res;
}

WfObject *wf_object_call_method(WfObject *o, WfObject *name, WfObject *const *args, size_t nargs) {
    WfObject *meth;
    int r = wf_object_get_method(o, name, &meth);
    if (r < 0) return NULL;
    WfObject *res;
    if (r == 1) {
        WfObject *stack_buf[8];
        WfObject **stack = stack_buf;
        if (nargs + 1 > 8) {
            stack = wf_mem_malloc((nargs + 1) * sizeof(WfObject *));
            if (!stack) {
                wf_decref(meth);
                return wf_err_no_memory();
            }
        }
        stack[0] = o;
        for (size_t i = 0; i < nargs; i++) stack[i + 1] = args[i];
        res = wf_object_call(meth, stack, nargs + 1, NULL);
        if (stack != stack_buf) wf_mem_free(stack);
    } else {
        res = wf_object_call(meth, args, nargs, NULL);
    }
    wf_decref(meth);
    return res;
}

WfObject *wf_object_call_method_cstr(WfObject *o, const char *name, WfObject *const *args, size_t nargs) {
    WfObject *n = wf_str_intern_cstr(name);
    if (!n) return NULL;
    return wf_object_call_method(o, n, args, nargs);
}

int wf_callable_check(WfObject *o) { return wf_type_of(o)->tp_call != NULL; }

// ---------------------------------------------------------------------------
// Items, length, containment

WfObject *wf_object_getitem(WfObject *o, WfObject *key) {
    WfTypeObject *tp = wf_type_of(o);
    if (WF_LIKELY(tp->tp_getitem != NULL)) return tp->tp_getitem(o, key);
    if (wf_type_check_type(o)) {
        WfObject *meth;
        int r = wf_object_lookup_attr(o, WF_ID(__class_getitem__), &meth);
        if (r < 0) return NULL;
        if (r > 0) {
            WfObject *res = wf_object_call_one(meth, key);
            wf_decref(meth);
            return res;
        }
        return wf_err_format(&wf_exc_TypeError, "type '%.200s' is not subscriptable", ((WfTypeObject *)o)->tp_name);
    }
    return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not subscriptable", tp->tp_name);
}

int wf_object_setitem(WfObject *o, WfObject *key, WfObject *value) {
    WfTypeObject *tp = wf_type_of(o);
    if (WF_LIKELY(tp->tp_setitem != NULL)) return tp->tp_setitem(o, key, value);
    wf_err_format(&wf_exc_TypeError, "'%.200s' object does not support item assignment", tp->tp_name);
    return -1;
}

int wf_object_delitem(WfObject *o, WfObject *key) {
    WfTypeObject *tp = wf_type_of(o);
    if (WF_LIKELY(tp->tp_setitem != NULL)) return tp->tp_setitem(o, key, NULL);
    wf_err_format(&wf_exc_TypeError, "'%.200s' object doesn't support item deletion", tp->tp_name);
    return -1;
}

wf_ssize wf_object_len(WfObject *o) {
    WfTypeObject *tp = wf_type_of(o);
    if (WF_LIKELY(tp->tp_len != NULL)) return tp->tp_len(o);
    wf_err_format(&wf_exc_TypeError, "object of type '%.200s' has no len()", tp->tp_name);
    return -1;
}

wf_ssize wf_object_length_hint(WfObject *o, wf_ssize default_value) {
    WfTypeObject *tp = wf_type_of(o);
    if (tp->tp_len) {
        wf_ssize n = tp->tp_len(o);
        if (n >= 0) return n;
        if (!wf_err_matches(&wf_exc_TypeError)) return -1;
        wf_err_clear();
    }
    int found;
    WfObject *r = wf_object_call_special(o, WF_ID(__length_hint__), NULL, 0, &found);
    if (!found) return default_value;
    if (!r) {
        if (!wf_err_matches(&wf_exc_TypeError)) return -1;
        wf_err_clear();
        return default_value;
    }
    if (r == wf_NotImplemented) return default_value;
    if (!wf_int_check(r)) {
        wf_err_format(&wf_exc_TypeError, "__length_hint__ must be an integer, not %.100s", WF_TYPE(r)->tp_name);
        wf_decref(r);
        return -1;
    }
    wf_ssize n = wf_int_as_ssize(r);
    wf_decref(r);
    if (n == -1 && wf_err_occurred()) return -1;
    if (n < 0) {
        wf_err_set_string(&wf_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

int wf_sequence_contains(WfObject *container, WfObject *item) {
    WfTypeObject *tp = wf_type_of(container);
    if (tp->tp_contains) return tp->tp_contains(container, item);
    WfObject *it = wf_object_get_iter(container);
    if (!it) {
        if (wf_err_matches(&wf_exc_TypeError)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "argument of type '%.200s' is not iterable", tp->tp_name);
        }
        return -1;
    }
    for (;;) {
        WfObject *x = wf_iter_next(it);
        if (!x) {
            wf_decref(it);
            return wf_err_occurred() ? -1 : 0;
        }
        int eq = wf_object_richcompare_bool(x, item, WF_EQ);
        wf_decref(x);
        if (eq != 0) {
            wf_decref(it);
            return eq;
        }
    }
}

// ---------------------------------------------------------------------------
// Iteration

int wf_iter_check(WfObject *o) { return wf_type_of(o)->tp_iternext != NULL; }

WfObject *wf_object_get_iter(WfObject *o) {
    WfTypeObject *tp = wf_type_of(o);
    if (tp->tp_iter) {
        WfObject *res = tp->tp_iter(o);
        if (res && !wf_iter_check(res)) {
            wf_err_format(&wf_exc_TypeError, "iter() returned non-iterator of type '%.100s'", WF_TYPE(res)->tp_name);
            wf_decref(res);
            return NULL;
        }
        return res;
    }
    if (tp->tp_getitem && !wf_dict_check(o)) return wf_seq_iter_new(o);
    return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not iterable", tp->tp_name);
}

WfObject *wf_iter_next(WfObject *it) {
    WfIterNextFunc next = wf_type_of(it)->tp_iternext;
    if (WF_UNLIKELY(!next)) {
        return wf_err_format(&wf_exc_TypeError, "'%.200s' object is not an iterator", wf_type_of(it)->tp_name);
    }
    WfObject *r = next(it);
    if (!r && WF_UNLIKELY(wf_err_occurred()) && wf_err_matches(&wf_exc_StopIteration)) wf_err_clear();
    return r;
}

// ---------------------------------------------------------------------------
// isinstance / issubclass

// types.UnionType support without depending on its file: its __args__.
static WfObject *union_args(WfObject *cls) {
    if (wf_type_of(cls) != &wf_union_type) return NULL;
    WfObject *args = wf_object_getattr_cstr(cls, "__args__");
    if (!args) wf_err_clear();
    if (args && !wf_tuple_check(args)) WF_CLEAR(args);
    return args;
}

// cls.__bases__ if it is a tuple, else NULL (exception only for real errors).
static WfObject *abstract_get_bases(WfObject *cls) {
    WfObject *bases;
    if (wf_object_lookup_attr(cls, wf_str_intern_cstr("__bases__"), &bases) <= 0) return NULL;
    if (!wf_tuple_check(bases)) {
        wf_decref(bases);
        return NULL;
    }
    return bases;
}

static int abstract_issubclass(WfObject *derived, WfObject *cls) {
    for (;;) {
        if (derived == cls) return 1;
        WfObject *bases = abstract_get_bases(derived);
        if (!bases) return wf_err_occurred() ? -1 : 0;
        wf_ssize n = wf_tuple_size(bases);
        if (n == 0) {
            wf_decref(bases);
            return 0;
        }
        if (n == 1) {
            derived = wf_tuple_get_borrow(bases, 0);
            wf_decref(bases);  // bases are kept alive by derived's class
            continue;
        }
        int r = 0;
        if (wf_enter_recursive_call(" in __issubclass__") < 0) {
            wf_decref(bases);
            return -1;
        }
        for (wf_ssize i = 0; i < n && r == 0; i++) r = abstract_issubclass(wf_tuple_get_borrow(bases, i), cls);
        wf_leave_recursive_call();
        wf_decref(bases);
        return r;
    }
}

static int check_class(WfObject *cls, const char *error) {
    WfObject *bases = abstract_get_bases(cls);
    if (!bases) {
        if (!wf_err_occurred()) wf_err_set_string(&wf_exc_TypeError, error);
        return 0;
    }
    wf_decref(bases);
    return 1;
}

int wf_object_real_isinstance(WfObject *inst, WfObject *cls) {
    WfObject *icls;
    if (wf_type_check_type(cls)) {
        if (wf_type_check(inst, (WfTypeObject *)cls)) return 1;
        int r = wf_object_lookup_attr(inst, WF_ID(__class__), &icls);
        if (r <= 0) return r;
        int res = 0;
        if (icls != (WfObject *)wf_type_of(inst) && wf_type_check_type(icls))
            res = wf_type_is_subtype((WfTypeObject *)icls, (WfTypeObject *)cls);
        wf_decref(icls);
        return res;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) return -1;
    int r = wf_object_lookup_attr(inst, WF_ID(__class__), &icls);
    if (r <= 0) return r;
    int res = abstract_issubclass(icls, cls);
    wf_decref(icls);
    return res;
}

static int object_isinstance_rec(WfObject *inst, WfObject *cls) {
    if (wf_type_of(inst) == (WfTypeObject *)cls) return 1;
    if (wf_type_check_exact(cls, &wf_type_type)) return wf_object_real_isinstance(inst, cls);
    WfObject *args = union_args(cls);
    if (args) {
        int r = object_isinstance_rec(inst, args);
        wf_decref(args);
        return r;
    }
    if (wf_tuple_check(cls)) {
        if (wf_enter_recursive_call(" in __instancecheck__") < 0) return -1;
        int r = 0;
        for (wf_ssize i = 0; i < wf_tuple_size(cls) && r == 0; i++) r = object_isinstance_rec(inst, wf_tuple_get_borrow(cls, i));
        wf_leave_recursive_call();
        return r;
    }
    WfObject *checker = wf_object_lookup_special(cls, WF_ID(__instancecheck__));
    if (checker) {
        if (wf_enter_recursive_call(" in __instancecheck__") < 0) {
            wf_decref(checker);
            return -1;
        }
        WfObject *res = wf_object_call_one(checker, inst);
        wf_leave_recursive_call();
        wf_decref(checker);
        if (!res) return -1;
        int ok = wf_object_is_true(res);
        wf_decref(res);
        return ok;
    }
    if (wf_err_occurred()) return -1;
    return wf_object_real_isinstance(inst, cls);
}

int wf_object_isinstance(WfObject *o, WfObject *cls) { return object_isinstance_rec(o, cls); }

int wf_object_real_issubclass(WfObject *derived, WfObject *cls) {
    if (wf_type_check_type(cls) && wf_type_check_type(derived))
        return wf_type_is_subtype((WfTypeObject *)derived, (WfTypeObject *)cls);
    if (!check_class(derived, "issubclass() arg 1 must be a class")) return -1;
    WfObject *args = union_args(cls);
    if (!args && !check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")) return -1;
    wf_xdecref(args);
    return abstract_issubclass(derived, cls);
}

static int object_issubclass_rec(WfObject *derived, WfObject *cls) {
    if (wf_type_check_exact(cls, &wf_type_type)) {
        if (derived == cls) return 1;
        return wf_object_real_issubclass(derived, cls);
    }
    WfObject *args = union_args(cls);
    if (args) {
        int r = object_issubclass_rec(derived, args);
        wf_decref(args);
        return r;
    }
    if (wf_tuple_check(cls)) {
        if (wf_enter_recursive_call(" in __subclasscheck__") < 0) return -1;
        int r = 0;
        for (wf_ssize i = 0; i < wf_tuple_size(cls) && r == 0; i++)
            r = object_issubclass_rec(derived, wf_tuple_get_borrow(cls, i));
        wf_leave_recursive_call();
        return r;
    }
    WfObject *checker = wf_object_lookup_special(cls, WF_ID(__subclasscheck__));
    if (checker) {
        if (wf_enter_recursive_call(" in __subclasscheck__") < 0) {
            wf_decref(checker);
            return -1;
        }
        WfObject *res = wf_object_call_one(checker, derived);
        wf_leave_recursive_call();
        wf_decref(checker);
        if (!res) return -1;
        int ok = wf_object_is_true(res);
        wf_decref(res);
        return ok;
    }
    if (wf_err_occurred()) return -1;
    return wf_object_real_issubclass(derived, cls);
}

int wf_object_issubclass(WfObject *derived, WfObject *cls) { return object_issubclass_rec(derived, cls); }
