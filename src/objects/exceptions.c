// exceptions.c — the built-in exception types (one X-macro list in
// exceptions.h) and their behaviour: args, str/repr, chaining attributes, and
// the extra fields of SystemExit, StopIteration, ImportError, OSError,
// SyntaxError, NameError, AttributeError and the Unicode errors.
//
// Invariant: `args` is always a tuple; the extra object fields of each
// subtype are described by its tp_members (WF_T_OBJECT), which is also how
// dealloc finds them.
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "objects/arg.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/list.h"
#include "objects/int.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "objects/typeobject.h"
#include "runtime/error.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"

#define BASE(o) ((WfBaseExceptionObject *)(o))

// ---------------------------------------------------------------------------
// BaseException

static WfObject *exc_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfObject *self = wf_type_generic_alloc(type, 0);
    if (!self) return NULL;
    BASE(self)->args = wf_tuple_from_array(args, (wf_ssize)nargs);
    if (!BASE(self)->args) {
        wf_decref(self);
        return NULL;
    }
    return self;
}

static int exc_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames) > 0) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", wf_type_name(wf_type_of(self)));
        return -1;
    }
    WfObject *t = wf_tuple_from_array(args, (wf_ssize)nargs);
    if (!t) return -1;
    WF_SETREF(BASE(self)->args, t);
    return 0;
}

static int clear_members(WfObject *self) {
    for (WfTypeObject *t = wf_type_of(self); t; t = t->tp_base) {
        if (!t->tp_members || (t->tp_flags & WF_TPFLAGS_HEAPTYPE)) continue;
        for (const WfMemberDef *m = t->tp_members; m->name; m++) {
            if (m->type != WF_T_OBJECT && m->type != WF_T_OBJECT_EX) continue;
            if (m->offset < (wf_ssize)sizeof(WfBaseExceptionObject)) continue;
            WfObject **slot = (WfObject **)((char *)self + m->offset);
            WF_CLEAR(*slot);
        }
    }
    WfBaseExceptionObject *e = BASE(self);
    WF_CLEAR(e->dict);
    WF_CLEAR(e->args);
    WF_CLEAR(e->notes);
    WF_CLEAR(e->traceback);
    WF_CLEAR(e->context);
    WF_CLEAR(e->cause);
    return 0;
}

static void exc_dealloc(WfObject *self) {
    clear_members(self);
    wf_type_of(self)->tp_free(self);
}

static int exc_traverse(WfObject *self, WfVisitProc visit, void *arg) {
    WfBaseExceptionObject *e = BASE(self);
    WfObject *fields[] = {e->dict, e->args, e->notes, e->traceback, e->context, e->cause};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (fields[i] && visit(fields[i], arg)) return -1;
    return 0;
}

static WfObject *exc_str(WfObject *self) {
    WfObject *args = BASE(self)->args;
    wf_ssize n = args ? wf_tuple_size(args) : 0;
    if (n == 0) return wf_str_empty();
    if (n == 1) return wf_object_str(wf_tuple_get_borrow(args, 0));
    return wf_object_str(args);
}

static WfObject *exc_repr(WfObject *self) {
    const char *name = wf_type_name(wf_type_of(self));
    WfObject *args = BASE(self)->args;
    wf_ssize n = args ? wf_tuple_size(args) : 0;
    if (n == 1) return wf_str_from_format("%s(%R)", name, wf_tuple_get_borrow(args, 0));
    if (n == 0) return wf_str_from_format("%s()", name);
    return wf_str_from_format("%s%R", name, args);
}

static WfObject *exc_get_args(WfObject *self, void *c) { return wf_newref(BASE(self)->args); }
static int exc_set_args(WfObject *self, WfObject *v, void *c) {
    if (!v) {
        wf_err_set_string(&wf_exc_TypeError, "args may not be deleted");
        return -1;
    }
    WfObject *t = wf_tuple_from_iterable(v);
    if (!t) return -1;
    WF_SETREF(BASE(self)->args, t);
    return 0;
}

