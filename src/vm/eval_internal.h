// eval_internal.h — VM-internal entry points shared by eval.c, call.c,
// generator.c, traceback.c and specialize.c.
#ifndef WF_VM_EVAL_INTERNAL_H
#define WF_VM_EVAL_INTERNAL_H

#include "objects/function.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"
#include "vm/frame.h"

// Run `frame` (pushed and initialized by the caller, not yet linked) until it
// returns, yields or raises. The frame becomes the thread's current frame and
// is marked as the entry frame: when it returns or raises, a thread-owned frame
// is cleared and popped; a generator frame is left to its generator.
// throwflag: an exception is pending and is raised at the frame's current
// instruction (generator.throw()). Returns a new reference or NULL.
WfObject *wf_eval_frame(WfThreadState *ts, WfFrame *frame, int throwflag);

// Implicit exception chaining (CPython's _PyErr_SetObject part): make the
// handled exception the __context__ of `exc`, breaking cycles.
void wf_eval_chain_context(WfThreadState *ts, WfObject *exc);

// The innermost handled exception (walks the exc_info stack), borrowed or NULL.
WfObject *wf_eval_topmost_exception(WfThreadState *ts);

// Add a traceback entry for frame `f` at its current instruction to the pending
// exception (PyTraceBack_Here).
int wf_traceback_here(WfFrame *f);

// Generators: a generator frame finished (returned or raised): mark the
// generator completed and pop its exc_info entry.
void wf_gen_frame_finished(WfThreadState *ts, WfFrame *f);
// RETURN_GENERATOR: move `f` (thread-owned, about to be popped) into a new
// generator/coroutine object. New reference or NULL.
WfObject *wf_gen_new_from_frame(WfThreadState *ts, WfFrame *f);
// The generator owning a generator frame.
WfObject *wf_gen_of_frame(WfFrame *f);
// YIELD_VALUE bookkeeping: the generator owning `f` is suspended.
void wf_gen_frame_suspended(WfThreadState *ts, WfFrame *f);
// SEND / yield from helpers: gen.send(v) for generators and coroutines
// (new ref; *is_return set when the generator returned, its value is the result).
// NULL on error.
WfObject *wf_gen_send_ex(WfObject *gen, WfObject *value, int *is_return);
bool wf_gen_check(WfObject *o);       // generator or coroutine
bool wf_coro_check(WfObject *o);

// Range iterator private to the VM (GET_ITER over an exact range with small
// bounds): FOR_ITER advances it inline.
typedef struct {
    WfObject ob_base;
    intptr_t next, step, remaining;
} WfVmRangeIterObject;
extern WfTypeObject wf_vm_range_iter_type;
WfObject *wf_vm_range_iter_new(WfObject *range);  // NULL without exception: not eligible

int wf_vm_types_init(void);

#endif
