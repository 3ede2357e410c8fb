// codegen.h — the code generator's state, shared by codegen*.c, flowgraph.c
// and assemble.c.
//
// The code generator mirrors CPython 3.12's compile.c: each scope being
// compiled is a WfUnit holding a linear instruction sequence whose jumps name
// labels; pseudo-instructions (SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH /
// POP_BLOCK / JUMP / JUMP_NO_INTERRUPT) describe exception-handler regions and
// unconditional jumps. flowgraph.c turns the sequence into basic blocks,
// derives each instruction's exception handler, stack depths and
// uninitialized-local checks; assemble.c lays the blocks out as 32-bit code
// units with line and exception tables.
//
// Invariants:
// - WfInstr.target is a label id (>= 0) exactly when the opcode has a jump
//   target; labels[id] is the index of the instruction it names (-1 until
//   placed). Labels may point one past the last instruction.
// - Constants in a unit are owned (one reference each) and deduplicated by
//   type and value (0.0 and -0.0 are distinct, as CPython); names lists hold
//   interned strs.
// - Deref-ops (LOAD_DEREF, STORE_DEREF, DELETE_DEREF, LOAD_CLOSURE,
//   LOAD_FROM_DICT_OR_DEREF, MAKE_CELL) carry an index into cellvars ++
//   freevars until assembly rewrites them to frame slot numbers.
#ifndef WF_COMPILE_CODEGEN_H
#define WF_COMPILE_CODEGEN_H

#include "compile/compile_internal.h"
#include "compile/symtable.h"
#include "objects/code.h"
#include "vm/opcodes.h"

// Pseudo opcodes (never in the final code).
enum {
    WF_PSEUDO_SETUP_FINALLY = 256,
    WF_PSEUDO_SETUP_CLEANUP,
    WF_PSEUDO_SETUP_WITH,
    WF_PSEUDO_POP_BLOCK,
    WF_PSEUDO_JUMP,
    WF_PSEUDO_JUMP_NO_INTERRUPT,
    WF_PSEUDO__END
};

typedef struct {
    int opcode;
    int oparg;
    int target;            // label id or -1
    WfCodeLocation loc;
} WfInstr;

extern const WfCodeLocation wf_no_location;
WF_INLINE WfCodeLocation wf_loc_of(const WfAstNode *n) {
    WfCodeLocation l = { n->lineno, n->end_lineno, n->col_offset, n->end_col_offset };
    return l;
}

typedef enum {
    WF_FB_WHILE_LOOP, WF_FB_FOR_LOOP, WF_FB_TRY_EXCEPT, WF_FB_FINALLY_TRY, WF_FB_FINALLY_END,
    WF_FB_WITH, WF_FB_ASYNC_WITH, WF_FB_HANDLER_CLEANUP, WF_FB_POP_VALUE, WF_FB_EXCEPTION_HANDLER,
    WF_FB_EXCEPTION_GROUP_HANDLER, WF_FB_ASYNC_COMPREHENSION_GENERATOR, WF_FB_STOP_ITERATION
} WfFBlockType;

typedef struct {
    WfFBlockType type;
    int block, exit;       // labels (-1: none)
    const void *datum;     // FINALLY_TRY: WfAstSeq *finalbody; WITH: the stmt; HANDLER_CLEANUP: WfObject *name
    WfCodeLocation loc;
} WfFBlock;

#define WF_MAX_FBLOCKS 20
#define WF_STACK_USE_GUIDELINE 30

typedef enum {
    WF_UNIT_MODULE, WF_UNIT_CLASS, WF_UNIT_FUNCTION, WF_UNIT_ASYNC_FUNCTION, WF_UNIT_LAMBDA,
    WF_UNIT_COMPREHENSION
} WfUnitType;

// Ordered set of interned strs (name -> index).
typedef struct {
    WfObject **items;
    int count, cap;
    int *index;            // open addressing: slot -> item index + 1
    int indexcap;
} WfNameList;

int wf_namelist_add(WfNameList *l, WfObject *name);     // index (existing or new), -1 on error
int wf_namelist_find(const WfNameList *l, WfObject *name);  // index or -1
void wf_namelist_free(WfNameList *l);

typedef struct WfUnit {
    struct WfUnit *parent;
    WfScope *ste;
    WfUnitType type;
    WfObject *name, *qualname;       // strs (owned)
    WfObject *private_name;          // class name for mangling (borrowed interned) or NULL
    WfObject **consts;
    int nconsts, capconsts;
    int *const_index;                // hash index of consts (slot -> index + 1)
    int const_indexcap;
    WfNameList names, varnames, cellvars, freevars;
    WfInstr *instrs;
    int ninstrs, capinstrs;
    int *labels;
    int nlabels, caplabels;
    int last_label_at;               // instruction index where a label was last placed
    WfFBlock fblocks[WF_MAX_FBLOCKS];
    int nfblocks;
    int argcount, posonlyargcount, kwonlyargcount;
    int firstlineno;
    int has_docstring;               // co_consts[0] is the docstring (WF_CO_HAS_DOCSTRING)
} WfUnit;

typedef struct WfCompiler {
    WfCompileSource *cs;
    WfSymtable *st;
    WfUnit *u;
    int nestlevel;
    int recursion;
} WfCompiler;

#define RETURN_IF_ERROR(x) do { if ((x) < 0) return -1; } while (0)

