// eval.c — the bytecode interpreter loop.
//
// Invariants:
// - One C function, wf_eval_frame, runs Python-to-Python calls without
//   recursing in C: CALL pushes the callee's frame on the thread's data stack
//   and continues in the same loop; RETURN_VALUE pops it and resumes the caller
//   at frame->instr + frame->return_offset. C re-enters the loop only through C
//   calls (builtins calling Python, generator resumption), each such entry
//   frame being marked is_entry.
// - Registers: `frame` is ts->current_frame; `next_instr` the unit after the
//   current instruction (after DISPATCH, before its caches); `sp` one past the
//   top of frame's evaluation stack. frame->instr is the current instruction.
//   frame->sp is saved before anything that may run other frames or inspect
//   this one; the registers are reloaded from the frame after a frame switch.
// - The evaluation stack and local slots hold WfStackRefs (vm/stackref.h). An
//   instruction that fails jumps to `error` with every stack slot still holding
//   a valid reference (or NULL); the unwinder closes the slots above the
//   handler's depth.
// - Opcode bodies live in the eval_ops_*.inc files, grouped by concern, and are
//   textually included inside wf_eval_frame.
#include <pthread.h>
#include <signal.h>

#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "vm/call.h"
#include "vm/eval_helpers.h"
#include "vm/eval_internal.h"
#include "vm/frameobject.h"
#include "vm/opcodes.h"
#include "vm/specialize.h"

enum {
#define X(name, cache) CACHE_##name = (cache),
    WF_OPCODES(X)
#undef X
};

// ---------------------------------------------------------------------------
// C stack guard: besides c_recursion_remaining, refuse to enter the loop when
// less than a safety margin of the thread's C stack is left.

static _Thread_local char *c_stack_limit;
#define C_STACK_MARGIN (256 * 1024)

static void init_c_stack_limit(void) {
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
    }
    if (addr && size > 2 * C_STACK_MARGIN) c_stack_limit = (char *)addr + C_STACK_MARGIN;
    else c_stack_limit = (char *)1;
}

WF_INLINE bool c_stack_exhausted(void) {
    char here;
    if (WF_UNLIKELY(!c_stack_limit)) init_c_stack_limit();
    return &here < c_stack_limit;
}

int wf_enter_recursive_call(const char *where) {
    WfThreadState *ts = wf_tstate();
    if (ts->recursion_remaining-- <= 0 || c_stack_exhausted()) {
        ts->recursion_remaining++;
        wf_err_format(&wf_exc_RecursionError, "maximum recursion depth exceeded%s", where ? where : "");
        return -1;
    }
    return 0;
}

void wf_leave_recursive_call(void) { wf_tstate()->recursion_remaining++; }

// ---------------------------------------------------------------------------
// Eval breaker

static WfThreadState *main_thread_state;
void wf_refcount_merge_queued(WfThreadState *ts);  // runtime/refcount.c

void wf_eval_signal_pending(void) {
    WfThreadState *ts = main_thread_state;
    // Release: the handler's writes (e.g. the tripped-signal flags) are seen by
    // the thread that acquires the breaker. Lock-free, so async-signal-safe.
    if (ts) atomic_fetch_or_explicit(&ts->eval_breaker, WF_EVAL_BREAKER_SIGNALS, memory_order_release);
}

static int handle_breaker(WfThreadState *ts, bool merge) {
    // Acquire pairs with the setters' release (queued objects, signal flags).
    uint32_t bits = atomic_load_explicit(&ts->eval_breaker, memory_order_acquire);
    if (merge && (bits & WF_EVAL_BREAKER_BRC)) {
        atomic_fetch_and_explicit(&ts->eval_breaker, ~WF_EVAL_BREAKER_BRC, memory_order_acq_rel);
        wf_refcount_merge_queued(ts);
    }
    if (bits & (WF_EVAL_BREAKER_STW | WF_EVAL_BREAKER_GIL_DROP)) {
        // Cleared before polling so that a request made during the poll is
        // seen at the next check.
        atomic_fetch_and_explicit(&ts->eval_breaker, ~(WF_EVAL_BREAKER_STW | WF_EVAL_BREAKER_GIL_DROP),
                                  memory_order_acq_rel);
        if (wf_runtime_stw_poll) wf_runtime_stw_poll();
    }
    if (bits & WF_EVAL_BREAKER_SIGNALS) {
        if (ts != main_thread_state) return 0;  // only the main thread runs handlers
        atomic_fetch_and_explicit(&ts->eval_breaker, ~WF_EVAL_BREAKER_SIGNALS, memory_order_acq_rel);
        if (wf_signal_run_pending) return wf_signal_run_pending();
        wf_err_set_none(&wf_exc_KeyboardInterrupt);
        return -1;
    }
    return 0;
}

