// codegen_scope.c — code generation for the constructs that create code
// objects: modules, functions (defaults, keyword-only defaults, annotations,
// decorators, closures), classes (LOAD_BUILD_CLASS, __module__ /
// __qualname__ / __classcell__), lambdas and comprehensions (compiled as
// nested functions taking the outermost iterator as ".0", as CPython 3.11).
//
// Invariant: every wf_cg_enter_scope is matched by wf_cg_exit_scope on all
// paths, so c->u is the enclosing unit again when a function returns.
#include <string.h>

#include "compile/codegen.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define LOC(n) wf_loc_of(n)
#define NOLOC wf_no_location
#define ADDOP(op, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), 0, (loc)))
#define ADDOP_I(op, arg, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), (arg), (loc)))
#define ADDOP_JUMP(op, label, loc) RETURN_IF_ERROR(wf_cg_jump(c, (op), (label), (loc)))
#define VISIT(e) RETURN_IF_ERROR(wf_cg_visit_expr(c, (e)))
#define NEW_LABEL(l) int l = wf_cg_new_label(c); if (l < 0) return -1
#define USE_LABEL(l) wf_cg_use_label(c, (l))

bool wf_cg_find_ann(const WfAstSeq *stmts) {
    for (int i = 0; i < stmts->len; i++) {
        const WfAstNode *st = stmts->items[i];
        bool res = false;
        switch (st->kind) {
        case WF_AST_AnnAssign:
            return true;
        case WF_AST_For:
        case WF_AST_AsyncFor:
            res = wf_cg_find_ann(st->v.For.body) || wf_cg_find_ann(st->v.For.orelse);
            break;
        case WF_AST_While:
            res = wf_cg_find_ann(st->v.While.body) || wf_cg_find_ann(st->v.While.orelse);
            break;
        case WF_AST_If:
            res = wf_cg_find_ann(st->v.If.body) || wf_cg_find_ann(st->v.If.orelse);
            break;
        case WF_AST_With:
        case WF_AST_AsyncWith:
            res = wf_cg_find_ann(st->v.With.body);
            break;
        case WF_AST_Try:
        case WF_AST_TryStar:
            for (int j = 0; j < st->v.Try.handlers->len; j++)
                if (wf_cg_find_ann(st->v.Try.handlers->items[j]->v.ExceptHandler.body)) return true;
            res = wf_cg_find_ann(st->v.Try.body) || wf_cg_find_ann(st->v.Try.finalbody) ||
                  wf_cg_find_ann(st->v.Try.orelse);
            break;
        case WF_AST_Match:
            for (int j = 0; j < st->v.Match.cases->len; j++)
                if (wf_cg_find_ann(st->v.Match.cases->items[j]->v.match_case.body)) return true;
            break;
        default:
            break;
        }
        if (res) return true;
    }
    return false;
}

int wf_cg_visit_annexpr(WfCompiler *c, const WfAstNode *annotation) {
    if (c->cs->future_features & WF_FUTURE_ANNOTATIONS)
        return wf_cg_load_const_take(c, wf_compile_unparse(c, annotation), LOC(annotation));
    return wf_cg_visit_expr(c, annotation);
}

// Module / class bodies: SETUP_ANNOTATIONS, the docstring as __doc__, statements.
static int compiler_body(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *stmts) {
    if (c->u->type == WF_UNIT_MODULE && stmts->len) loc = LOC(stmts->items[0]);
    if (wf_cg_find_ann(stmts)) ADDOP(WF_OP_SETUP_ANNOTATIONS, loc);
    if (!stmts->len) return 0;
    int i = 0;
    if (c->cs->optimize < 2) {
        WfObject *doc = wf_cg_docstring(stmts);
        if (doc) {
            wf_decref(doc);
            i = 1;
            VISIT(stmts->items[0]->v.Expr.value);
            RETURN_IF_ERROR(wf_cg_nameop_cstr(c, "__doc__", WF_AST_CTX_Store, NOLOC));
        }
    }
    for (; i < stmts->len; i++) RETURN_IF_ERROR(wf_cg_visit_stmt(c, stmts->items[i]));
    return 0;
}

