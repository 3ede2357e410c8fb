// parser_string.c — string literals: prefixes, escapes, implicit
// concatenation and f-strings (CPython 3.11 Parser/string_parser.c).
//
// Invariant: a StrBuf holds `len` valid bytes in an arena block of `cap`
// bytes (data[len] is kept NUL); an Fstring state holds the literal text
// not yet turned into a Constant (`last`, possibly empty) and the finished
// values in order, so that adjacent literal parts are always merged, as
// CPython's FstringParser does. Positions follow CPython 3.11: Constant and
// FormattedValue parts carry the span of the whole concatenation; a format
// spec's JoinedStr carries the span of its own token.
#include <stdio.h>
#include <string.h>

#include "parser_internal.h"

typedef struct StrBuf {
    char *data;
    size_t len;
    size_t cap;
} StrBuf;

static bool buf_reserve(WfParser *p, StrBuf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return true;
    size_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra + 1) ncap *= 2;
    char *nd = wf_arena_alloc(p->arena, ncap);
    if (nd == NULL) {
        wf_parser_nomem(p);
        return false;
    }
    if (b->len) memcpy(nd, b->data, b->len);
    b->data = nd;
    b->cap = ncap;
    return true;
}

static bool buf_add(WfParser *p, StrBuf *b, const char *s, size_t n) {
    if (!buf_reserve(p, b, n)) return false;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}

