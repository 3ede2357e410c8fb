// error.c — the pending-exception API (see error.h). Invariant: the pending
// exception lives in the current thread's state and is either NULL or a
// normalized exception instance owned by that state.
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "objects/dict.h"
#include "objects/identifiers.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"

// Preallocated so that running out of memory can always be reported.
static WfBaseExceptionObject memory_error_instance;
static int memory_error_ready;

void wf_err_restore(WfObject *exc) {
    WfThreadState *ts = wf_tstate();
    WfObject *old = ts->current_exc;
    ts->current_exc = exc;
    wf_xdecref(old);
}

void wf_err_set_exc(WfObject *exc) { wf_err_restore(wf_newref(exc)); }
void wf_err_set_exc_take(WfObject *exc) { wf_err_restore(exc); }

void wf_err_set_object(WfTypeObject *type, WfObject *value) {
    WfObject *exc;
    // As CPython's PyErr_SetObject: None means "no arguments", a tuple is the
    // argument list, anything else is the single argument.
    if (value == NULL || value == wf_None) {
        exc = wf_exception_new(type, NULL, 0);
    } else if (wf_exception_check(value) && wf_type_check(value, type)) {
        exc = wf_newref(value);
    } else if (wf_tuple_check(value)) {
        exc = wf_exception_new(type, wf_tuple_items(value), (size_t)wf_tuple_size(value));
    } else {
        exc = wf_exception_new(type, &value, 1);
    }
    if (exc == NULL) return;  // creating the exception failed: that error is pending
    wf_err_restore(exc);
}

void wf_err_set_none(WfTypeObject *type) { wf_err_set_object(type, NULL); }

void wf_err_set_string(WfTypeObject *type, const char *msg) {
    WfObject *s = wf_str_from_cstr(msg);
    if (!s) return;
    wf_err_set_object(type, s);
    wf_decref(s);
}

WfObject *wf_err_format(WfTypeObject *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    WfObject *s = wf_str_from_format_v(fmt, ap);
    va_end(ap);
    if (!s) return NULL;
    wf_err_set_object(type, s);
    wf_decref(s);
    return NULL;
}

WfObject *wf_err_no_memory(void) {
    if (!memory_error_ready) {
        memory_error_instance.ob_base = (WfObject)WF_STATIC_HEAD(&wf_exc_MemoryError);
        memory_error_instance.args = wf_tuple_empty();
        memory_error_ready = 1;
    }
    // The instance is immortal and shared; its traceback is not recorded
    // (CPython also reuses MemoryError instances).
    wf_err_restore((WfObject *)&memory_error_instance);
    return NULL;
}

WfObject *wf_err_bad_internal_call(const char *where) {
    return wf_err_format(&wf_exc_SystemError, "%s: bad argument to internal function", where ? where : "?");
}

static WfTypeObject *errno_type(int e, WfTypeObject *dflt) {
    switch (e) {
    case ENOENT: return &wf_exc_FileNotFoundError;
    case EEXIST: return &wf_exc_FileExistsError;
    case EISDIR: return &wf_exc_IsADirectoryError;
    case ENOTDIR: return &wf_exc_NotADirectoryError;
    case EACCES: case EPERM: return &wf_exc_PermissionError;
    case EINTR: return &wf_exc_InterruptedError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return &wf_exc_BlockingIOError;
    case ECHILD: return &wf_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return &wf_exc_BrokenPipeError;
    case ECONNABORTED: return &wf_exc_ConnectionAbortedError;
    case ECONNREFUSED: return &wf_exc_ConnectionRefusedError;
    case ECONNRESET: return &wf_exc_ConnectionResetError;
    case ESRCH: return &wf_exc_ProcessLookupError;
    case ETIMEDOUT: return &wf_exc_TimeoutError;
    default: return dflt;
    }
}

WfObject *wf_err_set_from_errno_filename(WfTypeObject *type, WfObject *filename) {
    int e = errno;
    if (e == ENOMEM) return wf_err_no_memory();
    WfTypeObject *t = type == &wf_exc_OSError ? errno_type(e, type) : type;
    WfObject *args[3];
    args[0] = wf_smallint_new(e);
    args[1] = wf_str_from_cstr(strerror(e));
    if (!args[1]) return NULL;
    args[2] = filename;
    WfObject *exc = wf_exception_new(t, args, filename ? 3 : 2);
    wf_decref(args[1]);
    if (exc) wf_err_restore(exc);
    return NULL;
}

WfObject *wf_err_set_from_errno(WfTypeObject *type) { return wf_err_set_from_errno_filename(type, NULL); }

bool wf_err_occurred(void) { return wf_tstate()->current_exc != NULL; }
WfObject *wf_err_occurred_borrow(void) { return wf_tstate()->current_exc; }