int wf_eval_handle_breaker(WfThreadState *ts) { return handle_breaker(ts, true); }

int wf_eval_handle_breaker_after_call(WfThreadState *ts) {
    // Merging queued objects may free them and run their finalizers; doing
    // that right after any C call (inside a `with lock:` of a __del__, say)
    // would run finalizers at points where CPython never does. The merge
    // waits for the next backward jump or function entry.
    return handle_breaker(ts, false);
}

// ---------------------------------------------------------------------------
// Exception helpers

WfObject *wf_eval_topmost_exception(WfThreadState *ts) {
    for (WfExcInfo *ei = ts->exc_info; ei; ei = ei->previous) {
        if (ei->exc_value && ei->exc_value != wf_None) return ei->exc_value;
    }
    return NULL;
}

WfObject *wf_eval_get_handled_exception(void) {
    WfThreadState *ts = wf_tstate();
    return ts ? wf_eval_topmost_exception(ts) : NULL;
}

void wf_eval_chain_context(WfThreadState *ts, WfObject *exc) {
    WfObject *handled = wf_eval_topmost_exception(ts);
    if (!handled || handled == exc || !wf_exception_check(exc)) return;
    // Avoid creating a cycle through the context chain (Floyd's algorithm to
    // stop on pre-existing cycles), as CPython's _PyErr_SetObject.
    WfObject *o = handled, *slow_o = handled;
    int slow_update_toggle = 0;
    WfObject *context;
    while ((context = wf_exception_get_context(o)) != NULL) {
        if (context == exc) {
            wf_exception_set_context(o, NULL);
            break;
        }
        o = context;
        if (o == slow_o) break;
        if (slow_update_toggle) slow_o = wf_exception_get_context(slow_o);
        slow_update_toggle = !slow_update_toggle;
    }
    wf_exception_set_context(exc, wf_newref(handled));
}

// Handler for the instruction at `lasti`: binary search of the sorted table.
static const WfExceptionTableEntry *find_handler(WfCodeObject *co, uint32_t lasti) {
    int lo = 0, hi = co->co_nexceptiontable - 1;
    const WfExceptionTableEntry *t = co->co_exceptiontable;
    while (lo <= hi) {
        int mid = (lo + hi) >> 1;
        if (lasti < t[mid].start) hi = mid - 1;
        else if (lasti >= t[mid].end) lo = mid + 1;
        else return &t[mid];
    }
    return NULL;
}

// ---------------------------------------------------------------------------
// Small-int arithmetic for BINARY_OP: true and *res set when both operands are
// tagged and the result is a tagged int.

