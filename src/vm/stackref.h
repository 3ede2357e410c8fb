// stackref.h — references held by the evaluation stack and frame slots.
//
// Invariant: a WfStackRef is one word `bits`:
//   0                      NULL (empty slot / "no method" marker);
//   bit 0 set              a tagged small int (the word is the WfObject* value);
//   bit 0 clear, bit 1 set a *borrowed* pointer (bits & ~2): the object is
//                          immortal or deferred-refcounted (WF_GC_DEFERRED), so
//                          the stack owes no decref and took no incref;
//   low 2 bits clear       an *owned* pointer: the stack holds one reference.
// Loads of constants, immortals and deferred globals (module-level functions,
// classes, modules) therefore cost no refcount write, and N threads calling the
// same global function never touch its header.
// Borrowed references stay valid because immortal objects are never freed and
// deferred objects are freed only by the cycle collector, which scans thread
// stacks (until it exists they are never freed).
#ifndef WF_VM_STACKREF_H
#define WF_VM_STACKREF_H

#include "objects/object.h"

typedef struct {
    uintptr_t bits;
} WfStackRef;

#define WF_STACKREF_BORROWED ((uintptr_t)2)
#define WF_STACKREF_NULL ((WfStackRef){0})

WF_INLINE bool wf_stackref_is_null(WfStackRef r) { return r.bits == 0; }
WF_INLINE bool wf_stackref_is_smallint(WfStackRef r) { return (r.bits & 1) != 0; }
// True when closing the reference owes a decref.
WF_INLINE bool wf_stackref_is_owned(WfStackRef r) { return (r.bits & 3) == 0 && r.bits != 0; }

// The object (borrowed view). Tagged ints keep bit 1 as part of their value.
WF_INLINE WfObject *wf_stackref_as_obj(WfStackRef r) {
    uintptr_t b = r.bits;
    return (WfObject *)((b & 1) ? b : (b & ~WF_STACKREF_BORROWED));  // a conditional move
}
#define WF_SR_OBJ(r) wf_stackref_as_obj(r)
// The object of a reference known not to be a tagged int (or NULL).
WF_INLINE WfObject *wf_stackref_as_ptr(WfStackRef r) { return (WfObject *)(r.bits & ~WF_STACKREF_BORROWED); }

// The GC bits (relaxed: another thread may be making the object deferred;
// a stale clear bit only costs a counted reference).
WF_INLINE uint8_t wf_gc_bits_load(const WfObject *o) { return __atomic_load_n(&o->ob_gc_bits, __ATOMIC_RELAXED); }

// Whether a stack may borrow `o` without counting (immortal or deferred).
WF_INLINE bool wf_stackref_can_borrow(WfObject *o) {
    return wf_ref_local_load(o) == WF_IMMORTAL_REFCNT || (wf_gc_bits_load(o) & WF_GC_DEFERRED) != 0;
}

// Take ownership of a new reference `o` (steals).
WF_INLINE WfStackRef wf_stackref_steal(WfObject *o) { return (WfStackRef){(uintptr_t)o}; }

// A stack reference to `o` (borrowed from the caller): borrowed if immortal or
// deferred, else incref'd.
WF_INLINE WfStackRef wf_stackref_new(WfObject *o) {
    if (wf_is_smallint(o)) return (WfStackRef){(uintptr_t)o};
    if (wf_stackref_can_borrow(o)) return (WfStackRef){(uintptr_t)o | WF_STACKREF_BORROWED};
    wf_incref(o);
    return (WfStackRef){(uintptr_t)o};
}

// A stack reference to an object known to be immortal (code constants,
// singletons) or a tagged int: never counted.
WF_INLINE WfStackRef wf_stackref_immortal(WfObject *o) {
    uintptr_t b = (uintptr_t)o;
    return (WfStackRef){(b & 1) ? b : (b | WF_STACKREF_BORROWED)};
}