// Wrap a generator body: handler at the start that turns StopIteration into RuntimeError.
static int wrap_in_stopiteration_handler(WfCompiler *c) {
    NEW_LABEL(handler);
    RETURN_IF_ERROR(wf_cg_insert_first(c, WF_PSEUDO_SETUP_CLEANUP, 0, handler));
    RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, NOLOC));
    ADDOP(WF_OP_RETURN_VALUE, NOLOC);
    USE_LABEL(handler);
    ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_STOPITERATION_ERROR, NOLOC);
    ADDOP_I(WF_OP_RERAISE, 1, NOLOC);
    return 0;
}

// Push the closure tuple (when co has free variables), the code and MAKE_FUNCTION.
static int make_closure(WfCompiler *c, WfCodeLocation loc, WfCodeObject *co, int flags) {
    if (co->co_nfreevars) {
        int first = co->co_nlocalsplus - co->co_nfreevars;
        for (int i = first; i < co->co_nlocalsplus; i++) {
            WfObject *name = wf_tuple_get_borrow(co->co_localsplusnames, i);
            int reftype = wf_cg_get_ref_type(c, name);
            if (reftype < 0) return -1;
            int arg;
            if (reftype == WF_SCOPE_CELL) {
                arg = wf_namelist_find(&c->u->cellvars, name);
            } else {
                arg = wf_namelist_find(&c->u->freevars, name);
                if (arg >= 0) arg += c->u->cellvars.count;
            }
            if (arg < 0) {
                wf_err_format(&wf_exc_SystemError, "compiler_make_closure: failed to find arg: %R", name);
                return -1;
            }
            ADDOP_I(WF_OP_LOAD_CLOSURE, arg, loc);
        }
        flags |= WF_MKFN_CLOSURE;
        ADDOP_I(WF_OP_BUILD_TUPLE, co->co_nfreevars, loc);
    }
    RETURN_IF_ERROR(wf_cg_load_const(c, (WfObject *)co, loc));
    ADDOP_I(WF_OP_MAKE_FUNCTION, flags, loc);
    return 0;
}

static int visit_kwonlydefaults(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *kwonlyargs,
                                const WfAstSeq *kw_defaults) {
    int n = 0;
    for (int i = 0; i < kwonlyargs->len; i++)
        if (kw_defaults->items[i]) n++;
    if (!n) return 0;
    WfObject *keys = wf_tuple_new(n);
    if (!keys) return -1;
    int k = 0;
    for (int i = 0; i < kwonlyargs->len; i++) {
        const WfAstNode *def = kw_defaults->items[i];
        if (!def) continue;
        WfObject *name = wf_compile_intern(kwonlyargs->items[i]->v.arg.arg);
        WfObject *mangled = name ? wf_compile_mangle(c->u->private_name, name) : NULL;
        if (!mangled || wf_cg_visit_expr(c, def) < 0) {
            for (int j = k; j < n; j++) wf_tuple_set_take(keys, j, wf_None);
            wf_decref(keys);
            return -1;
        }
        wf_tuple_set_take(keys, k++, mangled);
    }
    RETURN_IF_ERROR(wf_cg_load_const_take(c, keys, loc));
    ADDOP_I(WF_OP_BUILD_CONST_KEY_MAP, n, loc);
    return 1;
}

static int default_arguments(WfCompiler *c, WfCodeLocation loc, const WfAstNode *args) {
    int flags = 0;
    const WfAstSeq *defaults = args->v.arguments.defaults;
    if (defaults->len) {
        RETURN_IF_ERROR(wf_cg_visit_exprs(c, defaults));
        ADDOP_I(WF_OP_BUILD_TUPLE, defaults->len, loc);
        flags |= WF_MKFN_DEFAULTS;
    }
    if (args->v.arguments.kwonlyargs->len) {
        int r = visit_kwonlydefaults(c, loc, args->v.arguments.kwonlyargs, args->v.arguments.kw_defaults);
        if (r < 0) return -1;
        if (r > 0) flags |= WF_MKFN_KWDEFAULTS;
    }
    return flags;
}

