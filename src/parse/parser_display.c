// parser_display.c — calls, displays ((), [], {}) and comprehensions.
//
// Invariant: same contract as parser_expr.c: a rule returns a node with
// p->pos after what it consumed, or NULL with p->pos restored (mismatch) or
// with p->error set (raised). A display's first item is parsed once and
// decides which display it is (tuple/group/genexp, list/listcomp,
// dict/set/comprehensions), so nested displays stay linear. The
// invalid_arguments / invalid_comprehension / invalid_dict checks run only
// in the second pass.
#include <stdio.h>
#include <string.h>

#include "parser_internal.h"


// ---- calls ---------------------------------------------------------------

static WfAstNode *genexp_tail(WfParser *p, int start, WfAstNode *elt) {
    WfAstSeq *gens = wf_parser_display_for_if_clauses(p);
    if (gens == NULL) return NULL;
    if (!accept(p, WF_TOK_RPAR)) return NULL;
    WfAstNode *n = wf_parser_node(p, WF_AST_GeneratorExp, start);
    if (n == NULL) return NULL;
    n->v.GeneratorExp.elt = elt;
    n->v.GeneratorExp.generators = gens;
    return n;
}

static WfAstNode *keyword_node(WfParser *p, int start, const WfToken *name,
                               WfAstNode *value) {
    WfAstNode *k = wf_parser_node(p, WF_AST_keyword, start);
    if (k == NULL) return NULL;
    k->v.keyword.arg = NULL;
    if (name != NULL) {
        k->v.keyword.arg = wf_parser_identifier(p, name);
        if (k->v.keyword.arg == NULL) return NULL;
    }
    k->v.keyword.value = value;
    return k;
}

// invalid_arguments / invalid_kwarg, second pass. `first` is the first
// argument parsed; called when the argument list did not match.
static void invalid_arguments(WfParser *p, int args_start);

