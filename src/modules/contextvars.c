// contextvars.c — the native `_contextvars` module: ContextVar, Token,
// Context, copy_context (PEP 567), with a per-thread current context.
//
// Invariants:
// - A Context's `vars` is a dict {ContextVar: value} that is never mutated
//   once stored in a Context (copy-on-write): ContextVar.set/reset build a new
//   dict and swap the pointer. So copying a Context shares the dict, and a
//   reader holding a reference to a `vars` dict may read it without a lock.
// - `entered` holds the id (wf_current_tid) of the one thread in which the
//   Context is current (WfThreadState.context, or an active Context.run), 0
//   when none; it is taken with a CAS, so a Context is current in at most one
//   thread. Only that thread swaps `vars` and touches `prev`.
// - The swap of `vars` happens inside the Context's critical section. The
//   entering thread reads its own current context's `vars` without the lock
//   (it is the only writer); any other read (mapping protocol, copy) loads and
//   increfs `vars` inside the critical section.
// - A Token's `used` flag is set once, by the thread in which its Context is
//   current (atomic: other threads may read it, e.g. for repr).
#include <stdio.h>

#include "modules/contextvars.h"
#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/genericalias.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "sync/once.h"

typedef struct {
    WfObject ob_base;
    WfObject *vars;              // dict, immutable once stored (see above)
    WfObject *prev;              // context current before run() entered this one, or NULL
    _Atomic(uintptr_t) entered;  // tid of the thread where current, 0 if none
} WfContextObject;

typedef struct {
    WfObject ob_base;
    WfObject *name;           // str
    WfObject *default_value;  // or NULL
} WfContextVarObject;

typedef struct {
    WfObject ob_base;
    WfObject *ctx;        // the Context that was current at set()
    WfObject *var;        // the ContextVar
    WfObject *old_value;  // value before set(), NULL: Token.MISSING
    _Atomic(int) used;
} WfTokenObject;

#define CTX(o) ((WfContextObject *)(o))
#define VAR(o) ((WfContextVarObject *)(o))
#define TOK(o) ((WfTokenObject *)(o))

static WfObject *context_new_with_vars(WfObject *vars) {
    WfObject *o = wf_object_alloc(&wf_context_type);
    if (!o) return NULL;
    CTX(o)->vars = wf_newref(vars);
    CTX(o)->prev = NULL;
    atomic_store_explicit(&CTX(o)->entered, 0, memory_order_relaxed);  // not yet published
    return o;
}

static WfObject *context_new_empty(void) {
    WfObject *vars = wf_dict_new();
    if (!vars) return NULL;
    WfObject *o = context_new_with_vars(vars);
    wf_decref(vars);
    return o;
}

// The calling thread's current context (borrowed), created empty on first use.
static WfObject *current_context(void) {
    WfThreadState *ts = wf_tstate();
    if (ts->context) return ts->context;
    WfObject *ctx = context_new_empty();
    if (!ctx) return NULL;
    // Fresh and unpublished: no other thread can race for it.
    atomic_store_explicit(&CTX(ctx)->entered, ts->tid, memory_order_relaxed);
    ts->context = ctx;
    return ctx;
}

// A new reference to ctx's vars, safe from any thread.
static WfObject *context_vars_new(WfObject *ctx) {
    WfObject *vars;
    WF_BEGIN_CRITICAL_SECTION(ctx);
    vars = wf_newref(CTX(ctx)->vars);
    WF_END_CRITICAL_SECTION();
    return vars;
}

// Replace the vars of ctx, which is current in the calling thread (the only
// writer). Steals new_vars.
static void context_swap_vars_take(WfObject *ctx, WfObject *new_vars) {
    WfObject *old;
    WF_BEGIN_CRITICAL_SECTION(ctx);
    old = CTX(ctx)->vars;
    CTX(ctx)->vars = new_vars;
    WF_END_CRITICAL_SECTION();
    wf_decref(old);
}

// Try to make ctx current in the calling thread. 0, or -1 with RuntimeError.
static int context_enter(WfObject *ctx) {
    WfThreadState *ts = wf_tstate();
    uintptr_t expected = 0;
    // acquire: pairs with the release in context_leave, so the previous
    // entering thread's writes (vars, prev) happen-before ours.
    if (!atomic_compare_exchange_strong_explicit(&CTX(ctx)->entered, &expected, ts->tid, memory_order_acquire,
                                                 memory_order_relaxed)) {
        wf_err_format(&wf_exc_RuntimeError, "cannot enter context: %R is already entered", ctx);
        return -1;
    }
    return 0;
}

