// genericalias.c — types.GenericAlias (PEP 585): the result of list[int],
// dict[str, int], ... produced by the builtin containers' __class_getitem__.
// Behaves like CPython 3.11's: repr `list[int]`, __origin__/__args__/
// __parameters__, equality and hash from (origin, args), calling creates an
// instance of the origin, other attributes come from the origin, `|` makes a
// union, and isinstance() rejects it.
//
// Invariant: origin and args are set at creation (args always a tuple) and
// never change; parameters is computed once, lazily (a racing computation
// produces an equal tuple; the first published one wins).
#include "objects/genericalias.h"

#include "objects/dict.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    WfObject ob_base;
    WfObject *origin;
    WfObject *args;                    // tuple
    _Atomic(WfObject *) parameters;    // tuple or NULL until computed
} GenericAlias;

#define GA(o) ((GenericAlias *)(o))

WfObject *wf_generic_alias_new(WfObject *origin, WfObject *args) {
    WfObject *t = wf_tuple_check(args) ? wf_newref(args) : wf_tuple_pack(1, args);
    if (!t) return NULL;
    GenericAlias *ga = (GenericAlias *)wf_object_alloc(&wf_generic_alias_type);
    if (!ga) {
        wf_decref(t);
        return NULL;
    }
    ga->origin = wf_newref(origin);
    ga->args = t;
    atomic_store_explicit(&ga->parameters, NULL, memory_order_relaxed);
    return (WfObject *)ga;
}

WfObject *wf_generic_alias_class_getitem(WfObject *cls, WfObject *args) { return wf_generic_alias_new(cls, args); }

static void ga_dealloc(WfObject *o) {
    wf_decref(GA(o)->origin);
    wf_decref(GA(o)->args);
    wf_xdecref(atomic_load_explicit(&GA(o)->parameters, memory_order_relaxed));
    wf_object_free(o);
}

static int ga_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    int r = visit(GA(o)->origin, arg);
    if (!r) r = visit(GA(o)->args, arg);
    return r;
}

static WfObject *cstr_id(const char *s) { return wf_str_intern_cstr(s); }

static int repr_item(WfStrBuilder *b, WfObject *p) {
    if (p == wf_Ellipsis) return wf_str_builder_append_ascii(b, "...");
    WfObject *tmp = NULL, *qualname = NULL, *module = NULL, *r = NULL;
    int found = wf_object_lookup_attr(p, cstr_id("__origin__"), &tmp);
    if (found < 0) return -1;
    if (found) {
        wf_decref(tmp);
        found = wf_object_lookup_attr(p, cstr_id("__args__"), &tmp);
        if (found < 0) return -1;
        if (found) {
            wf_decref(tmp);
            goto use_repr;
        }
    }
    if (wf_object_lookup_attr(p, WF_ID(__qualname__), &qualname) < 0) return -1;
    if (!qualname) goto use_repr;
    if (wf_object_lookup_attr(p, WF_ID(__module__), &module) < 0) {
        wf_decref(qualname);
        return -1;
    }
    if (!module || module == wf_None) {
        wf_decref(qualname);
        wf_xdecref(module);
        goto use_repr;
    }
    if (wf_str_check(module) && wf_str_equal_cstr(module, "builtins")) r = wf_object_str(qualname);
    else r = wf_str_from_format("%S.%S", module, qualname);
    wf_decref(qualname);
    wf_decref(module);
    goto done;
use_repr:
    r = wf_object_repr(p);
done:
    if (!r) return -1;
    int rc = wf_str_builder_append_str(b, r);
    wf_decref(r);
    return rc;
}