// --- codegen.c: units, emission, names, constants -------------------------
int wf_cg_enter_scope(WfCompiler *c, WfObject *name, WfUnitType type, const WfAstNode *key, int lineno);
void wf_cg_exit_scope(WfCompiler *c);
int wf_cg_addop(WfCompiler *c, int opcode, int oparg, WfCodeLocation loc);
int wf_cg_jump(WfCompiler *c, int opcode, int label, WfCodeLocation loc);
int wf_cg_new_label(WfCompiler *c);                  // -1 on error
int wf_cg_use_label(WfCompiler *c, int label);
int wf_cg_insert_first(WfCompiler *c, int opcode, int oparg, int target);  // at index 0
// Adds a constant (borrowed; the unit takes its own reference; made immortal). Index or -1.
int wf_cg_add_const(WfCompiler *c, WfObject *o);
int wf_cg_load_const(WfCompiler *c, WfObject *o, WfCodeLocation loc);
int wf_cg_load_const_take(WfCompiler *c, WfObject *o, WfCodeLocation loc);  // steals o (NULL: error)
// LOAD_ATTR / STORE_ATTR / DELETE_ATTR / IMPORT_NAME / IMPORT_FROM / LOAD_GLOBAL..: mangles the name
// and encodes the oparg (LOAD_ATTR: method bit; LOAD_GLOBAL: null bit; LOAD_SUPER_ATTR: low 2 bits).
int wf_cg_addop_name(WfCompiler *c, int opcode, WfObject *name, int lowbits, WfCodeLocation loc);
int wf_cg_addop_name_cstr(WfCompiler *c, int opcode, const char *name, int lowbits, WfCodeLocation loc);
int wf_cg_nameop(WfCompiler *c, WfObject *name, WfAstExprContext ctx, WfCodeLocation loc);
int wf_cg_nameop_cstr(WfCompiler *c, const char *name, WfAstExprContext ctx, WfCodeLocation loc);
int wf_cg_get_ref_type(WfCompiler *c, WfObject *name);
int wf_cg_push_fblock(WfCompiler *c, WfCodeLocation loc, WfFBlockType t, int block, int exit, const void *datum);
void wf_cg_pop_fblock(WfCompiler *c);
int wf_cg_error(WfCompiler *c, WfCodeLocation loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int wf_cg_forbidden_name(WfCompiler *c, WfCodeLocation loc, const char *name, WfAstExprContext ctx);
WfObject *wf_cg_docstring(const WfAstSeq *body);     // borrowed-ish: new ref or NULL (no error)
// Convert an AST constant to an object (new ref).
WfObject *wf_cg_constant_value(WfCompiler *c, const WfAstConstant *k);

// --- codegen_expr.c --------------------------------------------------------
int wf_cg_visit_expr(WfCompiler *c, const WfAstNode *e);
int wf_cg_visit_exprs(WfCompiler *c, const WfAstSeq *seq);
int wf_cg_jump_if(WfCompiler *c, WfCodeLocation loc, const WfAstNode *e, int label, int cond);
int wf_cg_call_helper(WfCompiler *c, WfCodeLocation loc, int n, const WfAstSeq *args, const WfAstSeq *keywords);
int wf_cg_add_yield_from(WfCompiler *c, WfCodeLocation loc, int await);
int wf_cg_augassign(WfCompiler *c, const WfAstNode *s);
int wf_cg_addop_yield(WfCompiler *c, WfCodeLocation loc);
// A constant value for e if it folds to one (Constant, -Constant, tuple of constants); new ref or NULL
// (no exception unless *err is set to 1).
WfObject *wf_cg_fold_constant(WfCompiler *c, const WfAstNode *e, int *err);

// --- codegen_stmt.c --------------------------------------------------------
int wf_cg_visit_stmt(WfCompiler *c, const WfAstNode *s);
int wf_cg_visit_stmts(WfCompiler *c, const WfAstSeq *seq);
int wf_cg_call_exit_with_nones(WfCompiler *c, WfCodeLocation loc);

// --- unparse.c --------------------------------------------------------------
WfObject *wf_compile_unparse(WfCompiler *c, const WfAstNode *e);   // new str or NULL

// --- codegen_match.c -------------------------------------------------------
int wf_cg_match(WfCompiler *c, const WfAstNode *s);

// --- codegen_scope.c -------------------------------------------------------
int wf_cg_function(WfCompiler *c, const WfAstNode *s, bool is_async);
int wf_cg_class(WfCompiler *c, const WfAstNode *s);
int wf_cg_lambda(WfCompiler *c, const WfAstNode *e);
int wf_cg_comprehension(WfCompiler *c, const WfAstNode *e);
WfCodeObject *wf_cg_compile_module(WfCompiler *c, const WfAstNode *mod);
bool wf_cg_find_ann(const WfAstSeq *stmts);
int wf_cg_visit_annexpr(WfCompiler *c, const WfAstNode *annotation);

// --- flowgraph.c / assemble.c ---------------------------------------------
// Optimize and assemble the current unit into a code object (new ref), after
// appending `[LOAD_CONST None] RETURN_VALUE` (add_none) as CPython does.
WfCodeObject *wf_assemble_unit(WfCompiler *c, int add_none);

// Opcode properties.
bool wf_op_has_target(int op);
bool wf_op_is_terminator(int op);   // no fallthrough (returns, raises, unconditional jumps)
int wf_op_stack_effect(int op, int oparg, int jump);  // INT32_MAX if unknown
const char *wf_op_name(int op);

#endif
