// deferred.h — objects deferred at run time because a second thread reads
// them, and the sweep that frees them again.
//
// Module-level functions, classes, code objects and modules are deferred when
// they are created (wf_object_set_deferred): evaluation stacks hold them
// without counting. weft goes one step further than CPython 3.14: any other
// object that a thread loads from a module's globals (or a module attribute)
// while another thread owns it — a shared dict, an instance, a
// threading.local — becomes deferred too ("shared"), so N threads reading
// one global never write its refcount. Its uncounted stack references are
// found by the sweep, which stops the world and scans every thread's frames;
// a shared object that nothing counts and no stack holds is freed.
#ifndef WF_RUNTIME_DEFERRED_H
#define WF_RUNTIME_DEFERRED_H

#include "objects/object.h"

// Make `o` (a heap object owned by another thread, not immortal) deferred,
// consuming the caller's new reference: it becomes the reference the object
// keeps for its uncounted stack borrowers. Afterwards the caller may use `o`
// as a borrowed stack reference. If `o` is deferred already the reference is
// simply released. May run a sweep first (a safe point: the caller must hold
// no uncounted reference outside its frames).
void wf_deferred_share(WfObject *o);

// Release a reference to `o` that was just removed from a place other threads
// read without taking a reference first (a class attribute, an instance's
// __dict__): like QSBR for objects, `o` stays alive at least until the next
// sweep, which every thread must reach a safe point for, so a reader that
// loaded it and counts it before its next safe point is safe. Consumes the
// reference; never sweeps.
void wf_deferred_retire(WfObject *o);

// Stop the world and free the shared deferred objects that no counted
// reference and no thread's frame holds. Returns how many were released, or
// 0 when a sweep is already running. The caller must be attached.
wf_ssize wf_deferred_sweep(void);

// Whether sweeps also run on their own (when the registry has doubled since
// the last one); gc.disable() turns that off, gc.collect() still sweeps.
void wf_deferred_set_automatic(bool on);
bool wf_deferred_automatic(void);

// Turn every shared object back into a plainly counted one, dropping the
// reference kept for borrowers (which may free it). Only when the calling
// thread is the only one and runs no Python frame (interpreter exit): then no
// stack can hold an uncounted reference.
void wf_deferred_unshare_all(void);

// How many shared deferred objects exist (for tests and gc statistics).
wf_ssize wf_deferred_shared_count(void);

#endif
