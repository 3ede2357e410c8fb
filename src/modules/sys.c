// sys.c — the sys module. Invariant: the module dict is the single source of
// truth for sys attributes that Python code may replace (stdout, path,
// modules, ...); C code reads them from there, never from cached copies.
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/float.h"
#include "objects/function.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/structseq.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "runtime/threads.h"
#include "runtime/version.h"
#include "vm/eval.h"
#include "vm/frameobject.h"

static WfObject *sys_exit(WfObject *self, WfObject *const *args, size_t nargs) {
    if (nargs > 1) return wf_err_format(&wf_exc_TypeError, "exit expected at most 1 argument, got %zu", nargs);
    wf_err_set_object(&wf_exc_SystemExit, nargs ? args[0] : NULL);
    if (nargs && args[0] != NULL && wf_tuple_check(args[0])) {
        // SystemExit((1, 2)) — set_object would unpack the tuple; keep it whole.
        wf_err_clear();
        WfObject *exc = wf_exception_new(&wf_exc_SystemExit, args, 1);
        if (exc) wf_err_set_exc_take(exc);
    }
    return NULL;
}

static WfObject *sys_getrecursionlimit(WfObject *self, WfObject *unused) {
    return wf_smallint_new(wf_runtime.recursion_limit);
}

static WfObject *sys_setrecursionlimit(WfObject *self, WfObject *arg) {
    if (!wf_int_check(arg)) return wf_err_format(&wf_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
    long long n = wf_int_as_long_long(arg);
    if (n == -1 && wf_err_occurred()) return NULL;
    if (n < 1) return wf_err_format(&wf_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (n > INT_MAX) return wf_err_format(&wf_exc_OverflowError, "Python int too large to convert to C int");
    WfThreadState *ts = wf_tstate();
    int depth = wf_runtime.recursion_limit - ts->recursion_remaining;
    if (depth >= n)
        return wf_err_format(&wf_exc_RecursionError,
                             "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                             (int)n, depth);
    wf_runtime.recursion_limit = (int)n;
    ts->recursion_remaining = (int)n - depth;
    return wf_None;
}

static WfObject *sys_is_gil_enabled(WfObject *self, WfObject *unused) { return wf_bool_from(wf_gil_is_enabled()); }

static WfObject *sys_getswitchinterval(WfObject *self, WfObject *unused) {
    return wf_float_new(wf_gil_get_switch_interval());
}

static WfObject *sys_setswitchinterval(WfObject *self, WfObject *arg) {
    double d = wf_float_as_double(arg);
    if (d == -1.0 && wf_err_occurred()) return NULL;
    if (d <= 0.0) return wf_err_format(&wf_exc_ValueError, "switch interval must be strictly positive");
    wf_gil_set_switch_interval(d);
    return wf_None;
}

static WfObject *sys_intern(WfObject *self, WfObject *arg) {
    if (!wf_str_check_exact(arg))
        return wf_err_format(&wf_exc_TypeError, "intern() argument must be str, not %T", arg);
    return wf_str_intern_take(wf_newref(arg));
}

static WfObject *sys_getrefcount(WfObject *self, WfObject *arg) {
    return wf_int_from_ssize(wf_refcount_get(arg) + 1);
}

static WfObject *sys_exc_info(WfObject *self, WfObject *unused) {
    WfObject *e = wf_eval_get_handled_exception();
    if (!e || e == wf_None) return wf_tuple_pack(3, wf_None, wf_None, wf_None);
    WfObject *tb = wf_exception_get_traceback(e);
    return wf_tuple_pack(3, (WfObject *)wf_type_of(e), e, tb ? tb : wf_None);
}

static WfObject *sys_exception(WfObject *self, WfObject *unused) {
    WfObject *e = wf_eval_get_handled_exception();
    return wf_newref(e ? e : wf_None);
}

static WfObject *sys_getdefaultencoding(WfObject *self, WfObject *unused) { return wf_str_from_cstr("utf-8"); }

static WfObject *sys_excepthook(WfObject *self, WfObject *const *args, size_t nargs) {
    if (nargs != 3) return wf_err_format(&wf_exc_TypeError, "excepthook expected 3 arguments, got %zu", nargs);
    if (wf_traceback_print_exception(args[1], NULL) < 0) return NULL;
    return wf_None;
}

// displayhook(value): print repr(value) to sys.stdout and keep it in builtins._
static WfObject *sys_displayhook(WfObject *self, WfObject *value) {
    if (value == wf_None) return wf_None;
    WfObject *bd = wf_runtime.builtins_dict;
    if (wf_dict_set_item_cstr(bd, "_", wf_None) < 0) return NULL;
    WfObject *out = wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "stdout");
    if (!out || out == wf_None) return wf_err_format(&wf_exc_RuntimeError, "lost sys.stdout");
    WfObject *r = wf_object_repr(value);
    if (!r) return NULL;
    WfObject *line = wf_str_from_format("%U\n", r);
    wf_decref(r);
    if (!line) return NULL;
    WfObject *w = wf_object_call_method_cstr(out, "write", &line, 1);
    wf_decref(line);
    if (!w) return NULL;
    wf_decref(w);
    if (wf_dict_set_item_cstr(bd, "_", value) < 0) return NULL;
    return wf_None;
}


// _getframe(depth=0, /): the caller's frame, or the one `depth` calls below
// it (a negative depth counts as 0, as CPython's loop does).
static WfObject *sys_getframe(WfObject *self, WfObject *const *args, size_t nargs) {
    if (wf_arg_check_positional("_getframe", nargs, 0, 1) < 0) return NULL;
    int depth = 0;
    if (nargs && wf_arg_as_c_int(args[0], &depth) < 0) return NULL;
    return wf_frameobject_get_current(depth);
}

// CPython's _PY_LONG_MAX_STR_DIGITS_THRESHOLD and the default limit.
#define INT_MAX_STR_DIGITS_THRESHOLD 640
#define INT_DEFAULT_MAX_STR_DIGITS 4300

static WfObject *sys_get_int_max_str_digits(WfObject *self, WfObject *unused) {
    return wf_smallint_new(wf_int_get_max_str_digits());
}

static WfObject *sys_set_int_max_str_digits(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    // Argument Clinic's checks, in its order: too many, missing, unknown keyword.
    wf_ssize nkw = kwnames ? wf_tuple_size(kwnames) : 0;
    if ((wf_ssize)nargs + nkw > 1)
        return wf_err_format(&wf_exc_TypeError, "set_int_max_str_digits() takes at most 1 argument (%zd given)",
                             (wf_ssize)nargs + nkw);
    WfObject *arg = nargs ? args[0] : NULL;
    if (nkw && wf_str_equal_cstr(wf_tuple_get_borrow(kwnames, 0), "maxdigits")) arg = args[nargs];
    if (!arg)
        return wf_err_format(&wf_exc_TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
    if (nkw && arg != args[nargs])
        return wf_err_format(&wf_exc_TypeError, "'%U' is an invalid keyword argument for set_int_max_str_digits()",
                             wf_tuple_get_borrow(kwnames, 0));
    int n;
    if (wf_arg_as_c_int(arg, &n) < 0) return NULL;
    if (n != 0 && n < INT_MAX_STR_DIGITS_THRESHOLD)
        return wf_err_format(&wf_exc_ValueError, "maxdigits must be 0 or larger than %d", INT_MAX_STR_DIGITS_THRESHOLD);
    wf_int_set_max_str_digits(n);
    return wf_None;
}

static WfObject *sys_is_finalizing(WfObject *self, WfObject *unused) { return wf_bool_from(wf_runtime.finalizing); }

static const WfMethodDef sys_methods[] = {
    WF_METHOD("exit", sys_exit, WF_METH_FASTCALL,
              "exit($module, status=None, /)\n--\n\nExit the interpreter by raising SystemExit(status)."),
    WF_METHOD("getrecursionlimit", sys_getrecursionlimit, WF_METH_NOARGS,
              "getrecursionlimit($module, /)\n--\n\nReturn the current value of the recursion limit."),
    WF_METHOD("setrecursionlimit", sys_setrecursionlimit, WF_METH_O,
              "setrecursionlimit($module, limit, /)\n--\n\nSet the maximum depth of the Python interpreter stack to n."),
    WF_METHOD("_is_gil_enabled", sys_is_gil_enabled, WF_METH_NOARGS,
              "_is_gil_enabled($module, /)\n--\n\nReturn True if the GIL is currently enabled and False otherwise."),
    WF_METHOD("getswitchinterval", sys_getswitchinterval, WF_METH_NOARGS,
              "getswitchinterval($module, /)\n--\n\nReturn the current thread switch interval; see sys.setswitchinterval()."),
    WF_METHOD("setswitchinterval", sys_setswitchinterval, WF_METH_O,
              "setswitchinterval($module, interval, /)\n--\n\nSet the ideal thread switching delay inside the Python interpreter."),
    WF_METHOD("intern", sys_intern, WF_METH_O,
              "intern($module, string, /)\n--\n\n``Intern'' the given string."),
    WF_METHOD("getrefcount", sys_getrefcount, WF_METH_O,
              "getrefcount($module, object, /)\n--\n\nReturn the reference count of object."),
    WF_METHOD("exc_info", sys_exc_info, WF_METH_NOARGS,
              "exc_info($module, /)\n--\n\nReturn current exception information: (type, value, traceback)."),
    WF_METHOD("exception", sys_exception, WF_METH_NOARGS,
              "exception($module, /)\n--\n\nReturn the current exception."),
    WF_METHOD("getdefaultencoding", sys_getdefaultencoding, WF_METH_NOARGS,
              "getdefaultencoding($module, /)\n--\n\nReturn the current default encoding used by the Unicode implementation."),
    WF_METHOD("getfilesystemencoding", sys_getdefaultencoding, WF_METH_NOARGS,
              "getfilesystemencoding($module, /)\n--\n\nReturn the encoding used to convert Unicode filenames to OS filenames."),
    WF_METHOD("excepthook", sys_excepthook, WF_METH_FASTCALL,
              "excepthook($module, exctype, value, traceback, /)\n--\n\nHandle an exception by displaying it with a traceback on sys.stderr."),
    WF_METHOD("displayhook", sys_displayhook, WF_METH_O,
              "displayhook($module, object, /)\n--\n\nPrint an object to sys.stdout and also save it in builtins._"),
    WF_METHOD("is_finalizing", sys_is_finalizing, WF_METH_NOARGS,
              "is_finalizing($module, /)\n--\n\nReturn True if Python is exiting."),
    WF_METHOD("_getframe", sys_getframe, WF_METH_FASTCALL,
              "_getframe($module, depth=0, /)\n--\n\n"
              "Return a frame object from the call stack.\n\n"
              "If optional integer depth is given, return the frame object that many\n"
              "calls below the top of the stack.  If that is deeper than the call\n"
              "stack, ValueError is raised.  The default for depth is zero, returning\n"
              "the frame at the top of the call stack.\n\n"
              "This function should be used for internal and specialized purposes\n"
              "only."),
    WF_METHOD("get_int_max_str_digits", sys_get_int_max_str_digits, WF_METH_NOARGS,
              "get_int_max_str_digits($module, /)\n--\n\n"
              "Return the maximum string digits limit for non-binary int<->str conversions."),
    WF_METHOD("set_int_max_str_digits", sys_set_int_max_str_digits, WF_METH_FASTCALL | WF_METH_KEYWORDS,
              "set_int_max_str_digits($module, /, maxdigits)\n--\n\n"
              "Set the maximum string digits limit for non-binary int<->str conversions."),
    WF_METHOD_END,
};

static const char *const version_info_fields[] = {"major", "minor", "micro", "releaselevel", "serial", NULL};
static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits", "gil", "thread_inherit_context",
    "context_aware_warnings", NULL};
static const char *const implementation_fields[] = {"name", "cache_tag", "version", "hexversion", NULL};
static const char *const int_info_fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                              "str_digits_check_threshold", NULL};
static const char *const float_info_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
                                                "dig", "mant_dig", "epsilon", "radix", "rounds", NULL};

