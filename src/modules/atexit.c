// atexit.c — the `atexit` module: callbacks run at normal interpreter exit,
// last registered first, after non-daemon threads have been joined
// (runtime/lifecycle.c calls wf_atexit_run).
//
// Invariant: `cbs.items[0..n)` are the registered callbacks, each owning its
// function, argument tuple and keyword dict (or NULL), guarded by `cbs.lock`.
// The lock is never held while Python code runs: unregister compares a
// snapshot, and running takes one callback out at a time.
#include "modules/atexit.h"

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/mem.h"
#include "sync/mutex.h"

typedef struct {
    WfObject *func, *args, *kwargs;
} Callback;

static struct {
    WfMutex lock;
    Callback *items;
    wf_ssize n, cap;
} cbs;

static void callback_clear(Callback *c) {
    wf_decref(c->func);
    wf_decref(c->args);
    wf_xdecref(c->kwargs);
}

static WfObject *atexit_register(WfObject *m, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs == 0) {
        wf_err_set_string(&wf_exc_TypeError, "register() takes at least 1 argument (0 given)");
        return NULL;
    }
    if (!wf_callable_check(args[0])) {
        wf_err_set_string(&wf_exc_TypeError, "the first argument must be callable");
        return NULL;
    }
    Callback c = {args[0], wf_tuple_from_array(args + 1, (wf_ssize)nargs - 1), NULL};
    if (!c.args) return NULL;
    wf_ssize nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if (nkw > 0) {
        c.kwargs = wf_dict_new();
        for (wf_ssize i = 0; c.kwargs && i < nkw; i++) {
            if (wf_dict_set_item(c.kwargs, wf_tuple_get_borrow(kwnames, i), args[nargs + (size_t)i]) < 0) {
                wf_decref(c.kwargs);
                c.kwargs = NULL;
            }
        }
        if (!c.kwargs) {
            wf_decref(c.args);
            return NULL;
        }
    }
    wf_incref(c.func);
    wf_mutex_lock(&cbs.lock);
    if (cbs.n == cbs.cap) {
        wf_ssize cap = cbs.cap ? cbs.cap * 2 : 16;
        Callback *items = wf_mem_realloc(cbs.items, (size_t)cap * sizeof *items);
        if (!items) {
            wf_mutex_unlock(&cbs.lock);
            callback_clear(&c);
            return wf_err_no_memory();
        }
        cbs.items = items;
        cbs.cap = cap;
    }
    cbs.items[cbs.n++] = c;
    wf_mutex_unlock(&cbs.lock);
    return wf_newref(args[0]);
}

static WfObject *atexit_unregister(WfObject *m, WfObject *func) {
    // Compare a snapshot of the functions outside the lock (__eq__ may run
    // Python code), then drop the matching entries still registered.
    wf_mutex_lock(&cbs.lock);
    wf_ssize n = cbs.n;
    WfObject **funcs = wf_mem_malloc((size_t)(n ? n : 1) * sizeof *funcs);
    if (!funcs) {
        wf_mutex_unlock(&cbs.lock);
        return wf_err_no_memory();
    }
    for (wf_ssize i = 0; i < n; i++) funcs[i] = wf_newref(cbs.items[i].func);
    wf_mutex_unlock(&cbs.lock);
    int err = 0;
    for (wf_ssize i = 0; i < n; i++) {
        int eq = err ? 0 : wf_object_eq(funcs[i], func);
        if (eq < 0) err = 1;
        if (eq <= 0) {
            wf_decref(funcs[i]);
            funcs[i] = NULL;
        }
    }
    Callback *gone = NULL;
    wf_ssize ngone = 0, keep = 0;
    if (!err) {
        wf_mutex_lock(&cbs.lock);
        gone = wf_mem_malloc((size_t)(cbs.n ? cbs.n : 1) * sizeof *gone);
        for (wf_ssize i = 0; gone && i < cbs.n; i++) {
            bool match = false;
            for (wf_ssize j = 0; j < n && !match; j++) match = funcs[j] == cbs.items[i].func;
            if (match) gone[ngone++] = cbs.items[i];
            else cbs.items[keep++] = cbs.items[i];
        }
        if (gone) cbs.n = keep;
        wf_mutex_unlock(&cbs.lock);
        if (!gone) err = 1, wf_err_no_memory();
    }
    for (wf_ssize i = 0; i < ngone; i++) callback_clear(&gone[i]);
    wf_mem_free(gone);
    for (wf_ssize i = 0; i < n; i++) wf_xdecref(funcs[i]);
    wf_mem_free(funcs);
    return err ? NULL : wf_None;
}

