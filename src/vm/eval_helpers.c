// eval_helpers.c — out-of-line opcode implementations (see eval_helpers.h):
// name lookups, operator dispatch, container building, unpacking, raising,
// intrinsics, `with`, calls with */** arguments, imports, super attribute
// loads and pattern matching. Error messages are CPython 3.11's.
//
// Invariant: these functions take borrowed arguments unless documented
// otherwise and never touch the caller's evaluation stack.
#include <string.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "vm/call.h"
#include "vm/eval_helpers.h"
#include "vm/generator.h"
#include "vm/opcodes.h"

// ---------------------------------------------------------------------------
// Errors

static void set_name_attr(WfObject *name) {
    WfObject *exc = wf_err_occurred_borrow();
    if (exc && wf_type_check(exc, &wf_exc_NameError)) {
        WfNameErrorObject *ne = (WfNameErrorObject *)exc;
        if (!ne->name) ne->name = wf_newref(name);
    }
}

WfObject *wf_vm_name_error(WfObject *name) {
    wf_err_format(&wf_exc_NameError, "name '%U' is not defined", name);
    set_name_attr(name);
    return NULL;
}

WfObject *wf_vm_unbound_error(WfCodeObject *co, int slot) {
    if (wf_err_occurred()) return NULL;
    WfObject *name = wf_tuple_get_borrow(co->co_localsplusnames, slot);
    if (co->co_localspluskinds[slot] & WF_CO_FAST_FREE) {
        wf_err_format(&wf_exc_NameError,
                      "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
    } else {
        wf_err_format(&wf_exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                      name);
    }
    set_name_attr(name);
    return NULL;
}

// ---------------------------------------------------------------------------
// Names

// Lookup in a mapping: 1 found (*v new ref), 0 missing, -1 error.
static int mapping_lookup(WfObject *m, WfObject *name, WfObject **v) {
    if (wf_dict_check_exact(m)) return wf_dict_get_item_ref(m, name, v);
    *v = wf_object_getitem(m, name);
    if (*v) return 1;
    if (wf_err_matches(&wf_exc_KeyError)) {
        wf_err_clear();
        return 0;
    }
    return -1;
}

static WfObject *globals_then_builtins(WfFrame *f, WfObject *name) {
    WfObject *v;
    int r = wf_dict_get_item_ref(f->globals, name, &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    if (f->builtins) {
        r = mapping_lookup(f->builtins, name, &v);
        if (r > 0) return v;
        if (r < 0) return NULL;
    }
    return wf_vm_name_error(name);
}

WfObject *wf_vm_load_name(WfFrame *f, WfObject *name) {
    if (!f->locals) return wf_err_format(&wf_exc_SystemError, "no locals when loading %R", name);
    WfObject *v;
    int r = mapping_lookup(f->locals, name, &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    return globals_then_builtins(f, name);
}

WfObject *wf_vm_load_global(WfObject *globals, WfObject *builtins, WfObject *name) {
    WfObject *v;
    int r = wf_dict_check(globals) ? wf_dict_get_item_ref(globals, name, &v) : mapping_lookup(globals, name, &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    if (builtins) {
        r = mapping_lookup(builtins, name, &v);
        if (r > 0) return v;
        if (r < 0) return NULL;
    }
    return wf_vm_name_error(name);
}

int wf_vm_store_name(WfFrame *f, WfObject *name, WfObject *v) {
    if (!f->locals) {
        wf_err_format(&wf_exc_SystemError, "no locals found when storing %R", name);
        return -1;
    }
    if (wf_dict_check_exact(f->locals)) return wf_dict_set_item(f->locals, name, v);
    return wf_object_setitem(f->locals, name, v);
}

int wf_vm_delete_name(WfFrame *f, WfObject *name) {
    if (!f->locals) {
        wf_err_format(&wf_exc_SystemError, "no locals when deleting %R", name);
        return -1;
    }
    int r = wf_object_delitem(f->locals, name);
    if (r < 0 && wf_err_matches(&wf_exc_KeyError)) {
        wf_err_clear();
        wf_vm_name_error(name);
    }
    return r;
}

int wf_vm_delete_global(WfFrame *f, WfObject *name) {
    int r = wf_dict_del_item(f->globals, name);
    if (r < 0 && wf_err_matches(&wf_exc_KeyError)) {
        wf_err_clear();
        wf_vm_name_error(name);
    }
    return r;
}

WfObject *wf_vm_load_from_dict_or_globals(WfFrame *f, WfObject *mapping, WfObject *name) {
    WfObject *v;
    int r = mapping_lookup(mapping, name, &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    return globals_then_builtins(f, name);
}

WfObject *wf_vm_load_from_dict_or_deref(WfFrame *f, WfObject *mapping, int slot) {
    WfObject *name = wf_tuple_get_borrow(f->code->co_localsplusnames, slot);
    WfObject *v;
    int r = mapping_lookup(mapping, name, &v);
    if (r > 0) return v;
    if (r < 0) return NULL;
    WfObject *cell = wf_stackref_as_obj(f->localsplus[slot]);
    v = cell ? wf_cell_get(cell) : NULL;
    if (!v) return wf_vm_unbound_error(f->code, slot);
    return v;
}

WfObject *wf_vm_load_build_class(WfFrame *f) {
    WfObject *v;
    int r = f->builtins ? mapping_lookup(f->builtins, WF_ID(__build_class__), &v) : 0;
    if (r > 0) return v;
    if (r == 0) wf_err_set_string(&wf_exc_NameError, "__build_class__ not found");
    return NULL;
}

// ---------------------------------------------------------------------------
// Operators

WfObject *wf_vm_binary_op(int op, WfObject *a, WfObject *b) {
    switch (op) {
    case WF_BINOP_ADD: return wf_number_add(a, b);
    case WF_BINOP_AND: return wf_number_and(a, b);
    case WF_BINOP_FLOOR_DIVIDE: return wf_number_floor_divide(a, b);
    case WF_BINOP_LSHIFT: return wf_number_lshift(a, b);
    case WF_BINOP_MATRIX_MULTIPLY: return wf_number_matrix_multiply(a, b);
    case WF_BINOP_MULTIPLY: return wf_number_multiply(a, b);
    case WF_BINOP_REMAINDER: return wf_number_remainder(a, b);
    case WF_BINOP_OR: return wf_number_or(a, b);
    case WF_BINOP_POWER: return wf_number_power(a, b, wf_None);
    case WF_BINOP_RSHIFT: return wf_number_rshift(a, b);
    case WF_BINOP_SUBTRACT: return wf_number_subtract(a, b);
    case WF_BINOP_TRUE_DIVIDE: return wf_number_true_divide(a, b);
    case WF_BINOP_XOR: return wf_number_xor(a, b);
    case WF_BINOP_INPLACE_ADD: return wf_number_inplace_add(a, b);
    case WF_BINOP_INPLACE_AND: return wf_number_inplace_and(a, b);
    case WF_BINOP_INPLACE_FLOOR_DIVIDE: return wf_number_inplace_floor_divide(a, b);
    case WF_BINOP_INPLACE_LSHIFT: return wf_number_inplace_lshift(a, b);
    case WF_BINOP_INPLACE_MATRIX_MULTIPLY: return wf_number_inplace_matrix_multiply(a, b);
    case WF_BINOP_INPLACE_MULTIPLY: return wf_number_inplace_multiply(a, b);
    case WF_BINOP_INPLACE_REMAINDER: return wf_number_inplace_remainder(a, b);
    case WF_BINOP_INPLACE_OR: return wf_number_inplace_or(a, b);
    case WF_BINOP_INPLACE_POWER: return wf_number_inplace_power(a, b, wf_None);
    case WF_BINOP_INPLACE_RSHIFT: return wf_number_inplace_rshift(a, b);
    case WF_BINOP_INPLACE_SUBTRACT: return wf_number_inplace_subtract(a, b);
    case WF_BINOP_INPLACE_TRUE_DIVIDE: return wf_number_inplace_true_divide(a, b);
    case WF_BINOP_INPLACE_XOR: return wf_number_inplace_xor(a, b);
    default: return wf_err_format(&wf_exc_SystemError, "bad BINARY_OP argument %d", op);
    }
}

WfObject *wf_vm_format_value(WfObject *v, int flags, WfObject *spec) {
    WfObject *conv;
    switch (flags & 3) {
    case WF_FVC_STR: conv = wf_object_str(v); break;
    case WF_FVC_REPR: conv = wf_object_repr(v); break;
    case WF_FVC_ASCII: conv = wf_object_ascii(v); break;
    default: conv = wf_newref(v); break;
    }
    if (!conv) return NULL;
    if (!spec && wf_str_check_exact(conv)) return conv;
    WfObject *res = wf_format_value(conv, spec);
    wf_decref(conv);
    return res;
}

WfObject *wf_vm_build_string(WfStackRef *items, int n) {
    if (n == 0) return wf_str_empty();
    if (n == 1) return wf_newref(wf_stackref_as_obj(items[0]));
    WfStrBuilder b;
    wf_str_builder_init(&b);
    wf_ssize total = 0;
    for (int i = 0; i < n; i++) total += wf_str_length(wf_stackref_as_obj(items[i]));
    if (wf_str_builder_reserve(&b, total) < 0) return NULL;  // one allocation, no final shrink
    for (int i = 0; i < n; i++) {
        if (wf_str_builder_append_str(&b, wf_stackref_as_obj(items[i])) < 0) {
            wf_str_builder_discard(&b);
            return NULL;
        }
    }
    return wf_str_builder_finish(&b);
}

WfObject *wf_vm_build_map(WfStackRef *items, int n) {
    WfObject *d = wf_dict_new_presized(n);
    if (!d) return NULL;
    for (int i = 0; i < n; i++) {
        if (wf_dict_set_item(d, wf_stackref_as_obj(items[2 * i]), wf_stackref_as_obj(items[2 * i + 1])) < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    return d;
}

WfObject *wf_vm_build_const_key_map(WfStackRef *values, WfObject *keys, int n) {
    if (!wf_tuple_check(keys) || wf_tuple_size(keys) != n)
        return wf_err_format(&wf_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
    WfObject *d = wf_dict_new_presized(n);
    if (!d) return NULL;
    for (int i = 0; i < n; i++) {
        if (wf_dict_set_item(d, wf_tuple_get_borrow(keys, i), wf_stackref_as_obj(values[i])) < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    return d;
}

WfObject *wf_vm_build_slice(WfObject *start, WfObject *stop, WfObject *step) { return wf_slice_new(start, stop, step); }

WfObject *wf_vm_get_slice(WfObject *container, WfObject *start, WfObject *stop) {
    WfObject *slice = wf_slice_new(start, stop, NULL);
    if (!slice) return NULL;
    WfObject *res = wf_object_getitem(container, slice);
    wf_decref(slice);
    return res;
}

int wf_vm_store_slice(WfObject *container, WfObject *start, WfObject *stop, WfObject *v) {
    WfObject *slice = wf_slice_new(start, stop, NULL);
    if (!slice) return -1;
    int r = wf_object_setitem(container, slice, v);
    wf_decref(slice);
    return r;
}

WfObject *wf_vm_subscr(WfObject *container, WfObject *sub) { return wf_object_getitem(container, sub); }

static bool is_sequence(WfObject *o) {
    WfTypeObject *t = wf_type_of(o);
    return t->tp_getitem != NULL && !wf_type_has_flag(t, WF_TPFLAGS_DICT_SUBCLASS);
}

int wf_vm_list_extend(WfObject *list, WfObject *iterable) {
    if (wf_list_extend(list, iterable) == 0) return 0;
    if (wf_err_matches(&wf_exc_TypeError) && wf_type_of(iterable)->tp_iter == NULL && !is_sequence(iterable)) {
        wf_err_clear();
        wf_err_format(&wf_exc_TypeError, "Value after * must be an iterable, not %.200s", WF_TYPE(iterable)->tp_name);
    }
    return -1;
}

int wf_vm_dict_update(WfObject *dict, WfObject *update) {
    if (wf_dict_merge(dict, update, 1) == 0) return 0;
    if (wf_err_matches(&wf_exc_AttributeError)) {
        wf_err_clear();
        wf_err_format(&wf_exc_TypeError, "'%.200s' object is not a mapping", WF_TYPE(update)->tp_name);
    }
    return -1;
}

static void format_kwargs_error(WfObject *func, WfObject *kwargs) {
    WfObject *exc = wf_err_occurred_borrow();
    if (!exc) return;
    WfObject *args = wf_exception_get_args(exc);
    bool one_arg = args && wf_tuple_check(args) && wf_tuple_size(args) == 1;
    if (wf_err_matches(&wf_exc_AttributeError)) {
        if (!one_arg) return;
        WfObject *fs = wf_call_function_str(func);
        if (!fs) return;
        wf_err_clear();
        wf_err_format(&wf_exc_TypeError, "%U argument after ** must be a mapping, not %.200s", fs,
                      WF_TYPE(kwargs)->tp_name);
        wf_decref(fs);
    } else if (wf_err_matches(&wf_exc_KeyError)) {
        if (!one_arg) return;
        WfObject *key = wf_newref(wf_tuple_get_borrow(args, 0));
        WfObject *fs = wf_call_function_str(func);
        if (!fs) {
            wf_decref(key);
            return;
        }
        wf_err_clear();
        if (!wf_str_check(key)) wf_err_format(&wf_exc_TypeError, "%U keywords must be strings", fs);
        else wf_err_format(&wf_exc_TypeError, "%U got multiple values for keyword argument '%S'", fs, key);
        wf_decref(key);
        wf_decref(fs);
    }
}

int wf_vm_dict_merge(WfObject *callable, WfObject *dict, WfObject *update) {
    if (wf_dict_merge(dict, update, 2) == 0) return 0;
    format_kwargs_error(callable, update);
    return -1;
}

// ---------------------------------------------------------------------------
// Unpacking

int wf_vm_unpack(WfObject *seq, int before, int after, bool star, WfStackRef *out) {
    int total = before + after + (star ? 1 : 0);
    int k = total;  // out[k-1] receives the next element
    WfObject *it = wf_object_get_iter(seq);
    if (!it) {
        if (wf_err_matches(&wf_exc_TypeError) && wf_type_of(seq)->tp_iter == NULL && !is_sequence(seq)) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "cannot unpack non-iterable %.200s object", WF_TYPE(seq)->tp_name);
        }
        return -1;
    }
    int i = 0;
    for (; i < before; i++) {
        WfObject *w = wf_iter_next(it);
        if (!w) {
            if (!wf_err_occurred()) {
                if (!star)
                    wf_err_format(&wf_exc_ValueError, "not enough values to unpack (expected %d, got %d)", before, i);
                else
                    wf_err_format(&wf_exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                                  before + after, i);
            }
            goto fail;
        }
        out[--k] = wf_stackref_steal(w);
    }
    if (!star) {
        WfObject *w = wf_iter_next(it);
        if (!w) {
            if (wf_err_occurred()) goto fail;
            wf_decref(it);
            return 0;
        }
        wf_decref(w);
        wf_err_format(&wf_exc_ValueError, "too many values to unpack (expected %d)", before);
        goto fail;
    }
    {
        WfObject *l = wf_list_from_iterable(it);
        if (!l) goto fail;
        wf_ssize ll = wf_list_size(l);
        if (ll < after) {
            wf_err_format(&wf_exc_ValueError, "not enough values to unpack (expected at least %d, got %zd)",
                          before + after, (wf_ssize)before + ll);
            wf_decref(l);
            goto fail;
        }
        WfObject *head = l;
        if (after > 0) {
            head = wf_list_slice(l, 0, ll - after);
            if (!head) {
                wf_decref(l);
                goto fail;
            }
        }
        out[--k] = wf_stackref_steal(head);
        for (int j = after; j > 0; j--) out[--k] = wf_stackref_steal(wf_list_get_item(l, ll - j));
        if (head != l) wf_decref(l);
    }
    wf_decref(it);
    return 0;
fail:
    for (int j = k; j < total; j++) wf_stackref_close(out[j]);
    wf_decref(it);
    return -1;
}

// ---------------------------------------------------------------------------
// Exceptions

int wf_vm_do_raise(WfThreadState *ts, WfObject *exc, WfObject *cause) {
    if (!exc) {
        WfObject *handled = wf_eval_topmost_exception(ts);
        wf_xdecref(cause);
        if (!handled) {
            wf_err_set_string(&wf_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        wf_err_set_exc(handled);
        return 1;
    }
    WfObject *value = NULL;
    if (wf_exception_class_check(exc)) {
        value = wf_object_call_noargs(exc);
        if (!value) goto fail;
        if (!wf_exception_check(value)) {
            wf_err_format(&wf_exc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                          exc, (WfObject *)wf_type_of(value));
            goto fail;
        }
    } else if (wf_exception_check(exc)) {
        value = wf_newref(exc);
    } else {
        wf_err_set_string(&wf_exc_TypeError, "exceptions must derive from BaseException");
        goto fail;
    }
    if (cause) {
        WfObject *fixed;
        if (wf_exception_class_check(cause)) {
            fixed = wf_object_call_noargs(cause);
            if (!fixed) goto fail;
            if (!wf_exception_check(fixed)) {
                wf_err_format(&wf_exc_TypeError, "calling %R should have returned an instance of BaseException, not %R",
                              cause, (WfObject *)wf_type_of(fixed));
                wf_decref(fixed);
                goto fail;
            }
        } else if (wf_exception_check(cause)) {
            fixed = wf_newref(cause);
        } else if (cause == wf_None) {
            fixed = NULL;
        } else {
            wf_err_set_string(&wf_exc_TypeError, "exception causes must derive from BaseException");
            goto fail;
        }
        wf_exception_set_cause(value, fixed);
        wf_decref(cause);
        cause = NULL;
    }
    wf_decref(exc);
    wf_err_restore(value);
    wf_eval_chain_context(ts, value);
    return 0;
fail:
    wf_xdecref(value);
    wf_decref(exc);
    wf_xdecref(cause);
    return -1;
}

int wf_vm_check_except_type(WfObject *right) {
    if (wf_tuple_check(right)) {
        for (wf_ssize i = 0; i < wf_tuple_size(right); i++) {
            if (!wf_exception_class_check(wf_tuple_get_borrow(right, i))) goto bad;
        }
        return 0;
    }
    if (wf_exception_class_check(right)) return 0;
bad:
    wf_err_set_string(&wf_exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

static int import_all_from(WfObject *locals, WfObject *v) {
    WfObject *all = NULL;
    if (wf_object_lookup_attr(v, WF_ID(__all__), &all) < 0) return -1;
    int skip_leading_underscores = 0;
    if (!all) {
        WfObject *dict = NULL;
        if (wf_object_lookup_attr(v, WF_ID(__dict__), &dict) < 0) return -1;
        if (!dict) {
            wf_err_set_string(&wf_exc_ImportError, "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = wf_dict_check(dict) ? wf_dict_keys_list(dict) : wf_object_call_method(dict, WF_ID(keys), NULL, 0);
        wf_decref(dict);
        if (!all) return -1;
        skip_leading_underscores = 1;
    }
    WfObject *it = wf_object_get_iter(all);
    if (!it) {
        wf_decref(all);
        return -1;
    }
    int err = 0;
    WfObject *name;
    while ((name = wf_iter_next(it)) != NULL) {
        if (!wf_str_check(name)) {
            WfObject *modname = wf_object_getattr(v, WF_ID(__name__));
            if (!modname) {
                wf_decref(name);
                err = -1;
                break;
            }
            if (!wf_str_check(modname)) {
                wf_err_format(&wf_exc_TypeError, "module __name__ must be a string, not %.100s", WF_TYPE(modname)->tp_name);
            } else {
                wf_err_format(&wf_exc_TypeError, "%s in %U.%s must be str, not %.100s",
                              skip_leading_underscores ? "Key" : "Item", modname,
                              skip_leading_underscores ? "__dict__" : "__all__", WF_TYPE(name)->tp_name);
            }
            wf_decref(modname);
            wf_decref(name);
            err = -1;
            break;
        }
        if (skip_leading_underscores && wf_str_length(name) > 0 && wf_str_char_at(name, 0) == '_') {
            wf_decref(name);
            continue;
        }
        WfObject *value = wf_object_getattr(v, name);
        if (!value) err = -1;
        else {
            err = wf_dict_check_exact(locals) ? wf_dict_set_item(locals, name, value) : wf_object_setitem(locals, name, value);
            wf_decref(value);
        }
        wf_decref(name);
        if (err) break;
    }
    if (!err && wf_err_occurred()) err = -1;
    wf_decref(it);
    wf_decref(all);
    return err;
}

static WfObject *stopiteration_error(WfFrame *f, WfObject *exc) {
    const char *msg = NULL;
    int flags = f->code->co_flags;
    if (wf_type_check(exc, &wf_exc_StopIteration)) {
        msg = "generator raised StopIteration";
        if (flags & WF_CO_ASYNC_GENERATOR) msg = "async generator raised StopIteration";
        else if (flags & WF_CO_COROUTINE) msg = "coroutine raised StopIteration";
    } else if ((flags & WF_CO_ASYNC_GENERATOR) && wf_type_check(exc, &wf_exc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (!msg) return wf_newref(exc);
    WfObject *message = wf_str_from_cstr(msg);
    if (!message) return NULL;
    WfObject *error = wf_exception_new(&wf_exc_RuntimeError, &message, 1);
    wf_decref(message);
    if (!error) return NULL;
    wf_exception_set_cause(error, wf_newref(exc));
    wf_exception_set_context(error, wf_newref(exc));
    return error;
}

WfObject *wf_vm_intrinsic1(WfThreadState *ts, WfFrame *f, int which, WfObject *v) {
    switch (which) {
    case WF_INTRINSIC_PRINT: {
        WfObject *hook = wf_runtime.sys_dict ? wf_dict_get_item_borrow(wf_runtime.sys_dict, WF_ID(displayhook)) : NULL;
        if (!hook) {
            if (!wf_err_occurred()) wf_err_set_string(&wf_exc_RuntimeError, "lost sys.displayhook");
            return NULL;
        }
        return wf_object_call_one(hook, v);
    }
    case WF_INTRINSIC_IMPORT_STAR:
        if (!f->locals) return wf_err_format(&wf_exc_SystemError, "no locals found during 'import *'");
        if (import_all_from(f->locals, v) < 0) return NULL;
        return wf_None;
    case WF_INTRINSIC_STOPITERATION_ERROR: return stopiteration_error(f, v);
    case WF_INTRINSIC_UNARY_POSITIVE: return wf_number_positive(v);
    case WF_INTRINSIC_LIST_TO_TUPLE: return wf_list_as_tuple(v);
    case WF_INTRINSIC_ASYNC_GEN_WRAP: return wf_async_gen_wrap_value(v);
    default: return wf_err_format(&wf_exc_SystemError, "intrinsic %d is not supported yet", which);
    }
}

WfObject *wf_vm_intrinsic2(WfThreadState *ts, WfFrame *f, int which, WfObject *v1, WfObject *v2) {
    return wf_err_format(&wf_exc_SystemError, "intrinsic2 %d is not supported yet (except*)", which);
}

// ---------------------------------------------------------------------------
// with

int wf_vm_before_with(WfObject *mgr, WfObject **exit, WfObject **res) {
    WfObject *enter = wf_object_lookup_special(mgr, WF_ID(__enter__));
    if (!enter) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "'%.200s' object does not support the context manager protocol",
                          WF_TYPE(mgr)->tp_name);
        return -1;
    }
    WfObject *ex = wf_object_lookup_special(mgr, WF_ID(__exit__));
    if (!ex) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError,
                          "'%.200s' object does not support the context manager protocol (missed __exit__ method)",
                          WF_TYPE(mgr)->tp_name);
        wf_decref(enter);
        return -1;
    }
    WfObject *r = wf_object_call_noargs(enter);
    wf_decref(enter);
    if (!r) {
        wf_decref(ex);
        return -1;
    }
    *exit = ex;
    *res = r;
    return 0;
}

WfObject *wf_vm_with_except_start(WfObject *exit_func, WfObject *val) {
    WfObject *tb = wf_exception_check(val) ? wf_exception_get_traceback(val) : NULL;
    WfObject *args[3] = {(WfObject *)wf_type_of(val), val, tb ? tb : wf_None};
    return wf_object_call(exit_func, args, 3, NULL);
}

int wf_vm_before_async_with(WfObject *mgr, WfObject **exit, WfObject **res) {
    WfObject *enter = wf_object_lookup_special(mgr, WF_ID(__aenter__));
    if (!enter) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "'%.200s' object does not support the asynchronous context manager protocol",
                          WF_TYPE(mgr)->tp_name);
        return -1;
    }
    WfObject *ex = wf_object_lookup_special(mgr, WF_ID(__aexit__));
    if (!ex) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError,
                          "'%.200s' object does not support the asynchronous context manager protocol "
                          "(missed __aexit__ method)",
                          WF_TYPE(mgr)->tp_name);
        wf_decref(enter);
        return -1;
    }
    WfObject *r = wf_object_call_noargs(enter);
    wf_decref(enter);
    if (!r) {
        wf_decref(ex);
        return -1;
    }
    *exit = ex;
    *res = r;
    return 0;
}

WfObject *wf_vm_get_aiter(WfObject *obj) {
    WfObject *aiter_m = wf_object_lookup_special(obj, WF_ID(__aiter__));
    if (!aiter_m) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                          WF_TYPE(obj)->tp_name);
        return NULL;
    }
    WfObject *iter = wf_object_call_noargs(aiter_m);
    wf_decref(aiter_m);
    if (!iter) return NULL;
    WfObject *anext = wf_type_lookup(wf_type_of(iter), WF_ID(__anext__));
    if (!anext) {
        wf_err_format(&wf_exc_TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %.100s",
                      WF_TYPE(iter)->tp_name);
        wf_decref(iter);
        return NULL;
    }
    return iter;
}

WfObject *wf_vm_get_anext(WfObject *aiter) {
    WfObject *anext_m = wf_object_lookup_special(aiter, WF_ID(__anext__));
    if (!anext_m) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "'async for' requires an iterator with __anext__ method, got %.100s",
                          WF_TYPE(aiter)->tp_name);
        return NULL;
    }
    WfObject *next = wf_object_call_noargs(anext_m);
    wf_decref(anext_m);
    if (!next) return NULL;
    WfObject *aw = wf_vm_get_awaitable(next, 0);
    if (!aw && wf_err_matches(&wf_exc_TypeError)) {
        WfObject *cause = wf_err_fetch();
        wf_err_format(&wf_exc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                      WF_TYPE(next)->tp_name);
        WfObject *exc = wf_err_occurred_borrow();
        if (exc) wf_exception_set_cause(exc, cause);
        else wf_decref(cause);
    }
    wf_decref(next);
    return aw;
}

// ---------------------------------------------------------------------------
// Iteration

WfObject *wf_vm_get_iter(WfObject *o) { return wf_object_get_iter(o); }

WfObject *wf_vm_get_yield_from_iter(WfFrame *f, WfObject *o) {
    if (wf_coro_check(o)) {
        if (!(f->code->co_flags & (WF_CO_COROUTINE | WF_CO_ITERABLE_COROUTINE)))
            return wf_err_format(&wf_exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
        return wf_newref(o);
    }
    if (wf_gen_check(o)) return wf_newref(o);
    return wf_object_get_iter(o);
}

WfObject *wf_vm_get_awaitable(WfObject *o, int where) {
    if (wf_coro_check(o)) return wf_newref(o);
    WfObject *await = wf_object_lookup_special(o, WF_ID(__await__));
    if (!await) {
        if (wf_err_occurred()) return NULL;
        if (where == 1)
            return wf_err_format(&wf_exc_TypeError,
                                 "'async with' received an object from __aenter__ that does not implement __await__: %.100s",
                                 WF_TYPE(o)->tp_name);
        if (where == 2)
            return wf_err_format(&wf_exc_TypeError,
                                 "'async with' received an object from __aexit__ that does not implement __await__: %.100s",
                                 WF_TYPE(o)->tp_name);
        return wf_err_format(&wf_exc_TypeError, "object %.100s can't be used in 'await' expression", WF_TYPE(o)->tp_name);
    }
    WfObject *res = wf_object_call_noargs(await);
    wf_decref(await);
    if (!res) return NULL;
    if (wf_coro_check(res)) {
        wf_decref(res);
        return wf_err_format(&wf_exc_TypeError, "__await__() returned a coroutine");
    }
    if (!wf_iter_check(res)) {
        wf_err_format(&wf_exc_TypeError, "__await__() returned non-iterator of type '%.100s'", WF_TYPE(res)->tp_name);
        wf_decref(res);
        return NULL;
    }
    return res;
}

WfObject *wf_vm_send(WfObject *receiver, WfObject *v, int *returned) {
    WfObject *res;
    WfTypeObject *t = wf_type_of(receiver);
    if (v == wf_None && t->tp_iternext) res = t->tp_iternext(receiver);
    else res = wf_object_call_method(receiver, WF_ID(send), &v, 1);
    if (res) {
        *returned = 0;
        return res;
    }
    if (!wf_err_occurred()) {
        *returned = 1;
        return wf_None;
    }
    if (wf_err_matches(&wf_exc_StopIteration)) {
        WfObject *exc = wf_err_fetch();
        res = wf_stop_iteration_value(exc);
        wf_decref(exc);
        *returned = 1;
        return res;
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// Functions and calls

WfObject *wf_vm_make_function(WfFrame *f, WfObject *code, int flags, WfStackRef *extras) {
    if (wf_type_of(code) != &wf_code_type) return wf_err_format(&wf_exc_SystemError, "MAKE_FUNCTION: not a code object");
    WfObject *fn = wf_function_new(code, f->globals, NULL);
    if (!fn) return NULL;
    WfFunctionObject *func = (WfFunctionObject *)fn;
    int k = 0;
    if (flags & WF_MKFN_DEFAULTS) func->defaults = wf_stackref_to_owned(wf_stackref_dup(extras[k++]));
    if (flags & WF_MKFN_KWDEFAULTS) func->kwdefaults = wf_stackref_to_owned(wf_stackref_dup(extras[k++]));
    if (flags & WF_MKFN_ANNOTATIONS) func->annotations = wf_stackref_to_owned(wf_stackref_dup(extras[k++]));
    if (flags & WF_MKFN_CLOSURE) func->closure = wf_stackref_to_owned(wf_stackref_dup(extras[k++]));
    // Functions made by module bodies and class bodies (not nested in a
    // function) are shared read-mostly objects: defer their refcounting.
    if (!(f->code->co_flags & WF_CO_OPTIMIZED) && !(((WfCodeObject *)code)->co_flags & WF_CO_NESTED))
        wf_function_set_deferred(fn);
    return fn;
}

static int normalize_call_args(WfObject *func, WfObject *args, WfObject *kwargs, WfObject **tuple_out,
                               WfObject **dict_out) {
    WfObject *tuple;
    if (wf_tuple_check_exact(args)) {
        tuple = wf_newref(args);
    } else {
        if (wf_type_of(args)->tp_iter == NULL && !is_sequence(args)) {
            WfObject *fs = wf_call_function_str(func);
            if (fs) {
                wf_err_format(&wf_exc_TypeError, "%U argument after * must be an iterable, not %.200s", fs,
                              WF_TYPE(args)->tp_name);
                wf_decref(fs);
            }
            return -1;
        }
        tuple = wf_tuple_from_iterable(args);
        if (!tuple) return -1;
    }
    WfObject *dict = NULL;
    if (kwargs) {
        if (wf_dict_check_exact(kwargs)) {
            dict = wf_newref(kwargs);
        } else {
            dict = wf_dict_new();
            if (!dict || wf_dict_merge(dict, kwargs, 2) < 0) {
                if (dict) format_kwargs_error(func, kwargs);
                wf_xdecref(dict);
                wf_decref(tuple);
                return -1;
            }
        }
    }
    *tuple_out = tuple;
    *dict_out = dict;
    return 0;
}

int wf_vm_call_ex_args(WfObject *func, WfObject *args, WfObject *kwargs, WfObject **tuple_out, WfObject **dict_out) {
    if (normalize_call_args(func, args, kwargs, tuple_out, dict_out) < 0) return -1;
    if (*dict_out && wf_dict_size(*dict_out) == 0) WF_CLEAR(*dict_out);
    return 0;
}

WfObject *wf_vm_call_function_ex(WfObject *func, WfObject *args, WfObject *kwargs) {
    WfObject *tuple, *dict;
    if (normalize_call_args(func, args, kwargs, &tuple, &dict) < 0) return NULL;
    WfObject *res = wf_object_call_tuple_dict(func, tuple, dict);
    wf_decref(tuple);
    wf_xdecref(dict);
    return res;
}

// ---------------------------------------------------------------------------
// Imports

WfObject *wf_vm_import_name(WfFrame *f, WfObject *name, WfObject *fromlist, WfObject *level) {
    WfObject *import_func = NULL;
    int r = f->builtins ? mapping_lookup(f->builtins, WF_ID(__import__), &import_func) : 0;
    if (r < 0) return NULL;
    if (r == 0) {
        wf_err_set_string(&wf_exc_ImportError, "__import__ not found");
        return NULL;
    }
    WfObject *args[5] = {name, f->globals, f->locals ? f->locals : wf_None, fromlist, level};
    WfObject *res = wf_object_call(import_func, args, 5, NULL);
    wf_decref(import_func);
    return res;
}

static bool spec_is_initializing(WfObject *spec) {
    if (!spec || spec == wf_None) return false;
    WfObject *v = NULL;
    if (wf_object_lookup_attr(spec, wf_str_intern_cstr("_initializing"), &v) < 0) {
        wf_err_clear();
        return false;
    }
    if (!v) return false;
    int t = wf_object_is_true(v);
    wf_decref(v);
    if (t < 0) wf_err_clear();
    return t > 0;
}

WfObject *wf_vm_import_from(WfObject *v, WfObject *name) {
    WfObject *x = NULL;
    if (wf_object_lookup_attr(v, name, &x) != 0) return x;  // found or real error
    // Fall back to sys.modules["pkg.name"] (a submodule being imported).
    WfObject *pkgname = NULL;
    if (wf_object_lookup_attr(v, WF_ID(__name__), &pkgname) < 0) wf_err_clear();
    if (pkgname && wf_str_check(pkgname)) {
        WfObject *fullname = wf_str_from_format("%U.%U", pkgname, name);
        if (!fullname) {
            wf_decref(pkgname);
            return NULL;
        }
        int r = wf_runtime.modules ? wf_dict_get_item_ref(wf_runtime.modules, fullname, &x) : 0;
        wf_decref(fullname);
        if (r > 0) {
            wf_decref(pkgname);
            return x;
        }
        if (r < 0) {
            wf_decref(pkgname);
            return NULL;
        }
    } else {
        WF_CLEAR(pkgname);
    }
    WfObject *pkgpath = NULL;
    if (wf_module_check(v)) {
        pkgpath = wf_dict_get_item_borrow(wf_module_dict_borrow(v), WF_ID(__file__));
        if (wf_err_occurred()) wf_err_clear();
        wf_xincref(pkgpath);
    }
    WfObject *shown = pkgname ? wf_newref(pkgname) : wf_str_from_cstr("<unknown module name>");
    if (!shown) {
        wf_xdecref(pkgpath);
        wf_xdecref(pkgname);
        return NULL;
    }
    if (!pkgpath || !wf_str_check(pkgpath)) {
        wf_err_format(&wf_exc_ImportError, "cannot import name %R from %R (unknown location)", name, shown);
        WF_CLEAR(pkgpath);
    } else {
        WfObject *spec = NULL;
        if (wf_object_lookup_attr(v, WF_ID(__spec__), &spec) < 0) wf_err_clear();
        bool init = spec_is_initializing(spec);
        wf_xdecref(spec);
        if (init)
            wf_err_format(&wf_exc_ImportError,
                          "cannot import name %R from partially initialized module %R "
                          "(most likely due to a circular import) (%S)",
                          name, shown, pkgpath);
        else
            wf_err_format(&wf_exc_ImportError, "cannot import name %R from %R (%S)", name, shown, pkgpath);
    }
    WfObject *exc = wf_err_occurred_borrow();
    if (exc && wf_type_check(exc, &wf_exc_ImportError)) {
        WfImportErrorObject *ie = (WfImportErrorObject *)exc;
        if (pkgname) WF_SETREF(ie->name, wf_newref(pkgname));
        if (pkgpath) WF_SETREF(ie->path, wf_newref(pkgpath));
        WF_SETREF(ie->name_from, wf_newref(name));
    }
    wf_decref(shown);
    wf_xdecref(pkgpath);
    wf_xdecref(pkgname);
    return NULL;
}

// ---------------------------------------------------------------------------
// super

WfObject *wf_vm_load_super_attr(WfObject *global_super, WfObject *cls, WfObject *self, WfObject *name, int oparg,
                                int *is_method) {
    *is_method = 0;
    if (global_super == (WfObject *)&wf_super_type && wf_type_check_type(cls)) {
        int meth = 0;
        WfObject *r = wf_super_lookup((WfTypeObject *)cls, self, name, (oparg & 1) ? &meth : NULL);
        *is_method = meth;
        return r;
    }
    WfObject *args[2] = {cls, self};
    WfObject *sup = wf_object_call(global_super, args, (oparg & 2) ? 2 : 0, NULL);
    if (!sup) return NULL;
    WfObject *res = wf_object_getattr(sup, name);
    wf_decref(sup);
    return res;
}

// ---------------------------------------------------------------------------
// Pattern matching

int wf_vm_match_mapping(WfObject *subject) { return wf_type_has_flag(wf_type_of(subject), WF_TPFLAGS_MAPPING); }

int wf_vm_match_sequence(WfObject *subject) { return wf_type_has_flag(wf_type_of(subject), WF_TPFLAGS_SEQUENCE); }

WfObject *wf_vm_match_keys(WfObject *map, WfObject *keys) {
    wf_ssize nkeys = wf_tuple_size(keys);
    if (!nkeys) return wf_tuple_empty();
    WfObject *get = NULL, *seen = NULL, *dummy = NULL, *values = NULL;
    int meth_found = wf_object_get_method(map, WF_ID(get), &get);
    if (meth_found < 0) return NULL;
    seen = wf_set_new(NULL);
    if (!seen) goto fail;
    dummy = wf_object_call_noargs((WfObject *)&wf_object_type);
    if (!dummy) goto fail;
    values = wf_tuple_new(nkeys);
    if (!values) goto fail;
    for (wf_ssize i = 0; i < nkeys; i++) {
        WfObject *key = wf_tuple_get_borrow(keys, i);
        int c = wf_set_contains(seen, key);
        if (c < 0) goto fail;
        if (c || wf_set_add(seen, key) < 0) {
            if (!wf_err_occurred()) wf_err_format(&wf_exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto fail;
        }
        WfObject *args[3] = {map, key, dummy};
        WfObject *value = meth_found ? wf_object_call(get, args, 3, NULL) : wf_object_call(get, args + 1, 2, NULL);
        if (!value) goto fail;
        if (value == dummy) {
            wf_decref(value);
            wf_decref(values);
            values = wf_None;
            break;
        }
        wf_tuple_set_take(values, i, value);
    }
    wf_decref(get);
    wf_decref(seen);
    wf_decref(dummy);
    return values;
fail:
    if (values) {
        // Unfilled items are NULL: fill them before releasing the tuple.
        for (wf_ssize i = 0; i < nkeys; i++)
            if (!wf_tuple_get_borrow(values, i)) wf_tuple_set_take(values, i, wf_None);
        wf_decref(values);
    }
    wf_xdecref(get);
    wf_xdecref(seen);
    wf_xdecref(dummy);
    return NULL;
}

static bool type_matches_self(WfTypeObject *t) {
    extern WfTypeObject wf_bytearray_type, wf_bytes_type, wf_dict_type, wf_float_type, wf_frozenset_type,
        wf_list_type, wf_set_type, wf_str_type, wf_tuple_type;
    WfTypeObject *const self_types[] = {&wf_bool_type, &wf_bytearray_type, &wf_bytes_type, &wf_dict_type,
                                        &wf_float_type, &wf_frozenset_type, &wf_int_type, &wf_list_type,
                                        &wf_set_type, &wf_str_type, &wf_tuple_type};
    for (size_t i = 0; i < sizeof self_types / sizeof self_types[0]; i++)
        if (wf_type_is_subtype(t, self_types[i])) return true;
    return false;
}

static WfObject *match_class_attr(WfObject *subject, WfObject *type, WfObject *name, WfObject *seen) {
    int c = wf_set_contains(seen, name);
    if (c < 0) return NULL;
    if (c || wf_set_add(seen, name) < 0) {
        if (!wf_err_occurred())
            wf_err_format(&wf_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                          ((WfTypeObject *)type)->tp_name, name);
        return NULL;
    }
    WfObject *attr = wf_object_getattr(subject, name);
    if (!attr && wf_err_matches(&wf_exc_AttributeError)) wf_err_clear();
    return attr;
}

WfObject *wf_vm_match_class(WfObject *subject, WfObject *type, int nargs, WfObject *kwargs) {
    if (!wf_type_check_type(type)) return wf_err_format(&wf_exc_TypeError, "called match pattern must be a type");
    int inst = wf_object_isinstance(subject, type);
    if (inst < 0) return NULL;
    if (!inst) return wf_None;
    WfObject *seen = wf_set_new(NULL);
    if (!seen) return NULL;
    WfObject *attrs = wf_list_new(0);
    WfObject *match_args = NULL;
    if (!attrs) goto fail;
    if (nargs) {
        int match_self = 0;
        if (wf_object_lookup_attr(type, wf_str_intern_cstr("__match_args__"), &match_args) < 0) goto fail;
        if (match_args) {
            if (!wf_tuple_check_exact(match_args)) {
                wf_err_format(&wf_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                              ((WfTypeObject *)type)->tp_name, WF_TYPE(match_args)->tp_name);
                goto fail;
            }
        } else {
            match_args = wf_tuple_empty();
            match_self = type_matches_self((WfTypeObject *)type);
        }
        wf_ssize allowed = match_self ? 1 : wf_tuple_size(match_args);
        if (allowed < nargs) {
            wf_err_format(&wf_exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                          ((WfTypeObject *)type)->tp_name, allowed, allowed == 1 ? "" : "s", nargs);
            goto fail;
        }
        if (match_self) {
            if (wf_list_append(attrs, subject) < 0) goto fail;
        } else {
            for (int i = 0; i < nargs; i++) {
                WfObject *name = wf_tuple_get_borrow(match_args, i);
                if (!wf_str_check_exact(name)) {
                    wf_err_format(&wf_exc_TypeError, "__match_args__ elements must be strings (got %s)",
                                  WF_TYPE(name)->tp_name);
                    goto fail;
                }
                WfObject *attr = match_class_attr(subject, type, name, seen);
                if (!attr || wf_list_append_take(attrs, attr) < 0) goto fail;
            }
        }
        WF_CLEAR(match_args);
    }
    for (wf_ssize i = 0; i < wf_tuple_size(kwargs); i++) {
        WfObject *attr = match_class_attr(subject, type, wf_tuple_get_borrow(kwargs, i), seen);
        if (!attr || wf_list_append_take(attrs, attr) < 0) goto fail;
    }
    {
        WfObject *t = wf_list_as_tuple(attrs);
        wf_decref(attrs);
        wf_decref(seen);
        return t;
    }
fail:
    wf_xdecref(match_args);
    wf_decref(seen);
    wf_xdecref(attrs);
    return wf_err_occurred() ? NULL : wf_None;
}
