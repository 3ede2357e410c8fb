// module.h — module objects: a namespace dict plus a name. Module dicts are
// deferred-refcounted, read lock-free by LOAD_GLOBAL.
#ifndef WF_MODULE_H
#define WF_MODULE_H

#include "objects/object.h"

typedef struct WfModuleDef WfModuleDef;

typedef struct {
    WfObject ob_base;
    WfObject *dict;          // __dict__
    WfObject *name;          // str
    const WfModuleDef *def;  // native modules, else NULL
    void *state;             // native module state
    int gil_used;            // native module did not declare free-threading support
    int builtin;             // native module: repr "<module 'x' (built-in)>" (set by
                             // wf_module_from_def / wf_module_set_builtin)
} WfModuleObject;

// Native (built-in) module definition. `exec` fills the module dict.
struct WfModuleDef {
    const char *name;
    const char *doc;
    const WfMethodDef *methods;
    int (*exec)(WfObject *module);
    size_t state_size;
    int gil_not_used;        // 1: declares free-threading support (Py_MOD_GIL_NOT_USED)
};

extern WfTypeObject wf_module_type;

WF_INLINE bool wf_module_check(WfObject *o) { return wf_type_check(o, &wf_module_type); }
WfObject *wf_module_new(WfObject *name);                  // sets __name__, __doc__=None, __package__, __loader__, __spec__
WfObject *wf_module_new_cstr(const char *name);
WfObject *wf_module_from_def(const WfModuleDef *def);     // create + add methods + exec
WF_INLINE WfObject *wf_module_dict_borrow(WfObject *m) { return ((WfModuleObject *)m)->dict; }
int wf_module_add_object(WfObject *m, const char *name, WfObject *value);  // steals value
int wf_module_add_int(WfObject *m, const char *name, long long v);
int wf_module_add_str(WfObject *m, const char *name, const char *v);
int wf_module_add_type(WfObject *m, WfTypeObject *t);     // readies t; name after the last '.' of tp_name
// Mark a natively implemented module made with wf_module_new* (sys, builtins, ...)
// so that its repr is "<module 'sys' (built-in)>" like CPython's.
WF_INLINE void wf_module_set_builtin(WfObject *m) { ((WfModuleObject *)m)->builtin = 1; }

#endif