// '(' [arguments] ')' after `func` (or a generator expression argument).
WfAstNode *wf_parser_display_arguments_call(WfParser *p, WfAstNode *func,
                                         int start) {
    int open = p->pos;
    if (!accept(p, WF_TOK_LPAR)) return NULL;
    WfNodeVec args = {0}, keywords = {0};
    // primary genexp: '(' (wf_parser_expr_assignment_expression | expression !':=')
    // for_if_clauses ')'
    WfAstNode *first_arg = NULL; // reused below (no exponential re-parse)
    int first_end = -1;
    if (!at(p, WF_TOK_STAR) && !at(p, WF_TOK_DOUBLESTAR) &&
        !at(p, WF_TOK_RPAR) &&
        !(at(p, WF_TOK_NAME) && peek_at(p, 1)->type == WF_TOK_EQUAL)) {
        int mark = p->pos;
        WfAstNode *e = wf_parser_expr_assignment_expression(p);
        if (e == NULL && !p->error) {
            e = wf_parser_expr_expression(p);
            if (e != NULL && at(p, WF_TOK_COLONEQUAL)) e = NULL;
        }
        if (p->error) return NULL;
        if (e != NULL && !wf_parser_expr_starts_async_for(p)) {
            first_arg = e;
            first_end = p->pos;
        }
        if (e != NULL && wf_parser_expr_starts_async_for(p)) {
            WfAstNode *g = genexp_tail(p, open, e);
            if (g != NULL) {
                WfAstNode *n = wf_parser_node(p, WF_AST_Call, start);
                if (n == NULL) return NULL;
                n->v.Call.func = func;
                n->v.Call.args = wf_parser_seq1(p, g);
                n->v.Call.keywords = wf_parser_seq0(p);
                return n->v.Call.args && n->v.Call.keywords ? n : NULL;
            }
            if (p->error) return NULL;
        }
        p->pos = mark;
    }
    // args: positional part, then kwargs (kwarg_or_starred then
    // kwarg_or_double_starred).
    int state = 0; // 0 positional, 1 keywords/starred, 2 after '**'
    while (!at(p, WF_TOK_RPAR)) {
        int item = p->pos;
        const WfToken *t = peek(p);
        if (t->type == WF_TOK_STAR) {
            if (state == 2) goto fail;
            WfAstNode *s = wf_parser_expr_starred_expression(p);
            if (s == NULL) goto fail;
            if (!wf_parser_vec_push(p, &args, s)) return NULL;
        } else if (t->type == WF_TOK_DOUBLESTAR) {
            p->pos++;
            WfAstNode *v = wf_parser_expr_expression(p);
            if (v == NULL) goto fail;
            WfAstNode *k = keyword_node(p, item, NULL, v);
            if (k == NULL || !wf_parser_vec_push(p, &keywords, k)) return NULL;
            state = 2;
        } else if (t->type == WF_TOK_NAME &&
                   peek_at(p, 1)->type == WF_TOK_EQUAL) {
            p->pos += 2;
            WfAstNode *v = wf_parser_expr_expression(p);
            if (v == NULL) goto fail;
            WfAstNode *k = keyword_node(p, item, t, v);
            if (k == NULL || !wf_parser_vec_push(p, &keywords, k)) return NULL;
            if (state == 0) state = 1;
        } else {
            if (state != 0) goto fail;
            WfAstNode *e;
            if (first_arg != NULL && item == open + 1) {
                e = first_arg;
                p->pos = first_end;
            } else {
                e = wf_parser_expr_assignment_expression(p);
                if (e == NULL && !p->error) {
                    e = wf_parser_expr_expression(p);
                    if (e != NULL && at(p, WF_TOK_COLONEQUAL)) e = NULL;
                }
            }
            if (e == NULL) goto fail;
            if (at(p, WF_TOK_EQUAL)) goto fail;
            if (!wf_parser_vec_push(p, &args, e)) return NULL;
        }
        if (!accept(p, WF_TOK_COMMA)) break;
    }
    if (!accept(p, WF_TOK_RPAR)) goto fail;
    {
        WfAstNode *n = wf_parser_node(p, WF_AST_Call, start);
        if (n == NULL) return NULL;
        n->v.Call.func = func;
        n->v.Call.args = wf_parser_vec_finish(p, &args);
        n->v.Call.keywords = wf_parser_vec_finish(p, &keywords);
        return n->v.Call.args && n->v.Call.keywords ? n : NULL;
    }
fail:
    if (p->error) return NULL;
    if (p->call_invalid) {
        p->pos = open + 1;
        invalid_arguments(p, open + 1);
        if (p->error) return NULL;
    }
    p->pos = open;
    return NULL;
}

static const WfAstNode *last_comprehension_item(const WfAstSeq *gens) {
    const WfAstNode *c = gens->items[gens->len - 1];
    if (c->v.comprehension.ifs->len > 0) {
        return c->v.comprehension.ifs->items[c->v.comprehension.ifs->len - 1];
    }
    return c->v.comprehension.iter;
}

