// codegen_expr.c — code generation for expressions (CPython 3.12's
// compiler_visit_expr and helpers): displays with star-unpacking, calls
// ([NULL|method, callable|self, args] + KW_NAMES + CALL, CALL_FUNCTION_EX),
// method calls and the super() fast path, comparisons (chained), boolean
// operators, conditional jumps, f-strings, subscripts and slices, yield /
// await, and folding of simple constant expressions.
//
// Invariant: every visit leaves exactly one value on the stack for a Load
// context, and consumes the stored value for Store.
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compile/codegen.h"
#include "objects/complex.h"
#include "objects/float.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

#define LOC(n) wf_loc_of(n)
#define NOLOC wf_no_location
#define ADDOP(op, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), 0, (loc)))
#define ADDOP_I(op, arg, loc) RETURN_IF_ERROR(wf_cg_addop(c, (op), (arg), (loc)))
#define ADDOP_JUMP(op, label, loc) RETURN_IF_ERROR(wf_cg_jump(c, (op), (label), (loc)))
#define VISIT(e) RETURN_IF_ERROR(wf_cg_visit_expr(c, (e)))
#define NEW_LABEL(l) int l = wf_cg_new_label(c); if (l < 0) return -1
#define USE_LABEL(l) wf_cg_use_label(c, (l))

static const int binop_map[] = {
    [WF_AST_OP_Add] = WF_BINOP_ADD, [WF_AST_OP_Sub] = WF_BINOP_SUBTRACT,
    [WF_AST_OP_Mult] = WF_BINOP_MULTIPLY, [WF_AST_OP_MatMult] = WF_BINOP_MATRIX_MULTIPLY,
    [WF_AST_OP_Div] = WF_BINOP_TRUE_DIVIDE, [WF_AST_OP_Mod] = WF_BINOP_REMAINDER,
    [WF_AST_OP_Pow] = WF_BINOP_POWER, [WF_AST_OP_LShift] = WF_BINOP_LSHIFT,
    [WF_AST_OP_RShift] = WF_BINOP_RSHIFT, [WF_AST_OP_BitOr] = WF_BINOP_OR,
    [WF_AST_OP_BitXor] = WF_BINOP_XOR, [WF_AST_OP_BitAnd] = WF_BINOP_AND,
    [WF_AST_OP_FloorDiv] = WF_BINOP_FLOOR_DIVIDE,
};

// ---------------------------------------------------------------------------
// Constant folding (a small subset of CPython's ast_opt.c).

static bool is_number(WfObject *o) {
    return wf_is_smallint(o) || o->ob_type == &wf_int_type || o->ob_type == &wf_float_type ||
           o->ob_type == &wf_complex_type;
}

static WfObject *fold_binop(int op, WfObject *a, WfObject *b) {
    if (!is_number(a) || !is_number(b)) return NULL;
    bool ints = wf_int_check_exact(a) && wf_int_check_exact(b);
    WfObject *r = NULL;
    switch (op) {
    case WF_AST_OP_Add: r = wf_number_add(a, b); break;
    case WF_AST_OP_Sub: r = wf_number_subtract(a, b); break;
    case WF_AST_OP_Mult: r = wf_number_multiply(a, b); break;
    case WF_AST_OP_Div: r = wf_number_true_divide(a, b); break;
    case WF_AST_OP_FloorDiv: r = wf_number_floor_divide(a, b); break;
    case WF_AST_OP_Mod: r = wf_number_remainder(a, b); break;
    case WF_AST_OP_Pow:
        // Only small integer powers (the result size is bounded below).
        if (ints && wf_is_smallint(b) && wf_smallint_value(b) >= 0 && wf_smallint_value(b) <= 128)
            r = wf_number_power(a, b, wf_None);
        else if (!ints)
            r = wf_number_power(a, b, wf_None);
        break;
    case WF_AST_OP_LShift:
        if (ints && wf_is_smallint(b) && wf_smallint_value(b) >= 0 && wf_smallint_value(b) <= 64)
            r = wf_number_lshift(a, b);
        break;
    case WF_AST_OP_RShift: if (ints) r = wf_number_rshift(a, b); break;
    case WF_AST_OP_BitAnd: if (ints) r = wf_number_and(a, b); break;
    case WF_AST_OP_BitOr: if (ints) r = wf_number_or(a, b); break;
    case WF_AST_OP_BitXor: if (ints) r = wf_number_xor(a, b); break;
    default: break;
    }
    if (!r) {
        wf_err_clear();  // leave the error for run time
        return NULL;
    }
    // Keep big results out of the constants (CPython limits them to 128 bits).
    if (!wf_is_smallint(r) && r->ob_type == &wf_int_type) {
        wf_decref(r);
        return NULL;
    }
    return r;
}

WfObject *wf_cg_fold_constant(WfCompiler *c, const WfAstNode *e, int *err) {
    switch (e->kind) {
    case WF_AST_Constant: {
        WfObject *v = wf_cg_constant_value(c, &e->v.Constant.value);
        if (!v) *err = 1;
        return v;
    }
    case WF_AST_UnaryOp: {
        int op = e->v.UnaryOp.op;
        if (op == WF_AST_UNARY_Not) return NULL;
        WfObject *v = wf_cg_fold_constant(c, e->v.UnaryOp.operand, err);
        if (!v) return NULL;
        WfObject *r = NULL;
        if (is_number(v)) {
            if (op == WF_AST_UNARY_USub) r = wf_number_negative(v);
            else if (op == WF_AST_UNARY_UAdd) r = wf_number_positive(v);
            else if (op == WF_AST_UNARY_Invert && wf_int_check_exact(v)) r = wf_number_invert(v);
            if (!r) wf_err_clear();
        }
        wf_decref(v);
        return r;
    }
    case WF_AST_BinOp: {
        WfObject *a = wf_cg_fold_constant(c, e->v.BinOp.left, err);
        if (!a) return NULL;
        WfObject *b = wf_cg_fold_constant(c, e->v.BinOp.right, err);
        if (!b) {
            wf_decref(a);
            return NULL;
        }
        WfObject *r = fold_binop(e->v.BinOp.op, a, b);
        wf_decref(a);
        wf_decref(b);
        return r;
    }
    case WF_AST_Tuple: {
        if (e->v.Tuple.ctx != WF_AST_CTX_Load) return NULL;
        const WfAstSeq *elts = e->v.Tuple.elts;
        for (int i = 0; i < elts->len; i++) {
            int k = elts->items[i]->kind;
            if (k != WF_AST_Constant && k != WF_AST_UnaryOp && k != WF_AST_Tuple && k != WF_AST_BinOp) return NULL;
        }
        WfObject *t = wf_tuple_new(elts->len);
        if (!t) {
            *err = 1;
            return NULL;
        }
        for (int i = 0; i < elts->len; i++) {
            WfObject *v = wf_cg_fold_constant(c, elts->items[i], err);
            if (!v) {
                for (int j = i; j < elts->len; j++) wf_tuple_set_take(t, j, wf_None);
                wf_decref(t);
                return NULL;
            }
            wf_tuple_set_take(t, i, v);
        }
        return t;
    }
    default:
        return NULL;
    }
}

