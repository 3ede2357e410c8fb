// module.c — module objects (types.ModuleType): a namespace dict plus a name,
// and the helpers native modules use to fill it.
//
// Invariants: `dict` is created with the module and never replaced (LOAD_GLOBAL
// caches rely on it); modules and their dicts are deferred-refcounted.
#include <stdio.h>

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

#define MOD(o) ((WfModuleObject *)(o))

static int module_init_dict(WfObject *m, WfObject *name, WfObject *doc) {
    WfObject *d = MOD(m)->dict;
    if (wf_dict_set_item(d, WF_ID(__name__), name) < 0 || wf_dict_set_item(d, WF_ID(__doc__), doc) < 0 ||
        wf_dict_set_item(d, WF_ID(__package__), wf_None) < 0 || wf_dict_set_item(d, WF_ID(__loader__), wf_None) < 0 ||
        wf_dict_set_item(d, WF_ID(__spec__), wf_None) < 0)
        return -1;
    WF_SETREF(MOD(m)->name, wf_newref(name));
    return 0;
}

static WfObject *module_alloc(WfTypeObject *type) {
    WfObject *m = wf_type_generic_alloc(type, 0);
    if (!m) return NULL;
    MOD(m)->dict = wf_dict_new();
    if (!MOD(m)->dict) {
        wf_decref(m);
        return NULL;
    }
    return m;
}

WfObject *wf_module_new(WfObject *name) {
    WfObject *m = module_alloc(&wf_module_type);
    if (!m) return NULL;
    if (module_init_dict(m, name, wf_None) < 0) {
        wf_decref(m);
        return NULL;
    }
    wf_object_set_deferred(m);
    wf_object_set_deferred(MOD(m)->dict);
    return m;
}

WfObject *wf_module_new_cstr(const char *name) {
    WfObject *n = wf_str_from_cstr(name);
    if (!n) return NULL;
    WfObject *m = wf_module_new(n);
    wf_decref(n);
    return m;
}

static WfObject *module_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *m = module_alloc(type);
    if (m) {
        wf_object_set_deferred(m);
        wf_object_set_deferred(MOD(m)->dict);
    }
    return m;
}

static int module_tp_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"module", "O|O", {"name", "doc", NULL}};
    WfObject *name = NULL, *doc = wf_None;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &name, &doc) < 0) return -1;
    if (!wf_str_check(name)) {
        wf_err_format(&wf_exc_TypeError, "module() argument 'name' must be str, not %.200s", WF_TYPE(name)->tp_name);
        return -1;
    }
    return module_init_dict(self, name, doc);
}

static void module_dealloc(WfObject *self) {
    WfModuleObject *m = MOD(self);
    WF_CLEAR(m->dict);
    WF_CLEAR(m->name);
    if (m->state) {
        wf_mem_free(m->state);
        m->state = NULL;
    }
    wf_type_of(self)->tp_free(self);
}

static int module_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    if (MOD(self)->dict && visit(MOD(self)->dict, arg)) return -1;
    return 0;
}

// The module's name from its dict (borrowed str) or NULL.
static WfObject *dict_name(WfObject *self) {
    WfObject *d = MOD(self)->dict;
    if (!d) return NULL;
    WfObject *n = wf_dict_get_item_borrow(d, WF_ID(__name__));
    return n && wf_str_check(n) ? n : NULL;
}

static bool spec_initializing(WfObject *spec) {
    if (!spec || spec == wf_None) return false;
    WfObject *v;
    if (wf_object_lookup_attr(spec, wf_str_intern_cstr("_initializing"), &v) <= 0) {
        wf_err_clear();
        return false;
    }
    int t = wf_object_is_true(v);
    wf_decref(v);
    if (t < 0) wf_err_clear();
    return t > 0;
}

