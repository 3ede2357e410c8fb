// thread_state.h — per-thread interpreter state and the process-wide runtime.
//
// Invariants:
// - Each OS thread that runs Python code has exactly one WfThreadState, reached
//   through the TLS pointer wf_tstate_current (and its id, wf_current_tid, is the
//   state's address; objects it allocates carry that id in ob_tid).
// - Only the owning thread reads or writes the fields marked (owner); fields
//   marked (atomic) may be touched by other threads with the stated orders.
// - A thread is ATTACHED while it may touch Python objects and DETACHED while
//   it blocks in C (sleep, lock wait, I/O). Stop-the-world waits only for
//   attached threads.
#ifndef WF_THREAD_STATE_H
#define WF_THREAD_STATE_H

#include "objects/object.h"

struct WfFrame;  // vm/frame.h

enum { WF_THREAD_DETACHED = 0, WF_THREAD_ATTACHED = 1, WF_THREAD_SUSPENDED = 2 };

// One entry of the "exception being handled" stack (sys.exc_info(), implicit
// __context__ chaining). Frames of generators push their own entry.
typedef struct WfExcInfo {
    WfObject *exc_value;          // the handled exception or NULL (owner)
    struct WfExcInfo *previous;
} WfExcInfo;

typedef struct WfThreadState {
    struct WfThreadState *next, *prev;  // in the runtime's list (guarded by runtime.threads_lock)
    uintptr_t tid;                  // == (uintptr_t)this
    unsigned long thread_ident;     // threading.get_ident()
    unsigned long native_id;
    _Atomic(int) status;            // WF_THREAD_* (atomic: read by stop-the-world)

    WfObject *current_exc;          // pending exception (owner)
    WfExcInfo *exc_info;            // top of handled-exception stack (owner)
    WfExcInfo exc_state;            // base entry

    struct WfFrame *current_frame;  // innermost executing frame (owner)
    int recursion_remaining;        // Python-level depth budget (owner)
    int c_recursion_remaining;      // C-level depth budget (owner)
    // Frame data stack (owned by vm/frame.c): contiguous chunks holding frames.
    void *datastack_chunk;
    char *datastack_top, *datastack_limit;

    // Eval breaker: nonzero asks the eval loop to run wf_eval_handle_breaker()
    // at the next backward jump or call (atomic: set by other threads).
    _Atomic(uint32_t) eval_breaker;

    // Biased refcounting: objects a non-owner released to zero shared count,
    // waiting for this (owner) thread to merge them (runtime/brc.c). A
    // lock-free stack: pushed by any thread with a release CAS, taken whole by
    // the owner with an acquire exchange; (void *)1 once the owner has exited
    // (pushers then merge the object themselves).
    _Atomic(void *) brc_queue;

    WfObject *dict;                 // thread-local dict (threading.local), or NULL
    WfObject *context;              // contextvars context or NULL
    void *vm_cache;                 // private to the VM (per-thread caches)

    // Threads runtime (runtime/attach.c, stw.c, gil.c, critical_section.c;
    // see docs/threads.md).
    // Innermost critical section, a tagged WfCriticalSection pointer (low
    // bits WF_CS_INACTIVE, WF_CS_TWO_MUTEXES), 0 when none (owner).
    uintptr_t critical_section;
    struct WfQsbrThread *qsbr;      // QSBR slot, NULL until registered (owner)
    // Registry of attachable threads that stop-the-world scans: links and
    // flag guarded by the threads runtime lock (runtime/stw.c).
    struct WfThreadState *rt_next, *rt_prev;
    int rt_registered;
    int gil_held;                   // this thread holds the GIL (owner)
} WfThreadState;

extern _Thread_local WfThreadState *wf_tstate_current;

WF_INLINE WfThreadState *wf_tstate(void) { return wf_tstate_current; }

// Create and attach the state of the calling thread (first call: the main thread).
WfThreadState *wf_thread_state_new_current(void);
void wf_thread_state_delete_current(void);

// Process-wide runtime state.
typedef struct WfRuntime {
    WfObject *modules;        // sys.modules (dict)
    WfObject *builtins;       // the builtins module
    WfObject *builtins_dict;  // its dict
    WfObject *sys;            // the sys module
    WfObject *sys_dict;
    WfObject *main_module;    // __main__
    int recursion_limit;      // sys.getrecursionlimit()
    int gil_enabled;          // sys._is_gil_enabled()
    int gil_flag;             // -1: not set (sys.flags.gil None), 0 or 1
    int flag_unbuffered, flag_ignore_environment, flag_isolated, flag_no_user_site;
    int flag_inspect, flag_interactive, flag_verbose, flag_quiet, flag_dont_write_bytecode;
    int flag_optimize, flag_safe_path, flag_utf8_mode;
    int hash_randomization;
    double switch_interval;   // sys.getswitchinterval()
    WfThreadState *threads;   // list of thread states
    const char *program_name; // argv[0]
    int finalizing;
} WfRuntime;

extern WfRuntime wf_runtime;

#endif