// Visit e, loading a folded constant when it folds. 1 folded, 0 not, -1 error.
static int try_fold(WfCompiler *c, const WfAstNode *e) {
    int err = 0;
    WfObject *v = wf_cg_fold_constant(c, e, &err);
    if (err) return -1;
    if (!v) return 0;
    int r = wf_cg_load_const(c, v, LOC(e));
    wf_decref(v);
    return r < 0 ? -1 : 1;
}

static bool is_const_node(WfCompiler *c, const WfAstNode *e) {
    (void)c;
    if (e->kind == WF_AST_Constant) return true;
    if (e->kind == WF_AST_UnaryOp && e->v.UnaryOp.op == WF_AST_UNARY_USub &&
        e->v.UnaryOp.operand->kind == WF_AST_Constant) {
        WfConstKind k = e->v.UnaryOp.operand->v.Constant.value.kind;
        return k == WF_CONST_INT || k == WF_CONST_FLOAT || k == WF_CONST_IMAGINARY;
    }
    return false;
}

static bool all_items_const(WfCompiler *c, const WfAstSeq *seq, int begin, int end) {
    for (int i = begin; i < end; i++)
        if (!seq->items[i] || !is_const_node(c, seq->items[i])) return false;
    return true;
}

static WfObject *const_tuple_of(WfCompiler *c, const WfAstSeq *seq, int begin, int end) {
    WfObject *t = wf_tuple_new(end - begin);
    if (!t) return NULL;
    int err = 0;
    for (int i = begin; i < end; i++) {
        WfObject *v = wf_cg_fold_constant(c, seq->items[i], &err);
        if (!v) {
            for (int j = i; j < end; j++) wf_tuple_set_take(t, j - begin, wf_None);
            wf_decref(t);
            if (!err) wf_err_set_string(&wf_exc_SystemError, "compiler: constant folding failed");
            return NULL;
        }
        wf_tuple_set_take(t, i - begin, v);
    }
    return t;
}

// ---------------------------------------------------------------------------
// Compile-time SyntaxWarnings (CPython's check_compare / check_caller /
// check_subscripter / check_index).

