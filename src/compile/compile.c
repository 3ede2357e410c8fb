// compile.c — the compiler's entry point: parse (src/parse) → future
// statements → symbol table → code generation → assembly. Also the shared
// helpers: SyntaxError construction with CPython's fields, name mangling,
// interning and source segments.
//
// Invariant: wf_compile_source owns the parse arena, the symbol table and the
// compiler units for the duration of one call and frees them on every path;
// it returns a new code object or NULL with exactly one exception pending.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compile/codegen.h"
#include "compile/compile.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "parse/parser.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"

// ---------------------------------------------------------------------------
// Source helpers

int wf_compile_source_init(WfCompileSource *cs, const char *src, size_t len, WfObject *filename) {
    memset(cs, 0, sizeof *cs);
    cs->src = src;
    cs->len = len;
    cs->filename = filename;
    cs->future_lineno = -1;
    cs->future_col = -1;
    int n = 1;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n') n++;
    cs->line_starts = wf_mem_malloc(sizeof(size_t) * (size_t)(n + 1));
    if (!cs->line_starts) {
        wf_err_no_memory();
        return -1;
    }
    cs->line_starts[0] = 0;
    int k = 1;
    for (size_t i = 0; i < len; i++)
        if (src[i] == '\n') cs->line_starts[k++] = i + 1;
    cs->nlines = k;
    return 0;
}

void wf_compile_source_fini(WfCompileSource *cs) {
    wf_mem_free(cs->line_starts);
    cs->line_starts = NULL;
}

static size_t pos_of(WfCompileSource *cs, int lineno, int col) {
    if (lineno < 1) return 0;
    if (lineno > cs->nlines) return cs->len;
    size_t p = cs->line_starts[lineno - 1] + (size_t)(col < 0 ? 0 : col);
    return p > cs->len ? cs->len : p;
}

WfObject *wf_compile_source_segment(WfCompileSource *cs, const WfAstNode *n) {
    size_t a = pos_of(cs, n->lineno, n->col_offset), b = pos_of(cs, n->end_lineno, n->end_col_offset);
    if (b < a) b = a;
    return wf_str_from_utf8(cs->src + a, (wf_ssize)(b - a));
}

WfObject *wf_compile_intern(const char *s) { return wf_str_intern_cstr(s); }

WfObject *wf_compile_mangle(WfObject *private_name, WfObject *name) {
    if (!private_name) return name;
    wf_ssize nlen;
    const char *id = wf_str_as_utf8(name, &nlen);
    if (!id) return NULL;
    if (nlen < 2 || id[0] != '_' || id[1] != '_') return name;
    if ((id[nlen - 1] == '_' && id[nlen - 2] == '_') || memchr(id, '.', (size_t)nlen)) return name;
    wf_ssize plen;
    const char *priv = wf_str_as_utf8(private_name, &plen);
    if (!priv) return NULL;
    wf_ssize ipriv = 0;
    while (ipriv < plen && priv[ipriv] == '_') ipriv++;
    if (ipriv == plen) return name;
    size_t total = 1 + (size_t)(plen - ipriv) + (size_t)nlen;
    char *buf = wf_mem_malloc(total + 1);
    if (!buf) {
        wf_err_no_memory();
        return NULL;
    }
    buf[0] = '_';
    memcpy(buf + 1, priv + ipriv, (size_t)(plen - ipriv));
    memcpy(buf + 1 + (plen - ipriv), id, (size_t)nlen);
    buf[total] = 0;
    WfObject *r = wf_str_intern_cstr(buf);
    wf_mem_free(buf);
    return r;
}

// ---------------------------------------------------------------------------
// SyntaxError

// Offsets below WF_NO_OFFSET + 1 stand for None (CPython leaves some unset).
#define WF_NO_OFFSET (-100)
static WfObject *int_or_none(int v) { return v <= WF_NO_OFFSET + 1 ? wf_None : wf_smallint_new(v); }

// short_args: the exception's args are just (msg,) with the position set as
// attributes, as CPython's PyErr_SyntaxLocationObject does for symbol-table
// and future-statement errors.
static int raise_syntax_error(WfTypeObject *type, const char *msg, WfObject *filename, int lineno, int offset,
                              WfObject *text, int end_lineno, int end_offset, bool short_args) {
    WfObject *m = wf_str_from_cstr(msg);
    if (!m) {
        wf_err_clear();
        m = wf_str_from_utf8_surrogateescape(msg, (wf_ssize)strlen(msg));
        if (!m) return -1;
    }
    WfObject *fn = filename ? filename : wf_None;
    WfObject *details = wf_tuple_pack(6, fn, int_or_none(lineno), int_or_none(offset), text ? text : wf_None,
                                      int_or_none(end_lineno), int_or_none(end_offset));
    if (!details) {
        wf_decref(m);
        return -1;
    }
    WfObject *args[2] = { m, details };
    WfObject *exc = wf_exception_new(type, args, 2);
    wf_decref(details);
    if (!exc) {
        wf_decref(m);
        return -1;
    }
    if (short_args) {
        WfObject *a = wf_tuple_pack(1, m);
        if (!a || wf_object_setattr_cstr(exc, "args", a) < 0) {
            WF_XDECREF(a);
            wf_decref(m);
            wf_decref(exc);
            return -1;
        }
        wf_decref(a);
    }
    wf_decref(m);
    wf_err_set_exc_take(exc);
    return -1;
}

