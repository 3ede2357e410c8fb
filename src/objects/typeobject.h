// typeobject.h — the `type` type: readying static types, creating classes,
// MRO (C3), attribute lookup through the MRO with a per-type version tag,
// slot wrappers (dunder methods of builtins) and slot functions (builtin
// operations dispatching to a class's dunder methods).
//
// Invariants:
// - A ready type has tp_mro (tuple, self first), tp_dict (dict) and a nonzero
//   tp_version_tag unless a lookup-affecting change invalidated it (then 0
//   until the next lookup assigns a fresh one). Assigning a class attribute or
//   changing __bases__ invalidates the tag of the type and all its subclasses.
// - Static types are immortal; heap types (classes) are deferred-refcounted.
#ifndef WF_TYPEOBJECT_H
#define WF_TYPEOBJECT_H

#include "objects/object.h"

WF_INLINE bool wf_type_check_type(WfObject *o) {
    return !wf_is_smallint(o) && wf_type_has_flag(o->ob_type, WF_TPFLAGS_TYPE_SUBCLASS);
}

int wf_type_ready(WfTypeObject *t);      // idempotent; fills dict, mro, inherited slots
// Look `name` up along the MRO without calling descriptors. Borrowed result
// (valid while the type's version tag is unchanged), NULL if absent (no
// exception). Lock-free per-type cache keyed by version tag.
WfObject *wf_type_lookup(WfTypeObject *t, WfObject *name);
// Like wf_type_lookup but returns a new reference (safe against concurrent class mutation).
WfObject *wf_type_lookup_ref(WfTypeObject *t, WfObject *name);
uint32_t wf_type_version(WfTypeObject *t);   // assigns a tag if needed; 0 if none can be assigned
void wf_type_modified(WfTypeObject *t);       // invalidate tag of t and subclasses
const char *wf_type_name(WfTypeObject *t);    // short name ("int", "MyClass") — borrowed
WfObject *wf_type_qualname(WfTypeObject *t);  // new ref
// type(name, bases, dict) / class creation; `kwds` for __init_subclass__ (may be NULL).
WfObject *wf_type_new_from_spec(WfTypeObject *metatype, WfObject *name, WfObject *bases, WfObject *dict, WfObject *kwds);
WfObject *wf_type_generic_alloc(WfTypeObject *t, wf_ssize nitems);  // for tp_new of subclassable types
// object.__new__ and object.__init__ behaviour, shared with subclasses.
WfObject *wf_type_generic_new(WfTypeObject *t, WfObject *const *args, size_t nargs, WfObject *kwnames);
// __build_class__(func, name, *bases, metaclass=..., **kwds)
WfObject *wf_type_build_class(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);
// super(): the zero-argument form asks the VM for the current frame's
// __class__ cell and first argument (vm/frame.h: wf_frame_super_args).
extern WfTypeObject wf_super_type;

#endif
