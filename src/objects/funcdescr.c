// funcdescr.c — the Python-level descriptor types that wrap callables:
// staticmethod, classmethod and property.
//
// Invariant: a staticmethod/classmethod's callable is set once by __init__
// before the object is shared; a property's fget/fset/fdel/doc are fixed
// after __init__ (getter()/setter()/deleter() return new properties). Only
// the property's name (set by __set_name__) and the wrappers' __dict__ change
// later.
#include <stdio.h>

#include "objects/arg.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"

#define SM(o) ((WfStaticOrClassMethodObject *)(o))

static void sm_dealloc(WfObject *self) {
    WF_CLEAR(SM(self)->callable);
    WF_CLEAR(SM(self)->dict);
    wf_type_of(self)->tp_free(self);
}

static int sm_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    if (SM(self)->callable && visit(SM(self)->callable, arg)) return -1;
    if (SM(self)->dict && visit(SM(self)->dict, arg)) return -1;
    return 0;
}

// Copy __module__, __name__, __qualname__, __doc__, __annotations__ of the
// callable into our __dict__ (CPython's functools_wraps).
static int copy_wrapped_attrs(WfObject *self, WfObject *callable) {
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        WfObject *v;
        int r = wf_object_lookup_attr(callable, wf_str_intern_cstr(names[i]), &v);
        if (r < 0) return -1;
        if (r == 0) continue;
        r = wf_object_setattr_cstr(self, names[i], v);
        wf_decref(v);
        if (r < 0) return -1;
    }
    return 0;
}

static int sm_init_common(WfObject *self, const char *name, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (wf_arg_no_kwargs(name, kwnames) < 0) return -1;
    if (wf_arg_check_positional(name, nargs, 1, 1) < 0) return -1;
    WF_SETREF(SM(self)->callable, wf_newref(args[0]));
    return copy_wrapped_attrs(self, args[0]);
}

static int staticmethod_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return sm_init_common(self, "staticmethod", args, nargs, kwnames);
}

static int classmethod_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return sm_init_common(self, "classmethod", args, nargs, kwnames);
}

static WfObject *sm_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_type_generic_alloc(type, 0);
}

