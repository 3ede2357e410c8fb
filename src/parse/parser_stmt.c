// parser_stmt.c — statements and blocks (CPython 3.11 grammar).
//
// Invariant: same contract as parser_expr.c (NULL + restored position on a
// mismatch, NULL + p->error on a raised error). Every statement ends at the
// last non-whitespace token it consumed (wf_parser_node skips NEWLINE,
// INDENT and DEDENT), which is CPython's EXTRA: a compound statement ends
// with its last body statement, including a trailing ';'.
#include <stdio.h>
#include <string.h>

#include "parser_internal.h"

static WfAstSeq *block(WfParser *p, const char *what, int lineno);
static bool statement(WfParser *p, WfNodeVec *out);


// "expected ':'" in the second pass when a NEWLINE stands for the colon.
static void *expect_colon_or_fail(WfParser *p) {
    if (p->call_invalid && at(p, WF_TOK_NEWLINE)) {
        return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "expected ':'");
    }
    return NULL;
}

// A forced token (&&'x' in the grammar): raises at once if missing.
static const WfToken *expect_forced(WfParser *p, WfTokenType type,
                                    const char *text) {
    const WfToken *t = peek(p);
    if (t->type == type) {
        p->pos++;
        return t;
    }
    if (!p->error) wf_parser_raise_token(p, t, "expected '%s'", text);
    return NULL;
}

// ---- simple statements ---------------------------------------------------

static bool is_single_target(const WfAstNode *e) {
    return e->kind == WF_AST_Name || e->kind == WF_AST_Attribute ||
           e->kind == WF_AST_Subscript;
}

static bool valid_target(const WfAstNode *e, bool allow_star) {
    switch (e->kind) {
    case WF_AST_Name:
    case WF_AST_Attribute:
    case WF_AST_Subscript:
        return true;
    case WF_AST_Starred:
        return allow_star && e->v.Starred.value->kind != WF_AST_Starred &&
               valid_target(e->v.Starred.value, allow_star);
    case WF_AST_List:
    case WF_AST_Tuple: {
        const WfAstSeq *s =
            e->kind == WF_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < s->len; i++) {
            if (!valid_target(s->items[i], allow_star)) return false;
        }
        return true;
    }
    default:
        return false;
    }
}

static WfAstNode *annotated_rhs(WfParser *p) {
    if (at(p, WF_TOK_KW_YIELD)) return wf_parser_expr_yield_expr(p);
    return wf_parser_expr_star_expressions(p);
}

static int augassign_op(WfTokenType t) {
    switch (t) {
    case WF_TOK_PLUSEQUAL: return WF_AST_OP_Add;
    case WF_TOK_MINEQUAL: return WF_AST_OP_Sub;
    case WF_TOK_STAREQUAL: return WF_AST_OP_Mult;
    case WF_TOK_ATEQUAL: return WF_AST_OP_MatMult;
    case WF_TOK_SLASHEQUAL: return WF_AST_OP_Div;
    case WF_TOK_PERCENTEQUAL: return WF_AST_OP_Mod;
    case WF_TOK_AMPEREQUAL: return WF_AST_OP_BitAnd;
    case WF_TOK_VBAREQUAL: return WF_AST_OP_BitOr;
    case WF_TOK_CIRCUMFLEXEQUAL: return WF_AST_OP_BitXor;
    case WF_TOK_LEFTSHIFTEQUAL: return WF_AST_OP_LShift;
    case WF_TOK_RIGHTSHIFTEQUAL: return WF_AST_OP_RShift;
    case WF_TOK_DOUBLESTAREQUAL: return WF_AST_OP_Pow;
    case WF_TOK_DOUBLESLASHEQUAL: return WF_AST_OP_FloorDiv;
    default: return -1;
    }
}

// The `here. Maybe you meant '=='` variant of invalid_named_expression,
// reached through invalid_assignment for `target = value`.
static bool named_expression_assign_error(WfParser *p, int start,
                                          const WfAstNode *target,
                                          int value_start) {
    int save = p->pos;
    const WfToken *t = &p->tokens[start];
    if (t->type == WF_TOK_KW_TRUE || t->type == WF_TOK_KW_NONE ||
        t->type == WF_TOK_KW_FALSE) {
        return false;
    }
    p->pos = start;
    if (t->type == WF_TOK_LSQB || t->type == WF_TOK_LPAR) {
        WfAstNode *atom = wf_parser_expr_atom(p);
        if (p->error) return true;
        if (atom != NULL &&
            (atom->kind == WF_AST_List || atom->kind == WF_AST_GeneratorExp ||
             (atom->kind == WF_AST_Tuple && atom->col_offset == t->col &&
              atom->lineno == t->lineno))) {
            p->pos = save;
            return false;
        }
        p->pos = start;
    }
    WfAstNode *a = wf_parser_expr_bitwise_or(p);
    if (p->error) return true;
    bool ok = a != NULL && at(p, WF_TOK_EQUAL) && p->pos == value_start - 1;
    if (ok) {
        p->pos = value_start;
        WfAstNode *b = wf_parser_expr_bitwise_or(p);
        if (p->error) return true;
        if (b != NULL && !at(p, WF_TOK_EQUAL) && !at(p, WF_TOK_COLONEQUAL)) {
            wf_parser_raise_node(p, target,
                                 "cannot assign to %s here. Maybe you meant "
                                 "'==' instead of '='?",
                                 wf_parser_expr_name(target));
            return true;
        }
    }
    p->pos = save;
    return false;
}

