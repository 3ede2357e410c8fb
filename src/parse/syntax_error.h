// syntax_error.h — the error report filled by the tokenizer and parser.
//
// Invariant: kind == WF_SYNTAX_ERROR_NONE means no error was reported and
// the other fields are meaningless. Otherwise `msg` is a NUL-terminated
// message exactly as CPython 3.11 would print it; positions follow
// CPython's SyntaxError attributes (lineno 1-based, offset/end_offset
// 1-based columns counted in characters, 0 or -1 where CPython gives
// those). `text` is the offending source line, or NULL.
#ifndef WF_PARSE_SYNTAX_ERROR_H
#define WF_PARSE_SYNTAX_ERROR_H

#include <stddef.h>

typedef enum WfSyntaxErrorKind {
    WF_SYNTAX_ERROR_NONE,
    WF_SYNTAX_ERROR_SYNTAX,      // SyntaxError
    WF_SYNTAX_ERROR_INDENTATION, // IndentationError
    WF_SYNTAX_ERROR_TAB,         // TabError
    WF_SYNTAX_ERROR_MEMORY,      // MemoryError (out of memory; no position)
    WF_SYNTAX_ERROR_VALUE,       // ValueError (e.g. NUL byte in source)
} WfSyntaxErrorKind;

typedef struct WfSyntaxErrorInfo {
    WfSyntaxErrorKind kind;
    char msg[512];
    int lineno;
    int offset;
    int end_lineno;
    int end_offset;
    // The offending line (NUL-terminated, lives in the parse's arena), or
    // NULL when unknown or when memory ran out.
    const char *text;
} WfSyntaxErrorInfo;

#endif
