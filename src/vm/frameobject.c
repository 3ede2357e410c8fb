// frameobject.c — Python-visible frame objects (see frameobject.h for the
// invariant): f_code, f_globals, f_builtins, f_locals, f_lineno, f_lasti,
// f_back, f_trace, clear(), and sys._getframe support.
#include <string.h>

#include "objects/dict.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"
#include "vm/frameobject.h"
#include "vm/generator.h"

#define FO(o) ((WfFrameObject *)(o))

WfFrameObject *wf_frameobject_new(WfFrame *f) {
    WfFrameObject *fo = (WfFrameObject *)wf_object_alloc(&wf_frame_type);
    if (!fo) return NULL;
    fo->frame = f;
    fo->f_code = wf_newref((WfObject *)f->code);
    fo->f_globals = wf_xnewref(f->globals);
    fo->f_builtins = wf_xnewref(f->builtins);
    fo->last_line = -1;
    return fo;
}

void wf_frameobject_take_ownership(WfFrameObject *fo, WfFrame *f) {
    size_t used = (size_t)(f->sp - f->localsplus);
    size_t bytes = sizeof(WfFrame) + used * sizeof(WfStackRef);
    WfFrame *copy = wf_mem_malloc(bytes);
    // The previous frame's object becomes f_back (it is still executing).
    if (f->previous && !fo->f_back) {
        WfFrameObject *back = wf_frame_get_object(f->previous);
        if (back) fo->f_back = wf_newref((WfObject *)back);
        else wf_err_clear();
    }
    if (!copy) {
        // Out of memory: the frame object loses its contents.
        fo->frame = NULL;
        fo->last_line = wf_frame_line(f);
        return;
    }
    memcpy(copy, f, bytes);
    copy->owner = WF_FRAME_OWNED_BY_FRAME_OBJECT;
    copy->previous = NULL;
    copy->frame_obj = NULL;
    copy->is_entry = 0;
    copy->stopped = 1;
    copy->init_check = 0;
    copy->sp = copy->localsplus + used;
    wf_frame_own_borrowed(copy);  // copies are not scanned by the deferred sweep
    // The references moved into the copy.
    for (size_t i = 0; i < used; i++) f->localsplus[i] = WF_STACKREF_NULL;
    f->sp = f->localsplus + f->stack_base;
    if (f->sp > f->localsplus + used) f->sp = f->localsplus + used;
    f->func = WF_STACKREF_NULL;
    f->locals = NULL;
    fo->frame = copy;
    fo->owned = copy;
    fo->last_line = wf_frame_line(copy);
}

static void release_owned(WfFrameObject *fo) {
    WfFrame *copy = fo->owned;
    if (!copy) return;
    fo->owned = NULL;
    if (fo->frame == copy) fo->frame = NULL;
    wf_frame_clear(copy);
    wf_mem_free(copy);
}

static void frame_dealloc(WfObject *o) {
    WfFrameObject *fo = FO(o);
    release_owned(fo);
    wf_xdecref(fo->f_back);
    wf_xdecref(fo->f_code);
    wf_xdecref(fo->f_globals);
    wf_xdecref(fo->f_builtins);
    wf_xdecref(fo->f_trace);
    wf_xdecref(fo->f_locals_cache);
    o->ob_type->tp_free(o);
}

static int frame_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    WfFrameObject *fo = FO(o);
    WfObject *fields[] = {fo->f_back, fo->f_code, fo->f_globals, fo->f_builtins, fo->f_trace, fo->f_locals_cache};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r) return r;
        }
    if (fo->owned) {
        for (WfStackRef *p = fo->owned->localsplus; p < fo->owned->sp; p++)
            if (wf_stackref_is_owned(*p)) {
                int r = visit(wf_stackref_as_obj(*p), arg);
                if (r) return r;
            }
    }
    return 0;
}

static int frame_lineno(WfFrameObject *fo) {
    if (fo->frame) return wf_frame_line(fo->frame);
    return fo->last_line;
}

static WfObject *frame_repr(WfObject *o) {
    WfFrameObject *fo = FO(o);
    WfCodeObject *co = (WfCodeObject *)fo->f_code;
    return wf_str_from_format("<frame at %p, file %R, line %d, code %U>", o, co->co_filename, frame_lineno(fo),
                              co->co_name);
}

