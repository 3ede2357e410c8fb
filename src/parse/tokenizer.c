// tokenizer.c — Python 3.11 tokenizer (mirrors CPython's Parser/tokenizer.c).
//
// Invariant: the scanner state `Tok` walks a NUL-free buffer ending in '\n';
// `cur` never passes `end`; `line_start` is the start of the line holding
// cur[-1] (lineno counts it); indstack[0..indent] is strictly increasing;
// parenstack[0..level) holds the open brackets. Tokens are appended to the
// list in source order and the list ends with exactly one ENDMARKER or ERROR
// token. All state is per call: the tokenizer is re-entrant.
#include "tokenizer.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAXINDENT 100
#define MAXLEVEL 200
#define TABSIZE 8
#define EOF_CHAR (-1)

typedef struct Tok {
    const char *src;
    const char *end;
    const char *cur;
    const char *line_start;
    int lineno;
    int first_lineno;     // lineno of the first line (for col shift)
    int first_line_shift; // column shift applied to tokens on that line
    int indstack[MAXINDENT];
    int altindstack[MAXINDENT];
    int indent;
    int pendin;
    bool atbol;
    bool cont_line;
    int level;
    char parenstack[MAXLEVEL];
    int parenlinenostack[MAXLEVEL];
    int parencolstack[MAXLEVEL];
    // String tokens may span lines.
    const char *multi_line_start;
    int string_first_lineno;
    WfTokenList *list;
    bool oom;
} Tok;

// ---- character helpers -------------------------------------------------

int wf_tokenizer_decode_utf8(const char *s, size_t n, int *cp) {
    utf8proc_int32_t c;
    utf8proc_ssize_t r = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)(n > 4 ? 4 : n), &c);
    if (r <= 0) return -1;
    *cp = c;
    return (int)r;
}

bool wf_tokenizer_is_printable(int cp) {
    if (cp == ' ') return true;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_CN:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_ZS:
        return false;
    default:
        return true;
    }
}

int wf_tokenizer_char_count(const char *s, int nbytes) {
    int n = 0;
    for (int i = 0; i < nbytes; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    }
    return n;
}

// Other_ID_Start / Other_ID_Continue (Unicode PropList), needed because
// they are not derivable from the general category.
static bool other_id_start(int cp) {
    return cp == 0x1885 || cp == 0x1886 || cp == 0x2118 || cp == 0x212E ||
           cp == 0x309B || cp == 0x309C;
}

static bool other_id_continue(int cp) {
    return cp == 0x00B7 || cp == 0x0387 || (cp >= 0x1369 && cp <= 0x1371) ||
           cp == 0x19DA;
}

// XID_Start / XID_Continue approximated from categories, as Python's
// str.isidentifier (which uses XID_Start/XID_Continue).
static bool id_start(int cp) {
    if (cp == '_') return true;
    if (cp < 128) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    // Characters whose NFKC form is not XID_Start are excluded by
    // XID_Start; the common ones are covered by the category test.
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
        return true;
    default:
        return other_id_start(cp);
    }
}

static bool id_continue(int cp) {
    if (cp < 128) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9') || cp == '_';
    }
    if (id_start(cp)) return true;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_PC:
        return true;
    default:
        return other_id_continue(cp);
    }
}

static bool is_potential_identifier_start(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c >= 128;
}

