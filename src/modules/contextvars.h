// contextvars.h — the native `_contextvars` module (ContextVar, Token,
// Context, copy_context) and the hooks the threads area uses to give a new
// thread a copy of its starter's context (CPython 3.14 free-threaded default,
// sys.flags.thread_inherit_context == 1).
//
// The current context of a thread is WfThreadState.context (NULL until first
// needed; then an empty Context is created). A Context is *entered* (current)
// in at most one thread at a time; only that thread changes its variables.
#ifndef WF_MODULES_CONTEXTVARS_H
#define WF_MODULES_CONTEXTVARS_H

#include "objects/object.h"

extern WfTypeObject wf_context_type, wf_contextvar_type, wf_contexttoken_type;

// The module object for `import _contextvars` (modules/registry.c).
WfObject *wf_contextvars_module_new(void);

// A new Context holding the calling thread's current variables
// (contextvars.copy_context()). New reference, or NULL with an exception.
// Call it in the *starting* thread, before the new OS thread exists.
WfObject *wf_contextvars_copy_current(void);

// Make `ctx` (a Context; the reference is stolen, also on failure) the
// calling thread's current context, replacing (and releasing) any previous
// one. Call it in the *new* thread, attached, before it runs Python code.
// Returns 0, or -1 with an exception set: TypeError if ctx is not a Context,
// RuntimeError ("cannot enter context: ... is already entered") if ctx is
// current in another thread.
int wf_contextvars_set_current_take(WfObject *ctx);

// Release the calling thread's current context (WfThreadState.context) and
// leave it. Call it when a thread that ran Python exits, while still
// attached (before wf_thread_exit_current). Never fails.
void wf_contextvars_clear_current(void);

#endif