static void context_leave(WfObject *ctx) {
    // release: publishes our writes to the next thread that enters ctx.
    atomic_store_explicit(&CTX(ctx)->entered, 0, memory_order_release);
}

// The types are readied on first use: by the module, or by the threads
// area's hooks below, which may run before anything imports _contextvars.
static int ready_types(void *unused);
static WfOnce types_once = WF_ONCE_INIT;

static int ensure_types(void) { return wf_once_call(&types_once, ready_types, NULL); }

// ---------------------------------------------------------------------------
// C API for the threads area

WfObject *wf_contextvars_copy_current(void) {
    if (ensure_types() < 0) return NULL;
    WfObject *ctx = current_context();
    if (!ctx) return NULL;
    return context_new_with_vars(CTX(ctx)->vars);  // we are its only writer
}

int wf_contextvars_set_current_take(WfObject *ctx) {
    if (!wf_type_check_exact(ctx, &wf_context_type)) {
        wf_err_format(&wf_exc_TypeError, "an instance of Context was expected, got %R", ctx);
        wf_decref(ctx);
        return -1;
    }
    if (context_enter(ctx) < 0) {
        wf_decref(ctx);
        return -1;
    }
    wf_contextvars_clear_current();
    wf_tstate()->context = ctx;
    return 0;
}

void wf_contextvars_clear_current(void) {
    WfThreadState *ts = wf_tstate();
    if (!ts || !ts->context) return;
    WfObject *ctx = ts->context;
    ts->context = NULL;
    context_leave(ctx);
    wf_decref(ctx);
}

// ---------------------------------------------------------------------------
// Token.MISSING

static WfObject *missing_repr(WfObject *self) { return wf_str_from_cstr("<Token.MISSING>"); }

static WfTypeObject missing_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "Token.MISSING",
    .tp_basicsize = sizeof(WfObject),
    .tp_repr = missing_repr,
};

static WfObject missing_object = WF_STATIC_HEAD(&missing_type);

// ---------------------------------------------------------------------------
// ContextVar

static int check_var(WfObject *key) {
    if (wf_type_check_exact(key, &wf_contextvar_type)) return 0;
    wf_err_format(&wf_exc_TypeError, "a ContextVar key was expected, got %R", key);
    return -1;
}

static WfObject *contextvar_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    // ContextVar(name, /, *, default=<none>)
    static const WfArgParser parser = {"ContextVar", "O|$O", {"", "default", NULL}};
    WfObject *name = NULL, *dflt = NULL;
    if (nargs > 1)
        return wf_err_format(&wf_exc_TypeError, "ContextVar() takes at most 1 positional argument (%zd given)",
                             (wf_ssize)nargs);
    if (nargs == 0)
        return wf_err_format(&wf_exc_TypeError, "ContextVar() takes exactly 1 positional argument (0 given)");
    if (wf_arg_parse(args, nargs, kwnames, &parser, &name, &dflt) < 0) return NULL;
    if (!wf_str_check(name)) return wf_err_format(&wf_exc_TypeError, "context variable name must be a str");
    WfObject *o = wf_object_alloc(type);
    if (!o) return NULL;
    VAR(o)->name = wf_newref(name);
    VAR(o)->default_value = wf_xnewref(dflt);
    return o;
}

static void contextvar_dealloc(WfObject *self) {
    wf_decref(VAR(self)->name);
    wf_xdecref(VAR(self)->default_value);
    wf_type_of(self)->tp_free(self);
}

static int contextvar_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    if (VAR(self)->default_value && visit(VAR(self)->default_value, arg)) return -1;
    return visit(VAR(self)->name, arg);
}

static WfObject *contextvar_repr(WfObject *self) {
    if (VAR(self)->default_value)
        return wf_str_from_format("<ContextVar name=%R default=%R at %p>", VAR(self)->name, VAR(self)->default_value,
                                  (void *)self);
    return wf_str_from_format("<ContextVar name=%R at %p>", VAR(self)->name, (void *)self);
}

static WfObject *contextvar_get(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("get", nargs, 0, 1) < 0) return NULL;
    WfObject *ctx = wf_tstate()->context;
    if (ctx) {
        WfObject *value;
        // ctx is current here: we are the only thread that swaps its vars.
        int found = wf_dict_get_item_ref(CTX(ctx)->vars, self, &value);
        if (found < 0) return NULL;
        if (found) return value;
    }
    if (nargs == 1) return wf_newref(args[0]);
    if (VAR(self)->default_value) return wf_newref(VAR(self)->default_value);
    wf_err_set_object(&wf_exc_LookupError, self);
    return NULL;
}