WF_INLINE bool smallint_binop(uint32_t op, intptr_t a, intptr_t b, intptr_t *res) {
    intptr_t r;
    switch (op) {
    case WF_BINOP_ADD:
    case WF_BINOP_INPLACE_ADD: r = a + b; break;
    case WF_BINOP_SUBTRACT:
    case WF_BINOP_INPLACE_SUBTRACT: r = a - b; break;
    case WF_BINOP_MULTIPLY:
    case WF_BINOP_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(a, b, &r)) return false;
        break;
    case WF_BINOP_FLOOR_DIVIDE:
    case WF_BINOP_INPLACE_FLOOR_DIVIDE: {
        if (b == 0) return false;
        intptr_t q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
        r = q;
        break;
    }
    case WF_BINOP_REMAINDER:
    case WF_BINOP_INPLACE_REMAINDER: {
        if (b == 0) return false;
        intptr_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) m += b;
        r = m;
        break;
    }
    case WF_BINOP_AND:
    case WF_BINOP_INPLACE_AND: r = a & b; break;
    case WF_BINOP_OR:
    case WF_BINOP_INPLACE_OR: r = a | b; break;
    case WF_BINOP_XOR:
    case WF_BINOP_INPLACE_XOR: r = a ^ b; break;
    case WF_BINOP_LSHIFT:
    case WF_BINOP_INPLACE_LSHIFT:
        if (b < 0 || b >= 62) {
            if (a == 0 && b >= 0) {
                r = 0;
                break;
            }
            return false;
        }
        r = (intptr_t)((uintptr_t)a << b);  // unsigned: shifting negatives is UB in C
        if ((r >> b) != a) return false;
        break;
    case WF_BINOP_RSHIFT:
    case WF_BINOP_INPLACE_RSHIFT:
        if (b < 0) return false;
        r = b >= 63 ? (a < 0 ? -1 : 0) : a >> b;
        break;
    default: return false;
    }
    if (!wf_smallint_fits(r)) return false;
    *res = r;
    return true;
}

WF_INLINE bool float_binop(uint32_t op, double a, double b, double *res) {
    switch (op) {
    case WF_BINOP_ADD:
    case WF_BINOP_INPLACE_ADD: *res = a + b; return true;
    case WF_BINOP_SUBTRACT:
    case WF_BINOP_INPLACE_SUBTRACT: *res = a - b; return true;
    case WF_BINOP_MULTIPLY:
    case WF_BINOP_INPLACE_MULTIPLY: *res = a * b; return true;
    case WF_BINOP_TRUE_DIVIDE:
    case WF_BINOP_INPLACE_TRUE_DIVIDE:
        if (b == 0.0) return false;
        *res = a / b;
        return true;
    default: return false;
    }
}

// Specialized form of BINARY_OP for tagged-int operands, or 0.
WF_INLINE int int_binop_specialization(uint32_t op) {
    switch (op) {
    case WF_BINOP_ADD:
    case WF_BINOP_INPLACE_ADD: return WF_OP_BINARY_OP_ADD_INT;
    case WF_BINOP_SUBTRACT:
    case WF_BINOP_INPLACE_SUBTRACT: return WF_OP_BINARY_OP_SUBTRACT_INT;
    case WF_BINOP_MULTIPLY:
    case WF_BINOP_INPLACE_MULTIPLY: return WF_OP_BINARY_OP_MULTIPLY_INT;
    case WF_BINOP_REMAINDER:
    case WF_BINOP_INPLACE_REMAINDER: return WF_OP_BINARY_OP_REMAINDER_INT;
    case WF_BINOP_FLOOR_DIVIDE:
    case WF_BINOP_INPLACE_FLOOR_DIVIDE: return WF_OP_BINARY_OP_FLOOR_DIVIDE_INT;
    default: return 0;
    }
}

WF_INLINE int float_binop_specialization(uint32_t op) {
    switch (op) {
    case WF_BINOP_ADD:
    case WF_BINOP_INPLACE_ADD: return WF_OP_BINARY_OP_ADD_FLOAT;
    case WF_BINOP_SUBTRACT:
    case WF_BINOP_INPLACE_SUBTRACT: return WF_OP_BINARY_OP_SUBTRACT_FLOAT;
    case WF_BINOP_MULTIPLY:
    case WF_BINOP_INPLACE_MULTIPLY: return WF_OP_BINARY_OP_MULTIPLY_FLOAT;
    case WF_BINOP_TRUE_DIVIDE:
    case WF_BINOP_INPLACE_TRUE_DIVIDE: return WF_OP_BINARY_OP_TRUE_DIVIDE_FLOAT;
    default: return 0;
    }
}

WF_INLINE bool compare_values(int op, intptr_t c) {
    switch (op) {
    case WF_LT: return c < 0;
    case WF_LE: return c <= 0;
    case WF_EQ: return c == 0;
    case WF_NE: return c != 0;
    case WF_GT: return c > 0;
    default: return c >= 0;
    }
}