static bool is_potential_identifier_char(int c) {
    return is_potential_identifier_start(c) || (c >= '0' && c <= '9');
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static bool is_xdigit(int c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// ---- reading -----------------------------------------------------------

static int nextc(Tok *t) {
    if (t->cur == t->end) return EOF_CHAR;
    if (t->cur > t->src && t->cur[-1] == '\n' && t->line_start != t->cur) {
        t->lineno++;
        t->line_start = t->cur;
    }
    return (unsigned char)*t->cur++;
}

static void backup(Tok *t, int c) {
    if (c != EOF_CHAR) t->cur--;
}

// ---- output ------------------------------------------------------------

static int shift_col(const Tok *t, int lineno, int col) {
    return lineno == t->first_lineno ? col + t->first_line_shift : col;
}

static WfToken *push(Tok *t, WfTokenType type) {
    WfTokenList *l = t->list;
    if (l->count == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 256;
        WfToken *nt = realloc(l->tokens, (size_t)ncap * sizeof(WfToken));
        if (nt == NULL) {
            t->oom = true;
            return NULL;
        }
        l->tokens = nt;
        l->cap = ncap;
    }
    WfToken *tok = &l->tokens[l->count++];
    memset(tok, 0, sizeof *tok);
    tok->type = type;
    tok->level = t->level;
    return tok;
}

// Token from `start` (on line `lineno` beginning at `line_start`) to cur.
static WfToken *emit(Tok *t, WfTokenType type, const char *start, int lineno,
                     const char *start_line) {
    WfToken *tok = push(t, type);
    if (tok == NULL) return NULL;
    tok->start = start;
    tok->len = (int)(t->cur - start);
    tok->lineno = lineno;
    tok->col = shift_col(t, lineno, (int)(start - start_line));
    tok->end_lineno = t->lineno;
    tok->end_col = shift_col(t, t->lineno, (int)(t->cur - t->line_start));
    return tok;
}

// Records an error and appends the ERROR token. `col_bytes` is a byte
// offset in the current line converted to CPython's 1-based char offset by
// the caller's convention: offset = chars(line_start .. line_start+col).
static void set_error(Tok *t, WfSyntaxErrorKind kind, WfTokErrorMode mode,
                      int lineno, const char *line, int offset,
                      int end_lineno, int end_offset, const char *fmt, ...) {
    WfTokenList *l = t->list;
    l->has_error = true;
    l->error_mode = mode;
    l->error.kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(l->error.msg, sizeof l->error.msg, fmt, ap);
    va_end(ap);
    l->error.lineno = lineno;
    l->error.offset = offset;
    l->error.end_lineno = end_lineno;
    l->error.end_offset = end_offset;
    l->error_line = line;
    WfToken *tok = push(t, WF_TOK_ERROR);
    if (tok != NULL) {
        tok->start = t->cur;
        tok->lineno = lineno;
        tok->end_lineno = lineno;
        tok->col = tok->end_col = (int)(t->cur - t->line_start);
    }
}

// CPython's syntaxerror(): location is the current position (chars from
// line start to cur), reported on the current line.
static void syntax_error(Tok *t, const char *fmt, const char *arg) {
    int off = wf_tokenizer_char_count(t->line_start,
                                      (int)(t->cur - t->line_start));
    off += (t->lineno == t->first_lineno) ? t->first_line_shift : 0;
    set_error(t, WF_SYNTAX_ERROR_SYNTAX, WF_TOKERR_RAISE, t->lineno,
              t->line_start, off, t->lineno, off, fmt, arg);
}

static void syntax_error_range(Tok *t, int col, int end_col, const char *msg) {
    int off = wf_tokenizer_char_count(t->line_start, col - 1) + 1;
    int end_off = wf_tokenizer_char_count(t->line_start, end_col);
    set_error(t, WF_SYNTAX_ERROR_SYNTAX, WF_TOKERR_RAISE, t->lineno,
              t->line_start, off, t->lineno, end_off, "%s", msg);
}

// ---- numbers -----------------------------------------------------------

static bool lookahead(Tok *t, const char *test) {
    const char *s = test;
    int res = 0;
    while (1) {
        int c = nextc(t);
        if (*s == 0) {
            res = !is_potential_identifier_char(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        backup(t, c);
        while (s != test) {
            backup(t, *--s);
        }
        return res;
    }
}

static bool verify_end_of_number(Tok *t, int c, const char *kind) {
    // A number directly followed by a keyword that can follow a number in
    // valid code only warns in CPython 3.11.
    bool r = false;
    if (c == 'a') {
        r = lookahead(t, "nd");
    } else if (c == 'e') {
        r = lookahead(t, "lse");
    } else if (c == 'f') {
        r = lookahead(t, "or");
    } else if (c == 'i') {
        int c2 = nextc(t);
        if (c2 == 'f' || c2 == 'n' || c2 == 's') r = true;
        backup(t, c2);
    } else if (c == 'o') {
        r = lookahead(t, "r");
    } else if (c == 'n') {
        r = lookahead(t, "ot");
    }
    if (r) return true;
    if (is_potential_identifier_char(c)) {
        backup(t, c);
        char msg[64];
        snprintf(msg, sizeof msg, "invalid %s literal", kind);
        syntax_error(t, "%s", msg);
        return false;
    }
    return true;
}

// Returns the char after the digits, or 0 after reporting an error.
static int decimal_tail(Tok *t) {
    int c;
    while (1) {
        do {
            c = nextc(t);
        } while (is_digit(c));
        if (c != '_') break;
        c = nextc(t);
        if (!is_digit(c)) {
            backup(t, c);
            syntax_error(t, "%s", "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

// Scans a number whose first char `c` was read; `start` is its start.
// Returns false after reporting an error.
static bool scan_number(Tok *t, int c, const char *start, bool leading_dot) {
    if (leading_dot) {
        goto fraction_have_c; // c is the digit after the '.'
    }
    if (c == '0') {
        c = nextc(t);
        if (c == 'x' || c == 'X') {
            c = nextc(t);
            do {
                if (c == '_') c = nextc(t);
                if (!is_xdigit(c)) {
                    backup(t, c);
                    syntax_error(t, "%s", "invalid hexadecimal literal");
                    return false;
                }
                do {
                    c = nextc(t);
                } while (is_xdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(t, c, "hexadecimal")) return false;
        } else if (c == 'o' || c == 'O' || c == 'b' || c == 'B') {
            bool octal = (c == 'o' || c == 'O');
            int maxd = octal ? '8' : '2';
            const char *kind = octal ? "octal" : "binary";
            char msg[64];
            c = nextc(t);
            do {
                if (c == '_') c = nextc(t);
                if (c < '0' || c >= maxd) {
                    if (is_digit(c)) {
                        snprintf(msg, sizeof msg,
                                 "invalid digit '%c' in %s literal", c, kind);
                        syntax_error(t, "%s", msg);
                    } else {
                        backup(t, c);
                        snprintf(msg, sizeof msg, "invalid %s literal", kind);
                        syntax_error(t, "%s", msg);
                    }
                    return false;
                }
                do {
                    c = nextc(t);
                } while (c >= '0' && c < maxd);
            } while (c == '_');
            if (is_digit(c)) {
                snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal",
                         c, kind);
                syntax_error(t, "%s", msg);
                return false;
            }
            if (!verify_end_of_number(t, c, kind)) return false;
        } else {
            bool nonzero = false;
            while (1) {
                if (c == '_') {
                    c = nextc(t);
                    if (!is_digit(c)) {
                        backup(t, c);
                        syntax_error(t, "%s", "invalid decimal literal");
                        return false;
                    }
                }
                if (c != '0') break;
                c = nextc(t);
            }
            const char *zeros_end = t->cur;
            if (is_digit(c)) {
                nonzero = true;
                c = decimal_tail(t);
                if (c == 0) return false;
            }
            if (c == '.') {
                c = nextc(t);
                goto fraction_have_c;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                backup(t, c);
                syntax_error_range(
                    t, (int)(start + 1 - t->line_start),
                    (int)(zeros_end - t->line_start),
                    "leading zeros in decimal integer literals are not "
                    "permitted; use an 0o prefix for octal integers");
                return false;
            }
            if (!verify_end_of_number(t, c, "decimal")) return false;
        }
    } else {
        c = decimal_tail(t);
        if (c == 0) return false;
        if (c == '.') {
            c = nextc(t);
            goto fraction_have_c;
        }
        goto after_fraction;
    fraction_have_c:
        if (is_digit(c)) {
            c = decimal_tail(t);
            if (c == 0) return false;
        }
    after_fraction:
        if (c == 'e' || c == 'E') {
            int e;
        exponent:
            e = c;
            c = nextc(t);
            if (c == '+' || c == '-') {
                c = nextc(t);
                if (!is_digit(c)) {
                    backup(t, c);
                    syntax_error(t, "%s", "invalid decimal literal");
                    return false;
                }
            } else if (!is_digit(c)) {
                backup(t, c);
                if (!verify_end_of_number(t, e, "decimal")) return false;
                backup(t, e);
                return true;
            }
            c = decimal_tail(t);
            if (c == 0) return false;
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            c = nextc(t);
            if (!verify_end_of_number(t, c, "imaginary")) return false;
        } else if (!verify_end_of_number(t, c, "decimal")) {
            return false;
        }
    }
    backup(t, c);
    return true;
}

// ---- identifiers -------------------------------------------------------

// Checks a non-ASCII identifier [start, cur); reports CPython's error.
static bool verify_identifier(Tok *t, const char *start) {
    const char *p = start;
    bool first = true;
    while (p < t->cur) {
        int cp;
        int n = wf_tokenizer_decode_utf8(p, (size_t)(t->cur - p), &cp);
        if (n < 0) {
            t->cur = p + 1;
            syntax_error(t, "%s", "invalid UTF-8 in identifier");
            return false;
        }
        bool ok = first ? id_start(cp) : id_continue(cp);
        if (!ok) {
            // NFKC may turn it into a valid identifier character.
            utf8proc_uint8_t buf[8] = {0};
            utf8proc_ssize_t bl = utf8proc_encode_char(cp, buf);
            buf[bl] = 0;
            utf8proc_uint8_t *norm = utf8proc_NFKC(buf);
            if (norm != NULL) {
                int ncp;
                int nn = wf_tokenizer_decode_utf8((const char *)norm,
                                                  strlen((char *)norm), &ncp);
                if (nn > 0) ok = first ? id_start(ncp) : id_continue(ncp);
                free(norm);
            }
        }
        if (!ok) {
            t->cur = p + n;
            char msg[96];
            if (wf_tokenizer_is_printable(cp)) {
                char ch[8] = {0};
                memcpy(ch, p, (size_t)n);
                snprintf(msg, sizeof msg, "invalid character '%s' (U+%04X)",
                         ch, cp);
            } else {
                snprintf(msg, sizeof msg,
                         "invalid non-printable character U+%04X", cp);
            }
            syntax_error(t, "%s", msg);
            return false;
        }
        first = false;
        p += n;
    }
    return true;
}

static WfTokenType keyword_type(const char *s, int len) {
#define WF_X(name, text) \
    if (len == (int)sizeof(text) - 1 && memcmp(s, text, (size_t)len) == 0) \
        return WF_TOK_KW_##name;
    WF_TOKEN_KEYWORD_LIST(WF_X)
#undef WF_X
    return WF_TOK_NAME;
}

// ---- operators ---------------------------------------------------------

static WfTokenType one_char(int c) {
    switch (c) {
    case '%': return WF_TOK_PERCENT;
    case '&': return WF_TOK_AMPER;
    case '(': return WF_TOK_LPAR;
    case ')': return WF_TOK_RPAR;
    case '*': return WF_TOK_STAR;
    case '+': return WF_TOK_PLUS;
    case ',': return WF_TOK_COMMA;
    case '-': return WF_TOK_MINUS;
    case '.': return WF_TOK_DOT;
    case '/': return WF_TOK_SLASH;
    case ':': return WF_TOK_COLON;
    case ';': return WF_TOK_SEMI;
    case '<': return WF_TOK_LESS;
    case '=': return WF_TOK_EQUAL;
    case '>': return WF_TOK_GREATER;
    case '@': return WF_TOK_AT;
    case '[': return WF_TOK_LSQB;
    case ']': return WF_TOK_RSQB;
    case '^': return WF_TOK_CIRCUMFLEX;
    case '{': return WF_TOK_LBRACE;
    case '|': return WF_TOK_VBAR;
    case '}': return WF_TOK_RBRACE;
    case '~': return WF_TOK_TILDE;
    default: return WF_TOK_OP;
    }
}

static WfTokenType two_chars(int c1, int c2) {
    switch (c1) {
    case '!': if (c2 == '=') return WF_TOK_NOTEQUAL; break;
    case '%': if (c2 == '=') return WF_TOK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return WF_TOK_AMPEREQUAL; break;
    case '*':
        if (c2 == '*') return WF_TOK_DOUBLESTAR;
        if (c2 == '=') return WF_TOK_STAREQUAL;
        break;
    case '+': if (c2 == '=') return WF_TOK_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return WF_TOK_MINEQUAL;
        if (c2 == '>') return WF_TOK_RARROW;
        break;
    case '/':
        if (c2 == '/') return WF_TOK_DOUBLESLASH;
        if (c2 == '=') return WF_TOK_SLASHEQUAL;
        break;
    case ':': if (c2 == '=') return WF_TOK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return WF_TOK_LEFTSHIFT;
        if (c2 == '=') return WF_TOK_LESSEQUAL;
        if (c2 == '>') return WF_TOK_NOTEQUAL; // only with barry_as_FLUFL
        break;
    case '=': if (c2 == '=') return WF_TOK_EQEQUAL; break;
    case '>':
        if (c2 == '=') return WF_TOK_GREATEREQUAL;
        if (c2 == '>') return WF_TOK_RIGHTSHIFT;
        break;
    case '@': if (c2 == '=') return WF_TOK_ATEQUAL; break;
    case '^': if (c2 == '=') return WF_TOK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return WF_TOK_VBAREQUAL; break;
    }
    return WF_TOK_OP;
}

static WfTokenType three_chars(int c1, int c2, int c3) {
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) return WF_TOK_OP;
    if (c1 == '*' && c2 == '*') return WF_TOK_DOUBLESTAREQUAL;
    if (c1 == '.' && c2 == '.') return WF_TOK_ELLIPSIS;
    if (c1 == '/' && c2 == '/') return WF_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return WF_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return WF_TOK_RIGHTSHIFTEQUAL;
    return WF_TOK_OP;
}

// ---- the main scanner --------------------------------------------------

// Produces the next token; returns false when tokenizing must stop (error,
// end of input, or out of memory).
static bool get_token(Tok *t) {
    int c;
    bool blankline;

nextline:
    blankline = false;
    if (t->atbol) {
        int col = 0, altcol = 0;
        t->atbol = false;
        for (;;) {
            c = nextc(t);
            if (c == ' ') {
                col++;
                altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = altcol + 1;
            } else if (c == '\014') {
                col = altcol = 0;
            } else {
                break;
            }
        }
        backup(t, c);
        if (c == '#' || c == '\n') {
            blankline = true; // comments and blank lines don't count
        }
        if (!blankline && t->level == 0) {
            const char *line = t->line_start;
            int first_col = (int)(t->cur - t->line_start);
            if (col == t->indstack[t->indent]) {
                if (altcol != t->altindstack[t->indent]) {
                    set_error(t, WF_SYNTAX_ERROR_TAB, WF_TOKERR_LAZY,
                              t->lineno, line, 1, t->lineno, 0,
                              "inconsistent use of tabs and spaces in "
                              "indentation");
                    return false;
                }
            } else if (col > t->indstack[t->indent]) {
                if (t->indent + 1 >= MAXINDENT) {
                    set_error(t, WF_SYNTAX_ERROR_INDENTATION, WF_TOKERR_LAZY,
                              t->lineno, line, 1, t->lineno, 0,
                              "too many levels of indentation");
                    return false;
                }
                if (altcol <= t->altindstack[t->indent]) {
                    set_error(t, WF_SYNTAX_ERROR_TAB, WF_TOKERR_LAZY,
                              t->lineno, line, 1, t->lineno, 0,
                              "inconsistent use of tabs and spaces in "
                              "indentation");
                    return false;
                }
                t->pendin++;
                t->indent++;
                t->indstack[t->indent] = col;
                t->altindstack[t->indent] = altcol;
            } else {
                while (t->indent > 0 && col < t->indstack[t->indent]) {
                    t->pendin--;
                    t->indent--;
                }
                if (col != t->indstack[t->indent]) {
                    const char *eol = t->cur;
                    while (eol < t->end && *eol != '\n') eol++;
                    if (eol < t->end) eol++;
                    int off = wf_tokenizer_char_count(line, (int)(eol - line));
                    set_error(t, WF_SYNTAX_ERROR_INDENTATION, WF_TOKERR_LAZY,
                              t->lineno, line, off, t->lineno, -1,
                              "unindent does not match any outer "
                              "indentation level");
                    return false;
                }
                if (altcol != t->altindstack[t->indent]) {
                    set_error(t, WF_SYNTAX_ERROR_TAB, WF_TOKERR_LAZY,
                              t->lineno, line, 1, t->lineno, 0,
                              "inconsistent use of tabs and spaces in "
                              "indentation");
                    return false;
                }
            }
            // INDENT/DEDENT tokens carry the position of the first
            // non-blank character (CPython reports it for "unexpected
            // indent").
            while (t->pendin != 0) {
                WfToken *tok =
                    push(t, t->pendin < 0 ? WF_TOK_DEDENT : WF_TOK_INDENT);
                if (tok == NULL) return false;
                tok->start = t->cur;
                tok->lineno = tok->end_lineno = t->lineno;
                tok->col = tok->end_col = shift_col(t, t->lineno, first_col);
                tok->nocol = true;
                t->pendin += t->pendin < 0 ? 1 : -1;
            }
        }
    }

again:
    do {
        c = nextc(t);
    } while (c == ' ' || c == '\t' || c == '\014');

    const char *start = t->cur - (c == EOF_CHAR ? 0 : 1);
    int start_lineno = t->lineno;
    const char *start_line = t->line_start;

    if (c == '#') {
        // Skip the comment. As in CPython, a NEWLINE token that follows a
        // comment starts at the '#'.
        while (c != EOF_CHAR && c != '\n') c = nextc(t);
    }

    if (c == EOF_CHAR) {
        if (t->level) {
            WfTokenList *l = t->list;
            l->paren_char = t->parenstack[t->level - 1];
            l->paren_lineno = t->parenlinenostack[t->level - 1];
            l->paren_col = t->parencolstack[t->level - 1];
            set_error(t, WF_SYNTAX_ERROR_SYNTAX, WF_TOKERR_EOF_PAREN,
                      l->paren_lineno, NULL, 0, 0, 0, "'%c' was never closed",
                      l->paren_char);
            return false;
        }
        // Dedent everything, then ENDMARKER; like CPython they sit on the
        // last line at the end of input.
        int col = (int)(t->cur - t->line_start);
        while (t->indent > 0) {
            WfToken *tok = push(t, WF_TOK_DEDENT);
            if (tok == NULL) return false;
            tok->start = t->cur;
            tok->lineno = tok->end_lineno = t->lineno;
            tok->col = tok->end_col = col;
            tok->nocol = true;
            t->indent--;
        }
        WfToken *tok = push(t, WF_TOK_ENDMARKER);
        if (tok == NULL) return false;
        tok->start = t->cur;
        tok->lineno = tok->end_lineno = t->lineno;
        tok->col = tok->end_col = col;
        tok->nocol = true;
        return false;
    }

    // Identifier (or string prefix).
    if (is_potential_identifier_start(c)) {
        bool saw_b = false, saw_r = false, saw_u = false, saw_f = false;
        while (1) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B')) {
                saw_b = true;
            } else if (!(saw_b || saw_u || saw_r || saw_f) &&
                       (c == 'u' || c == 'U')) {
                saw_u = true;
            } else if (!(saw_r || saw_u) && (c == 'r' || c == 'R')) {
                saw_r = true;
            } else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F')) {
                saw_f = true;
            } else {
                break;
            }
            c = nextc(t);
            if (c == '"' || c == '\'') goto letter_quote;
        }
        bool nonascii = false;
        while (is_potential_identifier_char(c)) {
            if (c >= 128) nonascii = true;
            c = nextc(t);
        }
        backup(t, c);
        if (nonascii && !verify_identifier(t, start)) return false;
        WfTokenType type = keyword_type(start, (int)(t->cur - start));
        return emit(t, type, start, start_lineno, start_line) != NULL;
    }

    if (c == '\n') {
        t->atbol = true;
        if (blankline || t->level > 0) goto nextline;
        WfToken *tok = emit(t, WF_TOK_NEWLINE, start, start_lineno, start_line);
        if (tok == NULL) return false;
        // CPython leaves the '\n' out: the token ends where the '\n' is.
        tok->end_lineno = start_lineno;
        tok->end_col = shift_col(t, start_lineno,
                                 (int)(t->cur - 1 - start_line));
        t->cont_line = false;
        return true;
    }

    if (c == '.') {
        c = nextc(t);
        if (is_digit(c)) {
            if (!scan_number(t, c, start, true)) return false;
            return emit(t, WF_TOK_NUMBER, start, start_lineno, start_line) !=
                   NULL;
        } else if (c == '.') {
            c = nextc(t);
            if (c == '.') {
                return emit(t, WF_TOK_ELLIPSIS, start, start_lineno,
                            start_line) != NULL;
            }
            backup(t, c);
            backup(t, '.');
        } else {
            backup(t, c);
        }
        return emit(t, WF_TOK_DOT, start, start_lineno, start_line) != NULL;
    }

    if (is_digit(c)) {
        if (!scan_number(t, c, start, false)) return false;
        return emit(t, WF_TOK_NUMBER, start, start_lineno, start_line) != NULL;
    }

letter_quote:
    if (c == '\'' || c == '"') {
        int quote = c;
        int quote_size = 1;
        int end_quote_size = 0;
        t->string_first_lineno = t->lineno;
        t->multi_line_start = t->line_start;
        c = nextc(t);
        if (c == quote) {
            c = nextc(t);
            if (c == quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1; // empty string
            }
        }
        if (c != quote) backup(t, c);
        while (end_quote_size != quote_size) {
            c = nextc(t);
            if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
                int detected = t->lineno;
                // CPython reports from the start of the string.
                const char *line = t->multi_line_start;
                int off = wf_tokenizer_char_count(line, (int)(start - line)) +
                          1;
                if (t->string_first_lineno == t->first_lineno) {
                    off += t->first_line_shift;
                }
                set_error(t, WF_SYNTAX_ERROR_SYNTAX, WF_TOKERR_RAISE,
                          t->string_first_lineno, line, off,
                          t->string_first_lineno, off,
                          quote_size == 3
                              ? "unterminated triple-quoted string literal "
                                "(detected at line %d)"
                              : "unterminated string literal (detected at "
                                "line %d)",
                          quote_size == 3 && c == EOF_CHAR ? detected
                                                           : detected);
                return false;
            }
            if (c == quote) {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if (c == '\\') nextc(t);
            }
        }
        WfToken *tok = emit(t, WF_TOK_STRING, start, t->string_first_lineno,
                            t->multi_line_start);
        return tok != NULL;
    }

    // Line continuation.
    if (c == '\\') {
        c = nextc(t);
        if (c != '\n') {
            // CPython: col_offset = cur - line_start - 1 (after the char).
            int col = (int)(t->cur - t->line_start) - 1;
            if (c == EOF_CHAR) col = (int)(t->cur - t->line_start);
            int off = wf_tokenizer_char_count(t->line_start, col) + 1;
            set_error(t, WF_SYNTAX_ERROR_SYNTAX, WF_TOKERR_LAZY, t->lineno,
                      t->line_start, off, t->lineno, 0,
                      c == EOF_CHAR ? "unexpected EOF while parsing"
                                    : "unexpected character after line "
                                      "continuation character");
            return false;
        }
        c = nextc(t);
        if (c == EOF_CHAR) {
            // CPython places it at the end of the last line.
            int off = wf_tokenizer_char_count(t->line_start,
                                              (int)(t->cur - t->line_start));
            set_error(t, WF_SYNTAX_ERROR_SYNTAX, WF_TOKERR_LAZY, t->lineno,
                      t->line_start, off, t->lineno, 0,
                      "unexpected EOF while parsing");
            return false;
        }
        backup(t, c);
        t->cont_line = true;
        goto again;
    }

    // Two- and three-character operators.
    {
        int c2 = nextc(t);
        WfTokenType tt = two_chars(c, c2);
        if (tt != WF_TOK_OP) {
            int c3 = nextc(t);
            WfTokenType tt3 = three_chars(c, c2, c3);
            if (tt3 != WF_TOK_OP) {
                tt = tt3;
            } else {
                backup(t, c3);
            }
            return emit(t, tt, start, start_lineno, start_line) != NULL;
        }
        backup(t, c2);
    }

    // Brackets.
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (t->level >= MAXLEVEL) {
            syntax_error(t, "%s", "too many nested parentheses");
            return false;
        }
        t->parenstack[t->level] = (char)c;
        t->parenlinenostack[t->level] = t->lineno;
        t->parencolstack[t->level] = (int)(start - t->line_start);
        t->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!t->level) {
            char msg[32];
            snprintf(msg, sizeof msg, "unmatched '%c'", c);
            syntax_error(t, "%s", msg);
            return false;
        }
        t->level--;
        int opening = t->parenstack[t->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            char msg[128];
            if (t->parenlinenostack[t->level] != t->lineno) {
                snprintf(msg, sizeof msg,
                         "closing parenthesis '%c' does not match opening "
                         "parenthesis '%c' on line %d",
                         c, opening, t->parenlinenostack[t->level]);
            } else {
                snprintf(msg, sizeof msg,
                         "closing parenthesis '%c' does not match opening "
                         "parenthesis '%c'",
                         c, opening);
            }
            syntax_error(t, "%s", msg);
            return false;
        }
        break;
    }
    }

    if (c >= 128 || (c < 128 && !wf_tokenizer_is_printable(c))) {
        // Non-ASCII characters are caught by the identifier branch; this is
        // an ASCII control character.
        char msg[64];
        snprintf(msg, sizeof msg, "invalid non-printable character U+%04X", c);
        syntax_error(t, "%s", msg);
        return false;
    }

    WfToken *tok = emit(t, one_char(c), start, start_lineno, start_line);
    if (tok != NULL) tok->level = t->level;
    return tok != NULL;
}

