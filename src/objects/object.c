// object.c — the singletons None / NotImplemented / Ellipsis and their types,
// the base type `object`, object allocation, and the generic attribute
// machinery (object.__getattribute__ / __setattr__, instance dicts, method
// lookup for calls, dir()).
//
// Invariants:
// - An instance of a type with WF_TPFLAGS_PREHEADER is preceded by
//   WF_PREHEADER_SIZE bytes ([dict, weaklist]); its block starts there.
// - An instance __dict__ slot is NULL or a dict; it is published once with a
//   compare-and-swap (acq_rel) and read with acquire loads, so a reader that
//   sees the pointer sees an initialized dict. Replacing it (o.__dict__ = d)
//   uses an atomic exchange.
// - Generic attribute lookup order: data descriptor on the type, then the
//   instance dict, then non-data descriptor / plain class attribute.
#include <stdio.h>

#include "objects/containers.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/deferred.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"

// ---------------------------------------------------------------------------
// Allocation

static WfObject *alloc_block(WfTypeObject *type, size_t size) {
    size = (size + 7) & ~(size_t)7;
    size_t pre = (type->tp_flags & WF_TPFLAGS_PREHEADER) ? WF_PREHEADER_SIZE : 0;
    char *mem = wf_mem_malloc(size + pre);
    if (!mem) return wf_err_no_memory();
    memset(mem, 0, size + pre);
    WfObject *o = (WfObject *)(mem + pre);
    wf_object_init_header(o, type);
    return o;
}

WfObject *wf_object_alloc(WfTypeObject *type) {
    return alloc_block(type, (size_t)type->tp_basicsize);
}

WfObject *wf_object_alloc_var(WfTypeObject *type, wf_ssize nitems) {
    if (nitems < 0) nitems = 0;
    size_t size = (size_t)type->tp_basicsize + (size_t)nitems * (size_t)type->tp_itemsize;
    WfObject *o = alloc_block(type, size);
    if (o) ((WfVarObject *)o)->ob_size = nitems;
    return o;
}

void wf_object_free(WfObject *o) {
    // The type is still alive here: a heap type's instances hold a reference
    // that subtype_dealloc releases only after the block is freed.
    if (o->ob_type->tp_flags & WF_TPFLAGS_PREHEADER) wf_mem_free((char *)o - WF_PREHEADER_SIZE);
    else wf_mem_free(o);
}

WfObject **wf_object_dict_ptr(WfObject *o) {
    if (wf_is_smallint(o)) return NULL;
    wf_ssize off = o->ob_type->tp_dictoffset;
    if (!off) return NULL;
    return (WfObject **)((char *)o + off);
}

intptr_t wf_hash_pointer(const void *p) {
    size_t y = (size_t)p;
    // Rotate by 4 bits: the low bits of an aligned pointer are always zero.
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    intptr_t x = (intptr_t)y;
    return x == -1 ? -2 : x;
}

// ---------------------------------------------------------------------------
// None, NotImplemented, Ellipsis

static WfObject *none_repr(WfObject *o) { return wf_str_intern_cstr("None"); }
static int none_bool(WfObject *o) { return 0; }

static WfObject *singleton_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs || (kwnames && wf_tuple_size(kwnames))) {
        return wf_err_format(&wf_exc_TypeError, "%s takes no arguments", type->tp_name);
    }
    if (type == &wf_none_type) return wf_None;
    if (type == &wf_notimplemented_type) return wf_NotImplemented;
    return wf_Ellipsis;
}

static WfNumberMethods none_as_number = {.nb_bool = none_bool};

WfTypeObject wf_none_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(WfObject),
    .tp_repr = none_repr,
    .tp_new = singleton_new,
    .tp_as_number = &none_as_number,
    .tp_doc = NULL,
};

static WfObject *notimplemented_repr(WfObject *o) { return wf_str_intern_cstr("NotImplemented"); }

static int notimplemented_bool(WfObject *o) {
    if (wf_err_warn(&wf_exc_DeprecationWarning, "NotImplemented should not be used in a boolean context", 1) < 0)
        return -1;
    return 1;
}

static WfObject *singleton_reduce(WfObject *self, WfObject *unused) {
    if (self == wf_NotImplemented) return wf_str_intern_cstr("NotImplemented");
    return wf_str_intern_cstr("Ellipsis");
}

