// thread_lock.c — _thread.lock (LockType, threading.Lock) and _thread.RLock
// (threading.RLock).
//
// Invariants:
// - A lock is one WfMutex byte, LOCKED exactly while the lock is acquired.
//   Any thread may release it (threading.Lock semantics; WfMutex records no
//   owner). The mutex's own atomics are the only protection the object needs:
//   nothing else in it changes after creation.
// - An RLock's `mutex` is held exactly while count > 0. `owner` (a thread
//   ident, 0 when free) and `count` are written only by the thread that holds
//   `mutex`. Other threads read them only as snapshots (repr) or to compare
//   `owner` with their own ident, which they can see there only if they wrote
//   it themselves (per-location coherence), so relaxed atomics suffice; the
//   mutex's acquire/release orders everything the holders do.
// - Blocking acquires park through wf_thread_wait_mutex: the thread is
//   detached while it waits (its critical sections suspended, the GIL
//   released) and signal handlers run when a signal interrupts the wait.
#include <stdatomic.h>
#include <stdlib.h>

#include "modules/thread.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"

typedef struct {
    WfObject ob_base;
    WfMutex mutex;
} LockObject;

typedef struct {
    WfObject ob_base;
    WfMutex mutex;
    _Atomic unsigned long owner;
    _Atomic unsigned long count;
} RLockObject;

// ---------------------------------------------------------------------------
// lock

WfObject *wf_thread_lock_new(void) {
    LockObject *self = (LockObject *)wf_object_alloc(&wf_thread_lock_type);
    if (!self) return NULL;
    atomic_store_explicit(&self->mutex.v, 0, memory_order_relaxed);  // not yet shared
    return (WfObject *)self;
}

static WfObject *lock_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs || (kwnames && wf_tuple_size(kwnames)))
        return wf_err_format(&wf_exc_TypeError, "lock() takes no arguments");
    return wf_thread_lock_new();
}

static void lock_dealloc(WfObject *self) { wf_type_of(self)->tp_free(self); }

static WfObject *lock_acquire(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    int64_t timeout_ns;
    if (wf_thread_parse_acquire("acquire", args, nargs, kwnames, &timeout_ns) < 0) return NULL;
    int r = wf_thread_wait_mutex(&((LockObject *)self)->mutex, timeout_ns);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static WfObject *lock_release(WfObject *self, WfObject *unused) {
    if (wf_mutex_try_unlock(&((LockObject *)self)->mutex) < 0)
        return wf_err_format(&wf_exc_RuntimeError, "release unlocked lock");
    return wf_None;
}

static WfObject *lock_exit(WfObject *self, WfObject *const *args, size_t nargs) {
    return lock_release(self, NULL);
}

static WfObject *lock_locked(WfObject *self, WfObject *unused) {
    return wf_bool_from(wf_mutex_is_locked(&((LockObject *)self)->mutex));
}

static WfObject *lock_at_fork_reinit(WfObject *self, WfObject *unused) {
    // Only the forking thread runs in the child: nobody else can touch it.
    atomic_store_explicit(&((LockObject *)self)->mutex.v, 0, memory_order_relaxed);
    return wf_None;
}

static WfObject *lock_repr(WfObject *self) {
    return wf_str_from_format("<%s %s object at %p>", wf_mutex_is_locked(&((LockObject *)self)->mutex) ? "locked" : "unlocked",
                              wf_type_of(self)->tp_name, (void *)self);
}

#define ACQUIRE_DOC(name)                                                                                       \
    name "(blocking=True, timeout=-1)\n--\n\n"                                                                  \
         "Lock the lock.  Without argument, this blocks if the lock is already\n"                               \
         "locked (even by the same thread), waiting for another thread to release\n"                            \
         "the lock, and return True once the lock is acquired.\n"                                               \
         "With an argument, this will only block if the argument is true,\n"                                    \
         "and the return value reflects whether the lock is acquired.\n"                                        \
         "The blocking operation is interruptible."

static const WfMethodDef lock_methods[] = {
    WF_METHOD("acquire", lock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, ACQUIRE_DOC("acquire")),
    WF_METHOD("acquire_lock", lock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, ACQUIRE_DOC("acquire_lock")),
    WF_METHOD("release", lock_release, WF_METH_NOARGS,
              "release($self, /)\n--\n\nRelease the lock, allowing another thread that is blocked waiting for\n"
              "the lock to acquire the lock.  The lock must be in the locked state,\n"
              "but it needn't be locked by the same thread that unlocks it."),
    WF_METHOD("release_lock", lock_release, WF_METH_NOARGS, "release_lock($self, /)\n--\n\nRelease the lock."),
    WF_METHOD("locked", lock_locked, WF_METH_NOARGS, "locked($self, /)\n--\n\nReturn whether the lock is in the locked state."),
    WF_METHOD("locked_lock", lock_locked, WF_METH_NOARGS, "locked_lock($self, /)\n--\n\nReturn whether the lock is in the locked state."),
    WF_METHOD("__enter__", lock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, ACQUIRE_DOC("__enter__")),
    WF_METHOD("__exit__", lock_exit, WF_METH_FASTCALL, "__exit__($self, /, *exc_info)\n--\n\nRelease the lock."),
    WF_METHOD("_at_fork_reinit", lock_at_fork_reinit, WF_METH_NOARGS, "_at_fork_reinit($self, /)\n--\n\n"),
    WF_METHOD_END,
};

WfTypeObject wf_thread_lock_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(LockObject),
    .tp_doc = "A lock object is a synchronization primitive.  To create a lock,\ncall threading.Lock().",
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_new = lock_new,
    .tp_methods = lock_methods,
};