// A simplified invalid_arguments/invalid_kwarg: scans the arguments again
// and reports CPython's message for the first problem found.
static void invalid_arguments(WfParser *p, int args_start) {
    int state = 0; // as in arguments_call
    bool seen_star_after_kw = false;
    (void)seen_star_after_kw;
    p->pos = args_start;
    int count = 0;
    while (!at(p, WF_TOK_RPAR) && !at(p, WF_TOK_NEWLINE) &&
           !at(p, WF_TOK_ENDMARKER)) {
        const WfToken *t = peek(p);
        int item = p->pos;
        if (t->type == WF_TOK_KW_TRUE || t->type == WF_TOK_KW_FALSE ||
            t->type == WF_TOK_KW_NONE) {
            const WfToken *eq = peek_at(p, 1);
            if (eq->type == WF_TOK_EQUAL) {
                char word[8];
                snprintf(word, sizeof word, "%.*s", t->len, t->start);
                wf_parser_raise_range(p, t->lineno, t->col, eq->end_lineno,
                                      eq->end_col, "cannot assign to %s", word);
                return;
            }
        }
        if (t->type == WF_TOK_STAR) {
            if (state == 2) {
                // a=args ',' '*' -> location: the arguments so far
                const WfToken *first = &p->tokens[args_start];
                const WfToken *last = &p->tokens[p->pos - 2];
                wf_parser_raise_range(p, first->lineno, first->col,
                                      last->end_lineno, last->end_col,
                                      "iterable argument unpacking follows "
                                      "keyword argument unpacking");
                return;
            }
            if (wf_parser_expr_starred_expression(p) == NULL) return;
        } else if (t->type == WF_TOK_DOUBLESTAR) {
            p->pos++;
            if (wf_parser_expr_expression(p) == NULL) return;
            state = 2;
        } else if (t->type == WF_TOK_NAME &&
                   peek_at(p, 1)->type == WF_TOK_EQUAL) {
            const WfToken *eq = peek_at(p, 1);
            p->pos += 2;
            WfAstNode *v = wf_parser_expr_expression(p);
            if (v == NULL) return;
            if (wf_parser_expr_starts_async_for(p)) {
                if (wf_parser_display_for_if_clauses(p) != NULL) {
                    wf_parser_raise_range(p, t->lineno, t->col, eq->end_lineno,
                                          eq->end_col,
                                          "invalid syntax. Maybe you meant "
                                          "'==' or ':=' instead of '='?");
                }
                return;
            }
            if (state == 0) state = 1;
        } else {
            WfAstNode *e = wf_parser_expr_assignment_expression(p);
            if (e == NULL && !p->error) e = wf_parser_expr_expression(p);
            if (e == NULL) return;
            if (at(p, WF_TOK_EQUAL)) {
                // !(NAME '=') a=expression b='='
                const WfToken *eq = peek(p);
                wf_parser_raise_range(p, e->lineno, e->col_offset,
                                      eq->end_lineno, eq->end_col,
                                      "expression cannot contain assignment, "
                                      "perhaps you meant \"==\"?");
                return;
            }
            if (wf_parser_expr_starts_async_for(p)) {
                WfAstSeq *gens = wf_parser_display_for_if_clauses(p);
                if (gens == NULL) return;
                if (count > 0 || at(p, WF_TOK_COMMA)) {
                    const WfAstNode *last = last_comprehension_item(gens);
                    wf_parser_raise_range(p, e->lineno, e->col_offset,
                                          last->end_lineno,
                                          last->end_col_offset,
                                          "Generator expression must be "
                                          "parenthesized");
                }
                return;
            }
            if (state != 0) {
                // _PyPegen_arguments_parsing_error: at the last token read
                (void)item;
                wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                     state == 2
                                         ? "positional argument follows "
                                           "keyword argument unpacking"
                                         : "positional argument follows "
                                           "keyword argument");
                return;
            }
        }
        count++;
        if (!accept(p, WF_TOK_COMMA)) return;
    }
}

// ---- comprehensions ------------------------------------------------------

