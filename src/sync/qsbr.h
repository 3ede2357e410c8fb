// qsbr.h — quiescent-state-based reclamation: free memory that lock-free
// readers may still be looking at only after every thread has passed a
// quiescent point (after CPython's Python/qsbr.c). Knows nothing of objects
// or thread states: a thread registers a slot and reports its own states.
//
// Invariants:
// - wr_seq (global) starts at WF_QSBR_INITIAL and only grows, by
//   WF_QSBR_INCR per wf_qsbr_advance; it is always odd, so no live sequence
//   equals WF_QSBR_OFFLINE (0).
// - A slot's seq is WF_QSBR_OFFLINE while its thread is offline (detached or
//   unregistered), else a value of wr_seq that the thread read at its last
//   quiescent point (or when it came online). While online with seq = S the
//   thread may hold pointers to memory retired with a goal > S, never to
//   memory retired with a goal <= S.
// - rd_seq (global) caches a lower bound of min(seq of online slots, wr_seq)
//   and only grows; memory retired with goal G is freed once G <= rd_seq.
// - A deferred item is queued on the retiring thread's own slot (FIFO, goals
//   non-decreasing) and freed by that thread; items of an unregistered thread
//   move to a global orphan list freed by whichever thread processes next.
// - Slots live in chunks that are never freed, so a scan may read a slot
//   while it is being (un)registered; a free slot's seq is OFFLINE.
#ifndef WF_SYNC_QSBR_H
#define WF_SYNC_QSBR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WF_QSBR_OFFLINE 0
#define WF_QSBR_INITIAL 1
#define WF_QSBR_INCR 2

typedef struct WfQsbrThread WfQsbrThread;
typedef void (*WfQsbrFreeFunc)(void *ptr);

// What the layer needs from the runtime (it includes nothing above it).
typedef struct WfQsbrHooks {
    void *(*alloc)(size_t size);   // bookkeeping memory (slot chunks, queues)
    void (*dealloc)(void *ptr);    // frees bookkeeping memory; also the free
                                   // function of wf_qsbr_free_storage
    // Optional: ask every online thread to pass a quiescent point soon (the
    // runtime sets an eval-breaker bit). Called when a thread's backlog grows.
    void (*request_quiescence)(void);
    // Optional: return only once every other registered thread has passed a
    // quiescent point or gone offline after the call began (the runtime stops
    // the world). Used to free at once when a deferral cannot be queued (OOM).
    void (*synchronize)(void);
} WfQsbrHooks;

// Install the hooks. Call once at start-up, before any thread registers and
// before the first wf_qsbr_free_storage.
void wf_qsbr_init(const WfQsbrHooks *hooks);

// Register the calling thread: returns its slot (offline) and makes it the
// thread's current slot, or NULL when out of memory. Takes the registry lock.
WfQsbrThread *wf_qsbr_register(void);
// Unregister the calling thread's slot (it must be offline). Its pending
// deferred frees go to the orphan list (or are freed at once when no other
// thread is registered). Takes the registry and orphan locks.
void wf_qsbr_unregister(WfQsbrThread *t);
// The calling thread's slot, or NULL when it has not registered.
WfQsbrThread *wf_qsbr_current(void);

// Come online (attach): from now on the thread may read shared pointers.
void wf_qsbr_online(WfQsbrThread *t);
// Go offline (detach): the thread holds no pointer to shared memory until it
// comes online again; it no longer holds up anybody's frees.
void wf_qsbr_offline(WfQsbrThread *t);
// Report a quiescent point: the thread holds no pointer to memory retired
// before now. Call at safe points (the eval breaker). Cheap: one load and one
// store, both to memory the thread mostly has in cache.
void wf_qsbr_quiescent(WfQsbrThread *t);

// Advance the write sequence; returns the goal for memory retired now.
uint64_t wf_qsbr_advance(void);
// Whether every online thread has passed a quiescent point since the goal was
// issued (scans the slots when the cached rd_seq is not enough).
bool wf_qsbr_poll(uint64_t goal);

// Retire ptr: free_fn(ptr) runs once every thread has passed a quiescent
// point (or been offline) after this call. The caller must already have
// unpublished ptr (no reader can newly reach it). t is the calling thread's
// slot; NULL (an unregistered thread) queues on the orphan list. May process
// ready items of t and ask for quiescence when the backlog grows.
void wf_qsbr_free(WfQsbrThread *t, void *ptr, WfQsbrFreeFunc free_fn);
// What containers call for storage they replaced (a list's item array, a
// dict's keys): frees with hooks.dealloc, at once when the calling thread is
// the only registered thread, else deferred on its current slot.
void wf_qsbr_free_storage(void *ptr);

// Free the items of t (and orphans) whose goal has been reached. Returns how
// many were freed. Called at safe points by the thread owning t.
size_t wf_qsbr_process(WfQsbrThread *t);
// Whether t has deferred items waiting (owner only; cheap).
bool wf_qsbr_has_pending(const WfQsbrThread *t);

// White-box views for tests and diagnostics.
size_t wf_qsbr_pending(const WfQsbrThread *t);   // items queued on t
size_t wf_qsbr_orphans(void);                    // items on the orphan list
int wf_qsbr_registered(void);                    // registered slots
uint64_t wf_qsbr_write_seq(void);
uint64_t wf_qsbr_read_seq(const WfQsbrThread *t);  // t's seq (0: offline)

// In the child after fork(): every slot except `keep` (the forking thread's,
// may be NULL) is released and its pending items freed (no other thread
// exists). Call after wf_parking_lot_after_fork.
void wf_qsbr_after_fork(WfQsbrThread *keep);

#endif