static bool buf_add_cp(WfParser *p, StrBuf *b, unsigned cp) {
    char tmp[4];
    size_t n;
    if (cp < 0x80) {
        tmp[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        tmp[0] = (char)(0xC0 | (cp >> 6));
        tmp[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        // Lone surrogates are encoded as-is (CESU-style), as CPython keeps
        // them in str objects; the compiler must handle them.
        tmp[0] = (char)(0xE0 | (cp >> 12));
        tmp[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        tmp[0] = (char)(0xF0 | (cp >> 18));
        tmp[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        tmp[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        tmp[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    return buf_add(p, b, tmp, n);
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Position of byte `s` in CPython's escape-decoding buffer, where each
// non-ASCII character has become a 10-byte \UXXXXXXXX escape.
static size_t escape_pos(const char *body, const char *s) {
    size_t pos = 0;
    for (const char *q = body; q < s; q++) {
        unsigned char c = (unsigned char)*q;
        if (c < 0x80) {
            pos++;
        } else if ((c & 0xC0) != 0x80) {
            pos += 10;
        }
    }
    return pos;
}

static void *unicode_error(WfParser *p, const char *body, const char *start,
                           const char *end, const char *what) {
    size_t a = escape_pos(body, start);
    size_t b = escape_pos(body, end) - 1;
    if (b > a) {
        return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                               "(unicode error) 'unicodeescape' codec can't "
                               "decode bytes in position %zu-%zu: %s",
                               a, b, what);
    }
    return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                           "(unicode error) 'unicodeescape' codec can't "
                           "decode byte 0x5c in position %zu: %s",
                           a, what);
}

// Decodes a non-raw str literal body with escapes, appending UTF-8.
static bool decode_str(WfParser *p, StrBuf *out, const char *s, size_t len) {
    const char *body = s;
    const char *end = s + len;
    while (s < end) {
        const char *run = s;
        while (s < end && *s != '\\') s++;
        if (s > run && !buf_add(p, out, run, (size_t)(s - run))) return false;
        if (s >= end) break;
        const char *esc = s;
        s++; // backslash
        if (s >= end) {
            unicode_error(p, body, esc, s, "\\ at end of string");
            return false;
        }
        char c = *s++;
        unsigned cp;
        switch (c) {
        case '\n': continue;
        case '\\': cp = '\\'; break;
        case '\'': cp = '\''; break;
        case '"': cp = '"'; break;
        case 'a': cp = 7; break;
        case 'b': cp = 8; break;
        case 'f': cp = 12; break;
        case 'n': cp = 10; break;
        case 'r': cp = 13; break;
        case 't': cp = 9; break;
        case 'v': cp = 11; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            cp = (unsigned)(c - '0');
            if (s < end && *s >= '0' && *s <= '7') {
                cp = cp * 8 + (unsigned)(*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') {
                    cp = cp * 8 + (unsigned)(*s++ - '0');
                }
            }
            break;
        case 'x':
        case 'u':
        case 'U': {
            int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            cp = 0;
            for (int i = 0; i < n; i++) {
                int h = s < end ? hexval(*s) : -1;
                if (h < 0) {
                    unicode_error(p, body, esc, s < end ? s + 1 : s,
                                  c == 'x'   ? "truncated \\xXX escape"
                                  : c == 'u' ? "truncated \\uXXXX escape"
                                             : "truncated \\UXXXXXXXX "
                                               "escape");
                    return false;
                }
                cp = cp * 16 + (unsigned)h;
                s++;
            }
            if (cp > 0x10FFFF) {
                unicode_error(p, body, esc, s, "illegal Unicode character");
                return false;
            }
            break;
        }
        case 'N': {
            // No Unicode name database is linked in: \N{...} is reported
            // as CPython reports an unknown name.
            const char *q = s;
            if (q < end && *q == '{') {
                while (q < end && *q != '}') q++;
                if (q < end) {
                    unicode_error(p, body, esc, q + 1,
                                  "unknown Unicode character name");
                    return false;
                }
            }
            unicode_error(p, body, esc, q, "malformed \\N character escape");
            return false;
        }
        default:
            // Invalid escape: kept verbatim (CPython warns).
            if (!buf_add(p, out, esc, 1)) return false;
            s = esc + 1;
            continue;
        }
        if (!buf_add_cp(p, out, cp)) return false;
    }
    return true;
}

// Decodes a bytes literal body.
static bool decode_bytes(WfParser *p, StrBuf *out, const char *s, size_t len,
                         bool raw, const WfToken *t) {
    for (size_t i = 0; i < len; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            // CPython 3.11.2: RAISE_SYNTAX_ERROR, at the last token read.
            (void)t;
            wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                            "bytes can only contain ASCII literal "
                            "characters");
            return false;
        }
    }
    if (raw) return buf_add(p, out, s, len);
    const char *body = s;
    const char *end = s + len;
    while (s < end) {
        const char *run = s;
        while (s < end && *s != '\\') s++;
        if (s > run && !buf_add(p, out, run, (size_t)(s - run))) return false;
        if (s >= end) break;
        const char *esc = s++;
        char c = *s++;
        unsigned v;
        switch (c) {
        case '\n': continue;
        case '\\': v = '\\'; break;
        case '\'': v = '\''; break;
        case '"': v = '"'; break;
        case 'a': v = 7; break;
        case 'b': v = 8; break;
        case 'f': v = 12; break;
        case 'n': v = 10; break;
        case 'r': v = 13; break;
        case 't': v = 9; break;
        case 'v': v = 11; break;
        case '0': case '1': case '2': case '3':
        case '4': case '5': case '6': case '7':
            v = (unsigned)(c - '0');
            if (s < end && *s >= '0' && *s <= '7') {
                v = v * 8 + (unsigned)(*s++ - '0');
                if (s < end && *s >= '0' && *s <= '7') {
                    v = v * 8 + (unsigned)(*s++ - '0');
                }
            }
            v &= 0xFF;
            break;
        case 'x': {
            int h1 = s < end ? hexval(s[0]) : -1;
            int h2 = s + 1 < end ? hexval(s[1]) : -1;
            if (h1 < 0 || h2 < 0) {
                wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                "(value error) invalid \\x escape at "
                                "position %zu",
                                (size_t)(esc - body));
                return false;
            }
            v = (unsigned)(h1 * 16 + h2);
            s += 2;
            break;
        }
        default:
            if (!buf_add(p, out, esc, 1)) return false;
            s = esc + 1;
            continue;
        }
        char b = (char)v;
        if (!buf_add(p, out, &b, 1)) return false;
    }
    return true;
}

// ---- f-strings -----------------------------------------------------------

typedef struct Fstring {
    StrBuf last;   // pending literal text
    bool has_last; // `last` holds a non-empty literal
    WfNodeVec values;
    bool fmode;
} Fstring;

typedef struct StrCtx {
    const WfToken *first; // whole concatenation
    const WfToken *last;
    const WfToken *t; // current token
    bool u_kind;      // first token starts with a lowercase 'u'
    bool raw;
} StrCtx;

static WfAstNode *str_constant(WfParser *p, const StrBuf *b,
                               const WfToken *first, const WfToken *last,
                               bool u_kind) {
    WfAstNode *n = wf_ast_node_new(p->arena, WF_AST_Constant, first->lineno,
                                   first->col, last->end_lineno,
                                   last->end_col);
    if (n == NULL) return wf_parser_nomem(p);
    n->v.Constant.value.kind = WF_CONST_STR;
    n->v.Constant.value.data = b->data ? b->data : "";
    n->v.Constant.value.len = b->len;
    n->v.Constant.kind = u_kind ? "u" : NULL;
    return n;
}

// Turns the pending literal into a Constant value.
static bool flush_literal(WfParser *p, Fstring *f, const WfToken *first,
                          const WfToken *last, bool u_kind) {
    if (!f->has_last) return true;
    WfAstNode *c = str_constant(p, &f->last, first, last, u_kind);
    if (c == NULL || !wf_parser_vec_push(p, &f->values, c)) return false;
    f->last = (StrBuf){0};
    f->has_last = false;
    return true;
}

static bool add_literal(WfParser *p, Fstring *f, const char *s, size_t n) {
    if (n == 0) return true;
    if (!buf_add(p, &f->last, s, n)) return false;
    f->has_last = true;
    return true;
}

static bool concat_fstring(WfParser *p, Fstring *f, const char **str,
                           const char *end, int recurse_lvl, const StrCtx *c);

static WfAstNode *finish_fstring(WfParser *p, Fstring *f, const WfToken *first,
                                 const WfToken *last, bool u_kind) {
    if (!f->fmode) {
        return str_constant(p, &f->last, first, last, u_kind);
    }
    if (!flush_literal(p, f, first, last, u_kind)) return NULL;
    WfAstNode *j = wf_ast_node_new(p->arena, WF_AST_JoinedStr, first->lineno,
                                   first->col, last->end_lineno,
                                   last->end_col);
    if (j == NULL) return wf_parser_nomem(p);
    j->v.JoinedStr.values = wf_parser_vec_finish(p, &f->values);
    return j->v.JoinedStr.values ? j : NULL;
}

// Scans the literal part of an f-string. Returns -1 on error, 1 when a
// doubled brace ended the literal (caller continues), else 0.
static int find_literal(WfParser *p, const char **str, const char *end,
                        int recurse_lvl, const StrCtx *c, Fstring *f) {
    const char *s = *str;
    const char *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!c->raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                    "f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s) {
        StrBuf tmp = {0};
        if (c->raw) {
            if (!buf_add(p, &tmp, literal_start, (size_t)(s - literal_start))) {
                return -1;
            }
        } else if (!decode_str(p, &tmp, literal_start,
                               (size_t)(s - literal_start))) {
            return -1;
        }
        if (!add_literal(p, f, tmp.data, tmp.len)) return -1;
    }
    return result;
}

// CPython's fstring_find_expr_location.
static void expr_location(const WfToken *t, const char *expr_start,
                          int *lines, int *cols) {
    *lines = 0;
    *cols = 0;
    const char *parent = t->start;
    bool newline_after_brace = true;
    for (const char *s = expr_start + 1; *s != '}' && *s != '\n'; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\f') {
            newline_after_brace = false;
            break;
        }
    }
    if (!newline_after_brace) {
        const char *s = expr_start;
        while (s > parent && *s != '\n') s--;
        *cols += (int)(expr_start - s);
        if (*s == '\n') *cols -= 1;
    }
    for (const char *s = parent; s < expr_start; s++) {
        if (*s == '\n') (*lines)++;
    }
}

static bool is_space(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
           ch == '\f' || ch == '\v';
}

// fstring_find_expr: *str points at '{'. Appends a FormattedValue (and any
// '=' debug text) to f.
static bool find_expr(WfParser *p, const char **str, const char *end,
                      int recurse_lvl, const StrCtx *c, Fstring *f) {
    if (recurse_lvl >= 2) {
        wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                        "f-string: expressions nested too deeply");
        return false;
    }
    const char *brace = *str;
    *str += 1;
    const char *expr_start = *str;
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parenstack[200];
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                            "f-string expression part cannot include a "
                            "backslash");
            return false;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                        continue;
                    }
                } else {
                    quote_char = 0;
                    string_type = 0;
                    continue;
                }
            }
            continue;
        } else if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= 200) {
                wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                "f-string: too many nested parenthesis");
                return false;
            }
            parenstack[nested_depth++] = ch;
        } else if (ch == '#') {
            wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                            "f-string expression part cannot include '#'");
            return false;
        } else if (nested_depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' ||
                    ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = (*str)[1];
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<') continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested_depth) {
                wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                "f-string: unmatched '%c'", ch);
                return false;
            }
            nested_depth--;
            int opening = (unsigned char)parenstack[nested_depth];
            if (!((opening == '(' && ch == ')') ||
                  (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                "f-string: closing parenthesis '%c' does not "
                                "match opening parenthesis '%c'",
                                ch, opening);
                return false;
            }
        }
    }
    const char *expr_end = *str;
    if (quote_char) {
        wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                        "f-string: unterminated string");
        return false;
    }
    if (nested_depth) {
        wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "f-string: unmatched '%c'",
                        parenstack[nested_depth - 1]);
        return false;
    }
    if (*str >= end) goto unexpected_end;
    // fstring_compile_expr: reject an empty expression.
    {
        bool empty = true;
        for (const char *s = expr_start; s < expr_end; s++) {
            if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) {
                empty = false;
                break;
            }
        }
        if (empty) {
            wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                            "f-string: empty expression not allowed");
            return false;
        }
    }
    int lines, cols;
    expr_location(c->t, brace, &lines, &cols);
    WfAstNode *value =
        wf_parser_fstring_expr(p, expr_start, (size_t)(expr_end - expr_start),
                               c->t->lineno + lines,
                               lines == 0 ? c->t->col + cols : cols);
    if (value == NULL) {
        if (!p->error) wf_parser_nomem(p);
        return false;
    }
    const char *expr_text = NULL;
    size_t expr_text_len = 0;
    if (**str == '=') {
        *str += 1;
        while (*str < end && is_space(**str)) *str += 1;
        if (*str >= end) goto unexpected_end;
        expr_text = expr_start;
        expr_text_len = (size_t)(*str - expr_start);
    }
    int conversion = -1;
    if (**str == '!') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                            "f-string: invalid conversion character: "
                            "expected 's', 'r', or 'a'");
            return false;
        }
    }
    WfAstNode *format_spec = NULL;
    if (*str < end && **str == ':') {
        *str += 1;
        if (*str >= end) goto unexpected_end;
        Fstring sub = {0};
        if (!concat_fstring(p, &sub, str, end, recurse_lvl + 1, c)) {
            return false;
        }
        format_spec = finish_fstring(p, &sub, c->t, c->t, c->u_kind);
        if (format_spec == NULL) return false;
    }
    if (*str >= end || **str != '}') {
        wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "f-string: expecting '}'");
        return false;
    }
    *str += 1;
    if (expr_text != NULL && format_spec == NULL && conversion == -1) {
        conversion = 'r';
    }
    // The debug text is literal text before the value.
    if (expr_text != NULL && !add_literal(p, f, expr_text, expr_text_len)) {
        return false;
    }
    if (!flush_literal(p, f, c->first, c->last, c->u_kind)) return false;
    WfAstNode *fv = wf_ast_node_new(p->arena, WF_AST_FormattedValue,
                                    c->first->lineno, c->first->col,
                                    c->last->end_lineno, c->last->end_col);
    if (fv == NULL) return wf_parser_nomem(p);
    fv->v.FormattedValue.value = value;
    fv->v.FormattedValue.conversion = conversion;
    fv->v.FormattedValue.format_spec = format_spec;
    return wf_parser_vec_push(p, &f->values, fv);