static WfObject *ga_repr(WfObject *o) {
    GenericAlias *ga = GA(o);
    WfStrBuilder b;
    wf_str_builder_init(&b);
    if (repr_item(&b, ga->origin) < 0 || wf_str_builder_append_char(&b, '[') < 0) goto fail;
    wf_ssize n = wf_tuple_size(ga->args);
    for (wf_ssize i = 0; i < n; i++) {
        if (i > 0 && wf_str_builder_append_ascii(&b, ", ") < 0) goto fail;
        WfObject *p = wf_tuple_get_borrow(ga->args, i);
        if (wf_list_check_exact(p)) {
            if (wf_str_builder_append_char(&b, '[') < 0) goto fail;
            for (wf_ssize j = 0; j < wf_list_size(p); j++) {
                if (j > 0 && wf_str_builder_append_ascii(&b, ", ") < 0) goto fail;
                if (repr_item(&b, wf_list_get_borrow_unsafe(p, j)) < 0) goto fail;
            }
            if (wf_str_builder_append_char(&b, ']') < 0) goto fail;
        } else if (repr_item(&b, p) < 0) {
            goto fail;
        }
    }
    if (n == 0 && wf_str_builder_append_ascii(&b, "()") < 0) goto fail;
    if (wf_str_builder_append_char(&b, ']') < 0) goto fail;
    return wf_str_builder_finish(&b);
fail:
    wf_str_builder_discard(&b);
    return NULL;
}

static const char *const attr_exceptions[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__",
    "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", NULL,
};

static WfObject *ga_getattro(WfObject *o, WfObject *name) {
    if (wf_str_check(name)) {
        for (const char *const *p = attr_exceptions;; p++) {
            if (!*p) return wf_object_getattr(GA(o)->origin, name);
            if (wf_str_equal_cstr(name, *p)) break;
        }
    }
    return wf_object_generic_getattr(o, name);
}

static WfObject *ga_richcompare(WfObject *a, WfObject *b, int op) {
    if (wf_type_of(b) != &wf_generic_alias_type || (op != WF_EQ && op != WF_NE)) return wf_newref(wf_NotImplemented);
    int eq = wf_object_richcompare_bool(GA(a)->origin, GA(b)->origin, WF_EQ);
    if (eq < 0) return NULL;
    if (eq) {
        eq = wf_object_richcompare_bool(GA(a)->args, GA(b)->args, WF_EQ);
        if (eq < 0) return NULL;
    }
    return wf_bool_from(op == WF_EQ ? eq : !eq);
}

