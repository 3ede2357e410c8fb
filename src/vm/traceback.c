// traceback.c — traceback objects and printing exceptions in CPython 3.11's
// format (chained exceptions, repeated-line folding, SyntaxError carets,
// "Did you mean" suggestions for NameError / AttributeError, __notes__).
//
// Invariants: a traceback entry is immutable except tb_next (settable from
// Python, checked against loops). Entries are created innermost-first as an
// exception propagates: exc.__traceback__ is the outermost frame's entry and
// tb_next leads towards the frame that raised. Printing builds the whole text
// first and writes it with one file.write() call.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "parse/parser.h"
#include "runtime/error.h"
#include "runtime/frozen.h"
#include "vm/eval_internal.h"
#include "vm/frameobject.h"

typedef struct WfTracebackObject {
    WfObject ob_base;
    struct WfTracebackObject *tb_next;
    WfFrameObject *tb_frame;
    int tb_lasti;
    int tb_lineno;
} WfTracebackObject;

#define TB(o) ((WfTracebackObject *)(o))

static WfObject *tb_create(WfObject *next, WfFrameObject *frame, int lasti, int lineno) {
    WfTracebackObject *tb = (WfTracebackObject *)wf_object_alloc(&wf_traceback_type);
    if (!tb) return NULL;
    tb->tb_next = (WfTracebackObject *)wf_xnewref(next);
    tb->tb_frame = (WfFrameObject *)wf_newref((WfObject *)frame);
    tb->tb_lasti = lasti;
    tb->tb_lineno = lineno;
    return (WfObject *)tb;
}

int wf_traceback_here(WfFrame *f) {
    WfObject *exc = wf_err_occurred_borrow();
    if (!exc || !wf_exception_check(exc)) return 0;
    WfObject *saved = wf_err_fetch();
    WfFrameObject *fo = wf_frame_get_object(f);
    WfObject *tb = NULL;
    if (fo) tb = tb_create(wf_exception_get_traceback(saved), fo, (int)wf_frame_lasti(f) * 2, wf_frame_line(f));
    if (!tb) {
        wf_err_clear();
        wf_err_restore(saved);
        return -1;
    }
    wf_exception_set_traceback(saved, tb);
    wf_decref(tb);
    wf_err_restore(saved);
    return 0;
}

void wf_traceback_add_current(void) {
    WfThreadState *ts = wf_tstate();
    if (ts && ts->current_frame) wf_traceback_here(ts->current_frame);
}

static void tb_dealloc(WfObject *o) {
    wf_xdecref((WfObject *)TB(o)->tb_next);
    wf_xdecref((WfObject *)TB(o)->tb_frame);
    o->ob_type->tp_free(o);
}

static int tb_traverse(WfObject *o, WfVisitProc visit, void *arg) {
    if (TB(o)->tb_next) {
        int r = visit((WfObject *)TB(o)->tb_next, arg);
        if (r) return r;
    }
    return TB(o)->tb_frame ? visit((WfObject *)TB(o)->tb_frame, arg) : 0;
}