static int visit_argannotation(WfCompiler *c, const char *id, const WfAstNode *annotation, int *len,
                               WfCodeLocation loc) {
    if (!annotation) return 0;
    WfObject *name = wf_compile_intern(id);
    WfObject *mangled = name ? wf_compile_mangle(c->u->private_name, name) : NULL;
    if (!mangled) return -1;
    RETURN_IF_ERROR(wf_cg_load_const(c, mangled, loc));
    if (c->cs->future_features & WF_FUTURE_ANNOTATIONS) {
        RETURN_IF_ERROR(wf_cg_visit_annexpr(c, annotation));
    } else if (annotation->kind == WF_AST_Starred) {
        VISIT(annotation->v.Starred.value);
        ADDOP_I(WF_OP_UNPACK_SEQUENCE, 1, loc);
    } else {
        VISIT(annotation);
    }
    *len += 2;
    return 0;
}

static int visit_argannotations(WfCompiler *c, const WfAstSeq *args, int *len, WfCodeLocation loc) {
    for (int i = 0; i < args->len; i++) {
        const WfAstNode *a = args->items[i];
        RETURN_IF_ERROR(visit_argannotation(c, a->v.arg.arg, a->v.arg.annotation, len, loc));
    }
    return 0;
}

static int visit_annotations(WfCompiler *c, WfCodeLocation loc, const WfAstNode *args, const WfAstNode *returns) {
    int len = 0;
    RETURN_IF_ERROR(visit_argannotations(c, args->v.arguments.args, &len, loc));
    RETURN_IF_ERROR(visit_argannotations(c, args->v.arguments.posonlyargs, &len, loc));
    const WfAstNode *va = args->v.arguments.vararg, *kwa = args->v.arguments.kwarg;
    if (va && va->v.arg.annotation)
        RETURN_IF_ERROR(visit_argannotation(c, va->v.arg.arg, va->v.arg.annotation, &len, loc));
    RETURN_IF_ERROR(visit_argannotations(c, args->v.arguments.kwonlyargs, &len, loc));
    if (kwa && kwa->v.arg.annotation)
        RETURN_IF_ERROR(visit_argannotation(c, kwa->v.arg.arg, kwa->v.arg.annotation, &len, loc));
    RETURN_IF_ERROR(visit_argannotation(c, "return", returns, &len, loc));
    if (len) {
        ADDOP_I(WF_OP_BUILD_TUPLE, len, loc);
        return 1;
    }
    return 0;
}

// Errors are positioned at the whole definition, as CPython 3.11 reports them.
static int check_debug_args_seq(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *args) {
    for (int i = 0; i < args->len; i++) {
        const WfAstNode *a = args->items[i];
        if (wf_cg_forbidden_name(c, loc, a->v.arg.arg, WF_AST_CTX_Store)) return -1;
    }
    return 0;
}

static int check_debug_args(WfCompiler *c, WfCodeLocation loc, const WfAstNode *args) {
    RETURN_IF_ERROR(check_debug_args_seq(c, loc, args->v.arguments.posonlyargs));
    RETURN_IF_ERROR(check_debug_args_seq(c, loc, args->v.arguments.args));
    const WfAstNode *va = args->v.arguments.vararg, *kwa = args->v.arguments.kwarg;
    if (va && wf_cg_forbidden_name(c, loc, va->v.arg.arg, WF_AST_CTX_Store)) return -1;
    RETURN_IF_ERROR(check_debug_args_seq(c, loc, args->v.arguments.kwonlyargs));
    if (kwa && wf_cg_forbidden_name(c, loc, kwa->v.arg.arg, WF_AST_CTX_Store)) return -1;
    return 0;
}

static int apply_decorators(WfCompiler *c, const WfAstSeq *decos) {
    for (int i = decos->len - 1; i >= 0; i--) ADDOP_I(WF_OP_CALL, 0, LOC(decos->items[i]));
    return 0;
}

static void set_argcounts(WfUnit *u, const WfAstNode *args) {
    u->argcount = args->v.arguments.args->len;
    u->posonlyargcount = args->v.arguments.posonlyargs->len;
    u->kwonlyargcount = args->v.arguments.kwonlyargs->len;
}

