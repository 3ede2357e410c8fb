// frame.h — interpreter frames and the per-thread frame data stack.
//
// Invariants:
// - A WfFrame is a header followed by co_nlocalsplus local slots and
//   co_stacksize evaluation-stack slots (WfStackRef each); `sp` points one past
//   the top of the stack while the frame is not executing (saved at calls,
//   yields and frame-object snapshots).
// - Frames of a thread that are OWNED_BY_THREAD live on that thread's data
//   stack (WfThreadState.datastack_*): contiguous chunks of memory used LIFO;
//   a frame never straddles two chunks. Generator frames live inside their
//   generator object (OWNED_BY_GENERATOR); frames that outlived their
//   execution because a frame object referenced them are copied into the frame
//   object (OWNED_BY_FRAME_OBJECT).
// - `previous` links the frames of a thread from the innermost
//   (WfThreadState.current_frame) outwards; it is only meaningful while the
//   frame is executing or suspended in a call.
// - code, globals and builtins are borrowed: the function (`func`, a stack
//   reference that keeps it alive) or the C caller of wf_eval_code owns them.
//   `locals` (module and class-body frames, NULL for functions) is owned.
// - `instr` points at the code unit of the instruction being executed (after
//   any EXTENDED_ARG prefix); before the first instruction it points at the
//   first code unit; for a suspended generator at the instruction after the
//   YIELD_VALUE.
#ifndef WF_VM_FRAME_H
#define WF_VM_FRAME_H

#include "objects/code.h"
#include "objects/object.h"
#include "runtime/thread_state.h"
#include "vm/stackref.h"

enum {
    WF_FRAME_OWNED_BY_THREAD = 0,
    WF_FRAME_OWNED_BY_GENERATOR = 1,
    WF_FRAME_OWNED_BY_FRAME_OBJECT = 2,
};

struct WfFrameObject;

typedef struct WfFrame {
    WfCodeObject *code;
    struct WfFrame *previous;
    WfStackRef func;            // the function (NULL for module/exec frames)
    WfObject *globals;
    WfObject *builtins;
    WfObject *locals;           // owned mapping or NULL
    uint32_t *instr;
    WfStackRef *sp;
    struct WfFrameObject *frame_obj;  // Python-visible frame (owned) or NULL
    uint8_t owner;              // WF_FRAME_OWNED_BY_*
    uint8_t is_entry;           // returning from it returns from wf_eval_frame
    uint8_t stopped : 1;        // finished executing (frame objects / generators)
    uint8_t init_check : 1;     // __init__ called by CALL on a class: must return None,
                                // and the caller's stack already holds the new object
    uint8_t return_offset;      // resume at instr + return_offset (after a call / yield)
    int32_t stack_base;         // == code->co_nlocalsplus (cached)
    WfStackRef localsplus[];
} WfFrame;

WF_INLINE WfStackRef *wf_frame_stack_base(WfFrame *f) { return f->localsplus + f->stack_base; }
WF_INLINE size_t wf_frame_size_slots(WfCodeObject *co) {
    return (sizeof(WfFrame) / sizeof(WfStackRef)) + (size_t)co->co_nlocalsplus + (size_t)co->co_stacksize;
}
WF_INLINE wf_ssize wf_frame_lasti(WfFrame *f) { return f->instr - f->code->co_code; }

// Data stack chunk header size (bytes before the first frame of a chunk).
#define WF_DATASTACK_HEADER 32

// Data stack. Chunks hold frames LIFO. wf_frame_push reserves a frame for `co`
// on the current thread's data stack (slots uninitialized except the header
// fields it fills: code, stack_base, instr, sp, frame_obj, owner, flags).
// NULL + MemoryError when memory runs out.
WfFrame *wf_frame_push(WfThreadState *ts, WfCodeObject *co);
// Release the most recently pushed frame's memory (its references must have
// been dropped already, see wf_frame_clear).
void wf_frame_pop(WfThreadState *ts, WfFrame *f);
// Fast path of wf_frame_push (inline bump allocation).
WF_INLINE WfFrame *wf_frame_push_inline(WfThreadState *ts, WfCodeObject *co) {
    size_t bytes = wf_frame_size_slots(co) * sizeof(WfStackRef);
    char *top = ts->datastack_top;
    if (WF_LIKELY(top != NULL && (size_t)(ts->datastack_limit - top) >= bytes)) {
        ts->datastack_top = top + bytes;
        WfFrame *f = (WfFrame *)top;
        f->code = co;
        f->stack_base = co->co_nlocalsplus;
        f->instr = co->co_code;
        f->sp = f->localsplus + co->co_nlocalsplus;
        f->frame_obj = NULL;
        f->owner = WF_FRAME_OWNED_BY_THREAD;
        f->is_entry = 0;
        f->stopped = 0;
        f->init_check = 0;
        f->return_offset = 0;
        f->locals = NULL;
        return f;
    }
    return wf_frame_push(ts, co);
}
WF_INLINE void wf_frame_pop_inline(WfThreadState *ts, WfFrame *f) {
    // A frame at the very start of a chunk is released by the slow path.
    char *start = (char *)f;
    if (WF_LIKELY(start != (char *)ts->datastack_chunk + WF_DATASTACK_HEADER)) {
        ts->datastack_top = start;
        return;
    }
    wf_frame_pop(ts, f);
}

// Drop every reference the frame holds (locals, stack up to sp, func, locals
// mapping) and detach its frame object (which takes a copy of the locals if
// something else still references it). Does not release the memory.
void wf_frame_clear(WfFrame *f);
// Close the stack slots [base, sp) and set sp = base.
void wf_frame_clear_stack(WfFrame *f);

// The innermost frame that has started executing (skips nothing for now).
WF_INLINE WfFrame *wf_frame_current(WfThreadState *ts) { return ts->current_frame; }

// Python-visible frame object for `f` (created on first use; borrowed: the
// frame owns it until it finishes). NULL + MemoryError.
struct WfFrameObject *wf_frame_get_object(WfFrame *f);
// Locals of a frame as a dict snapshot (function frames) or its locals
// mapping (module/class frames). New reference.
WfObject *wf_frame_locals(WfFrame *f);
int wf_frame_line(WfFrame *f);

// Call `visit` on every used word range of ts's data stack (the frames of
// its OWNED_BY_THREAD frames, live or just released): the deferred sweep
// scans them for uncounted references (runtime/deferred.c). The thread must
// be stopped or the caller.
void wf_frame_datastack_visit(WfThreadState *ts, void (*visit)(const uintptr_t *begin, const uintptr_t *end, void *arg),
                              void *arg);

// Turn the frame's borrowed references that rely on another frame or on the
// deferred sweep's scan (shared deferred objects, values LOAD_FAST_BORROW
// took from a caller's locals that became this frame's arguments) into
// counted ones (its function, locals and stack up to sp): before a frame
// leaves the thread's stack of executing frames (a generator is created or
// suspends, a frame object copies a finished frame).
void wf_frame_own_borrowed(WfFrame *f);

// Release all data stack chunks of a thread (thread exit).
void wf_frame_datastack_free(WfThreadState *ts);

#endif