int wf_tokenizer_run(const char *src, size_t len, int first_lineno,
                     int first_line_col_shift, WfTokenList *list) {
    memset(list, 0, sizeof *list);
    Tok *t = calloc(1, sizeof(Tok));
    if (t == NULL) return -1;
    t->src = src;
    t->end = src + len;
    t->cur = src;
    t->line_start = src;
    t->lineno = first_lineno;
    t->first_lineno = first_lineno;
    t->first_line_shift = first_line_col_shift;
    t->atbol = true;
    t->list = list;
    while (get_token(t)) {
    }
    bool oom = t->oom;
    free(t);
    return oom ? -1 : 0;
}

void wf_tokenizer_list_free(WfTokenList *list) {
    free(list->tokens);
    list->tokens = NULL;
    list->count = list->cap = 0;
}

const char *wf_tokenizer_type_name(WfTokenType type) {
    switch (type) {
    case WF_TOK_ENDMARKER: return "ENDMARKER";
    case WF_TOK_NAME: return "NAME";
    case WF_TOK_NUMBER: return "NUMBER";
    case WF_TOK_STRING: return "STRING";
    case WF_TOK_NEWLINE: return "NEWLINE";
    case WF_TOK_INDENT: return "INDENT";
    case WF_TOK_DEDENT: return "DEDENT";
    case WF_TOK_ERROR: return "ERRORTOKEN";
#define WF_X(name, text) case WF_TOK_##name: return "'" text "'";
    WF_TOKEN_OP_LIST(WF_X)
#undef WF_X
#define WF_X(name, text) case WF_TOK_KW_##name: return "'" text "'";
    WF_TOKEN_KEYWORD_LIST(WF_X)
#undef WF_X
    case WF_TOK_TYPE_COUNT: break;
    }
    return "?";
}