static WfObject *module_getattro(WfObject *self, WfObject *name) {
    WfObject *r = wf_object_generic_getattr_suppress(self, name);
    if (r || wf_err_occurred()) return r;
    WfObject *d = MOD(self)->dict;
    if (d) {
        WfObject *getattr = NULL;
        if (wf_dict_get_item_ref(d, WF_ID(__getattr__), &getattr) < 0) return NULL;
        if (getattr) {
            r = wf_object_call_one(getattr, name);
            wf_decref(getattr);
            return r;
        }
        WfObject *mod_name = dict_name(self);
        if (mod_name) {
            WfObject *spec = wf_dict_get_item_borrow(d, WF_ID(__spec__));
            if (spec_initializing(spec)) {
                wf_err_format(&wf_exc_AttributeError,
                              "partially initialized module '%U' has no attribute '%U' (most likely due to a circular import)",
                              mod_name, name);
            } else {
                wf_err_format(&wf_exc_AttributeError, "module '%U' has no attribute '%U'", mod_name, name);
            }
        } else {
            wf_err_format(&wf_exc_AttributeError, "module has no attribute '%U'", name);
        }
    } else {
        wf_err_format(&wf_exc_AttributeError, "module has no attribute '%U'", name);
    }
    WfObject *exc = wf_err_occurred_borrow();
    if (exc && wf_type_of(exc) == &wf_exc_AttributeError) {
        WfAttributeErrorObject *ae = (WfAttributeErrorObject *)exc;
        if (!ae->name) ae->name = wf_newref(name);
        if (!ae->obj) ae->obj = wf_newref(self);
    }
    return NULL;
}

static WfObject *get_attr_or_null(WfObject *o, const char *name) {
    WfObject *v = NULL;
    if (wf_object_lookup_attr(o, wf_str_intern_cstr(name), &v) < 0) {
        wf_err_clear();
        return NULL;
    }
    return v;
}

static WfObject *module_repr(WfObject *self) {
    WfObject *spec = get_attr_or_null(self, "__spec__");
    WfObject *r = NULL;
    if (spec && spec != wf_None) {
        WfObject *name = get_attr_or_null(spec, "name");
        WfObject *origin = get_attr_or_null(spec, "origin");
        WfObject *shown = name && name != wf_None ? name : NULL;
        if (!origin || origin == wf_None) {
            WfObject *loader = get_attr_or_null(spec, "loader");
            if (!loader || loader == wf_None) r = shown ? wf_str_from_format("<module %R>", shown) : wf_str_from_cstr("<module '?'>");
            else r = shown ? wf_str_from_format("<module %R (%R)>", shown, loader) : wf_str_from_format("<module '?' (%R)>", loader);
            wf_xdecref(loader);
        } else {
            WfObject *has_loc = get_attr_or_null(spec, "has_location");
            int loc = has_loc ? wf_object_is_true(has_loc) : 0;
            if (loc < 0) {
                wf_err_clear();
                loc = 0;
            }
            if (loc) r = wf_str_from_format("<module %R from %R>", shown ? shown : wf_str_intern_cstr("?"), origin);
            else r = wf_str_from_format("<module %R (%S)>", shown ? shown : wf_str_intern_cstr("?"), origin);
            wf_xdecref(has_loc);
        }
        wf_xdecref(name);
        wf_xdecref(origin);
        wf_decref(spec);
        return r;
    }
    wf_xdecref(spec);
    WfObject *name = get_attr_or_null(self, "__name__");
    if (!name) name = wf_str_intern_cstr("?");
    WfObject *file = get_attr_or_null(self, "__file__");
    if (file) {
        r = wf_str_from_format("<module %R from %R>", name, file);
        wf_decref(file);
    } else if (MOD(self)->def || MOD(self)->builtin) {
        r = wf_str_from_format("<module %R (built-in)>", name);
    } else {
        WfObject *loader = get_attr_or_null(self, "__loader__");
        if (loader && loader != wf_None) r = wf_str_from_format("<module %R (%R)>", name, loader);
        else r = wf_str_from_format("<module %R>", name);
        wf_xdecref(loader);
    }
    wf_decref(name);
    return r;
}

static WfObject *module_dir(WfObject *self, WfObject *unused) {
    WfObject *d = wf_object_getattr(self, WF_ID(__dict__));
    if (!d) return NULL;
    WfObject *r;
    if (!wf_dict_check(d)) {
        r = wf_err_format(&wf_exc_TypeError, "<module>.__dict__ is not a dictionary");
    } else {
        WfObject *dirfunc = NULL;
        if (wf_dict_get_item_ref(d, WF_ID(__dir__), &dirfunc) < 0) {
            r = NULL;
        } else if (dirfunc) {
            r = wf_object_call_noargs(dirfunc);
            wf_decref(dirfunc);
        } else {
            r = wf_dict_keys_list(d);
        }
    }
    wf_decref(d);
    return r;
}

