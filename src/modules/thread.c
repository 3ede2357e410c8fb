// thread.c — the _thread module: starting threads (start_new_thread, and
// start_joinable_thread for threading.Thread), thread handles that join,
// the count of running threads, stack_size, idents, the default thread
// excepthook, and joining the non-daemon threads at interpreter exit.
// Locks: thread_lock.c; thread-local objects: thread_local.c.
//
// Invariants and what protects what:
// - A started thread runs thread_main: it makes its WfThreadState with
//   wf_thread_start_current, calls the function, reports an exception that
//   escapes it, drops its _local dicts, leaves the runtime with
//   wf_thread_exit_current, and only then marks its HandleState done. So a
//   join that returned means the thread touches no object any more.
// - A HandleState is shared by the thread that runs and the handle objects
//   (_ThreadHandle) that name it; `refs` counts them (atomic, acq_rel on the
//   last release so the freeing thread sees every write). `done` (a WfEvent)
//   is set once and never cleared; its release/acquire makes everything the
//   thread did visible to a joiner that saw it set.
// - A handle's `state` goes NOT_STARTED -> STARTING (one CAS: a handle
//   starts one thread at most) -> RUNNING; handles made for threads that
//   already run (the main thread, dummy threads) start RUNNING.
// - `handles_lock` (a WfMutex) guards the list of non-daemon handles that
//   are not done yet (`nondaemon`, linked through next/prev, `listed`). A
//   handle is listed before its thread exists; the thread unlinks it and
//   sets `done` under the lock, so _shutdown never waits on a handle that
//   left the list, and never misses one that is still running.
// - `thread_count` (atomic) counts threads started here that have not left
//   the runtime; `stack_size_setting` (atomic) is the size for new threads.
//   Both are independent values: relaxed accesses are enough.
// - `main_ident` is written once when the module is created (before any
//   thread of this module exists) and only read afterwards.
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <math.h>

#include "modules/contextvars.h"
#include "modules/signal.h"
#include "modules/thread.h"
#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "platform/thread.h"
#include "platform/time.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "vm/eval.h"

// The contextvars hooks (modules/contextvars.c) are weak references, so this
// module links and runs (threads then start with an empty context) without it.
#pragma weak wf_contextvars_copy_current
#pragma weak wf_contextvars_set_current_take
#pragma weak wf_contextvars_clear_current

// ---------------------------------------------------------------------------
// Waiting

unsigned long wf_thread_current_ident(void) {
    WfThreadState *ts = wf_tstate();
    return ts ? ts->thread_ident : wf_thread_ident();
}

int wf_thread_wait_mutex(WfMutex *m, int64_t timeout_ns) {
    int64_t deadline = wf_time_deadline_ns(timeout_ns);
    for (;;) {
        WfSyncResult r = wf_mutex_lock_ex(m, timeout_ns, WF_SYNC_DETACH | WF_SYNC_INTERRUPTIBLE);
        if (r == WF_SYNC_OK) return 1;
        if (r == WF_SYNC_TIMEOUT) return 0;
        if (wf_eval_check_signals() < 0) return -1;
        if (deadline >= 0) timeout_ns = wf_time_remaining_ns(deadline);  // 0: one last try
    }
}

int wf_thread_wait_event(WfEvent *e, int64_t timeout_ns) {
    int64_t deadline = wf_time_deadline_ns(timeout_ns);
    for (;;) {
        WfSyncResult r = wf_event_wait_ex(e, timeout_ns, WF_SYNC_DETACH | WF_SYNC_INTERRUPTIBLE);
        if (r == WF_SYNC_OK) return 1;
        if (r == WF_SYNC_TIMEOUT) return 0;
        if (wf_eval_check_signals() < 0) return -1;
        if (deadline >= 0) timeout_ns = wf_time_remaining_ns(deadline);
    }
}

// ---------------------------------------------------------------------------
// Timeouts

// The largest timeout in seconds (CPython's TIMEOUT_MAX on 64-bit Linux:
// PY_TIMEOUT_MAX microseconds clamped to the nanosecond clock's range).
#define TIMEOUT_MAX_SECONDS 9223372036.0