unexpected_end:
    wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "f-string: expecting '}'");
    return false;
}

static bool concat_fstring(WfParser *p, Fstring *f, const char **str,
                           const char *end, int recurse_lvl, const StrCtx *c) {
    f->fmode = true;
    for (;;) {
        int r = find_literal(p, str, end, recurse_lvl, c, f);
        if (r < 0) return false;
        if (r == 1) continue;
        if (*str >= end || **str == '}') break;
        // **str == '{'
        if (!find_expr(p, str, end, recurse_lvl, c, f)) return false;
    }
    if (recurse_lvl == 0 && *str < end) {
        wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                        "f-string: unexpected end of string");
        return false;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX, "f-string: expecting '}'");
        return false;
    }
    return true;
}

// ---- concatenation -------------------------------------------------------

typedef struct Prefix {
    bool bytes, raw, fstr;
    const char *body;
    size_t len;
} Prefix;

static Prefix parse_prefix(const WfToken *t) {
    Prefix pr = {0};
    const char *s = t->start;
    while (*s != '\'' && *s != '"') {
        char ch = *s++;
        if (ch == 'b' || ch == 'B') pr.bytes = true;
        if (ch == 'r' || ch == 'R') pr.raw = true;
        if (ch == 'f' || ch == 'F') pr.fstr = true;
    }
    char q = *s;
    size_t total = (size_t)(t->start + t->len - s);
    size_t qs = (total >= 6 && s[1] == q && s[2] == q) ? 3 : 1;
    pr.body = s + qs;
    pr.len = total - 2 * qs;
    return pr;
}

