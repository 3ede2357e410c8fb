// generator.c — generator and coroutine objects: creation from a frame
// (RETURN_GENERATOR), send/throw/close/__next__, `yield from` delegation of
// throw and close, and the bookkeeping the eval loop does when a generator
// frame yields or finishes.
//
// Invariants: see generator.h. `state` moves CREATED/SUSPENDED → RUNNING by a
// compare-and-swap (acq_rel: the winner sees the frame as the previous runner
// left it), RUNNING → SUSPENDED/COMPLETED by a release store when the frame
// yields or finishes. A second thread resuming a running generator gets
// "ValueError: generator already executing" instead of corrupting the frame.
#include <string.h>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"
#include "vm/frameobject.h"
#include "vm/generator.h"
#include "vm/opcodes.h"

#define GEN(o) ((WfGenObject *)(o))

bool wf_gen_check(WfObject *o) {
    WfTypeObject *t = wf_type_of(o);
    return t == &wf_generator_type || t == &wf_coroutine_type;
}
bool wf_coro_check(WfObject *o) { return wf_type_of(o) == &wf_coroutine_type; }

static bool is_coro(WfGenObject *g) { return g->ob_base.ob_type == &wf_coroutine_type; }
static bool is_async_gen(WfGenObject *g) { return g->ob_base.ob_type == &wf_async_gen_type; }
static const char *kind_name(WfGenObject *g) {
    return is_coro(g) ? "coroutine" : is_async_gen(g) ? "async generator" : "generator";
}

WfObject *wf_gen_of_frame(WfFrame *f) { return (WfObject *)((char *)f - offsetof(WfGenObject, frame)); }

static int gen_state(WfGenObject *g) { return atomic_load_explicit(&g->state, memory_order_acquire); }
int wf_gen_state(WfObject *gen) { return gen_state(GEN(gen)); }
static void set_state(WfGenObject *g, int s) {
    // Release: the frame's contents written by this thread are visible to the
    // next thread that resumes the generator (it acquires the state).
    atomic_store_explicit(&g->state, s, memory_order_release);
}

WfObject *wf_gen_new_from_frame(WfThreadState *ts, WfFrame *f) {
    WfCodeObject *co = f->code;
    WfTypeObject *type = (co->co_flags & WF_CO_COROUTINE)          ? &wf_coroutine_type
                         : (co->co_flags & WF_CO_ASYNC_GENERATOR) ? &wf_async_gen_type
                                                                   : &wf_generator_type;
    wf_ssize nslots = (wf_ssize)co->co_nlocalsplus + co->co_stacksize;
    WfGenObject *g = (WfGenObject *)wf_object_alloc_var(type, nslots);
    if (!g) return NULL;
    WfFrame *gf = &g->frame;
    gf->code = co;
    gf->previous = NULL;
    gf->func = f->func;
    f->func = WF_STACKREF_NULL;
    gf->globals = f->globals;
    gf->builtins = f->builtins;
    gf->locals = f->locals;
    f->locals = NULL;
    gf->instr = f->instr;
    gf->return_offset = f->return_offset;
    gf->stack_base = f->stack_base;
    gf->owner = WF_FRAME_OWNED_BY_GENERATOR;
    gf->is_entry = 0;
    gf->stopped = 0;
    gf->init_check = 0;
    gf->frame_obj = f->frame_obj;
    if (gf->frame_obj) gf->frame_obj->frame = gf;
    f->frame_obj = NULL;
    wf_ssize used = f->sp - f->localsplus;
    for (wf_ssize i = 0; i < used; i++) {
        gf->localsplus[i] = f->localsplus[i];
        f->localsplus[i] = WF_STACKREF_NULL;
    }
    gf->sp = gf->localsplus + used;
    wf_frame_own_borrowed(gf);  // the generator's frame is not scanned while suspended
    f->sp = wf_frame_stack_base(f);
    g->code = wf_newref((WfObject *)co);
    WfObject *func = wf_stackref_as_obj(gf->func);
    if (func && wf_function_check(func)) {
        g->name = wf_newref(((WfFunctionObject *)func)->name);
        g->qualname = wf_newref(((WfFunctionObject *)func)->qualname);
    } else {
        g->name = wf_newref(co->co_name);
        g->qualname = wf_newref(co->co_qualname);
    }
    g->exc_state.exc_value = NULL;
    g->exc_state.previous = NULL;
    atomic_store_explicit(&g->state, WF_GEN_CREATED, memory_order_relaxed);
    return (WfObject *)g;
}