// ---------------------------------------------------------------------------
// RLock

static WfObject *rlock_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    // CPython's RLock accepts and ignores arguments.
    RLockObject *self = (RLockObject *)wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    atomic_store_explicit(&self->mutex.v, 0, memory_order_relaxed);  // not yet shared
    atomic_store_explicit(&self->owner, 0, memory_order_relaxed);
    atomic_store_explicit(&self->count, 0, memory_order_relaxed);
    return (WfObject *)self;
}

static void rlock_dealloc(WfObject *self) { wf_type_of(self)->tp_free(self); }

// Relaxed loads: see the invariant (only the holder writes; a thread sees
// its own ident only if it stored it).
static unsigned long rlock_owner(RLockObject *r) { return atomic_load_explicit(&r->owner, memory_order_relaxed); }
static unsigned long rlock_count(RLockObject *r) { return atomic_load_explicit(&r->count, memory_order_relaxed); }

static bool rlock_is_mine(RLockObject *r, unsigned long me) { return rlock_count(r) > 0 && rlock_owner(r) == me; }

static WfObject *rlock_acquire(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    RLockObject *r = (RLockObject *)self;
    int64_t timeout_ns;
    if (wf_thread_parse_acquire("acquire", args, nargs, kwnames, &timeout_ns) < 0) return NULL;
    unsigned long me = wf_thread_current_ident();
    if (rlock_is_mine(r, me)) {
        unsigned long c = rlock_count(r) + 1;
        if (c == 0) return wf_err_format(&wf_exc_OverflowError, "Internal lock count overflowed");
        atomic_store_explicit(&r->count, c, memory_order_relaxed);
        return wf_True;
    }
    int got = wf_thread_wait_mutex(&r->mutex, timeout_ns);
    if (got < 0) return NULL;
    if (!got) return wf_False;
    atomic_store_explicit(&r->owner, me, memory_order_relaxed);
    atomic_store_explicit(&r->count, 1, memory_order_relaxed);
    return wf_True;
}

static WfObject *rlock_release(WfObject *self, WfObject *unused) {
    RLockObject *r = (RLockObject *)self;
    if (!rlock_is_mine(r, wf_thread_current_ident()))
        return wf_err_format(&wf_exc_RuntimeError, "cannot release un-acquired lock");
    unsigned long c = rlock_count(r) - 1;
    atomic_store_explicit(&r->count, c, memory_order_relaxed);
    if (c == 0) {
        atomic_store_explicit(&r->owner, 0, memory_order_relaxed);
        wf_mutex_unlock(&r->mutex);  // release: publishes the two stores above
    }
    return wf_None;
}

