// descr.h — descriptors: method descriptors of builtin types, slot wrappers,
// member and getset descriptors, classmethod, staticmethod, property.
// Invariant: descriptors are immutable after creation (property's getter etc.
// are fixed; .setter() returns a new property).
#ifndef WF_DESCR_H
#define WF_DESCR_H

#include "objects/object.h"

typedef struct {
    WfObject ob_base;
    WfTypeObject *type;    // owning type (borrowed: types outlive their descriptors)
    WfObject *name;        // str
    const void *def;       // WfMethodDef / WfMemberDef / WfGetSetDef / slot wrapper def
} WfDescrObject;

typedef struct {
    WfObject ob_base;
    WfObject *callable;
    WfObject *dict;
} WfStaticOrClassMethodObject;

typedef struct {
    WfObject ob_base;
    WfObject *fget, *fset, *fdel, *doc, *name;
    int getter_doc;
} WfPropertyObject;

extern WfTypeObject wf_method_descr_type, wf_classmethod_descr_type, wf_member_descr_type,
    wf_getset_descr_type, wf_wrapper_descr_type, wf_method_wrapper_type,
    wf_staticmethod_type, wf_classmethod_type, wf_property_type;

WfObject *wf_descr_new_method(WfTypeObject *type, const WfMethodDef *def);
WfObject *wf_descr_new_classmethod(WfTypeObject *type, const WfMethodDef *def);
WfObject *wf_descr_new_member(WfTypeObject *type, const WfMemberDef *def);
WfObject *wf_descr_new_getset(WfTypeObject *type, const WfGetSetDef *def);
WfObject *wf_staticmethod_new(WfObject *callable);
WfObject *wf_classmethod_new(WfObject *callable);

// ---------------------------------------------------------------------------
// Declarations added by the type system area.

// A slot wrapper calls a C slot of a builtin type with Python arguments:
// wrapper(self, args, nargs, kwnames, wrapped) where `wrapped` is the slot's
// C function.
typedef WfObject *(*WfWrapperFunc)(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames,
                                   void *wrapped);

// One entry of the slot table (objects/typeslots.c): a dunder name and the
// type slot it corresponds to. Entries sharing a slot are adjacent.
typedef struct WfSlotDef {
    const char *name;        // "__add__"
    int offset;              // byte offset of the slot in WfTypeObject, or in WfNumberMethods if `number`
    int number;
    void *function;          // slot function for classes (looks the dunder up and calls it)
    WfWrapperFunc wrapper;   // NULL: no slot wrapper is exposed (e.g. __getattr__)
    const char *doc;         // CPython's "__add__($self, value, /)\n--\n\nReturn self+value."
    int flags;               // WF_SLOTDEF_*
    WfObject *name_obj;      // interned name, filled at startup
} WfSlotDef;
#define WF_SLOTDEF_KEYWORDS 1  // the wrapper accepts keyword arguments (__call__, __init__)

typedef struct {
    WfDescrObject base;      // base.def is the WfSlotDef
    void *wrapped;
} WfWrapperDescrObject;

typedef struct {
    WfObject ob_base;
    WfWrapperDescrObject *descr;
    WfObject *self;
} WfMethodWrapperObject;

WfObject *wf_descr_new_wrapper(WfTypeObject *type, const WfSlotDef *def, void *wrapped);
// Split a CPython-style docstring "name(sig)\n--\n\nbody": the body as a str
// (or None when doc is NULL), and the text signature "(sig)" or None.
WfObject *wf_descr_doc_from_internal(const char *name, const char *doc);
WfObject *wf_descr_text_signature_from_internal(const char *name, const char *doc);
// Generic __dict__ getset helpers for types with a tp_dictoffset.
WfObject *wf_object_generic_get_dict(WfObject *o, void *closure);
int wf_object_generic_set_dict(WfObject *o, WfObject *value, void *closure);

#endif
