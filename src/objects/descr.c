// descr.c — descriptors of builtin types: method descriptors (list.append),
// classmethod descriptors (dict.fromkeys), member and getset descriptors
// (attributes backed by C fields / C functions), slot wrappers (int.__add__)
// and bound slot wrappers (method-wrapper: (1).__add__).
//
// Invariant: a descriptor is immutable after creation; it refers to its
// owning type without a reference (types outlive their descriptors) and to a
// definition in static storage (or in its heap type, which owns it).
#include <stdio.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"

// ---------------------------------------------------------------------------
// Docstrings with an embedded signature: "name(sig)\n--\n\nbody"

#define SIG_END ")\n--\n\n"
#define SIG_END_LEN 6

static const char *find_signature(const char *name, const char *doc) {
    if (!doc || !name) return NULL;
    const char *dot = strrchr(name, '.');
    if (dot) name = dot + 1;
    size_t n = strlen(name);
    if (strncmp(doc, name, n) != 0) return NULL;
    doc += n;
    return *doc == '(' ? doc : NULL;
}

static const char *skip_signature(const char *doc) {
    while (*doc) {
        if (*doc == ')' && strncmp(doc, SIG_END, SIG_END_LEN) == 0) return doc + SIG_END_LEN;
        if (*doc == '\n' && doc[1] == '\n') return NULL;
        doc++;
    }
    return NULL;
}

WfObject *wf_descr_doc_from_internal(const char *name, const char *doc) {
    if (!doc) return wf_None;
    const char *start = find_signature(name, doc);
    if (start) {
        const char *end = skip_signature(start);
        if (end) doc = end;
    }
    if (!*doc) return wf_None;
    return wf_str_from_cstr(doc);
}

WfObject *wf_descr_text_signature_from_internal(const char *name, const char *doc) {
    const char *start = find_signature(name, doc);
    if (!start) return wf_None;
    const char *end = skip_signature(start);
    if (!end) return wf_None;
    end -= SIG_END_LEN - 1;
    return wf_str_from_utf8(start, end - start);
}

// ---------------------------------------------------------------------------
// Common parts

static WfObject *descr_new(WfTypeObject *descrtype, size_t size, WfTypeObject *type, const char *name,
                           const void *def) {
    WfDescrObject *d = (WfDescrObject *)wf_object_alloc(descrtype);
    if (!d) return NULL;
    (void)size;
    d->type = type;
    d->def = def;
    d->name = wf_str_intern_cstr(name);
    if (!d->name) {
        wf_decref((WfObject *)d);
        return NULL;
    }
    return (WfObject *)d;
}

static void descr_dealloc(WfObject *self) {
    WfDescrObject *d = (WfDescrObject *)self;
    wf_xdecref(d->name);
    wf_type_of(self)->tp_free(self);
}

WfObject *wf_descr_check_self(WfDescrObject *d, WfObject *obj) {
    if (!wf_type_check(obj, d->type)) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' for '%.100s' objects doesn't apply to a '%.100s' object",
                             d->name, d->type->tp_name, WF_TYPE(obj)->tp_name);
    }
    return obj;
}

static WfObject *descr_get_objclass(WfObject *self, void *c) { return wf_newref((WfObject *)((WfDescrObject *)self)->type); }
static WfObject *descr_get_name(WfObject *self, void *c) { return wf_newref(((WfDescrObject *)self)->name); }

static WfObject *descr_get_qualname(WfObject *self, void *c) {
    WfDescrObject *d = (WfDescrObject *)self;
    WfObject *tq = wf_type_qualname(d->type);
    if (!tq) return NULL;
    WfObject *r = wf_str_from_format("%U.%U", tq, d->name);
    wf_decref(tq);
    return r;
}

static WfObject *descr_repr_fmt(WfObject *self, const char *kind) {
    WfDescrObject *d = (WfDescrObject *)self;
    return wf_str_from_format("<%s '%U' of '%s' objects>", kind, d->name, d->type->tp_name);
}

// ---------------------------------------------------------------------------
// Method descriptors

WfObject *wf_descr_new_method(WfTypeObject *type, const WfMethodDef *def) {
    return descr_new(&wf_method_descr_type, sizeof(WfDescrObject), type, def->name, def);
}