// sys.flags.int_max_str_digits: -X int_max_str_digits / PYTHONINTMAXSTRDIGITS
// or -1. Set once by start-up (lifecycle.c) before sys exists, then only read.
static int flag_int_max_str_digits = -1;

void wf_sys_set_flag_int_max_str_digits(int n) { flag_int_max_str_digits = n; }

static int add(WfObject *d, const char *name, WfObject *v) {
    if (!v) return -1;
    int r = wf_dict_set_item_cstr(d, name, v);
    wf_decref(v);
    return r;
}

static WfObject *make_version_info(void) {
    static WfTypeObject *type;
    if (!type && !(type = wf_structseq_new_type("sys.version_info", version_info_fields))) return NULL;
    WfObject *v[5] = {wf_smallint_new(WF_PY_MAJOR), wf_smallint_new(WF_PY_MINOR), wf_smallint_new(WF_PY_MICRO),
                      wf_str_from_cstr("final"), wf_smallint_new(0)};
    if (!v[3]) return NULL;
    return wf_structseq_new(type, v);
}

static WfObject *make_flags(void) {
    WfTypeObject *type = wf_structseq_new_type("sys.flags", flags_fields);
    if (!type) return NULL;
    WfRuntime *r = &wf_runtime;
    WfObject *v[21] = {
        wf_smallint_new(0), wf_smallint_new(r->flag_inspect), wf_smallint_new(r->flag_interactive),
        wf_smallint_new(r->flag_optimize), wf_smallint_new(r->flag_dont_write_bytecode),
        wf_smallint_new(r->flag_no_user_site), wf_smallint_new(0), wf_smallint_new(r->flag_ignore_environment),
        wf_smallint_new(r->flag_verbose), wf_smallint_new(0), wf_smallint_new(r->flag_quiet),
        wf_smallint_new(r->hash_randomization), wf_smallint_new(r->flag_isolated), wf_False,
        wf_smallint_new(r->flag_utf8_mode), wf_smallint_new(0), wf_bool_from(r->flag_safe_path),
        wf_smallint_new(flag_int_max_str_digits), r->gil_flag < 0 ? wf_None : wf_smallint_new(r->gil_flag),
        // Free-threaded builds default thread_inherit_context to true (3.14).
        wf_smallint_new(1), wf_smallint_new(1)};
    return wf_structseq_new(type, v);
}