static WfObject *exc_get_tb(WfObject *self, void *c) {
    WfObject *tb = BASE(self)->traceback;
    return wf_newref(tb ? tb : wf_None);
}
static int exc_set_tb(WfObject *self, WfObject *v, void *c) {
    if (!v) {
        wf_err_set_string(&wf_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v == wf_None) v = NULL;
    else if (!wf_type_check(v, &wf_traceback_type)) {
        wf_err_set_string(&wf_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    wf_exception_set_traceback(self, v);
    return 0;
}

static WfObject *get_exc_or_none(WfObject *v) { return wf_newref(v ? v : wf_None); }
static int check_exc_or_none(WfObject *v, const char *what) {
    if (!v) {
        wf_err_format(&wf_exc_TypeError, "%s may not be deleted", what);
        return -1;
    }
    if (v != wf_None && !wf_exception_check(v)) {
        wf_err_format(&wf_exc_TypeError, "exception %s must be None or derive from BaseException",
                      strcmp(what, "__cause__") == 0 ? "cause" : "context");
        return -1;
    }
    return 0;
}
static WfObject *exc_get_context(WfObject *self, void *c) { return get_exc_or_none(BASE(self)->context); }
static int exc_set_context(WfObject *self, WfObject *v, void *c) {
    if (check_exc_or_none(v, "__context__") < 0) return -1;
    WF_SETREF(BASE(self)->context, v == wf_None ? NULL : wf_newref(v));
    return 0;
}
static WfObject *exc_get_cause(WfObject *self, void *c) { return get_exc_or_none(BASE(self)->cause); }
static int exc_set_cause(WfObject *self, WfObject *v, void *c) {
    if (check_exc_or_none(v, "__cause__") < 0) return -1;
    WF_SETREF(BASE(self)->cause, v == wf_None ? NULL : wf_newref(v));
    BASE(self)->suppress_context = 1;
    return 0;
}
static WfObject *exc_get_suppress(WfObject *self, void *c) { return wf_bool_from(BASE(self)->suppress_context); }
static int exc_set_suppress(WfObject *self, WfObject *v, void *c) {
    if (!v) {
        wf_err_set_string(&wf_exc_TypeError, "__suppress_context__ may not be deleted");
        return -1;
    }
    int t = wf_object_is_true(v);
    if (t < 0) return -1;
    BASE(self)->suppress_context = (char)t;
    return 0;
}
static WfObject *exc_get_dict(WfObject *self, void *c) {
    if (!BASE(self)->dict && !(BASE(self)->dict = wf_dict_new())) return NULL;
    return wf_newref(BASE(self)->dict);
}

static const WfGetSetDef exc_getset[] = {
    {"args", exc_get_args, exc_set_args, NULL, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL, NULL},
    {"__context__", exc_get_context, exc_set_context, "exception context", NULL},
    {"__cause__", exc_get_cause, exc_set_cause, "exception cause", NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL, NULL},
    {"__dict__", exc_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static WfObject *exc_with_traceback(WfObject *self, WfObject *tb) {
    if (exc_set_tb(self, tb, NULL) < 0) return NULL;
    return wf_newref(self);
}

static WfObject *exc_add_note(WfObject *self, WfObject *note) {
    if (!wf_str_check(note)) {
        return wf_err_format(&wf_exc_TypeError, "note must be a str, not '%s'", wf_type_name(wf_type_of(note)));
    }
    WfObject *notes = NULL;
    int r = wf_object_lookup_attr(self, WF_ID(__notes__), &notes);
    if (r < 0) return NULL;
    if (r == 0) {
        notes = wf_list_new(0);
        if (!notes || wf_object_setattr(self, WF_ID(__notes__), notes) < 0) {
            wf_xdecref(notes);
            return NULL;
        }
    }
    int ok = wf_list_append(notes, note);
    wf_decref(notes);
    if (ok < 0) return NULL;
    return wf_None;
}

static const WfMethodDef exc_methods[] = {
    WF_METHOD("with_traceback", exc_with_traceback, WF_METH_O,
              "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."),
    WF_METHOD("add_note", exc_add_note, WF_METH_O,
              "Exception.add_note(note) --\n    add a note to the exception"),
    WF_METHOD_END,
};

// ---------------------------------------------------------------------------
// Subtypes with extra fields

#define OFF(st, f) offsetof(st, f)

// Store positional args into named fields after the base init ran.
static WfObject *arg_or_none(WfObject *const *args, size_t nargs, size_t i) {
    return wf_newref(i < nargs ? args[i] : wf_None);
}

// SystemExit(code)
static int systemexit_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw) {
    if (exc_init(self, args, nargs, kw) < 0) return -1;
    WfObject *code = nargs == 0 ? wf_None : nargs == 1 ? args[0] : BASE(self)->args;
    WF_SETREF(((WfSystemExitObject *)self)->code, wf_newref(code));
    return 0;
}
static const WfMemberDef systemexit_members[] = {
    {"code", WF_T_OBJECT, OFF(WfSystemExitObject, code), 0, "exception code"}, {NULL, 0, 0, 0, NULL}};

// StopIteration(value)
static int stopiteration_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kw) {
    if (exc_init(self, args, nargs, kw) < 0) return -1;
    WF_SETREF(((WfStopIterationObject *)self)->value, arg_or_none(args, nargs, 0));
    return 0;
}
static const WfMemberDef stopiteration_members[] = {
    {"value", WF_T_OBJECT, OFF(WfStopIterationObject, value), 0, "generator return value"}, {NULL, 0, 0, 0, NULL}};

// Keyword-accepting inits: split kwnames into known names.
static int take_kwargs(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames, const char *const *names,
                       WfObject **out, const char *fname) {
    if (!kwnames) return 0;
    for (wf_ssize i = 0; i < wf_tuple_size(kwnames); i++) {
        WfObject *k = wf_tuple_get_borrow(kwnames, i);
        int found = 0;
        for (int j = 0; names[j]; j++) {
            if (wf_str_equal_cstr(k, names[j])) {
                WF_SETREF(out[j], wf_newref(args[nargs + i]));
                found = 1;
            }
        }
        if (!found) {
            wf_err_format(&wf_exc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, k);
            return -1;
        }
    }
    return 0;
}

// ImportError(*args, name=None, path=None)
static int importerror_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfImportErrorObject *e = (WfImportErrorObject *)self;
    if (exc_init(self, args, nargs, NULL) < 0) return -1;
    static const char *const names[] = {"name", "path", "name_from", NULL};
    WfObject *vals[3] = {NULL, NULL, NULL};
    if (take_kwargs(self, args, nargs, kwnames, names, vals, wf_type_name(wf_type_of(self))) < 0) {
        for (int i = 0; i < 3; i++) wf_xdecref(vals[i]);
        return -1;
    }
    WF_SETREF(e->name, vals[0]);
    WF_SETREF(e->path, vals[1]);
    WF_SETREF(e->name_from, vals[2]);
    WF_SETREF(e->msg, nargs == 1 ? wf_newref(args[0]) : NULL);
    return 0;
}
static WfObject *importerror_str(WfObject *self) {
    WfImportErrorObject *e = (WfImportErrorObject *)self;
    if (e->msg) return wf_object_str(e->msg);
    return exc_str(self);
}
static const WfMemberDef importerror_members[] = {
    {"msg", WF_T_OBJECT, OFF(WfImportErrorObject, msg), 0, "exception message"},
    {"name", WF_T_OBJECT, OFF(WfImportErrorObject, name), 0, "module name"},
    {"path", WF_T_OBJECT, OFF(WfImportErrorObject, path), 0, "module path"},
    {"name_from", WF_T_OBJECT, OFF(WfImportErrorObject, name_from), 0, "name imported from module"},
    {NULL, 0, 0, 0, NULL}};

// NameError(*args, name=None)
static int nameerror_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (exc_init(self, args, nargs, NULL) < 0) return -1;
    static const char *const names[] = {"name", NULL};
    WfObject *vals[1] = {NULL};
    if (take_kwargs(self, args, nargs, kwnames, names, vals, wf_type_name(wf_type_of(self))) < 0) return -1;
    WF_SETREF(((WfNameErrorObject *)self)->name, vals[0]);
    return 0;
}
static const WfMemberDef nameerror_members[] = {
    {"name", WF_T_OBJECT, OFF(WfNameErrorObject, name), 0, "name"}, {NULL, 0, 0, 0, NULL}};

// AttributeError(*args, name=None, obj=None)
static int attributeerror_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (exc_init(self, args, nargs, NULL) < 0) return -1;
    static const char *const names[] = {"name", "obj", NULL};
    WfObject *vals[2] = {NULL, NULL};
    if (take_kwargs(self, args, nargs, kwnames, names, vals, wf_type_name(wf_type_of(self))) < 0) {
        wf_xdecref(vals[0]);
        wf_xdecref(vals[1]);
        return -1;
    }
    WF_SETREF(((WfAttributeErrorObject *)self)->name, vals[0]);
    WF_SETREF(((WfAttributeErrorObject *)self)->obj, vals[1]);
    return 0;
}
static const WfMemberDef attributeerror_members[] = {
    {"name", WF_T_OBJECT, OFF(WfAttributeErrorObject, name), 0, "attribute name"},
    {"obj", WF_T_OBJECT, OFF(WfAttributeErrorObject, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL}};

// KeyError: str() of a single argument is its repr.
static WfObject *keyerror_str(WfObject *self) {
    WfObject *args = BASE(self)->args;
    if (args && wf_tuple_size(args) == 1) return wf_object_repr(wf_tuple_get_borrow(args, 0));
    return exc_str(self);
}

// OSError(errno, strerror[, filename[, winerror[, filename2]]])
static WfTypeObject *oserror_subtype_for(WfObject *errno_obj);

static WfObject *oserror_new(WfTypeObject *type, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (type == &wf_exc_OSError && nargs >= 2 && nargs <= 5 && wf_int_check(args[0])) {
        WfTypeObject *sub = oserror_subtype_for(args[0]);
        if (sub) type = sub;
    }
    return exc_new(type, args, nargs, kwnames);
}

static int oserror_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (kwnames && wf_tuple_size(kwnames) > 0) {
        wf_err_format(&wf_exc_TypeError, "%s() takes no keyword arguments", wf_type_name(wf_type_of(self)));
        return -1;
    }
    WfOSErrorObject *e = (WfOSErrorObject *)self;
    if (nargs >= 2 && nargs <= 5) {
        WF_SETREF(e->myerrno, wf_newref(args[0]));
        WF_SETREF(e->strerror, wf_newref(args[1]));
        if (nargs >= 3) WF_SETREF(e->filename, wf_newref(args[2]));
        if (nargs == 5) WF_SETREF(e->filename2, wf_newref(args[4]));
        // args keeps only (errno, strerror) when a filename is given, as CPython.
        WfObject *t = wf_tuple_from_array(args, 2);
        if (!t) return -1;
        WF_SETREF(BASE(self)->args, t);
        return 0;
    }
    return exc_init(self, args, nargs, NULL);
}