// Steal a new reference and, when the object allows it, turn it into a
// borrowed one: immortal objects, and deferred ones that this thread owns
// with other references left after dropping ours (never drops the last one).
WF_INLINE WfStackRef wf_stackref_steal_maybe_borrow(WfObject *o) {
    if (!wf_is_smallint(o)) {
        if (wf_ref_local_load(o) == WF_IMMORTAL_REFCNT) return (WfStackRef){(uintptr_t)o | WF_STACKREF_BORROWED};
        if ((wf_gc_bits_load(o) & WF_GC_DEFERRED) && wf_tid_load(o) == wf_current_tid && wf_ref_local_load(o) > 1) {
            wf_decref(o);
            return (WfStackRef){(uintptr_t)o | WF_STACKREF_BORROWED};
        }
    }
    return (WfStackRef){(uintptr_t)o};
}

// Steal a new reference to a value loaded from a module's globals (or a
// module attribute) and make it a borrowed one where that is free or pays
// off: as wf_stackref_steal_maybe_borrow, and an object owned by another
// thread becomes a shared deferred object (runtime/deferred.h), our
// reference becoming the one it keeps for borrowers. A safe point (may sweep).
WfStackRef wf_stackref_steal_global(WfObject *o);  // vm/frame.c

// Whether a borrowed reference to `o` stays valid only while something
// outside the heap holds `o`: a *shared* deferred object (kept alive for
// the frames the deferred sweep scans, runtime/deferred.c) or a plain
// object borrowed from a local by LOAD_FAST_BORROW (kept alive by that
// local). Immortal objects and objects deferred at creation need nothing.
WF_INLINE bool wf_stackref_borrow_is_local(WfObject *o) {
    if (wf_ref_local_load(o) == WF_IMMORTAL_REFCNT) return false;
    uint8_t bits = wf_gc_bits_load(o);
    return !(bits & WF_GC_DEFERRED) || (bits & WF_GC_SHARED);
}

// Before a reference leaves the frame it was pushed in (a generator's frame
// is created or suspends, a frame object copies a finished frame, a
// generator returns): turn a borrowed reference that relies on a frame into
// a counted one (the object is alive: the slot holds it).
WF_INLINE void wf_stackref_own_borrowed(WfStackRef *r) {
    uintptr_t b = r->bits;
    if ((b & 3) == WF_STACKREF_BORROWED) {
        WfObject *o = (WfObject *)(b & ~WF_STACKREF_BORROWED);
        if (wf_stackref_borrow_is_local(o)) {
            wf_incref(o);
            r->bits = (uintptr_t)o;
        }
    }
}

// Drop the reference (r non-NULL).
WF_INLINE void wf_stackref_close(WfStackRef r) {
    if ((r.bits & 3) == 0) wf_decref((WfObject *)r.bits);
}
WF_INLINE void wf_stackref_xclose(WfStackRef r) {
    if ((r.bits & 3) == 0 && r.bits != 0) wf_decref((WfObject *)r.bits);
}

// A second reference to the same object.
WF_INLINE WfStackRef wf_stackref_dup(WfStackRef r) {
    if ((r.bits & 3) == 0) wf_incref((WfObject *)r.bits);
    return r;
}
WF_INLINE WfStackRef wf_stackref_xdup(WfStackRef r) {
    if ((r.bits & 3) == 0 && r.bits != 0) wf_incref((WfObject *)r.bits);
    return r;
}

// Consume the stack reference and return a new (counted) reference.
WF_INLINE WfObject *wf_stackref_to_owned(WfStackRef r) {
    WfObject *o = wf_stackref_as_obj(r);
    if ((r.bits & 3) == WF_STACKREF_BORROWED) wf_incref(o);
    return o;
}
WF_INLINE WfObject *wf_stackref_xto_owned(WfStackRef r) { return r.bits ? wf_stackref_to_owned(r) : NULL; }

// Identity comparison of the referenced objects.
WF_INLINE bool wf_stackref_is(WfStackRef a, WfObject *o) { return wf_stackref_as_obj(a) == o; }

// Borrowed WfObject* views of `n` stack references (for vectorcall argument
// arrays). `out` must have room for n.
WF_INLINE void wf_stackref_as_objs(const WfStackRef *in, WfObject **out, size_t n) {
    for (size_t i = 0; i < n; i++) out[i] = wf_stackref_as_obj(in[i]);
}

#endif