static int warn(WfCompiler *c, const WfAstNode *e, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int warn(WfCompiler *c, const WfAstNode *e, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return wf_compile_warn(c->cs, e->lineno, e->col_offset, e->end_lineno, e->end_col_offset, buf);
}

static const char *const_type_name(const WfAstConstant *k) {
    switch (k->kind) {
    case WF_CONST_NONE: return "NoneType";
    case WF_CONST_TRUE: case WF_CONST_FALSE: return "bool";
    case WF_CONST_ELLIPSIS: return "ellipsis";
    case WF_CONST_INT: return "int";
    case WF_CONST_FLOAT: return "float";
    case WF_CONST_IMAGINARY: return "complex";
    case WF_CONST_STR: return "str";
    case WF_CONST_BYTES: return "bytes";
    }
    return NULL;
}

// The static type of an expression when obvious (CPython's infer_type), else NULL.
static const char *infer_type(const WfAstNode *e) {
    switch (e->kind) {
    case WF_AST_Tuple: return "tuple";
    case WF_AST_List: case WF_AST_ListComp: return "list";
    case WF_AST_Dict: case WF_AST_DictComp: return "dict";
    case WF_AST_Set: case WF_AST_SetComp: return "set";
    case WF_AST_GeneratorExp: return "generator";
    case WF_AST_Lambda: return "function";
    case WF_AST_JoinedStr: case WF_AST_FormattedValue: return "str";
    case WF_AST_Constant: return const_type_name(&e->v.Constant.value);
    default: return NULL;
    }
}

// True when e may be an operand of `is` without a warning (not a literal).
static bool check_is_arg(WfCompiler *c, const WfAstNode *e) {
    if (e->kind == WF_AST_Constant) {
        WfConstKind k = e->v.Constant.value.kind;
        return k == WF_CONST_NONE || k == WF_CONST_TRUE || k == WF_CONST_FALSE || k == WF_CONST_ELLIPSIS;
    }
    // Folded constants (-1, (1, 2)) are literals too.
    if (e->kind == WF_AST_UnaryOp || e->kind == WF_AST_Tuple) {
        int err = 0;
        WfObject *v = wf_cg_fold_constant(c, e, &err);
        if (err) wf_err_clear();
        if (v) {
            wf_decref(v);
            return false;
        }
    }
    return true;
}

static int check_compare(WfCompiler *c, const WfAstNode *e) {
    bool left = check_is_arg(c, e->v.Compare.left);
    for (int i = 0; i < e->v.Compare.ops->len; i++) {
        int op = e->v.Compare.ops->items[i];
        bool right = check_is_arg(c, e->v.Compare.comparators->items[i]);
        if ((op == WF_AST_CMP_Is || op == WF_AST_CMP_IsNot) && (!right || !left))
            return warn(c, e, "%s", op == WF_AST_CMP_Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                                        : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 0;
}

static int check_caller(WfCompiler *c, const WfAstNode *call, const WfAstNode *e) {
    switch (e->kind) {
    case WF_AST_Constant: case WF_AST_Tuple: case WF_AST_List: case WF_AST_ListComp: case WF_AST_Dict:
    case WF_AST_DictComp: case WF_AST_Set: case WF_AST_SetComp: case WF_AST_GeneratorExp:
    case WF_AST_JoinedStr: case WF_AST_FormattedValue:
        return warn(c, call, "'%.200s' object is not callable; perhaps you missed a comma?", infer_type(e));
    default:
        return 0;
    }
}

static int check_subscripter(WfCompiler *c, const WfAstNode *sub, const WfAstNode *e) {
    switch (e->kind) {
    case WF_AST_Constant: {
        WfConstKind k = e->v.Constant.value.kind;
        if (!(k == WF_CONST_NONE || k == WF_CONST_ELLIPSIS || k == WF_CONST_INT || k == WF_CONST_FLOAT ||
              k == WF_CONST_IMAGINARY || k == WF_CONST_TRUE || k == WF_CONST_FALSE))
            return 0;
    }
    // fall through
    case WF_AST_Set: case WF_AST_SetComp: case WF_AST_GeneratorExp: case WF_AST_Lambda:
        return warn(c, sub, "'%.200s' object is not subscriptable; perhaps you missed a comma?", infer_type(e));
    default:
        return 0;
    }
}

static int check_index(WfCompiler *c, const WfAstNode *sub, const WfAstNode *e, const WfAstNode *s) {
    const char *index_type = infer_type(s);
    if (!index_type || !strcmp(index_type, "int") || !strcmp(index_type, "bool") || s->kind == WF_AST_Slice) return 0;
    switch (e->kind) {
    case WF_AST_Constant: {
        WfConstKind k = e->v.Constant.value.kind;
        if (!(k == WF_CONST_STR || k == WF_CONST_BYTES)) return 0;
    }
    // fall through
    case WF_AST_Tuple: case WF_AST_List: case WF_AST_ListComp: case WF_AST_JoinedStr: case WF_AST_FormattedValue:
        return warn(c, sub, "%.200s indices must be integers or slices, not %.200s; perhaps you missed a comma?",
                    infer_type(e), index_type);
    default:
        return 0;
    }
}

// ---------------------------------------------------------------------------

int wf_cg_visit_exprs(WfCompiler *c, const WfAstSeq *seq) {
    for (int i = 0; i < seq->len; i++) VISIT(seq->items[i]);
    return 0;
}

static WfCodeLocation update_start_location_to_match_attr(WfCodeLocation loc, const WfAstNode *attr) {
    if (loc.line != attr->end_lineno) {
        loc.line = attr->end_lineno;
        int len = (int)strlen(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            loc.col = attr->end_col_offset - len;
        } else {
            loc.col = -1;
            loc.end_col = -1;
        }
        if (loc.end_line < loc.line) loc.end_line = loc.line;
        if (loc.line == loc.end_line && loc.end_col < loc.col) loc.end_col = loc.col;
    }
    return loc;
}

static int unpack_helper(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *elts) {
    int n = elts->len;
    bool seen_star = false;
    for (int i = 0; i < n; i++) {
        const WfAstNode *elt = elts->items[i];
        if (elt->kind == WF_AST_Starred && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (1 << 15))
                return wf_cg_error(c, loc, "too many expressions in star-unpacking assignment");
            ADDOP_I(WF_OP_UNPACK_EX, i + ((n - i - 1) << 8), loc);
            seen_star = true;
        } else if (elt->kind == WF_AST_Starred) {
            return wf_cg_error(c, loc, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) ADDOP_I(WF_OP_UNPACK_SEQUENCE, n, loc);
    return 0;
}

static int assignment_helper(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *elts) {
    RETURN_IF_ERROR(unpack_helper(c, loc, elts));
    for (int i = 0; i < elts->len; i++) {
        const WfAstNode *elt = elts->items[i];
        VISIT(elt->kind != WF_AST_Starred ? elt : elt->v.Starred.value);
    }
    return 0;
}

static int starunpack_helper(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *elts, int pushed, int build,
                             int add, int extend, int tuple) {
    int n = elts->len;
    if (n > 2 && add != WF_OP_SET_ADD && all_items_const(c, elts, 0, n)) {
        WfObject *folded = const_tuple_of(c, elts, 0, n);
        if (!folded) return -1;
        if (tuple && !pushed) return wf_cg_load_const_take(c, folded, loc);
        if (wf_cg_addop(c, build, pushed, loc) < 0 || wf_cg_load_const_take(c, folded, loc) < 0) return -1;
        ADDOP_I(extend, 1, loc);
        if (tuple) ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_LIST_TO_TUPLE, loc);
        return 0;
    }
    bool big = n + pushed > WF_STACK_USE_GUIDELINE;
    bool seen_star = false;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == WF_AST_Starred) {
            seen_star = true;
            break;
        }
    if (!seen_star && !big) {
        for (int i = 0; i < n; i++) VISIT(elts->items[i]);
        ADDOP_I(tuple ? WF_OP_BUILD_TUPLE : build, n + pushed, loc);
        return 0;
    }
    bool sequence_built = false;
    if (big) {
        ADDOP_I(build, pushed, loc);
        sequence_built = true;
    }
    for (int i = 0; i < n; i++) {
        const WfAstNode *elt = elts->items[i];
        if (elt->kind == WF_AST_Starred) {
            if (!sequence_built) {
                ADDOP_I(build, i + pushed, loc);
                sequence_built = true;
            }
            VISIT(elt->v.Starred.value);
            ADDOP_I(extend, 1, loc);
        } else {
            VISIT(elt);
            if (sequence_built) ADDOP_I(add, 1, loc);
        }
    }
    if (tuple) ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_LIST_TO_TUPLE, loc);
    return 0;
}

static int compiler_list(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    const WfAstSeq *elts = e->v.List.elts;
    if (e->v.List.ctx == WF_AST_CTX_Store) return assignment_helper(c, loc, elts);
    if (e->v.List.ctx == WF_AST_CTX_Load)
        return starunpack_helper(c, loc, elts, 0, WF_OP_BUILD_LIST, WF_OP_LIST_APPEND, WF_OP_LIST_EXTEND, 0);
    return wf_cg_visit_exprs(c, elts);
}

static int compiler_tuple(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    const WfAstSeq *elts = e->v.Tuple.elts;
    if (e->v.Tuple.ctx == WF_AST_CTX_Store) return assignment_helper(c, loc, elts);
    if (e->v.Tuple.ctx == WF_AST_CTX_Load) {
        int r = try_fold(c, e);
        if (r) return r < 0 ? -1 : 0;
        return starunpack_helper(c, loc, elts, 0, WF_OP_BUILD_LIST, WF_OP_LIST_APPEND, WF_OP_LIST_EXTEND, 1);
    }
    return wf_cg_visit_exprs(c, elts);
}

static int compiler_subdict(WfCompiler *c, const WfAstNode *e, int begin, int end) {
    int n = end - begin;
    bool big = n * 2 > WF_STACK_USE_GUIDELINE;
    WfCodeLocation loc = LOC(e);
    const WfAstSeq *keys = e->v.Dict.keys, *values = e->v.Dict.values;
    if (n > 1 && !big && all_items_const(c, keys, begin, end)) {
        for (int i = begin; i < end; i++) VISIT(values->items[i]);
        WfObject *kt = const_tuple_of(c, keys, begin, end);
        if (!kt || wf_cg_load_const_take(c, kt, loc) < 0) return -1;
        ADDOP_I(WF_OP_BUILD_CONST_KEY_MAP, n, loc);
        return 0;
    }
    if (big) ADDOP_I(WF_OP_BUILD_MAP, 0, loc);
    for (int i = begin; i < end; i++) {
        VISIT(keys->items[i]);
        VISIT(values->items[i]);
        if (big) ADDOP_I(WF_OP_MAP_ADD, 1, loc);
    }
    if (!big) ADDOP_I(WF_OP_BUILD_MAP, n, loc);
    return 0;
}

static int compiler_dict(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    int n = e->v.Dict.values->len;
    bool have_dict = false;
    int elements = 0;
    for (int i = 0; i < n; i++) {
        bool is_unpacking = e->v.Dict.keys->items[i] == NULL;
        if (is_unpacking) {
            if (elements) {
                RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i));
                if (have_dict) ADDOP_I(WF_OP_DICT_UPDATE, 1, loc);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(WF_OP_BUILD_MAP, 0, loc);
                have_dict = true;
            }
            VISIT(e->v.Dict.values->items[i]);
            ADDOP_I(WF_OP_DICT_UPDATE, 1, loc);
        } else {
            if (elements * 2 > WF_STACK_USE_GUIDELINE) {
                RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i + 1));
                if (have_dict) ADDOP_I(WF_OP_DICT_UPDATE, 1, loc);
                have_dict = true;
                elements = 0;
            } else {
                elements++;
            }
        }
    }
    if (elements) {
        RETURN_IF_ERROR(compiler_subdict(c, e, n - elements, n));
        if (have_dict) ADDOP_I(WF_OP_DICT_UPDATE, 1, loc);
        have_dict = true;
    }
    if (!have_dict) ADDOP_I(WF_OP_BUILD_MAP, 0, loc);
    return 0;
}

