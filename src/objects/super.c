// super.c — super(): attribute lookup that starts after a given class in
// the MRO of an object's type, binding what it finds to the object.
//
// Invariant: a super object's (type, obj, obj_type) are set by __init__
// before it is shared and never change; obj_type is NULL exactly when obj
// is (unbound super).
#include <stdio.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"
#include "vm/eval.h"

typedef struct {
    WfObject ob_base;
    WfTypeObject *type;      // the class after which lookup starts
    WfObject *obj;           // the bound instance or class, or NULL
    WfTypeObject *obj_type;  // type(obj), or obj when obj is a class
} WfSuperObject;

#define SU(o) ((WfSuperObject *)(o))

// Borrowed: the type whose MRO the lookup walks, or NULL with TypeError.
static WfTypeObject *supercheck(WfTypeObject *type, WfObject *obj) {
    if (wf_type_check_type(obj) && wf_type_is_subtype((WfTypeObject *)obj, type)) return (WfTypeObject *)obj;
    if (wf_type_is_subtype(wf_type_of(obj), type)) return wf_type_of(obj);
    WfObject *cls;
    int r = wf_object_lookup_attr(obj, WF_ID(__class__), &cls);
    if (r < 0) return NULL;
    if (r > 0) {
        bool ok = wf_type_check_type(cls) && (WfTypeObject *)cls != wf_type_of(obj) &&
                  wf_type_is_subtype((WfTypeObject *)cls, type);
        wf_decref(cls);  // classes are kept alive by their instances
        if (ok) return (WfTypeObject *)cls;
    }
    wf_err_set_string(&wf_exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

// Find name in obj_type's MRO after `type`; borrowed, NULL if absent.
static WfObject *super_find(WfTypeObject *type, WfTypeObject *obj_type, WfObject *name) {
    WfObject *mro = obj_type->tp_mro;
    if (!mro) return NULL;
    wf_ssize n = wf_tuple_size(mro), i;
    for (i = 0; i + 1 < n; i++)
        if (wf_tuple_get_borrow(mro, i) == (WfObject *)type) break;
    for (i++; i < n; i++) {
        WfTypeObject *t = (WfTypeObject *)wf_tuple_get_borrow(mro, i);
        if (!t->tp_dict) continue;
        WfObject *res = wf_dict_get_item_borrow(t->tp_dict, name);
        if (res) return res;
        if (wf_err_occurred()) return NULL;
    }
    return NULL;
}

static WfObject *bind_found(WfObject *res, WfObject *obj, WfTypeObject *obj_type) {
    WfDescrGetFunc f = wf_type_of(res)->tp_descr_get;
    if (!f) return wf_newref(res);
    wf_incref(res);
    // Only pass obj for instance-mode super.
    WfObject *r = f(res, obj == (WfObject *)obj_type ? NULL : obj, (WfObject *)obj_type);
    wf_decref(res);
    return r;
}

static WfObject *super_getattro(WfObject *self, WfObject *name) {
    WfSuperObject *su = SU(self);
    if (su->obj_type && !(wf_str_check(name) && wf_str_equal(name, WF_ID(__class__)))) {
        WfObject *res = super_find(su->type, su->obj_type, name);
        if (res) return bind_found(res, su->obj, su->obj_type);
        if (wf_err_occurred()) return NULL;
    }
    return wf_object_generic_getattr(self, name);
}

WfObject *wf_super_lookup(WfTypeObject *type, WfObject *obj, WfObject *name, int *method) {
    if (method) *method = 0;
    WfTypeObject *obj_type = supercheck(type, obj);
    if (!obj_type) return NULL;
    WfObject *res = super_find(type, obj_type, name);
    if (res) {
        if (method && obj != (WfObject *)obj_type && (wf_type_of(res)->tp_flags & WF_TPFLAGS_METHOD_DESCRIPTOR)) {
            *method = 1;
            return wf_newref(res);
        }
        return bind_found(res, obj, obj_type);
    }
    if (wf_err_occurred()) return NULL;
    // Not found past `type`: behave like getattr(super(type, obj), name).
    WfObject *args[2] = {(WfObject *)type, obj};
    WfObject *su = wf_object_call((WfObject *)&wf_super_type, args, 2, NULL);
    if (!su) return NULL;
    WfObject *r = wf_object_generic_getattr(su, name);
    wf_decref(su);
    return r;
}

static int super_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames)) {
        wf_err_set_string(&wf_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    if (nargs > 2) {
        wf_err_format(&wf_exc_TypeError, "super() takes at most 2 arguments (%zd given)", (wf_ssize)nargs);
        return -1;
    }
    WfTypeObject *type;
    WfObject *obj = NULL;
    if (nargs == 0) {
        if (wf_frame_super_args(&type, &obj) < 0) return -1;
    } else {
        if (!wf_type_check_type(args[0])) {
            wf_err_format(&wf_exc_TypeError, "super() argument 1 must be a type, not %.200s", WF_TYPE(args[0])->tp_name);
            return -1;
        }
        type = (WfTypeObject *)args[0];
        if (nargs == 2) obj = args[1];
        if (obj == wf_None) obj = NULL;
    }
    WfTypeObject *obj_type = NULL;
    if (obj) {
        obj_type = supercheck(type, obj);
        if (!obj_type) return -1;
    }
    WfSuperObject *su = SU(self);
    WF_SETREF(su->type, (WfTypeObject *)wf_newref((WfObject *)type));
    WF_SETREF(su->obj, wf_xnewref(obj));
    WF_SETREF(su->obj_type, (WfTypeObject *)wf_xnewref((WfObject *)obj_type));
    return 0;
}

static WfObject *super_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_type_generic_alloc(type, 0);
}

