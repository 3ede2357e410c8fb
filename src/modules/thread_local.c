// thread_local.c — _thread._local (threading.local): an object whose
// attributes are per thread.
//
// Data structure:
// - Each _local holds `dicts`, a dict mapping a thread's key to that thread's
//   attribute dict. A thread's key is a tagged small int made from the
//   address of its LocalThread record, so hashing and comparing it touches no
//   memory. The constructor's arguments are kept so that __init__ is replayed
//   (with them) the first time each other thread touches the object, as
//   CPython does.
// - Each thread that touched a _local has a LocalThread record (reached
//   through a C thread-local pointer) listing the _locals that hold a dict for
//   it, so the thread can drop its dicts when it exits.
//
// Invariants and what protects what:
// - `registry_lock` (a WfMutex) guards every record's `locals` array and
//   every change of the *set of keys* of every `dicts` (insert on first
//   touch, removal at thread exit or on failed __init__). A key is in
//   L->dicts exactly when L is in that key's record's `locals`.
// - Reading `dicts` needs no lock: a thread only looks up its own key, which
//   only it inserts and removes while the _local is alive (the dict's own
//   lock-free reads cover concurrent inserts of other keys).
// - A record is freed only when no `dicts` holds its key (checked under the
//   lock), so a key found in a `dicts` always names a live record.
// - When a _local dies, its dealloc removes it from the records of the keys
//   in its `dicts` (under the lock) and then drops `dicts`; a thread that
//   exits pops its entries (under the lock) and releases the popped dicts
//   after unlocking. Nothing that can run Python code (__del__ of a value)
//   runs while the lock is held, and nothing blocks under it but the dicts'
//   own short critical sections.
#include <stdatomic.h>

#include "modules/thread.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    WfObject ob_base;
    WfObject *dicts;    // dict: thread key -> attribute dict
    WfObject *args;     // tuple: the constructor's positional then keyword values
    size_t nargs;       // how many of `args` are positional
    WfObject *kwnames;  // tuple of keyword names, or NULL
} LocalObject;

typedef struct LocalThread {
    WfObject *key;           // small int naming this record
    LocalObject **locals;    // registry_lock
    size_t n, cap;           // registry_lock
} LocalThread;

static WfMutex registry_lock = WF_MUTEX_INIT;
static _Thread_local LocalThread *current_record;

static LocalThread *record_get(void) {
    LocalThread *rec = current_record;
    if (rec) return rec;
    rec = wf_mem_calloc(1, sizeof *rec);
    if (!rec) return (LocalThread *)wf_err_no_memory();
    rec->key = wf_smallint_new((intptr_t)rec);  // user-space addresses fit 62 bits
    current_record = rec;
    return rec;
}

static LocalThread *record_of_key(WfObject *key) { return (LocalThread *)wf_smallint_value(key); }

// Under registry_lock.
static int record_add(LocalThread *rec, LocalObject *local) {
    if (rec->n == rec->cap) {
        size_t cap = rec->cap ? rec->cap * 2 : 4;
        LocalObject **a = wf_mem_realloc(rec->locals, cap * sizeof *a);
        if (!a) return -1;
        rec->locals = a;
        rec->cap = cap;
    }
    rec->locals[rec->n++] = local;
    return 0;
}

// Under registry_lock.
static void record_remove(LocalThread *rec, LocalObject *local) {
    for (size_t i = 0; i < rec->n; i++) {
        if (rec->locals[i] == local) {
            rec->locals[i] = rec->locals[--rec->n];
            return;
        }
    }
}

// Take this thread's dict out of self->dicts: under registry_lock.
// Returns the popped dict (new reference) or NULL.
static WfObject *unregister_locked(LocalObject *self, LocalThread *rec) {
    record_remove(rec, self);
    WfObject *d = NULL;
    if (wf_dict_pop(self->dicts, rec->key, &d) <= 0) {
        if (wf_err_occurred()) wf_err_clear();  // smallint keys: cannot fail
        return NULL;
    }
    return d;
}

// The calling thread's attribute dict of self, created (and registered) if
// missing; on creation in another thread than the constructor's, runs
// type(self).__init__ with the saved arguments (run_init). New reference,
// or NULL with an exception.
static WfObject *local_dict(LocalObject *self, bool run_init) {
    LocalThread *rec = record_get();
    if (!rec) return NULL;
    WfObject *ldict;
    int r = wf_dict_get_item_ref(self->dicts, rec->key, &ldict);
    if (r > 0) return ldict;
    if (r < 0) return NULL;
    ldict = wf_dict_new();
    if (!ldict) return NULL;
    wf_mutex_lock(&registry_lock);
    int err = wf_dict_set_item(self->dicts, rec->key, ldict);
    if (!err && record_add(rec, self) < 0) {
        WfObject *d = unregister_locked(self, rec);
        wf_mutex_unlock(&registry_lock);
        wf_xdecref(d);
        wf_decref(ldict);
        return wf_err_no_memory();
    }
    wf_mutex_unlock(&registry_lock);
    if (err) {
        wf_decref(ldict);
        return NULL;
    }
    WfTypeObject *tp = wf_type_of((WfObject *)self);
    if (run_init && tp->tp_init && tp->tp_init != wf_object_type.tp_init) {
        if (tp->tp_init((WfObject *)self, wf_tuple_items(self->args), self->nargs, self->kwnames) < 0) {
            WfObject *exc = wf_err_fetch();
            wf_mutex_lock(&registry_lock);
            WfObject *d = unregister_locked(self, rec);
            wf_mutex_unlock(&registry_lock);
            wf_xdecref(d);
            wf_decref(ldict);
            wf_err_restore(exc);
            return NULL;
        }
    }
    return ldict;
}