// ---------------------------------------------------------------------------
// Comparisons and conditions

static int addop_compare(WfCompiler *c, WfCodeLocation loc, int cmp) {
    static const int masks[] = { 2, 2 | 8, 8, 1 | 2 | 4, 4, 4 | 8 };  // CPython 3.12's compare_masks
    int op = -1;
    switch (cmp) {
    case WF_AST_CMP_Eq: op = WF_EQ; break;
    case WF_AST_CMP_NotEq: op = WF_NE; break;
    case WF_AST_CMP_Lt: op = WF_LT; break;
    case WF_AST_CMP_LtE: op = WF_LE; break;
    case WF_AST_CMP_Gt: op = WF_GT; break;
    case WF_AST_CMP_GtE: op = WF_GE; break;
    case WF_AST_CMP_Is: return wf_cg_addop(c, WF_OP_IS_OP, 0, loc);
    case WF_AST_CMP_IsNot: return wf_cg_addop(c, WF_OP_IS_OP, 1, loc);
    case WF_AST_CMP_In: return wf_cg_addop(c, WF_OP_CONTAINS_OP, 0, loc);
    case WF_AST_CMP_NotIn: return wf_cg_addop(c, WF_OP_CONTAINS_OP, 1, loc);
    }
    return wf_cg_addop(c, WF_OP_COMPARE_OP, (op << 4) | masks[op], loc);
}

// The right operand of `in`: a list display of constants is loaded as a tuple.
static int visit_comparator(WfCompiler *c, int cmp, const WfAstNode *e) {
    if ((cmp == WF_AST_CMP_In || cmp == WF_AST_CMP_NotIn) && e->kind == WF_AST_List &&
        e->v.List.elts->len > 0 && all_items_const(c, e->v.List.elts, 0, e->v.List.elts->len)) {
        WfObject *t = const_tuple_of(c, e->v.List.elts, 0, e->v.List.elts->len);
        return wf_cg_load_const_take(c, t, LOC(e));
    }
    return wf_cg_visit_expr(c, e);
}

static int compiler_compare(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    RETURN_IF_ERROR(check_compare(c, e));
    const WfAstIntSeq *ops = e->v.Compare.ops;
    const WfAstSeq *comps = e->v.Compare.comparators;
    VISIT(e->v.Compare.left);
    int n = ops->len - 1;
    if (n == 0) {
        RETURN_IF_ERROR(visit_comparator(c, ops->items[0], comps->items[0]));
        return addop_compare(c, loc, ops->items[0]);
    }
    NEW_LABEL(cleanup);
    for (int i = 0; i < n; i++) {
        RETURN_IF_ERROR(visit_comparator(c, ops->items[i], comps->items[i]));
        ADDOP_I(WF_OP_SWAP, 2, loc);
        ADDOP_I(WF_OP_COPY, 2, loc);
        RETURN_IF_ERROR(addop_compare(c, loc, ops->items[i]));
        ADDOP_I(WF_OP_COPY, 1, loc);
        ADDOP_JUMP(WF_OP_POP_JUMP_IF_FALSE, cleanup, loc);
        ADDOP(WF_OP_POP_TOP, loc);
    }
    RETURN_IF_ERROR(visit_comparator(c, ops->items[n], comps->items[n]));
    RETURN_IF_ERROR(addop_compare(c, loc, ops->items[n]));
    NEW_LABEL(end);
    ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
    USE_LABEL(cleanup);
    ADDOP_I(WF_OP_SWAP, 2, loc);
    ADDOP(WF_OP_POP_TOP, loc);
    USE_LABEL(end);
    return 0;
}

static bool is_none_constant(const WfAstNode *e) {
    return e->kind == WF_AST_Constant && e->v.Constant.value.kind == WF_CONST_NONE;
}

int wf_cg_jump_if(WfCompiler *c, WfCodeLocation loc, const WfAstNode *e, int next, int cond) {
    switch (e->kind) {
    case WF_AST_UnaryOp:
        if (e->v.UnaryOp.op == WF_AST_UNARY_Not) return wf_cg_jump_if(c, loc, e->v.UnaryOp.operand, next, !cond);
        break;
    case WF_AST_BoolOp: {
        const WfAstSeq *s = e->v.BoolOp.values;
        int n = s->len - 1;
        int cond2 = e->v.BoolOp.op == WF_AST_BOOLOP_Or;
        int next2 = next;
        if (!cond2 != !cond) {
            next2 = wf_cg_new_label(c);
            if (next2 < 0) return -1;
        }
        for (int i = 0; i < n; i++) RETURN_IF_ERROR(wf_cg_jump_if(c, loc, s->items[i], next2, cond2));
        RETURN_IF_ERROR(wf_cg_jump_if(c, loc, s->items[n], next, cond));
        if (next2 != next) USE_LABEL(next2);
        return 0;
    }
    case WF_AST_IfExp: {
        NEW_LABEL(end);
        NEW_LABEL(next2);
        RETURN_IF_ERROR(wf_cg_jump_if(c, loc, e->v.IfExp.test, next2, 0));
        RETURN_IF_ERROR(wf_cg_jump_if(c, loc, e->v.IfExp.body, next, cond));
        ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
        USE_LABEL(next2);
        RETURN_IF_ERROR(wf_cg_jump_if(c, loc, e->v.IfExp.orelse, next, cond));
        USE_LABEL(end);
        return 0;
    }
    case WF_AST_Compare: {
        const WfAstIntSeq *ops = e->v.Compare.ops;
        const WfAstSeq *comps = e->v.Compare.comparators;
        int n = ops->len - 1;
        RETURN_IF_ERROR(check_compare(c, e));
        if (n > 0) {
            NEW_LABEL(cleanup);
            VISIT(e->v.Compare.left);
            for (int i = 0; i < n; i++) {
                RETURN_IF_ERROR(visit_comparator(c, ops->items[i], comps->items[i]));
                ADDOP_I(WF_OP_SWAP, 2, LOC(e));
                ADDOP_I(WF_OP_COPY, 2, LOC(e));
                RETURN_IF_ERROR(addop_compare(c, LOC(e), ops->items[i]));
                ADDOP_JUMP(WF_OP_POP_JUMP_IF_FALSE, cleanup, LOC(e));
            }
            RETURN_IF_ERROR(visit_comparator(c, ops->items[n], comps->items[n]));
            RETURN_IF_ERROR(addop_compare(c, LOC(e), ops->items[n]));
            ADDOP_JUMP(cond ? WF_OP_POP_JUMP_IF_TRUE : WF_OP_POP_JUMP_IF_FALSE, next, LOC(e));
            NEW_LABEL(end);
            ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
            USE_LABEL(cleanup);
            ADDOP(WF_OP_POP_TOP, LOC(e));
            if (!cond) ADDOP_JUMP(WF_PSEUDO_JUMP, next, NOLOC);
            USE_LABEL(end);
            return 0;
        }
        // `x is None` / `x is not None`: POP_JUMP_IF_NONE / POP_JUMP_IF_NOT_NONE.
        int op = ops->items[0];
        if ((op == WF_AST_CMP_Is || op == WF_AST_CMP_IsNot) && is_none_constant(comps->items[0])) {
            VISIT(e->v.Compare.left);
            bool jump_if_none = (op == WF_AST_CMP_Is) == (cond != 0);
            ADDOP_JUMP(jump_if_none ? WF_OP_POP_JUMP_IF_NONE : WF_OP_POP_JUMP_IF_NOT_NONE, next, LOC(e));
            return 0;
        }
        break;
    }
    default:
        break;
    }
    VISIT(e);
    ADDOP_JUMP(cond ? WF_OP_POP_JUMP_IF_TRUE : WF_OP_POP_JUMP_IF_FALSE, next, LOC(e));
    return 0;
}

