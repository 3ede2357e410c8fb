// parser_expr.c — expressions, targets, slices, lambda and yield (CPython
// 3.11 grammar, hand-written recursive descent).
//
// Invariant: every rule function either returns a node with p->pos after
// the tokens it consumed, or returns NULL with p->pos restored to where it
// started (PEG convention), so callers can try another alternative. When
// p->error is set the value of p->pos no longer matters. Rules named in
// comments are those of Grammar/python.gram; `invalid_*` checks run only in
// the second pass (p->call_invalid), in the order CPython tries them.
#include <stdio.h>
#include <string.h>

#include "parser_internal.h"

static WfAstNode *lambdef(WfParser *p);
static WfAstNode *conjunction(WfParser *p);
static WfAstNode *inversion(WfParser *p);
static WfAstNode *comparison(WfParser *p);
static WfAstNode *factor(WfParser *p);
static WfAstNode *slices(WfParser *p);

bool wf_parser_expr_starts_async_for(WfParser *p) {
    if (at(p, WF_TOK_KW_FOR)) return true;
    return at(p, WF_TOK_KW_ASYNC) && peek_at(p, 1)->type == WF_TOK_KW_FOR;
}

static bool is_legacy_name(const WfAstNode *a) {
    return a->kind == WF_AST_Name && (strcmp(a->v.Name.id, "print") == 0 ||
                                      strcmp(a->v.Name.id, "exec") == 0);
}

// ---- contexts and targets ------------------------------------------------

void wf_parser_expr_set_context(WfAstNode *e, WfAstExprContext ctx) {
    switch (e->kind) {
    case WF_AST_Name: e->v.Name.ctx = ctx; break;
    case WF_AST_Attribute: e->v.Attribute.ctx = ctx; break;
    case WF_AST_Subscript: e->v.Subscript.ctx = ctx; break;
    case WF_AST_Starred:
        e->v.Starred.ctx = ctx;
        wf_parser_expr_set_context(e->v.Starred.value, ctx);
        break;
    case WF_AST_List:
        e->v.List.ctx = ctx;
        for (int i = 0; i < e->v.List.elts->len; i++) {
            wf_parser_expr_set_context(e->v.List.elts->items[i], ctx);
        }
        break;
    case WF_AST_Tuple:
        e->v.Tuple.ctx = ctx;
        for (int i = 0; i < e->v.Tuple.elts->len; i++) {
            wf_parser_expr_set_context(e->v.Tuple.elts->items[i], ctx);
        }
        break;
    default: break;
    }
}

const WfAstNode *wf_parser_expr_invalid_target(const WfAstNode *e,
                                               WfTargetsType type) {
    if (e == NULL) return NULL;
    switch (e->kind) {
    case WF_AST_List:
    case WF_AST_Tuple: {
        const WfAstSeq *s =
            e->kind == WF_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < s->len; i++) {
            const WfAstNode *c = wf_parser_expr_invalid_target(s->items[i], type);
            if (c != NULL) return c;
        }
        return NULL;
    }
    case WF_AST_Starred:
        if (type == WF_TARGETS_DEL) return e;
        return wf_parser_expr_invalid_target(e->v.Starred.value, type);
    case WF_AST_Compare:
        if (type == WF_TARGETS_FOR) {
            if (e->v.Compare.ops->items[0] == WF_AST_CMP_In) {
                return wf_parser_expr_invalid_target(e->v.Compare.left, type);
            }
            return NULL;
        }
        return e;
    case WF_AST_Name:
    case WF_AST_Subscript:
    case WF_AST_Attribute:
        return NULL;
    default:
        return e;
    }
}

void *wf_parser_expr_raise_invalid_target(WfParser *p, WfTargetsType type,
                                          const WfAstNode *e) {
    const WfAstNode *t = wf_parser_expr_invalid_target(e, type);
    if (t == NULL) return NULL;
    return wf_parser_raise_node(p,
                                t,
                                type == WF_TARGETS_DEL ? "cannot delete %s"
                                                       : "cannot assign to %s",
                                wf_parser_expr_name(t));
}

