// thread_state.c — creation and teardown of per-thread states; the runtime's
// list of threads. Invariant: wf_runtime.threads lists every live state and is
// changed only under threads_lock; wf_tstate_current/wf_current_tid are set for
// exactly the threads that have a state.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "runtime/thread_state.h"

_Thread_local WfThreadState *wf_tstate_current;
WfRuntime wf_runtime = {.recursion_limit = 1000, .gil_flag = -1, .switch_interval = 0.005};

static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;

void wf_runtime_set_recursion_limit_all(int limit);

WfThreadState *wf_thread_state_new_current(void) {
    WfThreadState *ts = wf_mem_calloc(1, sizeof *ts);
    if (!ts) return NULL;
    ts->tid = (uintptr_t)ts;
    ts->thread_ident = (unsigned long)pthread_self();
    ts->native_id = (unsigned long)syscall(SYS_gettid);
    ts->exc_info = &ts->exc_state;
    ts->recursion_remaining = wf_runtime.recursion_limit;
    ts->c_recursion_remaining = 8000;
    atomic_store_explicit(&ts->status, WF_THREAD_ATTACHED, memory_order_relaxed);
    pthread_mutex_lock(&threads_lock);
    ts->next = wf_runtime.threads;
    if (ts->next) ts->next->prev = ts;
    wf_runtime.threads = ts;
    pthread_mutex_unlock(&threads_lock);
    wf_tstate_current = ts;
    wf_current_tid = ts->tid;
    return ts;
}

void wf_refcount_merge_queued(WfThreadState *ts);
// vm/frame.c: the thread's frame data stack. Weak, so that the C unit tests
// that link this file without the VM still link (then it is NULL).
void wf_frame_datastack_free(WfThreadState *ts) __attribute__((weak));

void wf_thread_state_delete_current(void) {
    WfThreadState *ts = wf_tstate_current;
    if (!ts) return;
    wf_refcount_merge_queued(ts);
    pthread_mutex_lock(&threads_lock);
    if (ts->prev) ts->prev->next = ts->next;
    else wf_runtime.threads = ts->next;
    if (ts->next) ts->next->prev = ts->prev;
    pthread_mutex_unlock(&threads_lock);
    // The data stack's chunks (256 KiB and up) go with the thread. No frame
    // of this thread runs any more, and the deferred sweep no longer visits
    // this state: it scans only registered threads, and the caller has left
    // the registry (wf_thread_exit_current) or never joined it.
    if (wf_frame_datastack_free) wf_frame_datastack_free(ts);
    wf_tstate_current = NULL;
    wf_current_tid = 0;
    // Objects still owned by this thread keep ob_tid pointing here; their
    // owners' merge happens through the shared count once the thread work
    // lands (runtime/brc.c). The state block itself is kept alive (not freed)
    // so such ob_tid values never alias a new state.
}
