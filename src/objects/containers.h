// containers.h — the containers area: startup, plus helpers shared by the
// container types (tuple, list, dict, set, range, slice, iterators).
//
// Invariants:
// - The repr guard is a per-thread set of the containers whose repr is being
//   computed on that thread (CPython's Py_ReprEnter); it is empty whenever no
//   repr is running, and its storage is then freed.
// - The deallocation limiter bounds the C recursion of container deallocs
//   (CPython's trashcan): past a fixed nesting depth, exact-type containers
//   are parked on a per-thread list and deallocated once the outermost dealloc
//   returns. Parked objects are dead (count zero); only their ob_tid word is
//   reused as the link.
// - Container sections (WfContainerSection below) lock the container's
//   critical section, except while the process has a single thread: see
//   "Container sections" for the protocol that keeps that sound.
// - Lock-free readers (brief §1.7) take references with
//   wf_object_try_incref_compare below, never with wf_incref: an object loaded
//   from a shared slot without the container's lock may be released by
//   another thread at any moment. See "Lock-free reads" below.
#ifndef WF_CONTAINERS_H
#define WF_CONTAINERS_H

#include "objects/object.h"
#include "runtime/critical_section.h"
#include "sync/qsbr.h"

// Ready every container type (tuple, list, dict + views + iterators, set,
// frozenset, range, slice, iterator types). 0 ok, -1 with an exception.
int wf_containers_init(void);

// Repr guard: 0 entered (call leave afterwards), 1 already being repr'd on
// this thread (print "[...]" and do not call leave), -1 error.
int wf_containers_repr_enter(WfObject *o);
void wf_containers_repr_leave(WfObject *o);

// Deallocation limiter. Use in a container's tp_dealloc:
//   if (!wf_containers_dealloc_enter(o)) return;  // parked, runs later
//   ... release contents ...
//   wf_containers_dealloc_leave();
// Only instances of static (non-heap) types are parked: their tp_dealloc is
// the caller itself, which runs again when the parked object is drained.
bool wf_containers_dealloc_enter(WfObject *o);
void wf_containers_dealloc_leave(void);

// Release an object's memory after its dealloc released its contents: the
// type's tp_free, or wf_object_free.
void wf_containers_free(WfObject *o);

// KeyError(key) with the key as its only argument (tuples are not unpacked).
void wf_containers_key_error(WfObject *key);

// Allocate an instance of `type` (a container type or a subclass of one):
// exact static types use wf_object_alloc(_var), subclasses the generic alloc.
WfObject *wf_containers_alloc(WfTypeObject *type, WfTypeObject *base, wf_ssize nitems);

// ---------------------------------------------------------------------------
// Lock-free reads (CPython's _Py_TryIncrefCompare, on weft's header).
//
// A reader that loads an item pointer from a container slot without the
// container's lock (lst[i], d[k], ...) cannot simply incref it: a writer may
// have replaced the slot and dropped the last reference meanwhile. The reader
// instead *tries* to take a reference, then re-checks that the slot (and the
// storage it belongs to) still holds the object; on any failure it retries or
// takes the container's lock. Containers keep these rules so that the
// re-check proves the reference is to the right, live object:
// - a slot of *installed* storage holds an owned reference (or NULL): a writer
//   overwrites or clears the slot before it drops the reference it held;
// - storage, once replaced, is never installed again, and its memory is freed
//   through QSBR (wf_qsbr_free_storage), so a stale reader can still read it.
// So if, after the reference was taken, the slot still holds the pointer and
// the storage is still installed, the container owned that very object the
// whole time, and the reference taken is a reference to it.