// sys.int_info as CPython's (30-bit digits): weft's big ints are GMP's, but
// the limits on int<->str conversion are CPython's.
static WfObject *make_int_info(void) {
    WfTypeObject *type = wf_structseq_new_type("sys.int_info", int_info_fields);
    if (!type) return NULL;
    WfObject *v[4] = {wf_smallint_new(30), wf_smallint_new(4), wf_smallint_new(INT_DEFAULT_MAX_STR_DIGITS),
                      wf_smallint_new(INT_MAX_STR_DIGITS_THRESHOLD)};
    return wf_structseq_new(type, v);
}

static WfObject *make_float_info(void) {
    WfTypeObject *type = wf_structseq_new_type("sys.float_info", float_info_fields);
    if (!type) return NULL;
    WfObject *v[11] = {wf_float_new(DBL_MAX), wf_smallint_new(DBL_MAX_EXP), wf_smallint_new(DBL_MAX_10_EXP),
                       wf_float_new(DBL_MIN), wf_smallint_new(DBL_MIN_EXP), wf_smallint_new(DBL_MIN_10_EXP),
                       wf_smallint_new(DBL_DIG), wf_smallint_new(DBL_MANT_DIG), wf_float_new(DBL_EPSILON),
                       wf_smallint_new(FLT_RADIX), wf_smallint_new(FLT_ROUNDS)};
    for (int i = 0; i < 11; i++) {
        if (!v[i]) {
            for (int j = 0; j < 11; j++) wf_xdecref(v[j]);
            return NULL;
        }
    }
    return wf_structseq_new(type, v);
}

