// object.h — the object header, tagged small ints, biased reference counting,
// the type object and its slot signatures, and the generic object protocols.
//
// Invariants:
// - A value is a `WfObject *`. If its low bit is 1 it is a *small int*: a signed
//   62-bit integer stored in the word itself (`wf_smallint_new`). It is never
//   dereferenced, allocated or refcounted. Every int whose value lies in
//   [WF_SMALLINT_MIN, WF_SMALLINT_MAX] MUST be represented tagged (exact `int`
//   only; bool and int subclasses are heap objects), so identity, equality and
//   hashing of small ints never touch memory.
// - Heap objects start with `WfObject` (PEP 703 layout in spirit):
//   ob_tid        the owning thread's id (its WfThreadState address), 0 if none;
//   ob_ref_local  owner-only count, plain (non-atomic) updates; UINT32_MAX means
//                 immortal and no count is ever changed;
//   ob_ref_shared atomic count for every other thread, shifted left by
//                 WF_SHARED_SHIFT; its low bits are the merge state;
//   ob_mutex      the 1-byte per-object lock used by critical sections;
//   ob_gc_bits    WF_GC_* flags (deferred refcounting, tracked, ...);
//   ob_type       the type (never NULL).
//   The true count is ob_ref_local + (ob_ref_shared >> WF_SHARED_SHIFT).
// - Errors are return values: a function returning an object returns NULL with an
//   exception set on the current thread; a function returning int returns -1.
//   Never setjmp/longjmp.
// - Ownership is in names: `_new` returns a new reference, `_borrow` a borrowed
//   one, `_take` consumes its argument. Functions without a suffix that return
//   objects return new references unless documented otherwise.
#ifndef WF_OBJECT_H
#define WF_OBJECT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "runtime/mem.h"

typedef struct WfObject WfObject;
typedef struct WfTypeObject WfTypeObject;
typedef intptr_t wf_ssize;  // Py_ssize_t

#define WF_LIKELY(x) __builtin_expect(!!(x), 1)
#define WF_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define WF_INLINE static inline __attribute__((always_inline))

// ---------------------------------------------------------------------------
// The header

#define WF_IMMORTAL_REFCNT UINT32_MAX
#define WF_SHARED_SHIFT 2
// States kept in the low bits of ob_ref_shared.
#define WF_REF_SHARED_DEFAULT 0  // owner alive, nothing queued
#define WF_REF_SHARED_MAYBE_WEAKREF 1
#define WF_REF_SHARED_QUEUED 2   // queued to the owner for merging
#define WF_REF_SHARED_MERGED 3   // owner gave up ownership; shared count is the count
#define WF_REF_SHARED_STATE_MASK 3

// ob_gc_bits
#define WF_GC_TRACKED 0x01    // in the cycle collector's view (reserved)
#define WF_GC_DEFERRED 0x02   // deferred refcounting: stack refs not counted
#define WF_GC_FINALIZED 0x04
#define WF_GC_UNREACHABLE 0x08
#define WF_GC_SHARED 0x10     // deferred at run time when a 2nd thread read it (runtime/deferred.h)
// ob_gc_bits is read by any thread (relaxed atomic loads) and written with
// atomic read-modify-writes once an object may be shared.

struct WfObject {
    uintptr_t ob_tid;
    uint16_t ob_flags;
    uint8_t ob_mutex;
    uint8_t ob_gc_bits;
    uint32_t ob_ref_local;
    _Atomic(intptr_t) ob_ref_shared;
    WfTypeObject *ob_type;
};

typedef struct {
    WfObject ob_base;
    wf_ssize ob_size;  // number of items (variable-size objects)
} WfVarObject;

// Static (immortal) object initializers.
#define WF_STATIC_HEAD(type) \
    { .ob_tid = 0, .ob_flags = 0, .ob_mutex = 0, .ob_gc_bits = 0, \
      .ob_ref_local = WF_IMMORTAL_REFCNT, .ob_ref_shared = 0, .ob_type = (type) }
#define WF_STATIC_VAR_HEAD(type, size) { .ob_base = WF_STATIC_HEAD(type), .ob_size = (size) }

