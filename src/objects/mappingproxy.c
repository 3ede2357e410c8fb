// mappingproxy.c — types.MappingProxyType: a read-only view of a mapping
// (what C.__dict__ returns for classes).
// Invariant: `mapping` is set at creation and never changes; the proxy
// offers no way to mutate it.
#include <stdio.h>

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    WfObject ob_base;
    WfObject *mapping;
} WfMappingProxyObject;

#define MP(o) (((WfMappingProxyObject *)(o))->mapping)

WfObject *wf_mappingproxy_new(WfObject *mapping) {
    WfObject *o = wf_object_alloc(&wf_mappingproxy_type);
    if (!o) return NULL;
    MP(o) = wf_newref(mapping);
    return o;
}

static WfObject *mappingproxy_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"mappingproxy", "O", {"mapping", NULL}};
    WfObject *mapping = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &mapping) < 0) return NULL;
    WfTypeObject *mt = wf_type_of(mapping);
    if (!mt->tp_getitem || wf_list_check(mapping) || wf_tuple_check(mapping)) {
        return wf_err_format(&wf_exc_TypeError, "mappingproxy() argument must be a mapping, not %s", mt->tp_name);
    }
    return wf_mappingproxy_new(mapping);
}

static void mappingproxy_dealloc(WfObject *self) {
    wf_decref(MP(self));
    wf_type_of(self)->tp_free(self);
}

static int mappingproxy_traverse(WfObject *self, WfVisitProc visit, void *arg) { return visit(MP(self), arg); }

static WfObject *mappingproxy_getitem(WfObject *self, WfObject *key) { return wf_object_getitem(MP(self), key); }
static wf_ssize mappingproxy_len(WfObject *self) { return wf_object_len(MP(self)); }
static int mappingproxy_contains(WfObject *self, WfObject *key) {
    if (wf_dict_check_exact(MP(self))) return wf_dict_contains(MP(self), key);
    return wf_sequence_contains(MP(self), key);
}
static WfObject *mappingproxy_iter(WfObject *self) { return wf_object_get_iter(MP(self)); }
static WfObject *mappingproxy_str(WfObject *self) { return wf_object_str(MP(self)); }
static WfObject *mappingproxy_repr(WfObject *self) { return wf_str_from_format("mappingproxy(%R)", MP(self)); }

static WfObject *mappingproxy_richcompare(WfObject *self, WfObject *other, int op) {
    return wf_object_richcompare(MP(self), other, op);
}

static WfObject *mappingproxy_get(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("get", nargs, 1, 2) < 0) return NULL;
    WfObject *dflt = nargs > 1 ? args[1] : wf_None;
    if (wf_dict_check_exact(MP(self))) {
        WfObject *r;
        int found = wf_dict_get_item_ref(MP(self), args[0], &r);
        if (found < 0) return NULL;
        return found ? r : wf_newref(dflt);
    }
    WfObject *a[2] = {args[0], dflt};
    return wf_object_call_method_cstr(MP(self), "get", a, 2);
}

static WfObject *mappingproxy_keys(WfObject *self, WfObject *unused) {
    return wf_object_call_method_cstr(MP(self), "keys", NULL, 0);
}
static WfObject *mappingproxy_values(WfObject *self, WfObject *unused) {
    return wf_object_call_method_cstr(MP(self), "values", NULL, 0);
}
static WfObject *mappingproxy_items(WfObject *self, WfObject *unused) {
    return wf_object_call_method_cstr(MP(self), "items", NULL, 0);
}
static WfObject *mappingproxy_copy(WfObject *self, WfObject *unused) {
    return wf_object_call_method_cstr(MP(self), "copy", NULL, 0);
}
static WfObject *mappingproxy_reversed(WfObject *self, WfObject *unused) {
    return wf_object_call_method_cstr(MP(self), "__reversed__", NULL, 0);
}

static WfObject *mappingproxy_or(WfObject *a, WfObject *b) {
    if (wf_type_of(a) == &wf_mappingproxy_type) a = MP(a);
    if (wf_type_of(b) == &wf_mappingproxy_type) b = MP(b);
    return wf_number_or(a, b);
}

static WfObject *mappingproxy_ior(WfObject *a, WfObject *b) {
    return wf_err_format(&wf_exc_TypeError, "'|=' is not supported by %s; use '|' instead", wf_type_of(a)->tp_name);
}

static WfNumberMethods mappingproxy_as_number = {.nb_or = mappingproxy_or, .nb_inplace_or = mappingproxy_ior};

static const WfMethodDef mappingproxy_methods[] = {
    WF_METHOD("get", mappingproxy_get, WF_METH_FASTCALL,
              "get($self, key, default=None, /)\n--\n\nReturn the value for key if key is in the mapping, else default."),
    WF_METHOD("keys", mappingproxy_keys, WF_METH_NOARGS, "D.keys() -> a set-like object providing a view on D's keys"),
    WF_METHOD("values", mappingproxy_values, WF_METH_NOARGS, "D.values() -> an object providing a view on D's values"),
    WF_METHOD("items", mappingproxy_items, WF_METH_NOARGS, "D.items() -> a set-like object providing a view on D's items"),
    WF_METHOD("copy", mappingproxy_copy, WF_METH_NOARGS, "D.copy() -> a shallow copy of D"),
    WF_METHOD("__reversed__", mappingproxy_reversed, WF_METH_NOARGS, "D.__reversed__() -> reverse iterator"),
    WF_METHOD_END,
};

WfTypeObject wf_mappingproxy_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(WfMappingProxyObject),
    .tp_flags = WF_TPFLAGS_MAPPING | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = mappingproxy_dealloc,
    .tp_traverse = mappingproxy_traverse,
    .tp_repr = mappingproxy_repr,
    .tp_str = mappingproxy_str,
    .tp_richcompare = mappingproxy_richcompare,
    .tp_iter = mappingproxy_iter,
    .tp_new = mappingproxy_tp_new,
    .tp_getitem = mappingproxy_getitem,
    .tp_len = mappingproxy_len,
    .tp_contains = mappingproxy_contains,
    .tp_as_number = &mappingproxy_as_number,
    .tp_methods = mappingproxy_methods,
};