int wf_thread_timeout_ns(WfObject *timeout, int64_t *ns) {
    double d;
    if (wf_is_smallint(timeout)) {
        intptr_t v = wf_smallint_value(timeout);
        if (v > INT64_MAX / WF_TIME_NS_PER_SEC || v < INT64_MIN / WF_TIME_NS_PER_SEC) {
            wf_err_format(&wf_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *ns = (int64_t)v * WF_TIME_NS_PER_SEC;
        return 0;
    }
    if (wf_float_check(timeout)) {
        d = wf_float_value(timeout);
    } else if (wf_int_check(timeout)) {
        d = wf_int_as_double(timeout);
        if (d == -1.0 && wf_err_occurred()) {
            wf_err_clear();
            d = HUGE_VAL;
        }
    } else {
        wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer", WF_TYPE(timeout)->tp_name);
        return -1;
    }
    if (isnan(d)) {
        wf_err_format(&wf_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    d = ceil(d * 1e9);  // timeouts round up, as CPython's _PyTime_ROUND_TIMEOUT
    if (!(d < 9223372036854775807.0 && d >= -9223372036854775807.0)) {
        wf_err_format(&wf_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *ns = (int64_t)d;
    return 0;
}

int wf_thread_parse_acquire(const char *fname, WfObject *const *args, size_t nargs, WfObject *kwnames,
                            int64_t *timeout_ns) {
    static const WfArgParser parser = {"acquire", "|OO", {"blocking", "timeout", NULL}};
    WfObject *blocking_obj = NULL, *timeout_obj = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &blocking_obj, &timeout_obj) < 0) return -1;
    int blocking = 1;
    if (blocking_obj && (blocking = wf_object_is_true(blocking_obj)) < 0) return -1;
    const int64_t unset = -WF_TIME_NS_PER_SEC;  // timeout=-1: no timeout
    int64_t ns = unset;
    if (timeout_obj && wf_thread_timeout_ns(timeout_obj, &ns) < 0) return -1;
    if (!blocking && ns != unset) {
        wf_err_format(&wf_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (ns < 0 && ns != unset) {
        wf_err_format(&wf_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (ns > (int64_t)(TIMEOUT_MAX_SECONDS * 1e9)) {
        wf_err_format(&wf_exc_OverflowError, "timeout value is too large");
        return -1;
    }
    *timeout_ns = !blocking ? 0 : ns == unset ? -1 : ns;
    return 0;
}

// ---------------------------------------------------------------------------
// Thread handles

enum { HANDLE_NOT_STARTED, HANDLE_STARTING, HANDLE_RUNNING };

typedef struct HandleState {
    _Atomic int refs;
    WfEvent done;
    _Atomic int state;                 // HANDLE_*: NOT_STARTED -> STARTING (CAS) -> RUNNING
    // The thread's ident, 0 until known: stored by the starter after the OS
    // thread exists and by the thread itself first thing (the same value),
    // so relaxed accesses are enough.
    _Atomic unsigned long ident;
    struct HandleState *next, *prev;   // handles_lock
    int listed;                        // handles_lock
} HandleState;

static WfMutex handles_lock = WF_MUTEX_INIT;
static HandleState *nondaemon;         // handles_lock
static _Atomic long thread_count;
static _Atomic size_t stack_size_setting;
static unsigned long main_ident;

static HandleState *handle_state_new(int state, unsigned long ident) {
    HandleState *h = wf_mem_calloc(1, sizeof *h);
    if (!h) return NULL;
    atomic_init(&h->refs, 1);
    atomic_init(&h->state, state);
    atomic_init(&h->ident, ident);
    return h;
}

static unsigned long handle_state_ident(HandleState *h) { return atomic_load_explicit(&h->ident, memory_order_relaxed); }

static void handle_state_release(HandleState *h) {
    // acq_rel: the last releaser sees every other owner's writes before freeing.
    if (atomic_fetch_sub_explicit(&h->refs, 1, memory_order_acq_rel) == 1) wf_mem_free(h);
}

static void unlink_locked(HandleState *h) {
    if (!h->listed) return;
    if (h->prev) h->prev->next = h->next;
    else nondaemon = h->next;
    if (h->next) h->next->prev = h->prev;
    h->next = h->prev = NULL;
    h->listed = 0;
}

// Mark done (unlinking it from the non-daemon list). May run without a
// thread state (at the very end of a thread): the lock then just parks.
static void handle_state_set_done(HandleState *h) {
    wf_mutex_lock(&handles_lock);
    unlink_locked(h);
    wf_event_set(&h->done);
    wf_mutex_unlock(&handles_lock);
}

static bool handle_state_is_done(HandleState *h) { return wf_event_is_set(&h->done); }

// Wait until done, at most timeout_ns (-1 forever). 1 done, 0 timeout, -1 error.
static int handle_state_join(HandleState *h, int64_t timeout_ns) {
    if (handle_state_is_done(h)) return 1;
    // relaxed: a handle reaches another thread through a publishing store.
    if (atomic_load_explicit(&h->state, memory_order_relaxed) == HANDLE_NOT_STARTED) {
        wf_err_format(&wf_exc_RuntimeError, "thread not started");
        return -1;
    }
    if (handle_state_ident(h) == wf_thread_current_ident()) {
        wf_err_format(&wf_exc_RuntimeError, "Cannot join current thread");
        return -1;
    }
    return wf_thread_wait_event(&h->done, timeout_ns);
}

typedef struct {
    WfObject ob_base;
    HandleState *state;
} HandleObject;

static WfTypeObject handle_type;

static WfObject *handle_wrap(HandleState *h) {
    HandleObject *self = (HandleObject *)wf_object_alloc(&handle_type);
    if (!self) return NULL;
    self->state = h;
    return (WfObject *)self;
}

// _ThreadHandle(): a handle for a thread not started yet (start_joinable_thread(f, handle=h)).
static WfObject *handle_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (nargs || (kwnames && wf_tuple_size(kwnames)))
        return wf_err_format(&wf_exc_TypeError, "_ThreadHandle() takes no arguments");
    HandleState *h = handle_state_new(HANDLE_NOT_STARTED, 0);
    if (!h) return wf_err_no_memory();
    WfObject *self = handle_wrap(h);
    if (!self) handle_state_release(h);
    return self;
}

static void handle_dealloc(WfObject *self) {
    handle_state_release(((HandleObject *)self)->state);
    wf_type_of(self)->tp_free(self);
}

static WfObject *handle_repr(WfObject *self) {
    return wf_str_from_format("<_thread._ThreadHandle object: ident=%lu>", handle_state_ident(((HandleObject *)self)->state));
}

static WfObject *handle_get_ident(WfObject *self, void *closure) {
    return wf_int_from_unsigned_long_long(handle_state_ident(((HandleObject *)self)->state));
}

static WfObject *handle_join(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"join", "|O", {"timeout", NULL}};
    WfObject *timeout = wf_None;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &timeout) < 0) return NULL;
    int64_t ns = -1;
    if (timeout != wf_None) {
        if (wf_thread_timeout_ns(timeout, &ns) < 0) return NULL;
        if (ns < 0) ns = 0;
    }
    if (handle_state_join(((HandleObject *)self)->state, ns) < 0) return NULL;
    return wf_None;
}

static WfObject *handle_is_done(WfObject *self, WfObject *unused) {
    return wf_bool_from(handle_state_is_done(((HandleObject *)self)->state));
}

static WfObject *handle_set_done(WfObject *self, WfObject *unused) {
    handle_state_set_done(((HandleObject *)self)->state);
    return wf_None;
}

static const WfMethodDef handle_methods[] = {
    WF_METHOD("join", handle_join, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "join($self, /, timeout=None)\n--\n\nWait until the thread has finished, at most timeout seconds."),
    WF_METHOD("is_done", handle_is_done, WF_METH_NOARGS, "is_done($self, /)\n--\n\nWhether the thread has finished."),
    WF_METHOD("_set_done", handle_set_done, WF_METH_NOARGS,
              "_set_done($self, /)\n--\n\nMark a handle of a thread not started by _thread as finished."),
    WF_METHOD_END,
};

static const WfGetSetDef handle_getset[] = {
    {"ident", handle_get_ident, NULL, "The thread's identifier (get_ident() in that thread).", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfTypeObject handle_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_thread._ThreadHandle",
    .tp_basicsize = sizeof(HandleObject),
    .tp_dealloc = handle_dealloc,
    .tp_new = handle_new,
    .tp_repr = handle_repr,
    .tp_methods = handle_methods,
    .tp_getset = handle_getset,
};

// ---------------------------------------------------------------------------
// Starting threads

typedef struct {
    WfObject *func, *args, *kwargs;  // references owned by the new thread (kwargs may be NULL)
    WfObject *context;               // contextvars Context to run in, or NULL (an empty one)
    HandleState *handle;             // one of its refs belongs to the thread
} Boot;

static void write_stderr(WfObject *file, const char *text) {
    WfObject *s = wf_str_from_cstr(text);
    WfObject *r = s ? wf_object_call_method(file, WF_ID(write), &s, 1) : NULL;
    wf_xdecref(s);
    if (r) wf_decref(r);
    else wf_err_clear();
}

// CPython's report of an exception that escaped a thread's function:
// "Exception ignored in thread started by: <func repr>" and the traceback
// (SystemExit ends the thread silently).
static void report_thread_exception(WfObject *func) {
    if (wf_err_matches(&wf_exc_SystemExit)) {
        wf_err_clear();
        return;
    }
    WfObject *exc = wf_err_fetch();
    WfObject *file = wf_runtime.sys_dict ? wf_dict_get_item_borrow(wf_runtime.sys_dict, WF_ID(stderr)) : NULL;
    if (file && file != wf_None) {
        wf_incref(file);
        WfObject *r = wf_object_repr(func);
        if (!r) wf_err_clear();
        WfObject *line = wf_str_from_format("Exception ignored in thread started by: %s\n",
                                            r ? wf_str_as_utf8_borrow(r) : "<object repr() failed>");
        wf_xdecref(r);
        if (line) {
            WfObject *w = wf_object_call_method(file, WF_ID(write), &line, 1);
            wf_decref(line);
            if (w) wf_decref(w);
        }
        if (wf_err_occurred()) wf_err_clear();
        wf_traceback_print_exception(exc, file);
        wf_decref(file);
    } else {
        wf_err_clear();
        fprintf(stderr, "Exception ignored in thread started by a function (sys.stderr is None)\n");
    }
    wf_decref(exc);
}

static void *thread_main(void *arg) {
    Boot *b = arg;
    HandleState *h = b->handle;
    atomic_store_explicit(&h->ident, wf_thread_ident(), memory_order_relaxed);
    if (!wf_thread_start_current()) {
        // Out of memory before the thread could run: its references leak.
        fprintf(stderr, "Fatal Python error: cannot allocate the state of a new thread\n");
        wf_mem_free(b);
        atomic_fetch_sub_explicit(&thread_count, 1, memory_order_relaxed);
        handle_state_set_done(h);
        handle_state_release(h);
        return NULL;
    }
    WfObject *r = NULL;
    if (b->context && !wf_contextvars_set_current_take) {
        wf_decref(b->context);  // no contextvars module: nothing can use it
        b->context = NULL;
    }
    if (!b->context || wf_contextvars_set_current_take(b->context) == 0)
        r = wf_object_call_tuple_dict(b->func, b->args, b->kwargs);
    if (r) wf_decref(r);
    else report_thread_exception(b->func);
    wf_decref(b->func);
    wf_decref(b->args);
    wf_xdecref(b->kwargs);
    wf_mem_free(b);
    wf_thread_local_thread_exit();
    if (wf_contextvars_clear_current) wf_contextvars_clear_current();
    if (wf_err_occurred()) wf_err_clear();
    atomic_fetch_sub_explicit(&thread_count, 1, memory_order_relaxed);
    wf_thread_exit_current();
    // From here on the thread has no state and touches no object.
    handle_state_set_done(h);
    handle_state_release(h);
    return NULL;
}

// Start func(*args, **kwargs) on a new thread, in `context` (stolen; NULL:
// an empty context), for the not-started handle h (or a new one when h is
// NULL). Returns the thread's HandleState with one reference for the caller,
// or NULL with an exception.
static HandleState *start_thread(WfObject *func, WfObject *args, WfObject *kwargs, int daemon, WfObject *context,
                                 HandleState *h) {
    if (h) {
        int expected = HANDLE_NOT_STARTED;
        // relaxed: the CAS only arbitrates between two starters of one handle.
        if (!atomic_compare_exchange_strong_explicit(&h->state, &expected, HANDLE_STARTING, memory_order_relaxed,
                                                     memory_order_relaxed)) {
            wf_xdecref(context);
            wf_err_format(&wf_exc_RuntimeError, "thread already started");
            return NULL;
        }
        atomic_fetch_add_explicit(&h->refs, 1, memory_order_relaxed);  // the caller's; the handle object keeps its own
    } else if (!(h = handle_state_new(HANDLE_STARTING, 0))) {
        wf_xdecref(context);
        wf_err_no_memory();
        return NULL;
    }
    Boot *b = wf_mem_malloc(sizeof *b);
    if (!b) {
        atomic_store_explicit(&h->state, HANDLE_NOT_STARTED, memory_order_relaxed);
        handle_state_release(h);
        wf_xdecref(context);
        wf_err_no_memory();
        return NULL;
    }
    b->context = context;
    b->func = wf_newref(func);
    b->args = wf_newref(args);
    b->kwargs = wf_xnewref(kwargs);
    b->handle = h;
    atomic_fetch_add_explicit(&h->refs, 1, memory_order_relaxed);  // the thread's
    if (!daemon) {
        // Listed before the thread exists, so _shutdown cannot miss it.
        wf_mutex_lock(&handles_lock);
        h->next = nondaemon;
        if (nondaemon) nondaemon->prev = h;
        nondaemon = h;
        h->listed = 1;
        wf_mutex_unlock(&handles_lock);
    }
    atomic_fetch_add_explicit(&thread_count, 1, memory_order_relaxed);
    WfThread t;
    int err = wf_thread_create(&t, thread_main, b, atomic_load_explicit(&stack_size_setting, memory_order_relaxed));
    if (err) {
        atomic_fetch_sub_explicit(&thread_count, 1, memory_order_relaxed);
        wf_mutex_lock(&handles_lock);
        unlink_locked(h);
        wf_mutex_unlock(&handles_lock);
        wf_decref(b->func);
        wf_decref(b->args);
        wf_xdecref(b->kwargs);
        wf_xdecref(b->context);
        wf_mem_free(b);
        atomic_store_explicit(&h->state, HANDLE_NOT_STARTED, memory_order_relaxed);
        handle_state_release(h);  // the thread's
        handle_state_release(h);  // the caller's
        wf_err_format(&wf_exc_RuntimeError, "can't start new thread");
        return NULL;
    }
    // What pthread_self() returns in the thread (which stores it too).
    atomic_store_explicit(&h->ident, (unsigned long)t.handle, memory_order_relaxed);
    atomic_store_explicit(&h->state, HANDLE_RUNNING, memory_order_relaxed);
    wf_thread_detach_handle(t);
    return h;
}

static WfObject *thread_start_new_thread(WfObject *m, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("start_new_thread", nargs, 2, 3) < 0) return NULL;
    WfObject *func = args[0], *fargs = args[1], *kwargs = nargs > 2 ? args[2] : NULL;
    if (!wf_callable_check(func)) return wf_err_format(&wf_exc_TypeError, "first arg must be callable");
    if (!wf_tuple_check(fargs)) return wf_err_format(&wf_exc_TypeError, "2nd arg must be a tuple");
    if (kwargs && !wf_dict_check(kwargs)) return wf_err_format(&wf_exc_TypeError, "optional 3rd arg must be a dictionary");
    HandleState *h = start_thread(func, fargs, kwargs, 1, NULL, NULL);
    if (!h) return NULL;
    unsigned long ident = handle_state_ident(h);
    handle_state_release(h);
    return wf_int_from_unsigned_long_long(ident);
}

static WfObject *thread_start_joinable_thread(WfObject *m, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"start_joinable_thread", "O|O$OO", {"function", "handle", "daemon", "context", NULL}};
    WfObject *func, *handle = wf_None, *daemon_obj = wf_True, *context = wf_None;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &func, &handle, &daemon_obj, &context) < 0) return NULL;
    if (!wf_callable_check(func)) return wf_err_format(&wf_exc_TypeError, "thread function must be callable");
    if (handle != wf_None && wf_type_of(handle) != &handle_type)
        return wf_err_format(&wf_exc_TypeError, "'handle' must be a _ThreadHandle");
    int daemon = wf_object_is_true(daemon_obj);
    if (daemon < 0) return NULL;
    // context=None: a copy of the starter's context (CPython 3.14's
    // free-threaded default, sys.flags.thread_inherit_context). A starter
    // that never used contextvars has none: the thread starts empty too.
    WfObject *ctx = NULL;
    if (context != wf_None) ctx = wf_newref(context);
    else if (wf_contextvars_copy_current && wf_tstate()->context && !(ctx = wf_contextvars_copy_current()))
        return NULL;
    if (handle != wf_None) {
        HandleState *h = start_thread(func, wf_tuple_empty(), NULL, daemon, ctx, ((HandleObject *)handle)->state);
        if (!h) return NULL;
        handle_state_release(h);  // the handle object keeps its own reference
        return wf_newref(handle);
    }
    HandleState *h = start_thread(func, wf_tuple_empty(), NULL, daemon, ctx, NULL);
    if (!h) return NULL;
    WfObject *obj = handle_wrap(h);
    if (!obj) handle_state_release(h);
    return obj;
}

static WfObject *thread_make_thread_handle(WfObject *m, WfObject *ident) {
    unsigned long id;
    if (wf_is_smallint(ident) && wf_smallint_value(ident) >= 0) {
        id = (unsigned long)wf_smallint_value(ident);
    } else {
        WfObject *cur = wf_int_from_unsigned_long_long(wf_thread_current_ident());
        if (!cur) return NULL;
        int eq = wf_object_eq(cur, ident);
        wf_decref(cur);
        if (eq < 0) return NULL;
        if (!eq) return wf_err_format(&wf_exc_ValueError, "invalid thread ident");
        id = wf_thread_current_ident();
    }
    HandleState *h = handle_state_new(HANDLE_RUNNING, id);
    if (!h) return wf_err_no_memory();
    WfObject *handle = handle_wrap(h);
    if (!handle) handle_state_release(h);
    return handle;
}

// Join every non-daemon thread (but the caller), including those started
// while we wait. Returns -1 if a wait was interrupted by an exception.
static int join_non_daemon(void) {
    unsigned long me = wf_thread_current_ident();
    for (;;) {
        wf_mutex_lock(&handles_lock);
        HandleState *h = nondaemon;
        while (h && handle_state_ident(h) == me) h = h->next;
        // relaxed: a listed handle is alive (its thread's ref goes only after
        // it unlinks under the lock); the final release is acq_rel.
        if (h) atomic_fetch_add_explicit(&h->refs, 1, memory_order_relaxed);
        wf_mutex_unlock(&handles_lock);
        if (!h) return 0;
        int r = wf_thread_wait_event(&h->done, -1);
        handle_state_release(h);
        if (r < 0) return -1;
    }
}

void wf_thread_after_fork_child(void) {
    // Only the forking thread exists in the child: the other threads' handles
    // can never be set done by their threads, so set them now (else
    // _shutdown would wait forever). No other thread can hold the locks.
    atomic_store_explicit(&handles_lock.v, 0, memory_order_relaxed);
    unsigned long me = wf_thread_current_ident();
    HandleState *keep = NULL;
    for (HandleState *h = nondaemon, *next; h; h = next) {
        next = h->next;
        h->next = h->prev = NULL;
        h->listed = 0;
        if (handle_state_ident(h) == me) keep = h;
        else atomic_store_explicit(&h->done.v, WF_EVENT_SET, memory_order_relaxed);
    }
    nondaemon = keep;
    if (keep) keep->listed = 1;
    atomic_store_explicit(&thread_count, 0, memory_order_relaxed);
    wf_thread_local_after_fork_child();
}

static WfObject *thread_shutdown(WfObject *m, WfObject *unused) {
    if (join_non_daemon() < 0) return NULL;
    return wf_None;
}

int wf_threads_join_non_daemon(void) {
    if (!wf_tstate() || !wf_runtime.modules) return 0;
    WfObject *saved = wf_err_fetch();
    WfObject *threading = wf_dict_get_item_cstr_borrow(wf_runtime.modules, "threading");
    int r = 0;
    if (threading) {
        wf_incref(threading);
        WfObject *res = wf_object_call_method_cstr(threading, "_shutdown", NULL, 0);
        if (res) wf_decref(res);
        else wf_err_write_unraisable(threading);
        wf_decref(threading);
    } else {
        if (wf_err_occurred()) wf_err_clear();
        if (join_non_daemon() < 0) wf_err_write_unraisable(NULL);
    }
    wf_err_restore(saved);
    return r;
}

// ---------------------------------------------------------------------------
// Other module functions

static WfObject *thread_allocate_lock(WfObject *m, WfObject *unused) { return wf_thread_lock_new(); }

static WfObject *thread_get_ident(WfObject *m, WfObject *unused) {
    return wf_int_from_unsigned_long_long(wf_thread_current_ident());
}

static WfObject *thread_get_native_id(WfObject *m, WfObject *unused) {
    WfThreadState *ts = wf_tstate();
    return wf_int_from_unsigned_long_long(ts ? ts->native_id : wf_thread_native_id());
}

static WfObject *thread_get_main_thread_ident(WfObject *m, WfObject *unused) {
    return wf_int_from_unsigned_long_long(main_ident);
}

static WfObject *thread_count_fn(WfObject *m, WfObject *unused) {
    return wf_int_from_ssize(atomic_load_explicit(&thread_count, memory_order_relaxed));
}

static WfObject *thread_stack_size(WfObject *m, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("stack_size", nargs, 0, 1) < 0) return NULL;
    // As CPython: the call always sets the size (no argument: 0, the
    // default) and returns the previous one.
    size_t old = atomic_load_explicit(&stack_size_setting, memory_order_relaxed);
    wf_ssize size = 0;
    if (nargs == 1) {
        if (!wf_index_check(args[0]))
            return wf_err_format(&wf_exc_TypeError, "'%.200s' object cannot be interpreted as an integer",
                                 WF_TYPE(args[0])->tp_name);
        size = wf_number_as_ssize(args[0], &wf_exc_OverflowError);
        if (size == -1 && wf_err_occurred()) return NULL;
        if (size < 0) return wf_err_format(&wf_exc_ValueError, "size must be 0 or a positive value");
        if (size != 0 && (size_t)size < WF_THREAD_STACK_MIN)
            return wf_err_format(&wf_exc_ValueError, "size not valid: %zd bytes", size);
    }
    atomic_store_explicit(&stack_size_setting, (size_t)size, memory_order_relaxed);
    return wf_int_from_size_t(old);
}