#define WF_OBJ(o) ((WfObject *)(o))

// ---------------------------------------------------------------------------
// Tagged small ints

#define WF_SMALLINT_BITS 62
#define WF_SMALLINT_MAX ((intptr_t)(((uintptr_t)1 << (WF_SMALLINT_BITS - 1)) - 1))
#define WF_SMALLINT_MIN (-WF_SMALLINT_MAX - 1)

WF_INLINE bool wf_is_smallint(const WfObject *o) { return ((uintptr_t)o & 1) != 0; }
WF_INLINE bool wf_smallint_fits(intptr_t v) { return v >= WF_SMALLINT_MIN && v <= WF_SMALLINT_MAX; }
// Caller guarantees wf_smallint_fits(v).
WF_INLINE WfObject *wf_smallint_new(intptr_t v) { return (WfObject *)(((uintptr_t)v << 1) | 1); }
WF_INLINE intptr_t wf_smallint_value(const WfObject *o) { return ((intptr_t)o) >> 1; }

extern WfTypeObject wf_int_type;

WF_INLINE WfTypeObject *wf_type_of(const WfObject *o) {
    return wf_is_smallint(o) ? &wf_int_type : o->ob_type;
}
#define WF_TYPE(o) wf_type_of(WF_OBJ(o))

// ---------------------------------------------------------------------------
// Thread identity used by biased refcounting. The runtime sets this TLS word to
// the current WfThreadState address when a thread attaches (runtime/thread_state.c).
extern _Thread_local uintptr_t wf_current_tid;

WF_INLINE uintptr_t wf_thread_id(void) { return wf_current_tid; }

// ---------------------------------------------------------------------------
// Reference counting

WF_INLINE bool wf_is_immortal(const WfObject *o) { return __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED) == WF_IMMORTAL_REFCNT; }

void wf_refcount_incref_shared(WfObject *o);       // runtime/refcount.c
void wf_refcount_decref_shared(WfObject *o);       // non-owner decrement
void wf_refcount_merge_zero(WfObject *o);          // owner's local count hit zero
void wf_object_dealloc(WfObject *o);               // calls tp_dealloc; count is zero
void wf_object_set_immortal(WfObject *o);          // never freed from now on
void wf_object_set_deferred(WfObject *o);          // mark deferred (module-level fn, class, code, module)
wf_ssize wf_refcount_get(const WfObject *o);       // approximate total (for sys.getrefcount/tests)

// ob_ref_local and ob_tid are read by every thread (to test "am I the owner?"
// and "is it immortal?") but written only by the owner (or once, before the
// object is shared). Relaxed atomic loads/stores make those reads race-free;
// on x86-64 and AArch64 they compile to plain moves.
WF_INLINE uint32_t wf_ref_local_load(const WfObject *o) { return __atomic_load_n(&o->ob_ref_local, __ATOMIC_RELAXED); }
WF_INLINE void wf_ref_local_store(WfObject *o, uint32_t v) { __atomic_store_n(&o->ob_ref_local, v, __ATOMIC_RELAXED); }
WF_INLINE uintptr_t wf_tid_load(const WfObject *o) { return __atomic_load_n(&o->ob_tid, __ATOMIC_RELAXED); }

WF_INLINE void wf_incref(WfObject *o) {
    if (wf_is_smallint(o)) return;
    uint32_t local = wf_ref_local_load(o);
    if (local == WF_IMMORTAL_REFCNT) return;
    // Owner path: only the owning thread writes ob_ref_local, so a plain
    // (non-RMW) increment is enough.
    if (WF_LIKELY(wf_tid_load(o) == wf_current_tid)) {
        wf_ref_local_store(o, local + 1);
    } else {
        wf_refcount_incref_shared(o);
    }
}

WF_INLINE void wf_decref(WfObject *o) {
    if (wf_is_smallint(o)) return;
    uint32_t local = wf_ref_local_load(o);
    if (local == WF_IMMORTAL_REFCNT) return;
    if (WF_LIKELY(wf_tid_load(o) == wf_current_tid)) {
        local--;
        wf_ref_local_store(o, local);
        if (local == 0) wf_refcount_merge_zero(o);
    } else {
        wf_refcount_decref_shared(o);
    }
}

