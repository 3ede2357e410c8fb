// registry.c — the table of native modules importable by name. sys and
// builtins are created at start-up and are listed for builtin_module_names.
#include <stddef.h>

#include "runtime/import.h"

WfObject *wf_time_module_new(void);

const WfBuiltinModule wf_builtin_modules[] = {
    {"time", wf_time_module_new},
    {NULL, NULL},
};

const char *const wf_builtin_module_names[] = {"builtins", "sys", "time", NULL};