WfObject *wf_descr_new_classmethod(WfTypeObject *type, const WfMethodDef *def) {
    return descr_new(&wf_classmethod_descr_type, sizeof(WfDescrObject), type, def->name, def);
}

static WfObject *method_descr_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (nargs < 1) {
        return wf_err_format(&wf_exc_TypeError, "unbound method %s.%U() needs an argument", d->type->tp_name, d->name);
    }
    WfObject *self_arg = args[0];
    if (!wf_descr_check_self(d, self_arg)) return NULL;
    // Fast paths for the common conventions; wf_builtin_call checks and reports the rest.
    const WfMethodDef *def = d->def;
    bool no_kw = !kwnames || wf_tuple_size(kwnames) == 0;
    switch (def->flags & (WF_METH_NOARGS | WF_METH_O | WF_METH_FASTCALL | WF_METH_KEYWORDS)) {
    case WF_METH_NOARGS:
        if (nargs == 1 && no_kw) return ((WfCFuncNoArgs)def->fn)(self_arg, NULL);
        break;
    case WF_METH_O:
        if (nargs == 2 && no_kw) return ((WfCFuncO)def->fn)(self_arg, args[1]);
        break;
    case WF_METH_FASTCALL:
        if (no_kw) return ((WfCFuncFast)def->fn)(self_arg, args + 1, nargs - 1);
        break;
    case WF_METH_FASTCALL | WF_METH_KEYWORDS:
        return ((WfCFuncFastKw)def->fn)(self_arg, args + 1, nargs - 1, no_kw ? NULL : kwnames);
    default:
        break;
    }
    return wf_builtin_call(def, self_arg, args + 1, nargs - 1, kwnames);
}

static WfObject *method_descr_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (!obj) return wf_newref(self);
    if (!wf_descr_check_self(d, obj)) return NULL;
    return wf_builtin_function_new(d->def, obj, NULL);
}

static WfObject *method_descr_repr(WfObject *self) { return descr_repr_fmt(self, "method"); }

static WfObject *method_descr_get_doc(WfObject *self, void *c) {
    const WfMethodDef *m = ((WfDescrObject *)self)->def;
    return wf_descr_doc_from_internal(m->name, m->doc);
}

static WfObject *method_descr_get_text_signature(WfObject *self, void *c) {
    const WfMethodDef *m = ((WfDescrObject *)self)->def;
    return wf_descr_text_signature_from_internal(m->name, m->doc);
}

static const WfGetSetDef method_descr_getset[] = {
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__doc__", method_descr_get_doc, NULL, NULL, NULL},
    {"__text_signature__", method_descr_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_method_descr_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(WfDescrObject),
    .tp_flags = WF_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_descr_repr,
    .tp_call = method_descr_call,
    .tp_descr_get = method_descr_get,
    .tp_getset = method_descr_getset,
};

// Classmethod descriptors (METH_CLASS entries of tp_methods).

static WfObject *classmethod_descr_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (!type) {
        if (!obj) return wf_err_format(&wf_exc_TypeError, "descriptor '%U' for type '%.100s' needs either an object or a type",
                                       d->name, d->type->tp_name);
        type = (WfObject *)wf_type_of(obj);
    }
    if (!wf_type_check_type(type)) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                             d->name, d->type->tp_name, WF_TYPE(type)->tp_name);
    }
    if (!wf_type_is_subtype((WfTypeObject *)type, d->type)) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                             d->name, d->type->tp_name, ((WfTypeObject *)type)->tp_name);
    }
    return wf_builtin_function_new(d->def, type, NULL);
}

static WfObject *classmethod_descr_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (nargs < 1) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' of '%.100s' object needs an argument", d->name,
                             d->type->tp_name);
    }
    WfObject *type = args[0];
    if (!wf_type_check_type(type)) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' for type '%.100s' needs a type, not a '%.100s' as arg 2",
                             d->name, d->type->tp_name, WF_TYPE(type)->tp_name);
    }
    if (!wf_type_is_subtype((WfTypeObject *)type, d->type)) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' requires a subtype of '%.100s' but received '%.100s'",
                             d->name, d->type->tp_name, ((WfTypeObject *)type)->tp_name);
    }
    return wf_builtin_call(d->def, type, args + 1, nargs - 1, kwnames);
}