// The loads and the CAS below may touch an object that was freed (and its
// memory handed out again) after the reader loaded its pointer; the protocol
// validates the outcome afterwards (the re-checks), which ThreadSanitizer
// cannot model, so in TSan builds these functions are not instrumented (as
// CPython's _Py_NO_SANITIZE_THREAD), and not inlined (GCC does not inline
// across differing sanitizer attributes). The residual hazard, memory reused
// for something other than an object header, is the allocator's to rule out
// (delayed reuse), as in CPython.
// Because TSan does not see the acquire of the increment's CAS either, a
// successful increment tells it so (WF_TSAN_ACQUIRED): once we hold a
// counted reference, what the object's creator wrote before its release of
// ob_ref_shared (wf_object_init_header) happens-before our use of it, even
// when the slot's pointer we started from was to an earlier object at the
// same address.
#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#define WF_SPECULATIVE static __attribute__((noinline, no_sanitize_thread, unused))
#define WF_TSAN_ACQUIRED(addr) __tsan_acquire((void *)(addr))
#else
#define WF_SPECULATIVE WF_INLINE
#define WF_TSAN_ACQUIRED(addr) ((void)0)
#endif

// Shared path of wf_object_try_incref: add one to the shared count unless the
// shared word is exactly 0 or exactly MERGED (merged with a zero count).
// - 0: the count may be held entirely by the owner's local count, and the
//   owner frees an object whose local count drops to zero when it reads a 0
//   here *without* a CAS (refcount.c, wf_refcount_merge_zero's fast path):
//   our increment could land after that read, on an object being freed.
//   (So "merged and zero" alone is not enough to refuse; CPython refuses
//   both for the same reason.)
// - MERGED: the shared count is the whole count and it is zero: freed or
//   being freed.
// Any other value can only reach a free through a CAS on this word, which
// our CAS is ordered with: either it sees our increment (and does not free)
// or we see its result (and refuse).
WF_SPECULATIVE bool wf_object_try_incref_shared(WfObject *o) {
    // relaxed: a first guess; the CAS re-reads on failure.
    intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
    for (;;) {
        if (shared == 0 || shared == WF_REF_SHARED_MERGED) return false;
        // acquire on success: the caller's re-check of the slot must not be
        // satisfied by a load older than the increment (it is what proves the
        // object we counted is the one in the slot). Atomicity alone settles
        // the race with a freeing decrement (both are RMWs on this word).
        if (atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, shared + ((intptr_t)1 << WF_SHARED_SHIFT),
                                                  memory_order_acquire, memory_order_relaxed)) {
            WF_TSAN_ACQUIRED(&o->ob_ref_shared);
            return true;
        }
    }
}

// Whether `o` may be referenced from a stack without counting (immortal or
// deferred, as vm/stackref.h's wf_stackref_can_borrow), read from a header
// that may have been freed since the caller loaded `o` from a shared slot:
// the caller re-checks the slot before trusting the answer. Speculative, so
// not instrumented under TSan; the slot's loads stay in the caller, where
// TSan sees their acquire/release edges.
WF_SPECULATIVE bool wf_object_can_borrow_speculative(WfObject *o) {
    // relaxed: see wf_gc_bits_load; the caller's re-check orders the outcome.
    return wf_ref_local_load(o) == WF_IMMORTAL_REFCNT ||
           (__atomic_load_n(&o->ob_gc_bits, __ATOMIC_RELAXED) & WF_GC_DEFERRED) != 0;
}

// The part of wf_object_try_incref that needs no atomic operation, and so no
// re-check by the caller: small ints and immortals need no reference, and an
// object this thread owns with a live local count can only be freed by this
// thread, which is here (CPython's _Py_TryIncrefFast). Returns false without
// doing anything for other objects.
WF_SPECULATIVE bool wf_object_try_incref_fast(WfObject *o) {
    if (wf_is_smallint(o)) return true;
    uint32_t local = wf_ref_local_load(o);
    if (local == WF_IMMORTAL_REFCNT) return true;
    if (wf_tid_load(o) == wf_current_tid && local != 0) {
        wf_ref_local_store(o, local + 1);
        return true;
    }
    return false;
}

