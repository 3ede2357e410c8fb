// frame.c — the per-thread frame data stack and frame teardown.
//
// Invariant: the thread's data stack is a list of chunks (newest first). Each
// chunk starts with a DataChunk header; frames are bump-allocated from
// datastack_top up to datastack_limit of the newest chunk and released in
// LIFO order. When a frame does not fit, a new chunk (or the cached spare
// chunk) becomes current; popping the first frame of a chunk makes the
// previous chunk current again and keeps the emptied chunk as its spare.
#include <string.h>

#include "objects/dict.h"
#include "objects/function.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/deferred.h"
#include "runtime/error.h"
#include "vm/frame.h"
#include "vm/frameobject.h"

typedef struct DataChunk {
    struct DataChunk *previous;
    struct DataChunk *spare;   // an emptied chunk kept for reuse
    char *prev_top;            // previous chunk's top when this one became current
    char *limit;
} DataChunk;

_Static_assert(sizeof(DataChunk) == WF_DATASTACK_HEADER, "chunk header size");

#define CHUNK_SIZE (256 * 1024)

WfFrame *wf_frame_push(WfThreadState *ts, WfCodeObject *co) {
    size_t bytes = wf_frame_size_slots(co) * sizeof(WfStackRef);
    if (!ts->datastack_top || (size_t)(ts->datastack_limit - ts->datastack_top) < bytes) {
        DataChunk *cur = ts->datastack_chunk;
        DataChunk *chunk = NULL;
        size_t need = bytes + sizeof(DataChunk);
        if (cur && cur->spare && (size_t)(cur->spare->limit - (char *)cur->spare) >= need) {
            chunk = cur->spare;
            cur->spare = NULL;
        } else {
            if (cur && cur->spare) {
                // Too small: free the spare (and its own spares).
                DataChunk *s = cur->spare;
                while (s) {
                    DataChunk *n = s->spare;
                    wf_mem_free(s);
                    s = n;
                }
                cur->spare = NULL;
            }
            size_t size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
            chunk = wf_mem_malloc(size);
            if (!chunk) {
                wf_err_no_memory();
                return NULL;
            }
            chunk->limit = (char *)chunk + size;
            chunk->spare = NULL;
        }
        chunk->previous = cur;
        chunk->prev_top = ts->datastack_top;
        ts->datastack_chunk = chunk;
        ts->datastack_top = (char *)chunk + sizeof(DataChunk);
        ts->datastack_limit = chunk->limit;
    }
    char *top = ts->datastack_top;
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

void wf_frame_pop(WfThreadState *ts, WfFrame *f) {
    DataChunk *chunk = ts->datastack_chunk;
    if ((char *)f == (char *)chunk + sizeof(DataChunk) && chunk->previous) {
        // First frame of a non-first chunk: go back to the previous chunk and
        // keep this one as its spare.
        DataChunk *prev = chunk->previous;
        ts->datastack_chunk = prev;
        ts->datastack_top = chunk->prev_top;
        ts->datastack_limit = prev->limit;
        // prev->spare is NULL here: pushing `chunk` took it (or freed it).
        prev->spare = chunk;
        return;
    }
    ts->datastack_top = (char *)f;
}

void wf_frame_datastack_free(WfThreadState *ts) {
    DataChunk *c = ts->datastack_chunk;
    while (c) {
        DataChunk *p = c->previous;
        DataChunk *s = c->spare;
        while (s) {
            DataChunk *n = s->spare;
            wf_mem_free(s);
            s = n;
        }
        wf_mem_free(c);
        c = p;
    }
    ts->datastack_chunk = NULL;
    ts->datastack_top = ts->datastack_limit = NULL;
}

void wf_frame_clear_stack(WfFrame *f) {
    WfStackRef *base = wf_frame_stack_base(f);
    WfStackRef *sp = f->sp;
    while (sp > base) {
        sp--;
        wf_stackref_xclose(*sp);
    }
    f->sp = base;
}

void wf_frame_clear(WfFrame *f) {
    if (f->frame_obj) {
        WfFrameObject *fo = f->frame_obj;
        f->frame_obj = NULL;
        if (wf_refcount_get((WfObject *)fo) > 1) {
            // Someone (a traceback, sys._getframe's caller) keeps the frame
            // object: it takes over the frame's contents.
            wf_frameobject_take_ownership(fo, f);
            wf_decref((WfObject *)fo);
            return;
        }
        fo->frame = NULL;
        fo->last_line = wf_frame_line(f);
        wf_decref((WfObject *)fo);
    }
    wf_frame_clear_stack(f);
    int n = f->code->co_nlocalsplus;
    for (int i = 0; i < n; i++) {
        WfStackRef r = f->localsplus[i];
        f->localsplus[i] = WF_STACKREF_NULL;
        wf_stackref_xclose(r);
    }
    WfStackRef fn = f->func;
    f->func = WF_STACKREF_NULL;
    wf_stackref_xclose(fn);
    WF_CLEAR(f->locals);
}

int wf_frame_line(WfFrame *f) {
    if (!f->code || !f->instr) return -1;
    return wf_code_line_at(f->code, f->instr - f->code->co_code);
}

WfFrameObject *wf_frame_get_object(WfFrame *f) {
    if (f->frame_obj) return f->frame_obj;
    WfFrameObject *fo = wf_frameobject_new(f);
    if (!fo) return NULL;
    f->frame_obj = fo;
    return fo;
}

WfObject *wf_frame_locals(WfFrame *f) {
    WfCodeObject *co = f->code;
    if (f->locals) return wf_newref(f->locals);
    if (!(co->co_flags & WF_CO_OPTIMIZED) && !f->locals) {
        // exec frame without a separate mapping: its globals.
        return wf_newref(f->globals);
    }
    WfObject *d = wf_dict_new();
    if (!d) return NULL;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        uint8_t kind = co->co_localspluskinds[i];
        if (kind & WF_CO_FAST_HIDDEN) continue;
        WfStackRef r = f->localsplus[i];
        if (wf_stackref_is_null(r)) continue;
        WfObject *v = wf_stackref_as_obj(r);
        if ((kind & (WF_CO_FAST_CELL | WF_CO_FAST_FREE)) && !wf_is_smallint(v) && v->ob_type == &wf_cell_type) {
            v = ((WfCellObject *)v)->ref;
            if (!v) continue;
        }
        if (wf_dict_set_item(d, wf_tuple_get_borrow(co->co_localsplusnames, i), v) < 0) {
            wf_decref(d);
            return NULL;
        }
    }
    return d;
}

