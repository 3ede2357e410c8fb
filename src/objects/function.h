// function.h — Python function objects, builtin (C) functions, bound methods
// and cells.
//
// Invariants:
// - A function's code, globals and builtins are fixed at creation; defaults,
//   kwdefaults, closure, annotations, dict, name, qualname, doc may be replaced
//   by Python code (under the function's critical section once threads exist).
// - Functions created at module level (and classes, modules, code objects) are
//   deferred-refcounted (WF_GC_DEFERRED).
// - A builtin function holds its WfMethodDef (static storage) and `self`
//   (module for module functions, the bound object for methods of builtins).
#ifndef WF_FUNCTION_H
#define WF_FUNCTION_H

#include "objects/object.h"
#include "objects/code.h"

typedef struct {
    WfObject ob_base;
    WfObject *code;         // WfCodeObject
    WfObject *globals;      // dict
    WfObject *builtins;     // dict
    WfObject *name, *qualname;  // str
    WfObject *defaults;     // tuple or NULL
    WfObject *kwdefaults;   // dict or NULL
    WfObject *closure;      // tuple of cells or NULL
    WfObject *doc;          // any or NULL (None)
    WfObject *dict;         // __dict__ or NULL
    WfObject *module;       // __module__
    WfObject *annotations;  // dict or NULL
    uint32_t version;       // for call caches; 0 = invalid
} WfFunctionObject;

typedef struct {
    WfObject ob_base;
    const WfMethodDef *def;
    WfObject *self;         // module or bound object, may be NULL
    WfObject *module;       // __module__ (str) or NULL
    WfCallFunc vectorcall;  // dispatcher for def->flags
} WfBuiltinFunctionObject;

typedef struct {
    WfObject ob_base;
    WfObject *func;         // callable
    WfObject *self;
} WfMethodObject;

typedef struct {
    WfObject ob_base;
    WfObject *ref;          // contents or NULL (empty)
} WfCellObject;

extern WfTypeObject wf_function_type, wf_builtin_function_type, wf_method_type, wf_cell_type;

WF_INLINE bool wf_function_check(WfObject *o) { return !wf_is_smallint(o) && o->ob_type == &wf_function_type; }
WfObject *wf_function_new(WfObject *code, WfObject *globals, WfObject *qualname);  // NULL qualname: code's
WfObject *wf_builtin_function_new(const WfMethodDef *def, WfObject *self, WfObject *module);
WfObject *wf_method_new(WfObject *func, WfObject *self);
WfObject *wf_cell_new(WfObject *contents);  // contents may be NULL

// Add each entry of a NULL-terminated method table to dict `d` as builtin
// functions bound to `self` (module functions).
int wf_function_add_methods(WfObject *d, const WfMethodDef *defs, WfObject *self, WfObject *module_name);

// Call a WfMethodDef's C function with the vectorcall convention (checks
// argument counts for NOARGS / O: "len() takes exactly one argument (0 given)").
WfObject *wf_builtin_call(const WfMethodDef *def, WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);

// --- added by the VM area ---
// The builtins dict a function created in `globals` uses: globals['__builtins__']
// (module → its dict, or a dict), else the runtime's builtins dict. Borrowed.
WfObject *wf_function_builtins_from_globals(WfObject *globals);
// Cell contents: new reference or NULL (empty; no exception). Set steals value
// (NULL empties the cell).
WfObject *wf_cell_get(WfObject *cell);
void wf_cell_set_take(WfObject *cell, WfObject *value);
WF_INLINE WfObject *wf_cell_get_borrow(WfObject *cell) { return ((WfCellObject *)cell)->ref; }
// Mark a function (or module-level builtin) deferred-refcounted, adding the
// one reference held on behalf of stacks that borrow it (released by the GC).
void wf_function_set_deferred(WfObject *f);
// tp_call of bound methods (prepends self).
WfObject *wf_method_vectorcall(WfObject *m, WfObject *const *args, size_t nargs, WfObject *kwnames);

#endif