// A valid star target tree (the targets grammar is a subset of
// expressions, so targets are parsed as expressions and checked here).
static bool valid_star_target(const WfAstNode *e, bool top) {
    switch (e->kind) {
    case WF_AST_Name:
    case WF_AST_Attribute:
    case WF_AST_Subscript:
        return true;
    case WF_AST_Starred:
        return e->v.Starred.value->kind != WF_AST_Starred &&
               valid_star_target(e->v.Starred.value, false);
    case WF_AST_List:
    case WF_AST_Tuple: {
        const WfAstSeq *s =
            e->kind == WF_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < s->len; i++) {
            if (!valid_star_target(s->items[i], false)) return false;
        }
        return true;
    }
    default:
        (void)top;
        return false;
    }
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
WfAstNode *wf_parser_expr_star_target(WfParser *p) {
    int start = p->pos;
    if (!wf_parser_enter(p)) return NULL;
    WfAstNode *res = NULL;
    if (accept(p, WF_TOK_STAR)) {
        if (!at(p, WF_TOK_STAR)) {
            WfAstNode *a = wf_parser_expr_star_target(p);
            if (a != NULL) {
                res = wf_parser_node(p, WF_AST_Starred, start);
                if (res != NULL) {
                    res->v.Starred.value = a;
                    res->v.Starred.ctx = WF_AST_CTX_Store;
                }
            }
        }
    } else {
        WfAstNode *e = wf_parser_expr_primary(p);
        if (e != NULL && valid_star_target(e, true) &&
            e->kind != WF_AST_Starred) {
            wf_parser_expr_set_context(e, WF_AST_CTX_Store);
            res = e;
        }
    }
    leave(p);
    if (res == NULL) p->pos = start;
    return res;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
WfAstNode *wf_parser_expr_star_targets(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_star_target(p);
    if (a == NULL) return NULL;
    if (!at(p, WF_TOK_COMMA)) return a;
    WfNodeVec v = {0};
    if (!wf_parser_vec_push(p, &v, a)) return NULL;
    while (accept(p, WF_TOK_COMMA)) {
        int mark = p->pos;
        WfAstNode *b = wf_parser_expr_star_target(p);
        if (b == NULL) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (!wf_parser_vec_push(p, &v, b)) return NULL;
    }
    WfAstNode *t = wf_parser_node(p, WF_AST_Tuple, start);
    if (t == NULL) return NULL;
    t->v.Tuple.elts = wf_parser_vec_finish(p, &v);
    t->v.Tuple.ctx = WF_AST_CTX_Store;
    return t->v.Tuple.elts ? t : NULL;
}

// ---- expression lists ----------------------------------------------------

// Builds a Tuple from a comma-separated list of `item` parsed after `first`.
static WfAstNode *comma_list(WfParser *p, int start, WfAstNode *first,
                             WfAstNode *(*item)(WfParser *)) {
    WfNodeVec v = {0};
    if (!wf_parser_vec_push(p, &v, first)) return NULL;
    while (accept(p, WF_TOK_COMMA)) {
        int mark = p->pos;
        WfAstNode *b = item(p);
        if (b == NULL) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (!wf_parser_vec_push(p, &v, b)) return NULL;
    }
    WfAstNode *t = wf_parser_node(p, WF_AST_Tuple, start);
    if (t == NULL) return NULL;
    t->v.Tuple.elts = wf_parser_vec_finish(p, &v);
    t->v.Tuple.ctx = WF_AST_CTX_Load;
    return t->v.Tuple.elts ? t : NULL;
}

WfAstNode *wf_parser_expr_star_expressions(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_star_expression(p);
    if (a == NULL) return NULL;
    if (!at(p, WF_TOK_COMMA)) return a;
    return comma_list(p, start, a, wf_parser_expr_star_expression);
}

WfAstNode *wf_parser_expr_expressions(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_expression(p);
    if (a == NULL) return NULL;
    if (!at(p, WF_TOK_COMMA)) return a;
    return comma_list(p, start, a, wf_parser_expr_expression);
}

// '*' bitwise_or -> Starred
static WfAstNode *star_bitwise_or(WfParser *p) {
    int start = p->pos;
    if (!accept(p, WF_TOK_STAR)) return NULL;
    WfAstNode *a = wf_parser_expr_bitwise_or(p);
    if (a == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *s = wf_parser_node(p, WF_AST_Starred, start);
    if (s == NULL) return NULL;
    s->v.Starred.value = a;
    s->v.Starred.ctx = WF_AST_CTX_Load;
    return s;
}

// wf_parser_expr_starred_expression: '*' expression
WfAstNode *wf_parser_expr_starred_expression(WfParser *p) {
    int start = p->pos;
    if (!accept(p, WF_TOK_STAR)) return NULL;
    WfAstNode *a = wf_parser_expr_expression(p);
    if (a == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *s = wf_parser_node(p, WF_AST_Starred, start);
    if (s == NULL) return NULL;
    s->v.Starred.value = a;
    s->v.Starred.ctx = WF_AST_CTX_Load;
    return s;
}

WfAstNode *wf_parser_expr_star_expression(WfParser *p) {
    if (at(p, WF_TOK_STAR)) return star_bitwise_or(p);
    return wf_parser_expr_expression(p);
}

WfAstNode *wf_parser_expr_star_named_expression(WfParser *p) {
    if (at(p, WF_TOK_STAR)) return star_bitwise_or(p);
    return wf_parser_expr_named_expression(p);
}

// ---- named expressions ---------------------------------------------------

// wf_parser_expr_assignment_expression: NAME ':=' ~ expression
WfAstNode *wf_parser_expr_assignment_expression(WfParser *p) {
    int start = p->pos;
    const WfToken *t = peek(p);
    if (t->type != WF_TOK_NAME || peek_at(p, 1)->type != WF_TOK_COLONEQUAL) {
        return NULL;
    }
    p->pos += 2;
    WfAstNode *b = wf_parser_expr_expression(p);
    if (b == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *target = wf_parser_name_node(p, t, WF_AST_CTX_Store);
    WfAstNode *n = wf_parser_node(p, WF_AST_NamedExpr, start);
    if (n == NULL || target == NULL) return NULL;
    n->v.NamedExpr.target = target;
    n->v.NamedExpr.value = b;
    return n;
}

static bool lookahead_eq_or_walrus(WfParser *p) {
    return at(p, WF_TOK_EQUAL) || at(p, WF_TOK_COLONEQUAL);
}

// invalid_named_expression (second pass only). Returns true if it raised.
static bool invalid_named_expression(WfParser *p) {
    int start = p->pos;
    // a=expression ':=' expression
    WfAstNode *a = wf_parser_expr_expression(p);
    if (p->error) return true;
    if (a != NULL && accept(p, WF_TOK_COLONEQUAL)) {
        WfAstNode *b = wf_parser_expr_expression(p);
        if (p->error) return true;
        if (b != NULL) {
            wf_parser_raise_node(p, a,
                                 "cannot use assignment expressions with %s",
                                 wf_parser_expr_name(a));
            return true;
        }
    }
    p->pos = start;
    // a=NAME '=' b=bitwise_or !('='|':=')
    const WfToken *name = peek(p);
    if (name->type == WF_TOK_NAME && peek_at(p, 1)->type == WF_TOK_EQUAL) {
        p->pos += 2;
        WfAstNode *b = wf_parser_expr_bitwise_or(p);
        if (p->error) return true;
        if (b != NULL && !lookahead_eq_or_walrus(p)) {
            wf_parser_raise_range(p, name->lineno, name->col, b->end_lineno,
                                  b->end_col_offset,
                                  "invalid syntax. Maybe you meant '==' or "
                                  "':=' instead of '='?");
            return true;
        }
        p->pos = start;
    }
    // !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='='
    // bitwise_or !('='|':=')
    const WfToken *t = peek(p);
    if (t->type == WF_TOK_KW_TRUE || t->type == WF_TOK_KW_NONE ||
        t->type == WF_TOK_KW_FALSE) {
        return false;
    }
    if (t->type == WF_TOK_LSQB || t->type == WF_TOK_LPAR) {
        WfAstNode *atom = wf_parser_expr_atom(p);
        if (p->error) return true;
        p->pos = start;
        if (atom != NULL &&
            (atom->kind == WF_AST_List || atom->kind == WF_AST_GeneratorExp ||
             (atom->kind == WF_AST_Tuple &&
              p->tokens[start].type == WF_TOK_LPAR &&
              atom->col_offset == p->tokens[start].col &&
              atom->lineno == p->tokens[start].lineno))) {
            return false;
        }
    }
    a = wf_parser_expr_bitwise_or(p);
    if (p->error) return true;
    if (a != NULL && accept(p, WF_TOK_EQUAL)) {
        WfAstNode *b = wf_parser_expr_bitwise_or(p);
        if (p->error) return true;
        if (b != NULL && !lookahead_eq_or_walrus(p)) {
            wf_parser_raise_node(p, a,
                                 "cannot assign to %s here. Maybe you meant "
                                 "'==' instead of '='?",
                                 wf_parser_expr_name(a));
            return true;
        }
    }
    p->pos = start;
    return false;
}

// named_expression: wf_parser_expr_assignment_expression | invalid_named_expression
//                 | expression !':='
WfAstNode *wf_parser_expr_named_expression(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_assignment_expression(p);
    if (a != NULL || p->error) return a;
    if (p->call_invalid && invalid_named_expression(p)) return NULL;
    a = wf_parser_expr_expression(p);
    if (a == NULL) return NULL;
    if (at(p, WF_TOK_COLONEQUAL)) {
        p->pos = start;
        return NULL;
    }
    return a;
}

// ---- expression ----------------------------------------------------------

static bool is_soft_keyword(const WfToken *t) {
    return wf_parser_token_is_name(t, "match") ||
           wf_parser_token_is_name(t, "case") ||
           wf_parser_token_is_name(t, "_");
}

// invalid_expression and invalid_legacy_expression. True if raised.
static bool invalid_expression(WfParser *p) {
    int start = p->pos;
    const WfToken *t0 = peek(p);
    bool skip = (t0->type == WF_TOK_NAME &&
                 peek_at(p, 1)->type == WF_TOK_STRING) ||
                is_soft_keyword(t0);
    if (!skip) {
        WfAstNode *a = wf_parser_expr_disjunction(p);
        if (p->error) return true;
        if (a != NULL) {
            WfAstNode *b = wf_parser_expr_expression_without_invalid(p);
            if (p->error) return true;
            if (b != NULL && !is_legacy_name(a) &&
                p->tokens[p->pos - 1].level != 0) {
                wf_parser_raise_range(p, a->lineno, a->col_offset,
                                      b->end_lineno, b->end_col_offset,
                                      "invalid syntax. Perhaps you forgot a "
                                      "comma?");
                return true;
            }
        }
        p->pos = start;
    }
    // a=disjunction 'if' b=disjunction !('else'|':')
    WfAstNode *a = wf_parser_expr_disjunction(p);
    if (p->error) return true;
    if (a != NULL && accept(p, WF_TOK_KW_IF)) {
        WfAstNode *b = wf_parser_expr_disjunction(p);
        if (p->error) return true;
        if (b != NULL && !at(p, WF_TOK_KW_ELSE) && !at(p, WF_TOK_COLON)) {
            wf_parser_raise_range(p, a->lineno, a->col_offset, b->end_lineno,
                                  b->end_col_offset,
                                  "expected 'else' after 'if' expression");
            return true;
        }
    }
    p->pos = start;
    // invalid_legacy_expression: a=NAME !'(' b=star_expressions
    if (t0->type == WF_TOK_NAME && peek_at(p, 1)->type != WF_TOK_LPAR) {
        p->pos++;
        int save_invalid = p->call_invalid;
        WfAstNode *b = wf_parser_expr_star_expressions(p);
        p->call_invalid = save_invalid;
        if (p->error) return true;
        if (b != NULL && t0->len == 5 && memcmp(t0->start, "print", 5) == 0) {
            wf_parser_raise_range(p, t0->lineno, t0->col, b->end_lineno,
                                  b->end_col_offset,
                                  "Missing parentheses in call to 'print'. "
                                  "Did you mean print(...)?");
            return true;
        }
        if (b != NULL && t0->len == 4 && memcmp(t0->start, "exec", 4) == 0) {
            wf_parser_raise_range(p, t0->lineno, t0->col, b->end_lineno,
                                  b->end_col_offset,
                                  "Missing parentheses in call to 'exec'. "
                                  "Did you mean exec(...)?");
            return true;
        }
        p->pos = start;
    }
    return false;
}

static WfAstNode *expression_body(WfParser *p) {
    int start = p->pos;
    if (at(p, WF_TOK_KW_LAMBDA)) return lambdef(p);
    WfAstNode *a = wf_parser_expr_disjunction(p);
    if (a == NULL) return NULL;
    if (!at(p, WF_TOK_KW_IF)) return a;
    int mark = p->pos;
    p->pos++;
    WfAstNode *b = wf_parser_expr_disjunction(p);
    if (b != NULL && accept(p, WF_TOK_KW_ELSE)) {
        WfAstNode *c = wf_parser_expr_expression(p);
        if (c != NULL) {
            WfAstNode *n = wf_parser_node(p, WF_AST_IfExp, start);
            if (n == NULL) return NULL;
            n->v.IfExp.test = b;
            n->v.IfExp.body = a;
            n->v.IfExp.orelse = c;
            return n;
        }
    }
    if (p->error) return NULL;
    p->pos = mark;
    return a;
}

WfAstNode *wf_parser_expr_expression(WfParser *p) {
    if (!wf_parser_enter(p)) return NULL;
    WfAstNode *res = NULL;
    if (!(p->call_invalid && invalid_expression(p))) {
        res = expression_body(p);
    }
    leave(p);
    return res;
}

// expression_without_invalid: `expression` without its own invalid_*
// alternatives; as in CPython, rules nested inside still check theirs.
WfAstNode *wf_parser_expr_expression_without_invalid(WfParser *p) {
    if (!wf_parser_enter(p)) return NULL;
    WfAstNode *res = expression_body(p);
    leave(p);
    return res;
}

// ---- boolean and comparison operators ------------------------------------

static WfAstNode *boolop(WfParser *p, WfTokenType kw, WfAstBoolOp op,
                         WfAstNode *(*sub)(WfParser *)) {
    int start = p->pos;
    WfAstNode *a = sub(p);
    if (a == NULL || !at(p, kw)) return a;
    WfNodeVec v = {0};
    if (!wf_parser_vec_push(p, &v, a)) return NULL;
    while (at(p, kw)) {
        int mark = p->pos;
        p->pos++;
        WfAstNode *b = sub(p);
        if (b == NULL) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (!wf_parser_vec_push(p, &v, b)) return NULL;
    }
    if (v.len == 1) return a;
    WfAstNode *n = wf_parser_node(p, WF_AST_BoolOp, start);
    if (n == NULL) return NULL;
    n->v.BoolOp.op = op;
    n->v.BoolOp.values = wf_parser_vec_finish(p, &v);
    return n->v.BoolOp.values ? n : NULL;
}

static WfAstNode *disjunction_raw(WfParser *p) {
    return boolop(p, WF_TOK_KW_OR, WF_AST_BOOLOP_Or, conjunction);
}

WfAstNode *wf_parser_expr_disjunction(WfParser *p) {
    if (p->memo_disjunction == NULL) return disjunction_raw(p);
    WfMemo *m = &p->memo_disjunction[p->pos];
    if (m->end_pos >= -1) {
        if (m->end_pos >= 0) p->pos = m->end_pos;
        return m->node;
    }
    int start = p->pos;
    WfAstNode *res = disjunction_raw(p);
    if (!p->error) {
        m = &p->memo_disjunction[start];
        m->node = res;
        m->end_pos = res ? p->pos : -1;
    }
    return res;
}

static WfAstNode *conjunction(WfParser *p) {
    return boolop(p, WF_TOK_KW_AND, WF_AST_BOOLOP_And, inversion);
}

static WfAstNode *inversion(WfParser *p) {
    int start = p->pos;
    if (!at(p, WF_TOK_KW_NOT)) return comparison(p);
    if (!wf_parser_enter(p)) return NULL;
    p->pos++;
    WfAstNode *a = inversion(p);
    leave(p);
    if (a == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_UnaryOp, start);
    if (n == NULL) return NULL;
    n->v.UnaryOp.op = WF_AST_UNARY_Not;
    n->v.UnaryOp.operand = a;
    return n;
}

// Reads a comparison operator; returns -1 if none (pos unchanged).
static int compare_op(WfParser *p) {
    const WfToken *t = peek(p);
    switch (t->type) {
    case WF_TOK_EQEQUAL: p->pos++; return WF_AST_CMP_Eq;
    case WF_TOK_NOTEQUAL:
        // "<>" is only valid with barry_as_FLUFL.
        if (t->len == 2 && t->start[0] == '<') return -1;
        p->pos++;
        return WF_AST_CMP_NotEq;
    case WF_TOK_LESSEQUAL: p->pos++; return WF_AST_CMP_LtE;
    case WF_TOK_LESS: p->pos++; return WF_AST_CMP_Lt;
    case WF_TOK_GREATEREQUAL: p->pos++; return WF_AST_CMP_GtE;
    case WF_TOK_GREATER: p->pos++; return WF_AST_CMP_Gt;
    case WF_TOK_KW_IN: p->pos++; return WF_AST_CMP_In;
    case WF_TOK_KW_NOT:
        if (peek_at(p, 1)->type == WF_TOK_KW_IN) {
            p->pos += 2;
            return WF_AST_CMP_NotIn;
        }
        return -1;
    case WF_TOK_KW_IS:
        if (peek_at(p, 1)->type == WF_TOK_KW_NOT) {
            p->pos += 2;
            return WF_AST_CMP_IsNot;
        }
        p->pos++;
        return WF_AST_CMP_Is;
    default: return -1;
    }
}

static WfAstNode *comparison(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_bitwise_or(p);
    if (a == NULL) return NULL;
    WfNodeVec comps = {0};
    int ops_buf_len = 0, ops_cap = 0;
    int *ops = NULL;
    for (;;) {
        int mark = p->pos;
        int op = compare_op(p);
        if (op < 0) break;
        WfAstNode *b = wf_parser_expr_bitwise_or(p);
        if (b == NULL) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        if (ops_buf_len == ops_cap) {
            int ncap = ops_cap ? ops_cap * 2 : 4;
            int *n = wf_arena_alloc(p->arena, (size_t)ncap * sizeof(int));
            if (n == NULL) return wf_parser_nomem(p);
            if (ops_buf_len) memcpy(n, ops, (size_t)ops_buf_len * sizeof(int));
            ops = n;
            ops_cap = ncap;
        }
        ops[ops_buf_len++] = op;
        if (!wf_parser_vec_push(p, &comps, b)) return NULL;
    }
    if (comps.len == 0) return a;
    WfAstNode *n = wf_parser_node(p, WF_AST_Compare, start);
    if (n == NULL) return NULL;
    n->v.Compare.left = a;
    n->v.Compare.ops = wf_ast_intseq_new(p->arena, ops_buf_len);
    if (n->v.Compare.ops == NULL) return wf_parser_nomem(p);
    memcpy(n->v.Compare.ops->items, ops, (size_t)ops_buf_len * sizeof(int));
    n->v.Compare.comparators = wf_parser_vec_finish(p, &comps);
    return n->v.Compare.comparators ? n : NULL;
}

// ---- binary operators ----------------------------------------------------

typedef struct BinLevel {
    WfTokenType tokens[5];
    WfAstOperator ops[5];
    int count;
} BinLevel;

static const BinLevel levels[] = {
    {{WF_TOK_VBAR}, {WF_AST_OP_BitOr}, 1},
    {{WF_TOK_CIRCUMFLEX}, {WF_AST_OP_BitXor}, 1},
    {{WF_TOK_AMPER}, {WF_AST_OP_BitAnd}, 1},
    {{WF_TOK_LEFTSHIFT, WF_TOK_RIGHTSHIFT},
     {WF_AST_OP_LShift, WF_AST_OP_RShift},
     2},
    {{WF_TOK_PLUS, WF_TOK_MINUS}, {WF_AST_OP_Add, WF_AST_OP_Sub}, 2},
    {{WF_TOK_STAR, WF_TOK_SLASH, WF_TOK_DOUBLESLASH, WF_TOK_PERCENT, WF_TOK_AT},
     {WF_AST_OP_Mult, WF_AST_OP_Div, WF_AST_OP_FloorDiv, WF_AST_OP_Mod,
      WF_AST_OP_MatMult},
     5},
};

static WfAstNode *binary_level(WfParser *p, int level) {
    if (level == (int)(sizeof levels / sizeof levels[0])) return factor(p);
    int start = p->pos;
    WfAstNode *a = binary_level(p, level + 1);
    if (a == NULL) return NULL;
    const BinLevel *L = &levels[level];
    for (;;) {
        WfTokenType tt = peek(p)->type;
        int k = -1;
        for (int i = 0; i < L->count; i++) {
            if (L->tokens[i] == tt) k = i;
        }
        if (k < 0) break;
        int mark = p->pos;
        p->pos++;
        WfAstNode *b = binary_level(p, level + 1);
        if (b == NULL) {
            if (p->error) return NULL;
            p->pos = mark;
            break;
        }
        WfAstNode *n = wf_parser_node(p, WF_AST_BinOp, start);
        if (n == NULL) return NULL;
        n->v.BinOp.left = a;
        n->v.BinOp.op = L->ops[k];
        n->v.BinOp.right = b;
        a = n;
    }
    return a;
}

WfAstNode *wf_parser_expr_bitwise_or(WfParser *p) {
    if (p->memo_bitwise_or == NULL) return binary_level(p, 0);
    WfMemo *m = &p->memo_bitwise_or[p->pos];
    if (m->end_pos >= -1) {
        if (m->end_pos >= 0) p->pos = m->end_pos;
        return m->node;
    }
    int start = p->pos;
    WfAstNode *res = binary_level(p, 0);
    if (!p->error) {
        m = &p->memo_bitwise_or[start];
        m->node = res;
        m->end_pos = res ? p->pos : -1;
    }
    return res;
}

static WfAstNode *await_primary(WfParser *p) {
    int start = p->pos;
    if (!accept(p, WF_TOK_KW_AWAIT)) return wf_parser_expr_primary(p);
    WfAstNode *a = wf_parser_expr_primary(p);
    if (a == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_Await, start);
    if (n == NULL) return NULL;
    n->v.Await.value = a;
    return n;
}

static WfAstNode *power(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = await_primary(p);
    if (a == NULL || !at(p, WF_TOK_DOUBLESTAR)) return a;
    int mark = p->pos;
    p->pos++;
    WfAstNode *b = factor(p);
    if (b == NULL) {
        if (p->error) return NULL;
        p->pos = mark;
        return a;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_BinOp, start);
    if (n == NULL) return NULL;
    n->v.BinOp.left = a;
    n->v.BinOp.op = WF_AST_OP_Pow;
    n->v.BinOp.right = b;
    return n;
}

static WfAstNode *factor(WfParser *p) {
    int start = p->pos;
    WfTokenType tt = peek(p)->type;
    WfAstUnaryOp op;
    if (tt == WF_TOK_PLUS) {
        op = WF_AST_UNARY_UAdd;
    } else if (tt == WF_TOK_MINUS) {
        op = WF_AST_UNARY_USub;
    } else if (tt == WF_TOK_TILDE) {
        op = WF_AST_UNARY_Invert;
    } else {
        return power(p);
    }
    if (!wf_parser_enter(p)) return NULL;
    p->pos++;
    WfAstNode *a = factor(p);
    leave(p);
    if (a == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_UnaryOp, start);
    if (n == NULL) return NULL;
    n->v.UnaryOp.op = op;
    n->v.UnaryOp.operand = a;
    return n;
}

// ---- primary -------------------------------------------------------------

WfAstNode *wf_parser_expr_primary(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_atom(p);
    if (a == NULL) return NULL;
    for (;;) {
        const WfToken *t = peek(p);
        if (t->type == WF_TOK_DOT) {
            const WfToken *name = peek_at(p, 1);
            if (name->type != WF_TOK_NAME) break;
            p->pos += 2;
            WfAstNode *n = wf_parser_node(p, WF_AST_Attribute, start);
            if (n == NULL) return NULL;
            n->v.Attribute.value = a;
            n->v.Attribute.attr = wf_parser_identifier(p, name);
            n->v.Attribute.ctx = WF_AST_CTX_Load;
            if (n->v.Attribute.attr == NULL) return NULL;
            a = n;
        } else if (t->type == WF_TOK_LPAR) {
            WfAstNode *n = wf_parser_display_arguments_call(p, a, start);
            if (n == NULL) {
                if (p->error) return NULL;
                break;
            }
            a = n;
        } else if (t->type == WF_TOK_LSQB) {
            int mark = p->pos;
            p->pos++;
            WfAstNode *s = slices(p);
            if (s == NULL || !accept(p, WF_TOK_RSQB)) {
                if (p->error) return NULL;
                p->pos = mark;
                break;
            }
            WfAstNode *n = wf_parser_node(p, WF_AST_Subscript, start);
            if (n == NULL) return NULL;
            n->v.Subscript.value = a;
            n->v.Subscript.slice = s;
            n->v.Subscript.ctx = WF_AST_CTX_Load;
            a = n;
        } else {
            break;
        }
    }
    return a;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
static WfAstNode *slice(WfParser *p) {
    int start = p->pos;
    WfAstNode *lower = NULL;
    if (!at(p, WF_TOK_COLON)) {
        if (p->call_invalid || (at(p, WF_TOK_NAME) &&
                                peek_at(p, 1)->type == WF_TOK_COLONEQUAL)) {
            // Second pass or walrus: the named_expression alternative with
            // its checks (memoized, so re-parsing is cheap).
            lower = wf_parser_expr_expression(p);
            if (p->error) return NULL;
            if (lower == NULL || !at(p, WF_TOK_COLON)) {
                p->pos = start;
                return wf_parser_expr_named_expression(p);
            }
        } else {
            lower = wf_parser_expr_expression(p);
            if (lower == NULL) return NULL;
            if (!at(p, WF_TOK_COLON)) {
                if (at(p, WF_TOK_COLONEQUAL)) {
                    p->pos = start;
                    return NULL;
                }
                return lower; // named_expression: expression !':='
            }
        }
    }
    p->pos++; // ':'
    WfAstNode *upper = wf_parser_expr_expression(p);
    if (p->error) return NULL;
    WfAstNode *step = NULL;
    if (accept(p, WF_TOK_COLON)) {
        step = wf_parser_expr_expression(p);
        if (p->error) return NULL;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_Slice, start);
    if (n == NULL) return NULL;
    n->v.Slice.lower = lower;
    n->v.Slice.upper = upper;
    n->v.Slice.step = step;
    return n;
}

static WfAstNode *slice_or_starred(WfParser *p) {
    if (at(p, WF_TOK_STAR)) return wf_parser_expr_starred_expression(p);
    return slice(p);
}

// slices: slice !',' | ','.(slice | wf_parser_expr_starred_expression)+ [','] -> Tuple
static WfAstNode *slices(WfParser *p) {
    int start = p->pos;
    if (!at(p, WF_TOK_STAR)) {
        WfAstNode *a = slice(p);
        if (a == NULL) return NULL;
        if (!at(p, WF_TOK_COMMA)) return a;
        return comma_list(p, start, a, slice_or_starred);
    }
    WfAstNode *a = wf_parser_expr_starred_expression(p);
    if (a == NULL) return NULL;
    return comma_list(p, start, a, slice_or_starred);
}

// ---- atoms ---------------------------------------------------------------

static WfAstNode *constant_node(WfParser *p, int start, WfConstKind kind) {
    WfAstNode *n = wf_parser_node(p, WF_AST_Constant, start);
    if (n == NULL) return NULL;
    n->v.Constant.value.kind = kind;
    return n;
}

// NUMBER token -> Constant
static WfAstNode *number(WfParser *p) {
    int start = p->pos;
    const WfToken *t = accept(p, WF_TOK_NUMBER);
    WfAstNode *n = wf_parser_node(p, WF_AST_Constant, start);
    if (n == NULL) return NULL;
    WfAstConstant *c = &n->v.Constant.value;
    char *buf = wf_arena_alloc(p->arena, (size_t)t->len + 1);
    if (buf == NULL) return wf_parser_nomem(p);
    const char *s = t->start;
    int len = t->len;
    int base = 10;
    bool is_float = false, is_imag = false;
    if (len >= 2 && s[0] == '0' &&
        (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' ||
         s[1] == 'b' || s[1] == 'B')) {
        base = (s[1] == 'x' || s[1] == 'X') ? 16
               : (s[1] == 'o' || s[1] == 'O') ? 8
                                               : 2;
        s += 2;
        len -= 2;
    } else {
        for (int i = 0; i < len; i++) {
            char ch = s[i];
            if (ch == '.' || ch == 'e' || ch == 'E') is_float = true;
            if (ch == 'j' || ch == 'J') is_imag = true;
        }
    }
    size_t j = 0;
    for (int i = 0; i < len; i++) {
        if (s[i] == '_') continue;
        if (is_imag && (s[i] == 'j' || s[i] == 'J')) continue;
        buf[j++] = s[i];
    }
    buf[j] = 0;
    if (is_imag) {
        c->kind = WF_CONST_IMAGINARY;
    } else if (is_float) {
        c->kind = WF_CONST_FLOAT;
    } else {
        c->kind = WF_CONST_INT;
        c->base = base;
        // Strip leading zeros of decimal "000" -> "0".
        if (base == 10) {
            size_t k = 0;
            while (k + 1 < j && buf[k] == '0') k++;
            buf += k;
            j -= k;
        }
    }
    c->data = buf;
    c->len = j;
    return n;
}

// A display's elements: star_named_expressions after `first`, until
// `close`. Returns false on mismatch (pos not restored).
WfAstNode *wf_parser_expr_atom(WfParser *p) {
    int start = p->pos;
    const WfToken *t = peek(p);
    switch (t->type) {
    case WF_TOK_NAME:
        p->pos++;
        return wf_parser_name_node(p, t, WF_AST_CTX_Load);
    case WF_TOK_KW_TRUE:
        p->pos++;
        return constant_node(p, start, WF_CONST_TRUE);
    case WF_TOK_KW_FALSE:
        p->pos++;
        return constant_node(p, start, WF_CONST_FALSE);
    case WF_TOK_KW_NONE:
        p->pos++;
        return constant_node(p, start, WF_CONST_NONE);
    case WF_TOK_ELLIPSIS:
        p->pos++;
        return constant_node(p, start, WF_CONST_ELLIPSIS);
    case WF_TOK_STRING:
        return wf_parser_string_concat(p);
    case WF_TOK_NUMBER:
        return number(p);
    case WF_TOK_LPAR:
        return wf_parser_display_paren(p);
    case WF_TOK_LSQB:
        return wf_parser_display_list(p);
    case WF_TOK_LBRACE:
        return wf_parser_display_brace(p);
    default:
        return NULL;
    }
}

// ---- yield and lambda ----------------------------------------------------

WfAstNode *wf_parser_expr_yield_expr(WfParser *p) {
    int start = p->pos;
    if (!accept(p, WF_TOK_KW_YIELD)) return NULL;
    if (accept(p, WF_TOK_KW_FROM)) {
        WfAstNode *a = wf_parser_expr_expression(p);
        if (a == NULL) {
            p->pos = start;
            return NULL;
        }
        WfAstNode *n = wf_parser_node(p, WF_AST_YieldFrom, start);
        if (n == NULL) return NULL;
        n->v.YieldFrom.value = a;
        return n;
    }
    WfAstNode *a = wf_parser_expr_star_expressions(p);
    if (p->error) return NULL;
    WfAstNode *n = wf_parser_node(p, WF_AST_Yield, start);
    if (n == NULL) return NULL;
    n->v.Yield.value = a;
    return n;
}

static WfAstNode *lambdef(WfParser *p) {
    int start = p->pos;
    p->pos++; // 'lambda'
    WfAstNode *args;
    if (at(p, WF_TOK_COLON)) {
        args = wf_parser_expr_empty_arguments(p);
    } else {
        args = wf_parser_expr_params(p, true);
    }
    if (args == NULL || !accept(p, WF_TOK_COLON)) {
        if (p->error) return NULL;
        p->pos = start;
        return NULL;
    }
    WfAstNode *body = wf_parser_expr_expression(p);
    if (body == NULL) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_Lambda, start);
    if (n == NULL) return NULL;
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    return n;
}