static WfObject *oserror_str(WfObject *self) {
    WfOSErrorObject *e = (WfOSErrorObject *)self;
    if (e->filename && e->filename != wf_None) {
        if (e->filename2 && e->filename2 != wf_None)
            return wf_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror, e->filename, e->filename2);
        return wf_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror) return wf_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    return exc_str(self);
}
static const WfMemberDef oserror_members[] = {
    {"errno", WF_T_OBJECT, OFF(WfOSErrorObject, myerrno), 0, "POSIX exception code"},
    {"strerror", WF_T_OBJECT, OFF(WfOSErrorObject, strerror), 0, "exception strerror"},
    {"filename", WF_T_OBJECT, OFF(WfOSErrorObject, filename), 0, "exception filename"},
    {"filename2", WF_T_OBJECT, OFF(WfOSErrorObject, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL}};

// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
static int syntaxerror_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    WfSyntaxErrorObject *e = (WfSyntaxErrorObject *)self;
    if (nargs >= 1) WF_SETREF(e->msg, wf_newref(args[0]));
    if (nargs == 2) {
        WfObject *info = wf_tuple_from_iterable(args[1]);
        if (!info) return -1;
        wf_ssize n = wf_tuple_size(info);
        if (n != 4 && n != 6) {
            wf_decref(info);
            wf_err_set_string(&wf_exc_IndexError, "tuple index out of range");
            return -1;
        }
        WfObject **it = wf_tuple_items(info);
        WF_SETREF(e->filename, wf_newref(it[0]));
        WF_SETREF(e->lineno, wf_newref(it[1]));
        WF_SETREF(e->offset, wf_newref(it[2]));
        WF_SETREF(e->text, wf_newref(it[3]));
        if (n == 6) {
            WF_SETREF(e->end_lineno, wf_newref(it[4]));
            WF_SETREF(e->end_offset, wf_newref(it[5]));
        }
        wf_decref(info);
    }
    return 0;
}