WF_INLINE void wf_xincref(WfObject *o) { if (o) wf_incref(o); }
WF_INLINE void wf_xdecref(WfObject *o) { if (o) wf_decref(o); }
WF_INLINE WfObject *wf_newref(WfObject *o) { wf_incref(o); return o; }
WF_INLINE WfObject *wf_xnewref(WfObject *o) { if (o) wf_incref(o); return o; }
#define WF_INCREF(o) wf_incref(WF_OBJ(o))
#define WF_DECREF(o) wf_decref(WF_OBJ(o))
#define WF_XINCREF(o) wf_xincref(WF_OBJ(o))
#define WF_XDECREF(o) wf_xdecref(WF_OBJ(o))
#define WF_NEWREF(o) wf_newref(WF_OBJ(o))
#define WF_CLEAR(p) do { WfObject *wf_tmp_ = WF_OBJ(p); if (wf_tmp_) { (p) = NULL; wf_decref(wf_tmp_); } } while (0)
#define WF_SETREF(p, v) do { WfObject *wf_old_ = WF_OBJ(p); (p) = (v); wf_xdecref(wf_old_); } while (0)

// ---------------------------------------------------------------------------
// Slot signatures. The calling convention everywhere is "vectorcall": positional
// arguments in args[0..nargs), then the values of keyword arguments whose names
// are the tuple `kwnames` (NULL when there are none). nargs never carries flags.

typedef void (*WfDestructor)(WfObject *);
typedef WfObject *(*WfUnaryFunc)(WfObject *);
typedef WfObject *(*WfBinaryFunc)(WfObject *, WfObject *);
typedef WfObject *(*WfTernaryFunc)(WfObject *, WfObject *, WfObject *);
typedef int (*WfInquiry)(WfObject *);
typedef wf_ssize (*WfLenFunc)(WfObject *);
typedef intptr_t (*WfHashFunc)(WfObject *);          // -1 on error
typedef WfObject *(*WfRichCmpFunc)(WfObject *, WfObject *, int op);
typedef WfObject *(*WfGetAttrFunc)(WfObject *, WfObject *name);
typedef int (*WfSetAttrFunc)(WfObject *, WfObject *name, WfObject *value);  // value NULL: delete
typedef WfObject *(*WfDescrGetFunc)(WfObject *descr, WfObject *obj, WfObject *type);
typedef int (*WfDescrSetFunc)(WfObject *descr, WfObject *obj, WfObject *value);
typedef WfObject *(*WfCallFunc)(WfObject *callable, WfObject *const *args, size_t nargs, WfObject *kwnames);
typedef WfObject *(*WfNewFunc)(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames);
typedef int (*WfInitFunc)(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);
typedef int (*WfObjObjProc)(WfObject *container, WfObject *item);      // contains: 1/0/-1
typedef int (*WfObjObjArgProc)(WfObject *, WfObject *key, WfObject *value);  // setitem; value NULL: delete
typedef int (*WfVisitProc)(WfObject *, void *);
typedef int (*WfTraverseProc)(WfObject *, WfVisitProc, void *);
// Iterator protocol: returns a new reference, or NULL. NULL with no exception set
// means exhausted (StopIteration need not be created).
typedef WfObject *(*WfIterNextFunc)(WfObject *);

// Rich comparison ops (same numbering as CPython).
enum { WF_LT = 0, WF_LE = 1, WF_EQ = 2, WF_NE = 3, WF_GT = 4, WF_GE = 5 };

// Binary numeric slots follow CPython's protocol: the slot of the left operand's
// type is called with (a, b), the right type's with (a, b) too; a slot returns
// wf_NotImplemented (new ref) when it does not handle the pair. Sequences use
// nb_add / nb_multiply for concatenation / repetition.
typedef struct {
    WfBinaryFunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    WfTernaryFunc nb_power;
    WfUnaryFunc nb_negative, nb_positive, nb_absolute;
    WfInquiry nb_bool;  // 1 true, 0 false, -1 error
    WfUnaryFunc nb_invert;
    WfBinaryFunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    WfUnaryFunc nb_int, nb_float;
    WfBinaryFunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder;
    WfTernaryFunc nb_inplace_power;
    WfBinaryFunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor, nb_inplace_or;
    WfBinaryFunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide, nb_inplace_true_divide;
    WfUnaryFunc nb_index;
    WfBinaryFunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} WfNumberMethods;

