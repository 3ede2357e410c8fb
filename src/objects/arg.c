// arg.c — argument parsing for C functions with the vectorcall convention
// (see arg.h). Messages follow CPython 3.11's getargs.c: _PyArg_CheckPositional
// for positional-only parameter lists, _PyArg_UnpackKeywords otherwise.
// Invariant: on success every parameter present in the call has had its
// output pointer set to a borrowed reference; absent optional ones are untouched.
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#include "objects/arg.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"

int wf_arg_no_kwargs(const char *fname, WfObject *kwnames) {
    if (!kwnames || wf_tuple_size(kwnames) == 0) return 0;
    wf_err_format(&wf_exc_TypeError, "%.200s() takes no keyword arguments", fname);
    return -1;
}

int wf_arg_check_positional(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        wf_err_format(&wf_exc_TypeError, "%.200s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at least ", (wf_ssize)min, min == 1 ? "" : "s", (wf_ssize)nargs);
        return -1;
    }
    if (nargs > max) {
        wf_err_format(&wf_exc_TypeError, "%.200s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at most ", (wf_ssize)max, max == 1 ? "" : "s", (wf_ssize)nargs);
        return -1;
    }
    return 0;
}

#define MAX_PARAMS 16

int wf_arg_parse(WfObject *const *args, size_t nargs, WfObject *kwnames, const WfArgParser *parser, ...) {
    const char *fname = parser->fname ? parser->fname : "function";
    const char *paren = parser->fname ? "()" : "";
    int nparams = 0, minpos = -1, maxpos = -1, posonly = 0;
    for (const char *f = parser->format; *f; f++) {
        if (*f == '|') minpos = nparams;
        else if (*f == '$') maxpos = nparams;
        else nparams++;
    }
    if (nparams > MAX_PARAMS) {
        wf_err_bad_internal_call("wf_arg_parse: too many parameters");
        return -1;
    }
    if (minpos < 0) minpos = nparams;
    if (maxpos < 0) maxpos = nparams;
    while (posonly < nparams && parser->names[posonly] && parser->names[posonly][0] == '\0') posonly++;
    wf_ssize nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    WfObject *buf[MAX_PARAMS] = {0};

    if (posonly == nparams) {
        // Positional-only signature: sorted expected 1 argument, got 0.
        if (nkw) {
            wf_err_format(&wf_exc_TypeError, "%.200s() takes no keyword arguments", fname);
            return -1;
        }
        if (wf_arg_check_positional(fname, nargs, (size_t)minpos, (size_t)maxpos) < 0) return -1;
        for (size_t i = 0; i < nargs; i++) buf[i] = args[i];
    } else {
        if ((wf_ssize)nargs > maxpos) {
            if (maxpos == 0) {
                wf_err_format(&wf_exc_TypeError, "%.200s%s takes no positional arguments", fname, paren);
            } else {
                wf_err_format(&wf_exc_TypeError, "%.200s%s takes %s %d argument%s (%zd given)", fname, paren,
                              minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", (wf_ssize)nargs);
            }
            return -1;
        }
        int minposonly = posonly < minpos ? posonly : minpos;
        if ((int)nargs < minposonly) {
            wf_err_format(&wf_exc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)", fname, paren,
                          minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s",
                          (wf_ssize)nargs);
            return -1;
        }
        for (size_t i = 0; i < nargs; i++) buf[i] = args[i];
        // Keyword arguments.
        for (wf_ssize k = 0; k < nkw; k++) {
            WfObject *key = wf_tuple_get_borrow(kwnames, k);
            if (!wf_str_check(key)) {
                wf_err_set_string(&wf_exc_TypeError, "keywords must be strings");
                return -1;
            }
            int found = -1;
            for (int i = posonly; i < nparams; i++) {
                if (wf_str_equal_cstr(key, parser->names[i])) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for %.200s%s", key, fname, paren);
                return -1;
            }
            if (found < (int)nargs || buf[found]) {
                if (found < (int)nargs) {
                    wf_err_format(&wf_exc_TypeError, "argument for %.200s%s given by name ('%U') and position (%d)",
                                  fname, paren, key, found + 1);
                } else {
                    wf_err_format(&wf_exc_TypeError, "%.200s%s got multiple values for argument '%U'", fname, paren, key);
                }
                return -1;
            }
            buf[found] = args[nargs + (size_t)k];
        }
        for (int i = (int)nargs; i < minpos; i++) {
            if (!buf[i]) {
                if (i < posonly) {
                    wf_err_format(&wf_exc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)", fname,
                                  paren, minpos < maxpos ? "at least" : "exactly", minpos, minpos == 1 ? "" : "s",
                                  (wf_ssize)nargs);
                } else {
                    wf_err_format(&wf_exc_TypeError, "%.200s%s missing required argument '%s' (pos %d)", fname, paren,
                                  parser->names[i], i + 1);
                }
                return -1;
            }
        }
    }
    va_list ap;
    va_start(ap, parser);
    for (int i = 0; i < nparams; i++) {
        WfObject **out = va_arg(ap, WfObject **);
        if (buf[i]) *out = buf[i];
    }
    va_end(ap);
    return 0;
}

int wf_arg_as_c_int(WfObject *o, int *out) {
    if (!wf_index_check(o)) {
        wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
        return -1;
    }
    WfObject *idx = wf_number_index(o);
    if (!idx) return -1;
    int overflow = 0;
    long long v = wf_int_as_long_long_overflow(idx, &overflow);
    wf_decref(idx);
    if (overflow || v > INT_MAX || v < INT_MIN) {
        wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}