static WfObject *staticmethod_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfObject *c = SM(self)->callable;
    if (!c) {
        wf_err_set_string(&wf_exc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return wf_newref(c);
}

static WfObject *staticmethod_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *c = SM(self)->callable;
    if (!c) {
        wf_err_set_string(&wf_exc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return wf_object_call(c, args, nargs, kwnames);
}

static WfObject *classmethod_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfObject *c = SM(self)->callable;
    if (!c) {
        wf_err_set_string(&wf_exc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (!type) type = (WfObject *)wf_type_of(obj);
    // Python 3.9-3.12 chain descriptors: classmethod(property(...)) binds via __get__(type, type).
    WfDescrGetFunc f = wf_type_of(c)->tp_descr_get;
    if (f && wf_type_of(c) != &wf_function_type) return f(c, type, type);
    return wf_method_new(c, type);
}

static WfObject *sm_repr(WfObject *self, const char *kind) {
    WfObject *c = SM(self)->callable;
    if (!c) return wf_str_from_format("<%s(NULL)>", kind);
    return wf_str_from_format("<%s(%R)>", kind, c);
}

static WfObject *staticmethod_repr(WfObject *self) { return sm_repr(self, "staticmethod"); }
static WfObject *classmethod_repr(WfObject *self) { return sm_repr(self, "classmethod"); }

static WfObject *sm_get_func(WfObject *self, void *c) {
    WfObject *f = SM(self)->callable;
    return wf_newref(f ? f : wf_None);
}

static WfObject *sm_get_isabstract(WfObject *self, void *c) {
    WfObject *f = SM(self)->callable, *v;
    if (!f) return wf_False;
    int r = wf_object_lookup_attr(f, wf_str_intern_cstr("__isabstractmethod__"), &v);
    if (r <= 0) return r < 0 ? NULL : wf_False;
    int t = wf_object_is_true(v);
    wf_decref(v);
    return t < 0 ? NULL : wf_bool_from(t);
}

static const WfGetSetDef sm_getset[] = {
    {"__func__", sm_get_func, NULL, NULL, NULL},
    {"__wrapped__", sm_get_func, NULL, NULL, NULL},
    {"__isabstractmethod__", sm_get_isabstract, NULL, NULL, NULL},
    {"__dict__", wf_object_generic_get_dict, wf_object_generic_set_dict, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_staticmethod_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(WfStaticOrClassMethodObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "staticmethod(function) -> method\n\n"
              "Convert a function to be a static method.\n\n"
              "A static method does not receive an implicit first argument.\n"
              "To declare a static method, use this idiom:\n\n"
              "     class C:\n"
              "         @staticmethod\n"
              "         def f(arg1, arg2, argN):\n"
              "             ...\n\n"
              "It can be called either on the class (e.g. C.f()) or on an instance\n"
              "(e.g. C().f()). Both the class and the instance are ignored, and\n"
              "neither is passed implicitly as the first argument to the method.\n\n"
              "Static methods in Python are similar to those found in Java or C++.\n"
              "For a more advanced concept, see the classmethod builtin.",
    .tp_dealloc = sm_dealloc,
    .tp_traverse = sm_traverse,
    .tp_repr = staticmethod_repr,
    .tp_call = staticmethod_call,
    .tp_descr_get = staticmethod_get,
    .tp_init = staticmethod_init,
    .tp_new = sm_new,
    .tp_getset = sm_getset,
    .tp_dictoffset = offsetof(WfStaticOrClassMethodObject, dict),
};

WfTypeObject wf_classmethod_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(WfStaticOrClassMethodObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "classmethod(function) -> method\n\n"
              "Convert a function to be a class method.\n\n"
              "A class method receives the class as implicit first argument,\n"
              "just like an instance method receives the instance.\n"
              "To declare a class method, use this idiom:\n\n"
              "  class C:\n"
              "      @classmethod\n"
              "      def f(cls, arg1, arg2, argN):\n"
              "          ...\n\n"
              "It can be called either on the class (e.g. C.f()) or on an instance\n"
              "(e.g. C().f()).  The instance is ignored except for its class.\n"
              "If a class method is called for a derived class, the derived class\n"
              "object is passed as the implied first argument.\n\n"
              "Class methods are different than C++ or Java static methods.\n"
              "If you want those, see the staticmethod builtin.",
    .tp_dealloc = sm_dealloc,
    .tp_traverse = sm_traverse,
    .tp_repr = classmethod_repr,
    .tp_descr_get = classmethod_get,
    .tp_init = classmethod_init,
    .tp_new = sm_new,
    .tp_getset = sm_getset,
    .tp_dictoffset = offsetof(WfStaticOrClassMethodObject, dict),
};

static WfObject *sm_create(WfTypeObject *type, WfObject *callable) {
    WfObject *o = wf_object_alloc(type);
    if (!o) return NULL;
    SM(o)->callable = wf_newref(callable);
    if (copy_wrapped_attrs(o, callable) < 0) {
        wf_decref(o);
        return NULL;
    }
    return o;
}

WfObject *wf_staticmethod_new(WfObject *callable) { return sm_create(&wf_staticmethod_type, callable); }
WfObject *wf_classmethod_new(WfObject *callable) { return sm_create(&wf_classmethod_type, callable); }

// ---------------------------------------------------------------------------
// property

#define PROP(o) ((WfPropertyObject *)(o))

static void property_dealloc(WfObject *self) {
    WfPropertyObject *p = PROP(self);
    WF_CLEAR(p->fget);
    WF_CLEAR(p->fset);
    WF_CLEAR(p->fdel);
    WF_CLEAR(p->doc);
    WF_CLEAR(p->name);
    wf_type_of(self)->tp_free(self);
}

static int property_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    WfPropertyObject *p = PROP(self);
    WfObject *f[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (size_t i = 0; i < 5; i++)
        if (f[i] && visit(f[i], arg)) return -1;
    return 0;
}

static WfObject *property_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return wf_type_generic_alloc(type, 0);
}

static int property_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"property", "|OOOO", {"fget", "fset", "fdel", "doc", NULL}};
    WfObject *fget = NULL, *fset = NULL, *fdel = NULL, *doc = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &fget, &fset, &fdel, &doc) < 0) return -1;
    if (fget == wf_None) fget = NULL;
    if (fset == wf_None) fset = NULL;
    if (fdel == wf_None) fdel = NULL;
    WfPropertyObject *p = PROP(self);
    WF_SETREF(p->fget, wf_xnewref(fget));
    WF_SETREF(p->fset, wf_xnewref(fset));
    WF_SETREF(p->fdel, wf_xnewref(fdel));
    WF_SETREF(p->doc, NULL);
    p->getter_doc = 0;
    WfObject *prop_doc = NULL;
    if (doc && doc != wf_None) {
        prop_doc = wf_newref(doc);
    } else if (fget) {
        int r = wf_object_lookup_attr(fget, WF_ID(__doc__), &prop_doc);
        if (r < 0) return -1;
        if (prop_doc == wf_None) WF_CLEAR(prop_doc);
        if (prop_doc) p->getter_doc = 1;
    }
    if (wf_type_of(self) == &wf_property_type || !prop_doc) {
        p->doc = prop_doc;
        return 0;
    }
    // A subclass's instances keep the doc in their __dict__: the subclass's
    // own __doc__ (None) would otherwise shadow the member.
    int r = wf_object_setattr(self, WF_ID(__doc__), prop_doc);
    if (r < 0 && wf_err_matches(&wf_exc_AttributeError)) {
        wf_err_clear();
        p->doc = prop_doc;
        return 0;
    }
    wf_decref(prop_doc);
    return r;
}

