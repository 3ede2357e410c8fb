// symtable.c — builds the symbol table in two passes, as CPython's
// symtable.c: (1) walk the AST recording, per scope, every name with flags
// (bound, used, global, nonlocal, parameter, import, annotated); (2) analyze
// the scopes top-down to resolve each name to LOCAL / GLOBAL_EXPLICIT /
// GLOBAL_IMPLICIT / FREE / CELL, passing the names bound in enclosing
// function scopes down and the free names of children up.
//
// Invariant: scopes and their arrays are owned by the WfSymtable (freed by
// wf_symtable_free); symbol names are interned (immortal) strs, so they are
// compared and hashed by address.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compile/symtable.h"
#include "objects/str.h"
#include "runtime/error.h"

#define MAX_RECURSION 4000

// ---------------------------------------------------------------------------
// Name sets (pointer-keyed open addressing).

typedef struct {
    WfObject **slots;
    int cap, count;
} NameSet;

static size_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    return (size_t)x;
}

static void set_free(NameSet *s) {
    wf_mem_free(s->slots);
    s->slots = NULL;
    s->cap = s->count = 0;
}

static int set_grow(NameSet *s) {
    int ncap = s->cap ? s->cap * 2 : 16;
    WfObject **ns = wf_mem_calloc((size_t)ncap, sizeof(WfObject *));
    if (!ns) {
        wf_err_no_memory();
        return -1;
    }
    for (int i = 0; i < s->cap; i++) {
        WfObject *o = s->slots[i];
        if (!o || o == (WfObject *)1) continue;
        size_t h = ptr_hash(o) & (size_t)(ncap - 1);
        while (ns[h]) h = (h + 1) & (size_t)(ncap - 1);
        ns[h] = o;
    }
    wf_mem_free(s->slots);
    s->slots = ns;
    s->cap = ncap;
    return 0;
}

// Deleted slots hold the tombstone (WfObject *)1.
static bool set_contains(const NameSet *s, WfObject *o) {
    if (!s || !s->cap) return false;
    size_t mask = (size_t)(s->cap - 1);
    for (size_t h = ptr_hash(o) & mask;; h = (h + 1) & mask) {
        if (!s->slots[h]) return false;
        if (s->slots[h] == o) return true;
    }
}

static int set_add(NameSet *s, WfObject *o) {
    if (set_contains(s, o)) return 0;
    if ((s->count + 1) * 2 > s->cap && set_grow(s) < 0) return -1;
    size_t mask = (size_t)(s->cap - 1);
    size_t h = ptr_hash(o) & mask;
    while (s->slots[h] && s->slots[h] != (WfObject *)1) h = (h + 1) & mask;
    s->slots[h] = o;
    s->count++;
    return 0;
}

static void set_discard(NameSet *s, WfObject *o) {
    if (!s || !s->cap) return;
    size_t mask = (size_t)(s->cap - 1);
    for (size_t h = ptr_hash(o) & mask;; h = (h + 1) & mask) {
        if (!s->slots[h]) return;
        if (s->slots[h] == o) {
            s->slots[h] = (WfObject *)1;
            return;  // count stays (tombstones count towards load)
        }
    }
}

static int set_update(NameSet *dst, const NameSet *src) {
    if (!src) return 0;
    for (int i = 0; i < src->cap; i++) {
        WfObject *o = src->slots[i];
        if (o && o != (WfObject *)1 && set_add(dst, o) < 0) return -1;
    }
    return 0;
}

static int set_copy(NameSet *dst, const NameSet *src) {
    memset(dst, 0, sizeof(*dst));
    return set_update(dst, src);
}

// ---------------------------------------------------------------------------
// Scopes and symbols

static void *grow_array(void *arr, int *cap, int need, size_t elem) {
    if (need <= *cap) return arr;
    int ncap = *cap ? *cap : 8;
    while (ncap < need) ncap *= 2;
    void *n = wf_mem_realloc(arr, (size_t)ncap * elem);
    if (!n) {
        wf_err_no_memory();
        return NULL;
    }
    *cap = ncap;
    return n;
}

#define GROW(arr, count, cap)                                                  \
    do {                                                                       \
        void *g_ = grow_array((arr), &(cap), (count) + 1, sizeof(*(arr)));     \
        if (!g_) return -1;                                                    \
        (arr) = g_;                                                            \
    } while (0)

WfSymbol *wf_scope_symbol(WfScope *s, WfObject *name) {
    if (!s->indexcap) return NULL;
    size_t mask = (size_t)(s->indexcap - 1);
    for (size_t h = ptr_hash(name) & mask;; h = (h + 1) & mask) {
        int i = s->index[h];
        if (!i) return NULL;
        if (s->syms[i - 1].name == name) return &s->syms[i - 1];
    }
}

int wf_scope_flags(WfScope *s, WfObject *name) {
    WfSymbol *sym = wf_scope_symbol(s, name);
    return sym ? sym->flags : 0;
}

int wf_scope_of(WfScope *s, WfObject *name) {
    WfSymbol *sym = wf_scope_symbol(s, name);
    return sym ? sym->scope : WF_SCOPE_NONE;
}

static int reindex(WfScope *s) {
    int ncap = s->indexcap ? s->indexcap * 2 : 16;
    int *ni = wf_mem_calloc((size_t)ncap, sizeof(int));
    if (!ni) {
        wf_err_no_memory();
        return -1;
    }
    for (int i = 0; i < s->nsyms; i++) {
        size_t h = ptr_hash(s->syms[i].name) & (size_t)(ncap - 1);
        while (ni[h]) h = (h + 1) & (size_t)(ncap - 1);
        ni[h] = i + 1;
    }
    wf_mem_free(s->index);
    s->index = ni;
    s->indexcap = ncap;
    return 0;
}

