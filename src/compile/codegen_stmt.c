// codegen_stmt.c — code generation for statements (CPython 3.12's
// compiler_visit_stmt and helpers): assignments, loops, if, try/except/else/
// finally (finally bodies duplicated on every exit path through the frame
// block stack), with / async with via BEFORE_WITH and exception-table
// cleanup, break / continue / return unwinding, raise, assert, imports.
//
// Invariant: the frame-block stack (u->fblocks) mirrors the statically
// enclosing loops / try / with / handler blocks at the point of emission;
// unwinding emits the exit code of each block it leaves (POP_BLOCK for
// handler regions, which flowgraph.c uses to derive exception handlers).
#include <string.h>

#include "compile/codegen.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define LOC(n) wf_loc_of(n)
#define NOLOC wf_no_location
#define ADDOP(op, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), 0, (loc)))
#define ADDOP_I(op, arg, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), (arg), (loc)))
#define ADDOP_JUMP(op, label, loc) RETURN_IF_ERROR(wf_cg_jump(c, (op), (label), (loc)))
#define VISIT(e) RETURN_IF_ERROR(wf_cg_visit_expr(c, (e)))
#define VISIT_SEQ(s) RETURN_IF_ERROR(wf_cg_visit_stmts(c, (s)))
#define NEW_LABEL(l) int l = wf_cg_new_label(c); if (l < 0) return -1
#define USE_LABEL(l) wf_cg_use_label(c, (l))
#define LOAD_NONE(loc) RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, (loc)))

static int pop_except_and_reraise(WfCompiler *c, WfCodeLocation loc) {
    ADDOP_I(WF_OP_COPY, 3, loc);
    ADDOP(WF_OP_POP_EXCEPT, loc);
    ADDOP_I(WF_OP_RERAISE, 1, loc);
    return 0;
}

int wf_cg_call_exit_with_nones(WfCompiler *c, WfCodeLocation loc) {
    LOAD_NONE(loc);
    LOAD_NONE(loc);
    LOAD_NONE(loc);
    ADDOP_I(WF_OP_CALL, 2, loc);
    return 0;
}

// ---------------------------------------------------------------------------
// Unwinding

static int unwind_fblock(WfCompiler *c, WfCodeLocation *ploc, WfFBlock *info, int preserve_tos) {
    switch (info->type) {
    case WF_FB_WHILE_LOOP:
    case WF_FB_EXCEPTION_HANDLER:
    case WF_FB_EXCEPTION_GROUP_HANDLER:
    case WF_FB_ASYNC_COMPREHENSION_GENERATOR:
    case WF_FB_STOP_ITERATION:
        return 0;
    case WF_FB_FOR_LOOP:
        if (preserve_tos) ADDOP_I(WF_OP_SWAP, 2, *ploc);
        ADDOP(WF_OP_POP_TOP, *ploc);
        return 0;
    case WF_FB_TRY_EXCEPT:
        ADDOP(WF_PSEUDO_POP_BLOCK, *ploc);
        return 0;
    case WF_FB_FINALLY_TRY:
        ADDOP(WF_PSEUDO_POP_BLOCK, *ploc);
        if (preserve_tos) RETURN_IF_ERROR(wf_cg_push_fblock(c, *ploc, WF_FB_POP_VALUE, -1, -1, NULL));
        VISIT_SEQ((const WfAstSeq *)info->datum);
        if (preserve_tos) wf_cg_pop_fblock(c);
        *ploc = NOLOC;
        return 0;
    case WF_FB_FINALLY_END:
        if (preserve_tos) ADDOP_I(WF_OP_SWAP, 2, *ploc);
        ADDOP(WF_OP_POP_TOP, *ploc);  // exc_value
        if (preserve_tos) ADDOP_I(WF_OP_SWAP, 2, *ploc);
        ADDOP(WF_PSEUDO_POP_BLOCK, *ploc);
        ADDOP(WF_OP_POP_EXCEPT, *ploc);
        return 0;
    case WF_FB_WITH:
    case WF_FB_ASYNC_WITH:
        *ploc = LOC((const WfAstNode *)info->datum);
        ADDOP(WF_PSEUDO_POP_BLOCK, *ploc);
        if (preserve_tos) ADDOP_I(WF_OP_SWAP, 2, *ploc);
        RETURN_IF_ERROR(wf_cg_call_exit_with_nones(c, *ploc));
        if (info->type == WF_FB_ASYNC_WITH) {
            ADDOP_I(WF_OP_GET_AWAITABLE, 2, *ploc);
            LOAD_NONE(*ploc);
            RETURN_IF_ERROR(wf_cg_add_yield_from(c, *ploc, 1));
        }
        ADDOP(WF_OP_POP_TOP, *ploc);
        *ploc = NOLOC;
        return 0;
    case WF_FB_HANDLER_CLEANUP: {
        WfObject *name = (WfObject *)info->datum;
        if (name) ADDOP(WF_PSEUDO_POP_BLOCK, *ploc);
        if (preserve_tos) ADDOP_I(WF_OP_SWAP, 2, *ploc);
        ADDOP(WF_PSEUDO_POP_BLOCK, *ploc);
        ADDOP(WF_OP_POP_EXCEPT, *ploc);
        if (name) {
            LOAD_NONE(*ploc);
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, *ploc));
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Del, *ploc));
        }
        return 0;
    }
    case WF_FB_POP_VALUE:
        if (preserve_tos) ADDOP_I(WF_OP_SWAP, 2, *ploc);
        ADDOP(WF_OP_POP_TOP, *ploc);
        return 0;
    }
    return 0;
}