static WfObject *property_error(WfObject *self, WfObject *obj, const char *what) {
    WfPropertyObject *p = PROP(self);
    if (p->name && wf_str_check(p->name)) {
        return wf_err_format(&wf_exc_AttributeError, "property %R of '%.100s' object has no %s", p->name,
                             wf_type_of(obj)->tp_name, what);
    }
    return wf_err_format(&wf_exc_AttributeError, "property of '%.100s' object has no %s", wf_type_of(obj)->tp_name, what);
}

static WfObject *property_get(WfObject *self, WfObject *obj, WfObject *type) {
    if (!obj || obj == wf_None) return wf_newref(self);
    WfPropertyObject *p = PROP(self);
    if (!p->fget) return property_error(self, obj, "getter");
    return wf_object_call_one(p->fget, obj);
}

static int property_set(WfObject *self, WfObject *obj, WfObject *value) {
    WfPropertyObject *p = PROP(self);
    WfObject *func = value ? p->fset : p->fdel;
    if (!func) {
        property_error(self, obj, value ? "setter" : "deleter");
        return -1;
    }
    WfObject *r;
    if (value) {
        WfObject *a[2] = {obj, value};
        r = wf_object_call(func, a, 2, NULL);
    } else {
        r = wf_object_call_one(func, obj);
    }
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

// property.getter/setter/deleter: a copy with one accessor replaced.
static WfObject *property_copy(WfObject *old, WfObject *get, WfObject *set, WfObject *del) {
    WfPropertyObject *p = PROP(old);
    if (!get) get = p->fget ? p->fget : wf_None;
    if (!set) set = p->fset ? p->fset : wf_None;
    if (!del) del = p->fdel ? p->fdel : wf_None;
    WfObject *doc;
    if (p->getter_doc && get != wf_None) doc = wf_None;  // take the new getter's doc
    else doc = p->doc ? p->doc : wf_None;
    WfObject *args[4] = {get, set, del, doc};
    WfObject *np = wf_object_call((WfObject *)wf_type_of(old), args, 4, NULL);
    if (!np) return NULL;
    if (wf_type_check(np, &wf_property_type)) WF_SETREF(PROP(np)->name, wf_xnewref(p->name));
    return np;
}

static WfObject *property_getter(WfObject *self, WfObject *f) { return property_copy(self, f, NULL, NULL); }
static WfObject *property_setter(WfObject *self, WfObject *f) { return property_copy(self, NULL, f, NULL); }
static WfObject *property_deleter(WfObject *self, WfObject *f) { return property_copy(self, NULL, NULL, f); }

static WfObject *property_set_name(WfObject *self, WfObject *const *args, size_t nargs) {
    if (nargs != 2) {
        return wf_err_format(&wf_exc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given",
                             (wf_ssize)nargs);
    }
    WF_SETREF(PROP(self)->name, wf_newref(args[1]));
    return wf_None;
}

static const WfMethodDef property_methods[] = {
    WF_METHOD("getter", property_getter, WF_METH_O, "Descriptor to obtain a copy of the property with a different getter."),
    WF_METHOD("setter", property_setter, WF_METH_O, "Descriptor to obtain a copy of the property with a different setter."),
    WF_METHOD("deleter", property_deleter, WF_METH_O, "Descriptor to obtain a copy of the property with a different deleter."),
    WF_METHOD("__set_name__", property_set_name, WF_METH_FASTCALL, "Method to set name of a property."),
    WF_METHOD_END,
};

static const WfMemberDef property_members[] = {
    {"fget", WF_T_OBJECT, offsetof(WfPropertyObject, fget), WF_MEMBER_READONLY, NULL},
    {"fset", WF_T_OBJECT, offsetof(WfPropertyObject, fset), WF_MEMBER_READONLY, NULL},
    {"fdel", WF_T_OBJECT, offsetof(WfPropertyObject, fdel), WF_MEMBER_READONLY, NULL},
    {"__doc__", WF_T_OBJECT, offsetof(WfPropertyObject, doc), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static WfObject *property_get_isabstract(WfObject *self, void *c) {
    WfPropertyObject *p = PROP(self);
    WfObject *fs[3] = {p->fget, p->fset, p->fdel};
    for (int i = 0; i < 3; i++) {
        if (!fs[i]) continue;
        WfObject *v;
        int r = wf_object_lookup_attr(fs[i], wf_str_intern_cstr("__isabstractmethod__"), &v);
        if (r < 0) return NULL;
        if (r == 0) continue;
        int t = wf_object_is_true(v);
        wf_decref(v);
        if (t < 0) return NULL;
        if (t) return wf_True;
    }
    return wf_False;
}

static const WfGetSetDef property_getset[] = {
    {"__isabstractmethod__", property_get_isabstract, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_property_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "property",
    .tp_basicsize = sizeof(WfPropertyObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "property(fget=None, fset=None, fdel=None, doc=None)\n--\n\n"
              "Property attribute.\n\n"
              "  fget\n    function to be used for getting an attribute value\n"
              "  fset\n    function to be used for setting an attribute value\n"
              "  fdel\n    function to be used for del'ing an attribute\n"
              "  doc\n    docstring\n\n"
              "Typical use is to define a managed attribute x:\n\n"
              "class C(object):\n"
              "    def getx(self): return self._x\n"
              "    def setx(self, value): self._x = value\n"
              "    def delx(self): del self._x\n"
              "    x = property(getx, setx, delx, \"I'm the 'x' property.\")\n\n"
              "Decorators make defining new properties or modifying existing ones easy:\n\n"
              "class C(object):\n"
              "    @property\n"
              "    def x(self):\n"
              "        \"I am the 'x' property.\"\n"
              "        return self._x\n"
              "    @x.setter\n"
              "    def x(self, value):\n"
              "        self._x = value\n"
              "    @x.deleter\n"
              "    def x(self):\n"
              "        del self._x",
    .tp_dealloc = property_dealloc,
    .tp_traverse = property_traverse,
    .tp_getattro = wf_object_generic_getattr,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_new = property_new,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getset,
};
