// function.c — Python functions, builtin functions (builtin_function_or_method),
// bound methods and cells.
//
// Invariants:
// - A function's code, globals and builtins never change after creation
//   except __code__ assignment (which bumps `version`); defaults, kwdefaults,
//   closure, annotations, dict, name, qualname, doc are replaced wholesale
//   (old value released after the new one is installed).
// - Functions made by module and class bodies whose code is not nested in a
//   function (module-level functions, methods of module-level classes) are
//   deferred-refcounted (wf_function_set_deferred, called by MAKE_FUNCTION): stacks and frames
//   borrow them. They also carry one extra reference on behalf of those
//   borrowed references, released by the cycle collector (until it exists,
//   such functions are never freed).
// - A builtin function's `vectorcall` is chosen from def->flags at creation.
// - A cell's `ref` is read and written with atomic operations (cells are
//   shared by closures that may run in different threads).
#include <stdio.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "vm/call.h"

static _Atomic(uint32_t) next_func_version = 1;

static uint32_t new_version(void) {
    // Relaxed: the value only needs to be unique, not ordered.
    uint32_t v = atomic_fetch_add_explicit(&next_func_version, 1, memory_order_relaxed);
    return v == 0 ? 1 : v;
}

#define FUNC(o) ((WfFunctionObject *)(o))

// ---------------------------------------------------------------------------
// Functions

WfObject *wf_function_builtins_from_globals(WfObject *globals) {
    WfObject *b = wf_dict_check(globals) ? wf_dict_get_item_borrow(globals, WF_ID(__builtins__)) : NULL;
    if (b) {
        if (wf_module_check(b)) return wf_module_dict_borrow(b);
        if (wf_dict_check(b)) return b;
    }
    if (wf_err_occurred()) wf_err_clear();
    return wf_runtime.builtins_dict;
}

WfObject *wf_function_new(WfObject *code, WfObject *globals, WfObject *qualname) {
    WfCodeObject *co = (WfCodeObject *)code;
    WfFunctionObject *f = (WfFunctionObject *)wf_object_alloc(&wf_function_type);
    if (!f) return NULL;
    f->code = wf_newref(code);
    f->globals = wf_newref(globals);
    WfObject *builtins = wf_function_builtins_from_globals(globals);
    f->builtins = wf_xnewref(builtins);
    f->name = wf_newref(co->co_name);
    f->qualname = wf_newref(qualname ? qualname : co->co_qualname);
    WfObject *doc = wf_None;
    if ((co->co_flags & WF_CO_HAS_DOCSTRING) && wf_tuple_size(co->co_consts) > 0) doc = wf_tuple_get_borrow(co->co_consts, 0);
    f->doc = wf_newref(doc);
    WfObject *module = NULL;
    if (wf_dict_check(globals)) module = wf_dict_get_item_borrow(globals, WF_ID(__name__));
    if (wf_err_occurred()) wf_err_clear();
    f->module = wf_xnewref(module);
    f->version = new_version();
    return (WfObject *)f;
}

void wf_function_set_deferred(WfObject *f) {
    // wf_object_set_deferred adds the reference held on behalf of borrowing
    // stacks (see the invariant).
    wf_object_set_deferred(f);
}

static void function_dealloc(WfObject *o) {
    WfFunctionObject *f = FUNC(o);
    wf_xdecref(f->code);
    wf_xdecref(f->globals);
    wf_xdecref(f->builtins);
    wf_xdecref(f->name);
    wf_xdecref(f->qualname);
    wf_xdecref(f->defaults);
    wf_xdecref(f->kwdefaults);
    wf_xdecref(f->closure);
    wf_xdecref(f->doc);
    wf_xdecref(f->dict);
    wf_xdecref(f->module);
    wf_xdecref(f->annotations);
    o->ob_type->tp_free(o);
}

static int function_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    WfFunctionObject *f = FUNC(o);
    WfObject *fields[] = {f->code, f->globals, f->builtins, f->name, f->qualname, f->defaults, f->kwdefaults,
                          f->closure, f->doc, f->dict, f->module, f->annotations};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r) return r;
        }
    return 0;
}

static WfObject *function_repr(WfObject *o) {
    return wf_str_from_format("<function %U at %p>", FUNC(o)->qualname, o);
}

static WfObject *function_descr_get(WfObject *func, WfObject *obj, WfObject *type) {
    if (obj == NULL || obj == wf_None) return wf_newref(func);
    return wf_method_new(func, obj);
}

// Replace a field: the new value is installed before the old one is released.
static void set_field(WfObject **slot, WfObject *value) {
    WfObject *old = *slot;
    *slot = wf_xnewref(value);
    wf_xdecref(old);
}