// for_if_clause: ASYNC? 'for' star_targets 'in' ~ disjunction ('if'
// disjunction)*
WfAstSeq *wf_parser_display_for_if_clauses(WfParser *p) {
    WfNodeVec v = {0};
    int begin = p->pos;
    while (wf_parser_expr_starts_async_for(p)) {
        int start = p->pos;
        int is_async = accept(p, WF_TOK_KW_ASYNC) != NULL;
        p->pos++; // 'for'
        int target_pos = p->pos;
        WfAstNode *target = wf_parser_expr_star_targets(p);
        if (target == NULL || !accept(p, WF_TOK_KW_IN)) {
            if (p->error) return NULL;
            if (p->call_invalid) {
                // invalid_for_target: ASYNC? 'for' a=star_expressions
                p->pos = target_pos;
                WfAstNode *a = wf_parser_expr_star_expressions(p);
                if (p->error) return NULL;
                if (a != NULL) {
                    wf_parser_expr_raise_invalid_target(p, WF_TARGETS_FOR, a);
                    if (p->error) return NULL;
                }
            }
            p->pos = begin;
            return NULL;
        }
        WfAstNode *iter = wf_parser_expr_disjunction(p);
        if (iter == NULL) {
            p->pos = begin;
            return NULL;
        }
        WfNodeVec ifs = {0};
        while (at(p, WF_TOK_KW_IF)) {
            int mark = p->pos;
            p->pos++;
            WfAstNode *c = wf_parser_expr_disjunction(p);
            if (c == NULL) {
                if (p->error) return NULL;
                p->pos = mark;
                break;
            }
            if (!wf_parser_vec_push(p, &ifs, c)) return NULL;
        }
        WfAstNode *comp = wf_parser_node(p, WF_AST_comprehension, start);
        if (comp == NULL) return NULL;
        comp->v.comprehension.target = target;
        comp->v.comprehension.iter = iter;
        comp->v.comprehension.ifs = wf_parser_vec_finish(p, &ifs);
        comp->v.comprehension.is_async = is_async;
        if (comp->v.comprehension.ifs == NULL) return NULL;
        if (!wf_parser_vec_push(p, &v, comp)) return NULL;
    }
    if (v.len == 0) return NULL;
    return wf_parser_vec_finish(p, &v);
}

static bool display_rest(WfParser *p, WfNodeVec *v, WfTokenType close) {
    while (accept(p, WF_TOK_COMMA)) {
        if (at(p, close)) break;
        WfAstNode *e = wf_parser_expr_star_named_expression(p);
        if (e == NULL) return false;
        if (!wf_parser_vec_push(p, v, e)) return false;
    }
    return accept(p, close) != NULL;
}

static WfAstNode *comprehension_node(WfParser *p, WfAstKind kind, int start,
                                     WfAstNode *elt, WfAstSeq *gens) {
    WfAstNode *n = wf_parser_node(p, kind, start);
    if (n == NULL) return NULL;
    if (kind == WF_AST_ListComp) {
        n->v.ListComp.elt = elt;
        n->v.ListComp.generators = gens;
    } else if (kind == WF_AST_SetComp) {
        n->v.SetComp.elt = elt;
        n->v.SetComp.generators = gens;
    } else {
        n->v.GeneratorExp.elt = elt;
        n->v.GeneratorExp.generators = gens;
    }
    return n;
}

// invalid_comprehension, second pass: after ('[' | '(' | '{').
static void invalid_comprehension(WfParser *p, int open) {
    p->pos = open + 1;
    if (at(p, WF_TOK_STAR)) {
        WfAstNode *a = wf_parser_expr_starred_expression(p);
        if (a != NULL && wf_parser_expr_starts_async_for(p) && wf_parser_display_for_if_clauses(p) != NULL) {
            wf_parser_raise_node(p, a, "iterable unpacking cannot be used in "
                                       "comprehension");
            return;
        }
        p->pos = open + 1;
    }
    if (p->error || p->tokens[open].type == WF_TOK_LPAR) return;
    WfAstNode *a = wf_parser_expr_star_named_expression(p);
    if (a == NULL || !at(p, WF_TOK_COMMA)) return;
    const WfToken *comma = accept(p, WF_TOK_COMMA);
    if (wf_parser_expr_starts_async_for(p)) {
        if (wf_parser_display_for_if_clauses(p) != NULL) {
            wf_parser_raise_range(p, a->lineno, a->col_offset,
                                  comma->end_lineno, comma->end_col,
                                  "did you forget parentheses around the "
                                  "comprehension target?");
        }
        return;
    }
    WfAstNode *last = a;
    for (;;) {
        WfAstNode *b = wf_parser_expr_star_named_expression(p);
        if (b == NULL) return;
        last = b;
        if (!accept(p, WF_TOK_COMMA)) break;
        if (wf_parser_expr_starts_async_for(p)) break;
    }
    if (wf_parser_expr_starts_async_for(p) && wf_parser_display_for_if_clauses(p) != NULL) {
        wf_parser_raise_range(p, a->lineno, a->col_offset, last->end_lineno,
                              last->end_col_offset,
                              "did you forget parentheses around the "
                              "comprehension target?");
    }
}

