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

// ---------------------------------------------------------------------------
// Declarations added by the type system area (owner: typeobject.c and friends).

// Instances of heap types (classes) carry a 16-byte pre-header in front of
// the object header: [0] the managed __dict__ pointer, [1] the weak-reference
// list. wf_object_alloc* allocates it and wf_object_free frees from its start
// when the type has this flag. tp_dictoffset == WF_MANAGED_DICT_OFFSET and
// tp_weaklistoffset == WF_MANAGED_WEAKLIST_OFFSET then point into it, so
// `(char *)o + tp_dictoffset` is the dict slot for every kind of layout.
#define WF_TPFLAGS_PREHEADER (1ULL << 12)
#define WF_PREHEADER_SIZE 16
#define WF_MANAGED_DICT_OFFSET (-16)
#define WF_MANAGED_WEAKLIST_OFFSET (-8)

// The object a class statement or type(name, bases, dict) creates: a type
// plus storage for the slots a class may fill.
typedef struct {
    WfTypeObject type;
    WfNumberMethods as_number;
    WfObject *slots;           // tuple of __slots__ names (mangled) or NULL
    WfMemberDef *members;      // member descriptors of __slots__ (NULL-terminated) or NULL
    WfGetSetDef getset[3];     // __dict__ / __weakref__ descriptors as needed
} WfHeapTypeObject;

WF_INLINE bool wf_type_is_heap(WfTypeObject *t) { return (t->tp_flags & WF_TPFLAGS_HEAPTYPE) != 0; }

// AttributeError "'C' object has no attribute 'x'" with .name and .obj set. Returns NULL.
WfObject *wf_object_attribute_error(WfObject *o, WfObject *name);
// object.__getattribute__ without creating AttributeError when missing:
// returns NULL with no exception set if the attribute does not exist.
WfObject *wf_object_generic_getattr_suppress(WfObject *o, WfObject *name);
// Look up a special method on type(o) (skipping the instance) and bind it;
// new ref, NULL without exception when absent.
WfObject *wf_object_lookup_special(WfObject *o, WfObject *name);
// Call the special method `name` looked up on type(self): self.name(*args).
// *found = 0 (and NULL returned, no exception) when the type lacks it.
WfObject *wf_object_call_special(WfObject *self, WfObject *name, WfObject *const *args, size_t nargs, int *found);
// The module name of a type (`__module__`), new ref: "builtins" for plain static types.
WfObject *wf_type_module(WfTypeObject *t);
// Pointer hash used by object.__hash__ (CPython's _Py_HashPointer).
intptr_t wf_hash_pointer(const void *p);
// type.__subclasses__() as a new list.
WfObject *wf_type_subclasses(WfTypeObject *t);
// For LOAD_SUPER_ATTR: getattr(super(type, obj), name). When `method` is not
// NULL and the attribute is a method descriptor found on the class, returns
// it unbound and sets *method = 1 (the caller passes obj as first argument).
WfObject *wf_super_lookup(WfTypeObject *type, WfObject *obj, WfObject *name, int *method);
// A read-only view of a mapping (types.MappingProxyType; type(C.__dict__)).
extern WfTypeObject wf_mappingproxy_type;
WfObject *wf_mappingproxy_new(WfObject *mapping);
// types.UnionType (int | str): the nb_or of type; NotImplemented unless both
// operands are None, types, generic aliases or unions.
extern WfTypeObject wf_union_type;
WfObject *wf_union_type_or(WfObject *a, WfObject *b);

#endif