static WfObject *func_get_code(WfObject *o, void *c) { return wf_newref(FUNC(o)->code); }
static int func_set_code(WfObject *o, WfObject *v, void *c) {
    if (!v || wf_type_of(v) != &wf_code_type) {
        wf_err_set_string(&wf_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    WfFunctionObject *f = FUNC(o);
    int nfree = ((WfCodeObject *)v)->co_nfreevars;
    int nclosure = f->closure ? (int)wf_tuple_size(f->closure) : 0;
    if (nclosure != nfree) {
        wf_err_format(&wf_exc_ValueError, "%U() requires a code object with %zd free vars, not %zd", f->name,
                      (wf_ssize)nclosure, (wf_ssize)nfree);
        return -1;
    }
    set_field(&f->code, v);
    f->version = new_version();
    return 0;
}

static WfObject *func_get_defaults(WfObject *o, void *c) { return wf_newref(FUNC(o)->defaults ? FUNC(o)->defaults : wf_None); }
static int func_set_defaults(WfObject *o, WfObject *v, void *c) {
    if (v == wf_None) v = NULL;
    if (v && !wf_tuple_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    set_field(&FUNC(o)->defaults, v);
    FUNC(o)->version = new_version();
    return 0;
}

static WfObject *func_get_kwdefaults(WfObject *o, void *c) {
    return wf_newref(FUNC(o)->kwdefaults ? FUNC(o)->kwdefaults : wf_None);
}
static int func_set_kwdefaults(WfObject *o, WfObject *v, void *c) {
    if (v == wf_None) v = NULL;
    if (v && !wf_dict_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    set_field(&FUNC(o)->kwdefaults, v);
    FUNC(o)->version = new_version();
    return 0;
}

static WfObject *func_get_name(WfObject *o, void *c) { return wf_newref(FUNC(o)->name); }
static int func_set_name(WfObject *o, WfObject *v, void *c) {
    if (!v || !wf_str_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    set_field(&FUNC(o)->name, v);
    return 0;
}

static WfObject *func_get_qualname(WfObject *o, void *c) { return wf_newref(FUNC(o)->qualname); }
static int func_set_qualname(WfObject *o, WfObject *v, void *c) {
    if (!v || !wf_str_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    set_field(&FUNC(o)->qualname, v);
    return 0;
}

static WfObject *func_get_annotations(WfObject *o, void *c) {
    WfFunctionObject *f = FUNC(o);
    if (!f->annotations) {
        f->annotations = wf_dict_new();
        if (!f->annotations) return NULL;
    } else if (wf_tuple_check(f->annotations)) {
        // MAKE_FUNCTION may store annotations as a flat (name, value, ...) tuple.
        WfObject *t = f->annotations;
        WfObject *d = wf_dict_new();
        if (!d) return NULL;
        for (wf_ssize i = 0; i + 1 < wf_tuple_size(t); i += 2) {
            if (wf_dict_set_item(d, wf_tuple_get_borrow(t, i), wf_tuple_get_borrow(t, i + 1)) < 0) {
                wf_decref(d);
                return NULL;
            }
        }
        f->annotations = d;
        wf_decref(t);
    }
    return wf_newref(f->annotations);
}
static int func_set_annotations(WfObject *o, WfObject *v, void *c) {
    if (v == wf_None) v = NULL;
    if (v && !wf_dict_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    set_field(&FUNC(o)->annotations, v);
    return 0;
}

static WfObject *func_get_dict(WfObject *o, void *c) {
    WfFunctionObject *f = FUNC(o);
    if (!f->dict) {
        WfObject *d = wf_dict_new();
        if (!d) return NULL;
        WfObject *expected = NULL;
        // acq_rel: publish the initialized dict once; on failure see the winner's.
        if (!__atomic_compare_exchange_n(&f->dict, &expected, d, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            wf_decref(d);
    }
    return wf_newref(f->dict);
}
static int func_set_dict(WfObject *o, WfObject *v, void *c) {
    if (!v) {
        wf_err_set_string(&wf_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!wf_dict_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__dict__ must be set to a dictionary");
        return -1;
    }
    set_field(&FUNC(o)->dict, v);
    return 0;
}

static WfObject *func_get_builtins(WfObject *o, void *c) { return wf_newref(FUNC(o)->builtins ? FUNC(o)->builtins : wf_None); }

static const WfGetSetDef function_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const WfMemberDef function_members[] = {
    {"__closure__", WF_T_OBJECT, offsetof(WfFunctionObject, closure), WF_MEMBER_READONLY, NULL},
    {"__doc__", WF_T_OBJECT, offsetof(WfFunctionObject, doc), 0, NULL},
    {"__globals__", WF_T_OBJECT, offsetof(WfFunctionObject, globals), WF_MEMBER_READONLY, NULL},
    {"__module__", WF_T_OBJECT, offsetof(WfFunctionObject, module), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
static WfObject *function_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure"};
    WfObject *vals[5] = {NULL, NULL, NULL, NULL, NULL};
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    if (nargs > 5) {
        return wf_err_format(&wf_exc_TypeError, "function() takes at most 5 arguments (%zu given)", nargs + nkw);
    }
    for (size_t i = 0; i < nargs; i++) vals[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        WfObject *key = wf_tuple_get_borrow(kwnames, (wf_ssize)k);
        int found = -1;
        for (int j = 0; j < 5; j++)
            if (wf_str_equal_cstr(key, names[j])) found = j;
        if (found < 0) return wf_err_format(&wf_exc_TypeError, "function() got an unexpected keyword argument '%U'", key);
        vals[found] = args[nargs + k];
    }
    if (!vals[0] || wf_type_of(vals[0]) != &wf_code_type)
        return wf_err_format(&wf_exc_TypeError, "function() argument 'code' must be code, not %.200s",
                             vals[0] ? WF_TYPE(vals[0])->tp_name : "None");
    if (!vals[1] || !wf_dict_check(vals[1]))
        return wf_err_format(&wf_exc_TypeError, "function() argument 'globals' must be dict, not %.200s",
                             vals[1] ? WF_TYPE(vals[1])->tp_name : "None");
    WfCodeObject *co = (WfCodeObject *)vals[0];
    if (vals[2] && vals[2] != wf_None && !wf_str_check(vals[2]))
        return wf_err_format(&wf_exc_TypeError, "arg 3 (name) must be None or string");
    if (vals[3] && vals[3] != wf_None && !wf_tuple_check(vals[3]))
        return wf_err_format(&wf_exc_TypeError, "arg 4 (defaults) must be None or tuple");
    wf_ssize nclosure = (vals[4] && vals[4] != wf_None) ? (wf_tuple_check(vals[4]) ? wf_tuple_size(vals[4]) : -1) : 0;
    if (nclosure < 0) return wf_err_format(&wf_exc_TypeError, "arg 5 (closure) must be tuple");
    if (nclosure != co->co_nfreevars)
        return wf_err_format(&wf_exc_ValueError, "%U requires closure of length %zd, not %zd", co->co_name,
                             (wf_ssize)co->co_nfreevars, nclosure);
    for (wf_ssize i = 0; i < nclosure; i++) {
        WfObject *c = wf_tuple_get_borrow(vals[4], i);
        if (wf_type_of(c) != &wf_cell_type)
            return wf_err_format(&wf_exc_TypeError, "arg 5 (closure) expected cell, found %.200s", WF_TYPE(c)->tp_name);
    }
    WfObject *f = wf_function_new(vals[0], vals[1], NULL);
    if (!f) return NULL;
    if (vals[2] && vals[2] != wf_None) set_field(&FUNC(f)->name, vals[2]);
    if (vals[3] && vals[3] != wf_None) set_field(&FUNC(f)->defaults, vals[3]);
    if (nclosure) set_field(&FUNC(f)->closure, vals[4]);
    return f;
}

WfTypeObject wf_function_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "function",
    .tp_basicsize = sizeof(WfFunctionObject),
    .tp_flags = WF_TPFLAGS_METHOD_DESCRIPTOR | WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a function object.\n\n  code\n    a code object\n  globals\n    the globals dictionary\n"
              "  name\n    a string that overrides the name from the code object\n  argdefs\n"
              "    a tuple that specifies the default argument values\n  closure\n"
              "    a tuple that supplies the bindings for free variables",
    .tp_dealloc = function_dealloc,
    .tp_repr = function_repr,
    .tp_call = wf_function_vectorcall,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_descr_get = function_descr_get,
    .tp_new = function_tp_new,
    .tp_traverse = function_traverse,
    .tp_getset = function_getset,
    .tp_members = function_members,
    .tp_dictoffset = offsetof(WfFunctionObject, dict),
};

// ---------------------------------------------------------------------------
// Builtin functions

#define BUILTIN(o) ((WfBuiltinFunctionObject *)(o))

static bool self_is_module_or_null(WfObject *self) { return self == NULL || wf_module_check(self); }

static WfObject *builtin_qualname_of(const WfMethodDef *def, WfObject *self) {
    if (self_is_module_or_null(self) || (def->flags & WF_METH_STATIC))
        return wf_str_from_cstr(def->name);
    WfObject *owner_qualname;
    if (wf_type_check_type(self)) owner_qualname = wf_type_qualname((WfTypeObject *)self);
    else owner_qualname = wf_type_qualname(wf_type_of(self));
    if (!owner_qualname) return NULL;
    WfObject *r = wf_str_from_format("%U.%s", owner_qualname, def->name);
    wf_decref(owner_qualname);
    return r;
}

// "len()" / "math.sqrt()" / "list.append()" (CPython's _PyObject_FunctionStr).
static WfObject *builtin_function_str(const WfMethodDef *def, WfObject *self, WfObject *module) {
    WfObject *qn = builtin_qualname_of(def, self);
    if (!qn) return NULL;
    WfObject *r;
    if (module && wf_str_check(module) && !wf_str_equal_cstr(module, "builtins"))
        r = wf_str_from_format("%U.%U()", module, qn);
    else
        r = wf_str_from_format("%U()", qn);
    wf_decref(qn);
    return r;
}

static WfObject *module_name_of_self(WfObject *self) {
    if (self && wf_module_check(self)) return ((WfModuleObject *)self)->name;
    return NULL;
}

// Calls of C functions count against the recursion limit, with CPython's
// message (cfunction_enter_call).
#define ENTER_CCALL(ts)                                                                                   \
    do {                                                                                                  \
        if (WF_UNLIKELY((ts)->recursion_remaining-- <= 0)) {                                             \
            (ts)->recursion_remaining++;                                                                  \
            return wf_err_format(&wf_exc_RecursionError,                                                  \
                                 "maximum recursion depth exceeded while calling a Python object");       \
        }                                                                                                 \
    } while (0)
#define LEAVE_CCALL(ts) ((ts)->recursion_remaining++)

static WfObject *builtin_call_checked(const WfMethodDef *def, WfObject *self, WfObject *module, WfObject *const *args,
                                      size_t nargs, WfObject *kwnames);

static WfObject *builtin_call_impl(const WfMethodDef *def, WfObject *self, WfObject *module, WfObject *const *args,
                                   size_t nargs, WfObject *kwnames) {
    // As CPython 3.11's specialized calls: O and NOARGS functions count
    // against the recursion limit, FASTCALL ones do not.
    if (!(def->flags & (WF_METH_O | WF_METH_NOARGS))) return builtin_call_checked(def, self, module, args, nargs, kwnames);
    WfThreadState *ts = wf_tstate();
    ENTER_CCALL(ts);
    WfObject *r = builtin_call_checked(def, self, module, args, nargs, kwnames);
    LEAVE_CCALL(ts);
    return r;
}

static WfObject *builtin_call_checked(const WfMethodDef *def, WfObject *self, WfObject *module, WfObject *const *args,
                                      size_t nargs, WfObject *kwnames) {
    int flags = def->flags & (WF_METH_NOARGS | WF_METH_O | WF_METH_FASTCALL | WF_METH_KEYWORDS);
    bool has_kw = kwnames && wf_tuple_size(kwnames) > 0;
    if (flags != (WF_METH_FASTCALL | WF_METH_KEYWORDS) && has_kw) {
        WfObject *fs = builtin_function_str(def, self, module);
        if (fs) {
            wf_err_format(&wf_exc_TypeError, "%U takes no keyword arguments", fs);
            wf_decref(fs);
        }
        return NULL;
    }
    if (def->flags & WF_METH_STATIC) self = NULL;
    switch (flags) {
    case WF_METH_NOARGS:
        if (nargs != 0) {
            WfObject *fs = builtin_function_str(def, self, module);
            if (fs) {
                wf_err_format(&wf_exc_TypeError, "%U takes no arguments (%zd given)", fs, (wf_ssize)nargs);
                wf_decref(fs);
            }
            return NULL;
        }
        return ((WfCFuncNoArgs)def->fn)(self, NULL);
    case WF_METH_O:
        if (nargs != 1) {
            WfObject *fs = builtin_function_str(def, self, module);
            if (fs) {
                wf_err_format(&wf_exc_TypeError, "%U takes exactly one argument (%zd given)", fs, (wf_ssize)nargs);
                wf_decref(fs);
            }
            return NULL;
        }
        return ((WfCFuncO)def->fn)(self, args[0]);
    case WF_METH_FASTCALL:
        return ((WfCFuncFast)def->fn)(self, args, nargs);
    case WF_METH_FASTCALL | WF_METH_KEYWORDS:
        return ((WfCFuncFastKw)def->fn)(self, args, nargs, has_kw ? kwnames : NULL);
    default:
        return wf_err_format(&wf_exc_SystemError, "%s() method: bad call flags", def->name);
    }
}

WfObject *wf_builtin_call(const WfMethodDef *def, WfObject *self, WfObject *const *args, size_t nargs,
                          WfObject *kwnames) {
    return builtin_call_impl(def, self, module_name_of_self(self), args, nargs, kwnames);
}

static WfObject *builtin_vectorcall_noargs(WfObject *f, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfBuiltinFunctionObject *b = BUILTIN(f);
    if (WF_LIKELY(nargs == 0 && (!kwnames || wf_tuple_size(kwnames) == 0))) {
        WfThreadState *ts = wf_tstate();
        ENTER_CCALL(ts);
        WfObject *r = ((WfCFuncNoArgs)b->def->fn)(b->self, NULL);
        LEAVE_CCALL(ts);
        return r;
    }
    return builtin_call_impl(b->def, b->self, b->module, args, nargs, kwnames);
}
static WfObject *builtin_vectorcall_o(WfObject *f, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfBuiltinFunctionObject *b = BUILTIN(f);
    if (WF_LIKELY(nargs == 1 && (!kwnames || wf_tuple_size(kwnames) == 0))) {
        WfThreadState *ts = wf_tstate();
        ENTER_CCALL(ts);
        WfObject *r = ((WfCFuncO)b->def->fn)(b->self, args[0]);
        LEAVE_CCALL(ts);
        return r;
    }
    return builtin_call_impl(b->def, b->self, b->module, args, nargs, kwnames);
}
static WfObject *builtin_vectorcall_fast(WfObject *f, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfBuiltinFunctionObject *b = BUILTIN(f);
    if (WF_LIKELY(!kwnames || wf_tuple_size(kwnames) == 0)) return ((WfCFuncFast)b->def->fn)(b->self, args, nargs);
    return builtin_call_impl(b->def, b->self, b->module, args, nargs, kwnames);
}
static WfObject *builtin_vectorcall_fastkw(WfObject *f, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfBuiltinFunctionObject *b = BUILTIN(f);
    if (kwnames && wf_tuple_size(kwnames) == 0) kwnames = NULL;
    return ((WfCFuncFastKw)b->def->fn)(b->self, args, nargs, kwnames);
}
static WfObject *builtin_vectorcall_generic(WfObject *f, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfBuiltinFunctionObject *b = BUILTIN(f);
    return builtin_call_impl(b->def, b->self, b->module, args, nargs, kwnames);
}

WfObject *wf_builtin_function_new(const WfMethodDef *def, WfObject *self, WfObject *module) {
    WfBuiltinFunctionObject *b = (WfBuiltinFunctionObject *)wf_object_alloc(&wf_builtin_function_type);
    if (!b) return NULL;
    b->def = def;
    b->self = (def->flags & WF_METH_STATIC) ? NULL : wf_xnewref(self);
    if (!module && self && wf_module_check(self)) module = ((WfModuleObject *)self)->name;
    b->module = wf_xnewref(module);
    switch (def->flags & (WF_METH_NOARGS | WF_METH_O | WF_METH_FASTCALL | WF_METH_KEYWORDS | WF_METH_STATIC)) {
    case WF_METH_NOARGS: b->vectorcall = builtin_vectorcall_noargs; break;
    case WF_METH_O: b->vectorcall = builtin_vectorcall_o; break;
    case WF_METH_FASTCALL: b->vectorcall = builtin_vectorcall_fast; break;
    case WF_METH_FASTCALL | WF_METH_KEYWORDS: b->vectorcall = builtin_vectorcall_fastkw; break;
    default: b->vectorcall = builtin_vectorcall_generic; break;
    }
    if (!self || wf_module_check(self)) {
        // Module-level builtins are shared read-mostly objects.
        wf_function_set_deferred((WfObject *)b);
    }
    return (WfObject *)b;
}

static WfObject *builtin_call(WfObject *f, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return BUILTIN(f)->vectorcall(f, args, nargs, kwnames);
}

static void builtin_dealloc(WfObject *o) {
    wf_xdecref(BUILTIN(o)->self);
    wf_xdecref(BUILTIN(o)->module);
    o->ob_type->tp_free(o);
}

static int builtin_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    if (BUILTIN(o)->self) {
        int r = visit(BUILTIN(o)->self, arg);
        if (r) return r;
    }
    if (BUILTIN(o)->module) return visit(BUILTIN(o)->module, arg);
    return 0;
}

static WfObject *builtin_repr(WfObject *o) {
    WfBuiltinFunctionObject *b = BUILTIN(o);
    if (self_is_module_or_null(b->self)) return wf_str_from_format("<built-in function %s>", b->def->name);
    return wf_str_from_format("<built-in method %s of %s object at %p>", b->def->name, WF_TYPE(b->self)->tp_name,
                              b->self);
}

static WfObject *builtin_richcompare(WfObject *a, WfObject *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || wf_type_of(b) != &wf_builtin_function_type) return wf_NotImplemented;
    bool eq = BUILTIN(a)->def == BUILTIN(b)->def && BUILTIN(a)->self == BUILTIN(b)->self;
    return wf_bool_from(op == WF_EQ ? eq : !eq);
}

static intptr_t builtin_hash(WfObject *o) {
    intptr_t x = wf_hash_pointer(BUILTIN(o)->self);
    intptr_t y = wf_hash_pointer(BUILTIN(o)->def->fn);
    x ^= y;
    return x == -1 ? -2 : x;
}

static WfObject *builtin_get_name(WfObject *o, void *c) { return wf_str_from_cstr(BUILTIN(o)->def->name); }
static WfObject *builtin_get_qualname(WfObject *o, void *c) { return builtin_qualname_of(BUILTIN(o)->def, BUILTIN(o)->self); }
static WfObject *builtin_get_doc(WfObject *o, void *c) {
    return wf_descr_doc_from_internal(BUILTIN(o)->def->name, BUILTIN(o)->def->doc);
}
static WfObject *builtin_get_text_signature(WfObject *o, void *c) {
    return wf_descr_text_signature_from_internal(BUILTIN(o)->def->name, BUILTIN(o)->def->doc);
}
static WfObject *builtin_get_self(WfObject *o, void *c) {
    WfObject *s = BUILTIN(o)->self;
    return wf_newref(s ? s : wf_None);
}
static WfObject *builtin_get_module(WfObject *o, void *c) {
    WfObject *m = BUILTIN(o)->module;
    return wf_newref(m ? m : wf_None);
}
static int builtin_set_module(WfObject *o, WfObject *v, void *c) {
    set_field(&BUILTIN(o)->module, v);
    return 0;
}

static const WfGetSetDef builtin_getset[] = {
    {"__name__", builtin_get_name, NULL, NULL, NULL},
    {"__qualname__", builtin_get_qualname, NULL, NULL, NULL},
    {"__doc__", builtin_get_doc, NULL, NULL, NULL},
    {"__text_signature__", builtin_get_text_signature, NULL, NULL, NULL},
    {"__self__", builtin_get_self, NULL, NULL, NULL},
    {"__module__", builtin_get_module, builtin_set_module, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfObject *builtin_reduce(WfObject *self, WfObject *unused) {
    WfBuiltinFunctionObject *b = BUILTIN(self);
    if (self_is_module_or_null(b->self)) return wf_str_from_cstr(b->def->name);
    WfObject *getattr = wf_dict_get_item_cstr_borrow(wf_runtime.builtins_dict, "getattr");
    if (!getattr) return wf_err_format(&wf_exc_RuntimeError, "getattr not found");
    WfObject *name = wf_str_from_cstr(b->def->name);
    if (!name) return NULL;
    WfObject *args = wf_tuple_pack(2, b->self, name);
    wf_decref(name);
    if (!args) return NULL;
    WfObject *r = wf_tuple_pack(2, getattr, args);
    wf_decref(args);
    return r;
}

static const WfMethodDef builtin_methods[] = {
    WF_METHOD("__reduce__", builtin_reduce, WF_METH_NOARGS, NULL),
    WF_METHOD_END,
};

WfTypeObject wf_builtin_function_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(WfBuiltinFunctionObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = builtin_dealloc,
    .tp_repr = builtin_repr,
    .tp_hash = builtin_hash,
    .tp_call = builtin_call,
    .tp_getattro = wf_object_generic_getattr,
    .tp_richcompare = builtin_richcompare,
    .tp_traverse = builtin_traverse,
    .tp_getset = builtin_getset,
    .tp_methods = builtin_methods,
};

int wf_function_add_methods(WfObject *d, const WfMethodDef *defs, WfObject *self, WfObject *module_name) {
    for (const WfMethodDef *def = defs; def && def->name; def++) {
        WfObject *f = wf_builtin_function_new(def, self, module_name);
        if (!f) return -1;
        int r = wf_dict_set_item_cstr(d, def->name, f);
        wf_decref(f);
        if (r < 0) return -1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Bound methods

#define METHOD(o) ((WfMethodObject *)(o))

WfObject *wf_method_new(WfObject *func, WfObject *self) {
    if (!self) return wf_err_bad_internal_call("wf_method_new");
    WfMethodObject *m = (WfMethodObject *)wf_object_alloc(&wf_method_type);
    if (!m) return NULL;
    m->func = wf_newref(func);
    m->self = wf_newref(self);
    return (WfObject *)m;
}

static void method_dealloc(WfObject *o) {
    wf_xdecref(METHOD(o)->func);
    wf_xdecref(METHOD(o)->self);
    o->ob_type->tp_free(o);
}

static int method_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    int r = visit(METHOD(o)->func, arg);
    return r ? r : visit(METHOD(o)->self, arg);
}

WfObject *wf_method_vectorcall(WfObject *m, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *func = METHOD(m)->func;
    WfObject *self = METHOD(m)->self;
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    size_t total = nargs + nkw;
    WfObject *small[8];
    WfObject **buf = small;
    if (total + 1 > 8) {
        buf = wf_mem_malloc((total + 1) * sizeof(WfObject *));
        if (!buf) return wf_err_no_memory();
    }
    buf[0] = self;
    for (size_t i = 0; i < total; i++) buf[i + 1] = args[i];
    WfObject *r = wf_object_call(func, buf, nargs + 1, kwnames);
    if (buf != small) wf_mem_free(buf);
    return r;
}

static WfObject *method_repr(WfObject *o) {
    WfObject *func = METHOD(o)->func;
    WfObject *name = NULL;
    if (wf_object_lookup_attr(func, WF_ID(__qualname__), &name) < 0) return NULL;
    if (!name && wf_object_lookup_attr(func, WF_ID(__name__), &name) < 0) return NULL;
    if (name && !wf_str_check(name)) WF_CLEAR(name);
    WfObject *r;
    if (name) r = wf_str_from_format("<bound method %U of %R>", name, METHOD(o)->self);
    else r = wf_str_from_format("<bound method ? of %R>", METHOD(o)->self);
    wf_xdecref(name);
    return r;
}

static WfObject *method_richcompare(WfObject *a, WfObject *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || wf_type_of(a) != &wf_method_type || wf_type_of(b) != &wf_method_type)
        return wf_NotImplemented;
    int eq = METHOD(a)->self == METHOD(b)->self;
    if (eq) {
        eq = wf_object_eq(METHOD(a)->func, METHOD(b)->func);
        if (eq < 0) return NULL;
    }
    return wf_bool_from(op == WF_EQ ? eq : !eq);
}

static intptr_t method_hash(WfObject *o) {
    intptr_t x = wf_hash_pointer(METHOD(o)->self);
    intptr_t y = wf_object_hash(METHOD(o)->func);
    if (y == -1) return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

static WfObject *method_getattro(WfObject *o, WfObject *name) {
    WfTypeObject *tp = wf_type_of(o);
    WfObject *descr = wf_type_lookup(tp, name);
    if (descr) {
        WfDescrGetFunc f = wf_type_of(descr)->tp_descr_get;
        if (f) return f(descr, o, (WfObject *)tp);
        return wf_newref(descr);
    }
    return wf_object_getattr(METHOD(o)->func, name);
}

static WfObject *method_descr_get(WfObject *m, WfObject *obj, WfObject *type) { return wf_newref(m); }

static WfObject *method_get_doc(WfObject *o, void *c) { return wf_object_getattr(METHOD(o)->func, WF_ID(__doc__)); }

static WfObject *method_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames) > 0) return wf_err_format(&wf_exc_TypeError, "method() takes no keyword arguments");
    if (nargs != 2) return wf_err_format(&wf_exc_TypeError, "method expected 2 arguments, got %zd", (wf_ssize)nargs);
    if (!wf_callable_check(args[0])) return wf_err_format(&wf_exc_TypeError, "first argument must be callable");
    if (args[1] == wf_None) return wf_err_format(&wf_exc_TypeError, "instance must not be None");
    return wf_method_new(args[0], args[1]);
}

static WfObject *method_reduce(WfObject *self, WfObject *unused) {
    WfObject *getattr = wf_dict_get_item_cstr_borrow(wf_runtime.builtins_dict, "getattr");
    if (!getattr) return wf_err_format(&wf_exc_RuntimeError, "getattr not found");
    WfObject *name = wf_object_getattr(METHOD(self)->func, WF_ID(__name__));
    if (!name) return NULL;
    WfObject *args = wf_tuple_pack(2, METHOD(self)->self, name);
    wf_decref(name);
    if (!args) return NULL;
    WfObject *r = wf_tuple_pack(2, getattr, args);
    wf_decref(args);
    return r;
}

static const WfMethodDef method_methods[] = {
    WF_METHOD("__reduce__", method_reduce, WF_METH_NOARGS, NULL),
    WF_METHOD_END,
};

static const WfMemberDef method_members[] = {
    {"__func__", WF_T_OBJECT, offsetof(WfMethodObject, func), WF_MEMBER_READONLY, "the function (or other callable) implementing a method"},
    {"__self__", WF_T_OBJECT, offsetof(WfMethodObject, self), WF_MEMBER_READONLY, "the instance to which a method is bound"},
    {NULL, 0, 0, 0, NULL},
};

static const WfGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_method_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "method",
    .tp_basicsize = sizeof(WfMethodObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a bound instance method object.",
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = wf_method_vectorcall,
    .tp_getattro = method_getattro,
    .tp_setattro = wf_object_generic_setattr,
    .tp_richcompare = method_richcompare,
    .tp_descr_get = method_descr_get,
    .tp_new = method_tp_new,
    .tp_traverse = method_traverse,
    .tp_methods = method_methods,
    .tp_members = method_members,
    .tp_getset = method_getset,
};

// ---------------------------------------------------------------------------
// Cells

#define CELL(o) ((WfCellObject *)(o))

WfObject *wf_cell_new(WfObject *contents) {
    WfCellObject *c = (WfCellObject *)wf_object_alloc(&wf_cell_type);
    if (!c) return NULL;
    c->ref = wf_xnewref(contents);
    return (WfObject *)c;
}

WfObject *wf_cell_get(WfObject *cell) {
    // Acquire pairs with the release in wf_cell_set: the contents are fully
    // initialized when seen.
    WfObject *v = __atomic_load_n(&CELL(cell)->ref, __ATOMIC_ACQUIRE);
    return wf_xnewref(v);
}

void wf_cell_set_take(WfObject *cell, WfObject *value) {
    // acq_rel: release publishes value, acquire orders our decref of the old
    // value after other threads' stores.
    WfObject *old = __atomic_exchange_n(&CELL(cell)->ref, value, __ATOMIC_ACQ_REL);
    wf_xdecref(old);
}

static void cell_dealloc(WfObject *o) {
    wf_xdecref(CELL(o)->ref);
    o->ob_type->tp_free(o);
}

static int cell_traverse(WfObject *o, WfVisitProc visit, void *arg) { return CELL(o)->ref ? visit(CELL(o)->ref, arg) : 0; }

static WfObject *cell_repr(WfObject *o) {
    WfObject *v = CELL(o)->ref;
    if (!v) return wf_str_from_format("<cell at %p: empty>", o);
    return wf_str_from_format("<cell at %p: %s object at %p>", o, WF_TYPE(v)->tp_name, v);
}

static WfObject *cell_richcompare(WfObject *a, WfObject *b, int op) {
    if (wf_type_of(a) != &wf_cell_type || wf_type_of(b) != &wf_cell_type) return wf_NotImplemented;
    WfObject *va = CELL(a)->ref, *vb = CELL(b)->ref;
    if (va && vb) return wf_object_richcompare(va, vb, op);
    // Empty cells compare less than non-empty ones.
    int c = (va != NULL) - (vb != NULL);
    bool r;
    switch (op) {
    case WF_LT: r = c < 0; break;
    case WF_LE: r = c <= 0; break;
    case WF_EQ: r = c == 0; break;
    case WF_NE: r = c != 0; break;
    case WF_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return wf_bool_from(r);
}

static WfObject *cell_get_contents(WfObject *o, void *c) {
    WfObject *v = wf_cell_get(o);
    if (!v) return wf_err_format(&wf_exc_ValueError, "Cell is empty");
    return v;
}
static int cell_set_contents(WfObject *o, WfObject *v, void *c) {
    wf_cell_set_take(o, wf_xnewref(v));
    return 0;
}

static const WfGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfObject *cell_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames) > 0) return wf_err_format(&wf_exc_TypeError, "cell() takes no keyword arguments");
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "cell expected at most 1 argument, got %zd", (wf_ssize)nargs);
    return wf_cell_new(nargs ? args[0] : NULL);
}

WfTypeObject wf_cell_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "cell",
    .tp_basicsize = sizeof(WfCellObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a new cell object.\n\n  contents\n    the contents of the cell. If not specified, the cell will be empty,\n"
              "    and \n further attempts to access its cell_contents attribute will\n    raise a ValueError.",
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_getattro = wf_object_generic_getattr,
    .tp_richcompare = cell_richcompare,
    .tp_new = cell_tp_new,
    .tp_traverse = cell_traverse,
    .tp_getset = cell_getset,
};