// ---------------------------------------------------------------------------
// The loop

#define TARGET(op) TARGET_##op:
#define DISPATCH()                                                      \
    do {                                                                \
        uint32_t u_ = __atomic_load_n(next_instr, __ATOMIC_RELAXED);    \
        frame->instr = next_instr;                                      \
        next_instr++;                                                   \
        oparg = u_ >> 8;                                                \
        goto *dispatch_table[u_ & 0xff];                                \
    } while (0)
// Re-run the current instruction (after the specializer rewrote it).
#define DISPATCH_SAME_OPARG()                                                     \
    do {                                                                          \
        uint32_t u_ = __atomic_load_n(frame->instr, __ATOMIC_RELAXED);            \
        next_instr = frame->instr + 1;                                            \
        goto *dispatch_table[u_ & 0xff];                                          \
    } while (0)
#define PUSH(r) (*sp++ = (r))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(intptr_t)(n)])
#define GETLOCAL(i) (frame->localsplus[i])
#define JUMPBY(n) (next_instr += (n))
#define SKIP(op) (next_instr += CACHE_##op)
#define LOAD_FRAME_STATE()                                        \
    do {                                                          \
        WfCodeObject *co_ = frame->code;                          \
        first_instr = co_->co_code;                               \
        consts = wf_tuple_items(co_->co_consts);                  \
        names = wf_tuple_items(co_->co_names);                    \
        sp = frame->sp;                                           \
    } while (0)
#define SAVE_SP() (frame->sp = sp)
// Leaving wf_eval_frame: undo the entry's C-level count.
#define LEAVE_EVAL() (ts->c_recursion_remaining++)
// Relaxed: a hint; the handler re-reads the bits with acquire.
#define CHECK_BREAKER_BITS(mask, handle)                                                            \
    do {                                                                                            \
        if (WF_UNLIKELY(atomic_load_explicit(&ts->eval_breaker, memory_order_relaxed) & (mask))) {  \
            SAVE_SP();                                                                              \
            if (handle(ts) < 0) goto error;                                                         \
        }                                                                                           \
    } while (0)
#define CHECK_EVAL_BREAKER() CHECK_BREAKER_BITS(~(uint32_t)0, wf_eval_handle_breaker)
#define CHECK_EVAL_BREAKER_AFTER_CALL() \
    CHECK_BREAKER_BITS(~(uint32_t)WF_EVAL_BREAKER_BRC, wf_eval_handle_breaker_after_call)
// A counted value loaded from globals or a module that another thread owns
// becomes a shared deferred object (runtime/deferred.h); a safe point then.
#define SHARE_IF_FOREIGN(v)                                                                        \
    do {                                                                                           \
        if (WF_UNLIKELY(wf_stackref_is_owned(v)) && wf_tid_load(wf_stackref_as_ptr(v)) != wf_current_tid) { \
            SAVE_SP();                                                                             \
            (v) = wf_stackref_steal_global(wf_stackref_as_ptr(v));                                  \
        }                                                                                          \
    } while (0)

WfObject *wf_eval_frame(WfThreadState *ts, WfFrame *frame, int throwflag) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&unknown_opcode,
#define X(name, cache) [WF_OP_##name] = &&TARGET_##name,
        WF_OPCODES(X)
#undef X
    };
