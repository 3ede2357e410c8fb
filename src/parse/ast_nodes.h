// ast_nodes.h — the single list of AST node kinds (X-macro).
//
// Invariant: this file is the only place node kinds and their fields are
// spelled out. Names and field order mirror CPython 3.11's `ast` module
// exactly, so a generic walker (see the dumper) reproduces ast.dump().
// Every consumer expands WF_AST_NODE_LIST with its own X and F:
//
//   X(Name, CATEGORY, FIELDS)   FIELDS is a run of F(TYPE, field_name)
//
// CATEGORY: MOD, STMT, EXPR, HANDLER (excepthandler), PATTERN, AUX (has
// position attributes in CPython: arg, keyword, alias) and AUXNP (no
// position attributes in CPython: arguments, comprehension, withitem,
// match_case). weft records positions on every node regardless.
//
// Field TYPEs (C representation in ast.h):
//   NODE     WfAstNode *, never NULL
//   OPT      WfAstNode *, NULL means absent (CPython None)
//   SEQ      WfAstSeq *, never NULL; items may be NULL only for
//            Dict.keys (** entries) and arguments.kw_defaults
//   IDENT    const char *, never NULL
//   OPTIDENT const char *, may be NULL
//   IDENTS   WfAstIdentSeq *, never NULL
//   INT      int
//   CTX      WfAstExprContext
//   BOOLOP   WfAstBoolOp
//   OPERATOR WfAstOperator
//   UNARYOP  WfAstUnaryOp
//   CMPOPS   WfAstIntSeq * of WfAstCmpOp
//   CONST    WfAstConstant
#ifndef WF_PARSE_AST_NODES_H
#define WF_PARSE_AST_NODES_H

