// parser.c — parser entry point, the two-pass driver, errors and helpers.
//
// Invariant: wf_parser_parse owns a normalized copy of the source and the
// token list for the duration of one call and frees both before returning;
// everything that outlives the call (tree, identifiers, error text) is in
// the caller's arena. The driver mirrors CPython's _PyPegen_run_parser: a
// first pass without invalid_* rules, then on failure a second pass with
// them, then the generic error at the furthest token of the first pass.
#include "parser.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <iconv.h>
#include <utf8proc.h>

#include "parser_internal.h"

// ---- tokens ------------------------------------------------------------

static void raise_tokenizer_error(WfParser *p);

const WfToken *wf_parser_fetch(WfParser *p, int index) {
    if (index >= p->ntokens) index = p->ntokens - 1;
    if (index >= p->fill) p->fill = index + 1;
    const WfToken *t = &p->tokens[index];
    if (t->type == WF_TOK_ERROR && !p->error) raise_tokenizer_error(p);
    return t;
}

bool wf_parser_token_is_name(const WfToken *t, const char *word) {
    size_t n = strlen(word);
    return t->type == WF_TOK_NAME && (size_t)t->len == n &&
           memcmp(t->start, word, n) == 0;
}

bool wf_parser_at_name(WfParser *p, const char *word) {
    return wf_parser_token_is_name(peek(p), word);
}

// ---- nodes -------------------------------------------------------------

// CPython's _PyPegen_get_last_nonnwhitespace_token: nodes end at the last
// consumed token that is not NEWLINE, INDENT, DEDENT or ENDMARKER.
static const WfToken *last_nonwhitespace(const WfParser *p, int start) {
    int m = p->pos > start ? p->pos - 1 : start;
    for (; m > start; m--) {
        WfTokenType t = p->tokens[m].type;
        if (t != WF_TOK_NEWLINE && t != WF_TOK_INDENT && t != WF_TOK_DEDENT &&
            t != WF_TOK_ENDMARKER) {
            break;
        }
    }
    return &p->tokens[m];
}

WfAstNode *wf_parser_node(WfParser *p, WfAstKind kind, int start) {
    const WfToken *a = &p->tokens[start];
    const WfToken *b = last_nonwhitespace(p, start);
    WfAstNode *n = wf_ast_node_new(p->arena, kind, a->lineno, a->col,
                                   b->end_lineno, b->end_col);
    if (n == NULL) return wf_parser_nomem(p);
    return n;
}

WfAstNode *wf_parser_node_span(WfParser *p, WfAstKind kind,
                               const WfAstNode *first, const WfAstNode *last) {
    WfAstNode *n =
        wf_ast_node_new(p->arena, kind, first->lineno, first->col_offset,
                        last->end_lineno, last->end_col_offset);
    if (n == NULL) return wf_parser_nomem(p);
    return n;
}

const char *wf_parser_identifier(WfParser *p, const WfToken *t) {
    bool ascii = true;
    for (int i = 0; i < t->len; i++) {
        if ((unsigned char)t->start[i] >= 128) ascii = false;
    }
    if (ascii) {
        char *s = wf_arena_strndup(p->arena, t->start, (size_t)t->len);
        if (s == NULL) return wf_parser_nomem(p);
        return s;
    }
    // CPython normalizes non-ASCII identifiers with NFKC.
    char *tmp = malloc((size_t)t->len + 1);
    if (tmp == NULL) return wf_parser_nomem(p);
    memcpy(tmp, t->start, (size_t)t->len);
    tmp[t->len] = 0;
    utf8proc_uint8_t *norm = utf8proc_NFKC((const utf8proc_uint8_t *)tmp);
    free(tmp);
    if (norm == NULL) return wf_parser_nomem(p);
    char *s = wf_arena_strndup(p->arena, (const char *)norm,
                               strlen((const char *)norm));
    free(norm);
    if (s == NULL) return wf_parser_nomem(p);
    return s;
}