// Returns the symbol for name, creating it with flags 0 when absent.
static WfSymbol *scope_add_symbol(WfScope *s, WfObject *name) {
    WfSymbol *sym = wf_scope_symbol(s, name);
    if (sym) return sym;
    if ((s->nsyms + 1) * 2 > s->indexcap && reindex(s) < 0) return NULL;
    void *g = grow_array(s->syms, &s->capsyms, s->nsyms + 1, sizeof(WfSymbol));
    if (!g) return NULL;
    s->syms = g;
    s->syms[s->nsyms] = (WfSymbol){ name, 0, WF_SCOPE_NONE };
    size_t mask = (size_t)(s->indexcap - 1);
    size_t h = ptr_hash(name) & mask;
    while (s->index[h]) h = (h + 1) & mask;
    s->index[h] = ++s->nsyms;
    return &s->syms[s->nsyms - 1];
}

static int map_insert(WfSymtable *st, const WfAstNode *node, WfScope *scope) {
    int used = st->nall;  // one entry per scope
    if ((used + 1) * 2 > st->mapcap) {
        int ncap = st->mapcap ? st->mapcap * 2 : 32;
        void *nm = wf_mem_calloc((size_t)ncap, sizeof(*st->map));
        if (!nm) {
            wf_err_no_memory();
            return -1;
        }
        __typeof__(st->map) m = nm;
        for (int i = 0; i < st->mapcap; i++) {
            if (!st->map[i].node) continue;
            size_t h = ptr_hash(st->map[i].node) & (size_t)(ncap - 1);
            while (m[h].node) h = (h + 1) & (size_t)(ncap - 1);
            m[h] = st->map[i];
        }
        wf_mem_free(st->map);
        st->map = m;
        st->mapcap = ncap;
    }
    size_t mask = (size_t)(st->mapcap - 1);
    size_t h = ptr_hash(node) & mask;
    while (st->map[h].node) h = (h + 1) & mask;
    st->map[h].node = node;
    st->map[h].scope = scope;
    return 0;
}

WfScope *wf_symtable_lookup(WfSymtable *st, const WfAstNode *node) {
    if (!st->mapcap) return NULL;
    size_t mask = (size_t)(st->mapcap - 1);
    for (size_t h = ptr_hash(node) & mask;; h = (h + 1) & mask) {
        if (!st->map[h].node) return NULL;
        if (st->map[h].node == node) return st->map[h].scope;
    }
}

static int enter_block(WfSymtable *st, WfObject *name, WfBlockType type, const WfAstNode *node) {
    WfScope *s = wf_mem_calloc(1, sizeof(WfScope));
    if (!s) {
        wf_err_no_memory();
        return -1;
    }
    GROW(st->all, st->nall, st->capall);
    st->all[st->nall++] = s;
    s->type = type;
    s->name = name;
    s->node = node;
    s->lineno = node->lineno;
    s->col = node->col_offset;
    s->end_lineno = node->end_lineno;
    s->end_col = node->end_col_offset;
    WfScope *prev = st->cur;
    if (prev && (prev->nested || prev->type == WF_BLOCK_FUNCTION)) s->nested = 1;
    if (prev) s->comp_iter_expr = prev->comp_iter_expr;
    if (map_insert(st, node, s) < 0) return -1;
    GROW(st->stack, st->depth, st->capstack);
    st->stack[st->depth++] = s;
    if (prev) {
        GROW(prev->children, prev->nchildren, prev->capchildren);
        prev->children[prev->nchildren++] = s;
    }
    st->cur = s;
    return 0;
}

static void exit_block(WfSymtable *st) {
    st->depth--;
    st->cur = st->depth > 0 ? st->stack[st->depth - 1] : NULL;
}

