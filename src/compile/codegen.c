// codegen.c — compilation units and instruction emission: scopes, labels,
// constants (deduplicated by type and value), name lists, name resolution to
// LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME (CPython 3.12's
// compiler_nameop), frame blocks and compile errors.
//
// Invariant: c->u is the innermost unit; units form a stack through
// `parent`; each unit owns its instruction, label, constant and name arrays.
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile/codegen.h"
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

const WfCodeLocation wf_no_location = { -1, -1, -1, -1 };


static size_t ptr_hash(const void *p) {
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0xed5ad4bbU;
    x ^= x >> 11;
    return (size_t)x;
}

// ---------------------------------------------------------------------------
// Name lists

int wf_namelist_find(const WfNameList *l, WfObject *name) {
    if (!l->indexcap) return -1;
    size_t mask = (size_t)(l->indexcap - 1);
    for (size_t h = ptr_hash(name) & mask;; h = (h + 1) & mask) {
        int i = l->index[h];
        if (!i) return -1;
        if (l->items[i - 1] == name) return i - 1;
    }
}

int wf_namelist_add(WfNameList *l, WfObject *name) {
    int i = wf_namelist_find(l, name);
    if (i >= 0) return i;
    if ((l->count + 1) * 2 > l->indexcap) {
        int ncap = l->indexcap ? l->indexcap * 2 : 16;
        int *ni = wf_mem_calloc((size_t)ncap, sizeof(int));
        if (!ni) {
            wf_err_no_memory();
            return -1;
        }
        for (int k = 0; k < l->count; k++) {
            size_t h = ptr_hash(l->items[k]) & (size_t)(ncap - 1);
            while (ni[h]) h = (h + 1) & (size_t)(ncap - 1);
            ni[h] = k + 1;
        }
        wf_mem_free(l->index);
        l->index = ni;
        l->indexcap = ncap;
    }
    if (l->count == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 8;
        WfObject **n = wf_mem_realloc(l->items, (size_t)ncap * sizeof(WfObject *));
        if (!n) {
            wf_err_no_memory();
            return -1;
        }
        l->items = n;
        l->cap = ncap;
    }
    l->items[l->count] = name;
    size_t mask = (size_t)(l->indexcap - 1);
    size_t h = ptr_hash(name) & mask;
    while (l->index[h]) h = (h + 1) & mask;
    l->index[h] = ++l->count;
    return l->count - 1;
}

void wf_namelist_free(WfNameList *l) {
    wf_mem_free(l->items);
    wf_mem_free(l->index);
    memset(l, 0, sizeof *l);
}

// ---------------------------------------------------------------------------
// Errors

int wf_cg_error(WfCompiler *c, WfCodeLocation loc, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return wf_compile_error(c->cs, loc.line, loc.col, loc.end_line, loc.end_col, "%s", buf);
}