// How the generator frame last run by this thread left the loop: 1 yielded,
// 0 finished. Read by gen_send_ex2 right after wf_eval_frame returns (the
// generator's own state may already have been changed by another thread).
static _Thread_local int last_run_yielded;

void wf_gen_frame_suspended(WfThreadState *ts, WfFrame *f) {
    WfGenObject *g = (WfGenObject *)wf_gen_of_frame(f);
    wf_frame_own_borrowed(f);  // the deferred sweep does not scan suspended frames
    ts->exc_info = g->exc_state.previous;
    g->exc_state.previous = NULL;
    last_run_yielded = 1;
    set_state(g, WF_GEN_SUSPENDED);
}

void wf_gen_frame_finished(WfThreadState *ts, WfFrame *f) {
    WfGenObject *g = (WfGenObject *)wf_gen_of_frame(f);
    if (ts->exc_info == &g->exc_state) ts->exc_info = g->exc_state.previous;
    g->exc_state.previous = NULL;
    f->stopped = 1;
    wf_frame_clear(f);
    WF_CLEAR(g->exc_state.exc_value);
    last_run_yielded = 0;
    set_state(g, WF_GEN_COMPLETED);
}

// The object a suspended `yield from` / `await` delegates to (new ref) or NULL.
static WfObject *gen_yf(WfGenObject *g);
WfObject *wf_gen_yieldfrom(WfObject *gen) { return gen_yf(GEN(gen)); }
static WfObject *gen_yf(WfGenObject *g) {
    if (gen_state(g) != WF_GEN_SUSPENDED) return NULL;
    WfFrame *f = &g->frame;
    uint32_t next = __atomic_load_n(f->instr + 1, __ATOMIC_RELAXED);
    if (WF_INSTR_OP(next) != WF_OP_RESUME || WF_INSTR_ARG(next) < 2) return NULL;
    if (f->sp <= wf_frame_stack_base(f)) return NULL;
    return wf_newref(wf_stackref_as_obj(f->sp[-1]));
}

