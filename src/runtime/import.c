// import.c — builtins.__import__. Resolution order for an absolute name:
// sys.modules, native modules (modules/registry.c), frozen stdlib (lib/),
// then `name/__init__.py` and `name.py` in each directory of sys.path (or of
// the parent package's __path__ for submodules).
//
// Invariant: a module is placed in sys.modules before its body runs and
// removed again if the body raises, so circular imports see the partial module.
// Thread safety: concurrent imports of the same module are not yet serialized
// (a per-module import lock comes with the threading work).
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "compile/compile.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/identifiers.h"
#include "objects/int.h"
#include "objects/list.h"
#include "objects/module.h"
#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/error.h"
#include "runtime/frozen.h"
#include "runtime/import.h"
#include "runtime/thread_state.h"
#include "vm/eval.h"

static WfObject *modules_dict(void) {
    WfObject *m = wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "modules");
    return m && wf_dict_check(m) ? m : wf_runtime.modules;
}

static WfObject *not_found(WfObject *name) {
    WfObject *msg = wf_str_from_format("No module named %R", name);
    if (!msg) return NULL;
    WfObject *kwnames = wf_tuple_pack(1, WF_ID(name));
    if (!kwnames) {
        wf_decref(msg);
        return NULL;
    }
    WfObject *args[2] = {msg, name};
    WfObject *exc = wf_object_call((WfObject *)&wf_exc_ModuleNotFoundError, args, 1, kwnames);
    wf_decref(kwnames);
    wf_decref(msg);
    if (exc) wf_err_set_exc_take(exc);
    return NULL;
}

static int is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (n < 0) n = 0;
    char *buf = wf_mem_malloc((size_t)n + 1);
    if (!buf) {
        fclose(f);
        return NULL;
    }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = 0;
    *len = got;
    return buf;
}

// Execute `src` as module `name` and return it (new reference).
static WfObject *exec_module(WfObject *name, const char *src, size_t len, WfObject *filename, WfObject *file_attr,
                             WfObject *pkg_path) {
    WfObject *m = wf_module_new(name);
    if (!m) return NULL;
    WfObject *d = wf_module_dict_borrow(m);
    WfObject *package = NULL;
    if (pkg_path) {
        package = wf_newref(name);
    } else {
        wf_ssize n = wf_str_length(name), i = n;
        while (i > 0 && wf_str_char_at(name, i - 1) != '.') i--;
        package = i > 0 ? wf_str_substring(name, 0, i - 1) : wf_str_empty();
    }
    if (!package) goto error;
    int r = wf_dict_set_item(d, WF_ID(__package__), package);
    wf_decref(package);
    if (r < 0) goto error;
    if (wf_dict_set_item(d, WF_ID(__builtins__), wf_runtime.builtins) < 0) goto error;
    if (file_attr && wf_dict_set_item(d, WF_ID(__file__), file_attr) < 0) goto error;
    if (pkg_path) {
        WfObject *p = wf_list_from_array(&pkg_path, 1);
        if (!p || wf_dict_set_item_take(d, WF_ID(__path__), p) < 0) goto error;
    }
    WfObject *mods = modules_dict();
    if (wf_dict_set_item(mods, name, m) < 0) goto error;
    WfCodeObject *co = wf_compile_source(src, len, filename, WF_COMPILE_EXEC, -1);
    WfObject *res = co ? wf_eval_code(co, d, d) : NULL;
    wf_xdecref((WfObject *)co);
    if (!res) {
        WfObject *exc = wf_err_fetch();
        if (wf_dict_pop(mods, name, &res) == 1) wf_decref(res);
        wf_err_clear();
        wf_err_restore(exc);
        goto error;
    }
    wf_decref(res);
    // The module body may have replaced itself in sys.modules.
    WfObject *final = NULL;
    if (wf_dict_get_item_ref(mods, name, &final) == 1) {
        wf_decref(m);
        return final;
    }
    return m;
error:
    wf_decref(m);
    return NULL;
}

static const WfFrozenModule *find_frozen(WfObject *name) {
    for (const WfFrozenModule *f = wf_frozen_modules; f->name; f++)
        if (wf_str_equal_cstr(name, f->name)) return f;
    return NULL;
}

