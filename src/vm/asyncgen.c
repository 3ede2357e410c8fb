// asyncgen.c — async generators (`async def` with `yield`): the generator
// object's asend()/athrow()/aclose()/__anext__ awaitables and the wrapper that
// marks values produced by `yield` (as opposed to values an inner `await`
// passes through), as CPython's Objects/genobject.c.
//
// Invariants:
// - An async generator is a WfGenObject of type wf_async_gen_type whose frame
//   yields either a wrapped value (an `async yield`, wrapped by the
//   ASYNC_GEN_WRAP intrinsic) or a raw value from an awaited object.
// - An asend/athrow awaitable moves INIT → ITER → CLOSED; CLOSED awaitables
//   refuse to run again. ag_running_async is set while one of them drives the
//   generator and cleared when it produces a value or finishes.
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "vm/eval_internal.h"
#include "vm/frameobject.h"
#include "vm/generator.h"

#define AGEN(o) ((WfGenObject *)(o))

enum { AWAITABLE_INIT = 0, AWAITABLE_ITER = 1, AWAITABLE_CLOSED = 2 };

// --- wrapped values -----------------------------------------------------------

typedef struct {
    WfObject ob_base;
    WfObject *val;
} WrappedValue;

static void wrapped_dealloc(WfObject *o) {
    wf_xdecref(((WrappedValue *)o)->val);
    o->ob_type->tp_free(o);
}

static WfTypeObject wrapped_value_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(WrappedValue),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = wrapped_dealloc,
};

WfObject *wf_async_gen_wrap_value(WfObject *v) {
    WrappedValue *w = (WrappedValue *)wf_object_alloc(&wrapped_value_type);
    if (!w) return NULL;
    w->val = wf_newref(v);
    return (WfObject *)w;
}

static bool is_wrapped(WfObject *o) { return o && wf_type_of(o) == &wrapped_value_type; }

static void set_stop_iteration_value(WfObject *value) {
    if (value == wf_None) {
        wf_err_set_none(&wf_exc_StopIteration);
        return;
    }
    WfObject *e = wf_exception_new(&wf_exc_StopIteration, &value, 1);
    if (e) wf_err_set_exc_take(e);
}

// A value from the generator's frame: a wrapped `yield` completes the
// awaitable (StopIteration(value)); a raw value passes through to the awaiter.
static WfObject *unwrap_value(WfGenObject *g, WfObject *result) {
    if (!result) {
        if (!wf_err_occurred()) wf_err_set_none(&wf_exc_StopAsyncIteration);
        if (wf_err_matches(&wf_exc_StopAsyncIteration) || wf_err_matches(&wf_exc_GeneratorExit)) g->ag_closed = 1;
        g->ag_running_async = 0;
        return NULL;
    }
    if (is_wrapped(result)) {
        set_stop_iteration_value(((WrappedValue *)result)->val);
        wf_decref(result);
        g->ag_running_async = 0;
        return NULL;
    }
    return result;
}

// --- asend -------------------------------------------------------------------

typedef struct {
    WfObject ob_base;
    WfObject *gen;
    WfObject *sendval;
    int state;
} ASend;

static WfTypeObject asend_type;

static WfObject *asend_new(WfObject *gen, WfObject *sendval) {
    ASend *o = (ASend *)wf_object_alloc(&asend_type);
    if (!o) return NULL;
    o->gen = wf_newref(gen);
    o->sendval = wf_xnewref(sendval);
    o->state = AWAITABLE_INIT;
    return (WfObject *)o;
}

static void asend_dealloc(WfObject *self) {
    wf_xdecref(((ASend *)self)->gen);
    wf_xdecref(((ASend *)self)->sendval);
    self->ob_type->tp_free(self);
}