static WfObject *local_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    wf_ssize nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if ((nargs || nkw) && type->tp_init == wf_object_type.tp_init)
        return wf_err_format(&wf_exc_TypeError, "Initialization arguments are not supported");
    LocalObject *self = (LocalObject *)wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    self->args = wf_tuple_from_array(args, (wf_ssize)nargs + nkw);
    self->nargs = nargs;
    self->kwnames = nkw ? wf_newref(kwnames) : NULL;
    self->dicts = wf_dict_new();
    if (!self->args || !self->dicts) {
        wf_decref((WfObject *)self);
        return NULL;
    }
    // The constructing thread's dict; type.__call__ runs __init__ on it.
    WfObject *ldict = local_dict(self, false);
    if (!ldict) {
        wf_decref((WfObject *)self);
        return NULL;
    }
    wf_decref(ldict);
    return (WfObject *)self;
}

static void local_dealloc(WfObject *o) {
    LocalObject *self = (LocalObject *)o;
    if (self->dicts) {
        wf_mutex_lock(&registry_lock);
        wf_ssize pos = 0;
        WfObject *key, *value;
        while (wf_dict_next(self->dicts, &pos, &key, &value)) record_remove(record_of_key(key), self);
        wf_mutex_unlock(&registry_lock);
        WF_CLEAR(self->dicts);  // every thread's dict; values' __del__ may run here
    }
    WF_CLEAR(self->args);
    WF_CLEAR(self->kwnames);
    wf_type_of(o)->tp_free(o);
}

void wf_thread_local_thread_exit(void) {
    LocalThread *rec = current_record;
    if (!rec) return;
    // Releasing a dict may run __del__ code that touches locals again and
    // registers new dicts; go round a few times, then give up (leak).
    for (int round = 0; round < 8; round++) {
        wf_mutex_lock(&registry_lock);
        LocalObject **locals = rec->locals;
        size_t n = rec->n;
        rec->locals = NULL;
        rec->n = rec->cap = 0;
        // Reuse the array for the popped dicts (a slot is read before it is
        // overwritten).
        WfObject **popped = (WfObject **)(void *)locals;
        for (size_t i = 0; i < n; i++) {
            LocalObject *l = locals[i];
            WfObject *d = NULL;
            if (wf_dict_pop(l->dicts, rec->key, &d) <= 0) d = NULL;
            popped[i] = d;
        }
        if (wf_err_occurred()) wf_err_clear();
        wf_mutex_unlock(&registry_lock);
        for (size_t i = 0; i < n; i++) wf_xdecref(popped[i]);
        wf_mem_free(locals);
        wf_mutex_lock(&registry_lock);
        bool empty = rec->n == 0;
        wf_mutex_unlock(&registry_lock);
        if (empty) {
            current_record = NULL;
            wf_mem_free(rec->locals);
            wf_mem_free(rec);
            return;
        }
    }
}

void wf_thread_local_after_fork_child(void) {
    // The dicts of threads that do not exist in the child stay until their
    // _local dies (their records stay valid: they are never freed here).
    atomic_store_explicit(&registry_lock.v, 0, memory_order_relaxed);
}

// ---------------------------------------------------------------------------
// Attributes: the usual lookup, with the calling thread's dict as the
// instance dict.

static WfObject *local_getattro(WfObject *o, WfObject *name) {
    if (!wf_str_check(name))
        return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
    WfObject *ldict = local_dict((LocalObject *)o, true);
    if (!ldict) return NULL;
    if (wf_str_equal(name, WF_ID(__dict__))) return ldict;
    WfTypeObject *tp = wf_type_of(o);
    WfObject *descr = wf_type_lookup_ref(tp, name);
    WfDescrGetFunc f = NULL;
    WfObject *res = NULL;
    if (descr) {
        WfTypeObject *dt = wf_type_of(descr);
        f = dt->tp_descr_get;
        if (f && dt->tp_descr_set) {
            res = f(descr, o, (WfObject *)tp);
            goto done;
        }
    }
    int r = wf_dict_get_item_ref(ldict, name, &res);
    if (r != 0) goto done;
    if (f) {
        res = f(descr, o, (WfObject *)tp);
    } else if (descr) {
        res = descr;
        descr = NULL;
    } else {
        wf_object_attribute_error(o, name);
    }
done:
    wf_xdecref(descr);
    wf_decref(ldict);
    return res;
}

static int local_setattro(WfObject *o, WfObject *name, WfObject *value) {
    if (!wf_str_check(name)) {
        wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%.200s'", WF_TYPE(name)->tp_name);
        return -1;
    }
    if (wf_str_equal(name, WF_ID(__dict__))) {
        wf_err_format(&wf_exc_AttributeError, "'%.100s' object attribute '%U' is read-only", WF_TYPE(o)->tp_name, name);
        return -1;
    }
    WfObject *ldict = local_dict((LocalObject *)o, true);
    if (!ldict) return -1;
    WfObject *descr = wf_type_lookup_ref(wf_type_of(o), name);
    int r;
    if (descr && wf_type_of(descr)->tp_descr_set) {
        r = wf_type_of(descr)->tp_descr_set(descr, o, value);
    } else if (value) {
        r = wf_dict_set_item(ldict, name, value);
    } else {
        r = wf_dict_del_item(ldict, name);
        if (r < 0 && wf_err_matches(&wf_exc_KeyError)) {
            wf_err_clear();
            wf_object_attribute_error(o, name);
        }
    }
    wf_xdecref(descr);
    wf_decref(ldict);
    return r;
}

WfTypeObject wf_thread_local_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(LocalObject),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_doc = "Thread-local data",
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_new = local_new,
};
