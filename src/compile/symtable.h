// symtable.h — the symbol table: one WfScope per module, class, function,
// lambda and comprehension, with every name's flags and resolved scope.
//
// Invariants (after wf_symtable_build returns 0):
// - Every scope-creating AST node (Module/Interactive/Expression, FunctionDef,
//   AsyncFunctionDef, ClassDef, Lambda, ListComp, SetComp, DictComp,
//   GeneratorExp) maps to exactly one WfScope (wf_symtable_lookup).
// - Symbol names are interned strs (compared by identity), already mangled.
// - sym->scope is one of WF_SCOPE_* for every symbol; names that are free in
//   children but unknown here were added with scope FREE (as CPython).
#ifndef WF_COMPILE_SYMTABLE_H
#define WF_COMPILE_SYMTABLE_H

#include "compile/compile_internal.h"
#include "objects/object.h"
#include "parse/ast.h"

// Symbol flags (CPython's DEF_* values).
#define WF_DEF_GLOBAL 0x001
#define WF_DEF_LOCAL 0x002
#define WF_DEF_PARAM 0x004
#define WF_DEF_NONLOCAL 0x008
#define WF_DEF_USE 0x010
#define WF_DEF_FREE 0x020
#define WF_DEF_FREE_CLASS 0x040
#define WF_DEF_IMPORT 0x080
#define WF_DEF_ANNOT 0x100
#define WF_DEF_COMP_ITER 0x200
#define WF_DEF_COMP_CELL 0x400
#define WF_DEF_BOUND (WF_DEF_LOCAL | WF_DEF_PARAM | WF_DEF_IMPORT)

enum { WF_SCOPE_NONE = 0, WF_SCOPE_LOCAL = 1, WF_SCOPE_GLOBAL_EXPLICIT = 2,
       WF_SCOPE_GLOBAL_IMPLICIT = 3, WF_SCOPE_FREE = 4, WF_SCOPE_CELL = 5 };

typedef enum { WF_BLOCK_FUNCTION, WF_BLOCK_CLASS, WF_BLOCK_MODULE } WfBlockType;
typedef enum { WF_COMP_NONE, WF_COMP_LIST, WF_COMP_SET, WF_COMP_DICT, WF_COMP_GENEXP } WfCompKind;

typedef struct {
    WfObject *name;   // interned, mangled
    int flags;
    int scope;
} WfSymbol;

typedef struct {
    WfObject *name;
    int lineno, col, end_lineno, end_col;
} WfDirective;

typedef struct WfScope {
    WfBlockType type;
    WfObject *name;                 // interned: "top", function / class name, "lambda", "listcomp"...
    const WfAstNode *node;
    int lineno, col, end_lineno, end_col;
    WfSymbol *syms;                 // insertion order
    int nsyms, capsyms;
    int *index;                     // open addressing: slot -> sym index + 1 (0 empty)
    int indexcap;
    WfObject **varnames;            // parameters in order
    int nvarnames, capvarnames;
    struct WfScope **children;
    int nchildren, capchildren;
    WfDirective *directives;
    int ndirectives, capdirectives;
    WfCompKind comprehension;
    int comp_iter_expr;
    unsigned nested : 1, generator : 1, coroutine : 1, varargs : 1, varkeywords : 1,
        returns_value : 1, needs_class_closure : 1, child_free : 1, free : 1,
        comp_iter_target : 1, is_async_def : 1;
} WfScope;

typedef struct WfSymtable {
    WfCompileSource *cs;
    WfScope *top;
    WfScope *cur;
    WfScope **stack;
    int depth, capstack;
    WfScope **all;                  // every scope (for freeing)
    int nall, capall;
    struct { const WfAstNode *node; WfScope *scope; } *map;  // node -> scope
    int mapcap;
    WfObject *private_name;         // class name for mangling, or NULL
    int recursion;
} WfSymtable;

// Build the table for a module node. 0 ok, -1 with SyntaxError / MemoryError set.
int wf_symtable_build(WfSymtable *st, WfCompileSource *cs, const WfAstNode *mod);
void wf_symtable_free(WfSymtable *st);
WfScope *wf_symtable_lookup(WfSymtable *st, const WfAstNode *node);

// Symbol lookup in a scope; NULL when absent.
WfSymbol *wf_scope_symbol(WfScope *s, WfObject *name);
int wf_scope_flags(WfScope *s, WfObject *name);      // 0 when absent
int wf_scope_of(WfScope *s, WfObject *name);         // WF_SCOPE_NONE when absent
WF_INLINE bool wf_scope_is_function_like(WfScope *s) { return s->type == WF_BLOCK_FUNCTION; }

#endif
