// critical_section.h — per-object locking that cannot deadlock (PEP 703;
// after CPython's Include/internal/pycore_critical_section.h).
//
//     WF_BEGIN_CRITICAL_SECTION(list);
//     ... mutate list ...
//     WF_END_CRITICAL_SECTION();
//
// Invariants:
// - Each thread keeps a stack of the critical sections it is inside, linked
//   through records on the C stack (WfCriticalSection.prev) from
//   ts->critical_section (the innermost). Only the owning thread touches it.
// - A pointer in the stack (ts->critical_section or a record's prev) carries
//   two tag bits: WF_CS_INACTIVE marks the section it points to as suspended
//   (its mutexes not held), WF_CS_TWO_MUTEXES marks a WfCriticalSection2.
// - A record whose mutex is NULL holds nothing: either a nested section on a
//   mutex the innermost section already holds (never pushed), or a section
//   between being pushed and having its lock (re)acquired.
// - When the thread detaches (it blocks: lock wait, sleep, I/O), every active
//   section is suspended (its mutexes unlocked); on attach only the innermost
//   is relocked; an outer one is relocked when it becomes innermost again. So
//   a thread waiting for a lock holds no object lock (except, in a
//   two-mutex section, the lower-addressed of its pair, which cannot form a
//   cycle), and threads never deadlock through object locks.
// - Consequence for users: the lock is held only while the code between begin
//   and end does not block or run arbitrary Python code (which may block).
//   Re-validate state after such calls, as in CPython.
// - Never leave the section other than through WF_END_*: no return, break or
//   goto out of it (the braces in the macros catch mismatched pairs at compile
//   time; debug builds check the stack at each end).
#ifndef WF_RUNTIME_CRITICAL_SECTION_H
#define WF_RUNTIME_CRITICAL_SECTION_H

#include <stdint.h>

#include "objects/object.h"
#include "runtime/thread_state.h"
#include "sync/mutex.h"

_Static_assert(sizeof(WfMutex) == 1, "WfMutex must be one byte");
_Static_assert(sizeof(((WfObject *)0)->ob_mutex) == sizeof(WfMutex), "ob_mutex must hold a WfMutex");

#define WF_CS_INACTIVE ((uintptr_t)1)
#define WF_CS_TWO_MUTEXES ((uintptr_t)2)
#define WF_CS_MASK ((uintptr_t)3)

typedef struct WfCriticalSection {
    uintptr_t prev;   // tagged pointer to the enclosing section, 0 if none
    WfMutex *mutex;   // held mutex, or NULL (see the invariants)
} WfCriticalSection;

typedef struct WfCriticalSection2 {
    WfCriticalSection base;
    WfMutex *mutex2;  // the higher-addressed mutex, or NULL
} WfCriticalSection2;

// The per-object lock: the header's one-byte ob_mutex.
#define WF_OBJECT_MUTEX(op) ((WfMutex *)&WF_OBJ(op)->ob_mutex)

// Slow paths (critical_section.c).
void wf_critical_section_begin_slow(WfCriticalSection *c, WfMutex *m);
void wf_critical_section2_begin_slow(WfCriticalSection2 *c, WfMutex *m1, WfMutex *m2, bool m1_locked);
// Relock the innermost (suspended) section: on attach, and when an inner
// section ends and uncovers a suspended one. Locks its mutexes (may block).
void wf_critical_section_resume(WfThreadState *ts);
// Unlock the mutexes of every active section and mark them suspended (on
// detach). Never blocks.
void wf_critical_section_suspend_all(WfThreadState *ts);
#ifdef WF_DEBUG
void wf_critical_section_check_end(WfCriticalSection *c);  // the innermost?
#else
#define wf_critical_section_check_end(c) ((void)0)
#endif

WF_INLINE WfCriticalSection *wf_critical_section_untag(uintptr_t p) { return (WfCriticalSection *)(p & ~WF_CS_MASK); }

// One uncontended CAS, as in wf_mutex_lock_ex's fast path.
WF_INLINE bool wf_critical_section_lock_fast(WfMutex *m) {
    uint8_t expected = 0;
    // acquire: the previous owner's writes become visible (as wf_mutex_lock_ex).
    return atomic_compare_exchange_strong_explicit(&m->v, &expected, WF_MUTEX_LOCKED, memory_order_acquire,
                                                   memory_order_relaxed);
}

// Begin a section on a raw mutex (runtime tables and other non-object locks).
WF_INLINE void wf_critical_section_begin_mutex(WfCriticalSection *c, WfMutex *m) {
    if (WF_LIKELY(wf_critical_section_lock_fast(m))) {
        // Free mutex: no thread (us included) holds it, so push and go.
        WfThreadState *ts = wf_tstate_current;
        c->mutex = m;
        c->prev = ts->critical_section;
        ts->critical_section = (uintptr_t)c;
    } else {
        wf_critical_section_begin_slow(c, m);
    }
}