// Try to take a new reference to `o`, which may be concurrently released.
// True for small ints and immortals; for objects this thread owns while their
// local count is > 0 (only the owner frees through the local count, and it is
// here, so the object is alive: a plain increment); otherwise through the
// shared count (above). False: no reference was taken.
WF_SPECULATIVE bool wf_object_try_incref(WfObject *o) {
    if (wf_is_smallint(o)) return true;
    uint32_t local = wf_ref_local_load(o);
    if (local == WF_IMMORTAL_REFCNT) return true;
    if (wf_tid_load(o) == wf_current_tid) {
        if (local == 0) return false;
        wf_ref_local_store(o, local + 1);
        return true;
    }
    return wf_object_try_incref_shared(o);
}

// Try to take a reference to `o`, just loaded from *slot, and check that the
// slot still holds it. True: the caller owns a new reference to the object in
// the slot (the caller still re-checks that the slot's storage is installed,
// see above). False: nothing taken; retry or use the locked path.
WF_INLINE bool wf_object_try_incref_compare(WfObject *const *slot, WfObject *o) {
    if (!wf_object_try_incref(o)) return false;
    // acquire: the slot may hold the same address again, a new object stored
    // there after the caller's first load (its old object freed, the memory
    // reused). Reading that store with acquire makes the new object's
    // initialization visible before we use it; the caller's first load only
    // acquired the old object's. (Free on x86-64: a plain load.) Ordered after
    // the increment by the increment's acquire (or program order on the
    // owner's path).
    if (__atomic_load_n(slot, __ATOMIC_ACQUIRE) != o) {
        wf_decref(o);
        return false;
    }
    return true;
}

// A new reference to an item read while holding its container's lock (the
// locked fallback of a lock-free read). As CPython's _Py_NewRefWithLock it
// also marks an object owned by another thread MAYBE_WEAKREF so that the next
// lock-free read of it succeeds (its shared word is no longer 0);
// wf_refcount_decref_shared queues a release of a zero shared count in state
// MAYBE_WEAKREF as it does in state DEFAULT.
WF_INLINE WfObject *wf_object_newref_with_lock(WfObject *o) {
    if (!wf_is_smallint(o) && !wf_is_immortal(o) && wf_tid_load(o) != wf_current_tid) {
        // relaxed: atomicity only; the lock we hold keeps o alive.
        intptr_t shared = atomic_load_explicit(&o->ob_ref_shared, memory_order_relaxed);
        intptr_t next;
        do {
            next = shared + ((intptr_t)1 << WF_SHARED_SHIFT);
            if ((shared & WF_REF_SHARED_STATE_MASK) == 0) next |= WF_REF_SHARED_MAYBE_WEAKREF;
        } while (!atomic_compare_exchange_weak_explicit(&o->ob_ref_shared, &shared, next, memory_order_relaxed,
                                                        memory_order_relaxed));
        return o;
    }
    wf_incref(o);
    return o;
}

// ---------------------------------------------------------------------------
// Container sections: the critical section of a container (or two), elided
// while the process has a single thread.
//
// Locking an uncontended object still costs two atomic read-modify-writes
// (lock, unlock), which on some machines is most of a list.append. While only
// one thread is registered (wf_qsbr_registered() <= 1) nobody else can see a
// container mid-mutation, so a section starts *elided* (no lock, nothing
// pushed) and locks for real:
// - before anything inside it calls out (Python code: __eq__ in a lookup, a
//   key function, an iterator's next(); or a decref that may free): the code
//   called may start a thread. wf_containers_before_callout() locks the
//   thread's elided section, which from then on behaves like any critical
//   section (suspended when blocking, state re-validated after the call).
//   Lookups call it before comparisons, so code inside a section that calls
//   a lookup is covered;
// - when another section begins inside it (the elided one is locked first,
//   keeping the critical-section stack in order); so a thread has at most
//   one elided section, `wf_containers_elided`;
// - always, once the process is multithreaded.
// The switch to multithreaded is sticky and happens once
// (wf_containers_enter_multithreaded): the first thread that needs a lock
// while another thread is registered stops the world, sets the flag and
// restarts it. A thread that found itself alone (wf_containers_alone, set
// when its first check saw one registered thread) keeps eliding without
// checking again until the flag is set: any thread that appears later must
// make that switch before its first locked section or atomic iterator step,
// and the switch waits for the alone thread to leave its elided section. Every other thread is then at an eval-breaker poll or
// detached, and an elided section never reaches a poll or blocks (it locks
// before calling out), so no elided section is in progress; the restart
// publishes the flag, so none starts afterwards. Elided and locked sections
// therefore never overlap. Iterators use the same test to choose between a
// plain update and a CAS. Stores inside sections are the same atomic stores
// either way (lock-free readers run concurrently in both modes).

