// parser_internal.h — state and helpers shared by the parser_*.c files.
//
// Invariant: a WfParser reads tokens[0..ntokens) (the last one is ENDMARKER
// or ERROR) and never advances past the last one; `fill` is one more than
// the highest token index ever looked at (CPython's p->fill, which places
// generic "invalid syntax" errors). Parse functions return NULL either
// because the input does not match (p->error false: the caller may try
// something else or fail in turn) or because an error was raised (p->error
// true: every caller unwinds at once; the error is final, as in CPython).
// All nodes go to p->arena. No global state.
#ifndef WF_PARSE_PARSER_INTERNAL_H
#define WF_PARSE_PARSER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "parser.h"
#include "tokenizer.h"

// Recursion limit for nested constructs (counts parse-function frames on
// the expression path). CPython 3.11 raises MemoryError at its own limit.
#define WF_PARSER_MAX_DEPTH 4000

typedef struct WfMemo {
    int end_pos;       // token index after the match, -1 when failed
    WfAstNode *node;
} WfMemo;

typedef struct WfParser {
    WfArena *arena;
    const WfToken *tokens;
    int ntokens;
    int pos;
    int fill;
    bool call_invalid; // second pass: CPython's invalid_* rules are active
    bool error;        // an error is recorded in *err
    int depth;
    int mode;          // WF_PARSE_FILE / WF_PARSE_EVAL / WF_PARSE_SINGLE
    WfSyntaxErrorInfo *err;
    const WfTokenList *toklist;
    // Whole (normalized) source of the file, for error line texts.
    const char *root_src;
    size_t root_len;
    // Memo tables (indexed by token) for the rules that alternatives and
    // invalid_* checks re-parse at the same position; reset between passes.
    // NULL disables memoization (out of memory).
    WfMemo *memo_disjunction;
    WfMemo *memo_bitwise_or;
    bool in_fstring; // parsing a replacement field of an f-string
    // For f-string fields (CPython's fstring_input parser): errors are
    // prefixed "f-string: ", columns are relative to the "(expr)" buffer
    // `fstring_src` whose first line is `fstring_lineno`.
    int fstring_shift;
    int fstring_lineno;
    const char *fstring_src;
    size_t fstring_len;
} WfParser;

// Internal parse mode of f-string replacement fields.
#define WF_PARSE_FSTRING_FIELD 100

// ---- token helpers (static inline: file-local in each includer) ---------

const WfToken *wf_parser_fetch(WfParser *p, int index);

static inline const WfToken *peek(WfParser *p) {
    return wf_parser_fetch(p, p->pos);
}

static inline const WfToken *peek_at(WfParser *p, int ahead) {
    int i = p->pos + ahead;
    if (i >= p->ntokens) i = p->ntokens - 1;
    // Never look past an ERROR/ENDMARKER token.
    for (int k = p->pos; k < i; k++) {
        WfTokenType t = p->tokens[k].type;
        if (t == WF_TOK_ERROR || t == WF_TOK_ENDMARKER) return wf_parser_fetch(p, k);
    }
    return wf_parser_fetch(p, i);
}

static inline bool at(WfParser *p, WfTokenType type) {
    return peek(p)->type == type;
}

static inline const WfToken *accept(WfParser *p, WfTokenType type) {
    const WfToken *t = peek(p);
    if (t->type != type) return NULL;
    p->pos++;
    return t;
}

// Soft keyword test: NAME token spelled `word`.
bool wf_parser_at_name(WfParser *p, const char *word);
bool wf_parser_token_is_name(const WfToken *t, const char *word);

// ---- nodes -------------------------------------------------------------

// New node spanning tokens[start] .. tokens[p->pos - 1].
WfAstNode *wf_parser_node(WfParser *p, WfAstKind kind, int start);
// New node spanning two existing nodes.
WfAstNode *wf_parser_node_span(WfParser *p, WfAstKind kind,
                               const WfAstNode *first, const WfAstNode *last);
// Identifier from a NAME token (arena copy, NFKC-normalized if non-ASCII).
const char *wf_parser_identifier(WfParser *p, const WfToken *t);
WfAstNode *wf_parser_name_node(WfParser *p, const WfToken *t,
                               WfAstExprContext ctx);

typedef struct WfNodeVec {
    WfAstNode **items;
    int len;
    int cap;
} WfNodeVec;

bool wf_parser_vec_push(WfParser *p, WfNodeVec *v, WfAstNode *n);
WfAstSeq *wf_parser_vec_finish(WfParser *p, WfNodeVec *v);
WfAstSeq *wf_parser_seq1(WfParser *p, WfAstNode *n);
WfAstSeq *wf_parser_seq0(WfParser *p);

// ---- errors ------------------------------------------------------------

void *wf_parser_nomem(WfParser *p);
// RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched.
void *wf_parser_raise(WfParser *p, WfSyntaxErrorKind kind, const char *fmt,
                      ...);
// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(node).
void *wf_parser_raise_node(WfParser *p, const WfAstNode *n, const char *fmt,
                           ...);
// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b) with nodes or tokens.
void *wf_parser_raise_range(WfParser *p, int lineno, int col, int end_lineno,
                            int end_col, const char *fmt, ...);
void *wf_parser_raise_token(WfParser *p, const WfToken *t, const char *fmt,
                            ...);
// RAISE_SYNTAX_ERROR_STARTING_FROM(node).
void *wf_parser_raise_from(WfParser *p, const WfAstNode *n, const char *fmt,
                           ...);
// Byte-column positions -> error info (kind, 1-based char offsets).
void wf_parser_set_error(WfParser *p, WfSyntaxErrorKind kind, int lineno,
                         int col_offset_1based_bytes, int end_lineno,
                         int end_col_1based_bytes, const char *msg);
bool wf_parser_enter(WfParser *p);
static inline void leave(WfParser *p) { p->depth--; }

// CPython's _PyPegen_get_expr_name.
const char *wf_parser_expr_name(const WfAstNode *e);

// ---- grammar entry points across files -----------------------------------

// parser_expr.c
WfAstNode *wf_parser_expr_expression(WfParser *p);
WfAstNode *wf_parser_expr_expression_without_invalid(WfParser *p);
WfAstNode *wf_parser_expr_named_expression(WfParser *p);
WfAstNode *wf_parser_expr_star_expressions(WfParser *p);
WfAstNode *wf_parser_expr_star_expression(WfParser *p);
WfAstNode *wf_parser_expr_star_named_expression(WfParser *p);
WfAstNode *wf_parser_expr_expressions(WfParser *p);
WfAstNode *wf_parser_expr_yield_expr(WfParser *p);
WfAstNode *wf_parser_expr_disjunction(WfParser *p);
WfAstNode *wf_parser_expr_bitwise_or(WfParser *p);
WfAstNode *wf_parser_expr_primary(WfParser *p);
WfAstNode *wf_parser_expr_atom(WfParser *p);
WfAstNode *wf_parser_expr_star_targets(WfParser *p);
WfAstNode *wf_parser_expr_star_target(WfParser *p);
bool wf_parser_expr_starts_async_for(WfParser *p);
// starred_expression: '*' expression
WfAstNode *wf_parser_expr_starred_expression(WfParser *p);
// assignment_expression: NAME ':=' ~ expression
WfAstNode *wf_parser_expr_assignment_expression(WfParser *p);
// Parameters of def (lambda == false) or lambda; stops before ')' / ':'.
WfAstNode *wf_parser_expr_params(WfParser *p, bool lambda);
WfAstNode *wf_parser_expr_empty_arguments(WfParser *p);
// Sets ctx on a target expression tree; returns the first invalid sub
// expression (CPython's _PyPegen_get_invalid_target) or NULL when valid.
typedef enum WfTargetsType {
    WF_TARGETS_STAR,
    WF_TARGETS_DEL,
    WF_TARGETS_FOR,
} WfTargetsType;
const WfAstNode *wf_parser_expr_invalid_target(const WfAstNode *e,
                                               WfTargetsType type);
void wf_parser_expr_set_context(WfAstNode *e, WfAstExprContext ctx);
void *wf_parser_expr_raise_invalid_target(WfParser *p, WfTargetsType type,
                                          const WfAstNode *e);

// parser_display.c
// '(' [arguments] ')' after `func` (a Call spanning from token `start`), or
// a generator expression argument.
WfAstNode *wf_parser_display_arguments_call(WfParser *p, WfAstNode *func,
                                            int start);
WfAstSeq *wf_parser_display_for_if_clauses(WfParser *p);
WfAstNode *wf_parser_display_paren(WfParser *p);
WfAstNode *wf_parser_display_list(WfParser *p);
WfAstNode *wf_parser_display_brace(WfParser *p);

// parser_stmt.c
WfAstSeq *wf_parser_stmt_statements(WfParser *p);
WfAstSeq *wf_parser_stmt_file(WfParser *p);
WfAstSeq *wf_parser_stmt_interactive(WfParser *p);
// block: NEWLINE INDENT statements DEDENT | simple_stmts; `what` names the
// statement in "expected an indented block after ..." errors.
WfAstSeq *wf_parser_stmt_block(WfParser *p, const char *what, int lineno);

// parser_match.c
WfAstNode *wf_parser_match_stmt(WfParser *p);

// parser_string.c: STRING+ starting at the current token.
WfAstNode *wf_parser_string_concat(WfParser *p);
// Parses `len` bytes of f-string replacement-field source as CPython's
// fstring rule (star_expressions), with tokens positioned at
// (lineno, col_shift) for the first line.
WfAstNode *wf_parser_fstring_expr(WfParser *p, const char *src, size_t len,
                                  int lineno, int col_shift);

#endif