static int error_at(WfSymtable *st, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static int error_at(WfSymtable *st, int lineno, int col, int end_lineno, int end_col, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return wf_compile_error_located(st->cs, lineno, col, end_lineno, end_col, "%s", buf);
}

#define NODE_POS(n) (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset

static const char *cstr(WfObject *s) {
    const char *c = wf_str_as_utf8_borrow(s);
    return c ? c : "?";
}

static int add_def_helper(WfSymtable *st, WfObject *name, int flag, WfScope *ste, const WfAstNode *loc) {
    WfObject *mangled = wf_compile_mangle(st->private_name, name);
    if (!mangled) return -1;
    WfSymbol *sym = scope_add_symbol(ste, mangled);
    if (!sym) return -1;
    int val = sym->flags;
    if ((flag & WF_DEF_PARAM) && (val & WF_DEF_PARAM))
        return error_at(st, NODE_POS(loc), "duplicate argument '%s' in function definition", cstr(name));
    val |= flag;
    if (ste->comp_iter_target) {
        if (val & (WF_DEF_GLOBAL | WF_DEF_NONLOCAL))
            return error_at(st, NODE_POS(loc),
                            "comprehension inner loop cannot rebind assignment expression target '%s'",
                            cstr(name));
        val |= WF_DEF_COMP_ITER;
    }
    sym->flags = val;
    if (flag & WF_DEF_PARAM) {
        GROW(ste->varnames, ste->nvarnames, ste->capvarnames);
        ste->varnames[ste->nvarnames++] = mangled;
    } else if ((flag & WF_DEF_GLOBAL) && ste != st->top) {
        // Record the global in the module's table too (CPython's st_global).
        WfSymbol *g = scope_add_symbol(st->top, mangled);
        if (!g) return -1;
        g->flags |= flag;
    }
    return 0;
}

static int add_def(WfSymtable *st, WfObject *name, int flag, const WfAstNode *loc) {
    return add_def_helper(st, name, flag, st->cur, loc);
}

static int add_def_cstr(WfSymtable *st, const char *name, int flag, const WfAstNode *loc) {
    WfObject *n = wf_compile_intern(name);
    if (!n) return -1;
    return add_def(st, n, flag, loc);
}

static int record_directive(WfSymtable *st, WfObject *name, const WfAstNode *loc) {
    WfScope *s = st->cur;
    WfObject *mangled = wf_compile_mangle(st->private_name, name);
    if (!mangled) return -1;
    GROW(s->directives, s->ndirectives, s->capdirectives);
    s->directives[s->ndirectives++] = (WfDirective){ mangled, NODE_POS(loc) };
    return 0;
}

static int error_at_directive(WfSymtable *st, WfScope *s, WfObject *name, const char *msg) {
    for (int i = 0; i < s->ndirectives; i++) {
        WfDirective *d = &s->directives[i];
        if (d->name == name)
            return error_at(st, d->lineno, d->col, d->end_lineno, d->end_col, "%s", msg);
    }
    return error_at(st, s->lineno, s->col, s->end_lineno, s->end_col, "%s", msg);
}

// ---------------------------------------------------------------------------
// Pass 1: the visitor

static int visit_stmt(WfSymtable *st, const WfAstNode *s);
static int visit_expr(WfSymtable *st, const WfAstNode *e);

static int visit_stmts(WfSymtable *st, const WfAstSeq *seq) {
    for (int i = 0; i < seq->len; i++)
        if (visit_stmt(st, seq->items[i]) < 0) return -1;
    return 0;
}

static int visit_exprs(WfSymtable *st, const WfAstSeq *seq) {
    for (int i = 0; i < seq->len; i++)
        if (seq->items[i] && visit_expr(st, seq->items[i]) < 0) return -1;
    return 0;
}

// Under `from __future__ import annotations` an annotation is only checked
// for the expressions CPython's annotation block rejects (nested function
// scopes excluded); its names are not recorded since it becomes a string.
static int check_annotation_expr(WfSymtable *st, const WfAstNode *e) {
    const char *what = NULL;
    switch (e->kind) {
    case WF_AST_Yield: case WF_AST_YieldFrom: what = "yield expression"; break;
    case WF_AST_Await: what = "await expression"; break;
    case WF_AST_NamedExpr: what = "named expression"; break;
    case WF_AST_Lambda: case WF_AST_ListComp: case WF_AST_SetComp: case WF_AST_DictComp: case WF_AST_GeneratorExp:
        return 0;
    default: break;
    }
    if (what) return error_at(st, NODE_POS(e), "'%s' can not be used within an annotation", what);
    const WfAstKindInfo *info = wf_ast_kind_info(e->kind);
    for (int i = 0; i < info->nfields; i++) {
        const char *field = (const char *)e + info->fields[i].offset;
        if (info->fields[i].type == WF_AST_FT_NODE || info->fields[i].type == WF_AST_FT_OPT) {
            const WfAstNode *child = *(WfAstNode *const *)field;
            if (child && check_annotation_expr(st, child) < 0) return -1;
        } else if (info->fields[i].type == WF_AST_FT_SEQ) {
            const WfAstSeq *seq = *(WfAstSeq *const *)field;
            for (int k = 0; seq && k < seq->len; k++)
                if (seq->items[k] && check_annotation_expr(st, seq->items[k]) < 0) return -1;
        }
    }
    return 0;
}

static int visit_annotation(WfSymtable *st, const WfAstNode *ann) {
    if (!ann) return 0;
    if (st->cs->future_features & WF_FUTURE_ANNOTATIONS) return check_annotation_expr(st, ann);
    return visit_expr(st, ann);
}

static int visit_argannotations(WfSymtable *st, const WfAstSeq *args) {
    for (int i = 0; i < args->len; i++)
        if (visit_annotation(st, args->items[i]->v.arg.annotation) < 0) return -1;
    return 0;
}

static int visit_annotations(WfSymtable *st, const WfAstNode *a, const WfAstNode *returns) {
    if (visit_argannotations(st, a->v.arguments.args) < 0) return -1;
    if (a->v.arguments.vararg && visit_annotation(st, a->v.arguments.vararg->v.arg.annotation) < 0) return -1;
    if (a->v.arguments.kwarg && visit_annotation(st, a->v.arguments.kwarg->v.arg.annotation) < 0) return -1;
    if (visit_argannotations(st, a->v.arguments.posonlyargs) < 0) return -1;
    if (visit_argannotations(st, a->v.arguments.kwonlyargs) < 0) return -1;
    return visit_annotation(st, returns);
}

static int visit_params(WfSymtable *st, const WfAstSeq *args) {
    for (int i = 0; i < args->len; i++) {
        const WfAstNode *a = args->items[i];
        if (add_def_cstr(st, a->v.arg.arg, WF_DEF_PARAM, a) < 0) return -1;
    }
    return 0;
}

static int visit_arguments(WfSymtable *st, const WfAstNode *a) {
    if (visit_params(st, a->v.arguments.posonlyargs) < 0) return -1;
    if (visit_params(st, a->v.arguments.args) < 0) return -1;
    if (visit_params(st, a->v.arguments.kwonlyargs) < 0) return -1;
    if (a->v.arguments.vararg) {
        if (add_def_cstr(st, a->v.arguments.vararg->v.arg.arg, WF_DEF_PARAM, a->v.arguments.vararg) < 0) return -1;
        st->cur->varargs = 1;
    }
    if (a->v.arguments.kwarg) {
        if (add_def_cstr(st, a->v.arguments.kwarg->v.arg.arg, WF_DEF_PARAM, a->v.arguments.kwarg) < 0) return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

static int visit_function(WfSymtable *st, const WfAstNode *s, bool is_async) {
    const WfAstNode *args = is_async ? s->v.AsyncFunctionDef.args : s->v.FunctionDef.args;
    const char *name = is_async ? s->v.AsyncFunctionDef.name : s->v.FunctionDef.name;
    const WfAstSeq *body = is_async ? s->v.AsyncFunctionDef.body : s->v.FunctionDef.body;
    const WfAstSeq *decos = is_async ? s->v.AsyncFunctionDef.decorator_list : s->v.FunctionDef.decorator_list;
    const WfAstNode *returns = is_async ? s->v.AsyncFunctionDef.returns : s->v.FunctionDef.returns;
    if (add_def_cstr(st, name, WF_DEF_LOCAL, s) < 0) return -1;
    if (visit_exprs(st, args->v.arguments.defaults) < 0) return -1;
    if (visit_exprs(st, args->v.arguments.kw_defaults) < 0) return -1;
    if (visit_annotations(st, args, returns) < 0) return -1;
    if (visit_exprs(st, decos) < 0) return -1;
    WfObject *n = wf_compile_intern(name);
    if (!n || enter_block(st, n, WF_BLOCK_FUNCTION, s) < 0) return -1;
    if (is_async) {
        st->cur->coroutine = 1;
        st->cur->is_async_def = 1;
    }
    if (visit_arguments(st, args) < 0) return -1;
    if (visit_stmts(st, body) < 0) return -1;
    exit_block(st);
    return 0;
}

static int visit_alias(WfSymtable *st, const WfAstNode *a) {
    const char *name = a->v.alias.asname ? a->v.alias.asname : a->v.alias.name;
    if (strcmp(name, "*") == 0) {
        if (st->cur->type != WF_BLOCK_MODULE)
            return error_at(st, NODE_POS(a), "import * only allowed at module level");
        return 0;
    }
    const char *dot = strchr(name, '.');
    WfObject *store;
    if (dot) {
        char *tmp = wf_mem_strndup(name, (size_t)(dot - name));
        if (!tmp) {
            wf_err_no_memory();
            return -1;
        }
        store = wf_compile_intern(tmp);
        wf_mem_free(tmp);
    } else {
        store = wf_compile_intern(name);
    }
    if (!store) return -1;
    return add_def(st, store, WF_DEF_IMPORT, a);
}

static int visit_global_nonlocal(WfSymtable *st, const WfAstNode *s, bool global) {
    const WfAstIdentSeq *names = global ? s->v.Global.names : s->v.Nonlocal.names;
    for (int i = 0; i < names->len; i++) {
        WfObject *name = wf_compile_intern(names->items[i]);
        if (!name) return -1;
        WfObject *mangled = wf_compile_mangle(st->private_name, name);
        if (!mangled) return -1;
        int cur = wf_scope_flags(st->cur, mangled);
        if (cur & (WF_DEF_PARAM | WF_DEF_LOCAL | WF_DEF_USE | WF_DEF_ANNOT)) {
            const char *msg;
            if (cur & WF_DEF_PARAM)
                msg = global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
            else if (cur & WF_DEF_USE)
                msg = global ? "name '%s' is used prior to global declaration"
                             : "name '%s' is used prior to nonlocal declaration";
            else if (cur & WF_DEF_ANNOT)
                msg = global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
            else
                msg = global ? "name '%s' is assigned to before global declaration"
                             : "name '%s' is assigned to before nonlocal declaration";
            char buf[400];
            snprintf(buf, sizeof buf, msg, names->items[i]);
            return error_at(st, NODE_POS(s), "%s", buf);
        }
        if (add_def(st, name, global ? WF_DEF_GLOBAL : WF_DEF_NONLOCAL, s) < 0) return -1;
        if (record_directive(st, name, s) < 0) return -1;
    }
    return 0;
}

static int visit_pattern(WfSymtable *st, const WfAstNode *p) {
    switch (p->kind) {
    case WF_AST_MatchValue:
        return visit_expr(st, p->v.MatchValue.value);
    case WF_AST_MatchSingleton:
        return 0;
    case WF_AST_MatchSequence:
        for (int i = 0; i < p->v.MatchSequence.patterns->len; i++)
            if (visit_pattern(st, p->v.MatchSequence.patterns->items[i]) < 0) return -1;
        return 0;
    case WF_AST_MatchStar:
        return p->v.MatchStar.name ? add_def_cstr(st, p->v.MatchStar.name, WF_DEF_LOCAL, p) : 0;
    case WF_AST_MatchMapping:
        if (visit_exprs(st, p->v.MatchMapping.keys) < 0) return -1;
        for (int i = 0; i < p->v.MatchMapping.patterns->len; i++)
            if (visit_pattern(st, p->v.MatchMapping.patterns->items[i]) < 0) return -1;
        return p->v.MatchMapping.rest ? add_def_cstr(st, p->v.MatchMapping.rest, WF_DEF_LOCAL, p) : 0;
    case WF_AST_MatchClass:
        if (visit_expr(st, p->v.MatchClass.cls) < 0) return -1;
        for (int i = 0; i < p->v.MatchClass.patterns->len; i++)
            if (visit_pattern(st, p->v.MatchClass.patterns->items[i]) < 0) return -1;
        for (int i = 0; i < p->v.MatchClass.kwd_patterns->len; i++)
            if (visit_pattern(st, p->v.MatchClass.kwd_patterns->items[i]) < 0) return -1;
        return 0;
    case WF_AST_MatchAs:
        if (p->v.MatchAs.pattern && visit_pattern(st, p->v.MatchAs.pattern) < 0) return -1;
        return p->v.MatchAs.name ? add_def_cstr(st, p->v.MatchAs.name, WF_DEF_LOCAL, p) : 0;
    case WF_AST_MatchOr:
        for (int i = 0; i < p->v.MatchOr.patterns->len; i++)
            if (visit_pattern(st, p->v.MatchOr.patterns->items[i]) < 0) return -1;
        return 0;
    default:
        wf_err_format(&wf_exc_SystemError, "symtable: unexpected pattern kind %d", (int)p->kind);
        return -1;
    }
}

static int visit_stmt(WfSymtable *st, const WfAstNode *s) {
    if (++st->recursion > MAX_RECURSION) {
        wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = 0;
    switch (s->kind) {
    case WF_AST_FunctionDef:
        r = visit_function(st, s, false);
        break;
    case WF_AST_AsyncFunctionDef:
        r = visit_function(st, s, true);
        break;
    case WF_AST_ClassDef: {
        if (add_def_cstr(st, s->v.ClassDef.name, WF_DEF_LOCAL, s) < 0) return -1;
        if (visit_exprs(st, s->v.ClassDef.bases) < 0) return -1;
        for (int i = 0; i < s->v.ClassDef.keywords->len; i++)
            if (visit_expr(st, s->v.ClassDef.keywords->items[i]->v.keyword.value) < 0) return -1;
        if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0) return -1;
        WfObject *n = wf_compile_intern(s->v.ClassDef.name);
        if (!n || enter_block(st, n, WF_BLOCK_CLASS, s) < 0) return -1;
        WfObject *saved = st->private_name;
        st->private_name = n;
        r = visit_stmts(st, s->v.ClassDef.body);
        st->private_name = saved;
        if (r < 0) return -1;
        exit_block(st);
        break;
    }
    case WF_AST_Return:
        if (s->v.Return.value) {
            if (visit_expr(st, s->v.Return.value) < 0) return -1;
            st->cur->returns_value = 1;
        }
        break;
    case WF_AST_Delete:
        r = visit_exprs(st, s->v.Delete.targets);
        break;
    case WF_AST_Assign:
        if (visit_exprs(st, s->v.Assign.targets) < 0) return -1;
        r = visit_expr(st, s->v.Assign.value);
        break;
    case WF_AST_AnnAssign: {
        const WfAstNode *t = s->v.AnnAssign.target;
        if (t->kind == WF_AST_Name) {
            WfObject *name = wf_compile_intern(t->v.Name.id);
            if (!name) return -1;
            WfObject *mangled = wf_compile_mangle(st->private_name, name);
            if (!mangled) return -1;
            int cur = wf_scope_flags(st->cur, mangled);
            if ((cur & (WF_DEF_GLOBAL | WF_DEF_NONLOCAL)) && st->cur != st->top && s->v.AnnAssign.simple)
                return error_at(st, NODE_POS(s),
                                (cur & WF_DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                      : "annotated name '%s' can't be nonlocal",
                                t->v.Name.id);
            if (s->v.AnnAssign.simple) {
                if (add_def(st, name, WF_DEF_ANNOT | WF_DEF_LOCAL, t) < 0) return -1;
            } else if (s->v.AnnAssign.value) {
                if (add_def(st, name, WF_DEF_LOCAL, t) < 0) return -1;
            }
        } else {
            if (visit_expr(st, t) < 0) return -1;
        }
        if (visit_annotation(st, s->v.AnnAssign.annotation) < 0) return -1;
        if (s->v.AnnAssign.value) r = visit_expr(st, s->v.AnnAssign.value);
        break;
    }
    case WF_AST_AugAssign:
        if (visit_expr(st, s->v.AugAssign.target) < 0) return -1;
        r = visit_expr(st, s->v.AugAssign.value);
        break;
    case WF_AST_For:
    case WF_AST_AsyncFor:
        if (visit_expr(st, s->v.For.target) < 0) return -1;
        if (visit_expr(st, s->v.For.iter) < 0) return -1;
        if (visit_stmts(st, s->v.For.body) < 0) return -1;
        r = visit_stmts(st, s->v.For.orelse);
        break;
    case WF_AST_While:
        if (visit_expr(st, s->v.While.test) < 0) return -1;
        if (visit_stmts(st, s->v.While.body) < 0) return -1;
        r = visit_stmts(st, s->v.While.orelse);
        break;
    case WF_AST_If:
        if (visit_expr(st, s->v.If.test) < 0) return -1;
        if (visit_stmts(st, s->v.If.body) < 0) return -1;
        r = visit_stmts(st, s->v.If.orelse);
        break;
    case WF_AST_Match:
        if (visit_expr(st, s->v.Match.subject) < 0) return -1;
        for (int i = 0; i < s->v.Match.cases->len; i++) {
            const WfAstNode *m = s->v.Match.cases->items[i];
            if (visit_pattern(st, m->v.match_case.pattern) < 0) return -1;
            if (m->v.match_case.guard && visit_expr(st, m->v.match_case.guard) < 0) return -1;
            if (visit_stmts(st, m->v.match_case.body) < 0) return -1;
        }
        break;
    case WF_AST_Raise:
        if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0) return -1;
        if (s->v.Raise.cause && visit_expr(st, s->v.Raise.cause) < 0) return -1;
        break;
    case WF_AST_Try:
    case WF_AST_TryStar:
        if (visit_stmts(st, s->v.Try.body) < 0) return -1;
        if (visit_stmts(st, s->v.Try.orelse) < 0) return -1;
        for (int i = 0; i < s->v.Try.handlers->len; i++) {
            const WfAstNode *h = s->v.Try.handlers->items[i];
            if (h->v.ExceptHandler.type && visit_expr(st, h->v.ExceptHandler.type) < 0) return -1;
            if (h->v.ExceptHandler.name && add_def_cstr(st, h->v.ExceptHandler.name, WF_DEF_LOCAL, h) < 0)
                return -1;
            if (visit_stmts(st, h->v.ExceptHandler.body) < 0) return -1;
        }
        r = visit_stmts(st, s->v.Try.finalbody);
        break;
    case WF_AST_Assert:
        if (visit_expr(st, s->v.Assert.test) < 0) return -1;
        if (s->v.Assert.msg) r = visit_expr(st, s->v.Assert.msg);
        break;
    case WF_AST_Import:
        for (int i = 0; i < s->v.Import.names->len; i++)
            if (visit_alias(st, s->v.Import.names->items[i]) < 0) return -1;
        break;
    case WF_AST_ImportFrom:
        for (int i = 0; i < s->v.ImportFrom.names->len; i++)
            if (visit_alias(st, s->v.ImportFrom.names->items[i]) < 0) return -1;
        break;
    case WF_AST_Global:
        r = visit_global_nonlocal(st, s, true);
        break;
    case WF_AST_Nonlocal:
        r = visit_global_nonlocal(st, s, false);
        break;
    case WF_AST_Expr:
        r = visit_expr(st, s->v.Expr.value);
        break;
    case WF_AST_Pass:
    case WF_AST_Break:
    case WF_AST_Continue:
        break;
    case WF_AST_With:
    case WF_AST_AsyncWith:
        for (int i = 0; i < s->v.With.items->len; i++) {
            const WfAstNode *it = s->v.With.items->items[i];
            if (visit_expr(st, it->v.withitem.context_expr) < 0) return -1;
            if (it->v.withitem.optional_vars && visit_expr(st, it->v.withitem.optional_vars) < 0) return -1;
        }
        r = visit_stmts(st, s->v.With.body);
        break;
    default:
        wf_err_format(&wf_exc_SystemError, "symtable: unexpected statement kind %d", (int)s->kind);
        r = -1;
    }
    st->recursion--;
    return r;
}

static int extend_namedexpr_scope(WfSymtable *st, const WfAstNode *e) {
    WfObject *target = wf_compile_intern(e->v.Name.id);
    if (!target) return -1;
    for (int i = st->depth - 1; i >= 0; i--) {
        WfScope *ste = st->stack[i];
        if (ste->comprehension) {
            if (wf_scope_flags(ste, target) & WF_DEF_COMP_ITER)
                return error_at(st, NODE_POS(e),
                                "assignment expression cannot rebind comprehension iteration variable '%s'",
                                e->v.Name.id);
            continue;
        }
        if (ste->type == WF_BLOCK_FUNCTION) {
            int in_scope = wf_scope_flags(ste, target);
            if (add_def(st, target, (in_scope & WF_DEF_GLOBAL) ? WF_DEF_GLOBAL : WF_DEF_NONLOCAL, e) < 0) return -1;
            if (record_directive(st, target, e) < 0) return -1;
            return add_def_helper(st, target, WF_DEF_LOCAL, ste, e);
        }
        if (ste->type == WF_BLOCK_MODULE) {
            if (add_def(st, target, WF_DEF_GLOBAL, e) < 0) return -1;
            if (record_directive(st, target, e) < 0) return -1;
            return add_def_helper(st, target, WF_DEF_GLOBAL, ste, e);
        }
        if (ste->type == WF_BLOCK_CLASS)
            return error_at(st, NODE_POS(e),
                            "assignment expression within a comprehension cannot be used in a class body");
    }
    wf_err_set_string(&wf_exc_SystemError, "symtable: no scope for named expression");
    return -1;
}

static int handle_namedexpr(WfSymtable *st, const WfAstNode *e) {
    if (st->cur->comp_iter_expr > 0)
        return error_at(st, NODE_POS(e), "assignment expression cannot be used in a comprehension iterable expression");
    if (st->cur->comprehension && e->v.NamedExpr.target->kind == WF_AST_Name) {
        if (extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0) return -1;
    }
    if (visit_expr(st, e->v.NamedExpr.value) < 0) return -1;
    return visit_expr(st, e->v.NamedExpr.target);
}

static int visit_comprehension(WfSymtable *st, const WfAstNode *lc) {
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, lc->v.comprehension.target) < 0) return -1;
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (visit_expr(st, lc->v.comprehension.iter) < 0) return -1;
    st->cur->comp_iter_expr--;
    if (visit_exprs(st, lc->v.comprehension.ifs) < 0) return -1;
    if (lc->v.comprehension.is_async) st->cur->coroutine = 1;
    return 0;
}

static int handle_comprehension(WfSymtable *st, const WfAstNode *e, const char *scope_name,
                                const WfAstSeq *generators, const WfAstNode *elt, const WfAstNode *value) {
    bool is_generator = e->kind == WF_AST_GeneratorExp;
    const WfAstNode *outermost = generators->items[0];
    st->cur->comp_iter_expr++;
    if (visit_expr(st, outermost->v.comprehension.iter) < 0) return -1;
    st->cur->comp_iter_expr--;
    WfObject *n = wf_compile_intern(scope_name);
    if (!n || enter_block(st, n, WF_BLOCK_FUNCTION, e) < 0) return -1;
    switch (e->kind) {
    case WF_AST_ListComp: st->cur->comprehension = WF_COMP_LIST; break;
    case WF_AST_SetComp: st->cur->comprehension = WF_COMP_SET; break;
    case WF_AST_DictComp: st->cur->comprehension = WF_COMP_DICT; break;
    default: st->cur->comprehension = WF_COMP_GENEXP; break;
    }
    if (outermost->v.comprehension.is_async) st->cur->coroutine = 1;
    // The outermost iterator is received as the implicit argument ".0".
    if (add_def_cstr(st, ".0", WF_DEF_PARAM, e) < 0) return -1;
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, outermost->v.comprehension.target) < 0) return -1;
    st->cur->comp_iter_target = 0;
    if (visit_exprs(st, outermost->v.comprehension.ifs) < 0) return -1;
    for (int i = 1; i < generators->len; i++)
        if (visit_comprehension(st, generators->items[i]) < 0) return -1;
    if (value && visit_expr(st, value) < 0) return -1;
    if (visit_expr(st, elt) < 0) return -1;
    st->cur->generator = is_generator;
    bool is_async = st->cur->coroutine && !is_generator;
    exit_block(st);
    if (is_async) st->cur->coroutine = 1;
    return 0;
}

