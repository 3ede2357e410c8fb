// ast_dump.c — test driver: parses a file with weft's parser and prints
// the tree exactly as Python 3.11's ast.dump(ast.parse(src)) does (or the
// syntax error, for differential tests against /usr/bin/python3).
//
// Invariant: the output depends only on the tree; every field is printed
// through the generic descriptors of ast.h, so a node kind added to
// ast_nodes.h is dumped without changes here.
//
// Usage: ast_dump [-a] [-m exec|eval|single] [-n REPEAT] FILE
//   -a  include position attributes (ast.dump(..., include_attributes=True))
//   -n  parse REPEAT times, print nothing (timing)
// On a syntax error prints "ERROR Kind|msg|lineno|offset|end_lineno|
// end_offset" and exits with status 1.
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../../src/parse/parser.h"
#include "../../src/parse/tokenizer.h"

typedef struct Out {
    char *data;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 4096;
        while (nc < o->len + n + 1) nc *= 2;
        o->data = realloc(o->data, nc);
        if (o->data == NULL) {
            fprintf(stderr, "out of memory\n");
            exit(2);
        }
        o->cap = nc;
    }
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

static void out_str(Out *o, const char *s) { out_add(o, s, strlen(s)); }

static void out_fmt(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void out_fmt(Out *o, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_add(o, buf, (size_t)n);
}

// ---- reprs -------------------------------------------------------------

static bool printable(int cp) {
    if (cp < 0x20 || cp == 0x7f) return false;
    if (cp < 0x7f) return true;
    return wf_tokenizer_is_printable(cp);
}

// Decodes UTF-8 leniently (surrogates allowed); returns length.
static int decode(const unsigned char *s, size_t n, int *cp) {
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = (int)c;
        return 1;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if ((size_t)len > n) len = (int)n;
    unsigned v = c & (len == 4 ? 0x07 : len == 3 ? 0x0F : 0x1F);
    for (int i = 1; i < len; i++) v = (v << 6) | (s[i] & 0x3F);
    *cp = (int)v;
    return len;
}

static void repr_str(Out *o, const char *s, size_t n) {
    bool has_sq = memchr(s, '\'', n) != NULL;
    bool has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    out_add(o, &q, 1);
    size_t i = 0;
    while (i < n) {
        int cp;
        int l = decode((const unsigned char *)s + i, n - i, &cp);
        if (cp == q || cp == '\\') {
            out_fmt(o, "\\%c", cp);
        } else if (cp == '\t') {
            out_str(o, "\\t");
        } else if (cp == '\n') {
            out_str(o, "\\n");
        } else if (cp == '\r') {
            out_str(o, "\\r");
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            out_fmt(o, "\\u%04x", cp);
        } else if (!printable(cp)) {
            if (cp < 0x100) {
                out_fmt(o, "\\x%02x", cp);
            } else if (cp < 0x10000) {
                out_fmt(o, "\\u%04x", cp);
            } else {
                out_fmt(o, "\\U%08x", cp);
            }
        } else {
            out_add(o, s + i, (size_t)l);
        }
        i += (size_t)l;
    }
    out_add(o, &q, 1);
}

static void repr_bytes(Out *o, const char *s, size_t n) {
    bool has_sq = memchr(s, '\'', n) != NULL;
    bool has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    out_str(o, "b");
    out_add(o, &q, 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)q || c == '\\') {
            out_fmt(o, "\\%c", c);
        } else if (c == '\t') {
            out_str(o, "\\t");
        } else if (c == '\n') {
            out_str(o, "\\n");
        } else if (c == '\r') {
            out_str(o, "\\r");
        } else if (c < 0x20 || c >= 0x7f) {
            out_fmt(o, "\\x%02x", c);
        } else {
            out_add(o, (const char *)&c, 1);
        }
    }
    out_add(o, &q, 1);
}