// Unwind every frame block (or up to the innermost loop when `loop` is given).
static int unwind_fblock_stack(WfCompiler *c, WfCodeLocation *ploc, int preserve_tos, WfFBlock **loop) {
    WfUnit *u = c->u;
    if (u->nfblocks == 0) return 0;
    WfFBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == WF_FB_EXCEPTION_GROUP_HANDLER)
        return wf_cg_error(c, *ploc, "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->type == WF_FB_WHILE_LOOP || top->type == WF_FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    WfFBlock copy = *top;
    u->nfblocks--;
    RETURN_IF_ERROR(unwind_fblock(c, ploc, &copy, preserve_tos));
    RETURN_IF_ERROR(unwind_fblock_stack(c, ploc, preserve_tos, loop));
    u->fblocks[u->nfblocks++] = copy;
    return 0;
}

static int compiler_return(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    const WfAstNode *value = s->v.Return.value;
    int preserve_tos = value && value->kind != WF_AST_Constant;
    if (!wf_scope_is_function_like(c->u->ste)) return wf_cg_error(c, loc, "'return' outside function");
    if (value && c->u->ste->coroutine && c->u->ste->generator)
        return wf_cg_error(c, loc, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(value);
    } else if (value) {
        ADDOP(WF_OP_NOP, LOC(value));
    }
    if (!value || value->lineno != s->lineno) {
        loc = LOC(s);
        ADDOP(WF_OP_NOP, loc);
    }
    RETURN_IF_ERROR(unwind_fblock_stack(c, &loc, preserve_tos, NULL));
    if (!value) {
        LOAD_NONE(loc);
    } else if (!preserve_tos) {
        WfObject *v = wf_cg_constant_value(c, &value->v.Constant.value);
        RETURN_IF_ERROR(wf_cg_load_const_take(c, v, loc));
    }
    ADDOP(WF_OP_RETURN_VALUE, loc);
    return 0;
}

static int compiler_break(WfCompiler *c, WfCodeLocation loc) {
    WfFBlock *loop = NULL;
    WfCodeLocation origin = loc;
    ADDOP(WF_OP_NOP, loc);
    RETURN_IF_ERROR(unwind_fblock_stack(c, &loc, 0, &loop));
    if (!loop) return wf_cg_error(c, origin, "'break' outside loop");
    WfFBlock copy = *loop;
    RETURN_IF_ERROR(unwind_fblock(c, &loc, &copy, 0));
    ADDOP_JUMP(WF_PSEUDO_JUMP, copy.exit, loc);
    return 0;
}

static int compiler_continue(WfCompiler *c, WfCodeLocation loc) {
    WfFBlock *loop = NULL;
    WfCodeLocation origin = loc;
    ADDOP(WF_OP_NOP, loc);
    RETURN_IF_ERROR(unwind_fblock_stack(c, &loc, 0, &loop));
    if (!loop) return wf_cg_error(c, origin, "'continue' not properly in loop");
    ADDOP_JUMP(WF_PSEUDO_JUMP, loop->block, loc);
    return 0;
}

// ---------------------------------------------------------------------------
// Control flow

static int compiler_if(WfCompiler *c, const WfAstNode *s) {
    NEW_LABEL(end);
    int next = end;
    if (s->v.If.orelse->len) {
        next = wf_cg_new_label(c);
        if (next < 0) return -1;
    }
    RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(s), s->v.If.test, next, 0));
    VISIT_SEQ(s->v.If.body);
    if (s->v.If.orelse->len) {
        ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
        USE_LABEL(next);
        VISIT_SEQ(s->v.If.orelse);
    }
    USE_LABEL(end);
    return 0;
}

static int compiler_for(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    NEW_LABEL(start);
    NEW_LABEL(body);
    NEW_LABEL(cleanup);
    NEW_LABEL(end);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_FOR_LOOP, start, end, NULL));
    VISIT(s->v.For.iter);
    ADDOP(WF_OP_GET_ITER, loc);
    USE_LABEL(start);
    ADDOP_JUMP(WF_OP_FOR_ITER, cleanup, loc);
    USE_LABEL(body);
    VISIT(s->v.For.target);
    VISIT_SEQ(s->v.For.body);
    ADDOP_JUMP(WF_PSEUDO_JUMP, start, NOLOC);
    USE_LABEL(cleanup);
    ADDOP(WF_OP_END_FOR, NOLOC);
    wf_cg_pop_fblock(c);
    VISIT_SEQ(s->v.For.orelse);
    USE_LABEL(end);
    return 0;
}