static int raise_if_comprehension(WfSymtable *st, const WfAstNode *e) {
    WfCompKind t = st->cur->comprehension;
    return error_at(st, NODE_POS(e), "%s",
                    t == WF_COMP_LIST   ? "'yield' inside list comprehension"
                    : t == WF_COMP_SET  ? "'yield' inside set comprehension"
                    : t == WF_COMP_DICT ? "'yield' inside dict comprehension"
                                        : "'yield' inside generator expression");
}

static int visit_expr(WfSymtable *st, const WfAstNode *e) {
    if (++st->recursion > MAX_RECURSION) {
        wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = 0;
    switch (e->kind) {
    case WF_AST_NamedExpr:
        r = handle_namedexpr(st, e);
        break;
    case WF_AST_BoolOp:
        r = visit_exprs(st, e->v.BoolOp.values);
        break;
    case WF_AST_BinOp:
        if (visit_expr(st, e->v.BinOp.left) < 0) return -1;
        r = visit_expr(st, e->v.BinOp.right);
        break;
    case WF_AST_UnaryOp:
        r = visit_expr(st, e->v.UnaryOp.operand);
        break;
    case WF_AST_Lambda: {
        const WfAstNode *args = e->v.Lambda.args;
        if (visit_exprs(st, args->v.arguments.defaults) < 0) return -1;
        if (visit_exprs(st, args->v.arguments.kw_defaults) < 0) return -1;
        WfObject *n = wf_compile_intern("lambda");
        if (!n || enter_block(st, n, WF_BLOCK_FUNCTION, e) < 0) return -1;
        if (visit_arguments(st, args) < 0) return -1;
        if (visit_expr(st, e->v.Lambda.body) < 0) return -1;
        exit_block(st);
        break;
    }
    case WF_AST_IfExp:
        if (visit_expr(st, e->v.IfExp.test) < 0) return -1;
        if (visit_expr(st, e->v.IfExp.body) < 0) return -1;
        r = visit_expr(st, e->v.IfExp.orelse);
        break;
    case WF_AST_Dict:
        if (visit_exprs(st, e->v.Dict.keys) < 0) return -1;
        r = visit_exprs(st, e->v.Dict.values);
        break;
    case WF_AST_Set:
        r = visit_exprs(st, e->v.Set.elts);
        break;
    case WF_AST_GeneratorExp:
        r = handle_comprehension(st, e, "genexpr", e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
        break;
    case WF_AST_ListComp:
        r = handle_comprehension(st, e, "listcomp", e->v.ListComp.generators, e->v.ListComp.elt, NULL);
        break;
    case WF_AST_SetComp:
        r = handle_comprehension(st, e, "setcomp", e->v.SetComp.generators, e->v.SetComp.elt, NULL);
        break;
    case WF_AST_DictComp:
        r = handle_comprehension(st, e, "dictcomp", e->v.DictComp.generators, e->v.DictComp.key,
                                 e->v.DictComp.value);
        break;
    case WF_AST_Yield:
        if (e->v.Yield.value && visit_expr(st, e->v.Yield.value) < 0) return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension) return raise_if_comprehension(st, e);
        break;
    case WF_AST_YieldFrom:
        if (visit_expr(st, e->v.YieldFrom.value) < 0) return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension) return raise_if_comprehension(st, e);
        break;
    case WF_AST_Await:
        if (visit_expr(st, e->v.Await.value) < 0) return -1;
        st->cur->coroutine = 1;
        break;
    case WF_AST_Compare:
        if (visit_expr(st, e->v.Compare.left) < 0) return -1;
        r = visit_exprs(st, e->v.Compare.comparators);
        break;
    case WF_AST_Call:
        if (visit_expr(st, e->v.Call.func) < 0) return -1;
        if (visit_exprs(st, e->v.Call.args) < 0) return -1;
        for (int i = 0; i < e->v.Call.keywords->len; i++)
            if (visit_expr(st, e->v.Call.keywords->items[i]->v.keyword.value) < 0) return -1;
        break;
    case WF_AST_FormattedValue:
        if (visit_expr(st, e->v.FormattedValue.value) < 0) return -1;
        if (e->v.FormattedValue.format_spec) r = visit_expr(st, e->v.FormattedValue.format_spec);
        break;
    case WF_AST_JoinedStr:
        r = visit_exprs(st, e->v.JoinedStr.values);
        break;
    case WF_AST_Constant:
        break;
    case WF_AST_Attribute:
        r = visit_expr(st, e->v.Attribute.value);
        break;
    case WF_AST_Subscript:
        if (visit_expr(st, e->v.Subscript.value) < 0) return -1;
        r = visit_expr(st, e->v.Subscript.slice);
        break;
    case WF_AST_Starred:
        r = visit_expr(st, e->v.Starred.value);
        break;
    case WF_AST_Slice:
        if (e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0) return -1;
        if (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0) return -1;
        if (e->v.Slice.step) r = visit_expr(st, e->v.Slice.step);
        break;
    case WF_AST_Name: {
        WfObject *name = wf_compile_intern(e->v.Name.id);
        if (!name) return -1;
        if (add_def(st, name, e->v.Name.ctx == WF_AST_CTX_Load ? WF_DEF_USE : WF_DEF_LOCAL, e) < 0) return -1;
        // super() counts as a use of __class__.
        if (e->v.Name.ctx == WF_AST_CTX_Load && st->cur->type == WF_BLOCK_FUNCTION &&
            strcmp(e->v.Name.id, "super") == 0) {
            if (add_def_cstr(st, "__class__", WF_DEF_USE, e) < 0) return -1;
        }
        break;
    }
    case WF_AST_List:
        r = visit_exprs(st, e->v.List.elts);
        break;
    case WF_AST_Tuple:
        r = visit_exprs(st, e->v.Tuple.elts);
        break;
    default:
        wf_err_format(&wf_exc_SystemError, "symtable: unexpected expression kind %d", (int)e->kind);
        r = -1;
    }
    st->recursion--;
    return r;
}