// Run the generator with `arg` sent (or the pending exception thrown when
// exc). Returns the yielded value (*is_return = 0), the returned value
// (*is_return = 1), or NULL with an exception.
static WfObject *gen_send_ex2(WfGenObject *g, WfObject *arg, int exc, int closing, int *is_return) {
    WfThreadState *ts = wf_tstate();
    *is_return = 0;
    int state = gen_state(g);
    if (state == WF_GEN_CREATED && !exc && arg && arg != wf_None) {
        wf_err_format(&wf_exc_TypeError, "can't send non-None value to a just-started %s", kind_name(g));
        return NULL;
    }
    if (state == WF_GEN_RUNNING) {
        wf_err_format(&wf_exc_ValueError, "%s already executing", kind_name(g));
        return NULL;
    }
    if (state >= WF_GEN_COMPLETED) {
        if (is_coro(g) && !closing) {
            wf_err_set_string(&wf_exc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            *is_return = 1;
            return wf_None;
        }
        return NULL;
    }
    if (!atomic_compare_exchange_strong_explicit(&g->state, &state, WF_GEN_RUNNING, memory_order_acq_rel,
                                                 memory_order_acquire)) {
        wf_err_format(&wf_exc_ValueError, "%s already executing", kind_name(g));
        return NULL;
    }
    WfFrame *f = &g->frame;
    *f->sp++ = wf_stackref_new(arg ? arg : wf_None);
    g->exc_state.previous = ts->exc_info;
    ts->exc_info = &g->exc_state;
    last_run_yielded = 0;
    WfObject *result = wf_eval_frame(ts, f, exc);
    if (last_run_yielded) return result;
    // The frame finished.
    if (result) *is_return = 1;
    return result;
}

WfObject *wf_gen_send_ex(WfObject *gen, WfObject *value, int *is_return) {
    return gen_send_ex2(GEN(gen), value, 0, 0, is_return);
}

static void set_stop_iteration_value(WfObject *value) {
    if (value == wf_None) {
        wf_err_set_none(&wf_exc_StopIteration);
        return;
    }
    WfObject *e = wf_exception_new(&wf_exc_StopIteration, &value, 1);
    if (e) wf_err_set_exc_take(e);
}

static WfObject *gen_send_ex(WfGenObject *g, WfObject *arg, int exc, int closing) {
    int is_return;
    WfObject *r = gen_send_ex2(g, arg, exc, closing, &is_return);
    if (r && is_return) {
        if (is_async_gen(g)) wf_err_set_none(&wf_exc_StopAsyncIteration);
        else set_stop_iteration_value(r);
        wf_decref(r);
        return NULL;
    }
    return r;
}

WfObject *wf_gen_send_raising(WfObject *gen, WfObject *arg, int exc, int closing) {
    return gen_send_ex(GEN(gen), arg, exc, closing);
}

static WfObject *gen_send(WfObject *self, WfObject *arg) { return gen_send_ex(GEN(self), arg, 0, 0); }

static WfObject *gen_iternext(WfObject *self) {
    int is_return;
    WfObject *r = gen_send_ex2(GEN(self), NULL, 0, 0, &is_return);
    if (r && is_return) {
        if (r != wf_None) set_stop_iteration_value(r);
        wf_decref(r);
        return NULL;
    }
    return r;
}

static WfObject *gen_close(WfObject *self, WfObject *unused);

static int gen_close_iter(WfObject *yf) {
    WfObject *retval = NULL;
    if (wf_gen_check(yf)) {
        retval = gen_close(yf, NULL);
        if (!retval) return -1;
    } else {
        WfObject *meth = NULL;
        if (wf_object_lookup_attr(yf, WF_ID(close), &meth) < 0) wf_err_write_unraisable(yf);
        if (meth) {
            retval = wf_object_call_noargs(meth);
            wf_decref(meth);
            if (!retval) return -1;
        }
    }
    wf_xdecref(retval);
    return 0;
}

static WfObject *gen_close(WfObject *self, WfObject *unused) {
    WfGenObject *g = GEN(self);
    int state = gen_state(g);
    if (state == WF_GEN_CREATED) {
        // Never started: nothing can observe GeneratorExit.
        int expected = WF_GEN_CREATED;
        if (atomic_compare_exchange_strong_explicit(&g->state, &expected, WF_GEN_RUNNING, memory_order_acq_rel,
                                                    memory_order_acquire)) {
            g->frame.stopped = 1;
            wf_frame_clear(&g->frame);
            set_state(g, WF_GEN_COMPLETED);
            return wf_None;
        }
    }
    WfObject *yf = gen_yf(g);
    int err = 0;
    if (yf) {
        set_state(g, WF_GEN_RUNNING);
        err = gen_close_iter(yf);
        set_state(g, WF_GEN_SUSPENDED);
        wf_decref(yf);
    }
    if (err == 0) wf_err_set_none(&wf_exc_GeneratorExit);
    WfObject *retval = gen_send_ex(g, wf_None, 1, 1);
    if (retval) {
        wf_decref(retval);
        wf_err_format(&wf_exc_RuntimeError, "%s ignored GeneratorExit", kind_name(g));
        return NULL;
    }
    if (wf_err_matches(&wf_exc_StopIteration) || wf_err_matches(&wf_exc_GeneratorExit)) {
        wf_err_clear();
        return wf_None;
    }
    return NULL;
}

static WfObject *gen_throw_impl(WfGenObject *g, int close_on_genexit, WfObject *typ, WfObject *val, WfObject *tb) {
    WfObject *yf = gen_yf(g);
    if (yf) {
        WfObject *ret;
        if (wf_err_given_matches(typ, (WfObject *)&wf_exc_GeneratorExit) && close_on_genexit) {
            set_state(g, WF_GEN_RUNNING);
            int err = gen_close_iter(yf);
            set_state(g, WF_GEN_SUSPENDED);
            wf_decref(yf);
            if (err < 0) return gen_send_ex(g, wf_None, 1, 0);
            goto throw_here;
        }
        if (wf_gen_check(yf)) {
            WfThreadState *ts = wf_tstate();
            // Show the delegating frame in tracebacks of the inner generator.
            WfFrame *prev = ts->current_frame;
            g->frame.previous = prev;
            ts->current_frame = &g->frame;
            set_state(g, WF_GEN_RUNNING);
            ret = gen_throw_impl(GEN(yf), close_on_genexit, typ, val, tb);
            set_state(g, WF_GEN_SUSPENDED);
            ts->current_frame = prev;
            g->frame.previous = NULL;
        } else {
            WfObject *meth = NULL;
            if (wf_object_lookup_attr(yf, WF_ID(throw), &meth) < 0) {
                wf_decref(yf);
                return NULL;
            }
            if (!meth) {
                wf_decref(yf);
                goto throw_here;
            }
            set_state(g, WF_GEN_RUNNING);
            WfObject *args[3] = {typ, val ? val : wf_None, tb ? tb : wf_None};
            ret = wf_object_call(meth, args, 3, NULL);
            set_state(g, WF_GEN_SUSPENDED);
            wf_decref(meth);
        }
        wf_decref(yf);
        if (!ret) ret = gen_send_ex(g, wf_None, 1, 0);
        return ret;
    }
throw_here:
    if (tb == wf_None) tb = NULL;
    else if (tb && wf_type_of(tb) != &wf_traceback_type) {
        wf_err_set_string(&wf_exc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    WfObject *value;
    if (wf_exception_class_check(typ)) {
        if (val && wf_exception_check(val) && wf_type_check(val, (WfTypeObject *)typ)) {
            value = wf_newref(val);
        } else {
            if (val == wf_None) val = NULL;
            wf_err_set_object((WfTypeObject *)typ, val);
            value = wf_err_fetch();
            if (!value) return NULL;
            if (!wf_exception_check(value)) {
                // __new__ returned something else
                wf_err_restore(value);
                return NULL;
            }
        }
    } else if (wf_exception_check(typ)) {
        if (val && val != wf_None) {
            wf_err_set_string(&wf_exc_TypeError, "instance exception may not have a separate value");
            return NULL;
        }
        value = wf_newref(typ);
    } else {
        wf_err_format(&wf_exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %s",
                      WF_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb) wf_exception_set_traceback(value, tb);
    wf_err_restore(value);
    return gen_send_ex(g, wf_None, 1, 0);
}

WfObject *wf_gen_throw_internal(WfObject *gen, int close_on_genexit, WfObject *typ, WfObject *val, WfObject *tb) {
    return gen_throw_impl(GEN(gen), close_on_genexit, typ, val, tb);
}

static WfObject *gen_throw(WfObject *self, WfObject *const *args, size_t nargs) {
    if (nargs < 1 || nargs > 3)
        return wf_err_format(&wf_exc_TypeError, "throw expected at least 1 argument, got %zd", (wf_ssize)nargs);
    if (nargs > 3) return wf_err_format(&wf_exc_TypeError, "throw expected at most 3 arguments, got %zd", (wf_ssize)nargs);
    return gen_throw_impl(GEN(self), 1, args[0], nargs > 1 ? args[1] : NULL, nargs > 2 ? args[2] : NULL);
}

static WfObject *gen_iter_self(WfObject *self) { return wf_newref(self); }

static void gen_finalize(WfObject *self) {
    WfGenObject *g = GEN(self);
    if (gen_state(g) != WF_GEN_SUSPENDED) return;
    WfObject *saved = wf_err_fetch();
    WfObject *r = gen_close(self, NULL);
    if (r) wf_decref(r);
    else wf_err_write_unraisable(self);
    wf_err_restore(saved);
}

// Run the finalizer of an object whose count reached zero. The object is
// temporarily revived with one reference owned by this thread (nobody else can
// hold one). Returns true if the finalizer resurrected it (stop deallocating).
static bool finalize_from_dealloc(WfObject *self, void (*fin)(WfObject *)) {
    __atomic_store_n(&self->ob_tid, wf_current_tid, __ATOMIC_RELAXED);
    wf_ref_local_store(self, 1);
    atomic_store_explicit(&self->ob_ref_shared, 0, memory_order_relaxed);
    fin(self);
    if (wf_ref_local_load(self) == 1 && wf_tid_load(self) == wf_current_tid &&
        atomic_load_explicit(&self->ob_ref_shared, memory_order_acquire) == 0) {
        wf_ref_local_store(self, 0);
        return false;
    }
    wf_decref(self);
    return true;
}

static void warn_unawaited(WfGenObject *g) {
    WfObject *saved = wf_err_fetch();
    WfObject *msg = wf_str_from_format("coroutine '%U' was never awaited", g->qualname);
    const char *m = msg ? wf_str_as_utf8_borrow(msg) : NULL;
    if (m && wf_err_warn(&wf_exc_RuntimeWarning, m, 1) < 0) wf_err_write_unraisable((WfObject *)g);
    wf_xdecref(msg);
    wf_err_clear();
    wf_err_restore(saved);
}

void wf_gen_dealloc(WfObject *self);
void wf_gen_dealloc(WfObject *self) {
    WfGenObject *g = GEN(self);
    if (is_coro(g) && gen_state(g) == WF_GEN_CREATED) warn_unawaited(g);
    if (gen_state(g) == WF_GEN_SUSPENDED) {
        // close() may run Python code that sees the generator.
        if (finalize_from_dealloc(self, gen_finalize)) return;
    }
    if (gen_state(g) != WF_GEN_COMPLETED) {
        g->frame.stopped = 1;
        wf_frame_clear(&g->frame);
    }
    wf_xdecref(g->exc_state.exc_value);
    wf_xdecref(g->name);
    wf_xdecref(g->qualname);
    wf_xdecref(g->code);
    self->ob_type->tp_free(self);
}

int wf_gen_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    WfGenObject *g = GEN(self);
    if (g->code) {
        int r = visit(g->code, arg);
        if (r) return r;
    }
    if (gen_state(g) != WF_GEN_COMPLETED) {
        WfFrame *f = &g->frame;
        for (WfStackRef *p = f->localsplus; p < f->sp; p++) {
            if (wf_stackref_is_owned(*p)) {
                int r = visit(wf_stackref_as_obj(*p), arg);
                if (r) return r;
            }
        }
    }
    return 0;
}

WfObject *wf_gen_repr(WfObject *self) {
    const char *kind = is_coro(GEN(self)) ? "coroutine" : is_async_gen(GEN(self)) ? "async_generator" : "generator";
    return wf_str_from_format("<%s object %U at %p>", kind, GEN(self)->qualname, self);
}

static WfObject *gen_get_name(WfObject *self, void *c) { return wf_newref(GEN(self)->name); }
static int gen_set_name(WfObject *self, WfObject *v, void *c) {
    if (!v || !wf_str_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    WF_SETREF(GEN(self)->name, wf_newref(v));
    return 0;
}
static WfObject *gen_get_qualname(WfObject *self, void *c) { return wf_newref(GEN(self)->qualname); }
static int gen_set_qualname(WfObject *self, WfObject *v, void *c) {
    if (!v || !wf_str_check(v)) {
        wf_err_set_string(&wf_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    WF_SETREF(GEN(self)->qualname, wf_newref(v));
    return 0;
}
static WfObject *gen_get_running(WfObject *self, void *c) { return wf_bool_from(gen_state(GEN(self)) == WF_GEN_RUNNING); }
static WfObject *gen_get_suspended(WfObject *self, void *c) {
    return wf_bool_from(gen_state(GEN(self)) == WF_GEN_SUSPENDED);
}
static WfObject *gen_get_frame(WfObject *self, void *c) {
    WfGenObject *g = GEN(self);
    if (gen_state(g) == WF_GEN_COMPLETED) return wf_None;
    WfFrameObject *fo = wf_frame_get_object(&g->frame);
    return fo ? wf_newref((WfObject *)fo) : NULL;
}
static WfObject *gen_get_code(WfObject *self, void *c) { return wf_newref(GEN(self)->code); }
static WfObject *gen_get_yieldfrom(WfObject *self, void *c) {
    WfObject *yf = gen_yf(GEN(self));
    return yf ? yf : wf_None;
}

static const WfGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the generator", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the generator", NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, "object being iterated by yield from, or None", NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfObject *gen_sizeof(WfObject *self, WfObject *unused) {
    return wf_int_from_ssize((wf_ssize)(sizeof(WfGenObject) +
                                        wf_frame_size_slots((WfCodeObject *)GEN(self)->code) * sizeof(WfStackRef)));
}

static const WfMethodDef gen_methods[] = {
    WF_METHOD("send", gen_send, WF_METH_O,
              "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    WF_METHOD("throw", gen_throw, WF_METH_FASTCALL,
              "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or "
              "raise\nStopIteration."),
    WF_METHOD("close", gen_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside generator."),
    WF_METHOD("__sizeof__", gen_sizeof, WF_METH_NOARGS, "gen.__sizeof__() -> size of gen in memory, in bytes"),
    WF_METHOD_END,
};

WfTypeObject wf_generator_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "generator",
    .tp_basicsize = sizeof(WfGenObject),
    .tp_itemsize = sizeof(WfStackRef),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = wf_gen_dealloc,
    .tp_repr = wf_gen_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = gen_iter_self,
    .tp_iternext = gen_iternext,
    .tp_traverse = wf_gen_traverse,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_weaklistoffset = offsetof(WfGenObject, weakreflist),
};

// ---------------------------------------------------------------------------
// Coroutines

static WfObject *coro_get_await(WfObject *self, void *c) {
    WfObject *yf = gen_yf(GEN(self));
    return yf ? yf : wf_None;
}

static const WfGetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, "name of the coroutine", NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, "qualified name of the coroutine", NULL},
    {"cr_await", coro_get_await, NULL, "object being awaited on, or None", NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

typedef struct {
    WfObject ob_base;
    WfObject *coro;
} WfCoroWrapperObject;

static WfTypeObject coro_wrapper_type;

static WfObject *coro_await(WfObject *self, WfObject *unused) {
    WfCoroWrapperObject *w = (WfCoroWrapperObject *)wf_object_alloc(&coro_wrapper_type);
    if (!w) return NULL;
    w->coro = wf_newref(self);
    return (WfObject *)w;
}

static const WfMethodDef coro_methods[] = {
    WF_METHOD("send", gen_send, WF_METH_O,
              "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."),
    WF_METHOD("throw", gen_throw, WF_METH_FASTCALL,
              "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated "
              "value or raise\nStopIteration."),
    WF_METHOD("close", gen_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."),
    WF_METHOD("__await__", coro_await, WF_METH_NOARGS, "Return an iterator to be used in await expression."),
    WF_METHOD_END,
};

WfTypeObject wf_coroutine_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(WfGenObject),
    .tp_itemsize = sizeof(WfStackRef),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = wf_gen_dealloc,
    .tp_repr = wf_gen_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_traverse = wf_gen_traverse,
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_weaklistoffset = offsetof(WfGenObject, weakreflist),
};

#define WRAPPER(o) ((WfCoroWrapperObject *)(o))

static void coro_wrapper_dealloc(WfObject *self) {
    wf_xdecref(WRAPPER(self)->coro);
    self->ob_type->tp_free(self);
}
static WfObject *coro_wrapper_iternext(WfObject *self) { return gen_iternext(WRAPPER(self)->coro); }
static WfObject *coro_wrapper_send(WfObject *self, WfObject *arg) { return gen_send(WRAPPER(self)->coro, arg); }
static WfObject *coro_wrapper_throw(WfObject *self, WfObject *const *args, size_t nargs) {
    return gen_throw(WRAPPER(self)->coro, args, nargs);
}
static WfObject *coro_wrapper_close(WfObject *self, WfObject *unused) { return gen_close(WRAPPER(self)->coro, NULL); }

static const WfMethodDef coro_wrapper_methods[] = {
    WF_METHOD("send", coro_wrapper_send, WF_METH_O, "send(arg) -> send 'arg' into coroutine,\nreturn next yielded value or raise StopIteration."),
    WF_METHOD("throw", coro_wrapper_throw, WF_METH_FASTCALL, "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine."),
    WF_METHOD("close", coro_wrapper_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."),
    WF_METHOD_END,
};

static WfTypeObject coro_wrapper_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(WfCoroWrapperObject),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = coro_wrapper_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = gen_iter_self,
    .tp_iternext = coro_wrapper_iternext,
    .tp_methods = coro_wrapper_methods,
};

int wf_vm_generator_types_init(void) {
    if (wf_type_ready(&wf_generator_type) < 0) return -1;
    if (wf_type_ready(&wf_coroutine_type) < 0) return -1;
    if (wf_type_ready(&coro_wrapper_type) < 0) return -1;
    return 0;
}