static int compiler_async_for(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    if (c->u->type != WF_UNIT_ASYNC_FUNCTION) return wf_cg_error(c, loc, "'async for' outside async function");
    NEW_LABEL(start);
    NEW_LABEL(except);
    NEW_LABEL(end);
    VISIT(s->v.AsyncFor.iter);
    ADDOP(WF_OP_GET_AITER, loc);
    USE_LABEL(start);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, except, loc);
    ADDOP(WF_OP_GET_ANEXT, loc);
    LOAD_NONE(loc);
    RETURN_IF_ERROR(wf_cg_add_yield_from(c, loc, 1));
    ADDOP(WF_PSEUDO_POP_BLOCK, loc);
    VISIT(s->v.AsyncFor.target);
    VISIT_SEQ(s->v.AsyncFor.body);
    ADDOP_JUMP(WF_PSEUDO_JUMP, start, NOLOC);
    wf_cg_pop_fblock(c);
    USE_LABEL(except);
    ADDOP(WF_OP_END_ASYNC_FOR, LOC(s->v.AsyncFor.iter));
    VISIT_SEQ(s->v.AsyncFor.orelse);
    USE_LABEL(end);
    return 0;
}

static int compiler_while(WfCompiler *c, const WfAstNode *s) {
    NEW_LABEL(loop);
    NEW_LABEL(body);
    NEW_LABEL(end);
    NEW_LABEL(anchor);
    USE_LABEL(loop);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, LOC(s), WF_FB_WHILE_LOOP, loop, end, NULL));
    RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(s), s->v.While.test, anchor, 0));
    USE_LABEL(body);
    VISIT_SEQ(s->v.While.body);
    RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(s), s->v.While.test, body, 1));
    wf_cg_pop_fblock(c);
    USE_LABEL(anchor);
    VISIT_SEQ(s->v.While.orelse);
    USE_LABEL(end);
    return 0;
}

// ---------------------------------------------------------------------------
// try

static int compiler_try_except(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    NEW_LABEL(body);
    NEW_LABEL(except);
    NEW_LABEL(end);
    NEW_LABEL(cleanup);
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, except, loc);
    USE_LABEL(body);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_TRY_EXCEPT, body, -1, NULL));
    VISIT_SEQ(s->v.Try.body);
    wf_cg_pop_fblock(c);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    if (s->v.Try.orelse->len) VISIT_SEQ(s->v.Try.orelse);
    ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
    int n = s->v.Try.handlers->len;
    USE_LABEL(except);
    ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup, NOLOC);
    ADDOP(WF_OP_PUSH_EXC_INFO, NOLOC);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_EXCEPTION_HANDLER, -1, -1, NULL));
    for (int i = 0; i < n; i++) {
        const WfAstNode *handler = s->v.Try.handlers->items[i];
        WfCodeLocation hloc = LOC(handler);
        if (!handler->v.ExceptHandler.type && i < n - 1)
            return wf_cg_error(c, hloc, "default 'except:' must be last");
        NEW_LABEL(next_except);
        except = next_except;
        if (handler->v.ExceptHandler.type) {
            VISIT(handler->v.ExceptHandler.type);
            ADDOP(WF_OP_CHECK_EXC_MATCH, hloc);
            ADDOP_JUMP(WF_OP_POP_JUMP_IF_FALSE, except, hloc);
        }
        if (handler->v.ExceptHandler.name) {
            NEW_LABEL(cleanup_end);
            NEW_LABEL(cleanup_body);
            WfObject *name = wf_compile_intern(handler->v.ExceptHandler.name);
            if (!name) return -1;
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, hloc));
            // try: body  finally: name = None; del name
            ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup_end, hloc);
            USE_LABEL(cleanup_body);
            RETURN_IF_ERROR(wf_cg_push_fblock(c, hloc, WF_FB_HANDLER_CLEANUP, cleanup_body, -1, name));
            VISIT_SEQ(handler->v.ExceptHandler.body);
            wf_cg_pop_fblock(c);
            ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
            ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
            ADDOP(WF_OP_POP_EXCEPT, NOLOC);
            LOAD_NONE(NOLOC);
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, NOLOC));
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Del, NOLOC));
            ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
            USE_LABEL(cleanup_end);
            LOAD_NONE(NOLOC);
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, NOLOC));
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Del, NOLOC));
            ADDOP_I(WF_OP_RERAISE, 1, NOLOC);
        } else {
            NEW_LABEL(cleanup_body);
            ADDOP(WF_OP_POP_TOP, hloc);  // exc_value
            USE_LABEL(cleanup_body);
            RETURN_IF_ERROR(wf_cg_push_fblock(c, hloc, WF_FB_HANDLER_CLEANUP, cleanup_body, -1, NULL));
            VISIT_SEQ(handler->v.ExceptHandler.body);
            wf_cg_pop_fblock(c);
            ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
            ADDOP(WF_OP_POP_EXCEPT, NOLOC);
            ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
        }
        USE_LABEL(except);
    }
    wf_cg_pop_fblock(c);
    ADDOP_I(WF_OP_RERAISE, 0, NOLOC);
    USE_LABEL(cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NOLOC));
    USE_LABEL(end);
    return 0;
}

