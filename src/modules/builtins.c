// builtins.c — the builtins module: builtin functions, and the builtin types,
// constants and exceptions bound under their Python names.
// Invariant: nothing here keeps mutable state; every function is safe to call
// from any thread (the objects it touches protect themselves).
#include <stdio.h>
#include <string.h>

#include "compile/compile.h"
#include "objects/arg.h"
#include "objects/bytes.h"
#include "objects/descr.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/iter.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/range.h"
#include "objects/set.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/import.h"
#include "runtime/lifecycle.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"

extern WfTypeObject wf_complex_type;
WfObject *wf_io_open(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames);

static WfObject *sys_attr_borrow(const char *name) {
    return wf_runtime.sys_dict ? wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, name) : NULL;
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
static WfObject *builtin_print(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        WfObject *k = wf_tuple_get_borrow(kwnames, (wf_ssize)i);
        WfObject *v = args[nargs + i];
        if (wf_str_equal_cstr(k, "sep")) sep = v;
        else if (wf_str_equal_cstr(k, "end")) end = v;
        else if (wf_str_equal_cstr(k, "file")) file = v;
        else if (wf_str_equal_cstr(k, "flush")) flush = v;
        else return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for print()", k);
    }
    if (sep == wf_None) sep = NULL;
    if (end == wf_None) end = NULL;
    if (sep && !wf_str_check(sep)) return wf_err_format(&wf_exc_TypeError, "sep must be None or a string, not %T", sep);
    if (end && !wf_str_check(end)) return wf_err_format(&wf_exc_TypeError, "end must be None or a string, not %T", end);
    if (!file || file == wf_None) {
        file = sys_attr_borrow("stdout");
        if (!file || file == wf_None) return wf_None;  // no stdout: print does nothing
    }
    wf_incref(file);
    WfObject *write = wf_object_getattr(file, WF_ID(write));
    if (!write) goto error;
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0) {
            WfObject *s = sep ? wf_newref(sep) : wf_str_from_cstr(" ");
            WfObject *r = s ? wf_object_call_one(write, s) : NULL;
            wf_xdecref(s);
            if (!r) goto error;
            wf_decref(r);
        }
        WfObject *s = wf_object_str(args[i]);
        if (!s) goto error;
        WfObject *r = wf_object_call_one(write, s);
        wf_decref(s);
        if (!r) goto error;
        wf_decref(r);
    }
    {
        WfObject *s = end ? wf_newref(end) : wf_str_from_cstr("\n");
        WfObject *r = s ? wf_object_call_one(write, s) : NULL;
        wf_xdecref(s);
        if (!r) goto error;
        wf_decref(r);
    }
    if (flush) {
        int f = wf_object_is_true(flush);
        if (f < 0) goto error;
        if (f) {
            WfObject *r = wf_object_call_method(file, WF_ID(flush), NULL, 0);
            if (!r) goto error;
            wf_decref(r);
        }
    }
    wf_decref(write);
    wf_decref(file);
    return wf_None;
error:
    wf_xdecref(write);
    wf_decref(file);
    return NULL;
}

static WfObject *builtin_len(WfObject *self, WfObject *o) {
    wf_ssize n = wf_object_len(o);
    if (n < 0) return NULL;
    return wf_int_from_ssize(n);
}

static WfObject *builtin_repr(WfObject *self, WfObject *o) { return wf_object_repr(o); }
static WfObject *builtin_ascii(WfObject *self, WfObject *o) { return wf_object_ascii(o); }
static WfObject *builtin_abs(WfObject *self, WfObject *o) { return wf_number_absolute(o); }

static WfObject *builtin_hash(WfObject *self, WfObject *o) {
    intptr_t h = wf_object_hash(o);
    if (h == -1) return NULL;
    return wf_int_from_ssize(h);
}

static WfObject *builtin_id(WfObject *self, WfObject *o) { return wf_int_from_size_t((size_t)(uintptr_t)o); }

