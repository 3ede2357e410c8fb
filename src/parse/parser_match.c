// parser_match.c — the `match` statement (soft keyword, PEP 634).
//
// Invariant: wf_parser_match_stmt is tried only where a statement starts
// with the NAME `match`; it returns NULL with p->pos unchanged when the
// statement is not a match statement, so the caller parses it as a simple
// statement (CPython tries match_stmt last among compound statements).
// Pattern rules follow the PEG convention of parser_expr.c.
#include <string.h>

#include "parser_internal.h"

static WfAstNode *pattern(WfParser *p);
static WfAstNode *closed_pattern(WfParser *p);

static bool at_name(WfParser *p, const char *w) {
    return wf_parser_at_name(p, w);
}

static WfAstNode *pat_node(WfParser *p, WfAstKind kind, int start) {
    return wf_parser_node(p, kind, start);
}

// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
static const WfToken *capture_target(WfParser *p) {
    const WfToken *t = peek(p);
    if (t->type != WF_TOK_NAME || wf_parser_token_is_name(t, "_")) return NULL;
    WfTokenType n = peek_at(p, 1)->type;
    if (n == WF_TOK_DOT || n == WF_TOK_LPAR || n == WF_TOK_EQUAL) return NULL;
    p->pos++;
    return t;
}

// name_or_attr: NAME ('.' NAME)*
static WfAstNode *name_or_attr(WfParser *p) {
    int start = p->pos;
    const WfToken *t = accept(p, WF_TOK_NAME);
    if (t == NULL) return NULL;
    WfAstNode *e = wf_parser_name_node(p, t, WF_AST_CTX_Load);
    while (e != NULL && at(p, WF_TOK_DOT) &&
           peek_at(p, 1)->type == WF_TOK_NAME) {
        const WfToken *name = peek_at(p, 1);
        p->pos += 2;
        WfAstNode *a = wf_parser_node(p, WF_AST_Attribute, start);
        if (a == NULL) return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = wf_parser_identifier(p, name);
        a->v.Attribute.ctx = WF_AST_CTX_Load;
        e = a->v.Attribute.attr ? a : NULL;
    }
    return e;
}

static WfAstNode *number_token(WfParser *p, bool *imag) {
    const WfToken *t = peek(p);
    if (t->type != WF_TOK_NUMBER) return NULL;
    *imag = t->start[t->len - 1] == 'j' || t->start[t->len - 1] == 'J';
    return wf_parser_expr_atom(p);
}

// signed_number | complex_number (as an expression)
static WfAstNode *signed_or_complex(WfParser *p) {
    int start = p->pos;
    bool neg = accept(p, WF_TOK_MINUS) != NULL;
    bool imag = false;
    WfAstNode *num = number_token(p, &imag);
    if (num == NULL) {
        p->pos = start;
        return NULL;
    }
    if (neg) {
        WfAstNode *u = wf_parser_node(p, WF_AST_UnaryOp, start);
        if (u == NULL) return NULL;
        u->v.UnaryOp.op = WF_AST_UNARY_USub;
        u->v.UnaryOp.operand = num;
        num = u;
    }
    if (at(p, WF_TOK_PLUS) || at(p, WF_TOK_MINUS)) {
        bool plus = at(p, WF_TOK_PLUS);
        if (imag) {
            if (p->error) return NULL;
            return wf_parser_raise_node(p, num, "real number required in "
                                                "complex literal");
        }
        p->pos++;
        bool imag2 = false;
        WfAstNode *im = number_token(p, &imag2);
        if (im == NULL) {
            p->pos = start;
            return NULL;
        }
        if (!imag2) {
            return wf_parser_raise_node(p, im, "imaginary number required in "
                                               "complex literal");
        }
        WfAstNode *b = wf_parser_node(p, WF_AST_BinOp, start);
        if (b == NULL) return NULL;
        b->v.BinOp.left = num;
        b->v.BinOp.op = plus ? WF_AST_OP_Add : WF_AST_OP_Sub;
        b->v.BinOp.right = im;
        return b;
    }
    return num;
}