static WfObject *tb_get_next(WfObject *o, void *c) {
    return wf_newref(TB(o)->tb_next ? (WfObject *)TB(o)->tb_next : wf_None);
}
static int tb_set_next(WfObject *o, WfObject *v, void *c) {
    if (!v) {
        wf_err_set_string(&wf_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == wf_None) v = NULL;
    else if (wf_type_of(v) != &wf_traceback_type) {
        wf_err_format(&wf_exc_TypeError, "expected traceback object or None, got '%s'", WF_TYPE(v)->tp_name);
        return -1;
    }
    for (WfTracebackObject *cur = TB(v); cur; cur = cur->tb_next) {
        if (cur == TB(o)) {
            wf_err_set_string(&wf_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    WF_SETREF(TB(o)->tb_next, (WfTracebackObject *)wf_xnewref(v));
    return 0;
}
static WfObject *tb_get_frame(WfObject *o, void *c) { return wf_newref((WfObject *)TB(o)->tb_frame); }
static WfObject *tb_get_lasti(WfObject *o, void *c) { return wf_smallint_new(TB(o)->tb_lasti); }
static WfObject *tb_get_lineno(WfObject *o, void *c) {
    return TB(o)->tb_lineno < 0 ? wf_None : wf_smallint_new(TB(o)->tb_lineno);
}

static const WfGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

// types.TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)
static WfObject *tb_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames))
        return wf_err_format(&wf_exc_TypeError, "traceback() takes no keyword arguments");
    if (nargs != 4)
        return wf_err_format(&wf_exc_TypeError, "traceback expected 4 arguments, got %zd", (wf_ssize)nargs);
    WfObject *next = args[0] == wf_None ? NULL : args[0];
    if (next && wf_type_of(next) != &wf_traceback_type)
        return wf_err_format(&wf_exc_TypeError, "expected traceback object or None, got '%s'", WF_TYPE(next)->tp_name);
    if (wf_type_of(args[1]) != &wf_frame_type)
        return wf_err_format(&wf_exc_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %s",
                             WF_TYPE(args[1])->tp_name);
    wf_ssize lasti = wf_int_as_ssize(args[2]);
    if (lasti == -1 && wf_err_occurred()) return NULL;
    wf_ssize lineno = wf_int_as_ssize(args[3]);
    if (lineno == -1 && wf_err_occurred()) return NULL;
    return tb_create(next, (WfFrameObject *)args[1], (int)lasti, (int)lineno);
}

static const WfMethodDef tb_methods[] = {
    WF_METHOD_END,
};

WfTypeObject wf_traceback_type = {
    WF_STATIC_TYPE_HEAD,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(WfTracebackObject),
    .tp_flags = WF_TPFLAGS_HAVE_GC | WF_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno)\n--\n\nCreate a new traceback object.",
    .tp_dealloc = tb_dealloc,
    .tp_getattro = wf_object_generic_getattr,
    .tp_setattro = wf_object_generic_setattr,
    .tp_new = tb_new,
    .tp_traverse = tb_traverse,
    .tp_getset = tb_getset,
    .tp_methods = tb_methods,
};

// ---------------------------------------------------------------------------
// Source lines

