// call.h — calling Python functions: argument binding into frames and the
// vectorcall entry point of function objects. VM-internal.
#ifndef WF_VM_CALL_H
#define WF_VM_CALL_H

#include "objects/function.h"
#include "vm/frame.h"

// Push a frame for calling `func` (a WfFunctionObject; the stack reference
// `func_ref` is consumed and stored in the frame) with `locals` (owned mapping
// or NULL) and bind the arguments: args[0..nargs) positional, then the values
// of the keyword names `kwnames`. The argument references are consumed in
// every case. Returns the frame (not yet linked into the thread's frame list)
// or NULL with an exception set (the frame, if any, already popped).
WfFrame *wf_call_push_frame(WfThreadState *ts, WfStackRef func_ref, WfObject *locals, WfStackRef *args,
                            size_t nargs, WfObject *kwnames);

// tp_call of function objects: borrowed args, returns a new reference.
WfObject *wf_function_vectorcall(WfObject *func, WfObject *const *args, size_t nargs, WfObject *kwnames);

// "f()" / "mod.f()" — CPython's _PyObject_FunctionStr, for error messages.
WfObject *wf_call_function_str(WfObject *func);

#endif
