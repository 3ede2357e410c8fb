// gc.c — the `gc` module. weft has no cycle collector yet; what `gc`
// controls today is the deferred sweep (runtime/deferred.h), which frees the
// objects that became shared-deferred once nothing references them:
// collect() runs it, disable()/enable() turn its automatic runs off and on.
// Thresholds are remembered for get_threshold() and otherwise unused.
// Module state: the thresholds, read and written with relaxed atomics (each
// value is independent; a reader may see a mix of two set_threshold calls,
// as it may in CPython's free-threaded build).
#include "objects/arg.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/tuple.h"
#include "runtime/deferred.h"
#include "runtime/error.h"

static long long thresholds[3] = {2000, 10, 0};  // CPython 3.14's defaults

static WfObject *gc_collect(WfObject *m, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"collect", "|O", {"generation", NULL}};
    WfObject *gen = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &gen) < 0) return NULL;
    if (gen) {
        long long g = wf_int_as_long_long(gen);
        if (g == -1 && wf_err_occurred()) return NULL;
        if (g < 0 || g > 2) {
            wf_err_set_string(&wf_exc_ValueError, "invalid generation");
            return NULL;
        }
    }
    // Twice: an object freed by the first sweep may have been the last
    // counted holder of another shared object.
    wf_ssize n = wf_deferred_sweep();
    n += wf_deferred_sweep();
    return wf_int_from_long_long(n);
}

static WfObject *gc_enable(WfObject *m, WfObject *unused) {
    wf_deferred_set_automatic(true);
    return wf_None;
}

static WfObject *gc_disable(WfObject *m, WfObject *unused) {
    wf_deferred_set_automatic(false);
    return wf_None;
}

static WfObject *gc_isenabled(WfObject *m, WfObject *unused) {
    return wf_deferred_automatic() ? wf_True : wf_False;
}

static WfObject *gc_get_threshold(WfObject *m, WfObject *unused) {
    WfObject *a = wf_int_from_long_long(__atomic_load_n(&thresholds[0], __ATOMIC_RELAXED));
    WfObject *b = wf_int_from_long_long(__atomic_load_n(&thresholds[1], __ATOMIC_RELAXED));
    WfObject *c = wf_int_from_long_long(__atomic_load_n(&thresholds[2], __ATOMIC_RELAXED));
    WfObject *r = (a && b && c) ? wf_tuple_pack(3, a, b, c) : NULL;
    wf_xdecref(a);
    wf_xdecref(b);
    wf_xdecref(c);
    return r;
}

static WfObject *gc_set_threshold(WfObject *m, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("set_threshold", nargs, 1, 3) < 0) return NULL;
    long long v[3];
    for (size_t i = 0; i < nargs; i++) {
        v[i] = wf_int_as_long_long(args[i]);
        if (v[i] == -1 && wf_err_occurred()) return NULL;
    }
    for (size_t i = 0; i < nargs; i++) __atomic_store_n(&thresholds[i], v[i], __ATOMIC_RELAXED);
    return wf_None;
}

static WfObject *gc_get_count(WfObject *m, WfObject *unused) {
    WfObject *z = wf_smallint_new(0);
    return wf_tuple_pack(3, z, z, z);
}

static const WfMethodDef gc_functions[] = {
    WF_METHOD("collect", gc_collect, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "collect($module, /, generation=2)\n--\n\nRun the garbage collector.\n\n"
              "With no arguments, run a full collection.  The optional argument\n"
              "may be an integer specifying which generation to collect.  A ValueError\n"
              "is raised if the generation number is invalid.\n\n"
              "The number of unreachable objects is returned."),
    WF_METHOD("enable", gc_enable, WF_METH_NOARGS, "enable($module, /)\n--\n\nEnable automatic garbage collection."),
    WF_METHOD("disable", gc_disable, WF_METH_NOARGS, "disable($module, /)\n--\n\nDisable automatic garbage collection."),
    WF_METHOD("isenabled", gc_isenabled, WF_METH_NOARGS,
              "isenabled($module, /)\n--\n\nReturns true if automatic garbage collection is enabled."),
    WF_METHOD("get_threshold", gc_get_threshold, WF_METH_NOARGS,
              "get_threshold($module, /)\n--\n\nReturn the current collection thresholds."),
    WF_METHOD("set_threshold", gc_set_threshold, WF_METH_FASTCALL,
              "set_threshold(threshold0, [threshold1, [threshold2]])\n"
              "Set the collection thresholds (the collection frequency).\n\n"
              "Setting 'threshold0' to zero disables collection.\n"),
    WF_METHOD("get_count", gc_get_count, WF_METH_NOARGS,
              "get_count($module, /)\n--\n\nReturn a three-tuple of the current collection counts."),
    WF_METHOD_END,
};

static int gc_exec(WfObject *m) {
    WfObject *garbage = wf_list_new(0);
    if (!garbage || wf_module_add_object(m, "garbage", garbage) < 0) return -1;
    WfObject *callbacks = wf_list_new(0);
    if (!callbacks || wf_module_add_object(m, "callbacks", callbacks) < 0) return -1;
    if (wf_module_add_int(m, "DEBUG_STATS", 1) < 0 || wf_module_add_int(m, "DEBUG_COLLECTABLE", 2) < 0 ||
        wf_module_add_int(m, "DEBUG_UNCOLLECTABLE", 4) < 0 || wf_module_add_int(m, "DEBUG_SAVEALL", 32) < 0 ||
        wf_module_add_int(m, "DEBUG_LEAK", 38) < 0)
        return -1;
    return 0;
}

static const WfModuleDef gc_def = {
    .name = "gc",
    .doc = "This module provides access to the garbage collector for reference cycles.",
    .methods = gc_functions,
    .exec = gc_exec,
    .gil_not_used = 1,
};

WfObject *wf_gc_module_new(void) { return wf_module_from_def(&gc_def); }