// ---------------------------------------------------------------------------
// Pass 2: analysis

static int analyze_name(WfSymtable *st, WfScope *ste, WfSymbol *sym, NameSet *bound, NameSet *local,
                        NameSet *free, NameSet *global) {
    WfObject *name = sym->name;
    int flags = sym->flags;
    char buf[400];
    if (flags & WF_DEF_GLOBAL) {
        if (flags & WF_DEF_NONLOCAL) {
            snprintf(buf, sizeof buf, "name '%s' is nonlocal and global", cstr(name));
            return error_at_directive(st, ste, name, buf);
        }
        sym->scope = WF_SCOPE_GLOBAL_EXPLICIT;
        if (set_add(global, name) < 0) return -1;
        if (bound) set_discard(bound, name);
        return 0;
    }
    if (flags & WF_DEF_NONLOCAL) {
        if (!bound) return error_at_directive(st, ste, name, "nonlocal declaration not allowed at module level");
        if (!set_contains(bound, name)) {
            snprintf(buf, sizeof buf, "no binding for nonlocal '%s' found", cstr(name));
            return error_at_directive(st, ste, name, buf);
        }
        sym->scope = WF_SCOPE_FREE;
        ste->free = 1;
        return set_add(free, name);
    }
    if (flags & WF_DEF_BOUND) {
        sym->scope = WF_SCOPE_LOCAL;
        if (set_add(local, name) < 0) return -1;
        set_discard(global, name);
        return 0;
    }
    if (bound && set_contains(bound, name)) {
        sym->scope = WF_SCOPE_FREE;
        ste->free = 1;
        return set_add(free, name);
    }
    if (global && set_contains(global, name)) {
        sym->scope = WF_SCOPE_GLOBAL_IMPLICIT;
        return 0;
    }
    if (ste->nested) ste->free = 1;
    sym->scope = WF_SCOPE_GLOBAL_IMPLICIT;
    return 0;
}