// Locate `leaf` in the directories of `search` (list of str). On success fills
// `path` (file to run) and `pkgdir` (non-empty for packages); returns 1.
static int find_in_path(WfObject *search, WfObject *leaf, char *path, size_t size, char *pkgdir, size_t pkgsize) {
    if (!search || !wf_list_check(search)) return 0;
    const char *leafs = wf_str_as_utf8_borrow(leaf);
    if (!leafs) return -1;
    for (wf_ssize i = 0; i < wf_list_size(search); i++) {
        WfObject *dir = wf_list_get_borrow_unsafe(search, i);
        if (!wf_str_check(dir)) continue;
        const char *ds = wf_str_as_utf8_borrow(dir);
        if (!ds) return -1;
        const char *sep = *ds ? "/" : "";
        snprintf(pkgdir, pkgsize, "%s%s%s", ds, sep, leafs);
        snprintf(path, size, "%s/__init__.py", pkgdir);
        if (is_file(path)) return 1;
        snprintf(path, size, "%s%s%s.py", ds, sep, leafs);
        if (is_file(path)) {
            pkgdir[0] = 0;
            return 1;
        }
    }
    return 0;
}

// Load the module `name` (absolute) whose parent (if any) is already imported.
static WfObject *load(WfObject *name, WfObject *parent_module) {
    for (const WfBuiltinModule *b = wf_builtin_modules; b->name; b++) {
        if (wf_str_equal_cstr(name, b->name)) {
            WfObject *m = b->create();
            if (!m) return NULL;
            if (wf_dict_set_item(modules_dict(), name, m) < 0) {
                wf_decref(m);
                return NULL;
            }
            return m;
        }
    }
    const WfFrozenModule *fz = find_frozen(name);
    if (fz) {
        WfObject *fname = wf_str_from_cstr(fz->filename);
        if (!fname) return NULL;
        WfObject *pkg = fz->is_package ? wf_list_new(0) : NULL;
        WfObject *m = exec_module(name, fz->source, fz->size, fname, NULL, pkg ? wf_str_empty() : NULL);
        wf_xdecref(pkg);
        wf_decref(fname);
        return m;
    }
    WfObject *search;
    WfObject *leaf;
    wf_ssize n = wf_str_length(name), i = n;
    while (i > 0 && wf_str_char_at(name, i - 1) != '.') i--;
    if (parent_module) {
        search = NULL;
        if (wf_object_lookup_attr(parent_module, WF_ID(__path__), &search) < 0) return NULL;
        if (!search) {
            WfObject *parent_name = wf_str_substring(name, 0, i - 1);
            if (parent_name) {
                WfObject *msg = wf_str_from_format("No module named %R; %R is not a package", name, parent_name);
                if (msg) {
                    wf_err_set_object(&wf_exc_ModuleNotFoundError, msg);
                    wf_decref(msg);
                }
                wf_decref(parent_name);
            }
            return NULL;
        }
    } else {
        search = wf_xnewref(wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "path"));
    }
    leaf = wf_str_substring(name, i, n);
    if (!leaf) {
        wf_xdecref(search);
        return NULL;
    }
    char path[4096], pkgdir[4096];
    int found = find_in_path(search, leaf, path, sizeof path, pkgdir, sizeof pkgdir);
    wf_xdecref(search);
    wf_decref(leaf);
    if (found < 0) return NULL;
    if (found == 0) return not_found(name);
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        WfObject *p = wf_str_from_cstr(path);
        wf_err_set_from_errno_filename(&wf_exc_OSError, p);
        wf_xdecref(p);
        return NULL;
    }
    WfObject *fname = wf_str_from_cstr(path);
    WfObject *pkg = pkgdir[0] ? wf_str_from_cstr(pkgdir) : NULL;
    WfObject *m = (fname && (pkg || !pkgdir[0])) ? exec_module(name, src, len, fname, fname, pkg) : NULL;
    wf_xdecref(fname);
    wf_xdecref(pkg);
    wf_mem_free(src);
    return m;
}

// Import every component of the dotted absolute `name`; return the leaf.
WfObject *wf_import_module(WfObject *name) {
    WfObject *mods = modules_dict();
    WfObject *m = NULL;
    if (wf_dict_get_item_ref(mods, name, &m) != 0) {
        if (m == wf_None) {
            wf_decref(m);
            return not_found(name);
        }
        return m;  // found (or error with m NULL)
    }
    wf_ssize n = wf_str_length(name), dot = n;
    while (dot > 0 && wf_str_char_at(name, dot - 1) != '.') dot--;
    WfObject *parent = NULL;
    if (dot > 0) {
        WfObject *parent_name = wf_str_substring(name, 0, dot - 1);
        if (!parent_name) return NULL;
        parent = wf_import_module(parent_name);
        wf_decref(parent_name);
        if (!parent) return NULL;
        // The parent's import may have imported us.
        if (wf_dict_get_item_ref(mods, name, &m) != 0) {
            wf_decref(parent);
            return m;
        }
    }
    m = load(name, parent);
    if (m && parent) {
        WfObject *leaf = wf_str_substring(name, dot, n);
        if (!leaf || wf_object_setattr(parent, leaf, m) < 0) wf_err_clear();
        wf_xdecref(leaf);
    }
    wf_xdecref(parent);
    return m;
}