static WfObject *syntaxerror_str(WfObject *self) {
    WfSyntaxErrorObject *e = (WfSyntaxErrorObject *)self;
    WfObject *msg = e->msg ? e->msg : wf_None;
    WfObject *fname = NULL;
    if (e->filename && wf_str_check(e->filename)) {
        // CPython shows only the basename of the file.
        wf_ssize len = wf_str_length(e->filename);
        wf_ssize i = len;
        while (i > 0 && wf_str_char_at(e->filename, i - 1) != '/') i--;
        fname = wf_str_substring(e->filename, i, len);
        if (!fname) return NULL;
    }
    bool have_line = e->lineno && wf_int_check(e->lineno);
    WfObject *r;
    if (fname && have_line)
        r = wf_str_from_format("%S (%U, line %S)", msg, fname, e->lineno);
    else if (fname)
        r = wf_str_from_format("%S (%U)", msg, fname);
    else if (have_line)
        r = wf_str_from_format("%S (line %S)", msg, e->lineno);
    else
        r = wf_object_str(msg);
    wf_xdecref(fname);
    return r;
}
static const WfMemberDef syntaxerror_members[] = {
    {"msg", WF_T_OBJECT, OFF(WfSyntaxErrorObject, msg), 0, "exception msg"},
    {"filename", WF_T_OBJECT, OFF(WfSyntaxErrorObject, filename), 0, "exception filename"},
    {"lineno", WF_T_OBJECT, OFF(WfSyntaxErrorObject, lineno), 0, "exception lineno"},
    {"offset", WF_T_OBJECT, OFF(WfSyntaxErrorObject, offset), 0, "exception offset"},
    {"text", WF_T_OBJECT, OFF(WfSyntaxErrorObject, text), 0, "exception text"},
    {"end_lineno", WF_T_OBJECT, OFF(WfSyntaxErrorObject, end_lineno), 0, "exception end lineno"},
    {"end_offset", WF_T_OBJECT, OFF(WfSyntaxErrorObject, end_offset), 0, "exception end offset"},
    {"print_file_and_line", WF_T_OBJECT, OFF(WfSyntaxErrorObject, print_file_and_line), 0, "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL}};

// UnicodeDecodeError(encoding, object, start, end, reason) and friends.
static int unicodeerror_init(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    if (exc_init(self, args, nargs, kwnames) < 0) return -1;
    WfUnicodeErrorObject *e = (WfUnicodeErrorObject *)self;
    bool translate = wf_type_check(self, &wf_exc_UnicodeTranslateError);
    size_t want = translate ? 4 : 5;
    if (nargs != want) {
        wf_err_format(&wf_exc_TypeError, "function takes exactly %d arguments (%d given)", (int)want, (int)nargs);
        return -1;
    }
    size_t i = 0;
    if (!translate) WF_SETREF(e->encoding, wf_newref(args[i++]));
    WF_SETREF(e->object, wf_newref(args[i++]));
    e->start = wf_int_as_ssize(args[i++]);
    if (e->start == -1 && wf_err_occurred()) return -1;
    e->end = wf_int_as_ssize(args[i++]);
    if (e->end == -1 && wf_err_occurred()) return -1;
    WF_SETREF(e->reason, wf_newref(args[i]));
    return 0;
}

static WfObject *unicodeerror_str(WfObject *self) {
    WfUnicodeErrorObject *e = (WfUnicodeErrorObject *)self;
    if (!e->object || !e->reason) return exc_str(self);
    bool decode = wf_type_check(self, &wf_exc_UnicodeDecodeError);
    if (decode) {
        extern int wf_bytes_like_get(WfObject *, const char **, wf_ssize *);
        const char *data;
        wf_ssize len;
        if (wf_bytes_like_get(e->object, &data, &len) < 0) return NULL;
        if (e->start >= 0 && e->start < len && e->end == e->start + 1)
            return wf_str_from_format("'%S' codec can't decode byte 0x%02x in position %zd: %S", e->encoding,
                                      (unsigned)(unsigned char)data[e->start], e->start, e->reason);
        return wf_str_from_format("'%S' codec can't decode bytes in position %zd-%zd: %S", e->encoding, e->start,
                                  e->end - 1, e->reason);
    }
    const char *verb = e->encoding ? "encode" : "translate";
    WfObject *enc = e->encoding;
    if (wf_str_check(e->object) && e->start >= 0 && e->start < wf_str_length(e->object) && e->end == e->start + 1) {
        uint32_t ch = wf_str_char_at(e->object, e->start);
        const char *fmt = ch < 0x100 ? "\\x%02x" : ch < 0x10000 ? "\\u%04x" : "\\U%08x";
        char cbuf[16];
        snprintf(cbuf, sizeof cbuf, fmt, ch);
        if (enc)
            return wf_str_from_format("'%S' codec can't %s character '%s' in position %zd: %S", enc, verb, cbuf,
                                      e->start, e->reason);
        return wf_str_from_format("can't %s character '%s' in position %zd: %S", verb, cbuf, e->start, e->reason);
    }
    if (enc)
        return wf_str_from_format("'%S' codec can't %s characters in position %zd-%zd: %S", enc, verb, e->start,
                                  e->end - 1, e->reason);
    return wf_str_from_format("can't %s characters in position %zd-%zd: %S", verb, e->start, e->end - 1, e->reason);
}
static const WfMemberDef unicodeerror_members[] = {
    {"encoding", WF_T_OBJECT, OFF(WfUnicodeErrorObject, encoding), 0, "exception encoding"},
    {"object", WF_T_OBJECT, OFF(WfUnicodeErrorObject, object), 0, "exception object"},
    {"start", WF_T_SSIZE, OFF(WfUnicodeErrorObject, start), 0, "exception start"},
    {"end", WF_T_SSIZE, OFF(WfUnicodeErrorObject, end), 0, "exception end"},
    {"reason", WF_T_OBJECT, OFF(WfUnicodeErrorObject, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL}};

// ---------------------------------------------------------------------------
// The static types

#define wf_exc_object wf_object_type
#define WF_DEFINE_EXC(name, base, st, doc)                                                               \
    WfTypeObject wf_exc_##name = {                                                                       \
        WF_STATIC_TYPE_HEAD,                                                                             \
        .tp_name = #name,                                                                                \
        .tp_basicsize = sizeof(st),                                                                      \
        .tp_flags = WF_TPFLAGS_BASETYPE | WF_TPFLAGS_BASE_EXC_SUBCLASS | WF_TPFLAGS_HAVE_GC,              \
        .tp_doc = doc,                                                                                   \
        .tp_base = &wf_exc_##base,                                                                       \
        .tp_dictoffset = offsetof(WfBaseExceptionObject, dict),                                          \
    };
WF_EXCEPTION_TYPES(WF_DEFINE_EXC)
#undef WF_DEFINE_EXC

static WfTypeObject *oserror_subtype_for(WfObject *errno_obj) {
    static const struct { int e; WfTypeObject *t; } map[] = {
        {EAGAIN, &wf_exc_BlockingIOError}, {EALREADY, &wf_exc_BlockingIOError},
        {EINPROGRESS, &wf_exc_BlockingIOError}, {ECHILD, &wf_exc_ChildProcessError},
        {EPIPE, &wf_exc_BrokenPipeError}, {ESHUTDOWN, &wf_exc_BrokenPipeError},
        {ECONNABORTED, &wf_exc_ConnectionAbortedError}, {ECONNREFUSED, &wf_exc_ConnectionRefusedError},
        {ECONNRESET, &wf_exc_ConnectionResetError}, {EEXIST, &wf_exc_FileExistsError},
        {ENOENT, &wf_exc_FileNotFoundError}, {EISDIR, &wf_exc_IsADirectoryError},
        {ENOTDIR, &wf_exc_NotADirectoryError}, {EINTR, &wf_exc_InterruptedError},
        {EACCES, &wf_exc_PermissionError}, {EPERM, &wf_exc_PermissionError},
        {ESRCH, &wf_exc_ProcessLookupError}, {ETIMEDOUT, &wf_exc_TimeoutError},
    };
    long long e = wf_int_as_long_long(errno_obj);
    if (e == -1 && wf_err_occurred()) {
        wf_err_clear();
        return NULL;
    }
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].e == e) return map[i].t;
    return NULL;
}