static WfObject *builtin_callable(WfObject *self, WfObject *o) { return wf_bool_from(wf_callable_check(o)); }

static WfObject *any_all(WfObject *iterable, int want) {
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) return NULL;
    WfObject *item;
    while ((item = wf_iter_next(it))) {
        int t = wf_object_is_true(item);
        wf_decref(item);
        if (t < 0) {
            wf_decref(it);
            return NULL;
        }
        if (t == want) {
            wf_decref(it);
            return wf_bool_from(want);
        }
    }
    wf_decref(it);
    if (wf_err_occurred()) return NULL;
    return wf_bool_from(!want);
}
static WfObject *builtin_any(WfObject *self, WfObject *o) { return any_all(o, 1); }
static WfObject *builtin_all(WfObject *self, WfObject *o) { return any_all(o, 0); }

static WfObject *builtin_chr(WfObject *self, WfObject *o) {
    if (!wf_int_check(o)) return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", o);
    int overflow = 0;
    long long v = wf_int_as_long_long_overflow(o, &overflow);
    if (overflow) return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
    if (v < 0 || v > 0x10ffff) return wf_err_format(&wf_exc_ValueError, "chr() arg not in range(0x110000)");
    return wf_str_from_char((uint32_t)v);
}

static WfObject *builtin_ord(WfObject *self, WfObject *o) {
    if (wf_str_check(o)) {
        if (wf_str_length(o) == 1) return wf_smallint_new(wf_str_char_at(o, 0));
        return wf_err_format(&wf_exc_TypeError, "ord() expected a character, but string of length %zd found",
                             wf_str_length(o));
    }
    if (wf_bytes_check(o) || wf_bytearray_check(o)) {
        const char *d;
        wf_ssize n;
        if (wf_bytes_like_get(o, &d, &n) < 0) return NULL;
        if (n == 1) return wf_smallint_new((unsigned char)d[0]);
        return wf_err_format(&wf_exc_TypeError, "ord() expected a character, but string of length %zd found", n);
    }
    return wf_err_format(&wf_exc_TypeError, "ord() expected string of length 1, but %T found", o);
}

static WfObject *format_base(WfObject *o, int base) {
    WfObject *i = wf_number_index(o);
    if (!i) return NULL;
    WfObject *r = wf_int_format_base(i, base, true);
    wf_decref(i);
    return r;
}
static WfObject *builtin_hex(WfObject *self, WfObject *o) { return format_base(o, 16); }
static WfObject *builtin_oct(WfObject *self, WfObject *o) { return format_base(o, 8); }
static WfObject *builtin_bin(WfObject *self, WfObject *o) { return format_base(o, 2); }

static WfObject *builtin_format(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("format", nargs, 1, 2) < 0) return NULL;
    WfObject *spec = nargs > 1 ? args[1] : NULL;
    if (spec && !wf_str_check(spec))
        return wf_err_format(&wf_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    return wf_object_format(args[0], spec);
}

static WfObject *builtin_divmod(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("divmod", nargs, 2, 2) < 0) return NULL;
    return wf_number_divmod(args[0], args[1]);
}

static WfObject *builtin_pow(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"pow", "OO|O", {"base", "exp", "mod", NULL}};
    WfObject *base, *exp, *mod = wf_None;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &base, &exp, &mod) < 0) return NULL;
    return wf_number_power(base, exp, mod);
}

static WfObject *builtin_round(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"round", "O|O", {"number", "ndigits", NULL}};
    WfObject *number, *ndigits = wf_None;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &number, &ndigits) < 0) return NULL;
    WfObject *meth = wf_type_lookup_ref(wf_type_of(number), WF_ID(__round__));
    if (!meth)
        return wf_err_format(&wf_exc_TypeError, "type %s doesn't define __round__ method",
                             wf_type_name(wf_type_of(number)));
    WfObject *cargs[2] = {number, ndigits};
    WfObject *r = wf_object_call(meth, cargs, ndigits == wf_None ? 1 : 2, NULL);
    wf_decref(meth);
    return r;
}