static WfObject *make_path(int argc, char **argv) {
    WfObject *path = wf_list_new(0);
    if (!path) return NULL;
    // sys.path[0]: the script's directory, or '' for -c / stdin / interactive.
    const char *a0 = argc > 0 ? argv[0] : "";
    WfObject *first;
    if (!wf_runtime.flag_safe_path) {
        if (a0[0] && strcmp(a0, "-c") != 0 && strcmp(a0, "-") != 0) {
            char buf[PATH_MAX];
            char *real = realpath(a0, buf);
            const char *p = real ? real : a0;
            const char *slash = strrchr(p, '/');
            first = slash ? wf_str_from_utf8(p, slash == p ? 1 : slash - p) : wf_str_from_cstr("");
        } else {
            first = wf_str_from_cstr("");
        }
        if (!first || wf_list_append_take(path, first) < 0) goto error;
    }
    const char *pp = wf_runtime.flag_ignore_environment ? NULL : getenv("PYTHONPATH");
    while (pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t n = colon ? (size_t)(colon - pp) : strlen(pp);
        if (n) {
            WfObject *e = wf_str_from_utf8(pp, (wf_ssize)n);
            if (!e || wf_list_append_take(path, e) < 0) goto error;
        }
        pp = colon ? colon + 1 : NULL;
    }
    return path;
error:
    wf_decref(path);
    return NULL;
}