WfObject *wf_import_module_cstr(const char *name) {
    WfObject *s = wf_str_from_cstr(name);
    if (!s) return NULL;
    WfObject *m = wf_import_module(s);
    wf_decref(s);
    return m;
}

// The package a relative import starts from: __package__, else derived from
// __name__ (a package's own name when it has __path__). New reference or NULL
// (no exception) when unknown.
static WfObject *importing_package(WfObject *globals) {
    if (!globals || !wf_dict_check(globals)) return NULL;
    WfObject *package = wf_dict_get_item_borrow(globals, WF_ID(__package__));
    if (package && package != wf_None) return wf_newref(package);
    WfObject *modname = wf_dict_get_item_borrow(globals, WF_ID(__name__));
    if (!modname || !wf_str_check(modname)) return NULL;
    if (wf_dict_get_item_borrow(globals, WF_ID(__path__))) return wf_newref(modname);
    wf_ssize i = wf_str_length(modname);
    while (i > 0 && wf_str_char_at(modname, i - 1) != '.') i--;
    return i > 0 ? wf_str_substring(modname, 0, i - 1) : NULL;
}

// Resolve a relative import against the importing module's globals.
static WfObject *resolve_name(WfObject *name, WfObject *globals, wf_ssize level) {
    WfObject *package = importing_package(globals);
    if (!package && wf_err_occurred()) return NULL;
    if (!package || !wf_str_check(package) || wf_str_length(package) == 0) {
        wf_xdecref(package);
        return wf_err_format(&wf_exc_ImportError, "attempted relative import with no known parent package");
    }
    // Strip level-1 trailing components.
    wf_ssize end = wf_str_length(package);
    for (wf_ssize k = 1; k < level; k++) {
        while (end > 0 && wf_str_char_at(package, end - 1) != '.') end--;
        if (end == 0) {
            wf_decref(package);
            return wf_err_format(&wf_exc_ImportError, "attempted relative import beyond top-level package");
        }
        end--;
    }
    WfObject *base = wf_str_substring(package, 0, end);
    wf_decref(package);
    if (!base) return NULL;
    if (!name || wf_str_length(name) == 0) return base;
    WfObject *r = wf_str_from_format("%U.%U", base, name);
    wf_decref(base);
    return r;
}

static int handle_fromlist(WfObject *module, WfObject *fromlist) {
    WfObject *path = NULL;
    if (wf_object_lookup_attr(module, WF_ID(__path__), &path) < 0) return -1;
    if (!path) return 0;
    wf_decref(path);
    WfObject *it = wf_object_get_iter(fromlist);
    if (!it) return -1;
    WfObject *item;
    while ((item = wf_iter_next(it))) {
        if (!wf_str_check(item)) {
            wf_decref(item);
            continue;
        }
        if (wf_str_equal_cstr(item, "*")) {
            WfObject *all = NULL;
            if (wf_object_lookup_attr(module, WF_ID(__all__), &all) < 0) goto fail_item;
            if (all) {
                int r = handle_fromlist(module, all);
                wf_decref(all);
                if (r < 0) goto fail_item;
            }
            wf_decref(item);
            continue;
        }
        int has = wf_object_hasattr(module, item);
        if (has < 0) goto fail_item;
        if (!has) {
            WfObject *modname = NULL;
            if (wf_object_lookup_attr(module, WF_ID(__name__), &modname) < 0) goto fail_item;
            if (modname) {
                WfObject *full = wf_str_from_format("%S.%U", modname, item);
                wf_decref(modname);
                if (!full) goto fail_item;
                WfObject *sub = wf_import_module(full);
                if (sub) {
                    wf_decref(sub);
                } else if (wf_err_matches(&wf_exc_ModuleNotFoundError)) {
                    // `from pkg import name` where name is neither: IMPORT_FROM reports it.
                    WfObject *exc = wf_err_fetch();
                    WfObject *exc_name = ((WfImportErrorObject *)exc)->name;
                    bool same = exc_name && wf_str_check(exc_name) && wf_str_equal(exc_name, full);
                    if (same) wf_decref(exc);
                    else wf_err_restore(exc);
                    if (!same) {
                        wf_decref(full);
                        goto fail_item;
                    }
                } else {
                    wf_decref(full);
                    goto fail_item;
                }
                wf_decref(full);
            }
        }
        wf_decref(item);
    }
    wf_decref(it);
    return wf_err_occurred() ? -1 : 0;
fail_item:
    wf_decref(item);
    wf_decref(it);
    return -1;
}