static WfObject *frame_get_code(WfObject *o, void *c) { return wf_newref(FO(o)->f_code); }
static WfObject *frame_get_globals(WfObject *o, void *c) { return wf_newref(FO(o)->f_globals ? FO(o)->f_globals : wf_None); }
static WfObject *frame_get_builtins(WfObject *o, void *c) {
    return wf_newref(FO(o)->f_builtins ? FO(o)->f_builtins : wf_None);
}
static WfObject *frame_get_lineno(WfObject *o, void *c) {
    int line = frame_lineno(FO(o));
    if (line < 0) return wf_None;
    return wf_smallint_new(line);
}
static WfObject *frame_get_lasti(WfObject *o, void *c) {
    WfFrameObject *fo = FO(o);
    if (!fo->frame) return wf_smallint_new(-1);
    return wf_smallint_new((intptr_t)wf_frame_lasti(fo->frame) * 2);
}
static WfObject *frame_get_locals(WfObject *o, void *c) {
    WfFrameObject *fo = FO(o);
    if (!fo->frame) {
        if (!fo->f_locals_cache) fo->f_locals_cache = wf_dict_new();
        return wf_xnewref(fo->f_locals_cache);
    }
    WfObject *d = wf_frame_locals(fo->frame);
    if (d && wf_dict_check_exact(d) && !fo->frame->locals) {
        // Keep the snapshot so repeated f_locals reads return the same dict.
        WF_SETREF(fo->f_locals_cache, wf_newref(d));
    }
    return d;
}
static WfObject *frame_get_back(WfObject *o, void *c) {
    WfFrameObject *fo = FO(o);
    if (fo->f_back) return wf_newref(fo->f_back);
    WfFrame *f = fo->frame;
    if (!f || f->owner == WF_FRAME_OWNED_BY_FRAME_OBJECT || !f->previous) return wf_None;
    WfFrameObject *back = wf_frame_get_object(f->previous);
    return back ? wf_newref((WfObject *)back) : NULL;
}
static WfObject *frame_get_trace(WfObject *o, void *c) { return wf_newref(FO(o)->f_trace ? FO(o)->f_trace : wf_None); }
static int frame_set_trace(WfObject *o, WfObject *v, void *c) {
    if (v == wf_None) v = NULL;
    WF_SETREF(FO(o)->f_trace, wf_xnewref(v));
    return 0;
}
static WfObject *frame_get_trace_lines(WfObject *o, void *c) { return wf_True; }
static int frame_set_trace_lines(WfObject *o, WfObject *v, void *c) { return 0; }

static const WfGetSetDef frame_getset[] = {
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfObject *frame_clear_method(WfObject *o, WfObject *unused) {
    WfFrameObject *fo = FO(o);
    WfFrame *f = fo->frame;
    if (!f) return wf_None;
    if (f->owner == WF_FRAME_OWNED_BY_FRAME_OBJECT) {
        release_owned(fo);
        return wf_None;
    }
    if (f->owner == WF_FRAME_OWNED_BY_GENERATOR) {
        WfObject *gen = wf_gen_of_frame(f);
        if (atomic_load_explicit(&((WfGenObject *)gen)->state, memory_order_acquire) == WF_GEN_RUNNING)
            return wf_err_format(&wf_exc_RuntimeError, "cannot clear an executing frame");
        WfObject *r = wf_object_call_method_cstr(gen, "close", NULL, 0);
        if (!r) return NULL;
        wf_decref(r);
        return wf_None;
    }
    return wf_err_format(&wf_exc_RuntimeError, "cannot clear an executing frame");
}

static WfObject *frame_sizeof(WfObject *o, WfObject *unused) {
    WfCodeObject *co = (WfCodeObject *)FO(o)->f_code;
    return wf_int_from_ssize((wf_ssize)(sizeof(WfFrameObject) + wf_frame_size_slots(co) * sizeof(WfStackRef)));
}

static const WfMethodDef frame_methods[] = {
    WF_METHOD("clear", frame_clear_method, WF_METH_NOARGS, "F.clear(): clear most references held by the frame"),
    WF_METHOD("__sizeof__", frame_sizeof, WF_METH_NOARGS, "F.__sizeof__() -> size of F in memory, in bytes"),
    WF_METHOD_END,
};

WfTypeObject wf_frame_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "frame",
    .tp_basicsize = sizeof(WfFrameObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_traverse = frame_traverse,
    .tp_getset = frame_getset,
    .tp_methods = frame_methods,
};

WfObject *wf_frameobject_get_current(int depth) {
    WfThreadState *ts = wf_tstate();
    WfFrame *f = ts ? ts->current_frame : NULL;
    while (depth > 0 && f) {
        f = f->previous;
        depth--;
    }
    if (!f) return wf_err_format(&wf_exc_ValueError, "call stack is not deep enough");
    WfFrameObject *fo = wf_frame_get_object(f);
    return fo ? wf_newref((WfObject *)fo) : NULL;
}