static WfCodeLocation location_of_last_executing_statement(const WfAstSeq *stmts) {
    for (int i = stmts->len - 1; i >= 0; i--) {
        const WfAstNode *s = stmts->items[i];
        if (s->kind != WF_AST_Pass) return LOC(s);
    }
    return wf_no_location;
}

static int compiler_try_finally(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    NEW_LABEL(body);
    NEW_LABEL(end);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, end, loc);
    USE_LABEL(body);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (s->v.Try.handlers->len) RETURN_IF_ERROR(compiler_try_except(c, s));
    else VISIT_SEQ(s->v.Try.body);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    wf_cg_pop_fblock(c);
    VISIT_SEQ(s->v.Try.finalbody);
    ADDOP_JUMP(WF_PSEUDO_JUMP, exit, NOLOC);
    // The finally block for the exceptional path.
    USE_LABEL(end);
    loc = NOLOC;
    ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup, loc);
    ADDOP(WF_OP_PUSH_EXC_INFO, loc);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_FINALLY_END, end, -1, NULL));
    VISIT_SEQ(s->v.Try.finalbody);
    loc = location_of_last_executing_statement(s->v.Try.finalbody);
    wf_cg_pop_fblock(c);
    ADDOP_I(WF_OP_RERAISE, 0, loc);
    USE_LABEL(cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NOLOC));
    USE_LABEL(exit);
    return 0;
}

// except* (CPython 3.12's compiler_try_star_except / compiler_try_star_finally).
static int compiler_try_star_except(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    NEW_LABEL(body);
    NEW_LABEL(except);
    NEW_LABEL(orelse);
    NEW_LABEL(end);
    NEW_LABEL(cleanup);
    NEW_LABEL(reraise_star);
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, except, loc);
    USE_LABEL(body);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_TRY_EXCEPT, body, -1, NULL));
    VISIT_SEQ(s->v.TryStar.body);
    wf_cg_pop_fblock(c);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    ADDOP_JUMP(WF_PSEUDO_JUMP, orelse, NOLOC);
    int n = s->v.TryStar.handlers->len;
    USE_LABEL(except);
    ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup, NOLOC);
    ADDOP(WF_OP_PUSH_EXC_INFO, NOLOC);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_EXCEPTION_GROUP_HANDLER, -1, -1, "except*"));
    for (int i = 0; i < n; i++) {
        const WfAstNode *handler = s->v.TryStar.handlers->items[i];
        WfCodeLocation hloc = LOC(handler);
        NEW_LABEL(next_except);
        except = next_except;
        NEW_LABEL(except_with_error);
        NEW_LABEL(no_match);
        if (i == 0) {
            // [orig] -> [orig, [], exc]
            ADDOP_I(WF_OP_BUILD_LIST, 0, hloc);
            ADDOP_I(WF_OP_COPY, 2, hloc);
        }
        if (handler->v.ExceptHandler.type) {
            VISIT(handler->v.ExceptHandler.type);
            ADDOP(WF_OP_CHECK_EG_MATCH, hloc);
            ADDOP_I(WF_OP_COPY, 1, hloc);
            ADDOP_JUMP(WF_OP_POP_JUMP_IF_NONE, no_match, hloc);
        }
        NEW_LABEL(cleanup_end);
        NEW_LABEL(cleanup_body);
        WfObject *name = NULL;
        if (handler->v.ExceptHandler.name) {
            name = wf_compile_intern(handler->v.ExceptHandler.name);
            if (!name) return -1;
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, hloc));
        } else {
            ADDOP(WF_OP_POP_TOP, hloc);
        }
        ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup_end, hloc);
        USE_LABEL(cleanup_body);
        RETURN_IF_ERROR(wf_cg_push_fblock(c, hloc, WF_FB_HANDLER_CLEANUP, cleanup_body, -1, name));
        VISIT_SEQ(handler->v.ExceptHandler.body);
        wf_cg_pop_fblock(c);
        ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
        if (name) {
            LOAD_NONE(NOLOC);
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, NOLOC));
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Del, NOLOC));
        }
        ADDOP_JUMP(WF_PSEUDO_JUMP, except, NOLOC);
        USE_LABEL(cleanup_end);
        if (name) {
            LOAD_NONE(NOLOC);
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Store, NOLOC));
            RETURN_IF_ERROR(wf_cg_nameop(c, name, WF_AST_CTX_Del, NOLOC));
        }
        // add exception raised to the res list
        ADDOP_I(WF_OP_LIST_APPEND, 3, NOLOC);  // exc
        ADDOP(WF_OP_POP_TOP, NOLOC);           // lasti
        ADDOP_JUMP(WF_PSEUDO_JUMP, except_with_error, NOLOC);
        USE_LABEL(except);
        ADDOP(WF_OP_NOP, NOLOC);  // to hold a propagated location info
        ADDOP_JUMP(WF_PSEUDO_JUMP, except_with_error, NOLOC);
        USE_LABEL(no_match);
        ADDOP(WF_OP_POP_TOP, hloc);  // match (None)
        USE_LABEL(except_with_error);
        if (i == n - 1) {
            // Add exc to the list (if not None it's the unhandled part of the EG)
            ADDOP_I(WF_OP_LIST_APPEND, 1, NOLOC);
            ADDOP_JUMP(WF_PSEUDO_JUMP, reraise_star, NOLOC);
        }
    }
    wf_cg_pop_fblock(c);
    NEW_LABEL(reraise);
    USE_LABEL(reraise_star);
    ADDOP_I(WF_OP_CALL_INTRINSIC_2, WF_INTRINSIC_PREP_RERAISE_STAR, NOLOC);
    ADDOP_I(WF_OP_COPY, 1, NOLOC);
    ADDOP_JUMP(WF_OP_POP_JUMP_IF_NOT_NONE, reraise, NOLOC);
    // Nothing to reraise
    ADDOP(WF_OP_POP_TOP, NOLOC);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    ADDOP(WF_OP_POP_EXCEPT, NOLOC);
    ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
    USE_LABEL(reraise);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    ADDOP_I(WF_OP_SWAP, 2, NOLOC);
    ADDOP(WF_OP_POP_EXCEPT, NOLOC);
    ADDOP_I(WF_OP_RERAISE, 0, NOLOC);
    USE_LABEL(cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NOLOC));
    USE_LABEL(orelse);
    VISIT_SEQ(s->v.TryStar.orelse);
    USE_LABEL(end);
    return 0;
}

