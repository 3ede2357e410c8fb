// call.c — binding call arguments to a Python function's parameters (CPython's
// initialize_locals, with its exact error messages) and the C entry point for
// calling function objects.
//
// Invariant: a frame produced by wf_call_push_frame has every parameter slot
// filled (positional, defaults, *args tuple, kw-only, **kwargs dict), every
// other local slot NULL, and owns one reference per non-NULL slot.
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/list.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "vm/call.h"
#include "vm/eval_internal.h"

// ---------------------------------------------------------------------------
// Error messages

static void too_many_positional(WfCodeObject *co, wf_ssize given, WfObject *defaults, WfStackRef *localsplus,
                                WfObject *qualname) {
    wf_ssize kwonly_given = 0;
    for (int i = co->co_argcount; i < co->co_argcount + co->co_kwonlyargcount; i++)
        if (!wf_stackref_is_null(localsplus[i])) kwonly_given++;
    wf_ssize defcount = defaults ? wf_tuple_size(defaults) : 0;
    WfObject *sig;
    int plural;
    if (defcount) {
        plural = 1;
        sig = wf_str_from_format("from %zd to %zd", (wf_ssize)co->co_argcount - defcount, (wf_ssize)co->co_argcount);
    } else {
        plural = co->co_argcount != 1;
        sig = wf_str_from_format("%zd", (wf_ssize)co->co_argcount);
    }
    if (!sig) return;
    WfObject *kwonly_sig;
    if (kwonly_given)
        kwonly_sig = wf_str_from_format(" positional argument%s (and %zd keyword-only argument%s)", given != 1 ? "s" : "",
                                        kwonly_given, kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = wf_str_from_cstr("");
    if (!kwonly_sig) {
        wf_decref(sig);
        return;
    }
    wf_err_format(&wf_exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given", qualname, sig,
                  plural ? "s" : "", given, kwonly_sig, given == 1 && !kwonly_given ? "was" : "were");
    wf_decref(sig);
    wf_decref(kwonly_sig);
}

static void format_missing(const char *kind, WfObject *names, WfObject *qualname) {
    wf_ssize len = wf_list_size(names);
    WfObject *name_str;
    if (len == 1) {
        name_str = wf_list_get_item(names, 0);
    } else if (len == 2) {
        name_str = wf_str_from_format("%U and %U", wf_list_get_borrow_unsafe(names, 0), wf_list_get_borrow_unsafe(names, 1));
    } else {
        WfObject *tail = wf_str_from_format(", %U, and %U", wf_list_get_borrow_unsafe(names, len - 2),
                                            wf_list_get_borrow_unsafe(names, len - 1));
        if (!tail) return;
        WfObject *head_list = wf_list_slice(names, 0, len - 2);
        WfObject *comma = wf_str_from_cstr(", ");
        WfObject *head = (head_list && comma) ? wf_str_join(comma, head_list) : NULL;
        wf_xdecref(head_list);
        wf_xdecref(comma);
        name_str = head ? wf_str_concat(head, tail) : NULL;
        wf_xdecref(head);
        wf_decref(tail);
    }
    if (!name_str) return;
    wf_err_format(&wf_exc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname, len, kind,
                  len == 1 ? "" : "s", name_str);
    wf_decref(name_str);
}

static void missing_arguments(WfCodeObject *co, wf_ssize defcount, WfStackRef *localsplus, WfObject *qualname) {
    bool positional = defcount != -1;
    int start, end;
    if (positional) {
        start = 0;
        end = co->co_argcount - (int)defcount;
    } else {
        start = co->co_argcount;
        end = start + co->co_kwonlyargcount;
    }
    WfObject *names = wf_list_new(0);
    if (!names) return;
    for (int i = start; i < end; i++) {
        if (wf_stackref_is_null(localsplus[i])) {
            WfObject *r = wf_object_repr(wf_tuple_get_borrow(co->co_localsplusnames, i));
            if (!r || wf_list_append_take(names, r) < 0) {
                wf_decref(names);
                return;
            }
        }
    }
    format_missing(positional ? "positional" : "keyword-only", names, qualname);
    wf_decref(names);
}

static int positional_only_passed_as_keyword(WfCodeObject *co, WfObject *kwnames, WfObject *qualname) {
    int posonly_conflicts = 0;
    WfObject *names = wf_list_new(0);
    if (!names) return -1;
    for (int k = 0; k < co->co_posonlyargcount; k++) {
        WfObject *posonly = wf_tuple_get_borrow(co->co_localsplusnames, k);
        for (wf_ssize k2 = 0; k2 < wf_tuple_size(kwnames); k2++) {
            WfObject *kw = wf_tuple_get_borrow(kwnames, k2);
            int cmp = kw == posonly ? 1 : wf_object_eq(posonly, kw);
            if (cmp < 0) goto fail;
            if (cmp) {
                if (wf_list_append(names, kw) < 0) goto fail;
                posonly_conflicts++;
            }
        }
    }
    if (!posonly_conflicts) {
        wf_decref(names);
        return 0;
    }
    WfObject *comma = wf_str_from_cstr(", ");
    if (!comma) goto fail;
    WfObject *joined = wf_str_join(comma, names);
    wf_decref(comma);
    if (!joined) goto fail;
    wf_err_format(&wf_exc_TypeError, "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  qualname, joined);
    wf_decref(joined);
    wf_decref(names);
    return 1;
fail:
    wf_decref(names);
    return -1;
}

// ---------------------------------------------------------------------------
// Binding

// Slow path: the full initialize_locals. args consumed.
static int bind_general(WfFunctionObject *func, WfCodeObject *co, WfStackRef *localsplus, WfStackRef *args,
                        size_t argcount, WfObject *kwnames) {
    size_t kwcount = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    int total_args = co->co_argcount + co->co_kwonlyargcount;
    WfObject *kwdict = NULL;
    size_t consumed = 0;  // args[0..consumed) moved or dropped
    if (co->co_flags & WF_CO_VARKEYWORDS) {
        kwdict = wf_dict_new();
        if (!kwdict) goto fail_pre;
        int i = total_args + ((co->co_flags & WF_CO_VARARGS) ? 1 : 0);
        localsplus[i] = wf_stackref_steal(kwdict);
    }
    size_t n = argcount > (size_t)co->co_argcount ? (size_t)co->co_argcount : argcount;
    for (size_t j = 0; j < n; j++) localsplus[j] = args[j];
    consumed = n;
    if (co->co_flags & WF_CO_VARARGS) {
        WfObject *u;
        if (argcount > n) {
            u = wf_tuple_new((wf_ssize)(argcount - n));
            if (!u) goto fail_post_positional;
            for (size_t j = n; j < argcount; j++) wf_tuple_set_take(u, (wf_ssize)(j - n), wf_stackref_to_owned(args[j]));
            consumed = argcount;
        } else {
            u = wf_tuple_empty();
        }
        localsplus[total_args] = wf_stackref_steal(u);
    }
    // Keyword arguments.
    for (size_t i = 0; i < kwcount; i++) {
        WfObject *keyword = wf_tuple_get_borrow(kwnames, (wf_ssize)i);
        WfStackRef value = args[argcount + i];
        args[argcount + i] = WF_STACKREF_NULL;
        if (!wf_str_check(keyword)) {
            wf_err_format(&wf_exc_TypeError, "%U() keywords must be strings", func->qualname);
            wf_stackref_close(value);
            goto fail_kw;
        }
        WfObject **names = wf_tuple_items(co->co_localsplusnames);
        int j;
        for (j = co->co_posonlyargcount; j < total_args; j++)
            if (names[j] == keyword) goto kw_found;
        for (j = co->co_posonlyargcount; j < total_args; j++) {
            int cmp = wf_object_eq(keyword, names[j]);
            if (cmp > 0) goto kw_found;
            if (cmp < 0) {
                wf_stackref_close(value);
                goto fail_kw;
            }
        }
        if (!kwdict) {
            if (co->co_posonlyargcount && positional_only_passed_as_keyword(co, kwnames, func->qualname)) {
                wf_stackref_close(value);
                goto fail_kw;
            }
            wf_err_format(&wf_exc_TypeError, "%U() got an unexpected keyword argument '%S'", func->qualname, keyword);
            wf_stackref_close(value);
            goto fail_kw;
        }
        {
            WfObject *v = wf_stackref_to_owned(value);
            int r = wf_dict_set_item(kwdict, keyword, v);
            wf_decref(v);
            if (r < 0) goto fail_kw;
        }
        continue;
    kw_found:
        if (!wf_stackref_is_null(localsplus[j])) {
            wf_err_format(&wf_exc_TypeError, "%U() got multiple values for argument '%S'", func->qualname, keyword);
            wf_stackref_close(value);
            goto fail_kw;
        }
        localsplus[j] = value;
    }
    kwcount = 0;
    // Too many positional arguments.
    if (argcount > (size_t)co->co_argcount && !(co->co_flags & WF_CO_VARARGS)) {
        too_many_positional(co, (wf_ssize)argcount, func->defaults, localsplus, func->qualname);
        goto fail_post_positional;
    }
    // Missing positional arguments and defaults.
    if (argcount < (size_t)co->co_argcount) {
        wf_ssize defcount = func->defaults ? wf_tuple_size(func->defaults) : 0;
        wf_ssize m = co->co_argcount - defcount;
        wf_ssize missing = 0;
        for (wf_ssize i = (wf_ssize)argcount; i < m; i++)
            if (wf_stackref_is_null(localsplus[i])) missing++;
        if (missing) {
            missing_arguments(co, defcount, localsplus, func->qualname);
            goto fail_post_positional;
        }
        if ((wf_ssize)argcount > m) m = (wf_ssize)argcount;  // first default to consider
        if (defcount) {
            WfObject **defs = wf_tuple_items(func->defaults);
            wf_ssize first = co->co_argcount - defcount;
            for (wf_ssize i = m; i < co->co_argcount; i++)
                if (wf_stackref_is_null(localsplus[i])) localsplus[i] = wf_stackref_new(defs[i - first]);
        }
    }
    // Keyword-only defaults.
    if (co->co_kwonlyargcount > 0) {
        wf_ssize missing = 0;
        for (int i = co->co_argcount; i < total_args; i++) {
            if (!wf_stackref_is_null(localsplus[i])) continue;
            WfObject *name = wf_tuple_get_borrow(co->co_localsplusnames, i);
            if (func->kwdefaults) {
                WfObject *def;
                int r = wf_dict_get_item_ref(func->kwdefaults, name, &def);
                if (r < 0) goto fail_post_positional;
                if (r > 0) {
                    localsplus[i] = wf_stackref_steal(def);
                    continue;
                }
            }
            missing++;
        }
        if (missing) {
            missing_arguments(co, -1, localsplus, func->qualname);
            goto fail_post_positional;
        }
    }
    return 0;

fail_pre:
    for (size_t j = 0; j < argcount + kwcount; j++) wf_stackref_xclose(args[j]);
    return -1;
fail_kw:
    // Remaining keyword values not yet moved.
    for (size_t i = 0; i < kwcount; i++) {
        wf_stackref_xclose(args[argcount + i]);
        args[argcount + i] = WF_STACKREF_NULL;
    }
fail_post_positional:
    for (size_t j = consumed; j < argcount; j++) wf_stackref_close(args[j]);
    // Slots already filled are released by the caller's frame clear.
    return -1;
}

WfFrame *wf_call_push_frame(WfThreadState *ts, WfStackRef func_ref, WfObject *locals, WfStackRef *args,
                            size_t nargs, WfObject *kwnames) {
    WfFunctionObject *func = (WfFunctionObject *)wf_stackref_as_obj(func_ref);
    WfCodeObject *co = (WfCodeObject *)func->code;
    WfFrame *f = wf_frame_push_inline(ts, co);
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    if (!f) {
        for (size_t i = 0; i < nargs + nkw; i++) wf_stackref_close(args[i]);
        wf_stackref_close(func_ref);
        wf_xdecref(locals);
        return NULL;
    }
    f->func = func_ref;
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = locals;
    f->previous = NULL;
    int nlocalsplus = co->co_nlocalsplus;
    WfStackRef *lp = f->localsplus;
    if (WF_LIKELY(nkw == 0 && nargs == (size_t)co->co_argcount &&
                  !(co->co_flags & (WF_CO_VARARGS | WF_CO_VARKEYWORDS)) && co->co_kwonlyargcount == 0)) {
        size_t i = 0;
        for (; i < nargs; i++) lp[i] = args[i];
        for (; i < (size_t)nlocalsplus; i++) lp[i] = WF_STACKREF_NULL;
        return f;
    }
    for (int i = 0; i < nlocalsplus; i++) lp[i] = WF_STACKREF_NULL;
    if (bind_general(func, co, lp, args, nargs, kwnames) < 0) {
        wf_frame_clear(f);
        wf_frame_pop(ts, f);
        return NULL;
    }
    return f;
}

WfObject *wf_function_vectorcall(WfObject *callable, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    WfThreadState *ts = wf_tstate();
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    size_t total = nargs + nkw;
    WfStackRef small[16];
    WfStackRef *refs = small;
    if (total > 16) {
        refs = wf_mem_malloc(total * sizeof(WfStackRef));
        if (!refs) return wf_err_no_memory();
    }
    for (size_t i = 0; i < total; i++) refs[i] = wf_stackref_new(args[i]);
    WfFunctionObject *func = (WfFunctionObject *)callable;
    WfObject *locals = NULL;
    if (!(((WfCodeObject *)func->code)->co_flags & WF_CO_OPTIMIZED)) locals = wf_newref(func->globals);
    WfFrame *f = wf_call_push_frame(ts, wf_stackref_new(callable), locals, refs, nargs, nkw ? kwnames : NULL);
    if (refs != small) wf_mem_free(refs);
    if (!f) return NULL;
    return wf_eval_frame(ts, f, 0);
}

WfObject *wf_call_function_str(WfObject *func) {
    WfObject *qualname = NULL;
    if (wf_object_lookup_attr(func, WF_ID(__qualname__), &qualname) < 0) return NULL;
    if (!qualname) return wf_object_str(func);
    WfObject *module = NULL;
    if (wf_object_lookup_attr(func, WF_ID(__module__), &module) < 0) {
        wf_decref(qualname);
        return NULL;
    }
    WfObject *r;
    if (module && module != wf_None && !(wf_str_check(module) && wf_str_equal_cstr(module, "builtins")))
        r = wf_str_from_format("%S.%S()", module, qualname);
    else
        r = wf_str_from_format("%S()", qualname);
    wf_xdecref(module);
    wf_decref(qualname);
    return r;
}