WF_INLINE void wf_critical_section_begin(WfCriticalSection *c, WfObject *op) {
    wf_critical_section_begin_mutex(c, WF_OBJECT_MUTEX(op));
}

// Pop c (the innermost) and relock the section it uncovers if suspended.
WF_INLINE void wf_critical_section_pop(WfCriticalSection *c) {
    WfThreadState *ts = wf_tstate_current;
    uintptr_t prev = c->prev;
    ts->critical_section = prev;
    if (WF_UNLIKELY(prev & WF_CS_INACTIVE)) wf_critical_section_resume(ts);
}

WF_INLINE void wf_critical_section_end(WfCriticalSection *c) {
    if (!c->mutex) return;  // nested on a mutex the enclosing section holds
    wf_critical_section_check_end(c);
    wf_mutex_unlock(c->mutex);
    wf_critical_section_pop(c);
}

// Two mutexes, locked in address order; the same mutex twice locks once.
WF_INLINE void wf_critical_section2_begin_mutex(WfCriticalSection2 *c, WfMutex *m1, WfMutex *m2) {
    if (m1 == m2) {
        c->mutex2 = NULL;
        wf_critical_section_begin_mutex(&c->base, m1);
        return;
    }
    if ((uintptr_t)m2 < (uintptr_t)m1) {
        WfMutex *t = m1;
        m1 = m2;
        m2 = t;
    }
    if (WF_LIKELY(wf_critical_section_lock_fast(m1))) {
        if (WF_LIKELY(wf_critical_section_lock_fast(m2))) {
            WfThreadState *ts = wf_tstate_current;
            c->base.mutex = m1;
            c->mutex2 = m2;
            c->base.prev = ts->critical_section;
            ts->critical_section = (uintptr_t)c | WF_CS_TWO_MUTEXES;
        } else {
            wf_critical_section2_begin_slow(c, m1, m2, true);
        }
    } else {
        wf_critical_section2_begin_slow(c, m1, m2, false);
    }
}

WF_INLINE void wf_critical_section2_begin(WfCriticalSection2 *c, WfObject *a, WfObject *b) {
    wf_critical_section2_begin_mutex(c, WF_OBJECT_MUTEX(a), WF_OBJECT_MUTEX(b));
}

WF_INLINE void wf_critical_section2_end(WfCriticalSection2 *c) {
    if (!c->base.mutex) return;  // nested no-op (single-mutex form only)
    wf_critical_section_check_end(&c->base);
    if (c->mutex2) wf_mutex_unlock(c->mutex2);
    wf_mutex_unlock(c->base.mutex);
    wf_critical_section_pop(&c->base);
}

// The macros. Each BEGIN opens a block that only its END closes.
#define WF_BEGIN_CRITICAL_SECTION(op) \
    {                                 \
        WfCriticalSection wf_cs_;     \
        wf_critical_section_begin(&wf_cs_, WF_OBJ(op));
#define WF_END_CRITICAL_SECTION()          \
        wf_critical_section_end(&wf_cs_); \
    }

#define WF_BEGIN_CRITICAL_SECTION2(a, b) \
    {                                    \
        WfCriticalSection2 wf_cs2_;      \
        wf_critical_section2_begin(&wf_cs2_, WF_OBJ(a), WF_OBJ(b));
#define WF_END_CRITICAL_SECTION2()           \
        wf_critical_section2_end(&wf_cs2_); \
    }

// Raw-mutex forms (close with WF_END_CRITICAL_SECTION / _SECTION2).
#define WF_BEGIN_CRITICAL_SECTION_MUTEX(m) \
    {                                      \
        WfCriticalSection wf_cs_;          \
        wf_critical_section_begin_mutex(&wf_cs_, (m));
#define WF_BEGIN_CRITICAL_SECTION2_MUTEX(m1, m2) \
    {                                            \
        WfCriticalSection2 wf_cs2_;              \
        wf_critical_section2_begin_mutex(&wf_cs2_, (m1), (m2));

// For mutation paths that expect their caller to hold the object's lock:
// checks (debug builds) that someone holds it; nothing in release builds.
#ifdef WF_DEBUG
void wf_critical_section_assert_held_fail(const char *file, int line);
#define WF_CRITICAL_SECTION_ASSERT_HELD(op) \
    ((void)(wf_mutex_is_locked(WF_OBJECT_MUTEX(op)) || (wf_critical_section_assert_held_fail(__FILE__, __LINE__), 0)))
#else
#define WF_CRITICAL_SECTION_ASSERT_HELD(op) ((void)0)
#endif

#endif
