// eval.h — entry points into the VM used by the rest of the runtime.
// The VM (src/vm/) owns frames, the eval loop, calls of Python functions,
// generators, tracebacks and Python-visible frame objects.
#ifndef WF_EVAL_H
#define WF_EVAL_H

#include "objects/object.h"
#include "objects/code.h"

// Run a module-level or class-body code object with the given namespaces
// (locals may equal globals). New reference to the result or NULL.
WfObject *wf_eval_code(WfCodeObject *co, WfObject *globals, WfObject *locals);
// Run a class body: the function `func` (made by the compiler for the body;
// it may have a closure, e.g. __class__ or variables of an enclosing function)
// executed with `ns` as its locals mapping (LOAD_NAME/STORE_NAME). This is
// what __build_class__ uses. New reference to the result (normally None, or
// the __class__ cell when the body created one) or NULL.
WfObject *wf_eval_class_body(WfObject *func, WfObject *ns);
// exec()/eval() of a code object with a closure tuple (may be NULL).
WfObject *wf_eval_code_ex(WfCodeObject *co, WfObject *globals, WfObject *locals, WfObject *closure);

// Introspection of the calling Python frame (NULL / error when there is none).
WfObject *wf_eval_globals_borrow(void);      // globals() of the innermost Python frame
WfObject *wf_eval_locals(void);              // locals(): new ref (a dict snapshot for functions)
WfObject *wf_eval_builtins_borrow(void);
int wf_eval_current_line(void);
// For zero-argument super(): the innermost frame's __class__ cell contents and
// first argument. 0 ok, -1 with RuntimeError("super(): no arguments" / "super(): __class__ cell not found").
int wf_frame_super_args(WfTypeObject **type, WfObject **obj);

// Recursion guard for C code that recurses on user data (repr of nested
// containers, etc.): -1 with RecursionError "maximum recursion depth exceeded
// while getting the repr of an object" style message (where: suffix).
int wf_enter_recursive_call(const char *where);
void wf_leave_recursive_call(void);

// Handled-exception state (sys.exc_info()).
WfObject *wf_eval_get_handled_exception(void);   // borrowed or NULL

// Eval breaker: the eval loop calls this when tstate->eval_breaker is nonzero
// (at backward jumps and function entry). It merges queued refcounts, runs
// pending signal handlers / raises KeyboardInterrupt, and parks the thread
// for a stop-the-world request. 0 ok, -1 with an exception set.
struct WfThreadState;
int wf_eval_handle_breaker(struct WfThreadState *ts);
// The check after a call to a C function: signals, stop-the-world and GIL
// hand-over, but not the merge of queued references (finalizers).
int wf_eval_handle_breaker_after_call(struct WfThreadState *ts);
// Bits of WfThreadState.eval_breaker (set with atomic_fetch_or, release).
#define WF_EVAL_BREAKER_BRC 0x1u        // objects queued for refcount merging (runtime/refcount.c)
#define WF_EVAL_BREAKER_SIGNALS 0x2u    // a signal arrived (modules/signal: wf_eval_signal_pending)
#define WF_EVAL_BREAKER_STW 0x4u        // a stop-the-world is requested
#define WF_EVAL_BREAKER_ASYNC_EXC 0x8u  // an asynchronous exception is pending (reserved)
#define WF_EVAL_BREAKER_GIL_DROP 0x10u  // threads runtime: another thread waits for the GIL (call wf_runtime_stw_poll)
// Asks every thread (or the main thread for signals) to look at its breaker.
void wf_eval_signal_pending(void);      // from a signal handler: async-signal-safe
// Pending-signal hook provided by the signal module (weak: absent → only
// SIGINT's KeyboardInterrupt is raised). Return -1 with an exception set to
// propagate an exception raised by a handler.
int wf_signal_run_pending(void) __attribute__((weak));
// Stop-the-world poll provided by the runtime (weak: absent → nothing to do).
void wf_runtime_stw_poll(void) __attribute__((weak));

// Python-level recursion: sys.setrecursionlimit() must add (new - old) to
// every thread's recursion_remaining (see thread_state.h).

// Generator type (objects of generator functions).
extern WfTypeObject wf_generator_type, wf_coroutine_type, wf_traceback_type, wf_frame_type;

// Add a traceback entry for the innermost frame to the pending exception
// (used when C code raises on behalf of a frame; the eval loop does this itself).
void wf_traceback_add_current(void);
// Print "Traceback (most recent call last):" ... for exc to the given file object
// (sys.stderr when NULL) in CPython's format, including chained exceptions.
int wf_traceback_print_exception(WfObject *exc, WfObject *file);

#endif
