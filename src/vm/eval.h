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

// Generator type (objects of generator functions).
extern WfTypeObject wf_generator_type, wf_coroutine_type, wf_traceback_type, wf_frame_type;

// Add a traceback entry for the innermost frame to the pending exception
// (used when C code raises on behalf of a frame; the eval loop does this itself).
void wf_traceback_add_current(void);
// Print "Traceback (most recent call last):" ... for exc to the given file object
// (sys.stderr when NULL) in CPython's format, including chained exceptions.
int wf_traceback_print_exception(WfObject *exc, WfObject *file);

#endif