// Method table entries (builtin methods and module functions). The Python name,
// the calling convention and the docstring (first line: the signature, as
// CPython's `name(a, b=None, /)\n--\n\n...`) sit together.
typedef WfObject *(*WfCFuncNoArgs)(WfObject *self, WfObject *unused);
typedef WfObject *(*WfCFuncO)(WfObject *self, WfObject *arg);
typedef WfObject *(*WfCFuncFast)(WfObject *self, WfObject *const *args, size_t nargs);
typedef WfObject *(*WfCFuncFastKw)(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);

#define WF_METH_NOARGS 0x01   // WfCFuncNoArgs
#define WF_METH_O 0x02        // WfCFuncO
#define WF_METH_FASTCALL 0x04 // WfCFuncFast
#define WF_METH_KEYWORDS 0x08 // with FASTCALL: WfCFuncFastKw
#define WF_METH_CLASS 0x10    // bound to the type (classmethod)
#define WF_METH_STATIC 0x20   // no self
#define WF_METH_COEXIST 0x40

typedef struct WfMethodDef {
    const char *name;
    void *fn;
    int flags;
    const char *doc;
} WfMethodDef;

// One entry of a method table: keeps name, C body, convention and doc together.
#define WF_METHOD(pyname, cfn, flags, doc) { pyname, (void *)(cfn), flags, doc }
#define WF_METHOD_END { NULL, NULL, 0, NULL }

enum WfMemberType {
    WF_T_OBJECT,     // WfObject*; NULL reads as None
    WF_T_OBJECT_EX,  // WfObject*; NULL raises AttributeError
    WF_T_INT, WF_T_SSIZE, WF_T_BOOL, WF_T_DOUBLE, WF_T_UINT32,
};
#define WF_MEMBER_READONLY 1
typedef struct WfMemberDef {
    const char *name;
    int type;
    wf_ssize offset;
    int flags;
    const char *doc;
} WfMemberDef;

typedef WfObject *(*WfGetter)(WfObject *, void *closure);
typedef int (*WfSetter)(WfObject *, WfObject *value, void *closure);  // value NULL: delete
typedef struct WfGetSetDef {
    const char *name;
    WfGetter get;
    WfSetter set;
    const char *doc;
    void *closure;
} WfGetSetDef;

// tp_flags
#define WF_TPFLAGS_HEAPTYPE (1ULL << 0)        // created by `class` / type(); refcounted
#define WF_TPFLAGS_BASETYPE (1ULL << 1)        // may be subclassed
#define WF_TPFLAGS_READY (1ULL << 2)
#define WF_TPFLAGS_READYING (1ULL << 3)
#define WF_TPFLAGS_HAVE_GC (1ULL << 4)
#define WF_TPFLAGS_IMMUTABLETYPE (1ULL << 5)   // attributes cannot be set (builtin types)
#define WF_TPFLAGS_ABSTRACT (1ULL << 6)
#define WF_TPFLAGS_METHOD_DESCRIPTOR (1ULL << 7)  // tp_descr_get binds like a function (LOAD_METHOD optimisation)
#define WF_TPFLAGS_SEQUENCE (1ULL << 8)
#define WF_TPFLAGS_MAPPING (1ULL << 9)
#define WF_TPFLAGS_DISALLOW_INSTANTIATION (1ULL << 10)
#define WF_TPFLAGS_VALID_VERSION_TAG (1ULL << 11)
// Fast subclass checks (set on the type and inherited by subclasses).
#define WF_TPFLAGS_INT_SUBCLASS (1ULL << 24)
#define WF_TPFLAGS_LIST_SUBCLASS (1ULL << 25)
#define WF_TPFLAGS_TUPLE_SUBCLASS (1ULL << 26)
#define WF_TPFLAGS_BYTES_SUBCLASS (1ULL << 27)
#define WF_TPFLAGS_STR_SUBCLASS (1ULL << 28)
#define WF_TPFLAGS_DICT_SUBCLASS (1ULL << 29)
#define WF_TPFLAGS_BASE_EXC_SUBCLASS (1ULL << 30)
#define WF_TPFLAGS_TYPE_SUBCLASS (1ULL << 31)