static WfObject *asend_send(WfObject *self, WfObject *arg) {
    ASend *o = (ASend *)self;
    WfGenObject *g = AGEN(o->gen);
    if (o->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (o->state == AWAITABLE_INIT) {
        if (g->ag_running_async)
            return wf_err_format(&wf_exc_RuntimeError, "anext(): asynchronous generator is already running");
        if (!arg || arg == wf_None) arg = o->sendval;
        o->state = AWAITABLE_ITER;
    }
    g->ag_running_async = 1;
    WfObject *r = unwrap_value(g, wf_gen_send_raising(o->gen, arg ? arg : wf_None, 0, 0));
    if (!r) o->state = AWAITABLE_CLOSED;
    return r;
}

static WfObject *asend_iternext(WfObject *self) { return asend_send(self, NULL); }

static int unpack_throw_args(const char *name, WfObject *const *args, size_t nargs, WfObject **typ, WfObject **val,
                             WfObject **tb) {
    if (nargs < 1 || nargs > 3) {
        wf_err_format(&wf_exc_TypeError, "%s expected at least 1 argument, got %zd", name, (wf_ssize)nargs);
        if (nargs > 3) {
            wf_err_clear();
            wf_err_format(&wf_exc_TypeError, "%s expected at most 3 arguments, got %zd", name, (wf_ssize)nargs);
        }
        return -1;
    }
    *typ = args[0];
    *val = nargs > 1 ? args[1] : NULL;
    *tb = nargs > 2 ? args[2] : NULL;
    return 0;
}

static WfObject *asend_throw(WfObject *self, WfObject *const *args, size_t nargs) {
    ASend *o = (ASend *)self;
    if (o->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    WfObject *typ, *val, *tb;
    if (unpack_throw_args("throw", args, nargs, &typ, &val, &tb) < 0) return NULL;
    WfObject *r = unwrap_value(AGEN(o->gen), wf_gen_throw_internal(o->gen, 1, typ, val, tb));
    if (!r) o->state = AWAITABLE_CLOSED;
    return r;
}

static WfObject *asend_close(WfObject *self, WfObject *unused) {
    ((ASend *)self)->state = AWAITABLE_CLOSED;
    return wf_None;
}

static WfObject *iter_self(WfObject *self) { return wf_newref(self); }

static WfObject *await_self(WfObject *self, WfObject *unused) { return wf_newref(self); }

static const WfMethodDef asend_methods[] = {
    WF_METHOD("__await__", await_self, WF_METH_NOARGS, "Return an iterator to be used in await expression."),
    WF_METHOD("send", asend_send, WF_METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    WF_METHOD("throw", asend_throw, WF_METH_FASTCALL, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    WF_METHOD("close", asend_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside generator."),
    WF_METHOD_END,
};

static WfTypeObject asend_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(ASend),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = asend_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

// --- athrow / aclose ----------------------------------------------------------

typedef struct {
    WfObject ob_base;
    WfObject *gen;
    WfObject *args;  // tuple (athrow) or NULL (aclose)
    int state;
} AThrow;

static WfTypeObject athrow_type;

static WfObject *athrow_new(WfObject *gen, WfObject *args) {
    AThrow *o = (AThrow *)wf_object_alloc(&athrow_type);
    if (!o) return NULL;
    o->gen = wf_newref(gen);
    o->args = wf_xnewref(args);
    o->state = AWAITABLE_INIT;
    return (WfObject *)o;
}

static void athrow_dealloc(WfObject *self) {
    wf_xdecref(((AThrow *)self)->gen);
    wf_xdecref(((AThrow *)self)->args);
    self->ob_type->tp_free(self);
}

static WfObject *athrow_check_error(AThrow *o) {
    WfGenObject *g = AGEN(o->gen);
    g->ag_running_async = 0;
    o->state = AWAITABLE_CLOSED;
    if ((wf_err_matches(&wf_exc_StopAsyncIteration) || wf_err_matches(&wf_exc_GeneratorExit)) && !o->args) {
        // aclose() is done: its await just finishes.
        wf_err_clear();
        wf_err_set_none(&wf_exc_StopIteration);
    }
    return NULL;
}

static WfObject *athrow_yield_close(AThrow *o) {
    AGEN(o->gen)->ag_running_async = 0;
    o->state = AWAITABLE_CLOSED;
    return wf_err_format(&wf_exc_RuntimeError, "async generator ignored GeneratorExit");
}

static WfObject *athrow_send(WfObject *self, WfObject *arg) {
    AThrow *o = (AThrow *)self;
    WfGenObject *g = AGEN(o->gen);
    if (o->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (wf_gen_state(o->gen) >= WF_GEN_COMPLETED) {
        o->state = AWAITABLE_CLOSED;
        wf_err_set_none(&wf_exc_StopIteration);
        return NULL;
    }
    WfObject *retval;
    if (o->state == AWAITABLE_INIT) {
        if (g->ag_running_async) {
            o->state = AWAITABLE_CLOSED;
            return wf_err_format(&wf_exc_RuntimeError, "%s(): asynchronous generator is already running",
                                 o->args ? "athrow" : "aclose");
        }
        if (g->ag_closed) {
            o->state = AWAITABLE_CLOSED;
            wf_err_set_none(&wf_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg && arg != wf_None)
            return wf_err_format(&wf_exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        o->state = AWAITABLE_ITER;
        g->ag_running_async = 1;
        if (!o->args) {
            g->ag_closed = 1;
            retval = wf_gen_throw_internal(o->gen, 0, (WfObject *)&wf_exc_GeneratorExit, NULL, NULL);
            if (retval && is_wrapped(retval)) {
                wf_decref(retval);
                return athrow_yield_close(o);
            }
        } else {
            WfObject **a = wf_tuple_items(o->args);
            wf_ssize n = wf_tuple_size(o->args);
            retval = wf_gen_throw_internal(o->gen, 0, a[0], n > 1 ? a[1] : NULL, n > 2 ? a[2] : NULL);
            retval = unwrap_value(g, retval);
        }
        if (!retval) return athrow_check_error(o);
        return retval;
    }
    retval = wf_gen_send_raising(o->gen, arg ? arg : wf_None, 0, 0);
    if (o->args) return unwrap_value(g, retval);
    if (retval) {
        if (is_wrapped(retval)) {
            wf_decref(retval);
            return athrow_yield_close(o);
        }
        return retval;
    }
    return athrow_check_error(o);
}

static WfObject *athrow_iternext(WfObject *self) { return athrow_send(self, wf_None); }

static WfObject *athrow_throw(WfObject *self, WfObject *const *args, size_t nargs) {
    AThrow *o = (AThrow *)self;
    if (o->state == AWAITABLE_CLOSED)
        return wf_err_format(&wf_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    WfObject *typ, *val, *tb;
    if (unpack_throw_args("throw", args, nargs, &typ, &val, &tb) < 0) return NULL;
    WfObject *retval = wf_gen_throw_internal(o->gen, 0, typ, val, tb);
    if (o->args) return unwrap_value(AGEN(o->gen), retval);
    if (retval && is_wrapped(retval)) {
        wf_decref(retval);
        return athrow_yield_close(o);
    }
    if (!retval) return athrow_check_error(o);
    return retval;
}

static WfObject *athrow_close(WfObject *self, WfObject *unused) {
    ((AThrow *)self)->state = AWAITABLE_CLOSED;
    return wf_None;
}

static const WfMethodDef athrow_methods[] = {
    WF_METHOD("__await__", await_self, WF_METH_NOARGS, "Return an iterator to be used in await expression."),
    WF_METHOD("send", athrow_send, WF_METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."),
    WF_METHOD("throw", athrow_throw, WF_METH_FASTCALL, "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."),
    WF_METHOD("close", athrow_close, WF_METH_NOARGS, "close() -> raise GeneratorExit inside generator."),
    WF_METHOD_END,
};

static WfTypeObject athrow_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(AThrow),
    .tp_flags = WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = athrow_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_iter = iter_self,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

// --- the async generator --------------------------------------------------------

static WfObject *agen_anext(WfObject *self) { return asend_new(self, NULL); }
static WfObject *agen_anext_meth(WfObject *self, WfObject *unused) { return asend_new(self, NULL); }
static WfObject *agen_asend(WfObject *self, WfObject *arg) { return asend_new(self, arg); }
static WfObject *agen_athrow(WfObject *self, WfObject *const *args, size_t nargs) {
    if (nargs < 1 || nargs > 3) {
        if (nargs > 3) return wf_err_format(&wf_exc_TypeError, "athrow expected at most 3 arguments, got %zd", (wf_ssize)nargs);
        return wf_err_format(&wf_exc_TypeError, "athrow expected at least 1 argument, got %zd", (wf_ssize)nargs);
    }
    WfObject *t = wf_tuple_from_array(args, (wf_ssize)nargs);
    if (!t) return NULL;
    WfObject *r = athrow_new(self, t);
    wf_decref(t);
    return r;
}
static WfObject *agen_aclose(WfObject *self, WfObject *unused) { return athrow_new(self, NULL); }
static WfObject *agen_aiter(WfObject *self, WfObject *unused) { return wf_newref(self); }

static WfObject *agen_get_name(WfObject *self, void *c) { return wf_newref(AGEN(self)->name); }
static WfObject *agen_get_qualname(WfObject *self, void *c) { return wf_newref(AGEN(self)->qualname); }
static WfObject *agen_get_code(WfObject *self, void *c) { return wf_newref(AGEN(self)->code); }
static WfObject *agen_get_running(WfObject *self, void *c) { return wf_bool_from(AGEN(self)->ag_running_async); }
static WfObject *agen_get_suspended(WfObject *self, void *c) {
    return wf_bool_from(wf_gen_state(self) == WF_GEN_SUSPENDED);
}
static WfObject *agen_get_frame(WfObject *self, void *c) {
    if (wf_gen_state(self) == WF_GEN_COMPLETED) return wf_None;
    WfFrameObject *fo = wf_frame_get_object(&AGEN(self)->frame);
    return fo ? wf_newref((WfObject *)fo) : NULL;
}
static WfObject *agen_get_await(WfObject *self, void *c) {
    WfObject *yf = wf_gen_yieldfrom(self);
    return yf ? yf : wf_None;
}

static const WfGetSetDef agen_getset[] = {
    {"__name__", agen_get_name, NULL, "name of the async generator", NULL},
    {"__qualname__", agen_get_qualname, NULL, "qualified name of the async generator", NULL},
    {"ag_await", agen_get_await, NULL, "object being awaited on, or None", NULL},
    {"ag_frame", agen_get_frame, NULL, NULL, NULL},
    {"ag_running", agen_get_running, NULL, NULL, NULL},
    {"ag_code", agen_get_code, NULL, NULL, NULL},
    {"ag_suspended", agen_get_suspended, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static const WfMethodDef agen_methods[] = {
    WF_METHOD("asend", agen_asend, WF_METH_O, "asend(v) -> send 'v' in generator."),
    WF_METHOD("athrow", agen_athrow, WF_METH_FASTCALL, "athrow(typ[,val[,tb]]) -> raise exception in generator."),
    WF_METHOD("aclose", agen_aclose, WF_METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."),
    WF_METHOD("__aiter__", agen_aiter, WF_METH_NOARGS, "Return an awaitable, that resolves in asynchronous iterator."),
    WF_METHOD("__anext__", agen_anext_meth, WF_METH_NOARGS, "Return a value or raise StopAsyncIteration."),
    WF_METHOD_END,
};

WfTypeObject wf_async_gen_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(WfGenObject),
    .tp_itemsize = sizeof(WfStackRef),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE | WF_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_dealloc = wf_gen_dealloc,
    .tp_repr = wf_gen_repr,
    .tp_getattro = wf_object_generic_getattr,
    .tp_traverse = wf_gen_traverse,
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
    .tp_weaklistoffset = offsetof(WfGenObject, weakreflist),
};

int wf_vm_asyncgen_init(void) {
    (void)agen_anext;
    WfTypeObject *types[] = {&wf_async_gen_type, &asend_type, &athrow_type, &wrapped_value_type};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (wf_type_ready(types[i]) < 0) return -1;
    return 0;
}