WfAstNode *wf_parser_display_paren(WfParser *p) {
    int start = p->pos;
    p->pos++; // '('
    if (accept(p, WF_TOK_RPAR)) {
        WfAstNode *t = wf_parser_node(p, WF_AST_Tuple, start);
        if (t == NULL) return NULL;
        t->v.Tuple.elts = wf_parser_seq0(p);
        t->v.Tuple.ctx = WF_AST_CTX_Load;
        return t->v.Tuple.elts ? t : NULL;
    }
    if (at(p, WF_TOK_KW_YIELD)) {
        WfAstNode *y = wf_parser_expr_yield_expr(p);
        if (y != NULL && accept(p, WF_TOK_RPAR)) return y;
        if (p->error) return NULL;
        p->pos = start;
        return NULL;
    }
    WfAstNode *e = wf_parser_expr_star_named_expression(p);
    if (e == NULL) {
        if (p->error) return NULL;
        if (p->call_invalid && at(p, WF_TOK_DOUBLESTAR)) {
            // invalid_group: '(' a='**' expression ')'
            const WfToken *ds = peek(p);
            p->pos++;
            if (wf_parser_expr_expression(p) != NULL &&
                at(p, WF_TOK_RPAR)) {
                return wf_parser_raise_token(p, ds, "cannot use double "
                                                    "starred expression here");
            }
        }
        p->pos = start;
        return NULL;
    }
    if (wf_parser_expr_starts_async_for(p) && e->kind != WF_AST_Starred) {
        WfAstNode *g = genexp_tail(p, start, e);
        if (g != NULL || p->error) return g;
        if (p->call_invalid) invalid_comprehension(p, start);
        p->pos = start;
        return NULL;
    }
    if (at(p, WF_TOK_COMMA)) {
        WfNodeVec v = {0};
        if (!wf_parser_vec_push(p, &v, e)) return NULL;
        if (!display_rest(p, &v, WF_TOK_RPAR)) {
            if (p->error) return NULL;
            p->pos = start;
            return NULL;
        }
        WfAstNode *t = wf_parser_node(p, WF_AST_Tuple, start);
        if (t == NULL) return NULL;
        t->v.Tuple.elts = wf_parser_vec_finish(p, &v);
        t->v.Tuple.ctx = WF_AST_CTX_Load;
        return t->v.Tuple.elts ? t : NULL;
    }
    if (at(p, WF_TOK_RPAR) && e->kind != WF_AST_Starred) {
        p->pos++;
        return e;
    }
    if (p->call_invalid) {
        if (e->kind == WF_AST_Starred && at(p, WF_TOK_RPAR)) {
            return wf_parser_raise_node(p, e, "cannot use starred expression "
                                              "here");
        }
        if (e->kind == WF_AST_Starred && wf_parser_expr_starts_async_for(p)) {
            invalid_comprehension(p, start);
            if (p->error) return NULL;
        }
    }
    p->pos = start;
    return NULL;
}

WfAstNode *wf_parser_display_list(WfParser *p) {
    int start = p->pos;
    p->pos++; // '['
    WfNodeVec v = {0};
    if (!at(p, WF_TOK_RSQB)) {
        WfAstNode *e = wf_parser_expr_star_named_expression(p);
        if (e == NULL) {
            p->pos = start;
            return NULL;
        }
        if (wf_parser_expr_starts_async_for(p) && e->kind != WF_AST_Starred) {
            WfAstSeq *gens = wf_parser_display_for_if_clauses(p);
            if (gens != NULL && accept(p, WF_TOK_RSQB)) {
                return comprehension_node(p, WF_AST_ListComp, start, e, gens);
            }
            if (p->error) return NULL;
            if (p->call_invalid) invalid_comprehension(p, start);
            p->pos = start;
            return NULL;
        }
        if (!wf_parser_vec_push(p, &v, e)) return NULL;
        if (!display_rest(p, &v, WF_TOK_RSQB)) {
            if (p->error) return NULL;
            if (p->call_invalid) invalid_comprehension(p, start);
            p->pos = start;
            return NULL;
        }
    } else {
        p->pos++;
    }
    WfAstNode *l = wf_parser_node(p, WF_AST_List, start);
    if (l == NULL) return NULL;
    l->v.List.elts = wf_parser_vec_finish(p, &v);
    l->v.List.ctx = WF_AST_CTX_Load;
    return l->v.List.elts ? l : NULL;
}