static intptr_t ga_hash(WfObject *o) {
    intptr_t h0 = wf_object_hash(GA(o)->origin);
    if (h0 == -1) return -1;
    intptr_t h1 = wf_object_hash(GA(o)->args);
    if (h1 == -1) return -1;
    intptr_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static WfObject *ga_call(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *obj = wf_object_call(GA(self)->origin, args, nargs, kwnames);
    if (obj && wf_object_setattr(obj, cstr_id("__orig_class__"), self) < 0) {
        if (!wf_err_matches(&wf_exc_AttributeError) && !wf_err_matches(&wf_exc_TypeError)) {
            wf_decref(obj);
            return NULL;
        }
        wf_err_clear();
    }
    return obj;
}

static WfObject *ga_or(WfObject *a, WfObject *b) { return wf_union_type_or(a, b); }

static WfNumberMethods ga_as_number = {
    .nb_or = ga_or,
};

static WfObject *ga_getitem(WfObject *o, WfObject *key) {
    return wf_err_format(&wf_exc_TypeError, "There are no type variables left in %R", o);
}

static WfObject *ga_mro_entries(WfObject *o, WfObject *bases) { return wf_tuple_pack(1, GA(o)->origin); }

static WfObject *ga_instancecheck(WfObject *o, WfObject *x) {
    wf_err_set_string(&wf_exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    return NULL;
}

static WfObject *ga_subclasscheck(WfObject *o, WfObject *x) {
    wf_err_set_string(&wf_exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
    return NULL;
}

static WfObject *ga_reduce(WfObject *o, WfObject *unused) {
    WfObject *args = wf_tuple_pack(2, GA(o)->origin, GA(o)->args);
    if (!args) return NULL;
    WfObject *r = wf_tuple_pack(2, (WfObject *)wf_type_of(o), args);
    wf_decref(args);
    return r;
}

static WfObject *ga_dir(WfObject *o, WfObject *unused) {
    WfObject *r = wf_object_dir(GA(o)->origin);
    if (!r) return NULL;
    for (const char *const *p = attr_exceptions; *p; p++) {
        WfObject *n = cstr_id(*p);
        int c = wf_sequence_contains(r, n);
        if (c < 0 || (c == 0 && wf_list_append(r, n) < 0)) {
            wf_decref(r);
            return NULL;
        }
    }
    return r;
}

static const WfMethodDef ga_methods[] = {
    WF_METHOD("__mro_entries__", ga_mro_entries, WF_METH_O, NULL),
    WF_METHOD("__instancecheck__", ga_instancecheck, WF_METH_O, NULL),
    WF_METHOD("__subclasscheck__", ga_subclasscheck, WF_METH_O, NULL),
    WF_METHOD("__reduce__", ga_reduce, WF_METH_NOARGS, NULL),
    WF_METHOD("__dir__", ga_dir, WF_METH_NOARGS, NULL),
    WF_METHOD_END,
};

static const WfMemberDef ga_members[] = {
    {"__origin__", WF_T_OBJECT, offsetof(GenericAlias, origin), WF_MEMBER_READONLY, NULL},
    {"__args__", WF_T_OBJECT, offsetof(GenericAlias, args), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

// Type variables among the arguments (anything with __typing_subst__), once each.
static WfObject *ga_parameters(WfObject *o, void *closure) {
    GenericAlias *ga = GA(o);
    WfObject *p = atomic_load_explicit(&ga->parameters, memory_order_acquire);
    if (p) return wf_newref(p);
    WfObject *l = wf_list_new(0);
    if (!l) return NULL;
    WfObject *subst = cstr_id("__typing_subst__");
    for (wf_ssize i = 0; i < wf_tuple_size(ga->args); i++) {
        WfObject *a = wf_tuple_get_borrow(ga->args, i);
        if (wf_type_check_type(a)) continue;
        WfObject *m;
        int r = wf_object_lookup_attr(a, subst, &m);
        if (r < 0) {
            wf_decref(l);
            return NULL;
        }
        if (r == 0) continue;
        wf_decref(m);
        int c = wf_sequence_contains(l, a);
        if (c < 0 || (c == 0 && wf_list_append(l, a) < 0)) {
            wf_decref(l);
            return NULL;
        }
    }
    WfObject *t = wf_list_as_tuple(l);
    wf_decref(l);
    if (!t) return NULL;
    WfObject *expected = NULL;
    // Release: a reader that acquires the pointer sees the tuple's items.
    if (!atomic_compare_exchange_strong_explicit(&ga->parameters, &expected, t, memory_order_release,
                                                 memory_order_acquire)) {
        wf_decref(t);
        t = expected;
    }
    return wf_newref(t);
}

static WfObject *ga_unpacked(WfObject *o, void *closure) { return wf_False; }

static const WfGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL, "Type variables in the GenericAlias.", NULL},
    {"__unpacked__", ga_unpacked, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfObject *ga_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames)) return wf_err_format(&wf_exc_TypeError, "GenericAlias() takes no keyword arguments");
    if (nargs != 2) return wf_err_format(&wf_exc_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
    return wf_generic_alias_new(args[0], args[1]);
}

WfTypeObject wf_generic_alias_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(GenericAlias),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
    .tp_dealloc = ga_dealloc,
    .tp_traverse = ga_traverse,
    .tp_repr = ga_repr,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_richcompare = ga_richcompare,
    .tp_new = ga_new,
    .tp_as_number = &ga_as_number,
    .tp_getitem = ga_getitem,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
};