WfTypeObject wf_classmethod_descr_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(WfDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_descr_repr,
    .tp_call = classmethod_descr_call,
    .tp_descr_get = classmethod_descr_get,
    .tp_getset = method_descr_getset,
};

// ---------------------------------------------------------------------------
// Member descriptors

WfObject *wf_descr_new_member(WfTypeObject *type, const WfMemberDef *def) {
    return descr_new(&wf_member_descr_type, sizeof(WfDescrObject), type, def->name, def);
}

static WfObject *member_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (!obj) return wf_newref(self);
    if (!wf_descr_check_self(d, obj)) return NULL;
    const WfMemberDef *m = d->def;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case WF_T_OBJECT: {
        WfObject *v = __atomic_load_n((WfObject **)addr, __ATOMIC_ACQUIRE);
        return wf_newref(v ? v : wf_None);
    }
    case WF_T_OBJECT_EX: {
        WfObject *v = __atomic_load_n((WfObject **)addr, __ATOMIC_ACQUIRE);
        if (!v) {
            WfTypeObject *t = wf_type_of(obj);
            wf_err_format(&wf_exc_AttributeError, "'%.200s' object has no attribute '%s'", t->tp_name, m->name);
            return NULL;
        }
        return wf_newref(v);
    }
    case WF_T_INT: return wf_int_from_long_long(*(int *)addr);
    case WF_T_SSIZE: return wf_int_from_ssize(*(wf_ssize *)addr);
    case WF_T_BOOL: return wf_bool_from(*(char *)addr != 0);
    case WF_T_DOUBLE: return wf_float_new(*(double *)addr);
    case WF_T_UINT32: return wf_int_from_unsigned_long_long(*(uint32_t *)addr);
    default: return wf_err_bad_internal_call("member_get");
    }
}

static int member_set(WfObject *self, WfObject *obj, WfObject *value) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (!wf_descr_check_self(d, obj)) return -1;
    const WfMemberDef *m = d->def;
    if (m->flags & WF_MEMBER_READONLY) {
        wf_err_set_string(&wf_exc_AttributeError, "readonly attribute");
        return -1;
    }
    char *addr = (char *)obj + m->offset;
    if (m->type == WF_T_OBJECT || m->type == WF_T_OBJECT_EX) {
        if (!value && m->type == WF_T_OBJECT_EX && !__atomic_load_n((WfObject **)addr, __ATOMIC_ACQUIRE)) {
            wf_err_set_string(&wf_exc_AttributeError, m->name);
            return -1;
        }
        wf_xincref(value);
        // acq_rel: publish the new value, take ownership of the old one.
        WfObject *old = __atomic_exchange_n((WfObject **)addr, value, __ATOMIC_ACQ_REL);
        wf_xdecref(old);
        return 0;
    }
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case WF_T_BOOL:
        if (!wf_bool_check(value)) {
            wf_err_set_string(&wf_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == wf_True;
        return 0;
    case WF_T_DOUBLE: {
        double v = wf_float_as_double(value);
        if (v == -1.0 && wf_err_occurred()) return -1;
        *(double *)addr = v;
        return 0;
    }
    default: {
        if (!wf_int_check(value)) {
            wf_err_set_string(&wf_exc_TypeError, "attribute value type must be int");
            return -1;
        }
        long long v = wf_int_as_long_long(value);
        if (v == -1 && wf_err_occurred()) return -1;
        if (m->type == WF_T_INT) *(int *)addr = (int)v;
        else if (m->type == WF_T_UINT32) *(uint32_t *)addr = (uint32_t)v;
        else *(wf_ssize *)addr = (wf_ssize)v;
        return 0;
    }
    }
}

static WfObject *member_repr(WfObject *self) { return descr_repr_fmt(self, "member"); }

static WfObject *member_get_doc(WfObject *self, void *c) {
    const WfMemberDef *m = ((WfDescrObject *)self)->def;
    if (!m->doc) return wf_None;
    return wf_str_from_cstr(m->doc);
}

static const WfGetSetDef member_getset[] = {
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__doc__", member_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_member_descr_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(WfDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
    .tp_getset = member_getset,
};

// ---------------------------------------------------------------------------
// Getset descriptors