int wf_cg_function(WfCompiler *c, const WfAstNode *s, bool is_async) {
    const char *cname = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    const WfAstNode *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    const WfAstNode *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    const WfAstSeq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list : s->v.FunctionDef.decorator_list;
    const WfAstSeq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    RETURN_IF_ERROR(check_debug_args(c, LOC(s), args));
    RETURN_IF_ERROR(wf_cg_visit_exprs(c, decos));
    int firstlineno = decos->len ? decos->items[0]->lineno : s->lineno;
    WfCodeLocation loc = LOC(s);
    int funcflags = default_arguments(c, loc, args);
    if (funcflags < 0) return -1;
    int ann = visit_annotations(c, loc, args, returns);
    if (ann < 0) return -1;
    if (ann) funcflags |= WF_MKFN_ANNOTATIONS;

    WfObject *name = wf_compile_intern(cname);
    if (!name) return -1;
    RETURN_IF_ERROR(wf_cg_enter_scope(c, name, is_async ? WF_UNIT_ASYNC_FUNCTION : WF_UNIT_FUNCTION, s, firstlineno));
    WfObject *doc = c->cs->optimize < 2 ? wf_cg_docstring(body) : NULL;
    int r = wf_cg_add_const(c, doc ? doc : wf_None);
    c->u->has_docstring = doc != NULL;
    set_argcounts(c->u, args);
    for (int i = doc ? 1 : 0; r >= 0 && i < body->len; i++) r = wf_cg_visit_stmt(c, body->items[i]);
    WF_XDECREF(doc);
    if (r >= 0 && (c->u->ste->coroutine || c->u->ste->generator)) r = wrap_in_stopiteration_handler(c);
    WfCodeObject *co = r >= 0 ? wf_assemble_unit(c, 1) : NULL;
    wf_cg_exit_scope(c);
    if (!co) return -1;
    r = make_closure(c, loc, co, funcflags);
    wf_decref((WfObject *)co);
    RETURN_IF_ERROR(r);
    RETURN_IF_ERROR(apply_decorators(c, decos));
    return wf_cg_nameop(c, name, WF_AST_CTX_Store, loc);
}

