// parser_params.c — parameter lists of `def` and `lambda`.
//
// Invariant: wf_parser_expr_params consumes parameters up to (not
// including) the closing ')' of a def or the ':' of a lambda and returns an
// `arguments` node whose sequences follow CPython: posonlyargs, args,
// defaults (right-aligned to posonlyargs+args), kwonlyargs with kw_defaults
// of the same length (NULL where absent). On a mismatch it returns NULL
// with p->pos restored; in the second pass it raises CPython's
// invalid_parameters / invalid_lambda_parameters messages instead.
#include "parser_internal.h"

WfAstNode *wf_parser_expr_empty_arguments(WfParser *p) {
    WfAstNode *a = wf_ast_node_new(p->arena, WF_AST_arguments, 0, 0, 0, 0);
    if (a == NULL) return wf_parser_nomem(p);
    a->v.arguments.posonlyargs = wf_parser_seq0(p);
    a->v.arguments.args = wf_parser_seq0(p);
    a->v.arguments.kwonlyargs = wf_parser_seq0(p);
    a->v.arguments.kw_defaults = wf_parser_seq0(p);
    a->v.arguments.defaults = wf_parser_seq0(p);
    if (a->v.arguments.posonlyargs == NULL || a->v.arguments.args == NULL ||
        a->v.arguments.kwonlyargs == NULL ||
        a->v.arguments.kw_defaults == NULL ||
        a->v.arguments.defaults == NULL) {
        return NULL;
    }
    return a;
}

// param: NAME annotation?  (annotation only for def; `star` allows the
// star_annotation ':' star_expression of *args).
static WfAstNode *param(WfParser *p, bool lambda, bool star) {
    int start = p->pos;
    const WfToken *name = accept(p, WF_TOK_NAME);
    if (name == NULL) return NULL;
    WfAstNode *ann = NULL;
    if (!lambda && accept(p, WF_TOK_COLON)) {
        ann = star ? wf_parser_expr_star_expression(p)
                   : wf_parser_expr_expression(p);
        if (ann == NULL) {
            p->pos = start;
            return NULL;
        }
    }
    WfAstNode *a = wf_parser_node(p, WF_AST_arg, start);
    if (a == NULL) return NULL;
    a->v.arg.arg = wf_parser_identifier(p, name);
    a->v.arg.annotation = ann;
    return a->v.arg.arg ? a : NULL;
}