static WfObject *builtin_getattr(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("getattr", nargs, 2, 3) < 0) return NULL;
    if (!wf_str_check(args[1])) return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    if (nargs == 3) {
        WfObject *r = NULL;
        int found = wf_object_lookup_attr(args[0], args[1], &r);
        if (found < 0) return NULL;
        return found ? r : wf_newref(args[2]);
    }
    return wf_object_getattr(args[0], args[1]);
}

static WfObject *builtin_setattr(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("setattr", nargs, 3, 3) < 0) return NULL;
    if (!wf_str_check(args[1])) return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    if (wf_object_setattr(args[0], args[1], args[2]) < 0) return NULL;
    return wf_None;
}

static WfObject *builtin_delattr(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("delattr", nargs, 2, 2) < 0) return NULL;
    if (!wf_str_check(args[1])) return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    if (wf_object_setattr(args[0], args[1], NULL) < 0) return NULL;
    return wf_None;
}

static WfObject *builtin_hasattr(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("hasattr", nargs, 2, 2) < 0) return NULL;
    if (!wf_str_check(args[1])) return wf_err_format(&wf_exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    WfObject *r = NULL;
    int found = wf_object_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    wf_xdecref(r);
    return wf_bool_from(found);
}

static WfObject *builtin_isinstance(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("isinstance", nargs, 2, 2) < 0) return NULL;
    int r = wf_object_isinstance(args[0], args[1]);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static WfObject *builtin_issubclass(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("issubclass", nargs, 2, 2) < 0) return NULL;
    int r = wf_object_issubclass(args[0], args[1]);
    if (r < 0) return NULL;
    return wf_bool_from(r);
}

static WfObject *builtin_iter(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return wf_object_get_iter(args[0]);
    if (!wf_callable_check(args[0])) return wf_err_format(&wf_exc_TypeError, "iter(v, w): v must be callable");
    return wf_callable_iter_new(args[0], args[1]);
}

static WfObject *builtin_next(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("next", nargs, 1, 2) < 0) return NULL;
    WfObject *it = args[0];
    WfTypeObject *t = wf_type_of(it);
    if (!t->tp_iternext) return wf_err_format(&wf_exc_TypeError, "'%T' object is not an iterator", it);
    WfObject *r = t->tp_iternext(it);
    if (r) return r;
    if (wf_err_occurred()) {
        if (nargs == 2 && wf_err_matches(&wf_exc_StopIteration)) {
            wf_err_clear();
            return wf_newref(args[1]);
        }
        return NULL;
    }
    if (nargs == 2) return wf_newref(args[1]);
    wf_err_set_none(&wf_exc_StopIteration);
    return NULL;
}