int wf_cg_forbidden_name(WfCompiler *c, WfCodeLocation loc, const char *name, WfAstExprContext ctx) {
    if (strcmp(name, "__debug__") != 0) return 0;
    if (ctx == WF_AST_CTX_Store) {
        wf_cg_error(c, loc, "cannot assign to __debug__");
        return 1;
    }
    if (ctx == WF_AST_CTX_Del) {
        wf_cg_error(c, loc, "cannot delete __debug__");
        return 1;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// Units

static int str_sort_cmp(const void *a, const void *b) {
    return wf_str_compare(*(WfObject *const *)a, *(WfObject *const *)b);
}

// Names of `ste` whose scope is `scope` or whose flags include `flag`, sorted.
static int names_by_type(WfNameList *out, WfScope *ste, int scope, int flag) {
    WfObject **tmp = wf_mem_malloc(sizeof(WfObject *) * (size_t)(ste->nsyms + 1));
    if (!tmp) {
        wf_err_no_memory();
        return -1;
    }
    int n = 0;
    for (int i = 0; i < ste->nsyms; i++) {
        WfSymbol *s = &ste->syms[i];
        if (s->scope == scope || (s->flags & flag)) tmp[n++] = s->name;
    }
    qsort(tmp, (size_t)n, sizeof(WfObject *), str_sort_cmp);
    for (int i = 0; i < n; i++) {
        if (wf_namelist_add(out, tmp[i]) < 0) {
            wf_mem_free(tmp);
            return -1;
        }
    }
    wf_mem_free(tmp);
    return 0;
}

static void unit_free(WfUnit *u) {
    if (!u) return;
    WF_XDECREF(u->name);
    WF_XDECREF(u->qualname);
    for (int i = 0; i < u->nconsts; i++) wf_decref(u->consts[i]);
    wf_mem_free(u->consts);
    wf_mem_free(u->const_index);
    wf_namelist_free(&u->names);
    wf_namelist_free(&u->varnames);
    wf_namelist_free(&u->cellvars);
    wf_namelist_free(&u->freevars);
    wf_mem_free(u->instrs);
    wf_mem_free(u->labels);
    wf_mem_free(u);
}

static int set_qualname(WfCompiler *c) {
    WfUnit *u = c->u, *parent = u->parent;
    WfObject *base = NULL;
    if (parent && parent->type != WF_UNIT_MODULE) {
        bool force_global = false;
        if (u->type == WF_UNIT_FUNCTION || u->type == WF_UNIT_ASYNC_FUNCTION || u->type == WF_UNIT_CLASS) {
            WfObject *mangled = wf_compile_mangle(parent->private_name, u->name);
            if (!mangled) return -1;
            if (wf_scope_of(parent->ste, mangled) == WF_SCOPE_GLOBAL_EXPLICIT) force_global = true;
        }
        if (!force_global) {
            if (parent->type == WF_UNIT_FUNCTION || parent->type == WF_UNIT_ASYNC_FUNCTION ||
                parent->type == WF_UNIT_LAMBDA)
                base = wf_str_from_format("%U.<locals>", parent->qualname);
            else
                base = wf_newref(parent->qualname);
            if (!base) return -1;
        }
    }
    if (base) {
        u->qualname = wf_str_from_format("%U.%U", base, u->name);
        wf_decref(base);
        if (!u->qualname) return -1;
    } else {
        u->qualname = wf_newref(u->name);
    }
    return 0;
}

int wf_cg_enter_scope(WfCompiler *c, WfObject *name, WfUnitType type, const WfAstNode *key, int lineno) {
    WfUnit *u = wf_mem_calloc(1, sizeof(WfUnit));
    if (!u) {
        wf_err_no_memory();
        return -1;
    }
    u->type = type;
    u->last_label_at = -1;
    u->ste = wf_symtable_lookup(c->st, key);
    if (!u->ste) {
        wf_mem_free(u);
        wf_err_set_string(&wf_exc_SystemError, "compiler: missing symbol table entry");
        return -1;
    }
    u->name = wf_newref(name);
    u->firstlineno = lineno;
    u->parent = c->u;
    if (c->u) u->private_name = c->u->private_name;
    c->u = u;
    c->nestlevel++;
    for (int i = 0; i < u->ste->nvarnames; i++)
        if (wf_namelist_add(&u->varnames, u->ste->varnames[i]) < 0) return -1;
    if (names_by_type(&u->cellvars, u->ste, WF_SCOPE_CELL, WF_DEF_COMP_CELL) < 0) return -1;
    if (u->ste->needs_class_closure) {
        WfObject *cls = wf_compile_intern("__class__");
        if (!cls || wf_namelist_add(&u->cellvars, cls) < 0) return -1;
    }
    if (names_by_type(&u->freevars, u->ste, WF_SCOPE_FREE, WF_DEF_FREE_CLASS) < 0) return -1;
    WfCodeLocation loc = { lineno, lineno, 0, 0 };
    if (type == WF_UNIT_MODULE) {
        loc.line = 0;
        loc.end_line = 0;
        u->qualname = wf_newref(name);
    } else {
        RETURN_IF_ERROR(set_qualname(c));
    }
    return wf_cg_addop(c, WF_OP_RESUME, 0, loc);
}

void wf_cg_exit_scope(WfCompiler *c) {
    WfUnit *u = c->u;
    c->u = u->parent;
    c->nestlevel--;
    unit_free(u);
}

// ---------------------------------------------------------------------------
// Emission

static int grow(void **arr, int *cap, int need, size_t elem) {
    if (need <= *cap) return 0;
    int ncap = *cap ? *cap * 2 : 32;
    while (ncap < need) ncap *= 2;
    void *n = wf_mem_realloc(*arr, (size_t)ncap * elem);
    if (!n) {
        wf_err_no_memory();
        return -1;
    }
    *arr = n;
    *cap = ncap;
    return 0;
}

static bool label_at_end(WfUnit *u) { return u->last_label_at == u->ninstrs; }

int wf_cg_addop(WfCompiler *c, int opcode, int oparg, WfCodeLocation loc) {
    WfUnit *u = c->u;
    // PUSH_NULL; LOAD_GLOBAL x  ->  LOAD_GLOBAL (x | NULL), as CPython's peephole.
    if (opcode == WF_OP_LOAD_GLOBAL && !(oparg & 1) && u->ninstrs > 0 &&
        u->instrs[u->ninstrs - 1].opcode == WF_OP_PUSH_NULL && !label_at_end(u)) {
        WfInstr *prev = &u->instrs[u->ninstrs - 1];
        prev->opcode = WF_OP_LOAD_GLOBAL;
        prev->oparg = oparg | 1;
        prev->loc = loc;
        return 0;
    }
    if (grow((void **)&u->instrs, &u->capinstrs, u->ninstrs + 1, sizeof(WfInstr)) < 0) return -1;
    u->instrs[u->ninstrs++] = (WfInstr){ opcode, oparg, -1, loc };
    return 0;
}

int wf_cg_jump(WfCompiler *c, int opcode, int label, WfCodeLocation loc) {
    WfUnit *u = c->u;
    if (grow((void **)&u->instrs, &u->capinstrs, u->ninstrs + 1, sizeof(WfInstr)) < 0) return -1;
    u->instrs[u->ninstrs++] = (WfInstr){ opcode, 0, label, loc };
    return 0;
}

int wf_cg_insert_first(WfCompiler *c, int opcode, int oparg, int target) {
    WfUnit *u = c->u;
    if (grow((void **)&u->instrs, &u->capinstrs, u->ninstrs + 1, sizeof(WfInstr)) < 0) return -1;
    memmove(u->instrs + 1, u->instrs, sizeof(WfInstr) * (size_t)u->ninstrs);
    u->instrs[0] = (WfInstr){ opcode, oparg, target, wf_no_location };
    u->ninstrs++;
    for (int i = 0; i < u->nlabels; i++)
        if (u->labels[i] >= 0) u->labels[i]++;
    if (u->last_label_at >= 0) u->last_label_at++;
    return 0;
}

int wf_cg_new_label(WfCompiler *c) {
    WfUnit *u = c->u;
    if (grow((void **)&u->labels, &u->caplabels, u->nlabels + 1, sizeof(int)) < 0) return -1;
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

int wf_cg_use_label(WfCompiler *c, int label) {
    c->u->labels[label] = c->u->ninstrs;
    c->u->last_label_at = c->u->ninstrs;
    return 0;
}

// ---------------------------------------------------------------------------
// Constants

static bool float_same(double a, double b) { return memcmp(&a, &b, sizeof(double)) == 0; }

// Hash for constant de-duplication (unsigned arithmetic: wraps, never overflows).
static size_t const_hash(WfObject *o) {
    if (wf_is_smallint(o)) return (size_t)wf_smallint_value(o) * 1000003u;
    WfTypeObject *t = o->ob_type;
    if (t == &wf_str_type) return (size_t)wf_str_hash(o);
    if (t == &wf_float_type || t == &wf_complex_type) {
        double d[2] = { 0, 0 };
        if (t == &wf_float_type) d[0] = wf_float_value(o);
        else d[0] = wf_complex_real(o), d[1] = wf_complex_imag(o);
        uint64_t bits[2];
        memcpy(bits, d, sizeof bits);
        return (size_t)(bits[0] ^ (bits[0] >> 29) ^ (bits[1] * 31u));
    }
    if (t == &wf_bytes_type) return (size_t)wf_hash_bytes(wf_bytes_data(o), wf_bytes_size(o)) ^ 0x5bd1e995u;
    if (t == &wf_tuple_type) {
        size_t h = 0x345678;
        for (wf_ssize i = 0; i < wf_tuple_size(o); i++) h = (h * 1000003u) ^ const_hash(wf_tuple_get_borrow(o, i));
        return h;
    }
    if (t == &wf_int_type) {
        intptr_t h = wf_int_hash(o);
        if (h == -1) wf_err_clear();
        return (size_t)h;
    }
    return ptr_hash(o);
}

static bool const_equal(WfObject *a, WfObject *b) {
    if (a == b) return true;
    if (wf_is_smallint(a) || wf_is_smallint(b)) return false;  // tagged ints are canonical
    WfTypeObject *t = a->ob_type;
    if (t != b->ob_type) return false;
    if (t == &wf_str_type) return wf_str_equal(a, b);
    if (t == &wf_float_type) return float_same(wf_float_value(a), wf_float_value(b));
    if (t == &wf_complex_type)
        return float_same(wf_complex_real(a), wf_complex_real(b)) && float_same(wf_complex_imag(a), wf_complex_imag(b));
    if (t == &wf_bytes_type)
        return wf_bytes_size(a) == wf_bytes_size(b) &&
               memcmp(wf_bytes_data(a), wf_bytes_data(b), (size_t)wf_bytes_size(a)) == 0;
    if (t == &wf_int_type) return wf_int_compare(a, b) == 0;
    if (t == &wf_tuple_type) {
        if (wf_tuple_size(a) != wf_tuple_size(b)) return false;
        for (wf_ssize i = 0; i < wf_tuple_size(a); i++)
            if (!const_equal(wf_tuple_get_borrow(a, i), wf_tuple_get_borrow(b, i))) return false;
        return true;
    }
    return false;
}

static void make_immortal(WfObject *o) {
    if (wf_is_smallint(o) || wf_is_immortal(o)) return;
    if (wf_type_of(o) == &wf_tuple_type)
        for (wf_ssize i = 0; i < wf_tuple_size(o); i++) make_immortal(wf_tuple_get_borrow(o, i));
    wf_object_set_immortal(o);
}

int wf_cg_add_const(WfCompiler *c, WfObject *o) {
    WfUnit *u = c->u;
    size_t h = const_hash(o);
    if (u->const_indexcap) {
        size_t mask = (size_t)(u->const_indexcap - 1);
        for (size_t k = h & mask;; k = (k + 1) & mask) {
            int i = u->const_index[k];
            if (!i) break;
            if (const_equal(u->consts[i - 1], o)) return i - 1;
        }
    }
    if ((u->nconsts + 1) * 2 > u->const_indexcap) {
        int ncap = u->const_indexcap ? u->const_indexcap * 2 : 16;
        int *ni = wf_mem_calloc((size_t)ncap, sizeof(int));
        if (!ni) {
            wf_err_no_memory();
            return -1;
        }
        for (int k = 0; k < u->nconsts; k++) {
            size_t hh = const_hash(u->consts[k]) & (size_t)(ncap - 1);
            while (ni[hh]) hh = (hh + 1) & (size_t)(ncap - 1);
            ni[hh] = k + 1;
        }
        wf_mem_free(u->const_index);
        u->const_index = ni;
        u->const_indexcap = ncap;
    }
    if (grow((void **)&u->consts, &u->capconsts, u->nconsts + 1, sizeof(WfObject *)) < 0) return -1;
    make_immortal(o);
    u->consts[u->nconsts] = wf_newref(o);
    size_t mask = (size_t)(u->const_indexcap - 1);
    size_t k = h & mask;
    while (u->const_index[k]) k = (k + 1) & mask;
    u->const_index[k] = ++u->nconsts;
    return u->nconsts - 1;
}

int wf_cg_load_const(WfCompiler *c, WfObject *o, WfCodeLocation loc) {
    int i = wf_cg_add_const(c, o);
    if (i < 0) return -1;
    return wf_cg_addop(c, WF_OP_LOAD_CONST, i, loc);
}

int wf_cg_load_const_take(WfCompiler *c, WfObject *o, WfCodeLocation loc) {
    if (!o) return -1;
    int r = wf_cg_load_const(c, o, loc);
    wf_decref(o);
    return r;
}

static bool all_name_chars(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
            return false;
    }
    return true;
}

WfObject *wf_cg_constant_value(WfCompiler *c, const WfAstConstant *k) {
    (void)c;
    switch (k->kind) {
    case WF_CONST_NONE: return wf_None;
    case WF_CONST_TRUE: return wf_True;
    case WF_CONST_FALSE: return wf_False;
    case WF_CONST_ELLIPSIS: return wf_Ellipsis;
    case WF_CONST_INT: return wf_int_from_string(k->data, (wf_ssize)k->len, k->base ? k->base : 10);
    case WF_CONST_FLOAT: return wf_float_from_string(k->data, (wf_ssize)k->len);
    case WF_CONST_IMAGINARY: {
        WfObject *f = wf_float_from_string(k->data, (wf_ssize)k->len);
        if (!f) return NULL;
        double v = wf_float_value(f);
        wf_decref(f);
        return wf_complex_new(0.0, v);
    }
    case WF_CONST_STR: {
        WfObject *s = wf_str_from_utf8(k->data, (wf_ssize)k->len);
        if (!s) {
            // Lone surrogates ('\udc80') arrive encoded as in "surrogatepass".
            wf_err_clear();
            s = wf_str_decode(k->data, (wf_ssize)k->len, "utf-8", "surrogatepass");
        }
        if (s && all_name_chars(k->data, k->len)) s = wf_str_intern_take(s);
        return s;
    }
    case WF_CONST_BYTES: return wf_bytes_from_data(k->data, (wf_ssize)k->len);
    }
    wf_err_set_string(&wf_exc_SystemError, "compiler: bad constant kind");
    return NULL;
}

WfObject *wf_cg_docstring(const WfAstSeq *body) {
    if (!body->len) return NULL;
    const WfAstNode *st = body->items[0];
    if (st->kind != WF_AST_Expr) return NULL;
    const WfAstNode *e = st->v.Expr.value;
    if (e->kind != WF_AST_Constant || e->v.Constant.value.kind != WF_CONST_STR) return NULL;
    WfObject *s = wf_str_from_utf8(e->v.Constant.value.data, (wf_ssize)e->v.Constant.value.len);
    if (!s) {
        wf_err_clear();
        s = wf_str_decode(e->v.Constant.value.data, (wf_ssize)e->v.Constant.value.len, "utf-8", "surrogatepass");
        if (!s) wf_err_clear();
    }
    return s;
}

// ---------------------------------------------------------------------------
// Names

int wf_cg_addop_name(WfCompiler *c, int opcode, WfObject *name, int lowbits, WfCodeLocation loc) {
    WfObject *mangled = wf_compile_mangle(c->u->private_name, name);
    if (!mangled) return -1;
    int idx = wf_namelist_add(&c->u->names, mangled);
    if (idx < 0) return -1;
    int arg = idx;
    if (opcode == WF_OP_LOAD_ATTR || opcode == WF_OP_LOAD_GLOBAL) arg = (idx << 1) | lowbits;
    else if (opcode == WF_OP_LOAD_SUPER_ATTR) arg = (idx << 2) | lowbits;
    return wf_cg_addop(c, opcode, arg, loc);
}

int wf_cg_addop_name_cstr(WfCompiler *c, int opcode, const char *name, int lowbits, WfCodeLocation loc) {
    WfObject *n = wf_compile_intern(name);
    if (!n) return -1;
    return wf_cg_addop_name(c, opcode, n, lowbits, loc);
}

int wf_cg_get_ref_type(WfCompiler *c, WfObject *name) {
    if (c->u->type == WF_UNIT_CLASS && wf_str_equal_cstr(name, "__class__")) return WF_SCOPE_CELL;
    int scope = wf_scope_of(c->u->ste, name);
    if (scope == WF_SCOPE_NONE) {
        wf_err_format(&wf_exc_SystemError, "compiler: unknown scope for name %R", name);
        return -1;
    }
    return scope;
}

enum { OP_FAST, OP_GLOBAL, OP_DEREF, OP_NAME };

int wf_cg_nameop(WfCompiler *c, WfObject *name, WfAstExprContext ctx, WfCodeLocation loc) {
    WfUnit *u = c->u;
    const char *cname = wf_str_as_utf8_borrow(name);
    if (cname && wf_cg_forbidden_name(c, loc, cname, ctx)) return -1;
    WfObject *mangled = wf_compile_mangle(u->private_name, name);
    if (!mangled) return -1;
    int scope = wf_scope_of(u->ste, mangled);
    int optype = OP_NAME;
    int arg = 0;
    switch (scope) {
    case WF_SCOPE_FREE:
        optype = OP_DEREF;
        arg = wf_namelist_find(&u->freevars, mangled);
        if (arg >= 0) arg += u->cellvars.count;
        break;
    case WF_SCOPE_CELL:
        optype = OP_DEREF;
        arg = wf_namelist_find(&u->cellvars, mangled);
        break;
    case WF_SCOPE_LOCAL:
        if (wf_scope_is_function_like(u->ste)) optype = OP_FAST;
        break;
    case WF_SCOPE_GLOBAL_IMPLICIT:
        if (wf_scope_is_function_like(u->ste)) optype = OP_GLOBAL;
        break;
    case WF_SCOPE_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int op = 0;
    switch (optype) {
    case OP_DEREF:
        if (arg < 0) {
            wf_err_format(&wf_exc_SystemError, "compiler: no cell for %R", mangled);
            return -1;
        }
        switch (ctx) {
        case WF_AST_CTX_Load:
            if (u->ste->type == WF_BLOCK_CLASS) {
                RETURN_IF_ERROR(wf_cg_addop(c, WF_OP_LOAD_LOCALS, 0, loc));
                op = WF_OP_LOAD_FROM_DICT_OR_DEREF;
            } else {
                op = WF_OP_LOAD_DEREF;
            }
            break;
        case WF_AST_CTX_Store: op = WF_OP_STORE_DEREF; break;
        case WF_AST_CTX_Del: op = WF_OP_DELETE_DEREF; break;
        }
        return wf_cg_addop(c, op, arg, loc);
    case OP_FAST:
        arg = wf_namelist_add(&u->varnames, mangled);
        if (arg < 0) return -1;
        op = ctx == WF_AST_CTX_Load ? WF_OP_LOAD_FAST : ctx == WF_AST_CTX_Store ? WF_OP_STORE_FAST : WF_OP_DELETE_FAST;
        return wf_cg_addop(c, op, arg, loc);
    case OP_GLOBAL:
        op = ctx == WF_AST_CTX_Load    ? WF_OP_LOAD_GLOBAL
             : ctx == WF_AST_CTX_Store ? WF_OP_STORE_GLOBAL
                                       : WF_OP_DELETE_GLOBAL;
        break;
    default:
        op = ctx == WF_AST_CTX_Load ? WF_OP_LOAD_NAME : ctx == WF_AST_CTX_Store ? WF_OP_STORE_NAME : WF_OP_DELETE_NAME;
        break;
    }
    arg = wf_namelist_add(&u->names, mangled);
    if (arg < 0) return -1;
    if (op == WF_OP_LOAD_GLOBAL) arg <<= 1;
    return wf_cg_addop(c, op, arg, loc);
}

int wf_cg_nameop_cstr(WfCompiler *c, const char *name, WfAstExprContext ctx, WfCodeLocation loc) {
    WfObject *n = wf_compile_intern(name);
    if (!n) return -1;
    return wf_cg_nameop(c, n, ctx, loc);
}

// ---------------------------------------------------------------------------
// Frame blocks

int wf_cg_push_fblock(WfCompiler *c, WfCodeLocation loc, WfFBlockType t, int block, int exit, const void *datum) {
    WfUnit *u = c->u;
    if (u->nfblocks >= WF_MAX_FBLOCKS) return wf_cg_error(c, loc, "too many statically nested blocks");
    u->fblocks[u->nfblocks++] = (WfFBlock){ t, block, exit, datum, loc };
    return 0;
}

void wf_cg_pop_fblock(WfCompiler *c) { c->u->nfblocks--; }