static WfObject *thread_exit(WfObject *m, WfObject *unused) {
    wf_err_set_none(&wf_exc_SystemExit);
    return NULL;
}

static WfObject *thread_interrupt_main(WfObject *m, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    // As CPython's "|i:signum" parsing (positional only).
    if (wf_arg_no_kwargs("interrupt_main", kwnames) < 0) return NULL;
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "signum() takes at most 1 argument (%zu given)", nargs);
    int signum = SIGINT;
    if (nargs == 1) {
        if (!wf_index_check(args[0]))
            return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", args[0]);
        WfObject *idx = wf_number_index(args[0]);
        if (!idx) return NULL;
        int overflow = 0;
        long long v = wf_int_as_long_long_overflow(idx, &overflow);
        wf_decref(idx);
        if (overflow > 0 || (!overflow && v > INT_MAX))
            return wf_err_format(&wf_exc_OverflowError, "signed integer is greater than maximum");
        if (overflow < 0 || v < INT_MIN)
            return wf_err_format(&wf_exc_OverflowError, "signed integer is less than minimum");
        signum = (int)v;
    }
    // As if the signal arrived (the same path as the C signal handler): the
    // main thread runs its Python handler at its next eval-breaker check or
    // interrupted wait. As CPython, a signal whose action is SIG_DFL or
    // SIG_IGN is not simulated (e.g. SIGINT in a job started with it ignored).
    if (wf_signal_simulate(signum) < 0) return wf_err_format(&wf_exc_ValueError, "signal number out of range");
    // On the main thread the handler runs now: CPython checks the eval
    // breaker right after a call to a C function returns.
    if (wf_eval_check_signals() < 0) return NULL;
    return wf_None;
}