// assignment | star_expressions (expression statement)
static WfAstNode *expr_or_assign_stmt(WfParser *p) {
    int start = p->pos;
    bool first_yield = at(p, WF_TOK_KW_YIELD);
    WfAstNode *e = first_yield ? wf_parser_expr_yield_expr(p)
                               : wf_parser_expr_star_expressions(p);
    if (e == NULL) return NULL;
    const WfToken *t = peek(p);
    if (t->type == WF_TOK_COLON && !first_yield) {
        // Annotated assignment.
        bool parenthesized = p->tokens[start].type == WF_TOK_LPAR;
        bool ok = is_single_target(e);
        if (!ok) {
            if (p->call_invalid) {
                int mark = p->pos;
                p->pos++;
                WfAstNode *ann = wf_parser_expr_expression(p);
                if (p->error) return NULL;
                if (ann != NULL) {
                    if ((e->kind == WF_AST_Tuple && parenthesized) ||
                        e->kind == WF_AST_List) {
                        return wf_parser_raise_node(
                            p, e, "only single target (not %s) can be "
                                  "annotated",
                            wf_parser_expr_name(e));
                    }
                    if (e->kind == WF_AST_Tuple) {
                        return wf_parser_raise_node(
                            p, e->v.Tuple.elts->items[0],
                            "only single target (not tuple) can be "
                            "annotated");
                    }
                    return wf_parser_raise_node(p, e, "illegal target for "
                                                      "annotation");
                }
                p->pos = mark;
            }
            p->pos = start;
            return NULL;
        }
        p->pos++;
        WfAstNode *ann = wf_parser_expr_expression(p);
        if (ann == NULL) {
            p->pos = start;
            return NULL;
        }
        WfAstNode *value = NULL;
        if (accept(p, WF_TOK_EQUAL)) {
            value = annotated_rhs(p);
            if (value == NULL) {
                p->pos = start;
                return NULL;
            }
        }
        wf_parser_expr_set_context(e, WF_AST_CTX_Store);
        WfAstNode *n = wf_parser_node(p, WF_AST_AnnAssign, start);
        if (n == NULL) return NULL;
        n->v.AnnAssign.target = e;
        n->v.AnnAssign.annotation = ann;
        n->v.AnnAssign.value = value;
        n->v.AnnAssign.simple = e->kind == WF_AST_Name && !parenthesized;
        return n;
    }
    if (t->type == WF_TOK_EQUAL) {
        WfNodeVec parts = {0};
        int starts[64];
        int nstarts = 0;
        starts[nstarts++] = start;
        if (!wf_parser_vec_push(p, &parts, e)) return NULL;
        while (accept(p, WF_TOK_EQUAL)) {
            if (nstarts < 64) starts[nstarts++] = p->pos;
            WfAstNode *x = annotated_rhs(p);
            if (x == NULL) {
                if (p->error) return NULL;
                p->pos = start;
                return NULL;
            }
            if (!wf_parser_vec_push(p, &parts, x)) return NULL;
        }
        int ntargets = parts.len - 1;
        for (int i = 0; i < ntargets; i++) {
            WfAstNode *tg = parts.items[i];
            bool is_yield = i < nstarts &&
                            p->tokens[starts[i]].type == WF_TOK_KW_YIELD;
            if (!is_yield && valid_target(tg, true)) continue;
            if (p->call_invalid) {
                if (i == 0 && parts.len == 2 && !is_yield &&
                    named_expression_assign_error(p, start, tg, starts[1])) {
                    return NULL;
                }
                if (is_yield) {
                    return wf_parser_raise_node(p, tg, "assignment to yield "
                                                       "expression not "
                                                       "possible");
                }
                wf_parser_expr_raise_invalid_target(p, WF_TARGETS_STAR, tg);
                if (p->error) return NULL;
            }
            p->pos = start;
            return NULL;
        }
        WfAstSeq *targets = wf_ast_seq_new(p->arena, ntargets);
        if (targets == NULL) return wf_parser_nomem(p);
        for (int i = 0; i < ntargets; i++) {
            wf_parser_expr_set_context(parts.items[i], WF_AST_CTX_Store);
            targets->items[i] = parts.items[i];
        }
        WfAstNode *n = wf_parser_node(p, WF_AST_Assign, start);
        if (n == NULL) return NULL;
        n->v.Assign.targets = targets;
        n->v.Assign.value = parts.items[ntargets];
        return n;
    }
    int op = augassign_op(t->type);
    if (op >= 0 && !first_yield) {
        int mark = p->pos;
        p->pos++;
        if (!is_single_target(e)) {
            if (p->call_invalid) {
                WfAstNode *v = annotated_rhs(p);
                if (p->error) return NULL;
                if (v != NULL) {
                    return wf_parser_raise_node(
                        p, e, "'%s' is an illegal expression for augmented "
                              "assignment",
                        wf_parser_expr_name(e));
                }
            }
            p->pos = start;
            return NULL;
        }
        (void)mark;
        WfAstNode *v = annotated_rhs(p);
        if (v == NULL) {
            p->pos = start;
            return NULL;
        }
        wf_parser_expr_set_context(e, WF_AST_CTX_Store);
        WfAstNode *n = wf_parser_node(p, WF_AST_AugAssign, start);
        if (n == NULL) return NULL;
        n->v.AugAssign.target = e;
        n->v.AugAssign.op = (WfAstOperator)op;
        n->v.AugAssign.value = v;
        return n;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_Expr, start);
    if (n == NULL) return NULL;
    n->v.Expr.value = e;
    return n;
}