static int compiler_boolop(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    int jumpop = e->v.BoolOp.op == WF_AST_BOOLOP_And ? WF_OP_POP_JUMP_IF_FALSE : WF_OP_POP_JUMP_IF_TRUE;
    NEW_LABEL(end);
    const WfAstSeq *s = e->v.BoolOp.values;
    int n = s->len - 1;
    for (int i = 0; i < n; i++) {
        VISIT(s->items[i]);
        // JUMP_IF_FALSE_OR_POP, as CPython 3.12's flowgraph expands it.
        ADDOP_I(WF_OP_COPY, 1, loc);
        ADDOP_JUMP(jumpop, end, loc);
        ADDOP(WF_OP_POP_TOP, loc);
    }
    VISIT(s->items[n]);
    USE_LABEL(end);
    return 0;
}

static int compiler_ifexp(WfCompiler *c, const WfAstNode *e) {
    NEW_LABEL(end);
    NEW_LABEL(next);
    RETURN_IF_ERROR(wf_cg_jump_if(c, LOC(e), e->v.IfExp.test, next, 0));
    VISIT(e->v.IfExp.body);
    ADDOP_JUMP(WF_PSEUDO_JUMP, end, NOLOC);
    USE_LABEL(next);
    VISIT(e->v.IfExp.orelse);
    USE_LABEL(end);
    return 0;
}

// ---------------------------------------------------------------------------
// Calls

static int validate_keywords(WfCompiler *c, const WfAstSeq *keywords) {
    int n = keywords->len;
    for (int i = 0; i < n; i++) {
        const WfAstNode *key = keywords->items[i];
        if (!key->v.keyword.arg) continue;
        if (wf_cg_forbidden_name(c, LOC(key), key->v.keyword.arg, WF_AST_CTX_Store)) return -1;
        for (int j = i + 1; j < n; j++) {
            const WfAstNode *other = keywords->items[j];
            if (other->v.keyword.arg && strcmp(key->v.keyword.arg, other->v.keyword.arg) == 0)
                return wf_cg_error(c, LOC(other), "keyword argument repeated: %s", key->v.keyword.arg);
        }
    }
    return 0;
}

static int call_simple_kw_helper(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *keywords, int nkw) {
    WfObject *names = wf_tuple_new(nkw);
    if (!names) return -1;
    for (int i = 0; i < nkw; i++) {
        WfObject *n = wf_compile_intern(keywords->items[i]->v.keyword.arg);
        if (!n) {
            for (int j = i; j < nkw; j++) wf_tuple_set_take(names, j, wf_None);
            wf_decref(names);
            return -1;
        }
        wf_tuple_set_take(names, i, n);
    }
    int idx = wf_cg_add_const(c, names);
    wf_decref(names);
    if (idx < 0) return -1;
    return wf_cg_addop(c, WF_OP_KW_NAMES, idx, loc);
}

static int compiler_subkwargs(WfCompiler *c, WfCodeLocation loc, const WfAstSeq *keywords, int begin, int end) {
    int n = end - begin;
    bool big = n * 2 > WF_STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (int i = begin; i < end; i++) VISIT(keywords->items[i]->v.keyword.value);
        WfObject *keys = wf_tuple_new(n);
        if (!keys) return -1;
        for (int i = begin; i < end; i++) {
            WfObject *k = wf_compile_intern(keywords->items[i]->v.keyword.arg);
            if (!k) {
                for (int j = i; j < end; j++) wf_tuple_set_take(keys, j - begin, wf_None);
                wf_decref(keys);
                return -1;
            }
            wf_tuple_set_take(keys, i - begin, k);
        }
        RETURN_IF_ERROR(wf_cg_load_const_take(c, keys, loc));
        ADDOP_I(WF_OP_BUILD_CONST_KEY_MAP, n, loc);
        return 0;
    }
    if (big) ADDOP_I(WF_OP_BUILD_MAP, 0, NOLOC);
    for (int i = begin; i < end; i++) {
        WfObject *k = wf_compile_intern(keywords->items[i]->v.keyword.arg);
        if (!k) return -1;
        RETURN_IF_ERROR(wf_cg_load_const(c, k, loc));
        VISIT(keywords->items[i]->v.keyword.value);
        if (big) ADDOP_I(WF_OP_MAP_ADD, 1, NOLOC);
    }
    if (!big) ADDOP_I(WF_OP_BUILD_MAP, n, loc);
    return 0;
}