// literal_expr: signed/complex number | strings | None | True | False
static WfAstNode *literal_expr(WfParser *p) {
    const WfToken *t = peek(p);
    switch (t->type) {
    case WF_TOK_NUMBER:
    case WF_TOK_MINUS:
        return signed_or_complex(p);
    case WF_TOK_STRING:
    case WF_TOK_KW_NONE:
    case WF_TOK_KW_TRUE:
    case WF_TOK_KW_FALSE:
        return wf_parser_expr_atom(p);
    default:
        return NULL;
    }
}

static WfAstNode *star_pattern(WfParser *p) {
    int start = p->pos;
    if (!accept(p, WF_TOK_STAR)) return NULL;
    const WfToken *t = capture_target(p);
    const char *name = NULL;
    if (t != NULL) {
        name = wf_parser_identifier(p, t);
        if (name == NULL) return NULL;
    } else if (!(at_name(p, "_") && (p->pos++, true))) {
        p->pos = start;
        return NULL;
    }
    WfAstNode *n = pat_node(p, WF_AST_MatchStar, start);
    if (n == NULL) return NULL;
    n->v.MatchStar.name = name;
    return n;
}

static WfAstNode *maybe_star_pattern(WfParser *p) {
    if (at(p, WF_TOK_STAR)) return star_pattern(p);
    return pattern(p);
}

