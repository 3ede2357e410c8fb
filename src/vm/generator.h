// generator.h — generator and coroutine objects (VM-internal layout).
//
// Invariant: the generator's frame is stored inline at the end of the object
// (WF_GEN_FRAME), owned by the generator (WF_FRAME_OWNED_BY_GENERATOR) and
// executed only while `state` is WF_GEN_RUNNING, by one thread at a time
// (send/throw/close check and set `state`). While running, `exc_state` is on
// the running thread's exc_info stack. Once COMPLETED the frame's references
// are released; `code` stays for gi_code.
#ifndef WF_VM_GENERATOR_H
#define WF_VM_GENERATOR_H

#include "vm/frame.h"

enum { WF_GEN_CREATED = 0, WF_GEN_SUSPENDED = 1, WF_GEN_RUNNING = 2, WF_GEN_COMPLETED = 3 };

typedef struct WfGenObject {
    WfObject ob_base;
    WfObject *name;        // str
    WfObject *qualname;    // str
    WfObject *code;        // strong
    WfObject *weakreflist;
    WfExcInfo exc_state;
    _Atomic(int) state;    // WF_GEN_*
    uint8_t ag_closed;         // async generators: aclose()d or exhausted
    uint8_t ag_running_async;  // async generators: an asend/athrow is in progress
    uint16_t reserved;
    WfFrame frame;         // must be last: followed by the frame's slots
} WfGenObject;

#define WF_GEN_FRAME(g) (&((WfGenObject *)(g))->frame)

extern WfTypeObject wf_async_gen_type;  // vm/asyncgen.c

// For vm/asyncgen.c: send (the exception pending when exc) raising
// StopIteration / StopAsyncIteration when the generator returns; throw into
// the generator as gen.throw() does (close_on_genexit: close a delegate on
// GeneratorExit); the delegate of a suspended yield from / await (new ref).
WfObject *wf_gen_send_raising(WfObject *gen, WfObject *arg, int exc, int closing);
WfObject *wf_gen_throw_internal(WfObject *gen, int close_on_genexit, WfObject *typ, WfObject *val, WfObject *tb);
WfObject *wf_gen_yieldfrom(WfObject *gen);
void wf_gen_dealloc(WfObject *self);
int wf_gen_traverse(WfObject *self, WfVisitProc visit, void *arg);
WfObject *wf_gen_repr(WfObject *self);
int wf_gen_state(WfObject *gen);
// The value an async generator yields, wrapped (ASYNC_GEN_WRAP) so that its
// driver can tell it from a value yielded by an `await` inside it.
WfObject *wf_async_gen_wrap_value(WfObject *v);

#endif