int wf_cg_call_helper(WfCompiler *c, WfCodeLocation loc, int n, const WfAstSeq *args, const WfAstSeq *keywords) {
    RETURN_IF_ERROR(validate_keywords(c, keywords));
    int nelts = args->len, nkwelts = keywords->len;
    bool ex_call = nelts + nkwelts * 2 > WF_STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && !ex_call; i++)
        if (args->items[i]->kind == WF_AST_Starred) ex_call = true;
    for (int i = 0; i < nkwelts && !ex_call; i++)
        if (!keywords->items[i]->v.keyword.arg) ex_call = true;
    if (!ex_call) {
        for (int i = 0; i < nelts; i++) VISIT(args->items[i]);
        if (nkwelts) {
            for (int i = 0; i < nkwelts; i++) VISIT(keywords->items[i]->v.keyword.value);
            RETURN_IF_ERROR(call_simple_kw_helper(c, loc, keywords, nkwelts));
        }
        ADDOP_I(WF_OP_CALL, n + nelts + nkwelts, loc);
        return 0;
    }
    // Positional arguments as one tuple.
    if (n == 0 && nelts == 1 && args->items[0]->kind == WF_AST_Starred) {
        VISIT(args->items[0]->v.Starred.value);
    } else {
        RETURN_IF_ERROR(starunpack_helper(c, loc, args, n, WF_OP_BUILD_LIST, WF_OP_LIST_APPEND, WF_OP_LIST_EXTEND, 1));
    }
    // Keyword arguments as one dict.
    if (nkwelts) {
        bool have_dict = false;
        int nseen = 0;
        for (int i = 0; i < nkwelts; i++) {
            const WfAstNode *kw = keywords->items[i];
            if (!kw->v.keyword.arg) {
                if (nseen) {
                    RETURN_IF_ERROR(compiler_subkwargs(c, loc, keywords, i - nseen, i));
                    if (have_dict) ADDOP_I(WF_OP_DICT_MERGE, 1, loc);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(WF_OP_BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                VISIT(kw->v.keyword.value);
                ADDOP_I(WF_OP_DICT_MERGE, 1, loc);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            RETURN_IF_ERROR(compiler_subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts));
            if (have_dict) ADDOP_I(WF_OP_DICT_MERGE, 1, loc);
        }
    }
    ADDOP_I(WF_OP_CALL_FUNCTION_EX, nkwelts > 0, loc);
    return 0;
}

static bool is_import_originated(WfCompiler *c, const WfAstNode *e) {
    if (e->kind != WF_AST_Name) return false;
    WfObject *n = wf_compile_intern(e->v.Name.id);
    if (!n) {
        wf_err_clear();
        return false;
    }
    return (wf_scope_flags(c->st->top, n) & WF_DEF_IMPORT) != 0;
}

// CPython 3.12's can_optimize_super_call.
static int can_optimize_super_call(WfCompiler *c, const WfAstNode *attr) {
    const WfAstNode *e = attr->v.Attribute.value;
    if (e->kind != WF_AST_Call || e->v.Call.func->kind != WF_AST_Name ||
        strcmp(e->v.Call.func->v.Name.id, "super") != 0 || strcmp(attr->v.Attribute.attr, "__class__") == 0 ||
        e->v.Call.keywords->len != 0)
        return 0;
    int num_args = e->v.Call.args->len;
    WfObject *super_name = wf_compile_intern("super");
    if (!super_name) return -1;
    if (wf_scope_of(c->u->ste, super_name) != WF_SCOPE_GLOBAL_IMPLICIT) return 0;
    if (wf_scope_of(c->st->top, super_name) != WF_SCOPE_NONE) return 0;
    if (num_args == 2) {
        for (int i = 0; i < 2; i++)
            if (e->v.Call.args->items[i]->kind == WF_AST_Starred) return 0;
        return 1;
    }
    if (num_args != 0) return 0;
    if (c->u->argcount == 0 && c->u->posonlyargcount == 0) return 0;
    WfObject *cls = wf_compile_intern("__class__");
    if (!cls) return -1;
    int scope = wf_scope_of(c->u->ste, cls);
    return scope == WF_SCOPE_FREE ? 1 : 0;
}

static int load_args_for_super(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    RETURN_IF_ERROR(wf_cg_nameop_cstr(c, "super", WF_AST_CTX_Load, LOC(e->v.Call.func)));
    if (e->v.Call.args->len == 2) {
        VISIT(e->v.Call.args->items[0]);
        VISIT(e->v.Call.args->items[1]);
        return 0;
    }
    RETURN_IF_ERROR(wf_cg_nameop_cstr(c, "__class__", WF_AST_CTX_Load, loc));
    if (c->u->varnames.count == 0) {
        wf_err_set_string(&wf_exc_SystemError, "compiler: super() without arguments");
        return -1;
    }
    return wf_cg_nameop(c, c->u->varnames.items[0], WF_AST_CTX_Load, loc);
}

static int maybe_optimize_method_call(WfCompiler *c, const WfAstNode *e) {
    const WfAstNode *meth = e->v.Call.func;
    const WfAstSeq *args = e->v.Call.args, *kwds = e->v.Call.keywords;
    if (meth->kind != WF_AST_Attribute || meth->v.Attribute.ctx != WF_AST_CTX_Load) return 0;
    if (is_import_originated(c, meth->v.Attribute.value)) return 0;
    int argsl = args->len, kwdsl = kwds->len;
    if (argsl + kwdsl + (kwdsl != 0) >= WF_STACK_USE_GUIDELINE) return 0;
    for (int i = 0; i < argsl; i++)
        if (args->items[i]->kind == WF_AST_Starred) return 0;
    for (int i = 0; i < kwdsl; i++)
        if (!kwds->items[i]->v.keyword.arg) return 0;
    RETURN_IF_ERROR(validate_keywords(c, kwds));
    WfCodeLocation loc = LOC(meth);
    int opt = can_optimize_super_call(c, meth);
    if (opt < 0) return -1;
    WfObject *attr = wf_compile_intern(meth->v.Attribute.attr);
    if (!attr) return -1;
    if (opt) {
        RETURN_IF_ERROR(load_args_for_super(c, meth->v.Attribute.value));
        int two = meth->v.Attribute.value->v.Call.args->len ? 2 : 0;
        RETURN_IF_ERROR(wf_cg_addop_name(c, WF_OP_LOAD_SUPER_ATTR, attr, two | 1, loc));
        loc = update_start_location_to_match_attr(loc, meth);
        ADDOP(WF_OP_NOP, loc);
    } else {
        VISIT(meth->v.Attribute.value);
        loc = update_start_location_to_match_attr(loc, meth);
        RETURN_IF_ERROR(wf_cg_addop_name(c, WF_OP_LOAD_ATTR, attr, 1, loc));
    }
    RETURN_IF_ERROR(wf_cg_visit_exprs(c, args));
    if (kwdsl) {
        for (int i = 0; i < kwdsl; i++) VISIT(kwds->items[i]->v.keyword.value);
        RETURN_IF_ERROR(call_simple_kw_helper(c, loc, kwds, kwdsl));
    }
    loc = update_start_location_to_match_attr(LOC(e), meth);
    ADDOP_I(WF_OP_CALL, argsl + kwdsl, loc);
    return 1;
}

static int compiler_call(WfCompiler *c, const WfAstNode *e) {
    RETURN_IF_ERROR(validate_keywords(c, e->v.Call.keywords));
    int r = maybe_optimize_method_call(c, e);
    if (r < 0) return -1;
    if (r == 1) return 0;
    RETURN_IF_ERROR(check_caller(c, e, e->v.Call.func));
    ADDOP(WF_OP_PUSH_NULL, LOC(e->v.Call.func));
    VISIT(e->v.Call.func);
    return wf_cg_call_helper(c, LOC(e), 0, e->v.Call.args, e->v.Call.keywords);
}

// ---------------------------------------------------------------------------
// f-strings

static int compiler_joined_str(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    const WfAstSeq *values = e->v.JoinedStr.values;
    int n = values->len;
    if (n > WF_STACK_USE_GUIDELINE) {
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_str_empty(), loc));
        RETURN_IF_ERROR(wf_cg_addop_name_cstr(c, WF_OP_LOAD_ATTR, "join", 1, loc));
        ADDOP_I(WF_OP_BUILD_LIST, 0, loc);
        for (int i = 0; i < n; i++) {
            VISIT(values->items[i]);
            ADDOP_I(WF_OP_LIST_APPEND, 1, loc);
        }
        ADDOP_I(WF_OP_CALL, 1, loc);
        return 0;
    }
    RETURN_IF_ERROR(wf_cg_visit_exprs(c, values));
    if (n > 1) ADDOP_I(WF_OP_BUILD_STRING, n, loc);
    else if (n == 0) RETURN_IF_ERROR(wf_cg_load_const(c, wf_str_empty(), loc));
    return 0;
}