void wf_atexit_run(void) {
    for (;;) {
        wf_mutex_lock(&cbs.lock);
        if (cbs.n == 0) {
            wf_mutex_unlock(&cbs.lock);
            return;
        }
        Callback c = cbs.items[--cbs.n];
        wf_mutex_unlock(&cbs.lock);
        WfObject *r = wf_object_call_tuple_dict(c.func, c.args, c.kwargs);
        if (r) wf_decref(r);
        else wf_err_write_unraisable_msg("in atexit callback", c.func);
        callback_clear(&c);
    }
}

static WfObject *atexit_run_exitfuncs(WfObject *m, WfObject *unused) {
    wf_atexit_run();
    return wf_None;
}

static WfObject *atexit_clear(WfObject *m, WfObject *unused) {
    wf_mutex_lock(&cbs.lock);
    Callback *items = cbs.items;
    wf_ssize n = cbs.n;
    cbs.items = NULL;
    cbs.n = cbs.cap = 0;
    wf_mutex_unlock(&cbs.lock);
    for (wf_ssize i = 0; i < n; i++) callback_clear(&items[i]);
    wf_mem_free(items);
    return wf_None;
}

static WfObject *atexit_ncallbacks(WfObject *m, WfObject *unused) {
    wf_mutex_lock(&cbs.lock);
    wf_ssize n = cbs.n;
    wf_mutex_unlock(&cbs.lock);
    return wf_int_from_long_long(n);
}

static const WfMethodDef atexit_functions[] = {
    WF_METHOD("register", atexit_register, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "register(func, *args, **kwargs) -> func\n\n"
              "Register a function to be executed upon normal program termination\n\n"
              "    func - function to be called at exit\n"
              "    args - optional arguments to pass to func\n"
              "    kwargs - optional keyword arguments to pass to func\n\n"
              "    func is returned to facilitate usage as a decorator."),
    WF_METHOD("unregister", atexit_unregister, WF_METH_O,
              "unregister(func) -> None\n\n"
              "Unregister an exit function which was previously registered using\n"
              "atexit.register\n\n"
              "    func - function to be unregistered"),
    WF_METHOD("_run_exitfuncs", atexit_run_exitfuncs, WF_METH_NOARGS,
              "_run_exitfuncs() -> None\n\nRun all registered exit functions.\n\n"
              "If a callback raises an exception, it is logged with sys.unraisablehook."),
    WF_METHOD("_clear", atexit_clear, WF_METH_NOARGS, "_clear() -> None\n\nClear the list of previously registered exit functions."),
    WF_METHOD("_ncallbacks", atexit_ncallbacks, WF_METH_NOARGS,
              "_ncallbacks() -> int\n\nReturn the number of registered exit functions."),
    WF_METHOD_END,
};

static const WfModuleDef atexit_def = {
    .name = "atexit",
    .doc = "allow programmer to define multiple exit functions to be executed\n"
           "upon normal program termination.\n\n"
           "Two public functions, register and unregister, are defined.\n",
    .methods = atexit_functions,
    .gil_not_used = 1,
};

WfObject *wf_atexit_module_new(void) { return wf_module_from_def(&atexit_def); }