static const WfMethodDef singleton_methods[] = {
    WF_METHOD("__reduce__", singleton_reduce, WF_METH_NOARGS, NULL),
    WF_METHOD_END,
};

static WfNumberMethods notimplemented_as_number = {.nb_bool = notimplemented_bool};

WfTypeObject wf_notimplemented_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(WfObject),
    .tp_repr = notimplemented_repr,
    .tp_new = singleton_new,
    .tp_as_number = &notimplemented_as_number,
    .tp_methods = singleton_methods,
};

static WfObject *ellipsis_repr(WfObject *o) { return wf_str_intern_cstr("Ellipsis"); }

WfTypeObject wf_ellipsis_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(WfObject),
    .tp_repr = ellipsis_repr,
    .tp_new = singleton_new,
    .tp_methods = singleton_methods,
};

WfObject wf_none_object = WF_STATIC_HEAD(&wf_none_type);
WfObject wf_notimplemented_object = WF_STATIC_HEAD(&wf_notimplemented_type);
WfObject wf_ellipsis_object = WF_STATIC_HEAD(&wf_ellipsis_type);

// ---------------------------------------------------------------------------
// AttributeError helpers

WfObject *wf_object_attribute_error(WfObject *o, WfObject *name) {
    wf_err_format(&wf_exc_AttributeError, "'%.100s' object has no attribute '%U'", WF_TYPE(o)->tp_name, name);
    WfObject *exc = wf_err_occurred_borrow();
    if (exc && wf_type_of(exc) == &wf_exc_AttributeError) {
        WfAttributeErrorObject *ae = (WfAttributeErrorObject *)exc;
        if (!ae->name) ae->name = wf_newref(name);
        if (!ae->obj) ae->obj = wf_newref(o);
    }
    return NULL;
}

static WfObject *attribute_name_error(WfObject *name) {
    return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
}

// ---------------------------------------------------------------------------
// Generic attribute access

WF_INLINE WfObject *load_dict_slot(WfObject **slot) { return __atomic_load_n(slot, __ATOMIC_ACQUIRE); }