// Arbitrary-precision base conversion of a digit string to decimal.
static void repr_int(Out *o, const char *digits, size_t n, int base) {
    // Little-endian limbs of 10^9.
    size_t cap = n + 2;
    uint32_t *limbs = calloc(cap, sizeof(uint32_t));
    size_t nl = 1;
    for (size_t i = 0; i < n; i++) {
        char ch = digits[i];
        int d = ch >= '0' && ch <= '9' ? ch - '0'
                : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                                         : ch - 'A' + 10;
        uint64_t carry = (uint64_t)d;
        for (size_t k = 0; k < nl; k++) {
            uint64_t v = (uint64_t)limbs[k] * (uint64_t)base + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry) {
            limbs[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    out_fmt(o, "%u", limbs[nl - 1]);
    for (size_t k = nl - 1; k-- > 0;) out_fmt(o, "%09u", limbs[k]);
    free(limbs);
}

// Python's float repr (shortest round-trip, repr formatting rules).
static void repr_double(Out *o, double x, bool add_dot_0) {
    if (isinf(x)) {
        out_str(o, x > 0 ? "inf" : "-inf");
        return;
    }
    if (isnan(x)) {
        out_str(o, "nan");
        return;
    }
    char buf[64];
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x) break;
    }
    // buf: [-]d.ddde[+-]XX
    char digits[32];
    int nd = 0;
    const char *s = buf;
    bool neg = false;
    if (*s == '-') {
        neg = true;
        s++;
    }
    while (*s && *s != 'e') {
        if (*s != '.') digits[nd++] = *s;
        s++;
    }
    int exp10 = atoi(s + 1);
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    int decpt = exp10 + 1; // value = 0.d1d2... * 10^decpt
    if (neg) out_str(o, "-");
    if (x == 0) {
        out_str(o, add_dot_0 ? "0.0" : "0");
        return;
    }
    if (decpt <= -4 || decpt > 16) {
        out_add(o, digits, 1);
        if (nd > 1) {
            out_str(o, ".");
            out_add(o, digits + 1, (size_t)(nd - 1));
        }
        out_fmt(o, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
        return;
    }
    if (decpt <= 0) {
        out_str(o, "0.");
        for (int i = 0; i < -decpt; i++) out_str(o, "0");
        out_add(o, digits, (size_t)nd);
        return;
    }
    if (nd <= decpt) {
        out_add(o, digits, (size_t)nd);
        for (int i = nd; i < decpt; i++) out_str(o, "0");
        if (add_dot_0) out_str(o, ".0");
        return;
    }
    out_add(o, digits, (size_t)decpt);
    out_str(o, ".");
    out_add(o, digits + decpt, (size_t)(nd - decpt));
}

static void repr_const(Out *o, const WfAstConstant *c) {
    switch (c->kind) {
    case WF_CONST_NONE: out_str(o, "None"); break;
    case WF_CONST_TRUE: out_str(o, "True"); break;
    case WF_CONST_FALSE: out_str(o, "False"); break;
    case WF_CONST_ELLIPSIS: out_str(o, "Ellipsis"); break;
    case WF_CONST_INT: repr_int(o, c->data, c->len, c->base); break;
    case WF_CONST_FLOAT: repr_double(o, strtod(c->data, NULL), true); break;
    case WF_CONST_IMAGINARY:
        repr_double(o, strtod(c->data, NULL), false);
        out_str(o, "j");
        break;
    case WF_CONST_STR: repr_str(o, c->data, c->len); break;
    case WF_CONST_BYTES: repr_bytes(o, c->data, c->len); break;
    }
}

// ---- the walker ----------------------------------------------------------

static bool include_attributes = false;

static void dump(Out *o, const WfAstNode *n);

static void dump_seq(Out *o, const WfAstSeq *s) {
    out_str(o, "[");
    for (int i = 0; i < s->len; i++) {
        if (i) out_str(o, ", ");
        if (s->items[i] == NULL) {
            out_str(o, "None");
        } else {
            dump(o, s->items[i]);
        }
    }
    out_str(o, "]");
}

static void dump(Out *o, const WfAstNode *n) {
    const WfAstKindInfo *info = wf_ast_kind_info(n->kind);
    out_str(o, info->name);
    out_str(o, "(");
    bool first = true;
    for (int i = 0; i < info->nfields; i++) {
        const WfAstFieldInfo *f = &info->fields[i];
        const char *base = (const char *)n + f->offset;
        // Skip absent optional fields, as ast.dump does for None.
        if ((f->type == WF_AST_FT_OPT) && *(WfAstNode *const *)base == NULL) {
            continue;
        }
        if (f->type == WF_AST_FT_OPTIDENT && *(const char *const *)base == NULL) {
            continue;
        }
        if (!first) out_str(o, ", ");
        first = false;
        out_str(o, f->name);
        out_str(o, "=");
        switch (f->type) {
        case WF_AST_FT_NODE:
        case WF_AST_FT_OPT: dump(o, *(WfAstNode *const *)base); break;
        case WF_AST_FT_SEQ: dump_seq(o, *(WfAstSeq *const *)base); break;
        case WF_AST_FT_IDENT:
        case WF_AST_FT_OPTIDENT: {
            const char *s = *(const char *const *)base;
            repr_str(o, s, strlen(s));
            break;
        }
        case WF_AST_FT_IDENTS: {
            const WfAstIdentSeq *s = *(WfAstIdentSeq *const *)base;
            out_str(o, "[");
            for (int k = 0; k < s->len; k++) {
                if (k) out_str(o, ", ");
                repr_str(o, s->items[k], strlen(s->items[k]));
            }
            out_str(o, "]");
            break;
        }
        case WF_AST_FT_INT: out_fmt(o, "%d", *(const int *)base); break;
        case WF_AST_FT_CTX:
            out_fmt(o, "%s()", wf_ast_context_name(*(const WfAstExprContext *)base));
            break;
        case WF_AST_FT_BOOLOP:
            out_fmt(o, "%s()", wf_ast_boolop_name(*(const WfAstBoolOp *)base));
            break;
        case WF_AST_FT_OPERATOR:
            out_fmt(o, "%s()", wf_ast_operator_name(*(const WfAstOperator *)base));
            break;
        case WF_AST_FT_UNARYOP:
            out_fmt(o, "%s()", wf_ast_unaryop_name(*(const WfAstUnaryOp *)base));
            break;
        case WF_AST_FT_CMPOPS: {
            const WfAstIntSeq *s = *(WfAstIntSeq *const *)base;
            out_str(o, "[");
            for (int k = 0; k < s->len; k++) {
                if (k) out_str(o, ", ");
                out_fmt(o, "%s()", wf_ast_cmpop_name((WfAstCmpOp)s->items[k]));
            }
            out_str(o, "]");
            break;
        }
        case WF_AST_FT_CONST: repr_const(o, (const WfAstConstant *)base); break;
        }
    }
    if (include_attributes && info->category != WF_AST_CAT_MOD &&
        info->category != WF_AST_CAT_AUXNP) {
        out_fmt(o, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                first ? "" : ", ", n->lineno, n->col_offset, n->end_lineno,
                n->end_col_offset);
    }
    out_str(o, ")");
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    WfParseMode mode = WF_PARSE_FILE;
    const char *path = NULL;
    int repeat = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-a") == 0) {
            include_attributes = true;
        } else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            i++;
            mode = strcmp(argv[i], "eval") == 0     ? WF_PARSE_EVAL
                   : strcmp(argv[i], "single") == 0 ? WF_PARSE_SINGLE
                                                    : WF_PARSE_FILE;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
        } else {
            path = argv[i];
        }
    }
    if (path == NULL) {
        fprintf(stderr, "usage: ast_dump [-a] [-m exec|eval|single] FILE\n");
        return 2;
    }
    size_t len = 0;
    char *src = read_file(path, &len);
    if (src == NULL) {
        perror(path);
        return 2;
    }
    if (repeat > 0) {
        for (int i = 0; i < repeat; i++) {
            WfArena *arena = wf_arena_new();
            WfSyntaxErrorInfo err;
            wf_parser_parse(arena, src, len, path, mode, &err);
            wf_arena_free(arena);
        }
        free(src);
        return 0;
    }
    WfArena *arena = wf_arena_new();
    WfSyntaxErrorInfo err;
    WfAstNode *mod = wf_parser_parse(arena, src, len, path, mode, &err);
    int status = 0;
    if (mod == NULL) {
        printf("ERROR %s|%s|%d|%d|%d|%d\n", wf_parser_error_kind_name(err.kind),
               err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset);
        status = 1;
    } else {
        Out o = {0};
        dump(&o, mod);
        out_add(&o, "\n", 1);
        fwrite(o.data, 1, o.len, stdout);
        free(o.data);
    }
    wf_arena_free(arena);
    free(src);
    return status;
}