static int compiler_try_star(WfCompiler *c, const WfAstNode *s) {
    if (!s->v.TryStar.finalbody->len) return compiler_try_star_except(c, s);
    WfCodeLocation loc = LOC(s);
    NEW_LABEL(body);
    NEW_LABEL(end);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, end, loc);
    USE_LABEL(body);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_FINALLY_TRY, body, end, s->v.TryStar.finalbody));
    if (s->v.TryStar.handlers->len) RETURN_IF_ERROR(compiler_try_star_except(c, s));
    else VISIT_SEQ(s->v.TryStar.body);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    wf_cg_pop_fblock(c);
    VISIT_SEQ(s->v.TryStar.finalbody);
    ADDOP_JUMP(WF_PSEUDO_JUMP, exit, NOLOC);
    USE_LABEL(end);
    loc = NOLOC;
    ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup, loc);
    ADDOP(WF_OP_PUSH_EXC_INFO, loc);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_FINALLY_END, end, -1, NULL));
    VISIT_SEQ(s->v.TryStar.finalbody);
    loc = location_of_last_executing_statement(s->v.TryStar.finalbody);
    wf_cg_pop_fblock(c);
    ADDOP_I(WF_OP_RERAISE, 0, loc);
    USE_LABEL(cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NOLOC));
    USE_LABEL(exit);
    return 0;
}

// ---------------------------------------------------------------------------
// with

static int with_except_finish(WfCompiler *c, int cleanup) {
    NEW_LABEL(suppress);
    ADDOP_JUMP(WF_OP_POP_JUMP_IF_TRUE, suppress, NOLOC);
    ADDOP_I(WF_OP_RERAISE, 2, NOLOC);
    USE_LABEL(suppress);
    ADDOP(WF_OP_POP_TOP, NOLOC);  // exc_value
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    ADDOP(WF_OP_POP_EXCEPT, NOLOC);
    ADDOP(WF_OP_POP_TOP, NOLOC);
    ADDOP(WF_OP_POP_TOP, NOLOC);
    NEW_LABEL(exit);
    ADDOP_JUMP(WF_PSEUDO_JUMP, exit, NOLOC);
    USE_LABEL(cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NOLOC));
    USE_LABEL(exit);
    return 0;
}

static int compiler_with(WfCompiler *c, const WfAstNode *s, int pos) {
    const WfAstNode *item = s->v.With.items->items[pos];
    NEW_LABEL(block);
    NEW_LABEL(final);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    VISIT(item->v.withitem.context_expr);
    WfCodeLocation loc = LOC(s);
    ADDOP(WF_OP_BEFORE_WITH, loc);
    ADDOP_JUMP(WF_PSEUDO_SETUP_WITH, final, loc);
    USE_LABEL(block);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_WITH, block, final, s));
    if (item->v.withitem.optional_vars) VISIT(item->v.withitem.optional_vars);
    else ADDOP(WF_OP_POP_TOP, loc);
    pos++;
    if (pos == s->v.With.items->len) VISIT_SEQ(s->v.With.body);
    else RETURN_IF_ERROR(compiler_with(c, s, pos));
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    wf_cg_pop_fblock(c);
    // Normal exit: __exit__(None, None, None).
    loc = LOC(s);
    RETURN_IF_ERROR(wf_cg_call_exit_with_nones(c, loc));
    ADDOP(WF_OP_POP_TOP, loc);
    ADDOP_JUMP(WF_PSEUDO_JUMP, exit, loc);
    // Exceptional exit.
    USE_LABEL(final);
    ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup, loc);
    ADDOP(WF_OP_PUSH_EXC_INFO, loc);
    ADDOP(WF_OP_WITH_EXCEPT_START, loc);
    RETURN_IF_ERROR(with_except_finish(c, cleanup));
    USE_LABEL(exit);
    return 0;
}