static WfObject *module_get_annotations(WfObject *self, void *c) {
    WfObject *d = MOD(self)->dict;
    WfObject *ann = NULL;
    if (wf_dict_get_item_ref(d, WF_ID(__annotations__), &ann) < 0) return NULL;
    if (ann) return ann;
    ann = wf_dict_new();
    if (ann && wf_dict_set_item(d, WF_ID(__annotations__), ann) < 0) WF_CLEAR(ann);
    return ann;
}

static int module_set_annotations(WfObject *self, WfObject *value, void *c) {
    WfObject *d = MOD(self)->dict;
    if (value) return wf_dict_set_item(d, WF_ID(__annotations__), value);
    if (wf_dict_del_item(d, WF_ID(__annotations__)) < 0) {
        if (wf_err_matches(&wf_exc_KeyError)) {
            wf_err_clear();
            wf_err_set_string(&wf_exc_AttributeError, "__annotations__");
        }
        return -1;
    }
    return 0;
}

static const WfMethodDef module_methods[] = {
    WF_METHOD("__dir__", module_dir, WF_METH_NOARGS, "__dir__($self, /)\n--\n\nReturn the module's namespace keys."),
    WF_METHOD_END,
};

static const WfMemberDef module_members[] = {
    {"__dict__", WF_T_OBJECT, offsetof(WfModuleObject, dict), WF_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static const WfGetSetDef module_getset[] = {
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_module_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "module",
    .tp_basicsize = sizeof(WfModuleObject),
    .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC,
    .tp_doc = "module(name, doc=None)\n--\n\nCreate a module object.\n\n"
              "The name must be a string; the optional doc argument can have any type.",
    .tp_dealloc = module_dealloc,
    .tp_traverse = module_traverse,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = wf_object_generic_setattr,
    .tp_init = module_tp_init,
    .tp_new = module_tp_new,
    .tp_methods = module_methods,
    .tp_members = module_members,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(WfModuleObject, dict),
};

// ---------------------------------------------------------------------------
// Native modules

WfObject *wf_module_from_def(const WfModuleDef *def) {
    WfObject *m = wf_module_new_cstr(def->name);
    if (!m) return NULL;
    WfModuleObject *mo = MOD(m);
    mo->def = def;
    mo->builtin = 1;
    mo->gil_used = !def->gil_not_used;
    if (def->state_size) {
        mo->state = wf_mem_calloc(1, def->state_size);
        if (!mo->state) {
            wf_decref(m);
            return wf_err_no_memory();
        }
    }
    if (def->doc) {
        WfObject *doc = wf_str_from_cstr(def->doc);
        if (!doc || wf_dict_set_item_take(mo->dict, WF_ID(__doc__), doc) < 0) {
            wf_decref(m);
            return NULL;
        }
    }
    if (def->methods && wf_function_add_methods(mo->dict, def->methods, m, mo->name) < 0) {
        wf_decref(m);
        return NULL;
    }
    if (def->exec && def->exec(m) < 0) {
        wf_decref(m);
        return NULL;
    }
    return m;
}

int wf_module_add_object(WfObject *m, const char *name, WfObject *value) {
    if (!value) return -1;
    int r = wf_dict_set_item_cstr(MOD(m)->dict, name, value);
    wf_decref(value);
    return r;
}

int wf_module_add_int(WfObject *m, const char *name, long long v) {
    return wf_module_add_object(m, name, wf_int_from_long_long(v));
}

int wf_module_add_str(WfObject *m, const char *name, const char *v) {
    return wf_module_add_object(m, name, wf_str_from_cstr(v));
}

int wf_module_add_type(WfObject *m, WfTypeObject *t) {
    if (wf_type_ready(t) < 0) return -1;
    const char *dot = strrchr(t->tp_name, '.');
    const char *name = dot ? dot + 1 : t->tp_name;
    return wf_dict_set_item_cstr(MOD(m)->dict, name, (WfObject *)t);
}