static WfObject *thread_daemon_threads_allowed(WfObject *m, WfObject *unused) { return wf_True; }

// ---------------------------------------------------------------------------
// _ExceptHookArgs and _excepthook

typedef struct {
    WfObject ob_base;
    WfObject *items;  // tuple (exc_type, exc_value, exc_traceback, thread); immutable
} HookArgsObject;

static const char *const hook_fields[] = {"exc_type", "exc_value", "exc_traceback", "thread"};

static WfObject *hookargs_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"_ExceptHookArgs", "O", {"sequence", NULL}};
    WfObject *seq;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &seq) < 0) return NULL;
    WfObject *items = wf_tuple_from_iterable(seq);
    if (!items) return NULL;
    if (wf_tuple_size(items) != 4) {
        wf_err_format(&wf_exc_TypeError, "_thread._ExceptHookArgs() takes a 4-sequence (%zd-sequence given)",
                      wf_tuple_size(items));
        wf_decref(items);
        return NULL;
    }
    HookArgsObject *self = (HookArgsObject *)wf_type_generic_alloc(type, 0);
    if (!self) {
        wf_decref(items);
        return NULL;
    }
    self->items = items;
    return (WfObject *)self;
}

static void hookargs_dealloc(WfObject *self) {
    wf_xdecref(((HookArgsObject *)self)->items);
    wf_type_of(self)->tp_free(self);
}

