// compile_internal.h — what the compiler's passes share: the source being
// compiled (for error positions and `from __future__ import annotations`
// strings) and the SyntaxError constructor.
//
// Invariant: a WfCompileSource describes one compilation; `src` stays valid
// (and unmodified) for the whole compilation, `line_starts[i]` is the byte
// offset of line i+1 in `src`, and `filename` is a str owned by the caller.
#ifndef WF_COMPILE_INTERNAL_H
#define WF_COMPILE_INTERNAL_H

#include <stddef.h>

#include "objects/object.h"
#include "parse/ast.h"

typedef struct WfCompileSource {
    const char *src;
    size_t len;
    WfObject *filename;          // str (borrowed)
    size_t *line_starts;         // wf_mem_malloc'd, nlines entries
    int nlines;
    int future_features;         // WF_FUTURE_* bits
    int future_lineno, future_col;   // position of the last leading `from __future__` (-1: none)
    int interactive;
    int optimize;
    struct { int lineno; uint64_t hash; } warned[32];  // de-duplication of warnings
    int nwarned;
} WfCompileSource;

// Future features.
#define WF_FUTURE_ANNOTATIONS 0x01
#define WF_FUTURE_BARRY 0x02

int wf_compile_source_init(WfCompileSource *cs, const char *src, size_t len, WfObject *filename);
void wf_compile_source_fini(WfCompileSource *cs);

// Raise SyntaxError(msg, (filename, lineno, col+1, text, end_lineno, end_col+1))
// as CPython's compiler does (columns are UTF-8 byte offsets, 0-based here; text
// is the source line for real files and None for "<...>" names). Returns -1.
int wf_compile_error(WfCompileSource *cs, int lineno, int col, int end_lineno, int end_col,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
// Same, but the exception's args are just (msg,) (the position is in its
// attributes only), as CPython's symbol-table and future-statement errors.
int wf_compile_error_located(WfCompileSource *cs, int lineno, int col, int end_lineno, int end_col,
                             const char *fmt, ...) __attribute__((format(printf, 6, 7)));
// Same as wf_compile_error, positioned at an AST node.
int wf_compile_error_node(WfCompileSource *cs, const WfAstNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

// Emit a SyntaxWarning at `lineno` (once per line and message in a
// compilation). -1 if the warning was turned into an error (a SyntaxError
// is then pending, as CPython's compiler_warn).
int wf_compile_warn(WfCompileSource *cs, int lineno, int col, int end_lineno, int end_col, const char *msg);

// The source text of a node (for stringified annotations): new str or NULL.
WfObject *wf_compile_source_segment(WfCompileSource *cs, const WfAstNode *n);

// Name mangling for private names inside classes (CPython's _Py_Mangle):
// returns an interned str (immortal, no reference to drop). `private_name`
// may be NULL. NULL with an exception on failure.
WfObject *wf_compile_mangle(WfObject *private_name, WfObject *name);
// Interned str for a NUL-terminated identifier (immortal).
WfObject *wf_compile_intern(const char *s);

#endif