static int update_symbols(WfScope *ste, NameSet *bound, NameSet *free, bool classflag) {
    for (int i = 0; i < free->cap; i++) {
        WfObject *name = free->slots[i];
        if (!name || name == (WfObject *)1) continue;
        WfSymbol *sym = wf_scope_symbol(ste, name);
        if (sym) {
            if (classflag && (sym->flags & (WF_DEF_BOUND | WF_DEF_GLOBAL))) sym->flags |= WF_DEF_FREE_CLASS;
            continue;  // a cell, or already free here
        }
        if (bound && !set_contains(bound, name)) continue;  // a global
        sym = scope_add_symbol(ste, name);
        if (!sym) return -1;
        sym->scope = WF_SCOPE_FREE;
    }
    return 0;
}

static int analyze_block(WfSymtable *st, WfScope *ste, NameSet *bound, NameSet *free, NameSet *global);

static int analyze_child_block(WfSymtable *st, WfScope *entry, NameSet *bound, NameSet *free,
                               NameSet *global, NameSet *child_free) {
    NameSet tb, tf, tg;
    int r = -1;
    memset(&tb, 0, sizeof tb);
    memset(&tf, 0, sizeof tf);
    memset(&tg, 0, sizeof tg);
    if (set_copy(&tb, bound) < 0 || set_copy(&tf, free) < 0 || set_copy(&tg, global) < 0) goto done;
    if (analyze_block(st, entry, &tb, &tf, &tg) < 0) goto done;
    if (set_update(child_free, &tf) < 0) goto done;
    r = 0;
done:
    set_free(&tb);
    set_free(&tf);
    set_free(&tg);
    return r;
}

