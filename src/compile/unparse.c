// unparse.c — expression AST back to source text, as CPython's
// ast_unparse.c (used for `from __future__ import annotations`, where
// annotations are stored as strings). f-strings fall back to the original
// source text.
//
// Invariant: the writer's buffer is wf_mem_malloc'd, NUL-terminated and owned
// by the Writer until wf_compile_unparse turns it into a str.
#include <string.h>

#include "compile/codegen.h"
#include "objects/str.h"
#include "runtime/error.h"

enum { PR_TUPLE, PR_TEST, PR_OR, PR_AND, PR_NOT, PR_CMP, PR_EXPR, PR_BOR = PR_EXPR, PR_BXOR, PR_BAND, PR_SHIFT,
       PR_ARITH, PR_TERM, PR_FACTOR, PR_POWER, PR_AWAIT, PR_ATOM };

typedef struct {
    char *buf;
    size_t len, cap;
    bool failed;
    WfCompiler *c;
} Writer;

static void put(Writer *w, const char *s, size_t n) {
    if (w->failed) return;
    if (w->len + n + 1 > w->cap) {
        size_t ncap = w->cap ? w->cap * 2 : 64;
        while (ncap < w->len + n + 1) ncap *= 2;
        char *nb = wf_mem_realloc(w->buf, ncap);
        if (!nb) {
            w->failed = true;
            return;
        }
        w->buf = nb;
        w->cap = ncap;
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = 0;
}

static void puts_(Writer *w, const char *s) { put(w, s, strlen(s)); }

static void put_obj_repr(Writer *w, WfObject *o) {
    WfObject *r = wf_object_repr(o);
    wf_ssize n;
    const char *s = r ? wf_str_as_utf8(r, &n) : NULL;
    if (!s) {
        w->failed = true;
        WF_XDECREF(r);
        return;
    }
    put(w, s, (size_t)n);
    wf_decref(r);
}

static void expr(Writer *w, const WfAstNode *e, int level);

static void source_of(Writer *w, const WfAstNode *e) {
    WfObject *s = wf_compile_source_segment(w->c->cs, e);
    wf_ssize n;
    const char *p = s ? wf_str_as_utf8(s, &n) : NULL;
    if (!p) w->failed = true;
    else put(w, p, (size_t)n);
    WF_XDECREF(s);
}

static void seq(Writer *w, const WfAstSeq *s, int level) {
    for (int i = 0; i < s->len; i++) {
        if (i) puts_(w, ", ");
        expr(w, s->items[i], level);
    }
}

static void args_(Writer *w, const WfAstNode *a) {
    bool first = true;
    int npos = a->v.arguments.posonlyargs->len + a->v.arguments.args->len;
    int ndef = a->v.arguments.defaults->len;
    for (int i = 0; i < npos; i++) {
        const WfAstNode *arg = i < a->v.arguments.posonlyargs->len
                                   ? a->v.arguments.posonlyargs->items[i]
                                   : a->v.arguments.args->items[i - a->v.arguments.posonlyargs->len];
        if (!first) puts_(w, ", ");
        first = false;
        puts_(w, arg->v.arg.arg);
        int di = i - (npos - ndef);
        if (di >= 0) {
            puts_(w, "=");
            expr(w, a->v.arguments.defaults->items[di], PR_TEST);
        }
        if (i + 1 == a->v.arguments.posonlyargs->len) puts_(w, ", /");
    }
    if (a->v.arguments.vararg || a->v.arguments.kwonlyargs->len) {
        if (!first) puts_(w, ", ");
        first = false;
        puts_(w, "*");
        if (a->v.arguments.vararg) puts_(w, a->v.arguments.vararg->v.arg.arg);
    }
    for (int i = 0; i < a->v.arguments.kwonlyargs->len; i++) {
        puts_(w, ", ");
        puts_(w, a->v.arguments.kwonlyargs->items[i]->v.arg.arg);
        const WfAstNode *d = a->v.arguments.kw_defaults->items[i];
        if (d) {
            puts_(w, "=");
            expr(w, d, PR_TEST);
        }
    }
    if (a->v.arguments.kwarg) {
        if (!first) puts_(w, ", ");
        puts_(w, "**");
        puts_(w, a->v.arguments.kwarg->v.arg.arg);
    }
}

static void comprehensions(Writer *w, const WfAstSeq *gens) {
    for (int i = 0; i < gens->len; i++) {
        const WfAstNode *g = gens->items[i];
        puts_(w, g->v.comprehension.is_async ? " async for " : " for ");
        expr(w, g->v.comprehension.target, PR_TUPLE);
        puts_(w, " in ");
        expr(w, g->v.comprehension.iter, PR_TEST + 1);
        for (int k = 0; k < g->v.comprehension.ifs->len; k++) {
            puts_(w, " if ");
            expr(w, g->v.comprehension.ifs->items[k], PR_TEST + 1);
        }
    }
}

static void slice_(Writer *w, const WfAstNode *s) {
    if (s->kind == WF_AST_Slice) {
        if (s->v.Slice.lower) expr(w, s->v.Slice.lower, PR_TEST);
        puts_(w, ":");
        if (s->v.Slice.upper) expr(w, s->v.Slice.upper, PR_TEST);
        if (s->v.Slice.step) {
            puts_(w, ":");
            expr(w, s->v.Slice.step, PR_TEST);
        }
    } else if (s->kind == WF_AST_Tuple && s->v.Tuple.elts->len) {
        for (int i = 0; i < s->v.Tuple.elts->len; i++) {
            if (i) puts_(w, ", ");
            const WfAstNode *el = s->v.Tuple.elts->items[i];
            if (el->kind == WF_AST_Slice) slice_(w, el);
            else expr(w, el, PR_TEST);
        }
        if (s->v.Tuple.elts->len == 1 && s->v.Tuple.elts->items[0]->kind != WF_AST_Starred) puts_(w, ",");
    } else {
        expr(w, s, PR_TUPLE);
    }
}

static const char *binop_text(int op, int *pr) {
    switch (op) {
    case WF_AST_OP_Add: *pr = PR_ARITH; return " + ";
    case WF_AST_OP_Sub: *pr = PR_ARITH; return " - ";
    case WF_AST_OP_Mult: *pr = PR_TERM; return " * ";
    case WF_AST_OP_MatMult: *pr = PR_TERM; return " @ ";
    case WF_AST_OP_Div: *pr = PR_TERM; return " / ";
    case WF_AST_OP_Mod: *pr = PR_TERM; return " % ";
    case WF_AST_OP_FloorDiv: *pr = PR_TERM; return " // ";
    case WF_AST_OP_LShift: *pr = PR_SHIFT; return " << ";
    case WF_AST_OP_RShift: *pr = PR_SHIFT; return " >> ";
    case WF_AST_OP_BitOr: *pr = PR_BOR; return " | ";
    case WF_AST_OP_BitXor: *pr = PR_BXOR; return " ^ ";
    case WF_AST_OP_BitAnd: *pr = PR_BAND; return " & ";
    default: *pr = PR_POWER; return " ** ";
    }
}

static const char *cmp_text(int op) {
    static const char *const t[] = { " == ", " != ", " < ", " <= ", " > ", " >= ", " is ", " is not ", " in ", " not in " };
    return op >= 0 && op < 10 ? t[op] : " ? ";
}

static void expr(Writer *w, const WfAstNode *e, int level) {
    if (w->failed) return;
    switch (e->kind) {
    case WF_AST_BoolOp: {
        int pr = e->v.BoolOp.op == WF_AST_BOOLOP_And ? PR_AND : PR_OR;
        if (level > pr) puts_(w, "(");
        for (int i = 0; i < e->v.BoolOp.values->len; i++) {
            if (i) puts_(w, pr == PR_AND ? " and " : " or ");
            expr(w, e->v.BoolOp.values->items[i], pr + 1);
        }
        if (level > pr) puts_(w, ")");
        return;
    }
    case WF_AST_BinOp: {
        int pr;
        const char *op = binop_text(e->v.BinOp.op, &pr);
        int rassoc = e->v.BinOp.op == WF_AST_OP_Pow;
        if (level > pr) puts_(w, "(");
        expr(w, e->v.BinOp.left, pr + rassoc);
        puts_(w, op);
        expr(w, e->v.BinOp.right, pr + !rassoc);
        if (level > pr) puts_(w, ")");
        return;
    }
    case WF_AST_UnaryOp: {
        int op = e->v.UnaryOp.op;
        int pr = op == WF_AST_UNARY_Not ? PR_NOT : PR_FACTOR;
        if (level > pr) puts_(w, "(");
        puts_(w, op == WF_AST_UNARY_Not ? "not " : op == WF_AST_UNARY_Invert ? "~" : op == WF_AST_UNARY_UAdd ? "+" : "-");
        expr(w, e->v.UnaryOp.operand, pr);
        if (level > pr) puts_(w, ")");
        return;
    }
    case WF_AST_Lambda: {
        if (level > PR_TEST) puts_(w, "(");
        const WfAstNode *a = e->v.Lambda.args;
        bool noargs = !a->v.arguments.posonlyargs->len && !a->v.arguments.args->len && !a->v.arguments.vararg &&
                      !a->v.arguments.kwonlyargs->len && !a->v.arguments.kwarg;
        puts_(w, noargs ? "lambda" : "lambda ");
        args_(w, a);
        puts_(w, ": ");
        expr(w, e->v.Lambda.body, PR_TEST);
        if (level > PR_TEST) puts_(w, ")");
        return;
    }
    case WF_AST_IfExp:
        if (level > PR_TEST) puts_(w, "(");
        expr(w, e->v.IfExp.body, PR_TEST + 1);
        puts_(w, " if ");
        expr(w, e->v.IfExp.test, PR_TEST + 1);
        puts_(w, " else ");
        expr(w, e->v.IfExp.orelse, PR_TEST);
        if (level > PR_TEST) puts_(w, ")");
        return;
    case WF_AST_Dict:
        puts_(w, "{");
        for (int i = 0; i < e->v.Dict.values->len; i++) {
            if (i) puts_(w, ", ");
            const WfAstNode *k = e->v.Dict.keys->items[i];
            if (k) {
                expr(w, k, PR_TEST);
                puts_(w, ": ");
                expr(w, e->v.Dict.values->items[i], PR_TEST);
            } else {
                puts_(w, "**");
                expr(w, e->v.Dict.values->items[i], PR_EXPR);
            }
        }
        puts_(w, "}");
        return;
    case WF_AST_Set:
        if (!e->v.Set.elts->len) {
            puts_(w, "{*()}");
            return;
        }
        puts_(w, "{");
        seq(w, e->v.Set.elts, PR_TEST);
        puts_(w, "}");
        return;
    case WF_AST_ListComp:
        puts_(w, "[");
        expr(w, e->v.ListComp.elt, PR_TEST);
        comprehensions(w, e->v.ListComp.generators);
        puts_(w, "]");
        return;
    case WF_AST_SetComp:
        puts_(w, "{");
        expr(w, e->v.SetComp.elt, PR_TEST);
        comprehensions(w, e->v.SetComp.generators);
        puts_(w, "}");
        return;
    case WF_AST_DictComp:
        puts_(w, "{");
        expr(w, e->v.DictComp.key, PR_TEST);
        puts_(w, ": ");
        expr(w, e->v.DictComp.value, PR_TEST);
        comprehensions(w, e->v.DictComp.generators);
        puts_(w, "}");
        return;
    case WF_AST_GeneratorExp:
        puts_(w, "(");
        expr(w, e->v.GeneratorExp.elt, PR_TEST);
        comprehensions(w, e->v.GeneratorExp.generators);
        puts_(w, ")");
        return;
    case WF_AST_Await:
        if (level > PR_AWAIT) puts_(w, "(");
        puts_(w, "await ");
        expr(w, e->v.Await.value, PR_ATOM);
        if (level > PR_AWAIT) puts_(w, ")");
        return;
    case WF_AST_Yield:
        puts_(w, e->v.Yield.value ? "(yield " : "(yield");
        if (e->v.Yield.value) expr(w, e->v.Yield.value, PR_TEST);
        puts_(w, ")");
        return;
    case WF_AST_YieldFrom:
        puts_(w, "(yield from ");
        expr(w, e->v.YieldFrom.value, PR_TEST);
        puts_(w, ")");
        return;
    case WF_AST_NamedExpr:
        if (level > PR_TUPLE) puts_(w, "(");
        expr(w, e->v.NamedExpr.target, PR_ATOM);
        puts_(w, " := ");
        expr(w, e->v.NamedExpr.value, PR_ATOM);
        if (level > PR_TUPLE) puts_(w, ")");
        return;
    case WF_AST_Compare:
        if (level > PR_CMP) puts_(w, "(");
        expr(w, e->v.Compare.left, PR_CMP + 1);
        for (int i = 0; i < e->v.Compare.ops->len; i++) {
            puts_(w, cmp_text(e->v.Compare.ops->items[i]));
            expr(w, e->v.Compare.comparators->items[i], PR_CMP + 1);
        }
        if (level > PR_CMP) puts_(w, ")");
        return;
    case WF_AST_Call: {
        expr(w, e->v.Call.func, PR_ATOM);
        const WfAstSeq *args = e->v.Call.args, *kws = e->v.Call.keywords;
        if (args->len == 1 && !kws->len && args->items[0]->kind == WF_AST_GeneratorExp) {
            expr(w, args->items[0], PR_TEST);
            return;
        }
        puts_(w, "(");
        bool first = true;
        for (int i = 0; i < args->len; i++) {
            if (!first) puts_(w, ", ");
            first = false;
            expr(w, args->items[i], PR_TEST);
        }
        for (int i = 0; i < kws->len; i++) {
            if (!first) puts_(w, ", ");
            first = false;
            const WfAstNode *k = kws->items[i];
            if (k->v.keyword.arg) {
                puts_(w, k->v.keyword.arg);
                puts_(w, "=");
            } else {
                puts_(w, "**");
            }
            expr(w, k->v.keyword.value, PR_TEST);
        }
        puts_(w, ")");
        return;
    }
    case WF_AST_Constant: {
        const WfAstConstant *k = &e->v.Constant.value;
        if (k->kind == WF_CONST_ELLIPSIS) {
            puts_(w, "...");
            return;
        }
        WfObject *v = wf_cg_constant_value(w->c, k);
        if (!v) {
            w->failed = true;
            return;
        }
        put_obj_repr(w, v);
        wf_decref(v);
        return;
    }
    case WF_AST_Attribute: {
        const WfAstNode *v = e->v.Attribute.value;
        expr(w, v, PR_ATOM);
        // "1.real" would read as a float literal.
        if (v->kind == WF_AST_Constant && v->v.Constant.value.kind == WF_CONST_INT) puts_(w, " ");
        puts_(w, ".");
        puts_(w, e->v.Attribute.attr);
        return;
    }
    case WF_AST_Subscript:
        expr(w, e->v.Subscript.value, PR_ATOM);
        puts_(w, "[");
        slice_(w, e->v.Subscript.slice);
        puts_(w, "]");
        return;
    case WF_AST_Starred:
        puts_(w, "*");
        expr(w, e->v.Starred.value, PR_EXPR);
        return;
    case WF_AST_Name:
        puts_(w, e->v.Name.id);
        return;
    case WF_AST_List:
        puts_(w, "[");
        seq(w, e->v.List.elts, PR_TEST);
        puts_(w, "]");
        return;
    case WF_AST_Tuple: {
        int n = e->v.Tuple.elts->len;
        if (!n) {
            puts_(w, "()");
            return;
        }
        if (level > PR_TUPLE) puts_(w, "(");
        seq(w, e->v.Tuple.elts, PR_TEST);
        if (n == 1) puts_(w, ",");
        if (level > PR_TUPLE) puts_(w, ")");
        return;
    }
    case WF_AST_Slice:
        slice_(w, e);
        return;
    default:
        // f-strings: keep the source text.
        source_of(w, e);
        return;
    }
}

WfObject *wf_compile_unparse(WfCompiler *c, const WfAstNode *e) {
    Writer w = { NULL, 0, 0, false, c };
    expr(&w, e, PR_TEST);
    WfObject *r = NULL;
    if (!w.failed) r = wf_str_from_utf8(w.buf ? w.buf : "", (wf_ssize)w.len);
    else if (!wf_err_occurred()) wf_err_no_memory();
    wf_mem_free(w.buf);
    return r;
}
