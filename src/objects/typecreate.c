// typecreate.c — creating classes: type(name, bases, dict) / type.__new__,
// builtins.__build_class__, instance layout (__slots__, the managed dict in the
// pre-header), deallocation of instances of classes, and the `__new__`
// builtin that static types expose.
//
// Invariants:
// - A class's tp_basicsize = its solid base's size rounded to 8 plus one
//   pointer per __slots__ name; its __dict__ / weakref slots (when it adds
//   them) live in the pre-header (tp_dictoffset = WF_MANAGED_DICT_OFFSET).
// - A class is fully initialized (ready, slots filled, registered with its
//   bases) before it is returned; only then is it visible to other threads.
#include <stdio.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject_internal.h"
#include "runtime/error.h"
#include "vm/eval.h"

WfObject *wf_slot_tp_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames);

WfObject *wf_type_generic_alloc(WfTypeObject *t, wf_ssize nitems) {
    return t->tp_itemsize ? wf_object_alloc_var(t, nitems) : wf_object_alloc(t);
}

// ---------------------------------------------------------------------------
// The __new__ builtin of static types: T.__new__(S, *args) calls T's tp_new.

static WfObject *tp_new_wrapper(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfTypeObject *type = (WfTypeObject *)self;
    if (nargs < 1) return wf_err_format(&wf_exc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
    WfObject *arg0 = args[0];
    if (!wf_type_check_type(arg0)) {
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(X): X is not a type object (%s)", type->tp_name,
                             WF_TYPE(arg0)->tp_name);
    }
    WfTypeObject *subtype = (WfTypeObject *)arg0;
    if (!wf_type_is_subtype(subtype, type)) {
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name,
                             subtype->tp_name, subtype->tp_name, type->tp_name);
    }
    // The most derived base that is not a class with a Python __new__ must
    // use the same tp_new (otherwise its C layout would not be initialized).
    WfTypeObject *staticbase = subtype;
    while (staticbase && staticbase->tp_new == wf_slot_tp_new) staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new) {
        return wf_err_format(&wf_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", type->tp_name,
                             subtype->tp_name, staticbase->tp_name);
    }
    if (!type->tp_new) return wf_err_format(&wf_exc_TypeError, "cannot create '%s' instances", subtype->tp_name);
    return type->tp_new(subtype, args + 1, nargs - 1, kwnames);
}

const WfMethodDef wf_tp_new_wrapper_def = WF_METHOD(
    "__new__", tp_new_wrapper, WF_METH_FASTCALL | WF_METH_KEYWORDS,
    "__new__($type, *args, **kwargs)\n--\n\nCreate and return a new object.  See help(type) for accurate signature.");

// ---------------------------------------------------------------------------
// Deallocation of instances of classes

void wf_type_subtype_dealloc(WfObject *self) {
    WfTypeObject *type = self->ob_type;
    if (type->tp_finalize && !(self->ob_gc_bits & WF_GC_FINALIZED)) {
        // Resurrect for the duration of __del__: the count was zero, so this
        // thread has exclusive access and may take ownership.
        __atomic_store_n(&self->ob_tid, wf_current_tid, __ATOMIC_RELAXED);
        wf_ref_local_store(self, 1);
        atomic_store_explicit(&self->ob_ref_shared, 0, memory_order_relaxed);
        self->ob_gc_bits |= WF_GC_FINALIZED;
        WfObject *exc = wf_err_fetch();
        type->tp_finalize(self);
        wf_err_restore(exc);
        uint32_t local = wf_ref_local_load(self) - 1;
        wf_ref_local_store(self, local);
        if (local != 0 || atomic_load_explicit(&self->ob_ref_shared, memory_order_acquire) != 0) {
            // Resurrected by __del__: merge any shared references and keep it alive.
            if (local == 0) wf_refcount_merge_zero(self);
            return;
        }
    }
    // Clear __slots__ of every class level, then the managed dict.
    for (WfTypeObject *t = type; t && wf_type_is_heap(t); t = t->tp_base) {
        WfHeapTypeObject *ht = (WfHeapTypeObject *)t;
        if (!ht->members) continue;
        for (WfMemberDef *m = ht->members; m->name; m++) {
            WfObject **slot = (WfObject **)((char *)self + m->offset);
            WF_CLEAR(*slot);
        }
    }
    if ((type->tp_flags & WF_TPFLAGS_PREHEADER) && type->tp_dictoffset == WF_MANAGED_DICT_OFFSET) {
        WfObject **slot = (WfObject **)((char *)self + WF_MANAGED_DICT_OFFSET);
        WF_CLEAR(*slot);
    }
    WfTypeObject *base = type;
    while (base->tp_dealloc == wf_type_subtype_dealloc) base = base->tp_base;
    // The base dealloc frees the block through tp_free (wf_object_free sees
    // the pre-header flag on `type`, which stays alive until below).
    base->tp_dealloc(self);
    wf_decref((WfObject *)type);
}