// min/max(iterable, *, key=None, default=) or (a, b, *args, key=None)
static WfObject *min_max(WfObject *const *args, size_t nargs, WfObject *kwnames, int op, const char *name) {
    WfObject *key = NULL, *dflt = NULL;
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    for (size_t i = 0; i < nkw; i++) {
        WfObject *k = wf_tuple_get_borrow(kwnames, (wf_ssize)i);
        if (wf_str_equal_cstr(k, "key")) key = args[nargs + i];
        else if (wf_str_equal_cstr(k, "default")) dflt = args[nargs + i];
        else return wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'", name, k);
    }
    if (key == wf_None) key = NULL;
    if (nargs == 0) return wf_err_format(&wf_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    WfObject *it;
    if (nargs == 1) {
        it = wf_object_get_iter(args[0]);
    } else {
        if (dflt)
            return wf_err_format(&wf_exc_TypeError,
                                 "Cannot specify a default for %s() with multiple positional arguments", name);
        WfObject *t = wf_tuple_from_array(args, (wf_ssize)nargs);
        if (!t) return NULL;
        it = wf_object_get_iter(t);
        wf_decref(t);
    }
    if (!it) return NULL;
    WfObject *best = NULL, *best_key = NULL, *item;
    while ((item = wf_iter_next(it))) {
        WfObject *k = key ? wf_object_call_one(key, item) : wf_newref(item);
        if (!k) {
            wf_decref(item);
            goto error;
        }
        if (!best) {
            best = item;
            best_key = k;
            continue;
        }
        int c = wf_object_richcompare_bool(k, best_key, op);
        if (c < 0) {
            wf_decref(item);
            wf_decref(k);
            goto error;
        }
        if (c) {
            WF_SETREF(best, item);
            WF_SETREF(best_key, k);
        } else {
            wf_decref(item);
            wf_decref(k);
        }
    }
    if (wf_err_occurred()) goto error;
    wf_decref(it);
    wf_xdecref(best_key);
    if (!best) {
        if (dflt) return wf_newref(dflt);
        return wf_err_format(&wf_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
error:
    wf_decref(it);
    wf_xdecref(best);
    wf_xdecref(best_key);
    return NULL;
}
static WfObject *builtin_min(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw) {
    return min_max(args, nargs, kw, WF_LT, "min");
}
static WfObject *builtin_max(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw) {
    return min_max(args, nargs, kw, WF_GT, "max");
}

static WfObject *builtin_sum(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"sum", "O|O", {"", "start", NULL}};
    WfObject *iterable, *start = wf_smallint_new(0);
    if (wf_arg_parse(args, nargs, kwnames, &parser, &iterable, &start) < 0) return NULL;
    if (wf_str_check(start)) return wf_err_format(&wf_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (wf_bytes_check(start)) return wf_err_format(&wf_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    if (wf_bytearray_check(start))
        return wf_err_format(&wf_exc_TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    WfObject *it = wf_object_get_iter(iterable);
    if (!it) return NULL;
    WfObject *total = wf_newref(start), *item;
    while ((item = wf_iter_next(it))) {
        WfObject *r;
        if (wf_is_smallint(total) && wf_is_smallint(item)) {
            intptr_t s;
            if (!__builtin_add_overflow(wf_smallint_value(total), wf_smallint_value(item), &s) && wf_smallint_fits(s)) {
                total = wf_smallint_new(s);
                continue;
            }
        }
        r = wf_number_add(total, item);
        wf_decref(item);
        wf_decref(total);
        total = r;
        if (!total) break;
    }
    wf_decref(it);
    if (wf_err_occurred()) {
        wf_xdecref(total);
        return NULL;
    }
    return total;
}

static WfObject *builtin_sorted(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {"sorted", "O|$OO", {"", "key", "reverse", NULL}};
    WfObject *iterable, *key = wf_None, *reverse = wf_False;
    if (nargs != 1) return wf_err_format(&wf_exc_TypeError, "sorted expected 1 argument, got %zu", nargs);
    if (wf_arg_parse(args, nargs, kwnames, &parser, &iterable, &key, &reverse) < 0) return NULL;
    int rev = wf_object_is_true(reverse);
    if (rev < 0) return NULL;
    WfObject *l = wf_list_from_iterable(iterable);
    if (!l) return NULL;
    if (wf_list_sort(l, key == wf_None ? NULL : key, rev) < 0) {
        wf_decref(l);
        return NULL;
    }
    return l;
}

static WfObject *builtin_globals(WfObject *self, WfObject *unused) {
    WfObject *g = wf_eval_globals_borrow();
    if (!g) return wf_err_format(&wf_exc_SystemError, "globals(): no current frame");
    return wf_newref(g);
}

static WfObject *builtin_locals(WfObject *self, WfObject *unused) { return wf_eval_locals(); }

static WfObject *builtin_vars(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) return wf_eval_locals();
    WfObject *d = NULL;
    if (wf_object_lookup_attr(args[0], WF_ID(__dict__), &d) < 0) return NULL;
    if (!d) return wf_err_format(&wf_exc_TypeError, "vars() argument must have __dict__ attribute");
    return d;
}

static WfObject *builtin_dir(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("dir", nargs, 0, 1) < 0) return NULL;
    if (nargs == 1) return wf_object_dir(args[0]);
    WfObject *loc = wf_eval_locals();
    if (!loc) return NULL;
    WfObject *keys = wf_list_from_iterable(loc);
    wf_decref(loc);
    if (!keys) return NULL;
    if (wf_list_sort(keys, NULL, false) < 0) {
        wf_decref(keys);
        return NULL;
    }
    return keys;
}

static WfObject *builtin_input(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("input", nargs, 0, 1) < 0) return NULL;
    WfObject *out = sys_attr_borrow("stdout"), *in = sys_attr_borrow("stdin");
    if (!in || in == wf_None) return wf_err_format(&wf_exc_RuntimeError, "input(): lost sys.stdin");
    if (!out || out == wf_None) return wf_err_format(&wf_exc_RuntimeError, "input(): lost sys.stdout");
    if (nargs == 1) {
        WfObject *s = wf_object_str(args[0]);
        if (!s) return NULL;
        WfObject *r = wf_object_call_method(out, WF_ID(write), &s, 1);
        wf_decref(s);
        if (!r) return NULL;
        wf_decref(r);
    }
    WfObject *r = wf_object_call_method(out, WF_ID(flush), NULL, 0);
    if (!r) return NULL;
    wf_decref(r);
    WfObject *line = wf_object_call_method(in, WF_ID(readline), NULL, 0);
    if (!line) return NULL;
    if (!wf_str_check(line)) {
        wf_decref(line);
        return wf_err_format(&wf_exc_TypeError, "object.readline() returned non-string");
    }
    wf_ssize n = wf_str_length(line);
    if (n == 0) {
        wf_decref(line);
        return wf_err_format(&wf_exc_EOFError, "EOF when reading a line");
    }
    if (wf_str_char_at(line, n - 1) == '\n') {
        WfObject *s = wf_str_substring(line, 0, n - 1);
        wf_decref(line);
        return s;
    }
    return line;
}

// Source for eval/exec/compile: str, bytes, or a code object.
static WfCodeObject *source_to_code(WfObject *source, const char *filename, int mode, const char *fname) {
    if (wf_type_check(source, &wf_code_type)) return (WfCodeObject *)wf_newref(source);
    const char *data;
    wf_ssize len;
    if (wf_str_check(source)) {
        data = wf_str_as_utf8(source, &len);
        if (!data) return NULL;
    } else if (wf_bytes_like_get(source, &data, &len) < 0) {
        wf_err_clear();
        wf_err_format(&wf_exc_TypeError, "%s() arg 1 must be a string, bytes or code object", fname);
        return NULL;
    }
    if (memchr(data, 0, (size_t)len)) {
        wf_err_format(&wf_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    WfObject *fn = wf_str_from_cstr(filename);
    if (!fn) return NULL;
    // eval() strips leading spaces and tabs, as CPython.
    if (mode == WF_COMPILE_EVAL)
        while (len > 0 && (*data == ' ' || *data == '\t')) data++, len--;
    WfCodeObject *co = wf_compile_source(data, (size_t)len, fn, mode, -1);
    wf_decref(fn);
    return co;
}

static WfObject *eval_exec(WfObject *const *args, size_t nargs, WfObject *kwnames, int mode, const char *name) {
    static const WfArgParser eval_parser = {"eval", "O|OO", {"", "globals", "locals", NULL}};
    static const WfArgParser exec_parser = {"exec", "O|OO", {"", "globals", "locals", NULL}};
    WfObject *source, *globals = wf_None, *locals = wf_None;
    if (wf_arg_parse(args, nargs, kwnames, mode == WF_COMPILE_EVAL ? &eval_parser : &exec_parser, &source, &globals,
                     &locals) < 0)
        return NULL;
    WfObject *own_locals = NULL;
    if (globals == wf_None) {
        globals = wf_eval_globals_borrow();
        if (!globals) return wf_err_format(&wf_exc_SystemError, "%s(): no current frame", name);
        if (locals == wf_None) {
            own_locals = wf_eval_locals();
            if (!own_locals) return NULL;
            locals = own_locals;
        }
    } else if (!wf_dict_check(globals)) {
        return wf_err_format(&wf_exc_TypeError, "%s() globals must be a dict, not %T", name, globals);
    }
    if (locals == wf_None) locals = globals;
    if (!wf_dict_get_item_borrow(globals, WF_ID(__builtins__))) {
        if (wf_dict_set_item(globals, WF_ID(__builtins__), wf_runtime.builtins) < 0) goto error;
    }
    WfCodeObject *co = source_to_code(source, "<string>", mode, name);
    if (!co) goto error;
    WfObject *r = wf_eval_code(co, globals, locals);
    wf_decref((WfObject *)co);
    wf_xdecref(own_locals);
    if (r && mode == WF_COMPILE_EXEC) {
        wf_decref(r);
        return wf_None;
    }
    return r;
error:
    wf_xdecref(own_locals);
    return NULL;
}

static WfObject *builtin_eval(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw) {
    return eval_exec(args, nargs, kw, WF_COMPILE_EVAL, "eval");
}
static WfObject *builtin_exec(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw) {
    return eval_exec(args, nargs, kw, WF_COMPILE_EXEC, "exec");
}

static WfObject *builtin_compile(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const WfArgParser parser = {
        "compile", "OOO|OOO", {"source", "filename", "mode", "flags", "dont_inherit", "optimize", NULL}};
    WfObject *source, *filename, *mode, *flags = NULL, *dont_inherit = NULL, *optimize = NULL;
    if (wf_arg_parse(args, nargs, kwnames, &parser, &source, &filename, &mode, &flags, &dont_inherit, &optimize) < 0)
        return NULL;
    if (!wf_str_check(mode)) return wf_err_format(&wf_exc_TypeError, "compile() mode must be str");
    int m;
    if (wf_str_equal_cstr(mode, "exec")) m = WF_COMPILE_EXEC;
    else if (wf_str_equal_cstr(mode, "eval")) m = WF_COMPILE_EVAL;
    else if (wf_str_equal_cstr(mode, "single")) m = WF_COMPILE_SINGLE;
    else return wf_err_format(&wf_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    WfObject *fs = wf_object_str(filename);
    if (!fs) return NULL;
    const char *fn = wf_str_as_utf8_borrow(fs);
    WfCodeObject *co = fn ? source_to_code(source, fn, m, "compile") : NULL;
    wf_decref(fs);
    return (WfObject *)co;
}

static WfObject *builtin_exit(WfObject *self, WfObject *const *args, size_t nargs) {
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "exit expected at most 1 argument, got %zu", nargs);
    WfObject *exc = wf_exception_new(&wf_exc_SystemExit, args, nargs);
    if (exc) wf_err_set_exc_take(exc);
    return NULL;
}

static const WfMethodDef builtin_methods[] = {
    WF_METHOD("__build_class__", wf_type_build_class, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper function used by the class statement."),
    WF_METHOD("__import__", wf_import_import, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module\n\nImport a module."),
    WF_METHOD("abs", builtin_abs, WF_METH_O, "abs($module, x, /)\n--\n\nReturn the absolute value of the argument."),
    WF_METHOD("all", builtin_all, WF_METH_O, "all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable."),
    WF_METHOD("any", builtin_any, WF_METH_O, "any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable."),
    WF_METHOD("ascii", builtin_ascii, WF_METH_O, "ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object."),
    WF_METHOD("bin", builtin_bin, WF_METH_O, "bin($module, number, /)\n--\n\nReturn the binary representation of an integer."),
    WF_METHOD("callable", builtin_callable, WF_METH_O, "callable($module, obj, /)\n--\n\nReturn whether the object is callable (i.e., some kind of function)."),
    WF_METHOD("chr", builtin_chr, WF_METH_O, "chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    WF_METHOD("compile", builtin_compile, WF_METH_FASTCALL | WF_METH_KEYWORDS, "compile($module, /, source, filename, mode, flags=0,\n        dont_inherit=False, optimize=-1)\n--\n\nCompile source into a code object that can be executed by exec() or eval()."),
    WF_METHOD("delattr", builtin_delattr, WF_METH_FASTCALL, "delattr($module, obj, name, /)\n--\n\nDeletes the named attribute from the given object."),
    WF_METHOD("dir", builtin_dir, WF_METH_FASTCALL, "dir([object]) -> list of strings"),
    WF_METHOD("divmod", builtin_divmod, WF_METH_FASTCALL, "divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y)."),
    WF_METHOD("eval", builtin_eval, WF_METH_FASTCALL | WF_METH_KEYWORDS, "eval($module, source, /, globals=None, locals=None)\n--\n\nEvaluate the given source in the context of globals and locals."),
    WF_METHOD("exec", builtin_exec, WF_METH_FASTCALL | WF_METH_KEYWORDS, "exec($module, source, /, globals=None, locals=None)\n--\n\nExecute the given source in the context of globals and locals."),
    WF_METHOD("exit", builtin_exit, WF_METH_FASTCALL, "exit(code=None)\n\nExit the interpreter by raising SystemExit(code)."),
    WF_METHOD("format", builtin_format, WF_METH_FASTCALL, "format($module, value, format_spec='', /)\n--\n\nReturn type(value).__format__(value, format_spec)"),
    WF_METHOD("getattr", builtin_getattr, WF_METH_FASTCALL, "getattr(object, name[, default]) -> value"),
    WF_METHOD("globals", builtin_globals, WF_METH_NOARGS, "globals($module, /)\n--\n\nReturn the dictionary containing the current scope's global variables."),
    WF_METHOD("hasattr", builtin_hasattr, WF_METH_FASTCALL, "hasattr($module, obj, name, /)\n--\n\nReturn whether the object has an attribute with the given name."),
    WF_METHOD("hash", builtin_hash, WF_METH_O, "hash($module, obj, /)\n--\n\nReturn the hash value for the given object."),
    WF_METHOD("hex", builtin_hex, WF_METH_O, "hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer."),
    WF_METHOD("id", builtin_id, WF_METH_O, "id($module, obj, /)\n--\n\nReturn the identity of an object."),
    WF_METHOD("input", builtin_input, WF_METH_FASTCALL, "input($module, prompt='', /)\n--\n\nRead a string from standard input.  The trailing newline is stripped."),
    WF_METHOD("isinstance", builtin_isinstance, WF_METH_FASTCALL, "isinstance($module, obj, class_or_tuple, /)\n--\n\nReturn whether an object is an instance of a class or of a subclass thereof."),
    WF_METHOD("issubclass", builtin_issubclass, WF_METH_FASTCALL, "issubclass($module, cls, class_or_tuple, /)\n--\n\nReturn whether 'cls' is derived from another class or is the same class."),
    WF_METHOD("iter", builtin_iter, WF_METH_FASTCALL, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator"),
    WF_METHOD("len", builtin_len, WF_METH_O, "len($module, obj, /)\n--\n\nReturn the number of items in a container."),
    WF_METHOD("locals", builtin_locals, WF_METH_NOARGS, "locals($module, /)\n--\n\nReturn a dictionary containing the current scope's local variables."),
    WF_METHOD("max", builtin_max, WF_METH_FASTCALL | WF_METH_KEYWORDS, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value"),
    WF_METHOD("min", builtin_min, WF_METH_FASTCALL | WF_METH_KEYWORDS, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value"),
    WF_METHOD("next", builtin_next, WF_METH_FASTCALL, "next(iterator[, default])\n\nReturn the next item from the iterator."),
    WF_METHOD("oct", builtin_oct, WF_METH_O, "oct($module, number, /)\n--\n\nReturn the octal representation of an integer."),
    WF_METHOD("open", wf_io_open, WF_METH_FASTCALL | WF_METH_KEYWORDS, "open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)\n--\n\nOpen file and return a stream."),
    WF_METHOD("ord", builtin_ord, WF_METH_O, "ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string."),
    WF_METHOD("pow", builtin_pow, WF_METH_FASTCALL | WF_METH_KEYWORDS, "pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"),
    WF_METHOD("print", builtin_print, WF_METH_FASTCALL | WF_METH_KEYWORDS, "print(*args, sep=' ', end='\\n', file=None, flush=False)\n--\n\nPrints the values to a stream, or to sys.stdout by default."),
    WF_METHOD("quit", builtin_exit, WF_METH_FASTCALL, "quit(code=None)\n\nExit the interpreter by raising SystemExit(code)."),
    WF_METHOD("repr", builtin_repr, WF_METH_O, "repr($module, obj, /)\n--\n\nReturn the canonical string representation of the object."),
    WF_METHOD("round", builtin_round, WF_METH_FASTCALL | WF_METH_KEYWORDS, "round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits."),
    WF_METHOD("setattr", builtin_setattr, WF_METH_FASTCALL, "setattr($module, obj, name, value, /)\n--\n\nSets the named attribute on the given object to the specified value."),
    WF_METHOD("sorted", builtin_sorted, WF_METH_FASTCALL | WF_METH_KEYWORDS, "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\nReturn a new list containing all items from the iterable in ascending order."),
    WF_METHOD("sum", builtin_sum, WF_METH_FASTCALL | WF_METH_KEYWORDS, "sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers"),
    WF_METHOD("vars", builtin_vars, WF_METH_FASTCALL, "vars([object]) -> dictionary"),
    WF_METHOD_END,
};

WfObject *wf_builtins_module_new(void) {
    WfObject *m = wf_module_new_cstr("builtins");
    if (!m) return NULL;
    wf_module_set_builtin(m);
    WfObject *d = wf_module_dict_borrow(m);
    if (wf_function_add_methods(d, builtin_methods, m, NULL) < 0) goto error;
    struct { const char *name; WfObject *value; } objs[] = {
        {"None", wf_None}, {"Ellipsis", wf_Ellipsis}, {"NotImplemented", wf_NotImplemented},
        {"False", wf_False}, {"True", wf_True}, {"__debug__", wf_True},
        {"bool", (WfObject *)&wf_bool_type}, {"bytearray", (WfObject *)&wf_bytearray_type},
        {"bytes", (WfObject *)&wf_bytes_type}, {"classmethod", (WfObject *)&wf_classmethod_type},
        {"complex", (WfObject *)&wf_complex_type},
        {"dict", (WfObject *)&wf_dict_type}, {"enumerate", (WfObject *)&wf_enumerate_type},
        {"filter", (WfObject *)&wf_filter_type}, {"float", (WfObject *)&wf_float_type},
        {"frozenset", (WfObject *)&wf_frozenset_type}, {"property", (WfObject *)&wf_property_type},
        {"int", (WfObject *)&wf_int_type}, {"list", (WfObject *)&wf_list_type}, {"map", (WfObject *)&wf_map_type},
        {"object", (WfObject *)&wf_object_type}, {"range", (WfObject *)&wf_range_type},
        {"reversed", (WfObject *)&wf_reversed_type}, {"set", (WfObject *)&wf_set_type},
        {"slice", (WfObject *)&wf_slice_type}, {"staticmethod", (WfObject *)&wf_staticmethod_type},
        {"str", (WfObject *)&wf_str_type}, {"super", (WfObject *)&wf_super_type},
        {"tuple", (WfObject *)&wf_tuple_type}, {"type", (WfObject *)&wf_type_type},
        {"zip", (WfObject *)&wf_zip_type},
    };
    for (size_t i = 0; i < sizeof objs / sizeof objs[0]; i++)
        if (wf_dict_set_item_cstr(d, objs[i].name, objs[i].value) < 0) goto error;
    if (wf_exceptions_add_to_dict(d) < 0) goto error;
    wf_object_set_immortal(m);
    wf_object_set_immortal(d);
    return m;
error:
    wf_decref(m);
    return NULL;
}