extern _Atomic(int) wf_containers_multithreaded;  // sticky; see above
extern _Thread_local bool wf_containers_alone;     // this thread found itself alone
void wf_containers_enter_multithreaded(void);     // the one stop-the-world
bool wf_containers_need_lock_slow(void);

// Whether sections must lock now (entering multithreaded mode if needed).
WF_INLINE bool wf_containers_need_lock(void) {
    // relaxed: the flag is published by the stop-the-world's restart (or by
    // program order for the thread that set it).
    if (WF_LIKELY(atomic_load_explicit(&wf_containers_multithreaded, memory_order_relaxed))) return true;
    if (WF_LIKELY(wf_containers_alone)) return false;
    return wf_containers_need_lock_slow();
}

typedef struct WfContainerSection {
    WfCriticalSection2 cs;
    WfObject *a, *b;  // b: NULL, or a second object (may equal a)
    bool locked;
} WfContainerSection;

extern _Thread_local WfContainerSection *wf_containers_elided;  // this thread's elided section
void wf_containers_lock_elided(void);  // lock it for real (see above)
// Out of line (the locked paths cost two atomic RMWs anyway):
void wf_container_section_lock(WfContainerSection *s);
void wf_container_section_begin_slow(WfContainerSection *s);  // need_lock_slow, then lock or elide
void wf_container_section_unlock(WfContainerSection *s);

// Before calling out from inside a section (or from code that may run
// inside one, such as a lookup): makes the elided section a locked one.
WF_INLINE void wf_containers_before_callout(void) {
    if (WF_UNLIKELY(wf_containers_elided != NULL)) wf_containers_lock_elided();
}

// Begin a section on a (and b, unless NULL): locked, or elided.
WF_INLINE void wf_container_section_begin(WfContainerSection *s, WfObject *a, WfObject *b) {
    s->a = a;
    s->b = b;
    s->locked = false;
    wf_containers_before_callout();  // an enclosing elided section locks first
    // As wf_containers_need_lock (relaxed: see there), with the rest out of line.
    if (WF_LIKELY(!atomic_load_explicit(&wf_containers_multithreaded, memory_order_relaxed) && wf_containers_alone))
        wf_containers_elided = s;
    else
        wf_container_section_begin_slow(s);
}

WF_INLINE void wf_container_section_end(WfContainerSection *s) {
    if (WF_LIKELY(!s->locked)) wf_containers_elided = NULL;
    else wf_container_section_unlock(s);
}

// Block forms, like WF_BEGIN_CRITICAL_SECTION (leave only through the END).
#define WF_CONTAINER_BEGIN(op)               \
    {                                        \
        WfContainerSection wf_csec_;         \
        wf_container_section_begin(&wf_csec_, WF_OBJ(op), NULL);
#define WF_CONTAINER_BEGIN2(x, y)            \
    {                                        \
        WfContainerSection wf_csec_;         \
        wf_container_section_begin(&wf_csec_, WF_OBJ(x), WF_OBJ(y));
#define WF_CONTAINER_END()                   \
        wf_container_section_end(&wf_csec_); \
    }

#endif