// The instance dict of o, created on demand when `create`; borrowed (kept
// alive by o). NULL without exception if o has no dict slot or (not create) no dict.
static WfObject *instance_dict(WfObject *o, bool create) {
    WfObject **slot = wf_object_dict_ptr(o);
    if (!slot) return NULL;
    WfObject *d = load_dict_slot(slot);
    if (d || !create) return d;
    WfObject *fresh = wf_dict_new();
    if (!fresh) return NULL;
    WfObject *expected = NULL;
    // acq_rel: release publishes the initialized dict; on failure acquire
    // makes the winner's dict visible.
    if (__atomic_compare_exchange_n(slot, &expected, fresh, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) return fresh;
    wf_decref(fresh);
    return expected;
}

static WfObject *generic_getattr(WfObject *o, WfObject *name, bool suppress) {
    if (WF_UNLIKELY(!wf_str_check(name))) return attribute_name_error(name);
    WfTypeObject *tp = wf_type_of(o);
    WfObject *descr = wf_type_lookup(tp, name);
    WfDescrGetFunc f = NULL;
    WfObject *res;
    if (descr) {
        wf_incref(descr);
        WfTypeObject *dt = wf_type_of(descr);
        f = dt->tp_descr_get;
        if (f && dt->tp_descr_set) {
            res = f(descr, o, (WfObject *)tp);
            wf_decref(descr);
            if (!res && suppress && wf_err_matches(&wf_exc_AttributeError)) wf_err_clear();
            return res;
        }
    }
    if (tp->tp_dictoffset) {
        WfObject *dict = instance_dict(o, false);
        if (dict) {
            int r = wf_dict_get_item_ref(dict, name, &res);
            if (r != 0) {
                if (descr) wf_decref(descr);
                return r > 0 ? res : NULL;
            }
        }
    }
    if (f) {
        res = f(descr, o, (WfObject *)tp);
        wf_decref(descr);
        if (!res && suppress && wf_err_matches(&wf_exc_AttributeError)) wf_err_clear();
        return res;
    }
    if (descr) return descr;
    if (!suppress) wf_object_attribute_error(o, name);
    return NULL;
}

WfObject *wf_object_generic_getattr(WfObject *o, WfObject *name) { return generic_getattr(o, name, false); }
WfObject *wf_object_generic_getattr_suppress(WfObject *o, WfObject *name) { return generic_getattr(o, name, true); }

int wf_object_generic_setattr(WfObject *o, WfObject *name, WfObject *value) {
    if (!wf_str_check(name)) {
        attribute_name_error(name);
        return -1;
    }
    WfTypeObject *tp = wf_type_of(o);
    WfObject *descr = wf_type_lookup(tp, name);
    if (descr) {
        WfDescrSetFunc f = wf_type_of(descr)->tp_descr_set;
        if (f) {
            wf_incref(descr);
            int r = f(descr, o, value);
            wf_decref(descr);
            return r;
        }
    }
    if (!wf_object_dict_ptr(o)) {
        if (!descr) wf_object_attribute_error(o, name);
        else
            wf_err_format(&wf_exc_AttributeError, "'%.100s' object attribute '%U' is read-only", tp->tp_name, name);
        return -1;
    }
    WfObject *dict = instance_dict(o, value != NULL);
    if (!dict) {
        if (!wf_err_occurred()) wf_object_attribute_error(o, name);
        return -1;
    }
    if (value) return wf_dict_set_item(dict, name, value);
    if (wf_dict_del_item(dict, name) < 0) {
        if (wf_err_matches(&wf_exc_KeyError)) {
            wf_err_clear();
            wf_object_attribute_error(o, name);
        }
        return -1;
    }
    return 0;
}

int wf_object_get_method(WfObject *o, WfObject *name, WfObject **method) {
    WfTypeObject *tp = wf_type_of(o);
    *method = NULL;
    if (tp->tp_getattro != wf_object_generic_getattr || !wf_str_check(name)) {
        *method = wf_object_getattr(o, name);
        return *method ? 0 : -1;
    }
    WfObject *descr = wf_type_lookup(tp, name);
    WfDescrGetFunc f = NULL;
    bool meth_found = false;
    if (descr) {
        wf_incref(descr);
        WfTypeObject *dt = wf_type_of(descr);
        if (dt->tp_flags & WF_TPFLAGS_METHOD_DESCRIPTOR) {
            meth_found = true;
        } else {
            f = dt->tp_descr_get;
            if (f && dt->tp_descr_set) {
                *method = f(descr, o, (WfObject *)tp);
                wf_decref(descr);
                return *method ? 0 : -1;
            }
        }
    }
    if (tp->tp_dictoffset) {
        WfObject *dict = instance_dict(o, false);
        if (dict) {
            WfObject *res;
            int r = wf_dict_get_item_ref(dict, name, &res);
            if (r != 0) {
                if (descr) wf_decref(descr);
                *method = r > 0 ? res : NULL;
                return r > 0 ? 0 : -1;
            }
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f) {
        *method = f(descr, o, (WfObject *)tp);
        wf_decref(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    wf_object_attribute_error(o, name);
    return -1;
}

// __dict__ getset for instances with a dict slot.
WfObject *wf_object_generic_get_dict(WfObject *o, void *closure) {
    if (!wf_object_dict_ptr(o)) {
        return wf_err_format(&wf_exc_AttributeError, "This object has no __dict__");
    }
    WfObject *d = instance_dict(o, true);
    return d ? wf_newref(d) : NULL;
}

int wf_object_generic_set_dict(WfObject *o, WfObject *value, void *closure) {
    WfObject **slot = wf_object_dict_ptr(o);
    if (!slot) {
        wf_err_set_string(&wf_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!wf_dict_check(value)) {
        wf_err_format(&wf_exc_TypeError, "__dict__ must be set to a dictionary, not a '%.200s'", WF_TYPE(value)->tp_name);
        return -1;
    }
    wf_incref(value);
    // acq_rel: publish the new dict; the old one is released by us.
    WfObject *old = __atomic_exchange_n(slot, value, __ATOMIC_ACQ_REL);
    // Another thread may be reading an attribute through the old dict
    // without a reference to it: retire it (freed no earlier than the next
    // deferred sweep) unless this thread is alone.
    if (old && wf_containers_need_lock()) wf_deferred_retire(old);
    else wf_xdecref(old);
    return 0;
}

// ---------------------------------------------------------------------------
// Special method lookup helpers (used by slot functions and protocols)

WfObject *wf_object_lookup_special(WfObject *o, WfObject *name) {
    WfTypeObject *tp = wf_type_of(o);
    WfObject *res = wf_type_lookup(tp, name);
    if (!res) return NULL;
    wf_incref(res);
    WfDescrGetFunc f = wf_type_of(res)->tp_descr_get;
    if (f) {
        WfObject *bound = f(res, o, (WfObject *)tp);
        wf_decref(res);
        return bound;
    }
    return res;
}

WfObject *wf_object_call_special(WfObject *self, WfObject *name, WfObject *const *args, size_t nargs, int *found) {
    WfTypeObject *tp = wf_type_of(self);
    WfObject *func = wf_type_lookup(tp, name);
    if (!func) {
        *found = 0;
        return NULL;
    }
    *found = 1;
    wf_incref(func);
    WfTypeObject *ft = wf_type_of(func);
    WfObject *res;
    if (ft->tp_flags & WF_TPFLAGS_METHOD_DESCRIPTOR) {
        WfObject *stack[8];
        WfObject **buf = stack;
        if (nargs + 1 > 8) {
            buf = wf_mem_malloc((nargs + 1) * sizeof(WfObject *));
            if (!buf) {
                wf_decref(func);
                return wf_err_no_memory();
            }
        }
        buf[0] = self;
        for (size_t i = 0; i < nargs; i++) buf[i + 1] = args[i];
        res = wf_object_call(func, buf, nargs + 1, NULL);
        if (buf != stack) wf_mem_free(buf);
    } else if (ft->tp_descr_get) {
        WfObject *bound = ft->tp_descr_get(func, self, (WfObject *)tp);
        if (!bound) {
            wf_decref(func);
            return NULL;
        }
        res = wf_object_call(bound, args, nargs, NULL);
        wf_decref(bound);
    } else {
        res = wf_object_call(func, args, nargs, NULL);
    }
    wf_decref(func);
    return res;
}

// ---------------------------------------------------------------------------
// dir()

static int merge_class_dict(WfObject *dict, WfObject *aclass) {
    WfObject *classdict;
    int r = wf_object_lookup_attr(aclass, WF_ID(__dict__), &classdict);
    if (r < 0) return -1;
    if (r > 0) {
        int s = wf_dict_update(dict, classdict);
        wf_decref(classdict);
        if (s < 0) return -1;
    }
    WfObject *bases;
    r = wf_object_lookup_attr(aclass, wf_str_intern_cstr("__bases__"), &bases);
    if (r < 0) return -1;
    if (r > 0) {
        if (wf_tuple_check(bases)) {
            for (wf_ssize i = 0; i < wf_tuple_size(bases); i++) {
                if (merge_class_dict(dict, wf_tuple_get_borrow(bases, i)) < 0) {
                    wf_decref(bases);
                    return -1;
                }
            }
        }
        wf_decref(bases);
    }
    return 0;
}

static WfObject *object_dir_method(WfObject *self, WfObject *unused) {
    WfObject *dict;
    int r = wf_object_lookup_attr(self, WF_ID(__dict__), &dict);
    if (r < 0) return NULL;
    if (r == 0 || !wf_dict_check(dict)) {
        if (r > 0) wf_decref(dict);
        dict = wf_dict_new();
    } else {
        WfObject *copy = wf_dict_copy(dict);
        wf_decref(dict);
        dict = copy;
    }
    if (!dict) return NULL;
    WfObject *cls;
    r = wf_object_lookup_attr(self, WF_ID(__class__), &cls);
    if (r < 0 || (r > 0 && merge_class_dict(dict, cls) < 0)) {
        if (r > 0) wf_decref(cls);
        wf_decref(dict);
        return NULL;
    }
    if (r > 0) wf_decref(cls);
    WfObject *res = wf_dict_keys_list(dict);
    wf_decref(dict);
    return res;
}

// type.__dir__ (used by typeobject.c).
WfObject *wf_type_dir_method(WfObject *self, WfObject *unused) {
    WfObject *dict = wf_dict_new();
    if (!dict) return NULL;
    if (merge_class_dict(dict, self) < 0) {
        wf_decref(dict);
        return NULL;
    }
    WfObject *res = wf_dict_keys_list(dict);
    wf_decref(dict);
    return res;
}

WfObject *wf_object_dir(WfObject *o) {
    WfObject *meth = wf_object_lookup_special(o, WF_ID(__dir__));
    if (!meth) {
        if (!wf_err_occurred()) wf_err_set_string(&wf_exc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    WfObject *res = wf_object_call_noargs(meth);
    wf_decref(meth);
    if (!res) return NULL;
    WfObject *list = wf_list_from_iterable(res);
    wf_decref(res);
    if (!list) return NULL;
    if (wf_list_sort(list, NULL, false) < 0) {
        wf_decref(list);
        return NULL;
    }
    return list;
}

// ---------------------------------------------------------------------------
// The `object` type

static WfObject *object_repr(WfObject *self) {
    WfTypeObject *tp = wf_type_of(self);
    WfObject *mod = wf_type_module(tp);
    if (!mod) {
        wf_err_clear();
    } else if (wf_str_check(mod) && !wf_str_equal_cstr(mod, "builtins")) {
        WfObject *qual = wf_type_qualname(tp);
        if (!qual) {
            wf_decref(mod);
            return NULL;
        }
        WfObject *r = wf_str_from_format("<%U.%U object at %p>", mod, qual, (void *)self);
        wf_decref(mod);
        wf_decref(qual);
        return r;
    }
    wf_xdecref(mod);
    return wf_str_from_format("<%s object at %p>", tp->tp_name, (void *)self);
}

static WfObject *object_str(WfObject *self) {
    WfUnaryFunc f = wf_type_of(self)->tp_repr;
    if (!f) f = object_repr;
    return f(self);
}

static intptr_t object_hash(WfObject *self) { return wf_hash_pointer(self); }

static WfObject *object_richcompare(WfObject *self, WfObject *other, int op) {
    switch (op) {
    case WF_EQ:
        return self == other ? wf_True : wf_NotImplemented;
    case WF_NE: {
        // By default __ne__ delegates to __eq__ and inverts the result.
        WfRichCmpFunc f = wf_type_of(self)->tp_richcompare;
        if (!f) return wf_NotImplemented;
        WfObject *res = f(self, other, WF_EQ);
        if (res && res != wf_NotImplemented) {
            int ok = wf_object_is_true(res);
            wf_decref(res);
            if (ok < 0) return NULL;
            return ok ? wf_False : wf_True;
        }
        return res;
    }
    default:
        return wf_NotImplemented;
    }
}

static void object_dealloc(WfObject *self) {
    WfTypeObject *tp = self->ob_type;
    if (tp->tp_free) tp->tp_free(self);
    else wf_object_free(self);
}

static bool excess_args(size_t nargs, WfObject *kwnames) {
    return nargs > 0 || (kwnames && wf_tuple_size(kwnames) > 0);
}

static int object_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);

static WfObject *object_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames);

static WfObject *abstract_instantiation_error(WfTypeObject *type) {
    WfObject *abstract = NULL;
    if (type->tp_dict) wf_dict_get_item_ref(type->tp_dict, wf_str_intern_cstr("__abstractmethods__"), &abstract);
    if (!abstract) return wf_err_format(&wf_exc_TypeError, "Can't instantiate abstract class %s", type->tp_name);
    WfObject *sorted = wf_list_from_iterable(abstract);
    wf_decref(abstract);
    if (!sorted) return NULL;
    if (wf_list_sort(sorted, NULL, false) < 0) {
        wf_decref(sorted);
        return NULL;
    }
    WfObject *sep = wf_str_from_cstr(", ");
    WfObject *joined = sep ? wf_str_join(sep, sorted) : NULL;
    wf_xdecref(sep);
    wf_ssize n = wf_list_size(sorted);
    wf_decref(sorted);
    if (!joined) return NULL;
    wf_err_format(&wf_exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                  type->tp_name, n > 1 ? "s" : "", joined);
    wf_decref(joined);
    return NULL;
}

static WfObject *object_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (excess_args(nargs, kwnames)) {
        if (type->tp_new != object_new) {
            wf_err_set_string(&wf_exc_TypeError,
                              "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == object_init) {
            return wf_err_format(&wf_exc_TypeError, "%.200s() takes no arguments", type->tp_name);
        }
    }
    if (type->tp_flags & WF_TPFLAGS_ABSTRACT) return abstract_instantiation_error(type);
    return wf_type_generic_alloc(type, 0);
}

static int object_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfTypeObject *type = wf_type_of(self);
    if (excess_args(nargs, kwnames)) {
        if (type->tp_init != object_init) {
            wf_err_set_string(&wf_exc_TypeError,
                              "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == object_new) {
            wf_err_format(&wf_exc_TypeError, "%.200s() takes no arguments", type->tp_name);
            return -1;
        }
    }
    return 0;
}

WfObject *wf_type_generic_new(WfTypeObject *t, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    return object_new(t, args, nargs, kwnames);
}

// Private accessors used by typeobject.c / typeslots.c.
WfNewFunc wf_object_new_func(void) { return object_new; }
WfInitFunc wf_object_init_func(void) { return object_init; }

static WfObject *object_format(WfObject *self, WfObject *spec) {
    if (!wf_str_check(spec)) {
        return wf_err_format(&wf_exc_TypeError, "__format__() argument must be str, not %.200s",
                             WF_TYPE(spec)->tp_name);
    }
    if (wf_str_length(spec) > 0) {
        return wf_err_format(&wf_exc_TypeError, "unsupported format string passed to %.200s.__format__",
                             wf_type_of(self)->tp_name);
    }
    return wf_object_str(self);
}

static WfObject *object_init_subclass(WfObject *cls, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    const char *name = wf_type_check_type(cls) ? ((WfTypeObject *)cls)->tp_name : "object";
    if (kwnames && wf_tuple_size(kwnames)) {
        return wf_err_format(&wf_exc_TypeError, "%.200s.__init_subclass__() takes no keyword arguments", name);
    }
    if (nargs) {
        return wf_err_format(&wf_exc_TypeError, "%.200s.__init_subclass__() takes no arguments (%zd given)", name,
                             (wf_ssize)nargs);
    }
    return wf_None;
}

static WfObject *object_subclasshook(WfObject *cls, WfObject *const *args, size_t nargs) {
    return wf_NotImplemented;
}

static WfObject *object_sizeof(WfObject *self, WfObject *unused) {
    WfTypeObject *tp = wf_type_of(self);
    wf_ssize size = tp->tp_basicsize;
    if (tp->tp_itemsize && !wf_is_smallint(self)) size += ((WfVarObject *)self)->ob_size * tp->tp_itemsize;
    return wf_int_from_ssize(size);
}

static WfObject *object_getstate(WfObject *self, WfObject *unused) {
    WfObject *dict = instance_dict(self, false);
    if (dict && wf_dict_size(dict) > 0) return wf_dict_copy(dict);
    if (wf_err_occurred()) return NULL;
    return wf_None;
}

// object.__reduce__ / __reduce_ex__: protocol < 2 delegates to
// copyreg._reduce_ex, protocol >= 2 builds (copyreg.__newobj__, (cls, *args),
// state, listitems, dictitems) as CPython's reduce_newobj.
static WfObject *import_copyreg(void) {
    WfObject *imp = wf_runtime.builtins_dict ? wf_dict_get_item_borrow(wf_runtime.builtins_dict, WF_ID(__import__)) : NULL;
    if (!imp) return wf_err_format(&wf_exc_ImportError, "cannot import copyreg");
    WfObject *name = wf_str_from_cstr("copyreg");
    if (!name) return NULL;
    WfObject *mod = wf_object_call_one(imp, name);
    wf_decref(name);
    return mod;
}

static WfObject *reduce_newobj(WfObject *self) {
    WfTypeObject *tp = wf_type_of(self);
    if (!tp->tp_new) return wf_err_format(&wf_exc_TypeError, "cannot pickle '%.200s' object", tp->tp_name);
    WfObject *args = NULL, *kwargs = NULL;
    int found;
    WfObject *r = wf_object_call_special(self, wf_str_intern_cstr("__getnewargs_ex__"), NULL, 0, &found);
    if (found) {
        if (!r) return NULL;
        if (!wf_tuple_check(r) || wf_tuple_size(r) != 2) {
            wf_decref(r);
            return wf_err_format(&wf_exc_TypeError, "__getnewargs_ex__ should return a tuple of length 2");
        }
        args = wf_newref(wf_tuple_get_borrow(r, 0));
        kwargs = wf_newref(wf_tuple_get_borrow(r, 1));
        wf_decref(r);
    } else {
        r = wf_object_call_special(self, wf_str_intern_cstr("__getnewargs__"), NULL, 0, &found);
        if (found) {
            if (!r) return NULL;
            if (!wf_tuple_check(r)) {
                wf_err_format(&wf_exc_TypeError, "__getnewargs__ should return a tuple, not '%.200s'",
                              WF_TYPE(r)->tp_name);
                wf_decref(r);
                return NULL;
            }
            args = r;
        } else {
            args = wf_newref(wf_tuple_empty());
        }
    }
    WfObject *copyreg = import_copyreg();
    if (!copyreg) goto error;
    WfObject *newobj = NULL, *newargs = NULL;
    if (kwargs && wf_dict_check(kwargs) && wf_dict_size(kwargs) > 0) {
        newobj = wf_object_getattr_cstr(copyreg, "__newobj_ex__");
        newargs = newobj ? wf_tuple_pack(3, (WfObject *)tp, args, kwargs) : NULL;
    } else {
        newobj = wf_object_getattr_cstr(copyreg, "__newobj__");
        wf_ssize n = wf_tuple_size(args);
        newargs = newobj ? wf_tuple_new(n + 1) : NULL;
        if (newargs) {
            wf_tuple_set_take(newargs, 0, wf_newref((WfObject *)tp));
            for (wf_ssize i = 0; i < n; i++) wf_tuple_set_take(newargs, i + 1, wf_newref(wf_tuple_get_borrow(args, i)));
        }
    }
    wf_decref(copyreg);
    if (!newargs) {
        wf_xdecref(newobj);
        goto error;
    }
    WfObject *state = wf_object_call_method_cstr(self, "__getstate__", NULL, 0);
    if (!state) {
        wf_decref(newobj);
        wf_decref(newargs);
        goto error;
    }
    WfObject *listitems = wf_None, *dictitems = wf_None;
    if (wf_list_check(self)) listitems = wf_object_get_iter(self);
    if (listitems && wf_dict_check(self)) {
        WfObject *items = wf_object_call_method_cstr(self, "items", NULL, 0);
        dictitems = items ? wf_object_get_iter(items) : NULL;
        wf_xdecref(items);
    }
    WfObject *res = NULL;
    if (listitems && dictitems) res = wf_tuple_pack(5, newobj, newargs, state, listitems, dictitems);
    wf_xdecref(listitems);
    wf_xdecref(dictitems);
    wf_decref(newobj);
    wf_decref(newargs);
    wf_decref(state);
    wf_decref(args);
    wf_xdecref(kwargs);
    return res;
error:
    wf_decref(args);
    wf_xdecref(kwargs);
    return NULL;
}

static WfObject *object_reduce_common(WfObject *self, wf_ssize proto) {
    if (proto >= 2) return reduce_newobj(self);
    WfObject *copyreg = import_copyreg();
    if (!copyreg) return NULL;
    WfObject *args[2] = {self, wf_smallint_new(proto)};
    WfObject *res = wf_object_call_method_cstr(copyreg, "_reduce_ex", args, 2);
    wf_decref(copyreg);
    return res;
}

static WfObject *object_reduce(WfObject *self, WfObject *unused) { return object_reduce_common(self, 0); }

static WfObject *object_reduce_ex(WfObject *self, WfObject *protocol) {
    wf_ssize proto = wf_number_as_ssize(protocol, NULL);
    if (proto == -1 && wf_err_occurred()) return NULL;
    // If the class overrides __reduce__, use it.
    WfObject *reduce = wf_type_lookup(wf_type_of(self), wf_str_intern_cstr("__reduce__"));
    WfObject *base_reduce = wf_type_lookup(&wf_object_type, wf_str_intern_cstr("__reduce__"));
    if (reduce && reduce != base_reduce) return wf_object_call_method_cstr(self, "__reduce__", NULL, 0);
    return object_reduce_common(self, proto);
}

static const WfMethodDef object_methods[] = {
    WF_METHOD("__reduce_ex__", object_reduce_ex, WF_METH_O,
              "__reduce_ex__($self, protocol, /)\n--\n\nHelper for pickle."),
    WF_METHOD("__reduce__", object_reduce, WF_METH_NOARGS, "__reduce__($self, /)\n--\n\nHelper for pickle."),
    WF_METHOD("__getstate__", object_getstate, WF_METH_NOARGS,
              "__getstate__($self, /)\n--\n\nHelper for pickle."),
    WF_METHOD("__subclasshook__", object_subclasshook, WF_METH_CLASS | WF_METH_FASTCALL,
              "Abstract classes can override this to customize issubclass().\n\n"
              "This is invoked early on by abc.ABCMeta.__subclasscheck__().\n"
              "It should return True, False or NotImplemented.  If it returns\n"
              "NotImplemented, the normal algorithm is used.  Otherwise, it\n"
              "overrides the normal algorithm (and the outcome is cached).\n"),
    WF_METHOD("__init_subclass__", object_init_subclass, WF_METH_CLASS | WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "This method is called when a class is subclassed.\n\n"
              "The default implementation does nothing. It may be\n"
              "overridden to extend subclasses.\n"),
    WF_METHOD("__format__", object_format, WF_METH_O,
              "__format__($self, format_spec, /)\n--\n\nDefault object formatter."),
    WF_METHOD("__sizeof__", object_sizeof, WF_METH_NOARGS,
              "__sizeof__($self, /)\n--\n\nSize of object in memory, in bytes."),
    WF_METHOD("__dir__", object_dir_method, WF_METH_NOARGS,
              "__dir__($self, /)\n--\n\nDefault dir() implementation."),
    WF_METHOD_END,
};

static WfObject *object_get_class(WfObject *self, void *closure) { return wf_newref((WfObject *)wf_type_of(self)); }

static bool same_layout(WfTypeObject *a, WfTypeObject *b) {
    while (a && wf_type_is_heap(a) && a->tp_basicsize == (a->tp_base ? a->tp_base->tp_basicsize : 0)) a = a->tp_base;
    while (b && wf_type_is_heap(b) && b->tp_basicsize == (b->tp_base ? b->tp_base->tp_basicsize : 0)) b = b->tp_base;
    return a == b || (a && b && a->tp_basicsize == b->tp_basicsize && a->tp_itemsize == b->tp_itemsize &&
                      a->tp_base == b->tp_base);
}

static int object_set_class(WfObject *self, WfObject *value, void *closure) {
    if (!value) {
        wf_err_set_string(&wf_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!wf_type_check_type(value)) {
        wf_err_format(&wf_exc_TypeError, "__class__ must be set to a class, not '%s' object", WF_TYPE(value)->tp_name);
        return -1;
    }
    WfTypeObject *newto = (WfTypeObject *)value, *oldto = wf_type_of(self);
    if (!wf_type_is_heap(newto) || !wf_type_is_heap(oldto) || wf_is_smallint(self)) {
        wf_err_set_string(&wf_exc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (newto->tp_dealloc != oldto->tp_dealloc || newto->tp_dictoffset != oldto->tp_dictoffset ||
        newto->tp_basicsize != oldto->tp_basicsize || newto->tp_itemsize != oldto->tp_itemsize ||
        (newto->tp_flags & WF_TPFLAGS_PREHEADER) != (oldto->tp_flags & WF_TPFLAGS_PREHEADER) ||
        !same_layout(newto, oldto)) {
        wf_err_format(&wf_exc_TypeError, "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->tp_name, oldto->tp_name);
        return -1;
    }
    wf_incref(value);
    // Release: a thread that reads the new type pointer sees a ready type.
    __atomic_store_n(&self->ob_type, newto, __ATOMIC_RELEASE);
    wf_decref((WfObject *)oldto);
    return 0;
}

static const WfGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

WfTypeObject wf_object_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "object",
    .tp_basicsize = sizeof(WfObject),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_dealloc = object_dealloc,
    .tp_free = wf_object_free,
    .tp_repr = object_repr,
    .tp_str = object_str,
    .tp_hash = object_hash,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_richcompare = object_richcompare,
    .tp_init = object_init,
    .tp_new = object_new,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
};