// dotted_name: NAME ('.' NAME)* -> arena string "a.b.c"
static const char *dotted_name(WfParser *p) {
    int start = p->pos;
    if (!at(p, WF_TOK_NAME)) return NULL;
    size_t total = 0;
    int n = 0;
    do {
        const WfToken *t = accept(p, WF_TOK_NAME);
        if (t == NULL) {
            p->pos--; // drop the trailing '.'
            break;
        }
        total += (size_t)t->len + 1;
        n++;
    } while (at(p, WF_TOK_DOT) && peek_at(p, 1)->type == WF_TOK_NAME &&
             (p->pos++, true));
    char *buf = wf_arena_alloc(p->arena, total + 1);
    if (buf == NULL) return wf_parser_nomem(p);
    size_t j = 0;
    for (int i = start; i < p->pos; i++) {
        const WfToken *t = &p->tokens[i];
        if (t->type == WF_TOK_DOT) {
            buf[j++] = '.';
            continue;
        }
        const char *id = wf_parser_identifier(p, t);
        if (id == NULL) return NULL;
        size_t l = strlen(id);
        memcpy(buf + j, id, l);
        j += l;
    }
    buf[j] = 0;
    return buf;
}

static WfAstNode *alias_node(WfParser *p, int start, const char *name,
                             const WfToken *asname) {
    WfAstNode *a = wf_parser_node(p, WF_AST_alias, start);
    if (a == NULL) return NULL;
    a->v.alias.name = name;
    if (asname != NULL) {
        a->v.alias.asname = wf_parser_identifier(p, asname);
        if (a->v.alias.asname == NULL) return NULL;
    }
    return a;
}

static WfAstNode *import_stmt(WfParser *p) {
    int start = p->pos;
    WfNodeVec names = {0};
    if (accept(p, WF_TOK_KW_IMPORT)) {
        do {
            int s = p->pos;
            const char *name = dotted_name(p);
            if (name == NULL) goto fail;
            const WfToken *as = NULL;
            if (accept(p, WF_TOK_KW_AS)) {
                as = accept(p, WF_TOK_NAME);
                if (as == NULL) goto fail;
            }
            WfAstNode *a = alias_node(p, s, name, as);
            if (a == NULL || !wf_parser_vec_push(p, &names, a)) return NULL;
        } while (accept(p, WF_TOK_COMMA));
        WfAstNode *n = wf_parser_node(p, WF_AST_Import, start);
        if (n == NULL) return NULL;
        n->v.Import.names = wf_parser_vec_finish(p, &names);
        return n->v.Import.names ? n : NULL;
    }
    p->pos++; // 'from'
    int level = 0;
    for (;;) {
        if (accept(p, WF_TOK_DOT)) {
            level += 1;
        } else if (accept(p, WF_TOK_ELLIPSIS)) {
            level += 3;
        } else {
            break;
        }
    }
    const char *module = NULL;
    if (at(p, WF_TOK_NAME)) {
        module = dotted_name(p);
        if (module == NULL) return NULL;
    } else if (level == 0) {
        goto fail;
    }
    if (!accept(p, WF_TOK_KW_IMPORT)) goto fail;
    const WfToken *star = accept(p, WF_TOK_STAR);
    if (star != NULL) {
        WfAstNode *a = alias_node(p, p->pos - 1, NULL, NULL);
        if (a == NULL) return NULL;
        a->v.alias.name = "*";
        if (!wf_parser_vec_push(p, &names, a)) return NULL;
    } else {
        bool paren = accept(p, WF_TOK_LPAR) != NULL;
        for (;;) {
            int s = p->pos;
            const WfToken *nm = accept(p, WF_TOK_NAME);
            if (nm == NULL) goto fail;
            const WfToken *as = NULL;
            if (accept(p, WF_TOK_KW_AS)) {
                as = accept(p, WF_TOK_NAME);
                if (as == NULL) goto fail;
            }
            const char *id = wf_parser_identifier(p, nm);
            if (id == NULL) return NULL;
            WfAstNode *a = alias_node(p, s, id, as);
            if (a == NULL || !wf_parser_vec_push(p, &names, a)) return NULL;
            if (!at(p, WF_TOK_COMMA)) break;
            p->pos++;
            if (paren && at(p, WF_TOK_RPAR)) break;
            if (!paren && !at(p, WF_TOK_NAME)) {
                if (p->call_invalid && at(p, WF_TOK_NEWLINE)) {
                    return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                           "trailing comma not allowed "
                                           "without surrounding parentheses");
                }
                goto fail;
            }
        }
        if (paren && !accept(p, WF_TOK_RPAR)) goto fail;
    }
    {
        WfAstNode *n = wf_parser_node(p, WF_AST_ImportFrom, start);
        if (n == NULL) return NULL;
        n->v.ImportFrom.module = module;
        n->v.ImportFrom.names = wf_parser_vec_finish(p, &names);
        n->v.ImportFrom.level = level;
        return n->v.ImportFrom.names ? n : NULL;
    }
fail:
    p->pos = start;
    return NULL;
}

static WfAstNode *global_stmt(WfParser *p, bool nonlocal) {
    int start = p->pos;
    p->pos++;
    const char *names[256];
    WfAstIdentSeq *seq = NULL;
    int n = 0, cap = 256;
    const char **buf = names;
    do {
        const WfToken *t = accept(p, WF_TOK_NAME);
        if (t == NULL) {
            p->pos = start;
            return NULL;
        }
        if (n == cap) {
            const char **nb =
                wf_arena_alloc(p->arena, (size_t)cap * 2 * sizeof(char *));
            if (nb == NULL) return wf_parser_nomem(p);
            memcpy(nb, buf, (size_t)n * sizeof(char *));
            buf = nb;
            cap *= 2;
        }
        buf[n] = wf_parser_identifier(p, t);
        if (buf[n] == NULL) return NULL;
        n++;
    } while (accept(p, WF_TOK_COMMA));
    seq = wf_ast_identseq_new(p->arena, n);
    if (seq == NULL) return wf_parser_nomem(p);
    memcpy(seq->items, buf, (size_t)n * sizeof(char *));
    WfAstNode *node =
        wf_parser_node(p, nonlocal ? WF_AST_Nonlocal : WF_AST_Global, start);
    if (node == NULL) return NULL;
    if (nonlocal) {
        node->v.Nonlocal.names = seq;
    } else {
        node->v.Global.names = seq;
    }
    return node;
}