static int compiler_async_with(WfCompiler *c, const WfAstNode *s, int pos) {
    WfCodeLocation loc = LOC(s);
    const WfAstNode *item = s->v.AsyncWith.items->items[pos];
    if (c->u->type != WF_UNIT_ASYNC_FUNCTION) return wf_cg_error(c, loc, "'async with' outside async function");
    NEW_LABEL(block);
    NEW_LABEL(final);
    NEW_LABEL(exit);
    NEW_LABEL(cleanup);
    VISIT(item->v.withitem.context_expr);
    ADDOP(WF_OP_BEFORE_ASYNC_WITH, loc);
    ADDOP_I(WF_OP_GET_AWAITABLE, 1, loc);
    LOAD_NONE(loc);
    RETURN_IF_ERROR(wf_cg_add_yield_from(c, loc, 1));
    ADDOP_JUMP(WF_PSEUDO_SETUP_WITH, final, loc);
    USE_LABEL(block);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_ASYNC_WITH, block, final, s));
    if (item->v.withitem.optional_vars) VISIT(item->v.withitem.optional_vars);
    else ADDOP(WF_OP_POP_TOP, loc);
    pos++;
    if (pos == s->v.AsyncWith.items->len) VISIT_SEQ(s->v.AsyncWith.body);
    else RETURN_IF_ERROR(compiler_async_with(c, s, pos));
    wf_cg_pop_fblock(c);
    ADDOP(WF_PSEUDO_POP_BLOCK, loc);
    RETURN_IF_ERROR(wf_cg_call_exit_with_nones(c, loc));
    ADDOP_I(WF_OP_GET_AWAITABLE, 2, loc);
    LOAD_NONE(loc);
    RETURN_IF_ERROR(wf_cg_add_yield_from(c, loc, 1));
    ADDOP(WF_OP_POP_TOP, loc);
    ADDOP_JUMP(WF_PSEUDO_JUMP, exit, loc);
    USE_LABEL(final);
    ADDOP_JUMP(WF_PSEUDO_SETUP_CLEANUP, cleanup, loc);
    ADDOP(WF_OP_PUSH_EXC_INFO, loc);
    ADDOP(WF_OP_WITH_EXCEPT_START, loc);
    ADDOP_I(WF_OP_GET_AWAITABLE, 2, loc);
    LOAD_NONE(loc);
    RETURN_IF_ERROR(wf_cg_add_yield_from(c, loc, 1));
    RETURN_IF_ERROR(with_except_finish(c, cleanup));
    USE_LABEL(exit);
    return 0;
}

// ---------------------------------------------------------------------------
// Simple statements

static int compiler_assert(WfCompiler *c, const WfAstNode *s) {
    const WfAstNode *test = s->v.Assert.test;
    if (test->kind == WF_AST_Tuple && test->v.Tuple.elts->len > 0)
        RETURN_IF_ERROR(wf_compile_warn(c->cs, s->lineno, s->col_offset, s->end_lineno, s->end_col_offset,
                                        "assertion is always true, perhaps remove parentheses?"));
    if (c->cs->optimize > 0) return 0;
    NEW_LABEL(end);
    RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(s), s->v.Assert.test, end, 1));
    ADDOP(WF_OP_LOAD_ASSERTION_ERROR, LOC(s));
    if (s->v.Assert.msg) {
        VISIT(s->v.Assert.msg);
        ADDOP_I(WF_OP_CALL, 0, LOC(s));
    }
    ADDOP_I(WF_OP_RAISE_VARARGS, 1, LOC(s));
    USE_LABEL(end);
    return 0;
}

static int compiler_import_as(WfCompiler *c, WfCodeLocation loc, const char *name, const char *asname) {
    const char *dot = strchr(name, '.');
    if (dot) {
        // Consume the base module name to get the first attribute.
        const char *pos = dot + 1;
        for (;;) {
            const char *next = strchr(pos, '.');
            size_t len = next ? (size_t)(next - pos) : strlen(pos);
            char *attr = wf_mem_strndup(pos, len);
            if (!attr) {
                wf_err_no_memory();
                return -1;
            }
            int r = wf_cg_addop_name_cstr(c, WF_OP_IMPORT_FROM, attr, 0, loc);
            wf_mem_free(attr);
            RETURN_IF_ERROR(r);
            if (!next) break;
            ADDOP_I(WF_OP_SWAP, 2, loc);
            ADDOP(WF_OP_POP_TOP, loc);
            pos = next + 1;
        }
        RETURN_IF_ERROR(wf_cg_nameop_cstr(c, asname, WF_AST_CTX_Store, loc));
        ADDOP(WF_OP_POP_TOP, loc);
        return 0;
    }
    return wf_cg_nameop_cstr(c, asname, WF_AST_CTX_Store, loc);
}