static int compiler_formatted_value(WfCompiler *c, const WfAstNode *e) {
    VISIT(e->v.FormattedValue.value);
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = WF_FVC_STR; break;
    case 'r': oparg = WF_FVC_REPR; break;
    case 'a': oparg = WF_FVC_ASCII; break;
    case -1: oparg = WF_FVC_NONE; break;
    default:
        wf_err_format(&wf_exc_SystemError, "Unrecognized conversion character %d", e->v.FormattedValue.conversion);
        return -1;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(e->v.FormattedValue.format_spec);
        oparg |= WF_FVS_HAVE_SPEC;
    }
    return wf_cg_addop(c, WF_OP_FORMAT_VALUE, oparg, LOC(e));
}

// ---------------------------------------------------------------------------
// Subscripts

static bool is_two_element_slice(const WfAstNode *s) { return s->kind == WF_AST_Slice && s->v.Slice.step == NULL; }

static int compiler_slice(WfCompiler *c, const WfAstNode *s) {
    int n = 2;
    if (s->v.Slice.lower) VISIT(s->v.Slice.lower);
    else RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, LOC(s)));
    if (s->v.Slice.upper) VISIT(s->v.Slice.upper);
    else RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, LOC(s)));
    if (s->v.Slice.step) {
        n++;
        VISIT(s->v.Slice.step);
    }
    return n;
}

static int compiler_subscript(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    WfAstExprContext ctx = e->v.Subscript.ctx;
    if (ctx == WF_AST_CTX_Load) {
        RETURN_IF_ERROR(check_subscripter(c, e, e->v.Subscript.value));
        RETURN_IF_ERROR(check_index(c, e, e->v.Subscript.value, e->v.Subscript.slice));
    }
    VISIT(e->v.Subscript.value);
    if (is_two_element_slice(e->v.Subscript.slice) && ctx != WF_AST_CTX_Del) {
        RETURN_IF_ERROR(compiler_slice(c, e->v.Subscript.slice));
        ADDOP(ctx == WF_AST_CTX_Load ? WF_OP_BINARY_SLICE : WF_OP_STORE_SLICE, loc);
        return 0;
    }
    VISIT(e->v.Subscript.slice);
    int op = ctx == WF_AST_CTX_Load ? WF_OP_BINARY_SUBSCR : ctx == WF_AST_CTX_Store ? WF_OP_STORE_SUBSCR : WF_OP_DELETE_SUBSCR;
    ADDOP(op, loc);
    return 0;
}

// Augmented assignment (here because it shares the attribute/subscript helpers).
int wf_cg_augassign(WfCompiler *c, const WfAstNode *s) {
    const WfAstNode *e = s->v.AugAssign.target;
    WfCodeLocation loc = LOC(e);
    WfObject *attr = NULL;
    switch (e->kind) {
    case WF_AST_Attribute:
        attr = wf_compile_intern(e->v.Attribute.attr);
        if (!attr) return -1;
        VISIT(e->v.Attribute.value);
        ADDOP_I(WF_OP_COPY, 1, loc);
        loc = update_start_location_to_match_attr(loc, e);
        RETURN_IF_ERROR(wf_cg_addop_name(c, WF_OP_LOAD_ATTR, attr, 0, loc));
        break;
    case WF_AST_Subscript:
        VISIT(e->v.Subscript.value);
        if (is_two_element_slice(e->v.Subscript.slice)) {
            RETURN_IF_ERROR(compiler_slice(c, e->v.Subscript.slice));
            ADDOP_I(WF_OP_COPY, 3, loc);
            ADDOP_I(WF_OP_COPY, 3, loc);
            ADDOP_I(WF_OP_COPY, 3, loc);
            ADDOP(WF_OP_BINARY_SLICE, loc);
        } else {
            VISIT(e->v.Subscript.slice);
            ADDOP_I(WF_OP_COPY, 2, loc);
            ADDOP_I(WF_OP_COPY, 2, loc);
            ADDOP(WF_OP_BINARY_SUBSCR, loc);
        }
        break;
    case WF_AST_Name:
        RETURN_IF_ERROR(wf_cg_nameop_cstr(c, e->v.Name.id, WF_AST_CTX_Load, loc));
        break;
    default:
        return wf_cg_error(c, loc, "'%s' is an illegal expression for augmented assignment",
                           e->kind == WF_AST_Constant ? "literal" : "expression");
    }
    VISIT(s->v.AugAssign.value);
    ADDOP_I(WF_OP_BINARY_OP, binop_map[s->v.AugAssign.op] + WF_BINOP_INPLACE_ADD, LOC(s));
    loc = LOC(e);
    switch (e->kind) {
    case WF_AST_Attribute:
        loc = update_start_location_to_match_attr(loc, e);
        ADDOP_I(WF_OP_SWAP, 2, loc);
        return wf_cg_addop_name(c, WF_OP_STORE_ATTR, attr, 0, loc);
    case WF_AST_Subscript:
        if (is_two_element_slice(e->v.Subscript.slice)) {
            ADDOP_I(WF_OP_SWAP, 4, loc);
            ADDOP_I(WF_OP_SWAP, 3, loc);
            ADDOP_I(WF_OP_SWAP, 2, loc);
            ADDOP(WF_OP_STORE_SLICE, loc);
        } else {
            ADDOP_I(WF_OP_SWAP, 3, loc);
            ADDOP_I(WF_OP_SWAP, 2, loc);
            ADDOP(WF_OP_STORE_SUBSCR, loc);
        }
        return 0;
    default:
        return wf_cg_nameop_cstr(c, e->v.Name.id, WF_AST_CTX_Store, loc);
    }
}

// ---------------------------------------------------------------------------
// Generators

int wf_cg_addop_yield(WfCompiler *c, WfCodeLocation loc) {
    if (c->u->ste->generator && c->u->ste->coroutine)
        ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_ASYNC_GEN_WRAP, loc);
    ADDOP_I(WF_OP_YIELD_VALUE, 0, loc);
    ADDOP_I(WF_OP_RESUME, 1, loc);
    return 0;
}

int wf_cg_add_yield_from(WfCompiler *c, WfCodeLocation loc, int await) {
    NEW_LABEL(send);
    NEW_LABEL(fail);
    NEW_LABEL(exit);
    USE_LABEL(send);
    ADDOP_JUMP(WF_OP_SEND, exit, loc);
    // A virtual try/except for StopIteration raised by close() / throw().
    ADDOP_JUMP(WF_PSEUDO_SETUP_FINALLY, fail, loc);
    ADDOP_I(WF_OP_YIELD_VALUE, 0, loc);
    ADDOP(WF_PSEUDO_POP_BLOCK, NOLOC);
    ADDOP_I(WF_OP_RESUME, await ? 3 : 2, loc);
    ADDOP_JUMP(WF_PSEUDO_JUMP_NO_INTERRUPT, send, loc);
    USE_LABEL(fail);
    ADDOP(WF_OP_CLEANUP_THROW, loc);
    USE_LABEL(exit);
    ADDOP(WF_OP_END_SEND, loc);
    return 0;
}