WfObject *wf_import_import(WfObject *self, WfObject *const *args, size_t nargs, WfObject *kwnames) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level"};
    WfObject *vals[5] = {NULL, NULL, NULL, NULL, NULL};
    size_t nkw = kwnames ? (size_t)wf_tuple_size(kwnames) : 0;
    if (nargs > 5) return wf_err_format(&wf_exc_TypeError, "__import__() takes at most 5 arguments (%zu given)", nargs);
    for (size_t i = 0; i < nargs; i++) vals[i] = args[i];
    for (size_t k = 0; k < nkw; k++) {
        WfObject *kw = wf_tuple_get_borrow(kwnames, (wf_ssize)k);
        int found = 0;
        for (int j = 0; j < 5; j++)
            if (wf_str_equal_cstr(kw, names[j])) {
                vals[j] = args[nargs + k];
                found = 1;
            }
        if (!found) return wf_err_format(&wf_exc_TypeError, "__import__() got an unexpected keyword argument '%U'", kw);
    }
    WfObject *name = vals[0];
    if (!name) return wf_err_format(&wf_exc_TypeError, "__import__() missing required argument 'name' (pos 1)");
    if (!wf_str_check(name)) return wf_err_format(&wf_exc_TypeError, "module name must be str, not %T", name);
    WfObject *globals = vals[1];
    WfObject *fromlist = vals[3];
    wf_ssize level = 0;
    if (vals[4]) {
        level = wf_int_as_ssize(vals[4]);
        if (level == -1 && wf_err_occurred()) return NULL;
        if (level < 0) return wf_err_format(&wf_exc_ValueError, "level must be >= 0");
    }
    WfObject *absname;
    if (level > 0) {
        absname = resolve_name(name, globals, level);
        if (!absname) return NULL;
    } else {
        if (wf_str_length(name) == 0) return wf_err_format(&wf_exc_ValueError, "Empty module name");
        absname = wf_newref(name);
    }
    WfObject *module = wf_import_module(absname);
    if (!module) {
        wf_decref(absname);
        return NULL;
    }
    int has_fromlist = 0;
    if (fromlist && fromlist != wf_None) {
        has_fromlist = wf_object_is_true(fromlist);
        if (has_fromlist < 0) goto error;
    }
    if (has_fromlist) {
        if (handle_fromlist(module, fromlist) < 0) goto error;
        wf_decref(absname);
        return module;
    }
    // `import a.b.c` binds the top-level package `a`.
    if (level == 0) {
        wf_ssize n = wf_str_length(name), dot = 0;
        while (dot < n && wf_str_char_at(name, dot) != '.') dot++;
        if (dot < n) {
            WfObject *top = wf_str_substring(name, 0, dot);
            if (!top) goto error;
            WfObject *t = wf_import_module(top);
            wf_decref(top);
            wf_decref(module);
            wf_decref(absname);
            return t;
        }
    } else {
        // Relative `from . import` without fromlist is unusual; return the
        // package the relative name starts at, as CPython does.
        wf_ssize n = wf_str_length(name), dot = 0;
        while (dot < n && wf_str_char_at(name, dot) != '.') dot++;
        if (n > 0 && dot < n) {
            wf_ssize cut = wf_str_length(absname) - (n - dot);
            WfObject *top = wf_str_substring(absname, 0, cut);
            if (!top) goto error;
            WfObject *t = wf_import_module(top);
            wf_decref(top);
            wf_decref(module);
            wf_decref(absname);
            return t;
        }
    }
    wf_decref(absname);
    return module;
error:
    wf_decref(module);
    wf_decref(absname);
    return NULL;
}

WfObject *wf_import_find_source(WfObject *name, WfObject **filename) {
    const WfFrozenModule *fz = find_frozen(name);
    if (fz) {
        *filename = wf_str_from_cstr(fz->filename);
        return wf_str_from_utf8(fz->source, (wf_ssize)fz->size);
    }
    WfObject *search = wf_dict_get_item_cstr_borrow(wf_runtime.sys_dict, "path");
    char path[4096], pkgdir[4096];
    int found = find_in_path(search, name, path, sizeof path, pkgdir, sizeof pkgdir);
    if (found <= 0) {
        if (found == 0) {
            WfObject *msg = wf_str_from_format("No module named %U", name);
            if (msg) {
                wf_err_set_object(&wf_exc_ModuleNotFoundError, msg);
                wf_decref(msg);
            }
        }
        return NULL;
    }
    size_t len;
    char *src = read_file(path, &len);
    if (!src) return wf_err_set_from_errno(&wf_exc_OSError);
    WfObject *s = wf_str_from_utf8(src, (wf_ssize)len);
    wf_mem_free(src);
    *filename = wf_str_from_cstr(path);
    return s;
}
