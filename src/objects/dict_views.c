// dict_views.c — dict views (dict_keys, dict_values, dict_items) with the set
// operations of keys and items views, and the six dict iterators (forward and
// reverse over keys, values, items).
//
// Invariants: a view holds a strong reference to its dict and no state of its
// own. An iterator holds its dict until it is deallocated (clearing it on
// exhaustion could free the dict under another thread's next()), the dict's
// `used` when it started (a mismatch raises "dictionary changed size during
// iteration" and sticks, as in CPython), its next entry position, the number
// of items still expected, and whether it is exhausted. All of that state is
// read and written only inside the *dict's* critical section, together with
// the entries it reads, so a shared iterator hands out each entry once and
// never races a writer. Positions index the dict's current entries and are
// bounds-checked on every step, so a resize never makes an iterator read
// outside the entries.
#include "objects/dict.h"

#include "objects/containers.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/critical_section.h"
#include "runtime/error.h"

#define DICT(o) ((WfDictObject *)(o))

typedef struct {
    WfObject ob_base;
    WfObject *dict;
} DictView;

typedef struct {
    WfObject ob_base;
    WfObject *dict;  // kept until dealloc
    // Guarded by the dict's critical section:
    wf_ssize used;
    wf_ssize pos;
    wf_ssize len;
    bool exhausted;
} DictIter;

static WfDictKeys *keys_of(WfObject *d) { return atomic_load_explicit(&DICT(d)->keys, memory_order_acquire); }

// ---------------------------------------------------------------------------
// Iterators

static WfTypeObject *iter_types[2][3] = {
    {&wf_dict_keyiter_type, &wf_dict_valueiter_type, &wf_dict_itemiter_type},
    {&wf_dict_revkeyiter_type, &wf_dict_revvalueiter_type, &wf_dict_revitemiter_type},
};

WfObject *wf_dict_views_iter_new(WfObject *d, int kind, bool reversed) {
    DictIter *di = (DictIter *)wf_object_alloc(iter_types[reversed][kind]);
    if (!di) return NULL;
    di->dict = wf_newref(d);
    di->exhausted = false;
    WF_CONTAINER_BEGIN(d);
    di->used = DICT(d)->used;
    di->len = DICT(d)->used;
    di->pos = reversed ? atomic_load_explicit(&keys_of(d)->nentries, memory_order_relaxed) - 1 : 0;
    WF_CONTAINER_END();
    return (WfObject *)di;
}

static void dictiter_dealloc(WfObject *o) {
    wf_xdecref(((DictIter *)o)->dict);
    wf_object_free(o);
}

static int dictiter_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    DictIter *di = (DictIter *)o;
    return di->dict ? visit(di->dict, arg) : 0;
}

static WfObject *make_result(int kind, WfObject *key, WfObject *value) {
    if (kind == WF_DICT_ITER_KEYS) return wf_newref(key);
    if (kind == WF_DICT_ITER_VALUES) return wf_newref(value);
    return wf_tuple_pack(2, key, value);
}