// double_starred_kvpair: '**' bitwise_or | kvpair. Pushes key (NULL for
// '**') and value.
static bool kvpair(WfParser *p, WfNodeVec *keys, WfNodeVec *values) {
    if (accept(p, WF_TOK_DOUBLESTAR)) {
        WfAstNode *v = wf_parser_expr_bitwise_or(p);
        if (v == NULL) return false;
        return wf_parser_vec_push(p, keys, NULL) &&
               wf_parser_vec_push(p, values, v);
    }
    WfAstNode *k = wf_parser_expr_expression(p);
    if (k == NULL || !accept(p, WF_TOK_COLON)) return false;
    WfAstNode *v = wf_parser_expr_expression(p);
    if (v == NULL) return false;
    return wf_parser_vec_push(p, keys, k) && wf_parser_vec_push(p, values, v);
}

// invalid_double_starred_kvpairs / invalid_kvpair (second pass), scanning
// the dict display from its first item.
static void invalid_dict(WfParser *p, int open) {
    p->pos = open + 1;
    for (;;) {
        if (accept(p, WF_TOK_DOUBLESTAR)) {
            if (wf_parser_expr_bitwise_or(p) == NULL) return;
        } else {
            WfAstNode *k = wf_parser_expr_expression(p);
            if (k == NULL) return;
            const WfToken *colon = accept(p, WF_TOK_COLON);
            // A first key without ':' is a set display, not invalid_kvpair.
            if (colon == NULL) return;
            if (at(p, WF_TOK_STAR)) {
                const WfToken *star = peek(p);
                p->pos++;
                if (wf_parser_expr_bitwise_or(p) != NULL) {
                    wf_parser_raise_range(
                        p, star->lineno, star->col, p->tokens[p->pos - 1].end_lineno,
                        p->tokens[p->pos - 1].end_col,
                        "cannot use a starred expression in a dictionary value");
                }
                return;
            }
            if (at(p, WF_TOK_RBRACE) || at(p, WF_TOK_COMMA)) {
                wf_parser_raise_token(p, colon, "expression expected after "
                                                "dictionary key and ':'");
                return;
            }
            if (wf_parser_expr_expression(p) == NULL) return;
        }
        if (!accept(p, WF_TOK_COMMA)) return;
        if (at(p, WF_TOK_RBRACE)) return;
        // invalid_kvpair: a=expression !(':') after ','
        int mark = p->pos;
        if (!at(p, WF_TOK_DOUBLESTAR)) {
            WfAstNode *k = wf_parser_expr_expression(p);
            if (p->error) return;
            if (k != NULL && !at(p, WF_TOK_COLON)) {
                p->error = false;
                wf_parser_set_error(p, WF_SYNTAX_ERROR_SYNTAX, k->lineno,
                                    k->end_col_offset, k->end_lineno, 0,
                                    "':' expected after dictionary key");
                return;
            }
            p->pos = mark;
        }
    }
}

static WfAstNode *dict_node(WfParser *p, int start, WfNodeVec *keys,
                            WfNodeVec *values) {
    WfAstNode *d = wf_parser_node(p, WF_AST_Dict, start);
    if (d == NULL) return NULL;
    d->v.Dict.keys = wf_parser_vec_finish(p, keys);
    d->v.Dict.values = wf_parser_vec_finish(p, values);
    return d->v.Dict.keys && d->v.Dict.values ? d : NULL;
}

