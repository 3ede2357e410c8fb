// arg.h — argument parsing for C functions using the vectorcall convention.
//
// wf_arg_parse(args, nargs, kwnames, &parser, &a, &b, ...) with a static
// parser description:
//   static WfArgParser parser = {"sorted", "O|$OO", {"", "key", "reverse", NULL}};
// Format: one char per parameter: 'O' any object (borrowed WfObject**), '|' the
// rest are optional (left untouched when absent), '$' the rest are keyword-only.
// Empty names ("") are positional-only. Errors mirror CPython's messages:
//   "sorted expected 1 argument, got 0", "f() got an unexpected keyword argument 'x'",
//   "f() takes at most 2 arguments (3 given)", "f() got multiple values for argument 'x'",
//   "f() missing required argument 'x' (pos 1)".
// Typed conversions are done by the caller (wf_int_as_ssize etc.).
#ifndef WF_ARG_H
#define WF_ARG_H

#include "objects/object.h"

typedef struct {
    const char *fname;         // function name used in messages
    const char *format;
    const char *names[16];     // NULL-terminated
} WfArgParser;

int wf_arg_parse(WfObject *const *args, size_t nargs, WfObject *kwnames, const WfArgParser *parser, ...);
// Quick checks (return 0 ok / -1 with TypeError):
int wf_arg_no_kwargs(const char *fname, WfObject *kwnames);              // "f() takes no keyword arguments"
int wf_arg_check_positional(const char *fname, size_t nargs, size_t min, size_t max);  // "f expected at most 2 arguments, got 3"
// An argument converted as CPython's "i" format: an int (or __index__) that
// fits a C int. 0 ok, -1 with TypeError / OverflowError.
int wf_arg_as_c_int(WfObject *o, int *out);

#endif