struct WfTypeObject {
    WfVarObject ob_base;
    const char *tp_name;           // "module.Name" for builtins in modules, "int" for builtins
    wf_ssize tp_basicsize, tp_itemsize;
    uint64_t tp_flags;
    const char *tp_doc;

    WfDestructor tp_dealloc;       // frees the object (and decrefs its fields); must free memory via tp_free
    WfDestructor tp_free;          // default wf_mem_free-based release of the block (wf_object_free)
    WfUnaryFunc tp_repr, tp_str;
    WfHashFunc tp_hash;
    WfCallFunc tp_call;
    WfGetAttrFunc tp_getattro;
    WfSetAttrFunc tp_setattro;
    WfRichCmpFunc tp_richcompare;
    WfUnaryFunc tp_iter;
    WfIterNextFunc tp_iternext;
    WfDescrGetFunc tp_descr_get;
    WfDescrSetFunc tp_descr_set;
    WfInitFunc tp_init;
    WfNewFunc tp_new;
    WfTraverseProc tp_traverse;
    WfInquiry tp_clear;
    WfDestructor tp_finalize;      // __del__ (heap types)

    WfNumberMethods *tp_as_number;
    // Container slots (one way to do each thing; no sq_/mp_ duality):
    WfLenFunc tp_len;              // len(); -1 on error
    WfBinaryFunc tp_getitem;       // o[key]
    WfObjObjArgProc tp_setitem;    // o[key] = v, del o[key] (value NULL)
    WfObjObjProc tp_contains;      // `in`; NULL: fall back to iteration

    const WfMethodDef *tp_methods;
    const WfMemberDef *tp_members;
    const WfGetSetDef *tp_getset;

    WfTypeObject *tp_base;         // single "solid" base
    WfObject *tp_bases;            // tuple of types
    WfObject *tp_mro;              // tuple of types, self first
    WfObject *tp_dict;             // dict: the type's namespace
    WfObject *tp_subclasses;       // dict id -> weak-ish ref (reserved)
    wf_ssize tp_dictoffset;        // offset of the instance __dict__ pointer, 0 if none
    wf_ssize tp_weaklistoffset;
    _Atomic(uint32_t) tp_version_tag;  // 0 = invalid; changes whenever lookups on this type may change
    WfObject *tp_name_obj;         // str; __name__ for heap types
    WfObject *tp_qualname_obj;     // str; __qualname__ for heap types
    WfObject *tp_module_obj;       // str or NULL; __module__ for heap types
    void *tp_cache;                // private to typeobject.c (method cache etc.)
};

// Convenience for defining static types:
//   WfTypeObject wf_list_type = { WF_STATIC_TYPE_HEAD, .tp_name = "list", ... };
extern WfTypeObject wf_type_type;
#define WF_STATIC_TYPE_HEAD .ob_base = WF_STATIC_VAR_HEAD(&wf_type_type, 0)

// ---------------------------------------------------------------------------
// Singletons (static, immortal). Use the macros; they are new-reference-free.

extern WfObject wf_none_object, wf_notimplemented_object, wf_ellipsis_object;
extern WfTypeObject wf_none_type, wf_notimplemented_type, wf_ellipsis_type, wf_object_type;
#define wf_None (&wf_none_object)
#define wf_NotImplemented (&wf_notimplemented_object)
#define wf_Ellipsis (&wf_ellipsis_object)
WF_INLINE WfObject *wf_none_new(void) { return wf_None; }  // immortal: no incref needed

// ---------------------------------------------------------------------------
// Allocation of objects. Memory comes from mimalloc (runtime/mem.h). The new
// object is owned by the calling thread with local count 1.