static bool valid_del_target(const WfAstNode *e) {
    switch (e->kind) {
    case WF_AST_Name:
    case WF_AST_Attribute:
    case WF_AST_Subscript:
        return true;
    case WF_AST_List:
    case WF_AST_Tuple: {
        const WfAstSeq *s =
            e->kind == WF_AST_List ? e->v.List.elts : e->v.Tuple.elts;
        for (int i = 0; i < s->len; i++) {
            if (!valid_del_target(s->items[i])) return false;
        }
        return true;
    }
    default:
        return false;
    }
}

static WfAstNode *del_stmt(WfParser *p) {
    int start = p->pos;
    p->pos++;
    WfNodeVec targets = {0};
    bool ok = true;
    for (;;) {
        int mark = p->pos;
        WfAstNode *e = wf_parser_expr_primary(p);
        if (e == NULL || !valid_del_target(e)) {
            if (p->error) return NULL;
            if (e == NULL && targets.len > 0) {
                p->pos = mark;
                break;
            }
            ok = false;
            break;
        }
        // A target must not continue as a larger expression.
        if (!(at(p, WF_TOK_COMMA) || at(p, WF_TOK_SEMI) ||
              at(p, WF_TOK_NEWLINE))) {
            ok = false;
            break;
        }
        wf_parser_expr_set_context(e, WF_AST_CTX_Del);
        if (!wf_parser_vec_push(p, &targets, e)) return NULL;
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    if (ok && targets.len > 0 && (at(p, WF_TOK_SEMI) || at(p, WF_TOK_NEWLINE))) {
        WfAstNode *n = wf_parser_node(p, WF_AST_Delete, start);
        if (n == NULL) return NULL;
        n->v.Delete.targets = wf_parser_vec_finish(p, &targets);
        return n->v.Delete.targets ? n : NULL;
    }
    if (p->call_invalid) {
        p->pos = start + 1;
        WfAstNode *a = wf_parser_expr_star_expressions(p);
        if (p->error) return NULL;
        if (a != NULL) {
            wf_parser_expr_raise_invalid_target(p, WF_TARGETS_DEL, a);
            if (p->error) return NULL;
        }
    }
    p->pos = start;
    return NULL;
}

static WfAstNode *simple_stmt(WfParser *p) {
    int start = p->pos;
    const WfToken *t = peek(p);
    switch (t->type) {
    case WF_TOK_KW_RETURN: {
        p->pos++;
        WfAstNode *v = wf_parser_expr_star_expressions(p);
        if (p->error) return NULL;
        WfAstNode *n = wf_parser_node(p, WF_AST_Return, start);
        if (n == NULL) return NULL;
        n->v.Return.value = v;
        return n;
    }
    case WF_TOK_KW_IMPORT:
    case WF_TOK_KW_FROM:
        return import_stmt(p);
    case WF_TOK_KW_RAISE: {
        p->pos++;
        WfAstNode *exc = wf_parser_expr_expression(p);
        if (p->error) return NULL;
        WfAstNode *cause = NULL;
        if (exc != NULL && accept(p, WF_TOK_KW_FROM)) {
            cause = wf_parser_expr_expression(p);
            if (cause == NULL) {
                if (p->error) return NULL;
                p->pos--; // 'raise' expression alone; 'from' unmatched
            }
        }
        WfAstNode *n = wf_parser_node(p, WF_AST_Raise, start);
        if (n == NULL) return NULL;
        n->v.Raise.exc = exc;
        n->v.Raise.cause = cause;
        return n;
    }
    case WF_TOK_KW_PASS:
        p->pos++;
        return wf_parser_node(p, WF_AST_Pass, start);
    case WF_TOK_KW_BREAK:
        p->pos++;
        return wf_parser_node(p, WF_AST_Break, start);
    case WF_TOK_KW_CONTINUE:
        p->pos++;
        return wf_parser_node(p, WF_AST_Continue, start);
    case WF_TOK_KW_DEL:
        return del_stmt(p);
    case WF_TOK_KW_ASSERT: {
        p->pos++;
        WfAstNode *test = wf_parser_expr_expression(p);
        if (test == NULL) {
            p->pos = start;
            return NULL;
        }
        WfAstNode *msg = NULL;
        if (accept(p, WF_TOK_COMMA)) {
            msg = wf_parser_expr_expression(p);
            if (msg == NULL) {
                if (p->error) return NULL;
                p->pos--;
            }
        }
        WfAstNode *n = wf_parser_node(p, WF_AST_Assert, start);
        if (n == NULL) return NULL;
        n->v.Assert.test = test;
        n->v.Assert.msg = msg;
        return n;
    }
    case WF_TOK_KW_GLOBAL:
        return global_stmt(p, false);
    case WF_TOK_KW_NONLOCAL:
        return global_stmt(p, true);
    default:
        return expr_or_assign_stmt(p);
    }
}

// simple_stmts: ';'.simple_stmt+ [';'] NEWLINE
static bool simple_stmts(WfParser *p, WfNodeVec *out) {
    int start = p->pos;
    int first_len = out->len;
    for (;;) {
        WfAstNode *s = simple_stmt(p);
        if (s == NULL) goto fail;
        if (!wf_parser_vec_push(p, out, s)) return false;
        if (!accept(p, WF_TOK_SEMI)) break;
        if (at(p, WF_TOK_NEWLINE)) break;
    }
    if (accept(p, WF_TOK_NEWLINE)) return true;
fail:
    out->len = first_len;
    p->pos = start;
    return false;
}

// ---- blocks --------------------------------------------------------------

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block.
// `what` names the statement for "expected an indented block after ...".
static WfAstSeq *block(WfParser *p, const char *what, int lineno) {
    int start = p->pos;
    WfNodeVec v = {0};
    if (at(p, WF_TOK_NEWLINE)) {
        if (peek_at(p, 1)->type != WF_TOK_INDENT) {
            if (p->call_invalid && !p->error) {
                if (what != NULL) {
                    wf_parser_raise(p, WF_SYNTAX_ERROR_INDENTATION,
                                    "expected an indented block after %s on "
                                    "line %d",
                                    what, lineno);
                } else {
                    wf_parser_raise(p, WF_SYNTAX_ERROR_INDENTATION,
                                    "expected an indented block");
                }
            }
            return NULL;
        }
        p->pos += 2;
        while (statement(p, &v)) {
        }
        if (p->error || v.len == 0 || !accept(p, WF_TOK_DEDENT)) {
            p->pos = start;
            return NULL;
        }
        return wf_parser_vec_finish(p, &v);
    }
    if (!simple_stmts(p, &v)) return NULL;
    return wf_parser_vec_finish(p, &v);
}

WfAstSeq *wf_parser_stmt_block(WfParser *p, const char *what, int lineno) {
    return block(p, what, lineno);
}

// else_block: 'else' &&':' block
static WfAstSeq *else_block(WfParser *p) {
    const WfToken *e = accept(p, WF_TOK_KW_ELSE);
    if (!expect_forced(p, WF_TOK_COLON, ":")) return NULL;
    return block(p, "'else' statement", e->lineno);
}

// ---- compound statements -------------------------------------------------

static WfAstNode *if_stmt(WfParser *p, bool elif) {
    int start = p->pos;
    const WfToken *kw = peek(p);
    p->pos++;
    WfAstNode *test = wf_parser_expr_named_expression(p);
    if (test == NULL) goto fail;
    if (!accept(p, WF_TOK_COLON)) {
        expect_colon_or_fail(p);
        goto fail;
    }
    WfAstSeq *body =
        block(p, elif ? "'elif' statement" : "'if' statement", kw->lineno);
    if (body == NULL) goto fail;
    WfAstSeq *orelse = NULL;
    if (at(p, WF_TOK_KW_ELIF)) {
        WfAstNode *e = if_stmt(p, true);
        if (e == NULL) goto fail;
        orelse = wf_parser_seq1(p, e);
    } else if (at(p, WF_TOK_KW_ELSE)) {
        orelse = else_block(p);
        if (orelse == NULL) goto fail;
    } else {
        orelse = wf_parser_seq0(p);
    }
    if (orelse == NULL) return NULL;
    WfAstNode *n = wf_parser_node(p, WF_AST_If, start);
    if (n == NULL) return NULL;
    n->v.If.test = test;
    n->v.If.body = body;
    n->v.If.orelse = orelse;
    return n;
fail:
    p->pos = start;
    return NULL;
}

static WfAstNode *while_stmt(WfParser *p) {
    int start = p->pos;
    const WfToken *kw = accept(p, WF_TOK_KW_WHILE);
    WfAstNode *test = wf_parser_expr_named_expression(p);
    if (test == NULL) goto fail;
    if (!accept(p, WF_TOK_COLON)) {
        expect_colon_or_fail(p);
        goto fail;
    }
    WfAstSeq *body = block(p, "'while' statement", kw->lineno);
    if (body == NULL) goto fail;
    WfAstSeq *orelse;
    if (at(p, WF_TOK_KW_ELSE)) {
        orelse = else_block(p);
        if (orelse == NULL) goto fail;
    } else {
        orelse = wf_parser_seq0(p);
        if (orelse == NULL) return NULL;
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_While, start);
    if (n == NULL) return NULL;
    n->v.While.test = test;
    n->v.While.body = body;
    n->v.While.orelse = orelse;
    return n;
fail:
    p->pos = start;
    return NULL;
}

static WfAstNode *for_stmt(WfParser *p, int start, bool is_async) {
    const WfToken *kw = accept(p, WF_TOK_KW_FOR);
    int target_pos = p->pos;
    WfAstNode *target = wf_parser_expr_star_targets(p);
    if (target == NULL || !accept(p, WF_TOK_KW_IN)) {
        if (p->error) return NULL;
        if (p->call_invalid) {
            // invalid_for_target
            p->pos = target_pos;
            WfAstNode *a = wf_parser_expr_star_expressions(p);
            if (p->error) return NULL;
            if (a != NULL) {
                wf_parser_expr_raise_invalid_target(p, WF_TARGETS_FOR, a);
            }
        }
        goto fail;
    }
    WfAstNode *iter = wf_parser_expr_star_expressions(p);
    if (iter == NULL) goto fail;
    if (!accept(p, WF_TOK_COLON)) {
        expect_colon_or_fail(p);
        goto fail;
    }
    WfAstSeq *body = block(p, "'for' statement", kw->lineno);
    if (body == NULL) goto fail;
    WfAstSeq *orelse;
    if (at(p, WF_TOK_KW_ELSE)) {
        orelse = else_block(p);
        if (orelse == NULL) goto fail;
    } else {
        orelse = wf_parser_seq0(p);
        if (orelse == NULL) return NULL;
    }
    WfAstNode *n =
        wf_parser_node(p, is_async ? WF_AST_AsyncFor : WF_AST_For, start);
    if (n == NULL) return NULL;
    n->v.For.target = target;
    n->v.For.iter = iter;
    n->v.For.body = body;
    n->v.For.orelse = orelse;
    return n;
fail:
    p->pos = start;
    return NULL;
}

// with_item: expression 'as' star_target &(',' | ')' | ':')
//          | invalid_with_item | expression
static WfAstNode *with_item(WfParser *p) {
    int start = p->pos;
    WfAstNode *e = wf_parser_expr_expression(p);
    if (e == NULL) return NULL;
    WfAstNode *vars = NULL;
    if (at(p, WF_TOK_KW_AS)) {
        int mark = p->pos;
        p->pos++;
        vars = wf_parser_expr_star_target(p);
        if (vars == NULL || !(at(p, WF_TOK_COMMA) || at(p, WF_TOK_RPAR) ||
                              at(p, WF_TOK_COLON))) {
            if (p->error) return NULL;
            if (p->call_invalid) {
                // invalid_with_item: expression 'as' a=expression
                // &(',' | ')' | ':')
                p->pos = mark + 1;
                WfAstNode *a = wf_parser_expr_expression(p);
                if (p->error) return NULL;
                if (a != NULL && (at(p, WF_TOK_COMMA) || at(p, WF_TOK_RPAR) ||
                                  at(p, WF_TOK_COLON))) {
                    wf_parser_expr_raise_invalid_target(p, WF_TARGETS_STAR, a);
                    if (p->error) return NULL;
                }
            }
            p->pos = mark;
            vars = NULL;
        }
    }
    WfAstNode *n = wf_parser_node(p, WF_AST_withitem, start);
    if (n == NULL) return NULL;
    n->v.withitem.context_expr = e;
    n->v.withitem.optional_vars = vars;
    return n;
}

static WfAstNode *with_stmt(WfParser *p, int start, bool is_async) {
    const WfToken *kw = accept(p, WF_TOK_KW_WITH);
    int after_kw = p->pos;
    WfNodeVec items = {0};
    WfAstSeq *body = NULL;
    if (at(p, WF_TOK_LPAR)) {
        // 'with' '(' ','.with_item+ ','? ')' ':' block
        p->pos++;
        bool ok = true;
        for (;;) {
            WfAstNode *it = with_item(p);
            if (it == NULL) {
                ok = false;
                break;
            }
            if (!wf_parser_vec_push(p, &items, it)) return NULL;
            if (!accept(p, WF_TOK_COMMA)) break;
            if (at(p, WF_TOK_RPAR)) break;
        }
        if (p->error) return NULL;
        if (ok && accept(p, WF_TOK_RPAR) && accept(p, WF_TOK_COLON)) {
            body = block(p, "'with' statement", kw->lineno);
            if (body == NULL) goto fail;
            goto build;
        }
        p->pos = after_kw;
        items.len = 0;
    }
    for (;;) {
        WfAstNode *it = with_item(p);
        if (it == NULL) goto fail;
        if (!wf_parser_vec_push(p, &items, it)) return NULL;
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    if (!accept(p, WF_TOK_COLON)) {
        expect_colon_or_fail(p);
        goto fail;
    }
    body = block(p, "'with' statement", kw->lineno);
    if (body == NULL) goto fail;
build : {
    WfAstNode *n =
        wf_parser_node(p, is_async ? WF_AST_AsyncWith : WF_AST_With, start);
    if (n == NULL) return NULL;
    n->v.With.items = wf_parser_vec_finish(p, &items);
    n->v.With.body = body;
    return n->v.With.items ? n : NULL;
}
fail:
    p->pos = start;
    return NULL;
}

// except_block / except_star_block; *star reports which kind was seen.
static WfAstNode *except_block(WfParser *p, int *star) {
    int start = p->pos;
    const WfToken *kw = accept(p, WF_TOK_KW_EXCEPT);
    *star = accept(p, WF_TOK_STAR) != NULL;
    WfAstNode *type = NULL;
    const WfToken *name = NULL;
    if (!at(p, WF_TOK_COLON) || *star) {
        type = wf_parser_expr_expression(p);
        if (type == NULL) {
            if (p->error) return NULL;
            if (p->call_invalid && *star &&
                (at(p, WF_TOK_NEWLINE) || at(p, WF_TOK_COLON))) {
                return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                       "expected one or more exception types");
            }
            goto fail;
        }
        if (p->call_invalid && at(p, WF_TOK_COMMA)) {
            int mark = p->pos;
            p->pos++;
            if (wf_parser_expr_expressions(p) != NULL) {
                if (accept(p, WF_TOK_KW_AS)) accept(p, WF_TOK_NAME);
                if (at(p, WF_TOK_COLON)) {
                    return wf_parser_raise_from(p, type,
                                                "multiple exception types "
                                                "must be parenthesized");
                }
            }
            if (p->error) return NULL;
            p->pos = mark;
        }
        if (accept(p, WF_TOK_KW_AS)) {
            name = accept(p, WF_TOK_NAME);
            if (name == NULL) goto fail;
        }
    }
    if (!accept(p, WF_TOK_COLON)) {
        expect_colon_or_fail(p);
        goto fail;
    }
    WfAstSeq *body = block(p, *star ? "'except*' statement"
                                    : "'except' statement",
                           kw->lineno);
    if (body == NULL) goto fail;
    WfAstNode *n = wf_parser_node(p, WF_AST_ExceptHandler, start);
    if (n == NULL) return NULL;
    n->v.ExceptHandler.type = type;
    if (name != NULL) {
        n->v.ExceptHandler.name = wf_parser_identifier(p, name);
        if (n->v.ExceptHandler.name == NULL) return NULL;
    }
    n->v.ExceptHandler.body = body;
    return n;
fail:
    p->pos = start;
    return NULL;
}

static WfAstNode *try_stmt(WfParser *p) {
    int start = p->pos;
    const WfToken *kw = accept(p, WF_TOK_KW_TRY);
    if (!expect_forced(p, WF_TOK_COLON, ":")) return NULL;
    WfAstSeq *body = block(p, "'try' statement", kw->lineno);
    if (body == NULL) goto fail;
    if (!at(p, WF_TOK_KW_EXCEPT) && !at(p, WF_TOK_KW_FINALLY)) {
        // invalid_try_stmt: 'try' ':' block !('except' | 'finally')
        if (p->call_invalid) {
            return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                   "expected 'except' or 'finally' block");
        }
        goto fail;
    }
    WfNodeVec handlers = {0};
    int kind = -1; // 0 except, 1 except*
    while (at(p, WF_TOK_KW_EXCEPT)) {
        int star = 0;
        const WfToken *ex = peek(p);
        WfAstNode *h = except_block(p, &star);
        if (h == NULL) {
            if (p->error) return NULL;
            break;
        }
        if (kind >= 0 && kind != star) {
            if (p->call_invalid) {
                if (star) {
                    const WfToken *st = &p->tokens[ex - p->tokens + 1];
                    return wf_parser_raise_range(
                        p, ex->lineno, ex->col, st->end_lineno, st->end_col,
                        "cannot have both 'except' and 'except*' on the "
                        "same 'try'");
                }
                return wf_parser_raise_token(p, ex, "cannot have both "
                                                    "'except' and 'except*' "
                                                    "on the same 'try'");
            }
            goto fail;
        }
        kind = star;
        if (!wf_parser_vec_push(p, &handlers, h)) return NULL;
    }
    WfAstSeq *orelse = NULL, *finalbody = NULL;
    if (handlers.len > 0 && at(p, WF_TOK_KW_ELSE)) {
        orelse = else_block(p);
        if (orelse == NULL) goto fail;
    }
    if (at(p, WF_TOK_KW_FINALLY)) {
        const WfToken *fk = accept(p, WF_TOK_KW_FINALLY);
        if (!expect_forced(p, WF_TOK_COLON, ":")) return NULL;
        finalbody = block(p, "'finally' statement", fk->lineno);
        if (finalbody == NULL) goto fail;
    }
    if (handlers.len == 0 && finalbody == NULL) goto fail;
    if (orelse == NULL) orelse = wf_parser_seq0(p);
    if (finalbody == NULL) finalbody = wf_parser_seq0(p);
    WfAstNode *n =
        wf_parser_node(p, kind == 1 ? WF_AST_TryStar : WF_AST_Try, start);
    if (n == NULL || orelse == NULL || finalbody == NULL) return NULL;
    n->v.Try.body = body;
    n->v.Try.handlers = wf_parser_vec_finish(p, &handlers);
    n->v.Try.orelse = orelse;
    n->v.Try.finalbody = finalbody;
    return n->v.Try.handlers ? n : NULL;
fail:
    p->pos = start;
    return NULL;
}