WfObject *wf_descr_new_getset(WfTypeObject *type, const WfGetSetDef *def) {
    return descr_new(&wf_getset_descr_type, sizeof(WfDescrObject), type, def->name, def);
}

static WfObject *getset_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (!obj) return wf_newref(self);
    if (!wf_descr_check_self(d, obj)) return NULL;
    const WfGetSetDef *g = d->def;
    if (!g->get) {
        return wf_err_format(&wf_exc_AttributeError, "attribute '%U' of '%.100s' objects is not readable", d->name,
                             d->type->tp_name);
    }
    return g->get(obj, g->closure);
}

static int getset_set(WfObject *self, WfObject *obj, WfObject *value) {
    WfDescrObject *d = (WfDescrObject *)self;
    if (!wf_descr_check_self(d, obj)) return -1;
    const WfGetSetDef *g = d->def;
    if (!g->set) {
        wf_err_format(&wf_exc_AttributeError, "attribute '%U' of '%.100s' objects is not writable", d->name,
                      d->type->tp_name);
        return -1;
    }
    return g->set(obj, value, g->closure);
}

static WfObject *getset_repr(WfObject *self) { return descr_repr_fmt(self, "attribute"); }

static WfObject *getset_get_doc(WfObject *self, void *c) {
    const WfGetSetDef *g = ((WfDescrObject *)self)->def;
    if (!g->doc) return wf_None;
    return wf_str_from_cstr(g->doc);
}

static const WfGetSetDef getset_getset[] = {
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__doc__", getset_get_doc, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_getset_descr_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(WfDescrObject),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
    .tp_getset = getset_getset,
};

// ---------------------------------------------------------------------------
// Slot wrappers

WfObject *wf_descr_new_wrapper(WfTypeObject *type, const WfSlotDef *def, void *wrapped) {
    WfWrapperDescrObject *d = (WfWrapperDescrObject *)descr_new(&wf_wrapper_descr_type, sizeof(WfWrapperDescrObject),
                                                                 type, def->name, def);
    if (d) d->wrapped = wrapped;
    return (WfObject *)d;
}

static WfObject *wrapper_call_bound(WfWrapperDescrObject *d, WfObject *self, WfObject *const *args, size_t nargs,
                                    WfObject *kwnames) {
    const WfSlotDef *def = d->base.def;
    if (kwnames && wf_tuple_size(kwnames) && !(def->flags & WF_SLOTDEF_KEYWORDS)) {
        return wf_err_format(&wf_exc_TypeError, "wrapper %s() takes no keyword arguments", def->name);
    }
    return def->wrapper(self, args, nargs, kwnames, d->wrapped);
}

static WfObject *wrapper_descr_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfWrapperDescrObject *d = (WfWrapperDescrObject *)self;
    if (nargs < 1) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' of '%.100s' object needs an argument", d->base.name,
                             d->base.type->tp_name);
    }
    if (!wf_type_check(args[0], d->base.type)) {
        return wf_err_format(&wf_exc_TypeError, "descriptor '%U' requires a '%.100s' object but received a '%.100s'",
                             d->base.name, d->base.type->tp_name, WF_TYPE(args[0])->tp_name);
    }
    return wrapper_call_bound(d, args[0], args + 1, nargs - 1, kwnames);
}

static WfObject *wrapper_descr_get(WfObject *self, WfObject *obj, WfObject *type) {
    WfWrapperDescrObject *d = (WfWrapperDescrObject *)self;
    if (!obj) return wf_newref(self);
    if (!wf_descr_check_self(&d->base, obj)) return NULL;
    WfMethodWrapperObject *w = (WfMethodWrapperObject *)wf_object_alloc(&wf_method_wrapper_type);
    if (!w) return NULL;
    w->descr = (WfWrapperDescrObject *)wf_newref(self);
    w->self = wf_newref(obj);
    return (WfObject *)w;
}

static WfObject *wrapper_descr_repr(WfObject *self) { return descr_repr_fmt(self, "slot wrapper"); }

static WfObject *wrapper_get_doc(WfObject *self, void *c) {
    const WfSlotDef *p = ((WfDescrObject *)self)->def;
    return wf_descr_doc_from_internal(p->name, p->doc);
}