#pragma GCC diagnostic pop
    uint32_t *next_instr;
    uint32_t *first_instr;
    WfStackRef *sp;
    uint32_t oparg;
    WfObject **consts, **names;
    WfObject *kwnames = NULL;  // set by KW_NAMES for the next CALL
    // RERAISE restores frame->instr to the original raise point (for line
    // numbers and the pushed lasti); the handler is looked up at the RERAISE.
    uint32_t *unwind_at = NULL;
    WfStackRef retval;

    // Entering the loop from C costs one C level (c_recursion_remaining, the
    // C stack guard); every return undoes it (LEAVE_EVAL). As in CPython 3.11
    // each Python frame costs one level of recursion_remaining (start_frame).
    ts->c_recursion_remaining--;
    frame->previous = ts->current_frame;
    ts->current_frame = frame;
    frame->is_entry = 1;
    if (WF_UNLIKELY(ts->c_recursion_remaining < 0 || c_stack_exhausted())) {
        wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded while calling a Python object");
        LOAD_FRAME_STATE();
        goto exit_unwind_uncounted;
    }
    if (throwflag) {
        LOAD_FRAME_STATE();
        frame->return_offset = 0;
        if (ts->recursion_remaining-- <= 0) {
            ts->recursion_remaining++;
            wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded");
            goto exit_unwind_uncounted;
        }
        goto error;
    }

start_frame:
    if (WF_UNLIKELY(ts->recursion_remaining-- <= 0)) {
        ts->recursion_remaining++;
        wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded");
        LOAD_FRAME_STATE();
        goto exit_unwind_uncounted;
    }
    LOAD_FRAME_STATE();
    next_instr = frame->instr + frame->return_offset;
    frame->return_offset = 0;
    DISPATCH();

#include "vm/eval_ops_basic.inc"
#include "vm/eval_ops_arith.inc"
#include "vm/eval_ops_build.inc"
#include "vm/eval_ops_flow.inc"
#include "vm/eval_ops_call.inc"
#include "vm/eval_ops_attr.inc"

unknown_opcode:
    wf_err_format(&wf_exc_SystemError, "%U:%d: unknown opcode %d", frame->code->co_filename, wf_frame_line(frame),
                  (int)(*frame->instr & 0xff));
    goto error;

not_supported:
    wf_err_format(&wf_exc_SystemError, "opcode %s is not supported yet", wf_opcode_names[*frame->instr & 0xff]);
    goto error;

    // Returning from `frame` with `retval`.
return_common: {
    ts->recursion_remaining++;
    WfFrame *dying = frame;
    int was_entry = dying->is_entry;
    int init_check = dying->init_check;
    ts->current_frame = dying->previous;
    if (WF_LIKELY(dying->owner == WF_FRAME_OWNED_BY_THREAD && !dying->frame_obj && !dying->locals)) {
        // Common case: drop the locals (the stack is empty) and the function.
        WfStackRef *lp = dying->localsplus;
        for (int i = 0, n = dying->stack_base; i < n; i++) wf_stackref_xclose(lp[i]);
        wf_stackref_xclose(dying->func);
        wf_frame_pop_inline(ts, dying);
    } else if (dying->owner == WF_FRAME_OWNED_BY_GENERATOR) {
        dying->previous = NULL;
        // Clearing the frame may reach a safe point; the generator's frame
        // is no longer scanned by the deferred sweep.
        wf_stackref_own_borrowed(&retval);
        wf_gen_frame_finished(ts, dying);  // publishes completion: last access
    } else {
        wf_frame_clear(dying);
        wf_frame_pop_inline(ts, dying);
    }
    if (was_entry) {
        LEAVE_EVAL();
        return wf_stackref_to_owned(retval);
    }
    frame = ts->current_frame;
    LOAD_FRAME_STATE();
    next_instr = frame->instr + frame->return_offset;
    frame->return_offset = 0;
    if (WF_UNLIKELY(init_check)) {
        // __init__ run by CALL: the object is already on our stack.
        WfObject *r = wf_stackref_as_obj(retval);
        if (r != wf_None) {
            wf_err_format(&wf_exc_TypeError, "__init__() should return None, not '%.200s'", WF_TYPE(r)->tp_name);
            wf_stackref_close(retval);
            goto error;
        }
        DISPATCH();
    }
    PUSH(retval);
    DISPATCH();
}

