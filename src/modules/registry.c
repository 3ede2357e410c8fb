// registry.c — the table of native modules importable by name. sys and
// builtins are created at start-up and are listed for builtin_module_names.
#include <stddef.h>

#include "runtime/import.h"

WfObject *wf_time_module_new(void);
WfObject *wf_thread_module_new(void);
WfObject *wf_contextvars_module_new(void);  // modules/contextvars.c
WfObject *wf_os_module_new(void);            // modules/os.c
WfObject *wf_gc_module_new(void);            // modules/gc.c
WfObject *wf_atexit_module_new(void);        // modules/atexit.c
WfObject *wf_signal_module_new(void);        // modules/signal.c

const WfBuiltinModule wf_builtin_modules[] = {
    {"time", wf_time_module_new},
    {"_thread", wf_thread_module_new},
    {"_contextvars", wf_contextvars_module_new},
    {"os", wf_os_module_new},
    {"gc", wf_gc_module_new},
    {"atexit", wf_atexit_module_new},
    {"_signal", wf_signal_module_new},
    {NULL, NULL},
};

const char *const wf_builtin_module_names[] = {"_contextvars", "_signal", "_thread", "atexit", "builtins", "gc", "os", "sys", "time", NULL};