static WfObject *rlock_exit(WfObject *self, WfObject *const *args, size_t nargs) { return rlock_release(self, NULL); }

// Condition support: release completely, returning (count, owner).
static WfObject *rlock_release_save(WfObject *self, WfObject *unused) {
    RLockObject *r = (RLockObject *)self;
    if (rlock_count(r) == 0) return wf_err_format(&wf_exc_RuntimeError, "cannot release un-acquired lock");
    WfObject *count = wf_int_from_unsigned_long_long(rlock_count(r));
    WfObject *owner = wf_int_from_unsigned_long_long(rlock_owner(r));
    WfObject *state = count && owner ? wf_tuple_pack(2, count, owner) : NULL;
    wf_xdecref(count);
    wf_xdecref(owner);
    if (!state) return NULL;
    atomic_store_explicit(&r->count, 0, memory_order_relaxed);
    atomic_store_explicit(&r->owner, 0, memory_order_relaxed);
    wf_mutex_unlock(&r->mutex);
    return state;
}

static int as_ulong(WfObject *o, unsigned long *out) {
    if (!wf_int_check(o)) {
        wf_err_format(&wf_exc_TypeError, "an integer is required");
        return -1;
    }
    int overflow = 0;
    long long v = wf_int_as_long_long_overflow(o, &overflow);
    if (overflow > 0) {
        // idents are unsigned longs and may not fit a long long
        WfObject *bits = wf_int_format_base(o, 16, false);
        if (!bits) return -1;
        const char *s = wf_str_as_utf8_borrow(bits);
        *out = s ? strtoul(s, NULL, 16) : 0;
        wf_decref(bits);
        return s ? 0 : -1;
    }
    if (overflow < 0 || v < 0) {
        wf_err_format(&wf_exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    *out = (unsigned long)v;
    return 0;
}

static WfObject *rlock_acquire_restore(WfObject *self, WfObject *state) {
    RLockObject *r = (RLockObject *)self;
    if (!wf_tuple_check(state) || wf_tuple_size(state) != 2)
        return wf_err_format(&wf_exc_TypeError, "_acquire_restore() argument must be a 2-tuple");
    unsigned long count, owner;
    if (as_ulong(wf_tuple_get_borrow(state, 0), &count) < 0 || as_ulong(wf_tuple_get_borrow(state, 1), &owner) < 0)
        return NULL;
    if (wf_thread_wait_mutex(&r->mutex, -1) < 0) {
        // Interrupted by an exception from a signal handler: CPython retries
        // uninterruptibly here, since the Condition must own the lock again.
        WfObject *exc = wf_err_fetch();
        wf_mutex_lock(&r->mutex);
        wf_err_restore(exc);
        atomic_store_explicit(&r->owner, owner, memory_order_relaxed);
        atomic_store_explicit(&r->count, count, memory_order_relaxed);
        return NULL;
    }
    atomic_store_explicit(&r->owner, owner, memory_order_relaxed);
    atomic_store_explicit(&r->count, count, memory_order_relaxed);
    return wf_None;
}

static WfObject *rlock_is_owned(WfObject *self, WfObject *unused) {
    return wf_bool_from(rlock_is_mine((RLockObject *)self, wf_thread_current_ident()));
}

static WfObject *rlock_recursion_count(WfObject *self, WfObject *unused) {
    RLockObject *r = (RLockObject *)self;
    return wf_int_from_unsigned_long_long(rlock_is_mine(r, wf_thread_current_ident()) ? rlock_count(r) : 0);
}

static WfObject *rlock_locked(WfObject *self, WfObject *unused) {
    return wf_bool_from(rlock_count((RLockObject *)self) > 0);
}

static WfObject *rlock_at_fork_reinit(WfObject *self, WfObject *unused) {
    RLockObject *r = (RLockObject *)self;
    atomic_store_explicit(&r->mutex.v, 0, memory_order_relaxed);
    atomic_store_explicit(&r->owner, 0, memory_order_relaxed);
    atomic_store_explicit(&r->count, 0, memory_order_relaxed);
    return wf_None;
}

static WfObject *rlock_repr(WfObject *self) {
    RLockObject *r = (RLockObject *)self;
    unsigned long count = rlock_count(r);
    return wf_str_from_format("<%s %s object owner=%lu count=%lu at %p>", count ? "locked" : "unlocked",
                              wf_type_of(self)->tp_name, count ? rlock_owner(r) : 0UL, count, (void *)self);
}

#define RACQUIRE_DOC(name)                                                                                      \
    name "(blocking=True, timeout=-1)\n--\n\n"                                                                  \
         "Lock the lock.  `blocking` indicates whether we should wait\n"                                       \
         "for the lock to be available or not.  If `blocking` is False\n"                                      \
         "and another thread holds the lock, the method will return False\n"                                   \
         "immediately.  If `blocking` is True and another thread holds\n"                                      \
         "the lock, the method will wait for the lock to be released,\n"                                       \
         "take it and then return True.\n"                                                                     \
         "(note: the blocking operation is interruptible.)\n\n"                                                \
         "In all other cases, the method will return True immediately.\n"                                     \
         "Precisely, if the current thread already holds the lock, its\n"                                      \
         "internal counter is simply incremented. If nobody holds the lock,\n"                                 \
         "the lock is taken and its internal counter initialized to 1."

static const WfMethodDef rlock_methods[] = {
    WF_METHOD("acquire", rlock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, RACQUIRE_DOC("acquire")),
    WF_METHOD("release", rlock_release, WF_METH_NOARGS,
              "release($self, /)\n--\n\nRelease the lock, allowing another thread that is blocked waiting for\n"
              "the lock to acquire the lock.  The lock must be in the locked state,\n"
              "and must be locked by the same thread that unlocks it; otherwise a\n"
              "`RuntimeError` is raised.\n\n"
              "Do note that if the lock was acquire()d several times in a row by the\n"
              "current thread, release() needs to be called as many times for the lock\n"
              "to be available for other threads."),
    WF_METHOD("locked", rlock_locked, WF_METH_NOARGS, "locked($self, /)\n--\n\nReturn whether the lock is locked."),
    WF_METHOD("_is_owned", rlock_is_owned, WF_METH_NOARGS, "_is_owned($self, /)\n--\n\nFor internal use by `threading.Condition`."),
    WF_METHOD("_release_save", rlock_release_save, WF_METH_NOARGS,
              "_release_save($self, /)\n--\n\nFor internal use by `threading.Condition`."),
    WF_METHOD("_acquire_restore", rlock_acquire_restore, WF_METH_O,
              "_acquire_restore($self, state, /)\n--\n\nFor internal use by `threading.Condition`."),
    WF_METHOD("_recursion_count", rlock_recursion_count, WF_METH_NOARGS,
              "_recursion_count($self, /)\n--\n\nFor internal use by reentrancy checks."),
    WF_METHOD("__enter__", rlock_acquire, WF_METH_FASTCALL | WF_METH_KEYWORDS, RACQUIRE_DOC("__enter__")),
    WF_METHOD("__exit__", rlock_exit, WF_METH_FASTCALL, "__exit__($self, /, *exc_info)\n--\n\nRelease the lock."),
    WF_METHOD("_at_fork_reinit", rlock_at_fork_reinit, WF_METH_NOARGS, "_at_fork_reinit($self, /)\n--\n\n"),
    WF_METHOD_END,
};

WfTypeObject wf_thread_rlock_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(RLockObject),
    .tp_flags = WF_TPFLAGS_BASETYPE,
    .tp_dealloc = rlock_dealloc,
    .tp_repr = rlock_repr,
    .tp_new = rlock_new,
    .tp_methods = rlock_methods,
};