// Contents of a source file or frozen module (wf_mem_malloc'd, NUL-terminated)
// or NULL.
static char *read_source(const char *filename) {
    if (!filename) return NULL;
    if (strncmp(filename, "<frozen ", 8) == 0) {
        size_t n = strlen(filename);
        for (const WfFrozenModule *m = wf_frozen_modules; m->name; m++) {
            if (strlen(m->name) == n - 9 && strncmp(m->name, filename + 8, n - 9) == 0 && filename[n - 1] == '>')
                return wf_mem_strndup(m->source, m->size);
        }
        return NULL;
    }
    if (filename[0] == '<') return NULL;
    FILE *fp = fopen(filename, "rb");
    if (!fp) return NULL;
    size_t cap = 8192, len = 0;
    char *buf = wf_mem_malloc(cap);
    while (buf) {
        size_t n = fread(buf + len, 1, cap - len - 1, fp);
        len += n;
        if (n == 0) break;
        if (len + 1 >= cap) {
            cap *= 2;
            char *nb = wf_mem_realloc(buf, cap);
            if (!nb) {
                wf_mem_free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(fp);
    if (buf) buf[len] = 0;
    return buf;
}

// Line `lineno` (1-based) of `src`: start and length (without the newline).
static bool find_line(const char *src, int lineno, const char **start, size_t *len) {
    const char *p = src;
    for (int i = 1; i < lineno; i++) {
        p = strchr(p, '\n');
        if (!p) return false;
        p++;
    }
    const char *e = p;
    while (*e && *e != '\n' && *e != '\r') e++;
    if (!*p && lineno > 1 && p == e) return false;
    *start = p;
    *len = (size_t)(e - p);
    return true;
}

typedef struct {
    char *filename;  // cached source
    char *source;
} SourceCache;

static void source_cache_free(SourceCache *c) {
    wf_mem_free(c->filename);
    wf_mem_free(c->source);
}

static const char *cached_source(SourceCache *c, const char *filename) {
    if (c->filename && strcmp(c->filename, filename) == 0) return c->source;
    source_cache_free(c);
    c->filename = wf_mem_strdup(filename);
    c->source = read_source(filename);
    return c->source;
}

// ---------------------------------------------------------------------------
// Printing

typedef struct {
    WfStrBuilder b;
    int failed;
    SourceCache cache;
} Out;

static void out_ascii(Out *o, const char *s) {
    if (!o->failed && wf_str_builder_append_utf8(&o->b, s, (wf_ssize)strlen(s)) < 0) o->failed = 1;
}
static void out_utf8(Out *o, const char *s, size_t n) {
    if (!o->failed && wf_str_builder_append_utf8(&o->b, s, (wf_ssize)n) < 0) o->failed = 1;
}
static void out_str(Out *o, WfObject *s) {
    if (!o->failed && wf_str_builder_append_str(&o->b, s) < 0) o->failed = 1;
}
static void out_fmt(Out *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    WfObject *s = wf_str_from_format_v(fmt, ap);
    va_end(ap);
    if (!s) {
        o->failed = 1;
        return;
    }
    out_str(o, s);
    wf_decref(s);
}

// Number of code points in the first `bytes` bytes of UTF-8 `s` (of length len).
static wf_ssize char_offset(const char *s, size_t len, wf_ssize bytes) {
    if (bytes > (wf_ssize)len) bytes = (wf_ssize)len;
    wf_ssize n = 0;
    for (wf_ssize i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

// Byte index of code point `chars` in UTF-8 `s`.
static size_t byte_index(const char *s, size_t len, wf_ssize chars) {
    size_t i = 0;
    wf_ssize n = 0;
    while (i < len) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == chars) return i;
            n++;
        }
        i++;
    }
    return len;
}

#define IS_WHITESPACE(c) (((c) == ' ') || ((c) == '\t') || ((c) == '\f'))

// CPython 3.11's extract_anchors_from_line: for a segment that parses as a
// binary operation or a subscript, the range of the operator / subscript.
// Offsets are character offsets into the line. Returns 1 when found.
static int extract_anchors(const char *seg, size_t seglen, wf_ssize start_offset, wf_ssize *left, wf_ssize *right,
                           const char **primary, const char **secondary) {
    WfArena *arena = wf_arena_new();
    if (!arena) return 0;
    WfSyntaxErrorInfo err;
    WfAstNode *mod = wf_parser_parse(arena, seg, seglen, "<traceback>", WF_PARSE_FILE, &err);
    int res = 0;
    if (mod && mod->kind == WF_AST_Module && mod->v.Module.body && mod->v.Module.body->len == 1) {
        WfAstNode *st = mod->v.Module.body->items[0];
        if (st->kind == WF_AST_Expr) {
            WfAstNode *e = st->v.Expr.value;
            if (e->kind == WF_AST_BinOp) {
                WfAstNode *l = e->v.BinOp.left, *r = e->v.BinOp.right;
                for (int i = l->end_col_offset; i < r->col_offset && i < (int)seglen; i++) {
                    if (IS_WHITESPACE(seg[i])) continue;
                    *left = i;
                    *right = i + 1;
                    if (i + 1 < r->col_offset && !IS_WHITESPACE(seg[i + 1])) ++*right;
                    *primary = "~";
                    *secondary = "^";
                    break;
                }
                res = 1;
            } else if (e->kind == WF_AST_Subscript) {
                *left = e->v.Subscript.value->end_col_offset;
                *right = e->v.Subscript.slice->end_col_offset + 1;
                *primary = "~";
                *secondary = "^";
                res = 1;
            }
        }
    }
    wf_arena_free(arena);
    if (res && *left >= 0 && *right >= 0) {
        *left = char_offset(seg, seglen, *left) + start_offset;
        *right = char_offset(seg, seglen, *right) + start_offset;
    } else if (res) {
        res = 0;
    }
    return res;
}

// The source line of a traceback entry and, as CPython 3.11, a line of
// carets under the failing expression (elided when it spans the whole line).
static void print_source_line(Out *o, WfObject *filename, int lineno, WfCodeObject *co, int lasti) {
    if (lineno <= 0 || !wf_str_check(filename)) return;
    const char *fn = wf_str_as_utf8_borrow(filename);
    if (!fn) {
        wf_err_clear();
        return;
    }
    const char *src = cached_source(&o->cache, fn);
    if (!src) return;
    const char *line;
    size_t len;
    if (!find_line(src, lineno, &line, &len)) return;
    size_t i = 0;
    while (i < len && IS_WHITESPACE(line[i])) i++;
    if (i == len) return;
    out_ascii(o, "    ");
    out_utf8(o, line + i, len - i);
    out_ascii(o, "\n");
    if (lasti < 0 || !co) return;
    WfCodeLocation loc = wf_code_location(co, lasti / 2);
    if (loc.line < 0 || loc.end_line < 0 || loc.col < 0 || loc.end_col < 0) return;
    wf_ssize line_chars = char_offset(line, len, (wf_ssize)len);
    wf_ssize indent = char_offset(line, len, (wf_ssize)i);
    wf_ssize start_offset = char_offset(line, len, loc.col);
    wf_ssize end_offset = char_offset(line, len, loc.end_col);
    wf_ssize left_end = -1, right_start = -1;
    const char *primary = "^", *secondary = "^";
    if (loc.line == loc.end_line) {
        if (end_offset > start_offset) {
            size_t b0 = byte_index(line, len, start_offset), b1 = byte_index(line, len, end_offset);
            extract_anchors(line + b0, b1 - b0, start_offset, &left_end, &right_start, &primary, &secondary);
        }
    } else {
        wf_ssize k = (wf_ssize)len;
        while (--k >= 0)
            if (!IS_WHITESPACE(line[k])) break;
        end_offset = char_offset(line, len, k + 1);
    }
    bool has_secondary = left_end != -1 || right_start != -1;
    if (end_offset - start_offset == line_chars - indent && !has_secondary) return;
    wf_ssize offset = indent - 4;
    while (++offset <= end_offset) {
        if (offset <= start_offset) out_ascii(o, " ");
        else if (has_secondary && left_end < offset && offset <= right_start) out_ascii(o, secondary);
        else out_ascii(o, primary);
    }
    out_ascii(o, "\n");
}

#define TB_RECURSIVE_CUTOFF 3

static void print_line_repeated(Out *o, long cnt) {
    cnt -= TB_RECURSIVE_CUTOFF;
    out_fmt(o, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

static long traceback_limit(void) {
    WfObject *lim = wf_runtime.sys_dict ? wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "tracebacklimit") : NULL;
    if (wf_err_occurred()) wf_err_clear();
    if (!lim || !wf_int_check(lim)) return 1000;
    long long v = wf_int_as_long_long(lim);
    if (v == -1 && wf_err_occurred()) {
        wf_err_clear();
        return 1000;
    }
    return v <= 0 ? 0 : (long)v;
}

static void print_tb(Out *o, WfObject *tbobj) {
    long limit = traceback_limit();
    if (limit <= 0) return;
    long depth = 0;
    for (WfTracebackObject *t = TB(tbobj); t; t = t->tb_next) depth++;
    WfTracebackObject *tb = TB(tbobj);
    while (depth > limit && tb) {
        depth--;
        tb = tb->tb_next;
    }
    out_ascii(o, "Traceback (most recent call last):\n");
    WfObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = tb->tb_next) {
        WfCodeObject *code = (WfCodeObject *)tb->tb_frame->f_code;
        if (last_file == NULL || code->co_filename != last_file || last_line == -1 || tb->tb_lineno != last_line ||
            last_name == NULL || code->co_name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF) print_line_repeated(o, cnt);
            last_file = code->co_filename;
            last_line = tb->tb_lineno;
            last_name = code->co_name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF) {
            out_fmt(o, "  File \"%U\", line %d, in %U\n", code->co_filename, tb->tb_lineno, code->co_name);
            print_source_line(o, code->co_filename, tb->tb_lineno, code, tb->tb_lasti);
        }
    }
    if (cnt > TB_RECURSIVE_CUTOFF) print_line_repeated(o, cnt);
}

// --- suggestions (CPython 3.11 Python/suggestions.c) ---

#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1
#define LEAST_FIVE_BITS(n) ((n) & 31)

static int substitution_cost(char a, char b) {
    if (LEAST_FIVE_BITS(a) != LEAST_FIVE_BITS(b)) return MOVE_COST;
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a += ('a' - 'A');
    if ('A' <= b && b <= 'Z') b += ('a' - 'A');
    if (a == b) return CASE_COST;
    return MOVE_COST;
}

static wf_ssize levenshtein_distance(const char *a, size_t a_size, const char *b, size_t b_size, size_t max_cost) {
    size_t buffer[MAX_STRING_SIZE];
    if (a == b) return 0;
    while (a_size && b_size && a[0] == b[0]) {
        a++;
        a_size--;
        b++;
        b_size--;
    }
    while (a_size && b_size && a[a_size - 1] == b[b_size - 1]) {
        a_size--;
        b_size--;
    }
    if (a_size == 0 || b_size == 0) return (wf_ssize)((a_size + b_size) * MOVE_COST);
    if (a_size > MAX_STRING_SIZE || b_size > MAX_STRING_SIZE) return (wf_ssize)max_cost + 1;
    if (b_size < a_size) {
        const char *t = a;
        a = b;
        b = t;
        size_t ts = a_size;
        a_size = b_size;
        b_size = ts;
    }
    if ((b_size - a_size) * MOVE_COST > max_cost) return (wf_ssize)max_cost + 1;
    size_t tmp = MOVE_COST;
    for (size_t i = 0; i < a_size; i++) {
        buffer[i] = tmp;
        tmp += MOVE_COST;
    }
    size_t result = 0;
    for (size_t b_index = 0; b_index < b_size; b_index++) {
        char code = b[b_index];
        size_t distance = result = b_index * MOVE_COST;
        size_t minimum = SIZE_MAX;
        for (size_t index = 0; index < a_size; index++) {
            size_t substitute = distance + (size_t)substitution_cost(code, a[index]);
            distance = buffer[index];
            size_t insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            buffer[index] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return (wf_ssize)max_cost + 1;
    }
    return (wf_ssize)result;
}

// Best candidate of `dir` (list of str) for `name`: borrowed or NULL.
static WfObject *calculate_suggestions(WfObject *dir, WfObject *name) {
    wf_ssize dir_size = wf_list_size(dir);
    if (dir_size >= MAX_CANDIDATE_ITEMS) return NULL;
    wf_ssize suggestion_distance = INTPTR_MAX;
    WfObject *suggestion = NULL;
    wf_ssize name_size;
    const char *name_str = wf_str_as_utf8(name, &name_size);
    if (!name_str) return NULL;
    for (wf_ssize i = 0; i < dir_size; i++) {
        WfObject *item = wf_list_get_borrow_unsafe(dir, i);
        if (!wf_str_check(item)) continue;
        wf_ssize item_size;
        const char *item_str = wf_str_as_utf8(item, &item_size);
        if (!item_str) return NULL;
        if (item_size == name_size && memcmp(item_str, name_str, (size_t)name_size) == 0) continue;
        wf_ssize max_distance = (name_size + item_size + 3) * MOVE_COST / 6;
        if (max_distance > suggestion_distance - 1) max_distance = suggestion_distance - 1;
        wf_ssize d = levenshtein_distance(name_str, (size_t)name_size, item_str, (size_t)item_size, (size_t)max_distance);
        if (d > max_distance) continue;
        if (!suggestion || d < suggestion_distance) {
            suggestion = item;
            suggestion_distance = d;
        }
    }
    return suggestion;
}

static WfObject *suggest_from_list(WfObject *list, WfObject *name) {
    if (!list) return NULL;
    WfObject *s = calculate_suggestions(list, name);
    wf_xincref(s);
    wf_decref(list);
    return s;
}

static WfObject *offer_suggestions(WfObject *exc) {
    WfTypeObject *t = wf_type_of(exc);
    if (t == &wf_exc_AttributeError) {
        WfAttributeErrorObject *ae = (WfAttributeErrorObject *)exc;
        if (!ae->name || !ae->obj || !wf_str_check_exact(ae->name)) return NULL;
        WfObject *dir = wf_object_dir(ae->obj);
        if (!dir) return NULL;
        if (!wf_list_check(dir)) {
            wf_decref(dir);
            return NULL;
        }
        return suggest_from_list(dir, ae->name);
    }
    if (t == &wf_exc_NameError) {
        WfNameErrorObject *ne = (WfNameErrorObject *)exc;
        WfObject *tbo = wf_exception_get_traceback(exc);
        if (!ne->name || !wf_str_check_exact(ne->name) || !tbo || wf_type_of(tbo) != &wf_traceback_type) return NULL;
        WfTracebackObject *tb = TB(tbo);
        while (tb->tb_next) tb = tb->tb_next;
        WfFrameObject *fo = tb->tb_frame;
        WfCodeObject *co = (WfCodeObject *)fo->f_code;
        WfObject *varnames = wf_list_new(0);
        if (!varnames) return NULL;
        for (int i = 0; i < co->co_nlocalsplus; i++) {
            if (!(co->co_localspluskinds[i] & WF_CO_FAST_LOCAL)) continue;
            if (wf_list_append(varnames, wf_tuple_get_borrow(co->co_localsplusnames, i)) < 0) {
                wf_decref(varnames);
                return NULL;
            }
        }
        WfObject *s = suggest_from_list(varnames, ne->name);
        if (s || wf_err_occurred()) return s;
        if (fo->f_globals && wf_dict_check(fo->f_globals)) {
            s = suggest_from_list(wf_dict_keys_list(fo->f_globals), ne->name);
            if (s || wf_err_occurred()) return s;
        }
        if (fo->f_builtins && wf_dict_check(fo->f_builtins)) return suggest_from_list(wf_dict_keys_list(fo->f_builtins), ne->name);
    }
    return NULL;
}

// SyntaxError "  File ..., line N" + text + caret line. Returns the message
// to print after the type name (new ref) or NULL when not a SyntaxError.
static void print_error_text(Out *o, wf_ssize offset, wf_ssize end_offset, WfObject *text_obj) {
    wf_ssize caret_repetitions = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    const char *text = wf_str_as_utf8_borrow(text_obj);
    if (!text) {
        wf_err_clear();
        return;
    }
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    wf_ssize len = (wf_ssize)strlen(text);
    if (len > 0 && text[len - 1] == '\n') len--;
    if (offset > len) offset = len;
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (!nl) break;
        wf_ssize inl = nl - text;
        if (inl >= offset) break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    out_ascii(o, "    ");
    out_ascii(o, text);
    if (text[len] != '\n') out_ascii(o, "\n");
    if (offset < 0) return;
    out_ascii(o, "    ");
    while (--offset >= 0) out_ascii(o, " ");
    for (wf_ssize i = 0; i < caret_repetitions; i++) out_ascii(o, "^");
    out_ascii(o, "\n");
}

static wf_ssize int_or(WfObject *v, wf_ssize dflt) {
    if (!v || v == wf_None || !wf_int_check(v)) return dflt;
    wf_ssize r = wf_int_as_ssize(v);
    if (r == -1 && wf_err_occurred()) {
        wf_err_clear();
        return dflt;
    }
    return r;
}

static WfObject *print_syntax_error_location(Out *o, WfObject *exc) {
    WfSyntaxErrorObject *se = (WfSyntaxErrorObject *)exc;
    WfObject *filename = se->filename && se->filename != wf_None ? se->filename : NULL;
    wf_ssize lineno = int_or(se->lineno, 0);
    wf_ssize offset = int_or(se->offset, -1);
    wf_ssize end_lineno = int_or(se->end_lineno, lineno);
    wf_ssize end_offset = int_or(se->end_offset, -1);
    if (filename) out_fmt(o, "  File \"%S\", line %zd\n", filename, lineno);
    else out_fmt(o, "  File \"<string>\", line %zd\n", lineno);
    WfObject *text = se->text && se->text != wf_None && wf_str_check(se->text) ? se->text : NULL;
    if (text) {
        wf_ssize line_size;
        const char *error_line = wf_str_as_utf8(text, &line_size);
        if (!error_line) wf_err_clear();
        if (end_lineno > lineno) end_offset = error_line ? line_size : -1;
        if (error_line && end_offset > line_size + 1) end_offset = line_size + 1;
        print_error_text(o, offset, end_offset, text);
    }
    return wf_newref(se->msg ? se->msg : wf_None);
}

static void print_exception_message(Out *o, WfObject *exc, WfObject *value) {
    WfTypeObject *type = wf_type_of(exc);
    WfObject *modulename = wf_object_getattr((WfObject *)type, WF_ID(__module__));
    if (!modulename || !wf_str_check(modulename)) {
        wf_xdecref(modulename);
        wf_err_clear();
        out_ascii(o, "<unknown>.");
    } else {
        if (!wf_str_equal_cstr(modulename, "builtins") && !wf_str_equal_cstr(modulename, "__main__")) {
            out_str(o, modulename);
            out_ascii(o, ".");
        }
        wf_decref(modulename);
    }
    WfObject *qualname = wf_type_qualname(type);
    if (!qualname || !wf_str_check(qualname)) {
        wf_xdecref(qualname);
        wf_err_clear();
        out_ascii(o, "<unknown>");
    } else {
        out_str(o, qualname);
        wf_decref(qualname);
    }
    if (value == wf_None) return;
    WfObject *s = wf_object_str(value);
    if (!s) {
        wf_err_clear();
        out_ascii(o, ": <exception str() failed>");
    } else {
        if (!wf_str_check(s) || wf_str_length(s) != 0) out_ascii(o, ": ");
        out_str(o, s);
        wf_decref(s);
    }
}

static void print_notes(Out *o, WfObject *exc) {
    WfObject *notes = NULL;
    if (wf_object_lookup_attr(exc, WF_ID(__notes__), &notes) < 0) {
        wf_err_clear();
        return;
    }
    if (!notes) return;
    if (!wf_list_check(notes) && !wf_tuple_check(notes)) {
        WfObject *r = wf_object_repr(notes);
        if (r) {
            out_str(o, r);
            out_ascii(o, "\n");
            wf_decref(r);
        } else {
            wf_err_clear();
            out_ascii(o, "<__notes__ repr() failed>\n");
        }
        wf_decref(notes);
        return;
    }
    WfObject *seq = wf_list_check(notes) ? wf_list_as_tuple(notes) : wf_newref(notes);
    wf_decref(notes);
    if (!seq) {
        wf_err_clear();
        return;
    }
    for (wf_ssize i = 0; i < wf_tuple_size(seq); i++) {
        WfObject *note = wf_tuple_get_borrow(seq, i);
        WfObject *s = wf_str_check(note) ? wf_newref(note) : wf_object_str(note);
        if (s) {
            out_str(o, s);
            wf_decref(s);
        } else {
            wf_err_clear();
            out_ascii(o, "<note str() failed>");
        }
        out_ascii(o, "\n");
    }
    wf_decref(seq);
}

static void print_one_exception(Out *o, WfObject *exc) {
    if (!wf_exception_check(exc)) {
        out_fmt(o, "TypeError: print_exception(): Exception expected for value, %s found\n", WF_TYPE(exc)->tp_name);
        return;
    }
    WfObject *tb = wf_exception_get_traceback(exc);
    if (tb && wf_type_of(tb) == &wf_traceback_type) print_tb(o, tb);
    WfObject *value = wf_newref(exc);
    if (wf_type_check(exc, &wf_exc_SyntaxError)) {
        WfObject *msg = print_syntax_error_location(o, exc);
        if (msg) {
            wf_decref(value);
            value = msg;
        }
    }
    print_exception_message(o, exc, value);
    wf_decref(value);
    WfObject *sugg = offer_suggestions(exc);
    if (sugg) {
        out_ascii(o, ". Did you mean: '");
        out_str(o, sugg);
        out_ascii(o, "'?");
        wf_decref(sugg);
    } else if (wf_err_occurred()) {
        wf_err_clear();
    }
    out_ascii(o, "\n");
    print_notes(o, exc);
}

static const char cause_message[] = "\nThe above exception was the direct cause of the following exception:\n\n";
static const char context_message[] = "\nDuring handling of the above exception, another exception occurred:\n\n";

static void print_recursive(Out *o, WfObject *exc, WfObject *seen, int depth) {
    if (depth > 100) return;  // absurdly long chains are cut (CPython: recursion limit)
    if (seen && wf_exception_check(exc)) {
        WfObject *id = wf_int_from_size_t((size_t)exc);
        if (id) {
            wf_set_add(seen, id);
            wf_decref(id);
        }
        WfObject *cause = wf_exception_get_cause(exc);
        WfObject *context = wf_exception_get_context(exc);
        if (cause) {
            WfObject *cid = wf_int_from_size_t((size_t)cause);
            int in = cid ? wf_set_contains(seen, cid) : 1;
            wf_xdecref(cid);
            if (in == 0) {
                print_recursive(o, cause, seen, depth + 1);
                out_ascii(o, cause_message);
            }
        } else if (context && !((WfBaseExceptionObject *)exc)->suppress_context) {
            WfObject *cid = wf_int_from_size_t((size_t)context);
            int in = cid ? wf_set_contains(seen, cid) : 1;
            wf_xdecref(cid);
            if (in == 0) {
                print_recursive(o, context, seen, depth + 1);
                out_ascii(o, context_message);
            }
        }
        if (wf_err_occurred()) wf_err_clear();
    }
    print_one_exception(o, exc);
}

static int write_text(WfObject *file, WfObject *text) {
    if (!file) {
        file = wf_runtime.sys_dict ? wf_dict_get_item_borrow(wf_runtime.sys_dict, WF_ID(stderr)) : NULL;
        if (wf_err_occurred()) wf_err_clear();
    }
    if (file && file != wf_None) {
        WfObject *r = wf_object_call_method(file, WF_ID(write), &text, 1);
        if (r) {
            wf_decref(r);
            WfObject *f = wf_object_call_method(file, WF_ID(flush), NULL, 0);
            if (f) wf_decref(f);
            else wf_err_clear();
            return 0;
        }
        wf_err_clear();
    }
    wf_ssize n;
    const char *s = wf_str_as_utf8(text, &n);
    if (!s) {
        wf_err_clear();
        return -1;
    }
    fflush(stdout);
    fwrite(s, 1, (size_t)n, stderr);
    fflush(stderr);
    return 0;
}

int wf_traceback_print_exception(WfObject *exc, WfObject *file) {
    // Printing must not disturb a pending exception of the caller.
    WfObject *pending = wf_err_fetch();
    Out o = {.failed = 0};
    wf_str_builder_init(&o.b);
    WfObject *seen = wf_set_new(NULL);
    if (!seen) wf_err_clear();
    print_recursive(&o, exc, seen, 0);
    wf_xdecref(seen);
    source_cache_free(&o.cache);
    if (o.failed) {
        wf_str_builder_discard(&o.b);
        wf_err_clear();
        wf_err_restore(pending);
        return -1;
    }
    WfObject *text = wf_str_builder_finish(&o.b);
    if (!text) {
        wf_err_clear();
        wf_err_restore(pending);
        return -1;
    }
    int r = write_text(file, text);
    wf_decref(text);
    wf_err_restore(pending);
    return r;
}
