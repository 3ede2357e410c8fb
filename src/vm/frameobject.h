// frameobject.h — Python-visible frame objects (sys._getframe(), tb_frame,
// gi_frame). Created lazily for an interpreter frame (WfFrame).
//
// Invariant: `frame` points at the live interpreter frame while it executes
// or is suspended (owned by a thread's data stack or a generator); when that
// frame finishes while the frame object is still referenced, the frame's
// contents are moved into `owned` (a wf_mem_malloc'd copy) and `frame` points
// there (owner WF_FRAME_OWNED_BY_FRAME_OBJECT). `frame` is NULL after
// frame.clear() or once the frame finished with nothing worth keeping.
// code / globals / builtins are strong references so the object can outlive
// the frame's owner.
#ifndef WF_VM_FRAMEOBJECT_H
#define WF_VM_FRAMEOBJECT_H

#include "vm/frame.h"

typedef struct WfFrameObject {
    WfObject ob_base;
    WfFrame *frame;
    WfFrame *owned;        // copy owned by this object, or NULL
    WfObject *f_back;      // set when detached (strong) or NULL
    WfObject *f_code;      // strong
    WfObject *f_globals;   // strong
    WfObject *f_builtins;  // strong
    WfObject *f_trace;     // strong or NULL
    WfObject *f_locals_cache;  // dict returned by f_locals for function frames
    int last_line;         // line when detached / cleared
} WfFrameObject;

WfFrameObject *wf_frameobject_new(WfFrame *f);
// The interpreter frame `f` is finishing: move its contents into `fo` (which
// other references keep alive). The frame's references are transferred.
void wf_frameobject_take_ownership(WfFrameObject *fo, WfFrame *f);
// Current frame object for sys._getframe(depth): new reference or NULL with
// ValueError("call stack is not deep enough").
WfObject *wf_frameobject_get_current(int depth);

#endif