static WfObject *hookargs_field(WfObject *self, void *closure) {
    return wf_newref(wf_tuple_get_borrow(((HookArgsObject *)self)->items, (wf_ssize)(intptr_t)closure));
}

static wf_ssize hookargs_len(WfObject *self) { return 4; }

static WfObject *hookargs_getitem(WfObject *self, WfObject *key) {
    return wf_object_getitem(((HookArgsObject *)self)->items, key);
}

static WfObject *hookargs_iter(WfObject *self) { return wf_object_get_iter(((HookArgsObject *)self)->items); }

static WfObject *hookargs_repr(WfObject *self) {
    WfObject *items = ((HookArgsObject *)self)->items;
    WfObject *reprs[4] = {NULL, NULL, NULL, NULL};
    WfObject *res = NULL;
    for (int i = 0; i < 4; i++)
        if (!(reprs[i] = wf_object_repr(wf_tuple_get_borrow(items, i)))) goto done;
    res = wf_str_from_format("_thread._ExceptHookArgs(%s=%U, %s=%U, %s=%U, %s=%U)", hook_fields[0], reprs[0],
                             hook_fields[1], reprs[1], hook_fields[2], reprs[2], hook_fields[3], reprs[3]);
done:
    for (int i = 0; i < 4; i++) wf_xdecref(reprs[i]);
    return res;
}