static int analyze_block(WfSymtable *st, WfScope *ste, NameSet *bound, NameSet *free, NameSet *global) {
    NameSet local, newbound, newglobal, newfree, allfree;
    memset(&local, 0, sizeof local);
    memset(&newbound, 0, sizeof newbound);
    memset(&newglobal, 0, sizeof newglobal);
    memset(&newfree, 0, sizeof newfree);
    memset(&allfree, 0, sizeof allfree);
    int r = -1;
    WfObject *class_id = NULL;

    if (ste->type == WF_BLOCK_CLASS) {
        if (set_update(&newglobal, global) < 0) goto done;
        if (bound && set_update(&newbound, bound) < 0) goto done;
    }
    for (int i = 0; i < ste->nsyms; i++)
        if (analyze_name(st, ste, &ste->syms[i], bound, &local, free, global) < 0) goto done;

    if (ste->type != WF_BLOCK_CLASS) {
        if (ste->type == WF_BLOCK_FUNCTION && set_update(&newbound, &local) < 0) goto done;
        if (bound && set_update(&newbound, bound) < 0) goto done;
        if (set_update(&newglobal, global) < 0) goto done;
    } else {
        class_id = wf_compile_intern("__class__");
        if (!class_id || set_add(&newbound, class_id) < 0) goto done;
    }

    for (int i = 0; i < ste->nchildren; i++) {
        WfScope *c = ste->children[i];
        if (analyze_child_block(st, c, &newbound, &newfree, &newglobal, &allfree) < 0) goto done;
        if (c->free || c->child_free) ste->child_free = 1;
    }
    if (set_update(&newfree, &allfree) < 0) goto done;

    if (ste->type == WF_BLOCK_FUNCTION) {
        // Locals used freely by children become cells.
        for (int i = 0; i < ste->nsyms; i++) {
            WfSymbol *sym = &ste->syms[i];
            if (sym->scope != WF_SCOPE_LOCAL || !set_contains(&newfree, sym->name)) continue;
            sym->scope = WF_SCOPE_CELL;
            set_discard(&newfree, sym->name);
        }
    } else if (ste->type == WF_BLOCK_CLASS) {
        if (!class_id) class_id = wf_compile_intern("__class__");
        if (set_contains(&newfree, class_id)) {
            set_discard(&newfree, class_id);
            ste->needs_class_closure = 1;
        }
    }
    if (update_symbols(ste, bound, &newfree, ste->type == WF_BLOCK_CLASS) < 0) goto done;
    if (set_update(free, &newfree) < 0) goto done;
    r = 0;
done:
    set_free(&local);
    set_free(&newbound);
    set_free(&newglobal);
    set_free(&newfree);
    set_free(&allfree);
    return r;
}

