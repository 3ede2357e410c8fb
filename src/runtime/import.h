// import.h — the import system: builtins.__import__, native module registry,
// frozen stdlib (lib/), and .py files on sys.path.
#ifndef WF_IMPORT_H
#define WF_IMPORT_H

#include "objects/object.h"

// __import__(name, globals=None, locals=None, fromlist=(), level=0)
WfObject *wf_import_import(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);
// import a module by absolute dotted name; returns the leaf module.
WfObject *wf_import_module(WfObject *name);
WfObject *wf_import_module_cstr(const char *name);
// Find the source of a module without executing it (for -m).
WfObject *wf_import_find_source(WfObject *name, WfObject **filename);

typedef struct {
    const char *name;
    WfObject *(*create)(void);   // returns a new module object
} WfBuiltinModule;
extern const WfBuiltinModule wf_builtin_modules[];   // modules/registry.c, NULL-terminated
extern const char *const wf_builtin_module_names[];

#endif