static WfObject *token_new(WfObject *ctx, WfObject *var, WfObject *old_value) {
    WfObject *o = wf_object_alloc(&wf_contexttoken_type);
    if (!o) return NULL;
    TOK(o)->ctx = wf_newref(ctx);
    TOK(o)->var = wf_newref(var);
    TOK(o)->old_value = wf_xnewref(old_value);
    atomic_store_explicit(&TOK(o)->used, 0, memory_order_relaxed);  // not yet published
    return o;
}

static WfObject *contextvar_set(WfObject *self, WfObject *value) {
    WfObject *ctx = current_context();
    if (!ctx) return NULL;
    WfObject *vars = CTX(ctx)->vars;  // current here: we are the only writer
    WfObject *old = NULL;
    if (wf_dict_get_item_ref(vars, self, &old) < 0) return NULL;
    WfObject *tok = token_new(ctx, self, old);
    wf_xdecref(old);
    if (!tok) return NULL;
    WfObject *new_vars = wf_dict_copy(vars);
    if (!new_vars || wf_dict_set_item(new_vars, self, value) < 0) {
        wf_xdecref(new_vars);
        wf_decref(tok);
        return NULL;
    }
    context_swap_vars_take(ctx, new_vars);
    return tok;
}

static WfObject *contextvar_reset(WfObject *self, WfObject *token) {
    if (!wf_type_check_exact(token, &wf_contexttoken_type))
        return wf_err_format(&wf_exc_TypeError, "expected an instance of Token, got %R", token);
    if (atomic_load_explicit(&TOK(token)->used, memory_order_relaxed))
        return wf_err_format(&wf_exc_RuntimeError, "%R has already been used once", token);
    if (TOK(token)->var != self)
        return wf_err_format(&wf_exc_ValueError, "%R was created by a different ContextVar", token);
    WfObject *ctx = current_context();
    if (!ctx) return NULL;
    if (TOK(token)->ctx != ctx)
        return wf_err_format(&wf_exc_ValueError, "%R was created in a different Context", token);
    // Only the thread where ctx is current gets here, so `used` has one writer.
    atomic_store_explicit(&TOK(token)->used, 1, memory_order_relaxed);
    WfObject *new_vars = wf_dict_copy(CTX(ctx)->vars);
    if (!new_vars) return NULL;
    int r;
    if (TOK(token)->old_value) {
        r = wf_dict_set_item(new_vars, self, TOK(token)->old_value);
    } else {
        WfObject *gone = NULL;
        r = wf_dict_pop(new_vars, self, &gone);
        wf_xdecref(gone);
    }
    if (r < 0) {
        wf_decref(new_vars);
        return NULL;
    }
    context_swap_vars_take(ctx, new_vars);
    return wf_None;
}