static int compiler_import(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    const WfAstSeq *names = s->v.Import.names;
    for (int i = 0; i < names->len; i++) {
        const WfAstNode *alias = names->items[i];
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(0), loc));
        LOAD_NONE(loc);
        RETURN_IF_ERROR(wf_cg_addop_name_cstr(c, WF_OP_IMPORT_NAME, alias->v.alias.name, 0, loc));
        if (alias->v.alias.asname) {
            RETURN_IF_ERROR(compiler_import_as(c, loc, alias->v.alias.name, alias->v.alias.asname));
        } else {
            const char *name = alias->v.alias.name;
            const char *dot = strchr(name, '.');
            if (dot) {
                char *tmp = wf_mem_strndup(name, (size_t)(dot - name));
                if (!tmp) {
                    wf_err_no_memory();
                    return -1;
                }
                int r = wf_cg_nameop_cstr(c, tmp, WF_AST_CTX_Store, loc);
                wf_mem_free(tmp);
                RETURN_IF_ERROR(r);
            } else {
                RETURN_IF_ERROR(wf_cg_nameop_cstr(c, name, WF_AST_CTX_Store, loc));
            }
        }
    }
    return 0;
}

static int compiler_from_import(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    const WfAstSeq *aliases = s->v.ImportFrom.names;
    int n = aliases->len;
    if (s->v.ImportFrom.module && s->v.ImportFrom.level == 0 && strcmp(s->v.ImportFrom.module, "__future__") == 0 &&
        (s->lineno > c->cs->future_lineno ||
         (s->lineno == c->cs->future_lineno && s->col_offset > c->cs->future_col)))
        return wf_cg_error(c, loc, "from __future__ imports must occur at the beginning of the file");
    RETURN_IF_ERROR(wf_cg_load_const(c, wf_smallint_new(s->v.ImportFrom.level), loc));
    WfObject *names = wf_tuple_new(n);
    if (!names) return -1;
    for (int i = 0; i < n; i++) {
        WfObject *nm = wf_compile_intern(aliases->items[i]->v.alias.name);
        if (!nm) {
            for (int j = i; j < n; j++) wf_tuple_set_take(names, j, wf_None);
            wf_decref(names);
            return -1;
        }
        wf_tuple_set_take(names, i, nm);
    }
    RETURN_IF_ERROR(wf_cg_load_const_take(c, names, loc));
    RETURN_IF_ERROR(wf_cg_addop_name_cstr(c, WF_OP_IMPORT_NAME,
                                          s->v.ImportFrom.module ? s->v.ImportFrom.module : "", 0, loc));
    for (int i = 0; i < n; i++) {
        const WfAstNode *alias = aliases->items[i];
        if (i == 0 && alias->v.alias.name[0] == '*') {
            ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_IMPORT_STAR, loc);
            ADDOP(WF_OP_POP_TOP, NOLOC);
            return 0;
        }
        RETURN_IF_ERROR(wf_cg_addop_name_cstr(c, WF_OP_IMPORT_FROM, alias->v.alias.name, 0, loc));
        const char *store = alias->v.alias.asname ? alias->v.alias.asname : alias->v.alias.name;
        RETURN_IF_ERROR(wf_cg_nameop_cstr(c, store, WF_AST_CTX_Store, loc));
    }
    ADDOP(WF_OP_POP_TOP, loc);
    return 0;
}

static int check_ann_expr(WfCompiler *c, const WfAstNode *e) {
    VISIT(e);
    ADDOP(WF_OP_POP_TOP, LOC(e));
    return 0;
}

static int compiler_annassign(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    const WfAstNode *targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        VISIT(s->v.AnnAssign.value);
        VISIT(targ);
    }
    bool future = (c->cs->future_features & WF_FUTURE_ANNOTATIONS) != 0;
    switch (targ->kind) {
    case WF_AST_Name:
        if (wf_cg_forbidden_name(c, loc, targ->v.Name.id, WF_AST_CTX_Store)) return -1;
        if (s->v.AnnAssign.simple && (c->u->type == WF_UNIT_MODULE || c->u->type == WF_UNIT_CLASS)) {
            RETURN_IF_ERROR(wf_cg_visit_annexpr(c, s->v.AnnAssign.annotation));
            RETURN_IF_ERROR(wf_cg_addop_name_cstr(c, WF_OP_LOAD_NAME, "__annotations__", 0, loc));
            WfObject *name = wf_compile_intern(targ->v.Name.id);
            if (!name) return -1;
            WfObject *mangled = wf_compile_mangle(c->u->private_name, name);
            if (!mangled) return -1;
            RETURN_IF_ERROR(wf_cg_load_const(c, mangled, loc));
            ADDOP(WF_OP_STORE_SUBSCR, loc);
        }
        break;
    case WF_AST_Attribute:
        if (wf_cg_forbidden_name(c, loc, targ->v.Attribute.attr, WF_AST_CTX_Store)) return -1;
        if (!s->v.AnnAssign.value) RETURN_IF_ERROR(check_ann_expr(c, targ->v.Attribute.value));
        break;
    case WF_AST_Subscript:
        if (!s->v.AnnAssign.value) {
            RETURN_IF_ERROR(check_ann_expr(c, targ->v.Subscript.value));
            const WfAstNode *sl = targ->v.Subscript.slice;
            if (sl->kind == WF_AST_Slice) {
                if (sl->v.Slice.lower) RETURN_IF_ERROR(check_ann_expr(c, sl->v.Slice.lower));
                if (sl->v.Slice.upper) RETURN_IF_ERROR(check_ann_expr(c, sl->v.Slice.upper));
                if (sl->v.Slice.step) RETURN_IF_ERROR(check_ann_expr(c, sl->v.Slice.step));
            } else if (sl->kind == WF_AST_Tuple) {
                for (int i = 0; i < sl->v.Tuple.elts->len; i++)
                    RETURN_IF_ERROR(check_ann_expr(c, sl->v.Tuple.elts->items[i]));
            } else {
                RETURN_IF_ERROR(check_ann_expr(c, sl));
            }
        }
        break;
    default:
        return wf_cg_error(c, LOC(targ), "illegal target for annotation");
    }
    if (!s->v.AnnAssign.simple && !future &&
        (c->u->type == WF_UNIT_MODULE || c->u->type == WF_UNIT_CLASS))
        RETURN_IF_ERROR(check_ann_expr(c, s->v.AnnAssign.annotation));
    return 0;
}