static WfTypeObject *const all_types[] = {
#define WF_LIST_EXC(name, base, st, doc) &wf_exc_##name,
    WF_EXCEPTION_TYPES(WF_LIST_EXC)
#undef WF_LIST_EXC
};

int wf_exceptions_init(void) {
    WfTypeObject *b = &wf_exc_BaseException;
    b->tp_new = exc_new;
    b->tp_init = exc_init;
    b->tp_dealloc = exc_dealloc;
    b->tp_traverse = exc_traverse;
    b->tp_clear = clear_members;
    b->tp_str = exc_str;
    b->tp_repr = exc_repr;
    b->tp_getset = exc_getset;
    b->tp_methods = exc_methods;

    wf_exc_SystemExit.tp_init = systemexit_init;
    wf_exc_SystemExit.tp_members = systemexit_members;
    wf_exc_StopIteration.tp_init = stopiteration_init;
    wf_exc_StopIteration.tp_members = stopiteration_members;
    wf_exc_ImportError.tp_init = importerror_init;
    wf_exc_ImportError.tp_str = importerror_str;
    wf_exc_ImportError.tp_members = importerror_members;
    wf_exc_NameError.tp_init = nameerror_init;
    wf_exc_NameError.tp_members = nameerror_members;
    wf_exc_AttributeError.tp_init = attributeerror_init;
    wf_exc_AttributeError.tp_members = attributeerror_members;
    wf_exc_KeyError.tp_str = keyerror_str;
    wf_exc_OSError.tp_new = oserror_new;
    wf_exc_OSError.tp_init = oserror_init;
    wf_exc_OSError.tp_str = oserror_str;
    wf_exc_OSError.tp_members = oserror_members;
    wf_exc_SyntaxError.tp_init = syntaxerror_init;
    wf_exc_SyntaxError.tp_str = syntaxerror_str;
    wf_exc_SyntaxError.tp_members = syntaxerror_members;
    wf_exc_UnicodeDecodeError.tp_init = unicodeerror_init;
    wf_exc_UnicodeDecodeError.tp_str = unicodeerror_str;
    wf_exc_UnicodeDecodeError.tp_members = unicodeerror_members;
    wf_exc_UnicodeEncodeError.tp_init = unicodeerror_init;
    wf_exc_UnicodeEncodeError.tp_str = unicodeerror_str;
    wf_exc_UnicodeEncodeError.tp_members = unicodeerror_members;
    wf_exc_UnicodeTranslateError.tp_init = unicodeerror_init;
    wf_exc_UnicodeTranslateError.tp_str = unicodeerror_str;
    wf_exc_UnicodeTranslateError.tp_members = unicodeerror_members;

    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++)
        if (wf_type_ready(all_types[i]) < 0) return -1;
    return 0;
}