static WfAstNode *function_def(WfParser *p, int start, bool is_async,
                               WfAstSeq *decorators) {
    const WfToken *kw = accept(p, WF_TOK_KW_DEF);
    const WfToken *name = accept(p, WF_TOK_NAME);
    if (name == NULL) goto fail;
    if (!expect_forced(p, WF_TOK_LPAR, "(")) return NULL;
    WfAstNode *args;
    if (at(p, WF_TOK_RPAR)) {
        args = wf_parser_expr_empty_arguments(p);
    } else {
        args = wf_parser_expr_params(p, false);
    }
    if (args == NULL || !accept(p, WF_TOK_RPAR)) goto fail;
    WfAstNode *returns = NULL;
    if (accept(p, WF_TOK_RARROW)) {
        returns = wf_parser_expr_expression(p);
        if (returns == NULL) goto fail;
    }
    if (!expect_forced(p, WF_TOK_COLON, ":")) return NULL;
    WfAstSeq *body = block(p, "function definition", kw->lineno);
    if (body == NULL) goto fail;
    WfAstNode *n = wf_parser_node(
        p, is_async ? WF_AST_AsyncFunctionDef : WF_AST_FunctionDef, start);
    if (n == NULL) return NULL;
    n->v.FunctionDef.name = wf_parser_identifier(p, name);
    n->v.FunctionDef.args = args;
    n->v.FunctionDef.body = body;
    n->v.FunctionDef.decorator_list = decorators;
    n->v.FunctionDef.returns = returns;
    return n->v.FunctionDef.name ? n : NULL;
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

static WfAstNode *class_def(WfParser *p, WfAstSeq *decorators) {
    int start = p->pos;
    const WfToken *kw = accept(p, WF_TOK_KW_CLASS);
    const WfToken *name = accept(p, WF_TOK_NAME);
    if (name == NULL) goto fail;
    WfAstSeq *bases = NULL, *keywords = NULL;
    if (at(p, WF_TOK_LPAR)) {
        WfAstNode *call = wf_parser_display_arguments_call(p, NULL, p->pos);
        if (call == NULL) goto fail;
        bases = call->v.Call.args;
        keywords = call->v.Call.keywords;
    } else {
        bases = wf_parser_seq0(p);
        keywords = wf_parser_seq0(p);
        if (bases == NULL || keywords == NULL) return NULL;
    }
    if (!accept(p, WF_TOK_COLON)) {
        expect_colon_or_fail(p);
        goto fail;
    }
    WfAstSeq *body = block(p, "class definition", kw->lineno);
    if (body == NULL) goto fail;
    WfAstNode *n = wf_parser_node(p, WF_AST_ClassDef, start);
    if (n == NULL) return NULL;
    n->v.ClassDef.name = wf_parser_identifier(p, name);
    n->v.ClassDef.bases = bases;
    n->v.ClassDef.keywords = keywords;
    n->v.ClassDef.body = body;
    n->v.ClassDef.decorator_list = decorators;
    return n->v.ClassDef.name ? n : NULL;
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

// decorators: ('@' named_expression NEWLINE)+ then class or function.
static WfAstNode *decorated(WfParser *p) {
    int start = p->pos;
    WfNodeVec decs = {0};
    while (accept(p, WF_TOK_AT)) {
        WfAstNode *d = wf_parser_expr_named_expression(p);
        if (d == NULL || !accept(p, WF_TOK_NEWLINE)) goto fail;
        if (!wf_parser_vec_push(p, &decs, d)) return NULL;
    }
    WfAstSeq *seq = wf_parser_vec_finish(p, &decs);
    if (seq == NULL) return NULL;
    WfAstNode *res = NULL;
    int def_start = p->pos;
    if (at(p, WF_TOK_KW_DEF)) {
        res = function_def(p, def_start, false, seq);
    } else if (at(p, WF_TOK_KW_ASYNC) &&
               peek_at(p, 1)->type == WF_TOK_KW_DEF) {
        p->pos++;
        res = function_def(p, def_start, true, seq);
    } else if (at(p, WF_TOK_KW_CLASS)) {
        res = class_def(p, seq);
    }
    if (res != NULL || p->error) return res;
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

static WfAstNode *compound_stmt(WfParser *p, bool *matched) {
    int start = p->pos;
    *matched = true;
    const WfToken *t = peek(p);
    switch (t->type) {
    case WF_TOK_AT: return decorated(p);
    case WF_TOK_KW_DEF: return function_def(p, start, false, wf_parser_seq0(p));
    case WF_TOK_KW_IF: return if_stmt(p, false);
    case WF_TOK_KW_CLASS: return class_def(p, wf_parser_seq0(p));
    case WF_TOK_KW_WITH: return with_stmt(p, start, false);
    case WF_TOK_KW_FOR: return for_stmt(p, start, false);
    case WF_TOK_KW_TRY: return try_stmt(p);
    case WF_TOK_KW_WHILE: return while_stmt(p);
    case WF_TOK_KW_ASYNC: {
        WfTokenType n = peek_at(p, 1)->type;
        WfAstNode *res = NULL;
        if (n == WF_TOK_KW_DEF) {
            p->pos++;
            res = function_def(p, start, true, wf_parser_seq0(p));
        } else if (n == WF_TOK_KW_WITH) {
            p->pos++;
            res = with_stmt(p, start, true);
        } else if (n == WF_TOK_KW_FOR) {
            p->pos++;
            res = for_stmt(p, start, true);
        } else {
            *matched = false;
            return NULL;
        }
        if (res == NULL) p->pos = start;
        return res;
    }
    case WF_TOK_NAME:
        if (wf_parser_token_is_name(t, "match")) {
            WfAstNode *m = wf_parser_match_stmt(p);
            if (m != NULL || p->error) return m;
        }
        *matched = false;
        return NULL;
    default:
        *matched = false;
        return NULL;
    }
}

// statement: compound_stmt | simple_stmts. Appends to `out`.
static bool statement(WfParser *p, WfNodeVec *out) {
    bool matched = false;
    WfAstNode *c = compound_stmt(p, &matched);
    if (c != NULL) return wf_parser_vec_push(p, out, c);
    if (p->error) return false;
    if (matched) return false;
    return simple_stmts(p, out);
}

WfAstSeq *wf_parser_stmt_statements(WfParser *p) {
    WfNodeVec v = {0};
    while (statement(p, &v)) {
    }
    if (p->error) return NULL;
    return wf_parser_vec_finish(p, &v);
}

// file: [statements] ENDMARKER
WfAstSeq *wf_parser_stmt_file(WfParser *p) {
    WfAstSeq *s = wf_parser_stmt_statements(p);
    if (s == NULL) return NULL;
    if (!accept(p, WF_TOK_ENDMARKER)) return NULL;
    return s;
}

// interactive: statement_newline
WfAstSeq *wf_parser_stmt_interactive(WfParser *p) {
    WfNodeVec v = {0};
    if (at(p, WF_TOK_NEWLINE)) {
        int start = p->pos;
        p->pos++;
        WfAstNode *n = wf_parser_node(p, WF_AST_Pass, start);
        if (n == NULL || !wf_parser_vec_push(p, &v, n)) return NULL;
        return wf_parser_vec_finish(p, &v);
    }
    bool matched = false;
    WfAstNode *c = compound_stmt(p, &matched);
    if (c != NULL) {
        // compound_stmt NEWLINE: the interactive tokenizer emits the NEWLINE
        // for the terminating blank line; a string source has none.
        accept(p, WF_TOK_NEWLINE);
        if (!wf_parser_vec_push(p, &v, c)) return NULL;
        return wf_parser_vec_finish(p, &v);
    }
    if (p->error || matched) return NULL;
    if (!simple_stmts(p, &v)) return NULL;
    return wf_parser_vec_finish(p, &v);
}
