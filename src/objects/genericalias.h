// genericalias.h — types.GenericAlias (PEP 585), the type of list[int].
// Invariant: an alias's origin and args (a tuple) never change.
#ifndef WF_GENERICALIAS_H
#define WF_GENERICALIAS_H

#include "objects/object.h"

extern WfTypeObject wf_generic_alias_type;

// origin[args]: args is wrapped in a 1-tuple unless it is a tuple.
WfObject *wf_generic_alias_new(WfObject *origin, WfObject *args);
// The body of a builtin type's `__class_getitem__` classmethod (WF_METH_O |
// WF_METH_CLASS): cls[args].
WfObject *wf_generic_alias_class_getitem(WfObject *cls, WfObject *args);
#define WF_CLASS_GETITEM_METHOD \
    WF_METHOD("__class_getitem__", wf_generic_alias_class_getitem, WF_METH_O | WF_METH_CLASS, "See PEP 585")

#endif
