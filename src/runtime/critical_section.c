// critical_section.c — slow paths of critical sections: contended begin,
// suspension on detach, resumption on attach (after CPython's
// Python/critical_section.c). Invariants: see critical_section.h.
//
// Locks: the sections' own mutexes, with wf_mutex_lock (detaching while
// parked, which suspends the thread's other sections first).
#include "runtime/critical_section.h"

#include <stdio.h>
#include <stdlib.h>

void wf_critical_section_begin_slow(WfCriticalSection *c, WfMutex *m) {
    WfThreadState *ts = wf_tstate_current;
    // Locking the same object again: if the innermost section holds m, this
    // section is a no-op (it is not pushed and its end does nothing).
    if (ts->critical_section) {
        WfCriticalSection *top = wf_critical_section_untag(ts->critical_section);
        if (top->mutex == m ||
            ((ts->critical_section & WF_CS_TWO_MUTEXES) && ((WfCriticalSection2 *)top)->mutex2 == m)) {
            c->mutex = NULL;
            c->prev = 0;
            return;
        }
    }
    // Push before locking, with no mutex: if the lock blocks, detaching
    // suspends the enclosing sections (so we wait holding no object lock),
    // and attaching "resumes" this one, which holds nothing yet. m may even
    // be held by an enclosing section: suspension releases it to us.
    c->mutex = NULL;
    c->prev = ts->critical_section;
    ts->critical_section = (uintptr_t)c;
    wf_mutex_lock(m);
    c->mutex = m;
}

void wf_critical_section2_begin_slow(WfCriticalSection2 *c, WfMutex *m1, WfMutex *m2, bool m1_locked) {
    WfThreadState *ts = wf_tstate_current;
    // As above: pushed holding nothing. If m1 is already ours while we wait
    // for m2 it stays held; m1 < m2, so waits for pairs cannot form a cycle.
    c->base.mutex = NULL;
    c->mutex2 = NULL;
    c->base.prev = ts->critical_section;
    ts->critical_section = (uintptr_t)c | WF_CS_TWO_MUTEXES;
    if (!m1_locked) wf_mutex_lock(m1);
    wf_mutex_lock(m2);
    c->base.mutex = m1;
    c->mutex2 = m2;
}

void wf_critical_section_suspend_all(WfThreadState *ts) {
    uintptr_t *link = &ts->critical_section;
    // Walk down while the section `*link` points to is active; everything
    // below the first suspended one is already suspended.
    while (*link && !(*link & WF_CS_INACTIVE)) {
        WfCriticalSection *c = wf_critical_section_untag(*link);
        if (c->mutex) {
            wf_mutex_unlock(c->mutex);
            if (*link & WF_CS_TWO_MUTEXES) {
                WfCriticalSection2 *c2 = (WfCriticalSection2 *)c;
                if (c2->mutex2) wf_mutex_unlock(c2->mutex2);
            }
        }
        *link |= WF_CS_INACTIVE;
        link = &c->prev;
    }
}

void wf_critical_section_resume(WfThreadState *ts) {
    uintptr_t p = ts->critical_section;
    WfCriticalSection *c = wf_critical_section_untag(p);
    WfCriticalSection2 *c2 = (p & WF_CS_TWO_MUTEXES) ? (WfCriticalSection2 *)c : NULL;
    // Clear the record while locking: if a lock blocks, the nested detach
    // must not unlock what we do not hold yet, and the nested attach's resume
    // of this record has nothing to lock.
    WfMutex *m1 = c->mutex, *m2 = c2 ? c2->mutex2 : NULL;
    c->mutex = NULL;
    if (c2) c2->mutex2 = NULL;
    if (m1) wf_mutex_lock(m1);
    if (m2) wf_mutex_lock(m2);
    c->mutex = m1;
    if (c2) c2->mutex2 = m2;
    ts->critical_section &= ~WF_CS_INACTIVE;
}

#ifdef WF_DEBUG
void wf_critical_section_check_end(WfCriticalSection *c) {
    WfThreadState *ts = wf_tstate_current;
    if (wf_critical_section_untag(ts->critical_section) != c || (ts->critical_section & WF_CS_INACTIVE)) {
        fputs("weft: fatal error: critical sections ended out of order (a return or goto left a section?)\n",
              stderr);
        abort();
    }
}

void wf_critical_section_assert_held_fail(const char *file, int line) {
    fprintf(stderr, "weft: fatal error: %s:%d: object mutated outside its critical section\n", file, line);
    abort();
}
#endif
