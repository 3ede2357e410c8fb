// ast.h — AST data structures, generated from ast_nodes.h.
//
// Invariant: every WfAstNode lives in the WfArena of the parse that made it,
// together with its sequences and strings; a tree is immutable once the
// parser returns it and is freed only by freeing that arena. `kind` selects
// the active member of `v` (named after the node kind). Positions follow
// CPython: lineno/end_lineno 1-based, col_offset/end_col_offset 0-based
// UTF-8 byte offsets; they are filled on every node.
#ifndef WF_PARSE_AST_H
#define WF_PARSE_AST_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast_nodes.h"

typedef enum WfAstKind {
#define WF_X(name, cat, fields) WF_AST_##name,
    WF_AST_NODE_LIST(WF_X, )
#undef WF_X
    WF_AST_KIND_COUNT
} WfAstKind;

typedef enum WfAstCategory {
    WF_AST_CAT_MOD,
    WF_AST_CAT_STMT,
    WF_AST_CAT_EXPR,
    WF_AST_CAT_HANDLER,
    WF_AST_CAT_PATTERN,
    WF_AST_CAT_AUX,
    WF_AST_CAT_AUXNP,
} WfAstCategory;

typedef enum WfAstExprContext {
#define WF_X(name) WF_AST_CTX_##name,
    WF_AST_EXPR_CONTEXT_LIST(WF_X)
#undef WF_X
} WfAstExprContext;

typedef enum WfAstBoolOp {
#define WF_X(name) WF_AST_BOOLOP_##name,
    WF_AST_BOOLOP_LIST(WF_X)
#undef WF_X
} WfAstBoolOp;

typedef enum WfAstOperator {
#define WF_X(name, text) WF_AST_OP_##name,
    WF_AST_OPERATOR_LIST(WF_X)
#undef WF_X
} WfAstOperator;

typedef enum WfAstUnaryOp {
#define WF_X(name, text) WF_AST_UNARY_##name,
    WF_AST_UNARYOP_LIST(WF_X)
#undef WF_X
} WfAstUnaryOp;

typedef enum WfAstCmpOp {
#define WF_X(name, text) WF_AST_CMP_##name,
    WF_AST_CMPOP_LIST(WF_X)
#undef WF_X
} WfAstCmpOp;

typedef struct WfAstNode WfAstNode;

// Sequences: `len` items stored inline.
typedef struct WfAstSeq {
    int len;
    WfAstNode *items[];
} WfAstSeq;

typedef struct WfAstIdentSeq {
    int len;
    const char *items[];
} WfAstIdentSeq;

typedef struct WfAstIntSeq {
    int len;
    int items[];
} WfAstIntSeq;

typedef enum WfConstKind {
    WF_CONST_NONE,
    WF_CONST_TRUE,
    WF_CONST_FALSE,
    WF_CONST_ELLIPSIS,
    WF_CONST_INT,       // data: digits (no underscores, no prefix); base
    WF_CONST_FLOAT,     // data: literal text without underscores
    WF_CONST_IMAGINARY, // data: float text without the trailing j/J
    WF_CONST_STR,       // data: UTF-8 bytes (may hold NUL), len bytes
    WF_CONST_BYTES,     // data: raw bytes, len bytes
} WfConstKind;

typedef struct WfAstConstant {
    WfConstKind kind;
    int base;         // 2, 8, 10 or 16 for WF_CONST_INT, else 0
    size_t len;       // byte length of data (data[len] is always NUL)
    const char *data; // NULL for NONE/TRUE/FALSE/ELLIPSIS
} WfAstConstant;

// C types of the field kinds named in ast_nodes.h.
typedef WfAstNode *WfAstField_NODE;
typedef WfAstNode *WfAstField_OPT;
typedef WfAstSeq *WfAstField_SEQ;
typedef const char *WfAstField_IDENT;
typedef const char *WfAstField_OPTIDENT;
typedef WfAstIdentSeq *WfAstField_IDENTS;
typedef int WfAstField_INT;
typedef WfAstExprContext WfAstField_CTX;
typedef WfAstBoolOp WfAstField_BOOLOP;
typedef WfAstOperator WfAstField_OPERATOR;
typedef WfAstUnaryOp WfAstField_UNARYOP;
typedef WfAstIntSeq *WfAstField_CMPOPS;
typedef WfAstConstant WfAstField_CONST;

#define WF_F(type, name) WfAstField_##type name;
#define WF_X(name, cat, fields) \
    typedef struct WfAst##name##Fields { char unused_; fields } WfAst##name##Fields;
WF_AST_NODE_LIST(WF_X, WF_F)
#undef WF_X
#undef WF_F

struct WfAstNode {
    WfAstKind kind;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
    union {
#define WF_X(name, cat, fields) WfAst##name##Fields name;
        WF_AST_NODE_LIST(WF_X, )
#undef WF_X
    } v;
};

// Field descriptors, for generic walkers (dumpers, validators).
typedef enum WfAstFieldType {
    WF_AST_FT_NODE,
    WF_AST_FT_OPT,
    WF_AST_FT_SEQ,
    WF_AST_FT_IDENT,
    WF_AST_FT_OPTIDENT,
    WF_AST_FT_IDENTS,
    WF_AST_FT_INT,
    WF_AST_FT_CTX,
    WF_AST_FT_BOOLOP,
    WF_AST_FT_OPERATOR,
    WF_AST_FT_UNARYOP,
    WF_AST_FT_CMPOPS,
    WF_AST_FT_CONST,
} WfAstFieldType;

typedef struct WfAstFieldInfo {
    const char *name;
    WfAstFieldType type;
    size_t offset; // from the start of WfAstNode
} WfAstFieldInfo;

typedef struct WfAstKindInfo {
    const char *name;
    WfAstCategory category;
    int nfields;
    const WfAstFieldInfo *fields;
    size_t node_size; // bytes a node of this kind occupies
} WfAstKindInfo;

// Descriptor of a node kind (static, immutable data).
const WfAstKindInfo *wf_ast_kind_info(WfAstKind kind);
// CPython names of the enum values ("Load", "Add", "Eq", ...).
const char *wf_ast_context_name(WfAstExprContext ctx);
const char *wf_ast_boolop_name(WfAstBoolOp op);
const char *wf_ast_operator_name(WfAstOperator op);
const char *wf_ast_unaryop_name(WfAstUnaryOp op);
const char *wf_ast_cmpop_name(WfAstCmpOp op);

// Allocation helpers; all return NULL when out of memory.
WfAstNode *wf_ast_node_new(WfArena *arena, WfAstKind kind, int lineno,
                           int col_offset, int end_lineno,
                           int end_col_offset);
WfAstSeq *wf_ast_seq_new(WfArena *arena, int len);
WfAstIdentSeq *wf_ast_identseq_new(WfArena *arena, int len);
WfAstIntSeq *wf_ast_intseq_new(WfArena *arena, int len);

#endif