WfAstNode *wf_parser_expr_params(WfParser *p, bool lambda) {
    int start = p->pos;
    WfTokenType close = lambda ? WF_TOK_COLON : WF_TOK_RPAR;
    WfNodeVec posonly = {0}, args = {0}, defaults = {0}, kwonly = {0},
              kw_defaults = {0};
    WfAstNode *vararg = NULL, *kwarg = NULL;
    bool seen_slash = false, seen_star = false, bare_star = false;
    const WfToken *star_tok = NULL;
    bool inv = p->call_invalid;
    while (!at(p, close)) {
        const WfToken *t = peek(p);
        if (t->type == WF_TOK_SLASH) {
            if (seen_star) {
                if (inv) return wf_parser_raise_token(p, t, "/ must be ahead of *");
                goto fail;
            }
            if (seen_slash) {
                if (inv) return wf_parser_raise_token(p, t, "/ may appear only once");
                goto fail;
            }
            if (args.len == 0) {
                if (inv && peek_at(p, 1)->type == WF_TOK_COMMA) {
                    return wf_parser_raise_token(
                        p, t, "at least one argument must precede /");
                }
                goto fail;
            }
            p->pos++;
            seen_slash = true;
            posonly = args;
            args = (WfNodeVec){0};
            if (inv && at(p, WF_TOK_STAR)) {
                return wf_parser_raise_token(p, peek(p), "expected comma "
                                                         "between / and *");
            }
        } else if (t->type == WF_TOK_STAR) {
            if (seen_star) {
                if (inv) {
                    return wf_parser_raise_token(p, t, "* argument may appear "
                                                       "only once");
                }
                goto fail;
            }
            p->pos++;
            seen_star = true;
            star_tok = t;
            if (at(p, WF_TOK_COMMA)) {
                bare_star = true;
                const WfToken *after = peek_at(p, 1);
                if (inv && (after->type == close ||
                            after->type == WF_TOK_DOUBLESTAR)) {
                    if (lambda) {
                        p->pos++;
                        peek(p);
                        return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                               "named arguments must follow "
                                               "bare *");
                    }
                    return wf_parser_raise_token(p, t, "named arguments must "
                                                       "follow bare *");
                }
            } else if (at(p, close)) {
                if (inv) {
                    if (lambda) {
                        return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                               "named arguments must follow "
                                               "bare *");
                    }
                    return wf_parser_raise_token(p, t, "named arguments must "
                                                       "follow bare *");
                }
                goto fail;
            } else {
                vararg = param(p, lambda, true);
                if (vararg == NULL) goto fail;
                if (inv && at(p, WF_TOK_EQUAL)) {
                    return wf_parser_raise_token(p, peek(p),
                                                 "var-positional argument "
                                                 "cannot have default value");
                }
            }
        } else if (t->type == WF_TOK_DOUBLESTAR) {
            p->pos++;
            kwarg = param(p, lambda, false);
            if (kwarg == NULL) goto fail;
            if (inv && at(p, WF_TOK_EQUAL)) {
                return wf_parser_raise_token(p, peek(p),
                                             "var-keyword argument cannot "
                                             "have default value");
            }
            if (accept(p, WF_TOK_COMMA) && !at(p, close)) {
                if (inv) {
                    const WfToken *n = peek(p);
                    if (n->type == WF_TOK_NAME || n->type == WF_TOK_STAR ||
                        n->type == WF_TOK_DOUBLESTAR ||
                        n->type == WF_TOK_SLASH) {
                        if (n->type == WF_TOK_NAME) {
                            WfAstNode *a = param(p, lambda, false);
                            if (a != NULL) {
                                return wf_parser_raise_node(
                                    p, a, "arguments cannot follow "
                                          "var-keyword argument");
                            }
                            if (p->error) return NULL;
                        } else {
                            return wf_parser_raise_token(
                                p, n, "arguments cannot follow var-keyword "
                                      "argument");
                        }
                    }
                }
                goto fail;
            }
            break;
        } else if (t->type == WF_TOK_NAME) {
            WfAstNode *a = param(p, lambda, false);
            if (a == NULL) goto fail;
            WfAstNode *d = NULL;
            const WfToken *eq = accept(p, WF_TOK_EQUAL);
            if (eq != NULL) {
                if (inv && (at(p, WF_TOK_RPAR) || at(p, WF_TOK_COMMA))) {
                    return wf_parser_raise_token(p, eq, "expected default "
                                                        "value expression");
                }
                d = wf_parser_expr_expression(p);
                if (d == NULL) goto fail;
            }
            if (seen_star) {
                if (!wf_parser_vec_push(p, &kwonly, a) ||
                    !wf_parser_vec_push(p, &kw_defaults, d)) {
                    return NULL;
                }
            } else {
                if (d != NULL) {
                    if (!wf_parser_vec_push(p, &defaults, d)) return NULL;
                } else if (defaults.len > 0) {
                    if (inv && (at(p, WF_TOK_COMMA) || at(p, close))) {
                        return wf_parser_raise_node(p, a,
                                                    "non-default argument "
                                                    "follows default "
                                                    "argument");
                    }
                    goto fail;
                }
                if (!wf_parser_vec_push(p, &args, a)) return NULL;
            }
        } else if (t->type == WF_TOK_LPAR && inv) {
            // Function parameters cannot be parenthesized
            int mark = p->pos;
            p->pos++;
            int n = 0;
            while (accept(p, WF_TOK_NAME)) {
                n++;
                if (!lambda && accept(p, WF_TOK_COLON)) {
                    if (wf_parser_expr_expression(p) == NULL) break;
                }
                if (!accept(p, WF_TOK_COMMA)) break;
            }
            const WfToken *rp = accept(p, WF_TOK_RPAR);
            if (n > 0 && rp != NULL) {
                return wf_parser_raise_range(
                    p, t->lineno, t->col, rp->end_lineno, rp->end_col,
                    lambda ? "Lambda expression parameters cannot be "
                             "parenthesized"
                           : "Function parameters cannot be parenthesized");
            }
            if (p->error) return NULL;
            p->pos = mark;
            goto fail;
        } else {
            goto fail;
        }
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    if (!at(p, close)) goto fail;
    if (bare_star && kwonly.len == 0 && kwarg == NULL) goto fail;
    if (bare_star && kwonly.len == 0) {
        if (inv) {
            return wf_parser_raise_token(p, star_tok, "named arguments must "
                                                      "follow bare *");
        }
        goto fail;
    }
    {
        WfAstNode *n = wf_parser_node(p, WF_AST_arguments, start);
        if (n == NULL) return NULL;
        n->v.arguments.posonlyargs = wf_parser_vec_finish(p, &posonly);
        n->v.arguments.args = wf_parser_vec_finish(p, &args);
        n->v.arguments.vararg = vararg;
        n->v.arguments.kwonlyargs = wf_parser_vec_finish(p, &kwonly);
        n->v.arguments.kw_defaults = wf_parser_vec_finish(p, &kw_defaults);
        n->v.arguments.kwarg = kwarg;
        n->v.arguments.defaults = wf_parser_vec_finish(p, &defaults);
        if (!n->v.arguments.posonlyargs || !n->v.arguments.args ||
            !n->v.arguments.kwonlyargs || !n->v.arguments.kw_defaults ||
            !n->v.arguments.defaults) {
            return NULL;
        }
        return n;
    }
fail:
    if (p->error) return NULL;
    p->pos = start;
    return NULL;
}