// ---------------------------------------------------------------------------

int wf_symtable_build(WfSymtable *st, WfCompileSource *cs, const WfAstNode *mod) {
    memset(st, 0, sizeof *st);
    st->cs = cs;
    WfObject *top = wf_compile_intern("top");
    if (!top || enter_block(st, top, WF_BLOCK_MODULE, mod) < 0) return -1;
    st->top = st->cur;
    int r = 0;
    switch (mod->kind) {
    case WF_AST_Module:
        r = visit_stmts(st, mod->v.Module.body);
        break;
    case WF_AST_Interactive:
        r = visit_stmts(st, mod->v.Interactive.body);
        break;
    case WF_AST_Expression:
        r = visit_expr(st, mod->v.Expression.body);
        break;
    default:
        wf_err_set_string(&wf_exc_SystemError, "symtable: unexpected module kind");
        return -1;
    }
    if (r < 0) return -1;
    exit_block(st);
    NameSet free, global;
    memset(&free, 0, sizeof free);
    memset(&global, 0, sizeof global);
    r = analyze_block(st, st->top, NULL, &free, &global);
    set_free(&free);
    set_free(&global);
    return r;
}

void wf_symtable_free(WfSymtable *st) {
    for (int i = 0; i < st->nall; i++) {
        WfScope *s = st->all[i];
        wf_mem_free(s->syms);
        wf_mem_free(s->index);
        wf_mem_free(s->varnames);
        wf_mem_free(s->children);
        wf_mem_free(s->directives);
        wf_mem_free(s);
    }
    wf_mem_free(st->all);
    wf_mem_free(st->stack);
    wf_mem_free(st->map);
    memset(st, 0, sizeof *st);
}