// ','.maybe_star_pattern+ ','? up to `close`.
static bool sequence_items(WfParser *p, WfNodeVec *v, WfTokenType close) {
    while (!at(p, close)) {
        WfAstNode *e = maybe_star_pattern(p);
        if (e == NULL) return false;
        if (!wf_parser_vec_push(p, v, e)) return false;
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    return true;
}

static WfAstNode *sequence_node(WfParser *p, int start, WfNodeVec *v) {
    WfAstNode *n = pat_node(p, WF_AST_MatchSequence, start);
    if (n == NULL) return NULL;
    n->v.MatchSequence.patterns = wf_parser_vec_finish(p, v);
    return n->v.MatchSequence.patterns ? n : NULL;
}

static WfAstNode *mapping_pattern(WfParser *p) {
    int start = p->pos;
    p->pos++; // '{'
    WfNodeVec keys = {0}, pats = {0};
    const char *rest = NULL;
    while (!at(p, WF_TOK_RBRACE)) {
        if (accept(p, WF_TOK_DOUBLESTAR)) {
            const WfToken *t = capture_target(p);
            if (t == NULL) goto fail;
            rest = wf_parser_identifier(p, t);
            if (rest == NULL) return NULL;
            accept(p, WF_TOK_COMMA);
            break;
        }
        WfAstNode *k = literal_expr(p);
        if (k == NULL) {
            if (p->error) return NULL;
            k = name_or_attr(p);
            if (k == NULL || k->kind != WF_AST_Attribute) goto fail;
        }
        if (!accept(p, WF_TOK_COLON)) goto fail;
        WfAstNode *v = pattern(p);
        if (v == NULL) goto fail;
        if (!wf_parser_vec_push(p, &keys, k) ||
            !wf_parser_vec_push(p, &pats, v)) {
            return NULL;
        }
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    if (!accept(p, WF_TOK_RBRACE)) goto fail;
    {
        WfAstNode *n = pat_node(p, WF_AST_MatchMapping, start);
        if (n == NULL) return NULL;
        n->v.MatchMapping.keys = wf_parser_vec_finish(p, &keys);
        n->v.MatchMapping.patterns = wf_parser_vec_finish(p, &pats);
        n->v.MatchMapping.rest = rest;
        return n->v.MatchMapping.keys && n->v.MatchMapping.patterns ? n : NULL;
    }
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

static WfAstNode *class_pattern(WfParser *p, int start, WfAstNode *cls) {
    p->pos++; // '('
    WfNodeVec pats = {0}, kwd_pats = {0};
    const char *kwd_buf[64];
    const char **kwd = kwd_buf;
    int nkwd = 0, kcap = 64;
    while (!at(p, WF_TOK_RPAR)) {
        const WfToken *t = peek(p);
        if (t->type == WF_TOK_NAME && peek_at(p, 1)->type == WF_TOK_EQUAL) {
            p->pos += 2;
            WfAstNode *v = pattern(p);
            if (v == NULL) goto fail;
            if (nkwd == kcap) {
                const char **nb = wf_arena_alloc(
                    p->arena, (size_t)kcap * 2 * sizeof(char *));
                if (nb == NULL) return wf_parser_nomem(p);
                memcpy(nb, kwd, (size_t)nkwd * sizeof(char *));
                kwd = nb;
                kcap *= 2;
            }
            kwd[nkwd] = wf_parser_identifier(p, t);
            if (kwd[nkwd] == NULL) return NULL;
            nkwd++;
            if (!wf_parser_vec_push(p, &kwd_pats, v)) return NULL;
        } else {
            WfAstNode *v = pattern(p);
            if (v == NULL) goto fail;
            if (nkwd > 0) {
                if (p->call_invalid) {
                    return wf_parser_raise_node(p, v, "positional patterns "
                                                      "follow keyword "
                                                      "patterns");
                }
                goto fail;
            }
            if (!wf_parser_vec_push(p, &pats, v)) return NULL;
        }
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    if (!accept(p, WF_TOK_RPAR)) goto fail;
    {
        WfAstNode *n = pat_node(p, WF_AST_MatchClass, start);
        if (n == NULL) return NULL;
        n->v.MatchClass.cls = cls;
        n->v.MatchClass.patterns = wf_parser_vec_finish(p, &pats);
        n->v.MatchClass.kwd_attrs = wf_ast_identseq_new(p->arena, nkwd);
        if (n->v.MatchClass.kwd_attrs == NULL) return wf_parser_nomem(p);
        memcpy(n->v.MatchClass.kwd_attrs->items, kwd,
               (size_t)nkwd * sizeof(char *));
        n->v.MatchClass.kwd_patterns = wf_parser_vec_finish(p, &kwd_pats);
        return n->v.MatchClass.patterns && n->v.MatchClass.kwd_patterns ? n
                                                                         : NULL;
    }
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

static WfAstNode *closed_pattern(WfParser *p) {
    int start = p->pos;
    const WfToken *t = peek(p);
    switch (t->type) {
    case WF_TOK_NUMBER:
    case WF_TOK_MINUS:
    case WF_TOK_STRING: {
        WfAstNode *v = literal_expr(p);
        if (v == NULL) return NULL;
        WfAstNode *n = pat_node(p, WF_AST_MatchValue, start);
        if (n == NULL) return NULL;
        n->v.MatchValue.value = v;
        return n;
    }
    case WF_TOK_KW_NONE:
    case WF_TOK_KW_TRUE:
    case WF_TOK_KW_FALSE: {
        p->pos++;
        WfAstNode *n = pat_node(p, WF_AST_MatchSingleton, start);
        if (n == NULL) return NULL;
        n->v.MatchSingleton.value.kind = t->type == WF_TOK_KW_NONE
                                             ? WF_CONST_NONE
                                         : t->type == WF_TOK_KW_TRUE
                                             ? WF_CONST_TRUE
                                             : WF_CONST_FALSE;
        return n;
    }
    case WF_TOK_NAME: {
        const WfToken *cap = capture_target(p);
        if (cap != NULL) {
            WfAstNode *n = pat_node(p, WF_AST_MatchAs, start);
            if (n == NULL) return NULL;
            n->v.MatchAs.name = wf_parser_identifier(p, cap);
            return n->v.MatchAs.name ? n : NULL;
        }
        if (wf_parser_token_is_name(t, "_")) {
            p->pos++;
            return pat_node(p, WF_AST_MatchAs, start);
        }
        WfAstNode *e = name_or_attr(p);
        if (e == NULL) return NULL;
        if (at(p, WF_TOK_LPAR)) return class_pattern(p, start, e);
        if (e->kind != WF_AST_Attribute || at(p, WF_TOK_DOT) ||
            at(p, WF_TOK_EQUAL)) {
            p->pos = start;
            return NULL;
        }
        WfAstNode *n = pat_node(p, WF_AST_MatchValue, start);
        if (n == NULL) return NULL;
        n->v.MatchValue.value = e;
        return n;
    }
    case WF_TOK_LPAR: {
        p->pos++;
        if (accept(p, WF_TOK_RPAR)) {
            WfNodeVec v = {0};
            return sequence_node(p, start, &v);
        }
        WfAstNode *first = maybe_star_pattern(p);
        if (first == NULL) goto fail;
        if (first->kind != WF_AST_MatchStar && accept(p, WF_TOK_RPAR)) {
            return first; // group_pattern
        }
        if (!accept(p, WF_TOK_COMMA)) goto fail;
        WfNodeVec v = {0};
        if (!wf_parser_vec_push(p, &v, first)) return NULL;
        if (!sequence_items(p, &v, WF_TOK_RPAR) || !accept(p, WF_TOK_RPAR)) {
            goto fail;
        }
        return sequence_node(p, start, &v);
    }
    case WF_TOK_LSQB: {
        p->pos++;
        WfNodeVec v = {0};
        if (!sequence_items(p, &v, WF_TOK_RSQB) || !accept(p, WF_TOK_RSQB)) {
            goto fail;
        }
        return sequence_node(p, start, &v);
    }
    case WF_TOK_LBRACE:
        return mapping_pattern(p);
    default:
        return NULL;
    }
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

// or_pattern: '|'.closed_pattern+
static WfAstNode *or_pattern(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = closed_pattern(p);
    if (a == NULL || !at(p, WF_TOK_VBAR)) return a;
    WfNodeVec v = {0};
    if (!wf_parser_vec_push(p, &v, a)) return NULL;
    while (accept(p, WF_TOK_VBAR)) {
        WfAstNode *b = closed_pattern(p);
        if (b == NULL) {
            if (p->error) return NULL;
            p->pos = start;
            return NULL;
        }
        if (!wf_parser_vec_push(p, &v, b)) return NULL;
    }
    WfAstNode *n = pat_node(p, WF_AST_MatchOr, start);
    if (n == NULL) return NULL;
    n->v.MatchOr.patterns = wf_parser_vec_finish(p, &v);
    return n->v.MatchOr.patterns ? n : NULL;
}

// pattern: as_pattern | or_pattern
static WfAstNode *pattern(WfParser *p) {
    int start = p->pos;
    if (!wf_parser_enter(p)) return NULL;
    WfAstNode *a = or_pattern(p);
    if (a != NULL && at(p, WF_TOK_KW_AS)) {
        int mark = p->pos;
        p->pos++;
        const WfToken *t = capture_target(p);
        if (t != NULL) {
            WfAstNode *n = pat_node(p, WF_AST_MatchAs, start);
            leave(p);
            if (n == NULL) return NULL;
            n->v.MatchAs.pattern = a;
            n->v.MatchAs.name = wf_parser_identifier(p, t);
            return n->v.MatchAs.name ? n : NULL;
        }
        if (p->call_invalid) {
            if (at_name(p, "_")) {
                leave(p);
                return wf_parser_raise_token(p, peek(p), "cannot use '_' as a "
                                                         "target");
            }
            if (!at(p, WF_TOK_NAME)) {
                WfAstNode *e = wf_parser_expr_expression(p);
                if (e != NULL) {
                    leave(p);
                    return wf_parser_raise_node(p, e, "invalid pattern target");
                }
            }
        }
        p->pos = mark;
    }
    leave(p);
    return a;
}

// patterns: open_sequence_pattern -> MatchSequence | pattern
static WfAstNode *patterns(WfParser *p) {
    int start = p->pos;
    WfAstNode *first = maybe_star_pattern(p);
    if (first == NULL) return NULL;
    if (!at(p, WF_TOK_COMMA)) {
        if (first->kind == WF_AST_MatchStar) {
            p->pos = start;
            return NULL;
        }
        return first;
    }
    p->pos++;
    WfNodeVec v = {0};
    if (!wf_parser_vec_push(p, &v, first)) return NULL;
    while (!at(p, WF_TOK_COLON) && !at(p, WF_TOK_KW_IF)) {
        WfAstNode *e = maybe_star_pattern(p);
        if (e == NULL) {
            if (p->error) return NULL;
            break;
        }
        if (!wf_parser_vec_push(p, &v, e)) return NULL;
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    return sequence_node(p, start, &v);
}

// subject_expr: star_named_expression ',' star_named_expressions? -> Tuple
//             | named_expression
static WfAstNode *subject_expr(WfParser *p) {
    int start = p->pos;
    WfAstNode *a = wf_parser_expr_star_named_expression(p);
    if (a == NULL) return NULL;
    if (!at(p, WF_TOK_COMMA)) {
        if (a->kind == WF_AST_Starred) {
            p->pos = start;
            return NULL;
        }
        return a;
    }
    WfNodeVec v = {0};
    if (!wf_parser_vec_push(p, &v, a)) return NULL;
    while (accept(p, WF_TOK_COMMA)) {
        int mark = p->pos;
        WfAstNode *b = wf_parser_expr_star_named_expression(p);
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

static WfAstNode *case_block(WfParser *p) {
    int start = p->pos;
    const WfToken *kw = peek(p);
    p->pos++; // "case"
    WfAstNode *pat = patterns(p);
    if (pat == NULL) goto fail;
    WfAstNode *guard = NULL;
    if (accept(p, WF_TOK_KW_IF)) {
        guard = wf_parser_expr_named_expression(p);
        if (guard == NULL) goto fail;
    }
    if (!accept(p, WF_TOK_COLON)) {
        if (p->call_invalid && at(p, WF_TOK_NEWLINE)) {
            return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "expected ':'");
        }
        goto fail;
    }
    WfAstSeq *body = wf_parser_stmt_block(p, "'case' statement", kw->lineno);
    if (body == NULL) goto fail;
    {
        WfAstNode *n = wf_parser_node(p, WF_AST_match_case, start);
        if (n == NULL) return NULL;
        n->v.match_case.pattern = pat;
        n->v.match_case.guard = guard;
        n->v.match_case.body = body;
        return n;
    }
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}

WfAstNode *wf_parser_match_stmt(WfParser *p) {
    int start = p->pos;
    const WfToken *kw = peek(p);
    p->pos++; // "match"
    WfAstNode *subject = subject_expr(p);
    if (subject == NULL) goto fail;
    if (!accept(p, WF_TOK_COLON)) {
        if (p->call_invalid && at(p, WF_TOK_NEWLINE)) {
            return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "expected ':'");
        }
        goto fail;
    }
    if (!at(p, WF_TOK_NEWLINE) || peek_at(p, 1)->type != WF_TOK_INDENT) {
        if (p->call_invalid && at(p, WF_TOK_NEWLINE)) {
            return wf_parser_raise(p, WF_SYNTAX_ERROR_INDENTATION,
                                   "expected an indented block after 'match' "
                                   "statement on line %d",
                                   kw->lineno);
        }
        goto fail;
    }
    p->pos += 2;
    WfNodeVec cases = {0};
    while (at_name(p, "case")) {
        WfAstNode *c = case_block(p);
        if (c == NULL) {
            if (p->error) return NULL;
            break;
        }
        if (!wf_parser_vec_push(p, &cases, c)) return NULL;
    }
    if (cases.len == 0 || !accept(p, WF_TOK_DEDENT)) goto fail;
    {
        WfAstNode *n = wf_parser_node(p, WF_AST_Match, start);
        if (n == NULL) return NULL;
        n->v.Match.subject = subject;
        n->v.Match.cases = wf_parser_vec_finish(p, &cases);
        return n->v.Match.cases ? n : NULL;
    }
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}
