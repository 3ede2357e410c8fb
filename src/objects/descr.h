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

#endif
