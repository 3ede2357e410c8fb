// typeobject_internal.h — private interface between the files of the type
// system (object.c, typeobject.c, typecreate.c, typeslots.c, descr.c, super.c).
// Nothing outside src/objects/{object,type*,descr,super,abstract,number}.c
// should include it.
//
// Invariant: type_lock (wf_type_lock/unlock) guards the subclass lists and
// the slot words of heap types while they are updated; it is never held
// while Python code runs.
#ifndef WF_TYPEOBJECT_INTERNAL_H
#define WF_TYPEOBJECT_INTERNAL_H

#include "objects/descr.h"
#include "objects/typeobject.h"

// object.c
WfNewFunc wf_object_new_func(void);
WfInitFunc wf_object_init_func(void);
WfObject *wf_type_dir_method(WfObject *self, WfObject *unused);

// typeobject.c
void wf_type_lock(void);
void wf_type_unlock(void);
// Uncached MRO search (borrowed, NULL if absent; never raises).
WfObject *wf_type_find_in_mro(WfTypeObject *t, WfObject *name);
// Ready a heap type whose fields (base, bases, dict, flags, sizes) are set.
int wf_type_ready_heap(WfTypeObject *t);
// Iterate the direct subclasses of t under type_lock (callback may not run Python code).
void wf_type_for_each_subclass_locked(WfTypeObject *t, void (*fn)(WfTypeObject *sub, void *arg), void *arg);
WfObject *wf_type_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);
WfObject *wf_type_new_impl(WfTypeObject *metatype, WfObject *const *args, size_t nargs, WfObject *kwnames);
// Identifiers are usable (startup has passed wf_identifiers_init).
bool wf_type_system_names_ready(void);
// Metaclass computation ("metaclass conflict: ..."); borrowed result.
WfTypeObject *wf_type_calculate_metaclass(WfTypeObject *metatype, WfObject *bases);

// typecreate.c
void wf_type_subtype_dealloc(WfObject *self);
extern const WfMethodDef wf_tp_new_wrapper_def;   // the `__new__` builtin of static types

// typeslots.c
extern WfSlotDef wf_slotdefs[];
int wf_slotdefs_init(void);                     // interns the names (idempotent)
int wf_type_add_operators(WfTypeObject *t);     // slot wrappers of a static type's own slots
void wf_type_fixup_slot_dispatchers(WfTypeObject *t);  // all slots of a heap type from its MRO
int wf_type_update_slot(WfTypeObject *t, WfObject *name);  // after `C.__x__ = v` (takes type_lock)
bool wf_is_dunder_name(WfObject *name);

// descr.c
WfObject *wf_descr_check_self(WfDescrObject *d, WfObject *obj);  // type check helper

#endif