void wf_frame_datastack_visit(WfThreadState *ts, void (*visit)(const uintptr_t *begin, const uintptr_t *end, void *arg),
                              void *arg) {
    // The newest chunk is used up to datastack_top; each older chunk up to
    // the top it had when its successor became current (the successor's
    // prev_top).
    char *top = ts->datastack_top;
    for (DataChunk *c = ts->datastack_chunk; c; c = c->previous) {
        char *begin = (char *)c + sizeof(DataChunk);
        if (top && top > begin) visit((const uintptr_t *)begin, (const uintptr_t *)top, arg);
        top = c->prev_top;
    }
}

// Which objects this thread recently loaded from globals while another
// thread owned them, and how often (a direct-mapped table: a collision just
// restarts a count). Sharing an object delays its release to the next
// deferred sweep, so only objects a thread keeps coming back to are shared:
// a global read once (a thread's setup) is still freed the moment its last
// reference goes, as in CPython.
#define SHARE_AFTER 8
static _Thread_local struct {
    WfObject *o;
    uint32_t loads;
} recent_loads[64];

static bool worth_sharing(WfObject *o) {
    size_t i = (size_t)((((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15u) >> 58);
    if (recent_loads[i].o != o) {
        recent_loads[i].o = o;
        recent_loads[i].loads = 1;
        return false;
    }
    return ++recent_loads[i].loads >= SHARE_AFTER;
}

WfStackRef wf_stackref_steal_global(WfObject *o) {
    if (wf_is_smallint(o)) return wf_stackref_steal(o);
    if (!(wf_gc_bits_load(o) & WF_GC_DEFERRED) && wf_ref_local_load(o) != WF_IMMORTAL_REFCNT &&
        wf_tid_load(o) != wf_current_tid && worth_sharing(o)) {
        wf_deferred_share(o);  // consumes our reference
        return (WfStackRef){(uintptr_t)o | WF_STACKREF_BORROWED};
    }
    return wf_stackref_steal_maybe_borrow(o);
}

void wf_frame_own_borrowed(WfFrame *f) {
    wf_stackref_own_borrowed(&f->func);
    for (WfStackRef *p = f->localsplus; p < f->sp; p++) wf_stackref_own_borrowed(p);
}