WfAstNode *wf_parser_name_node(WfParser *p, const WfToken *t,
                               WfAstExprContext ctx) {
    const char *id = wf_parser_identifier(p, t);
    if (id == NULL) return NULL;
    WfAstNode *n = wf_ast_node_new(p->arena, WF_AST_Name, t->lineno, t->col,
                                   t->end_lineno, t->end_col);
    if (n == NULL) return wf_parser_nomem(p);
    n->v.Name.id = id;
    n->v.Name.ctx = ctx;
    return n;
}

bool wf_parser_vec_push(WfParser *p, WfNodeVec *v, WfAstNode *n) {
    if (v->len == v->cap) {
        int ncap = v->cap ? v->cap * 2 : 4;
        WfAstNode **items =
            wf_arena_alloc(p->arena, (size_t)ncap * sizeof(WfAstNode *));
        if (items == NULL) {
            wf_parser_nomem(p);
            return false;
        }
        if (v->len) memcpy(items, v->items, (size_t)v->len * sizeof *items);
        v->items = items;
        v->cap = ncap;
    }
    v->items[v->len++] = n;
    return true;
}

WfAstSeq *wf_parser_vec_finish(WfParser *p, WfNodeVec *v) {
    WfAstSeq *s = wf_ast_seq_new(p->arena, v->len);
    if (s == NULL) return wf_parser_nomem(p);
    if (v->len) memcpy(s->items, v->items, (size_t)v->len * sizeof(WfAstNode *));
    return s;
}

WfAstSeq *wf_parser_seq1(WfParser *p, WfAstNode *n) {
    WfAstSeq *s = wf_ast_seq_new(p->arena, 1);
    if (s == NULL) return wf_parser_nomem(p);
    s->items[0] = n;
    return s;
}

WfAstSeq *wf_parser_seq0(WfParser *p) {
    WfAstSeq *s = wf_ast_seq_new(p->arena, 0);
    if (s == NULL) return wf_parser_nomem(p);
    return s;
}

bool wf_parser_enter(WfParser *p) {
    if (++p->depth > WF_PARSER_MAX_DEPTH) {
        if (!p->error) {
            p->error = true;
            p->err->kind = WF_SYNTAX_ERROR_MEMORY;
            snprintf(p->err->msg, sizeof p->err->msg, "%s",
                     "Parser stack overflowed - Python source too complex "
                     "to parse");
            p->err->lineno = p->err->offset = 0;
            p->err->end_lineno = p->err->end_offset = 0;
            p->err->text = NULL;
        }
        p->depth--;
        return false;
    }
    return true;
}