// Add every exception type to a namespace dict (builtins), plus the aliases.
int wf_exceptions_add_to_dict(WfObject *d) {
    for (size_t i = 0; i < sizeof all_types / sizeof all_types[0]; i++)
        if (wf_dict_set_item_cstr(d, all_types[i]->tp_name, (WfObject *)all_types[i]) < 0) return -1;
    if (wf_dict_set_item_cstr(d, "EnvironmentError", (WfObject *)&wf_exc_OSError) < 0) return -1;
    if (wf_dict_set_item_cstr(d, "IOError", (WfObject *)&wf_exc_OSError) < 0) return -1;
    return 0;
}

// ---------------------------------------------------------------------------
// C API

WfObject *wf_exception_new(WfTypeObject *type, WfObject *const *args, size_t nargs) {
    return wf_object_call((WfObject *)type, args, nargs, NULL);
}

WfObject *wf_exception_get_traceback(WfObject *exc) { return BASE(exc)->traceback; }
void wf_exception_set_traceback(WfObject *exc, WfObject *tb) { WF_SETREF(BASE(exc)->traceback, wf_xnewref(tb)); }
WfObject *wf_exception_get_context(WfObject *exc) { return BASE(exc)->context; }
void wf_exception_set_context(WfObject *exc, WfObject *ctx) { WF_SETREF(BASE(exc)->context, ctx); }
WfObject *wf_exception_get_cause(WfObject *exc) { return BASE(exc)->cause; }
void wf_exception_set_cause(WfObject *exc, WfObject *cause) {
    WF_SETREF(BASE(exc)->cause, cause);
    BASE(exc)->suppress_context = 1;
}
WfObject *wf_exception_get_args(WfObject *exc) { return BASE(exc)->args; }

WfObject *wf_stop_iteration_value(WfObject *exc) {
    if (exc && wf_type_check(exc, &wf_exc_StopIteration)) {
        WfObject *v = ((WfStopIterationObject *)exc)->value;
        return wf_newref(v ? v : wf_None);
    }
    return wf_None;
}