// The source line `lineno` read from the file, as CPython's
// PyErr_ProgramTextObject (None for "<string>"-like names or unreadable files).
static WfObject *program_text(WfObject *filename, int lineno) {
    if (!filename || lineno < 1) return NULL;
    const char *fn = wf_str_as_utf8_borrow(filename);
    if (!fn) {
        wf_err_clear();
        return NULL;
    }
    if (fn[0] == '<') return NULL;
    FILE *f = fopen(fn, "rb");
    if (!f) return NULL;
    char *line = NULL;
    size_t cap = 0, len = 0;
    int cur = 1, ch;
    bool found = false;
    while ((ch = fgetc(f)) != EOF) {
        if (cur == lineno) {
            if (len + 2 > cap) {
                size_t ncap = cap ? cap * 2 : 128;
                char *n = wf_mem_realloc(line, ncap);
                if (!n) break;
                line = n;
                cap = ncap;
            }
            line[len++] = (char)ch;
            found = true;
        }
        if (ch == '\n') {
            if (cur == lineno) break;
            cur++;
        }
    }
    fclose(f);
    WfObject *r = NULL;
    if (found && line) {
        const char *p = line;
        size_t n = len;
        if (lineno == 1 && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
            p += 3;
            n -= 3;
        }
        r = wf_str_decode(p, (wf_ssize)n, "utf-8", "replace");
        if (!r) wf_err_clear();
    }
    wf_mem_free(line);
    return r;
}

static int compile_error_v(WfCompileSource *cs, bool short_args, int lineno, int col, int end_lineno, int end_col,
                           const char *fmt, va_list ap) {
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    WfObject *text = program_text(cs->filename, lineno);
    raise_syntax_error(&wf_exc_SyntaxError, buf, cs->filename, lineno, col + 1, text, end_lineno, end_col + 1,
                       short_args);
    WF_XDECREF(text);
    return -1;
}