static const WfMethodDef contextvar_methods[] = {
    WF_METHOD("get", contextvar_get, WF_METH_FASTCALL,
              "get($self, default=<unrepresentable>, /)\n--\n\n"
              "Return a value for the context variable for the current context.\n\n"
              "If there is no value for the variable in the current context, the method will:\n"
              " * return the value of the default argument of the method, if provided; or\n"
              " * return the default value for the context variable, if it was created\n"
              "   with one; or\n"
              " * raise a LookupError."),
    WF_METHOD("set", contextvar_set, WF_METH_O,
              "set($self, value, /)\n--\n\n"
              "Call to set a new value for the context variable in the current context.\n\n"
              "The required value argument is the new value for the context variable.\n\n"
              "Returns a Token object that can be used to restore the variable to its previous\n"
              "value via the `ContextVar.reset()` method."),
    WF_METHOD("reset", contextvar_reset, WF_METH_O,
              "reset($self, token, /)\n--\n\n"
              "Reset the context variable.\n\n"
              "The variable is reset to the value it had before the `ContextVar.set()` that\n"
              "created the token was used."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static const WfMemberDef contextvar_members[] = {
    {"name", WF_T_OBJECT, offsetof(WfContextVarObject, name), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

WfTypeObject wf_contextvar_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_contextvars.ContextVar",
    .tp_basicsize = sizeof(WfContextVarObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = contextvar_dealloc,
    .tp_traverse = contextvar_traverse,
    .tp_repr = contextvar_repr,
    .tp_new = contextvar_tp_new,
    .tp_methods = contextvar_methods,
    .tp_members = contextvar_members,
};

// ---------------------------------------------------------------------------
// Token

static WfObject *token_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_err_format(&wf_exc_RuntimeError, "Tokens can only be created by ContextVars");
}

static void token_dealloc(WfObject *self) {
    wf_decref(TOK(self)->ctx);
    wf_decref(TOK(self)->var);
    wf_xdecref(TOK(self)->old_value);
    wf_type_of(self)->tp_free(self);
}

static int token_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    if (visit(TOK(self)->ctx, arg) || visit(TOK(self)->var, arg)) return -1;
    if (TOK(self)->old_value && visit(TOK(self)->old_value, arg)) return -1;
    return 0;
}

static WfObject *token_repr(WfObject *self) {
    int used = atomic_load_explicit(&TOK(self)->used, memory_order_relaxed);
    return wf_str_from_format("<Token%s var=%R at %p>", used ? " used" : "", TOK(self)->var, (void *)self);
}

static WfObject *token_get_var(WfObject *self, void *closure) { return wf_newref(TOK(self)->var); }

static WfObject *token_get_old_value(WfObject *self, void *closure) {
    return wf_newref(TOK(self)->old_value ? TOK(self)->old_value : &missing_object);
}

// Token as a context manager (3.14): `with var.set(v):` resets on exit.
static WfObject *token_enter(WfObject *self, WfObject *unused) { return wf_newref(self); }

static WfObject *token_exit(WfObject *self, WfObject *const *args, size_t nargs) {
    return contextvar_reset(TOK(self)->var, self);
}

static const WfMethodDef token_methods[] = {
    WF_METHOD("__enter__", token_enter, WF_METH_NOARGS, "Enter into Token context manager."),
    WF_METHOD("__exit__", token_exit, WF_METH_FASTCALL, "Exit from Token context manager, restore the linked ContextVar."),
    WF_CLASS_GETITEM_METHOD,
    WF_METHOD_END,
};

static const WfGetSetDef token_getset[] = {
    {"var", token_get_var, NULL, NULL, NULL},
    {"old_value", token_get_old_value, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_contexttoken_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_contextvars.Token",
    .tp_basicsize = sizeof(WfTokenObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_dealloc = token_dealloc,
    .tp_traverse = token_traverse,
    .tp_repr = token_repr,
    .tp_new = token_tp_new,
    .tp_methods = token_methods,
    .tp_getset = token_getset,
};

// ---------------------------------------------------------------------------
// Context

static WfObject *context_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs || (kwnames && wf_tuple_size(kwnames)))
        return wf_err_format(&wf_exc_TypeError, "Context() does not accept any arguments");
    return context_new_empty();
}

static void context_dealloc(WfObject *self) {
    wf_decref(CTX(self)->vars);
    wf_xdecref(CTX(self)->prev);
    wf_type_of(self)->tp_free(self);
}

static int context_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    if (CTX(self)->prev && visit(CTX(self)->prev, arg)) return -1;
    return visit(CTX(self)->vars, arg);
}

static WfObject *context_run(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs < 1) return wf_err_format(&wf_exc_TypeError, "run() missing 1 required positional argument");
    if (context_enter(self) < 0) return NULL;
    WfThreadState *ts = wf_tstate();
    CTX(self)->prev = ts->context;  // steals the thread's reference
    ts->context = wf_newref(self);
    WfObject *res = wf_object_call(args[0], args + 1, nargs - 1, kwnames);
    ts->context = CTX(self)->prev;
    CTX(self)->prev = NULL;
    context_leave(self);
    wf_decref(self);  // the reference ts->context held
    return res;
}

static WfObject *context_copy(WfObject *self, WfObject *unused) {
    WfObject *vars = context_vars_new(self);
    WfObject *o = context_new_with_vars(vars);
    wf_decref(vars);
    return o;
}

static WfObject *context_getitem(WfObject *self, WfObject *key) {
    if (check_var(key) < 0) return NULL;
    WfObject *vars = context_vars_new(self), *value = NULL;
    int found = wf_dict_get_item_ref(vars, key, &value);
    wf_decref(vars);
    if (found == 0) wf_err_set_object(&wf_exc_KeyError, key);
    return found > 0 ? value : NULL;
}

static int context_contains(WfObject *self, WfObject *key) {
    if (check_var(key) < 0) return -1;
    WfObject *vars = context_vars_new(self);
    int r = wf_dict_contains(vars, key);
    wf_decref(vars);
    return r;
}

static wf_ssize context_len(WfObject *self) {
    WfObject *vars = context_vars_new(self);
    wf_ssize n = wf_dict_size(vars);
    wf_decref(vars);
    return n;
}

static WfObject *context_get(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
    if (check_var(args[0]) < 0) return NULL;
    WfObject *vars = context_vars_new(self), *value = NULL;
    int found = wf_dict_get_item_ref(vars, args[0], &value);
    wf_decref(vars);
    if (found < 0) return NULL;
    return found ? value : wf_newref(nargs > 1 ? args[1] : wf_None);
}

