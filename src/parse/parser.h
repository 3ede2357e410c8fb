// parser.h — public API of weft's front end: source bytes -> AST.
//
// Invariant: a parse either returns a complete, immutable tree whose every
// node, string and sequence lives in the caller's arena and err->kind ==
// WF_SYNTAX_ERROR_NONE, or returns NULL with err filled (kind, CPython 3.11
// message, position, offending line). The parser never aborts, never uses
// longjmp, allocates only from the arena plus temporary malloc buffers it
// frees before returning, and keeps no global state: any number of threads
// may parse concurrently with separate arenas.
//
// Usage:
//   WfArena *arena = wf_arena_new();
//   WfSyntaxErrorInfo err;
//   WfAstNode *mod = wf_parser_parse(arena, src, len, "x.py",
//                                    WF_PARSE_FILE, &err);
//   if (mod == NULL) report(&err);      // err.text lives in the arena
//   ... use mod (kind WF_AST_Module) ...
//   wf_arena_free(arena);               // frees the tree
//
// Input: source bytes, as a .py file (an optional UTF-8 BOM is skipped;
// "\r\n" and "\r" are treated as "\n"; a final newline is implied). A PEP
// 263 `# -*- coding: NAME -*-` cookie on line 1 or 2 is honoured (converted
// to UTF-8 with iconv; "unknown encoding: NAME" otherwise); without one the
// source must be UTF-8. A NUL byte gives WF_SYNTAX_ERROR_VALUE "source code
// string cannot contain null bytes", as CPython 3.11's compile().
//
// AST: see ast.h/ast_nodes.h. Names, fields and positions mirror CPython
// 3.11's `ast` module. Constants are not Python objects: WfAstConstant
// holds the literal's text (INT digits + base, FLOAT/IMAGINARY text) or the
// decoded bytes (STR as UTF-8, BYTES). Identifiers are NUL-terminated
// UTF-8, NFKC-normalized as CPython does.
#ifndef WF_PARSE_PARSER_H
#define WF_PARSE_PARSER_H

#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "syntax_error.h"

typedef enum WfParseMode {
    WF_PARSE_FILE,   // compile(..., 'exec')   -> Module
    WF_PARSE_EVAL,   // compile(..., 'eval')   -> Expression
    WF_PARSE_SINGLE, // compile(..., 'single') -> Interactive
} WfParseMode;

// Parses `len` bytes of `src`. `filename` is only used in messages that
// CPython formats with it (currently none; kept for the API's stability).
// Returns the mod node (Module, Expression or Interactive) or NULL with
// *err filled. `err` must not be NULL.
WfAstNode *wf_parser_parse(WfArena *arena, const char *src, size_t len,
                           const char *filename, WfParseMode mode,
                           WfSyntaxErrorInfo *err);

// Name of an error kind as CPython's exception type ("SyntaxError", ...).
const char *wf_parser_error_kind_name(WfSyntaxErrorKind kind);

#endif