int wf_cg_class(WfCompiler *c, const WfAstNode *s) {
    const WfAstSeq *decos = s->v.ClassDef.decorator_list;
    RETURN_IF_ERROR(wf_cg_visit_exprs(c, decos));
    int firstlineno = decos->len ? decos->items[0]->lineno : s->lineno;
    WfObject *name = wf_compile_intern(s->v.ClassDef.name);
    if (!name) return -1;

    // 1. The class body's code object.
    RETURN_IF_ERROR(wf_cg_enter_scope(c, name, WF_UNIT_CLASS, s, firstlineno));
    WfCodeLocation loc = { firstlineno, firstlineno, 0, 0 };
    c->u->private_name = name;
    int r = wf_cg_nameop_cstr(c, "__name__", WF_AST_CTX_Load, loc);
    if (r >= 0) r = wf_cg_nameop_cstr(c, "__module__", WF_AST_CTX_Store, loc);
    if (r >= 0) r = wf_cg_load_const(c, c->u->qualname, loc);
    if (r >= 0) r = wf_cg_nameop_cstr(c, "__qualname__", WF_AST_CTX_Store, loc);
    if (r >= 0) r = compiler_body(c, loc, s->v.ClassDef.body);
    if (r >= 0) {
        if (c->u->ste->needs_class_closure) {
            WfObject *cls = wf_compile_intern("__class__");
            int i = cls ? wf_namelist_find(&c->u->cellvars, cls) : -1;
            if (i < 0) {
                if (!wf_err_occurred()) wf_err_set_string(&wf_exc_SystemError, "compiler: no __class__ cell");
                r = -1;
            }
            if (r >= 0) r = wf_cg_addop(c, WF_OP_LOAD_CLOSURE, i, NOLOC);
            if (r >= 0) r = wf_cg_addop(c, WF_OP_COPY, 1, NOLOC);
            if (r >= 0) r = wf_cg_addop_name_cstr(c, WF_OP_STORE_NAME, "__classcell__", 0, NOLOC);
        } else {
            r = wf_cg_load_const(c, wf_None, NOLOC);
        }
    }
    if (r >= 0) r = wf_cg_addop(c, WF_OP_RETURN_VALUE, 0, NOLOC);
    WfCodeObject *co = r >= 0 ? wf_assemble_unit(c, 0) : NULL;
    wf_cg_exit_scope(c);
    if (!co) return -1;

    // 2. __build_class__(func, name, *bases, **keywords)
    loc = LOC(s);
    r = wf_cg_addop(c, WF_OP_PUSH_NULL, 0, loc);
    if (r >= 0) r = wf_cg_addop(c, WF_OP_LOAD_BUILD_CLASS, 0, loc);
    if (r >= 0) r = make_closure(c, loc, co, 0);
    wf_decref((WfObject *)co);
    RETURN_IF_ERROR(r);
    RETURN_IF_ERROR(wf_cg_load_const(c, name, loc));
    RETURN_IF_ERROR(wf_cg_call_helper(c, loc, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    RETURN_IF_ERROR(apply_decorators(c, decos));
    return wf_cg_nameop(c, name, WF_AST_CTX_Store, loc);
}

int wf_cg_lambda(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    const WfAstNode *args = e->v.Lambda.args;
    RETURN_IF_ERROR(check_debug_args(c, loc, args));
    int funcflags = default_arguments(c, loc, args);
    if (funcflags < 0) return -1;
    WfObject *name = wf_compile_intern("<lambda>");
    if (!name) return -1;
    RETURN_IF_ERROR(wf_cg_enter_scope(c, name, WF_UNIT_LAMBDA, e, e->lineno));
    // None first, so the lambda can't have a docstring.
    int r = wf_cg_add_const(c, wf_None);
    set_argcounts(c->u, args);
    if (r >= 0) r = wf_cg_visit_expr(c, e->v.Lambda.body);
    WfCodeObject *co = NULL;
    if (r >= 0) {
        if (c->u->ste->generator) {
            co = wf_assemble_unit(c, 0);
        } else {
            WfCodeLocation rloc = { e->lineno, e->lineno, 0, 0 };
            if (wf_cg_addop(c, WF_OP_RETURN_VALUE, 0, rloc) >= 0) co = wf_assemble_unit(c, 1);
        }
    }
    wf_cg_exit_scope(c);
    if (!co) return -1;
    r = make_closure(c, loc, co, funcflags);
    wf_decref((WfObject *)co);
    return r;
}

// ---------------------------------------------------------------------------
// Comprehensions

static int comprehension_generator(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *generators, int gen_index,
                                   int depth, const WfAstNode *elt, const WfAstNode *val, WfCompKind type);

static int emit_element(WfCompiler *c, const WfAstNode *elt, const WfAstNode *val, WfCompKind type, int depth,
                        WfCodeLocation *elt_loc) {
    *elt_loc = LOC(elt);
    switch (type) {
    case WF_COMP_GENEXP:
        VISIT(elt);
        RETURN_IF_ERROR(wf_cg_addop_yield(c, *elt_loc));
        ADDOP(WF_OP_POP_TOP, *elt_loc);
        break;
    case WF_COMP_LIST:
        VISIT(elt);
        ADDOP_I(WF_OP_LIST_APPEND, depth + 1, *elt_loc);
        break;
    case WF_COMP_SET:
        VISIT(elt);
        ADDOP_I(WF_OP_SET_ADD, depth + 1, *elt_loc);
        break;
    case WF_COMP_DICT:
        VISIT(elt);
        VISIT(val);
        *elt_loc = (WfCodeLocation){ elt->lineno, val->end_lineno, elt->col_offset, val->end_col_offset };
        ADDOP_I(WF_OP_MAP_ADD, depth + 1, *elt_loc);
        break;
    default:
        return -1;
    }
    return 0;
}

static int sync_comprehension_generator(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *generators,
                                        int gen_index, int depth, const WfAstNode *elt, const WfAstNode *val,
                                        WfCompKind type) {
    NEW_LABEL(start);
    NEW_LABEL(if_cleanup);
    NEW_LABEL(anchor);
    const WfAstNode *gen = generators->items[gen_index];
    bool has_start = true;
    if (gen_index == 0) {
        c->u->argcount = 1;
        ADDOP_I(WF_OP_LOAD_FAST, 0, loc);
    } else {
        // Fast path for the temporary variable assignment idiom: for y in [f(x)]
        const WfAstNode *it = gen->v.comprehension.iter;
        const WfAstSeq *elts = it->kind == WF_AST_List ? it->v.List.elts
                               : it->kind == WF_AST_Tuple ? it->v.Tuple.elts
                                                          : NULL;
        if (elts && elts->len == 1 && elts->items[0]->kind != WF_AST_Starred) {
            VISIT(elts->items[0]);
            has_start = false;
        }
        if (has_start) {
            VISIT(it);
            ADDOP(WF_OP_GET_ITER, loc);
        }
    }
    if (has_start) {
        depth++;
        USE_LABEL(start);
        ADDOP_JUMP(WF_OP_FOR_ITER, anchor, loc);
    }
    VISIT(gen->v.comprehension.target);
    for (int i = 0; i < gen->v.comprehension.ifs->len; i++)
        RETURN_IF_ERROR(wf_cg_jump_if(c, loc, gen->v.comprehension.ifs->items[i], if_cleanup, 0));
    WfCodeLocation elt_loc = LOC(elt);
    if (++gen_index < generators->len)
        RETURN_IF_ERROR(comprehension_generator(c, loc, generators, gen_index, depth, elt, val, type));
    else
        RETURN_IF_ERROR(emit_element(c, elt, val, type, depth, &elt_loc));
    USE_LABEL(if_cleanup);
    if (has_start) {
        ADDOP_JUMP(WF_PSEUDO_JUMP, start, elt_loc);
        USE_LABEL(anchor);
        ADDOP(WF_OP_END_FOR, NOLOC);
    }
    return 0;
}

static int async_comprehension_generator(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *generators,
                                         int gen_index, int depth, const WfAstNode *elt, const WfAstNode *val,
                                         WfCompKind type) {
    NEW_LABEL(start);
    NEW_LABEL(except);
    NEW_LABEL(if_cleanup);
    const WfAstNode *gen = generators->items[gen_index];
    if (gen_index == 0) {
        c->u->argcount = 1;
        ADDOP_I(WF_OP_LOAD_FAST, 0, loc);
    } else {
        VISIT(gen->v.comprehension.iter);
        ADDOP(WF_OP_GET_AITER, loc);
    }
    USE_LABEL(start);
    RETURN_IF_ERROR(wf_cg_push_fblock(c, loc, WF_FB_ASYNC_COMPREHENSION_GENERATOR, start, -1, NULL));
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, except, loc);
    ADDOP(WF_OP_GET_ANEXT, loc);
    RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, loc));
    RETURN_IF_ERROR(wf_cg_add_yield_from(c, loc, 1));
    ADDOP(WF_PSEUDO_POP_BLOCK, loc);
    VISIT(gen->v.comprehension.target);
    for (int i = 0; i < gen->v.comprehension.ifs->len; i++)
        RETURN_IF_ERROR(wf_cg_jump_if(c, loc, gen->v.comprehension.ifs->items[i], if_cleanup, 0));
    depth++;
    WfCodeLocation elt_loc = LOC(elt);
    if (++gen_index < generators->len)
        RETURN_IF_ERROR(comprehension_generator(c, loc, generators, gen_index, depth, elt, val, type));
    else
        RETURN_IF_ERROR(emit_element(c, elt, val, type, depth, &elt_loc));
    USE_LABEL(if_cleanup);
    ADDOP_JUMP(WF_PSEUDO_JUMP, start, elt_loc);
    wf_cg_pop_fblock(c);
    USE_LABEL(except);
    ADDOP(WF_OP_END_ASYNC_FOR, loc);
    return 0;
}