// '{' ... '}': dict | set | dictcomp | setcomp. The first item is parsed
// once and decides which display this is (re-parsing it would make nested
// displays exponential).
WfAstNode *wf_parser_display_brace(WfParser *p) {
    int start = p->pos;
    p->pos++; // '{'
    WfNodeVec keys = {0}, values = {0};
    if (accept(p, WF_TOK_RBRACE)) return dict_node(p, start, &keys, &values);
    int first = p->pos;
    WfAstNode *e = NULL;
    bool is_dict = false;
    if (at(p, WF_TOK_DOUBLESTAR)) {
        const WfToken *ds = peek(p);
        if (!kvpair(p, &keys, &values)) goto fail;
        if (p->call_invalid && wf_parser_expr_starts_async_for(p)) {
            // invalid_dict_comprehension: '{' a='**' bitwise_or
            // for_if_clauses '}'
            if (wf_parser_display_for_if_clauses(p) != NULL && at(p, WF_TOK_RBRACE)) {
                return wf_parser_raise_token(p, ds, "dict unpacking cannot "
                                                    "be used in dict "
                                                    "comprehension");
            }
            goto fail;
        }
        is_dict = true;
    } else {
        // A bare `NAME := ...` cannot be a dict key (a parenthesized one
        // can).
        bool bare_walrus = at(p, WF_TOK_NAME) &&
                           peek_at(p, 1)->type == WF_TOK_COLONEQUAL;
        e = wf_parser_expr_star_named_expression(p);
        if (e == NULL) goto fail;
        if (at(p, WF_TOK_COLON) && !bare_walrus &&
            e->kind != WF_AST_Starred) {
            p->pos++;
            WfAstNode *v = wf_parser_expr_expression(p);
            if (v == NULL) goto fail;
            if (wf_parser_expr_starts_async_for(p)) {
                WfAstSeq *gens = wf_parser_display_for_if_clauses(p);
                if (gens == NULL || !accept(p, WF_TOK_RBRACE)) goto fail;
                WfAstNode *n = wf_parser_node(p, WF_AST_DictComp, start);
                if (n == NULL) return NULL;
                n->v.DictComp.key = e;
                n->v.DictComp.value = v;
                n->v.DictComp.generators = gens;
                return n;
            }
            if (!wf_parser_vec_push(p, &keys, e) ||
                !wf_parser_vec_push(p, &values, v)) {
                return NULL;
            }
            is_dict = true;
        }
    }
    if (is_dict) {
        while (accept(p, WF_TOK_COMMA)) {
            if (at(p, WF_TOK_RBRACE)) break;
            if (!kvpair(p, &keys, &values)) goto fail;
        }
        if (!accept(p, WF_TOK_RBRACE)) goto fail;
        return dict_node(p, start, &keys, &values);
    }
    // set / setcomp
    if (wf_parser_expr_starts_async_for(p) && e->kind != WF_AST_Starred) {
        WfAstSeq *gens = wf_parser_display_for_if_clauses(p);
        if (gens == NULL || !accept(p, WF_TOK_RBRACE)) goto fail;
        return comprehension_node(p, WF_AST_SetComp, start, e, gens);
    }
    {
        WfNodeVec v = {0};
        if (!wf_parser_vec_push(p, &v, e)) return NULL;
        if (!display_rest(p, &v, WF_TOK_RBRACE)) goto fail;
        WfAstNode *n = wf_parser_node(p, WF_AST_Set, start);
        if (n == NULL) return NULL;
        n->v.Set.elts = wf_parser_vec_finish(p, &v);
        return n->v.Set.elts ? n : NULL;
    }
fail:
    if (p->error) return NULL;
    if (p->call_invalid) {
        invalid_dict(p, start);
        if (!p->error) invalid_comprehension(p, start);
        if (p->error) return NULL;
    }
    (void)first;
    p->pos = start;
    return NULL;
}
