// typeunion.c — types.UnionType, the result of `int | str` on types
// (PEP 604): isinstance/issubclass accept it (abstract.c reads __args__).
// Invariant: `args` is a tuple of at least two distinct (by identity)
// members, flattened (no member is itself a union), None stored as NoneType;
// immutable after creation.
#include <stdio.h>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    WfObject ob_base;
    WfObject *args;         // tuple
    WfObject *parameters;   // tuple or NULL (computed lazily: always () here)
} WfUnionObject;

static bool is_union(WfObject *o) { return wf_type_of(o) == &wf_union_type; }

static bool is_generic_alias(WfObject *o) {
    const char *n = wf_type_of(o)->tp_name;
    return strcmp(n, "types.GenericAlias") == 0;
}

// Can `o` take part in `|` with types?
static bool unionable(WfObject *o) {
    return o == wf_None || wf_type_check_type(o) || is_generic_alias(o) || is_union(o);
}

static int add_arg(WfObject *list, WfObject *a) {
    if (a == wf_None) a = (WfObject *)&wf_none_type;
    for (wf_ssize i = 0; i < wf_list_size(list); i++)
        if (wf_list_get_borrow_unsafe(list, i) == a) return 0;
    return wf_list_append(list, a);
}

static int add_flat(WfObject *list, WfObject *a) {
    if (is_union(a)) {
        WfObject *args = ((WfUnionObject *)a)->args;
        for (wf_ssize i = 0; i < wf_tuple_size(args); i++)
            if (add_arg(list, wf_tuple_get_borrow(args, i)) < 0) return -1;
        return 0;
    }
    return add_arg(list, a);
}

WfObject *wf_union_type_or(WfObject *a, WfObject *b) {
    if (!unionable(a) || !unionable(b)) return wf_NotImplemented;
    WfObject *list = wf_list_new(0);
    if (!list) return NULL;
    if (add_flat(list, a) < 0 || add_flat(list, b) < 0) {
        wf_decref(list);
        return NULL;
    }
    if (wf_list_size(list) == 1) {
        WfObject *only = wf_newref(wf_list_get_borrow_unsafe(list, 0));
        wf_decref(list);
        return only;
    }
    WfObject *args = wf_list_as_tuple(list);
    wf_decref(list);
    if (!args) return NULL;
    WfUnionObject *u = (WfUnionObject *)wf_object_alloc(&wf_union_type);
    if (!u) {
        wf_decref(args);
        return NULL;
    }
    u->args = args;
    return (WfObject *)u;
}

static void union_dealloc(WfObject *self) {
    WfUnionObject *u = (WfUnionObject *)self;
    wf_xdecref(u->args);
    wf_xdecref(u->parameters);
    wf_type_of(self)->tp_free(self);
}

static int union_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    WfUnionObject *u = (WfUnionObject *)self;
    return u->args ? visit(u->args, arg) : 0;
}

static int repr_item(WfStrBuilder *b, WfObject *p) {
    if (p == (WfObject *)&wf_none_type) return wf_str_builder_append_ascii(b, "None");
    WfObject *r = NULL;
    if (wf_type_check_type(p) && !is_generic_alias(p)) {
        WfObject *qual = NULL, *mod = NULL;
        if (wf_object_lookup_attr(p, WF_ID(__qualname__), &qual) > 0 &&
            wf_object_lookup_attr(p, WF_ID(__module__), &mod) > 0) {
            if (wf_str_check(mod) && wf_str_equal_cstr(mod, "builtins")) r = wf_newref(qual);
            else r = wf_str_from_format("%S.%S", mod, qual);
        }
        wf_xdecref(qual);
        wf_xdecref(mod);
        if (wf_err_occurred()) {
            wf_xdecref(r);
            return -1;
        }
    }
    if (!r) r = wf_object_repr(p);
    if (!r) return -1;
    int ok = wf_str_builder_append_str(b, r);
    wf_decref(r);
    return ok;
}

static WfObject *union_repr(WfObject *self) {
    WfObject *args = ((WfUnionObject *)self)->args;
    WfStrBuilder b;
    wf_str_builder_init(&b);
    for (wf_ssize i = 0; i < wf_tuple_size(args); i++) {
        if ((i && wf_str_builder_append_ascii(&b, " | ") < 0) || repr_item(&b, wf_tuple_get_borrow(args, i)) < 0) {
            wf_str_builder_discard(&b);
            return NULL;
        }
    }
    return wf_str_builder_finish(&b);
}

static int contains_identity(WfObject *tuple, WfObject *o) {
    for (wf_ssize i = 0; i < wf_tuple_size(tuple); i++)
        if (wf_tuple_get_borrow(tuple, i) == o) return 1;
    return 0;
}

static WfObject *union_richcompare(WfObject *a, WfObject *b, int op) {
    if (!is_union(b) || (op != WF_EQ && op != WF_NE)) return wf_NotImplemented;
    WfObject *x = ((WfUnionObject *)a)->args, *y = ((WfUnionObject *)b)->args;
    bool eq = wf_tuple_size(x) == wf_tuple_size(y);
    for (wf_ssize i = 0; eq && i < wf_tuple_size(x); i++) eq = contains_identity(y, wf_tuple_get_borrow(x, i));
    return wf_bool_from(op == WF_EQ ? eq : !eq);
}

static intptr_t union_hash(WfObject *self) {
    WfObject *args = ((WfUnionObject *)self)->args;
    uintptr_t h = 0x345678;
    for (wf_ssize i = 0; i < wf_tuple_size(args); i++) {
        intptr_t x = wf_object_hash(wf_tuple_get_borrow(args, i));
        if (x == -1) return -1;
        h ^= (uintptr_t)x * 0x9E3779B97F4A7C15ull;  // order-independent combination
    }
    intptr_t r = (intptr_t)h;
    return r == -1 ? -2 : r;
}

static WfObject *union_get_args(WfObject *self, void *c) { return wf_newref(((WfUnionObject *)self)->args); }
static WfObject *union_get_parameters(WfObject *self, void *c) { return wf_newref(wf_tuple_empty()); }

static WfObject *union_getattro(WfObject *self, WfObject *name) { return wf_object_generic_getattr(self, name); }

static WfObject *union_instancecheck(WfObject *self, WfObject *inst) {
    int r = wf_object_isinstance(inst, ((WfUnionObject *)self)->args);
    return r < 0 ? NULL : wf_bool_from(r);
}

static WfObject *union_subclasscheck(WfObject *self, WfObject *sub) {
    int r = wf_object_issubclass(sub, ((WfUnionObject *)self)->args);
    return r < 0 ? NULL : wf_bool_from(r);
}

static const WfGetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, "Type variables in the types.UnionType.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const WfMethodDef union_methods[] = {
    WF_METHOD("__instancecheck__", union_instancecheck, WF_METH_O, NULL),
    WF_METHOD("__subclasscheck__", union_subclasscheck, WF_METH_O, NULL),
    WF_METHOD_END,
};

static WfNumberMethods union_as_number = {.nb_or = wf_union_type_or};

WfTypeObject wf_union_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(WfUnionObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_dealloc = union_dealloc,
    .tp_traverse = union_traverse,
    .tp_repr = union_repr,
    .tp_hash = union_hash,
    .tp_richcompare = union_richcompare,
    .tp_getattro = union_getattro,
    .tp_as_number = &union_as_number,
    .tp_getset = union_getset,
    .tp_methods = union_methods,
};
