// compile.h — source to code object: parse (src/parse) → symbol table →
// code generation → assembly (line and exception tables).
#ifndef WF_COMPILE_H
#define WF_COMPILE_H

#include <stdio.h>

#include "objects/object.h"
#include "objects/code.h"

enum { WF_COMPILE_EXEC = 0, WF_COMPILE_EVAL = 1, WF_COMPILE_SINGLE = 2 };

// Compile UTF-8 source. On a syntax error returns NULL with a SyntaxError /
// IndentationError / TabError pending whose fields (msg, filename, lineno,
// offset, text, end_lineno, end_offset) are CPython's. `optimize`: -1 default.
WfCodeObject *wf_compile_source(const char *src, size_t len, WfObject *filename, int mode, int optimize);

// Print a dis-like listing of co and, recursively, of the code objects among
// its constants (the hidden `-X dis` option).
void wf_compile_disassemble(WfCodeObject *co, FILE *out);

#endif