static int comprehension_generator(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *generators, int gen_index,
                                   int depth, const WfAstNode *elt, const WfAstNode *val, WfCompKind type) {
    if (generators->items[gen_index]->v.comprehension.is_async)
        return async_comprehension_generator(c, loc, generators, gen_index, depth, elt, val, type);
    return sync_comprehension_generator(c, loc, generators, gen_index, depth, elt, val, type);
}

int wf_cg_comprehension(WfCompiler *c, const WfAstNode *e) {
    WfCompKind type;
    const char *cname;
    const WfAstSeq *generators;
    const WfAstNode *elt, *val = NULL;
    switch (e->kind) {
    case WF_AST_GeneratorExp:
        type = WF_COMP_GENEXP, cname = "<genexpr>", generators = e->v.GeneratorExp.generators, elt = e->v.GeneratorExp.elt;
        break;
    case WF_AST_ListComp:
        type = WF_COMP_LIST, cname = "<listcomp>", generators = e->v.ListComp.generators, elt = e->v.ListComp.elt;
        break;
    case WF_AST_SetComp:
        type = WF_COMP_SET, cname = "<setcomp>", generators = e->v.SetComp.generators, elt = e->v.SetComp.elt;
        break;
    default:
        type = WF_COMP_DICT, cname = "<dictcomp>", generators = e->v.DictComp.generators, elt = e->v.DictComp.key;
        val = e->v.DictComp.value;
        break;
    }
    const WfAstNode *outermost = generators->items[0];
    WfUnitType scope_type = c->u->type;
    WfObject *name = wf_compile_intern(cname);
    if (!name) return -1;
    RETURN_IF_ERROR(wf_cg_enter_scope(c, name, WF_UNIT_COMPREHENSION, e, e->lineno));
    WfCodeLocation loc = LOC(e);
    bool is_async_generator = c->u->ste->coroutine;
    int r = 0;
    if (is_async_generator && type != WF_COMP_GENEXP && scope_type != WF_UNIT_ASYNC_FUNCTION &&
        scope_type != WF_UNIT_COMPREHENSION) {
        r = wf_cg_error(c, loc, "asynchronous comprehension outside of an asynchronous function");
    }
    if (r >= 0 && type != WF_COMP_GENEXP) {
        int op = type == WF_COMP_LIST ? WF_OP_BUILD_LIST : type == WF_COMP_SET ? WF_OP_BUILD_SET : WF_OP_BUILD_MAP;
        r = wf_cg_addop(c, op, 0, loc);
    }
    if (r >= 0) r = comprehension_generator(c, loc, generators, 0, 0, elt, val, type);
    if (r >= 0 && type != WF_COMP_GENEXP) r = wf_cg_addop(c, WF_OP_RETURN_VALUE, 0, loc);
    if (r >= 0 && type == WF_COMP_GENEXP) r = wrap_in_stopiteration_handler(c);
    WfCodeObject *co = r >= 0 ? wf_assemble_unit(c, 1) : NULL;
    wf_cg_exit_scope(c);
    if (!co) return -1;
    r = make_closure(c, loc, co, 0);
    wf_decref((WfObject *)co);
    RETURN_IF_ERROR(r);
    VISIT(outermost->v.comprehension.iter);
    ADDOP(outermost->v.comprehension.is_async ? WF_OP_GET_AITER : WF_OP_GET_ITER, loc);
    ADDOP_I(WF_OP_CALL, 0, loc);
    if (is_async_generator && type != WF_COMP_GENEXP) {
        ADDOP_I(WF_OP_GET_AWAITABLE, 0, loc);
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, loc));
        RETURN_IF_ERROR(wf_cg_add_yield_from(c, loc, 1));
    }
    return 0;
}