WfObject *wf_object_alloc(WfTypeObject *type);                    // tp_basicsize bytes, zeroed after header
WfObject *wf_object_alloc_var(WfTypeObject *type, wf_ssize nitems); // + nitems * tp_itemsize; sets ob_size
void wf_object_free(WfObject *o);                                  // release the block (default tp_free)
WF_INLINE void wf_object_init_header(WfObject *o, WfTypeObject *type) {
    // Relaxed atomic stores for the words a lock-free reader may still read
    // speculatively through a stale pointer to the object that lived here
    // before (objects/containers.h): plain moves, but no data race.
    __atomic_store_n(&o->ob_tid, wf_current_tid, __ATOMIC_RELAXED);
    o->ob_flags = 0;
    o->ob_mutex = 0;
    __atomic_store_n(&o->ob_gc_bits, 0, __ATOMIC_RELAXED);
    wf_ref_local_store(o, 1);
    o->ob_type = type;
    // release, last: heads the release sequence of the shared count, so a
    // thread that takes a reference speculatively (objects/containers.h: an
    // acquire CAS through a pointer that may be to an earlier object at this
    // address) sees this header, not the old one.
    atomic_store_explicit(&o->ob_ref_shared, 0, memory_order_release);
    if (type->tp_flags & WF_TPFLAGS_HEAPTYPE) wf_incref((WfObject *)type);
}

// ---------------------------------------------------------------------------
// Generic object protocols (objects/abstract.c, objects/typeobject.c, objects/object.c).
// All return new references / -1 with an exception set unless stated.

WfObject *wf_object_repr(WfObject *o);
WfObject *wf_object_str(WfObject *o);
WfObject *wf_object_ascii(WfObject *o);
WfObject *wf_object_format(WfObject *o, WfObject *spec);   // format(o, spec); spec may be NULL
intptr_t wf_object_hash(WfObject *o);                      // -1 on error
intptr_t wf_object_hash_not_implemented(WfObject *o);      // "unhashable type: 'list'"
int wf_object_is_true(WfObject *o);                        // 1/0/-1
int wf_object_not(WfObject *o);
WfObject *wf_object_richcompare(WfObject *a, WfObject *b, int op);
int wf_object_richcompare_bool(WfObject *a, WfObject *b, int op);  // identity shortcut for EQ/NE
int wf_object_eq(WfObject *a, WfObject *b);                        // richcompare_bool(.., WF_EQ)

WfObject *wf_object_getattr(WfObject *o, WfObject *name);          // name: str
WfObject *wf_object_getattr_cstr(WfObject *o, const char *name);
// Like getattr but returns 0 and *result = NULL (no exception) when missing;
// 1 when found; -1 on other errors.
int wf_object_lookup_attr(WfObject *o, WfObject *name, WfObject **result);
int wf_object_setattr(WfObject *o, WfObject *name, WfObject *value);  // value NULL: delete
int wf_object_setattr_cstr(WfObject *o, const char *name, WfObject *value);
int wf_object_hasattr(WfObject *o, WfObject *name);                // 1/0, never raises (except non-AttributeError → -1)
WfObject *wf_object_generic_getattr(WfObject *o, WfObject *name);  // object.__getattribute__
int wf_object_generic_setattr(WfObject *o, WfObject *name, WfObject *value);
WfObject **wf_object_dict_ptr(WfObject *o);                        // address of instance __dict__ slot or NULL
// Method lookup for CALL: if the attribute is a plain function/method descriptor
// found on the type (not shadowed by the instance dict), sets *method to it (new
// ref) and returns 1 — the caller passes `o` as first argument. Otherwise sets
// *method to the bound attribute and returns 0. -1 on error.
int wf_object_get_method(WfObject *o, WfObject *name, WfObject **method);

WfObject *wf_object_call(WfObject *callable, WfObject *const *args, size_t nargs, WfObject *kwnames);
WfObject *wf_object_call_noargs(WfObject *callable);
WfObject *wf_object_call_one(WfObject *callable, WfObject *arg);
WfObject *wf_object_call_tuple_dict(WfObject *callable, WfObject *args_tuple, WfObject *kwargs_dict);  // f(*a, **kw); kwargs may be NULL
WfObject *wf_object_call_method(WfObject *o, WfObject *name, WfObject *const *args, size_t nargs);  // o.name(*args)
WfObject *wf_object_call_method_cstr(WfObject *o, const char *name, WfObject *const *args, size_t nargs);
int wf_callable_check(WfObject *o);

