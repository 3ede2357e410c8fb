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
    int reserved;
    WfFrame frame;         // must be last: followed by the frame's slots
} WfGenObject;

#define WF_GEN_FRAME(g) (&((WfGenObject *)(g))->frame)

#endif