static WfObject *wrapper_get_text_signature(WfObject *self, void *c) {
    const WfSlotDef *p = ((WfDescrObject *)self)->def;
    return wf_descr_text_signature_from_internal(p->name, p->doc);
}

static const WfGetSetDef wrapper_descr_getset[] = {
    {"__objclass__", descr_get_objclass, NULL, NULL, NULL},
    {"__name__", descr_get_name, NULL, NULL, NULL},
    {"__qualname__", descr_get_qualname, NULL, NULL, NULL},
    {"__doc__", wrapper_get_doc, NULL, NULL, NULL},
    {"__text_signature__", wrapper_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_wrapper_descr_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(WfWrapperDescrObject),
    .tp_flags = WF_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapper_descr_repr,
    .tp_call = wrapper_descr_call,
    .tp_descr_get = wrapper_descr_get,
    .tp_getset = wrapper_descr_getset,
};

// Bound slot wrappers

static void method_wrapper_dealloc(WfObject *self) {
    WfMethodWrapperObject *w = (WfMethodWrapperObject *)self;
    wf_decref((WfObject *)w->descr);
    wf_decref(w->self);
    wf_type_of(self)->tp_free(self);
}

static WfObject *method_wrapper_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfMethodWrapperObject *w = (WfMethodWrapperObject *)self;
    return wrapper_call_bound(w->descr, w->self, args, nargs, kwnames);
}

static WfObject *method_wrapper_repr(WfObject *self) {
    WfMethodWrapperObject *w = (WfMethodWrapperObject *)self;
    return wf_str_from_format("<method-wrapper '%U' of %s object at %p>", w->descr->base.name,
                              WF_TYPE(w->self)->tp_name, (void *)w->self);
}

static WfObject *method_wrapper_richcompare(WfObject *a, WfObject *b, int op) {
    if ((op != WF_EQ && op != WF_NE) || wf_type_of(b) != &wf_method_wrapper_type) return wf_NotImplemented;
    WfMethodWrapperObject *x = (WfMethodWrapperObject *)a, *y = (WfMethodWrapperObject *)b;
    bool eq = x->descr == y->descr && x->self == y->self;
    return wf_bool_from(op == WF_EQ ? eq : !eq);
}

static intptr_t method_wrapper_hash(WfObject *self) {
    WfMethodWrapperObject *w = (WfMethodWrapperObject *)self;
    intptr_t h = wf_hash_pointer(w->self) ^ wf_hash_pointer(w->descr);
    return h == -1 ? -2 : h;
}

static WfObject *mw_get_self(WfObject *self, void *c) { return wf_newref(((WfMethodWrapperObject *)self)->self); }
static WfObject *mw_get_name(WfObject *self, void *c) { return wf_newref(((WfMethodWrapperObject *)self)->descr->base.name); }
static WfObject *mw_get_objclass(WfObject *self, void *c) {
    return wf_newref((WfObject *)((WfMethodWrapperObject *)self)->descr->base.type);
}
static WfObject *mw_get_qualname(WfObject *self, void *c) {
    return descr_get_qualname((WfObject *)((WfMethodWrapperObject *)self)->descr, c);
}
static WfObject *mw_get_doc(WfObject *self, void *c) {
    return wrapper_get_doc((WfObject *)((WfMethodWrapperObject *)self)->descr, c);
}
static WfObject *mw_get_text_signature(WfObject *self, void *c) {
    return wrapper_get_text_signature((WfObject *)((WfMethodWrapperObject *)self)->descr, c);
}

static const WfGetSetDef method_wrapper_getset[] = {
    {"__self__", mw_get_self, NULL, NULL, NULL},
    {"__name__", mw_get_name, NULL, NULL, NULL},
    {"__objclass__", mw_get_objclass, NULL, NULL, NULL},
    {"__qualname__", mw_get_qualname, NULL, NULL, NULL},
    {"__doc__", mw_get_doc, NULL, NULL, NULL},
    {"__text_signature__", mw_get_text_signature, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_method_wrapper_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(WfMethodWrapperObject),
    .tp_dealloc = method_wrapper_dealloc,
    .tp_repr = method_wrapper_repr,
    .tp_call = method_wrapper_call,
    .tp_richcompare = method_wrapper_richcompare,
    .tp_hash = method_wrapper_hash,
    .tp_getset = method_wrapper_getset,
};