static const WfGetSetDef hookargs_getset[] = {
    {"exc_type", hookargs_field, NULL, "Exception type", (void *)0},
    {"exc_value", hookargs_field, NULL, "Exception value", (void *)1},
    {"exc_traceback", hookargs_field, NULL, "Exception traceback", (void *)2},
    {"thread", hookargs_field, NULL, "Thread", (void *)3},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfTypeObject hookargs_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "_thread._ExceptHookArgs",
    .tp_basicsize = sizeof(HookArgsObject),
    .tp_doc = "ExceptHookArgs\n\nType used to pass arguments to threading.excepthook.",
    .tp_dealloc = hookargs_dealloc,
    .tp_repr = hookargs_repr,
    .tp_new = hookargs_new,
    .tp_len = hookargs_len,
    .tp_getitem = hookargs_getitem,
    .tp_iter = hookargs_iter,
    .tp_getset = hookargs_getset,
};

static int flush_file(WfObject *file) {
    WfObject *r = wf_object_call_method(file, WF_ID(flush), NULL, 0);
    if (!r) return -1;
    wf_decref(r);
    return 0;
}

// threading.excepthook's default: "Exception in thread NAME:" + traceback.
static WfObject *thread_excepthook(WfObject *m, WfObject *args) {
    if (wf_type_of(args) != &hookargs_type)
        return wf_err_format(&wf_exc_TypeError, "_thread._excepthook argument type must be ExceptHookArgs");
    WfObject *items = ((HookArgsObject *)args)->items;
    WfObject *exc_type = wf_tuple_get_borrow(items, 0), *exc_value = wf_tuple_get_borrow(items, 1);
    WfObject *thread = wf_tuple_get_borrow(items, 3);
    if (exc_type == (WfObject *)&wf_exc_SystemExit) return wf_None;  // silently ignored
    WfObject *file = wf_runtime.sys_dict ? wf_dict_get_item_borrow(wf_runtime.sys_dict, WF_ID(stderr)) : NULL;
    if (file) wf_incref(file);
    if (!file || file == wf_None) {
        wf_xdecref(file);
        file = NULL;
        if (thread == wf_None) return wf_None;
        if (wf_object_lookup_attr(thread, wf_str_intern_cstr("_stderr"), &file) < 0) return NULL;
        if (!file || file == wf_None) {
            wf_xdecref(file);
            return wf_None;
        }
    }
    WfObject *name = NULL;
    if (thread != wf_None && wf_object_lookup_attr(thread, wf_str_intern_cstr("name"), &name) < 0) goto error;
    WfObject *line = name ? wf_str_from_format("Exception in thread %S:\n", name)
                          : wf_str_from_format("Exception in thread %lu:\n", wf_thread_current_ident());
    wf_xdecref(name);
    if (!line) goto error;
    WfObject *w = wf_object_call_method(file, WF_ID(write), &line, 1);
    wf_decref(line);
    if (!w) goto error;
    wf_decref(w);
    if (flush_file(file) < 0) goto error;
    if (exc_value != wf_None && wf_exception_check(exc_value)) {
        wf_traceback_print_exception(exc_value, file);
    } else {
        // Not an exception instance: print what we have, as "Type: value".
        WfObject *text = wf_str_from_format("%S: %S\n", exc_type, exc_value);
        if (text) {
            write_stderr(file, wf_str_as_utf8_borrow(text));
            wf_decref(text);
        }
    }
    if (flush_file(file) < 0) goto error;
    wf_decref(file);
    return wf_None;
error:
    wf_decref(file);
    return NULL;
}