WfObject *wf_sys_module_new(int argc, char **argv) {
    WfObject *m = wf_module_new_cstr("sys");
    if (!m) return NULL;
    wf_module_set_builtin(m);
    WfObject *d = wf_module_dict_borrow(m);
    if (wf_function_add_methods(d, sys_methods, m, NULL) < 0) goto error;
    WfObject *av = wf_list_new(0);
    if (!av) goto error;
    for (int i = 0; i < argc; i++) {
        WfObject *s = wf_str_from_utf8_surrogateescape(argv[i], (wf_ssize)strlen(argv[i]));
        if (!s || wf_list_append_take(av, s) < 0) {
            wf_decref(av);
            goto error;
        }
    }
    if (add(d, "argv", av) < 0) goto error;
    if (add(d, "orig_argv", wf_list_new(0)) < 0) goto error;
    if (add(d, "path", make_path(argc, argv)) < 0) goto error;
    if (wf_dict_set_item_cstr(d, "modules", wf_runtime.modules) < 0) goto error;
    if (add(d, "version", wf_str_from_cstr(WF_SYS_VERSION)) < 0) goto error;
    if (add(d, "version_info", make_version_info()) < 0) goto error;
    if (add(d, "hexversion", wf_int_from_ssize(WF_PY_HEXVERSION)) < 0) goto error;
    if (add(d, "api_version", wf_smallint_new(1013)) < 0) goto error;
    if (add(d, "flags", make_flags()) < 0) goto error;
    if (add(d, "int_info", make_int_info()) < 0) goto error;
    if (add(d, "float_info", make_float_info()) < 0) goto error;
    if (add(d, "platform", wf_str_from_cstr("linux")) < 0) goto error;
    if (add(d, "byteorder", wf_str_from_cstr("little")) < 0) goto error;
    if (add(d, "maxsize", wf_int_from_ssize(INTPTR_MAX)) < 0) goto error;
    if (add(d, "maxunicode", wf_smallint_new(0x10ffff)) < 0) goto error;
    if (add(d, "abiflags", wf_str_from_cstr("t")) < 0) goto error;
    if (add(d, "float_repr_style", wf_str_from_cstr("short")) < 0) goto error;
    if (add(d, "copyright", wf_str_from_cstr("weft: a free-threaded Python 3 interpreter.")) < 0) goto error;
    {
        char buf[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (n < 0) n = 0;
        buf[n] = 0;
        if (add(d, "executable", wf_str_from_cstr(buf)) < 0) goto error;
        if (add(d, "_base_executable", wf_str_from_cstr(buf)) < 0) goto error;
    }
    static const char *const prefixes[] = {"prefix", "base_prefix", "exec_prefix", "base_exec_prefix", NULL};
    for (int i = 0; prefixes[i]; i++)
        if (add(d, prefixes[i], wf_str_from_cstr("/usr/local")) < 0) goto error;
    if (add(d, "warnoptions", wf_list_new(0)) < 0) goto error;
    if (add(d, "_xoptions", wf_dict_new()) < 0) goto error;
    if (add(d, "meta_path", wf_list_new(0)) < 0) goto error;
    if (add(d, "path_hooks", wf_list_new(0)) < 0) goto error;
    if (add(d, "path_importer_cache", wf_dict_new()) < 0) goto error;
    if (wf_dict_set_item_cstr(d, "dont_write_bytecode", wf_True) < 0) goto error;
    if (wf_dict_set_item_cstr(d, "pycache_prefix", wf_None) < 0) goto error;
    {
        extern const char *const wf_builtin_module_names[];
        WfObject *names = wf_list_new(0);
        if (!names) goto error;
        for (int i = 0; wf_builtin_module_names[i]; i++) {
            WfObject *s = wf_str_from_cstr(wf_builtin_module_names[i]);
            if (!s || wf_list_append_take(names, s) < 0) {
                wf_decref(names);
                goto error;
            }
        }
        WfObject *t = wf_tuple_from_iterable(names);
        wf_decref(names);
        if (add(d, "builtin_module_names", t) < 0) goto error;
    }
    {
        WfTypeObject *it = wf_structseq_new_type("sys.implementation", implementation_fields);
        if (!it) goto error;
        WfObject *v[4] = {wf_str_from_cstr("weft"), wf_str_from_cstr("weft-314"), make_version_info(),
                          wf_int_from_ssize(WF_PY_HEXVERSION)};
        if (!v[0] || !v[1] || !v[2]) goto error;
        if (add(d, "implementation", wf_structseq_new(it, v)) < 0) goto error;
    }
    WfObject *hook = wf_dict_get_item_cstr_borrow(d, "excepthook");
    if (hook && wf_dict_set_item_cstr(d, "__excepthook__", hook) < 0) goto error;
    hook = wf_dict_get_item_cstr_borrow(d, "displayhook");
    if (hook && wf_dict_set_item_cstr(d, "__displayhook__", hook) < 0) goto error;
    return m;
error:
    wf_decref(m);
    return NULL;
}