const char *wf_parser_expr_name(const WfAstNode *e) {
    switch (e->kind) {
    case WF_AST_Attribute: return "attribute";
    case WF_AST_Subscript: return "subscript";
    case WF_AST_Starred: return "starred";
    case WF_AST_Name: return "name";
    case WF_AST_List: return "list";
    case WF_AST_Tuple: return "tuple";
    case WF_AST_Lambda: return "lambda";
    case WF_AST_Call: return "function call";
    case WF_AST_BoolOp:
    case WF_AST_BinOp:
    case WF_AST_UnaryOp: return "expression";
    case WF_AST_GeneratorExp: return "generator expression";
    case WF_AST_Yield:
    case WF_AST_YieldFrom: return "yield expression";
    case WF_AST_Await: return "await expression";
    case WF_AST_ListComp: return "list comprehension";
    case WF_AST_SetComp: return "set comprehension";
    case WF_AST_DictComp: return "dict comprehension";
    case WF_AST_Dict: return "dict literal";
    case WF_AST_Set: return "set display";
    case WF_AST_JoinedStr:
    case WF_AST_FormattedValue: return "f-string expression";
    case WF_AST_Constant:
        switch (e->v.Constant.value.kind) {
        case WF_CONST_NONE: return "None";
        case WF_CONST_FALSE: return "False";
        case WF_CONST_TRUE: return "True";
        case WF_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case WF_AST_Compare: return "comparison";
    case WF_AST_IfExp: return "conditional expression";
    case WF_AST_NamedExpr: return "named expression";
    default: return "unknown";
    }
}

// ---- errors ------------------------------------------------------------

void *wf_parser_nomem(WfParser *p) {
    if (!p->error || p->err->kind != WF_SYNTAX_ERROR_MEMORY) {
        p->error = true;
        memset(p->err, 0, sizeof *p->err);
        p->err->kind = WF_SYNTAX_ERROR_MEMORY;
        snprintf(p->err->msg, sizeof p->err->msg, "%s", "out of memory");
    }
    return NULL;
}

// Start and length of line `lineno` (1-based) in the root source.
static const char *find_line(const WfParser *p, int lineno, size_t *len) {
    const char *s = p->root_src;
    const char *end = s + p->root_len;
    int l = 1;
    while (l < lineno && s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (nl == NULL) {
            s = end;
            break;
        }
        s = nl + 1;
        l++;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    *len = nl ? (size_t)(nl - s + 1) : (size_t)(end - s);
    return s;
}

// CPython's _PyPegen_byte_offset_to_character_offset on a 1-based column.
static int byte_to_char_offset(const char *line, size_t len, int col1) {
    if (col1 < 0) return col1;
    size_t c = (size_t)col1;
    int extra = 0;
    if (c > len) {
        c = len;
        extra = 1;
    }
    return wf_tokenizer_char_count(line, (int)c) + extra;
}

static void fill_error(WfParser *p, WfSyntaxErrorKind kind, int lineno,
                       int col1, int end_lineno, int end_col1,
                       const char *msg, bool text_has_newline) {
    p->error = true;
    WfSyntaxErrorInfo *e = p->err;
    e->kind = kind;
    snprintf(e->msg, sizeof e->msg, "%s%s", p->in_fstring ? "f-string: " : "",
             msg);
    e->lineno = lineno;
    e->end_lineno = end_lineno;
    size_t len = 0;
    const char *line;
    if (p->in_fstring) {
        // CPython reports columns within the parenthesized field source.
        col1 -= p->fstring_shift;
        if (end_col1 > 0) end_col1 -= p->fstring_shift;
        line = p->fstring_src;
        const char *nl = memchr(line, '\n', p->fstring_len);
        len = nl ? (size_t)(nl - line + 1) : p->fstring_len;
        e->offset = byte_to_char_offset(line, len, col1);
        e->end_offset = end_col1 > 0 ? byte_to_char_offset(line, len, end_col1)
                                     : end_col1;
        e->text = wf_arena_strndup(p->arena, line, len);
        return;
    }
    line = find_line(p, lineno, &len);
    e->offset = byte_to_char_offset(line, len, col1);
    if (end_col1 > 0) {
        size_t elen = 0;
        const char *eline = find_line(p, end_lineno, &elen);
        e->end_offset = byte_to_char_offset(eline, elen, end_col1);
    } else {
        e->end_offset = end_col1;
    }
    size_t tlen = len;
    if (!text_has_newline && tlen > 0 && line[tlen - 1] == '\n') tlen--;
    e->text = wf_arena_strndup(p->arena, line, tlen);
}

void wf_parser_set_error(WfParser *p, WfSyntaxErrorKind kind, int lineno,
                         int col1, int end_lineno, int end_col1,
                         const char *msg) {
    if (p->error) return;
    fill_error(p, kind, lineno, col1, end_lineno, end_col1, msg, true);
}

static void vraise_at(WfParser *p, WfSyntaxErrorKind kind, int lineno,
                      int col1, int end_lineno, int end_col1, const char *fmt,
                      va_list ap) {
    if (p->error) return;
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    fill_error(p, kind, lineno, col1, end_lineno, end_col1, msg, true);
}

void *wf_parser_raise(WfParser *p, WfSyntaxErrorKind kind, const char *fmt,
                      ...) {
    const WfToken *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    int col1 = t->nocol ? t->col : t->col + 1;
    int end1 = t->nocol ? -1 : t->end_col + 1;
    va_list ap;
    va_start(ap, fmt);
    vraise_at(p, kind, t->lineno, col1, t->end_lineno, end1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *wf_parser_raise_node(WfParser *p, const WfAstNode *n, const char *fmt,
                           ...) {
    va_list ap;
    va_start(ap, fmt);
    vraise_at(p, WF_SYNTAX_ERROR_SYNTAX, n->lineno, n->col_offset + 1,
              n->end_lineno, n->end_col_offset + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *wf_parser_raise_range(WfParser *p, int lineno, int col, int end_lineno,
                            int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vraise_at(p, WF_SYNTAX_ERROR_SYNTAX, lineno, col + 1, end_lineno,
              end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *wf_parser_raise_token(WfParser *p, const WfToken *t, const char *fmt,
                            ...) {
    va_list ap;
    va_start(ap, fmt);
    vraise_at(p, WF_SYNTAX_ERROR_SYNTAX, t->lineno, t->col + 1, t->end_lineno,
              t->end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

void *wf_parser_raise_from(WfParser *p, const WfAstNode *n, const char *fmt,
                           ...) {
    // CPython: end is CURRENT_POS, i.e. unknown (-5 + 1 → reported oddly);
    // we report the end of the last token fetched.
    const WfToken *t = &p->tokens[p->fill > 0 ? p->fill - 1 : 0];
    va_list ap;
    va_start(ap, fmt);
    vraise_at(p, WF_SYNTAX_ERROR_SYNTAX, n->lineno, n->col_offset + 1,
              t->end_lineno, t->end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

static void raise_tokenizer_error(WfParser *p) {
    const WfTokenList *l = p->toklist;
    const WfSyntaxErrorInfo *te = &l->error;
    if (l->error_mode == WF_TOKERR_EOF_PAREN) {
        char msg[64];
        snprintf(msg, sizeof msg, "'%c' was never closed", l->paren_char);
        fill_error(p, WF_SYNTAX_ERROR_SYNTAX, l->paren_lineno,
                   l->paren_col + 1, l->paren_lineno, 0, msg, true);
        return;
    }
    // Tokenizer positions are already CPython offsets (characters).
    p->error = true;
    WfSyntaxErrorInfo *e = p->err;
    *e = *te;
    size_t len = 0;
    const char *line = find_line(p, te->lineno, &len);
    bool keep_newline = l->error_mode == WF_TOKERR_LAZY;
    if (!keep_newline && len > 0 && line[len - 1] == '\n') len--;
    e->text = wf_arena_strndup(p->arena, line, len);
}

const char *wf_parser_error_kind_name(WfSyntaxErrorKind kind) {
    switch (kind) {
    case WF_SYNTAX_ERROR_NONE: return "None";
    case WF_SYNTAX_ERROR_SYNTAX: return "SyntaxError";
    case WF_SYNTAX_ERROR_INDENTATION: return "IndentationError";
    case WF_SYNTAX_ERROR_TAB: return "TabError";
    case WF_SYNTAX_ERROR_MEMORY: return "MemoryError";
    case WF_SYNTAX_ERROR_VALUE: return "ValueError";
    }
    return "SyntaxError";
}

// ---- the driver --------------------------------------------------------

static WfAstNode *parse_mod(WfParser *p) {
    if (p->mode == WF_PARSE_FSTRING_FIELD) {
        // fstring: star_expressions (nothing may follow but the end)
        return wf_parser_expr_star_expressions(p);
    }
    if (p->mode == WF_PARSE_EVAL) {
        int start = p->pos;
        (void)start;
        WfAstNode *e = wf_parser_expr_expressions(p);
        if (e == NULL) return NULL;
        while (accept(p, WF_TOK_NEWLINE)) {
        }
        if (!accept(p, WF_TOK_ENDMARKER)) return NULL;
        WfAstNode *m = wf_ast_node_new(p->arena, WF_AST_Expression, 0, 0, 0, 0);
        if (m == NULL) return wf_parser_nomem(p);
        m->v.Expression.body = e;
        return m;
    }
    if (p->mode == WF_PARSE_SINGLE) {
        WfAstSeq *body = wf_parser_stmt_interactive(p);
        if (body == NULL) return NULL;
        WfAstNode *m =
            wf_ast_node_new(p->arena, WF_AST_Interactive, 0, 0, 0, 0);
        if (m == NULL) return wf_parser_nomem(p);
        m->v.Interactive.body = body;
        return m;
    }
    WfAstSeq *body = wf_parser_stmt_file(p);
    if (body == NULL) return NULL;
    WfAstNode *m = wf_ast_node_new(p->arena, WF_AST_Module, 0, 0, 0, 0);
    if (m == NULL) return wf_parser_nomem(p);
    m->v.Module.body = body;
    m->v.Module.type_ignores = wf_parser_seq0(p);
    if (m->v.Module.type_ignores == NULL) return NULL;
    return m;
}

// CPython's _PyPegen_tokenize_full_source_to_check_for_errors: after the
// parser raised a SyntaxError (or the generic one) while the tokenizer was
// still fine, the rest of the source is tokenized: a tokenizer error that
// raises replaces the error; EOF inside brackets opened on a line before the
// last token fetched replaces it with "'(' was never closed".
static void full_source_check(WfParser *p) {
    const WfTokenList *l = p->toklist;
    if (!l->has_error) return;
    if (p->tokens[p->fill - 1].type == WF_TOK_ERROR) return; // tokenizer failed
    if (p->err->kind != WF_SYNTAX_ERROR_SYNTAX &&
        p->err->kind != WF_SYNTAX_ERROR_INDENTATION &&
        p->err->kind != WF_SYNTAX_ERROR_TAB) {
        return;
    }
    if (l->error_mode == WF_TOKERR_RAISE) {
        p->error = false;
        raise_tokenizer_error(p);
        return;
    }
    if (l->error_mode == WF_TOKERR_EOF_PAREN &&
        p->tokens[p->fill - 1].lineno > l->paren_lineno) {
        p->error = false;
        raise_tokenizer_error(p);
    }
}

// The error when the second pass found nothing specific: the furthest
// token of the first pass decides (CPython's _PyPegen_set_syntax_error).
static void generic_error(WfParser *p, int last) {
    const WfToken *t = &p->tokens[last];
    if (t->type == WF_TOK_ERROR) {
        raise_tokenizer_error(p);
        return;
    }
    if (t->type == WF_TOK_INDENT) {
        fill_error(p, WF_SYNTAX_ERROR_INDENTATION, t->lineno, t->col,
                   t->lineno, -1, "unexpected indent", true);
        return;
    }
    if (t->type == WF_TOK_DEDENT) {
        fill_error(p, WF_SYNTAX_ERROR_INDENTATION, t->lineno, t->col,
                   t->lineno, -1, "unexpected unindent", true);
        return;
    }
    int col1 = t->nocol ? t->col : t->col + 1;
    int end1 = t->nocol ? -1 : t->end_col + 1;
    fill_error(p, WF_SYNTAX_ERROR_SYNTAX, t->lineno, col1, t->end_lineno, end1,
               "invalid syntax", true);
    full_source_check(p);
}

static void memo_reset(WfParser *p) {
    for (int i = 0; i < p->ntokens; i++) {
        p->memo_disjunction[i].end_pos = -2; // unknown
        p->memo_bitwise_or[i].end_pos = -2;
    }
}

// Runs the parser over a token list. Shared by files and f-string fields.
static WfAstNode *run_passes(WfParser *p) {
    size_t memo_size = (size_t)p->ntokens * sizeof(WfMemo);
    p->memo_disjunction = malloc(memo_size);
    p->memo_bitwise_or = malloc(memo_size);
    if (p->memo_disjunction == NULL || p->memo_bitwise_or == NULL) {
        free(p->memo_disjunction);
        free(p->memo_bitwise_or);
        p->memo_disjunction = p->memo_bitwise_or = NULL;
    } else {
        memo_reset(p);
    }
    WfAstNode *res = parse_mod(p);
    if (p->error) res = NULL; // e.g. out of memory in a helper
    if (res == NULL && !p->error) {
        // Second pass with the invalid_* rules.
        int last = p->fill - 1;
        p->pos = 0;
        p->call_invalid = true;
        p->depth = 0;
        if (p->memo_disjunction != NULL) memo_reset(p);
        res = parse_mod(p);
        if (res != NULL && !p->error) res = NULL; // cannot happen
        if (!p->error) {
            generic_error(p, last);
        } else {
            full_source_check(p);
        }
    } else if (res == NULL) {
        full_source_check(p);
    }
    free(p->memo_disjunction);
    free(p->memo_bitwise_or);
    p->memo_disjunction = p->memo_bitwise_or = NULL;
    return res;
}


// Copies src normalizing newlines and appending a final '\n'.
static char *normalize(const char *src, size_t len, size_t *out_len) {
    if (len >= 3 && (unsigned char)src[0] == 0xEF &&
        (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF) {
        src += 3;
        len -= 3;
    }
    char *buf = malloc(len + 2);
    if (buf == NULL) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < len; i++) {
        char c = src[i];
        if (c == '\r') {
            buf[j++] = '\n';
            if (i + 1 < len && src[i + 1] == '\n') i++;
        } else {
            buf[j++] = c;
        }
    }
    if (j == 0 || buf[j - 1] != '\n') buf[j++] = '\n';
    buf[j] = 0;
    *out_len = j;
    return buf;
}

// Reports invalid UTF-8 the way CPython's decoder does (roughly).
static bool check_utf8(const char *s, size_t len, WfSyntaxErrorInfo *err) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        int cp;
        int n = wf_tokenizer_decode_utf8(s + i, len - i, &cp);
        if (n < 0) {
            err->kind = WF_SYNTAX_ERROR_SYNTAX;
            snprintf(err->msg, sizeof err->msg,
                     "(unicode error) 'utf-8' codec can't decode byte 0x%02x "
                     "in position %zu: invalid %s byte",
                     c, i, (c & 0xC0) == 0x80 || c >= 0xF8 ? "start"
                                                           : "continuation");
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

// CPython's get_coding_spec on one line: the encoding name of a
// "# ... coding[:=] NAME" comment, or NULL. *is_code tells whether the line
// holds anything but a comment (then line 2 is not examined).
static bool coding_spec(const char *s, size_t n, char *name, size_t cap,
                        bool *is_code) {
    *is_code = false;
    size_t i = 0;
    for (; i < n; i++) {
        if (s[i] == '#') break;
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\014') {
            *is_code = s[i] != '\n' && s[i] != '\r';
            return false;
        }
    }
    if (i == n) return false;
    for (; i + 6 < n; i++) {
        if (memcmp(s + i, "coding", 6) != 0) continue;
        const char *t = s + i + 6;
        if (*t != ':' && *t != '=') continue;
        do {
            t++;
        } while (*t == ' ' || *t == '\t');
        const char *begin = t;
        while ((*t >= 'a' && *t <= 'z') || (*t >= 'A' && *t <= 'Z') ||
               (*t >= '0' && *t <= '9') || *t == '-' || *t == '_' || *t == '.') {
            t++;
        }
        if (t > begin) {
            size_t l = (size_t)(t - begin);
            if (l >= cap) l = cap - 1;
            memcpy(name, begin, l);
            name[l] = 0;
            return true;
        }
    }
    return false;
}

// CPython's get_normal_name: "utf-8" and "iso-8859-1" spellings.
static const char *normal_name(const char *s) {
    char buf[16];
    size_t i = 0;
    for (; i < 12 && s[i]; i++) {
        char c = s[i];
        buf[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[i] = 0;
    if (strcmp(buf, "utf-8") == 0 || strncmp(buf, "utf-8-", 6) == 0) {
        return "utf-8";
    }
    if (strcmp(buf, "latin-1") == 0 || strcmp(buf, "iso-8859-1") == 0 ||
        strcmp(buf, "iso-latin-1") == 0 || strncmp(buf, "latin-1-", 8) == 0 ||
        strncmp(buf, "iso-8859-1-", 11) == 0 ||
        strncmp(buf, "iso-latin-1-", 12) == 0) {
        return "iso-8859-1";
    }
    return s;
}

// Applies a PEP 263 coding cookie: returns a malloc'd UTF-8 copy in *out
// (NULL when the source is already UTF-8), or false with *err filled.
static bool apply_coding(const char *src, size_t len, char **out,
                         size_t *out_len, WfSyntaxErrorInfo *err) {
    *out = NULL;
    bool bom = len >= 3 && (unsigned char)src[0] == 0xEF &&
               (unsigned char)src[1] == 0xBB && (unsigned char)src[2] == 0xBF;
    const char *s = bom ? src + 3 : src;
    const char *end = src + len;
    char name[64];
    bool found = false, is_code = false;
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    size_t l1 = nl ? (size_t)(nl - s + 1) : (size_t)(end - s);
    found = coding_spec(s, l1, name, sizeof name, &is_code);
    if (!found && !is_code && nl != NULL) {
        const char *s2 = nl + 1;
        const char *nl2 = memchr(s2, '\n', (size_t)(end - s2));
        size_t l2 = nl2 ? (size_t)(nl2 - s2 + 1) : (size_t)(end - s2);
        found = coding_spec(s2, l2, name, sizeof name, &is_code);
    }
    if (!found) return true;
    const char *enc = normal_name(name);
    if (strcmp(enc, "utf-8") == 0) return true;
    if (bom) {
        err->kind = WF_SYNTAX_ERROR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "encoding problem: %s with BOM",
                 enc);
        err->offset = -1;
        return false;
    }
    iconv_t cd = iconv_open("UTF-8", enc);
    if (cd == (iconv_t)-1) {
        err->kind = WF_SYNTAX_ERROR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "unknown encoding: %s", name);
        err->offset = -1;
        return false;
    }
    size_t cap = len * 4 + 16;
    char *buf = malloc(cap);
    if (buf == NULL) {
        iconv_close(cd);
        err->kind = WF_SYNTAX_ERROR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "%s", "out of memory");
        return false;
    }
    char *in = (char *)src;
    size_t inleft = len;
    char *o = buf;
    size_t outleft = cap;
    size_t r = iconv(cd, &in, &inleft, &o, &outleft);
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(buf);
        err->kind = WF_SYNTAX_ERROR_SYNTAX;
        snprintf(err->msg, sizeof err->msg,
                 "(unicode error) '%s' codec can't decode byte 0x%02x in "
                 "position %zu",
                 enc, (unsigned char)*in, (size_t)(in - src));
        return false;
    }
    *out = buf;
    *out_len = cap - outleft;
    return true;
}

static WfAstNode *parse_utf8(WfArena *arena, const char *src, size_t len,
                             WfParseMode mode, WfSyntaxErrorInfo *err);

WfAstNode *wf_parser_parse(WfArena *arena, const char *src, size_t len,
                           const char *filename, WfParseMode mode,
                           WfSyntaxErrorInfo *err) {
    (void)filename;
    memset(err, 0, sizeof *err);
    if (src == NULL || len == 0) {
        src = "";
        len = 0;
    }
    char *decoded = NULL;
    size_t decoded_len = 0;
    if (memchr(src, 0, len) == NULL &&
        !apply_coding(src, len, &decoded, &decoded_len, err)) {
        return NULL;
    }
    if (decoded != NULL) {
        WfAstNode *res = parse_utf8(arena, decoded, decoded_len, mode, err);
        free(decoded);
        return res;
    }
    return parse_utf8(arena, src, len, mode, err);
}

static WfAstNode *parse_utf8(WfArena *arena, const char *src, size_t len,
                             WfParseMode mode, WfSyntaxErrorInfo *err) {
    if (memchr(src, 0, len) != NULL) {
        // CPython 3.11.2's compile() raises ValueError.
        err->kind = WF_SYNTAX_ERROR_VALUE;
        snprintf(err->msg, sizeof err->msg, "%s",
                 "source code string cannot contain null bytes");
        return NULL;
    }
    if (!check_utf8(src, len, err)) return NULL;
    size_t nlen = 0;
    char *buf = normalize(src, len, &nlen);
    if (buf == NULL) {
        err->kind = WF_SYNTAX_ERROR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "%s", "out of memory");
        return NULL;
    }
    WfTokenList toks;
    if (wf_tokenizer_run(buf, nlen, 1, 0, &toks) < 0) {
        wf_tokenizer_list_free(&toks);
        free(buf);
        err->kind = WF_SYNTAX_ERROR_MEMORY;
        snprintf(err->msg, sizeof err->msg, "%s", "out of memory");
        return NULL;
    }
    WfParser parser;
    memset(&parser, 0, sizeof parser);
    WfParser *p = &parser;
    p->arena = arena;
    p->tokens = toks.tokens;
    p->ntokens = toks.count;
    p->mode = mode;
    p->err = err;
    p->toklist = &toks;
    p->root_src = buf;
    p->root_len = nlen;
    WfAstNode *res = run_passes(p);
    wf_tokenizer_list_free(&toks);
    free(buf);
    if (res == NULL && err->kind == WF_SYNTAX_ERROR_NONE) {
        wf_parser_nomem(p);
    }
    return res;
}

// ---- f-string replacement fields ------------------------------------------

WfAstNode *wf_parser_fstring_expr(WfParser *p, const char *src, size_t len,
                                  int lineno, int col_shift) {
    // CPython 3.11 wraps the field in parentheses and parses it with the
    // fstring rule; positions on the first line are shifted.
    char *buf = malloc(len + 4);
    if (buf == NULL) return wf_parser_nomem(p);
    buf[0] = '(';
    memcpy(buf + 1, src, len);
    buf[len + 1] = ')';
    buf[len + 2] = '\n';
    buf[len + 3] = 0;
    WfTokenList toks;
    if (wf_tokenizer_run(buf, len + 3, lineno, col_shift, &toks) < 0) {
        wf_tokenizer_list_free(&toks);
        free(buf);
        return wf_parser_nomem(p);
    }
    WfParser sub;
    memset(&sub, 0, sizeof sub);
    sub.arena = p->arena;
    sub.tokens = toks.tokens;
    sub.ntokens = toks.count;
    sub.mode = WF_PARSE_FSTRING_FIELD;
    sub.err = p->err;
    sub.toklist = &toks;
    sub.root_src = p->root_src;
    sub.root_len = p->root_len;
    sub.depth = p->depth;
    sub.fstring_shift = col_shift;
    sub.fstring_lineno = lineno;
    sub.fstring_src = buf;
    sub.fstring_len = len + 3;
    sub.in_fstring = true;
    WfAstNode *res = run_passes(&sub);
    if (sub.error) p->error = true;
    wf_tokenizer_list_free(&toks);
    free(buf);
    return res;
}