// ---------------------------------------------------------------------------

WfCodeObject *wf_cg_compile_module(WfCompiler *c, const WfAstNode *mod) {
    WfObject *name = wf_compile_intern("<module>");
    if (!name || wf_cg_enter_scope(c, name, WF_UNIT_MODULE, mod, 1) < 0) {
        if (c->u) wf_cg_exit_scope(c);
        return NULL;
    }
    WfCodeLocation loc = { 1, 1, 0, 0 };
    int add_none = 1;
    int r = 0;
    switch (mod->kind) {
    case WF_AST_Module:
        r = compiler_body(c, loc, mod->v.Module.body);
        break;
    case WF_AST_Interactive:
        if (wf_cg_find_ann(mod->v.Interactive.body)) r = wf_cg_addop(c, WF_OP_SETUP_ANNOTATIONS, 0, loc);
        c->cs->interactive = 1;
        if (r >= 0) r = wf_cg_visit_stmts(c, mod->v.Interactive.body);
        break;
    case WF_AST_Expression:
        r = wf_cg_visit_expr(c, mod->v.Expression.body);
        add_none = 0;
        break;
    default:
        wf_err_set_string(&wf_exc_SystemError, "compiler: bad module kind");
        r = -1;
    }
    WfCodeObject *co = r >= 0 ? wf_assemble_unit(c, add_none) : NULL;
    wf_cg_exit_scope(c);
    return co;
}