#define WF_AST_NODE_LIST(X, F) \
    X(Module, MOD, F(SEQ, body) F(SEQ, type_ignores)) \
    X(Interactive, MOD, F(SEQ, body)) \
    X(Expression, MOD, F(NODE, body)) \
    X(FunctionDef, STMT, F(IDENT, name) F(NODE, args) F(SEQ, body) \
      F(SEQ, decorator_list) F(OPT, returns) F(OPTIDENT, type_comment)) \
    X(AsyncFunctionDef, STMT, F(IDENT, name) F(NODE, args) F(SEQ, body) \
      F(SEQ, decorator_list) F(OPT, returns) F(OPTIDENT, type_comment)) \
    X(ClassDef, STMT, F(IDENT, name) F(SEQ, bases) F(SEQ, keywords) \
      F(SEQ, body) F(SEQ, decorator_list)) \
    X(Return, STMT, F(OPT, value)) \
    X(Delete, STMT, F(SEQ, targets)) \
    X(Assign, STMT, F(SEQ, targets) F(NODE, value) F(OPTIDENT, type_comment)) \
    X(AugAssign, STMT, F(NODE, target) F(OPERATOR, op) F(NODE, value)) \
    X(AnnAssign, STMT, F(NODE, target) F(NODE, annotation) F(OPT, value) \
      F(INT, simple)) \
    X(For, STMT, F(NODE, target) F(NODE, iter) F(SEQ, body) F(SEQ, orelse) \
      F(OPTIDENT, type_comment)) \
    X(AsyncFor, STMT, F(NODE, target) F(NODE, iter) F(SEQ, body) \
      F(SEQ, orelse) F(OPTIDENT, type_comment)) \
    X(While, STMT, F(NODE, test) F(SEQ, body) F(SEQ, orelse)) \
    X(If, STMT, F(NODE, test) F(SEQ, body) F(SEQ, orelse)) \
    X(With, STMT, F(SEQ, items) F(SEQ, body) F(OPTIDENT, type_comment)) \
    X(AsyncWith, STMT, F(SEQ, items) F(SEQ, body) F(OPTIDENT, type_comment)) \
    X(Match, STMT, F(NODE, subject) F(SEQ, cases)) \
    X(Raise, STMT, F(OPT, exc) F(OPT, cause)) \
    X(Try, STMT, F(SEQ, body) F(SEQ, handlers) F(SEQ, orelse) \
      F(SEQ, finalbody)) \
    X(TryStar, STMT, F(SEQ, body) F(SEQ, handlers) F(SEQ, orelse) \
      F(SEQ, finalbody)) \
    X(Assert, STMT, F(NODE, test) F(OPT, msg)) \
    X(Import, STMT, F(SEQ, names)) \
    X(ImportFrom, STMT, F(OPTIDENT, module) F(SEQ, names) F(INT, level)) \
    X(Global, STMT, F(IDENTS, names)) \
    X(Nonlocal, STMT, F(IDENTS, names)) \
    X(Expr, STMT, F(NODE, value)) \
    X(Pass, STMT, ) \
    X(Break, STMT, ) \
    X(Continue, STMT, ) \
    X(BoolOp, EXPR, F(BOOLOP, op) F(SEQ, values)) \
    X(NamedExpr, EXPR, F(NODE, target) F(NODE, value)) \
    X(BinOp, EXPR, F(NODE, left) F(OPERATOR, op) F(NODE, right)) \
    X(UnaryOp, EXPR, F(UNARYOP, op) F(NODE, operand)) \
    X(Lambda, EXPR, F(NODE, args) F(NODE, body)) \
    X(IfExp, EXPR, F(NODE, test) F(NODE, body) F(NODE, orelse)) \
    X(Dict, EXPR, F(SEQ, keys) F(SEQ, values)) \
    X(Set, EXPR, F(SEQ, elts)) \
    X(ListComp, EXPR, F(NODE, elt) F(SEQ, generators)) \
    X(SetComp, EXPR, F(NODE, elt) F(SEQ, generators)) \
    X(DictComp, EXPR, F(NODE, key) F(NODE, value) F(SEQ, generators)) \
    X(GeneratorExp, EXPR, F(NODE, elt) F(SEQ, generators)) \
    X(Await, EXPR, F(NODE, value)) \
    X(Yield, EXPR, F(OPT, value)) \
    X(YieldFrom, EXPR, F(NODE, value)) \
    X(Compare, EXPR, F(NODE, left) F(CMPOPS, ops) F(SEQ, comparators)) \
    X(Call, EXPR, F(NODE, func) F(SEQ, args) F(SEQ, keywords)) \
    X(FormattedValue, EXPR, F(NODE, value) F(INT, conversion) \
      F(OPT, format_spec)) \
    X(JoinedStr, EXPR, F(SEQ, values)) \
    X(Constant, EXPR, F(CONST, value) F(OPTIDENT, kind)) \
    X(Attribute, EXPR, F(NODE, value) F(IDENT, attr) F(CTX, ctx)) \
    X(Subscript, EXPR, F(NODE, value) F(NODE, slice) F(CTX, ctx)) \
    X(Starred, EXPR, F(NODE, value) F(CTX, ctx)) \
    X(Name, EXPR, F(IDENT, id) F(CTX, ctx)) \
    X(List, EXPR, F(SEQ, elts) F(CTX, ctx)) \
    X(Tuple, EXPR, F(SEQ, elts) F(CTX, ctx)) \
    X(Slice, EXPR, F(OPT, lower) F(OPT, upper) F(OPT, step)) \
    X(comprehension, AUXNP, F(NODE, target) F(NODE, iter) F(SEQ, ifs) \
      F(INT, is_async)) \
    X(ExceptHandler, HANDLER, F(OPT, type) F(OPTIDENT, name) F(SEQ, body)) \
    X(arguments, AUXNP, F(SEQ, posonlyargs) F(SEQ, args) F(OPT, vararg) \
      F(SEQ, kwonlyargs) F(SEQ, kw_defaults) F(OPT, kwarg) \
      F(SEQ, defaults)) \
    X(arg, AUX, F(IDENT, arg) F(OPT, annotation) F(OPTIDENT, type_comment)) \
    X(keyword, AUX, F(OPTIDENT, arg) F(NODE, value)) \
    X(alias, AUX, F(IDENT, name) F(OPTIDENT, asname)) \
    X(withitem, AUXNP, F(NODE, context_expr) F(OPT, optional_vars)) \
    X(match_case, AUXNP, F(NODE, pattern) F(OPT, guard) F(SEQ, body)) \
    X(MatchValue, PATTERN, F(NODE, value)) \
    X(MatchSingleton, PATTERN, F(CONST, value)) \
    X(MatchSequence, PATTERN, F(SEQ, patterns)) \
    X(MatchMapping, PATTERN, F(SEQ, keys) F(SEQ, patterns) \
      F(OPTIDENT, rest)) \
    X(MatchClass, PATTERN, F(NODE, cls) F(SEQ, patterns) \
      F(IDENTS, kwd_attrs) F(SEQ, kwd_patterns)) \
    X(MatchStar, PATTERN, F(OPTIDENT, name)) \
    X(MatchAs, PATTERN, F(OPT, pattern) F(OPTIDENT, name)) \
    X(MatchOr, PATTERN, F(SEQ, patterns))

// Operator enums, also X-macros: X(CPythonName, source text or "")
#define WF_AST_EXPR_CONTEXT_LIST(X) X(Load) X(Store) X(Del)
#define WF_AST_BOOLOP_LIST(X) X(And) X(Or)
#define WF_AST_OPERATOR_LIST(X) \
    X(Add, "+") X(Sub, "-") X(Mult, "*") X(MatMult, "@") X(Div, "/") \
    X(Mod, "%") X(Pow, "**") X(LShift, "<<") X(RShift, ">>") \
    X(BitOr, "|") X(BitXor, "^") X(BitAnd, "&") X(FloorDiv, "//")
#define WF_AST_UNARYOP_LIST(X) \
    X(Invert, "~") X(Not, "not") X(UAdd, "+") X(USub, "-")
#define WF_AST_CMPOP_LIST(X) \
    X(Eq, "==") X(NotEq, "!=") X(Lt, "<") X(LtE, "<=") X(Gt, ">") \
    X(GtE, ">=") X(Is, "is") X(IsNot, "is not") X(In, "in") \
    X(NotIn, "not in")

#endif
