// ast.c — node allocation and the static descriptor tables.
//
// Invariant: the descriptors are generated from ast_nodes.h as constant
// data (function-local statics with constant initializers), safe to read
// from any thread. Nodes are allocated with exactly the bytes their kind
// needs, so code must only touch v.<kind> of a node's own kind.
#include "ast.h"

#include <stddef.h>

#define WF_F(type, fname) \
    {#fname, WF_AST_FT_##type, offsetof(WfAstNode, v) + offsetof(Cur, fname)},

const WfAstKindInfo *wf_ast_kind_info(WfAstKind kind) {
    switch (kind) {
#define WF_X(name, cat, fields) \
    case WF_AST_##name: { \
        typedef WfAst##name##Fields Cur; \
        static const WfAstFieldInfo f[] = {fields{NULL, 0, 0}}; \
        static const WfAstKindInfo info = { \
            #name, WF_AST_CAT_##cat, (int)(sizeof f / sizeof f[0]) - 1, f, \
            offsetof(WfAstNode, v) + sizeof(Cur)}; \
        return &info; \
    }
        WF_AST_NODE_LIST(WF_X, WF_F)
#undef WF_X
    case WF_AST_KIND_COUNT:
        break;
    }
    return NULL;
}
#undef WF_F

const char *wf_ast_context_name(WfAstExprContext ctx) {
    static const char *const names[] = {
#define WF_X(name) #name,
        WF_AST_EXPR_CONTEXT_LIST(WF_X)
#undef WF_X
    };
    return names[ctx];
}

const char *wf_ast_boolop_name(WfAstBoolOp op) {
    static const char *const names[] = {
#define WF_X(name) #name,
        WF_AST_BOOLOP_LIST(WF_X)
#undef WF_X
    };
    return names[op];
}

const char *wf_ast_operator_name(WfAstOperator op) {
    static const char *const names[] = {
#define WF_X(name, text) #name,
        WF_AST_OPERATOR_LIST(WF_X)
#undef WF_X
    };
    return names[op];
}

const char *wf_ast_unaryop_name(WfAstUnaryOp op) {
    static const char *const names[] = {
#define WF_X(name, text) #name,
        WF_AST_UNARYOP_LIST(WF_X)
#undef WF_X
    };
    return names[op];
}

const char *wf_ast_cmpop_name(WfAstCmpOp op) {
    static const char *const names[] = {
#define WF_X(name, text) #name,
        WF_AST_CMPOP_LIST(WF_X)
#undef WF_X
    };
    return names[op];
}

WfAstNode *wf_ast_node_new(WfArena *arena, WfAstKind kind, int lineno,
                           int col_offset, int end_lineno,
                           int end_col_offset) {
    WfAstNode *n = wf_arena_alloc(arena, wf_ast_kind_info(kind)->node_size);
    if (n == NULL) return NULL;
    n->kind = kind;
    n->lineno = lineno;
    n->col_offset = col_offset;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col_offset;
    return n;
}

WfAstSeq *wf_ast_seq_new(WfArena *arena, int len) {
    WfAstSeq *s = wf_arena_alloc(
        arena, sizeof(WfAstSeq) + (size_t)len * sizeof(WfAstNode *));
    if (s != NULL) s->len = len;
    return s;
}

WfAstIdentSeq *wf_ast_identseq_new(WfArena *arena, int len) {
    WfAstIdentSeq *s = wf_arena_alloc(
        arena, sizeof(WfAstIdentSeq) + (size_t)len * sizeof(const char *));
    if (s != NULL) s->len = len;
    return s;
}

WfAstIntSeq *wf_ast_intseq_new(WfArena *arena, int len) {
    WfAstIntSeq *s =
        wf_arena_alloc(arena, sizeof(WfAstIntSeq) + (size_t)len * sizeof(int));
    if (s != NULL) s->len = len;
    return s;
}