WfAstNode *wf_parser_string_concat(WfParser *p) {
    int start = p->pos;
    while (at(p, WF_TOK_STRING)) p->pos++;
    const WfToken *first = &p->tokens[start];
    const WfToken *last = &p->tokens[p->pos - 1];
    bool u_kind = first->start[0] == 'u';
    Fstring f = {0};
    StrBuf bytes = {0};
    bool bytesmode = false;
    for (int i = start; i < p->pos; i++) {
        const WfToken *t = &p->tokens[i];
        Prefix pr = parse_prefix(t);
        if (i != start && bytesmode != pr.bytes) {
            return wf_parser_raise(p, WF_SYNTAX_ERROR_SYNTAX,
                                   "cannot mix bytes and nonbytes literals");
        }
        bytesmode = pr.bytes;
        if (pr.bytes) {
            if (!decode_bytes(p, &bytes, pr.body, pr.len, pr.raw, t)) {
                return NULL;
            }
        } else if (pr.fstr) {
            StrCtx c = {first, last, t, u_kind, pr.raw};
            const char *s = pr.body;
            if (!concat_fstring(p, &f, &s, pr.body + pr.len, 0, &c)) {
                return NULL;
            }
        } else {
            StrBuf tmp = {0};
            if (pr.raw) {
                if (!buf_add(p, &tmp, pr.body, pr.len)) return NULL;
            } else if (!decode_str(p, &tmp, pr.body, pr.len)) {
                return NULL;
            }
            if (!add_literal(p, &f, tmp.data, tmp.len)) return NULL;
        }
    }
    if (bytesmode) {
        WfAstNode *n = wf_parser_node(p, WF_AST_Constant, start);
        if (n == NULL) return NULL;
        n->v.Constant.value.kind = WF_CONST_BYTES;
        n->v.Constant.value.data = bytes.data ? bytes.data : "";
        n->v.Constant.value.len = bytes.len;
        return n;
    }
    return finish_fstring(p, &f, first, last, u_kind);
}