// Iteration and views work on the snapshot of vars taken now (a dict that is
// never mutated), so they are safe while the context changes.
static WfObject *context_iter(WfObject *self) {
    WfObject *vars = context_vars_new(self);
    WfObject *it = wf_object_get_iter(vars);
    wf_decref(vars);
    return it;
}

static WfObject *context_view(WfObject *self, WfTypeObject *view_type) {
    WfObject *vars = context_vars_new(self);
    WfObject *v = wf_dict_views_new(vars, view_type);
    wf_decref(vars);
    return v;
}

static WfObject *context_keys(WfObject *self, WfObject *unused) { return context_view(self, &wf_dict_keys_type); }
static WfObject *context_values(WfObject *self, WfObject *unused) { return context_view(self, &wf_dict_values_type); }
static WfObject *context_items(WfObject *self, WfObject *unused) { return context_view(self, &wf_dict_items_type); }

static WfObject *context_richcompare(WfObject *self, WfObject *other, int op) {
    if ((op != WF_EQ && op != WF_NE) || !wf_type_check_exact(other, &wf_context_type)) return wf_NotImplemented;
    WfObject *a = context_vars_new(self), *b = context_vars_new(other);
    WfObject *res = wf_object_richcompare(a, b, op);
    wf_decref(a);
    wf_decref(b);
    return res;
}

static const WfMethodDef context_methods[] = {
    WF_METHOD("run", context_run, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "run($self, callable, /, *args, **kwargs)\n--\n\n"
              "Execute callable(*args, **kwargs) code in the context object."),
    WF_METHOD("copy", context_copy, WF_METH_NOARGS, "copy($self, /)\n--\n\nReturn a shallow copy of the context object."),
    WF_METHOD("get", context_get, WF_METH_FASTCALL,
              "get($self, key, default=None, /)\n--\n\n"
              "Return the value for `key` if `key` has the value in the context object.\n\n"
              "If `key` does not exist, return `default`. If `default` is not given,\n"
              "return None."),
    WF_METHOD("keys", context_keys, WF_METH_NOARGS,
              "keys($self, /)\n--\n\nReturn a list of all variables in the context object."),
    WF_METHOD("values", context_values, WF_METH_NOARGS,
              "values($self, /)\n--\n\nReturn a list of all variables' values in the context object."),
    WF_METHOD("items", context_items, WF_METH_NOARGS,
              "items($self, /)\n--\n\nReturn all variables and their values in the context object.\n\n"
              "The result is returned as a list of 2-tuples (variable, value)."),
    WF_METHOD_END,
};

WfTypeObject wf_context_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_contextvars.Context",
    .tp_basicsize = sizeof(WfContextObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_MAPPING,
    .tp_dealloc = context_dealloc,
    .tp_traverse = context_traverse,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = context_richcompare,
    .tp_iter = context_iter,
    .tp_new = context_tp_new,
    .tp_getitem = context_getitem,
    .tp_len = context_len,
    .tp_contains = context_contains,
    .tp_methods = context_methods,
};

// ---------------------------------------------------------------------------
// The module

static WfObject *contextvars_copy_context(WfObject *module, WfObject *unused) { return wf_contextvars_copy_current(); }

static const WfMethodDef contextvars_functions[] = {
    WF_METHOD("copy_context", contextvars_copy_context, WF_METH_NOARGS, "copy_context($module, /)\n--\n\n"),
    WF_METHOD_END,
};

static int ready_types(void *unused) {
    if (wf_type_ready(&missing_type) < 0 || wf_type_ready(&wf_context_type) < 0 ||
        wf_type_ready(&wf_contextvar_type) < 0 || wf_type_ready(&wf_contexttoken_type) < 0)
        return -1;
    if (wf_dict_set_item_cstr(wf_contexttoken_type.tp_dict, "MISSING", &missing_object) < 0) return -1;
    wf_type_modified(&wf_contexttoken_type);
    return 0;
}

static int contextvars_exec(WfObject *m) {
    if (ensure_types() < 0) return -1;
    if (wf_module_add_type(m, &wf_context_type) < 0 || wf_module_add_type(m, &wf_contextvar_type) < 0 ||
        wf_module_add_type(m, &wf_contexttoken_type) < 0)
        return -1;
    return 0;
}

static const WfModuleDef contextvars_def = {
    .name = "_contextvars",
    .doc = "Context Variables",
    .methods = contextvars_functions,
    .exec = contextvars_exec,
    .gil_not_used = 1,
};

WfObject *wf_contextvars_module_new(void) { return wf_module_from_def(&contextvars_def); }