// ---------------------------------------------------------------------------
// The module

static const WfMethodDef thread_methods[] = {
    WF_METHOD("start_new_thread", thread_start_new_thread, WF_METH_FASTCALL,
              "start_new_thread($module, function, args, kwargs={}, /)\n--\n\n"
              "Start a new thread and return its identifier.\n\n"
              "The thread will call the function with positional arguments from the\n"
              "tuple args and keyword arguments taken from the optional dictionary\n"
              "kwargs.  The thread exits when the function returns; the return value\n"
              "is ignored.  The thread will also exit when the function raises an\n"
              "unhandled exception; a stack trace will be printed unless the exception\n"
              "is SystemExit."),
    WF_METHOD("start_new", thread_start_new_thread, WF_METH_FASTCALL,
              "start_new($module, function, args, kwargs={}, /)\n--\n\n"
              "An obsolete synonym of start_new_thread()."),
    WF_METHOD("start_joinable_thread", thread_start_joinable_thread, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "start_joinable_thread($module, /, function, handle=None, *, daemon=True, context=None)\n--\n\n"
              "*For internal use only*: start a new thread calling function() in context\n"
              "(None: a copy of the caller's context) and return its _ThreadHandle (handle,\n"
              "when given: a _ThreadHandle() not started yet).\n"
              "Non-daemon threads are joined by _shutdown()."),
    WF_METHOD("_make_thread_handle", thread_make_thread_handle, WF_METH_O,
              "_make_thread_handle($module, ident, /)\n--\n\n"
              "Internal only. Make a thread handle for threads not spawned by the _thread or threading module."),
    WF_METHOD("_shutdown", thread_shutdown, WF_METH_NOARGS,
              "_shutdown($module, /)\n--\n\nWait for all non-daemon threads (other than the calling thread) to stop."),
    WF_METHOD("_get_main_thread_ident", thread_get_main_thread_ident, WF_METH_NOARGS,
              "_get_main_thread_ident($module, /)\n--\n\nInternal only. Return a non-zero integer that uniquely "
              "identifies the main thread of the main interpreter."),
    WF_METHOD("allocate_lock", thread_allocate_lock, WF_METH_NOARGS,
              "allocate_lock($module, /)\n--\n\nCreate a new lock object. See help(type(threading.Lock())) for\n"
              "information about locks."),
    WF_METHOD("allocate", thread_allocate_lock, WF_METH_NOARGS,
              "allocate($module, /)\n--\n\nAn obsolete synonym of allocate_lock()."),
    WF_METHOD("get_ident", thread_get_ident, WF_METH_NOARGS,
              "get_ident($module, /)\n--\n\nReturn a non-zero integer that uniquely identifies the current thread\n"
              "amongst other threads that exist simultaneously."),
    WF_METHOD("get_native_id", thread_get_native_id, WF_METH_NOARGS,
              "get_native_id($module, /)\n--\n\nReturn a non-negative integer identifying the thread as reported\n"
              "by the OS (kernel)."),
    WF_METHOD("_count", thread_count_fn, WF_METH_NOARGS,
              "_count($module, /)\n--\n\nReturn the number of currently running Python threads, excluding\n"
              "the main thread."),
    WF_METHOD("stack_size", thread_stack_size, WF_METH_FASTCALL,
              "stack_size($module, size=0, /)\n--\n\nReturn the thread stack size used when creating new threads.  "
              "The\noptional size argument specifies the stack size (in bytes) to be used\n"
              "for subsequently created threads, and must be 0 (use platform or\n"
              "configured default) or a positive integer value of at least 32,768 (32k)."),
    WF_METHOD("exit", thread_exit, WF_METH_NOARGS,
              "exit($module, /)\n--\n\nThis is synonymous to ``raise SystemExit''.  It will cause the current\n"
              "thread to exit silently unless the exception is caught."),
    WF_METHOD("exit_thread", thread_exit, WF_METH_NOARGS,
              "exit_thread($module, /)\n--\n\nAn obsolete synonym of exit()."),
    WF_METHOD("interrupt_main", thread_interrupt_main, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "interrupt_main(signum=signal.SIGINT, /)\n\n"
              "Simulate the arrival of the given signal in the main thread,\n"
              "where the corresponding signal handler will be executed.\n"
              "If *signum* is omitted, SIGINT is assumed.\n"
              "A subthread can use this function to interrupt the main thread.\n\n"
              "Note: the default signal handler for SIGINT raises ``KeyboardInterrupt``."),
    WF_METHOD("daemon_threads_allowed", thread_daemon_threads_allowed, WF_METH_NOARGS,
              "daemon_threads_allowed($module, /)\n--\n\nCheck if daemon threads are allowed."),
    WF_METHOD("_excepthook", thread_excepthook, WF_METH_O,
              "_excepthook($module, args, /)\n--\n\nHandle uncaught Thread.run() exception."),
    WF_METHOD_END,
};

