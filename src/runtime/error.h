// error.h — the pending-exception API. Errors are return values: a failing call
// returns NULL / -1 and leaves exactly one exception object pending on the
// current thread (WfThreadState.current_exc). The exception is always
// normalized: an instance of a BaseException subclass.
#ifndef WF_ERROR_H
#define WF_ERROR_H

#include "objects/object.h"
#include "objects/exceptions.h"

// Set the pending exception (replaces any pending one).
void wf_err_set_none(WfTypeObject *type);                       // type()
void wf_err_set_string(WfTypeObject *type, const char *msg);    // type(msg); msg is UTF-8
void wf_err_set_object(WfTypeObject *type, WfObject *value);    // type(value) (value a tuple: args)
// printf-like message (see wf_str_from_format for the codes: %s %d %i %u %ld %lu
// %zd %zu %lld %c %x %p %%, plus %R repr(obj), %S str(obj), %U a str object,
// %T type name of an object, %N name of a type). Always returns NULL.
WfObject *wf_err_format(WfTypeObject *type, const char *fmt, ...);
void wf_err_set_exc(WfObject *exc_instance);                   // raise an instance (borrowed)
void wf_err_set_exc_take(WfObject *exc_instance);              // raise an instance (steals)
WfObject *wf_err_no_memory(void);                              // MemoryError; returns NULL
WfObject *wf_err_bad_internal_call(const char *where);         // SystemError; returns NULL
WfObject *wf_err_set_from_errno(WfTypeObject *type);           // OSError subclass picked by errno
WfObject *wf_err_set_from_errno_filename(WfTypeObject *type, WfObject *filename);

// Inspect / take.
bool wf_err_occurred(void);
WfObject *wf_err_occurred_borrow(void);               // the pending exception or NULL
bool wf_err_matches(WfTypeObject *type);              // pending exception is an instance of type
bool wf_err_given_matches(WfObject *exc, WfObject *type_or_tuple);
WfObject *wf_err_fetch(void);                         // take the pending exception (new ref) or NULL
void wf_err_restore(WfObject *exc);                   // steals; NULL clears
void wf_err_clear(void);
// When an exception is raised while `context` is being handled, chaining sets
// __context__; the VM does this at raise time. This helper chains explicitly:
// the pending exception's __context__ becomes `context` (steals context).
void wf_err_chain_context(WfObject *context);

// Print the pending exception (and clear it) with a traceback, like
// CPython's PyErr_Print; SystemExit is not special-cased here.
void wf_err_print(void);
// Report an exception that cannot be raised (in a destructor, etc.):
// "Exception ignored in: <obj>" + traceback, on stderr.
void wf_err_write_unraisable(WfObject *obj);
// "Exception ignored <msg>: <repr(obj)>" + traceback of the current exception
// (cleared), written to sys.stderr (C stderr when it is unusable), as
// CPython's _PyErr_WriteUnraisableMsg. SystemExit is reported like the rest.
void wf_err_write_unraisable_msg(const char *msg, WfObject *obj);

// Warnings: issue `category` (a Warning subclass) with message. Prints
// "file:line: Category: msg" on stderr for now (no filters yet). -1 if the
// warning was turned into an error.
int wf_err_warn(WfTypeObject *category, const char *msg, int stacklevel);
// Issue a warning attributed to an explicit (filename, lineno), as CPython's
// PyErr_WarnExplicitObject (used for compile-time SyntaxWarnings). -1 if the
// warning was turned into an error.  // requested by compile
int wf_err_warn_explicit(WfTypeObject *category, const char *msg, WfObject *filename, int lineno);

#endif