// Dict's lock held.
static WfObject *dictiter_next_lock_held(DictIter *di, int kind) {
    WfObject *d = di->dict;
    if (di->exhausted) return NULL;
    if (di->used != DICT(d)->used) {
        wf_err_set_string(&wf_exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;  // sticky
        return NULL;
    }
    WfDictKeys *dk = keys_of(d);
    wf_ssize n = atomic_load_explicit(&dk->nentries, memory_order_relaxed);
    WfDictEntry *ep = wf_dict_keys_entries(dk);
    wf_ssize i = di->pos;
    WfObject *value = NULL;
    while (i < n && !(value = atomic_load_explicit(&ep[i].value, memory_order_relaxed))) i++;
    if (i >= n) {
        di->exhausted = true;
        return NULL;
    }
    if (di->len == 0) {
        wf_err_set_string(&wf_exc_RuntimeError, "dictionary keys changed during iteration");
        di->exhausted = true;
        return NULL;
    }
    di->pos = i + 1;
    di->len--;
    return make_result(kind, ep[i].key, value);
}

static WfObject *dictiter_next(DictIter *di, int kind) {
    WfObject *r;
    WF_CONTAINER_BEGIN(di->dict);
    r = dictiter_next_lock_held(di, kind);
    WF_CONTAINER_END();
    return r;
}

// Dict's lock held.
static WfObject *dictreviter_next_lock_held(DictIter *di, int kind) {
    WfObject *d = di->dict;
    if (di->exhausted) return NULL;
    if (di->used != DICT(d)->used) {
        wf_err_set_string(&wf_exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1;
        return NULL;
    }
    WfDictKeys *dk = keys_of(d);
    wf_ssize n = atomic_load_explicit(&dk->nentries, memory_order_relaxed);
    WfDictEntry *ep = wf_dict_keys_entries(dk);
    wf_ssize i = di->pos;
    if (i >= n) i = n - 1;
    WfObject *value = NULL;
    while (i >= 0 && !(value = atomic_load_explicit(&ep[i].value, memory_order_relaxed))) i--;
    if (i < 0) {
        di->exhausted = true;
        di->pos = -1;
        return NULL;
    }
    di->pos = i - 1;
    di->len--;
    return make_result(kind, ep[i].key, value);
}

static WfObject *dictreviter_next(DictIter *di, int kind) {
    WfObject *r;
    WF_CONTAINER_BEGIN(di->dict);
    r = dictreviter_next_lock_held(di, kind);
    WF_CONTAINER_END();
    return r;
}

static WfObject *keyiter_next(WfObject *o) { return dictiter_next((DictIter *)o, WF_DICT_ITER_KEYS); }
static WfObject *valueiter_next(WfObject *o) { return dictiter_next((DictIter *)o, WF_DICT_ITER_VALUES); }
static WfObject *itemiter_next(WfObject *o) { return dictiter_next((DictIter *)o, WF_DICT_ITER_ITEMS); }
static WfObject *revkeyiter_next(WfObject *o) { return dictreviter_next((DictIter *)o, WF_DICT_ITER_KEYS); }
static WfObject *revvalueiter_next(WfObject *o) { return dictreviter_next((DictIter *)o, WF_DICT_ITER_VALUES); }
static WfObject *revitemiter_next(WfObject *o) { return dictreviter_next((DictIter *)o, WF_DICT_ITER_ITEMS); }

static WfObject *self_iter(WfObject *o) { return wf_newref(o); }

static WfObject *dictiter_length_hint(WfObject *o, WfObject *unused) {
    DictIter *di = (DictIter *)o;
    wf_ssize n = 0;
    WF_CONTAINER_BEGIN(di->dict);
    if (!di->exhausted && di->used == DICT(di->dict)->used) n = di->len;
    WF_CONTAINER_END();
    return wf_int_from_ssize(n);
}

static const WfMethodDef dictiter_methods[] = {
    WF_METHOD("__length_hint__", dictiter_length_hint, WF_METH_NOARGS,
              "Private method returning an estimate of len(list(it))."),
    WF_METHOD_END,
};

#define DICT_ITER_TYPE(var, name, next)                                                              \
    WfTypeObject var = {                                                                             \
        WF_STATIC_TYPE_HEAD,                                                                         \
        .tp_name = name,                                                                             \
        .tp_basicsize = sizeof(DictIter),                                                            \
        .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC, \
        .tp_dealloc = dictiter_dealloc,                                                              \
        .tp_traverse = dictiter_traverse,                                                            \
        .tp_iter = self_iter,                                                                        \
        .tp_iternext = next,                                                                         \
        .tp_methods = dictiter_methods,                                                              \
    }

DICT_ITER_TYPE(wf_dict_keyiter_type, "dict_keyiterator", keyiter_next);
DICT_ITER_TYPE(wf_dict_valueiter_type, "dict_valueiterator", valueiter_next);
DICT_ITER_TYPE(wf_dict_itemiter_type, "dict_itemiterator", itemiter_next);
DICT_ITER_TYPE(wf_dict_revkeyiter_type, "dict_reversekeyiterator", revkeyiter_next);
DICT_ITER_TYPE(wf_dict_revvalueiter_type, "dict_reversevalueiterator", revvalueiter_next);
DICT_ITER_TYPE(wf_dict_revitemiter_type, "dict_reverseitemiterator", revitemiter_next);

// ---------------------------------------------------------------------------
// Views

WfObject *wf_dict_views_new(WfObject *d, WfTypeObject *view_type) {
    DictView *dv = (DictView *)wf_object_alloc(view_type);
    if (!dv) return NULL;
    dv->dict = wf_newref(d);
    return (WfObject *)dv;
}

static bool is_set_view(WfObject *o) {
    return !wf_is_smallint(o) && (o->ob_type == &wf_dict_keys_type || o->ob_type == &wf_dict_items_type);
}

static int view_kind(WfObject *o) {
    if (o->ob_type == &wf_dict_keys_type) return WF_DICT_ITER_KEYS;
    if (o->ob_type == &wf_dict_values_type) return WF_DICT_ITER_VALUES;
    return WF_DICT_ITER_ITEMS;
}

static void view_dealloc(WfObject *o) {
    wf_decref(((DictView *)o)->dict);
    wf_object_free(o);
}

static int view_traverse(WfObject *o, WfVisitProc visit, void *arg) { return visit(((DictView *)o)->dict, arg); }

static wf_ssize view_len(WfObject *o) { return wf_dict_size(((DictView *)o)->dict); }

static WfObject *view_iter(WfObject *o) { return wf_dict_views_iter_new(((DictView *)o)->dict, view_kind(o), false); }

static WfObject *view_reversed(WfObject *o, WfObject *unused) {
    return wf_dict_views_iter_new(((DictView *)o)->dict, view_kind(o), true);
}

static WfObject *view_repr(WfObject *o) {
    int r = wf_containers_repr_enter(o);
    if (r < 0) return NULL;
    if (r > 0) return wf_str_from_cstr("...");
    WfObject *seq = wf_list_from_iterable(o);
    WfObject *res = NULL;
    if (seq) {
        res = wf_str_from_format("%s(%R)", o->ob_type->tp_name, seq);
        wf_decref(seq);
    }
    wf_containers_repr_leave(o);
    return res;
}

static int keys_contains(WfObject *o, WfObject *key) { return wf_dict_contains(((DictView *)o)->dict, key); }

static int items_contains(WfObject *o, WfObject *item) {
    if (!wf_tuple_check(item) || wf_tuple_size(item) != 2) return 0;
    WfObject *found;
    int r = wf_dict_get_item_ref(((DictView *)o)->dict, wf_tuple_items(item)[0], &found);
    if (r <= 0) return r;
    r = wf_object_richcompare_bool(found, wf_tuple_items(item)[1], WF_EQ);
    wf_decref(found);
    return r;
}

// 1 if every item of `self` is in `other`.
static int all_contained_in(WfObject *self, WfObject *other) {
    WfObject *it = wf_object_get_iter(self);
    if (!it) return -1;
    int ok = 1;
    for (;;) {
        WfObject *item = wf_iter_next(it);
        if (!item) {
            if (wf_err_occurred()) ok = -1;
            break;
        }
        ok = wf_sequence_contains(other, item);
        wf_decref(item);
        if (ok <= 0) break;
    }
    wf_decref(it);
    return ok;
}

static WfObject *view_richcompare(WfObject *self, WfObject *other, int op) {
    if (!wf_anyset_check(other) && !is_set_view(other)) return wf_newref(wf_NotImplemented);
    wf_ssize len_self = wf_object_len(self);
    if (len_self < 0) return NULL;
    wf_ssize len_other = wf_object_len(other);
    if (len_other < 0) return NULL;
    int ok = 0;
    switch (op) {
    case WF_NE:
    case WF_EQ:
        if (len_self == len_other) ok = all_contained_in(self, other);
        if (op == WF_NE && ok >= 0) ok = !ok;
        break;
    case WF_LT:
        if (len_self < len_other) ok = all_contained_in(self, other);
        break;
    case WF_LE:
        if (len_self <= len_other) ok = all_contained_in(self, other);
        break;
    case WF_GT:
        if (len_self > len_other) ok = all_contained_in(other, self);
        break;
    case WF_GE:
        if (len_self >= len_other) ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0) return NULL;
    return wf_bool_from(ok);
}

// set(view), with the fast path of set(dict) for a keys view of an exact dict.
static WfObject *view_to_set(WfObject *self) {
    WfObject *left = self;
    if (!wf_is_smallint(self) && self->ob_type == &wf_dict_keys_type && wf_dict_check_exact(((DictView *)self)->dict))
        left = ((DictView *)self)->dict;
    return wf_set_new(left);
}

static WfObject *view_sub(WfObject *self, WfObject *other) {
    WfObject *result = view_to_set(self);
    if (!result) return NULL;
    if (wf_set_difference_update(result, other) < 0) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *view_and(WfObject *self, WfObject *other) {
    // The view may be either operand of `&`.
    if (!is_set_view(self)) {
        WfObject *t = other;
        other = self;
        self = t;
    }
    wf_ssize len_self = view_len(self);
    if (wf_type_check_exact(other, &wf_set_type)) {
        wf_ssize len_other = wf_set_size(other);
        if (len_self <= len_other) return wf_set_intersection(other, self);
    }
    if (is_set_view(other)) {
        wf_ssize len_other = view_len(other);
        if (len_other > len_self) {
            WfObject *t = other;
            other = self;
            self = t;
        }
    }
    WfObject *result = wf_set_new(NULL);
    if (!result) return NULL;
    WfObject *it = wf_object_get_iter(other);
    if (!it) {
        wf_decref(result);
        return NULL;
    }
    bool keys = self->ob_type == &wf_dict_keys_type;
    for (;;) {
        WfObject *key = wf_iter_next(it);
        if (!key) break;
        int rv = keys ? keys_contains(self, key) : items_contains(self, key);
        if (rv > 0) rv = wf_set_add(result, key) < 0 ? -1 : 1;
        wf_decref(key);
        if (rv < 0) {
            wf_decref(it);
            wf_decref(result);
            return NULL;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *view_or(WfObject *self, WfObject *other) {
    WfObject *result = view_to_set(self);
    if (!result) return NULL;
    if (wf_set_update(result, other) < 0) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *items_xor(WfObject *self, WfObject *other) {
    WfObject *d1 = ((DictView *)self)->dict, *d2 = ((DictView *)other)->dict;
    WfObject *temp = wf_dict_copy(d1);
    if (!temp) return NULL;
    WfObject *result = wf_set_new(NULL);
    if (!result) {
        wf_decref(temp);
        return NULL;
    }
    wf_ssize pos = 0;
    WfObject *key, *val2;
    intptr_t hash;
    while (wf_dict_next_ref(d2, &pos, &key, &val2, &hash)) {
        WfObject *val1;
        int to_delete = wf_dict_get_item_known_hash(temp, key, hash, &val1);
        if (to_delete > 0) {
            to_delete = wf_object_richcompare_bool(val1, val2, WF_EQ);
            wf_decref(val1);
        }
        int err = to_delete < 0;
        if (!err && to_delete) {
            err = wf_dict_del_item(temp, key) < 0;
        } else if (!err) {
            WfObject *pair = wf_tuple_pack(2, key, val2);
            err = !pair || wf_set_add(result, pair) < 0;
            wf_xdecref(pair);
        }
        wf_decref(key);
        wf_decref(val2);
        if (err) {
            wf_decref(temp);
            wf_decref(result);
            return NULL;
        }
    }
    WfObject *remaining = wf_dict_views_new(temp, &wf_dict_items_type);
    int r = remaining ? wf_set_update(result, remaining) : -1;
    wf_xdecref(remaining);
    wf_decref(temp);
    if (r < 0) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *view_xor(WfObject *self, WfObject *other) {
    if (!wf_is_smallint(self) && self->ob_type == &wf_dict_items_type && !wf_is_smallint(other) &&
        other->ob_type == &wf_dict_items_type)
        return items_xor(self, other);
    WfObject *result = view_to_set(self);
    if (!result) return NULL;
    if (wf_set_symmetric_difference_update(result, other) < 0) {
        wf_decref(result);
        return NULL;
    }
    return result;
}

static WfObject *view_isdisjoint(WfObject *self, WfObject *other) {
    if (self == other) return wf_bool_from(view_len(self) == 0);
    if (wf_anyset_check(other) || is_set_view(other)) {
        wf_ssize len_self = view_len(self);
        wf_ssize len_other = wf_object_len(other);
        if (len_other < 0) return NULL;
        if (len_other > len_self) {
            WfObject *t = other;
            other = self;
            self = t;
        }
    }
    WfObject *it = wf_object_get_iter(other);
    if (!it) return NULL;
    for (;;) {
        WfObject *item = wf_iter_next(it);
        if (!item) break;
        int c = wf_sequence_contains(self, item);
        wf_decref(item);
        if (c) {
            wf_decref(it);
            return c < 0 ? NULL : wf_False;
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_True;
}

static WfNumberMethods view_as_number = {
    .nb_subtract = view_sub,
    .nb_and = view_and,
    .nb_xor = view_xor,
    .nb_or = view_or,
};

// view.mapping: a read-only proxy of the underlying dict.
static WfObject *view_mapping(WfObject *o, void *closure) { return wf_mappingproxy_new(((DictView *)o)->dict); }

static const WfGetSetDef view_getset[] = {
    {"mapping", view_mapping, NULL, "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const WfMethodDef keys_methods[] = {
    WF_METHOD("isdisjoint", view_isdisjoint, WF_METH_O, "Return True if the view and the given iterable have a null intersection."),
    WF_METHOD("__reversed__", view_reversed, WF_METH_NOARGS, "Return a reverse iterator over the dict keys."),
    WF_METHOD_END,
};

static const WfMethodDef items_methods[] = {
    WF_METHOD("isdisjoint", view_isdisjoint, WF_METH_O, "Return True if the view and the given iterable have a null intersection."),
    WF_METHOD("__reversed__", view_reversed, WF_METH_NOARGS, "Return a reverse iterator over the dict items."),
    WF_METHOD_END,
};

static const WfMethodDef values_methods[] = {
    WF_METHOD("__reversed__", view_reversed, WF_METH_NOARGS, "Return a reverse iterator over the dict values."),
    WF_METHOD_END,
};

WfTypeObject wf_dict_keys_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_traverse = view_traverse,
    .tp_repr = view_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_as_number = &view_as_number,
    .tp_len = view_len,
    .tp_contains = keys_contains,
    .tp_methods = keys_methods,
    .tp_getset = view_getset,
};

WfTypeObject wf_dict_items_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_traverse = view_traverse,
    .tp_repr = view_repr,
    .tp_hash = wf_object_hash_not_implemented,
    .tp_richcompare = view_richcompare,
    .tp_iter = view_iter,
    .tp_as_number = &view_as_number,
    .tp_len = view_len,
    .tp_contains = items_contains,
    .tp_methods = items_methods,
    .tp_getset = view_getset,
};

WfTypeObject wf_dict_values_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION | WF_TPFLAGS_HAVE_GC,
    .tp_dealloc = view_dealloc,
    .tp_traverse = view_traverse,
    .tp_repr = view_repr,
    .tp_iter = view_iter,
    .tp_len = view_len,
    .tp_methods = values_methods,
    .tp_getset = view_getset,
};