WfObject *wf_object_getitem(WfObject *o, WfObject *key);
int wf_object_setitem(WfObject *o, WfObject *key, WfObject *value);
int wf_object_delitem(WfObject *o, WfObject *key);
wf_ssize wf_object_len(WfObject *o);                                 // -1 on error ("object of type 'int' has no len()")
wf_ssize wf_object_length_hint(WfObject *o, wf_ssize default_value);
int wf_sequence_contains(WfObject *container, WfObject *item);       // `item in container`: 1/0/-1

WfObject *wf_object_get_iter(WfObject *o);                           // iter(o)
// next(it): new reference; NULL and no exception when exhausted; NULL with exception on error.
WfObject *wf_iter_next(WfObject *it);
int wf_iter_check(WfObject *o);

int wf_object_isinstance(WfObject *o, WfObject *cls);                // 1/0/-1 (cls may be a tuple)
int wf_object_issubclass(WfObject *derived, WfObject *cls);
int wf_type_is_subtype(WfTypeObject *a, WfTypeObject *b);            // via MRO; never fails
WF_INLINE bool wf_type_check(WfObject *o, WfTypeObject *t) {
    WfTypeObject *ot = wf_type_of(o);
    return ot == t || wf_type_is_subtype(ot, t);
}
WF_INLINE bool wf_type_check_exact(WfObject *o, WfTypeObject *t) { return wf_type_of(o) == t; }
WF_INLINE bool wf_type_has_flag(WfTypeObject *t, uint64_t f) { return (t->tp_flags & f) != 0; }

WfObject *wf_object_dir(WfObject *o);                                // dir(o): sorted list

// Numbers (abstract.c): CPython's binary_op1 rules incl. subclass-first for
// reflected operands, and its TypeError messages
// ("unsupported operand type(s) for +: 'int' and 'str'").
WfObject *wf_number_add(WfObject *a, WfObject *b);
WfObject *wf_number_subtract(WfObject *a, WfObject *b);
WfObject *wf_number_multiply(WfObject *a, WfObject *b);
WfObject *wf_number_matrix_multiply(WfObject *a, WfObject *b);
WfObject *wf_number_true_divide(WfObject *a, WfObject *b);
WfObject *wf_number_floor_divide(WfObject *a, WfObject *b);
WfObject *wf_number_remainder(WfObject *a, WfObject *b);
WfObject *wf_number_divmod(WfObject *a, WfObject *b);
WfObject *wf_number_power(WfObject *a, WfObject *b, WfObject *mod);  // mod: wf_None if absent
WfObject *wf_number_lshift(WfObject *a, WfObject *b);
WfObject *wf_number_rshift(WfObject *a, WfObject *b);
WfObject *wf_number_and(WfObject *a, WfObject *b);
WfObject *wf_number_or(WfObject *a, WfObject *b);
WfObject *wf_number_xor(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_add(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_subtract(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_multiply(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_matrix_multiply(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_true_divide(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_floor_divide(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_remainder(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_power(WfObject *a, WfObject *b, WfObject *mod);
WfObject *wf_number_inplace_lshift(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_rshift(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_and(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_or(WfObject *a, WfObject *b);
WfObject *wf_number_inplace_xor(WfObject *a, WfObject *b);
WfObject *wf_number_negative(WfObject *a);
WfObject *wf_number_positive(WfObject *a);
WfObject *wf_number_absolute(WfObject *a);
WfObject *wf_number_invert(WfObject *a);
WfObject *wf_number_index(WfObject *a);        // operator.index(): int (exact or subclass → exact int)
WfObject *wf_number_long(WfObject *a);         // int(a)
WfObject *wf_number_float(WfObject *a);        // float(a)
// index → C ssize; on overflow raises `exc` (e.g. IndexError) or clamps if exc is NULL.
wf_ssize wf_number_as_ssize(WfObject *a, WfTypeObject *overflow_exc);
int wf_index_check(WfObject *o);

#endif