static int compiler_stmt_expr(WfCompiler *c, WfCodeLocation loc, const WfAstNode *value) {
    if (c->cs->interactive && c->nestlevel <= 1) {
        VISIT(value);
        ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_PRINT, loc);
        ADDOP(WF_OP_POP_TOP, NOLOC);
        return 0;
    }
    if (value->kind == WF_AST_Constant) {
        ADDOP(WF_OP_NOP, loc);  // ignore constant statement
        return 0;
    }
    VISIT(value);
    ADDOP(WF_OP_POP_TOP, NOLOC);
    return 0;
}

static int visit_stmt1(WfCompiler *c, const WfAstNode *s) {
    WfCodeLocation loc = LOC(s);
    switch (s->kind) {
    case WF_AST_FunctionDef:
        return wf_cg_function(c, s, false);
    case WF_AST_AsyncFunctionDef:
        return wf_cg_function(c, s, true);
    case WF_AST_ClassDef:
        return wf_cg_class(c, s);
    case WF_AST_Return:
        return compiler_return(c, s);
    case WF_AST_Delete:
        return wf_cg_visit_exprs(c, s->v.Delete.targets);
    case WF_AST_Assign: {
        int n = s->v.Assign.targets->len;
        VISIT(s->v.Assign.value);
        for (int i = 0; i < n; i++) {
            if (i < n - 1) ADDOP_I(WF_OP_COPY, 1, loc);
            VISIT(s->v.Assign.targets->items[i]);
        }
        return 0;
    }
    case WF_AST_AugAssign:
        return wf_cg_augassign(c, s);
    case WF_AST_AnnAssign:
        return compiler_annassign(c, s);
    case WF_AST_For:
        return compiler_for(c, s);
    case WF_AST_AsyncFor:
        return compiler_async_for(c, s);
    case WF_AST_While:
        return compiler_while(c, s);
    case WF_AST_If:
        return compiler_if(c, s);
    case WF_AST_Match:
        return wf_cg_match(c, s);
    case WF_AST_Raise: {
        int n = 0;
        if (s->v.Raise.exc) {
            VISIT(s->v.Raise.exc);
            n++;
            if (s->v.Raise.cause) {
                VISIT(s->v.Raise.cause);
                n++;
            }
        }
        ADDOP_I(WF_OP_RAISE_VARARGS, n, loc);
        return 0;
    }
    case WF_AST_Try:
        if (s->v.Try.finalbody->len) return compiler_try_finally(c, s);
        return compiler_try_except(c, s);
    case WF_AST_TryStar:
        return compiler_try_star(c, s);
    case WF_AST_Assert:
        return compiler_assert(c, s);
    case WF_AST_Import:
        return compiler_import(c, s);
    case WF_AST_ImportFrom:
        return compiler_from_import(c, s);
    case WF_AST_Global:
    case WF_AST_Nonlocal:
        return 0;
    case WF_AST_Expr:
        return compiler_stmt_expr(c, loc, s->v.Expr.value);
    case WF_AST_Pass:
        ADDOP(WF_OP_NOP, loc);
        return 0;
    case WF_AST_Break:
        return compiler_break(c, loc);
    case WF_AST_Continue:
        return compiler_continue(c, loc);
    case WF_AST_With:
        return compiler_with(c, s, 0);
    case WF_AST_AsyncWith:
        return compiler_async_with(c, s, 0);
    default:
        wf_err_format(&wf_exc_SystemError, "compiler: unexpected statement kind %d", (int)s->kind);
        return -1;
    }
}

int wf_cg_visit_stmt(WfCompiler *c, const WfAstNode *s) {
    if (++c->recursion > 4000) {
        wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = visit_stmt1(c, s);
    c->recursion--;
    return r;
}

int wf_cg_visit_stmts(WfCompiler *c, const WfAstSeq *seq) {
    for (int i = 0; i < seq->len; i++) RETURN_IF_ERROR(wf_cg_visit_stmt(c, seq->items[i]));
    return 0;
}