bool wf_err_given_matches(WfObject *exc, WfObject *type_or_tuple) {
    if (!exc || !type_or_tuple) return false;
    if (wf_tuple_check(type_or_tuple)) {
        for (wf_ssize i = 0; i < wf_tuple_size(type_or_tuple); i++)
            if (wf_err_given_matches(exc, wf_tuple_get_borrow(type_or_tuple, i))) return true;
        return false;
    }
    if (wf_exception_check(exc)) {
        if (wf_exception_class_check(type_or_tuple))
            return wf_type_is_subtype(wf_type_of(exc), (WfTypeObject *)type_or_tuple) != 0;
        return false;
    }
    // exc is itself a class
    if (wf_exception_class_check(exc) && wf_exception_class_check(type_or_tuple))
        return wf_type_is_subtype((WfTypeObject *)exc, (WfTypeObject *)type_or_tuple) != 0;
    return exc == type_or_tuple;
}

bool wf_err_matches(WfTypeObject *type) {
    WfObject *exc = wf_tstate()->current_exc;
    return exc && wf_type_is_subtype(wf_type_of(exc), type);
}

WfObject *wf_err_fetch(void) {
    WfThreadState *ts = wf_tstate();
    WfObject *exc = ts->current_exc;
    ts->current_exc = NULL;
    return exc;
}

void wf_err_clear(void) { wf_err_restore(NULL); }

void wf_err_chain_context(WfObject *context) {
    if (!context) return;
    WfObject *exc = wf_tstate()->current_exc;
    if (!exc || exc == context) {
        wf_decref(context);
        return;
    }
    wf_exception_set_context(exc, context);
}

void wf_err_print(void) {
    WfObject *exc = wf_err_fetch();
    if (!exc) return;
    if (wf_traceback_print_exception(exc, NULL) < 0) {
        wf_err_clear();
        fprintf(stderr, "Error in exception printing\n");
    }
    wf_decref(exc);
}

void wf_err_write_unraisable(WfObject *obj) {
    WfObject *exc = wf_err_fetch();
    if (!exc) return;
    fflush(stdout);
    if (obj) {
        WfObject *r = wf_object_repr(obj);
        const char *s = r ? wf_str_as_utf8_borrow(r) : NULL;
        fprintf(stderr, "Exception ignored in: %s\n", s ? s : "<object repr() failed>");
        wf_xdecref(r);
        wf_err_clear();
    }
    if (wf_traceback_print_exception(exc, NULL) < 0) wf_err_clear();
    wf_decref(exc);
}

void wf_err_write_unraisable_msg(const char *msg, WfObject *obj) {
    WfObject *exc = wf_err_fetch();
    if (!exc) return;
    fflush(stdout);
    WfObject *r = obj ? wf_object_repr(obj) : NULL;
    if (obj && !r) wf_err_clear();
    WfObject *line = r ? wf_str_from_format("Exception ignored %s: %U\n", msg, r)
                       : wf_str_from_format("Exception ignored %s\n", msg);
    wf_xdecref(r);
    if (!line) wf_err_clear();
    WfObject *file = wf_runtime.sys_dict ? wf_dict_get_item_borrow(wf_runtime.sys_dict, WF_ID(stderr)) : NULL;
    if (file && file != wf_None && line) {
        wf_incref(file);
        WfObject *w = wf_object_call_method(file, WF_ID(write), &line, 1);
        if (w) wf_decref(w);
        else wf_err_clear();
        if (wf_traceback_print_exception(exc, file) < 0) wf_err_clear();
        WfObject *f = wf_object_call_method(file, WF_ID(flush), NULL, 0);
        if (f) wf_decref(f);
        else wf_err_clear();
        wf_decref(file);
    } else {
        if (line) fputs(wf_str_as_utf8_borrow(line), stderr);
        if (wf_traceback_print_exception(exc, NULL) < 0) wf_err_clear();
    }
    wf_xdecref(line);
    wf_decref(exc);
}

int wf_err_warn_explicit(WfTypeObject *category, const char *msg, WfObject *filename, int lineno) {
    fflush(stdout);
    const char *file = filename && wf_str_check(filename) ? wf_str_as_utf8_borrow(filename) : NULL;
    if (!file) {
        wf_err_clear();
        file = "<unknown>";
    }
    fprintf(stderr, "%s:%d: %s: %s\n", file, lineno, category->tp_name, msg);
    return 0;
}

int wf_err_warn(WfTypeObject *category, const char *msg, int stacklevel) {
    (void)stacklevel;
    fflush(stdout);
    // No warnings filters yet: every warning is shown once per call site is
    // not tracked; show it with the current file/line like the default action.
    int line = wf_eval_current_line();
    WfObject *globals = wf_eval_globals_borrow();
    const char *file = "sys";
    WfObject *fname = NULL;
    if (globals) {
        extern WfObject *wf_dict_get_item_cstr_borrow(WfObject *, const char *);
        fname = wf_dict_get_item_cstr_borrow(globals, "__file__");
        if (fname && wf_str_check(fname)) file = wf_str_as_utf8_borrow(fname);
    }
    wf_err_clear();
    if (line > 0)
        fprintf(stderr, "%s:%d: %s: %s\n", file, line, category->tp_name, msg);
    else
        fprintf(stderr, "%s: %s\n", category->tp_name, msg);
    return 0;
}