WfObject *wf_thread_module_new(void) {
    if (!main_ident) main_ident = wf_thread_current_ident();
    if (wf_type_ready(&handle_type) < 0 || wf_type_ready(&hookargs_type) < 0 ||
        wf_type_ready(&wf_thread_lock_type) < 0 || wf_type_ready(&wf_thread_rlock_type) < 0 ||
        wf_type_ready(&wf_thread_local_type) < 0)
        return NULL;
    WfObject *m = wf_module_new_cstr("_thread");
    if (!m) return NULL;
    wf_module_set_builtin(m);
    WfObject *d = wf_module_dict_borrow(m);
    if (wf_function_add_methods(d, thread_methods, m, NULL) < 0) goto error;
    WfObject *timeout_max = wf_float_new(TIMEOUT_MAX_SECONDS);
    if (!timeout_max || wf_module_add_object(m, "TIMEOUT_MAX", timeout_max) < 0) goto error;
    if (wf_dict_set_item_cstr(d, "LockType", (WfObject *)&wf_thread_lock_type) < 0 ||
        wf_dict_set_item_cstr(d, "lock", (WfObject *)&wf_thread_lock_type) < 0 ||
        wf_dict_set_item_cstr(d, "RLock", (WfObject *)&wf_thread_rlock_type) < 0 ||
        wf_dict_set_item_cstr(d, "_local", (WfObject *)&wf_thread_local_type) < 0 ||
        wf_dict_set_item_cstr(d, "_ThreadHandle", (WfObject *)&handle_type) < 0 ||
        wf_dict_set_item_cstr(d, "_ExceptHookArgs", (WfObject *)&hookargs_type) < 0 ||
        wf_dict_set_item_cstr(d, "error", (WfObject *)&wf_exc_RuntimeError) < 0)
        goto error;
    WfObject *doc = wf_str_from_cstr("This module provides primitive operations to write multi-threaded programs.\n"
                                     "The 'threading' module provides a more convenient interface.");
    if (!doc || wf_dict_set_item_take(d, WF_ID(__doc__), doc) < 0) goto error;
    return m;
error:
    wf_decref(m);
    return NULL;
}
