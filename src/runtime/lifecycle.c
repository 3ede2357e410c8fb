// lifecycle.c — start-up in a fixed order (types before the objects that need
// them; builtins and sys last) and orderly shutdown. Invariant: after
// wf_runtime_initialize returns 0, wf_runtime.{modules,builtins,sys} are set
// and the calling thread is attached.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/atexit.h"
#include "modules/signal.h"
#include "objects/dict.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "runtime/deferred.h"
#include "runtime/error.h"
#include "runtime/lifecycle.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"

static int fail(const char *what) {
    fprintf(stderr, "Fatal Python error: %s\n", what);
    if (wf_tstate() && wf_err_occurred()) wf_err_print();
    return -1;
}

int wf_runtime_initialize(const WfConfig *config, int argc, char **argv) {
    if (!wf_thread_state_new_current()) return fail("cannot allocate the main thread state");
    wf_runtime.gil_flag = config->gil;
    wf_runtime.gil_enabled = config->gil == 1;
    wf_runtime.flag_ignore_environment = config->ignore_environment;
    wf_runtime.flag_isolated = config->isolated;
    wf_runtime.flag_unbuffered = config->unbuffered;
    wf_runtime.flag_quiet = config->quiet;
    wf_runtime.flag_no_user_site = config->no_user_site;
    wf_runtime.flag_dont_write_bytecode = config->dont_write_bytecode;
    wf_runtime.flag_optimize = config->optimize;
    wf_runtime.flag_verbose = config->verbose;
    wf_runtime.flag_inspect = config->inspect;
    wf_runtime.flag_safe_path = config->safe_path;
    wf_runtime.program_name = config->program_name;
    wf_runtime.hash_randomization = !(config->hashseed && strcmp(config->hashseed, "0") == 0);
    wf_hash_init(config->hashseed);
    // The threads runtime needs the GIL mode and switch interval set above.
    if (wf_threads_runtime_init() < 0) return fail("threads runtime initialization failed");

    if (wf_typesystem_init() < 0) return fail("type system initialization failed");
    if (wf_strings_init() < 0) return fail("str initialization failed");
    if (wf_numbers_init() < 0) return fail("int/float initialization failed");
    if (wf_containers_init() < 0) return fail("container initialization failed");
    if (wf_exceptions_init() < 0) return fail("exception initialization failed");
    if (wf_vm_init() < 0) return fail("VM initialization failed");
    // -X int_max_str_digits wins over PYTHONINTMAXSTRDIGITS (read by the numbers).
    if (config->int_max_str_digits_set) wf_int_set_max_str_digits(config->int_max_str_digits);
    wf_sys_set_flag_int_max_str_digits(config->int_max_str_digits_set ? config->int_max_str_digits : -1);
    // After the VM (the main thread's eval breaker) and before any Python code.
    if (wf_signal_init(!config->no_signal_handlers) < 0) return fail("can't initialize signals");

    wf_runtime.modules = wf_dict_new();
    if (!wf_runtime.modules) return fail("cannot create sys.modules");
    wf_object_set_immortal(wf_runtime.modules);

    WfObject *builtins = wf_builtins_module_new();
    if (!builtins) return fail("cannot create the builtins module");
    wf_runtime.builtins = builtins;
    wf_runtime.builtins_dict = wf_module_dict_borrow(builtins);
    if (wf_dict_set_item_cstr(wf_runtime.modules, "builtins", builtins) < 0) return fail("sys.modules");

    WfObject *sys = wf_sys_module_new(argc, argv);
    if (!sys) return fail("cannot create the sys module");
    wf_runtime.sys = sys;
    wf_runtime.sys_dict = wf_module_dict_borrow(sys);
    if (wf_dict_set_item_cstr(wf_runtime.modules, "sys", sys) < 0) return fail("sys.modules");
    if (wf_io_init_std_streams(sys) < 0) return fail("cannot create sys.stdout/stderr/stdin");
    return 0;
}

static void flush_stream(const char *name) {
    WfObject *f = wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, name);
    if (!f || f == wf_None) return;
    WfObject *r = wf_object_call_method_cstr(f, "flush", NULL, 0);
    if (r) wf_decref(r);
    else wf_err_clear();
}

static void count_thread(WfThreadState *ts, void *arg) { ++*(int *)arg; }

// Whether the calling thread is the only one left (no daemon thread runs).
static bool alone(void) {
    int n = 0;
    wf_stop_the_world();
    wf_stw_visit_threads(count_thread, &n);
    wf_start_the_world();
    return n <= 1;
}

// Release the module's values in the dict's order (as CPython 3.11 does
// when __main__'s dict is freed at exit), setting every name but
// __builtins__ to None, so that the objects only the module held are
// finalized (their __del__ runs) while the interpreter still works.
static void clear_module_dict(WfObject *d) {
    wf_ssize pos = 0;
    WfObject *k, *v;
    while (wf_dict_next(d, &pos, &k, &v)) {
        if (v == wf_None || !wf_str_check(k)) continue;
        const char *s = wf_str_as_utf8_borrow(k);
        if (!s) {
            wf_err_clear();
            continue;
        }
        if (strcmp(s, "__builtins__") != 0 && wf_dict_set_item(d, k, wf_None) < 0) wf_err_write_unraisable(NULL);
    }
}

// Tear down __main__ so that its objects are finalized as in CPython (a file
// a script never closed is flushed, __del__ methods run). Only when no other
// thread is left: a daemon thread still running would see its globals
// vanish (CPython freezes daemon threads first; weft does not yet).
static void finalize_main_module(void) {
    if (!wf_runtime.modules || !alone()) return;
    WfObject *main_mod = wf_dict_get_item_cstr_borrow(wf_runtime.modules, "__main__");
    if (!main_mod || !wf_module_check(main_mod)) {
        wf_err_clear();
        return;
    }
    // No other thread, and no Python frame runs: no stack holds an uncounted
    // reference, so shared objects go back to plain reference counting and
    // are freed exactly when the module lets go of them.
    if (!wf_tstate() || !wf_tstate()->current_frame) wf_deferred_unshare_all();
    wf_incref(main_mod);
    clear_module_dict(wf_module_dict_borrow(main_mod));
    wf_decref(main_mod);
    if (wf_err_occurred()) wf_err_write_unraisable(NULL);
}

int wf_runtime_finalize(int status) {
    extern int wf_threads_join_non_daemon(void);
    wf_threads_join_non_daemon();
    wf_atexit_run();  // as CPython: after threading's shutdown, before teardown
    if (wf_runtime.sys_dict) {
        flush_stream("stdout");
        flush_stream("stderr");
    }
    finalize_main_module();
    wf_runtime.finalizing = 1;
    if (wf_runtime.sys_dict) {
        flush_stream("stdout");
        flush_stream("stderr");
    }
    fflush(stdout);
    fflush(stderr);
    return status;
}

// Weak default until the threading module provides the real one.
__attribute__((weak)) int wf_threads_join_non_daemon(void) { return 0; }