static void super_dealloc(WfObject *self) {
    WfSuperObject *su = SU(self);
    wf_xdecref((WfObject *)su->type);
    wf_xdecref(su->obj);
    wf_xdecref((WfObject *)su->obj_type);
    wf_type_of(self)->tp_free(self);
}

static int super_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    WfSuperObject *su = SU(self);
    if (su->obj && visit(su->obj, arg)) return -1;
    if (su->type && visit((WfObject *)su->type, arg)) return -1;
    if (su->obj_type && visit((WfObject *)su->obj_type, arg)) return -1;
    return 0;
}

static WfObject *super_repr(WfObject *self) {
    WfSuperObject *su = SU(self);
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type) return wf_str_from_format("<super: <class '%s'>, <%s object>>", tn, su->obj_type->tp_name);
    return wf_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static WfObject *super_descr_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfSuperObject *su = SU(self);
    if (!obj || obj == wf_None || su->obj) return wf_newref(self);
    WfObject *args[2] = {(WfObject *)su->type, obj};
    return wf_object_call((WfObject *)wf_type_of(self), args, 2, NULL);
}

static const WfMemberDef super_members[] = {
    {"__thisclass__", WF_T_OBJECT, offsetof(WfSuperObject, type), WF_MEMBER_READONLY, "the class invoking super()"},
    {"__self__", WF_T_OBJECT, offsetof(WfSuperObject, obj), WF_MEMBER_READONLY, "the instance invoking super(); may be None"},
    {"__self_class__", WF_T_OBJECT, offsetof(WfSuperObject, obj_type), WF_MEMBER_READONLY,
     "the type of the instance invoking super(); may be None"},
    {NULL, 0, 0, 0, NULL},
};

WfTypeObject wf_super_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "super",
    .tp_basicsize = sizeof(WfSuperObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "super() -> same as super(__class__, <first argument>)\n"
              "super(type) -> unbound super object\n"
              "super(type, obj) -> bound super object; requires isinstance(obj, type)\n"
              "super(type, type2) -> bound super object; requires issubclass(type2, type)\n"
              "Typical use to call a cooperative superclass method:\n"
              "class C(B):\n"
              "    def meth(self, arg):\n"
              "        super().meth(arg)\n"
              "This works for class methods too:\n"
              "class C(B):\n"
              "    @classmethod\n"
              "    def cmeth(cls, arg):\n"
              "        super().cmeth(arg)\n",
    .tp_dealloc = super_dealloc,
    .tp_traverse = super_traverse,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = super_new,
    .tp_members = super_members,
};