error: {
    WfObject *exc = ts->current_exc;
    if (WF_UNLIKELY(!exc)) {
        wf_err_set_string(&wf_exc_SystemError, "error return without exception set");
        exc = ts->current_exc;
        if (!exc) goto exception_unwind;
    }
    kwnames = NULL;
    // A fresh exception (raised by C code in this frame) is chained to the
    // exception being handled; one coming from a callee already was.
    if (wf_exception_check(exc) && wf_exception_get_traceback(exc) == NULL) wf_eval_chain_context(ts, exc);
    SAVE_SP();
    wf_traceback_here(frame);
}
exception_unwind: {
    kwnames = NULL;
    const WfExceptionTableEntry *h = NULL;
    uint32_t *at = unwind_at ? unwind_at : frame->instr;
    unwind_at = NULL;
    if (frame->code->co_nexceptiontable) h = find_handler(frame->code, (uint32_t)(at - first_instr));
    if (!h) {
        WfStackRef *base = wf_frame_stack_base(frame);
        while (sp > base) wf_stackref_xclose(POP());
        SAVE_SP();
        goto exit_unwind;
    }
    WfStackRef *level = wf_frame_stack_base(frame) + h->depth;
    while (sp > level) wf_stackref_xclose(POP());
    if (h->push_lasti) PUSH(wf_stackref_steal(wf_smallint_new(frame->instr - first_instr)));
    WfObject *exc = wf_err_fetch();
    if (!exc) {
        // Cannot happen (an exception is pending whenever we unwind); be safe.
        wf_err_set_string(&wf_exc_SystemError, "unwinding without an exception");
        exc = wf_err_fetch();
    }
    PUSH(wf_stackref_steal(exc));
    next_instr = first_instr + h->target;
    DISPATCH();
}

exit_unwind:
    ts->recursion_remaining++;
exit_unwind_uncounted: {
    WfFrame *dying = frame;
    int was_entry = dying->is_entry;
    ts->current_frame = dying->previous;
    dying->sp = sp;
    if (dying->owner == WF_FRAME_OWNED_BY_GENERATOR) {
        wf_frame_clear_stack(dying);
        dying->previous = NULL;
        wf_gen_frame_finished(ts, dying);  // publishes completion: last access
    } else {
        wf_frame_clear(dying);
        wf_frame_pop_inline(ts, dying);
    }
    if (was_entry) {
        LEAVE_EVAL();
        return NULL;
    }
    frame = ts->current_frame;
    LOAD_FRAME_STATE();
    goto error;
}
}

// ---------------------------------------------------------------------------
// Entry points

static WfObject *run_code(WfCodeObject *co, WfObject *globals, WfObject *locals, WfObject *closure) {
    WfThreadState *ts = wf_tstate();
    if (closure || co->co_nfreevars || (co->co_flags & (WF_CO_GENERATOR | WF_CO_COROUTINE | WF_CO_ASYNC_GENERATOR))) {
        // Needs a function object (free variables, generators).
        WfObject *fn = wf_function_new((WfObject *)co, globals, NULL);
        if (!fn) return NULL;
        if (closure && closure != wf_None) ((WfFunctionObject *)fn)->closure = wf_newref(closure);
        WfFrame *f = wf_call_push_frame(ts, wf_stackref_steal(fn), locals ? wf_newref(locals) : NULL, NULL, 0, NULL);
        if (!f) return NULL;
        return wf_eval_frame(ts, f, 0);
    }
    WfFrame *f = wf_frame_push_inline(ts, co);
    if (!f) return NULL;
    f->func = WF_STACKREF_NULL;
    f->globals = globals;
    WfObject *b = wf_function_builtins_from_globals(globals);
    f->builtins = b;
    f->locals = wf_xnewref(locals);
    f->previous = NULL;
    for (int i = 0; i < co->co_nlocalsplus; i++) f->localsplus[i] = WF_STACKREF_NULL;
    return wf_eval_frame(ts, f, 0);
}

WfObject *wf_eval_code(WfCodeObject *co, WfObject *globals, WfObject *locals) {
    if (!globals || !wf_dict_check(globals)) return wf_err_format(&wf_exc_SystemError, "wf_eval_code: globals must be a dict");
    if (wf_dict_check_exact(globals) && !wf_dict_get_item_borrow(globals, WF_ID(__builtins__))) {
        if (wf_err_occurred()) return NULL;
        if (wf_dict_set_item(globals, WF_ID(__builtins__), wf_runtime.builtins) < 0) return NULL;
    }
    return run_code(co, globals, locals, NULL);
}