static bool is_top_level_await(WfCompiler *c) {
    (void)c;
    return false;  // PyCF_ALLOW_TOP_LEVEL_AWAIT is not supported
}

// ---------------------------------------------------------------------------

static int visit_expr1(WfCompiler *c, const WfAstNode *e) {
    WfCodeLocation loc = LOC(e);
    switch (e->kind) {
    case WF_AST_NamedExpr:
        VISIT(e->v.NamedExpr.value);
        ADDOP_I(WF_OP_COPY, 1, loc);
        VISIT(e->v.NamedExpr.target);
        return 0;
    case WF_AST_BoolOp:
        return compiler_boolop(c, e);
    case WF_AST_BinOp: {
        int r = try_fold(c, e);
        if (r) return r < 0 ? -1 : 0;
        VISIT(e->v.BinOp.left);
        VISIT(e->v.BinOp.right);
        ADDOP_I(WF_OP_BINARY_OP, binop_map[e->v.BinOp.op], loc);
        return 0;
    }
    case WF_AST_UnaryOp: {
        int r = try_fold(c, e);
        if (r) return r < 0 ? -1 : 0;
        VISIT(e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case WF_AST_UNARY_UAdd: ADDOP_I(WF_OP_CALL_INTRINSIC_1, WF_INTRINSIC_UNARY_POSITIVE, loc); break;
        case WF_AST_UNARY_USub: ADDOP(WF_OP_UNARY_NEGATIVE, loc); break;
        case WF_AST_UNARY_Not: ADDOP(WF_OP_UNARY_NOT, loc); break;
        case WF_AST_UNARY_Invert: ADDOP(WF_OP_UNARY_INVERT, loc); break;
        }
        return 0;
    }
    case WF_AST_Lambda:
        return wf_cg_lambda(c, e);
    case WF_AST_IfExp:
        return compiler_ifexp(c, e);
    case WF_AST_Dict:
        return compiler_dict(c, e);
    case WF_AST_Set:
        return starunpack_helper(c, loc, e->v.Set.elts, 0, WF_OP_BUILD_SET, WF_OP_SET_ADD, WF_OP_SET_UPDATE, 0);
    case WF_AST_GeneratorExp:
    case WF_AST_ListComp:
    case WF_AST_SetComp:
    case WF_AST_DictComp:
        return wf_cg_comprehension(c, e);
    case WF_AST_Yield:
        if (!wf_scope_is_function_like(c->u->ste)) return wf_cg_error(c, loc, "'yield' outside function");
        if (e->v.Yield.value) VISIT(e->v.Yield.value);
        else RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, loc));
        return wf_cg_addop_yield(c, loc);
    case WF_AST_YieldFrom:
        if (!wf_scope_is_function_like(c->u->ste)) return wf_cg_error(c, loc, "'yield' outside function");
        if (c->u->type == WF_UNIT_ASYNC_FUNCTION) return wf_cg_error(c, loc, "'yield from' inside async function");
        VISIT(e->v.YieldFrom.value);
        ADDOP(WF_OP_GET_YIELD_FROM_ITER, loc);
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, loc));
        return wf_cg_add_yield_from(c, loc, 0);
    case WF_AST_Await:
        if (!is_top_level_await(c)) {
            if (!wf_scope_is_function_like(c->u->ste)) return wf_cg_error(c, loc, "'await' outside function");
            if (c->u->type != WF_UNIT_ASYNC_FUNCTION && c->u->type != WF_UNIT_COMPREHENSION)
                return wf_cg_error(c, loc, "'await' outside async function");
        }
        VISIT(e->v.Await.value);
        ADDOP_I(WF_OP_GET_AWAITABLE, 0, loc);
        RETURN_IF_ERROR(wf_cg_load_const(c, wf_None, loc));
        return wf_cg_add_yield_from(c, loc, 1);
    case WF_AST_Compare:
        return compiler_compare(c, e);
    case WF_AST_Call:
        return compiler_call(c, e);
    case WF_AST_Constant: {
        WfObject *v = wf_cg_constant_value(c, &e->v.Constant.value);
        return wf_cg_load_const_take(c, v, loc);
    }
    case WF_AST_JoinedStr:
        return compiler_joined_str(c, e);
    case WF_AST_FormattedValue:
        return compiler_formatted_value(c, e);
    case WF_AST_Attribute: {
        WfObject *attr = wf_compile_intern(e->v.Attribute.attr);
        if (!attr) return -1;
        if (e->v.Attribute.ctx == WF_AST_CTX_Load) {
            int opt = can_optimize_super_call(c, e);
            if (opt < 0) return -1;
            if (opt) {
                RETURN_IF_ERROR(load_args_for_super(c, e->v.Attribute.value));
                int two = e->v.Attribute.value->v.Call.args->len ? 2 : 0;
                RETURN_IF_ERROR(wf_cg_addop_name(c, WF_OP_LOAD_SUPER_ATTR, attr, two, loc));
                loc = update_start_location_to_match_attr(loc, e);
                ADDOP(WF_OP_NOP, loc);
                return 0;
            }
        }
        VISIT(e->v.Attribute.value);
        loc = update_start_location_to_match_attr(loc, e);
        switch (e->v.Attribute.ctx) {
        case WF_AST_CTX_Load:
            return wf_cg_addop_name(c, WF_OP_LOAD_ATTR, attr, 0, loc);
        case WF_AST_CTX_Store:
            if (wf_cg_forbidden_name(c, loc, e->v.Attribute.attr, WF_AST_CTX_Store)) return -1;
            return wf_cg_addop_name(c, WF_OP_STORE_ATTR, attr, 0, loc);
        case WF_AST_CTX_Del:
            return wf_cg_addop_name(c, WF_OP_DELETE_ATTR, attr, 0, loc);
        }
        return 0;
    }
    case WF_AST_Subscript:
        return compiler_subscript(c, e);
    case WF_AST_Starred:
        if (e->v.Starred.ctx == WF_AST_CTX_Store)
            return wf_cg_error(c, loc, "starred assignment target must be in a list or tuple");
        return wf_cg_error(c, loc, "can't use starred expression here");
    case WF_AST_Slice: {
        int n = compiler_slice(c, e);
        if (n < 0) return -1;
        ADDOP_I(WF_OP_BUILD_SLICE, n, loc);
        return 0;
    }
    case WF_AST_Name:
        if (e->v.Name.ctx == WF_AST_CTX_Load && strcmp(e->v.Name.id, "__debug__") == 0)
            return wf_cg_load_const(c, c->cs->optimize > 0 ? wf_False : wf_True, loc);
        return wf_cg_nameop_cstr(c, e->v.Name.id, e->v.Name.ctx, loc);
    case WF_AST_List:
        return compiler_list(c, e);
    case WF_AST_Tuple:
        return compiler_tuple(c, e);
    default:
        wf_err_format(&wf_exc_SystemError, "compiler: unexpected expression kind %d", (int)e->kind);
        return -1;
    }
}

int wf_cg_visit_expr(WfCompiler *c, const WfAstNode *e) {
    if (++c->recursion > 4000) {
        wf_err_set_string(&wf_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    int r = visit_expr1(c, e);
    c->recursion--;
    return r;
}