int wf_compile_error(WfCompileSource *cs, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    compile_error_v(cs, false, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return -1;
}

int wf_compile_error_located(WfCompileSource *cs, int lineno, int col, int end_lineno, int end_col, const char *fmt,
                             ...) {
    va_list ap;
    va_start(ap, fmt);
    compile_error_v(cs, true, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
    return -1;
}

int wf_compile_error_node(WfCompileSource *cs, const WfAstNode *n, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return wf_compile_error(cs, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, "%s", buf);
}

// Until runtime/error.c provides it, fall back to printing as the default filter would.
extern int wf_err_warn_explicit(WfTypeObject *category, const char *msg, WfObject *filename, int lineno)
    __attribute__((weak));

int wf_compile_warn(WfCompileSource *cs, int lineno, int col, int end_lineno, int end_col, const char *msg) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a of the message
    for (const char *p = msg; *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
    for (int i = 0; i < cs->nwarned; i++)
        if (cs->warned[i].lineno == lineno && cs->warned[i].hash == h) return 0;
    if (cs->nwarned < (int)(sizeof cs->warned / sizeof cs->warned[0]))
        cs->warned[cs->nwarned++] = (__typeof__(cs->warned[0])){ lineno, h };
    if (wf_err_warn_explicit) {
        if (wf_err_warn_explicit(&wf_exc_SyntaxWarning, msg, cs->filename, lineno) < 0) {
            if (wf_err_matches(&wf_exc_SyntaxWarning)) {
                wf_err_clear();
                wf_compile_error(cs, lineno, col, end_lineno, end_col, "%s", msg);
            }
            return -1;
        }
        return 0;
    }
    const char *fn = cs->filename ? wf_str_as_utf8_borrow(cs->filename) : "<string>";
    if (!fn) {
        wf_err_clear();
        fn = "?";
    }
    fflush(stdout);
    fprintf(stderr, "%s:%d: SyntaxWarning: %s\n", fn, lineno, msg);
    if (fn[0] != '<' && lineno >= 1 && lineno <= cs->nlines) {
        size_t a = cs->line_starts[lineno - 1], b = a;
        while (b < cs->len && cs->src[b] != '\n') b++;
        while (a < b && (cs->src[a] == ' ' || cs->src[a] == '\t')) a++;
        while (b > a && (cs->src[b - 1] == ' ' || cs->src[b - 1] == '\t' || cs->src[b - 1] == '\r')) b--;
        fprintf(stderr, "  %.*s\n", (int)(b - a), cs->src + a);
    }
    return 0;
}

static void raise_parse_error(const WfSyntaxErrorInfo *err, WfObject *filename) {
    switch (err->kind) {
    case WF_SYNTAX_ERROR_MEMORY:
        wf_err_no_memory();
        return;
    case WF_SYNTAX_ERROR_VALUE:
        wf_err_set_string(&wf_exc_ValueError, err->msg);
        return;
    default:
        break;
    }
    WfTypeObject *type = err->kind == WF_SYNTAX_ERROR_INDENTATION ? &wf_exc_IndentationError
                         : err->kind == WF_SYNTAX_ERROR_TAB       ? &wf_exc_TabError
                                                                  : &wf_exc_SyntaxError;
    WfObject *text = NULL;
    if (err->text) {
        text = wf_str_from_utf8(err->text, (wf_ssize)strlen(err->text));
        if (!text) {
            wf_err_clear();
            text = wf_str_decode(err->text, (wf_ssize)strlen(err->text), "utf-8", "replace");
            if (!text) wf_err_clear();
        }
    }
    raise_syntax_error(type, err->msg, filename, err->lineno, err->offset, text, err->end_lineno, err->end_offset,
                       false);
    WF_XDECREF(text);
}

// ---------------------------------------------------------------------------
// Future statements

static int future_check_features(WfCompileSource *cs, const WfAstNode *s) {
    const WfAstSeq *names = s->v.ImportFrom.names;
    for (int i = 0; i < names->len; i++) {
        const WfAstNode *a = names->items[i];
        const char *f = a->v.alias.name;
        if (!strcmp(f, "nested_scopes") || !strcmp(f, "generators") || !strcmp(f, "division") ||
            !strcmp(f, "absolute_import") || !strcmp(f, "with_statement") || !strcmp(f, "print_function") ||
            !strcmp(f, "unicode_literals") || !strcmp(f, "generator_stop"))
            continue;
        if (!strcmp(f, "barry_as_FLUFL")) {
            cs->future_features |= WF_FUTURE_BARRY;
        } else if (!strcmp(f, "annotations")) {
            cs->future_features |= WF_FUTURE_ANNOTATIONS;
        } else if (!strcmp(f, "braces")) {
            // CPython 3.11 positions future errors at the statement, without an end offset.
            return wf_compile_error_located(cs, s->lineno, s->col_offset, s->lineno, WF_NO_OFFSET, "not a chance");
        } else {
            return wf_compile_error_located(cs, s->lineno, s->col_offset, s->lineno, WF_NO_OFFSET,
                                            "future feature %.100s is not defined", f);
        }
    }
    return 0;
}

static int future_parse(WfCompileSource *cs, const WfAstNode *mod) {
    const WfAstSeq *body;
    if (mod->kind == WF_AST_Module) body = mod->v.Module.body;
    else if (mod->kind == WF_AST_Interactive) body = mod->v.Interactive.body;
    else return 0;
    int i = 0;
    WfObject *doc = wf_cg_docstring(body);
    if (doc) {
        wf_decref(doc);
        i = 1;
    }
    for (; i < body->len; i++) {
        const WfAstNode *s = body->items[i];
        if (s->kind != WF_AST_ImportFrom || !s->v.ImportFrom.module ||
            strcmp(s->v.ImportFrom.module, "__future__") != 0)
            return 0;
        RETURN_IF_ERROR(future_check_features(cs, s));
        cs->future_lineno = s->lineno;
        cs->future_col = s->col_offset;
    }
    return 0;
}

// ---------------------------------------------------------------------------

WfCodeObject *wf_compile_source(const char *src, size_t len, WfObject *filename, int mode, int optimize) {
    if (!(wf_code_type.tp_flags & WF_TPFLAGS_READY) && wf_code_init() < 0) return NULL;
    WfArena *arena = wf_arena_new();
    if (!arena) {
        wf_err_no_memory();
        return NULL;
    }
    WfCodeObject *co = NULL;
    if (!filename) filename = wf_str_intern_cstr("<string>");
    const char *fn = filename ? wf_str_as_utf8_borrow(filename) : NULL;
    if (!fn) {
        wf_arena_free(arena);
        return NULL;
    }
    WfParseMode pmode = mode == WF_COMPILE_EVAL ? WF_PARSE_EVAL : mode == WF_COMPILE_SINGLE ? WF_PARSE_SINGLE : WF_PARSE_FILE;
    WfSyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    WfAstNode *mod = wf_parser_parse(arena, src, len, fn, pmode, &err);
    if (!mod) {
        if (err.kind == WF_SYNTAX_ERROR_NONE) wf_err_set_string(&wf_exc_SystemError, "parser failed without an error");
        else raise_parse_error(&err, filename);
        wf_arena_free(arena);
        return NULL;
    }
    WfCompileSource cs;
    if (wf_compile_source_init(&cs, src, len, filename) < 0) {
        wf_arena_free(arena);
        return NULL;
    }
    cs.optimize = optimize < 0 ? wf_runtime.flag_optimize : optimize;
    WfSymtable st;
    memset(&st, 0, sizeof st);
    if (future_parse(&cs, mod) >= 0 && wf_symtable_build(&st, &cs, mod) >= 0) {
        WfCompiler c;
        memset(&c, 0, sizeof c);
        c.cs = &cs;
        c.st = &st;
        co = wf_cg_compile_module(&c, mod);
        while (c.u) wf_cg_exit_scope(&c);
    }
    wf_symtable_free(&st);
    wf_compile_source_fini(&cs);
    wf_arena_free(arena);
    return co;
}