WfObject *wf_eval_code_ex(WfCodeObject *co, WfObject *globals, WfObject *locals, WfObject *closure) {
    if (!globals || !wf_dict_check(globals)) return wf_err_format(&wf_exc_SystemError, "wf_eval_code: globals must be a dict");
    if (wf_dict_check_exact(globals) && !wf_dict_get_item_borrow(globals, WF_ID(__builtins__))) {
        if (wf_err_occurred()) return NULL;
        if (wf_dict_set_item(globals, WF_ID(__builtins__), wf_runtime.builtins) < 0) return NULL;
    }
    return run_code(co, globals, locals, closure);
}

WfObject *wf_eval_class_body(WfObject *func, WfObject *ns) {
    if (!wf_function_check(func)) return wf_err_bad_internal_call("wf_eval_class_body");
    WfThreadState *ts = wf_tstate();
    WfFrame *f = wf_call_push_frame(ts, wf_stackref_new(func), wf_newref(ns), NULL, 0, NULL);
    if (!f) return NULL;
    return wf_eval_frame(ts, f, 0);
}

WfObject *wf_eval_globals_borrow(void) {
    WfThreadState *ts = wf_tstate();
    WfFrame *f = ts ? ts->current_frame : NULL;
    return f ? f->globals : NULL;
}

WfObject *wf_eval_builtins_borrow(void) {
    WfThreadState *ts = wf_tstate();
    WfFrame *f = ts ? ts->current_frame : NULL;
    return f ? f->builtins : wf_runtime.builtins_dict;
}

WfObject *wf_eval_locals(void) {
    WfThreadState *ts = wf_tstate();
    WfFrame *f = ts ? ts->current_frame : NULL;
    if (!f) return wf_err_format(&wf_exc_SystemError, "locals(): no current frame");
    return wf_frame_locals(f);
}

int wf_eval_current_line(void) {
    WfThreadState *ts = wf_tstate();
    WfFrame *f = ts ? ts->current_frame : NULL;
    return f ? wf_frame_line(f) : -1;
}

int wf_frame_super_args(WfTypeObject **type, WfObject **obj) {
    WfThreadState *ts = wf_tstate();
    WfFrame *f = ts ? ts->current_frame : NULL;
    if (!f) {
        wf_err_set_string(&wf_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    WfCodeObject *co = f->code;
    if (co->co_argcount == 0) {
        wf_err_set_string(&wf_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    WfObject *first = wf_stackref_is_null(f->localsplus[0]) ? NULL : wf_stackref_as_obj(f->localsplus[0]);
    // The first argument may have been moved into a cell (MAKE_CELL).
    if (first && (co->co_localspluskinds[0] & WF_CO_FAST_CELL) && wf_type_of(first) == &wf_cell_type)
        first = wf_cell_get_borrow(first);
    if (!first) {
        wf_err_set_string(&wf_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = co->co_nlocalsplus - co->co_nfreevars; i < co->co_nlocalsplus; i++) {
        WfObject *name = wf_tuple_get_borrow(co->co_localsplusnames, i);
        if (!wf_str_equal_cstr(name, "__class__")) continue;
        WfStackRef r = f->localsplus[i];
        WfObject *cell = wf_stackref_is_null(r) ? NULL : wf_stackref_as_obj(r);
        if (!cell || wf_type_of(cell) != &wf_cell_type) {
            wf_err_set_string(&wf_exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        WfObject *cls = wf_cell_get_borrow(cell);
        if (!cls) {
            wf_err_set_string(&wf_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!wf_type_check_type(cls)) {
            wf_err_format(&wf_exc_RuntimeError, "super(): __class__ is not a type (%.200s)", WF_TYPE(cls)->tp_name);
            return -1;
        }
        *type = (WfTypeObject *)cls;
        *obj = first;
        return 0;
    }
    wf_err_set_string(&wf_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

int wf_vm_init(void) {
    main_thread_state = wf_tstate();
    return wf_vm_types_init();
}