// ---------------------------------------------------------------------------
// Helpers of type_new

WfTypeObject *wf_type_calculate_metaclass(WfTypeObject *metatype, WfObject *bases) {
    WfTypeObject *winner = metatype;
    wf_ssize n = wf_tuple_size(bases);
    for (wf_ssize i = 0; i < n; i++) {
        WfTypeObject *tmp = wf_type_of(wf_tuple_get_borrow(bases, i));
        if (wf_type_is_subtype(winner, tmp)) continue;
        if (wf_type_is_subtype(tmp, winner)) {
            winner = tmp;
            continue;
        }
        wf_err_set_string(&wf_exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                             "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static bool extra_ivars(WfTypeObject *type, WfTypeObject *base) {
    if (type->tp_itemsize || base->tp_itemsize)
        return type->tp_basicsize != base->tp_basicsize || type->tp_itemsize != base->tp_itemsize;
    return type->tp_basicsize != base->tp_basicsize;
}

static WfTypeObject *solid_base(WfTypeObject *type) {
    WfTypeObject *base = type->tp_base ? solid_base(type->tp_base) : &wf_object_type;
    return extra_ivars(type, base) ? type : base;
}

static WfTypeObject *best_base(WfObject *bases) {
    WfTypeObject *base = NULL, *winner = NULL;
    wf_ssize n = wf_tuple_size(bases);
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *b = wf_tuple_get_borrow(bases, i);
        if (!wf_type_check_type(b)) {
            wf_err_set_string(&wf_exc_TypeError, "bases must be types");
            return NULL;
        }
        WfTypeObject *bt = (WfTypeObject *)b;
        if (!(bt->tp_flags & WF_TPFLAGS_READY) && wf_type_ready(bt) < 0) return NULL;
        if (!(bt->tp_flags & WF_TPFLAGS_BASETYPE)) {
            wf_err_format(&wf_exc_TypeError, "type '%.100s' is not an acceptable base type", bt->tp_name);
            return NULL;
        }
        WfTypeObject *candidate = solid_base(bt);
        if (!winner) {
            winner = candidate;
            base = bt;
        } else if (wf_type_is_subtype(winner, candidate)) {
            // keep
        } else if (wf_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else {
            wf_err_set_string(&wf_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

// Name mangling of private names (`__x` in class C → `_C__x`).
static WfObject *mangle(WfObject *classname, WfObject *name) {
    wf_ssize n = wf_str_length(name);
    if (n < 2 || wf_str_char_at(name, 0) != '_' || wf_str_char_at(name, 1) != '_') return wf_newref(name);
    if (n >= 4 && wf_str_char_at(name, n - 1) == '_' && wf_str_char_at(name, n - 2) == '_') return wf_newref(name);
    if (wf_str_find_char(name, '.', 0, n) >= 0) return wf_newref(name);
    wf_ssize cn = wf_str_length(classname), start = 0;
    while (start < cn && wf_str_char_at(classname, start) == '_') start++;
    if (start == cn) return wf_newref(name);
    WfObject *stripped = wf_str_substring(classname, start, cn);
    if (!stripped) return NULL;
    WfObject *res = wf_str_from_format("_%U%U", stripped, name);
    wf_decref(stripped);
    if (!res) return NULL;
    return wf_str_intern_take(res);
}

static WfObject *subtype_get_weakref(WfObject *self, void *closure) {
    WfObject **slot = (WfObject **)((char *)self + wf_type_of(self)->tp_weaklistoffset);
    WfObject *w = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    return wf_newref(w ? w : wf_None);
}

// ---------------------------------------------------------------------------
// type.__new__

static WfObject *kwds_from_kwnames(WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (!kwnames || wf_tuple_size(kwnames) == 0) return NULL;
    WfObject *d = wf_dict_new();
    if (!d) return NULL;
    for (wf_ssize i = 0; i < wf_tuple_size(kwnames); i++) {
        if (wf_dict_set_item(d, wf_tuple_get_borrow(kwnames, i), args[nargs + (size_t)i]) < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    return d;
}

WfObject *wf_type_new_impl(WfTypeObject *metatype, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs != 3) {
        return wf_err_format(&wf_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", (wf_ssize)nargs);
    }
    if (!wf_str_check(args[0]))
        return wf_err_format(&wf_exc_TypeError, "type.__new__() argument 1 must be str, not %.50s", WF_TYPE(args[0])->tp_name);
    if (!wf_tuple_check(args[1]))
        return wf_err_format(&wf_exc_TypeError, "type.__new__() argument 2 must be tuple, not %.50s", WF_TYPE(args[1])->tp_name);
    if (!wf_dict_check(args[2]))
        return wf_err_format(&wf_exc_TypeError, "type.__new__() argument 3 must be dict, not %.50s", WF_TYPE(args[2])->tp_name);
    WfObject *kwds = NULL;
    if (kwnames && wf_tuple_size(kwnames)) {
        kwds = kwds_from_kwnames(args, nargs, kwnames);
        if (!kwds) return NULL;
    }
    WfObject *res = wf_type_new_from_spec(metatype, args[0], args[1], args[2], kwds);
    wf_xdecref(kwds);
    return res;
}

static int set_classcell(WfTypeObject *type) {
    WfObject *cell = wf_dict_get_item_borrow(type->tp_dict, WF_ID(__classcell__));
    if (!cell) return wf_err_occurred() ? -1 : 0;
    if (wf_type_of(cell) != &wf_cell_type) {
        wf_err_format(&wf_exc_TypeError, "__classcell__ must be a nonlocal cell, not %.200R", (WfObject *)wf_type_of(cell));
        return -1;
    }
    WfCellObject *c = (WfCellObject *)cell;
    WF_SETREF(c->ref, wf_newref((WfObject *)type));
    return wf_dict_del_item(type->tp_dict, WF_ID(__classcell__));
}

static int set_names(WfTypeObject *type) {
    WfObject *names = wf_dict_copy(type->tp_dict);
    if (!names) return -1;
    wf_ssize pos = 0;
    WfObject *key, *value;
    while (wf_dict_next(names, &pos, &key, &value)) {
        WfObject *set_name = wf_object_lookup_special(value, WF_ID(__set_name__));
        if (!set_name) {
            if (wf_err_occurred()) goto error;
            continue;
        }
        WfObject *cargs[2] = {(WfObject *)type, key};
        WfObject *r = wf_object_call(set_name, cargs, 2, NULL);
        wf_decref(set_name);
        if (!r) {
            WfObject *cause = wf_err_fetch();
            wf_err_format(&wf_exc_RuntimeError, "Error calling __set_name__ on '%.100s' instance %R in '%.100s'",
                          WF_TYPE(value)->tp_name, key, type->tp_name);
            WfObject *exc = wf_err_occurred_borrow();
            if (exc && cause) {
                wf_exception_set_cause(exc, cause);
                wf_exception_set_context(exc, wf_newref(cause));
            } else {
                wf_xdecref(cause);
            }
            goto error;
        }
        wf_decref(r);
    }
    wf_decref(names);
    return 0;
error:
    wf_decref(names);
    return -1;
}

static int init_subclass(WfTypeObject *type, WfObject *kwds) {
    WfObject *func = wf_super_lookup(type, (WfObject *)type, WF_ID(__init_subclass__), NULL);
    if (!func) return -1;
    WfObject *r = wf_object_call_tuple_dict(func, wf_tuple_empty(), kwds);
    wf_decref(func);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

// Wrap a plain function stored under `name` with `wrap` (staticmethod/classmethod).
static int wrap_special(WfObject *dict, WfObject *name, WfObject *(*wrap)(WfObject *)) {
    WfObject *f = wf_dict_get_item_borrow(dict, name);
    if (!f || !wf_function_check(f)) return wf_err_occurred() ? -1 : 0;
    WfObject *w = wrap(f);
    if (!w) return -1;
    return wf_dict_set_item_take(dict, name, w);
}

WfObject *wf_type_new_from_spec(WfTypeObject *metatype, WfObject *name, WfObject *bases, WfObject *orig_dict,
                                WfObject *kwds) {
    WfTypeObject *winner = wf_type_calculate_metaclass(metatype, bases);
    if (!winner) return NULL;
    if (winner != metatype) {
        if (winner->tp_new != wf_type_type.tp_new) {
            // Pass the call to the more derived metaclass's __new__.
            WfObject *cargs[3] = {name, bases, orig_dict};
            WfObject *t = wf_tuple_from_array(cargs, 3);
            if (!t) return NULL;
            WfObject *r = wf_object_call_tuple_dict((WfObject *)winner, t, kwds);
            wf_decref(t);
            return r;
        }
        metatype = winner;
    }
    WfObject *base_tuple;
    if (wf_tuple_size(bases) == 0) base_tuple = wf_tuple_pack(1, (WfObject *)&wf_object_type);
    else base_tuple = wf_newref(bases);
    if (!base_tuple) return NULL;
    WfTypeObject *base = best_base(base_tuple);
    if (!base) {
        wf_decref(base_tuple);
        return NULL;
    }
    wf_ssize namelen;
    const char *name_utf8 = wf_str_as_utf8(name, &namelen);
    if (!name_utf8) {
        wf_decref(base_tuple);
        return NULL;
    }
    if ((wf_ssize)strlen(name_utf8) != namelen) {
        wf_decref(base_tuple);
        wf_err_set_string(&wf_exc_ValueError, "type name must not contain null characters");
        return NULL;
    }
    WfObject *dict = wf_dict_new();
    if (!dict || wf_dict_update(dict, orig_dict) < 0) {
        wf_xdecref(dict);
        wf_decref(base_tuple);
        return NULL;
    }

    // __slots__ and the instance layout.
    WfObject *slots = wf_dict_get_item_borrow(dict, WF_ID(__slots__));
    bool may_add_dict = base->tp_dictoffset == 0;
    bool may_add_weak = base->tp_weaklistoffset == 0 && base->tp_itemsize == 0;
    bool add_dict = false, add_weak = false;
    WfObject *newslots = NULL;  // list of mangled slot names
    wf_ssize nslots = 0;
    WfHeapTypeObject *ht = NULL;
    WfObject *qualname = NULL;
    if (!slots) {
        add_dict = may_add_dict;
        add_weak = may_add_weak;
    } else {
        WfObject *slot_tuple = wf_str_check(slots) ? wf_tuple_pack(1, slots) : wf_tuple_from_iterable(slots);
        if (!slot_tuple) goto error;
        newslots = wf_list_new(0);
        if (!newslots) {
            wf_decref(slot_tuple);
            goto error;
        }
        for (wf_ssize i = 0; i < wf_tuple_size(slot_tuple); i++) {
            WfObject *s = wf_tuple_get_borrow(slot_tuple, i);
            if (!wf_str_check(s)) {
                wf_err_format(&wf_exc_TypeError, "__slots__ items must be strings, not '%.200s'", WF_TYPE(s)->tp_name);
                wf_decref(slot_tuple);
                goto error;
            }
            if (!wf_str_is_identifier(s)) {
                wf_err_set_string(&wf_exc_TypeError, "__slots__ must be identifiers");
                wf_decref(slot_tuple);
                goto error;
            }
            if (wf_str_equal_cstr(s, "__dict__")) {
                if (!may_add_dict || add_dict) {
                    wf_err_set_string(&wf_exc_TypeError, "__dict__ slot disallowed: we already got one");
                    wf_decref(slot_tuple);
                    goto error;
                }
                add_dict = true;
                continue;
            }
            if (wf_str_equal_cstr(s, "__weakref__")) {
                if (!may_add_weak || add_weak) {
                    wf_err_set_string(&wf_exc_TypeError,
                                      "__weakref__ slot disallowed: either we already got one, or the itemsize is nonzero");
                    wf_decref(slot_tuple);
                    goto error;
                }
                add_weak = true;
                continue;
            }
            WfObject *m = mangle(name, s);
            if (!m) {
                wf_decref(slot_tuple);
                goto error;
            }
            if (wf_dict_get_item_borrow(orig_dict, m)) {
                wf_err_format(&wf_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
                wf_decref(m);
                wf_decref(slot_tuple);
                goto error;
            }
            int dup = wf_sequence_contains(newslots, m);
            if (dup == 0) dup = wf_list_append(newslots, m) < 0 ? -1 : 0;
            else if (dup > 0) dup = 0;
            wf_decref(m);
            if (dup < 0) {
                wf_decref(slot_tuple);
                goto error;
            }
        }
        // Store the tuple as given (CPython keeps the original __slots__ value in the dict).
        wf_decref(slot_tuple);
        if (wf_list_sort(newslots, NULL, false) < 0) goto error;
        nslots = wf_list_size(newslots);
        if (nslots > 0 && (base->tp_itemsize != 0 || (base->tp_flags & WF_TPFLAGS_INT_SUBCLASS))) {
            wf_err_format(&wf_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", base->tp_name);
            goto error;
        }
    }

    // __qualname__
    qualname = wf_dict_get_item_borrow(dict, WF_ID(__qualname__));
    if (qualname) {
        if (!wf_str_check(qualname)) {
            wf_err_format(&wf_exc_TypeError, "type __qualname__ must be a str, not %s", WF_TYPE(qualname)->tp_name);
            qualname = NULL;
            goto error;
        }
        wf_incref(qualname);
        if (wf_dict_del_item(dict, WF_ID(__qualname__)) < 0) goto error;
    } else {
        qualname = wf_newref(name);
    }
    // __module__ from the caller's globals.
    if (!wf_dict_get_item_borrow(dict, WF_ID(__module__))) {
        WfObject *globals = wf_eval_globals_borrow();
        if (globals) {
            WfObject *modname = wf_dict_get_item_borrow(globals, WF_ID(__name__));
            if (modname && wf_dict_set_item(dict, WF_ID(__module__), modname) < 0) goto error;
        }
        if (wf_err_occurred()) wf_err_clear();
    }
    if (wrap_special(dict, WF_ID(__new__), wf_staticmethod_new) < 0 ||
        wrap_special(dict, WF_ID(__init_subclass__), wf_classmethod_new) < 0 ||
        wrap_special(dict, WF_ID(__class_getitem__), wf_classmethod_new) < 0)
        goto error;

    // Allocate and fill the type.
    ht = (WfHeapTypeObject *)wf_type_generic_alloc(metatype, 0);
    if (!ht) goto error;
    WfTypeObject *t = &ht->type;
    t->tp_flags = WF_TPFLAGS_HEAPTYPE | WF_TPFLAGS_BASETYPE | WF_TPFLAGS_HAVE_GC;
    t->tp_flags |= base->tp_flags & WF_TPFLAGS_PREHEADER;
    if (add_dict || add_weak) t->tp_flags |= WF_TPFLAGS_PREHEADER;
    t->tp_name_obj = wf_newref(name);
    t->tp_name = name_utf8;
    t->tp_qualname_obj = qualname;
    qualname = NULL;
    t->tp_base = (WfTypeObject *)wf_newref((WfObject *)base);
    t->tp_bases = base_tuple;
    base_tuple = NULL;
    t->tp_dict = dict;
    dict = NULL;
    t->tp_as_number = &ht->as_number;
    t->tp_dealloc = wf_type_subtype_dealloc;
    t->tp_itemsize = base->tp_itemsize;
    wf_ssize size = (base->tp_basicsize + 7) & ~(wf_ssize)7;
    if (nslots) {
        ht->members = wf_mem_calloc((size_t)nslots + 1, sizeof(WfMemberDef));
        if (!ht->members) {
            wf_err_no_memory();
            goto error;
        }
        for (wf_ssize i = 0; i < nslots; i++) {
            WfObject *sname = wf_str_intern_take(wf_newref(wf_list_get_borrow_unsafe(newslots, i)));
            const char *cname = sname ? wf_str_as_utf8_borrow(sname) : NULL;
            if (!cname) goto error;
            ht->members[i] = (WfMemberDef){cname, WF_T_OBJECT_EX, size, 0, NULL};
            size += (wf_ssize)sizeof(WfObject *);
        }
        t->tp_members = ht->members;
    }
    if (newslots) {
        ht->slots = wf_list_as_tuple(newslots);
        if (!ht->slots) goto error;
    }
    t->tp_basicsize = size;
    t->tp_dictoffset = add_dict ? WF_MANAGED_DICT_OFFSET : base->tp_dictoffset;
    t->tp_weaklistoffset = add_weak ? WF_MANAGED_WEAKLIST_OFFSET : base->tp_weaklistoffset;
    int ng = 0;
    if (add_dict)
        ht->getset[ng++] = (WfGetSetDef){"__dict__", wf_object_generic_get_dict, wf_object_generic_set_dict,
                                         "dictionary for instance variables (if defined)", NULL};
    if (add_weak)
        ht->getset[ng++] = (WfGetSetDef){"__weakref__", subtype_get_weakref, NULL,
                                         "list of weak references to the object (if defined)", NULL};
    ht->getset[ng] = (WfGetSetDef){NULL, NULL, NULL, NULL, NULL};
    t->tp_getset = ht->getset;
    wf_xdecref(newslots);
    newslots = NULL;

    if (wf_type_ready_heap(t) < 0) goto error_type;
    if (set_classcell(t) < 0) goto error_type;
    wf_object_set_deferred((WfObject *)t);
    if (set_names(t) < 0 || init_subclass(t, kwds) < 0) goto error_type;
    return (WfObject *)t;

error:
    wf_xdecref(newslots);
    wf_xdecref(dict);
    wf_xdecref(base_tuple);
    wf_xdecref(qualname);
    if (ht) wf_decref((WfObject *)ht);
    return NULL;
error_type:
    wf_decref((WfObject *)ht);
    return NULL;
}

// ---------------------------------------------------------------------------
// builtins.__build_class__(func, name, /, *bases, metaclass=None, **kwds)

static WfObject *update_bases(WfObject *bases) {
    WfObject *new_bases = NULL;  // list, once something changed
    wf_ssize n = wf_tuple_size(bases);
    for (wf_ssize i = 0; i < n; i++) {
        WfObject *base = wf_tuple_get_borrow(bases, i);
        if (wf_type_check_type(base)) {
            if (new_bases && wf_list_append(new_bases, base) < 0) goto error;
            continue;
        }
        WfObject *meth;
        int r = wf_object_lookup_attr(base, WF_ID(__mro_entries__), &meth);
        if (r < 0) goto error;
        if (r == 0) {
            if (new_bases && wf_list_append(new_bases, base) < 0) goto error;
            continue;
        }
        WfObject *entries = wf_object_call_one(meth, bases);
        wf_decref(meth);
        if (!entries) goto error;
        if (!wf_tuple_check(entries)) {
            wf_err_set_string(&wf_exc_TypeError, "__mro_entries__ must return a tuple");
            wf_decref(entries);
            goto error;
        }
        if (!new_bases) {
            new_bases = wf_list_from_array(wf_tuple_items(bases), i);
            if (!new_bases) {
                wf_decref(entries);
                goto error;
            }
        }
        int e = wf_list_extend(new_bases, entries);
        wf_decref(entries);
        if (e < 0) goto error;
    }
    if (!new_bases) return wf_newref(bases);
    WfObject *t = wf_list_as_tuple(new_bases);
    wf_decref(new_bases);
    return t;
error:
    wf_xdecref(new_bases);
    return NULL;
}

WfObject *wf_type_build_class(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs < 2) {
        wf_err_set_string(&wf_exc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    WfObject *func = args[0], *name = args[1];
    if (!wf_function_check(func)) {
        wf_err_set_string(&wf_exc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!wf_str_check(name)) {
        wf_err_set_string(&wf_exc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    WfObject *orig_bases = wf_tuple_from_array(args + 2, (wf_ssize)nargs - 2);
    if (!orig_bases) return NULL;
    WfObject *bases = NULL, *meta = NULL, *mkw = NULL, *mkwnames = NULL, *ns = NULL, *cls = NULL, *cell = NULL;
    WfObject **kwvalues = NULL;
    wf_ssize nkw = kwnames ? wf_tuple_size(kwnames) : 0, nmkw = 0;
    bases = update_bases(orig_bases);
    if (!bases) goto done;
    // Keyword arguments: metaclass= is ours, the rest go to the metaclass.
    if (nkw) {
        kwvalues = wf_mem_malloc((size_t)nkw * sizeof(WfObject *));
        WfObject *names = wf_list_new(0);
        if (!kwvalues || !names) {
            wf_xdecref(names);
            if (!kwvalues) wf_err_no_memory();
            goto done;
        }
        mkw = wf_dict_new();
        if (!mkw) {
            wf_decref(names);
            goto done;
        }
        for (wf_ssize i = 0; i < nkw; i++) {
            WfObject *k = wf_tuple_get_borrow(kwnames, i), *v = args[nargs + (size_t)i];
            if (wf_str_equal_cstr(k, "metaclass")) {
                meta = wf_newref(v);
                continue;
            }
            if (wf_list_append(names, k) < 0 || wf_dict_set_item(mkw, k, v) < 0) {
                wf_decref(names);
                goto done;
            }
            kwvalues[nmkw++] = v;
        }
        mkwnames = nmkw ? wf_list_as_tuple(names) : NULL;
        wf_decref(names);
        if (nmkw && !mkwnames) goto done;
    }
    bool is_class;
    if (!meta) {
        meta = wf_newref(wf_tuple_size(bases) == 0 ? (WfObject *)&wf_type_type
                                                   : (WfObject *)wf_type_of(wf_tuple_get_borrow(bases, 0)));
        is_class = true;
    } else {
        is_class = wf_type_check_type(meta);
    }
    if (is_class) {
        WfTypeObject *winner = wf_type_calculate_metaclass((WfTypeObject *)meta, bases);
        if (!winner) goto done;
        WF_SETREF(meta, wf_newref((WfObject *)winner));
    }
    // __prepare__
    WfObject *prep;
    int r = wf_object_lookup_attr(meta, WF_ID(__prepare__), &prep);
    if (r < 0) goto done;
    if (r == 0) {
        ns = wf_dict_new();
    } else {
        WfObject *pargs[2 + 16];
        WfObject **pa = pargs;
        if (nmkw > 16) pa = wf_mem_malloc((size_t)(nmkw + 2) * sizeof(WfObject *));
        if (!pa) {
            wf_decref(prep);
            wf_err_no_memory();
            goto done;
        }
        pa[0] = name;
        pa[1] = bases;
        for (wf_ssize i = 0; i < nmkw; i++) pa[2 + i] = kwvalues[i];
        ns = wf_object_call(prep, pa, 2, mkwnames);
        if (pa != pargs) wf_mem_free(pa);
        wf_decref(prep);
    }
    if (!ns) goto done;
    if (!wf_dict_check(ns) && !wf_type_of(ns)->tp_getitem) {
        if (is_class) {
            wf_err_format(&wf_exc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                          ((WfTypeObject *)meta)->tp_name, WF_TYPE(ns)->tp_name);
        } else {
            wf_err_format(&wf_exc_TypeError, "<metaclass>.__prepare__() must return a mapping, not %.200s",
                          WF_TYPE(ns)->tp_name);
        }
        goto done;
    }
    cell = wf_eval_class_body(func, ns);
    if (!cell) goto done;
    if (bases != orig_bases && wf_object_setitem(ns, WF_ID(__orig_bases__), orig_bases) < 0) goto done;
    {
        WfObject *margs[3 + 16];
        WfObject **ma = margs;
        if (nmkw > 16) ma = wf_mem_malloc((size_t)(nmkw + 3) * sizeof(WfObject *));
        if (!ma) {
            wf_err_no_memory();
            goto done;
        }
        ma[0] = name;
        ma[1] = bases;
        ma[2] = ns;
        for (wf_ssize i = 0; i < nmkw; i++) ma[3 + i] = kwvalues[i];
        cls = wf_object_call(meta, ma, 3, mkwnames);
        if (ma != margs) wf_mem_free(ma);
    }
    if (cls && wf_type_check_type(cls) && wf_type_of(cell) == &wf_cell_type) {
        WfObject *cell_cls = ((WfCellObject *)cell)->ref;
        if (cell_cls != cls) {
            if (!cell_cls) {
                wf_err_format(&wf_exc_RuntimeError,
                              "__class__ not set defining %.200R as %.200R. Was __classcell__ propagated to type.__new__?",
                              name, cls);
            } else {
                wf_err_format(&wf_exc_TypeError, "__class__ set to %.200R defining %.200R as %.200R", cell_cls, name,
                              cls);
            }
            WF_CLEAR(cls);
        }
    }
done:
    wf_mem_free(kwvalues);
    wf_xdecref(cell);
    wf_xdecref(ns);
    wf_xdecref(mkw);
    wf_xdecref(mkwnames);
    wf_xdecref(meta);
    wf_xdecref(bases);
    wf_decref(orig_bases);
    return cls;
}
